"""Every common builder builds the entries root cleanly, with working links."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import warnings_of

BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]


@pytest.mark.parametrize("syntax", ["rst", "myst"])
@pytest.mark.parametrize("buildername", BUILDERS)
def test_builder_runs_without_warnings(project, syntax, buildername):
    app = project(f"entries-{syntax}").build(buildername, confoverrides={"nitpicky": True})
    assert warnings_of(app) == []


def test_dirhtml_links_use_folder_urls(project):
    app = project("entries-rst").build("dirhtml")
    refs = (Path(app.outdir) / "refs" / "index.html").read_text(encoding="utf-8")
    assert 'href="../afm/#concept-AI-Foundation-Models"' in refs
    afm = (Path(app.outdir) / "afm" / "index.html").read_text(encoding="utf-8")
    assert 'href="../concepts/"' in afm  # the glossary


def test_singlehtml_links_stay_on_the_page(project):
    app = project("entries-rst").build("singlehtml")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'href="#concept-AI-Foundation-Models"' in page
    # The concept index is not a page of singlehtml, so no entry links to it.
    assert "concept-index" not in page
    assert "Back to all concepts" not in page


def test_latex_has_hyperlinks_and_index_entries(project):
    app = project("entries-rst").build("latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\hyperref[\detokenize{afm:concept-AI-Foundation-Models}]" in tex
    assert r"\index{Base Models@\spxentry{Base Models}|see{AI Foundation Models}}" in tex
    assert "Back to all concepts" not in tex


def test_text_shows_every_part(project):
    app = project("entries-rst").build("text")
    text = (Path(app.outdir) / "afm.txt").read_text(encoding="utf-8")
    for part in (
        "AI Foundation Models",
        "Large-scale AI models trained on broad data",
        "Also known as:",
        "Foundation Model, Foundation Models, Base Models",
        "Category:",
        "Tags:",
        "ai, machine-learning, models, fundamentals",
        "Related concepts:",
        "*Large Language Models*, *Transformer*",  # links are starred, as for :ref:
    ):
        assert part in text


def test_epub_has_the_entries(project):
    app = project("entries-rst").build("epub")
    afm = (Path(app.outdir) / "afm.xhtml").read_text(encoding="utf-8")
    assert 'id="concept-AI-Foundation-Models"' in afm
    assert 'href="models.xhtml#concept-Large-Language-Models"' in afm
