"""Entries and references, the same content in reStructuredText and in MyST."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from conftest import build_copy, html_of, text_of, tooltip_of, warnings_of
from sphinx.util.inventory import InventoryFile

SYNTAXES = ["entries-rst", "entries-myst"]

AFM_SUMMARY = "Large-scale AI models trained on broad data that serve as the base for various downstream applications."


@pytest.fixture(params=SYNTAXES, scope="module")
def built(request, tmp_path_factory):
    """One clean HTML build of each syntax's root, shared by the tests of this module."""
    app = build_copy(request.param, tmp_path_factory.mktemp(request.param) / "src")
    yield app
    app.cleanup()


def test_builds_without_warnings(built):
    assert warnings_of(built) == []


def test_entry_renders_every_part_in_order(built):
    page = html_of(built, "afm").select_one("section.concept-page")
    assert page["id"] == "concept-AI-Foundation-Models"
    assert text_of(page.select_one("h1")) == "AI Foundation Models¶"
    content = page.select_one("div.concept")
    parts = [child for child in content.children if getattr(child, "name", None)]
    classes = [" ".join(part.get("class", [])) for part in parts]
    assert classes[0] == "concept-summary"
    assert text_of(parts[0]) == AFM_SUMMARY
    assert "concept-meta" in classes[1]
    fields = {
        text_of(dt).rstrip(":"): text_of(dd)
        for dt, dd in zip(parts[1].select("dt"), parts[1].select("dd"), strict=True)
    }
    assert fields == {
        "Also known as": "Foundation Model, Foundation Models, Base Models",
        "Category": "AI",
        "Tags": "ai machine-learning models fundamentals",  # badges
    }
    # The explanation follows, with its list intact.
    assert "adapted to a wide range of downstream tasks" in text_of(parts[2])
    assert len(content.select("li")) == 2
    assert "concept-related" in classes[-4]
    assert "concept-referenced-by" in classes[-3]
    assert "concept-map-neighbourhood" in classes[-2]
    assert "concept-backlink" in classes[-1]


def test_related_concepts_are_resolved_links(built):
    related = html_of(built, "afm").select_one("div.concept-related")
    links = related.select("a.reference")
    assert [text_of(a) for a in links] == ["Large Language Models", "Transformer"]
    assert [a["href"] for a in links] == [
        "models.html#concept-Large-Language-Models",
        "models.html#concept-Transformer",
    ]


def test_back_link_points_to_the_glossary(built):
    back = html_of(built, "afm").select_one("p.concept-backlink a")
    assert back["href"] == "concepts/index.html"
    assert text_of(back) == "Back to all concepts"


def test_domain_index_is_not_written_beside_the_glossary(built):
    # The glossary lists every name already; Sphinx would write the index on every build.
    assert not (Path(built.outdir) / "concept-index.html").exists()
    assert "concept-index" not in {entry[0] for entry in built.builder.domain_indices}


@pytest.mark.parametrize("root", SYNTAXES)
def test_domain_index_lists_names_and_aliases(project, root):
    app = project(root).build(confoverrides={"concepts_domain_index": True})
    index = html_of(app, "concept-index")
    names = [text_of(a) for a in index.select("table.indextable a")]
    assert names.index("AI Foundation Models") < names.index("Base Models") < names.index("Transformer")
    assert "see AI Foundation Models" in text_of(index.select_one("table.indextable"))


def test_single_concept_page_takes_the_name_as_title(built):
    page = html_of(built, "afm")
    assert text_of(page.title).startswith("AI Foundation Models")
    assert page.select("div.body h1") == page.select("section.concept-page > h1")
    assert len(page.select("div.body h1")) == 1
    assert page.select("dl.concept") == []  # the heading replaces the entry's name line
    # The navigation (the root toctree) shows the name too.
    index = html_of(built, "index")
    nav = {text_of(a): a for a in index.select("div.toctree-wrapper a")}
    assert nav["AI Foundation Models"]["href"] == "afm.html"
    assert nav["AI Foundation Models"].select("code") == []  # plain text, like any page title
    # A page with its own heading keeps it.
    assert text_of(html_of(built, "models").title).startswith("Models")


def test_environment_stores_each_name_once(built):
    """Tags, names and keys are shared strings, so the pickle holds each once."""
    data = pickle.loads((Path(built.doctreedir) / "environment.pickle").read_bytes()).domaindata["concept"]
    records = [c for cs in data["entries"].values() for c in cs]
    strings = [s for c in records for s in (c.name, c.key, *c.tags, *c.related)]
    strings += [key for keys in data["references"].values() for key in keys]
    by_value: dict[str, set[int]] = {}
    for text in strings:
        by_value.setdefault(text, set()).add(id(text))
    assert any(strings.count(text) > 1 for text in by_value)  # something to share
    assert {text: ids for text, ids in by_value.items() if len(ids) > 1} == {}


def test_derived_summary_is_the_first_sentence(built):
    env = pickle.loads((Path(built.doctreedir) / "environment.pickle").read_bytes())
    entries = {c.name: c for cs in env.domaindata["concept"]["entries"].values() for c in cs}
    assert entries["Large Language Models"].summary == (
        "Large language models are foundation models for text, e.g. GPT."
    )
    assert entries["Transformer"].summary == "A neural network architecture built on attention."
    # A derived summary is not shown twice: there is no lead paragraph.
    llm = html_of(built, "models").select("dl.concept")[0]
    assert llm.select_one("p.concept-summary") is None


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("AI Foundation Models", "concept-AI-Foundation-Models"),
        ("Base Models", "concept-AI-Foundation-Models"),
        ("foundation MODEL", "concept-AI-Foundation-Models"),
        ("ＬＬＭ", "concept-Large-Language-Models"),
        ("these models", "concept-AI-Foundation-Models"),
        ("Transformer", "concept-Transformer"),
    ],
)
def test_references_resolve_by_name_and_alias(built, text, anchor):
    links = {text_of(a): a for a in html_of(built, "refs").select("div.body a.reference.internal")}
    link = links[text]
    assert link["href"].endswith("#" + anchor)
    if "Foundation" in anchor:
        assert tooltip_of(link) == "AI Foundation Models " + AFM_SUMMARY
    assert "title" not in link.attrs  # the tooltip, not the browser's title hint


def test_reference_in_the_same_page_uses_the_local_anchor(built):
    links = {text_of(a): a for a in html_of(built, "models").select("div.body a.reference.internal")}
    assert links["LLMs"]["href"] == "#concept-Large-Language-Models"
    assert tooltip_of(links["LLMs"]) == (
        "Large Language Models Large language models are foundation models for text, e.g. GPT."
    )
    assert links["the base"]["href"] == "afm.html#concept-AI-Foundation-Models"


@pytest.mark.parametrize("built", ["entries-myst"], indirect=True)  # Markdown links are MyST's
def test_myst_markdown_links_resolve_through_the_domain(built):
    links = {text_of(a): a for a in html_of(built, "refs").select("div.body a.reference.internal")}
    assert links["a link"]["href"] == "afm.html#concept-AI-Foundation-Models"
    assert links["a slug"]["href"] == "models.html#concept-Large-Language-Models"


def test_inventory_has_every_concept_and_alias(built):
    inventory = InventoryFile.load((Path(built.outdir) / "objects.inv").open("rb"), "", lambda *a: "/".join(a[1:]))
    if hasattr(inventory, "data"):  # Sphinx 8.2 returns an _Inventory object
        inventory = inventory.data
    concepts = inventory["concept:concept"]
    aliases = inventory["concept:alias"]
    assert sorted(concepts) == ["ai foundation models", "large language models", "transformer"]
    assert sorted(aliases) == ["base models", "foundation model", "foundation models", "llm", "llms"]

    def display(item):
        return item.display_name if hasattr(item, "display_name") else item[3]

    def uri(item):
        return item.uri if hasattr(item, "uri") else item[2]

    assert display(concepts["ai foundation models"]) == "AI Foundation Models"
    assert display(aliases["base models"]) == "Base Models"
    assert uri(aliases["base models"]).endswith("afm.html#concept-AI-Foundation-Models")


def test_search_index_has_concepts_and_aliases_as_objects(built):
    text = (Path(built.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    type_names = {number: names[2] for number, names in index["objnames"].items()}
    docnames = index["docnames"]
    objects = {
        (row[4], type_names[str(row[1])], docnames[row[0]], row[3])
        for rows in index["objects"].values()
        for row in rows
    }
    assert ("AI Foundation Models", "Concept entry", "afm", "concept-AI-Foundation-Models") in objects
    assert ("Base Models", "Concept alias", "afm", "concept-AI-Foundation-Models") in objects
    assert ("LLMs", "Concept alias", "models", "concept-Large-Language-Models") in objects
    assert len(objects) == 8


def test_general_index_has_names_and_alias_see_entries(built):
    genindex = text_of(html_of(built, "genindex"))
    assert "AI Foundation Models" in genindex
    assert "Base Models see AI Foundation Models" in genindex
    assert "LLM see Large Language Models" in genindex
