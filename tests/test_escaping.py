"""What authors write is inert wherever it lands, as a browser sees it.

Every field of entries written in reStructuredText, MyST, a plain-text file and a
YAML file (name, alias, summary, tag, category, body) carries HTML and script
payloads that would set ``data-pwned`` on the page if they ran. Each built page,
and the search page showing them as results, is loaded in headless Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import chromium, dump_dom
from conftest import build_copy, html_of, tooltip_of, warnings_of

PAYLOAD_MARK = "data-pwned"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    app = build_copy("escaping", tmp_path_factory.mktemp("escaping") / "src")
    yield app
    app.cleanup()


def _pages(app) -> list[Path]:
    out = Path(app.outdir)
    return sorted(p for p in out.rglob("*.html") if "_static" not in p.parts)


def test_the_payloads_reach_every_kind_of_page(built):
    assert warnings_of(built) == []
    names = {p.relative_to(built.outdir).as_posix() for p in _pages(built)}
    assert {"entries.html", "myst.html", "data/text-entry.html", "concepts/index.html"} <= names
    assert any(name.startswith("concepts/tags/pwnedtag") for name in names)
    assert any(name.startswith("data/entries/yaml-pwned") for name in names)
    # The payload text is on the page, as text (and in tooltips, as attribute text).
    entries = html_of(built, "entries")
    assert "<script>document.documentElement.dataset.pwned=2</script> end" in entries.get_text()
    tips = [tooltip_of(a) or "" for a in html_of(built, "index").select("a.reference")]
    assert any("<script>" in tip for tip in tips)


def test_no_payload_runs_in_a_browser(built, tmp_path):
    browser = chromium()
    # A page that does run the payload proves the check can fail.
    control = Path(built.outdir) / "control.html"
    control.write_text('<html><body><img src=x onerror="document.documentElement.dataset.pwned=1"></body></html>')
    assert PAYLOAD_MARK in dump_dom(browser, control.as_uri(), tmp_path / "profile")
    control.unlink()
    ran = [p.name for p in _pages(built) if PAYLOAD_MARK in dump_dom(browser, p.as_uri(), tmp_path / "profile")]
    assert ran == []


def test_search_results_show_the_payloads_as_text(built, tmp_path):
    browser = chromium()
    search = (Path(built.outdir) / "search.html").as_uri() + "?q=pwnedname"
    dom = dump_dom(browser, search, tmp_path / "profile", budget_ms=5000)
    assert 'href="entries.html#concept-pwnedname' in dom  # the concept is found as an object
    assert PAYLOAD_MARK not in dom


def test_concepts_json_holds_the_payloads_as_data(built):
    data = json.loads((Path(built.outdir) / "concepts.json").read_text(encoding="utf-8"))
    names = [c["name"] for c in data["concepts"]]
    assert 'pwnedname <img src=x onerror="document.documentElement.dataset.pwned=1"> end' in names
