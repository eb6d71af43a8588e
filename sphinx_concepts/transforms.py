"""Changes to documents that hold concept entries, when read and when written."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .domain import concept_domain
from .nodes import ENTRY_FILE_MARK

__all__ = ["SingleConceptPage"]


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
        if not self.config.concepts_page_title and not self.document.get(ENTRY_FILE_MARK):
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
        # Front matter (docinfo) stays first, where Sphinx reads page metadata from.
        children = list(self.document.children)
        head = 0
        while head < len(children) and isinstance(children[head], (nodes.docinfo, nodes.PreBibliographic)):
            head += 1
        self.document.clear()
        self.document.extend(children[:head])
        section.extend(children[head:])
        self.document += section
        self.document.ids[concept.anchor] = section
        description = signature.parent
        content = description.next_node(addnodes.desc_content)
        body = nodes.container("", *(content.children if content is not None else ()), classes=["concept"])
        description.replace_self(body)
