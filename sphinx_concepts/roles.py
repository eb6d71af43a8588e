"""The ``:concept:`` role: a reference to a concept by name or alias."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.roles import XRefRole

from .model import concept_key

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.environment import BuildEnvironment

__all__ = ["ConceptRole"]


class ConceptRole(XRefRole):
    """``:concept:`Name``` or ``:concept:`text <Name>```, resolved by the domain.

    The reference target is the name's key, so the domain, MyST and intersphinx
    all match it regardless of case, white space or Unicode form; the text as
    written is kept in ``concept-query`` for messages.
    """

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # Registered as a plain role too, so `:concept:` works without a default
        # domain; XRefRole reads the domain from the name.
        self.name = "concept:concept"
        return super().run()

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        refnode["concept-query"] = target
        return title, concept_key(target)
