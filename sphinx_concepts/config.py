"""Every ``concepts_*`` configuration value, with its default, type and validation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .diagnostics import WarningSubtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The parts of a rendered entry, in display order; each can be hidden.
ENTRY_PARTS = ("summary", "aliases", "category", "tags", "explanation", "related", "backlink")


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    #: What Sphinx must redo when the value changes: "env" re-reads every document.
    rebuild: Literal["", "env", "html"]
    types: tuple[type, ...]
    description: str


OPTIONS: tuple[Option, ...] = (
    Option(
        "concepts_hidden_parts",
        [],
        "env",
        (list, tuple, set, frozenset),
        "Parts of every rendered entry not to show: any of " + ", ".join(ENTRY_PARTS) + ".",
    ),
    Option(
        "concepts_match_plurals",
        False,
        "env",
        (bool,),
        "Let references match the other English number form of a name or alias.",
    ),
    Option(
        "concepts_link_summaries",
        True,
        "env",
        (bool,),
        "Give every concept link the concept's summary as its title (hover hint).",
    ),
    Option(
        "concepts_page_title",
        True,
        "env",
        (bool,),
        "A document holding a single concept and no heading takes its name as title.",
    ),
    Option(
        "concepts_index_entries",
        True,
        "env",
        (bool,),
        "Add every concept, and each alias as a 'see' entry, to the general index.",
    ),
    Option(
        "concepts_all_concepts_label",
        "concept-index",
        "env",
        (str,),
        "The :ref: label that each entry's 'Back to all concepts' link points to.",
    ),
)


def register(app: Sphinx) -> None:
    """Declare every option to Sphinx."""
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, option.rebuild, option.types, description=option.description)


def validate(app: Sphinx, config: Config) -> None:
    """Check values at ``config-inited``; bad ones warn and fall back to the default."""
    hidden = config.concepts_hidden_parts
    if isinstance(hidden, str):  # `-D concepts_hidden_parts=tags,related` gives a string
        hidden = [part.strip() for part in hidden.split(",") if part.strip()]
    elif not isinstance(hidden, (list, tuple, set, frozenset)):
        warn(
            WarningSubtype.CONFIG,
            f"concepts_hidden_parts must be a list of part names, not {hidden!r}; nothing is hidden",
            location=None,
        )
        hidden = []
    hidden = [str(part).strip() for part in hidden]
    unknown = sorted(set(hidden) - set(ENTRY_PARTS))
    if unknown:
        warn(
            WarningSubtype.CONFIG,
            f"concepts_hidden_parts: unknown part(s) {', '.join(map(repr, unknown))}; "
            f"known parts are {', '.join(ENTRY_PARTS)}",
            location=None,
        )
    config.concepts_hidden_parts = [part for part in ENTRY_PARTS if part in set(hidden)]
