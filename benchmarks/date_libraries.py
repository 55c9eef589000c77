"""dateparser against the `date` check's own reading of dates, on the project's date expressions.

The expressions are the tagger's DATE and TIME entities in the sentences of
tests/cases/date.jsonl and in seeds/*.txt. The check reads each entity's
calendar parts from its tokens (checker.checks.days.written_days); dateparser
reads the entity's text with the publication date as its base. Prints one
table and the expressions the two read differently.

    python benchmarks/date_libraries.py
"""

from __future__ import annotations

import datetime
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.checks.days import written_days  # noqa: E402
from checker.claims import load_nlp  # noqa: E402

PUBLISHED = datetime.datetime(2025, 3, 5)  # a Wednesday: the base both readers anchor weekdays to
SETTINGS = {"RELATIVE_BASE": PUBLISHED, "PREFER_DATES_FROM": "past"}


def texts() -> list[str]:
    cases = [json.loads(line) for line in (ROOT / "tests/cases/date.jsonl").read_text().splitlines() if line.strip()]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [case[side] for case in cases for side in ("a", "b")] + [line for s in seeds for line in s.splitlines()]


def hand_reading(entity) -> list[dict[str, int]]:
    return [day.parts for day in written_days(entity)]


def agrees(parts: dict[str, int], found: datetime.datetime) -> bool:
    """dateparser's date has every part the text wrote (a weekday alone: the same weekday)."""
    wanted = {"month": found.month, "day": found.day, "year": found.year, "weekday": found.weekday()}
    return all(wanted[name] == value for name, value in parts.items())


def main() -> None:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    nlp = load_nlp()
    parser = DateDataParser(languages=["en"], settings=SETTINGS)
    docs = list(nlp.pipe(texts()))
    entities = [e for doc in docs for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    rows = {"hand": {"read": 0, "seconds": 0.0}, "dateparser": {"read": 0, "seconds": 0.0}}
    both = same = years_made_up = 0
    differences = []
    for entity in entities:
        start = time.perf_counter()
        hand = hand_reading(entity)
        rows["hand"]["seconds"] += time.perf_counter() - start
        start = time.perf_counter()
        found = parser.get_date_data(entity.text).date_obj
        rows["dateparser"]["seconds"] += time.perf_counter() - start
        rows["hand"]["read"] += bool(hand)
        rows["dateparser"]["read"] += found is not None
        if hand and found:
            both += 1
            same += len(hand) == 1 and agrees(hand[0], found)
            years_made_up += any("month" in p and "year" not in p for p in hand)
        if bool(hand) != bool(found) or (hand and found and not (len(hand) == 1 and agrees(hand[0], found))):
            differences.append(f"| {entity.text} | {hand or '-'} | {found.date() if found else '-'} |")
    start = time.perf_counter()
    searched = [found for doc in docs for found in search_dates(doc.text, languages=["en"], settings=SETTINGS) or []]
    search_seconds = time.perf_counter() - start
    inside = {(doc.text, e.text) for doc in docs for e in doc.ents if e.label_ in {"DATE", "TIME"}}
    stray = [text for text, _ in searched if not any(text in e or e in text for _, e in inside)]
    print(f"{len(entities)} DATE/TIME entities in {len(docs)} lines (date cases and seeds), base {PUBLISHED.date()}\n")
    print("| reader | entities read | ms per entity |")
    print("|---|---:|---:|")
    for name, row in rows.items():
        print(f"| {name} | {row['read']} | {1000 * row['seconds'] / max(len(entities), 1):.2f} |")
    print(f"\nRead by both: {both}; same day (every written part): {same}; month without a year that")
    print(f"dateparser gave a year to (a guess, compared as if written): {years_made_up}.")
    print(f"search_dates over whole lines: {len(searched)} dates in {search_seconds:.1f} s,")
    print(f"{len(stray)} of them outside any DATE/TIME entity: {stray[:8]}\n")
    print("| expression | hand (parts) | dateparser |")
    print("|---|---|---|")
    print("\n".join(differences))


if __name__ == "__main__":
    main()
