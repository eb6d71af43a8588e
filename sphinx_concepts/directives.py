"""The ``concept`` directive: declares one entry and renders it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.directives import ObjectDescription
from sphinx.locale import get_translation
from sphinx.util.nodes import make_id

from .diagnostics import WarningSubtype, warn
from .domain import concept_domain
from .i18n import concept_messages, field_translator
from .model import (
    Concept,
    collapse_whitespace,
    concept_key,
    first_sentence,
    has_control_characters,
    split_list,
    strip_control_characters,
)
from .nodes import concept_part

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

__all__ = ["ConceptDirective"]

_ = get_translation("sphinx_concepts")


class _AcceptAnyOption(dict[str, Any]):
    """An option spec that lets unknown options through.

    docutils and MyST drop a whole directive for one unknown option; the entry is
    worth more than that, so :class:`ConceptDirective` takes them and warns.
    """

    def __missing__(self, key: str) -> Any:
        return directives.unchanged

    def get(self, key: str, default: Any = None) -> Any:
        return self[key]


_ENTRY_OPTIONS = ("summary", "aliases", "category", "tags", "related")


class ConceptDirective(ObjectDescription[str]):
    """``.. concept:: Name`` with entry options; the content is the explanation."""

    required_arguments = 0  # a missing name is an author's mistake to report, not a crash
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = _AcceptAnyOption(
        {
            **ObjectDescription.option_spec,
            **dict.fromkeys(_ENTRY_OPTIONS, directives.unchanged),
        }
    )

    concept_name: str
    anchor: str | None = None
    summary_text: str = ""

    def run(self) -> list[Node]:
        # Registered as a plain directive too, so `.. concept::` works without a
        # default domain; ObjectDescription reads the domain from the name.
        self.name = "concept:concept"
        self._strip_control_characters()
        self._translate_fields()
        self.concept_name = collapse_whitespace(self.arguments[0]) if self.arguments else ""
        self._warn_unknown_options()
        if not self.concept_name:
            warn(
                WarningSubtype.EMPTY_NAME,
                "concept entry without a name; its explanation is kept, but no concept is declared",
                self.get_location(),
            )
            return list(self.parse_content_to_nodes())
        self.aliases = self._list_option("aliases")
        self.tags = self._list_option("tags")
        self.related = self._list_option("related")
        self.category = collapse_whitespace(self.options.get("category") or "") or None

        result = super().run()
        if self.anchor is not None:
            concept_domain(self.env).note_concept(
                Concept(
                    name=self.concept_name,
                    key=concept_key(self.concept_name),
                    docname=self.env.docname,
                    anchor=self.anchor,
                    lineno=self.lineno,
                    summary=self.summary_text,
                    aliases=tuple(self.aliases),
                    category=self.category,
                    tags=tuple(self.tags),
                    related=tuple(self.related),
                )
            )
        return result

    # -- options ---------------------------------------------------------------------

    def _translatable_messages(self) -> list[str]:
        messages = [collapse_whitespace(self.arguments[0])] if self.arguments else []
        for option in ("summary", "category"):
            if self.options.get(option):
                messages.append(collapse_whitespace(self.options[option]))
        for option in ("aliases", "tags", "related"):
            messages.extend(split_list(self.options.get(option))[0])
        return [message for message in messages if message]

    def _translate_fields(self) -> None:
        """Translate the name and fields from the project's catalogs (see :mod:`.i18n`)."""
        self.original_messages = self._translatable_messages()
        gettext = field_translator(self.env)
        if gettext is None:
            return

        def translated(text: str) -> str:
            result = gettext(collapse_whitespace(text))
            return str(result) if result else text

        if self.arguments:
            self.arguments[0] = translated(self.arguments[0])
        for option in ("summary", "category"):
            if self.options.get(option):
                self.options[option] = translated(self.options[option])
        for option in ("aliases", "tags", "related"):
            if self.options.get(option):
                items = split_list(self.options[option])[0]
                self.options[option] = ", ".join(translated(item) for item in items)

    def _strip_control_characters(self) -> None:
        """Drop control characters (a pasted BEL, NUL or ESC) from the name and options.

        They cannot be typed on purpose, and break XML outputs such as epub.
        """
        found = []
        if self.arguments and has_control_characters(self.arguments[0]):
            self.arguments[0] = strip_control_characters(self.arguments[0])
            found.append("the name")
        for option, value in list(self.options.items()):
            if isinstance(value, str) and has_control_characters(value):
                self.options[option] = strip_control_characters(value)
                found.append(f":{option}:")
        if found:
            name = collapse_whitespace(self.arguments[0]) if self.arguments else ""
            warn(
                WarningSubtype.CONTROL_CHARACTER,
                f"control characters removed from {', '.join(found)} of concept {name!r}",
                self.get_location(),
            )

    def _warn_unknown_options(self) -> None:
        for option in sorted(set(self.options) - set(ObjectDescription.option_spec) - set(_ENTRY_OPTIONS)):
            warn(
                WarningSubtype.UNKNOWN_OPTION,
                f"unknown option {option!r} of concept {self.concept_name!r} ignored; "
                f"known options are {', '.join(_ENTRY_OPTIONS)}",
                self.get_location(),
            )
            del self.options[option]

    def _list_option(self, option: str) -> list[str]:
        """Split a comma-separated option, dropping empty and repeated items with care."""
        items, empty = split_list(self.options.get(option))
        if empty:
            warn(
                WarningSubtype.EMPTY_ITEM,
                f"empty item in :{option}: of concept {self.concept_name!r} ignored",
                self.get_location(),
            )
        unique: dict[str, str] = {}
        for item in items:
            unique.setdefault(concept_key(item), item)
        return list(unique.values())

    # -- ObjectDescription hooks -----------------------------------------------------

    def get_signatures(self) -> list[str]:
        return [self.concept_name]

    def handle_signature(self, sig: str, signode: addnodes.desc_signature) -> str:
        signode += addnodes.desc_name(sig, sig)
        return sig

    def add_target_and_index(self, name: str, sig: str, signode: addnodes.desc_signature) -> None:
        anchor = make_id(self.env, self.state.document, "concept", name)
        signode["ids"].append(anchor)
        self.state.document.note_explicit_target(signode)
        self.anchor = anchor
        if not self.config.concepts_index_entries or "no-index-entry" in self.options:
            return
        entries = self.indexnode["entries"]
        # ';' separates index sub-entries, so such names stay out of the index.
        if ";" not in name:
            entries.append(("single", name, anchor, "", None))
            for alias in self.aliases:
                if ";" not in alias:
                    entries.append(("see", f"{alias}; {name}", anchor, "", None))

    def _object_hierarchy_parts(self, sig_node: addnodes.desc_signature) -> tuple[str, ...]:
        return (self.concept_name,)

    def _toc_entry_name(self, sig_node: addnodes.desc_signature) -> str:
        return self.concept_name

    def transform_content(self, content_node: addnodes.desc_content) -> None:
        hidden = set(self.config.concepts_hidden_parts)
        summary_nodes = self._summary_nodes(content_node)

        front: list[Node] = []
        if summary_nodes and "summary" not in hidden:
            front.append(nodes.paragraph("", "", *summary_nodes, classes=["concept-summary"]))
        # What other documents decide (won aliases, tag pages, relations received,
        # back-links) is filled in when the page is written: see entry_parts.
        front.append(self._part("meta"))
        if self.original_messages:
            front.append(concept_messages(messages=self.original_messages))
        if "explanation" in hidden:
            content_node.clear()
        content_node[0:0] = front
        content_node += self._part("links")

    def _part(self, part: str) -> concept_part:
        return concept_part(
            part=part,
            anchor=self.anchor or "",
            aliases=list(self.aliases),
            category=self.category or "",
            tags=list(self.tags),
            related=list(self.related),
        )

    # -- parts of the entry ----------------------------------------------------------

    def _summary_nodes(self, content_node: addnodes.desc_content) -> list[Node]:
        """Parse the summary option; without one, take the explanation's first sentence.

        Returns the nodes to show as the lead (none for a derived summary, which
        the explanation already shows) and sets :attr:`summary_text`.
        """
        summary = collapse_whitespace(self.options.get("summary") or "")
        if summary:
            parsed, messages = self.parse_inline(summary, lineno=self.lineno)
            # A summary is a line of text (it is also every link's hover text): raw
            # HTML, which MyST would pass through, is shown as written.
            parsed = [nodes.Text(node.astext()) if isinstance(node, nodes.raw) else node for node in parsed]
            for raw in [n for node in parsed if isinstance(node, nodes.Element) for n in node.findall(nodes.raw)]:
                raw.replace_self(nodes.Text(raw.astext()))
            self.summary_text = collapse_whitespace("".join(node.astext() for node in parsed))
            return [*parsed, *messages]
        first_paragraph = next(iter(content_node.findall(nodes.paragraph)), None)
        if first_paragraph is not None:
            self.summary_text = first_sentence(first_paragraph.astext())
        return []
