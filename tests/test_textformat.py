"""The plain-text entry format, read line by line."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sphinx_concepts.textformat import Problem, body_blocks, read_text_entry

EXAMPLE = Path(__file__).parent / "roots" / "test-textfiles" / "library" / "ai-foundation-models.txt"
SHARED_EXAMPLE = Path(__file__).parents[2] / "shared" / "examples" / "ai-foundation-models.txt"


#: SHA-256 of the canonical example entry, as the project was given it.
EXAMPLE_SHA256 = "8c271d0d1fa3318d20014576efd4d1bd633867b2db67b1acea428e59d43e4108"


def test_the_test_copy_is_the_example_unchanged():
    assert hashlib.sha256(EXAMPLE.read_bytes()).hexdigest() == EXAMPLE_SHA256
    if SHARED_EXAMPLE.is_file():  # where the project's shared files are at hand
        assert EXAMPLE.read_bytes() == SHARED_EXAMPLE.read_bytes()
    docs_copy = Path(__file__).parents[1] / "docs" / "library" / "ai-foundation-models.txt"
    assert docs_copy.read_bytes() == EXAMPLE.read_bytes()


def test_the_example_gives_every_field():
    entry = read_text_entry(EXAMPLE.read_text(encoding="utf-8"))
    assert entry.problems == []
    assert entry.name == "AI Foundation Models"
    assert entry.summary.startswith("Large-scale AI models trained on broad data")
    assert entry.aliases == ["Foundation Model", "Foundation Models", "Base Models"]
    assert entry.category == "AI"
    assert entry.tags == ["ai", "machine-learning", "models", "fundamentals"]
    assert entry.related == []
    assert entry.field_lines == {"aliases": 3, "category": 4, "tags": 5, "related": 19}
    assert entry.body[0] == (7, entry.body[0][1]) and entry.body[0][1].startswith("AI Foundation Models are")
    assert entry.body[-1][0] == 18
    assert "Back to all concepts" not in "".join(line for _n, line in entry.body)


def test_body_lines_become_blocks():
    entry = read_text_entry(EXAMPLE.read_text(encoding="utf-8"))
    blocks = body_blocks(entry.body)
    assert [(first, len(lines)) for first, lines in blocks] == [
        (7, 1), (8, 1), (9, 4), (13, 1), (14, 1), (15, 1), (16, 1), (17, 1), (18, 1),
    ]  # fmt: skip


def test_markdown_that_spans_lines_stays_together():
    body = list(enumerate(
        ["Intro", "```py", "a = 1", "", "b = 2", "```", "| a |", "| - |", "> q", "> r", "- x", "  more", "- y", "Tail"],
        start=10,
    ))  # fmt: skip
    assert [(first, lines) for first, lines in body_blocks(body)] == [
        (10, ["Intro"]),
        (11, ["```py", "a = 1", "", "b = 2", "```"]),
        (16, ["| a |", "| - |"]),
        (18, ["> q", "> r"]),
        (20, ["- x", "  more", "- y"]),
        (23, ["Tail"]),
    ]


def test_real_world_variation_is_accepted():
    text = "\ufeff\n  Name  \r\nSummary.   \r\n\r\nTags: a,b\r\nEXPLANATION:\r\nBody.\r\nrelated concepts:\r\n\r\n- Other\r\n<- back to all concepts\r\n"
    entry = read_text_entry(text)
    assert entry.problems == []
    assert (entry.name, entry.name_line, entry.summary, entry.tags) == ("Name", 2, "Summary.", ["a", "b"])
    assert entry.body == [(7, "Body.")] and entry.related == ["Other"]


def test_missing_optional_lines_and_empty_related_section():
    entry = read_text_entry("Name\nSummary\nExplanation\nBody\nRelated Concepts\n")
    assert entry.problems == [] and entry.related == [] and entry.aliases == [] and entry.category is None


MALFORMED = {
    "empty file": ("", [Problem(1, "empty concept file: no name on its first line")]),
    "only blank lines and a BOM": ("\ufeff\n \n", [Problem(1, "empty concept file: no name on its first line")]),
    "no summary": (
        "Name\nTags: a\nExplanation\nBody\n",
        [Problem(2, "concept 'Name' has no summary line after its name")],
    ),
    "unknown field": (
        "Name\nSummary\nColour: red\nExplanation\nBody\n",
        [Problem(3, "unknown field 'Colour' ignored; known fields are 'Also known as', 'Category', 'Tags'")],
    ),
    "field twice": (
        "Name\nSummary\nTags: a\nTags: b\nExplanation\nBody\n",
        [Problem(4, "'Tags' given twice (first at line 3); ignored")],
    ),
    "empty list item": (
        "Name\nSummary\nAlso known as: A, , B\nExplanation\nBody\n",
        [Problem(3, "empty item in 'Also known as' ignored")],
    ),
    "empty category": ("Name\nSummary\nCategory:\nExplanation\nBody\n", [Problem(3, "empty 'Category' line ignored")]),
    "no explanation line": (
        "Name\nSummary\nTags: a\nThe body starts here without its line.\nMore.\n",
        [Problem(4, "concept 'Name' has no 'Explanation' line before its body")],
    ),
    "nothing after the fields": ("Name\nSummary\nTags: a\n", [Problem(3, "concept 'Name' has no 'Explanation' line")]),
    "related without explanation": (
        "Name\nSummary\nRelated Concepts\nOther\n",
        [Problem(3, "concept 'Name' has no 'Explanation' line")],
    ),
    "second related section": (
        "Name\nSummary\nExplanation\nBody\nRelated Concepts\nA\nRelated Concepts\nB\n",
        [Problem(7, "second 'Related Concepts' line ignored")],
    ),
    "text after the back line": (
        "Name\nSummary\nExplanation\nBody\n← Back to all concepts\nstray\n",
        [Problem(6, "text after 'Back to all concepts' ignored")],
    ),
}


@pytest.mark.parametrize(("text", "problems"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_input_is_reported_with_its_line(text, problems):
    assert read_text_entry(text).problems == problems


def test_what_is_kept_from_a_malformed_entry():
    entry = read_text_entry(
        "Name\nSummary\nTags: a\nTags: b\nColour: red\nExplanation\nBody\nRelated Concepts\nA\nRelated Concepts\nB\n"
    )
    assert entry.tags == ["a"] and entry.related == ["A", "B"] and entry.body == [(7, "Body")]
