"""A deterministic corpus of concepts, written as three equivalent Sphinx projects.

The corpus is plain data (names, aliases, tags, references); ``encodings.py``
turns it into source files for each encoding. Everything is drawn from one
seeded ``random.Random``, so the same arguments give the same bytes.

Command line, to look at a project without running the benchmark::

    python benchmarks/corpus.py --n 200 --per-doc 1 --out /tmp/corpus
    python benchmarks/corpus.py --n 200 --per-doc 1 --out /tmp/corpus --edit summary
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from render import render

__all__ = [
    "EDITS",
    "ENCODINGS",
    "Concept",
    "Corpus",
    "Ref",
    "apply_edit",
    "edit_marker",
    "edited_corpus",
    "generate",
    "key",
    "write_project",
]

ENCODINGS = ("concepts", "plain", "needs")
#: The benchmark edits, in the order they are measured.
EDITS = ("explanation", "summary", "tags", "add")
DEFAULT_SEED = 20240601
#: Texts the edits put in, to find the output pages that show an edit.
REVISED_EXPLANATION = "This paragraph was revised for the benchmark."
REVISED_SUMMARY = "A revised summary that says what the concept is in other words."

# Three word lists whose product gives 64,000 distinct three-word names.
PREFIXES = (  # noqa: SIM905 - a word list reads better as text
    "Adaptive Sparse Contrastive Hierarchical Stochastic Recurrent Convolutional Residual Causal Bayesian "
    "Federated Distributed Quantized Masked Latent Multi-Head Cross-Modal Self-Supervised Differentiable Probabilistic "
    "Variational Generative Discriminative Incremental Robust Efficient Dynamic Gated Weighted Normalized "
    "Temporal Spectral Structured Implicit Explicit Continual Curriculum Meta Neural Kernel"
).split()
MIDDLES = (  # noqa: SIM905 - a word list reads better as text
    "Gradient Attention Token Embedding Feature Reward Policy Memory Retrieval Graph "
    "Sequence Context Weight Activation Loss Label Layer Query Knowledge Prompt "
    "Vision Language Signal Topic Preference Batch Parameter Decoder Encoder Cluster "
    "Anomaly Distribution Routing Position Vocabulary Sample Network Image Speech Value"
).split()
HEADS = (  # noqa: SIM905 - a word list reads better as text
    "Clipping Pruning Sampling Normalization Regularization Distillation Alignment Estimation Compression Augmentation "
    "Tuning Search Encoding Decoding Caching Scheduling Calibration Matching Ranking Smoothing "
    "Projection Fusion Aggregation Optimization Inference Detection Segmentation Generation Propagation Quantization "
    "Initialization Dropout Balancing Partitioning Filtering Scaling Masking Averaging Transfer Modeling"
).split()
# Alias fallbacks that are always free: the name plus one of these words.
ALIAS_SUFFIXES = ("method", "technique", "approach", "scheme")

# Tags that exercise page names: spaces, capitals, non-ASCII letters. They come
# first, so even the smallest corpus has them.
SPECIAL_TAGS = (
    "deep learning",
    "NLP",
    "Übersetzung",
    "réseau neuronal",
    "Computer Vision",
    "GPU",
    "naïve Bayes",
    "Ähnlichkeitssuche",
    "Datenqualität",
    "apprentissage profond",
)
TAG_BASES = (  # noqa: SIM905 - a word list reads better as text
    "optimization robustness efficiency interpretability scaling privacy fairness evaluation training inference "
    "vision speech retrieval reasoning generation compression hardware benchmarks theory statistics "
    "memory latency safety ranking clustering graphs sequences control planning transfer"
).split()
TAG_QUALIFIERS = (
    "applied",
    "classical",
    "large-scale",
    "Low-Resource",
    "online",
    "offline",
    "multilingual",
    "embedded",
    "federated",
    "théorique",
    "streaming",
    "causal",
    "sparse",
    "robust",
    "Open",
    "adaptive",
    "probabilistic",
    "industrial",
    "experimental",
    "neural",
)
CATEGORY_BASES = (
    "Optimization",
    "Architectures",
    "Evaluation",
    "Data Processing",
    "Training Methods",
    "Inference",
    "Representation Learning",
    "Reinforcement Learning",
    "Probabilistic Methods",
    "Systems",
    "Modèles génératifs",
    "Retrieval",
    "Vision",
    "Language",
    "Speech",
    "Graphs",
    "Compression",
    "Safety",
    "Theory",
    "Tooling",
)
CATEGORY_QUALIFIERS = ("", "Applied ", "Advanced ", "Foundations of ", "Practical ")

# Sentence parts for summaries and explanations: plain words, no rST markup.
KINDS = ("technique", "method", "training strategy", "architectural component", "procedure", "family of algorithms")
VERBS = ("adjusts", "reduces", "combines", "estimates", "reweights", "compresses", "selects", "aligns", "tracks")
GOALS = (
    "improve stability during training",
    "reduce memory use",
    "speed up inference",
    "make predictions more robust",
    "use less labelled data",
    "keep errors from compounding",
    "scale to longer inputs",
    "make results easier to reproduce",
)
NOUNS = ("statistics", "scores", "updates", "estimates", "buffers", "weights", "signals", "outputs")
FILLERS = (
    "The {kind} {verb} the {m} {noun} at every step of the computation.",
    "It was first described as a way to {goal} on small models.",
    "Later work showed that the same idea helps to {goal}.",
    "Its main cost is the extra bookkeeping of the {m} {noun}.",
    "Most implementations expose one or two settings that control how strongly it acts.",
    "In practice the default settings work well for a wide range of tasks.",
    "A common mistake is to apply it to the {m} {noun} before they have settled.",
    "The effect is easiest to see when the {h2} stage is measured on its own.",
    "Benchmarks suggest that it matters most when data is scarce or noisy.",
    "The {kind} can be switched off at evaluation time without changing the model.",
)
REF_SENTENCES = (
    "It is often combined with {ref} when the {m} {noun} are large.",
    "Unlike {ref}, it {verb} the {noun} directly.",
    "In practice, {ref} provides the {noun} it relies on.",
    "Readers new to the topic may start with {ref}.",
    "Many systems apply it right after {ref}.",
    "A close relative is {ref}, which solves a similar problem.",
)
REF_TITLES = ("this related method", "the {h} step", "its {m} counterpart", "the earlier approach", "a {h} variant")

RefForm = Literal["name", "alias", "title", "case"]


def key(text: str) -> str:
    """The matching key of a name: case-folded, white space collapsed (as the extension does)."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def term_key(text: str) -> str:
    """The identity of a tag or category: like ``key``, with ``-`` and ``_`` as spaces."""
    return key(text.replace("-", " ").replace("_", " "))


@dataclass(frozen=True)
class Ref:
    """A reference to another concept, as an explanation writes it."""

    target: int
    form: RefForm
    #: The text of the reference: the name, an alias, a lower-cased name, or a link title.
    text: str


@dataclass(frozen=True)
class Concept:
    index: int
    name: str
    aliases: tuple[str, ...]
    summary: str
    category: str
    tags: tuple[str, ...]
    #: (target index, the name or alias as written in ``:related:``)
    related: tuple[tuple[int, str], ...]
    #: Paragraphs, each a sequence of plain text and references.
    explanation: tuple[tuple[str | Ref, ...], ...]

    @property
    def ident(self) -> str:
        """A stable identifier: the sphinx-needs id, and the base of document names."""
        return f"C_{self.index + 1:05d}"


@dataclass(frozen=True)
class Corpus:
    concepts: tuple[Concept, ...]
    per_doc: int
    #: A concept that is not in the corpus yet, for the "add" edit.
    extra: Concept

    def documents(self) -> list[tuple[str, tuple[Concept, ...]]]:
        """The concept documents: (docname stem, concepts), K concepts per document."""
        k = self.per_doc
        if k == 1:
            return [(f"c-{c.index + 1:05d}", (c,)) for c in self.concepts]
        # The document count is fixed by the base corpus (the extra concept's index
        # is N), so the "add" edit appends to the last document instead of making one.
        last = (self.extra.index - 1) // k
        chunks: dict[int, list[Concept]] = {}
        for concept in self.concepts:
            chunks.setdefault(min(concept.index // k, last), []).append(concept)
        return [(f"part-{number + 1:05d}", tuple(chunk)) for number, chunk in sorted(chunks.items())]

    def by_index(self, index: int) -> Concept:
        concept = self.concepts[index] if index < len(self.concepts) else self.extra
        assert concept.index == index
        return concept

    @property
    def tags(self) -> list[str]:
        """Every tag in use, in first-use order."""
        return _unique(tag for concept in self.concepts for tag in concept.tags)

    @property
    def categories(self) -> list[str]:
        return _unique(concept.category for concept in self.concepts)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _names(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    total = len(PREFIXES) * len(MIDDLES) * len(HEADS)
    if count > total:
        raise ValueError(f"at most {total - 1} concepts")
    picks = rng.sample(range(total), count)
    return [
        (PREFIXES[i // (len(MIDDLES) * len(HEADS))], MIDDLES[i // len(HEADS) % len(MIDDLES)], HEADS[i % len(HEADS)])
        for i in picks
    ]


def _aliases(rng: random.Random, parts: tuple[str, str, str], taken: set[str]) -> tuple[str, ...]:
    """One or two aliases (1.5 on average), none used before, never a name."""
    prefix, middle, head = parts
    acronym = "".join(word[0] for word in (prefix, middle, head)).upper()
    candidates = [acronym, f"{prefix} {head}", f"{middle} {head}"]
    rng.shuffle(candidates)
    name = f"{prefix} {middle} {head}"
    # Four-word fallbacks are unique because the name is; three-word names never equal them.
    candidates += [f"{name} {suffix}" for suffix in ALIAS_SUFFIXES]
    wanted = rng.choice((1, 2))
    chosen: list[str] = []
    for candidate in candidates:
        if len(chosen) == wanted:
            break
        if key(candidate) not in taken:
            taken.add(key(candidate))
            chosen.append(candidate)
    return tuple(chosen)


def _pool(specials: Iterable[str], bases: Iterable[str], qualifiers: Iterable[str], count: int) -> list[str]:
    """``count`` distinct labels: the special ones first, then qualified base words."""
    pool: list[str] = []
    seen: set[str] = set()
    combos = [base for base in bases] + [f"{q} {base}".strip() for q in qualifiers for base in bases]
    for label in [*specials, *combos]:
        if len(pool) == count:
            break
        if term_key(label) not in seen:
            seen.add(term_key(label))
            pool.append(label)
    if len(pool) < count:
        raise ValueError(f"only {len(pool)} distinct labels for {count}")
    return pool


def _fill(template: str, rng: random.Random, parts: tuple[str, str, str]) -> str:
    _prefix, middle, head = parts
    return template.format(
        kind=rng.choice(KINDS),
        verb=rng.choice(VERBS),
        goal=rng.choice(GOALS),
        noun=rng.choice(NOUNS),
        m=middle.lower(),
        h=head.lower(),
        h2=rng.choice(HEADS).lower(),
        ref="{ref}",
    )


def _ref(rng: random.Random, target: int, names: list[str], aliases: list[tuple[str, ...]]) -> Ref:
    form: RefForm = rng.choices(("name", "alias", "title", "case"), weights=(4, 2, 2, 2))[0]
    if form == "alias" and not aliases[target]:
        form = "name"
    if form == "alias":
        return Ref(target, form, rng.choice(aliases[target]))
    if form == "title":
        middle, head = names[target].split()[1:]
        title = rng.choice(REF_TITLES).format(m=middle.lower(), h=head.lower())
        return Ref(target, form, title)
    if form == "case":
        return Ref(target, form, names[target].lower())
    return Ref(target, form, names[target])


def _explanation(
    rng: random.Random,
    parts: tuple[str, str, str],
    targets: list[int],
    names: list[str],
    aliases: list[tuple[str, ...]],
) -> tuple[tuple[str | Ref, ...], ...]:
    """About 150 words in three paragraphs, with one sentence per reference."""
    sentences: list[tuple[str | Ref, ...]] = []
    for target in targets:
        before, after = _fill(rng.choice(REF_SENTENCES), rng, parts).split("{ref}")
        sentences.append((before, _ref(rng, target, names, aliases), after))
    words = sum(len(" ".join(s for s in sentence if isinstance(s, str)).split()) + 2 for sentence in sentences)
    while words < 150:
        text = _fill(rng.choice(FILLERS), rng, parts)
        sentences.insert(rng.randrange(len(sentences) + 1), (text,))
        words += len(text.split())
    third = len(sentences) // 3
    paragraphs = (sentences[:third], sentences[third : 2 * third], sentences[2 * third :])
    result = []
    for paragraph in paragraphs:
        pieces: list[str | Ref] = []
        for number, sentence in enumerate(paragraph):
            if number:
                pieces.append(" ")
            pieces.extend(piece for piece in sentence if piece != "")
        result.append(tuple(pieces))
    return tuple(result)


def generate(n: int, per_doc: int, seed: int = DEFAULT_SEED) -> Corpus:
    """N concepts, K per document, and one extra concept for the "add" edit."""
    if n < 20:
        raise ValueError("at least 20 concepts")
    rng = random.Random(f"{seed}-{n}")  # the document split does not change the content
    parts = _names(rng, n + 1)
    names = [" ".join(p) for p in parts]
    taken = {key(name) for name in names}
    aliases = [_aliases(rng, p, taken) for p in parts]
    categories = _pool([], CATEGORY_BASES, CATEGORY_QUALIFIERS, max(1, n // 200))
    tags = _pool(SPECIAL_TAGS, TAG_BASES, TAG_QUALIFIERS, max(3, n // 40))
    concepts = []
    for index, p in enumerate(parts):
        others = [i for i in rng.sample(range(n), 12) if i != index]  # the extra is never a target
        related = tuple(
            (i, rng.choice(aliases[i]) if aliases[i] and rng.random() < 0.2 else names[i])
            for i in others[: rng.randint(0, 5)]
        )
        summary = (
            f"A {rng.choice(KINDS)} that {rng.choice(VERBS)} the {p[1].lower()} {rng.choice(NOUNS)}"
            f" to {rng.choice(GOALS)}."
        )
        concepts.append(
            Concept(
                index=index,
                name=names[index],
                aliases=aliases[index],
                summary=summary,
                category=rng.choice(categories),
                tags=tuple(rng.sample(tags, rng.randint(1, min(4, len(tags))))),
                related=related,
                explanation=_explanation(rng, p, others[5:10], names, aliases),
            )
        )
    return Corpus(tuple(concepts[:n]), per_doc, concepts[n])


def edited_corpus(corpus: Corpus, edit: str) -> Corpus:
    """The corpus after one benchmark edit; the same edit every time."""
    n = len(corpus.concepts)
    target = corpus.concepts[n // 2]
    if edit == "explanation":
        first, *rest = target.explanation
        changed = replace(target, explanation=((*first, " " + REVISED_EXPLANATION), *rest))
    elif edit == "summary":
        changed = replace(target, summary=REVISED_SUMMARY)
    elif edit == "tags":
        changed = replace(target, tags=_swapped_tag(corpus, target))
    elif edit == "add":
        return replace(corpus, concepts=(*corpus.concepts, corpus.extra))
    else:
        raise ValueError(f"unknown edit {edit!r}; known: {', '.join(EDITS)}")
    return replace(corpus, concepts=tuple(changed if c.index == target.index else c for c in corpus.concepts))


def edit_marker(corpus: Corpus, edit: str) -> str | None:
    """A text that the output pages showing the edit contain (none for re-tagging)."""
    markers = {"explanation": REVISED_EXPLANATION, "summary": REVISED_SUMMARY, "add": corpus.extra.name}
    return markers.get(edit)


def _swapped_tag(corpus: Corpus, target: Concept) -> tuple[str, ...]:
    """Replace the concept's first tag by the first tag it lacks.

    Both tags stay in use elsewhere (when the corpus allows it), so no tag page
    appears or disappears: the edit measures re-tagging, not page creation.
    """
    counts: dict[str, int] = {}
    for concept in corpus.concepts:
        for tag in concept.tags:
            counts[tag] = counts.get(tag, 0) + 1
    old = next((t for t in target.tags if counts[t] > 1), target.tags[0])
    new = next(t for t in corpus.tags if t not in target.tags)
    return tuple(new if t == old else t for t in target.tags)


def write_files(root: Path, files: dict[str, str]) -> list[str]:
    """Write the files whose content differs; return their paths (relative, sorted)."""
    changed = []
    for relpath, text in sorted(files.items()):
        path = root / relpath
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        changed.append(relpath)
    return changed


def write_project(root: Path, encoding: str, corpus: Corpus) -> list[str]:
    """Write a complete Sphinx project (conf.py, index, documents) of one encoding."""
    return write_files(root, render(encoding, corpus))


def apply_edit(root: Path, encoding: str, corpus: Corpus, edit: str) -> list[str]:
    """Apply a benchmark edit to a project written from *corpus*; return the files touched.

    The project is rendered again from the edited corpus and only the files that
    differ are written, so the edit touches exactly the files whose text depends
    on the change: in ``plain`` that includes every hand-written listing that
    shows it, as a person editing by hand would have to.
    """
    after = render(encoding, edited_corpus(corpus, edit))
    before = render(encoding, corpus)
    for gone in sorted(set(before) - set(after)):
        (root / gone).unlink()
    return write_files(root, {path: text for path, text in after.items() if before.get(path) != text})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="number of concepts")
    parser.add_argument("--per-doc", type=int, default=1, help="concepts per document (K)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True, help="folder for one project per encoding")
    parser.add_argument("--encodings", nargs="+", default=list(ENCODINGS), choices=ENCODINGS)
    parser.add_argument("--edit", choices=EDITS, help="apply this edit to the written projects")
    args = parser.parse_args()
    corpus = generate(args.n, args.per_doc, args.seed)
    for encoding in args.encodings:
        root = args.out / encoding
        written = write_project(root, encoding, corpus)
        print(f"{root}: {len(written)} files written")
        if args.edit:
            touched = apply_edit(root, encoding, corpus, args.edit)
            print(f"  edit {args.edit}: {', '.join(touched)}")


if __name__ == "__main__":
    main()
