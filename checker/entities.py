"""Normalise named entities across sources: aliases, metonymy and name variants.

Sources name the same actor differently: Washington / the US / the White House,
Moscow / the Kremlin / Russia, Kyiv / Ukraine, Britain / the U.K., "Putin" after
"Vladimir V. Putin", "Zelenskyy" and "Zelensky". Claims are only paired and
compared reliably once these map to one key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from cleanco import basename

from checker.patterns import words

# Capital cities and seats of government stand for their state in news prose.
ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "washington": "United States",
    "white house": "United States",
    "the white house": "United States",
    "russia": "Russia",
    "russian federation": "Russia",
    "moscow": "Russia",
    "kremlin": "Russia",
    "ukraine": "Ukraine",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "downing street": "United Kingdom",
    "london": "United Kingdom",
    "china": "China",
    "beijing": "China",
    "prc": "China",
    "north korea": "North Korea",
    "pyongyang": "North Korea",
    "dprk": "North Korea",
    "belarus": "Belarus",
    "minsk": "Belarus",
    "france": "France",
    "paris": "France",
    "elysee": "France",
    "germany": "Germany",
    "berlin": "Germany",
    "iran": "Iran",
    "tehran": "Iran",
    "israel": "Israel",
    "jerusalem": "Israel",
    "un": "United Nations",
    "u.n.": "United Nations",
    "united nations": "United Nations",
    "eu": "European Union",
    "e.u.": "European Union",
    "european union": "European Union",
    "brussels": "European Union",
    "european commission": "European Union",  # the EU's executive: news uses the two for the same acts
    "nato": "NATO",
    # A country's other names, as outlets use either: a new official name ("Czechia", "Türkiye", "Eswatini"), an old
    # one still in use ("Burma", "Swaziland"), a common one ("Ivory Coast"), the UN's ("Lao PDR"). Not a name of
    # another state ("Zaire", "Persia": a story of the past), one a region or a person shares ("Macedonia", the Greek
    # region; "Holland", a surname and a city in Michigan), nor an acronym of other bodies ("DRC", the Danish Refugee
    # Council too): those stay names of their own.
    "burma": "Myanmar",
    "türkiye": "Turkey",
    "turkiye": "Turkey",
    "côte d'ivoire": "Ivory Coast",
    "côte d’ivoire": "Ivory Coast",
    "cote d'ivoire": "Ivory Coast",
    "cote d’ivoire": "Ivory Coast",
    "czechia": "Czech Republic",
    "swaziland": "Eswatini",
    "timor-leste": "East Timor",
    "cabo verde": "Cape Verde",
    "bosnia-herzegovina": "Bosnia and Herzegovina",
    "lao pdr": "Laos",
    "viet nam": "Vietnam",
    "holy see": "Vatican",
    "vatican city": "Vatican",
    # A group outlets name each their own way: its acronyms in English and Arabic, and its names spelt out.
    "isis": "Islamic State",
    "isil": "Islamic State",
    "daesh": "Islamic State",
    "islamic state": "Islamic State",
    "islamic state of iraq and syria": "Islamic State",
    "islamic state of iraq and the levant": "Islamic State",
    "islamic state of iraq and al-sham": "Islamic State",
}
ENTITY_LABELS = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT"}
MIDDLE_INITIAL = re.compile(r"\b[A-Z]\.\s+")
POSSESSIVE = re.compile(r"(’s|'s|’|')$")
TRAILING_SCORE = re.compile(r"\s+\d{1,2}[-–]\d{1,2}$")  # "Chelsea 2-1": the tagger takes a score into a name
# An acronym in brackets after a name, closed or cut where the tagger's span ends: "the Local Coordination
# Committees (LCC)" is the name without it.
BRACKETED_AFTER = re.compile(r"\s*\([^()]*\)?$")


def clean_name(text: str) -> str:
    text = POSSESSIVE.sub("", " ".join(text.split()))
    text = TRAILING_SCORE.sub("", BRACKETED_AFTER.sub("", text) or text)  # "(AP)" alone stays a name
    return re.sub(r"^(the|The)\s+", "", text).strip(" .,")


@functools.lru_cache(maxsize=65536)
def without_legal_form(name: str) -> str:
    """A business name without its legal form ("Delta Air Lines Inc." → "Delta Air Lines", "Volkswagen AG" →
    "Volkswagen"): outlets name one company with and without it. cleanco knows the forms of many countries.
    Cached: cleanco tries each of its forms in turn, and the list checks key the same names on every pair."""
    base = basename(name).strip(" .,")
    return base if len(base) > 1 and any(c.isalpha() for c in base) else name


PERSON_KEY = "person:"
# "House", "Senate", "City Council": a body a story may name without its place
CHAMBERS = words("quantities", "chamber")
ACRONYM = re.compile(r"(?:[A-Z]\.?){3,6}")  # "USGS", "WMO", "AMW": a name of initials (not "GM", "BA")
INITIALS = re.compile(r"(?:[A-Z]\.)+")  # "U.S." within a name: a letter for each
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "&", "on", "in"})  # words an acronym leaves out
BODY_KEY = "body:"  # the kind of body a claim says spoke ("body:armed", "body:state"): checker/patterns/bodies.jsonl


def person_key(name: str) -> str:
    """People are keyed by surname, spelling variants folded (Zelenskyy → zelensky)."""
    surname = MIDDLE_INITIAL.sub("", name).split()[-1].lower()
    return PERSON_KEY + re.sub(r"y+$", "y", surname)


def entity_key(text: str, label: str) -> str | None:
    """One key per real-world entity, or None for what is not worth comparing."""
    name = clean_name(text)
    if not name or not any(c.isalpha() for c in name):
        return None
    if label == "PERSON":
        return person_key(name)
    lowered = name.lower()
    for form in (lowered, lowered + "."):
        if form in ALIASES:
            return ALIASES[form]
    if label == "NORP":
        return None  # "Russian", "European": descriptors, not participants
    return without_legal_form(name) if label == "ORG" else name  # not "Windows PC" → "Windows"


def entity_text(ent) -> str:
    """A tagged name's words, without a verb the tagger ran it on into ("The Social Democratic Alliance won"); a
    capitalised one is the name's ("George Will")."""
    end = len(ent)
    while end > 1 and ent[end - 1].pos_ in {"VERB", "AUX"} and ent[end - 1].is_lower:
        end -= 1
    return ent[:end].text


def share_entity(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two claims' entity keys name one entity, whichever label the tagger gave it in each.

    The tagger may call "BelRail" a person in one sentence and an organisation in
    the next; as keys that is "person:belrail" against "BelRail". (A name of several
    words tagged a person is keyed by its last word, "person:pharma" for "Halvorsen
    Pharma": matching that word to an organisation's name made "Surrey Police" and
    "Kent Police" one.) An acronym of three letters or more is the name its letters
    spell ("USGS", "the U.S. Geological Survey"), as outlets write either; "GM" may be
    General Motors or General Mills.
    """

    def names(keys: Iterable[str]) -> set[str]:
        return {k.removeprefix(PERSON_KEY).lower() for k in keys}

    a, b = tuple(a), tuple(b)
    if names(a) & names(b):
        return True
    if _acronyms(a) & _spelled_out(b) or _spelled_out(a) & _acronyms(b):
        return True
    return any(one_chamber(x, y) for x in _chambers(a) for y in _chambers(b))


@functools.lru_cache(maxsize=65536)
def _chambers(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys that name a chamber (`CHAMBERS`), with or without whose it is: "House", "Oregon House". Cached, as
    `_acronyms` is: a claim's keys are met in every pair it is in."""
    return tuple(k for k in keys if k.rpartition(" ")[2].lower() in CHAMBERS)


def one_chamber(x: str, y: str) -> bool:
    """One chamber named alone and with whose it is: "the House" and "the Oregon House", "the City Council" and
    "the Riverton City Council", as outlets name the one body of their story (the White House is keyed as its
    country; "Times" is no chamber of "New York Times")."""
    shorter, longer = sorted((x.lower().split(), y.lower().split()), key=len)
    return bool(shorter) and shorter[-1] in CHAMBERS and longer[-len(shorter) :] == shorter


@functools.lru_cache(maxsize=65536)
def _acronyms(keys: tuple[str, ...]) -> frozenset[str]:
    """The keys written as an acronym, without dots: "USGS", "WMO", "AMW". Cached: a claim's keys are met in every
    pair it is in."""
    return frozenset(k.replace(".", "") for k in keys if ACRONYM.fullmatch(k))


@functools.lru_cache(maxsize=65536)
def _spelled_out(keys: tuple[str, ...]) -> frozenset[str]:
    """The acronyms the names of several words among `keys` spell (`acronym_of`), whole or up to their "and": "CDC"
    of "Centers for Disease Control and Prevention", as its acronym was before the name grew."""
    names = (key for key in keys if not key.startswith(PERSON_KEY))
    return frozenset(filter(None, (acronym_of(part) for key in names for part in {key, key.split(" and ")[0]})))


def acronym_of(name: str) -> str:
    """The acronym a name of several words spells: "USGS" of "U.S. Geological Survey", "NASA" of "National
    Aeronautics and Space Administration", "UAE" of "United Arab Emirates"; "" for a name of one word or with a word
    in lower case but its joining words ("the Ministry of health")."""
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return ""
    letters = [w.replace(".", "") if INITIALS.fullmatch(w) else w[0] for w in words if w.lower() not in ACRONYM_SKIPS]
    return "".join(letters) if all(w[0].isupper() for w in letters) else ""
