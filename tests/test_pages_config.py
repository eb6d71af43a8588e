"""``concepts_pages`` and the other options of generated pages and entry parts."""

from __future__ import annotations

from pathlib import Path

import pytest
import sphinx
from conftest import html_of, text_of, warnings_of

SUFFIX = sphinx.version_info >= (8,)


def _suffix(subtype: str) -> str:
    return f" [concepts.{subtype}]" if SUFFIX else ""


def _pages(app) -> list[str]:
    out = Path(app.outdir)
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html") if "_" not in p.parts[0])


def _drop_links_to_generated_pages(proj) -> None:
    proj.edit(
        "index.rst",
        "See the :ref:`glossary <concepts-glossary>`, the :doc:`tag index <concepts/tags/index>`\n"
        "and :ref:`concepts-categories`.",
        "",
    )


def test_folder_titles_and_which_pages(project):
    proj = project("pages")
    proj.edit("index.rst", "   concepts/index\n", "   terms/index\n")
    _drop_links_to_generated_pages(proj)
    settings = {"folder": "terms", "glossary": "All terms", "categories": False, "tag_title": "Tagged {name}"}
    app = proj.build(confoverrides={"concepts_pages": settings})
    assert warnings_of(app) == []
    pages = _pages(app)
    assert "terms/index.html" in pages and "terms/tags/python.html" in pages
    assert not any(page.startswith(("concepts/", "terms/categories")) for page in pages)
    assert text_of(html_of(app, "terms/index").select_one("h1")) == "All terms¶"
    assert text_of(html_of(app, "terms/tags/python").select_one("h1")) == "Tagged python¶"
    entry = html_of(app, "languages").select_one("#concept-Python").find_parent("dl")
    # No category pages: the category is plain text; tags still link.
    assert entry.select_one(".concept-category a") is None
    assert entry.select_one(".concept-tag a")["href"] == "terms/tags/python.html"
    assert entry.select_one("p.concept-backlink a")["href"] == "terms/index.html"


def test_without_glossary_the_back_link_goes_to_the_concept_index(project):
    proj = project("pages")
    proj.edit("index.rst", "   concepts/index\n", "")
    _drop_links_to_generated_pages(proj)
    app = proj.build(confoverrides={"concepts_pages": {"glossary": False}})
    assert warnings_of(app) == []  # the tag and category indexes are orphans now
    assert "concepts/index.html" not in _pages(app)
    assert html_of(app, "languages").select_one("p.concept-backlink a")["href"] == "concept-index.html"
    assert (Path(app.outdir) / "concept-index.html").is_file()
    # Turned off as well, the entries have nowhere to go back to: no dead link.
    app = proj.build(confoverrides={"concepts_pages": {"glossary": False}, "concepts_domain_index": False})
    assert warnings_of(app) == []
    assert not (Path(app.outdir) / "concept-index.html").exists()
    assert html_of(app, "languages").select_one("p.concept-backlink") is None


@pytest.mark.parametrize(("setting", "written"), [(True, True), ("yes", True), ("0", False), ("sometimes", False)])
def test_domain_index_setting(project, setting, written):
    app = project("pages").build(confoverrides={"concepts_domain_index": setting})
    assert (Path(app.outdir) / "concept-index.html").is_file() is written
    warnings = [line for line in warnings_of(app) if "concepts_domain_index" in line]
    if setting == "sometimes":  # 'auto', and this project has a glossary
        assert warnings == [
            "WARNING: concepts_domain_index must be True, False or 'auto', not 'sometimes'; "
            f"'auto' is used{_suffix('config')}"
        ]
    else:
        assert warnings == []


def test_navigation_off_makes_orphans_without_warnings(project):
    app = project("pages").build(confoverrides={"concepts_pages": {"navigation": False}})
    assert warnings_of(app) == []
    assert "concepts/index" not in app.env.toctree_includes
    assert app.env.metadata["concepts/tags/python"].get("orphan") is not None
    # Still linked from the entries and the tag index.
    assert html_of(app, "concepts/tags/index").select_one("a[href='python.html']") is not None


def test_only_referenced_and_unreferenced_warnings(project):
    overrides = {"concepts_pages": {"only_referenced": True}, "concepts_warn_unreferenced": True}
    app = project("pages").build(confoverrides=overrides)
    terms = [text_of(dt) for dt in html_of(app, "concepts/index").select("dl.concept-listing > dt")]
    # notes and more reference C++ (also as CPP), python, C and Meter.
    assert terms == ["C", "C plus plus", "C++", "CPP", "Meter", "Python"]
    unreferenced = [line for line in warnings_of(app) if "not referenced" in line]
    assert unreferenced == [
        f"SRC/languages.rst:20: WARNING: concept 'C#' is not referenced by any document{_suffix('unreferenced')}",
        f"SRC/physics.md:3: WARNING: concept 'Ångström' is not referenced by any document{_suffix('unreferenced')}",
        f"SRC/physics.md:21: WARNING: concept 'Éclair' is not referenced by any document{_suffix('unreferenced')}",
        f"SRC/physics.md:28: WARNING: concept 'Zebra' is not referenced by any document{_suffix('unreferenced')}",
        f"SRC/physics.md:34: WARNING: concept 'Apple Pie' is not referenced by any document{_suffix('unreferenced')}",
    ]


def test_relations_one_way(project):
    app = project("pages").build(confoverrides={"concepts_related_both_ways": False})
    c_entry = html_of(app, "languages").select_one("#concept-C").find_parent("dl")
    assert c_entry.select_one("div.concept-related") is None
    cpp = html_of(app, "languages").select_one("#concept-0").find_parent("dl")
    assert [text_of(a) for a in cpp.select("div.concept-related a")] == ["C"]


def test_a_source_document_replaces_a_generated_page(project):
    proj = project("pages")
    (proj.srcdir / "concepts" / "tags").mkdir(parents=True)
    proj.write("concepts/tags/python.rst", "My Python tag page\n==================\n\nHand-written.\n")
    app = proj.build()
    assert warnings_of(app) == [
        f"SRC/concepts/tags/python.rst: WARNING: the document 'concepts/tags/python' replaces the page "
        f"sphinx-concepts would generate there{_suffix('page_overridden')}"
    ]
    page = html_of(app, "concepts/tags/python")
    assert "Hand-written." in text_of(page.select_one("div.body"))
    # Links to the tag go to the user's page.
    assert html_of(app, "languages").select_one(".concept-tag a[href='concepts/tags/python.html']") is not None


def test_bad_pages_settings_warn_and_fall_back(project):
    settings = {"folder": "../outside", "colour": "red", "tags": 3}
    app = project("pages").build(confoverrides={"concepts_pages": settings})
    warnings = warnings_of(app)
    assert any("concepts_pages: unknown key 'colour'" in line for line in warnings)
    assert any("concepts_pages['tags'] must be bool or str, not 3" in line for line in warnings)
    assert any("concepts_pages['folder'] must be a relative path" in line for line in warnings)
    assert (Path(app.outdir) / "concepts" / "tags" / "index.html").is_file()
    assert not (Path(app.outdir).parent / "outside").exists()


def test_listing_filters_that_name_nothing_warn(project):
    proj = project("pages")
    proj.write(
        "lists.rst",
        "Listings\n========\n\n.. concept-list::\n   :tag: no such tag\n   :category: Languages\n\n"
        ".. concept-list::\n   :related-to: Nothing Here\n",
    )
    app = proj.build()
    assert warnings_of(app) == [
        f"SRC/lists.rst:4: WARNING: concept-list filters on tag 'no such tag', which does not exist; "
        f"the listing is empty{_suffix('unknown_filter')}",
        f"SRC/lists.rst:8: WARNING: concept-list filters on concept 'Nothing Here', which does not exist; "
        f"the listing is empty{_suffix('unknown_filter')}",
    ]
    assert len(html_of(app, "lists").select("p.concept-list-empty")) == 2


def test_cards_use_sphinx_design_when_loaded(project):
    app = project("pages").build(confoverrides={"extensions": ["sphinx_concepts", "myst_parser", "sphinx_design"]})
    cards = html_of(app, "lists").select(".concept-list")[2]
    assert "sd-container-fluid" in cards["class"]
    assert [text_of(card.select_one(".concept-card-title")) for card in cards.select(".sd-card")] == [
        "Apple Pie",
        "Éclair",
    ]


def test_hostile_tag_and_category_names_stay_inside_and_inert(project):
    proj = project("pages")
    proj.write(
        "hostile.rst",
        ":orphan:\n\nHostile\n=======\n\n"
        ".. concept:: Payload\n"
        "   :summary: <img src=x onerror=alert(1)>\n"
        "   :category: ../../etc\n"
        '   :tags: <script>alert("t")</script>, ../.., /etc/passwd, CON, index, 機械学習\n\n'
        "   Body.\n",
    )
    app = proj.build()
    out = Path(app.outdir)
    written = [p.resolve() for p in out.rglob("*.html")]
    assert all(out.resolve() in p.parents for p in written)
    tags = sorted(p.name for p in (out / "concepts" / "tags").glob("*.html"))
    assert "index.html" in tags and len(tags) == 9 + 6  # the root's 8 tags and the index, plus 6
    for page in (out / "concepts" / "tags").glob("*.html"):
        soup = html_of(app, f"concepts/tags/{page.stem}")
        assert soup.select("div.body script") == [] and soup.select("div.body img") == []
    titles = [
        text_of(html_of(app, f"concepts/tags/{p.stem}").select_one("h1"))
        for p in (out / "concepts/tags").glob("*.html")
    ]
    assert '<script>alert("t")</script>¶' in titles and "../..¶" in titles and "機械学習¶" in titles
    entry = html_of(app, "hostile")
    assert entry.select("div.body script") == [] and entry.select("div.body img") == []
    assert not (Path(app.outdir).parent / "etc").exists()
