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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checker.checks.base import Check, CheckSetting, Side
from checker.checks.text import WORD, content_stems
from checker.entities import ALIASES, clean_name, person_key
from checker.records import Claim, Evidence

NAME = r"(?:the\s+)?(?:[A-Z][\w.'’-]*\.?)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
NAME_LIST = re.compile(rf"({NAME})((?:\s*,\s*{NAME})*)\s*,?\s+(?:and|or|&)\s+({NAME})")
PARTIAL = re.compile(r"\b(including|such as|among (them|others)|like|and others|among)\b", re.IGNORECASE)
MIN_SHARED = 2  # list members both lists name: fewer means two different groups
# Lists sharing this many members are one group whatever else the sentences say ("India, China,
# Japan, Turkey and Switzerland" / "... Turkey and South Korea"): any candidate pair qualifies.
LONG_SHARED = 3
MIN_EVENT_WORDS = 2  # shared lowercase content stems ("vote", "against"): the same thing happened
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


@dataclass(frozen=True)
class NameList:
    """The longest list of names a claim gives, and what the comparison needs of the rest of it."""

    members: tuple[str, ...]
    size: int | None  # as the sentence counts it, where it does ("the two countries, A and B")
    partial: bool  # marked as partial: "including", "such as"
    event_words: frozenset[str]
    entities: tuple[str, ...]
    lowered: str  # the claim in lower case: a name written out is a mention of it


def mentions(names: NameList, name: str) -> bool:
    key = _key(name)
    return key in names.entities or person_key(name) in names.entities or name.lower() in names.lowered


def event_words(text: str) -> set[str]:
    """Stems of the lowercase words: what happened, as opposed to who."""
    return content_stems(" ".join(w for w in WORD.findall(text) if w.islower()))


class EntitySetCheck(Check):
    kind = "entity_set"
    rule = "The two claims list different participants in the same event."
    order = 20
    annotation = NameList
    settings = (
        CheckSetting("min_similarity", 0.5, "Cosine of the two claims below which their lists are not compared:"
                     " the same event told twice sits above it in the seeds and clusters."),
        CheckSetting("close_similarity", 0.65, "Above this cosine one shared event word (\"vote\", \"against\")"
                     " is enough to say the two lists are of the same event."),
    )  # fmt: skip
    evidence = {
        "description": "Participants named on both sides, and those on one side only.",
        "required": ["shared", "only_in_a", "only_in_b"],
        "properties": {
            "shared": {"type": "array", "items": {"type": "string"}},
            "only_in_a": {"type": "array", "items": {"type": "string"}},
            "only_in_b": {"type": "array", "items": {"type": "string"}},
        },
    }
    side_swaps = {"only_in_a": "only_in_b"}

    def annotate(self, claim: Claim, tokens) -> NameList:
        text = claim.text
        members = tuple(list_members(text))
        size = counted_size(text)
        return NameList(
            members, size, bool(PARTIAL.search(text)), frozenset(event_words(text)), claim.entities, text.lower()
        )

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """The whole list a side gives: the members both name and its own."""
        members = tuple(sorted({*detail.get("shared", ()), *detail.get(f"only_in_{side}", ())}))
        return members, ", ".join(members)

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        list_a, list_b = self.mine(a), self.mine(b)
        if not list_a.members or not list_b.members:
            return None
        keys_a, keys_b = {_key(n) for n in list_a.members}, {_key(n) for n in list_b.members}
        shared = keys_a & keys_b
        if similarity < self.setting("min_similarity") and len(shared) < LONG_SHARED:
            return None
        same_event_words = len(list_a.event_words & list_b.event_words)
        closed = list_a.size is not None and list_a.size == list_b.size
        close = similarity >= self.setting("close_similarity")
        if len(shared) < (1 if closed else MIN_SHARED) or same_event_words < (1 if close else MIN_EVENT_WORDS):
            return None  # not the same group of participants in the same event
        only_a = sorted({_key(n) for n in list_a.members if not mentions(list_b, n)}) if not list_b.partial else []
        only_b = sorted({_key(n) for n in list_b.members if not mentions(list_a, n)}) if not list_a.partial else []
        detail = {"shared": sorted(shared), "only_in_a": only_a, "only_in_b": only_b}
        if only_a or only_b:
            sides = "; ".join(
                f"only in {doc}: {', '.join(names)}" for doc, names in ((a.doc_id, only_a), (b.doc_id, only_b)) if names
            )
            return Evidence(self.kind, True, detail, f"different participants ({sides})")
        if keys_a == keys_b:
            return Evidence(self.kind, False, detail, f"the same participants ({', '.join(sorted(shared))})")
        return None
