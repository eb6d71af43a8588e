"""Plain-text concept files as pages: the example renders every field, like the directive."""

from __future__ import annotations

from pathlib import Path

import pytest
import sphinx
from conftest import html_of, text_of, warnings_of

SUFFIX = sphinx.version_info >= (8,)


def _suffix(subtype: str) -> str:
    return f" [concepts.{subtype}]" if SUFFIX else ""


@pytest.fixture
def built(project):
    # Built per test: an application left alive would keep MyST's nodes registered.
    return project("textfiles").build()


def test_builds_cleanly_and_only_matching_files_are_documents(built):
    assert warnings_of(built) == []
    assert "requirements" not in built.env.found_docs
    assert {"library/ai-foundation-models", "library/fine-tuning", "library/large-language-models"} <= set(
        built.env.found_docs
    )


def test_the_example_renders_every_field(built):
    page = html_of(built, "library/ai-foundation-models")
    section = page.select_one("section.concept-page")
    assert text_of(section.select_one("h1")) == "AI Foundation Models¶"
    assert section["id"] == "concept-AI-Foundation-Models"
    assert text_of(section.select_one("p.concept-summary")) == (
        "Large-scale AI models trained on broad data that serve as the base for various downstream applications."
    )
    meta = section.select_one("div.concept-meta")
    fields = {text_of(dt).rstrip(":"): text_of(dt.find_next_sibling("dd")) for dt in meta.select("dt")}
    assert fields == {
        "Also known as": "Foundation Model, Foundation Models, Base Models",
        "Category": "AI",
        "Tags": "ai machine-learning models fundamentals",  # badges
    }
    body = section.select_one("div.concept")
    paragraphs = [text_of(p) for p in body.find_all("p", recursive=False) if not p.get("class")]
    # Lines without blank lines between them are separate paragraphs and a list.
    assert paragraphs[0].startswith("AI Foundation Models are large-scale models")
    assert paragraphs[1] == "Key Properties" and body.select_one("p > strong").get_text() == "Key Properties"
    items = [text_of(li) for li in body.select("ul > li")]
    assert len(items) == 4 and items[0].startswith("Trained at massive scale:")
    assert "Examples include GPT-4, Claude, LLaMA, Gemini, Stable Diffusion, and DALL-E." in paragraphs
    assert paragraphs[-1].startswith("The foundation model paradigm concentrates power")
    # The empty "Related Concepts" section: related concepts come from the other end.
    related = section.select_one("div.concept-related")
    assert [text_of(a) for a in related.select("a")] == ["Large Language Models"]
    # The export's own back line is dropped; the entry's back link goes to the glossary.
    assert "Back to all concepts" not in " ".join(paragraphs)
    assert section.select_one("p.concept-backlink a")["href"] == "../concepts/index.html"


def test_text_entries_are_concepts_like_any_other(built):
    links = {text_of(a): a["href"] for a in html_of(built, "index").select("div.body p a")}
    assert links["base models"] == "library/ai-foundation-models.html#concept-AI-Foundation-Models"
    assert links["LLMs"] == "library/large-language-models.html#concept-Large-Language-Models"
    glossary = [text_of(dt) for dt in html_of(built, "concepts/index").select("dl.concept-listing > dt")]
    assert "Base Models" in glossary and "Fine-Tuning" in glossary and "LLM" in glossary
    assert (Path(built.outdir) / "concepts" / "tags" / "nlp.html").is_file()
    assert (Path(built.outdir) / "concepts" / "categories" / "adaptation.html").is_file()


def test_markdown_in_the_body(built):
    body = html_of(built, "library/fine-tuning").select_one("div.concept")
    assert body.select_one("em").get_text() == "labelled"
    assert "model.fit(data)" in body.select_one("pre").get_text()
    assert [text_of(td) for td in body.select("table td")] == ["1", "train"]


def test_windows_line_endings_bom_and_trailing_spaces(built):
    section = html_of(built, "library/large-language-models").select_one("section.concept-page")
    assert text_of(section.select_one("h1")) == "Large Language Models¶"
    assert text_of(section.select_one("p.concept-summary")).endswith("next token.")
    assert section.select_one("div.concept strong").get_text() == "foundation models"


def test_bad_files_warn_with_file_and_line_and_the_rest_is_kept(project):
    proj = project("textfiles")
    proj.write(
        "library/broken.txt",
        "Broken Entry\nA summary.\nColour: red\nTags: a, , b\nExplanation\nFirst.\n"
        "Second with {concept}`Nope` here.\n- item\n- item {concept}`Missing Two`\n"
        "Related Concepts\nAI Foundation Models\nUnknown Thing\n← Back to all concepts\nextra\n",
    )
    proj.write("library/empty.txt", "\ufeff\n\n")
    app = proj.build()
    assert warnings_of(app) == [
        "SRC/library/broken.txt:3: WARNING: unknown field 'Colour' ignored; known fields are 'Also known as', "
        f"'Category', 'Tags'{_suffix('data_format')}",
        f"SRC/library/broken.txt:4: WARNING: empty item in 'Tags' ignored{_suffix('data_format')}",
        f"SRC/library/broken.txt:14: WARNING: text after 'Back to all concepts' ignored{_suffix('data_format')}",
        f"SRC/library/empty.txt:1: WARNING: empty concept file: no name on its first line{_suffix('data_format')}",
        "SRC/library/broken.txt:1: WARNING: concept 'Broken Entry' is related to unknown concept 'Unknown Thing'"
        f"{_suffix('unknown_related')}",
        f"SRC/library/broken.txt:7: WARNING: unknown concept 'Nope'{_suffix('unknown_reference')}",
        f"SRC/library/broken.txt:9: WARNING: unknown concept 'Missing Two'{_suffix('unknown_reference')}",
    ]
    broken = html_of(app, "library/broken").select_one("section.concept-page")
    assert [text_of(dd) for dd in broken.select("div.concept-meta dd")] == ["a b"]  # badges
    assert "Second with Nope here." in text_of(broken)
    # Every other entry is intact.
    assert html_of(app, "library/ai-foundation-models").select_one("p.concept-summary") is not None


def test_editing_one_file_rebuilds_that_page_and_what_depends_on_it(project):
    proj = project("textfiles")
    proj.build()
    proj.edit(
        "library/fine-tuning.txt", "Further training of a pre-trained model on a task.", "Training a model further."
    )
    app = proj.build()
    status = app.status.getvalue()
    assert "0 added, 1 changed, 0 removed" in status
    assert "Training a model further." in text_of(html_of(app, "concepts/categories/adaptation"))
    proj.write(
        "library/diffusion-models.txt", "Diffusion Models\nModels that denoise.\nTags: images\nExplanation\nBody.\n"
    )
    app = proj.build()
    # index, with its glob toctree, is read again too: Sphinx's rule for added files.
    assert "1 added, 1 changed, 0 removed" in app.status.getvalue()
    assert "Diffusion Models" in text_of(html_of(app, "concepts/index"))
    assert (Path(app.outdir) / "concepts" / "tags" / "images.html").is_file()
    (proj.srcdir / "library" / "diffusion-models.txt").unlink()
    app = proj.build()
    assert "Diffusion Models" not in text_of(html_of(app, "concepts/index"))
    assert not (Path(app.outdir) / "concepts" / "tags" / "images.html").exists()


def test_text_pages_keep_their_title_without_concepts_page_title(project):
    app = project("textfiles").build(confoverrides={"concepts_page_title": False})
    assert warnings_of(app) == []
    assert text_of(html_of(app, "library/fine-tuning").select_one("div.body h1")) == "Fine-Tuning¶"
