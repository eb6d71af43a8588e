"""What happens once all documents are read: checks, generated pages, pages to write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .domain import concept_domain
from .virtual import generate_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["after_reading"]


def after_reading(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: warn about cross-document mistakes; return the pages to write.

    Besides the documents just read, Sphinx writes what this returns: generated
    pages that changed, and pages whose references or cross-document parts
    (back-links, relations, listings) changed because of edits elsewhere.
    """
    domain = concept_domain(env)
    domain.check_entries()
    to_write = generate_pages(app, env, domain.plan_pages())
    to_write |= domain.outdated_referrers()
    to_write |= domain.outdated_views()
    return sorted(to_write)
