"""Peak memory of `checker run` against corpus size, up to 10,000 articles (issue #18: ≤ 3 GB at 10,000).

This machine has 1,673 real news articles (the FNC-1 bodies). A corpus larger than that is built from them:
copy k of a body (k = 1, 2, ...) is the body with its paragraphs rotated by k places, under a new id, kept only
where its text differs from every document before it (the real bodies are kept as they are). Each sentence
then stands in several documents, as wire copy reprinted by several outlets does, and a story holds its
copies too, so stories are several times larger than in the real corpus, which makes pairing within a story
harder than on real news. Since checker scores each distinct input once, the copies' own sentence pairs cost
little NLI, so the time of such a run is not the time of as many different articles; the table gives the
inputs scored beside the directions read.

Each size runs `checker run CORPUS -q` in a new process (default settings, no index) under
/usr/bin/time, whose peak resident set is that of the largest process (checker, or its parsing child). The
proportional set sizes of checker and its children (shared pages counted once) are summed from /proc every
second, for the peak of all of them at once; a peak shorter than a second may be missed.

    python benchmarks/memory_scale.py                  # 1,673 real articles, then 10,000
    python benchmarks/memory_scale.py --sizes 400 --no-append
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402
from shared_data import news_articles  # noqa: E402

CHECKER = [sys.executable, "-m", "checker.cli"]


def rotated(text: str, places: int) -> str:
    """The text with its paragraphs (non-empty lines) rotated left by `places`."""
    paragraphs = [line for line in text.splitlines() if line.strip()]
    if not paragraphs:
        return text
    places %= len(paragraphs)
    return "\n".join(paragraphs[places:] + paragraphs[:places]) + "\n"


def articles(n: int) -> list[dict]:
    """n articles: the real bodies first, then rotated copies of them, each unlike every document before it."""
    real = news_articles()
    corpus = real[:n]
    seen = {article["text"] for article in corpus}
    copy = 0
    while len(corpus) < n:
        copy += 1
        added = 0
        for body in real:
            text = rotated(body["text"], copy)
            if text not in seen and len(corpus) < n:
                seen.add(text)
                corpus.append({"id": f"{body['id']}-copy{copy}", "text": text})
                added += 1
        if not added:
            raise ValueError(f"only {len(corpus)} distinct articles can be made")
    return corpus


def pss_kib(pid: int) -> int:
    """Proportional set size of one process in KiB: shared pages counted once over the processes sharing them."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)


def tree_pss_kib(root: int) -> int:
    """Proportional set size of a process and all its descendants, in KiB (0 for what has ended)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += pss_kib(pid)
        todo += children.get(pid, [])
    return total


def run_checker(corpus: Path, out: Path, timeline: Path | None = None) -> dict:
    """One `checker run`: wall seconds, both peaks (GiB) and the run's summary."""
    summary = out.with_suffix(".summary.json")
    command = [
        "/usr/bin/time",
        "-f",
        "%M",
        *CHECKER,
        "run",
        str(corpus),
        "-q",
        "-o",
        str(out),
        "--summary",
        str(summary),
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        samples = timeline.open("w", encoding="utf-8") if timeline else None
        while not stop.wait(1.0):
            pss = tree_pss_kib(proc.pid)
            peak_tree = max(peak_tree, pss)
            if samples:
                print(f"{time.perf_counter() - started:.0f} {pss // 1024}", file=samples, flush=True)
        if samples:
            samples.close()

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise RuntimeError(stderr[-2000:])
    return {
        "seconds": seconds,
        "peak_process": int(stderr.strip().splitlines()[-1]) / 1024**2,
        "peak_tree": peak_tree / 1024**2,  # sampled each second: a shorter peak may be missed
        "summary": json.loads(summary.read_text()),
    }


def row(n: int, run: dict) -> str:
    s = run["summary"]
    stages = ", ".join(f"{stage} {seconds:.0f}" for stage, seconds in s["seconds"].items() if seconds >= 1)
    synthetic = "" if n <= len(news_articles()) else " (copies)"
    return (
        f"| {n:,}{synthetic} | {s['claims']:,} | {len(s['stories']):,} | {s['candidate_pairs']:,} "
        f"| {s['nli_directions']:,} / {s['computed']['verdicts']:,} | {run['seconds']:.0f} s ({stages}) "
        f"| {run['peak_process']:.2f} | {run['peak_tree']:.2f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[len(news_articles()), 10_000])
    parser.add_argument(
        "--reports", type=Path, help="keep each size's report, summary and memory timeline in this folder"
    )
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "news.jsonl"
            corpus.write_text("".join(json.dumps(a) + "\n" for a in articles(n)), encoding="utf-8")
            folder = args.reports or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            timeline = args.reports / f"pss-{n}.txt" if args.reports else None  # seconds, MiB of all processes
            rows.append(row(n, run_checker(corpus, folder / f"report-{n}.jsonl", timeline)))
        print(rows[-1], flush=True)
    today = datetime.date.today().isoformat()
    text = "\n".join(
        [
            f"### Peak memory against corpus size, {today} ({platform.machine()}, `python benchmarks/memory_scale.py`)",
            "",
            "| articles | claims | stories | candidate pairs | NLI directions read / inputs scored "
            "| time (stages, s) | peak GiB, largest process | peak GiB, all processes (PSS) |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    publish(text, append=not args.no_append)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
