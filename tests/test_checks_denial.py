"""The `denial` check's reading of the parse; its sentence pairs are data in `tests/cases/denial.jsonl`."""

from __future__ import annotations

from checker.checks.denials import statements
from tests.helpers import _nlp


def _statements(text: str):
    return statements(_nlp()(text)[:])


def test_the_speaker_is_the_verbs_subject_or_whom_a_spokesperson_speaks_for():
    spokesman = _statements("A spokesman for Kestrel has flatly denied the report on the fault.")
    assert spokesman.denial.speaker == "Kestrel" and "person:kestrel" not in spokesman.denial.keys
    officer = _statements("Myagdi's chief district officer, Hari Bahadur Thapa, denied that the road was closed.")
    assert officer.denial.speaker == "Hari Bahadur Thapa" and "person:thapa" in officer.denial.keys
    assert (
        _statements("It denied that the road was closed.").denial is None
        and _statements("It denied that the road was closed.").denies
    )


def test_negation_comes_from_the_parse():
    assert _statements("Kestrel confirmed that the ferry was not inspected.").negated
    assert _statements("Kestrel confirmed no fault had been reported.").negated
    assert not _statements("Kestrel confirmed a fault had been reported.").negated
