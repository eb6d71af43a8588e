"""Every ``concepts_*`` configuration value, with its default, type and validation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .diagnostics import WarningSubtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The parts of a rendered entry, in display order; each can be hidden.
ENTRY_PARTS = (
    "summary",
    "aliases",
    "category",
    "tags",
    "explanation",
    "related",
    "referenced-by",
    "map",
    "backlink",
)

#: The layouts of a listing.
LISTING_LAYOUTS = ("list", "table", "cards")

#: ``concepts_pages`` keys and their defaults. ``True`` for a page means "generate
#: it with its default (translated) title"; a string is the title; ``False`` skips it.
PAGES_DEFAULTS: dict[str, Any] = {
    "folder": "concepts",
    "glossary": True,
    "tags": True,
    "categories": True,
    "map": True,
    "tag_title": "{name}",
    "category_title": "{name}",
    "navigation": True,
    "only_referenced": False,
}
_PAGES_TYPES: dict[str, tuple[type, ...]] = {
    "folder": (str,),
    "glossary": (bool, str),
    "tags": (bool, str),
    "categories": (bool, str),
    "map": (bool, str),
    "tag_title": (str,),
    "category_title": (str,),
    "navigation": (bool,),
    "only_referenced": (bool,),
}
_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


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
        "concepts_tooltips",
        True,
        "html",
        (bool,),
        "Show the concept's name and summary when a reader hovers, focuses or taps a concept link.",
    ),
    Option(
        "concepts_badges",
        True,
        "html",
        (bool,),
        "Show an entry's category and tags as badges (sphinx-design's when it is loaded).",
    ),
    Option(
        "concepts_listing_layout",
        "list",
        "env",
        (str,),
        "How listings show concepts unless they say: list, table or cards; also tag and category pages.",
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
        "concepts_domain_index",
        "auto",
        "html",
        (str, bool),
        "Write the domain's concept index page: True, False, or 'auto' (only when no glossary is generated).",
    ),
    Option(
        "concepts_all_concepts_label",
        "",
        "env",
        (str,),
        "The :ref: label that each entry's 'Back to all concepts' link points to "
        "(default: the generated glossary, else the concept index).",
    ),
    Option(
        "concepts_pages",
        dict(PAGES_DEFAULTS),
        "env",
        (dict,),
        "The generated pages: their folder, which to generate, their titles, navigation.",
    ),
    Option(
        "concepts_related_both_ways",
        True,
        "env",
        (bool,),
        "Show a declared relation on both entries, not only on the one that declares it.",
    ),
    Option(
        "concepts_warn_unreferenced",
        False,
        "env",
        (bool,),
        "Warn about every concept that no :concept: reference names.",
    ),
    Option(
        "concepts_std_terms",
        False,
        "env",
        (bool,),
        "Make every concept and alias a std term too, so :term: references resolve to concepts.",
    ),
    Option(
        "concepts_sources",
        [],
        "env",
        (list, tuple, str, dict),
        "Files that hold concept entries, as patterns relative to the source folder.",
    ),
    Option(
        "concepts_sort_locale",
        None,
        "env",
        (str, type(None)),
        "The locale whose alphabet orders listings (default: the project's language).",
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
    config.concepts_pages = _validated_pages(config.concepts_pages)
    if config.concepts_listing_layout not in LISTING_LAYOUTS:
        warn(
            WarningSubtype.CONFIG,
            f"concepts_listing_layout must be one of {', '.join(LISTING_LAYOUTS)}, "
            f"not {config.concepts_listing_layout!r}; 'list' is used",
            location=None,
        )
        config.concepts_listing_layout = "list"
    config.concepts_domain_index = _validated_domain_index(config.concepts_domain_index)


def writes_domain_index(config: Config) -> bool:
    """Whether the domain's concept index is a page: by default only without a glossary.

    With the generated glossary, the index would list the same names again, and
    Sphinx writes every domain index on every build, changed or not.
    """
    setting = config.concepts_domain_index
    if setting == "auto":
        return config.concepts_pages["glossary"] is False
    return bool(setting)


_SWITCH_WORDS = {
    "true": True,
    "yes": True,
    "on": True,
    "1": True,
    "false": False,
    "no": False,
    "off": False,
    "0": False,
}


def _validated_domain_index(value: Any) -> bool | str:
    if isinstance(value, bool) or value == "auto":
        return value  # type: ignore[no-any-return]
    # `-D concepts_domain_index=0` gives a string.
    if isinstance(value, str) and value.strip().lower() in _SWITCH_WORDS:
        return _SWITCH_WORDS[value.strip().lower()]
    warn(
        WarningSubtype.CONFIG,
        f"concepts_domain_index must be True, False or 'auto', not {value!r}; 'auto' is used",
        location=None,
    )
    return "auto"


def _validated_pages(value: Any) -> dict[str, Any]:
    """``concepts_pages`` with every key present; bad keys and values warn and use defaults."""
    pages = dict(PAGES_DEFAULTS)
    if not isinstance(value, dict):
        warn(WarningSubtype.CONFIG, f"concepts_pages must be a dict, not {value!r}; defaults used", location=None)
        return pages
    for key, item in value.items():
        if key not in PAGES_DEFAULTS:
            warn(
                WarningSubtype.CONFIG,
                f"concepts_pages: unknown key {key!r}; known keys are {', '.join(PAGES_DEFAULTS)}",
                location=None,
            )
        elif not isinstance(item, _PAGES_TYPES[key]):
            warn(
                WarningSubtype.CONFIG,
                f"concepts_pages[{key!r}] must be {' or '.join(t.__name__ for t in _PAGES_TYPES[key])}, "
                f"not {item!r}; the default {PAGES_DEFAULTS[key]!r} is used",
                location=None,
            )
        else:
            pages[key] = item
    folder = pages["folder"].strip().strip("/")
    segments = folder.split("/")
    if not all(_SAFE_SEGMENT.fullmatch(segment) and segment.strip(".") for segment in segments):
        warn(
            WarningSubtype.CONFIG,
            f"concepts_pages['folder'] must be a relative path of plain names (letters, digits, '-', '_', '.'), "
            f"not {pages['folder']!r}; {PAGES_DEFAULTS['folder']!r} is used",
            location=None,
        )
        folder = PAGES_DEFAULTS["folder"]
    pages["folder"] = folder
    for key in ("tag_title", "category_title"):
        if "{name}" not in pages[key]:
            pages[key] += " {name}"
    return pages
