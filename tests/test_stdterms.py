"""``concepts_std_terms``: ``:term:`` references resolve to concepts, for glossary migrations."""

from __future__ import annotations

from conftest import html_of, text_of, warnings_of
from test_incremental import inventory_rows

TERMS = {"concepts_std_terms": True}


def _with_term_page(proj) -> None:
    proj.write(
        "terms.rst",
        "Terms\n=====\n\nSee :term:`ai foundation models`, :term:`Base Models`, :term:`LLMs` "
        "and :term:`Own Term`.\n\n.. glossary::\n\n   Own Term\n      A term of a real glossary.\n\n"
        "   Transformer\n      The glossary's own Transformer wins over the concept.\n",
    )
    proj.edit("index.rst", "   refs\n", "   refs\n   terms\n")


def test_term_references_resolve_to_concepts(project):
    proj = project("entries-rst")
    _with_term_page(proj)
    app = proj.build(confoverrides=TERMS)
    assert warnings_of(app) == []
    links = {text_of(a): a["href"] for a in html_of(app, "terms").select("div.body p a.reference")}
    assert links["ai foundation models"] == "afm.html#concept-AI-Foundation-Models"
    assert links["Base Models"] == "afm.html#concept-AI-Foundation-Models"
    assert links["LLMs"] == "models.html#concept-Large-Language-Models"
    assert links["Own Term"] == "#term-Own-Term"
    rows = inventory_rows(app)
    assert ("std:term", "AI Foundation Models", "afm.html#concept-AI-Foundation-Models") in rows
    assert ("std:term", "Base Models", "afm.html#concept-AI-Foundation-Models") in rows
    # A real glossary term keeps its place.
    assert ("std:term", "Transformer", "terms.html#term-Transformer") in rows


def test_without_the_option_terms_stay_unknown(project):
    proj = project("entries-rst")
    _with_term_page(proj)
    app = proj.build()
    assert any("term not in glossary: 'ai foundation models'" in line for line in warnings_of(app))
    assert not any(row[0] == "std:term" and row[1] == "Base Models" for row in inventory_rows(app))


def test_std_terms_follow_renames_incrementally(project):
    proj = project("entries-rst")
    _with_term_page(proj)
    proj.build(confoverrides=TERMS)
    proj.edit("afm.rst", "Base Models", "Ground Models")
    app = proj.build(confoverrides=TERMS)
    names = {row[1] for row in inventory_rows(app) if row[0] == "std:term"}
    assert "Ground Models" in names and "Base Models" not in names


def test_parallel_build_gives_the_same_terms(project):
    serial = project("pages", name="serial").build(confoverrides=TERMS)
    parallel = project("pages", name="parallel").build(confoverrides=TERMS, parallel=2)
    terms = [row for row in inventory_rows(serial) if row[0] == "std:term"]
    assert ("std:term", "CPP", "languages.html#concept-0") in terms
    assert terms == [row for row in inventory_rows(parallel) if row[0] == "std:term"]
