"""The `entity_set` check's helpers; its sentence pairs are data in `tests/cases/entity_set.jsonl`."""

from __future__ import annotations

from checker.checks.entity_sets import EntitySetCheck, counted_size, list_members
from checker.patterns import load
from tests.helpers import _nlp, comparer, make_claim


def _tokens(text: str):
    return _nlp()(text)[:]


def test_list_members_are_found():
    assert list_members(_tokens("Talks included France, Germany, and Italy on Friday.")) == [
        "France",
        "Germany",
        "Italy",
    ]


def test_a_list_the_parser_starts_with_an_apposition_keeps_its_first_member():
    """After "Mayor Linda Cho cast the deciding vote." the parser hung "Alvarez" on "Tate" as an apposition: the
    list lost Tate, shared one name with "Greg Tate and Maria Alvarez" and a missing member went unreported."""
    doc = _nlp()(
        "Mayor Linda Cho cast the deciding vote. Council members Greg Tate, Maria Alvarez and Paul Dunn voted."
    )
    second = list(doc.sents)[1]
    assert second.root.text == "voted" and doc[second.start + 6].dep_ == "appos"  # as the parser reads it in context
    assert list_members(second) == ["Greg Tate", "Maria Alvarez", "Paul Dunn"]
    # a description between commas is no member: "a lawyer" is no person
    assert list_members(_tokens("He met Smith, a lawyer, and Jones.")) == ["Smith", "Jones"]


def test_a_list_is_counted_only_where_its_sentence_counts_it():
    assert counted_size(_tokens("Two neighbouring countries, Ostrenia and Valdesia, have sent planes.")) == 2
    assert counted_size(_tokens("Ostrenia and Kestria are the only two countries to have sent planes.")) == 2
    assert counted_size(_tokens("Ostrenia and Kestria have sent planes so far.")) is None
    assert counted_size(_tokens("Two countries, including Ostrenia and Kestria, have sent planes.")) is None


def _annotated(text: str):
    return EntitySetCheck().annotate(make_claim(text), _tokens(text))


def test_the_words_around_a_list_leave_out_its_names_and_their_article():
    """What makes two lists sharing one member one group: the same words before and after them, however many
    members and whichever "the" each writes; none for the two sides of a relation ("between")."""
    around = _annotated("Sources told the BBC and the Washington Post on Monday.").around
    assert around == ("sources", "told", "on", "monday")
    assert _annotated("Sources told the BBC, the Guardian and NBC News on Monday.").around == around
    assert _annotated("Officials said nothing on Monday.").around == ()
    assert _annotated("Flights between Qatar and Egypt resumed on Monday.").around == ()


def test_a_member_names_a_state_by_its_name_another_name_or_its_peoples_only_where_it_is_whole():
    """A state's other names and its people's are that state ("Burma", "Iraqi"); a city, a territory or a longer
    name that holds a state's name ("Papua New Guinea", "South Sudan") is not the state in it."""
    assert dict(_annotated("Troops from Burma, Iraq and the U.S. joined the exercise.").states) == {
        "Burma": "Myanmar",
        "Iraq": "Iraq",
        "U.S": "United States",
    }
    assert dict(_annotated("The Chinese and Iraqi delegations left early.").states) == {
        "Chinese": "China",
        "Iraqi": "Iraq",
    }
    assert dict(_annotated("Troops from South Sudan and Papua New Guinea arrived.").states) == {
        "South Sudan": "South Sudan",
        "Papua New Guinea": "Papua New Guinea",
    }
    assert _annotated("Ministers from Hong Kong, Macau and Taiwan met.").states == ()


def test_a_state_is_named_anywhere_by_its_name_not_by_its_peoples_word_nor_inside_a_longer_name():
    """Where the other claim names a member's state outside its list, the member is no discrepancy: by a name
    ("US"), not by a people's word ("Russian state media") nor by a name inside a longer one."""
    assert "United States" in _annotated("US and British warships sailed through the strait.").named_states
    assert _annotated("China and Iran voted against, Russian state media said.").named_states == {"China", "Iran"}
    named = _annotated("The Democratic People's Republic of Korea fired a missile.").named_states
    assert named == {"North Korea"}


def test_no_name_of_the_states_table_stands_for_two_states():
    """A name two states share ("Congo", "Korea", "Dominican") is left out: it cannot say which is meant."""
    states_of: dict[tuple, set[str]] = {}
    for pattern in load("states"):
        tokens = [next(iter(t.values())) for t in pattern.pattern]  # each token's LOWER or ORTH
        if len(tokens) == 1 and isinstance(tokens[0], dict):
            forms = [(word.lower(),) for word in tokens[0]["IN"]]
        else:
            forms = [tuple(t.lower() for t in tokens)]
        for form in forms:
            states_of.setdefault(form, set()).add(pattern.label)
    assert all(len(states) == 1 for states in states_of.values()), [f for f, s in states_of.items() if len(s) > 1]


def test_the_message_says_which_side_of_the_pair_names_a_member_and_claims_no_document_alone():
    """In a fact, other sources can share either list: "only in 004: Sudan" read as wrong beside 005 naming it."""
    check = comparer(EntitySetCheck)
    three = make_claim("The US voted against it alongside Russia, Belarus, and North Korea.", "002.txt")
    four = make_claim("The US voted against it with Russia, Belarus, North Korea and Sudan.", "004.txt")
    evidence = check(three, four, 0.9)
    assert evidence.contradicts and evidence.message == "different participants (Sudan in 004.txt, not in 002.txt)"


def test_an_apostrophe_before_a_year_or_after_a_plural_opens_no_title():
    """(review) "the '90s" and "Spurs'" read as a quotation hid the list between them; "Brigades’" (a right single
    mark) opened one as well."""
    for text in (
        "Since the '90s Arsenal, Chelsea and Spurs' grounds have all grown.",
        "The Fire Brigades’ Union, Unite and Unison backed the strike.",
    ):
        assert len(list_members(_nlp()(text)[:])) >= 3, text


def test_a_whole_list_against_a_partial_one_keeps_all_its_members_in_its_version():
    """ "Countries including France, Germany, Italy, and Spain" may leave Portugal out: no discrepancy, but the fact
    must show the other source's list whole, Portugal in it (session 68 review: it showed "France, Germany, Italy")."""
    evidence = comparer(EntitySetCheck)(
        make_claim("Countries including France, Germany, Italy, and Spain backed the plan on Monday.", "a.txt", ()),
        make_claim("France, Germany, Italy, and Portugal backed the plan on Monday.", "b.txt", ()),
        0.9,
    )
    assert evidence is not None and evidence.contradicts
    assert evidence.detail["only_in_a"] == ["Spain"] and evidence.detail["only_in_b"] == []
    assert EntitySetCheck().version(evidence.detail, "b") == (
        ("France", "Germany", "Italy", "Portugal"),
        "France, Germany, Italy, Portugal",
    )
    assert EntitySetCheck().version(evidence.detail, "a")[0] == ("France", "Germany", "Italy", "Spain")
