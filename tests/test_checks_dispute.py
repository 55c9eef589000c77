"""The `dispute` check: what a sentence disputes, read from its parse, and the pair it makes with a side that
states it, as the model reads that side (its readings are given here; the pipeline test uses the shipped model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks import registry, run_checks
from checker.checks.disputes import DisputeCheck
from checker.config import Config
from checker.pipeline import Checker
from checker.records import CandidatePair
from tests.conftest import SHIPPED_MODEL
from tests.helpers import annotated, make_claim

BANKSY_DENIED = "The London Metropolitan Police has denied reports that street artist Banksy was arrested on Monday."
BANKSY_STATED = "Street artist Banksy was arrested on Monday after a long police operation, a tabloid said."


def _disputes(text: str):
    check = DisputeCheck()
    return check.mine(annotated(make_claim(text), [check]))


@pytest.mark.parametrize(
    ("text", "disputed", "cue"),
    [
        (BANKSY_DENIED, "street artist Banksy was arrested on Monday", "denied"),
        ("Claims that four terrorists had crossed the border were false, he said.", "four terrorists had crossed the border", "false"),
        (  # (audit) the parse hangs "are" on "Claims", read as the sentence's verb
            "Claims that the blast was caused by a faulty valve in the main reactor are a hoax, the workers' union said.",
            "the blast was caused by a faulty valve in the main reactor",
            "hoax",
        ),
        (
            "Perth scientists have cast doubt over claims that a spider burrowed into a man's body in Bali.",
            "a spider burrowed into a man's body in Bali",
            "cast doubt",
        ),
        (  # the parse hangs "over the claims" on "doubts", not on "raised"
            "Media outlets later raised doubts over the claims that Rosenberg had been captured by Isis fighters.",
            "Rosenberg had been captured by Isis fighters",
            "raised doubts",
        ),
        ("Reports that Isis fighters in Iraq have contracted Ebola have been refuted.", "Isis fighters in Iraq have contracted Ebola", "refuted"),
        ("The claims that four terrorists had crossed the border turned out to be false.", "four terrorists had crossed the border", "false"),
        ("Reports that the mayor had resigned spread quickly on social media but turned out to be false.", "the mayor had resigned", "false"),
        ("Police denied that the suspect had fled to Spain, so who was the man seen at the airport?", "the suspect had fled to Spain", "denied"),
        ("The minister did not hesitate to deny that the bridge would reopen in May.", "the bridge would reopen in May", "deny"),
        ("No 10 said the prime minister denied that the bridge would reopen in May.", "the bridge would reopen in May", "denied"),
        ("There is no evidence that the virus spread through the water supply.", "the virus spread through the water supply", "evidence"),
        ("It is not true that the store will close next year.", "the store will close next year", "not true"),
        (
            "Stacy Stephens said rumors that its security robots are roaming the Microsoft campus are not true.",
            "its security robots are roaming the Microsoft campus",
            "not true",
        ),
        ("A fake news story claiming that Nasa has forecast six days of darkness went viral.", "Nasa has forecast six days of darkness", "fake"),
    ],
)  # fmt: skip
def test_a_disputed_claim_is_taken_out_of_its_frame(text, disputed, cue):
    found = _disputes(text)
    assert found.propositions == (disputed,) and found.cues == (cue,) and found.disputing


@pytest.mark.parametrize(
    "text",
    [
        "No 10 will not confirm or deny that Jihadi John is Mohammed Emwazi.",
        "The ministry would neither confirm nor deny that two soldiers had been captured near the border.",
        "The company did not deny that it had plans to offer a free streaming service.",
        "Police no longer deny that the suspect escaped from Brixton prison on Friday.",
        "No one doubts that the Harlow bridge will reopen in May.",
        "Few doubt that the company will report a loss this year.",
        "It is hard to dispute that the company will report a loss this year.",
        "Senator Mark Hale refused to deny that the senator would run for president next year.",
        "The claims that the virus spread through the town's water supply were not false.",
        "It is unclear whether reports that the suspect fled to Spain are false.",
        "Officials refused to say whether rumors that the robots are roaming the campus were not true.",
        "If the reports that the striker will leave the club are not true, the fans will be relieved.",
        "The reports that the store will close next year are not entirely true.",
        "Is it not true that the store will close next year?",
        '"Is it not true that the store will close next year?" a reporter asked the chief executive.',
        "Did police deny that the suspect had fled to Spain?",
        "Reports say that street artist Banksy was arrested on Monday.",
        "The minister said that the bridge would reopen in May.",
    ],
)
def test_a_negated_dispute_or_a_plain_report_disputes_nothing(text):
    found = _disputes(text)
    assert found.propositions == () and not found.disputing


def test_a_report_is_disputed_by_its_own_verb_not_by_a_clause_further_on():
    found = _disputes(
        "Reports that the minister had resigned came a day after he said claims about his expenses were not true."
    )
    assert found.propositions == () and found.calls_false
    called = _disputes(
        "Reports that the plant would close next year led the union to call the company's figures false."
    )
    assert called.propositions == ()


def test_a_doubt_about_whether_something_will_happen_takes_no_claim_out():
    """Doubts raised about whether an outcome will come are no claim called false: "raised doubt about whether more
    than 200 schoolgirls ... will really be released" against "expected to lead to the liberation" (FNC-1 tune
    bodies 0-199, when whether-clauses were read; not a disagreement)."""
    text = "A wave of violence raised doubt on Sunday about whether the kidnapped schoolgirls will really be released."
    assert _disputes(text).propositions == ()


@pytest.mark.parametrize(
    ("text", "disputed"),
    [
        # a refusal, a confirmation or a relayed claim of something else does not take the denial back
        ("Officials declined to comment but denied that street artist Banksy was arrested on Monday.", "street artist Banksy was arrested on Monday"),
        ("Police confirmed two arrests in Bristol but denied reports that street artist Banksy was arrested on Monday.", "street artist Banksy was arrested on Monday"),
        ("It was difficult to reach the ministry, which later denied that troops had crossed the border.", "troops had crossed the border"),
        # a pronoun that is not the claim's subject says who it is; the denier's own words after it are left out
        ("Apple denied that the company had moved its headquarters to Dublin.", "the company had moved its headquarters to Dublin"),
        ("Police denied that the suspect had escaped from Brixton prison, refusing to give further details.", "the suspect had escaped from Brixton prison"),
    ],
)  # fmt: skip
def test_a_denial_beside_other_words_is_still_read(text, disputed):
    assert _disputes(text).propositions == (disputed,)


@pytest.mark.parametrize(
    "text",
    [
        "Street artist Banksy was arrested on Monday in London, hours after a fire claimed two lives near his studio.",
        "Islamic State claimed responsibility for the attack on the bridge in Raqqa.",
        "The suspect, who allegedly fled to Spain, was arrested in Madrid on Monday.",
    ],
)
def test_claim_or_allege_in_another_sense_or_clause_relays_nothing(text):
    assert not _disputes(text).relays


def test_a_denial_the_sentence_itself_takes_back_disputes_no_claim():
    """ "Initially denied ..., but later confirmed it": the sentence ends where the other source stands."""
    found = _disputes(
        "Police initially denied reports that the suspect had escaped from Brixton prison, but later confirmed it."
    )
    assert found.propositions == ()


def test_a_claim_of_no_one_in_particular_is_not_taken_out():
    """ "He had taken bribes" is stated of anyone: the model would read any person's act as stating it."""
    assert _disputes("Mayor John Vick denied that he had taken bribes from the developer.").propositions == ()


@pytest.mark.parametrize(
    ("disputing", "other"),
    [
        # a relayed allegation: both sources report the story alike
        (
            "Mayor John Vick denied that Mayor John Vick took bribes from the developer in 2019.",
            "Prosecutors allege that Mayor John Vick took bribes from the developer in 2019.",
        ),
        # (religion desk) the side that states it says who claims it: one claim, told by both
        (
            "The Fellowship claimed the vote breached canon law; Margaret Doyle rejected that.",
            "The Fellowship said the vote breached canon law.",
        ),
        # a negation: the model reads "no intelligence to suggest terrorists are coming" as stating that they come
        (
            "DHS released a statement denying that terrorists were coming across the southern border.",
            "DHS has no credible intelligence to suggest terrorists are coming across the southern border.",
        ),
    ],
)
def test_a_side_that_relays_an_allegation_or_holds_a_negation_is_not_read_as_stating_it(disputing, other):
    check = DisputeCheck()
    pair = _pair(disputing, other)
    assert check.mine(pair.a).propositions and check.model_inputs(pair.a, pair.b) == []


@pytest.mark.parametrize(
    ("text", "debunks"),
    [
        ("It turns out that this is a hoax.", True),
        ("Police said the reports were not true.", True),
        ("Police later denied the report.", True),
        ("There is no evidence that the virus spread through the water supply.", True),
        ("He was carrying a fake passport when officers stopped him.", False),
        ("Officers had earlier responded to a false alarm at a gallery.", False),
        ("Detectives said there was no evidence of a link to a break-in.", False),
        ("Separately, a bomb hoax closed Waterloo station for an hour.", False),
        ("The council dismissed the report on street art funding.", False),
    ],
)
def test_what_makes_an_article_a_debunking_one(text, debunks):
    """A fake passport or a false alarm calls no report false: the article's other sentences still state."""
    assert _disputes(text).calls_false is debunks


def _pair(a: str, b: str) -> CandidatePair:
    check = DisputeCheck()
    return CandidatePair(annotated(make_claim(a, "a.txt"), [check]), annotated(make_claim(b, "b.txt"), [check]), 0.6)


def test_a_side_that_states_the_disputed_claim_contradicts_as_the_model_reads_it():
    check = DisputeCheck()
    pair = _pair(BANKSY_DENIED, BANKSY_STATED)
    asked = check.model_inputs(pair.a, pair.b)
    assert asked == [(BANKSY_STATED, "street artist Banksy was arrested on Monday")]
    stated = check.compare(pair.a, pair.b, 0.6, {asked[0]: (0.9, 0.08, 0.02)})
    assert stated is not None and stated.contradicts
    assert stated.detail == {
        "disputed": "street artist Banksy was arrested on Monday",
        "cue": "denied",
        "entailment": 0.9,
        "a": "disputes it",
        "b": "states it",
    }
    # below the bar, or with no reading (a stage that did not ask the model), nothing is found
    assert check.compare(pair.a, pair.b, 0.6, {asked[0]: (0.5, 0.45, 0.05)}) is None
    assert check.compare(pair.a, pair.b, 0.6) is None


def test_one_kind_of_speaker_of_two_sides_is_still_read():
    """(review) "Hamas officials" claimed it, "Israeli officials" state it: two speakers, whose head words are one."""
    check = DisputeCheck()
    pair = _pair(
        "Hamas officials claimed the strike killed 40 civilians; Israeli officials denied it.",
        "Israeli officials said the strike killed 40 civilians.",
    )
    assert check.mine(pair.a).propositions and check.model_inputs(pair.a, pair.b)


def test_one_speaker_who_states_what_it_denies_elsewhere_is_still_read():
    """Who disputes does not count: "Police said the artist was arrested" against "Police denied reports that ..."
    is the police's word twice, and the model reads whether it states the claim."""
    check = DisputeCheck()
    pair = _pair(
        "Police denied reports that the street artist was arrested.", "Police said the street artist was arrested."
    )
    assert check.model_inputs(pair.a, pair.b) == [(pair.b.text, "the street artist was arrested")]


def test_a_side_that_rejects_the_claim_too_does_not_state_it():
    """'According to the FAKE story, Banksy was arrested' relays the claim to reject it: both sides agree."""
    check = DisputeCheck()
    pair = _pair(BANKSY_DENIED, "According to the fake story, street artist Banksy was arrested on Monday.")
    assert check.model_inputs(pair.a, pair.b) == []


def test_run_checks_hands_the_readings_to_the_checks_that_read_the_model_only():
    checks = registry().configured()
    pair = CandidatePair(
        annotated(make_claim(BANKSY_DENIED, "a.txt")), annotated(make_claim(BANKSY_STATED, "b.txt")), 0.6
    )
    readings = {(BANKSY_STATED, "street artist Banksy was arrested on Monday"): (0.95, 0.04, 0.01)}
    assert [e.kind for e in run_checks(pair, checks, readings) if e.contradicts] == ["dispute"]
    assert not [e for e in run_checks(pair, checks) if e.kind == "dispute"]


def _contradictions_against_the_police(tmp_path, nlp, name: str, text: str) -> list:
    """The contradictions the pipeline (shipped model) reports between the police denial and one other article."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "police.txt").write_text(
        "Graffiti artist detained? London police deny it.\n\n" + BANKSY_DENIED + "\n", encoding="utf-8"
    )
    (folder / name).write_text(text, encoding="utf-8")
    result = Checker(Config(model=str(SHIPPED_MODEL)), nlp=nlp).check([str(folder)])
    return [f for f in result.findings if f.label == "contradict"]


def test_the_pipeline_reports_a_denied_report_against_the_story_that_states_it(tmp_path, nlp):
    """End to end: the model reads the two sentences as neutral, the check finds them."""
    found = _contradictions_against_the_police(
        tmp_path,
        nlp,
        "tabloid.txt",
        "Banksy arrested in London.\n\nStreet artist Banksy was arrested on Monday in London, a tabloid reported.\n",
    )
    assert [f.kind for f in found] == ["dispute"]
    assert {Path(found[0].pair.a.doc_id).name, Path(found[0].pair.b.doc_id).name} == {"police.txt", "tabloid.txt"}
    assert found[0].evidence[0].detail["cue"] == "denied"


def test_a_denial_in_the_deniers_own_negated_words_takes_no_claim_out():
    assert _disputes('But the abbess denied: "No sister gave birth to a child in the convent."').propositions == ()


def test_an_article_that_calls_the_story_a_hoax_relays_it_to_debunk_it(tmp_path, nlp):
    """Its sentence that states the claim agrees with the source that denies it: nothing is reported."""
    debunk = (
        "Banksy arrest story was a hoax.\n\nStreet artist Banksy was arrested on Monday in London, a website reported."
        " It turns out that the story is a hoax.\n"
    )
    assert _contradictions_against_the_police(tmp_path, nlp, "debunk.txt", debunk) == []
