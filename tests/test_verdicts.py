"""Verdicts: how scores in both directions and structured evidence become one label."""

from __future__ import annotations

from dataclasses import replace

from checker.checks import registry
from checker.decision import Decision
from checker.records import CandidatePair, Evidence, NLIScores
from checker.verdicts import Thresholds, decide, needs_reverse
from tests.helpers import annotated, make_claim, make_pair

THRESHOLDS = Thresholds(contradict=0.8, agree=0.7)
SCORES = {"learned": 0.2, "date": 0.3, "all": 0.15}  # a contradiction's score by basis
# A stand-in for the learned decision that reports what the model reads at 0.8 or more (50 * 0.8 - 38.90 is the
# log-odds of 0.75, the report threshold), and one that reports nothing.
READS_THE_MODEL = Decision({"contradiction_max": 50.0}, -38.9014, SCORES)
NEVER = Decision({}, -50.0, SCORES)
KINDS = registry().kinds
PAIR = make_pair("The Tower Bridge opened in May.", "The Tower Bridge opened in June.", entities=("Tower Bridge",))


def verdict(forward, backward, evidence=()):
    return decide(PAIR, NLIScores(forward, backward), list(evidence), THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h")


def test_contradiction_in_either_direction_counts():
    finding = verdict((0.05, 0.1, 0.85), (0.1, 0.6, 0.3))
    assert (finding.label, finding.kind, finding.score) == ("contradict", "nli", SCORES["learned"])


def test_a_contradictions_score_is_the_share_confirmed_for_its_basis_not_the_models_probability():
    """On news the model's 0.99 was right no more often than its 0.85: the score says how often a basis was."""
    sure, unsure = verdict((0.0, 0.01, 0.99), (0.0, 0.01, 0.99)), verdict((0.05, 0.1, 0.85), (0.05, 0.1, 0.85))
    assert sure.score == unsure.score == SCORES["learned"]
    number = Evidence("number", True, {"a": 12, "b": 18}, "12 vs 18")
    assert verdict((0.1, 0.85, 0.05), (0.1, 0.85, 0.05), [number]).score == SCORES["all"]  # a basis not measured
    assert verdict((0.1, 0.85, 0.05), (0.1, 0.85, 0.05)).score == 0.85  # an unrelated pair keeps the model's
    assert verdict((0.9, 0.05, 0.05), (0.2, 0.7, 0.1)).score == 0.9  # and so does an agreement


def test_below_threshold_is_not_a_contradiction():
    assert verdict((0.05, 0.25, 0.7), (0.1, 0.6, 0.3)).label == "unrelated"


def test_entailment_in_either_direction_is_agreement():
    finding = verdict((0.1, 0.85, 0.05), (0.75, 0.2, 0.05))
    assert (finding.label, finding.score) == ("agree", 0.75)


def test_structured_contradiction_outranks_the_model():
    evidence = Evidence("date", True, {"a": ["May"], "b": ["June"]}, "May vs June")
    finding = verdict((0.1, 0.85, 0.05), (0.1, 0.85, 0.05), [evidence])
    assert (finding.label, finding.kind, finding.score) == ("contradict", "date", SCORES["date"])
    assert finding.evidence == (evidence,)


def test_matching_values_agree_unless_the_model_sees_a_contradiction():
    same = Evidence("number", False, {}, "both give 12 votes")
    assert verdict((0.2, 0.7, 0.1), (0.2, 0.7, 0.1), [same]).label == "agree"
    assert verdict((0.0, 0.1, 0.9), (0.0, 0.1, 0.9), [same]).label == "contradict"


def test_finding_ids_ignore_offsets_and_order_of_the_pair():
    a = verdict((0.05, 0.1, 0.85), (0.1, 0.6, 0.3))
    flipped = decide(
        make_pair(PAIR.b.text, PAIR.a.text),
        NLIScores((0.1, 0.6, 0.3), (0.05, 0.1, 0.85)),
        [],
        THRESHOLDS,
        READS_THE_MODEL,
        KINDS,
        "m",
        "h",
    )
    assert a.id != "" and len(a.id) == 16
    assert verdict((0.0, 0.0, 1.0), (0.0, 0.0, 1.0)).id == a.id  # same claims, same kind: same id
    assert flipped.id != a.id  # the texts swapped documents: another finding


def test_a_repeated_structured_discrepancy_is_reported_once():
    from checker.records import CandidatePair
    from checker.verdicts import collapse_repeats
    from tests.helpers import make_claim

    evidence = Evidence("title", True, {"person": "chirac", "role": "president", "a_former": True, "b_former": False})
    a = make_claim("Former President Jacques Chirac spoke.", "a.txt")
    findings = [
        decide(
            CandidatePair(a, make_claim(text, "b.txt"), sim),
            None,
            [evidence],
            THRESHOLDS,
            READS_THE_MODEL,
            KINDS,
            "m",
            "h",
        )
        for text, sim in (("President Jacques Chirac spoke.", 0.6), ("President Jacques Chirac left.", 0.8))
    ]
    (kept,) = collapse_repeats(findings)
    assert kept.pair.b.text == "President Jacques Chirac left."


def test_a_pair_showing_a_second_discrepancy_is_kept_beside_one_showing_the_first_alone():
    """The toll-only pair stood for both (the more alike), and the homes fact lost its only pair."""
    from checker.records import CandidatePair
    from checker.verdicts import collapse_repeats
    from tests.helpers import make_claim

    def counts(unit: str, a: int, b: int) -> Evidence:
        return Evidence("number", True, {"unit": unit, "polarity": "", "a": {"value": a}, "b": {"value": b}})

    twelve = make_claim("The storm killed 12 and destroyed 300 homes.", "a.txt")
    findings = [
        decide(
            CandidatePair(twelve, make_claim(text, "b.txt"), sim),
            None,
            shown,
            THRESHOLDS,
            READS_THE_MODEL,
            KINDS,
            "m",
            "h",
        )
        for text, sim, shown in (
            ("The storm killed 15.", 0.9, [counts("death", 12, 15)]),
            ("It killed 15 and destroyed 450 homes.", 0.8, [counts("death", 12, 15), counts("home", 300, 450)]),
        )
    ]
    assert len(collapse_repeats(findings)) == 2
    turned = replace(
        findings[1], evidence=findings[1].evidence[::-1]
    )  # the same two discrepancies, named the other way
    assert len(collapse_repeats([findings[1], turned])) == 1
    # evidence that makes no fact of its own (a list differing by a name) does not keep a repeat apart
    listed = Evidence("entity_set", True, {"only_in_a": ["Kerala"], "only_in_b": []})
    also = replace(findings[0], evidence=(*findings[0].evidence, listed))
    assert len(collapse_repeats([findings[0], also])) == 1


def test_a_direction_not_scored_does_not_count():
    assert verdict((0.05, 0.1, 0.85), None).label == "contradict"
    finding = verdict(None, (0.8, 0.15, 0.05))
    assert (finding.label, finding.score) == ("agree", 0.8)
    assert verdict((0.1, 0.8, 0.1), None).label == "unrelated"


def test_reverse_is_needed_only_within_the_margin_of_a_threshold():
    assert not needs_reverse((0.1, 0.8, 0.1), THRESHOLDS, 0.3)
    assert needs_reverse((0.1, 0.4, 0.5), THRESHOLDS, 0.3)  # contradiction 0.5 >= 0.8 - 0.3
    assert needs_reverse((0.4, 0.5, 0.1), THRESHOLDS, 0.3)  # entailment 0.4 >= 0.7 - 0.3
    assert needs_reverse((0.0, 1.0, 0.0), THRESHOLDS, 1.0)  # margin 1: always both


def test_the_decision_is_told_whether_the_claims_name_a_common_entity():
    """Sentences of different stories that share wording read as contradictions to the model. No rule drops a pair
    for naming no common entity: the verdict hands the decision that signal, and one that weighs it tells the pairs
    apart (the shipped fit gives it almost no weight; its other signals decide)."""
    scores = NLIScores((0.02, 0.08, 0.9), (0.02, 0.08, 0.9))
    weighs_entities = Decision({"contradiction_max": 50.0, "shared_entity": 5.0}, -45.0, SCORES)
    a = make_claim("Macaulay Culkin will be missed but not forgotten.", "a.txt", ("person:culkin",))
    b = make_claim("Axl Rose will be missed but not forgotten.", "b.txt", ("person:rose",))
    pronoun = make_claim("There is no way they can go ahead without him.", "b.txt")
    for other in (b, pronoun):
        pair = CandidatePair(a, other, 0.6)
        assert decide(pair, scores, [], THRESHOLDS, weighs_entities, KINDS, "m", "h").label == "unrelated"
    same = make_claim("Macaulay Culkin will not be missed.", "b.txt", ("person:culkin",))
    assert decide(CandidatePair(a, same, 0.6), scores, [], THRESHOLDS, weighs_entities, KINDS, "m", "h").label == (
        "contradict"
    )


def test_the_same_words_in_two_sources_never_contradict():
    """A contradiction between identical sentences can only come from rewriting them standalone."""
    scores = NLIScores((0.02, 0.08, 0.9), (0.02, 0.08, 0.9))
    a = make_claim("He also carries a pistol at work.", "a.txt", ("person:vickers",), "Vickers also carries a pistol.")
    b = make_claim("He also carries a pistol at work!", "b.txt", ("person:vickers",), "Miller also carries a pistol.")
    assert (
        decide(CandidatePair(a, b, 0.9), scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label != "contradict"
    )
    c = make_claim("He never carries a pistol at work.", "b.txt", ("person:vickers",))
    assert (
        decide(CandidatePair(a, c, 0.9), scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label == "contradict"
    )


def test_a_quote_given_whole_in_one_source_and_in_part_in_another_never_contradicts():
    scores = NLIScores((0.02, 0.08, 0.9), (0.02, 0.08, 0.9))
    entities = ("person:shekau",)
    part = make_claim(
        "A ceasefire would come from the leader Abubakar Shekau, Sani told AFP.",
        "a.txt",
        entities,
        "A ceasefire would come from the leader Abubakar Shekau.",  # the model reads it without the attribution
    )
    whole = make_claim(
        '"We spoke to him last week, and a ceasefire would come from the leader Abubakar Shekau," said Sani.',
        "b.txt",
        entities,
    )
    assert (
        decide(CandidatePair(part, whole, 0.8), scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label
        != "contradict"
    )
    changed = make_claim("No ceasefire would come from the leader Abubakar Shekau, Sani said.", "b.txt", entities)
    assert (
        decide(CandidatePair(part, changed, 0.8), scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label
        == "contradict"
    )


def test_one_quote_of_one_speaker_described_two_ways_is_not_the_models_contradiction():
    """(MRPC tune pair) '"The fire calmed down considerably overnight, then it rained," said Andy Lyon, spokesman for
    the fire south of the city' against the same quote of the same man, "spokesman for the Douglas County fire command
    center": the model read a contradiction in how each describes him. The quote check's agreement says one
    statement; the same quote given to two people is still that check's contradiction."""
    scores = NLIScores((0.02, 0.03, 0.95), (0.02, 0.03, 0.95))
    quote = '"The fire calmed down considerably overnight, then it rained," said '
    a = make_claim(quote + "Andy Lyon, spokesman for the fire south of the city.", "a.txt", ("person:lyon",))
    b = make_claim(
        quote + "Andy Lyon, spokesman for the Douglas County fire command center.", "b.txt", ("person:lyon",)
    )
    checks = [registry().check("quote")()]
    evidence = [e for c in checks if (e := c.compare(annotated(a, checks), annotated(b, checks), 0.9))]
    assert [e.contradicts for e in evidence] == [False]
    assert (
        decide(CandidatePair(a, b, 0.9), scores, evidence, THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label
        != "contradict"
    )
    assert (
        decide(CandidatePair(a, b, 0.9), scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label == "contradict"
    )
    # (review) the same quote in sentences that differ beyond the speaker is still the model's to read
    said = '"This is a plan that keeps our roads safe and our buses running," Kotek said after the Senate '
    a = make_claim(said + "approved the bill 18-12.", "a.txt", ("person:kotek",))
    b = make_claim(said + "rejected the bill 18-12.", "b.txt", ("person:kotek",))
    evidence = [e for c in checks if (e := c.compare(annotated(a, checks), annotated(b, checks), 0.9))]
    assert [e.contradicts for e in evidence] == [False]
    assert (
        decide(CandidatePair(a, b, 0.9), scores, evidence, THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label
        == "contradict"
    )


def test_a_repeated_discrepancy_is_shown_by_body_sentences_rather_than_a_headline():
    from dataclasses import replace as with_

    from checker.records import CandidatePair
    from checker.verdicts import collapse_repeats
    from tests.helpers import make_claim

    evidence = Evidence(
        "number", True, {"unit": "dollar", "polarity": "", "a": {"value": 6.8e9}, "b": {"value": 7.6e9}}
    )
    headline = make_claim("Acme to buy rival Zeta for $6.8 billion in cash", "a.txt")
    body = with_(make_claim("Acme agreed to buy Zeta for about $6.8 billion in cash.", "a.txt"), line=5)
    other = with_(make_claim("The deal values Zeta at $7.6bn.", "b.txt"), line=4)
    findings = [
        decide(CandidatePair(a, other, sim), None, [evidence], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h")
        for a, sim in ((headline, 0.9), (body, 0.85))
    ]
    (kept,) = collapse_repeats(findings)
    assert kept.pair.a is body


def test_words_around_a_sentence_that_turn_it_round_keep_the_contradiction():
    scores = NLIScores((0.02, 0.08, 0.9), (0.02, 0.08, 0.9))
    a = make_claim("Acme will close its factory in Ohio next year.", "a.txt", ("Acme",))
    b = make_claim("It is false that Acme will close its factory in Ohio next year.", "b.txt", ("Acme",))
    assert (
        decide(CandidatePair(a, b, 0.9), scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label == "contradict"
    )


def test_a_minimal_edit_that_names_no_entity_is_reported_where_the_learned_decision_is_sure():
    """The shared-entity rule of old dropped it; the decision's probability reports it, where it is sure."""
    scores = NLIScores((0.01, 0.04, 0.95), (0.01, 0.04, 0.95))
    pair = make_pair("This has been an emotional ordeal, he said.", "This has not been an emotional ordeal, he said.")
    learned = Decision({"contradiction_max": 8.0, "negation_one_side": 2.0}, -8.0, SCORES)  # 0.82 for this pair
    finding = decide(pair, scores, [], THRESHOLDS, learned, KINDS, "m", "h")
    assert (finding.label, finding.kind, finding.score) == ("contradict", "nli", SCORES["learned"])
    unsure = Decision({"contradiction_max": 8.0}, -8.0, SCORES)  # 0.40 for this pair: below the threshold of 0.5
    assert decide(pair, scores, [], replace(THRESHOLDS, report=0.5), unsure, KINDS, "m", "h").label == "unrelated"


def test_the_models_probability_alone_reports_nothing():
    """On news the model read real and false disagreements alike (0.9 or more both ways for paraphrases): a pair it
    reads at 0.99 is reported only where the decision is sure of it."""
    scores = NLIScores((0.0, 0.01, 0.99), (0.0, 0.01, 0.99))
    pair = make_pair(
        "The officer was almost knocked unconscious by Brown.",
        "Officer Wilson was almost knocked out by Brown.",
        entities=("person:brown",),
    )
    assert decide(pair, scores, [], THRESHOLDS, NEVER, KINDS, "m", "h").label == "unrelated"


def test_a_pair_the_model_reads_under_contradict_threshold_is_reported_where_the_decision_is_sure():
    """The model at 0.7, under `contradict_threshold`: a decision that weighs it so may still report it."""
    scores = NLIScores((0.1, 0.2, 0.7), (0.1, 0.2, 0.7))
    pair = make_pair(
        "The talks in Geneva ended in agreement.", "The talks in Geneva collapsed.", entities=("gpe:geneva",)
    )
    assert decide(pair, scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label == "unrelated"
    sure = Decision({"contradiction_max": 10.0}, -5.0, SCORES)  # 0.88 at 0.7
    assert decide(pair, scores, [], THRESHOLDS, sure, KINDS, "m", "h").label == "contradict"
    assert decide(pair, scores, [], replace(THRESHOLDS, report=1.0), sure, KINDS, "m", "h").label == "unrelated"


def test_the_decision_is_not_asked_where_one_claim_stands_within_the_other():
    scores = NLIScores((0.01, 0.04, 0.95), (0.01, 0.04, 0.95))
    pair = make_pair("Once I even attracted a glass.", '"Once I even attracted a glass," she said.')
    always = Decision({}, 50.0, SCORES)
    assert decide(pair, scores, [], THRESHOLDS, always, KINDS, "m", "h").label != "contradict"


def test_a_name_against_a_description_or_a_pronoun_in_the_same_words_never_contradicts():
    """ "Kumar was taken to hospital" and "The man was taken to hospital" tell one thing, one naming whom the other
    describes; the model read such pairs as contradictions both ways. Another name, or a negation besides, is one."""
    scores = NLIScores((0.02, 0.08, 0.9), (0.02, 0.08, 0.9))
    named = make_claim("Kumar was eventually taken to hospital in a critical condition.", "a.txt", ("person:kumar",))

    def label(text: str, entities: tuple[str, ...] = ("person:kumar",)) -> str:
        other = make_claim(text, "b.txt", entities)
        return decide(CandidatePair(named, other, 0.9), scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label

    assert label("The man was eventually taken to hospital in a critical condition.") != "contradict"
    assert label("He was eventually taken to hospital in a critical condition.") != "contradict"
    assert label("The man was never taken to hospital in a critical condition.") == "contradict"
    assert label("Kumar was eventually taken to hospital.") != "contradict"  # words left out: `one_within_other`
    # a capitalised word that names no person the claim names is no name here (review)
    nobody = make_claim("Nobody was injured in the blast in Kabul.", "a.txt", ("Kabul",))
    he = make_claim("He was injured in the blast in Kabul.", "b.txt", ("Kabul",))
    assert decide(CandidatePair(nobody, he, 0.9), scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label == (
        "contradict"
    )
    shared = ("person:kumar", "person:singh")
    assert label("Singh was eventually taken to hospital in a critical condition.", shared) == "contradict"


def test_one_statement_with_words_written_another_way_never_contradicts():
    """Abbreviated, or with an apostrophe: the same statement, which the model read as a contradiction both ways on
    news (0.97 for "E. Meyer Blvd." / "East Meyer Boulevard"). Another word is one, however alike it is written."""
    scores = NLIScores((0.02, 0.08, 0.9), (0.02, 0.08, 0.9))

    def label(a: str, b: str) -> str:
        pair = make_pair(a, b, entities=("gpe:kansas city",))
        return decide(pair, scores, [], THRESHOLDS, READS_THE_MODEL, KINDS, "m", "h").label

    sealed = "A building in the 3600 block of {} Meyer {} was sealed off about 9:30 p.m. Saturday in Kansas City."
    assert label(sealed.format("E.", "Blvd."), sealed.format("East", "Boulevard")) != "contradict"
    assert label(sealed.format("West", "Blvd."), sealed.format("East", "Boulevard")) == "contradict"
    assert label(sealed.format("E", "Blvd"), sealed.format("East", "Boulevard")) == "contradict"  # no full stop
    fled = "Thousands fled {} in Kansas City as {} fighters advanced."
    assert label(fled.format("Tal Afar", "al Qaeda"), fled.format("Tal Afar", "al-Qa'eda")) != "contradict"
    # the same consonants, another place (review)
    assert label(fled.format("Gaza", "al Qaeda"), fled.format("Giza", "al Qaeda")) == "contradict"
    # a full stop that ends the sentence abbreviates nothing (review)
    assert (
        label(
            "He was freed from a prison in Kansas City and Iran.",
            "He was freed from a prison in Kansas City and Ireland.",
        )
        == "contradict"
    )
    assert (
        label("The striker from Kansas City re-signed on Monday.", "The striker from Kansas City resigned on Monday.")
        == "contradict"
    )
    moved = "The {} said the office in Kansas City would move."
    assert label(moved.format("clerk"), moved.format("secretary")) == "contradict"
