"""Which pages the extension generates, and what each one shows.

A :class:`PageModel` is plain data: everything its rendered page depends on, so
its digest changes exactly when the page must be generated and written again.
Planning all pages is one pass over the graph's dictionaries.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, replace
from typing import Any

from sphinx.locale import get_translation

from .graph import ConceptGraph, Term, term_key
from .model import Concept, digest

__all__ = ["AliasRow", "ConceptRow", "PageModel", "TermRow", "fixed_docnames", "plan_pages"]

_ = get_translation("sphinx_concepts")

GLOSSARY_LABEL = "concepts-glossary"
MAP_LABEL = "concepts-map"
TAGS_LABEL = "concepts-tags"
CATEGORIES_LABEL = "concepts-categories"


@dataclass(frozen=True)
class ConceptRow:
    """A concept in a listing: its linked name and its summary."""

    name: str
    key: str
    summary: str
    #: Where the link goes; a move must rewrite the listing.
    docname: str
    anchor: str
    #: Page names of the concept's tags, where a filter needs them (the glossary).
    tags: tuple[str, ...] = ()

    @classmethod
    def of(cls, concept: Concept, tags: tuple[str, ...] = ()) -> ConceptRow:
        return cls(concept.name, concept.key, concept.summary, concept.docname, concept.anchor, tags)


@dataclass(frozen=True)
class AliasRow:
    """An alias in its own alphabetical place: "Base Models, see AI Foundation Models"."""

    alias: str
    concept: ConceptRow


@dataclass(frozen=True)
class TermRow:
    """A tag or category in an index: its linked name and how many concepts it holds."""

    name: str
    docname: str
    count: int


Row = ConceptRow | AliasRow | TermRow


@dataclass(frozen=True)
class PageModel:
    docname: str
    #: "glossary", "tags", "categories", "tag" or "category"
    kind: str
    title: str
    #: The ``:ref:`` label of the page.
    label: str
    #: A sentence above the listing ("" for none).
    intro: str
    #: Rows under letter headings (glossary) or under one heading "" (other pages).
    groups: tuple[tuple[str, tuple[Row, ...]], ...]
    #: Generated pages below this one in the navigation (a hidden toctree).
    children: tuple[str, ...]
    #: A closing link: (docname, text), e.g. to "All tags".
    up: tuple[str, str] | None
    #: Not in any toctree of ours: no "not included in any toctree" warning.
    orphan: bool = False
    #: How tag and category pages list their concepts.
    layout: str = "list"
    #: The glossary's filter choices: (tag page name, tag name), by name.
    filter_tags: tuple[tuple[str, str], ...] = ()
    #: The map's relations, as pairs of concept keys (each once).
    edges: tuple[tuple[str, str], ...] = ()

    def digest(self) -> str:
        return digest(self)


def _title(setting: bool | str, default: str) -> str:
    return setting if isinstance(setting, str) and setting.strip() else default


def fixed_docnames(settings: dict[str, Any]) -> list[str]:
    """The generated pages that exist whatever the entries: known before reading."""
    folder = settings["folder"]
    names = []
    if settings["glossary"] is not False:
        names.append(f"{folder}/index")
    if settings["map"] is not False:
        names.append(f"{folder}/map")
    if settings["tags"] is not False:
        names.append(f"{folder}/tags/index")
    if settings["categories"] is not False:
        names.append(f"{folder}/categories/index")
    return names


def plan_pages(
    settings: dict[str, Any],
    graph: ConceptGraph,
    *,
    sort_key: Callable[[str], Any],
    group_of: Callable[[str], str],
    layout: str = "list",
) -> dict[str, PageModel]:
    """Every generated page, by docname, from ``concepts_pages`` and the graph."""
    folder = settings["folder"]
    navigation = bool(settings["navigation"])
    glossary_doc = f"{folder}/index"
    has_glossary = settings["glossary"] is not False
    pages: dict[str, PageModel] = {}

    kinds = (
        ("tags", "tag", graph.tags, _("Tags"), TAGS_LABEL, _("All tags")),
        ("categories", "category", graph.categories, _("Categories"), CATEGORIES_LABEL, _("All categories")),
    )
    index_docs = []
    for plural, singular, terms, default_title, label, all_text in kinds:
        if settings[plural] is False:
            continue
        index_doc = f"{folder}/{plural}/index"
        index_docs.append(index_doc)
        children = []
        for term in terms.values():
            docname = str(term_docname(settings, plural, term))
            children.append(docname)
            pages[docname] = _term_page(settings, singular, term, docname, (index_doc, str(all_text)), layout)
        rows = tuple(TermRow(t.name, str(term_docname(settings, plural, t)), len(t.concepts)) for t in terms.values())
        pages[index_doc] = PageModel(
            docname=index_doc,
            kind=plural,
            title=_title(settings[plural], str(default_title)),
            label=label,
            intro="",
            groups=(("", rows),),
            children=tuple(children) if navigation else (),
            up=(glossary_doc, str(_("Glossary"))) if has_glossary else None,
        )

    listed = graph.lookup.concepts()
    if settings["only_referenced"]:
        listed = [c for c in listed if graph.is_referenced(c)]
    map_doc = f"{folder}/map"
    if settings["map"] is not False:
        pages[map_doc] = _map_page(settings, graph, listed, map_doc, sort_key)
        index_docs.append(map_doc)
    if has_glossary:
        tag_slugs = {key: term.slug for key, term in graph.tags.items()}
        entries: list[tuple[str, Row]] = []
        for concept in listed:
            tags = tuple(dict.fromkeys(tag_slugs[term_key(tag)] for tag in concept.tags if term_key(tag) in tag_slugs))
            row = ConceptRow.of(concept, tags)
            entries.append((concept.name, row))
            entries.extend((alias, AliasRow(alias, row)) for alias in graph.lookup.aliases_of(concept))
        entries.sort(key=lambda entry: sort_key(entry[0]))
        groups: list[tuple[str, list[Row]]] = []
        for text, entry in entries:
            group = group_of(text)
            if not groups or groups[-1][0] != group:
                groups.append((group, []))
            groups[-1][1].append(entry)
        pages[glossary_doc] = PageModel(
            docname=glossary_doc,
            kind="glossary",
            title=_title(settings["glossary"], str(_("Glossary"))),
            label=GLOSSARY_LABEL,
            intro="",
            groups=tuple((group, tuple(rows)) for group, rows in groups),
            children=tuple(index_docs) if navigation else (),
            up=None,
            filter_tags=tuple((term.slug, term.name) for term in graph.tags.values()),
        )
    return pages


def _map_page(
    settings: dict[str, Any], graph: ConceptGraph, listed: list[Concept], docname: str, sort_key: Callable[[str], Any]
) -> PageModel:
    """The map of the whole library: concepts grouped by category, and their relations."""
    by_category: dict[str, list[ConceptRow]] = {}
    for concept in sorted(listed, key=lambda c: sort_key(c.name)):
        category = graph.categories.get(term_key(concept.category)) if concept.category else None
        by_category.setdefault(category.name if category else "", []).append(ConceptRow.of(concept))
    shown = {concept.key for concept in listed}
    edges = sorted(
        {
            (min(concept.key, other.key), max(concept.key, other.key))
            for concept in listed
            for other in graph.related.get(concept.key, ())
            if other.key in shown
        }
    )
    names = sorted(by_category, key=lambda name: (name == "", sort_key(name)))
    return PageModel(
        docname=docname,
        kind="map",
        title=_title(settings["map"], str(_("Concept map"))),
        label=MAP_LABEL,
        intro=str(_("Every concept, grouped by category; a line joins two related concepts.")),
        groups=tuple((name, tuple(by_category[name])) for name in names),
        children=(),
        up=(f"{settings['folder']}/index", str(_("Glossary"))) if settings["glossary"] is not False else None,
        edges=tuple(edges),
    )


def without_overridden(pages: dict[str, PageModel], sources: Set[str]) -> dict[str, PageModel]:
    """The pages to generate where no source document takes the name, orphans marked.

    A page that no generated page lists in its toctree is an orphan: the user's
    toctree may list it, but Sphinx must not warn when it does not.
    """
    kept = {docname: page for docname, page in pages.items() if docname not in sources}
    listed = {child for page in kept.values() for child in page.children}
    return {docname: replace(page, orphan=docname not in listed) for docname, page in kept.items()}


def _term_page(
    settings: dict[str, Any], kind: str, term: Term, docname: str, up: tuple[str, str], layout: str
) -> PageModel:
    template = settings[f"{kind}_title"]
    intro = _("Concepts tagged %s:") if kind == "tag" else _("Concepts in the category %s:")
    return PageModel(
        docname=docname,
        kind=kind,
        title=template.replace("{name}", term.name),
        label=f"concepts-{kind}-{term.slug}",
        intro=str(intro) % term.name,
        groups=(("", tuple(ConceptRow.of(c) for c in term.concepts)),),
        children=(),
        up=up,
        layout=layout,
    )


def term_docname(settings: dict[str, Any], kind: str, term: Term) -> str | None:
    """The page of a tag (kind "tags") or category ("categories"), if generated."""
    if settings[kind] is False:
        return None
    return f"{settings['folder']}/{kind}/{term.slug}"
