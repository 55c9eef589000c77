"""Figures as the parse writes them: runs of tokens that write one number, their value and their reach.

"1,200", "Rs 1,200 crore", "€80m", "One hundred and twenty", "a dozen", "half a million": a figure
is a run of number-like tokens and scale words (`checker/patterns/quantities.jsonl`),
read into its value with `text2num` for number words. How far a figure reaches
(an approximate "nearly 300", a round "$350") is worked out from its digits.
What a figure counts is `checker/checks/quantities.py`'s business.

No check of its own: `checker.checks.discover` finds no `Check` here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable

from text_to_num import alpha2digit, text2num

from checker.patterns import line_matches, load, words

CUES = "quantities"


def words_by_label(prefix: str) -> dict[str, str]:
    """Word → what follows `prefix` in its label ("bn" → "1e9" for "scale:")."""
    labels = {p.label for p in load(CUES) if p.label.startswith(prefix)}
    return {word: label.removeprefix(prefix) for label in labels for word in words(CUES, label)}


SCALES = {word: float(value) for word, value in words_by_label("scale:").items()}
# "half a million", "a quarter of a million": a fraction of the scale word after it (labels "fraction:0.5")
AND_A_HALF = "and-a-half"  # "one and a half million", "two and a half hours"
MONEY_SCALES = {
    word: float(value) for word, value in words_by_label("money-scale:").items()
}  # "$5m", never "5m" of metres
CURRENCIES = frozenset(p.label.split(":")[1] for p in load(CUES) if p.label.startswith(("currency:", "sign:")))
SIGNS = frozenset(f"sign:{name}" for name in CURRENCIES)  # the cue labels of currency signs ("$", "£", "US$")
# points of a percentage written as one word ("25bps", "120bp", in lower case: "BP" is a company): `point-scale-bps`
POINT_WORDS = frozenset(
    w
    for p in load(CUES)
    if p.label.startswith("point-scale:") and len(p.pattern) == 1
    for w in p.pattern[0]["ORTH"]["IN"]
)
# scales, percent signs and points news writes onto a figure ("7.6bn", "30pc", "120bp"): the tokenizer splits them off
GLUED = sorted(
    {w for w in SCALES.keys() | MONEY_SCALES.keys() | words(CUES, "percent") | POINT_WORDS if w.isalpha()},
    key=lambda w: (-len(w), w),
)
# An approximate figure covers half a unit of its last written digit either side, but at least 5% and
# at most 15% of it: "nearly 300" holds 287, "about 2,400" not 3,100, "nearly a dozen" (15%) holds 11.
ROUNDING = (0.05, 0.15)
ROUNDED_EXACT = 0.02  # "$350" against "$349": a round figure in news is often a rounded one
# A thousands separator groups three digits: a comma before one or two is a decimal comma ("1,2 million").
DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d{1,2}")


class Cues:
    """The cue phrases of a parsed line, by where they start and end."""

    def __init__(self, doc) -> None:
        self.starting: dict[int, set[str]] = {}
        self.ending: dict[int, list[tuple[int, str]]] = {}
        self.last: dict[tuple[int, str], int] = {}  # (start, label) → the cue's last token
        self._covered: dict[str, frozenset[int]] = {}  # `covered`, by family, found once per line
        for match in line_matches(doc):
            if match.file not in {CUES, "reporting"}:
                continue
            start, end, label = match.start, match.end, match.label
            if label == "lower" and _negated_verb(doc[start:end]):
                label = "upper"  # "never exceeded $20", "cannot top $10,000": at most, not at least
            self.starting.setdefault(start, set()).add(label)
            self.ending.setdefault(end, []).append((start, label))
            self.last[start, label] = max(self.last.get((start, label), start), end - 1)

    def at(self, i: int, label: str) -> str:
        """The cue of `label` starting at token i, or "": a family ("currency:") gives what follows its prefix, of
        its cues there the longest ("degrees Celsius", not "degrees")."""
        found = sorted(
            (-self.last[i, c], c)
            for c in self.starting.get(i, ())
            if c == label or (label.endswith(":") and c.startswith(label))
        )
        return next((c.removeprefix(label) or c for _, c in found), "")

    def covered(self, family: str) -> frozenset[int]:
        """The tokens inside any cue whose label starts with `family` ("period:quarter:"), read once per line."""
        if family not in self._covered:
            self._covered[family] = frozenset(
                i
                for (start, label), last in self.last.items()
                if label.startswith(family)
                for i in range(start, last + 1)
            )
        return self._covered[family]

    def before(self, i: int, labels: Collection[str]) -> tuple[str, int]:
        """The longest cue of `labels` ending right before token i, and where it starts (or "", i)."""
        found = sorted((start, label) for start, label in self.ending.get(i, ()) if label in labels)
        return (found[0][1], found[0][0]) if found else ("", i)


def _negated_verb(tokens) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} and any(c.dep_ == "neg" for c in t.children) for t in tokens)


def line_cues(doc) -> Cues:
    """The cue phrases of a parsed line, found once for all the claims in it (kept in `doc.user_data`)."""
    if "checker.quantity_cues" not in doc.user_data:
        doc.user_data["checker.quantity_cues"] = Cues(doc)
    return doc.user_data["checker.quantity_cues"]


def figure_runs(span, cues: Cues) -> Iterable[list]:
    """Runs of tokens that write one figure: "1,200", "Rs 1,200 crore"'s "1,200 crore", "One hundred and twenty".

    "m" and "k" written onto the figure scale it after a currency sign ("€80m", which the tokenizer splits in
    two; "£3m." at the end of a sentence, one token) or before a currency's name ("1m rupees", not "the 10,000m won
    by"), never elsewhere: "a 12m wave", "the 100m final", "401k" ("38m accounts" may be millions or metres: the
    quantity reads no figure there)."""
    doc, i = span.doc, span.start
    while i < span.end:
        scaled = _fraction_end(doc, i, cues)  # "half a million": the fraction's words, then its scale
        if not (scaled or doc[i].like_num or doc[i].lower_ in SCALES):
            i += 1
            continue
        end = min(scaled or i + 1, span.end)
        run, i = list(doc[i:end]), end
        while i < span.end:
            token, after = doc[i], doc[i + 1] if i + 1 < span.end else None
            if cues.at(i, AND_A_HALF) and run[-1].like_num:
                end = cues.last[i, AND_A_HALF] + 1
                run += doc[i:end]  # "one and a half", then its scale
                i = end
                continue
            joins = after is not None and run[-1].is_alpha and after.is_alpha and after.like_num
            signed = bool(cues.before(run[0].i, SIGNS)[0])  # "$3m", "€80m"
            named = after is not None and after.pos_ != "VERB" and bool(cues.at(i + 1, "currency:"))  # "1m rupees"
            money = _scale_word(token) in MONEY_SCALES and not run[-1].whitespace_ and (signed or named)
            # "twenty one", not "six first-time ministers": an ordinal (tagged no cardinal) is no more of the figure
            cardinal = token.is_alpha and token.like_num and token.tag_ == "CD" and run[-1].is_alpha
            if token.lower_ in SCALES or money or cardinal:
                run.append(token)
            elif joins and (token.text == "-" or (token.lower_ == "and" and run[-1].lower_ in SCALES)):
                run += [token, after]  # "fifty-seven", "one hundred and twenty"
                i += 1
            elif fraction(token) and len(run) == 1 and run[0].text[-1:].isdigit():
                run.append(token)  # "2 ½"
            else:
                break
            i += 1
        yield run


def _fraction_end(doc, i: int, cues: Cues) -> int:
    """Where a fraction of a scale that starts at token i ends ("half a million", "a quarter of a billion"), its
    scale word included; 0 where none starts there."""
    fraction_of = cues.at(i, "fraction:")
    after = cues.last[i, f"fraction:{fraction_of}"] + 1 if fraction_of else 0
    return after + 1 if after and after < len(doc) and doc[after].lower_ in SCALES else 0


def fraction(token) -> float:
    """The value of a vulgar fraction character ("½": 0.5), else 0."""
    text = token.text
    if len(text) != 1 or unicodedata.category(text) != "No":
        return 0.0
    value = unicodedata.numeric(text, 0.0)
    return value if 0 < value < 1 else 0.0


def _scale_word(token) -> str:
    """A scale word as written, less the period spaCy keeps on "m." at the end of a sentence."""
    return token.lower_.removesuffix(".")


def value_of(run) -> tuple[float, str]:
    """The figure's value, and its digits as written ("" for words): "40 million" → 4e7, "a dozen" → 12.

    ValueError for what `like_num` takes for a number but is none ("first", "1/2").
    """
    cues = line_cues(run[0].doc)
    fraction_of = cues.at(run[0].i, "fraction:")
    scale = run[cues.last[run[0].i, f"fraction:{fraction_of}"] - run[0].i + 1 :] if fraction_of else []
    if scale:  # "half a million", "a quarter of a million": that share of the scale after it
        return float(fraction_of) * value_of(scale)[0], ""
    half = next((k for k, t in enumerate(run) if k and cues.at(t.i, AND_A_HALF)), 0)
    if half:  # "one and a half million": the count and a half, then its scale
        scales = run[cues.last[run[half].i, AND_A_HALF] - run[0].i + 1 :]
        return (value_of(run[:half])[0] + 0.5) * math.prod(SCALES.get(t.lower_, 1.0) for t in scales), ""
    scales = SCALES | MONEY_SCALES  # a run holds "m" or "k" only where `figure_runs` read it as a scale
    digits = run[0].text.replace(",", ".") if DECIMAL_COMMA.fullmatch(run[0].text) else run[0].text
    try:
        value = float(digits.replace(",", ""))  # "1,200", "-5", ".5", "1,2" (1.2)
    except ValueError:
        pass
    else:
        for t in run[1:]:
            value = (
                value + math.copysign(fraction(t), value) if fraction(t) else value * scales.get(_scale_word(t), 1.0)
            )
        return value, "" if any(fraction(t) for t in run) else digits  # "2 ½" writes no last digit

    text = "".join(t.text_with_ws for t in run).strip().lower()
    try:
        return float(text2num(text, "en")), ""
    except ValueError:  # "a dozen", "two dozen": words text2num does not read, then a scale
        leading = [t for t in run if t.lower_ not in SCALES]
        value = float(text2num(" ".join(t.lower_ for t in leading), "en")) if leading else 1.0
        for t in run[len(leading) :]:
            value *= SCALES[t.lower_]
        return value, ""


def spread_of(value: float, digits: str, approximate: bool) -> float:
    """How far a figure reaches: half a unit of its last written digit, within ROUNDING if approximate.

    An exact round figure may be rounded too ("$350" for "$349"), but by at most ROUNDED_EXACT.
    """
    low, high = ROUNDING
    value = abs(value)  # a reach, for "-5" as for "5"
    if not digits or not value:
        return value * high if approximate else 0.0
    plain = digits.replace(",", "").lstrip("+-")
    trailing_zeros = 0 if "." in plain else len(plain) - len(plain.rstrip("0"))
    unit = last_digit(value, digits) * 10.0**trailing_zeros  # "350": tens
    if approximate:
        return value * min(high, max(low, unit / 2 / value))
    return min(unit / 2, value * ROUNDED_EXACT) if trailing_zeros else 0.0


def last_digit(value: float, digits: str) -> float:
    """What the last written digit of a figure counts, its scale included: 0.01 for "1.23", 1e8 for "1.2
    billion" (0.0 for a figure in words, which writes no digit)."""
    plain = digits.replace(",", "").lstrip("+-")
    if not plain or not float(plain):
        return 0.0
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return 10.0**-decimals * abs(value) / float(plain)


Figure = tuple[float, float]  # a figure's value and its `last_digit`


def one_rounds_the_other(x: Figure, y: Figure) -> bool:
    """Whether one figure (value, `last_digit`) is the other rounded to the digits it writes: "1.2" for "1.23",
    "$1.2 billion" for "$1.23 billion".

    A source that rounds writes fewer digits; two figures written to the same
    digit are two values ("47 seats" / "48 seats", "1.2" / "1.3"). A figure of
    one significant digit is no rounding of another ("$2 billion" / "$2.4
    billion", "5 percent" / "5.4 percent"): it may be up to half its value off.
    So "0.8 percent" / "0.81 percent" stays a discrepancy, the cautious side.
    """
    (fine, fine_unit), (coarse, coarse_unit) = sorted((x, y), key=lambda figure: figure[1])
    two_digits = abs(coarse) >= 10 * coarse_unit
    return 0 < fine_unit < coarse_unit and two_digits and abs(fine - coarse) <= coarse_unit * (0.5 + 1e-9)


ORDINAL_FIGURE = re.compile(r"(\d+)(?:st|nd|rd|th)")  # "89th", and "3rd" as text_to_num writes "third"
FIRST_ORDINALS = {"first": 1, "second": 2}  # which text_to_num leaves as words: "a second" is no place


def ordinal_of(token) -> int | None:
    """The place an ordinal writes ("89th", "third", "second" as the tagger reads it: its ordinal), or None."""
    word = token.lower_
    if word in FIRST_ORDINALS:
        return FIRST_ORDINALS[word] if token.ent_type_ == "ORDINAL" else None
    match = ORDINAL_FIGURE.fullmatch(alpha2digit(word, "en"))
    return int(match[1]) if match else None
