"""Structured checks together on sentences written for the tests, false alarms included."""

from __future__ import annotations

from checker.checks.dates import DateCheck, dated_events
from checker.checks.denials import DenialCheck
from checker.checks.entity_sets import EntitySetCheck
from checker.checks.numbers import NumberCheck
from checker.checks.quotes import QuoteCheck
from checker.checks.titles import TitleCheck
from tests.helpers import comparer, make_claim

check_numbers, check_dates, check_titles = comparer(NumberCheck), comparer(DateCheck), comparer(TitleCheck)
check_denials, check_quotes, check_entity_sets = comparer(DenialCheck), comparer(QuoteCheck), comparer(EntitySetCheck)


def test_review_cases_of_the_new_checks_stay_quiet():
    texas = make_claim("Early voting began on Monday in Texas.", "a.txt", ("Texas",))
    georgia = make_claim("In Georgia, early voting began on Tuesday.", "b.txt", ("Georgia",))
    assert check_dates(texas, georgia, 0.5) is None and check_dates(texas, georgia, 0.8) is None
    museum = make_claim("The museum, which first opened on June 5, 1974, reopened.", "a.txt")
    assert check_dates(museum, make_claim("The museum opened on June 20 after a renovation.", "b.txt"), 0.5) is None
    two_trials = "His first trial began on March 3, and a second trial began on April 7."
    assert dated_events(two_trials) == {}
    starmer = ("person:starmer", "person:biden")
    quote = '"We will stand with Ukraine for as long as it takes to win."'
    a = make_claim(f"After meeting Joe Biden, Keir Starmer said: {quote}", "a.txt", starmer)
    assert check_quotes(a, make_claim(f"Keir Starmer said: {quote}", "b.txt", starmer), 0.9).contradicts is False
    justice = make_claim("The Justice Department spokesman denied that the documents had been shared with Russia.")
    state = make_claim(
        "A State Department spokesman confirmed that the documents had been shared with Russia.", "b.txt"
    )
    assert check_denials(justice, state, 0.7) is None
    warships = ("Britain and France sent two warships each.", "Britain and Italy sent two warships each.")
    assert check_entity_sets(make_claim(warships[0]), make_claim(warships[1], "b.txt"), 0.7) is None
    assert (
        check_numbers(
            make_claim("Rescuers had recovered 25 bodies by Sunday."),
            make_claim("Rescuers had recovered 40 bodies by the evening.", "b.txt"),
            0.7,
        )
        is None
    )
