"""Findings → the JSONL report: the stable, versioned contract with users and CI.

One finding a line, keys sorted, findings in a deterministic order, written to
a temporary file and renamed into place so an interrupted run never leaves a
half-written report (the previous one stays intact). The schema lives in
`checker/schema/finding.schema.json`; `SCHEMA_VERSION` changes with it.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jsonlines
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from checker.checks import Registry, registry
from checker.facts import Fact, Version
from checker.formats import orient
from checker.records import NLI_LABELS, Claim, Document, Finding, is_report_line
from checker.stories import Story

SCHEMA_VERSION = 7
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "finding.schema.json"


def write_schema() -> None:
    """Write the report schema the registry gives to the shipped file: run it after adding a kind of check.

    python -c "from checker.report import write_schema; write_schema()"
    """
    SCHEMA_PATH.write_text(json.dumps(finding_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def finding_schema(checks: Registry | None = None) -> dict[str, Any]:
    """The report schema with its kinds and per-kind evidence taken from the checks' registry.

    The shipped file is this for the checks that ship (a test keeps them equal),
    so a reader of the file and the validator see the same schema.
    """
    checks = checks or registry()
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["properties"]["kind"]["enum"] = list(checks.finding_kinds)
    evidence = schema["properties"]["evidence"]["items"]
    evidence["properties"]["kind"]["enum"] = list(checks.kinds)
    evidence["allOf"] = checks.evidence_schema()
    return schema


LABEL_ORDER = {"contradict": 0, "agree": 1, "unrelated": 2}
SCORE_ORDER_DIGITS = 2  # findings are ranked by score to the hundredth (`sort_findings`)


def _version_record(fact: Fact, version: Version, documents: Mapping[str, Document]) -> dict[str, Any]:
    record = {
        "value": version.value,
        "documents": list(version.documents),
        "claims": [_claim_ref(c, documents) for c in sorted(version.claims, key=lambda c: (c.doc_id, c.span.start))],
    }
    place = fact.place_in_time(version)
    return record | ({"published_alone": place} if place else {})


def claim_record(claim: Claim, document: Document) -> dict[str, Any]:
    """A claim as the report gives it; lines and columns where a reader opening its file finds it."""
    line, column = document.place_in_file(claim.span.start)
    end_line, end_column = document.place_in_file(claim.span.end, end=True)
    sentence = document.text[claim.sentence_span.start : claim.sentence_span.end].strip()
    record = {
        "doc_id": claim.doc_id,
        "path": document.path,
        "source": document.source,
        "text": claim.text,
        "standalone": claim.standalone,
        "sentence": sentence,
        "span": [claim.span.start, claim.span.end],
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
    }
    record |= {key: value for key in ("published", "url") if (value := getattr(document, key))}
    if document.source_offsets:
        record["file_span"] = [document.file_offset(claim.span.start), document.file_offset(claim.span.end, end=True)]
    return record


def finding_record(
    finding: Finding, documents: dict[str, Document], story: Story | None = None, fact: Fact | None = None
) -> dict[str, Any]:
    """One report line: a pair's verdict, or (with `fact`) a fact its pair stands for, the outlier's claim first."""
    record = pair_record(finding, documents) | {
        "story": {"id": story.id, "label": story.label} if story else None,
        "fact": None,
        "pairs": [],
    }
    if fact is None:
        return record
    record = orient(record, set(fact.outliers)) | {"id": fact.id, "score": fact.score}
    record["fact"] = {
        "id": fact.id,
        "subject": fact.subject,
        "versions": [_version_record(fact, version, documents) for version in fact.ordered_versions],
        "majority": fact.majority.value if fact.majority else None,
        "outliers": list(fact.outliers),
        "copies": fact.copies,
        "in_publication_order": fact.in_publication_order,
    }
    record["pairs"] = [
        {
            "id": f.id,
            "kind": f.kind,
            "score": f.score,
            "a": _claim_ref(f.pair.a, documents),
            "b": _claim_ref(f.pair.b, documents),
        }
        for f in sorted(fact.findings, key=lambda f: f.id)
    ]
    return record


def _claim_ref(claim: Claim, documents: dict[str, Document]) -> dict[str, Any]:
    document = documents[claim.doc_id]
    line = document.place_in_file(claim.span.start)[0]
    ref = {"doc_id": claim.doc_id, "path": document.path, "text": claim.text, "line": line}
    ref["span"] = [claim.span.start, claim.span.end]
    return ref | {key: value for key in ("source", "published", "url") if (value := getattr(document, key))}


def pair_record(finding: Finding, documents: dict[str, Document]) -> dict[str, Any]:
    nli = None
    if finding.nli is not None:
        nli = {
            "a_to_b": _probabilities(finding.nli.forward),
            "b_to_a": _probabilities(finding.nli.backward),
        }
    return {
        "schema_version": SCHEMA_VERSION,
        "id": finding.id,
        "label": finding.label,
        "kind": finding.kind,
        "score": finding.score,
        "similarity": _round(finding.pair.similarity),
        "a": claim_record(finding.pair.a, documents[finding.pair.a.doc_id]),
        "b": claim_record(finding.pair.b, documents[finding.pair.b.doc_id]),
        "nli": nli,
        "evidence": [
            {"kind": e.kind, "contradicts": e.contradicts, "message": e.message, **e.detail} for e in finding.evidence
        ],
        "model": {"name": finding.model, "hash": finding.model_hash},
    }


def _probabilities(probs: tuple[float, float, float] | None) -> dict[str, float] | None:
    return dict(zip(NLI_LABELS, map(_round, probs), strict=True)) if probs is not None else None


def _round(value: float) -> float:
    return round(float(value), 4)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Contradictions first, highest score first, then by id: the same input gives the same file. Scores are
    ranked to the hundredth: the model's fourth decimal moves with the batch a pair ran in (bf16), and the Ray
    engine batches other pairs together than the local one does."""
    return sorted(findings, key=lambda f: (LABEL_ORDER[f.label], -round(f.score, SCORE_ORDER_DIGITS), f.id))


def file_mode(path: Path) -> int:
    """The mode a new file at `path` gets from the umask, or the mode the file already has.

    A temporary file is created 0600; renamed into place as it is, a report
    would be unreadable to the colleagues the umask lets read it.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, write) -> None:
    """Call write(file) on a temporary file beside `path`, then rename it into place.

    A stream (`-o /dev/stdout` to a pipe, a FIFO) is written as it is: there is nothing to replace. A link is
    followed, and what it names replaced: renaming over `/dev/stdout` itself (a link, in a folder root can write)
    replaced the system's link with a file, and replacing the file standard output was sent to lost what else
    was printed there."""
    to_stdout = is_stdout(path)
    if to_stdout or is_stream(path):
        try:
            _write_stream(path, write, to_stdout)
        except OSError as exc:  # "-o /dev/full": name the file, as for any other
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        return
    path = path.resolve() if path.is_symlink() else path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc  # name the file asked for, not a temporary one
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            os.chmod(f.fileno(), file_mode(path))
            write(f)
        os.replace(tmp, path)
    except OSError as exc:  # a disk full, an immutable file in the way: the file asked for, not a temporary one
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_stream(path: Path, write, to_stdout: bool) -> None:
    if to_stdout:  # through the process's own standard output: "-o /dev/stdout >> log" appends to log
        sys.stdout.flush()
        with os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", newline="\n") as f:
            write(f)
    else:
        with path.open("w", encoding="utf-8", newline="\n") as f:
            write(f)


def is_stream(path: Path) -> bool:
    """Whether `path` is there and is no regular file or folder, links followed: a pipe, a FIFO, a terminal."""
    return path.exists() and not path.is_file() and not path.is_dir()


def is_stdout(path: Path) -> bool:
    """Whether `path` is this process's standard output ("/dev/stdout", "/proc/self/fd/1", the terminal it is),
    a pipe or a file it was sent to ("> report.jsonl")."""
    try:
        return path.exists() and os.path.samestat(path.stat(), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # standard output closed (None), or with no file behind it
        return False


GENERATOR = "checker"  # named in every page and report checker writes, so a later run can tell them from articles


def written_by_checker(path: Path) -> bool:
    """Whether `path` is a report or page an earlier run wrote (a JSONL finding, or the page's generator tag).

    `checker run .` finds the last run's report in the corpus; it is no article,
    and is left out. An article at that path is not, and `-o` then refuses it.
    """
    try:
        if not path.is_file():
            return False
        with path.open("rb") as f:
            head = f.read(1 << 20)
    except OSError:
        return False
    if f'name="generator" content="{GENERATOR}"'.encode() in head[:1024]:
        return True
    try:
        first = json.loads(head.split(b"\n", 1)[0])
    except (ValueError, RecursionError):
        return False
    return is_report_line(first)


def write_report(path: Path, records: Sequence[dict[str, Any]]) -> None:
    def write(f):
        with jsonlines.Writer(f, sort_keys=True, compact=True) as writer:
            writer.write_all(records)

    write_atomic(path, write)


class ReportError(ValueError):
    """A file that is not a checker report; the message names the line and the problem."""


def read_report(path: Path) -> list[dict[str, Any]]:
    """The findings of a JSONL report, each checked against the report schema.

    `checker html` and `checker review` read every key of a finding; a line
    that is not one is named here instead of failing later on a missing key.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportError(f"not UTF-8 text (byte {exc.start})") from exc
    validator = Draft202012Validator(finding_schema())
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            # the column is where the fault starts: "Unterminated string starting at column 26"
            raise ReportError(f"line {number}: not JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from exc
        except RecursionError as exc:
            raise ReportError(f"line {number}: JSON nested too deeply") from exc
        error = best_match(validator.iter_errors(record))
        if error is not None:
            where = "/".join(map(str, error.absolute_path))
            raise ReportError(
                f"line {number}: not a checker finding: {where + ': ' if where else ''}{error.message[:200]}"
            )
        records.append(record)
    return records


def write_json(path: Path, data: Any) -> None:
    write_atomic(path, lambda f: f.write(json.dumps(data, indent=2, sort_keys=True) + "\n"))
