"""The ``concept-list`` directive: a listing of concepts on a hand-written page.

The directive only records what to list; the listing is filled in when the page
is written (see :mod:`sphinx_concepts.entry_parts`), from all entries, so it is
right in incremental builds, and costs a dictionary lookup per filter.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .config import LISTING_LAYOUTS
from .model import Concept, collapse_whitespace, concept_key, split_list
from .nodes import concept_part

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

    from .graph import ConceptGraph

__all__ = ["ConceptListDirective", "ListingSpec", "select", "unknown_filters"]

SORT_ORDERS = ("name", "source")


@dataclass(frozen=True)
class ListingSpec:
    """What a ``concept-list`` shows; every filter given must match."""

    tags: tuple[str, ...] = ()
    category: str | None = None
    related_to: str | None = None
    pattern: str | None = None
    sort: str = "name"
    #: "" for the project's default, ``concepts_listing_layout``.
    layout: str = ""
    reverse: bool = False
    #: The directive's line, for warnings about its filters.
    lineno: int | None = None


def select(spec: ListingSpec, graph: ConceptGraph, sort_key: Callable[[str], Any]) -> list[Concept]:
    """The concepts a listing shows, in its order."""
    candidates: list[Concept] | None = None
    if spec.related_to is not None:
        target = graph.lookup.find(concept_key(spec.related_to))
        candidates = list(graph.related.get(target.concept.key, ())) if target is not None else []
    for tag in spec.tags:
        term = graph.tag(tag)
        members = list(term.concepts) if term is not None else []
        candidates = members if candidates is None else [c for c in candidates if c in set(members)]
    if spec.category is not None:
        term = graph.category(spec.category)
        members = list(term.concepts) if term is not None else []
        candidates = members if candidates is None else [c for c in candidates if c in set(members)]
    if candidates is None:
        candidates = graph.lookup.concepts()
    if spec.pattern is not None:
        pattern = spec.pattern.casefold()
        candidates = [c for c in candidates if fnmatch.fnmatchcase(c.name.casefold(), pattern)]
    if spec.sort == "source":
        ordered = sorted(candidates, key=lambda c: (c.docname, c.lineno or 0))
    else:
        ordered = sorted(candidates, key=lambda c: sort_key(c.name))
    return ordered[::-1] if spec.reverse else ordered


def unknown_filters(spec: ListingSpec, graph: ConceptGraph) -> list[str]:
    """Descriptions of the filters of *spec* that name no tag, category or concept."""
    unknown = [f"tag {tag!r}" for tag in spec.tags if graph.tag(tag) is None]
    if spec.category is not None and graph.category(spec.category) is None:
        unknown.append(f"category {spec.category!r}")
    if spec.related_to is not None and graph.lookup.find(concept_key(spec.related_to)) is None:
        unknown.append(f"concept {spec.related_to!r}")
    return unknown


def _choice(values: tuple[str, ...]) -> Callable[[str | None], str]:
    def check(argument: str | None) -> str:
        return str(directives.choice(argument or "", values))

    return check


class ConceptListDirective(SphinxDirective):
    """``.. concept-list::`` with ``:tag:``, ``:category:``, ``:related-to:``, ``:name:``
    (a pattern such as ``*model*``), ``:sort:``, ``:reverse:`` and ``:layout:``."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {
        "tag": directives.unchanged_required,
        "tags": directives.unchanged_required,
        "category": directives.unchanged_required,
        "related-to": directives.unchanged_required,
        "name": directives.unchanged_required,
        "sort": _choice(SORT_ORDERS),
        "reverse": directives.flag,
        "layout": _choice(LISTING_LAYOUTS),
        "class": directives.class_option,
    }

    def run(self) -> list[Node]:
        tags = [*split_list(self.options.get("tag"))[0], *split_list(self.options.get("tags"))[0]]
        spec = ListingSpec(
            tags=tuple(tags),
            category=collapse_whitespace(self.options.get("category", "")) or None,
            related_to=collapse_whitespace(self.options.get("related-to", "")) or None,
            pattern=self.options.get("name", "").strip() or None,
            sort=self.options.get("sort", "name"),
            layout=self.options.get("layout", ""),
            reverse="reverse" in self.options,
            lineno=self.lineno,
        )
        self.env.get_domain("concept").note_listing(self.env.docname, spec)  # type: ignore[attr-defined]
        node = concept_part(part="list", spec=spec, classes=self.options.get("class", []))
        self.set_source_info(node)
        return [node]
