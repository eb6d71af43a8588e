"""The plain-text entry format: a reader that keeps line numbers and reports problems.

The grammar (documented in docs/guide/data-files)::

    Name                                  line 1 (after blank lines and a BOM)
    One-sentence summary                  line 2
    Also known as: A, B                   optional, comma-separated
    Category: X                           optional
    Tags: a, b                            optional, comma-separated
    Explanation                           starts the body
    ...Markdown body...                   lines need no blank lines between them
    Related Concepts                      optional; then one name a line
    Name of a related concept
    ← Back to all concepts                optional; dropped

Labels are matched without regard to case, with or without a colon after
``Explanation`` and ``Related Concepts``; trailing white space, Windows and old Mac
line endings, and a byte-order mark are accepted. Anything else that does not fit
is reported with its line and skipped, keeping the rest of the entry.

Nothing here imports Sphinx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import collapse_whitespace, split_list

__all__ = ["Problem", "TextEntry", "body_blocks", "read_text_entry"]

_FIELDS = {"also known as": "aliases", "category": "category", "tags": "tags"}
_FIELD_LINE = re.compile(r"^\s*(also known as|category|tags)\s*:\s*(.*)$", re.IGNORECASE)
_ANY_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.*)$")
_EXPLANATION = re.compile(r"^\s*explanation\s*:?\s*$", re.IGNORECASE)
_RELATED = re.compile(r"^\s*related\s+concepts\s*:?\s*$", re.IGNORECASE)
_BACK = re.compile(r"^\s*(?:←|<-+|&larr;)?\s*back\s+to\s+all\s+concepts\s*$", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


@dataclass
class TextEntry:
    """One entry read from the text format; lines are 1-based."""

    name: str = ""
    name_line: int = 1
    summary: str = ""
    summary_line: int | None = None
    aliases: list[str] = field(default_factory=list)
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    #: The line of each field given (``aliases``, ``category``, ``tags``, ``related``).
    field_lines: dict[str, int] = field(default_factory=dict)
    #: The body lines, with their line numbers, as written.
    body: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _lines(text: str) -> list[str]:
    text = text.removeprefix("\ufeff")
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def read_text_entry(text: str) -> TextEntry:
    """Read one entry; an entry without a name has ``name == ""`` and a problem."""
    entry = TextEntry()
    lines = _lines(text)
    numbered = [(number, line) for number, line in enumerate(lines, start=1)]
    position = 0
    while position < len(numbered) and not numbered[position][1].strip():
        position += 1
    if position == len(numbered):
        entry.problems.append(Problem(1, "empty concept file: no name on its first line"))
        return entry
    entry.name_line, name = numbered[position]
    entry.name = collapse_whitespace(name)
    position += 1

    # The summary: the next non-blank line, unless it is already a field or a section.
    while position < len(numbered) and not numbered[position][1].strip():
        position += 1
    if position < len(numbered):
        number, line = numbered[position]
        if not (_FIELD_LINE.match(line) or _EXPLANATION.match(line) or _RELATED.match(line) or _BACK.match(line)):
            entry.summary, entry.summary_line = collapse_whitespace(line), number
            position += 1
    if entry.summary_line is None:
        entry.problems.append(
            Problem(entry.name_line + 1, f"concept {entry.name!r} has no summary line after its name")
        )

    position = _read_fields(entry, numbered, position)
    position = _read_body(entry, numbered, position)
    _read_related(entry, numbered, position)
    return entry


def _read_fields(entry: TextEntry, numbered: list[tuple[int, str]], position: int) -> int:
    """The optional field lines, up to ``Explanation``; returns where the body starts."""
    while position < len(numbered):
        number, line = numbered[position]
        if not line.strip():
            position += 1
            continue
        if _EXPLANATION.match(line):
            return position + 1
        if _RELATED.match(line) or _BACK.match(line):
            entry.problems.append(Problem(number, f"concept {entry.name!r} has no 'Explanation' line"))
            return position
        match = _FIELD_LINE.match(line)
        if match:
            key = _FIELDS[match.group(1).lower()]
            if key in entry.field_lines:
                entry.problems.append(
                    Problem(number, f"{match.group(1)!r} given twice (first at line {entry.field_lines[key]}); ignored")
                )
            else:
                entry.field_lines[key] = number
                _set_field(entry, key, match.group(2), number)
            position += 1
            continue
        label = _ANY_LABEL.match(line)
        if label and position + 1 < len(numbered) and _looks_like_header(numbered[position + 1][1]):
            entry.problems.append(
                Problem(
                    number,
                    f"unknown field {label.group(1)!r} ignored; known fields are 'Also known as', 'Category', 'Tags'",
                )
            )
            position += 1
            continue
        # Body text without an 'Explanation' line: take it as the body.
        entry.problems.append(Problem(number, f"concept {entry.name!r} has no 'Explanation' line before its body"))
        return position
    last = max(number for number, line in numbered if line.strip())
    entry.problems.append(Problem(last, f"concept {entry.name!r} has no 'Explanation' line"))
    return position


def _looks_like_header(line: str) -> bool:
    return bool(_FIELD_LINE.match(line) or _EXPLANATION.match(line) or _ANY_LABEL.match(line) or not line.strip())


def _set_field(entry: TextEntry, key: str, value: str, number: int) -> None:
    if key == "category":
        entry.category = collapse_whitespace(value) or None
        if entry.category is None:
            entry.problems.append(Problem(number, "empty 'Category' line ignored"))
        return
    items, empty = split_list(value)
    if empty or not items:
        label = "Also known as" if key == "aliases" else "Tags"
        entry.problems.append(Problem(number, f"empty item in {label!r} ignored"))
    setattr(entry, key, items)


def _read_body(entry: TextEntry, numbered: list[tuple[int, str]], position: int) -> int:
    while position < len(numbered):
        number, line = numbered[position]
        if _RELATED.match(line) or _BACK.match(line):
            break
        entry.body.append((number, line))
        position += 1
    while entry.body and not entry.body[-1][1].strip():
        entry.body.pop()
    return position


def _read_related(entry: TextEntry, numbered: list[tuple[int, str]], position: int) -> None:
    in_related = False
    while position < len(numbered):
        number, line = numbered[position]
        position += 1
        if not line.strip():
            continue
        if _BACK.match(line):
            for later, rest in numbered[position:]:
                if rest.strip():
                    entry.problems.append(Problem(later, "text after 'Back to all concepts' ignored"))
                    break
            return
        if _RELATED.match(line):
            if in_related:
                entry.problems.append(Problem(number, "second 'Related Concepts' line ignored"))
            entry.field_lines.setdefault("related", number)
            in_related = True
            continue
        name = collapse_whitespace(_LIST_MARK.sub("", line, count=1))
        if name and name not in entry.related:
            entry.related.append(name)


def body_blocks(body: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """Split body lines into Markdown blocks, each with its first line number.

    The format writes paragraphs, bold lines and list items on consecutive lines,
    without the blank lines Markdown needs between blocks. So every line is a block
    of its own, except what Markdown spreads over several lines: a fenced code block,
    a run of list items (with their indented continuation lines), a table and a
    block quote. Blank lines, where an author wrote them, separate blocks too.
    """
    blocks: list[tuple[int, list[str]]] = []
    fence: str | None = None
    kind: str | None = None
    for number, line in body:
        if fence is not None:
            blocks[-1][1].append(line)
            if line.strip().startswith(fence):
                fence, kind = None, None
            continue
        stripped = line.strip()
        if not stripped:
            kind = None
            continue
        opening = re.match(r"^\s*(`{3,}|~{3,})", line)
        if opening:
            fence, kind = opening.group(1), "fence"
            blocks.append((number, [line]))
            continue
        line_kind = _kind(line)
        continues = kind is not None and (
            line_kind == kind or (kind == "list" and line[:1].isspace() and line_kind == "text")
        )
        if continues:
            blocks[-1][1].append(line)
        else:
            blocks.append((number, [line]))
            kind = line_kind if line_kind != "text" else None
    return blocks


def _kind(line: str) -> str:
    stripped = line.lstrip()
    if _LIST_MARK.match(line):
        return "list"
    if stripped.startswith("|"):
        return "table"
    if stripped.startswith(">"):
        return "quote"
    return "text"
