"""Readable tables of benchmark results: ``python benchmarks/report.py results.json``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

__all__ = ["format_markdown", "format_run"]

MEASURES = {
    "full_j1": "full build -j1",
    "full_j2": "full build -j2",
    "edit_none": "rebuild, no change",
    "edit_explanation": "edit explanation",
    "edit_summary": "edit summary",
    "edit_tags": "change tags",
    "edit_add": "add concept",
}
SIZES = {
    "html_bytes": "html output",
    "env_pickle_bytes": "environment.pickle",
    "doctree_bytes": "*.doctree files",
    "other_doctreedir_bytes": "other doctreedir files",
}


def _ratio(value: float, floor: float | None) -> str:
    return f" x{value / floor:4.2f}" if floor else ""


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _shown(cell: dict[str, Any]) -> str:
    """Pages that show the edit after the incremental build (/ after a clean build, if verified)."""
    clean = cell.get("pages_showing_edit_clean")
    return f"{cell['pages_showing_edit']:g}" + ("" if clean is None else f" (clean: {clean})")


def format_run(run: dict[str, Any]) -> str:
    """Times, ratios to ``plain``, documents read/written, memory and sizes of one (N, K)."""
    encodings: list[str] = run["encodings"]
    median: dict[str, Any] = run["median"]
    times, counts, memory = [], [], []
    for measure, title in MEASURES.items():
        if measure not in median:
            continue
        floor = median[measure].get("plain")
        cells = median[measure]
        times.append(
            [
                title,
                *(
                    f"{cells[e]['seconds']:7.2f}s{_ratio(cells[e]['seconds'], floor and floor['seconds'])}"
                    for e in encodings
                ),
            ]
        )
        counts.append([title, *(f"{cells[e]['read']:g} / {cells[e]['written']:g}" for e in encodings)])
        memory.append(
            [
                title,
                *(
                    f"{cells[e]['maxrss_mib']:6.0f}{_ratio(cells[e]['maxrss_mib'], floor and floor['maxrss_mib'])}"
                    for e in encodings
                ),
            ]
        )
    touched = run.get("touched", {})
    files = [
        [f"files edited: {edit}", *(str(len(touched[edit].get(e, []))) for e in encodings)]
        for edit in touched
        if edit != "none"
    ]
    shown = [
        [f"pages showing edit: {MEASURES[m]}", *(_shown(median[m][e]) for e in encodings)]
        for m in MEASURES
        if m in median and "pages_showing_edit" in median[m][encodings[0]]
    ]
    sizes = []
    for key, title in SIZES.items():
        floor = run["sizes"].get("plain", {}).get(key)
        sizes.append(
            [title, *(f"{run['sizes'][e][key] / 2**20:8.2f}{_ratio(run['sizes'][e][key], floor)}" for e in encodings)]
        )
    warnings = sum(cells[e]["warnings"] for cells in median.values() for e in encodings)
    title = f"N={run['n']} K={run['per_doc']}  (median; xR = ratio to plain; {warnings} warnings)"
    return (
        "\n\n".join(
            [
                title,
                _table(["wall time", *encodings], times),
                _table(["documents read / pages written", *encodings], [*counts, *files, *shown]),
                _table(["peak RSS (MiB)", *encodings], memory),
                _table(["size (MiB, after full build)", *encodings], sizes),
            ]
        )
        + "\n"
    )


ENCODING_NAMES = {"concepts": "sphinx-concepts", "plain": "plain Sphinx", "needs": "sphinx-needs"}


def format_markdown(results: dict[str, Any]) -> str:
    """One Markdown table per (N, K): median seconds, ratio to plain, pages written."""
    parts = []
    for run in results["runs"]:
        encodings: list[str] = run["encodings"]
        median: dict[str, Any] = run["median"]
        header = ["", *(ENCODING_NAMES.get(e, e) for e in encodings)]
        rows = []
        for measure, title in MEASURES.items():
            if measure not in median:
                continue
            cells = median[measure]
            floor = cells.get("plain", {}).get("seconds")
            rows.append(
                [
                    title,
                    *(
                        f"{cells[e]['seconds']:.2f} s{_ratio(cells[e]['seconds'], floor)}"
                        + ("" if measure.startswith("full") else f" ({cells[e]['written']:g} written)")
                        for e in encodings
                    ),
                ]
            )
        for measure, title in (("full_j1", "peak memory, full -j1"), ("full_j2", "peak memory, full -j2")):
            if measure not in median:
                continue
            # -j2: the largest process, the main one or a worker.
            rss = {e: median[measure][e]["maxrss_mib"] for e in encodings}
            floor_rss = rss.get("plain")
            rows.append([title, *(f"{rss[e]:.0f} MiB{_ratio(rss[e], floor_rss)}" for e in encodings)])
        for key in ("env_pickle_bytes", "html_bytes"):
            floor_size = run["sizes"].get("plain", {}).get(key)
            rows.append(
                [
                    SIZES[key],
                    *(
                        f"{run['sizes'][e][key] / 2**20:.1f} MiB{_ratio(run['sizes'][e][key], floor_size)}"
                        for e in encodings
                    ),
                ]
            )
        repeats = len(next(iter(run["raw"]["full_j1"].values())))
        lines = [
            f"**N = {run['n']:,} concepts, K = {run['per_doc']} per document** "
            f"(median of {repeats}; x: ratio to plain Sphinx)",
            "",
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in rows),
        ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("results", type=Path)
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown, for the docs")
    args = parser.parse_args()
    results = json.loads(args.results.read_text(encoding="utf-8"))
    for run in results["runs"]:
        print(format_run(run))
    if args.markdown:
        args.markdown.write_text(format_markdown(results), encoding="utf-8")


if __name__ == "__main__":
    main()
