"""What the synthetic news edits add: the recipe trained with and without them.

Both variants train from the base encoder on the same smaller mix (every
source times `--scale`, one phase), identical but for the news-edit pairs, are
calibrated the same way, and are compared on every dev file, on held-out news
edits (the calibration split of the "with" variant, which neither model saw),
and on seeds/ end to end (findings, gold matches, and the model's probability
of the gold label on the gold sentence pairs). Prints one table and appends it
to benchmarks/RESULTS.md. Two trainings: about 15 minutes each at --scale 0.3
on 2 CPU cores; finished variants are reused (their folders under
.cache/nli-ablation), so an interrupted run goes on where it stopped.

    python benchmarks/news_edits_ablation.py [--scale 0.3] [--limit 2000] [--device cuda]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models" / "recipe"))

import torch  # noqa: E402
from accuracy import eval_files, evaluate, metrics  # noqa: E402
from export import export  # noqa: E402
from prepare_data import load_config, write_mix  # noqa: E402
from results import publish  # noqa: E402
from train import train  # noqa: E402

from checker.config import Config  # noqa: E402
from checker.nli import HFNLIModel  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.records import NLI_LABELS  # noqa: E402

WORK = Path(".cache/nli-ablation")
GOLD = ROOT.parent / "shared" / "gold" / "seeds_visible.jsonl"
VARIANTS = {"with news edits": "with", "without news edits": "without"}


def variant_config(slug: str, scale: float) -> dict:
    base = load_config()
    edits = base["data"]["news_edits"]["max_sentences"] if slug == "with" else 0
    first_phase = base["train"]["phases"][0] | {"epochs": 1.0}
    return load_config(
        {
            "data": {"out_dir": str(WORK / f"{slug}-{scale}"), "scale": scale, "news_edits": {"max_sentences": edits}},
            "train": {"phases": [first_phase]},
        }
    )


def build_variant(slug: str, scale: float, device: str) -> Path:
    """Mix, training and calibrated export of one variant; each step skipped when already done."""
    cfg = variant_config(slug, scale)
    out = Path(cfg["data"]["out_dir"])
    model_dir = out / "model"
    if (model_dir / "model.safetensors").exists():
        return model_dir
    if not (out / "mix.jsonl").exists():
        write_mix(cfg)
    train(cfg, device)
    export(cfg, str(model_dir))
    return model_dir


def held_out_edits(rows_path: Path, model: HFNLIModel) -> dict:
    rows = [json.loads(line) for line in rows_path.open(encoding="utf-8")]
    rows = [r for r in rows if r["source"] == "news_edits"]
    gold = np.array([NLI_LABELS.index(r["label"]) for r in rows])
    return metrics(model.predict([(r["premise"], r["hypothesis"]) for r in rows], batch_size=64), gold)


def matches_gold(finding, texts: dict[str, str], item: dict) -> bool:
    """The finding pairs the two gold sentences (document id prefix and phrase), in either order."""

    def on(claim, side: list[str]) -> bool:
        prefix, phrase = side
        return (
            claim.doc_id.startswith(prefix)
            and phrase in texts[claim.doc_id][claim.sentence_span.start : claim.sentence_span.end]
        )

    a, b = finding.pair.a, finding.pair.b
    return (on(a, item["a"]) and on(b, item["b"])) or (on(a, item["b"]) and on(b, item["a"]))


def seeds_summary(model_dir: Path) -> str:
    """Contradictions reported on seeds/, gold items met, and P(gold label) on the gold pairs."""
    result = Checker(Config(model=str(model_dir))).check([str(ROOT / "seeds")])
    texts = {d.id: d.text for d in result.corpus.documents}
    gold = [json.loads(line) for line in GOLD.read_text().splitlines()]
    met, probabilities = [], []
    for item in gold:
        pairs = [f for f in result.findings if matches_gold(f, texts, item)]
        wanted = "agree" if item["kind"] == "agree" else "contradict"
        label_index = NLI_LABELS.index("entailment" if wanted == "agree" else "contradiction")
        found = any(f.label == wanted for f in pairs)
        met.append(item["id"] if found != (item["kind"] == "trap") else f"not {item['id']}")
        probs = [p[label_index] for f in pairs if f.nli for p in f.nli.directions()]
        probabilities.append(f"{item['id']} P({NLI_LABELS[label_index][:6]}) {max(probs, default=0.0):.2f}")
    contradictions = [f for f in result.findings if f.label == "contradict"]
    by_model = sum(f.kind == "nli" for f in contradictions)
    return (
        f"{len(contradictions)} contradictions ({by_model} by the model); gold: {', '.join(met)}; "
        f"model on the gold pairs: {', '.join(probabilities)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.3, help="share of every training source")
    parser.add_argument("--limit", type=int, default=2000, help="rows per dev file")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    models = {name: build_variant(slug, args.scale, args.device) for name, slug in VARIANTS.items()}
    held_out = WORK / f"with-{args.scale}" / "calibration.jsonl"
    rows = []
    for name, model_dir in models.items():
        model = HFNLIModel(str(model_dir), precision="fp32")
        cells = [f"{evaluate(model, path, args.limit)['accuracy']:.3f}" for path in eval_files()]
        edits = held_out_edits(held_out, model)
        cells.append(f"{edits['accuracy']:.3f} (C recall {edits['recall']['contradiction']:.2f}, n={edits['n']})")
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {seeds_summary(model_dir)} |")
    names = [p.stem for p in eval_files()]
    text = "\n".join(
        [
            f"### News-edit ablation, {datetime.date.today().isoformat()}: scale {args.scale}, one epoch, "
            f"accuracy on the first {args.limit} rows of each file (fp32)",
            "",
            "| variant | " + " | ".join(names) + " | held-out news edits | seeds/ end to end |",
            "|---|" + "---|" * (len(names) + 2),
            *rows,
        ]
    )
    publish(text + "\n", append=not args.no_append)
    return 0


if __name__ == "__main__":
    sys.exit(main())
