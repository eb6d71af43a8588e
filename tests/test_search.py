"""Sphinx's own search finds concepts by name and by alias, above plain page matches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser import chromium, dump_dom
from conftest import build_copy


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    app = build_copy("pages", tmp_path_factory.mktemp("search") / "src")
    yield app
    app.cleanup()


def _results(built, query: str, profile: Path) -> list[str]:
    url = (Path(built.outdir) / "search.html").as_uri() + f"?q={query}"
    dom = dump_dom(chromium(), url, profile, budget_ms=5000)
    results = dom[dom.find('id="search-results"') :]
    return re.findall(r'<li[^>]*>\s*<a href="([^"]+)"', results)


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("python", "languages.html#concept-Python"),  # by name, over pages that mention it
        ("cpp", "languages.html#concept-0"),  # by alias: the concept C++
        ("angstrom", "physics.html#concept-Angstrom"),  # by an ASCII alias of a non-ASCII name
    ],
)
def test_a_concept_is_the_first_result(built, tmp_path, query, target):
    hrefs = _results(built, query, tmp_path / "profile")
    assert hrefs, f"no results for {query!r}"
    assert hrefs[0] == target, hrefs


def _pages_with(index: dict, prefix: str, field: str) -> set[str]:
    """Documents whose words (or title words) in the search index start with *prefix*."""
    found: set[str] = set()
    for word, places in index[field].items():
        if word.startswith(prefix):
            found.update(index["docnames"][i] for i in ([places] if isinstance(places, int) else places))
    return found


def test_an_entrys_tags_are_words_of_the_tag_page_not_of_the_entry(built):
    text = (Path(built.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    words = _pages_with(index, "pastr", "terms")  # "pastry", as stemmed
    assert "physics" not in words  # its entries are only tagged "pastry"
    assert "lists" in words  # its text says "Cards of pastry"
    assert "concepts/tags/pastry" in words | _pages_with(index, "pastr", "titleterms")
