"""MyST pages whose front matter declares a concept: one page per concept.

A Markdown page becomes a concept page when its front matter has a ``concept``
key (the name, or ``true`` with ``name`` or ``title``), or when the page matches
a ``.md`` pattern of ``concepts_sources`` and its front matter has a ``name`` or
``title``. The other fields are those of the directive (``summary``,
``aliases``, ``category``, ``tags``, ``related``) and the page's Markdown is the
explanation::

    ---
    concept: Vector Database
    summary: A database of embeddings.
    tags: [retrieval, search]
    ---
    A vector database answers nearest-neighbour queries.

At ``source-read`` the body is moved, with its line numbers, into one internal
``concept-text-entry`` directive, so the page renders exactly like an entry
written with the directive, and warnings keep their lines.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from .diagnostics import WarningSubtype, warn
from .parsers import TEXT_ENTRY_DIRECTIVE, fence_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["concept_page_source", "rewrite_concept_pages"]

_FRONT_MATTER = re.compile(r"\A(\ufeff?---[ \t]*\n)(.*?\n)(---[ \t]*)(\n|\Z)", re.DOTALL)
_CONCEPT_KEYS = ("summary", "aliases", "category", "tags", "related")


def concept_page_source(text: str, docname: str, by_pattern: bool) -> str | None:
    """The page rewritten as a concept page, or None when it is not one."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    import yaml  # PyYAML comes with MyST, which reads every page that gets here

    from .datafile import read_data_file

    try:
        front = yaml.safe_load(match.group(2))
    except yaml.YAMLError:
        return None  # MyST reports the front matter itself
    if not isinstance(front, dict):
        return None
    marker = front.get("concept")
    if marker is False or (marker is None and not by_pattern):
        return None
    if marker is None and not any(key in front for key in ("name", "title", *_CONCEPT_KEYS)):
        return None  # a page of the folder that declares nothing, such as its index
    fields: dict[str, Any] = {key: front[key] for key in _CONCEPT_KEYS if key in front}
    name = marker if isinstance(marker, str) else front.get("name") or front.get("title")
    fields["name"] = name
    # Read the fields as a one-entry data file, for the same checks and messages.
    entry_yaml = yaml.safe_dump([fields], allow_unicode=True, sort_keys=False)
    data = read_data_file(entry_yaml)
    first_line = text[: match.start(2)].count("\n") + 1
    for problem in data.problems:
        warn(WarningSubtype.DATA_FORMAT, f"front matter: {problem.message}", (docname, first_line))
    if not data.entries:
        return None
    entry = data.entries[0]

    head_end = match.end()
    body = text[head_end:]
    body_line = text[:head_end].count("\n") + 1
    lines = body.split("\n")
    # A heading that repeats the name is the page title the entry gives already.
    for index, line in enumerate(lines):
        if line.strip():
            if re.fullmatch(r"#\s+" + re.escape(entry.name) + r"\s*#*\s*", line.strip()):
                lines[index] = ""
            break
    payload: dict[str, Any] = {
        "name": entry.name,
        "summary": entry.summary,
        "aliases": entry.aliases,
        "category": entry.category,
        "tags": entry.tags,
        "related": entry.related,
        "lines": {},
        "line": first_line,
        "body": "\n".join(lines),
        "body_line": body_line,
        "split": False,
    }
    fence = fence_for(lines)
    blank_body = "\n" * (len(lines) - 1)
    directive = f"\n{fence}{{{TEXT_ENTRY_DIRECTIVE}}} {json.dumps(payload, ensure_ascii=False)}\n{fence}\n"
    return text[:head_end] + blank_body + directive


def rewrite_concept_pages(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: turn a Markdown page that declares a concept into its entry."""
    suffix = str(app.env.doc2path(docname, False)).rsplit(".", 1)[-1]
    if suffix != "md":
        return
    from sphinx.util.matching import Matcher

    patterns = [p for p in app.config.concepts_sources if isinstance(p, str) and p.endswith(".md")]
    by_pattern = bool(patterns) and Matcher(patterns)(str(app.env.doc2path(docname, False)))
    if not source[0].lstrip("\ufeff").startswith("---"):
        return
    rewritten = concept_page_source(source[0], docname, by_pattern)
    if rewritten is not None:
        source[0] = rewritten
