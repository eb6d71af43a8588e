"""Changes to documents that hold concept entries, when read and when written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.transforms import SphinxTransform

from .domain import ConceptDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

__all__ = ["BACKLINK_CLASS", "SingleConceptTitle", "drop_unreachable_back_links"]

#: The class of an entry's "Back to all concepts" paragraph.
BACKLINK_CLASS = "concept-backlink"


class SingleConceptTitle(SphinxTransform):
    """Give a document that holds one concept and no heading the concept's name as title.

    One page per concept is a common layout; the author should not have to write
    the name twice. Sphinx's title collector falls back to ``document['title']``
    (navigation) and uses it for the browser tab, so setting it is enough.
    """

    # Runs in the read phase, before the `doctree-read` collectors take the title.
    default_priority = 800

    def apply(self, **kwargs: object) -> None:
        if not self.config.concepts_page_title or "title" in self.document:
            return
        domain = self.env.get_domain(ConceptDomain.name)
        assert isinstance(domain, ConceptDomain)
        entries = domain.entries.get(self.env.docname, [])
        if len(entries) != 1 or next(self.document.findall(nodes.section), None) is not None:
            return
        self.document["title"] = entries[0].name
        for desc in self.document.findall(addnodes.desc):
            if desc.get("domain") == ConceptDomain.name:
                desc["classes"].append("concept-page")


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
