"""The `date` check where a sentence pair cannot say it: anchored weekdays, annotations, pairing keys.

Sentence-pair cases are data: `tests/cases/date.jsonl`.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import replace

import pytest

from checker.checks.dates import DateCheck, day_key
from checker.checks.days import Day
from checker.facts import group_facts
from checker.records import CandidatePair, Finding
from tests.helpers import annotated, comparer, make_claim

check_dates = comparer(DateCheck)


def published(text: str, doc_id: str, day: str):
    """A claim of an article published on `day`, naming NATO."""
    return replace(make_claim(text, doc_id, ("NATO",)), published=day)


def annotation(text: str):
    return annotated(make_claim(text), [DateCheck()]).annotations["date"]


def test_anchored_weekdays_that_differ_contradict():
    a = published("The summit opened on Monday.", "a.txt", "2025-03-03")
    b = published("The summit opened on Tuesday.", "b.txt", "2025-03-04")
    assert check_dates(a, b, 0.8).contradicts


def test_same_day_in_two_wordings_is_no_date_discrepancy():
    a = published("The summit opened on Monday.", "a.txt", "2025-03-03")
    b = published("The summit opened Monday.", "b.txt", "2025-03-04")
    assert check_dates(a, b, 0.8) is None


def test_a_weekday_is_anchored_to_the_most_recent_such_day():
    day = annotated(published("The summit opened on Monday.", "a.txt", "2025-03-05"), [DateCheck()])
    assert [d.text for d in day.annotations["date"].days] == ["Monday (2025-03-03)"]


@pytest.mark.parametrize(
    "text",
    [
        "The council will vote on the budget on Monday.",
        "The council is set to vote on the budget on Monday.",
        "The vote on the budget is scheduled for Monday.",
        "The council votes on the budget next Monday.",
        "The council's session runs until midnight on Monday.",  # the present of what is scheduled
    ],
)
def test_a_weekday_to_come_is_anchored_to_the_next_such_day(text):
    """Published on Friday 2025-03-07, "will vote on Monday" was read as the Monday before (03-03), and an
    outlet that wrote on 03-10 that the council "voted on Monday" disagreed with it by a week."""
    day = annotated(published(text, "a.txt", "2025-03-07"), [DateCheck()])
    assert [d.text.rpartition(" ")[2] for d in day.annotations["date"].days] == ["(2025-03-10)"]


def test_next_monday_said_on_a_monday_is_a_week_on():
    """(review) Published on Monday 2025-03-10, "next Monday" is 03-17; "will vote on Monday" that day."""
    next_week = annotated(
        published("The council votes on the budget next Monday.", "a.txt", "2025-03-10"), [DateCheck()]
    )
    assert [d.text.rpartition(" ")[2] for d in next_week.annotations["date"].days] == ["(2025-03-17)"]
    today = annotated(published("The council will vote on the budget on Monday.", "a.txt", "2025-03-10"), [DateCheck()])
    assert [d.text.rpartition(" ")[2] for d in today.annotations["date"].days] == ["(2025-03-10)"]


def test_a_day_to_come_and_the_same_day_reported_after_it_agree_and_a_day_past_stays_past():
    before = published("The council will vote on the budget on Monday.", "a.txt", "2025-03-07")
    after = published("The council voted on the budget on Monday.", "b.txt", "2025-03-10")
    assert check_dates(before, after, 0.9) is None
    past = annotated(
        published("The council, which will meet again, voted on Monday.", "c.txt", "2025-03-07"), [DateCheck()]
    )
    assert [d.text for d in past.annotations["date"].days] == ["Monday (2025-03-03)"]
    # (review) a past day under a verb of the future stays past; a day to come named on that day is that day
    ended = published("The minister will travel to Paris after the talks ended on Monday.", "d.txt", "2025-03-07")
    assert [d.text for d in annotated(ended, [DateCheck()]).annotations["date"].days] == ["Monday (2025-03-03)"]
    for text in (
        "Monday's vote on the budget is the closest in years.",
        "It would have voted on Monday.",
        "The offer represents a 33% premium to the council's closing price on Monday.",  # a present of no schedule
    ):
        stays = published(text, "f.txt", "2025-03-07")
        assert [d.text for d in annotated(stays, [DateCheck()]).annotations["date"].days] == ["Monday (2025-03-03)"]
    today = published("The council will vote on the budget on Friday.", "e.txt", "2025-03-07")
    assert [d.text for d in annotated(today, [DateCheck()]).annotations["date"].days] == ["Friday (2025-03-07)"]


def test_the_day_of_a_statement_is_the_one_its_own_clause_reports():
    days = annotation("On Tuesday, police arrested three men, the ministry said.").days
    assert [d.text for d in days] == ["Tuesday"]


def test_events_are_keyed_by_thing_and_verb_and_pair_claims():
    b = make_claim("The trial, which began on March 3, examined fictitious transactions.", "b.txt")
    assert "event:trial:begin" in DateCheck().pairing_keys(annotated(b, [DateCheck()]))
    assert annotation("The talks, which began on Tuesday, the 3rd, went on.").events["talk:begin"].weekday == 1
    assert annotation("He spoke and began on Monday to pack.").events == {}
    assert annotation("His first trial began on March 3, and a second trial began on April 7.").events == {}


def test_a_month_alone_is_a_day_of_no_weekday():
    (march,) = annotation("In March 2014, HTC unveiled the One M8.").days
    assert (march.month, march.day, march.year, march.weekday) == (3, None, 2014, None)


def test_dates_written_in_figures_are_read_where_their_order_is_plain():
    """(review) ISO dates; day and month either way round where one is over 12 or both are one; never a date
    whose order is unknown (4/12/2026 is 4 December in Britain, April 12 in the US); two-digit years."""
    from checker.checks.days import numeric_dates
    from tests.helpers import _nlp

    def parts(text: str) -> list[dict]:
        return [found for _, found in numeric_dates(_nlp()(text)[:])]

    assert parts("The vote was held on 2026-11-29 in Lisbon.") == [{"day": 29, "month": 11, "year": 2026}]
    assert (
        parts("It was held on 29/11/2026.")
        == parts("It was held on 11/29/2026.")
        == [{"day": 29, "month": 11, "year": 2026}]
    )
    assert parts("It was held on 12/12/2026.") == [{"day": 12, "month": 12, "year": 2026}]
    assert parts("It was held on 4/12/2026.") == [] and parts("It fell on 2015-02-30.") == []
    assert parts("The ruling of 29/11/98 was overturned.") == [{"day": 29, "month": 11, "year": 1998}]


def test_one_day_written_two_ways_is_one_version_of_a_fact():
    """ "3 June" in an article of June 2025 and "Tuesday" anchored to 3 June 2025 give one day: the source that
    wrote the date out does not stand alone beside the one that gave another month."""
    may = published("The FDA approved the drug on May 3, 2025.", "courier", "2025-06-04")
    sides = [
        published("The FDA approved the drug on Tuesday.", "reuters", "2025-06-03"),
        published("The FDA approved the drug on Tuesday, the company said.", "guardian", "2025-06-04"),
        published("The FDA approved the drug on 3 June.", "bbc", "2025-06-04"),
    ]
    findings = []
    for other in sides:
        evidence = check_dates(may, other, 0.9)
        assert evidence.contradicts
        findings.append(Finding("contradict", "date", 0.9, CandidatePair(may, other, 0.9), None, (evidence,), "m", "h"))
    (fact,) = group_facts(findings, checks=[DateCheck()])
    assert fact.outliers == ("courier",)
    assert fact.majority.documents == ("bbc", "guardian", "reuters")
    assert fact.versions[0].key == json.dumps(["2025-06-03"])


def test_a_source_whose_pair_no_check_reported_still_gives_its_day_to_the_fact():
    """ "The runoff will take place on October 20" names no one, so against "set for Sunday, October 27" no date
    was reported; read again for the fact, it is one more source of October 20, and October 27 stands alone."""
    wrong = published("The runoff between Ben Achour and Mbarki is set for Sunday, October 27.", "gna", "2024-10-08")
    right = published("The runoff between Ben Achour and Mbarki will be held on October 20.", "mp", "2024-10-08")
    unnamed = published("The runoff will take place on October 20.", "courier", "2024-10-09")
    wrong, right, unnamed = (annotated(replace(c, entities=e), [DateCheck()]) for c, e in (
        (wrong, ("person:achour",)), (right, ("person:achour",)), (unnamed, ())))  # fmt: skip
    reported = check_dates(wrong, right, 0.9)
    assert reported.contradicts and check_dates(wrong, unnamed, 0.85) is None
    findings = [
        Finding("contradict", "date", 0.9, CandidatePair(wrong, right, 0.9), None, (reported,), "m", "h"),
        Finding("unrelated", "nli", 0.5, CandidatePair(wrong, unnamed, 0.85), None, (), "m", "h"),
    ]
    (fact,) = group_facts(findings, checks=[DateCheck()])
    assert fact.outliers == ("gna",) and fact.majority.documents == ("courier", "mp")
    assert len(fact.findings) == 1  # read again, never reported


@pytest.mark.parametrize(
    ("written", "month", "day", "published", "key"),
    [
        ("December 30", 12, 30, "2025-01-02", "2024-12-30"),
        ("January 3", 1, 3, "2024-12-30", "2025-01-03"),
        ("3 June", 6, 3, "2025-06-04", "2025-06-03"),
    ],
)
def test_a_day_of_no_year_is_keyed_in_the_year_nearest_its_article(written, month, day, published, key):
    """ "December 30" in an article of 2 January 2025 was keyed 2025-12-30, while a "Monday" anchored to the same
    day was 2024-12-30: one day, two versions, and a source wrongly standing alone."""
    assert day_key(Day(written, month, day), datetime.date.fromisoformat(published)) == key


def test_a_finding_turned_round_for_its_outlier_keeps_each_sides_days_with_it():
    """The report puts the odd source first; its date evidence swapped `a` and `b` but not `days`, so
    "Thursday (2025-04-17)" sat beside the other side's 2025-04-16."""
    from checker.formats import orient

    evidence = check_dates(
        published("The crossing reopened on Wednesday.", "meridian", "2025-04-18"),
        published("The crossing reopened on Thursday.", "dispatch", "2025-04-18"),
        0.9,
    )
    written = {"kind": "date", "contradicts": True, "message": evidence.message, **evidence.detail}
    record = {"a": {"doc_id": "meridian"}, "b": {"doc_id": "dispatch"}, "nli": None, "evidence": [written]}
    (turned,) = orient(record, {"dispatch"})["evidence"]
    assert turned["a"] == ["Thursday (2025-04-17)"] and turned["days"] == {"a": ["2025-04-17"], "b": ["2025-04-16"]}
    assert turned["message"] == "Thursday (2025-04-17) vs Wednesday (2025-04-16)"


def test_a_day_of_an_event_set_inside_the_claim_is_not_the_day_of_its_own():
    """The sentence for a stabbing "last September" against the jailing "on Friday": two events, no discrepancy.
    "last September" in an article of June 2025 is September 2024, not the September to come."""
    sentenced = published(
        "Connor Blake, 23, was given a life sentence for stabbing the 19-year-old on Mercer Street last September.",
        "a.txt",
        "2025-06-27",
    )
    jailed = published("Connor Blake, 23, was jailed for life at Calder Crown Court on Friday.", "b.txt", "2025-06-27")
    assert check_dates(sentenced, jailed, 0.8) is None
    (september,) = annotation_of(sentenced).days
    assert september.year == 2024
    same_verb = published(
        "Connor Blake, 23, was jailed for life at Calder Crown Court on Thursday.", "c.txt", "2025-06-27"
    )
    assert check_dates(jailed, same_verb, 0.8).contradicts


def annotation_of(claim):
    return annotated(claim, [DateCheck()]).annotations["date"]


def test_a_day_that_starts_a_stretch_of_time_or_dates_a_count_is_no_day_of_the_event():
    """(a business desk) "has cut rates four times since June" against "on Thursday cut its rate": June vs Thursday.
    (a health desk) "three lawsuits have been filed as of Tuesday" against "a fourth was filed on Wednesday"."""
    three = published("Three lawsuits have been filed against Lakeshore Health as of Tuesday.", "d", "2026-11-17")
    fourth = published("A fourth lawsuit was filed against Lakeshore Health on Wednesday.", "e", "2026-11-19")
    assert check_dates(three, fourth, 0.8) is None
    since = published(
        "The Central Bank of Estavia has now cut interest rates four times since June.", "a", "2025-11-06"
    )
    thursday = published("The Central Bank of Estavia on Thursday cut its key rate to 3.75%.", "b", "2025-11-06")
    assert check_dates(since, thursday, 0.8) is None
    wednesday = published("The Central Bank of Estavia on Wednesday cut its key rate to 3.75%.", "c", "2025-11-06")
    assert check_dates(wednesday, thursday, 0.8).contradicts


def test_a_weekday_set_beside_its_date_is_that_dates_not_the_last_such_day():
    """(a health desk) "on Oct. 3, a Saturday" in an article of November was read as Oct. 3 and the Saturday before
    publication, two days, so a source giving Oct. 3 without the weekday stood apart from it."""
    (day,) = annotation_of(published("The attack was detected early on Oct. 3, a Saturday.", "a", "2026-11-18")).days
    assert (day.month, day.day) == (10, 3)


def test_a_contradiction_the_model_read_between_two_versions_of_a_date_fact_is_that_facts():
    """(a CI desk) a new article giving the majority's December 18 against the one source of December 11 was read
    by the model, not the date check, and failed CI as a new fact though the date fact was reviewed."""
    texts = {
        "csj": "The committee will next meet on December 11.",
        "gt": "The committee will next meet on December 18.",
        "mp": "The committee will next meet on December 18, officials said.",
        "new": "The committee's next meeting is on December 18.",
    }
    c = {doc: annotated(published(text, doc, "2025-11-06"), [DateCheck()]) for doc, text in texts.items()}
    findings = [
        Finding("contradict", "date", 0.9, CandidatePair(c["csj"], c[o], 0.9), None, (check_dates(c["csj"], c[o], 0.9),),
                "m", "h")
        for o in ("gt", "mp")
    ] + [Finding("contradict", "nli", 0.9, CandidatePair(c["csj"], c["new"], 0.8), None, (), "m", "h")]  # fmt: skip
    (fact,) = group_facts(findings, checks=[DateCheck()])
    assert fact.kind == "date" and fact.outliers == ("csj",)
    assert fact.majority.documents == ("gt", "mp", "new") and len(fact.findings) == 3
    assert fact.representative({"new"}).kind == "date"  # the line CI shows holds the date evidence


def test_a_weekday_to_come_after_a_past_statement_is_not_dated_from_the_article():
    """(review) "said on Thursday that the truce would begin on Friday", in an article of Saturday 28 June, was put on
    the Friday after it, against "The truce began on Friday" (27 June); and the future of a statement of no stated
    day was put a week from the article ("said talks would begin on Monday" against "are due to begin on Monday")."""
    said = published("The Azmari army said on Thursday that the truce would begin on Friday.", "a", "2025-06-28")
    began = published("The truce began on Friday.", "b", "2025-06-28")
    assert [d.text for d in annotation_of(said).days] == ["Friday"] and check_dates(said, began, 0.8) is None
    talks = published("Omani officials said talks would begin in Muscat on Monday.", "c", "2025-04-19")
    due = published("Talks are due to begin in Muscat on Monday, Omani officials said.", "d", "2025-04-19")
    assert check_dates(talks, due, 0.9) is None
    sunday = published("Omani officials said talks would begin in Muscat on Sunday.", "e", "2025-04-19")
    assert check_dates(sunday, due, 0.9).contradicts


def test_a_day_an_event_took_place_on_is_the_claims_own_wherever_it_stands():
    """(review) "The Leeds attack, which took place on Friday" against "The Leeds attack happened on Thursday"."""
    friday = published("The Leeds attack, which took place on Friday, killed three people.", "a", "2025-06-28")
    thursday = published("The Leeds attack happened on Thursday.", "b", "2025-06-28")
    assert check_dates(friday, thursday, 0.8).contradicts


def test_a_day_to_come_as_of_which_something_starts_is_an_event_day():
    """(review) "will suspend all flights as of Monday" against "from Tuesday": a count taken "as of" a day is no
    event's, a change that starts as of a day to come is."""
    monday = published("Kestrel will suspend all Leeds flights as of Monday.", "a", "2025-06-28")
    tuesday = published("Kestrel will suspend all Leeds flights from Tuesday.", "b", "2025-06-28")
    assert check_dates(monday, tuesday, 0.9).contradicts


@pytest.mark.parametrize(
    ("key", "finer", "refined"),
    [
        (["weekday:0"], ["2026-11-16"], True),  # "Monday" of no known date, and a Monday
        (["weekday:0"], ["2026-11-17"], False),  # a Tuesday
        (["2026-11"], ["2026-11-16"], True),
        (["?-11"], ["2026-11-16"], True),  # "in November" from a source of no date
        (["?-11-16"], ["2026-11-16"], True),
        (["2026-11-16"], ["2026-11-16"], False),  # the same version
        (["weekday:0", "2026-11-17"], ["2026-11-16", "2026-11-17"], False),  # two days: which is which is unknown
    ],
)
def test_a_day_written_less_precisely_is_refined_only_by_a_day_it_may_be(key, finer, refined):
    assert DateCheck().refines(key, finer) is refined


def test_one_time_written_on_two_clocks_is_one_version_and_the_other_time_stands_alone():
    """ "reported at 4 p.m." and "at 16:00" were two versions, so the source of "5 p.m." stood alone against
    nobody (review)."""
    texts = {"gaz": "4 p.m.", "her": "16:00", "post": "5 p.m.", "wm": "3:30", "wm2": "3:30 p.m."}
    c = {doc: make_claim(f"Residents reported the break at {t} on the east side.", doc) for doc, t in texts.items()}
    findings = [
        Finding("contradict", "date", 0.9, CandidatePair(c[o], c["post"], 0.9), None, (check_dates(c[o], c["post"], 0.9),),
                "m", "h")
        for o in ("gaz", "her")
    ]  # fmt: skip
    (fact,) = group_facts(findings, checks=[DateCheck()])
    assert fact.majority.documents == ("gaz", "her") and fact.outliers == ("post",)
    # "3:30" may be "3:30 p.m.": no discrepancy, and against "5 p.m." it joins the version of its one time there
    assert check_dates(c["wm"], c["wm2"], 0.9) is None
    assert DateCheck().refines(["clock:03:30", "clock:15:30"], ["clock:15:30"])
    assert not DateCheck().refines(["clock:03:30", "clock:15:30"], ["clock:16:00"])


def test_a_superscript_digit_is_no_day_and_stops_no_run(nlp):
    """(library audit) "March 4²" raised ValueError from int("4²") and stopped the whole check."""
    from checker.checks.days import calendar_part

    assert [calendar_part(t) for t in nlp("March 4² 2048²")] == [("month", 3), None, None]


def test_figures_of_two_months_are_two_facts_and_one_figure_given_two_months_is_a_date_changed():
    """(business desk) "Inflation rose to 3.4% in May" and "Inflation was 3.1% in April": each outlet gives another
    month's figure, and "May vs April" was reported as one event's two dates. The same figure given two months is
    one statement dated two ways."""
    check = DateCheck()

    def compare(a: str, b: str):
        return check.compare(annotated(make_claim(a)), annotated(make_claim(b, "b.txt")), 0.9)

    assert compare("Inflation rose to 3.4% in May, the ONS said.", "Inflation was 3.1% in April, the ONS said.") is None
    assert (
        compare("Revenue rose to $4.8 billion in the third quarter.", "Revenue was $4.5 billion in the second quarter.")
        is None
    )
    changed = compare("Inflation rose to 3.4% in May, the ONS said.", "Inflation rose to 3.4% in April, the ONS said.")
    assert changed is not None and changed.contradicts
    day = compare("The strike began on Monday with 300 workers.", "The strike began on Tuesday with 400 workers.")
    assert day is not None and day.contradicts  # days, not periods: one event
    # (third review) figures the month does not time are no month's: one bankruptcy, two months
    filed = compare(
        "Acme, which employs 4,000 people, filed for bankruptcy in May.",
        "Acme, which employs 5,000 people, filed for bankruptcy in June.",
    )
    assert filed is not None and filed.contradicts


def test_a_plan_to_come_and_a_past_event_of_two_verbs_are_two_events():
    """(business desk) "expected to close in September 2028" and "agreed on Monday to buy": the deal's closing and
    its signing, more than a year apart, are no one event's two dates."""
    names = ("Halvorsen Pharma", "Crestline Biotherapeutics")

    def claim(text: str, doc_id: str):
        return replace(make_claim(text, doc_id, names), published="2027-05-18")

    close = claim(
        "Halvorsen Pharma's takeover of Crestline Biotherapeutics is expected to close in September 2028.", "a.txt"
    )
    agreed = claim("Halvorsen Pharma agreed on Monday to buy Crestline Biotherapeutics for $11.6 billion.", "b.txt")
    assert check_dates(close, agreed, 0.85) is None
    earlier = claim(
        "Halvorsen Pharma's takeover of Crestline Biotherapeutics is expected to close in March 2028.", "b.txt"
    )
    found = check_dates(close, earlier, 0.85)
    assert found is not None and found.message == "September 2028 vs March 2028"
