"""`date` check: the same event placed on different days or dates.

Weekdays are compared after anchoring to each article's publication date
(see claims.py); explicit dates are compared as written, a date with a year
with a weekday through the calendar, and a date without a year never with a
weekday (it could fall on any). A weekday right after a reporting verb ("the
government said Sunday") dates the statement, not the event, and is left out.
Two claims need days on both sides that all disagree, at least one shared
actor (or dates written out on both sides and a very high similarity) and a high similarity, since one article
often reports several days' events. A weekday written with its date ("Tuesday,
June 24") is one day; one counted from another event ("on Thursday, a day after
the shooting") dates neither.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from checker.checks.base import Check, CheckSetting
from checker.checks.text import MONTH_NAMES, MONTHS, STOP, WEEKDAY_NAMES, WEEKDAYS, blank
from checker.entities import share_entity
from checker.records import Claim, Evidence

ANCHORED = re.compile(rf"\b({WEEKDAY_NAMES}) \((\d{{4}}-\d{{2}}-\d{{2}})\)")
WEEKDAY = re.compile(rf"\b({WEEKDAY_NAMES})\b")
DATE = re.compile(
    rf"\b(?:(?P<month>{MONTH_NAMES}) (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}}) (?P<month2>{MONTH_NAMES})(?: (?P<year2>\d{{4}}))?)\b"
)
WEEKDAY_BEFORE = re.compile(rf"\b({WEEKDAY_NAMES}),? (?:the )?$")  # "Tuesday, June 24": one day, two ways
REPORTED = re.compile(
    rf"\b(?:said|says|announced|reported|confirmed|stated|added|told [A-Za-z]+)"
    rf"(?: on| late| early| later)? (?:{WEEKDAY_NAMES})\b(?!['’]s)"  # not "said Monday's attack"
)
# "On Tuesday, Central Command said ...": a sentence that opens with the day of its statement
STATEMENT_FIRST = re.compile(
    rf"^\W*(?:(?:On|Late|Early|Later) )?(?:{WEEKDAY_NAMES})\b(?: \(\d{{4}}-\d{{2}}-\d{{2}}\))?"
    r"(?=,? [^,;]{0,60}?\b(?:said|says|announced|reported|confirmed|stated|told)\b)"
)
# "the trial began on February 24" / "The trial, which began on March 3": a thing and what it did on
# a day, named alike on both sides, is one event however different the rest of the two sentences
EVENT_VERBS = {"began": "begin", "begun": "begin", "begins": "begin", "started": "start", "starts": "start",
               "opened": "open", "opens": "open", "ended": "end", "ends": "end", "resumed": "resume",
               "took place": "take place", "was held": "hold", "were held": "hold", "broke out": "break out",
               "is scheduled": "schedule", "was scheduled": "schedule", "is due": "due"}  # fmt: skip
EVENT_DAY = re.compile(
    rf"\b(?P<noun>[A-Za-z][a-z]{{2,}})(?:,? (?:which|that))? (?:(?:has|had) )?"
    rf"(?P<verb>{'|'.join(EVENT_VERBS)}) (?:on|for) (?:(?P<weekday>{WEEKDAY_NAMES})(?:,? (?:the )?)?)?"
    rf"(?P<date>(?:{MONTH_NAMES}) \d{{1,2}}\b|\d{{1,2}} (?:{MONTH_NAMES})\b)?(?P<year>,? \d{{4}})?"
)
# "applauded him on Thursday, a day after he shot a gunman": the day of one event, counted from another
RELATIVE = re.compile(
    rf"\b(?:{WEEKDAY_NAMES})\b(?: \(\d{{4}}-\d{{2}}-\d{{2}}\))?,? (?:a|one|two|three|the) days? (?:after|before)\b"
)


@dataclass(frozen=True)
class Day:
    """A day as a sentence gives it: any of its parts may be unknown."""

    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None

    def conflicts(self, other: Day) -> bool | None:
        """True or False where the two can be compared, None where they cannot."""
        if self.month and other.month:
            if (self.month, self.day) != (other.month, other.day):
                return True
            return bool(self.year and other.year and self.year != other.year)
        if self.weekday is not None and other.weekday is not None:
            return self.weekday != other.weekday
        return None


def _full_date(text: str, year: int, month: int, day: int) -> Day:
    try:
        weekday = datetime.date(year, month, day).weekday()
    except ValueError:
        return Day(text, month, day, year)
    return Day(text, month, day, year, weekday)


def event_days(claim: Claim) -> list[Day]:
    """Days the claim places its event on; the days of statements ("said Sunday") are not among them."""
    standalone = blank(RELATIVE, blank(STATEMENT_FIRST, blank(REPORTED, claim.standalone)))
    text = blank(RELATIVE, blank(STATEMENT_FIRST, blank(REPORTED, claim.text)))
    days = []
    for m in ANCHORED.finditer(standalone):
        try:
            iso = datetime.date.fromisoformat(m.group(2))
        except ValueError:
            continue  # "Monday (2015-02-30)" written in an article, not an anchor of ours
        days.append(_full_date(m.group(), iso.year, iso.month, iso.day))
    anchored = bool(days)
    named_weekdays = set()  # starts of weekdays written as part of a date
    for m in DATE.finditer(text):
        month = MONTHS.index(m.group("month") or m.group("month2")) + 1
        day = int(m.group("day") or m.group("day2"))
        year = m.group("year") or m.group("year2")
        weekday = WEEKDAY_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        if year:
            days.append(_full_date(m.group(), int(year), month, day))
        elif weekday:
            named_weekdays.add(m.start() - len(weekday.group()))
            days.append(Day(f"{weekday.group()}{m.group()}", month, day, weekday=WEEKDAYS.index(weekday.group(1))))
        else:
            days.append(Day(m.group(), month, day))
    if not anchored:
        days += [
            Day(m.group(), weekday=WEEKDAYS.index(m.group()))
            for m in WEEKDAY.finditer(text)
            if m.start() not in named_weekdays
        ]
    return days


def dated_events(text: str) -> dict[str, Day]:
    """Events named with their day ("the trial began on February 24"), by thing and verb: "trial:begin"."""
    events: dict[str, Day] = {}
    repeated = set()
    for m in EVENT_DAY.finditer(text):
        noun = m.group("noun").lower()
        if not (m.group("weekday") or m.group("date")) or m.group("year") or noun in STOP:
            continue  # no day, or a date of some past year ("first opened on June 5, 1974")
        weekday = m.group("weekday")
        date = DATE.match(m.group("date")) if m.group("date") else None
        month = MONTHS.index(date.group("month") or date.group("month2")) + 1 if date else None
        day = int(date.group("day") or date.group("day2")) if date else None
        written = f"{noun} {text[m.start('verb') : m.end()].strip(', ')}"  # "trial began on March 3"
        weekday_index = WEEKDAYS.index(weekday) if weekday else None
        key = f"{noun}:{EVENT_VERBS[m.group('verb')]}"
        if key in events:
            repeated.add(key)
        events[key] = Day(written, month, day, weekday=weekday_index)
    return {key: day for key, day in events.items() if key not in repeated}  # "a second trial began on ..."


@dataclass(frozen=True)
class Days:
    """The days a claim places its event on, and its events named with their day ("trial:begin")."""

    days: tuple[Day, ...]
    events: dict[str, Day]


class DateCheck(Check):
    """Days that differ between two alike claims, or the days of one event the two name alike."""

    kind = "date"
    rule = "The two claims place the same event on different days."
    order = 30
    annotation = Days
    settings = (
        CheckSetting(
            "min_similarity",
            0.75,
            "Pair cosine needed before differing days count, since one article reports many days' events:"
            " chosen on the seeds and clusters, where same-event restatements sit above it.",
        ),
        CheckSetting(
            "same_event_similarity",
            0.9,
            "Above this cosine, two claims that both write out dates tell the same event even where the"
            " tagger found no actor in one of them (a company name it does not know).",
        ),
    )
    evidence = {
        "description": "Days or dates each side gives (weekdays anchored to the publication date when known).",
        "required": ["a", "b"],
        "properties": {
            "a": {"type": "array", "items": {"type": "string"}},
            "b": {"type": "array", "items": {"type": "string"}},
        },
    }

    def annotate(self, claim: Claim, tokens) -> Days:
        return Days(tuple(event_days(claim)), dated_events(claim.text))

    def pairing_keys(self, claim: Claim) -> set[str]:
        """Claims dating the same event are paired however unalike."""
        return {f"event:{key}" for key in self.mine(claim).events}

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        written = self._written_days(a, b, similarity) if similarity >= self.setting("min_similarity") else None
        return written or self._same_event_days(a, b)

    def _same_event_days(self, a: Claim, b: Claim) -> Evidence | None:
        """Days of one dated event; not between claims set among different people or places (Texas, Georgia)."""
        if a.entities and b.entities and not share_entity(a.entities, b.entities):
            return None
        events_b = self.mine(b).events
        for key, x in self.mine(a).events.items():
            y = events_b.get(key)
            if y and x.conflicts(y):
                detail = {"a": [x.text], "b": [y.text]}
                return Evidence(self.kind, True, detail, f"{x.text} vs {y.text}")
        return None

    def _written_days(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        days_a, days_b = self.mine(a).days, self.mine(b).days
        verdicts = [x.conflicts(y) for x in days_a for y in days_b]
        if not verdicts or not all(verdicts):  # no days, a day in common, or one that cannot be compared
            return None
        written_dates = all(d.month for d in days_a + days_b)
        same_event = written_dates and similarity >= self.setting("same_event_similarity")
        if not share_entity(a.entities, b.entities) and not same_event:
            return None
        detail = {"a": sorted({d.text for d in days_a}), "b": sorted({d.text for d in days_b})}
        return Evidence(self.kind, True, detail, f"{', '.join(detail['a'])} vs {', '.join(detail['b'])}")
