"""What `checker ci` costs when the corpus is already indexed: an unchanged rerun, and one new article.

CI runs checker on every push, and on most pushes no article changed: that
rerun should read everything from the index and load no model. The corpus:
the first N FNC-1 bodies (../shared/data) as .txt files. The first run builds
the index (slow: it parses, embeds and scores everything); then the unchanged
rerun and one new article (body N) are timed, each its own `checker ci`
process: wall time, peak memory (the child's own maximum resident set, from
os.wait4), and which heavy libraries it imported (a second, identical rerun
under `python -X importtime`). Prints a table and appends it to
benchmarks/RESULTS.md under "CI reruns".

    python benchmarks/ci_rerun.py [--articles 1000] [--workdir DIR] [--no-append]

With --workdir the corpus and index are kept there, and a later run with the
same DIR skips the slow build (its first run is then itself unchanged); the
new article is removed after it is timed, and each run takes the next body
not yet used (body N, N + 1, ...), so it is never in the index already.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import publish  # noqa: E402
from shared_data import news_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ("-m", "checker.cli")  # run by this Python
HEAVY = ("torch", "transformers", "sentence_transformers", "spacy", "sklearn", "scipy")


def write_corpus(work: Path, n: int) -> str:
    """N bodies as .txt files in work/corpus (kept where already there); the text of the next unused new article."""
    articles = news_articles()
    folder, used = work / "corpus", work / "new-articles-used"
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles[:n]:
        path = folder / f"{article['id']}.txt"
        if not path.exists():
            path.write_text(article["text"], encoding="utf-8")
    taken = int(used.read_text()) if used.exists() else 0
    used.write_text(str(taken + 1))
    return articles[n + taken]["text"]


def ci_args(work: Path, new: Path | None, output: Path) -> list[str]:
    """`checker ci` over the corpus with the index and baseline in `work`, quiet, never failing on findings."""
    index, baseline = work / "index.sqlite", work / "baseline.json"
    return [
        "ci",
        *([str(new)] if new else []),
        "--corpus",
        str(work / "corpus"),
        "--index",
        str(index),
        "--baseline",
        str(baseline),
        "--exit-zero",
        "-q",
        "-o",
        str(output),
    ]


def timed_run(args: list[str], python_options: tuple[str, ...] = ()) -> tuple[float, float, str]:
    """Wall seconds, peak memory (MiB) and stderr of one checker process.

    os.wait4 gives this child's own peak; getrusage(RUSAGE_CHILDREN) keeps the
    largest of every child so far, which after the first run is the first run's.
    """
    started = time.perf_counter()
    command = [sys.executable, *python_options, *CHECKER, *args]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"checker {' '.join(args)} exited {proc.returncode}:\n{stderr[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, stderr


def imported_heavy(args: list[str]) -> str:
    """The heavy libraries a run imports, read from `python -X importtime`."""
    _, _, stderr = timed_run(args, ("-X", "importtime"))
    modules = {line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines() if line.startswith("import time:")}
    return ", ".join(m for m in HEAVY if m in modules) or "none"


def measure(n: int, work: Path) -> tuple[list[tuple[str, float, float]], str]:
    """Rows (what, wall seconds, peak MiB) of the first run, the unchanged rerun and one new article.

    Also which heavy libraries the unchanged rerun imports.
    """
    built = (work / "index.sqlite").exists()
    new_text = write_corpus(work, n)
    first, unchanged, fresh = work / "first.txt", work / "unchanged.txt", work / "new.txt"
    what = "first run (index built before)" if built else "first run (builds the index)"
    rows = [(what, *timed_run(ci_args(work, None, first))[:2])]
    rows.append(("unchanged rerun", *timed_run(ci_args(work, None, unchanged))[:2]))
    if unchanged.read_bytes() != first.read_bytes():
        raise RuntimeError(f"the unchanged rerun's output differs from the first run's: diff {first} {unchanged}")
    heavy = imported_heavy(ci_args(work, None, unchanged))
    article = work / "corpus" / "new-article.txt"
    article.write_text(new_text, encoding="utf-8")
    try:
        rows.append(("one new article", *timed_run(ci_args(work, article, fresh))[:2]))
    finally:
        article.unlink()
    return rows, heavy


def table(n: int, rows: list[tuple[str, float, float]], heavy: str) -> str:
    lines = [
        f"### CI reruns: `checker ci` on {n:,} indexed FNC-1 bodies, "
        f"{datetime.date.today()} ({platform.machine()}, {os.cpu_count()} CPUs, benchmarks/ci_rerun.py)",
        "",
        "| run | wall s | peak MiB |",
        "|---|---|---|",
    ]
    lines += [f"| {what} | {seconds:.2f} | {peak:.0f} |" for what, seconds, peak in rows]
    lines += ["", f"Heavy libraries the unchanged rerun imports ({', '.join(HEAVY)}): {heavy}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, help="Keep the corpus and index here (reused by a later run).")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    if args.workdir:
        rows, heavy = measure(args.articles, args.workdir.resolve())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            rows, heavy = measure(args.articles, Path(tmp))
    publish(table(args.articles, rows, heavy), append=not args.no_append)


if __name__ == "__main__":
    main()
