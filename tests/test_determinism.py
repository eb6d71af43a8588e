"""The same sources give the same bytes: across clean builds, hash seeds and -j."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOTS, skip_without_root_dependencies

#: Differ between any two builds, with or without the extension.
VOLATILE = {".buildinfo"}


def _build(root: str, destination: Path, seed: str, *extra: str) -> dict[str, bytes]:
    skip_without_root_dependencies(root)
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


_REVERSED_LISTING = """
import os, sys
_scandir, _listdir = os.scandir, os.listdir

class _Reversed:
    def __init__(self, path='.'):
        with _scandir(path) as entries:
            self._entries = sorted(entries, key=lambda entry: entry.name, reverse=True)
    def __iter__(self):
        return self
    def __next__(self):
        if not self._entries:
            raise StopIteration
        return self._entries.pop(0)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def close(self):
        pass

os.scandir = _Reversed
os.listdir = lambda path='.': sorted(_listdir(path), reverse=True)
from sphinx.cmd.build import main
sys.exit(main(sys.argv[1:]))
"""


def test_output_does_not_depend_on_the_order_files_are_listed_in(tmp_path):
    forward = _build("pages", tmp_path / "a", "0")
    shutil.copytree(ROOTS / "test-pages", tmp_path / "b" / "src")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _REVERSED_LISTING,
            "-q",
            "-b",
            "html",
            str(tmp_path / "b" / "src"),
            str(tmp_path / "b" / "out"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "b" / "out"
    backward = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".doctrees" not in p.parts and p.name not in VOLATILE
    }
    assert forward.keys() == backward.keys()
    assert [name for name in forward if forward[name] != backward[name]] == []
