"""The extension's own doctree node."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["ENTRY_FILE_MARK", "concept_block", "concept_part", "register", "visit_pass", "visit_skip"]

#: Marks a document made from a concept file: it is its entry's page, titled by the
#: entry's name whatever ``concepts_page_title`` says (see SingleConceptPage).
ENTRY_FILE_MARK = "concept-entry-file"


class concept_part(nodes.General, nodes.Element):
    """A part of a page that depends on other documents, filled in when the page is written.

    ``part`` says which: ``"meta"`` (an entry's aliases, category and tags),
    ``"links"`` (its related concepts, "Referenced by" and the way back to all
    concepts) or ``"list"`` (a ``concept-list`` listing). Rendering them at write
    time, from the records of all documents, keeps them right in incremental
    builds without reading the page again.
    """


class concept_block(nodes.General, nodes.Element):
    """A plain ``<div>`` with the node's classes, for layouts such as cards.

    docutils' ``container`` adds a ``container`` class that some stylesheets
    style; grids of sphinx-design lose their gutters under it. Other builders
    render just the children.
    """


def _visit_block_html(translator: Any, node: concept_block) -> None:
    translator.body.append(translator.starttag(node, "div", ""))


def _depart_block_html(translator: Any, node: concept_block) -> None:
    translator.body.append("</div>\n")


def visit_pass(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    pass


def visit_skip(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    from .entry_parts import WRITER_FORMATS, visit_part

    # These writers fill placeholders in as they reach them (mypy reads the keys as
    # if "override" could be among them).
    writers = dict.fromkeys(WRITER_FORMATS, (visit_part, None))
    app.add_node(concept_part, **writers)  # type: ignore[arg-type]
    skip = (visit_skip, None)
    from .i18n import concept_messages

    # Only for the gettext builder, which extracts its messages; no output shows it.
    app.add_node(concept_messages, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    through = (visit_pass, visit_pass)
    html = (_visit_block_html, _depart_block_html)
    app.add_node(concept_block, html=html, latex=through, text=through, man=through, texinfo=through)
    from . import conceptmap, glossaryfilter, tooltips

    tooltips.register(app)
    conceptmap.register(app)
    glossaryfilter.register(app)
