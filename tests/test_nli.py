"""The NLI backend: label mapping from config.id2label, loading, batching, no hub access."""

from __future__ import annotations

import numpy as np
import pytest

from checker.nli import HFNLIModel, ModelError, label_order
from tests.conftest import build_tiny_nli


@pytest.mark.parametrize(
    "id2label, expected",
    [
        ({0: "entailment", 1: "neutral", 2: "contradiction"}, [0, 1, 2]),
        ({0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"}, [2, 1, 0]),
        ({0: "contradiction", 1: "entailment", 2: "neutral"}, [1, 2, 0]),
    ],
)
def test_label_names_are_read_from_the_config(id2label, expected):
    assert label_order(id2label) == expected


@pytest.mark.parametrize(
    "id2label", [{0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, {0: "entailment", 1: "not_entailment"}]
)
def test_unmappable_labels_are_refused(id2label):
    with pytest.raises(ModelError, match="cannot map the model's labels"):
        label_order(id2label)


def test_tiny_model_loads_and_predicts_in_our_label_order(tiny_model):
    model = HFNLIModel(str(tiny_model), precision="fp32")
    pairs = [("A man plays guitar.", "Someone makes music."), ("Short.", "A much longer hypothesis " * 5)] * 3
    probs = model.predict(pairs, batch_size=2)
    assert probs.shape == (6, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    # Same pair, same row, whatever its place in the length-sorted batches.
    np.testing.assert_allclose(probs[0], probs[2], rtol=1e-5)
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    reference, tokenizer = (
        AutoModelForSequenceClassification.from_pretrained(tiny_model),
        AutoTokenizer.from_pretrained(tiny_model),
    )
    raw = reference(**tokenizer([pairs[0][0]], [pairs[0][1]], return_tensors="pt")).logits.softmax(-1)
    assert probs[0][0] == pytest.approx(
        float(raw[0, 2].detach()), rel=1e-4
    )  # column 0 is entailment (id 2 in the tiny model)
    assert len(model.hash) == 16


def test_a_missing_model_is_a_clear_error_and_no_download(tmp_path):
    with pytest.raises(ModelError, match="not a local directory.*--allow-download"):
        HFNLIModel("some-org/some-nli-model")
    with pytest.raises(ModelError, match="not a local directory"):
        HFNLIModel(str(tmp_path / "absent"))


def test_a_two_way_model_is_refused(tmp_path):
    path = build_tiny_nli(tmp_path / "two-way", {0: "entailment", 1: "not_entailment"})
    with pytest.raises(ModelError, match="cannot map"):
        HFNLIModel(str(path))
