"""What an entry shows that other documents decide, as plain data.

An entry's aliases (those it won), its category and tag links, its related
concepts (declared here or, both ways, elsewhere) and the documents that
reference it all change when *other* documents change. :func:`entry_view`
computes them from the graph; the page renders the view when written, and the
domain keeps a digest of each page's views to rewrite exactly the pages whose
views changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .graph import ConceptGraph, term_key
from .model import Concept
from .pages import ConceptRow, term_docname

__all__ = ["EntryView", "entry_view"]


@dataclass(frozen=True)
class EntryView:
    aliases: tuple[str, ...]
    #: (name as written, page of the category or None)
    category: tuple[str, str | None] | None
    tags: tuple[tuple[str, str | None], ...]
    #: Known related concepts, then unknown names (warned about) as plain text.
    related: tuple[ConceptRow | str, ...]
    #: Documents whose references name the concept, by docname.
    referrers: tuple[str, ...]


def entry_view(concept: Concept, graph: ConceptGraph, settings: dict[str, Any]) -> EntryView:
    """The cross-document parts of *concept*'s entry."""
    winner = graph.lookup.concepts_by_key.get(concept.key) is concept

    def page(kind: str, name: str) -> str | None:
        terms = graph.tags if kind == "tags" else graph.categories
        term = terms.get(term_key(name))
        return term_docname(settings, kind, term) if winner and term is not None else None

    if winner:
        related: list[ConceptRow | str] = [ConceptRow.of(c) for c in graph.related.get(concept.key, ())]
        related.extend(graph.unknown_related.get(concept.key, ()))
    else:
        related = []
    return EntryView(
        aliases=tuple(graph.lookup.aliases_of(concept)) if winner else (),
        category=(concept.category, page("categories", concept.category)) if concept.category else None,
        tags=tuple((tag, page("tags", tag)) for tag in concept.tags),
        related=tuple(related),
        referrers=tuple(graph.referrers.get(concept.key, ())) if winner else (),
    )
