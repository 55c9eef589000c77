"""`entity_set` check: two claims list different participants in the same event.

A list is a coordination of names ("Russia, Belarus, and North Korea"). A member
of one claim's list that the other claim never mentions is a discrepancy only
when the other claim also gives a list and does not mark it as partial
("including", "such as", "among others"): a partial list may leave names out.
Two lists are one group when they share two members, or one where both
sentences count their lists alike ("the two countries, A and B").
"""

from __future__ import annotations

import re

from checker.checks.text import WORD, content_stems
from checker.entities import ALIASES, clean_name, person_key
from checker.records import Claim, Evidence

NAME = r"(?:the\s+)?(?:[A-Z][\w.'’-]*\.?)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
NAME_LIST = re.compile(rf"({NAME})((?:\s*,\s*{NAME})*)\s*,?\s+(?:and|or|&)\s+({NAME})")
PARTIAL = re.compile(r"\b(including|such as|among (them|others)|like|and others|among)\b", re.IGNORECASE)
MIN_SHARED = 2  # list members both lists name: fewer means two different groups
MIN_SIMILARITY = 0.5  # cosine of the two claims: the same event told twice
# Lists sharing this many members are one group whatever else the sentences say ("India, China,
# Japan, Turkey and Switzerland" / "... Turkey and South Korea"): any candidate pair qualifies.
LONG_SHARED = 3
MIN_EVENT_WORDS = 2  # shared lowercase content stems ("vote", "against"): the same thing happened
CLOSE_SIMILARITY = 0.65  # above this cosine one shared event word is enough
COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def _key(name: str) -> str:
    cleaned = clean_name(name)
    return ALIASES.get(cleaned.lower(), ALIASES.get(cleaned.lower() + ".", cleaned))


def _longest_list(text: str) -> tuple[list[str], re.Match | None]:
    best: tuple[list[str], re.Match | None] = ([], None)
    for m in NAME_LIST.finditer(text):
        middle = [n for n in re.split(r"\s*,\s*", m.group(2)) if n.strip()]
        names = [m.group(1), *middle, m.group(3)]
        if len(names) > len(best[0]):
            best = (names, m)
    return [clean_name(n) for n in best[0]], best[1]


def list_members(text: str) -> list[str]:
    """Names in the longest coordinated list of a sentence (empty when there is none)."""
    return _longest_list(text)[0]


def counted_size(text: str) -> int | None:
    """How many members the sentence says its list has, where it says so next to the list.

    "Two neighbouring countries, Ostrenia and Valdesia, sent planes", "Ostrenia
    and Kestria are the only two countries": a list its sentence counts is
    closed, so two such lists of one size differ even in one member.
    """
    names, m = _longest_list(text)
    count = COUNT_WORDS.get(len(names))
    if m is None or count is None or PARTIAL.search(text):
        return None
    before = re.search(rf"\b{count}\b(?:\s+[a-z]+){{0,2}},\s*(?:the\s+)?$", text[: m.start()], re.I)
    after = re.match(rf"\s+(?:are|were)\s+the\s+(?:only\s+)?{count}\b", text[m.end() :], re.I)
    return len(names) if before or after else None


def mentions(claim: Claim, name: str) -> bool:
    key = _key(name)
    return key in claim.entities or person_key(name) in claim.entities or name.lower() in claim.text.lower()


def event_words(text: str) -> set[str]:
    """Stems of the lowercase words: what happened, as opposed to who."""
    return content_stems(" ".join(w for w in WORD.findall(text) if w.islower()))


def check_entity_sets(a: Claim, b: Claim, similarity: float) -> Evidence | None:
    list_a, list_b = list_members(a.text), list_members(b.text)
    if not list_a or not list_b:
        return None
    keys_a, keys_b = {_key(n) for n in list_a}, {_key(n) for n in list_b}
    shared = keys_a & keys_b
    if similarity < MIN_SIMILARITY and len(shared) < LONG_SHARED:
        return None
    same_event_words = len(event_words(a.text) & event_words(b.text))
    size = counted_size(a.text)
    closed = size is not None and size == counted_size(b.text)
    if len(shared) < (1 if closed else MIN_SHARED) or same_event_words < (
        1 if similarity >= CLOSE_SIMILARITY else MIN_EVENT_WORDS
    ):
        return None  # not the same group of participants in the same event
    only_a = sorted({_key(n) for n in list_a if not mentions(b, n)}) if not PARTIAL.search(b.text) else []
    only_b = sorted({_key(n) for n in list_b if not mentions(a, n)}) if not PARTIAL.search(a.text) else []
    detail = {"shared": sorted(shared), "only_in_a": only_a, "only_in_b": only_b}
    if only_a or only_b:
        sides = "; ".join(
            f"only in {doc}: {', '.join(names)}" for doc, names in ((a.doc_id, only_a), (b.doc_id, only_b)) if names
        )
        return Evidence("entity_set", True, detail, f"different participants ({sides})")
    if keys_a == keys_b:
        return Evidence("entity_set", False, detail, f"the same participants ({', '.join(sorted(shared))})")
    return None
