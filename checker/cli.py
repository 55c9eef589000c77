"""The `checker` command: parse arguments, call the API, print, exit with a stable code.

Exit codes (as ruff and Vale): 0 success; 1 contradictions found and
`--fail-on contradict` given; 2 usage, configuration, input or model errors.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import shlex
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup
from typer.exceptions import TyperException

if TYPE_CHECKING:
    from checker.corpus import Corpus
    from checker.html import ArticleTexts

from checker.checks import registry
from checker.config import LABELS
from checker.formats import FORMATS
from checker.interrupts import (
    EXIT_TERMINATED,
    InterruptedAfterWriting,
    Terminated,
    outputs_written_together,
    stop_on_sigterm,
)

# No code path may reach a model hub unless the user asks (--allow-download).
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE  # 141: what a shell reports of a writer whose reader went away
INTERRUPTED = "checker: interrupted; no report, page or baseline was changed"
INTERRUPTED_AFTER_WRITING = "checker: interrupted while writing; every output of the run was written first"
# Python's cyclic garbage collector looks at the young objects every 700 allocations by default. A run
# allocates millions of small objects that live to its end (claims, annotations, pairs, findings): a CI
# check with one new article on 1,000 indexed articles spent 2.2-2.5 s of 12-13 s in 2,460 collections.
# Every 50,000 (each older generation every 20 of the one below): 27 collections, 0.7 s, 5% more peak
# memory (benchmarks/RESULTS.md). The CLI's setting: `checker.check` leaves a host program's as it is.
GC_THRESHOLDS = (50_000, 20, 20)
UsageError = typer.BadParameter.__mro__[1]  # click's, or the copy of click that typer 0.22 and later carry
STAGE_NAMES = {"claims": "finding claims", "embeddings": "embedding claims", "verdicts": "scoring claim pairs"}


class CheckerGroup(TyperGroup):
    """The command group, with checker's exit codes kept for what click does not handle.

    An uncaught exception would exit 1, which means "findings were reported":
    a CI job would read a crash as new contradictions. It is shown as one line
    and exits 2 (the traceback with CHECKER_DEBUG=1). Ctrl-C and SIGTERM say
    what was kept, and exit as a shell expects of each (130, 143).
    """

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            raise _usage_error(exc) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise _usage_error(exc) from None
        except KeyboardInterrupt as exc:
            written = isinstance(exc, InterruptedAfterWriting)
            err.print(INTERRUPTED_AFTER_WRITING if written else INTERRUPTED, markup=False)
            terminated = isinstance(exc, Terminated) or (written and exc.signum == signal.SIGTERM)
            raise typer.Exit(EXIT_TERMINATED if terminated else EXIT_INTERRUPTED) from None
        except (TyperException, typer.Exit, typer.Abort):  # usage errors and exits: typer shows them
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader went away ("| head"): no error, and no "findings" (1)
                _stop_writing()
            raise fail(f"{exc.filename or 'input/output'}: {exc.strerror or exc}") from _debug(exc)
        except Exception as exc:
            message = f"internal error: {type(exc).__name__}: {exc}; please report it (CHECKER_DEBUG=1 shows where)"
            raise fail(message) from _debug(exc)


def _usage_error(exc: Exception) -> Exception:
    """A usage error as one line, as every other error: "checker: error: No such option: --bogus; see 'checker run
    --help'". `checker` alone still shows the help."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        return exc
    see = f"; see '{exc.ctx.command_path} --help'" if exc.ctx else ""
    return fail(exc.format_message().rstrip(".") + see)


def _debug(exc: BaseException) -> BaseException:
    """Print the traceback when CHECKER_DEBUG is set (for bug reports); the exception for chaining."""
    if os.environ.get("CHECKER_DEBUG"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    return exc


app = typer.Typer(
    cls=CheckerGroup,
    name="checker",
    help="Find where news sources disagree: pair claims across articles, classify each pair "
    "(agree / contradict / unrelated) with an NLI model and structured checks, and write a JSONL report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


# No emoji codes (":warning:" in a file name stays as written) and no highlighting of outside text.
class _Console(Console):
    def on_broken_pipe(self) -> None:
        """The reader went away ("| head"): nothing more is written, as rich does, but the exit is 141, not 1
        ("findings reported": a CI step would read a closed pipe as new contradictions)."""
        _stop_writing()


def _stop_writing() -> NoReturn:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
    raise SystemExit(EXIT_BROKEN_PIPE)


err = _Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
out = _Console(highlight=False, soft_wrap=True, emoji=False)


STDOUT = Path("/dev/stdout")


def _dash_is_stdout(value: str) -> Path:
    """`-o -` writes to standard output, as in most command-line tools; `-o ./-` to a file named "-"."""
    return STDOUT if value == "-" else Path(value)


def _version(value: bool) -> None:
    if value:
        from checker import __version__

        out.print(f"checker {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _commands(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Find where news sources disagree."""


def fail(message: str) -> typer.Exit:
    """Print one error line (outside text made printable) and return the exit to raise."""
    from checker.formats import printable

    err.print(f"checker: error: {printable(message)}", markup=False)
    return typer.Exit(EXIT_ERROR)


def warn(message: str) -> None:
    from checker.formats import printable

    err.print(f"checker: warning: {printable(message)}", markup=False)


def parse_choices(value: str, choices: tuple[str, ...], what: str) -> tuple[str, ...]:
    """A comma-separated option's values, each one of `choices`."""
    values = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in values if v not in choices]
    if unknown:
        raise fail(f"unknown {what}(s) {', '.join(unknown)}; choose from {', '.join(choices)}")
    return values


def check_output_format(value: str, choices: tuple[str, ...]) -> None:
    """One output format of `choices`: "concise,sarif" is refused, not printed as the default."""
    if value not in choices:
        raise fail(f"unknown --output-format {value}; choose one of {', '.join(choices)}")


def one_choice(value: str | None, choices: tuple[str, ...], what: str) -> str | None:
    """One of `choices` (a filter), or None for none: a typo refused, not a filter that lists nothing."""
    values = parse_choices(value or "", choices, what)
    if len(values) > 1:
        raise fail(f"--{what} takes one {what}")
    return values[0] if values else None


def parse_labels(value: str) -> tuple[str, ...]:
    return parse_choices(value, LABELS, "label")


def parse_kinds(value: str | None) -> tuple[str, ...] | None:
    return None if value is None else parse_choices(value, registry().finding_kinds, "kind")


IgnoreKindOpt = Annotated[
    str | None,
    typer.Option(
        "--ignore-kind",
        help=f"Finding kinds to leave out, comma-separated ({', '.join(registry().finding_kinds)}); "
        "e.g. nli keeps what a structured check found.",
    ),
]
PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (searched recursively) or globs of .txt, .md, .html, .jsonl articles.", show_default=False
    ),
]
ModelOpt = Annotated[
    str | None, typer.Option(help="NLI model: a local Hugging Face directory (default: the shipped model).")
]
DownloadOpt = Annotated[
    bool, typer.Option("--allow-download", help="Allow fetching --model from the Hugging Face hub (needs network).")
]
ConfigOpt = Annotated[
    Path | None, typer.Option(help="Settings file (default: nearest checker.toml or pyproject.toml \\[tool.checker]).")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary; errors and warnings only.")]
IndexOpt = Annotated[Path, typer.Option(help="SQLite index of claims, embeddings and verdicts, reused across runs.")]
BaselineOpt = Annotated[Path, typer.Option(help="Baseline of reviewed findings (JSON).")]
EngineOpt = Annotated[
    str | None,
    typer.Option(help="Where claims, embeddings and NLI run: local or ray (default: the `engine` setting, local)."),
]
StoriesOpt = Annotated[
    bool | None,
    typer.Option(
        "--stories/--no-stories",
        help="Group documents into stories and compare claims within one (default: the `stories` setting, on).",
        show_default=False,
    ),
]
StoryGapOpt = Annotated[
    float | None,
    typer.Option(
        help="Days with nothing published that split a story in two; 0 keeps a story whole whatever its dates"
        " (default: the `story_gap_days` setting, 4).",
        show_default=False,
    ),
]
RayAddressOpt = Annotated[
    str | None,
    typer.Option(
        "--ray-address",
        help="Ray cluster to run on with --engine ray, e.g. HEAD:6379 (default: RAY_ADDRESS, else a local Ray instance).",
    ),
]
DEFAULT_INDEX = Path(".checker/index.sqlite")


def _settings(config: Path | None, inputs: Sequence[str | Path], **overrides):
    """The settings of a run, every one checked (the model folder too) before any document is read or model loaded;
    found beside the `inputs` first (`settings_file`). A settings file nearer to an input than the one read is
    named: one run reads one."""
    from checker.config import ConfigError, load_config, settings_file, unread_settings
    from checker.decision import Decision, DecisionError
    from checker.nli import ModelError, check_model

    try:
        read = config or settings_file(inputs)
        for unread in [] if config else unread_settings(inputs, read):
            used = read or "none: the defaults"
            warn(
                f"{unread} is not read: one run reads one settings file ({used}); check its folder alone,"
                " or give --config"
            )
        settings = load_config(read).with_overrides(**overrides)
        check_model(settings.model, settings.allow_download)
        Decision.load(settings.decision)
    except (ConfigError, ModelError, DecisionError) as exc:
        raise fail(str(exc)) from exc
    if settings.allow_download:
        os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "0"
    if settings.engine == "ray" and not ray_installed():
        raise fail("the ray engine needs Ray and Ray Data: pip install 'checker[ray]'")
    return settings


def ray_installed() -> bool:
    """Whether Ray and its Data library's needs can be imported, without importing them (seconds, and a Ray
    instance's worth of modules): `pip install ray` alone leaves out pyarrow, which Ray Data imports."""
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in ("ray", "pyarrow"))


def use_ray_address(address: str | None, engine: str) -> None:
    """Point the ray engine at a cluster, as RAY_ADDRESS does (which Ray itself also reads); an address for the
    local engine is said to go unused, not passed over."""
    if address and engine != "ray":
        warn(f"--ray-address {address} is for --engine ray; this run uses the {engine} engine")
    elif address:
        os.environ["RAY_ADDRESS"] = address


def check_outputs(outputs: dict[str, Path | None], inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any model work, an output that cannot be written or would replace an input article or a
    baseline (the review decisions in it would be lost).

    Reports are written at the end of a run; finding out then that `-o` names
    a folder or a read-only place would throw the run's work away.
    """
    from checker.baseline import is_baseline
    from checker.report import is_stream

    articles = {Path(p).resolve() for p in inputs}
    taken: dict[Path, str] = {}
    for option, path in outputs.items():
        if path is None:
            continue
        if path.resolve() in taken:
            raise fail(f"{option} {path}: also given to {taken[path.resolve()]}; one would overwrite the other")
        taken[path.resolve()] = option
        if path.is_dir():
            raise fail(f"{option} {path}: is a folder; name a file")
        if path.resolve() in articles:
            raise fail(f"{option} {path}: is one of the inputs; it would be overwritten")
        if option != "--baseline" and is_baseline(path):
            raise fail(f"{option} {path}: is a baseline of review decisions; it would be overwritten")
        if is_stream(path):  # "-o /dev/stdout": written as it is, if it can be
            if not os.access(path, os.W_OK):
                raise fail(f"{option} {path}: cannot write there (permission denied)")
            continue
        path = path.resolve() if path.is_symlink() else path  # a link's target is what is replaced
        try:
            if option == "--index":
                from checker.index import make_folder

                make_folder(path.parent)  # made here, it is the index's own: ignored by git and by the walk
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=path.parent):
                pass
        except OSError as exc:
            raise fail(f"{option} {path}: cannot write there ({exc.strerror or exc})") from exc


def article_files(corpus) -> list[Path]:
    return [Path(d.file) for d in corpus.documents]


def _load(paths: list[str], settings, outputs: Iterable[Path | None] = ()):
    """The corpus, each skipped file warned about on one line; no readable document is an input error.

    checker's own earlier outputs found while walking a folder (the last run's
    report in `checker run .`) are not articles; an article at an output path
    is read, and `check_outputs` then refuses to overwrite it.
    """
    from checker.corpus import load_corpus
    from checker.ignores import Ignores
    from checker.report import written_by_checker

    earlier = [p for p in outputs if p is not None and written_by_checker(p)]
    ignores = Ignores(settings.exclude, settings.respect_gitignore)
    corpus = load_corpus(paths, settings.max_document_chars, earlier, ignores, settings.min_english_share)
    for skipped in corpus.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
    for warning in corpus.warnings:
        warn(warning)
    if not corpus.documents:
        raise fail("no readable documents in " + ", ".join(paths))
    return corpus


def _check(settings, corpus, quiet: bool, index_path: Path | None = None, use: Callable | None = None):
    """Run the pipeline, or `use(checker)` instead, with the index held (locked) for the run when one is given.

    What the index repaired (IndexWarning) and what a model could not do
    (ModelWarning) is printed once the run ends, not through a progress bar;
    any other warning is shown as it comes. An index that cannot be used is an
    error (exit 2).
    """
    import warnings

    from checker.index import Index, IndexUnavailable, IndexWarning
    from checker.nli import ModelError, ModelWarning
    from checker.pipeline import Checker

    held: list[str] = []

    def hold_ours(message, category, filename, lineno, file=None, line=None) -> None:
        if issubclass(category, (IndexWarning, ModelWarning)):
            held.append(str(message))
        else:  # shown now, by the handler in place: a forked child (the claims parser) shows them too
            shown(message, category, filename, lineno, file, line)

    try:
        use = use or (lambda checker: _run_with_progress(checker, corpus, quiet))
        with warnings.catch_warnings():
            shown, warnings.showwarning = warnings.showwarning, hold_ours
            warnings.simplefilter("always", IndexWarning)
            warnings.simplefilter("always", ModelWarning)
            try:
                if index_path is None:
                    return use(Checker(settings))
                with Index(index_path) as index:
                    return use(Checker(settings, index=index))
            finally:
                for message in held:
                    warn(message)
    except (IndexUnavailable, ModelError, RuntimeError) as exc:
        raise fail(str(exc)) from exc


def _contradictions(settings, corpus, quiet: bool, index_path: Path, focus: set[str]) -> list[dict]:
    """The contradiction records of a corpus, each fact shown by a pair with a document of `focus` where it has
    one; those of the corpus last checked, unchanged and with the same focus, from the index.

    In CI most pushes change no article: such a rerun then reads one row and
    loads no model, no spaCy, no scikit-learn.
    """
    from dataclasses import asdict

    def contradictions(checker) -> list[dict]:
        recorded = {k: v for k, v in asdict(settings).items() if k != "engine"}  # either engine: one report
        recorded["decision"] = checker.decision.digest  # the weights, wherever the file is
        recorded["focus"] = sorted(focus)
        key = checker.index.run_key(corpus.documents, recorded, checker.model_hash)
        records = checker.index.cached_report(key)
        if records is None:
            result = _run_with_progress(checker, corpus, quiet)
            records = result.records(["contradict"], settings.ignore_kinds, focus)
            checker.index.store_report(key, records)
        return records

    return _check(settings, corpus, quiet, index_path, contradictions)


@app.command()
def run(
    paths: PathsArg,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the JSONL report (- for stdout).",
            parser=_dash_is_stdout,
            metavar="<path>",
        ),
    ] = Path("checker-report.jsonl"),
    include: Annotated[
        str | None,
        typer.Option(help="Labels to report, comma-separated: contradict, agree, unrelated (default: contradict)."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="Exit 1 when findings with this label are reported (e.g. contradict)."),
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(help="Also write the run summary as JSON to this file.", parser=_dash_is_stdout, metavar="<path>"),
    ] = None,
    model: ModelOpt = None,
    allow_download: DownloadOpt = False,
    config: ConfigOpt = None,
    top_k: Annotated[int | None, typer.Option(help="Candidate neighbours per claim.")] = None,
    min_similarity: Annotated[float | None, typer.Option(help="Embedding cosine floor for candidate pairs.")] = None,
    index: Annotated[
        Path | None, typer.Option(help="Reuse and update this SQLite index (e.g. .checker/index.sqlite).")
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            help="Also write the report as a self-contained HTML page.", parser=_dash_is_stdout, metavar="<path>"
        ),
    ] = None,
    ignore_kind: IgnoreKindOpt = None,
    quiet: QuietOpt = False,
    output_format: Annotated[
        str,
        typer.Option(
            "--output-format",
            help="What to print: stories (the discrepancies story by story, then a summary), "
            "or the report as full, concise, json-lines, github or sarif (as checker ci).",
        ),
    ] = "stories",
    engine: EngineOpt = None,
    ray_address: RayAddressOpt = None,
    stories: StoriesOpt = None,
    story_gap_days: StoryGapOpt = None,
) -> None:
    """Check a corpus of articles and write a report of where the sources disagree."""
    from checker.html import render_html
    from checker.report import is_stdout, write_atomic, write_json, write_report

    failing = parse_labels(fail_on) if fail_on is not None else ()
    check_output_format(output_format, ("stories", *FORMATS))
    settings = _settings(
        config,
        paths,
        model=model,
        top_k=top_k,
        min_similarity=min_similarity,
        include=None if include is None else parse_labels(include),
        ignore_kinds=parse_kinds(ignore_kind),
        allow_download=allow_download or None,
        engine=engine,
        stories=stories,
        story_gap_days=story_gap_days,
    )
    if unreported := [label for label in failing if label not in settings.include]:
        # the run could never fail: a CI job would pass whatever the sources say
        raise fail(
            f"--fail-on {','.join(unreported)}: the report leaves it out (--include or the configuration reports"
            f" only {','.join(settings.include)}); add it there"
        )
    use_ray_address(ray_address, settings.engine)
    started = time.perf_counter()
    outputs = {"--output": output, "--html": html, "--summary": summary, "--index": index}
    corpus = _load(paths, settings, outputs.values())
    check_outputs(outputs, article_files(corpus))
    printed_to_stdout = any(path is not None and is_stdout(path) for path in outputs.values())
    if printed_to_stdout and output_format != "stories":
        raise fail(f"--output-format {output_format} prints to standard output, where a report is written already")
    result = _check(settings, corpus, quiet, index)
    records = result.records(settings.include, settings.ignore_kinds)
    page = ""
    if html:
        reviews = _reviews(records, None)  # the page marks what the baseline holds, as `checker html` does
        page = render_html(
            records, f"checker report: {', '.join(paths)}", reviews, review_command=_review_command(output)
        )
    stats = result.summary(settings.ignore_kinds) | {
        "report": str(output),
        "total_seconds": round(time.perf_counter() - started, 2),
    }
    with outputs_written_together():  # all made first: no report new beside the page of the run before
        write_report(output, records)
        if html:
            write_atomic(html, lambda f: f.write(page))
        if summary:
            write_json(summary, stats)
    if output_format != "stories":
        from checker import __version__
        from checker.formats import render

        sys.stdout.write(render(records, output_format, __version__))
    elif not quiet:
        from checker.formats import to_stories

        # "-o /dev/stdout | jq": the report is standard output, so what is for the reader goes to standard error
        shown = err if printed_to_stdout else out
        articles = {story["id"]: len(story["documents"]) for story in stats["stories"]}
        shown.print(to_stories(records, max(shown.width, 60), articles), end="", markup=False)
        _print_summary(stats, len(records), shown)
    if any(f.label in failing for f in result.selected(settings.include, settings.ignore_kinds)):
        raise typer.Exit(EXIT_FINDINGS)


def _changed_since(ref: str, corpus: Path) -> dict[str, str]:
    """Articles under `corpus` added, modified or renamed since git revision `ref` (deleted ones are simply gone),
    each with its name at `ref` relative to the corpus: its own, or the one it was renamed from. A file git does
    not track yet, and does not ignore, is new too: `git diff` leaves out an article written and not yet added.

    Names come NUL-separated and unquoted (`core.quotePath=false`), so "café.md"
    is not read as the quoted `"caf\\303\\251.md"`; files that are no articles
    (images, data) are left out. Renames are found as `git diff -M` finds them (half the lines the same).
    """
    from checker.corpus import SUFFIXES

    # renames are looked for among every file changed: past git's default limit (1,000), a folder moved and
    # edited would read as added articles
    command = ["git", "-c", "core.quotePath=false", "-c", "diff.renameLimit=0", "diff", "-z", "--name-status", "-M"]
    command.append("--diff-filter=AMR")
    commit = _git(
        ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        corpus,
        ref,
        "is no commit of the corpus's git repository",
    )
    out = _git([*command, "--relative", commit.decode().strip(), "--", "."], corpus, ref, "git diff failed")
    fields = [os.fsdecode(field) for field in out.split(b"\0") if field]
    changed, at = {}, 0
    while at < len(fields):
        names = fields[at + 1 : at + (3 if fields[at].startswith("R") else 2)]  # a rename: its name before, and now
        at += 1 + len(names)
        if Path(names[-1]).suffix.lower() in SUFFIXES:
            changed[str(corpus / names[-1])] = names[0]
    for name in _untracked(corpus, ref):
        # an empty file is no article yet: an untracked one is the empty report a clean `checker run .` left
        if Path(name).suffix.lower() in SUFFIXES and (corpus / name).stat().st_size:
            changed.setdefault(str(corpus / name), name)
    return changed


def _tracked_by_git(path: Path) -> bool:
    """Whether git tracks the index at `path`, or a file SQLite reads beside it (a rollback journal is rolled into the
    database when it is opened), in the repository it is in: false where there is no folder, repository or git."""
    import subprocess

    if not path.parent.is_dir():
        return False
    names = [f":(literal){path.name}{end}" for end in ("", "-journal", "-wal", "-shm")]
    try:
        listed = subprocess.run(["git", "ls-files", "--", *names], cwd=path.parent, capture_output=True)
    except OSError:
        return False
    return listed.returncode == 0 and bool(listed.stdout.strip())


def _git(command: list[str], folder: Path, ref: str, failure: str) -> bytes:
    """What a git command prints, or one error line naming `--since`'s value. A value that starts with "-" is
    refused before git sees it: read as an option, "--output=notes.md" emptied that file."""
    import subprocess

    if ref.startswith("-"):
        raise fail(f"--since {ref}: a git revision cannot start with '-'")
    try:
        return subprocess.run(command, cwd=folder, capture_output=True, check=True).stdout
    except subprocess.CalledProcessError as exc:  # git's own first line, where it says one ("not a git repository")
        said = os.fsdecode(exc.stderr or b"").strip().splitlines()
        raise fail(f"--since {ref}: {failure}" + (f" ({said[0]})" if said else "")) from exc
    except OSError as exc:  # no git to run
        raise fail(f"--since {ref}: cannot run git ({exc})") from exc


def _untracked(corpus: Path, ref: str) -> list[str]:
    """The files under `corpus` git neither tracks nor ignores, relative to it."""
    command = ["git", "-c", "core.quotePath=false", "ls-files", "-z", "--others", "--exclude-standard", "--", "."]
    return [os.fsdecode(field) for field in _git(command, corpus, ref, "git ls-files failed").split(b"\0") if field]


def _renamed_ids(changed: dict[str, str], corpus: Path) -> dict[str, str]:
    """The document id each renamed article had at REF, by its id now: an article's id is its path in the corpus."""
    from checker.corpus import shown_path

    renamed = {Path(path).relative_to(corpus).as_posix(): Path(before).as_posix() for path, before in changed.items()}
    return {shown_path(now): shown_path(before) for now, before in renamed.items() if now != before}


@app.command()
def ci(
    new: Annotated[
        list[str] | None,
        typer.Argument(help="New or changed articles (default: the whole corpus, or --since).", show_default=False),
    ] = None,
    corpus: Annotated[Path, typer.Option(help="The corpus folder new articles are checked against.")] = Path("."),
    since: Annotated[
        str | None,
        typer.Option(
            help="Take the new and changed articles from `git diff REF` in the corpus, and those git does not track yet."
        ),
    ] = None,
    baseline: BaselineOpt = Path(".checker-baseline.json"),
    index: IndexOpt = DEFAULT_INDEX,
    output_format: Annotated[
        str, typer.Option("--output-format", help="full, concise, json-lines, github or sarif.")
    ] = "full",
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            help="Write the output here instead of stdout.",
            parser=_dash_is_stdout,
            metavar="<path>",
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when new contradictions are found.")
    ] = False,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    ignore_kind: IgnoreKindOpt = None,
    quiet: QuietOpt = False,
    engine: EngineOpt = None,
    ray_address: RayAddressOpt = None,
    stories: StoriesOpt = None,
    story_gap_days: StoryGapOpt = None,
) -> None:
    """Check new or changed articles against a corpus; exit 1 on new, unreviewed contradictions."""
    from checker import __version__
    from checker.baseline import BaselineError, load_baseline, renamed_documents, unreviewed
    from checker.corpus import SUFFIXES
    from checker.formats import orient, printable, record_documents, record_place, render

    check_output_format(output_format, FORMATS)
    if not corpus.is_dir():
        raise fail(f"--corpus {corpus}: not a folder")
    settings = _settings(
        config,
        [corpus],
        model=model,
        ignore_kinds=parse_kinds(ignore_kind),
        engine=engine,
        stories=stories,
        story_gap_days=story_gap_days,
    )
    use_ray_address(ray_address, settings.engine)
    try:
        reviewed = load_baseline(baseline)
    except BaselineError as exc:
        raise fail(str(exc)) from exc
    outputs = {"--output-file": output_file, "--index": index}
    check_outputs(outputs)
    if _tracked_by_git(index):
        raise fail(
            f"--index {index}: git tracks it, so a pull request can bring an index of its own and change what CI"
            " reads; keep the index out of the repository (add it to .gitignore, `git rm --cached` it)"
        )
    if (
        output_file
        and output_file.suffix.lower() in SUFFIXES
        and output_file.resolve().is_relative_to(corpus.resolve())
    ):
        raise fail(f"--output-file {output_file}: inside --corpus {corpus}; the next run would read it as an article")
    from checker.ignores import Ignores, repository_page

    excluded = Ignores(settings.exclude).excludes  # a file changed since REF that `exclude` names is no article
    since_changed = {
        path: before
        for path, before in (_changed_since(since, corpus) if since else {}).items()
        if not (excluded(_relative(path, corpus)) or repository_page(path))  # nor is a README
    }
    changed = list(new or []) + list(since_changed)
    if since and not changed:  # only deletions or other files: no article can bring a new contradiction
        if not quiet:
            err.print(f"checker: no new or changed articles since {printable(since)}; nothing to check", markup=False)
        _write_ci_output(render([], output_format, __version__), output_file)
        return
    documents = _load([str(corpus), *changed], settings, outputs.values())
    check_outputs(outputs, article_files(documents))
    focus = {Path(p).resolve() for p in changed}
    read = {Path(d.file).resolve() for d in documents.documents}
    on_purpose = {Path(s.path).resolve() for s in documents.skipped if s.on_purpose}  # a draft: no article to fail on
    new_lines = _new_lines(since, corpus, since_changed) if since else {}
    unreadable = _unread_records(documents.skipped, focus, new_lines)  # a new feed's records: each an article
    files_of_records = {Path(record_place(path)[0]).resolve() for path in unreadable}
    unread_files = [p for p in changed if Path(p).resolve() not in read | on_purpose | files_of_records]
    unreadable = _reasons(unread_files, documents.skipped) | unreadable
    unread = list(unreadable)
    new_ids = {
        d.id for d in documents.documents if Path(d.file).resolve() in focus and not _unchanged_record(d, new_lines)
    }
    records = []
    if new_ids or not changed:  # else every new article was unreadable: there is nothing to check
        records = [
            # a new article's line (the outlier's where it is new): GitHub shows no annotation on a file the pull
            # request does not touch, and the new article is what brought the contradiction
            orient(r, (set(r["fact"]["outliers"]) & new_ids) or new_ids or set(r["fact"]["outliers"]))
            for r in _contradictions(settings, documents, quiet, index, new_ids)
            if not changed or record_documents(r) & new_ids
        ]
    fresh = unreviewed(records, renamed_documents(reviewed, _renamed_ids(since_changed, corpus)))
    _write_ci_output(render(fresh, output_format, __version__, unreadable), output_file)
    if not baseline.exists():  # a typo or another working folder would fail CI on every reviewed finding
        warn(f"no baseline at {baseline}: every contradiction counts as new (`checker baseline` writes one)")
    if not quiet:
        held = len(records) - len(fresh)
        err.print(f"checker: {len(fresh)} new contradiction(s), {held} held back by the baseline", markup=False)
    if unread:  # a new article that could not be checked must not pass CI as "no new contradictions"
        raise fail(f"could not check {len(unread)} new article(s): {', '.join(unread)} (see the warnings above)")
    if fresh and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _new_lines(ref: str, corpus: Path, changed: dict[str, str]) -> dict[Path, set[int]]:
    """The numbers of the lines of each changed JSONL feed that it did not hold at git revision `ref` (under its
    name then, relative to `corpus`: `_changed_since`), by path: a feed appended to is a changed file, but only
    its new records are new articles; a feed renamed keeps its records."""
    import subprocess

    new = {}
    for path, before in ((Path(p).resolve(), b) for p, b in changed.items() if p.lower().endswith(".jsonl")):
        shown = subprocess.run(["git", "show", f"{ref}:./{Path(before).as_posix()}"], cwd=corpus, capture_output=True)
        # line ends as git stores them, not as a checkout writes them (core.autocrlf): "\r" is no change
        earlier = set(shown.stdout.decode("utf-8", "surrogateescape").replace("\r\n", "\n").split("\n"))
        earlier = earlier if shown.returncode == 0 else set()
        current = path.read_bytes().decode("utf-8", "surrogateescape").replace("\r\n", "\n").split("\n")
        new[path] = {number for number, line in enumerate(current, start=1) if line not in earlier}
    return new


def _unchanged_record(document, new_lines: dict[Path, set[int]]) -> bool:
    """Whether a feed's record stands in the feed as git had it, line for line (`_new_lines`)."""
    from checker.formats import record_place

    file, line = record_place(document.path)
    path = Path(file).resolve()
    return line is not None and path in new_lines and line not in new_lines[path]


def _relative(path: str, corpus: Path) -> str:
    """`path` relative to the corpus folder, as `exclude` patterns are written."""
    try:
        return Path(path).resolve().relative_to(corpus.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _unread_records(skipped, focus: set[Path], new_lines: dict[Path, set[int]]) -> dict[str, str]:
    """The new records of new or changed feeds that could not be read ("feed.jsonl:2"), each with why: a feed
    with one good record and one broken passed CI on the good one's findings."""
    from checker.formats import record_place

    found = {}
    for skip in skipped:
        name, line = record_place(skip.path)
        file = Path(name).resolve()
        new = file not in new_lines or line in new_lines[file]
        if line is not None and file in focus and not skip.on_purpose and new:
            found[skip.path] = skip.reason
    return found


def _reasons(unread: list[str], skipped) -> dict[str, str]:
    """Why each new article that was named and not read was skipped, by the path given (for the annotations)."""
    why = {Path(s.path).resolve(): s.reason for s in skipped}
    return {path: why.get(Path(path).resolve(), "not read") for path in unread}


def _write_ci_output(text: str, output_file: Path | None) -> None:
    """To --output-file (atomically; a SARIF upload step finds a file even when nothing was new), else stdout."""
    from checker.report import write_atomic

    if output_file:
        write_atomic(output_file, lambda f: f.write(text))
    elif text:
        sys.stdout.write(text)


@app.command("baseline")
def make_baseline(
    paths: PathsArg,
    baseline: BaselineOpt = Path(".checker-baseline.json"),
    index: IndexOpt = DEFAULT_INDEX,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    engine: EngineOpt = None,
    ray_address: RayAddressOpt = None,
) -> None:
    """Create or update the baseline: current contradictions in, earlier decisions kept, gone ones dropped."""
    from dataclasses import asdict

    from checker.baseline import BaselineError, entries, load_baseline, update_baseline, write_baseline
    from checker.formats import printable

    settings = _settings(config, paths, model=model, engine=engine)
    use_ray_address(ray_address, settings.engine)
    try:
        previous = load_baseline(baseline)
    except BaselineError as exc:
        raise fail(str(exc)) from exc
    outputs = {"--baseline": baseline, "--index": index}
    corpus = _load(paths, settings, outputs.values())
    check_outputs(outputs, article_files(corpus))
    result = _check(settings, corpus, quiet, index)
    records = result.records(["contradict"], ())  # every kind: a decision on an ignored kind must survive
    recorded = {k: v for k, v in asdict(settings).items() if k not in {"include", "allow_download"}}
    recorded["model_hash"] = result.findings[0].model_hash if result.findings else ""
    updated = update_baseline(previous, records, recorded, _not_read(corpus, paths))
    write_baseline(baseline, updated)
    if not quiet:
        kept = sum(1 for e in entries(updated).values() if e.get("decision"))
        left = len(set(entries(updated)) - {r["id"] for r in records})
        shown = printable(str(baseline))
        also = f"; {left} of articles not read this time kept as they were" if left else ""
        out.print(
            f"Wrote {len(records)} finding(s) to {shown} ({kept} with a decision carried over{also})", markup=False
        )


def _not_read(corpus: Corpus, paths: Sequence[str]) -> Callable[[str], bool]:
    """Whether a document is still in the corpus and could not be read this run: a file skipped under the id it
    would have had (its path from a folder given, or its name where given itself), any document under a folder
    that could not be walked, and, where a feed or one of its records could not be read, any id no article file
    has (which ids the feed held is not known). A document deleted, excluded or made a draft is gone."""
    from checker.corpus import SUFFIXES
    from checker.formats import record_place

    roots = {path.resolve() if path.is_dir() else path.resolve().parent for path in map(Path, paths)}
    ids, folders, a_feed = set(), set(), False
    for skip in (s for s in corpus.skipped if not s.on_purpose):
        name, line = record_place(skip.path)
        file = Path(name).resolve()
        a_feed |= line is not None or file.suffix.lower() == ".jsonl"
        found = {file.relative_to(root).as_posix() for root in roots if file.is_relative_to(root)} | {file.name}
        (folders if file.is_dir() else ids).update(found)
    read = {d.id for d in corpus.documents}

    def not_read(document: str) -> bool:
        under = any(document.startswith(f"{folder}/") for folder in folders)
        return document not in read and (
            document in ids or under or (a_feed and Path(document).suffix.lower() not in SUFFIXES)
        )

    return not_read


def _read_report(report: Path) -> list[dict]:
    from checker.baseline import is_baseline
    from checker.report import read_report

    if is_baseline(report):  # it said "line 1: not JSON"
        raise fail(f"{report}: is a baseline of review decisions, not a report (`checker run -o` writes one)")
    try:
        return read_report(report)
    except (OSError, ValueError) as exc:
        raise fail(f"{report}: cannot read the report ({exc})") from exc


@app.command("html")
def html_page(
    report: Annotated[Path, typer.Argument(help="A JSONL report written by `checker run`.", show_default=False)],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Where to write the page (- for stdout).", parser=_dash_is_stdout, metavar="<path>"
        ),
    ] = Path("checker-report.html"),
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Baseline of reviewed findings: the page marks each contradiction new (fails CI), confirmed, "
            "dismissed or in the baseline (default: .checker-baseline.json where it exists).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Turn a JSONL report into one self-contained HTML page to review the findings."""
    from checker.html import ArticleTexts, named_articles, render_html
    from checker.report import is_stdout, write_atomic

    records = _read_report(report)
    check_outputs({"--output": output}, [report, *named_articles(records, report.parent)])
    reviews = _reviews(records, baseline)
    texts = ArticleTexts(report.parent)
    page = render_html(records, f"checker report: {report.name}", reviews, texts, _review_command(report, baseline))
    write_atomic(output, lambda f: f.write(page))
    _warn_unread(texts)
    (err if is_stdout(output) else out).print(f"Wrote {len(records)} finding(s) to {output}", markup=False)


def _review_command(report: Path, baseline: Path | None = None) -> str:
    """The command a page names to decide a finding (with `--id`): "" where the report went to standard output or
    a pipe, which no later command can read."""
    from checker.report import is_stdout, is_stream

    if is_stdout(report) or is_stream(report):
        return ""
    return shlex.join(["checker", "review", str(report), *(["--baseline", str(baseline)] if baseline else [])])


def _warn_unread(texts: ArticleTexts) -> None:
    """One warning for the articles a report names that could not be read: their claims show no context."""
    if texts.unread:
        first = texts.unread[0]
        more = f" and {len(texts.unread) - 1} more" if len(texts.unread) > 1 else ""
        warn(
            f"could not read {first}{more} as the report has it: its claims are shown without their context (a "
            "report names articles as `checker run` was given them, and articles are read only under the working "
            "folder or the report's: run from a folder that holds them, or check the file has not changed since)"
        )


def _reviews(records: list[dict], baseline: Path | None) -> dict[str, dict[str, str]] | None:
    """What the baseline says of each contradiction, for the page: `baseline`, else `.checker-baseline.json`
    where it exists; None where there is none (a `baseline` named that does not exist is warned of: a typo
    would show every contradiction as new). A baseline that cannot be read is an error where it was named,
    a warning where it was found."""
    from checker.baseline import BaselineError, load_baseline, review_states

    named = baseline is not None
    if baseline is not None and not baseline.exists():
        warn(f"no baseline at {baseline}: the page shows no review")
        return None
    if not (baseline := baseline or Path(".checker-baseline.json")).exists():
        return None
    try:
        return review_states(records, load_baseline(baseline))
    except BaselineError as exc:
        if named:
            raise fail(str(exc)) from exc
        warn(f"{exc}; the page shows no review")
        return None


@app.command()
def review(
    report: Annotated[Path, typer.Argument(help="A JSONL report written by `checker run`.", show_default=False)],
    baseline: BaselineOpt = Path(".checker-baseline.json"),
    label: Annotated[str | None, typer.Option(help="Only this label.")] = None,
    kind: Annotated[str | None, typer.Option(help=f"Only this kind ({', '.join(registry().finding_kinds)}).")] = None,
    doc: Annotated[
        str | None, typer.Option(help="Only findings with a source whose id contains this (any source of a fact).")
    ] = None,
    min_score: Annotated[
        float,
        typer.Option(
            help="Only findings scored at least this (a contradiction's score: the share of contradictions like it "
            "readers confirmed on news; others: the model's probability)."
        ),
    ] = 0.0,
    search: Annotated[
        str | None, typer.Option(help="Only findings with a claim that contains this text (any claim of a fact).")
    ] = None,
    ids: Annotated[
        list[str] | None,
        typer.Option(
            "--id",
            help="Only the finding with this id, or the first characters of it (repeatable): what a script piping "
            'its decisions names ("checker review report.jsonl --id 19e82a7f" with "d toll updated" on its input).',
        ),
    ] = None,
    list_only: Annotated[
        bool, typer.Option("--list", help="Print the summary and the filtered list, decide nothing.")
    ] = False,
    reviewer: Annotated[
        str | None,
        typer.Option(help="Name written with each decision (default: git config user.name, else the login name)."),
    ] = None,
) -> None:
    """Review findings one at a time; confirm or dismiss each into the baseline CI reads."""
    from checker.baseline import BaselineError, decisions, load_baseline, write_baseline
    from checker.formats import printable, to_human
    from checker.html import ArticleTexts
    from checker.review import Filters, audit, default_reviewer, summary_lines, terminal_key, undecided

    label, kind = (
        one_choice(v, c, w) for v, c, w in ((label, LABELS, "label"), (kind, registry().finding_kinds, "kind"))
    )
    if not 0 <= min_score <= 1:  # "nan" too: it kept nothing, and said only that nothing matched
        raise fail(f"--min-score {min_score}: a score is between 0 and 1")
    records = _read_report(report)
    ids = tuple(i.strip().lower() for i in ids or ())
    for prefix in ids:  # a prefix names one finding, or a script's decision goes to another
        matching = [r["id"] for r in records if r["id"].startswith(prefix)]
        if not prefix or len(matching) != 1:
            found = f"{len(matching)} findings have" if matching else "no finding has"
            raise fail(f"{report}: {found} the id {prefix!r}{'; give more of it' if matching else ''}")
    selected = [r for r in records if Filters(label, kind, doc, min_score, search, ids).keep(r)]
    if len(selected) < len(records):  # the counts below are of what the filters keep, as the list and review are
        out.print(f"{len(selected)} of {len(records)} findings match the filters", markup=False)
    for line in summary_lines(selected):
        out.print(line, markup=False)
    try:
        reviewed = load_baseline(baseline)
    except BaselineError as exc:
        raise fail(str(exc)) from exc
    if list_only:
        known = {i: e["decision"] for i, e in decisions(selected, reviewed).items()}
        notes = {i: f" [{decision} in the baseline]" for i, decision in known.items()}
        out.print(to_human(selected, concise=True, notes=notes), end="", markup=False)
        decided = sum(1 for r in selected if r["id"] in known)
        if decided:  # the review that follows asks only about the rest: "1 of 3" after "Found 4" needs saying
            left = len(selected) - decided
            where = printable(str(baseline))
            out.print(f"{decided} already decided in {where}; a review asks about the {left} left", markup=False)
        return
    check_outputs({"--baseline": baseline}, [report])  # before the decisions, not after them

    def ask(prompt: str, at_end: str = "") -> str:
        """A line of input; `at_end` where the input ends (no reason given; "q" for a key: stop)."""
        try:
            return typer.prompt(prompt, default="", show_default=False)
        except (EOFError, typer.Abort) as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):  # click reads Ctrl-C (and SIGTERM) as an Abort
                raise exc.__context__ from None
            return at_end

    name = default_reviewer() if reviewer is None else reviewer
    read_key = terminal_key if sys.stdin.isatty() else lambda prompt: ask(prompt, at_end="q")
    texts = ArticleTexts(report.parent)
    for record in undecided(selected, reviewed):  # read first: a reviewer hears of an article not found before deciding
        for side in ("a", "b"):
            texts.text_of(record[side])
    _warn_unread(texts)
    before = json.dumps(reviewed, sort_keys=True)
    try:
        changed = audit(
            selected, reviewed, out, ask, name, read_key, reasons_inline=not sys.stdin.isatty(), texts=texts
        )
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: the decisions made are kept, as on quitting
        if json.dumps(reviewed, sort_keys=True) != before:
            write_baseline(baseline, reviewed)
        err.print(f"checker: stopped; the decisions made were saved to {printable(str(baseline))}", markup=False)
        raise typer.Exit(EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED) from None
    if changed:
        write_baseline(baseline, reviewed)
        out.print(f"Saved decisions to {printable(str(baseline))}", markup=False)
    else:
        out.print("No decisions made; baseline unchanged")


def _run_with_progress(checker, corpus, quiet: bool):
    if quiet or not err.is_terminal:
        return checker.check(corpus)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress(
        "{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True
    ) as bar:
        task = bar.add_task("reading", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=STAGE_NAMES.get(stage, stage), completed=done, total=total)

        return checker.check(corpus, progress=update)


def _print_summary(stats: dict, written: int, shown: Console) -> None:
    from checker.formats import printable

    counts = stats["findings"]
    shown.print(
        f"{stats['documents']} documents, {stats['claims']} claims, "
        f"{stats['candidate_pairs']} claim pairs compared (those alike enough, of "
        f"{stats['cross_document_pairs']} across documents) in {stats['total_seconds']:.1f}s"
    )
    shown.print(
        f"contradict {counts['contradict']} (facts, from {stats['contradicting_pairs']} claim pairs)  "
        f"agree {counts['agree']}  unrelated {counts['unrelated']}  stories {len(stats['stories'])}"
        + (f" ({sum(1 for s in stats['stories'] if s['facts'])} with contradictions)" if stats["stories"] else "")
    )
    if skipped := sum(s["inputs"] for s in stats["skipped"] if not s["on_purpose"]):
        shown.print(f"{skipped} input(s) skipped (see warnings above)")
    if left_out := sum(s["inputs"] for s in stats["skipped"] if s["on_purpose"]):  # a correction's earlier text
        shown.print(f"{left_out} input(s) left out on purpose (see warnings above)")
    shown.print(f"Wrote {written} finding(s) to {printable(stats['report'])}", markup=False)


def main() -> None:
    gc.set_threshold(*GC_THRESHOLDS)
    stop_on_sigterm()
    try:
        app()
    except KeyboardInterrupt as exc:
        err.print(INTERRUPTED, markup=False)  # before the command started (while importing)
        sys.exit(EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
