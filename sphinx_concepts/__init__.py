"""sphinx-concepts: concept entries, aliases and references for Sphinx."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import assets, config, eventlog, nodes, virtual
from .build import after_reading, record_output
from .directives import ConceptDirective
from .domain import ConceptDomain, remove_unwritten_index, report_missing
from .entry_parts import ConceptParts, drop_unreachable_parts
from .export import write_export
from .frontmatter import rewrite_concept_pages
from .listing import ConceptListDirective
from .parsers import TEXT_ENTRY_DIRECTIVE, TextEntryDirective
from .roles import ConceptRole
from .sources import register_sources
from .stdterms import resolve_term
from .transforms import SingleConceptPage

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: Bump when a record kept in the environment changes shape.
ENV_VERSION = 2


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    config.register(app)
    nodes.register(app)
    app.add_domain(ConceptDomain)
    # Also without the domain prefix, so no `primary_domain` is needed.
    app.add_directive("concept", ConceptDirective)
    app.add_role("concept", ConceptRole())
    app.add_directive_to_domain(ConceptDomain.name, "concept", ConceptDirective)
    app.add_role_to_domain(ConceptDomain.name, "concept", ConceptRole())
    app.add_directive("concept-list", ConceptListDirective)
    app.add_directive_to_domain(ConceptDomain.name, "list", ConceptListDirective)
    app.add_transform(SingleConceptPage)
    app.add_post_transform(ConceptParts)
    app.add_message_catalog("sphinx_concepts", str(Path(__file__).parent / "locales"))
    app.connect("config-inited", config.validate)
    app.connect("config-inited", register_sources)
    app.connect("source-read", rewrite_concept_pages)
    # Internal: what concept files and front matter pages are turned into.
    app.add_directive(TEXT_ENTRY_DIRECTIVE, TextEntryDirective)
    app.connect("env-get-outdated", virtual.declare_pages)
    app.connect("env-before-read-docs", virtual.skip_generated)
    app.connect("env-updated", after_reading)
    app.connect("warn-missing-reference", report_missing)
    app.connect("missing-reference", resolve_term)
    app.connect("doctree-resolved", drop_unreachable_parts)
    app.connect("html-page-context", virtual.hide_missing_source)
    app.connect("build-finished", record_output)
    app.connect("build-finished", remove_unwritten_index)
    app.connect("build-finished", write_export)
    app.connect("builder-inited", assets.add_static_files)
    app.connect("builder-inited", eventlog.install)
    app.connect("build-finished", eventlog.uninstall)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
