"""Accuracy of an NLI model on every dev set and the claim-evidence evaluation set.

Prints one table (accuracy, macro-F1, per-class recall, ECE) plus confusion
matrices and the false-flag rate on unrelated news sentence pairs, and appends them to benchmarks/RESULTS.md with the date and machine.

    python benchmarks/accuracy.py [--model models/checker-nli-minilm] [--limit N] [--precision bf16] [--compiled]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402
from shared_data import SHARED, news_articles  # noqa: E402

from checker.nli import HFNLIModel  # noqa: E402
from checker.records import NLI_LABELS  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)  # contradiction thresholds reported (config: contradict_threshold)
UNRELATED_PAIRS = 1500


def eval_files() -> list[Path]:
    return sorted((SHARED / "nli" / "dev").glob("*.jsonl")) + [SHARED / "eval" / "climate_fever.jsonl"]


def expected_calibration_error(probs: np.ndarray, gold: np.ndarray, bins: int = 15) -> float:
    confidence, predicted = probs.max(axis=1), probs.argmax(axis=1)
    edges = np.linspace(0, 1, bins + 1)
    ece = 0.0
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        mask = (confidence > low) & (confidence <= high)
        if mask.any():
            ece += mask.mean() * abs((predicted[mask] == gold[mask]).mean() - confidence[mask].mean())
    return float(ece)


def metrics(probs: np.ndarray, gold: np.ndarray) -> dict:
    predicted = probs.argmax(axis=1)
    confusion = np.zeros((3, 3), dtype=int)
    for g, p in zip(gold, predicted, strict=True):
        confusion[g, p] += 1
    recall = [confusion[i, i] / max(confusion[i].sum(), 1) for i in range(3)]
    precision = [confusion[i, i] / max(confusion[:, i].sum(), 1) for i in range(3)]
    f1 = [2 * p * r / (p + r) if p + r else 0.0 for p, r in zip(precision, recall, strict=True)]
    contradiction = NLI_LABELS.index("contradiction")
    at_threshold = {}
    for threshold in THRESHOLDS:
        flagged = probs[:, contradiction] >= threshold
        hits = (flagged & (gold == contradiction)).sum()
        at_threshold[str(threshold)] = {
            "precision": float(hits / max(flagged.sum(), 1)),
            "recall": float(hits / max((gold == contradiction).sum(), 1)),
        }
    return {
        "contradiction_at": at_threshold,
        "n": int(len(gold)),
        "accuracy": float((predicted == gold).mean()),
        "macro_f1": float(np.mean(f1)),
        "recall": dict(zip(NLI_LABELS, map(float, recall), strict=True)),
        "ece": expected_calibration_error(probs, gold),
        "confusion": confusion.tolist(),
    }


def evaluate(model: HFNLIModel, path: Path, limit: int | None) -> dict:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    gold = np.array([NLI_LABELS.index(r["label"]) for r in rows])
    probs = model.predict([(r["premise"], r["hypothesis"]) for r in rows], batch_size=64)
    return metrics(probs, gold)


def unrelated_news_pairs(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """Sentence pairs from two different news articles: almost never a real contradiction.

    The share a model flags is its false-contradiction rate on pairs that share
    no event; SNLI-style annotation calls unrelated scenes contradictions, so a
    model can learn to.
    """
    rng = random.Random(seed)
    articles = []
    for article in news_articles():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", article["text"]) if 8 <= len(s.split()) <= 40]
        if sentences:
            articles.append(sentences)
    pairs = []
    while len(pairs) < n:
        first, second = rng.sample(articles, 2)
        pairs.append((rng.choice(first).strip(), rng.choice(second).strip()))
    return pairs


def flag_rates(model: HFNLIModel, pairs: list[tuple[str, str]]) -> dict[str, float]:
    contradiction = model.predict(pairs, batch_size=64)[:, NLI_LABELS.index("contradiction")]
    return {str(t): float((contradiction >= t).mean()) for t in THRESHOLDS}


def table(
    model_name: str, results: dict[str, dict], unrelated: dict[str, float], precision: str, seconds: float
) -> str:
    lines = [
        f"### NLI accuracy: {model_name} ({precision}), {datetime.date.today().isoformat()}, "
        f"{platform.machine()} {os.cpu_count()} cores, {seconds:.0f}s",
        "",
        "| set | n | accuracy | macro-F1 | recall E | recall N | recall C | ECE |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, m in results.items():
        r = m["recall"]
        lines.append(
            f"| {name} | {m['n']} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} | {r['entailment']:.3f} | "
            f"{r['neutral']:.3f} | {r['contradiction']:.3f} | {m['ece']:.3f} |"
        )
    lines += ["", "Contradiction precision / recall when P(contradiction) >= threshold:", ""]
    lines += ["| set | " + " | ".join(str(t) for t in THRESHOLDS) + " |", "|---|" + "---|" * len(THRESHOLDS)]
    for name, m in results.items():
        cells = [
            f"{m['contradiction_at'][str(t)]['precision']:.2f} / {m['contradiction_at'][str(t)]['recall']:.2f}"
            for t in THRESHOLDS
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "Confusion matrices (rows gold E/N/C, columns predicted E/N/C):", ""]
    lines += [f"- {name}: {m['confusion']}" for name, m in results.items()]
    lines += [
        "",
        f"Unrelated news pairs ({UNRELATED_PAIRS:,} sentence pairs from two different FNC-1 articles) "
        "flagged, P(contradiction) >= threshold: " + ", ".join(f"{t}: {unrelated[str(t)]:.1%}" for t in THRESHOLDS),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "checker-nli-minilm"))
    parser.add_argument("--limit", type=int, help="rows per file (quick look)")
    parser.add_argument("--precision", default="fp32", choices=["fp32", "bf16", "int8", "auto"])
    parser.add_argument("--compiled", action="store_true", help="compile the model first, as long runs do")
    parser.add_argument("--no-append", action="store_true", help="print only")
    parser.add_argument("--json", type=Path, help="also write the metrics as JSON")
    args = parser.parse_args()
    model = HFNLIModel(args.model, precision=args.precision)
    if args.compiled and not model.compile():
        raise SystemExit("the model could not be compiled (see the warning above)")
    started = time.perf_counter()
    results = {path.stem: evaluate(model, path, args.limit) for path in eval_files()}
    unrelated = flag_rates(model, unrelated_news_pairs(UNRELATED_PAIRS))
    precision = f"{args.precision}, compiled" if args.compiled else args.precision
    text = table(Path(args.model).name, results, unrelated, precision, time.perf_counter() - started)
    publish(text, append=not args.no_append)
    if args.json:
        args.json.write_text(json.dumps(results | {"unrelated_news_flagged": unrelated}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
