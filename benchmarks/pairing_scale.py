"""Pairing a large story: every cosine against an approximate (HNSW) index, by claims.

Candidate pairing keeps each claim's top-k neighbours from other documents.
The exact search computes every cosine of a story: work that grows with its
claims squared. From `approximate_pairing_from` claims checker uses an HNSW
graph (faiss) instead. This benchmark chooses that setting: on the real claims
and embeddings of FNC-1 bodies (checker's own, cached in benchmarks/.cache/ as
benchmarks/stories.py caches them; the first run parses all 1,676 bodies,
about 12 minutes on 2 cores), the first n claims are paired as one story both
ways, and the table gives the time, the peak memory the step adds, and the
share of the exact search's pairs the approximate one also finds (and counting
a pair of the same two sentences, found between other copies of them, as
found). Rows past the
corpus's claims are the corpus's claims again under new document ids with a
little noise on their embeddings (marked "repeated"), to show how both grow.

    python benchmarks/pairing_scale.py [--sizes 2000,5000,...] [--no-append]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402
from stories import claims_and_embeddings, gold_stories, load_documents  # noqa: E402

from checker.config import Config  # noqa: E402
from checker.pairing import pair_candidates  # noqa: E402
from checker.records import CandidatePair, Claim  # noqa: E402

SIZES = (2_000, 5_000, 10_000, 20_000, 40_000, 80_000)
NOISE = 0.05  # per-dimension noise on a repeated claim's embedding, before it is normalised again
# From which size the approximate search is used: the smallest measured where it takes at most half the
# exact search's time and finds this share of its pairs, counting a pair of the same two sentences as found.
SHARE_FOUND, TIME_SHARE = 0.99, 0.5


def peak_added_mib(work: Callable[[], object]) -> tuple[object, float, float]:
    """`work()`'s result, its seconds, and how far it raised the process's peak resident memory."""
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current size
    before = _status_kib("VmRSS")
    clock = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - clock
    return result, seconds, (_status_kib("VmHWM") - before) / 1024


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field}")


def sample(claims: list[Claim], embeddings: np.ndarray, n: int) -> tuple[list[Claim], np.ndarray]:
    """The first n claims; past the corpus, its claims again under new document ids, embeddings jittered."""
    rng = np.random.default_rng(n)
    chosen, vectors, copy = [], [], 0
    while len(chosen) < n:
        take = min(n - len(chosen), len(claims))
        if copy == 0:
            chosen += claims[:take]
            vectors.append(embeddings[:take])
        else:
            chosen += [dataclasses.replace(c, doc_id=f"{c.doc_id}#{copy}") for c in claims[:take]]
            jittered = embeddings[:take] + rng.normal(scale=NOISE, size=(take, embeddings.shape[1]))
            vectors.append((jittered / np.linalg.norm(jittered, axis=1, keepdims=True)).astype(np.float32))
        copy += 1
    return chosen, np.concatenate(vectors)


def measure(claims: list[Claim], embeddings: np.ndarray, sizes: list[int]) -> list[tuple]:
    config = Config()
    rows = []
    for n in sizes:
        part, vectors = sample(claims, embeddings, n)

        def pairs(approximate_from: int | None, part=part, vectors=vectors) -> list[CandidatePair]:
            return pair_candidates(
                part, vectors, config.top_k, config.min_similarity, config.entity_bonus,
                approximate_from=approximate_from,
            )[0]  # fmt: skip

        exact, exact_s, exact_mib = peak_added_mib(lambda pairs=pairs: pairs(None))
        approximate, approximate_s, approximate_mib = peak_added_mib(lambda pairs=pairs: pairs(1))
        found = [share_found(exact, approximate, key) for key in (by_position, by_texts)]
        rows.append((n, n > len(claims), exact_s, approximate_s, exact_mib, approximate_mib, len(exact), *found))
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def by_position(pair: CandidatePair) -> tuple:
    return pair.a.doc_id, pair.a.span, pair.b.doc_id, pair.b.span


def by_texts(pair: CandidatePair) -> frozenset[str]:
    """The two sentences: where a sentence stands in several documents (wire copy), the exact search's
    choice among its equally near copies is as arbitrary as the approximate one's."""
    return frozenset((pair.a.standalone, pair.b.standalone))


def share_found(exact: list[CandidatePair], approximate: list[CandidatePair], key: Callable) -> float:
    wanted = {key(p) for p in exact}
    return len(wanted & {key(p) for p in approximate}) / max(1, len(wanted))


def table(rows: list[tuple], documents: int, claims: int, seconds: float) -> str:
    chosen = next((n for n, _, e, a, _, _, _, _, texts in rows if a <= TIME_SHARE * e and texts >= SHARE_FOUND), None)
    lines = [
        f"### Pairing one large story, exact and approximate, {datetime.date.today()} "
        f"({platform.machine()}, {os.cpu_count()} CPUs, `python benchmarks/pairing_scale.py`, {seconds:.0f} s)",
        "",
        f"The claims of {documents} FNC-1 bodies ({claims:,}) paired as one story with the default settings "
        f'(top_k, floor, entity bonus); "repeated": the claims again under new document ids, embeddings '
        f"jittered (noise {NOISE}). Peak: what the step adds to the process's peak resident memory.",
        "",
        "| claims | exact s | approximate s | exact peak MiB | approximate peak MiB | exact pairs | share found "
        "| share found, by sentences |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, repeated, exact_s, approximate_s, exact_mib, approximate_mib, exact, found, texts in rows:
        label = f"{n:,}" + (" (repeated)" if repeated else "")
        lines.append(
            f"| {label} | {exact_s:.1f} | {approximate_s:.1f} | {exact_mib:.0f} | {approximate_mib:.0f} | "
            f"{exact:,} | {found:.3f} | {texts:.3f} |"
        )
    verdict = (
        f"The smallest size measured where the approximate search takes at most {TIME_SHARE:.0%} of the exact "
        f"search's time and finds at least {SHARE_FOUND:.0%} of its pairs by sentences: {chosen:,} claims "
        f"(`approximate_pairing_from`)."
        if chosen
        else "At no size measured does the approximate search meet both bars."
    )
    return "\n".join([*lines, "", verdict, ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="claims per story, comma-separated")
    parser.add_argument("--no-append", action="store_true", help="print the table, do not append to RESULTS.md")
    args = parser.parse_args()
    clock = time.perf_counter()
    _, texts = gold_stories()
    documents = load_documents(sorted(texts), texts)
    claims, embeddings = claims_and_embeddings(documents)
    rows = measure(claims, embeddings, [int(n) for n in args.sizes.split(",")])
    publish(table(rows, len(documents), len(claims), time.perf_counter() - clock), append=not args.no_append)


if __name__ == "__main__":
    main()
