"""Moving from Sphinx's glossary: converted entries, and :term: references kept working."""

from __future__ import annotations

import subprocess
import sys

from conftest import html_of, text_of, warnings_of
from test_incremental import inventory_rows

from sphinx_concepts.migrate import convert_text, parse_glossary_body

COUNT = 120


def _glossary_project(proj) -> None:
    """A glossary of 120 entries: stacked terms, classifiers, options, cross-references."""
    for page in proj.srcdir.glob("*.rst"):
        page.unlink()
    entries = []
    for n in range(COUNT):
        terms = [f"Term {n:03d}"] + ([f"Synonym {n:03d}", f"Other {n:03d}"] if n % 10 == 0 else [])
        head = "\n".join(f"   {t}" + (" : Group" if n % 25 == 0 and i == 0 else "") for i, t in enumerate(terms))
        target = f"term {(n + 1) % COUNT:03d}"
        entries.append(
            f"{head}\n      Definition number {n}. It points to :term:`{target}`.\n\n      A second paragraph.\n"
        )
    proj.write("glossary.rst", "Glossary\n========\n\n.. glossary::\n   :sorted:\n\n" + "\n".join(entries))
    proj.write(
        "uses.rst",
        "Uses\n====\n\nWe use :term:`Term 005`, :term:`synonym 010` and :term:`Other 020`.\n",
    )
    proj.write("conf.py", 'project = "Migration"\nextensions = ["sphinx_concepts"]\nexclude_patterns = ["_build"]\n')
    proj.write("index.rst", "Root\n====\n\n.. toctree::\n\n   glossary\n   uses\n")


def test_parse_stacked_terms_classifier_and_definition():
    entries = parse_glossary_body(
        ["   A", "   B : Kind", "      Def line.", "", "      More.", "", "   C", "      C def."]
    )
    assert [(e.terms, e.classifier, e.definition) for e in entries] == [
        (["A", "B"], None, ["Def line.", "", "More."]),
        (["C"], None, ["C def."]),
    ]
    assert parse_glossary_body(["   X : Kind", "      Def."])[0].classifier == "Kind"


def test_a_glossary_of_120_entries_becomes_concepts(project, tmp_path):
    proj = project("entries-rst", name="migrated")
    _glossary_project(proj)
    before = proj.build()
    assert warnings_of(before) == []
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_concepts.migrate", str(proj.srcdir / "glossary.rst")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"{COUNT} glossary entries converted" in result.stderr
    converted = (proj.srcdir / "glossary.rst").read_text(encoding="utf-8")
    assert ".. glossary::" not in converted and converted.count(".. concept::") == COUNT
    assert "   :aliases: Synonym 010, Other 010" in converted and "   :category: Group" in converted
    # Unchanged :term: references resolve with concepts_std_terms.
    app = proj.build(confoverrides={"concepts_std_terms": True}, freshenv=True)
    assert warnings_of(app) == []
    lookup = app.env.get_domain("concept").lookup
    assert len([c for c in lookup.concepts() if c.name.startswith("Term ")]) == COUNT
    links = {text_of(a): a["href"] for a in html_of(app, "uses").select("div.body a.reference")}
    assert links == {
        "Term 005": "glossary.html#concept-Term-005",
        "synonym 010": "glossary.html#concept-Term-010",
        "Other 020": "glossary.html#concept-Term-020",
    }
    rows = inventory_rows(app)
    assert ("std:term", "Synonym 010", "glossary.html#concept-Term-010") in rows
    # The definition's first sentence is the summary; the rest is the explanation.
    assert lookup.find("term 000").concept.summary == "Definition number 0."
    assert len(html_of(app, "glossary").select("dl.concept")) == COUNT


def test_rewriting_term_references(project):
    proj = project("entries-rst", name="rewritten")
    _glossary_project(proj)
    for name in ("glossary.rst", "uses.rst"):
        path = proj.srcdir / name
        text, _count = convert_text(path.read_text(encoding="utf-8"), rewrite_terms=True)
        path.write_text(text, encoding="utf-8")
    app = proj.build()
    assert warnings_of(app) == []
    assert ":term:" not in (proj.srcdir / "uses.rst").read_text(encoding="utf-8")
    links = [a["href"] for a in html_of(app, "glossary").select("div.concept a.reference, dd a.reference")]
    assert "#concept-Term-001" in links


def test_myst_glossary():
    text = "# Terms\n\n```{glossary}\n:sorted:\n\nAlpha\nAleph\n  The first letter, see {term}`Beta`.\n\nBeta\n  The second.\n```\n\nAfter.\n"
    converted, count = convert_text(text, rewrite_terms=True)
    assert count == 2
    assert "```{concept} Alpha\n:aliases: Aleph\n\nThe first letter, see {concept}`Beta`.\n```" in converted
    assert converted.endswith("After.\n") and "{glossary}" not in converted
