extensions = ["sphinx_concepts", "myst_parser"]
exclude_patterns = ["_build"]
