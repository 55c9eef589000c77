"""End to end on seeds/ with the shipped model, against the visible gold list.

The gold file is a sample of what a careful reader finds (../shared/gold); the
checker is tuned for the general case, and these lines are its acceptance test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.config import Config
from checker.pipeline import Checker
from tests.conftest import ROOT, SEEDS, SHIPPED_MODEL

GOLD = ROOT.parent / "shared" / "gold" / "seeds_visible.jsonl"
MAX_CONTRADICTIONS = 8  # one line a fact (issue: stories and facts)


@pytest.fixture(scope="module")
def seeds_result(nlp):
    checker = Checker(Config(model=str(SHIPPED_MODEL)), nlp=nlp)
    return checker.check([str(SEEDS)])


def matches(record: dict, side_a: list[str], side_b: list[str]) -> bool:
    def on(claim: dict, side: list[str]) -> bool:
        prefix, phrase = side
        return claim["doc_id"].startswith(prefix) and phrase in claim["sentence"]

    a, b = record["a"], record["b"]
    return (on(a, side_a) and on(b, side_b)) or (on(a, side_b) and on(b, side_a))


def gold(kind: str) -> list[dict]:
    if not GOLD.exists():
        pytest.skip(f"no gold file at {GOLD}")
    return [g for g in map(json.loads, GOLD.read_text().splitlines()) if g["kind"] == kind]


def test_gold_contradictions_are_reported(seeds_result):
    records = seeds_result.records(["contradict"])
    for g in gold("contradict"):
        assert any(matches(r, g["a"], g["b"]) for r in records), g["id"]


def test_gold_agreements_are_reported_as_agreement(seeds_result):
    records = seeds_result.records(["agree"])
    for g in gold("agree"):
        assert any(matches(r, g["a"], g["b"]) for r in records), g["id"]


def test_traps_are_not_contradictions_and_the_report_stays_short(seeds_result):
    records = seeds_result.records(["contradict"])
    for g in gold("trap"):
        assert not any(matches(r, g["a"], g["b"]) for r in records), g["id"]
    assert 0 < len(records) <= MAX_CONTRADICTIONS


def test_offsets_point_at_the_sentences(seeds_result):
    for record in seeds_result.records(["contradict", "agree"]):
        for side in ("a", "b"):
            claim = record[side]
            text = (SEEDS / claim["doc_id"]).read_text(encoding="utf-8")
            start, end = claim["span"]
            assert text[start:end] == claim["text"]
            assert text.count("\n", 0, start) + 1 == claim["line"]
            assert claim["text"] in claim["sentence"]
    for record in seeds_result.records(["contradict"]):  # (audit) a fact's claims named no file to open
        for claim in [c for v in record["fact"]["versions"] for c in v["claims"]] + [p["a"] for p in record["pairs"]]:
            lines = Path(claim["path"]).read_text(encoding="utf-8").splitlines()
            assert claim["text"].splitlines()[0] in lines[claim["line"] - 1]


def test_one_fact_names_the_source_that_stands_alone(seeds_result):
    """001 alone calls Trump a former president: one line, 001 the outlier against the four others."""
    records = seeds_result.records(["contradict"])
    (title,) = [r for r in records if r["kind"] == "title"]
    assert title["fact"]["outliers"] == ["001_41b6315f879b5d42.txt"] and title["a"]["doc_id"].startswith("001")
    assert title["fact"]["majority"] == "president"
    majority = next(v for v in title["fact"]["versions"] if v["value"] == "president")
    assert [d[:3] for d in majority["documents"]] == ["000", "002", "003", "004"]
    assert len(title["pairs"]) >= 4 and len({r["id"] for r in records}) == len(records)
    (story,) = seeds_result.stories
    assert len(story.documents) == 5 and all(r["story"]["id"] == story.id for r in records)
