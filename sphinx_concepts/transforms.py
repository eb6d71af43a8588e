"""Read-phase transforms on documents that hold concept entries."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .domain import ConceptDomain

__all__ = ["SingleConceptTitle"]


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
