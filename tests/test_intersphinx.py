"""Project B links to project A's concepts by name or alias through intersphinx."""

from __future__ import annotations

from pathlib import Path

import sphinx
from conftest import html_of, text_of, warnings_of


def test_project_b_links_to_concepts_of_project_a(project):
    project_a = project("entries-rst", name="a").build()
    a_outdir = Path(project_a.outdir)
    mapping = {"a": (str(a_outdir), str(a_outdir / "objects.inv"))}
    project_b = project("intersphinx-b", name="b").build(confoverrides={"intersphinx_mapping": mapping})

    links = {text_of(a): a["href"] for a in html_of(project_b, "index").select("a.reference.external")}
    afm = f"{a_outdir}/afm.html#concept-AI-Foundation-Models"
    llm = f"{a_outdir}/models.html#concept-Large-Language-Models"
    # As for every intersphinx link, a reference without an explicit title shows the
    # other project's spelling of the name; an explicit title is kept.
    assert links == {
        "Foundation Model": afm,
        "base models": afm,
        "Large Language Models": llm,
        "LLMs": llm,
    }
    markdown = {text_of(a): a["href"] for a in html_of(project_b, "markdown").select("a.reference.external")}
    assert markdown == {"LLM": llm}

    suffix = " [concepts.unknown_reference]" if sphinx.version_info >= (8,) else ""
    assert warnings_of(project_b) == [f"SRC/index.rst:16: WARNING: unknown concept 'Quantum Annealing'{suffix}"]
