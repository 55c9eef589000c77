"""`name` check: one statement, worded alike by two sources, that names a different person (or body, or place).

An outlet that carries another's sentence and changes the person in it ("Police arrested John Smith on
the bridge" / "Police arrested Jane Doe on the bridge") gives a discrepancy the model often misses: each
claim names someone the other does not, so they share no entity, and a model-only contradiction needs
one (`Thresholds.shared_entity`). As with a figure or a date changed in one wording
(`checker/checks/wording.py`), the claims are one statement, and the names in it are compared: the
names `checker.checks.names.name_spans` reads (the tagger's entities and the proper nouns it left
untagged: it tags "Jane Doe" in no sentence, "Starmer" an organisation) are the slots; the outlet or
agency a claim is credited to ("according to Reuters", `Claim.reported_by`) is none: outlets credit
different agencies for one sentence.

A person is named in full, by surname, or by title and surname: "Keir Starmer", "Starmer", "Mr Starmer"
and "Sir Keir Starmer" are one person, and the check agrees (so the model's contradiction is not taken:
`Check.one_statement`); "Hillary Clinton" and "Bill Clinton" are two. Other names are one only as
written: "Virginia" and "West Virginia", "North Korea" and "South Korea" are two. A surname a letter
longer or shorter ("Schoof", "Schooff") is a spelling or another person: the check says nothing.

A statement needs words enough to be one (MIN_WITHIN_WORDS besides the names): "Smith said." and "Doe
said." may both be true.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checker.checks.base import NO_HEAD, Check, Side, versus
from checker.checks.names import name_spans
from checker.checks.wording import MIN_WITHIN_WORDS, SLOT, Slotted, differing_slots, slot_runs, slotted
from checker.entities import clean_name, entity_key
from checker.records import Claim, Evidence

SPELLING_LENGTH = 5  # letters a surname needs before one more or less may be a spelling: "Li" and "Lin" are two
# words before a surname that are no given name: "Mr Sharon" is Ariel Sharon
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "president"})


@dataclass(frozen=True, slots=True)
class Names:
    """A claim's wording with each name as a slot (the names as written are its slots), and which are people's."""

    wording: Slotted = Slotted()
    people: tuple[bool, ...] = ()  # by slot: the tagger called some word of it a person


def _words(name: str) -> list[str]:
    """A name's words, lower case, split at hyphens, without dots: "al-Ghozi" gives "al", "ghozi"; "U.S." "us"."""
    return clean_name(name).lower().replace("-", " ").replace(".", "").split()


def same_person(x: str, y: str) -> bool | None:
    """Whether two people's names name one person: True where one's words all stand in the other's ("Keir
    Starmer", "Starmer") or one is a surname alone, after a title or not, that ends the other ("Mr Sharon",
    "Ariel Sharon"); None where the surnames are a letter apart (a spelling, or another person); else False."""
    words = [_words(name) for name in (x, y)]
    if not (words[0] and words[1]) or set(words[0]) <= set(words[1]) or set(words[1]) <= set(words[0]):
        return True
    given = [[w for w in name[:-1] if w not in TITLES] for name in words]
    if words[0][-1] == words[1][-1] and (not (given[0] and given[1]) or _initials(*given) or _initials(*given[::-1])):
        return True  # "Mr Sharon" / "Ariel Sharon", "J. Smith" / "John Smith"
    surnames = sorted((words[0][-1], words[1][-1]), key=len)
    spelt = len(surnames[0]) >= SPELLING_LENGTH and len(surnames[1]) == len(surnames[0]) + 1
    return (
        None
        if spelt and any(surnames[1][:i] + surnames[1][i + 1 :] == surnames[0] for i in range(len(surnames[1])))
        else False
    )


def _initials(given: list[str], other: list[str]) -> bool:
    """Whether each of `given` is a letter that starts one of `other`: "J." of "John"."""
    return all(len(word) == 1 and any(name.startswith(word) for name in other) for word in given)


def _key(name: str, person: bool) -> str:
    """What a version of a name compares as: a person by surname, another name as the entity it is ("U.S." and
    "United States", "Acme Inc." and "Acme": `entities.entity_key`)."""
    words = _words(name)
    if person:
        return words[-1] if words else name
    return (entity_key(name, "ORG") or name).lower()


def same_entity(x: str, y: str) -> bool:
    """Whether two names of a body or place name one: as the entity they are ("U.S." and "United States"), or
    one the initials of the other ("IS" and "Islamic State", "UN" and "United Nations")."""
    if _key(x, False) == _key(y, False) or set(_words(x)) == set(_words(y)):
        return True  # as written, or in the same words: "Qatar Qatar" where two sentences ran into one
    short, long = sorted((x.replace(".", "").strip(), y), key=len)
    initials = "".join(word[0] for word in long.replace("-", " ").split() if word[0].isupper())
    return short.isupper() and len(short) > 1 and short == initials


class NameCheck(Check):
    """A name changed in one wording: someone else, or the same person named two ways."""

    kind = "name"
    versus_head = NO_HEAD
    rule = "The two claims, one statement worded alike, name a different person, body or place in it."
    order = 70
    annotation = Names
    one_statement = True
    evidence = {
        "description": "The name each side gives in one statement worded alike.",
        "required": ["a", "b"],
        "properties": {
            "a": {"type": "string"},
            "b": {"type": "string"},
            "person": {"type": "boolean", "description": "The tagger read a person in one name or the other."},
        },
    }

    def annotate(self, claim: Claim, tokens) -> Names:
        reporters = {reporter.lower() for reporter in claim.reported_by}
        spans = [span for span in name_spans(tokens) if clean_name(span.text).lower() not in reporters]
        held = {t.i for span in spans for t in span}
        runs = slot_runs(tokens, lambda token: token.i in held)
        return Names(slotted(tokens, runs), tuple(any(t.ent_type_ == "PERSON" for t in run) for run in runs))

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """A person's version by surname: "John Smith" and "Mr Smith" are one."""
        return _key(detail[side], bool(detail.get("person"))), detail[side]

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        x, y = self.mine(a), self.mine(b)
        if sum(word != SLOT for word in x.wording.sequence) < MIN_WITHIN_WORDS:
            return None
        agreeing = None
        for i, j in differing_slots(x.wording, y.wording):
            names = x.wording.slots[i], y.wording.slots[j]
            person = x.people[i] or y.people[j]
            same = same_person(*names) if person else same_entity(*names)
            detail = {"a": names[0], "b": names[1], "person": person}
            if same is False:
                return Evidence(self.kind, True, detail, versus(*names))
            if same is None:
                return None  # a spelling, or another person: neither said
            agreeing = agreeing or Evidence(self.kind, False, detail, f"both name {max(names, key=len)}")
        return agreeing
