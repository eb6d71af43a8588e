"""The reader's view, in a real browser: themes, tooltips, the glossary, concept maps.

Each supported theme builds the same project; headless Chromium (Debian's, driven
through Playwright) then looks at the pages as a reader would: what is visible,
what hovering, focusing, tapping and typing do, that no page overflows a phone's
width, that colours keep their contrast in dark mode, and that the browser logs no
error. Screenshots are kept as test artefacts (``SPHINX_CONCEPTS_SCREENSHOTS``,
default ``build/screenshots``), never in the repository.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from browser import chromium
from conftest import build_copy

playwright_api = pytest.importorskip("playwright.sync_api")

#: (theme, module that provides it, whether it has a dark mode that follows the system)
THEMES = [
    ("alabaster", "alabaster", False),
    ("furo", "furo", True),
    ("pydata_sphinx_theme", "pydata_sphinx_theme", True),
    ("sphinx_rtd_theme", "sphinx_rtd_theme", False),
    ("sphinx_book_theme", "sphinx_book_theme", True),
]
SCREENSHOTS = Path(os.environ.get("SPHINX_CONCEPTS_SCREENSHOTS", Path(__file__).parents[1] / "build" / "screenshots"))
AFM_TIP = (
    "AI Foundation Models Large-scale AI models trained on broad data that serve as the base "
    "for various downstream applications."
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium()
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def _build(theme: str, module: str, destination: Path, **overrides: Any) -> Path:
    if importlib.util.find_spec(module) is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the theme {theme} (the test extra installs it)")
        pytest.skip(f"{theme} is not installed")
    app = build_copy("reader", destination, confoverrides={"html_theme": theme, **overrides})
    try:
        warnings = app.warning.getvalue()
        assert "WARNING" not in warnings, warnings
        return Path(app.outdir)
    finally:
        app.cleanup()


@pytest.fixture(scope="module", params=THEMES, ids=[theme for theme, _module, _dark in THEMES])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, bool]:
    theme, module, dark = request.param
    return theme, _build(theme, module, tmp_path_factory.mktemp(theme) / "src"), dark


class _QuietHandler(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/favicon.ico":  # asked for by the browser itself; Sphinx writes none
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@functools.cache
def _served(outdir: Path) -> str:
    """The URL of a local web server for *outdir*, as readers get the pages from a host.

    (Pages opened from ``file://`` make Chromium refuse some themes' web fonts,
    which it reports as console errors that are no reader's.)
    """
    handler = functools.partial(_QuietHandler, directory=str(outdir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


class Reader:
    """One browser page, with the errors it logged."""

    def __init__(self, browser: Any, outdir: Path, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.outdir = outdir
        self.errors: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def url(self, docname: str) -> str:
        return _served(self.outdir) + f"{docname}.html"

    def open(self, docname: str) -> Any:
        self.page.goto(self.url(docname))
        self.page.wait_for_load_state("load")
        return self.page

    def shoot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], "the browser logged errors"


@pytest.fixture
def reader(browser: Any, site: tuple[str, Path, bool]) -> Iterator[Reader]:
    opened = Reader(browser, site[1], viewport={"width": 1280, "height": 900})
    yield opened
    opened.close()


def _visible_text(page: Any, selector: str) -> str:
    locator = page.locator(selector).first
    assert locator.is_visible(), f"{selector} is not visible"
    return " ".join(locator.inner_text().split())


# -- entries under every theme ---------------------------------------------------


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_each_theme_shows_every_part_of_an_entry(browser, site, mode):
    theme, outdir, has_dark = site
    if mode == "dark" and not has_dark:
        pytest.skip(f"{theme} has no dark mode")
    reader = Reader(browser, outdir, viewport={"width": 1280, "height": 1400}, color_scheme=mode)
    page = reader.open("entries")
    entry = "#concept-AI-Foundation-Models"
    assert _visible_text(page, entry).startswith("AI Foundation Models")
    # The name reads as a heading in the text's typeface, not as a code signature.
    name_font = page.locator(f"{entry} .sig-name").evaluate("e => getComputedStyle(e).fontFamily")
    assert name_font == page.locator(f"{entry} + dd > p:not(.concept-summary)").first.evaluate(
        "e => getComputedStyle(e).fontFamily"
    )
    assert _visible_text(page, f"{entry} + dd .concept-summary").startswith("Large-scale AI models")
    assert "Foundation Model, Base Models" in _visible_text(page, f"{entry} + dd dd.concept-field-aliases")
    badges = page.locator(f"{entry} + dd dd.concept-field-tags .concept-badge")
    assert badges.all_inner_texts() == ["ai", "machine-learning", "models", "fundamentals"]
    assert all(badge.is_visible() for badge in badges.all())
    assert _visible_text(page, f"{entry} + dd dd.concept-field-category .concept-badge") == "AI"
    assert "adapted to a wide range" in _visible_text(page, f"{entry} + dd > p:not(.concept-summary)")
    related = page.locator(f"{entry} + dd dd.concept-field-related a")
    assert related.all_inner_texts() == ["Large Language Models", "Transformer"]
    svg = page.locator(f"{entry} + dd .concept-map-neighbourhood svg")
    assert svg.is_visible()
    # Itself, its two related concepts, the document that references it.
    assert sorted(svg.locator("a text").all_text_contents()) == [
        "AI Foundation Models",
        "Large Language Models",
        "References",
        "Transformer",
    ]
    if mode == "dark":
        # The theme really is dark, and the entry's colours followed it.
        background = _luminance(_page_background(page))
        assert background < 0.2
        assert _contrast(_colour(page, f"{entry} + dd .concept-badge a"), _page_background(page)) >= 3
        label = svg.locator("text").first
        assert _contrast(label.evaluate("e => getComputedStyle(e).fill"), _page_background(page)) >= 4.5
    reader.page.locator(entry).scroll_into_view_if_needed()
    reader.shoot(f"{theme}-{mode}-entry")
    page.goto(reader.url("refs"))
    link = page.locator("a[aria-describedby]").first
    link.hover()
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert tip.is_visible()
    tip_colour, tip_background = (
        _colour(page, ".concept-tip-anchor:hover .concept-tip"),
        tip.evaluate("e => getComputedStyle(e).backgroundColor"),
    )
    assert _contrast(tip_colour, tip_background) >= 4.5
    reader.shoot(f"{theme}-{mode}-tooltip")
    page.goto(reader.url("concepts/index"))
    reader.shoot(f"{theme}-{mode}-glossary")
    page.goto(reader.url("concepts/map"))
    reader.shoot(f"{theme}-{mode}-map")
    reader.close()


# -- tooltips ------------------------------------------------------------------


def test_tooltip_shows_on_hover_with_the_concepts_name_and_summary(reader):
    page = reader.open("refs")
    link = page.get_by_role("link", name="Base Models")
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert not tip.is_visible()
    link.hover()
    assert tip.is_visible()
    assert " ".join(tip.inner_text().split()) == AFM_TIP
    box, viewport = tip.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    page.mouse.move(5, 5)
    assert not tip.is_visible()


def test_tooltip_is_announced_to_screen_readers(reader):
    page = reader.open("refs")
    link = page.get_by_role("link", name="Base Models")
    playwright_api.expect(link).to_have_accessible_description(AFM_TIP)
    assert page.locator(f"#{link.get_attribute('aria-describedby')}").get_attribute("role") == "tooltip"


def test_tooltip_shows_on_keyboard_focus_and_escape_hides_it(reader):
    page = reader.open("refs")
    link = page.get_by_role("link", name="Base Models")
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    page.mouse.move(0, 0)
    for _press in range(300):  # Tab through the page as a keyboard user does
        page.keyboard.press("Tab")
        if link.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the link is not reachable with Tab")
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert link.evaluate("e => e === document.activeElement")  # Escape does not move focus


def test_tooltip_stays_inside_the_window_near_its_right_edge(reader):
    page = reader.open("refs")
    page.set_viewport_size({"width": 420, "height": 800})
    link = page.get_by_role("link", name="Zebra Crossing")
    link.hover()
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert tip.is_visible()
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 420
    # The summary's markup is text, not HTML.
    assert 'A <b>striped</b> road crossing & "safe" place.' in tip.inner_text()


def test_first_tap_shows_the_tooltip_and_second_tap_follows_the_link(browser, site):
    reader = Reader(browser, site[1], viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = reader.open("refs")
    link = page.get_by_role("link", name="Base Models")
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    link.tap()
    assert tip.is_visible()
    assert page.url.endswith("refs.html")
    link.tap()
    page.wait_for_url(re.compile(r"entries\.html#concept-AI-Foundation-Models$"))
    reader.close()


def test_tooltips_degrade_to_plain_links_without_the_option(browser, tmp_path):
    outdir = _build("alabaster", "alabaster", tmp_path / "src", concepts_tooltips=False)
    reader = Reader(browser, outdir)
    page = reader.open("refs")
    link = page.get_by_role("link", name="Base Models")
    assert link.get_attribute("aria-describedby") is None
    assert page.locator(".concept-tip").count() == 0
    reader.close()


# -- the glossary ----------------------------------------------------------------


def test_jump_bar_goes_to_its_letter(reader):
    page = reader.open("concepts/index")
    page.locator(".concept-jumpbar a", has_text="Z").click()
    assert page.url.endswith("#concepts-letter-z")
    heading = page.locator("#concepts-letter-z")
    assert heading.is_visible()
    # Some themes scroll smoothly: wait for the heading to arrive in the window.
    page.wait_for_function(
        "e => e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < window.innerHeight",
        arg=heading.element_handle(),
        timeout=5000,
    )


def _shown_rows(page: Any) -> list[str]:
    return [
        " ".join(term.inner_text().split())
        for term in page.locator("dl.concept-listing > dt").all()
        if term.is_visible()
    ]


def test_glossary_filters_by_text_and_by_tag(reader):
    page = reader.open("concepts/index")
    everything = _shown_rows(page)
    assert "Zebra Crossing" in everything and "LLM" in everything
    page.get_by_label("Filter concepts").fill("STRIPED")  # matches summaries, any case
    assert _shown_rows(page) == ["Zebra Crossing"]
    assert page.locator(".concept-filter-status").inner_text() == f"1 of {len(everything)} entries shown"
    assert page.locator(".concept-jumpbar a.concept-jump-empty", has_text="A").count() == 1
    page.get_by_label("Filter concepts").fill("angstrom")  # and ignores accents
    assert _shown_rows(page) == ["Ångström Scale"]
    page.get_by_label("Filter concepts").fill("")
    page.get_by_role("combobox", name="Tag").select_option(label="nlp")
    assert _shown_rows(page) == ["Large Language Models", "LLM", "Transformer"]  # the alias row too
    page.get_by_role("combobox", name="Tag").select_option(label="Übersetzung")
    assert _shown_rows(page) == ["Zebra Crossing"]
    page.get_by_role("combobox", name="Tag").select_option(value="")
    assert _shown_rows(page) == everything


def test_without_javascript_the_whole_glossary_shows_and_no_dead_control(browser, site):
    reader = Reader(browser, site[1], java_script_enabled=False)
    page = reader.open("concepts/index")
    assert not page.locator("form.concept-filter").is_visible()
    assert len(_shown_rows(page)) == page.locator("dl.concept-listing > dt").count() == 8
    reader.close()


# -- layout on a phone -------------------------------------------------------------


_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
#: The extension's elements that reach past the window's right edge (a map's
#: picture scrolls inside its box, so only the box counts).
_OURS_OUTSIDE = """() => {
    const right = document.documentElement.clientWidth + 1;
    return Array.from(document.querySelectorAll('[class*="concept"]'))
        .filter(e => !e.closest('.concept-map-scroll') || e.classList.contains('concept-map-scroll'))
        .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > right; })
        .map(e => e.tagName + '.' + e.className);
}"""


@pytest.mark.parametrize("docname", ["entries", "refs", "concepts/index", "concepts/map", "concepts/tags/index"])
def test_no_horizontal_overflow_on_a_narrow_screen(browser, site, docname):
    reader = Reader(browser, site[1], viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    # What a page without concepts overflows by (pydata-sphinx-theme's header does).
    theme_own = reader.open("plain").evaluate(_OVERFLOW)
    page = reader.open(docname)
    assert page.evaluate(_OVERFLOW) <= max(theme_own, 0)
    assert page.evaluate(_OURS_OUTSIDE) == []
    for link in page.locator(".concept-tip-anchor > a").all()[:3]:
        link.tap()  # an open tooltip must not widen the page either
        assert page.locator(".concept-tip-open .concept-tip").is_visible()
        assert page.evaluate(_OURS_OUTSIDE) == []
        assert page.evaluate(_OVERFLOW) <= max(theme_own, 0)
        page.touchscreen.tap(1, 1)  # a tap elsewhere closes it
        assert page.locator(".concept-tip-open").count() == 0
    reader.close()


# -- concept maps ----------------------------------------------------------------


def test_map_nodes_are_links_to_their_entries(reader):
    page = reader.open("concepts/map")
    node = page.locator("svg.concept-map-svg a", has_text="Transformer")
    node.click()
    page.wait_for_url(re.compile(r"entries\.html#concept-Transformer$"))
    page = reader.open("entries")
    neighbour = page.locator("#concept-Transformer + dd svg a", has_text="Large Language Models")
    neighbour.click()
    page.wait_for_url(re.compile(r"entries\.html#concept-Large-Language-Models$"))


def test_library_map_of_200_concepts_stays_readable(browser, tmp_path):
    """Labels of a 200-concept map keep a readable size and do not overlap."""
    source = tmp_path / "src"
    build_copy("reader", source).cleanup()
    lines = ["Many concepts", "=============", ""]
    for number in range(200):
        related = f"   :related: Concept number {(number * 7) % 200}\n" if number % 3 else ""
        lines.append(
            f".. concept:: Concept number {number}\n   :summary: Summary {number}.\n"
            f"   :category: Group {number % 12}\n{related}\n   Text.\n"
        )
    (source / "entries.rst").write_text("\n".join(lines), encoding="utf-8")
    (source / "refs.rst").write_text("References\n==========\n\n:concept:`Concept number 1`\n", encoding="utf-8")
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp("html", srcdir=source, confoverrides={"html_theme": "alabaster"})
    app.build()
    outdir = Path(app.outdir)
    app.cleanup()
    reader = Reader(browser, outdir, viewport={"width": 1280, "height": 900})
    page = reader.open("concepts/map")
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll('svg.concept-map-svg a text')).map(t => {
            const r = t.getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom, parseFloat(getComputedStyle(t).fontSize)];
        })"""
    )
    assert len(boxes) == 200
    assert min(size for *_box, size in boxes) >= 10  # not shrunk to fit
    # Rotated labels have axis-aligned boxes larger than the text; compare their
    # centres on the circle instead: no two closer than one line of text.
    centres = page.evaluate(
        """() => Array.from(document.querySelectorAll('svg.concept-map-svg circle')).map(c => {
            const r = c.getBoundingClientRect();
            return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
        })"""
    )
    closest = min(
        ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5
        for index, (ax, ay) in enumerate(centres)
        for bx, by in centres[index + 1 :]
    )
    assert closest >= 12
    reader.shoot("alabaster-light-map-200")
    # The picture scrolls inside its box; the page itself does not overflow.
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    reader.close()


# -- colour arithmetic (WCAG 2 relative luminance and contrast) -------------------


def _channels(colour: str) -> tuple[float, float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", colour)]
    if colour.startswith("color(srgb"):
        red, green, blue = values[:3]
        alpha = values[3] if len(values) > 3 else 1.0
        return red, green, blue, alpha
    red, green, blue = (v / 255 for v in values[:3])
    return red, green, blue, values[3] if len(values) > 3 else 1.0


def _luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue, _alpha = _channels(colour)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _colour(page: Any, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("e => getComputedStyle(e).color"))


def _page_background(page: Any) -> str:
    """The first opaque background behind the main text."""
    return str(
        page.evaluate(
            """() => {
                let e = document.querySelector('.concept') || document.body;
                for (; e; e = e.parentElement) {
                    const c = getComputedStyle(e).backgroundColor;
                    if (c && c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c)) return c;
                }
                return 'rgb(255, 255, 255)';
            }"""
        )
    )
