"""YAML and JSON concept data, and the concepts.json export that loads back."""

from __future__ import annotations

import pytest

pytest.importorskip("yaml")

import json
from pathlib import Path

import sphinx
from conftest import html_of, text_of, warnings_of

from sphinx_concepts.datafile import read_data_file
from sphinx_concepts.textformat import Problem

SUFFIX = sphinx.version_info >= (8,)


def _suffix(subtype: str) -> str:
    return f" [concepts.{subtype}]" if SUFFIX else ""


def test_yaml_and_json_entries_are_concepts(project):
    app = project("datafiles").build()
    assert warnings_of(app) == []
    page = html_of(app, "data/retrieval")
    assert text_of(page.select_one("h1")) == "Retrieval terms¶"
    entries = page.select("dl.concept")
    assert [text_of(e.select_one("dt")) for e in entries] == ["Vector Store¶", "Embedding¶"]
    store = entries[0]
    assert text_of(store.select_one("p.concept-summary")).startswith("A database that answers")
    fields = {
        text_of(dt).rstrip(":"): text_of(dt.find_next_sibling("dd")) for dt in store.select("div.concept-meta dt")
    }
    assert fields == {"Also known as": "Vector DB, Vector Database", "Category": "Retrieval", "Tags": "search data"}
    assert store.select_one("strong").get_text() == "embeddings"
    assert len(store.select("div.concept ul li, dd.concept ul li, ul li")) >= 2
    assert [text_of(a) for a in store.select("div.concept-related a")] == ["Embedding"]
    links = {text_of(a): a["href"] for a in html_of(app, "index").select("div.body p a")}
    assert links["vector db"] == "data/retrieval.html#concept-Vector-Store"
    assert links["Tokenizer"] == "data/text.html#concept-Tokenizer"
    # The JSON file has no title: its page is titled by the file name.
    assert text_of(html_of(app, "data/text").select_one("h1")) == "text¶"


def test_malformed_data_warns_with_file_and_line(project):
    proj = project("datafiles")
    proj.write(
        "data/bad.yaml",
        "concepts:\n  - name: Good One\n    summary: Kept.\n  - summary: no name\n  - just text\n"
        "  - name: Odd\n    tags: {a: 1}\n    colour: red\n    name: Twice\n",
    )
    proj.write("data/broken.json", '[{"name": "X",, }]\n')
    proj.write("data/empty.yaml", "")
    app = proj.build()
    assert warnings_of(app) == [
        f"SRC/data/bad.yaml:4: WARNING: concept entry without a name; entry skipped{_suffix('data_format')}",
        "SRC/data/bad.yaml:5: WARNING: a concept entry must be a mapping of fields; entry skipped"
        f"{_suffix('data_format')}",
        f"SRC/data/bad.yaml:8: WARNING: unknown field 'colour' ignored{_suffix('data_format')}",
        f"SRC/data/bad.yaml:9: WARNING: field 'name' given twice; the first is used{_suffix('data_format')}",
        f"SRC/data/bad.yaml:7: WARNING: field 'tags' must be a list of names; ignored{_suffix('data_format')}",
        "SRC/data/broken.json:1: WARNING: cannot read the concept data: expected the node content, but found ','"
        f"{_suffix('data_format')}",
        f"SRC/data/empty.yaml:1: WARNING: empty concept data file{_suffix('data_format')}",
    ]
    names = [text_of(dt) for dt in html_of(app, "data/bad").select("dl.concept > dt")]
    assert names == ["Good One¶", "Odd¶"]
    assert html_of(app, "data/retrieval").select("dl.concept")  # the other files are intact


def test_reader_shapes():
    assert [e.name for e in read_data_file("- name: A\n- name: B\n").entries] == ["A", "B"]
    data = read_data_file('{"title": "T", "concepts": [{"title": "A", "body": "x"}], "project": "P"}')
    assert (data.title, data.entries[0].name, data.entries[0].body, data.problems) == ("T", "A", "x", [])
    assert read_data_file('{"not": "concepts"}').problems == [
        Problem(1, "concept data must be a list of entries or have a 'concepts' list")
    ]
    assert read_data_file("concepts: 3\n").problems == [
        Problem(1, "the concepts of a data file must be a list of entries")
    ]
    entry = read_data_file("- name: A\n  aliases: 'x, , y'\n  explanation: |\n    line one\n").entries[0]
    assert (entry.aliases, entry.body_line) == (["x", "y"], 4)


def _concepts(app) -> list[dict]:
    data = json.loads((Path(app.outdir) / "concepts.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    return data["concepts"]


def test_export_is_written_by_html_builders_with_urls(project):
    proj = project("datafiles")
    concepts = {c["name"]: c for c in _concepts(proj.build("html"))}
    assert concepts["Vector Store"] == {
        "name": "Vector Store",
        "summary": "A database that answers nearest-neighbour queries over embeddings.",
        "aliases": ["Vector DB", "Vector Database"],
        "category": "Retrieval",
        "tags": ["search", "data"],
        "related": ["Embedding"],
        "url": "data/retrieval.html#concept-Vector-Store",
        "docname": "data/retrieval",
        "anchor": "concept-Vector-Store",
    }
    assert list(concepts) == ["AI Agents", "Embedding", "Sampling", "Tokenizer", "Vector Store"]
    dirhtml = {c["name"]: c["url"] for c in _concepts(proj.build("dirhtml"))}
    assert dirhtml["Tokenizer"] == "data/text/#concept-Tokenizer"
    single = {c["name"]: c["url"] for c in _concepts(proj.build("singlehtml"))}
    assert single["Tokenizer"] == "index.html#concept-Tokenizer"
    assert not (Path(proj.build("text").outdir) / "concepts.json").exists()


def test_export_loads_back_as_the_same_concepts(project):
    original = project("textfiles", name="original").build("html")
    exported = _concepts(original)
    proj = project("datafiles", name="reloaded")
    for name in ("data/retrieval.yaml", "data/text.json", "terms/agents.md", "terms/extra.md"):
        (proj.srcdir / name).unlink()
    proj.edit("index.rst", "See :concept:`vector db` and :concept:`Tokenizer`.", "")
    proj.write("data/concepts.json", (Path(original.outdir) / "concepts.json").read_text(encoding="utf-8"))
    reloaded = _concepts(proj.build("html"))
    fields = ("name", "summary", "aliases", "category", "tags", "related")
    assert [{k: c[k] for k in fields} for c in reloaded] == [{k: c[k] for k in fields} for c in exported]
    assert {c["docname"] for c in reloaded} == {"data/concepts"}


def test_body_warnings_keep_the_lines_of_the_data_file(project):
    proj = project("datafiles")
    proj.write(
        "data/lines.yaml",
        '- name: Inline One\n  summary: s\n  explanation: "see {concept}`Nope Line Three`"\n'
        "- name: Block Two\n  explanation: |\n    First.\n\n    {concept}`Nope Line Eight`\n",
    )
    proj.write("terms/plain.md", "---\nconcept: Plain One\n---\nFirst.\n\n{concept}`Nope Line Six`\n")
    app = proj.build()
    assert warnings_of(app) == [
        f"SRC/data/lines.yaml:3: WARNING: unknown concept 'Nope Line Three'{_suffix('unknown_reference')}",
        f"SRC/data/lines.yaml:8: WARNING: unknown concept 'Nope Line Eight'{_suffix('unknown_reference')}",
        f"SRC/terms/plain.md:6: WARNING: unknown concept 'Nope Line Six'{_suffix('unknown_reference')}",
    ]


def test_front_matter_pages_are_concept_pages(project):
    app = project("datafiles").build()
    section = html_of(app, "terms/agents").select_one("section.concept-page")
    assert text_of(section.select_one("h1")) == "AI Agents¶"
    assert len(html_of(app, "terms/agents").select("div.body h1")) == 1  # the repeated heading is dropped
    assert text_of(section.select_one("p.concept-summary")) == "Systems that act towards goals with tools."
    fields = {
        text_of(dt).rstrip(":"): text_of(dt.find_next_sibling("dd")) for dt in section.select("div.concept-meta dt")
    }
    assert fields == {"Also known as": "Agent, Agents", "Tags": "agents ai"}
    assert [text_of(li) for li in section.select("div.concept ul li")] == [
        "It calls tools.",
        "It reads with a tokenizer.",
    ]
    assert [text_of(a) for a in section.select("div.concept-related a")] == ["Tokenizer"]
    # A page whose front matter declares no concept stays an ordinary page.
    assert html_of(app, "terms/glossary-page").select("section.concept-page") == []


def test_front_matter_pages_by_pattern(project):
    proj = project("datafiles")
    proj.write("terms/pattern.md", "---\nname: By Pattern\nsummary: Found by the pattern.\n---\nBody.\n")
    app = proj.build(confoverrides={"concepts_sources": ["data/*.yaml", "data/*.json", "terms/*.md"]})
    assert warnings_of(app) == []
    assert text_of(html_of(app, "terms/pattern").select_one("section.concept-page h1")) == "By Pattern¶"
    # Without the pattern, a name in the front matter is no concept.
    app = project("datafiles", name="without").build()
    assert html_of(app, "terms/glossary-page").select("section.concept-page") == []


DATA_EDITS = {
    "summary in YAML": lambda p: p.edit(
        "data/retrieval.yaml", "A vector that stands for a piece of text.", "A list of numbers."
    ),
    "entry added to YAML": lambda p: p.edit(
        "data/retrieval.yaml", "  - name: Embedding\n", "  - name: Reranker\n    tags: search\n  - name: Embedding\n"
    ),
    "entry removed from JSON": lambda p: p.write("data/text.json", "[]\n"),
    "entry removed from YAML": lambda p: p.edit(
        "data/retrieval.yaml",
        "  - name: Embedding\n    summary: A vector that stands for a piece of text.\n    category: Retrieval\n"
        "    tags: [search]\n    explanation: Embeddings place similar meanings close together.\n",
        "",
    ),
    "tag in front matter": lambda p: p.edit("terms/agents.md", "tags: [agents, ai]", "tags: [agents, planning]"),
    "front matter page deleted": lambda p: (p.srcdir / "terms" / "extra.md").unlink(),
}


@pytest.mark.parametrize("edit", DATA_EDITS.values(), ids=DATA_EDITS.keys())
def test_incremental_build_of_data_files_equals_clean_build(project, edit):
    from test_pages_incremental import html_bodies

    incremental = project("datafiles", name="incremental")
    incremental.build()
    edit(incremental)
    pages = html_bodies(incremental.build())
    clean = project("datafiles", name="clean")
    edit(clean)
    clean_pages = html_bodies(clean.build())
    assert clean_pages.keys() <= pages.keys()
    for name, body in clean_pages.items():
        assert pages[name] == body, name


def test_parallel_build_of_data_files_equals_serial(project):
    serial = project("datafiles", name="serial").build()
    parallel = project("datafiles", name="parallel").build(parallel=2)
    assert warnings_of(parallel) == warnings_of(serial) == []
    for path in Path(serial.outdir).rglob("*.html"):
        assert path.read_bytes() == (Path(parallel.outdir) / path.relative_to(serial.outdir)).read_bytes(), path
    assert (Path(serial.outdir) / "concepts.json").read_bytes() == (
        Path(parallel.outdir) / "concepts.json"
    ).read_bytes()


PAGES = {"concepts_sources": [{"files": "data/*.yaml", "layout": "pages"}, "data/*.json", "terms/*.md"]}


def test_pages_layout_gives_each_entry_a_page(project):
    proj = project("datafiles")
    app = proj.build(confoverrides=PAGES)
    assert warnings_of(app) == []
    index = html_of(app, "data/retrieval")
    assert [(text_of(a), a["href"]) for a in index.select("div.body li a")] == [
        ("Vector Store", "retrieval/vector-store.html"),
        ("Embedding", "retrieval/embedding.html"),
    ]
    assert app.env.toctree_includes["data/retrieval"] == ["data/retrieval/vector-store", "data/retrieval/embedding"]
    page = html_of(app, "data/retrieval/vector-store").select_one("section.concept-page")
    assert text_of(page.select_one("h1")) == "Vector Store¶"
    assert page.select_one("strong").get_text() == "embeddings"
    assert [text_of(a) for a in page.select("div.concept-referenced-by a")] == ["Data files"]
    links = {text_of(a): a["href"] for a in html_of(app, "index").select("div.body p a")}
    assert links["vector db"] == "data/retrieval/vector-store.html#concept-Vector-Store"
    assert {c["url"] for c in _concepts(app) if c["name"] == "Embedding"} == {
        "data/retrieval/embedding.html#concept-Embedding"
    }
    text = proj.build("text", confoverrides=PAGES)
    assert "A vector store keeps **embeddings**" in (Path(text.outdir) / "data/retrieval/vector-store.txt").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("edit", DATA_EDITS.values(), ids=DATA_EDITS.keys())
def test_pages_layout_incremental_equals_clean(project, edit):
    from test_pages_incremental import html_bodies

    incremental = project("datafiles", name="incremental")
    incremental.build(confoverrides=PAGES)
    edit(incremental)
    app = incremental.build(confoverrides=PAGES)
    pages = html_bodies(app)
    clean = project("datafiles", name="clean")
    edit(clean)
    clean_pages = html_bodies(clean.build(confoverrides=PAGES))
    assert {name for name in pages.keys() - clean_pages.keys() if name.startswith("data/")} == set()
    assert clean_pages.keys() <= pages.keys()
    for name, body in clean_pages.items():
        assert pages[name] == body, name


def test_pages_layout_untouched_rebuild_and_parallel(project):
    proj = project("datafiles", name="serial")
    serial = proj.build(confoverrides=PAGES)
    again = proj.build(confoverrides=PAGES)
    assert "0 added, 0 changed, 0 removed" in again.status.getvalue()
    assert "writing output... [100%] data/retrieval/vector-store" not in again.status.getvalue()
    parallel = project("datafiles", name="parallel").build(confoverrides=PAGES, parallel=2)
    for path in Path(serial.outdir).rglob("*.html"):
        assert path.read_bytes() == (Path(parallel.outdir) / path.relative_to(serial.outdir)).read_bytes(), path


def test_front_matter_problems_are_reported_at_their_line(project):
    proj = project("datafiles")
    proj.write("terms/bad.md", "---\nconcept: Bad Page\nsummary: s\ntags: {a: 1}\norphan: true\n---\nBody.\n")
    app = proj.build()
    assert warnings_of(app) == [
        f"SRC/terms/bad.md:4: WARNING: front matter: field 'tags' must be a list of names; ignored{_suffix('data_format')}"
    ]
    assert text_of(html_of(app, "terms/bad").select_one("section.concept-page h1")) == "Bad Page¶"


def test_entry_pages_are_safe_distinct_and_yield_to_source_documents(project):
    proj = project("datafiles")
    names = ["../../escape", "index", "C++", "C#", "A B", "a-b", "Con", "<script>x</script>"]
    proj.write("data/hostile.yaml", "".join(f"- name: {json.dumps(name)}\n  summary: s\n" for name in names))
    (proj.srcdir / "data" / "hostile").mkdir()
    proj.write("data/hostile/c.rst", "Mine\n====\n\nA page of my own.\n")
    proj.write("data/hostile.yaml", (proj.srcdir / "data/hostile.yaml").read_text() + "- name: C\n  summary: s\n")
    app = proj.build(confoverrides=PAGES)
    assert warnings_of(app) == [
        "SRC/data/hostile/c.rst: WARNING: the document 'data/hostile/c' replaces the page of the entry 'C' of "
        f"'data/hostile'{_suffix('page_overridden')}"
    ]
    out = Path(app.outdir).resolve()
    pages = sorted(p.relative_to(out).as_posix() for p in (out / "data" / "hostile").glob("*.html"))
    assert len(pages) == len(names) + 1  # every entry, and the user's own page
    assert all(out in p.resolve().parents for p in out.rglob("*.html"))
    assert "Mine" in text_of(html_of(app, "data/hostile/c").select_one("h1"))
    lookup = app.env.get_domain("concept").lookup
    from sphinx_concepts.model import concept_key

    docs = {lookup.find(concept_key(name)).concept.docname for name in names}
    assert len(docs) == len(names)
