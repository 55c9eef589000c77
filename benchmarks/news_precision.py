"""Precision of reported contradictions on real news, against blind labels.

Runs checker on 200 FNC-1 bodies (../shared/data/news; the first 200, or the
200 after `--skip N`), matches each reported contradiction to
benchmarks/news_labels.jsonl by both claims' document ids and offsets, and
prints, by kind, how many are reported, how many a reader labelled a real
discrepancy or not, and how many are not labelled yet. The labels were given blind (pairs shuffled, the system unknown to the
reader); a change that reports new pairs needs them labelled the same way
before its precision can be read (the script lists them).

The checks' rules were written looking at the first 200 (tightened where they
flagged false discrepancies there); articles 200-399 were labelled afterwards
as a held-out sample (--skip 200): held out from the rules, not from the
model, whose training data were built from every FNC-1 body.

    python benchmarks/news_precision.py [--skip 200] [--model DIR] [--no-append] [--unlabelled new.jsonl]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402
from shared_data import write_news_corpus  # noqa: E402

from checker.config import load_config  # noqa: E402
from checker.corpus import load_corpus  # noqa: E402
from checker.decision import Decision, weights_digest  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.records import Finding  # noqa: E402

ARTICLES = 200
LABELS = Path(__file__).resolve().parent / "news_labels.jsonl"


def pair_key(a: dict, b: dict) -> frozenset:
    """Both claims, in either order."""
    return frozenset({(a["doc_id"], tuple(a["span"])), (b["doc_id"], tuple(b["span"]))})


def finding_key(finding: Finding) -> frozenset:
    a, b = finding.pair.a, finding.pair.b
    return frozenset({(a.doc_id, (a.span.start, a.span.end)), (b.doc_id, (b.span.start, b.span.end))})


def _side(claim, text: str) -> dict:
    """A claim as a labeller needs it: where it is, its sentence and the sentences around it."""
    start, end = claim.sentence_span.start, claim.sentence_span.end
    return {
        "doc_id": claim.doc_id,
        "span": [claim.span.start, claim.span.end],
        "sentence": text[start:end],
        "context": text[max(0, start - 400) : end + 400],
    }


def calibration_error(scored: list[tuple[float, bool]]) -> float:
    """Expected calibration error with one bin per score given: a kind's findings share one score, so this is the
    gap between each kind's score and the share of its findings readers confirmed, weighed by its findings."""
    by_score: dict[float, list[bool]] = {}
    for score, real in scored:
        by_score.setdefault(score, []).append(real)
    return sum(abs(score * len(reals) - sum(reals)) for score, reals in by_score.items()) / len(scored)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", type=int, default=0, help="articles to skip: 0 (written against) or 200 (held out)")
    parser.add_argument("--model", help="NLI model directory (default: the configured one)")
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--unlabelled", type=Path, help="write the pairs without a label here (JSONL), to label blind")
    parser.add_argument(
        "--reported",
        type=Path,
        help="write every reported contradiction, its kind and label, here (JSONL), to calibrate on",
    )
    args = parser.parse_args()
    config = load_config(start=ROOT).with_overrides(model=args.model)
    labels = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels[pair_key(row["a"], row["b"])] = row["label"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_news_corpus(Path(tmp) / "news.jsonl", ARTICLES, args.skip)
        findings = [f for f in Checker(config).check([str(corpus)]).findings if f.label == "contradict"]
        texts = {d.id: d.text for d in load_corpus([str(corpus)]).documents}
    counts: dict[str, Counter] = {}
    scores: dict[str, list[float]] = {}
    unlabelled = []
    for finding in findings:
        label = labels.get(finding_key(finding), "not labelled")
        counts.setdefault(finding.kind, Counter())[label] += 1
        scores.setdefault(finding.kind, []).append(finding.score)
        if label == "not labelled":
            unlabelled.append(finding)
    lines = [
        f"### Contradictions on real news, {datetime.date.today().isoformat()}: FNC-1 bodies "
        f"{args.skip}-{args.skip + ARTICLES - 1}, "
        f"model {Path(config.model).name}, blind labels in benchmarks/news_labels.jsonl",
        "",
        "| kind | reported | real | not real | not labelled | precision of the labelled | mean score |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, c in sorted(counts.items()):
        labelled = c["contradiction"] + c["not"] + c["unclear"]
        precision = f"{c['contradiction'] / labelled:.0%}" if labelled else "-"
        mean = sum(scores[kind]) / len(scores[kind])
        lines.append(
            f"| {kind} | {sum(c.values())} | {c['contradiction']} | {c['not']} | {c['not labelled']} | {precision} "
            f"| {mean:.2f} |"
        )
    labelled = [(f.score, labels[finding_key(f)] == "contradiction") for f in findings if finding_key(f) in labels]
    if labelled:
        lines += ["", f"Calibration error of the score on the labelled findings: {calibration_error(labelled):.3f}."]
    publish("\n".join(lines) + "\n", append=not args.no_append)
    if unlabelled:
        print("Not labelled yet (label them blind, then append to benchmarks/news_labels.jsonl):")
        print("\n".join(f"- {f.kind}: {f.pair.a.text!r} vs {f.pair.b.text!r}" for f in unlabelled))
    if args.reported:
        decision = Decision.load(config.decision)  # the weights whose reports these are: calibration checks them
        digest = weights_digest(decision.weights, decision.intercept)
        with args.reported.open("w", encoding="utf-8") as out:
            for f in findings:
                sides = {
                    k: {"doc_id": c.doc_id, "span": [c.span.start, c.span.end]}
                    for k, c in (("a", f.pair.a), ("b", f.pair.b))
                }
                label = labels.get(finding_key(f), "not labelled")
                row = {**sides, "kind": f.kind, "score": f.score, "label": label, "range": args.skip, "weights": digest}
                out.write(json.dumps(row) + "\n")
    if args.unlabelled:
        with args.unlabelled.open("w", encoding="utf-8") as out:
            for f in unlabelled:
                sides = {k: _side(c, texts[c.doc_id]) for k, c in (("a", f.pair.a), ("b", f.pair.b))}
                out.write(json.dumps({**sides, "kind": f.kind}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
