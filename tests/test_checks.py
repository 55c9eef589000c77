"""Structured checks on sentences written for the tests, false alarms included."""

from __future__ import annotations

from dataclasses import replace

from checker.checks import registry, run_checks
from checker.checks.dates import DateCheck, dated_events
from checker.checks.denials import DenialCheck
from checker.checks.entity_sets import EntitySetCheck, list_members
from checker.checks.numbers import NumberCheck, extract_quantities
from checker.checks.quotes import QuoteCheck
from checker.checks.text import stem
from checker.checks.titles import RoleIndex, TitleCheck
from tests.helpers import annotated, comparer, make_claim, make_pair

check_numbers, check_dates, check_titles = comparer(NumberCheck), comparer(DateCheck), comparer(TitleCheck)
check_denials, check_quotes, check_entity_sets = comparer(DenialCheck), comparer(QuoteCheck), comparer(EntitySetCheck)


def quantity_keys(text: str) -> set[str]:
    return NumberCheck().pairing_keys(annotated(make_claim(text)))


def event_keys(text: str) -> set[str]:
    return DateCheck().pairing_keys(annotated(make_claim(text)))


def numbers(a: str, b: str):
    return check_numbers(make_claim(a, "a.txt"), make_claim(b, "b.txt"), similarity=0.7)


def test_different_vote_counts_contradict():
    evidence = numbers("The motion failed with 41 votes against.", "Lawmakers cast 35 votes against the motion.")
    assert evidence.contradicts and evidence.kind == "number"
    assert (evidence.detail["a"]["value"], evidence.detail["b"]["value"]) == (41, 35)


def test_counted_voters_are_compared_with_votes():
    evidence = numbers(
        "Canada was one of only three nations, with Chile and Peru, that voted against the plan.",
        "The plan drew 22 votes against and 101 in favour.",
    )
    assert (
        evidence.contradicts and evidence.detail["unit"] == stem("votes") and evidence.detail["polarity"] == "against"
    )


def test_votes_for_are_not_compared_with_votes_against():
    assert numbers("The bill passed with 60 votes in favor.", "The bill drew 38 votes against.") is None


def test_equal_values_agree():
    evidence = numbers(
        "The plant employs 1,200 workers in the region.", "About 1200 workers are employed at the plant."
    )
    assert evidence is not None and not evidence.contradicts


def test_unrelated_percentages_are_not_a_discrepancy():
    assert numbers("Tariffs on steel rose by 25% last year.", "Turnout reached 61% in the capital.") is None


def test_years_and_one_of_are_not_quantities():
    assert extract_quantities("In 2019 she was one of the founders.") == []


def test_plain_counts_need_closely_similar_claims():
    a, b = make_claim("The fire destroyed 40 homes.", "a.txt"), make_claim("The flood destroyed 300 homes.", "b.txt")
    assert check_numbers(a, b, similarity=0.4) is None
    assert check_numbers(a, b, similarity=0.7).contradicts


def test_claims_set_in_different_bodies_count_different_things():
    a = make_claim("The text got 18 votes against.", "a.txt")
    b = make_claim("The text got 4 votes against.", "b.txt")
    assert (
        check_numbers(replace(a, setting=("General Assembly",)), replace(b, setting=("Security Council",)), 0.7) is None
    )
    assert check_numbers(replace(a, setting=("General Assembly",)), replace(b, setting=("General Assembly",)), 0.7)


def test_a_body_that_only_reports_a_figure_tells_it_apart_only_from_another_such_body():
    a = make_claim("Inflation rose to 4.1 percent in March, according to the ONS.", "a.txt")
    b = make_claim("Inflation rose to 2.9 percent in March, according to Eurostat.", "b.txt")
    ons, eurostat = replace(a, reported_by=("ONS",)), replace(b, reported_by=("Eurostat",))
    assert check_numbers(ons, eurostat, 0.8) is None
    assert check_numbers(replace(ons, setting=("National Council",)), eurostat, 0.8).contradicts
    assert check_numbers(ons, replace(b, reported_by=("ONS",)), 0.8).contradicts


def test_different_units_are_not_compared():
    assert numbers("The storm killed 12 people.", "The storm destroyed 300 homes.") is None


def test_scale_words_multiply():
    (quantity,) = extract_quantities("The deal is worth 3.5 billion dollars.")
    assert quantity.value == 3.5e9


def test_durations_are_plain_counts_not_votes():
    """'for' after a duration is no vote in favour: it must not let unrelated claims be compared."""
    (quantity,) = extract_quantities("He spent eight years for the charity.")
    assert quantity.polarity == ""
    a = make_claim("He spent eight years for the charity.", "a.txt")
    b = make_claim("She waited four years for a visa.", "b.txt")
    assert check_numbers(a, b, similarity=0.5) is None


def test_ages_and_numbers_in_names_are_not_counts():
    (age,) = extract_quantities("Aamir Dhawan, 30, a local, said nobody helped.")
    assert (age.value, age.unit) == (30, "age:dhawan")
    assert extract_quantities("Brewer spoke with local news station ABC 15 about the charges.") == []
    assert extract_quantities("The trial began on January 5 in Boston.") == []
    assert [q.value for q in extract_quantities("In 15 minutes the crowd had gone.")] == [15]


def test_bounds_and_round_figures_contradict_only_values_outside_them():
    assert (
        numbers("Militants carried out at least five attacks.", "Militants carried out at least six attacks.") is None
    )
    assert numbers("Libya lost 11 commercial aircraft.", "Libya lost nearly a dozen commercial aircraft.") is None
    assert numbers("More than 50 people died in the blast.", "The blast killed 30 people.").contradicts
    assert numbers("Fewer than 20 people were hurt.", "The blast hurt 35 people.").contradicts
    assert numbers("About 100 homes burned.", "The fire burned 150 homes.").contradicts


def test_thousands_hundreds_and_day_first_dates_read_right():
    assert [q.value for q in extract_quantities("In Syria, 250,000 people have died in the war.")] == [250000]
    assert [q.value for q in extract_quantities("Three hundred people marched.")] == [300]
    assert extract_quantities("The trial began on 5 January in Boston.") == []


def test_bounds_before_round_words_and_bounds_never_agree():
    assert numbers("At least a dozen people were killed.", "Twenty people were killed.") is None
    assert numbers("Fewer than 10 people were hurt.", "More than 10 people were hurt.") is None


def test_a_scale_word_stays_with_its_figure():
    (quantity,) = extract_quantities("The clip has received more than 40 million views.")
    assert (quantity.text, quantity.value, quantity.bound) == ("40 million", 4e7, "lower")


def test_list_members_are_found():
    assert list_members("Talks included France, Germany, and Italy on Friday.") == ["France", "Germany", "Italy"]


def test_a_different_list_of_participants_contradicts():
    a = make_claim(
        "Peru voted no alongside Chile, Bolivia and Ecuador.", "a.txt", ("Bolivia", "Chile", "Ecuador", "Peru")
    )
    b = make_claim(
        "Peru, Chile, Bolivia and Paraguay voted against it.", "b.txt", ("Bolivia", "Chile", "Paraguay", "Peru")
    )
    evidence = check_entity_sets(a, b, 0.7)
    assert evidence.contradicts
    assert evidence.detail["only_in_a"] == ["Ecuador"] and evidence.detail["only_in_b"] == ["Paraguay"]


def test_aliases_name_the_same_participant():
    a = make_claim(
        "Washington voted with Moscow, Minsk and Pyongyang.",
        "a.txt",
        ("Belarus", "North Korea", "Russia", "United States"),
    )
    b = make_claim(
        "The US sided with Russia, Belarus and North Korea.",
        "b.txt",
        ("Belarus", "North Korea", "Russia", "United States"),
    )
    assert check_entity_sets(a, b, 0.7) is None


def test_a_partial_list_may_leave_names_out():
    a = make_claim("Five countries, including Spain and Portugal, abstained.", "a.txt", ("Portugal", "Spain"))
    b = make_claim(
        "The abstentions were Spain, Portugal, Malta, Cyprus and Greece.",
        "b.txt",
        ("Cyprus", "Greece", "Malta", "Portugal", "Spain"),
    )
    assert check_entity_sets(a, b, 0.7) is None


def test_lists_with_little_in_common_are_different_events():
    a = make_claim("Leaders of Kenya, Ghana and Nigeria met in Accra.", "a.txt", ("Ghana", "Kenya", "Nigeria"))
    b = make_claim("Brazil, Chile and Ghana signed the trade pact.", "b.txt", ("Brazil", "Chile", "Ghana"))
    assert check_entity_sets(a, b, 0.7) is None


def test_anchored_weekdays_that_differ_contradict():
    a = make_claim("The summit opened on Monday.", "a.txt", ("NATO",), "The summit opened on Monday (2025-03-03).")
    b = make_claim("The summit opened on Tuesday.", "b.txt", ("NATO",), "The summit opened on Tuesday (2025-03-04).")
    assert check_dates(a, b, 0.8).contradicts


def test_same_day_in_two_wordings_is_no_date_discrepancy():
    a = make_claim("The summit opened on Monday.", "a.txt", ("NATO",), "The summit opened on Monday (2025-03-03).")
    b = make_claim("The summit opened Monday.", "b.txt", ("NATO",), "The summit opened Monday (2025-03-03).")
    assert check_dates(a, b, 0.8) is None


def dates(a: str, b: str):
    return check_dates(make_claim(a, "a.txt", ("Kim",)), make_claim(b, "b.txt", ("Kim",)), 0.8)


def test_a_date_and_a_weekday_compare_through_the_calendar():
    assert dates("Kim missed the session of September 25, 2014.", "Kim missed the session on Thursday.") is None
    assert dates("Kim missed the session of September 25, 2014.", "Kim missed the session on Friday.").contradicts
    assert dates("Kim missed the session of 25 September.", "Kim missed the session on September 26.").contradicts


def test_a_date_without_a_year_is_not_compared_with_a_weekday():
    assert dates("Kim missed the September 25 session.", "Kim missed the session on Friday.") is None


def test_the_day_a_statement_was_made_is_not_the_day_of_the_event():
    assert (
        dates("Kim crashed the car overnight, the government said Sunday.", "Kim crashed the car late Saturday.")
        is None
    )


def test_dates_need_moderately_similar_claims():
    pair = make_pair(
        "NATO leaders met in Brussels on Monday.", "NATO leaders met in Brussels on Tuesday.", 0.5, entities=("NATO",)
    )
    assert not [
        e
        for e in run_checks(replace(pair, a=annotated(pair.a), b=annotated(pair.b)), registry().configured())
        if e.kind == "date"
    ]


def test_a_sentence_opening_with_the_day_of_its_statement_dates_no_event():
    a = make_claim(
        "On Tuesday, U.S. Central Command said forces conducted four airstrikes near Kobani.", "a.txt", ("US",)
    )
    b = make_claim("Forces conducted four airstrikes on Thursday in northern Iraq.", "b.txt", ("US",))
    assert check_dates(a, b, 0.8) is None
    moved = make_claim("On Tuesday, forces conducted four airstrikes near Kobani.", "a.txt", ("US",))
    assert check_dates(moved, b, 0.8).contradicts


def test_former_against_sitting_title_contradicts():
    a = make_claim("Former President Jacques Chirac visited Algiers in 2003.")
    b = make_claim("President Jacques Chirac visited Algiers in 2003.", "b.txt")
    evidence = check_titles(a, b, 0.3)
    assert evidence.contradicts and evidence.detail["person"] == "chirac"


def test_a_company_of_several_words_before_a_title_keeps_its_former():
    a = make_claim("Former General Electric chief executive Jack Welch spoke in Boston.")
    b = make_claim("General Electric chief executive Jack Welch spoke in Boston.", "b.txt")
    evidence = check_titles(a, b, 0.6)
    assert evidence.contradicts and evidence.detail["a_former"] and not evidence.detail["b_former"]


def test_same_title_on_both_sides_is_fine():
    a = make_claim("President Lula da Silva spoke in Brasilia.")
    b = make_claim("Brazilian President Lula da Silva spoke on Monday.", "b.txt")
    assert check_titles(a, b, 0.3) is None


def test_an_impossible_date_in_the_text_is_no_crash_and_possessive_days_are_events():
    odd = make_claim("Kim left on Monday (2015-02-30).", "a.txt", ("Kim",))
    assert check_dates(odd, make_claim("Kim left on Tuesday.", "b.txt", ("Kim",)), 0.8).message == "Monday vs Tuesday"
    assert dates("Kim said Monday's attack killed five.", "Kim said Tuesday's attack killed five.").contradicts


def test_two_offices_of_one_kind_for_one_person_contradict():
    evidence = check_titles(
        make_claim("Home Minister Bishnu Prasad Khanal spoke in Kathmandu."),
        make_claim("Health Minister Bishnu Khanal visited the hospital.", "b.txt"),
        0.3,
    )
    assert evidence.contradicts and (evidence.detail["a_office"], evidence.detail["b_office"]) == ("interior", "health")
    evidence = check_titles(
        make_claim("Acme chief financial officer Elena Sorensen will oversee the integration."),
        make_claim("Chief operating officer Elena Sorensen will be in charge of the merger.", "b.txt"),
        0.3,
    )
    assert evidence.message == "Acme chief financial officer Elena Sorensen vs Chief operating officer Elena Sorensen"


def test_one_office_named_two_ways_agrees_and_two_people_with_one_title_are_fine():
    same = ("Kestrel CEO Mads Orrevik apologised.", "Mads Orrevik, Kestrel's chief executive, said sorry.")
    evidence = check_titles(make_claim(same[0]), make_claim(same[1], "b.txt"), 0.7)
    assert check_titles(make_claim(same[0]), make_claim(same[1], "b.txt"), 0.3) is None  # pairs about anything else
    assert (
        not evidence.contradicts
        and evidence.message == "Kestrel CEO Mads Orrevik is Mads Orrevik, Kestrel's chief executive"
    )
    home = (make_claim("Home Minister Jo Lund spoke."), make_claim("Jo Lund, the interior minister, spoke.", "b.txt"))
    assert not check_titles(*home, 0.7).contradicts
    written_alike = ("President Jo Lund spoke.", "US President Jo Lund spoke.")
    assert check_titles(make_claim(written_alike[0]), make_claim(written_alike[1], "b.txt"), 0.3) is None
    people = (
        "Acme's chief financial officer, David Okafor, said.",
        "Acme chief financial officer Elena Sorensen said.",
    )
    assert check_titles(make_claim(people[0]), make_claim(people[1], "b.txt"), 0.3) is None


def test_an_office_the_other_article_also_gives_is_no_conflict():
    a = make_claim("Foreign Minister Ana Ruiz flew to Paris.")
    b = make_claim("Finance Minister Ana Ruiz flew to Paris.", "b.txt")
    elsewhere = make_claim("Later Ana Ruiz, the finance minister, met bankers.")
    evidence = check_titles(a, b, 0.5)
    assert evidence.contradicts
    assert RoleIndex([annotated(c) for c in (a, elsewhere, b)], "title").explains(evidence, a, b)
    assert not RoleIndex([annotated(a), annotated(b)], "title").explains(evidence, a, b)


def test_money_is_compared_by_currency_with_its_scale():
    assert numbers("Acme agreed to buy Zeta, valuing it at about $6.8 billion.", "The deal values Zeta at $7.6bn.")
    assert numbers(
        "The EU is releasing €3 million in humanitarian funding.",
        "The EU released 5 million euros in humanitarian aid.",
    ).contradicts
    agreeing = numbers("Japan pledged $6 million in emergency aid.", "Japan has pledged six million dollars in aid.")
    assert not agreeing.contradicts and agreeing.message == "both give $6 million"
    assert numbers("The deal is worth $42.50 a share.", "The company paid 42.50 euros a share.") is None
    two_pledges = (
        make_claim("Japan pledged $6 million in aid.", "a.txt", ("Japan",)),
        make_claim("The US pledged $10 million in aid.", "b.txt", ("United States",)),
    )
    assert check_numbers(*two_pledges, similarity=0.8) is None


def test_an_approximate_figure_reaches_as_far_as_its_written_precision():
    assert numbers("Acme expects to cut about 2,400 jobs.", "Acme says it will cut 3,100 roles.").contradicts
    assert numbers("The quake had killed nearly 300 people.", "The quake had killed 287 people.") is None
    assert numbers("Some 140 people were rescued.", "A total of 141 people were rescued.") is None


def test_figures_timed_differently_are_counts_at_two_moments():
    assert (
        numbers("By Monday morning, officials had counted 92 deaths.", "Deaths had risen to 287 by Tuesday evening.")
        is None
    )
    assert numbers("Acme made an initial offer of $38 a share.", "Acme agreed to pay $42.50 a share.") is None
    assert numbers(
        "Myagdi accounted for 164 of the deaths.", "In Myagdi, 146 of the dead had been recorded."
    ).contradicts


def test_people_unaccounted_for_are_the_missing():
    assert numbers(
        "Eight people were still unaccounted for on Monday afternoon.", "Nine people are still missing."
    ).contradicts


def test_an_increment_is_not_compared_with_a_total():
    assert numbers("An additional 14 police officers were arrested.", "Police arrested 22 police officers.") is None
    assert numbers("A further 14 officers were arrested.", "Another 22 officers were arrested.").contradicts
    assert numbers("Japan pledged an additional $5 million.", "Japan pledged $20 million.") is None
    # "another" after a count of something else names a second group, not an increment
    assert numbers("Twelve people were killed and another 30 injured.", "Forty-five people were injured.").contradicts


def test_a_weekday_written_with_its_date_is_one_day():
    pair = (
        "Shareholders will vote at a meeting on June 17.",
        "Shareholders will vote at a meeting on Tuesday, June 24.",
    )
    assert check_dates(make_claim(pair[0]), make_claim(pair[1], "b.txt"), 0.95).message == "June 17 vs Tuesday, June 24"
    assert (
        check_dates(make_claim("They vote on Tuesday, June 24."), make_claim("They vote on June 24.", "b.txt"), 0.95)
        is None
    )
    assert check_dates(make_claim(pair[0]), make_claim(pair[1], "b.txt"), 0.8) is None  # no shared actor, less alike


def test_long_shared_lists_are_one_group_at_low_similarity():
    a = make_claim("Rescue teams from India, China, Japan, Turkey and Switzerland joined the search.")
    b = make_claim("Crack teams from India, China, Japan, Turkey and South Korea flew in to join.", "b.txt")
    assert check_entity_sets(a, b, 0.45).detail["only_in_b"] == ["South Korea"]
    short = (
        make_claim("Envoys of France and Spain met in Rome."),
        make_claim("Envoys of France, Spain and Italy joined talks.", "b.txt"),
    )
    assert check_entity_sets(*short, 0.45) is None


def test_round_sums_starting_prices_and_sentences_of_several_sums():
    assert numbers("Apple said the watch would cost $350.", "Apple said the watch would cost $349.") is None
    assert numbers("Apple said the watch will start at $349.", "Apple said the steel watch will cost $500.") is None
    several = "The watch will cost $500 for steel and up to $5,000 for gold."
    assert numbers(several, "The gold watch will cost $10,000.") is None
    assert numbers("The fund holds 20 million kroner.", "The fund holds 25 million kroner.").contradicts


def test_a_round_starting_price_allows_the_exact_one():
    assert numbers("Apple said pricing would start at $350.", "Apple said the starting price is US$349.") is None


def test_a_date_against_weekdays_needs_a_shared_actor_however_alike():
    a = make_claim("On October 26, 2014 a post said six days of darkness would come.")
    b = make_claim("Six days of darkness will come from Tuesday to Monday.", "b.txt")
    assert check_dates(a, b, 0.95) is None


def test_forecasts_and_suppositions_are_not_compared():
    assert numbers("The analyst predicts the steel watch will cost $999.", "The steel watch costs $99.") is None
    assert numbers("The toll could rise to 500 deaths.", "The quake caused 300 deaths.") is None
    assert numbers("The quake caused 500 deaths.", "The quake caused 300 deaths.").contradicts


def test_one_speaker_confirming_in_one_source_and_denying_in_another_contradicts():
    kestrel = ("Kestrel",)
    a = make_claim("Kestrel confirmed on Sunday that a fault in the stabilisers had been logged.", "a.txt", kestrel)
    b = make_claim("Kestrel denied that any fault had been reported with the ferry's stabilisers.", "b.txt", kestrel)
    evidence = check_denials(a, b, 0.7)
    assert evidence.contradicts and evidence.detail == {"speaker": "Kestrel", "a": "confirmed", "b": "denied"}
    trailing = make_claim("A fault in the stabilisers had been logged, Kestrel admitted.", "c.txt", kestrel)
    assert check_denials(b, trailing, 0.7).message == "Kestrel: denied vs admitted"


def test_a_spokesperson_speaks_for_the_organisation_and_a_described_subject_is_still_the_speaker():
    denial = make_claim("A Brennmark spokeswoman denied on Wednesday that the firm was in settlement talks.")
    described = make_claim(
        "Brennmark, which says it has replaced its management, confirmed on Wednesday that it was in settlement "
        "talks with shareholders.",
        "b.txt",
    )
    assert check_denials(denial, described, 0.7).message == "Brennmark: denied vs confirmed"
    other = make_claim("A police spokeswoman confirmed on Wednesday that the firm was in settlement talks.", "c.txt")
    assert check_denials(denial, other, 0.7) is None


def test_denials_of_other_speakers_or_other_matters_are_no_conflict():
    kestrel = ("Kestrel",)
    denial = make_claim("Kestrel denied that any fault had been reported with the stabilisers.", "b.txt", kestrel)
    police = make_claim("Police confirmed a fault in the stabilisers had been logged.", "a.txt", ("Police",))
    assert check_denials(police, denial, 0.7) is None
    other_matter = make_claim("Kestrel confirmed the ferry had been inspected in March.", "a.txt", kestrel)
    assert check_denials(other_matter, denial, 0.7) is None
    agreeing = make_claim("Kestrel confirmed no fault had been reported with the stabilisers.", "a.txt", kestrel)
    assert check_denials(agreeing, denial, 0.7) is None
    smith = ("person:smith",)
    said = make_claim("Smith said the bribery charges were politically motivated.", "a.txt", smith)
    assert check_denials(said, make_claim("Smith denied the bribery charges in court.", "b.txt", smith), 0.7) is None
    untagged = make_claim("Officials confirmed that a fault had been logged in the stabilisers.")
    officials = make_claim("Officials denied that any fault had been reported in the stabilisers.", "b.txt")
    assert check_denials(untagged, officials, 0.7) is None


def test_a_whole_is_not_a_part_and_compound_number_words_read_whole():
    assert not numbers("The party won 57 of the 183 seats.", "The party won fifty-seven seats.").contradicts
    assert [q.value for q in extract_quantities("Twenty-one people died.")] == [21]
    assert numbers("The party won 57 of the 183 seats.", "The party won 61 seats.").contradicts


def test_a_percentage_is_known_by_the_measure_named_earlier_in_its_sentence():
    a = "The final turnout, including the postal ballots counted on Monday, was 77.6 per cent."
    assert numbers(a, "Turnout was 76.7 percent, according to the final figures.").contradicts


def test_offices_once_held_are_a_career_not_a_conflict():
    a = make_claim("Leitner, a former finance minister, won the vote.")
    b = make_claim("Katharina Leitner, the former interior minister, won the vote.", "b.txt")
    assert check_titles(a, b, 0.6) is None
    assert check_titles(a, make_claim("Interior Minister Katharina Leitner won.", "c.txt"), 0.6) is None
    assert check_titles(a, make_claim("Finance Minister Katharina Leitner won.", "c.txt"), 0.6).contradicts


def test_deputies_vice_presidents_and_names_after_an_office_are_their_own():
    two_offices = make_claim("Deputy Prime Minister and Foreign Minister Radoslaw Sikorski said.")
    deputy = make_claim("Deputy Prime Minister Radoslaw Sikorski said.", "b.txt")
    assert check_titles(two_offices, deputy, 0.6) is None
    assert check_titles(
        make_claim("Vice President Joe Biden spoke."), make_claim("President Joe Biden spoke.", "b.txt"), 0.6
    ).contradicts
    staff = (
        "Mark Meadows, former President Trump's chief of staff, said.",
        "Mark Meadows, President Trump's chief of staff, said.",
    )
    assert check_titles(make_claim(staff[0]), make_claim(staff[1], "b.txt"), 0.6).detail["person"] == "trump"
    weekday = ("The defence minister Tuesday said.", "The interior minister Tuesday said.")
    assert check_titles(make_claim(weekday[0]), make_claim(weekday[1], "b.txt"), 0.6) is None


def test_people_are_counted_by_what_happened_to_them_and_money_by_its_dollar():
    assert (
        numbers("The bus crash killed 12 people and injured 30 people.", "The bus crash killed 12 people.").message
        == "both give 12 people"
    )
    assert numbers("The quake killed 30 people.", "The quake injured 45 people.") is None
    assert numbers("Australia pledged A$10 million in aid.", "Australia pledged US$6.5 million in aid.") is None
    assert numbers(
        "The firm was fined EUR 3 million by regulators.", "The firm was fined 5 million euros by regulators."
    ).contradicts
    assert (
        numbers("The budget is Rs 1,200 crore for the scheme.", "The budget is Rs 12 billion for the scheme.").message
        == "both give Rs 1,200 crore"
    )
    assert numbers("The floods on May 12 killed 300 people.", "The floods on May 12 killed 500 people.").contradicts
    assert numbers("The June 24 quake killed 300 people.", "The quake killed 250 people.").contradicts
    assert (
        numbers("The party won 57 of the parliament's 183 seats.", "The party won 57 seats.").message
        == "both give 57 seats"
    )
    assert (
        numbers("The 183-seat parliament gave the party 57 seats.", "The party won 57 seats.").message
        == "both give 57 seats"
    )


def test_number_words_written_apart_read_as_one_figure():
    assert numbers("One hundred and twenty people died in the crash.", "The crash killed 120 people.").message == (
        "both give One hundred and twenty people"
    )
    assert not numbers("Twenty five people died in the crash.", "The crash killed 25 people.").contradicts


def test_the_same_list_named_in_both_agrees():
    a = make_claim("Two Corvane directors, Priya Raman and Thomas Whitfield, will join the board.")
    b = make_claim("Priya Raman and Thomas Whitfield will take seats on the board.", "b.txt")
    evidence = check_entity_sets(a, b, 0.8)
    assert not evidence.contradicts and evidence.detail["shared"] == ["Priya Raman", "Thomas Whitfield"]


def test_a_supposition_with_would_is_no_count_but_a_reported_plan_is():
    assert numbers("A coalition needs 92 seats for a majority.", "Together the parties would hold 95 seats.") is None
    assert numbers("Acme said it would cut 2,400 jobs.", "Acme will cut 3,100 jobs.").contradicts


def test_a_would_counts_only_for_the_figure_it_governs():
    assert numbers(
        "The earthquake, which would later be called the deadliest in a decade, killed 287 people in Nepal.",
        "The earthquake killed 301 people in Nepal.",
    ).contradicts
    assert numbers("Acme confirmed it would cut about 2,400 jobs.", "Acme will cut 3,100 jobs.").contradicts


def test_the_day_of_a_statement_is_the_one_its_own_clause_reports():
    from checker.checks.dates import event_days

    assert [d.text for d in event_days(make_claim("On Tuesday, police arrested three men, the ministry said."))] == [
        "Tuesday"
    ]


def test_a_named_persons_age_is_compared_however_loosely_alike_the_claims():
    sorell = ("person:sorell",)
    a = make_claim("His former finance chief Anika Sorell, 46, was sentenced to six years.", "a.txt", sorell)
    b = make_claim("Reinholt got nine years, while the 49-year-old Sorell received six years.", "b.txt", sorell)
    evidence = check_numbers(a, b, similarity=0.5)
    assert evidence.contradicts and evidence.message == "Sorell, 46 vs 49-year-old Sorell"
    same = make_claim("Sorell (46) left the court.", "c.txt", sorell)
    assert not check_numbers(a, same, similarity=0.5).contradicts
    other = make_claim("The 49-year-old Reinholt received nine years.", "d.txt", ("person:reinholt",))
    assert check_numbers(a, other, similarity=0.5) is None
    places = ("A 12-year-old girl in Gaza was killed.", "A 9-year-old boy in Gaza was wounded.")
    assert (
        check_numbers(make_claim(places[0], "a.txt", ("Gaza",)), make_claim(places[1], "b.txt", ("Gaza",)), 0.5) is None
    )
    nuns = ("A 31-year-old Salvadorean nun in Italy gave birth.", "A 33-year-old Salvadorean nun in Italy gave birth.")
    assert check_numbers(make_claim(nuns[0]), make_claim(nuns[1], "b.txt"), 0.7).message == (
        "31-year-old Salvadorean vs 33-year-old Salvadorean"
    )
    smiths = make_claim("Mark Smith, 45, and his wife Jane Smith, 43, were injured.", "e.txt", ("person:smith",))
    assert check_numbers(smiths, make_claim("Mark Smith, 45, was hurt.", "f.txt", ("person:smith",)), 0.5) is None
    assert "age:sorell:" in quantity_keys(b.text)


def test_a_tally_at_a_stated_moment_is_not_compared_with_one_of_no_moment():
    tally = "The wildfire had burned 8,600 hectares by Monday evening, the agency said."
    assert numbers(tally, "The wildfire has burned 12,000 hectares of the region.") is None
    assert numbers(tally, "The wildfire had burned 12,000 hectares by Monday evening.").contradicts
    assert (
        numbers(
            "The fire was 35 percent contained on Tuesday morning.",
            "The fire was 55 percent contained on Tuesday evening.",
        )
        is None
    )
    assert numbers(
        "Shares closed close to 50 percent higher on Monday.", "Shares closed 20 percent higher on Monday morning."
    ).contradicts  # a part of the day is compared only with another part of the day
    midday = "Shares in Brennmark were up 2.1 percent by midday on Wednesday."
    assert numbers(midday, "Brennmark shares closed 3.4 percent higher on Wednesday.") is None


def test_sums_of_money_are_alike_by_what_they_pay_not_by_a_shared_name():
    revenue = "The trades let Brennmark report revenue of 1.23 billion crowns."
    assert numbers(revenue, "Brennmark was ordered to pay 40 million crowns towards its costs.") is None
    assert numbers(revenue, "The trades let Brennmark report revenue of 2.5 billion crowns.").contradicts


def test_a_percentage_message_names_its_unit_once():
    a, b = "The fire was 35 percent contained on Tuesday.", "The fire was 55 percent contained on Tuesday."
    assert numbers(a, b).message == "35 percent vs 55 percent"


def test_the_same_quote_given_to_two_people_contradicts():
    quote = "“We are not yet in a position to say the fire is under control,”"
    ribo, solis = ("person:ribo",), ("person:solis",)
    a = make_claim(f"{quote} Carla Ribo, a spokeswoman for the Calvera Fire Service, said on Tuesday.", "a.txt", ribo)
    b = make_claim(f"{quote} said Marta Solis, a spokeswoman for the Calvera Fire Service.", "b.txt", solis)
    evidence = check_quotes(a, b, 0.9)
    assert evidence.contradicts and (evidence.detail["a"], evidence.detail["b"]) == ("Carla Ribo", "Marta Solis")
    same = make_claim(
        'Fire chief Carla Ribo told reporters: "not yet in a position to say the fire is under control."', "c.txt", ribo
    )
    assert not check_quotes(a, same, 0.9).contradicts
    ministry = make_claim(f"{quote} The Fire Ministry said.", "d.txt")  # no person the tagger found
    assert check_quotes(a, ministry, 0.9) is None
    untagged = make_claim(f"{quote} Hanna Berglof, a spokeswoman for the service, said.", "e.txt")
    assert check_quotes(b, untagged, 0.9).message == "the same words from Marta Solis vs Hanna Berglof"
    unnamed = make_claim(f"{quote} a spokeswoman for the fire service said.", "c.txt")
    assert check_quotes(a, unnamed, 0.9) is None
    short = ('"We are deeply saddened," said Carla Ribo.', '"We are deeply saddened," said Marta Solis.')
    assert check_quotes(make_claim(short[0], "a.txt", ribo), make_claim(short[1], "b.txt", solis), 0.9) is None


def test_one_thing_doing_one_thing_on_two_days_contradicts_however_unalike_the_sentences():
    a = make_claim("Maalen had sat in the dock every day since the trial began on February 24, alongside Reinholt.")
    b = make_claim("The trial, which began on March 3, examined fictitious transactions.", "b.txt")
    evidence = check_dates(a, b, 0.35)
    assert evidence.contradicts and evidence.message == "trial began on February 24 vs trial began on March 3"
    assert "event:trial:begin" in event_keys(b.text)
    same = make_claim("The trial began on Monday, February 24, in Ardmoor.", "c.txt")
    assert check_dates(a, same, 0.35) is None
    assert check_dates(a, make_claim("The trial began on Tuesday, the 3rd, in Ardmoor.", "e.txt"), 0.35) is None
    assert dated_events("The talks, which began on Tuesday, the 3rd, went on.")["talks:begin"].weekday == 1
    assert dated_events("He spoke and began on Monday to pack.") == {}
    other_event = make_claim("The hearing began on March 3 in Ardmoor.", "d.txt")
    assert check_dates(a, other_event, 0.35) is None


def test_a_day_counted_from_another_event_dates_neither():
    shot = "Kevin Vickers shot dead an attacker inside Parliament on Wednesday morning."
    applause = "Members applauded Kevin Vickers on Thursday, a day after he shot dead a gunman inside Parliament."
    assert dates(shot, applause) is None
    assert dates(shot, "Kevin Vickers shot dead an attacker inside Parliament on Thursday.").contradicts


def test_two_lists_both_counted_alike_differ_even_in_one_member():
    a = make_claim("Two neighbouring countries, Ostrenia and Valdesia, have sent water-bombing planes.")
    b = make_claim("Ostrenia and Kestria are the only two countries to have sent planes so far.", "b.txt")
    evidence = check_entity_sets(a, b, 0.6)
    assert evidence.contradicts and evidence.detail["only_in_a"] == ["Valdesia"]
    uncounted = make_claim("Ostrenia and Kestria have sent planes so far.", "c.txt")
    assert check_entity_sets(a, uncounted, 0.6) is None
    including = make_claim("Two countries, including Ostrenia and Kestria, have sent planes.", "d.txt")
    assert check_entity_sets(a, including, 0.6) is None


def test_for_is_a_vote_only_as_a_whole_word():
    (members,) = extract_quantities("The RWU, with 38,000 members, is the driving force.")
    assert members.polarity == ""
    assert numbers(
        "The RWU, with 38,000 members, is the driving force.", "The RWU has about 28,000 members."
    ).contradicts
    (votes,) = extract_quantities("Ten members voted for the motion.")
    assert votes.polarity == "for"


def test_a_name_tagged_a_person_in_one_claim_and_an_organisation_in_the_other_is_one_actor():
    a = make_claim("Talks between the unions and BelRail collapsed on Tuesday evening.", "a.txt", ("person:belrail",))
    b = make_claim("Talks between the unions and BelRail broke down on Monday night.", "b.txt", ("BelRail",))
    assert check_dates(a, b, 0.82).message == "Tuesday vs Monday"


def test_review_cases_of_the_new_checks_stay_quiet():
    texas = make_claim("Early voting began on Monday in Texas.", "a.txt", ("Texas",))
    georgia = make_claim("In Georgia, early voting began on Tuesday.", "b.txt", ("Georgia",))
    assert check_dates(texas, georgia, 0.5) is None and check_dates(texas, georgia, 0.8) is None
    museum = make_claim("The museum, which first opened on June 5, 1974, reopened.", "a.txt")
    assert check_dates(museum, make_claim("The museum opened on June 20 after a renovation.", "b.txt"), 0.5) is None
    two_trials = "His first trial began on March 3, and a second trial began on April 7."
    assert dated_events(two_trials) == {}
    starmer = ("person:starmer", "person:biden")
    quote = '"We will stand with Ukraine for as long as it takes to win."'
    a = make_claim(f"After meeting Joe Biden, Keir Starmer said: {quote}", "a.txt", starmer)
    assert check_quotes(a, make_claim(f"Keir Starmer said: {quote}", "b.txt", starmer), 0.9).contradicts is False
    justice = make_claim("The Justice Department spokesman denied that the documents had been shared with Russia.")
    state = make_claim(
        "A State Department spokesman confirmed that the documents had been shared with Russia.", "b.txt"
    )
    assert check_denials(justice, state, 0.7) is None
    warships = ("Britain and France sent two warships each.", "Britain and Italy sent two warships each.")
    assert check_entity_sets(make_claim(warships[0]), make_claim(warships[1], "b.txt"), 0.7) is None
    assert (
        numbers("Rescuers had recovered 25 bodies by Sunday.", "Rescuers had recovered 40 bodies by the evening.")
        is None
    )
