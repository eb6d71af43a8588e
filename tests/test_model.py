"""The pure rules: keys, lists, first sentences, plural forms, and conflict order."""

from __future__ import annotations

import pytest

from sphinx_concepts.lookup import ConceptLookup, ConflictKind
from sphinx_concepts.model import (
    Concept,
    concept_key,
    first_sentence,
    loose_key,
    plural_variants,
    split_list,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Foundation Model", "foundation   model"),
        ("Foundation Model", " FOUNDATION\tMODEL "),
        ("café", "cafe\u0301"),  # composed and decomposed é
        ("LLM", "ＬＬＭ"),  # full-width letters
        ("Straße", "STRASSE"),  # case folding, not lowering
    ],
)
def test_keys_ignore_case_space_and_unicode_form(a, b):
    assert concept_key(a) == concept_key(b)


def test_keys_keep_what_distinguishes_names():
    assert concept_key("C++") != concept_key("C")
    assert concept_key("C#") != concept_key("C")
    assert concept_key("Fine-Tuning") != concept_key("Fine Tuning")


@pytest.mark.parametrize(
    ("text", "items", "empty"),
    [
        (None, [], 0),
        ("", [], 0),
        ("a, b ,c", ["a", "b", "c"], 0),
        ("a, , b,", ["a", "b"], 2),
        ("[A, 'B c', \"C++\"]", ["A", "B c", "C++"], 0),
        ("Machine  Learning, C#, I/O", ["Machine Learning", "C#", "I/O"], 0),
    ],
)
def test_split_list(text, items, empty):
    assert split_list(text) == (items, empty)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("One. Two.", "One."),
        ("Models, e.g. GPT, are big. Really.", "Models, e.g. GPT, are big."),
        ("Written by J. Smith in 2021. More.", "Written by J. Smith in 2021."),
        ("Is it? Yes.", "Is it?"),
        ("No full stop at all", "No full stop at all"),
        ("Version 1.5 is out. Next.", "Version 1.5 is out."),
        ("Spread\nover   lines. Next.", "Spread over lines."),
        ("Definition number 0. It follows.", "Definition number 0."),
        ("Released in 2021. Widely used.", "Released in 2021."),
    ],
)
def test_first_sentence(text, sentence):
    assert first_sentence(text) == sentence


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("foundation model", {"foundation models"}),
        ("foundation models", {"foundation model"}),
        ("policy", {"policies"}),
        ("policies", {"policy", "policie"}),
        ("day", {"days"}),
        ("box", {"boxes"}),
        ("boxes", {"box", "boxe"}),
        ("class", {"classes"}),
        ("c++", set()),
    ],
)
def test_plural_variants(key, expected):
    forms = set(plural_variants(key))
    assert expected <= forms
    assert key not in forms


def concept(name: str, docname: str, lineno: int, aliases: tuple[str, ...] = ()) -> Concept:
    return Concept(name, concept_key(name), docname, "id-" + name, lineno, "", aliases)


def test_conflicts_are_decided_by_source_order_whatever_the_input_order():
    entries = [
        concept("Model", "b", 1, ("Shared",)),
        concept("model", "a", 5, ("Other",)),
        concept("Net", "a", 9, ("Shared", "Model")),
    ]
    for ordering in (entries, entries[::-1], [entries[1], entries[2], entries[0]]):
        lookup = ConceptLookup(ordering)
        assert [c.docname for c in lookup.concepts()] == ["a", "a"]
        assert lookup.find("model").concept.lineno == 5
        assert lookup.find("shared").concept.name == "Net"
        kinds = sorted((c.kind.value, c.text) for c in lookup.conflicts)
        assert kinds == [("alias_is_name", "Model"), ("duplicate", "Model")]
        assert lookup.aliases_of(lookup.find("net").concept) == ["Shared"]
        # The loser's aliases are not claimed: the duplicate entry owns nothing.
        assert lookup.find("other").concept.lineno == 5


def test_alias_claimed_twice_goes_to_the_first_entry():
    lookup = ConceptLookup([concept("B", "b", 1, ("X",)), concept("A", "a", 1, ("x",))])
    assert lookup.find("x").concept.name == "A"
    (conflict,) = lookup.conflicts
    assert conflict.kind is ConflictKind.ALIAS_CONFLICT
    assert (conflict.loser.name, conflict.winner.name) == ("B", "A")


def test_plural_lookup_reports_ambiguity():
    lookup = ConceptLookup([concept("Ax", "a", 1), concept("Axe", "a", 2)])
    assert lookup.find("axes") is None
    match = lookup.find("axes", plurals=True)
    assert match.concept.name == "Ax"
    assert [c.name for c in match.also_matched] == ["Axe"]


def test_suggestion_for_a_typo():
    lookup = ConceptLookup([concept("Foundation Model", "a", 1, ("Base Model",))])
    assert lookup.suggest("foundation modle") == "Foundation Model"
    assert lookup.suggest("base mdel") == "Base Model"
    assert lookup.suggest("zzz") is None


def test_loose_lookup_reads_hyphens_as_spaces():
    lookup = ConceptLookup(
        [concept("Retrieval-Augmented Generation", "a", 1, ("RAG pipeline",)), concept("Fine Tuning", "a", 2)]
    )
    assert lookup.find(concept_key("retrieval-augmented-generation")) is None
    assert lookup.find_loose(loose_key("retrieval-augmented-generation")).name == "Retrieval-Augmented Generation"
    assert lookup.find_loose(loose_key("rag_pipeline")).name == "Retrieval-Augmented Generation"
    assert lookup.find_loose(loose_key("fine-tuning")).name == "Fine Tuning"
