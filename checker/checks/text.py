"""Small text helpers the structured checks share: words, crude stems, stop words, calendar names."""

from __future__ import annotations

import re

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
WEEKDAY_NAMES, MONTH_NAMES = "|".join(WEEKDAYS), "|".join(MONTHS)

WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "not",
        "no",
        "only",
        "also",
        "about",
        "after",
        "before",
        "over",
        "under",
        "into",
        "out",
        "up",
        "down",
        "all",
        "any",
        "some",
        "such",
        "more",
        "most",
        "other",
        "one",
        "said",
        "says",
        "say",
        "would",
        "could",
        "will",
        "can",
        "may",
        "might",
        "should",
    ]
)


def stem(word: str) -> str:
    """Fold the inflections that matter here: votes/voted/voting → vote, countries → country."""
    w = word.lower()
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    return w.rstrip("e") if len(w) > 3 else w


def blank(pattern: re.Pattern, text: str) -> str:
    """`text` with each match of `pattern` overwritten by '#': offsets stay, the words are gone."""
    return pattern.sub(lambda m: "#" * len(m.group()), text)


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if w.lower() not in STOP and len(w) > 2}
