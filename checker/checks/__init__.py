"""Structured checks: where sentence-level NLI is weak, compare values directly.

Every module of this package that defines a `Check` subclass with a `kind`
adds that kind: `registry()` finds it (as detect-secrets finds its plugins),
and the pipeline, the settings, the report schema, the output formats and the
CLI help are all built from the registry. See `checker/checks/base.py`.
"""

from __future__ import annotations

import copy
import functools
import importlib
import pkgutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.checks.base import Check, CheckSetting, Readings, decode, encode
from checker.records import CandidatePair, Claim, Evidence

NLI_KIND = "nli"
NLI_RULE = "The NLI model reads the two claims as contradicting each other."


@dataclass(frozen=True)
class Registry:
    """The kinds of check, in the order they run."""

    checks: tuple[type[Check], ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(c.kind for c in self.checks)

    @property
    def finding_kinds(self) -> tuple[str, ...]:
        """What can decide a finding's label: the model, or a check."""
        return (NLI_KIND, *self.kinds)

    def rules(self) -> dict[str, str]:
        return {NLI_KIND: NLI_RULE} | {c.kind: c.rule for c in self.checks}

    def side_swaps(self) -> dict[str, str]:
        """Keys that name a side, both ways round: a→b, a_office→b_office, ..."""
        swaps = {"a": "b", "a_to_b": "b_to_a"}
        for check in self.checks:
            swaps |= check.side_swaps
        return swaps | {v: k for k, v in swaps.items()}

    def defaults(self) -> dict[str, dict[str, float]]:
        return {c.kind: {s.name: s.default for s in c.settings} for c in self.checks}

    def settings(self, values: Any) -> dict[str, dict[str, float]]:
        """Every check's settings: the defaults with `values` ({kind: {name: value}}) over them, each checked."""
        if not isinstance(values, Mapping):
            raise ValueError(f"expected a table of check kinds, got {values!r}")
        unknown = set(values) - set(self.kinds)
        if unknown:
            raise ValueError(f"unknown check kind(s) {', '.join(sorted(unknown))}; choose from {', '.join(self.kinds)}")
        result = self.defaults()
        for check in self.checks:
            given = values.get(check.kind, {})
            if not isinstance(given, Mapping):
                raise ValueError(f"{check.kind}: expected a table of settings, got {given!r}")
            declared = {s.name: s for s in check.settings}
            for name, value in given.items():
                if name not in declared:
                    choices = ", ".join(declared) or "none"
                    raise ValueError(f"{check.kind}: unknown setting {name} (settings: {choices})")
                try:
                    result[check.kind][name] = declared[name].validate(value)
                except ValueError as exc:
                    raise ValueError(f"{check.kind}.{name}: {exc}") from exc
        return result

    def configured(self, settings: Mapping[str, Mapping[str, float]] | None = None) -> tuple[Check, ...]:
        """One instance of each check, with its settings."""
        settings = settings or {}
        return tuple(c(**settings.get(c.kind, {})) for c in self.checks)

    def evidence_schema(self) -> list[dict[str, Any]]:
        """The report schema's per-kind evidence rules (`allOf` of `evidence.items`)."""
        return [
            {"if": {"properties": {"kind": {"const": c.kind}}}, "then": copy.deepcopy(c.evidence)}
            for c in self.checks
            if c.evidence
        ]

    def check(self, kind: str) -> type[Check] | None:
        return next((c for c in self.checks if c.kind == kind), None)


def discover(modules: Iterable[str] | None = None) -> Registry:
    """The checks defined in this package's modules (or in `modules`), by their `order`, then kind."""
    if modules is None:
        modules = [f"{__name__}.{m.name}" for m in pkgutil.iter_modules(__path__)]
    found = []
    for name in modules:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Check)
                and value.__module__ == name
                and "kind" in vars(value)
            ):
                found.append(value)
    kinds = [c.kind for c in found]
    repeated = {k for k in kinds if kinds.count(k) > 1}
    if repeated or NLI_KIND in kinds:
        raise RuntimeError(f"check kind(s) defined twice: {', '.join(sorted(repeated | ({NLI_KIND} & set(kinds))))}")
    return Registry(tuple(sorted(found, key=lambda c: (c.order, c.kind))))


@functools.cache
def registry() -> Registry:
    """The checks that ship with checker, found once per process."""
    return discover()


def annotate(claim: Claim, tokens: Any, checks: Sequence[Check]) -> Claim:
    """The claim with every check's annotation (`tokens`: the claim's spaCy span in its parsed line).

    Each annotation is kept as the index and a parsing child's pipe give it back (`decode(encode(...))`), the
    words of its collections interned: the same in whichever process parsed the claim, each such word held once.
    """
    from dataclasses import replace

    return replace(claim, annotations={c.kind: decode(encode(c.annotate(claim, tokens)), c.annotation) for c in checks})


def run_checks(pair: CandidatePair, checks: Sequence[Check], readings: Readings | None = None) -> list[Evidence]:
    """Every check's evidence on the pair; `readings`: the model's reading of the checks' `model_inputs`."""
    found = (
        check.compare_all(pair.a, pair.b, pair.similarity, readings) if check.reads_model
        else check.compare_all(pair.a, pair.b, pair.similarity)
        for check in checks
    )  # fmt: skip
    return [e for evidence in found for e in evidence]


def model_inputs(pairs: Iterable[CandidatePair], checks: Sequence[Check]) -> list[tuple[str, str]]:
    """The texts the checks that read the model need it to read for these pairs, each once, in a stable order."""
    wanted = (i for pair in pairs for check in checks if check.reads_model for i in check.model_inputs(pair.a, pair.b))
    return list(dict.fromkeys(wanted))


__all__ = [
    "Check",
    "CheckSetting",
    "Readings",
    "Registry",
    "annotate",
    "discover",
    "model_inputs",
    "registry",
    "run_checks",
]
