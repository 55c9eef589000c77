"""`date` check: the same event placed on different days or dates.

Weekdays are compared after anchoring to each article's publication date
(see claims.py); explicit dates are compared as written. Two claims need the
same weekday-or-date slot filled differently and at least one shared actor
and a high similarity, since one article often reports several days' events.
"""

from __future__ import annotations

import re

from checker.records import Claim, Evidence

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ANCHORED = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \((\d{4}-\d{2}-\d{2})\)")
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
DATE = re.compile(rf"\b(?:(?:{MONTHS}) \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?)\b")
MIN_SIMILARITY = 0.75  # pair cosine needed before differing days count: one article reports many days


def event_days(claim: Claim) -> set[str]:
    anchored = {m.group(2) for m in ANCHORED.finditer(claim.standalone)}
    if anchored:
        return anchored
    return {m.group() for m in DATE.finditer(claim.text)} | {m.group() for m in WEEKDAY.finditer(claim.text)}


def check_dates(a: Claim, b: Claim, similarity: float) -> Evidence | None:
    days_a, days_b = event_days(a), event_days(b)
    if similarity < MIN_SIMILARITY or not days_a or not days_b or days_a & days_b:
        return None
    if not set(a.entities) & set(b.entities):
        return None
    detail = {"a": sorted(days_a), "b": sorted(days_b)}
    return Evidence("date", True, detail, f"{', '.join(sorted(days_a))} vs {', '.join(sorted(days_b))}")
