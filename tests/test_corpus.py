"""Reading a corpus: formats, ids, encodings, and bad inputs that must not cost the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.corpus import html_main_text, load_corpus, record_text

ARTICLE = "The council voted on Monday to approve the budget.\nIt passed with 12 votes in favor.\n"


def reasons(corpus) -> dict[str, str]:
    return {s.path: s.reason for s in corpus.skipped}


def test_folder_is_read_recursively_with_ids_relative_to_root(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(ARTICLE)
    (tmp_path / "notes.csv").write_text("x,y")
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["a.txt", "sub/b.md"]
    # a file of another type is not an article, but may be one the user believes checked: one line says so
    assert reasons(corpus) == {
        str(tmp_path): "1 file of other types not read (1 .csv; use .txt, .md, .markdown, .html or .jsonl)"
    }


def test_checkers_settings_kept_with_the_corpus_are_no_input_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "checker.toml").write_text("story_gap_days = 10\n")
    (tmp_path / "pyproject.toml").write_text("[tool.checker]\n")
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["a.txt"] and corpus.skipped == []


def test_glob_and_explicit_file(tmp_path):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text(ARTICLE)
    corpus = load_corpus([str(tmp_path / "*.txt")])
    assert [d.id for d in corpus.documents] == ["x.txt", "y.txt"]
    assert [d.id for d in load_corpus([str(tmp_path / "y.txt")]).documents] == ["y.txt"]


def test_text_is_kept_exactly_and_spans_index_it(tmp_path):
    (tmp_path / "a.txt").write_text("JOIN US ON TELEGRAM\n" + ARTICLE)
    doc = load_corpus([str(tmp_path)]).documents[0]
    assert doc.text == "JOIN US ON TELEGRAM\n" + ARTICLE
    assert [doc.text[s.start : s.end] for s in doc.kept] == ARTICLE.strip().split("\n")


def test_non_utf8_text_is_decoded(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Le président a signé l'accord à Genève hier soir.".encode("latin-1"))
    doc = load_corpus([str(tmp_path)]).documents[0]
    assert "président" in doc.text and "Genève" in doc.text


WINDOWS_1252_NEWS = [
    "The European Commission fined Google €2.4 billion on Tuesday, its largest penalty yet.",
    "“I feel like I’m part of history,” she said of the capsule — sealed in 1914 — and what’s in it.",
    "Le président a signé l’accord à Genève hier soir : « C’est fini », a-t-il dit.",
    "Forsætisráðherra Íslands samþykkti í dag að leggja fram nýtt frumvarp um fjárlög.",  # read as well as Slovak
]
TEXT_IN_OTHER_ENCODINGS = [
    ("Президент России заявил во вторник, что страна готова к переговорам с Вашингтоном.", "cp1251"),
    ("Prezydent Polski powiedział we wtorek, że rząd przygotuje nową ustawę o mediach.", "cp1250"),
    ("東京都の知事は火曜日に記者会見を開き、新しい政策を発表した。", "shift_jis"),
]


@pytest.mark.parametrize("text", WINDOWS_1252_NEWS)
def test_windows_1252_news_keeps_its_euro_signs_dashes_and_curly_quotes(tmp_path, text):
    """Read as a DOS or Mac code page, "€2.4 billion" became "Ć2.4 billion" and no longer met "€4.2 billion"."""
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    assert load_corpus([str(tmp_path)]).documents[0].text == text


@pytest.mark.parametrize("text, encoding", TEXT_IN_OTHER_ENCODINGS)
def test_text_in_other_legacy_encodings_is_still_read_as_written(tmp_path, text, encoding):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))  # read, where a run reads all languages
    assert load_corpus([str(tmp_path)], min_english_share=0).documents[0].text == text


def test_a_utf8_article_with_a_stray_byte_is_read_as_utf8_with_a_warning_naming_the_line(tmp_path):
    """One Windows-1252 quote pasted into a UTF-8 article made the whole file a guess: read as Windows-1251, every
    curly quote came out as "вЂ™", silently."""
    text = "Putin’s praise for Trump — “a strong leader” — drew a reply.\nThe Kremlin’s spokesman said so on Monday.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8") + b"He said \x93no\x94.\n")
    corpus = load_corpus([str(tmp_path)])
    assert corpus.documents[0].text == text + "He said \ufffdno\ufffd.\n"
    assert corpus.warnings == [
        f"{tmp_path / 'a.txt'}: not valid UTF-8 at line 3 (byte 0x93 and 1 more); read as UTF-8, those bytes replaced"
    ]


def test_english_whose_few_other_bytes_decide_a_guess_is_read_with_a_warning_naming_it(tmp_path):
    """(audit) Bytes Windows-1252 leaves undefined (0x81) in an English file: read as Windows-1251 ("Rotterdam
    яюъыь"), reported as a clean source. A Russian article in its code page says nothing."""
    lead = b"An explosion at the Harbor Chemicals plant killed 12 people in Rotterdam on Tuesday, police said.\n"
    (tmp_path / "a.txt").write_bytes(lead * 3 + b"The plant \xff\xfe will stay shut \x80\x81 until further notice.\n")
    corpus = load_corpus([str(tmp_path)], min_english_share=0)
    (warning,) = corpus.warnings
    assert warning.startswith(
        f"{tmp_path / 'a.txt'}: neither UTF-8 nor Windows-1252; its 4 bytes beyond ASCII read as "
    )
    (tmp_path / "a.txt").write_bytes(TEXT_IN_OTHER_ENCODINGS[0][0].encode("cp1251"))
    assert load_corpus([str(tmp_path)], min_english_share=0).warnings == []


def test_a_report_an_earlier_run_wrote_into_the_corpus_is_skipped_in_one_line(tmp_path):
    """`checker run corpus/ -o corpus/report.jsonl`, then a run with another -o: each finding was warned of as a
    record with no "text"."""
    (tmp_path / "good.txt").write_text(ARTICLE)
    finding = {"schema_version": 6, "id": "f1", "label": "contradict", "a": {}, "b": {}, "kind": "number"}
    (tmp_path / "report.jsonl").write_text("\n" + (json.dumps(finding) + "\n") * 3)  # a blank line first too
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    assert [(s.path, s.reason) for s in corpus.skipped] == [
        (str(tmp_path / "report.jsonl"), "a report checker wrote, not articles")
    ]


def test_bad_files_are_skipped_with_reasons_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 10)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    unmatched = str(tmp_path / "2024-*.md")
    corpus = load_corpus([str(tmp_path), str(tmp_path / "report.pdf"), str(tmp_path / "missing.txt"), unmatched])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    why = reasons(corpus)
    assert why[unmatched] == "no file matches this pattern"  # (audit) it said "no such file or directory"
    assert why[str(tmp_path / "empty.txt")] == "empty file"
    assert "binary" in why[str(tmp_path / "binary.txt")]
    assert "unsupported file type '.pdf'" in why[str(tmp_path / "report.pdf")]
    assert why[str(tmp_path / "missing.txt")] == "no such file or directory"


def test_jsonl_articles_with_metadata_and_a_bad_line(tmp_path):
    lines = [
        json.dumps({"id": "r1", "text": ARTICLE, "source": "Reuters", "published": "2025-02-25"}),
        "{not json",
        json.dumps({"id": "r2"}),
        json.dumps({"id": "r3", "text": ARTICLE, "url": "https://example.org/r3"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    corpus = load_corpus([str(tmp_path / "feed.jsonl")])
    assert [d.id for d in corpus.documents] == ["r1", "r3"]
    assert corpus.documents[0].source == "Reuters" and corpus.documents[0].published == "2025-02-25"
    why = reasons(corpus)
    assert (
        why[f"{tmp_path / 'feed.jsonl'}:2"]
        == "invalid JSON: Expecting property name enclosed in double quotes at column 2"
    )
    assert 'needs "id"' in why[f"{tmp_path / 'feed.jsonl'}:3"]


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"id": "a", "text": "Council', "invalid JSON: Unterminated string starting at column 21"),
        ('{"id": true, "text": "The council voted."}', '"id" is a JSON boolean; each line needs "id" (string)'),
        ('{"id": "a", "text": null}', '"text" is a JSON null; each line needs'),
        ('{"id": "a", "text": 12}', '"text" is a JSON number; each line needs'),
        ('{"id": "a", "body": "The council voted."}', '"text" is missing; each line needs'),
    ],
)
def test_a_bad_jsonl_line_says_what_is_wrong_with_it(tmp_path, line, reason):
    (tmp_path / "feed.jsonl").write_text(line + "\n")
    assert reasons(load_corpus([str(tmp_path / "feed.jsonl")]))[f"{tmp_path / 'feed.jsonl'}:1"].startswith(reason)


def test_a_feed_record_given_again_under_its_id_is_a_later_version_that_replaces_the_first(tmp_path):
    """A correction re-published under its id in the next day's feed was skipped as a duplicate: the text it
    corrected was checked for good."""
    rows = [{"id": "same", "text": ARTICLE}, {"id": "same", "text": "Other text entirely here today."}]
    (tmp_path / "f.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    corpus = load_corpus([str(tmp_path / "f.jsonl")])
    assert [d.text for d in corpus.documents] == ["Other text entirely here today."]
    assert corpus.skipped[0].reason == f"replaced by a later version of 'same' ({tmp_path / 'f.jsonl'}:2)"


def test_the_latest_published_version_wins_whatever_the_order_and_another_outlets_id_is_no_version(tmp_path):
    day_1 = {"id": "a", "source": "Independent", "published": "2014-10-22T09:00:00Z", "text": "Bibeau was 32."}
    day_2 = day_1 | {"published": "2014-10-23", "text": "Bibeau was 32, police said on Thursday."}
    other = {"id": "b", "source": "Reuters", "text": "Boko Haram agreed a truce."}
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps(r) for r in (day_2, day_1, other, other | {"source": "AP"}))
    )
    corpus = load_corpus([str(tmp_path)])
    assert [(d.id, d.text) for d in corpus.documents] == [("a", day_2["text"]), ("b", other["text"])]
    reasons = sorted(s.reason.partition(" (")[0] for s in corpus.skipped)
    assert reasons == ["duplicate document id 'b'", "replaced by a later version of 'a'"]


def test_another_outlets_record_under_an_articles_id_leaves_its_versions_replacing_each_other(tmp_path):
    """The audit's feed: x from S1 at 10:00 (12 dead), again at 12:00 (14 dead), and x from S2. The third record
    made the first two "duplicates" too, and the 10:00 text, corrected since, was the one checked."""
    first = {"id": "x", "source": "S1", "published": "2025-03-04T10:00:00Z", "text": "Twelve people died."}
    correction = first | {"published": "2025-03-04T12:00:00Z", "text": "Fourteen people died."}
    other = {"id": "x", "source": "S2", "published": "2025-03-04T11:00:00Z", "text": "Thirteen people died."}
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in (first, correction, other)))
    corpus = load_corpus([str(tmp_path)])
    assert [(d.id, d.text) for d in corpus.documents] == [("x", correction["text"])]
    feed = tmp_path / "feed.jsonl"
    assert sorted((s.path, s.reason, s.on_purpose) for s in corpus.skipped) == [
        (f"{feed}:1", f"replaced by a later version of 'x' ({feed}:2)", True),
        (f"{feed}:3", f"duplicate document id 'x' (the one read: {feed}:2)", False),
    ]


def test_a_feed_records_html_text_is_read_as_a_page_is(tmp_path):
    """Feeds carry an article's content as HTML: its tags and "&amp;" were read as words of its claims."""
    raw = '<p>Prosecutors said 28 bodies were found &amp; identified.</p><p>Police named <a href="x">the gang</a>.</p>'
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "time", "text": raw}) + "\n")
    (doc,) = load_corpus([str(tmp_path)]).documents
    assert " ".join(doc.text.split()) == "Prosecutors said 28 bodies were found & identified. Police named the gang."
    start = doc.text.index("the gang")
    assert raw[doc.file_offset(start) : doc.file_offset(start + len("the gang"), end=True)] == "the gang"
    assert record_text(tmp_path / "feed.jsonl", 1) == doc.text  # what the page and review show its spans in
    # (review) a plain text with a character reference or an angle bracket keeps its paragraphs and words
    plain = "First paragraph here.\n\nAT&amp;T said x<y>z and <i>more</i>.\n"
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "plain", "text": plain}) + "\n")
    assert load_corpus([str(tmp_path)]).documents[0].text == plain


def test_two_folders_with_one_file_name_keep_both_articles_under_their_folder_names(tmp_path):
    """`checker run outlet-a/ outlet-b/`: the second outlet's index.html was skipped as a duplicate id."""
    for outlet, day in (("outlet-a", "Monday"), ("outlet-b", "Sunday")):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "index.html").write_text(f"<p>{ARTICLE.replace('Monday', day)}</p>")
        (tmp_path / outlet / f"{outlet}-only.txt").write_text(ARTICLE)
    corpus = load_corpus([str(tmp_path / "outlet-a"), str(tmp_path / "outlet-b")])
    assert [d.id for d in corpus.documents] == [
        "outlet-a-only.txt",
        "outlet-a/index.html",
        "outlet-b-only.txt",
        "outlet-b/index.html",
    ]
    assert "Sunday" in corpus.documents[-1].text and corpus.skipped == []


def page_text(folder: Path, raw: str) -> str:
    """The text checker reads from an HTML page of `raw` markup."""
    (folder / "page.html").write_text(raw)
    return load_corpus([str(folder)]).documents[0].text


def test_an_articles_own_header_is_read_and_the_pages_is_not(tmp_path):
    """`<article><header><h1>` holds the headline and byline: it was left out with the site's header."""
    raw = (
        "<html><body><header><a>Home</a> Subscribe now</header><article><header><h1>Council backs budget</h1>"
        "<p>By Ana Ruiz</p></header><p>The council voted on Monday.</p></article><footer>(c) 2026</footer></body></html>"
    )
    text = page_text(tmp_path, raw)
    assert "Council backs budget" in text and "By Ana Ruiz" in text and "The council voted on Monday." in text
    assert "Subscribe" not in text and "2026" not in text


def test_a_region_left_unclosed_ends_with_the_element_around_it_as_in_a_browser(tmp_path):
    """An `<aside>` never closed hid the rest of the page: the text after its article was lost in silence."""
    raw = (
        "<html><body><div class=story><article><p>The council voted on Monday.</p>"
        "<aside>Related: <a>Mayor resigns</a><p>More stories</article>"
        "<p>It passed with 12 votes in favor.</p></div><nav><p>Home</div> | World</nav><footer>(c) 2026</footer>"
        "<p>Corrected on Tuesday.</p><br/><hr></body></html>"
    )
    text = page_text(tmp_path, raw)
    assert "voted on Monday" in text and "It passed with 12 votes" in text and "Corrected on Tuesday" in text
    assert "Mayor resigns" not in text and "More stories" not in text
    assert "World" not in text and "2026" not in text  # an end tag of nothing open closes nothing
    text = html_main_text("<p>Intro.<aside>Related: Mayor resigns</p> More stories</aside><p>Body.</p>")[1]
    assert text.split() == ["Intro.", "Body."]  # the aside ended the paragraph; "</p>" in it ends no aside


def test_html_main_text_without_markup_and_offsets_into_the_raw_file(tmp_path):
    raw = (
        "<html><head><title>Vote</title><script>var x = '<p>not text</p>';</script></head><body>"
        "<nav>Home | World</nav><article><h1>Council backs budget</h1>"
        "<p>The council voted on Monday &amp; approved the budget.</p>"
        "<p>It passed with 12 votes in favor.</p></article><footer>© Paper</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(raw)
    doc = load_corpus([str(tmp_path)]).documents[0]
    assert doc.title == "Vote"
    assert "not text" not in doc.text and "Home" not in doc.text and "<p>" not in doc.text
    assert "voted on Monday & approved" in doc.text
    start = doc.text.index("It passed")
    end = start + len("It passed with 12 votes in favor.")
    assert raw[doc.file_offset(start) : doc.file_offset(end - 1) + 1] == "It passed with 12 votes in favor."


def test_an_html_page_has_a_line_a_block_so_its_byline_is_furniture_and_its_headline_no_part_of_a_claim(tmp_path):
    """Block elements gave spaces, not line breaks: the page was one line, its headline and byline glued to the
    first sentence ("Quake hits town By Jane Roe A strong earthquake ...") and no line-by-line cleaning ran."""
    (tmp_path / "page.html").write_text(
        "<html><head><title>Quake&rsquo;s toll</title></head><body><article><h1>Quake hits town</h1>"
        '<div class="meta">By Jane Roe</div><p>A strong earthquake struck\nthe town on Monday.</p>'
        "<p>The mayor said 40 homes were destroyed.</p></article></body></html>"
    )
    doc = load_corpus([str(tmp_path)]).documents[0]
    lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
    assert lines == [
        "Quake hits town",
        "By Jane Roe",
        "A strong earthquake struck the town on Monday.",  # a line break inside a paragraph is a space
        "The mayor said 40 homes were destroyed.",
    ]
    assert "By Jane Roe" not in [doc.text[s.start : s.end].strip() for s in doc.kept]
    assert doc.title == "Quake’s toll"  # a character reference in the title is read, not dropped


def test_page_furniture_named_by_class_or_id_is_no_article_text(tmp_path):
    """Cookie banners, share bars, "Most read" lists, captions, credits and embedded tweets were read as the
    article's claims: one consent text shared by six sites merged their stories, a photo credit's "Sunday" was
    dated against another outlet's "May"."""
    (tmp_path / "page.html").write_text(
        '<html><body class="has-cookie-banner"><div id="cookie-consent">This site uses cookies.</div>'
        '<div class="site-menu">Home | World | Sport</div><article><h1>Quake hits town</h1>'
        '<div class="share-bar">Share on Facebook 1,204 shares</div>'
        '<figure><img src="x.jpg"><figcaption>Rescuers on Sunday (Photo: AP)</figcaption></figure>'
        '<div class="article-body"><p>A strong earthquake struck the town on Monday.</p>'
        '<blockquote class="twitter-tweet">We are praying for Ayr — (@someone) May 2, 2014</blockquote>'
        '<p class="pullquote">"It shook for a minute"</p><p>The mayor said 40 homes were destroyed.</p></div>'
        '<ul class="most-read"><li>Man bites dog in Ohio</li></ul></article>'
        '<div class="comments">Great article!</div></body></html>'
    )
    doc = load_corpus([str(tmp_path)]).documents[0]
    lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
    assert lines == [
        "Quake hits town",
        "A strong earthquake struck the town on Monday.",
        "The mayor said 40 homes were destroyed.",
    ]


def test_a_span_ending_in_a_character_reference_ends_after_the_whole_reference(tmp_path):
    # "&rdquo;" is one character of the text and seven of the file: an editor given the span must mark all seven.
    raw = "<p>Intro.</p>\n<p>He said: &ldquo;The vote passed.&rdquo;</p>\n<p>Tom &amp Jerry &#x41;&#66 &foo; left.</p>"
    (tmp_path / "page.html").write_text(raw)
    doc = load_corpus([str(tmp_path)]).documents[0]
    start = doc.text.index("“")
    end = doc.text.index("”") + 1
    assert raw[doc.file_offset(start) : doc.file_offset(end, end=True)] == "&ldquo;The vote passed.&rdquo;"
    assert doc.place_in_file(end, end=True) == (2, len("<p>He said: &ldquo;The vote passed.&rdquo;") + 1)
    assert "Tom & Jerry AB &foo; left." in doc.text  # as a browser reads them; an unknown name stays as written
    last = doc.text.index("B &foo") + 1
    assert raw[doc.file_offset(last - 1) : doc.file_offset(last, end=True)] == "&#66"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_lines_and_columns_of_an_html_article_are_where_it_stands_in_the_file(tmp_path, newline):
    """A CI annotation on an HTML article named the line of the extracted text: line 4 for a sentence on line 11."""
    raw = newline.join(
        [
            "<!doctype html>",
            "<html>",
            "<head><title>Vote</title>",
            "<style>p { color: black; }</style></head>",
            "<body>",
            "<nav><a>Home</a>",
            "<a>World</a></nav>",
            "<article>",
            "<h1>Council backs budget</h1>",
            "<p>The council voted on Monday.</p>",
            "  <p>It passed with 12 votes",
            "in favor.</p>",
            "</article></body></html>",
        ]
    )
    (tmp_path / "page.html").write_bytes(raw.encode())
    doc = load_corpus([str(tmp_path)]).documents[0]
    start = doc.text.index("It passed")
    end = doc.text.index("in favor.") + len("in favor.")
    assert doc.place_in_file(start) == (11, len("  <p>") + 1)
    assert doc.place_in_file(end, end=True) == (12, len("in favor.") + 1)
    assert doc.place_in_file(doc.text.index("Council"))[0] == 9


def test_a_folder_names_what_it_does_not_read_and_leaves_hidden_files_out(tmp_path):
    """A `.jsonl.gz` feed or a linked folder of articles was skipped in silence; an editor's hidden draft was read."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / ".a.txt.draft.txt").write_text(ARTICLE.replace("Monday", "Tuesday"))
    (tmp_path / "feed.jsonl.gz").write_bytes(b"\x1f\x8b")
    (tmp_path / "feed2.jsonl.gz").write_bytes(b"\x1f\x8b")
    (tmp_path / "notes").write_text("to do")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(ARTICLE)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "c.txt").write_text(ARTICLE)
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "elsewhere")
    corpus = load_corpus([str(tmp_path / "corpus"), str(tmp_path / "a.txt"), str(tmp_path)])
    assert sorted(d.path for d in corpus.documents) == sorted(
        str(p) for p in (tmp_path / "corpus" / "c.txt", tmp_path / "a.txt", tmp_path / "elsewhere" / "b.txt")
    )
    why = reasons(corpus)
    assert why[str(tmp_path / "corpus" / "linked")].startswith("link to a folder, not followed")
    assert (
        why[str(tmp_path)]
        == "3 files of other types not read (2 .gz, 1 no suffix; use .txt, .md, .markdown, .html or .jsonl)"
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_and_columns_count_every_kind_of_line_end(tmp_path, newline):
    """An old Mac file (a lone "\\r" ends each line) put every claim on line 1, at column 1,490."""
    (tmp_path / "a.txt").write_bytes(ARTICLE.replace("\n", newline).encode())
    doc = load_corpus([str(tmp_path)]).documents[0]
    start = doc.text.index("12 votes")
    assert (doc.line_of(start), doc.column_of(start)) == (2, len("It passed with ") + 1)
    assert (doc.line_of(0), doc.column_of(0)) == (1, 1)


def test_one_path_given_alone_is_one_path(tmp_path):
    """(library audit) `load_corpus("news/")` read the string a character at a time, "/" among them: the whole
    machine; a `Path` in a list raised TypeError."""
    (tmp_path / "a.txt").write_text("The assembly met in Geneva on Monday.\n")
    for paths in (str(tmp_path), tmp_path, [tmp_path / "a.txt"]):
        corpus = load_corpus(paths)
        assert [d.id for d in corpus.documents] == ["a.txt"] and corpus.skipped == []
