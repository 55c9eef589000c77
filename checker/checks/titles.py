"""`title` check: the same person given contradictory roles.

"former President Donald Trump" against "President Donald Trump": one source
says the role is held, the other that it is past. Only the same role title
attached to the same person (by surname key) is compared.
"""

from __future__ import annotations

import re

from checker.entities import person_key
from checker.records import Claim, Evidence

ROLE = (
    r"President|Vice President|Prime Minister|Chancellor|Secretary(?: of State)?|Minister|Senator|"
    r"Governor|Mayor|Ambassador|Speaker|King|Queen|Chairman|Chair|CEO|Director|General|Gen\."
)
TITLED = re.compile(
    rf"\b(?P<former>(?i:former) |ex-|then-)?(?:(?:US|U\.S\.|Russian|Ukrainian|French|British|[A-Z][a-z]+) )?"
    rf"(?P<role>{ROLE}) (?P<name>(?:[A-Z][a-z]+(?: [A-Z]\.)? ){{0,2}}[A-Z][a-z]+)"
)


def titled_people(text: str) -> dict[tuple[str, str], bool]:
    """(person key, role) → whether the role is described as past."""
    return {
        (person_key(m.group("name")), m.group("role").lower()): bool(m.group("former")) for m in TITLED.finditer(text)
    }


def check_titles(a: Claim, b: Claim, similarity: float) -> Evidence | None:
    """Any candidate pair qualifies: a role held or past does not depend on the event told."""
    roles_a, roles_b = titled_people(a.text), titled_people(b.text)
    for key in sorted(set(roles_a) & set(roles_b)):
        if roles_a[key] != roles_b[key]:
            person, role = key
            detail = {
                "person": person.split(":", 1)[1],
                "role": role,
                "a_former": roles_a[key],
                "b_former": roles_b[key],
            }
            which = a.doc_id if roles_a[key] else b.doc_id
            return Evidence("title", True, detail, f"{role} described as former only in {which}")
    return None


def title_keys(text: str) -> set[str]:
    """Keys of the titled people of a claim: claims naming the same person's role are paired."""
    return {f"title:{person}:{role}" for person, role in titled_people(text)}
