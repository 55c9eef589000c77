"""Sentence-pair cases of the structured checks, as data: `tests/cases/<kind>.jsonl`.

Fixing a false alarm or a miss is one more line. Each line:

    {"a": "...", "b": "...", "similarity": 0.7, "expect": "contradict" | "agree" | "none",
     "message": "41 vs 35 votes against",            (optional: the evidence message, exactly)
     "detail": {"unit": "vote"},                      (optional: these evidence fields, exactly)
     "a_entities": ["person:kim"], "b_entities": [],  (optional: the claims' entity keys, as the tagger gives them)
     "a_setting": [], "b_setting": [], "a_reported_by": [], "b_reported_by": [],  (optional)
     "a_setting_from_before": false, "b_setting_from_before": false,  (optional: the setting is the sentence before's)
     "a_published": "2024-03-18", "b_published": "",  (optional: the article's publication date)
     "a_standalone": "...", "b_standalone": "...",   (optional: the model's form, with weekdays anchored)
     "rule": "number-lower-bound",                   (the pattern id or rule of the check the case exercises)
     "why": "what a reader would say about this pair"}

The file's name is the kind of check that runs; the claims are annotated by
every check from their own parse, as claim extraction does.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from checker.checks import registry
from tests.helpers import comparer, make_claim

CASES = Path(__file__).resolve().parent / "cases"
EXPECTATIONS = {"contradict", "agree", "none"}


def _cases():
    for path in sorted(CASES.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                yield pytest.param(path.stem, json.loads(line), id=f"{path.stem}:{number}")


def _claim(case: dict, side: str):
    claim = make_claim(
        case[side],
        f"{side}.txt",
        tuple(case.get(f"{side}_entities", ())),
        case.get(f"{side}_standalone"),
    )
    return replace(
        claim,
        setting=tuple(case.get(f"{side}_setting", ())),
        setting_from_before=case.get(f"{side}_setting_from_before", False),
        reported_by=tuple(case.get(f"{side}_reported_by", ())),
        published=case.get(f"{side}_published", ""),
    )


@pytest.mark.parametrize(("kind", "case"), list(_cases()))
def test_case(kind, case):
    check = registry().check(kind)
    assert check is not None, f"tests/cases/{kind}.jsonl: no check of kind {kind}"
    assert case["expect"] in EXPECTATIONS and case.get("why") and case.get("rule"), (
        "a case says what, why and which rule"
    )
    evidence = comparer(check)(_claim(case, "a"), _claim(case, "b"), case.get("similarity", 0.8))
    if case["expect"] == "none":
        assert evidence is None, f"{case['why']}: got {evidence}"
        return
    assert evidence is not None, f"{case['why']}: no evidence"
    assert evidence.contradicts == (case["expect"] == "contradict"), f"{case['why']}: {evidence.message}"
    if "message" in case:
        assert evidence.message == case["message"]
    for key, value in case.get("detail", {}).items():
        assert evidence.detail[key] == value, f"{case['why']}: detail {key}"


def test_every_pattern_matches_its_example():
    """A pattern file's `example` is a phrase its pattern finds: a typo in a pattern fails here, not silently."""
    from checker.claims import load_nlp
    from checker.patterns import load, matcher, names

    nlp = load_nlp()
    for name in names():
        for pattern in load(name):
            found = matcher(nlp.vocab, name)(nlp(pattern.example))
            assert any(nlp.vocab.strings[m] == pattern.id for m, _, _ in found), f"{name}: {pattern.id}"
