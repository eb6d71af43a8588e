"""Docutils nodes for listings of concepts and terms, shared by every page that lists.

Links are ``pending_xref`` nodes, resolved when a page is written, so the same
nodes give the right URL in every builder (html, dirhtml, singlehtml, epub,
LaTeX, text): nothing here knows about file suffixes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation

from .nodes import concept_block
from .pages import AliasRow, ConceptRow, Row, TermRow
from .tooltips import NO_TOOLTIP

__all__ = ["PAGE_LINK", "concept_link", "doc_link", "group_id", "listing", "std_link", "term_list"]

_ = get_translation("sphinx_concepts")


def concept_link(
    name: str, key: str, docname: str, classes: Sequence[str] = (), *, tooltip: bool = True
) -> addnodes.pending_xref:
    """A link to a concept by key, showing *name* (*tooltip*: False where the summary is shown beside it)."""
    link = addnodes.pending_xref(
        "",
        nodes.inline(name, name, classes=["xref", "concept", *classes]),
        refdomain="concept",
        reftype="concept",
        reftarget=key,
        refexplicit=True,
        refwarn=True,
        refdoc=docname,
        **{"concept-query": name},
    )
    if not tooltip:
        link[NO_TOOLTIP] = True
    return link


def std_link(text: str | None, reftype: str, target: str, docname: str) -> addnodes.pending_xref:
    """A ``:doc:`` or ``:ref:`` link, showing *text* (None: the target's title)."""
    return _pending_link(text, "std", reftype, target, docname, ["xref", "std", f"std-{reftype}"])


#: The concept domain's reftype for links to documents this extension names itself.
PAGE_LINK = "page"


def doc_link(text: str | None, target: str, docname: str) -> addnodes.pending_xref:
    """A link to the document *target* (a docname), showing *text* or its title.

    It reads as a ``:doc:`` link, but the concept domain resolves it: the target is
    a docname already, so none of the std domain's path joining is needed, and
    entries and listings hold thousands of these links.
    """
    return _pending_link(text, "concept", PAGE_LINK, target, docname, ["doc"])


def _pending_link(
    text: str | None, domain: str, reftype: str, target: str, docname: str, classes: list[str]
) -> addnodes.pending_xref:
    caption = text or target
    return addnodes.pending_xref(
        "",
        nodes.inline(caption, caption, classes=classes),
        refdomain=domain,
        reftype=reftype,
        reftarget=target,
        refexplicit=text is not None,
        refwarn=True,
        refdoc=docname,
    )


def group_id(group: str) -> str:
    """The anchor of a letter heading; "#" and non-ASCII letters get their code point."""
    return (
        f"concepts-letter-{group.lower()}"
        if group.isascii() and group.isalpha()
        else f"concepts-letter-{ord(group[0]):x}"
    )


def _tag_classes(row: ConceptRow) -> list[str]:
    """What the glossary filter matches a row's tags by (page names are safe class names)."""
    return [f"concept-tag-{slug}" for slug in row.tags]


def _concept_item(row: ConceptRow | AliasRow, docname: str) -> nodes.definition_list_item:
    # Classes on the term: HTML writes a list item as <dt> + <dd>, with no element of its own.
    if isinstance(row, AliasRow):
        target = row.concept
        link = concept_link(row.alias, target.key, docname, ["concept-alias-link"])
        term = nodes.term("", "", link, classes=["concept-row", "concept-alias-row", *_tag_classes(target)])
        see = nodes.paragraph("", "", nodes.emphasis(_("see"), _("see")), nodes.Text(" "))
        see += concept_link(target.name, target.key, docname)
        return nodes.definition_list_item("", term, nodes.definition("", see))
    link = concept_link(row.name, row.key, docname, tooltip=False)
    item = nodes.definition_list_item("", nodes.term("", "", link, classes=["concept-row", *_tag_classes(row)]))
    item += nodes.definition("", nodes.paragraph(row.summary, row.summary, classes=["concept-row-summary"]))
    return item


#: sphinx-design's classes for a grid of cards (its own CSS lays them out).
_DESIGN_GRID = ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4"]
_DESIGN_ROW = ["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2", "sd-row-cols-md-3", "sd-g-3"]
_DESIGN_COLUMN = ["sd-col", "sd-d-flex-row"]
_DESIGN_CARD = ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm"]


def listing(
    rows: Iterable[ConceptRow | AliasRow], docname: str, layout: str = "list", *, design: bool = False
) -> nodes.Element:
    """Concepts with their summaries, as a definition list, a table or cards.

    With *design* (sphinx-design is loaded), cards use its classes and look like
    the project's other cards; without, the extension's own CSS lays them out.
    """
    rows = list(rows)
    if layout == "table":
        return _table(rows, docname)
    if layout == "cards":
        grid = concept_block("", classes=["concept-cards", *(_DESIGN_ROW if design else ())])
        for row in rows:
            target = row.concept if isinstance(row, AliasRow) else row
            parts: list[nodes.Node] = [
                nodes.paragraph(
                    "",
                    "",
                    concept_link(target.name, target.key, docname, tooltip=False),
                    classes=["concept-card-title"],
                )
            ]
            if target.summary:
                parts.append(nodes.paragraph(target.summary, target.summary, classes=["concept-card-summary"]))
            if design:
                body = concept_block("", *parts, classes=["sd-card-body"])
                card = concept_block("", body, classes=["concept-card", *_DESIGN_CARD])
                grid += concept_block("", card, classes=_DESIGN_COLUMN)
            else:
                grid += concept_block("", *parts, classes=["concept-card"])
        return concept_block("", grid, classes=_DESIGN_GRID) if design else grid
    return nodes.definition_list("", *(_concept_item(row, docname) for row in rows), classes=["concept-listing"])


def _table(rows: list[ConceptRow | AliasRow], docname: str) -> nodes.table:
    table = nodes.table("", classes=["concept-table"])
    group = nodes.tgroup("", cols=2)
    table += group
    group += nodes.colspec(colwidth=30)
    group += nodes.colspec(colwidth=70)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph(t, t)) for t in (_("Concept"), _("Summary"))))
    group += head
    body = nodes.tbody()
    for row in rows:
        target = row.concept if isinstance(row, AliasRow) else row
        body += nodes.row(
            "",
            nodes.entry("", nodes.paragraph("", "", concept_link(target.name, target.key, docname, tooltip=False))),
            nodes.entry("", nodes.paragraph(target.summary, target.summary)),
        )
    group += body
    return table


def term_list(rows: Iterable[Row], docname: str) -> nodes.bullet_list:
    """Tags or categories, each linked to its page, with its number of concepts."""
    items = nodes.bullet_list("", classes=["concept-term-index"])
    for row in rows:
        assert isinstance(row, TermRow)
        count = f" ({row.count})"
        items += nodes.list_item(
            "",
            nodes.paragraph(
                "", "", doc_link(row.name, row.docname, docname), nodes.inline(count, count, classes=["concept-count"])
            ),
        )
    return items
