"""The ``concept`` domain: it owns every concept record and resolves references."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.locale import get_translation
from sphinx.util.nodes import clean_astext, make_refnode

from . import collation
from .config import OPTIONS, writes_domain_index
from .diagnostics import WarningSubtype, warn
from .envtools import output_file
from .graph import LOOSE_PREFIX, ConceptGraph
from .listing import ListingSpec, select, unknown_filters
from .lookup import ConceptLookup, ConflictKind, Match
from .model import Concept, concept_key, digest, loose_key
from .pages import ConceptRow, PageModel, plan_pages
from .record import OutputRecord
from .render import PAGE_LINK
from .tooltips import NO_TOOLTIP, concept_reference
from .views import entry_view

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = ["ConceptDomain", "ConceptIndex", "concept_domain", "remove_unwritten_index", "report_missing"]

_ = get_translation("sphinx_concepts")

#: The pending_xref attribute of links that an entry's "Related concepts" makes;
#: an unknown related concept is reported once per build, not once per link.
RELATED_FLAG = "concept-related"


class _Translated:
    """A class attribute translated when read, as a plain ``str``.

    Builders that serialise page contexts (json, pickle) cannot encode Sphinx's
    lazy translation proxies; the index names go into every page's context.
    """

    def __init__(self, message: Callable[[], object]) -> None:
        self.message = message

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return str(self.message())


class ConceptIndex(Index):
    """An A to Z index of all concepts, with each alias pointing to its concept."""

    name = "index"
    localname = _Translated(lambda: _("Concept Index"))
    shortname = _Translated(lambda: _("concepts"))

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, ConceptDomain)
        if not writes_domain_index(domain.env.config):
            return [], False  # Sphinx writes no page for an index without content
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
        sort_key, group_of = domain.sort_key, domain.group_of
        rows.sort(key=lambda row: sort_key(row[1].name))
        content: dict[str, list[IndexEntry]] = {}
        for _key, entry in rows:
            content.setdefault(group_of(entry.name), []).append(entry)
        return list(content.items()), False


def remove_unwritten_index(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: delete an index page an earlier build wrote and this one did not.

    Otherwise turning the index off (or a glossary on) would leave a stale page
    that a clean build does not have.
    """
    written = getattr(app.builder, "domain_indices", None)
    if exception is not None or written is None:
        return  # not a builder that writes index pages
    name = f"{ConceptDomain.name}-{ConceptIndex.name}"
    if name in app.env.all_docs or any(index[0] == name for index in written):
        return
    path = output_file(app.builder, name)
    if path is not None:
        path.unlink(missing_ok=True)
        if path.name == "index.html" and path.parent.name == name:  # dirhtml's folder
            with contextlib.suppress(OSError):
                path.parent.rmdir()


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
    #: Per document (cleared and merged by document):
    #: ``entries``: docname -> the concepts that document declares, in source order;
    #: ``references``: docname -> the keys its concept references name (sorted);
    #: ``mentions``: docname -> the keys its ``:concept:`` references name (back-links),
    #: only where they differ from its ``references``;
    #: ``listings``: docname -> its ``concept-list`` specifications, in order.
    #: Global, computed in the main process after reading:
    #: ``pages``: generated docname -> digest of the model its doctree was made from;
    #: ``entry_pages``: docname of a data entry's page -> digest of its entry;
    #: ``std_terms``: std term name -> [docname, anchor] this domain put there.
    initial_data = {  # noqa: RUF012
        "entries": {},
        "references": {},
        "mentions": {},
        "listings": {},
        "pages": {},
        "entry_pages": {},
        "std_terms": {},
    }
    data_version = 5
    _PER_DOCUMENT = ("entries", "references", "mentions", "listings")

    _lookup: ConceptLookup | None = None
    _graph: ConceptGraph | None = None
    _objects: tuple[ConceptLookup, list[tuple[str, str, str, str, str, int]]] | None = None
    #: The documents that have a source file, as found at the start of this build.
    source_docnames: frozenset[str] = frozenset()
    #: What the output folder will hold once this build is written.
    output_state: OutputRecord | None = None
    #: This build reused the previous build's derived state (see build.after_reading).
    reused_output: bool = False
    #: The pages of data entries planned at the start of this build (see datapages).
    entry_plan: dict[str, Any] = {}  # noqa: RUF012 (replaced, never mutated)

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

    @property
    def graph(self) -> ConceptGraph:
        """Relations, back-links, tags and categories, derived from all records."""
        if self._graph is None:
            plurals = self.env.config.concepts_match_plurals
            exact = self.lookup.exact

            def resolve(key: str) -> Concept | None:
                # Nearly every recorded key names a concept exactly: no Match made.
                concept = exact(key)
                if concept is not None:
                    return concept
                match = self._resolve_recorded(key, plurals)
                return match.concept if match is not None else None

            self._graph = ConceptGraph.build(
                self.lookup,
                self.mentions(),
                resolve=resolve,
                both_ways=self.env.config.concepts_related_both_ways,
                sort_key=self.sort_key,
            )
        return self._graph

    @property
    def sort_key(self) -> Callable[[str], Any]:
        """Orders names in the reader's alphabet (see :mod:`sphinx_concepts.collation`)."""
        config = self.env.config
        return collation.sort_key(config.concepts_sort_locale or config.language)

    @property
    def group_of(self) -> Callable[[str], str]:
        config = self.env.config
        return collation.letter_group(config.concepts_sort_locale or config.language)

    @property
    def generated_pages(self) -> dict[str, str]:
        """Generated docname -> digest of the model it was generated from."""
        pages: dict[str, str] = self.data["pages"]
        return pages

    @generated_pages.setter
    def generated_pages(self, pages: dict[str, str]) -> None:
        self.data["pages"] = pages

    def _invalidate(self) -> None:
        self._lookup = None
        self._graph = None

    # -- records ---------------------------------------------------------------------

    def note_concept(self, concept: Concept) -> None:
        """Record an entry read in ``concept.docname``."""
        self.entries.setdefault(concept.docname, []).append(concept)
        self._invalidate()

    def note_listing(self, docname: str, spec: ListingSpec) -> None:
        """Record a ``concept-list`` of *docname*, filled in when the page is written."""
        self.data["listings"].setdefault(docname, []).append(spec)

    def record(self, docname: str, anchor: str) -> Concept | None:
        """The entry declared at *anchor* in *docname*, if it was recorded."""
        return next((c for c in self.entries.get(docname, ()) if c.anchor == anchor), None)

    def mentions(self) -> dict[str, list[str]]:
        """docname -> the keys its ``:concept:`` references name (see ``process_doc``)."""
        references: dict[str, list[str]] = self.data["references"]
        explicit: dict[str, list[str]] = self.data["mentions"]
        return {docname: explicit.get(docname, keys) for docname, keys in references.items()}

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Note which keys the document's references ask for.

        All of them, to rewrite the page when what they resolve to changes; those
        of ``:concept:`` references (not an entry's own related links), for the
        referenced entries' "Referenced by" lists.
        """
        keys: set[str] = set()
        mentions: set[str] = set()
        for node in document.findall(addnodes.pending_xref):
            target = node.get("reftarget")
            if not target:
                continue
            if node.get("refdomain") == self.name:
                if node.get("reftype") == PAGE_LINK:
                    continue
                keys.add(target)
                if not node.get(RELATED_FLAG):
                    mentions.add(target)
            elif node.get("reftype") in ("any", "myst"):
                # Resolved through resolve_any_xref, with its spelling fallback.
                keys.update((concept_key(target), LOOSE_PREFIX + loose_key(target)))
                mentions.add(LOOSE_PREFIX + loose_key(target))
        # Interned: pickled once per environment, each later use is a memo reference.
        if keys:
            self.data["references"][docname] = sorted(map(sys.intern, keys))
        # Kept only where they differ from the references (rarely: an `any` or
        # MyST link), which halves what the environment stores for them.
        if mentions != keys:
            self.data["mentions"][docname] = sorted(map(sys.intern, mentions))
        if mentions:
            self._graph = None

    def clear_doc(self, docname: str) -> None:
        for key in self._PER_DOCUMENT:
            if self.data[key].pop(docname, None) is not None:
                self._invalidate()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in self._PER_DOCUMENT:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
            # Strings shared with this process's records, as when read here.
            for concept in self.entries.get(docname, ()):
                concept.intern_strings()
            for key in ("references", "mentions"):
                if docname in self.data[key]:
                    self.data[key][docname] = list(map(sys.intern, self.data[key][docname]))
        self._invalidate()

    def _resolve_recorded(self, key: str, plurals: bool) -> Match | None:
        if key.startswith(LOOSE_PREFIX):
            concept = self.lookup.find_loose(key[len(LOOSE_PREFIX) :])
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
        graph = self.graph
        for concept in graph.self_related:
            warn(
                WarningSubtype.SELF_RELATED,
                f"concept {concept.name!r} names itself as related; ignored",
                concept.location,
            )
        warn_unreferenced = self.env.config.concepts_warn_unreferenced
        for concept in lookup.concepts():
            for related in graph.unknown_related.get(concept.key, ()):
                warn(
                    WarningSubtype.UNKNOWN_RELATED,
                    f"concept {concept.name!r} is related to unknown concept {related!r}"
                    + self._did_you_mean(concept_key(related)),
                    concept.location,
                )
            if warn_unreferenced and not graph.is_referenced(concept):
                warn(
                    WarningSubtype.UNREFERENCED,
                    f"concept {concept.name!r} is not referenced by any document",
                    concept.location,
                )

        for docname, specs in sorted(self.data["listings"].items()):
            for spec in specs:
                for what in unknown_filters(spec, graph):
                    warn(
                        WarningSubtype.UNKNOWN_FILTER,
                        f"concept-list filters on {what}, which does not exist; the listing is empty",
                        (docname, spec.lineno),
                    )

    # -- cross-document parts of pages ------------------------------------------------

    def inputs_digest(self) -> str:
        """A digest of everything the cross-document checks, pages and states depend on.

        The records of all documents, their titles (shown in back-links and
        maps), the source documents (a source may take a generated page's name),
        the extension's settings and whether ICU sorts. When it equals the
        previous build's, so do the warnings, the generated pages and every
        document's state: the build reuses them instead of deriving them again.
        """
        env = self.env
        config = env.config
        # Sorted: a document read again (or by another process) is merged in last.
        data = [
            (key, sorted(value.items()) if isinstance(value, dict) else value)
            for key, value in sorted(self.data.items())
            if key not in _DERIVED_DATA
        ]
        # Titles of the documents that can reference concepts (generated pages cannot,
        # and do not exist yet when a clean build computes this).
        titled = self.source_docnames | set(self.data["entry_pages"])
        titles = [(docname, title.astext()) for docname, title in sorted(env.titles.items()) if docname in titled]
        settings = [(option.name, repr(getattr(config, option.name))) for option in OPTIONS]
        return digest(
            (
                data,
                titles,
                sorted(self.source_docnames),
                settings,
                config.language,
                collation.icu_available(),
                _version_marker(),
            )
        )

    def plan_pages(self) -> dict[str, PageModel]:
        """Every page to generate, by docname."""
        config = self.env.config
        return plan_pages(
            config.concepts_pages,
            self.graph,
            sort_key=self.sort_key,
            group_of=self.group_of,
            layout=config.concepts_listing_layout,
        )

    def listing_rows(self, spec: ListingSpec) -> list[ConceptRow]:
        return [ConceptRow.of(c) for c in select(spec, self.graph, self.sort_key)]

    def document_states(self) -> dict[str, str]:
        """Per document, a digest of everything it shows that other documents decide.

        References are resolved, and an entry's back-links, relations received,
        won aliases and tag links and a page's ``concept-list`` listings are filled
        in, when a page is written. A page whose digest differs from the one its
        output folder holds must be written again, though not read again. One pass
        over all references, entries and listings.
        """
        graph = self.graph
        settings = self.env.config.concepts_pages
        plurals = self.env.config.concepts_match_plurals
        titles = self.env.titles
        resolved: dict[str, Any] = {}
        references: dict[str, list[str]] = self.data["references"]
        listings: dict[str, list[ListingSpec]] = self.data["listings"]
        states: dict[str, str] = {}
        for docname in sorted(set(self.entries) | set(listings) | set(references)):
            parts: list[Any] = []
            for key in references.get(docname, ()):
                if key not in resolved:
                    resolved[key] = _fingerprint(self._resolve_recorded(key, plurals))
                parts.append(resolved[key])
            for concept in self.entries.get(docname, ()):
                view = entry_view(concept, graph, settings)
                parts.append((view, [titles[doc].astext() if doc in titles else "" for doc in view.referrers]))
            for spec in listings.get(docname, ()):
                parts.append((spec, self.listing_rows(spec)))
            states[docname] = digest(parts)
        return states

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

    def _make_link(
        self, builder: Builder, fromdocname: str, concept: Concept, node: pending_xref, contnode: Element
    ) -> Element:
        tooltip = self.env.config.concepts_tooltips and not node.get(NO_TOOLTIP)
        return concept_reference(builder, fromdocname, concept, contnode, tooltip=tooltip)

    # A link, or a link in its tooltip (Sphinx replaces the pending node with either).
    def resolve_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> Element | None:
        if typ == PAGE_LINK:
            return _page_link(env, fromdocname, builder, target, node, contnode)
        concept = self.find(concept_key(target), node)
        if concept is None:
            return None
        return self._make_link(builder, fromdocname, concept, node, contnode)

    def resolve_any_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, Element]]:
        # Markdown link targets cannot hold spaces: "#base-models" names "Base Models".
        concept = self.find(concept_key(target), node) or self.lookup.find_loose(loose_key(target))
        if concept is None:
            return []
        return [("concept:concept", self._make_link(builder, fromdocname, concept, node, contnode))]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        # Names in objects.inv are keys, so that intersphinx lookups of normalised
        # targets match whatever case the other project writes.
        lookup = self.lookup
        # Asked for on every build, by the search index and by the inventory.
        if self._objects is None or self._objects[0] is not lookup:
            rows: list[tuple[str, str, str, str, str, int]] = []
            for concept in lookup.concepts():
                rows.append((concept.key, concept.name, "concept", concept.docname, concept.anchor, 0))
                rows.extend(
                    (concept_key(alias), alias, "alias", concept.docname, concept.anchor, 1)
                    for alias in lookup.aliases_of(concept)
                )
            self._objects = (lookup, rows)
        yield from self._objects[1]

    def get_full_qualified_name(self, node: Element) -> str | None:
        target = node.get("reftarget")
        return concept_key(target) if target else None


def _page_link(
    env: BuildEnvironment, fromdocname: str, builder: Builder, target: str, node: pending_xref, contnode: Element
) -> Element | None:
    """A link to the document *target*, as the std domain's ``:doc:`` role makes it."""
    if target not in env.all_docs:
        return None  # Sphinx reports it
    if not node["refexplicit"]:
        title = env.titles.get(target)
        caption = clean_astext(title) if title is not None else target
        contnode = nodes.inline(caption, caption, classes=["doc"])
    return make_refnode(builder, fromdocname, target, None, contnode)


def _fingerprint(match: Match | None) -> tuple[Any, ...] | None:
    """What a resolved reference shows: target page, anchor, name and hover summary."""
    if match is None:
        return None
    concept = match.concept
    others = tuple(other.name for other in match.also_matched)
    return (concept.docname, concept.anchor, concept.name, concept.summary, others)


#: Domain data that after_reading derives (not an input to it).
_DERIVED_DATA = frozenset({"pages", "std_terms", "derived"})


def _version_marker() -> str:
    from . import __version__

    return __version__


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
    if node["reftype"] == PAGE_LINK:
        return None  # a page this extension links to is missing: Sphinx's own message
    assert isinstance(domain, ConceptDomain)
    query = node.get("concept-query") or node["reftarget"]
    warn(
        WarningSubtype.UNKNOWN_REFERENCE,
        f"unknown concept {query!r}" + domain._did_you_mean(concept_key(query)),
        node,
    )
    return True
