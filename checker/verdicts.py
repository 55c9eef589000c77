"""Scores + evidence → one `Finding` per claim pair: agree, contradict or unrelated.

NLI is read in both directions: a contradiction is symmetric, so the larger
of the two contradiction probabilities counts; entailment in either direction
counts as agreement (one claim may be a shortened form of the other). The
second direction is scored only where it could change the verdict
(`needs_reverse`); a direction not scored is None and does not count.
Structured evidence that contradicts outranks the model, since the model is
weakest exactly on numbers, lists, dates and titles.

A contradiction the model alone sees is reported where the learned decision
(checker/decision.py), one model over every signal of the pair (NLI both
ways, similarity, shared entities, the checks' evidence, what the words
differ in), gives it a probability of at least `Thresholds.report` (1.0 or
more: never). There is no second way in. Until session 66 a rule also
reported any pair the model read at `contradict_threshold` or more that
named a common entity: on real news the model's probability does not tell
a real disagreement from a false one (among the 665 blind-labelled pairs
earlier versions reported on FNC-1 news, nearly all read at 0.8 or more, its
larger contradiction probability ranks the 37 real ones at AUC 0.52), and of
the pairs the rule reported beyond the decision 4 of 16 were real on held-out
news. Without it held-out precision went from
0.41 to 0.64 and the share of held-out news paraphrases reported as a
conflict from 2.3% to 1.5%, for 3 of 80 held-out planted edits
(benchmarks/RESULTS.md, session 66).

Nor can the same words in two sources contradict each other: where one
sentence stands word for word inside the other (the same quote, given whole
in one outlet and in part in another), a contradiction could only come from
how the claims were made standalone (a pronoun resolved to different
people), so the decision is not asked there; nor where the two say the same
in the same words but for a name one gives where the other describes
("Kumar" / "the man") or words one writes another way ("E." / "East",
"Qaeda" / "Qa'eda"). That is what a contradiction is, not a guess about
news, and the decision's training pairs hold too few pairs the model
misreads that way to learn it.

A contradiction's score says how far to trust it: the share of the
contradictions reported on the same basis (which check, or the decision)
that readers confirmed on real news, from the decision file. The model's
probability is no such thing on news.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.checks import NLI_KIND, registry
from checker.decision import (
    LEARNED,
    Decision,
    features,
    model_features,
    named_otherwise,
    one_within_other,
    written_otherwise,
)
from checker.records import CandidatePair, Claim, Evidence, Finding, NLIScores

ENTAILMENT, NEUTRAL, CONTRADICTION = 0, 1, 2


@dataclass(frozen=True)
class Thresholds:
    contradict: float
    agree: float
    report: float = 0.75  # the learned decision's probability from which a model-only contradiction is reported


def _model_reading(scores: NLIScores | None) -> tuple[float, float, float]:
    """The largest contradiction and entailment probabilities and the smallest neutral one over the directions scored."""
    directions = scores.directions() if scores else []
    return (
        max((p[CONTRADICTION] for p in directions), default=0.0),
        max((p[ENTAILMENT] for p in directions), default=0.0),
        min((p[NEUTRAL] for p in directions), default=1.0),
    )


def contradiction_basis(
    pair: CandidatePair,
    scores: NLIScores | None,
    evidence: Sequence[Evidence],
    thresholds: Thresholds,
    decision: Decision,
    kinds: Sequence[str],
) -> str | None:
    """What reports the pair as a contradiction: a check's kind, the decision (`LEARNED`), or None.

    `kinds`: the structured checks, in the order they run (the decision's evidence features).
    """
    contradicting = [e for e in evidence if e.contradicts]
    if contradicting:
        return contradicting[0].kind
    # the cheap test first: most candidate pairs are ruled out by their NLI probabilities, before words are aligned
    if thresholds.report >= 1 or not decision.can_reach(thresholds.report, model_features(pair, scores)):
        return None
    if one_within_other(pair) or named_otherwise(pair) or written_otherwise(pair):
        return None
    if any(_one_statement(e) for e in evidence):
        return None
    return LEARNED if decision.probability(features(pair, scores, evidence, kinds)) >= thresholds.report else None


def _one_statement(evidence: Evidence) -> bool:
    """A check's evidence that the claims tell one statement (`Check.tells_one_statement`): one quote of one speaker,
    who is a "spokesman for the fire south of the city" in one and "for the Douglas County fire command center" in
    the other, the sentences alike but for that. The model read such a pair as a contradiction."""
    check = registry().check(evidence.kind)
    return check is not None and check.tells_one_statement(evidence)


def decide(
    pair: CandidatePair,
    scores: NLIScores | None,
    evidence: list[Evidence],
    thresholds: Thresholds,
    decision: Decision,
    kinds: Sequence[str],
    model: str,
    model_hash: str,
) -> Finding:
    """The strongest reading of one pair; evidence of the kind that decided it comes first.

    A contradiction's score is the decision file's calibrated score for its basis; an agreement's or an
    unrelated pair's is the model's probability.
    """
    p_contra, p_entail, p_neutral = _model_reading(scores)
    contradicting = [e for e in evidence if e.contradicts]
    agreeing = [e for e in evidence if not e.contradicts]

    def finding(label, kind, score, ordered):
        return Finding(label, kind, round(float(score), 4), pair, scores, tuple(ordered), model, model_hash)

    basis = contradiction_basis(pair, scores, evidence, thresholds, decision, kinds)
    if basis is not None:
        kind = NLI_KIND if basis == LEARNED else basis
        return finding("contradict", kind, decision.score(basis), contradicting + agreeing)
    if p_entail >= thresholds.agree:
        return finding("agree", "nli", p_entail, evidence)
    if agreeing and p_contra < thresholds.contradict:
        return finding("agree", agreeing[0].kind, max(p_entail, 1.0 - p_contra), evidence)
    return finding("unrelated", "nli", p_neutral, evidence)


def needs_reverse(first: tuple[float, float, float], thresholds: Thresholds, margin: float) -> bool:
    """Whether the second NLI direction could change the verdict the first one gives.

    The first direction has the longer claim as premise, the one that can
    entail the other. The reverse can only raise the contradiction or the
    entailment probability, so it matters where the first direction already
    comes within `margin` of a threshold; far below both, the pair stays
    unrelated whatever the reverse says (the margin is measured: see
    benchmarks/reverse.py). A margin of 1 scores both directions always.
    """
    return first[CONTRADICTION] >= thresholds.contradict - margin or first[ENTAILMENT] >= thresholds.agree - margin


def _is_headline(claim: Claim) -> bool:
    """A whole first line with no closing punctuation: a headline, not a sentence of the report."""
    whole_sentence = claim.span == claim.sentence_span
    return claim.line == 1 and whole_sentence and not claim.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))


def standing(finding: Finding) -> tuple[bool, float]:
    """Which of several pairs showing one discrepancy stands for them: body sentences first, then the most alike."""
    pair = finding.pair
    return (not (_is_headline(pair.a) or _is_headline(pair.b)), pair.similarity)


def _discrepancy(evidence: Evidence) -> str:
    """What a piece of evidence says differs, wherever in the two sentences: its fields and both sides' values."""
    detail = {k: v for k, v in evidence.detail.items() if k not in {"a", "b"}}
    values = [evidence.detail.get(side, {}) for side in ("a", "b")]
    return json.dumps(
        [evidence.kind, detail, [v.get("value") if isinstance(v, dict) else v for v in values]], sort_keys=True
    )


def _makes_a_fact(evidence: Evidence, kind: str) -> bool:
    """Whether evidence puts a pair of `kind` in a fact (`Check.makes_a_fact_in`), as `facts._by_kind` reads it."""
    check = registry().check(evidence.kind)
    return evidence.contradicts and check is not None and check.makes_a_fact_in(kind)


def collapse_repeats(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per structured discrepancy between two documents.

    The same differing value or title often stands in several sentences of an
    article; each would pair with the other source. One pair stands for all
    of them, so a report lists a discrepancy once: two body sentences rather
    than a headline (the body gives the statement with its source), and of
    those the most similar pair.
    """
    best: dict[tuple, Finding] = {}
    rest = []
    for finding in findings:
        if finding.label != "contradict" or finding.kind == "nli":
            rest.append(finding)
            continue
        shown = sorted(_discrepancy(e) for e in finding.evidence if _makes_a_fact(e, finding.kind))  # its facts
        key = (finding.kind, finding.pair.a.doc_id, finding.pair.b.doc_id, *shown)
        if key not in best or standing(finding) > standing(best[key]):
            best[key] = finding
    return rest + list(best.values())
