"""`date` check: the same event placed on different days, dates or months.

Days come from the parse: the tagger's DATE and TIME entities (and a weekday
it left untagged), read into their calendar parts (weekday, day, month, year).
A lone weekday is anchored to its article's publication date when known (see
`Claim.published`): the last such day, or the next where the sentence looks ahead ("will vote on Monday",
"is set to meet Friday", "next Tuesday"); "yesterday", "today" and "tomorrow" are counted from it, and are
no day where it is not known; a date is compared as written, a date with a year with a
weekday through the calendar, a date without a year never with a weekday (it
could fall on any), and a month alone ("in March", "since March 2006") with
another month: "in March" and "on March 5" agree, "in February" does not. Months of no day
that time figures the claims give apart ("Inflation rose to 3.4% in May" / "Inflation was 3.1%
in April") are two months' figures, no event's two dates. A day
set at a time in universal time ("at 0030 GMT on Friday") agrees with the local
days it may be where the event took place ("late on Thursday").

Which days are left out is read from the dependency tree: a day that starts a
stretch of time ("four times since June") or the day a count was taken ("as of
Tuesday") is no event's, and the day a reporting
verb (`checker/patterns/reporting.jsonl`) reports its statement on ("the
government said Sunday", "On Tuesday, Central Command said ...") is not the day
of the event, and a day counted from another event ("on Thursday, a day after
the shooting", `checker/patterns/dates.jsonl`) dates neither. A day inside
"after", "before", "following", "ahead of" or "prior to" dates the event it
names ("After the attack on Friday, police closed the road": the attack's day),
compared only with days of that event. Two claims need
days on both sides that all disagree, at least one shared actor (or dates
written out on both sides and a very high similarity) and a high similarity,
since one article often reports several days' events.

A thing and what it did on a day ("the trial began on February 24": the
subject of an event verb from `checker/patterns/dates.jsonl`) is one event
however different the rest of the two sentences, and pairs claims by itself.

Two claims of one wording but a date ("In December I learned ..." / "In March
I learned ...", `checker/checks/wording.py`) are one statement: their dates
are compared with no similarity floor or shared actor, the days of statements
included ("HP on Monday affirmed" / "HP on Thursday affirmed").
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from checker.checks.base import NO_HEAD, Check, CheckSetting, Side, plain_version, versus
from checker.checks.days import (
    Day,
    WrittenDay,
    before_its_clause,
    clock_alone,
    dates_of,
    is_date_word,
    looks_ahead,
    slot_day,
    verb_of,
    written_days,
)
from checker.checks.figures import figure_runs, last_digit, line_cues, one_rounds_the_other, value_of
from checker.checks.names import cues
from checker.checks.quantities import CLOCK, MONTHS
from checker.checks.wording import Slotted, differing_slots, slot_runs, slotted
from checker.entities import share_entity
from checker.records import Claim, Evidence

NUMBER = "number"  # the kind whose annotation holds a claim's figures (`checker.checks.numbers`)
EVENT_PREPOSITIONS = {"on", "for"}  # "began on March 3", "is scheduled for Friday"


@dataclass(frozen=True, slots=True)
class Days:
    """The days a claim places its event on, its events named with their day ("trial:begin"), and its
    wording with its dates as slots, with the day each slot writes (statement days too: in one wording,
    "HP on Monday affirmed" and "HP on Thursday affirmed" differ on the day of the statement)."""

    days: tuple[Day, ...]
    events: dict[str, Day]
    wording: Slotted = Slotted()
    slot_days: tuple[Day | None, ...] = ()
    dated: tuple[DatedVerb, ...] = ()  # the verb each of `days` dates
    slot_clocks: tuple[tuple[str, ...] | None, ...] = ()  # the times of day a slot may write alone, or None
    clocks: tuple[EventClock, ...] = ()  # the times of day its events happened at (`event_clocks`)
    told: frozenset[str] = frozenset()  # the events it sets its own from, undated ("after the outage began")


@dataclass(frozen=True, slots=True)
class EventClock:
    """A time of day an event happened at: the moments it may be (`clock_alone`), as written, and its verb."""

    moments: tuple[str, ...]
    text: str
    verb: DatedVerb


@dataclass(frozen=True, slots=True)
class DatedVerb:
    """The verb a day dates, as the days of two claims are matched: its lemma, and whether it tells the claim's own
    event or one set inside it ("for stabbing him last September", "who was stabbed on September 15")."""

    lemma: str
    main: bool
    reading: str = ""  # the figure a count moved to on the day ("rose to nine on Thursday": "9"), or ""
    planned: bool = False  # a day to come when told ("will vote on Monday", "said he would sign it Friday")
    done: bool = False  # a past act ("signed the ordinance on Thursday"), told in the past tense and not planned
    ongoing: bool = False  # a day the event went on ("continued releasing water on Tuesday"), not when it happened
    actors: frozenset[str] = frozenset()  # the names its subject holds ("kestrel"; "telford" of "Telford's board")
    named: frozenset[str] = frozenset()  # the names its sentence holds, its actors' among them

    def comparable(self, other: DatedVerb) -> bool:
        """Two days may tell one event: of one verb, or of the two claims' own events. Not a count as it stood on
        two days, at two figures ("the toll rose to seven on Wednesday", "rose to nine on Thursday"): two readings
        of it, each true of its day. At one figure ("the Danube reached 8.9 metres on Saturday" / "rose to 8.9
        metres on Sunday") the days are of one event. Not a plan and what was done ("said he would sign the
        ordinance Friday" / "signed the ordinance on Thursday"): plans move, and each source told its own. Not a day an
        event went on (`ONGOING`), nor the acts of two parties (`_another_party`)."""
        if self.reading and other.reading and not _one_reading(self.reading, other.reading):
            return False
        if (self.planned and other.done) or (self.done and other.planned) or self.ongoing or other.ongoing:
            return False  # nor a day it went on: "started releasing water Monday" / "continued releasing on Tuesday"
        if self.lemma == other.lemma:
            return True
        return self.main and other.main and not self._another_party(other)

    def _another_party(self, other: DatedVerb) -> bool:
        """Acts of two parties: each names its actor, none the same, and one's actor stands in the other's sentence
        but not as its actor: "Kestrel raised its offer on Monday" / "Telford's board on Wednesday rejected
        Kestrel's offer". "The Fed raised rates" / "The Federal Reserve lifted rates" is one party named two ways."""
        if not (self.actors and other.actors) or self.actors & other.actors:
            return False
        return bool(self.actors & other.named or other.actors & self.named)


def _one_reading(x: str, y: str) -> bool:
    """One figure a count moved to or by, the same or one rounding the other ("plunged 20%", "plunged 19.6%")."""
    try:
        figures = [(float(r), last_digit(float(r), r)) for r in (x, y)]
    except ValueError:
        return x == y  # "twenty-four" as written
    half = max(unit for _, unit in figures) / 2  # "fell 12%" and "12.5%": two moves, close as they are
    return figures[0][0] == figures[1][0] or (
        one_rounds_the_other(*figures) and not math.isclose(abs(figures[0][0] - figures[1][0]), half)
    )


SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp"})  # clauses of another event than the sentence's own
OCCUR = frozenset({"happen", "occur"})  # verbs that only say an event took place, wherever they stand
STARTING = frozenset({"start", "begin", "erupt", "ignite"})  # verbs of an event's start, "broke out" with them
CLOCK_BOUNDS = frozenset({"until", "till", "from", "between", "before", "after"})  # a stretch's ends, no event's
ORDINAL_WORDS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})
ONGOING = frozenset({"continue", "keep", "remain", "persist"})  # verbs that say an event went on, on the day told
STRETCHES = frozenset({"through", "throughout"})  # a day an event went on through: "worked through Tuesday"
PAST_TENSES = frozenset({"VBD", "VBN"})  # "signed", "was signed", "has signed"
# Words that set another event before or after the verb's: a day inside their object dates that event ("After the
# attack on Friday, police closed the road": the attack's day); "following" as the parser reads it, a preposition;
# "ahead of" and "prior to" as two words, the second the preposition.
SEQUENCE_WORDS = frozenset({"after", "before", "following"})
SEQUENCE_PHRASES = frozenset({("ahead", "of"), ("prior", "to")})
# What a stretch of time is counted in: "after a two-week shutdown on March 3" is the day the shutdown ended, the
# verb's ("resumed production").
SPAN_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def dated_verb(first, readings: Mapping[int, str], ahead: frozenset[int]) -> DatedVerb:
    """The verb a day (its first word) dates, whether it is the sentence's own event (no clause of another event,
    `SUBORDINATE`, stands between it and the root), the figure a count moved to on it (`count_readings`), and
    whether the day was one to come when told (`ahead`: the words a cue of the future marks, reported or not)."""
    verb = verb_of(first)
    planned = looks_ahead(first, ahead)
    if (event := _event_set_apart(first, verb)) is not None:
        return DatedVerb(event.lemma_.lower(), False, planned=planned)
    done = not planned and verb.tag_ in PAST_TENSES
    if verb.lemma_ in OCCUR or (verb.lemma_ == "take" and any(c.lower_ == "place" for c in verb.children)):
        return DatedVerb("occur", True, planned=planned, done=done)  # "the attack, which took place on Friday"
    chain = [verb, *verb.ancestors]
    main = not any(t.dep_ in SUBORDINATE for t in chain)
    actors = frozenset(
        t.lemma_.lower()
        for subject in verb.children
        if subject.dep_ in {"nsubj", "nsubjpass"}
        for t in subject.subtree
        if t.pos_ == "PROPN"
    )
    named = frozenset(t.lemma_.lower() for t in verb.sent if t.pos_ == "PROPN")
    ongoing = _goes_on(verb) or _in_a_stretch(first)
    return DatedVerb(_event_lemma(verb), main, readings.get(verb.i, ""), planned, done, ongoing, actors, named)


def _event_set_apart(first, verb):
    """The noun of the event a day (its first word) dates inside "after", "before", "following", "ahead of" or
    "prior to" on its verb, or None: "After the attack on Friday, police closed the road" and "Following ISIS's
    claims about Mueller's death on Friday, Henin posted ..." date the attack and the claims, not the closing or
    the post. Not the day itself as the object ("closed after Friday"), which bounds the verb's own event."""
    token = first  # up to the verb, which is "Following" itself in "Following the attack on Friday, ..."
    while token.i != verb.i and token.head.i != token.i:
        head = token.head
        sequence = head.lower_ in SEQUENCE_WORDS or (head.head.lower_, head.lower_) in SEQUENCE_PHRASES
        if sequence and head.dep_ == "prep" and token.dep_ == "pobj":
            return _an_event(token)
        token = head
    return None


def _an_event(noun):
    """The noun, where it names an event a day may date: not a day itself ("after Friday" bounds the verb's event)
    nor a stretch of time ("after a two-week shutdown on March 3": its end, the verb's day)."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.ent_type_ in {"DATE", "TIME"}:
        return None
    counted = any(c.dep_ in {"compound", "amod", "nummod"} and c.lemma_.lower() in SPAN_UNITS for c in noun.children)
    return None if counted else noun


def _in_a_stretch(first) -> bool:
    """The day (its first word) ends or starts a stretch of time: "worked through Tuesday", "best-by dates of April
    12 through April 20": a day something went on, no day it happened."""
    if first.head.dep_ == "prep" and first.head.lower_ in STRETCHES:
        return True
    doc, end = first.doc, first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].lower_ not in STRETCHES:
        end += 1
    return end + 1 < len(doc) and doc[end].lower_ in STRETCHES and doc[end + 1].ent_type_ == "DATE"


def _goes_on(verb) -> bool:
    """The verb tells a day an event went on: a verb of going on ("continued releasing water"), or one whose object
    is a day of the event counted from its start ("entered the second day of their strike on Tuesday")."""
    if verb.lemma_ in ONGOING:
        return True
    objects = [*verb.children, *(o for c in verb.children if c.dep_ == "prep" for o in c.children)]
    # "entered the second day of their strike", "were on the second day of their strike"
    stretch = (c for c in objects if c.dep_ in {"dobj", "attr", "pobj"} and c.lemma_.lower() in {"day", "week"})
    return any(any(m.dep_ == "amod" and m.lower_ in ORDINAL_WORDS for m in c.children) for c in stretch)


def _event_lemma(verb) -> str:
    """The verb's lemma, one for the verbs of an event's start: "the fire, which broke out Saturday" and "which
    started Sunday" date one start."""
    lemma = verb.lemma_.lower()
    if lemma in STARTING or (lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)):
        return "start"
    return lemma


def count_readings(tokens) -> dict[int, str]:
    """By verb, the figure a count moved to or stood at ("rose to nine", "stood at 1,200": `count-moved` in
    `checker/patterns/dates.jsonl`), as a value where it reads as one, else as written."""
    found = {}
    for label, _, span in cues(tokens, "dates"):
        if label == "count-moved":
            figure = span[-1]
            rest = figure.doc[figure.i : figure.sent.end]
            run = next(iter(figure_runs(rest, line_cues(figure.doc))), [figure])  # "twenty-four", "1.2 million"
            try:
                found[span[0].i] = f"{value_of(run)[0]:g}"
            except ValueError:
                found[span[0].i] = " ".join(t.lower_ for t in run)
    return found


def reports(verb, reporting: set[int]) -> bool:
    """The verb reports a statement: a reporting verb with the clause it reports ("the government said
    Sunday [that] ..."), or one set beside it ("..., police said Sunday"). "HTC announced the phone on
    Monday" is an event, the day of the phone."""
    return verb.i in reporting and (verb.dep_ == "parataxis" or any(c.dep_ == "ccomp" for c in verb.children))


def states_a_day(first, reporting: set[int]) -> bool:
    """The date (its first word) is the day of a statement: it modifies a reporting verb, or follows one
    ("said on Monday it had ...", where the parser hangs the date on the reported clause); "said
    Monday's attack" tells the day of the attack."""
    before = first.doc[first.i - 1] if first.i else first
    if before.pos_ == "ADP" and before.i:
        before = first.doc[before.i - 1]
    beside = before.i != first.i and first.dep_ != "poss" and reports(before, reporting)
    return beside or reports(verb_of(first), reporting)


def counted_from_another(verb, counted: list) -> bool:
    """A day of `verb` counted from another event: "applauded him on Thursday, a day after he shot ..."."""
    for cue in counted:
        other = verb_of(cue[0])
        if other.i == verb.i or other.head.i == verb.i:
            return True
    return False


def marked_ahead(tokens, cue: str = "ahead") -> frozenset[int]:
    """The words a cue of the future marks (`checker/patterns/dates.jsonl`, label "ahead"), and the words they
    hang on: "will" marks "vote" in "will vote on Monday", "next" marks "Monday". `cue` "ahead-reported": the
    future of a past statement ("said the truce would begin on Friday")."""
    return frozenset(
        i for label, _, span in cues(tokens, "dates") if label == cue for t in span for i in (t.i, t.head.i)
    )


def weekday_ahead(token) -> bool | None:
    """Whether a weekday (its token) is one to come, as the check reads its sentence ("will be published on
    Thursday"), or None where it is the future of a past statement ("said the truce would begin on Friday"),
    counted from the statement: claims.py anchors the model's text by it, so the two never read one day apart."""
    sentence = token.sent
    reporting = reporting_words(sentence)  # "said on Monday": its own day
    if looks_ahead(token, marked_ahead(sentence, "ahead-reported") - reporting):
        return None
    return looks_ahead(token, marked_ahead(sentence))


def reporting_words(tokens) -> set[int]:
    """Where the words of reporting verbs stand (`checker/patterns/reporting.jsonl`): a day or a time on one is a
    statement's, not an event's."""
    return {t.i for _, _, span in cues(tokens, "reporting") for t in span}


def event_days(tokens, published: datetime.date | None, ahead: frozenset[int]) -> list[tuple[WrittenDay, Day]]:
    """Days the claim places its event on; the days of statements and days counted from others are not."""
    reporting = reporting_words(tokens)
    counted = [span for label, _, span in cues(tokens, "dates") if label == "counted-from"]
    shifts, reported_ahead = local_shifts(tokens), marked_ahead(tokens, "ahead-reported")
    days = []
    for words in dates_of(tokens):
        for written in written_days(words):
            first = written.tokens[0]
            to_come = looks_ahead(first, ahead)
            if states_a_day(first, reporting) or counted_from_another(verb_of(first), counted):
                continue
            if _of_no_event(first, to_come):
                continue
            # a weekday to come after a past statement ("said on Thursday the truce would begin on Friday") is
            # counted from the statement, not the article: no date is guessed for it
            anchor = None if looks_ahead(first, reported_ahead) else published
            day = written.day(anchor, to_come)
            if day:
                days.append((written, replace(day, local_shifts=shifts.get(verb_of(first).i, ()))))
    return days


NAMING_DEPENDENTS = frozenset({"nummod", "compound", "amod", "nmod"})


def _names_a_thing(first, end: int, figure_cues) -> bool:
    """A time of day after a determiner, on a noun of what runs or is held to a timetable (`time-named`): "The 07:40
    Ashford Junction to Kelby Central service", "the 6 p.m. bulletin", "the 9 a.m. meeting" name a train, a
    broadcast, a meeting, not when the sentence's event happened; "The 7 a.m. blast" is the blast's time."""
    doc = first.doc
    last = doc[end - 1]
    if not (first.i and doc[first.i - 1].pos_ == "DET" and last.dep_ in NAMING_DEPENDENTS and last.head.i >= end):
        return False
    return bool(figure_cues.at(_named_noun(last.head).i, "time-named"))


def _named_noun(head):
    """The noun a time is written onto, past the names between ("The 07:40 Ashford Junction to Kelby Central
    service": "service")."""
    if head.pos_ == "PROPN":
        nouns = [t for t in head.subtree if t.pos_ == "NOUN" and t.i > head.i]
        return nouns[0] if nouns else head
    return head


def event_clocks(tokens, readings: Mapping[int, str], ahead: frozenset[int]) -> tuple[EventClock, ...]:
    """The times of day the claim's events happened at ("The crash happened at 7.40am"), each with its verb: not a
    statement's ("police said at 3 p.m."), a time a count stood at or started from ("by 10 a.m.", "as of 6pm",
    "since 9 a.m."), one that names a thing ("the 07:40 service"), nor one in a zone ("4:40 a.m. ET", "9 a.m.
    local time"), which may be another's moment."""
    reporting, figure_cues, found = reporting_words(tokens), line_cues(tokens.doc), []
    for token in tokens:
        if not figure_cues.at(token.i, "time:clock"):
            continue
        end = figure_cues.last[token.i, "time:clock"] + 1
        moments = clock_alone(token.doc[token.i : end].text)
        zoned = end < len(token.doc) and (token.doc[end].lower_ == "local" or token.doc[end].text.isupper())
        to_come = looks_ahead(token, ahead)
        if moments is None or zoned or states_a_day(token, reporting) or _of_no_event(token, to_come):
            continue
        before = token.doc[token.i - 1].lower_ if token.i else ""
        if before in CLOCK_BOUNDS:
            continue  # "until 9 p.m.", "from 6 a.m.": the ends of a stretch of time
        if _names_a_thing(token, end, figure_cues):
            continue  # "The 07:40 service derailed", "the 6 p.m. bulletin": a time that names a thing, no event's
        found.append(EventClock(moments, token.doc[token.i : end].text, dated_verb(token, readings, ahead)))
    return tuple(found)


def _of_no_event(first, to_come: bool) -> bool:
    """The day starts a stretch of time ("has cut rates four times since June"), is when a count was taken ("three
    lawsuits have been filed as of Tuesday"), a time things stood at or were done by ("had burned 14,000 hectares
    by Monday evening"), or when a decision takes effect ("named him director, effective May 1"): the day of no one
    event the verb tells ("The ban became effective Jan. 1" is the ban's day). A day to come "as of" starts an
    event ("will suspend flights as of Monday")."""
    words_before = first.doc[max(first.i - 2, 0) : first.i]
    before = [t.lower_ for t in words_before]
    if first.head.lower_ == "since" or before[-1:] == ["since"]:
        return True
    if any(t.lower_ == "effective" and t.dep_ != "acomp" for t in words_before):
        return True  # "named him director, effective May 1": when it takes effect; "became effective Jan. 1" is its day
    possessive = any(c.dep_ == "case" for c in first.children)  # "destroyed by Monday's earthquake": its day
    if (first.head.lower_ == "by" or before[-1:] == ["by"]) and not possessive:
        return not to_come  # a deadline to come ("must submit their plans by Friday") is a day of its own
    return before == ["as", "of"] and not to_come


# a local clock time beside one in GMT: "at 4:17 a.m. local time (0917 GMT)", "2300 GMT, or 6 a.m. local time"
LOCAL_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.]\d{2})?\s*([ap])\.?\s*m\b\.?\s+local\s+time", re.IGNORECASE)


def local_shifts(tokens) -> dict[int, tuple[int, ...]]:
    """By verb, the days from the one written that an event it sets at a time in universal time
    (`checker/patterns/dates.jsonl`, "universal-time") may have taken place on where it happened: zones run
    from 11 hours behind to 13 ahead where people live, so "at 0030 GMT on Friday" may be Thursday evening in the
    Americas (before 11:00 GMT, the day before), and "at 2300 GMT on Monday" Tuesday morning in Asia (from 11:00,
    the day after). A wire gives the time in GMT, a local paper the local day. Where the sentence gives the local
    time too ("2300 GMT, or 6 a.m. local time"), the day there is known: the one after, here."""
    shifts = {}
    local = LOCAL_CLOCK.search(tokens.text)
    for label, _, span in cues(tokens, "dates"):
        if label == "universal-time":
            digits = span[0].text.replace(":", "")
            hour = int(digits[:-2] if len(digits) > 2 else digits)
            shifts[verb_of(span[0]).i] = (-1,) if hour < 11 else (1,)  # zones from UTC-11 to UTC+13 hold most
            if local:  # the local time given too: the day it was there, exactly
                offset = (int(local[1]) % 12 + 12 * (local[2].lower() == "p") - hour) % 24
                shift = (hour + (offset - 24 if offset > 14 else offset)) // 24
                shifts[verb_of(span[0]).i] = (shift,) if shift else ()
    return shifts


def dated_events(tokens, days: list[WrittenDay]) -> dict[str, Day]:
    """Events named with their day ("the trial began on February 24"), by thing and verb: "trial:begin".

    The thing is the event verb's subject (or the noun its relative clause hangs on: "The trial, which
    began ..."); a date with a year ("first opened on June 5, 1974") is of some past event, left out.
    """
    doc = tokens.doc
    by_token = {t.i: day for day in days for t in day.tokens}
    events: dict[str, Day] = {}
    repeated = set()
    for label, _, span in cues(tokens, "dates"):
        kind, _, event = label.partition(":")
        if kind != "event":
            continue
        thing, dated = _subject(span.root), _day_of(span, by_token, starting=event in STARTING | {"break out"})
        if thing is None or dated is None or "year" in dated.parts:
            continue
        key = f"{thing.lemma_.lower()}:{event}"
        repeated |= {key} & events.keys()
        if dated.tokens[-1].i < span.start:  # "outage on June 2 began": the day its subject is of
            text = f"{thing.lower_} {doc[thing.i + 1 : dated.tokens[-1].i + 1].text} {span.text}"
        else:
            text = f"{thing.lower_} {doc[span.start : dated.tokens[-1].i + 1].text}"  # "trial began on March 3"
        parts = dated.parts  # as written, never anchored: "began on Monday" is no guess at a date
        events[key] = Day(text, parts.get("month"), parts.get("day"), weekday=parts.get("weekday"))
    return {key: day for key, day in events.items() if key not in repeated}  # "a second trial began on ..."


def _subject(verb):
    """The noun an event verb tells of: its subject, or what its relative clause ("which began") hangs on."""
    # the last: "Non-renewals" is three subjects to the parser, "Non", "-" and "renewals"
    subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and _to_do(verb) and verb.head.pos_ == "VERB":
        # "The trial is scheduled to begin": the trial's start; not "The summit, set to open on Monday, was postponed",
        # a plan dropped
        return _subject(verb.head)
    if (subject is None or subject.tag_ == "WDT") and verb.dep_ == "relcl":
        subject = verb.head
    return subject if subject is not None and subject.pos_ in {"NOUN", "PROPN"} else None


def _to_do(verb) -> bool:
    """An infinitive that completes the verb it hangs on ("scheduled to begin", "set to begin"): its subject is
    that verb's."""
    return verb.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _day_of(event, by_token: dict[int, WrittenDay], starting: bool = False) -> WrittenDay | None:
    """The day an event phrase is placed on: "began on March 3", "is scheduled for Friday", "will begin July 1";
    where the verb of a start has none, the day its subject is of ("The outage on June 2 began shortly after 6
    a.m."; "The protest on Saturday ended on Sunday night" is no end on Saturday)."""
    subject = _subject(event.root) if starting else None
    for holder in (*event, *([subject] if subject is not None else [])):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in EVENT_PREPOSITIONS:
                # "on Saturday afternoon": the day is a word under the object, not the object itself
                dates = [c for c in child.children if c.dep_ == "pobj"]
            else:
                npadvmod = child.dep_ == "npadvmod" and not before_its_clause(child, holder)
                dates = [child] if npadvmod and holder is not subject else []
            dated = [by_token[t.i] for date in dates for t in date.subtree if t.i in by_token]
            if dated:
                return dated[0]
    return None


def _told_undated(tokens, days: list[tuple[WrittenDay, Day]]) -> frozenset[str]:
    """The events a claim tells with no day, as the moment its own is set from: of "reconnected before 2 a.m.
    Wednesday, nine hours after the outage began", the start; not a verb a dated one hangs on."""
    dated = {t.i for written, _ in days for verb in [verb_of(written.tokens[0])] for t in (verb, *verb.ancestors)}
    return frozenset(
        _event_lemma(t)
        for t in tokens
        if t.pos_ == "VERB" and t.dep_ == "advcl" and t.i not in dated and any(c.dep_ == "mark" for c in t.children)
    )


def _slot_clock(run) -> tuple[str, ...] | None:
    """The times of day a slot writes (`clock_alone`), its day aside: "6:47 p.m. Tuesday" is 18:47 on a Tuesday."""
    day_words = {t.i for day in written_days(run) for t in day.tokens}
    kept = [t for t in run if t.i not in day_words]
    return clock_alone("".join(t.text_with_ws for t in kept)) if kept else None


def _to_come_and_past(d: Day, e: Day, published_d: datetime.date | None, published_e: datetime.date | None) -> bool:
    """One day wholly after its article was published and the other wholly before or on its own: a plan and a
    past event ("expected to close in September 2028" / "agreed on Monday to buy"), of two verbs, are no one
    event."""
    sides = [_after(day, published) for day, published in ((d, published_d), (e, published_e))]
    return None not in sides and sides[0] != sides[1]


def _a_year_before(day: Day, other: Day, published_other: datetime.date | None) -> bool:
    """A day in a year before the one the other claim is set in (its day's year, else its article's), of another
    verb: some earlier event the article recalls ("last changed rates in January 2024", against "inflation slowed in
    March" in April 2026), no day of the other's."""
    other_year = other.year or (published_other.year if published_other is not None else None)
    return bool(day.year and other_year and day.year < other_year)


def _after(day: Day, published: datetime.date | None) -> bool | None:
    """True where every date the day may be is after `published`, False where none is, None where it is not known
    (no year, no publication date, or the day spans it)."""
    if published is None or not day.year:
        return None
    if day.month and day.day:
        first = last = (day.year, day.month, day.day)
    elif day.month:
        first, last = (day.year, day.month, 1), (day.year, day.month, 31)
    else:
        first, last = (day.year, 1, 1), (day.year, 12, 31)
    now = (published.year, published.month, published.day)
    return True if first > now else False if last <= now else None


def _published(claim: Claim) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(claim.published[:10])  # "2026-04-14T10:00:00+00:00": its day
    except ValueError:
        return None


def day_key(day: Day, published: datetime.date | None) -> str:
    """A day as a fact's version compares it: its date, a day of a month of no year written taken in the year
    that puts it nearest the article's publication ("3 June" in an article of June 2025 is 2025-06-03, as
    "Tuesday" anchored to it; "December 30" in one of 2 January 2025 is 2024-12-30); else what is known of it
    ("weekday:1", "2014")."""
    year = day.year or (_nearest_year(day.month, day.day or 15, published) if published and day.month else None)
    if day.month:
        parts = [str(year) if year else "?", f"{day.month:02d}"] + ([f"{day.day:02d}"] if day.day else [])
        return "-".join(parts)
    return f"weekday:{day.weekday}" if day.weekday is not None else str(day.year or day.text)


def _within(day: str, finer: str) -> bool:
    """A day key (`day_key`) that `finer` makes more precise: a weekday a date falls on, a month of it."""
    try:
        date = datetime.date.fromisoformat(finer)
    except ValueError:
        return False
    return day in {f"weekday:{date.weekday()}", finer[:7], f"?{finer[4:]}", f"?{finer[4:7]}"}


def _nearest_year(month: int, day: int, published: datetime.date) -> int:
    def distance(year: int) -> int:
        try:
            return abs((datetime.date(year, month, day) - published).days)
        except ValueError:  # 29 February of a year with none, or a day the month lacks
            return 366

    return min((published.year, published.year - 1, published.year + 1), key=distance)


def _keys(a: Claim, days_a, b: Claim, days_b) -> dict[str, list[str]]:
    """Each side's days as a fact's versions compare them (`day_key`), for the evidence's `days`."""
    keys = {}
    for side, claim, days in (("a", a, days_a), ("b", b, days_b)):
        published = _published(claim)
        keys[side] = sorted({day_key(d, published) for d in days})
    return keys


def _figures_of_two_periods(a: Claim, b: Claim, days: tuple[Day, ...], verbs: frozenset[str]) -> bool:
    """Times that figures of one unit the claims give apart are told at: months of no day ("Inflation rose to 3.4%
    in May" and "Inflation was 3.1% in April" give two months' figures, no month of one event), or any time of a
    market's reading of the verb the days date (`verbs`: "Shares of Verano traded at $4.29 on Wednesday" and
    "Verano shares traded at $4.31 on Monday" are prices of two days; "The bank collapsed on Friday, sending its
    shares down 60%" dates the collapse). (The same figure given two times is a date changed, and stays one.)"""
    months = all(day.day is None and day.weekday is None for day in days)
    # figures the times time, in their own clause ("rose to 3.4% in May"), not others of the claim ("The company,
    # which employs 4,000 people, filed for bankruptcy in May")
    found = [[q for q in getattr(c.annotations.get(NUMBER), "found", ()) if q.when] for c in (a, b)]
    return any(
        x.unit == y.unit
        and not x.allows(y)
        and (
            (x.reading and x.verb in verbs)
            or (y.reading and y.verb in verbs)
            or (months and bool(x.when & MONTHS) and bool(y.when & MONTHS))
        )
        for x in found[0]
        for y in found[1]
    )


def _given_in(day: Day, days: tuple[Day, ...]) -> bool:
    """The day agrees with one of `days`: the other claim places something on it too."""
    return any(day.conflicts(other) is False for other in days)


class DateCheck(Check):
    """Days that differ between two alike claims, or the days of one event the two name alike."""

    kind = "date"
    versus_head = NO_HEAD
    fact_of_its_own = True  # a pair's two days are a fact beside its two tolls or lists: when it happened
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
            "days": {
                "type": "object",
                "description": 'Each side\'s days as the check compares them, by side ("2025-06-03" for "3 June"'
                ' in an article of 2025 and for "Tuesday" anchored to it; "?-06-03" for "3 June" where no year is'
                ' known; "weekday:1" for a Tuesday of no known'
                ' date; a time of day on a 24-hour clock, "clock:16:00" for "4 p.m.", both times "3:30" may be):'
                " one day or time written two ways is one version of a fact.",
                "properties": {side: {"type": "array", "items": {"type": "string"}} for side in ("a", "b")},
            },
        },
    }

    def annotate(self, claim: Claim, tokens) -> Days:
        published, ahead, readings = _published(claim), marked_ahead(tokens), count_readings(tokens)
        planned = ahead | marked_ahead(tokens, "ahead-reported")
        days = event_days(tokens, published, ahead)
        runs = slot_runs(tokens, is_date_word)
        return Days(
            tuple(day for _, day in days),
            dated_events(tokens, [written for written, _ in days]),
            slotted(tokens, runs),
            tuple(slot_day(run, published, ahead) for run in runs),
            tuple(dated_verb(written.tokens[0], readings, planned) for written, _ in days),
            tuple(_slot_clock(run) for run in runs),
            event_clocks(tokens, readings, planned),
            _told_undated(tokens, days),
        )

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """The days as compared ("3 June" and "Tuesday (2025-06-03)" are one day), the text as written."""
        key, text = plain_version(detail, side)
        return tuple(detail.get("days", {}).get(side, ())) or key, text

    def refines(self, key: Any, finer: Any) -> bool:
        """One day written less precisely than the other version's one day: a weekday of no known date and a date
        that falls on it, a month and a day of it ("weekday:0" and "2026-11-16", "2026-11" or "?-11" and
        "2026-11-16"); a time of day that leaves morning and afternoon open and one of its times ("3:30" and
        "3:30 p.m.")."""
        if not (isinstance(key, list) and isinstance(finer, list)) or len(finer) != 1:
            return False
        if all(str(k).startswith(CLOCK) for k in key + finer):  # "3:30" (03:30 or 15:30) and "3:30 p.m."
            return key != finer and finer[0] in key
        return len(key) == 1 and key != finer and _within(key[0], finer[0])

    def pairing_keys(self, claim: Claim) -> set[str]:
        """Claims dating the same event are paired however unalike."""
        return {f"event:{key}" for key in self.mine(claim).events}

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        alike = similarity >= self.setting("min_similarity")
        written = (self._written_days(a, b, similarity) or self._clock_times(a, b)) if alike else None
        return written or self._same_event_days(a, b) or self._one_wording(a, b)

    def _clock_times(self, a: Claim, b: Claim) -> Evidence | None:
        """Times of day of one event that all differ ("The crash happened at 7.40am" / "The M5 crash happened at
        6.40am"), set against each other as days are (`DatedVerb.comparable`), in claims that share an actor. A
        day holds many events ("the crash happened at 6.40am", "the road reopened at 4 p.m."): times are of one
        only where their verbs are one."""
        if not share_entity(a.entities, b.entities):
            return None
        x, y = self.mine(a).clocks, self.mine(b).clocks
        pairs = [(c, d) for c in x for d in y if c.verb.comparable(d.verb) and c.verb.lemma == d.verb.lemma]
        if not pairs or any(set(c.moments) & set(d.moments) for c, d in pairs):
            return None
        times = {"a": sorted({c.text for c, _ in pairs}), "b": sorted({d.text for _, d in pairs})}
        moments = {"a": sorted({CLOCK + m for c, _ in pairs for m in c.moments}),
                   "b": sorted({CLOCK + m for _, d in pairs for m in d.moments})}  # fmt: skip
        return Evidence(
            self.kind, True, times | {"days": moments}, versus(", ".join(times["a"]), ", ".join(times["b"]))
        )

    def _one_wording(self, a: Claim, b: Claim) -> Evidence | None:
        """A date changed in one wording ("In December I learned" / "In March I learned"): one statement,
        unless the claims are told of different parties (the days two states' early voting began).

        Days are compared as days ("Thursday" may be "Feb. 6"), and a time of day written alone as a time on a
        24-hour clock ("reported at 4:40 a.m." / "at 5:40 a.m."; "4 p.m." is "16:00", and "3:30" may be "3:30
        p.m."); spans of time are not, nor a time with its zone ("4:40 a.m. ET" may be "1:40 a.m. PT").
        """
        if a.entities and b.entities and not share_entity(a.entities, b.entities):
            return None
        x, y = self.mine(a), self.mine(b)
        for i, j in differing_slots(x.wording, y.wording):
            day_x, day_y = x.slot_days[i], y.slot_days[j]
            slots = {"a": [x.wording.slots[i]], "b": [y.wording.slots[j]]}
            if day_x is not None and day_y is not None and day_x.conflicts(day_y):
                detail = slots | {"days": _keys(a, [day_x], b, [day_y])}
                return Evidence(self.kind, True, detail, versus(x.wording.slots[i], y.wording.slots[j]))
            clock_x, clock_y = x.slot_clocks[i], y.slot_clocks[j]
            if clock_x is not None and clock_y is not None and not set(clock_x) & set(clock_y):
                detail = slots | {"days": {"a": [CLOCK + t for t in clock_x], "b": [CLOCK + t for t in clock_y]}}
                return Evidence(self.kind, True, detail, versus(x.wording.slots[i], y.wording.slots[j]))
        return None

    def _same_event_days(self, a: Claim, b: Claim) -> Evidence | None:
        """Days of one dated event; not between claims set among different people or places (Texas, Georgia)."""
        if a.entities and b.entities and not share_entity(a.entities, b.entities):
            return None
        events_b = self.mine(b).events
        for key, x in self.mine(a).events.items():
            y = events_b.get(key)
            if y and x.conflicts(y):
                detail = {"a": [x.text], "b": [y.text], "days": _keys(a, [x], b, [y])}
                return Evidence(self.kind, True, detail, versus(x.text, y.text))
        return None

    def _written_days(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        """Days of the claims' events that all differ. A day is set only against a day of the same verb or, both
        of the claims' own events, of theirs: "convicted on June 12 of murdering Ferris, who was stabbed on
        September 15, 2024" and "stabbed Ferris in September 2024" agree on the stabbing; "jailed on Friday" and
        "sentenced for stabbing him last September" give no day of one event. Two claims' own events of
        two verbs are one event only where neither day is one the other claim gives too, of another verb:
        "arrived on Friday at the plant, where a fire on Monday injured three" and "a fire broke out on Monday"
        give the fire one day; "was arrested on Tuesday" and "who was charged on Tuesday, was arrested on
        Monday" two days of an arrest."""
        x, y = self.mine(a), self.mine(b)
        pairs = [
            (d, e, verb_d, verb_e)
            for d, verb_d in zip(x.days, x.dated, strict=True)
            for e, verb_e in zip(y.days, y.dated, strict=True)
            if verb_d.comparable(verb_e)
        ]
        comparable = [(d, e, verb_d.lemma == verb_e.lemma) for d, e, verb_d, verb_e in pairs]
        # the claims' own event of one verb decides: "The blaze, which started on Saturday, was contained on
        # Monday" / "... which broke out on Saturday, was contained on Tuesday" differ on the containment
        own = [(d, e, True) for d, e, v, w in pairs if v.main and w.main and v.lemma == w.lemma]
        if own and all(d.conflicts(e) for d, e, _ in own):
            comparable = own
        verdicts = [d.conflicts(e) for d, e, _ in comparable]
        if not verdicts or not all(verdicts):  # no days, a day in common, or one that cannot be compared
            return None
        published = _published(a), _published(b)
        # "reconnected before 2 a.m. Wednesday, nine hours after the outage began" tells the start undated: its day
        # is no start's ("The outage began at 4:47 p.m. Tuesday")
        told = {(d, e) for d, e, v, w in pairs if v.lemma in y.told - {w.lemma} or w.lemma in x.told - {v.lemma}}
        comparable = [
            (d, e, one_verb)
            for d, e, one_verb in comparable
            if one_verb
            or not (
                _given_in(d, y.days)
                or _given_in(e, x.days)
                or _to_come_and_past(d, e, *published)
                or (d, e) in told
                or _a_year_before(d, e, published[1])
                or _a_year_before(e, d, published[0])
            )
        ]
        if not comparable:
            return None
        days_a = tuple(dict.fromkeys(d for d, _, _ in comparable))
        days_b = tuple(dict.fromkeys(e for _, e, _ in comparable))
        verbs = frozenset(verb.lemma for _, _, *dated in pairs for verb in dated)
        if _figures_of_two_periods(a, b, days_a + days_b, verbs):
            return None
        written_dates = all(d.month for d in days_a + days_b)
        same_event = written_dates and similarity >= self.setting("same_event_similarity")
        if not share_entity(a.entities, b.entities) and not same_event:
            return None
        detail = {"a": sorted({d.text for d in days_a}), "b": sorted({d.text for d in days_b})}
        detail["days"] = _keys(a, days_a, b, days_b)
        return Evidence(self.kind, True, detail, versus(", ".join(detail["a"]), ", ".join(detail["b"])))
