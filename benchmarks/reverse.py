"""How far from a threshold the reverse NLI direction can still change a verdict.

The pipeline scores each candidate pair with the longer claim as premise and
the reverse direction only where the first comes within `reverse_margin` of
the contradiction or agreement threshold. This script runs checker on seeds/
and on news articles with both directions always scored, then replays every
verdict for a range of margins (and for the other ordering, pair order instead
of the longer claim first) and counts the verdicts that change against the
two-way verdict, and the reverse directions saved. It prints one table and
appends it to benchmarks/RESULTS.md.

    python benchmarks/reverse.py                 # seeds/ and 300 news articles
    python benchmarks/reverse.py --articles 100
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402
from shared_data import write_news_corpus  # noqa: E402

from checker.config import load_config  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.records import Finding, NLIScores  # noqa: E402
from checker.verdicts import decide, needs_reverse  # noqa: E402

MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)


def replay(finding: Finding, checker: Checker, margin: float, longer_first: bool) -> tuple[str, bool]:
    """The label the gated pipeline would give, and whether it scored the reverse direction."""
    pair, scores = finding.pair, finding.nli
    a_first = pair.a_first if longer_first else True
    first = scores.forward if a_first else scores.backward
    if needs_reverse(first, checker.thresholds, margin):
        return finding.label, True
    one_way = NLIScores(first, None) if a_first else NLIScores(None, first)
    gated = decide(pair, one_way, list(finding.evidence), checker.thresholds, finding.model, finding.model_hash)
    return gated.label, False


def rows_for(name: str, findings: list[Finding], checker: Checker) -> list[str]:
    labels = Counter(f.label for f in findings)
    rows = []
    for longer_first in (True, False):
        for margin in MARGINS if longer_first else (0.3,):
            changed: Counter = Counter()
            reversed_ = 0
            for finding in findings:
                label, scored = replay(finding, checker, margin, longer_first)
                reversed_ += scored
                if label != finding.label:
                    changed[finding.label] += 1
            order = "longer claim first" if longer_first else "pair order"
            rows.append(
                f"| {name} | {order} | {margin:.1f} | {reversed_} of {len(findings)} "
                f"({1 - reversed_ / max(len(findings), 1):.0%} saved) | "
                f"{changed['contradict']} of {labels['contradict']} | {changed['agree']} of {labels['agree']} | "
                f"{changed['unrelated']} of {labels['unrelated']} |"
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="news articles (FNC-1 bodies) to check")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    config = load_config(start=ROOT).with_overrides(reverse_margin=1.0)
    checker = Checker(config)
    rows = rows_for("seeds/", checker.check([str(ROOT / "seeds")]).findings, checker)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_news_corpus(Path(tmp) / "news.jsonl", args.articles)
        rows += rows_for(f"{args.articles} news articles", checker.check([str(corpus)]).findings, checker)
    header = [
        f"### Reverse NLI direction, {datetime.date.today().isoformat()}, model {Path(config.model).name}, "
        f"thresholds contradict {config.contradict_threshold} / agree {config.agree_threshold}",
        "",
        "Verdicts that change against scoring both directions always, by two-way label.",
        "",
        "| corpus | first direction | margin | reverse directions scored | contradictions changed "
        "| agreements changed | unrelated changed |",
        "|---|---|---|---|---|---|---|",
    ]
    publish("\n".join(header + rows) + "\n", append=not args.no_append)
    return 0


if __name__ == "__main__":
    sys.exit(main())
