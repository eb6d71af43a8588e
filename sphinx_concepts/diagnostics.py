"""Warnings for authors' mistakes: one type, one documented subtype per kind.

Every warning goes through :func:`warn` with a location, so it reads
``file:line: WARNING: ... [concepts.<subtype>]`` and can be silenced with
``suppress_warnings = ["concepts.<subtype>"]`` (or ``"concepts"`` for all).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sphinx.util import logging

logger = logging.getLogger("sphinx_concepts")

WARNING_TYPE = "concepts"


class WarningSubtype(str, Enum):
    """The subtypes of ``concepts`` warnings (documented in docs/reference)."""

    UNKNOWN_REFERENCE = "unknown_reference"
    AMBIGUOUS_REFERENCE = "ambiguous_reference"
    EMPTY_NAME = "empty_name"
    DUPLICATE = "duplicate"
    ALIAS_CONFLICT = "alias_conflict"
    ALIAS_IS_NAME = "alias_is_name"
    UNKNOWN_RELATED = "unknown_related"
    SELF_RELATED = "self_related"
    UNKNOWN_OPTION = "unknown_option"
    EMPTY_ITEM = "empty_item"
    CONTROL_CHARACTER = "control_character"
    UNREFERENCED = "unreferenced"
    PAGE_OVERRIDDEN = "page_overridden"
    UNKNOWN_FILTER = "unknown_filter"
    DATA_FORMAT = "data_format"
    CONFIG = "config"


def warn(subtype: WarningSubtype, message: str, location: Any) -> None:
    """Log a located ``concepts`` warning of the given subtype."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype.value)
