"""NLI backends: how do two texts relate? Probabilities over (entailment, neutral, contradiction).

`HFNLIModel` loads any Hugging Face sequence-classification NLI directory and
reads its label names from `config.id2label` (they vary between models), so
the rest of checker always sees columns in `NLI_LABELS` order. Nothing is ever
fetched from a hub unless the user asks for it.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import numpy as np

from checker.records import NLI_LABELS

# Files of which a folder needs one for AutoTokenizer: a fast tokenizer, or a vocabulary to build one from.
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt", "vocab.json", "tokenizer.model", "spiece.model")


class ModelError(RuntimeError):
    """The NLI model cannot be loaded or used; the message says why and what to do."""


class ModelWarning(UserWarning):
    """A model could not do something it was asked to and carries on without it; printed once the run ends."""


class NLIBackend(Protocol):
    name: str
    hash: str

    def predict(self, pairs: Sequence[tuple[str, str]], batch_size: int = 64) -> np.ndarray:
        """(premise, hypothesis) pairs → (N, 3) probabilities in NLI_LABELS order."""
        ...


def label_order(id2label: dict) -> list[int]:
    """Model output column of each of NLI_LABELS; refuses labels it cannot map."""
    mapped: dict[str, int] = {}
    for index, name in id2label.items():
        lowered = str(name).strip().lower()
        for label in NLI_LABELS:
            if lowered.startswith(label[:7]):  # entail…, neutral, contrad…
                mapped[label] = int(index)
    if sorted(mapped) != sorted(NLI_LABELS) or len(id2label) != 3:
        names = ", ".join(str(v) for v in id2label.values())
        raise ModelError(
            f"cannot map the model's labels ({names}) to entailment/neutral/contradiction; "
            "checker needs a 3-way NLI model whose config.id2label names its classes"
        )
    return [mapped[label] for label in NLI_LABELS]


def check_model(name_or_path: str, allow_download: bool) -> None:
    """Refuse, in one line and before anything loads, a model setting that cannot work.

    transformers finds these out only while loading, after the corpus is read,
    and says so in many lines (or in none, pointing at a report it logged).
    """
    path = Path(name_or_path)
    if path.is_dir():
        check_model_folder(path)
    elif not allow_download:
        raise ModelError(
            f"NLI model '{name_or_path}' is not a local directory; pass a model directory, "
            "or --allow-download to fetch a hub model (needs network)"
        )


def check_model_folder(path: Path) -> None:
    """The files a local NLI model needs, and 3 labels checker can map, or a ModelError naming the folder."""
    if not (path / "config.json").is_file():
        raise ModelError(f"{path}: not a model folder (no config.json)")
    if not any(path.glob("*.safetensors")) and not any(path.glob("*.bin")):
        raise ModelError(f"{path}: no model weights (*.safetensors or *.bin)")
    if not any((path / name).is_file() for name in TOKENIZER_FILES):
        raise ModelError(f"{path}: no tokenizer files (one of {', '.join(TOKENIZER_FILES)})")
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: cannot read config.json ({exc})") from exc
    id2label = config.get("id2label") if isinstance(config, dict) else None
    if not isinstance(id2label, dict):
        raise ModelError(f"{path}: config.json names no labels (id2label); checker needs a 3-way NLI model")
    try:
        label_order(id2label)
    except ModelError as exc:
        raise ModelError(f"{path}: {exc}") from None


@contextmanager
def _load_errors(where: str, what: str) -> Iterator[None]:
    """transformers' load failures as one ModelError line: its messages run over several lines."""
    from safetensors import SafetensorError

    try:
        yield
    except (OSError, ValueError, RuntimeError, KeyError, SafetensorError) as exc:
        raise ModelError(f"{where}: cannot load the {what}: {' '.join(str(exc).split())}") from exc


def _refuse_mismatched(where: str, mismatched: set[tuple]) -> None:
    """Weights whose layer sizes differ from config.json, above all a head for another number of labels.

    They are loaded with `ignore_mismatched_sizes` so that this can say which:
    transformers would raise pointing at a report that checker keeps quiet.
    """
    if not mismatched:
        return
    heads = sorted({int(w[0]) for _, w, c in mismatched if len(c) and c[0] == len(NLI_LABELS)})
    if heads:
        raise ModelError(
            f"{where}: the model has {heads[0]} output labels; checker needs a 3-way NLI model "
            f"({', '.join(NLI_LABELS)})"
        )
    key, in_weights, in_config = min(mismatched, key=str)
    raise ModelError(
        f"{where}: the weights do not fit config.json ({key} is {list(in_weights)}, config.json makes it {list(in_config)})"
    )


def load_pretrained(name_or_path: str, allow_download: bool) -> tuple:
    """Tokenizer and model, or a one-line ModelError naming the model and what is wrong with it."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # its load report and notices run over many lines; errors say it in one
    hf_logging.disable_progress_bar()
    with _load_errors(name_or_path, "tokenizer"):
        tokenizer = AutoTokenizer.from_pretrained(name_or_path, local_files_only=not allow_download)
    if len(tokenizer) <= len(tokenizer.all_special_tokens):  # transformers builds one from no vocabulary file
        raise ModelError(f"{name_or_path}: the tokenizer has no vocabulary, only special tokens")
    with _load_errors(name_or_path, "model"):
        model, info = AutoModelForSequenceClassification.from_pretrained(
            name_or_path,
            local_files_only=not allow_download,
            dtype=torch.float32,
            ignore_mismatched_sizes=True,
            output_loading_info=True,
        )
    _refuse_mismatched(name_or_path, info["mismatched_keys"])
    return tokenizer, model


def weight_files(path: Path) -> list[Path]:
    return sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin"))


def weights_hash(path: Path) -> str:
    """The hash of a model folder's weight files: the NLI cache key, read with no torch and no model loaded."""
    digest = hashlib.sha256()
    for file in weight_files(path):
        with file.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


def weights_stamp(path: Path) -> str:
    """Path, size and modification time of each weight file: where they are unchanged, so is `weights_hash`.

    Reading a stamp takes a few stat calls where hashing reads every byte of the weights.
    """
    files = [(str(f.resolve()), (s := f.stat()).st_size, s.st_mtime_ns) for f in weight_files(path)]
    return json.dumps(files)


def model_name(name_or_path: str) -> str:
    """The name a finding records: the folder's name for a local model, else the hub name."""
    path = Path(name_or_path)
    return path.name if path.is_dir() else name_or_path


def native_bf16(device: str) -> bool:
    """Whether the device computes in bf16 itself: a GPU that supports it, a CPU with AVX512-BF16 or AMX.

    Elsewhere (an AVX2 CPU, say) torch emulates bf16, many times slower than
    fp32 (benchmarks/RESULTS.md, "A CPU without bf16, messy input and what a reviewer reads").
    """
    import torch

    if device.startswith("cuda"):
        return torch.cuda.is_bf16_supported()
    return torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()


def use_bf16(precision: str, device: str) -> bool:
    """bf16 when asked for, or with "auto" where the device computes in it natively."""
    if precision == "bf16":
        if not native_bf16(device):
            hardware = "a GPU without bf16" if device.startswith("cuda") else "a CPU without AVX512-BF16 or AMX"
            message = f'precision = "bf16" on {hardware}: emulated, many times slower than fp32; "auto" picks fp32 here'
            warnings.warn(ModelWarning(message), stacklevel=3)
        return True
    return precision == "auto" and native_bf16(device)


class HFNLIModel:
    """A local (or, when allowed, hub) NLI cross-encoder, batched by length.

    A folder holding a plain BERT (the shipped model) is run by
    `checker.encoders.PlainBert`, with the same probabilities to rounding and
    without importing transformers; any other model by transformers.
    """

    def __init__(
        self,
        name_or_path: str,
        allow_download: bool = False,
        precision: str = "auto",
        device: str | None = None,
        max_length: int = 256,
    ) -> None:
        import torch

        from checker.encoders import FreedMemory, PlainBert, TransformersEncoder

        path = Path(name_or_path)
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.freed = FreedMemory()
        check_model(name_or_path, allow_download)
        self.encoder = PlainBert.load(path, max_length, classifier=True) if path.is_dir() else None
        if self.encoder is None:
            self.encoder = TransformersEncoder(*load_pretrained(name_or_path, allow_download), max_length)
        self.columns = label_order(self.encoder.config["id2label"])
        self.bf16 = use_bf16(precision, self.device)
        self.encoder.module.to(self.device, torch.bfloat16 if self.bf16 else torch.float32).eval()
        self.quantized = precision == "int8"
        if self.quantized:
            # Dynamic int8 quantization of the linear layers (CPU only); accuracy cost in benchmarks/RESULTS.md.
            self.encoder.module = torch.ao.quantization.quantize_dynamic(
                self.encoder.module, {torch.nn.Linear}, dtype=torch.qint8
            )
        self.name = model_name(name_or_path)
        self.hash = weights_hash(path) if path.is_dir() else self.encoder.config.get("_commit_hash") or ""
        self.tried_compiling = False

    @property
    def compiled(self) -> bool:
        """Whether the classifier runs compiled (`compile`); only a plain BERT can be."""
        return getattr(self.encoder, "compiled", None) is not None

    def compile(self) -> bool:
        """Compile the classifier for the calls to come, where it can be; whether it is compiled.

        Only a plain BERT (the shipped model) on the CPU, in bf16 or fp32: it
        pays for a long run only (13-22 s to compile; the engines call this
        above `nli_compile_min_inputs`). Where compiling fails (no C++ compiler,
        another platform), a ModelWarning says so, once, and the model runs as before.
        """
        from checker.encoders import PlainBert

        if self.tried_compiling or not isinstance(self.encoder, PlainBert) or self.device != "cpu" or self.quantized:
            return self.compiled
        self.tried_compiling = True
        try:
            self.encoder.compile()
        except Exception as exc:  # inductor raises many kinds (no compiler, a failed build): all mean "not here"
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            message = f"the NLI model runs uncompiled: compiling it failed ({first_line})"
            warnings.warn(ModelWarning(f"{message}; nli_compile_min_inputs = 0 skips trying"), stacklevel=2)
            return False
        return True

    def predict(self, pairs: Sequence[tuple[str, str]], batch_size: int = 64) -> np.ndarray:
        import torch

        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        from checker.encoders import length_batches

        self.freed.before_call()
        encoded = self.encoder.encode(list(pairs))
        probs = np.zeros((len(pairs), 3), dtype=np.float32)
        with torch.inference_mode():
            for batch in length_batches(encoded, batch_size):
                logits = self.encoder.logits(self.encoder.batch([encoded[i] for i in batch], self.device)).float()
                probs[batch] = torch.softmax(logits, dim=-1)[:, self.columns].cpu().numpy()
        self.freed.after_call()
        return probs
