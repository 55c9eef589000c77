"""The checks' registry: every place that names kinds is built from it, and a new kind is one new file."""

from __future__ import annotations

import json
import textwrap

import jsonschema
import numpy as np
import pytest
from typer.testing import CliRunner

import checker.checks
from checker.checks import registry
from checker.cli import app
from checker.config import Config, ConfigError, load_config
from checker.formats import render
from checker.pairing import SentenceEmbedder
from checker.pipeline import Checker
from checker.report import SCHEMA_PATH, finding_schema

# A kind a newcomer might add: one storm said to come from two different directions.
TOY_CHECK = '''
"""`wind` check: two claims have one storm come from different directions."""

from checker.checks.base import Check, CheckSetting
from checker.records import Claim, Evidence

DIRECTIONS = ("north", "south", "east", "west")


class WindCheck(Check):
    kind = "wind"
    rule = "The two claims have one storm come from different directions."
    annotation = tuple[str, ...]
    settings = (CheckSetting("min_similarity", 0.5, "Cosine of two claims about one storm."),)
    evidence = {"required": ["a", "b"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}

    def annotate(self, claim: Claim, tokens) -> tuple[str, ...]:
        return tuple(t.lower_ for t in tokens if t.lower_ in DIRECTIONS and t.nbor(-1).lower_ == "the")

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        x, y = self.mine(a), self.mine(b)
        if not x or not y or similarity < self.setting("min_similarity") or x[0] == y[0]:
            return None
        return Evidence(self.kind, True, {"a": x[0], "b": y[0]}, f"from the {x[0]} vs from the {y[0]}")
'''
ARTICLES = {
    "a.txt": "Storm Ida reached the coast on Monday from the north, flooding the old harbour.\n",
    "b.txt": "Storm Ida reached the coast on Monday from the south, flooding the old harbour.\n",
}
WIND_RULE = "The two claims have one storm come from different directions."


class NeutralNLI:
    name, hash = "neutral", "0" * 16

    def predict(self, pairs, batch_size: int = 64) -> np.ndarray:
        return np.array([(0.01, 0.98, 0.01)] * len(pairs))


@pytest.fixture
def toy_kind(tmp_path, monkeypatch):
    """checker/checks/ with one more file in it: wind.py."""
    folder = tmp_path / "checks"
    folder.mkdir()
    (folder / "wind.py").write_text(textwrap.dedent(TOY_CHECK))
    monkeypatch.setattr(checker.checks, "__path__", [*checker.checks.__path__, str(folder)])
    registry.cache_clear()
    yield registry()
    monkeypatch.undo()
    registry.cache_clear()


def test_the_shipped_schema_is_the_one_built_from_the_registry():
    shipped = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert finding_schema() == shipped, 'python -c "from checker.report import write_schema; write_schema()"'


def test_pattern_ids_are_unique_across_files():
    from checker.patterns import load, names

    ids = [p.id for name in names() for p in load(name)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_kinds_settings_rules_and_help_come_from_the_registry():
    kinds = registry().kinds
    assert registry().finding_kinds == ("nli", *kinds)
    assert set(Config().checks) == set(kinds)
    assert all(Config().checks[c.kind] == {s.name: s.default for s in c.settings} for c in registry().checks)
    sarif = json.loads(render([], "sarif", "0"))
    assert [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]] == ["nli", *kinds]
    help_text = CliRunner().invoke(app, ["run", "--help"], env={"COLUMNS": "200"}).output
    assert ", ".join(kinds[:2]) in help_text


def test_check_settings_are_read_from_the_config_file_and_checked(tmp_path):
    path = tmp_path / "checker.toml"
    path.write_text("[checks.number]\nplain_count_similarity = 0.7\n")
    config = load_config(path)
    assert config.checks["number"]["plain_count_similarity"] == 0.7
    assert config.checks["date"] == Config().checks["date"]  # the rest keep their defaults
    path.write_text("[checks.entity-set]\nclose-similarity = 0.7\n")  # dashes as in the other settings
    assert load_config(path).checks["entity_set"]["close_similarity"] == 0.7
    for bad, message in (
        ("[checks.number]\nplain_count_similarity = 3\n", "number.plain_count_similarity: expected a number"),
        ("[checks.number]\ncosine = 0.5\n", "number: unknown setting cosine"),
        ("[checks.numbers]\nplain_count_similarity = 0.5\n", "unknown check kind(s) numbers"),
    ):
        path.write_text(bad)
        with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
            load_config(path)


def test_a_setting_changes_what_the_check_reports(nlp, tmp_path):
    """The plain-count floor, raised above the pair's cosine, keeps the two counts from being compared."""
    texts = {
        "a.txt": "The fire destroyed 40 homes in the valley.\n",
        "b.txt": "Some 300 homes in the valley were destroyed by the fire.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)

    def kinds(config: Config) -> list[str]:
        result = Checker(config, nli=NeutralNLI(), embedder=SentenceEmbedder(), nlp=nlp).check([str(tmp_path)])
        return [f.kind for f in result.findings if f.label == "contradict"]

    assert kinds(Config(min_similarity=0.3)) == ["number"]
    raised = Config(min_similarity=0.3).checks | {"number": {"plain_count_similarity": 0.99}}
    assert kinds(Config(min_similarity=0.3, checks=raised)) == []
    # one wording with the figure changed is one statement: no floor keeps it from being compared
    (tmp_path / "b.txt").write_text("The fire destroyed 300 homes in the valley.\n")
    assert kinds(Config(min_similarity=0.3, checks=raised)) == ["number"]


def test_a_new_kind_is_one_new_file(toy_kind, nlp, tmp_path):
    assert "wind" in toy_kind.kinds
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)
    config = Config(min_similarity=0.3, checks={"wind": {"min_similarity": 0.4}})
    result = Checker(config, nli=NeutralNLI(), embedder=SentenceEmbedder(), nlp=nlp).check([str(tmp_path)])
    (record,) = result.records(["contradict"])
    assert record["kind"] == "wind" and record["evidence"][0]["message"] == "from the north vs from the south"
    jsonschema.validate(record, finding_schema())  # the report schema knows the new kind and its evidence
    assert sorted(v["value"] for v in record["fact"]["versions"]) == ["north", "south"]
    rules = json.loads(render([record], "sarif", "0"))["runs"][0]["tool"]["driver"]["rules"]
    assert {"id": "wind", "shortDescription": {"text": WIND_RULE}} in rules
    assert Config(ignore_kinds=("wind",)).ignore_kinds == ("wind",)


def test_a_message_naming_both_sides_is_turned_round_with_its_record():
    """CI shows the new article's claim first; its evidence said "35 dates vs 45 dates" with the other's first."""
    checks = registry()
    assert (
        checks.check("number").turned("18 votes vs 4 votes against; 93 vs 112")
        == "4 votes against vs 18 votes; 112 vs 93"
    )
    assert checks.check("date").turned("Thursday vs Wednesday") == "Wednesday vs Thursday"
    assert checks.check("denial").turned("Acme: denied vs confirmed") == "Acme: confirmed vs denied"
    assert (
        checks.check("quote").turned("the same words from Ana Ruiz vs Li Wei")
        == "the same words from Li Wei vs Ana Ruiz"
    )
    different = "different participants (Sudan in b.txt, not in a.txt)"
    assert checks.check("entity_set").turned(different) == different  # it names its sources
    assert checks.check("number").turned("one vs two vs three") == "one vs two vs three"  # not two sides: as it is
    split_side = "was 3%; unemployment vs was 4%; unemployment"  # a side holding "; ": no part is turned
    assert checks.check("number").turned(split_side) == split_side
    former = "president described as former in Biden vs Trump.txt, not in b.txt"  # it names its sources
    assert checks.check("title").turned(former) == former
    assert (
        checks.check("title").turned("President Smith vs Prime Minister Smith")
        == "Prime Minister Smith vs President Smith"
    )
