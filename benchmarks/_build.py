"""Run one Sphinx html build in this process and report what it did, as JSON.

The runner starts this script once per build, so each build has a fresh
interpreter and its own peak memory (``getrusage``: this process, and the
parallel workers it forked and waited for)::

    python benchmarks/_build.py SRC OUT DOCTREES --jobs 2 --result build.json

The result holds the wall time of ``Sphinx(...)`` plus ``build()`` (start-up of
the interpreter and imports excluded), the warnings, how many documents were
read and how many pages written.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.console import nocolor

#: How many docnames to keep in the result, to see which ones without bloating it.
SAMPLE = 20


class WarningCounter(io.StringIO):
    """A warning stream that counts warnings and passes them on to stderr."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.lines: list[str] = []

    def write(self, text: str) -> int:
        for line in text.splitlines():
            if "WARNING:" in line or "ERROR:" in line or "CRITICAL:" in line:
                self.count += 1
                self.lines.append(line)
        sys.stderr.write(text)
        return len(text)


def _install_counters(app: Sphinx, pages_log: Path, read: list[str]) -> None:
    def before_read(_app: Sphinx, _env: Any, docnames: list[str]) -> None:
        # Late priority: after sphinx-concepts drops its generated pages from the list.
        read.extend(docnames)

    def page_context(_app: Sphinx, pagename: str, *_args: Any) -> None:
        # Parallel writes happen in forked workers, so count through an append-only
        # file: lines shorter than PIPE_BUF are appended atomically.
        fd = os.open(pages_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, (pagename + "\n").encode("utf-8"))
        finally:
            os.close(fd)

    app.connect("env-before-read-docs", before_read, priority=900)
    app.connect("html-page-context", page_context, priority=900)


def build(args: argparse.Namespace) -> dict[str, Any]:
    pages_log = Path(f"{args.result}.pages")
    pages_log.unlink(missing_ok=True)
    read: list[str] = []
    warnings = WarningCounter()
    profiler = cProfile.Profile() if args.profile else None
    nocolor()  # plain warning text in the result
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    app = Sphinx(
        srcdir=args.src,
        confdir=args.src,
        outdir=args.out,
        doctreedir=args.doctrees,
        buildername="html",
        status=sys.stdout if args.verbose else None,
        warning=warnings,
        parallel=args.jobs,
    )
    _install_counters(app, pages_log, read)
    app.build()
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    if profiler:
        profiler.dump_stats(args.profile)
    written = pages_log.read_text(encoding="utf-8").split() if pages_log.exists() else []
    pages_log.unlink(missing_ok=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "seconds": seconds,
        "status": app.statuscode,
        "warnings": warnings.count,
        "warning_lines": warnings.lines[:SAMPLE],
        "read": len(read),
        "read_sample": sorted(read)[:SAMPLE],
        "written": len(written),
        "written_sample": sorted(written)[:SAMPLE],
        # Linux reports KiB. The workers' peak is that of the largest one.
        "maxrss_self_kib": own,
        "maxrss_children_kib": children,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("doctrees", type=Path)
    parser.add_argument("--jobs", type=int, default=1, help="Sphinx -j")
    parser.add_argument("--result", type=Path, required=True, help="JSON file to write the result to")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the build here")
    parser.add_argument("--fail-on-warning", action="store_true", help="exit 1 if any warning (as -W --keep-going)")
    parser.add_argument("--verbose", action="store_true", help="show Sphinx's status output")
    args = parser.parse_args()
    result = build(args)
    args.result.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if result["status"] or (args.fail_on_warning and result["warnings"]):
        sys.exit(1)


if __name__ == "__main__":
    main()
