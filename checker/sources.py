"""Documents → where each came from: when it was published, and whose text it repeats.

A fact is weighed by its sources: "two sources say Saturday" means two
independent reports only where the two texts were written apart. An agency's
story reprinted word for word by another outlet (syndication) is one voice
told twice, so a reprint is a *copy* of the first document with its text
(the earliest published, else the shortest id: "story.html", not the
browser's "story (1).html"): the facts count it once, and its claims are not
paired with the first's, as one document's are not with each other. A
reprint's own time does not order versions: it says when it was reprinted.
Only the same text is a copy: an edited reprint ("12 killed" made "21") is a
source of its own, and often the very one a reader looks for.

The publication time orders a fact's versions: where every source of one
version was published before every source of the next, a later version may
be an update of an earlier one ("12 killed" at 10:00, "40 killed" at 15:00),
not a second account of one moment.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from checker.records import Document

SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Provenance:
    """A document's publication time (ISO 8601, "" where unknown), the document whose text it repeats, and its
    outlet ("" where unknown)."""

    published: str = ""
    copy_of: str = ""
    outlet: str = ""


def provenance(documents: Iterable[Document]) -> dict[str, Provenance]:
    """Each document's provenance, by id; a copy names the earliest document with its text."""
    by_text: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_text[SPACES.sub(" ", document.text).strip()].append(document)
    sources = {}
    for same in by_text.values():
        first = min(same, key=lambda d: (time_span(d.published) or (datetime.max,), len(d.id), d.id))
        for document in same:
            copy_of = first.id if document.id != first.id else ""
            sources[document.id] = Provenance(document.published, copy_of, document.source)
    return sources


def time_span(published: str) -> tuple[datetime, datetime] | None:
    """When a document may have been published, as UTC: a day where only the date is known, else one second."""
    if not published:
        return None
    try:
        if len(published) == 10:
            day = date.fromisoformat(published)
            start = datetime(day.year, day.month, day.day)
            return start, start + timedelta(days=1)
        moment = datetime.fromisoformat(published)
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return moment, moment + timedelta(seconds=1)
    except (ValueError, OverflowError):  # not a time, or one at the end of the calendar: no order known
        return None


def _spans(documents: Iterable[str], sources: Mapping[str, Provenance]) -> list[tuple[datetime, datetime]] | None:
    """When each of `documents` may have been published; None where there are none, or one's time is unknown."""
    times = [time_span(sources[d].published) if d in sources else None for d in documents]
    return None if not times or None in times else times


def first_published(documents: Iterable[str], sources: Mapping[str, Provenance]) -> datetime | None:
    """When the first of `documents` may have been published, where the time of each is known."""
    times = _spans(documents, sources)
    return None if times is None else min(t[0] for t in times)


def in_time_order(groups: Iterable[Iterable[str]], sources: Mapping[str, Provenance]) -> list[int] | None:
    """The groups of documents (a fact's versions) in the order they were published, where every document of
    each was published before every document of the next; None where the times overlap or one is unknown."""
    spans = []
    for i, documents in enumerate(groups):
        times = _spans(documents, sources)
        if times is None:
            return None
        spans.append((min(t[0] for t in times), max(t[1] for t in times), i))
    spans.sort()
    if any(before[1] > after[0] for before, after in itertools.pairwise(spans)):
        return None
    return [i for *_, i in spans]
