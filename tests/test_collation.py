"""Listing order: the reader's alphabet with ICU, base letters without."""

from __future__ import annotations

import sys
import types

import pytest

from sphinx_concepts import collation
from sphinx_concepts.collation import icu_available, letter_group, sort_key

NAMES = ["Zebra", "Ångström", "apple", "Öl", "Orange", "éclair", "Eagle", "42 things", "Äpfel"]
#: Base-letter order, which German shares: accents and case do not scatter names.
BASE_ORDER = ["42 things", "Ångström", "Äpfel", "apple", "Eagle", "éclair", "Öl", "Orange", "Zebra"]


def test_fallback_sorts_by_base_letters_ignoring_case():
    key = sort_key("sv", use_icu=False)
    assert sorted(NAMES, key=key) == BASE_ORDER
    group = letter_group("sv", use_icu=False)
    assert [group(name) for name in ["Ångström", "éclair", "42 things", "", " x"]] == ["A", "E", "#", "#", "#"]


@pytest.mark.skipif(not icu_available(), reason="PyICU is not installed")
def test_icu_follows_the_locale():
    assert sorted(NAMES, key=sort_key("de")) == BASE_ORDER
    # Swedish puts Å, Ä and Ö after Z, each under a heading of its own.
    swedish = sorted(NAMES, key=sort_key("sv"))
    assert swedish[-4:] == ["Zebra", "Ångström", "Äpfel", "Öl"]
    group = letter_group("sv")
    assert [group(name) for name in swedish[-4:]] == ["Z", "Å", "Ä", "Ö"]
    assert letter_group("de")("Öl") == "O"


def test_unknown_locale_does_not_fail():
    key = sort_key("xx-nonsense")
    assert sorted(["b", "a"], key=key) == ["a", "b"]


def test_a_module_named_icu_that_is_not_pyicu_means_no_icu(monkeypatch):
    # What `import icu` gives when a folder named "icu" is in the current folder.
    monkeypatch.setitem(sys.modules, "icu", types.ModuleType("icu"))
    for cached in (collation._icu_collator, collation.sort_key, collation.letter_group):
        cached.cache_clear()
    try:
        assert not icu_available()
        assert sorted(NAMES, key=sort_key("sv")) == BASE_ORDER
        assert letter_group("sv")("Ångström") == "A"
    finally:
        for cached in (collation._icu_collator, collation.sort_key, collation.letter_group):
            cached.cache_clear()
