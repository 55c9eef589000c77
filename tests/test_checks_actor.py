"""The `actor` check's explainer; its sentence-pair cases are data, in tests/cases/actor.jsonl."""

from __future__ import annotations

from checker.checks.actors import ActorCheck
from tests.helpers import annotated, make_claim

HOLLIS = "Judge Margaret Hollis sentenced Daniel Okafor to seven years in 2019."
WHITFIELD = "Judge Karen Whitfield sentenced Daniel Okafor to four years on Tuesday."


def _evidence(a, b):
    check = ActorCheck()
    return check, check.compare(annotated(a, [check]), annotated(b, [check]), 0.8)


def test_two_judges_of_one_sentencing_are_a_contradiction():
    check, evidence = _evidence(make_claim(HOLLIS, "a.txt"), make_claim(WHITFIELD, "b.txt"))
    assert evidence is not None and evidence.contradicts
    assert check.subject(evidence.detail) == check.subject({"act": "sentenced", "party": "Okafor"})


def test_a_document_naming_both_doers_explains_the_pair_away():
    """An article that tells of two sentencings (one overturned, say) names both judges: the other source's one is
    then no slip."""
    a, b = make_claim(HOLLIS, "a.txt"), make_claim(WHITFIELD, "b.txt")
    both = make_claim(
        "Okafor was first sentenced by Judge Karen Whitfield, a ruling later overturned.", "a.txt", ("person:okafor",)
    )
    check, evidence = _evidence(a, b)
    claims = [annotated(c, [check]) for c in (a, b, both)]
    assert check.explainer(claims).explains(evidence, claims[0], claims[1])
    assert not check.explainer(claims[:2]).explains(evidence, claims[0], claims[1])
