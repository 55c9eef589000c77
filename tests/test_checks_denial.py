"""The `denial` check on sentences written for the tests, false alarms included."""

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


def test_one_speaker_confirming_in_one_source_and_denying_in_another_contradicts():
    kestrel = ("Kestrel",)
    a = make_claim("Kestrel confirmed on Sunday that a fault in the stabilisers had been logged.", "a.txt", kestrel)
    b = make_claim("Kestrel denied that any fault had been reported with the ferry's stabilisers.", "b.txt", kestrel)
    evidence = check_denials(a, b, 0.7)
    assert evidence.contradicts and evidence.detail == {"speaker": "Kestrel", "a": "confirmed", "b": "denied"}
    trailing = make_claim("A fault in the stabilisers had been logged, Kestrel admitted.", "c.txt", kestrel)
    assert check_denials(b, trailing, 0.7).message == "Kestrel: denied vs admitted"


def test_a_spokesperson_speaks_for_the_organisation_and_a_described_subject_is_still_the_speaker():
    denial = make_claim("A Brennmark spokeswoman denied on Wednesday that the firm was in settlement talks.")
    described = make_claim(
        "Brennmark, which says it has replaced its management, confirmed on Wednesday that it was in settlement "
        "talks with shareholders.",
        "b.txt",
    )
    assert check_denials(denial, described, 0.7).message == "Brennmark: denied vs confirmed"
    other = make_claim("A police spokeswoman confirmed on Wednesday that the firm was in settlement talks.", "c.txt")
    assert check_denials(denial, other, 0.7) is None


def test_denials_of_other_speakers_or_other_matters_are_no_conflict():
    kestrel = ("Kestrel",)
    denial = make_claim("Kestrel denied that any fault had been reported with the stabilisers.", "b.txt", kestrel)
    police = make_claim("Police confirmed a fault in the stabilisers had been logged.", "a.txt", ("Police",))
    assert check_denials(police, denial, 0.7) is None
    other_matter = make_claim("Kestrel confirmed the ferry had been inspected in March.", "a.txt", kestrel)
    assert check_denials(other_matter, denial, 0.7) is None
    agreeing = make_claim("Kestrel confirmed no fault had been reported with the stabilisers.", "a.txt", kestrel)
    assert check_denials(agreeing, denial, 0.7) is None
    smith = ("person:smith",)
    said = make_claim("Smith said the bribery charges were politically motivated.", "a.txt", smith)
    assert check_denials(said, make_claim("Smith denied the bribery charges in court.", "b.txt", smith), 0.7) is None
    untagged = make_claim("Officials confirmed that a fault had been logged in the stabilisers.")
    officials = make_claim("Officials denied that any fault had been reported in the stabilisers.", "b.txt")
    assert check_denials(untagged, officials, 0.7) is None
