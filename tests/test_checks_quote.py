"""The `quote` check's reading of the parse; its sentence pairs are data in `tests/cases/quote.jsonl`."""

from __future__ import annotations

from checker.checks.quotes import _one_speaker, quoted_spans, quotes
from tests.helpers import _nlp, make_claim


def _quotes(text: str):
    return quotes(make_claim(text), _nlp()(text)[:])


def test_the_speaker_is_the_subject_of_the_reporting_verb_at_the_quote():
    said = _quotes(
        'After meeting Joe Biden, Keir Starmer said: "We will work together on this for many years to come."'
    )
    assert [q.speaker for q in said] == ["Keir Starmer"]
    assert _quotes('Jo Lund called it "a waste of money that nobody in this town ever wanted," she said.') == []


def test_single_quote_marks_are_no_quotes():
    spans = quoted_spans(_nlp()("""The 'big' plan was "a waste of money," Jo Lund said.""")[:])
    assert [s.text for s in spans] == ["a waste of money,"]


def test_a_quote_of_two_sentences_is_each_of_its_claims_with_its_speaker():
    """The splitter makes two claims of '"This is the best night of my life. We never stopped believing," said
    Daniel Okafor'; the first holds the quote's words but not its speaker, and both are the quote he gave."""
    line = '"This is the best night of my life. We never stopped believing," said striker Daniel Okafor.'
    parsed = _nlp()(line)
    first, second = list(parsed.sents)
    for claim_tokens in (parsed[first.start : first.end], parsed[second.start : second.end]):
        (found,) = quotes(make_claim(claim_tokens.text), claim_tokens)
        assert found.speaker == "Daniel Okafor"
        assert " ".join(found.words) == "this is the best night of my life we never stopped believing"
    other = 'Asked about the final, the captain smiled. "We will celebrate all night long with our fans," Pike said.'
    parsed = _nlp()(other)
    asked = next(parsed.sents)
    assert quotes(make_claim(asked.text), parsed[asked.start : asked.end]) == []  # the line's other quote is not its


def test_a_rank_before_the_speaker_is_no_speaker():
    """ "said Det. James Patterson": the splitter ends a sentence at "Det.", and the rank was taken for the speaker,
    so one quote given to him in two outlets read as given to two people."""
    line = (
        '"The apartment was exceptionally clean and we found no signs of abuse or foul play here today," said Det.'
        " James Patterson, of the city's police department."
    )
    parsed = _nlp()(line)
    first = next(parsed.sents)
    assert [q.speaker for q in quotes(make_claim(first.text), parsed[first.start : first.end])] == ["James Patterson"]


def test_a_reporting_verb_of_the_next_sentence_is_no_speaker_of_the_quote():
    """(review) '"We have done nothing wrong and we will prove it in court." Santos said it was a lie.': Santos
    replies; the quote's speaker is not named."""
    line = '"We have done nothing wrong and we will prove it in court." Santos said it was a lie.'
    parsed = _nlp()(line)
    first = next(parsed.sents)
    assert quotes(make_claim(first.text), parsed[first.start : first.end]) == []


def test_a_sentence_that_only_names_who_spoke_after_a_quoted_question_is_its_speaker():
    """'"...?" Abubakar Shekau said.': the splitter ends a sentence at the quote's question mark, and the speaker
    stood in the next one, so the question given to another person in another outlet was never compared. A next
    sentence that says what was said is a reply, as above."""
    question = '"Don\'t you know the over 200 Chibok schoolgirls have converted to Islam?"'
    for told, speakers in (
        (f"{question} Abubakar Shekau said. The video lasted 17 minutes.", ["Abubakar Shekau"]),
        (f"{question} Abubakar Shekau said in the video.", ["Abubakar Shekau"]),
        (f"{question} Abubakar Shekau told reporters.", ["Abubakar Shekau"]),  # who heard it, not what was said
        (f"{question} Abubakar Shekau said it was a lie.", []),
        (f"{question} Mike Omeri would not say.", []),  # (review) he declines to answer it
        (f'{question} "No," Mike Omeri said at the hearing.', []),  # (review) he answers it
        (f"{question} Mike Omeri said no at the hearing.", []),
        (f'{question} Mike Omeri said: "Absolutely."', []),  # (review) his answer, quoted after the verb
        (f"{question} Mike Omeri said otherwise.", []),
        (f"{question} Abubakar Shekau said later.", ["Abubakar Shekau"]),
    ):
        parsed = _nlp()(told)
        first = next(parsed.sents)
        assert first.text == question
        assert [q.speaker for q in quotes(make_claim(first.text), parsed[first.start : first.end])] == speakers
    # (review) a quote its own sentence gives a speaker is not the next sentence's, nor one inside a sentence
    # that says something itself
    for told, not_the_speaker in (
        (f"At the meeting, Anna Smith asked: {question} Mike Omeri said later.", "Mike Omeri"),
        (
            '"It was the longest day of my life and I will never forget it!" As Maria Santos said, it was.',
            "Maria Santos",
        ),
    ):
        parsed = _nlp()(told)
        first = next(parsed.sents)
        assert not_the_speaker not in [
            q.speaker for q in quotes(make_claim(first.text), parsed[first.start : first.end])
        ]


def test_a_pronoun_subject_names_no_speaker_after_it():
    """(review) 'He claimed Border Patrol "caught them," but "you know ..."': the speaker is "He", no one named;
    "Border Patrol" after the verb is what he said, not who."""
    line = 'He claimed Border Patrol "caught them," but "you know there will be dozens more that did not get caught."'
    parsed = _nlp()(line)
    assert quotes(make_claim(line), parsed[:]) == []


def test_one_surnames_speakers_are_one_two_or_unknown_by_their_first_words():
    """(elections desk, review) Known given names that differ are two people; first words the list does not know
    ("Anja" / "Lena") leave it unknown, for the model to read; a style of address ("Sheikh", "Emir") is no name."""
    assert _one_speaker("Patricia Okafor", "Pamela Okafor", 0.8) is False
    assert _one_speaker("Anja Brenner", "Lena Brenner", 0.8) is None
    assert _one_speaker("Sheikh Tamim Al-Thani", "Emir Tamim Al-Thani", 0.8) is True
    assert _one_speaker("Bill Clinton", "William Clinton", 0.8) is True
