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
