"""Parallel and incremental builds give the output of a serial clean build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Project, warnings_of
from sphinx.util.inventory import InventoryFile


def output_files(app) -> dict[str, bytes]:
    outdir = Path(app.outdir)
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts and path.name != ".buildinfo"
    }


def inventory_rows(app) -> list[tuple[str, str, str]]:
    with (Path(app.outdir) / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda *parts: "/".join(parts[1:]))
    data = getattr(inventory, "data", inventory)
    rows = []
    for objtype, items in data.items():
        for name, item in items.items():
            uri = item.uri if hasattr(item, "uri") else item[2]
            rows.append((objtype, name, uri))
    return sorted(rows)


def main_content(app) -> dict[str, str]:
    """Each page's main body: what the extension writes, without theme navigation,
    which Sphinx itself leaves stale on pages it does not rewrite."""
    pages = {}
    for path in sorted(Path(app.outdir).glob("*.html")):
        if path.name in {"search.html"}:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("div.body") or soup.body
        pages[path.stem] = str(body)
    return pages


@pytest.mark.parametrize("buildername", ["html", "text"])
def test_parallel_build_equals_serial_build(project, buildername):
    serial = project("parallel", name="serial").build(buildername)
    serial_files = output_files(serial)
    parallel = project("parallel", name="parallel").build(buildername, parallel=2)
    # Chunks such as "doc0 .. doc3" show that the documents were read in parallel.
    status = re.sub(r"\x1b\[[0-9;]*m", "", parallel.status.getvalue())
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+", status)
    assert warnings_of(parallel) == warnings_of(serial) == []
    parallel_files = output_files(parallel)
    assert parallel_files.keys() == serial_files.keys()
    for name, content in serial_files.items():
        assert parallel_files[name] == content, name


def test_untouched_rebuild_reads_and_writes_nothing(project):
    proj = project("parallel")
    proj.build()
    app = proj.build()
    status = app.status.getvalue()
    assert "0 added, 0 changed, 0 removed" in status
    assert "writing output" not in status or "no targets are out of date" in status


def _rename_alias(p: Project) -> None:
    p.edit("doc0.rst", ":aliases: Alphas", ":aliases: Alpha Models")  # doc5 refers to "Alphas"


def _edit_summary(p: Project) -> None:
    p.edit("doc2.rst", "The gamma ray is concept number 2.", "Gamma rays are energetic photons.")


def _rename_concept(p: Project) -> None:
    p.edit("doc4.rst", ".. concept:: Epsilon Greedy", ".. concept:: Epsilon Soft")


def _add_duplicate(p: Project) -> None:
    p.write("extra.rst", ":orphan:\n\n.. concept:: alpha model\n\n   An earlier duplicate.\n")


def _move_entry(p: Project) -> None:
    p.edit("doc0.rst", ".. concept:: Alpha Model", ".. concept:: Alpha Model Draft")
    p.write("extra.rst", ":orphan:\n\n.. concept:: Alpha Model\n   :aliases: Alphas\n\n   Moved here.\n")


def _delete_document(p: Project) -> None:
    (p.srcdir / "doc3.md").unlink()
    p.edit("index.rst", "   doc3\n", "")


def _toggle_plural(p: Project) -> None:
    p.edit("doc6.rst", ":concept:`THETA ROLE`", ":concept:`theta roles`")


EDITS = {
    "rename alias": _rename_alias,
    "edit summary": _edit_summary,
    "rename concept": _rename_concept,
    "add duplicate": _add_duplicate,
    "move entry to another document": _move_entry,
    "delete document": _delete_document,
    "reference by plural": _toggle_plural,
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_incremental_build_equals_clean_build(project, edit):
    overrides = {"concepts_match_plurals": True}
    incremental = project("parallel", name="incremental")
    incremental.build(confoverrides=overrides)
    edit(incremental)
    after_edit = incremental.build(confoverrides=overrides)
    incremental_pages, incremental_inventory = main_content(after_edit), inventory_rows(after_edit)

    clean = project("parallel", name="clean")
    edit(clean)
    clean_app = clean.build(confoverrides=overrides)
    assert incremental_inventory == inventory_rows(clean_app)
    clean_pages = main_content(clean_app)
    # Sphinx never deletes the output of a removed document; every other page matches.
    assert incremental_pages.keys() - clean_pages.keys() <= {"doc3"}
    assert clean_pages.keys() <= incremental_pages.keys()
    for page, body in clean_pages.items():
        assert incremental_pages[page] == body, page
