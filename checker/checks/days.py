"""Days as the parse writes them: the calendar parts (weekday, day, month, year) of a claim's dates.

The words of a date are the tagger's DATE and TIME entities (and a weekday it
left out of every entity), mended where the parse splits one ("Saturday, 11
October"); each is read into the days it writes ("Tuesday to Monday" writes
two). What the `date` check then compares is in `checker/checks/dates.py`.

No check of its own: `checker.checks.discover` finds no `Check` here.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from checker.checks.calendar import MONTH_NUMBERS, RELATIVE_DAYS, WEEKDAYS
from checker.patterns import matches_in

DATE_LABELS = {"DATE", "TIME"}
WEEKDAY_NUMBERS = {name.lower(): number for number, name in enumerate(WEEKDAYS)}
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")  # "the 3rd"
# A two-digit year above this is of the 1900s ("29/11/98"), else of the 2000s ("4/12/26"): news of today
# writes its own decade that way, and an archive's dates of the late 1900s.
TWO_DIGIT_PIVOT = 50


@dataclass(frozen=True, slots=True)
class Day:
    """A day (or a month) as a sentence gives it: any of its parts may be unknown."""

    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None
    # Days from the one written that the day may be where the event took place: "at 0030 GMT on Friday" may be
    # late on Thursday there (-1), "at 2300 GMT on Monday" early on Tuesday (+1).
    local_shifts: tuple[int, ...] = ()
    # the word that named the day from the day of writing ("yesterday"), where one did
    counted_as: str = ""

    def conflicts(self, other: Day) -> bool | None:
        """True or False where the two can be compared, None where they cannot.

        One word counted from two days of writing ("yesterday" in copy reposted the next day, or dated in two
        time zones) is the copy's word, no two days.

        A month alone agrees with any day of it: "in March" and "on March 5" tell one month. A day given in
        universal time agrees with the local days it may be (`local_shifts`).
        """
        if self.counted_as and self.counted_as == other.counted_as:
            return None
        verdicts = [mine._conflicts(theirs) for mine in self._local_days() for theirs in other._local_days()]
        return False if False in verdicts else verdicts[0]

    def _local_days(self) -> list[Day]:
        """This day and the local days it may be: a weekday, or a day of a month, moved by each shift."""
        days = [self]
        for shift in self.local_shifts:
            if self.month and self.day:
                try:  # a day of no year written is moved in a leap year, so 29 February stays a day
                    moved = datetime.date(self.year or 2000, self.month, self.day) + datetime.timedelta(days=shift)
                except ValueError:
                    continue
                weekday = None if self.weekday is None else moved.weekday()
                days.append(Day(self.text, moved.month, moved.day, self.year and moved.year, weekday))
            elif self.weekday is not None and not self.month:
                days.append(Day(self.text, weekday=(self.weekday + shift) % 7))
        return days

    def _conflicts(self, other: Day) -> bool | None:
        if self.month and other.month:
            if self.month != other.month or (self.day and other.day and self.day != other.day):
                return True
            if self.year and other.year and self.year != other.year:
                return True
            # one day of one month told as two weekdays ("Tuesday, Oct. 9" / "Thursday, Oct. 9"): one of the two is
            # wrong, whichever year the one with none is of
            weekdays = {self.weekday, other.weekday}
            return bool(self.day and other.day and None not in weekdays and len(weekdays) == 2)
        if self.weekday is not None and other.weekday is not None:
            return self.weekday != other.weekday
        if self.year and other.year and not (self.month or other.month):
            return self.year != other.year  # years alone: "in 2014" / "in 2015"
        return None


@dataclass(frozen=True, slots=True)
class WrittenDay:
    """A day as the parse gives it: its calendar parts and the tokens that wrote them."""

    parts: dict[str, int]
    tokens: tuple  # spaCy tokens, first to last

    @property
    def text(self) -> str:
        first, last = self.tokens[0], self.tokens[-1]
        return first.doc[first.i : last.i + 1].text

    def day(self, published: datetime.date | None, ahead: bool = False) -> Day | None:
        """The Day this writes; a lone weekday anchored to `published`: the most recent such day, or with
        `ahead` the next one from it (a day to come: "will vote on Monday"; on a Monday, that day)."""
        if self.parts.keys() == {"relative"}:  # "yesterday" alone: a day only where the article's date is known
            if not published:
                return None
            named = published + datetime.timedelta(days=self.parts["relative"])
            written = _full_date(f"{self.text} ({named.isoformat()})", named.year, named.month, named.day)
            return replace(written, counted_as=self.tokens[0].lower_)
        # "today, March 11": the date written is the day
        month, day, year, weekday = (self.parts.get(k) for k in ("month", "day", "year", "weekday"))
        if month and not year and published and self._after_last():
            year = published.year - (month >= published.month)  # "last September" said in June 2025: 2024
        if month and day and year:
            return _full_date(self.text, year, month, day)
        if month:
            return Day(self.text, month, day, year, weekday)
        if weekday is None:
            return None  # a number alone ("24 hours", "2015-02-30"), no day of the calendar
        if published:
            first = self.tokens[0]
            anchored = anchor_weekday(weekday, published, ahead, said_next(first), said_last(first))
            return _full_date(f"{self.text} ({anchored.isoformat()})", anchored.year, anchored.month, anchored.day)
        return Day(self.text, weekday=weekday)

    def _after_last(self) -> bool:
        """The day is written after "last" ("last September"): the most recent such month before the article."""
        return said_last(self.tokens[0])


def anchor_weekday(
    weekday: int, published: datetime.date, ahead: bool = False, after: bool = False, before: bool = False
) -> datetime.date:
    """The most recent such weekday (Monday 0) on or before the publication date (news reports the past), or with
    `ahead` the next on or after it (a day to come: "will be published on Thursday"); with `after` too, the next
    after it ("next Monday" said on a Monday is a week on); with `before`, the last before it ("last Monday" said
    on a Monday is a week ago)."""
    if ahead:
        days = (weekday - published.weekday()) % 7
        return published + datetime.timedelta(days=days or (7 if after else 0))
    days = (published.weekday() - weekday) % 7
    return published - datetime.timedelta(days=days or (7 if before else 0))


def said_next(first) -> bool:
    """The weekday (its token) follows "next": "next Monday"."""
    return first.i > 0 and first.nbor(-1).lower_ == "next"


def said_last(first) -> bool:
    """The day (its first token) follows "last": "last Monday", "last September"."""
    return first.i > 0 and first.nbor(-1).lower_ == "last"


def _full_date(text: str, year: int, month: int, day: int) -> Day:
    try:
        weekday = datetime.date(year, month, day).weekday()
    except ValueError:
        return Day(text, month, day, year)
    return Day(text, month, day, year, weekday)


def calendar_part(token) -> tuple[str, int] | None:
    """What a token of a date gives: ("weekday", 0-6), ("month", 1-12), ("day", 1-31) or ("year", n)."""
    word = token.lower_.rstrip(".")
    if word in WEEKDAY_NUMBERS:
        return "weekday", WEEKDAY_NUMBERS[word]
    if word in RELATIVE_DAYS:
        return "relative", RELATIVE_DAYS[word]
    if word in MONTH_NUMBERS:
        return "month", MONTH_NUMBERS[word]
    digits = word[:-2] if word.endswith(ORDINAL_SUFFIXES) else word
    if not (digits.isascii() and digits.isdigit()):  # "4²" and "٤" are digits int() or a date cannot take
        return None
    if len(digits) == 4:
        return "year", int(digits)
    return ("day", int(digits)) if 1 <= int(digits) <= 31 else None


def numeric_dates(tokens) -> list[tuple[range, dict[str, int]]]:
    """Dates written in figures (`checker/patterns/dates.jsonl`, "numeric-date:"), each with the tokens it takes and
    its calendar parts: "2026-11-29", and "29/11/2026" or "11/29/26" where the order of its day and month is plain
    (one of them is over 12, or both are one). "4/12/2026" is 4 December in Britain and April 12 in the US, so it
    writes no day: a date read the wrong way round would be a false discrepancy."""
    found = []
    for match in matches_in(tokens, "dates"):
        if not match.label.startswith("numeric-date:"):
            continue
        doc = tokens.doc
        if match.label.endswith(":ymd"):
            year, month, day = (int(doc[i].text) for i in (match.start, match.start + 2, match.start + 4))
        else:
            first, second, year = (int(n) for n in doc[match.start].text.split("/"))
            year += (1900 if year > TWO_DIGIT_PIVOT else 2000) if year < 100 else 0  # "29/11/98": 1998
            if first > 12 >= second or first == second:
                day, month = first, second
            elif second > 12 >= first:
                day, month = second, first
            else:
                continue
        try:
            datetime.date(year, month, day)  # "2015-02-30" is no day
        except ValueError:
            continue
        found.append((range(match.start, match.end), {"day": day, "month": month, "year": year}))
    return found


def _reach(words):
    """The span of the doc from a date's first word to its last."""
    return words[0].doc[words[0].i : words[-1].i + 1]


def written_days(words) -> list[WrittenDay]:
    """The days a date's words write: "Tuesday, June 24" is one, "Tuesday to Monday" two, "2026-11-29" one."""
    found: list[WrittenDay] = []
    numeric = {taken.start: (taken, parts) for taken, parts in numeric_dates(_reach(words))} if words else {}
    inside = {i for taken, _ in numeric.values() for i in taken}
    for token in words:
        if token.i in numeric:
            taken, parts = numeric[token.i]
            found.append(WrittenDay(parts, tuple(token.doc[taken.start : taken.stop])))
        if token.i in inside:
            continue
        part = calendar_part(token)
        if part is None:
            continue
        name, value = part
        if found and name not in found[-1].parts:
            found[-1] = WrittenDay(found[-1].parts | {name: value}, (*found[-1].tokens, token))
        else:
            found.append(WrittenDay({name: value}, (token,)))
    return [d for d in found if {"month", "weekday", "relative"} & d.parts.keys()]


def _is_month(token) -> bool:
    return token.lower_.rstrip(".") in MONTH_NUMBERS


def _a_dated_month(token) -> bool:
    """A month the tagger left out of every entity, with a day or a year on it: "in the early hours of September
    15, 2024", in a long sentence. A capitalised month word with no number may be a name ("Theresa May")."""
    numbered = any(c.dep_ == "nummod" and calendar_part(c) is not None for c in token.children)
    return token.text[:1].isupper() and _is_month(token) and numbered


def dates_of(tokens) -> list[list]:
    """The words of each date of the claim: the tagger's DATE and TIME entities, any weekday it left out of
    every entity (a weekday in a name, "the Sunday Times", is no day), a month with a day or year it left out,
    and dates written in figures.

    The parse mends what the tagger splits: in "Saturday, 11 October" the month is set beside
    (`appos`) its weekday, and its day number (`nummod`) was tagged a CARDINAL; in "Oct. 3, a Saturday" the
    weekday beside its day.
    """
    spans = [e for e in tokens.ents if e.label_ in DATE_LABELS]
    spans += [
        tokens.doc[t.i : t.i + 1] for t in tokens if not t.ent_type_ and (t.text in WEEKDAYS or _a_dated_month(t))
    ]
    # a date in figures the tagger took for something else ("29/11/2026" as a facility, "4/12/26" as a number)
    spans += [
        tokens.doc[taken.start : taken.stop]
        for taken, _ in numeric_dates(tokens)
        if not any(tokens.doc[i].ent_type_ in DATE_LABELS for i in taken)
    ]
    dates: list[list] = []
    for span in sorted(spans, key=lambda s: s.start):
        numbers = [c for t in span if _is_month(t) for c in t.children if c.dep_ == "nummod" and c not in span]
        words = sorted([*span, *numbers], key=lambda t: t.i)
        root = span.root
        # "Saturday, 11 October" (the month beside its weekday) and "Oct. 3, a Saturday" (the weekday beside its day)
        beside = _is_month(root) or root.text in WEEKDAYS
        if dates and root.dep_ == "appos" and beside and root.head in dates[-1]:
            dates[-1] = sorted([*dates[-1], *words], key=lambda t: t.i)
        else:
            dates.append(words)
    return dates


def is_date_word(token) -> bool:
    """A word of a date: of the tagger's DATE and TIME entities, or a weekday it left out of every entity."""
    return token.ent_type_ in DATE_LABELS or (not token.ent_type_ and token.text in WEEKDAYS)


def verb_of(token):
    """The verb a word of a date modifies: "on Thursday" → "applauded", "Monday's attack killed" → "killed". A
    word before the marker of a clause the parser hung it on is the verb's that clause hangs on: "reconnected
    before 2 a.m. Wednesday, nine hours after the outage began" dates the reconnection."""
    word = token
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return verb_of(token.head) if before_its_clause(word, token) else token


def before_its_clause(word, verb) -> bool:
    """A word hung on the verb of a clause ("after the outage began") but written before the clause's marker."""
    marker = next((c for c in verb.children if c.dep_ == "mark"), None)
    return verb.dep_ == "advcl" and marker is not None and word.i < marker.i < verb.i


def looks_ahead(first, marked: frozenset[int]) -> bool:
    """The day (its first word) is one to come: it or its verb is marked by a cue of the future ("next
    Monday", "will vote on Monday", "said talks would begin on Monday", "the truce runs until midnight on Monday":
    a verb of a schedule in the present), or its verb completes a marked one ("is set to vote on Monday"), not in
    the past ("will travel after the talks ended on Monday")."""
    verb = verb_of(first)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i not in marked:
        verb = verb_of(verb.head)  # "will stage a strike starting on Friday": the strike's verb tells when
    completes = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ not in {"VBD", "VBN"})
    return bool({first.i, verb.i} & marked) or (completes and verb.head.i in marked)


def slot_day(run, published: datetime.date | None, ahead: frozenset[int] = frozenset()) -> Day | None:
    """The day a run of date words writes first, a year alone ("in 2014"), or None ("24 hours", "last year");
    `ahead`: the words a cue of the future marks (`looks_ahead`)."""
    written = written_days(run)
    if written:
        return written[0].day(published, looks_ahead(written[0].tokens[0], ahead))
    years = [value for name, value in filter(None, map(calendar_part, run)) if name == "year"]
    return Day(run[0].doc[run[0].i : run[-1].i + 1].text, year=years[0]) if years else None


def _entity_of(token):
    """The span of the entity `token` is in."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def writes_a_day(token) -> bool:
    """A word of a calendar date: a year, or the day of a month or a weekday ("June 24"'s "24", "in 2014"),
    in a DATE or TIME entity; not a figure of a span of time ("20 years later", "the first six months of
    2014", "the age of 84"), which is the `number` check's."""
    if token.ent_type_ not in DATE_LABELS:
        return False
    part = calendar_part(token)
    if part is not None and part[0] == "year":
        return True
    return token.i in {t.i for day in written_days(_entity_of(token)) for t in day.tokens}  # "June 24"'s "24"


def writes_a_time(token) -> bool:
    """A word of a time of day written alone ("4" of "reported at 4 p.m.", `clock_alone`): in one wording the
    `date` check compares it as a time, not the `number` check as a figure (one changed time was two findings)."""
    return token.ent_type_ == "TIME" and clock_alone(_entity_of(token).text) is not None


CLOCK_TIME = re.compile(r"(\d{1,2})[:.]?(\d{2})?\s*([ap])?", re.IGNORECASE)  # a clock's words ("10:33 a.m.")
# A clock time and nothing else: "4:40 a.m.", "4.40pm", "16:40", "6 p.m." (not "6", "1018 GMT" or "4:40 a.m. ET")
CLOCK_ALONE = re.compile(r"\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?m\b\.?)?|\s*[ap]\.?m\b\.?)", re.IGNORECASE)


def clock(text: str) -> str:
    """A time of day on a 24-hour clock, its zone left out: "6 p.m.", "6pm" and "18:00" are one moment,
    "1018 GMT" is "10:18". (A time in two zones, "18:00 local time (00:00 BST)", is both its moments.)"""
    hours, minutes, half = CLOCK_TIME.match(text).groups()
    hour = int(hours) % 12 + (12 if half and half.lower() == "p" else 0) if half else int(hours)
    return f"{hour:02d}:{minutes or '00'}"


def clock_alone(text: str) -> tuple[str, ...] | None:
    """The times of day on a 24-hour clock `text` may be, where it is a clock time and nothing else, no zone or
    day with it (a time in another zone is the same moment written otherwise); else None. One time, or two
    where it leaves morning and afternoon open: "3:30" may be 03:30 or 15:30, "3:30 p.m." and "15:30" may not."""
    text = text.strip()
    if not CLOCK_ALONE.fullmatch(text):
        return None
    moment = clock(text)
    hours, _, half = CLOCK_TIME.match(text).groups()
    if half or hours.startswith("0") or not 1 <= int(hours) <= 12:
        return (moment,)
    return tuple(sorted({moment, f"{(int(hours) + 12) % 24:02d}{moment[2:]}"}))
