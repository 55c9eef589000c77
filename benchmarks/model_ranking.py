"""How well an NLI model alone ranks real news disagreements: a one-minute screen for a new judge model.

`benchmarks/judge.py` measures what checker *reports* (model, checks, rules and
decision together) and takes minutes and a refitted decision to read a new
model fairly. This reads the model only: on the blind-labelled news pairs of
benchmarks/news_labels.jsonl (judge.py's sets `news` and `news, by signal`,
split as judge.py splits them), each pair's contradiction probability, the
larger of its two directions, and how well it ranks the pairs readers called
contradictions above the rest (ROC AUC: 0.5 is chance), with the count at
0.5 and 0.8 and how many of those are real. A model that does not rank better
here will not report better on news, whatever decision sits behind it.

    python benchmarks/model_ranking.py [--model DIR ...] [--no-append]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from judge import news_pairs  # noqa: E402
from results import publish  # noqa: E402

from checker.config import DEFAULT_MODEL  # noqa: E402
from checker.nli import HFNLIModel  # noqa: E402
from checker.records import NLI_LABELS  # noqa: E402

CONTRADICTION = NLI_LABELS.index("contradiction")


def contradiction_probability(model: HFNLIModel, pairs: list[dict]) -> np.ndarray:
    """The larger contradiction probability of each pair's two directions, as checker reads a pair."""
    forward = model.predict([(p["a"], p["b"]) for p in pairs])[:, CONTRADICTION]
    backward = model.predict([(p["b"], p["a"]) for p in pairs])[:, CONTRADICTION]
    return np.maximum(forward, backward)


def rows_for(name: str, pairs: list[dict], probability: np.ndarray) -> list[str]:
    rows = []
    for split in ("held-out", "tune"):
        for subset in ("news", "news, by signal"):
            chosen = [i for i, p in enumerate(pairs) if p["split"] == split and p["set"] == subset]
            labels = np.array([pairs[i]["label"] for i in chosen])
            scores = probability[chosen]
            auc = roc_auc_score(labels, scores) if 0 < labels.sum() < len(labels) else float("nan")
            at = {t: (int((scores >= t).sum()), int(((scores >= t) & (labels == 1)).sum())) for t in (0.5, 0.8)}
            rows.append(
                f"| {name} | {split} | {subset} | {len(chosen)} ({labels.sum()}) | {auc:.3f} | "
                f"{at[0.5][0]} ({at[0.5][1]}) | {at[0.8][0]} ({at[0.8][1]}) |"
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", help="NLI model directory (default: the shipped one)")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    pairs = [p for p in news_pairs() if p["set"] in ("news", "news, by signal")]
    lines = [
        f"### How the NLI model alone ranks real news disagreements, {datetime.date.today()} "
        "(`python benchmarks/model_ranking.py`)",
        "",
        "The blind-labelled news pairs, split as judge.py splits them; the larger contradiction probability of a "
        "pair's two directions; in brackets, how many are real.",
        "",
        "| model | split | set | pairs (real) | AUC | at 0.5 (real) | at 0.8 (real) |",
        "|---|---|---|---|---|---|---|",
    ]
    for folder in args.model or [str(DEFAULT_MODEL)]:
        model = HFNLIModel(folder, precision="fp32")
        lines += rows_for(Path(folder).name, pairs, contradiction_probability(model, pairs))
    publish("\n".join(lines), append=not args.no_append)
    return 0


if __name__ == "__main__":
    sys.exit(main())
