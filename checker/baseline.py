"""The baseline of reviewed findings, after detect-secrets' `.secrets.baseline`.

JSON with `version`, the settings that produced it, `generated_at` and
`results` grouped by document and sorted. A finding's identity is its stable
id (kinds, document ids and normalized claim texts; no line numbers), so an
edit elsewhere in an article keeps it. Updating carries earlier decisions
over, adds new findings undecided and drops findings that are gone. CI fails
only on contradictions that are not in the baseline; dismissed ones never fail.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.report import write_atomic

BASELINE_VERSION = 1
DECISIONS = ("confirmed", "dismissed")
DEFAULT_BASELINE = Path(".checker-baseline.json")


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names it."""


def utc_now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_baseline(path: Path) -> dict[str, Any]:
    """The baseline at `path`, or an empty one when the file does not exist."""
    if not path.exists():
        return {"version": BASELINE_VERSION, "settings": {}, "generated_at": None, "results": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a readable baseline ({exc})") from exc
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(data.get("results"), dict)
    ):
        raise BaselineError(f"{path}: not a checker baseline of version {BASELINE_VERSION}")
    return data


def entries(baseline: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Finding id → baseline entry."""
    return {entry["id"]: entry for group in baseline["results"].values() for entry in group}


def entry_for(record: dict[str, Any]) -> dict[str, Any]:
    return {
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


def update_baseline(
    previous: dict[str, Any], records: Iterable[dict[str, Any]], settings: dict[str, Any]
) -> dict[str, Any]:
    """A baseline of `records`, keeping the decisions `previous` holds for the same ids."""
    decided = entries(previous)
    results: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        entry = entry_for(record)
        old = decided.get(entry["id"], {})
        entry.update({k: old[k] for k in ("decision", "reason", "reviewer", "decided_at") if k in old})
        results.setdefault(record["a"]["doc_id"], []).append(entry)
    return {
        "version": BASELINE_VERSION,
        "settings": settings,
        "generated_at": utc_now(),
        "results": {doc: sorted(group, key=lambda e: (e["line"], e["id"])) for doc, group in sorted(results.items())},
    }


def decide(baseline: dict[str, Any], finding_id: str, decision: str, reason: str = "", reviewer: str = "") -> None:
    """Record a reviewer's decision on one finding (in place)."""
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
    entry = entries(baseline).get(finding_id)
    if entry is None:
        raise KeyError(f"finding {finding_id} is not in the baseline")
    entry.update({"decision": decision, "decided_at": utc_now()})
    entry.update({k: v for k, v in (("reason", reason), ("reviewer", reviewer)) if v})


def add_records(baseline: dict[str, Any], records: Iterable[dict[str, Any]]) -> None:
    """Put findings that are not yet in the baseline into it, undecided (in place)."""
    known = entries(baseline)
    for record in records:
        if record["id"] not in known:
            baseline["results"].setdefault(record["a"]["doc_id"], []).append(entry_for(record))


def unreviewed(records: Iterable[dict[str, Any]], baseline: dict[str, Any]) -> list[dict[str, Any]]:
    """Findings the baseline does not know: the ones that fail CI."""
    known = entries(baseline)
    return [r for r in records if r["id"] not in known]


def write_baseline(path: Path, baseline: dict[str, Any]) -> None:
    baseline["generated_at"] = baseline.get("generated_at") or utc_now()
    write_atomic(path, lambda f: f.write(json.dumps(baseline, indent=2, sort_keys=True, ensure_ascii=False) + "\n"))
