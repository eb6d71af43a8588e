"""The glossary's filter form: by text and by tag, run in the reader's browser.

The form is written hidden and the script shows it, so a page read without
JavaScript (or in any builder other than HTML) shows the whole list and no
control that does nothing.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation

from .nodes import visit_skip

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["concept_filter", "register"]

_ = get_translation("sphinx_concepts")


class concept_filter(nodes.General, nodes.Element):
    """A filter over the page's listing; ``tags``: (tag page name, tag name) pairs."""


def _visit_filter_html(translator: Any, node: concept_filter) -> None:
    text_label = escape(str(_("Filter concepts")))
    tag_label = escape(str(_("Tag")))
    any_tag = escape(str(_("All tags")))
    status = escape(str(_("{shown} of {total} entries shown")))
    options = "".join(f'<option value="{escape(slug)}">{escape(name)}</option>' for slug, name in node["tags"])
    select = (
        f'<label>{tag_label} <select name="tag"><option value="">{any_tag}</option>{options}</select></label>'
        if node["tags"]
        else ""
    )
    translator.body.append(
        f'<form class="concept-filter" role="search" hidden="hidden">'
        f'<label>{text_label} <input type="search" name="q" autocomplete="off"/></label>{select}'
        f'<span class="concept-filter-status" role="status" aria-live="polite" data-template="{status}"></span>'
        "</form>\n"
    )
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    skip = (visit_skip, None)
    app.add_node(concept_filter, html=(_visit_filter_html, None), latex=skip, text=skip, man=skip, texinfo=skip)
