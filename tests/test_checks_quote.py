"""The `quote` check on sentences written for the tests, false alarms included."""

from __future__ import annotations

from checker.checks.dates import DateCheck
from checker.checks.denials import DenialCheck
from checker.checks.entity_sets import EntitySetCheck
from checker.checks.numbers import NumberCheck
from checker.checks.quotes import QuoteCheck
from checker.checks.titles import TitleCheck
from tests.helpers import comparer, make_claim

check_numbers, check_dates, check_titles = comparer(NumberCheck), comparer(DateCheck), comparer(TitleCheck)
check_denials, check_quotes, check_entity_sets = comparer(DenialCheck), comparer(QuoteCheck), comparer(EntitySetCheck)


def test_the_same_quote_given_to_two_people_contradicts():
    quote = "“We are not yet in a position to say the fire is under control,”"
    ribo, solis = ("person:ribo",), ("person:solis",)
    a = make_claim(f"{quote} Carla Ribo, a spokeswoman for the Calvera Fire Service, said on Tuesday.", "a.txt", ribo)
    b = make_claim(f"{quote} said Marta Solis, a spokeswoman for the Calvera Fire Service.", "b.txt", solis)
    evidence = check_quotes(a, b, 0.9)
    assert evidence.contradicts and (evidence.detail["a"], evidence.detail["b"]) == ("Carla Ribo", "Marta Solis")
    same = make_claim(
        'Fire chief Carla Ribo told reporters: "not yet in a position to say the fire is under control."', "c.txt", ribo
    )
    assert not check_quotes(a, same, 0.9).contradicts
    ministry = make_claim(f"{quote} The Fire Ministry said.", "d.txt")  # no person the tagger found
    assert check_quotes(a, ministry, 0.9) is None
    untagged = make_claim(f"{quote} Hanna Berglof, a spokeswoman for the service, said.", "e.txt")
    assert check_quotes(b, untagged, 0.9).message == "the same words from Marta Solis vs Hanna Berglof"
    unnamed = make_claim(f"{quote} a spokeswoman for the fire service said.", "c.txt")
    assert check_quotes(a, unnamed, 0.9) is None
    short = ('"We are deeply saddened," said Carla Ribo.', '"We are deeply saddened," said Marta Solis.')
    assert check_quotes(make_claim(short[0], "a.txt", ribo), make_claim(short[1], "b.txt", solis), 0.9) is None
