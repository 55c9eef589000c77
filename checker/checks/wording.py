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

A statement quoted whole by one source and cut short by another is one
wording too ("... and it just happened to have captured 21 seconds of what
transpired outside of his building," Blumenthal said / "It just happened to
have captured 12 seconds of what transpired outside of his building."): the
shorter's words, MIN_WITHIN_WORDS of them at least, stand in the longer's in
one run, which adds words only before and after it, none that could turn it
round ("It is false that ...").

No check of its own: `checker.checks.discover` finds no `Check` here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

SLOT = "_"
AROUND = 2
# Words of a statement cut short, slots aside, for it to be the same statement: "_ people were killed" stands
# in many sentences about other events; a quoted sentence's tail of eight words or more in few.
MIN_WITHIN_WORDS = 8
# Words that, added around a sentence, can turn it round: "It is false that <sentence>".
TURNING_WORDS = frozenset({"not", "no", "never", "false", "untrue", "wrong", "deny", "denied", "denies", "dismissed",
                           "rejected", "hoax", "rumour", "rumor", "reports", "claims", "t"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Slotted:
    """A claim's wording, kept as a digest of its words with each run of slot tokens written as SLOT (all
    that comparing two wordings needs; the index stores it for every claim), and the slots as written."""

    words: str = ""
    slots: tuple[str, ...] = ()
    around: tuple[str, ...] = ()  # each slot with AROUND tokens either side, as written: "clinic called 911 at around"
    sequence: tuple[str, ...] = ()  # the words themselves, lower-cased, each slot as SLOT: to find one in another


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


def slotted(tokens, runs: list[list], left_out: Collection[int] = ()) -> Slotted:
    """The wording of `tokens` with each of `runs` (from `slot_runs`) as one slot, and the tokens of `left_out` no
    part of it; an empty one where there is no slot, as no slot can differ (most claims have no date, many no
    figure: their words would be held for nothing)."""
    if not runs:
        return Slotted()
    doc, firsts = tokens.doc, {run[0].i for run in runs}
    inside = {t.i for run in runs for t in run} | set(left_out)
    words = [
        SLOT if t.i in firsts else t.lower_
        for t in tokens
        if t.i in firsts or not (t.i in inside or t.is_punct or t.is_space)
    ]
    return Slotted(
        hashlib.blake2b("\0".join(words).encode(), digest_size=8).hexdigest(),
        tuple(doc[run[0].i : run[-1].i + 1].text for run in runs),
        tuple(_around(tokens, run) for run in runs),
        tuple(words),
    )


def _around(tokens, run) -> str:
    """The slot with up to AROUND words either side, within the claim, up to an "and" or "or" that starts another
    phrase ("envoy Omar Farouk", not "envoy Omar Farouk and UN"), and without punctuation at its ends."""
    doc = tokens.doc
    start, end = run[0].i, run[-1].i + 1
    while start > max(tokens.start, run[0].i - AROUND) and doc[start - 1].pos_ != "CCONJ":
        start -= 1
    while end < min(tokens.end, run[-1].i + 1 + AROUND) and doc[end].pos_ != "CCONJ":
        end += 1
    while doc[start].is_punct and start < run[0].i:
        start += 1
    while doc[end - 1].is_punct and end - 1 > run[-1].i:
        end -= 1
    return doc[start:end].text


def differing_slots(a: Slotted, b: Slotted) -> Iterator[tuple[int, int]]:
    """The slots (an index in `a`, one in `b`) two claims of one wording fill differently; none if their wordings
    differ."""
    if not a.slots or not b.slots:
        return
    if a.words == b.words:
        yield from ((i, i) for i, (x, y) in enumerate(zip(a.slots, b.slots, strict=True)) if x != y)
        return
    shorter, longer = sorted((a, b), key=lambda w: len(w.sequence))
    offset = _run_within(shorter.sequence, longer.sequence)
    if offset is None:
        return
    for i, slot in enumerate(shorter.slots):
        if slot != longer.slots[offset + i]:
            yield (i, offset + i) if shorter is a else (offset + i, i)


def differing_in_one_wording(a: Slotted, b: Slotted) -> list[tuple[int, int]]:
    """`differing_slots` where the wording has MIN_WITHIN_WORDS words or more besides its slots; none otherwise:
    "Smith said." and "Jones said." are two statements."""
    differing = list(differing_slots(a, b))
    if not differing or min(sum(w != SLOT for w in side.sequence) for side in (a, b)) < MIN_WITHIN_WORDS:
        return []
    return differing


def _run_within(shorter: tuple[str, ...], longer: tuple[str, ...]) -> int | None:
    """How many slots of `longer` come before `shorter`'s words where those stand in it in one run, with at least
    MIN_WITHIN_WORDS words and none added around them that could turn them round; else None.

    Words added before a slot that opens the shorter are the slot's: "More than _ families were displaced"
    against "_ families were displaced" gives a bound to one figure, not the same statement with a figure
    changed. Words added after one that ends it are mostly the source's (", the mayor's office said")."""
    if sum(word != SLOT for word in shorter) < MIN_WITHIN_WORDS or len(shorter) == len(longer):
        return None
    for start in range(len(longer) - len(shorter) + 1):
        if longer[start : start + len(shorter)] == shorter:
            before, after = longer[:start], longer[start + len(shorter) :]
            if any(w in TURNING_WORDS or w.endswith("n't") for w in (*before, *after)):
                return None
            if before and shorter[0] == SLOT:
                return None
            return before.count(SLOT)
    return None
