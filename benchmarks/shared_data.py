"""The shared data the benchmarks read (../shared/data, never copied into the project)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def news_articles() -> list[dict]:
    """FNC-1 article bodies, `{"id", "text"}` each: the real news corpus for end-to-end runs."""
    with (SHARED / "news" / "fnc1_train_bodies.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def write_news_corpus(path: Path, n: int, skip: int = 0) -> Path:
    """n articles, after the first `skip`, as one JSONL corpus file checker reads."""
    articles = news_articles()[skip : skip + n]
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def held_out(key: str) -> bool:
    """Whether the item keyed so (an MRPC id, an FNC-1 body or story) is in the held-out half of
    benchmarks/judge.py: no training source and no fitted decision may use it."""
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 2 == 1
