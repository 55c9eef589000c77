"""Quantities of a claim, read from its parse once: what the `number` check compares.

A quantity is a figure of the parse tied through the dependency tree to what
it counts: the noun it is a `nummod` of ("18 votes"), the noun of a part ("57
of the 183 seats"), the person an age describes ("the 49-year-old Sorell",
"Sorell, 46,"). Votes take the polarity words after them ("against", "in
favour"); counted agents that then vote ("four countries ... voted against")
count votes. Two quantities are the same only when their units match and their
polarities do not differ, so "10 votes in favor" never meets "18 votes
against" and a groom's age never meets his bride's. Bounds and round figures
("at least five", "nearly a dozen") contradict only a value outside them.
Dates, years and numbers in names ("ABC 15") are not counts. The figures
themselves (runs of number words, scales, values, reach) are read by
`checker/checks/figures.py`; the cue words are pattern data:
`checker/patterns/quantities.jsonl`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from checker.checks import calendar
from checker.checks.days import clock, writes_a_day
from checker.checks.figures import (
    CUES,
    CURRENCIES,
    MONEY_SCALES,
    ROUNDING,
    SCALES,
    SIGNS,
    Cues,
    figure_runs,
    last_digit,
    line_cues,
    one_rounds_the_other,
    ordinal_of,
    spread_of,
    value_of,
    words_by_label,
)
from checker.entities import entity_key, entity_text
from checker.patterns import load, words

AGE_UNIT, YEAR_OLD = "age:", "year-old"
NOMINAL_ROLES = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"}
)  # a noun's places in a clause
KIN = words("people", "kin")  # what a named person is to another: "Marenović's father, Ivan Marenović" (`_kin_of`)
WHOLE_GROUP = frozenset({"all", "both"})  # "all 12 of the boys": no part of the group (`_some_of_a_group`)
GROUP_DETERMINERS = frozenset({"the", "those", "these"})  # "three of the injured": some of a group (`_some_of_a_group`)
SCORE_JOINERS = frozenset({"-", "–", "—"})  # "6-2": a score, no age after a name and a comma
BOUNDS = frozenset({"lower", "upper", "approximate"})  # the cues of a bound before a figure: "more than", "about"
RANGE_OPENERS = frozenset({"from", "between"})  # "from 10 to 15", "between 3 and 5": a change or a range, no score
# an age a he or she is said to be (`_stated_age`): whose it is, the claim's one person tells
PRONOUN_HOLDERS = frozenset({"he", "she"})
# what a name said to be a number of years old is tagged: a person, or a surname the tagger took for a place
AGED = frozenset({"PERSON", "GPE", ""})
# what dates a copula's age to another time: "when she wrote her first poem", "at the time", "in 1962", "then"
DATING_DEPENDENTS = frozenset({"advcl", "prep", "advmod", "npadvmod"})
# a figure in one of these counts nothing, unless it counts a noun ("six years")
NOT_COUNTS = {"DATE", "TIME", "ORDINAL"}
NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
CONVERSION_WORDS = frozenset(
    {"/", ",", "-", "–", "or", "about", "around", "roughly", "some", "nearly", "approximately"}
)
FINITE_VERBS = frozenset({"VBD", "VBZ", "VBP"})  # "wanted", "wants", "want"
REPORTED = {"say", "confirm", "plan"}  # labels of verbs that make a "would" under them a reported plan
SPEAKING = frozenset({"say", "confirm", "deny", "admit"})  # labels of verbs of speaking (`reporting.jsonl`)


def _durations() -> dict[str, tuple[str, float]]:
    """A span of time's word → the unit it is counted in and how many of those it is ("year" → ("month", 12.0)),
    from the labels "duration:<unit>:<factor>": "six years" and "72 months" are one sentence."""
    found = {}
    for label in {p.label for p in load(CUES) if p.label.startswith("duration:")}:
        _, unit, factor = label.split(":")
        found |= dict.fromkeys(words(CUES, label), (unit, float(factor)))
    return found


DURATIONS = _durations()
CELSIUS, FAHRENHEIT, DEGREE = "degree celsius", "degree fahrenheit", "degree"  # "108 degrees" names no scale
# "412,000 ounces" of gold are troy ounces (31.1 g), of flour avoirdupois ones (28.3 g); news seldom says which
OUNCE, TROY_OUNCE = "ounce", "troy ounce"
PRECIOUS = frozenset({"gold", "silver", "platinum", "palladium", "rhodium", "bullion", "precious", "pgm", "nugget"})
TROY_SCALE = 1000  # ounces of no metal named, from which they are a mine's output, weighed in troy ounces
POUND, POUND_WEIGHT = "pound", "pound weight"  # "pounds" is money unless a verb of weighing gives it (`_weighed`)
# Units of measure counted in the metric unit of their dimension, and how many of it one is: "40 miles" and "64 km"
# are one distance, "104F" and "40C" one temperature. Units of two sizes ("ton": short or long; "gallon": US or
# imperial) are left as written.
IN_METRIC_UNITS = {
    "mile": ("metre", 1609.344),
    "nautical mile": ("metre", 1852.0),
    "yard": ("metre", 0.9144),
    "foot": ("metre", 0.3048),
    "inch": ("metre", 0.0254),
    "mile an hour": ("kilometre an hour", 1.609344),
    "knot": ("kilometre an hour", 1.852),
    POUND_WEIGHT: ("kilogram", 0.45359237),
    OUNCE: ("kilogram", 0.028349523125),
    TROY_OUNCE: ("kilogram", 0.0311034768),
    "acre": ("square metre", 4046.8564224),
    "square mile": ("square metre", 2589988.110336),
    "square foot": ("square metre", 0.09290304),
    FAHRENHEIT: (CELSIUS, 5 / 9),
}
# A unit whose zero is not its metric unit's: a reading in it is moved by this many of its units before it is
# counted (104F is 40C); a change or a difference is not (a rise of 9F is one of 5C: `_a_difference`)
ZERO_OFFSETS = {FAHRENHEIT: -32.0}
# Metric units counted in the one of their dimension above, exactly: "76mm" of rain and "3 inches", "35 square
# kilometres" and "3,500 hectares", "1.2 GW" and "1,200 MW" are compared. A figure keeps its words as written.
METRIC_MULTIPLES = {
    "kilometre": ("metre", 1e3),
    "centimetre": ("metre", 1e-2),
    "millimetre": ("metre", 1e-3),
    "square kilometre": ("square metre", 1e6),
    "hectare": ("square metre", 1e4),
    "tonne": ("kilogram", 1e3),
    "gram": ("kilogram", 1e-3),
    "milligram": ("kilogram", 1e-6),
    "microgram": ("kilogram", 1e-9),
    "millilitre": ("litre", 1e-3),
    "kilowatt": ("watt", 1e3),
    "megawatt": ("watt", 1e6),
    "gigawatt": ("watt", 1e9),
    "megabyte": ("gigabyte", 1e-3),
    "terabyte": ("gigabyte", 1e3),
    "megahertz": ("gigahertz", 1e-3),
}
# A measure told in two units, the larger first, and how many of the smaller make one of it: "6ft 7in", "15st 2lb"
# (stones are compared only with stones: counted in kilograms, a record fish's "22 stone" met another's "127 kg" in
# the held-out news, FNC-1 bodies 1400-1599, and no reader had a stone weight to gain)
TWO_UNIT_MEASURES = {("foot", "inch"): 12, ("stone", POUND_WEIGHT): 14, (POUND_WEIGHT, "ounce"): 16}
# How far a round figure given in another unit than the other source's may be from it, at most: as far as the
# least an approximate figure reaches (`ROUNDING`). A tenth let "1,000 metres" agree with "3,600 feet" (1,097 m);
# "35,000 feet" against "10,000 metres" (10,668 m) stays a discrepancy.
CONVERTED_ROUNDING = ROUNDING[0]
# what `IN_METRIC_UNITS` and `METRIC_MULTIPLES` count in: a figure in one of these is a measure
METRIC_UNITS = frozenset(unit for unit, _ in (*IN_METRIC_UNITS.values(), *METRIC_MULTIPLES.values()))
MEASURES = METRIC_UNITS | IN_METRIC_UNITS.keys() | METRIC_MULTIPLES.keys()  # units counted in those
TEMPERATURE_UNITS = frozenset({CELSIUS, FAHRENHEIT})
# units written in capitals, which the tagger takes for names: "46.2C", "1.2 GW", "256GB", "3.2GHz"
CAPITAL_UNITS = TEMPERATURE_UNITS | {
    "kilowatt",
    "megawatt",
    "gigawatt",
    "megabyte",
    "gigabyte",
    "terabyte",
    "megahertz",
    "gigahertz",
}
SPEED_UNITS = frozenset({"mile an hour", "kilometre an hour", "knot"})  # units that are speeds themselves: "mph"
AREA_UNITS = frozenset({"acre", "hectare"})  # what a yield is counted over: "34 bushels per acre"
LENGTH_UNITS = frozenset(
    {"metre", "kilometre", "centimetre", "millimetre", "mile", "nautical mile", "foot", "inch", "yard"}
)
# words after "a day" that count a time from an event ("a day after", "a year into its mission"), no rate
TIMES_FROM = frozenset({"after", "before", "later", "earlier", "ago", "into"})
SPANS_OF_TIME = frozenset(unit for unit, _ in DURATIONS.values())  # the units spans of time are counted in: "month"
PERCENTAGE_POINT = "percentage point"  # the unit basis points are counted in: "25 basis points" is 0.25 of it
DURATION_JOINS = frozenset({"and", ","})  # "six years and eight months", "two hours, 40 minutes"
NOT_ONE_SPAN = frozenset({"respectively", "of", "ago", "later", "earlier", "before", "after"})
EARLIER, PARTS_OF_DAY = words(CUES, "time:earlier"), words(CUES, "time:part-of-day")
RISES = words(CUES, "risen-to")  # "rise", "climb": a count that rose
MONTHS, VOTERS = frozenset(m.lower() for m in calendar.MONTHS), words(CUES, "voter")
# words that time a figure: the calendar's days and months, "today", the parts of a day, "initially"
# The time word of a figure given as the one before (", up from 40"): compared with such figures only, not
# with a figure of an earlier report ("had earlier been projected to win 45 seats").
PREVIOUS = frozenset({"previous-figure"})
PLACES = {"GPE", "LOC"}
# the place a noun after "in" is of, by its name or its people's ("in U.S. stores", "in North American cinemas")
PLACE_MODIFIERS = frozenset({"compound", "amod"})
PEOPLES = PLACES | {"NORP"}
# a scope among a figure's places ("scope:world" of "worldwide", "scope:home" of "domestic"), and a place named by
# its people ("in Mexican stores"): told apart only from the world, as a scope (`numbers._counted_in_two_places`)
SCOPE = "scope:"
REGION, WORLD, HOME, ABROAD = SCOPE + "region", SCOPE + "world", SCOPE + "home", SCOPE + "abroad"
# levels of government a figure is counted at: "the county's rate" is no "statewide" rate, nor the national one
LEVELS = frozenset(SCOPE + level for level in ("city", "county", "state", "nation"))
PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
MODEL_PARTS = frozenset({"compound", "nmod", "nummod"})  # the words of a name before its last: "Pixel 11 Pro"
EACH, MARGIN = "each", "margin"  # the statistics of each member of a group and of a lead (`statistic-each`)
PART = "part"  # the statistic of some of a group: "three of the injured" (`_some_of_a_group`)
TOTAL = "total"  # the statistic of a figure said to be the sum of several: "a combined £300m" (`statistic-total`)
SPREAD, SPREAD_VERBS = "spread", frozenset({"range", "vary"})  # a group's spread: "Sentences ranged from 2 to 8 years"
DESCRIBED = "of:"  # the statistic of a figure written onto a noun: "of:haul" for "a five-wicket haul"
PEOPLE_WORDS = frozenset({"people", "person", "resident", "participant"})  # one count of people, however named
PARTIAL = "partial-count:"  # a figure's moment: a count under way ("with 60 percent of ballots counted": "...:60")
YEAR = "year:"  # a year as a figure's time: "year:2016"
# counts named by several nouns whose kinds are counts of their own (`_unit`: "ships" and "vessels", not "container
# ships"), and the words on such a noun that name no kind
KINDED_COUNTS = frozenset({"ship", "aircraft"})
COUNTING_WORDS = frozenset({"more", "other", "additional", "further", "several", "many", "new", "total"})
GENERATIONS = frozenset({"G", "K", "D"})  # glued to a figure, a name: "5G", "4K", "3D" (grams are "g")
BEFALLEN = frozenset({"death", "injured", "missing"})  # what befalls animals as people (`_unit`)
POPULATION_WORDS = frozenset({"among", "excluding"})  # what names the group a share is of (`_populations`)
SPAN_ENDS = frozenset({"to", "through", "until", "and"})  # what ends a span of years begun "from 2019"
DEADLINE_PREPOSITIONS = frozenset({"by", "before"})  # "will close 340 by September": when a plan is due
DUE = "due:"  # the month a plan is due by, among a figure's times: "due:september"
RELATIVE_PRONOUNS = frozenset({"WDT", "WP"})  # "that", "which", "who": a relative clause's subject is its head
SINCE = "since"  # a count from a year on ("has killed 13,000 civilians since 2009"): no one event's (`_when`)
# a move since a day ("has fallen 84% since Feb. 26"): no one day's move; kept for shares only (`_quantity`)
SINCE_DAY = "since-day"
AMBIGUOUS_MONTHS = frozenset({"may", "march"})  # months only with a capital: "may be related", "march on"
YEAR_MODIFIERS = frozenset({"nummod", "compound", "amod", "nmod"})  # "The 2021 auction": its year
TIME_SPANS = frozenset({"year", "month", "decade", "week", "day"})  # "in the years since 2009"
THIS_YEAR = YEAR + "this"  # "this year", dated by the article's publication
LAST_YEAR = YEAR + "last"  # "last year": the year before the article's
MONTHS_QUARTER = "period:quarter:"  # the cues of a quarter named by its months: "period:quarter:1"
SUBJECT_YEAR = "subject-year:"  # a year on the figure's clause's subject or verb: "The 2021 auction raised $2bn"
CLAUSE_YEAR = "clause-year:"  # the year a clause holding the figure is on: "in 2016, when a 7.8 tremor struck"
# a share told as a fraction of a whole ("two-thirds"), by the parts it counts, and how far either side of its share
# a figure written as a percentage may round it ("two-thirds" is 66% and 67%)
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
FRACTION_SPREAD = 1.0
# how far either side of its share a ratio of a round whole may round it, in parts of that whole: "one in 10" is said
# of 12%, "one in 100" of 1.2% (the session 62 review's probes of news wording), "four in 10" of no 47%; "one in
# four" and "one in five" are read exactly
RATIO_SPREAD = 0.25
WHOLE = ":whole"  # the unit's suffix of a whole a part is counted of ("57 of the 183 seats")
INNER_CLAUSES = frozenset({"relcl", "acl"})  # a clause on a word: "the quake that struck on Monday"
OWN_CLAUSES = frozenset({"conj", "advcl", "ccomp", "parataxis"})  # clauses on a verb that tell more than it does
MAX_ASIDE = 10  # the most tokens of an aside in brackets after a figure ("(or, by some counts, eleven)")
CLOCK = "clock:"  # a time of day as a figure's moment, on a 24-hour clock: "clock:10:33"
# what a market's move is told in, besides money
SPAN = "span"  # the rate of a figure told over a span of years ("an 18% raise over three years": `_over_a_span`)
LEVEL = "index level"  # where an index stands ("closed at 7,092.6"), no move in points (`_level`)
MARKET_UNITS = frozenset({"%", "point", LEVEL, PERCENTAGE_POINT, "share", "cent", "penny", "pence"})
WEEKDAYS = frozenset(d.lower() for d in calendar.WEEKDAYS)
CLOSE = "closed"  # the moment a market's close names (`time:close`), a part of the day as "morning" is
# a season of a sport ("19 goals last season"): a time, so a tally of one is no career's ("41 goals since 2021")
SEASONS = words(CUES, "time:season")
# the dependencies of a noun's words that say which of it ("third-quarter revenue", "adjusted earnings", "the
# fiscal third quarter"), and the prepositions of a clause's phrases that set a figure's period or basis (`_qualifiers`)
QUALIFYING = frozenset({"amod", "compound", "nmod", "npadvmod", "poss", "nummod"})
PERIOD_PREPOSITIONS = frozenset({"in", "for", "during", "between"})  # "between January and March"
TERM_PREPOSITIONS = frozenset({"on", "of", "for"})  # "yields on 10-year notes", "the rate for 30-year mortgages"
BASIS_PREPOSITIONS = frozenset({"excluding", "including", "on", "ex"})
# the basis of a share (`_basis`): "in real terms", "after inflation", "Adjusted for inflation, wages rose 1.2%"
SHARE_BASES = frozenset({"real"})
SHARE_BASIS_PREPOSITIONS = BASIS_PREPOSITIONS | {"in", "after", "adjusted"}
# the part a person described by an age plays ("victim", "suspect"), by the lemmas that say it (`_said_of`)
AGE_ROLES = {
    p.label.removeprefix("age-role:"): words(CUES, p.label) for p in load(CUES) if p.label.startswith("age-role:")
}
# which quarter or half of a year an ordinal names ("third-quarter", "the first half": `_period`)
PERIOD_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# the words right after a span of time that say what it is counted from (`_offset`)
OFFSETS = {"later": {"later"}, "earlier": {"earlier", "ago"}, "remaining": {"remaining", "left"}}
PER_PERSON = frozenset({"capita", "head", "person", "people"})  # "per capita", "per head": per person
PER_REACH = 6  # words before a sum its "per" may stand in: "earnings per share of $1.37"
CONDITIONS = frozenset({"if", "unless"})  # the marks of a condition a supposition is under (`_on_a_condition`)
CONDITION_PREPOSITIONS = frozenset({"under", "with", "without"})  # "Under the House version, it would cost ..."
SEASON = "season:"  # a figure's season, by the words that say which: "season:last", "season:2024"
SEASON_WORDS = {"last": "last", "previous": "last", "this": "this", "current": "this", "next": "next"}
TIME_WORDS = EARLIER | PARTS_OF_DAY | MONTHS | WEEKDAYS | words(CUES, "time:day")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str
    polarity: str
    text: str
    context: frozenset[str] = frozenset()
    noun: str = ""
    bound: str = ""  # "lower", "upper", "approximate", "range" ("30 to 40") or "" (exact)
    spread: float = 0.0  # how far either side of `value` an approximate figure reaches
    when: frozenset[str] = frozenset()  # time words near the figure
    supposed: bool = False  # governed by a "would" no one is reported to have said
    tally: bool = False  # a count "by <time>": true of that moment
    increment: bool = False  # "an additional 14": added to a total
    hedged: bool = False  # in the scope of a hedge: "could rise to 300", "police believe 12 died"
    last_digit_unit: float = 0.0  # what its last written digit counts: "1.2 percent" is 1.23 rounded, not another value
    group: int = 0  # the quantities one figure gives in several units ("12 metres (40ft)") share a group
    written_unit: float = 0.0  # a span of time's unit as written, in the unit it is counted in (12.0: years)
    reading: bool = False  # a market's price, level or move: true of a moment of trading
    # expected or aimed at, not what came ("the $1.05 analysts had expected", "a 3% target"), or a sum that may come
    # ("rising to £100m with add-ons")
    forecast: bool = False
    # what a distance is measured from ("two miles from the prison" is "prison"), or a span of time ("later" for "four
    # minutes later", "remaining" for "19 minutes remaining": `_offset`)
    origin: str = ""
    rate: str = ""  # the span of time a speed or a flow is counted over: "hour" for "40,000 km per hour", "80 mph"
    # which extent a length measures: "width" of "12 metres wide", "vertical" of "5 metres deep" and "5 feet high"
    # (news gives floodwater and snow either way)
    dimension: str = ""
    change: bool = False  # how much something changed by ("added 26 cases", "cut four routes"), not how much there is
    risen: bool = False  # a count risen to the figure ("the toll has risen to three"): those reported before were lower
    rest: bool = False  # the rest of a group another figure counts part of: "four backed it, the other three did not"
    statistic: frozenset[str] = frozenset()  # which statistic of a group a figure is: "average", "median", "each"
    population: frozenset[str] = frozenset()  # the words of the group a share is counted among: "likely", "voter"
    places: frozenset[str] = frozenset()  # the words of where it was counted: "U.S. sales", "killed 12 in Aleppo"
    # who the figure is of, where its clause's subject is a name, as written: "Reform Party" for "The Reform Party
    # took 11", a person by surname ("Brennan" for "Mayor Tom Brennan received ...")
    holder: str = ""
    # the party a sum is paid, owed or awarded to or fined, as written ("Benfica" of "paid Benfica 120 million euros",
    # "Barclays" of "fined Barclays" and "Barclays was fined": `_recipient`), not who pays or fines
    recipient: str = ""
    # the unit a figure was written in, where it is counted in another (`IN_METRIC_UNITS`): "mile" for "40 miles"
    written_in: str = ""
    # the unit a figure was written in, where it is counted in another of its dimension (`in_metric_units`, either
    # table): "kilometre" for "95 km", "mile" for "40 miles"; "" where it is counted as written
    written_as: str = ""
    # what a measure measures, where the sentence says after its unit's "of" (`_measured`): "rain" for "200mm of
    # rain", "ram" for "12GB of RAM"; for a share, the whole named there, by its cue of `whole:`: "economy" for "2%
    # of GDP", "budget" for "38% of the defence budget"
    measured: str = ""
    # the nouns that say which kind of a thing a figure is put at or is ("wheat" of "forecast wheat production at 26.5
    # million tonnes", "barley" of "Barley production was 10.2 million tonnes"; `_kind_words`)
    kind_words: frozenset[str] = frozenset()
    forecaster: frozenset[str] = frozenset()  # the names in who forecast a forecast ("goldman", "sachs"; `_forecaster`)
    # the reporting period its clause tells of (`_period`): "quarter:3" for "third-quarter revenue of $4.82 billion",
    # "quarter" for "quarterly revenue", "year" for "full-year revenue", "year:2027" for "fiscal 2027"
    period: str = ""
    # on what basis a sum is counted (`_basis`): "adjusted" ("adjusted earnings", "excluding items"), "enterprise"
    # ("including debt"), "equity"; "" for a sum as reported
    basis: str = ""
    # the period a change or a rate is counted against (`_base`): "year" for "3.1% year on year", "rose 5% compared
    # with a year earlier"; "month" for "0.4% on the month", "from February"; "annualised"; "" where none is said
    base: str = ""
    # the term of the product the figure is of (`_term`): "10-year" for "the 10-year Treasury yield fell to 3.68%",
    # "30-year" for "the 30-year mortgage rate rose to 6.8%"
    term: str = ""
    # a measure its clause's subject is named by (`_named_by_a_measure`): "milligram:10" for "Those on the 10 mg dose
    # lost 15.1%": that group's figure, no other dose's
    named_by: str = ""
    # the lemma of the verb whose clause gives the figure ("harvest" for "harvested 7.9 million acres"): which of
    # two figures of one unit in a sentence the other source's figure is of ("abandoned 2.1 million acres")
    verb: str = ""
    # the common noun its clause's subject is, as a lemma ("particle" for "The new particle has a mass of 152 GeV");
    # "" for a name (`holder`), a pronoun or none: what a figure given elsewhere in an article is of
    subject: str = ""
    # the proper nouns the subject is named by ("higgs" for "The Higgs boson has a mass of 125 GeV"): a thing of its
    # own, not the claims' other name for theirs
    subject_name: str = ""
    running: bool = False  # told as the count stands so far ("so far", "in all"): a later, larger report updates it
    standing: bool = False  # told as things stand ("remain in hospital", "are still missing"): it moves either way
    moved: str = ""  # of a share or a sum: "to" the level a verb of moving reached, "by" how far, "at" a level it is
    cap: bool = False  # an upper bound that is the most there is ("fines of up to £250,000"), not an estimate's end
    alone: bool = False  # of one part of a whole its clause names: "On Friday alone, 205 flights were cancelled"
    habitual: bool = False  # its verb in the simple present: "flies 280 flights a day", not "cancelled 412 flights"

    @property
    def specific(self) -> bool:
        """Specific enough to compare between loosely similar claims: votes for or against, a person's age."""
        return bool(self.polarity) or self.unit.startswith(AGE_UNIT)

    def interval(self) -> tuple[float, float]:
        """The values this figure allows; an exact one converted from another unit, those it may have been rounded
        from in that unit ("60 miles": 57 to 63 miles, in kilometres)."""
        spread = self.converted_reach() if self.written_in and not self.bound else self.spread
        low, high = self.value - spread, self.value + spread
        return (low, float("inf")) if self.bound == "lower" else (float("-inf"), high) if self.bound == "upper" else (low, high)  # fmt: skip

    def allows(self, other: Quantity) -> bool:
        """Whether both figures can be true of one quantity: their reaches overlap, or one exact figure rounds the
        other ("less than 1.2 percent" is no rounding of 1.24)."""
        if {self.unit, other.unit} == {DEGREE, CELSIUS}:
            # "108 degrees" names no scale: it may be Fahrenheit's (42.2C) as well as Celsius's
            unscaled, scaled = (self, other) if self.unit == DEGREE else (other, self)
            readings = (replace(unscaled, unit=scale).in_metric_units() for scale in (CELSIUS, FAHRENHEIT))
            return any(reading.allows(scaled) for reading in readings)
        if OUNCE in {self.written_in, other.written_in} and self.written_in != other.written_in:
            # an ounce of a precious metal is a troy ounce: "412,000 ounces of gold" is "about 12.8 tonnes"
            ounces, given = (self, other) if self.written_in == OUNCE else (other, self)
            if _troy(ounces, given) and ounces.read_in(TROY_OUNCE).allows(given):
                return True
        if self.bound == other.bound == "upper" and self.cap and other.cap:
            # two caps of one thing ("fines of up to £250,000" / "up to £50,000"), each the most there is
            return math.isclose(self.value, other.value)
        if self.bound == other.bound == "range":  # two ranges of one quantity are one where their ends are
            if self.written_in != other.written_in:  # "between 60 and 70 miles" / "between 100 and 110 km"
                ends = zip(self.interval(), other.interval(), strict=True)
                return all(_an_end(self, u).allows(_an_end(other, v)) for u, v in ends)
            return all(math.isclose(u, v) for u, v in zip(self.interval(), other.interval(), strict=True))
        exact = not self.bound and not other.bound
        if exact and self.written_in != other.written_in:
            # one figure of two units: each rounded in the unit it was written in, as a conversion rounds
            return abs(self.value - other.value) <= self.converted_reach() + other.converted_reach()
        if exact and one_rounds_the_other((self.value, self.last_digit_unit), (other.value, other.last_digit_unit)):
            return True
        if self.risen != other.risen and not (self.bound or other.bound):
            later, earlier = (self, other) if self.risen else (other, self)
            if earlier.value < later.value and not earlier.context & RISES:  # the count it rose from, reported before
                return True
        coarser = max(self.written_unit, other.written_unit)
        if exact and min(self.written_unit, other.written_unit) and self.written_unit != other.written_unit:
            # a span written in a larger unit is told to the nearest one: "six weeks" hold 44 days; "six years"
            # and "seven years", written alike, are two spans
            return abs(self.value - other.value) <= coarser / 2
        low, high = self.interval()
        other_low, other_high = other.interval()
        if self.bound == other.bound == "approximate" and self.written_in == other.written_in:
            # "about 2,100" / "about 1,900": each writer's figure is what the other's rounds; reaches that only
            # touch (at 1,995) would make any two estimates 10% apart one (in two units, a conversion rounds too)
            return low <= other.value <= high or other_low <= self.value <= other_high
        return low <= other_high and other_low <= high

    def converted_reach(self) -> float:
        """How far an exact figure may be from the value it was rounded from, in the unit it was written in: half
        its last written digit, zeros included, but no more than `CONVERTED_ROUNDING` of it: "60 miles" may be 57
        to 63 miles, "97 km" 96.5 to 97.5 km. A figure in words ("five kilometres", "nine miles") is told to the
        nearest one of its unit, and a temperature to its last written digit, its zeros no rounding ("40C" is
        104F, not 107F)."""
        return max(self.spread, self.rounded_reach())

    def rounded_reach(self) -> float:
        """How far a figure may be from the value it was rounded from, by its written digits alone
        (`converted_reach` without an approximate figure's spread)."""
        digit = self.last_digit_unit or (IN_METRIC_UNITS[self.written_in][1] if self.written_in else 1.0)
        written = round(abs(self.value) / digit)
        zeros = len(str(written)) - len(str(written).rstrip("0")) if written and self.unit != CELSIUS else 0
        return max(digit / 2, min(digit * 10.0**zeros / 2, abs(self.value) * CONVERTED_ROUNDING))

    def as_written(self) -> float:
        """The figure in the unit it was written in: 38,000 for "38,000 square feet", counted as 3,530 square
        metres."""
        return self.value / _metric(self.written_as)[1]

    def read_in(self, unit: str) -> Quantity:
        """The figure as if it had been written in `unit` instead (one of no scale or kind: an ounce as a troy
        ounce), counted in metric units."""
        metric, factor = _metric(self.written_as)
        return replace(
            self,
            value=self.value / factor,
            unit=unit + self.unit.removeprefix(metric),
            spread=self.spread / factor,
            last_digit_unit=self.last_digit_unit / factor,
        ).in_metric_units()

    def in_metric_units(self) -> Quantity:
        """The figure counted in the metric unit of its dimension (`IN_METRIC_UNITS`, `METRIC_MULTIPLES`), its words
        as written; a figure in another system keeps the unit it was rounded in (`written_in`)."""
        written = self.unit.removesuffix(WHOLE)
        unit, factor = _metric(written)
        if unit == written:
            return self
        offset = 0.0 if self.change else ZERO_OFFSETS.get(written, 0.0)
        return replace(
            self,
            value=_to_digits((self.value + offset) * factor),
            unit=unit + self.unit.removeprefix(written),
            spread=_to_digits(self.spread * factor),
            last_digit_unit=_to_digits(self.last_digit_unit * factor),
            written_in=written if written in IN_METRIC_UNITS else "",
            written_as=written,
        )


def _troy(ounces: Quantity, other: Quantity) -> bool:
    """Ounces that may be troy ounces: of a precious metal either figure names, or a thousand and more (a mine's
    output: "produced 4.1 million ounces in 2023"); "16-ounce bags of peas" are avoirdupois."""
    weighed = ounces.context | other.context | {ounces.measured, other.measured}
    return bool(weighed & PRECIOUS) or ounces.as_written() >= TROY_SCALE


def _metric(unit: str) -> tuple[str, float]:
    """The metric unit a unit is counted in and its factor (`IN_METRIC_UNITS`, `METRIC_MULTIPLES`); itself, 1.0, for
    a unit of no other system."""
    return IN_METRIC_UNITS.get(unit) or METRIC_MULTIPLES.get(unit) or (unit, 1.0)


def _to_digits(value: float) -> float:
    """A value multiplied by a unit's factor, to the digits a figure can have: "201cm" is 2.01 m, not
    2.0100000000000002 (which no "2.01 m" equals)."""
    return float(f"{value:.12g}")


def _counted(root, end: int, span, cues: Cues):
    """The noun a figure counts: the one it modifies, the whole of a part ("57 of the seats"), the subject of
    a rise ("deaths had risen to 287"), else the next noun ("101 in favour", "another 30 injured"). A unit written
    onto its figure is what it counts, whatever its tag: the "in" of "6ft 7in" is an inch; and so is a unit after a
    figure the parser hung on a word before it ("6 feet 7 inches")."""
    if end < span.end and cues.at(end, "measure-unit:"):
        unit, following = span.doc[end], span.doc[end + 1] if end + 1 < span.end else None
        glued = not span.doc[end - 1].whitespace_
        if glued and unit.lower_ in MONEY_SCALES and following is not None and following.tag_ == "NNS":
            return None  # "38m accounts" (millions), "two 50m towers" (metres): which, the words do not say
        hung_before = unit.pos_ == "NOUN" and root.head.i < root.i  # "6 feet 7 inches", its 7 hung on the feet
        if glued or hung_before or unit.pos_ in {"NUM", "X"}:
            return unit  # "6ft 7in", "a 4,050mAh battery", "a 5,050 mAh battery" (its unit tagged a number)
    head = root.head
    before = span.doc[head.i - 1] if head.i > 0 else None
    if (
        before is not None
        and before != root
        and before.like_num
        and not before.whitespace_
        and head.lower_ in MONEY_SCALES
    ):
        head = head.head  # "two 50m towers": the "m" is the other figure's; two counts the towers
    # a unit of measure whatever its tag ("40.9°C"'s "°", tagged a number)
    a_noun = head.pos_ in {"NOUN", "PROPN"} or (head.i > root.i and cues.at(head.i, "measure-unit:"))
    if root.dep_ in {"nummod", "compound", "quantmod", "nmod", "amod"} and a_noun:
        return head if head.i > root.i or head.pos_ == "PROPN" else None  # "ABC 15": a name
    part_of = next((c for c in root.children if c.lower_ == "of"), None)
    whole = next((c for c in part_of.children if c.dep_ == "pobj"), None) if part_of is not None else None
    risen = _subject_of_rise(head.head, cues) if head.lower_ == "to" else None
    if whole is not None and whole.pos_ == "PRON":
        # "three of them": what "them" counts is elsewhere in the sentence; "nine of them children" says what
        # the nine are
        return head if head.pos_ == "NOUN" and head.i > whole.i else None
    if whole is not None or risen is not None:
        return whole if whole is not None else risen
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head  # "a crowd of 84,312"
    after_aside = _after_an_aside(span, end)
    if after_aside != end:  # "ten (or, by some counts, eleven) shots": the noun right after the brackets
        noun = span.doc[after_aside] if after_aside < span.end else None
        return noun if noun is not None and noun.pos_ == "NOUN" and noun.is_lower else None
    following = [t for t in span.doc[end : min(end + 3, span.end)] if not t.is_punct]
    # no further than a verb of their own that says no count ("the other three wanted a quarter point": no quarters;
    # "another three were injured": injuries)
    following = list(itertools.takewhile(lambda t: not _a_finite_verb(t) or cues.at(t.i, "counts:"), following))
    # an adjective stands for what is counted ("another 30 injured"), unless it describes a word after it
    # ("kills 42 in northern Peru": Peru, no count of northerns)
    # nor a word of a time after it ("reached 7.62 million at the end of January": no count of ends)
    nouns = (
        t
        for t in following
        if (t.pos_ == "NOUN" or (t.pos_ == "ADJ" and t.dep_ != "amod") or cues.at(t.i, "counts:"))
        and (t.ent_type_ not in {"DATE", "TIME"} or root.ent_type_ == t.ent_type_)  # "two to eight years" is its own
    )
    return next((t for t in nouns if t.is_alpha and not t.is_stop and t.text[0].islower()), None)


def _subject_of_rise(verb, cues: Cues):
    """What rose ("deaths had risen to 287"): the verb's subject, or, where the parser gave a verb of rising none
    and hung it on a word of the subject instead ("The death toll from the sinking of the Northern Star ferry ...
    rose to 12" read with "ferry" as a verb), that word's subject. Of two, the nearer: a dateline may be read as one
    ("VELMORA — The death toll ... rose to 26")."""
    subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubj"), None) or next(
        (c for c in verb.children if c.dep_ == "nsubj"), None
    )
    if subject is None and cues.at(verb.i, "risen-to") and verb.dep_ == "advcl" and verb.head.i < verb.i:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    return subject


def _after_an_aside(span, end: int) -> int:
    """Where the words after a figure go on past an aside in brackets right after it, or `end` where none."""
    if end >= span.end or span.doc[end].text != "(":
        return end
    closing = next((t.i for t in span.doc[end : min(end + MAX_ASIDE + 2, span.end)] if t.text == ")"), None)
    return closing + 1 if closing is not None else end


def _a_finite_verb(token) -> bool:
    return token.pos_ == "VERB" and token.tag_ in FINITE_VERBS


def _unit(noun, cues: Cues, counted_by: bool = False) -> str:
    """What a noun counts, by one name ("164 deaths", "146 of the dead"); people by what happened to them, and
    people named by who they are by both ("soldier:death" for "killed three soldiers"); a count by what it
    counts ("the death toll", "the number of people who died" count deaths, as "seven died"; so does a toll that names
    nothing: "The toll rose to 26").

    `counted_by`: the noun is what a count counts ("the number of people who died"), so what happened to them
    is told in the clause on them; elsewhere it is the verb over them ("three people who were injured ... have
    died" are deaths).
    """
    if cues.at(noun.i, "count-of"):
        of = next((c for c in noun.children if c.lower_ == "of"), None)
        counted = next((c for c in noun.children if c.dep_ == "compound"), None) or next(
            (c for c in (of.children if of is not None else ()) if c.dep_ == "pobj"), None
        )
        if counted is not None:
            return _unit(counted, cues, counted_by=True)
        if noun.lemma_ == "toll":
            return "death"  # "The toll rose to 26": a toll that names nothing counts deaths
    # a measure by one name however written ("15 mg" and "15 milligrams"), a span of time before a unit's symbol
    # ("one hour" is no "per hour" of "160 km/h")
    lemma = noun.lemma_.lower()
    unit = cues.at(noun.i, "counts:") or (lemma in DURATIONS and lemma) or cues.at(noun.i, "measure-unit:") or lemma
    if unit in KINDED_COUNTS and (kind := _kind_named(noun)):
        return f"{kind} {unit}"  # "12 wide-body jets" are some of "63 aircraft", "122 container ships" of the ships
    if cues.at(noun.i, "people"):  # what the verb on them says: "killed 12 people", "the people who died"
        return _what_happened(noun, cues, counted_by) or unit
    if cues.at(noun.i, "group"):
        # people named by who they are count what happened to them too, and stay who they are: "killed one
        # soldier" and "two soldiers were run over" are two counts; "killed 12 soldiers" and "12 civilians died" too
        happened = _what_happened(noun, cues, counted_by)
        return f"{unit}:{happened}" if happened else unit
    if unit == lemma and noun.pos_ == "NOUN" and (happened := _what_happened(noun, cues, counted_by)) in BEFALLEN:
        return f"{unit}:{happened}"  # animals too: "142 lynx were killed on roads" are not the 3,181 a census counted
    return unit


def _kind_named(noun) -> str:
    """The kind a modifier names of what a noun counts ("container" of "container ships", "body" of "wide-body
    jets"), "" for none, for words that say how many ("30 more ships", "other vessels"), or for a maker's or a
    model's name ("60 Airbus A321neo jets" are the story's 60 aircraft)."""
    kinds = (c for c in noun.children if c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "ADJ"})
    kind = next((c for c in kinds if c.lower_ not in COUNTING_WORDS), None)
    return kind.lemma_.lower() if kind is not None else ""


def _members_of(noun, cues: Cues):
    """The group a noun of members names ("crew" of "crew members"), or None."""
    named = next((c for c in noun.children if c.dep_ == "compound" and cues.at(c.i, "group")), None)
    return named if noun.lemma_ == "member" else None


def _what_happened(noun, cues: Cues, counted_by: bool) -> str:
    """What the verb over people (or the clause on them, where a count counts them) says happened to them:
    "death" for "killed 12 people", "injured" for "three soldiers were wounded", or "" where it says none. A state
    the noun itself is given says it first: "1,150 dead birds" (no "430 live birds"), "12 injured people", "1,200
    people in hospital"."""
    state = next(
        (cues.at(c.i, "counts:") for c in noun.children if c.dep_ in {"amod", "prep"} and cues.at(c.i, "counts:")), ""
    )
    if state:
        return state
    described = [c for c in noun.children if c.dep_ in INNER_CLAUSES and not _of_some_of_them(c)]
    # a verb used as a preposition is no verb over them: "34 people were killed, including six children"
    verbs = (t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"} and t.dep_ != "prep")
    over = next(verbs, noun.head)
    # the verb over them first; where it says nothing, the clause on them ("twelve soldiers who died in the attack
    # were buried": deaths)
    order = (described[:1] or [over]) if counted_by else [over, *described[:1]]
    return next(filter(None, (_told_by(verb, noun, cues) for verb in order)), "")


def _of_some_of_them(clause) -> bool:
    """A relative clause on some of a noun's people: "120 passengers, 22 of whom were hospitalized"."""
    subjects = (c for c in clause.children if c.dep_ in SUBJECTS)
    return any(
        p.lower_ == "of" and any(w.tag_ in RELATIVE_PRONOUNS for w in p.children) for s in subjects for p in s.children
    )


def _told_by(verb, noun, cues: Cues) -> str:
    """What one verb says happened to people, or "" where it says nothing of them."""
    said = cues.at(verb.i, "counts:")  # on the verb: "five people suffered injuries" tells what happened to them
    if said and _done_by(noun, verb, cues.last[verb.i, f"counts:{said}"]):
        return ""  # "four militants killed two soldiers": what they did, not what happened to them
    # a clause with a subject or object of its own tells of them, not of these: "two soldiers were run over, and
    # one of them killed", "ran down two soldiers, killing one"; "two people were shot and killed" tells of these
    # (the verb's subject is whose they are, not what befell them: "The ship has a crew of 24")
    told = (
        t
        for t in verb.children
        if t != noun and t.dep_ not in SUBJECTS and not (t.dep_ in OWN_CLAUSES and _has_own_participant(t))
    )
    return next(filter(None, (cues.at(t.i, "counts:") for t in (verb, *told))), "")


def _done_by(noun, verb, cue_end: int) -> bool:
    """Whether the people a noun names did what a verb says to someone else: its subject ("four militants killed
    two soldiers", "militants who killed two soldiers"), with an object that is not themselves, nor part of what
    the verb's cue (ending at token `cue_end`) says ("lost their lives")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    relative = verb.dep_ in INNER_CLAUSES and verb.head == noun and subject is not None and subject.tag_ == "WP"
    # "killed themselves": their deaths
    done_to = (c for c in verb.children if c.dep_ == "dobj" and c.tag_ != "PRP" and c.i > cue_end)
    return (subject == noun or relative) and any(True for _ in done_to)


def _has_own_participant(clause) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in clause.children)


def _is_whole(root, noun, parts: list[Quantity]) -> bool:
    """ "57 of the 183 seats", "Of the 183 seats, ...", "the 183-seat parliament", "a third of Alder Springs' 5,400
    residents", "40 percent of the 5,400 residents": the whole, not a part."""
    if root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == "-":
        return True
    of = noun.head
    of_a_part = of.head.like_num and bool(parts) or of.i == of.sent.start or _of_a_share(of)  # "one of only three"
    return root.head == noun and noun.dep_ == "pobj" and of.lower_ == "of" and of_a_part


def _of_a_share(of) -> bool:
    """ "40 percent of", "a third of": the "of" of a share's whole, not of a fraction of a scale ("two-thirds of a
    million homes": one figure)."""
    of_a_scale = of.i + 1 < len(of.doc) and of.doc[of.i + 1].lower_ in {"a", "an"}
    share = of.head.lemma_.lower() in FRACTIONS or of.head.lower_ in {"percent", "%"}
    return of.lower_ == "of" and share and not of_a_scale


def _some_of_a_group(root) -> bool:
    """ "three of the injured", "five of the dead", "two of those arrested": some of a group the sentence gives no
    figure for (`PART`), compared with no total ("The toll rose to 41 after three of the injured died" was set
    against "150 people were injured"), only with some of the group ("164 of the deaths" in one district, "146 of
    the dead" there). A whole with its figure ("57 of the 183 seats") is `_is_whole`'s."""
    of = next((c for c in root.children if c.lower_ == "of" and c.dep_ == "prep"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None or any(c.like_num for c in whole.subtree):
        return False
    if root.i > 0 and root.doc[root.i - 1].lower_ in WHOLE_GROUP:
        return False  # "All 12 of the boys were rescued": the group, all told
    return any(c.dep_ == "det" and c.lower_ in GROUP_DETERMINERS for c in whole.children)


def _a_part(root) -> bool:
    """ "Foley, one of five children": a number with an "of" of common nouns counts a part, not years."""
    return any(c.lower_ == "of" and any(g.pos_ == "NOUN" for g in c.children) for c in root.children)


def _age(run, root, span) -> Quantity | None:
    """A person's age: "Sorell, 46,", "Sorell (46)", "the 49-year-old Sorell", "his 23-year-old bride Indira",
    "the suspect, aged 19", "Halloran died on Sunday aged 84", "Halloran was 83" (`_stated_age`)."""
    doc, value = root.doc, value_of(run)[0]
    if value < 125 and (stated := _stated_age(run, root, span)) is not None:
        return stated
    if (
        root.dep_ == "appos"
        and root.head.pos_ == "PROPN"
        and root.head.i == root.i - 2
        and doc[root.i - 1].text in {",", "("}
        and value < 125
        and not _a_part(root)
        and not _in_a_score(run)
    ):  # "Sorell, 46,", "Sorell (46)": not "Marchetti, who beat Petrova 7-5, 6-2", where the parser hung 6 on her
        end = root.i + 2 if root.i + 1 < len(doc) and doc[root.i + 1].text == ")" else root.i + 1
        return Quantity(
            value,
            AGE_UNIT + root.head.lower_,
            "",
            doc[root.head.i : end].text,
            _kin_of(root.head),
            holder=_full_name(root.head),
        )
    old = root.head.head
    if root.head.lower_ == "year" and old.lower_ == "old" and old.dep_ == "amod":
        described = old.head  # "the 49-year-old Sorell"
    elif root.head.lower_ == "year" and old.lower_ == "old" and old.dep_ in NOMINAL_ROLES:
        described = old  # "began with a 14-year-old who returned from a trip": the person, named by the age
    elif root.head.lower_ == "aged" and root.head.dep_ in {"amod", "acl", "advcl"} and value < 125:
        described = root.head.head  # "The suspect, aged 19,": the age as written is "aged 19"
        if root.head.dep_ == "advcl":  # "Halloran died on Sunday aged 84": the age of whom the verb tells of
            # the subject nearest the verb: the parser may make a dateline ("BURLINGTON, Vt. —") one too
            subjects = [c for c in described.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < described.i]
            if not subjects:
                return None
            described = subjects[-1]
        unit = AGE_UNIT + described.lower_ if described.pos_ == "PROPN" else f"{YEAR_OLD}:{described.lemma_.lower()}"
        said = _said_of(described) if unit.startswith(YEAR_OLD) else frozenset()
        return Quantity(value, unit, "", doc[root.head.i : run[-1].i + 1].text, said, noun="aged")
    else:
        return None
    after = doc[described.i + 1] if described.i + 1 < len(doc) else described
    whom = described if described.pos_ == "PROPN" else after if after.pos_ == "PROPN" else None
    last = whom or described
    end = next((t.i for t in doc[old.i + 1 : last.i + 1] if t.text[0].isupper()), last.i) + 1
    set_off = described.left_edge.i > 0 and doc[described.left_edge.i - 1].text == ","
    if whom is None and described.dep_ == "appos" and described.head.ent_type_ == "PERSON" and set_off:
        # "Robert Lang, a 45-year-old Deep River man,": Lang's age (not "another Jessica Smith - the 27-year-old star")
        whom, end = described.head, described.i + 1
    named_by_age = described.lower_ == "old"  # "a 14-year-old": a person, as "a 14-year-old person" says
    unit = (
        AGE_UNIT + whom.lower_
        if whom is not None
        else f"{YEAR_OLD}:{'person' if named_by_age else described.lemma_.lower()}"
    )
    said = _said_of(described) if whom is None else frozenset()
    holder = _full_name(whom) if whom is not None else ""
    return Quantity(value, unit, "", doc[run[0].i : end].text, said, noun=YEAR_OLD, holder=holder)


def _full_name(surname) -> str:
    """A person's name as written up to the surname an age is keyed by ("Paolo Marchetti"): a father and his
    daughter share the key, not the name."""
    given = [c for c in surname.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.text for t in (*given, surname))


def _kin_of(name) -> frozenset[str]:
    """What a named person is to someone the sentence names before them ("Marenović's father, Ivan Marenović, 51":
    "father"), as an age's context: a relative who shares the surname is another person (`same_quantity`)."""
    described = name.head if name.dep_ == "appos" else None
    if (
        described is None
        or described.lemma_.lower() not in KIN
        or not any(c.dep_ == "poss" for c in described.children)
    ):
        return frozenset()
    return frozenset({described.lemma_.lower()})


def _said_of(described) -> frozenset[str]:
    """The part a claim gives someone it describes but does not name, as the age's context (`age-role:` in
    checker/patterns/quantities.jsonl): "victim" for "A 19-year-old man was killed" or "died", "suspect" for "a
    21-year-old man is in custody" or "was arrested"; none where it tells neither. A victim and a suspect so
    described are two people (`same_quantity`)."""
    verb = _clause_verb(described)
    if verb is None:
        return frozenset()
    said = [verb, *(c for c in verb.children if c.dep_ in {"attr", "acomp"} and c != described)]
    said += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return frozenset(role for t in said for role, lemmas in AGE_ROLES.items() if t.lemma_.lower() in lemmas)


def _over_a_period(cue, root, cues: Cues) -> bool:
    """ "over" as the preposition of a span of time a change takes ("will fall to 40 per cent over 10 years", "cost
    $2 billion over five years": `over-a-period`): through it, not more than it, as in "served over 10 years" or
    "has been in prison over 10 years". The cue's word may be the verb's object ("accepted a pay rise of 5.5% over
    three years") or the noun a "worth" describes ("a pay deal worth 5.5% over two years")."""
    head = cue.head
    words = [head, *(c for c in head.children if c.dep_ == "dobj"), *([head.head] if head.pos_ == "ADJ" else [])]
    return _over_its_noun(cue, root) and any(cues.at(t.i, "over-a-period") for t in words)


def _over_its_noun(cue, root) -> bool:
    """The cue is an "over" whose object is the figure's noun ("over 10 years", "over 68 shows")."""
    return cue.lower_ == "over" and cue.dep_ == "prep" and root.head.dep_ == "pobj" and root.head.head == cue


def _spread_over(cue, root) -> bool:
    """ "over" as the preposition of what another figure of its verb's object is spread across ("sold 3.1 million
    tickets over 68 shows"): the shows, not more than them, as in "played over 60 shows"."""
    if not _over_its_noun(cue, root):
        return False
    counted = root.head
    if any(t.lower_ in {"age", "old"} for t in counted.doc[counted.i + 1 : counted.i + 3]):
        return False  # "people over 65 years of age", "over 18 years old": a bound of an age
    objects = [c for c in cue.head.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(c.dep_ == "nummod" and c.like_num for o in objects for c in o.children)


def _a_unit_named(noun, cues: Cues) -> bool:
    """A unit of measure the tagger took for a name: a temperature's "C" or "F" (split from "46.2C"), a power's "GW",
    or a unit in lower case ("240 km/h"'s "km"), not a capital letter that may be one ("M", "T")."""
    unit = cues.at(noun.i, "measure-unit:")
    return unit in CAPITAL_UNITS or (bool(unit) and noun.is_lower)


def _a_glued_label(run, cues: Cues) -> bool:
    """A letter written onto a figure that names the noun after it ("the building's 4F lobby", "the 35C bus stop") or is
    named by the noun before it ("seat 14F", "apartment 3F"): a label, though "C" and "F" alone are temperatures'
    ("46.2C", split from the figure as it is written)."""
    doc, end = run[0].doc, run[-1].i + 1
    if end >= len(doc) or run[-1].whitespace_ or doc[end].text not in {"C", "F"}:
        return False
    numbered = run[0].i > 0 and doc[run[0].i - 1].pos_ in {"NOUN", "PROPN"}  # "seat 14F", "apartment 3F"
    return numbered or doc[end].dep_ in {"compound", "appos"}


def _in_a_score(run) -> bool:
    """A figure joined to another by a dash ("6-2", "3–0"): a score or a tally, no age."""
    doc = run[0].doc
    before = doc[run[0].i - 1].text if run[0].i else ""
    after = doc[run[-1].i + 1].text if run[-1].i + 1 < len(doc) else ""
    return before in SCORE_JOINERS or after in SCORE_JOINERS


def _stated_age(run, root, span) -> Quantity | None:
    """An age an obituary states: "Halloran was 83.", "She was 84 years old.", "Halloran, who was 83, ...".

    Only a copula with nothing to date it: "She was 12 when she wrote her first poem" is an age at another time, and
    so is one after a sentence set in a year ("... in 1962. Penrose was 24.": that year is its time).
    A he or she is the holder only in a claim that names no person: the claim's one person is then the one the
    article named (`checker.claims._Context.entities`), and `PRONOUN_HOLDERS` says so to the numbers check."""
    doc = root.doc
    if not all(t.text.isdigit() for t in run) or _a_part(root) or _in_a_score(run):
        return None  # "Canada was one of only three nations", "They were 3-0 up": no age
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        copula, written = root.head, doc[run[0].i : run[-1].i + 1]
    elif root.head.lower_ == "years" and root.head.head.lower_ == "old" and root.head.head.dep_ == "acomp":
        copula, written = root.head.head.head, doc[run[0].i : root.head.head.i + 1]
    else:
        return None
    if copula.lemma_ != "be" or any(c.dep_ in DATING_DEPENDENTS for c in copula.children):
        return None
    after = doc[written.end] if written.end < len(doc) else None
    if after is not None and not (after.is_punct or after.lower_ == "and"):
        return None  # "He was 3 over", "She was 2 up with 3 to play", "He was 6 of 10": a score, no age
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WP" and copula.dep_ == "relcl":
        subject = copula.head  # "Halloran, who was 83, died"
    if subject is None:
        return None
    if subject.lower_ in PRONOUN_HOLDERS:
        if any(t.ent_type_ == "PERSON" for t in span):
            return None
    elif subject.pos_ != "PROPN" or subject.ent_type_ not in AGED:
        return None  # "Microsoft was 5.": no one's age
    # "Penrose opened his first shop in 1962. Penrose was 24.": the age of the year before (`_of_an_earlier_year`);
    # "She was born in Cork in 1940. She was 84." is her age now
    before = doc[copula.sent.start - 1].sent if copula.sent.start > 0 else []
    born = any(t.lemma_ == "bear" and t.pos_ in {"VERB", "AUX"} for t in before)
    years = frozenset(CLAUSE_YEAR + t.text for t in before if _a_year(t) and not born)
    return Quantity(value_of(run)[0], AGE_UNIT + subject.lower_, "", written.text, when=years)


def _a_time_word(t) -> bool:
    """A word that times a figure: not a month that is a verb ("injuries that may be related"), nor a word of an
    earlier time that is the thing told of ("the domestic opening of the film", not "the opening bid")."""
    if t.lower_ not in TIME_WORDS or (t.lower_ in AMBIGUOUS_MONTHS and not t.text[0].isupper()):
        return False
    return not (t.lower_ in EARLIER and t.pos_ == "NOUN" and t.dep_ not in {"compound", "amod"})


def _when(tokens) -> frozenset[str]:
    """Time words near a figure; a month with its day ("June 24") is a date, not a period."""
    found = set()
    spanned = {}  # the last year of a span of years by its first: "between 2019 and 2024", "from 2019 to 2024"
    for t in tokens:
        if _a_year(t) and (last := _span_of_years_to(t)) is not None:
            spanned[t.i], spanned[last.i] = last, None
    for t in tokens:
        if t.lower_ in MONTHS and _a_deadline(t):
            found.add(DUE + t.lower_)  # no month the figure was true in, but "by March" is no plan "by April"
            continue
        if t.i in spanned:
            last = spanned[t.i]
            found |= {f"{YEAR}{t.text}-{last.text}"} if last is not None else set()
            continue  # a span is no year of its own: "fell 21 percent between 2019 and 2024" is no figure of 2024
        if t.lower_ in MONTHS and t.ent_type_ == "DATE" and any(u.like_num for u in _entity(t)):
            found |= _days_written(_entity(t))
        elif _a_time_word(t):
            found.add(t.lower_)
        if (_a_year(t) or t.ent_type_ == "DATE") and t.dep_ == "pobj" and t.head.lower_ == "since":
            told = t.head.head
            if (told.pos_ in {"VERB", "AUX"} and told.lemma_ != "be") or told.lemma_ in TIME_SPANS:
                # "has killed 13,000 since 2009", "in the years since 2009": a count from then on; "has fallen 84%
                # since Feb. 26" a move from a day on (a count since a day is the count: `SINCE_DAY`)
                found.add(SINCE if _a_year(t) else SINCE_DAY)
            # "the most since 2018", "was the deadliest since 2016": a comparison, no time of the figure
        elif _a_year(t):
            found.add(YEAR + t.text)  # "in 2016, when a magnitude 7.8 tremor struck"
        elif t.lower_ == "year" and t.i > 0 and t.doc[t.i - 1].lower_ in {"this", "last"}:
            # "so far this year": the year the article was published in; "last year" the one before (`numbers`)
            found.add(THIS_YEAR if t.doc[t.i - 1].lower_ == "this" else LAST_YEAR)
        if t.lower_ in PARTS_OF_DAY and t.i > 0 and t.doc[t.i - 1].lower_ == "this":
            found.add("today")  # "this afternoon": no "3.40pm yesterday"
    if any(w.startswith(YEAR) for w in found):
        found.discard(SINCE)  # "fighting since 2009, with some 2,000 civilians killed this year": this year's
    return frozenset(found)


def _span_of_years_to(first):
    """The last year of a span a year begins ("between 2019 and 2024", "from 2019 to 2024"), or None."""
    if first.dep_ != "pobj" or first.head.lower_ not in {"between", "from"}:
        return None
    if first.head.lower_ == "between":
        ends = [c for c in first.children if c.dep_ == "conj"]
    else:
        told = (*first.head.children, *first.head.head.children)  # "to" on "from" or on the verb
        ends = [y for p in told if p.lower_ in SPAN_ENDS for y in p.children if y.dep_ == "pobj"]
    return next((y for y in ends if _a_year(y)), None)


def _a_deadline(month) -> bool:
    """A month a plan is due by ("will close 340 restaurants by the end of September", "plans to cut 300 jobs by
    September"): no time the figure was true at, as "By September, 300 stores had closed" is."""
    word = month
    while word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.dep_ == "pobj":
        word = word.head.head  # "the end of September"
    if word.dep_ != "pobj" or word.head.lower_ not in DEADLINE_PREPOSITIONS:
        return False
    return any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in word.head.head.children)


def _days_written(entity) -> set[str]:
    """A date as the days it names, each as its month and day, with its year where it gives one: "between April 9
    and 12" and "between April 9 and April 12" are "april 9/april 12", a span, no one of its days; "June 24,
    2026" is "june 24 2026", no "June 24, 2025"."""
    month, days, year = "", [], ""
    for t in entity:
        written = t.text.isascii() and t.text.isdigit()
        if t.lower_ in MONTHS:
            month = t.lower_
        elif written and len(t.text) == 4:
            year = t.text
        elif month and written and 1 <= int(t.text) <= 31:
            days.append(f"{month} {int(t.text)}")
    return {"/".join(days) + (f" {year}" if year else "")} if days else {entity.text.lower()}


def _a_year(token) -> bool:
    """A year written alone: "March 2024" is a month's date, said whole."""
    if token.ent_type_ != "DATE" or token.shape_ != "dddd" or not 1800 <= int(token.text) < 2100:
        return False
    return not any(u.lower_ in MONTHS for u in _entity(token))


def _entity(token):
    return next(e for e in token.doc.ents if e.start <= token.i < e.end)


def _hedged(root, cues: Cues) -> bool:
    """A figure a hedge governs: "could", "if", "probably" or "possible" on a verb above it, or "predicts" /
    "believe" above it.

    "nuns who are believed to be held" hedges the nuns, not "150 prisoners" in the same sentence.
    """
    scope = {root.i, *(t.i for t in root.ancestors)}
    return any(
        cue.i in scope or (cue.dep_ in {"aux", "mark", "acomp", "advmod"} and cue.head.i in scope)
        for cue in root.doc
        if cues.at(cue.i, "hedge")
    )


def _forecast(root, cues: Cues) -> bool:
    """A figure others forecast, aim at or ask for, a quantity apart from the result it is set against: "beat the
    consensus estimate of $1.05", "analysts had expected $1.05", "the $1.05 analysts had expected" (which the
    parser hangs on "analysts"), "above the bank's 3% target". A forecast is told by its word ("forecast",
    "expectations", "projection", "target") governing the figure, by who makes it ("analysts expected",
    "economists' estimate", "analysts had pegged the crop at 280 million bushels"), or by the figure being what is
    expected (`_expected`: "Acme expects revenue of $2 billion", "the toll is expected to rise to 300"): a
    company's or an official's own plan or count stays its own ("Acme expects to cut 2,400 jobs", "an estimate of
    300 dead"), as does a result told beside a forecast ("beat expectations with revenue of $2.3 billion",
    "Investors had expected a loss, but it posted a profit of $2 million")."""
    word = _counted_word([root])
    if cues.at(word.i, "forecaster") and any(cues.at(i, "forecast") for i in range(word.i + 1, word.i + 4)):
        return True
    put_at = _put_at(word)
    if put_at is not None and put_at.lemma_ != "estimate" and cues.at(put_at.i, "forecast"):
        return True  # "ABARES forecast wheat production at 26.5 million tonnes", whichever the tagger reads "forecast"
    verb = _clause_verb(word)
    if verb is not None and _expected(verb, cues):
        return True
    verbs = [] if verb is None else [verb, verb.head] if verb.dep_ in {"xcomp", "ccomp"} else [verb]
    if any(_asked_for(word, t, cues) for t in (*_governing_nouns(word), *verbs)):
        return True  # what one side asks for: "prosecutors had asked for a 10-year sentence", "sought $20 million"
    told_of_it = [c for c in word.children if c.dep_ in {"acl", "relcl"}]  # "the $2.2 billion expected by analysts"
    for t in (*_governing_nouns(word), *verbs, *told_of_it):
        named = bool(cues.at(t.i, "forecast"))  # a word of forecasting; "pegged", "put" only by forecasters
        if not (named or cues.at(t.i, "forecast-given")):
            continue
        told_by = (c for c in t.children if c.dep_ in {"nsubj", "nsubjpass", "poss", "compound", "amod", "agent"})
        # "analysts had pegged the crop at 280 million": put before the result; "a poll put her support at 44
        # percent", "analysts put the deal's value at $2.1 billion" are the poll's and the analysts' readings
        if not named and any(cues.at(c.i, "forecast-maker") for c in t.children if c.dep_ in SUBJECTS):
            return True  # "Projections put the Greens on 16 seats", "Forecasts see growth at 2%"
        if not named and not any(c.lemma_ == "have" and c.tag_ == "VBD" for c in t.children):
            continue
        by = "forecaster" if named else "predictor"
        if (named and t.pos_ == "NOUN" and t.lemma_ != "estimate") or any(
            cues.at(c.i, by) or any(cues.at(g.i, by) for g in c.children) for c in told_by
        ):
            return True
    return False


def _put_at_it(root):
    """What a figure is the level of, as the verb that puts it there tells ("Student visas will be capped at
    205,000", "cap the number of student visas at 250,000": the visas), or None."""
    verb = _put_at(_counted_word([root]))
    told = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] if verb is not None else []
    for thing in told:
        of = [o for p in thing.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        thing = of[0] if thing.lemma_.lower() in {"number", "total", "amount", "level"} and of else thing
        if thing.pos_ == "NOUN":
            return thing
    return None


def _put_at(word):
    """The word a figure's word is put "at" by ("forecast wheat production at 26.5 million tonnes", "put export
    revenue at $2 billion"), or None."""
    return word.head.head if word.dep_ == "pobj" and word.head.lower_ == "at" else None


def _forecaster(root) -> frozenset[str]:
    """The names in who makes a forecast, lower case: the subject of the figure's verb ("Goldman Sachs forecasts
    Brent at $90", "Analysts at Barclays predict"), or of the word the figure is put at by, however the tagger
    reads "ABARES forecast wheat production at 26.5 million tonnes"; none for forecasters unnamed."""
    word = _counted_word([root])
    verb = _put_at(word) or _clause_verb(word)
    verb = verb if verb is not None else word.sent.root  # "NOAA forecasts 17 named storms", "forecasts" a noun
    # a name the tagger makes a compound of the verb is its subject: "ABARES forecast this year's wheat harvest"
    who = [t for c in verb.children if c.dep_ in SUBJECTS | {"compound"} for t in c.subtree]
    return frozenset(t.lower_ for t in who if t.pos_ == "PROPN")


def _asked_for(word, asking, cues: Cues) -> bool:
    """Whether `word` (a figure's) is what `asking` asks for or proposes: a request's noun over it ("a request for
    $5 million"), the object of a verb of asking ("sought 12 years"), what one asks for ("asked for a 10-year
    sentence"), or a clause of what is to be done ("demanded that he pay $5 million", "a draft proposed that
    developed countries provide $250 billion a year"); not whom one asks ("asked 12 witnesses", "the survey asked
    1,000 adults"), nor what one proposes itself ("the governor proposed a $50 billion budget")."""
    chain = (word, *word.ancestors)
    if cues.at(asking.i, "propose"):
        return any(a.dep_ == "ccomp" and a.head == asking for a in chain)
    if not cues.at(asking.i, "request"):
        return False
    if asking.pos_ != "VERB":
        return True
    if asking.lemma_ == "ask":
        return any(a.lower_ == "for" and a.head == asking for a in chain)
    return any(a.dep_ in {"dobj", "ccomp"} and a.head == asking for a in chain)


def _expected(verb, cues: Cues) -> bool:
    """The figure's clause (its verb) tells what is expected, not what was or what one will do: the object of a
    verb of expectation ("Acme expects revenue of $2 billion", "Police expected 10,000 protesters"), or a clause
    under one with a subject of its own or a passive one ("Officials expect the toll to rise to 300", "the toll
    is expected to rise to 300"). "Acme expects to cut 2,400 jobs" is Acme's own plan; "an estimate of 300
    dead" a count."""

    def expects(word) -> bool:
        return word.pos_ == "VERB" and word.lemma_ != "estimate" and bool(cues.at(word.i, "forecast"))

    if expects(verb):
        return True
    if verb.dep_ not in {"xcomp", "ccomp"} or not expects(verb.head):
        return False
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.head.children)
    return passive or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _governing_nouns(word):
    """The nouns a figure's word hangs on directly ("the estimate of $1.05", "a 3% target"): up through "of" and
    modifiers, no further than a verb or another preposition ("expectations with revenue of $2.3 billion")."""
    while word.head.i != word.i:
        if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ in {"NOUN", "PROPN"}:
            word = word.head.head
        elif word.dep_ in {"compound", "nmod", "amod", "appos", "nummod", "quantmod"}:
            word = word.head
        else:
            return
        yield word


def _done_another_act(root) -> bool:
    """ "destroyed 112 homes and damaged 38 more": the object of a verb joined to another verb with an object of its
    own, a count of another act, not more of the first ("heard six shots ... before four more shots are fired")."""
    counted, verb = _counted_word([root]), _clause_verb(root)
    if verb is None or verb.dep_ != "conj" or verb.head.pos_ != "VERB" or verb.head.lemma_ == verb.lemma_:
        return False
    return counted.dep_ == "dobj" and any(c.dep_ == "dobj" for c in verb.head.children)


def _clause_verb(token):
    """The verb of the clause a word is in: itself or its nearest ancestor that is one (None in a clause of none)."""
    return next((t for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"}), None)


def _supposed(root, cues: Cues) -> bool:
    """A figure a "would" governs, where no one is reported to have said it: a supposition."""
    verb = _clause_verb(root)
    if verb is None or not any(c.lower_ == "would" for c in verb.children):
        return False
    credited = any(
        c.lower_ == "according" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "to" for c in verb.children
    )
    if credited and not _on_a_condition(root):
        return False  # "would control 62% ..., according to the commission's complaint": reported, as "said" is
    return not any(cues.starting.get(t.i, set()) & REPORTED for t in verb.ancestors)


def _on_a_condition(root) -> bool:
    """A supposition on a condition its sentence states ("If turnout is low, Labour would win 200 seats", "Under
    the Senate version, the bill would cost $1.2 trillion", "In the worst case, ...", "Without the cuts, ...", "A
    2% rise would cost $80 million"): one of several outcomes, as hedged as "could"; a plan's "would" ("The bill
    would cut the budget by 21%") is its own."""
    verb = _clause_verb(root)
    if verb is None:
        return False
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children):
            return True
        if c.dep_ == "prep" and (c.lower_ in CONDITION_PREPOSITIONS or _in_a_case(c)):
            return True
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return False
    # "Even a 1% rise would cost the city $40 million": a figure in the subject sets the condition of one in the
    # rest of the clause (not "The cut of $1.6 billion, or 21 percent, would be the largest in its 70-year history")
    inside = {t.i for t in subject.subtree if _a_figure_of_its_own(t)}
    return bool(inside) and any(_a_figure_of_its_own(t) and t.i not in inside for t in verb.subtree)


def _a_figure_of_its_own(token) -> bool:
    """A figure not written onto a noun ("$40 million", not the "70" of "its 70-year history")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.like_num and not (following is not None and following.text == "-")


def _in_a_case(preposition) -> bool:
    """ "In the worst case", "in that scenario": a condition of a supposition."""
    return preposition.lower_ == "in" and any(c.lemma_ in {"case", "scenario", "event"} for c in preposition.children)


def _measure(run, root, cues: Cues, span, found: list[Quantity]) -> tuple[str, str, int, int] | None:
    """What a figure measures: (unit, noun as written, where its text starts and ends), or None for no count."""
    doc, end = span.doc, run[-1].i + 1
    if end < span.end and not run[-1].whitespace_ and doc[end].text in GENERATIONS:
        return None  # "5G airwaves", "a 4K screen": a name, no five grams
    sign, lead = cues.before(run[0].i, SIGNS)
    if end < span.end and cues.at(end, "percent"):
        return "%", "percent", lead, end + (2 if doc[end].lower_ == "per" else 1)
    # a figure on a named scale, the name before or after it: "magnitude 6.4", "magnitude-6.4", "a 6.4-magnitude quake"
    after = end + (end < span.end and doc[end].text == "-")
    before = run[0].i - 1 - (run[0].i > span.start and doc[run[0].i - 1].text == "-")
    named = [i for i in (before, after) if span.start <= i < span.end and cues.at(i, "scale-named:")]
    if named:
        if after < span.end and doc[after].lower_ == "of":
            return None  # "phase 2 of the park": a part's name, one of several, no reading of one scale
        scale = cues.at(named[0], "scale-named:")
        return scale, scale, min(lead, named[0]), max(end, named[0] + 1)
    noun = None if sign else _counted(root, end, span, cues)
    written = cues.at(end, "currency:") if end < span.end else ""  # "5 million euros"
    currency = sign.removeprefix("sign:") or written or (cues.at(noun.i, "currency:") if noun is not None else "")
    if currency:
        stop = end + bool(written)
        if currency == POUND and not sign and _weighed(root, cues):
            return POUND_WEIGHT, doc[end].text, lead, end  # "The catfish weighed 120 pounds"
        per = f"/{_per_unit(doc[cues.last[stop, 'per']])}" if cues.at(stop, "per") else ""  # "$42.50 a share"
        per = per or (f"/{cues.at(stop, 'rate:')}" if cues.at(stop, "rate:") else "")  # "£24m annually"
        # "45 percent of the $2.8 billion needed": the whole of a share, a sum apart from the share's part
        whole = WHOLE if root.dep_ == "pobj" and _of_a_share(root.head) else ""
        return currency + (per or _per_before(lead, span)) + whole, currency, lead, stop
    # the noun left out after a part is the figure before's: "Four members ..., the other three". (Any figure with no
    # noun at the end of its clause, "built for 1,450 inmates, it holds about 1,200", was tried: it added three false
    # contradictions among 1,136 held-out news paraphrases, so it is not done.)
    # and a figure a change started from counts what the figure it changed to counts ("dropped to 64 from 66",
    # "killed 143 people, up from 120")
    more = end < span.end and bool(cues.at(end, "increment:after"))  # "six shots ..., then four more"
    bound_start = cues.before(lead, BOUNDS)[1]
    previous, cue_start = cues.before(bound_start, {"previous-figure"})
    if previous and noun is not None and cue_start <= noun.i < bound_start:
        noun = None  # "down from a peak of 620,000": the figure before, of what the one given counts
    elided = cues.before(run[0].i, {"increment"})[0] or previous or more or _changed_from(root, cues)
    whole = _out_of(root)  # "18,512 runners finished, out of 21,000 who started"
    if noun is None and found and _a_count(found[-1]) and (elided or whole):
        return found[-1].unit.removesuffix(WHOLE) + (WHOLE if whole else ""), found[-1].noun, lead, end
    if noun is not None and end < span.end and cues.at(end, "per") and cues.last[end, "per"] == noun.i:
        # "Student visas will be capped at 205,000 a year": a rate of what is put at it, no years
        thing = _put_at_it(root)
        return (_unit(thing, cues), thing.text, lead, end) if thing is not None else None
    if _a_side_of_a_vote(end, span, cues) and (noun is None or noun.i <= end + 1):
        return "vote", "votes", lead, end  # "251 in favour and 112 against": votes, no favours counted
    if (named := _gapped_name(root, cues)) is not None and found and _a_count(found[-1]):
        # a list that leaves the verb unsaid: "won 41 seats, and the Greens 17 seats"; "won 24 seats, the Greens 14"
        if named.dep_ == "nmod" and named.head.pos_ == "NOUN":
            return _unit(named.head, cues), named.head.text, lead, end
        return found[-1].unit, found[-1].noun, lead, end
    if noun is None or (noun.tag_ == "NNP" and not _a_unit_named(noun, cues)):
        return None  # "ABC 15", "January 5": part of a name or a date
    # the figure's head, or the head of the range's end it opens ("two to eight years": "two" is eight's)
    counted = root.head.head if root.dep_ == "quantmod" and root.head.like_num else root.head
    if any(t.ent_type_ in NOT_COUNTS for t in run) and not (counted == noun and noun.pos_ == "NOUN"):
        return None  # a date or a time ("June 24"), not a count of time ("six years")
    members = _members_of(noun, cues)  # "19 crew members" count crew, as "11 crew" do
    unit = _unit(members or noun, cues)
    measure = f"measure-unit:{unit}"
    written = doc[noun.i : cues.last[noun.i, measure] + 1].text if (noun.i, measure) in cues.last else noun.text
    written = doc[members.i : noun.i + 1].text if members is not None else written  # "crew members"
    if _hyphened_on(noun, span):
        written = doc[noun.i : noun.i + 3].text  # "19 co-authors", split by the parser: counted as written
    before = noun.i - 1  # a unit of two words whose last the noun is: "10 square miles", "20 nautical miles"
    wider = cues.at(before, "measure-unit:") if before > run[-1].i else ""
    if wider and cues.last[before, f"measure-unit:{wider}"] >= noun.i:
        unit, measure, written = wider, f"measure-unit:{wider}", doc[before : noun.i + 1].text
    return unit + (WHOLE if _is_whole(root, noun, found) else ""), written, lead, end  # "degrees Celsius"


def _per_unit(noun) -> str:
    """What a rate is counted per, as a lemma: a person however named ("per capita", "per head", "per person")."""
    lemma = noun.lemma_.lower()
    return "person" if lemma in PER_PERSON else lemma


def _governs_a_noun(doc, bound_start: int, lead: int) -> bool:
    """Whether a bound's word is a preposition whose article is a noun's a figure modifies ("under a 72-hour
    pause"), not the figure's own ("under a third", "more than a 10-year period": at least ten years)."""
    return doc[bound_start].pos_ == "ADP" and lead - 1 > bound_start and doc[lead - 1].lower_ in {"a", "an"}


def _per_before(lead: int, span) -> str:
    """The unit a sum is paid per, written before it with no figure between ("earnings per share of $1.37", "its
    per-stream royalty to $0.0046"), as "/share"; "" for none: one rate as "$1.37 a share" writes it."""
    doc = span.doc
    for i in range(lead - 1, max(span.start, lead - PER_REACH) - 1, -1):
        if doc[i].like_num:
            return ""
        if doc[i].lower_ == "per":
            if any(t.like_num for t in doc[max(span.start, i - 2) : i]):
                return ""  # "12 deaths per year and $5 million": another figure's rate
            noun = doc[i + 2] if i + 2 < lead and doc[i + 1].text == "-" else doc[i + 1]
            named = noun.pos_ == "NOUN" or noun.lower_ in PER_PERSON  # "per capita", tagged as no noun
            return f"/{_per_unit(noun)}" if noun.i < lead and named else ""
    return ""


def _hyphened_on(noun, span) -> bool:
    """A noun the parser split at a hyphen, its second part a noun too ("co-authors", "e-bikes")."""
    at = noun.i
    hyphen = at + 2 < span.end and not noun.whitespace_ and span.doc[at + 1].text == "-"
    return hyphen and not span.doc[at + 1].whitespace_ and span.doc[at + 2].pos_ == "NOUN"


def _a_side_of_a_vote(end: int, span, cues: Cues) -> bool:
    """A side of a vote right after a figure of no noun, in a sentence on a vote: "251 in favour", "112 against"
    ("The result, 251 in favour and 112 against", "voted 251 in favour")."""
    at = end + (end < span.end and span.doc[end].lower_ == "in")
    side = at < span.end and cues.at(at, "polarity:") in {"for", "against"} and span.doc[at].lower_ != "for"
    return side and any(cues.at(i, "vote") or cues.at(i, "score:noun") for i in range(span.start, span.end))


def _weighed(root, cues: Cues) -> bool:
    """ "pounds" of weight, not money: what a verb of weighing gives ("The catfish weighed 120 pounds") or a noun of
    weight over it ("a weight of 400 pounds"); "fined 400 pounds" and "weighing a 40 billion pounds package" are
    money."""
    word = _counted_word([root])
    if any(c.lower_ == "of" for c in word.children):
        return False  # "weighing 20 billion pounds of tax increases": what is weighed up is money's
    weighs = word.dep_ in {"dobj", "npadvmod", "attr"} and word.head.pos_ == "VERB" and cues.at(word.head.i, "weighed")
    return bool(weighs) or any(cues.at(n.i, "weighed") for n in _governing_nouns(word))


def _a_count(quantity: Quantity) -> bool:
    """A count of things (members, deaths), which a part with no noun after it counts too: not a sum, a share, an
    age or a span of time (whose scale the bare figure does not carry: "nine years for Blake, eight for Marsh")."""
    return (
        quantity.unit != "%"
        and quantity.noun not in CURRENCIES
        and not quantity.unit.startswith(AGE_UNIT)
        and not quantity.written_unit
    )


def _up_to_another_figure(after: list, counted) -> list:
    """The words after a figure up to the next figure, which the words after that are of ("Of the 48,000 members
    balloted, 89% voted for strikes": the 89% voted for, not the 48,000), unless the two are the sides of one score
    ("52 votes to 48 against", "voted 52-48 in favour") or the next tells what the first is made of, within its
    noun's words ("Fifty-two senators, 51 Republicans and one Democrat, voted for the bill")."""
    within = {t.i for t in counted.subtree}
    for k, token in enumerate(after):
        hyphened = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-"  # "the nine-strong committee"
        if token.like_num and not hyphened and token.i not in within and not (k and after[k - 1].lower_ in {"to", "-"}):
            return after[:k]
    return after


def _vote(unit: str, after, cues: Cues) -> tuple[str, str]:
    """The unit and polarity of votes, from the words after them; voters who vote count votes ("three nations
    ... voted against"). "for" is a polarity only of votes: "eight years for the charity" has none."""
    voted = any(cues.at(t.i, "vote") for t in after)
    if unit.partition("/")[0] in CURRENCIES:
        return unit, ""  # "a $412.6 million budget for the fiscal year, voting 7-2": a sum takes no side
    if not (voted or unit in VOTERS or unit == "vote"):
        return unit, ""
    side = next((t for t in after if cues.at(t.i, "polarity:")), None)
    # "89% of those who voted backed strikes"; "Twenty states backed the lawsuit" took no side of a vote
    polarity = cues.at(side.i, "polarity:") if side is not None and (voted or side.lemma_ != "back") else ""
    if unit in VOTERS and (voted or polarity == "abstain"):
        unit = "vote" if voted else "abstention"
    return unit, polarity


def _moments(tokens, cues: Cues, trading: bool) -> frozenset[str]:
    """The moments of a day the cues among `tokens` name: a clock time ("10:33 a.m.", "1018 GMT"), and of a
    reading of the market (`trading`) the close ("to close at", "ended the session"), the moment "closed" names.
    Elsewhere "ending June 30" closes nothing."""
    found = set()
    for t in tokens:
        if cues.at(t.i, "time:clock"):
            found.add(CLOCK + clock(t.doc[t.i : cues.last[t.i, "time:clock"] + 1].text))
        if trading and cues.at(t.i, "time:close"):
            found.add(CLOSE)
    return frozenset(found)


def _clause_moment(root, cues: Cues) -> tuple[frozenset[str], bool]:
    """The moments of a day the figure's clause is set at, however far from the figure ("By 10 a.m. local time,
    four deaths had been confirmed", "As of 6pm local time on Wednesday, officials had confirmed 14 deaths"),
    and whether the clause counts up to it ("by", "as of": a running count, true of that moment).

    Read off the phrases its verb governs, so a time in another clause is not the figure's."""
    verb = _clause_verb(root)
    if verb is None or _modifies_a_noun(root, verb):
        return frozenset(), False
    verbs = [verb]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.i < verbs[-1].i:  # "By 10 a.m., seven had died and 12 were
        verbs.append(verbs[-1].head)  # missing": a time set before the first clause is the clauses' it joins
    found, tally = set(), False
    phrases = [*verb.children, *(c for v in verbs[1:] for c in v.children if c.i < v.i), *_after_the_last_object(verb)]
    for phrase in phrases:
        if phrase.dep_ not in {"prep", "npadvmod"} or root in phrase.subtree:
            continue
        tokens = _outside_its_clauses(phrase)
        written = _when(tokens)  # parts of a day and years: "in 2012, changed a race by 14 votes"
        moments = _moments(tokens, cues, False) | {w for w in written if w in PARTS_OF_DAY or w.startswith(YEAR)}
        counted_up = bool((moments or written) and cues.at(phrase.i, "tally"))  # "By Wednesday, 14,500 ..."
        found |= moments | (written if counted_up else set())  # a running count's day is its moment, no statement's
        tally = tally or counted_up
    # a season anywhere in the clause, by the words that say which ("last season", "the 2024-25 season"): in
    # "scored 19 goals in 34 appearances last season" the parser hangs it on the appearances, and it is both figures
    found |= {_season(t) for t in verb.subtree if t.lower_ in SEASONS and _clause_verb(t) == verb} - {""}
    return frozenset(found), tally


def _outside_its_clauses(phrase) -> list:
    """A phrase's words but those of a clause inside it: of "on Tuesday, when the court found that he had taken
    bribes between 2014 and 2019" the Tuesday, not the years of the bribes."""
    clauses = [t for t in phrase.subtree if t is not phrase and t.dep_ in {"relcl", "advcl", "ccomp", "acl"}]
    inside = {u.i for c in clauses for u in c.subtree}
    return [t for t in phrase.subtree if t.i not in inside]


def _after_the_last_object(verb) -> list:
    """The phrases after the last of a verb's objects joined by "and": "has confirmed 16 cases of Marburg virus
    disease and 10 deaths as of Wednesday" counts both as of Wednesday, where the parser hangs the time on the
    deaths alone."""
    found = []
    for last in (c for c in verb.children if c.dep_ == "dobj"):
        while (joined := next((c for c in last.children if c.dep_ == "conj"), None)) is not None:
            last = joined
        if last.dep_ == "conj":
            found += [c for c in last.children if c.dep_ == "prep" and c.i > last.i]
    return found


def _season(word) -> str:
    """Which season a "season" is: "season:last", "season:this" ("this", "the current", "so far this Premier League
    season"), "season:next", "season:2024" ("the 2024-25 season"); "" where the words say no time ("the regular
    season", "his first season"), so it is any season's."""
    said = [t for t in word.subtree if t.i < word.i]
    year = next((t.text[:4] for t in said if t.shape_ == "dddd"), "")
    when = next((SEASON_WORDS[t.lower_] for t in said if t.lower_ in SEASON_WORDS), year)
    return SEASON + when if when else ""


def _modifies_a_noun(root, verb) -> bool:
    """A figure in a phrase on the clause's subject, not a count the clause gives: "The death toll from the
    magnitude 6.9 earthquake rose to 120 by Tuesday evening" counts deaths by Tuesday evening; the magnitude is the
    quake's, of no moment. ("By the evening, Delia had weakened to a storm with winds of 90mph": the winds are.)"""
    path = list(itertools.takewhile(lambda t: t != verb, (root, *root.ancestors)))
    in_subject = any(t.dep_ in SUBJECTS for t in path)
    return in_subject and any(t.dep_ == "prep" and t.head.pos_ in {"NOUN", "PROPN"} for t in path)


def _in_its_clause(tokens, root) -> list:
    """The tokens that are not in a clause on another word, one that does not hold the figure: in "The death toll
    from the earthquake that struck on Monday rose to 120 by Tuesday", Monday is the quake's day, not the toll's. A
    clause that says which of its subject the figure's clause tells of tells the figure's: "The 71 boats that arrived
    in June carried an average of 59 people per boat" counts June's; one set off by commas tells more of it, "Jones,
    who was arrested in March 2024, was sentenced to 12 years"."""
    own = {root, _counted_word([root])}  # "35 percent contained on Tuesday morning": the figure's own clause
    verb = _clause_verb(root)
    subjects = {c for c in (verb.children if verb is not None else ()) if c.dep_ in {"nsubj", "nsubjpass"}}
    inner = (
        t
        for t in root.sent
        if t.dep_ in INNER_CLAUSES
        and root not in t.subtree
        and t.head not in own
        and not (t.head in subjects and _which_of_them(t))
    )
    outside = {t.i for clause in inner for t in clause.subtree}
    return [t for t in tokens if t.i not in outside]


def _which_of_them(clause) -> bool:
    """A clause that says which of its noun are meant ("the boats that arrived in June"), not one set off by a comma
    that tells more of them ("the quake, which struck at 4:17 a.m.")."""
    first = clause.left_edge
    return first.i > 0 and first.doc[first.i - 1].text != "," and clause.i > clause.head.i


def _a_market(span, cues: Cues) -> bool:
    """A sentence on a market's move: an instrument ("shares", "the Nasdaq", "the yield") and a move ("fell",
    "was up", "unchanged at"). Its prices, changes and shares traded are readings of a moment of trading."""
    labels = set().union(*(cues.starting.get(i, set()) for i in range(span.start, span.end)))
    return "market:instrument" in labels and bool(labels & {"market:move", "time:close"})


def _level(run, cues: Cues) -> tuple[str, str, int, int] | None:
    """An index's level, in a market's sentence, the figure of no noun a close stands at ("fell 3.8% to close at
    7,902.6", "closed at 7,092.6"): a measure of its own (`LEVEL`), no move in points."""
    if cues.before(run[0].i, {"market:level-at"})[0]:
        return LEVEL, "", run[0].i, run[-1].i + 1
    return None


def _moved(root, cues: Cues) -> bool:
    """Whether a figure (its `root` token) tells a market's move: a word of one ("fell", "closed", "was up",
    "unchanged") on it or above it, up to its verb, or on that verb, and an instrument that verb tells of.
    "Shares climbed after the company posted revenue of $2.13 billion": the revenue is the company's, no
    reading of the market."""

    def moves(token) -> bool:
        return bool(cues.at(token.i, "market:move") or cues.at(token.i, "time:close"))  # "ended the session at"

    moved = False
    for token in (root, *root.ancestors):
        moved = moved or moves(token)
        if token.pos_ in {"VERB", "AUX"}:  # "were unchanged at 652 pence": the move is the verb's complement
            moved = moved or any(moves(child) for child in token.children)
            return moved and _told_of_an_instrument(token, cues)
    return False


def _told_of_an_instrument(verb, cues: Cues) -> bool:
    """Whether the verb of a move, or the one it hangs on ("shares were higher, trading up 12 cents"), takes an
    instrument ("shares", "the Nasdaq"): "profit rose 10 percent, sending its shares up 5 percent" tells the
    shares' move in its second verb only."""
    verbs = [verb, verb.head] if verb.dep_ in {"advcl", "xcomp", "conj"} else [verb]
    takes = [c for v in verbs for c in v.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    named = [t for c in takes for t in (c, *c.children) if t == c or t.dep_ == "compound"]
    return any(cues.at(t.i, "market:instrument") for t in named)  # "the Nasdaq Composite Index .IXIC was down"


def _running(holders: list, span, cues: Cues) -> bool:
    """The figure is told as its count stands when told: its sentence says so ("so far", "to date", "in all", "in
    an update"; not "the latest tally", which may be of one moment), or its verb has "now" in a perfect ("cracks
    have now been found on 11 aircraft"); "now has 64.2 million subscribers" tells the figure, no count run up."""
    verb = holders[1] if len(holders) > 1 else None
    children = list(verb.children) if verb is not None else []
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
    now = perfect and any(c.lower_ == "now" and c.dep_ == "advmod" for c in children)
    return now or any(cues.at(i, "running") for i in range(span.start, span.end))


def _standing(holders: list) -> bool:
    """The figure is told as things stand, by its verb: "Eleven people remain in hospital", "12 were still missing".
    The people in hospital, the missing, go home or are found, and more are taken in: a later count may be larger
    or smaller, and either is an update."""
    verb = holders[1] if len(holders) > 1 else None
    if verb is None or holders[0].dep_ not in SUBJECTS or holders[0].head != verb:
        return False  # "The case remains before the court, with 14 defendants": the case stands, not the count
    return verb.lemma_ == "remain" or any(c.lower_ == "still" for c in verb.children)


def _tally(doc, end: int, cues: Cues) -> bool:
    """A running count "by <time>" ("had burned 8,600 hectares by Monday evening"): true of that moment."""
    for i in range(end, min(end + 4, len(doc))):
        if cues.at(i, "tally"):
            j = i + (2 if doc[i].lower_ == "as" else 1)
            j += j < len(doc) and doc[j].lower_ == "the"
            return j < len(doc) and doc[j].lower_ in TIME_WORDS
    return False


def _no_word_of_a_sum(token) -> bool:
    """A name, which tells nothing of what a sum pays for ("revenue of Brennmark", "Brennmark's legal costs"); a
    sentence's first word may be such a word ("Revenue was $2.3 billion": `_a_name`). Nor does another sum's scale
    word ("$68 million" / "about $405 million": no word in common)."""
    return (_a_name(token) and not _when([token])) or token.lower_ in SCALES


def _no_word_of_a_span(token) -> bool:
    """A person's name, which tells nothing of what a span of time is of ("Okafor abused his office for six years");
    an institution's does ("12 years in the Senate"), and so does a word in capitals ("CEO")."""
    untagged_name = token.pos_ == "PROPN" and not token.ent_type_ and not token.is_upper
    return token.ent_type_ == "PERSON" or untagged_name


def _context(tokens, cues: Cues, no_word: Callable[[Any], bool] | None = None) -> frozenset[str]:
    """Content words around a figure, a word of a kind of term by the kind's name ("jailed", "prison" and
    "sentenced" are "custody": `term:` in checker/patterns/quantities.jsonl).

    `no_word`: for a sum or a span of time, whose unit says nothing of what it is of, the words that tell nothing
    of it either (`_no_word_of_a_sum`, `_no_word_of_a_span`); a span of time is none of them ("$3.2 million ...
    seven years", "a $250,000 fine and three years of supervised release")."""
    return frozenset(
        term or t.lemma_.lower()
        for t in tokens
        if (term := cues.at(t.i, "term:"))  # "behind bars", whose first word is a stop word
        or (
            t.is_alpha
            and not t.is_stop
            and len(t) > 2
            and not (no_word is not None and (no_word(t) or t.lower_ in DURATIONS or t.lemma_ in DURATIONS))
        )
    )


TIME_PREPOSITIONS = frozenset({"after", "before", "since", "until", "till", "following", "during", "by"})


def _span_phrase(root) -> list:
    """The words that tell what a span of time is of: its own phrase ("seven years in prison", "three years of
    supervised release"), the words it hangs on up to its verb ("jailed for nine years", "a five-week trial"), and
    that verb's subject ("the trial lasted five weeks"). Not the rest of the sentence: in "abused his office for
    six years while the county cut services" the county is no word of the six years."""
    word = _counted_word([root])
    told = list(word.subtree)
    below = word
    for above in word.ancestors:
        # "a five-week trial and three days of deliberations": the trial is no word of the days
        if below.dep_ != "conj":
            told.append(above)
        below = above
        if above.pos_ in {"VERB", "AUX"}:
            told += [c for c in above.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # "spend nine years in prison": the verb's place is the span's; "after his prison term" is a time
            places = (c for c in above.children if c.dep_ == "prep" and c.lower_ not in TIME_PREPOSITIONS)
            told += [t for prep in places for t in prep.subtree]
            break
    return [t for t in told if not (t.like_num or t.lower_ in SCALES)]


def _as_written(words) -> str:
    """A quantity's words as a reader sees them: without the sentence's full stop the tokenizer left on a figure
    ("$25m." at a sentence's end)."""
    last = words[-1]
    closing = last.i + 1 == last.sent.end or all(
        t.is_punct and t.text != "." for t in last.doc[last.i + 1 : last.sent.end]
    )
    return words.text[:-1] if last.text.endswith(".") and len(last) > 1 and closing else words.text


def _run_root(run) -> Any:
    """The word of a figure's run that hangs on a word outside it: "million" of "2.4 million"."""
    return next((t for t in reversed(run) if t.head not in run), run[-1])


def _in_a_name(run, cues: Cues) -> bool:
    """The figure is part of a name the tagger found: one with a word besides figures ("Air Force One", "Boeing
    737"), or a figure alone with no noun after it to count ("A 747 carrying 300 passengers"). A figure the tagger
    alone calls a name before a noun ("a convoy of 210 aid trucks" as a PRODUCT) is a count, and one on a named
    scale a reading of it ("a Category 3 storm", which the tagger may call a nationality), and a figure with its unit
    is a measure ("hit 104F in Phoenix"). A figure after a name, both on one noun, is part of the name whatever the
    tagger says ("a Falcon 9 rocket", "40 Boeing 737 jets"): "12 Chelsea fans" counts fans. A figure of a currency
    written after it is a sum ("fined Google 2.4 billion euros", which the tagger reads as a product's name)."""
    doc = run[0].doc
    root = _run_root(run)
    if (currency := _sum_noun(root, cues)) is not None and currency.i > run[-1].i:
        if _next_to_its_noun(run, currency):
            return False  # "fined Barclays 72 million pounds": a sum, whatever the tagger makes of the name before it
        if run[0].i > 0 and doc[run[0].i - 1].pos_ == "PROPN":
            return True  # "1" of "paid Formula 1 500 million dollars": the name's, another figure before the currency
    if _between_a_name_and_its_noun(run):
        return True  # "a Falcon 9 rocket", "the FTSE 100 index": a model's name
    for token in run:
        if token.ent_type_ not in NAMES:
            continue
        entity = next(e for e in doc.ents if e.start <= token.i < e.end)
        scale = [t for t in entity if cues.at(t.i, "scale-named:")]
        if scale and all(t.like_num or t in scale for t in entity):
            continue
        units = [t for t in entity if _a_unit_named(t, cues)]
        if units and all(t.like_num or t in units for t in entity):
            continue  # "104F", "46.2C": a temperature the tagger took for a name
        following = doc[entity.end] if entity.end < len(doc) else None
        if any(not t.like_num for t in entity) or following is None or following.pos_ != "NOUN":
            return True  # "A 747 carrying 300 passengers": a figure the tagger calls a name, no noun counted after it
    return False


def _sum_noun(root, cues: Cues):
    """The currency's name a figure counts, through the scale words it modifies ("1" of "1 500 million dollars",
    parsed apart), or None."""
    noun = root.head
    while noun.like_num and noun.head != noun:
        noun = noun.head
    return noun if cues.at(noun.i, "currency:") else None


def _next_to_its_noun(run, noun) -> bool:
    """No other figure stands between a figure (its run holds its scale words: "2.4 billion") and the noun after
    it: "One" of "paid Formula One 200 million dollars" is the name's, and "200 million" the sum."""
    return noun.i > run[-1].i and not any(t.like_num for t in run[0].doc[run[-1].i + 1 : noun.i])


def _between_a_name_and_its_noun(run) -> bool:
    """A figure right after a name, both on the noun after them: "a Falcon 9 rocket", "40 Boeing 737 jets"."""
    doc = run[0].doc
    root = _run_root(run)
    before = doc[run[0].i - 1] if run[0].i > 0 else None
    if before is None or before.pos_ != "PROPN" or before.dep_ not in {"nmod", "compound"}:
        return False
    return root.dep_ == "nummod" and before.head == root.head and root.head.i > root.i


def _a_name(token) -> bool:
    """Capitalised where a common word is not. A sentence's first word is taken for one too, unless it is what
    the sentence says the sum is ("Revenue was $2.3 billion"): "Officials" of "Officials pledged $3 billion" says
    nothing of what the sum pays for."""
    if not token.text[0].isupper():
        return False
    what_it_is = token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ == "be"
    return token.pos_ == "PROPN" or not (token.is_sent_start and what_it_is)


def _quantity(run, cues: Cues, span, found: list[Quantity], theirs: frozenset[int], market: bool) -> Quantity | None:
    """The quantity a figure states, or None where it counts nothing (a year, a date, a name, "one of").

    `theirs`: the words of the next figure's phrase (`_phrase_of`), whose time words are not this figure's;
    `market`: the sentence tells a market's move (`_a_market`).
    """
    doc, end = span.doc, run[-1].i + 1
    root = _run_root(run)
    age = _age(run, root, span)
    if age is not None or cues.before(end, {"not-a-count"})[0] or cues.at(run[0].i, "not-a-count"):
        return age
    if root.head.lower_ == "year" and root.head.head.lower_ == "old":
        return None  # "The 24-year-old has agreed a deal": an age, of whom the sentence does not say; no span of years
    if cues.before(run[0].i, {"denominator"})[0] and all(t.lower_ in SCALES for t in run):
        return None  # "parts per million": a scale word a rate is counted against; "per 100,000 people" stays
    partial = _partial_count(span, cues)
    if run[0].i in partial:
        return None  # "with 60 percent of ballots counted": how far a count had got, the moment of the figures
    if _in_a_name(run, cues) or _a_glued_label(run, cues) or cues.at(run[0].i, "term:") == "product":
        return None  # "Air Force One", "Boeing 737": part of a name; "the 4F lobby": a floor; "the 10-year yield"
    measure = _measure(run, root, cues, span, found) or (_level(run, cues) if market else None)
    if measure is None:
        return None
    unit, noun, lead, stop = measure
    value, digits = value_of(run)
    if lead - 3 >= span.start and cues.at(lead - 3, "plus-or-minus"):
        lead -= 3  # "plus or minus 2.1 points": a margin either way, no figure below zero
    elif lead > span.start and cues.at(lead - 1, "minus"):
        value, lead = -value, lead - 1  # "minus 70 degrees Celsius", as "-70C" is written
    elif any(cues.at(i, "below-zero") for i in range(stop, min(stop + UNIT_TOKENS, span.end))):
        value = -value  # "40 degrees (Celsius) below zero"
    if unit != "%" and len(run) == 1 and len(digits) == 4 == len(run[0].text) and 1800 <= value < 2100:
        return None  # a year
    # a percentage names what it measures further back ("The final turnout, including the postal
    # ballots counted on Monday, was 77.6 per cent"): its context reaches back further
    before = [t for t in doc[max(span.start, lead - 20) : lead] if not t.is_punct][-(12 if unit == "%" else 6) :]
    after = [t for t in doc[stop : span.end] if not t.is_punct]
    unit, polarity = _vote(unit, _up_to_another_figure(after[:12], _counted_word([root])), cues)
    rate = _rate(end, span, cues) or _over_a_span(root)
    if rate == "hour" and (length := cues.at(end, "measure-unit:")) in LENGTH_UNITS:
        unit = f"{length} an hour"  # "120 km/h", "75 miles per hour", "75mph": one speed however written
        if end + 2 < span.end and doc[end + 1].text == "/":
            noun = doc[end : end + 3].text.rstrip(".")  # "km/h", split by the tokenizer: "37 km/h", not "37 km"
    duration = DURATIONS.get(unit.removesuffix(WHOLE))
    # "six years": 72 months; "a seven-year agreement": a whole of 84 months
    unit, factor = (duration[0] + unit[len(unit.removesuffix(WHOLE)) :], duration[1]) if duration else (unit, 1.0)
    hyphened = run[-1].i + 1 < span.end and doc[run[-1].i + 1].text == "-"
    parts = FRACTIONS.get(unit.removesuffix(WHOLE)) if hyphened else None
    if parts and value < parts:  # "a two-thirds majority", "two-thirds of members": a share, 66.7%
        unit, factor, stop = "%", 100 / parts, run[-1].i + 3
    whole = _ratio_whole(run, cues)
    if whole > max(value, 0):  # "one in five applications succeeded": a share, 20%
        unit, factor, parts = "%", 100 / whole, whole
        stop = max(stop, cues.last[run[0].i, "ratio"] + 1)
    # "25 basis points", "25 bps", "a 25-basis-point cut" are a quarter of a percentage point; a market's "25
    # points" stays points
    scale_at = end + (end < span.end and doc[end].text == "-")
    point_scale = cues.at(scale_at, "point-scale:") if scale_at < span.end else ""
    if point_scale:
        last = cues.last[scale_at, f"point-scale:{point_scale}"]
        unit, factor, noun = PERCENTAGE_POINT, float(point_scale), doc[scale_at : last + 1].text
    reading = market and (unit in MARKET_UNITS or noun in CURRENCIES) and _moved(root, cues)
    clause_moments, counted_up = _clause_moment(root, cues)
    # the words after a figure are its own up to the next figure's phrase or the figure before it ("15 bodies, up
    # from 13 at 4 p.m.": 4 p.m. is 13's)
    before_it = next((i for i in range(end, span.end) if _a_figure_before(i, span, cues)), span.end)
    not_own = theirs | _reference_of_a_rise(theirs, span)
    own_after = [t for t in after[:6] if t.i not in not_own and t.i < before_it]
    # "dropped to 64 on Tuesday from 66 on Monday": Monday is 66's, as 64 has a day of its own; in "down to 4.38
    # percent from 4.39 percent late Friday" the day is the clause's, both figures'; in "improved to 98.4% from 97.2%
    # a year earlier" the time of a base is the figure before's
    changed_from = next((t.i for t in own_after if _a_change_from(t, cues)), None)
    if changed_from is not None and (
        _when([t for t in own_after if t.i < changed_from])
        or any(cues.at(t.i, "base:") for t in own_after if t.i > changed_from)
    ):
        own_after = [t for t in own_after if t.i < changed_from]
    mine = _in_its_clause(before + own_after, root)
    timed = _not_a_period(mine, cues)
    when = _when(timed) | _moments(timed, cues, reading) | clause_moments
    if unit != "%":
        when -= {SINCE_DAY}  # "has burned 12,000 acres since Tuesday" is the fire's count, "15,000 acres" another
    bound, bound_start = cues.before(lead, BOUNDS)
    if bound == "lower" and bound_start > 0 and cues.at(bound_start - 1, "particle-over"):
        bound = ""  # "handed over 184,500 vehicles": 184,500, no more
    if bound == "lower" and duration is not None and _over_a_period(doc[bound_start], root, cues):
        bound = ""  # "fall to 40 per cent over 10 years": the ten years it takes, no more than ten
    if bound == "lower" and unit.removesuffix(WHOLE) not in MEASURES and _spread_over(doc[bound_start], root):
        bound = ""  # "sold 3.1 million tickets over 68 shows": the shows the tickets were sold at, no more than 68
    if bound in {"lower", "upper"} and hyphened and _governs_a_noun(doc, bound_start, lead):
        bound = ""  # "moved under a 72-hour pause", "below a 52-week high": the noun's, the figure only modifies it
    moved = bound == "upper" and bound_start > 0 and cues.at(bound_start - 1, "moved-up")
    if moved and not any(c.tag_ == "MD" for c in doc[bound_start - 1].children):
        bound = ""  # "growth was revised up to 0.3%", "went up to $15": moved to it; "can go up to" is at most
    level = unit in {"%", PERCENTAGE_POINT} or noun in CURRENCIES
    if cues.before(bound_start, {"previous-figure"})[0] or _changed_from(root, cues, level):
        when |= PREVIOUS  # "47 seats, up from (about) 40", "dropped to 64 from 66": the figure before the one given
    # "one or more of the aircraft", "20 or so people": the bound written after the figure
    bound = bound or cues.at(end, "after:") or ("approximate" if cues.at(run[0].i, "round") else "")
    hedged_ratio = bool(whole) and bound == "approximate"  # "around one in five"
    bound = bound or ("approximate" if whole else "")  # "four in ten" rounds a share: about 40%
    # "killed 12 and another 30 injured": a second group, not more of one count
    first_of_its_kind = all(q.unit.removesuffix(WHOLE) == unit.removesuffix(WHOLE) for q in found)
    # "the other two unions", "nine other measures", "six more": a part besides one counted elsewhere
    beside = bool(cues.before(lead, {"increment"})[0]) or bool(cues.at(end, "increment:after"))
    increment = first_of_its_kind and beside and not _done_another_act(root)
    spread = spread_of(value, digits, bound == "approximate") * factor
    if parts and unit == "%" and whole:
        # "one in five" is a fifth, as near 20% as half way to "one in four" or "one in six"; "one in 10", "four in
        # 10", "one in 100" round a share to parts of a round whole, by RATIO_SPREAD of one part
        rounded = 50 * value * (1 / whole - 1 / (whole + 1)) if whole < 10 else RATIO_SPREAD * factor
        spread = max(rounded, spread) if hedged_ratio else rounded  # "around one in five": as wide as its hedge
    elif parts and unit == "%":
        spread = max(spread, FRACTION_SPREAD)  # "two-thirds" is said of 66% and of 67%
    when |= {CLAUSE_YEAR + year.text for year in _clause_on_a_year(root)}
    holders = _holders(root)
    subject = _common_subject(holders, span)
    when |= {SUBJECT_YEAR + year.text for year in _years_of_the_subject(holders)}
    when |= _when([t for subject in holders[2:] for c in subject.children if c.dep_ == "poss" for t in c.subtree])
    if partial:  # the figures of a count under way: true of that moment, none of the result
        when |= {PARTIAL + doc[partial.start + 1].text}
    told = _span_phrase(root) if duration is not None else before + after[:6]
    context, supposed, tally = (
        _context(told, cues, _no_word_of_a_span if duration else _no_word_of_a_sum if noun in CURRENCIES else None),
        _supposed(root, cues),
        _tally(doc, end, cues) or counted_up or bool(partial),
    )
    change = (unit not in MARKET_UNITS and not reading and _change(root, cues)) or (
        unit in TEMPERATURE_UNITS | {DEGREE} and _a_difference(root, cues)
    )
    base, base_words = _base(root, lead, end, span, cues)
    holder = (
        _gapped_holder(root, cues)
        or _bracketed_holder(doc[lead - 1] if lead > span.start else None)
        or _described_name(root, holders)
        or _named_holder(holders, span)
    )
    recipient = (_recipient(root, holders) or (holder if _passive(holders) else "")) if noun in CURRENCIES else ""
    when -= base_words  # "rose 28% from a week earlier": what the change is counted against, no earlier figure
    return Quantity(
        value * factor,
        unit,
        polarity,
        _as_written(doc[lead:stop]),
        context,
        noun,
        bound,
        spread,
        when,
        supposed,
        bool(when) and tally,
        increment,
        hedged=_hedged(root, cues) or (supposed and _on_a_condition(root)),
        last_digit_unit=last_digit(value, digits) * factor,
        written_unit=factor if duration else 0.0,
        reading=reading,
        forecast=(forecast := _forecast(root, cues) or bool(cues.at(end, "potential"))),
        forecaster=_forecaster(root) if forecast else frozenset(),
        origin=_offset(_counted_word([root]).i + 1, span) if unit in SPANS_OF_TIME else _origin(end, span, cues),
        rate=rate,
        dimension=_dimension(lead, end, span, cues),
        change=change,
        risen=unit != "%" and noun not in CURRENCIES and not reading and _risen_to(root, cues),
        rest=increment and bool(cues.before(lead, {"rest"})[0]),
        statistic=_statistic(root, holders, mine, cues),
        population=_populations(mine) if unit == "%" else frozenset(),
        places=_places(holders, cues),
        holder=holder,
        recipient=recipient,
        period=_period(root, cues),
        measured=_measured(root, end, span, cues, unit),
        kind_words=_kind_words(root),
        basis=_basis(root, cues, share=unit == "%") if noun in CURRENCIES or unit == "%" else "",
        base=base,
        term=_term(root, cues),
        named_by=_named_by_a_measure(holders, root, cues),
        verb=holders[1].lemma_.lower() if len(holders) > 1 else "",
        subject=subject.lemma_.lower() if subject is not None else "",
        subject_name=" ".join(c.lower_ for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN")
        if subject is not None
        else "",  # "higgs" for "The Higgs boson"
        running=_running(holders, span, cues),
        standing=_standing(holders),
        # "fines of up to £250,000", "covered up to $250,000": the most a rule or an offer allows, where "up to 40
        # people may have died" is an estimate's end
        cap=bound == "upper"
        and noun in CURRENCIES
        and bound_start > 0
        and doc[bound_start].lower_ in {"up", "maximum"},
        moved=_reached_or_moved(root, cues) if unit == "%" or noun in CURRENCIES else "",
        alone=len(holders) > 1 and any(_alone(c) for c in holders[1].children if c.dep_ == "prep"),
        habitual=len(holders) > 1 and _habitual(holders[1]),
    )


def _common_subject(holders: list, span):
    """The figure's clause's subject where it is a common noun within the claim, else None: not the figure's own
    noun ("47 homes were destroyed"), which names nothing it is told of."""
    subject = next((s for s in holders[2:] if span.start <= s.i < span.end), None)
    return subject if subject is not None and subject.pos_ == "NOUN" and subject != holders[0] else None


def _base(root, lead: int, end: int, span, cues: Cues) -> tuple[str, frozenset[str]]:
    """The period a figure is counted against, where its clause says after it and before any other figure, and the
    words that say so: "year" for "rose 5% compared with a year earlier" and "3.1% year on year", "month" for "0.4%
    on the month" and "rose 2% in March from February", "quarter", "week"; "annualised" also just before it ("an
    annualised 2.4%"). A rise of 0.4% on the month is no rise of 3.2% on the year. Words before a figure tell its
    time, not its base: "A year earlier, sales fell 1%"."""
    clause = _base_clause(root)
    for t in span.doc[end : span.end]:
        hyphened = t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-"  # "the 30-day average": no figure of its own
        if (t.tag_ == "CD" and t.ent_type_ != "DATE" and not hyphened) or (
            cues.at(t.i, "previous-figure") and _up_or_down(t)
        ):
            break  # "0.4% on the month and 3.2% on the year": the next figure's words; ", up from a year earlier"
        if (base := cues.at(t.i, "base:")) and _base_clause(t) == clause:
            if _a_time_stated(t, clause):
                return "", frozenset()
            return base, frozenset(w.lower_ for w in span.doc[t.i : cues.last[t.i, f"base:{base}"] + 1])
    before = span.doc[max(span.start, lead - BASE_LEAD) : lead]
    return next(((ANNUALISED, frozenset()) for t in before if cues.at(t.i, "base:") == ANNUALISED), ("", frozenset()))


def _term(root, cues: Cues) -> str:
    """The term of the product a figure's clause is about, as written and lower case: "10-year" for "The 10-year
    Treasury yield fell to 3.68%" and "Yields on 10-year notes rose 5 basis points"; "" for none. Two terms are two
    products: the 30-year mortgage rate is no 15-year one's."""
    # a product's term only: "jailed for" (`term:custody`) is no term of the figure
    found = [q for q in _qualifiers(root, cues, "term:", TERM_PREPOSITIONS) if q[0] == "product"]
    return root.doc[found[0][1] : found[0][1] + 3].text.lower().replace(" ", "") if found else ""


def _up_or_down(cue) -> bool:
    """A cue of the figure before that tells a change's way (", up from", "down from"): what follows is the change's,
    not the figure's ("rose to 4.2%, up from a year earlier"); "compared with a year earlier" is the figure's base."""
    return any(t.lower_ in {"up", "down"} for t in cue.doc[cue.i : cue.i + 2])


def _a_time_stated(cue, clause) -> bool:
    """A base's words as the time a figure is stated of: "The on-time rate was 97.2% a year ago" gives a year-old
    rate (an earlier figure, `_when`), no change counted against a year; "rose 5% from a year earlier" and "3.1% year
    on year" are bases."""
    introduced = cue.i > 0 and cue.doc[cue.i - 1].lower_ in BASE_INTRODUCERS
    return clause is not None and clause.lemma_ == "be" and not introduced and cue.lower_ in {"a", "the", "one"}


def _base_clause(token):
    """The clause a base is told in: "compared with a year earlier" is of the clause "compared" hangs on, and a
    participle describing a noun ("the volume-weighted average price") is none of its own."""
    verb = _clause_verb(token)
    while verb is not None and (verb.lemma_ == "compare" or verb.dep_ == "amod") and verb.head.i != verb.i:
        verb = _clause_verb(verb.head)
    return verb


def _measured(root, end: int, span, cues: Cues, unit: str) -> str:
    """What a measure measures where the sentence says it after the unit's "of" ("200mm of rain", "12GB of RAM"), as
    a lemma; "" for none. (Not the clause's subject: "The blaze has scorched 12,000 acres" and "The fire has
    scorched 6,000 hectares" are one fire.) For a share, the whole it is of, by its cue of `whole:` ("economy" for
    "2% of GDP" and "2% of economic output", "budget" for "38% of the defence budget"): a share of the budget is no
    share of GDP, while wholes without a cue ("of the people", "of respondents") are compared, since two outlets
    name one whole in other words."""
    thing = _of_what(root, end, span) if unit == "%" or unit.removesuffix(WHOLE) in MEASURES else None
    if thing is None:
        return ""
    if unit == "%":
        return next((whole for t in thing.subtree if (whole := cues.at(t.i, "whole:"))), "")
    return thing.lemma_.lower() if thing.pos_ in {"NOUN", "PROPN"} else ""


def _kind_words(root) -> frozenset[str]:
    """The nouns before the noun a figure is put at ("forecast wheat production at 26.5 million tonnes", "put export
    revenue at $2 billion") or is ("Barley production was 10.2 million tonnes"), as lemmas: which kind of the thing
    it is. Wheat production and barley production are two quantities however alike their sentences are."""
    word = _counted_word([root])
    if (put_at := _put_at(word)) is not None and put_at.pos_ == "VERB":
        verb, roles = put_at, {"dobj", "nsubjpass"}
    elif word.dep_ == "attr" and word.head.lemma_ == "be":
        verb, roles = word.head, {"nsubj"}
    else:
        return frozenset()
    thing = next((c for c in verb.children if c.dep_ in roles and c.pos_ == "NOUN"), None)
    if thing is None:
        return frozenset()
    return frozenset(c.lemma_.lower() for c in thing.children if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"})


def _of_what(root, end: int, span):
    """The noun after a figure's unit's "of" ("200mm of rain", "38% of the budget"), or None."""
    units = [root.head, *span.doc[end : min(end + 2, span.end)]]  # "200mm", "35 square kilometres"
    of = next((c for unit in units for c in unit.children if c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _not_a_period(tokens, cues: Cues) -> list:
    """The tokens outside the months that name a reporting period ("between January and March" is the first
    quarter, no month's figure: `_period`)."""
    named = cues.covered(MONTHS_QUARTER)
    return [t for t in tokens if t.i not in named]


def _period(root, cues: Cues) -> str:
    """The reporting period a figure is of: "quarter:3" for "third-quarter revenue", "Q3" and "in the fiscal third
    quarter"; "quarter" for "in the quarter" and "quarterly"; "half:1" for "H1"; "year" for "full-year", "annual";
    "year:2027" for "fiscal 2027". A quarter's revenue is no year's."""
    found = _qualifiers(root, cues, "period:", PERIOD_PREPOSITIONS)
    if not found:
        return ""
    # the finest period named: "its fiscal 2027 third quarter" is a quarter
    kind, start = next(((k, at) for k, at in found if k != "year"), found[0])
    words = root.doc[start : cues.last[start, f"period:{kind}"] + 1]
    which = next((str(PERIOD_ORDINALS[t.lower_]) for t in words if t.lower_ in PERIOD_ORDINALS), "")
    which = which or next((t.text[:4] for t in words if t.shape_ == "dddd"), "")
    which = which or next((d for t in words if t.text[:1] in "QH" for d in t.text[1:] if d.isdigit()), "")
    which = which or next((t.text[0] for t in words if t.text[-1:] == "Q" and t.text[0].isdigit()), "")
    return f"{kind}:{which}" if which else kind


def _basis(root, cues: Cues, share: bool = False) -> str:
    """On what basis a sum is counted: "adjusted" ("adjusted earnings of $1.37 a share", "earned $1.37 a share
    excluding items"), "enterprise" ("including debt", "an enterprise value of"), "equity" ("values Crestline's
    equity at"); "" as reported. A `share`'s only "real" ("rise 1.9% in real terms", "real wages", "after
    inflation"), "" in cash terms as reported: a seasonally adjusted or underlying rate is the rate other outlets
    give without saying so."""
    if share:
        found = [q for q in _qualifiers(root, cues, "basis:", SHARE_BASIS_PREPOSITIONS) if q[0] in SHARE_BASES]
    else:
        found = [q for q in _qualifiers(root, cues, "basis:", BASIS_PREPOSITIONS) if q[0] not in SHARE_BASES]
    return found[0][0] if found else ""


def _qualifiers(root, cues: Cues, prefix: str, prepositions: frozenset[str]) -> list[tuple[str, int]]:
    """The cues of `prefix` that qualify the figure, each with where it starts, nearest first: on a noun between the
    figure and its clause's verb or on that verb's subject or object ("fourth-quarter revenue of $5.0 billion", "cut
    its annual profit outlook to $2 billion"), then in a phrase on the verb that one of `prepositions` opens ("rose
    9% in the third quarter", "earned $1.37 a share excluding items"). Not one on another noun of the clause
    ("revenue rose after first-quarter losses", "weak underlying demand"), nor "a quarter point"."""
    verb = _clause_verb(root)
    path = list(itertools.takewhile(lambda t: t != verb, (root, *root.ancestors)))
    # the figure's own words too: "values Acme at $10 billion including debt"
    nouns = [t for t in path if t.pos_ in {"NOUN", "PROPN"} or t.like_num]
    if verb is not None:
        nouns += [c for c in verb.children if c.dep_ in {"dobj", *SUBJECTS}]
    words = [w for n in nouns for w in (n, *(t for c in n.children if _qualifying(c, prepositions) for t in c.subtree))]
    if verb is not None:
        words += [t for c in verb.children if c.lower_ in prepositions and root not in c.subtree for t in c.subtree]
        words += [c for c in verb.children if c.lower_ in prepositions and root in c.subtree]
    found = []
    for word in words:
        cue = cues.at(word.i, prefix)
        if not cue:
            continue
        after = cues.last[word.i, prefix + cue] + 1
        following = [w.lower_ for w in root.doc[after : after + 2]]
        if following[:1] != ["point"] and following != ["-", "point"]:  # "the quarter-point cut"
            found.append((cue, word.i))
    return found


def _qualifying(word, prepositions: frozenset[str]) -> bool:
    """A word on a noun that may say which of it: a modifier ("third-quarter revenue"), or a phrase one of
    `prepositions` opens ("revenue for Q3", "earnings excluding items")."""
    return word.dep_ in QUALIFYING or (word.dep_ == "prep" and word.lower_ in prepositions)


def _clause_on_a_year(root) -> list:
    """The year a clause holding the figure tells of: "since 2016, when a magnitude 7.8 tremor struck" (a clause
    on a year); none for a year beside the figure ("the most since 2018", "rose 8 percent in 2024")."""
    return [t.head for t in (root, *root.ancestors) if t.dep_ in INNER_CLAUSES | {"advcl"} and _a_year(t.head)]


def _partial_count(span, cues: Cues) -> range:
    """The words of a count under way the sentence is set at ("With 60 percent of ballots counted, ..."), or none."""
    start = next((i for i in range(span.start, span.end) if cues.at(i, "tally-partial")), None)
    return range(0) if start is None else range(start, cues.last[start, "tally-partial"] + 1)


def _out_of(root) -> bool:
    """A whole the figure before is a part of: "out of 21,000"."""
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "out"


def _a_change_from(token, cues: Cues, level: bool = False) -> bool:
    """The "from" of a change between two figures: "dropped to 64 on Tuesday from 66", "rose from 40 to 47"; or of a
    verb that moves a level, the figure it moved to unsaid ("lowered Bank Rate from 4.75%": `moved-from`); or of a
    verb a `level` (a share or a sum) moves by ("unemployment has fallen from 4.5%": `moved-from-level`; "The worker
    fell from 20 metres" is a height)."""
    if token.lower_ != "from" or token.dep_ != "prep" or token.head.pos_ not in {"VERB", "AUX"}:
        return False
    to = any(c.dep_ == "prep" and c.lower_ == "to" for c in (*token.head.children, *token.children))
    moved = cues.at(token.head.i, "moved-from") or (level and cues.at(token.head.i, "moved-from-level"))
    return to or bool(moved)


def _risen_to(root, cues: Cues) -> bool:
    """A figure a count has risen to ("the death toll has risen to three", `risen-to`): where sources report a
    story as it goes on, an earlier lower count is what it rose from, no other version of the fact."""
    word = _counted_word([root])
    to = word.head
    return word.dep_ == "pobj" and to.lower_ == "to" and bool(cues.at(to.head.i, "risen-to"))


def _reached_or_moved(root, cues: Cues) -> str:
    """Whether a share or a sum is the level a verb of moving reached ("to": "Unemployment rose to 5.9%"), how far
    it moved ("by": "rose by 0.2%", "rose 8%"), or a level "is" ("at": "Unemployment was 5.9%", not "was up
    8%"); "" for none of these."""
    word = _counted_word([root])
    if word.dep_ == "pobj" and word.head.lower_ in {"to", "by"} and cues.at(word.head.head.i, "moved-from-level"):
        return word.head.lower_
    if word.dep_ == "attr" and word.head.lemma_ == "be":
        # "Unemployment was 5.9%", not "The pay rise is 5%", which is how far pay moved
        told_of = [c for c in word.head.children if c.dep_ in SUBJECTS]
        return "by" if any(cues.at(c.i, "change") for c in told_of) else "at"
    return "by" if word.dep_ in {"npadvmod", "dobj"} and cues.at(word.head.i, "moved-from-level") else ""


def _changed_from(root, cues: Cues, level: bool = False) -> bool:
    """A figure a change started from: its word is what `_a_change_from`'s "from" governs ("from 66",
    "from 5.4 percent")."""
    word = _counted_word([root])
    before = next((t for t in reversed(root.doc[: root.i]) if not t.is_currency), None)
    if before is not None and before.lower_ == "to":
        return False  # "will rise from £38,700 to £41,300", parsed as one figure the "from" governs: the second
    return word.dep_ == "pobj" and _a_change_from(word.head, cues, level) and not _of_another_thing(word, cues)


def _of_another_thing(word, cues: Cues) -> bool:
    """A "from" figure that counts another thing than the figure it is set against: "opened to $182.4 million from
    4,130 theaters" tells where the sum was taken, no sum before it; "rose to 47 seats from 40" and "rose to 5%
    from 4.5 percent" count one thing."""
    preps = (*word.head.head.children, *word.head.children)
    to = next((p for p in preps if p.dep_ == "prep" and p.lower_ == "to"), None)
    target = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
    counted = _what_it_counts(word, cues), _what_it_counts(target, cues) if target is not None else ""
    return all(counted) and counted[0] != counted[1]


def _what_it_counts(word, cues: Cues) -> str:
    """What a figure's word counts, roughly: a share, a sum, the noun it is, or "" for a bare figure."""
    if cues.at(word.i, "percent"):
        return "%"
    if any(t.is_currency or t.lower_ in CURRENCIES for t in word.subtree):
        return "currency"
    return "" if word.like_num else word.lemma_.lower()


def _holders(root) -> list:
    """The words a figure's qualifiers hang on: its noun, its clause's verb and that verb's subject ("median
    survival was 41 months", "U.S. same-store sales rose 8.8 percent")."""
    word = _counted_word([root])
    verb = _clause_verb(word)
    return [word] if verb is None else [word, verb, *(c for c in verb.children if c.dep_ in SUBJECTS)]


def _years_of_the_subject(holders: list) -> list:
    """The years the figure's clause's subject is named by: "The 2021 auction", "The auction in 2021"; a relative
    clause's, its head's ("a 2003 outbreak that sickened 500 people"); and the year its verb is set in ("In 2021 the
    Christian Union won 36 seats", "was introduced in 1999 at $3.60 an hour"), which dates the clause as a whole."""
    verb = holders[1:2]
    told_in = [y for v in verb for p in v.children if p.dep_ == "prep" and p.lower_ in {"in", "during", "at"}
               for y in p.children if y.dep_ == "pobj"]  # fmt: skip
    # "in 2020", and a year naming what the clause is set in: "In the 2020 election the party won 54 seats"
    years = [
        t
        for y in told_in
        for t in (y, *(() if y.ent_type_ == "DATE" else y.children))  # not "in August 2021", a date
        if (t is y or t.dep_ in YEAR_MODIFIERS) and _a_year(t)
    ]
    for subject in holders[2:]:
        if subject.tag_ in RELATIVE_PRONOUNS and holders[1].dep_ == "relcl":
            subject = holders[1].head  # "a 2003 outbreak that sickened 500 people": the outbreak's year
        for t in subject.children:
            if t.dep_ == "prep" and t.lower_ in {"in", "of"}:
                years += [y for y in t.children if y.dep_ == "pobj" and _a_year(y)]
            elif t.dep_ in YEAR_MODIFIERS and _a_year(t):
                years.append(t)
    return years


def _named_by_a_measure(holders: list, root, cues: Cues) -> str:
    """A measure in the figure's clause's subject, as its unit and figure ("milligram:10" for "Those on the 10 mg
    dose lost 15.1%", "The 15 mg arm lost 19.8%"), or "": two doses' arms are two groups."""
    for subject in holders[2:]:
        for t in subject.subtree:
            if t.like_num and t != root and t.i + 1 < len(t.doc) and (unit := cues.at(t.i + 1, "measure-unit:")):
                return f"{unit}:{t.text}"
    return ""


def _described_name(root, holders: list) -> str:
    """The name of the thing a figure written onto its noun describes ("the 1,320-megawatt Ridgeback plant":
    "Ridgeback"), whoever the clause's subject is ("Tollbridge will close ..."); "" for none."""
    if not (root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == "-"):
        return ""
    noun = holders[0].head if holders[0].dep_ == "compound" else holders[0]  # "megawatt" is the plant's measure
    return " ".join(c.text for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN")


def _recipient(root, holders: list) -> str:
    """The party a sum is paid, owed or awarded to, or fined, or what it buys, as written ("fined Barclays 72 million
    pounds", "paid Benfica 120 million euros", "signed Fernandez for 121 million euros"), or "": the party the clause
    tells the sum of besides its subject, who pays or fines; two outlets' sums of two parties are two sums ("signed
    Mudryk for 106 million euros" is another fee). Which way the money goes is not read: "Barclays paid the SEC"
    against "the SEC fined Barclays", and "signed Fernandez for" against "paid Benfica", are left unreported.

    The parser hangs the name on the verb, on the currency's noun, or the noun on the name ("fined Roma 30,000
    euros"). A group counted ("fined the two banks 144 million pounds") is whom a total is paid, no one of them."""
    word = holders[0]
    named = [c for c in word.children if c.dep_ in {"nmod", "compound"} and c.i < root.i and _a_payee(c)]
    if word.head.pos_ == "PROPN" and word.head.dep_ in {"dobj", "dative"} and word.head.i < root.i:
        named.append(word.head)
    if _on_the_verb(holders):  # "fined Roma 30,000 euros" parsed as two objects of "fined"; "signed Fernandez for"
        objects = [c for c in holders[1].children if c.dep_ in {"dobj", "dative"} and c != word]
        named += [c for c in objects if c.pos_ == "PROPN"]
    named = [c for c in named if c.dep_ == "dative" or c.i < root.i]
    if not named:
        return ""
    payee = named[0]
    return (
        _name_as_written(payee) if payee.pos_ == "PROPN" else " ".join(t.text for t in payee.subtree if t.dep_ != "det")
    )


def _passive(holders: list) -> bool:
    """The sum is what a passive verb tells ("Barclays was fined 72 million pounds"): its subject is the one fined or
    paid, as the recipient of the active clause is."""
    return _on_the_verb(holders) and any(c.dep_ in {"nsubjpass", "auxpass"} for c in holders[1].children)


def _on_the_verb(holders: list) -> bool:
    """The sum is an object of its clause's verb, or what the verb's object is got "for" ("signed Fernandez for
    121 million euros"), so the verb's other parties are the sum's: not a sum further down ("Les Misérables has been
    seen by 50 million people, with a total gross of $2 billion" tells no one paid)."""
    if len(holders) < 2:
        return False
    word, verb = holders[0], holders[1]
    return word.head == verb or (word.head.lower_ == "for" and word.head.dep_ == "prep" and word.head.head == verb)


def _a_payee(word) -> bool:
    """A name, or a group counted (`_recipient`): "Barclays", "the two banks"."""
    return word.pos_ == "PROPN" or (word.tag_ == "NNS" and any(c.dep_ == "nummod" for c in word.children))


def _gapped_name(root, cues: Cues):
    """The name a figure is told of in a list that leaves its verb unsaid, the figure written after it: "the Greens"
    of "won 41 seats, and the Greens 17 seats" or "won 24 seats, the Greens 14"; else None (not a scale's name:
    "a Category 3 hurricane")."""
    name = root.head
    if root.dep_ != "nummod" or name.pos_ != "PROPN" or name.dep_ not in {"appos", "conj", "nmod"}:
        return None
    if cues.at(name.i, "scale-named:"):
        return None
    return name if name.i < root.i else None


def _gapped_holder(root, cues: Cues) -> str:
    """The name a figure of such a list is told of, as written (`_gapped_name`), or ""."""
    name = _gapped_name(root, cues)
    if name is None:
        return ""
    words = [t for t in name.subtree if t.i < root.i and t.pos_ in {"PROPN", "NOUN", "ADJ"} and t.dep_ != "det"]
    return " ".join(t.text for t in words) or name.text


def _bracketed_holder(opening) -> str:
    """The name a figure in brackets right after it is of ("the Greens (17 seats)": "Greens"), or ""."""
    if opening is None or opening.text != "(" or opening.i == 0:
        return ""
    name = opening.doc[opening.i - 1]
    return _full_name(name) if name.pos_ == "PROPN" else ""


def _named_holder(holders: list, span) -> str:
    """The name the figure's clause is told of, as written ("The Reform Party took 11 seats": "Reform Party"; a
    person by surname: "Brennan received 51,310 votes"), or "": two figures of two parties or candidates are two
    counts, in whatever order two outlets list them. Only a subject within the claim: the parser may take a
    dateline before it ("LONDON — Labour won ...") for one."""
    for subject in (s for s in holders[2:] if span.start <= s.i < span.end):
        entity = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
        if entity is not None and entity_key(entity_text(entity), entity.label_):
            if entity.label_ == "PERSON":
                return entity[-1].text if entity[-1].pos_ == "PROPN" else subject.text
            words = [t for t in entity if t.pos_ != "DET"]
            return entity_text(entity[words[0].i - entity.start :]) if words else ""
        if subject.pos_ == "PROPN":  # a name the tagger missed ("Okafor received ...", "the Pixel 11 Pro costs ...")
            return _name_as_written(subject)
    return ""


def _name_as_written(word) -> str:
    """A name the tagger may have missed, from its first word to its number ("Pixel 11 Pro", "Channel 4")."""
    parts = [c for c in word.lefts if c.dep_ in MODEL_PARTS and c.pos_ in {"PROPN", "NUM"}]
    numbers = [c for c in word.rights if c.dep_ == "nummod" and c.i == word.i + 1]
    return word.doc[(parts or [word])[0].i : (numbers or [word])[-1].i + 1].text


def _habitual(verb) -> bool:
    """A verb in the simple present, which tells what is done as a rule ("operates 1,200 flights a day"), not once
    ("cancelled", "will cancel", "is cancelling")."""
    return verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" for c in verb.children)


def _alone(phrase) -> bool:
    """A phrase of one part of a whole: "on Friday alone", "in London alone"."""
    return any(t.lower_ == "alone" and t.dep_ == "advmod" and t.head.dep_ == "pobj" for t in phrase.subtree)


def _statistic(root, holders: list, mine, cues: Cues) -> frozenset[str]:
    """Which statistic of a group a figure is, from the words around it or a modifier of its holders ("an average
    of 46 months", "median survival was 41 months", "weighed 136 pounds combined", "each boy weighed 50 pounds")."""
    modifiers = [c for holder in holders for c in holder.children if c.dep_ in {"amod", "compound", "det"}]
    governing = list(_governing_nouns(holders[0]))
    found = {
        cue
        for t in (*mine, *modifiers, *governing)
        if (cue := cues.at(t.i, "statistic:"))
        and (cue != MARGIN or t.i < root.i or t in governing)
        and not (cue == EACH and t.i > 0 and cues.at(t.i - 1, "per"))  # "$87.50 for each megawatt-hour": a rate
    }  # a lead is the figure's before it or over it ("a lead of 168 votes", "a 168-vote lead"), no lead after it
    word = holders[0]
    if word.dep_ == "npadvmod" and cues.at(word.head.i, "margin-verb"):
        found.add(MARGIN)  # "three points behind Halton Town", "12 points ahead of", "five points clear": a gap
    if word.dep_ == "pobj" and word.head.lower_ == "by":
        verb = word.head.head  # "won the recount by 187 votes", "had put Ortega ahead by 212 votes"
        if any(cues.at(t.i, "margin-verb") for t in (verb, *(c for c in verb.children if c.dep_ == "advmod"))):
            found.add(MARGIN)
    # "each of the 12 shelters was housing about 300 people": 300 is each shelter's ("each of the 12 victims": 12
    # counts the victims)
    found |= {EACH for holder in holders[2:] if holder.lower_ == "each" and root not in holder.subtree}
    found |= {PART} if _some_of_a_group(root) else set()
    verb = holders[1] if len(holders) > 1 else None
    if verb is not None and verb.lemma_ in SPREAD_VERBS:
        found.add(SPREAD)  # "Sentences ranged from two to eight years": a group's spread, no one member's figure
    # "a five-wicket haul", "a seven-wicket win": a figure written onto the noun it describes is that thing's
    if root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == "-" and word.dep_ == "compound":
        found.add(DESCRIBED + word.head.lemma_.lower())
    return frozenset(found)


def _populations(mine) -> frozenset[str]:
    """The words of the group a share is counted among, where the sentence names it ("among likely voters",
    "excluding undecided voters"): "Excluding undecided voters, Yes leads by 53% to 47%" and "Among those certain to
    vote, Yes leads by 48% to 43%" are shares of two groups (`numbers._one_group`)."""
    found = set()
    for t in mine:
        group = next((c for c in t.children if c.dep_ == "pobj"), None) if t.lower_ in POPULATION_WORDS else None
        if group is not None:
            found |= {w.lemma_.lower() for w in group.subtree if w.pos_ in {"NOUN", "PROPN", "ADJ", "VERB", "NUM"}}
    return frozenset(found)


def _places(holders: list, cues: Cues) -> frozenset[str]:
    """The words of the places a figure was counted in, named on one of its holders as a modifier ("U.S.
    same-store sales rose 8.8 percent") or after "in" ("sales in Canada rose 6.7 percent", "killed 12 in
    Aleppo"). Keyed as entities are ("the U.S." and "the United States" are one place), as lower-case words, so
    that "Gaza" and "the Gaza Strip" share one; a scope is a place too ("took $148 million worldwide" is no
    figure "in North America", "global sales" none of "domestic sales"), and so is the place a noun after "in" is
    of, by its people's name ("in North American cinemas"), as a region of the world (`REGION`)."""
    found = set()
    # a speaker's words are no place of the figure: "Federal prosecutors said the scheme cost $40 million", "State
    # media reported 12 dead", "The State Department said"
    speaking = len(holders) > 1 and cues.starting.get(holders[1].i, set()) & SPEAKING
    speakers = set(holders[2:]) if speaking else set()
    for holder in holders:
        for child in holder.children:
            named = []
            scope = cues.at(child.i, "scope:") if holder not in speakers and holder.pos_ != "PROPN" else ""
            if child.dep_ in {"advmod", "amod", "compound", "poss"} and scope:
                found.add(SCOPE + scope)  # "worldwide", "the county's rate", "statewide"
            elif child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
                named = [c for c in child.children if c.dep_ == "pobj"]
                named += [m for c in named for m in c.children if m.dep_ in PLACE_MODIFIERS and m.ent_type_ in PEOPLES]
            elif child.dep_ in {"compound", "nmod", "poss"}:
                named = [child]
            for token in named:
                entity = _entity(token) if token.ent_type_ in PEOPLES else None
                if entity is not None and entity.label_ == "NORP":
                    found.add(REGION)  # a people's place, which may be any named one: no "worldwide"
                    continue
                key = entity_key(entity_text(entity), entity.label_) if entity is not None else None
                found |= set(key.lower().split()) if key else set()
    return frozenset(found)


POSTS = frozenset({"job", "post", "position", "role", "vacancy"})  # what "will go" when it is cut (`_change`)
GOING_SOMEWHERE = frozenset({"to", "into", "toward", "towards", "up", "down", "ahead", "on", "back", "through"})


def _change(root, cues: Cues) -> bool:
    """A count or a sum tells how many were added or taken away, not how many there are: the object of a verb of
    change ("the outbreak added 26 cases", "the authority has cut four bus routes", "26 cases were added"), its
    "by" ("cut spending by $2 billion"), a noun of change over it ("job cuts of 2,400", "a $2 billion cut"), a
    participle of one after it ("the $112 million stolen"), or what goes or what a thing costs ("1,580 jobs would
    go", "the closures will cost 1,580 jobs").
    "Runs 42 routes" tells how many there are. (Shares, points and prices move through a day: `reading`.)"""
    word = _counted_word([root])
    if any(n.pos_ == "NOUN" and cues.at(n.i, "change") for n in (word, *_governing_nouns(word))):
        return True
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and cues.at(c.i, "change") for c in word.children):
        return True  # "the $112 million stolen from Lumen Finance", "the 300 jobs cut last year"
    head = word.head
    if head.pos_ == "ADP":
        return head.lower_ == "by" and bool(cues.at(head.head.i, "change"))
    if word.dep_ == "appos":
        word, head = head, head.head  # "The posts, about 600 positions, will go": the posts go
    if word.dep_ in {"nsubj", "npadvmod"} and head.lemma_ == "go" and word.lemma_.lower() in POSTS:
        # "1,580 jobs would go", as "would be cut"; "went up to 40", "300 went to the rally" move or go somewhere
        return not any(c.dep_ in {"prt", "acomp"} or c.lower_ in GOING_SOMEWHERE for c in head.children)
    if word.dep_ == "dobj" and head.lemma_ == "cost":
        return word.lower_ not in CURRENCIES and not word.like_num  # "will cost 1,580 jobs", not "cost $5 million"
    return word.dep_ in {"dobj", "nsubjpass"} and bool(cues.at(head.i, "change"))


BASE_INTRODUCERS = frozenset({"from", "with", "than", "over", "on", "against", "versus", "vs", "to"})
ANNUALISED, BASE_LEAD = "annualised", 4  # "an annualised 2.4%", "at an annualised rate of 2.4%" (`_base`)
UNIT_TOKENS = 3  # the most words of a unit before what follows it ("degrees Celsius below zero")
PHRASE_TOKENS = 6  # the most words of a cue's phrase read for a figure ("up from Monday's count of 38")


def _a_figure_before(i: int, span, cues: Cues) -> bool:
    """A cue at token i that gives the figure before ("61.3 percent, compared with 59.9", ", up from 40"), a figure
    following it; "compared with March" names the month a change is counted from, as "from March" does, and that
    month is the figure's own time word."""
    if not cues.at(i, "previous-figure"):
        return False
    start = cues.last[i, "previous-figure"] + 1
    phrase = itertools.takewhile(lambda t: not t.is_punct, span.doc[start : min(start + PHRASE_TOKENS, span.end)])
    return any(t.like_num for t in phrase)  # "up from Monday's count of 38"


def _a_difference(root, cues: Cues) -> bool:
    """A temperature that tells how far one is from another, not a reading: "3C above average", "5 degrees warmer
    than normal", "warmed by 1.2C", "rose 10 degrees" (not "rose to 108 degrees"), "a 2C rise", "1.5C of warming",
    "limit warming to 1.5C". Fahrenheit is counted in Celsius without its offset there (`ZERO_OFFSETS`), and a
    difference is no reading (`change`)."""
    word = _counted_word([root])
    if any(cues.at(t.i, "temperature:apart") for t in (word.head, *word.children)):
        return True  # "5 degrees warmer"
    near = (word.head, *word.children, *word.head.children)  # "3C above average": "above" may govern the figure
    after = [t for t in near if t.i > word.i and cues.at(t.i, "compared-with")]
    if any(cues.at(o.i, "temperature:baseline") for t in after for o in t.children if o.dep_ == "pobj"):
        return True  # "3C above average", "3 degrees Fahrenheit above the long-term average"; not "below freezing"
    if word.dep_ == "pobj" and word.head.lower_ == "by":
        return True
    if word.dep_ in {"dobj", "npadvmod"} and cues.at(word.head.i, "temperature:change"):
        return True
    if any(cues.at(n.i, "temperature:change") for n in (*_governing_nouns(word), *_of_objects(word))):
        return True
    # "limit warming to 1.5C", "keep warming below 2C", "warming could reach 2.7C": warming is what the verb the
    # figure hangs on tells of (not "Fueled by global warming, the heat wave pushed temperatures to 104F")
    verb = word.head.head if word.dep_ == "pobj" else word.head
    told = (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})
    return any(cues.at(t.i, "temperature:warming") for t in told)


def _of_objects(word) -> list:
    """The nouns after a word's "of": "warming" for "1.5C of warming"."""
    return [o for p in word.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _origin(end: int, span, cues: Cues) -> str:
    """What a distance is measured from, the noun after "from" or after a compass direction's "of" ("two miles from
    the prison": "prison"; "48 km west of Valparaiso", "95 km (59 miles) southwest of Nagpur"); "" for none or no
    distance. Two distances from two places are two quantities, and a distance from a place is no depth or width."""
    doc = span.doc
    if not (end < span.end and cues.at(end, "distance")):
        return ""
    at = end + 1
    if at < span.end and doc[at].text == "(":  # a conversion between: "95 km (59 miles) southwest of"
        at = next((t.i + 1 for t in doc[at : span.end] if t.text == ")"), span.end)
    directed = at
    while at < span.end and cues.at(at, "compass-direction"):
        at += 1
    if at >= span.end or doc[at].lower_ != ("of" if at > directed else "from"):
        return ""
    place = next((c for c in doc[at].children if c.dep_ == "pobj"), None)
    return place.lemma_.lower() if place is not None else ""


def _offset(after: int, span) -> str:
    """What a span of time is counted from, by the word right after it: "later" for "Four minutes later", "earlier"
    for "a week earlier", "remaining" for "with 19 minutes remaining" or "left"; "" for a span of its own ("lasted
    90 minutes", "seven years after a trial": an "after" may open what the span is of). A span from one moment is
    no span from another."""
    word = span.doc[after].lower_ if after < span.end else ""
    return next((origin for origin, words in OFFSETS.items() if word in words), "")


def _dimension(lead: int, end: int, span, cues: Cues) -> str:
    """Which extent a length measures, from the word after its unit or before it: "width" for "12 metres wide",
    "a 39-foot-wide crater", "12 meters in diameter", "a 12-meter diameter crater", "a crater 12 metres (40ft)
    wide", "a depth of 5 metres" and "a 39-foot-wide (12 meters) crater"'s conversion; "" for none. A crater
    "39 feet wide" and "16 feet deep" is two quantities."""
    doc = span.doc

    def past(at: int, word: str) -> int:
        """`at`, or the token after it where it is `word`."""
        return at + 1 if at < span.end and doc[at].lower_ == word else at

    unit = past(end, "-")  # "39-foot-wide"
    if unit >= span.end or cues.at(unit, "measure-unit:") not in LENGTH_UNITS:
        return ""
    at = past(unit + 1, "-")
    if past(at, "(") > at:  # a conversion between: "12 metres (40ft) wide"
        at = next((t.i + 1 for t in doc[at : span.end] if t.text == ")"), span.end)
    at = past(at, "in")  # "12 meters in diameter"
    after = cues.at(at, "dimension:") if at < span.end else ""
    # "a depth of 5 metres"; a conversion in brackets after one: "39-foot-wide (12 meters)"
    before = cues.at(lead - 2, "dimension:") if lead - 2 >= span.start and doc[lead - 1].lower_ in {"of", "("} else ""
    return after or before


def _over_a_span(root) -> str:
    """A figure told over a span of years or months ("an 18% raise over three years", "9% over four years": SPAN, a
    total, no rate a year), or in one year or month of one ("a 7% raise in the first year": a rate of that unit)."""
    word = _counted_word([root])
    verb = _clause_verb(word)
    path = [word, *itertools.takewhile(lambda t: t != verb, word.ancestors), *([verb] if verb is not None else [])]
    told = [
        (c.lower_, o)
        for t in path
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in {"over", "across", "in"}
        for o in c.children
        if o.dep_ == "pobj" and o.lemma_.lower() in DURATIONS
    ]
    if any(p != "in" and any(n.dep_ == "nummod" for n in o.children) for p, o in told):
        return SPAN
    one = next((o for p, o in told if p == "in" and any(n.lower_ in PERIOD_ORDINALS for n in o.children)), None)
    return one.lemma_.lower() if one is not None else ""


def _rate(end: int, span, cues: Cues) -> str:
    """The span of time a measure written after the figure is counted over: "hour" for "40,000 kilometers per
    hour", "180 kilometres (112 miles) an hour", "120 km/h" and "80 mph"; "day" for "300,000 barrels of oil a
    day", "300,000 bpd" and "9,000 rail passengers a day"; "year" for "6% a year", "a 6% raise a year" and "3%
    annually"; or the area it is counted over: "acre" for "34 bushels per acre"; "" for none, or for a span
    counted from an event ("12 miles a day after landfall", "a year into its mission", "an hour's drive")."""
    doc = span.doc
    unit = cues.at(end, "measure-unit:") if end < span.end else ""
    percent = bool(cues.at(end, "percent")) if end < span.end else False
    start = cues.last[end, "percent"] + 1 if percent else end  # past "%", "per cent"
    counted = (
        []
        if unit
        else list(itertools.takewhile(lambda t: _a_counted_word(t, cues), doc[start : min(start + 3, span.end)]))
    )
    per = _per_unit(doc[cues.last[end, "per"]]) if end < span.end and cues.at(end, "per") else ""
    if not unit and not percent and per in DURATIONS:
        return per  # "capped at 205,000 a year": what is put at it, a year
    if not unit and not percent and not any(t.pos_ == "NOUN" for t in counted):
        return ""
    if unit in SPEED_UNITS:
        return "hour"
    if cues.at(end, "rate:"):
        return cues.at(end, "rate:")  # "2.2 million bpd": barrels a day
    after = end + 1 if unit else start + len(counted)
    if after < span.end and cues.at(after, "rate:"):
        return cues.at(after, "rate:")
    if after < span.end and doc[after].text == "(":  # a conversion in brackets: "180 kilometres (112 miles)"
        after = next((t.i + 1 for t in doc[after : span.end] if t.text == ")"), span.end)
    if after + 1 < span.end and doc[after].lower_ == "of" and doc[after + 1].pos_ == "NOUN":
        after += 2  # "barrels of oil a day"
    if after + 1 < span.end and doc[after].text == "/" and cues.at(after + 1, "measure-unit:") == "per hour":
        return "hour"  # "km/h", split by the tokenizer into "km", "/", "h"
    if after >= span.end or not cues.at(after, "per"):
        return ""
    last = cues.last[after, "per"]
    span_of_time = doc[last].lemma_.lower()
    following = doc[last + 1 : min(last + 3, span.end)]
    # "a day after", "a week on from", "an hour's drive": a time or a distance, no rate
    counted_from = bool(following) and (
        following[0].lower_ in TIMES_FROM or following[0].tag_ == "POS" or following.text.lower() == "on from"
    )
    if span_of_time in AREA_UNITS:
        return span_of_time  # "34 bushels per acre": a yield, no harvest
    return "" if span_of_time not in DURATIONS or counted_from else span_of_time


def _a_counted_word(token, cues: Cues) -> bool:
    """A word of what a figure counts, before its rate: "rail passengers" of "9,000 rail passengers a day", "raise"
    of "a 6% raise a year"; not the rate's own words ("a day", "daily")."""
    return token.pos_ in {"NOUN", "ADJ"} and not cues.at(token.i, "per") and not cues.at(token.i, "rate:")


def conversion_unit(run, cues: Cues, span, after: int | None = None) -> str:
    """The unit of a figure in brackets just after another (after the figure that ends at token `after`, where
    given), the brackets holding only figures, units of measure, currencies and scales: the quantity before it given in other units ("a crater 12 metres (40ft) wide": "foot";
    "$10,000 (£6,500/€8,800)": "pound", then "euro"), or "" for no conversion. "(3 children)" after "12
    people" is a count of its own."""
    doc, first, last = span.doc, run[0].i, run[-1].i
    opening = next((i for i in range(first - 1, max(span.start, first - 8) - 1, -1) if doc[i].text in "()"), None)
    closing = next((i for i in range(last + 1, min(span.end, last + 9)) if doc[i].text in "()"), None)
    if opening is None or closing is None or doc[opening].text != "(" or doc[closing].text != ")":
        return ""
    if after is not None and not 0 <= opening - after <= 3:
        return ""  # the figure before the brackets is none of the quantity before ("the 2014 model (1.5 litres)")
    if not any(t.like_num or _with_its_unit(t) for t in doc[max(span.start, opening - 3) : opening]):
        return ""  # no figure before it ("12m-wide (40ft)": one with its unit written on)
    bound, bound_start = cues.before(first, BOUNDS)
    inside = doc[first if bound and bound_start == opening + 1 else opening + 1 : closing]  # "(more than 7,300 ha)"
    if not all(_a_conversions_word(t, cues) for t in inside) or _two_figures_unparted(inside):
        return ""
    sign, _ = cues.before(first, SIGNS)
    after = doc[last + 1 : closing]
    written = next((cues.at(t.i, "currency:") for t in after if cues.at(t.i, "currency:")), "")
    if sign or written:
        return sign.removeprefix("sign:") or written
    units, read_to = [], last
    for t in after:
        if t.text in CONVERSION_WORDS and t.i + 1 < closing and not cues.at(t.i + 1, "measure-unit:"):
            break  # "(40,000 km / 25,000 miles)": this figure's unit ends where the next figure starts
        if t.i > read_to and (unit := cues.at(t.i, "measure-unit:")):
            units.append(unit)
            read_to = cues.last[t.i, "measure-unit:" + unit]  # "degrees Celsius" is one unit
    return " ".join(units)


def _two_figures_unparted(tokens) -> bool:
    """Two figures with no separator between them: a ratio ("6 in 10"), no figure in other units."""
    figures = 0
    for token in tokens:
        if token.text in CONVERSION_WORDS:
            figures = 0
        elif token.like_num:
            figures += 1
            if figures > 1:
                return True
    return False


def _a_conversions_word(token, cues: Cues) -> bool:
    """A word of a quantity given in other units: a figure, a unit of measure, a currency, a scale, a separator."""
    if token.like_num or token.lower_ in SCALES or token.lower_ in MONEY_SCALES or token.lower_ in CONVERSION_WORDS:
        return True
    labels = cues.starting.get(token.i, set())
    return any(label.startswith(("measure-unit:", "currency:", "sign:")) for label in labels)


GLUED_MEASURE = re.compile(r"\d+(?:\.\d+)?([a-z]+)", re.IGNORECASE)  # "12m", "40ft": a unit written onto its figure
UNIT_WORDS = frozenset(words_by_label("measure-unit:"))


def _with_its_unit(token) -> bool:
    """A figure with its unit of measure written on ("12m", "40ft"), which the parse does not read as a figure; not
    a decade ("1990s") or a name ("A320")."""
    glued = GLUED_MEASURE.fullmatch(token.text)
    return glued is not None and glued[1].lower() in UNIT_WORDS


def _after_its_unread_figure(run, span) -> bool:
    """The figure opens brackets right after a figure with its unit written on ("a 12m-wide (40ft) crater")."""
    doc, opening = span.doc, run[0].i - 1
    if opening < span.start or doc[opening].text != "(":
        return False
    return any(_with_its_unit(t) for t in doc[max(span.start, opening - 3) : opening])


def _rounded_conversion(quantity: Quantity, run) -> Quantity:
    """A figure given in brackets as another's conversion, where that other was not read: a conversion is
    rounded, so it reaches as an approximate figure does ("(40ft)" for 12 metres, 39.4 feet, holds "39 feet")."""
    if quantity.bound:
        return quantity
    _, digits = value_of(run)
    return replace(quantity, bound="approximate", spread=spread_of(quantity.value, digits, True))


def _in_other_units(run, unit: str, quantity: Quantity, span, cues: Cues) -> Quantity | None:
    """`quantity` as a conversion in brackets gives it: its own value, unit and words ("25,000 miles", "£4m"),
    the rest (what it counts of, when, how bounded) the quantity's."""
    try:
        value, digits = value_of(run)
    except ValueError:
        return None
    doc, end = span.doc, run[-1].i + 1
    _, start = cues.before(run[0].i, SIGNS)
    while end < span.end and doc[end].text != ")" and not doc[end].like_num and doc[end].text not in CONVERSION_WORDS:
        end += 1  # its unit as written: "25,000 miles"
    noun = unit if unit in CURRENCIES else doc[run[-1].i + 1 : end].text
    own_bound, bound_start = cues.before(start, BOUNDS)  # "18,200 acres (more than 7,300 hectares)"
    bound = own_bound or quantity.bound
    text = doc[bound_start if own_bound else start : end].text
    spread = spread_of(value, digits, bound == "approximate")
    return replace(
        quantity, value=value, unit=unit, text=text, noun=noun, spread=spread, last_digit_unit=last_digit(value, digits),
        bound=bound,
    )  # fmt: skip


def _one_span_of_time(between, first: Quantity, second: Quantity, next_word) -> bool:
    """Two figures that write one span of time together ("six years and eight months": 80 months; "two hours, 40
    minutes"): the larger part first, with nothing but its word and "and" or a comma before the second, the
    second less than one of the first's unit, and not a span of its own ("six years and eight months
    respectively", "three years, 11 months of them in solitary", "and 12 months ago"); "nine hours and 40 minutes of
    deliberation" is one span, of what it names."""
    if next_word is not None and next_word.lower_ in NOT_ONE_SPAN and not _of_what_it_names(next_word):
        return False
    if not between or between[0].lemma_.lower() not in DURATIONS or second.unit != first.unit:
        return False
    larger, smaller = first.written_unit, second.written_unit
    less_than_one = 0 < second.value < larger  # "and eight months", not "and 12 months ago"
    return (
        larger > smaller > 0
        and less_than_one
        and len(between) > 1
        and all(t.lower_ in DURATION_JOINS for t in between[1:])
    )


def _of_what_it_names(word) -> bool:
    """An "of" after a span that names what the span was of ("40 minutes of deliberation"), not a part of others
    ("11 months of them")."""
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return word.lower_ == "of" and after is not None and after.pos_ == "NOUN"


def _counted_word(run):
    """The word a figure's run hangs on: the noun it counts ("59.9%"'s "%", "11 times"' "times"), else itself."""
    root = _run_root(run)
    return root.head if root.dep_ in {"nummod", "quantmod", "compound", "nmod", "amod"} else root


def _reference_of_a_rise(theirs: frozenset[int], span) -> frozenset[int]:
    """The words a rise told after a figure is counted since or from, where the next figure's phrase (`theirs`) is
    that rise: in "on 31%, up two points since the January survey" January is the rise's, not the share's; in
    "settled at $82.10, up 1.5% on Thursday" Thursday is both figures'."""
    if not theirs or span.doc[min(theirs) - 1].lower_ not in {"up", "down"}:
        return frozenset()
    after = span.doc[max(theirs) + 1 : span.end]
    opener = next((t for t in after[:2] if t.lower_ in {"since", "from"}), None)
    return frozenset(t.i for t in opener.subtree) if opener is not None else frozenset()


def _phrase_of(following, run) -> frozenset[int]:
    """The words of the phrase of the figure after `run`, where it counts a word of its own: in "61.3%, compared
    with 59.9% in the previous election", "in the previous election" is 59.9%'s, so "previous" times that figure,
    not 61.3%. Where both figures count one word ("between three and 11 times in the previous year") or the time
    is the clause's ("down to 4.38 percent from 4.39 percent late Friday"), the time is both figures'."""
    if any(writes_a_day(t) for t in following):
        return frozenset()  # "on 12 March", "in March 2024": the figure's own date, no figure of its own
    word = _counted_word(following)
    return frozenset() if word == _counted_word(run) else frozenset(t.i for t in word.subtree)


def _range_joiner(doc, first_run, run, cues: Cues) -> str:
    """The word that makes two figures one range ("30 to 40", "30-40", "two or three", "between 30 and 40",
    "ranged from 16 cents a share to 27 cents a share"), or "" where they are two figures.

    "from 40 to 47 seats" after "rose" is a figure before and after, no range; nor are "rose by 12 to 40" and
    "rose 0.5 percent to 3.5 percent" ("lost 2-3%" is). The first figure's unit may be written again between
    them ("1 percent to 3 percent").
    """
    _, start = cues.before(first_run[0].i, SIGNS)  # "$4": the figure's words start at its sign
    _, second_start = cues.before(run[0].i, SIGNS)
    between = list(doc[first_run[-1].i + 1 : second_start])
    unit_words = [t.lower_ for t in doc[run[-1].i + 1 : run[-1].i + len(between)]]
    if len(between) > 1 and [t.lower_ for t in between[:-1]] == unit_words:
        between = between[-1:]  # "16 cents a share to 27 cents a share"
    if _an_alternative_aside(between, run):
        return "or"
    if len(between) != 1:
        return ""
    joiner, opened = between[0], cues.before(start, {"range:open"})[0]
    if joiner.lower_ == "and":
        return "and" if opened and doc[start - 1].lower_ == "between" else ""
    if not cues.at(joiner.i, "range:to"):
        return ""
    word_before = doc[start - 1] if start > 0 else None
    change = word_before is not None and (word_before.lower_ in {"from", "by"} or cues.at(word_before.i, "market:move"))
    if joiner.lower_ == "to" and change:
        return joiner.text if opened else ""  # "ranged from 16 to 27", not "rose from 40 to 47" or "rose by 12 to 40"
    return joiner.text


def _unread_first_end(unread, run, second: Quantity, cues: Cues) -> Quantity | None:
    """The range of a figure read as no quantity (`unread`, as parsed it hangs on no unit) and the figure after it
    that has one, where a range joins them: "cost between 18 million and 24 million euros, the ministry said"."""
    joiner = _range_joiner(run[0].doc, unread, run, cues) if unread is not None else ""
    return _as_range(_range_end(unread, second), second, joiner, _scale_of(run)) if joiner else None


def _an_alternative_aside(between: list, run) -> bool:
    """ "ten (or, by some counts, eleven) shots": a figure given another in brackets, with words of who says so
    and no other figure, is one range of the two."""
    doc, last = run[0].doc, run[-1].i
    closed = last + 1 < len(doc) and doc[last + 1].text == ")"
    opened = len(between) >= 2 and between[0].text == "(" and between[1].lower_ == "or"
    return opened and closed and len(between) <= MAX_ASIDE + 1 and not any(t.like_num for t in between)


def _range_end(run, first: Quantity) -> Quantity:
    """The second figure of a range, counting what the first counts, where it reads as no count of its own: the
    tagger takes "Between 30 and 40" for a date."""
    value, digits = value_of(run)
    factor = first.written_unit or 1.0  # "between 8 and 10 years": months
    return replace(first, value=value * factor, text=run[0].doc[run[0].i : run[-1].i + 1].text, bound="",
                   spread=spread_of(value, digits, False) * factor,
                   last_digit_unit=last_digit(value, digits) * factor)  # fmt: skip


def range_scale(first_run, run, cues: Cues) -> float:
    """The scale a range's first figure takes from its second where it writes none and stays the smaller end
    ("between 18 and 24 million": 18 million; "between 500 and 2 million": 500), else 1.0."""
    scale = _scale_of(run)
    if scale == 1.0 or _scale_of(first_run) != 1.0 or not _range_joiner(run[0].doc, first_run, run, cues):
        return 1.0
    try:
        return scale if value_of(first_run)[0] * scale <= value_of(run)[0] else 1.0
    except ValueError:
        return 1.0


def _scale_of(run) -> float:
    """The scale words of a figure ("3 million": 1e6), 1.0 where it writes none."""
    return math.prod(SCALES.get(t.lower_, 1.0) for t in run)


def _an_end(q: Quantity, value: float) -> Quantity:
    """One end of range `q` as an exact figure of its unit: two ranges written in two units are one where each end
    is one figure rounded in its own unit, as two exact figures are (`Quantity.allows`)."""
    return replace(q, value=value, bound="", spread=0.0)


def _as_range(first: Quantity, second: Quantity, joiner: str, scale: float) -> Quantity | None:
    """Two figures of one unit, the smaller first, joined as a range: one quantity from one to the other. A scale
    written on the second is the first's too (`scale`: "between 2 and 3 million"). Its ends are the figures as
    written, whatever hedges it ("about 30 to 40" and "between 30 and 40" are one range)."""
    one_unit = first.unit.removesuffix(WHOLE) == second.unit.removesuffix(WHOLE)  # "30-40 people"
    one_unit = one_unit or bool(first.noun) and first.noun.lower() == second.noun.lower()  # "60" counts "percent"
    low = first.value * scale if first.value * scale <= second.value else first.value
    if not one_unit or first.polarity != second.polarity or low >= second.value:
        return None
    high = second.value
    joined = joiner if joiner in {"-", "–"} else f" {joiner} "  # "30-40", "30 to 40"
    text = f"{'between ' if joiner == 'and' else ''}{first.text}{joined}{second.text}"
    # its moment where either figure's clause tells it ("Between 350 and 400 ships were waiting on Wednesday")
    when = first.when | second.when
    return replace(
        first, value=(low + high) / 2, spread=(high - low) / 2, bound="range", text=text, unit=second.unit, when=when
    )


# the grades of the two credit scales, best first: one notch apart in each (`_grades`)
CREDIT_RATING = "credit rating"
CREDIT_GRADES = {
    "letters": ("AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B", "B-",
                "CCC+", "CCC", "CCC-", "CC"),
    "moody's": ("Aaa", "Aa1", "Aa2", "Aa3", "A1", "A2", "A3", "Baa1", "Baa2", "Baa3", "Ba1", "Ba2", "Ba3", "B1", "B2",
                "B3", "Caa1", "Caa2", "Caa3", "Ca"),
}  # fmt: skip
SCORE_SCALE = 1000.0  # a score's value: the larger side's figure, then the smaller's ("3-1": 3001)


def _scores(span, cues: Cues) -> dict[int, tuple[int, Quantity]]:
    """The scores and split votes of a claim ("won 3-1", "a 2-2 draw", "voted 52-48"), by where each starts: (where
    it ends, the quantity). A pair of figures is a score next to a word of one ("a 3-1 win", "a vote of
    52-48", "a 10-2 decision", "The vote was 10-2") or just after a verb of one, before no noun: "won 30-40 seats"
    counts seats. Which side is named first differs between sources ("lost 1-3", "won 3-1"), so a score is its two
    figures, the larger first."""
    if not any(cues.at(i, "score:verb") or cues.at(i, "score:noun") for i in range(span.start, span.end)):
        return {}
    doc, found = span.doc, {}
    for start in range(span.start, span.end):
        if not cues.at(start, "score:pair"):
            continue
        end = cues.last[start, "score:pair"] + 1
        following = doc[end] if end < span.end else None
        while following is not None and following.pos_ == "ADJ" and following.i + 1 < span.end:
            following = doc[following.i + 1]  # "confirmed 3-4 new cases": a range of what the noun counts
        named = (following is not None and cues.at(following.i, "score:noun")) or (
            start - 2 >= span.start and doc[start - 1].lower_ == "of" and cues.at(start - 2, "score:noun")
        )  # "a 3-1 win", "ran out 3-1 winners", "by a vote of 52-48"
        before = doc[start - 1] if start > span.start else None
        if before is not None and before.lower_ in RANGE_OPENERS:
            continue  # "voted to raise it from 10 to 15": a change, no split
        named = named or any(t.lower_ == "votes" for t in doc[start:end])  # "by 310 votes to 265"
        # a day after it is no count: "by a vote of 9 to 4 late Wednesday"
        counts = following is not None and (following.pos_ in {"NOUN", "PROPN"} or bool(cues.at(end, "percent")))
        counts = counts and following.lower_ not in WEEKDAYS | MONTHS and following.ent_type_ not in {"DATE", "TIME"}
        if doc[start + 1].lower_ == "to" and (counts or (following is not None and cues.at(following.i, "score:noun"))):
            continue  # "2 to 3 per cent lower", "a margin of 5 to 8 points", "two to three wins": a range
        if before is not None and before.lemma_ == "be" and not counts:  # "The vote was 10-2": of the subject
            named = named or any(c.dep_ == "nsubj" and cues.at(c.i, "score:noun") for c in before.children)
        # the verb just before: "beat Bayern Munich 3-1", not "Voters aged 18-24 voted 60-40"'s "18-24"
        after_verb = any(cues.at(i, "score:verb") for i in range(max(span.start, start - 4), start))
        if not named and (not after_verb or counts):  # "voted 5-2 Thursday": a day after it counts nothing
            continue
        try:
            sides = sorted(_sides(doc[start:end]), reverse=True)
        except ValueError:
            continue  # "²-³": digits in shape only
        text = doc[start:end].text
        found[start] = (end, Quantity(sides[0] * SCORE_SCALE + sides[1], "score", "", text,
                                      last_digit_unit=1.0))  # fmt: skip
    return found


def _sides(pair) -> list[int]:
    """The two figures of a score as written ("3-1", "3–1", "seven to two", "310 votes to 265").

    ValueError where a side is a number in shape only ("²-³", "first to one")."""
    if len(pair) == 1:
        return [int(x) for x in pair.text.replace("–", "-").split("-")]
    return [int(value_of([t])[0]) for t in pair if t.like_num]


def _grades(span, cues: Cues) -> dict[int, tuple[int, Quantity]]:
    """The credit grades of a sentence on a credit rating ("cut Castellan to BB+ from BBB-", "downgraded it to Ba1"),
    by where each stands: (where it ends, the quantity), a grade counted in notches from the top of its scale
    (`CREDIT_GRADES`), each scale its own unit, the grade a change started from ("from BBB-") the one before, and
    the time words of its clause its time (a grade is cut and raised again). A grade is its agency's (`_agency`):
    grades are compared only where both name theirs and it is one (`numbers.same_quantity`)."""
    if not any(cues.at(i, "credit-rating") for i in range(span.start, span.end)):
        return {}
    found = {}
    for token in span:
        scale = cues.at(token.i, "credit-grade:")
        if not scale:
            continue
        before = span.doc[token.i - 1].lower_ if token.i > span.start else ""
        verb = _clause_verb(token)
        when = _when(list(verb.subtree) if verb is not None else span) | (PREVIOUS if before == "from" else set())
        notch = float(CREDIT_GRADES[scale].index(token.text) + 1)
        found[token.i] = (token.i + 1, Quantity(notch, f"{CREDIT_RATING}:{scale}", "", token.text, when=when,
                                                last_digit_unit=1.0, holder=_agency(token, span, cues)))  # fmt: skip
    return found


PLACE = "ranking place"  # a place in a ranking ("rose to 16th in the rankings": `_ranks`), no count of places


def _ranks(span, cues: Cues) -> dict[int, tuple[int, Quantity]]:
    """The places in a ranking a sentence gives ("Harwick rose to 16th in the Quadrant rankings", "climbed to 14th
    place", "finished third"), by where each stands: (where it ends, the quantity), held by the name the clause is
    told of, its context the words of where it was placed ("in the Quadrant rankings", "in Monaco", "for teaching")
    and its time its clause's (places are compared only where all three are one: `numbers.same_quantity`); the
    place a change started from ("up from 17th", "from 17th") is the one before, of the holder and ranking before."""
    found: dict[int, tuple[int, Quantity]] = {}
    last: Quantity | None = None  # the place the sentence gave last
    for token in span:
        place = ordinal_of(token)
        if place is None or writes_a_day(token):
            continue
        before = token.doc[token.i - 1] if token.i > span.start else None
        earlier = cues.before(token.i, PREVIOUS)[0] or (before is not None and before.lower_ == "from")
        if not (_a_place_in_a_ranking(token, cues) or (earlier and last is not None)):
            continue  # "rose to 16th, up from 17th": the place before, where the sentence gives a place
        end = token.i + 1 + (token.i + 1 < span.end and bool(cues.at(token.i + 1, "rank:noun")))
        if earlier and last is not None:  # "Harwick climbed to 16th place, up from 19th": Harwick's, in that ranking
            own = _when(token.doc[token.i + 1 : min(token.i + 6, span.end)])
            holder, context, when = last.holder, last.context, own | PREVIOUS
        else:
            holder, context, when = _named_holder(_holders(token), span), *_where_placed(token, cues)
        last = Quantity(float(place), PLACE, "", token.doc[token.i : end].text, context, when=when, noun="place",
                        last_digit_unit=1.0, holder=holder)  # fmt: skip
        found[token.i] = (end, last)
    return found


def _where_placed(token, cues: Cues) -> tuple[frozenset[str], frozenset[str]]:
    """The words of where a place was held ("in the Quadrant rankings", "at the Masters", "for teaching": the content
    words of the phrases on the ordinal, its word of place and its verb) and the time words of its clause, less a
    place before's ("up from 17th last year": last year is the 17th's)."""
    verb = _clause_verb(token)
    holders = [t for t in (token, token.head, verb) if t is not None]
    phrases = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "at", "for", "on"}]
    words = frozenset(
        t.lemma_.lower()
        for p in phrases
        for t in p.subtree
        if t.pos_ in {"NOUN", "PROPN", "ADJ"} and not t.like_num and t.ent_type_ not in {"DATE", "TIME"}
    )  # "in this year's Quadrant rankings" is the Quadrant rankings
    other_places = {t.i for t in token.sent if t != token and ordinal_of(t) is not None for t in t.head.subtree}
    clause = [t for t in (verb.subtree if verb is not None else token.sent) if t.i not in other_places]
    seasons = {_season(t) for t in clause if t.lower_ in SEASONS} - {""}  # "14th last season"
    return words, (_when(clause) | seasons) - {THIS_YEAR, SEASON + "this"}  # the present is a place's own time


def _a_place_in_a_ranking(token, cues: Cues) -> bool:
    """An ordinal that tells a place in a ranking: on a word of place ("14th place"), after a verb of ranking or
    moving in one ("ranked 16th", "rose to 16th", "finished third"), or said to be in a ranking ("is 16th in the
    rankings")."""
    head = token.head
    if cues.at(head.i, "rank:noun") and token.dep_ in {"amod", "nummod", "compound"}:
        return True
    verb = head.head if token.dep_ == "pobj" and head.lower_ in {"to", "at", "from", "in"} else head
    if cues.at(verb.i, "rank:verb") and token.dep_ in {"advmod", "npadvmod", "dobj", "attr", "oprd", "acomp", "pobj"}:
        return True
    # "is 16th in the rankings", however the parser hangs the ranking on the verb
    return (
        token.dep_ in {"attr", "acomp"} and head.lemma_ == "be" and any(cues.at(t.i, "rank:list") for t in head.subtree)
    )


def _agency(grade, span, cues: Cues) -> str:
    """The agency whose grade it is: the one after "by" right after it ("rated BB+ by S&P"), else the one named last
    before it ("Sterling Ratings cut Castellan to BB+"), else the sentence's one ("cut to BB+, S&P said"); "" for
    none named."""
    doc = span.doc
    named = [
        doc[i : cues.last[i, "credit-agency"] + 1] for i in range(span.start, span.end) if cues.at(i, "credit-agency")
    ]
    named = [n for n in named if not any(o.start < n.start < o.end for o in named)]  # "S&P Global Ratings", whole
    after_by = [n for n in named if n.start == grade.i + 2 and doc[grade.i + 1].lower_ == "by"]
    before = [n for n in named if n.end <= grade.i]
    chosen = after_by or before[-1:] or (named if len(named) == 1 else [])  # "cut to BB+ on Tuesday, S&P said"
    return chosen[0].text.rstrip(".") if chosen else ""


def _ratio_whole(run, cues: Cues) -> float:
    """The whole a figure counts its part in ("one in five", "3 out of 10": 5, 10), or 0.0."""
    start = run[0].i
    if not cues.at(start, "ratio") or cues.last[start, "ratio"] <= run[-1].i:
        return 0.0
    return _a_ratio_whole(run[0].doc[cues.last[start, "ratio"]])


def _a_ratio_whole(token) -> float:
    """The figure a ratio counts its part in, or 0.0 where it is a span or a year ("killed 8 in 24 hours", "1,695 in
    2023")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and after.lemma_.lower() in DURATIONS or _a_year(token):
        return 0.0
    try:
        return value_of([token])[0]
    except ValueError:
        return 0.0


def _spans_and_a_half(span, cues: Cues) -> dict[int, tuple[int, Quantity]]:
    """Spans of time written in words alone ("a year and a half": 18 months, as exact as "18 months": a court's
    sentence), by where each starts: (where it ends, the quantity)."""
    doc, found = span.doc, {}
    for start in range(span.start, span.end):
        if cues.at(start, "span-and-a-half") and doc[start + 1].lemma_.lower() in DURATIONS:
            unit, factor = DURATIONS[doc[start + 1].lemma_.lower()]
            end = cues.last[start, "span-and-a-half"] + 1
            context = _context(_span_phrase(doc[start + 1]), cues, _no_word_of_a_span)
            found[start] = (end, Quantity(1.5 * factor, unit, "", doc[start:end].text, context,
                                          noun=doc[start + 1].text, last_digit_unit=factor / 2))  # fmt: skip
    return found


def extract_quantities(span, cues: Cues | None = None) -> list[Quantity]:
    """The counted quantities of a claim's tokens (a spaCy span), in the order they stand; a conversion in
    brackets (`conversion_unit`) is the quantity before it in other units, in its group."""
    cues, found = cues or line_cues(span.doc), []
    for i in range(span.start, span.end):
        if cues.at(i, "zero-against"):  # "none against": zero votes against
            found.append(Quantity(0.0, "vote", "against", span.doc[i : i + 2].text, noun="votes"))
    after = None  # where the last quantity's figure ends
    # phrases read whole, their figures no figures of their own: "won 3-1", "a year and a half"
    found_phrases = _scores(span, cues) | _spans_and_a_half(span, cues) | _grades(span, cues) | _ranks(span, cues)
    phrases = sorted(found_phrases.items(), reverse=True)
    in_phrases = {i for start, (end, _) in phrases for i in range(start, end)}
    # the whole of a ratio is no count of its own: "one in five applications"
    ends = (cues.last[i, "ratio"] for i in range(span.start, span.end) if cues.at(i, "ratio"))
    wholes = {i for i in ends if _a_ratio_whole(span.doc[i])}
    runs = [run for run in figure_runs(span, cues) if run[0].i not in in_phrases and run[-1].i not in wholes]
    market = _a_market(span, cues)
    unread = None  # the last figure read as no quantity of its own, where it is the one just before
    for k, run in enumerate(runs):
        while phrases and phrases[-1][0] < run[0].i:  # in the order they stand
            found.append(replace(phrases.pop()[1][1], group=len(found)))
            after = None
        theirs = _phrase_of(runs[k + 1], run) if k + 1 < len(runs) else frozenset()
        unit = conversion_unit(run, cues, span, after) if found else ""
        if unit:  # the quantity before, in other units: one group, compared in whichever unit both sides give
            converted = _in_other_units(run, unit, found[-1], span, cues)
            found += [converted] if converted is not None else []
            continue
        joiner = _range_joiner(span.doc, runs[k - 1], run, cues) if after == runs[k - 1][-1].i + 1 else ""
        try:
            quantity = _quantity(run, cues, span, found, theirs, market) or (
                _range_end(run, found[-1]) if joiner else None
            )
        except ValueError:
            continue  # "first", "1/2": like a number, but no count
        if quantity is None:
            if after is not None and found and _told_in_two_units(span.doc[after : run[0].i], found[-1], run):
                found.pop()  # "6ft 7ins", "15st 2lb" read in part: its first unit alone is no measure of it
                after = None
            unread = run
            continue
        ranged = _unread_first_end(unread, run, quantity, cues) if unread is runs[k - 1] else None
        unread = None
        if ranged is not None:  # "between 18 million and 24 million euros": the unit written on the second only
            found.append(replace(ranged, group=len(found)))
            after = run[-1].i + 1
            continue
        if _after_its_unread_figure(run, span) and conversion_unit(run, cues, span):
            quantity = _rounded_conversion(quantity, run)  # "a 12m-wide (40ft) crater"
        next_word = span.doc[run[-1].i + 2] if run[-1].i + 2 < span.end else None  # after the figure's noun
        rangeable = joiner and found[-1].bound in {"", "approximate"}
        ranged = _as_range(found[-1], quantity, joiner, _scale_of(run)) if rangeable else None
        if ranged is not None:
            found[-1] = ranged
        elif after is not None and (length := _in_two_units(span.doc[after : run[0].i], found[-1], quantity)):
            found[-1] = length
        elif after is not None and _told_in_two_units(span.doc[after : run[0].i], found[-1], run):
            found[-1] = quantity  # a second figure of no unit that joins it ("6 feet 7 tall"): neither is read
            continue
        elif after is not None and _one_span_of_time(span.doc[after : run[0].i], found[-1], quantity, next_word):
            joined = f"{found[-1].text} {span.doc[after : run[0].i].text} {quantity.text} {quantity.noun}"
            total = found[-1].value + quantity.value  # told to the nearest of its smaller unit
            found[-1] = replace(
                found[-1], value=total, text=joined, noun=quantity.noun, written_unit=quantity.written_unit
            )
        else:
            found.append(replace(quantity, group=len(found)))
        after = run[-1].i + 1
    found += [replace(quantity, group=len(found) + k) for k, (_, (_, quantity)) in enumerate(reversed(phrases))]
    return _running_counts([quantity.in_metric_units() for quantity in found])


def _in_two_units(between, larger: Quantity, smaller: Quantity) -> Quantity | None:
    """ "5 feet 10 inches", "6ft 7in", "15st 2lb", "7lb 8oz": one measure in its larger unit, told to the smaller,
    where only the larger's word stands between the two (its smaller part was left out of it, and "14 feet" was set
    against "4.5 metres"); "reached 9 feet and dumped 8 inches of rain" is two."""
    parts = TWO_UNIT_MEASURES.get((larger.unit, smaller.unit))
    if parts is None or not 0 <= smaller.value < parts or len(between) != 1:
        return None
    text = f"{larger.text} {between.text} {smaller.text}"
    return replace(larger, value=larger.value + smaller.value / parts, text=text, noun=smaller.noun,
                   last_digit_unit=1 / parts, spread=0.0)  # fmt: skip


def _told_in_two_units(between, larger: Quantity, run) -> bool:
    """A figure in a unit a measure is told in with a smaller one ("6 feet", "15st") right before another figure:
    the measure's second part, whether read ("6ft 7ins", "6 foot 7") or not."""
    smaller = any(larger.unit == big for big, _ in TWO_UNIT_MEASURES)
    return smaller and len(between) == 1 and run[0].like_num and not larger.bound


def _running_counts(found: list[Quantity]) -> list[Quantity]:
    """ "Six shots can be heard, followed by a pause before four more": a figure more of its unit are added to in
    its sentence is the count so far, a part of the sentence's total, so at least that many. ("The other three"
    of "four backed it, the other three did not" are another part of a group, not more of one count; "five men on
    Monday and another two on Tuesday", "two killed in Kabul and three others in Kandahar" are counts of a day or
    a place of their own.)"""
    counts = list(found)
    for k, more in enumerate(found):
        if not more.increment or more.rest:
            continue
        before = [
            j
            for j in range(k)
            if counts[j].unit == more.unit
            and not counts[j].increment
            and not counts[j].risen  # "the toll rose to 26 after three more died": the total with them
            and counts[j].when >= more.when
            and counts[j].places >= more.places
        ]
        if before and not counts[before[-1]].bound:
            counts[before[-1]] = replace(counts[before[-1]], bound="lower")
    return counts
