"""``concepts_sources``: concept entries that live in data files.

Each pattern names files relative to the source folder, such as
``"library/*.txt"`` or ``"data/terms.yaml"``. Plain-text entry files (``.txt``)
and YAML or JSON data files become documents of their own, read by
:mod:`sphinx_concepts.parsers`, so Sphinx tracks, rebuilds and searches them
like any page. Other files with the same suffix that no pattern matches are
kept out of the project (a ``requirements.txt`` is no document).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sphinx.util.matching import Matcher

from .diagnostics import WarningSubtype, warn
from .parsers import DATA_FILE_TYPE, FILE_TYPE, make_parsers

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["matcher", "register_sources"]

#: The file type each suffix of a concept file is read as.
FILE_TYPES = {".txt": FILE_TYPE, ".json": DATA_FILE_TYPE, ".yaml": DATA_FILE_TYPE, ".yml": DATA_FILE_TYPE}


def _taken(suffix: str, source_suffix: object) -> bool:
    """Whether the project already reads *suffix* as something else."""
    if isinstance(source_suffix, dict):
        # Ours when an earlier application in this process left it there (Sphinx
        # merges extension suffixes into the default dict in place).
        return bool(source_suffix.get(suffix, FILE_TYPES[suffix]) not in (FILE_TYPE, DATA_FILE_TYPE))
    if isinstance(source_suffix, str):
        return source_suffix == suffix
    return isinstance(source_suffix, (list, tuple)) and suffix in source_suffix


def register_sources(app: Sphinx, config: Config) -> None:
    """``config-inited``: make the files of ``concepts_sources`` documents."""
    items = config.concepts_sources
    if isinstance(items, (str, dict)):
        items = [items]
    if not isinstance(items, (list, tuple)):
        warn(WarningSubtype.CONFIG, f"concepts_sources must be a list of file patterns, not {items!r}", None)
        items = []
    by_suffix: dict[str, list[str]] = {}
    markdown: list[str] = []
    entry_pages: list[dict[str, str]] = []
    for item in items:
        pattern = _pattern(item)
        if pattern is None:
            continue
        if isinstance(item, dict) and item.get("layout") == "pages":
            if PurePosixPath(pattern).suffix.lower() in (".json", ".yaml", ".yml"):
                entry_pages.append({"files": pattern.lstrip("/"), "layout": "pages"})
            else:
                warn(
                    WarningSubtype.CONFIG,
                    f"concepts_sources: the 'pages' layout is for YAML and JSON files, not {pattern!r}",
                    None,
                )
        suffix = PurePosixPath(pattern).suffix.lower()
        if suffix == ".md":  # MyST pages whose front matter holds an entry (see frontmatter)
            markdown.append(pattern.lstrip("/"))
        elif suffix not in FILE_TYPES:
            warn(
                WarningSubtype.CONFIG,
                f"concepts_sources: no reader for {pattern!r}; concept files end in {', '.join([*FILE_TYPES, '.md'])}",
                None,
            )
        elif _taken(suffix, config.source_suffix):
            warn(
                WarningSubtype.CONFIG,
                f"concepts_sources: {suffix!r} is already in source_suffix, so {pattern!r} cannot be read as "
                "concept entries; rename the concept files or the documents",
                None,
            )
        else:
            by_suffix.setdefault(suffix, []).append(pattern.lstrip("/"))
    plain = [pattern for patterns in by_suffix.values() for pattern in patterns]
    paged = {item["files"] for item in entry_pages}
    config.concepts_sources = [*markdown, *(p for p in plain if p not in paged), *entry_pages]
    if not config.concepts_sources:
        return
    if "myst_parser" not in app.extensions:
        app.setup_extension("myst_parser")  # entry bodies are Markdown
    if not by_suffix:
        return
    for parser in make_parsers():
        app.add_source_parser(parser)
    excluded = Matcher(config.exclude_patterns)
    others: list[str] = []
    for suffix, suffix_patterns in by_suffix.items():
        app.add_source_suffix(suffix, FILE_TYPES[suffix])
        # Files with the suffix that no pattern names are no documents.
        others += _unmatched_files(Path(app.srcdir), suffix, Matcher(suffix_patterns), excluded)
    config.exclude_patterns = [*config.exclude_patterns, *others]


@functools.cache
def matcher(patterns: tuple[str, ...]) -> Matcher:
    """The matcher of some ``concepts_sources`` patterns, made once per build."""
    return Matcher(list(patterns))


def _pattern(item: object) -> str | None:
    """The file pattern of a ``concepts_sources`` item: a string, or a dict with ``files``."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and isinstance(item.get("files"), str):
        unknown = sorted(set(item) - {"files", "layout"})
        layout = item.get("layout", "page")
        if unknown or layout not in ("page", "pages"):
            warn(
                WarningSubtype.CONFIG,
                f"concepts_sources: {item!r} may have only 'files' and 'layout' ('page' or 'pages')",
                None,
            )
        return str(item["files"])
    warn(WarningSubtype.CONFIG, f"concepts_sources: {item!r} is neither a file pattern nor a dict with 'files'", None)
    return None


def _unmatched_files(srcdir: Path, suffix: str, wanted: Matcher, excluded: Matcher) -> list[str]:
    """Files with *suffix* that no pattern wants, outside excluded folders (``_build``)."""
    found: list[str] = []
    for folder, subfolders, files in os.walk(srcdir):
        relative = Path(folder).relative_to(srcdir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        subfolders[:] = sorted(d for d in subfolders if not excluded(prefix + d) and not d.startswith("."))
        found.extend(
            prefix + name
            for name in sorted(files)
            if name.endswith(suffix) and not wanted(prefix + name) and not excluded(prefix + name)
        )
    return found
