"""A -j worker does not hoard Sphinx's event debug records (see ``eventlog``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOTS, skip_without_root_dependencies
from sphinx import events

#: Appended to the root's conf.py: each page written by a worker process records
#: how many event debug records that worker holds in its log buffer by then.
PROBE = """

import logging as _logging
import os as _os

from sphinx.util.logging import MemoryHandler as _MemoryHandler

_MAIN = _os.getpid()


def _count_buffered(app, pagename, templatename, context, doctree):
    if _os.getpid() == _MAIN:
        return
    buffers = [h.buffer for h in _logging.getLogger("sphinx").handlers if isinstance(h, _MemoryHandler)]
    held = sum(1 for buffer in buffers for record in buffer if "emitting event" in str(record.msg))
    probe = _os.path.join(app.outdir, "_probe")
    _os.makedirs(probe, exist_ok=True)
    with open(_os.path.join(probe, pagename.replace("/", "_")), "w") as file:
        file.write(f"{len(buffers)} {held}")


def setup(app):
    app.connect("html-page-context", _count_buffered)
"""


def _worker_counts(tmp_path: Path, *options: str) -> dict[str, tuple[int, int]]:
    skip_without_root_dependencies("parallel")
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-parallel", src)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(PROBE)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-j", "2", *options, str(src), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    counts = {}
    for path in (out / "_probe").iterdir():
        buffers, held = path.read_text().split()
        counts[path.name] = (int(buffers), int(held))
    return counts


def test_a_parallel_writer_holds_no_event_debug_records(tmp_path):
    counts = _worker_counts(tmp_path, "-q")
    assert len(counts) >= 5  # pages were written by a worker, buffering its logs
    assert all(buffers == 1 for buffers, _ in counts.values())
    assert {held for _, held in counts.values()} == {0}


def test_with_debug_output_asked_for_they_are_kept(tmp_path):
    counts = _worker_counts(tmp_path, "-vv")
    # The probe can see them: the test above would fail without the filter.
    assert all(held > 0 for _, held in counts.values())


def test_the_filter_is_gone_after_the_build(project):
    project("parallel").build()
    # Another build in this process (with -vv, say) gets the event logger as it was.
    assert events.logger.logger.filters == []
