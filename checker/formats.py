"""Report records → the formats CI systems and people read (as ruff's --output-format).

`json-lines` is the report itself; `github` prints workflow annotations;
`sarif` is SARIF 2.1.0 for code-scanning views; `full` and `concise` are for
people and end with a "Found N …" line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

FORMATS = ("full", "concise", "json-lines", "github", "sarif")
LEVELS = {"contradict": "error", "agree": "note", "unrelated": "note"}
RULES = {
    "nli": "The NLI model reads the two claims as contradicting each other.",
    "number": "The two claims give different values for the same quantity.",
    "entity_set": "The two claims list different participants in the same event.",
    "date": "The two claims place the same event on different days.",
    "title": "The two claims give the same person contradictory roles.",
    "denial": "One claim has someone confirm what the other has the same one deny.",
    "quote": "The same quoted words are attributed to two different people.",
}
JSONL_LINE = re.compile(r"^(?P<file>.+\.jsonl):(?P<line>\d+)$")


SIDE_SWAPS = {"a": "b", "a_to_b": "b_to_a", "only_in_a": "only_in_b", "a_former": "b_former", "a_office": "b_office"}
SIDE_SWAPS |= {v: k for k, v in SIDE_SWAPS.items()}


def _swapped(mapping: dict[str, Any]) -> dict[str, Any]:
    return {SIDE_SWAPS.get(k, k): v for k, v in mapping.items()}


def orient(record: dict[str, Any], doc_ids: set[str]) -> dict[str, Any]:
    """The record with side `a` in one of `doc_ids` (where CI should annotate), swapping if needed."""
    if record["a"]["doc_id"] in doc_ids or record["b"]["doc_id"] not in doc_ids:
        return record
    swapped = _swapped(record)
    swapped["nli"] = _swapped(record["nli"]) if record["nli"] else None
    swapped["evidence"] = [_swapped(e) for e in record["evidence"]]
    return swapped


def repo_path(path: str) -> str:
    """Paths under the working directory relative to it, as CI annotations expect."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def location(claim: dict[str, Any]) -> dict[str, Any]:
    """File, 1-based lines and columns of a claim; a JSONL record points at its line, no columns."""
    m = JSONL_LINE.match(claim["path"])
    if m:
        return {"file": repo_path(m["file"]), "line": int(m["line"]), "end_line": int(m["line"])}
    return {
        "file": repo_path(claim["path"]),
        "line": claim["line"],
        "end_line": claim["end_line"],
        "column": claim["column"],
        "end_column": claim["end_column"],
    }


def describe(record: dict[str, Any]) -> str:
    evidence = "; ".join(e["message"] for e in record["evidence"] if e["contradicts"]) or "NLI"
    other = record["b"]
    return f'{record["label"]} ({record["kind"]}: {evidence}) with {other["doc_id"]}:{other["line"]}: "{other["text"]}"'


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(records: Sequence[dict[str, Any]]) -> str:
    """`::error file=…,line=…::message` lines; columns only when the claim is on one line."""
    lines = []
    for record in records:
        loc = location(record["a"])
        props = [f"file={_escape_property(loc['file'])}", f"line={loc['line']}", f"endLine={loc['end_line']}"]
        if "column" in loc and loc["line"] == loc["end_line"]:
            props += [f"col={loc['column']}", f"endColumn={loc['end_column']}"]
        props.append(f"title={_escape_property('checker ' + record['kind'] + ' ' + record['label'])}")
        lines.append(f"::{LEVELS[record['label']]} {','.join(props)}::{_escape_data(describe(record))}")
    return "\n".join(lines) + ("\n" if lines else "")


def _sarif_location(claim: dict[str, Any], message: str | None = None) -> dict[str, Any]:
    loc = location(claim)
    region = {"startLine": loc["line"], "endLine": loc["end_line"]}
    if "column" in loc:
        region |= {"startColumn": loc["column"], "endColumn": loc["end_column"]}
    result = {
        "physicalLocation": {"artifactLocation": {"uri": PurePosixPath(loc["file"]).as_posix()}, "region": region}
    }
    if message:
        result["message"] = {"text": message}
    return result


def to_sarif(records: Sequence[dict[str, Any]], version: str) -> dict[str, Any]:
    results = []
    for record in records:
        related = _sarif_location(record["b"], f"{record['b']['doc_id']}: {record['b']['text']}")
        related["id"] = 1
        results.append(
            {
                "ruleId": record["kind"],
                "level": LEVELS[record["label"]],
                "message": {"text": describe(record)},
                "locations": [_sarif_location(record["a"])],
                "relatedLocations": [related],
                "partialFingerprints": {"checkerFindingId/v1": record["id"]},
                "properties": {"label": record["label"], "score": record["score"]},
            }
        )
    rules = [{"id": kind, "shortDescription": {"text": text}} for kind, text in RULES.items()]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "checker", "version": version, "rules": rules}}, "results": results}],
    }


def to_human(records: Sequence[dict[str, Any]], concise: bool) -> str:
    lines = []
    for record in records:
        a, b = record["a"], record["b"]
        head = f"{location(a)['file']}:{a['line']}: {record['label']} [{record['kind']}] {record['score']:.2f}"
        if concise:
            lines.append(f"{head} with {b['doc_id']}:{b['line']}")
            continue
        evidence = "; ".join(e["message"] for e in record["evidence"])
        lines += [head, f"    {a['doc_id']}: {a['text']}", f"    {b['doc_id']}:{b['line']}: {b['text']}"]
        if evidence:
            lines.append(f"    evidence: {evidence}")
        lines.append(f"    id: {record['id']}")
    noun = "finding" if len(records) == 1 else "findings"
    lines.append(f"Found {len(records)} {noun}.")
    return "\n".join(lines) + "\n"


def render(records: Sequence[dict[str, Any]], output_format: str, version: str) -> str:
    if output_format == "json-lines":
        return "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in records)
    if output_format == "github":
        return to_github(records)
    if output_format == "sarif":
        return json.dumps(to_sarif(records, version), indent=2, sort_keys=True) + "\n"
    return to_human(records, concise=output_format == "concise")
