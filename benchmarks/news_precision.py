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

    python benchmarks/news_precision.py [--skip 200] [--model DIR] [--no-append]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", type=int, default=0, help="articles to skip: 0 (written against) or 200 (held out)")
    parser.add_argument("--model", help="NLI model directory (default: the configured one)")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    config = load_config(start=ROOT).with_overrides(model=args.model)
    labels = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels[pair_key(row["a"], row["b"])] = row["label"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_news_corpus(Path(tmp) / "news.jsonl", ARTICLES, args.skip)
        findings = [f for f in Checker(config).check([str(corpus)]).findings if f.label == "contradict"]
    counts: dict[str, Counter] = {}
    unlabelled = []
    for finding in findings:
        label = labels.get(finding_key(finding), "not labelled")
        counts.setdefault(finding.kind, Counter())[label] += 1
        if label == "not labelled":
            unlabelled.append(f"- {finding.kind}: {finding.pair.a.text!r} vs {finding.pair.b.text!r}")
    lines = [
        f"### Contradictions on real news, {datetime.date.today().isoformat()}: FNC-1 bodies "
        f"{args.skip}-{args.skip + ARTICLES - 1}, "
        f"model {Path(config.model).name}, blind labels in benchmarks/news_labels.jsonl",
        "",
        "| kind | reported | real | not real | not labelled | precision of the labelled |",
        "|---|---|---|---|---|---|",
    ]
    for kind, c in sorted(counts.items()):
        labelled = c["contradiction"] + c["not"] + c["unclear"]
        precision = f"{c['contradiction'] / labelled:.0%}" if labelled else "-"
        lines.append(
            f"| {kind} | {sum(c.values())} | {c['contradiction']} | {c['not']} | {c['not labelled']} | {precision} |"
        )
    publish("\n".join(lines) + "\n", append=not args.no_append)
    if unlabelled:
        print("Not labelled yet (label them blind, then append to benchmarks/news_labels.jsonl):")
        print("\n".join(unlabelled))
    return 0


if __name__ == "__main__":
    sys.exit(main())
