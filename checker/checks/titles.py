"""`title` check: the same person given contradictory roles.

Two kinds of conflict. A role held against a role that is past: "former
President Donald Trump" against "President Donald Trump". And two different
offices of one kind for the same person: "Transport Minister Eira Lund"
against "Interior Minister Eira Lund", "chief financial officer Elena
Sorensen" against "chief operating officer Elena Sorensen". Offices are
compared only within one kind (ministries with ministries, a company's chief
officers with chief officers), people by surname key. A person can hold two
offices ("Deputy Prime Minister and Foreign Minister"), so a role that the
other article gives the person anywhere is no conflict (`RoleIndex`), and
an office once held against another ("a former finance minister", "Foreign
Minister") is a career, not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.checks.base import Check, CheckSetting, Side
from checker.checks.text import MONTH_NAMES, WEEKDAY_NAMES
from checker.entities import person_key
from checker.records import Claim, Evidence

# Ministries and secretaryships: the word before "Minister"/"Secretary" (or after "Minister of").
PORTFOLIOS = {
    "foreign": "foreign",
    "external": "foreign",
    "interior": "interior",
    "home": "interior",
    "internal": "interior",
    "defence": "defence",
    "defense": "defence",
    "health": "health",
    "transport": "transport",
    "transportation": "transport",
    "finance": "finance",
    "treasury": "finance",
    "economy": "economy",
    "justice": "justice",
    "education": "education",
    "labour": "labour",
    "labor": "labour",
    "agriculture": "agriculture",
    "energy": "energy",
    "environment": "environment",
    "trade": "trade",
    "commerce": "trade",
    "culture": "culture",
    "tourism": "tourism",
    "information": "information",
    "industry": "industry",
    "housing": "housing",
    "infrastructure": "infrastructure",
    "communications": "communications",
    "digital": "digital",
    "science": "science",
    "sports": "sports",
    "water": "water",
    "fisheries": "fisheries",
    "immigration": "immigration",
}
# One office written two ways agrees only between claims this alike (cosine): pairs made because both
# name the person's office can be about anything else.
# A company's chief officers: "chief <word> officer", its acronym, or "chief executive".
CHIEF_OFFICERS = {"ceo": "executive", "cfo": "financial", "coo": "operating", "cto": "technology", "cmo": "marketing"}
CHIEF_SPELLINGS = {"finance": "financial", "operations": "operating", "technical": "technology"}
SINGLE_ROLES = (
    r"President|Chancellor|Secretary of State|Senator|Governor|Mayor|Ambassador|Speaker|King|Queen|"
    r"Chairman|Chairwoman|Chair|Director"
)
WORD_OF_NAME = rf"(?!(?:{WEEKDAY_NAMES}|{MONTH_NAMES})\b)(?:Mc|O['’])?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿā-ž]+"
NAME = rf"(?P<name>(?:{WORD_OF_NAME}(?: [A-Z]\.)? ){{0,3}}{WORD_OF_NAME}(?:-{WORD_OF_NAME})?)"
FORMER = r"(?P<former>(?i:former) |ex-|then-)?"
DEPUTY = r"(?P<deputy>(?i:deputy|vice) )?"  # "Deputy Prime Minister", "Vice President": offices of their own
OFFICE = (
    r"(?P<prime>(?i:prime minister|premier))"
    rf"|(?P<portfolio>(?i:{'|'.join(PORTFOLIOS)})) (?i:minister|secretary)"
    rf"|(?i:minister (?:of|for)) (?P<portfolio2>(?i:{'|'.join(PORTFOLIOS)}))"
    rf"|(?i:chief (?P<chief>[a-z]+) officer)|(?P<acronym>{'|'.join(c.upper() for c in CHIEF_OFFICERS)})"
    r"|(?P<executive>(?i:chief executive))"
    rf"|(?P<single>{SINGLE_ROLES})"
)
# "Russian", "Nepal's", "General Electric": up to three words, none the first word of a compound
# title ("Deputy", "Attorney"), so "Former General Electric chief executive X" keeps its "former"
QUALIFIER = r"(?:(?!(?:Deputy|Vice|Attorney|Lieutenant|Solicitor|Surgeon|Inspector)\b)(?:US|U\.S\.|[A-Z][a-z]+(?:['’]s)?) ){0,3}"
# "Transport Minister Eira Lund", "Corvane's chief financial officer, David Okafor"
ROLE_THEN_NAME = re.compile(rf"\b{FORMER}{QUALIFIER}(?P<title>{DEPUTY}(?:{OFFICE})),? {NAME}\b")
# "Mads Orrevik, Kestrel's chief executive", "Eira Lund, the transport minister"; not "Mark Meadows,
# President Trump's chief of staff", whose office belongs to the name after it
NAME_THEN_ROLE = re.compile(
    rf"\b{NAME}, (?:the |its |an? |{QUALIFIER}){FORMER}(?P<title>{DEPUTY}(?:{OFFICE}))\b(?!['’]s| [A-Z])"
)


@dataclass(frozen=True)
class Role:
    """An office: its kind ("minister", "chief officer", or a single title) and which one of that kind."""

    person: str  # the person's key: "person:lund"
    kind: str
    office: str
    former: bool
    text: str
    title: str = ""  # the office's words as written, lower case: "chief executive", "ceo"


def _role(m: re.Match) -> Role:
    kind, office = _office(m)
    person = person_key(m.group("name"))
    return Role(person, kind, office, bool(m.group("former")), m.group().strip(), m.group("title").lower())


def _office(m: re.Match) -> tuple[str, str]:
    """(kind, office) of a matched title."""
    deputy = (m.group("deputy") or "").lower()
    portfolio = m.group("portfolio") or m.group("portfolio2")
    if m.group("prime"):
        return "prime minister", deputy + "prime minister"
    if portfolio:
        return "minister", deputy + PORTFOLIOS[portfolio.lower()]
    chief = (m.group("chief") or "").lower() or CHIEF_OFFICERS.get((m.group("acronym") or "").lower())
    if chief or m.group("executive"):
        return "chief officer", CHIEF_SPELLINGS.get(chief, chief) or "executive"
    single = m.group("single").lower()
    return single, deputy + single


def titled_people(text: str) -> tuple[Role, ...]:
    """The role the text gives each person, one per person and kind of office."""
    found: dict[tuple[str, str], Role] = {}
    for pattern in (ROLE_THEN_NAME, NAME_THEN_ROLE):
        for m in pattern.finditer(text):
            role = _role(m)
            found.setdefault((role.person, role.kind), role)
    return tuple(found.values())


class RoleIndex:
    """Which offices each document gives each person: an office given anywhere is no conflict."""

    def __init__(self, claims: Iterable[Claim], kind: str) -> None:
        self.offices: dict[tuple[str, str, str], set[str]] = {}
        for claim in claims:
            for role in claim.annotations[kind]:
                self.offices.setdefault((claim.doc_id, role.person, role.kind), set()).add(role.office)

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        detail = evidence.detail
        if detail["a_office"] == detail["b_office"]:
            return False  # held against past: not two offices
        key = ("person:" + detail["person"], detail["role"])
        return detail["b_office"] in self.offices.get((a.doc_id, *key), set()) or detail[
            "a_office"
        ] in self.offices.get((b.doc_id, *key), set())


class TitleCheck(Check):
    """Any candidate pair qualifies: a person's office does not depend on the event told.

    One office written two ways ("chief executive" / "CEO", "Home Minister" /
    "interior minister") is agreeing evidence; the same words on both sides say nothing new.
    """

    kind = "title"
    rule = "The two claims give the same person contradictory roles."
    order = 40
    annotation = tuple[Role, ...]
    settings = (
        CheckSetting(
            "agreement_similarity",
            0.6,
            "Cosine above which one office written two ways is reported as agreeing evidence; below it the"
            " claims may be about different moments of a career.",
        ),
    )
    evidence = {
        "description": "A person's role: two offices of one kind, or described as former on one side only.",
        "required": ["person", "role", "a_office", "b_office", "a_former", "b_former", "a", "b"],
        "properties": {
            "person": {"type": "string", "description": "Surname key."},
            "role": {"type": "string", "description": "Kind of office: minister, chief officer, president, ..."},
            "a_office": {"type": "string", "description": "Which office of that kind: interior, financial, ..."},
            "b_office": {"type": "string"},
            "a_former": {"type": "boolean"},
            "b_former": {"type": "boolean"},
            "a": {"type": "string", "description": "The title as written, with the name."},
            "b": {"type": "string"},
        },
    }
    side_swaps = {"a_former": "b_former", "a_office": "b_office"}
    whole_subject = True

    def annotate(self, claim: Claim, tokens) -> tuple[Role, ...]:
        return titled_people(claim.text)

    def pairing_keys(self, claim: Claim) -> set[str]:
        """Claims naming the same person's office are paired."""
        return {f"title:{role.person}:{role.kind}" for role in self.mine(claim)}

    def explainer(self, claims: Sequence[Claim]) -> RoleIndex:
        return RoleIndex(claims, self.kind)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return f"{detail.get('person', '')}: {detail.get('role', '')}"

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """An office and whether it is past: "former president"."""
        former, office = detail.get(f"{side}_former"), detail.get(f"{side}_office", "")
        return (office, former), f"{'former ' if former else ''}{office}"

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        roles_a = {(r.person, r.kind): r for r in self.mine(a)}
        roles_b = {(r.person, r.kind): r for r in self.mine(b)}
        agreeing = None
        for key in sorted(set(roles_a) & set(roles_b)):
            x, y = roles_a[key], roles_b[key]
            person, kind = key
            detail = {
                "person": person.split(":", 1)[1],
                "role": kind,
                "a_office": x.office,
                "b_office": y.office,
                "a_former": x.former,
                "b_former": y.former,
                "a": x.text,
                "b": y.text,
            }
            if x.office == y.office and x.former == y.former:
                if x.title != y.title and similarity >= self.setting("agreement_similarity"):
                    agreeing = agreeing or Evidence(self.kind, False, detail, f"{x.text} is {y.text}")
                continue
            if x.office != y.office and (x.former or y.former):
                continue  # another office once held: a career holds several
            if x.office != y.office:
                return Evidence(self.kind, True, detail, f"{x.text} vs {y.text}")
            which = a.doc_id if x.former else b.doc_id
            return Evidence(self.kind, True, detail, f"{kind} described as former only in {which}")
        return agreeing
