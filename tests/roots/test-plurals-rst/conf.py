extensions = ["sphinx_concepts"]
exclude_patterns = ["_build"]
