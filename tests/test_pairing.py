"""Candidate pairs: only across documents, top-k, above the floor, linear in claims."""

from __future__ import annotations

import numpy as np
import pytest

from checker.pairing import cross_document_pairs, pair_candidates
from tests.helpers import make_claim


def unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_pairs_cross_documents_and_respect_floor_and_k():
    claims = [make_claim("a1", "a"), make_claim("a2", "a"), make_claim("b1", "b"), make_claim("c1", "c")]
    embeddings = np.stack([unit(1, 0, 0), unit(1, 0.1, 0), unit(1, 0.05, 0), unit(0, 0, 1)])
    pairs, stats = pair_candidates(claims, embeddings, top_k=1, min_similarity=0.5, entity_bonus=0.0)
    assert {(p.a.text, p.b.text) for p in pairs} == {("a1", "b1"), ("a2", "b1")}
    assert all(p.a.doc_id != p.b.doc_id for p in pairs)
    assert stats.cross_document_pairs == 5 and stats.candidates == 2


def test_a_reprint_is_not_paired_with_its_original_nor_fills_its_neighbours():
    """A wire story and its reprint: each claim's nearest neighbour was its own copy (cosine 1), so the one slot
    of top_k went to a pair that can only agree, and the other outlet's differing sentence was never compared."""
    claims = [make_claim("wire", "ap"), make_claim("wire", "ap-reprint"), make_claim("other", "bbc")]
    embeddings = np.stack([unit(1, 0), unit(1, 0), unit(1, 0.2)])
    plain, _ = pair_candidates(claims, embeddings, top_k=1, min_similarity=0.5, entity_bonus=0.0)
    assert ("ap", "ap-reprint") in {(p.a.doc_id, p.b.doc_id) for p in plain}
    sources = ["ap", "ap", "bbc"]
    pairs, stats = pair_candidates(claims, embeddings, 1, 0.5, 0.0, sources=sources)
    assert {(p.a.doc_id, p.b.doc_id) for p in pairs} == {("ap", "bbc"), ("ap-reprint", "bbc")}
    assert stats.cross_document_pairs == 2
    keyed, _ = pair_candidates(
        claims, embeddings, 1, 0.9, 0.0, keys=[{"k"}] * 3, key_min_similarity=0.5, sources=sources
    )
    assert {(p.a.doc_id, p.b.doc_id) for p in keyed} == {("ap", "bbc"), ("ap-reprint", "bbc")}


def test_a_shared_entity_breaks_ties():
    claims = [make_claim("q", "a", ("Chile",)), make_claim("x", "b"), make_claim("y", "c", ("Chile",))]
    embeddings = np.stack([unit(1, 0), unit(1, 0.3), unit(1, 0.32)])
    pairs, _ = pair_candidates(claims[:3], embeddings, top_k=1, min_similarity=0.0, entity_bonus=0.1)
    assert ("q", "y") in {(p.a.text, p.b.text) for p in pairs}


def test_candidates_grow_linearly_not_quadratically():
    rng = np.random.default_rng(0)
    claims = [make_claim(f"c{i}", f"d{i % 50}") for i in range(1000)]
    embeddings = rng.normal(size=(1000, 16)).astype(np.float32)
    embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
    pairs, stats = pair_candidates(claims, embeddings, top_k=3, min_similarity=-1.0, entity_bonus=0.0)
    assert len(pairs) <= 3 * 1000
    assert stats.cross_document_pairs == cross_document_pairs(claims) == (1000 * 1000 - 50 * 20 * 20) // 2


def test_claims_sharing_a_key_are_paired_below_the_floor():
    claims = [
        make_claim("four countries voted against", "a"),
        make_claim("18 votes against", "b"),
        make_claim("x", "c"),
    ]
    embeddings = np.stack([unit(1, 0, 0), unit(0.3, 1, 0), unit(0, 0, 1)])
    keys = [{"vote:against"}, {"vote:against"}, set()]
    pairs, _ = pair_candidates(
        claims, embeddings, 3, min_similarity=0.9, entity_bonus=0.0, keys=keys, key_min_similarity=0.2
    )
    assert [(p.a.text, p.b.text) for p in pairs] == [("four countries voted against", "18 votes against")]


def clustered(n: int, documents: int, seed: int = 0) -> tuple[list, np.ndarray]:
    """n claims of `documents` sources, each a noisy copy of one of n / 4 topics: several sources per topic."""
    rng = np.random.default_rng(seed)
    topics = rng.normal(size=(n // 4, 32))
    vectors = topics[rng.integers(0, len(topics), n)] + 0.5 * rng.normal(size=(n, 32))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    return [make_claim(f"c{i}", f"d{i % documents}") for i in range(n)], vectors


def pair_set(pairs) -> set[tuple[str, str]]:
    return {(p.a.text, p.b.text) for p in pairs}


def test_the_approximate_search_finds_the_pairs_every_cosine_finds():
    claims, embeddings = clustered(800, 40)
    exact, _ = pair_candidates(claims, embeddings, top_k=5, min_similarity=0.3, entity_bonus=0.0)
    approximate, _ = pair_candidates(
        claims, embeddings, top_k=5, min_similarity=0.3, entity_bonus=0.0, approximate_from=800
    )
    assert len(exact) > 1000 and pair_set(approximate) == pair_set(exact)
    similarity = {(p.a.text, p.b.text): p.similarity for p in exact}
    assert all(abs(p.similarity - similarity[(p.a.text, p.b.text)]) < 1e-5 for p in approximate)


def test_the_approximate_search_gives_the_same_pairs_every_run():
    claims, embeddings = clustered(2000, 100, seed=1)
    runs = [pair_candidates(claims, embeddings, 5, 0.3, 0.08, approximate_from=1)[0] for _ in range(2)]
    assert [(p.a.text, p.b.text, p.similarity) for p in runs[0]] == [
        (p.a.text, p.b.text, p.similarity) for p in runs[1]
    ]


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 2, 0), (2, 0, 1)])
def test_a_shared_entity_breaks_ties_in_the_approximate_search_too(order):
    claims = [make_claim("q", "a", ("Chile",)), make_claim("x", "b"), make_claim("y", "c", ("Chile",))]
    embeddings = np.stack([unit(1, 0), unit(1, 0.3), unit(1, 0.32)])
    claims, embeddings = [claims[i] for i in order], embeddings[list(order)]  # the index's order is not the members'
    pairs, _ = pair_candidates(claims, embeddings, top_k=1, min_similarity=0.0, entity_bonus=0.1, approximate_from=1)
    assert {tuple(sorted(pair)) for pair in pair_set(pairs)} == {("q", "y"), ("x", "y")}


def test_a_claim_whose_own_document_is_nearest_still_gets_neighbours_from_others():
    rng = np.random.default_rng(3)
    base = unit(*rng.normal(size=32))
    own = [base + 0.01 * rng.normal(size=32) for _ in range(60)]  # one document's 60 near-copies of a claim
    others = [base + 0.3 * rng.normal(size=32) for _ in range(20)]
    embeddings = np.stack([v / np.linalg.norm(v) for v in own + others]).astype(np.float32)
    claims = [make_claim(f"own{i}", "a") for i in range(60)] + [make_claim(f"o{i}", f"d{i}") for i in range(20)]
    exact, _ = pair_candidates(claims, embeddings, 5, 0.0, 0.0)
    approximate, _ = pair_candidates(claims, embeddings, 5, 0.0, 0.0, approximate_from=1)
    assert pair_set(approximate) == pair_set(exact)


def test_a_story_larger_than_one_block_gives_the_pairs_of_one_block(monkeypatch):
    import checker.pairing

    claims, embeddings = clustered(600, 30, seed=2)
    claims = [make_claim(c.text, c.doc_id, ("Chile",) if i % 3 == 0 else ()) for i, c in enumerate(claims)]
    whole, _ = pair_candidates(claims, embeddings, 5, 0.3, 0.08)
    monkeypatch.setattr(checker.pairing, "BLOCK_CELLS", 600 * 7)  # seven rows at a time
    blocked, _ = pair_candidates(claims, embeddings, 5, 0.3, 0.08)
    assert [(p.a.text, p.b.text) for p in blocked] == [(p.a.text, p.b.text) for p in whole]
    assert np.allclose([p.similarity for p in blocked], [p.similarity for p in whole], atol=1e-6)  # BLAS block shapes
