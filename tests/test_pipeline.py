"""The pipeline's NLI stage: longer claim as premise first, the reverse only where it can matter."""

from __future__ import annotations

import json

import jsonschema
import numpy as np
import pytest

from checker.config import Config
from checker.index import Index
from checker.pairing import SentenceEmbedder
from checker.pipeline import Checker
from checker.report import SCHEMA_PATH, finding_record

ARTICLES = {
    "a.txt": "The old bridge in London closed on Monday after the storm damaged its deck.\n",
    "b.txt": "The old bridge in London opened on Monday.\n",
    "c.txt": "The old bridge in London was painted on Monday.\n",
}
CONTRADICTING = (0.02, 0.08, 0.9)
# The shipped decision gives the scripted contradictions 0.53-0.61 ("closed" / "opened", "was painted"): these tests
# are about which directions are scored, so it reports from 0.5 here.
REPORTS_THE_SCRIPT = 0.5
NEUTRAL = (0.01, 0.98, 0.01)


class ScriptedNLI:
    """Contradiction whenever "closed" is in the pair, neutral otherwise; remembers every input."""

    name, hash = "scripted", "0" * 16

    def __init__(self) -> None:
        self.inputs: list[tuple[str, str]] = []

    def predict(self, pairs, batch_size: int = 64) -> np.ndarray:
        self.inputs += pairs
        return np.array([CONTRADICTING if "closed" in p + h else NEUTRAL for p, h in pairs])


@pytest.fixture
def run(tmp_path, nlp):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)

    def check(reverse_margin: float):
        nli = ScriptedNLI()
        config = Config(
            reverse_margin=reverse_margin,
            min_similarity=0.3,
            include=("contradict", "unrelated"),
            report_threshold=REPORTS_THE_SCRIPT,
        )
        result = Checker(config, nli=nli, embedder=SentenceEmbedder(), nlp=nlp).check([str(tmp_path)])
        return result, nli

    return check


def test_reverse_direction_only_where_it_could_change_the_verdict(run):
    result, nli = run(reverse_margin=0.3)
    by_docs = {frozenset((f.pair.a.doc_id, f.pair.b.doc_id)): f for f in result.findings}
    assert set(by_docs) == {frozenset(p) for p in (("a.txt", "b.txt"), ("a.txt", "c.txt"), ("b.txt", "c.txt"))}
    for docs, finding in by_docs.items():
        scored = finding.nli.directions()
        if "a.txt" in docs:  # near the contradiction threshold: both directions read
            assert finding.label == "contradict" and len(scored) == 2
        else:  # far from both thresholds: one direction, the longer claim as premise
            assert finding.label == "unrelated" and len(scored) == 1
            longer = max(finding.pair.a, finding.pair.b, key=lambda c: len(c.standalone))
            first = finding.nli.forward if longer is finding.pair.a else finding.nli.backward
            assert first == pytest.approx(NEUTRAL)
    assert len(nli.inputs) == result.nli_directions == 5
    assert all(len(premise) >= len(hypothesis) for premise, hypothesis in nli.inputs[:3])
    assert result.summary()["nli_directions"] == 5


def test_margin_one_scores_both_directions_and_reports_validate(run):
    gated, _ = run(reverse_margin=0.3)
    both, nli = run(reverse_margin=1.0)
    assert len(nli.inputs) == both.nli_directions == 6
    assert [f.label for f in gated.findings] == [f.label for f in both.findings]
    documents = {d.id: d for d in gated.corpus.documents}
    schema = json.loads(SCHEMA_PATH.read_text())
    records = [finding_record(f, documents) for f in gated.findings]
    for record in records:
        jsonschema.validate(record, schema)
    assert any(None in (r["nli"]["a_to_b"], r["nli"]["b_to_a"]) for r in records)


def test_text_reprinted_word_for_word_is_scored_once(tmp_path, nlp):
    """Wire copy reprinted by two outlets: each distinct input goes to the models once, every pair still judged."""
    reprint = "The old bridge in London opened on Monday.\n"
    for name, text in {"a.txt": ARTICLES["a.txt"], "b.txt": reprint, "c.txt": reprint}.items():
        (tmp_path / name).write_text(text)
    nli = ScriptedNLI()
    config = Config(
        reverse_margin=1.0,
        min_similarity=0.3,
        include=("contradict", "unrelated", "agree"),
        report_threshold=REPORTS_THE_SCRIPT,
    )
    with Index(tmp_path / "index.sqlite") as index:
        checker = Checker(config, nli=nli, embedder=SentenceEmbedder(), nlp=nlp, index=index)
        result = checker.check([str(tmp_path)])
        rerun = checker.check([str(tmp_path)])

    # (a, b) and (a, c) share both their inputs; b and c, one text, are one source and not paired
    assert len(nli.inputs) == len(set(nli.inputs)) == result.computed["verdicts"] == 2
    assert result.nli_directions == 4
    assert result.computed["embeddings"] == 2
    contradicting = {
        frozenset((f.pair.a.doc_id, f.pair.b.doc_id)): f for f in result.findings if f.label == "contradict"
    }
    assert set(contradicting) == {frozenset(("a.txt", "b.txt")), frozenset(("a.txt", "c.txt"))}
    assert all(f.nli.directions() == [pytest.approx(CONTRADICTING)] * 2 for f in contradicting.values())
    # what the index keeps for the shared inputs gives the same verdicts again, with no model work
    assert sum(rerun.computed.values()) == 0
    assert [(f.id, f.nli) for f in rerun.findings] == [(f.id, f.nli) for f in result.findings]


def test_progress_names_a_stage_before_its_first_result(tmp_path, nlp):
    """The NLI stage shows 0 of N while the model loads or compiles (13-22 s), not the last stage's bar."""
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)
    seen = []
    checker = Checker(Config(min_similarity=0.3), nli=ScriptedNLI(), embedder=SentenceEmbedder(), nlp=nlp)
    checker.check([str(tmp_path)], progress=lambda stage, done, total: seen.append((stage, done, total)))
    verdicts = [(done, total) for stage, done, total in seen if stage == "verdicts"]
    assert verdicts[0][0] == 0 and verdicts[0][1] > 0 and verdicts[-1][0] == verdicts[-1][1]


def test_the_one_call_api_reads_the_settings_kept_with_the_corpus(tmp_path):
    """(audit) `checker.check(["corpus/"])` ran with the defaults: the corpus's checker.toml left a file in and
    a kind it ignores in the report, so a notebook and `checker run corpus/` gave two reports."""
    import checker

    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "checker.toml").write_text('exclude = ["c.txt"]\nignore_kinds = ["nli"]\ninclude = ["unrelated"]\n')
    result = checker.check([str(tmp_path)])
    assert sorted(d.id for d in result.corpus.documents) == ["a.txt", "b.txt"]
    assert [f.label for f in result.selected(ignore_kinds=())] == ["unrelated"]
    assert [r["label"] for r in result.records(ignore_kinds=())] == ["unrelated"]
    assert result.records() == [] and result.summary()["ignored_findings"] == 1  # the model's kind, ignored
    # (library audit) "unrelated" is one label, not nine letters; a misspelt one is an error, not an empty report
    assert result.records("unrelated", "title") == result.records(["unrelated"], ["title"]) != []
    with pytest.raises(checker.ConfigError, match="unknown label"):
        result.records(["unrelatd"])


def test_a_checker_with_an_index_serves_checks_from_other_threads_one_at_a_time(tmp_path, nlp):
    """(library audit) A service opened the index at startup and checked from a thread pool: sqlite refused the
    index in another thread, and two checks at once mixed their counts."""
    from concurrent.futures import ThreadPoolExecutor

    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)
    with Index(tmp_path / "index.sqlite") as index:
        checker = Checker(
            Config(min_similarity=0.3), nli=ScriptedNLI(), embedder=SentenceEmbedder(), nlp=nlp, index=index
        )
        with ThreadPoolExecutor(max_workers=3) as pool:
            results = list(pool.map(lambda _: checker.check([str(tmp_path)]), range(3)))
    assert [sorted(f.id for f in r.findings) for r in results] == [sorted(f.id for f in results[0].findings)] * 3
    assert sorted(sum(r.computed.values()) for r in results)[:2] == [0, 0]  # one computed, the others read it
    # (review) a check from inside a check's progress callback would mix into it: an error, not a hang
    checker.index = None
    with pytest.raises(RuntimeError, match="from inside a check"):
        checker.check([str(tmp_path)], progress=lambda *_: checker.check([str(tmp_path)]))
