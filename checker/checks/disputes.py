"""`dispute` check: one source reports a claim as false, denied or in doubt; another states it.

"The London Metropolitan Police has denied reports that street artist Banksy
has been arrested" against "... news that ... Banksy ... has been arrested";
"Claims that four terrorists had crossed the border were false, he said"
against "Chaffetz said four known terrorists were apprehended at the border".
The sources of a viral story split this way far more often than on two values
of one figure (FNC-1's *disagree*), and the NLI model reads such pairs as
neutral: the disputing sentence does not state the opposite, it reports that
someone calls the claim false. So the check takes the disputed claim out of
its frame ("street artist Banksy has been arrested") and has the model read
whether the other side states it: entailment at `min_entailment` or more.

Who disputes does not count, unlike for `denial` (one speaker on both sides):
one outlet reports as fact what another reports denied or false, and a
reader must see both. A side that itself disputes anything (calls a story
fake, denies) is not read as stating what the other disputes: "According to
the FAKE story, Culkin was found dead" relays the claim to reject it; nor is a side
that holds a negation, which the model reads as stating what it denies. A
negated dispute ("will not confirm or deny that", "did not deny") disputes
nothing. The frames are pattern data (`checker/patterns/disputes.jsonl`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from checker.checks.base import Check, CheckSetting, Readings
from checker.checks.names import cues
from checker.patterns import words
from checker.records import Claim, Evidence

ENTAILMENT, CONTRADICTION = 0, 2
MIN_WORDS = 4  # words of a disputed claim: "that it was" says too little to be stated elsewhere
MAX_PROPOSITIONS = 2  # disputed claims read per sentence: each costs a model reading per pair
DISPUTING = {"verb", "doubt", "false", "no-evidence", "not-true"}  # labels of the frames that dispute by themselves
NEGATIVE_SUBJECTS = {"no", "nobody", "none", "few", "hardly", "little"}  # "No one doubts", "Hardly anyone disputes"
WITHHOLDING = {"refuse", "stop", "cease", "decline", "fail", "hard", "difficult"}  # "refused to deny"
TAKEN_BACK = {"it", "this", "that", "so"}  # what a confirmation takes back: "later confirmed it"
ASKING = {"if", "whether"}  # "unclear whether reports that ... are false": the question is not the dispute
REFERRING = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"}  # who, the claim alone cannot say
# the negation words of the `denial` check's pattern data, and "nobody", beside spaCy's `neg` arcs
NEGATING = words("statements", "negation") | {"nobody"}
PREDICATE = {"acomp", "attr", "oprd"}  # "the claims were false", "the story is a hoax"
STATES = "states it"
NAMING = {"compound", "amod", "nmod", "poss"}  # the words before a subject's noun that say whose it is


class Disputes(NamedTuple):
    propositions: tuple[str, ...]  # the claims the sentence disputes, as written ("Banksy has been arrested")
    cues: tuple[str, ...]  # the word that disputes each ("denied", "false")
    disputing: bool  # the sentence disputes something, whether or not a claim could be taken out of it
    negated: bool = False  # the sentence holds a negation: it may deny what the model reads it as stating
    # the sentence disputes a report or calls something false or a hoax ("Police denied the report", "this is a
    # hoax", "no evidence that ..."), not only a fake passport or a false alarm
    calls_false: bool = False
    relays: bool = False  # the sentence relays an allegation ("prosecutors allege", "reportedly"): it may be denied
    claimants: tuple[str, ...] = ()  # who alleges what it relays ("fellowship" of "The Fellowship claimed ...")
    speakers: tuple[str, ...] = ()  # who says what it tells ("fellowship" of "The Fellowship said ...")


def _negating(tokens) -> bool:
    return any(t.dep_ == "neg" or t.lower_ in NEGATING for t in tokens)


def _negated(head, own: Collection[int] = ()) -> bool:
    """The word is negated ("did not deny", "neither confirm nor deny", "no longer deny") or has a negative subject
    ("No one doubts", "Few dispute"); the cue's own words (`own`: the "not" of "not true") aside."""
    for child in head.children:
        if child.i in own:
            continue
        if child.dep_ == "neg" or child.lower_ in ("neither", "nor"):
            return True
        if child.dep_ == "advmod" and any(g.lower_ == "no" for g in child.children):  # "no longer"
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "amod") and (  # "Few doubt" parses "Few" as a modifier
            child.lower_ in NEGATIVE_SUBJECTS or any(g.lower_ in NEGATIVE_SUBJECTS for g in child.children)
        ):
            return True
    return False


def _asked(head) -> bool:
    """The clause is a question asked outright: it starts with its auxiliary ("Is it not true that ...?", "Did
    police deny that ...?", quoted or not) and ends with a question mark. A statement followed by a question ("Police
    denied that ..., so who was the man?") is no question."""
    clause = [t for t in head.subtree if not (t.is_quote or t.is_space)]
    words = [t for t in clause if not t.is_punct]
    if not words:
        return False
    after = head.doc[clause[-1].i + 1] if clause[-1].i + 1 < len(head.doc) else None
    ends_asking = clause[-1].text == "?" or (after is not None and after.text == "?")
    first = words[0]
    return ends_asking and first.pos_ == "AUX" and (first.i == head.i or first.head.i == head.i)


def _withheld(frame) -> bool:
    """A dispute the sentence does not make: negated ("did not deny", "were not false"), by a negative subject
    ("No one doubts"), withheld ("refused to deny", "stopped denying", "hard to dispute") or asked ("unclear
    whether reports ... are false", "if the reports are not true", "Is it not true that ...?"). A "not true" is
    judged by its "true", its own "not" aside, and is no dispute where "true" is qualified ("not entirely true",
    "not true in every detail"). A negation further up ("He did not say that the reports were false") is not
    read: most negations above a denial leave it standing ("did not hesitate to deny", "did not say why it had
    denied")."""
    own = {t.i for t in frame}
    word = frame[-1] if frame[-1].lower_ == "true" else frame.root
    if word.lower_ == "true" and any(c.dep_ in ("advmod", "prep", "npadvmod") for c in word.children):
        return True
    heads = [word, word.head] if word.dep_ in ("conj", *PREDICATE) else [word]
    if any(_negated(head, own) for head in heads):
        return True
    governing = word
    while governing.dep_ == "xcomp":  # "refused to deny", "stopped denying", "It is hard to dispute"
        governing = governing.head
        if governing.lemma_.lower() in WITHHOLDING or any(
            c.dep_ == "acomp" and c.lemma_ in WITHHOLDING for c in governing.children
        ):
            return True
    if _asked(heads[-1]):
        return True
    # asked, in the cue's own clause: "unclear whether reports ... are false", "if the claims are false"
    return any(c.dep_ == "mark" and c.lower_ in ASKING for head in heads for c in head.children)


def _taken_back(verb, confirming: set[int]) -> bool:
    """The dispute verb is joined to a confirmation with no object of its own but "it" or "this": "initially
    denied reports that ..., but later confirmed it"; not "confirmed two arrests but denied reports that ..."."""
    joined = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(
        j.i in confirming
        and all(o.lower_ in TAKEN_BACK for o in j.children if o.dep_ in ("dobj", "ccomp", "nsubjpass"))
        for j in joined
    )


def _that_clause(word):
    """The clause a word tells: a that-clause ("reports that he was arrested"), or the clause of a verb that
    tells it ("a story claiming that ..."); for a verb, its clausal complement ("denied he was there")."""
    for child in word.children:
        if child.dep_ == "ccomp" and word.pos_ in ("VERB", "AUX"):
            return child
        if child.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return child
        if child.dep_ == "acl" and child.pos_ == "VERB":
            told = next((c for c in child.children if c.dep_ == "ccomp"), None)
            if told is not None:
                return told
    after = word.nbor(1) if word.i + 1 < len(word.doc) else None
    if after is not None and after.lower_ == "that" and after.dep_ == "mark" and after.head.i > word.i:
        return after.head  # the parse hung the clause elsewhere ("cast doubt over claims that a spider burrowed")
    return None


def _predicates(verb) -> list:
    """The verb's predicates, through the verbs it complements and those sharing its subject: "were false and
    baseless", "turned out to be false", "were investigated and found to be false"."""
    found = []
    objects = any(c.dep_ == "dobj" for c in verb.children)  # "call the company's figures false": the figures'
    for child in verb.children:
        if child.dep_ in PREDICATE and not objects:
            found += [child, *(g for g in child.children if g.dep_ == "conj")]
        elif child.dep_ == "xcomp" or (  # "spread quickly but turned out to be false": a verb sharing the subject
            child.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
        ):
            found += _predicates(child)
    return found


def _disputing_word(noun, disputing: set[int]):
    """The word that calls a report noun false or disputes it: "a fake story", "the claims were false", "reports
    were refuted", "denied reports", "cast doubt over claims"; None if none does. `disputing`: the token ids of
    the sentence's disputing words."""
    called = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.i in disputing), None)
    if called is not None:
        return called
    # a report noun opening the sentence, parsed as its verb ("Claims that ... are a hoax, the union said": "are"
    # hung on "Claims"): the predicate of the "be" it holds
    be = next((c for c in noun.children if c.lemma_ == "be" and c.dep_ in ("aux", "auxpass") and c.i > noun.i), None)
    if be is not None and (called := next((t for t in _predicates(be) if t.i in disputing), None)) is not None:
        return called
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.i not in disputing:
        # the predicate of the noun's own verb ("were false", "were false and baseless", "turned out to be
        # false"), not one of a clause further on ("came a day after he said claims about his expenses were not
        # true")
        return next((t for t in _predicates(head) if t.i in disputing), None)
    if noun.dep_ == "pobj":  # "cast doubt over claims", "denied the truth of reports"
        head = head.head
    return head if head.i in disputing else None


def _introduces(word, clause) -> bool:
    """ "that" hung on the clause's verb however the parse labels it, or right after the word that tells the
    clause ("denied that street artist Banksy ...", parsed as a determiner); not "that man" inside the claim."""
    return word.lower_ == "that" and (word.head.i == clause.i or word.i - 1 == clause.head.i)


def _proposition(clause, tokens) -> str | None:
    """The clause's words inside the claim, without its "that" and closing punctuation; None if too short."""
    inside = [t for t in clause.subtree if tokens.start <= t.i < tokens.end]
    if _negating(inside):  # the denier's own words ('denied: "No sister gave birth"'), not the claim denied
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in REFERRING for c in clause.children):
        return None  # "he had taken bribes" is stated of anyone; "the company had moved its offices" is not
    # the denier's own words after the claim: "..., refusing to give further details", "when asked whether ..."
    after = {t.i for c in clause.children if c.dep_ == "advcl" and c.i > clause.i for t in c.subtree}
    inside = [t for t in inside if t.i not in after]
    while inside and (inside[0].dep_ == "mark" or inside[0].is_punct or _introduces(inside[0], clause)):
        inside = inside[1:]
    while inside and (inside[-1].is_punct or inside[-1].is_space):
        inside = inside[:-1]
    if sum(t.is_alpha for t in inside) < MIN_WORDS:
        return None
    return tokens.doc[inside[0].i : inside[-1].i + 1].text


def disputes(tokens) -> Disputes:
    """What the claim's sentence disputes: the claims taken out of its frames, and whether it disputes at all."""
    found = [(label, span) for label, _, span in cues(tokens, "disputes")]
    reporting = [(label, span) for label, _, span in cues(tokens, "reporting")]
    confirming = {span.root.i for label, span in reporting if label in ("confirm", "admit")}
    live = {
        span.root.i: label
        for label, span in found
        if label in DISPUTING and not _withheld(span) and not _taken_back(span.root, confirming)
    }
    # "cast doubt", "not true", as cues
    said = {span.root.i: span.text for label, span in found if label in ("doubt", "not-true")}
    # each word of a live frame of several stands for it: the parse may hang "over claims" on "doubts" rather than on
    # "raised" ("raised doubts over the claims that ..."), and "are not true" has "true", not "not", as a predicate
    frame_of = {t.i: span.root.i for label, span in found if span.root.i in live for t in span}
    clauses, debunks = [], False  # debunks: disputes a report, or says there is no evidence that ...
    for label, span in found:
        word = span.root
        if label == "verb" and word.i in live:
            clauses.append((word, _that_clause(word)))
        elif label == "report" and (cue := _disputing_word(word, set(frame_of))) is not None:
            cue = tokens.doc[frame_of[cue.i]]
            clauses.append((cue, _that_clause(word)))
            # a report called false, or denied ("Police later denied the report"); not a claim for damages
            # dismissed or a committee's report rejected
            debunks |= clauses[-1][1] is not None or live.get(cue.i) in ("false", "not-true") or cue.lemma_ == "deny"
        elif label in ("no-evidence", "not-true") and word.i in live:
            at = span[-1]
            clauses.append((at, _that_clause(at) or (_that_clause(at.head) if label == "not-true" else None)))
            debunks |= clauses[-1][1] is not None  # "no evidence that ...", not "no evidence of foul play"
    taken = [
        (said.get(frame_of.get(cue.i, cue.i), cue.text), text)
        for cue, clause in clauses
        if clause is not None and (text := _proposition(clause, tokens))
    ]
    unique = list(dict.fromkeys(taken))[:MAX_PROPOSITIONS]
    # "this is a hoax", "the story is fake": not "a fake passport", "a false alarm", "a bomb hoax"
    called_false = any(label == "false" and i in live and tokens.doc[i].dep_ in PREDICATE for i, label in live.items())
    disputes_itself = any(label in ("verb", "doubt") for label in live.values())
    return Disputes(
        tuple(t for _, t in unique),
        tuple(w for w, _ in unique),
        bool(unique) or debunks or called_false or disputes_itself,
        _negating(tokens),
        debunks or called_false,
        any(_relayed(span) for label, span in found if label == "allege"),
        _subjects(span.root for label, span in found if label == "allege" and _relayed(span)),
        _subjects(span.root for label, span in reporting if label == "say"),
    )


def _subjects(verbs: Iterable) -> tuple[str, ...]:
    """Who the verbs that report a clause have report it, by the words of their subjects' names ("westmark covenant
    fellowship" of "The Westmark Covenant Fellowship said the vote breached canon law"; "hamas officials" is no
    "israeli officials"), lower case; a pronoun names no one."""
    return tuple(
        sorted(
            {
                " ".join(t.lower_ for t in (*(c for c in s.children if c.dep_ in NAMING), s) if t.i <= s.i)
                for v in verbs
                if any(c.dep_ == "ccomp" for c in v.children)
                for s in v.children
                if s.dep_ == "nsubj" and s.pos_ != "PRON"
            }
        )
    )


def _relayed(span) -> bool:
    """The sentence's claim is told as someone's allegation: "Prosecutors allege that ...", "The Sun claimed the
    artist was arrested", "X was reportedly arrested"; not "claimed victory", "the fire claimed two lives", "the
    man accused of killing ...", "the suspect, who allegedly fled, ..."."""
    word = span.root
    if word.pos_ == "VERB" and word.lemma_ != "rumour":  # "is rumoured to be": an xcomp, read as "reportedly" is
        return any(c.dep_ == "ccomp" for c in word.children)
    return word.head.dep_ == "ROOT"


class Debunking(NamedTuple):
    """The documents that dispute a report or call something false or a hoax ("Police later denied the report",
    "It turns out that this is a hoax", "there is no evidence that ...").

    Such an article relays the story's claims to debunk them ("Fox News' website broke the news of the death
    of Judd Nelson", then "foxnews.es is a hoax website"), so its sentences that state a claim another source
    disputes agree with that source. FNC-1 tune bodies: the NASA "six days of darkness" and Banksy-arrest
    hoaxes, each quoted by an article that calls it fake. A fake passport, a false alarm or "no evidence of foul
    play" call no report false.
    """

    documents: frozenset[str]

    def explains(self, evidence: Evidence, a: Claim, b: Claim) -> bool:
        stating = a if evidence.detail.get("a") == STATES else b
        return stating.doc_id in self.documents


class DisputeCheck(Check):
    """A claim one side calls false, denies or doubts, which the other side states (as the model reads it)."""

    kind = "dispute"
    reads_model = True
    rule = "One source reports a claim as false, denied or in doubt; another states it."
    order = 70
    annotation = Disputes
    settings = (
        CheckSetting(
            "min_entailment",
            0.7,
            "The NLI entailment from the other side to the disputed claim from which that side states it: the"
            " same bar as the pipeline's `agree_threshold` (one claim says what the other says), not tuned.",
            0.0,
            1.0,
        ),
    )
    evidence = {
        "description": "A claim one side disputes, the word that disputes it, and how far the model reads the"
        " other side as stating it.",
        "required": ["disputed", "cue", "entailment", "a", "b"],
        "properties": {
            "disputed": {"type": "string", "description": "The disputed claim, as the disputing side writes it."},
            "cue": {"type": "string", "description": "The word that disputes it: denied, false, doubt, ..."},
            "entailment": {"type": "number", "description": "The model's entailment from the other side to it."},
            "a": {"type": "string", "description": "What side a does: disputes it, or states it."},
            "b": {"type": "string"},
        },
    }

    def annotate(self, claim: Claim, tokens: Any) -> Disputes:
        return disputes(tokens)

    def subject(self, detail: Mapping[str, Any]) -> str:
        return str(detail.get("disputed", ""))

    def explainer(self, claims: Sequence[Claim]) -> Debunking:
        return Debunking(frozenset(c.doc_id for c in claims if self.mine(c).calls_false))

    def model_inputs(self, a: Claim, b: Claim) -> list[tuple[str, str]]:
        """The other side as premise, each disputed claim as hypothesis: does the other side state it?"""
        return [(other.standalone, p) for mine, other in ((a, b), (b, a)) for p in self._readable(mine, other)]

    def compare(self, a: Claim, b: Claim, similarity: float, readings: Readings | None = None) -> Evidence | None:
        for side, (mine, other) in (("a", (a, b)), ("b", (b, a))):
            for proposition, cue in zip(self._readable(mine, other), self.mine(mine).cues, strict=False):
                probs = (readings or {}).get((other.standalone, proposition))
                if probs is None or probs[ENTAILMENT] < self.setting("min_entailment"):
                    continue
                if probs[ENTAILMENT] <= probs[CONTRADICTION]:
                    continue
                disputing = "disputes it"  # one version however it is disputed; the cue is in the detail
                detail = {
                    "disputed": proposition,
                    "cue": cue,
                    "entailment": round(float(probs[ENTAILMENT]), 3),
                    "a": disputing if side == "a" else STATES,
                    "b": STATES if side == "a" else disputing,
                }
                return Evidence(self.kind, True, detail, f'"{proposition}": {cue} on one side, stated on the other')
        return None

    def _readable(self, mine: Claim, other: Claim) -> tuple[str, ...]:
        """`mine`'s disputed claims, unless `other` disputes something itself (it then relays what it rejects),
        reports the word of one `mine` tells as alleging it ("The Fellowship claimed the vote breached canon law;
        Doyle rejected that" / "The Fellowship said the vote breached canon law": one claim, told by both) or
        holds a negation: the model read "DHS has no credible intelligence to suggest terrorists are crossing the
        border" as stating that they cross (FNC-1 tune bodies 400-599), the words being the same."""
        theirs, own = self.mine(other), self.mine(mine)
        if theirs.disputing or theirs.negated or theirs.relays or set(theirs.speakers) & set(own.claimants):
            return ()  # nor a side that tells what the claimant says: "The Fellowship said ..." is its claim too
        return own.propositions
