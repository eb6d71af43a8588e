"""The few undocumented parts of Sphinx's environment that generated pages rely on.

They are stable from Sphinx 7.4 to 9.x (see the project's design notes); keeping
them in one module means a change in Sphinx is fixed in one place.
"""

from __future__ import annotations

import copy
import functools
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import DependencyList
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.environment import CONFIG_OK
from sphinx.util.docutils import new_document

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = [
    "config_changed",
    "forget_document",
    "new_generated_document",
    "output_file",
    "register_document",
    "store_document",
]


def config_changed(env: BuildEnvironment) -> bool:
    """Whether this build's configuration differs from the one the env was built with."""
    return bool(env.config_status != CONFIG_OK)


@functools.cache
def _parser_settings() -> Any:
    # With the reStructuredText parser's settings (tab_width, ...), which
    # directives expect, whatever parser fills the document.
    return get_default_settings(RSTParser)


def new_generated_document(env: BuildEnvironment, docname: str) -> nodes.document:
    """An empty document for *docname* with the settings a read document gets."""
    env.prepare_settings(docname)
    document = new_document(str(env.doc2path(docname)), copy.copy(_parser_settings()))
    for name, value in env.settings.items():
        setattr(document.settings, name, value)
    document.settings.env = env
    document.settings.record_dependencies = DependencyList()
    return document


def register_document(app: Sphinx, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
    """Record a generated doctree as if Sphinx had read it, and pickle it for the writers."""
    # Domains record labels, index entries and the like in a read transform,
    # which generated pages skip. The concept domain is left out: its records of
    # references feed back-links, and generated listings are not references.
    for domain in list(env.domains.values()):
        if domain.name != "concept":
            domain.process_doc(env, docname, document)
    # The collectors fill titles, tocs, toctree relations and metadata.
    app.events.emit("doctree-read", document)
    store_document(app, env, docname, document)


def store_document(app: Sphinx, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
    """Mark a generated document read now, and pickle its doctree for the writers."""
    env.temp_data.clear()
    env.ref_context.clear()
    env.all_docs[docname] = time.time_ns() // 1_000
    # Sphinx keeps the doctrees it read in memory for the writers only when it
    # reads in one process; so do generated pages. With -j, the writers are forked
    # from the main process: held there, these doctrees made every writer larger.
    app.builder.write_doctree(docname, document, _cache=app.parallel <= 1)


def forget_document(app: Sphinx, env: BuildEnvironment, docname: str, *, vanished: bool) -> None:
    """Clear what the environment knows of a generated page; *vanished*: it is gone."""
    if docname in env.all_docs:
        # Purging costs a pass over Sphinx's toctree records: skipped for new pages.
        app.events.emit("env-purge-doc", env, docname)
        env.clear_doc(docname)
    if vanished:
        env.found_docs.discard(docname)
        Path(app.doctreedir, f"{docname}.doctree").unlink(missing_ok=True)


def output_file(builder: Builder, docname: str) -> Path | None:
    """The file a builder writes for one document, if it writes one per document."""
    if isinstance(builder, SingleFileHTMLBuilder):
        return None
    get_outfilename = getattr(builder, "get_outfilename", None)
    if get_outfilename is not None:
        return Path(get_outfilename(docname))
    suffix = getattr(builder, "out_suffix", None)
    if isinstance(suffix, str) and suffix:
        return Path(builder.outdir, docname + suffix)
    return None


def builder_format(env: BuildEnvironment) -> str:
    """The current builder's format ("html", "latex", ...); ``env.app`` is deprecated in Sphinx 9."""
    builder_cls = getattr(env, "_builder_cls", None)  # Sphinx 8.1+
    if builder_cls is not None:
        return str(builder_cls.format)
    return str(env.app.builder.format)
