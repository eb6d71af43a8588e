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
#: Tooltips on touch screens, Escape to dismiss, the glossary filter.
SCRIPT = "sphinx-concepts.js"


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


def _wants_script(app: Sphinx) -> bool:
    # E-books show pages without scripts; everything the script adds is optional.
    return _is_html(app) and not app.builder.name.startswith("epub")


def add_stylesheet(app: Sphinx) -> None:
    """``builder-inited``: link the stylesheet (and the script) from every HTML page."""
    if _is_html(app):
        app.add_css_file(STYLESHEET)
    if _wants_script(app):
        app.add_js_file(SCRIPT, loading_method="defer")


def copy_static_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: put the static files in the output's ``_static`` folder."""
    if exception is None and _is_html(app):
        copy_asset_file(STATIC_DIR / STYLESHEET, Path(app.outdir) / "_static")
    if exception is None and _wants_script(app):
        copy_asset_file(STATIC_DIR / SCRIPT, Path(app.outdir) / "_static")
