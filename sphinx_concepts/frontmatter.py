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

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .diagnostics import WarningSubtype, warn
from .parsers import entry_directive

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
    from .datafile import entry_from_mapping
    from .textformat import Problem

    # The entry's fields, with the lines they stand on; other keys belong to MyST.
    first_line = text[: match.start(2)].count("\n") + 1
    mapping = yaml.compose(match.group(2), Loader=yaml.SafeLoader)
    assert isinstance(mapping, yaml.MappingNode)
    wanted = ("name", "title", *_CONCEPT_KEYS)
    pairs = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value in wanted]
    if isinstance(marker, str):
        pairs = [(k, v) for k, v in pairs if k.value not in ("name", "title")]
        name_node = next(v for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == "concept")
        pairs.insert(0, (yaml.ScalarNode("tag:yaml.org,2002:str", "name", name_node.start_mark), name_node))
    elif any(k.value == "name" for k, _v in pairs):
        pairs = [(k, v) for k, v in pairs if k.value != "title"]
    problems: list[Problem] = []
    entry = entry_from_mapping(yaml.MappingNode(mapping.tag, pairs, mapping.start_mark), problems)
    for problem in problems:
        where = (docname, problem.line + first_line - 1)
        warn(WarningSubtype.DATA_FORMAT, f"front matter: {problem.message}", where)
    if entry is None:
        return None

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
    # The entry stands at the front matter; its body where the page's text is.
    placed = replace(entry, line=first_line, body="\n".join(lines), body_line=body_line)
    blank_body = "\n" * (len(lines) - 1)
    return text[:head_end] + blank_body + "\n" + entry_directive(placed)


def rewrite_concept_pages(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: turn a Markdown page that declares a concept into its entry."""
    suffix = str(app.env.doc2path(docname, False)).rsplit(".", 1)[-1]
    if suffix != "md":
        return
    from .sources import matcher

    patterns = [p for p in app.config.concepts_sources if isinstance(p, str) and p.endswith(".md")]
    by_pattern = bool(patterns) and matcher(tuple(patterns))(str(app.env.doc2path(docname, False)))
    if not source[0].lstrip("\ufeff").startswith("---"):
        return
    rewritten = concept_page_source(source[0], docname, by_pattern)
    if rewritten is not None:
        source[0] = rewritten
