"""`number` check: two claims give different values for the same quantity.

A quantity is a number with what it counts: the noun after it ("18 votes") and,
for votes, the polarity words near it ("against", "in favor"). Counted agents
that then vote ("four countries ... voted against") count votes. Two
quantities are the same only when their units match and their polarities do
not differ, so "10 votes in favor" never meets "18 votes against", and two
unrelated "50%" figures of different things are never compared. Bounds and
round figures ("at least five", "nearly a dozen") contradict only a value
outside them. Ages set off by commas ("Jane Doe, 30,") and numbers that are
part of a name ("ABC 15", "January 5") are not counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.checks.text import MONTH_NAMES, STOP, WORD, blank, stem
from checker.records import Claim, Evidence

WORD_NUMBERS = {
    "none": 0,
    "no": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
}
SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|percent\b|per cent\b))?"
    r"|\b(" + "|".join(WORD_NUMBERS) + r")\b(?!-)",
    re.IGNORECASE,
)
POLARITY = {
    "against": "against",
    "favor": "for",
    "favour": "for",
    "for": "for",
    "abstain": "abstain",
    "abstention": "abstain",
    "oppos": "against",
    "support": "for",
}
AGENTS = {
    stem(w) for w in ("countries", "nations", "states", "members", "senators", "lawmakers", "delegates", "parties")
}
VOTE, ABSTENTION = stem("votes"), stem("abstentions")
PLAIN_COUNT_SIMILARITY = 0.6  # cosine two claims need before their unpolarized counts are compared
PERCENT_SHARED_CONTEXT = 2  # content words two percentages must share to be the same measure
YEAR = re.compile(r"^(1[89]|20)\d\d$")
NOT_A_COUNT = re.compile(r"\b(one of|one another|no one|no longer|no more)\b", re.IGNORECASE)
AGE = re.compile(r"\b([A-Z][a-z]+), \d{1,3},(?!\d)")  # "Aamir Dhawan, 30, a local": an age, not "Syria, 250,000"
# "station ABC 15", "on January 5": part of a name or a date; not "In 15 days", not "told CNN that 50"
PART_OF_NAME = re.compile(rf"(?:[a-z,;:] [A-Z]{{2,5}}|\b(?:{MONTH_NAMES}))\s$")
DAY_OF_MONTH = re.compile(rf"^\s+(?:{MONTH_NAMES})\b")  # "5 January"
ARTICLE = r"(?:an?\s+)?"  # "at least a dozen"
LOWER_BOUND = re.compile(
    rf"\b(?:at least|more than|over|above|upwards of|no fewer than|no less than)\s+{ARTICLE}$", re.I
)
UPPER_BOUND = re.compile(rf"\b(?:at most|up to|fewer than|less than|under|below|no more than)\s+{ARTICLE}$", re.I)
APPROXIMATE = re.compile(
    rf"\b(?:about|around|nearly|almost|roughly|approximately|some|close to|an estimated)\s+{ARTICLE}$", re.I
)
ROUND_WORDS = {"dozen", "hundred"}  # "a dozen" is rarely exactly twelve
ROUNDING = 0.15  # an approximate figure covers values within 15% of it: "nearly a dozen" holds 11


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    polarity: str
    text: str
    start: int
    context: frozenset[str] = frozenset()
    noun: str = ""
    bound: str = ""  # "lower", "upper", "approximate" or "" (exact)

    def interval(self) -> tuple[float, float]:
        """The values this figure allows."""
        if self.bound == "lower":
            return self.value, float("inf")
        if self.bound == "upper":
            return float("-inf"), self.value
        if self.bound == "approximate":
            return self.value * (1 - ROUNDING), self.value * (1 + ROUNDING)
        return self.value, self.value

    def allows(self, other: Quantity) -> bool:
        """Whether both figures can be true of one quantity."""
        low, high = self.interval()
        other_low, other_high = other.interval()
        return low <= other_high and other_low <= high


def _following_words(text: str, end: int, limit: int) -> list[str]:
    return WORD.findall(text[end : end + 120])[:limit]


def _unit(words: list[str]) -> str:
    """What is counted: the first common noun-like word ("five European countries" → country)."""
    candidates = [w for w in words if w.lower() not in STOP]
    lowercase = [w for w in candidates if w[0].islower()]
    return stem((lowercase or candidates or [""])[0]) if candidates else ""


def _bound(before: str, word: str | None) -> str:
    if LOWER_BOUND.search(before):
        return "lower"
    if UPPER_BOUND.search(before):
        return "upper"
    if APPROXIMATE.search(before) or (word and word.lower() in ROUND_WORDS):
        return "approximate"
    return ""


def extract_quantities(text: str) -> list[Quantity]:
    """Counted quantities of a sentence; years, ages, names, 'one of' and ordinals are not quantities."""
    masked = blank(NOT_A_COUNT, text)
    masked = AGE.sub(lambda m: m.group(1) + "#" * (len(m.group()) - len(m.group(1))), masked)
    found, scale_end = [], 0
    for m in NUMBER.finditer(masked):
        digits, percent, word = m.group(1), m.group(2), m.group(3)
        if m.start() < scale_end:
            continue  # the "hundred" of "three hundred", already read as its scale
        if digits and YEAR.match(digits) and not percent:
            continue
        preceding = masked[max(0, m.start() - 40) : m.start()]
        if digits and PART_OF_NAME.search(preceding):
            continue
        if digits and DAY_OF_MONTH.match(masked[m.end() : m.end() + 12]):
            continue
        value = float(digits.replace(",", "")) if digits else float(WORD_NUMBERS[word.lower()])
        after = _following_words(masked, m.end(), 14)
        figure = m.group().strip()
        if after and after[0].lower() in SCALE:
            figure += " " + after[0]
            scale_end = masked.index(after[0], m.end()) + len(after[0])
            value *= SCALE[after.pop(0).lower()]
        zero_votes = bool(word) and word.lower() in {"no", "none"}
        if zero_votes and not (after and after[0].lower() == "against"):
            continue  # "no longer", "none of them": only "none against" counts votes
        unit = "%" if percent else _unit(after[:3])
        if not unit and not after:
            continue
        noun = "percent" if percent else next((w for w in after[:3] if stem(w) == unit), unit)
        window = [stem(w) for w in after[:12]]
        voting = unit in AGENTS or unit == VOTE or any(w.startswith(("vot", "ballot")) for w in window)
        polarity = next((POLARITY[p] for w in window for p in POLARITY if w.startswith(p)), "") if voting else ""
        if unit in AGENTS and any(w.startswith("vot") for w in window):
            unit = VOTE
        elif unit in AGENTS and any(w.startswith("abstain") for w in window):
            unit, polarity = ABSTENTION, "abstain"
        if zero_votes:
            unit, polarity, noun = VOTE, "against", "votes"
        before = WORD.findall(masked[max(0, m.start() - 80) : m.start()])[-6:]
        context = frozenset(stem(w) for w in before + after[:6] if w.lower() not in STOP and len(w) > 2)
        found.append(Quantity(value, unit, polarity, figure, m.start(), context, noun, _bound(preceding, word)))
    return found


def quantity_keys(text: str) -> set[str]:
    """Keys of the specific quantities of a claim (unit and polarity both known): a pairing channel."""
    return {f"{q.unit}:{q.polarity}" for q in extract_quantities(text) if q.polarity and q.unit not in {"", "%"}}


def same_quantity(x: Quantity, y: Quantity) -> bool:
    if not x.unit or x.unit != y.unit:
        return False
    if x.unit == "%":
        # a percentage names what it measures only through its neighbours
        return len(x.context & y.context) >= PERCENT_SHARED_CONTEXT
    return x.polarity == y.polarity


def check_numbers(a: Claim, b: Claim, similarity: float) -> Evidence | None:
    """Contradicting evidence for the first differing shared quantity, else agreement if one matches.

    A quantity with a polarity ("votes against") is specific enough to compare
    between loosely similar claims; a plain count ("12 people") needs the
    claims to be about the same thing (similarity >= PLAIN_COUNT_SIMILARITY).
    Claims set in different organisations or events (a Security Council vote,
    a General Assembly vote) count different things.
    """
    if a.setting and b.setting and not set(a.setting) & set(b.setting):
        return None
    agreeing = None
    for x in extract_quantities(a.text):
        for y in extract_quantities(b.text):
            if not same_quantity(x, y) or (not x.polarity and similarity < PLAIN_COUNT_SIMILARITY):
                continue
            detail = {
                "unit": x.unit,
                "polarity": x.polarity,
                "a": {"value": x.value, "text": x.text},
                "b": {"value": y.value, "text": y.text},
            }
            if not x.allows(y):
                message = f"{x.text} {x.noun} vs {y.text} {y.noun}{' ' + x.polarity if x.polarity else ''}"
                return Evidence("number", True, detail, message)
            one_sided = {x.bound, y.bound} & {"lower", "upper"}
            if x.value == y.value and not one_sided:  # "less than 10" and "more than 10" do not agree
                agreeing = agreeing or Evidence("number", False, detail, f"both give {x.text} {x.noun}")
    return agreeing


class QuantityIndex:
    """Which values each document gives for each quantity key."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.values: dict[tuple[str, str], set[float]] = {}
        for claim in claims:
            for q in extract_quantities(claim.text):
                self.values.setdefault((claim.doc_id, f"{q.unit}:{q.polarity}"), set()).add(q.value)

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        """True when each side's value appears elsewhere in the other document.

        An article that reports two votes (93 for in one, 10 for in the other)
        does not contradict a source that gives one of its values: the claims
        were about different votes.
        """
        key = f"{evidence.detail['unit']}:{evidence.detail['polarity']}"
        return evidence.detail["a"]["value"] in self.values.get((b.doc_id, key), set()) or evidence.detail["b"][
            "value"
        ] in self.values.get((a.doc_id, key), set())
