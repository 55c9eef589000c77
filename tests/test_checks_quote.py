"""The `quote` check's reading of the parse; its sentence pairs are data in `tests/cases/quote.jsonl`."""

from __future__ import annotations

from checker.checks.quotes import quoted_spans, quotes
from tests.helpers import _nlp, make_claim


def _quotes(text: str):
    return quotes(make_claim(text), _nlp()(text)[:])


def test_the_speaker_is_the_subject_of_the_reporting_verb_at_the_quote():
    said = _quotes(
        'After meeting Joe Biden, Keir Starmer said: "We will work together on this for many years to come."'
    )
    assert [q.speaker for q in said] == ["Keir Starmer"]
    assert _quotes('Jo Lund called it "a waste of money that nobody in this town ever wanted," she said.') == []


def test_single_quote_marks_are_no_quotes():
    spans = quoted_spans(_nlp()("""The 'big' plan was "a waste of money," Jo Lund said.""")[:])
    assert [s.text for s in spans] == ["a waste of money,"]
