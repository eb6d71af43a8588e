"""Changes to documents that hold concept entries, when read and when written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.transforms import SphinxTransform

from .domain import concept_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

__all__ = ["BACKLINK_CLASS", "SingleConceptPage", "drop_unreachable_back_links"]

#: The class of an entry's "Back to all concepts" paragraph.
BACKLINK_CLASS = "concept-backlink"


class SingleConceptPage(SphinxTransform):
    """Make a document that holds one concept and no heading a page titled by the concept.

    One page per concept is a common layout; the author should not write the name
    twice. The document's content moves into a section whose title is the name, so
    the page has a real heading, navigation and the browser tab show the name, and
    the concept's anchor lands on the top of the page. The entry's name line goes,
    as the heading says it, and its parts stand in a plain container (every builder
    renders one; an object description without its signature is not).
    """

    # Runs in the read phase, before the `doctree-read` collectors take titles and tocs.
    default_priority = 800

    def apply(self, **kwargs: object) -> None:
        if not self.config.concepts_page_title:
            return
        entries = concept_domain(self.env).entries.get(self.env.docname, [])
        if len(entries) != 1 or next(self.document.findall(nodes.section), None) is not None:
            return
        concept = entries[0]
        signature = self.document.ids.get(concept.anchor)
        if not isinstance(signature, addnodes.desc_signature):
            return
        section = nodes.section("", ids=[concept.anchor], classes=["concept-page"])
        section += nodes.title(concept.name, concept.name)
        section.extend(self.document.children)
        self.document.clear()
        self.document += section
        self.document.ids[concept.anchor] = section
        description = signature.parent
        content = description.next_node(addnodes.desc_content)
        body = nodes.container("", *(content.children if content is not None else ()), classes=["concept"])
        description.replace_self(body)


def drop_unreachable_back_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: remove "Back to all concepts" where its page is not written.

    The default target, the domain index, is a page only in the multi-page HTML
    builders; singlehtml, LaTeX, text and the rest would show a dead link or
    stray text. A target that is a real document is kept everywhere.
    """
    label = app.config.concepts_all_concepts_label
    target = app.env.get_domain("std").anonlabels.get(label)  # type: ignore[attr-defined]
    if target is None or target[0] in app.env.all_docs or _writes_index_page(app.builder, target[0]):
        return  # an unknown label was reported when the link was resolved
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if BACKLINK_CLASS in paragraph["classes"]:
            paragraph.parent.remove(paragraph)


def _writes_index_page(builder: Builder, docname: str) -> bool:
    if isinstance(builder, SingleFileHTMLBuilder):
        return False
    written = getattr(builder, "domain_indices", ())
    return any(index[0] == docname for index in written)
