"""Every label the extension writes is translated, in catalogs shipped with the package."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from conftest import html_of, text_of

PACKAGE = Path(__file__).parents[1] / "sphinx_concepts"
LOCALES = PACKAGE / "locales"
LANGUAGES = ("de", "fr", "es")


def _ids(catalog) -> set[str]:
    return {message.id for message in catalog if message.id}


def test_the_template_has_every_message_of_the_code():
    in_code = {
        message for _file, _line, message, _comments, _context in extract_from_dir(PACKAGE, keywords={"_": None})
    }
    with (LOCALES / "sphinx_concepts.pot").open("rb") as stream:
        assert _ids(read_po(stream)) == in_code


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_is_complete_and_compiled(language):
    folder = LOCALES / language / "LC_MESSAGES"
    with (LOCALES / "sphinx_concepts.pot").open("rb") as stream:
        wanted = _ids(read_po(stream))
    with (folder / "sphinx_concepts.po").open("rb") as stream:
        catalog = read_po(stream)
    assert not catalog.fuzzy
    assert _ids(catalog) == wanted
    untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []
    with (folder / "sphinx_concepts.mo").open("rb") as stream:
        compiled = read_mo(stream)
    assert {m.id: m.string for m in compiled if m.id} == {m.id: m.string for m in catalog if m.id}


EXPECTED = {
    "de": ("Auch bekannt als", "Verwandte Begriffe", "Zurück zu allen Begriffen", "Glossar", "Schlagwörter"),
    "fr": ("Aussi appelé", "Concepts liés", "Retour à tous les concepts", "Glossaire", "Étiquettes"),
    "es": ("También conocido como", "Conceptos relacionados", "Volver a todos los conceptos", "Glosario", "Etiquetas"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translated_build_shows_translated_labels(project, language):
    aliases, related, back, glossary, tags = EXPECTED[language]
    app = project("pages", name=language).build(confoverrides={"language": language})
    entry = html_of(app, "languages").select_one("#concept-0").find_parent("dl")
    labels = [text_of(dt).rstrip(":").strip() for dt in entry.select("dt.field-odd, dt.field-even")]
    assert aliases in labels and related in labels and tags in labels
    assert text_of(entry.select_one("p.concept-backlink")) == f"← {back}"
    assert text_of(html_of(app, "concepts/index").select_one("h1")).rstrip("¶") == glossary


def _po(entries: dict[str, str]) -> str:
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for source, target in entries.items():
        lines += [f'msgid "{source}"', f'msgstr "{target}"', ""]
    return "\n".join(lines)


def test_gettext_extracts_the_fields_of_entries(project):
    app = project("entries-rst", name="gettext").build("gettext")
    catalog = (Path(app.outdir) / "afm.pot").read_text(encoding="utf-8")
    for message in ("AI Foundation Models", "Base Models", "Foundation Model", "machine-learning", "AI"):
        assert f'msgid "{message}"' in catalog
    assert 'msgid "Large-scale AI models trained on broad data' in catalog
    assert 'msgid "AI Foundation Models are large-scale models' in catalog  # the body


def test_a_translated_build_translates_entries_and_resolves_translated_aliases(project):
    proj = project("entries-rst", name="translated")
    (proj.srcdir / "locales" / "de" / "LC_MESSAGES").mkdir(parents=True)
    proj.write(
        "locales/de/LC_MESSAGES/afm.po",
        _po({"AI Foundation Models": "KI-Basismodelle", "Base Models": "Grundmodelle", "models": "Modelle"}),
    )
    refs = (proj.srcdir / "refs.rst").read_text(encoding="utf-8")
    assert ":concept:`Base Models`" in refs
    paragraph = next(p for p in refs.split("\n\n") if ":concept:`Base Models`" in p)
    proj.write(
        "locales/de/LC_MESSAGES/refs.po",
        _po({" ".join(paragraph.split()): " ".join(paragraph.split()).replace("Base Models", "Grundmodelle")}),
    )
    app = proj.build(confoverrides={"language": "de", "locale_dirs": ["locales"]})
    page = html_of(app, "afm")
    assert text_of(page.select_one("div.body h1")) == "KI-Basismodelle¶"
    aliases = page.select_one("dt.concept-field-aliases").find_next_sibling("dd")
    assert "Grundmodelle" in text_of(aliases)
    assert "Modelle" in text_of(page.select_one("dt.concept-field-tags").find_next_sibling("dd"))
    links = [a for a in html_of(app, "refs").select("div.body a.reference") if text_of(a) == "Grundmodelle"]
    assert links and links[0]["href"].startswith("afm.html#concept-KI-Basismodelle")


def test_editing_a_catalog_updates_the_entry_and_the_references_to_it(tmp_path):
    # Separate processes, as from the command line: Python's gettext keeps a parsed
    # catalog for the life of a process (Sphinx's own translations too).
    import shutil
    import subprocess
    import sys

    from bs4 import BeautifulSoup
    from conftest import ROOTS

    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(ROOTS / "test-entries-rst", src)
    (src / "locales" / "de" / "LC_MESSAGES").mkdir(parents=True)
    refs = (src / "refs.rst").read_text(encoding="utf-8")
    paragraph = " ".join(next(p for p in refs.split("\n\n") if ":concept:`Base Models`" in p).split())

    def build_with(alias: str) -> str:
        (src / "locales/de/LC_MESSAGES/afm.po").write_text(_po({"Base Models": alias}), encoding="utf-8")
        refs_po = _po({paragraph: paragraph.replace("Base Models", alias)})
        (src / "locales/de/LC_MESSAGES/refs.po").write_text(refs_po, encoding="utf-8")
        command = [sys.executable, "-m", "sphinx", "-q", "-D", "language=de", "-D", "locale_dirs=locales"]
        result = subprocess.run([*command, str(src), str(out)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout

    build_with("Grundmodelle")
    build_with("Basismodelle")  # incremental: the catalogs changed

    def page(name: str) -> BeautifulSoup:
        return BeautifulSoup((out / f"{name}.html").read_text(encoding="utf-8"), "html.parser")

    aliases = page("afm").select_one("dt.concept-field-aliases").find_next_sibling("dd")
    assert "Basismodelle" in text_of(aliases) and "Grundmodelle" not in text_of(aliases)
    links = [a for a in page("refs").select("div.body a.reference") if text_of(a) == "Basismodelle"]
    assert links and links[0]["href"] == "afm.html#concept-AI-Foundation-Models"
    glossary = [text_of(dt) for dt in page("concepts/index").select("dl.concept-listing > dt")]
    assert "Basismodelle" in glossary and "Grundmodelle" not in glossary
