"""Authors' mistakes: a located warning of type ``concepts`` each, and nothing else lost."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sphinx
from conftest import ROOTS, html_of, text_of, warnings_of

KNOWN = "known options are summary, aliases, category, tags, related"

# (file, line, subtype, message) for each syntax; the lines are the directive lines.
EXPECTED = {
    "rst": [
        ("first.rst", 1, "unknown_option", f"unknown option 'colour' of concept 'Foundation Model' ignored; {KNOWN}"),
        ("first.rst", 1, "empty_item", "empty item in :aliases: of concept 'Foundation Model' ignored"),
        (
            "first.rst",
            8,
            "empty_name",
            "concept entry without a name; its explanation is kept, but no concept is declared",
        ),
        (
            "second.rst",
            4,
            "duplicate",
            "duplicate concept 'foundation model', also declared at first.rst:1; that entry is used",
        ),
        (
            "second.rst",
            8,
            "alias_conflict",
            "alias 'Shared Alias' of concept 'Other Model' is already an alias of concept 'Foundation Model' "
            "(first.rst:1); the alias is ignored",
        ),
        (
            "second.rst",
            8,
            "alias_is_name",
            "alias 'Foundation Model' of concept 'Other Model' is the name of concept 'Foundation Model' "
            "(first.rst:1); the alias is ignored",
        ),
        (
            "first.rst",
            1,
            "unknown_related",
            "concept 'Foundation Model' is related to unknown concept 'Missing Concept'",
        ),
        ("index.rst", 9, "unknown_reference", "unknown concept 'Foundation Modle' (did you mean 'Foundation Model'?)"),
    ],
}
EXPECTED["myst"] = [
    (file.replace(".rst", ".md"), line, subtype, message.replace(".rst", ".md"))
    for file, line, subtype, message in EXPECTED["rst"]
]
MYST_LINES = {("first.md", 8): 9, ("second.md", 4): 3, ("second.md", 8): 7, ("index.md", 9): 8}
EXPECTED["myst"] = [(f, MYST_LINES.get((f, n), n), s, m) for f, n, s, m in EXPECTED["myst"]]

SHOWS_SUBTYPE = sphinx.version_info >= (8,)  # Sphinx 8 appends "[type.subtype]"


def expected_lines(syntax: str, without: frozenset[str] = frozenset()) -> list[str]:
    lines = []
    for file, line, subtype, message in EXPECTED[syntax]:
        if subtype in without:
            continue
        text = f"SRC/{file}:{line}: WARNING: {message}"
        lines.append(text + f" [concepts.{subtype}]" if SHOWS_SUBTYPE else text)
    return lines


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_each_mistake_has_one_located_warning(project, syntax):
    app = project(f"warnings-{syntax}").build()
    assert warnings_of(app) == expected_lines(syntax)


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_nothing_else_is_lost(project, syntax):
    app = project(f"warnings-{syntax}").build()
    first = html_of(app, "first")
    # The entry with the unknown option still renders, its option ignored.
    assert text_of(first.select_one("h1")).startswith("Foundation Model")
    assert "Base Model, Shared Alias" in text_of(first.select_one("div.concept-meta"))
    # The unnamed entry keeps its text.
    assert "Body without a name." in text_of(first)
    # The duplicate still renders; the first entry owns the name.
    second = html_of(app, "second")
    assert "Duplicate of the first." in text_of(second)
    assert text_of(second.select("dl.concept dt")[1]).startswith("Other Model")
    # The unknown reference keeps its text, unlinked.
    index = html_of(app, "index")
    assert "Unknown: Foundation Modle." in text_of(index)
    # The unknown related concept shows as text, not as a link.
    related = first.select_one("div.concept-related")
    assert text_of(related).endswith("Missing Concept")
    assert related.select("a") == []


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_suppress_warnings_silences_by_subtype(project, syntax):
    app = project(f"warnings-{syntax}").build(
        confoverrides={"suppress_warnings": ["concepts.duplicate", "concepts.unknown_reference"]}
    )
    assert warnings_of(app) == expected_lines(syntax, frozenset({"duplicate", "unknown_reference"}))
    app = project(f"warnings-{syntax}", name="all").build(confoverrides={"suppress_warnings": ["concepts"]})
    assert warnings_of(app) == []


def test_warnings_fail_a_build_with_W(tmp_path):
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    failing = subprocess.run(
        [*command, str(ROOTS / "test-warnings-rst"), str(tmp_path / "bad")], capture_output=True, text=True
    )
    assert failing.returncode != 0
    assert "duplicate concept 'foundation model'" in failing.stderr
    passing = subprocess.run(
        [*command, str(ROOTS / "test-entries-rst"), str(tmp_path / "good")], capture_output=True, text=True
    )
    assert passing.returncode == 0, passing.stderr
