"""Inputs a careless or hostile corpus holds: huge documents, UTF-16, odd line breaks, FIFOs, links, odd names.

Each must cost only itself: a one-line reason in `corpus.skipped` (printed as a
warning by the CLI), the other documents still read, and the run never stuck.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.claims import extract_claims
from checker.cli import app
from checker.corpus import html_main_text, load_corpus
from checker.html import ArticleTexts, claim_context
from checker.records import content_hash
from checker.report import read_report

ARTICLE = "The council voted on Monday to approve the budget.\nIt passed with 12 votes in favor.\n"
VOTE_A = "The assembly met on Monday in Geneva.\nThe resolution got 18 votes against in the General Assembly.\n"
VOTE_B = "Delegates gathered in Geneva for the session.\nThe resolution got 4 votes against in the General Assembly.\n"
MB = 1024 * 1024


def reasons(corpus) -> dict[str, str]:
    return {s.path: s.reason for s in corpus.skipped}


def load_within(paths: list[str], seconds: float = 30, **kwargs):
    """load_corpus, failing (not hanging the suite) if it blocks, as an open FIFO does."""
    result = []
    worker = threading.Thread(target=lambda: result.append(load_corpus(paths, **kwargs)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"load_corpus({paths}) still running after {seconds} s"
    return result[0]


# 1. Documents over max_document_chars


def test_text_file_over_the_limit_is_skipped_with_its_length(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "long.txt").write_text("word " * 300)
    corpus = load_corpus([str(tmp_path)], max_chars=1000)
    assert [d.id for d in corpus.documents] == ["good.txt"]
    assert reasons(corpus) == {
        str(tmp_path / "long.txt"): "document is 1,500 characters, over the limit of 1,000 (max_document_chars)"
    }


def test_file_over_four_bytes_a_character_is_refused_before_reading(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "dump.txt").write_bytes(b"x" * (5 * MB))  # one 5 MB line: spaCy's E088 before the limit
    with (tmp_path / "huge.md").open("wb") as sparse:
        sparse.truncate(50 * MB)  # all NUL bytes: reading it would say "binary", not its size
    corpus = load_within([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    why = reasons(corpus)
    limit = "over 4 x the limit of 1,000,000 characters (max_document_chars)"
    assert why[str(tmp_path / "dump.txt")] == f"file is 5,242,880 bytes, {limit}"
    assert why[str(tmp_path / "huge.md")] == f"file is 52,428,800 bytes, {limit}"


def test_long_jsonl_record_is_skipped_alone(tmp_path):
    rows = [{"id": "r1", "text": ARTICLE}, {"id": "big", "text": "x" * (10 * MB)}, {"id": "r3", "text": ARTICLE}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    corpus = load_corpus([str(tmp_path / "feed.jsonl")])
    assert [d.id for d in corpus.documents] == ["r1", "r3"]
    assert [d.path for d in corpus.documents] == [f"{tmp_path / 'feed.jsonl'}:{n}" for n in (1, 3)]
    assert reasons(corpus) == {
        f"{tmp_path / 'feed.jsonl'}:2": "document is 10,485,760 characters, over the limit of 1,000,000 "
        "(max_document_chars)"
    }


def test_jsonl_line_too_long_to_hold_a_document_is_read_past(tmp_path):
    lines = [json.dumps({"id": "r1", "text": ARTICLE}), "y" * 5000, json.dumps({"id": "r3", "text": ARTICLE})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    corpus = load_corpus([str(tmp_path / "feed.jsonl")], max_chars=200)
    assert [d.path for d in corpus.documents] == [f"{tmp_path / 'feed.jsonl'}:{n}" for n in (1, 3)]
    assert reasons(corpus) == {
        f"{tmp_path / 'feed.jsonl'}:2": "line is over 12 x the limit of 200 characters (max_document_chars)"
    }


def test_html_with_an_attribute_never_closed_finishes_with_a_reason(tmp_path):
    page = '<html><body><p>The council voted.</p><img src="data:' + "A" * (2 * MB) + "<p>More.</p></body></html>"
    (tmp_path / "page.html").write_text(page)
    (tmp_path / "good.txt").write_text(ARTICLE)
    corpus = load_within([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    assert reasons(corpus)[str(tmp_path / "page.html")].startswith("document is 2,097,")


def test_html_ending_in_unfinished_tags_is_read_as_text_without_rescanning():
    # The standard library's parser rescans an unfinished tail once per "<": this page took minutes.
    tail = "<a " * 100_000
    title, text, offsets, *_ = html_main_text("<title>T</title><p>The council voted.</p>" + tail)
    assert title == "T" and text.strip().startswith("The council voted.") and text.endswith(tail)
    assert offsets[-1] == len("<title>T</title><p>The council voted.</p>" + tail) - 1


def test_spacy_takes_a_document_at_the_limit():
    from checker.claims import load_nlp

    assert load_nlp(3_000_000).max_length == 3_000_000


# 2. UTF-16 and other byte-order marks


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-8"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding, nlp):
    path = tmp_path / "wide.txt"
    path.write_bytes(("\ufeff" + "Préambule.\n" + VOTE_A).encode(encoding))
    (doc,) = load_corpus([str(path)]).documents
    assert doc.text == "Préambule.\n" + VOTE_A
    claims = extract_claims([doc], nlp)
    assert claims and all(doc.text[c.span.start : c.span.end] == c.text for c in claims)
    claim = {"path": doc.path, "span": [claims[-1].span.start, claims[-1].span.end], "text": claims[-1].text}
    assert claim_context(claim, ArticleTexts(tmp_path))["before"].endswith(
        "Geneva.\n"
    )  # the report reads the file back the same way


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_binary_is_still_binary(tmp_path, encoding):
    """Saved by a Windows tool without a mark, an article was skipped as "binary file (NUL bytes)"."""
    (tmp_path / "wide.txt").write_bytes(("Préambule.\n" + VOTE_A).encode(encoding))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    corpus = load_corpus([str(tmp_path)])
    assert [d.text for d in corpus.documents] == ["Préambule.\n" + VOTE_A]
    assert reasons(corpus)[str(tmp_path / "image.txt")] == "binary file (NUL bytes), not text"


def test_broken_utf16_is_skipped(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe" + "Hello there".encode("utf-16-le") + b"\x00\xdc")
    (tmp_path / "good.txt").write_text(ARTICLE)
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    assert reasons(corpus)[str(tmp_path / "bad.txt")].startswith("invalid UTF-16 text")


# 3. JSONL lines end at "\n" only


def test_jsonl_strings_with_unicode_line_breaks_keep_records_and_line_numbers(tmp_path):
    odd = "First line.\u2028Second\u0085third\x0bfourth\x0cfifth\x1csixth\u2029end of the story today."
    rows = [{"id": "odd", "text": odd}, {"id": "bad"}, {"id": "after", "text": ARTICLE}]
    raw = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\r\n"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(raw, newline="")
    corpus = load_corpus([str(feed)])
    by_id = {d.id: d for d in corpus.documents}
    assert by_id["odd"].text == odd and by_id["odd"].path == f"{feed}:1"
    assert by_id["after"].path == f"{feed}:3"
    assert list(reasons(corpus)) == [f"{feed}:2"]
    claim = {"path": f"{feed}:3", "span": [0, 10], "text": ARTICLE[:10]}
    assert claim_context(claim, ArticleTexts(tmp_path))["after"] == ARTICLE[10:]  # the HTML report finds the same line


def test_jsonl_lone_surrogate_escapes_become_replacement_characters(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "x\ud800", "text": "Caf\udce9 " + ARTICLE}) + "\n")
    (doc,) = load_corpus([str(tmp_path / "feed.jsonl")]).documents
    assert doc.id == "x\ufffd" and doc.text.startswith("Caf\ufffd ")
    content_hash(doc.id, doc.text)  # valid Unicode: hashable and writable


# 4. Only regular files are opened


def test_fifo_named_or_in_a_folder_is_skipped_not_waited_on(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "good.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "d" / "x.txt")
    os.mkfifo(tmp_path / "d" / "pipe")  # no supported suffix: not an article, ignored in a folder
    named = load_within([str(tmp_path / "good.txt"), str(tmp_path / "d" / "x.txt")])
    walked = load_within([str(tmp_path)])
    for corpus in (named, walked):
        assert [d.id for d in corpus.documents] == ["good.txt"]
        assert reasons(corpus).get(str(tmp_path / "d" / "x.txt")) == "not a regular file (FIFO)"
    assert reasons(walked)[str(tmp_path)].startswith("1 file of other types not read (1 no suffix;")


def test_broken_links_and_link_loops_are_named(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    expected = {str(tmp_path / "gone.txt"): "broken symbolic link", str(tmp_path / "loop.md"): "symbolic link loop"}
    for paths in ([str(tmp_path)], [str(tmp_path / name) for name in ("good.txt", "gone.txt", "loop.md")]):
        corpus = load_corpus(paths)
        assert [d.id for d in corpus.documents] == ["good.txt"]
        assert reasons(corpus) == expected


def test_link_to_a_parent_folder_does_not_loop_the_walk_or_a_glob(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "sub" / "here").symlink_to(tmp_path / "sub")
    for pattern in (str(tmp_path), str(tmp_path / "**" / "*.txt")):
        corpus = load_within([pattern])
        assert [d.id for d in corpus.documents] == ["a.txt", "sub/b.txt"] and corpus.skipped == []


# 5. File names that are not UTF-8


def test_file_name_that_is_not_utf8_is_read_under_an_escaped_name(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as f:
        f.write(ARTICLE.encode())
    with open(folder + b"/f\xff.jsonl", "wb") as f:
        f.write(json.dumps({"id": "r1", "text": ARTICLE}).encode() + b"\n")
    with open(folder + b"/empty\xe9.txt", "wb"):
        pass
    corpus = load_corpus([str(tmp_path)])
    assert [(d.id, d.path) for d in corpus.documents] == [
        ("caf\\xe9.txt", f"{tmp_path}/caf\\xe9.txt"),
        ("r1", f"{tmp_path}/f\\xff.jsonl:1"),
    ]
    assert reasons(corpus) == {f"{tmp_path}/empty\\xe9.txt": "empty file"}
    doc = corpus.documents[0]
    assert doc.text == ARTICLE
    content_hash(doc.id, doc.path, doc.text)
    claim = {"path": doc.path, "span": [0, 3], "text": "The"}
    assert claim_context(claim, ArticleTexts(tmp_path)) == {
        "before": "",
        "claim": "The",
        "after": "",
    }  # no context, no crash


# 6. Anything else that fails on one file


def test_html_parser_failure_skips_that_file(tmp_path):
    (tmp_path / "odd.html").write_text("<p>Some text here.</p><![foo[ bar ]]><p>More text.</p>")
    (tmp_path / "good.txt").write_text(ARTICLE)
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    reason = reasons(corpus)[str(tmp_path / "odd.html")]
    assert reason.startswith("cannot be read (AssertionError: ") and "\n" not in reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "secret.txt").write_text(ARTICLE)
    (tmp_path / "secret.txt").chmod(0)
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    assert reasons(corpus) == {str(tmp_path / "secret.txt"): "permission denied"}


def test_undecodable_jsonl_is_skipped(tmp_path):
    good = json.dumps({"id": "r1", "text": ARTICLE}).encode("utf-16-le")
    (tmp_path / "feed.jsonl").write_bytes(b"\xff\xfe" + good + "\n".encode("utf-16-le") + b"\x00\xdc\x00\xdc")
    (tmp_path / "good.txt").write_text(ARTICLE)
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    assert reasons(corpus)[str(tmp_path / "feed.jsonl")].startswith("cannot decode as utf-16")


# The command line: warnings, and a report that can be written


def test_cli_skips_bad_inputs_with_one_line_each_and_reports_the_rest(tmp_path, tiny_model):
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "w") as f:
        f.write(VOTE_A)
    (folder / "b.md").write_text(VOTE_B)
    (folder / "dump.txt").write_bytes(b"x " * (3 * MB))
    os.mkfifo(tmp_path / "x.txt")
    report, page = tmp_path / "report.jsonl", tmp_path / "report.html"
    result = CliRunner().invoke(
        app,
        ["run", str(folder), str(tmp_path / "x.txt"), "--model", str(tiny_model), "-o", str(report)]
        + ["--html", str(page), "--quiet"],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"checker: warning: skipped {folder / 'dump.txt'}: file is 6,291,456 bytes, over 4 x the limit of "
        "1,000,000 characters (max_document_chars)",
        f"checker: warning: skipped {tmp_path / 'x.txt'}: not a regular file (FIFO)",
    ]
    (finding,) = read_report(report)
    assert {finding["a"]["doc_id"], finding["b"]["doc_id"]} == {"caf\\xe9.txt", "b.md"}
    assert "caf\\\\xe9.txt" in Path(page).read_text(encoding="utf-8")


def test_globs_read_as_glob_reads_them(tmp_path):
    (tmp_path / "g" / "sub").mkdir(parents=True)
    (tmp_path / "g" / "a.txt").write_text(ARTICLE)
    (tmp_path / "g" / "sub" / "b.txt").write_text(ARTICLE.replace("council", "board"))
    every = load_corpus([str(tmp_path / "g" / "**")])
    assert [d.id for d in every.documents] == ["a.txt", "sub/b.txt"] and not every.skipped
    assert [d.id for d in load_corpus([str(tmp_path / "g" / "**.txt")]).documents] == ["a.txt"]


def test_character_references_at_the_end_of_a_page_are_decoded():
    assert html_main_text("<p>Intro.</p>Tom &amp; Jerry paid &pound;5")[1].endswith("Tom & Jerry paid £5")
