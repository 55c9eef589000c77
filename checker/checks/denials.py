"""`denial` check: one source has someone confirm what another has the same one deny.

"Kestrel confirmed that a fault in the stabilisers had been logged" against
"Kestrel denied that any fault had been reported". The NLI model reads such
pairs poorly: the reporting frames differ and the content overlaps only in
part. Only the same speaker counts: a person or organisation by name, or one
body of a named state or group ("the Azmari army"). "Police said the captain was arrested"
against "the company denied it" gives two accounts that may both be reported
correctly; one speaker who confirms in one outlet and denies in another is a
discrepancy between the outlets. Only verbs that confirm count as the other
side ("confirmed", "acknowledged", "admitted"): a speaker who denies one
thing often says another about the same matter. Or a speaker who says it did
the very act denied, its verb and object both: "The army said it struck the
hospital" against "The army denied striking the hospital" (a conflict desk's
trial), not "the army said it struck a command centre near the hospital".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from checker.checks.base import Check, CheckSetting, versus
from checker.checks.names import cues, name_at, name_spans
from checker.entities import clean_name, entity_key, person_key
from checker.records import Claim, Evidence

# The verbs are `checker/patterns/reporting.jsonl`'s: "deny" against "confirm" / "admit" only.
# "Smith said the charges were politically motivated" does not confirm the charges Smith denied.
AFFIRMING = {"confirm", "admit"}
MIN_SHARED_WORDS = 2  # content lemmas the denied and the confirmed statement share: one matter
MIN_CONTENT_LENGTH = 4  # letters of a content word: shorter ones say little of the matter
# Content lemmas are compared by their first letters: spaCy lemmatises a noun and its verb apart
# ("evacuation", "evacuate"), and one matter is told with either ("denied any evacuation" / "had been evacuated").
STEM = 5


class Statement(NamedTuple):
    verb: str
    speaker: str  # as written
    keys: frozenset[str]  # the speaker's entity keys
    content: frozenset[str]  # content lemmas of what was said
    # a speaker telling of its own act ("the army said it struck the hospital"): the act's verb and its object's
    # head, both of which a denial must name to be denied ("denied striking the hospital")
    act: frozenset[str] = frozenset()


def _organisation(subject, names) -> str | None:
    """Whom a spokesperson speaks for: "a Brennmark spokeswoman", "Kestrel's spokesman", "a spokesman for Kestrel",
    "the Azmari army's spokesman"."""
    for child in subject.children:
        if child.dep_ in ("compound", "poss") and (name := _body(child, names)) is not None:
            return name
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (name := _body(objects[0], names)) is not None:
                return name
    return None


def _body(noun, names) -> str | None:
    """The name of the organisation a noun tells: a name ("Kestrel"), or one body of a named state or group ("the
    Azmari army", "Russia's defence ministry"), not several people ("Israeli officials")."""
    if (name := name_at(names, noun)) is not None:
        return clean_name(name.text)
    if noun.tag_ != "NN":
        return None
    named = (
        n for c in noun.children if c.dep_ in ("amod", "compound", "poss") and (n := name_at(names, c)) is not None
    )
    owner = next(named, None)
    return None if owner is None else f"{clean_name(owner.text)} {noun.lemma_.lower()}"


def _speaker(verb, names, spokespeople: set[int]) -> tuple[str, frozenset[str]] | None:
    """Who the verb's subject is, by name, and their entity keys; None for no one in particular.

    "It", "officials", "police", "a police spokeswoman" name no one, and two of them are not one speaker.
    One who speaks for another speaks for an organisation, known by its whole name: the Justice
    Department is not the State Department; one named beside it ("a police spokesman, Komang Suartana,")
    is that person.
    """
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    appositive = next((n for c in subject.children if c.dep_ == "appos" and (n := name_at(names, c)) is not None), None)
    if subject.i in spokespeople and appositive is None:  # "a police spokesman, Komang Suartana," is a person
        organisation = _organisation(subject, names)
        if organisation is None:
            return None
        return organisation, frozenset({entity_key(organisation, "ORG")} - {None})
    if name_at(names, subject) is None and appositive is None and (body := _body(subject, names)) is not None:
        return body, frozenset({entity_key(body, "ORG")} - {None})  # "The Azmari army denied"
    named = name_at(names, subject) or appositive  # "Myagdi's chief district officer, Hari Bahadur Thapa, denied"
    if named is None:
        return None
    name = clean_name(named.text)
    return name, frozenset({entity_key(name, "ORG"), person_key(name)} - {None})


def _content(verb, subject_tokens: set[int]) -> frozenset[str]:
    """Lemmas (their first STEM letters) of the content words of what the verb reports: lowercase words, and the
    names of whom it tells ("denied that Albright had been fired" and "confirmed Albright was fired" share
    "Albright" and "fire"), not the speaker's."""
    return frozenset(
        t.lemma_.lower()[:STEM]
        for t in verb.subtree
        if t.i != verb.i
        and t.i not in subject_tokens
        and t.is_alpha
        and (t.is_lower or (t.pos_ == "PROPN" and t.ent_type_ not in {"DATE", "TIME"}))  # not "Monday"
        and not t.is_stop
        and len(t) >= MIN_CONTENT_LENGTH
    )


def _statement(verbs: list, names, spokespeople: set[int], acts: bool = False) -> Statement | None:
    """The first statement of `verbs` whose speaker the claim names; with `acts`, only one of the speaker's own
    act (`_own_act`)."""
    for verb in verbs:
        speaker = _speaker(verb, names, spokespeople)
        act = _own_act(verb) if acts else frozenset()
        if speaker is not None and (act or not acts):
            subject = next(c for c in verb.children if c.dep_ == "nsubj")
            content = _content(verb, {t.i for t in subject.subtree})
            return Statement(verb.text, speaker[0], speaker[1], content, act)
    return None


def _own_act(verb) -> frozenset[str]:
    """What a speaker says it did: "The army said it struck the hospital" gives the stems of "strike" and
    "hospital"; none where the clause's subject is not "it", it has no object, or it is negated."""
    told = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if told is None or any(c.dep_ == "neg" for c in told.children):
        return frozenset()
    subject = next((c for c in told.children if c.dep_ == "nsubj"), None)
    done_to = next((c for c in told.children if c.dep_ == "dobj"), None)
    if subject is None or subject.lower_ != "it" or done_to is None:
        return frozenset()
    return frozenset(t.lemma_.lower()[:STEM] for t in (told, done_to))


class Statements(NamedTuple):
    """What a claim has someone deny and confirm, and whether it negates anything."""

    denial: Statement | None
    affirmation: Statement | None
    denies: bool  # a denying verb, with a speaker found or not
    negated: bool


def statements(tokens) -> Statements:
    """The claim's denial and affirmation, by the reporting verbs' lemmas, and its negation (`neg` arcs, "no")."""
    verbs = [(label, span.root) for label, _, span in cues(tokens, "reporting")]
    cued = list(cues(tokens, "statements"))
    spokespeople = {span.root.i for label, _, span in cued if label == "spokesperson"}
    # a negation of the statement, not of a clause that tells of something in it ("payments to vendors who had
    # never done any work")
    negated = any(label == "negation" and _told(span.root) for label, _, span in cued) or any(
        t.dep_ == "neg" and _told(t) for t in tokens
    )
    names = name_spans(tokens, {verb.i for _, verb in verbs})  # "Culture Ministry Denies Reports": not the name
    denials = [verb for label, verb in verbs if label == "deny"]
    affirmations = [verb for label, verb in verbs if label in AFFIRMING]
    affirmation = _statement(affirmations, names, spokespeople) or _statement(
        [verb for label, verb in verbs if label == "say"], names, spokespeople, acts=True
    )
    return Statements(_statement(denials, names, spokespeople), affirmation, bool(denials), negated)


def _told(token) -> bool:
    """The word is in what the sentence tells, not in a clause describing one of its things (a relative clause)."""
    return not any(t.dep_ in {"relcl", "acl"} for t in (token, *token.ancestors))


class DenialCheck(Check):
    kind = "denial"
    versus_head = re.compile("[^:]*: ")  # the speaker: "Acme: denied vs confirmed"
    rule = "One claim has someone confirm what the other has the same one deny."
    order = 50
    annotation = Statements
    settings = (
        CheckSetting(
            "min_similarity",
            0.45,
            "The pairing floor: the same speaker and shared content words already say it is one matter.",
        ),
    )
    evidence = {
        "description": "One speaker who confirms on one side and denies on the other.",
        "required": ["speaker", "a", "b"],
        "properties": {
            "speaker": {"type": "string"},
            "a": {"type": "string", "description": "The reporting verb on side a: confirmed, said, denied, ..."},
            "b": {"type": "string"},
        },
    }
    whole_subject = True

    def annotate(self, claim: Claim, tokens) -> Statements:
        return statements(tokens)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return str(detail.get("speaker", ""))

    @classmethod
    def updated_in_time(cls, subject: str) -> bool:
        """A denial may become a confirmation as a story goes on ("initially denied ..., later confirmed")."""
        return True

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        if similarity < self.setting("min_similarity"):
            return None
        for denier, other in ((a, b), (b, a)):
            denial, theirs = self.mine(denier).denial, self.mine(other)
            if not denial or theirs.denies:
                continue
            affirmation = theirs.affirmation
            if not affirmation or theirs.negated:
                continue  # "Kestrel said no fault was logged" agrees with the denial
            same_matter = (
                affirmation.act <= denial.content
                if affirmation.act
                else len(denial.content & affirmation.content) >= MIN_SHARED_WORDS
            )
            if denial.keys & affirmation.keys and same_matter:
                sides = (denial.verb, affirmation.verb) if denier is a else (affirmation.verb, denial.verb)
                detail = {"speaker": denial.speaker, "a": sides[0], "b": sides[1]}
                return Evidence(self.kind, True, detail, f"{denial.speaker}: {versus(*sides)}")
        return None
