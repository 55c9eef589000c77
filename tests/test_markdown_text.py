"""Markdown articles as a newsroom's repository keeps them: front matter, then the story in Markdown markup."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_a_front_matter_of_nested_aliases_is_not_expanded(tmp_path):
    """(audit) 700 bytes of YAML aliases nine deep ("a billion laughs") took 5.5 GB when `draft` was read."""
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    (tmp_path / "a.md").write_text("---\n" + "\n".join(levels) + "\ndraft: *a8\n---\nTwelve people died.\n")
    corpus = load_corpus([str(tmp_path)])
    (doc,) = corpus.documents
    assert doc.text == "Twelve people died.\n"
    (warning,) = corpus.warnings
    assert "front matter is not valid YAML (" in warning and "alias" in warning


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
    assert (date["a"]["line"], date["a"]["column"]) == (11, 14)  # after the dateline "**KENDAL** —"


def test_template_tags_of_hugo_and_jekyll_are_no_article_text():
    """A shortcode's caption or a Liquid variable is filled in when the site is built: not a claim to check."""
    raw = (
        'Police said 12 died.\n\n{{< figure src="boat.jpg" caption="Rescuers said 40 died" >}}\n\n'
        "{% include related.html %}\n\nThe mayor, {{ page.author }}, spoke {{% note %}}later{{% /note %}}.\n"
    )
    page = markdown_main_text(raw, pytest.fail)
    assert page.text == "Police said 12 died.\nThe mayor, , spoke later.\n"
    assert raw[page.starts[page.text.index("later")] :].startswith("later{{% /note")


def test_shortcodes_keep_the_words_they_wrap_and_leave_out_code_notes_and_attributes():
    """A callout wrapped on one line lost its words (the blanked tags made an indented code block), while code
    in a highlight shortcode, footnote markers and attribute lists were read as the story's words."""
    raw = (
        "Intro paragraph about the town.[^1] {: .lead}\n\n"
        "{{% callout %}}The mayor said 21 people were arrested.{{% /callout %}}\n\n"
        '{{< highlight go >}}\nfmt.Println("44 people")\n{{< /highlight >}}\n\n'
        '{% highlight ruby %}\nputs "45 people"\n{% endhighlight %}\n\n'
        "The toll rose to 12<br>people.\n\n[^1]: The story was updated 3 times.\n"
    )
    page = markdown_main_text(raw, pytest.fail)
    lines = [line.strip() for line in page.text.splitlines()]
    assert lines == [
        "Intro paragraph about the town.",
        "The mayor said 21 people were arrested.",
        "The toll rose to 12",
        "people.",
        "The story was updated 3 times.",
    ]
    assert raw[page.starts[page.text.index("21")] :].startswith("21 people were arrested.{{%")


@pytest.mark.parametrize(
    ("front", "title", "source"),
    [
        ('{\n  "title": "Bridge vote",\n  "source": "JSON Times"\n}\n', "Bridge vote", "JSON Times"),
        (
            '---\ntitle: "**Breaking**: Bridge [vote](https://x.example)"\nsource: {name: Post}\n---\n',
            "Breaking: Bridge vote",
            "Post",
        ),
    ],
)
def test_json_front_matter_a_title_in_markdown_and_an_outlet_by_its_name(tmp_path, front, title, source):
    (tmp_path / "a.md").write_text(f"{front}\nThe bridge cost 40 million dollars, officials said.\n")
    (doc,) = load_corpus([str(tmp_path)]).documents
    assert (doc.title, doc.source, doc.text) == (title, source, "The bridge cost 40 million dollars, officials said.\n")


def test_a_time_that_is_none_is_named_by_the_front_matter_key_that_gave_it(tmp_path):
    (tmp_path / "a.md").write_text("---\npublishDate: last Tuesday\n---\nThe bridge cost 40 million dollars.\n")
    (warning,) = load_corpus([str(tmp_path)]).warnings
    assert ": publishDate 'last Tuesday' is not a date or time" in warning


def test_drafts_section_pages_and_site_templates_are_no_articles_and_are_named(tmp_path):
    """A newsroom repository holds more than its stories: a draft, Hugo's section page, an archetype and a
    layout were each read as a source, and a contradiction between two of them was reported."""
    (tmp_path / "story.md").write_text("---\ntitle: Bridge\ndraft: false\n---\nThe bridge cost 40 million dollars.\n")
    (tmp_path / "draft.md").write_text("---\ntitle: Bridge\ndraft: true\n---\nThe bridge cost 12 million dollars.\n")
    (tmp_path / "_index.md").write_text("---\ntitle: News\n---\nThe bridge cost 10 million dollars.\n")
    (tmp_path / "archetype.md").write_text(
        '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\n---\n'
    )
    (tmp_path / "single.html").write_text(
        "<html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>"
    )
    corpus = load_corpus([str(tmp_path)])
    assert [doc.id for doc in corpus.documents] == ["story.md"] and not corpus.warnings
    reasons = {Path(skipped.path).name: skipped.reason for skipped in corpus.skipped}
    assert reasons == {
        "draft.md": "a draft (draft: true in its front matter), not published",
        "_index.md": "a site's section page (_index.md), not an article",
        "archetype.md": "a site template ({{ ... }} in it), not an article",
        "single.html": "a site template ({{ ... }} in it), not an article",
    }


def test_a_heading_is_the_title_only_where_it_opens_the_article():
    assert markdown_main_text("Intro.\n\n## Meteorite?\n\nThe crater is 12 metres wide.\n", pytest.fail).title == ""
    assert markdown_main_text("## Meteorite hits Managua\n\nThe crater is 12 metres wide.\n", pytest.fail).title == (
        "Meteorite hits Managua"
    )


def test_a_stray_brace_pair_is_no_site_template_and_costs_no_scan_of_the_file(tmp_path):
    """(review) An unrendered placeholder ("{{ article.author }}") dropped a whole page as a site template, and a
    long run of unclosed "{{" took minutes to read."""
    (tmp_path / "page.html").write_text("<article><p>By {{ article.author }}</p><p>The bridge cost 40 million.</p>")
    (tmp_path / "a.md").write_text("She said {{ and then nothing.\n\nThe mayor said the tax }} would rise.\n")
    assert sorted(d.id for d in load_corpus([str(tmp_path)]).documents) == ["a.md", "page.html"]
    page = markdown_main_text("{{ a " * 20_000 + "\n\nThe bridge cost 40 million dollars.\n", pytest.fail)
    assert page.text.endswith("The bridge cost 40 million dollars.\n")


def test_a_body_written_in_html_is_read_as_a_page_is_with_the_front_matter_fields(tmp_path):
    """A WordPress export keeps the story as HTML under a Markdown front matter: raw HTML is no text to
    Markdown, and the article was skipped with "no article text"."""
    raw = (
        "---\ntitle: Flood kills 12\nsource: Daily Post\n---\n"
        '<div class="entry-content">\n<p>Twelve people died in <b>Kendal</b> on Monday.</p>\n'
        '<div class="sharedaddy">Share this: Facebook</div>\n<p>The clean-up will cost &pound;2 million.</p>\n</div>\n'
    )
    (tmp_path / "flood.md").write_text(raw)
    (doc,) = load_corpus([str(tmp_path)]).documents
    assert " ".join(doc.text.split()) == "Twelve people died in Kendal on Monday. The clean-up will cost £2 million."
    assert (doc.title, doc.source) == ("Flood kills 12", "Daily Post")
    start = doc.text.index("£2")
    assert raw[doc.file_offset(start) :].startswith("&pound;2 million")


def test_html_in_a_code_block_only_is_no_article_body(tmp_path):
    """(review) A post that shows a page's source in a fence was read as a page, its fences as text."""
    (tmp_path / "snippet.md").write_text("---\ntitle: Embed code\n---\n```html\n<p>Copy this.</p>\n```\n")
    corpus = load_corpus([str(tmp_path)])
    assert not corpus.documents and "no article text" in corpus.skipped[0].reason
