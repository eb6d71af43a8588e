"""Concept files as Sphinx documents: source parsers built on MyST.

Each file matched by ``concepts_sources`` is a document of its own, so Sphinx
reads it, tracks its changes, indexes and searches it like any page.

* A plain-text entry file (see :mod:`sphinx_concepts.textformat`) becomes a
  MyST document of one internal ``concept-text-entry`` directive laid out line
  for line like the file: the fields travel in a JSON argument on line 1 and
  the body lines stay where they stand, so every warning points at the file's
  own line.
* A YAML or JSON data file (see :mod:`sphinx_concepts.datafile`) becomes a page
  with one such directive per entry, each carrying its line in the file.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils.statemachine import StringList

from .datapages import entry_pages_of, pages_patterns
from .diagnostics import WarningSubtype, warn
from .directives import ConceptDirective
from .model import concept_key
from .nodes import ENTRY_FILE_MARK
from .textformat import TextEntry, body_blocks, read_text_entry

if TYPE_CHECKING:
    from docutils import nodes
    from docutils.nodes import Node
    from sphinx import addnodes
    from sphinx.util.typing import OptionSpec

    from .datafile import DataEntry, DataFile

__all__ = [
    "TEXT_ENTRY_DIRECTIVE",
    "TextEntryDirective",
    "data_myst_source",
    "entry_directive",
    "fence_for",
    "make_parsers",
    "myst_source",
]

#: The internal directive that stands for a text entry in the MyST source.
TEXT_ENTRY_DIRECTIVE = "concept-text-entry"
#: The file types Sphinx maps the suffixes of concept files to.
FILE_TYPE = "concept-text"
DATA_FILE_TYPE = "concept-data"


def _fields(entry: TextEntry | DataEntry) -> dict[str, Any]:
    """The directive's JSON argument: the entry's fields, as read."""
    return {
        "name": entry.name,
        "summary": entry.summary,
        "aliases": entry.aliases,
        "category": entry.category,
        "tags": entry.tags,
        "related": entry.related,
    }


def myst_source(entry: TextEntry, line_count: int) -> str:
    """MyST text of one directive, with the body lines on their own line numbers."""
    fields = {**_fields(entry), "lines": entry.field_lines}
    fence = fence_for([line for _number, line in entry.body])
    lines = [""] * max(line_count, 1)
    lines[0] = f"{fence}{{{TEXT_ENTRY_DIRECTIVE}}} {json.dumps(fields, ensure_ascii=False)}"
    for number, line in entry.body:
        lines[number - 1] = line
    lines.append(fence)
    return "\n".join(lines) + "\n"


def fence_for(lines: list[str]) -> str:
    """A tilde fence longer than any tilde run that starts one of *lines*."""
    length = 3
    for line in lines:
        run = re.match(r"^\s*(~+)", line)
        if run:
            length = max(length, len(run.group(1)) + 1)
    return "~" * length


def entry_directive(entry: DataEntry) -> str:
    """MyST text of one ``concept-text-entry`` directive carrying a whole entry, body included."""
    fields: dict[str, Any] = {
        **_fields(entry),
        "lines": {},
        "line": entry.line,
        "body": entry.body,
        "body_line": entry.body_line,
        "split": False,
    }
    fence = fence_for(entry.body.splitlines())
    return f"{fence}{{{TEXT_ENTRY_DIRECTIVE}}} {json.dumps(fields, ensure_ascii=False)}\n{fence}\n"


def data_myst_source(data: DataFile, default_title: str) -> str:
    """MyST text of a page holding every entry of a data file, under a title."""
    title = (data.title or default_title).replace("\n", " ")
    return "\n".join([f"# {_escape_markdown(title)}\n", *(entry_directive(entry) for entry in data.entries)])


def entry_index_source(data: DataFile, default_title: str, pages: list[tuple[str, Any]]) -> str:
    """MyST text of a data file whose entries have pages: their list and a hidden toctree."""
    title = (data.title or default_title).replace("\n", " ")
    lines = [f"# {_escape_markdown(title)}", ""]
    for docname, entry in pages:
        name = entry.name.replace("`", "").replace("<", "").replace(">", "")
        summary = f": {_escape_markdown(entry.summary)}" if entry.summary else ""
        lines.append(f"- {{doc}}`{name} </{docname}>`{summary}")
    lines += ["", "```{toctree}", ":hidden:", "", *(f"/{docname}" for docname, _entry in pages), "```", ""]
    return "\n".join(lines)


def _escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)


def _disarm_raw_html(content_node: nodes.Element) -> None:
    """Show raw HTML of a data file's Markdown as text.

    Concept files are data, often exported from elsewhere; Markdown would pass
    ``<script>`` through to the page. Authors who want raw HTML write the entry
    with the ``concept`` directive, where it is their own page's markup.
    """
    from docutils import nodes as docutils_nodes

    for raw in list(content_node.findall(docutils_nodes.raw)):
        text = raw.astext()
        replacement: docutils_nodes.Node
        if isinstance(raw.parent, docutils_nodes.TextElement):
            replacement = docutils_nodes.literal(text, text, classes=["concept-raw-html"])
        else:
            replacement = docutils_nodes.literal_block(text, text, classes=["concept-raw-html"])
        raw.replace_self(replacement)


class TextEntryDirective(ConceptDirective):
    """The entry of a plain-text concept file: fields from JSON, body as Markdown blocks.

    Internal: written by the text-file parser, not by authors.
    """

    option_spec: ClassVar[OptionSpec] = {}
    has_content = True

    def run(self) -> list[Node]:
        data = json.loads(self.arguments[0])
        self.arguments = [data["name"]] if data["name"] else []
        # A file of one entry is that entry's page, titled by its name whatever
        # concepts_page_title says (the file has no heading to fall back on).
        self.state.document[ENTRY_FILE_MARK] = True
        self._source_line = self.lineno
        # Entries of a data file stand on their own line of that file.
        self.lineno = data.get("line", self.lineno)
        self._split = data.get("split", True)
        self.options = {"summary": data["summary"]} if data["summary"] else {}
        self._lists = {"aliases": data["aliases"], "tags": data["tags"], "related": data["related"]}
        if data.get("category"):
            self.options["category"] = data["category"]
        # The body is parsed in transform_content, block by block for text files.
        if "body" in data:
            first = data.get("body_line") or self.lineno
            self._body_lines = [(first + index, line) for index, line in enumerate(data["body"].splitlines())]
        else:
            self._body_lines = [(self.content_offset + index + 1, line) for index, line in enumerate(self.content)]
        self.content = StringList()
        return super().run()

    def _list_option(self, option: str) -> list[str]:
        unique: dict[str, str] = {}
        for item in self._lists.get(option, ()):
            unique.setdefault(concept_key(item), item)
        return list(unique.values())

    def transform_content(self, content_node: addnodes.desc_content) -> None:
        if self._split:
            blocks = body_blocks(self._body_lines)
            correction = 0
        elif self._body_lines:
            blocks = [(self._body_lines[0][0], [line for _number, line in self._body_lines])]
            # Measured, and pinned by tests: MyST numbers the lines of a body that
            # has no place of its own in the MyST source one further down.
            correction = -1
        else:
            blocks, correction = [], 0
        for first_line, block in blocks:
            # MyST counts the offset from the line of the directive in its own source.
            offset = first_line - self._source_line + correction
            self.state.nested_parse(StringList(block), offset, content_node)
        _disarm_raw_html(content_node)
        super().transform_content(content_node)


def make_parsers() -> list[type[Any]]:
    """The parser classes; built on first use, as MyST is an optional dependency."""
    from myst_parser.parsers.sphinx_ import MystParser

    class ConceptTextParser(MystParser):
        """Reads a plain-text concept file (see :mod:`sphinx_concepts.textformat`)."""

        supported = (FILE_TYPE,)  # type: ignore[misc]

        def parse(self, inputstring: str, document: nodes.document) -> None:
            entry = read_text_entry(inputstring)
            docname = document.settings.env.docname
            for problem in entry.problems:
                warn(WarningSubtype.DATA_FORMAT, problem.message, (docname, problem.line))
            if entry.name:
                source = myst_source(entry, inputstring.count("\n") + 1)
            else:  # reported above; titled by the file name, so toctrees need no title
                source = "# " + docname.rsplit("/", 1)[-1].replace("`", "") + "\n"
            super().parse(source, document)

    class ConceptDataParser(MystParser):
        """Reads a YAML or JSON file of concept entries (see :mod:`sphinx_concepts.datafile`)."""

        supported = (DATA_FILE_TYPE,)  # type: ignore[misc]

        def parse(self, inputstring: str, document: nodes.document) -> None:
            from .datafile import read_data_file  # PyYAML comes with MyST

            data = read_data_file(inputstring)
            env = document.settings.env
            docname = env.docname
            for problem in data.problems:
                warn(WarningSubtype.DATA_FORMAT, problem.message, (docname, problem.line))
            title = docname.rsplit("/", 1)[-1]
            from .sources import matcher  # sources reads with these parsers

            patterns = pages_patterns(env.config)
            if patterns and matcher(tuple(patterns))(str(env.doc2path(docname, False))):
                source = entry_index_source(data, title, entry_pages_of(docname, data.entries))
            else:
                source = data_myst_source(data, title)
            super().parse(source, document)

    return [ConceptTextParser, ConceptDataParser]
