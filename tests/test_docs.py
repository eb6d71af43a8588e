"""The documentation builds as the README's first command builds it: no warnings."""

from __future__ import annotations

import pytest

pytest.importorskip("myst_parser")

import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize("buildername", ["html", "text"])
def test_docs_build_without_warnings(tmp_path, buildername):
    out = tmp_path / buildername
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-n",
            "-q",
            "-b",
            buildername,
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    if buildername == "html":
        # The example entry is in the demo library, with its aliases as targets.
        page = next(out.rglob("ai-foundation-models.html")).read_text(encoding="utf-8")
        assert "Base Models" in page
        assert "concept-page" in page
