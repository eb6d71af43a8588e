"""After any edit, an incremental build of generated pages equals a clean build.

Each edit is applied to a project built before (html, then text sharing the same
doctree folder, as ``make html text`` does) and to a fresh copy; the outputs of
both builders must match, generated pages, listings and back-links included.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Project, warnings_of
from test_incremental import inventory_rows

from sphinx_concepts.domain import concept_domain


def html_bodies(app) -> dict[str, str]:
    """Each page's main body; theme navigation of pages not rewritten goes stale in
    Sphinx itself (see the design notes), the body must not."""
    pages = {}
    outdir = Path(app.outdir)
    for path in sorted(outdir.rglob("*.html")):
        if path.name == "search.html":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        pages[path.relative_to(outdir).as_posix()] = str(soup.select_one("div.body") or soup.body)
    return pages


def text_files(app) -> dict[str, str]:
    outdir = Path(app.outdir)
    return {p.relative_to(outdir).as_posix(): p.read_text(encoding="utf-8") for p in sorted(outdir.rglob("*.txt"))}


def _physics(p: Project, old: str, new: str) -> None:
    p.edit("physics.md", old, new)


EDITS: dict[str, Callable[[Project], None]] = {
    "add concept": lambda p: _physics(
        p,
        "# Physics\n",
        "# Physics\n\n:::{concept} Yard\n:summary: An old unit.\n:tags: length, imperial\n\nLong.\n:::\n",
    ),
    "remove concept": lambda p: _physics(
        p, ":::{concept} Zebra\n:summary: A striped animal.\n\nBlack and white.\n:::\n", ""
    ),
    "rename concept": lambda p: _physics(p, ":::{concept} Meter\n", ":::{concept} Metre\n:aliases: Meter\n"),
    "add alias": lambda p: p.edit("languages.rst", ":summary: A managed", ":aliases: C sharp\n   :summary: A managed"),
    "remove alias": lambda p: p.edit("languages.rst", ":aliases: CPP, C plus plus", ":aliases: C plus plus"),
    "add tag": lambda p: _physics(p, ":tags: pastry\n\nDelicious.", ":tags: pastry, French\n\nDelicious."),
    "remove last use of a tag": lambda p: p.edit("languages.rst", ":tags: python, Scripting", ":tags: python"),
    "rename tag spelling": lambda p: p.edit("languages.rst", ":tags: C, Systems", ":tags: C, SYSTEMS"),
    "change category": lambda p: p.edit("languages.rst", ":category: languages", ":category: Scripting languages"),
    "add relation": lambda p: _physics(
        p, ":summary: A striped animal.\n", ":summary: A striped animal.\n:related: Meter\n"
    ),
    "remove relation": lambda p: p.edit("languages.rst", "   :related: C\n", ""),
    "add reference": lambda p: p.edit("notes.rst", "and :concept:`CPP`.", "and :concept:`CPP` and :concept:`zebra`."),
    "remove reference": lambda p: p.edit("more.rst", "; see also :concept:`Meter`", ""),
    "edit summary": lambda p: _physics(p, ":summary: A pie.", ":summary: A baked dish with a crust."),
    "retitle a referring document": lambda p: p.edit(
        "more.rst", "More notes\n==========", "Further notes\n============="
    ),
    "move entry between documents": lambda p: (
        _physics(p, ":::{concept} Zebra\n:summary: A striped animal.\n\nBlack and white.\n:::\n", ""),
        p.edit(
            "more.rst", "Compare", ".. concept:: Zebra\n   :summary: A striped animal.\n   :tags: animals\n\nCompare"
        ),
    ),
    "delete a document": lambda p: (
        (p.srcdir / "languages.rst").unlink(),
        p.edit("index.rst", "   languages\n", ""),
    ),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_incremental_build_equals_clean_build(project, edit):
    incremental = project("pages", name="incremental")
    incremental.build("html")
    incremental.build("text")
    edit(incremental)
    html_after = incremental.build("html")
    html_pages, inventory = html_bodies(html_after), inventory_rows(html_after)
    text_after = incremental.build("text")  # same doctrees: nothing left to read
    text_pages = text_files(text_after)

    clean = project("pages", name="clean")
    edit(clean)
    clean_html = clean.build("html")
    clean_pages, clean_inventory = html_bodies(clean_html), inventory_rows(clean_html)
    clean_text = text_files(clean.build("text"))

    assert inventory == clean_inventory
    # Sphinx keeps the output of a deleted source document; generated pages that
    # vanish are deleted by the extension.
    assert {name for name in html_pages.keys() - clean_pages.keys() if name.startswith("concepts/")} == set()
    assert {name for name in text_pages.keys() - clean_text.keys() if name.startswith("concepts/")} == set()
    assert clean_pages.keys() <= html_pages.keys() and clean_text.keys() <= text_pages.keys()
    for name, body in clean_pages.items():
        assert html_pages[name] == body, name
    for name, body in clean_text.items():
        assert text_pages[name] == body, name


def test_vanished_tag_page_is_gone_everywhere(project):
    proj = project("pages")
    proj.build("html")
    assert (Path(proj.srcdir) / "_build" / "html" / "concepts" / "tags" / "scripting.html").is_file()
    EDITS["remove last use of a tag"](proj)
    app = proj.build("html")
    out = Path(app.outdir)
    assert not (out / "concepts" / "tags" / "scripting.html").exists()
    assert "concepts/tags/scripting" not in app.env.all_docs
    assert "concepts/tags/scripting" not in app.env.toctree_includes["concepts/tags/index"]
    assert "scripting" not in (out / "concepts" / "tags" / "index.html").read_text(encoding="utf-8").lower()
    assert "concepts/tags/scripting" not in (out / "searchindex.js").read_text(encoding="utf-8")
    assert not (Path(app.doctreedir) / "concepts" / "tags" / "scripting.doctree").exists()


def test_untouched_rebuild_reads_and_writes_nothing(project):
    proj = project("pages")
    proj.build("html")
    out = Path(proj.srcdir) / "_build" / "html"
    # Sphinx writes these on every build, with or without the extension.
    always = {"genindex.html", "search.html", "concept-index.html"}
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html") if p.name not in always}
    app = proj.build("html")
    assert "0 added, 0 changed, 0 removed" in app.status.getvalue()
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.html") if p.name not in always} == before


def test_summary_edit_rewrites_only_pages_that_show_it(project):
    proj = project("pages")
    proj.build("html")
    out = Path(proj.srcdir) / "_build" / "html"
    before = {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}
    # Apple Pie: its page, the glossary, the pastry tag page, a listing, the map (as
    # its node's hover title)
    EDITS["edit summary"](proj)
    proj.build("html")
    after = {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}
    rewritten = {name for name in after if after[name] != before.get(name)}
    # Sphinx writes its indexes on every build, and the toctree parents of every
    # page it writes (index for the glossary, the tag index for the tag page).
    sphinx_own = {"genindex.html", "search.html", "concept-index.html", "index.html", "concepts/tags/index.html"}
    assert rewritten - sphinx_own == {
        "physics.html",
        "concepts/index.html",
        "concepts/tags/pastry.html",
        "lists.html",
        "concepts/map.html",
    }


def test_parallel_incremental_build_equals_serial_clean_build(project):
    incremental = project("pages", name="incremental")
    incremental.build("html", parallel=2)
    EDITS["add tag"](incremental)
    EDITS["remove last use of a tag"](incremental)
    pages = html_bodies(incremental.build("html", parallel=2))
    clean = project("pages", name="clean")
    EDITS["add tag"](clean)
    EDITS["remove last use of a tag"](clean)
    assert pages == html_bodies(clean.build("html"))


def test_an_edit_no_other_page_depends_on_reuses_what_was_derived(project):
    """A typo fixed in an explanation changes no record: the build reuses the previous
    build's warnings, pages and states instead of deriving them from every concept."""
    proj = project("pages")
    overrides = {"concepts_warn_unreferenced": True}  # cross-document warnings, every build
    first = proj.build("html", confoverrides=overrides)
    assert not concept_domain(first.env).reused_output
    warnings = warnings_of(first)
    assert any("is not referenced by any document" in line for line in warnings)
    out = Path(proj.srcdir) / "_build" / "html"
    before = {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}
    proj.edit("physics.md", "Black and white.", "Black and white, in stripes.")
    second = proj.build("html", confoverrides=overrides)
    assert concept_domain(second.env).reused_output
    assert warnings_of(second) == warnings  # repeated, as a clean build gives them
    after = {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}
    rewritten = {name for name in after if after[name] != before.get(name)}
    # Sphinx itself writes its indexes, and index.html, the edited page's toctree parent.
    assert rewritten - {"genindex.html", "search.html", "concept-index.html", "index.html"} == {"physics.html"}
    assert "in stripes" in (out / "physics.html").read_text(encoding="utf-8")
    # A change of a record takes the full way again.
    proj.edit("physics.md", ":summary: A striped animal.", ":summary: A horse in stripes.")
    assert not concept_domain(proj.build("html", confoverrides=overrides).env).reused_output
