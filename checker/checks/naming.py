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


@dataclass(frozen=True, slots=True)
class Names:
    """A claim's wording with each name as a slot (the names as written are its slots)."""

    wording: Slotted = Slotted()


def one_name(x: str, y: str) -> bool:
    """Whether two names may name one person or body: one's words all stand in the other's, case aside."""
    words = [set(clean_name(name).lower().split()) for name in (x, y)]
    return bool(words[0] and words[1]) and (words[0] <= words[1] or words[1] <= words[0])


class NameCheck(Check):
    """A name changed in one wording: someone else, or the same one named two ways."""

    kind = "name"
    versus_head = NO_HEAD
    rule = "The two claims, one statement worded alike, name a different person, body or place in it."
    order = 70
    annotation = Names
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
