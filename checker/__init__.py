"""checker: cross-source fact-consistency checking for news.

    >>> import checker
    >>> result = checker.check(["seeds/"])
    >>> for fact in result.facts:
    ...     if fact.kind not in result.ignore_kinds:
    ...         print(fact.kind, fact.subject, [(v.value, v.documents) for v in fact.versions], fact.outliers)

`load_corpus` reads articles; `Checker` keeps models loaded across corpora (one check at a time: a call from
another thread waits), with the settings it is given; `CheckResult.records()` gives the report's JSON objects, as
`checker run` writes them. What a caller catches: `ConfigError` (a setting, a label, a kind), `DecisionError` (the
decision file), `ModelError` (the NLI model), `IndexUnavailable` (an index that cannot be opened or locked).
"""

from checker.config import Config, ConfigError, load_config
from checker.corpus import Corpus, load_corpus
from checker.decision import DecisionError
from checker.index import Index, IndexUnavailable
from checker.nli import ModelError
from checker.pipeline import Checker, CheckResult, check
from checker.records import CandidatePair, Claim, Document, Evidence, Finding, NLIScores, Span

__all__ = [
    "CandidatePair",
    "CheckResult",
    "Checker",
    "Claim",
    "Config",
    "ConfigError",
    "Corpus",
    "DecisionError",
    "Document",
    "Evidence",
    "Finding",
    "Index",
    "IndexUnavailable",
    "ModelError",
    "NLIScores",
    "Span",
    "check",
    "load_config",
    "load_corpus",
]
__version__ = "0.1.0"
