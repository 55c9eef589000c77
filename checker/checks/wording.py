"""A claim's wording with its figures (or its dates) as slots: two claims of one wording are one statement.

Outlets that carry agency copy sometimes change one figure or one date and
nothing else: "Medics called 911" / "Medics called 918", "In December I
learned that it had disappeared" / "In March I learned ...". Such a pair is one
statement, however few entities it names and however far the changed word
moves its embedding, so the `number` and `date` checks compare its slots
without the similarity floors and shared-entity tests they need for claims
worded differently. One wording means the same words in the same order,
punctuation and case aside, except the slots: runs of tokens a check chooses
(its figures, its dates). Each check masks only its own slots, so a pair with
both a figure and a date changed is one wording for neither.

No check of its own: `checker.checks.discover` finds no `Check` here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

SLOT = "_"
AROUND = 2


@dataclass(frozen=True, slots=True)
class Slotted:
    """A claim's wording, kept as a digest of its words with each run of slot tokens written as SLOT (all
    that comparing two wordings needs; the index stores it for every claim), and the slots as written."""

    words: str = ""
    slots: tuple[str, ...] = ()
    around: tuple[str, ...] = ()  # each slot with AROUND tokens either side, as written: "clinic called 911 at around"


def slot_runs(tokens, is_slot: Callable[[object], bool]) -> list[list]:
    """The runs of tokens of `tokens` (a spaCy span) that `is_slot` accepts, in order: one slot each."""
    runs: list[list] = []
    for token in tokens:
        if not is_slot(token):
            continue
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def slotted(tokens, runs: list[list]) -> Slotted:
    """The wording of `tokens` with each of `runs` (from `slot_runs`) as one slot."""
    doc, firsts = tokens.doc, {run[0].i for run in runs}
    inside = {t.i for run in runs for t in run}
    words = [
        SLOT if t.i in firsts else t.lower_
        for t in tokens
        if t.i in firsts or not (t.i in inside or t.is_punct or t.is_space)
    ]
    return Slotted(
        hashlib.blake2b("\0".join(words).encode(), digest_size=8).hexdigest(),
        tuple(doc[run[0].i : run[-1].i + 1].text for run in runs),
        tuple(_around(tokens, run) for run in runs),
    )


def _around(tokens, run) -> str:
    """The slot with up to AROUND words either side, within the claim and without punctuation at its ends."""
    doc = tokens.doc
    start, end = max(tokens.start, run[0].i - AROUND), min(tokens.end, run[-1].i + 1 + AROUND)
    while doc[start].is_punct and start < run[0].i:
        start += 1
    while doc[end - 1].is_punct and end - 1 > run[-1].i:
        end -= 1
    return doc[start:end].text


def differing_slots(a: Slotted, b: Slotted) -> Iterator[int]:
    """The indexes of the slots two claims of one wording fill differently (none if their wordings differ)."""
    if not a.slots or a.words != b.words:
        return
    yield from (i for i, (x, y) in enumerate(zip(a.slots, b.slots, strict=True)) if x != y)
