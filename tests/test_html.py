"""The HTML report in a real browser (headless Chromium from Debian, driven by Playwright)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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
                    {"value": "posted nothing", "documents": ["b.txt", "c.txt"], "claims": []},
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


def test_article_text_is_escaped_in_the_file(records):
    page = render_html(records)
    assert "<script>window.pwned" not in page and "\\u003cscript\\u003ewindow.pwned" in page


@pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (Debian package 'chromium'); scripts/test.sh installs it"
)
def test_page_filters_opens_a_finding_and_shows_text_as_text(records, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a test dependency")
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(records, "seeds"))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri())
        assert page.locator("#list tbody tr").count() == 2
        page.select_option("#f-label", "contradict")
        rows = page.locator("#list tbody tr")
        assert rows.count() == 1 and "1 of 2 findings shown" in page.inner_text("#shown")
        rows.first.click()
        detail = page.inner_text("#detail")
        assert "<script>window.pwned = true</script>" in detail  # shown as text
        assert "The mayor posted nothing on Friday." in detail and "contradiction 0.90" in detail
        assert "NLI b to a: not scored" in detail
        assert '"posted <script>" a.txt (stands alone)' in detail and '"posted nothing" b.txt, c.txt' in detail
        assert "story: The mayor's post" in detail and "2 claim pair(s) behind this fact" in detail
        assert page.evaluate("window.pwned === undefined")
        assert page.locator("#detail mark").count() == 2
        assert "Intro line." in page.locator("#detail .context").first.inner_text()  # context around the claim
        assert page.inner_text("#matrix").count("1 / 1") == 2
        page.screenshot(path=str(Path(tmp_path) / "report.png"), full_page=True)
        browser.close()
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_terminal_review_filters_and_writes_decisions(records, tmp_path):
    import json

    from typer.testing import CliRunner

    from checker.baseline import load_baseline
    from checker.cli import app

    report, baseline = tmp_path / "r.jsonl", tmp_path / "baseline.json"
    report.write_text("".join(json.dumps(r) + "\n" for r in records))
    runner = CliRunner()
    listed = runner.invoke(app, ["review", str(report), "--list", "--label", "agree"])
    assert listed.exit_code == 0 and "by label: contradict 1, agree 1" in listed.stdout
    assert "a.txt:1: agree [number]" in listed.stdout and "contradict [nli]" not in listed.stdout
    reviewed = runner.invoke(
        app, ["review", str(report), "--baseline", str(baseline), "--search", "mayor"], input="d\nsatire, not a claim\n"
    )
    assert reviewed.exit_code == 0, reviewed.output
    assert "1 of 1" in reviewed.stdout and "<script>window.pwned" in reviewed.stdout
    (entry,) = load_baseline(baseline)["results"]["a.txt"]
    assert (entry["id"], entry["decision"], entry["reason"]) == ("1111111111111111", "dismissed", "satire, not a claim")
    untouched = runner.invoke(app, ["review", str(report), "--baseline", str(baseline)], input="q\n")
    assert "No decisions made" in untouched.stdout
