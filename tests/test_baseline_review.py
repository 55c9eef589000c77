"""The baseline's schema, review decisions, what CI holds back, and the index's failure modes."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
import typer
from filelock import FileLock
from jsonschema import Draft202012Validator
from rich.console import Console
from typer.testing import CliRunner

from checker import index as index_module
from checker.baseline import (
    SCHEMA_PATH,
    BaselineError,
    decide_record,
    decisions,
    entries,
    entry_for,
    load_baseline,
    review_states,
    unreviewed,
    update_baseline,
    write_baseline,
)
from checker.cli import app
from checker.index import Index, IndexUnavailable, IndexWarning
from checker.interrupts import Terminated
from checker.records import Document
from checker.review import KEY_HELP, audit
from tests.helpers import annotated, make_claim
from tests.test_ci import ARTICLES, baseline_args, ci_options

runner = CliRunner()
EMPTY = {"version": 1, "settings": {}, "generated_at": None, "results": {}}


def side(doc_id: str, text: str, line: int) -> dict:
    return {
        "doc_id": doc_id,
        "path": doc_id,
        "source": "",
        "text": text,
        "standalone": text,
        "sentence": text,
        "span": [0, len(text)],
        "line": line,
        "column": 1,
        "end_line": line,
        "end_column": len(text) + 1,
    }


def finding(n: int) -> dict:
    """A report record (valid against finding.schema.json) whose id is n in 16 hex digits."""
    return {
        "schema_version": 2,
        "id": f"{n:016x}",
        "label": "contradict",
        "kind": "number",
        "score": 0.9,
        "similarity": 0.8,
        "a": side("a.txt", f"The resolution got {n} votes against.", n),
        "b": side("b.txt", "The resolution got 99 votes against.", 1),
        "nli": None,
        "evidence": [],
        "model": {"name": "m", "hash": "h"},
    }


def answers(*replies: str):
    """An `ask` that gives `replies` in order."""
    queue = iter(replies)
    return lambda prompt: next(queue)


def quiet_console() -> Console:
    return Console(file=io.StringIO(), width=200)


def baseline_file(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / ".checker-baseline.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# baseline schema -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"version": 1, "results": {"a.txt": "oops"}}', "results['a.txt']: 'oops' is not of type 'array'"),
        ('[{"no_id": 1}]', "top level: [{...}] is not of type 'object'"),
        ('{"version": 1, "results": {"a.txt": [{"kind": "nli"}]}}', "results['a.txt'][0]: 'id' is a required property"),
        (
            '{"version": 1, "results": {"a.txt": [{"id": "x", "decision": "maybe"}]}}',
            "results['a.txt'][0].decision: 'maybe' is not one of ['confirmed', 'dismissed', None]",
        ),
        ('{"version": 2, "results": {}}', "version: 1 was expected"),
        (
            '{"version": 1, "results": {"a.txt": [{"id": "x", "versions": ["4", "18"]}]}}',
            "results['a.txt'][0]: 'kind' is a dependency of 'versions'",
        ),
    ],
)
def test_a_baseline_of_the_wrong_shape_is_named_by_file_and_json_path(tmp_path, content, problem):
    path = baseline_file(tmp_path, content)
    with pytest.raises(BaselineError) as caught:
        load_baseline(path)
    assert str(caught.value) == f"{path}: {problem}"


def test_a_large_wrong_value_is_quoted_short(tmp_path):
    path = baseline_file(tmp_path, json.dumps([{"id": "x" * 100, "line": 3}] * 500))
    with pytest.raises(BaselineError, match="is not of type 'object'") as caught:
        load_baseline(path)
    assert len(str(caught.value)) < len(str(path)) + 80 and "\n" not in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32", "utf-16-be"])
def test_a_baseline_in_any_unicode_encoding_is_read(tmp_path, encoding):
    data = EMPTY | {"results": {"é.txt": [{"id": "0000000000000001", "decision": "dismissed"}]}}
    path = baseline_file(tmp_path, json.dumps(data, ensure_ascii=False).encode(encoding))
    assert load_baseline(path) == data


def test_bytes_in_no_unicode_encoding_are_an_error(tmp_path):
    path = baseline_file(tmp_path, '{"version": 1, "results": {"é.txt": []}}'.encode("latin-1"))
    with pytest.raises(BaselineError, match=r"not a readable baseline \('utf-8' codec can't decode byte 0xe9"):
        load_baseline(path)


def test_what_checker_writes_matches_the_schema(tmp_path):
    Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    baseline = update_baseline(EMPTY, [finding(1), finding(2)], {"model": "m"})
    audit([finding(2), finding(3)], baseline, quiet_console(), answers("d", "same", "c", ""), reviewer="ana")
    path = tmp_path / "b.json"
    write_baseline(path, baseline)
    assert load_baseline(path)["results"]["a.txt"] == sorted(entries(baseline).values(), key=lambda e: e["line"])


# what CI holds back ----------------------------------------------------------------
def test_checker_baseline_records_on_purpose_and_keeps_decisions():
    previous = EMPTY | {"results": {"a.txt": [{"id": finding(1)["id"], "decision": "dismissed", "reviewer": "ana"}]}}
    updated = entries(update_baseline(previous, [finding(1), finding(2)], {}))
    assert {e["recorded"] for e in updated.values()} == {"baseline"}
    assert updated[finding(1)["id"]]["reviewer"] == "ana" and updated[finding(2)["id"]]["decision"] is None


def test_checker_baseline_keeps_a_decision_on_a_fact_whose_id_an_earlier_version_wrote_otherwise():
    """Fact ids now hash a figure's value; `checker baseline` after the upgrade dropped the reviewer's decisions."""
    versions = [{"value": "four", "documents": ["a.txt"]}, {"value": "18", "documents": ["b.txt"]}]
    record = finding(3) | {"fact": {"subject": "vot against", "versions": versions}}
    old = entry_for(record) | {"id": "0" * 16, "decision": "confirmed", "reviewer": "ana", "reason": "a typo"}
    updated = entries(update_baseline(EMPTY | {"results": {"a.txt": [old]}}, [record], {}))
    assert (updated[record["id"]]["decision"], updated[record["id"]]["reason"]) == ("confirmed", "a typo")
    # nor does a review ask about it again, and the page shows the decision
    assert not audit([record], EMPTY | {"results": {"a.txt": [old]}}, quiet_console(), answers())
    assert review_states([record], EMPTY | {"results": {"a.txt": [old]}})[record["id"]]["state"] == "confirmed"
    elsewhere = record | {"fact": {"subject": "vot against", "versions": [versions[0] | {"documents": ["x.txt"]}]}}
    assert (
        entries(update_baseline(EMPTY | {"results": {"a.txt": [old]}}, [elsewhere], {}))[record["id"]]["decision"]
        is None
    )  # another story's fact with those versions: not the one decided


def test_ci_holds_back_only_decided_or_recorded_findings():
    records = [finding(n) for n in range(1, 5)]
    baseline = EMPTY | {
        "results": {
            "a.txt": [
                {"id": records[0]["id"], "decision": None},  # an older review wrote it: holds nothing back
                {"id": records[1]["id"], "decision": None, "recorded": "baseline"},
                {"id": records[2]["id"], "decision": "dismissed"},
            ]
        }
    }
    assert [r["id"] for r in unreviewed(records, baseline)] == [records[0]["id"], records[3]["id"]]


def test_a_decision_on_an_entry_an_older_version_wrote_adds_what_holds_back_the_rest_of_its_fact():
    versions = [{"value": "99", "documents": ["b.txt"]}, {"value": "7", "documents": ["a.txt", "c.txt"]}]
    record = finding(7) | {"fact": {"subject": "vote against", "versions": versions}}
    baseline = EMPTY | {"results": {"a.txt": [{"id": record["id"], "decision": None}]}}
    decide_record(baseline, record, "confirmed")
    (entry,) = entries(baseline).values()
    assert (entry["decision"], entry["versions"], entry["documents"]) == (
        "confirmed",
        ["7", "99"],
        ["a.txt", "b.txt", "c.txt"],
    )
    fewer = finding(8) | {
        "fact": {"subject": "vote against", "versions": [versions[0], {"value": "7", "documents": ["c.txt"]}]}
    }
    other_story = finding(9) | {
        "fact": {"subject": "vote against", "versions": [{"value": "7", "documents": ["x.txt"]}, versions[0]]}
    }
    assert unreviewed([fewer, other_story], baseline) == [other_story]


def test_one_fact_in_another_story_is_new_though_its_id_is_the_reviewed_ones():
    """ "Former President Trump" against "President Trump" in a golf story has the id of the same discrepancy
    dismissed in the Putin story; CI held it back, and the golf story's contradiction was never seen."""
    versions = [{"value": "former president", "documents": ["001"]}, {"value": "president", "documents": ["000"]}]
    reviewed = finding(7) | {"kind": "title", "fact": {"subject": "trump", "versions": versions}}
    baseline = EMPTY | {"results": {}}
    decide_record(baseline, reviewed, "dismissed")
    golf = [{"value": "former president", "documents": ["golf-1"]}, {"value": "president", "documents": ["golf-2"]}]
    other_story = reviewed | {"fact": {"subject": "trump", "versions": golf}}
    joined = [versions[0], {"value": "president", "documents": ["000", "005"]}]
    new_source = reviewed | {"fact": {"subject": "trump", "versions": joined}}  # a new article repeats a version
    assert unreviewed([reviewed, other_story, new_source], baseline) == [other_story]
    # nor is it shown decided, skipped by a review, or given the other story's decision by `checker baseline`
    assert review_states([other_story], baseline)[other_story["id"]]["state"] == "new"
    assert decisions([other_story], baseline) == {}  # what a review skips as decided
    assert entries(update_baseline(baseline, [other_story], {}))[other_story["id"]]["decision"] is None


def test_a_page_is_told_what_the_baseline_says_of_each_contradiction_as_ci_reads_it():
    """A reviewer opening the page could not tell the new contradictions, the ones failing CI, from those decided."""
    records = [finding(n) for n in range(1, 5)] + [finding(5) | {"label": "agree"}]
    baseline = EMPTY | {
        "results": {
            "a.txt": [
                {"id": records[0]["id"], "decision": None},  # an older review wrote it: holds nothing back
                {"id": records[1]["id"], "decision": None, "recorded": "baseline"},
                {"id": records[2]["id"], "decision": "dismissed", "reviewer": "ana", "reason": "two votes"},
            ]
        }
    }
    states = review_states(records, baseline)
    assert [states[r["id"]]["state"] for r in records[:4]] == ["new", "in the baseline", "dismissed", "new"]
    assert states[records[2]["id"]] == {"state": "dismissed", "reviewer": "ana", "reason": "two votes"}
    assert records[4]["id"] not in states  # an agreement fails no CI
    assert {r["id"] for r in unreviewed(records[:4], baseline)} == {
        i for i, state in states.items() if state["state"] == "new"
    }


# review ----------------------------------------------------------------------------
def test_quitting_a_review_writes_only_the_decided_findings():
    records = [finding(n) for n in range(1, 8)]
    baseline = json.loads(json.dumps(EMPTY))
    ask = answers("c", "same vote", "s", "d", "", "q")
    assert audit(records, baseline, quiet_console(), ask, reviewer="ana")
    decided = entries(baseline)
    assert {i: e["decision"] for i, e in decided.items()} == {
        records[0]["id"]: "confirmed",
        records[2]["id"]: "dismissed",
    }
    assert {e["reviewer"] for e in decided.values()} == {"ana"} and decided[records[0]["id"]]["reason"] == "same vote"
    assert len(unreviewed(records, baseline)) == 5


def test_an_unknown_key_is_named_and_asked_again():
    console = quiet_console()
    keys = answers("x", "", "d")
    assert audit([finding(1)], json.loads(json.dumps(EMPTY)), console, answers("a typo"), read_key=keys)
    shown = console.file.getvalue()
    assert f"unknown key 'x': {KEY_HELP}\n" in shown and f"unknown key '': {KEY_HELP}\n" in shown
    assert KEY_HELP == "c confirm, d dismiss, s skip, b back, q quit" and shown.count("1 of 1") == 1


def test_a_review_shows_what_the_model_read_and_which_evidence_agrees():
    """A model-only contradiction was shown with "evidence: entity_set: the same participants" alone."""
    record = finding(1) | {
        "kind": "nli",
        "nli": {"a_to_b": {"contradiction": 0.92, "entailment": 0.05, "neutral": 0.03}, "b_to_a": None},
        "evidence": [{"kind": "entity_set", "contradicts": False, "message": "the same participants (WHO)"}],
    }
    console = quiet_console()
    audit([record], json.loads(json.dumps(EMPTY)), console, answers(), read_key=answers("q"))
    shown = console.file.getvalue()
    assert "NLI model: contradiction 0.92; the claims differ in" in shown
    assert "evidence (agrees): entity_set: the same participants (WHO)" in shown


def test_review_command_writes_the_reviewer(tmp_path):
    report, baseline = tmp_path / "r.jsonl", tmp_path / "baseline.json"
    report.write_text("".join(json.dumps(finding(n)) + "\n" for n in (1, 2)))
    args = ["review", str(report), "--baseline", str(baseline), "--reviewer", "ana"]
    result = runner.invoke(app, args, input="?\nc same vote\nq\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("unknown key '?'") == 1
    (entry,) = load_baseline(baseline)["results"]["a.txt"]
    assert (entry["decision"], entry["reviewer"], entry["reason"]) == ("confirmed", "ana", "same vote")


def test_keys_piped_in_are_a_line_each_with_the_reason_after_the_key(tmp_path):
    """A script piping "d", "d", "c" had its second "d" read as the first one's reason, and "c" as a reason too."""
    report, baseline = tmp_path / "r.jsonl", tmp_path / "baseline.json"
    report.write_text("".join(json.dumps(finding(n)) + "\n" for n in (1, 2, 3)))
    args = ["review", str(report), "--baseline", str(baseline), "--reviewer", "ana"]
    assert runner.invoke(app, args, input="d\nd toll update\nc\n").exit_code == 0
    entries = [e for file in load_baseline(baseline)["results"].values() for e in file]
    decided = sorted((e["decision"], e.get("reason", "")) for e in entries)
    assert decided == [("confirmed", ""), ("dismissed", ""), ("dismissed", "toll update")]


@pytest.mark.parametrize(("stop", "code"), [(Terminated, 143), (KeyboardInterrupt, 130)])
def test_a_review_stopped_by_sigterm_or_ctrl_c_keeps_the_decisions_made_and_exits_143_or_130(
    stop, code, tmp_path, monkeypatch
):
    """SIGTERM at a prompt was read as an empty answer and the review waited for the next one, until killed; Ctrl-C
    saved the decisions and exited 0, which a script reads as a review done."""
    report, baseline = tmp_path / "r.jsonl", tmp_path / "baseline.json"
    report.write_text("".join(json.dumps(finding(n)) + "\n" for n in (1, 2)))
    answers = iter(["c same vote"])

    def prompt(text, **options):  # as click's prompt: Ctrl-C (and so SIGTERM, a KeyboardInterrupt) is an Abort
        try:
            answer = next(answers, None)
            if answer is None:
                raise stop
            return answer
        except KeyboardInterrupt:
            raise typer.Abort() from None

    monkeypatch.setattr("checker.cli.typer.prompt", prompt)
    result = runner.invoke(app, ["review", str(report), "--baseline", str(baseline), "--reviewer", "ana"])
    assert result.exit_code == code, result.output
    assert "stopped; the decisions made were saved" in result.stderr
    (entry,) = load_baseline(baseline)["results"]["a.txt"]
    assert (entry["decision"], entry["reason"]) == ("confirmed", "same vote")


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--label", "contradiction"], "unknown label(s) contradiction; choose from contradict, agree, unrelated"),
        (["--kind", "numbers"], "unknown kind(s) numbers; choose from nli,"),
        (["--kind", "number,date"], "--kind takes one kind"),
    ],
)
def test_review_refuses_a_filter_that_could_only_list_nothing(option, message, tmp_path):
    """ "Found 0 findings" after a typo reads as nothing left to review."""
    report = tmp_path / "r.jsonl"
    report.write_text(json.dumps(finding(1)) + "\n")
    result = runner.invoke(app, ["review", str(report), "--list", *option])
    assert message in one_error_line(result)


def test_review_filters_on_the_value_it_checked_and_on_every_source_of_a_fact(tmp_path):
    report = tmp_path / "r.jsonl"
    record = finding(1) | {"schema_version": 3, "story": None, "pairs": []}
    ref = {k: record["a"][k] for k in ("doc_id", "text", "line", "span")}
    third = {"doc_id": "c.txt", "text": "The council said 12 members voted.", "line": 1, "span": [0, 34]}
    versions = [{"value": "1", "documents": ["a.txt"], "claims": [ref]}]
    versions.append({"value": "99", "documents": ["b.txt", "c.txt"], "claims": [third]})
    record["fact"] = {"id": record["id"], "subject": "", "versions": versions, "majority": None, "outliers": []}
    report.write_text(json.dumps(record) + "\n")
    record["a"]["path"] = "corpus/news.jsonl:26"  # a JSONL corpus: its findings are listed by the file's line
    report.write_text(json.dumps(record) + "\n")
    options = (["--label", " contradict "], ["--label", ""], ["--doc", "c.txt"], ["--search", "12 members"])
    for option in (*options, ["--doc", "news.jsonl"]):
        result = runner.invoke(app, ["review", str(report), "--list", *option])
        assert result.exit_code == 0 and "Found 1 finding." in result.stdout, (option, result.output)


def test_review_finds_a_fact_by_outlet_and_shows_its_versions_with_their_times(tmp_path):
    """A feed's reader asks for Reuters' findings: `--doc Reuters` found none, and a finding showed one pair with no
    version, outlet or time."""
    report = tmp_path / "r.jsonl"
    record = finding(1) | {"schema_version": 4, "story": None, "pairs": []}
    record["a"] |= {"path": "feed.jsonl:3", "source": "Reuters", "published": "2014-10-22T16:40:00+00:00"}
    ref = {k: record["a"][k] for k in ("doc_id", "text", "line", "span", "source", "published")}
    other = {"doc_id": "b.txt", "text": "x", "line": 1, "span": [0, 1], "source": "AFP", "published": "2014-10-22"}
    versions = [{"value": "1", "documents": ["a.txt"], "claims": [ref]}]
    versions.append({"value": "99", "documents": ["b.txt"], "claims": [other]})
    record["fact"] = {"id": record["id"], "subject": "", "versions": versions, "majority": None, "outliers": []}
    report.write_text(json.dumps(record | {"fact": record["fact"] | {"copies": {}, "in_publication_order": False}}))
    assert "Found 1 finding." in runner.invoke(app, ["review", str(report), "--list", "--doc", "afp"]).stdout
    shown = runner.invoke(app, ["review", str(report), "--baseline", str(tmp_path / "b.json")], input="q\n")
    assert (
        '"1": a.txt (Reuters, 2014-10-22 16:40 UTC)' in shown.stdout and '"99": b.txt (AFP, 2014-10-22)' in shown.stdout
    )
    assert "a.txt (feed.jsonl:3) · Reuters · 2014-10-22 16:40 UTC" in shown.stdout  # a record's line, not its text's


def test_review_list_says_how_many_the_baseline_has_decided(tmp_path):
    """Listed 2, asked about 1: the list says why."""
    report, baseline = tmp_path / "r.jsonl", tmp_path / "baseline.json"
    report.write_text("".join(json.dumps(finding(n)) + "\n" for n in (1, 2)))
    args = ["review", str(report), "--baseline", str(baseline), "--reviewer", "ana"]
    assert runner.invoke(app, args, input="c\n\nq\n").exit_code == 0
    listed = runner.invoke(app, [*args, "--list"])
    assert listed.exit_code == 0 and f"1 already decided in {baseline}; a review asks about the 1 left" in listed.stdout
    lines = [line for line in listed.stdout.splitlines() if line.startswith("a.txt:")]
    assert len(lines) == 2 and lines[0].endswith(" [confirmed in the baseline]")  # which one, not only how many
    assert not lines[1].endswith("baseline]")


def test_a_script_decides_the_finding_it_names_by_id(tmp_path):
    """Piped decisions went to findings in the review's order, which skips those decided before: a reason meant
    for a toll's update dismissed a real discrepancy. `--id` names the one finding a line decides."""
    report, baseline = tmp_path / "r.jsonl", tmp_path / "baseline.json"
    records = [finding(n) for n in (1, 2, 3)]
    report.write_text("".join(json.dumps(r) + "\n" for r in records))
    args = ["review", str(report), "--baseline", str(baseline), "--reviewer", "ana"]
    target = records[1]["id"]
    result = runner.invoke(app, [*args, "--id", target], input="d toll updated later\n")
    assert result.exit_code == 0, result.output
    (entry,) = [e for file in load_baseline(baseline)["results"].values() for e in file]
    assert (entry["id"], entry["decision"], entry["reason"]) == (target, "dismissed", "toll updated later")
    missing = runner.invoke(app, [*args, "--id", "ffffffff"], input="d\n")
    assert missing.exit_code == 2 and "no finding has the id 'ffffffff'" in one_error_line(missing)
    several = runner.invoke(app, [*args, "--id", "0000"], input="d\n")  # all three ids start so
    assert several.exit_code == 2 and "3 findings have the id '0000'; give more of it" in one_error_line(several)


def test_review_counts_what_the_filters_keep(tmp_path):
    """With --kind number, the header still counted "nli 7": the counts disagreed with the list below them."""
    report = tmp_path / "r.jsonl"
    report.write_text(
        "".join(json.dumps(finding(n) | {"kind": kind}) + "\n" for n, kind in ((1, "number"), (2, "nli")))
    )
    listed = runner.invoke(app, ["review", str(report), "--list", "--kind", "number"])
    assert listed.exit_code == 0, listed.output
    assert "1 of 2 findings match the filters\n" in listed.stdout and "by kind: number 1\n" in listed.stdout


# index -----------------------------------------------------------------------------
@pytest.fixture
def document() -> Document:
    return Document(id="a.txt", text="The vote was 18 to 4.", path="a.txt", kept=())


@pytest.mark.parametrize("damage", ["{", "5", '[{"text": "no span"}]', "[5]", '{"a": 1}'])
def test_a_damaged_claims_row_is_parsed_again_with_a_warning(tmp_path, document, damage):
    with Index(tmp_path / "i.sqlite") as index:
        index.store_claims({document: [annotated(make_claim(document.text))]})
        assert index.cached_claims([document])["a.txt"][0].text == document.text
        index.db.execute("UPDATE claims SET claims = ?", (damage,))
        with pytest.warns(IndexWarning, match="cached claims of a.txt are unreadable .*; parsed again"):
            assert index.cached_claims([document]) == {}


def test_a_claims_row_with_a_list_for_a_mapping_is_parsed_again_with_a_warning(tmp_path, document):
    with Index(tmp_path / "i.sqlite") as index:
        index.store_claims({document: [annotated(make_claim(document.text))]})
        (row,) = index.db.execute("SELECT claims FROM claims").fetchone()
        claims = json.loads(row)
        claims[0]["annotations"]["date"]["events"] = ["not", "a", "mapping"]
        index.db.execute("UPDATE claims SET claims = ?", (json.dumps(claims),))
        with pytest.warns(IndexWarning, match="cached claims of a.txt are unreadable .*; parsed again"):
            assert index.cached_claims([document]) == {}


def test_the_index_folder_it_creates_is_ignored_by_git(tmp_path):
    with Index(tmp_path / ".checker" / "index.sqlite"):
        pass
    assert (tmp_path / ".checker" / ".gitignore").read_text().splitlines()[-1] == "*"
    with Index(tmp_path / "index.sqlite"):  # a folder the user has: left alone
        pass
    assert not (tmp_path / ".gitignore").exists()
    older = tmp_path / "old" / ".checker"  # made by a version before the .gitignore
    older.mkdir(parents=True)
    with Index(older / "index.sqlite"):
        pass
    assert (older / ".gitignore").read_text().splitlines()[-1] == "*"


def test_an_index_folder_made_for_the_index_inside_the_corpus_is_never_read_as_part_of_it(corpus, tiny_model, tmp_path):
    """`--index cache/idx.sqlite` in the corpus: the folder got no .gitignore (the output check had made it), and
    each later run warned of its lock and database files as files of other types not read."""
    args = ["run", str(corpus), "--model", str(tiny_model), "--index", str(corpus / "cache" / "idx.sqlite")]
    args += ["-q", "-o", str(tmp_path / "report.jsonl")]
    for _ in range(2):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "not read" not in result.stderr
    assert (corpus / "cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (corpus / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def unusable(tmp_path: Path, how: str) -> Path:
    """An index path that cannot be written, in a way root cannot write either (tests run as root)."""
    if how == "parent is a file":
        (tmp_path / ".checker").write_text("not a folder")
        return tmp_path / ".checker" / "index.sqlite"
    folder = tmp_path / "index.sqlite"
    folder.mkdir()  # a folder where the database file should be
    return folder


@pytest.mark.parametrize("how", ["parent is a file", "path is a folder"])
def test_an_index_that_cannot_be_written_is_unavailable(tmp_path, how):
    path = unusable(tmp_path, how)
    with pytest.raises(IndexUnavailable, match=f"^{re.escape(str(path))}: cannot"), Index(path):
        pass
    assert not list(tmp_path.glob("*.damaged"))  # nothing was moved aside


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_index_folder_is_unavailable(tmp_path):
    folder = tmp_path / ".checker"
    folder.mkdir(mode=0o500)
    with pytest.raises(IndexUnavailable, match="cannot"), Index(folder / "index.sqlite"):
        pass


def test_a_lock_held_too_long_is_unavailable(tmp_path, monkeypatch):
    monkeypatch.setattr(index_module, "LOCK_TIMEOUT_S", 0.1)
    path = tmp_path / "i.sqlite"
    with (
        FileLock(str(path) + ".lock"),
        pytest.raises(IndexUnavailable, match="another checker run held the index for 0.1s"),
    ):
        Index(path).__enter__()
    with Index(path):  # the failed attempt left the lock free
        pass


# checker ci ------------------------------------------------------------------------
@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("checker: error: ")
    return line


def test_ci_exits_2_with_one_line_on_a_baseline_of_the_wrong_shape(corpus, tmp_path, tiny_model):
    baseline_file(tmp_path, '{"version": 1, "results": {"a.txt": "oops"}}')
    result = runner.invoke(app, ["ci", *ci_options(corpus, tmp_path, tiny_model, ".checker-baseline.json")])
    assert one_error_line(result).endswith("results['a.txt']: 'oops' is not of type 'array'")


@pytest.mark.parametrize("how", ["parent is a file", "lock held"])
def test_ci_exits_2_with_one_line_when_the_index_is_unusable(corpus, tmp_path, tiny_model, monkeypatch, how):
    monkeypatch.setattr(index_module, "LOCK_TIMEOUT_S", 0.1)
    path = tmp_path / "i.sqlite" if how == "lock held" else unusable(tmp_path, how)
    options = [*ci_options(corpus, tmp_path, tiny_model, "none.json"), "--index", str(path)]
    with FileLock(str(path) + ".lock") if how == "lock held" else contextlib.nullcontext():
        result = runner.invoke(app, ["ci", *options])
    assert str(path) in one_error_line(result)


def test_ci_survives_a_damaged_claims_row_and_holds_back_only_recorded_findings(corpus, tmp_path, tiny_model):
    path = tmp_path / "baseline.json"
    assert runner.invoke(app, baseline_args(corpus, tmp_path, tiny_model, path)).exit_code == 0
    with sqlite3.connect(tmp_path / "i.sqlite") as db:
        db.execute("UPDATE claims SET claims = '{not json'")
    options = ci_options(corpus, tmp_path, tiny_model, path.name)
    result = runner.invoke(app, ["ci", *options])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if line.startswith("checker: warning: ")]
    assert len(warned) == 3 and all("parsed again" in line for line in warned)
    assert result.stderr.splitlines()[-1] == "checker: 0 new contradiction(s), 1 held back by the baseline"
    data = load_baseline(path)
    for entry in entries(data).values():
        del entry["recorded"]  # as an older `checker review` wrote undecided entries
    write_baseline(path, data)
    result = runner.invoke(app, ["ci", *options, "--output-format", "concise"])
    assert result.exit_code == 1 and "checker: 1 new contradiction(s), 0 held back by the baseline" in result.stderr
