"""NLI backends: how do two texts relate? Probabilities over (entailment, neutral, contradiction).

`HFNLIModel` loads any Hugging Face sequence-classification NLI directory and
reads its label names from `config.id2label` (they vary between models), so
the rest of checker always sees columns in `NLI_LABELS` order. Nothing is ever
fetched from a hub unless the user asks for it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from checker.records import NLI_LABELS


class ModelError(RuntimeError):
    """The NLI model cannot be loaded or used; the message says why and what to do."""


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


def weights_hash(path: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin")):
        with file.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


def use_bf16(precision: str, device: str) -> bool:
    import torch

    if precision == "bf16":
        return True
    if precision != "auto":
        return False
    if device.startswith("cuda"):
        return torch.cuda.is_bf16_supported()
    return torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()


class HFNLIModel:
    """A local (or, when allowed, hub) NLI cross-encoder, batched by length."""

    def __init__(
        self,
        name_or_path: str,
        allow_download: bool = False,
        precision: str = "auto",
        device: str | None = None,
        max_length: int = 256,
    ) -> None:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        path = Path(name_or_path)
        if not path.is_dir() and not allow_download:
            raise ModelError(
                f"NLI model '{name_or_path}' is not a local directory; pass a model directory, "
                "or --allow-download to fetch a hub model (needs network)"
            )
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(name_or_path, local_files_only=not allow_download)
            self.model = AutoModelForSequenceClassification.from_pretrained(
                name_or_path, local_files_only=not allow_download, dtype=torch.float32
            )
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load NLI model '{name_or_path}': {exc}") from exc
        self.columns = label_order(self.model.config.id2label)
        self.bf16 = use_bf16(precision, self.device)
        self.model.to(self.device, torch.bfloat16 if self.bf16 else torch.float32).eval()
        if precision == "int8":
            # Dynamic int8 quantization of the linear layers (CPU only); accuracy cost in benchmarks/RESULTS.md.
            self.model = torch.ao.quantization.quantize_dynamic(self.model, {torch.nn.Linear}, dtype=torch.qint8)
        self.max_length = max_length
        self.name = path.name if path.is_dir() else name_or_path
        self.hash = weights_hash(path) if path.is_dir() else getattr(self.model.config, "_commit_hash", "") or ""

    def predict(self, pairs: Sequence[tuple[str, str]], batch_size: int = 64) -> np.ndarray:
        import torch

        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        encoded = self.tokenizer(
            [p for p, _ in pairs], [h for _, h in pairs], truncation=True, max_length=self.max_length
        )
        order = sorted(range(len(pairs)), key=lambda i: len(encoded["input_ids"][i]))
        probs = np.zeros((len(pairs), 3), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                batch = order[start : start + batch_size]
                features = self.tokenizer.pad(
                    {k: [encoded[k][i] for i in batch] for k in encoded}, return_tensors="pt"
                ).to(self.device)
                logits = self.model(**features).logits.float()
                probs[batch] = torch.softmax(logits, dim=-1)[:, self.columns].cpu().numpy()
        return probs
