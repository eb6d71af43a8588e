"""The three encodings of one corpus, as the source files of a Sphinx project.

``render(encoding, corpus)`` returns ``{relative path: text}``. Every file is a
pure function of the corpus, so an edit re-renders and writes what differs.

* ``concepts``: ``.. concept::`` entries and ``:concept:`` references; the
  extension generates the glossary, tag and category pages itself.
* ``plain``: Sphinx's ``.. glossary::`` and ``:term:``, with the glossary, tag
  and category pages written out by hand (here: by this module).
* ``needs``: sphinx-needs objects of a ``concept`` type, ``:need:`` references
  and ``needtable`` pages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # corpus imports this module; the types are only for annotations
    from corpus import Concept, Corpus, Ref

__all__ = ["render"]

# Shared by all three: the default theme's global navigation would put every
# document of the root toctree into the sidebar of every page, which makes the
# output grow as N² and would dwarf what the benchmark is about.
COMMON_CONF = """\
project = "Benchmark corpus ({encoding})"
html_sidebars = {{"**": []}}
"""


def render(encoding: str, corpus: Corpus) -> dict[str, str]:
    renderers: dict[str, Callable[[Corpus], dict[str, str]]] = {
        "concepts": _concepts,
        "plain": _plain,
        "needs": _needs,
    }
    return renderers[encoding](corpus)


# -- helpers -----------------------------------------------------------------


def heading(title: str, char: str = "=") -> str:
    return f"{title}\n{char * max(len(title), 3)}\n"


def sort_key(text: str) -> str:
    """Alphabetical order for the hand-written pages: letters without accents, ignoring case."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def slug(label: str) -> str:
    """A page name for a tag or category: ASCII letters and digits joined by hyphens."""
    words = "".join(ch if ch.isalnum() else " " for ch in sort_key(label)).split()
    return "-".join(words).encode("ascii", "ignore").decode() or "x"


def _slugs(labels: Iterable[str]) -> dict[str, str]:
    result = {label: slug(label) for label in labels}
    assert len(set(result.values())) == len(result), "two labels share a page name"
    return result


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def _explanation(concept: Concept, ref: Callable[[Ref], str]) -> str:
    paragraphs = ["".join(piece if isinstance(piece, str) else ref(piece) for piece in p) for p in concept.explanation]
    return "\n\n".join(paragraphs)


def _document_title(stem: str, concepts: tuple[Concept, ...], per_doc: int) -> str:
    if per_doc == 1:
        return concepts[0].name
    # Not derived from the concepts it holds: adding one must not rename the page
    # (every "Referenced by" link to it would change).
    return f"Part {int(stem.rsplit('-', 1)[1])}"


def _documents(corpus: Corpus) -> list[tuple[str, tuple[Concept, ...]]]:
    return [(f"terms/{stem}", concepts) for stem, concepts in corpus.documents()]


def _index(title: str, docnames: Iterable[str], glossary: str) -> str:
    entries = "".join(f"   {doc}\n" for doc in docnames)
    return f"{heading(title)}\n.. toctree::\n   :maxdepth: 1\n\n{entries}   {glossary}\n"


# -- concepts: this extension ---------------------------------------------------


def _concept_ref(ref: Ref, corpus: Corpus) -> str:
    if ref.form == "title":
        return f":concept:`{ref.text} <{corpus.by_index(ref.target).name}>`"
    return f":concept:`{ref.text}`"


def _concept_entry(concept: Concept, corpus: Corpus) -> str:
    options = [f":summary: {concept.summary}"]
    if concept.aliases:
        options.append(f":aliases: {', '.join(concept.aliases)}")
    options.append(f":category: {concept.category}")
    options.append(f":tags: {', '.join(concept.tags)}")
    if concept.related:
        options.append(f":related: {', '.join(text for _, text in concept.related)}")
    body = _explanation(concept, lambda ref: _concept_ref(ref, corpus))
    return f".. concept:: {concept.name}\n" + "".join(f"   {o}\n" for o in options) + "\n" + _indent(body, 3) + "\n"


def _concepts(corpus: Corpus) -> dict[str, str]:
    files = {"conf.py": COMMON_CONF.format(encoding="concepts") + 'extensions = ["sphinx_concepts"]\n'}
    documents = _documents(corpus)
    for docname, concepts in documents:
        # A one-concept page takes its title from the concept (concepts_page_title).
        title = "" if corpus.per_doc == 1 else heading(_document_title(docname, concepts, corpus.per_doc)) + "\n"
        files[f"{docname}.rst"] = title + "\n".join(_concept_entry(c, corpus) for c in concepts)
    files["index.rst"] = _index("Benchmark corpus", (d for d, _ in documents), "concepts/index")
    return files


# -- plain: Sphinx's glossary, and every listing written by hand -------------------


def _term_ref(ref: Ref, corpus: Corpus) -> str:
    if ref.form == "title":
        return f":term:`{ref.text} <{corpus.by_index(ref.target).name}>`"
    return f":term:`{ref.text}`"  # :term: ignores letter case, as :concept: does


def _plain_entry(concept: Concept, corpus: Corpus, tag_slugs: dict[str, str], cat_slugs: dict[str, str]) -> str:
    # Name and aliases are terms of one entry, so an alias is a :term: target too.
    terms = "".join(f"   {term}\n" for term in (concept.name, *concept.aliases))
    fields = [f":Category: :doc:`{concept.category} </categories/{cat_slugs[concept.category]}>`"]
    fields.append(":Tags: " + ", ".join(f":doc:`{t} </tags/{tag_slugs[t]}>`" for t in concept.tags))
    if concept.related:
        fields.append(":Related: " + ", ".join(f":term:`{text}`" for _, text in concept.related))
    body = "\n\n".join([concept.summary, "\n".join(fields), _explanation(concept, lambda ref: _term_ref(ref, corpus))])
    return terms + _indent(body, 6) + "\n"


def _listing(concepts: Iterable[Concept]) -> str:
    """A definition list of linked names and summaries, sorted by name."""
    ordered = sorted(concepts, key=lambda c: sort_key(c.name))
    return "".join(f":term:`{c.name}`\n   {c.summary}\n\n" for c in ordered)


def _group(text: str) -> str:
    first = sort_key(text)[:1].upper()
    return first if first.isalpha() else "#"


def _plain_glossary(corpus: Corpus) -> str:
    rows: list[tuple[str, str]] = []
    for concept in corpus.concepts:
        rows.append((concept.name, f":term:`{concept.name}`\n   {concept.summary}\n"))
        rows.extend(
            (alias, f":term:`{alias} <{concept.name}>`\n   see :term:`{concept.name}`\n") for alias in concept.aliases
        )
    rows.sort(key=lambda row: sort_key(row[0]))
    groups: dict[str, list[str]] = {}
    for text, row in rows:
        groups.setdefault(_group(text), []).append(row)
    jump = " ".join(f"`{group}`_" for group in groups)
    sections = "".join(heading(group, "-") + "\n" + "\n".join(items) + "\n" for group, items in groups.items())
    toctree = ".. toctree::\n   :hidden:\n\n   tags/index\n   categories/index\n"
    return f"{heading('Glossary')}\n{jump}\n\n{sections}{toctree}"


def _plain_term_pages(
    folder: str, title: str, intro: str, members: dict[str, list[Concept]], slugs: dict[str, str]
) -> dict[str, str]:
    files = {}
    ordered = sorted(members, key=sort_key)
    lines = "".join(f"- :doc:`{label} <{slugs[label]}>` ({len(members[label])})\n" for label in ordered)
    toctree = "".join(f"   {slugs[label]}\n" for label in ordered)
    files[f"{folder}/index.rst"] = (
        f"{heading(title)}\n{lines}\n:doc:`Glossary </glossary>`\n\n.. toctree::\n   :hidden:\n\n{toctree}"
    )
    for label in ordered:
        files[f"{folder}/{slugs[label]}.rst"] = (
            f"{heading(label)}\n{intro} {label}:\n\n{_listing(members[label])}:doc:`All {folder} <index>`\n"
        )
    return files


def _plain(corpus: Corpus) -> dict[str, str]:
    files = {"conf.py": COMMON_CONF.format(encoding="plain")}
    tag_slugs, cat_slugs = _slugs(corpus.tags), _slugs(corpus.categories)
    documents = _documents(corpus)
    for docname, concepts in documents:
        entries = "\n".join(_plain_entry(c, corpus, tag_slugs, cat_slugs) for c in concepts)
        title = _document_title(docname, concepts, corpus.per_doc)
        files[f"{docname}.rst"] = f"{heading(title)}\n.. glossary::\n\n{entries}"
    files["index.rst"] = _index("Benchmark corpus", (d for d, _ in documents), "glossary")
    files["glossary.rst"] = _plain_glossary(corpus)
    by_tag = {tag: [c for c in corpus.concepts if tag in c.tags] for tag in corpus.tags}
    by_cat = {cat: [c for c in corpus.concepts if c.category == cat] for cat in corpus.categories}
    files.update(_plain_term_pages("tags", "Tags", "Concepts tagged", by_tag, tag_slugs))
    files.update(_plain_term_pages("categories", "Categories", "Concepts in the category", by_cat, cat_slugs))
    return files


# -- needs: sphinx-needs ------------------------------------------------------------

NEEDS_CONF = """\
extensions = ["sphinx_needs"]
needs_types = [{"directive": "concept", "title": "Concept", "prefix": "C_", "color": "#BFD8D2", "style": "node"}]
needs_fields = {
    "summary": {"description": "One-sentence summary", "nullable": True},
    "category": {"description": "Category", "nullable": True},
    "aliases": {"description": "Other names, comma-separated (text, not link targets)", "nullable": True},
}
"""
TABLE = """\
.. needtable::
   :types: concept
   :columns: id;title;summary;category;tags
   :style: table
   :sort: title
"""


def _need_ref(ref: Ref) -> str:
    # sphinx-needs resolves :need: by id only: it has no aliases and no lookup by
    # title, so references by name, by alias or in other letter case all become
    # references by id; only an explicit title survives as such.
    ident = f"C_{ref.target + 1:05d}"
    return f":need:`{ref.text} <{ident}>`" if ref.form == "title" else f":need:`{ident}`"


def _need_entry(concept: Concept, corpus: Corpus) -> str:
    options = [f":id: {concept.ident}", f":summary: {concept.summary}"]
    if concept.aliases:
        options.append(f":aliases: {', '.join(concept.aliases)}")
    options.append(f":category: {concept.category}")
    options.append(f":tags: {', '.join(concept.tags)}")
    if concept.related:
        options.append(f":links: {', '.join(corpus.by_index(i).ident for i, _ in concept.related)}")
    body = _explanation(concept, _need_ref)
    return f".. concept:: {concept.name}\n" + "".join(f"   {o}\n" for o in options) + "\n" + _indent(body, 3) + "\n"


def _needs_pages(folder: str, title: str, labels: list[str], table_filter: Callable[[str], str]) -> dict[str, str]:
    slugs = _slugs(labels)
    ordered = sorted(labels, key=sort_key)
    toctree = "".join(f"   {slugs[label]}\n" for label in ordered)
    files = {f"{folder}/index.rst": f"{heading(title)}\n.. toctree::\n   :maxdepth: 1\n\n{toctree}"}
    for label in ordered:
        files[f"{folder}/{slugs[label]}.rst"] = f"{heading(label)}\n{TABLE}{table_filter(label)}"
    return files


def _needs(corpus: Corpus) -> dict[str, str]:
    files = {"conf.py": COMMON_CONF.format(encoding="needs") + NEEDS_CONF}
    documents = _documents(corpus)
    for docname, concepts in documents:
        entries = "\n".join(_need_entry(c, corpus) for c in concepts)
        title = _document_title(docname, concepts, corpus.per_doc)
        files[f"{docname}.rst"] = f"{heading(title)}\n{entries}"
    files["index.rst"] = _index("Benchmark corpus", (d for d, _ in documents), "glossary")
    files["glossary.rst"] = (
        f"{heading('All concepts')}\n{TABLE}\n.. toctree::\n   :hidden:\n\n   tags/index\n   categories/index\n"
    )
    files.update(_needs_pages("tags", "Tags", corpus.tags, lambda tag: f"   :tags: {tag}\n"))
    files.update(
        _needs_pages("categories", "Categories", corpus.categories, lambda c: f'   :filter: category == "{c}"\n')
    )
    return files
