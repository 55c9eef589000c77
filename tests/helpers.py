"""Build claims from plain sentences for unit tests of later stages."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from checker.checks import Check, annotate, registry
from checker.claims import as_parsed, load_nlp
from checker.records import CandidatePair, Claim, Span

VOTE_A = "The assembly met on Monday in Geneva.\nThe resolution got 18 votes against in the General Assembly.\n"
VOTE_B = "Delegates gathered in Geneva for the session.\nThe resolution got 4 votes against in the General Assembly.\n"


def make_claim(
    text: str, doc_id: str = "a.txt", entities: tuple[str, ...] = (), standalone: str | None = None
) -> Claim:
    return Claim(
        doc_id=doc_id,
        span=Span(0, len(text)),
        text=text,
        sentence_span=Span(0, len(text)),
        line=1,
        standalone=standalone or text,
        entities=entities,
    )


def make_pair(a: str, b: str, similarity: float = 0.8, **kwargs) -> CandidatePair:
    return CandidatePair(make_claim(a, "a.txt", **kwargs), make_claim(b, "b.txt", **kwargs), similarity)


@functools.cache
def _nlp():
    return load_nlp()


def annotated(claim: Claim, checks: Sequence[Check] | None = None) -> Claim:
    """The claim annotated by the checks (default: all) from its own parse, as claim extraction does."""
    return annotate(claim, _nlp()(as_parsed(claim.text))[:], registry().configured() if checks is None else checks)


def comparer(check_class: type[Check], **settings: float):
    """`compare(a, b, similarity)` of one check on claims made by `make_claim`, annotated first."""
    check = check_class(**settings)
    # every check annotates, as claim extraction does: one check reads another's annotation (a date's figures)
    checks = [check, *(c for c in registry().configured() if c.kind != check.kind)]

    def compare(a: Claim, b: Claim, similarity: float):
        return check.compare(annotated(a, checks), annotated(b, checks), similarity)

    return compare
