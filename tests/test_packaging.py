"""The project as users get it: Read the Docs builds the docs, the wheel holds what it needs."""

from __future__ import annotations

import pytest

pytest.importorskip("yaml")

import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[1]


def test_read_the_docs_builds_the_docs_as_its_configuration_says(tmp_path):
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    sphinx = config["sphinx"]
    assert sphinx["fail_on_warning"] is True
    assert config["python"]["install"] == [{"method": "pip", "path": ".", "extra_requirements": ["docs"]}]
    confdir = (ROOT / sphinx["configuration"]).parent
    # The command Read the Docs runs for a Sphinx project with fail_on_warning.
    command = [
        sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", sphinx["builder"],
        "-d", str(tmp_path / "doctrees"), "-D", "language=en", ".", str(tmp_path / "html"),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=confdir, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "html" / "concepts" / "index.html").is_file()
    assert (tmp_path / "html" / "concepts.json").is_file()


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """A wheel and an sdist, built from a copy of the sources as a release would be."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    return next(dist.glob("sphinx_concepts-*.whl"))


def test_twine_accepts_the_wheel_and_the_sdist(dist):
    files = sorted(str(p) for p in dist.iterdir())
    assert any(f.endswith(".tar.gz") for f in files) and any(f.endswith(".whl") for f in files)
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_sdist_holds_tests_and_docs(dist):
    import tarfile

    sdist = next(dist.glob("sphinx_concepts-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    assert any(n.endswith("tests/test_pages.py") for n in names)
    assert any(n.endswith("docs/library/ai-foundation-models.txt") for n in names)
    assert not any("/_build/" in n or "/.venv/" in n for n in names)


def test_the_wheel_holds_code_assets_and_type_information(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata_text = archive.read(next(n for n in names if n.endswith("METADATA"))).decode("utf-8")
    assert "sphinx_concepts/__init__.py" in names
    assert "sphinx_concepts/static/sphinx-concepts.css" in names
    assert "sphinx_concepts/static/sphinx-concepts.js" in names
    assert "sphinx_concepts/py.typed" in names
    for language in ("de", "fr", "es"):
        assert f"sphinx_concepts/locales/{language}/LC_MESSAGES/sphinx_concepts.mo" in names
    assert not any(name.startswith(("tests/", "docs/")) for name in names)
    text = metadata_text
    from sphinx_concepts import __version__

    assert f"Version: {__version__}" in text
    assert "Provides-Extra: myst" in text and "Provides-Extra: icu" in text
