"""The `date` check on sentences written for the tests, false alarms included."""

from __future__ import annotations

from dataclasses import replace

from checker.checks import registry, run_checks
from checker.checks.dates import DateCheck, dated_events
from checker.checks.denials import DenialCheck
from checker.checks.entity_sets import EntitySetCheck
from checker.checks.numbers import NumberCheck
from checker.checks.quotes import QuoteCheck
from checker.checks.titles import TitleCheck
from tests.helpers import annotated, comparer, make_claim, make_pair

check_numbers, check_dates, check_titles = comparer(NumberCheck), comparer(DateCheck), comparer(TitleCheck)
check_denials, check_quotes, check_entity_sets = comparer(DenialCheck), comparer(QuoteCheck), comparer(EntitySetCheck)


def event_keys(text: str) -> set[str]:
    return DateCheck().pairing_keys(annotated(make_claim(text)))


def test_anchored_weekdays_that_differ_contradict():
    a = make_claim("The summit opened on Monday.", "a.txt", ("NATO",), "The summit opened on Monday (2025-03-03).")
    b = make_claim("The summit opened on Tuesday.", "b.txt", ("NATO",), "The summit opened on Tuesday (2025-03-04).")
    assert check_dates(a, b, 0.8).contradicts


def test_same_day_in_two_wordings_is_no_date_discrepancy():
    a = make_claim("The summit opened on Monday.", "a.txt", ("NATO",), "The summit opened on Monday (2025-03-03).")
    b = make_claim("The summit opened Monday.", "b.txt", ("NATO",), "The summit opened Monday (2025-03-03).")
    assert check_dates(a, b, 0.8) is None


def dates(a: str, b: str):
    return check_dates(make_claim(a, "a.txt", ("Kim",)), make_claim(b, "b.txt", ("Kim",)), 0.8)


def test_a_date_and_a_weekday_compare_through_the_calendar():
    assert dates("Kim missed the session of September 25, 2014.", "Kim missed the session on Thursday.") is None
    assert dates("Kim missed the session of September 25, 2014.", "Kim missed the session on Friday.").contradicts
    assert dates("Kim missed the session of 25 September.", "Kim missed the session on September 26.").contradicts


def test_a_date_without_a_year_is_not_compared_with_a_weekday():
    assert dates("Kim missed the September 25 session.", "Kim missed the session on Friday.") is None


def test_the_day_a_statement_was_made_is_not_the_day_of_the_event():
    assert (
        dates("Kim crashed the car overnight, the government said Sunday.", "Kim crashed the car late Saturday.")
        is None
    )


def test_dates_need_moderately_similar_claims():
    pair = make_pair(
        "NATO leaders met in Brussels on Monday.", "NATO leaders met in Brussels on Tuesday.", 0.5, entities=("NATO",)
    )
    assert not [
        e
        for e in run_checks(replace(pair, a=annotated(pair.a), b=annotated(pair.b)), registry().configured())
        if e.kind == "date"
    ]


def test_a_sentence_opening_with_the_day_of_its_statement_dates_no_event():
    a = make_claim(
        "On Tuesday, U.S. Central Command said forces conducted four airstrikes near Kobani.", "a.txt", ("US",)
    )
    b = make_claim("Forces conducted four airstrikes on Thursday in northern Iraq.", "b.txt", ("US",))
    assert check_dates(a, b, 0.8) is None
    moved = make_claim("On Tuesday, forces conducted four airstrikes near Kobani.", "a.txt", ("US",))
    assert check_dates(moved, b, 0.8).contradicts


def test_an_impossible_date_in_the_text_is_no_crash_and_possessive_days_are_events():
    odd = make_claim("Kim left on Monday (2015-02-30).", "a.txt", ("Kim",))
    assert check_dates(odd, make_claim("Kim left on Tuesday.", "b.txt", ("Kim",)), 0.8).message == "Monday vs Tuesday"
    assert dates("Kim said Monday's attack killed five.", "Kim said Tuesday's attack killed five.").contradicts


def test_a_weekday_written_with_its_date_is_one_day():
    pair = (
        "Shareholders will vote at a meeting on June 17.",
        "Shareholders will vote at a meeting on Tuesday, June 24.",
    )
    assert check_dates(make_claim(pair[0]), make_claim(pair[1], "b.txt"), 0.95).message == "June 17 vs Tuesday, June 24"
    assert (
        check_dates(make_claim("They vote on Tuesday, June 24."), make_claim("They vote on June 24.", "b.txt"), 0.95)
        is None
    )
    assert check_dates(make_claim(pair[0]), make_claim(pair[1], "b.txt"), 0.8) is None  # no shared actor, less alike


def test_a_date_against_weekdays_needs_a_shared_actor_however_alike():
    a = make_claim("On October 26, 2014 a post said six days of darkness would come.")
    b = make_claim("Six days of darkness will come from Tuesday to Monday.", "b.txt")
    assert check_dates(a, b, 0.95) is None


def test_the_day_of_a_statement_is_the_one_its_own_clause_reports():
    from checker.checks.dates import event_days

    assert [d.text for d in event_days(make_claim("On Tuesday, police arrested three men, the ministry said."))] == [
        "Tuesday"
    ]


def test_one_thing_doing_one_thing_on_two_days_contradicts_however_unalike_the_sentences():
    a = make_claim("Maalen had sat in the dock every day since the trial began on February 24, alongside Reinholt.")
    b = make_claim("The trial, which began on March 3, examined fictitious transactions.", "b.txt")
    evidence = check_dates(a, b, 0.35)
    assert evidence.contradicts and evidence.message == "trial began on February 24 vs trial began on March 3"
    assert "event:trial:begin" in event_keys(b.text)
    same = make_claim("The trial began on Monday, February 24, in Ardmoor.", "c.txt")
    assert check_dates(a, same, 0.35) is None
    assert check_dates(a, make_claim("The trial began on Tuesday, the 3rd, in Ardmoor.", "e.txt"), 0.35) is None
    assert dated_events("The talks, which began on Tuesday, the 3rd, went on.")["talks:begin"].weekday == 1
    assert dated_events("He spoke and began on Monday to pack.") == {}
    other_event = make_claim("The hearing began on March 3 in Ardmoor.", "d.txt")
    assert check_dates(a, other_event, 0.35) is None


def test_a_day_counted_from_another_event_dates_neither():
    shot = "Kevin Vickers shot dead an attacker inside Parliament on Wednesday morning."
    applause = "Members applauded Kevin Vickers on Thursday, a day after he shot dead a gunman inside Parliament."
    assert dates(shot, applause) is None
    assert dates(shot, "Kevin Vickers shot dead an attacker inside Parliament on Thursday.").contradicts


def test_a_name_tagged_a_person_in_one_claim_and_an_organisation_in_the_other_is_one_actor():
    a = make_claim("Talks between the unions and BelRail collapsed on Tuesday evening.", "a.txt", ("person:belrail",))
    b = make_claim("Talks between the unions and BelRail broke down on Monday night.", "b.txt", ("BelRail",))
    assert check_dates(a, b, 0.82).message == "Tuesday vs Monday"
