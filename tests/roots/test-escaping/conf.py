project = "Escaping"
version = release = "1.0"
copyright = "2026, the authors"
extensions = ["sphinx_concepts", "myst_parser"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
concepts_sources = ["data/*.txt", {"files": "data/*.yaml", "layout": "pages"}]
