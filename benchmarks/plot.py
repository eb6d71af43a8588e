"""Plot full-build time against N for the three encodings, from run.py's JSON.

    python benchmarks/plot.py benchmarks/results/results.json

writes ``build-time.svg`` and ``build-time.png`` next to the JSON (or to
``--out-dir``): one panel per K, ``-j 1`` clean builds, log-log axes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt
from matplotlib.ticker import LogLocator, NullFormatter, ScalarFormatter

STYLES = {
    "concepts": {"color": "#1f77b4", "marker": "o", "label": "sphinx-concepts"},
    "plain": {"color": "#555555", "marker": "s", "label": "plain Sphinx (floor)"},
    "needs": {"color": "#d62728", "marker": "^", "label": "sphinx-needs"},
}


def series(runs: list[dict[str, Any]], per_doc: int, measure: str) -> dict[str, list[tuple[int, float]]]:
    """(N, median seconds) per encoding, for one K."""
    points: dict[str, list[tuple[int, float]]] = {}
    for run in sorted(runs, key=lambda r: r["n"]):
        if run["per_doc"] != per_doc or measure not in run["median"]:
            continue
        for encoding, cell in run["median"][measure].items():
            points.setdefault(encoding, []).append((run["n"], cell["seconds"]))
    return points


def plot(results: dict[str, Any], out_dir: Path, measure: str = "full_j1") -> list[Path]:
    runs = results["runs"]
    per_docs = sorted({run["per_doc"] for run in runs})
    # Reproducible SVG: fixed ids and no creation date in the metadata.
    plt.rcParams["svg.hashsalt"] = "sphinx-concepts-benchmark"
    plt.rcParams["svg.fonttype"] = "none"
    fig, axes = plt.subplots(1, len(per_docs), figsize=(5 * len(per_docs), 4), sharey=True, squeeze=False)
    for ax, per_doc in zip(axes[0], per_docs, strict=True):
        for encoding, points in series(runs, per_doc, measure).items():
            ns, seconds = zip(*points, strict=True)
            ax.plot(ns, seconds, linewidth=1.5, **STYLES.get(encoding, {"label": encoding}))
        ax.set_xscale("log")
        ax.set_yscale("log")
        # Plain numbers at the measured sizes, not powers of ten.
        sizes = sorted({run["n"] for run in runs if run["per_doc"] == per_doc})
        ax.set_xticks(sizes, [f"{n:,}" for n in sizes])
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(ScalarFormatter())
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.set_title(f"{per_doc} concept{'s' if per_doc > 1 else ''} per document")
        ax.set_xlabel("concepts (N)")
        ax.grid(True, which="both", linewidth=0.3)
    axes[0][0].set_ylabel("clean html build, -j 1 (s, median)")
    axes[0][0].legend()
    env = results.get("environment", {}).get("packages", {})
    fig.suptitle(f"Sphinx {env.get('sphinx')}, sphinx-needs {env.get('sphinx-needs')}", fontsize=9)
    fig.tight_layout()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "build-time.svg", out_dir / "build-time.png"]
    fig.savefig(paths[0], metadata={"Date": None, "Creator": None})
    fig.savefig(paths[1], dpi=120, metadata={"Software": None})
    plt.close(fig)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="the JSON that run.py wrote")
    parser.add_argument("--out-dir", type=Path, help="default: the JSON's folder")
    parser.add_argument("--measure", default="full_j1", help="e.g. full_j2 or edit_summary")
    args = parser.parse_args()
    results = json.loads(args.results.read_text(encoding="utf-8"))
    for path in plot(results, args.out_dir or args.results.parent, args.measure):
        print(path)


if __name__ == "__main__":
    main()
