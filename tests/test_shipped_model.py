"""The shipped NLI model loads offline and labels obvious pairs correctly."""

from __future__ import annotations

import json

import pytest

from checker.config import Config
from checker.nli import HFNLIModel
from checker.records import NLI_LABELS
from tests.conftest import SHIPPED_MODEL

PAIRS = [
    ("The company reported a profit of 3 million dollars in 2023.", "The company made money in 2023.", "entailment"),
    ("The minister resigned on Tuesday after the vote.", "The minister stepped down after the vote.", "entailment"),
    ("The bridge was opened to traffic in May.", "The bridge was not opened to traffic in May.", "contradiction"),
    ("Officials confirmed that the talks will resume on Monday.", "The talks will not resume.", "contradiction"),
]
UNRELATED = [
    ("The museum reopened after renovation.", "Wheat prices rose sharply in Argentina."),
    ("The minister resigned on Tuesday after the vote.", "Heavy rain flooded parts of the coastal highway."),
    ("The company reported a profit of 3 million dollars in 2023.", "The festival drew a record crowd this summer."),
]


@pytest.fixture(scope="module")
def model():
    return HFNLIModel(str(SHIPPED_MODEL))


def test_artifact_is_complete_and_small():
    config = json.loads((SHIPPED_MODEL / "config.json").read_text())
    assert sorted(config["id2label"].values()) == sorted(NLI_LABELS)
    weights = SHIPPED_MODEL / "model.safetensors"
    assert weights.stat().st_size <= 50 * 1024 * 1024
    assert (SHIPPED_MODEL / "tokenizer.json").exists() and (SHIPPED_MODEL / "README.md").exists()


@pytest.mark.parametrize("premise, hypothesis, expected", PAIRS)
def test_obvious_pairs(model, premise, hypothesis, expected):
    probs = model.predict([(premise, hypothesis)])[0]
    assert NLI_LABELS[int(probs.argmax())] == expected, dict(zip(NLI_LABELS, probs.round(3), strict=True))


@pytest.mark.parametrize("premise, hypothesis", UNRELATED)
def test_unrelated_pairs_are_not_flagged(model, premise, hypothesis):
    """Sentences about different events must not become a contradiction finding (nor agree)."""
    probs = dict(zip(NLI_LABELS, model.predict([(premise, hypothesis)])[0].round(3), strict=True))
    assert probs["contradiction"] < Config().contradict_threshold, probs
    assert probs["entailment"] < Config().agree_threshold, probs
