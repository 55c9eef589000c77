"""`entity_set` check: two claims list different participants in the same event.

A list is a coordination of names in the parse ("Russia, Belarus, and North
Korea": each name a `conj` of the one before, with a `cc`). A member of one
claim's list that the other claim never mentions is a discrepancy only when
the other claim also gives a list and does not mark it as partial
("including", "such as", "two of the": `checker/patterns/lists.jsonl`; or
people counted beside the names, "A, B and three others"): a partial list may
leave names out. Two lists are one group when they share two members, or one
where both sentences count their lists alike ("the two countries, A and B") or
set them in the same words ("bombing positions in Iraq and Syria" / "in Iraq and
Lebanon": `_words_around`; not the two sides of a relation, "between A and B").
A swap in the same words is reported only where each member either side alone
names is a sovereign state (`_swapped`), as outlets carrying one wire sentence
differ most in how they write one name ("Burma" / "Myanmar", "US" /
"American", "Baghdad" / "Iraq", "Gaddafi" / "Qaddafi"). A state or
region after a place and a comma says which place it is ("Birmingham, Ala.,
Memphis, Tenn., and Jackson": `region` in lists.jsonl) and is no member
(`_region_qualifiers`); nor is where a person is from ("Sandy Mitchell from
Glasgow and William Sampson": `_person_described`). A member is named by the other claim where it
is one of its tagged names or is written out in its words, apostrophes aside
("Dillard's" / "Dillards"). A member that names a sovereign state is that state
("American", "US": `states` in checker/patterns, `_member_states`), named by the
other claim where it names the state anywhere (`_named_states`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from text_to_num import text2num

from checker.checks.base import Check, CheckSetting, Side
from checker.checks.names import cues, name_spans
from checker.entities import ACRONYM, ALIASES, acronym_of, clean_name, person_key, without_legal_form
from checker.records import Claim, Evidence

STATE_LABELS = frozenset({"GPE", "LOC", "NORP"})  # a member that is a place or a people may be a state
# the ending of a `states` pattern of a people's words ("Iraqi"): a member may be one, it names no state elsewhere
PEOPLE = "-people"
MIN_SHARED = 2  # list members both lists name: fewer means two different groups
MAX_BESIDE = 2  # tokens between a list and a cue about it beside it: "Adamawa and Borno, two of the"
OTHERS = frozenset({"other", "remaining"})  # a list's noun that leaves one out: "the other members are A and B"
# Lists sharing this many members are one group whatever else the sentences say ("India, China,
# Japan, Turkey and Switzerland" / "... Turkey and South Korea"): any candidate pair qualifies.
LONG_SHARED = 3
PERSON_PREPOSITIONS = frozenset({"from", "of"})  # on a person's name, where they are from or whom they are with
MIN_EVENT_WORDS = 2  # shared lowercase content lemmas ("vote", "resolution"): the same thing happened
RUNS_ON = re.compile(r"\s+[A-Z]")  # a name followed by a capitalised word is part of a longer one
# quotation marks by kind, double or single: a mark closes only a quotation its own kind opened
QUOTE_KINDS = {'"': "double", "“": "double", "”": "double", "'": "single", "‘": "single", "’": "single"}
OPENING_MARKS = frozenset({"“", "‘"})
APOSTROPHES = frozenset({"'", "’"})  # marks that are apostrophes as often as quotation marks
MAX_TITLE_WORDS = 8  # a film's, a book's or a song's title; a quotation of speech is longer, or in lower case
TITLE_JOINERS = frozenset({"and", "of", "the", "a", "an", "in", "on", "for", "to", "at", "with"})  # "War and Peace"


def _key(name: str) -> str:
    cleaned = without_legal_form(clean_name(name))
    return ALIASES.get(cleaned.lower(), ALIASES.get(cleaned.lower() + ".", cleaned))


def _member_keys(names: NameList) -> dict[str, str]:
    states = dict(names.states)
    return {name: states.get(name) or _key(name) for name in names.members}


def _keys_of_both(a: NameList, b: NameList) -> tuple[dict[str, str], dict[str, str]]:
    """Each member of two lists by its key: the sovereign state it names ("American" and "US" are the United
    States), or its name (`_key`), one of several words under the acronym the other list writes it as ("the United
    Arab Emirates" and "the UAE" are one member)."""
    keys_a, keys_b = _member_keys(a), _member_keys(b)
    for mine, theirs in ((keys_a, keys_b), (keys_b, keys_a)):
        acronyms = {k.replace(".", ""): k for k in theirs.values() if ACRONYM.fullmatch(k)}
        for name, key in mine.items():
            if (acronym := acronym_of(key)) in acronyms:
                mine[name] = acronyms[acronym]
    return keys_a, keys_b


def _only_in(keys: Mapping[str, str], other_keys: set[str], other: NameList) -> list[str]:
    """The members (by key) one list names and the other claim does not: nor a state the other names in other words
    outside its list ("American, British and French warships" / "US, British and French warships", the tagger
    leaving "US" out of the list). By key, so that a source's version of the fact reads alike in each of its pairs."""
    return sorted(
        {
            key
            for name, key in keys.items()
            if key not in other_keys and key not in other.named_states and not mentions(other, name)
        }
    )


def _as_written(keys: list[str], key_of: Mapping[str, str]) -> list[str]:
    """Members by key as one list writes them, for the message a reader checks against its sentence: "American"
    where the key is the United States."""
    return sorted({name for name, key in key_of.items() if key in keys})


def _differences(
    key_a: Mapping[str, str], key_b: Mapping[str, str], list_a: NameList, list_b: NameList
) -> dict[str, list[str]]:
    """Each side's members (by key) the other claim does not name: a discrepancy (`only_in_a`) where the other's list
    is whole; where it is partial ("including") no discrepancy, but still part of the side's list (`more_in_a`)."""
    found = {}
    for side, mine, theirs, other in (("a", key_a, key_b, list_b), ("b", key_b, key_a, list_a)):
        names = _only_in(mine, set(theirs.values()), other)
        found[f"only_in_{side}"] = [] if other.partial else names
        if other.partial and names:
            found[f"more_in_{side}"] = names
    return found


def _coordination_head(token, qualifiers: frozenset[int] = frozenset()):
    """The first conjunct of the coordination `token` is in (itself when it is in none).

    Modifiers listed before a noun are one coordination though the parser hangs all but the last two on the
    noun: "German, Austrian and Swiss nationals" gives "German" and "Austrian" as modifiers of "nationals" and
    "Swiss" as a conjunct of "Austrian"; the list starts at "German". A place's region (`qualifiers`: their
    tokens) heads no list: in "Birmingham, Ala., Memphis, Tenn., and Jackson" the parser may hang "Memphis" on
    "Ala."."""
    while (token.dep_ == "conj" or _name_beside_name(token)) and token.head.i != token.i:
        token = _name_before_a_comma(token) or token.head
        if token.i in qualifiers and token.dep_ == "appos":
            token = token.head
    doc = token.doc
    while token.dep_ in {"amod", "compound"} and token.i >= 2 and doc[token.i - 1].text == ",":
        before = doc[token.i - 2]
        if before.head.i != token.head.i or before.dep_ != token.dep_:
            break
        token = before
    return token


def _name_before_a_comma(token):
    """The name of the same kind before a comma right before a conjunct the parser hung on a common noun, or None:
    "investors in the United States, the United Kingdom and Singapore" gives "United Kingdom" to "investors"; the
    list starts at "United States"."""
    left, doc = token.left_edge.i, token.doc
    if not token.ent_type_ or token.head.ent_type_ or left < 2 or doc[left - 1].text != ",":
        return None
    before = doc[left - 2]
    return before if before.ent_type_ == token.ent_type_ else None


def _name_beside_name(token) -> bool:
    """A name the parser hung on the name before it and a comma, as an apposition or a modifier: a list's second
    member. "Council members Greg Tate, Maria Alvarez and Paul Dunn" gives "Alvarez" as Tate's apposition and
    "Dunn" as its conjunct: the list starts at "Tate"; "Norway, Chile, Kenya and Peru" gives "Chile" to "Norway"
    as a modifier. A person is no other person's description; a place may be another's ("Paris, France"), so it
    is a member only where the list goes on from it."""
    if token.dep_ not in {"appos", "npadvmod"} or not token.ent_type_ or token.head.ent_type_ != token.ent_type_:
        return False
    first = token.left_edge
    beside = first.i > 0 and token.doc[first.i - 1].text == "," and token.head.i < first.i
    return beside and (token.ent_type_ == "PERSON" or any(child.dep_ == "conj" for child in token.children))


def _longest_list(tokens) -> tuple[list, Any]:
    """The names of the longest coordination of names in `tokens`, and its first conjunct."""
    groups: dict[int, list] = {}
    heads = {}
    in_titles = _in_titles(tokens)
    names = [name for name in name_spans(tokens) if name.start not in in_titles]
    qualifiers = _region_qualifiers(names, tokens)
    qualifier_tokens = frozenset(t.i for name in qualifiers for t in name)
    qualifying: dict[int, list] = {}
    for name in names:
        head = _coordination_head(name.root, qualifier_tokens)
        following = name.doc[name.end] if name.end < len(name.doc) else None
        if name.root.pos_ == "ADJ" and following is not None and following.pos_ == "PROPN":
            continue  # "Trump and Ukrainian President Zelensky": "Ukrainian" describes a member, it is none
        if name.root.ent_type_ == "NORP" and any(c.dep_ == "nummod" for c in name.root.children):
            continue  # "two further Americans": a count of people, no one named
        person = _person_described(head)
        if person is not None:  # "Sandy Mitchell from Glasgow and Glasgow-born William Sampson"
            if name.root.i == head.i:
                qualifying.setdefault(_coordination_head(person, qualifier_tokens).i, []).append(name)
                continue  # where a member is from: no member
            head = _coordination_head(person, qualifier_tokens)  # the parser hung Sampson on Glasgow: he is Mitchell's
        if name in qualifiers:
            qualifying.setdefault(head.i, []).append(name)  # "Birmingham, Ala., Cleveland": which Birmingham
            continue
        groups.setdefault(head.i, []).append(name)
        heads[head.i] = head
    best: tuple[list, Any] = ([], None)
    for i, members in groups.items():
        joined = any(child.dep_ == "cc" for name in members + qualifying.get(i, []) for child in name.root.children)
        if (
            not joined
            and len(members) >= 2
            and (last := _last_member_hung_elsewhere(members[0].root, members[-1], names)) is not None
        ):
            members, joined = [*members, last], True
        if len(members) >= 2 and joined and len(members) > len(best[0]):
            best = (members, heads[i])
    return best


def _last_member_hung_elsewhere(first, last, names: list):
    """The name after ", and" (or "or") right past a coordination's last name, where the parser hung it on another
    word, or None: in "Officials from France, Germany, Italy, and Spain met" it makes "Spain" the subject of "met",
    and in "Military groups in Morocco, Algeria, Tunisia, and Egypt" a conjunct of "groups", leaving "France, Germany,
    Italy" with no "and". One name right after the comma and the conjunction ends the list where the parser hung it
    on a word above the list ("met", over "Officials from France"); where it hung it on a verb of a clause of its
    own, the name starts that clause ("The plan was backed by France, Germany, Italy, and Spain opposed it")."""
    doc, at = last.doc, last.end
    if at < len(doc) and doc[at].text == ",":
        at += 1
    if at >= len(doc) or doc[at].dep_ != "cc" or doc[at].lower_ not in {"and", "or"}:
        return None
    at += 1
    if at < len(doc) and doc[at].lower_ == "the":
        at += 1
    name = next((name for name in names if name.start == at), None)
    return name if name is not None and name.root.head in first.ancestors else None


def _in_titles(tokens) -> frozenset[int]:
    """The tokens of a work's title in quotation marks, double or single ('for "Salt and Ember"', "“War and Peace”",
    "the novel 'Salt and Ember'"): a few words, each capitalised but its small joining words, are a name, no list of
    two. A quotation of speech ('"We thank France, Spain and Italy," he said') has words in lower case, and its list
    stands."""
    found: set[int] = set()
    opened: dict[str, int] = {}  # the kind of quotation mark → where the quotation it opened starts
    for token in tokens:
        kind = QUOTE_KINDS.get(token.text)
        if kind is None:
            continue
        if kind not in opened or token.text in OPENING_MARKS:
            if _opens(token):
                opened[kind] = token.i
            continue
        opening = opened.pop(kind)
        inside = [t for t in token.doc[opening + 1 : token.i] if t.is_alpha]
        if 0 < len(inside) <= MAX_TITLE_WORDS and all(t.is_title or t.lower_ in TITLE_JOINERS for t in inside):
            found |= set(range(opening + 1, token.i))
    return frozenset(found)


def _opens(mark) -> bool:
    """Whether a quotation mark may open a quotation: a single one (straight or a right mark) only with a space
    before it and a letter after ("the novel 'Salt and Ember'"), as an apostrophe is not ("the players' union", "Fire
    Brigades’ Union", "the '90s")."""
    if mark.text not in APOSTROPHES:
        return True
    doc = mark.doc
    after = doc[mark.i + 1] if mark.i + 1 < len(doc) else None
    spaced = mark.i == 0 or bool(doc[mark.i - 1].whitespace_)
    return spaced and not mark.whitespace_ and after is not None and after.text[:1].isalpha()


def _person_described(head):
    """The person a coordination is the object of "from" or "of" on ("Sandy Mitchell from Glasgow", "Jones of
    Reuters") where another person is coordinated with it, or None. The parser hangs the next member of the
    person's own list on such a name ("Sandy Mitchell from Glasgow and Glasgow-born William Sampson" coordinates
    Sampson with Glasgow): the name says who the person is and takes no part, and its conjuncts are the person's.
    With no person among them ("Samantha Power of the United States, France and Britain") the list stands."""
    preposition, person = head.head, head.head.head
    described = head.dep_ == "pobj" and preposition.dep_ == "prep" and preposition.lower_ in PERSON_PREPOSITIONS
    misparsed = any(t.ent_type_ == "PERSON" for t in head.conjuncts)  # none in "of the United States and France"
    return person if described and misparsed and person.ent_type_ == "PERSON" else None


def _region_qualifiers(names: list, tokens) -> list:
    """The names that say which place the name before them is: a state or region (`region` in lists.jsonl)
    right after another place and a comma ("Birmingham, Ala., Cleveland"), so no members of a list.

    An abbreviated one ("Ala.", "Tenn.") always; one written out only where the sentence gives two or more, as a
    list of places with their states does ("Birmingham, Alabama, Memphis, Tennessee, and Jackson"), and only
    closed by a comma or punctuation: one alone ("Spain, England, France and Germany"; "New York, New Jersey,
    Connecticut") or one before "and" ("Dallas, Oklahoma and Kansas") is a member.
    """
    regions = {(span.start, span.end) for label, _, span in cues(tokens, "lists") if label == "region"}
    doc = tokens.doc
    abbreviated, written = [], []
    for before, name in zip(names, names[1:], strict=False):
        after_a_place = (before.start, before.end) not in regions and name.start == before.end + 1
        if (name.start, name.end) not in regions or not after_a_place or doc[before.end].text != ",":
            continue
        if name.text.endswith("."):
            abbreviated.append(name)
        elif name.end == len(doc) or doc[name.end].is_punct:
            written.append(name)
    return abbreviated + (written if len(written) >= 2 else [])


def list_members(tokens) -> list[str]:
    """Names in the longest coordinated list of a sentence (empty when there is none)."""
    return [clean_name(name.text) for name in _longest_list(tokens)[0]]


def _number(token) -> int | None:
    if not token.like_num:
        return None
    try:
        return int(token.text) if token.text.isascii() and token.text.isdigit() else text2num(token.lower_, "en")
    except ValueError:
        return None


def counted_size(tokens) -> int | None:
    """How many members the sentence says its list has, where it says so next to the list.

    "Two neighbouring countries, Ostrenia and Valdesia, sent planes" (the list
    in apposition to, or coordinated with, a counted noun), "Ostrenia and
    Kestria are the only two countries" (the counted noun the list is): a list
    its sentence counts is closed, so two such lists of one size differ even in one member.
    """
    found = _longest_list(tokens)
    return _counted_size(found, is_partial(tokens, found))


def _counted_size(found: tuple[list, Any], partial: bool) -> int | None:
    names, head = found
    if head is None or partial:
        return None
    nouns = [head]
    if head.dep_ == "appos":
        nouns.append(head.head)
    if head.dep_ in ("nsubj", "nsubjpass"):
        nouns += [c for c in head.head.children if c.dep_ == "attr"]
    counts = {_number(c) for noun in nouns for c in noun.children if c.dep_ == "nummod"}
    return len(names) if len(names) in counts else None


def is_partial(tokens, found: tuple[list, Any]) -> bool:
    """Whether the sentence says its list names only some of those taking part: by a cue ("including", "among", not
    "split among": `partial` in lists.jsonl; a verb "include" the list is the object of: `partial:include`; "two
    of the" right after the list: `partial:beside`, as "two of the diplomats said" elsewhere in the sentence says
    nothing of it) or by counting others beside the names (`_counts_unnamed_members`). `found`: the sentence's list
    (`_longest_list`)."""
    names, head = found
    cued = list(cues(tokens, "lists"))
    # "split among A, B and C" names all who share something: its "among" is no partial list's ("among them A")
    whole = {t.i for label, _, span in cued if label == "whole" for t in span}
    if any(label == "partial" and not {t.i for t in span} & whole for label, _, span in cued):
        return True
    if not names:
        return False
    first, last = min(t.i for name in names for t in name), max(t.i for name in names for t in name)
    if any(label == "partial:beside" and _beside(span, first, last) for label, _, span in cued):
        return True
    if head is not None and any(label == "partial:include" and span.root in head.ancestors for label, _, span in cued):
        return True  # "the winners included A, B and C": the verb of the list, not "the tour, which includes a stop"
    return head is not None and (_counts_unnamed_members(head, names) or _the_others(head))


def _the_others(head) -> bool:
    """ "The other members of the consortium are A and B", "its remaining partners, A and B": the list names those
    beside one the sentence leaves out, as its noun says ("other" over the noun the list is in apposition to or is
    the subject of the list's "are")."""
    if head.dep_ == "appos":
        nouns = [head.head]
    elif head.dep_ == "attr":
        nouns = [c for c in head.head.children if c.dep_ == "nsubj"]
    else:
        return False
    return any(c.dep_ == "amod" and c.lower_ in OTHERS for noun in nouns for c in noun.children)


def _beside(cue, first: int, last: int) -> bool:
    """A cue right after a list's last name ("Adamawa and Borno, two of the states"), or its noun and a comma right
    before the first ("Two of the Britons, Sandy Mitchell and William Sampson")."""
    before = 0 <= first - cue.end <= MAX_BESIDE and cue.doc[first - 1].text == ","
    return last < cue.start <= last + MAX_BESIDE or before


def _counts_unnamed_members(head, names: list) -> bool:
    """ "John Smith, Jane Doe and three others"; "two British men, David Haines and Alan Henning, two further
    Americans and two Japanese men": a coordination (or the noun the list is in apposition to) that also holds a
    counted group with no name names only some of its members."""
    # the list's own noun ("two British men, A and B", "A and B, two countries") counts the names, no others
    top = head.head if head.dep_ == "appos" else head
    own = {top.i} | {c.i for c in head.children if c.dep_ == "appos"}
    named = {t.i for name in names for t in name} | own
    found, seen = [top], set()
    while found:  # the coordination and appositions around the list, no deeper
        token = found.pop()
        seen.add(token.i)
        found += [c for c in token.children if c.dep_ in {"conj", "appos"} and c.i not in seen]
        if token.i not in named and any(c.dep_ == "nummod" for c in token.children):
            return True
    return False


@dataclass(frozen=True, slots=True)
class NameList:
    """The longest list of names a claim gives, and what the comparison needs of the rest of it."""

    members: tuple[str, ...]
    size: int | None  # as the sentence counts it, where it does ("the two countries, A and B")
    partial: bool  # marked as partial: "including", "such as"
    event_words: frozenset[str]
    entities: tuple[str, ...]
    names: frozenset[str]  # the claim's names and their words, lower case: a name written out is a mention
    text: str  # the claim's words, apostrophes dropped (`without_apostrophes`)
    around: tuple[str, ...]  # the claim's words before its list and after it (`_words_around`); none for
    # the two sides of a relation (`_between`)
    states: tuple[tuple[str, str], ...]  # the members that name a sovereign state, with it (`_member_states`)
    named_states: frozenset[str]  # the sovereign states the claim names anywhere (`_named_states`)


def _words_around(tokens, names: list) -> tuple[str, ...]:
    """The claim's words and figures, in order and lower case, before its list (`names`) and after it: "told the
    BBC and the Washington Post on Monday" gives "told", "on", "monday" (a member's "the" is its name's). Two claims
    whose lists sit in the same words tell of one group, whatever names each gives it."""
    if not names:
        return ()
    first, last = names[0][0], names[-1][-1]
    start = first.i - 1 if first.i > 0 and first.nbor(-1).dep_ == "det" and first.nbor(-1).head in names[0] else first.i
    return tuple(t.lower_ for t in tokens if (t.is_alpha or t.like_num) and not start <= t.i <= last.i)


def _named_states(cued: list) -> frozenset[str]:
    """The sovereign states the claim names anywhere by a name of theirs, capitalised ("US", "the United States",
    "Burma"; not "Russian state media", "china plates"), the longest name where names overlap ("the Democratic
    People's Republic of Korea" names North Korea, not the Republic of Korea in it). `cued`: the claim's matches of
    `states` in checker/patterns."""
    from spacy.util import filter_spans  # here: a rerun that parses nothing imports no spaCy (tests/test_ci.py)

    found = {(span.start, span.end): (label, span) for label, pattern, span in cued if not pattern.endswith(PEOPLE)}
    longest = filter_spans([span for _, span in found.values()])
    return frozenset(found[span.start, span.end][0] for span in longest if span.text[:1].isupper())


def _member_states(cued: list, names: list) -> tuple[tuple[str, str], ...]:
    """Each member (cleaned, as the list keeps it) that a place or a people's name is (tagged GPE, LOC or NORP) and
    that names a sovereign state whole ("Iraq", "Iraqi", "Burma": Myanmar; `states` in checker/patterns), with the
    state: not "American" the airline, nor a city, a territory or a longer name holding a state's ("South Sudan"
    holds "Sudan" but is its own state)."""
    states = {(span.start, span.end): label for label, _, span in cued}
    return tuple(
        (clean_name(name.text), states[name.start, name.end])
        for name in names
        if (name.start, name.end) in states and name.root.ent_type_ in STATE_LABELS
    )


def _between(head) -> bool:
    """A list that is what "between" governs ("relations between Israel and the UAE", "flights between Qatar and
    Egypt"): the two sides of one relation. Another pair is another relation, both may hold, so two such lists in
    one wording tell of no one group (session 69's review probes)."""
    return head is not None and head.dep_ == "pobj" and head.head.lower_ == "between"


def without_apostrophes(text: str) -> str:
    """ "Dillard's" and "Dillards" are one name written two ways (as "Kohl's" / "Kohls")."""
    return text.replace("'", "").replace("\u2019", "")


def mentions(names: NameList, name: str) -> bool:
    """Whether the claim names `name` anywhere: as a tagged name or a word of one, as a whole name written out in
    its words, or within a member of its own list (the tagger may cut a name the other claim keeps whole: "Kohl's
    Department Stores" tagged "Kohl" and "Department Stores")."""
    key = _key(name)
    return (
        key in names.entities
        or person_key(name) in names.entities
        or bool({key.lower(), name.lower()} & names.names)
        or any(_written_in(form, names.text) for form in {key, name})
        or any(_written_in(form, without_apostrophes(member)) for form in {key, name} for member in names.members)
    )


def _written_in(name: str, text: str) -> bool:
    """`name` as a whole name in `text`, apostrophes dropped from both: not run on into another capitalised word
    or a hyphen ("New York" in "the New York Times", "Georgia" in "Georgia-Pacific" name something else)."""
    found = re.finditer(rf"(?<![\w-]){re.escape(without_apostrophes(name))}(?![\w-])", text)
    return any(RUNS_ON.match(text, match.end()) is None for match in found)


def event_words(tokens) -> set[str]:
    """Lemmas of the lowercase content words: what happened, as opposed to who.

    Content words are those spaCy does not call stop words, and the few stop words that say what
    happened (`event` in lists.jsonl): "voted against" is not "voted with".
    """
    cued = {span.start for label, _, span in cues(tokens, "lists") if label == "event"}
    return {
        t.lemma_.lower() for t in tokens if t.is_alpha and t.is_lower and len(t) > 2 and (not t.is_stop or t.i in cued)
    }


def _kind_of_the_members(head) -> set[str]:
    """The noun the list's names are kinds of ("county" of "Levy and Citrus counties"), as a lemma: it says what the
    members are, not what happened, and two lists of counties share it whatever each tells. `head`: the list's first
    conjunct."""
    return {head.head.lemma_.lower()} if head is not None and head.dep_ in {"nmod", "compound"} else set()


def mentioned_names(tokens) -> set[str]:
    """The claim's names in lower case, whole (as list members are keyed) and word by word."""
    names = name_spans(tokens)
    return {_key(n.text).lower() for n in names} | {t.lower_ for n in names for t in n if t.is_alpha}


class EntitySetCheck(Check):
    kind = "entity_set"
    rule = "The two claims list different participants in the same event."
    order = 20
    annotation = NameList
    settings = (
        CheckSetting("min_similarity", 0.5, "Cosine of the two claims below which their lists are not compared:"
                     " the same event told twice sits above it in the seeds and clusters."),
        CheckSetting("close_similarity", 0.65, "Above this cosine one shared event word (\"vote\", \"resolution\")"
                     " is enough to say the two lists are of the same event."),
    )  # fmt: skip
    evidence = {
        "description": "Participants named on both sides, and those on one side only.",
        "required": ["shared", "only_in_a", "only_in_b"],
        "properties": {
            "shared": {"type": "array", "items": {"type": "string"}},
            "only_in_a": {"type": "array", "items": {"type": "string"}},
            "only_in_b": {"type": "array", "items": {"type": "string"}},
            "more_in_a": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Members only side a lists where side b's list is partial ('including'): no"
                " discrepancy, but part of a's list.",
            },
            "more_in_b": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Members only side b lists where side a's list is partial.",
            },
        },
    }
    side_swaps = {"only_in_a": "only_in_b", "more_in_a": "more_in_b"}

    def annotate(self, claim: Claim, tokens) -> NameList:
        found = _longest_list(tokens)  # once: each reading of the list below starts from it
        names, head = found
        partial = is_partial(tokens, found)
        states = list(cues(tokens, "states"))
        return NameList(
            tuple(clean_name(name.text) for name in names),
            _counted_size(found, partial),
            partial,
            frozenset(event_words(tokens) - _kind_of_the_members(head)),
            claim.entities,
            frozenset(mentioned_names(tokens)),
            without_apostrophes(tokens.text),
            () if _between(head) else _words_around(tokens, names),
            _member_states(states, names),
            _named_states(states),
        )

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """The whole list a side gives: the members both name and its own, those the other side's partial list leaves
        open among them ("France, Germany, Italy, and Portugal backed the plan" against "countries including France,
        Germany, Italy, and Spain": Portugal is no discrepancy, but b's list holds it)."""
        own = (*detail.get(f"only_in_{side}", ()), *detail.get(f"more_in_{side}", ()))
        members = tuple(sorted({*detail.get("shared", ()), *own}))
        return members, ", ".join(members)

    @staticmethod
    def _swapped(only_a: list[str], only_b: list[str], list_a: NameList, list_b: NameList) -> bool:
        """Whether each member one side alone names (by key) is a sovereign state, as is each the other side alone
        names: then no one country is written two ways ("Burma" / "Myanmar", "US" / "American": one key), nor a
        city or a territory told for its country ("Baghdad" / "Iraq", "Hong Kong" / "China"), which outlets
        carrying one wire sentence differ in. People and bodies have other names no data here tells ("Mao Zedong"
        / "Mao Tse-tung", "Facebook" / "Meta"), and a capital keyed as its state ("Moscow") is no state's name, so
        a swap of those is no discrepancy."""
        states = {state for x in (list_a, list_b) for _, state in x.states}
        return bool(only_a and only_b) and all(key in states for key in (*only_a, *only_b))

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        list_a, list_b = self.mine(a), self.mine(b)
        if not list_a.members or not list_b.members:
            return None
        key_a, key_b = _keys_of_both(list_a, list_b)
        keys_a, keys_b = set(key_a.values()), set(key_b.values())
        shared = keys_a & keys_b
        if similarity < self.setting("min_similarity") and len(shared) < LONG_SHARED:
            return None
        same_event_words = len(list_a.event_words & list_b.event_words)
        closed = list_a.size is not None and list_a.size == list_b.size
        same_words = bool(list_a.around) and list_a.around == list_b.around  # "Iraq and Syria" / "Iraq and Lebanon"
        close = similarity >= self.setting("close_similarity")
        one_group = closed or same_words  # then one shared member is enough
        if len(shared) < (1 if one_group else MIN_SHARED) or same_event_words < (1 if close else MIN_EVENT_WORDS):
            return None  # not the same group of participants in the same event
        detail = {"shared": sorted(shared)} | _differences(key_a, key_b, list_a, list_b)
        only_a, only_b = detail["only_in_a"], detail["only_in_b"]
        if len(shared) < MIN_SHARED and not closed and not self._swapped(only_a, only_b, list_a, list_b):
            return None  # one wording, a member written two ways: outlets carrying one wire sentence differ so
        if only_a or only_b:
            sides = "; ".join(  # of this pair: other sources may give either list (the fact lists them)
                f"{', '.join(_as_written(keys, key_of))} in {doc}, not in {other}"
                for doc, other, keys, key_of in (
                    (a.doc_id, b.doc_id, only_a, key_a),
                    (b.doc_id, a.doc_id, only_b, key_b),
                )
                if keys
            )
            return Evidence(self.kind, True, detail, f"different participants ({sides})")
        if keys_a == keys_b:
            return Evidence(self.kind, False, detail, f"the same participants ({', '.join(sorted(shared))})")
        return None
