"""`name` check: one statement, worded alike by two sources, that names a different person (or body, or place).

An outlet that carries another's sentence and changes the person in it ("Police arrested John Smith on
the bridge" / "Police arrested Jane Doe on the bridge") gives a discrepancy the model often misses: each
claim names someone the other does not, so they share no entity, and a model-only contradiction needs
one (`Thresholds.shared_entity`). As with a figure or a date changed in one wording
(`checker/checks/wording.py`), the claims are one statement, and the names in it are compared: the
names `checker.checks.names.name_spans` reads (the tagger's entities and the proper nouns it left
untagged: it tags "Jane Doe" in no sentence, "Starmer" an organisation) are the slots. Two names are one
where one's words all stand in the other ("Starmer", "Keir Starmer", "Sir Keir Starmer"); the check
then agrees.

A statement needs words enough to be one (MIN_WITHIN_WORDS besides the names): "Smith said." and "Doe
said." may both be true.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.checks.base import NO_HEAD, Check, versus
from checker.checks.names import name_spans
from checker.checks.wording import MIN_WITHIN_WORDS, SLOT, Slotted, differing_slots, slot_runs, slotted
from checker.entities import clean_name
from checker.records import Claim, Evidence

BY_GIVEN_NAME = frozenset({"sir", "dame"})  # honours written before a given name: "Sir John" of Sir John Stevens
SPELLING_LENGTH = 5  # letters a surname needs before one more or less is a spelling: "Li" and "Lin" are two names


@dataclass(frozen=True, slots=True)
class Names:
    """A claim's wording with each name as a slot (the names as written are its slots)."""

    wording: Slotted = Slotted()


def _words(name: str) -> list[str]:
    """A name's words, lower case, hyphens and dots apart: "al-Ghozi" gives "al", "ghozi"."""
    return clean_name(name).lower().replace("-", " ").replace(".", " ").split()


def one_name(x: str, y: str) -> bool:
    """Whether two names may name one person or body: one's words all stand in the other's, case aside ("Keir
    Starmer", "Starmer"), or they end in one surname, as people are keyed elsewhere ("Mr Sharon", "Ariel Sharon"),
    or in two a letter apart, which is a spelling, not another person ("Schooff", "Schoof"); a knight named by
    his given name ("Sir John") is no other person than anyone."""
    words = [_words(name) for name in (x, y)]
    if not (words[0] and words[1]) or any(w[0] in BY_GIVEN_NAME and len(w) == 2 for w in words):
        return True  # nothing to tell them apart by: "Sir John" is Sir John Stevens, "Mr. Stevens" too
    if set(words[0]) <= set(words[1]) or set(words[1]) <= set(words[0]):
        return True
    surnames = words[0][-1], words[1][-1]
    return surnames[0] == surnames[1] or (min(map(len, surnames)) >= SPELLING_LENGTH and _one_edit(*surnames))


def _one_edit(x: str, y: str) -> bool:
    """Whether one letter added, dropped or changed turns one word into the other."""
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(a != b for a, b in zip(x, y, strict=True)) == 1
    shorter, longer = sorted((x, y), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


class NameCheck(Check):
    """A name changed in one wording: someone else, or the same one named two ways."""

    kind = "name"
    versus_head = NO_HEAD
    rule = "The two claims, one statement worded alike, name a different person, body or place in it."
    order = 70
    annotation = Names
    one_statement = True
    evidence = {
        "description": "The name each side gives in one statement worded alike.",
        "required": ["a", "b"],
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
    }

    def annotate(self, claim: Claim, tokens) -> Names:
        held = {t.i for span in name_spans(tokens) for t in span}
        return Names(slotted(tokens, slot_runs(tokens, lambda token: token.i in held)))

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        x, y = self.mine(a).wording, self.mine(b).wording
        if sum(word != SLOT for word in x.sequence) < MIN_WITHIN_WORDS:
            return None
        differing = list(differing_slots(x, y))
        if not differing:
            return None
        for i, j in differing:
            if not one_name(x.slots[i], y.slots[j]):
                detail = {"a": x.slots[i], "b": y.slots[j]}
                return Evidence(self.kind, True, detail, versus(x.slots[i], y.slots[j]))
        i, j = differing[0]
        return Evidence(
            self.kind, False, {"a": x.slots[i], "b": y.slots[j]}, f"both name {max(x.slots[i], y.slots[j], key=len)}"
        )
