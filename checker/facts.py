"""Judgements → facts: which claims state the same fact, which versions of it exist, who stands alone.

A reader thinks "in this story the sources disagree on who voted with the
US", not "sentence 15 of 002 contradicts sentence 26 of 004". So the
contradicting pairs of one story are grouped into facts:

- a structured discrepancy is about a *subject* its evidence names (the
  quantity "votes against", Trump's office), and every pair about one subject
  in one story is one fact; its *versions* are the values the sides give
  ("18" / "four"), each with the sources that give it;
- a discrepancy with no subject of its own (two lists of participants, two
  days, a contradiction the model alone sees) joins the pairs that share a
  claim; claims are one version where their words are the same or they were
  judged to agree, never only because each contradicts a third;
- a structured version is also given by a claim paired with one of the
  fact's claims that its check reads as giving the version's value, though
  no finding set it against another version (`_seconding`);
- a contradiction the model alone saw between two claims of two versions of
  a structured fact is that fact's, not a fact of its own.

A document is an *outlier* when its version is given by no other source
while two or more sources agree on another; a word-for-word copy of another
document (`checker/sources.py`) is not another source. The pairs stay in the
fact as its evidence; one of them, with the outlier's claim first, stands for
it in the report.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from checker.checks import Check, registry
from checker.decision import one_within_other
from checker.records import CandidatePair, Claim, Evidence, Finding, content_hash, version_key
from checker.sources import Provenance, first_published, in_time_order
from checker.verdicts import standing

Shapes = Mapping[str, Check]  # by kind: how a check's evidence names its subject and each side's version


@dataclass(frozen=True)
class Version:
    """One value or wording of a fact, and the claims (so the sources) that give it."""

    value: str
    claims: tuple[Claim, ...]
    key: str = ""  # what compares, where a check gives it (a number's value: "four" and "4" are one version)

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({c.doc_id for c in self.claims}))


@dataclass(frozen=True)
class Fact:
    """One thing the sources of a story disagree on: its versions and the pairs that show it."""

    kind: str
    subject: str
    story: str
    versions: tuple[Version, ...]
    findings: tuple[Finding, ...]
    distinct: tuple[str, ...] = ()  # set by group_facts only where two facts of a run would share an id
    sources: Mapping[str, Provenance] = field(default_factory=dict, compare=False)  # by document id
    # claim → the claims the fact's check judged it to agree with ("between 30 and 40" with "34"), among its claims
    agreements: Mapping[tuple, tuple[tuple, ...]] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        """The kind, the subject and what each version says (as the check compares it, where it gives that: "four"
        and "4" are one version): no offsets, and no sources.

        A new article that repeats a version joins the fact without changing its
        id, so a reviewed fact stays reviewed in CI, however it writes the figure; a new version is a new fact.
        """
        values = sorted(_id_key(v.key) if v.key else version_key(v.value) for v in self.versions)
        return content_hash("fact", self.kind, self.subject, *values, *self.distinct)

    @property
    def score(self) -> float:
        return max(f.score for f in self.findings)

    def voices(self, version: Version) -> int:
        """How many sources give `version`, a copy of another document's text not counted again."""
        return len({self.copy_of(doc) or doc for doc in version.documents})

    def copy_of(self, doc: str) -> str:
        """The document whose text `doc` repeats word for word, or ""."""
        return self.sources[doc].copy_of if doc in self.sources else ""

    @property
    def majority(self) -> Version | None:
        """The version more sources give than any other, if there is one."""
        ranked = sorted(self.versions, key=lambda v: -self.voices(v))
        if len(ranked) > 1 and self.voices(ranked[0]) > self.voices(ranked[1]):
            return ranked[0]
        return None

    @property
    def outliers(self) -> tuple[str, ...]:
        """Documents whose versions no other source gives, against two or more sources that agree.

        Named also where the versions follow the order of publication: the lone latest may be the update of a
        toll that rose, or a late rewrite's slip (and in CI the new article is the latest), the lone first a
        report others corrected or the slip. The times tell a reader which; the report gives both.
        """
        given: dict[str, int] = defaultdict(int)
        for version in self.versions:
            for doc in version.documents:
                given[doc] += 1
        if max((self.voices(v) for v in self.versions), default=0) < 2:
            return ()
        backed = {claim_key(c) for v in self.versions if self.voices(v) > 1 for c in v.claims}
        alone = Counter(
            doc for v in self.versions if self.voices(v) == 1 and not self._agrees(v, backed) for doc in v.documents
        )
        # a source whose every version stands alone ("37 percent proficient" and another of its figures paired
        # with the fact), not one that gives the backed version too
        return tuple(sorted(doc for doc, versions in alone.items() if versions == given[doc]))

    def _agrees(self, version: Version, claims: set[tuple]) -> bool:
        """Whether the fact's check judged a claim of `version` to agree with one of `claims`: a range that holds
        the others' figure ("between 30 and 40" against "34") is a version of its own, and no source that stands
        alone. The model's agreement does not count: it reads a paraphrase, not a figure."""
        return any(set(self.agreements.get(claim_key(c), ())) & claims for c in version.claims)

    @property
    def copies(self) -> dict[str, str]:
        """The fact's documents that repeat another document's text, each with the document it repeats."""
        documents = {doc for v in self.versions for doc in v.documents}
        return {doc: self.copy_of(doc) for doc in sorted(documents) if self.copy_of(doc)}

    @property
    def in_publication_order(self) -> bool:
        """Whether the versions follow one another in time: every source of each published before every source
        of the next, with a version given by two sources or more (versions of one source each are in some
        order whatever their times), or three versions or more whose values move one way in that order
        (`Check.moves_one_way`: 12 sick, 19 the next day, 26 the day after), or every version by one outlet
        (its own articles through the day: 3 dead at 08:10, 7 at 12:15). Only where a later report may update
        what the fact's check compares (`Check.updated_in_time`: a toll, not an office), in the way it moves
        (`Check.may_update`: a toll of the dead rises). A version a source gives alone, against others that
        agree, need not keep that order in time where its value fits it (`_time_order`): one outlet's 9 dead at
        10:00 made the rest of a toll told 3, then 7, then 12 read as outlets contradicting each other."""
        check = self._updated_in_time()
        order = self._time_order() if check is not None else None
        if order is None:
            return False
        keys = [json.loads(self.versions[i].key or "null") for i in order]
        return check.may_update(self.subject, keys) and (
            any(self.voices(v) > 1 for v in self.versions)
            or (len(order) >= 3 and check.moves_one_way(keys))
            or len(self._outlets()) == 1
        )

    def place_in_time(self, version: Version) -> str:
        """ "first" or "last" where `version` stands alone and each of its sources was published before, or after,
        every other source of the fact, on a subject a later report may update (a toll, not an office) in that
        way (a toll of the dead rises): the lone latest may be the update, or a late rewrite's slip; the lone first
        a report since updated, or the slip. "" otherwise. The other versions need not follow one another in
        time: 23 dead at 06:00 and 10:00, 31 at 08:00, then 40 the next day."""
        check = self._updated_in_time()
        if check is None or not set(version.documents) & set(self.outliers):
            return ""
        own = [d for d in version.documents if not self.copy_of(d)]
        others = [d for v in self.versions if v is not version for d in v.documents if not self.copy_of(d)]
        order = in_time_order([own, others], self.sources)
        if order is None:
            return ""
        place = "first" if order == [0, 1] else "last"
        key = json.loads(version.key or "null")
        steps = [[key, json.loads(v.key or "null")] for v in self.versions if v is not version]
        steps = steps if place == "first" else [step[::-1] for step in steps]
        return place if all(check.may_update(self.subject, step) for step in steps) else ""

    def _updated_in_time(self) -> Check | None:
        """The fact's check, where a later report may update what it compares (`Check.updated_in_time`)."""
        check = registry().check(self.kind)
        return check if check is not None and check.updated_in_time(self.subject) else None

    def _outlets(self) -> set[str]:
        """The outlets of the fact's documents, where every one is known."""
        documents = {doc for v in self.versions for doc in v.documents}
        outlets = {self.sources[doc].outlet if doc in self.sources else "" for doc in documents}
        return set() if "" in outlets else outlets

    @property
    def ordered_versions(self) -> tuple[Version, ...]:
        """The versions, earliest first where they follow the order of publication."""
        order = self._time_order() if self.in_publication_order else None
        return tuple(self.versions[i] for i in order) if order else self.versions

    def _time_order(self) -> list[int] | None:
        """The versions' order in time by their sources' first publication (a reprint hours later says nothing of
        when its version was first given); where the versions cross in time only for one or more that a source
        gives alone against others that agree, the others in their order and each lone one where it was first
        published among them. None otherwise."""
        sources = [[d for d in v.documents if not self.copy_of(d)] for v in self.versions]
        order = in_time_order(sources, self.sources)
        if order is not None:
            return order
        alone = {i for i, v in enumerate(self.versions) if set(v.documents) & set(self.outliers)}
        rest = [i for i in range(len(self.versions)) if i not in alone]
        kept = in_time_order([sources[i] for i in rest], self.sources) if alone and len(rest) >= 2 else None
        first = {i: first_published(sources[i], self.sources) for i in range(len(self.versions))}
        if kept is None or None in first.values():
            return None
        order = [rest[i] for i in kept]
        for i in sorted(alone, key=lambda i: first[i]):
            order.insert(max((n + 1 for n, j in enumerate(order) if first[j] <= first[i]), default=0), i)
        return order

    def representative(self, focus: Collection[str] = ()) -> Finding:
        """The pair that stands for the fact: one with a document of `focus` (CI's new articles: the pull
        request's own line, not two older articles'), then one with an outlier, against the majority ("55 vs 34",
        not "55 vs between 30 and 40"), differing in this fact alone (a day's fact shown by two sentences giving
        one toll, not "Sunday vs Monday; 7 vs 3"), body sentences, the most alike."""
        outliers, focus = set(self.outliers), set(focus)
        majority = set(self.majority.documents) if self.majority else set()

        def rank(f: Finding) -> tuple:
            documents = {f.pair.a.doc_id, f.pair.b.doc_id}
            own = f.kind == self.kind  # the model's pair of a structured fact shows no evidence of its kind
            return (
                own,
                bool(documents & focus),
                bool(documents & outliers),
                bool(documents & majority),
                sum(e.contradicts for e in f.evidence) <= 1,  # a list and a person differing by one name: two
                standing(f),
                f.id,
            )

        return max(self.findings, key=rank)


class _Groups:
    """Union-find over finding indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def members(self) -> list[list[int]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            groups[self.find(i)].append(i)
        return list(groups.values())


def _id_key(key: str) -> str:
    """A version's key as its fact's id hashes it: a figure by its value, not its reach, so a fact keeps its id
    however a source bounds the figure ("about 12", "12"), as it does however it writes it ("four", "4")."""
    decoded = json.loads(key)
    return json.dumps(decoded["value"]) if isinstance(decoded, dict) and "reach" in decoded else key


def claim_key(claim: Claim) -> tuple[str, int, int]:
    return claim.doc_id, claim.span.start, claim.span.end


def _subject(finding: Finding, shapes: Shapes) -> str:
    shape = shapes.get(finding.kind)
    return shape.subject(finding.evidence[0].detail) if shape and finding.evidence else ""


def _group(findings: Sequence[Finding], story_of: Mapping[str, str], shapes: Shapes) -> list[list[int]]:
    """Pairs of one story and kind about one subject, or, where there is no subject, sharing a claim.

    A check's `whole_subject` says its subject alone names one fact in a story
    (a person's office, a quote). A number's unit does not ("%" of turnout and
    of unemployment, deaths by Monday and by Tuesday): its pairs join by shared
    claims, as those of kinds with no subject do.
    """
    groups = _Groups(len(findings))
    first: dict[tuple, int] = {}
    for i, finding in enumerate(findings):
        story = story_of.get(finding.pair.a.doc_id, "")
        subject = _subject(finding, shapes)
        shape = shapes.get(finding.kind)
        keys = (
            [(story, finding.kind, "subject", subject)]
            if shape and shape.whole_subject
            else [(story, finding.kind, subject, claim_key(c)) for c in (finding.pair.a, finding.pair.b)]
        )
        for key in keys:
            groups.join(i, first.setdefault(key, i))
    return groups.members()


def _structured_versions(findings: Sequence[Finding], shape: Check) -> list[Version]:
    """The versions the fact's check gives its claims, each named as most of its sources write it ("31 percent"
    by two sources, not the "Thirty-one percent" of the third, however many of its sentences write it so)."""
    written: dict[str, dict[str, str]] = defaultdict(dict)
    claims: dict[str, dict[tuple, Claim]] = defaultdict(dict)
    for finding in findings:
        detail = finding.evidence[0].detail
        for side, claim in (("a", finding.pair.a), ("b", finding.pair.b)):
            key, text = shape.version(detail, side)
            key = json.dumps(key, sort_keys=True, default=str)
            written[key].setdefault(claim.doc_id, text)
            claims[key][claim_key(claim)] = claim
    values = {key: Counter(texts.values()).most_common(1)[0][0] for key, texts in written.items()}
    decoded = {key: json.loads(key) for key in values}
    joined = True
    while joined:  # until none joins: "60 miles" holds "59 miles" and "95 km", one version once the first joins
        joined = False
        for key in sorted(values):
            finer = [other for other in values if shape.refines(decoded[key], decoded[other])]
            if len(finer) == 1:  # "Monday" where one version is a Monday: the same day, written less precisely
                claims[finer[0]].update(claims.pop(key))
                del values[key]
                joined = True
    return [Version(values[k], tuple(claims[k].values()), k) for k in values]


def _agreeing_versions(findings: Sequence[Finding], agreements: Mapping[tuple, list[tuple]]) -> list[Version]:
    """The claims on either side of contradictions with no subject, one version where they are seen to agree.

    Two claims are one version where their words are the same, where one's words stand in order in the other's
    ("Police declined to comment" in "British police declined to comment", as `decision.one_within_other`
    reads them: never a contradiction), or where a pair of them was judged to agree. Two
    claims that each contradict a third are not thereby one: "in 2009" and "in 2008" against "in 2007" are
    three versions and no majority, and the 2007 source is no outlier. A version whose claims contradict
    each other is split into its claims.
    """
    claims = {claim_key(c): c for f in findings for c in (f.pair.a, f.pair.b)}
    keys = sorted(claims)
    position = {key: i for i, key in enumerate(keys)}
    groups = _Groups(len(keys))
    same_words: dict[str, int] = {}
    for i, key in enumerate(keys):
        groups.join(i, same_words.setdefault(version_key(claims[key].text), i))
    opposed = [(position[claim_key(f.pair.a)], position[claim_key(f.pair.b)]) for f in findings]
    for i, j in itertools.combinations(range(len(keys)), 2):
        if one_within_other(CandidatePair(claims[keys[i]], claims[keys[j]], 0.0)):
            joined = {groups.find(i), groups.find(j)}  # a short claim within both sides must not make them one
            if not any({groups.find(a), groups.find(b)} == joined for a, b in opposed):
                groups.join(i, j)
    for key, i in position.items():
        for other in agreements.get(key, ()):
            if other in position:
                groups.join(i, position[other])
    ends = [(groups.find(position[claim_key(f.pair.a)]), groups.find(position[claim_key(f.pair.b)])) for f in findings]
    split = {a for a, b in ends if a == b}
    versions = []
    for members in groups.members():
        sides = [[i] for i in members] if groups.find(members[0]) in split else [members]
        versions += [Version(claims[keys[side[0]]].text, tuple(claims[keys[i]] for i in side)) for side in sides]
    return versions


def group_facts(
    findings: Iterable[Finding],
    story_of: Mapping[str, str] | None = None,
    checks: Sequence[Check] | None = None,
    sources: Mapping[str, Provenance] | None = None,
    voice_similarity: float = 0.6,
    agreeing_voice_similarity: float = 1.0,
) -> list[Fact]:
    """The facts the contradictions of `findings` are about, in a stable order (highest score first, then by id).

    `checks` say how their evidence names a subject and versions (default: every registered check); `sources`
    when each document was published and whose text it copies (`checker.sources.provenance`);
    `voice_similarity` how alike a pair with a claim of a fact must be to be read again for it, and
    `agreeing_voice_similarity` how alike to be read for what it gives alike only (`_seconding`).
    """
    findings = list(findings)
    shapes = {c.kind: c for c in (registry().configured() if checks is None else checks)}
    contradictions = sorted(
        (view for f in findings if f.label == "contradict" for view in _by_kind(f, shapes)),
        key=lambda f: (f.id, f.kind),
    )
    agreements: dict[tuple, list[tuple]] = defaultdict(list)  # claim → the claims a pair judged it to agree with
    # the same, by check and the subject its agreement is on: "both give 1,214 people" is no agreement on the boats
    by_check: dict[tuple[str, str], dict[tuple, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for finding in findings:
        if finding.label == "agree":
            a, b = claim_key(finding.pair.a), claim_key(finding.pair.b)
            for found in (agreements, *(by_check[finding.kind, s] for s in _agreed_on(finding, shapes))):
                found[a].append(b)
                found[b].append(a)
    story_of = story_of or {}
    seconds = _seconding(findings, story_of, shapes, voice_similarity, agreeing_voice_similarity)
    by_id: dict[tuple[str, str], list[Finding]] = defaultdict(list)  # one story's groups that are one fact
    for members in _group(contradictions, story_of, shapes):
        group = [contradictions[i] for i in members]
        fact = _fact(group, story_of, shapes, agreements, sources, by_check)
        by_id[fact.story, fact.id] += group
    facts = [_fact(group, story_of, shapes, agreements, sources, by_check, seconds) for group in by_id.values()]
    structured, moved, model = _model_findings_of_structured_facts(facts, shapes)
    facts = [replace(f, findings=f.findings + tuple(moved.get(i, ()))) for i, f in enumerate(structured)]
    for fact, kept in model:  # a model-only fact that lost a pair to a structured one is made again of the rest
        if kept:
            facts.append(
                fact
                if len(kept) == len(fact.findings)
                else _fact(kept, story_of, shapes, agreements, sources, by_check)
            )
    return sorted(_distinct_ids(facts), key=lambda f: (-f.score, f.id))


def _agreed_on(finding: Finding, shapes: Shapes) -> set[str]:
    """The subjects an agreeing pair's check found it to agree on: "both give 1,214 people" is on the people."""
    shape = shapes.get(finding.kind)
    if shape is None:
        return set()
    return {shape.subject(e.detail) for e in finding.evidence if e.kind == finding.kind and not e.contradicts}


def _by_kind(finding: Finding, shapes: Shapes) -> list[Finding]:
    """The pair, and a view of it for each other fact it shows, that fact's evidence first: each other subject its
    own check found differing ("12 killed and 300 homes destroyed" / "15 killed and 450 homes destroyed": a toll
    fact and a homes fact), and each other check that finds a fact of its own (`fact_of_its_own`): "Five were
    killed in the blast on March 3" against "Seven ... on March 4" is a toll fact and a day fact, and the day's
    sources were missing from the story's day fact when the pair was its toll's alone. A list and a person that
    differ by one name are one discrepancy, seen twice: no second fact."""
    seen = {(finding.kind, _subject(finding, shapes))}
    views = [finding]
    for evidence in finding.evidence:
        if not evidence.contradicts or evidence.kind not in shapes:
            continue
        shape = shapes[evidence.kind]
        key = (evidence.kind, shape.subject(evidence.detail) if evidence.kind == finding.kind else "")
        if key in seen or not shape.makes_a_fact_in(finding.kind):
            continue
        seen.add(key)
        rest = tuple(e for e in finding.evidence if e is not evidence)
        views.append(replace(finding, kind=evidence.kind, evidence=(evidence, *rest)))
    return views


def _model_findings_of_structured_facts(
    facts: list[Fact], shapes: Shapes
) -> tuple[list[Fact], dict[int, list[Finding]], list[tuple[Fact, list[Finding]]]]:
    """The structured facts; by fact (its index among them), the contradictions the model alone saw between two
    claims it holds in two versions; and each model-only fact with its other findings.

    Such a pair is that fact's discrepancy, seen again: "The committee's next meeting is on December 18" against
    "The committee will next meet on December 11" is the date fact's, though the date check found no name in
    common and the model read it. As a fact of its own it failed CI on a new article that gave the majority's day.
    """
    structured = [f for f in facts if f.kind in shapes]
    held: dict[tuple[str, tuple], list[tuple[int, int]]] = defaultdict(list)  # (story, claim) → (fact, version)
    for n, fact in enumerate(structured):
        for v, version in enumerate(fact.versions):
            for claim in version.claims:
                held[fact.story, claim_key(claim)].append((n, v))
    moved: dict[int, list[Finding]] = defaultdict(list)
    model = []
    for fact in (f for f in facts if f.kind not in shapes):
        kept = []
        for finding in fact.findings:
            a, b = (held.get((fact.story, claim_key(c)), []) for c in (finding.pair.a, finding.pair.b))
            into = next((n for n, v in a for m, w in b if n == m and v != w), None)
            (kept if into is None else moved[into]).append(finding)
        model.append((fact, kept))
    return structured, moved, model


# (story, kind, subject, version key) → claim key → the claim, and the claims of facts it was read against
# by (story, kind, subject), then by the value's key: the claims read as giving it, each with what it was read against
Seconds = Mapping[tuple[str, str, str], Mapping[str, Mapping[tuple, tuple[Claim, frozenset[tuple]]]]]


def _seconding(
    findings: Sequence[Finding],
    story_of: Mapping[str, str],
    shapes: Shapes,
    voice_similarity: float,
    agreeing_similarity: float,
) -> Seconds:
    """The value claims give of a subject, where a structured check read one in a pair with a claim of a fact of
    its kind, by story, kind, subject and the value's key: "34 people had been injured" against "43 were injured".

    A fact gathers the sources that state its value though none was reported against the other version: three
    outlets giving 34 injured and one 43 make 43 the odd one out, though only one of the three sentences was alike
    enough to the 43 sentence to be compared with it. So a candidate pair with a claim of a fact is read for it: its
    check's agreement, or, where the check read nothing and the pair is at least `voice_similarity` alike, the
    check's reading as though the two were alike enough ("The runoff will take place on October 20" against "The
    runoff is set for Sunday, October 27": no name in common, so no date finding), and at least
    `agreeing_similarity` alike, what it reads the two give alike ("voted 11 to 2" / "voted 11-2", cosine 0.48).
    What it reads adds a source to a version and is never reported. A pair with no claim of the fact lends it
    nothing: two outlets agreeing on "62 percent" of the vote say nothing of a turnout.
    """
    disputed: dict[tuple[str, str], set[tuple]] = defaultdict(set)  # (story, kind) → the claims of its facts
    for finding in findings:
        if finding.label == "contradict" and finding.kind in shapes:
            story = story_of.get(finding.pair.a.doc_id, "")
            disputed[story, finding.kind] |= {claim_key(finding.pair.a), claim_key(finding.pair.b)}
    seconds: dict[tuple[str, str, str], dict[str, dict[tuple, tuple[Claim, frozenset[tuple]]]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for finding in findings:
        story = story_of.get(finding.pair.a.doc_id, "")
        ends = frozenset({claim_key(finding.pair.a), claim_key(finding.pair.b)})
        for evidence in _readings(finding, story, disputed, shapes, voice_similarity, agreeing_similarity):
            shape = shapes[evidence.kind]
            subject = shape.subject(evidence.detail)
            for side, claim in (("a", finding.pair.a), ("b", finding.pair.b)):
                key = json.dumps(shape.version(evidence.detail, side)[0], sort_keys=True, default=str)
                _, against = seconds[story, evidence.kind, subject][key].get(claim_key(claim), (claim, frozenset()))
                read_against = against | (ends & disputed[story, evidence.kind])
                seconds[story, evidence.kind, subject][key][claim_key(claim)] = (claim, read_against)
    return seconds


def _readings(
    finding: Finding,
    story: str,
    disputed: Mapping[tuple[str, str], set[tuple]],
    shapes: Shapes,
    voice_similarity: float,
    agreeing_similarity: float,
) -> list[Evidence]:
    """What the checks of a story's facts read in a pair with a claim of one: the agreements they found (each
    thing the two give alike, `Check.agreements`), or, in a pair alike enough (`voice_similarity`) that the check
    read nothing, its reading as though the claims were alike enough, and in one less alike (`agreeing_similarity`),
    what it reads the two give alike."""
    ends = {claim_key(finding.pair.a), claim_key(finding.pair.b)}
    found = []
    for (where, kind), claims in disputed.items():
        if where != story or not ends & claims:
            continue
        read = [e for e in finding.evidence if e.kind == kind]
        annotated = all(kind in c.annotations for c in (finding.pair.a, finding.pair.b))
        agreed = [e for e in read if not e.contradicts]
        if agreed and annotated:  # each thing the two give alike, not the first only
            agreed = shapes[kind].agreements(finding.pair.a, finding.pair.b, finding.pair.similarity) or agreed
        found += agreed
        if not read and annotated and finding.pair.similarity >= voice_similarity:
            # what the check reads as though the two were alike enough: a discrepancy, else what they give alike
            a, b = finding.pair.a, finding.pair.b
            found += shapes[kind].compare_all(a, b, 1.0) or shapes[kind].agreements(a, b, 1.0)
        elif (
            not read
            and annotated
            and (
                _keyed_alike(shapes[kind], finding.pair.a, finding.pair.b)
                or finding.pair.similarity >= agreeing_similarity
            )
        ):
            # a pair the check pairs whatever its wording (one person's office), or one a little less alike: what
            # the two give alike
            found += shapes[kind].agreements(finding.pair.a, finding.pair.b, 1.0)
    return found


def _keyed_alike(check: Check, a: Claim, b: Claim) -> bool:
    """The check pairs the two claims however unalike their words (`Check.pairing_keys`: one person's office)."""
    return bool(check.pairing_keys(a) & check.pairing_keys(b))


def _seconded(
    versions: list[Version], seconds: Seconds, story: str, kind: str, subject: str, shape: Check
) -> list[Version]:
    """The versions with the claims read as giving the same value of the same subject in a pair with one of this
    fact's claims (`_seconding`), not another fact's of the story; a claim already in a version stays there. A
    value given less precisely seconds the one version that refines it ("about 40" the version of "Forty"), and an
    exact one the one version it refines where none gives it ("All 62,000" the version of "About 62,000")."""
    mine = {claim_key(c) for v in versions for c in v.claims}
    own = frozenset(mine)
    keys = [v.key for v in versions]
    by_version: dict[str, dict] = defaultdict(dict)
    for key, found in sorted(seconds.get((story, kind, subject), {}).items()):
        finer = [k for k in keys if k and shape.refines(json.loads(key), json.loads(k))]
        coarser = [k for k in keys if k and shape.refines(json.loads(k), json.loads(key))]
        joins = key if key in keys else finer[0] if len(finer) == 1 else coarser[0] if len(coarser) == 1 else None
        if joins is not None:
            by_version[joins] |= found
    grown = []
    for version in versions:
        found = by_version.get(version.key, {})
        more = tuple(c for key, (c, against) in sorted(found.items()) if key not in mine and against & own)
        mine |= {claim_key(c) for c in more}
        grown.append(replace(version, claims=version.claims + more))
    return grown


def _fact(
    group: list[Finding],
    story_of: Mapping[str, str],
    shapes: Shapes,
    agreements: Mapping[tuple, list[tuple]],
    sources: Mapping[str, Provenance] | None,
    by_check: Mapping[tuple[str, str], Mapping[tuple, list[tuple]]],
    seconds: Seconds | None = None,
) -> Fact:
    """The fact a group of pairs shows, its versions ranked by how many sources give them.

    Pairs that share no claim may still show one fact: a toll of 3 against 7 in the lead of one article and
    in the body of another. Grouped apart, they were two facts of one id, and the second got one of its own
    with its sources in it, so a new article repeating "7" failed CI on a fact reviewed: `group_facts` makes
    one story's groups of one id one fact.
    """
    shape = shapes.get(group[0].kind)
    versions = _structured_versions(group, shape) if shape else _agreeing_versions(group, agreements)
    story = story_of.get(group[0].pair.a.doc_id, "")
    if shape and seconds:
        versions = _seconded(versions, seconds, story, group[0].kind, _subject(group[0], shapes), shape)
    documents = {doc for v in versions for doc in v.documents}
    known = {doc: sources[doc] for doc in documents if sources and doc in sources}
    mine = {claim_key(c) for v in versions for c in v.claims}
    # the check's own reading on the fact's subject, not the model's
    kind_agrees = by_check.get((group[0].kind, _subject(group[0], shapes)), {}) if shape else {}
    agreed = {key: tuple(other for other in kind_agrees.get(key, ()) if other in mine) for key in mine}
    fact = Fact(
        group[0].kind,
        _subject(group[0], shapes),
        story,
        tuple(versions),
        tuple(group),
        sources=known,
        agreements=agreed,
    )
    ranked = sorted(versions, key=lambda v: (-fact.voices(v), -len(v.documents), v.documents, v.value))
    return replace(fact, versions=tuple(ranked))


def _distinct_ids(facts: list[Fact]) -> list[Fact]:
    """Facts whose ids would repeat (one office in two stories) told apart by their sources, in a stable order."""
    seen: set[str] = set()
    kept = []
    for fact in sorted(facts, key=lambda f: (f.id, [v.documents for v in f.versions])):
        if fact.id in seen:
            fact = replace(fact, distinct=tuple(d for v in fact.versions for d in v.documents))
        seen.add(fact.id)
        kept.append(fact)
    return kept
