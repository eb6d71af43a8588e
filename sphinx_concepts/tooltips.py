"""Tooltips on concept links: the concept's name and summary, written into the page.

A tooltip is computed when the page is written, so it works offline and on any
host. Each link carries only its own concept's summary (no page loads the whole
glossary); the price is that editing a summary rewrites the pages that link to
the concept, which the output record already tracks (see ``record.py``).

In HTML the link and its tooltip sit in one ``<span>``: the stylesheet shows the
tooltip on hover and on keyboard focus, ``aria-describedby`` makes screen
readers announce it, and a small script adds touch (first tap shows, second tap
follows) and Escape to dismiss. Other builders write the plain link.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.nodes import make_refnode

from .nodes import visit_pass

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .model import Concept

__all__ = ["NO_TOOLTIP", "concept_reference", "concept_tip", "register"]

#: A ``pending_xref`` flag: the page already shows the summary next to the link.
NO_TOOLTIP = "concept-no-tooltip"


class concept_tip(nodes.Inline, nodes.TextElement):
    """A resolved concept link (its only child) with the concept's name and summary."""


def concept_reference(
    builder: Builder, fromdocname: str, concept: Concept, contnode: nodes.Element, *, tooltip: bool
) -> nodes.Element:
    """The link to *concept*, wrapped with its tooltip where the builder shows one."""
    link = make_refnode(builder, fromdocname, concept.docname, concept.anchor, contnode)
    if not tooltip or builder.format != "html" or not concept.summary:
        return link
    return concept_tip("", "", link, tip_name=concept.name, tip_summary=concept.summary)


def _visit_tip_html(translator: Any, node: concept_tip) -> None:
    # One counter per page written (singlehtml writes one page): ids stay unique.
    number = getattr(translator, "_concept_tip_count", 0) + 1
    translator._concept_tip_count = number
    node["tip-id"] = f"concept-tip-{number}"
    translator.body.append('<span class="concept-tip-anchor">')
    node["tip-start"] = len(translator.body)


def _depart_tip_html(translator: Any, node: concept_tip) -> None:
    tip_id = node["tip-id"]
    start = node["tip-start"]
    # The link's start tag is the first thing its visitor wrote; Sphinx's writer
    # has no hook for extra attributes, so the description is added to it here.
    if start < len(translator.body) and translator.body[start].startswith("<a "):
        translator.body[start] = f'<a aria-describedby="{tip_id}" ' + translator.body[start][3:]
    translator.body.append(
        f'<span class="concept-tip" role="tooltip" id="{tip_id}">'
        f'<span class="concept-tip-name">{escape(node["tip_name"])}</span> '
        f'<span class="concept-tip-summary">{escape(node["tip_summary"])}</span>'
        "</span></span>"
    )


def register(app: Sphinx) -> None:
    through = (visit_pass, visit_pass)
    html = (_visit_tip_html, _depart_tip_html)
    app.add_node(concept_tip, html=html, latex=through, text=through, man=through, texinfo=through)
