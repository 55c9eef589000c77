"""A learned report-or-not decision: its features, and its fit on the tune half of benchmarks/judge.py's pairs.

Not switched on in checker: on the held-out pairs it finds more planted edits
and no paraphrase, but none of the real news discrepancies the rules find
(benchmarks/RESULTS.md, "Paraphrase or contradiction"); its training pairs
hold too few real disagreements between outlets. Each signal that is a
hand-ordered veto in checker/verdicts.py is a feature here: the NLI
probabilities both ways, the embedding similarity, which structured check
found a differing value, whether the claims name a common entity, whether one
claim's words all stand in the other, and an alignment of the two claims'
words that says what differs (a negation on one side only, a figure, a month
or weekday, a name, or wording only).

    python benchmarks/judge.py --pairs .cache/judge_pairs.jsonl --no-append
    python models/recipe/decision.py .cache/judge_pairs.jsonl [--out .cache/checker-decision.json]

A logistic regression (scikit-learn) on the pairs' features, with the
regularisation chosen by 5-fold cross-validated log loss on the tune half;
each set (paraphrases, planted edits, blind-labelled news, same-story pairs)
weighs as much in the fit as the others together weigh per pair, so the
thousands of same-story pairs do not drown the few hundred planted ones.
The reporting threshold is the probability 0.5: the decision's score is
calibrated, so a pair is reported when a reader is more likely than not to
call it a contradiction. The file written holds the weights by feature
name, the intercept, the threshold and what it was fitted on; no pickle.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegressionCV

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from checker.checks import calendar  # noqa: E402
from checker.records import CandidatePair, Evidence, NLIScores  # noqa: E402

THRESHOLD = 0.5

ENTAILMENT, NEUTRAL, CONTRADICTION = 0, 1, 2
WORD = re.compile(r"[\w']+")
# Alignment cues: what kind of word the two claims differ in. Features, not vetoes: their weights are learned.
NEGATIONS = frozenset({"not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor", "without"})
CALENDAR = frozenset(name.lower() for name in (*calendar.MONTHS, *calendar.WEEKDAYS))


@dataclass(frozen=True)
class Alignment:
    """What two claims' words differ in."""

    changed: float  # share of the words of either claim that the other lacks
    negation: bool  # a negation on one side only
    figure: bool  # a number on one side only
    calendar: bool  # a month or weekday on one side only
    name: bool  # a capitalised word (not the first) on one side only
    within: bool  # one claim's words all stand in the other (a quote given in part, an attribution added)


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("’", "'"))]


def align(a: str, b: str) -> Alignment:
    words_a, words_b = _words(a), _words(b)
    set_a, set_b = set(words_a), set(words_b)
    differing = set_a ^ set_b
    union = set_a | set_b or {""}
    names = {w.lower() for text in (a, b) for w in WORD.findall(text)[1:] if w[:1].isupper()}
    negations_a, negations_b = (sum(w in NEGATIONS or w.endswith("n't") for w in ws) for ws in (words_a, words_b))
    return Alignment(
        changed=len(differing) / len(union),
        negation=negations_a != negations_b,
        figure=any(any(c.isdigit() for c in w) for w in differing),
        calendar=bool(differing & CALENDAR),
        name=bool(differing & names),
        within=set_a <= set_b or set_b <= set_a,
    )


def features(
    pair: CandidatePair, scores: NLIScores | None, evidence: Sequence[Evidence], kinds: Sequence[str]
) -> dict[str, float]:
    """The signals of one pair, by name (`kinds`: the structured checks, in registry order)."""
    directions = scores.directions() if scores else []
    contra = sorted((p[CONTRADICTION] for p in directions), reverse=True) or [0.0]
    entail = max((p[ENTAILMENT] for p in directions), default=0.0)
    alignment = align(pair.a.text, pair.b.text)
    contradicting = {e.kind for e in evidence if e.contradicts}
    agreeing = {e.kind for e in evidence if not e.contradicts}
    values = {
        "contradiction_max": contra[0],
        "contradiction_min": contra[-1],
        "contradiction_logit": _logit(contra[0]),
        "entailment_max": entail,
        "similarity": pair.similarity,
        "shared_entity": float(bool(set(pair.a.entities) & set(pair.b.entities))),
        "no_entities": float(not pair.a.entities and not pair.b.entities),
        "words_changed": alignment.changed,
        "negation_one_side": float(alignment.negation),
        "figure_one_side": float(alignment.figure),
        "calendar_one_side": float(alignment.calendar),
        "name_one_side": float(alignment.name),
        "one_within_other": float(alignment.within),
        "agreeing_evidence": float(bool(agreeing)),
    }
    values |= {f"evidence_{kind}": float(kind in contradicting) for kind in kinds}
    return values


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Decision:
    """A fitted logistic regression: weights by feature name, an intercept, and the threshold to report at."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    @classmethod
    def load(cls, path: Path) -> Decision:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["intercept"], data["threshold"])

    def probability(self, values: dict[str, float]) -> float:
        """P(a reader calls the pair a contradiction); a feature the weights do not know counts nothing."""
        z = self.intercept + sum(w * values.get(name, 0.0) for name, w in self.weights.items())
        return 1 / (1 + math.exp(-z))


def fit(rows: list[dict]) -> dict:
    names = sorted(rows[0]["features"])
    x = np.array([[r["features"][n] for n in names] for r in rows])
    y = np.array([r["label"] for r in rows])
    sets = Counter(r["set"] for r in rows)
    weights = np.array([len(rows) / (len(sets) * sets[r["set"]]) for r in rows])
    model = LogisticRegressionCV(Cs=10, cv=5, scoring="neg_log_loss", max_iter=5000)
    model.fit(x, y, sample_weight=weights)
    return {
        "weights": {n: round(float(w), 6) for n, w in zip(names, model.coef_[0], strict=True)},
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": THRESHOLD,
        "fitted_on": {
            "date": str(datetime.date.today()),
            "pairs": len(rows),
            "contradictions": int(y.sum()),
            "sets": dict(sets),
            "C": float(model.C_[0]),
            "by": "models/recipe/decision.py on the tune half of benchmarks/judge.py's pairs",
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "checker-decision.json")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines()]
    decision = fit([r for r in rows if r["split"] == "tune"])
    args.out.write_text(json.dumps(decision, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(decision, indent=2))


if __name__ == "__main__":
    main()
