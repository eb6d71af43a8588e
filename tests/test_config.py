"""Each configuration value changes what it says, and only that."""

from __future__ import annotations

import pytest
import sphinx
from conftest import html_of, text_of, tooltip_of, warnings_of

SUFFIX = sphinx.version_info >= (8,)


def _suffix(subtype: str) -> str:
    return f" [concepts.{subtype}]" if SUFFIX else ""


LINES = {
    "rst": {"plural": 20, "singular": 22, "ambiguous": 24},
    "myst": {"plural": 19, "singular": 21, "ambiguous": 23},
}


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_plural_matching_is_opt_in(project, syntax):
    ext = "rst" if syntax == "rst" else "md"
    lines = LINES[syntax]
    app = project(f"plurals-{syntax}", name="off").build()
    assert warnings_of(app) == [
        f"SRC/index.{ext}:{lines['plural']}: WARNING: unknown concept 'foundation models' "
        f"(did you mean 'Foundation Model'?){_suffix('unknown_reference')}",
        f"SRC/index.{ext}:{lines['singular']}: WARNING: unknown concept 'large language model' "
        f"(did you mean 'Large Language Models'?){_suffix('unknown_reference')}",
        f"SRC/index.{ext}:{lines['ambiguous']}: WARNING: unknown concept 'axes' (did you mean 'Axe'?)"
        f"{_suffix('unknown_reference')}",
    ]

    app = project(f"plurals-{syntax}", name="on").build(confoverrides={"concepts_match_plurals": True})
    assert warnings_of(app) == [
        f"SRC/index.{ext}:{lines['ambiguous']}: WARNING: concept reference 'axes' matches 'Ax' and 'Axe'; "
        f"using 'Ax'{_suffix('ambiguous_reference')}"
    ]
    links = {text_of(a): a["href"] for a in html_of(app, "index").select("div.body a.reference.internal")}
    assert links["foundation models"] == "#concept-Foundation-Model"
    assert links["large language model"] == "#concept-Large-Language-Models"
    assert links["axes"] == "#concept-Ax"


def test_hidden_parts(project):
    app = project("entries-rst").build(confoverrides={"concepts_hidden_parts": ["tags", "backlink", "summary"]})
    entry = html_of(app, "afm").select_one("div.concept")
    assert entry.select_one("p.concept-summary") is None
    assert entry.select_one("p.concept-backlink") is None
    assert entry.select_one(".concept-tag") is None
    assert entry.select_one(".concept-alias") is not None
    assert entry.select_one("div.concept-related") is not None
    assert "massive, diverse datasets" in text_of(entry)


def test_hiding_everything_leaves_the_name(project):
    from sphinx_concepts.config import ENTRY_PARTS

    every_part = list(ENTRY_PARTS)
    app = project("entries-rst").build(confoverrides={"concepts_hidden_parts": every_part})
    page = html_of(app, "afm").select_one("section.concept-page")
    assert text_of(page.select_one("h1")) == "AI Foundation Models¶"
    assert text_of(page.select_one("div.concept")) == ""
    # Hidden parts still feed the tooltip.
    refs = html_of(app, "refs").select_one("div.body a.reference.internal")
    assert tooltip_of(refs).startswith("AI Foundation Models Large-scale AI models")


def test_unknown_hidden_part_warns_and_is_ignored(project):
    app = project("entries-rst").build(confoverrides={"concepts_hidden_parts": ["tags", "colour"]})
    assert warnings_of(app) == [
        "WARNING: concepts_hidden_parts: unknown part(s) 'colour'; known parts are summary, aliases, "
        f"category, tags, explanation, related, referenced-by, map, backlink{_suffix('config')}"
    ]
    assert html_of(app, "afm").select_one(".concept-tag") is None


def test_hidden_parts_of_the_wrong_type_warn_instead_of_failing(project):
    app = project("entries-rst").build(confoverrides={"concepts_hidden_parts": 7})
    assert any(
        "WARNING: concepts_hidden_parts must be a list of part names, not 7; nothing is hidden" in line
        for line in warnings_of(app)
    )
    assert html_of(app, "afm").select_one(".concept-tag") is not None


def test_hidden_parts_from_the_command_line(tmp_path):
    import subprocess
    import sys

    from conftest import ROOTS

    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-D",
            "concepts_hidden_parts=tags,related",
            str(ROOTS / "test-entries-rst"),
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stderr == ""
    page = (out / "afm.html").read_text(encoding="utf-8")
    assert "concept-tag" not in page and "concept-related" not in page and "concept-alias" in page


def test_tooltips_can_be_turned_off(project):
    app = project("entries-rst").build(confoverrides={"concepts_tooltips": False})
    page = html_of(app, "refs")
    links = page.select("div.body a.reference.internal")
    assert links and all("title" not in link.attrs and tooltip_of(link) is None for link in links)
    assert page.select(".concept-tip") == []


def test_page_title_can_be_turned_off(project):
    app = project("entries-rst").build(confoverrides={"concepts_page_title": False})
    page = html_of(app, "afm")
    assert "AI Foundation Models" not in text_of(page.title)
    assert page.select("section.concept-page") == []
    assert text_of(page.select_one("dl.concept dt")) == "AI Foundation Models¶"


def test_index_entries_can_be_turned_off(project):
    app = project("entries-rst").build(confoverrides={"concepts_index_entries": False, "concepts_domain_index": True})
    assert "Base Models" not in text_of(html_of(app, "genindex"))
    # The concept index and the inventory still have them.
    assert "Base Models" in text_of(html_of(app, "concept-index"))


def test_back_link_label_is_configurable(project):
    proj = project("entries-rst")
    proj.edit("index.rst", "Concept entries\n", ".. _all-concepts:\n\nConcept entries\n")
    app = proj.build(confoverrides={"concepts_all_concepts_label": "all-concepts"})
    assert html_of(app, "afm").select_one("p.concept-backlink a")["href"] == "index.html#all-concepts"
    # A real document is linked from every builder, singlehtml included.
    app = proj.build("singlehtml", confoverrides={"concepts_all_concepts_label": "all-concepts"})
    assert "Back to all concepts" in text_of(html_of(app, "index"))
