"""Generated pages: the glossary, tag and category pages, listings, and entry parts."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import pytest
from conftest import ROOTS, build_copy, html_of, text_of, warnings_of

from sphinx_concepts.graph import term_slug
from sphinx_concepts.model import loose_key

C_PLUS = term_slug(loose_key("C++"))
C_SHARP = term_slug(loose_key("C#"))


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    app = build_copy("pages", tmp_path_factory.mktemp("pages") / "src")
    yield app
    app.cleanup()


@pytest.fixture(scope="module")
def text(tmp_path_factory):
    app = build_copy("pages", tmp_path_factory.mktemp("pages-text") / "src", "text")
    yield app
    app.cleanup()


def _text(app, docname: str) -> str:
    return (Path(app.outdir) / f"{docname}.txt").read_text(encoding="utf-8")


def test_builds_without_warnings_and_leaves_the_sources_alone(html):
    assert warnings_of(html) == []
    sources = sorted(
        p.relative_to(html.srcdir).as_posix() for p in Path(html.srcdir).rglob("*") if "_build" not in p.parts
    )
    assert sources == sorted(p.relative_to(ROOTS / "test-pages").as_posix() for p in (ROOTS / "test-pages").rglob("*"))


def test_every_tag_and_category_gets_a_distinct_page(html):
    out = Path(html.outdir) / "concepts"
    tags = sorted(p.name for p in (out / "tags").glob("*.html"))
    assert tags == sorted(
        f"{name}.html" for name in ["index", "c", C_PLUS, C_SHARP, "systems", "python", "scripting", "length", "pastry"]
    )
    assert len({"c", C_PLUS, C_SHARP}) == 3
    assert sorted(p.name for p in (out / "categories").glob("*.html")) == ["index.html", "languages.html", "units.html"]


def test_slugs_are_safe_and_distinct():
    names = [
        "C",
        "C++",
        "C#",
        "c plus plus",
        "../../etc",
        "<script>",
        "Ångström",
        "機械学習",
        "index",
        "CON",
        "a" * 300,
    ]
    slugs = [term_slug(loose_key(name)) for name in names]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9_-]+", slug) and len(slug) <= 80 for slug in slugs)
    assert slugs[3] == "c-plus-plus"
    assert term_slug(loose_key("Machine Learning")) == term_slug(loose_key("machine-learning")) == "machine-learning"
    assert slugs[8] != "index" and slugs[9] != "con"


def test_glossary_groups_concepts_and_aliases_by_letter(html):
    body = html_of(html, "concepts/index").select_one("div.body")
    assert text_of(body.select_one("h1")) == "Glossary¶"
    groups = [text_of(h) for h in body.select("h2.concept-letter")]
    assert groups == ["A", "C", "E", "M", "P", "Z"]
    jump = body.select_one("p.concept-jumpbar")
    assert [a["href"] for a in jump.select("a")] == [f"#concepts-letter-{g.lower()}" for g in groups]
    assert all(body.select_one(f"#concepts-letter-{g.lower()}") for g in groups)
    terms = [text_of(dt) for dt in body.select("dl.concept-listing > dt")]
    # Accents do not scatter entries: Ångström sorts with the a's, Éclair with the e's.
    assert terms == [
        "Angstrom",
        "Ångström",
        "Apple Pie",
        "C",
        "C plus plus",
        "C#",
        "C++",
        "CPP",
        "Éclair",
        "Meter",
        "Python",
        "Zebra",
    ]
    rows = {text_of(dt): dt.find_next_sibling("dd") for dt in body.select("dl.concept-listing > dt")}
    assert text_of(rows["CPP"]) == "see C++"
    assert rows["CPP"].select_one("a")["href"] == rows["C plus plus"].select_one("a")["href"]
    assert rows["C++"].find_previous_sibling("dt").select_one("a")["href"] == rows["CPP"].select_one("a")["href"]
    assert text_of(rows["C++"]) == "C with classes & templates <b>bold</b>."
    assert rows["C++"].select_one("b") is None  # user text is escaped
    assert body.select_one("dt a")["href"] == "../physics.html#concept-Angstrom"


def test_tag_index_counts_and_links(html):
    body = html_of(html, "concepts/tags/index").select_one("div.body")
    items = [text_of(li) for li in body.select("ul.concept-term-index > li")]
    assert items == [
        "C (1)",
        "C# (1)",
        "C++ (1)",
        "length (2)",
        "pastry (2)",
        "python (2)",
        "Scripting (1)",
        "Systems (2)",
    ]
    links = {text_of(a): a["href"] for a in body.select("ul.concept-term-index a")}
    assert links["C++"] == f"{C_PLUS}.html"
    assert links["C"] == "c.html"
    assert body.select_one("p.concept-up a")["href"] == "../index.html"


def test_tag_page_lists_its_concepts_with_summaries(html):
    body = html_of(html, "concepts/tags/python").select_one("div.body")
    assert text_of(body.select_one("h1")) == "python¶"
    assert text_of(body.select_one("p.concept-intro")) == "Concepts tagged python:"
    # "Python" and "python" are one tag.
    assert [text_of(dt) for dt in body.select("dt")] == ["Ångström", "Python"]
    assert text_of(body.select_one("dd")) == "A unit of length of 0.1 nanometres."
    assert body.select_one("p.concept-up a")["href"] == "index.html"
    category = html_of(html, "concepts/categories/languages").select_one("div.body")
    assert [text_of(dt) for dt in category.select("dt")] == ["C", "C#", "C++", "Python"]


def test_entry_links_tags_category_related_and_referrers(html):
    page = html_of(html, "languages")
    entry = page.select_one("#concept-C").find_parent("dl")
    tags = entry.select_one("dt.concept-field-tags").find_next_sibling("dd")
    assert [a["href"] for a in tags.select("a")] == ["concepts/tags/c.html", "concepts/tags/systems.html"]
    category = entry.select_one("dt.concept-field-category").find_next_sibling("dd")
    assert category.select_one("a")["href"] == "concepts/categories/languages.html"
    # C declares nothing, but C++ declares C related: shown on both ends.
    related = entry.select_one("div.concept-related")
    assert [text_of(a) for a in related.select("a")] == ["C++"]
    referrers = entry.select_one("div.concept-referenced-by")
    assert [(text_of(a), a["href"]) for a in referrers.select("a")] == [("More notes", "more.html")]
    assert entry.select_one("p.concept-backlink a")["href"] == "concepts/index.html"
    cpp = page.select_one("#concept-0").find_parent("dl")
    assert [text_of(a) for a in cpp.select("div.concept-referenced-by a")] == ["More notes", "Notes"]


def test_user_pages_link_to_generated_pages(html):
    links = {text_of(a): a["href"] for a in html_of(html, "index").select("div.body a.reference")}
    assert links["glossary"] == "concepts/index.html#concepts-glossary"
    assert links["tag index"] == "concepts/tags/index.html"
    assert links["Categories"] == "concepts/categories/index.html#concepts-categories"


def test_generated_pages_are_in_navigation_search_and_inventory(html):
    # prev/next run through the generated pages, as through any document.
    assert html_of(html, "lists").select_one("link[rel=next]")["href"] == "concepts/index.html"
    assert html_of(html, "concepts/index").select_one("link[rel=next]")["href"] == "tags/index.html"
    assert html.env.toctree_includes["concepts/index"] == [
        "concepts/tags/index",
        "concepts/categories/index",
        "concepts/map",
    ]
    assert f"concepts/tags/{C_PLUS}" in html.env.toctree_includes["concepts/tags/index"]
    # Every domain has a record of the generated pages, as of any read document
    # (texinfo fails on a page without index-domain entries).
    assert "concepts/tags/python" in html.env.get_domain("index").entries
    search = (Path(html.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(search[search.index("(") + 1 : search.rindex(")")])
    assert "concepts/index" in index["docnames"] and "concepts/tags/python" in index["docnames"]
    assert "Glossary" in index["titles"]
    raw = (Path(html.outdir) / "objects.inv").read_bytes()
    inventory = zlib.decompress(raw.split(b"\n", 4)[4]).decode("utf-8")
    assert "concepts/tags/index std:doc -1 concepts/tags/index.html Tags" in inventory
    assert "concepts-glossary std:label -1 concepts/index.html#$ Glossary" in inventory
    # No source to show: the page has no "Show Source" link and nothing in _sources.
    assert not (Path(html.outdir) / "_sources" / "concepts").exists()
    assert "_sources" not in (Path(html.outdir) / "concepts" / "index.html").read_text(encoding="utf-8")


def test_listings(html):
    body = html_of(html, "lists").select_one("div.body")
    lists = body.select(".concept-list")
    assert [text_of(dt) for dt in lists[0].select("dt")] == ["C", "C++"]
    assert lists[1].name == "table"
    assert [text_of(tr.select_one("td")) for tr in lists[1].select("tbody tr")] == ["Python", "C++", "C#", "C"]
    assert [text_of(p) for p in lists[2].select("p.concept-card-title")] == ["Apple Pie", "Éclair"]
    assert [text_of(dt) for dt in lists[3].select("dt")] == ["Meter"]
    assert [text_of(dt) for dt in lists[4].select("dt")] == ["Meter", "Zebra", "Apple Pie"]
    assert text_of(body.select_one("p.concept-list-empty")) == "No concepts match."


def test_text_builder_writes_every_page(text):
    assert _text(text, "concepts/tags/systems") == (
        "Systems\n*******\n\nConcepts tagged Systems:\n\n"
        "*C*\n   A small systems programming language.\n\n"
        "*C++*\n   C with classes & templates <b>bold</b>.\n\nAll tags\n"
    )
    glossary = _text(text, "concepts/index")
    assert "-[ A ]-" in glossary and "*CPP*\n   *see* *C++*" in glossary
    assert "concept-jumpbar" not in glossary and "A C E M P Z" not in glossary


def test_dirhtml_links(project):
    app = project("pages").build("dirhtml")
    out = Path(app.outdir)
    tags = (out / "concepts" / "tags" / "index.html").read_text(encoding="utf-8")
    assert f'href="{C_PLUS}/"' in tags
    languages = (out / "languages" / "index.html").read_text(encoding="utf-8")
    assert 'href="../concepts/tags/c/"' in languages
    assert 'href="../concepts/"' in languages
    glossary = (out / "concepts" / "index.html").read_text(encoding="utf-8")
    assert 'href="../languages/#concept-C"' in glossary


def test_latex_holds_the_generated_pages(project):
    app = project("pages").build("latex")
    assert warnings_of(app) == []
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\chapter{Glossary}" in tex
    assert r"\section{Tags}" in tex and r"\subsection{Systems}" in tex
    assert r"\section*{A}" in tex and "concepts-letter-a" not in tex  # headings, no letter bar
    assert r"\hyperref[\detokenize{languages:concept-C}]" in tex


def test_singlehtml_and_epub(project):
    proj = project("pages")
    app = proj.build("singlehtml")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'id="document-concepts/tags/python"' in page
    assert 'href="#concept-C"' in page
    app = proj.build("epub")
    assert (Path(app.outdir) / "concepts" / "tags" / "python.xhtml").is_file()
    opf = (Path(app.outdir) / "content.opf").read_text(encoding="utf-8")
    assert 'href="concepts/tags/python.xhtml"' in opf


def test_parallel_equals_serial(project):
    serial = project("pages", name="serial").build("html")
    serial_out = {p.relative_to(serial.outdir): p.read_bytes() for p in Path(serial.outdir).rglob("*.html")}
    parallel = project("pages", name="parallel").build("html", parallel=2)
    parallel_out = {p.relative_to(parallel.outdir): p.read_bytes() for p in Path(parallel.outdir).rglob("*.html")}
    assert serial_out.keys() == parallel_out.keys()
    assert [name for name in serial_out if serial_out[name] != parallel_out[name]] == []


def test_listing_in_myst(html):
    table = html_of(html, "physics").select_one("table.concept-list")
    assert [text_of(tr.select_one("td")) for tr in table.select("tbody tr")] == ["Ångström", "Meter"]


@pytest.mark.parametrize(
    ("buildername", "pattern", "expected"),
    [
        ("texinfo", "*.texi", "Concepts tagged Systems:"),
        ("man", "*.1", "Concepts tagged Systems:"),
        ("xml", "concepts/tags/systems.xml", "Concepts tagged Systems:"),
    ],
)
def test_other_builders(project, buildername, pattern, expected):
    app = project("pages").build(buildername)
    assert warnings_of(app) == []
    files = list(Path(app.outdir).glob(pattern))
    assert files and expected in files[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("buildername", ["json", "pickle"])
def test_serializing_builders(project, buildername):
    # Page contexts are serialised: no lazy translation may reach them.
    app = project("pages").build(buildername)
    assert warnings_of(app) == []
    suffix = ".fjson" if buildername == "json" else ".fpickle"
    assert (Path(app.outdir) / "concepts" / "tags" / f"systems{suffix}").is_file()
    assert not (Path(app.outdir) / "concepts.json").exists()
