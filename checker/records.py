"""Typed records passed between the pipeline stages.

Like spaCy's `Doc`/`Span`, every piece of text a later stage sees keeps its
provenance: a document id and a character span into the document's original
text, so any finding can be traced and highlighted in the source.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Label = Literal["agree", "contradict", "unrelated"]
NLI_LABELS = ("entailment", "neutral", "contradiction")


LINE_END = re.compile(r"\r\n|\r|\n")  # where a line of a file ends, as `Document.line_of` counts them


def line_starts(raw: str) -> tuple[int, ...]:
    """Where each line of a file (or a record's text) starts: `Document.source_lines`."""
    return (0, *(end.end() for end in LINE_END.finditer(raw)))


def interned(strings: Iterable[str]) -> tuple[str, ...]:
    """The strings as a tuple, each held once per process (`sys.intern`): a claim's names and settings recur in
    claim after claim, and a corpus's claims stay in memory for the whole run (issue #18)."""
    return tuple(map(sys.intern, strings))


def content_hash(*parts: str, length: int = 16) -> str:
    """Stable id from text content, identical on every machine."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def version_key(value: str) -> str:
    """A fact's version as the fact's id and the baseline read it: case and spacing make no new version."""
    return " ".join(value.lower().split())


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range [start, end) into a document's `text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")


class MainText(NamedTuple):
    """The title and text of a file with markup (an HTML page, a Markdown article), where each character of the
    text starts and ends in the file, and what the file says of itself (`published`, `source`, `url`)."""

    title: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    meta: dict[str, str | int | float]


@dataclass(frozen=True, slots=True)
class Document:
    """One source article: its original text and the spans kept after cleaning.

    `text` is the decoded file (or JSONL field) exactly as read; for HTML and Markdown it is
    the extracted main text, `source_offsets` and `source_ends` map it back into the raw file and
    `source_lines` holds where each line of the raw file starts, so that lines
    and columns name the place in the file a reader opens, not in the text.
    """

    id: str
    text: str
    path: str
    kept: tuple[Span, ...]
    source: str = ""
    title: str = ""
    published: str = ""
    url: str = ""
    source_offsets: tuple[tuple[int, int], ...] = ()  # (text offset, file offset) where a run of text starts
    source_ends: tuple[tuple[int, int], ...] = ()  # (text offset, file offset its character ends at), as runs
    source_lines: tuple[int, ...] = ()

    @property
    def file(self) -> str:
        """The file the document came from (a JSONL record's `path` ends in ':LINE')."""
        head, _, tail = self.path.rpartition(":")
        return head if tail.isascii() and tail.isdigit() and head.lower().endswith(".jsonl") else self.path

    def file_offset(self, offset: int, end: bool = False) -> int:
        """Offset in the file the document was read from (differs from `offset` only for HTML, Markdown and a feed's
        HTML text, whose markup is no text); `end`: of the
        offset just past a span, taken just past its last character there ("&rdquo;" whole; the text's next
        character may stand lines further on, past the markup between them)."""
        if not self.source_offsets:
            return offset
        if end and offset:  # a document made without `source_ends` (by an older checker): one raw character on
            return _mapped(self.source_ends, offset - 1) if self.source_ends else self.file_offset(offset - 1) + 1
        return _mapped(self.source_offsets, offset)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset in `text`; a line ends in "\\n", "\\r\\n" or a lone "\\r"
        (old Mac files)."""
        text = self.text
        return text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset) + 1

    def column_of(self, offset: int) -> int:
        """1-based column (in code points) of a character offset in `text`."""
        return offset - max(self.text.rfind("\n", 0, offset), self.text.rfind("\r", 0, offset))

    def place_in_file(self, offset: int, end: bool = False) -> tuple[int, int]:
        """1-based line and column of a character offset where a reader opening the file finds it: in the raw
        HTML for a page, else as in `text` (`end`: as `file_offset`'s)."""
        if not self.source_lines:
            return self.line_of(offset), self.column_of(offset)
        place = self.file_offset(offset, end)
        line = bisect.bisect_right(self.source_lines, place)
        return line, place - self.source_lines[line - 1] + 1


def _mapped(runs: tuple[tuple[int, int], ...], offset: int) -> int:
    """The file offset `runs` (pairs of a text offset and a file offset, where a run of consecutive ones starts)
    give a text offset."""
    text_start, file_start = runs[bisect.bisect_right(runs, offset, key=_first) - 1]
    return file_start + (offset - text_start)


def _first(pair: tuple[int, int]) -> int:
    return pair[0]


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """An input that could not be read, with the reason shown to the user.

    `inputs`: how many inputs the one warning stands for ("12 files of other
    types not read" is one line, twelve inputs), so a run's count of skipped
    inputs is what was left out, not how many lines said so. `on_purpose`: no
    article to check (a draft, a site's section page or template, an article in
    another language, a version a later one replaces), not one that could not be
    read: `checker ci` does not fail on it.
    """

    path: str
    reason: str
    inputs: int = 1
    on_purpose: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement: a span of a document plus a self-contained form.

    `text` is the original wording (document.text[span]); `standalone` is what
    the model reads, with pronouns and relative dates resolved where possible.
    """

    doc_id: str
    span: Span
    text: str
    sentence_span: Span
    line: int
    standalone: str
    entities: tuple[str, ...] = ()
    # Organisations, events and facilities the claim is set in ("the General
    # Assembly"): its own, or the previous sentence's when it names none (`setting_from_before`).
    setting: tuple[str, ...] = ()
    setting_from_before: bool = False
    # Organisations that only report the claim ("according to the Interior Ministry"): they tell
    # two claims' figures apart only where neither names a setting of its own (ONS or Eurostat inflation).
    reported_by: tuple[str, ...] = ()
    # When the claim's document was published (ISO 8601, with its time where known; "" when unknown): the week
    # its weekdays fall in, and which of two articles of one day came first.
    published: str = ""
    # What each structured check found in the claim, by kind (checker/checks/): filled once when the
    # claim is extracted and stored with it in the index, so no check reads the text again per pair.
    annotations: dict[str, Any] = field(default_factory=dict, hash=False, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CandidatePair:
    """Two claims from different documents that may be about the same thing."""

    a: Claim
    b: Claim
    similarity: float

    @property
    def a_first(self) -> bool:
        """Whether `a` is the first NLI premise: the longer claim is the one that can entail the other."""
        return len(self.a.standalone) >= len(self.b.standalone)


@dataclass(frozen=True, slots=True)
class NLIScores:
    """Probabilities over NLI_LABELS for a→b (a premise) and b→a.

    One direction is None where it was not scored: the pipeline reads the
    second direction only where it could change the verdict.
    """

    forward: tuple[float, float, float] | None
    backward: tuple[float, float, float] | None

    @classmethod
    def in_pair_order(cls, pair: CandidatePair, first, second) -> NLIScores:
        """Scores from the first direction scored (see `CandidatePair.a_first`) and the second (or None)."""
        return cls(first, second) if pair.a_first else cls(second, first)

    def directions(self) -> list[tuple[float, float, float]]:
        return [p for p in (self.forward, self.backward) if p is not None]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a structured check found: its kind and the fields that show it."""

    kind: str
    contradicts: bool
    detail: dict[str, Any] = field(default_factory=dict)
    message: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One verdict on one claim pair, as written to the report."""

    label: Label
    kind: str
    score: float
    pair: CandidatePair
    nli: NLIScores | None
    evidence: tuple[Evidence, ...]
    model: str
    model_hash: str

    @property
    def id(self) -> str:
        """Identity without line numbers or offsets, so edits elsewhere keep it."""
        a, b = sorted(
            [
                (self.pair.a.doc_id, " ".join(self.pair.a.text.lower().split())),
                (self.pair.b.doc_id, " ".join(self.pair.b.text.lower().split())),
            ]
        )
        return content_hash(self.kind, *a, *b)


REPORT_LINE_KEYS = frozenset({"schema_version", "id", "label", "a", "b"})


def is_report_line(record: object) -> bool:
    """Whether a parsed JSON line is one of checker's findings: a report's line, not an article."""
    return isinstance(record, dict) and record.keys() >= REPORT_LINE_KEYS
