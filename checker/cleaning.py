"""Tell article text from page furniture, line by line, without altering the text.

News files scraped from the web carry calls to action ("JOIN US ON TELEGRAM"),
link lists ("Latest news" followed by headlines), bylines, photo credits,
timestamps and legal disclaimers. None of them is a claim a source makes, so
they are dropped; what is kept is returned as spans into the original text.
"""

from __future__ import annotations

import re

from checker.checks.calendar import MONTH_NUMBERS, MONTHS
from checker.records import Span

# Each pattern matches a whole furniture line (after stripping); names say why.
FURNITURE = {
    "call_to_action": re.compile(
        r"^(join us|follow (us|our)|subscribe|sign up|click here|share (this|on)|read (more|also)|"
        r"you can also highlight|download (our|the) apps?|listen to|watch:|advertisement)(?!\w)",  # not "Subscribers"
        re.IGNORECASE,
    ),
    # a page's count of its comments, shares or readers: a short sentence with a figure, and so a claim, since
    # short counts are ("This story has 3 comments.", "12 comments", "1,204 shares")
    "counter": re.compile(
        r"^((this|the) (story|article|post|page) has )?[\d,.]+k? (comments?|shares?|replies|reactions|views|readers)"
        r"( so far)?\.?$",
        re.IGNORECASE,
    ),
    "credit": re.compile(
        r"^\(?(photo|image|picture|credit|photograph|video)s?\s*(:|by\b)",
        re.IGNORECASE,
    ),
    "byline": re.compile(
        r"^(?i:by)\s+[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}(\s*(,|and|&)\s*[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3})*\s*$|"
        r"^(?i:original author|author|reporting by|writing by|editing by)\s*:?\s.{0,80}$|"
        # a wire's credit line, whole in brackets and no sentence: "(Reporting by Dana Pohl; Editing by Ruth Caine)"
        r"^\((?i:additional reporting|reporting|writing|editing|compiled|compiling) (?i:by)\b[^()]{0,300}(?<![.!?])\)$|"
        r"^(?i:int'l|international|staff|special) (?i:correspondent)$"
    ),
    "timestamp": re.compile(
        r"^(published|updated|posted|last updated)\s*:?.{0,40}$|"
        r"^[A-Z][a-z]+ \d{1,2}, \d{4}(, \d{1,2}:\d{2}\s*[ap]m)?$|^\d{4}-\d{2}-\d{2}[ T][\d:]+\s*\w*$|"
        # day first, as British and European outlets date a page: "Friday 11 December 2026", "3 December 2026, 14:05 GMT"
        r"^([A-Z][a-z]+,? )?\d{1,2} [A-Z][a-z]+ \d{4}(,? \d{1,2}[:.]\d{2}(\s*[ap]m)?(\s*[A-Z]{2,4})?)?$",
        re.IGNORECASE,
    ),
    "disclaimer": re.compile(  # searched in the lowercased line (SEARCHED_LOWERCASED)
        r"should not be construed|general advice only|all rights reserved|not investment advice|"
        r"^©|^copyright\b|© ?(19|20)\d\d|cookies? (policy|settings)|unauthori[sz]ed (use|reproduction)|"
        r"strictly prohibited"
    ),
    "handle_or_link": re.compile(r"^\W*(@\w+|https?://\S+)\W*$"),
    # a site's menu or section links: three items or more between bars, none a sentence ("Home | World | Sport")
    "menu": re.compile(r"^[^|.!?\d]{1,30}(\s\|\s[^|.!?\d]{1,30}){2,}$"),  # no figures: "For: 93 | Against: 18"
}
# Unanchored patterns, searched in the lowercased line: Python's re tries an IGNORECASE alternation at every
# position four times slower (the disclaimer pattern took 0.37 s of a CI rerun's 0.50 s of cleaning, on
# 1,000 news articles; 0.09 s this way).
SEARCHED_LOWERCASED = frozenset({"disclaimer"})
LINK_LIST_HEADING = re.compile(
    r"^(latest|related|most (read|popular)|more (from|on|news)|recommended|trending|top stories|"
    r"see also|read next)\b.{0,30}$",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^\s*([-*•·]|\d+[.)])\s+")
# Page furniture is a short line: a call to action, a credit, a disclaimer of a few sentences. A longer
# line is a paragraph of the article (or a whole article on one line) even where it quotes one of these
# phrases ("... All rights reserved." at its end), and dropping it would drop every claim in it.
MAX_FURNITURE_WORDS = 80
# Text wrapped at a fixed width: its longest line is 40-100 characters, at least half its lines, four at least,
# are full (within WRAP_SLACK characters of the longest: the next word did not fit), and of those at least a
# quarter are followed by a line that starts in lowercase. Of the 1,673 FNC-1 bodies (scraped web text, lines
# of any length) none is taken for wrapped; of their copies wrapped by `textwrap` at 60, 72 and 80 characters
# (those of 8 lines or more), 99.6%, 98.7% and 97.2% are; `seeds/` is not.
WRAP_WIDTHS = (40, 100)
WRAP_SLACK = 15
MIN_WRAPPED_LINES = 4
MIN_GOING_ON = 1 / 4  # of the full lines, the share whose next line starts in lowercase


def _all_capitals(line: str) -> bool:
    """Every letter a capital, and at least one letter (for ASCII, what str.isupper says, and much faster)."""
    if not line.isupper():  # some cased letter is small, or none is cased: the common case, decided fast
        return False
    if line.isascii():
        return True
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def furniture_reason(line: str) -> str | None:
    """The furniture pattern a stripped line matches, or None for article text."""
    if not line:
        return "blank"
    words = len(line.split())
    if words > MAX_FURNITURE_WORDS:
        return None
    if words >= 2 and _all_capitals(line):
        return "shouting"
    lowered = line.lower()
    for name, pattern in FURNITURE.items():
        if pattern.search(lowered if name in SEARCHED_LOWERCASED else line):
            return name
    return None


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was wrapped at (wire copy, e-mail: each paragraph broken into lines of at most W
    characters), or None where its lines are its paragraphs.

    Wrapped, most lines are full: the next word did not fit, so each holds at least W - `WRAP_SLACK`
    characters, and many a full line is followed by one that goes on in lowercase. Web text has lines of any
    length (a headline, a caption, a tweet's credit above a paragraph hundreds of characters long), and text
    of a sentence a line starts each line anew.
    """
    lengths = [len(line) for line in lines if line]
    if len(lengths) < MIN_WRAPPED_LINES or not WRAP_WIDTHS[0] <= max(lengths) <= WRAP_WIDTHS[1]:
        return None
    width = max(lengths)
    full = [i for i, line in enumerate(lines[:-1]) if line and len(line) >= width - WRAP_SLACK]
    # a wrap falls inside a sentence: the line after a full one often goes on in lowercase ("and New Jersey")
    going_on = sum(1 for i in full if lines[i + 1].lstrip()[:1].islower())
    wrapped = len(full) >= MIN_WRAPPED_LINES and len(full) >= len(lengths) / 2 and going_on >= len(full) * MIN_GOING_ON
    return width if wrapped else None


def kept_spans(text: str) -> tuple[Span, ...]:
    """Spans of the lines that are article text; a link list ends at a blank line or prose.

    In a text wrapped at a fixed width, a full line and the line after it are one span: a paragraph broken
    where each line was full, read as its sentences, not as fragments of them.
    """
    raws = text.splitlines(keepends=True)
    width = wrap_width([raw.rstrip() for raw in raws])
    spans: list[Span] = []
    in_link_list = False
    continues = False  # the line before was kept and full: this one goes on with its sentence
    offset = 0
    for raw in raws:
        line = raw.strip()
        start = offset + (len(raw) - len(raw.lstrip()))
        offset += len(raw)
        if continues and line and not LIST_ITEM.match(line):
            spans[-1] = Span(spans[-1].start, start + len(line))
        elif LINK_LIST_HEADING.match(line):
            in_link_list, continues = True, False
            continue
        elif in_link_list and line and (LIST_ITEM.match(line) or not line.endswith((".", '"', "”"))):
            continues = False
            continue
        elif furniture_reason(line) is None:
            in_link_list = False
            spans.append(Span(start, start + len(line)))
        else:
            in_link_list, continues = False, False
            continue
        continues = bool(width and len(raw.rstrip()) >= width - WRAP_SLACK)
    return tuple(spans)


# a month written out, or as wire copy abbreviates it ("Oct. 4, 2024", "Sept. 12")
MONTH_NAMES = "|".join(MONTHS) + rf"|(?:{'|'.join(month[:3] for month in MONTHS)}|Sept)\.?"
DATELINE = re.compile(
    rf"\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b|\b(?P<month>{MONTH_NAMES}) (?P<day>\d{{1,2}}), (?P<year>\d{{4}})\b|"
    rf"\b(?P<first_day>\d{{1,2}}) (?P<day_month>{MONTH_NAMES}) (?P<day_year>\d{{4}})\b"  # "11 December 2026"
)


def _month(name: str) -> int:
    return MONTH_NUMBERS[name.lower().rstrip(".")]


# a wire dateline's place, opening a line: "GENEVA, ", "KYIV, Ukraine, " (then its date and a dash)
WIRE_PLACE = re.compile(r"[A-Z][A-Z.' -]*[A-Z.],(?:(?: [A-Z][\w.]*)+,)? ")
WIRE_DASH = re.compile(r"\s*(?:\([^)]{1,40}\)|/[^/]{1,40}/)?\s*(?:--|[-—–―])\s")  # "(Reuters) -", "/PRNewswire/ --"


def _opens_with_dated_dateline(line: str) -> re.Match[str] | None:
    """The date of the wire dateline the line opens with, where it gives a year ("GENEVA, April 2, 2025 - ...")."""
    place = WIRE_PLACE.match(line)
    m = DATELINE.match(line, place.end()) if place else None
    return m if m and WIRE_DASH.match(line, m.end()) else None


def publication_date(text: str, lines: int = 15) -> str:
    """ISO date of the first timestamp line near the top ("Published: 2025-02-25", "February 25, 2025") or of a
    wire dateline opening a line there ("GENEVA, April 2, 2025 - The talks..."), or ""."""
    for line in text.splitlines()[:lines]:
        m = _opens_with_dated_dateline(line.strip())
        if m is None and furniture_reason(line.strip()) != "timestamp":
            continue
        m = m or DATELINE.search(line)
        if m and m["iso"]:
            return m["iso"]
        if m and m["month"]:
            return f"{m['year']}-{_month(m['month']):02d}-{int(m['day']):02d}"
        if m:
            return f"{m['day_year']}-{_month(m['day_month']):02d}-{int(m['first_day']):02d}"
    return ""
