"""`actor` check: one act done to one person, told as done by two different people.

"U.S. District Judge Margaret Hollis" sentenced Daniel Okafor in two outlets
and "U.S. District Judge Karen Whitfield" in a third (a courts desk's trial of
checker): the model reads both sentences as agreeing (0.75), and the `person`
check compares one wording only, while these two are worded otherwise ("was
sentenced ... by Judge Hollis" / "Judge Whitfield ... sentenced Okafor").

The check reads who did an act to whom from the parse: the verb's subject and
object, or a passive verb's agent ("by ...") and subject, or the noun a clause
tells of ("Okafor, sentenced by ...", "Hollis, who sentenced ..."). Only acts one
person does once to another are read (`checker/patterns/acts.jsonl`: a judge
sentences, a governor pardons, a president appoints or nominates, one person
kills or stabs another, a boss dismisses, an officer swears in), never acts many
may do to one person (praise, meet, endorse, arrest, interview), and only where
both the doer and the one it was done to are tagged persons: "the army killed
..." or "police arrested ..." names no one person, and "Moscow" may stand for
Russia. What is told as done counts, not an act denied, expected or supposed.
Two doers in one claim ("Hollis and Whitfield sentenced ...") are none, and a
document that names two doers of the same act to the same person (two
sentencings, one overturned) explains the pair away (`Doers`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any, NamedTuple

from checker.checks.base import Check, CheckSetting, Side, strongest, versus
from checker.checks.names import WHO_ELSE, cues, name_at, name_spans, told_as_done
from checker.checks.persons import one_persons
from checker.entities import clean_name, person_key
from checker.records import Claim, Evidence

ACTS = "acts"


class Act(NamedTuple):
    act: str  # as a message tells it: "sentenced", "swore in"
    party: str  # the key of the person it was done to ("person:okafor")
    party_name: str  # as written: "Daniel Okafor"
    doer: str  # who did it, as written: "Margaret Hollis"


class Acts(NamedTuple):
    found: tuple[Act, ...] = ()


def acts(tokens, entities: Collection[str] = ()) -> Acts:
    """Each act of `acts.jsonl` a claim tells as done, with the one person who did it and the person it was done to.

    `entities`: the claim's entity keys, where a name the tagger left untagged here is known as a person's.
    """
    # "U.S. District Judge Karen Whitfield": an office or a rank is no part of the name
    skipped = {t.i for patterns in ("honorifics", "offices") for _, _, span in cues(tokens, patterns) for t in span}
    names = name_spans(tokens, skipped)
    claim = range(tokens.start, tokens.end)
    found = []
    for label, _, span in cues(tokens, ACTS):
        verb = span[0]
        if not told_as_done(verb):
            continue
        doer, party = (_person(names, t, claim, entities) for t in _roles(verb))
        if doer is not None and party is not None:
            shown = clean_name(party.text)
            found.append(Act(label, person_key(shown), shown, clean_name(doer.text)))
    return Acts(tuple(found))


def _roles(verb) -> tuple[Any, Any]:
    """The tokens of the doer and of the one it was done to, either None where the parse does not give them."""
    children = {c.dep_: c for c in verb.children}
    agent = children.get("agent")
    if agent is not None:  # "was sentenced by Judge Hollis", "Okafor, sentenced by ..."
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None)
        party = children.get("nsubjpass") or (verb.head if verb.dep_ == "acl" else None)
    else:
        doer, party = children.get("nsubj"), children.get("dobj")
    told_of = verb.head if verb.dep_ == "relcl" else None  # "Hollis, who sentenced Okafor"
    doer, party = (told_of if t is not None and t.lower_ in WHO_ELSE else t for t in (doer, party))
    return doer, party


def _person(names, token, claim: range, entities: Collection[str]):
    """The person's name that holds `token` (tagged a person here or among the claim's `entities`), or that a noun
    has beside it ("her neighbour Carl Dent"); None for no person, a word outside the claim, or one of two
    ("Hollis and Whitfield")."""
    if token is None or token.i not in claim or any(c.dep_ == "conj" for c in token.children):
        return None
    name = name_at(names, token)
    if name is None and token.pos_ == "NOUN":
        name = next((name_at(names, c) for c in token.children if c.dep_ == "appos"), None)
    if name is None or not (any(t.ent_type_ == "PERSON" for t in name) or person_key(name.text) in entities):
        return None
    return name


class Doers:
    """Who each document says did each act to each person: a document naming two explains a pair of them away."""

    def __init__(self, claims: Sequence[Claim], kind: str, alike: float) -> None:
        self.alike = alike
        self.doers: dict[tuple[str, str, str], list[str]] = {}
        for claim in claims:
            for act in claim.annotations[kind].found:
                self.doers.setdefault((claim.doc_id, act.act, act.party), []).append(act.doer)

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        """True when document a or b itself names both doers of the act (two sentencings, say)."""
        detail = evidence.detail
        party = person_key(str(detail["party"]))
        for doc in (a.doc_id, b.doc_id):
            doers = self.doers.get((doc, detail["act"], party), [])
            if all(any(one_persons(d, str(detail[side]), self.alike) for d in doers) for side in ("a", "b")):
                return True
        return False


class ActorCheck(Check):
    """Contradicting evidence where two claims have one act done to one person by two different people."""

    kind = "actor"
    versus_head = re.compile("[^:]*: ")  # "who sentenced Daniel Okafor: Karen Whitfield vs Margaret Hollis"
    rule = "One act done to one person is told as done by a different person."
    order = 56
    annotation = Acts
    whole_subject = True
    settings = (
        CheckSetting(
            "min_similarity",
            0.5,
            "The pairing floor: one act and one person it was done to already say it is one event; set as the plea"
            " check's.",
        ),
        CheckSetting(
            "spelled_alike",
            0.8,
            "Least similarity of two doers' names, or of their surnames (difflib ratio), to read them as one name"
            ' spelled two ways ("Gaddafi"/"Qaddafi"): as the person check\'s, chosen there.',
            0.0,
            1.0,
        ),
    )
    evidence = {
        "description": "One act done to one person, and who each side says did it.",
        "required": ["act", "party", "a", "b"],
        "properties": {
            "act": {"type": "string", "description": "What was done: sentenced, pardoned, killed, ..."},
            "party": {"type": "string", "description": "The person it was done to."},
            "a": {"type": "string", "description": "Who side a says did it."},
            "b": {"type": "string"},
        },
    }

    def annotate(self, claim: Claim, tokens) -> Acts:
        return acts(tokens, claim.entities)

    def explainer(self, claims: Sequence[Claim]) -> Doers:
        return Doers(claims, self.kind, self.setting("spelled_alike"))

    def subject(self, detail: Mapping[str, Any]) -> str:
        """The act and the person it was done to, by surname: "Okafor" and "Daniel Okafor" are one fact."""
        return f"{detail.get('act', '')} {person_key(str(detail.get('party', '')))}"

    def version(self, detail: Mapping[str, Any], side: Side) -> tuple[Any, str]:
        """A doer by surname: "Margaret Hollis" and "Hollis" are one version of who it was."""
        return person_key(str(detail[side])), str(detail[side])

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        if similarity < self.setting("min_similarity"):
            return None
        return strongest(self._told(x, y) for x in self.mine(a).found for y in self.mine(b).found)

    def _told(self, x: Act, y: Act) -> Evidence | None:
        """Evidence where two acts are one act done to one person."""
        if x.act != y.act or x.party != y.party:
            return None
        detail = {"act": x.act, "party": x.party_name, "a": x.doer, "b": y.doer}
        if not one_persons(x.doer, y.doer, self.setting("spelled_alike")):
            return Evidence(self.kind, True, detail, f"who {x.act} {x.party_name}: {versus(x.doer, y.doer)}")
        return Evidence(self.kind, False, detail, f"both: {x.doer}")
