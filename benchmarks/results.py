"""Where benchmark tables go: printed, and appended to benchmarks/RESULTS.md."""

from __future__ import annotations

import datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def publish(text: str, append: bool) -> None:
    print(text)
    if append:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + text)


def publish_section(heading: str, how: str, rows: list[str], append: bool) -> None:
    """A RESULTS.md section: a dated heading, how it was run (the command), then the table's rows."""
    publish("\n".join([f"### {heading}, {datetime.date.today()}", "", how, "", *rows]) + "\n", append)
