"""Claims: spans into the original text, what is dropped, and the self-contained form."""

from __future__ import annotations

from datetime import date

from checker.checks.numbers import _same_setting
from checker.claims import MAX_PARSED_CHARS, anchor_weekday, extract_claims, parsed_pieces
from checker.corpus import _document
from checker.entities import entity_key, share_entity
from checker.records import Span


def claims_of(nlp, text: str, published: str = ""):
    return extract_claims([_document("doc.txt", text, "doc.txt", published=published)], nlp)


def test_every_claim_is_its_span_of_the_original_text(nlp):
    text = (
        "JOIN US ON TELEGRAM\n"
        "Gen. Mark Smith met U.S. officials in Brussels on Monday. He said the talks went well.\n"
        "Latest news\n- Ten things to know today\n- Markets fall again\n"
    )
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == [
        "Gen. Mark Smith met U.S. officials in Brussels on Monday.",
        "He said the talks went well.",
    ]
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        assert claim.line == 2


def test_a_unit_at_a_sentence_end_is_no_abbreviation_that_joins_two_claims(nlp):
    """(science desk) "about 125 GeV." was kept whole, as "J." is, and its sentence and the next were one claim; a
    title's "Mr." still joins its name."""
    claims = claims_of(nlp, "The particle has a mass of about 125 GeV. A heavier cousin is predicted by theory.")
    assert [c.text for c in claims] == [
        "The particle has a mass of about 125 GeV.",
        "A heavier cousin is predicted by theory.",
    ]
    assert len(claims_of(nlp, "Police said Mr. Smith had left the building on Monday.")) == 1


def test_a_time_zone_after_a_clock_time_starts_no_sentence(nlp):
    """(tech desk) "at 7:40 a.m. Pacific time" was cut after "a.m.": the outage's start was a claim too short to
    check, and the rest lost its subject."""
    text = "The outage began at 7:40 a.m. Pacific time and lasted about four hours. The company apologised to users."
    assert [c.text for c in claims_of(nlp, text)] == [
        "The outage began at 7:40 a.m. Pacific time and lasted about four hours.",
        "The company apologised to users.",
    ]


def test_questions_calls_to_action_opinions_and_verbless_headings_are_not_claims(nlp):
    text = (
        "Will the ceasefire hold this time around?\nA Shared Vision for Defense Spending Cuts\n"
        "Follow our live coverage of the war.\nI think the ceasefire is a great step forward.\n"
        "The ceasefire held through the night in the north."
    )
    assert [c.text for c in claims_of(nlp, text)] == ["The ceasefire held through the night in the north."]


def test_a_typographic_apostrophe_is_parsed_as_a_plain_one_and_kept_as_written(nlp):
    """The parser read "wasn’t" as "was" and a punctuation mark, so the negation was lost; the claim and what the
    model reads keep the apostrophe as written (the model was trained on news as written)."""
    (claim,) = claims_of(nlp, "Finance Minister Anna Berg said the minister’s plan wasn’t ready.")
    assert claim.text == claim.standalone == "Finance Minister Anna Berg said the minister’s plan wasn’t ready."
    predicates = claim.annotations["negation"].found
    assert any(p.verb == "be ready" and p.negated for p in predicates)


def test_pronouns_resolve_to_the_person_named_before(nlp):
    text = "Finance Minister Anna Berg presented the budget on Tuesday. She said taxes would not rise."
    second = claims_of(nlp, text)[1]
    assert second.text == "She said taxes would not rise."
    assert second.standalone == "Anna Berg said taxes would not rise."


def test_a_pronoun_with_two_people_named_before_is_left_as_written(nlp):
    """Issue #15: a parent's words came out as "Boko Haram said ..."; with two candidates, neither is certain."""
    text = (
        "Enoch Mark, whose two daughters were abducted, spoke to reporters in Abuja. "
        "Abubakar Shekau denied that the group had agreed to a truce. "
        "He said the attack on the village saw some 40 women abducted."
    )
    third = claims_of(nlp, text)[-1]
    assert third.standalone == "He said the attack on the village saw some 40 women abducted."


def test_a_pronoun_is_left_as_written_where_two_relatives_or_an_unnamed_speaker_could_be_meant(nlp):
    relatives = "James Foley was kidnapped in Syria. Diane Foley spoke to reporters. He was a brave reporter."
    assert claims_of(nlp, relatives)[-1].standalone == "He was a brave reporter."
    unnamed = "John Smith went missing on Friday. His wife said she found the car near the river."
    assert claims_of(nlp, unnamed)[-1].standalone == "His wife said she found the car near the river."


def test_a_pronoun_after_a_reporting_verb_is_its_speaker(nlp):
    """ "Tukur said he ..." is about Tukur, not about the last person the article named; nor is an organisation he."""
    text = (
        "Hassan Tukur, an aide, flew to Chad. Boko Haram leader Abubakar Shekau denied the truce. "
        "Tukur said he had represented the government at two meetings in Chad.\n"
        "Senator Mark Olsen spoke on Friday. The Pentagon said he was killed in Yemen."
    )
    standalone = [c.standalone for c in claims_of(nlp, text)]
    assert "Tukur said Hassan Tukur had represented the government at two meetings in Chad." in standalone
    assert "The Pentagon said he was killed in Yemen." in standalone  # not the Pentagon; three people named before


def test_weekdays_are_anchored_to_the_publication_date(nlp):
    """The model reads the day as news writes one: against "(2025-09-18)" it read "Final results are due on
    September 18" as a contradiction (0.76), against "(September 18, 2025)" as an entailment."""
    claim = claims_of(nlp, "The central bank raised its key rate on Monday.", published="2025-02-26")[0]
    assert "Monday (February 24, 2025)" in claim.standalone
    assert claim.text == "The central bank raised its key rate on Monday."


def test_a_weekday_with_its_date_beside_it_is_left_as_written(nlp):
    """(audit) "killed 12 people on Tuesday, March 4, 2025" was shown as "on Tuesday (March 4, 2025), March 4"."""
    dated = ("The blast killed 12 people on Tuesday, March 4, 2025.", "The council voted on Tuesday 4 March.")
    for text in (*dated, "The blast killed 12 people on Tuesday, Sept. 4."):  # AP's months too (review)
        (claim,) = claims_of(nlp, text, published="2025-03-05")
        assert "(" not in claim.standalone
    (undated,) = claims_of(nlp, "On Tuesday March sales rose 5%.", published="2025-03-05")  # a month, no day
    assert "Tuesday (March 4, 2025) March sales" in undated.standalone


def test_a_weekday_to_come_is_anchored_ahead_as_the_date_check_reads_it(nlp):
    """Published on a Monday, "will be published on Thursday" is that week's Thursday, as the date check reads it;
    the model was shown the Thursday before and read "are due on September 18" as a contradiction."""
    ahead = claims_of(nlp, "Final results will be published on Thursday.", published="2025-09-15")[0]
    assert "Thursday (September 18, 2025)" in ahead.standalone
    reported = claims_of(nlp, "Officials said on Monday the truce would begin on Friday.", published="2025-09-17")
    assert "Friday (" not in reported[0].standalone  # counted from the statement: no date guessed
    assert "Monday (September 15, 2025)" in reported[0].standalone  # the statement's own day (review)
    week_on = claims_of(nlp, "The results will be published next Monday.", published="2025-09-15")[0]
    assert "next Monday (September 22, 2025)" in week_on.standalone  # said on a Monday: a week on (review)
    week_ago = claims_of(nlp, "The council voted to close the library last Monday.", published="2025-09-15")[0]
    assert "last Monday (September 8, 2025)" in week_ago.standalone  # said on a Monday: a week ago


def test_anchor_weekday_looks_back_or_ahead():
    assert anchor_weekday("Wednesday", date(2025, 2, 26)) == date(2025, 2, 26)
    assert anchor_weekday("Sunday", date(2025, 2, 26)) == date(2025, 2, 23)
    assert anchor_weekday("Sunday", date(2025, 2, 26), ahead=True) == date(2025, 3, 2)


def test_coordinated_independent_clauses_become_two_claims(nlp):
    text = "The measure passed with ten votes in favor, but five European countries abstained in the vote."
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == [
        "The measure passed with ten votes in favor",
        "five European countries abstained in the vote.",
    ]
    assert all(text[c.span.start : c.span.end] == c.text for c in claims)


def test_a_clause_split_keeps_the_marks_that_end_its_words(nlp):
    """(education desk) "was 96.8%, and ..." was cut at "96.8", and the report read "98.6% vs 96.8"."""
    text = "The overall pass rate was 96.8%, and 1,214 students achieved the maximum of 625 points."
    assert [c.text for c in claims_of(nlp, text)] == [
        "The overall pass rate was 96.8%",
        "1,214 students achieved the maximum of 625 points.",
    ]


def test_entities_are_normalised_across_aliases(nlp):
    claim = claims_of(nlp, "Washington and Moscow agreed on the talks in Kyiv last week.")[0]
    assert {"United States", "Russia", "Ukraine"} <= set(claim.entities)


def test_one_group_by_each_of_its_names_and_a_name_without_its_bracketed_acronym():
    """Outlets of one story write "ISIL", "ISIS" or "Islamic State", and follow a name with its acronym in brackets,
    which the tagger may cut ("the Local Coordination Committees (LCC"): each is one entity, not two lists' members."""
    assert {entity_key(name, "ORG") for name in ("ISIL", "ISIS", "the Islamic State", "Daesh")} == {"Islamic State"}
    assert entity_key("the Local Coordination Committees (LCC", "ORG") == "Local Coordination Committees"
    assert entity_key("Local Coordination Committees (LCC)", "ORG") == "Local Coordination Committees"
    assert entity_key("Local Coordination Committees (LCC)'s", "ORG") == "Local Coordination Committees"


def test_a_score_the_tagger_takes_into_a_name_is_no_part_of_it():
    assert entity_key("Chelsea 2-1", "ORG") == entity_key("Chelsea", "ORG") == "Chelsea"
    assert entity_key("Boeing 737-800", "ORG") != entity_key("Boeing 737-900", "ORG")


def test_the_model_reads_the_statement_without_its_attribution_or_side_remarks(nlp):
    text = (
        "The city electoral board ordered a recount of the postal ballots on Wednesday, a spokesman for the board said.\n"
        "Brandstatter conceded defeat on Sunday night, telling supporters that the result was painful.\n"
        "The board backed the bid, although two directors voted against it, according to two people briefed on it.\n"
        "Police said the captain had been arrested on Sunday."
    )
    claims = claims_of(nlp, text)
    assert [c.standalone for c in claims] == [
        "The city electoral board ordered a recount of the postal ballots on Wednesday.",
        "Brandstatter conceded defeat on Sunday night, telling supporters that the result was painful.",
        "The board backed the bid, although two directors voted against it.",
        "Police said the captain had been arrested on Sunday.",
    ]
    assert claims[0].text.endswith("a spokesman for the board said.")  # the report keeps every word


def test_an_attribution_is_left_out_only_where_it_is_all_the_rest(nlp):
    text = (
        "The suspect was arrested at the airport, police said, adding that he had been carrying a knife.\n"
        "Her dream team, according to party insiders, would have included three ministers.\n"
        '"I cannot find words for the grief these families are going through," the minister said.'
    )
    assert [c.standalone for c in claims_of(nlp, text)] == [
        "The suspect was arrested at the airport, police said, adding that he had been carrying a knife.",
        "Her dream team would have included three ministers.",
        "I cannot find words for the grief these families are going through.",
    ]


def test_a_pronoun_after_a_person_the_claim_names_is_left_as_written(nlp):
    """In "the judge refused his request while he appeals", he is not the judge."""
    text = (
        "Tomas Reinholt was convicted of fraud. "
        "Judge Miriam Ekdal then refused his request to remain free on bail while he pursues an appeal."
    )
    second = claims_of(nlp, text)[1]
    assert "while he pursues an appeal" in second.standalone
    assert "Miriam Ekdal pursues" not in second.standalone


def test_who_reports_a_figure_is_not_where_it_was_counted(nlp):
    """The Interior Ministry releases the turnout; the election is the setting, and numbers are compared within one."""
    text = "Turnout was 76.7 percent, according to the final figures released by the Interior Ministry."
    turnout = claims_of(nlp, text)[0]
    assert turnout.setting == () and turnout.reported_by == ("Interior Ministry",)
    assert claims_of(nlp, "The Interior Ministry counted 412 postal ballots.")[0].setting == ("Interior Ministry",)


def test_who_measured_a_figure_reports_it(nlp):
    """(science desk) "Chile's seismological center measured the earthquake at magnitude 6.7" is the center's
    reading, as "the U.S. Geological Survey said" makes 6.8 the survey's: two agencies' readings, which the number
    check keeps apart, not one quake's magnitude told two ways. A verb of measuring with no figure of its own
    reports nothing."""
    (center,) = claims_of(nlp, "Chile's National Seismological Center measured the earthquake at magnitude 6.7.")
    assert center.reported_by == ("National Seismological Center",) and center.setting == ()
    (survey,) = claims_of(nlp, "A magnitude 6.8 earthquake struck off central Chile, the U.S. Geological Survey said.")
    assert not _same_setting(center, survey)
    (stations,) = claims_of(nlp, "Three seismic stations of the National Seismological Center recorded the quake.")
    assert stations.reported_by == ()
    # (review) a station records a reading where it stands: its place, no reporter; "put" gives a reading only "at"
    (station,) = claims_of(nlp, "RAF Coningsby recorded a temperature of 40.3C on Tuesday.")
    assert station.reported_by == () and station.setting == ("RAF Coningsby",)
    (troops,) = claims_of(nlp, "The government put 2,000 troops on standby on Tuesday.")
    assert troops.reported_by == ()
    (ons,) = claims_of(nlp, "The ONS put inflation at 4.0% in the year to May.")
    assert ons.reported_by == ("ONS",)


def test_a_sentence_that_says_whose_reading_a_figure_is_takes_no_setting_from_the_one_before(nlp):
    """(review) "The ONS put inflation at 4.0%" and "The Bureau of Labor Statistics put inflation at 3.1%", each after
    a sentence naming the Federal Reserve, took its setting and were compared as one figure; two sentences naming
    the ONS after different ones were kept apart."""
    ons = claims_of(nlp, "The Federal Reserve held rates on Wednesday. The ONS put inflation at 4.0% in May.")[-1]
    bls = claims_of(nlp, "The Federal Reserve held rates on Wednesday. The BLS put inflation at 3.1% in May.")[-1]
    assert ons.setting == () and not _same_setting(ons, bls)
    later = claims_of(nlp, "The Bank of England met on Thursday. The ONS put inflation at 4.2% in May.")[-1]
    assert _same_setting(ons, later)


def test_the_body_a_claim_says_spoke_is_kept_with_it(nlp):
    """(conflict desk trial) "The health ministry said 40 were killed" and "The army said 12 were killed" give two
    parties' tolls, which the outlets attribute: the number check compares a figure only within one body's word."""
    (ministry,) = claims_of(nlp, "The health ministry said 40 people were killed in the strike.")
    (army,) = claims_of(nlp, "The army said 12 people were killed in the strike, all of them militants.")
    (named,) = claims_of(nlp, "At least 40 people were killed in the strike, according to the Health Ministry.")
    assert "body:state" in ministry.reported_by and "body:armed" in army.reported_by
    assert "body:state" in named.reported_by  # the ministry, named by the tagger or not, is one body
    (firm,) = claims_of(nlp, "Revenue rose to $2.4 billion in the quarter, the firm said.")
    (company,) = claims_of(nlp, "The company said revenue rose to $2 billion in the quarter.")
    assert firm.reported_by == company.reported_by == ("body:organisation",)  # one kind of body: one speaker
    for crowd in ("Officials said 40 people were killed.", "The spokesman said 40 people were killed."):
        assert not [k for k in claims_of(nlp, crowd)[0].reported_by if k.startswith("body:")], crowd


def test_a_name_written_out_in_full_is_not_spelled_out_again(nlp):
    """The tagger marked only "John" in "'Jihadi John'", and the claim was shown as "'Jihadi Jihadi John' is ..."."""
    text = (
        'Officials named the man known as Jihadi John on Thursday. A statement said: "We believe the name is correct."'
        "'Jihadi John' is not special, in the sense that all the foreign fighters have tried to hide their identity. "
        "John grew up in London."
    )
    claims = claims_of(nlp, text)
    assert claims[2].standalone == claims[2].text
    assert claims[3].standalone == "Jihadi John grew up in London."  # a bare name still gets the full one


def test_a_figure_written_with_a_no_break_or_thin_space_is_read_whole(nlp):
    """ "$800\u2009million" was parsed as "$800" and a bare "million": a syndicated copy that only changed the
    space failed CI with "$800 vs $800 million"."""
    from checker.checks.numbers import NumberCheck

    check = NumberCheck()
    for space in ("\u00a0", "\u2009", "\u202f"):
        text = f"Robert Plant turned down a $800{space}million deal to reunite the band."
        (claim,) = claims_of(nlp, text)
        assert claim.text == text  # the original characters, at their offsets
        (amount,) = claim.annotations["number"].found
        assert (amount.value, amount.text) == (800e6, "$800 million")
        (plain,) = claims_of(nlp, text.replace(space, " "))
        evidence = check.compare(claim, plain, 0.95)
        assert not evidence.contradicts and evidence.message == "both give $800 million"


def test_a_sentence_wrapped_over_lines_is_one_claim_at_its_offsets(nlp):
    from tests.test_cleaning import WRAPPED

    claims = claims_of(nlp, WRAPPED)
    (places,) = [c for c in claims if "35 dates" in c.text]
    assert places.text == "The group was to play 35 dates in three cities, London, Berlin\nand New Jersey."
    assert WRAPPED[places.span.start : places.span.end] == places.text and places.line == 7
    (amount,) = [q for c in claims for q in c.annotations["number"].found if q.value == 800e6]
    assert amount.text == "$800 million"  # "$800 million\ncontract": the figure read whole across the break


def test_a_wire_dateline_is_neither_the_claims_place_nor_its_day(nlp):
    """ "CARDIFF, Wales —" made CARDIFF the sentence's setting, so its sentence length was never compared with
    "Cardiff council"'s; the day of a dateline is the day of writing, not of the event."""
    text = (
        "CARDIFF, Wales — A former council leader was jailed for eight years on Friday.\n"
        "VIENNA, Oct 4 (CPA) - Weinberger asked Leitner to form a government.\n"
        "NATO said on Monday - in a statement - that its troops would stay.\n"
    )
    cardiff, vienna, nato = claims_of(nlp, text)
    assert cardiff.text == "A former council leader was jailed for eight years on Friday."
    assert text[cardiff.span.start : cardiff.span.end] == cardiff.text
    assert text[cardiff.sentence_span.start : cardiff.sentence_span.end] == cardiff.text
    assert cardiff.setting == () and not any("cardiff" in e.lower() for e in cardiff.entities)
    assert vienna.text.startswith("Weinberger") and vienna.annotations["date"].days == ()
    assert nato.text.startswith("NATO said on Monday")  # no place, no dateline: the sentence is whole
    (halloran,) = claims_of(nlp, "BURLINGTON, Vt. — Former governor Margaret Halloran died on Sunday aged 84.\n")
    assert halloran.text.startswith("Former governor")  # a state's abbreviation (elections and obituaries audit)
    whole = (  # (review) a title and a name before a dash are the sentence's subject, no dateline
        "UK Prime Minister Keir Starmer — speaking in Leeds — said 40 people had died.",
        "NATO Secretary General Mark Rutte - in a statement - said 300 troops would stay.",
        "I — like many others — voted for the 12 candidates on Monday.",
    )
    assert [c.text for c in claims_of(nlp, "\n".join(whole))] == list(whole)
    delhi, release = claims_of(
        nlp,
        "NEW DELHI, Oct 4: The government announced a plan.\n"
        "WASHINGTON, Oct. 4, 2024 /PRNewswire/ -- Acme Corp announced a deal.\n",
    )
    assert delhi.text.startswith("The government") and release.text.startswith("Acme Corp")
    # (audit) the tagger leaves "2025" out of the date here: the dateline stood in the claim
    (geneva,) = claims_of(nlp, "GENEVA, April 2, 2025 - Four nations signed the fisheries pact on Monday.\n")
    assert geneva.text == "Four nations signed the fisheries pact on Monday."
    # (a labour desk) a place of two words with an abbreviation, or two places, stood in the claim
    cloud, frankfurt = claims_of(
        nlp,
        "ST. CLOUD, Minnesota (Capital Wire) - Nurses began a three-day strike on Monday.\n"
        "FRANKFURT/ASHFORD (Capital Wire) - Valmont will close the Ashford plant in March.\n",
    )
    assert cloud.text.startswith("Nurses") and frankfurt.text.startswith("Valmont")


def test_a_short_sentence_that_states_a_figure_is_a_claim(nlp):
    """(a results desk) "Turnout was 67.3%." and "The Socialists won 96 seats." were never compared: a sentence of
    fewer than five words was no claim, however plainly it stated a count."""
    text = "Turnout was 67.3%.\nThe Socialists won 96 seats.\nIt was 3-1.\nResults by region.\nVoting ended.\n"
    assert [c.text for c in claims_of(nlp, text)] == ["Turnout was 67.3%.", "The Socialists won 96 seats."]


def test_an_obituary_s_age_of_its_one_person_is_a_claim_read_with_her_name(nlp):
    """(elections and obituaries desk audit) "She was 84." against "She was 83." was never compared: the standard
    last line of an obituary was too short to be a claim, as its subject names no one."""
    text = "Former governor Margaret Halloran died on Sunday at her home in Burlington. She was 84. It was 3-1.\n"
    claims = claims_of(nlp, text)
    assert [c.text for c in claims][1:] == ["She was 84."]
    assert claims[1].standalone == "Margaret Halloran was 84." and claims[1].entities == ("person:halloran",)
    two = "Anne Lutz drove the car. Her passenger, Mary Cole, died at the scene. She was 80.\n"
    assert "She was 80." not in [c.text for c in claims_of(nlp, two)]  # she may be either of them
    spokesman = "Governor Ann Adler spoke on Monday. A spokesman for the governor said he would veto the plan.\n"
    assert claims_of(nlp, spokesman)[1].entities == ()  # (second review) he is no one the article named
    husband = "Mary Halloran died on Sunday at her home in Galway. Her husband survives her. He was 89.\n"
    (age,) = [c for c in claims_of(nlp, husband) if c.text == "He was 89."]
    assert age.entities == () and age.standalone == "He was 89."  # (review) the article called her she: he is not her
    for text in (  # (second review) someone else told of since: "he" may be them
        "Police named the dead man as Daniel Okafor. A second man was taken to hospital. He was 19.\n",
        "Judge Sarah Collins said he had shown no remorse. The defendant cannot be named. He was 16.\n",
    ):
        (age,) = [c for c in claims_of(nlp, text) if c.text.startswith("He was")]
        assert age.entities == () and age.standalone == age.text


def test_a_person_the_article_named_is_no_setting(nlp):
    """(a budget desk) The tagger takes "Marsh" alone for an organisation; as the sentence's setting it kept the
    chancellor's £40 billion from another outlet's £40m "under the plans" of the Budget."""
    text = "Chancellor Helen Marsh presented her Budget.\nMarsh said defence spending would rise by £40 billion."
    marsh = claims_of(nlp, text)[-1]
    assert "person:marsh" in marsh.entities and not any("marsh" in key.lower() for key in marsh.setting)


def test_a_figure_or_its_unit_the_tagger_took_for_an_organisation_is_no_setting(nlp):
    """(a climate desk) The tagger reads "40.7C" and "Fahrenheit" as organisations; as the sentences' settings they
    kept "the previous high of 40.7C" from another outlet's "previous record of 104.5 degrees Fahrenheit", a slip
    of the record both set at Coningsby."""
    (celsius,) = claims_of(nlp, "It beat the previous high of 40.7C, set at Coningsby in July 2022.")
    (fahrenheit,) = claims_of(
        nlp, "That broke the previous record of 104.5 degrees Fahrenheit, set at Coningsby in 2022."
    )
    assert celsius.setting == fahrenheit.setting == ()
    assert _same_setting(celsius, fahrenheit)
    (named,) = claims_of(nlp, "The thermometer at the Met Office's Coningsby station hit 40.3C on Tuesday.")
    assert any("met office" in key.lower() for key in named.setting)  # an organisation beside a figure stays
    # (review) a name may start with a number in words: "One World Trade Center" is a building, not a figure
    (tower,) = claims_of(nlp, "About 200 people were evacuated from One World Trade Center on Monday.")
    assert tower.setting == ("One World Trade Center",)


def test_a_body_in_a_description_of_a_person_is_no_setting(nlp):
    """(a court desk) "the former chief executive of the Haldersund Port Authority" says who was sentenced, not
    where: as the sentence's setting it kept his seven years from another outlet's eight, told of "a court in
    Haldersund"."""
    described, reverse = claims_of(
        nlp,
        "Tomas Reinholt, the former chief executive of the Haldersund Port Authority, was sentenced on Tuesday to "
        "seven years in prison.\nThe former head of the Haldersund Port Authority, Tomas Reinholt, was sentenced to "
        "eight years.\n",
    )
    assert described.setting == reverse.setting == ()
    (own,) = claims_of(nlp, "Forty cranes at the Haldersund Port Authority stood idle on Tuesday.")
    assert own.setting == ("Haldersund Port Authority",)  # a body where the event happened stays


def test_an_event_a_figure_is_compared_since_is_no_setting(nlp):
    """(a wildfire desk) "the most at any shelter in the county since the Mill Creek Fire last year" names when the
    count is compared from, not where it was made: as the sentence's setting it kept its 430 people from another
    outlet's 340 at the same shelter."""
    (since,) = claims_of(
        nlp,
        "A total of 430 people spent Tuesday night at the shelter, the most at any shelter in the county since the "
        "Mill Creek Fire last year.",
    )
    assert since.setting == ()
    (clause,) = claims_of(nlp, "Exports fell 4% in May, the steepest drop since the Suez Canal was blocked in 2021.")
    assert clause.setting == ()
    (own,) = claims_of(nlp, "About 300 people were evacuated from the Mill Creek Fire on Tuesday.")
    assert own.setting == ("Mill Creek Fire",)  # an event where the count was made stays
    # (review) a count since an event began is the event's: "300 homes" of the Camp Fire are not "120" of another
    (during,) = claims_of(nlp, "300 homes have burned since the Camp Fire began.")
    assert during.setting == ("Camp Fire",)


def test_a_sum_the_tagger_read_into_a_name_is_no_part_of_it(nlp):
    """(review) "awarded Smith 50,000 dollars" is tagged one organisation, "Smith 50,000 dollars", whose key shared
    nothing with another outlet's "Smith was awarded 500,000 dollars": the sums were never compared."""
    (awarded,) = claims_of(nlp, "The judge awarded Smith 50,000 dollars in damages.")
    assert awarded.entities == ("Smith",)


def test_a_surname_the_tagger_missed_is_the_person_the_article_named(nlp):
    """(a court desk) "Pryce, 66, was convicted ..." parsed as a line of its own tags no one, so the age was no
    one's and never met another outlet's "Graham Pryce, 61"."""
    text = "Graham Pryce, a former council leader, was jailed on Friday.\nPryce, 66, was convicted of fraud by abuse of position.\n"
    convicted = claims_of(nlp, text)[-1]
    assert convicted.text.startswith("Pryce, 66") and "person:pryce" in convicted.entities
    assert [q.unit for q in convicted.annotations["number"].comparable] == ["age:pryce"]


def test_a_name_used_as_a_noun_is_not_given_the_full_name(nlp):
    """ "She is a Kim" says what she is, not who: it was shown to the model as "She is a Ms Kim", and "the Kim
    family" as "the Ms Kim family"."""
    text = (
        "Analysts said Ms Kim had taken control. No-one can touch the Kim family. "
        "She is a Kim and that is enough, they said. Kim left before the speeches."
    )
    claims = {c.text: c.standalone for c in claims_of(nlp, text)}
    assert claims["No-one can touch the Kim family."] == "No-one can touch the Kim family."
    assert claims["She is a Kim and that is enough, they said."] == "She is a Kim and that is enough."
    assert claims["Kim left before the speeches."] == "Ms Kim left before the speeches."


def test_a_long_paragraph_is_parsed_in_pieces_that_end_after_a_sentence(nlp):
    text = "Intro. " + " ".join(f"Kim was absent from the Sept. {i} meeting, U.S. officials said." for i in range(60))
    kept = Span(7, len(text))
    pieces = parsed_pieces(text, kept, nlp.tokenizer, limit=500)
    assert pieces[0].start == kept.start and pieces[-1].end == kept.end
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(p.end - p.start <= 500 for p in pieces) and len(pieces) > 1
    assert all(text[p.start : p.end].rstrip().endswith("officials said.") for p in pieces)  # never after "Sept."
    quoted = 'He said: "We left." ' * 40
    quoted_pieces = parsed_pieces(quoted, Span(0, len(quoted)), nlp.tokenizer, limit=100)
    assert len(quoted_pieces) > 1 and all(quoted[p.start : p.end].endswith('left." ') for p in quoted_pieces)
    assert parsed_pieces("x" * 1200, Span(0, 1200), nlp.tokenizer, limit=500) == [
        Span(0, 500),
        Span(500, 1000),
        Span(1000, 1200),
    ]


def test_a_paragraph_with_its_line_breaks_stripped_gives_the_claims_of_the_same_text_in_paragraphs(nlp):
    """A feed with its line breaks stripped put a whole article on one line; each claim scanned all of it, and the
    time grew with the line's length squared. Pieces keep the claims and their offsets."""
    sentences = [f"Officials in the town of Riverton said on Monday that {i} roads were closed." for i in range(40)]
    one_line = " ".join(sentences)
    assert len(one_line) > MAX_PARSED_CHARS
    claims = claims_of(nlp, one_line)
    assert [c.text for c in claims] == [c.text for c in claims_of(nlp, "\n\n".join(sentences))]
    assert all(one_line[c.span.start : c.span.end] == c.text for c in claims)


def test_a_claims_annotations_are_as_the_index_reads_them_back_with_each_word_held_once(nlp):
    """A claim annotated here equals the one a parsing child or the index gives back, and its annotations
    hold no copy of a word another claim holds, nor an empty set of their own: the claims of 10,000 articles
    stay in memory for the whole run (issue #18)."""
    from checker.index import claim_from_json, claim_to_json

    text = (
        "The crater left by the meteorite had a radius of 39 feet, said Humberto Saballos of the institute.\n"
        "The crater left by the meteorite had a radius of 40 feet, the institute said on Monday.\n"
    )
    first, second = claims_of(nlp, text)
    read_back = claim_from_json(claim_to_json(first))
    assert read_back.annotations == first.annotations
    assert first.entities and all(x is y for x, y in zip(read_back.entities, first.entities, strict=True))
    numbers = first.annotations["number"]
    assert numbers.comparable and all(any(q is f for f in numbers.found) for q in numbers.comparable)
    words_a, words_b = (c.annotations["number"].wording.sequence for c in (first, second))
    assert words_a[:5] == words_b[:5] and all(x is y for x, y in zip(words_a[:5], words_b[:5], strict=True))
    found = [q for c in (first, second) for q in c.annotations["number"].found]
    empty_sets = [s for q in found for s in (q.when, q.statistic, q.places) if not s]
    assert len(empty_sets) > 1 and all(s is empty_sets[0] for s in empty_sets)
    assert second.annotations["person"].wording.sequence == ()  # no name: no wording kept for the person check


def test_a_long_run_with_no_space_is_parsed_as_spaces_and_offsets_hold(nlp):
    """(security audit) 30,000 quote marks in one article held a CI run for two minutes: spaCy's tokenizer takes
    time as the square of such a run. It is no word a claim needs; the sentences around it are claims as before."""
    from checker.claims import LONGEST_WORD, as_parsed

    run = '"' * 5000
    text = f"The ferry sank on Monday and 12 people died.\n{run}\nThe coastguard said 40 were rescued.\n"
    assert as_parsed(text) == text.replace(run, " " * len(run)).replace("\n", " ")
    assert as_parsed("x" * (LONGEST_WORD - 1)) == "x" * (LONGEST_WORD - 1)  # a long web address stays
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == [
        "The ferry sank on Monday and 12 people died.",
        "The coastguard said 40 were rescued.",
    ]
    assert all(text[c.span.start : c.span.end] == c.text for c in claims)


def test_thousands_grouped_by_spaces_are_one_figure_and_the_claim_keeps_its_spaces(nlp):
    """(international desk) "and 11 000 people have been evacuated" was read as 11 people, reported against another
    outlet's 11,000 with the wire named the odd one out."""
    from checker.claims import as_parsed

    text = (
        "The fire has burned 3 500 hectares, and 11\u00a0000 people have been evacuated from villages near Seville.\n"
    )
    assert as_parsed(text) == text.replace("3 500", "3,500").replace("11\u00a0000", "11,000").replace("\n", " ")
    for kept in (
        "in 2024 100 people died",  # a year, then a count
        "a 1 000.5 tonne load",
        "call 020 7946 0000",
        "In round 2 250 runners quit",  # (review) a number that numbers what follows, then a count
        "On March 3 100 people were arrested",
        "Flight MH370 239 passengers",
        "her 3 100m title",
        "The sponsor paid Formula 1 500 million dollars",  # (review) a name's number, then a sum
    ):
        assert "," not in as_parsed(kept)
    claims = claims_of(nlp, text)
    assert any("11\u00a0000 people" in c.text for c in claims)  # as written
    assert all(text[c.span.start : c.span.end] == c.text for c in claims)
    assert sorted(q.value for c in claims for q in c.annotations["number"].found) == [
        11000.0,
        35_000_000.0,
    ]  # 3,500 hectares, in square metres


def test_a_name_the_tagger_runs_on_into_a_verb_is_the_name_alone(nlp):
    """(elections desk audit) "The Social Democratic Alliance won" was tagged one organisation, so the turnout
    after it was set in another body than the turnout after "Iceland's Social Democratic Alliance won the most
    seats", and "Turnout was 80.2 percent." against "Turnout was 78.2 percent." was never compared."""
    text = "REYKJAVIK — The Social Democratic Alliance won Iceland's parliamentary election on Saturday. Turnout was 78.2 percent."
    won, turnout = claims_of(nlp, text)
    assert "Social Democratic Alliance" in won.entities and turnout.setting == ("Social Democratic Alliance",)


def test_a_chamber_named_alone_is_the_one_named_with_its_place():
    """(government desk) "The Oregon Senate approved the budget on Wednesday" and "The Senate approved the budget on
    Tuesday" are one vote: the day and the tallies went unreported because "Senate" and "Oregon Senate" were two
    bodies. A name's last word that is no chamber, and two chambers, stay apart."""
    for alone, placed in [
        ("Senate", "Oregon Senate"),
        ("City Council", "Riverton City Council"),
        ("House", "Ohio House"),
    ]:
        assert share_entity([entity_key(alone, "ORG")], [entity_key(placed, "ORG")]), alone
    assert not share_entity([entity_key("Times", "ORG")], [entity_key("New York Times", "ORG")])
    assert not share_entity([entity_key("Oregon House", "ORG")], [entity_key("Oregon Senate", "ORG")])
    assert not share_entity([entity_key("House", "ORG")], [entity_key("White House", "ORG")])  # the United States
    # (review) a parliament or a congress named alone is often another than the one with a name before it
    assert not share_entity([entity_key("Parliament", "ORG")], [entity_key("European Parliament", "ORG")])
    assert not share_entity([entity_key("Congress", "ORG")], [entity_key("National People's Congress", "ORG")])


def test_an_acronym_is_the_name_it_spells(nlp):
    """(science and business desks) "the USGS said" and "according to the U.S. Geological Survey" are one body, as
    are "The AMW union" and "The Allied Motor Workers union": figures and dates they report were kept apart as two
    parties' and a 6.8 against a 7.1 went unreported. Letters that spell no name of the other claim stay apart."""
    pairs = [("USGS", "U.S. Geological Survey"), ("WMO", "World Meteorological Organization"),
             ("AMW", "Allied Motor Workers"), ("NASA", "National Aeronautics and Space Administration")]  # fmt: skip
    for short, full in pairs:
        assert share_entity([entity_key(short, "ORG")], [entity_key(full, "ORG")]), short
    assert not share_entity([entity_key("BBC", "ORG")], [entity_key("Bank of England", "ORG")])
    assert not share_entity([entity_key("GM", "ORG")], [entity_key("General Mills", "ORG")])  # or General Motors
    assert not share_entity([entity_key("Surrey Police", "PERSON")], [entity_key("Kent Police", "ORG")])
    (usgs,) = claims_of(nlp, "A magnitude 6.8 earthquake struck off Chile on Saturday, the USGS said.")
    (survey,) = claims_of(nlp, "The earthquake had a magnitude of 7.1, according to the U.S. Geological Survey.")
    assert usgs.reported_by == ("USGS",) and survey.reported_by == ("U.S. Geological Survey",)
    assert _same_setting(usgs, survey)


def test_an_acronym_may_spell_a_name_up_to_its_and():
    """(travel desk) "the CDC" is the Centers for Disease Control and Prevention, whose acronym is older than its
    name's last words: a count the CDC gave and one the Centers gave were kept apart as two parties'."""
    full = entity_key("Centers for Disease Control and Prevention", "ORG")
    assert share_entity([entity_key("CDC", "ORG")], [full])
    assert share_entity([entity_key("CDCP", "ORG")], [full])
    assert not share_entity([entity_key("CD", "ORG")], [full])
    assert not share_entity([entity_key("FAS", "ORG")], [entity_key("Food and Drug Administration", "ORG")])


def test_a_sentence_parsed_without_a_verb_that_states_a_figure_is_a_claim(nlp):
    """(property desk) "costs" in "The average home costs £298,450." is parsed as a noun: the opening line of a
    house-price story was no claim, so no price was compared. A heading or a list item has no full stop."""
    texts = [c.text for c in claims_of(nlp, "The average home costs £298,450.\nAverage asking price £301,200")]
    assert texts == ["The average home costs £298,450."]


def test_a_verb_of_saying_with_nothing_said_is_no_clause_of_its_own(nlp):
    """(defence desk) ", or 2% of GDP, Finance Minister Lukas Ferber said" was split off as a clause, so the
    figure's sentence lost its speaker; two clauses each saying something stay two."""
    (claim,) = claims_of(
        nlp,
        "Calderia will raise defence spending to €9.6 billion next year, or 2% of GDP, Finance Minister Lukas "
        "Ferber said on Tuesday.",
    )
    assert "person:ferber" in claim.entities
    split = claims_of(nlp, "Prices rose sharply in May, and analysts said the rise would continue into the summer.")
    assert [c.text for c in split] == [
        "Prices rose sharply in May",
        "analysts said the rise would continue into the summer.",
    ]


def test_an_explainers_heading_and_advice_to_the_reader_are_no_claims(nlp):
    """(wildlife and telecom desks) "What the ... treaty means for the ocean" and "If you are a Crestview customer,
    you do not need to do anything" were set against other sources' facts by the model."""
    text = (
        "What the Corvina Bank treaty means for the ocean\n\n"
        "If you are a Crestview customer, you do not need to do anything for now.\n\n"
        "The treaty was signed in Lisbon on Tuesday.\n\n"
        '"You cannot fish there any more," the minister told reporters.\n'
    )
    texts = [c.text for c in claims_of(nlp, text)]
    assert texts == [
        "The treaty was signed in Lisbon on Tuesday.",
        '"You cannot fish there any more," the minister told reporters.',
    ]


def test_a_fact_told_to_the_reader_is_a_claim(nlp):
    """(review) "you will receive a $1,400 payment in March" states a fact in the second person: only advice with
    no figure is left out."""
    texts = [c.text for c in claims_of(nlp, "If you earn under $50,000, you will receive a $1,400 payment in March.\n")]
    assert texts == ["If you earn under $50,000, you will receive a $1,400 payment in March."]
