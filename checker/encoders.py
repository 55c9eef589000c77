"""Running the text encoders (the NLI cross-encoder, the sentence embedder): plain torch for BERT, else transformers.

Both of checker's models are 6-layer BERTs. Importing transformers to run them
took about 4 s of every cold run and of every CI run with a new article
(its import graph pulls in torch._dynamo, torch.distributed and a loss zoo),
for a forward pass that is a page of torch. This module runs the same
computation as transformers' BertModel with SDPA attention (the same torch
calls on each token, in the same order), leaving out work whose result
nothing reads: padding in the dense layers (`TokenRows`) and, for a
classifier, every token but [CLS] after the last layer's attention. Every
real token's vector came out the same, bit for bit, on the CPUs tested. The
last layer's products of fewer rows run other kernels, so the probabilities
differ from transformers' by rounding: on MNLI's 9,815 dev-matched pairs by
at most 2.4e-7 in fp32 and 0.0009 in bf16 (15 pairs moved at all), no label
changed, for 1.2x the pairs per second there (bf16: 1.05-1.2x) and a
quarter less time in the NLI stage of 300 FNC-1 bodies (benchmarks/RESULTS.md,
session 47); int8's scales are set by a product's rows, so its
probabilities moved more. The tests check both against transformers, which
stays the reference and loads every model this module does not (another
architecture, weights not in safetensors, a hub name).
"""

from __future__ import annotations

import ctypes
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import torch
from torch import nn
from torch.nn import functional

ARCHITECTURES = {"BertModel": False, "BertForSequenceClassification": True}  # name: has a classifier head
# Batches are padded to a multiple of this many tokens. oneDNN compiles and keeps
# one primitive per layer shape, so a batch of every length from 1 to 256 made
# hundreds of them: NLI on 6,000 pairs of FNC-1 sentences grew to 1,114 MiB with
# batches padded to their longest, 761 MiB at a step of 16 (8: 900, 32: 688).
# Padding costs about what fewer compilations save: NLI alone ran 0-25% slower
# from run to run, speed.py's pairs per second no slower (32 was 10% slower).
# Probabilities move by bf16 rounding only (at most 0.012, no label changed).
# benchmarks/RESULTS.md, session 17.
LENGTH_STEP = 16
# The dense layers compute a batch's real tokens and enough padding cells to make their count a multiple of this
# (else every cell). oneDNN keeps a primitive for each count: the real tokens alone, a count of their own for every
# batch, took 0.7 GiB more on 300 FNC-1 bodies. NLI on 6,000 MNLI pairs (bf16) peaked at 1,682 MiB so, 1,330 at a
# multiple of 64, 755 at 256, 510 at 512 (625 before packing), at 729, 681, 707 and 682 pairs per second (585
# before); the probabilities are the same at every step (benchmarks/RESULTS.md, session 47).
ROW_STEP = 512
BATCH_TOKENS = 64 * 128  # padded tokens a batch holds at most (one input longer than that goes alone)


@dataclass(frozen=True)
class BertShape:
    """The parts of a BERT config.json that this module reads."""

    vocab_size: int
    hidden_size: int
    layers: int
    heads: int
    intermediate_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    labels: int
    classifier: bool


def plain_bert(config: dict[str, Any]) -> BertShape | None:
    """The shape of a config that this module runs exactly as transformers does, or None.

    Anything else (another architecture, another activation or position
    scheme, a decoder) is left to transformers.
    """
    architectures = config.get("architectures") or []
    plain = (
        config.get("model_type") == "bert"
        and len(architectures) == 1
        and architectures[0] in ARCHITECTURES
        and config.get("hidden_act") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and not config.get("is_decoder")
        and not config.get("add_cross_attention")
        and not config.get("chunk_size_feed_forward")
        and config.get("problem_type") in (None, "single_label_classification")
        and config.get("hidden_size", 0) % (config.get("num_attention_heads") or 1) == 0  # else transformers refuses it
    )
    if not plain:
        return None
    return BertShape(
        vocab_size=config["vocab_size"],
        hidden_size=config["hidden_size"],
        layers=config["num_hidden_layers"],
        heads=config["num_attention_heads"],
        intermediate_size=config["intermediate_size"],
        max_positions=config["max_position_embeddings"],
        type_vocab_size=config["type_vocab_size"],
        layer_norm_eps=config["layer_norm_eps"],
        labels=len(config.get("id2label") or {0: 0, 1: 1}),
        classifier=ARCHITECTURES[architectures[0]],
    )


class _Embeddings(nn.Module):
    def __init__(self, shape: BertShape) -> None:
        super().__init__()
        self.word_embeddings = nn.Embedding(shape.vocab_size, shape.hidden_size)
        self.position_embeddings = nn.Embedding(shape.max_positions, shape.hidden_size)
        self.token_type_embeddings = nn.Embedding(shape.type_vocab_size, shape.hidden_size)
        self.LayerNorm = nn.LayerNorm(shape.hidden_size, eps=shape.layer_norm_eps)

    def forward(self, ids: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        embedded = self.word_embeddings(ids) + self.token_type_embeddings(types)
        return self.LayerNorm(embedded + self.position_embeddings(positions))


@dataclass(frozen=True)
class TokenRows:
    """Which cells of a batch's rows x length grid of tokens the dense layers compute, and how attention sees them.

    Padding is 13% of a batch's cells on news sentence pairs (batches sorted by
    length, padded to a multiple of LENGTH_STEP). The linear layers, GELU and
    layer norms work on each token alone, so they run on the real tokens only,
    packed (with a few padding cells, to a multiple of ROW_STEP); attention
    alone needs the grid, and gets the packed rows put back into it (other
    padding as zeros; the mask leaves all padding out). A token's numbers do
    not depend on the other rows of a product, so each real token's vector
    came out the same, bit for bit (tested against transformers).
    """

    rows: int
    length: int
    mask: torch.Tensor | None  # attention's mask (rows, 1, 1, length), True for a token; None: nothing is padded
    real: torch.Tensor | None  # the computed cells of the flattened grid, real tokens first; None: every cell
    firsts: torch.Tensor  # each row's first token ([CLS]) among the computed cells

    @classmethod
    def of(cls, attention: torch.Tensor, always_mask: bool = False) -> TokenRows:
        """`attention` is 1 for a token, 0 for padding, which is on the right (`BertTokenizer.batch`; transformers'
        tokenizers are only used here where they pad so: `tokenizes_as_transformers`): a row's first token is
        its [CLS]. `always_mask`: every cell, and the mask.

        As transformers does for SDPA: no mask where nothing is padded (a faster
        kernel, other rounding), unless `always_mask` (a compiled graph, where
        reading `attention`'s values would split the graph).
        """
        rows, length = attention.shape
        padded = always_mask or not bool(attention.all())
        # one row of the mask for all queries (SDPA broadcasts it): the same numbers as transformers' (rows, 1, length,
        # length) mask, and attention 12% faster on 64 x 64-token batches
        mask = attention.bool()[:, None, None, :] if padded else None
        if mask is not None and not always_mask:
            cells = attention.reshape(-1)
            real = cells.nonzero().squeeze(1)
            needed = -len(real) % ROW_STEP  # padding cells that make the count a multiple of ROW_STEP
            fill = cells.eq(0).nonzero().squeeze(1)[:needed]
            if len(fill) == needed:  # else too little padding to leave out: every cell
                lengths = attention.ne(0).sum(1)
                return cls(rows, length, mask, torch.cat([real, fill]), lengths.cumsum(0) - lengths)
        return cls(rows, length, mask, None, torch.arange(rows, device=attention.device) * length)

    def packed(self, grid: torch.Tensor) -> torch.Tensor:
        """(rows, length, width) or (rows x length, width) -> (computed cells, width)."""
        flat = grid.reshape(self.rows * self.length, -1)
        return flat if self.real is None else flat.index_select(0, self.real)

    def grid(self, cells: torch.Tensor) -> torch.Tensor:
        """(computed cells, width) -> (rows, length, width), padding not computed as zeros."""
        if self.real is None:
            return cells.view(self.rows, self.length, -1)
        flat = cells.new_zeros(self.rows * self.length, cells.shape[1])
        return flat.index_copy_(0, self.real, cells).view(self.rows, self.length, -1)


class _Layer(nn.Module):
    """One encoder layer; the parameter names are transformers' (`attention.self.query`...), flattened."""

    def __init__(self, shape: BertShape) -> None:
        super().__init__()
        width = shape.hidden_size
        self.heads = shape.heads
        self.query, self.key, self.value = (nn.Linear(width, width) for _ in range(3))
        self.attention_output = nn.Linear(width, width)
        self.attention_norm = nn.LayerNorm(width, eps=shape.layer_norm_eps)
        self.intermediate = nn.Linear(width, shape.intermediate_size)
        self.output = nn.Linear(shape.intermediate_size, width)
        self.output_norm = nn.LayerNorm(width, eps=shape.layer_norm_eps)

    def forward(self, cells: torch.Tensor, rows: TokenRows, firsts_only: bool = False) -> torch.Tensor:
        """The computed cells' vectors after this layer; with `firsts_only`, each row's first token's alone.

        A classifier reads only the first token of the last layer: there the
        attention output, GELU and layer norms run on that token alone, a sixth
        of the model's dense work. Its query is still projected for every
        token and then cut: projected alone (a product of one row a
        sequence, another kernel) it moved bf16 probabilities by up to 0.002
        on 1,024 MNLI pairs, cut by up to 0.0002 (0.0009 on all 9,815).
        """
        width = cells.shape[1]
        head_size = width // self.heads

        def heads(projection: nn.Linear) -> torch.Tensor:
            return rows.grid(projection(cells)).view(rows.rows, rows.length, -1, head_size).transpose(1, 2)

        query, key, value, mask = heads(self.query), heads(self.key), heads(self.value), rows.mask
        if firsts_only:
            query = query[:, :, :1]
            cells = cells.index_select(0, rows.firsts)
        attended = functional.scaled_dot_product_attention(query, key, value, attn_mask=mask, scale=head_size**-0.5)
        attended = attended.transpose(1, 2).reshape(-1, width)
        if not firsts_only:
            attended = rows.packed(attended)
        cells = self.attention_norm(self.attention_output(attended) + cells)
        expanded = functional.gelu(self.intermediate(cells))
        return self.output_norm(self.output(expanded) + cells)


class Bert(nn.Module):
    """BERT's encoder, with the pooler and classifier of a sequence classifier where the config has them."""

    def __init__(self, shape: BertShape) -> None:
        super().__init__()
        self.embeddings = _Embeddings(shape)
        self.layers = nn.ModuleList(_Layer(shape) for _ in range(shape.layers))
        if shape.classifier:
            self.pooler = nn.Linear(shape.hidden_size, shape.hidden_size)
            self.classifier = nn.Linear(shape.hidden_size, shape.labels)

    def _encoded(self, ids: torch.Tensor, types: torch.Tensor, rows: TokenRows, firsts_only: bool) -> torch.Tensor:
        cells = rows.packed(self.embeddings(ids, types))
        for number, layer in enumerate(self.layers, 1):
            cells = layer(cells, rows, firsts_only and number == len(self.layers))
        return cells

    def hidden_states(
        self, ids: torch.Tensor, types: torch.Tensor, attention: torch.Tensor, always_mask: bool = False
    ) -> torch.Tensor:
        """The last layer's token vectors (padding's are not to be read); `attention` is 1 for a token, 0 for padding."""
        rows = TokenRows.of(attention, always_mask)
        return rows.grid(self._encoded(ids, types, rows, firsts_only=False))

    def logits(
        self, ids: torch.Tensor, types: torch.Tensor, attention: torch.Tensor, always_mask: bool = False
    ) -> torch.Tensor:
        first = self._encoded(ids, types, TokenRows.of(attention, always_mask), firsts_only=True)
        return self.classifier(torch.tanh(self.pooler(first)))


class CompiledLogits:
    """`Bert.logits` compiled by torch.compile (inductor, weights frozen): the classifier's CPU fast path.

    With the weights frozen, inductor fuses GELU, the residual adds and the
    layer norms into kernels of its own: news sentence pairs ran 1.1-1.3x as
    fast in bf16 (benchmarks/RESULTS.md, "NLI compiled"). Compiling takes
    13-22 s and needs a C++ compiler; it raises where it cannot.

    Compiled once for every batch shape: warmed on 2 rows of 48 tokens, so the
    graph keeps rows and length symbolic (a first batch of 64 x 64 tokens ties
    them together, and one of a single row is specialised: each would compile
    again). A batch of one row is run as two.
    """

    def __init__(self, module: Bert) -> None:
        def logits(ids: torch.Tensor, types: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
            return module.logits(ids, types, attention, always_mask=True)

        self.graph = torch.compile(logits, dynamic=True, options={"freezing": True})
        # As predict calls it: three tensors (one passed thrice compiles for aliased inputs), made in
        # inference mode (tensors made outside, or a call outside, compile another graph).
        device = module.pooler.weight.device
        with torch.inference_mode():
            self(*(torch.ones((2, 48), dtype=torch.long, device=device) for _ in range(3)))

    def __call__(self, ids: torch.Tensor, types: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        if ids.shape[0] == 1:
            return self.graph(*(t.repeat(2, 1) for t in (ids, types, attention)))[:1]
        return self.graph(ids, types, attention)


LAYER_NAMES = {  # transformers' name within `encoder.layer.N.` -> ours within `layers.N.`
    "attention.self.query": "query",
    "attention.self.key": "key",
    "attention.self.value": "value",
    "attention.output.dense": "attention_output",
    "attention.output.LayerNorm": "attention_norm",
    "intermediate.dense": "intermediate",
    "output.dense": "output",
    "output.LayerNorm": "output_norm",
}


def _our_name(name: str) -> str | None:
    """A transformers parameter name as this module's, or None for one it does not use."""
    name = name.removeprefix("bert.")
    if name.startswith("encoder.layer."):
        number, rest = name.removeprefix("encoder.layer.").split(".", 1)
        part, _, kind = rest.rpartition(".")
        return f"layers.{number}.{LAYER_NAMES[part]}.{kind}" if part in LAYER_NAMES else None
    if name.startswith("pooler.dense."):
        return name.replace("pooler.dense.", "pooler.")
    if name.startswith(("embeddings.", "classifier.")) and "position_ids" not in name:
        return name
    return None


def load_bert(folder: Path, classifier: bool) -> tuple[Bert, dict[str, Any]] | None:
    """The model of a local folder and its config, or None where transformers must load it.

    None for another architecture, a classifier asked of an encoder alone,
    weights not in one `model.safetensors`, or a config or weights this
    module cannot read (transformers then loads them or says what is wrong).
    """
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    weights = folder / "model.safetensors"
    if not weights.is_file() or not (folder / "config.json").is_file():
        return None
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        shape = plain_bert(config) if isinstance(config, dict) else None
        if shape is None or shape.classifier != classifier:
            return None
        # Built with random weights (0.1 s; drawn aside, so a caller's random numbers stay as they were), which
        # the file's replace below: built on the meta device instead, torch imports its compiler (1 s) to make them.
        with torch.random.fork_rng(devices=[]):
            model = Bert(shape)
        state = {ours: tensor for name, tensor in load_file(str(weights)).items() if (ours := _our_name(name))}
        if not classifier:  # an encoder alone: the pooler, where saved, is not used
            state = {name: tensor for name, tensor in state.items() if not name.startswith("pooler.")}
        model.load_state_dict({k: v.float() for k, v in state.items()}, strict=True, assign=True)
    except (RuntimeError, OSError, KeyError, TypeError, ValueError, SafetensorError):  # unreadable or misfit
        return None
    return model.eval(), config


def tokenizes_as_transformers(folder: Path) -> bool:
    """Whether `tokenizer.json` alone tokenizes as transformers' BertTokenizer does for this folder.

    transformers builds BERT's normalizer, pre-tokenizer, WordPiece model and
    [CLS] ... [SEP] template from `tokenizer_config.json`, and reads the
    truncation and padding sides there; where `tokenizer.json` is not that
    standard pipeline, or that file says otherwise, transformers loads the model.
    """
    try:
        tokenizer = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
        settings_file = folder / "tokenizer_config.json"
        settings = json.loads(settings_file.read_text(encoding="utf-8")) if settings_file.is_file() else {}
        normalizer, model = tokenizer.get("normalizer") or {}, tokenizer.get("model") or {}
        pre_tokenizer, processor = tokenizer.get("pre_tokenizer") or {}, tokenizer.get("post_processor") or {}
        expected = {  # tokenizer_config.json's key: (what tokenizer.json must match, the value where it is absent)
            "do_lower_case": (normalizer.get("lowercase"), True),
            "strip_accents": (normalizer.get("strip_accents"), None),
            "tokenize_chinese_chars": (normalizer.get("handle_chinese_chars"), True),
            "unk_token": (model.get("unk_token"), "[UNK]"),
            "truncation_side": ("right", "right"),
            "padding_side": ("right", "right"),
        }
        special = {token for step in processor.get("special_tokens", {}).values() for token in step.get("tokens", [])}
        return (
            normalizer.get("type") == "BertNormalizer"
            and normalizer.get("clean_text") is True
            and pre_tokenizer.get("type") == "BertPreTokenizer"
            and model.get("type") == "WordPiece"
            and model.get("continuing_subword_prefix") == "##"
            and processor.get("type") in ("TemplateProcessing", "BertProcessing")
            and (processor.get("type") == "BertProcessing" or special == {"[CLS]", "[SEP]"})
            and settings.get("cls_token", "[CLS]") == "[CLS]"
            and settings.get("sep_token", "[SEP]") == "[SEP]"
            and settings.get("tokenizer_class", "BertTokenizer") in ("BertTokenizer", "BertTokenizerFast")
            and all(settings.get(key, absent) == value for key, (value, absent) in expected.items())
        )
    except (OSError, ValueError, AttributeError, TypeError):  # unreadable, or not the shapes read above
        return False


class BertTokenizer:
    """A folder's `tokenizer.json` run by the tokenizers library, padded and truncated as transformers does."""

    def __init__(self, folder: Path, max_length: int) -> None:
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_length, strategy="longest_first")
        self.pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        self.max_length = max_length

    def encode(self, texts: Sequence[str | tuple[str, str]]) -> list[tuple[list[int], list[int]]]:
        """(token ids, token type ids) of each text or pair, unpadded."""
        return [(e.ids, e.type_ids) for e in self.tokenizer.encode_batch(list(texts))]

    def batch(self, encoded: Sequence[tuple[list[int], list[int]]], device: str) -> tuple[torch.Tensor, ...]:
        """Ids, type ids and attention mask, padded on the right to the longest, rounded up to LENGTH_STEP."""
        length = padded_length(max(len(ids) for ids, _ in encoded), self.max_length)
        ids = torch.full((len(encoded), length), self.pad_id, dtype=torch.long)
        types = torch.zeros((len(encoded), length), dtype=torch.long)
        attention = torch.zeros((len(encoded), length), dtype=torch.long)
        for row, (token_ids, type_ids) in enumerate(encoded):
            ids[row, : len(token_ids)] = torch.tensor(token_ids)
            types[row, : len(type_ids)] = torch.tensor(type_ids)
            attention[row, : len(token_ids)] = 1
        return ids.to(device), types.to(device), attention.to(device)


def stepped(length: int) -> int:
    """A token count rounded up to a multiple of LENGTH_STEP."""
    return -(-length // LENGTH_STEP) * LENGTH_STEP


def padded_length(longest: int, max_length: int) -> int:
    """The length a batch is padded to: its longest row's, rounded up to LENGTH_STEP, but not past max_length."""
    return max(longest, min(stepped(longest), max_length))


# glibc's malloc serves a tensor larger than its mmap threshold (raised by itself up to 32 MiB as large blocks
# are freed) with fresh pages from the kernel and trims its heap's top once enough of it is free, and checker
# gave the heap's free pages back after every model call, so each batch faulted much of its activations in
# again: 200-500 minor page faults a pair. With both limits at HEAP_KEEP_BYTES, above any batch's tensors
# (BATCH_TOKENS x the widest layer, 4 bytes: 48 MiB), and the heap trimmed after every TRIM_EVERY_CALLS-th
# call, the pages serve the next batches and calls (benchmarks/RESULTS.md, session 45). glibc before 2.35
# refuses an mmap threshold above 32 MiB: there both limits are left as glibc sets them.
HEAP_KEEP_BYTES = 256 << 20
TRIM_EVERY_CALLS = 16
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt's parameter numbers (malloc.h)


def _glibc() -> Any | None:
    """The C library where it has glibc's malloc controls (Linux); else None (Windows, macOS, musl)."""
    if not sys.platform.startswith("linux"):
        return None  # ctypes.CDLL(None) fails on Windows; macOS's allocator has neither call
    try:
        library = ctypes.CDLL(None)
    except OSError:  # no dynamic loading
        return None
    return library if all(hasattr(library, name) for name in ("malloc_trim", "mallopt")) else None  # not musl


class FreedMemory:
    """What one model does with the memory its calls free: keep it for the next batches, give it back now and then.

    torch frees a batch's activations into glibc's heap, which keeps the pages
    and reuses them only for allocations that fit where they lie: a long NLI
    stage held hundreds of megabytes it had freed. `checker run` on 800 FNC-1
    bodies peaked at 1,469 MiB with LENGTH_STEP alone, 1,212 MiB with a trim
    after every model call (NLI_CHUNK inputs), which the next call paid for in
    page faults; a low fixed mmap threshold, which does so for every tensor,
    cost 30-50%. Between trims up to TRIM_EVERY_CALLS - 1 calls' freed pages stay
    with the process (a Ray actor's too). Where glibc refuses the limits (before
    2.35), a trim after every call, as before; elsewhere than glibc, nothing.
    """

    def __init__(self) -> None:
        self.calls = 0
        self.library = _glibc()  # opened once: a model makes thousands of calls
        self.kept: bool | None = None  # whether glibc took the limits; None until the first call asks

    def before_call(self) -> None:
        """Let freed tensors of up to HEAP_KEEP_BYTES stay in the heap for the next batch (process-wide)."""
        if self.kept is not None or self.library is None:
            return
        # the mmap threshold first: a refused one leaves the trim threshold, which would freeze glibc's own
        # mmap threshold where it stands, untouched
        self.kept = bool(self.library.mallopt(M_MMAP_THRESHOLD, HEAP_KEEP_BYTES))
        if self.kept:
            self.library.mallopt(M_TRIM_THRESHOLD, HEAP_KEEP_BYTES)

    def after_call(self) -> None:
        """Return the heap's free pages to the system: every TRIM_EVERY_CALLS-th call where the limits hold."""
        self.calls += 1
        if self.library is not None and (not self.kept or self.calls % TRIM_EVERY_CALLS == 0):
            self.library.malloc_trim(ctypes.c_size_t(0))


Features = dict[str, Any]  # a padded batch: input_ids, token_type_ids, attention_mask (tensors)


def length_batches(encoded: Sequence[dict[str, list[int]]], batch_size: int) -> Iterator[list[int]]:
    """Positions of encoded texts in batches of like token counts: each batch is padded to its longest, in steps.

    A batch holds `batch_size` inputs, or fewer where they are long: at most BATCH_TOKENS padded
    tokens. A model call's working memory grows with the tokens of a batch: the longest inputs
    (256 tokens) in batches of 64 took the embedder 465 MiB more than before the call, in batches
    of 32 229 MiB, at the same speed (benchmarks/RESULTS.md). Batches made only of inputs of up to
    128 tokens are made as before, so their numbers do not change; the one batch where short inputs
    sat beside longer ones may now split, moving its numbers by rounding.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]["input_ids"]))
    batch: list[int] = []
    for i in order:
        padded = stepped(len(encoded[i]["input_ids"]))
        if batch and (len(batch) == batch_size or (len(batch) + 1) * padded > BATCH_TOKENS):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


class Encoder(Protocol):
    """What the NLI model and the embedder need of an encoder, whoever runs it."""

    module: nn.Module  # moved to a device and dtype, or quantized, by its user
    config: dict[str, Any]

    def encode(self, texts: Sequence[str | tuple[str, str]]) -> list[dict[str, list[int]]]:
        """Each text or (premise, hypothesis) pair as token ids, truncated, unpadded."""
        ...

    def batch(self, encoded: Sequence[dict[str, list[int]]], device: str) -> Features: ...

    def logits(self, features: Features) -> torch.Tensor: ...

    def hidden_states(self, features: Features) -> torch.Tensor: ...


class PlainBert:
    """A plain BERT folder run by this module."""

    def __init__(self, tokenizer: BertTokenizer, model: Bert, config: dict[str, Any]) -> None:
        self.tokenizer, self.module, self.config = tokenizer, model, config
        self.compiled: CompiledLogits | None = None

    def compile(self) -> None:
        """Run the classifier compiled from now on (`CompiledLogits`); raises where it cannot be compiled."""
        self.compiled = self.compiled or CompiledLogits(self.module)

    @classmethod
    def load(cls, folder: Path, max_length: int, classifier: bool) -> PlainBert | None:
        """None where the folder is not a plain BERT with a `tokenizer.json` that transformers would read the same."""
        if not (folder / "tokenizer.json").is_file() or not tokenizes_as_transformers(folder):
            return None
        try:
            tokenizer = BertTokenizer(folder, max_length)
        except Exception:  # tokenizers raises a bare Exception for a malformed file
            return None
        loaded = load_bert(folder, classifier)
        return cls(tokenizer, *loaded) if loaded else None

    def encode(self, texts: Sequence[str | tuple[str, str]]) -> list[dict[str, list[int]]]:
        return [{"input_ids": ids, "token_type_ids": types} for ids, types in self.tokenizer.encode(texts)]

    def batch(self, encoded: Sequence[dict[str, list[int]]], device: str) -> Features:
        ids, types, attention = self.tokenizer.batch([(e["input_ids"], e["token_type_ids"]) for e in encoded], device)
        return {"input_ids": ids, "token_type_ids": types, "attention_mask": attention}

    def logits(self, features: Features) -> torch.Tensor:
        run = self.compiled or self.module.logits
        return run(features["input_ids"], features["token_type_ids"], features["attention_mask"])

    def hidden_states(self, features: Features) -> torch.Tensor:
        return self.module.hidden_states(features["input_ids"], features["token_type_ids"], features["attention_mask"])


class TransformersEncoder:
    """Any model transformers loads (another architecture, a hub model), with its tokenizer."""

    def __init__(self, tokenizer: Any, model: nn.Module, max_length: int) -> None:
        self.tokenizer, self.module, self.max_length = tokenizer, model, max_length
        self.config = model.config.to_dict() | {"_commit_hash": getattr(model.config, "_commit_hash", None)}

    def encode(self, texts: Sequence[str | tuple[str, str]]) -> list[dict[str, list[int]]]:
        if texts and isinstance(texts[0], tuple):  # (premise, hypothesis) pairs
            columns = self.tokenizer(
                [p for p, _ in texts], [h for _, h in texts], truncation=True, max_length=self.max_length
            )
        else:
            columns = self.tokenizer(list(texts), truncation=True, max_length=self.max_length)
        return [{k: columns[k][i] for k in columns} for i in range(len(texts))]

    def batch(self, encoded: Sequence[dict[str, list[int]]], device: str) -> Features:
        columns = {k: [e[k] for e in encoded] for k in encoded[0]}
        length = padded_length(max(len(ids) for ids in columns["input_ids"]), self.max_length)
        return self.tokenizer.pad(columns, padding="max_length", max_length=length, return_tensors="pt").to(device)

    def logits(self, features: Features) -> torch.Tensor:
        return self.module(**features).logits

    def hidden_states(self, features: Features) -> torch.Tensor:
        return self.module(**features).last_hidden_state
