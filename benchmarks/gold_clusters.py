"""Recall and false alarms on hand-labelled story clusters.

Each cluster is a folder of articles about one story (benchmarks/clusters/NAME/)
with its gold list beside it (NAME.gold.jsonl, outside the folder, so checker
reads only the articles), in the format of ../shared/gold/README.md: `contradict` items must be reported as
contradictions, `agree` items as agreements (and never as contradictions),
`trap` items (look alike, no discrepancy) must not be reported. seeds/ is
scored against ../shared/gold/seeds_visible.jsonl; the clusters under
benchmarks/clusters/ were written by helpers who never saw checker's rules,
each with planted discrepancies, agreements and traps. Contradictions that
match no gold item are listed, so a reader can tell a miss of the gold from
a false alarm.

    python benchmarks/gold_clusters.py [--cluster NAME ...] [--model DIR] [--no-append] [--show]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402

from checker.config import load_config  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.report import pair_record  # noqa: E402

CLUSTERS = Path(__file__).resolve().parent / "clusters"
SEEDS_GOLD = ROOT.parent / "shared" / "gold" / "seeds_visible.jsonl"


def clusters() -> dict[str, tuple[Path, Path]]:
    found = {"seeds": (ROOT / "seeds", SEEDS_GOLD)} if SEEDS_GOLD.exists() else {}
    for gold in sorted(CLUSTERS.glob("*.gold.jsonl")):
        found[gold.name.removesuffix(".gold.jsonl")] = (CLUSTERS / gold.name.removesuffix(".gold.jsonl"), gold)
    return found


def matches(record: dict, item: dict) -> bool:
    """The gold rule: each claim's document id starts with the prefix and its sentence holds the phrase."""

    def on(claim: dict, side: list[str]) -> bool:
        prefix, phrase = side
        return claim["doc_id"].startswith(prefix) and phrase in claim["sentence"]

    a, b = record["a"], record["b"]
    return (on(a, item["a"]) and on(b, item["b"])) or (on(a, item["b"]) and on(b, item["a"]))


def contradicting_pairs(result) -> list[dict]:
    """Every contradicting claim pair, as a report line of schema 2: a fact's pairs count one by one,
    since the reader sees each of them among the fact's versions."""
    documents = {d.id: d for d in result.corpus.documents}
    return [pair_record(f, documents) for f in result.selected(["contradict"])]


def score(result, gold: list[dict]) -> tuple[dict, list[str]]:
    contradictions, agreements = contradicting_pairs(result), result.records(["agree"])
    by_kind = {k: [g for g in gold if g["kind"] == k] for k in ("contradict", "agree", "trap")}

    def hit(records, item):
        return any(matches(r, item) for r in records)

    row = {
        "contradictions found": sum(hit(contradictions, g) for g in by_kind["contradict"]),
        "contradictions": len(by_kind["contradict"]),
        "agreements found": sum(hit(agreements, g) for g in by_kind["agree"]),
        "agreements": len(by_kind["agree"]),
        "agreements flagged": sum(hit(contradictions, g) for g in by_kind["agree"]),
        "traps flagged": sum(hit(contradictions, g) for g in by_kind["trap"]),
        "traps": len(by_kind["trap"]),
        "reported": len(result.records(["contradict"])),
        "unmatched": sum(not any(matches(r, g) for g in gold) for r in contradictions),
    }
    lines = []
    for g in by_kind["contradict"]:
        if not hit(contradictions, g):
            lines.append(f"  missed {g['id']}: {g['note']}")
    for g in by_kind["agree"]:
        if not hit(agreements, g):
            lines.append(f"  agreement not found {g['id']}: {g['note']}")
    for g in by_kind["agree"] + by_kind["trap"]:
        if hit(contradictions, g):
            lines.append(f"  flagged {g['kind']} {g['id']}: {g['note']}")
    for r in contradictions:
        if not any(matches(r, g) for g in gold):
            lines.append(f"  unmatched {r['kind']}: {r['a']['sentence'][:110]!r} ~ {r['b']['sentence'][:110]!r}")
    return row, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cluster", nargs="*", help="names (default: all)")
    parser.add_argument("--model", help="NLI model directory (default: the configured one)")
    parser.add_argument("--no-append", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--show", action="store_true", help="list misses, flagged agreements/traps, unmatched")
    args = parser.parse_args()
    config = load_config(start=ROOT).with_overrides(model=args.model)
    checker = Checker(config)
    rows, totals = [], {}
    for name, (folder, gold_path) in clusters().items():
        if args.cluster and name not in args.cluster:
            continue
        gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        row, lines = score(checker.check([str(folder)]), gold)
        rows.append((name, row))
        for key, value in row.items():
            totals[key] = totals.get(key, 0) + value
        if args.show:
            print(name, *lines, sep="\n")
    rows.append(("all", totals))
    header = list(totals)
    table = [
        f"### Hand-labelled story clusters, {datetime.date.today()}, model {Path(config.model).name}",
        "",
        "| cluster | " + " | ".join(header) + " |",
        "|---|" + "---|" * len(header),
        *(f"| {name} | " + " | ".join(str(row[k]) for k in header) + " |" for name, row in rows),
    ]
    publish("\n".join(table) + "\n", append=not args.no_append)
    return 0


if __name__ == "__main__":
    sys.exit(main())
