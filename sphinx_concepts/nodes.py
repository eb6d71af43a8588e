"""The extension's own doctree node."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["concept_part", "register"]


class concept_part(nodes.General, nodes.Element):
    """A part of a page that depends on other documents, filled in when the page is written.

    ``part`` says which: ``"meta"`` (an entry's aliases, category and tags),
    ``"links"`` (its related concepts, "Referenced by" and the way back to all
    concepts) or ``"list"`` (a ``concept-list`` listing). Rendering them at write
    time, from the records of all documents, keeps them right in incremental
    builds without reading the page again.
    """


def _skip(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    # Placeholders are replaced before writing; should one survive (a builder that
    # skips post-transforms), writers drop it rather than fail.
    skip = (_skip, None)
    app.add_node(concept_part, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
