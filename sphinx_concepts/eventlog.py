"""Keep Sphinx's event debug records out of parallel workers' memory.

Since Sphinx 8, every event emission logs ``repr()`` of all its arguments at
debug level: for ``html-page-context`` that is the whole page body, for
``source-read`` the whole source. A ``-j`` worker buffers every record of its
chunk (debug ones included) until the chunk ends, then pickles them all back to
the main process, which drops them unless the build runs with ``-vv``. With
pages the size of a glossary's, that buffer was the largest thing a writer held.

Below ``-vv`` these records are never shown, so a filter on the event logger
drops them where they are made; at ``-vv`` and above nothing changes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sphinx import events

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["install", "uninstall"]

#: Sphinx shows debug records from this verbosity (``-vv``) on.
DEBUG_VERBOSITY = 2


class _DropDebug(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


_FILTER = _DropDebug()


def _event_logger() -> logging.Logger:
    return events.logger.logger


def install(app: Sphinx) -> None:
    """On ``builder-inited``: drop event debug records this build would never show."""
    if app.verbosity < DEBUG_VERBOSITY:
        _event_logger().addFilter(_FILTER)  # adding it twice keeps one
    else:
        _event_logger().removeFilter(_FILTER)


def uninstall(app: Sphinx, exception: BaseException | None) -> None:
    """On ``build-finished``: leave the logger as found, for other builds in this process."""
    _event_logger().removeFilter(_FILTER)
