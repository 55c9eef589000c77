"""The HTML report in a real browser (headless Chromium from Debian, driven by Playwright)."""

from __future__ import annotations

import html
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from checker.html import ArticleTexts, render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (Debian package 'chromium'); scripts/test.sh installs it"
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium():
    """Debian's Chromium driven by Playwright, closed after the test."""
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a test dependency")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def finding_detail(html: str, folder: Path, finding: str = "1111111111111111") -> str:
    """The page's panel of one finding, as Chromium shows it."""
    page_path = folder / "detail.html"
    page_path.write_text(html)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{page_path.as_uri()}#{finding}")
        return page.inner_text("#detail")


def claim(doc_id: str, text: str, path: str, span: list[int], line: int) -> dict:
    return {
        "doc_id": doc_id,
        "path": path,
        "source": "",
        "text": text,
        "standalone": text,
        "sentence": text,
        "span": span,
        "line": line,
        "column": 1,
        "end_line": line,
        "end_column": len(text) + 1,
    }


@pytest.fixture
def records(tmp_path) -> list[dict]:
    hostile = "The mayor wrote <script>window.pwned = true</script> in a post on Friday."
    (tmp_path / "a.txt").write_text("Intro line.\n" + hostile + "\n")
    (tmp_path / "b.txt").write_text("The council met.\nThe mayor posted nothing on Friday.\n")
    nli = {
        "a_to_b": {"entailment": 0.01, "neutral": 0.09, "contradiction": 0.9},
        "b_to_a": {"entailment": 0.02, "neutral": 0.1, "contradiction": 0.88},
    }
    ref = {"doc_id": "a.txt", "text": hostile, "line": 2, "span": [12, 12 + len(hostile)]}
    third = {"doc_id": "c.txt", "text": "The mayor said he had posted nothing at all.", "line": 1, "span": [0, 44]}
    return [
        {
            "id": "1111111111111111",
            "label": "contradict",
            "kind": "nli",
            "score": 0.9,
            "similarity": 0.7,
            "a": claim("a.txt", hostile, str(tmp_path / "a.txt"), [12, 12 + len(hostile)], 2),
            "b": claim("b.txt", "The mayor posted nothing on Friday.", str(tmp_path / "b.txt"), [17, 52], 2),
            "nli": nli | {"b_to_a": None},  # the reverse direction was not scored
            "story": {"id": "s", "label": "The mayor's post"},
            "fact": {
                "id": "1111111111111111",
                "subject": "",
                "versions": [
                    {"value": "posted <script>", "documents": ["a.txt"], "claims": []},
                    {"value": "posted nothing", "documents": ["b.txt", "c.txt"], "claims": [third]},
                ],
                "majority": "posted nothing",
                "outliers": ["a.txt"],
            },
            "pairs": [{"id": "x", "kind": "nli", "score": 0.9, "a": ref, "b": ref}] * 2,
            "evidence": [],
            "model": {"name": "m", "hash": "h"},
            "schema_version": 3,
        },
        {
            "id": "2222222222222222",
            "label": "agree",
            "kind": "number",
            "score": 0.75,
            "similarity": 0.6,
            "a": claim("a.txt", "Intro line.", str(tmp_path / "a.txt"), [0, 11], 1),
            "b": claim("b.txt", "The council met.", str(tmp_path / "b.txt"), [0, 16], 1),
            "nli": nli,
            "evidence": [
                {
                    "kind": "number",
                    "contradicts": False,
                    "message": "both give 12 votes",
                    "unit": "votes",
                    "polarity": "",
                    "a": {"value": 12, "text": "12 votes"},
                    "b": {"value": 12, "text": "12 votes"},
                }
            ],
            "model": {"name": "m", "hash": "h"},
            "schema_version": 2,
        },
    ]


@needs_chromium
def test_page_names_each_source_its_outlet_time_and_copy(records, tmp_path):
    """A fact-checker weighs a version by who gave it and when: the page named sources by file only."""
    fact = records[0]
    fact["a"] |= {"source": "Daily Bugle", "published": "2014-10-22T16:40:00+00:00"}
    later = {"source": "Clarion", "published": "2014-10-22T20:30:00-04:00"}
    fact["fact"]["versions"][1]["claims"] = [
        {"doc_id": "b.txt", "text": "x", "line": 1, "span": [0, 1]} | later,
        fact["fact"]["versions"][1]["claims"][0] | later,
    ]
    fact["fact"] |= {"copies": {"c.txt": "b.txt"}, "in_publication_order": True}
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(records))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri() + "#1111111111111111")
        detail = page.inner_text("#detail")
        assert "a.txt · line 2 · Daily Bugle · 2014-10-22 16:40 UTC" in detail
        assert (
            '"posted nothing": b.txt (Clarion, 2014-10-22 20:30 -04:00), '
            "c.txt (Clarion, 2014-10-22 20:30 -04:00, same text as b.txt)"
        ) in detail
        assert "In order of publication, earliest first" in detail
        assert '"posted <script>" (stands alone, published first: since updated, or a slip): a.txt' in detail
        assert "a.txt\nDaily Bugle" in page.inner_text("#list tbody")  # the list names the outlet beside the file


@needs_chromium
def test_page_links_each_claim_to_its_article_where_the_address_is_a_web_one(records, tmp_path):
    """A reviewer opens the article to weigh a finding; the report had its address and showed it nowhere. A
    corpus's "javascript:" address is no link."""
    records[0]["a"]["url"] = "https://news.example/bridge"
    records[0]["b"]["url"] = "javascript:window.pwned=true"
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(records))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri() + "#1111111111111111")
        links = page.eval_on_selector_all("#detail a.article-link", "links => links.map(a => a.href)")
        assert links == ["https://news.example/bridge"]


def test_context_marks_a_cut_only_where_the_article_goes_on(tmp_path):
    from checker.html import CONTEXT_CHARS, ArticleTexts, claim_context

    sentence = "The mayor posted nothing on Friday."
    article = tmp_path / "long.txt"
    article.write_text("x" * (CONTEXT_CHARS + 5) + sentence + "y" * (CONTEXT_CHARS + 5))
    start = CONTEXT_CHARS + 5
    shown = claim_context(
        {"path": str(article), "span": [start, start + len(sentence)], "text": sentence}, ArticleTexts(tmp_path)
    )
    assert shown["before"].startswith("…x") and shown["after"].endswith("y…") and shown["claim"] == sentence


def test_a_claim_of_an_html_page_is_shown_in_its_context(tmp_path):
    """The page and `review` showed a claim from an HTML article with no text around it."""
    from checker.corpus import load_corpus
    from checker.html import ArticleTexts, claim_context

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script>var x = 1;</script></head><body><nav>Home</nav><article>"
        "<div><div><p>The council met on Monday.</p></div></div><div><div><p>It passed the budget with 12 votes.</p>"
        "</div></div><div><div><p>The mayor left.</p></div></div>"
        "</article></body></html>"
    )
    text = load_corpus([str(page)]).documents[0].text
    sentence = "It passed the budget with 12 votes."
    start = text.index(sentence)
    shown = claim_context(
        {"path": str(page), "span": [start, start + len(sentence)], "text": sentence}, ArticleTexts(tmp_path)
    )
    assert shown["claim"] == sentence
    assert "met on Monday." in shown["before"] and "The mayor left." in shown["after"]
    # no screenful of blank lines from nested blocks between the paragraphs shown
    assert "\n\n\n" not in shown["before"] and "\n\n\n" not in shown["after"]
    assert "var x" not in shown["before"] + shown["after"]


def test_a_claim_of_a_markdown_article_is_shown_in_its_context(tmp_path):
    """Spans of a Markdown article index its text without markup; the page showed the claim with no context."""
    from checker.corpus import load_corpus
    from checker.html import ArticleTexts, claim_context

    story = tmp_path / "story.md"
    story.write_text(
        "---\ntitle: Budget\n---\nThe council met on **Monday**.\n\nIt passed the [budget](x) with 12 votes.\n"
    )
    text = load_corpus([str(story)]).documents[0].text
    sentence = "It passed the budget with 12 votes."
    start = text.index(sentence)
    shown = claim_context(
        {"path": str(story), "span": [start, start + len(sentence)], "text": sentence}, ArticleTexts(tmp_path)
    )
    assert (shown["before"], shown["claim"]) == ("The council met on Monday.\n", sentence)


def test_article_text_is_escaped_in_the_file(records):
    page = render_html(records)
    assert "<script>window.pwned" not in page and "\\u003cscript\\u003ewindow.pwned" in page


def test_without_scripts_the_page_lists_each_finding_as_text(records):
    """A text browser, a mail client or a browser that blocks scripts shows the report as the terminal prints it:
    each finding's label, both sentences, where they stand and what differs; article text stays text."""
    page = render_html(records)
    shown = html.unescape(re.sub(r"<script\b.*?</script>", "", page, flags=re.S))
    static = shown[shown.index("<noscript><section") : shown.index("</noscript>", shown.index("<noscript><section"))]
    assert "contradict [nli] 0.90" in static and "agree [number] 0.75" in static
    assert records[0]["a"]["text"] in static and "The mayor posted nothing on Friday." in static
    assert "evidence: both give 12 votes" in static and "Found 2 findings." in static
    assert "<script>window.pwned" not in page  # escaped in the text block as in the data


def test_a_placeholder_written_in_an_article_or_title_is_text(records):
    """The page's values go in at once: an article or a title that writes "__DATA__" does not receive the data."""
    records[0]["a"]["text"] += " __DATA__ __REVIEW__"
    page = render_html(records, title="__TEXT__ report")
    assert page.count('<script id="findings" type="application/json">') == 1
    assert "<title>__TEXT__ report</title>" in page and html.escape(records[0]["a"]["text"], quote=False) in page


@needs_chromium
def test_a_browser_with_scripts_off_shows_the_findings_and_hides_the_empty_tables(records, tmp_path):
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(records, "seeds", texts=ArticleTexts(tmp_path)))
    with chromium() as browser:
        page = browser.new_page(java_script_enabled=False)
        page.goto(page_path.as_uri())
        text = page.inner_text("body")
        assert "The mayor posted nothing on Friday." in text and "evidence: both give 12 votes" in text
        assert not page.is_visible("#main")


@needs_chromium
def test_page_filters_opens_a_finding_and_shows_text_as_text(records, tmp_path):
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(records, "seeds", texts=ArticleTexts(tmp_path)))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri())
        assert page.locator("#list tbody tr").count() == 2
        # no unrelated pair in the report: not "unrelated: 0", which would say the run found none
        assert [t.strip() for t in page.inner_text("#totals").split("·")] == ["contradict: 1", "agree: 1"]
        rows = page.locator("#list tbody tr")
        page.fill("#f-text", "nothing at all")  # said by c.txt, a source of the fact, not of the pair shown
        assert rows.count() == 1 and rows.first.get_attribute("data-id") == "1111111111111111"
        page.fill("#f-text", "")
        page.select_option("#f-label", "contradict")
        assert rows.count() == 1 and "1 of 2 findings shown" in page.inner_text("#shown")
        rows.first.click()
        detail = page.inner_text("#detail")
        assert "<script>window.pwned = true</script>" in detail  # shown as text
        assert "The mayor posted nothing on Friday." in detail and "contradiction 0.90" in detail
        assert "NLI b to a: not scored" in detail
        assert '"posted <script>" (stands alone): a.txt' in detail and '"posted nothing": b.txt, c.txt' in detail
        assert "story: The mayor's post" in detail and "2 claim pair(s) behind this fact" in detail
        assert page.evaluate("window.pwned === undefined")
        assert page.locator("#detail mark").count() == 2
        context = page.locator("#detail .context").first.inner_text()
        assert "Intro line." in context and "…" not in context  # the whole article is shown: nothing was cut
        stories = page.locator("#stories tbody tr")
        assert [stories.nth(i).inner_text().split("\t") for i in range(stories.count())] == [
            ["The mayor's post", "3", "1"],
            ["(no story)", "2", "0"],
        ]
        assert page.locator("#matrix").count() == 0
        page.screenshot(path=str(Path(tmp_path) / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000


def fact_record(n: int, story: dict | None, versions: dict[str, list[str]], message: str | None) -> dict:
    """A schema-3 contradiction line: one fact, its versions, the outlier's claim as `a` (no files: no context)."""
    sizes = sorted(versions, key=lambda v: len(versions[v]))
    outliers = versions[sizes[0]] if len(versions[sizes[0]]) < len(versions[sizes[-1]]) else []
    a_doc, b_doc = versions[sizes[0]][0], versions[sizes[-1]][0]
    a_text, b_text = f"Officials said {sizes[0]} on day {n}.", f"Officials said {sizes[-1]} on day {n}."
    evidence = [] if message is None else [{"kind": "number", "contradicts": True, "message": message}]
    return {
        "id": f"{n:016x}",
        "label": "contradict",
        "kind": "nli" if message is None else "number",
        "score": 0.9 - n / 100,
        "similarity": 0.8,
        "a": claim(a_doc, a_text, f"/nonexistent/{a_doc}", [0, len(a_text)], 1),
        "b": claim(b_doc, b_text, f"/nonexistent/{b_doc}", [0, len(b_text)], 1),
        "nli": {"a_to_b": {"entailment": 0.0, "neutral": 0.1, "contradiction": 0.9}, "b_to_a": None},
        "story": story,
        "fact": {
            "id": f"f{n:015x}",
            "subject": "",
            "versions": [{"value": v, "documents": d, "claims": []} for v, d in versions.items()],
            "majority": sizes[-1] if outliers else None,
            "outliers": outliers,
        },
        "pairs": [{"id": f"p{i}", "kind": "nli", "score": 0.9} for i in range(len(versions[sizes[-1]]))],
        "evidence": evidence,
        "model": {"name": "m", "hash": "h"},
        "schema_version": 3,
    }


@pytest.fixture
def thirty_sources() -> list[dict]:
    """30 sources, two stories: the bridge (29 say 12 dead, one says 40; a split on the date), the vote."""
    sources = [f"source-{i:02d}.txt" for i in range(1, 31)]
    bridge, vote = {"id": "b", "label": "Bridge collapse"}, {"id": "v", "label": "Council vote"}
    agree = fact_record(9, None, {"x": ["source-01.txt"], "y": ["source-02.txt"]}, None)
    agree |= {"label": "agree", "fact": None, "pairs": [], "evidence": []}
    agree["a"] = agree["a"] | {"path": "/data/feed.jsonl:12"}
    return [
        fact_record(1, bridge, {"12 dead": sources[:29], "40 dead": sources[29:]}, "40 dead vs 12 dead"),
        fact_record(2, bridge, {"on Monday": sources[:15], "on Tuesday": sources[15:]}, None),
        fact_record(3, vote, {"7 votes": sources[:3], "9 votes": sources[3:4]}, "9 votes vs 7 votes"),
        fact_record(4, vote, {"approved": sources[:2], "rejected": sources[2:4]}, None),
        agree,
    ]


@needs_chromium
def test_stories_rows_deep_links_and_phone_layout(thirty_sources, tmp_path):
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(thirty_sources, "30 sources"))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri())
        stories = page.locator("#stories tbody tr")
        assert [stories.nth(i).inner_text().split("\t") for i in range(stories.count())] == [
            ["Bridge collapse", "30", "2"],
            ["Council vote", "4", "2"],
            ["(no story)", "2", "0"],
        ]
        assert page.locator("#list tbody tr").count() == 5
        page.fill("#f-doc", "feed.jsonl")  # the agreement's pair stands in feed.jsonl, as review --doc finds it
        assert [r.get_attribute("data-id") for r in page.locator("#list tbody tr").all()] == ["0000000000000009"]
        page.fill("#f-doc", "")
        stories.filter(has_text="Council vote").click()
        rows = page.locator("#list tbody tr")
        assert rows.count() == 2 and "2 of 5 findings shown (story: Council vote)" in page.inner_text("#shown")
        stories.filter(has_text="Council vote").click()  # again: all stories
        assert rows.count() == 5
        page.fill("#f-doc", "source-20")  # in both bridge facts, in neither pair shown
        assert rows.count() == 2 and "2 of 5 findings shown" in page.inner_text("#shown")
        page.locator('#list tr[data-id="0000000000000002"]').click()  # an NLI finding
        page.select_option("#f-kind", "number")  # hides the selected finding: its detail goes too
        assert "Select a finding" in page.inner_text("#detail") and page.locator("#list tr.selected").count() == 0
        page.select_option("#f-kind", "")
        page.fill("#f-doc", "")
        stories.filter(has_text="Bridge collapse").click()
        assert rows.count() == 2
        first = page.locator('#list tr[data-id="0000000000000001"]')
        text = first.inner_text()
        assert "source-30.txt" in text and "source-01.txt" in text and "40 dead vs 12 dead" in text
        assert "Officials said 40 dead on day 1." in text and "Officials said 12 dead on day 1." in text
        assert (
            first.locator(".outlier").count() == 1
            and "source-30.txt" in first.locator(".outlier").locator("..").inner_text()
        )
        second = page.locator('#list tr[data-id="0000000000000002"]')
        read = 'NLI model: contradiction 0.90; the claims differ in "Monday" / "Tuesday"'  # as the terminal says it
        assert second.locator("td.ev").inner_text() == read
        assert second.locator(".outlier").count() == 0
        first.click()
        assert page.evaluate("location.hash") == "#0000000000000001"
        assert "40 dead vs 12 dead" in page.inner_text("#detail")
        assert page.evaluate("getComputedStyle(document.getElementById('detail')).position") == "sticky"
        page.screenshot(path=str(tmp_path / "desktop.png"), full_page=True)

        page.goto(page_path.as_uri() + "#0000000000000003")  # a deep link, in a fresh page
        page.reload()
        assert page.locator("#list tr.selected").get_attribute("data-id") == "0000000000000003"
        assert "9 votes vs 7 votes" in page.inner_text("#detail") and "story: Council vote" in page.inner_text(
            "#detail"
        )

        phone = browser.new_page(viewport={"width": 400, "height": 800})
        phone.goto(page_path.as_uri() + "#0000000000000001")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 404
        detail = phone.locator("#detail")
        assert phone.locator("#list tr.selected + tr.detail-row #detail").count() == 1  # right under its row
        box = detail.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 400
        assert "source-30.txt" in detail.inner_text() and "(stands alone)" in detail.inner_text()
        claims = phone.locator("#detail .claim")
        a, b = claims.nth(0).bounding_box(), claims.nth(1).bounding_box()
        assert a and b and b["y"] >= a["y"] + a["height"]  # the claims stack in one column
        phone.locator('#list tr[data-id="0000000000000004"]').click()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 404
        assert phone.evaluate("location.hash") == "#0000000000000004"
        phone.locator('#list tr[data-id="0000000000000001"]').click()
        phone.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    assert (tmp_path / "desktop.png").stat().st_size > 10_000 and (tmp_path / "phone.png").stat().st_size > 10_000


def test_terminal_review_filters_and_writes_decisions(records, tmp_path):
    import json

    from typer.testing import CliRunner

    from checker.baseline import load_baseline
    from checker.cli import app

    report, baseline = tmp_path / "r.jsonl", tmp_path / "baseline.json"
    report.write_text("".join(json.dumps(r) + "\n" for r in records))
    runner = CliRunner()
    listed = runner.invoke(app, ["review", str(report), "--list", "--label", "agree"])
    assert listed.exit_code == 0 and "1 of 2 findings match the filters\nby label: agree 1\n" in listed.stdout
    assert "a.txt:1: agree [number]" in listed.stdout and "contradict [nli]" not in listed.stdout
    reviewed = runner.invoke(
        app, ["review", str(report), "--baseline", str(baseline), "--search", "mayor"], input="d satire, not a claim\n"
    )
    assert reviewed.exit_code == 0, reviewed.output
    assert "1 of 1" in reviewed.stdout and "<script>window.pwned" in reviewed.stdout
    (entry,) = load_baseline(baseline)["results"]["a.txt"]
    assert (entry["id"], entry["decision"], entry["reason"]) == ("1111111111111111", "dismissed", "satire, not a claim")
    untouched = runner.invoke(app, ["review", str(report), "--baseline", str(baseline)], input="q\n")
    assert "No decisions made" in untouched.stdout


@needs_chromium
def test_the_page_of_checker_html_marks_what_the_baseline_holds_and_filters_on_it(
    thirty_sources, tmp_path, monkeypatch
):
    """In CI a reviewer opens the page to decide the new contradictions; it did not say which were new."""
    import json

    from typer.testing import CliRunner

    from checker.cli import app

    for record in thirty_sources:  # a report `checker html` reads: each pair with its claims
        ref = {key: record["a"][key] for key in ("doc_id", "text", "line", "span")}
        record["pairs"] = [pair | {"a": ref, "b": ref} for pair in record.get("pairs", [])]
        value = {"value": 12, "text": "12"}
        record["evidence"] = [e | {"unit": "dead", "polarity": "", "a": value, "b": value} for e in record["evidence"]]
    report = tmp_path / "report.jsonl"
    report.write_text("".join(json.dumps(r) + "\n" for r in thirty_sources))
    decided = {"id": "0000000000000001", "decision": "confirmed", "reviewer": "ana", "reason": "the toll is 12"}
    recorded = {"id": "0000000000000003", "decision": None, "recorded": "baseline"}
    baseline = {"version": 1, "settings": {}, "generated_at": None, "results": {"source-30.txt": [decided, recorded]}}
    (tmp_path / ".checker-baseline.json").write_text(json.dumps(baseline))
    monkeypatch.chdir(tmp_path)
    page_path = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["html", str(report), "-o", str(page_path)])  # the default baseline, found
    assert result.exit_code == 0, result.output
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri())
        assert "new (fails CI): 2" in page.inner_text("#totals")
        page.select_option("#f-review", "new")
        rows = page.locator("#list tbody tr")
        assert [r.get_attribute("data-id") for r in rows.all()] == ["0000000000000002", "0000000000000004"]
        page.select_option("#f-review", "confirmed")
        rows.first.click()
        assert "Review: confirmed by ana: the toll is 12" in page.inner_text("#detail")
        page.select_option("#f-review", "in the baseline")
        assert "in the baseline" in rows.first.inner_text()
    missing = CliRunner().invoke(app, ["html", str(report), "-o", str(page_path), "--baseline", "typo.json"])
    assert missing.exit_code == 0 and "no baseline at typo.json: the page shows no review" in missing.stderr
    assert '"review"' not in page_path.read_text()


def test_a_report_read_from_another_folder_finds_its_articles_beside_it_or_says_it_cannot(
    records, tmp_path, monkeypatch
):
    """(audit) `checker html` and `checker review` run from another folder showed every claim without its context,
    silently: the report names its articles as `checker run` was given them, relative to where it ran."""
    import json

    from typer.testing import CliRunner

    from checker.cli import app

    for record in records:
        for side in ("a", "b"):
            record[side]["path"] = Path(record[side]["path"]).name  # as a run in tmp_path writes them
    report = tmp_path / "r.jsonl"
    report.write_text("".join(json.dumps(r) + "\n" for r in records))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    runner = CliRunner()
    found = runner.invoke(app, ["html", str(report), "-o", "page.html"])
    assert found.exit_code == 0 and "warning" not in found.stderr, found.output
    assert "Intro line." in (elsewhere / "page.html").read_text()  # the context before the first claim
    moved = tmp_path / "out" / "r.jsonl"
    moved.parent.mkdir()
    report.rename(moved)
    lost = runner.invoke(app, ["html", str(moved), "-o", "page.html"])
    assert lost.exit_code == 0
    assert "checker: warning: could not read a.txt and 1 more as the report has it" in lost.stderr
    reviewed = runner.invoke(app, ["review", str(moved), "--baseline", "b.json"], input="q\n")
    assert reviewed.exit_code == 0 and "could not read a.txt and 1 more" in reviewed.stderr
    (elsewhere / "a.txt").write_text("Another article altogether, of the same name.\n")  # (review) a stale copy here
    moved.rename(report)
    beside = runner.invoke(app, ["html", str(report), "-o", "page.html"])
    assert "warning" not in beside.stderr and "Intro line." in (elsewhere / "page.html").read_text()


def test_the_terminal_review_marks_a_cut_only_where_the_article_goes_on(records, tmp_path):
    """(audit) "…" stood before every claim's context, the article's first sentence's too."""
    from checker.html import ArticleTexts
    from checker.review import claim_view

    shown = claim_view(records[0], "a", ArticleTexts(tmp_path)).plain  # a.txt: "Intro line." then the claim
    assert "…" not in shown and "Intro line." in shown
    long_before = "Earlier news. " * 40
    (tmp_path / "a.txt").write_text(long_before + "Intro line.\n" + records[0]["a"]["text"] + "\n")
    start = len(long_before) + len("Intro line.\n")
    records[0]["a"]["span"] = [start, start + len(records[0]["a"]["text"])]
    assert claim_view(records[0], "a", ArticleTexts(tmp_path)).plain.splitlines()[1].startswith("…")


@needs_chromium
def test_a_feed_records_claim_is_placed_by_its_record_not_a_line_of_its_text(records, tmp_path):
    """(audit) A claim of line 1 of feed.jsonl was shown as "valley-ferry · line 7": the 7th line of its text."""
    records[0]["b"] |= {"doc_id": "valley-ferry", "path": "feed.jsonl:1", "line": 7, "source": "Valley News"}
    detail = finding_detail(render_html(records), tmp_path)
    assert "valley-ferry (feed.jsonl:1) · Valley News" in detail and "line 7" not in detail
    assert "a.txt · line 2" in detail  # an article file keeps its id and line


@needs_chromium
def test_the_detail_says_what_the_score_means_and_how_to_decide_the_finding(records, tmp_path):
    """(audit) A reviewer on the page could neither tell what 0.21 meant nor how to record a decision."""
    detail = finding_detail(render_html(records, review_command="checker review r.jsonl"), tmp_path)
    decided = {"1111111111111111": {"state": "confirmed", "reviewer": "ana"}}
    decided_detail = finding_detail(
        render_html(records, reviews=decided, review_command="checker review r.jsonl"), tmp_path
    )
    assert "Score 0.90: readers confirmed about 90 in 100 contradictions like it on real news." in detail
    assert "To decide it: checker review r.jsonl --id 1111111111111111" in detail
    assert "To decide it" not in decided_detail  # (review) a decided finding has nothing left to decide


def test_the_pages_review_command_names_the_report_and_baseline_it_read_quoted(records, tmp_path, monkeypatch):
    """(review) The command named no --baseline the page was made with, so the decision went to another file; a
    report written to standard output is no file the command can read."""
    import json

    from typer.testing import CliRunner

    from checker.cli import _review_command, app

    report = tmp_path / "out dir" / "it's.jsonl"
    report.parent.mkdir()
    report.write_text("".join(json.dumps(r) + "\n" for r in records))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["html", str(report), "--baseline", "missing.json", "-o", "page.html"])
    assert result.exit_code == 0, result.output
    expected = f"checker review '{tmp_path}/out dir/it'\"'\"'s.jsonl' --baseline missing.json"
    assert json.dumps(expected) in (tmp_path / "page.html").read_text()
    assert _review_command(Path("/dev/stdout")) == ""


def test_the_review_summary_counts_each_source_of_a_fact_not_only_the_pair_shown(records):
    """(audit) "by sources: a.txt ~ b.txt 2": c.txt, which gives a version of the first fact, was in no count."""
    from checker.review import summary_lines

    assert summary_lines(records)[-1] == "by source: a.txt 2, b.txt 2, c.txt 1"


def test_page_data_places_a_feed_records_claim_by_its_record(records):
    """What the page's header shows for a claim of a JSONL record, without a browser (review)."""
    from checker.html import page_data

    records[0]["b"] |= {"doc_id": "valley-ferry", "path": "feed.jsonl:1", "line": 7}
    shown = page_data(records)[0]["records"]
    assert shown == {"a": "", "b": "valley-ferry (feed.jsonl:1)"}


def test_a_crafted_report_reads_no_file_but_articles_under_the_working_or_report_folder(tmp_path, monkeypatch):
    """(security audit) A report naming /etc/passwd, with its first characters as the claim, put the file's next
    320 characters in the page; an empty claim matched anywhere, so a report of many lines leaked a whole file."""
    from checker.html import claim_context

    (tmp_path / "work").mkdir()
    (tmp_path / "reports").mkdir()
    (tmp_path / "outside").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    secret = "The vault code is 4711 and the key is in the desk."
    (tmp_path / "outside" / "notes.txt").write_text(secret)
    (tmp_path / "outside" / "id_rsa").write_text(secret)
    (tmp_path / "work" / "id_rsa").write_text(secret)
    (tmp_path / "work" / "article.txt").write_text(secret)
    texts = ArticleTexts(tmp_path / "reports")

    def shown(path: str, text: str = "The vault code") -> dict:
        return claim_context({"path": path, "span": [0, len(text)], "text": text}, texts)

    assert shown("article.txt")["after"].startswith(" is 4711")  # an article where the report says it is
    for path in (str(tmp_path / "outside" / "notes.txt"), "../outside/notes.txt", "id_rsa", "../outside/id_rsa"):
        assert shown(path) == {"before": "", "claim": "The vault code", "after": ""}, path
    assert shown("article.txt", "") == {"before": "", "claim": "", "after": ""}
    # (review) a link named like an article, to a file that is none; a loop of links
    (tmp_path / "work" / "notes.txt").symlink_to(tmp_path / "work" / "id_rsa")
    (tmp_path / "work" / "loop.txt").symlink_to(tmp_path / "work" / "loop.txt")
    assert shown("notes.txt")["after"] == "" and shown("loop.txt")["after"] == ""
