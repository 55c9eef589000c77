"""Structured checks: where sentence-level NLI is weak, compare values directly.

Each check takes two claims already paired as being about the same thing and
returns `Evidence` (agreeing or contradicting) or None when it has nothing to
say. Same-looking values about different things must give None.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.checks.dates import check_dates
from checker.checks.denials import check_denials
from checker.checks.entity_sets import check_entity_sets
from checker.checks.numbers import check_numbers
from checker.checks.quotes import check_quotes
from checker.checks.titles import check_titles
from checker.records import CandidatePair, Claim, Evidence

# A check gets both claims and their embedding cosine; each decides how similar is similar enough.
Check = Callable[[Claim, Claim, float], Evidence | None]
CHECKS: tuple[Check, ...] = (check_numbers, check_entity_sets, check_dates, check_titles, check_denials, check_quotes)


def run_checks(pair: CandidatePair) -> list[Evidence]:
    return [e for check in CHECKS if (e := check(pair.a, pair.b, pair.similarity)) is not None]
