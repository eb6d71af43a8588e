"""The ``concept`` domain: it owns every concept record and resolves references."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.locale import get_translation
from sphinx.util.nodes import make_refnode

from .diagnostics import WarningSubtype, warn
from .lookup import ConceptLookup, ConflictKind, Match
from .model import Concept, collation_key, concept_key, letter_group, loose_key

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = ["ConceptDomain", "ConceptIndex", "after_reading", "concept_domain", "report_missing"]

_ = get_translation("sphinx_concepts")

#: The pending_xref attribute of links that an entry's "Related concepts" makes;
#: an unknown related concept is reported once per build, not once per link.
RELATED_FLAG = "concept-related"


class ConceptIndex(Index):
    """An A to Z index of all concepts, with each alias pointing to its concept."""

    name = "index"
    localname = _("Concept Index")
    shortname = _("concepts")

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, ConceptDomain)
        lookup = domain.lookup
        wanted = set(docnames) if docnames is not None else None
        rows: list[tuple[str, IndexEntry]] = []
        for concept in lookup.concepts():
            if wanted is not None and concept.docname not in wanted:
                continue
            rows.append(
                (concept.key, IndexEntry(concept.name, 0, concept.docname, concept.anchor, "", "", concept.summary))
            )
            for alias in lookup.aliases_of(concept):
                see = _("see %s") % concept.name
                rows.append((concept_key(alias), IndexEntry(alias, 0, concept.docname, concept.anchor, see, "", "")))
        rows.sort(key=lambda row: (collation_key(row[0]), row[0]))
        content: dict[str, list[IndexEntry]] = {}
        for key, entry in rows:
            content.setdefault(letter_group(key), []).append(entry)
        return sorted(content.items()), False


class ConceptDomain(Domain):
    """Concept entries, their aliases, and ``:concept:`` references."""

    name = "concept"
    label = "Concept"
    # Search results read "<label> <type>": "Concept entry", "Concept alias".
    object_types = {  # noqa: RUF012 (Sphinx's own declaration style)
        "concept": ObjType(_("entry"), "concept"),
        "alias": ObjType(_("alias"), "concept"),
    }
    indices = [ConceptIndex]  # noqa: RUF012
    #: ``entries``: docname -> the concepts that document declares, in source order.
    #: ``references``: docname -> the keys its concept references name (sorted).
    #: ``resolutions``: key -> what it resolved to in the last build (see
    #: :meth:`outdated_referrers`); global, computed in the main process.
    initial_data = {"entries": {}, "references": {}, "resolutions": {}}  # noqa: RUF012
    data_version = 1

    _lookup: ConceptLookup | None = None

    @property
    def entries(self) -> dict[str, list[Concept]]:
        entries: dict[str, list[Concept]] = self.data["entries"]
        return entries

    @property
    def lookup(self) -> ConceptLookup:
        """The owners of every name and alias, rebuilt after any record changes."""
        if self._lookup is None:
            self._lookup = ConceptLookup(c for concepts in self.entries.values() for c in concepts)
        return self._lookup

    def _invalidate(self) -> None:
        self._lookup = None

    # -- records ---------------------------------------------------------------------

    def note_concept(self, concept: Concept) -> None:
        """Record an entry read in ``concept.docname``."""
        self.entries.setdefault(concept.docname, []).append(concept)
        self._invalidate()

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Note which keys the document's references ask for, to rewrite it when they change."""
        keys: set[str] = set()
        for node in document.findall(addnodes.pending_xref):
            target = node.get("reftarget")
            if not target:
                continue
            if node.get("refdomain") == self.name:
                keys.add(target)
            elif node.get("reftype") in ("any", "myst"):
                # Resolved through resolve_any_xref, with its spelling fallback.
                keys.update((concept_key(target), _LOOSE + loose_key(target)))
        if keys:
            self.data["references"][docname] = sorted(keys)

    def clear_doc(self, docname: str) -> None:
        self.data["references"].pop(docname, None)
        if self.entries.pop(docname, None) is not None:
            self._invalidate()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["entries"]:
                self.entries[docname] = otherdata["entries"][docname]
            if docname in otherdata["references"]:
                self.data["references"][docname] = otherdata["references"][docname]
        self._invalidate()

    def outdated_referrers(self) -> set[str]:
        """Documents whose concept references resolve differently than when last written.

        References are resolved when a page is written, so a page that links to a
        concept whose name, anchor, page or summary changed elsewhere must be
        written again, though it need not be read again. Linear in the number of
        distinct referenced keys.
        """
        referrers: dict[str, list[str]] = {}
        for docname, keys in self.data["references"].items():
            for key in keys:
                referrers.setdefault(key, []).append(docname)
        plurals = self.env.config.concepts_match_plurals
        previous: dict[str, Any] = self.data["resolutions"]
        current = {key: _fingerprint(self._resolve_recorded(key, plurals)) for key in referrers}
        self.data["resolutions"] = current
        return {
            docname
            for key, fingerprint in current.items()
            if key not in previous or previous[key] != fingerprint
            for docname in referrers[key]
        }

    def _resolve_recorded(self, key: str, plurals: bool) -> Match | None:
        if key.startswith(_LOOSE):
            concept = self.lookup.find_loose(key[len(_LOOSE) :])
            return Match(concept) if concept is not None else None
        return self.lookup.find(key, plurals=plurals)

    # -- checks once all documents are read -------------------------------------------

    def check_entries(self) -> None:
        """Warn about conflicts and unknown related concepts.

        Runs after every read phase over all entries, so a conflict between an
        edited and an untouched document is reported just as a clean build does.
        """
        lookup = self.lookup
        for conflict in lookup.conflicts:
            winner = conflict.winner
            where = f"{self.env.doc2path(winner.docname, False)}:{winner.lineno}"
            if conflict.kind is ConflictKind.DUPLICATE:
                warn(
                    WarningSubtype.DUPLICATE,
                    f"duplicate concept {conflict.text!r}, also declared at {where}; that entry is used",
                    conflict.loser.location,
                )
            elif conflict.kind is ConflictKind.ALIAS_IS_NAME:
                warn(
                    WarningSubtype.ALIAS_IS_NAME,
                    f"alias {conflict.text!r} of concept {conflict.loser.name!r} is the name of "
                    f"concept {winner.name!r} ({where}); the alias is ignored",
                    conflict.loser.location,
                )
            else:
                warn(
                    WarningSubtype.ALIAS_CONFLICT,
                    f"alias {conflict.text!r} of concept {conflict.loser.name!r} is already an alias "
                    f"of concept {winner.name!r} ({where}); the alias is ignored",
                    conflict.loser.location,
                )
        plurals = self.env.config.concepts_match_plurals
        for concept in lookup.concepts():
            for related in concept.related:
                if lookup.find(concept_key(related), plurals=plurals) is None:
                    warn(
                        WarningSubtype.UNKNOWN_RELATED,
                        f"concept {concept.name!r} is related to unknown concept {related!r}"
                        + self._did_you_mean(concept_key(related)),
                        concept.location,
                    )

    def _did_you_mean(self, key: str) -> str:
        suggestion = self.lookup.suggest(key)
        return f" (did you mean {suggestion!r}?)" if suggestion else ""

    # -- references ------------------------------------------------------------------

    def find(self, key: str, node: pending_xref | None = None) -> Concept | None:
        """Resolve a key to its concept, warning when plural matching is ambiguous."""
        match: Match | None = self.lookup.find(key, plurals=self.env.config.concepts_match_plurals)
        if match is None:
            return None
        if match.also_matched:
            query = node.get("concept-query", key) if node is not None else key
            others = ", ".join(repr(c.name) for c in match.also_matched)
            warn(
                WarningSubtype.AMBIGUOUS_REFERENCE,
                f"concept reference {query!r} matches {match.concept.name!r} and {others}; "
                f"using {match.concept.name!r}",
                node,
            )
        return match.concept

    def _make_link(self, builder: Builder, fromdocname: str, concept: Concept, contnode: Element) -> nodes.reference:
        title = concept.summary if self.env.config.concepts_link_summaries else None
        return make_refnode(builder, fromdocname, concept.docname, concept.anchor, contnode, title or None)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        concept = self.find(concept_key(target), node)
        if concept is None:
            return None
        return self._make_link(builder, fromdocname, concept, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        # Markdown link targets cannot hold spaces: "#base-models" names "Base Models".
        concept = self.find(concept_key(target), node) or self.lookup.find_loose(loose_key(target))
        if concept is None:
            return []
        return [("concept:concept", self._make_link(builder, fromdocname, concept, contnode))]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        # Names in objects.inv are keys, so that intersphinx lookups of normalised
        # targets match whatever case the other project writes.
        lookup = self.lookup
        for concept in lookup.concepts():
            yield concept.key, concept.name, "concept", concept.docname, concept.anchor, 0
            for alias in lookup.aliases_of(concept):
                yield concept_key(alias), alias, "alias", concept.docname, concept.anchor, 1

    def get_full_qualified_name(self, node: Element) -> str | None:
        target = node.get("reftarget")
        return concept_key(target) if target else None


#: Marks a recorded reference key as a loose one (see ``loose_key``); keys hold no NUL.
_LOOSE = "\0"


def _fingerprint(match: Match | None) -> tuple[Any, ...] | None:
    """What a resolved reference shows: target page, anchor, name and hover summary."""
    if match is None:
        return None
    concept = match.concept
    others = tuple(other.name for other in match.also_matched)
    return (concept.docname, concept.anchor, concept.name, concept.summary, others)


def concept_domain(env: BuildEnvironment) -> ConceptDomain:
    """The environment's concept domain, typed."""
    domain = env.get_domain(ConceptDomain.name)
    assert isinstance(domain, ConceptDomain)
    return domain


def report_missing(app: Sphinx, domain: Domain, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: say which concept is unknown and suggest one."""
    if domain.name != ConceptDomain.name:
        return None
    if node.get(RELATED_FLAG):
        return True  # already reported by check_entries
    assert isinstance(domain, ConceptDomain)
    query = node.get("concept-query") or node["reftarget"]
    warn(
        WarningSubtype.UNKNOWN_REFERENCE,
        f"unknown concept {query!r}" + domain._did_you_mean(concept_key(query)),
        node,
    )
    return True


def after_reading(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: cross-document checks; returns the pages to write again."""
    domain = concept_domain(env)
    domain.check_entries()
    return sorted(domain.outdated_referrers())
