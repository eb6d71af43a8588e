"""Plain records for concept entries, and the rules that turn text into keys.

Nothing here imports Sphinx: the records are pickled with the build environment
and the functions are shared by the directive, the role and the data loaders.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Concept",
    "collapse_whitespace",
    "concept_key",
    "digest",
    "first_sentence",
    "has_control_characters",
    "loose_key",
    "plural_variants",
    "split_list",
    "strip_control_characters",
]


@dataclass(frozen=True)
class Concept:
    """One concept entry, as declared in one document."""

    #: The canonical name, spelled as the author wrote it.
    name: str
    #: ``concept_key(name)``: what references are matched against.
    key: str
    #: The document that declares the entry.
    docname: str
    #: The HTML id of the entry in its document.
    anchor: str
    #: The source line of the entry (for warnings), if known.
    lineno: int | None
    #: The one-line summary as plain text (the explanation's first sentence when the
    #: author gave none).
    summary: str
    #: "Also known as" names, in the author's order and spelling.
    aliases: tuple[str, ...] = ()
    category: str | None = None
    tags: tuple[str, ...] = ()
    #: Names of related concepts, as written (resolved after reading).
    related: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.intern_strings()

    def intern_strings(self) -> None:
        """Share one string object per distinct name, key, tag or category.

        The environment pickle then stores each once and refers to it after that
        (references name keys, related concepts name other entries, tags repeat).
        Unpickling keeps the sharing; records from parallel readers are interned
        again when merged.
        """
        intern, put = sys.intern, object.__setattr__
        put(self, "name", intern(self.name))
        put(self, "key", intern(self.key))
        put(self, "docname", intern(self.docname))
        put(self, "aliases", tuple(map(intern, self.aliases)))
        if self.category is not None:
            put(self, "category", intern(self.category))
        put(self, "tags", tuple(map(intern, self.tags)))
        put(self, "related", tuple(map(intern, self.related)))

    @property
    def location(self) -> tuple[str, int | None]:
        """The ``location`` that Sphinx's logger turns into ``file:line``."""
        return (self.docname, self.lineno)


_WHITESPACE = re.compile(r"\s+")


def digest(value: Any) -> str:
    """A digest of plain data (strings, numbers, tuples, lists, dicts, these records).

    Equal values give equal digests in every process. Pickling is done in C, many
    times faster than ``repr``; without its memo (``fast``), the bytes do not
    depend on which equal objects happen to be shared.
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=4)
    pickler.fast = True
    pickler.dump(value)
    return hashlib.sha256(buffer.getvalue()).hexdigest()


def collapse_whitespace(text: str) -> str:
    """Strip the text and turn every run of white space into one space."""
    return _WHITESPACE.sub(" ", text).strip()


def has_control_characters(text: str) -> bool:
    """Whether *text* holds a control character other than white space."""
    return any(unicodedata.category(ch) == "Cc" and not ch.isspace() for ch in text)


def strip_control_characters(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch.isspace())


def concept_key(text: str) -> str:
    """Return the matching key of a name: NFKC, case-folded, white space collapsed.

    Two spellings that differ only in letter case, repeated or unusual white space,
    or Unicode normalisation form (e.g. a composed and a decomposed "é", or a
    full-width letter) have the same key.
    """
    if text.isascii():  # NFKC changes no ASCII text, and casefold is lower
        return " ".join(text.lower().split())
    # NFKC before casefold so compatibility forms fold; again after, because
    # casefolding can produce decomposed sequences (e.g. for "ǰ").
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return collapse_whitespace(folded)


def loose_key(text: str) -> str:
    """The key with hyphens and underscores read as spaces, for Markdown link targets.

    ``#retrieval-augmented-generation`` then finds "Retrieval-Augmented Generation".
    """
    return concept_key(text.replace("-", " ").replace("_", " "))


def split_list(text: str | None) -> tuple[list[str], int]:
    """Split a comma-separated option value.

    Returns the stripped items and the number of empty items that were dropped
    (``"a, , b"`` has one). A value wrapped in brackets, as YAML flow lists are
    written (``[a, "b"]``), is accepted too, with quotes around items removed.
    Commas are the only separator, so names may hold spaces, ``+``, ``#`` or ``/``.
    """
    if text is None:
        return [], 0
    value = text.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    if not value.strip():
        return [], 0
    items: list[str] = []
    empty = 0
    for raw in value.split(","):
        item = _unquote(collapse_whitespace(raw))
        if item:
            items.append(item)
        else:
            empty += 1
    return items, empty


def _unquote(item: str) -> str:
    if len(item) >= 2 and item[0] == item[-1] and item[0] in "'\"":
        return item[1:-1].strip()
    return item


# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {"e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "incl.", "no.", "fig.", "dr.", "mr.", "ms.", "mrs.", "st."}
)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s|$)")


def first_sentence(text: str) -> str:
    """Return the first sentence of a paragraph, white space collapsed.

    A sentence ends at ``.``, ``!`` or ``?`` followed by white space or the end,
    except after a common abbreviation such as "e.g.".
    """
    flat = collapse_whitespace(text)
    for match in _SENTENCE_END.finditer(flat):
        word_start = flat.rfind(" ", 0, match.start()) + 1
        word = flat[word_start : match.start() + 1].casefold()
        if word in _ABBREVIATIONS or re.fullmatch(r"(?:[^\W\d_]\.)+", word):
            continue  # "e.g.", or an initial such as "J."
        return flat[: match.end()]
    return flat


_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def plural_variants(key: str) -> list[str]:
    """Return the other English number forms of a key's last word.

    ``"foundation model"`` gives ``["foundation models"]``; ``"large language
    models"`` gives ``["large language model", "large language modelses"]``: every
    rule that could apply, since only forms that name a concept matter. Irregular
    plurals ("criteria") are not guessed: authors give those as aliases.
    """
    head, sep, last = key.rpartition(" ")
    if not last or not last[-1].isalpha():
        return []
    forms: set[str] = set()
    # Singular forms, if the word is a plural.
    if last.endswith("ies") and len(last) > 3:
        forms.add(last[:-3] + "y")
    if last.endswith("es") and last[:-2].endswith(_SIBILANT_ENDINGS):
        forms.add(last[:-2])
    if last.endswith("s") and not last.endswith("ss") and len(last) > 1:
        forms.add(last[:-1])
    # The plural form, if the word is a singular.
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith(_SIBILANT_ENDINGS):
        forms.add(last + "es")
    else:
        forms.add(last + "s")
    forms.discard(last)
    return [head + sep + form for form in sorted(forms)]
