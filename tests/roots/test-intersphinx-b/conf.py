project = "Project B"
extensions = ["sphinx_concepts", "sphinx.ext.intersphinx", "myst_parser"]
exclude_patterns = ["_build"]
# intersphinx_mapping is given by the test: project A's output folder.
