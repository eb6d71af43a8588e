"""Turn ``glossary`` blocks into concept entries: ``python -m sphinx_concepts.migrate``.

Each glossary entry becomes a ``concept`` entry in the same markup (reStructuredText
or MyST): its first term is the name, the other terms of the entry are aliases, a
classifier (``term : classifier``) is the category, and the definition is the
explanation, whose first sentence becomes the summary. With ``--rewrite-terms``,
``:term:`` references in the file become ``:concept:`` references (with the
``concepts_std_terms`` option, unchanged ``:term:`` references resolve too).

The file is rewritten in place, or written to ``--output``; everything outside
glossary blocks is kept as it is.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["GlossaryEntry", "convert_text", "main"]

_RST_GLOSSARY = re.compile(r"^(?P<indent>[ \t]*)\.\. glossary::\s*$")
_MYST_GLOSSARY = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|:{3,})\{glossary\}\s*$")
_RST_TERM_ROLE = re.compile(r":term:`")
_MYST_TERM_ROLE = re.compile(r"\{term\}`")


@dataclass
class GlossaryEntry:
    terms: list[str]
    classifier: str | None = None
    definition: list[str] = field(default_factory=list)


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def parse_glossary_body(lines: list[str]) -> list[GlossaryEntry]:
    """The entries of a glossary's content (options already removed)."""
    content = [line.expandtabs(8) for line in lines]
    non_blank = [line for line in content if line.strip()]
    if not non_blank:
        return []
    term_indent = min(_indent_of(line) for line in non_blank)
    entries: list[GlossaryEntry] = []
    in_definition = False
    for line in content:
        if not line.strip():
            if entries and entries[-1].definition:
                entries[-1].definition.append("")
            continue
        if _indent_of(line) == term_indent:
            text = line.strip()
            term, _sep, classifier = text.partition(" : ")
            if entries and not in_definition:
                entries[-1].terms.append(term.strip())
            else:
                entries.append(GlossaryEntry([term.strip()], classifier.strip() or None))
            in_definition = False
        elif entries:
            entries[-1].definition.append(line)
            in_definition = True
    for entry in entries:
        while entry.definition and not entry.definition[-1].strip():
            entry.definition.pop()
        if entry.definition:
            cut = min(_indent_of(line) for line in entry.definition if line.strip())
            entry.definition = [line[cut:] if line.strip() else "" for line in entry.definition]
    return entries


def _entry_lines(entry: GlossaryEntry, opening: str, option_indent: str, body_indent: str) -> list[str]:
    """One entry: the opening line, its options, a blank line and the definition."""
    out = [opening]
    if len(entry.terms) > 1:
        out.append(f"{option_indent}:aliases: {', '.join(entry.terms[1:])}")
    if entry.classifier:
        out.append(f"{option_indent}:category: {entry.classifier}")
    out.append("")
    out.extend(f"{body_indent}{line}" if line else "" for line in entry.definition)
    return out


def _rst_entries(entries: list[GlossaryEntry], indent: str) -> list[str]:
    out: list[str] = []
    for entry in entries:
        out += _entry_lines(entry, f"{indent}.. concept:: {entry.terms[0]}", f"{indent}   ", f"{indent}   ")
        out.append("")
    return out


def _myst_entries(entries: list[GlossaryEntry], indent: str, fence: str) -> list[str]:
    out: list[str] = []
    for entry in entries:
        out += _entry_lines(entry, f"{indent}{fence}{{concept}} {entry.terms[0]}", indent, indent)
        out += [f"{indent}{fence}", ""]
    return out


_OPTION = re.compile(r"^\s*:[\w-]+:")


def _without_options(body: list[str]) -> list[str]:
    """The glossary's content without its options (``:sorted:``), which come first."""
    start = 0
    while start < len(body) and _OPTION.match(body[start]):
        start += 1
    return body[start:]


def convert_text(text: str, *, rewrite_terms: bool = False) -> tuple[str, int]:
    """The text with its glossaries as concept entries, and the number of entries."""
    lines = text.split("\n")
    out: list[str] = []
    count = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        rst = _RST_GLOSSARY.match(line)
        myst = _MYST_GLOSSARY.match(line)
        if rst:
            indent = rst["indent"]
            index += 1
            body: list[str] = []
            while index < len(lines) and (not lines[index].strip() or _indent_of(lines[index]) > len(indent)):
                body.append(lines[index])
                index += 1
            entries = parse_glossary_body(_without_options(body))
            out.extend(_rst_entries(entries, indent))
            count += len(entries)
            continue
        if myst:
            indent, fence = myst["indent"], myst["fence"]
            index += 1
            body = []
            while index < len(lines) and lines[index].strip() != fence:
                body.append(lines[index])
                index += 1
            index += 1  # the closing fence
            entries = parse_glossary_body(_without_options(body))
            out.extend(_myst_entries(entries, indent, fence if fence.startswith(":") else "```"))
            count += len(entries)
            continue
        out.append(line)
        index += 1
    result = "\n".join(out)
    if rewrite_terms:
        result = _RST_TERM_ROLE.sub(":concept:`", result)
        result = _MYST_TERM_ROLE.sub("{concept}`", result)
    return result, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sphinx_concepts.migrate",
        description="Turn the glossary blocks of a reStructuredText or MyST file into concept entries.",
    )
    parser.add_argument("file", type=Path, help="the file that holds glossary blocks")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of rewriting the file")
    parser.add_argument(
        "--rewrite-terms", action="store_true", help="turn :term: references in the file into :concept: references"
    )
    args = parser.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")
    converted, count = convert_text(text, rewrite_terms=args.rewrite_terms)
    (args.output or args.file).write_text(converted, encoding="utf-8")
    print(f"{count} glossary entries converted in {args.file}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
