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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from checker.checks.base import Check, CheckSetting
from checker.checks.text import MONTH_NAMES, MONTHS, STOP, WEEKDAYS, WORD, blank, stem
from checker.entities import share_entity
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
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
SCALE = {"hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12,
         "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9}  # fmt: skip
MONEY_SCALE = {"m": 1e6, "k": 1e3}  # "$5m", "£40k": only after a currency sign, where "m" is no metre
# Currency signs before a figure and currency words after it, by the name a reader compares them under.
CURRENCY_SIGN = re.compile(r"(?:\b[A-Z]{1,2}\$|\$|€|£|¥|₹|\bRs\.?\s?|\b(?:USD|EUR|GBP|INR|JPY|CNY)\s?)$")
SIGNS = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "rs": "rupee",
         "usd": "dollar", "eur": "euro", "gbp": "pound", "inr": "rupee", "jpy": "yen", "cny": "yuan"}  # fmt: skip
CURRENCY_WORDS = {"dollar", "euro", "pound", "rupee", "yen", "yuan", "kroner", "krone", "kronor", "crown", "franc",
                  "ruble", "rouble", "dinar", "peso", "rand", "shekel", "lira", "won", "baht", "ringgit", "naira", "dirham"}  # fmt: skip
# What news counts under several names: "164 deaths" and "146 of the dead" count one thing.
UNIT_NAMES = {"dead": "death", "fatality": "death", "killed": "death", "wounded": "injured", "injury": "injured",
              "hurt": "injured", "role": "job", "position": "job", "post": "job"}  # fmt: skip
UNIT_SYNONYMS = {stem(word): stem(name) for word, name in UNIT_NAMES.items()}
# "killed 12 people and injured 30 people": a count of people is known by what happened to them
GENERIC_UNITS = {stem(w) for w in ("people", "persons", "others", "civilians", "residents")}
EVENT_UNITS = {"kill": "death", "die": "death", "dead": "death", "injur": "injured", "wound": "injured",
               "hurt": "injured", "arrest": "arrested", "rescu": "rescued", "evacu": "evacuated",
               "detain": "detained", "missing": "missing", "unaccounted": "missing"}  # fmt: skip
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
UNITS = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|percent\b|per cent\b))?"
    rf"|(?<!-)\b((?:{TENS})[- ](?:{UNITS})|" + "|".join(WORD_NUMBERS) + r")\b(?!-)",  # "fifty-seven", "twenty five"
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
# A figure in a hedged sentence is a forecast or a supposition ("could cost $2,000", "if it weighs
# two ounces, that is $2,400", "the analyst predicts $999"): two of them differing is no discrepancy.
HEDGE = re.compile(  # modals in lower case: "May 12" is a date
    r"\b(?:[Cc]ould|[Mm]ight|may|[Ii]f|[Pp]redict\w*|[Ff]orecast\w*|[Ss]peculat\w*|[Rr]umou?r\w*|believes?|"
    r"[Gg]uess\w*)\b"
)
# "Together the parties would hold 95 seats" supposes; "Acme said it would cut 2,400 jobs" reports a plan.
# A figure a "would" governs: the "would" stands shortly before it ("would hold 95 seats").
CONDITIONAL = re.compile(r"\bwould\b(?:\W+\w+){0,4}\W*$")
REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|announced|told|expects?|expected|plans?|planned|promised|pledged|confirmed|warned|stated|"
    r"added|revealed)\b(?:[^.;]|\.\d)*\bwould\b"
)
PERCENT_SHARED_CONTEXT = 2  # content words two percentages must share to be the same measure
YEAR = re.compile(r"^(1[89]|20)\d\d$")
# "57 of the 183 seats": the second figure is the whole the first is part of, a count of its own
OF_A_WHOLE = re.compile(r"\b(?:out\s+)?of\s+(?:(?:the|all|its|their)\s+)?(?:[\w.]+['’]s\s+)?$", re.IGNORECASE)
NOT_A_COUNT = re.compile(r"\b(one of|one another|no one|no longer|no more)\b", re.IGNORECASE)
# A named person's age: "Aamir Dhawan, 30, a local" (not "Syria, 250,000"), "the 49-year-old Sorell",
# "Sorell (46)". It is a quantity of its own, unit "age:<surname>", and no count of what follows it.
AGE = re.compile(r"\b([A-Z][a-z]+), (\d{1,3}),(?!\d)|\b([A-Z][a-z]+) \((\d{1,3})\)")
AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})-year-old (?:[a-z]+ ){0,2}([A-Z][a-z]+)\b")
AGE_UNIT = "age:"
# "station ABC 15", "on January 5": part of a name or a date; not "In 15 days", not "told CNN that 50"
PART_OF_NAME = re.compile(rf"(?:[a-z,;:] [A-Z]{{2,5}}|\b(?:{MONTH_NAMES}))\s$")
DAY_OF_MONTH = re.compile(rf"^\s+(?:{MONTH_NAMES})\b")  # "5 January"
ARTICLE = r"(?:an?\s+)?"  # "at least a dozen"
LOWER_BOUND = re.compile(
    rf"\b(?:at least|more than|over|above|upwards of|no fewer than|no less than|start(?:s|ed|ing)? at)\s+{ARTICLE}$",
    re.I,
)
UPPER_BOUND = re.compile(rf"\b(?:at most|up to|fewer than|less than|under|below|no more than)\s+{ARTICLE}$", re.I)
APPROXIMATE = re.compile(
    rf"\b(?:about|around|nearly|almost|roughly|approximately|some|close to|an estimated)\s+{ARTICLE}$", re.I
)
ROUND_WORDS = {"dozen", "hundred"}  # "a dozen" is rarely exactly twelve
# An approximate figure covers half a unit of its last written digit either side, but at least 5% and
# at most 15% of it: "nearly 300" holds 287, "about 2,400" not 3,100, "about $6.8 billion" not $7.6bn,
# "nearly a dozen" (a round word: 15%) holds 11.
ROUNDING = (0.05, 0.15)
ROUNDED_EXACT = 0.02  # "$350" against "$349": a round figure in news is often a rounded one
# "an additional 14 officers were arrested": an increment, not the total another outlet gives
INCREMENT = re.compile(r"\b(?:an? additional|another|a further|an extra)\s+$", re.IGNORECASE)
# Words that time a figure: two figures timed differently ("92 bodies by Monday", "287 by Tuesday")
# are counts at two moments, not two values of one count.
EARLIER = {"initial", "initially", "earlier", "original", "originally", "opening", "previous", "previously"}
MONTH_WORDS = {m.lower() for m in MONTHS}
# Parts of a day, and a market's close: "up 2.1 percent by midday", "closed 3.4 percent higher"
PARTS_OF_DAY = {"morning", "midday", "noon", "afternoon", "evening", "night", "overnight", "closed"}
TIME_WORDS = {w.lower() for w in WEEKDAYS} | MONTH_WORDS | EARLIER | PARTS_OF_DAY | {"yesterday", "today"}
# A running tally names its moment: "had burned 8,600 hectares by Monday evening". Against a figure
# that names none (written when?) it is a count at another moment, not a second value of one count.
TALLY = re.compile(
    rf"^\W*(?:\w+\W+){{0,3}}(?:by|as of|as at|until)\s+(?:the\s+)?(?:{'|'.join(sorted(TIME_WORDS))})\b", re.I
)


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
    spread: float = 0.0  # how far either side of `value` an approximate figure reaches
    when: frozenset[str] = frozenset()  # time words near the figure
    supposed: bool = False  # governed by a "would" no one is reported to have said
    tally: bool = False  # a count "by <time>": true of that moment
    increment: bool = False  # "an additional 14": added to a total

    @property
    def specific(self) -> bool:
        """Specific enough to compare between loosely similar claims: votes for or against, a person's age."""
        return bool(self.polarity) or self.unit.startswith(AGE_UNIT)

    def interval(self) -> tuple[float, float]:
        """The values this figure allows."""
        low, high = self.value - self.spread, self.value + self.spread
        if self.bound == "lower":
            return low, float("inf")
        if self.bound == "upper":
            return float("-inf"), high
        return low, high

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
    unit = stem((lowercase or candidates or [""])[0]) if candidates else ""
    return UNIT_SYNONYMS.get(unit, unit)


def _currency(before: str, after: list[str]) -> str:
    """The currency of a money figure ("$6.8 billion", "5 million euros"), or "" for a count."""
    sign = CURRENCY_SIGN.search(before)
    if sign:
        key = sign.group().strip().rstrip(".").lower()
        if key.endswith("$") and key not in SIGNS:
            return key[:-1] + " dollar"  # A$, HK$: not US dollars
        return SIGNS.get(key, "dollar")
    if after and stem(after[0]).lower() in CURRENCY_WORDS:
        return stem(after.pop(0)).lower()
    return ""


def _per(after: list[str]) -> str:
    """What a money figure is paid for: "$42.50 a share", "per share", "$42.50-a-share"."""
    words = after[0].lower().split("-") if after else []
    if words[:1] in (["a"], ["an"], ["per"]):
        noun = words[1:] or [w.lower() for w in after[1:2]]
        return "/" + stem(noun[0]) if noun else ""
    return ""


def _bound(before: str, word: str | None) -> str:
    if LOWER_BOUND.search(before):
        return "lower"
    if UPPER_BOUND.search(before):
        return "upper"
    if APPROXIMATE.search(before) or (word and word.lower() in ROUND_WORDS):
        return "approximate"
    return ""


def _spread(value: float, digits: str | None, approximate: bool) -> float:
    """How far a figure reaches: half a unit of its last written digit, within ROUNDING if approximate.

    An exact round figure may be rounded too ("$350" for "$349"), but by at most ROUNDED_EXACT.
    """
    low, high = ROUNDING
    if not digits or not value:
        return value * high if approximate else 0.0
    plain = digits.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    trailing_zeros = 0 if decimals else len(plain) - len(plain.rstrip("0"))
    unit = 10.0 ** (trailing_zeros - decimals) * value / float(plain)
    if approximate:
        return value * min(high, max(low, unit / 2 / value))
    return min(unit / 2, value * ROUNDED_EXACT) if trailing_zeros else 0.0


def _supposed(text: str, start: int) -> bool:
    """A figure "would" governs, where no one is reported to have said it: a supposition."""
    return bool(CONDITIONAL.search(text[max(0, start - 60) : start])) and not REPORTED_FUTURE.search(text[:start])


def _event_unit(before: list[str], after: list[str]) -> str:
    """What happened to the people counted: the nearest such verb before the figure, else after it."""
    for word in [*reversed(before), *after]:
        for prefix, unit in EVENT_UNITS.items():
            if word.lower().startswith(prefix):
                return stem(unit)
    return ""


def _is_whole(masked: str, m: re.Match, found: list[Quantity]) -> bool:
    """ "57 of the 183 seats", "Of the 183 seats, ...", "the 183-seat parliament": the whole, not a part."""
    of_a_whole = OF_A_WHOLE.search(masked[max(0, m.start() - 40) : m.start()])
    starts_sentence = re.match(r"\s*Of\b", masked[: m.start()])
    return bool(of_a_whole and (found or starts_sentence)) or masked[m.end() : m.end() + 1] == "-"


def _says(word: str, polarity_word: str) -> bool:
    """A polarity word, whole or inflected ("opposed", "supporting"); "for" only whole, not "force"."""
    return word == polarity_word or (len(polarity_word) > 3 and word.startswith(polarity_word))


def _when(window: str, words: list[str]) -> frozenset[str]:
    """Time words near a figure; a month with its day ("June 24") is a date, not a period."""
    dates = {d.lower() for d in re.findall(rf"\b(?:{MONTH_NAMES}) \d{{1,2}}\b", window)}
    dated = {d.split()[0] for d in dates}
    return frozenset({w.lower() for w in words if w.lower() in TIME_WORDS} - dated) | dates


def extract_quantities(text: str) -> list[Quantity]:
    """Counted quantities of a sentence; years, ages, names, 'one of' and ordinals are not quantities."""
    masked = blank(NOT_A_COUNT, text.replace("’", "'"))  # one apostrophe: "parliament’s" is one word
    found = _ages(masked)
    masked = blank(AGE_BEFORE_NAME, blank(AGE, masked))
    scale_end = 0
    for m in NUMBER.finditer(masked):
        digits, percent, word = m.group(1), m.group(2), m.group(3)
        if m.start() < scale_end:
            continue  # the "hundred" of "three hundred", already read as its scale
        if digits and YEAR.match(digits) and not percent:
            continue
        preceding = masked[max(0, m.start() - 40) : m.start()]
        if digits and PART_OF_NAME.search(preceding) and not CURRENCY_SIGN.search(preceding):
            continue
        if digits and DAY_OF_MONTH.match(masked[m.end() : m.end() + 12]):
            continue
        value = (
            float(digits.replace(",", ""))
            if digits
            else float(sum(WORD_NUMBERS[w] for w in re.split("[- ]", word.lower())))
        )
        after = _following_words(masked, m.end(), 14)
        figure = m.group().strip()
        sign = CURRENCY_SIGN.search(preceding)
        scales = SCALE | (MONEY_SCALE if sign else {})
        if after and after[0].lower() in scales:
            figure += (" " if after[0].lower() in SCALE and len(after[0]) > 2 else "") + after[0]
            scale_end = masked.index(after[0], m.end()) + len(after[0])
            value *= scales[after.pop(0).lower()]
            rest = re.match(rf"\s+and\s+({'|'.join(WORD_NUMBERS)})\b", masked[scale_end:], re.IGNORECASE)
            if rest and value < 1000:  # "one hundred and twenty"
                value += WORD_NUMBERS[rest.group(1).lower()]
                figure += f" and {rest.group(1)}"
                scale_end += rest.end()
                after = _following_words(masked, scale_end, 14)
        zero_votes = bool(word) and word.lower() in {"no", "none"}
        if zero_votes and not (after and after[0].lower() == "against"):
            continue  # "no longer", "none of them": only "none against" counts votes
        currency = _currency(preceding, after)
        unit = (
            "%"
            if percent
            else (currency + _per(after) if currency else _unit([w for w in after[:5] if not w.endswith("'s")][:3]))
        )
        if not unit and not after:
            continue
        noun = "percent" if percent else currency or next((w for w in after[:5] if _unit([w]) == unit), unit)
        if unit in GENERIC_UNITS:
            unit = _event_unit(WORD.findall(preceding)[-4:], after[:5]) or unit
        if unit and _is_whole(masked, m, found):
            unit += ":whole"
        if sign:
            figure = sign.group().lstrip() + figure
        window = [stem(w) for w in after[:12]]
        voting = unit in AGENTS or unit == VOTE or any(w.startswith(("vot", "ballot")) for w in window)
        polarity = next((POLARITY[p] for w in window for p in POLARITY if _says(w, p)), "") if voting else ""
        if unit in AGENTS and any(w.startswith("vot") for w in window):
            unit = VOTE
        elif unit in AGENTS and any(w.startswith("abstain") for w in window):
            unit, polarity = ABSTENTION, "abstain"
        if zero_votes:
            unit, polarity, noun = VOTE, "against", "votes"
        # a percentage names what it measures further back ("The final turnout, including the
        # postal ballots counted on Monday, was 77.6 per cent"): its context reaches back further
        before = WORD.findall(masked[max(0, m.start() - 120) : m.start()])[-(12 if percent else 6) :]
        # what a sum pays is said in common words ("fine", "offer") and its day: a shared name is no
        # such word ("revenue of Brennmark", "Brennmark's legal costs"), so money keeps only those
        context = frozenset(
            stem(w)
            for w in before + after[:6]
            if w.lower() not in STOP
            and len(w) > 2
            and not (currency and w[0].isupper() and w.lower() not in TIME_WORDS)
        )
        when = _when(masked[max(0, m.start() - 120) : m.end() + 80], before + after[:6])
        before_sign = preceding[: sign.start()] if sign else preceding
        bound = _bound(before_sign, word)
        spread = _spread(value, digits, bound == "approximate")
        supposed = _supposed(text, m.start())
        # "killed 12 and another 30 injured": a second group, not more of one count
        first_of_its_kind = all(q.unit.removesuffix(":whole") == unit.removesuffix(":whole") for q in found)
        increment = first_of_its_kind and bool(INCREMENT.search(before_sign))
        tally = bool(when and TALLY.match(masked[m.end() :]))
        found.append(
            Quantity(
                value, unit, polarity, figure, m.start(), context, noun, bound, spread, when, supposed, tally, increment
            )
        )
    return found


def _ages(text: str) -> list[Quantity]:
    """Named people's ages: "Sorell, 46,", "Sorell (46)", "the 49-year-old Sorell"."""
    ages = []
    for m in chain(AGE.finditer(text), AGE_BEFORE_NAME.finditer(text)):
        name = next(g for g in m.groups() if g and not g.isdigit())
        age = next(g for g in m.groups() if g and g.isdigit())
        ages.append(Quantity(float(age), AGE_UNIT + name.lower(), "", m.group().rstrip(","), m.start()))
    return ages


def same_quantity(x: Quantity, y: Quantity) -> bool:
    if not x.unit or x.unit != y.unit:
        return False
    if x.when and y.when and not x.when & y.when:
        return False  # counts at two moments: "92 by Monday", "287 by Tuesday"; "by Sunday", "overnight"
    parts = (x.when & PARTS_OF_DAY, y.when & PARTS_OF_DAY)
    if all(parts) and not parts[0] & parts[1]:
        return False  # one day, two moments: "on Tuesday morning", "by Tuesday evening"
    if (x.tally and not y.when) or (y.tally and not x.when):
        return False  # "8,600 hectares by Monday evening" against a figure of no stated moment
    if x.increment != y.increment:
        return False  # "an additional 14 officers" against "22 officers": a part against a total
    if any(bool(x.when & words) != bool(y.when & words) for words in (EARLIER, MONTH_WORDS)):
        return False  # an earlier figure ("the initial offer", "in January") against the current one
    if x.noun in CURRENCY_WORDS:
        return bool(x.context & y.context)  # money: at least one word in common about what it pays
    if x.unit == "%":
        # a percentage names what it measures only through its neighbours
        return len(x.context & y.context) >= PERCENT_SHARED_CONTEXT
    return x.polarity == y.polarity


def _comparable(quantities: list[Quantity], claim: Claim) -> list[Quantity]:
    """Leave out money of a currency the sentence gives several sums in, and ages of no one it names.

    "$500 for the steel model and up to $5,000 for gold": which sum prices
    what is in the words between them, so neither is compared on its own.
    "Mark Smith, 45, and his wife Jane Smith, 43": one surname, two people.
    An age counts only for a person the tagger found ("a 12-year-old girl in
    Gaza" is no age of Gaza's).
    """
    values: dict[str, set[float]] = {}
    for q in quantities:
        values.setdefault(q.unit, set()).add(q.value)
    kept = []
    for q in quantities:
        age = q.unit.startswith(AGE_UNIT)
        if (q.noun in CURRENCY_WORDS or age) and len(values[q.unit]) > 1:
            continue
        if age and "person:" + q.unit.removeprefix(AGE_UNIT) not in claim.entities:
            if "year-old" in q.text:  # "a 31-year-old Salvadorean nun": an age, of whom the words around say
                kept.append(replace(q, unit="year-old", noun="year-old"))
            continue
        kept.append(q)
    return kept


def _same_setting(a: Claim, b: Claim) -> bool:
    """Whether two claims may count one thing: not if set in different bodies (a Security Council
    vote, a General Assembly vote), nor, where neither names its setting, if reported by different
    ones (inflation according to the ONS, according to Eurostat)."""
    if a.setting and b.setting:
        return bool(set(a.setting) & set(b.setting))
    if a.setting or b.setting or not (a.reported_by and b.reported_by):
        return True
    return bool(set(a.reported_by) & set(b.reported_by))


def _nouns(x: Quantity, y: Quantity) -> tuple[str, str]:
    """What the two figures count, for a message, unless their text says it ("35 percent", "Sorell, 46")."""
    if x.noun in CURRENCY_WORDS:
        return "", f" ({x.noun})"
    if x.unit == "%" or x.unit.startswith(AGE_UNIT) or (x.noun and x.noun in x.text):
        return "", ""
    return f" {x.noun}", f" {y.noun}"


@dataclass(frozen=True)
class Quantities:
    """A claim's quantities: all it gives, those comparable on their own, and whether it hedges."""

    found: tuple[Quantity, ...]
    comparable: tuple[Quantity, ...]
    hedged: bool


class QuantityIndex:
    """Which values each document gives for each quantity key."""

    def __init__(self, claims: Iterable[Claim], kind: str) -> None:
        self.values: dict[tuple[str, str], set[float]] = {}
        for claim in claims:
            for q in claim.annotations[kind].found:
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


class NumberCheck(Check):
    """Contradicting evidence for the first differing shared quantity, else agreement if one matches.

    A quantity with a polarity ("votes against") is specific enough to compare
    between loosely similar claims; a plain count ("12 people") needs the
    claims to be about the same thing (similarity >= plain_count_similarity)
    and to state it, not to forecast or suppose it (HEDGE).
    Claims set in different organisations or events (a Security Council vote,
    a General Assembly vote) count different things.
    """

    kind = "number"
    rule = "The two claims give different values for the same quantity."
    order = 10
    annotation = Quantities
    settings = (
        CheckSetting(
            "plain_count_similarity",
            0.6,
            "Cosine two claims need before their unpolarized counts are compared: read off the seeds' and"
            " clusters' number pairs (same-event restatements sit above 0.6, same-topic counts below).",
        ),
    )
    evidence = {
        "description": "Same quantity (unit and polarity, e.g. votes against) with values on both sides.",
        "required": ["unit", "polarity", "a", "b"],
        "properties": {
            "unit": {"type": "string"},
            "polarity": {"type": "string"},
            "a": {"$ref": "#/$defs/value"},
            "b": {"$ref": "#/$defs/value"},
        },
    }

    def annotate(self, claim: Claim, tokens) -> Quantities:
        found = extract_quantities(claim.text)
        hedged = bool(HEDGE.search(claim.text))
        return Quantities(tuple(found), tuple(_comparable(found, claim)), hedged)

    def pairing_keys(self, claim: Claim) -> set[str]:
        """Keys of the specific quantities of a claim (unit and polarity both known)."""
        return {f"{q.unit}:{q.polarity}" for q in self.mine(claim).found if q.specific and q.unit not in {"", "%"}}

    def explainer(self, claims: Sequence[Claim]) -> QuantityIndex:
        return QuantityIndex(claims, self.kind)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return " ".join(filter(None, (detail.get("unit"), detail.get("polarity"))))

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        if not _same_setting(a, b):
            return None
        mine_a, mine_b = self.mine(a), self.mine(b)
        different_parties = bool(a.entities and b.entities and not share_entity(a.entities, b.entities))
        hedged = mine_a.hedged or mine_b.hedged
        loose = similarity < self.setting("plain_count_similarity") or hedged
        agreeing = None
        for x in mine_a.comparable:
            for y in mine_b.comparable:
                if not same_quantity(x, y) or (not x.specific and (loose or x.supposed or y.supposed)):
                    continue
                if different_parties and x.noun in CURRENCY_WORDS:
                    continue  # "Japan pledged $6 million", "the US pledged $10 million": two pledges
                detail = {
                    "unit": x.unit,
                    "polarity": x.polarity,
                    "a": {"value": x.value, "text": x.text},
                    "b": {"value": y.value, "text": y.text},
                }
                if not x.allows(y):
                    nouns = _nouns(x, y)
                    message = f"{x.text}{nouns[0]} vs {y.text}{nouns[1]}{' ' + x.polarity if x.polarity else ''}"
                    return Evidence(self.kind, True, detail, message)
                one_sided = {x.bound, y.bound} & {"lower", "upper"}
                if x.value == y.value and not one_sided:  # "less than 10" and "more than 10" do not agree
                    agreeing = agreeing or Evidence(self.kind, False, detail, f"both give {x.text}{_nouns(x, y)[0]}")
        return agreeing
