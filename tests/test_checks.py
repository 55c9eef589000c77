"""Structured checks on sentences written for the tests, false alarms included."""

from __future__ import annotations

from dataclasses import replace

from checker.checks import run_checks
from checker.checks.dates import check_dates
from checker.checks.entity_sets import check_entity_sets, list_members
from checker.checks.numbers import check_numbers, extract_quantities
from checker.checks.text import stem
from checker.checks.titles import check_titles
from tests.helpers import make_claim, make_pair


def numbers(a: str, b: str):
    return check_numbers(make_claim(a, "a.txt"), make_claim(b, "b.txt"), similarity=0.7)


def test_different_vote_counts_contradict():
    evidence = numbers("The motion failed with 41 votes against.", "Lawmakers cast 35 votes against the motion.")
    assert evidence.contradicts and evidence.kind == "number"
    assert (evidence.detail["a"]["value"], evidence.detail["b"]["value"]) == (41, 35)


def test_counted_voters_are_compared_with_votes():
    evidence = numbers(
        "Canada was one of only three nations, with Chile and Peru, that voted against the plan.",
        "The plan drew 22 votes against and 101 in favour.",
    )
    assert (
        evidence.contradicts and evidence.detail["unit"] == stem("votes") and evidence.detail["polarity"] == "against"
    )


def test_votes_for_are_not_compared_with_votes_against():
    assert numbers("The bill passed with 60 votes in favor.", "The bill drew 38 votes against.") is None


def test_equal_values_agree():
    evidence = numbers(
        "The plant employs 1,200 workers in the region.", "About 1200 workers are employed at the plant."
    )
    assert evidence is not None and not evidence.contradicts


def test_unrelated_percentages_are_not_a_discrepancy():
    assert numbers("Tariffs on steel rose by 25% last year.", "Turnout reached 61% in the capital.") is None


def test_years_and_one_of_are_not_quantities():
    assert extract_quantities("In 2019 she was one of the founders.") == []


def test_plain_counts_need_closely_similar_claims():
    a, b = make_claim("The fire destroyed 40 homes.", "a.txt"), make_claim("The flood destroyed 300 homes.", "b.txt")
    assert check_numbers(a, b, similarity=0.4) is None
    assert check_numbers(a, b, similarity=0.7).contradicts


def test_claims_set_in_different_bodies_count_different_things():
    a = make_claim("The text got 18 votes against.", "a.txt")
    b = make_claim("The text got 4 votes against.", "b.txt")
    assert (
        check_numbers(replace(a, setting=("General Assembly",)), replace(b, setting=("Security Council",)), 0.7) is None
    )
    assert check_numbers(replace(a, setting=("General Assembly",)), replace(b, setting=("General Assembly",)), 0.7)


def test_different_units_are_not_compared():
    assert numbers("The storm killed 12 people.", "The storm destroyed 300 homes.") is None


def test_scale_words_multiply():
    (quantity,) = extract_quantities("The deal is worth 3.5 billion dollars.")
    assert quantity.value == 3.5e9


def test_durations_are_plain_counts_not_votes():
    """'for' after a duration is no vote in favour: it must not let unrelated claims be compared."""
    (quantity,) = extract_quantities("He spent eight years for the charity.")
    assert quantity.polarity == ""
    a = make_claim("He spent eight years for the charity.", "a.txt")
    b = make_claim("She waited four years for a visa.", "b.txt")
    assert check_numbers(a, b, similarity=0.5) is None


def test_ages_and_numbers_in_names_are_not_counts():
    assert extract_quantities("Aamir Dhawan, 30, a local, said nobody helped.") == []
    assert extract_quantities("Brewer spoke with local news station ABC 15 about the charges.") == []
    assert extract_quantities("The trial began on January 5 in Boston.") == []
    assert [q.value for q in extract_quantities("In 15 minutes the crowd had gone.")] == [15]


def test_bounds_and_round_figures_contradict_only_values_outside_them():
    assert (
        numbers("Militants carried out at least five attacks.", "Militants carried out at least six attacks.") is None
    )
    assert numbers("Libya lost 11 commercial aircraft.", "Libya lost nearly a dozen commercial aircraft.") is None
    assert numbers("More than 50 people died in the blast.", "The blast killed 30 people.").contradicts
    assert numbers("Fewer than 20 people were hurt.", "The blast hurt 35 people.").contradicts
    assert numbers("About 100 homes burned.", "The fire burned 150 homes.").contradicts


def test_thousands_hundreds_and_day_first_dates_read_right():
    assert [q.value for q in extract_quantities("In Syria, 250,000 people have died in the war.")] == [250000]
    assert [q.value for q in extract_quantities("Three hundred people marched.")] == [300]
    assert extract_quantities("The trial began on 5 January in Boston.") == []


def test_bounds_before_round_words_and_bounds_never_agree():
    assert numbers("At least a dozen people were killed.", "Twenty people were killed.") is None
    assert numbers("Fewer than 10 people were hurt.", "More than 10 people were hurt.") is None


def test_a_scale_word_stays_with_its_figure():
    (quantity,) = extract_quantities("The clip has received more than 40 million views.")
    assert (quantity.text, quantity.value, quantity.bound) == ("40 million", 4e7, "lower")


def test_list_members_are_found():
    assert list_members("Talks included France, Germany, and Italy on Friday.") == ["France", "Germany", "Italy"]


def test_a_different_list_of_participants_contradicts():
    a = make_claim(
        "Peru voted no alongside Chile, Bolivia and Ecuador.", "a.txt", ("Bolivia", "Chile", "Ecuador", "Peru")
    )
    b = make_claim(
        "Peru, Chile, Bolivia and Paraguay voted against it.", "b.txt", ("Bolivia", "Chile", "Paraguay", "Peru")
    )
    evidence = check_entity_sets(a, b, 0.7)
    assert evidence.contradicts
    assert evidence.detail["only_in_a"] == ["Ecuador"] and evidence.detail["only_in_b"] == ["Paraguay"]


def test_aliases_name_the_same_participant():
    a = make_claim(
        "Washington voted with Moscow, Minsk and Pyongyang.",
        "a.txt",
        ("Belarus", "North Korea", "Russia", "United States"),
    )
    b = make_claim(
        "The US sided with Russia, Belarus and North Korea.",
        "b.txt",
        ("Belarus", "North Korea", "Russia", "United States"),
    )
    assert check_entity_sets(a, b, 0.7) is None


def test_a_partial_list_may_leave_names_out():
    a = make_claim("Five countries, including Spain and Portugal, abstained.", "a.txt", ("Portugal", "Spain"))
    b = make_claim(
        "The abstentions were Spain, Portugal, Malta, Cyprus and Greece.",
        "b.txt",
        ("Cyprus", "Greece", "Malta", "Portugal", "Spain"),
    )
    assert check_entity_sets(a, b, 0.7) is None


def test_lists_with_little_in_common_are_different_events():
    a = make_claim("Leaders of Kenya, Ghana and Nigeria met in Accra.", "a.txt", ("Ghana", "Kenya", "Nigeria"))
    b = make_claim("Brazil, Chile and Ghana signed the trade pact.", "b.txt", ("Brazil", "Chile", "Ghana"))
    assert check_entity_sets(a, b, 0.7) is None


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
        "The summit opened on Monday.", "The summit opened on Tuesday.", similarity=0.5, entities=("NATO",)
    )
    assert not [e for e in run_checks(pair) if e.kind == "date"]


def test_former_against_sitting_title_contradicts():
    a = make_claim("Former President Jacques Chirac visited Algiers in 2003.")
    b = make_claim("President Jacques Chirac visited Algiers in 2003.", "b.txt")
    evidence = check_titles(a, b, 0.3)
    assert evidence.contradicts and evidence.detail["person"] == "chirac"


def test_same_title_on_both_sides_is_fine():
    a = make_claim("President Lula da Silva spoke in Brasilia.")
    b = make_claim("Brazilian President Lula da Silva spoke on Monday.", "b.txt")
    assert check_titles(a, b, 0.3) is None


def test_an_impossible_date_in_the_text_is_no_crash_and_possessive_days_are_events():
    odd = make_claim("Kim left on Monday (2015-02-30).", "a.txt", ("Kim",))
    assert check_dates(odd, make_claim("Kim left on Tuesday.", "b.txt", ("Kim",)), 0.8).message == "Monday vs Tuesday"
    assert dates("Kim said Monday's attack killed five.", "Kim said Tuesday's attack killed five.").contradicts
