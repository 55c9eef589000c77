"""The `person` check across documents; its sentence pairs are data in `tests/cases/person.jsonl`."""

from __future__ import annotations

import json

import pytest

from checker.checks.persons import FullNames, PersonCheck
from checker.config import Config
from tests.helpers import annotated, make_claim

MOTION = "The motion to close the harbour was put to the council last week by {} and passed by two votes."


def _person_evidence(a: str, b: str, surnames: tuple[str, str]):
    """The check's evidence on two claims, each naming the person of its surname (as the tagger would)."""
    check = PersonCheck()
    x, y = (
        annotated(make_claim(text, doc, (f"person:{surname}",)), [check])
        for text, doc, surname in ((a, "a.txt", surnames[0]), (b, "b.txt", surnames[1]))
    )
    return check.compare(x, y, 0.95), x, y


def test_a_full_name_either_document_gives_makes_its_parts_one_person():
    """ "by Ana Ruiz" and "by Ruiz Soto" in one wording: one woman where a document calls her "Ana Ruiz Soto"; two
    where no document gives a name holding both."""
    evidence, first, other = _person_evidence(MOTION.format("Ana Ruiz"), MOTION.format("Ruiz Soto"), ("ruiz", "soto"))
    assert evidence is not None and evidence.detail == {"a": "Ana Ruiz", "b": "Ruiz Soto"}
    check = PersonCheck()
    full = annotated(make_claim("Ana Ruiz Soto chairs the harbour committee.", "b.txt", ("person:soto",)), [check])
    assert FullNames([first, other, full], check.kind).explains(evidence, first, other)
    unrelated = annotated(
        make_claim("Pilar Ruiz Soto chairs the harbour committee.", "b.txt", ("person:soto",)), [check]
    )
    assert not FullNames([first, other, unrelated], check.kind).explains(evidence, first, other)


@pytest.mark.parametrize(
    ("a", "b", "swapped"),
    [
        # the tagger takes "Host" into one name and leaves it out of the other
        (
            "Host Greta Van Susteren replied to the allegations by asking about the southern border.",
            "Host Duncan Hunter replied to the allegations by asking about the southern border.",
            ("Greta Van Susteren", "Duncan Hunter"),
        ),
        # one source gives the role, the other does not
        (
            "Coach Mike Krzyzewski said the team would play without its captain on Saturday night.",
            "Roy Williams said the team would play without its captain on Saturday night.",
            ("Mike Krzyzewski", "Roy Williams"),
        ),
        (
            "Pastor Terry Jones said the church would hold the event on Saturday despite the protests.",
            "Terry Jones said the church would hold the event on Saturday despite the protests.",
            None,
        ),
        # a role word as a surname stays the surname
        (
            "Foreign Minister Julie Bishop said the plane had been shot down over eastern Ukraine.",
            "Foreign Minister Julie Andrews said the plane had been shot down over eastern Ukraine.",
            ("Julie Bishop", "Julie Andrews"),
        ),
        # a name credited is no version of who it was, role or none
        (
            "The team will play without its captain on Saturday, according to Coach Mike Krzyzewski.",
            "The team will play without its captain on Saturday, according to Coach Roy Williams.",
            None,
        ),
        (
            "Rep. Mike Bishop said the bill would be brought to a vote next week in the House.",
            "Rep. Michael Bishop said the bill would be brought to a vote next week in the House.",
            None,
        ),
    ],
)
def test_a_role_written_before_a_name_is_no_part_of_the_name_or_the_wording(a, b, swapped):
    """ "Host", "Coach": a role before a person's name, whether the tagger took it into the name or one source left
    it out, neither hides a swapped person nor makes one of the same person."""
    check = PersonCheck()
    evidence = check.compare(
        annotated(make_claim(a, "a.txt"), [check]), annotated(make_claim(b, "b.txt"), [check]), 0.95
    )
    assert (evidence.detail["a"], evidence.detail["b"]) == swapped if swapped else evidence is None


@pytest.fixture(scope="module")
def shipped(nlp):
    from checker.pipeline import Checker

    return Checker(Config(), nlp=nlp)


def test_the_source_that_names_another_person_is_the_odd_one_out(shipped, tmp_path):
    """Three outlets carry one report; one gives the motion to another councillor. The report names that source as
    the outlier, with both sentences."""
    told = (
        ("courier", "Drenholm's council voted on Tuesday to close the old harbour to ferries.", "Eira Lund"),
        ("herald", "Ferries will no longer use Drenholm's old harbour, its council decided on Tuesday.", "Eira Lund"),
        ("gazette", "Drenholm's council voted on Tuesday to close the old harbour to ferries.", "Jonas Berg"),
    )
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        {"id": source, "text": f"{lead} {MOTION.format(person)}", "published": "2025-03-05"}
        for source, lead, person in told
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = shipped.check([str(corpus)])
    (fact,) = [f for f in result.facts if f.kind == "person"]
    assert fact.outliers == ("gazette",)
    assert set(fact.majority.documents) == {"courier", "herald"}
    found = [f for f in result.findings if f.kind == "person"]
    assert found and all("Jonas Berg" in f.pair.a.text + f.pair.b.text for f in found)
