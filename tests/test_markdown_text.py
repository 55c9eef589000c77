"""Markdown articles as a newsroom's repository keeps them: front matter, then the story in Markdown markup."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.corpus import load_corpus
from checker.markdown_text import markdown_main_text

ARTICLE = """---
title: "Flood kills 12 in Kendal"
date: 2024-03-05 10:00:00 +0000
source: Daily Post
author: Jane Roe
tags: [floods, weather]
---

# Flood kills 12 in Kendal

**KENDAL** — Twelve people died when the river burst its banks on *Monday*, the
[county council](https://example.org/council) said.

![Rescue boats on the high street. Photo: Agency](/img/boats.jpg)

> "We have never seen water this high," said mayor **Ann Hill**.

The council said the clean-up would cost [£2 million](https://example.org/cost.html).

```
embed_code(12)
```
"""


def test_front_matter_gives_title_outlet_and_time_and_is_no_article_text(tmp_path):
    """Read as plain text, "title: ..." named the story and "date: ..." was a claim of the article."""
    (tmp_path / "flood.md").write_text(ARTICLE)
    corpus = load_corpus([str(tmp_path)])
    (doc,) = corpus.documents
    assert (doc.title, doc.source, doc.published) == (
        "Flood kills 12 in Kendal",
        "Daily Post",
        "2024-03-05T10:00:00+00:00",
    )
    assert "title:" not in doc.text and "Jane Roe" not in doc.text and not corpus.warnings


def test_markup_is_left_out_and_each_word_keeps_its_place_in_the_file(tmp_path):
    """A link's address split a figure from its unit ("[£2 million](https://…)" read as "£2"), and emphasis hid
    a weekday from the date check ("*Monday*")."""
    (tmp_path / "flood.md").write_text(ARTICLE)
    (doc,) = load_corpus([str(tmp_path)]).documents
    assert "burst its banks on Monday, the county council said." in doc.text
    assert (
        "would cost £2 million." in doc.text
        and '"We have never seen water this high," said mayor Ann Hill.' in doc.text
    )
    assert not any(mark in doc.text for mark in ("**", "](", "https:", "> ", "Photo: Agency", "embed_code"))
    start = doc.text.index("£2 million")
    end = start + len("£2 million")
    assert ARTICLE[doc.file_offset(start) : doc.file_offset(end, end=True)] == "£2 million"
    assert doc.place_in_file(doc.text.index("KENDAL")) == (11, 3)
    assert doc.place_in_file(doc.text.index("Ann Hill")) == (
        16,
        len('> "We have never seen water this high," said mayor **') + 1,
    )


def test_escapes_and_character_references_are_read_as_markdown_writes_them():
    raw = "AT&amp;T said the deal, worth \\*$5 billion\\*, closed &ldquo;today&rdquo;.\n"
    page = markdown_main_text(raw, pytest.fail)
    assert page.text == "AT&T said the deal, worth *$5 billion*, closed “today”.\n"
    quote = page.text.index("“")
    assert raw[page.starts[quote] : page.ends[quote]] == "&ldquo;"
    star = page.text.index("*")
    assert raw[page.starts[star] - 1 : page.ends[star]] == "\\*"


@pytest.mark.parametrize(
    ("raw", "title", "published"),
    [
        ('+++\ntitle = "Vote"\ndate = 2024-03-05T10:00:00Z\n+++\nBody text.\n', "Vote", "2024-03-05T10:00:00+00:00"),
        ("---\ntitle: 2024\npublishDate: 2024-03-06\ndate: 2024-03-01\n---\nBody text.\n", "2024", "2024-03-06"),
        ("Headline\n========\n\nBody text.\n", "Headline", None),
        ("---\r\nheadline: Vote\r\n---\r\nBody text.\r\n", "Vote", None),
    ],
)
def test_title_and_time_from_toml_or_yaml_front_matter_or_the_first_heading(raw, title, published):
    page = markdown_main_text(raw, pytest.fail)
    assert (page.title, page.meta.get("published")) == (title, published)
    assert page.text.endswith("Body text.\n")


def test_a_front_matter_that_cannot_be_read_is_named_and_the_article_still_read(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n---\nTwelve people died in the flood on Monday.\n")
    corpus = load_corpus([str(tmp_path)])
    (doc,) = corpus.documents
    assert doc.text == "Twelve people died in the flood on Monday.\n"
    (warning,) = corpus.warnings
    assert warning.startswith(f"{tmp_path / 'a.md'}: front matter is not valid YAML (") and warning.endswith(
        "; read without it"
    )


def test_two_markdown_articles_disagree_on_the_day_and_not_on_a_linked_figure(tmp_path, tiny_model):
    """End to end: the emphasised weekday is checked, the linked "£2 million" is one figure, not "£2"."""
    (tmp_path / "a.md").write_text(ARTICLE)
    other = "---\ntitle: Kendal floods\nsource: The Courier\n---\n\nTwelve people died when the river burst its banks"
    (tmp_path / "b.md").write_text(
        f"{other} on Tuesday, the county council said.\n\nThe council said the clean-up would cost £2 million.\n"
    )
    report = tmp_path / "report.jsonl"
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--model", str(tiny_model), "-o", str(report)])
    assert result.exit_code == 0, result.output
    findings = [json.loads(line) for line in report.read_text().splitlines()]
    assert [(f["kind"], f["a"]["source"], f["b"]["source"]) for f in findings if f["kind"] != "nli"] == [
        ("date", "Daily Post", "The Courier")
    ]
    (date,) = (f for f in findings if f["kind"] == "date")
    assert (date["a"]["line"], date["a"]["column"]) == (11, 3)


def test_template_tags_of_hugo_and_jekyll_are_no_article_text():
    """A shortcode's caption or a Liquid variable is filled in when the site is built: not a claim to check."""
    raw = (
        'Police said 12 died.\n\n{{< figure src="boat.jpg" caption="Rescuers said 40 died" >}}\n\n'
        "{% include related.html %}\n\nThe mayor, {{ page.author }}, spoke {{% note %}}later{{% /note %}}.\n"
    )
    page = markdown_main_text(raw, pytest.fail)
    assert page.text == "Police said 12 died.\nThe mayor, , spoke later.\n"
    assert raw[page.starts[page.text.index("later")] :].startswith("later{{% /note")
