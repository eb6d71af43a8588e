"""Shared fixtures: real Sphinx projects built from the test roots in ``roots/``."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def _available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def skip_without_root_dependencies(root: str) -> None:
    """Skip a test whose project needs an optional dependency that is not installed.

    The core works without myst-parser and sphinx-design (``tox -e core`` proves it);
    projects in MyST, with concept files, or with sphinx-design need them.
    """
    conf = (ROOTS / f"test-{root}" / "conf.py").read_text(encoding="utf-8")
    if ("myst_parser" in conf or "concepts_sources" in conf) and not _available("myst_parser"):
        pytest.skip("needs myst-parser")
    if "sphinx_design" in conf and not _available("sphinx_design"):
        pytest.skip("needs sphinx-design")


class Project:
    """A copy of a test root that can be built, edited and built again."""

    def __init__(self, make_app: Callable[..., SphinxTestApp], srcdir: Path, apps: list[SphinxTestApp]) -> None:
        self._make_app = make_app
        self.srcdir = srcdir
        self._apps = apps

    def build(
        self,
        buildername: str = "html",
        *,
        confoverrides: dict[str, Any] | None = None,
        parallel: int = 0,
        freshenv: bool = False,
        builddir: Path | None = None,
    ) -> SphinxTestApp:
        # An app registers nodes and directives globally in docutils until it is
        # cleaned up; the next one would warn that they are registered already.
        while self._apps:
            self._apps.pop().cleanup()
        app = self._make_app(
            buildername,
            srcdir=self.srcdir,
            builddir=builddir,
            confoverrides=confoverrides or {},
            parallel=parallel,
            freshenv=freshenv,
        )
        self._apps.append(app)
        app.build()
        return app

    def write(self, name: str, text: str) -> None:
        (self.srcdir / name).write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.srcdir / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def project(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Callable[..., Project]:
    """``project("entries-rst")`` copies ``roots/test-entries-rst`` and returns a Project."""
    apps: list[SphinxTestApp] = []

    def copy(root: str, name: str | None = None) -> Project:
        skip_without_root_dependencies(root)
        srcdir = tmp_path / (name or root)
        shutil.copytree(ROOTS / f"test-{root}", srcdir)
        return Project(make_app, srcdir, apps)

    return copy


def build_copy(root: str, destination: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Copy a root to *destination* and build it once, for module-scoped fixtures.

    The caller calls ``app.cleanup()`` when done.
    """
    skip_without_root_dependencies(root)
    shutil.copytree(ROOTS / f"test-{root}", destination)
    app = SphinxTestApp(buildername, srcdir=destination, **kwargs)
    app.build()
    return app


def warnings_of(app: SphinxTestApp) -> list[str]:
    """The warning lines of a build, with the source folder written as ``SRC/``."""
    text = app.warning.getvalue()
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # colours, where the stream has them
    text = text.replace(str(app.srcdir) + "/", "SRC/")
    return [line for line in text.splitlines() if line.strip()]


def html_of(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def text_of(element: Any) -> str:
    """An element's text as a page shows it: white space collapsed (signatures split
    words into spans), tooltips (hidden until hovered) left out."""
    if element.select_one(".concept-tip") is not None:
        element = BeautifulSoup(str(element), "html.parser")
        for tip in element.select(".concept-tip"):
            tip.decompose()
    return " ".join(element.get_text().split())


def tooltip_of(link: Any) -> str | None:
    """The text of the tooltip that describes a link (``aria-describedby``), if any."""
    tip_id = link.get("aria-describedby")
    if not tip_id:
        return None
    tip = link.find_parent("html").find(id=tip_id)
    return None if tip is None else " ".join(tip.get_text(" ").split())
