"""Property: after any sequence of edits, an incremental build equals a clean build.

Hypothesis generates a small concept project and a sequence of edits: add, delete,
rename and move concepts; change aliases, tags, category, relations, summary and
body; add and remove references; delete a whole document. After each edit the
project is built again incrementally and compared with a clean build of the same
sources: every page's HTML body, ``objects.inv``, ``concepts.json`` and the
cross-document warnings, which are given on every build.

The default run is short enough for CI; ``SPHINX_CONCEPTS_LONG=1`` runs many more
sequences (``SPHINX_CONCEPTS_EXAMPLES=N`` sets the number).
"""

from __future__ import annotations

import pytest

pytest.importorskip("hypothesis")

import copy
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from conftest import Project, warnings_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_incremental import inventory_rows
from test_pages_incremental import html_bodies

LONG = bool(os.environ.get("SPHINX_CONCEPTS_LONG"))
EXAMPLES = int(os.environ.get("SPHINX_CONCEPTS_EXAMPLES", "150" if LONG else "6"))

NAMES = ["Alpha Model", "Beta Test", "Gamma Ray", "Delta Rule", "Epsilon", "Zeta Function", "Eta", "Theta Role"]
TAGS = ["ml", "physics", "Maths", "C++", "c#"]
CATEGORIES = ["Science", "Language", None]
#: Warnings about the whole set of entries are given on every build, so they must match.
CROSS_DOCUMENT = ("concepts.duplicate", "concepts.alias_conflict", "concepts.alias_is_name", "concepts.unknown_related")


@dataclass
class Entry:
    name: str
    summary: str = "A summary."
    aliases: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    category: str | None = None
    related: list[str] = field(default_factory=list)
    body: str = "Some text."


@dataclass
class Model:
    #: docname -> entries; the documents ``d0`` ... hold entries, ``refs`` references.
    docs: dict[str, list[Entry]]
    refs: list[str]

    def render(self, srcdir: Path) -> None:
        """Write the project; only files whose text changed, as an author's edit would."""
        files = {"conf.py": 'extensions = ["sphinx_concepts"]\nexclude_patterns = ["_build"]\n'}
        toctree = "".join(f"   {doc}\n" for doc in sorted(self.docs))
        refs = " ".join(f":concept:`{name}`" for name in self.refs) or "Nothing."
        files["index.rst"] = f"Root\n====\n\n{refs}\n\n.. toctree::\n\n{toctree}   concepts/index\n"
        for doc, entries in self.docs.items():
            parts = [f"{doc.upper()}\n{'=' * len(doc)}\n"]
            for entry in entries:
                options = [f"   :summary: {entry.summary}"]
                if entry.aliases:
                    options.append(f"   :aliases: {', '.join(entry.aliases)}")
                if entry.tags:
                    options.append(f"   :tags: {', '.join(entry.tags)}")
                if entry.category:
                    options.append(f"   :category: {entry.category}")
                if entry.related:
                    options.append(f"   :related: {', '.join(entry.related)}")
                parts.append(f".. concept:: {entry.name}\n" + "\n".join(options) + f"\n\n   {entry.body}\n")
            files[f"{doc}.rst"] = "\n".join(parts)
        for path in srcdir.glob("*.rst"):
            if path.name not in files:
                path.unlink()
        for name, text in files.items():
            path = srcdir / name
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")


def _entries(model: Model) -> list[tuple[str, int]]:
    return [(doc, index) for doc, entries in sorted(model.docs.items()) for index in range(len(entries))]


@st.composite
def models(draw: st.DrawFn) -> Model:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=6, unique=True))
    docs: dict[str, list[Entry]] = {f"d{i}": [] for i in range(draw(st.integers(1, 3)))}
    for name in names:
        doc = draw(st.sampled_from(sorted(docs)))
        docs[doc].append(
            Entry(
                name,
                tags=draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True)),
                category=draw(st.sampled_from(CATEGORIES)),
                related=draw(st.lists(st.sampled_from(NAMES), max_size=2, unique=True)),
            )
        )
    refs = draw(st.lists(st.sampled_from(NAMES), max_size=3))
    return Model(docs, refs)


EDIT_KINDS = [
    "add concept", "delete concept", "rename concept", "aliases", "tags", "category", "relations",
    "summary", "body", "add reference", "remove reference", "move entry", "delete document",
]  # fmt: skip


@st.composite
def edits(draw: st.DrawFn, model: Model) -> tuple[str, Model]:
    """One edit, applied to a copy of *model*."""
    kind = draw(st.sampled_from(EDIT_KINDS))
    new = copy.deepcopy(model)
    places = _entries(new)
    if kind == "add concept" or not places:
        doc = draw(st.sampled_from([*sorted(new.docs), "dnew"]))
        new.docs.setdefault(doc, []).append(Entry(draw(st.sampled_from(NAMES)), tags=["ml"]))
        return kind, new
    doc, index = draw(st.sampled_from(places))
    entry = new.docs[doc][index]
    if kind == "delete concept":
        del new.docs[doc][index]
    elif kind == "rename concept":
        entry.name = draw(st.sampled_from(NAMES))
    elif kind == "aliases":
        entry.aliases = draw(st.lists(st.sampled_from([*NAMES, "AM", "BT", "GR"]), max_size=2, unique=True))
    elif kind == "tags":
        entry.tags = draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))
    elif kind == "category":
        entry.category = draw(st.sampled_from(CATEGORIES))
    elif kind == "relations":
        entry.related = draw(st.lists(st.sampled_from(NAMES), max_size=3, unique=True))
    elif kind == "summary":
        entry.summary = draw(st.sampled_from(["Changed.", "Another summary.", "A summary."]))
    elif kind == "body":
        entry.body = draw(st.sampled_from(["Edited text.", "Some text.", "See :concept:`Eta`."]))
    elif kind == "add reference":
        new.refs.append(draw(st.sampled_from([*NAMES, "am"])))
    elif kind == "remove reference" and new.refs:
        new.refs.pop(draw(st.integers(0, len(new.refs) - 1)))
    elif kind == "move entry":
        target = draw(st.sampled_from([*sorted(new.docs), "dnew"]))
        new.docs.setdefault(target, []).append(new.docs[doc].pop(index))
    elif kind == "delete document":
        del new.docs[doc]
    return kind, new


def _snapshot(app) -> tuple[dict[str, str], list[tuple[str, str, str]], str, list[str]]:
    warnings = sorted(line for line in warnings_of(app) if line.endswith(tuple(f"[{t}]" for t in CROSS_DOCUMENT)))
    pages = {name: body for name, body in html_bodies(app).items()}
    export = (Path(app.outdir) / "concepts.json").read_text(encoding="utf-8")
    return pages, inventory_rows(app), export, warnings


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=not LONG,
)
@given(data=st.data())
def test_incremental_build_equals_clean_build_after_any_edits(make_app, tmp_path_factory, data):
    model = data.draw(models(), label="project")
    apps: list = []
    base = tmp_path_factory.mktemp("property")
    incremental = Project(make_app, base / "incremental", apps)
    incremental.srcdir.mkdir()
    model.render(incremental.srcdir)
    incremental.build()
    for step in range(data.draw(st.integers(1, 3), label="number of edits")):
        kind, model = data.draw(edits(model), label=f"edit {step}")
        model.render(incremental.srcdir)
        pages, inventory, export, warnings = _snapshot(incremental.build())

        clean = Project(make_app, base / f"clean{step}", apps)
        clean.srcdir.mkdir()
        model.render(clean.srcdir)
        clean_pages, clean_inventory, clean_export, clean_warnings = _snapshot(clean.build())
        shutil.rmtree(clean.srcdir)

        assert inventory == clean_inventory, kind
        assert export == clean_export, kind
        assert warnings == clean_warnings, kind
        # Sphinx keeps the output of a deleted document; all else must match.
        assert clean_pages.keys() <= pages.keys(), kind
        for name, body in clean_pages.items():
            assert pages[name] == body, (kind, name)
    while apps:
        apps.pop().cleanup()
