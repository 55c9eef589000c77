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
        ("Subscribe to our newsletter for the latest news.", "call_to_action"),
        ("Download the apps to follow live coverage.", "call_to_action"),
        ("Photo: Kremlin.ru", "credit"),
        ("Original Author: Rimma Karatayeva , second article.", "byline"),
        # a wire's credit line, which two outlets' articles give two ways (the model read them as a contradiction)
        (
            "(Reporting by Meridian Wire staff in Khan Rabiya and Dana Pohl in the Azmari capital; Editing by Ruth Caine)",
            "byline",
        ),  # fmt: skip
        ("(Additional reporting by Omar Haddad; Writing by Tom Achterberg; Editing by Ruth Caine)", "byline"),
        ("Published:", "timestamp"),
        ("February 25, 2025, 8:09 pm", "timestamp"),
        ("* This article should not be construed as containing investment advice.", "disclaimer"),
        ("Unauthorized Reproduction Is STRICTLY PROHIBITED.", "disclaimer"),  # any case, in mid-line too
        ("© Reuters 2014", "disclaimer"),
        ("Mediaite © 2014 — Powered by WordPress VIP", "disclaimer"),  # two sites' footers read as a contradiction
        ("Mediaite Home | Trending | Video | Newsletters | Subscribe", "menu"),
        ("Like Us On Facebook |   Follow Us On Twitter |   Contact The Author", "menu"),  # FNC-1
        ("ÉTAT DE SIÈGE À PARIS", "shouting"),  # capitals beyond ASCII
        ("This story has 3 comments.", "counter"),  # (review) a short count of the page, no claim of the story
        ("1,204 shares", "counter"),
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
        "Polls | the vote | a sentence that goes on past thirty characters is no menu item.",
        "The vote was 12 | 4 | 3, the clerk said.",
        "The Socialists won 96 seats.",
        "Police said 12 readers of the paper were hurt.",
        "(Reporting by the ministry, which the UN could not verify, put the toll at 34.)",
        "Subscribers to the standard plan currently pay $11.99 a month.",  # no call to subscribe
        "Sign ups rose 40% in the quarter.",
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
    # (a European desk) dated day first, as British and European outlets date a page
    assert publication_date("EuroDesk News\nFriday 11 December 2026\n\nThe court sat.") == "2026-12-11"
    assert publication_date("Updated 3 December 2026, 14:05 GMT\nThe court sat.") == "2026-12-03"
    assert publication_date("The court sat on 11 December 2026 in Cardiff.") == ""


def test_publication_date_from_a_wire_dateline():
    """(audit) "GENEVA, April 2, 2025 - ..." left the article undated, so its "Wednesday" was anchored to no day."""
    assert publication_date("Pact signed\n\nGENEVA, April 2, 2025 - Four nations signed.") == "2025-04-02"
    assert publication_date("KYIV, Ukraine, 3 December 2025 — Drones struck.") == "2025-12-03"
    assert publication_date("LONDON, March 4, 2024 (Reuters) - Shares fell.") == "2024-03-04"
    assert publication_date("WASHINGTON, Oct. 4, 2024 /PRNewswire/ -- Acme agreed.") == "2024-10-04"
    assert publication_date("CHICAGO, Sept. 12, 2024 (AP) — Prices rose.") == "2024-09-12"
    assert publication_date("GENEVA, April 2 - Four nations signed.") == ""  # no year
    assert publication_date("Talks in GENEVA, April 2, 2025 - a first.") == ""  # no dateline opens the line


WRAPPED = """Led Zeppelin fans will be disappointed to learn that there is no reunion
tour, and a story suggesting that Robert Plant ripped up an $800 million
contract for such a gig is false, according to the Guardian.

The reported tour was supposedly financed by Richard Branson, who wanted
to turn one of his planes into a new version of the jet the band used in
the 1970s. The group was to play 35 dates in three cities, London, Berlin
and New Jersey.
- a list item stays its own line
"""


def test_a_text_wrapped_at_a_fixed_width_is_read_by_paragraph_not_by_line():
    """Wire copy and e-mail wrapped at 72 characters gave claims such as "... in three places: London, Berlin"."""
    spans = [WRAPPED[s.start : s.end] for s in kept_spans(WRAPPED)]
    assert [" ".join(span.split()) for span in spans] == [
        " ".join(paragraph.split())
        for paragraph in (WRAPPED.split("\n\n")[0], WRAPPED.split("\n\n")[1].split("\n- ")[0])
    ] + ["- a list item stays its own line"]


def test_lines_of_web_text_are_not_joined():
    """A headline, a tweet's credit and a caption above a paragraph are lines of their own (none of FNC-1's 1,673
    bodies is taken for wrapped text)."""
    text = (
        "Michael Phelps Wins His Second Medal in DUI Case\n"
        "Olympic swimming star Michael Phelps was pulled over by Maryland police early this morning, and he was"
        " charged with driving under the influence, the police said in a statement on Tuesday.\n"
        "— CNBC Now (@CNBCnow) March 4, 2015\n"
        "Apple could potentially be one of the partners, according to a person familiar with the talks.\n"
    )
    assert [text[s.start : s.end] for s in kept_spans(text)] == text.splitlines()
