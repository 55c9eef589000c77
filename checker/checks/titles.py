"""`title` check: the same person given contradictory roles.

Two kinds of conflict. A role held against a role that is past: "former
President Donald Trump" against "President Donald Trump", unless the article
that says "former" came out after one telling of the person leaving ("Finance
Minister Graham Holt, who is leaving the cabinet" on the 18th is "the former
finance minister" on the 20th). And two different
offices of one kind for the same person: "Transport Minister Eira Lund"
against "Interior Minister Eira Lund", "chief financial officer Elena
Sorensen" against "chief operating officer Elena Sorensen", "Professor Miriam
Okafor" against "Miriam Okafor, a senior lecturer". Offices are compared only
within one kind (ministries with ministries, a company's chief officers with
chief officers, academic ranks with ranks, military ranks of several words with ranks ("Vice Admiral" against
"Rear Admiral"; "General Jo Lund" may be any general), an archbishop with a bishop, judges' courts with courts, a UN
envoy's post with posts, a city's head with its heads: "Mayor" and "City Manager",
the head of a police force or a fire service with such heads, a force's command ranks: "Assistant Commissioner" against
"Deputy Commissioner"), people by surname key. A minister's portfolio is read only where the title names one ("Culture,
Media and Sport Secretary" is one office, no sport minister's). A person can hold two
offices ("Deputy Prime Minister and Foreign Minister"), so a role that the
other article gives the person anywhere is no conflict (`RoleIndex`), and
an office once held against another ("a former finance minister", "Foreign
Minister") is a career, not a conflict; so is an office held for a time ("Acting Chief Justice", "interim chief
executive") or one the sentence says the person is leaving ("who was promoted to Deputy Commissioner").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.checks.base import Check, CheckSetting, Side, published_before, versus
from checker.checks.names import cues, name_at, name_spans, office_cues
from checker.entities import clean_name, person_key
from checker.records import Claim, Evidence

LEAVING_TOLD, OUTGOING = "told", "outgoing"  # how a sentence tells of someone leaving an office (`_leaving`)
# Offices are `checker/patterns/offices.jsonl`: each label is "<kind>/<office>" ("minister/interior",
# "chief officer/financial"; "*" takes the office from the matched word: "chief information officer"; a third
# part "set-off" reads it only after a name, with whose it is: "Dana Whitfield, president of the union"),
# or a marker: "deputy" (an office of its own: "Deputy Prime Minister", "Vice President"), "former", or "then"
# ("then-President Jo Lund": the office held at the time told, which is neither now nor past).
MAX_QUALIFIERS = 3  # words naming whose office it is: "US", "Nepal's", "General Electric"
# verbs whose subject a present office is told of as its predicate: "is the health minister", "becomes
# Education Minister", "has been named", "has been elected" (`_person_told_to_hold`)
COPULAS = frozenset({"be", "become"})  # the office their subject's: "Smith is the health minister"
HOLDING_VERBS = COPULAS | {"appoint", "name", "elect"}  # the office their passive subject's or their object's
SECOND_OFFICE = frozenset({"also", "concurrently", "additionally"})  # "who is also the health minister"
# verbs of leaving an office that need no object to say so: "Holt resigned", "Webb, who was promoted to ..."
LEFT_WITHOUT_OBJECT = frozenset({"resign", "retire", "quit", "promote", "elevate"})
PORTFOLIO_KIND = "minister"  # the kind of office named by a portfolio: "Finance Minister", "Minister of Culture"
LIST_JOINERS = frozenset({"and", "&"})
NOT_QUALIFIERS = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "AUX", "NUM"}


@dataclass(frozen=True, slots=True)
class Role:
    """An office: its kind ("minister", "chief officer", or a single title) and which one of that kind."""

    person: str  # the person's key: "person:lund"
    kind: str
    office: str
    former: bool
    text: str
    title: str = ""  # the office's words as written, lower case: "chief executive", "ceo"
    then: bool = False  # "then-President": held at the time told, so no conflict with "former" or a current office
    first_name: str = ""  # the person's first name where written, lower case: "eric" of "Eric Trump"
    of: str = ""  # whose office an office set off after a name is ("union" of "president of the union"), a lemma
    # the sentence tells of the person leaving it: "told" ("who is leaving the cabinet", "replaces"), or "outgoing"
    # written on the office, or ""
    leaving: str = ""


@dataclass(frozen=True, slots=True)
class _Title:
    """An office found in the tokens, with its deputy and former markers."""

    start: int  # doc index of its first word, a deputy marker included
    end: int
    kind: str
    office: str
    title: str
    set_off: bool = False  # an office read only set off after a name ("Dana Whitfield, president of the union")


def _titles(tokens) -> tuple[list[_Title], list[tuple[int, int, str]], list[tuple[str, Any]]]:
    """The offices of `tokens` (longest first where two overlap), the spans of their "former" and "then" markers,
    and the cues of someone leaving an office (`_leaving`), from one pass over the office cues."""
    offices, deputies, formers, leaving = [], {}, [], []
    for label, _, span in office_cues(tokens):
        if label == "deputy":
            deputies[span.end] = span
        elif label in ("former", "then"):
            formers.append((span.start, span.end, label))
        elif label.startswith("leaving"):
            leaving.append((label, span))
        else:
            offices.append((label, span))
    offices.sort(key=lambda o: (-len(o[1]), o[0].endswith("*")))
    taken: set[int] = set()
    found = []
    for label, span in offices:
        if taken & set(range(span.start, span.end)):
            continue
        taken |= set(range(span.start, span.end))
        kind, office, *how = label.split("/")
        if kind == PORTFOLIO_KIND and _one_of_several_portfolios(span):
            continue
        if office == "*":
            office = span[1].lower_
        deputy = deputies.get(span.start) if kind != "chief officer" else None
        if deputy is not None:
            office = f"{deputy[0].lower_} {office}"
        start = deputy.start if deputy is not None else span.start
        title = span.doc[start : span.end].text.lower()
        found.append(_Title(start, span.end, kind, office, title, how == ["set-off"]))
    return sorted(found, key=lambda t: t.start), formers, leaving


def _one_of_several_portfolios(span) -> bool:
    """Whether a minister's office matched is one portfolio of a title that names several ("Culture, Media and
    Sport Secretary", "the Minister of Sport and Culture"): the office is the whole title's, which no one portfolio
    stands for, and "Culture Secretary Lisa Nandy" is the same office in short. A portfolio after "and" and a
    capitalised word that is no person's name ("Finance Minister Jo Lund and Health Minister Ann Berg" names two
    offices), or one with another joined to it."""
    doc = span.doc
    before = span.start - 2
    if before >= 0 and doc[before + 1].lower_ in LIST_JOINERS and doc[before].ent_type_ != "PERSON":
        return doc[before].is_title
    return any(child.dep_ == "conj" for token in span for child in token.children)


def _qualifiers_start(doc, start: int, lowest: int, markers: set[int]) -> int:
    """Where the words before an office that say whose it is begin: "Kestrel's", "General Electric"."""
    words = 0
    while start > lowest and words < MAX_QUALIFIERS:
        token = doc[start - 1]
        if token.i in markers:
            break
        if token.dep_ == "case" and token.lower_ in ("'s", "’s"):
            start -= 1
            continue
        if token.pos_ in NOT_QUALIFIERS or not (token.is_title or token.is_upper) or token.is_punct:
            break
        start -= 1
        words += 1
    return start


def _person_after(doc, title: _Title, names, end: int):
    """A person named right after the office: "Home Minister Jo Lund", "Acme's chief financial officer, David Okafor"."""
    at = title.end + 1 if title.end < end and doc[title.end].text == "," else title.end
    name = name_at(names, doc[at]) if at < end else None
    return name if name is not None and name.start == at else None


def _person_in_apposition(doc, title: _Title, names):
    """A person the parse makes the office an apposition or compound of ("Jo Lund, the interior minister")."""
    head = doc[title.end - 1]
    if head.dep_ in ("appos", "compound") and (name := name_at(names, head.head)) is not None:
        return name
    return None


def _person_before(doc, start: int, lowest: int, names):
    """A person named before the office and a comma: "Mads Orrevik, Kestrel's chief executive"."""
    if start > lowest and (doc[start - 1].pos_ == "DET" or doc[start - 1].dep_ == "poss"):  # "the", "its"
        start -= 1
    if start - 1 <= lowest or doc[start - 1].text != ",":
        return None
    name = name_at(names, doc[start - 2])
    return name if name is not None and name.end == start - 1 else None


def _person_told_to_hold(doc, title: _Title, names):
    """A person the sentence says holds the office now, the office its predicate: "Jane Smith is the health
    minister", "Smith becomes Education Minister", "Smith has been named health minister", "Smith, who is the
    health minister, ...". Only in the present, in a sentence set in no year: "was appointed health minister in 2019"
    is a step of a career, and "will become", "is expected to become" or "is not" say nothing of the office held;
    "is also" tells a second one, and "Smith has named Jane Doe deputy minister" gives it to Doe."""
    office = doc[title.end - 1]
    verb = office.head
    if office.dep_ not in {"attr", "oprd"} or verb.lemma_ not in HOLDING_VERBS or verb.dep_ == "xcomp":
        return None
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)
    if not (verb.tag_ in {"VBZ", "VBP"} or perfect):
        return None
    if any(c.dep_ == "neg" or c.tag_ == "MD" or c.lower_ in SECOND_OFFICE for c in verb.children):
        return None  # "is not", "will be", "who is also the health minister": a second office
    if any(t.ent_type_ == "DATE" and t.shape_ == "dddd" and t.dep_ in {"pobj", "npadvmod"} for t in verb.sent):
        return None  # "who is now health minister, was education minister in 2019"; not "the 2024 budget"
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and verb.lemma_ not in COPULAS and subject.dep_ != "nsubjpass":
        # "Smith has named Jane Doe health minister": the office is the one named's
        subject = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is not None and subject.tag_ == "WP" and verb.dep_ == "relcl":
        subject = verb.head  # "Smith, who is the health minister, ..."
    return name_at(names, subject) if subject is not None else None


def titled_people(tokens) -> tuple[Role, ...]:
    """The role the claim gives each person, one per person and kind of office, read once per claim (the `title`
    and `holder` checks both read them; kept in `doc.user_data`, as `figures.line_cues` keeps a line's cues).

    Any name next to an office is a person's, whatever label the tagger gave it: the office says so
    ("Kuleba, Ukraine's foreign minister", with "Kuleba" tagged a place).
    """
    read = tokens.doc.user_data.setdefault("checker.titled_people", {})
    if (tokens.start, tokens.end) not in read:
        read[tokens.start, tokens.end] = _titled_people(tokens)
    return read[tokens.start, tokens.end]


def _titled_people(tokens) -> tuple[Role, ...]:
    doc, lowest, end = tokens.doc, tokens.start, tokens.end
    titles, formers, leaving = _titles(tokens)
    honorifics = {t.i for _, _, span in cues(tokens, "honorifics") for t in span}
    markers = {i for s, e, _ in formers for i in range(s, e)}
    skipped = markers | {i for t in titles for i in range(t.start, t.end)}
    names = name_spans(tokens, skipped)
    found: dict[tuple[str, str], Role] = {}
    for title in titles:
        # another office ends the words that say whose this one is: in "former President Trump's chief of staff"
        # "former" is the president's, not the chief of staff's
        qualified = _qualifiers_start(doc, title.start, lowest, skipped)
        marker = next(((s, label) for s, e, label in formers if e == qualified), None)  # "former US President"
        first = min(qualified, marker[0]) if marker is not None else qualified
        # "Dana Whitfield, president of the union": news writes some offices in lower case after a name; an office
        # read only so is one only there, with whose it is ("a former president", "the president said" are not)
        after = None if title.set_off else _person_after(doc, title, names, end)
        if title.set_off and not (title.end < end and doc[title.end].lower_ == "of"):
            continue
        if after is not None:
            person, text = after, doc[first : after.end].text
        elif (
            beside := _person_in_apposition(doc, title, names) or _person_before(doc, first, lowest, names)
        ) is not None:
            edge = doc[title.end - 1].right_edge  # "the former chief executive of Brennmark Energy,"
            if not edge.is_punct and edge.i + 1 < end and not doc[edge.i + 1].is_punct:
                continue  # not an apposition: "Talks with Russia, Ukraine's foreign minister said"
            person, text = beside, doc[beside.start : title.end].text
        elif (holder := _person_told_to_hold(doc, title, names)) is not None:
            person, text = holder, doc[holder.start : title.end].text
        else:
            continue
        label = marker[1] if marker is not None else ""
        name = [t.lower_ for t in person if t.i not in honorifics and t.is_alpha]  # "Dr Miriam Okafor": miriam
        role = Role(
            person_key(clean_name(person.text)), title.kind, title.office, label == "former", text, title.title,
            label == "then", name[0] if len(name) > 1 else "", _whose(doc[title.end - 1]) if title.set_off else "",
            _leaving(person, doc[first : title.end], leaving),
        )  # fmt: skip
        found.setdefault((role.person, role.kind), role)
    return tuple(found.values())


def _leaving(person, title, cued: list) -> str:
    """Whether the sentence tells of the person leaving the office ("told"): the subject of a verb of leaving with
    what is left ("Graham Holt, who is leaving the cabinet", "Holt is stepping down"; not "will leave for Tokyo"), the
    object of one of replacing ("Mehta replaces Finance Minister Graham Holt"); or "outgoing" before the office
    (OUTGOING); "" for neither."""
    root = person.root
    for label, span in cued:
        verb = span.root
        if label == "leaving:outgoing":
            if title.start <= span.start < title.end:
                return OUTGOING
        elif label == "leaving:replaced":
            if any(c.dep_ == "dobj" and root in c.subtree for c in verb.children):
                return LEAVING_TOLD
        elif (root in verb.ancestors or any(c.dep_ == "nsubj" and root in c.subtree for c in verb.children)) and (
            any(c.dep_ in {"dobj", "prt"} for c in verb.children) or verb.lemma_ in LEFT_WITHOUT_OBJECT
        ):
            return LEAVING_TOLD  # "Holt, who is leaving the cabinet" (the clause on the name), "Holt resigned"
    return ""


def _whose(office) -> str:
    """Whose an office set off after a name is: the noun after its "of" ("union" of "president of the union")."""
    of = next((c for c in office.children if c.lower_ == "of"), None)
    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return owner.lemma_.lower() if owner is not None else ""


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
    versus_head = re.compile(r"(?!.* described as former in )")  # that message names its sources
    rule = "The two claims give the same person contradictory roles."
    order = 40
    # a person's office is a fact beside a toll or a day the same sentences give otherwise: "Defence Minister Kessler
    # said 85" against "Interior Minister Kessler said 58" is in the office fact too, or it names the wrong outlier
    fact_of_its_own = True
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
        return titled_people(tokens)

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

    def _shared_roles(self, a: Claim, b: Claim) -> Iterable[tuple[Role, Role, dict[str, Any]]]:
        """The offices both claims give one person, of one kind, with the evidence's detail: not two people ("Eric
        Trump" and "President Donald Trump"; "Joe" may be "Joseph"), nor offices of two bodies ("chairman of the
        Portland Business Alliance", "former chairman of Acme")."""
        roles_a = {(r.person, r.kind): r for r in self.mine(a)}
        roles_b = {(r.person, r.kind): r for r in self.mine(b)}
        for key in sorted(set(roles_a) & set(roles_b)):
            x, y = roles_a[key], roles_b[key]
            person, kind = key
            if x.first_name[:1] != y.first_name[:1] and x.first_name and y.first_name:
                continue
            if x.of and y.of and x.of != y.of:
                continue
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
            yield x, y, detail

    def agreements(self, a: Claim, b: Claim, similarity: float) -> list[Evidence]:
        """Each office both claims give one person alike, written alike or not: "Environment Minister Catalina
        Reyes" in two sentences of two outlets gives one version of her office (`checker.facts`), though a
        report shows only an office written two ways as agreeing evidence."""
        return [
            Evidence(self.kind, False, detail, f"{x.text} is {y.text}")
            for x, y, detail in self._shared_roles(a, b)
            if x.office == y.office and x.former == y.former
        ]

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        agreeing = None
        for x, y, detail in self._shared_roles(a, b):
            kind = detail["role"]
            if x.office == y.office and x.former == y.former:
                if x.title != y.title and similarity >= self.setting("agreement_similarity"):
                    agreeing = agreeing or Evidence(self.kind, False, detail, f"{x.text} is {y.text}")
                continue
            if x.office != y.office and (x.former or y.former or x.then or y.then or x.leaving or y.leaving):
                continue  # another office once held, or being left: a career holds several
            if x.office != y.office:
                return Evidence(self.kind, True, detail, versus(x.text, y.text))
            if x.then or y.then:
                continue  # "then-President" against "former President" or "President": held at the time told
            if (y.leaving and published_before(b, a)) if x.former else (x.leaving and published_before(a, b)):
                continue  # "Finance Minister Graham Holt, who is leaving the cabinet" (18th), "the former" (20th)
            if OUTGOING in {x.leaving, y.leaving}:
                continue  # "the outgoing prime minister" is on the way out, whoever called him former first
            which, other = (a.doc_id, b.doc_id) if x.former else (b.doc_id, a.doc_id)
            return Evidence(self.kind, True, detail, f"{kind} described as former in {which}, not in {other}")
        return agreeing
