"""The place check's document-wide guard: a source that names the other's place anywhere may tell of both."""

from __future__ import annotations

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
