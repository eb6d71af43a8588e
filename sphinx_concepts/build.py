"""What happens once all documents are read: checks, generated pages, pages to write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .datapages import generate_entry_pages
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
    """
    domain = concept_domain(env)
    # Entry pages of data files first: they declare concepts the rest depends on.
    regenerated = generate_entry_pages(app, env, domain.entry_plan)
    domain.check_entries()
    register_std_terms(env)
    regenerated |= generate_pages(app, env, domain.plan_pages())
    pages = {**domain.generated_pages, **domain.data["entry_pages"]}
    current = OutputRecord(pages, domain.document_states())
    domain.output_state = current
    if app.builder.name in _NO_PAGES:
        return sorted(regenerated)
    written = OutputRecord.load(app)
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


def record_output(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: note the state of every page the output folder now holds."""
    domain = concept_domain(app.env)
    current, domain.output_state = domain.output_state, None
    if exception is None and current is not None and app.builder.name not in _NO_PAGES:
        current.save(app)
