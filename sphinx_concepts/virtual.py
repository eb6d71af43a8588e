"""Generated pages as real Sphinx documents, without a file in the source folder.

The glossary, the tag and category indexes and a page per tag and category are
documents like any other: in toctrees, the search index, ``objects.inv``,
``:doc:`` and ``:ref:`` targets, and every builder's output. Their doctrees are
made after all sources are read (``env-updated``), when every entry is known:

* ``env-get-outdated``: the page names of the last build (and the fixed index
  pages) are declared existing, so toctrees may list them, and kept off the
  "removed" list, so Sphinx does not purge them;
* ``env-before-read-docs``: they are taken off the list of files to read;
* ``env-updated``: each page whose model changed is generated again; pages
  whose tag or category is gone are removed, outputs included;
* the output folder records which page versions it holds (see ``record``), so
  a second builder sharing the doctrees (``make html text``) writes its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from . import envtools
from .conceptmap import concept_map, node_title
from .datapages import plan_entry_pages
from .diagnostics import WarningSubtype, warn
from .domain import concept_domain
from .glossaryfilter import concept_filter
from .pages import ConceptRow, PageModel, fixed_docnames, without_overridden
from .render import doc_link, group_id, listing, term_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["declare_pages", "generate_pages", "hide_missing_source", "remove_output", "skip_generated"]


def declare_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: make the generated pages known before any source is read."""
    domain = concept_domain(env)
    # `found_docs` holds exactly the source files here: Sphinx has just refilled it.
    domain.source_docnames = frozenset(env.found_docs)
    domain.entry_plan = plan_entry_pages(env, set(env.found_docs))
    names = set(domain.generated_pages) | set(fixed_docnames(env.config.concepts_pages)) | set(domain.entry_plan)
    names -= env.found_docs
    env.found_docs.update(names)
    removed.difference_update(names)
    return []


def skip_generated(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: generated pages have no source to read."""
    sources = concept_domain(env).source_docnames
    docnames[:] = [docname for docname in docnames if docname in sources]


def generate_pages(app: Sphinx, env: BuildEnvironment, pages: dict[str, PageModel]) -> set[str]:
    """Bring the generated doctrees in line with *pages*; return the regenerated ones."""
    domain = concept_domain(env)
    sources = domain.source_docnames
    for docname in sorted(set(pages) & sources):
        warn(
            WarningSubtype.PAGE_OVERRIDDEN,
            f"the document {docname!r} replaces the page sphinx-concepts would generate there",
            (docname, None),
        )
    wanted = without_overridden(pages, sources)
    previous: dict[str, str] = domain.generated_pages
    current = {docname: page.digest() for docname, page in wanted.items()}
    regenerate_all = envtools.config_changed(env)

    for docname in sorted(set(previous) - set(current)):
        if docname not in sources:  # else a source file took the name and was read
            envtools.forget_document(app, env, docname, vanished=True)
    regenerated = set()
    for docname, page in sorted(wanted.items()):
        doctree_file = Path(app.doctreedir, f"{docname}.doctree")
        if regenerate_all or previous.get(docname) != current[docname] or not doctree_file.is_file():
            envtools.forget_document(app, env, docname, vanished=False)
            env.found_docs.add(docname)
            envtools.register_document(app, env, docname, _page_doctree(env, page))
            regenerated.add(docname)
    domain.generated_pages = current
    return regenerated


def _page_doctree(env: BuildEnvironment, page: PageModel) -> nodes.document:
    document = envtools.new_generated_document(env, page.docname)
    section = nodes.section(
        "", ids=[page.label], names=[page.label], classes=["concept-generated", f"concept-{page.kind}-page"]
    )
    document.ids[page.label] = section
    document.nameids[page.label] = page.label
    document.nametypes[page.label] = True  # explicit: the std domain makes it a :ref: label
    section += nodes.title(page.title, page.title)
    document += section
    if page.intro:
        section += nodes.paragraph(page.intro, page.intro, classes=["concept-intro"])

    if page.kind in ("tags", "categories"):
        section += term_list(page.groups[0][1] if page.groups else (), page.docname)
    elif page.kind == "glossary":
        jump = nodes.paragraph("", "", classes=["concept-jumpbar"])
        for index, (group, _rows) in enumerate(page.groups):
            if index:
                jump += nodes.Text(" ")
            jump += nodes.reference(group, group, refid=group_id(group))
        if page.groups:
            section += jump
            section += concept_filter("", tags=list(page.filter_tags))
        for group, rows in page.groups:
            heading = nodes.rubric(group, group, ids=[group_id(group)], classes=["concept-letter"])
            heading["heading-level"] = 2
            section += nodes.container("", heading, listing(rows, page.docname), classes=["concept-letter-group"])  # type: ignore[arg-type]
    elif page.kind == "map":
        section += library_map(page)
    else:
        for _group, rows in page.groups:
            section += listing(rows, page.docname, page.layout, design="sphinx_design" in env.config.extensions)  # type: ignore[arg-type]
    if page.up is not None:
        target, text = page.up
        section += nodes.paragraph("", "", doc_link(text, target, page.docname), classes=["concept-up"])
    if page.children:
        section += _toctree(page)
    if page.orphan:
        _mark_orphan(document)
    return document


def library_map(page: PageModel) -> concept_map:
    """The map of every concept, grouped by category."""
    rows = [row for _group, members in page.groups for row in members if isinstance(row, ConceptRow)]
    index = {row.key: number for number, row in enumerate(rows)}
    return concept_map(
        kind="library",
        label=page.title,
        groups=[(group, len(members)) for group, members in page.groups],
        edges=[(index[a], index[b]) for a, b in page.edges],
        items=[(row.name, row.docname, row.anchor, node_title(row.name, row.summary), "concept") for row in rows],
    )


def _mark_orphan(document: nodes.document) -> None:
    # The metadata collector reads a leading docinfo, as from ":orphan:" in a source.
    docinfo = nodes.docinfo()
    docinfo += nodes.field("", nodes.field_name("orphan", "orphan"), nodes.field_body())
    document.insert(0, docinfo)


def _toctree(page: PageModel) -> nodes.compound:
    toctree = addnodes.toctree()
    toctree["parent"] = page.docname
    toctree["entries"] = [(None, docname) for docname in page.children]
    toctree["includefiles"] = list(page.children)
    toctree["maxdepth"] = -1
    toctree["caption"] = None
    toctree["glob"] = False
    toctree["hidden"] = True
    toctree["includehidden"] = False
    toctree["numbered"] = 0
    toctree["titlesonly"] = True
    toctree["rawentries"] = []
    return nodes.compound("", toctree, classes=["toctree-wrapper"])


def hide_missing_source(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``: a generated page has no source to copy or show."""
    domain = concept_domain(app.env)
    if pagename in domain.generated_pages or pagename in domain.data["entry_pages"]:
        context["sourcename"] = ""
        context["show_source"] = False


def remove_output(app: Sphinx, docname: str) -> None:
    """Delete the output of a generated page that no longer exists."""
    path = envtools.output_file(app.builder, docname)
    if path is None:
        return
    path.unlink(missing_ok=True)
    outdir = Path(app.outdir).resolve()
    parent = path.parent.resolve()
    while parent != outdir and outdir in parent.parents:
        try:
            parent.rmdir()  # only when empty, as dirhtml leaves it
        except OSError:
            break
        parent = parent.parent
