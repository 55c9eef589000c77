"""The baseline of known findings, after detect-secrets' `.secrets.baseline`.

JSON with `version`, the settings that produced it, `generated_at` and
`results` grouped by document and sorted; `checker/schema/baseline.schema.json`
describes it and every load is checked against it. A finding's identity is
its stable id (kinds, document ids and normalized claim texts; no line
numbers), so an edit elsewhere in an article keeps it.

`checker baseline` records every current contradiction on purpose (marked
`"recorded": "baseline"`), carries earlier decisions over and drops findings
that are gone; `checker review` adds only findings it decided. CI holds back a
finding the baseline has decided or recorded; an undecided entry without the
mark (an older review wrote those) holds nothing back, so quitting a review
never hides the findings left unreviewed.
"""

from __future__ import annotations

import datetime
import functools
import json
import reprlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from checker.records import version_key
from checker.report import write_atomic

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 1 << 30  # read whole to tell a baseline from another file an output would replace
MESSAGE_CHARS = 300  # an error names the problem; a 5,000-key entry need not be quoted whole
DECISIONS = ("confirmed", "dismissed")
RECORDED = "baseline"  # the `recorded` mark of entries `checker baseline` wrote
IN_BASELINE, NEW = "in the baseline", "new"  # a finding CI holds back undecided, and one that fails CI
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "baseline.schema.json"
# An error message quotes the offending value; a whole results list would make it pages long.
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring, _SHORT.maxother = 1, 3, 3, 40, 40


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names it."""


def utc_now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@functools.cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _describe(error: ValidationError) -> str:
    """`results.a.txt[0]: 'id' is a required property`: where in the file, then what is wrong (one short line)."""
    where = error.json_path.removeprefix("$").removeprefix(".") or "top level"
    return f"{where}: {error.message.replace(repr(error.instance), _SHORT.repr(error.instance), 1)}"


def is_baseline(path: Path) -> bool:
    """Whether `path` is a regular file holding a baseline (checker's, or one written by hand or by `jq -c`): a
    JSON object with its version and results. A report's first line is a whole object with neither, so only a
    file whose first line is no whole JSON value is read whole, up to `MAX_BASELINE_BYTES`. A pipe or a terminal
    is never read: reading would wait on it."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as f:
            data = f.readline(1 << 16)
            try:
                return _a_baseline(json.loads(data))
            except (ValueError, RecursionError):
                data += f.read(MAX_BASELINE_BYTES)
        return _a_baseline(json.loads(data))
    except (OSError, ValueError, RecursionError):
        return False


def _a_baseline(data: object) -> bool:
    return isinstance(data, dict) and {"version", "results"} <= data.keys()


def load_baseline(path: Path) -> dict[str, Any]:
    """The baseline at `path`, or an empty one when the file does not exist.

    Bytes go to `json.loads`, which reads UTF-8, UTF-16 and UTF-32 with or
    without a byte order mark (editors on Windows save UTF-16 with one).
    """
    from checker.corpus import open_regular  # a FIFO would wait for a writer forever

    if not path.exists():
        return {"version": BASELINE_VERSION, "settings": {}, "generated_at": None, "results": {}}
    try:
        with open_regular(path) as file:
            data = json.loads(file.read())
    except (OSError, ValueError, RecursionError) as exc:  # bad JSON, undecodable bytes, nested too deeply
        raise BaselineError(f"{path}: not a readable baseline ({str(exc)[:MESSAGE_CHARS]})") from exc
    error = best_match(_validator().iter_errors(data))
    if error is not None:
        raise BaselineError(f"{path}: {_describe(error)[:MESSAGE_CHARS]}")
    return data


def entries(baseline: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Finding id → baseline entry."""
    return {entry["id"]: entry for group in baseline["results"].values() for entry in group}


def entry_for(record: dict[str, Any]) -> dict[str, Any]:
    entry = {
        "id": record["id"],
        "kind": record["kind"],
        "label": record["label"],
        "line": record["a"]["line"],
        "text": record["a"]["text"],
        "other_doc": record["b"]["doc_id"],
        "other_line": record["b"]["line"],
        "other_text": record["b"]["text"],
        "decision": None,
    }
    return entry | _fact_fields(record)


def _fact_fields(record: dict[str, Any]) -> dict[str, Any]:
    """What of a fact lets CI hold back what is left of it: its subject, versions and sources."""
    if not record.get("fact"):
        return {}
    return {"subject": record["fact"]["subject"], "versions": _versions(record), "documents": _documents(record)}


def _versions(record: dict[str, Any]) -> list[str]:
    return sorted({version_key(v["value"]) for v in record["fact"]["versions"]})


def _documents(record: dict[str, Any]) -> list[str]:
    return sorted({doc for v in record["fact"]["versions"] for doc in v["documents"]})


def update_baseline(
    previous: dict[str, Any],
    records: Iterable[dict[str, Any]],
    settings: dict[str, Any],
    unread: Callable[[str], bool] = lambda document: False,
) -> dict[str, Any]:
    """A baseline recording `records`, keeping the decisions `previous` holds for them (`decisions`).

    `unread`: whether a document is still in the corpus and could not be read this time: an earlier entry naming
    one is kept as it was. An article unreadable one night (emptied, locked, half-written) is no finding gone,
    and dropping its entries lost the reviewers' decisions on them; a deleted article's are dropped.
    """
    records = list(records)
    decided = decisions(records, previous)
    results: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        entry = entry_for(record) | {"recorded": RECORDED}
        old = decided.get(entry["id"], {})
        entry.update({k: old[k] for k in ("decision", "reason", "reviewer", "decided_at") if k in old})
        results.setdefault(record["a"]["doc_id"], []).append(entry)
    current = {entry["id"] for group in results.values() for entry in group}
    for doc, group in previous["results"].items():
        for entry in group:
            named = {doc, entry.get("other_doc", doc), *entry.get("documents", ())}
            if entry["id"] not in current and any(map(unread, named)):
                results.setdefault(doc, []).append(entry)
    return {"version": BASELINE_VERSION, "settings": settings, "generated_at": utc_now(), "results": results}


def decisions(records: Iterable[dict[str, Any]], baseline: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The decided baseline entry of each finding that has one, by finding id: its own, or, for a fact whose id
    is new, a decided entry of its kind and subject with all its versions and sources (one written under the id
    an earlier version of checker gave it)."""
    known = entries(baseline)
    earlier = _facts_by_subject(entry for entry in known.values() if entry.get("decision"))
    found = {}
    for record in records:
        entry = known.get(record["id"], {})
        if not (entry.get("decision") and _same_fact(entry, record)):
            entry = _covering(earlier, record) or {}
        if entry:
            found[record["id"]] = entry
    return found


def _same_fact(entry: dict[str, Any], record: dict[str, Any]) -> bool:
    """Whether an entry of a report line's id is of its fact: it shares a source with it (one discrepancy in two
    stories has one id), where both name their sources."""
    if not record.get("fact") or "documents" not in entry:
        return True
    return bool(set(entry["documents"]) & set(_documents(record)))


def _facts_by_subject(found: Iterable[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Entries of facts (with their versions and sources) by kind and subject: what `_covering` looks through."""
    index: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in found:
        if {"kind", "subject", "versions", "documents"} <= entry.keys():
            index.setdefault((entry["kind"], entry["subject"]), []).append(entry)
    return index


def _covering(index: dict[tuple[str, str], list[dict[str, Any]]], record: dict[str, Any]) -> dict[str, Any] | None:
    """An entry of the report line's fact's kind and subject that has all its versions and sources, or None."""
    if not record.get("fact"):
        return None
    versions, documents = set(_versions(record)), set(_documents(record))
    candidates = index.get((record["kind"], record["fact"]["subject"]), ())
    return next((e for e in candidates if versions <= set(e["versions"]) and documents <= set(e["documents"])), None)


def _set_decision(entry: dict[str, Any], decision: str, reason: str, reviewer: str) -> None:
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
    entry.update({"decision": decision, "decided_at": utc_now()})
    entry.update({k: v for k, v in (("reason", reason), ("reviewer", reviewer)) if v})


def decide(baseline: dict[str, Any], finding_id: str, decision: str, reason: str = "", reviewer: str = "") -> None:
    """Record a reviewer's decision on a finding the baseline holds (in place)."""
    entry = entries(baseline).get(finding_id)
    if entry is None:
        raise KeyError(f"finding {finding_id} is not in the baseline")
    _set_decision(entry, decision, reason, reviewer)


def decide_record(
    baseline: dict[str, Any], record: dict[str, Any], decision: str, reason: str = "", reviewer: str = ""
) -> None:
    """Record a decision on a report's finding, adding it when new (in place); nothing undecided is ever added."""
    known = entries(baseline).get(record["id"])
    entry = known if known is not None else {}
    for key, value in entry_for(record).items():  # all of it when new; what an older version's entry lacks
        entry.setdefault(key, value)
    _set_decision(entry, decision, reason, reviewer)
    if known is None:
        baseline["results"].setdefault(record["a"]["doc_id"], []).append(entry)


def holds_back(entry: dict[str, Any]) -> bool:
    """Whether CI leaves this finding out: decided, or recorded on purpose by `checker baseline`."""
    return bool(entry.get("decision")) or entry.get("recorded") == RECORDED


def _held_back(baseline: dict[str, Any]) -> Callable[[dict[str, Any]], bool]:
    """Whether the baseline holds a finding back from CI.

    A fact is held back by its id where it shares a source with the entry (one fact in two stories, "former
    president" against "president" of two people, has one id: the other story's is new), or by an entry
    held back for the same kind and subject whose versions and sources include all of the fact's: an
    article that brought a third version was reviewed with the fact, and once it is deleted or corrected,
    what is left is no new disagreement. A version or a source the entry did not have still fails.
    """
    held = [entry for entry in entries(baseline).values() if holds_back(entry)]
    known = {entry["id"]: entry for entry in held}
    covering = _facts_by_subject(held)

    def held_back(record: dict[str, Any]) -> bool:
        if record["id"] in known and _same_fact(known[record["id"]], record):
            return True
        return _covering(covering, record) is not None

    return held_back


def renamed_documents(baseline: dict[str, Any], renamed: dict[str, str]) -> dict[str, Any]:
    """`baseline` with each fact's sources under their names now (`renamed`: the id now of each document renamed,
    by its id before): an article moved to another folder is the source it was, so what was reviewed with it stays
    reviewed, even where every source of a fact was moved. The file itself is not changed."""
    before_to_now = {before: now for now, before in renamed.items()}
    if not before_to_now:
        return baseline
    results = {
        doc: [
            entry | {"documents": sorted(before_to_now.get(d, d) for d in entry["documents"])}
            if "documents" in entry
            else entry
            for entry in group
        ]
        for doc, group in baseline["results"].items()
    }
    return baseline | {"results": results}


def unreviewed(records: Iterable[dict[str, Any]], baseline: dict[str, Any]) -> list[dict[str, Any]]:
    """Findings the baseline does not hold back: the ones that fail CI."""
    held_back = _held_back(baseline)
    return [r for r in records if not held_back(r)]


def review_states(records: Iterable[dict[str, Any]], baseline: dict[str, Any]) -> dict[str, dict[str, str]]:
    """What the baseline says of each contradiction, by finding id, for a reviewer's page: the decision (with
    who made it, when and why), "in the baseline" where CI holds it back undecided (`checker baseline` recorded
    it, or it is part of a fact reviewed with more versions), else "new": it fails CI."""
    records = list(records)
    held_back, decided = _held_back(baseline), decisions(records, baseline)
    states = {}
    for record in records:
        if record["label"] != "contradict":
            continue
        entry = decided.get(record["id"], {})
        if entry:
            states[record["id"]] = {"state": entry["decision"]} | {
                key: entry[key] for key in ("reviewer", "reason", "decided_at") if entry.get(key)
            }
        else:
            states[record["id"]] = {"state": IN_BASELINE if held_back(record) else NEW}
    return states


def write_baseline(path: Path, baseline: dict[str, Any]) -> None:
    """Write `baseline` with documents and their findings sorted, so the file diffs well under review."""
    results = {
        doc: sorted(group, key=lambda e: (e.get("line", 0), e["id"]))
        for doc, group in sorted(baseline["results"].items())
    }
    data = baseline | {"generated_at": baseline.get("generated_at") or utc_now(), "results": results}
    write_atomic(path, lambda f: f.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"))
