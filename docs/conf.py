"""Sphinx configuration for the sphinx-concepts documentation.

The site uses the extension on itself: the demo library in ``library/`` and the
examples in the user guide are real entries, rendered by the installed package.
"""

from __future__ import annotations

import sphinx_concepts

project = "sphinx-concepts"
author = "sphinx-concepts developers"
copyright = "sphinx-concepts developers"
version = sphinx_concepts.__version__
release = version

extensions = ["sphinx_concepts", "myst_parser", "sphinx_design"]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
nitpicky = True

# MyST: `:::{concept}` fences need the colon_fence extension.
myst_enable_extensions = ["colon_fence"]
# `[text](#a-heading)` links to headings, with myst-parser 4 as with 5.
myst_heading_anchors = 3

# sphinx-concepts: let "LLMs" find "Large Language Models" and "transformers"
# find "Transformer" (see guide/referencing).
concepts_match_plurals = True

# The demo library: one plain-text entry file per concept (see guide/data-files).
concepts_sources = ["library/*.txt"]

# The domain's concept index beside the glossary, so the reference can show it
# (by default it is written only when there is no glossary).
concepts_domain_index = True

html_theme = "furo"
html_title = f"sphinx-concepts {version}"
