"""`number` check: two claims give different values for the same quantity.

The quantities are read once per claim from its parse (checker/checks/quantities.py):
each figure tied to what it counts, with its bound, moment and polarity. Two
quantities are the same only when their units match and their polarities do
not differ, so "10 votes in favor" never meets "18 votes against" and a
groom's age never meets his bride's. Bounds and round figures ("at least
five", "nearly a dozen") contradict only a value outside them, and an exact
figure written with fewer digits, two significant at least, is the other
rounded ("1.2 percent" / "1.23 percent"; not "$2 billion" / "$2.4 billion").
A range ("30 to 40 people", "between $4 and $11") is one quantity: a figure
within it agrees with it, and two ranges agree only where their ends do.
A count risen to a figure ("the death toll has risen to three") holds a lower
count told with no rise ("two were killed"): the one it rose from, an update.
A score or split vote ("won 3-1", "a 2-2 draw", "voted 52-48") is one
quantity of its two figures, whichever side a source names first.
"a year and a half" is 18 months, as exact as "18 months". A speed ("40,000
kilometers per hour", "80 mph") is never compared with a distance from a place
("34,000 km from the Earth's surface"). A figure on a named
scale ("magnitude 6.4", "a 6.4-magnitude quake") measures on that scale.
A figure the other claim also gives is matched first and contradicts nothing
("45 percent instead of 35 percent" on both sides is no 45 against 35).
Where one claim gives more figures of a quantity and the other's is among
them ("destroyed 40 homes and damaged 60" / "destroyed 60 homes"), which one
the other means is unknown, and nothing is reported.
A figure given as the one before (", up from 40", ", down from about 36") is
a quantity of its own, compared only with such figures: "47 seats, up from
40" / "47 seats" agree. A market's price, level or move ("Oracle shares rose 14
cents to $13.62") is true of a moment of trading: two such readings are
compared only where both name one time of day ("at the close", "as of 10:33
a.m."): "on Friday" is no moment of trading.

Two claims of one wording but a figure ("Medics called 911" / "Medics called
918", `checker/checks/wording.py`) are one statement, and a figure changed
between them is a discrepancy whatever it counts (a number in a name, a phone
number, a designation written as one word: "Ford F-250" / "Ford F-252") and
whatever its bound ("some 300" / "some 305": one source changed the figure).
"""

from __future__ import annotations

import itertools
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from checker.checks.base import NO_HEAD, Check, CheckSetting, Side, plain_version, published_before, versus
from checker.checks.days import writes_a_day, writes_a_time
from checker.checks.figures import (
    CURRENCIES,
    Figure,
    figure_runs,
    last_digit,
    line_cues,
    one_rounds_the_other,
    ordinal_of,
    value_of,
)
from checker.checks.identifiers import IDENTIFIERS
from checker.checks.names import cues
from checker.checks.quantities import (
    ABROAD,
    AGE_UNIT,
    AREA_UNITS,
    CELSIUS,
    CLAUSE_YEAR,
    CLOCK,
    CLOSE,
    CREDIT_RATING,
    DEGREE,
    EACH,
    EARLIER,
    HOME,
    KINDED_COUNTS,
    LAST_YEAR,
    LEVEL,
    LEVELS,
    MARGIN,
    METRIC_UNITS,
    MONTHS,
    PART,
    PARTS_OF_DAY,
    PEOPLE_WORDS,
    PERCENTAGE_POINT,
    PERIOD_ORDINALS,
    PLACE,
    PLACE_PREPOSITIONS,
    PREVIOUS,
    PRONOUN_HOLDERS,
    SCOPE,
    SINCE,
    SPANS_OF_TIME,
    SPREAD,
    SUBJECT_YEAR,
    THIS_YEAR,
    TOTAL,
    WEEKDAYS,
    WHOLE,
    WORLD,
    YEAR,
    YEAR_OLD,
    Quantity,
    conversion_unit,
    extract_quantities,
    range_scale,
)
from checker.checks.wording import Slotted, differing_slots, slot_runs, slotted
from checker.entities import BODY_KEY, PERSON_KEY, one_chamber, person_key, share_entity
from checker.records import Claim, Evidence

GIVEN_ONCE = ("score", LEVEL)  # what no later report updates (`NumberCheck.updated_in_time`)
PERCENT_SHARED_CONTEXT = 2  # content words two percentages must share to be the same measure
GROUP_STEM_LETTERS = 6  # letters two words of a group start alike in to be one word ("democrats", "democratic")
GROUP_NOUNS = frozenset({"voter", "vote", "people", "person", "adult", "respondent", "resident", "those", "american"})
# the words of the two sides of a question a share may count (`_opposite_sides`): a rating's and a poll's
OPPOSITES = tuple(
    (frozenset(one.split()), frozenset(other.split()))
    for one, other in (
        ("approve approval approving", "disapprove disapproval disapproving"),
        ("favorable favourable favorably favourably", "unfavorable unfavourable unfavorably unfavourably"),
        ("satisfied satisfaction", "dissatisfied dissatisfaction"),
        ("agree", "disagree"),
        ("decided decide", "undecided"),
    )
)
PERIOD_WORDS = frozenset({"quarter", "half"})  # what an ordinal numbers as a period of a year (`_of_a_period`)
# How far apart two figures written in two units of one dimension may be and still be one measure (`_apart_in_scale`):
# a wrong unit is off by a factor of 1.6 (miles, km) to 3.3 (feet, metres); a size and a distance are orders of
# magnitude apart ("60 feet in diameter" / "about 40,000 kilometres", FNC-1 tune bodies), floodwater and rain,
# flood depth in metres and rain in millimetres, 7.5 times (a review's case). Five lies between.
MAX_UNIT_RATIO = 5.0
DEATH = "death"  # the unit of a toll of the dead (`counts:death` in checker/patterns/quantities.jsonl)
PEOPLE_SHARED_CONTEXT = 2  # content words two counts of people named two ways must share ("evacuation", "order")
# bases outlets leave unsaid, set apart only against each other: a deal's value unqualified is its equity value
# ("values Mirabel at C$3.2 billion" / "values Mirabel's equity at C$2.31 billion"), not one "including debt"
UNSAID_BASES = frozenset({"net", "gross", "equity", "list"})
AVERAGES = ("average", "median")  # a sum's statistics that no total is (`same_quantity`); a share's may be one
ESTIMATING = frozenset({"estimate", "put", "forecast", "project", "predict", "calculate", "model", "expect", "peg"})
ESTIMATES = frozenset({"estimate", "forecast", "projection", "prediction"})  # nouns of an estimate, as subjects


def _count(key: Any) -> float | None:
    """The number a version key compares: a figure's value, an approximate or bounded one's too ("about 40" is
    40 in a toll that rose from it); None for a wording's key."""
    value = key.get("value") if isinstance(key, dict) else key
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _steps(values: Sequence[float]) -> list[float]:
    """How much each value moved from the one before it."""
    return [later - earlier for earlier, later in itertools.pairwise(values)]


# A maker's or a scheme's designation written as one word, its letters then its figure: "F-250", "Su-25", "MH17",
# "A380". Its figure is one of the wording's, as "iPhone 6"'s "6" and "Boeing 737"'s "737" are where the tokenizer
# splits them ("a black Ford F-250 with the logo" / "a black Ford F-252 with the logo": the model read the two as
# agreeing). Lower-case letters only before a hyphen: "mp3" and "h1" are no designations.
DESIGNATION = re.compile(r"([A-Za-z]{1,4})-(\d{1,5})|([A-Z]{1,4})(\d{1,5})")
PERIOD_LETTERS = frozenset({"Q", "H", "FY"})  # designations of a period: "Q3", "H1", "FY2015"


def designation(text: str) -> tuple[str, int] | None:
    """A designation's letters (upper case) and figure: "Su-25" ("SU", 25), "MH17" ("MH", 17); None for other words."""
    match = DESIGNATION.fullmatch(text)
    if match is None:
        return None
    letters, figure = (match[1], match[2]) if match[1] else (match[3], match[4])
    return letters.upper(), int(figure)


def is_figure(token) -> bool:
    """A figure of the claim's wording that writes no day of the calendar: "911", "iPhone 6"'s "6", "F-250"'s
    "250", "20 years later"'s "20" (the days of dates are the date check's)."""
    return (token.like_num or designation(token.text) is not None) and not writes_a_day(token)


def figure_slot_runs(tokens, in_figures: set[int]) -> list[list]:
    """The figures of a claim's wording as slots, a designation a slot of its own: of "two F-16 jets", "two" and
    "F-16" (one run, they had no value, and "two F-35 jets" differed in nothing). Not an identifier of a published
    scheme (a flight's "MH17": the `identifier` check's, which reports only two characters swapped, as flights
    out and back are numbered one apart)."""
    in_identifiers = {t.i for _, _, span in cues(tokens, IDENTIFIERS) for t in span}
    runs = slot_runs(
        tokens,
        lambda t: (
            (is_figure(t) or t.i in in_figures)
            and not writes_a_day(t)
            and not writes_a_time(t)
            and not (t.i in in_identifiers and designation(t.text))
        ),
    )
    return [part for run in runs for part in ([[t] for t in run] if any(designation(t.text) for t in run) else [run])]


def _slot_value(run) -> Figure | None:
    """The value a figure of the wording writes ("3 million", "twelve", "the 89th minute", "her third title") and
    its `last_digit`, or None where none."""
    if len(run) == 1 and (place := ordinal_of(run[0])) is not None:
        return float(place), 1.0
    if len(run) == 1 and (designated := designation(run[0].text)):
        return float(designated[1]), 1.0  # a designation rounds nothing: "F-25" is no "F-250"
    try:
        value, digits = value_of(run)
    except ValueError:
        return None
    return value, last_digit(value, digits)


def _slot_values(runs: list, tokens, cues) -> tuple[Figure | None, ...]:
    """The value each figure of the wording writes. A conversion in brackets is no figure of its own in one wording:
    "12 meters (39 feet)" and "12 meters (40 feet)" round one radius two ways. A range's first figure is written at
    its second's scale: "between 18 and 24 million" and "between 18 million and 24 million" are one range."""
    values = []
    for k, run in enumerate(runs):
        value = None if conversion_unit(run, cues, tokens) else _slot_value(run)
        scale = range_scale(run, runs[k + 1], cues) if value is not None and k + 1 < len(runs) else 1.0
        values.append(value if value is None else (value[0] * scale, value[1] * scale))
    return tuple(values)


def _moment(quantity: Quantity) -> frozenset[str]:
    """The time of day a figure is of ("closed", "morning", "clock:10:33"): a day ("on Friday") is none."""
    return frozenset(w for w in quantity.when if w in PARTS_OF_DAY or w.startswith(CLOCK))


# the hours of a day its parts span, from and to (a part that runs past midnight ends after 24)
PART_OF_DAY_HOURS = {"morning": (5, 12), "midday": (11, 14), "noon": (11, 14), "afternoon": (12, 18),
                     "evening": (17, 22), "night": (20, 29), "overnight": (20, 31)}  # fmt: skip


def _moments_apart(x: Quantity, y: Quantity) -> bool:
    """Two figures of two moments of a day: two clock times apart ("by 10 a.m.", "as of 6 p.m."), two parts of a
    day ("by Tuesday morning", "by Tuesday evening"), or a time outside the part the other names ("at 5:30 p.m."
    is in the afternoon, "at 9 a.m." is not)."""
    moments_x, moments_y = _moment(x), _moment(y)
    if not (moments_x and moments_y) or moments_x & moments_y:
        return False
    clocks_x, clocks_y = ({w for w in m if w.startswith(CLOCK)} for m in (moments_x, moments_y))
    if (clocks_x and clocks_y) or x.tally or y.tally:
        return True  # a count "by 6 p.m." and one "by Tuesday evening" are two moments of a rising tally
    return not _parts_of_day(moments_x) & _parts_of_day(moments_y)


def _one_part_of_one_day(x: Quantity, y: Quantity) -> bool:
    """A time of day in the part of the day the other names, on no other day: "hit 41.2C at 3.40pm" and "107.2F on
    Monday afternoon" are one moment; "at 3pm on June 11" and "on the afternoon of June 12" are two."""
    days_x, days_y = x.when - _moment(x), y.when - _moment(y)
    if days_x and days_y and not days_x & days_y:
        return False
    return bool(_parts_of_day(_moment(x)) & _parts_of_day(_moment(y)))


def _parts_of_day(moments: frozenset[str]) -> set[str]:
    """The parts of a day a figure's moments name or fall in ("clock:17:30": "afternoon", "evening")."""
    found = set(moments - {w for w in moments if w.startswith(CLOCK)})
    for clock in (w.removeprefix(CLOCK) for w in moments if w.startswith(CLOCK)):
        hour, _, minute = clock.partition(":")
        at = int(hour) + int(minute or 0) / 60
        found |= {
            part for part, (start, end) in PART_OF_DAY_HOURS.items() if start <= at < end or start <= at + 24 < end
        }
    return found


def _weekdays(quantity: Quantity) -> frozenset[str]:
    return quantity.when & WEEKDAYS


def _instant(quantity: Quantity) -> frozenset[str]:
    """The instant of a day of trading a reading is of: a clock time or the close. "In morning trading" is a
    stretch of it, through which a price moves."""
    return frozenset(w for w in _moment(quantity) if w.startswith(CLOCK) or w == CLOSE)


def same_unit(x: Quantity, y: Quantity) -> bool:
    """One unit, or people named two ways ("2.1 million residents", "1.2 million people") where the words around
    both tell of one thing ("under mandatory evacuation orders"); "The town has 5,000 residents" and "3,000 people
    were forced from their homes" do not."""
    if x.unit == y.unit or {x.unit, y.unit} == {DEGREE, CELSIUS}:
        return True  # "44 degrees" names no scale: it may be of the one another source names ("46 degrees Celsius")
    if _one_noun_of_a_kind(x, y) or _one_noun_of_a_kind(y, x):
        return True
    shared = (x.context & y.context) - PEOPLE_WORDS
    return {x.unit, y.unit} <= PEOPLE_WORDS and len(shared) >= PEOPLE_SHARED_CONTEXT


def _one_noun_of_a_kind(x: Quantity, y: Quantity) -> bool:
    """A count of a kind (`KINDED_COUNTS`: "40 fighter jets") and one by the same noun that names no kind ("36 Talon
    FX-9 jets"): one count, as any two counts by one noun are; by two nouns ("63 aircraft", "12 wide-body jets"),
    the kind is some of them."""
    kind, _, counted = x.unit.rpartition(" ")
    return bool(kind) and counted in KINDED_COUNTS and y.unit == counted and x.noun.lower() == y.noun.lower()


def _apart_in_scale(x: Quantity, y: Quantity) -> bool:
    """Two figures written in two units of one dimension, and more than `MAX_UNIT_RATIO` apart: the sizes of two
    things (a rock in feet, a distance in kilometres; rain in millimetres, a height in metres), as each unit's
    scale says, not one measure misreported. A wrong unit ("425 miles" for 425 km) is well within it."""
    if not (x.written_as or y.written_as) or (x.written_as or x.unit) == (y.written_as or y.unit):
        return False  # counts ("500 residents", "6,000 people") are not measures in units of a scale
    if x.unit == CELSIUS:
        return False  # a temperature's scale has no true zero: -2C is no smaller thing than 15F
    low, high = sorted((abs(x.value), abs(y.value)))
    return high > low * MAX_UNIT_RATIO


def _a_unit_slip(x: Quantity, y: Quantity) -> bool:
    """One figure as written in two units of one kind: "€27.4 billion" / "$27.4 billion", "38,000 square metres" /
    "38,000 square feet". A conversion changes the figure (and `_apart_in_scale` keeps such measures apart as two
    things), so one source wrote the wrong unit; the figure is compared as if written in the first one's. So too one
    sum on two bases outlets name both ("Gross written premiums rose to $58.6 billion" / "Net written premiums ...
    $58.6 billion"): net and gross are seldom one figure."""
    if x.basis != y.basis and {x.basis, y.basis} <= UNSAID_BASES:
        return x.unit == y.unit and x.value == y.value and same_quantity(x, replace(y, basis=x.basis))
    if x.noun in CURRENCIES and y.noun in CURRENCIES:
        per = x.unit.partition("/")[1:] == y.unit.partition("/")[1:]  # "$42.50 a share", "€40 a share"
        if _currency_family(x.noun) == _currency_family(y.noun) or not per or x.value != y.value:
            return False
        return same_quantity(x, replace(y, unit=x.unit, noun=x.noun))
    if x.unit != y.unit or x.unit == CELSIUS or (x.written_as or x.unit) == (y.written_as or y.unit):
        return False
    if not math.isclose(x.as_written(), y.as_written()):
        return False
    return same_quantity(x, replace(y, value=x.value, written_as=x.written_as, written_in=x.written_in))


def _currency_family(name: str) -> str:
    """Currencies an outlet may write one for another: dollars of any country ("$8 billion" in a Canadian outlet is
    "C$8 billion", "1.25 billion Australian dollars" is "A$1.25 billion"), and the yen and the yuan, which share
    the sign "¥"."""
    return "yen" if name == "yuan" else name.split()[-1]


def _two_kinds(x: Quantity, y: Quantity) -> bool:
    """Figures of two kinds of one thing, by the nouns before it: "wheat production" and "barley production" (not
    "production" and "wheat production", nor "wheat crop" and "wheat harvest")."""
    return bool(x.kind_words and y.kind_words and not x.kind_words & y.kind_words)


def _two_things_measured(x: Quantity, y: Quantity) -> bool:
    """Two measures that say they measure two things: "200mm of rain" against "2 metres of snow", "12GB of RAM"
    against "256GB of storage"."""
    return bool(x.measured and y.measured and x.measured != y.measured)


def _of_a_period(wording: Slotted, i: int) -> bool:
    """A slot of a wording that numbers a period ("the third quarter", "third-quarter", "the first half"): a figure
    beside it that changes too is another period's."""
    designated = designation(wording.slots[i])
    if designated is not None:
        return designated[0] in PERIOD_LETTERS  # "Q3 revenue of $4.1bn" / "Q2 revenue of $3.8bn"
    words = re.findall(r"[a-z]+", wording.around[i].lower())
    return wording.slots[i].lower() in PERIOD_ORDINALS and bool(PERIOD_WORDS & set(words))


def _a_term(quantities: Quantities, i: int) -> bool:
    """A slot of a wording that is the term of a product the claim names ("30" of "the 30-year mortgage rate"): a
    figure beside it that changes too is another product's."""
    slot = quantities.wording.slots[i].lower()
    around = quantities.wording.around[i].lower().replace(" ", "")
    return any(q.term.startswith(f"{slot}-") and q.term in around for q in quantities.found)


def _over_a_month_or_more(q: Quantity) -> bool:
    """A figure told of a month or a year ("in August", "in 2024", "this year"): a total over it, when the other is
    a rate by the day or the week."""
    return any(w in MONTHS or w.startswith(YEAR) for w in q.when)


def _one_period(x: str, y: str) -> bool:
    """One reporting period, or one named the other's kind only: "quarter" and "quarter:3" ("in the quarter",
    "third-quarter"). A quarter named by its months ("between January and March") is the calendar quarter of its
    number: a company's fiscal fourth quarter that ends in March is missed (read as any quarter, a first quarter's
    months were set against a second quarter's forecast)."""
    return x == y or x == y.partition(":")[0] or y == x.partition(":")[0]


def _part_of_a_year(q: Quantity) -> bool:
    """A figure of a quarter or a half of a year ("first-quarter revenue", "in the first half")."""
    return q.period.partition(":")[0] in {"quarter", "half"}


def _of_a_year(q: Quantity) -> bool:
    """A figure of no reporting period that names a year and no month ("revenue was $310 million in 2025"): the
    year's, no quarter's. Not a share, whose year may be what it is counted against ("a rise of 27% from the same
    period of 2024")."""
    return q.unit != "%" and not q.period and any(w.startswith(YEAR) for w in q.when) and not q.when & MONTHS


def same_quantity(x: Quantity, y: Quantity) -> bool:
    if not x.unit or not same_unit(x, y):
        return False
    if _opposite_sides(x.context, y.context) or _opposite_sides(y.context, x.context):
        return False  # "Marsh's approval rating is 38%" against "54% disapprove of Marsh": two sides of one question
    if (x.reading or y.reading) and not (_instant(x) & _instant(y)):
        return False  # prices move through a day of trading: two readings are one only at one instant of it
    if x.when and y.when and not (x.when & y.when or _one_part_of_one_day(x, y)):
        return False  # counts at two moments: "92 by Monday", "287 by Tuesday"; "by Sunday", "overnight"
    if _moments_apart(x, y) or (_weekdays(x) and _weekdays(y) and not _weekdays(x) & _weekdays(y)):
        return False  # one day, two moments ("by Tuesday evening", "by 10 a.m. Tuesday"); one time, two days
    if (x.tally and not y.when) or (y.tally and not x.when):
        return False  # "8,600 hectares by Monday evening" against a figure of no stated moment
    if x.forecast != y.forecast:
        return False  # what analysts expected against what came: two quantities
    if x.origin and y.origin and x.origin != y.origin:
        # "two miles from the prison", "four miles from the motel": two distances; "Four minutes later", "with 19
        # minutes remaining": two spans from two moments
        return False
    own_span = y if x.origin else x if y.origin else None
    if own_span is not None and not own_span.origin and own_span.verb in LASTING:
        return False  # "The recount took eleven days" / "began three days later": how long it lasted, when it began
    if (x.origin and y.rate) or (x.rate and y.origin):
        return False  # "34,000km from the Earth's surface" against "moving at 40,000 kilometers per hour"
    rated, counted = (x, y) if x.rate else (y, x)
    if rated.rate and not counted.rate and "/" not in counted.unit and rated.habitual and not counted.habitual:
        # "flies about 280 flights a day" against "cancelled 412 flights", "will cancel 400 flights": what it does,
        # what it did or will do once
        return False
    if rated.rate and not counted.rate and "/" not in counted.unit and _over_a_month_or_more(counted):
        # "averaged 1,400 people a day in August" against "43,000 people arrived in August": a rate, a month's total
        return False
    if _a_part_alone(x, y) or _a_part_alone(y, x):
        return False  # "On Friday alone, 205 flights were cancelled" against "More than 400 flights": a part
    if x.rate != y.rate and ({x.rate, y.rate} & AREA_UNITS or (x.rate and y.rate)):
        # "34 bushels per acre" against "286 million bushels": a yield, a harvest (a day may go unsaid); "6% a
        # year" against "an 18% raise over three years": a rate, a total; "9,000 passengers a day", "60,000 a week"
        return False
    if x.dimension and y.dimension and x.dimension != y.dimension:
        return False  # "a 39-foot-wide crater" against "a 16-foot-deep crater": two extents of one thing
    if x.period and y.period and not _one_period(x.period, y.period):
        return False  # "fourth-quarter revenue" against "full-year revenue", the third quarter's against the second's
    if _part_of_a_year(x) and _of_a_year(y) or _part_of_a_year(y) and _of_a_year(x):
        return False  # "revenue rose to $92 million in the first quarter" against "was $310 million in 2025"
    if x.basis != y.basis and not ({x.basis, y.basis} - {""} <= UNSAID_BASES and "" in {x.basis, y.basis}):
        # "adjusted earnings of $1.37 a share" against "earnings of $1.12 a share": two measures; a rise "in real
        # terms" against one in cash terms, or as reported, too; "net written premiums" against "gross written
        # premiums", while a profit or premiums unqualified may be either
        return False
    if (x.unit == PLACE or x.unit.startswith(CREDIT_RATING)) and not (
        x.holder and y.holder and _one_holder(x.holder, y.holder)
    ):
        # "S&P rates the bonds BB+" against "Fitch rates them BBB-": two agencies' grades; "Harwick rose to 16th"
        # against "Kingsford climbed to 14th": two universities' places
        return False
    if x.unit == PLACE and (not x.context or x.context != y.context or x.when != y.when):
        # "16th in the Quadrant rankings" against "40th in the Times Higher Education rankings", "third in Monaco"
        # against "fifth in Spain", "14th last season" against "16th in the table": two rankings, or two times
        return False
    if x.term and y.term and x.term != y.term:
        return False  # "the 30-year mortgage rate rose to 6.8%" against "the 15-year rate rose to 6.1%": two products
    if x.named_by and y.named_by and x.named_by != y.named_by:
        return False  # "Those on the 10 mg dose lost 15.1%" against "those on the 15 mg dose lost nearly 20%"
    if x.base and y.base and x.base != y.base:
        return False  # "rose 0.4% on the month" against "3.2% on the year": two changes
    if x.unit.startswith(AGE_UNIT) and x.holder and y.holder and not _one_holder(x.holder, y.holder):
        return False  # "Her father, Paolo Marchetti, 64" against "Elena Marchetti, 33": two people of one surname
    if x.unit.startswith(AGE_UNIT) and x.context != y.context:
        return False  # "Marenović's father, Ivan Marenović, 51" against "Marenović, 22": the player's father
    if x.unit.startswith(YEAR_OLD) and x.context and y.context and not x.context & y.context:
        return False  # "A 19-year-old man was killed" against "a 21-year-old man is in custody": two men
    if _apart_in_scale(x, y) or _two_things_measured(x, y) or _two_kinds(x, y):
        return False  # "an asteroid 60 feet in diameter" against "about 40,000 kilometres" from the Earth
    if (x.origin and y.dimension and not x.dimension) or (y.origin and x.dimension and not y.dimension):
        return False  # "centred 48 km west of Valparaiso" against "at a depth of 35 km": a distance, a depth
    if x.population and y.population and not _one_group(x.population, y.population):
        return False  # "Excluding undecided voters, Yes leads by 53%" against "Among those certain to vote, 48%"
    if x.statistic and y.statistic and not x.statistic & y.statistic:
        return False  # "an average of 46 months" against "median survival was 41 months": two statistics
    if x.noun in CURRENCIES and any((one in x.statistic) != (one in y.statistic) for one in AVERAGES):
        return False  # "The average premium is $2,640" against "the policies bring in $190 million in premiums"
    if x.noun in CURRENCIES and (_a_total_and_a_part(x, y) or _a_total_and_a_part(y, x)):
        return False  # "fined the three banks a combined £300m" against "fined Barclays £100m": one bank's part
    if any((one in x.statistic) != (one in y.statistic) for one in (EACH, MARGIN, PART, SPREAD)):
        # "each of the 12 shelters housed 300 people" against "3,600 people spent the night in shelters"; "a lead
        # of 168 votes" against "Ortega received 24,105 votes"; "three of the injured" against "150 people were
        # injured": what a sentence leaves unsaid is a total
        return False
    if _counted_in_two_places(x.places, y.places):
        return False  # "U.S. same-store sales" against "same-store sales in Canada": counted in two places
    if x.change != y.change:
        return False  # "added 26 cases this week" against "121 cases have been confirmed": a change, a total
    if "by" in {x.moved, y.moved} and {x.moved, y.moved} & {"to", "at"}:
        # "Unemployment rose to 5.9%" or "was 5.9%" against "rose by 0.2%": a level, how far it moved
        return False
    if x.increment != y.increment:
        return False  # "an additional 14 officers" against "22 officers": a part against a total
    # two figures of one year named on both sides are of one time, whichever reads as the story's background ("In
    # 2019 the court jailed Harlow for 12 years" / "Harlow was jailed for 10 years in 2019")
    one_year = any(w.startswith(YEAR) for w in x.when & y.when)
    kept_apart = (MONTHS, PREVIOUS, {SINCE}) if one_year else (EARLIER, MONTHS, PREVIOUS, {SINCE})
    if any(bool(x.when & words) != bool(y.when & words) for words in kept_apart):
        # an earlier figure ("the initial offer", "in January", "up from 40") against the current one; a count since
        # a year ("has killed 100,000 people since 2007") against one event's ("Six people were killed")
        return False
    shared = x.context & y.context
    if x.noun in CURRENCIES or x.unit in SPANS_OF_TIME:
        # money and spans of time: at least one word in common about what it pays or lasts ("a $250,000 fine" /
        # "stealing $3.2 million"; "seven years in prison" / "abused his office for six years")
        return bool(shared)
    if x.unit == "%":
        # a percentage names what it measures only through its neighbours, or as the subject both give it and
        # nothing more ("Turnout reached 73.1 percent" / "Turnout was 71.3 percent", not "Turnout in the north")
        return len(shared) >= PERCENT_SHARED_CONTEXT or _only_its_subject(x, y, shared)
    return x.polarity == y.polarity


def _only_its_subject(x: Quantity, y: Quantity, shared: frozenset[str]) -> bool:
    """Two figures whose clauses say only what they measure, as a subject both share, and the verb."""
    subject = shared & {x.subject, y.subject} - {""}
    return bool(subject) and all(q.context <= subject | {q.verb} for q in (x, y))


def _counted_in_two_places(places: frozenset[str], others: frozenset[str]) -> bool:
    """Two places named ("U.S. same-store sales" / "same-store sales in Canada"), the world against anywhere less
    ("took $148 million worldwide" / "in North American cinemas"), home against abroad ("domestic sales" /
    "international sales"), or two levels of government ("the county's rate" / "statewide"). A scope and a named
    place ("domestic sales" / "U.S. sales"), or a place named by its people and one by its name ("in Mexican
    stores" / "in Mexico"), may be one."""
    named = {p for p in places if not p.startswith(SCOPE)}
    others_named = {p for p in others if not p.startswith(SCOPE)}
    if named and others_named and not named & others_named:
        return True
    if places and others and (WORLD in places) != (WORLD in others):
        return True
    if places & LEVELS and others & LEVELS and not places & others & LEVELS:
        return True  # "The county's kindergarten vaccination rate" / "Statewide, the ... rate": two levels
    return (HOME in places and ABROAD in others) or (ABROAD in places and HOME in others)


def _one_group(words: frozenset[str], others: frozenset[str]) -> bool:
    """Two groups a share is counted among, told apart by the words that say which (`GROUP_NOUNS` name whom
    alone): one where either gives none ("among adults", "among U.S. adults") or two words start alike
    (`GROUP_STEM_LETTERS`: "among Democrats", "among Democratic voters"; "among likely voters", "among those
    likely to vote"), two where both give some and none alike ("registered voters", "likely voters")."""
    which, others_which = words - GROUP_NOUNS, others - GROUP_NOUNS
    if not (which and others_which):
        return True
    return any(len(os.path.commonprefix([w, o])) >= GROUP_STEM_LETTERS for w in which for o in others_which)


def _opposite_sides(words: frozenset[str], others: frozenset[str]) -> bool:
    """Whether `words` tell only of one side of a question that `others` tell only the opposite of (`OPPOSITES`):
    "Marsh's approval rating is 38%" and "54% disapprove of Marsh" count two sides; "approval fell to 38%, while 54%
    disapprove" tells of both, and is compared with another outlet's approval."""
    for one, opposite in OPPOSITES:
        if words & opposite and not words & one and others & one and not others & opposite:
            return True
    return False


LASTING = frozenset({"take", "last"})  # verbs whose object is how long a thing went on: "took eleven days"


def _of_an_earlier_year(quantity: Quantity, published_year: str) -> Quantity:
    """A figure in a clause on a year before the article's is an earlier figure ("since 2016, when a magnitude 7.8
    tremor struck"), not one of the story's: compared only with an earlier one (`EARLIER`). A year beside a figure
    ("the most since 2018", "sales rose 8 percent in 2024", "Under a 2019 law, fines reach $5,000") leaves it the
    story's; a year on the clause's subject or verb two years or more before the article's does not ("The 2021
    auction raised $2.8 billion", "In 2021 the party won 36 seats" in 2025): a year's results are told within months
    of its end, older ones as background.
    "This year" is the article's year: "6.1 million birds so far this year" are not "15 million birds during the
    2022 outbreak"; "last year" the one before ("Last year Tunely paid out $9 billion" in 2026 is no 2024 figure)."""
    # the subject's years are read here only: a time of no other figure ("The 2026 census ... up 22%" and "3,181 lynx
    # in 2026, an increase of 16%" are one year's)
    of_subject = [int(w.removeprefix(SUBJECT_YEAR)) for w in quantity.when if w.startswith(SUBJECT_YEAR)]
    quantity = replace(quantity, when=frozenset(w for w in quantity.when if not w.startswith(SUBJECT_YEAR)))
    for relative, back in ((THIS_YEAR, 0), (LAST_YEAR, 1)):
        if relative in quantity.when:
            # a share's "last year" may be what it is counted against ("up 21% on the same quarter last year")
            dated = published_year and not (back and quantity.unit == "%")
            year = {f"{YEAR}{int(published_year) - back}"} if dated else set()
            quantity = replace(quantity, when=quantity.when - {relative} | year)
    if not published_year:
        return quantity
    in_clause = [w.removeprefix(CLAUSE_YEAR) for w in quantity.when if w.startswith(CLAUSE_YEAR)]
    if any(year < published_year for year in in_clause) or any(year < int(published_year) - 1 for year in of_subject):
        return replace(quantity, when=quantity.when | {"earlier"})
    return quantity


def _comparable(quantities: list[Quantity], claim: Claim) -> list[Quantity]:
    """Leave out money of a currency the sentence gives several sums in, and ages of two people of one name.

    "$500 for the steel model and up to $5,000 for gold": which sum prices
    what is in the words between them, so neither is compared on its own. A
    sum analysts expected is one apart ("revenue of $2.3 billion, above the
    $2.2 billion analysts expected": the revenue is compared), and the sum a change started from is left out.
    "Mark Smith, 45, and his wife Jane Smith, 43": one surname, two people.
    An age is a person's only for a person the tagger found; else it is an age
    of whom the words say ("a 31-year-old Salvadorean nun": year-old:nun).
    """
    quantities = [_of_the_one_person(q, claim) for q in quantities]
    values: dict[tuple[str, bool], set[float]] = {}
    # the sum a change started from is left out, so the sum it reached is the sentence's one ("will rise from
    # £38,700 to £41,300": the £41,300 is compared)
    for q in quantities:
        if not q.when & PREVIOUS:
            values.setdefault((q.unit, q.forecast), set()).add(q.value)
    kept = []
    for q in quantities:
        age = q.unit.startswith(AGE_UNIT)
        current = values.get((q.unit, q.forecast), set())
        if (q.noun in CURRENCIES or age) and (len(current) > 1 or (q.when & PREVIOUS and current)):
            continue
        if age and not _named(q.unit.removeprefix(AGE_UNIT), claim):
            if YEAR_OLD in q.text:
                kept.append(replace(q, unit=YEAR_OLD + ":" + q.unit.removeprefix(AGE_UNIT)))
            continue
        kept.append(q)
    return kept


def _paid_to_one(x: Quantity, y: Quantity) -> bool | None:
    """Whether two sums are paid to (or fined of) one party, where both name whom (`Quantity.recipient`): "The ATP
    fined Kyrgios $10,000" and "Kyrgios was fined $10,000" are, though one names the ATP and the other does not;
    None where either names no one."""
    return _one_holder(x.recipient, y.recipient) if x.recipient and y.recipient else None


def _payer(sum_: Quantity) -> Quantity:
    """The sum told of whoever pays or fines: with no holder where its holder is the one paid or fined (the passive
    clause's subject: "Kyrgios was fined $10,000" against "The ATP fined Kyrgios $10,000" is one fine)."""
    return replace(sum_, holder="") if _one_holder(sum_.holder, sum_.recipient) else sum_


def _a_total_and_a_part(total: Quantity, part: Quantity) -> bool:
    """A sum said to be a total ("a combined £300m", "€8.2 billion in total") and one not said so, paid to a party
    the total is not said to be paid to, or in one year ("fined Google €4.3 billion in 2018"): a part of it."""
    if TOTAL not in total.statistic or TOTAL in part.statistic:
        return False
    to_another = bool(part.recipient) and not (total.recipient and _one_holder(total.recipient, part.recipient))
    return to_another or any(w.startswith(YEAR) and w not in total.when for w in part.when)


def _one_subject(x: Quantity, y: Quantity) -> bool:
    """The two figures' clauses are told of one subject: one common noun ("the combined company") or one name."""
    return bool(x.subject) and x.subject == y.subject or bool(x.holder and y.holder) and _one_holder(x.holder, y.holder)


def _of_the_one_person(age: Quantity, claim: Claim) -> Quantity:
    """ "She was 84." is the age of the one person the claim's article named, where that person is the claim's only
    entity (`checker.claims._Context.entities`); of nobody known otherwise. Other quantities as they are."""
    if age.unit.removeprefix(AGE_UNIT) not in PRONOUN_HOLDERS:
        return age
    people = [key for key in claim.entities if key.startswith(PERSON_KEY)]
    if len(people) != 1 or len(claim.entities) != 1:
        return age
    return replace(age, unit=AGE_UNIT + people[0].removeprefix(PERSON_KEY).lower().split()[-1])


def _named(surname: str, claim: Claim) -> bool:
    """The claim names someone of this surname: a person the tagger found, or a name it took for something else
    ("Ethiopia's Tigist Alemu, 34," tagged an organisation), as entities are matched across its labels."""
    return any(key.removeprefix(PERSON_KEY).lower().split()[-1:] == [surname] for key in claim.entities)


def _same_setting(a: Claim, b: Claim, from_before: bool = True) -> bool:
    """Whether two claims may count one thing: not if said by different bodies (the health ministry's toll, the
    army's; `checker.entities.BODY_KEY`), nor if set in different ones (a Security Council vote, a General
    Assembly vote), nor, where neither names its setting, if reported by different ones (inflation according
    to the ONS, according to Eurostat).

    `from_before`: a setting a claim takes from the sentence before counts ("The resolution got 18 votes
    against" after the General Assembly's vote); else only the claims' own settings do.
    """
    bodies = [{key for key in c.reported_by if key.startswith(BODY_KEY)} for c in (a, b)]
    if bodies[0] and bodies[1] and not bodies[0] & bodies[1]:
        return False  # "the health ministry said 40 were killed", "the army said 12": two parties' figures
    # by name: a body known only by its kind ("the company said") may be the one another names ("Acme said")
    named = [{key for key in c.reported_by if not key.startswith(BODY_KEY)} for c in (a, b)]
    settings = [c.setting if from_before or not c.setting_from_before else () for c in (a, b)]
    if settings[0] and settings[1]:
        return any(_one_setting(x, y) for x in settings[0] for y in settings[1])
    if settings[0] or settings[1] or not (named[0] and named[1]):
        return True
    return share_entity(named[0], named[1])  # "the USGS said", "according to the U.S. Geological Survey"


SETTING_JOINS = PLACE_PREPOSITIONS | {"on", "at"}  # "the Riverside Apartments on Elm Street in Millbrook"


def _one_setting(x: str, y: str) -> bool:
    """One setting, also where the tagger ran a place on into where it stands or what stands in it: "the
    Riverside Apartments on Elm Street" or "Elm Street" and "the Riverside Apartments on Elm Street in
    Millbrook"; and one named with whose it is, "the Independence Party" and "the Independence Party of Bjarni
    Thorsson" (not "New York" and "New York Times", nor "York" and "New York", nor "Michigan" and "the University
    of Michigan", nor "the Ministry of Health" and "the Ministry of Defence"); and a chamber named alone and with
    whose it is, "the House" and "the Oregon House", "the City Council" and "the Riverton City Council" (the White
    House is keyed as its country)."""
    if one_chamber(x, y):
        return True
    shorter, longer = sorted((x.lower().split(), y.lower().split()), key=len)
    for start in range(len(longer) - len(shorter) + 1):
        if longer[start : start + len(shorter)] == shorter:
            before, after = longer[:start], longer[start + len(shorter) :]
            if (not before or before[-1] in SETTING_JOINS) and (not after or after[0] in SETTING_JOINS | {"of"}):
                return True
    return False


def _quantity_subject(detail: Mapping[str, Any]) -> str:
    """What a figure counts, as a fact names it: its unit and polarity ("vote against")."""
    return " ".join(filter(None, (detail.get("unit"), detail.get("polarity"))))


def _by_subject(differing: list[tuple[dict[str, Any], str]], kind: str) -> list[Evidence]:
    """Contradicting evidence for each subject the differing figures count, in their order, each message naming
    every figure of its subject.

    "93 votes for ... 65 abstentions" / "112 votes for ... 41 abstentions" are
    two facts of one vote, each with its own versions and its own odd one out;
    two places' tolls in one sentence ("40 died in Arlen and 40 in Brisk") are
    one. Figures counting what the extraction reads nothing of (one wording's
    slots) have no subject: one evidence names them all.
    """
    subjects: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
    for detail, message in differing:
        subjects[_quantity_subject(detail)].append((detail, message))
    # "40 vs 60" twice, in two places: said once
    return [
        Evidence(kind, True, group[0][0], "; ".join(dict.fromkeys(m for _, m in group))) for group in subjects.values()
    ]


def _one_holder(x: str, y: str) -> bool:
    """One name, one's words within the other's: "Independence Party" and "Independence Party of Bjarni
    Thorsson"; a model's name, numbered, as written from its number on: "Pixel 11 Pro" is no "Pixel 11 Pro XL", and
    "Boeing 787 Dreamliner" is the "787 Dreamliner"."""
    words_x, words_y = x.lower().split(), y.lower().split()
    if any(c.isdigit() for c in x + y):
        return _from_its_number(words_x) == _from_its_number(words_y)
    return set(words_x) <= set(words_y) or set(words_y) <= set(words_x)


def _from_its_number(words: list[str]) -> list[str]:
    """A model's name from its first word with a digit: "787 dreamliner" of "boeing 787 dreamliner"."""
    first = next((k for k, w in enumerate(words) if any(c.isdigit() for c in w)), 0)
    return words[first:]


def _names(text: str, name: str) -> bool:
    """`text` gives `name` as written, a whole word or words ("the US 31", "Marks & Spencer"), not its words
    apart ("a tropical storm" gives no "Tropical Storm Delphine")."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _named_groups_apart(xs: list[Quantity], ys: list[Quantity]) -> set[tuple[str, str]]:
    """The figures, as written, of measures that name two groups whose figures differ too ("10" and "15" of "Those on
    the 10 mg dose lost 15.1%" against "those on the 15 mg dose lost nearly 20%"): two trial arms, no dose told two
    ways. Where the groups' figures agree ("the 12.5 mg dose lost 19.8%" / "the 15 mg dose lost 19.8%") the doses are
    compared."""
    return {
        (x.named_by.rpartition(":")[2], y.named_by.rpartition(":")[2])
        for x in xs
        for y in ys
        if x.named_by and y.named_by and x.named_by != y.named_by and x.unit == y.unit and not x.allows(y)
    }


def _a_part_alone(x: Quantity, y: Quantity) -> bool:
    """`x` is of one part "alone" (a place, else a day: "In London alone", "On Friday alone") that `y` does not name:
    "Across England, 50,000 homes" is the whole."""
    return x.alone and not (x.places or x.when) & (y.places | y.when)


def _held_by_another(x: Quantity, y: Quantity, other: Claim) -> bool:
    """`x` is of a name the other claim gives too, and `y`, the other's figure, of another name: two parties'
    counts, not one told two ways ("The Reform Party took 11 seats" against "The Progressive Party won 5 seats,
    ..., the Reform Party 11"; "Brennan had 53,310 votes" against "Okafor received 59,812 votes and Brennan
    received 51,310"). Where the other claim does not name `x`'s holder, the two may be one named two ways ("the
    Social Democrats", "the Social Democratic Party"; "Tropical Storm Delphine", "Hurricane Delphine")."""
    if not (x.holder and y.holder) or _one_holder(x.holder, y.holder):
        return False
    return _names(other.text, x.holder)  # tagged there or not ("the Conservatives")


def _two_people(x: Quantity, y: Quantity, a: Claim, b: Claim) -> bool:
    """Figures of two people each claim tags as a person, keyed apart ("Smith was sentenced to five years" / "Jones
    was sentenced to six years"): two people's, though neither claim names the other's (`_held_by_another`)."""
    if not (x.holder and y.holder):
        return False
    key_x, key_y = person_key(x.holder), person_key(y.holder)
    return key_x != key_y and key_x in a.entities and key_y in b.entities


def _from_one_figure(mine_a: Quantities, mine_b: Quantities) -> bool:
    """Both claims tell a move from one figure ("cut vouchers from $12 to $8 per person, starting April 1, because of
    a funding shortfall" / "The voucher will drop from $12 to $6 per person per month"): one thing moved, however
    little else of the two sentences is alike."""
    return any(
        x.when & PREVIOUS and y.when & PREVIOUS and x.unit == y.unit and x.value == y.value
        for x in mine_a.comparable
        for y in mine_b.comparable
    )


def _two_estimators(x: Quantity, y: Quantity) -> bool:
    """Two estimates two named sources made ("Corelane Analytics estimated insured losses at $18 billion to $26
    billion" / "Northstar Risk Models put insured losses at $21 billion to $30 billion"): each its own, however
    they differ. Both figures are what a verb of estimating gives ("Hurricane Milton caused $20 billion to $34
    billion in insured losses" is no estimator's); two names are two where they share no word ("Corelane" is
    "Corelane Analytics")."""
    if not (x.holder and y.holder) or set(x.holder.lower().split()) & set(y.holder.lower().split()):
        return False
    return x.verb in ESTIMATING and y.verb in ESTIMATING


def _overlapping_estimates(x: Quantity, y: Quantity) -> bool:
    """Two ranges that overlap, one of them an estimate's ("Estimates have pegged its price between $1,000 and
    $5,000" / "would cost between $4,000 and $5,000, according to sources"): both may hold of the one value, however
    their ends differ (two ranges told as fact, "faces between 5 and 10 years", must match)."""
    if not (x.bound == y.bound == "range") or not any(q.verb in ESTIMATING or q.subject in ESTIMATES for q in (x, y)):
        return False
    (low_x, high_x), (low_y, high_y) = x.interval(), y.interval()
    return low_x <= high_y and low_y <= high_x


def _one_forecaster(x: Quantity, y: Quantity) -> bool:
    """Two forecasts one forecaster may have made: both name it ("ABARES forecast ..."), or neither names one.
    "Goldman Sachs forecasts Brent at $90" and "Morgan Stanley forecasts Brent at $80" are two banks' views, and
    "NOAA forecasts 17 named storms" may be no forecast "Forecasters predict" 14 of."""
    return x.forecaster == y.forecaster == frozenset() or bool(x.forecaster & y.forecaster)


def _in_one_written_unit(pairs: list[tuple[int, int, Quantity, Quantity]]) -> list[tuple[int, int, Quantity, Quantity]]:
    """Figures written in one unit compared in it: where both claims give one figure in miles and kilometres ("about
    40,000km (25,000 miles)", "22,000 miles (36,000 kilometers)"), the miles against the miles and the kilometres
    against the kilometres, each as exact as it was written; a figure in miles against one in kilometres only where
    the claims share no unit for it."""
    written_alike = {(x.group, y.group) for _, _, x, y in pairs if x.written_in == y.written_in}
    return [p for p in pairs if p[2].written_in == p[3].written_in or (p[2].group, p[3].group) not in written_alike]


def _one_conversion(x: Quantity, y: Quantity) -> bool:
    """Two figures in two units that are one conversion, each as exact as it was written: "60 miles" and "97 km";
    "nearly 80 937 hectares" and "nearly 200,000 acres". Approximate figures whose reaches only overlap ("about 50
    miles", "about 100 km") agree on nothing."""
    if not {x.bound, y.bound} <= {"", "approximate"}:
        return False
    return abs(x.value - y.value) <= x.rounded_reach() + y.rounded_reach()


def _reach_width(key: Any) -> float:
    """How wide a version's reach is: 0 for an exact value, infinite for one with no end ("more than 600")."""
    if not (isinstance(key, dict) and "reach" in key):
        return 0.0
    low, high = key["reach"]
    return math.inf if low is None or high is None else high - low


def _written_rounded(q: Quantity) -> bool:
    """An exact figure written with a scale word to two digits or more ("3.1 million", "$1.34 billion"): the values
    it rounds are its reach, so the version of "3,104,000" joins it, as `one_rounds_the_other` agrees them."""
    return q.last_digit_unit > (q.written_unit or 1) and abs(q.value) >= 10 * q.last_digit_unit  # not "65 years"


def _as_detail(q: Quantity) -> dict[str, Any]:
    """A figure as evidence gives it; one that is no exact value ("a little more than 53,000", "about 40") or is
    written rounded ("3.1 million") with its reach, `null` where it has no end."""
    # "60 miles", "12 basis points", "44 degrees": a measure, or points told in two scales, says its unit
    labelled = q.unit.removesuffix(WHOLE) in METRIC_UNITS | {PERCENTAGE_POINT, DEGREE}
    text = f"{q.text}{_nouns(q, q)[0]}" if labelled else q.text
    if not q.bound and not q.written_in and not _written_rounded(q):
        return {"value": q.value, "text": text}
    low, high = (
        q.interval() if q.bound or q.written_in else (q.value - q.last_digit_unit / 2, q.value + q.last_digit_unit / 2)
    )
    reach = [x if math.isfinite(x) else None for x in (low, high)]
    # a range says the unit it was written in ("" where counted as written): `refines` keeps two of one unit apart
    return {"value": q.value, "text": text, "reach": reach} | ({"range": q.written_as} if q.bound == "range" else {})


def _within_their_groups(pairs: Sequence[tuple[int, int, Quantity, Quantity]], allowed: list[bool]) -> list[bool]:
    """Whether each pair's figures allow each other, a bound given as a conversion of an exact figure reaching no
    further than that figure: "18,200 acres (more than 7,300 hectares)" does not allow "21,800 acres", which
    "more than 7,300 hectares" alone would."""
    ruled_out = {(i, y.group, "b") for (i, _, _, y), ok in zip(pairs, allowed, strict=True) if not ok and not y.bound}
    ruled_out |= {(j, x.group, "a") for (_, j, x, _), ok in zip(pairs, allowed, strict=True) if not ok and not x.bound}
    return [
        ok and not (y.bound and (i, y.group, "b") in ruled_out) and not (x.bound and (j, x.group, "a") in ruled_out)
        for (i, j, x, y), ok in zip(pairs, allowed, strict=True)
    ]


def _told_before(xs: Sequence[Quantity], ys: Sequence[Quantity]) -> set[int]:
    """The figures of `xs`, from an article out earlier, that the other claim gives as the one before a change
    ("620,000 homes were without power" / the next day "410,000, down from a peak of 620,000"): the count as it
    stood then, which the other's figure updates. Not between articles of no known order: "won 40 seats" against
    "won 47 seats, up from 40" tells one election's result two ways."""
    return {
        i
        for i, x in enumerate(xs)
        if not x.when & PREVIOUS and any(y.when & PREVIOUS and y.unit == x.unit and y.allows(x) for y in ys)
    }


def _nouns(x: Quantity, y: Quantity) -> tuple[str, str]:
    """What the two figures count, for a message, unless their text says it ("35 percent", "Sorell, 46",
    "Category 4")."""
    if x.noun in CURRENCIES and x.basis and y.basis and x.basis != y.basis:
        return f" ({x.basis})", f" ({y.basis})"  # "$58.6 billion (gross) vs $58.6 billion (net)"
    if x.noun in CURRENCIES:
        return (f" ({x.noun})", f" ({y.noun})") if x.noun != y.noun else ("", f" ({x.noun})")
    if x.unit == "%" or x.unit.startswith(AGE_UNIT):
        return "", ""
    return tuple(
        "" if not q.noun or q.noun.lower() in q.text.lower() else f" {q.noun}" for q in (x, y)
    )  # "25,000 miles vs 22,000 miles"


@dataclass(frozen=True, slots=True)
class Quantities:
    """A claim's quantities: all it gives, those comparable on their own, and its wording with figures as slots."""

    found: tuple[Quantity, ...]
    comparable: tuple[Quantity, ...]
    wording: Slotted = Slotted()
    slot_values: tuple[Figure | None, ...] = ()  # each figure of the wording (None: "1/2")

    def __post_init__(self) -> None:
        """Most comparable quantities are ones of `found`: each is held once, where the index and a parsing
        child's pipe give back a copy of it (a quantity takes about 300 bytes)."""
        same = {q: q for q in self.found}
        object.__setattr__(self, "comparable", tuple(same.get(q, q) for q in self.comparable))


class QuantityIndex:
    """Which values each document gives for each quantity key, with the words around each."""

    def __init__(self, claims: Iterable[Claim], kind: str) -> None:
        self.kind = kind
        self.values: dict[tuple[str, str], list[Quantity]] = {}
        for claim in claims:
            for q in claim.annotations[kind].found:
                if q.bound in {"", "approximate"} and not (q.forecast or q.supposed or q.hedged):
                    self.values.setdefault((claim.doc_id, _index_key(q)), []).append(q)

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        """True when either side's value is one the other document states elsewhere, of the same thing.

        An article that reports two votes (93 for in one, 10 for in the other)
        does not contradict a source that gives one of its values: the claims
        were about different votes. Only values an article states count: a range's middle ("forecasts ranged from
        0.3% to 0.5%"), a bound, a forecast or a supposition is no value it gives of anything. A span of time only of
        what the two claims tell of, by a word in common: "must freeze prices for three years" against "for five
        years" is no less a discrepancy where the second article plans to "invest $4 billion over the next three
        years".
        """
        # each side's figure in its own unit: "$42.5 million" against "£42.5 million" is explained by another
        # "$42.5 million" in the first article, not by the pound sum it is compared with
        keys = {
            side: f"{evidence.detail[side].get('unit', evidence.detail['unit'])}:{evidence.detail['polarity']}"
            for side in ("a", "b")
        }
        # a span of time may be of anything ("for three years", "over the next three years"); a count, a share or
        # a sum the other article gives is taken for the thing it gives it of ("presented with $2,084")
        span = evidence.detail["unit"] in SPANS_OF_TIME
        told = (
            self._context(a, keys["a"], evidence.detail["a"]["value"])
            | self._context(b, keys["b"], evidence.detail["b"]["value"])
            if span
            else frozenset()
        )
        return any(
            q.value == evidence.detail[side]["value"]
            and (not span or q.context & told)
            and not self._of_another_subject(q, claim, other, keys[side])
            for side, claim, other in (("a", a, b), ("b", b, a))
            for q in self.values.get((other.doc_id, keys[side]), [])
        )

    def _of_another_subject(self, elsewhere: Quantity, claim: Claim, other: Claim, key: str) -> bool:
        """The two claims tell their figures of one subject, and the figure given elsewhere of another thing, named
        ("The Higgs boson has a mass of about 125 GeV" explains no other article's "The new particle has a mass of
        about 125 GeV" against "The new particle has a mass of about 152 GeV"). A subject of no name may be the
        claims' named another way ("The blaze destroyed 47 homes" / "The fire destroyed 47 homes"), and a count risen
        to the figure may be told of anything ("The death toll rose to 12"): those explain as before."""
        if elsewhere.risen or not elsewhere.subject_name:
            return False
        subjects = {q.subject for c in (claim, other) for q in c.annotations[self.kind].found if _index_key(q) == key}
        return len(subjects) == 1 and "" not in subjects and elsewhere.subject not in subjects

    def _context(self, claim: Claim, key: str, value: float) -> frozenset[str]:
        """The words around the claim's figures of `key` and `value`."""
        found = claim.annotations[self.kind].found
        return frozenset().union(*(q.context for q in found if _index_key(q) == key and q.value == value))


def _index_key(quantity: Quantity) -> str:
    return f"{quantity.unit}:{quantity.polarity}"


class NumberCheck(Check):
    """Contradicting evidence for each differing shared quantity, else agreement if one matches.

    A quantity with a polarity ("votes against") or a person's age is specific
    enough to compare between loosely similar claims; a plain count ("12
    people") needs the claims to be about the same thing (similarity >=
    plain_count_similarity) and to state it, not to forecast or suppose it
    (two suppositions may be of two conditions: "if turnout is low, Labour
    would win 200 seats" / "if it is high, 250"). Claims set in different
    organisations or events (a Security Council vote, a General Assembly vote)
    count different things, and so do claims two kinds of body are said to
    have made (a ministry's toll, an army's).
    """

    kind = "number"
    versus_head = NO_HEAD
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
        cues = line_cues(tokens.doc)
        found = [_of_an_earlier_year(q, claim.published[:4]) for q in extract_quantities(tokens, cues)]
        # a figure's words are one slot: "half a million", not "million" with "half a" around it
        in_figures = {t.i for run in figure_runs(tokens, cues) for t in run}
        runs = figure_slot_runs(tokens, in_figures)
        return Quantities(
            tuple(found),
            tuple(_comparable(found, claim)),
            slotted(tokens, runs),
            # a conversion in brackets is no figure of its own in one wording: "12 meters (39 feet)" and "12
            # meters (40 feet)" round one radius two ways
            _slot_values(runs, tokens, cues),
        )

    def pairing_keys(self, claim: Claim) -> set[str]:
        """Keys of the specific quantities of a claim (unit and polarity both known)."""
        return {f"{q.unit}:{q.polarity}" for q in self.mine(claim).found if q.specific and q.unit not in {"", "%"}}

    def explainer(self, claims: Sequence[Claim]) -> QuantityIndex:
        return QuantityIndex(claims, self.kind)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return _quantity_subject(detail)

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """The value as compared, a figure that is no exact value by its reach ("a little more than 53,000"), shown
        with its open end ("53,000 or more", "up to 40"): a bound is no second version of the exact figure."""
        figure = detail.get(side)
        # a figure in the wrong unit ("$42.5 million" against "£42.5 million") is a version of its own
        unit = {"unit": figure["unit"]} if isinstance(figure, dict) and figure.get("unit") else {}
        if isinstance(figure, dict) and figure.get("reach"):
            low, high = figure["reach"]
            text = str(figure.get("text"))
            shown = f"{text} or more" if high is None else f"up to {text}" if low is None else text
            ends = {"range": figure["range"]} if "range" in figure else {}
            return {"value": figure.get("value"), "reach": figure["reach"]} | ends | unit, shown
        if unit:
            return {"value": figure.get("value")} | unit, str(figure.get("text"))
        return plain_version(detail, side)

    def refines(self, key: Any, finer: Any) -> bool:
        """An exact value within a figure's reach, or a figure whose reach lies within it ("59 miles" in "60
        miles", both in kilometres): "a little more than 53,000 votes" joins the one version of 53,310, and "60
        miles" the one of "95 km", so its source counts for the majority, not as an outlier of its own. Within,
        not overlapping: a chain of overlaps would join two versions that contradict each other. A range within a
        range written in its unit is no finer telling of it: each states both its ends ("between 13 and 25 years" /
        "between 10 and 25"); one in another unit may be its conversion ("100 to 110 km/h" in "60 to 70 mph")."""
        if not (isinstance(key, dict) and "reach" in key):
            return False
        if isinstance(finer, dict) and "range" in key and "range" in finer and key["range"] == finer["range"]:
            return False
        if isinstance(finer, dict) and finer.get("unit") != key.get("unit"):
            return False  # "$42.5 million" is within no reach of "£42.5 million"
        reached = finer.get("reach") if isinstance(finer, dict) else None
        value = finer.get("value") if reached else finer
        if _count(value) is None or _reach_width(finer) >= _reach_width(key):
            return False
        low, high = key["reach"]
        ends = reached or [value, value]
        return all(v is not None and (low is None or low <= v) and (high is None or v <= high) for v in ends)

    @classmethod
    def updated_in_time(cls, subject: str) -> bool:
        """A count or a measure may rise as a story goes on (a toll, the votes counted, the area a fire burned, the
        rain so far); a person's age, a span of time (a sentence of seven years, a 72-hour truce), a sum of money
        (a quarter's revenue, a deal's price, a fine), a vote's split or a match's score or an index's close is
        given once: a later figure that differs is a slip, or another quantity's."""
        unit = subject.partition(" ")[0].removesuffix(WHOLE)  # "a 72-hour strike": a whole span
        if unit.startswith((AGE_UNIT, YEAR_OLD)) or unit in SPANS_OF_TIME or subject.startswith(GIVEN_ONCE):
            return False
        return subject.removesuffix(WHOLE).partition("/")[0] not in CURRENCIES

    @classmethod
    def _updated(cls, earlier: Sequence[Quantity], later: Sequence[Quantity]) -> set[int]:
        """The figures of `earlier`, from an article out before the other, that the other's updates: given as the
        one before a change (`_told_before`), or a count that may rise as a story goes on against a larger one
        the later article tells as it stands so far ("Three passengers were checked" / two days on, "In all, five
        passengers were checked, the airline said in an update"; "has burned 23,000 acres so far"), or against
        any other the later article tells as things stand ("Twelve people were in hospital" / the next day,
        "Eleven people remain in hospital"). Not a count told smaller (three after five is a slip or a correction,
        which the reader must see), nor two figures of one stated moment ("as of Tuesday evening")."""
        return _told_before(earlier, later) | {
            i
            for i, x in enumerate(earlier)
            if cls.updated_in_time(x.unit)
            and any(
                (y.standing or (y.running and y.value > x.value)) and y.unit == x.unit and not x.when & y.when
                for y in later
            )
        }

    @classmethod
    def may_update(cls, subject: str, keys: Sequence[Any]) -> bool:
        """A toll of the dead ("death", "soldier:death") rises as a story goes on: nine dead, then six, is not
        offered as an update. Where a toll is revised down (victims counted twice), the source says so in the
        sentence the report shows; the hint would have a reader wave off the slip it more often is. Other
        counts may fall (the missing as they are found, the people in hospital)."""
        unit = subject.partition(" ")[0]
        if unit != DEATH and not unit.endswith(f":{DEATH}"):
            return True
        counts = [c for c in map(_count, keys) if c is not None]
        return all(step >= 0 for step in _steps(counts))

    @classmethod
    def moves_one_way(cls, keys: Sequence[Any]) -> bool:
        """Counts that only rise (a toll: 12, 19, 26) or only fall (the missing, as they are found)."""
        counts = [_count(k) for k in keys]
        if None in counts:
            return False
        steps = _steps(counts)
        return all(step > 0 for step in steps) or all(step < 0 for step in steps)

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        found = self.compare_all(a, b, similarity)
        return found[0] if found else None

    def compare_all(self, a: Claim, b: Claim, similarity: float, *readings: Any) -> list[Evidence]:
        """A discrepancy for each quantity the two claims count otherwise; else one figure changed in one
        wording; else an agreement."""
        counted = self._counted(a, b, similarity)
        if counted and counted[0].contradicts:
            return counted
        return (self._one_wording(a, b) if _same_setting(a, b) else []) or counted[:1]

    def agreements(self, a: Claim, b: Claim, similarity: float) -> list[Evidence]:
        """Every figure the two claims give alike, where they give none otherwise: "sales rose 18 percent to 1.42
        million" agrees with "1.42 million, up 18 percent" on both, each a fact's version its source seconds."""
        counted = self._counted(a, b, similarity)
        return [] if counted and counted[0].contradicts else counted

    def _one_wording(self, a: Claim, b: Claim) -> list[Evidence]:
        """A figure changed in one wording ("called 911" / "called 918", "some 300" / "some 305"): one
        statement, so the figure is compared though it counts nothing the extraction reads, and though an
        approximation, a rounding or a hedge would let two figures worded apart agree: one source changed it.
        Only fewer digits, two significant at least, is no change ("1.23 percent" / "1.2 percent"): that source
        rounded.

        Two bounds too ("at least 12 killed" / "at least 15 killed"): both can be true, but the sources give
        two versions of one sentence, and a reader wants to know which toll is whose. Not claims told of
        different parties ("Apple was founded in 1976" / "Google ... in 1998").
        """
        if a.entities and b.entities and not share_entity(a.entities, b.entities):
            return []
        x, y = self.mine(a), self.mine(b)
        differing = []
        named = [{designation(slot) for slot in side.wording.slots} - {None} for side in (x, y)]
        for i, j in differing_slots(x.wording, y.wording):
            designated = designation(x.wording.slots[i]), designation(y.wording.slots[j])
            if None not in designated and designated[0][0] != designated[1][0]:
                return []  # two makers' or schemes' designations ("Su-35" / "F-35", "CO2" / "NO2"): two wordings
            if set(designated) <= named[0] & named[1]:
                continue  # the same designations in another order: "F-16 and F-35" / "F-35 and F-16"
            figures = x.slot_values[i], y.slot_values[j]
            if figures[0] is None or figures[1] is None or one_rounds_the_other(figures[0], figures[1]):
                continue
            values = figures[0][0], figures[1][0]
            if values[0] == values[1]:
                continue  # "five" and "5"
            texts = [x.wording.around[i], y.wording.around[j]]
            detail = {
                "unit": "",
                "polarity": "",
                "a": {"value": values[0], "text": texts[0]},
                "b": {"value": values[1], "text": texts[1]},
            }
            differing.append((detail, versus(texts[0], texts[1])))
        changed = [i for i, _ in differing_slots(x.wording, y.wording)]
        if differing and len(changed) > 1 and any(_of_a_period(x.wording, i) for i in changed):
            # "third-quarter earnings of $1.37" / "second-quarter earnings of $1.12": two quarters' figures; the
            # period alone changed ("FY2015 spending was well above budget" / "FY2016 ...") is one source's slip
            return []
        if differing and any(_a_term(x, i) for i, _ in differing_slots(x.wording, y.wording)):
            return []  # "the 30-year mortgage rate rose to 6.8%" / "the 15-year ... to 6.1%": two products' figures
        return _by_subject(differing, self.kind)

    def _counted(self, a: Claim, b: Claim, similarity: float) -> list[Evidence]:
        """Contradicting evidence for each quantity differing in figures no other figure explains, else agreement
        if one matches.

        A figure the other claim also gives (a value its figure allows) is
        matched, and a matched figure contradicts nothing. "45 percent of
        households instead of the old 35 percent" against "45 percent ...
        instead of 35 percent" gives two percentages on each side that agree,
        not 45 against 35. Where one claim gives more ("destroyed 40 homes and
        damaged 60" / "60 homes"; "a year and a half, suspended for 24 months" /
        "18 months"), which of its figures the other means is unknown: a
        matched figure explains the other's, and nothing is reported, no
        agreement either.
        """
        compared, slips = self._same_quantities(a, b, similarity)
        pairs = compared + slips  # a figure in the wrong unit allows nothing: "$27.4 billion" / "€27.4 billion"
        slipped = {(i, j) for i, j, _, _ in slips}
        allowed = _within_their_groups(pairs, [x.allows(y) for _, _, x, y in compared] + [False] * len(slips))
        parts_a, parts_b = self._given_as_parts(a, b)
        matched_a = {i for (i, _, _, _), ok in zip(pairs, allowed, strict=True) if ok} | parts_a
        matched_b = {j for (_, j, _, _), ok in zip(pairs, allowed, strict=True) if ok} | parts_b
        if published_before(a, b):
            matched_a |= self._updated(self.mine(a).comparable, self.mine(b).comparable)
        if published_before(b, a):
            matched_b |= self._updated(self.mine(b).comparable, self.mine(a).comparable)
        partners_a, partners_b = Counter(i for i, _, _, _ in pairs), Counter(j for _, j, _, _ in pairs)
        # one figure in two units ("12 meters (39 feet)") agrees with another where one of its units agrees as two
        # exact figures do, the same or one rounding the other, and the other unit's figures are one conversion
        # apart: a conversion rounds ("12.2 meters (40 feet)"), but "41.7C (103F)" against "41.7C (107F)" is one
        # outlet's slip. A value only within a bound's reach ("about 40,000km" / "36,000 kilometers") is no such
        # agreement, so the other unit's difference still counts.
        agreeing_groups = {
            (x.group, y.group)
            for (_, _, x, y), ok in zip(pairs, allowed, strict=True)
            if ok and not {x.bound, y.bound} & {"approximate", "lower", "upper"}
        }
        agreeing: list[Evidence] = []
        differing = []
        # figures of one verb first: of "harvested 7.9 million acres and abandoned 2.1 million" it is the 2.1 that
        # "1.2 million acres were abandoned" is set against, each figure being named once
        by_verb = sorted(zip(pairs, allowed, strict=True), key=lambda p: p[0][2].verb != p[0][3].verb)
        for (i, j, x, y), ok in by_verb:
            detail = {
                "unit": x.unit,
                "polarity": x.polarity,
                "a": _as_detail(x),
                # a figure in the wrong unit ("$27.4 billion" / "€27.4 billion") says its own
                "b": _as_detail(y) | ({"unit": y.unit} if (i, j) in slipped else {}),
            }
            if not ok:
                if i in matched_a or j in matched_b:
                    continue
                if (x.group, y.group) in agreeing_groups and _one_conversion(x, y):
                    continue
                if any(i == k or j == m for k, m, _, _ in differing):
                    continue  # each figure named once: "40 vs 60" is not followed by "40 vs 65"
                nouns = _nouns(x, y)
                message = versus(f"{x.text}{nouns[0]}", f"{y.text}{nouns[1]}{' ' + x.polarity if x.polarity else ''}")
                differing.append((i, j, detail, message))
                continue
            one_sided = {x.bound, y.bound} & {"lower", "upper"}
            if partners_a[i] != partners_b[j]:
                continue  # "exports rose 10 percent and imports 12 percent" / "exports rose 12 percent": no agreement
            # "less than 10" and "more than 10" do not agree; "104F" and "40C" agree as a conversion
            if x.value == y.value and not one_sided and x.written_in == y.written_in:
                agreeing.append(Evidence(self.kind, False, detail, f"both give {x.text}{_nouns(x, y)[0]}"))
            elif x.written_in != y.written_in and _one_conversion(x, y):  # "60 miles", "97 km"
                agreeing.append(
                    Evidence(self.kind, False, detail, f"{x.text}{_nouns(x, y)[0]} is {y.text}{_nouns(x, y)[1]}")
                )
            elif sorted([x.bound, y.bound]) == ["", "range"]:  # "34" within "between 30 and 40"
                exact, ranged = (x, y) if y.bound == "range" else (y, x)
                agreeing.append(Evidence(self.kind, False, detail, f"{exact.text} within {ranged.text}"))
        found = _by_subject([(detail, message) for _, _, detail, message in differing], self.kind)
        return found or agreeing

    def _given_as_parts(self, a: Claim, b: Claim) -> tuple[set[int], set[int]]:
        """The figures of `a` and `b` (by position) that one claim gives as a part counted besides and the other as
        a count of its own: "Four members backed the cut, while the other three wanted less" gives the three of
        "Three members wanted a smaller cut", so it explains that figure and is compared with nothing else."""
        mine_a, mine_b = self.mine(a).comparable, self.mine(b).comparable
        found_a, found_b = set(), set()
        for i, x in enumerate(mine_a):
            for j, y in enumerate(mine_b):
                rest = x.rest or y.rest  # "the other three", not "another three": a part of one group, no more
                if (
                    rest
                    and x.increment != y.increment
                    and same_quantity(replace(x, increment=y.increment), y)
                    and x.allows(y)
                ):
                    found_a.add(i)
                    found_b.add(j)
        return found_a, found_b

    def _same_quantities(
        self, a: Claim, b: Claim, similarity: float
    ) -> tuple[list[tuple[int, int, Quantity, Quantity]], list[tuple[int, int, Quantity, Quantity]]]:
        """The figures of `a` and `b` (with their positions) that count the same thing and may be compared, and
        those that are one figure written in two units (`_a_unit_slip`).

        Votes and shares are told apart by the body they were counted in, named in the sentence or the one
        before (`_same_setting`); other counts and sums only by a body the sentence names itself: a sentence
        on the NHS before "The chancellor also set out £40 billion of extra defence spending" kept it from
        another outlet's "£40m", after a sentence on the Budget.
        """
        by_body = {True: _same_setting(a, b), False: _same_setting(a, b, from_before=False)}
        mine_a, mine_b = self.mine(a), self.mine(b)
        different_parties = bool(a.entities and b.entities and not share_entity(a.entities, b.entities))
        loose = similarity < self.setting("plain_count_similarity") and not _from_one_figure(mine_a, mine_b)
        pairs, slips = [], []
        for i, x in enumerate(mine_a.comparable):
            for j, y in enumerate(mine_b.comparable):
                if not by_body[bool(x.polarity) or x.unit == "%"] and not x.unit.startswith(AGE_UNIT):
                    continue  # (a named person's age is theirs wherever the sentence is set)
                # a supposition against a figure given as fact may be a plan since changed; two of one subject are
                # one ("The combined company would control 19%" / "would hold 14%")
                hedged = x.hedged or y.hedged or x.supposed != y.supposed or (x.supposed and not _one_subject(x, y))
                if not x.specific and (loose or hedged):
                    continue
                if different_parties and x.noun in CURRENCIES:
                    continue  # "Japan pledged $6 million", "the US pledged $10 million": two pledges
                paid_to = _paid_to_one(x, y)
                if paid_to is False:
                    continue  # "fined Barclays £72m" / "HSBC was fined £40m": two parties' sums
                payers = (_payer(x), _payer(y)) if paid_to else (x, y)
                if _held_by_another(*payers, b) or _held_by_another(*payers[::-1], a) or _two_people(*payers, a, b):
                    continue
                if _two_estimators(x, y):
                    continue
                if _overlapping_estimates(x, y):
                    continue
                if x.forecast and y.forecast and not _one_forecaster(x, y):
                    continue
                if same_quantity(x, y):
                    pairs.append((i, j, x, y))
                elif _a_unit_slip(x, y):
                    slips.append((i, j, x, y))
        # a figure in the wrong unit only where neither has a figure of the other's unit: "$5m (£4m)" / "£5m" are
        # two sums in pounds
        paired = {i for i, _, _, _ in pairs}, {j for _, j, _, _ in pairs}
        slips = [s for s in slips if s[0] not in paired[0] and s[1] not in paired[1]]
        groups = _named_groups_apart(mine_a.comparable, mine_b.comparable)
        pairs = [p for p in pairs if (p[2].text, p[3].text) not in groups]
        return _in_one_written_unit(pairs), slips
