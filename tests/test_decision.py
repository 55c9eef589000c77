"""The learned report-or-not decision: its signals, its file, and what it reports with the shipped model."""

from __future__ import annotations

import json

import pytest

from checker.checks import registry
from checker.config import DEFAULT_DECISION, Config
from checker.decision import LEARNED, Decision, DecisionError, align, features, one_within_other, weights_digest
from checker.records import NLIScores
from checker.verdicts import contradiction_basis
from tests.helpers import make_pair


def test_the_alignment_says_what_the_two_claims_differ_in():
    negated = align("The lake froze this winter.", "The lake did not freeze this winter.")
    assert negated.negation and not negated.figure and not negated.within
    both = align("The firm did not say when it would reopen.", "The firm never said when it would reopen.")
    assert not both.negation  # a negation on both sides is no difference
    figure = align("The fire destroyed 12 homes.", "The fire destroyed 15 homes.")
    assert figure.figure and not figure.negation and 0 < figure.changed < 0.5
    month = align("The bridge opened in March.", "The bridge opened in February.")
    assert month.calendar


def test_a_quote_given_in_part_stands_within_unless_the_rest_turns_it_round():
    part = "the plan will work"
    assert align(part, "We spoke to him, and he said the plan will work.").within
    assert align(part, "He said 'the plan will work'.").within  # quote marks are not part of the words
    assert align("We won't back down", "He said: ‘We won’t back down’, officials said.").within
    assert not align(part, "It is false that the plan will work.").within
    assert not align(part, "Nobody believes the plan won't work, but the plan will work is wrong.").within


def test_a_quote_with_an_editors_insertion_stands_within_but_not_one_with_other_words_inserted():
    """Two outlets printed one statement, one with "[Iraqi]" inserted; the model read them 0.92 contradiction."""
    quote = "The Ministry of Health and the WHO confirmed that the laboratories in Mosul do not have the capabilities."
    edited = quote.replace("The Ministry", "The [Iraqi] Ministry").replace("in Mosul", "in [the city of] Mosul")
    assert one_within_other(make_pair(quote, edited))
    # the learned decision reads the feature as it was fitted: no insertions
    assert features(make_pair(quote, edited), None, [], registry().kinds)["one_within_other"] == 0.0

    def within(a: str, b: str) -> bool:
        return one_within_other(make_pair(a, b))

    assert not within("Trump won the election.", "Trump won the primary but lost the election.")
    assert not within("The plan will work.", "The plan will [not] work.")  # what turns it round, bracketed or not
    assert not within("The bill passed.", "The bill nearly passed.")  # unbracketed words can hedge
    assert not within("The doctor told Thomas he had been bitten.", "The doctor told Dylan Thomas he had been bitten.")
    assert not within("Three were found on Monday.", "Three [of them] were [later] found [alive] on Monday.")  # 3 > 2
    # a word-for-word match later in the sentence counts, whatever an earlier near-match inserts
    assert within("The plan will work.", "The Smith plan will work, and the plan will work.")


def test_features_carry_the_former_vetoes_as_signals():
    pair = make_pair("Acme will close its Ohio plant.", "Acme will not close its Ohio plant.", entities=("org:acme",))
    values = features(pair, NLIScores((0.0, 0.1, 0.9), None), [], registry().kinds)
    assert values["shared_entity"] == 1.0 and values["negation_one_side"] == 1.0
    assert values["contradiction_max"] == values["contradiction_min"] == 0.9  # one direction scored
    assert {f"evidence_{kind}" for kind in registry().kinds} <= set(values)


def test_the_shipped_threshold_is_the_one_its_fit_chose():
    """The fit writes the threshold it chose; the setting is its one home, so the two must agree."""
    assert json.loads(DEFAULT_DECISION.read_text())["threshold"] == Config().report_threshold


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "not a decision file"),
        ("[]", "not a decision file"),
        ('{"weights": {"similarity": "x"}, "intercept": 0}', "not a decision file"),
        ('{"weights": {}}', "not a decision file"),
        (
            '{"weights": {"contradiction_mx": 1.0}, "intercept": 0, "calibration": {"precision": {"all": 0.2}}}',
            "unknown feature",
        ),
        (
            '{"weights": {"similarity": NaN}, "intercept": 0, "calibration": {"precision": {"all": 0.2}}}',
            "a weight or the intercept is not a finite number",
        ),
        ('{"weights": {}, "intercept": 0}', "no calibration.precision, the scores by basis .*--calibrate"),
        (
            '{"weights": {}, "intercept": 0, "calibration": {"precision": {"all": "high"}}}',
            "calibration.precision holds a score that is not",
        ),
        (
            '{"weights": {}, "intercept": 0, "calibration": {"precision": {"all": 0.2, "nil": 0.1}}}',
            "calibration.precision names no basis: nil",
        ),
        (
            '{"weights": {}, "intercept": 0, "calibration": {"precision": {"nli": 0.2}}}',
            'calibration.precision needs an "all" entry',
        ),
        (
            '{"weights": {}, "intercept": 0, "calibration": {"precision": {"all": 1.2}}}',
            "calibration.precision needs .* values from 0 to 1",
        ),
        (
            '{"weights": {}, "intercept": 0, "calibration": {"precision": {"all": NaN}}}',
            "calibration.precision needs .* values from 0 to 1",
        ),
    ],
)
def test_a_broken_decision_file_is_named_in_the_error(tmp_path, text, problem):
    path = tmp_path / "decision.json"
    path.write_text(text)
    with pytest.raises(DecisionError, match=f"decision.json: {problem}"):
        Decision.load(path)


def test_the_cli_reports_a_missing_decision_file_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from checker.cli import app

    (tmp_path / "a.txt").write_text("The bridge opened in May.\n")
    (tmp_path / "checker.toml").write_text('decision = "nowhere.json"\n')
    result = CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "--config", str(tmp_path / "checker.toml")])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert str(tmp_path / "nowhere.json") in line  # read from the config file's folder


@pytest.fixture(scope="module")
def shipped(nlp):
    from checker.pipeline import Checker

    return Checker(Config(), nlp=nlp)


def contradictions(checker, tmp_path, a: str, b: str):
    (tmp_path / "a.txt").write_text(a + "\n")
    (tmp_path / "b.txt").write_text(b + "\n")
    return [
        f for f in checker.check([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]).findings if f.label == "contradict"
    ]


def test_a_minimal_edit_that_names_no_entity_is_reported(shipped, tmp_path):
    a = "This has been an emotional ordeal for the family, he said."
    b = "This has not been an emotional ordeal for the family, he said."
    (finding,) = contradictions(shipped, tmp_path, a, b)
    kinds = [c.kind for c in shipped.checks]
    basis = contradiction_basis(finding.pair, finding.nli, [], shipped.thresholds, shipped.decision, kinds)
    assert basis == LEARNED  # without the negation check the decision reports it (no entity named)
    # the negation check sees it too, and says what differs: a reader is shown it, not the model's probability
    assert finding.kind == "negation" and finding.score == shipped.decision.score("negation")
    assert (
        finding.evidence[0].message
        == "This has been an emotional ordeal for the family vs This has not been an emotional ordeal for the family"
    )


def test_the_shipped_calibration_was_fitted_with_the_shipped_weights():
    """A refit of the weights marks the scores stale until they are fitted again on pairs judged with them."""
    data = json.loads(DEFAULT_DECISION.read_text())
    assert "stale" not in data["calibration"]["fitted_on"]
    assert data["calibration"]["fitted_on"]["weights"] == weights_digest(data["weights"], data["intercept"])


def test_a_paraphrase_with_a_negation_on_both_sides_is_not_reported(shipped, tmp_path):
    a = "The company did not say when the factory would reopen."
    b = "When the factory would reopen, the company did not say."
    assert contradictions(shipped, tmp_path, a, b) == []


def test_ruling_a_pair_out_from_its_nli_probabilities_never_drops_one_the_decision_reports():
    """`can_reach` is exact: with every other feature at its most favourable end, the probability is its bound."""
    import random

    from checker.decision import FEATURE_RANGES, MODEL_FEATURES, feature_names, model_features

    assert set(MODEL_FEATURES) == set(model_features(make_pair("A", "B"), None))
    rng = random.Random(0)
    shipped = Decision.load(DEFAULT_DECISION)
    for decision in [shipped] + [
        Decision({n: rng.gauss(0, 2) for n in feature_names()}, rng.gauss(-2, 2), {"all": 0.5}) for _ in range(20)
    ]:
        for _ in range(200):
            model = {name: rng.uniform(*FEATURE_RANGES.get(name, (0.0, 1.0))) for name in MODEL_FEATURES}
            best = dict(model)
            for name, weight in decision.weights.items():
                if name not in MODEL_FEATURES:
                    low, high = FEATURE_RANGES.get(name, (0.0, 1.0))
                    best[name] = high if weight > 0 else low
            threshold = rng.random()
            assert decision.can_reach(threshold, model) == (decision.probability(best) >= threshold)
