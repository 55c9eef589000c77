"""A learned report-or-not decision, and how often a reported contradiction is real on news.

A small logistic regression, fitted by `models/recipe/decision.py` on the
labelled pairs of `benchmarks/judge.py` and shipped as plain JSON in
`models/checker-decision.json` (card: `models/checker-decision.md`), gives a
candidate pair the probability that a reader would call it a contradiction.
checker/verdicts.py asks it about every pair no structured check found
differing values in, and reports those it gives at least `report_threshold`:
it alone decides a model-only contradiction. The signals: the NLI
probabilities both ways, the embedding similarity, shared entities, the
structured checks' evidence, and an alignment of the two claims' words that
says what differs (a negation on one side only, a figure, a month or weekday,
a name, or wording only). As fitted, the NLI contradiction probabilities,
similarity, the share of words changed and entailment carry nearly all the
weight; the yes/no signals are pulled to almost nothing by the penalty.

The same file holds the score a reported contradiction gets: the share of
the contradictions of its kind (a structured check's, or the model's by the
decision) checker reports through the whole pipeline that readers
confirmed in blind labels of real multi-outlet news, measured by leaving each
labelled range out. The decision's
probability is not that score: fitted on a mix of news, paraphrases and
planted edits, it ranks planted edits well and real news disagreements no
better than chance (the card has the numbers), so on news it is not a
probability a reader can trust, and a rate per kind is (one for all kinds where
they differ no more than chance makes them).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from checker.checks import calendar, registry
from checker.checks.wording import TURNING_WORDS
from checker.entities import PERSON_KEY, person_key
from checker.records import CandidatePair, Claim, Evidence, NLIScores, Span, content_hash

ENTAILMENT, NEUTRAL, CONTRADICTION = 0, 1, 2
BRACKETED = re.compile(r"\[([^\]]*)\]")
WORD = re.compile(r"\w+(?:'\w+)*")  # "won't", "Sunday's"; a quote mark at a word's edge is not part of it
NEGATIONS = frozenset({"not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor", "without"})
CALENDAR = frozenset(name.lower() for name in (*calendar.MONTHS, *calendar.WEEKDAYS))
REFERRING = frozenset({"he", "she", "they", "it", "him", "her", "them"})  # pronouns: refer, name no one
DETERMINERS = frozenset({"the", "a", "an", "this", "that"})  # a description's first word: "the man"
MAX_ABBREVIATION = 4  # letters of an abbreviation: "E.", "St.", "Blvd.", "Corp."
# An editor's insertions inside a quote that leave it the same claim: "The [Iraqi] Ministry of Health".
MAX_INSERTIONS, MAX_INSERTED_WORDS = 2, 4


# The range of each feature `features` writes where it is not [0, 1] (similarity is a cosine).
FEATURE_RANGES = {
    "similarity": (-1.0, 1.0),
    "contradiction_logit": (math.log(1e-4 / (1 - 1e-4)), math.log((1 - 1e-4) / 1e-4)),
}


class DecisionError(ValueError):
    """A decision file that cannot be used."""


@functools.cache
def feature_names() -> frozenset[str]:
    """Every feature `features` writes: a decision weighing another name is a mistake, not a zero."""
    claim = Claim("", Span(0, 1), "x", Span(0, 1), 1, "x")
    return frozenset(features(CandidatePair(claim, claim, 0.0), None, [], registry().kinds))


@dataclass(frozen=True)
class Alignment:
    """What two claims' words differ in."""

    changed: float  # share of the words of either claim that the other lacks
    negation: bool  # a negation on one side only
    figure: bool  # a number on one side only
    calendar: bool  # a month or weekday on one side only
    name: bool  # a capitalised word (not the first) on one side only
    within: bool  # one claim's words stand, in order, in the other (a quote in part), nothing turning it round


@dataclass(frozen=True)
class Words:
    """A claim's words as the alignment reads them."""

    lower: tuple[str, ...]
    distinct: frozenset[str]
    names: frozenset[str]  # capitalised words after the first, lower-cased
    negations: int
    bracketed: frozenset[str]  # words an editor put in square brackets ("The [Iraqi] ministry"), lower-cased


@functools.lru_cache(maxsize=1 << 16)
def words_of(text: str) -> Words:
    """Worked out once per text: a claim stands in many candidate pairs, and a corpus has tens of thousands."""
    found = WORD.findall(text.replace("’", "'"))
    lower = tuple(w.lower() for w in found)
    names = frozenset(w.lower() for w in found[1:] if w[:1].isupper())
    negations = sum(w in NEGATIONS or w.endswith("n't") for w in lower)
    bracketed = frozenset(w.lower() for inside in BRACKETED.findall(text) for w in WORD.findall(inside))
    return Words(lower, frozenset(lower), names, negations, bracketed)


def _stands_within(shorter: Words, longer: Words, insertions: int = 0) -> bool:
    """`shorter`'s words in order inside `longer`, and what `longer` adds cannot turn it round.

    `longer` may add words before and after (an attribution, "Sotloff says")
    and, where `insertions` allows, up to that many runs of up to
    `MAX_INSERTED_WORDS` words inside that an editor put in square brackets
    ("The [Iraqi] Ministry"): a word inserted without them can name another
    person ("Li" made "Li Zhenghua") or hedge ("nearly passed").
    """
    if not shorter.lower or not shorter.distinct <= longer.distinct:
        return False
    words = longer.lower
    for start in (i for i, word in enumerate(words) if word == shorter.lower[0]):
        inserted = _inserted_runs(shorter.lower, words[start:], insertions)
        if inserted is None or not all(w in longer.bracketed for run in inserted[:-1] for w in run):
            continue  # a later place may hold it word for word
        added = {*words[:start], *(w for run in inserted for w in run)}
        return not (added & TURNING_WORDS or any(w.endswith("n't") for w in added))
    return False


def _inserted_runs(shorter: tuple[str, ...], longer: tuple[str, ...], insertions: int) -> list[tuple[str, ...]] | None:
    """The runs of words `longer` (which starts with `shorter`'s first word) puts between and after `shorter`'s words,
    or None where `shorter` is not in it with at most `insertions` short runs inside."""
    runs, at = [], 0
    for word in shorter:
        end = at
        while end < len(longer) and longer[end] != word:
            end += 1
        if end == len(longer) or (end > at and (end - at > MAX_INSERTED_WORDS or len(runs) == insertions)):
            return None
        if end > at:
            runs.append(longer[at:end])
        at = end + 1
    return [*runs, longer[at:]]


def _within(a: str, b: str, insertions: int = 0) -> bool:
    shorter, longer = sorted((words_of(a), words_of(b)), key=lambda w: len(w.lower))
    return _stands_within(shorter, longer, insertions)


def align(a: str, b: str) -> Alignment:
    words_a, words_b = words_of(a), words_of(b)
    differing = words_a.distinct ^ words_b.distinct
    union = words_a.distinct | words_b.distinct or {""}
    return Alignment(
        changed=len(differing) / len(union),
        negation=words_a.negations != words_b.negations,
        figure=any(any(c.isdigit() for c in w) for w in differing),
        calendar=bool(differing & CALENDAR),
        name=bool(differing & (words_a.names | words_b.names)),
        within=_within(a, b),
    )


LEARNED = "learned"  # the basis of a model-only contradiction (of kind "nli"): the decision

MODEL_FEATURES = ("contradiction_max", "contradiction_min", "contradiction_logit", "entailment_max", "similarity")


def model_features(pair: CandidatePair, scores: NLIScores | None) -> dict[str, float]:
    """The signals read off the NLI probabilities and the similarity: cheap, known before the words are aligned."""
    directions = scores.directions() if scores else []
    contra = sorted((p[CONTRADICTION] for p in directions), reverse=True) or [0.0]
    return {
        "contradiction_max": contra[0],
        "contradiction_min": contra[-1],
        "contradiction_logit": _logit(contra[0]),
        "entailment_max": max((p[ENTAILMENT] for p in directions), default=0.0),
        "similarity": pair.similarity,
    }


def shares_entity(pair: CandidatePair) -> bool:
    return bool(set(pair.a.entities) & set(pair.b.entities))


def one_within_other(pair: CandidatePair, insertions: int = MAX_INSERTIONS) -> bool:
    """One claim's words stand, in order, in the other's, as written or as made standalone, with up to
    `insertions` bracketed insertions ("the [Iraqi] Ministry of Health")."""
    texts = ((pair.a.text, pair.b.text), (pair.a.standalone, pair.b.standalone))
    return any(_within(a, b, insertions) for a, b in texts)


def named_otherwise(pair: CandidatePair) -> bool:
    """The claims say the same in the same words, but for a name one gives where the other refers without one: a
    description or a pronoun ("Kumar was eventually taken to hospital" / "The man was eventually taken to
    hospital"). A reference that names no one cannot contradict a name: that is what a contradiction is, as for
    `one_within_other`, and the model read these one-word differences as contradictions (0.89 both ways)."""
    differing = _differing_runs(pair.a.text, pair.b.text)
    surnames = [
        {key.removeprefix(PERSON_KEY) for key in c.entities if key.startswith(PERSON_KEY)} for c in (pair.a, pair.b)
    ]
    return bool(differing) and all(
        (_a_persons_name(x, surnames[0]) and _no_name(y)) or (_a_persons_name(y, surnames[1]) and _no_name(x))
        for x, y in differing
    )


def written_otherwise(pair: CandidatePair) -> bool:
    """The claims say the same in the same words, but for words one writes another way: abbreviated ("E. Meyer
    Blvd." / "East Meyer Boulevard") or with an apostrophe ("al Qaeda" / "al-Qa'eda", "Kohls" / "Kohl's"). One
    statement written two ways cannot contradict itself, as for `one_within_other`; the model read such pairs as
    contradictions both ways (0.97 on tune news). Names spelt with other vowels ("Tel Afar" / "Tal Afar") are left
    to the model: the same consonants also spell other places and people ("Gaza" / "Giza", "Hussein" / "Hassan"),
    and words joined or split other words ("re-signed" / "resigned")."""
    differing = _differing_runs(pair.a.text, pair.b.text)
    return bool(differing) and all(
        _apostrophe_aside(x) == _apostrophe_aside(y)
        or _abbreviated(x, y, pair.a.text)
        or _abbreviated(y, x, pair.b.text)
        for x, y in differing
    )


def _differing_runs(a: str, b: str) -> list[tuple[list[str], list[str]]]:
    """The runs of words, as written, where `a` and `b` differ, case aside, each with what stands in the other."""
    cased = [WORD.findall(text.replace("’", "'")) for text in (a, b)]
    lower = [[w.lower() for w in words] for words in cased]
    return [
        (cased[0][i1:i2], cased[1][j1:j2])
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, *lower, autojunk=False).get_opcodes()
        if tag != "equal"
    ]


def _apostrophe_aside(words: list[str]) -> list[str]:
    return [w.lower().replace("'", "") for w in words]


def _abbreviated(short: list[str], full: list[str], text: str) -> bool:
    """`short` is one word of up to MAX_ABBREVIATION letters, written with a full stop inside the sentence, that
    abbreviates the one word of `full`: its letters, in order, from the first ("Blvd." of "Boulevard", "E." of
    "East"). Without the full stop it may be a word of its own ("UK" / "Ukraine"), and a full stop that ends the
    sentence ends any word ("in Iran." / "in Ireland.")."""
    if len(short) != 1 or len(full) != 1 or not len(short[0]) <= min(MAX_ABBREVIATION, len(full[0]) - 1):
        return False
    abbreviation, word = short[0].lower(), iter(full[0].lower())
    return (
        abbreviation[0] == full[0][0].lower()
        and all(letter in word for letter in abbreviation)
        and re.search(rf"\b{re.escape(short[0])}\.\s+\w", text) is not None
    )


def _a_persons_name(words: list[str], surnames: set[str]) -> bool:
    """Capitalised words ending in the surname of a person the claim names ("Kumar", "Anil Kumar"); not "Police",
    "Nobody", "Geneva" or "March", which a description or a pronoun against them may contradict."""
    if not words or not all(w[:1].isupper() for w in words):
        return False
    return person_key(words[-1]).removeprefix(PERSON_KEY) in surnames


def _no_name(words: list[str]) -> bool:
    """A pronoun, or a determiner and up to two lower-case words: "he", "the man", "the young woman"."""
    if len(words) <= 1:
        return bool(words) and words[0].lower() in REFERRING
    return words[0].lower() in DETERMINERS and len(words) <= 3 and all(w.islower() for w in words[1:])


def features(
    pair: CandidatePair, scores: NLIScores | None, evidence: Sequence[Evidence], kinds: Sequence[str]
) -> dict[str, float]:
    """The signals of one pair, by name (`kinds`: the structured checks, in registry order)."""
    alignment = align(pair.a.text, pair.b.text)
    contradicting = {e.kind for e in evidence if e.contradicts}
    agreeing = {e.kind for e in evidence if not e.contradicts}
    values = model_features(pair, scores) | {
        "shared_entity": float(shares_entity(pair)),
        "no_entities": float(not pair.a.entities and not pair.b.entities),
        "words_changed": alignment.changed,
        "negation_one_side": float(alignment.negation),
        "figure_one_side": float(alignment.figure),
        "calendar_one_side": float(alignment.calendar),
        "name_one_side": float(alignment.name),
        "one_within_other": float(one_within_other(pair, insertions=0)),  # as the shipped decision was fitted
        "agreeing_evidence": float(bool(agreeing)),
        # any check, besides which one: a kind with few labelled pairs borrows the strength of the others
        "evidence_any": float(bool(contradicting)),
    }
    values |= {f"evidence_{kind}": float(kind in contradicting) for kind in kinds}
    return values


def weights_digest(weights: dict[str, float], intercept: float) -> str:
    """A hash of the weights alone: the calibration records the weights whose reports it was fitted on."""
    return content_hash(json.dumps({"weights": weights, "intercept": intercept}, sort_keys=True))


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Decision:
    """A fitted logistic regression (weights by feature name, an intercept) and the calibrated score per basis."""

    weights: dict[str, float]
    intercept: float
    precision: dict[str, float]  # basis -> share of reported contradictions confirmed on news; "all": any other
    digest: str = ""  # a hash of the file: a report made with other weights or scores is not reused

    @classmethod
    def load(cls, path: str | Path) -> Decision:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            intercept = float(data["intercept"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DecisionError(f"{path}: not a decision file ({type(exc).__name__}: {exc})") from exc
        try:
            given = data["calibration"]["precision"].items()
        except (KeyError, TypeError, AttributeError) as exc:
            raise DecisionError(
                f"{path}: no calibration.precision, the scores by basis "
                f"(models/recipe/decision.py --calibrate writes them; {type(exc).__name__}: {exc})"
            ) from exc
        try:
            precision = {str(k): float(v) for k, v in given}
        except (ValueError, TypeError) as exc:
            raise DecisionError(f"{path}: calibration.precision holds a score that is not a number ({exc})") from exc
        unknown = sorted(set(weights) - feature_names())
        if unknown:
            raise DecisionError(f"{path}: unknown feature(s) {', '.join(unknown)}")
        if not all(math.isfinite(v) for v in (*weights.values(), intercept)):
            raise DecisionError(f"{path}: a weight or the intercept is not a finite number")
        if "all" not in precision or not all(0 <= v <= 1 for v in precision.values()):
            raise DecisionError(f'{path}: calibration.precision needs an "all" entry and values from 0 to 1')
        strange = sorted(set(precision) - {LEARNED, "all", *registry().finding_kinds})
        if strange:
            raise DecisionError(f"{path}: calibration.precision names no basis: {', '.join(strange)}")
        return cls(weights, intercept, precision, content_hash(text))

    def score(self, basis: str) -> float:
        """The calibrated score of a contradiction reported on `basis` (a check's kind, or `LEARNED`)."""
        return self.precision.get(basis, self.precision["all"])

    def can_reach(self, threshold: float, model_values: dict[str, float]) -> bool:
        """Whether the features beyond `model_values` (`model_features`) could bring the probability to `threshold`.

        An exact upper bound (each other feature at the end of its range that
        raises the probability most), so a pair it rules out is one the decision
        would not report: most candidate pairs are ruled out from their NLI
        probabilities alone, before their words are aligned.
        """
        z = self.intercept + self._most_from_the_rest
        return (
            _sigmoid(z + sum(self.weights.get(name, 0.0) * value for name, value in model_values.items())) >= threshold
        )

    @functools.cached_property
    def _most_from_the_rest(self) -> float:
        """The most the features other than the model's can add to the log-odds."""
        most = 0.0
        for name, weight in self.weights.items():
            if name not in MODEL_FEATURES:
                low, high = FEATURE_RANGES.get(name, (0.0, 1.0))
                most += max(weight * low, weight * high)
        return most

    def probability(self, values: dict[str, float]) -> float:
        """P(a reader calls the pair a contradiction); a feature the weights do not know counts nothing."""
        return _sigmoid(self.intercept + sum(w * values.get(name, 0.0) for name, w in self.weights.items()))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-min(max(z, -50.0), 50.0)))
