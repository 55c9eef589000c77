"""Document-wide guards of the place and holder checks: a source that names the other's place, or gives the other
person the office too, may tell of both."""

from __future__ import annotations

from checker.checks.holders import HolderCheck
from checker.checks.places import PlaceCheck
from tests.helpers import annotated, comparer, make_claim


def test_a_place_the_other_document_names_anywhere_explains_the_pair():
    compare = comparer(PlaceCheck)
    bali = annotated(make_claim("Canada and Indonesia signed the agreement in Bali on Monday.", "feed"))
    jakarta = annotated(make_claim("Canada and Indonesia signed a trade agreement in Jakarta on Monday.", "wire"))
    evidence = compare(bali, jakarta, 0.8)
    assert evidence is not None and evidence.contradicts
    assert evidence.message == "signed the agreement in Bali vs signed a trade agreement in Jakarta"
    alone = PlaceCheck().explainer([bali, jakarta])
    assert not alone.explains(evidence, bali, jakarta)
    later = make_claim("The delegations later flew to Bali for a summit.", "wire")
    assert PlaceCheck().explainer([bali, jakarta, later]).explains(evidence, bali, jakarta)


def test_a_document_that_gives_the_other_person_the_office_too_explains_two_holders():
    """An office changes hands: an article naming the old mayor and the new tells of both."""
    compare = comparer(HolderCheck)
    new = annotated(make_claim("Brennick Mayor Sofia Andrade-Kell opened the clinic on Monday.", "wire"))
    old = annotated(make_claim("Brennick Mayor Tomasz Riedl opened the clinic on Monday.", "feed"))
    evidence = compare(old, new, 0.7)
    assert evidence is not None and evidence.contradicts
    assert not HolderCheck().explainer([old, new]).explains(evidence, old, new)
    earlier = annotated(make_claim("Brennick Mayor Tomasz Riedl had cut the ribbon last year.", "wire"))
    assert HolderCheck().explainer([old, new, earlier]).explains(evidence, old, new)
