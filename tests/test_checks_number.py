"""The `number` check on sentences written for the tests, false alarms included."""

from __future__ import annotations

from dataclasses import replace

from checker.checks.dates import DateCheck
from checker.checks.denials import DenialCheck
from checker.checks.entity_sets import EntitySetCheck
from checker.checks.numbers import NumberCheck, extract_quantities
from checker.checks.quotes import QuoteCheck
from checker.checks.text import stem
from checker.checks.titles import TitleCheck
from tests.helpers import annotated, comparer, make_claim

check_numbers, check_dates, check_titles = comparer(NumberCheck), comparer(DateCheck), comparer(TitleCheck)
check_denials, check_quotes, check_entity_sets = comparer(DenialCheck), comparer(QuoteCheck), comparer(EntitySetCheck)


def quantity_keys(text: str) -> set[str]:
    return NumberCheck().pairing_keys(annotated(make_claim(text)))


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


def test_round_sums_starting_prices_and_sentences_of_several_sums():
    assert numbers("Apple said the watch would cost $350.", "Apple said the watch would cost $349.") is None
    assert numbers("Apple said the watch will start at $349.", "Apple said the steel watch will cost $500.") is None
    several = "The watch will cost $500 for steel and up to $5,000 for gold."
    assert numbers(several, "The gold watch will cost $10,000.") is None
    assert numbers("The fund holds 20 million kroner.", "The fund holds 25 million kroner.").contradicts


def test_a_round_starting_price_allows_the_exact_one():
    assert numbers("Apple said pricing would start at $350.", "Apple said the starting price is US$349.") is None


def test_forecasts_and_suppositions_are_not_compared():
    assert numbers("The analyst predicts the steel watch will cost $999.", "The steel watch costs $99.") is None
    assert numbers("The toll could rise to 500 deaths.", "The quake caused 300 deaths.") is None
    assert numbers("The quake caused 500 deaths.", "The quake caused 300 deaths.").contradicts


def test_a_whole_is_not_a_part_and_compound_number_words_read_whole():
    assert not numbers("The party won 57 of the 183 seats.", "The party won fifty-seven seats.").contradicts
    assert [q.value for q in extract_quantities("Twenty-one people died.")] == [21]
    assert numbers("The party won 57 of the 183 seats.", "The party won 61 seats.").contradicts


def test_a_percentage_is_known_by_the_measure_named_earlier_in_its_sentence():
    a = "The final turnout, including the postal ballots counted on Monday, was 77.6 per cent."
    assert numbers(a, "Turnout was 76.7 percent, according to the final figures.").contradicts


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


def test_a_supposition_with_would_is_no_count_but_a_reported_plan_is():
    assert numbers("A coalition needs 92 seats for a majority.", "Together the parties would hold 95 seats.") is None
    assert numbers("Acme said it would cut 2,400 jobs.", "Acme will cut 3,100 jobs.").contradicts


def test_a_would_counts_only_for_the_figure_it_governs():
    assert numbers(
        "The earthquake, which would later be called the deadliest in a decade, killed 287 people in Nepal.",
        "The earthquake killed 301 people in Nepal.",
    ).contradicts
    assert numbers("Acme confirmed it would cut about 2,400 jobs.", "Acme will cut 3,100 jobs.").contradicts


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


def test_for_is_a_vote_only_as_a_whole_word():
    (members,) = extract_quantities("The RWU, with 38,000 members, is the driving force.")
    assert members.polarity == ""
    assert numbers(
        "The RWU, with 38,000 members, is the driving force.", "The RWU has about 28,000 members."
    ).contradicts
    (votes,) = extract_quantities("Ten members voted for the motion.")
    assert votes.polarity == "for"
