"""Static files, for HTML builders only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["add_static_files"]

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "sphinx-concepts.css"
#: Tooltips on touch screens, Escape to dismiss, the glossary filter, map highlights.
SCRIPT = "sphinx-concepts.js"


def add_static_files(app: Sphinx) -> None:
    """``builder-inited``: link the stylesheet (and the script) from every HTML page.

    The folder joins ``html_static_path``, so Sphinx copies the files before it
    writes pages and links them with a checksum (``?v=...``): a clean and an
    incremental build write the same links, and browsers fetch a changed file.
    """
    if app.builder.format != "html":
        return
    if str(STATIC_DIR) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC_DIR))
    app.add_css_file(STYLESHEET)
    # E-books show pages without scripts; everything the script adds is optional.
    if not app.builder.name.startswith("epub"):
        app.add_js_file(SCRIPT, loading_method="defer")
