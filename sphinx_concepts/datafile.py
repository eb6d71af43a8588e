"""Structured concept data: YAML or JSON files holding a list of entries.

A file holds a list of entries, or a mapping with a ``concepts`` list (and an
optional ``title``), which is the shape of the ``concepts.json`` export, so an
export loads back as it is. Each entry is a mapping with the fields of the
directive: ``name`` (or ``title``), ``summary``, ``aliases``, ``category``,
``tags``, ``related`` and ``explanation`` (or ``body``), Markdown. Lists may be
written as lists or as comma-separated text. Every entry keeps its line, so
problems are reported where they are; a bad entry is skipped, the others kept.

Nothing here imports Sphinx. JSON is read with the YAML reader, which knows the
line of every value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .model import collapse_whitespace, split_list
from .textformat import Problem

__all__ = ["DataEntry", "DataFile", "entry_from_mapping", "read_data_file"]

_LIST_FIELDS = ("aliases", "tags", "related")
#: Fields of the ``concepts.json`` export that a data file may carry and that are
#: computed again on loading.
_EXPORT_ONLY = frozenset({"url", "anchor", "docname", "key", "id"})
_KNOWN = frozenset({"name", "title", "summary", "category", "explanation", "body", *_LIST_FIELDS}) | _EXPORT_ONLY


@dataclass
class DataEntry:
    name: str
    line: int
    summary: str = ""
    aliases: list[str] = field(default_factory=list)
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    body: str = ""
    #: The line where the body's first line stands (a block scalar starts below its key).
    body_line: int = 0


@dataclass
class DataFile:
    title: str | None = None
    entries: list[DataEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def read_data_file(text: str) -> DataFile:
    """Read the entries of a YAML or JSON document."""
    result = DataFile()
    try:
        root = yaml.compose(text.removeprefix("\ufeff"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = int(mark.line) + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        result.problems.append(Problem(line, f"cannot read the concept data: {problem}"))
        return result
    if root is None:
        result.problems.append(Problem(1, "empty concept data file"))
        return result
    entries_node = root
    if isinstance(root, yaml.MappingNode):
        # Other top-level keys (schema_version, generator, project of an export) are
        # information, not entries.
        values = {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}
        title = values.get("title")
        if isinstance(title, yaml.ScalarNode) and str(title.value).strip():
            result.title = collapse_whitespace(str(title.value))
        entries_node = values.get("concepts")  # type: ignore[assignment]  # None is reported below
        if entries_node is None:
            result.problems.append(
                Problem(_line(root), "concept data must be a list of entries or have a 'concepts' list")
            )
            return result
    if not isinstance(entries_node, yaml.SequenceNode):
        result.problems.append(Problem(_line(entries_node), "the concepts of a data file must be a list of entries"))
        return result
    for node in entries_node.value:
        entry = _entry(node, result.problems)
        if entry is not None:
            result.entries.append(entry)
    return result


def entry_from_mapping(node: yaml.Node, problems: list[Problem]) -> DataEntry | None:
    """One entry from a composed YAML mapping (as in a page's front matter)."""
    return _entry(node, problems)


def _entry(node: yaml.Node, problems: list[Problem]) -> DataEntry | None:
    line = _line(node)
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(line, "a concept entry must be a mapping of fields; entry skipped"))
        return None
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
        if name not in _KNOWN:
            problems.append(Problem(_line(key), f"unknown field {name!r} ignored"))
        elif name in fields:
            problems.append(Problem(_line(key), f"field {name!r} given twice; the first is used"))
        else:
            fields[name] = value
    name = _text(fields.get("name") or fields.get("title"), "name", problems)
    if not name:
        problems.append(Problem(line, "concept entry without a name; entry skipped"))
        return None
    entry = DataEntry(name=name, line=line)
    entry.summary = _text(fields.get("summary"), "summary", problems)
    entry.category = _text(fields.get("category"), "category", problems) or None
    for key in _LIST_FIELDS:
        setattr(entry, key, _list(fields.get(key), key, problems))
    body = fields.get("explanation") or fields.get("body")
    if body is not None:
        if isinstance(body, yaml.ScalarNode):
            entry.body = str(body.value)
            # A block scalar ("|" or ">") starts on the line after its indicator.
            entry.body_line = _line(body) + (1 if body.style in ("|", ">") else 0)
        else:
            problems.append(Problem(_line(body), "the explanation must be text; ignored"))
    return entry


def _text(node: yaml.Node | None, key: str, problems: list[Problem]) -> str:
    if node is None:
        return ""
    if isinstance(node, yaml.ScalarNode):
        return "" if node.tag.endswith(":null") else collapse_whitespace(str(node.value))
    problems.append(Problem(_line(node), f"field {key!r} must be text; ignored"))
    return ""


def _list(node: yaml.Node | None, key: str, problems: list[Problem]) -> list[str]:
    if node is None:
        return []
    if isinstance(node, yaml.ScalarNode):
        items, empty = split_list(str(node.value))
    elif isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value):
        raw = [collapse_whitespace(str(item.value)) for item in node.value]
        items, empty = [item for item in raw if item], sum(1 for item in raw if not item)
    else:
        problems.append(Problem(_line(node), f"field {key!r} must be a list of names; ignored"))
        return []
    if empty:
        problems.append(Problem(_line(node), f"empty item in {key!r} ignored"))
    return items
