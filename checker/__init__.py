"""checker: cross-source fact-consistency checking for news.

    >>> import checker
    >>> result = checker.check(["seeds/"])
    >>> for fact in result.facts:
    ...     if fact.kind not in result.ignore_kinds:
    ...         print(fact.kind, fact.subject, [(v.value, v.documents) for v in fact.versions], fact.outliers)

`load_corpus` reads articles; `Checker` keeps models loaded across corpora;
`CheckResult.records()` gives the report's JSON objects, as `checker run` writes them.
"""

from checker.config import Config, load_config
from checker.corpus import Corpus, load_corpus
from checker.pipeline import Checker, CheckResult, check
from checker.records import CandidatePair, Claim, Document, Evidence, Finding, NLIScores, Span

__all__ = [
    "CandidatePair",
    "CheckResult",
    "Checker",
    "Claim",
    "Config",
    "Corpus",
    "Document",
    "Evidence",
    "Finding",
    "NLIScores",
    "Span",
    "check",
    "load_config",
    "load_corpus",
]
__version__ = "0.1.0"
