"""`quote` check: one source puts words in one person's mouth, another the same words in another's.

'"We are not yet in a position to say the fire is under control," Carla Ribo,
a spokeswoman for the fire service, said' against the same sentence "said
Marta Solis, a spokeswoman for the fire service". The model reads the quotes
as one statement and agrees; who said it is what differs. A misattributed
quote is among the first things a fact-checker looks for, so the same words
with two different named speakers contradict, and with one speaker agree.

Only a quote long enough to be one person's own words counts (MIN_WORDS):
two people may both say "We are deeply saddened", hardly the same fifteen
words. Speakers are compared by surname, as people are elsewhere, and only
personal names count: "a spokesman" or "the ministry" may be anyone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from checker.checks.base import Check
from checker.checks.text import WORD
from checker.entities import person_key
from checker.records import Claim, Evidence

# Words a quote needs to be one person's own: set phrases that several people say ("We are deeply
# saddened", "no comment at this time") are shorter; the misattributed quotes in the clusters have 12-15.
MIN_WORDS = 8
QUOTE = re.compile(r"[“\"]([^”\"]+)[”\"]")
# A personal name: two to four capitalised words ("Marta Solis", "Hari Bahadur Thapa")
NAME = r"((?:[A-Z][a-zà-ÿ'’-]+ ){1,3}[A-Z][a-zà-ÿ'’-]+)"
VERB = r"(?:said|says|told|tells|added|adds|wrote|writes|stated|insisted|explained)"
# '"...," said Marta Solis' / '"...," Carla Ribo, a spokeswoman, said' / 'Carla Ribo said: "..."'
SPEAKER_AFTER = re.compile(rf"^\W*(?:{VERB}\s+)?{NAME}(?=\s*[,.]|\s+{VERB}\b|\s*$)")
# the name next to its verb, or with a description between ("Jane Doe, a spokeswoman, said:"), so
# "After meeting Joe Biden, Keir Starmer said:" is Starmer's
SPEAKER_BEFORE = re.compile(rf"{NAME}(?:,\s+(?:a|an|the)\s+[^\"“,]*,)?\s+{VERB}(?:\s+\w+)?[:,]?\s*$")

# A name described as someone ("Hanna Berglof, a spokeswoman for ...") is a person the tagger missed
DESCRIBED = re.compile(r"^,\s+(?:a|an|the)\s+[a-z]")


class Quote(NamedTuple):
    words: tuple[str, ...]  # the quoted words, lower case
    speaker: str  # as written


def _quotes(claim: Claim) -> list[Quote]:
    """Quotes of at least MIN_WORDS words whose speaker the claim names."""
    found = []
    for m in QUOTE.finditer(claim.text):
        words = tuple(w.lower() for w in WORD.findall(m.group(1)))
        if len(words) < MIN_WORDS:
            continue
        after = SPEAKER_AFTER.match(claim.text[m.end() :])
        speaker = after or SPEAKER_BEFORE.search(claim.text[: m.start()])
        if not speaker:
            continue
        described = after is not None and DESCRIBED.match(claim.text[m.end() + after.end() :])
        if described or person_key(speaker.group(1)) in claim.entities:  # a person, not "The Fire Ministry"
            found.append(Quote(words, speaker.group(1)))
    return found


class QuoteCheck(Check):
    """The same quoted words on both sides: contradicting when two different people are said to say them."""

    kind = "quote"
    rule = "The same quoted words are attributed to two different people."
    order = 60
    annotation = tuple[Quote, ...]
    evidence = {
        "description": "The same quoted words on both sides, and who each side says spoke them.",
        "required": ["quote", "a", "b"],
        "properties": {
            "quote": {"type": "string", "description": "The quoted words both sides give, lower case."},
            "a": {"type": "string", "description": "The speaker side a names."},
            "b": {"type": "string"},
        },
    }
    whole_subject = True

    def annotate(self, claim: Claim, tokens) -> tuple[Quote, ...]:
        return tuple(_quotes(claim))

    def subject(self, detail: Mapping[str, Any]) -> str:
        return str(detail.get("quote", ""))

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        for x in self.mine(a):
            for y in self.mine(b):
                shorter, longer = sorted((" ".join(x.words), " ".join(y.words)), key=len)
                if shorter not in longer:  # one outlet may quote less of it
                    continue
                detail = {"quote": shorter, "a": x.speaker, "b": y.speaker}
                if person_key(x.speaker) != person_key(y.speaker):
                    return Evidence(self.kind, True, detail, f"the same words from {x.speaker} vs {y.speaker}")
                return Evidence(self.kind, False, detail, f"both quote {x.speaker}")
        return None
