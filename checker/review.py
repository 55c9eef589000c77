"""Reviewing a report in the terminal: summary, filters, one finding at a time.

Decisions go to the baseline file CI reads (see checker/baseline.py), in the
manner of `detect-secrets audit`: only undecided findings, "i of N", both
claims in context, one key per decision (no Enter in a terminal), the
reviewer's name with each, saved only when something changed. Only decided
findings are written: the ones skipped or left at quitting still fail CI.
"""

from __future__ import annotations

import getpass
import subprocess
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console
from rich.text import Text

from checker.baseline import decide_record, decisions
from checker.formats import JSONL_LINE, model_reading, place, printable, record_documents, version_lines, when
from checker.html import ArticleTexts, claim_context

KEYS = {"c": "confirmed", "d": "dismissed"}
PROMPT = "[c]onfirm, [d]ismiss, [s]kip, [b]ack, [q]uit"
KEY_HELP = "c confirm, d dismiss, s skip, b back, q quit"
CONTEXT_CHARS = 160


@dataclass(frozen=True)
class Filters:
    label: str | None = None
    kind: str | None = None
    doc: str | None = None
    min_score: float = 0.0
    search: str | None = None
    ids: tuple[str, ...] = ()  # finding ids, or their first characters: one finding a script decides by name

    def keep(self, record: dict[str, Any]) -> bool:
        """Document and text match any source and claim of a fact, not only the pair shown (as the HTML page)."""
        versions = (record.get("fact") or {}).get("versions", [])
        texts = [record["a"]["text"], record["b"]["text"], *(c["text"] for v in versions for c in v["claims"])]
        return (
            (not self.ids or any(record["id"].startswith(i) for i in self.ids))
            and (not self.label or record["label"] == self.label)
            and (not self.kind or record["kind"] == self.kind)
            and (not self.doc or any(self.doc.lower() in d.lower() for d in self._places(record)))
            and record["score"] >= self.min_score
            and (not self.search or any(self.search.lower() in t.lower() for t in texts))
        )

    @staticmethod
    def _places(record: dict[str, Any]) -> set[str]:
        """Every document of a finding, its outlets, and the JSONL file its pair's lines are in: a JSONL corpus's
        findings are listed as `news.jsonl:26`, and `--doc news.jsonl` (or `--doc Reuters`) found none of them."""
        lines = (JSONL_LINE.match(record[side]["path"]) for side in ("a", "b"))
        versions = (record.get("fact") or {}).get("versions", [])
        claims = [record["a"], record["b"], *(c for v in versions for c in v["claims"])]
        outlets = {c["source"] for c in claims if c.get("source")}
        return record_documents(record) | {m["file"] for m in lines if m} | outlets


def summary_lines(records: Sequence[dict[str, Any]]) -> list[str]:
    """How many findings there are by label and kind, and how many each source is in: every source of a fact's
    versions, not only the two of the pair shown (a fact of four pairs counted one pair's two sources)."""
    lines = []
    for title, keys in (
        ("label", lambda r: [r["label"]]),
        ("kind", lambda r: [r["kind"]]),
        ("source", _sources),
    ):
        counts = Counter(key for r in records for key in keys(r))
        lines.append(f"by {title}: " + ", ".join(f"{printable(k)} {n}" for k, n in counts.most_common()))
    return lines


def _sources(record: dict[str, Any]) -> list[str]:
    versions = record["fact"]["versions"] if record.get("fact") else []
    return sorted({record["a"]["doc_id"], record["b"]["doc_id"], *(d for v in versions for d in v["documents"])})


def one_line(text: str) -> str:
    """Article text as one printable line: its line breaks are spaces, so no line of it reaches a log alone."""
    return printable(text.replace("\r\n", " ").replace("\n", " "))


def claim_view(record: dict[str, Any], side: str, texts: ArticleTexts) -> Text:
    context = claim_context(record[side], texts, CONTEXT_CHARS)
    claim = record[side]
    about = [place(claim), claim.get("source", ""), when(claim.get("published", ""))]
    text = Text(printable(" · ".join(a for a in about if a)) + "\n", style="bold")
    text.append(one_line(context["before"]))
    text.append(one_line(context["claim"]), style="black on yellow")
    text.append(one_line(context["after"]))
    return text


def show(console: Console, record: dict[str, Any], position: str, texts: ArticleTexts) -> None:
    console.rule(f"{position}  {record['label']} · {record['kind']} · score {record['score']:.2f} · {record['id']}")
    if record.get("fact"):
        lines = version_lines(record, console.width)
        console.print("\n".join(line.removeprefix("  ") for line in lines), markup=False, highlight=False)
        console.print()
    console.print(claim_view(record, "a", texts))
    console.print()
    console.print(claim_view(record, "b", texts))
    if record["label"] == "contradict" and record["kind"] == "nli":
        console.print(printable(model_reading(record)), markup=False)  # it quotes the words the claims differ in
    for evidence in record["evidence"]:
        stance = "contradicts" if evidence["contradicts"] else "agrees"
        console.print(f"evidence ({stance}): {evidence['kind']}: {printable(evidence['message'])}", markup=False)


def default_reviewer() -> str:
    """Who is reviewing, for the record: `git config user.name`, else the login name, else ""."""
    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    try:
        return name or getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment or the password database
        return ""


def terminal_key(prompt: str) -> str:
    """One key press, no Enter (stdin is a terminal); "q" on Ctrl-D. Ctrl-C goes up: the review saves the
    decisions made and exits 130, as an interrupted command does."""
    typer.echo(f"{prompt}: ", nl=False)
    try:
        key = typer.getchar()
    except EOFError:
        key = "q"
    typer.echo(key if key.isprintable() else "")
    return key


def next_key(ask: Callable[[str], str], console: Console) -> tuple[str, str]:
    """A valid key from `ask`, and what follows it on the line (a reason, when keys come a line each); anything
    else is named with the keys there are, and asked again."""
    while True:
        line = ask(PROMPT).strip()
        key, rest = line[:1].lower(), line[1:].strip()
        if key in {*KEYS, "s", "b", "q"}:
            return key, rest
        console.print(f"unknown key {key!r}: {KEY_HELP}", markup=False)


def undecided(records: Sequence[dict[str, Any]], baseline: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings a review asks about: those the baseline holds no decision for."""
    decided = decisions(records, baseline)
    return [r for r in records if r["id"] not in decided]


def audit(
    records: Sequence[dict[str, Any]],
    baseline: dict[str, Any],
    console: Console,
    ask: Callable[[str], str],
    reviewer: str = "",
    read_key: Callable[[str], str] | None = None,
    reasons_inline: bool = False,
    texts: ArticleTexts | None = None,
) -> bool:
    """Decide the undecided findings one at a time; True when the baseline changed.

    `ask` reads a line (the reason); `read_key` one key (default: a line from `ask`). With `reasons_inline` (keys
    piped in, a line each: "d toll update") a key's reason is the rest of its line, and no line is read for it:
    a script piping "d", "d", "c" had its second "d" read as the first one's reason.
    """
    todo = undecided(records, baseline)
    texts = texts or ArticleTexts()
    changed, i = False, 0
    while 0 <= i < len(todo):
        show(console, todo[i], f"{i + 1} of {len(todo)}", texts)
        key, rest = next_key(read_key or ask, console)
        if key == "q":
            break
        if key == "b":
            i = max(i - 1, 0)
            continue
        if key in KEYS:
            reason = rest if reasons_inline else ask("reason (optional)").strip()
            decide_record(baseline, todo[i], KEYS[key], reason=reason, reviewer=reviewer)
            changed = True
        i += 1
    return changed
