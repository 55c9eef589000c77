"""Story grouping against FNC-1's stories: B-cubed precision, recall and F1.

Gold stories come from FNC-1 train (../shared/data/nli/train/fnc1_train.jsonl.gz):
a headline and the bodies labelled related to it (agree, disagree, discuss)
tell one story, and headlines that share a related body are joined into one
(union-find). Every body is related to some headline and the components stay
small (191 stories of 1-50 bodies), so no giant component has to be cut.

The stories are split by a fixed seed into a tuning half and a held-out half.
Each half is grouped on its own with checker's real claims and embeddings
(`Checker.extract_claims`, `Checker.embed`, cached in benchmarks/.cache/:
the first run parses all 1,676 bodies, about 12 minutes on 2 cores; later
runs take seconds). The threshold is the grid value with the best B-cubed F1
on the tuning half alone; the held-out columns at the other grid values only
show how sensitive the result is to it. Also reported: the share of document
pairs from different gold stories put into one story (those are the pairs
whose claims pairing would compare for nothing).

    python benchmarks/stories.py [--limit N] [--seed 13] [--no-append]
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402
from shared_data import SHARED  # noqa: E402

from checker.corpus import load_corpus  # noqa: E402
from checker.index import Index  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.records import Claim, Document  # noqa: E402
from checker.stories import group_stories  # noqa: E402

STANCES = SHARED / "nli" / "train" / "fnc1_train.jsonl.gz"
CACHE = Path(__file__).resolve().parent / ".cache" / "stories.sqlite"
SEED = 13
GRID = [round(0.30 + 0.025 * i, 3) for i in range(17)]  # cosine distances 0.30-0.70
CHUNK = 100  # documents parsed and embedded per step, so an interrupted run keeps its work


def gold_stories() -> tuple[list[list[int]], dict[int, str]]:
    """FNC-1 stories (sorted body ids each, sorted) and every related body's text."""
    parent: dict[tuple[str, object], tuple[str, object]] = {}

    def root(node: tuple[str, object]) -> tuple[str, object]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    texts: dict[int, str] = {}
    with gzip.open(STANCES, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["orig_label"] != "unrelated":
                texts[row["body_id"]] = row["premise"]
                parent[root(("headline", row["hypothesis"]))] = root(("body", row["body_id"]))
    members: dict[tuple[str, object], list[int]] = {}
    for body in texts:
        members.setdefault(root(("body", body)), []).append(body)
    return sorted(sorted(m) for m in members.values()), texts


def split(stories: list[list[int]], limit: int | None, seed: int) -> tuple[list[list[int]], list[list[int]]]:
    """The tuning and held-out halves, shuffled by `seed`, at most `limit` stories each."""
    shuffled = stories[:]
    random.Random(seed).shuffle(shuffled)
    half = len(shuffled) // 2
    return shuffled[:half][:limit], shuffled[half:][:limit]


def load_documents(bodies: Sequence[int], texts: dict[int, str]) -> list[Document]:
    """The bodies as checker reads them: one JSONL corpus through `load_corpus`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fnc1.jsonl"
        rows = [json.dumps({"id": f"fnc1-{b}", "text": texts[b]}) + "\n" for b in bodies]
        path.write_text("".join(rows), encoding="utf-8")
        return load_corpus([str(path)]).documents


def claims_and_embeddings(documents: Sequence[Document]) -> tuple[list[Claim], np.ndarray]:
    """The product's claims and claim embeddings, from the cache where already computed."""
    claims: list[Claim] = []
    vectors = []
    with Index(CACHE) as index:
        checker = Checker(index=index)
        for start in range(0, len(documents), CHUNK):
            chunk = checker.extract_claims(documents[start : start + CHUNK])
            vectors.append(checker.embed([c.standalone for c in chunk]))
            claims += chunk
            print(
                f"claims: {min(start + CHUNK, len(documents))} of {len(documents)} documents",
                file=sys.stderr,
                flush=True,
            )
    return claims, np.concatenate(vectors)


def bcubed(predicted: dict[str, int], gold: dict[str, int]) -> tuple[float, float, float, float]:
    """B-cubed precision, recall, F1, and the share of cross-gold-story pairs predicted together."""
    ids = sorted(gold)
    p = np.array([predicted[i] for i in ids])
    g = np.array([gold[i] for i in ids])
    same_p = p[:, None] == p[None, :]
    same_g = g[:, None] == g[None, :]
    both = (same_p & same_g).sum(axis=1)
    precision = float(np.mean(both / same_p.sum(axis=1)))
    recall = float(np.mean(both / same_g.sum(axis=1)))
    cross = ~same_g
    joined = float((same_p & cross).sum() / cross.sum()) if cross.any() else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall), joined


class Half:
    """One half's documents, claims, embeddings and gold story of each document."""

    def __init__(self, stories: list[list[int]], texts: dict[int, str]) -> None:
        self.gold = {f"fnc1-{b}": k for k, story in enumerate(stories) for b in story}
        self.documents = load_documents([b for story in stories for b in story], texts)
        self.claims, self.embeddings = claims_and_embeddings(self.documents)

    def score(self, threshold: float) -> tuple[int, tuple[float, float, float, float]]:
        stories = group_stories(self.documents, self.claims, self.embeddings, threshold)
        predicted = {doc: k for k, story in enumerate(stories) for doc in story.documents}
        return len(stories), bcubed(predicted, self.gold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="stories per half (default: all)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the split into halves (default {SEED})")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    clock = time.perf_counter()
    stories, texts = gold_stories()
    tuning_stories, held_out_stories = split(stories, args.limit, args.seed)
    tuning, held_out = Half(tuning_stories, texts), Half(held_out_stories, texts)
    scores = {t: (tuning.score(t), held_out.score(t)) for t in GRID}
    chosen = max(GRID, key=lambda t: (scores[t][0][1][2], -t))
    lines = [
        f"### Story grouping on FNC-1 train, {datetime.date.today().isoformat()}, split seed {args.seed}: "
        f"{len(tuning_stories)} tuning / {len(held_out_stories)} held-out stories "
        f"({len(tuning.documents)} / {len(held_out.documents)} bodies), threshold chosen on the tuning half: {chosen}",
        "",
        f"`python benchmarks/stories.py{f' --limit {args.limit}' if args.limit else ''} --seed {args.seed}`, "
        f"{time.perf_counter() - clock:.0f}s. B-cubed precision / recall / F1; 'joined': share of document pairs "
        "from different gold stories grouped into one story.",
        "",
        "| threshold | tuning: stories | precision | recall | F1 | joined | held-out: stories | precision | recall | F1 | joined |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for t in GRID:
        cells = [f"**{t}**" if t == chosen else str(t)]
        for (count, (precision, recall, f1, joined)), half in zip(scores[t], (tuning, held_out), strict=True):
            cells += [f"{count} ({len(set(half.gold.values()))})", f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}"]
            cells.append(f"{joined:.2%}")
        lines.append("| " + " | ".join(cells) + " |")
    publish("\n".join(lines) + "\n", append=not args.no_append)
    return 0


if __name__ == "__main__":
    sys.exit(main())
