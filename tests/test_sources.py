"""Documents → provenance: when each was published (as feeds and pages write it) and whose text it repeats."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.corpus import load_corpus, publication_time
from checker.records import Document
from checker.sources import provenance

TEXT = "Police said 12 people were killed on Wednesday."


def document(doc_id: str, text: str = TEXT, published: str = "") -> Document:
    return Document(id=doc_id, text=text, path=doc_id, kept=(), published=published)


def test_a_word_for_word_reprint_is_a_copy_of_the_earliest_published():
    sources = provenance(
        [
            document("a-yahoo", TEXT.replace(" ", "  ") + "\n", "2014-10-22T14:02:00Z"),
            document("z-reuters", TEXT, "2014-10-22T13:45:00Z"),
            document("b-own", TEXT.replace("12", "21"), "2014-10-22T12:00:00Z"),  # edited: a source of its own
        ]
    )
    assert sources["a-yahoo"].copy_of == "z-reuters" and sources["z-reuters"].copy_of == ""
    assert sources["b-own"].copy_of == "" and sources["b-own"].published == "2014-10-22T12:00:00Z"
    undated = provenance([document("b.html"), document("b (1).html")])  # no times: the shortest id is the original
    assert undated["b (1).html"].copy_of == "b.html" and undated["b.html"].copy_of == ""


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ("2014-10-22", "2014-10-22"),
        ("2014-10-22T16:40:00Z", "2014-10-22T16:40:00+00:00"),
        ("2014-10-22 16:40", "2014-10-22T16:40:00"),
        ("Wed, 22 Oct 2014 16:40:00 +0000", "2014-10-22T16:40:00+00:00"),  # RSS
        ("22 Oct 2014 12:40:00 -0400", "2014-10-22T12:40:00-04:00"),
        (1413996000, "2014-10-22T16:40:00+00:00"),  # a Unix time, as a JSON number
        (1413996000000, "2014-10-22T16:40:00+00:00"),  # in milliseconds
    ],
)
def test_a_publication_time_is_read_as_feeds_write_it(given, read):
    assert publication_time(given) == read


def test_a_publication_time_that_is_none_is_named_and_the_article_still_read(tmp_path):
    """A weekday was dated for one article and not another, with no word of why, when a feed wrote
    `published` as RFC 2822 or as "yesterday"."""
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a", "text": TEXT, "published": "Wed, 22 Oct 2014 16:40:00 +0000"},
        {"id": "b", "text": TEXT, "published": "yesterday"},
        {"id": "c", "text": TEXT, "published": "06/12/2014"},
    ]
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows))
    corpus = load_corpus([str(feed)])
    assert [(d.id, d.published) for d in corpus.documents] == [("a", "2014-10-22T16:40:00+00:00"), ("b", ""), ("c", "")]
    assert corpus.warnings == [
        f"{feed}:2: published 'yesterday' is not a date or time (ISO 8601 or RFC 2822); read with no publication time",
        f"{feed}:3: published '06/12/2014' is not a date or time (ISO 8601 or RFC 2822); read with no publication time",
    ]
    assert not corpus.skipped
    result = CliRunner().invoke(app, ["run", str(feed), "--summary", str(tmp_path / "s.json")])
    assert result.exit_code == 0, result.output
    assert f"checker: warning: {corpus.warnings[0]}" in result.stderr
    assert json.loads((tmp_path / "s.json").read_text())["warnings"] == corpus.warnings


def test_a_page_says_who_published_it_when_and_where(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>T</title><meta property="og:site_name" content="The Paper">'
        '<meta property="article:published_time" content="2014-10-22T18:00:00-04:00">'
        '<meta name="pubdate" content="2014-10-21"><link rel="canonical" href="https://paper.example/a">'
        "</head><body><p>Police said 40 people were killed.</p></body></html>"
    )
    (doc,) = load_corpus([str(page)]).documents
    assert (doc.source, doc.published, doc.url) == ("The Paper", "2014-10-22T18:00:00-04:00", "https://paper.example/a")
    page.write_text('<meta itemprop="datePublished" content="last week"><p>Police said 40 people were killed.</p>')
    corpus = load_corpus([str(page)])
    assert corpus.documents[0].published == "" and "published 'last week' is not a date" in corpus.warnings[0]


@pytest.mark.parametrize(
    ("head", "source", "published", "title"),
    [
        (  # schema.org JSON-LD, as most news sites write it for search engines
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": '
            '"2014-09-07T19:00:00Z", "publisher": {"@type": "Organization", "name": "Mashable"}}]}</script>'
            "<title>Meteorite strikes | Mashable</title>",
            "Mashable",
            "2014-09-07T19:00:00+00:00",
            "Meteorite strikes",
        ),
        (  # the article's own date, not the page's listed before it
            '<script type="application/ld+json">[{"@type": "WebPage", "datePublished": "2020-01-01"}, '
            '{"@type": ["NewsArticle"], "datePublished": "2024-03-14T08:00:00Z", "publisher": {"name": "Graph"}}]'
            "</script><title>Fire | Graph</title>",
            "Graph",
            "2024-03-14T08:00:00+00:00",
            "Fire",
        ),
        (  # only a <time> in the byline and the page's address
            '<link rel="canonical" href="https://www.ktvi.com/news/audio"><title>Audio - FOX 2</title>'
            '</head><body><div class="byline">By Al Roe <time datetime="2014-08-26T07:00:00-05:00">Aug 26</time>'
            "</div>",
            "ktvi.com",
            "2014-08-26T07:00:00-05:00",
            "Audio - FOX 2",  # a suffix that is not the outlet's name stays
        ),
    ],
)
def test_a_page_without_open_graph_is_dated_and_named_as_sites_write_it(tmp_path, head, source, published, title):
    """Ten of seventeen saved news pages had no time or outlet: they write them in JSON-LD, <time> or the address."""
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}<p>Police said 40 people were killed.</p></body></html>")
    (doc,) = load_corpus([str(page)]).documents
    assert (doc.source, doc.published, doc.title) == (source, published, title)


def test_a_pages_address_is_read_from_its_articles_json_ld_and_not_the_sites(tmp_path):
    """(audit) A page that gives its address only in JSON-LD was reported with none."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><script type="application/ld+json">[{"@type": "WebSite", "url": "https://paper.example/"}, '
        '{"@type": "NewsArticle", "url": "https://paper.example/2025/blast"}]</script></head>'
        "<body><p>Police said 40 people were killed.</p></body></html>"
    )
    (doc,) = load_corpus([str(page)]).documents
    assert doc.url == "https://paper.example/2025/blast"
    # (review) a canonical link after it still wins, and an address that is no full one is no address
    page.write_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "url": "/2025/blast?utm=x"}'
        '</script><link rel="canonical" href="https://paper.example/a"></head><body><p>Police said 40 died.</p>'
    )
    assert load_corpus([str(page)]).documents[0].url == "https://paper.example/a"
    page.write_text(page.read_text().replace('<link rel="canonical" href="https://paper.example/a">', ""))
    assert load_corpus([str(page)]).documents[0].url == ""


def test_a_time_too_far_off_is_named_and_stops_neither_the_file_nor_the_run(tmp_path):
    """A year 9999 stopped the run (the time order overflowed); a number of 400 digits lost the rest of the file."""
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "text": TEXT, "published": "9999-12-31"}, {"id": "b", "text": TEXT}]
    feed.write_text(
        json.dumps(rows[0])
        + "\n"
        + '{"id": "c", "text": "x.", "published": 1'
        + "0" * 400
        + "}\n"
        + json.dumps(rows[1])
        + "\n"
    )
    corpus = load_corpus([str(feed)])
    assert [(d.id, d.published) for d in corpus.documents] == [("a", ""), ("b", ""), ("c", "")]
    assert len(corpus.warnings) == 2 and "years 1900-2200" in corpus.warnings[0]
    for value in ("0001-01-01T00:00:00+05:00", 2014, True):
        with pytest.raises(ValueError):
            publication_time(value)
    assert provenance([document("a", published="2200-12-31")])["a"].published == "2200-12-31"


def test_a_page_is_dated_by_its_own_time_not_by_a_furniture_clock_or_an_odd_json_ld(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Quake</title><script type="application/ld+json">{"@graph": 1}</script></head><body>'
        '<div class="site-menu"><time datetime="2014-10-22T09:00:00Z">now</time></div>'
        '<svg><title>Share icon</title></svg><article><time datetime="PT2M">2 min read</time>'
        '<time datetime="2014-10-20T08:00:00Z">Monday</time><p>Police said 40 people were killed.</p>'
        "<p>For: 93 | Against: 18 | Abstentions: 41</p></article></body></html>"
    )
    corpus = load_corpus([str(page)])
    (doc,) = corpus.documents
    assert (doc.published, doc.title, corpus.warnings) == ("2014-10-20T08:00:00+00:00", "Quake", [])
    assert "For: 93 | Against: 18 | Abstentions: 41" in [doc.text[k.start : k.end].strip() for k in doc.kept]
