"""Desk corpora scored against their answer keys: planted discrepancies found, the odd source named, traps reported.

Each folder of `benchmarks/desks/` is one desk's corpus, written by someone playing an editor of that beat (four
stories, five outlets each, in Markdown, HTML and a JSONL feed) with its answer key written before checker first
ran on it:

- `corpus/`: the articles;
- `key.jsonl`: one item a line, `{"id", "type": "plant" | "trap", "a": {"file", "quote"}, "b": {...}, "odd",
  "check", "note"}`: a plant is a discrepancy planted between two outlets (`odd`: the file that alone gives its
  value, where three or more give the other), a trap a legitimate variation that must not be reported (rounding,
  two units, an update, a paraphrase); `file` is a file name in `corpus/`, or `feed.jsonl#<id>` for a feed item;
  `quote` an exact part of one sentence of it (`b`'s is matched in any document but `a`'s: the agreeing side of a
  plant is told by several outlets);
- `KEY.md`: the same key in prose.

These corpora are development data: checker's rules were fixed while looking at what they showed, so their scores
say what a change did to them (a regression check across beats), not how checker does on news it never saw; the
held-out benchmarks (`news_precision.py`, `paraphrases.py`, `planted_facts.py`) say that.

Scored per desk, over the contradiction facts of a default run:

- found: plants with a fact that holds both quotes, as a pair of its claims or in two of its versions;
- odd named: of the plants with an odd source, those whose fact names it among its outliers;
- traps: traps with a fact that holds both their quotes (false alarms a desk expected);
- other: facts holding no plant (false alarms, or a discrepancy written by accident).

    python benchmarks/desks.py [DESK ...] [--reports DIR] [--save DIR] [--list] [--no-append]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
DESKS = Path(__file__).resolve().parent / "desks"
sys.path.insert(0, str(ROOT))

from results import publish_section  # noqa: E402

_SPACES = re.compile(r"\s+")
_SAME_CHARACTER = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def normalized(text: str) -> str:
    """Text as a quote is matched: one space between words, straight quotes and dashes, lower case (a key copied
    by hand from a page loses its typographer's quotes)."""
    return _SPACES.sub(" ", text.translate(_SAME_CHARACTER)).strip().lower()


def one_document(doc_id: str, name: str) -> bool:
    """Whether checker's document id names the key's file (a path in the corpus ends with it) or feed item."""
    return doc_id == name or doc_id.endswith("/" + name)


@dataclass(frozen=True)
class Quote:
    document: str  # the document id checker gives it: the file's path in the corpus, or a feed item's id
    text: str

    @classmethod
    def from_key(cls, item: dict) -> Quote:
        file = item["file"]
        return cls(file.split("#", 1)[1] if "#" in file else file, normalized(item["quote"]))

    def in_claim(self, claim: dict, other: Quote | None = None) -> bool:
        """Whether a claim holds the quote: in its document, or, given the item's `other` quote, in any document but
        that one's (a plant's agreeing side is told by several outlets, and the fact may stand by another's)."""
        doc = claim["doc_id"]
        where = one_document(doc, self.document) if other is None else not one_document(doc, other.document)
        return where and self.text in normalized(claim["text"])


@dataclass(frozen=True)
class KeyItem:
    id: str
    type: str
    a: Quote
    b: Quote
    odd: str | None
    note: str

    @classmethod
    def from_line(cls, line: dict) -> KeyItem:
        odd = line.get("odd")
        return cls(
            line["id"],
            line["type"],
            Quote.from_key(line["a"]),
            Quote.from_key(line["b"]),
            odd.split("#", 1)[-1] if odd else None,
            line.get("note", ""),
        )


def in_fact(item: KeyItem, record: dict) -> bool:
    """Whether a contradiction fact holds both quotes of an item: as the two claims of one of its pairs, or in two
    different versions of the fact (a fact of three sources may stand by a pair that is not the item's)."""
    for pair in record.get("pairs") or [record]:
        for first, second in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            if item.a.in_claim(first) and item.b.in_claim(second, item.a):
                return True
    versions = (record.get("fact") or {}).get("versions") or []
    holds_a = {i for i, v in enumerate(versions) for c in v["claims"] if item.a.in_claim(c)}
    holds_b = {i for i, v in enumerate(versions) for c in v["claims"] if item.b.in_claim(c, item.a)}
    return any(i != j for i in holds_a for j in holds_b)


def names_odd(item: KeyItem, record: dict) -> bool:
    outliers = (record.get("fact") or {}).get("outliers") or []
    return item.odd is not None and any(one_document(doc, item.odd) for doc in outliers)


@dataclass
class DeskScore:
    desk: str
    plants: list[KeyItem]
    traps: list[KeyItem]
    facts: int = 0
    found: list[str] = field(default_factory=list)
    odd_named: list[str] = field(default_factory=list)
    traps_reported: list[str] = field(default_factory=list)
    other: list[dict] = field(default_factory=list)

    @property
    def with_odd(self) -> int:
        return sum(1 for p in self.plants if p.odd)

    def row(self) -> str:
        return (
            f"| {self.desk} | {len(self.found)}/{len(self.plants)} | {len(self.odd_named)}/{self.with_odd} "
            f"| {len(self.traps_reported)}/{len(self.traps)} | {len(self.other)} | {self.facts} |"
        )


def score(desk: str, key: list[KeyItem], records: list[dict]) -> DeskScore:
    """Score one desk's contradiction facts (report lines labelled contradict) against its key."""
    facts = [r for r in records if r.get("label") == "contradict"]
    result = DeskScore(desk, [k for k in key if k.type == "plant"], [k for k in key if k.type == "trap"], len(facts))
    for record in facts:
        plants = [p for p in result.plants if in_fact(p, record)]
        if not plants:
            result.other.append(record)
        for plant in plants:
            if plant.id not in result.found:
                result.found.append(plant.id)
            if plant.odd and plant.id not in result.odd_named and names_odd(plant, record):
                result.odd_named.append(plant.id)
        result.traps_reported += [
            t.id for t in result.traps if in_fact(t, record) and t.id not in result.traps_reported
        ]
    return result


def read_key(path: Path) -> list[KeyItem]:
    with path.open(encoding="utf-8") as lines:
        return [KeyItem.from_line(json.loads(line)) for line in lines if line.strip()]


def read_report(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def run_checker(corpus: Path) -> list[dict]:
    from checker.config import load_config
    from checker.pipeline import Checker

    return Checker(load_config(start=ROOT)).check([str(corpus)]).records()


def listing(result: DeskScore) -> list[str]:
    """What a developer reads to see why: plants missed, traps reported, and the other facts' sentences."""
    lines = [f"## {result.desk}"]
    lines += [
        f"missed {p.id}: {p.a.text!r} / {p.b.text!r} ({p.note})" for p in result.plants if p.id not in result.found
    ]
    lines += [f"odd not named {p}" for p in result.found if p not in result.odd_named and _plant(result, p).odd]
    lines += [f"trap reported {t}" for t in result.traps_reported]
    for record in result.other:
        lines.append(f"other [{record['kind']}] {record['a']['text']!r} / {record['b']['text']!r}")
    return lines


def _plant(result: DeskScore, plant_id: str) -> KeyItem:
    return next(p for p in result.plants if p.id == plant_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("desks", nargs="*", help="desk folder names (default: all)")
    parser.add_argument("--reports", type=Path, help="score the reports DIR/<desk>.jsonl instead of running checker")
    parser.add_argument("--save", type=Path, help="write each desk's report to DIR/<desk>.jsonl")
    parser.add_argument("--list", action="store_true", help="print the missed plants, traps and other facts")
    parser.add_argument("--no-append", action="store_true", help="print only; do not append to RESULTS.md")
    args = parser.parse_args()
    names = args.desks or sorted(p.name for p in DESKS.iterdir() if (p / "key.jsonl").is_file())
    results = []
    for name in names:
        desk = DESKS / name
        records = read_report(args.reports / f"{name}.jsonl") if args.reports else run_checker(desk / "corpus")
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        results.append(score(name, read_key(desk / "key.jsonl"), records))
        if args.list:
            print("\n".join(listing(results[-1])), file=sys.stderr)
    rows = [
        "| desk | plants found | odd one named | traps reported | other facts | facts |",
        "|---|---|---|---|---|---|",
    ]
    rows += [r.row() for r in results]
    total = DeskScore("all", [p for r in results for p in r.plants], [t for r in results for t in r.traps])
    total.found = [f for r in results for f in r.found]
    total.odd_named = [f for r in results for f in r.odd_named]
    total.traps_reported = [t for r in results for t in r.traps_reported]
    total.other = [o for r in results for o in r.other]
    total.facts = sum(r.facts for r in results)
    rows.append(total.row())
    how = "`python benchmarks/desks.py" + (" " + " ".join(args.desks) if args.desks else "") + "` (development data)"
    publish_section("Desk corpora against their keys", how, rows, not args.no_append)


if __name__ == "__main__":
    main()
