"""The training recipe: which rows each phase sees, the restatement edits, going on from an export, debiasing."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
import torch
from transformers import BertConfig, BertForSequenceClassification

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "models" / "recipe"))
from bias import bias_log_probs, shortcut_features  # noqa: E402
from export import load_trained  # noqa: E402
from prepare_data import load_config, number_as_word, respell, restyle_quotes, same_story_pairs  # noqa: E402
from same_story import ProtectedText, protected  # noqa: E402
from train import (  # noqa: E402
    NOT_CONTRADICTION,
    average_with_init,
    load_for_training,
    phase_rows,
    shortcut_bias,
    training_loss,
)


def test_rows_added_for_phase_4_stay_out_of_the_phases_trained_before_them():
    """Re-running phases 0-3 must reproduce them, so the rows added for phase 4 are not theirs."""
    config = load_config()
    sources = ["lingnli", "snli_dev", "news_restatements", "news_edits", "news_unrelated"]
    for phase in range(4):
        assert phase_rows(config, phase, sources) == [0, 1, 3]
    assert phase_rows(config, 4, sources) == [0, 2, 3, 4]  # the last pass leaves out caption data too


def test_restatement_edits_change_the_surface_only():
    rng = random.Random(0)
    assert respell("Forces centered on the U.S. base.", rng) == "Forces centered on the US base."
    assert respell("No spelling variant here.", rng) is None
    assert number_as_word("Three of the 10 men left.", rng) == "Three of the ten men left."
    for untouchable in ("He rants 24/7.", "Prices rose 5% on 10-4.", "A 3.5 magnitude quake."):
        assert number_as_word(untouchable, rng) is None
    assert restyle_quotes("“Rubbish,” she said, “it’s false.”", rng) == '"Rubbish," she said, "it\'s false."'


def test_training_goes_on_from_an_exported_model(tmp_path):
    """An export folds its temperature into the classifier; training from it must take it back out."""
    torch.manual_seed(0)
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32)
    model = BertForSequenceClassification(config.__class__(**config.to_dict(), num_labels=3)).eval()
    inputs = {"input_ids": torch.tensor([[2, 7, 9, 3, 11, 3]])}
    with torch.no_grad():
        model.classifier.weight.normal_(0.0, 1.0)  # logits of a few units, as a trained model gives
        trained = model(**inputs).logits
        model.classifier.weight /= 1.5
        model.classifier.bias /= 1.5
    model.config.calibration = {"method": "temperature", "temperature": 1.5}
    model.half().save_pretrained(tmp_path)

    restored = load_for_training(str(tmp_path)).eval()

    assert restored.dtype == torch.float32
    assert restored.config.calibration is None
    with torch.no_grad():
        assert torch.allclose(restored(**inputs).logits, trained, atol=1e-2)


def test_a_replaying_phase_keeps_its_new_sources_whole_and_samples_the_old():
    config = load_config()
    sources = ["lingnli"] * 2000 + ["mrpc"] * 50 + ["snli_dev"] * 10
    rows = phase_rows(config, 5, sources)
    assert set(range(2000, 2050)) <= set(rows)  # introduced in phase 5: every row
    replayed = sum(1 for i in rows if i < 2000)
    assert (
        0.5 * config["train"]["phases"][5]["replay"] * 2000
        < replayed
        < 1.5 * config["train"]["phases"][5]["replay"] * 2000
    )
    assert not set(range(2050, 2060)) & set(rows)  # a source phase 5 does not list
    assert phase_rows(config, 4, sources) == list(range(2000))  # earlier phases never see the new ones


def test_the_bias_model_reads_the_negation_shortcut():
    """One-sided "not" predicts contradiction in data where it mostly is one: the shortcut the product of experts removes."""
    pairs, labels = [], []
    for i in range(60):
        pairs.append((f"The plant {i} was closed on time.", f"The plant {i} was not closed on time."))
        labels.append(2)
        pairs.append((f"The plant {i} was closed on time.", f"The plant {i} closed on time."))
        labels.append(0)
    log_probs = bias_log_probs(pairs, labels)
    assert log_probs.shape == (120, 3)
    assert log_probs[0].argmax() == 2 and log_probs[1].argmax() == 0
    assert shortcut_features("He did not go.", "He didn't stay.")[2] == 1.0  # a negation on both sides


def test_product_of_experts_learns_least_where_the_bias_is_already_right():
    logits = torch.zeros((2, 3), requires_grad=True)
    labels = torch.tensor([2, 2])
    sure_and_right = torch.log(torch.tensor([[0.01, 0.01, 0.98], [0.98, 0.01, 0.01]]))
    training_loss(logits, labels, sure_and_right).backward()
    right, wrong = logits.grad.abs().sum(dim=1)
    assert right < 0.1 * wrong  # the example the shortcut gets right barely moves the model
    plain = torch.nn.functional.cross_entropy(logits.detach(), labels)
    assert torch.isclose(training_loss(logits.detach(), labels, None), plain)


def test_a_pair_that_is_no_contradiction_lowers_only_the_contradiction():
    """A mined same-story pair may be a restatement or say more: its loss moves contradiction, not the other two."""
    logits = torch.tensor([[0.0, 0.0, 2.0]], requires_grad=True)
    training_loss(logits, torch.tensor([NOT_CONTRADICTION]), None).backward()
    entailment, neutral, contradiction = logits.grad[0]
    assert contradiction > 0  # gradient descent lowers it
    assert entailment < 0 and torch.isclose(entailment, neutral)  # and raises the other two alike
    settled = torch.tensor([[3.0, -1.0, -6.0]])  # already sure it is entailment: nothing left to learn
    assert training_loss(settled, torch.tensor([NOT_CONTRADICTION]), None) < 0.01
    assert training_loss(settled, torch.tensor([1]), None) > 3  # where "neutral" as a full label would still push


def test_mined_pairs_reach_only_phase_6_and_the_shortcut_model_never_reads_them():
    config = load_config()
    sources = ["lingnli"] * 100 + ["news_same_story"] * 10
    assert not set(range(100, 110)) & set(phase_rows(config, 5, sources))
    assert set(range(100, 110)) <= set(phase_rows(config, 6, sources))
    texts = [(f"The plant {i} was closed.", f"The plant {i} was not closed.") for i in range(40)]
    labels = [2, 0] * 15 + [NOT_CONTRADICTION] * 10
    bias = shortcut_bias(list(range(40)), texts, labels)
    assert bias[:30].abs().sum() > 0 and bias[30:].abs().sum() == 0


def test_no_mined_claim_repeats_a_protected_sentence():
    """Wire copy repeats across outlets: a claim is left out where its words, as written or as the model reads it
    (quote marks and speaker gone), stand in a held-out or planted body."""
    held = ProtectedText(
        [{"text": "“The Apple Watch is the catalyst to ignite the global smartwatch market,” he said."}]
    )
    assert held.shares("The Apple Watch is the catalyst to ignite the global smartwatch market.")
    assert held.shares("Analysts say the Apple Watch is the catalyst to ignite the global smartwatch market, again.")
    assert not held.shares("The Apple Watch is a catalyst for the market, said another analyst on Monday.")
    short = ProtectedText([{"text": "A soldier has been shot. Dylan Thomas has been contacted for comment. Yes."}])
    assert short.shares("Police said on Monday night that a soldier has been shot near the base in the city.")
    assert short.shares("Officers said Dylan Thomas has been contacted for comment about the new claims, they said.")
    assert not short.shares("Yes, the officers said on Monday that they had contacted the soldier's family first.")
    assert protected(250, {"id": "x"}) and protected(1650, {"id": "x"}) and not protected(100, {"id": "x"})


def test_the_mined_pairs_take_the_model_s_false_alarms_first(tmp_path):
    rows = [
        {"premise": f"p{i}", "hypothesis": "h", "label": "not_contradiction", "source": "news_same_story"}
        for i in range(10)
    ]
    for i, row in enumerate(rows):
        row["contradiction"] = 0.9 if i < 3 else 0.05
    path = tmp_path / "same_story.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    chosen = same_story_pairs({"file": str(path), "max_rows": 5, "hard_from": 0.5}, random.Random(0), 1.0)
    assert [r["premise"] for r in chosen[:3]] == ["p0", "p1", "p2"] and len(chosen) == 5
    assert set(chosen[0]) == {"premise", "hypothesis", "label", "source"}
    assert (
        same_story_pairs({"file": str(tmp_path / "none.jsonl"), "max_rows": 5, "hard_from": 0.5}, random.Random(0), 1.0)
        == []
    )


def test_wise_ft_keeps_a_share_of_what_the_phase_learned(tmp_path):
    torch.manual_seed(0)
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32)
    start = BertForSequenceClassification(config.__class__(**config.to_dict(), num_labels=3))
    start.save_pretrained(tmp_path)
    trained = load_for_training(str(tmp_path))
    with torch.no_grad():
        trained.classifier.bias.fill_(1.0)
        before = start.classifier.bias.clone()
    average_with_init(trained, str(tmp_path), 0.25)
    assert torch.allclose(trained.classifier.bias, 0.25 * torch.ones(3) + 0.75 * before)


def test_an_export_from_a_checkpoint_averages_as_the_finished_phase_does(tmp_path):
    """`export.py --from-checkpoint` of a WiSE-FT phase: the checkpoint holds the weights before the average, which
    is with the weights the phase began from (the phase before's), not the base encoder's."""
    torch.manual_seed(0)
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32)
    base, start = (BertForSequenceClassification(config.__class__(**config.to_dict(), num_labels=3)) for _ in "ab")
    base.save_pretrained(tmp_path / "base")
    start.save_pretrained(tmp_path / "phase-0")
    trained = load_for_training(str(tmp_path / "phase-0"))
    with torch.no_grad():
        trained.classifier.weight.fill_(1.0)
    state = {"model": trained.state_dict(), "step": 10, "init": str(tmp_path / "phase-0")}
    torch.save(state, tmp_path / "checkpoint-1.pt")
    phases = [{}, {"wise_ft": 0.25}]

    exported = load_trained(tmp_path, True, str(tmp_path / "base"), phases)

    assert torch.allclose(exported.classifier.weight, 0.25 + 0.75 * start.classifier.weight)
    del state["init"]  # a checkpoint written before they named it
    torch.save(state, tmp_path / "checkpoint-1.pt")
    with pytest.raises(SystemExit, match="checkpoint-1.pt"):
        load_trained(tmp_path, True, str(tmp_path / "base"), phases)


def _pair_row(kind: str, label: int, contradiction: float, shared: float = 1.0) -> dict:
    values = {"contradiction_max": contradiction, "evidence_number": 0.0, "shared_entity": shared}
    return {"set": kind, "split": "tune", "label": label, "features": values}


def test_the_decision_is_weighted_as_news_meets_it():
    """Labelled signal-sampled pairs stand for the same-story pairs with a sign; quiet ones count as none."""
    from decision import weighted

    rows = [_pair_row("same story", 0, 0.1) for _ in range(90)] + [_pair_row("same story", 0, 0.9) for _ in range(30)]
    rows += [_pair_row("news, by signal", i % 5 == 0, 0.6) for i in range(10)] + [_pair_row("planted", 1, 0.95)] * 4
    chosen = weighted(rows, rules_share=0.25, synthetic_share=0.5)
    by_set = {r["set"]: w for r, w in chosen}
    assert sum(1 for r, _ in chosen if r["set"] == "same story") == 90  # the 30 with a sign are left out
    assert by_set["same story"] == 1.0 and by_set["news, by signal"] == 3.0  # 30 with a sign / 10 labelled
    assert by_set["planted"] * 4 == 0.5 * 3.0 * 10  # synthetic pairs weigh half the news pairs


def test_the_fitted_decision_is_a_file_checker_reads_and_ranks_by_the_signal(tmp_path):
    import json

    from decision import fit

    from checker.decision import Decision

    rng = random.Random(1)
    rows = [_pair_row("same story", 0, rng.random() * 0.3, rng.random() < 0.5) for _ in range(200)]
    rows += [_pair_row("same story", 0, 0.5) for _ in range(60)]  # with a sign: the labelled ones stand for them
    contradictions = [rng.random() for _ in range(120)]
    rows += [_pair_row("news, by signal", int(c > 0.7), c, rng.random() < 0.5) for c in contradictions]
    rows += [_pair_row("planted", 1, 0.9 + rng.random() * 0.1, rng.random() < 0.5) for _ in range(40)]
    path = tmp_path / "decision.json"
    path.write_text(json.dumps(fit(rows) | {"calibration": {"precision": {"all": 0.2}}}))
    decision = Decision.load(path)
    assert decision.probability({"contradiction_max": 0.95}) > 0.5 > decision.probability({"contradiction_max": 0.1})
    assert abs(decision.weights["shared_entity"]) < decision.weights["contradiction_max"]  # no signal, little weight
    assert 0.3 <= json.loads(path.read_text())["threshold"] <= 0.7  # the labels change at 0.7


def test_the_threshold_weighs_a_false_report_above_a_miss():
    """Raising the bar above 0.4 drops 4 of 10 true reports and 3 of 4 false ones: F1 keeps the low bar (0.83
    against 0.71), the recipe's F-beta (beta 0.5) takes the high one (0.79 against 0.76)."""
    import numpy as np
    from decision import best_threshold

    probability = np.array([0.9] * 6 + [0.4] * 4 + [0.9] + [0.4] * 3 + [0.1] * 20)
    y = np.array([1] * 10 + [0] * 24)
    weights = np.ones(len(y))
    assert best_threshold(probability, y, weights, beta=1.0) < 0.4 <= best_threshold(probability, y, weights)


def _reported(kind: str, label: str, range_: int = 0, n: int = 0) -> dict:
    """One contradiction checker reported on news, as `benchmarks/news_precision.py --reported` writes it."""
    sides = {side: {"doc_id": f"body-{n}", "span": [0, 10] if side == "a" else [20, 30]} for side in ("a", "b")}
    return sides | {"kind": kind, "label": label, "range": range_, "weights": "w"}


def test_the_scores_are_the_share_readers_confirmed_per_kind_on_the_tune_news():
    """Shrunk toward the share over every kind, never past it; a model-only contradiction's two bases (the model's
    rule, the decision) share the `nli` kind's score, since a report does not tell them apart."""
    from decision import calibrate

    rows = [_reported("nli", "contradiction" if i < 3 else "not") for i in range(12)]
    rows += [_reported("number", "contradiction" if i < 6 else "unclear", 600) for i in range(10)]
    calibration = calibrate(rows)
    precision = calibration["precision"]
    assert calibration["fitted_on"]["reported"] == {"nli": 12, "number": 10}
    assert calibration["fitted_on"]["ranges"] == [0, 600]
    assert precision["all"] == round(9 / 22, 4)
    assert 3 / 12 <= precision["nli"] < precision["all"] < precision["number"] <= 6 / 10
    assert precision["learned"] == precision["nli"]


def test_calibrating_refuses_pairs_not_yet_labelled():
    """A pair left out for want of a label would bias the share."""
    from decision import calibrate

    tune = [_reported("nli", "not")] * 5 + [_reported("number", "contradiction")] * 5
    with pytest.raises(SystemExit, match="1 reported pairs not labelled"):
        calibrate([*tune, _reported("date", "not labelled")])


def test_the_scores_are_measured_on_each_range_left_out_by_kind_and_as_one_for_all():
    """Kinds that differ alike in every range: scored by kind, the squared gap is smaller than with one score."""
    from decision import cross_validated

    rows = [_reported("nli", "contradiction" if i % 10 == 0 else "not", r) for r in (0, 400, 600) for i in range(20)]
    rows += [_reported("number", "contradiction" if i % 10 < 7 else "not", r) for r in (0, 400, 600) for i in range(10)]
    found = cross_validated(rows)
    assert found["by kind"]["pairs"] == found["one for all"]["pairs"] == 90
    assert found["by kind"]["brier"] < found["one for all"]["brier"]
    assert found["by kind"]["calibration_error"] < 0.1


def test_the_prior_follows_how_far_the_kinds_really_differ():
    """Shares far apart keep their own; shares chance could make equal all take the pooled share."""
    from decision import calibrate

    apart = [_reported("nli", "not")] * 40 + [_reported("number", "contradiction")] * 40
    precision = calibrate(apart)["precision"]
    assert precision["nli"] < 0.05 and precision["number"] > 0.95
    alike = [_reported("nli", "contradiction" if i % 5 == 0 else "not") for i in range(40)]
    alike += [_reported("number", "contradiction" if i % 5 == 1 else "not") for i in range(10)]
    assert calibrate(alike)["precision"] == {"all": 0.2}


def test_a_refit_marks_the_scores_stale_and_calibrating_needs_news_reported_with_the_weights(tmp_path, monkeypatch):
    import json

    import decision as recipe

    from checker.decision import Decision, weights_digest

    rng = random.Random(2)
    rows = [_pair_row("same story", 0, rng.random() * 0.3) for _ in range(100)]
    rows += [_pair_row("news, by signal", int(c > 0.7), c) for c in (rng.random() for _ in range(60))]
    pairs, out, reported = tmp_path / "pairs.jsonl", tmp_path / "decision.json", tmp_path / "np0.jsonl"
    pairs.write_text("".join(json.dumps(r) + "\n" for r in rows))
    news = [_reported("nli", "not labelled", n=i) for i in range(20)]
    reported.write_text("".join(json.dumps(r | {"weights": "old"}) + "\n" for r in news))
    labels = tmp_path / "labels.jsonl"  # labelled after the run that reported them: the labels file decides
    labels.write_text("".join(json.dumps(r | {"label": "contradiction" if i % 4 == 0 else "not"}) + "\n"
                              for i, r in enumerate(news)))  # fmt: skip
    calibrating = ["decision.py", str(reported), "--out", str(out), "--calibrate", "--labels", str(labels)]
    monkeypatch.setattr("sys.argv", calibrating)
    with pytest.raises(SystemExit, match="no weights to calibrate"):
        recipe.main()
    monkeypatch.setattr("sys.argv", ["decision.py", str(pairs), "--out", str(out)])
    recipe.main()
    assert Decision.load(out).precision == {"all": 0.5}  # loadable, one score for all until calibrated
    assert "stale" in json.loads(out.read_text())["calibration"]["fitted_on"]
    monkeypatch.setattr("sys.argv", calibrating)
    with pytest.raises(SystemExit, match="reported with other weights"):
        recipe.main()
    written = json.loads(out.read_text())
    digest = weights_digest(written["weights"], written["intercept"])
    reported.write_text("".join(json.dumps(r | {"weights": digest}) + "\n" for r in news))
    recipe.main()
    calibration = json.loads(out.read_text())["calibration"]
    assert calibration["fitted_on"]["weights"] == digest and "stale" not in calibration["fitted_on"]
    assert Decision.load(out).precision["all"] == 0.25
