"""How many news paraphrases checker calls contradictions: every MRPC paraphrase judge.py never drew.

`benchmarks/judge.py` reads a sample of 300 plain and 275 "negated both" MRPC
paraphrases, and its reported pairs have been read while fixing checks. This
benchmark judges every other pair people judged a paraphrase (MRPC train,
../shared/data/paraphrase), as the pipeline judges a candidate pair, and
counts what checker reports as a contradiction, per split (judge.py's hash of
the MRPC id) and per basis. Fix checks by reading the tune split's reports
(`--show`), never the held-out one's; the target is at most 2% held out.

People judged a pair a paraphrase when the two sentences say much the same,
not when every fact in them agrees: "HCA ... dropped $2.21, or 5.8 percent,
to $36.14" / "... dropped $1.21, or 3.2 percent, to $37.14" is an MRPC
paraphrase, and two sources giving those figures do disagree. So each
reported pair is labelled blind (`benchmarks/paraphrase_labels.jsonl`, by
MRPC id; `--unlabelled FILE` writes the reported pairs not yet labelled, in
random order and without their basis, for a labeller who has not seen
checker's verdict): `contradiction` where the two sentences cannot both be
true as written, `not` where they can (one leaves a detail out, rounds, or
speaks of another group, place or moment), `unclear` where the two sentences
alone cannot tell. The table gives both the share reported and the share
reported that is not a conflict, counting `unclear` and unlabelled pairs as
false alarms. The labels of held-out pairs are the labeller's, not read while
fixing checks.

    python benchmarks/paraphrases.py [--show tune] [--pairs P.jsonl] [--unlabelled FILE] [--config FILE] [--no-append]
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from collections import Counter
from pathlib import Path

from judge import PER_SET, ROOT, SEED, judge, paraphrase_pairs
from results import publish
from shared_data import SHARED, held_out

from checker.config import load_config
from checker.pipeline import Checker

LABELS = Path(__file__).resolve().parent / "paraphrase_labels.jsonl"


def fresh_pairs() -> list[dict]:
    """Every MRPC paraphrase that judge.py's default sample leaves out, with its split."""
    drawn = {(p["a"], p["b"]) for p in paraphrase_pairs(PER_SET, random.Random(SEED))}  # judge.py draws it first
    with (SHARED / "paraphrase" / "mrpc_train.jsonl").open(encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["label"] == "paraphrase"]
    return [
        {"set": "paraphrase", "id": r["id"], "split": "held-out" if held_out(r["id"]) else "tune", "a": r["premise"],
         "b": r["hypothesis"], "label": 0}
        for r in rows
        if (r["premise"], r["hypothesis"]) not in drawn
    ]  # fmt: skip


def read_labels(path: Path = LABELS) -> dict[str, str]:
    """MRPC id → the blind label of the pair: contradiction, not or unclear."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {row["id"]: row["label"] for row in map(json.loads, f)}


def table(pairs: list[dict], labels: dict[str, str]) -> list[str]:
    lines = [
        "| split | pairs | reported | share | by basis | a real conflict (labelled blind) | not labelled | "
        "share reported, no conflict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for split in ("held-out", "tune"):
        rows = [p for p in pairs if p["split"] == split]
        reported = [p for p in rows if p["reported"]]
        bases = Counter(p["basis"] for p in reported)
        by_basis = ", ".join(f"{basis} {n}" for basis, n in sorted(bases.items())) or "-"
        conflicts = [p for p in reported if labels.get(p["id"]) == "contradiction"]
        unlabelled = [p for p in reported if p["id"] not in labels]
        conflict_bases = Counter(p["basis"] for p in conflicts)
        by_conflict = ", ".join(f"{basis} {n}" for basis, n in sorted(conflict_bases.items()))
        share = f"{len(reported) / len(rows):.3f}" if rows else "-"
        false_share = f"{(len(reported) - len(conflicts)) / len(rows):.3f}" if rows else "-"
        lines.append(
            f"| {split} | {len(rows)} | {len(reported)} | {share} | {by_basis} | {len(conflicts)}"
            f"{f' ({by_conflict})' if by_conflict else ''} | {len(unlabelled)} | {false_share} |"
        )
    return lines


def write_unlabelled(pairs: list[dict], labels: dict[str, str], path: Path) -> int:
    """The reported pairs with no label yet, shuffled and without basis or score, for a blind labeller."""
    rows = [{"id": p["id"], "a": p["a"], "b": p["b"]} for p in pairs if p["reported"] and p["id"] not in labels]
    random.Random(SEED).shuffle(rows)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", choices=["tune"], help="print the pairs of this split checker reports")
    parser.add_argument(
        "--pairs", type=Path, help="also write every judged pair, with its features, to this JSONL file"
    )
    parser.add_argument(
        "--unlabelled", type=Path, help="write the reported pairs with no blind label here (JSONL), to label"
    )
    parser.add_argument("--config", type=Path, help="settings file (default: the project's [tool.checker])")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    started = datetime.datetime.now()
    checker = Checker(load_config(args.config, start=ROOT))
    pairs = fresh_pairs()
    judge(pairs, checker)
    seconds = (datetime.datetime.now() - started).total_seconds()
    if args.pairs:
        args.pairs.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
    labels = read_labels()
    if args.unlabelled:
        print(f"{write_unlabelled(pairs, labels, args.unlabelled)} reported pairs not labelled: {args.unlabelled}")
    if args.show:
        for p in pairs:
            if p["split"] == args.show and p["reported"]:
                print(f"{p['basis']}\n  a: {p['a']}\n  b: {p['b']}")
    text = [
        f"### News paraphrases reported as contradictions, {datetime.date.today()}: MRPC pairs judge.py never drew",
        "",
        f"`python benchmarks/paraphrases.py {' '.join(sys.argv[1:])}`; {len(pairs)} pairs, {seconds:.0f} s.",
        "",
        *table(pairs, labels),
    ]
    publish("\n".join(text) + "\n", append=not args.no_append)


if __name__ == "__main__":
    main()
