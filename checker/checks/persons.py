"""`person` check: one statement told by two sources, with another person in it.

"Police said the car was driven by Mark Sandler when it hit the barrier"
against the same sentence with "Tom Becker": the same words in the same
order, but for one person's name, are one statement, and only one source can
have the right person. The model reads a name swapped in a long sentence as a
small change, and the `quote` check only finds a swapped speaker of a
reporting verb it knows.

Every name is a slot of the claim's wording (`checker.checks.wording`), as a
figure is for the `number` check, so two claims are one wording whatever the
tagger reads each name as. Only a wording of MIN_WITHIN_WORDS words or more
besides the names counts: "Smith said." and "Jones said." are two statements.
Only a person swapped for a person is reported, both tagged so: a place or an
organisation may stand for another ("Moscow" for Russia), a person for the
group they speak for ("Abubakar Shekau" / "Boko Haram"), and a name the
tagger leaves untagged may be a place ("Rafah, a city on the border"). Nor
is a name credited or told ("told Politico", "according to the BBC":
`checker/patterns/credits.jsonl`): outlets credit their own interviews.

Two names may be one person's:

- the same surname, spelling variants folded ("Zelenskyy", "Zelensky"), unless
  both give a given name (the first word after any title) that the `nicknames`
  package's list knows and the two are no forms of one (`given_names_differ`:
  "Patricia Okafor" and "Pamela Okafor" are two; "Bill" and "William" one);
- one name's words within the other's ("Greta", "Greta Van Susteren");
- two words in common besides particles such as "bin" ("Emir Sheikh Tamim",
  "Sheikh Tamim bin Hamad Al Thani");
- initials of the other ("J." for "Jonas Berg");
- spelled alike (the `spelled_alike` setting): "Gaddafi", "Qaddafi";
- a name either document gives holds both ("Ana Ruiz" and "Ruiz Soto", where
  one of them names "Ana Ruiz Soto"): the explainer.

A rank or a form of address is no part of a name ("Det.", "Sir":
`checker/patterns/honorifics.jsonl`), nor an office ("Senator"): "Sir John"
against "Mr. Stevens" is two wordings, not two people. A name that starts or
ends one wording but not the other is not compared: the words the longer adds
next to it may make it another's ("A spokesman for Vladimir Putin told
reporters" / "Dmitry Peskov told reporters").

The same names in another order ("Smith beat Jones" / "Jones beat Smith") are
left out: "Smith and Jones" / "Jones and Smith" is the same list, and which
reading holds cannot be told from the words.

Checked before `quote`: a quote told in one wording with two speakers is one
fact of this kind in every pair of its sources, where the quote check, which
reads each source's parse for the speaker, may find it in some of them only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from nicknames import name_triplets

from checker import patterns
from checker.checks.base import NO_HEAD, Check, CheckSetting, Side, versus
from checker.checks.names import NAME_LABELS, cues, name_spans, office_cues
from checker.checks.wording import SLOT, Slotted, differing_in_one_wording, slotted
from checker.entities import PERSON_KEY, clean_name, person_key
from checker.records import Claim, Evidence

NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # "O'Brien", "Jong-un"; no initials' dots
# Words of names that say whose child or of which family, not who: "Mohammed bin Salman", "Mohammed bin Nayef".
PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "del", "der", "la", "le", "du", "di"})


PERSON, OTHER = "person", "other"  # what a name is: a person, an entity of another kind, or "" (untagged)


@dataclass(frozen=True, slots=True)
class People:
    """A claim's wording with each name as a slot (the names as written are its slots), and what each name is."""

    wording: Slotted = Slotted()
    kinds: tuple[str, ...] = ()  # PERSON, OTHER or "" for each slot


def name_word_list(name: str) -> list[str]:
    """A name's words in order, lower case, without dots or a possessive: "Greta Van Susteren's" gives greta, van,
    susteren."""
    return [w.lower() for w in NAME_WORD.findall(clean_name(name))]


def name_words(name: str) -> frozenset[str]:
    return frozenset(name_word_list(name))


def one_persons(a: str, b: str, alike: float) -> bool:
    """Whether two names may be one person's: one surname, one's words within the other's, two words in common
    besides particles ("Emir Sheikh Tamim", "Sheikh Tamim bin Hamad Al Thani"), initials of the other ("J." for
    "Jonas Berg"), or the names or their surnames
    spelled alike (`alike`: the least `SequenceMatcher` ratio; the surnames alone where the first names are one)."""
    words_a, words_b = name_word_list(a), name_word_list(b)
    set_a, set_b = set(words_a), set(words_b)
    if not set_a or not set_b or set_a <= set_b or set_b <= set_a:
        return True
    if _key(a) == _key(b):
        return not given_names_differ(a, b, alike)
    if len((set_a & set_b) - PARTICLES) >= 2 or _initials_of(words_a, words_b) or _initials_of(words_b, words_a):
        return True
    surnames = words_a[-1], words_b[-1]
    if "".join(words_a).replace("-", "") == "".join(words_b).replace("-", ""):
        return True  # "Kim Jong Un" and "Kim Jong-un", "Lee Hsien Loong" and "Lee Hsien-loong"
    if len(words_a) > 1 and len(words_b) > 1 and words_a[0] == words_b[0]:
        # one first name makes any two whole names alike: "Eleanor Whitcombe" and "Eleanor Whitmore" are two
        return SequenceMatcher(None, *surnames).ratio() >= alike
    written = " ".join(words_a), " ".join(words_b)
    return any(SequenceMatcher(None, x, y).ratio() >= alike for x, y in (written, surnames))


@functools.cache
def _given_names() -> tuple[frozenset[str], Mapping[str, frozenset[str]], frozenset[str]]:
    """Given names (the `nicknames` package's English names, and the US census's common first names, which it
    lacks where they have no nickname: "Karen", "Jason"), less the offices, styles and forms of address among
    them ("Governor", "Major", "Prince"); for each the names it may be written as, its nicknames and the names it
    is a nickname of ("Bill": William); and the words of offices, roles and forms of address, no part of a name."""
    known: dict[str, set[str]] = {}
    for triplet in name_triplets():
        known.setdefault(triplet.name1, {triplet.name1}).add(triplet.name2)
        known.setdefault(triplet.name2, {triplet.name2}).add(triplet.name1)
    for name in _census_first_names():
        known.setdefault(name, {name})
    titles = patterns.words("offices") | patterns.words("honorifics") | patterns.words("roles")
    not_given = titles | patterns.words("styles")
    return frozenset(known) - not_given, {name: frozenset(forms) for name, forms in known.items()}, titles


# the census's first names borne by this share (percent) of people or more: 1,610 names, the rarest ("Corina",
# "Issac") still about one person in 10,000; rarer ones add words more often than names
CENSUS_MIN_SHARE = 0.01


def _census_first_names() -> frozenset[str]:
    """The 1990 US census's common first names (the `names` package's lists: name, share, cumulative share, rank)."""
    import names

    found = set()
    for key in ("first:female", "first:male"):
        for line in Path(names.FILES[key]).read_text(encoding="ascii").splitlines():
            name, share, *_ = line.split()
            if float(share) >= CENSUS_MIN_SHARE:
                found.add(name.lower())
    return frozenset(found)


def given_names_differ(a: str, b: str, alike: float) -> bool:
    """Whether two whole names of one surname are two people's by their given names: "Patricia Okafor" and "Pamela
    Okafor" (two people, or a slip), not "Bill Clinton" and "William Clinton" (a nickname), "Alex" and "Alexander"
    (a short form), "Jon" and "John" (spelled alike, `alike`) or "J." and "Jonas" (an initial). Only names the
    list knows as given names are read, so a title or a name of another language is never taken for one."""
    return given_names_read(a, b, alike) is True


def given_names_read(a: str, b: str, alike: float) -> bool | None:
    """Whether two whole names of one surname differ by their given names (`given_names_differ`); None where they
    differ in a first word the list does not know as a given name ("Anja Brenner" and "Lena Brenner": German names;
    or a title of another language, or a nickname it lacks): two people or one, which no check can tell."""
    given, forms, _ = _given_names()
    first = _first_words_apart(a, b, alike)
    if first is None:
        return False
    if not all(w in given for w in first):
        return None
    return not forms[first[0]] & forms[first[1]]


def _first_words_apart(a: str, b: str, alike: float) -> tuple[str, str] | None:
    """The first words of two whole names of one surname after any title ("Mayor Pat Okafor"), where they differ:
    neither name's words within the other's ("John Smith" and "John Paul Smith"), neither a short form or an
    initial of the other ("Alex", "Alexander"; "J.", "Jonas"), not spelled alike (`alike`)."""
    titles = _given_names()[2]
    words_a, words_b = (_after_titles(name_word_list(n), titles) for n in (a, b))
    if min(len(words_a), len(words_b)) < 2 or _key(a) != _key(b):
        return None
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return None
    x, y = words_a[0], words_b[0]
    if x.startswith(y) or y.startswith(x) or SequenceMatcher(None, x, y).ratio() >= alike:
        return None
    return x, y


def _after_titles(words: list[str], titles: frozenset[str]) -> list[str]:
    """A name's words after the last word of a title in it: "Levi Strauss Chief Executive Officer Phil Marineau" is
    Phil Marineau's."""
    last = max((i for i, w in enumerate(words) if w in titles), default=-1)
    return words[last + 1 :]


def _initials_of(initials: list[str], name: list[str]) -> bool:
    """Whether a name of initials only ("J.", "J. B.") may stand for `name`: its words start with them."""
    return all(len(w) == 1 for w in initials) and [w[0] for w in name[: len(initials)]] == initials


class FullNames:
    """The persons each document names, as word sets, to tell when two names are one person's full name's parts."""

    def __init__(self, claims: Sequence[Claim], kind: str) -> None:
        self.names: dict[str, list[frozenset[str]]] = {}
        for claim in claims:
            people = claim.annotations[kind]
            for slot, what in zip(people.wording.slots, people.kinds, strict=True):
                if what != OTHER:
                    self.names.setdefault(claim.doc_id, []).append(name_words(slot))

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        """True when a name document a or b gives holds the words of both sides' names ("John Stevens")."""
        both = name_words(evidence.detail["a"]), name_words(evidence.detail["b"])
        return any(
            both[0] <= full and both[1] <= full for doc in (a.doc_id, b.doc_id) for full in self.names.get(doc, [])
        )


def swapped_name_evidence(what: str) -> dict[str, Any]:
    """The evidence schema of a check of one wording with another name in it (a person's, an organisation's)."""
    return {
        "description": f"Two claims of one wording, and the {what} each names where they differ.",
        "required": ["a", "b"],
        "properties": {
            "a": {"type": "string", "description": f"The {what} side a names where the wordings differ."},
            "b": {"type": "string"},
        },
    }


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
    evidence = swapped_name_evidence("person")

    def annotate(self, claim: Claim, tokens) -> People:
        # "Det. James Patterson", "Senator John Smith": a rank or an office is no part of the name
        titles = [span for _, _, span in (*cues(tokens, "honorifics"), *office_cues(tokens))]
        roles = [span for _, _, span in cues(tokens, "roles")]
        names = name_spans(tokens, {t.i for span in titles for t in span})
        # "told Politico", "according to the BBC": an outlet or a person credited, whom sources credit apart
        credited = {span.end for _, _, span in cues(tokens, "credits")}
        titled = {span.end for span in (*titles, *roles)}
        kinds = tuple(_what(name, claim, credited, titled) for name in names)
        names, role_words = _without_roles(names, kinds, {span.start for span in roles}, tokens.start)
        return People(slotted(tokens, [list(name) for name in names], role_words), kinds)

    def explainer(self, claims: Sequence[Claim]) -> FullNames:
        return FullNames(claims, self.kind)

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """A person by surname: "Duncan Hunter" and "Hunter" are one version of who it was; by whole name where the
        two sides share the surname ("Margaret Ellery" and "Martha Ellery" are two versions)."""
        name = str(detail[side])
        if _key(str(detail["a"])) == _key(str(detail["b"])):
            return " ".join(name_word_list(name)), name
        return _key(name), name

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        mine, theirs = self.mine(a), self.mine(b)
        x, y = mine.wording, theirs.wording
        # most candidate pairs are no one wording: that is told from the digests before any name is keyed
        differing = differing_in_one_wording(x, y)
        if not differing:
            return None
        alike = self.setting("spelled_alike")
        if sorted(map(_key, x.slots)) == sorted(map(_key, y.slots)) and (
            sorted(map(name_word_list, x.slots)) == sorted(map(name_word_list, y.slots))
            or not any(given_names_differ(x.slots[i], y.slots[j], alike) for i, j in differing)
        ):
            return None  # the same names in another order ("Tom Smith and Emma Smith" / "Emma Smith and Tom Smith")
        swapped = [
            (i, j)
            for i, j in differing
            if {mine.kinds[i], theirs.kinds[j]} == {PERSON} and not one_persons(x.slots[i], y.slots[j], alike)
        ]
        return swapped_name(self.kind, x, y, swapped)


def swapped_name(kind: str, x: Slotted, y: Slotted, swapped: list[tuple[int, int]]) -> Evidence | None:
    """The contradicting evidence of the first of `swapped` (slots of two wordings naming two different people or
    bodies) where neither name is at an edge of one wording only (`extended_at_an_edge`); None for none."""
    for i, j in swapped:
        if not extended_at_an_edge(x, i, y, j):
            return Evidence(kind, True, {"a": x.slots[i], "b": y.slots[j]}, versus(x.around[i], y.around[j]))
    return None


def extended_at_an_edge(x: Slotted, i: int, y: Slotted, j: int) -> bool:
    """Whether one name starts (or ends) its wording and the other does not: the words the longer adds next to it
    may make it another's ("A spokesman for Vladimir Putin told reporters" / "Dmitry Peskov told reporters")."""
    at_x, at_y = _positions(x)[i], _positions(y)[j]
    return (at_x == 0) != (at_y == 0) or (at_x == len(x.sequence) - 1) != (at_y == len(y.sequence) - 1)


def _positions(wording: Slotted) -> list[int]:
    return [k for k, word in enumerate(wording.sequence) if word == SLOT]


def _without_roles(names: list, kinds: Sequence[str], roles: set[int], start: int) -> tuple[list, set[int]]:
    """The names without the roles written before a person's name ("Host", "Coach": `checker/patterns/roles.jsonl`),
    and the role words, which are no part of the wording either. The tagger takes "Host" into "Host Greta Van
    Susteren" in one sentence and leaves it out of "Host Duncan Hunter" in another, and one source writes "Coach
    Mike Krzyzewski said" where another writes "Roy Williams said": either way the two wordings must meet for the
    swapped person to show. Only roles before a person's name (`kinds`: what each name is, read with its role, so
    "according to Coach ..." stays credited) count: "Julie Bishop" keeps her surname, "Cardinal Health" its name.
    `roles`: where the role words start; `start`: the claim's first token."""
    kept, left_out = [], set()
    for name, kind in zip(names, kinds, strict=True):
        if kind == PERSON:
            while name.start in roles and len(name) > 1:
                left_out.add(name.start)
                name = name[1:]
            before = name.start - 1
            while before in roles and before >= start:
                left_out.add(before)
                before -= 1
        kept.append(name)
    return kept, left_out


def _what(name, claim: Claim, credited: set[int], titled: set[int]) -> str:
    """PERSON (the tagger says so here or in the claim's entities, or the name follows a title, an office or a role:
    `titled`, by its first token, as "Presiding judge Sophie Laurent" the tagger took for an organisation), OTHER (a
    place, an organisation, a group, or a name credited or told: `credited`) or "" (a name the tagger left
    untagged). A name described is no person for it: "Rafah, a city on the border" is a place."""
    if name.start in credited:
        return OTHER
    if name.start in titled and name.root.ent_type_ in {"ORG", "PERSON", ""}:
        return PERSON
    if name.root.ent_type_ in NAME_LABELS - {"PERSON"}:
        return OTHER
    return PERSON if name.root.ent_type_ == "PERSON" or person_key(name.text) in claim.entities else ""


def _key(name: str) -> str:
    """A person's surname key ("Van Susteren's" gives "susteren"); "" for a name of no words."""
    words = name_word_list(name)
    return person_key(" ".join(words)).removeprefix(PERSON_KEY) if words else ""
