project = "Reader test"
version = release = "1.0"
copyright = "2026, the authors"
extensions = ["sphinx_concepts"]
exclude_patterns = ["_build"]
# The theme is each browser test's parameter (confoverrides).
# pydata-sphinx-theme and sphinx-book-theme: follow the system's light or dark mode
# (left empty, they log "Got invalid theme mode" in the console).
html_context = {"default_mode": "auto"}
