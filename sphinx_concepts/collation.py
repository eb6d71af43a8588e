"""Alphabetical order for listings: the reader's alphabet where ICU is installed.

With PyICU (the ``icu`` module; ``pip install "sphinx-concepts[icu]"``) names sort by
the Unicode Collation Algorithm tailored to the project's ``language``, so
Swedish puts "Ö" after "Z" and German sorts it with "O". Without it, names sort by
their base letters, case-insensitively: "Ångström" among the a's, "éclair" among
the e's; that is the root collation for most Latin-script text.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from typing import Any

__all__ = ["base_letters", "icu_available", "letter_group", "sort_key"]

SortKey = Callable[[str], Any]


def base_letters(text: str) -> str:
    """Case-folded text without accents: "Ångström" gives "angstrom"."""
    if text.isascii():  # most names: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Every listing, page and index of a build sorts the same names: each key is
# computed once. Bounded, for long-running processes (sphinx-autobuild).
@functools.lru_cache(maxsize=1 << 17)
def _fallback_key(text: str) -> tuple[str, str]:
    # The text itself breaks ties, so the order is total and stable.
    return (base_letters(text), text)


@functools.cache
def _icu_collator(locale: str) -> Any:
    try:
        import icu  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    if not hasattr(icu, "Collator"):
        # Not PyICU: a folder named "icu" where Python looks first (the current
        # folder, with `python -m sphinx`) imports as an empty namespace package.
        return None
    try:
        return icu.Collator.createInstance(icu.Locale(locale or "root"))
    except Exception:  # an unknown locale: ICU falls back itself, but be safe
        return icu.Collator.createInstance(icu.Locale.getRoot())


def icu_available() -> bool:
    return _icu_collator("root") is not None


@functools.cache  # one key function (and its cache) per locale
def sort_key(locale: str | None, *, use_icu: bool = True) -> SortKey:
    """The key function that orders names for *locale* (``language``, e.g. "de")."""
    collator = _icu_collator((locale or "root").replace("-", "_")) if use_icu else None
    if collator is None:
        return _fallback_key

    @functools.lru_cache(maxsize=1 << 17)
    def icu_key(text: str) -> tuple[bytes, str]:
        return (collator.getSortKey(text), text)

    return icu_key


def _base_group(text: str) -> str:
    first = base_letters(text)[:1].upper()
    return first if first.isalpha() else "#"


@functools.cache
def letter_group(locale: str | None, *, use_icu: bool = True) -> Callable[[str], str]:
    """The function that gives the A to Z heading a name goes under.

    The heading is the name's first letter without its accent ("Å" under "A"),
    unless the locale's alphabet makes the accented letter a letter of its own
    (Swedish "Å", "Ä", "Ö" after "Z"), which ICU knows. Anything but a letter
    goes under "#".
    """
    collator = _icu_collator((locale or "root").replace("-", "_")) if use_icu else None
    if collator is None:
        return _base_group
    import icu  # type: ignore[import-not-found,import-untyped,unused-ignore]

    # A collator of its own: the cached one keeps full strength for sorting.
    primary = icu.Collator.createInstance(icu.Locale((locale or "root").replace("-", "_")))
    primary.setStrength(icu.Collator.PRIMARY)

    @functools.cache
    def group_of_letter(first: str) -> str:
        base = _base_group(first)
        if base == "#" or primary.compare(first, base) == 0:
            return base
        return first.upper()

    def icu_group(text: str) -> str:
        stripped = text.lstrip()
        return group_of_letter(stripped[:1]) if stripped else "#"

    return icu_group
