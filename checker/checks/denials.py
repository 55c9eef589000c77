"""`denial` check: one source has someone confirm what another has the same one deny.

"Kestrel confirmed that a fault in the stabilisers had been logged" against
"Kestrel denied that any fault had been reported". The NLI model reads such
pairs poorly: the reporting frames differ and the content overlaps only in
part. Only the same speaker counts. "Police said the captain was arrested"
against "the company denied it" gives two accounts that may both be reported
correctly; one speaker who confirms in one outlet and denies in another is a
discrepancy between the outlets. Only verbs that confirm count as the other
side ("confirmed", "acknowledged", "admitted"): a speaker who denies one
thing often says another about the same matter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from checker.checks.base import Check, CheckSetting
from checker.checks.text import STOP, WORD
from checker.entities import entity_key, person_key
from checker.records import Claim, Evidence

DENY = re.compile(r"\b(?:denied|denies|deny|denying|refuted|refutes)\b")
# Only verbs that confirm: "Smith said the charges were politically motivated" does not confirm
# the charges Smith denied, and "rejected the appeal" is a decision, not a denial.
AFFIRM = re.compile(r"\b(?:confirmed|confirms|acknowledged|acknowledges|admitted|admits)\b")
NEGATED = re.compile(r"\b(?:not|no|never|none|nothing)\b|n['’]t\b", re.IGNORECASE)
# The speaker: the run of capitalised words closest before the verb ("Myagdi's chief district officer,
# Hari Bahadur Thapa, denied"; "Kestrel has denied"), with at most an auxiliary or adverb between.
SPEAKER = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\s*,?\s*(?:(?:has|have|had|also|again|later|flatly|strongly)\s+)*$"
)
# One who speaks for another: "A Brennmark spokeswoman denied", "Kestrel's spokesman has confirmed"
SPOKESPERSON = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*?)(?:['’]s)?\s+(?:spokesman|spokeswoman|spokesperson|representative)"
    r"\s*,?\s*(?:(?:has|have|had|also|again|later|flatly|strongly)\s+)*$"
)
# A subject with a clause about it before its verb: "Brennmark, which says it has replaced its
# management, confirmed"
DESCRIBED_SUBJECT = re.compile(
    r"^((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*),\s+(?:which|who)\b[^,]*,\s*(?:(?:has|have|had|also)\s+)*$"
)
ARTICLE = re.compile(r"^(?:A|An|The)\s+")
# Subjects that name no one in particular: two of them are not one speaker.
GENERIC_SPEAKERS = {"it", "he", "she", "they", "we", "i", "you", "officials", "police", "authorities", "lawmakers",
                    "residents", "witnesses", "analysts", "critics", "sources", "officers", "experts", "doctors",
                    "researchers", "scientists", "reports", "spokesman", "spokeswoman", "spokesperson", "but", "and",
                    "the", "a", "an", "government", "company", "officials'"}  # fmt: skip
PREFIX = 5  # content words compared by their first letters: "evacuation" and "evacuated" match
MIN_SHARED_WORDS = 2  # content words the denied and the confirmed statement share: one matter


def _content(text: str) -> set[str]:
    return {w.lower()[:PREFIX] for w in WORD.findall(text) if w.islower() and w not in STOP and len(w) > 3}


class Statement(NamedTuple):
    verb: str
    speaker: str  # as written
    keys: frozenset[str]  # the speaker's entity keys
    content: frozenset[str]  # content words of what was said


def _statement(claim: Claim, verb: re.Pattern) -> Statement | None:
    """The first statement the claim reports with `verb`.

    The content is what follows the verb ("denied that any fault was reported"),
    or, for an attribution at the end ("a fault was logged, Kestrel said"), what precedes the speaker.
    """
    m = verb.search(claim.text)
    if not m:
        return None
    window_start = max(0, m.start() - 80)
    window = claim.text[window_start : m.start()]
    spokesperson = SPOKESPERSON.search(window)
    speaker = spokesperson or SPEAKER.search(window)
    if not speaker and (speaker := DESCRIBED_SUBJECT.match(claim.text[: m.start()])):
        window_start = 0
    if not speaker:
        return None
    name = ARTICLE.sub("", speaker.group(1).strip(" ,"))
    if not set(name.lower().split()) - GENERIC_SPEAKERS:
        return None  # "It", "Officials", "Police": anyone
    # one who speaks for another speaks for an organisation, known by its whole name: the Justice
    # Department is not the State Department
    keys = {entity_key(name, "ORG") or ""} | ({person_key(name)} if not spokesperson else set())
    keys -= {""}
    content = _content(claim.text[m.end() :])
    if len(content) < MIN_SHARED_WORDS:
        content = _content(claim.text[: window_start + speaker.start()])
    return Statement(m.group(), name, frozenset(keys), frozenset(content))


class Statements(NamedTuple):
    """What a claim has someone deny and confirm, and whether it negates anything."""

    denial: Statement | None
    affirmation: Statement | None
    denies: bool  # a denying verb, with a speaker found or not
    negated: bool


class DenialCheck(Check):
    kind = "denial"
    rule = "One claim has someone confirm what the other has the same one deny."
    order = 50
    annotation = Statements
    settings = (
        CheckSetting(
            "min_similarity",
            0.45,
            "The pairing floor: the same speaker and shared content words already say it is one matter.",
        ),
    )
    evidence = {
        "description": "One speaker who confirms on one side and denies on the other.",
        "required": ["speaker", "a", "b"],
        "properties": {
            "speaker": {"type": "string"},
            "a": {"type": "string", "description": "The reporting verb on side a: confirmed, said, denied, ..."},
            "b": {"type": "string"},
        },
    }
    whole_subject = True

    def annotate(self, claim: Claim, tokens) -> Statements:
        denies = bool(DENY.search(claim.text))
        negated = bool(NEGATED.search(claim.text))
        return Statements(_statement(claim, DENY), _statement(claim, AFFIRM), denies, negated)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return str(detail.get("speaker", ""))

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        if similarity < self.setting("min_similarity"):
            return None
        for denier, other in ((a, b), (b, a)):
            denial, theirs = self.mine(denier).denial, self.mine(other)
            if not denial or theirs.denies:
                continue
            affirmation = theirs.affirmation
            if not affirmation or theirs.negated:
                continue  # "Kestrel said no fault was logged" agrees with the denial
            if denial.keys & affirmation.keys and len(denial.content & affirmation.content) >= MIN_SHARED_WORDS:
                sides = (denial.verb, affirmation.verb) if denier is a else (affirmation.verb, denial.verb)
                detail = {"speaker": denial.speaker, "a": sides[0], "b": sides[1]}
                return Evidence(self.kind, True, detail, f"{denial.speaker}: {sides[0]} vs {sides[1]}")
        return None
