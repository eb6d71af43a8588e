"""One page per entry of a data file (``{"files": ..., "layout": "pages"}``).

The data file stays a document: the index of its entries, with a hidden toctree
of their pages. The entry pages are generated documents, like the glossary
(see :mod:`sphinx_concepts.virtual`): declared before reading, so the file's
toctree may list them, and made after reading from a MyST source of the entry,
run through the parser and Sphinx's read transforms as a read page is. An entry
page is made again only when its entry (or the configuration) changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.transforms import SphinxTransformer
from sphinx.util.matching import Matcher

from . import envtools
from .diagnostics import WarningSubtype, warn
from .graph import term_slug
from .model import concept_key, digest

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .datafile import DataEntry

__all__ = ["EntryPage", "entry_pages_of", "generate_entry_pages", "pages_patterns", "plan_entry_pages"]


@dataclass(frozen=True)
class EntryPage:
    docname: str
    #: The data file's document, whose toctree lists the page.
    parent: str
    source_path: str
    entry: DataEntry

    def digest(self) -> str:
        return digest((self.parent, self.source_path, self.entry))


def pages_patterns(config: Config) -> list[str]:
    """The ``concepts_sources`` patterns whose entries get a page each."""
    return [
        item["files"] for item in config.concepts_sources if isinstance(item, dict) and item.get("layout") == "pages"
    ]


def entry_pages_of(docname: str, entries: list[DataEntry]) -> list[tuple[str, DataEntry]]:
    """Page names of a data file's entries: ``<file's docname>/<name as a slug>``.

    The slug is that of the name's key, so two names are one page exactly when
    they are one concept; a repeated name is reported as a duplicate concept and
    gets no page of its own.
    """
    pages: dict[str, DataEntry] = {}
    for entry in entries:
        pages.setdefault(f"{docname}/{term_slug(concept_key(entry.name))}", entry)
    return list(pages.items())


def plan_entry_pages(env: BuildEnvironment, source_docnames: set[str]) -> dict[str, EntryPage]:
    """Every entry page, read from the data files of the ``pages`` layout."""
    patterns = pages_patterns(env.config)
    if not patterns:
        return {}
    from .datafile import read_data_file  # PyYAML comes with MyST, which data files need

    matcher = Matcher(patterns)
    planned: dict[str, EntryPage] = {}
    for docname in sorted(source_docnames):
        relative = str(env.doc2path(docname, False))
        if not matcher(relative):
            continue
        path = Path(env.doc2path(docname))
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError:
            continue
        for page, entry in entry_pages_of(docname, read_data_file(text).entries):
            planned[page] = EntryPage(page, docname, str(path), entry)
    return planned


def generate_entry_pages(app: Sphinx, env: BuildEnvironment, planned: dict[str, EntryPage]) -> set[str]:
    """Bring the entry pages in line with *planned*; return the regenerated ones."""
    if not planned and not env.get_domain("concept").data["entry_pages"]:
        return set()  # no data file with the pages layout (MyST may not even be installed)
    from myst_parser.parsers.sphinx_ import MystParser

    from .domain import concept_domain
    from .parsers import entry_directive  # parsers reads the layout from this module

    domain = concept_domain(env)
    for docname in sorted(set(planned) & domain.source_docnames):
        warn(
            WarningSubtype.PAGE_OVERRIDDEN,
            f"the document {docname!r} replaces the page of the entry {planned[docname].entry.name!r} "
            f"of {planned[docname].parent!r}",
            (docname, None),
        )
    planned = {docname: page for docname, page in planned.items() if docname not in domain.source_docnames}
    previous: dict[str, str] = domain.data["entry_pages"]
    current = {docname: page.digest() for docname, page in planned.items()}
    for docname in sorted(set(previous) - set(current)):
        if docname not in domain.source_docnames:
            envtools.forget_document(app, env, docname, vanished=True)
    regenerate_all = envtools.config_changed(env)
    regenerated = set()
    for docname, page in sorted(planned.items()):
        doctree_file = Path(app.doctreedir, f"{docname}.doctree")
        if not regenerate_all and previous.get(docname) == current[docname] and doctree_file.is_file():
            continue
        envtools.forget_document(app, env, docname, vanished=False)
        env.found_docs.add(docname)
        document = envtools.new_generated_document(env, docname)
        # Warnings from the entry's text point at the data file.
        document["source"] = page.source_path
        parser = MystParser()
        parser.parse(entry_directive(page.entry), document)
        transformer = SphinxTransformer(document)
        transformer.set_environment(env)
        transformer.add_transforms(app.registry.get_transforms())
        transformer.add_transforms(parser.get_transforms())  # type: ignore[no-untyped-call]
        transformer.apply_transforms()
        # The read transforms did what reading does (domains, collectors).
        envtools.store_document(app, env, docname, document)
        regenerated.add(docname)
    domain.data["entry_pages"] = current
    return regenerated
