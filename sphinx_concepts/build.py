"""What happens once all documents are read: checks, generated pages, pages to write."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from . import envtools
from .datapages import generate_entry_pages
from .diagnostics import recording, replay
from .domain import concept_domain
from .envtools import output_file
from .record import OutputRecord
from .stdterms import register_std_terms
from .virtual import generate_pages, remove_output

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["after_reading", "record_output"]

#: The builders whose output is not pages (message catalogs, link checks).
_NO_PAGES = frozenset({"gettext", "linkcheck", "dummy"})


def after_reading(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: warn about cross-document mistakes; return the pages to write.

    Besides the documents just read, Sphinx writes what this returns: generated
    pages that changed, and pages whose references or cross-document parts
    (back-links, relations, listings) differ from what the output folder holds.

    Most incremental builds change no record another page depends on (an edited
    explanation, a fixed typo). When the domain's inputs are those the previous
    build derived everything from, for this output folder too, its warnings are
    repeated and its pages and states reused: no pass over all concepts.
    """
    domain = concept_domain(env)
    # Entry pages of data files first: they declare concepts the rest depends on.
    regenerated = generate_entry_pages(app, env, domain.entry_plan)
    register_std_terms(env)
    inputs = domain.inputs_digest()
    derived = domain.data.get("derived")
    written = OutputRecord.load(app) if app.builder.name not in _NO_PAGES else OutputRecord()
    if (
        not regenerated
        and not envtools.config_changed(env)
        and isinstance(derived, dict)
        and derived.get("inputs") == inputs
        and written.inputs == inputs
        and _doctrees_exist(app, domain.generated_pages)
    ):
        replay(derived["warnings"])
        current = OutputRecord(dict(written.pages), dict(written.documents), inputs)
        domain.output_state = current
        domain.reused_output = True
    else:
        with recording() as warnings:
            domain.check_entries()
            regenerated |= generate_pages(app, env, domain.plan_pages())
        domain.data["derived"] = {"inputs": inputs, "warnings": warnings}
        pages = {**domain.generated_pages, **domain.data["entry_pages"]}
        current = OutputRecord(pages, domain.document_states(), inputs)
        domain.output_state = current
        domain.reused_output = False
    if app.builder.name in _NO_PAGES:
        return sorted(regenerated)
    for docname in sorted(set(written.pages) - set(current.pages)):
        remove_output(app, docname)
    # An output file deleted by hand (or with its folder) is written again, as
    # Sphinx does for documents with a source.
    missing = {
        docname
        for docname in current.pages
        if (path := output_file(app.builder, docname)) is not None and not path.is_file()
    }
    return sorted(regenerated | missing | written.outdated(current))


def _doctrees_exist(app: Sphinx, docnames: Iterable[str]) -> bool:
    return all(Path(app.doctreedir, f"{docname}.doctree").is_file() for docname in docnames)


def record_output(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: note the state of every page the output folder now holds."""
    domain = concept_domain(app.env)
    current, domain.output_state = domain.output_state, None
    if exception is None and current is not None and app.builder.name not in _NO_PAGES:
        current.save(app)
