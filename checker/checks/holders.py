"""`holder` check: one office that one holder holds at a time, given to two people by two sources.

"Brennick Mayor Tomasz Riedl said municipal clinics would open on Saturdays" against "Brennick Mayor Sofia
Andrade-Kell said city buses would carry vaccination messages"; "said WFRP country director Marcus Feld" against
"said WFRP country director Lena Hoffmann". The `title` check compares the offices one person is given; this one
compares the people one office is given, where the office has one holder (a city's mayor, a ministry's minister, a
company's chief executive: `SINGLE_HOLDER`) and both sources name whose office it is alike ("Brennick", "WFRP",
"Marenga's"): a story may name two mayors of two towns, and a body has several directors and judges and spokesmen.

Not compared: an office told as former, held at the time told ("then-Mayor"), left or being left ("who is stepping
down"), or a deputy's, or in a sentence set in a year ("In 2014, Fed Chair Janet Yellen said": a holder before);
whose office it is is never a party ("Democratic Mayor Eric Adams"); two names spelled alike are one person; nor
where either source's document gives the other person the same office anywhere (`HolderIndex`): an office changes
hands, and an article may name the old holder and the new.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from checker.checks.base import Check, CheckSetting, Side, versus
from checker.checks.titles import Role, titled_people
from checker.records import Claim, Evidence

# kinds of office (`checker/patterns/offices.jsonl`) that one person holds at a time for whoever it is of
SINGLE_HOLDER = frozenset(
    {
        "mayor", "president", "prime minister", "minister", "chief officer", "governor", "director general",
        "police chief", "fire chief", "site manager", "speaker", "attorney general", "general secretary",
        "secretary of state", "chair", "chairman", "chairwoman", "chief of staff", "chancellor",
    }
)  # fmt: skip
NOT_WHOSE = frozenset({"the", "a", "an", "'s", "’s", ",", "former", "then", "acting", "interim"})


class Holding(NamedTuple):
    office: str  # whose and which, as compared: "brennick mayor", "wfrp site manager director"
    person: str  # the person's key: "person:riedl"
    first_name: str
    text: str  # as written: "Brennick Mayor Tomasz Riedl"


class Holdings(NamedTuple):
    found: tuple[Holding, ...] = ()


def holdings(tokens) -> tuple[Holding, ...]:
    """The offices of one holder the claim gives a person now, with whose office each is where the claim says: not
    in a sentence set in a year ("In 2014, Fed Chair Janet Yellen said"), which may tell of a holder before."""
    if any(t.ent_type_ == "DATE" and t.shape_ == "dddd" for t in tokens):
        return ()
    groups = {t.lower_ for t in tokens if t.ent_type_ == "NORP"}  # "Democratic Mayor Eric Adams": a party's, no city's
    found = []
    for role in titled_people(tokens):
        if role.kind not in SINGLE_HOLDER or role.former or role.then or role.leaving:
            continue
        if role.office.split()[0] in {"deputy", "vice"}:
            continue
        whose = " ".join(w for w in _whose(role).split() if w not in groups)
        if whose:
            found.append(Holding(f"{whose} {role.kind} {role.office}", role.person, role.first_name, role.text))
    return tuple(found)


def _whose(role: Role) -> str:
    """The names that say whose the office is, lower case: "brennick" of "Brennick Mayor Tomasz Riedl", "marenga" of
    "Marenga's finance minister, Halima Osei-Bakari"; "" for none, or a body named by its kind only ("the union's
    president", "president of the company": a story may tell of two)."""
    title = role.title.split()
    written = [w.strip(",") for w in role.text.split()]
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in written]
    end = next((i for i in range(len(words)) if words[i : i + len(title)] == title), 0)
    return " ".join(
        w
        for w, as_written in zip(words[:end], written[:end], strict=True)
        if w not in NOT_WHOSE and as_written[:1].isupper()
    )


def _name(holding: Holding) -> str:
    """The holder's name as written, the office's words left out, lower case, letters only."""
    office = set(holding.office.split())
    return "".join(c for w in holding.text.lower().split() if w not in office for c in w if c.isalpha())


class HolderIndex:
    """The offices each document gives each person: a document that gives the other person the office too tells
    of both holders."""

    def __init__(self, claims: Iterable[Claim], kind: str) -> None:
        self.held: set[tuple[str, str, str]] = set()
        for claim in claims:
            for holding in claim.annotations[kind].found:
                self.held.add((claim.doc_id, holding.office, holding.person))

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        office = evidence.detail["office"]
        return any(
            (doc, office, evidence.detail[f"{side}_person"]) in self.held
            for side, doc in (("b", a.doc_id), ("a", b.doc_id))
        )


class HolderCheck(Check):
    kind = "holder"
    rule = "The two claims give one office that one person holds to two people."
    order = 42
    annotation = Holdings
    settings = (
        CheckSetting(
            "spelled_alike",
            0.8,
            "Least similarity of two holders' names (difflib ratio of their letters) to read them as one name"
            " written two ways: the person check's ('Mohammed Al-Sayed' / 'Mohamed Elsayed', session 64's review).",
        ),
    )
    evidence = {
        "description": "One office of one holder given to two people.",
        "required": ["office", "a_person", "b_person", "a", "b"],
        "properties": {
            "office": {"type": "string", "description": "Whose office and which, as compared: 'brennick mayor mayor'."},
            "a_person": {"type": "string", "description": "The person's key: 'person:riedl'."},
            "b_person": {"type": "string"},
            "a": {"type": "string", "description": "The office with the name, as written."},
            "b": {"type": "string"},
        },
    }
    side_swaps = {"a_person": "b_person"}

    def annotate(self, claim: Claim, tokens) -> Holdings:
        return Holdings(holdings(tokens))

    def pairing_keys(self, claim: Claim) -> set[str]:
        """Claims naming one office of one holder are paired, however unalike their words."""
        return {f"holder:{holding.office}" for holding in self.mine(claim).found}

    def explainer(self, claims: Sequence[Claim]) -> HolderIndex:
        return HolderIndex(claims, self.kind)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return str(detail.get("office", ""))

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """The person, as compared (the name's key) and as written with the office."""
        return str(detail.get(f"{side}_person", "")), str(detail.get(side, ""))

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        for x in self.mine(a).found:
            for y in self.mine(b).found:
                if x.office != y.office or x.person == y.person:
                    continue
                if not (x.first_name and y.first_name) or x.first_name == y.first_name:
                    continue  # "Mayor Riedl" may be "Mayor Tomasz Riedl"'s other name; one given name, one person
                if SequenceMatcher(None, _name(x), _name(y)).ratio() >= self.setting("spelled_alike"):
                    continue  # "Mohammed Al-Sayed", "Mohamed Elsayed": one name written two ways
                detail = {"office": x.office, "a_person": x.person, "b_person": y.person, "a": x.text, "b": y.text}
                return Evidence(self.kind, True, detail, versus(x.text, y.text))
        return None
