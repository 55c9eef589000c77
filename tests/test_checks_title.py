"""The `title` check's document-wide knowledge; its sentence pairs are data in `tests/cases/title.jsonl`."""

from __future__ import annotations

from checker.checks.titles import RoleIndex, TitleCheck
from tests.helpers import annotated, comparer, make_claim

check_titles = comparer(TitleCheck)


def test_an_office_the_other_article_also_gives_is_no_conflict():
    a = make_claim("Foreign Minister Ana Ruiz flew to Paris.")
    b = make_claim("Finance Minister Ana Ruiz flew to Paris.", "b.txt")
    elsewhere = make_claim("Later Ana Ruiz, the finance minister, met bankers.")
    evidence = check_titles(a, b, 0.5)
    assert evidence.contradicts
    checks = [TitleCheck()]
    assert RoleIndex([annotated(c, checks) for c in (a, elsewhere, b)], "title").explains(evidence, a, b)
    assert not RoleIndex([annotated(a, checks), annotated(b, checks)], "title").explains(evidence, a, b)


def test_the_message_names_both_sides_of_the_pair_and_claims_no_document_alone():
    """In a fact, other sources can share either version: "only in 001" read as wrong beside the versions."""
    former = make_claim("Former President Ana Ruiz flew to Paris.", "001.txt")
    current = make_claim("President Ana Ruiz flew to Paris.", "000.txt")
    evidence = check_titles(former, current, 0.9)
    assert evidence.contradicts and evidence.message == "president described as former in 001.txt, not in 000.txt"
