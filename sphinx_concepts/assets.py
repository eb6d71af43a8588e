"""Static files, for HTML builders only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["add_stylesheet", "copy_static_files"]

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "sphinx-concepts.css"


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


def add_stylesheet(app: Sphinx) -> None:
    """``builder-inited``: link the stylesheet from every HTML page."""
    if _is_html(app):
        app.add_css_file(STYLESHEET)


def copy_static_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: put the stylesheet in the output's ``_static`` folder."""
    if exception is None and _is_html(app):
        copy_asset_file(STATIC_DIR / STYLESHEET, Path(app.outdir) / "_static")
