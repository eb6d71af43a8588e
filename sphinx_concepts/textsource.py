"""Plain-text concept files as Sphinx documents: a source parser built on MyST.

Each file matched by ``concepts_sources`` is a document of its own, so Sphinx
reads it, tracks its changes, indexes and searches it like any page. The parser
reads the entry (see :mod:`sphinx_concepts.textformat`) and hands MyST a
document of one internal ``concept-text-entry`` directive laid out line for line
like the file: the directive takes the fields from a JSON argument on line 1 and
the body lines where they stand, so every warning points at the file's own line.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils.statemachine import StringList

from .diagnostics import WarningSubtype, warn
from .directives import ConceptDirective
from .model import concept_key
from .textformat import TextEntry, body_blocks, read_text_entry

if TYPE_CHECKING:
    from docutils import nodes
    from docutils.nodes import Node
    from sphinx import addnodes
    from sphinx.util.typing import OptionSpec

__all__ = ["TEXT_ENTRY_DIRECTIVE", "TextEntryDirective", "make_text_parser", "myst_source"]

#: The internal directive that stands for a text entry in the MyST source.
TEXT_ENTRY_DIRECTIVE = "concept-text-entry"
#: The file type Sphinx maps the suffixes of plain-text concept files to.
FILE_TYPE = "concept-text"


def myst_source(entry: TextEntry, line_count: int) -> str:
    """MyST text of one directive, with the body lines on their own line numbers."""
    fields = {
        "name": entry.name,
        "summary": entry.summary,
        "aliases": entry.aliases,
        "category": entry.category,
        "tags": entry.tags,
        "related": entry.related,
        "lines": entry.field_lines,
    }
    fence_length = 3
    for _number, line in entry.body:
        run = re.match(r"^\s*(~+)", line)
        if run:
            fence_length = max(fence_length, len(run.group(1)) + 1)
    fence = "~" * fence_length
    lines = [""] * max(line_count, 1)
    lines[0] = f"{fence}{{{TEXT_ENTRY_DIRECTIVE}}} {json.dumps(fields, ensure_ascii=False)}"
    for number, line in entry.body:
        lines[number - 1] = line
    lines.append(fence)
    return "\n".join(lines) + "\n"


class TextEntryDirective(ConceptDirective):
    """The entry of a plain-text concept file: fields from JSON, body as Markdown blocks.

    Internal: written by the text-file parser, not by authors.
    """

    option_spec: ClassVar[OptionSpec] = {}
    has_content = True

    def run(self) -> list[Node]:
        data = json.loads(self.arguments[0])
        self.arguments = [data["name"]] if data["name"] else []
        self.options = {"summary": data["summary"]} if data["summary"] else {}
        self._lists = {"aliases": data["aliases"], "tags": data["tags"], "related": data["related"]}
        if data["category"]:
            self.options["category"] = data["category"]
        # The body is parsed block by block in transform_content.
        self._body = StringList(list(self.content), items=list(self.content.items))
        self.content = StringList()
        return super().run()

    def _list_option(self, option: str) -> list[str]:
        unique: dict[str, str] = {}
        for item in self._lists.get(option, ()):
            unique.setdefault(concept_key(item), item)
        return list(unique.values())

    def transform_content(self, content_node: addnodes.desc_content) -> None:
        body = [(self.content_offset + index + 1, line) for index, line in enumerate(self._body)]
        for first_line, block in body_blocks(body):
            # The offset counts from the directive's own line (line 1).
            self.state.nested_parse(StringList(block), first_line - self.lineno, content_node)
        super().transform_content(content_node)


def make_text_parser() -> type[Any]:
    """The parser class; built on first use, as MyST is an optional dependency."""
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

    return ConceptTextParser
