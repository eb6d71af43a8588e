project = "Data files test"
version = release = "1.0"
copyright = "2026, the authors"
extensions = ["sphinx_concepts"]
exclude_patterns = ["_build"]
concepts_sources = ["data/*.yaml", "data/*.json"]
