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
    from checker.patterns import line_matches, load, names

    nlp = load_nlp()
    for name in names():
        for pattern in load(name):
            found = line_matches(nlp(pattern.example))
            assert any(m.id == pattern.id and m.file == name for m in found), f"{name}: {pattern.id}"


def test_words_looked_up_find_what_one_matcher_of_every_pattern_finds():
    """Patterns of exact words go to spaCy's PhraseMatcher, the rest to its Matcher: together, the same matches."""
    from spacy.matcher import Matcher

    from checker.claims import load_nlp
    from checker.patterns import line_matches, load, names

    nlp = load_nlp()
    reference = Matcher(nlp.vocab)
    for name in names():
        for pattern in load(name):
            reference.add(pattern.id, [list(pattern.pattern)])
    examples = [p.example for name in names() for p in load(name)]
    for text in [" ".join(examples[i : i + 20]) for i in range(0, len(examples), 20)]:
        doc = nlp(text)
        expected = {(nlp.vocab.strings[m], start, end) for m, start, end in reference(doc)}
        found = line_matches(doc)
        assert len(found) == len(set(found))
        assert {(m.id, m.start, m.end) for m in found} == expected
        assert [(m.start, -m.end) for m in found] == sorted((m.start, -m.end) for m in found)
