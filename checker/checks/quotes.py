"""`quote` check: one source puts words in one person's mouth, another the same words in another's.

'"We are not yet in a position to say the fire is under control," Carla Ribo,
a spokeswoman for the fire service, said' against the same sentence "said
Marta Solis, a spokeswoman for the fire service". The model reads the quotes
as one statement and agrees; who said it is what differs. A misattributed
quote is among the first things a fact-checker looks for, so the same words
with two different named speakers contradict, and with one speaker agree.

Only a quote long enough to be one person's own words counts (MIN_WORDS):
two people may both say "We are deeply saddened", hardly the same fifteen
words. A shorter quote counts where the two sentences are the same but for
the speaker's name and what its apposition says of the speaker ("said Laura
Brennan, chief economist for the association" / "said Marcus Ortiz, president
of the association"), and hold MIN_WORDS words without them ('"We categorically
deny these allegations," said Ty Votaw, executive vice president of the PGA
Tour' against the same with "Dan Olsen"): one report of one statement, told
with two names. So does a sentence that reports a named person's words
without quote marks ("X, an adviser to the institute, said it was very
strange ..."): its words but the speaker's are the quote. Speakers are
compared by surname, as people are elsewhere, and only personal names
count: "a spokesman" or "the ministry" may be anyone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from checker.checks.base import Check, CheckSetting, versus
from checker.checks.names import cues, name_at, name_spans, office_cues
from checker.checks.persons import given_names_read, name_word_list
from checker.entities import clean_name, person_key
from checker.patterns import words
from checker.records import Claim, Evidence

# Words a quote needs to be one person's own: set phrases that several people say ("We are deeply
# saddened", "no comment at this time") are shorter; the misattributed quotes in the clusters have 12-15.
MIN_WORDS = 8
SINGLE_QUOTES = {"'", "‘", "’"}
INVERTED_GAP = 2  # tokens from an inverted verb to its subject's name: "said Per Aasland"
# what a sentence that only says who spoke holds besides its verb: "Abubakar Shekau said in the video on Monday."
WHO_WHEN_WHERE = {"nsubj", "punct", "prep", "npadvmod", "aux"}
THEN = {"later", "then", "afterwards", "again", "also"}  # "Smith said later."; not "said so", "said otherwise"
NEXT_TO = 3  # tokens between a quote and a reporting verb outside it: '"...," said X', 'X said: "..."'
SPOKESPEOPLE = words("offices", "spokesperson/spokesperson")  # "spokesman", "spokeswoman", "spokesperson"


class Quote(NamedTuple):
    words: tuple[str, ...]  # the quoted words, lower case
    speaker: str  # as written
    # a quote shorter than MIN_WORDS, or reported speech: the words of its sentence but the speaker's, which the
    # other side must share
    sentence: tuple[str, ...] = ()
    # the words of the sentence but the speaker's name and apposition (`_told`): a short quote's sentence where both
    # describe their speakers in one organisation, and for any quote, whether the sentences tell one statement
    # (`QuoteCheck.tells_one_statement`)
    told: tuple[str, ...] = ()
    # the organisation the speaker's apposition names ("association" of "chief economist for the association")
    organisation: frozenset[str] = frozenset()


def quoted_spans(tokens) -> list:
    """The spans between an opening and a closing double quote mark (`is_quote`), marks left out.

    Single marks are left to apostrophes and scare quotes ("the 'plan'"), as in news copy.
    """
    marks = [t.i for t in tokens if t.is_quote and t.text not in SINGLE_QUOTES]
    doc = tokens.doc
    return [doc[start + 1 : end] for start, end in zip(marks[::2], marks[1::2], strict=False) if end > start + 1]


def _reporting_verb(quote, verbs: list):
    """The reporting verb whose clause holds the quote, or the one next to it; the nearest first."""

    def distance(verb) -> int:
        return max(quote.start - verb.i, verb.i - quote.end + 1, 0)

    # a verb of a sentence the quote is no part of is a reply ('"We did nothing wrong." Santos said it was a lie.'),
    # unless that sentence only says who spoke: the splitter ends one at a quote's "?" or "!"
    sentences = {t.sent.start for t in quote}
    says_who = [v for v in verbs if _only_says_who(v, quote)]
    verbs = [v for v in verbs if v.sent.start in sentences and not quote.start <= v.i < quote.end]
    holding = [v for v in verbs if any(v in t.ancestors for t in quote)] + says_who
    near = [v for v in verbs if distance(v) <= NEXT_TO]
    return min(holding or near, key=distance, default=None)


def _only_says_who(verb, quote) -> bool:
    """The quote makes a sentence of its own and the next one, starting at its closing mark, says nothing but who
    spoke it ('"Don't you know they have converted?" Abubakar Shekau said.', '... Smith told reporters.'): the
    quote is what that sentence reports, though the splitter ended a sentence at the quote's question mark. Not
    a sentence that says something itself ("As Maria Santos said, it was a long day"), denies saying ("Jones
    would not say."), answers it ('"No," John Smith said.', "John Smith said no.", 'Smith said: "Absolutely."',
    "Smith said otherwise."), or follows a quote someone was already said to speak ('Anna Smith asked: "...?"')."""
    opens_its_sentence = quote.start - 1 == quote[0].sent.start
    listener = {"dobj", "dative"} if verb.lemma_ == "tell" else set()  # "told reporters" names who heard it
    says_something = any(
        not (c.dep_ in WHO_WHEN_WHERE | listener or (c.dep_ == "advmod" and c.lower_ in THEN)) for c in verb.children
    )
    # '"...?" "No," John Smith said.', 'Smith said: "Absolutely."': he answers the question, he does not ask it
    answers = any(t.is_quote for t in verb.sent)
    follows = verb.dep_ == "ROOT" and verb.sent.start == quote.end + 1
    return opens_its_sentence and follows and not says_something and not answers


def _speaker(verb, names):
    """The name that is the verb's subject; after an inverted verb the name that follows it, which the parse
    may miss ("said Per Aasland, a former harbourmaster", with "Per" read as a preposition), a rank or a form of
    address before it left out ("said Det. James Patterson": `honorifics`)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        found = name_at(names, subject)
        if found is not None or not any(cues(verb.doc[subject.i : subject.i + 1], "honorifics")):
            return found  # a pronoun ("He claimed ...") names no one
    return next((n for n in names if verb.i < n.start <= verb.i + INVERTED_GAP + _honorific_words(verb)), None)


def _honorific_words(verb) -> int:
    """How many words of a rank or a form of address follow the verb ("said Det. James Patterson": two)."""
    after = verb.doc[verb.i + 1 : verb.i + 4]
    return next(
        (m.end - m.start for m in (span for _, _, span in cues(after, "honorifics")) if m.start == verb.i + 1), 0
    )


def _is_person(name, claim: Claim) -> bool:
    """A person: the tagger says so, the claim's entities do, or the name is described ("X, a spokeswoman")."""
    described = any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in name.root.children)
    return name.root.ent_type_ == "PERSON" or person_key(name.text) in claim.entities or described


def quotes(claim: Claim, tokens) -> list[Quote]:
    """Quotes whose speaker, a person, is the subject of a reporting verb at them: of at least MIN_WORDS words, or
    shorter with the words of the sentence but the speaker's (which must then be the other side's too); in a claim
    with no quote marks, the words it reports a person to have said (`_reported_speech`).

    Read in the claim's whole line: a quote of two sentences ('"This is the best night of my life. We never
    stopped believing," said Daniel Okafor') is split into two claims, its speaker in one of them; each claim
    holding words of it holds the quote and its speaker."""
    line = tokens.doc[:]
    verbs = [span.root for label, _, span in cues(line, "reporting") if label == "say"]
    # a rank or form of address, and an office, are no part of a speaker's name: "Ocotillo County Fire Chief Samuel
    # Reyes", which the tagger took for a title of a work, is Samuel Reyes, a person by the office before the name
    offices = {t.i for label, _, span in office_cues(line) if "/" in label for t in span}
    names = name_spans(line, skipped={t.i for _, _, span in cues(line, "honorifics") for t in span} | offices)
    found = []
    spans = [q for q in quoted_spans(line) if q.start < tokens.end and tokens.start < q.end]  # not another claim's
    if not spans:
        return _reported_speech(claim, tokens, [v for v in verbs if tokens.start <= v.i < tokens.end], names)
    for quote in spans:
        verb = _reporting_verb(quote, verbs)
        name = _speaker(verb, names) if verb is not None else None
        if name is None or not (_is_person(name, claim) or name.start - 1 in offices):  # not "The Fire Ministry"
            continue
        words = _words(quote)
        sentence = () if len(words) >= MIN_WORDS else _words(t for t in tokens if t not in name)
        if len(words) >= MIN_WORDS or len(sentence) >= MIN_WORDS:
            found.append(Quote(words, clean_name(name.text), sentence, _told(tokens, name), _organisation(name)))
    return found


def _reported_speech(claim: Claim, tokens, verbs: list, names: list) -> list[Quote]:
    """A sentence that reports a named person's words without quote marks ("Wilfried Strauch, an adviser to the
    institute, said it was very strange that no one saw a streak of light"): its words but the speaker's are the
    quote, so the same sentence told with another name is one statement given to two people."""
    for verb in verbs:
        name = _speaker(verb, names)
        if name is not None and _is_person(name, claim):
            sentence = _words(t for t in tokens if t not in name)
            found = Quote(sentence, clean_name(name.text), sentence, _told(tokens, name), _organisation(name))
            return [found] if len(sentence) >= MIN_WORDS else []
    return []


def _told(tokens, name) -> tuple[str, ...]:
    """The words of a sentence but its speaker's name and what its apposition says of the person ("Laura Brennan,
    chief economist for the association"): two outlets that give one quote to two people describe each as that
    person is, so the sentence they share is the rest."""
    described = {t.i for child in _appositions(name) for t in child.subtree}
    return _words(t for t in tokens if t not in name and t.i not in described)


def _appositions(name) -> list:
    return [child for child in name.root.children if child.dep_ == "appos"]


def _organisation(name) -> frozenset[str]:
    """The organisation a speaker's apposition names, as the lemmas of its nouns' heads: "association" of "chief
    economist for the association" and of "president of the association"; none of "the football coach", nor of a
    spokesperson ("a spokeswoman for the company"), who gives the organisation's words, as another may."""
    appositions = [a for a in _appositions(name) if a.lower_ not in SPOKESPEOPLE]
    return frozenset(
        t.lemma_.lower()
        for a in appositions
        for t in a.subtree
        if t.dep_ in {"pobj", "poss"} and t.pos_ in {"NOUN", "PROPN"}
    )


def _one_speaker(x: str, y: str, alike: float) -> bool | None:
    """One person: one surname key, or surnames spelled alike ("Schooff" / "Blair Schoof") where the first names
    do not differ ("Daniel Martinez" and "Carol Martin" are two people); None, unknown, where one surname's first
    names differ in words the list knows no given name by ("Anja Brenner" / "Lena Brenner")."""
    if person_key(x) == person_key(y):
        differ = given_names_read(x, y, alike)
        return None if differ is None else not differ
    words_x, words_y = name_word_list(x), name_word_list(y)
    if not (words_x and words_y) or SequenceMatcher(None, words_x[-1], words_y[-1]).ratio() < alike:
        return False
    return len(words_x) == 1 or len(words_y) == 1 or words_x[0] == words_y[0]


def _words(tokens) -> tuple[str, ...]:
    return tuple(t.lower_ for t in tokens if not t.is_punct and not t.is_space)


class QuoteCheck(Check):
    """The same quoted words on both sides: contradicting when two different people are said to say them."""

    kind = "quote"
    versus_head = re.compile("the same words from ")
    rule = "The same quoted words are attributed to two different people."
    order = 60
    annotation = tuple[Quote, ...]
    evidence = {
        "description": "The same quoted words on both sides, and who each side says spoke them.",
        "required": ["quote", "a", "b"],
        "properties": {
            "quote": {"type": "string", "description": "The quoted words both sides give, lower case."},
            "a": {"type": "string", "description": "The speaker side a names."},
            "b": {"type": "string"},
            "sentence_alike": {
                "type": "boolean",
                "description": "Whether the sentences are the same but for who spoke and how each describes them.",
            },
        },
    }
    whole_subject = True
    settings = (
        CheckSetting(
            "spelled_alike",
            0.8,
            "Least similarity of two speakers' names (difflib ratio) to read them as one name spelled two ways"
            ' ("Schooff" / "Blair Schoof"): the person check\'s `spelled_alike`, chosen on planted edits.',
            0.0,
            1.0,
        ),
    )

    def annotate(self, claim: Claim, tokens) -> tuple[Quote, ...]:
        return tuple(quotes(claim, tokens))

    def subject(self, detail: Mapping[str, Any]) -> str:
        return str(detail.get("quote", ""))

    @classmethod
    def tells_one_statement(cls, evidence: Evidence) -> bool:
        """One quote of one speaker in sentences alike but for how each describes the speaker."""
        return not evidence.contradicts and bool(evidence.detail.get("sentence_alike"))

    def compare(self, a: Claim, b: Claim, similarity: float) -> Evidence | None:
        for x in self.mine(a):
            for y in self.mine(b):
                shorter, longer = sorted((" ".join(x.words), " ".join(y.words)), key=len)
                told_alike = x.told == y.told
                # a short quote: the same sentence, or one but for two speakers of one organisation, each described
                one_sentence = x.sentence == y.sentence or (
                    told_alike and len(x.told) >= MIN_WORDS and bool(x.organisation & y.organisation)
                )
                if shorter not in longer or not one_sentence:  # one outlet may quote less of it
                    continue
                detail = {"quote": shorter, "a": x.speaker, "b": y.speaker, "sentence_alike": told_alike}
                one = _one_speaker(x.speaker, y.speaker, self.setting("spelled_alike"))
                if one is None:
                    return None  # two people or one: the model reads the pair
                if not one:
                    return Evidence(self.kind, True, detail, "the same words from " + versus(x.speaker, y.speaker))
                return Evidence(self.kind, False, detail, f"both quote {x.speaker}")
        return None
