"""``concepts.json``: every concept of the project, for tools outside Sphinx.

Written by the HTML builders (html, dirhtml, singlehtml) to the output folder,
next to ``objects.inv``. Search front ends, chat assistants and retrieval
pipelines read it; the format is documented in docs/reference/concepts-json and
versioned by ``schema_version``. A ``concepts.json`` listed in
``concepts_sources`` loads back as the same concepts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.html import StandaloneHTMLBuilder

from .domain import concept_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

__all__ = ["EXPORT_NAME", "SCHEMA_VERSION", "export_data", "write_export"]

EXPORT_NAME = "concepts.json"
#: Raised when a field changes meaning or goes; new fields do not raise it.
SCHEMA_VERSION = 1


#: The builders whose output is a web site. (epub and the help formats pack every
#: file of their folder; json and pickle output is not served as is.)
_WEB_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})


def _writes_export(builder: Builder) -> bool:
    return isinstance(builder, StandaloneHTMLBuilder) and builder.name in _WEB_BUILDERS


def _url(builder: Builder, docname: str, anchor: str) -> str:
    page = builder.get_target_uri(docname).split("#", 1)[0]
    if not page:  # singlehtml: every document is on the root page
        page = builder.config.root_doc + getattr(builder, "out_suffix", ".html")
    return f"{page}#{anchor}"


def export_data(app: Sphinx) -> dict[str, Any]:
    """The export: each concept's declared fields, its page and its anchor, by name."""
    from . import __version__

    domain = concept_domain(app.env)
    sort_key = domain.sort_key
    concepts = sorted(domain.lookup.concepts(), key=lambda concept: sort_key(concept.name))
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"sphinx-concepts {__version__}",
        "project": app.config.project,
        "title": f"{app.config.project} concepts",
        "concepts": [
            {
                "name": concept.name,
                "summary": concept.summary,
                "aliases": list(concept.aliases),
                "category": concept.category,
                "tags": list(concept.tags),
                "related": list(concept.related),
                "url": _url(app.builder, concept.docname, concept.anchor),
                "docname": concept.docname,
                "anchor": concept.anchor,
            }
            for concept in concepts
        ],
    }


def write_export(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write ``concepts.json``, only when its content changed."""
    if exception is not None or not _writes_export(app.builder):
        return
    path = Path(app.outdir, EXPORT_NAME)
    if concept_domain(app.env).reused_output and path.is_file():
        return  # the inputs are those this output folder's file was written from
    text = json.dumps(export_data(app), ensure_ascii=False, indent=1) + "\n"
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    path.write_text(text, encoding="utf-8")
