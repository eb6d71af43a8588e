"""A corpus of malformed and hostile input: each case warns clearly, nothing else is lost.

``roots/test-adversarial`` holds 43 cases, one file each (names start with the case
number), next to a sentinel entry in every reStructuredText and MyST file. The build
must finish without a traceback, report each mistake at its file and line with a
documented subtype, keep every other concept, and keep hostile text inert.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sphinx
from conftest import ROOTS, html_of, text_of, warnings_of

from sphinx_concepts.diagnostics import WarningSubtype

ROOT = ROOTS / "test-adversarial"
NEW_SPHINX = sphinx.version_info >= (8,)

#: (file, line, subtype) of every warning the corpus must give, and nothing else.
EXPECTED = {
    ("c01-empty-name.rst", 7, "concepts.empty_name"),
    ("c02-blank-name.rst", 7, "concepts.empty_name"),
    ("c05-control-name.rst", 7, "concepts.control_character"),
    ("c08-fullwidth-duplicate.rst", 10, "concepts.duplicate"),
    ("c09-case-duplicate.rst", 10, "concepts.duplicate"),
    ("c10-alias-is-name.rst", 10, "concepts.alias_is_name"),
    ("c11-alias-conflict.rst", 12, "concepts.alias_conflict"),
    ("c12-self-relation.rst", 7, "concepts.self_related"),
    ("c14-unknown-related.rst", 7, "concepts.unknown_related"),
    ("c18-duplicate-option.rst", 7, "docutils"),
    ("c19-unknown-option.rst", 7, "concepts.unknown_option"),
    ("c20-empty-item.rst", 7, "concepts.empty_item"),
    ("c21-unknown-reference.rst", 7, "concepts.unknown_reference"),
    ("c23-reference-in-table.rst", 13, "concepts.unknown_reference"),
    ("c29-listing-unknown-filter.rst", 7, "concepts.unknown_filter"),
    ("c31-myst-empty-name.md", 7, "concepts.empty_name"),
    ("c32-myst-unknown-option.md", 7, "concepts.unknown_option"),
    ("c34-myst-unknown-link.md", 7, "myst.xref_missing"),
    ("text/c35-empty.txt", 1, "concepts.data_format"),
    ("text/c36-no-explanation.txt", 3, "concepts.data_format"),
    ("text/c37-unknown-field.txt", 3, "concepts.data_format"),
    ("text/c38-after-back-line.txt", 6, "concepts.data_format"),
    ("data/c39-unreadable.yaml", 3, "concepts.data_format"),
    ("data/c40-nameless.yaml", 1, "concepts.data_format"),
    ("data/c41-broken.json", 1, "concepts.data_format"),
    ("data/c42-wrong-types.json", 1, "concepts.data_format"),
}
#: Each file gives exactly one warning, but this one, which has two mistakes.
TWICE = {("data/c42-wrong-types.json", 1, "concepts.data_format")}

_WARNING = re.compile(
    r"^SRC/(?P<file>[^:]+):(?P<line>\d+): (?:WARNING|ERROR): (?P<message>.*?)(?: \[(?P<type>[\w.]+)\])?$"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import build_copy

    app = build_copy("adversarial", tmp_path_factory.mktemp("adversarial") / "src")
    yield app
    app.cleanup()


_TRAILING_TYPE = re.compile(r" \[(?P<type>[\w.]+)\]$")


def _located(app) -> list[tuple[str, int, str]]:
    """(file, line, type) of each warning; a docutils error prints its type on its last line."""
    found = []
    lines = warnings_of(app)
    for index, line in enumerate(lines):
        match = _WARNING.match(line)
        if not match:
            continue
        kind = match["type"] or ""
        for later in lines[index + 1 :]:
            if kind or _WARNING.match(later):
                break
            trailing = _TRAILING_TYPE.search(later)
            if trailing:
                kind = trailing["type"]
        found.append((match["file"], int(match["line"]), kind))
    return found


def test_the_corpus_has_at_least_40_cases():
    cases = [p for p in ROOT.rglob("c[0-9][0-9]-*") if p.is_file()]
    assert len(cases) >= 40


def test_every_mistake_is_reported_where_it_is_and_nothing_else(built):
    lines = warnings_of(built)
    assert not any("Traceback" in line or "Exception" in line for line in lines)
    located = _located(built)
    if not NEW_SPHINX:  # Sphinx 7 prints no types: compare places only
        assert sorted((f, n) for f, n, _t in located) == sorted(
            [(f, n) for f, n, _t in EXPECTED] + [(f, n) for f, n, _t in TWICE]
        )
        return
    assert sorted(located) == sorted([*EXPECTED, *TWICE])


def test_every_concepts_subtype_is_documented(built):
    documented = (Path(__file__).parents[1] / "docs" / "reference" / "warnings.md").read_text(encoding="utf-8")
    for subtype in WarningSubtype:
        assert f"`{subtype.value}`" in documented, subtype


def test_every_sentinel_and_valid_concept_is_intact(built):
    lookup = built.env.get_domain("concept").lookup
    sentinels = [p.stem for p in ROOT.glob("c[0-9][0-9]-*.*") if p.suffix in (".rst", ".md")]
    for stem in sentinels:
        assert lookup.find(f"sentinel {stem}") is not None, stem
    for name in [
        "???!!!", "L" * 10000, "BellChar", "שלום עולם", "Rocket 🚀", "Full Width", "apple", "Cycle A",
        "Traversal", "Scripted", "Cee Plus", "Headline", "Tabular", "Conditional", "Kiwi", "Flowing",
        "Marked Up", "Outer", "Inner", "Split Name", "Myst Yaml", "Field Trip", "Trailing", "Windows Entry",
        "Data Sentinel", "Typed", "No Explanation",
    ]:  # fmt: skip
        assert lookup.find(name.casefold()) is not None, name[:40]


def test_hostile_text_is_inert_and_stays_inside(built):
    out = Path(built.outdir)
    assert all(out.resolve() in p.resolve().parents for p in out.rglob("*.html"))
    page = html_of(built, "c16-script-tag")
    body = page.select_one("div.body")
    assert body.select("script, img, svg") == []
    assert "<script>alert(1)</script>" in text_of(body) and "<b>not bold</b>" in text_of(body)
    tags = {p.stem for p in (out / "concepts" / "tags").glob("*.html")}
    assert len({t for t in tags if t.startswith(("c_", "c-", "c"))}) >= 3
    assert not (out.parent / "etc").exists() and not (out.parent / "outside").exists()


def test_cycles_show_both_ways_and_self_relations_are_dropped(built):
    cycle = html_of(built, "c13-relation-cycle")
    entry = cycle.select_one("#concept-Cycle-A").find_parent("dl")
    assert sorted(text_of(a) for a in entry.select("div.concept-related a")) == ["Cycle B", "Cycle C"]
    snake = html_of(built, "c12-self-relation").select_one("#concept-Ouroboros").find_parent("dl")
    assert snake.select_one("div.concept-related") is None


def test_references_in_titles_tables_and_only_blocks_resolve(built):
    title = html_of(built, "c22-reference-in-title").select_one("div.body h2 a")
    assert title["href"] == "#concept-Headline"
    cell = html_of(built, "c23-reference-in-table").select_one("table a")
    assert cell["href"] == "#concept-Tabular"
    only = html_of(built, "c24-reference-in-only").select_one("div.body")
    assert "in HTML" in text_of(only) and "in LaTeX" not in text_of(only)


def test_the_corpus_builds_with_latex_and_text_without_a_traceback(project):
    for buildername in ("latex", "text"):
        app = project("adversarial", name=buildername).build(buildername)
        assert not any("Traceback" in line for line in warnings_of(app))
        assert {f for f, _n, _t in _located(app)} == {f for f, _n, _t in EXPECTED}
