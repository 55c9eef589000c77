"""Documents → stories: which documents report the same event.

Only documents of one story can contradict each other: claims of two
different events ("the ferry sank on Monday" / "the vote was on Tuesday")
are at best unrelated, yet pairing them by embedding alone produced 16% of
the contradictions reported on real multi-outlet news. Grouping first keeps
pairing inside a story, and a story is also the unit of distributed work.

A document is a unit vector of two parts. Its claims' embeddings, weighted
1/(rank + 1) by their order in the text: news puts the event in its lead,
while later paragraphs give background that neighbouring stories share
(every Apple Watch rumour ends on Apple's other products). And its claims'
named entities, TF-IDF weighted over the corpus and hashed into
ENTITY_FEATURES columns: two reports of one event name the same people and
places. Documents are grouped by average-linkage agglomerative clustering on
cosine distance, cut at `threshold`. On FNC-1 stories each part helped
(benchmarks/RESULTS.md, "Story grouping"): held-out B-cubed F1 0.86 with the
plain mean of claims, 0.93 with both.

Time: a story is one burst of reports. Where its dated documents leave a gap
of more than `gap_days` days with nothing published, each burst is a story of
its own (`_bursts`): a town's second fire nine days after its first, told by
the same fire chief with the same hospital, reads as the same story by its
words and names alone, and its toll then "contradicts" the first fire's.
Topic detection and tracking systems bound a story in time for the same reason.

Memory: scipy holds the condensed distance matrix and a copy (16 bytes a
document pair: 0.8 GB at 10,000 documents), so above DENSE_LIMIT
documents the corpus is first split into groups that no story spans (see
`_clusters`). The entity part of a document vector is held sparse
(`DocumentVectors`): on 10,000 articles grouping took 0.35 GiB above what
the run held, against 1.2 GiB with dense vectors of 2,432 columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

from checker.records import Claim, Document, content_hash
from checker.sources import time_span

# Average cosine distance between two groups' document vectors up to which
# they are one story: higher gives fewer, larger stories. Chosen with
# benchmarks/stories.py on FNC-1 train: its 191 stories (1,676 articles) split
# in halves by a fixed seed; 0.5 has the best B-cubed F1 on the tuning half
# (0.943, grid 0.30-0.70 by 0.025; 0.938 or more from 0.475 to 0.525), and on
# the held-out half gives precision 0.918, recall 0.947, F1 0.932, with 0.35%
# of the document pairs of different stories put into one.
DEFAULT_STORY_THRESHOLD = 0.5
LABEL_CHARS = 80
ENTITY_WEIGHT = 0.2  # share of a document pair's cosine that comes from their entities
ENTITY_FEATURES = 2048  # hashed entity columns: two different names share one with probability 1/2048
DENSE_LIMIT = 5_000  # documents clustered at once: 0.2 GB of distances
NEIGHBOURS = 50  # nearest documents each one may be linked to when a corpus is split
BLOCK_CELLS = 1 << 22  # similarities held at once (float64): 32 MB, and as much again for their order


@dataclass(frozen=True)
class Story:
    """Documents about one event: a stable id, a short label and the sorted document ids."""

    id: str
    label: str
    documents: tuple[str, ...]


def story_ids(stories: Iterable[Story]) -> dict[str, str]:
    """Each document's story id, by document id (a document of no story is not in it)."""
    return {doc: story.id for story in stories for doc in story.documents}


def _normalised(matrix: np.ndarray) -> np.ndarray:
    """`matrix` with each row scaled to unit length in place (a row of zeros stays so)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=matrix, where=norms > 0)


def _lead_weighted_claims(documents: Sequence[Document], claims: Sequence[Claim], embeddings: np.ndarray) -> np.ndarray:
    """Per document, the unit-length sum of its claims' embeddings weighted 1/(rank + 1) in text order."""
    row = {doc.id: i for i, doc in enumerate(documents)}
    sums = np.zeros((len(documents), embeddings.shape[1]), dtype=np.float32)
    ranks: dict[str, int] = {}
    for i in sorted(range(len(claims)), key=lambda i: (claims[i].doc_id, claims[i].span.start)):
        rank = ranks[claims[i].doc_id] = ranks.get(claims[i].doc_id, -1) + 1
        sums[row[claims[i].doc_id]] += embeddings[i] / (rank + 1)
    return _normalised(sums)


def _entities(documents: Sequence[Document], claims: Sequence[Claim]) -> sparse.spmatrix:
    """Per document, the unit-length TF-IDF vector of the entities its claims name, hashed; sparse.

    IDF over the corpus: a name every document gives ("U.S.") says little.
    """
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer  # 1 s to import: here, not at start

    names: dict[str, list[str]] = {doc.id: [] for doc in documents}
    for claim in claims:
        names[claim.doc_id] += [name.lower() for name in claim.entities]
    hasher = HashingVectorizer(analyzer=list, n_features=ENTITY_FEATURES, alternate_sign=False, norm=None)
    counts = hasher.transform([names[doc.id] for doc in documents])
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).astype(np.float32)


@dataclass(frozen=True)
class DocumentVectors:
    """Unit document vectors in two parts whose dot products add up to the cosine: claims (dense) and entities.

    The entity part has ENTITY_FEATURES columns and a few names a document, so it is held sparse: held
    dense, it was five sixths of an n x 2,432 float64 array (194 MB at 10,000 documents) and of each copy
    of its rows that clustering took.
    """

    claims: np.ndarray  # documents x embedding width, float64
    entities: sparse.csr_matrix  # documents x ENTITY_FEATURES, float64

    def __len__(self) -> int:
        return self.claims.shape[0]

    def __getitem__(self, rows: slice | np.ndarray) -> DocumentVectors:
        return DocumentVectors(self.claims[rows], self.entities[rows])

    def similarities(self, other: DocumentVectors) -> np.ndarray:
        """Dot products of each of these vectors with each of `other`'s: len(self) x len(other), dense."""
        products = self.claims @ other.claims.T
        products += (self.entities @ other.entities.T).toarray()
        return products

    def sums(self, labels: np.ndarray, count: int) -> DocumentVectors:
        """Per label 0..count-1, the sum of the vectors that have it."""
        from scipy import sparse

        members = sparse.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(count, len(self)))
        return DocumentVectors(members @ self.claims, (members @ self.entities).tocsr())


def document_vectors(documents: Sequence[Document], claims: Sequence[Claim], embeddings: np.ndarray) -> DocumentVectors:
    """One unit vector per document (zeros where it has no claims): its lead-weighted claims and their entities.

    Where both documents name entities, their cosine is (1 - ENTITY_WEIGHT) x their claims'
    cosine + ENTITY_WEIGHT x their entities' cosine. Tuning-half F1 of benchmarks/stories.py
    at its best threshold: 0.933 without entities, 0.942 at 0.1, 0.943 at 0.2, 0.936 at 0.3.
    """
    claims_part = np.sqrt(1 - ENTITY_WEIGHT) * _lead_weighted_claims(documents, claims, embeddings)
    entities = (np.sqrt(ENTITY_WEIGHT) * _entities(documents, claims)).tocsr()
    squares = (claims_part * claims_part).sum(axis=1) + np.asarray(entities.multiply(entities).sum(axis=1)).ravel()
    norms = np.sqrt(squares)
    np.divide(claims_part, norms[:, None], out=claims_part, where=norms[:, None] > 0)
    entities.data /= np.repeat(norms, np.diff(entities.indptr))  # a row with entities has a norm above 0
    return DocumentVectors(claims_part, entities)


def _cosine_distances(vectors: DocumentVectors) -> np.ndarray:
    """The rows' cosine distances, condensed as scipy's `pdist` gives them, by blocks of matrix products.

    `pdist` works out each of the n²/2 distances in a loop of its own and holds a dense float64 copy
    of the vectors: grouping 10,000 articles (a sample of DENSE_LIMIT clustered) took 44 s with it,
    7 s by blocks of BLOCK_CELLS products, with the same stories.
    """
    n = len(vectors)
    distances = np.empty(n * (n - 1) // 2)
    filled = 0
    step = max(1, BLOCK_CELLS // n)
    for start in range(0, n - 1, step):
        stop = min(start + step, n - 1)
        cosine = vectors[start:stop].similarities(vectors[start:])  # unit vectors: their cosines
        for row in range(stop - start):
            later = cosine[row, row + 1 :]  # the pairs (start + row, j) for j after it
            np.subtract(1, later, out=distances[filled : filled + len(later)])
            filled += len(later)
    return np.clip(distances, 0, 2, out=distances)  # as pdist: rounding leaves no distance below 0 (or above 2)


def _average_linkage(vectors: DocumentVectors, threshold: float) -> np.ndarray:
    """Labels of average-linkage clusters whose mean cosine distance stays below `threshold`.

    Numbered by their first member. scipy builds the tree on the condensed distances (and a copy of
    them: 16 bytes a document pair); a cluster keeps each merge below `threshold`, as scikit-learn's
    `AgglomerativeClustering(distance_threshold=...)` did, which computed the same tree by `pdist`.
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=int)
    tree = linkage(_cosine_distances(vectors), method="average")
    found = fcluster(tree, np.nextafter(threshold, -np.inf), criterion="distance")  # merges at or under it
    _, first, inverse = np.unique(found, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=int)
    rank[np.argsort(first)] = np.arange(len(first))
    return rank[inverse]


def _close_neighbours(
    block: DocumentVectors, vectors: DocumentVectors, k: int, link: float
) -> tuple[np.ndarray, np.ndarray]:
    """(row in `block`, column) of each block row's k + 1 most similar vectors (itself among them) closer than `link`."""
    negated = block.similarities(vectors)
    np.negative(negated, out=negated)  # the most similar first, without a second block
    nearest = np.argpartition(negated, k, axis=1)[:, : k + 1]
    close = np.take_along_axis(negated, nearest, axis=1) < -(1 - link)
    return np.nonzero(close)[0], nearest[close]


def _neighbour_components(vectors: DocumentVectors, link: float) -> np.ndarray:
    """Components of the graph joining each document to its NEIGHBOURS nearest closer than `link`.

    Blocks of rows keep memory at BLOCK_CELLS similarities, never n x n.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(vectors)
    k = min(NEIGHBOURS, n - 1)
    step = max(1, BLOCK_CELLS // n)
    rows, cols = [], []
    for start in range(0, n, step):
        block_rows, block_cols = _close_neighbours(vectors[start : start + step], vectors, k, link)
        rows.append(block_rows + start)
        cols.append(block_cols)
    row, col = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(len(row), dtype=np.int8), (row, col)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _clusters(vectors: DocumentVectors, threshold: float) -> np.ndarray:
    """Average-linkage story labels, clustering at most DENSE_LIMIT documents at once.

    Two documents of one average-linkage story are joined by a chain of pairs
    closer than `threshold` (a merge needs a mean distance below it, so some
    pair below it): clustering each component of that graph on its own gives
    the same stories, up to pairs beyond the NEIGHBOURS nearest. Only a
    component that is itself too large is sampled (`_sampled_clusters`).
    """
    if len(vectors) <= DENSE_LIMIT:
        return _average_linkage(vectors, threshold)
    parts = _neighbour_components(vectors, threshold)
    if parts.max() == 0:
        return _sampled_clusters(vectors, threshold)
    labels = np.empty(len(vectors), dtype=int)
    offset = 0
    for part in range(parts.max() + 1):
        members = np.flatnonzero(parts == part)
        found = _clusters(vectors[members], threshold)
        labels[members] = found + offset
        offset += found.max() + 1
    return labels


def _sampled_clusters(vectors: DocumentVectors, threshold: float) -> np.ndarray:
    """Stories of an evenly spaced sample of DENSE_LIMIT documents; each other document joins
    the sampled story it is closest to on average where that is below `threshold` (the
    average-linkage criterion), and the documents left over are grouped on their own."""
    sample = np.linspace(0, len(vectors) - 1, DENSE_LIMIT).astype(int)
    sampled = vectors[sample]
    sampled_labels = _average_linkage(sampled, threshold)
    labels = np.full(len(vectors), -1)
    labels[sample] = sampled_labels
    count = sampled_labels.max() + 1
    sums = sampled.sums(sampled_labels, count)
    sizes = np.bincount(sampled_labels, minlength=count)
    step = max(1, BLOCK_CELLS // count)
    for start in range(0, len(vectors), step):
        mean_similarity = vectors[start : start + step].similarities(sums) / sizes
        best = mean_similarity.argmax(axis=1)
        close = 1 - mean_similarity[np.arange(len(best)), best] < threshold
        block = labels[start : start + step]
        block[(block < 0) & close] = best[(block < 0) & close]
    rest = np.flatnonzero(labels < 0)
    if len(rest):
        labels[rest] = _clusters(vectors[rest], threshold) + count
    return labels


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word boundary."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _label(document: Document, first_claim: Claim | None) -> str:
    """The document's title, else its first claim, else its first line."""
    if document.title.strip():
        return shorten(document.title)
    if first_claim is not None:
        return shorten(first_claim.text)
    return shorten(document.text.strip().split("\n", 1)[0])


def _story(members: list[Document], vectors: DocumentVectors, first_claims: dict[str, Claim]) -> Story:
    """The story of `members` (sorted by id), labelled by the member closest to their centroid.

    Closeness is compared to four decimals, the first member by id taking a tie: in a story of two
    documents both are equally close, and float noise (embeddings computed in another batch, on
    another machine) must not pick the label.
    """
    centroid = vectors.sums(np.zeros(len(vectors), dtype=int), 1)
    central = members[int(np.argmax(np.round(vectors.similarities(centroid)[:, 0], 4)))]
    ids = tuple(d.id for d in members)
    return Story(content_hash("story", *ids), _label(central, first_claims.get(central.id)), ids)


def _bursts(
    group: list[int], documents: Sequence[Document], vectors: DocumentVectors, gap_days: float
) -> list[list[int]]:
    """`group` (indices of `documents` and `vectors`) split where its dated documents leave more than
    `gap_days` days with nothing published; each undated member joins the burst it is closest to on average.

    One burst, no dates or `gap_days` 0: the group as it is.
    """
    if gap_days <= 0:
        return [group]
    published = {i: span for i in group if (span := time_span(documents[i].published))}
    bursts: list[list[int]] = []
    latest = None
    for i in sorted(published, key=lambda i: (published[i][0], i)):
        start, end = published[i]
        if latest is None or (start - latest).total_seconds() > gap_days * 86400:
            bursts.append([])
            latest = end
        bursts[-1].append(i)
        latest = max(latest, end)  # where the burst's latest span ends: a date alone may be any time of its day
    if len(bursts) < 2:
        return [group]
    undated = [i for i in group if i not in published]
    if undated:
        closeness = np.stack(
            [vectors[np.array(undated)].similarities(vectors[np.array(b)]).mean(axis=1) for b in bursts], axis=1
        )
        for i, nearest in zip(undated, closeness.argmax(axis=1), strict=True):
            bursts[nearest].append(i)
    return [sorted(b) for b in bursts]


def group_stories(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    embeddings: np.ndarray,
    threshold: float,
    gap_days: float = 0.0,
) -> list[Story]:
    """Stories of `documents`, ordered by their first document id; `embeddings[i]` is `claims[i]`'s.

    `gap_days`: a story's documents published further apart than this, with nothing between, are two
    stories (`_bursts`); 0 keeps stories whole. Documents are sorted by id first, so neither the
    grouping nor the ids depend on input order.
    """
    if not documents:
        return []
    ordered = sorted(documents, key=lambda d: d.id)
    vectors = document_vectors(ordered, claims, embeddings)
    first_claims: dict[str, Claim] = {}
    for claim in sorted(claims, key=lambda c: c.span.start, reverse=True):
        first_claims[claim.doc_id] = claim
    has_claims = np.array([d.id in first_claims for d in ordered], dtype=bool)
    groups = [[i] for i in np.flatnonzero(~has_claims)]
    with_claims = np.flatnonzero(has_claims)
    labels = _clusters(vectors[with_claims], threshold)
    for k in np.unique(labels):
        groups += _bursts(list(with_claims[labels == k]), ordered, vectors, gap_days)
    stories = [_story([ordered[i] for i in group], vectors[np.array(group)], first_claims) for group in groups]
    return sorted(stories, key=lambda s: s.documents[0])
