"""The same sources give the same bytes: across clean builds, hash seeds and -j."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOTS

#: Differ between any two builds, with or without the extension.
VOLATILE = {".buildinfo"}


def _build(root: str, destination: Path, seed: str, *extra: str) -> dict[str, bytes]:
    shutil.copytree(ROOTS / f"test-{root}", destination / "src")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "html",
            *extra,
            str(destination / "src"),
            str(destination / "out"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = destination / "out"
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".doctrees" not in p.parts and p.name not in VOLATILE
    }


@pytest.mark.parametrize("root", ["pages", "datafiles", "adversarial"])
def test_clean_builds_are_byte_identical_whatever_the_hash_seed(tmp_path, root):
    first = _build(root, tmp_path / "a", "0")
    second = _build(root, tmp_path / "b", "4242", "-j", "2")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert "concepts.json" in first and "objects.inv" in first and "searchindex.js" in first
