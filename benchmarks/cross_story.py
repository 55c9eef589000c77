"""Contradictions between documents of different stories, with checker's stories on and off.

Documents of two different events cannot contradict each other, so every
reported contradiction joining two gold stories is a false alarm. The corpus:
FNC-1 train stories of the held-out half of benchmarks/stories.py (the half
the story threshold was not chosen on), those of 3 to 12 bodies, up to
--documents bodies in all. Claims and embeddings come from the cache
benchmarks/stories.py keeps; the NLI work is done here.

    python benchmarks/cross_story.py [--documents 150] [--no-append]
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import publish  # noqa: E402
from stories import CACHE, SEED, gold_stories, load_documents, split  # noqa: E402

from checker.config import load_config  # noqa: E402
from checker.corpus import Corpus  # noqa: E402
from checker.index import Index  # noqa: E402
from checker.pipeline import Checker  # noqa: E402


def held_out_corpus(limit: int) -> tuple[Corpus, dict[str, int]]:
    stories, texts = gold_stories()
    _, held_out = split(stories, None, SEED)
    bodies, story_of = [], {}
    for number, story in enumerate(held_out):
        if 3 <= len(story) <= 12 and len(bodies) + len(story) <= limit:
            bodies += story
            story_of |= {f"fnc1-{b}": number for b in story}
    return Corpus(load_documents(bodies, texts)), story_of


def count(records: list[dict], story_of: dict[str, int]) -> tuple[int, int]:
    """Contradiction lines, and those whose documents belong to more than one gold story."""
    across = 0
    for record in records:
        documents = {d for v in record["fact"]["versions"] for d in v["documents"]}
        across += len({story_of[d] for d in documents}) > 1
    return len(records), across


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=150)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    corpus, story_of = held_out_corpus(args.documents)
    rows = []
    with Index(CACHE) as index:
        for stories in (False, True):
            started = time.perf_counter()
            config = replace(load_config(), stories=stories)
            result = Checker(config, index=index).check(corpus)
            total, across = count(result.records(["contradict"]), story_of)
            rows.append((stories, len(result.stories), total, across, time.perf_counter() - started))
    lines = [
        f"### Contradictions across stories, {datetime.date.today()}: {len(corpus.documents)} FNC-1 bodies of "
        f"{len(set(story_of.values()))} held-out stories",
        "",
        f"`python benchmarks/cross_story.py --documents {args.documents}`",
        "",
        "| stories | stories found | contradiction lines | joining two gold stories | share | seconds |",
        "|---|---|---|---|---|---|",
    ]
    for stories, found, total, across, seconds in rows:
        share = f"{across / total:.0%}" if total else "-"
        lines.append(
            f"| {'on' if stories else 'off'} | {found or '-'} | {total} | {across} | {share} | {seconds:.0f} |"
        )
    publish("\n".join(lines) + "\n", append=not args.no_append)


if __name__ == "__main__":
    main()
