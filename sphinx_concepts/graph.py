"""What connects concepts across documents: relations, references, tags, categories.

Derived in one pass from the domain's per-document records once all documents
are read, never patched (like :class:`~sphinx_concepts.lookup.ConceptLookup`), so
it is the same whatever order documents were read in. Every question a page asks
(what relates to this concept, who references it, which concepts carry a tag)
is a dictionary lookup: no page scans all concepts.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .collation import base_letters
from .lookup import ConceptLookup
from .model import Concept, concept_key, loose_key

__all__ = ["ConceptGraph", "Term", "term_key", "term_slug"]

#: The mark of a recorded reference key that is matched loosely (see ``loose_key``).
LOOSE_PREFIX = "\0"

_PLAIN_KEY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
#: Names that must not be a page of their own: the index page of the folder, and
#: the device names Windows refuses as file names.
_RESERVED = frozenset(
    {"index", "con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)
_UNSAFE_RUN = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)  # the same few tags, on every concept
def term_key(name: str) -> str:
    """The identity of a tag or category: "Machine learning", "machine-learning" and
    "machine_learning" are one tag; "C++", "C#" and "C" are three."""
    return loose_key(name)


def term_slug(key: str) -> str:
    """The page name of a tag or category key: safe in every builder, and distinct.

    A key of plain ASCII words becomes those words joined by hyphens ("machine
    learning" -> "machine-learning"). Any other key keeps a readable ASCII part
    and gets ``_`` and a hash of the whole key ("c++" -> "c_8a2e..."): a plain slug
    never holds ``_``, so the two kinds cannot collide, and "C++", "C#" and "C"
    get three pages. Only ``[a-z0-9_-]`` is ever used, so no name leaves the folder.
    """
    if _PLAIN_KEY.fullmatch(key) and len(key) <= 80 and key not in _RESERVED:
        return key.replace(" ", "-")
    readable = _UNSAFE_RUN.sub("-", base_letters(key)).strip("-")[:40].strip("-")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    return f"{readable}_{digest}" if readable else f"_{digest}"


@dataclass(frozen=True)
class Term:
    """A tag or a category: its key, display spelling, page name and concepts."""

    key: str
    #: As the first entry (in source order) spells it.
    name: str
    slug: str
    concepts: tuple[Concept, ...]


@dataclass
class ConceptGraph:
    """Relations, references and taxonomy of the winning entries of a lookup."""

    lookup: ConceptLookup
    #: concept key -> the concepts it declares or (both ways) receives a relation from
    related: dict[str, list[Concept]] = field(default_factory=dict)
    #: concept key -> related names that name no concept (warned about), as written
    unknown_related: dict[str, list[str]] = field(default_factory=dict)
    #: concepts that name themselves (or one of their aliases) as related
    self_related: list[Concept] = field(default_factory=list)
    #: concept key -> documents whose ``:concept:`` references name it (sorted)
    referrers: dict[str, list[str]] = field(default_factory=dict)
    tags: dict[str, Term] = field(default_factory=dict)
    categories: dict[str, Term] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        lookup: ConceptLookup,
        mentions: Mapping[str, Iterable[str]],
        *,
        resolve: Callable[[str], Concept | None],
        both_ways: bool,
        sort_key: Callable[[str], Any],
    ) -> ConceptGraph:
        """Derive the graph; *resolve* maps a recorded reference key to its concept."""
        graph = cls(lookup)
        concepts = lookup.concepts()
        # Every name is sorted once; lists of concepts are then made in this order
        # (equal names keep source order, as a stable sort of each list would).
        ranked = sorted(concepts, key=lambda c: sort_key(c.name))
        rank = {id(c): position for position, c in enumerate(ranked)}
        inverse: dict[str, list[Concept]] = {}
        # Records are compared by identity: one record per entry, and a dataclass's
        # field-by-field equality would cost more than the rest of the pass.
        for concept in concepts:
            declared: list[Concept] = []
            for name in concept.related:
                target = resolve(concept_key(name))
                if target is None:
                    graph.unknown_related.setdefault(concept.key, []).append(name)
                    continue
                if target is concept:
                    if not any(c is concept for c in graph.self_related):
                        graph.self_related.append(concept)
                    continue
                if any(c is target for c in declared):
                    continue
                declared.append(target)
                if both_ways:
                    inverse.setdefault(target.key, []).append(concept)
            graph.related[concept.key] = declared
        for key, sources in inverse.items():
            shown = {id(c) for c in graph.related[key]}
            extra = [c for c in sources if id(c) not in shown and c.key != key]
            extra.sort(key=lambda c: rank[id(c)])
            graph.related[key].extend(extra)

        referrers: dict[str, set[str]] = {}
        for docname, keys in mentions.items():
            for recorded in keys:
                target = resolve(recorded)
                if target is not None and target.docname != docname:
                    referrers.setdefault(target.key, set()).add(docname)
        graph.referrers = {key: sorted(docs) for key, docs in referrers.items()}
        graph.tags = _terms(concepts, ranked, lambda c: c.tags, sort_key)
        graph.categories = _terms(concepts, ranked, lambda c: (c.category,) if c.category else (), sort_key)
        return graph

    def is_referenced(self, concept: Concept) -> bool:
        return concept.key in self.referrers

    def tag(self, name: str) -> Term | None:
        return self.tags.get(term_key(name))

    def category(self, name: str) -> Term | None:
        return self.categories.get(term_key(name))


def _terms(
    concepts: list[Concept],
    ranked: list[Concept],
    names_of: Callable[[Concept], Iterable[str]],
    sort_key: Callable[[str], Any],
) -> dict[str, Term]:
    spelled: dict[str, str] = {}
    for concept in concepts:  # source order: the first spelling is shown
        for name in names_of(concept):
            spelled.setdefault(term_key(name), name)
    members: dict[str, list[Concept]] = {}
    for concept in ranked:  # so each term's concepts come out sorted
        for name in names_of(concept):
            members.setdefault(term_key(name), []).append(concept)
    terms = {}
    for key in sorted(spelled, key=lambda k: sort_key(spelled[k])):
        terms[key] = Term(key, spelled[key], term_slug(key), tuple(members[key]))
    return terms
