"""The `title` check on sentences written for the tests, false alarms included."""

from __future__ import annotations

from checker.checks.dates import DateCheck
from checker.checks.denials import DenialCheck
from checker.checks.entity_sets import EntitySetCheck
from checker.checks.numbers import NumberCheck
from checker.checks.quotes import QuoteCheck
from checker.checks.titles import RoleIndex, TitleCheck
from tests.helpers import annotated, comparer, make_claim

check_numbers, check_dates, check_titles = comparer(NumberCheck), comparer(DateCheck), comparer(TitleCheck)
check_denials, check_quotes, check_entity_sets = comparer(DenialCheck), comparer(QuoteCheck), comparer(EntitySetCheck)


def test_former_against_sitting_title_contradicts():
    a = make_claim("Former President Jacques Chirac visited Algiers in 2003.")
    b = make_claim("President Jacques Chirac visited Algiers in 2003.", "b.txt")
    evidence = check_titles(a, b, 0.3)
    assert evidence.contradicts and evidence.detail["person"] == "chirac"


def test_a_company_of_several_words_before_a_title_keeps_its_former():
    a = make_claim("Former General Electric chief executive Jack Welch spoke in Boston.")
    b = make_claim("General Electric chief executive Jack Welch spoke in Boston.", "b.txt")
    evidence = check_titles(a, b, 0.6)
    assert evidence.contradicts and evidence.detail["a_former"] and not evidence.detail["b_former"]


def test_same_title_on_both_sides_is_fine():
    a = make_claim("President Lula da Silva spoke in Brasilia.")
    b = make_claim("Brazilian President Lula da Silva spoke on Monday.", "b.txt")
    assert check_titles(a, b, 0.3) is None


def test_two_offices_of_one_kind_for_one_person_contradict():
    evidence = check_titles(
        make_claim("Home Minister Bishnu Prasad Khanal spoke in Kathmandu."),
        make_claim("Health Minister Bishnu Khanal visited the hospital.", "b.txt"),
        0.3,
    )
    assert evidence.contradicts and (evidence.detail["a_office"], evidence.detail["b_office"]) == ("interior", "health")
    evidence = check_titles(
        make_claim("Acme chief financial officer Elena Sorensen will oversee the integration."),
        make_claim("Chief operating officer Elena Sorensen will be in charge of the merger.", "b.txt"),
        0.3,
    )
    assert evidence.message == "Acme chief financial officer Elena Sorensen vs Chief operating officer Elena Sorensen"


def test_one_office_named_two_ways_agrees_and_two_people_with_one_title_are_fine():
    same = ("Kestrel CEO Mads Orrevik apologised.", "Mads Orrevik, Kestrel's chief executive, said sorry.")
    evidence = check_titles(make_claim(same[0]), make_claim(same[1], "b.txt"), 0.7)
    assert check_titles(make_claim(same[0]), make_claim(same[1], "b.txt"), 0.3) is None  # pairs about anything else
    assert (
        not evidence.contradicts
        and evidence.message == "Kestrel CEO Mads Orrevik is Mads Orrevik, Kestrel's chief executive"
    )
    home = (make_claim("Home Minister Jo Lund spoke."), make_claim("Jo Lund, the interior minister, spoke.", "b.txt"))
    assert not check_titles(*home, 0.7).contradicts
    written_alike = ("President Jo Lund spoke.", "US President Jo Lund spoke.")
    assert check_titles(make_claim(written_alike[0]), make_claim(written_alike[1], "b.txt"), 0.3) is None
    people = (
        "Acme's chief financial officer, David Okafor, said.",
        "Acme chief financial officer Elena Sorensen said.",
    )
    assert check_titles(make_claim(people[0]), make_claim(people[1], "b.txt"), 0.3) is None


def test_an_office_the_other_article_also_gives_is_no_conflict():
    a = make_claim("Foreign Minister Ana Ruiz flew to Paris.")
    b = make_claim("Finance Minister Ana Ruiz flew to Paris.", "b.txt")
    elsewhere = make_claim("Later Ana Ruiz, the finance minister, met bankers.")
    evidence = check_titles(a, b, 0.5)
    assert evidence.contradicts
    assert RoleIndex([annotated(c) for c in (a, elsewhere, b)], "title").explains(evidence, a, b)
    assert not RoleIndex([annotated(a), annotated(b)], "title").explains(evidence, a, b)


def test_offices_once_held_are_a_career_not_a_conflict():
    a = make_claim("Leitner, a former finance minister, won the vote.")
    b = make_claim("Katharina Leitner, the former interior minister, won the vote.", "b.txt")
    assert check_titles(a, b, 0.6) is None
    assert check_titles(a, make_claim("Interior Minister Katharina Leitner won.", "c.txt"), 0.6) is None
    assert check_titles(a, make_claim("Finance Minister Katharina Leitner won.", "c.txt"), 0.6).contradicts


def test_deputies_vice_presidents_and_names_after_an_office_are_their_own():
    two_offices = make_claim("Deputy Prime Minister and Foreign Minister Radoslaw Sikorski said.")
    deputy = make_claim("Deputy Prime Minister Radoslaw Sikorski said.", "b.txt")
    assert check_titles(two_offices, deputy, 0.6) is None
    assert check_titles(
        make_claim("Vice President Joe Biden spoke."), make_claim("President Joe Biden spoke.", "b.txt"), 0.6
    ).contradicts
    staff = (
        "Mark Meadows, former President Trump's chief of staff, said.",
        "Mark Meadows, President Trump's chief of staff, said.",
    )
    assert check_titles(make_claim(staff[0]), make_claim(staff[1], "b.txt"), 0.6).detail["person"] == "trump"
    weekday = ("The defence minister Tuesday said.", "The interior minister Tuesday said.")
    assert check_titles(make_claim(weekday[0]), make_claim(weekday[1], "b.txt"), 0.6) is None
