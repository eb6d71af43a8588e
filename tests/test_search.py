"""Sphinx's own search finds concepts by name and by alias, above plain page matches."""

from __future__ import annotations

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
