"""How many news paraphrases checker calls contradictions: every MRPC paraphrase judge.py never drew.

`benchmarks/judge.py` reads a sample of 300 plain and 275 "negated both" MRPC
paraphrases, and its reported pairs have been read while fixing checks. This
benchmark judges every other pair people judged a paraphrase (MRPC train,
../shared/data/paraphrase), as the pipeline judges a candidate pair, and
counts what checker reports as a contradiction, per split (judge.py's hash of
the MRPC id) and per basis. Fix checks by reading the tune split's reports
(`--show`), never the held-out one's; the target is at most 2% held out.

    python benchmarks/paraphrases.py [--show tune] [--pairs P.jsonl] [--config FILE] [--no-append]
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


def fresh_pairs() -> list[dict]:
    """Every MRPC paraphrase that judge.py's default sample leaves out, with its split."""
    drawn = {(p["a"], p["b"]) for p in paraphrase_pairs(PER_SET, random.Random(SEED))}  # judge.py draws it first
    with (SHARED / "paraphrase" / "mrpc_train.jsonl").open(encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["label"] == "paraphrase"]
    return [
        {"set": "paraphrase", "split": "held-out" if held_out(r["id"]) else "tune", "a": r["premise"],
         "b": r["hypothesis"], "label": 0}
        for r in rows
        if (r["premise"], r["hypothesis"]) not in drawn
    ]  # fmt: skip


def table(pairs: list[dict]) -> list[str]:
    lines = ["| split | pairs | reported | share | by basis |", "|---|---|---|---|---|"]
    for split in ("held-out", "tune"):
        rows = [p for p in pairs if p["split"] == split]
        reported = [p for p in rows if p["reported"]]
        bases = Counter(p["basis"] for p in reported)
        by_basis = ", ".join(f"{basis} {n}" for basis, n in sorted(bases.items())) or "-"
        share = f"{len(reported) / len(rows):.3f}" if rows else "-"
        lines.append(f"| {split} | {len(rows)} | {len(reported)} | {share} | {by_basis} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", choices=["tune"], help="print the pairs of this split checker reports")
    parser.add_argument(
        "--pairs", type=Path, help="also write every judged pair, with its features, to this JSONL file"
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
    if args.show:
        for p in pairs:
            if p["split"] == args.show and p["reported"]:
                print(f"{p['basis']}\n  a: {p['a']}\n  b: {p['b']}")
    text = [
        f"### News paraphrases reported as contradictions, {datetime.date.today()}: MRPC pairs judge.py never drew",
        "",
        f"`python benchmarks/paraphrases.py {' '.join(sys.argv[1:])}`; {len(pairs)} pairs, {seconds:.0f} s.",
        "",
        *table(pairs),
    ]
    publish("\n".join(text) + "\n", append=not args.no_append)


if __name__ == "__main__":
    main()
