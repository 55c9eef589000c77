"""The NLI backend: label mapping from config.id2label, loading, batching, no hub access."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from checker.nli import HFNLIModel, ModelError, ModelWarning, label_order
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


def test_on_a_cpu_without_bf16_auto_runs_fp32_and_asking_for_bf16_warns(tiny_model, monkeypatch):
    """An AVX2 CPU emulates bf16 at about 1/25 of fp32's speed: "auto" must not pick it, and "bf16" says so."""
    import torch

    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        auto = HFNLIModel(str(tiny_model), device="cpu")
    assert not auto.bf16 and next(auto.encoder.module.parameters()).dtype == torch.float32
    with pytest.warns(ModelWarning, match='"bf16" on a CPU without AVX512-BF16 or AMX: emulated.*"auto" picks fp32'):
        asked = HFNLIModel(str(tiny_model), precision="bf16", device="cpu")
    assert asked.bf16  # what was asked for is done, only slowly


def test_on_a_cpu_with_bf16_auto_runs_bf16_without_a_warning(tiny_model, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for precision in ("auto", "bf16"):
            assert HFNLIModel(str(tiny_model), precision=precision, device="cpu").bf16
