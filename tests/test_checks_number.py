"""The `number` check's annotation and explainer; its sentence-pair cases are data, in tests/cases/number.jsonl."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.checks.numbers import NumberCheck
from checker.checks.quantities import Quantity, extract_quantities
from checker.records import Evidence
from tests.helpers import _nlp, annotated, comparer, make_claim


def quantities(text: str) -> list[Quantity]:
    """The quantities of a sentence, read from its parse as claim extraction reads them."""
    return extract_quantities(_nlp()(text)[:])


def values(text: str) -> list[float]:
    return [q.value for q in quantities(text)]


def test_years_and_one_of_are_not_quantities():
    assert quantities("In 2019 she was one of the founders.") == []


def test_scale_words_multiply_and_stay_with_their_figure():
    assert values("The deal is worth 3.5 billion dollars.") == [3.5e9]
    (views,) = quantities("The clip has received more than 40 million views.")
    assert (views.text, views.value, views.bound) == ("40 million", 4e7, "lower")


def test_scales_written_onto_figures():
    """The tokenizer splits "7.6bn" and "30pc"; "m" scales a sum of money only, never a measure; before a plural
    ("38m accounts" was 38 accounts against another outlet's "38 million accounts") it is read as neither."""
    assert values("Profits fell 30pc to £7.6bn.") == [30, 7.6e9]
    assert values("The council spent £3m.") == [3e6]
    assert values("The breach affected 38m accounts.") == []  # millions, or metres: the words do not say
    assert values("A 12m wave hit the coast.") == [12]


def test_a_toll_that_rose_is_read_where_the_parser_hangs_the_rise_on_the_subject():
    """(wire desk audit) "toll" was parsed as the subject of "ferry" (a verb): no figure read, and an outlet
    repeating the agreed toll failed CI as the model's contradiction."""
    (toll,) = quantities(
        "The death toll from the sinking of the Northern Star ferry off Harwich rose to 12 on Tuesday."
    )
    assert (toll.value, toll.unit, toll.risen) == (12, "death", True)


def test_number_words_read_whole():
    assert values("Twenty-one people died.") == [21]
    assert values("Three hundred people marched.") == [300]
    assert values("One hundred and twenty people died in the crash.") == [120]
    assert values("Libya lost nearly a dozen commercial aircraft.") == [12]


def test_ages_dates_and_numbers_in_names_are_not_counts():
    (age,) = quantities("Aamir Dhawan, 30, a local, said nobody helped.")
    assert (age.value, age.unit) == (30, "age:dhawan")
    assert quantities("Brewer spoke with local news station ABC 15 about the charges.") == []
    assert quantities("The trial began on January 5 in Boston.") == []
    assert quantities("The trial began on 5 January in Boston.") == []
    assert values("In Syria, 250,000 people have died in the war.") == [250000]
    assert values("In 15 minutes the crowd had gone.") == [15]


def test_an_age_is_tied_to_whom_it_describes():
    """The groom's and the bride's ages are two quantities, each of its own person."""
    groom, bride = quantities(
        "Police said the wedding ceremony of 25-year-old Jugal Kishore and his 23-year-old bride Indira was held on Sunday."
    )
    assert (groom.value, groom.unit) == (25, "age:kishore")
    assert (bride.value, bride.unit, bride.text) == (23, "age:indira", "23-year-old bride Indira")
    (nun,) = quantities("A 31-year-old Salvadorean nun in Italy gave birth.")
    assert nun.unit == "year-old:nun"


def test_for_is_a_vote_only_after_a_vote():
    (duration,) = quantities("He spent eight years for the charity.")
    assert duration.polarity == ""
    (members,) = quantities("The RWU, with 38,000 members, is the driving force.")
    assert members.polarity == ""
    (votes,) = quantities("Ten members voted for the motion.")
    assert (votes.unit, votes.polarity) == ("vote", "for")


def test_a_hyphened_noun_is_shown_whole():
    """(science desk) the parser splits "co-authors" at its hyphen and the report said "19 co vs 14 co"; its first
    part stays the unit (a co-author is no author, nor a sub-contractor a contractor: review)."""
    text = "The paper, by Salas and {} co-authors, claimed that mice did well."
    assert [q.noun for q in quantities(text.format(19))] == ["co-authors"]
    compare = comparer(NumberCheck)
    found = compare(make_claim(text.format(19)), make_claim(text.format(14), "b.txt"), 0.9)
    assert found is not None and found.message == "19 co-authors vs 14 co-authors"
    hired = make_claim("The firm hired 12 sub-contractors."), make_claim("The firm hired 15 contractors.", "b.txt")
    assert compare(*hired, 0.9) is None


def test_a_named_persons_age_pairs_claims():
    claim = make_claim("Reinholt got nine years, while the 49-year-old Sorell received six years.")
    assert "age:sorell:" in NumberCheck().pairing_keys(annotated(claim))


def test_a_value_the_other_document_gives_elsewhere_explains_a_discrepancy():
    """Two votes in one article: a source giving one of its values is about the other vote."""
    claims = [
        make_claim("The first motion got 93 votes in favour.", "a.txt"),
        make_claim("The second motion got 10 votes in favour.", "a.txt"),
        make_claim("The motion got 10 votes in favour.", "b.txt"),
    ]
    claims = [annotated(c) for c in claims]
    index = NumberCheck().explainer(claims)
    detail = {"unit": "vote", "polarity": "for", "a": {"value": 93.0}, "b": {"value": 10.0}}
    assert index.explains(Evidence("number", True, detail, ""), claims[0], claims[2])
    other = detail | {"b": {"value": 12.0}}
    assert not index.explains(Evidence("number", True, other, ""), claims[0], claims[2])


@pytest.mark.parametrize(
    ("first", "second", "elsewhere_in_second", "explained"),
    [
        # (telecom desk) "three years" of an investment plan makes the "five years" of a price freeze no other freeze
        (
            "The company must freeze prices for three years.",
            "The company must freeze prices for five years.",
            "It will invest $4 billion in network upgrades over the next three years.",
            False,
        ),
        # (review) the first article's toll rose to 15 later: its "killed 12" is the toll before, in any words
        ("The storm killed 12 people.", "The storm killed 15 people.", "The death toll rose to 12 on Thursday.", True),
        # (science desk) the Higgs boson's mass is no mass of the new particle, though the sentences differ in little
        (
            "The new particle has a mass of about 125 GeV, the team said.",
            "The new particle has a mass of about 152 GeV, the team said.",
            "The Higgs boson has a mass of about 125 GeV, the team said.",
            False,
        ),
        # (climate desk) a count whose clause's subject is its own noun names no other subject
        (
            "The fire, which started on Saturday near Burney, has destroyed 47 homes.",
            "The 2018 Carr Fire destroyed more than 1,000 homes in and around Redding.",
            "Cal Fire spokeswoman Rosa Delgado said 47 homes were destroyed.",
            True,
        ),
        # (courts desk) a range of the trial's sentences is no sentence of Koval's
        (
            "Nadia Koval received six years in prison.",
            "Nadia Koval was sentenced to eight years in prison.",
            "Sentences ranged from two to eight years.",
            False,
        ),
        # (FNC-1 tune bodies) "$2,084" is the tip however the other article words it: its "$2,000" is that tip rounded
        (
            "A delivery driver received a tip of $2,084 on Thursday.",
            "A pizza delivery driver got a $2,000 tip on Thursday.",
            "He was then presented with $2,084 and a gift card.",
            True,
        ),
    ],
)
def test_a_value_the_other_document_gives_elsewhere_explains_unless_a_span_of_another_thing(
    first, second, elsewhere_in_second, explained
):
    """A span of time may be of anything: it explains only with a word in common; a count or a sum in any words,
    unless told of another subject."""
    claims = [annotated(make_claim(first, "a.txt")), annotated(make_claim(second, "b.txt"))]
    claims.append(annotated(make_claim(elsewhere_in_second, "b.txt")))
    found = NumberCheck().compare(claims[0], claims[1], 0.9)
    assert found is not None and found.contradicts
    assert NumberCheck().explainer(claims).explains(found, claims[0], claims[1]) is explained


def test_a_sum_in_the_wrong_currency_is_explained_only_by_its_own_currency_elsewhere():
    """(banking desk) "$42.5 million" against "£42.5 million" is one outlet's slip: the pound sum it is compared with
    does not explain it, another "$42.5 million" in the first article does; the fact shows two versions."""
    first = annotated(make_claim("The regulator fined Halden Bank £42.5 million on Tuesday.", "a.txt"))
    second = annotated(make_claim("The regulator fined Halden Bank $42.5 million on Tuesday.", "b.txt"))
    found = NumberCheck().compare(first, second, 0.95)
    assert found is not None and found.contradicts
    assert not NumberCheck().explainer([first, second]).explains(found, first, second)
    elsewhere = annotated(make_claim("Its parent paid a $42.5 million penalty in 2019.", "a.txt"))
    assert NumberCheck().explainer([first, second, elsewhere]).explains(found, first, second)
    versions = {NumberCheck().version(found.detail, side)[1] for side in ("a", "b")}
    assert versions == {"£42.5 million", "$42.5 million"}
    keys = [NumberCheck().version(found.detail, side)[0] for side in ("a", "b")]
    assert keys[0] != keys[1] and not NumberCheck().refines(keys[0], keys[1])


def test_each_quantity_changed_in_a_pair_is_a_discrepancy_of_its_own_the_first_deciding_the_pair():
    """A second changed figure in the same sentence was a fact of nobody's (audit): "65 vs 41 abstentions" was in
    the message of the votes-for fact only, so its sources were never counted and no odd one out named."""
    check = NumberCheck()
    before = make_claim("A text got 93 votes for at the Assembly and 18 votes against, with 65 abstentions.")
    after = make_claim("A text got 112 votes for at the Assembly and 18 votes against, with 41 abstentions.", "b.txt")
    first, second = check.compare_all(annotated(before, [check]), annotated(after, [check]), 0.95)
    assert first == comparer(NumberCheck)(before, after, 0.95)
    assert first.contradicts and (first.detail["a"]["value"], first.detail["b"]["value"]) == (93, 112)
    assert (first.message, second.message) == ("93 votes vs 112 votes for", "65 abstentions vs 41 abstentions")
    assert second.contradicts and check.subject(second.detail) != check.subject(first.detail)


def test_two_figures_of_one_quantity_in_a_pair_are_one_discrepancy():
    check = NumberCheck()
    low = make_claim("The storm killed 5 people in Arlen and 7 people in Brisk, officials said.")
    high = make_claim("The storm killed 6 people in Arlen and 9 people in Brisk, officials said.", "b.txt")
    (evidence,) = check.compare_all(annotated(low, [check]), annotated(high, [check]), 0.95)
    assert evidence.message == "5 people vs 6 people; 7 people vs 9 people"


def test_a_discrepancy_told_twice_in_a_pair_is_named_once():
    compare = comparer(NumberCheck)
    low = make_claim("Some 40 people died in Arlen and 40 people died in Brisk, officials said.")
    high = make_claim("Some 60 people died in Arlen and 60 people died in Brisk, officials said.", "b.txt")
    evidence = compare(low, high, 0.95)
    assert evidence.contradicts and evidence.message.count("40") == 1, evidence.message


def test_one_span_of_time_in_two_parts_and_two_spans_that_are_not_one():
    """(review) "six years and eight months" is 80 months; parts told of two people, a part of the span, or a
    time ago are no one span."""
    assert values("Pryce was jailed for six years and eight months.") == [80.0]
    assert values("The talks lasted two hours, 40 minutes.") == [160.0]
    assert values("Smith and Jones were jailed for six years and eight months respectively.") == [72.0, 8.0]
    assert values("He served three years, 11 months of them in solitary confinement.") == [36.0, 11.0]
    assert 372.0 not in values("She has worked there for 30 years and 12 months ago became chief executive.")


def test_two_figures_joined_as_a_range_are_one_quantity_but_a_change_is_two():
    (killed,) = quantities("Officials said between 30 and 40 people were killed.")
    assert (killed.text, killed.bound) == ("between 30 and 40", "range")
    assert killed.interval() == (30.0, 40.0)  # its ends as written, however hedged
    (displaced,) = quantities("Between 2 and 3 million people were displaced.")
    assert displaced.interval() == (2e6, 3e6)  # the scale written on the second figure is the first's too
    assert [q.bound for q in quantities("The party rose from 40 to 47 seats.")] == ["", ""]
    assert [q.text for q in quantities("Rates rose 0.5 percent to 3.5 percent.")] == ["0.5 percent", "3.5 percent"]


def test_a_score_is_the_pair_after_its_verb_not_any_pair_in_the_sentence():
    scores = [q.text for q in quantities("Voters aged 18-24 voted 60-40 for the measure.") if q.unit == "score"]
    assert scores == ["60-40"]


def test_a_figure_of_a_year_before_the_articles_is_an_earlier_figure():
    """ "since 2016, when a magnitude 7.8 tremor struck" tells of another quake, in an article of 2025; in an
    article of 2016 it would be this year's."""
    compare = comparer(NumberCheck)
    then = "The quake was the deadliest in the country since 2016, when a magnitude 7.8 tremor struck the coast."
    now = "A magnitude 6.9 earthquake struck the country early on Monday."

    def claim(text: str, name: str, published: str):
        return replace(make_claim(text, name), published=published)

    assert compare(claim(then, "a.txt", "2025-03-11"), claim(now, "b.txt", "2025-03-11"), 0.8) is None
    found = compare(claim(then, "a.txt", "2016-04-17"), claim(now, "b.txt", "2016-04-17"), 0.8)
    assert found is not None and found.contradicts
    # a year beside a figure leaves it the story's (review)
    for dated, undated in (
        ("The fire destroyed 400 homes, the most since 2018.", "The fire destroyed 600 homes."),
        ("The carmaker sold 2 million cars in 2024.", "The carmaker sold 3 million cars."),
    ):
        found = compare(claim(dated, "a.txt", "2025-02-01"), claim(undated, "b.txt", "2025-02-01"), 0.8)
        assert found is not None and found.contradicts, dated


def test_spans_of_time_and_ages_are_given_once_counts_are_updated():
    """A fact's versions in publication order read as an update only for a count ("a later one may update an earlier
    one"): a winning margin of 21 seconds, an age or a sentence of years is given once."""
    assert NumberCheck.updated_in_time("death")
    assert not NumberCheck.updated_in_time("second")
    assert not NumberCheck.updated_in_time("month")
    assert not NumberCheck.updated_in_time("age:alemu")
    # (markets desk) a vote's split of 7-2 against 6-3 was offered as "a later one may update an earlier one"
    for once in ("score", "index level"):
        assert not NumberCheck.updated_in_time(once), once


def test_sums_of_money_are_given_once_measures_may_grow():
    """(business desk) a quarter's revenue or earnings a share are reported once: a later figure that differs is no
    update, and the report does not offer one. (Review) the area a fire burned, a storm's winds or the rain so far
    grow through the day as a toll does."""
    for money in ("dollar", "dollar/share", "hong kong dollar"):
        assert not NumberCheck.updated_in_time(money), money
    for count in ("death", "vote against", "case", "seat:whole", "%", "magnitude", "square metre", "metre"):
        assert NumberCheck.updated_in_time(count), count


def test_a_dateline_the_parser_makes_a_subject_holds_no_figure():
    """(second review) "LONDON — Labour won 411 seats": the dateline, parsed as a subject of "won", was taken for
    whose seats they were, and 412 against 411 went unreported."""
    doc = _nlp()("LONDON — Labour won 411 seats in Thursday's general election.")
    claim = next(i for i, t in enumerate(doc) if t.text == "Labour")
    (seats,) = extract_quantities(doc[claim:])
    assert seats.holder == "Labour"


def test_a_range_or_a_forecast_elsewhere_explains_no_discrepancy():
    """A range's middle or what economists expected is no figure the article gives of anything: "consumption
    rose 0.7%" against "rose 0.4%" stays a discrepancy though the first article quotes forecasts of 0.3% to 0.5%."""
    claims = [
        make_claim("Household consumption rose 0.7%.", "a.txt"),
        make_claim("Forecasts in a poll of economists had ranged from 0.3% to 0.5%.", "a.txt"),
        make_claim("Economists had expected exports to grow 0.4%.", "a.txt"),
        make_claim("Household consumption rose 0.4%.", "b.txt"),
    ]
    claims = [annotated(c) for c in claims]
    detail = {"unit": "%", "polarity": "", "a": {"value": 0.7}, "b": {"value": 0.4}}
    assert not NumberCheck().explainer(claims).explains(Evidence("number", True, detail, ""), claims[0], claims[3])
    stated = [*claims, annotated(make_claim("Household consumption had risen 0.4% in the previous quarter.", "a.txt"))]
    assert NumberCheck().explainer(stated).explains(Evidence("number", True, detail, ""), claims[0], claims[3])


def test_a_number_that_names_counts_nothing():
    """(a disasters desk) "the Blackridge No. 4 mine" was read as four mines, set against other counts of mines."""
    assert [q.value for q in quantities("Nine miners were trapped in the Blackridge No. 4 mine.")] == [9.0]
    assert [q.value for q in quantities("Rescuers searched mine No 12 and the #3 shaft.")] == []
    # (telecom desk) "5G" was five grams; "8GB" stays eight gigabytes
    assert [q.unit for q in quantities("Operators will pay $4.2 billion for 5G airwaves and 4K rights.")] == ["dollar"]
    assert [q.unit for q in quantities("The phone has 8GB of memory.")] == ["gigabyte"]
