"""Benchmark sphinx-concepts against plain Sphinx and sphinx-needs on the same content.

    python benchmarks/run.py --sizes 1000 5000 --per-doc 1 50 --repeats 3 \\
        --out benchmarks/results/results.json
    python benchmarks/run.py --quick                  # small N, 1 repeat, for development
    python benchmarks/run.py --sizes 1000 --per-doc 1 --profile

For each size N and K concepts per document, the three projects are generated
once; then, per repeat, every measure is taken for every encoding before the
next measure, the encodings in a rotating order (A/B/C, B/C/A, ...), so a slow
drift of the machine spreads over all of them. See README.md for the measures.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import EDITS, ENCODINGS, Corpus, apply_edit, edit_marker, generate, write_project  # noqa: E402
from report import format_run  # noqa: E402

#: sphinx-needs is left out from this size on, by design (its builds take too long).
NEEDS_MAX_N = 10_000
#: "none" rebuilds with nothing changed: the floor of an incremental build.
INCREMENTAL = ("none", *EDITS)
QUICK_SIZES = [200]


class Project:
    """One encoding's project: sources, build folders, and a snapshot of a completed build."""

    def __init__(self, root: Path, encoding: str) -> None:
        self.encoding = encoding
        self.root = root / encoding
        self.src = self.root / "src"
        self.html = self.root / "_build" / "html"
        self.doctrees = self.root / "_build" / "doctrees"
        self.snapshot = root / f"{encoding}.snapshot"

    def clean(self) -> None:
        shutil.rmtree(self.root / "_build", ignore_errors=True)

    def save(self) -> None:
        """Keep the sources and build as they are now, modification times included."""
        shutil.rmtree(self.snapshot, ignore_errors=True)
        shutil.copytree(self.root, self.snapshot, symlinks=True)

    def restore(self) -> None:
        # Restored at the same path: sphinx-concepts keys its output record by the
        # output folder's path, and Sphinx compares modification times, which
        # copytree keeps; so the restored build is "freshly completed" to both.
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.copytree(self.snapshot, self.root, symlinks=True)


def run_build(project: Project, jobs: int, logdir: Path, label: str, options: Sequence[str] = ()) -> dict[str, Any]:
    """Build in a fresh interpreter (``_build.py``) and return its report."""
    result = logdir / f"{project.encoding}-{label}.json"
    log = logdir / f"{project.encoding}-{label}.log"
    command = [sys.executable, str(HERE / "_build.py"), str(project.src), str(project.html), str(project.doctrees)]
    command += ["--jobs", str(jobs), "--result", str(result), *options]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as output:
        done = subprocess.run(command, stdout=output, stderr=subprocess.STDOUT, env=env, check=False)
    process_seconds = time.perf_counter() - start
    if not result.is_file() or (done.returncode and "--fail-on-warning" not in options):
        raise RuntimeError(f"build failed ({project.encoding}, {label}); see {log}:\n{log.read_text()[-3000:]}")
    report: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    report["process_seconds"] = process_seconds
    report["jobs"] = jobs
    if report["warnings"]:
        print(f"    {report['warnings']} warnings in {project.encoding} {label}: {report['warning_lines'][0]}")
    return report


def folder_bytes(path: Path, suffix: str | None = None, exclude: str | None = None) -> int:
    return sum(
        f.stat().st_size
        for f in path.rglob("*")
        if f.is_file() and (suffix is None or f.suffix == suffix) and (exclude is None or f.suffix != exclude)
    )


def pages_containing(html: Path, text: str) -> int:
    needle = text.encode("utf-8")
    return sum(1 for page in html.rglob("*.html") if needle in page.read_bytes())


def sizes(project: Project) -> dict[str, Any]:
    """Output and environment sizes of a completed build."""
    pickle = project.doctrees / "environment.pickle"
    others = {
        str(f.relative_to(project.doctrees)): f.stat().st_size
        for f in sorted(project.doctrees.rglob("*"))
        if f.is_file() and f.suffix != ".doctree" and f != pickle
    }
    return {
        "html_bytes": folder_bytes(project.html),
        "html_files": sum(1 for f in project.html.rglob("*.html")),
        "env_pickle_bytes": pickle.stat().st_size,
        "doctree_bytes": folder_bytes(project.doctrees, suffix=".doctree"),
        "other_doctreedir_bytes": sum(others.values()),
        "other_doctreedir_files": dict(list(others.items())[:20]),
    }


def rotated(items: Sequence[str], repeat: int) -> list[str]:
    shift = repeat % len(items)
    return [*items[shift:], *items[:shift]]


def summarise(raw: dict[str, dict[str, list[dict[str, Any]]]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Medians per measure and encoding, and time and memory ratios to ``plain``."""
    medians: dict[str, Any] = {}
    ratios: dict[str, Any] = {}
    for measure, by_encoding in raw.items():
        medians[measure] = {
            encoding: {
                "seconds": statistics.median(r["seconds"] for r in reports),
                "process_seconds": statistics.median(r["process_seconds"] for r in reports),
                "maxrss_mib": statistics.median(
                    max(r["maxrss_self_kib"], r["maxrss_children_kib"]) / 1024 for r in reports
                ),
                "read": statistics.median(r["read"] for r in reports),
                "written": statistics.median(r["written"] for r in reports),
                "warnings": max(r["warnings"] for r in reports),
                **(
                    {"pages_showing_edit": statistics.median(r["pages_showing_edit"] for r in reports)}
                    if "pages_showing_edit" in reports[0]
                    else {}
                ),
            }
            for encoding, reports in by_encoding.items()
        }
        floor = medians[measure].get("plain")
        if floor:
            ratios[measure] = {
                encoding: {
                    "seconds": m["seconds"] / floor["seconds"],
                    "maxrss": m["maxrss_mib"] / floor["maxrss_mib"],
                }
                for encoding, m in medians[measure].items()
            }
    return medians, ratios


def bench_case(n: int, per_doc: int, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """All measures for one (N, K)."""
    encodings = [e for e in args.encodings if not (e == "needs" and n > NEEDS_MAX_N)]
    root = workdir / f"n{n}-k{per_doc}"
    logdir = root / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    corpus = generate(n, per_doc)
    projects = {e: Project(root, e) for e in encodings}
    source_files = {e: len(write_project(p.src, e, corpus)) for e, p in projects.items()}
    options = ["--fail-on-warning"] if args.strict else []
    raw: dict[str, dict[str, list[dict[str, Any]]]] = {}
    touched: dict[str, dict[str, list[str]]] = {}
    size_report: dict[str, Any] = {}

    def record(measure: str, encoding: str, report: dict[str, Any]) -> None:
        raw.setdefault(measure, {}).setdefault(encoding, []).append(report)
        print(
            f"    {measure:<18} {encoding:<9} {report['seconds']:8.2f}s  "
            f"read {report['read']:>6}  written {report['written']:>6}"
        )

    for repeat in range(args.repeats):
        order = rotated(encodings, repeat)
        print(f"  N={n} K={per_doc} repeat {repeat + 1}/{args.repeats}: {' / '.join(order)}")
        for encoding in order:
            project = projects[encoding]
            if project.snapshot.exists():
                project.restore()  # the sources as generated: the last edit changed them
            project.clean()
            record("full_j1", encoding, run_build(project, 1, logdir, f"full-j1-r{repeat}", options))
            size_report[encoding] = sizes(project)
            project.save()
        for encoding in order:
            project = projects[encoding]
            project.clean()
            record("full_j2", encoding, run_build(project, 2, logdir, f"full-j2-r{repeat}", options))
        for edit in (e for e in INCREMENTAL if e == "none" or e in args.edits):
            for encoding in order:
                project = projects[encoding]
                project.restore()
                files = [] if edit == "none" else apply_edit(project.src, encoding, corpus, edit)
                touched.setdefault(edit, {})[encoding] = files
                report = run_build(project, 1, logdir, f"edit-{edit}-r{repeat}", options)
                if marker := edit_marker(corpus, edit):
                    # A page that should show the edit but does not is stale output.
                    report["pages_showing_edit"] = pages_containing(project.html, marker)
                record(f"edit_{edit}", encoding, report)
    clean_counts = verify_output(projects, corpus, args, logdir) if args.verify_output else {}
    medians, ratios = summarise(raw)
    for measure, by_encoding in clean_counts.items():
        for encoding, count in by_encoding.items():
            medians[measure][encoding]["pages_showing_edit_clean"] = count
    return {
        "n": n,
        "per_doc": per_doc,
        "encodings": encodings,
        "source_files": source_files,
        "touched": touched,
        "sizes": size_report,
        "median": medians,
        "ratio": ratios,
        "raw": raw,
    }


def verify_output(
    projects: dict[str, Project], corpus: Corpus, args: argparse.Namespace, logdir: Path
) -> dict[str, dict[str, int]]:
    """Pages showing each edit after a clean build of the edited sources (not timed).

    Compared with the same count after the incremental build, this tells whether
    an incremental build left pages stale.
    """
    counts: dict[str, dict[str, int]] = {}
    for edit in args.edits:
        marker = edit_marker(corpus, edit)
        if marker is None:
            continue
        for encoding, project in projects.items():
            project.restore()
            apply_edit(project.src, encoding, corpus, edit)
            project.clean()
            run_build(project, 1, logdir, f"verify-{edit}")
            counts.setdefault(f"edit_{edit}", {})[encoding] = pages_containing(project.html, marker)
    return counts


def environment() -> dict[str, Any]:
    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    meminfo = Path("/proc/meminfo")
    total = meminfo.read_text().split("\n")[0] if meminfo.exists() else None
    return {
        "python": sys.version,
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory": total,
        "packages": {
            name: version(name)
            for name in ("sphinx", "sphinx-concepts", "sphinx-needs", "docutils", "myst-parser", "sphinx-design")
        },
        "pythonhashseed": "0",
        "sphinx_concepts_source_digest": _source_digest(),
    }


def _source_digest() -> str | None:
    """A digest of the extension's source files: which state of the code was measured."""
    try:
        import sphinx_concepts
    except ImportError:
        return None
    package = Path(sphinx_concepts.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def profile(n: int, per_doc: int, args: argparse.Namespace, workdir: Path) -> None:
    """Build the ``concepts`` encoding once under cProfile; print and save the top entries."""
    root = workdir / f"profile-n{n}-k{per_doc}"
    logdir = root / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    corpus: Corpus = generate(n, per_doc)
    project = Project(root, "concepts")
    write_project(project.src, "concepts", corpus)
    label = "full"
    if args.profile_edit:
        run_build(project, 1, logdir, "before-edit")
        apply_edit(project.src, "concepts", corpus, args.profile_edit)
        label = f"edit-{args.profile_edit}"
    stats_file = args.out.parent / f"profile-concepts-n{n}-k{per_doc}-{label}.prof"
    stats_file.parent.mkdir(parents=True, exist_ok=True)
    report = run_build(project, 1, logdir, f"profile-{label}", ["--profile", str(stats_file)])
    out = io.StringIO()
    out.write(f"concepts, N={n}, K={per_doc}, {label} build: {report['seconds']:.2f}s under cProfile\n")
    for order in ("cumulative", "tottime"):
        out.write(f"\n== top 30 by {order} ==\n")
        pstats.Stats(str(stats_file), stream=out).sort_stats(order).print_stats(30)
    # Shorter than full paths, and unlike strip_dirs() it keeps "sphinx/builders/__init__.py" apart
    # from the other __init__.py files.
    text = out.getvalue()
    for prefix in sorted({str(Path(p)) + os.sep for p in sys.path if p.endswith("-packages")}, key=len, reverse=True):
        text = text.replace(prefix, "")
    text = text.replace(str(HERE.parent) + os.sep, "")
    text_file = stats_file.with_suffix(".txt")
    text_file.write_text(text, encoding="utf-8")
    print(text)
    print(f"profile written to {stats_file} and {text_file}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="See benchmarks/README.md.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="numbers of concepts N")
    parser.add_argument("--per-doc", type=int, nargs="+", default=[1, 50], help="concepts per document K")
    parser.add_argument("--repeats", type=int, default=3, help="repeats per measure; medians are reported")
    parser.add_argument("--encodings", nargs="+", default=list(ENCODINGS), choices=ENCODINGS)
    parser.add_argument("--edits", nargs="+", default=list(EDITS), choices=EDITS)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "results.json", help="JSON results file")
    parser.add_argument(
        "--workdir", type=Path, help="folder for the projects (default: a new temp folder, removed after)"
    )
    parser.add_argument("--quick", action="store_true", help=f"N={QUICK_SIZES}, 1 repeat: a fast check of the harness")
    parser.add_argument("--strict", action="store_true", help="fail on any warning (as sphinx-build -W --keep-going)")
    parser.add_argument(
        "--verify-output",
        action="store_true",
        help="also build each edited project from clean (untimed), to detect stale incremental output",
    )
    parser.add_argument("--profile", action="store_true", help="only profile one build of the concepts encoding")
    parser.add_argument("--profile-edit", choices=EDITS, help="with --profile: profile the rebuild after this edit")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeats = QUICK_SIZES, 1
    args.out = args.out.resolve()

    workdir = args.workdir.resolve() if args.workdir else Path(tempfile.mkdtemp(prefix="concepts-bench-"))
    if args.workdir and workdir.exists() and any(workdir.iterdir()):
        sys.exit(f"--workdir {workdir} is not empty; the benchmark starts from a clean folder")
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        if args.profile:
            for n in args.sizes:
                for per_doc in args.per_doc:
                    profile(n, per_doc, args, workdir)
            return
        results: dict[str, Any] = {"environment": environment(), "arguments": _arguments(args), "runs": []}
        started = time.perf_counter()
        for n in args.sizes:
            for per_doc in args.per_doc:
                run = bench_case(n, per_doc, args, workdir)
                results["runs"].append(run)
                results["total_seconds"] = time.perf_counter() - started
                args.out.parent.mkdir(parents=True, exist_ok=True)
                args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
                print(format_run(run))
        print(f"results written to {args.out}")
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def _arguments(args: argparse.Namespace) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items() if k != "workdir"}


if __name__ == "__main__":
    main()
