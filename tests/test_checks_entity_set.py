"""The `entity_set` check on sentences written for the tests, false alarms included."""

from __future__ import annotations

from checker.checks.dates import DateCheck
from checker.checks.denials import DenialCheck
from checker.checks.entity_sets import EntitySetCheck, list_members
from checker.checks.numbers import NumberCheck
from checker.checks.quotes import QuoteCheck
from checker.checks.titles import TitleCheck
from tests.helpers import comparer, make_claim

check_numbers, check_dates, check_titles = comparer(NumberCheck), comparer(DateCheck), comparer(TitleCheck)
check_denials, check_quotes, check_entity_sets = comparer(DenialCheck), comparer(QuoteCheck), comparer(EntitySetCheck)


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


def test_long_shared_lists_are_one_group_at_low_similarity():
    a = make_claim("Rescue teams from India, China, Japan, Turkey and Switzerland joined the search.")
    b = make_claim("Crack teams from India, China, Japan, Turkey and South Korea flew in to join.", "b.txt")
    assert check_entity_sets(a, b, 0.45).detail["only_in_b"] == ["South Korea"]
    short = (
        make_claim("Envoys of France and Spain met in Rome."),
        make_claim("Envoys of France, Spain and Italy joined talks.", "b.txt"),
    )
    assert check_entity_sets(*short, 0.45) is None


def test_the_same_list_named_in_both_agrees():
    a = make_claim("Two Corvane directors, Priya Raman and Thomas Whitfield, will join the board.")
    b = make_claim("Priya Raman and Thomas Whitfield will take seats on the board.", "b.txt")
    evidence = check_entity_sets(a, b, 0.8)
    assert not evidence.contradicts and evidence.detail["shared"] == ["Priya Raman", "Thomas Whitfield"]


def test_two_lists_both_counted_alike_differ_even_in_one_member():
    a = make_claim("Two neighbouring countries, Ostrenia and Valdesia, have sent water-bombing planes.")
    b = make_claim("Ostrenia and Kestria are the only two countries to have sent planes so far.", "b.txt")
    evidence = check_entity_sets(a, b, 0.6)
    assert evidence.contradicts and evidence.detail["only_in_a"] == ["Valdesia"]
    uncounted = make_claim("Ostrenia and Kestria have sent planes so far.", "c.txt")
    assert check_entity_sets(a, uncounted, 0.6) is None
    including = make_claim("Two countries, including Ostrenia and Kestria, have sent planes.", "d.txt")
    assert check_entity_sets(a, including, 0.6) is None
