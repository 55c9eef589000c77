"""Page furniture is dropped line by line; article text is kept with its offsets."""

from __future__ import annotations

import pytest

from checker.cleaning import furniture_reason, kept_spans, publication_date


@pytest.mark.parametrize(
    "line, reason",
    [
        ("JOIN US ON TELEGRAM", "shouting"),
        ("Follow our coverage of the war on the @Kyivpost_official.", "call_to_action"),
        ("You can also highlight the text and press Ctrl + Enter", "call_to_action"),
        ("Photo: Kremlin.ru", "credit"),
        ("Original Author: Rimma Karatayeva , second article.", "byline"),
        ("Published:", "timestamp"),
        ("February 25, 2025, 8:09 pm", "timestamp"),
        ("* This article should not be construed as containing investment advice.", "disclaimer"),
        ("Unauthorized Reproduction Is STRICTLY PROHIBITED.", "disclaimer"),  # any case, in mid-line too
        ("© Reuters 2014", "disclaimer"),
        ("ÉTAT DE SIÈGE À PARIS", "shouting"),  # capitals beyond ASCII
    ],
)
def test_furniture_lines(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Photos show the damage in the city centre after the strike.",
        "By Tuesday evening, the talks had collapsed without a deal.",
        "NATO and the EU said the vote was illegitimate.",
        "ÉTAT DE SIÈGE à Paris",  # one small letter: a headline-like line, not shouting
    ],
)
def test_article_sentences_are_kept(line):
    assert furniture_reason(line) is None


def test_a_paragraph_that_quotes_a_furniture_phrase_is_kept():
    """A whole article on one line ends with its copyright notice: the line is prose, not a disclaimer."""
    story = "The crater left by the meteorite had a radius of 12 meters, said a volcanologist on the committee. " * 6
    line = story + "Copyright 2014 The Associated Press. All rights reserved."
    assert furniture_reason(line) is None
    assert furniture_reason("Copyright 2014 The Associated Press. All rights reserved.") == "disclaimer"


def test_link_lists_after_a_heading_are_dropped():
    text = "The talks ended.\nLatest news\n- Markets fall\n- Storm hits coast\n\nThe minister left on Friday.\n"
    assert [text[s.start : s.end] for s in kept_spans(text)] == ["The talks ended.", "The minister left on Friday."]


def test_publication_date_from_a_dateline():
    assert publication_date("Published:\n2025-02-25 17:13:51 BdST\n\nHeadline here") == "2025-02-25"
    assert publication_date("March 3, 2024\nThe summit opened on Monday.") == "2024-03-03"
    assert publication_date("The summit opened on Monday, March 3, 2024, in Rome.") == ""
