"""One edit planted in real articles told by four sources: found once, with the editing source as the outlier?

For each of N real articles (FNC-1 bodies from --skip on; the rules were
written looking at bodies 0-199 and checked on 200-399, so the default starts
at 800) that hold a number before a word ("18 votes") or a month name:

- sources 1-3 carry the article, each leaving out a different sentence (never
  the edited one), as outlets cut agency copy;
- source 4 carries it whole with that one number (or month) changed; with
  `--cut`, it also gives the edited sentence cut short, its first words (three
  or more) left out and eight or more kept, as an outlet quotes part of a
  statement.

All 4N documents are checked together with the default settings, so the
stories must be told apart too. Per article:

- found: a contradiction fact holds source 4's edited sentence and names
  source 4, and only it, as the outlier;
- once: exactly one fact holds the edited sentence;
- other: contradictions that do not hold it (false alarms: the sources say the same);
- across stories: contradictions joining documents of two articles.

    python benchmarks/planted_facts.py [--articles 40] [--skip 800] [--cut] [--no-append]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402
from shared_data import news_articles  # noqa: E402

from checker.checks import calendar  # noqa: E402
from checker.config import load_config  # noqa: E402
from checker.pipeline import Checker  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
COUNT = re.compile(r"\b(?<![\d,.$£€])([1-9]\d{0,2})(?![\d,.%])\s+(?=[a-z])")
MONTHS = list(calendar.MONTHS)
DAYS_OF = [[month] for month in MONTHS]  # the word before a date's day number
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
SOURCES = 4


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if s]


def edit(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """The sentence with one count or month changed, and the kind of edit; None if it has neither."""
    # a number after a month is a date's day ("January 29 after"), no count: changing it could write
    # "January 34", no date at all
    count = next((c for c in COUNT.finditer(sentence) if sentence[: c.start()].split()[-1:] not in DAYS_OF), None)
    if count:
        value = int(count[1])
        new = value + rng.choice([2, 3, 5, 7]) if value > 3 else value + 10
        return sentence[: count.start(1)] + str(new) + sentence[count.end(1) :], "number"
    month = MONTH.search(sentence)
    if month:
        other = MONTHS[(MONTHS.index(month[1]) + rng.choice([2, 3, 4])) % 12]
        return sentence[: month.start()] + other + sentence[month.end() :], "date"
    return None


def cut_short(sentence: str, edited: str, rng: random.Random) -> str | None:
    """The edited sentence without its first words (three or more, none at or after the edit), eight or more kept;
    None where it is too short for that."""
    before, after = sentence.split(), edited.split()
    at = next(i for i, (x, y) in enumerate(zip(before, after, strict=True)) if x != y)
    if min(at, len(after) - 8) < 3:
        return None
    kept = after[rng.randint(3, min(at, len(after) - 8)) :]
    return " ".join([kept[0][:1].upper() + kept[0][1:], *kept[1:]])


def plant(article: dict, index: int, rng: random.Random, cut: bool = False) -> tuple[list[dict], dict] | None:
    """Four sources of one article, the fourth edited (`cut`: and the edited sentence cut short), and where the edit
    stands; None if unsuitable."""
    parts = sentences(article["text"])
    if not 8 <= len(parts) <= 60:
        return None
    candidates = [i for i, s in enumerate(parts[1:], start=1) if 8 <= len(s.split()) <= 45 and edit(s, rng)]
    if not candidates:
        return None
    target = rng.choice(candidates)
    edited, kind = edit(parts[target], rng)
    if cut and (edited := cut_short(parts[target], edited, rng)) is None:
        return None
    left_out = rng.sample([i for i in range(1, len(parts)) if i != target], SOURCES - 1)
    docs = []
    for k, cut in enumerate(left_out, start=1):
        docs.append({"id": f"a{index:03d}-src{k}", "text": " ".join(s for i, s in enumerate(parts) if i != cut)})
    whole = parts[:target] + [edited] + parts[target + 1 :]
    text = " ".join(whole)
    start = len(" ".join(whole[:target])) + (1 if target else 0)
    docs.append({"id": f"a{index:03d}-src{SOURCES}", "text": text})
    where = {"article": f"a{index:03d}", "doc": docs[-1]["id"], "span": (start, start + len(edited)), "kind": kind}
    return docs, where | {"before": parts[target], "after": edited}


def holds_edit(record: dict, plant: dict) -> bool:
    start, end = plant["span"]
    return any(
        c["doc_id"] == plant["doc"] and c["span"][0] < end and start < c["span"][1]
        for version in record["fact"]["versions"]
        for c in version["claims"]
    )


def documents_of(record: dict) -> set[str]:
    return {d for version in record["fact"]["versions"] for d in version["documents"]}


def score(records: list[dict], plants: list[dict]) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    for p in plants:
        row = rows.setdefault(p["kind"], {"articles": 0, "found": 0, "once": 0, "other": 0})
        mine = [r for r in records if {d.split("-")[0] for d in documents_of(r)} == {p["article"]}]
        holding = [r for r in mine if holds_edit(r, p)]
        row["articles"] += 1
        row["found"] += any(r["fact"]["outliers"] == [p["doc"]] for r in holding)
        row["once"] += len(holding) == 1
        row["other"] += len(mine) - len(holding)
    rows["across stories"] = {"reported": sum(len({d.split("-")[0] for d in documents_of(r)}) > 1 for r in records)}
    return rows


def misses(records: list[dict], plants: list[dict]) -> str:
    """The edits not found as a one-outlier fact, each with both sentences: what to look at next."""
    lines = []
    for p in plants:
        holding = [r for r in records if holds_edit(r, p)]
        if not any(r["fact"]["outliers"] == [p["doc"]] for r in holding):
            lines += [
                f"{p['article']} {p['kind']}: {len(holding)} facts hold it",
                f"  - {p['before']}",
                f"  + {p['after']}",
            ]
    return "\n".join(lines)


def table(rows: dict, total: int, seconds: float, args) -> str:
    lines = [
        f"### Planted edits told by four sources{', the edited sentence cut short' if args.cut else ''}, "
        f"{datetime.date.today()}: {args.articles} FNC-1 bodies from {args.skip}",
        "",
        f"`python benchmarks/planted_facts.py --articles {args.articles} --skip {args.skip}{' --cut' if args.cut else ''}`"
        f"; {total} contradiction "
        f"lines in all, {seconds:.0f} s.",
        "",
        "| edit | articles | found, edited source the outlier | reported once | other contradictions per story |",
        "|---|---|---|---|---|",
    ]
    for kind, row in rows.items():
        if kind == "across stories":
            continue
        n = row["articles"]
        lines.append(
            f"| {kind} | {n} | {row['found']} ({row['found'] / n:.0%}) | {row['once']} ({row['once'] / n:.0%}) "
            f"| {row['other'] / n:.2f} |"
        )
    lines.append(f"\nContradictions joining two articles' documents: {rows['across stories']['reported']}.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--skip", type=int, default=800)
    parser.add_argument("--cut", action="store_true", help="the edited source quotes the edited sentence cut short")
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--misses", action="store_true", help="print each edit not found, with both sentences")
    args = parser.parse_args()
    rng = random.Random(20261130)
    docs, plants = [], []
    for article in news_articles()[args.skip :]:
        planted = plant(article, len(plants), rng, args.cut)
        if planted:
            docs += planted[0]
            plants.append(planted[1])
        if len(plants) == args.articles:
            break
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "planted.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        started = datetime.datetime.now()
        result = Checker(load_config()).check([str(corpus)])
        seconds = (datetime.datetime.now() - started).total_seconds()
    records = result.records(["contradict"])
    if args.misses:
        print(misses(records, plants))
    publish(table(score(records, plants), len(records), seconds, args), append=not args.no_append)


if __name__ == "__main__":
    main()
