"""Cue phrases as data: one JSONL file per concern, read by spaCy's `Matcher` (and `PhraseMatcher`).

Each line of `<name>.jsonl` is one pattern:

    {"id": "lower-bound-at-least", "label": "lower", "pattern": [{"LOWER": "at"}, {"LOWER": "least"}],
     "example": "at least 40 people died"}

`pattern` is a spaCy token pattern (LOWER, LEMMA, POS, ENT_TYPE, IN, OP, ...);
`label` is what a match means to the code that reads it (a bound, a currency,
a reporting verb); `example` is a phrase the pattern must match, and a test
checks that it does. Fixing a missed phrase is one more line here, not code.
"""

from __future__ import annotations

import functools
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Pattern:
    id: str
    label: str
    pattern: tuple[dict[str, Any], ...]
    example: str


@functools.cache
def load(name: str) -> tuple[Pattern, ...]:
    """The patterns of `<name>.jsonl`; a bad line names the file and line."""
    path = FOLDER / f"{name}.jsonl"
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            patterns.append(Pattern(row["id"], row["label"], tuple(row["pattern"]), row["example"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a pattern ({exc})") from exc
    return tuple(patterns)


def names() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.jsonl"))


def words(name: str, label: str | None = None) -> frozenset[str]:
    """The single words a file's patterns list in `LOWER`/`LEMMA` `IN` lists (a word list kept as patterns)."""
    found = set()
    for p in load(name):
        if label is None or p.label == label:
            for token in p.pattern:
                for key in ("LOWER", "LEMMA"):
                    spec = token.get(key)
                    if isinstance(spec, dict):  # {"IN": [...]}; other operators (REGEX, NOT_IN) list no words
                        found |= set(spec.get("IN", ()))
                    elif spec:
                        found.add(spec)
    return frozenset(found)


@dataclass(frozen=True)
class Match:
    """A pattern found in a parsed line: its file, label and id, and its token range in the line."""

    file: str
    label: str
    id: str
    start: int
    end: int


def _token_words(token: dict[str, Any]) -> tuple[str, ...]:
    """The words a token pattern of `LOWER` alone allows (`"at"`, `{"IN": ["least", "most"]}`), else ()."""
    spec = token.get("LOWER") if set(token) == {"LOWER"} else None
    if isinstance(spec, str):
        return (spec,)
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return tuple(spec["IN"])
    return ()


def exact_words(pattern: Pattern) -> list[tuple[str, ...]] | None:
    """The word choices of a pattern made of exact lower-case words alone, one tuple per token, else None.

    `[{"LOWER": "at"}, {"LOWER": {"IN": ["least", "most"]}}]` gives `[("at",), ("least", "most")]`; a pattern
    with any other attribute or an operator (`OP`, `POS`, `REGEX`, ...) gives None, and so does one with a word
    not in lower case, which matches nothing in a Matcher but its lower case in a phrase matcher.
    """
    choices = [_token_words(token) for token in pattern.pattern]
    lower = all(words and all(isinstance(w, str) and w == w.lower() for w in words) for words in choices)
    return choices if choices and lower else None


@functools.cache
def _matchers(vocab):
    """spaCy's PhraseMatcher for the patterns of exact words (628 of 1,022: units, currencies, offices, states),
    its Matcher for the rest.

    The Matcher tries every pattern at every token, and matching every line was a
    quarter of the claims stage; a phrase matcher looks each token's word up once.
    The two together find the same matches in half the time (benchmarks/RESULTS.md,
    session 47).
    """
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

    tokens, phrases = Matcher(vocab), PhraseMatcher(vocab, attr="LOWER")
    for name in names():
        for p in load(name):
            if choices := exact_words(p):
                phrases.add(p.id, [Doc(vocab, words=list(words)) for words in itertools.product(*choices)])
            else:
                tokens.add(p.id, [list(p.pattern)])
    return tokens, phrases


def line_matches(doc) -> tuple[Match, ...]:
    """Every pattern of every file found in a parsed line, by start, longest first, then in the files' order.

    Matched once for the whole line and kept in `doc.user_data`, so the claims of
    a line and every check annotating them share one pass.
    """
    if "checker.matches" not in doc.user_data:
        strings, files, order = doc.vocab.strings, _files(), _order()
        found = {(strings[m], start, end) for matcher in _matchers(doc.vocab) for m, start, end in matcher(doc)}
        doc.user_data["checker.matches"] = tuple(
            Match(files[i], label_of(i), i, start, end)
            for i, start, end in sorted(found, key=lambda m: (m[1], -m[2], order[m[0]]))
        )
    return doc.user_data["checker.matches"]


def matches_in(tokens, *files: str) -> list[Match]:
    """The matches of `files` inside `tokens` (a spaCy span of a parsed line)."""
    return [m for m in line_matches(tokens.doc) if m.file in files and tokens.start <= m.start and m.end <= tokens.end]


@functools.cache
def _files() -> dict[str, str]:
    return {p.id: name for name in names() for p in load(name)}


@functools.cache
def _order() -> dict[str, int]:
    """Each pattern's place across the files, in `names()` order: how matches of one span are ordered."""
    return {i: place for place, i in enumerate(_files())}


def label_of(pattern_id: str) -> str:
    """The label of a pattern, by its id, across every file."""
    return _labels()[pattern_id]


@functools.cache
def _labels() -> dict[str, str]:
    return {p.id: p.label for name in names() for p in load(name)}
