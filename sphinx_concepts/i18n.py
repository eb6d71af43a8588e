"""Translated entries: the fields of an entry go through the project's own catalogs.

The ``gettext`` builder extracts an entry's name, summary, aliases, category and
tags (through :class:`concept_messages`, a translatable node) next to its body,
which Sphinx extracts itself. In a build with ``language`` set, the entry's
fields are translated when the entry is read, from the same catalogs Sphinx
translates the body with, so the page shows the translated entry and references
find it by its translated name and aliases.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.util.i18n import docname_to_domain

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

__all__ = ["concept_messages", "field_translator"]


class concept_messages(nodes.Element, addnodes.translatable):
    """The translatable fields of an entry, for message extraction only; never shown."""

    def preserve_original_messages(self) -> None:
        pass

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        pass  # the entry was translated when it was read (see field_translator)

    def extract_original_messages(self) -> Sequence[str]:
        return list(self["messages"])


def field_translator(env: BuildEnvironment) -> Any:
    """A ``gettext`` for the current document, or None without a project catalog."""
    config = env.config
    if not config.language or config.language == "en" or not config.locale_dirs:
        return None
    textdomain = docname_to_domain(env.docname, config.gettext_compact)
    dirs = [str(Path(env.srcdir, directory)) for directory in config.locale_dirs]
    catalog, has_catalog = init_locale(dirs, config.language, textdomain)
    return catalog.gettext if has_catalog else None
