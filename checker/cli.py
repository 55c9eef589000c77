"""The `checker` command: parse arguments, call the API, print, exit with a stable code.

Exit codes (as ruff and Vale): 0 success; 1 contradictions found and
`--fail-on contradict` given; 2 usage, configuration, input or model errors.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

# No code path may reach a model hub unless the user asks (--allow-download).
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LABELS = ("contradict", "agree", "unrelated")

app = typer.Typer(
    name="checker",
    help="Find where news sources disagree: pair claims across articles, classify each pair "
    "(agree / contradict / unrelated) with an NLI model and structured checks, and write a JSONL report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


@app.callback()
def _commands() -> None:
    """Find where news sources disagree."""


def fail(message: str) -> typer.Exit:
    err.print(f"checker: error: {message}", markup=False)
    return typer.Exit(EXIT_ERROR)


def parse_labels(value: str) -> tuple[str, ...]:
    labels = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in labels if v not in LABELS]
    if unknown:
        raise typer.BadParameter(f"unknown label(s) {', '.join(unknown)}; choose from {', '.join(LABELS)}")
    return labels


@app.command()
def run(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched recursively) or globs of .txt, .md, .html, .jsonl articles.",
            show_default=False,
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the JSONL report.")] = Path(
        "checker-report.jsonl"
    ),
    include: Annotated[
        str, typer.Option(help="Labels to report, comma-separated: contradict, agree, unrelated.")
    ] = "contradict",
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="Exit 1 when findings with this label are reported (e.g. contradict)."),
    ] = None,
    summary: Annotated[Path | None, typer.Option(help="Also write the run summary as JSON to this file.")] = None,
    model: Annotated[
        str | None, typer.Option(help="NLI model: a local Hugging Face directory (default: the shipped model).")
    ] = None,
    allow_download: Annotated[
        bool, typer.Option("--allow-download", help="Allow fetching --model from the Hugging Face hub (needs network).")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(help="Settings file (default: nearest checker.toml or pyproject.toml [tool.checker])."),
    ] = None,
    top_k: Annotated[int | None, typer.Option(help="Candidate neighbours per claim.")] = None,
    min_similarity: Annotated[float | None, typer.Option(help="Embedding cosine floor for candidate pairs.")] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bars or summary; errors and warnings only.")
    ] = False,
) -> None:
    """Check a corpus of articles and write a report of where the sources disagree."""
    if allow_download:
        os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "0"
    from checker.config import ConfigError, load_config
    from checker.corpus import load_corpus
    from checker.nli import ModelError
    from checker.pipeline import Checker
    from checker.report import write_json, write_report

    if fail_on is not None:
        parse_labels(fail_on)
    try:
        settings = load_config(config).with_overrides(
            model=model,
            top_k=top_k,
            min_similarity=min_similarity,
            include=parse_labels(include),
            allow_download=allow_download or None,
        )
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    started = time.perf_counter()
    corpus = load_corpus(paths)
    for skipped in corpus.skipped:
        err.print(f"checker: warning: skipped {skipped.path}: {skipped.reason}", markup=False)
    if not corpus.documents:
        raise fail("no readable documents in " + ", ".join(paths))
    try:
        result = _run_with_progress(Checker(settings), corpus, quiet)
    except (ModelError, RuntimeError) as exc:
        raise fail(str(exc)) from exc
    records = result.records(settings.include)
    write_report(output, records)
    stats = result.summary() | {"report": str(output), "total_seconds": round(time.perf_counter() - started, 2)}
    if summary:
        write_json(summary, stats)
    if not quiet:
        _print_summary(stats, len(records))
    if fail_on and any(f.label in parse_labels(fail_on) for f in result.selected(settings.include)):
        raise typer.Exit(EXIT_FINDINGS)


def _run_with_progress(checker, corpus, quiet: bool):
    if quiet or not err.is_terminal:
        return checker.check(corpus)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress(
        "{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True
    ) as bar:
        task = bar.add_task("scoring claim pairs", total=None)
        return checker.check(corpus, progress=lambda stage, done, total: bar.update(task, completed=done, total=total))


def _print_summary(stats: dict, written: int) -> None:
    counts = stats["findings"]
    out.print(
        f"{stats['documents']} documents, {stats['claims']} claims, "
        f"{stats['candidate_pairs']} of {stats['cross_document_pairs']} cross-document claim pairs scored "
        f"in {stats['total_seconds']:.1f}s"
    )
    out.print(f"contradict {counts['contradict']}  agree {counts['agree']}  unrelated {counts['unrelated']}")
    for sources, n in sorted(stats["contradictions_by_source_pair"].items(), key=lambda kv: (-kv[1], kv[0])):
        out.print(f"  {n:3d}  {sources}")
    if stats["skipped"]:
        out.print(f"{len(stats['skipped'])} input(s) skipped (see warnings above)")
    out.print(f"Wrote {written} finding(s) to {stats['report']}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("checker: interrupted; the previous report was left as it was")
        sys.exit(130)


if __name__ == "__main__":
    main()
