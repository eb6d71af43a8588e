"""``concepts_sources``: concept entries that live in data files.

Each pattern names files relative to the source folder, such as
``"library/*.txt"``. Plain-text entry files become documents of their own,
read by :mod:`sphinx_concepts.textsource`, so Sphinx tracks, rebuilds and
searches them like any page. Other files with the same suffix that no pattern
matches are kept out of the project (a ``requirements.txt`` is no document).
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sphinx.util.matching import Matcher

from .diagnostics import WarningSubtype, warn
from .textsource import FILE_TYPE, TEXT_ENTRY_DIRECTIVE, TextEntryDirective, make_text_parser

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["register_sources"]

#: Suffixes read as plain-text concept entries.
TEXT_SUFFIXES = (".txt",)


def _taken(suffix: str, source_suffix: object) -> bool:
    """Whether the project already reads *suffix* as something else."""
    if isinstance(source_suffix, dict):
        # Ours when an earlier application in this process left it there (Sphinx
        # merges extension suffixes into the default dict in place).
        return bool(source_suffix.get(suffix, FILE_TYPE) != FILE_TYPE)
    if isinstance(source_suffix, str):
        return source_suffix == suffix
    return isinstance(source_suffix, (list, tuple)) and suffix in source_suffix


def register_sources(app: Sphinx, config: Config) -> None:
    """``config-inited``: make the files of ``concepts_sources`` documents."""
    patterns = config.concepts_sources
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, (list, tuple)) or not all(isinstance(p, str) for p in patterns):
        warn(WarningSubtype.CONFIG, f"concepts_sources must be a list of file patterns, not {patterns!r}", None)
        patterns = []
    text_patterns = []
    for pattern in patterns:
        suffix = PurePosixPath(pattern).suffix
        if suffix in TEXT_SUFFIXES:
            text_patterns.append(pattern.lstrip("/"))
        else:
            warn(
                WarningSubtype.CONFIG,
                f"concepts_sources: no reader for {pattern!r}; plain-text entry files end in "
                f"{', '.join(TEXT_SUFFIXES)}",
                None,
            )
    config.concepts_sources = text_patterns
    if not text_patterns:
        return
    if _taken(".txt", config.source_suffix):
        warn(
            WarningSubtype.CONFIG,
            "concepts_sources: '.txt' is already in source_suffix, so .txt files cannot be "
            "read as concept entries; rename the entry files or the documents",
            None,
        )
        config.concepts_sources = []
        return
    if "myst_parser" not in app.extensions:
        app.setup_extension("myst_parser")  # entry bodies are Markdown
    app.add_source_suffix(".txt", FILE_TYPE)
    app.add_source_parser(make_text_parser())
    app.add_directive(TEXT_ENTRY_DIRECTIVE, TextEntryDirective)
    # Other .txt files must not become documents.
    others = _unmatched_files(Path(app.srcdir), ".txt", Matcher(text_patterns), Matcher(config.exclude_patterns))
    config.exclude_patterns = [*config.exclude_patterns, *others]


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
