"""Warnings for authors' mistakes: one type, one documented subtype per kind.

Every warning goes through :func:`warn` with a location, so it reads
``file:line: WARNING: ... [concepts.<subtype>]`` and can be silenced with
``suppress_warnings = ["concepts.<subtype>"]`` (or ``"concepts"`` for all).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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


#: The warnings being recorded (see :func:`recording`), innermost last.
_recorders: list[list[tuple[str, str, Any]]] = []


def warn(subtype: WarningSubtype, message: str, location: Any) -> None:
    """Log a located ``concepts`` warning of the given subtype."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype.value)
    if _recorders:
        _recorders[-1].append((subtype.value, message, location))


@contextmanager
def recording() -> Iterator[list[tuple[str, str, Any]]]:
    """Log warnings as usual, and also collect them, to repeat them in a later build."""
    records: list[tuple[str, str, Any]] = []
    _recorders.append(records)
    try:
        yield records
    finally:
        _recorders.pop()


def replay(records: Iterable[tuple[str, str, Any]]) -> None:
    """Log recorded warnings again, as the build that recorded them did."""
    for subtype, message, location in records:
        warn(WarningSubtype(subtype), message, location)
