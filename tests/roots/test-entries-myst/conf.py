project = "Concepts test"
version = release = "1.0"
copyright = "2026, the authors"
extensions = ["sphinx_concepts", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
