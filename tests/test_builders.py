"""Every common builder builds the entries root cleanly, with working links."""

from __future__ import annotations

import re
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


def _static_links(page: Path) -> list[str]:
    return re.findall(r'(?:href|src)="(_static/sphinx-concepts\.[a-z]+[^"]*)"', page.read_text(encoding="utf-8"))


def test_static_files_are_linked_with_a_checksum_in_clean_and_incremental_builds(project):
    proj = project("entries-rst")
    app = proj.build("html")
    out = Path(app.outdir)
    clean = _static_links(out / "afm.html")
    assert sorted(link.split("?")[0] for link in clean) == [
        "_static/sphinx-concepts.css",
        "_static/sphinx-concepts.js",
    ]
    # Browsers refetch a changed file: every link carries the file's checksum.
    assert all("?v=" in link for link in clean)
    refs = Path(proj.srcdir) / "refs.rst"
    refs.write_text(refs.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    proj.build("html")
    assert _static_links(out / "refs.html") == clean == _static_links(out / "afm.html")


def test_other_builders_get_no_static_files(project):
    app = project("entries-rst").build("text")
    assert not (Path(app.outdir) / "_static").exists()


@pytest.mark.parametrize(
    ("buildername", "page", "expected"),
    [
        ("html", "afm.html", "models.html#concept-Large-Language-Models"),
        ("dirhtml", "afm/index.html", "../models/#concept-Large-Language-Models"),
        ("singlehtml", "index.html", "#concept-Large-Language-Models"),
    ],
)
def test_concept_map_links_follow_each_builders_urls(project, buildername, page, expected):
    app = project("entries-rst").build(buildername)
    html = (Path(app.outdir) / page).read_text(encoding="utf-8")
    maps = re.findall(r'<svg [^>]*class="concept-map-svg".*?</svg>', html, flags=re.S)
    assert maps
    hrefs = {href for svg in maps for href in re.findall(r'<a href="([^"]*)"', svg)}
    assert expected in hrefs
    assert not any(href.count("#") > 1 for href in hrefs)


def test_singlehtml_entries_show_their_cross_document_parts(project):
    """Each inlined document's entries find their records (not the root document's)."""
    app = project("entries-rst").build("singlehtml")
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert (
        '<span class="concept-tag concept-badge"><a class="reference internal" href="#document-concepts/tags/ai"'
        in html
    )
    assert "Referenced by" in html


def test_singlehtml_related_links_point_at_the_entry_on_the_page(project):
    app = project("entries-rst").build("singlehtml")
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    related = re.findall(r"concept-field-related.*?</dd>", html, flags=re.S)
    hrefs = re.findall(r'href="([^"]*)"', "".join(related))
    assert "#concept-Large-Language-Models" in hrefs
    assert not any(href.count("#") > 1 for href in hrefs)


def test_man_pages_keep_the_back_link_a_paragraph_of_its_own(project):
    # A label that is a document of its own: the man page keeps the link's text.
    proj = project("entries-rst")
    proj.edit("index.rst", "Concept entries\n", ".. _all-concepts:\n\nConcept entries\n")
    app = proj.build("man", confoverrides={"concepts_all_concepts_label": "all-concepts"})
    page = next(Path(app.outdir).glob("*.1")).read_text(encoding="utf-8")
    assert "\n.sp\n← " in page and "Back to all concepts" in page  # .sp: a paragraph of its own
    assert "Related concepts" in page


@pytest.mark.parametrize("buildername", ["xml", "pseudoxml"])
def test_other_builders_get_the_parts_with_resolved_links(project, buildername):
    """Builders without a writer that fills parts in get them from the post-transform."""
    app = project("entries-rst").build(buildername)
    assert warnings_of(app) == []
    written = next(Path(app.outdir).glob("afm.*")).read_text(encoding="utf-8")
    assert "Also known as" in written and "Related concepts" in written
    assert "concept_part" not in written and "pending_xref" not in written
    assert "concept-Large-Language-Models" in written  # a resolved reference
