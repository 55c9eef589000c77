"""`organisation` check: one statement told by two sources, with another organisation in it.

"The licence was revoked by the Ministry of Lands" against "The licence was
revoked by the Ministry of Mines", "The investigation was carried out by the
Transport Accident Investigation Commission" against "... by the Civil Aviation
Authority" (the mining and aviation desks' trials): the same words in the same
order but for one body's name are one statement, and only one source can have
the right body. The model reads such a swap as a small change (0.69 and 0.94
there, one below its bar), and a structured agreement elsewhere in the sentence
("both give 4-1") hid it. As the `person` check does for people, every name is
a slot of the claim's wording (`checker.checks.wording`), so the two claims are
one wording whatever each name is, and only a wording of MIN_WITHIN_WORDS words
or more besides the names counts.

Only an organisation swapped for an organisation is reported, both tagged so
and each named in full, in two words or more: a short name or an acronym may
be the other's ("the Fed", "FDA"), and so may one name in two forms
(`checker.entities.entity_key`: its aliases and legal forms), with its words
in another order ("Defense Department", "Department of Defense"), with a
country's prefix ("the U.S. Securities and Exchange Commission") or a short
form ("EU Commission", "UN General Assembly", "U.S. DoJ"). Only a body that
acts or is acted on in the statement, its verb's subject, agent or object: not
one that speaks (in the
subject of a reporting verb, `checker/patterns/reporting.jsonl`: two bodies may
say one thing, and each outlet quotes the one it asked), nor one credited
("according to Reuters", `checker/patterns/credits.jsonl`), nor one that is
only where a thing happened ("shares fell 5% on the New York Stock Exchange":
a dual listing). Nor the same names in another order ("Harlow Minerals and
Sable Reef Mining" / "Sable Reef Mining and Harlow Minerals"), nor a name that
starts or ends one wording but not the other: the words the longer adds next to
it may make it another's ("a unit of Halvard Mining" / "Brenmoor Mining").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checker.checks.base import NO_HEAD, Check, Side
from checker.checks.names import cues, name_spans
from checker.checks.persons import name_word_list, swapped_name, swapped_name_evidence
from checker.checks.wording import Slotted, differing_in_one_wording, slotted
from checker.entities import entity_key
from checker.records import Claim, Evidence

# Words of a body's name that tell no body from another: "the Ministry of Mines" and "Ministry of Mines"; "Rio
# Tinto Ltd" and "Rio Tinto" ("Rio Tinto Group" holds "Rio Tinto": one body, `_one_body`)
LINKING_WORDS = frozenset({"the", "of", "and", "for", "on", "&"})
LEGAL_WORDS = frozenset({"ltd", "limited", "plc", "inc", "corp", "co", "llc", "sa", "ag", "nv", "se"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SHORT = 3  # letters of a short form: "EU", "UN", "DoJ"


@dataclass(frozen=True, slots=True)
class Bodies:
    """A claim's wording with each name as a slot, and which of the names are organisations named in full."""

    wording: Slotted = Slotted()
    named_in_full: tuple[bool, ...] = ()


class OrganisationCheck(Check):
    """Contradicting evidence where two claims of one wording name different organisations in one place."""

    kind = "organisation"
    versus_head = NO_HEAD
    rule = "The same statement names a different organisation."
    order = 56
    annotation = Bodies
    evidence = swapped_name_evidence("organisation")

    def annotate(self, claim: Claim, tokens) -> Bodies:
        names = name_spans(tokens)
        if not names:
            return Bodies()
        credited = {span.end for _, _, span in cues(tokens, "credits")}
        verbs = [span.root for _, _, span in cues(tokens, "reporting")]
        verbs += [t for t in tokens if t.lemma_ == "quote"]  # "The CAA was quoted as saying"
        speaking = {t.i for verb in verbs for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
        full = tuple(_named_in_full(name, credited, speaking) for name in names)
        return Bodies(slotted(tokens, [list(name) for name in names]), full)

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """A body by its key: "Ardent Power Inc." and "Ardent Power" are one version of which it was."""
        return _key(str(detail[side])), str(detail[side])

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        mine, theirs = self.mine(a), self.mine(b)
        x, y = mine.wording, theirs.wording
        differing = differing_in_one_wording(x, y)
        if not differing:
            return None
        if sorted(map(_key, x.slots)) == sorted(map(_key, y.slots)):
            return None  # the same names in another order: "A and B" / "B and A" is one list
        swapped = [
            (i, j)
            for i, j in differing
            if mine.named_in_full[i] and theirs.named_in_full[j] and not _one_body(x.slots[i], y.slots[j])
        ]
        return swapped_name(self.kind, x, y, swapped)


def _named_in_full(name, credited: set[int], speaking: set[int]) -> bool:
    """An organisation the tagger reads as one, in two words or more, that acts or is acted on in the statement:
    its verb's subject ("The Norland Energy Regulatory Board voted 4-1"), agent ("revoked by the Ministry of
    Lands") or object ("acquired Brenmoor Mining"). Not one
    credited, nor one in the subject of a verb of saying ("The Civil Aviation Authority said", "A spokesman for the
    Civil Aviation Authority said": `speaking`), nor where it is only where a thing happened ("shares fell on the
    New York Stock Exchange")."""
    root = name.root
    if root.ent_type_ != "ORG" or name.start in credited or root.i in speaking:
        return False
    acts = root.dep_ in SUBJECTS | {"dobj"} or (root.dep_ == "pobj" and root.head.dep_ == "agent")
    return acts and len(_words(name.text)) >= 2


def _words(name: str) -> list[str]:
    return [w for w in name_word_list(name) if w not in LINKING_WORDS | LEGAL_WORDS]


def _key(name: str) -> str:
    return entity_key(name, "ORG") or name.lower()


def _one_body(a: str, b: str) -> bool:
    """One organisation named two ways: one key; one name's words within the other's ("the Securities and Exchange
    Commission", "the U.S. Securities and Exchange Commission"), once the words the other's short forms stand for
    are set aside ("European Commission", "EU Commission"; "United Nations", "UN General Assembly"; "Department of
    Justice", "U.S. DoJ"). Two short words are two bodies' ("ABC News", "NBC News")."""
    if _key(a) == _key(b):
        return True
    words_a, words_b = _words(a), _words(b)
    only_a = [w for w in words_a if w not in words_b]
    only_b = [w for w in words_b if w not in words_a]
    only_a, only_b = (
        _without_short_forms(only_a, only_b, name_word_list(a)),
        _without_short_forms(only_b, only_a, name_word_list(b)),
    )
    return not only_a or not only_b  # "ABC News" / "NBC News", "U.S. Supreme Court" / "UK Supreme Court": two


def _without_short_forms(words: list[str], others: list[str], name: list[str]) -> list[str]:
    """`words` (of `name`) less those the other name's short forms (`others`) stand for: a run of the name's words
    whose initials one of them is ("united nations" for "un", "department of justice" for "doj"), or a word it
    begins ("european" for "eu")."""
    shorts = [w for w in others if len(w) <= SHORT]
    kept = list(words)
    for short in shorts:
        for start in range(len(name)):
            for end in range(start + 2, len(name) + 1):
                run = name[start:end]
                initials = {"".join(w[0] for w in run), "".join(w[0] for w in run if w not in LINKING_WORDS)}
                if short in initials:
                    kept = [w for w in kept if w not in run]
        kept = [w for w in kept if not w.startswith(short)]
    return kept
