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
