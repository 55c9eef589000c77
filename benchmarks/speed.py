"""Speed of checker: NLI throughput against the naive pipeline and the machine's limit, end to end, scaling.

Prints one table and appends it to benchmarks/RESULTS.md with the date and machine.

    python benchmarks/speed.py                      # everything (the 1,000-article run takes a while)
    python benchmarks/speed.py --skip-scaling       # NLI and seeds only
    python benchmarks/speed.py --scaling 100 300    # chosen corpus sizes
    python benchmarks/speed.py --incremental 1000   # the CI case: indexed first run, re-run, one new article

Ratios are measured in one run on one machine (ours vs the baseline), since
machines are noisy.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
from results import publish  # noqa: E402
from shared_data import SHARED, news_articles, write_news_corpus  # noqa: E402

from checker.nli import HFNLIModel, native_bf16  # noqa: E402

MODEL = ROOT / "models" / "checker-nli-minilm"
CHECKER = [sys.executable, "-m", "checker.cli"]


def tokens_of(model: HFNLIModel, pair: tuple[str, str]) -> int:
    return len(model.encoder.encode([pair])[0]["input_ids"])


def sentence_pairs(n: int, model: HFNLIModel, target_tokens: int = 60) -> list[tuple[str, str]]:
    """MNLI dev pairs of about `target_tokens` tokens together (news-sentence length)."""
    pairs = []
    for line in (SHARED / "nli" / "dev" / "mnli_dev_matched.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        length = tokens_of(model, (row["premise"], row["hypothesis"]))
        if abs(length - target_tokens) <= 15:
            pairs.append((row["premise"], row["hypothesis"]))
        if len(pairs) == n:
            break
    return pairs


def timed(fn, *args, repeat: int = 1):
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def matmul_ceiling(dtype: torch.dtype, size: int = 2048) -> float:
    """GFLOP/s of a square matmul: the practical limit of this machine in that precision."""
    a, b = torch.randn(size, size, dtype=dtype), torch.randn(size, size, dtype=dtype)
    for _ in range(3):
        a @ b
    seconds, _ = timed(lambda: [a @ b for _ in range(10)], repeat=3)
    return 2 * size**3 * 10 / seconds / 1e9


def forward_flops(config: dict, tokens_per_pair: list[int]) -> float:
    """Multiply-adds of the encoder and classifier, x2: dense layers plus attention scores."""
    hidden, layers, inter = config["hidden_size"], config["num_hidden_layers"], config["intermediate_size"]
    dense = layers * (4 * hidden * hidden + 2 * hidden * inter) + hidden * hidden
    total = 0.0
    for t in tokens_per_pair:
        total += 2 * dense * t + layers * 2 * 2 * t * t * hidden
    return total


def nli_rows(pairs) -> list[tuple[str, str, str]]:
    """Each precision's pairs per second, and its share of the matmul ceiling measured beside it.

    The ceiling is the fastest matmul this CPU does natively: bf16 where it has
    AVX512-BF16 or AMX, else fp32 (bf16 is emulated there, 20-30x slower than
    fp32, so its rows are left out). It swings with the machine's load
    (577-2,108 GFLOP/s bf16 within an hour here), so each row is set against
    the higher of the ceilings measured just before and just after it.
    """
    native = "bf16" if native_bf16("cpu") else "fp32"
    ceiling_dtype = torch.bfloat16 if native == "bf16" else torch.float32
    rows = []
    ours_fp32 = HFNLIModel(str(MODEL), precision="fp32")
    naive_seconds = naive_throughput(pairs)
    rows.append(
        ("NLI naive transformers.pipeline (fp32, batch 1)", f"{len(pairs) / naive_seconds:.0f} pairs/s", "1.0x")
    )
    tokens = [tokens_of(ours_fp32, pair) for pair in pairs]
    per_second = {}
    runs = [("fp32", False), ("int8", False), (native, True)]
    if native == "bf16":
        runs.insert(1, ("bf16", False))
    for precision, compiled in runs:
        model = HFNLIModel(str(MODEL), precision=precision)
        compiling, compiled = timed(model.compile) if compiled else (0.0, False)
        model.predict(pairs[:64])
        before = matmul_ceiling(ceiling_dtype)
        seconds, _ = timed(model.predict, pairs, 64, repeat=2)
        limit = max(before, matmul_ceiling(ceiling_dtype))
        gflops = forward_flops(model.encoder.config, tokens) / seconds / 1e9
        per_second[precision, compiled] = len(pairs) / seconds
        what = f"{precision}, compiled in {compiling:.0f} s" if compiled else precision
        rows.append(
            (
                f"NLI checker ({what}, length-sorted batches of 64)",
                f"{len(pairs) / seconds:.0f} pairs/s",
                f"{naive_seconds / seconds:.1f}x; {gflops:.0f} GFLOP/s = {gflops / limit:.0%} of the {native} "
                f"matmul ceiling ({limit:.0f} GFLOP/s)",
            )
        )
    if (native, True) in per_second:  # not where compiling failed (the warning says why)
        saved = 1 / per_second[native, False] - 1 / per_second[native, True]
        repaid = f"{compiling / saved:,.0f} inputs" if saved > 0 else "never"
        rows.append((f"NLI compiling repaid ({native}) after", repaid, "compile seconds / seconds saved per input"))
    if native == "bf16":
        rows.append(("matmul 2048² ceiling, fp32", f"{matmul_ceiling(torch.float32):.0f} GFLOP/s", ""))
    return rows


def naive_throughput(pairs) -> float:
    from transformers import pipeline

    classify = pipeline("text-classification", model=str(MODEL), device=-1, dtype=torch.float32)
    inputs = [{"text": p, "text_pair": h} for p, h in pairs]
    classify(inputs[:16])
    seconds, _ = timed(classify, inputs)
    return seconds


def cpu_name() -> str:
    """The CPU's model name, since speed differs by vendor and instruction set, not by core count alone."""
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text(errors="replace").splitlines() if cpuinfo.exists() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else platform.processor() or "unknown CPU"


def run_cli(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (GiB) of one checker process."""
    started = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *CHECKER, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr[-2000:])
    peak_kib = int(proc.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024**2


def seeds_rows() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        cold, peak = run_cli(["run", "seeds/", "-q", "-o", f"{tmp}/r.jsonl"])
    from checker.pipeline import Checker

    checker = Checker()
    checker.check(["seeds/"])
    warm, _ = timed(checker.check, ["seeds/"])
    return [
        ("seeds/ end to end, cold (new process, models loaded)", f"{cold:.1f} s", f"peak {peak:.2f} GiB"),
        ("seeds/ end to end, warm (models already loaded)", f"{warm:.1f} s", ""),
    ]


def scaling_rows(sizes: list[int]) -> list[tuple[str, str, str]]:
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = write_news_corpus(Path(tmp) / "news.jsonl", n)
            seconds, peak = run_cli(["run", str(corpus), "-q", "-o", f"{tmp}/r.jsonl", "--summary", f"{tmp}/s.json"])
            summary = json.loads(Path(f"{tmp}/s.json").read_text())
        rows.append(
            (
                f"{n} news articles end to end",
                f"{seconds:.0f} s, peak {peak:.2f} GiB",
                f"{summary['claims']} claims, {summary['candidate_pairs']} pairs scored of "
                f"{summary['cross_document_pairs']} cross-document pairs "
                f"({summary['candidate_pairs'] / max(summary['claims'], 1):.1f} per claim)",
            )
        )
    return rows


def incremental_rows(n: int) -> list[tuple[str, str, str]]:
    """The CI case: a first indexed run over n articles, an unchanged re-run, then one new article."""
    articles = news_articles()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index.sqlite"
        corpus.mkdir()
        for article in articles[:n]:
            (corpus / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
        rows = []
        for what in ("first run, empty index", "unchanged re-run"):
            seconds, peak = run_cli(
                ["run", str(corpus), "-q", "--index", str(index), "-o", f"{tmp}/r.jsonl", "--summary", f"{tmp}/s.json"]
            )
            summary = json.loads(Path(f"{tmp}/s.json").read_text())
            rows.append((what, seconds, peak, summary))
        new = corpus / "new-article.txt"
        new.write_text(articles[n]["text"], encoding="utf-8")
        seconds, peak = run_cli(
            [
                "ci",
                str(new),
                "--corpus",
                str(corpus),
                "--index",
                str(index),
                "-q",
                "--exit-zero",
                "--baseline",
                f"{tmp}/baseline.json",
                "-o",
                f"{tmp}/ci.txt",
            ]
        )
        rows.append(("one new article (checker ci)", seconds, peak, None))
    full = rows[0][1]
    result = []
    for what, seconds, peak, summary in rows:
        notes = f"peak {peak:.2f} GiB; {seconds / full:.1%} of the first run"
        if summary:
            notes += (
                f"; computed: {summary['computed']}; {summary['claims']} claims, "
                f"{summary['candidate_pairs']} of {summary['cross_document_pairs']} pairs scored"
            )
        result.append((f"{n} articles, {what}", f"{seconds:.0f} s", notes))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1024)
    parser.add_argument("--scaling", type=int, nargs="*", default=[100, 300, 1000])
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-nli", action="store_true")
    parser.add_argument(
        "--incremental", type=int, default=1000, help="articles in the CI (index) benchmark; 0 skips it"
    )
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(os.cpu_count() or 1)
    rows: list[tuple[str, str, str]] = []
    if not args.skip_nli:
        rows += nli_rows(sentence_pairs(args.pairs, HFNLIModel(str(MODEL))))
    rows += seeds_rows()
    if not args.skip_scaling:
        rows += scaling_rows(args.scaling)
    if args.incremental:
        rows += incremental_rows(args.incremental)
    header = (
        f"### Speed, {datetime.date.today().isoformat()}, {platform.machine()} {os.cpu_count()} cores "
        f"({cpu_name()}, {torch.backends.cpu.get_cpu_capability()}), torch {torch.__version__}, "
        f"{torch.get_num_threads()} threads"
    )
    table = [header, "", "| what | result | notes |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    text = "\n".join(table) + "\n"
    publish(text, append=not args.no_append)
    return 0


if __name__ == "__main__":
    sys.exit(main())
