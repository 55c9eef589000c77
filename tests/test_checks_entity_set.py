"""The `entity_set` check's helpers; its sentence pairs are data in `tests/cases/entity_set.jsonl`."""

from __future__ import annotations

from checker.checks.entity_sets import counted_size, list_members
from tests.helpers import _nlp


def _tokens(text: str):
    return _nlp()(text)[:]


def test_list_members_are_found():
    assert list_members(_tokens("Talks included France, Germany, and Italy on Friday.")) == [
        "France",
        "Germany",
        "Italy",
    ]


def test_a_list_is_counted_only_where_its_sentence_counts_it():
    assert counted_size(_tokens("Two neighbouring countries, Ostrenia and Valdesia, have sent planes.")) == 2
    assert counted_size(_tokens("Ostrenia and Kestria are the only two countries to have sent planes.")) == 2
    assert counted_size(_tokens("Ostrenia and Kestria have sent planes so far.")) is None
    assert counted_size(_tokens("Two countries, including Ostrenia and Kestria, have sent planes.")) is None
