"""`person` check: one statement told by two sources, with another person in it.

'Host Greta Van Susteren replied to Hunter's allegations by asking, "Do you
have any information ..."' against the same sentence with "Host Duncan Hunter":
the same words in the same order, but for one person's name, are one
statement, and only one source can have the right person. The model reads a
name swapped in a long sentence as a small change, and the `quote` check
only finds a swapped speaker of a reporting verb it knows.

Every name is a slot of the claim's wording (`checker.checks.wording`), as a
figure is for the `number` check, so whether two claims are one wording does
not hang on the tagger reading a name as a person in both parses. Only a
wording of MIN_WITHIN_WORDS words or more besides the names counts: "Smith
said." and "Jones said." are two statements. Only a person swapped is
reported: a person on one side at least, and on the other a person or a name
the tagger left untagged, never a place, an organisation or a group. A place
or an organisation may stand for another ("Moscow" for Russia, "the White
House" for the government), and an outlet may credit another ("told Reuters").

Two names may be one person's:

- the same surname, spelling variants folded ("Zelenskyy", "Zelensky"), or one
  name's words within the other's ("Greta", "Greta Van Susteren");
- spelled alike (the `spelled_alike` setting): "Gaddafi", "Qaddafi";
- a name either document gives holds both ("John" and "Stevens", where one of
  them names "John Stevens"): the explainer.

The same names in another order ("Smith beat Jones" / "Jones beat Smith") are
left out: "Smith and Jones" / "Jones and Smith" is the same list, and which
reading holds cannot be told from the words.

Checked before `quote`: a quote told in one wording with two speakers is one
fact of this kind in every pair of its sources, where the quote check, which
reads each source's parse for the speaker, may find it in some of them only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from checker.checks.base import NO_HEAD, Check, CheckSetting, Side, versus
from checker.checks.names import NAME_LABELS, cues, is_person, name_spans
from checker.checks.wording import MIN_WITHIN_WORDS, SLOT, Slotted, differing_slots, slotted
from checker.entities import MIDDLE_INITIAL, PERSON_KEY, clean_name, person_key
from checker.records import Claim, Evidence

NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # "O'Brien", "Jong-un"; no initials' dots


PERSON, OTHER = "person", "other"  # what a name is: a person, an entity of another kind, or "" (untagged)


@dataclass(frozen=True, slots=True)
class People:
    """A claim's wording with each name as a slot (the names as written are its slots), and what each name is."""

    wording: Slotted = Slotted()
    kinds: tuple[str, ...] = ()  # PERSON, OTHER or "" for each slot


def name_words(name: str) -> frozenset[str]:
    """A name's words, lower case, without dots or a possessive: "Greta Van Susteren's" gives greta, van, susteren."""
    return frozenset(w.lower() for w in NAME_WORD.findall(clean_name(name)))


def one_persons(a: str, b: str, alike: float) -> bool:
    """Whether two names may be one person's: one surname, one's words within the other's, or the names or their
    surnames spelled alike (`alike`: the least `SequenceMatcher` ratio, in lower case)."""
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or not words_b or words_a <= words_b or words_b <= words_a:
        return True
    if _key(a) == _key(b):
        return True
    written = [" ".join(w.lower() for w in NAME_WORD.findall(clean_name(n))) for n in (a, b)]
    pairs = (written, [w.rsplit(" ", 1)[-1] for w in written])
    return any(SequenceMatcher(None, x, y).ratio() >= alike for x, y in pairs)


class FullNames:
    """The persons each document names, as word sets, to tell when two names are one person's full name's parts."""

    def __init__(self, claims: Sequence[Claim], kind: str) -> None:
        self.names: dict[str, list[frozenset[str]]] = {}
        for claim in claims:
            people = claim.annotations[kind]
            for slot, what in zip(people.wording.slots, people.kinds, strict=True):
                if what == PERSON:
                    self.names.setdefault(claim.doc_id, []).append(name_words(slot))

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        """True when a name document a or b gives holds the words of both sides' names ("John Stevens")."""
        both = name_words(evidence.detail["a"]), name_words(evidence.detail["b"])
        return any(
            both[0] <= full and both[1] <= full for doc in (a.doc_id, b.doc_id) for full in self.names.get(doc, [])
        )


class PersonCheck(Check):
    """Contradicting evidence where two claims of one wording name different persons in one place."""

    kind = "person"
    versus_head = NO_HEAD
    rule = "The same statement names a different person."
    order = 55
    annotation = People
    settings = (
        CheckSetting(
            "spelled_alike",
            0.8,
            "Least similarity of two names' letters, or of their surnames' (difflib ratio), to read them as one"
            ' name spelled two ways: "Gaddafi"/"Qaddafi" 0.86, "Kim Jong-un"/"Kim Jong Un" 0.91, while the 54'
            " persons swapped for another of the article in the planted edits of FNC-1 bodies 800-1399 (tune"
            " only) scored 0.62 at most; 0.8 lies between.",
            0.0,
            1.0,
        ),
    )
    evidence = {
        "description": "Two claims of one wording, and the person each names where they differ.",
        "required": ["a", "b"],
        "properties": {
            "a": {"type": "string", "description": "The person side a names where the wordings differ."},
            "b": {"type": "string"},
        },
    }

    def annotate(self, claim: Claim, tokens) -> People:
        # "Det. James Patterson", "Senator John Smith": a rank or an office is no part of the name
        skipped = {t.i for patterns in ("honorifics", "offices") for _, _, span in cues(tokens, patterns) for t in span}
        names = name_spans(tokens, skipped)
        return People(slotted(tokens, [list(name) for name in names]), tuple(_what(name, claim) for name in names))

    def explainer(self, claims: Sequence[Claim]) -> FullNames:
        return FullNames(claims, self.kind)

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """A person by surname: "Duncan Hunter" and "Hunter" are one version of who it was."""
        return _key(str(detail[side])), str(detail[side])

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        mine, theirs = self.mine(a), self.mine(b)
        x, y = mine.wording, theirs.wording
        if min(sum(w != SLOT for w in side.sequence) for side in (x, y)) < MIN_WITHIN_WORDS:
            return None
        if sorted(map(_key, x.slots)) == sorted(map(_key, y.slots)):
            return None  # the same names in another order
        alike = self.setting("spelled_alike")
        for i, j in differing_slots(x, y):
            kinds = {mine.kinds[i], theirs.kinds[j]}
            if PERSON in kinds and OTHER not in kinds and not one_persons(x.slots[i], y.slots[j], alike):
                detail = {"a": x.slots[i], "b": y.slots[j]}
                return Evidence(self.kind, True, detail, versus(x.around[i], y.around[j]))
        return None


def _what(name, claim: Claim) -> str:
    """PERSON, OTHER (a place, an organisation, a group) or "" (a name the tagger left untagged)."""
    if is_person(name, claim):
        return PERSON
    return OTHER if name.root.ent_type_ in NAME_LABELS else ""


def _key(name: str) -> str:
    """A person's surname key ("Van Susteren's" gives "susteren"); a name with no word to key (initials) as written."""
    cleaned = clean_name(name)
    return person_key(cleaned).removeprefix(PERSON_KEY) if MIDDLE_INITIAL.sub("", cleaned).split() else cleaned.lower()
