"""What a structured check is: one class per kind, found in its own file under `checker/checks/`.

A check has two halves, as a spaCy component and the stages that read its
annotations. `annotate` runs once per claim, when the claim is extracted, and
its result is stored with the claim in the index (`Claim.annotations[kind]`).
`compare` runs per candidate pair and reads the two annotations only, never
the claim's text again. Everything else the rest of checker needs to know
about a kind (its rule text, its settings, the keys it pairs claims by, the
evidence it writes and how to swap its sides, how its findings form facts) is
declared on the class, so adding a kind is adding one file.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from checker.records import Claim, Evidence
from checker.sources import time_span

Side = typing.Literal["a", "b"]
# The NLI model's probabilities (entailment, neutral, contradiction) of the (premise, hypothesis) texts a check
# asked for (`Check.model_inputs`), read once per run with the pair's own NLI.
Readings = Mapping[tuple[str, str], Sequence[float]]
VERSUS = " vs "  # between the two sides' versions in a contradicting message: "18 votes vs 4 votes against"
NO_HEAD = re.compile("")  # the `versus_head` of messages that start with the first side


@dataclass(frozen=True)
class CheckSetting:
    """A threshold a check reads, with how its default was chosen; `[tool.checker.checks.<kind>]` changes it."""

    name: str
    default: float
    doc: str
    low: float = -1.0
    high: float = 1.0

    def validate(self, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not self.low <= value <= self.high:
            raise ValueError(f"expected a number from {self.low:g} to {self.high:g}, got {value!r}")
        return float(value)


class Explainer(Protocol):
    """Document-wide knowledge that can explain a discrepancy away (two votes, two offices)."""

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool: ...


def plain_version(detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
    """A side's value as the evidence gives it under `a` / `b`: what compares and what a reader sees."""
    value = detail.get(side)
    if isinstance(value, dict):
        return value.get("value"), str(value.get("text"))
    if isinstance(value, list):
        return tuple(value), ", ".join(map(str, value))
    return value, str(value)


class Check:
    """Base of every structured check; subclasses set the class attributes and the two methods.

    kind: the finding kind, as reports, `ignore_kinds` and `--ignore-kind` name it.
    rule: one sentence saying what a finding of this kind means (SARIF rules, output formats).
    order: checks run in this order; the first contradicting evidence names the finding's kind.
    annotation: the type `annotate` returns, so the index can store and read it back.
    settings: thresholds, registered into the one Config (`[tool.checker.checks.<kind>]`).
    evidence: JSON schema of the evidence `detail` this check writes (the report schema is built from it).
    side_swaps: detail keys that name a side, swapped when a record is turned round.
    versus_head: where this check's contradicting messages name the two sides as "<head>a vs b" (each part
        of a message joined by "; "), what comes before them ("" for none), so a record turned round reads
        "b vs a"; None where its messages name no sides in that order.
    whole_subject: the fact subject alone names one fact in a story (a person's office, a quote);
        otherwise pairs join into facts by the claims they share.
    fact_of_its_own: what this check finds differing is a fact of its own also where another check's evidence
        decides the pair (the day of an event, beside its toll); otherwise it is that fact's evidence only.
    reads_model: the check asks the NLI model to read texts of the pair (`model_inputs`), and `compare` takes
        the readings as a fourth argument.
    """

    kind: ClassVar[str]
    rule: ClassVar[str]
    order: ClassVar[int] = 100
    annotation: ClassVar[Any]
    settings: ClassVar[tuple[CheckSetting, ...]] = ()
    evidence: ClassVar[dict[str, Any]] = {}
    side_swaps: ClassVar[dict[str, str]] = {}
    versus_head: ClassVar[re.Pattern[str] | None] = None
    whole_subject: ClassVar[bool] = False
    fact_of_its_own: ClassVar[bool] = False
    reads_model: ClassVar[bool] = False

    def __init__(self, **values: float) -> None:
        known = {s.name: s.default for s in self.settings}
        self.values = known | values

    def setting(self, name: str) -> float:
        return self.values[name]

    def annotate(self, claim: Claim, tokens: Any) -> Any:
        """What this check needs of one claim, from the claim and its tokens (a spaCy span of its parsed line)."""
        raise NotImplementedError

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        """Evidence from the two claims' annotations, or None when this check has nothing to say."""
        raise NotImplementedError

    @classmethod
    def makes_a_fact_in(cls, kind: str) -> bool:
        """Whether this check's contradicting evidence puts a pair of `kind` in a fact of its own: its own kind's
        (each subject), or beside another's where it finds a fact of its own (`fact_of_its_own`: a day beside a
        toll). A list and a person differing by one name are one discrepancy, seen twice."""
        return cls.kind == kind or cls.fact_of_its_own

    def compare_all(self, a: Claim, b: Claim, similarity: float, *readings: Any) -> list[Evidence]:
        """Every discrepancy this check finds in the pair, one evidence for each fact it is about, the one that
        decides the pair first; else its agreement, if any. One sentence may give a toll and a count of homes, each
        told otherwise by the other: two facts, where `compare` gives the first. By default, `compare`'s evidence.
        """
        found = self.compare(a, b, similarity, *readings)
        return [] if found is None else [found]

    def agreements(self, a: Claim, b: Claim, similarity: float) -> list[Evidence]:
        """Every agreement this check finds in the pair where it finds no discrepancy, one for each thing the two
        give alike (`checker.facts` counts each one's sources); by default, `compare_all`'s agreement."""
        return [e for e in self.compare_all(a, b, similarity) if not e.contradicts]

    def model_inputs(self, a: Claim, b: Claim) -> list[tuple[str, str]]:
        """(premise, hypothesis) texts the NLI model must read for `compare` to judge the pair (`reads_model`)."""
        return []

    def pairing_keys(self, claim: Claim) -> set[str]:
        """Keys that pair two claims however unalike their wording (the same person's office)."""
        return set()

    def explainer(self, claims: Sequence[Claim]) -> Explainer | None:
        """Document-wide knowledge that explains some of this check's discrepancies away."""
        return None

    def subject(self, detail: Mapping[str, Any]) -> str:
        """What a contradiction of this kind is about, for grouping pairs into facts."""
        return ""

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """One side's version of the fact: (the key that compares, the text a reader sees)."""
        return plain_version(detail, side)

    def refines(self, key: Any, finer: Any) -> bool:
        """Whether version key `finer` says what `key` says, and more: one source's "Monday" (no date of
        publication to anchor it) and another's "Monday (2026-11-16)". A fact's version given less precisely joins
        the one version that refines it, so its source counts for that value. None by default."""
        return False

    @classmethod
    def tells_one_statement(cls, evidence: Evidence) -> bool:
        """Whether this check's `evidence` says the two claims tell one statement (one quote of one speaker, in
        sentences alike but for how each describes the speaker), so a contradiction the model reads between them
        reads what each says of the speaker, not the statement. False by default."""
        return False

    @classmethod
    def updated_in_time(cls, subject: str) -> bool:
        """Whether a later report may update what a fact of this subject compares (a toll rises, a denial becomes
        a confirmation), so versions that follow the order of publication are shown as a possible update. An
        office, a past day or a list of mediators is not updated within a story: a version that differs is a
        slip."""
        return False

    @classmethod
    def may_update(cls, subject: str, keys: Sequence[Any]) -> bool:
        """Whether version keys, in the order of publication, can be one value updated (`updated_in_time` says
        whether the subject is updated at all): a death toll that falls is a slip, or a correction that says
        so, not the toll rising as the day goes on. True by default."""
        return True

    @classmethod
    def moves_one_way(cls, keys: Sequence[Any]) -> bool:
        """Whether version keys, in the order of publication, move one way as an update would (a count that only
        rises): three sources of one version each, a day apart, are then an update told three times, not three
        slips in an order that chance gave. False by default."""
        return False

    @classmethod
    def turned(cls, message: str) -> str:
        """A contradicting message with its sides turned round ("18 vs 4 votes against" → "4 votes against vs 18"),
        as the record it is in; unchanged where the check's messages do not name the sides so (`versus_head`)."""
        parts = [_turned(part, cls.versus_head) for part in message.split("; ")] if cls.versus_head else [None]
        return message if None in parts else "; ".join(parts)

    def mine(self, claim: Claim) -> Any:
        """This check's annotation of a claim (annotated when the claim was extracted)."""
        return claim.annotations[self.kind]


def versus(a: str, b: str) -> str:
    """A contradicting message naming side a's version, then b's: `Check.turned` turns it round."""
    return f"{a}{VERSUS}{b}"


def _turned(part: str, head: re.Pattern[str]) -> str | None:
    """ "<head>a vs b" → "<head>b vs a"; None for a part of any other form (the message is then left as it is)."""
    start = head.match(part)
    sides = part[start.end() :].split(VERSUS) if start else []
    return part[: start.end()] + VERSUS.join(reversed(sides)) if len(sides) == 2 else None


def encode(value: Any) -> Any:
    """An annotation as JSON: dataclasses and named tuples as objects, sets as sorted lists."""
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: encode(getattr(value, name)) for name in value._fields}
    if isinstance(value, set | frozenset):
        return sorted(encode(v) for v in value)
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def decode(data: Any, kind: Any) -> Any:
    """`encode`'s output read back as `kind` (a type hint: dataclass, named tuple, tuple[...], frozenset[...])."""
    return decoder(kind)(data)


@functools.cache
def decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that reads `encode`'s output back as `kind`, built once per type.

    An index holds tens of thousands of annotations; reading the type hints
    for each of them took most of the time of a CI run with one new article.
    """
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        inner = decoder(next(a for a in args if a is not type(None)))
        return inner if inner is _as_stored else lambda data: None if data is None else inner(data)
    if isinstance(kind, type) and (dataclasses.is_dataclass(kind) or hasattr(kind, "_fields")):
        hints = typing.get_type_hints(kind).items()
        # only fields stored as something else are converted: most are numbers and strings, read as stored
        converted = {name: read for name, hint in hints if (read := decoder(hint)) is not _as_stored}
        return lambda data: kind(**{**data, **{n: read(data[n]) for n, read in converted.items() if n in data}})
    if origin in (tuple, list):
        of_one_kind = len(args) == 1 or args[1:] == (Ellipsis,)  # list[X], tuple[X, ...]
        item = _item_decoder(args[0]) if of_one_kind else decoder(args[0] if args else Any)
        container = tuple if origin is tuple else list
        return container if item is _as_stored else lambda data: container([item(v) for v in data])
    if origin is frozenset:
        item = _item_decoder(args[0])
        return lambda data: frozenset(map(item, data)) if data else NO_ITEMS
    if origin is set:
        item = _item_decoder(args[0])
        return set if item is _as_stored else lambda data: set(map(item, data))
    if origin is dict:
        value = decoder(args[1])
        return lambda data: {k: value(v) for k, v in data.items()}
    return _as_stored


# The empty frozenset every annotation holds: each new one takes 216 bytes, and a quantity has four sets of words
# (its context, its moment, its statistic, its places), most of them empty.
NO_ITEMS: frozenset = frozenset()


def _as_stored(data: Any) -> Any:
    return data


def _item_decoder(kind: Any) -> Callable[[Any], Any]:
    """How a collection's items are read: strings interned, others by `decoder`.

    A claim's words (its figures' neighbours, its event words, its names) recur
    in claim after claim, and a corpus's claims stay in memory for the whole
    run: held once each (with the empty frozenset shared), a claim of the
    FNC-1 bodies took 1.9 KB less (issue #18; `benchmarks/RESULTS.md`, session 46).
    """
    return sys.intern if kind is str else decoder(kind)


def published_before(a: Claim, b: Claim) -> bool:
    """`a`'s article was out before `b`'s began to be (both times known)."""
    x, y = time_span(a.published), time_span(b.published)
    return x is not None and y is not None and x[1] <= y[0]
