"""Where benchmark tables go: printed, and appended to benchmarks/RESULTS.md."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def publish(text: str, append: bool) -> None:
    print(text)
    if append:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + text)
