"""`identifier` check: one thing's official identifier given two ways, two of its characters swapped.

"The vulnerability, CVE-2025-31874, has a CVSS score of 9.8" against "The vulnerability, CVE-2025-31847, carries a
CVSS score of 9.8" (a cybersecurity desk's trial of checker): the model reads the two as agreeing, and no figure
or name differs. An identifier is a code in a published scheme (a CVE number, a flight, a bill): a reader looks it
up by its exact characters, so a typo sends them to another thing. Only the typist's slip of two neighbouring
characters swapped is reported: codes that differ otherwise may be two things (sibling flaws of one patch day
are numbered one apart, a flight out and back "AA100" and "AA101"). Identifiers are compared within one scheme,
between claims alike enough to tell of one thing, and only where each gives one identifier of that scheme (a claim
that names two flaws or two flights tells of several). The schemes are `checker/patterns/identifiers.jsonl`, each
label "identifier:<scheme>".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from checker.checks.base import NO_HEAD, Check, CheckSetting, versus
from checker.checks.names import cues
from checker.records import Claim, Evidence

IDENTIFIERS = "identifiers"
NOT_PART = re.compile(r"[\s.\-–]")  # how outlets write one code: "CVE-2025-31874", "HB 1234", "H.B. 1234"


class Identifier(NamedTuple):
    scheme: str  # "cve", "flight", "house-bill"
    code: str  # the identifier as compared: upper case, no spaces, hyphens or full stops ("CVE202531874")
    text: str  # as written


class Identifiers(NamedTuple):
    found: tuple[Identifier, ...] = ()


def identifiers(tokens) -> Identifiers:
    """The identifiers of a claim, each scheme's in the order written."""
    found = []
    for label, _, span in cues(tokens, IDENTIFIERS):
        scheme = label.removeprefix("identifier:")
        # the code from its first word with a digit, and an airline's letters before it ("BA 2490"); a bill's
        # chamber is its scheme ("House Bill 1234", "HB 1234": house-bill 1234)
        start = next(t.i for t in span if any(c.isdigit() for c in t.text))
        if scheme == "flight" and start > span.start and span.doc[start - 1].lower_ != "flight":
            start -= 1
        code = NOT_PART.sub("", span.doc[start : span.end].text).upper()
        found.append(Identifier(scheme, code, span.text))
    return Identifiers(tuple(found))


class IdentifierCheck(Check):
    kind = "identifier"
    versus_head = NO_HEAD
    rule = "The two claims give one identifier (a CVE number, a flight, a bill) with two characters swapped."
    order = 35
    annotation = Identifiers
    settings = (
        CheckSetting(
            "min_similarity",
            0.6,
            "Cosine two claims need before their identifiers are compared: a story may name several flaws or"
            " flights, so the claims must tell of one thing; set as the number check's floor for plain counts.",
        ),
    )
    evidence = {
        "description": "The identifier of one scheme each side gives.",
        "required": ["scheme", "a", "b"],
        "properties": {"scheme": {"type": "string"}, "a": {"type": "string"}, "b": {"type": "string"}},
    }

    def annotate(self, claim: Claim, tokens) -> Identifiers:
        return identifiers(tokens)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return str(detail.get("scheme", ""))

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        if similarity < self.setting("min_similarity"):
            return None
        mine, theirs = self.mine(a).found, self.mine(b).found
        for scheme in sorted({x.scheme for x in mine} & {y.scheme for y in theirs}):
            xs = {x.code: x for x in mine if x.scheme == scheme}
            ys = {y.code: y for y in theirs if y.scheme == scheme}
            if len(xs) != 1 or len(ys) != 1:
                continue  # "CVE-2025-31874 and CVE-2025-31875": two flaws, which is which is not said
            (x,), (y,) = xs.values(), ys.values()
            detail = {"scheme": scheme, "a": x.text, "b": y.text}
            if x.code == y.code:
                return Evidence(self.kind, False, detail, f"both give {x.text}")
            if swapped(x.code, y.code):
                return Evidence(self.kind, True, detail, versus(x.text, y.text))
        return None


def swapped(code: str, other: str) -> bool:
    """Two codes one is the other with two neighbouring characters swapped ("31874" / "31847"), the slip of a
    typist; codes that differ otherwise may be two things ("CVE-2025-21333" and "-21334" are sibling flaws of one
    patch day, "AA100" and "AA101" a flight out and back)."""
    if len(code) != len(other):
        return False
    differ = [i for i, (c, o) in enumerate(zip(code, other, strict=True)) if c != o]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and code[differ[0]] == other[differ[1]]
        and code[differ[1]] == other[differ[0]]
    )
