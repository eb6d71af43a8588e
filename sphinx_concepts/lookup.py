"""The derived view of all entries: which entry owns each name and alias.

Built from the domain's per-document records after reading, never patched, so it
is the same whatever order documents were read in (serial, parallel or
incremental). Conflicts are decided by source order: the entry whose document
name sorts first (then the earlier line) wins, and the others are reported.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from .model import Concept, concept_key, loose_key, plural_variants

__all__ = ["ConceptLookup", "Conflict", "ConflictKind", "Match"]


class ConflictKind(Enum):
    #: Two entries have the same canonical name.
    DUPLICATE = "duplicate"
    #: Two concepts claim the same alias.
    ALIAS_CONFLICT = "alias_conflict"
    #: An alias is another concept's canonical name.
    ALIAS_IS_NAME = "alias_is_name"


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    #: The name or alias, as the losing entry spells it.
    text: str
    #: The entry whose claim was dropped.
    loser: Concept
    #: The entry that keeps the name.
    winner: Concept


@dataclass(frozen=True)
class Match:
    concept: Concept
    #: Other concepts the query matched equally well (plural matching only).
    also_matched: tuple[Concept, ...] = ()


def _source_order(concept: Concept) -> tuple[str, int, str]:
    return (concept.docname, concept.lineno or 0, concept.key)


class ConceptLookup:
    """Every concept by key, every alias by key, and the conflicts between them."""

    def __init__(self, entries: Iterable[Concept]) -> None:
        ordered = sorted(entries, key=_source_order)
        #: canonical key -> the entry that owns it
        self.concepts_by_key: dict[str, Concept] = {}
        #: alias key -> (alias as spelled, owning entry)
        self.aliases_by_key: dict[str, tuple[str, Concept]] = {}
        self.conflicts: list[Conflict] = []

        for concept in ordered:
            owner = self.concepts_by_key.setdefault(concept.key, concept)
            if owner is not concept:
                self.conflicts.append(Conflict(ConflictKind.DUPLICATE, concept.name, concept, owner))
        for concept in self.concepts_by_key.values():
            for alias in concept.aliases:
                key = concept_key(alias)
                named = self.concepts_by_key.get(key)
                if named is concept:
                    continue  # the name again, in another spelling
                if named is not None:
                    self.conflicts.append(Conflict(ConflictKind.ALIAS_IS_NAME, alias, concept, named))
                    continue
                claimed = self.aliases_by_key.setdefault(key, (alias, concept))
                if claimed[1] is not concept:
                    self.conflicts.append(Conflict(ConflictKind.ALIAS_CONFLICT, alias, concept, claimed[1]))
        # The loop above visits owners in source order, so the first claim wins.
        self._loose: dict[str, Concept] | None = None
        self._spellings: dict[str, str] | None = None
        # Every page, listing and index asks for the same concepts' aliases.
        self._aliases: dict[int, tuple[Concept, list[str]]] = {}

    def __len__(self) -> int:
        return len(self.concepts_by_key)

    def concepts(self) -> list[Concept]:
        """Every winning entry, in source order."""
        return list(self.concepts_by_key.values())

    def aliases_of(self, concept: Concept) -> list[str]:
        """The aliases that really point at *concept* (conflicting ones dropped)."""
        cached = self._aliases.get(id(concept))
        if cached is None or cached[0] is not concept:
            kept = []
            for alias in concept.aliases:
                claim = self.aliases_by_key.get(concept_key(alias))
                if claim is not None and claim[0] == alias and claim[1] is concept:
                    kept.append(alias)
            cached = self._aliases[id(concept)] = (concept, kept)
        return list(cached[1])

    def exact(self, key: str) -> Concept | None:
        """The concept a key names exactly, by name or by alias (no plural forms)."""
        concept = self.concepts_by_key.get(key)
        if concept is not None:
            return concept
        claim = self.aliases_by_key.get(key)
        return claim[1] if claim is not None else None

    def find(self, key: str, *, plurals: bool = False) -> Match | None:
        """Find the concept a (normalised) key names, by name or by alias.

        With *plurals*, a key that names nothing is retried in its other English
        number forms; when those name several concepts, the first in source order
        is chosen and the others are returned for an ambiguity warning.
        """
        concept = self.exact(key)
        if concept is not None:
            return Match(concept)
        if not plurals:
            return None
        found: list[Concept] = []
        for variant in plural_variants(key):
            candidate = self.exact(variant)
            if candidate is not None and candidate not in found:
                found.append(candidate)
        if not found:
            return None
        found.sort(key=_source_order)
        return Match(found[0], tuple(found[1:]))

    def find_loose(self, key: str) -> Concept | None:
        """Find a concept by ``loose_key``: hyphens and underscores count as spaces."""
        if self._loose is None:
            self._loose = {}
            for concept in self.concepts_by_key.values():
                self._loose.setdefault(loose_key(concept.name), concept)
            for alias, concept in self.aliases_by_key.values():
                self._loose.setdefault(loose_key(alias), concept)
        return self._loose.get(key)

    def suggest(self, key: str) -> str | None:
        """The closest known name or alias to an unknown key, as spelled, if any."""
        if self._spellings is None:  # built once, on the first unknown reference
            self._spellings = {k: c.name for k, c in self.concepts_by_key.items()}
            self._spellings.update((k, alias) for k, (alias, _c) in self.aliases_by_key.items())
        spellings = self._spellings
        close = difflib.get_close_matches(key, spellings, n=1, cutoff=0.6)
        return spellings[close[0]] if close else None
