"""Settings: every value checked up front, in one line naming the file, the setting, the value and what is allowed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.checks import registry
from checker.cli import _settings, app
from checker.config import RETIRED, Config, ConfigError, load_config
from checker.report import read_report
from tests.conftest import build_tiny_nli, refuse

runner = CliRunner()
KINDS = ", ".join(registry().finding_kinds)  # every kind a finding can have, the model's first


@pytest.fixture
def no_work(monkeypatch, no_model_work):
    """Fail the test if a document is read or the pipeline (and so a model) starts."""
    monkeypatch.setattr("checker.corpus.load_corpus", refuse)


def one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("checker: error: ")
    return line


@pytest.mark.parametrize(
    "line, message",
    [
        ('top_k = "five"', "top_k: expected an integer >= 1, got 'five'"),
        ("top_k = -3", "top_k: expected an integer >= 1, got -3"),
        ("batch_size = true", "batch_size: expected an integer >= 1, got True"),
        ("max_document_chars = 0", "max_document_chars: expected an integer >= 1, got 0"),
        ("contradict_threshold = 2", "contradict_threshold: expected a number from 0 to 1, got 2"),
        ("min_similarity = 1.5", "min_similarity: expected a number from -1 to 1, got 1.5"),
        ('agree_threshold = "0.7"', "agree_threshold: expected a number from 0 to 1, got '0.7'"),
        ("model = 42", "model: expected a model folder or hub name (a string), got 42"),
        ('allow_download = "yes"', "allow_download: expected true or false, got 'yes'"),
        ('precision = "fp16"', "precision: expected one of auto, fp32, bf16, int8, got 'fp16'"),
        ('ignore_kinds = "nli"', f"ignore_kinds: expected a list of kinds ({KINDS}), got 'nli'"),
        (
            'include = ["contradict", "maybe"]',
            "include: unknown label(s) maybe; choose from contradict, agree, unrelated",
        ),
        ("top_k_max = 3", "unknown setting(s): top_k_max"),
        ("evidence_score = 0.9", f"evidence_score: no longer a setting ({RETIRED['evidence_score']})"),
        (
            "contradict_needs_shared_entity = false",
            f"contradict_needs_shared_entity: no longer a setting ({RETIRED['contradict_needs_shared_entity']})",
        ),
    ],
)
def test_a_bad_value_in_the_file_names_the_file_setting_value_and_what_is_allowed(tmp_path, line, message):
    path = tmp_path / "checker.toml"
    path.write_text(line + "\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value) == f"{path}: {message}"


def test_every_problem_is_named_on_one_line(tmp_path):
    path = tmp_path / "checker.toml"
    path.write_text('top_k = "five"\nreverse_margin = -1\n')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert "\n" not in message and "top_k: expected" in message and "reverse_margin: expected" in message


def test_values_are_stored_in_the_settings_types(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.checker]\ncontradict_threshold = 1\ninclude = ["agree"]\nignore_kinds = ["nli", "date"]\n')
    config = load_config(path)
    assert config.contradict_threshold == 1.0 and isinstance(config.contradict_threshold, float)
    assert config.include == ("agree",) and config.ignore_kinds == ("nli", "date")
    assert hash(config) == hash(load_config(path))  # tuples, not lists: a Config stays hashable


def test_a_checker_toml_copied_from_the_readme_with_its_tool_checker_table_is_read(tmp_path):
    """(a courts desk) the README's example, pasted into checker.toml, failed with "unknown setting(s): tool"."""
    path = tmp_path / "checker.toml"
    path.write_text("[tool.checker]\ntop_k = 7\n\n[tool.checker.checks.number]\nplain_count_similarity = 0.7\n")
    config = load_config(path)
    assert config.top_k == 7 and config.checks["number"]["plain_count_similarity"] == 0.7
    path.write_text("top_k = 7\n[tool.other]\nx = 1\n")  # a table of another tool beside settings is still refused
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(path)


def test_a_misspelt_tool_table_is_an_error_not_the_defaults(tmp_path):
    """(audit) `[tool.chekcer]` in checker.toml ran with the defaults and no word."""
    path = tmp_path / "checker.toml"
    path.write_text("[tool.chekcer]\ntop_k = 0\n")
    with pytest.raises(ConfigError, match=r"checker.toml: no \[tool.checker\] table \(it has \[tool.chekcer\]\)$"):
        load_config(path)


def test_a_broken_pyproject_of_another_project_stops_no_run_and_one_of_checker_is_one_line(tmp_path, monkeypatch):
    """(audit) A `pyproject.toml` of `[project` above the working folder: "internal error" on every run."""
    corpus = tmp_path / "work" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("The assembly met on Monday.\n")
    (tmp_path / "work" / "pyproject.toml").write_text("[project\n")
    monkeypatch.chdir(tmp_path / "work")
    assert load_config(start=corpus) == Config()
    (tmp_path / "work" / "pyproject.toml").write_text("[tool.checker\ntop_k = 3\n")
    result = runner.invoke(app, ["run", str(corpus)])
    assert result.exit_code == 2 and "internal error" not in result.stderr
    assert result.stderr.strip().startswith(f"checker: error: {tmp_path / 'work' / 'pyproject.toml'}: Expected")


def test_overrides_and_code_are_checked_like_the_file():
    with pytest.raises(ConfigError, match=r"^top_k: expected an integer >= 1, got 0$"):
        Config().with_overrides(top_k=0)
    with pytest.raises(ConfigError, match=r"^ignore_kinds: expected a list of kinds"):
        Config(ignore_kinds="nli")
    assert Config().with_overrides(top_k=None, min_similarity=0.3) == Config(min_similarity=0.3)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--top-k", "0"], "checker: error: top_k: expected an integer >= 1, got 0"),
        (["--top-k", "-3"], "checker: error: top_k: expected an integer >= 1, got -3"),
        (["--min-similarity", "5"], "checker: error: min_similarity: expected a number from -1 to 1, got 5.0"),
    ],
)
def test_a_bad_option_is_one_line_before_any_work(corpus, no_work, args, message):
    assert one_error_line(runner.invoke(app, ["run", str(corpus), *args])) == message


def test_a_bad_file_is_one_line_before_any_work(corpus, tmp_path, no_work):
    (tmp_path / "checker.toml").write_text('top_k = "five"\n')
    line = one_error_line(runner.invoke(app, ["run", str(corpus), "--config", str(tmp_path / "checker.toml")]))
    assert line == f"checker: error: {tmp_path / 'checker.toml'}: top_k: expected an integer >= 1, got 'five'"


def test_include_from_the_file_holds_unless_the_option_is_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checker.toml").write_text('include = ["contradict", "agree"]\n')
    assert _settings(None, [], include=None).include == ("contradict", "agree")
    assert _settings(None, [], include=("unrelated",)).include == ("unrelated",)
    (tmp_path / "checker.toml").unlink()
    assert _settings(None, [], include=None).include == ("contradict",)


def test_settings_kept_with_the_corpus_apply_wherever_it_is_checked_from(tmp_path, monkeypatch):
    corpus, elsewhere = tmp_path / "desk" / "corpus", tmp_path / "home"
    corpus.mkdir(parents=True)
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    (elsewhere / "checker.toml").write_text("story_gap_days = 2\n")
    assert _settings(None, [str(corpus)]).story_gap_days == 2  # none beside the corpus: the current folder's
    (tmp_path / "desk" / "checker.toml").write_text("story_gap_days = 10\n")
    assert _settings(None, [str(corpus)]).story_gap_days == 10  # the nearest above the corpus wins
    assert _settings(None, [str(corpus / "a.txt"), str(corpus / "sub" / "b.md")]).story_gap_days == 10
    assert _settings(None, [str(corpus)], story_gap_days=1).story_gap_days == 1  # an option still wins


def test_settings_of_one_of_two_input_folders_are_named_where_they_are_not_read(tmp_path, monkeypatch, no_work):
    """Two folders, each with its own checker.toml: they share a folder above both, so the current folder's
    settings were read and neither folder's, and nothing said so (review)."""
    for name, days in (("x", 2), ("y", 10)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "checker.toml").write_text(f"story_gap_days = {days}\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", "x", "y"])
    assert result.exception is not None  # no_work: stopped where the documents would be read
    warned = [line for line in result.stderr.splitlines() if "is not read" in line]
    assert len(warned) == 2 and all("one run reads one settings file (none: the defaults)" in w for w in warned)
    result = runner.invoke(app, ["run", "x", "y", "--config", str(tmp_path / "x" / "checker.toml")])
    assert "is not read" not in result.stderr  # the file asked for is read, as asked
    assert _settings(None, ["x"]).story_gap_days == 2


def test_run_reports_the_labels_the_file_includes(corpus, tmp_path, tiny_model, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # every pair not contradicting agrees at a threshold of 0: the report must hold them
    (tmp_path / "checker.toml").write_text('include = ["contradict", "agree"]\nagree_threshold = 0\n')
    result = runner.invoke(app, ["run", str(corpus), "--model", str(tiny_model), "-o", "report.jsonl"])
    assert result.exit_code == 0, result.output
    records = read_report(tmp_path / "report.jsonl")
    assert {r["label"] for r in records} == {"contradict", "agree"}
    assert f"Wrote {len(records)} finding(s)" in result.stdout


def unusable_model(problem: str, path: Path, tiny_model: Path) -> Path:
    """A model folder with one thing wrong with it."""
    if problem == "two-labels":
        return build_tiny_nli(path, {0: "entailment", 1: "not_entailment"})
    shutil.copytree(tiny_model, path)
    for file in path.glob({"empty": "*", "no-weights": "*.safetensors", "no-tokenizer": "tokenizer.json"}[problem]):
        file.unlink()
    return path


@pytest.mark.parametrize(
    "problem, message",
    [
        ("empty", "not a model folder (no config.json)"),
        ("no-weights", "no model weights (*.safetensors or *.bin)"),
        ("no-tokenizer", "no tokenizer files"),
        ("two-labels", "cannot map the model's labels (entailment, not_entailment)"),
    ],
)
def test_an_unusable_model_folder_is_one_line_before_any_work(corpus, tmp_path, tiny_model, no_work, problem, message):
    folder = unusable_model(problem, tmp_path / "model", tiny_model)
    line = one_error_line(runner.invoke(app, ["run", str(corpus), "--model", str(folder)]))
    assert line.startswith(f"checker: error: {folder}: {message}")


def test_a_model_that_is_not_a_folder_is_refused_up_front_unless_downloads_are_allowed(corpus, no_work, monkeypatch):
    line = one_error_line(runner.invoke(app, ["run", str(corpus), "--model", "some-org/some-nli-model"]))
    assert "'some-org/some-nli-model' is not a local directory" in line and "--allow-download" in line
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.setenv(name, "1")  # restored after the test: _settings turns them off to allow the download
    assert _settings(None, [], model="some-org/some-nli-model", allow_download=True).model == "some-org/some-nli-model"


def test_a_head_for_another_number_of_labels_is_one_line(corpus, tmp_path, tiny_model):
    """config.json says 3 labels, the weights hold 2: transformers would point at a report it does not show."""
    folder = unusable_model("two-labels", tmp_path / "model", tiny_model)
    shutil.copy(tiny_model / "config.json", folder / "config.json")
    line = one_error_line(runner.invoke(app, ["run", str(corpus), "--model", str(folder), "-o", str(tmp_path / "r")]))
    assert line == (
        f"checker: error: {folder}: the model has 2 output labels; "
        "checker needs a 3-way NLI model (entailment, neutral, contradiction)"
    )


def test_a_configuration_file_that_is_not_utf8_is_named_in_one_line(tmp_path):
    """It came out as "internal error: UnicodeDecodeError ...; please report it", with no file named."""
    (tmp_path / "checker.toml").write_bytes(b"\xff\xfe top_k = 5\n")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "checker.toml")
    assert str(raised.value) == f"{tmp_path / 'checker.toml'}: not UTF-8 text (byte 0); TOML files are UTF-8"
