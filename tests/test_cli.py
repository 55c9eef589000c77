"""The command line as a user runs it: reports, summaries, warnings and exit codes."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.report import SCHEMA_PATH, read_report

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["run", *args])


def test_report_summary_and_fail_on(corpus, tmp_path, tiny_model):
    report, summary = tmp_path / "out" / "report.jsonl", tmp_path / "summary.json"
    result = run(
        *(str(corpus), "--model", str(tiny_model), "-o", str(report), "--summary", str(summary)),
        *("--fail-on", "contradict", "--html", str(tmp_path / "report.html")),
    )
    assert result.exit_code == 1, result.output
    assert "2 documents" in result.stdout and f"Wrote 1 finding(s) to {report}" in result.stdout
    (finding,) = read_report(report)
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.validate(finding, schema)
    assert (finding["label"], finding["kind"]) == ("contradict", "number")
    assert {finding["a"]["doc_id"], finding["b"]["doc_id"]} == {"a.txt", "b.md"}
    for side in ("a", "b"):
        text = (corpus / finding[side]["doc_id"]).read_text()
        start, end = finding[side]["span"]
        assert text[start:end] == finding[side]["text"] and finding[side]["line"] == 2
    assert "The resolution got 4 votes against" in (tmp_path / "report.html").read_text()
    stats = json.loads(summary.read_text())
    assert stats["findings"]["contradict"] == 1 and stats["documents"] == 2
    assert [story["facts"] for story in stats["stories"]] == [
        1
    ] and "stories 1 (1 with contradictions)" in result.stdout


def test_a_feed_names_each_source_its_outlet_and_time_and_a_reprint_counts_once(tmp_path, tiny_model):
    """A day's feed: two outlets give 18, an agency's reprint gives its 4 again. The report named sources by id
    alone, with no time, and the reprint made 4 a majority against the one independent 18."""
    from tests.helpers import VOTE_A, VOTE_B

    rows = [
        {"id": "afp", "text": VOTE_B, "source": "AFP", "published": "Wed, 22 Oct 2014 10:15:00 +0000"},
        {"id": "yahoo", "text": VOTE_B, "source": "Yahoo News", "published": "2014-10-22T11:00:00Z"},
        {
            "id": "bbc",
            "text": VOTE_A,
            "source": "BBC",
            "published": "2014-10-22T18:30:00+01:00",
            "url": "https://bbc.example/1",
        },
    ]
    feed, report = tmp_path / "feed.jsonl", tmp_path / "report.jsonl"
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows))
    result = run(str(feed), "--model", str(tiny_model), "-o", str(report))
    assert result.exit_code == 0, result.output
    (finding,) = read_report(report)
    jsonschema.validate(finding, json.loads(SCHEMA_PATH.read_text()))
    fact = finding["fact"]
    assert fact["majority"] is None and fact["outliers"] == [] and fact["copies"] == {"yahoo": "afp"}
    assert not fact["in_publication_order"]  # 10:15 and 11:00 UTC, then 17:30: but one voice each, no update shown
    assert [v["value"] for v in fact["versions"]] == ["4", "18"]
    assert {finding[side]["published"] for side in ("a", "b")} == {
        "2014-10-22T10:15:00+00:00",
        "2014-10-22T18:30:00+01:00",
    }
    assert '"4": afp (AFP, 2014-10-22 10:15 UTC), yahoo (Yahoo News, 2014-10-22 11:00' in result.stdout
    assert "same text as afp)" in result.stdout and '"18": bbc (BBC, 2014-10-22 18:30 +01:00)' in result.stdout
    assert "versions in order of publication" not in result.stdout
    # the address a reviewer opens the article at, where the feed gives one
    assert {finding[side].get("url") for side in ("a", "b")} == {"https://bbc.example/1", None}
    assert {c.get("url") for v in fact["versions"] for c in v["claims"]} == {"https://bbc.example/1", None}


def test_same_input_same_report(corpus, tmp_path, tiny_model):
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    for path in (first, second):
        assert (
            run(
                str(corpus),
                "--model",
                str(tiny_model),
                "-o",
                str(path),
                "--include",
                "contradict,agree,unrelated",
                "-q",
            ).exit_code
            == 0
        )
    assert first.read_bytes() == second.read_bytes() and first.read_text().strip()


def test_bad_inputs_are_named_and_the_rest_is_reported(corpus, tmp_path, tiny_model):
    (corpus / "empty.txt").write_text("")
    (corpus / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (corpus / "feed.jsonl").write_text(
        '{"id": "ok", "text": "The resolution got 7 votes against in the General Assembly."}\n{broken\n'
    )
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (corpus / "legacy.txt").write_bytes("Le président a signé l'accord à Genève hier soir.\n".encode("latin-1"))
    report = tmp_path / "r.jsonl"
    result = run(
        str(corpus),
        str(tmp_path / "notes.docx"),
        str(tmp_path / "missing"),
        "--model",
        str(tiny_model),
        "-o",
        str(report),
    )
    assert result.exit_code == 0, result.output
    errors = result.stderr
    assert f"skipped {corpus / 'empty.txt'}: empty file" in errors
    assert f"skipped {corpus / 'image.txt'}: binary file" in errors
    assert f"skipped {corpus / 'feed.jsonl'}:2: invalid JSON" in errors
    assert f"skipped {tmp_path / 'notes.docx'}: unsupported file type '.docx'" in errors
    assert f"skipped {tmp_path / 'missing'}: no such file or directory" in errors
    assert "legacy.txt" not in errors  # legacy encodings are decoded, not skipped
    assert "4 documents" in result.stdout
    docs = {f[side]["doc_id"] for f in read_report(report) for side in ("a", "b")}
    assert docs <= {"a.txt", "b.md", "ok"} and "ok" in docs


def test_missing_model_exits_2_and_keeps_the_previous_report(corpus, tmp_path):
    report = tmp_path / "r.jsonl"
    report.write_text('{"previous": true}\n')
    result = run(str(corpus), "--model", str(tmp_path / "no-such-model"), "-o", str(report))
    assert result.exit_code == 2
    assert "checker: error: NLI model" in result.stderr and "not a local directory" in result.stderr
    assert report.read_text() == '{"previous": true}\n'


def test_no_readable_documents_exits_2(tmp_path, tiny_model):
    result = run(str(tmp_path / "nothing-here"), "--model", str(tiny_model))
    assert result.exit_code == 2 and "no readable documents" in result.stderr


def test_unknown_label_is_a_usage_error(corpus, tiny_model):
    result = run(str(corpus), "--model", str(tiny_model), "--include", "maybe")
    assert result.exit_code == 2 and "unknown label(s) maybe" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["html"], "Missing argument 'report'; see 'checker html --help'"),
        (["run", "--bogus", "x"], "No such option: --bogus; see 'checker run --help'"),
        (["bogus"], "No such command 'bogus'; see 'checker --help'"),
        (["review", "r.jsonl", "--min-score", "high"], "Invalid value for '--min-score'"),
    ],
)
def test_a_usage_error_is_one_error_line_as_every_other_error(args, message):
    """`checker html` with no report printed the usage, a hint and a boxed error: a CI log's error lines, and the
    README's "each shown as one line `checker: error: …`", missed it."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"checker: error: {message}")
    assert runner.invoke(app, []).stdout.lstrip().startswith("Usage: checker")  # alone, it shows the help


def test_help_reads_well():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "Find where news sources disagree" in result.stdout
    result = runner.invoke(app, ["run", "--help"])
    assert "--fail-on" in result.stdout and "--include" in result.stdout


def test_ignored_kinds_are_left_out_of_the_report_and_the_exit_code(corpus, tmp_path, tiny_model):
    report = tmp_path / "report.jsonl"
    result = run(
        *(str(corpus), "--model", str(tiny_model), "-o", str(report)),
        *("--ignore-kind", "number", "--fail-on", "contradict"),
    )
    assert result.exit_code == 0, result.output
    assert read_report(report) == []
    assert "contradict 0" in result.stdout
    (tmp_path / "checker.toml").write_text('ignore_kinds = ["nli"]\n')
    result = run(str(corpus), "--model", str(tiny_model), "-o", str(report), "--config", str(tmp_path / "checker.toml"))
    assert [f["kind"] for f in read_report(report)] == ["number"]


def test_failing_on_a_label_the_report_leaves_out_is_a_usage_error(corpus, tmp_path, no_model_work):
    """`--include agree --fail-on contradict` exited 0 whatever the sources said: a CI job that could never fail."""
    result = run(str(corpus), "--include", "agree", "--fail-on", "contradict")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "checker: error: --fail-on contradict: the report leaves it out (--include or the configuration reports"
        " only agree); add it there"
    )
    (tmp_path / "checker.toml").write_text('include = ["agree", "unrelated"]\n')
    result = run(str(corpus), "--fail-on", "contradict", "--config", str(tmp_path / "checker.toml"))
    assert result.exit_code == 2 and "reports only agree,unrelated)" in result.stderr


def test_unknown_kind_is_a_usage_error(corpus, tmp_path, tiny_model):
    result = run(str(corpus), "--model", str(tiny_model), "--ignore-kind", "numbers")
    assert result.exit_code == 2 and "unknown kind(s) numbers" in result.output
    (tmp_path / "checker.toml").write_text('ignore_kinds = ["model"]\n')
    result = run(str(corpus), "--model", str(tiny_model), "--config", str(tmp_path / "checker.toml"))
    assert result.exit_code == 2 and "ignore_kinds: unknown kind(s) model" in result.stderr


def test_a_model_that_cannot_be_compiled_is_a_warning_after_the_run_not_a_failure(corpus, tmp_path, monkeypatch):
    from checker import encoders
    from tests.test_encoders import no_compiler

    monkeypatch.setattr(encoders, "CompiledLogits", no_compiler)
    monkeypatch.setattr("torch.cuda.is_available", lambda: False)  # compiled on the CPU only
    (tmp_path / "checker.toml").write_text("nli_compile_min_inputs = 1\n")
    report = tmp_path / "report.jsonl"
    result = run(str(corpus), "-o", str(report), "--config", str(tmp_path / "checker.toml"), "-q")
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if line.startswith("checker: warning: ")]
    assert warned == [
        "checker: warning: the NLI model runs uncompiled: compiling it failed (InvalidCxxCompiler: No working C++ "
        "compiler found); nli_compile_min_inputs = 0 skips trying"
    ]
    assert read_report(report)


def test_other_warnings_are_shown_during_a_run_with_an_index(corpus, tmp_path, tiny_model, monkeypatch):
    """Only the index's and the model's warnings wait for the end of the run; none is swallowed."""
    import warnings

    from checker.pipeline import Checker

    extract = Checker.extract_claims

    def warn_then_extract(self, documents, progress):
        warnings.warn("a parser's own warning", UserWarning, stacklevel=1)
        return extract(self, documents, progress)

    monkeypatch.setattr(Checker, "extract_claims", warn_then_extract)
    args = (str(corpus), "--model", str(tiny_model), "-q", "-o", str(tmp_path / "r.jsonl"))
    with pytest.warns(UserWarning, match="a parser's own warning"):  # passed on to the handler in place
        result = run(*args, "--index", str(tmp_path / "index.sqlite"))
    assert result.exit_code == 0, result.output
