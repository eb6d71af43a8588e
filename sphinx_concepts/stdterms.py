"""``concepts_std_terms``: every concept and alias is also a term of Sphinx's glossary.

For projects that move from ``.. glossary::`` to concepts: existing ``:term:``
references keep working, resolved to the concept (by name or alias, ignoring case,
as ``:concept:`` does), and ``objects.inv`` lists them as ``std:term``, so other
projects' ``:term:`` links through intersphinx work too. A term of a real
glossary of the project keeps its own entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .domain import concept_domain
from .model import concept_key
from .tooltips import concept_reference

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["register_std_terms", "resolve_term"]


def register_std_terms(env: BuildEnvironment) -> None:
    """After reading: make the current concepts and aliases the std terms that are ours."""
    domain = concept_domain(env)
    std_objects = env.get_domain("std").objects  # type: ignore[attr-defined]
    previous: dict[str, list[str]] = domain.data.setdefault("std_terms", {})
    for name, place in previous.items():
        if std_objects.get(("term", name)) == tuple(place):
            del std_objects["term", name]
    current: dict[str, list[str]] = {}
    if env.config.concepts_std_terms:
        lookup = domain.lookup
        for concept in lookup.concepts():
            for name in (concept.name, *lookup.aliases_of(concept)):
                if ("term", name) not in std_objects:
                    std_objects["term", name] = (concept.docname, concept.anchor)
                    current[name] = [concept.docname, concept.anchor]
    domain.data["std_terms"] = current


def resolve_term(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: a ``:term:`` that no glossary has, resolved as a concept."""
    if not app.config.concepts_std_terms or node.get("refdomain") != "std" or node.get("reftype") != "term":
        return None
    domain = concept_domain(env)
    concept = domain.find(concept_key(node["reftarget"]), node)
    if concept is None:
        return None
    return concept_reference(app.builder, node["refdoc"], concept, contnode, tooltip=app.config.concepts_tooltips)
