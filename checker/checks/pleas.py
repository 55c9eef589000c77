"""`plea` check: one source has a defendant plead or be found guilty, another not guilty.

"City Councilman Raymond Delgado pleaded not guilty Monday" against "A Riverside city councilman pleaded guilty on
Monday" (a courts desk's trial of checker): the model gives such a pair 0.3, since the debiased model no longer
takes a "not" for a contradiction by itself, and a courts desk counts a plea or verdict turned round among the
worst slips. A plea and a verdict are two stages, never compared with each other: a defendant who pleaded not
guilty may be convicted. Only what is told as done counts, not a plea expected, planned, denied or told as
before a change ("is expected to plead guilty", "did not plead guilty", "had pleaded not guilty"), nor a
verdict supposed ("if convicted"). A claim with two answers at one stage ("guilty on five counts and acquitted
on two", "guilty to fraud but not to money laundering") gives none, and two charges ("acquitted of murder",
"convicted of manslaughter") are two verdicts, as are a verdict on some counts and the other answer on a number of
counts ("convicted on 12 of the 14 counts" / "acquitted on three counts": a split verdict). The defendant is one
where their names are one person's, or where one side's common noun ("a city councilman") describes the other's
("City Councilman Raymond Delgado").
The phrases are `checker/patterns/pleas.jsonl`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from checker.checks.base import Check, CheckSetting, versus
from checker.checks.names import cues, name_at, name_spans
from checker.entities import PERSON_KEY, clean_name, person_key
from checker.records import Claim, Evidence

PLEAS = "pleas"
NOT_DONE = {"will", "would", "could", "may", "might", "should", "must", "can", "had"}  # "had pleaded": before
SPEAKERS = {"plead", "enter"}  # a plea's defendant is its verb's subject; a verdict's is its object
WHO_ELSE = {"who", "that"}  # "Delgado, who pleaded not guilty": the noun the clause tells of
ANY_CHARGE = frozenset({"count", "charge", "offence", "offense", "crime", "felony", "misdemeanor", "misdemeanour"})
ONE_OF_SEVERAL = {"one", "other", "another", "second", "third", "first", "both", "two"}  # "the other officer"


class Plea(NamedTuple):
    stage: str  # "plea" or "verdict"
    answer: str  # "guilty", "not guilty", "no contest"
    defendant: str  # a person's key ("person:delgado") or a common noun ("councilman")
    name: str  # as a reader knows them: "Raymond Delgado", "councilman"
    words: frozenset[str]  # lower-case words naming them: "city", "councilman", "raymond", "delgado"
    charges: frozenset[str] = frozenset()  # what to or of: "murder", "bribery" (none: "to all counts")
    # how many counts it is on: "" for none said, "some" for "on 12 of the 14 counts", else the number as written
    # ("three"); answers on counts both number, some of them or two numbers, do not contradict each other (a plain
    # acquittal does contradict "convicted on four of the six counts")
    counts: str = ""


class Pleas(NamedTuple):
    found: tuple[Plea, ...] = ()


def pleas(tokens) -> Pleas:
    """Each stage's answer a claim tells as done, with its defendant; none for a stage told two ways."""
    names = name_spans(tokens)
    told: dict[str, list] = {}
    for label, _, span in cues(tokens, PLEAS):
        stage, answer = label.split(":")
        told.setdefault(stage, []).append((answer, span))
    found = []
    for stage, answers in told.items():
        held = {t.i for _, span in answers for t in span}
        answer, span = answers[0]
        if len({a for a, _ in answers}) > 1 or _other_answer_elsewhere(tokens, held, answer):
            continue  # "guilty on five counts and acquitted on two", "guilty to two counts and not guilty to three"
        verb = _verb(span)
        if verb is None or not _told_as_done(verb):
            continue
        who = _defendant(verb, span, names, range(tokens.start, tokens.end))
        if who is not None:
            found.append(Plea(stage, answer, *who, _charges(verb, span), _counts(verb, span)))
    return Pleas(tuple(found))


def _answer_words(verb, span) -> list:
    """The words a plea's or verdict's charges and counts hang on: its verb, and "guilty" or "plea" in its phrase."""
    return [verb, *(t for t in span if t.lower_ in {"guilty", "plea"})]


def _charges(verb, span) -> frozenset[str]:
    """What a plea or verdict is to or of, by its nouns less the words any charge takes ("count", "charge"):
    "pleaded guilty to six counts of bribery" gives "bribery", "acquitted of murder" "murder"."""
    heads = [*_answer_words(verb, span), *(c for c in verb.children if c.dep_ == "dobj")]  # "acquitted John Smith of"
    preps = [c for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ in {"to", "of"}]
    nouns = [c for prep in preps for c in prep.children if c.dep_ == "pobj"]
    named = []
    while nouns:  # the charge's own words: "six counts of bribery and fraud", not "charges that he took bribes"
        noun = nouns.pop()
        named.append(noun)
        for child in noun.children:
            if child.dep_ in {"compound", "amod", "conj"}:
                nouns.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                nouns += [c for c in child.children if c.dep_ == "pobj"]
    return frozenset(t.lemma_.lower() for t in named if t.pos_ == "NOUN") - ANY_CHARGE


def _counts(verb, span) -> str:
    """How many counts a plea or verdict is on: "some" for "on 12 of the 14 counts", the number for "on three counts"
    ("three"), "" where none is said ("on all counts", "to bribery")."""
    heads = _answer_words(verb, span)
    objects = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in {"on", "of", "to"}
               for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    for o in objects:
        if o.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children):
            return "some"
        number = next((c for c in o.children if c.dep_ == "nummod"), None) if o.lemma_ in ANY_CHARGE else None
        if number is not None:
            return number.lower_
    return ""


def _other_answer_elsewhere(tokens, held: set[int], answer: str) -> bool:
    """Another answer in the claim, outside the phrases of one stage's answers: "not guilty" or "innocent" beside
    a guilty one, a "guilty" with no "not" before it beside any other. A "Not guilty, your honor" quoted beside a
    plea of not guilty is the same answer."""
    words = [t for t in tokens if t.i not in held]
    after_not = {y.i for x, y in zip(words, words[1:], strict=False) if x.lower_ == "not"}
    if any(t.lower_ in {"to", "of", "on"} for t in words if t.i in after_not):
        return True  # "pleaded guilty to fraud but not to money laundering"
    if answer == "guilty":
        return any(t.lower_ == "innocent" or (t.lower_ == "guilty" and t.i in after_not) for t in words)
    return any(t.lower_ == "guilty" and t.i not in after_not for t in words)


def _verb(span):
    """The verb of a plea's or verdict's phrase: its own ("pleaded", "convicted"), or the one over its noun ("entered
    a guilty plea")."""
    own = next((t for t in span if t.pos_ == "VERB"), None)
    if own is not None:
        return own
    noun = next((t for t in span if t.lemma_ == "plea"), None)
    return noun.head if noun is not None and noun.head.pos_ == "VERB" else None


def _told_as_done(verb) -> bool:
    """Not negated, not modal or told as before another ("had pleaded"), not wanted or expected ("is expected to
    plead", "agreed to plead"), not supposed ("if convicted")."""
    if any(c.dep_ in {"neg", "mark"} or (c.dep_ in {"aux", "auxpass"} and c.lower_ in NOT_DONE) for c in verb.children):
        return False
    return verb.dep_ not in {"xcomp", "ccomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _defendant(verb, span, names, claim: range) -> tuple[str, str, frozenset[str]] | None:
    """Who pleaded or was found guilty: key, name and words; None for a pronoun or no one. Only a word of the
    claim (`claim`, its tokens' places) names them: the parser may hang a wire dateline on the verb too."""
    inside = [t for t in span if t.pos_ in {"PROPN", "PRON"} and t.i != verb.i]  # "found Sand guilty"
    deps = ("nsubj", "nsubjpass") if verb.lemma_ in SPEAKERS else ("nsubjpass", "dobj")
    children = [c for dep in deps for c in verb.children if c.dep_ == dep]
    if verb.dep_ == "amod":
        children.append(verb.head)  # "the convicted councilman"
    candidates = [t for t in inside + children if t.i in claim]
    if not candidates:
        return None
    who = candidates[0]
    if who.lower_ in WHO_ELSE and verb.dep_ == "relcl":
        who = verb.head
    if who.pos_ == "PRON" or any(c.lower_ in ONE_OF_SEVERAL for c in who.children):
        return None  # "he pleaded guilty", "the other officer was convicted": the claim does not say who
    # the words that describe them, not whose they are: "the councilman's aide" is no councilman
    described = [who, *(c for c in who.children if c.dep_ in {"compound", "amod", "appos"})]
    described += [g for c in described[1:] if c.dep_ == "appos" for g in c.children if g.dep_ == "compound"]
    words = frozenset(t.lemma_.lower() for t in described if t.is_alpha)
    name = name_at(names, who)
    if name is not None:
        shown = clean_name(name.text)
        return person_key(shown), shown, words | {w.lower() for w in shown.split()}
    if who.pos_ != "NOUN":
        return None
    return who.lemma_.lower(), who.lemma_.lower(), words


def one_defendant(x: Plea, y: Plea) -> bool:
    """One person by name, or a common noun one side gives that the other's words for them hold."""
    if x.defendant == y.defendant:
        return True
    named = [p.defendant.startswith(PERSON_KEY) for p in (x, y)]
    return (not named[0] and x.defendant in y.words) or (not named[1] and y.defendant in x.words)


def one_charge(x: Plea, y: Plea) -> bool:
    """One plea or verdict: the charges share a word, or one side names none ("acquitted of murder" and "convicted
    of manslaughter" are two verdicts)."""
    return not x.charges or not y.charges or bool(x.charges & y.charges)


class PleaCheck(Check):
    kind = "plea"
    versus_head = re.compile("[^:]*: ")  # whose plea: "Raymond Delgado's plea: not guilty vs guilty"
    rule = "One claim has a defendant plead or be found guilty, the other not guilty (or no contest)."
    order = 55
    annotation = Pleas
    settings = (
        CheckSetting(
            "min_similarity",
            0.5,
            "The pairing floor: one defendant and one stage already say it is one plea or verdict; set as the"
            " denial check's (0.45), a little higher since a common noun may name two defendants of one story.",
        ),
    )
    evidence = {
        "description": "One defendant's plea or verdict, told one way on each side.",
        "required": ["defendant", "stage", "a", "b"],
        "properties": {
            "defendant": {"type": "string"},
            "stage": {"type": "string", "enum": ["plea", "verdict"]},
            "a": {"type": "string", "description": "guilty, not guilty or no contest"},
            "b": {"type": "string"},
        },
    }

    def annotate(self, claim: Claim, tokens) -> Pleas:
        return pleas(tokens)

    def subject(self, detail: Mapping[str, Any]) -> str:
        """The stage: one defendant is named two ways ("City Councilman Raymond Delgado", "a city councilman"), so
        the pairs of a fact join by the claims they share (`whole_subject` stays off)."""
        return str(detail.get("stage", ""))

    @classmethod
    def updated_in_time(cls, subject: str) -> bool:
        """A plea may be changed ("changed his plea to guilty"); a verdict stands within a story."""
        return subject.startswith("plea")

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        if similarity < self.setting("min_similarity"):
            return None
        agreeing = None
        for x in self.mine(a).found:
            for y in self.mine(b).found:
                if x.stage != y.stage or not one_defendant(x, y) or not one_charge(x, y):
                    continue
                named = x if x.defendant.startswith(PERSON_KEY) else y
                detail = {"defendant": named.name, "stage": x.stage, "a": x.answer, "b": y.answer}
                if (
                    x.answer != y.answer
                    and x.counts
                    and y.counts
                    and ("some" in {x.counts, y.counts} or x.counts != y.counts)
                ):
                    continue  # "convicted on 12 of the 14 counts" / "acquitted on three counts": a split verdict
                if x.answer != y.answer:
                    return Evidence(self.kind, True, detail, f"{named.name}'s {x.stage}: {versus(x.answer, y.answer)}")
                agreeing = agreeing or Evidence(self.kind, False, detail, f"both: {x.answer}")
        return agreeing
