"""Reviewing a report in the terminal: summary, filters, one finding at a time.

Decisions go to the baseline file CI reads (see checker/baseline.py), in the
manner of `detect-secrets audit`: only undecided findings, "i of N", both
claims in context, one key per decision, saved only when something changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.text import Text

from checker.baseline import add_records, decide, entries
from checker.html import claim_context

KEYS = {"c": "confirmed", "d": "dismissed"}
CONTEXT_CHARS = 160


@dataclass(frozen=True)
class Filters:
    label: str | None = None
    kind: str | None = None
    doc: str | None = None
    min_score: float = 0.0
    search: str | None = None

    def keep(self, record: dict[str, Any]) -> bool:
        docs = f"{record['a']['doc_id']} {record['b']['doc_id']}".lower()
        texts = f"{record['a']['text']} {record['b']['text']}".lower()
        return (
            (not self.label or record["label"] == self.label)
            and (not self.kind or record["kind"] == self.kind)
            and (not self.doc or self.doc.lower() in docs)
            and record["score"] >= self.min_score
            and (not self.search or self.search.lower() in texts)
        )


def summary_lines(records: Sequence[dict[str, Any]]) -> list[str]:
    lines = []
    for title, key in (
        ("label", lambda r: r["label"]),
        ("kind", lambda r: r["kind"]),
        ("sources", lambda r: " ~ ".join(sorted((r["a"]["doc_id"], r["b"]["doc_id"])))),
    ):
        counts = Counter(key(r) for r in records)
        lines.append(f"by {title}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
    return lines


def claim_view(record: dict[str, Any], side: str, texts: dict) -> Text:
    context = claim_context(record[side], texts)
    claim = record[side]
    text = Text(f"{claim['doc_id']}:{claim['line']}\n", style="bold")
    text.append("…" + context["before"][-CONTEXT_CHARS:] if context["before"] else "")
    text.append(context["claim"], style="black on yellow")
    text.append(context["after"][:CONTEXT_CHARS] + "…" if context["after"] else "")
    return text


def show(console: Console, record: dict[str, Any], position: str, texts: dict) -> None:
    console.rule(f"{position}  {record['label']} · {record['kind']} · score {record['score']:.2f} · {record['id']}")
    console.print(claim_view(record, "a", texts))
    console.print()
    console.print(claim_view(record, "b", texts))
    for evidence in record["evidence"]:
        console.print(f"evidence: {evidence['kind']}: {evidence['message']}", markup=False)


def audit(
    records: Sequence[dict[str, Any]],
    baseline: dict[str, Any],
    console: Console,
    ask: Callable[[str], str],
) -> bool:
    """Decide the undecided findings one at a time; True when the baseline changed."""
    add_records(baseline, records)
    known = entries(baseline)
    todo = [r for r in records if not known[r["id"]].get("decision")]
    texts: dict = {}
    changed, i = False, 0
    while 0 <= i < len(todo):
        show(console, todo[i], f"{i + 1} of {len(todo)}", texts)
        key = ask("[c]onfirm, [d]ismiss, [s]kip, [b]ack, [q]uit").strip().lower()[:1]
        if key == "q":
            break
        if key == "b":
            i = max(i - 1, 0)
            continue
        if key in KEYS:
            reason = ask("reason (optional)").strip()
            decide(baseline, todo[i]["id"], KEYS[key], reason=reason)
            changed = True
        i += 1
    return changed
