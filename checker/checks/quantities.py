"""Quantities of a claim, read from its parse once: what the `number` check compares.

A quantity is a figure of the parse tied through the dependency tree to what
it counts: the noun it is a `nummod` of ("18 votes"), the noun of a part ("57
of the 183 seats"), the person an age describes ("the 49-year-old Sorell",
"Sorell, 46,"). Votes take the polarity words after them ("against", "in
favour"); counted agents that then vote ("four countries ... voted against")
count votes. Two quantities are the same only when their units match and their
polarities do not differ, so "10 votes in favor" never meets "18 votes
against" and a groom's age never meets his bride's. Bounds and round figures
("at least five", "nearly a dozen") contradict only a value outside them.
Dates, years and numbers in names ("ABC 15") are not counts. The cue words
are pattern data: `checker/patterns/quantities.jsonl`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from text_to_num import text2num

from checker.checks import calendar
from checker.patterns import line_matches, load, words

CUES = "quantities"
AGE_UNIT, YEAR_OLD = "age:", "year-old"
# a figure in one of these counts nothing, unless it counts a noun ("six years")
NOT_COUNTS = {"DATE", "TIME", "ORDINAL"}
NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
REPORTED = {"say", "confirm", "plan"}  # labels of verbs that make a "would" under them a reported plan


def _by_label(prefix: str) -> dict[str, str]:
    """Word → what follows `prefix` in its label ("bn" → "1e9" for "scale:")."""
    labels = {p.label for p in load(CUES) if p.label.startswith(prefix)}
    return {word: label.removeprefix(prefix) for label in labels for word in words(CUES, label)}


SCALES = {word: float(value) for word, value in _by_label("scale:").items()}
MONEY_SCALES = {word: float(value) for word, value in _by_label("money-scale:").items()}  # "$5m", never "5m" of metres
CURRENCIES = frozenset(p.label.split(":")[1] for p in load(CUES) if p.label.startswith(("currency:", "sign:")))
EARLIER, PARTS_OF_DAY = words(CUES, "time:earlier"), words(CUES, "time:part-of-day")
# scales and percent signs news writes onto a figure ("7.6bn", "30pc"): the tokenizer splits them off
GLUED = sorted(
    {w for w in SCALES.keys() | MONEY_SCALES.keys() | words(CUES, "percent") if w.isalpha()}, key=lambda w: (-len(w), w)
)
MONTHS, VOTERS = frozenset(m.lower() for m in calendar.MONTHS), words(CUES, "voter")
# words that time a figure: the calendar's days and months, "today", the parts of a day, "initially"
TIME_WORDS = EARLIER | PARTS_OF_DAY | MONTHS | {d.lower() for d in calendar.WEEKDAYS} | words(CUES, "time:day")
# An approximate figure covers half a unit of its last written digit either side, but at least 5% and
# at most 15% of it: "nearly 300" holds 287, "about 2,400" not 3,100, "nearly a dozen" (15%) holds 11.
ROUNDING = (0.05, 0.15)
ROUNDED_EXACT = 0.02  # "$350" against "$349": a round figure in news is often a rounded one


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    polarity: str
    text: str
    context: frozenset[str] = frozenset()
    noun: str = ""
    bound: str = ""  # "lower", "upper", "approximate" or "" (exact)
    spread: float = 0.0  # how far either side of `value` an approximate figure reaches
    when: frozenset[str] = frozenset()  # time words near the figure
    supposed: bool = False  # governed by a "would" no one is reported to have said
    tally: bool = False  # a count "by <time>": true of that moment
    increment: bool = False  # "an additional 14": added to a total
    hedged: bool = False  # in the scope of a hedge: "could rise to 300", "police believe 12 died"

    @property
    def specific(self) -> bool:
        """Specific enough to compare between loosely similar claims: votes for or against, a person's age."""
        return bool(self.polarity) or self.unit.startswith(AGE_UNIT)

    def interval(self) -> tuple[float, float]:
        """The values this figure allows."""
        low, high = self.value - self.spread, self.value + self.spread
        return (low, float("inf")) if self.bound == "lower" else (float("-inf"), high) if self.bound == "upper" else (low, high)  # fmt: skip

    def allows(self, other: Quantity) -> bool:
        """Whether both figures can be true of one quantity."""
        low, high = self.interval()
        other_low, other_high = other.interval()
        return low <= other_high and other_low <= high


class Cues:
    """The cue phrases of a parsed line, by where they start and end."""

    def __init__(self, doc) -> None:
        self.starting: dict[int, set[str]] = {}
        self.ending: dict[int, list[tuple[int, str]]] = {}
        self.last: dict[tuple[int, str], int] = {}  # (start, label) → the cue's last token
        for match in line_matches(doc):
            if match.file not in {CUES, "reporting"}:
                continue
            start, end, label = match.start, match.end, match.label
            self.starting.setdefault(start, set()).add(label)
            self.ending.setdefault(end, []).append((start, label))
            self.last[start, label] = max(self.last.get((start, label), start), end - 1)

    def at(self, i: int, label: str) -> str:
        """The cue of `label` starting at token i, or "": a family ("currency:") gives what follows its prefix."""
        found = (
            c for c in sorted(self.starting.get(i, ())) if c == label or (label.endswith(":") and c.startswith(label))
        )
        return next((c.removeprefix(label) or c for c in found), "")

    def before(self, i: int, labels: set[str]) -> tuple[str, int]:
        """The longest cue of `labels` ending right before token i, and where it starts (or "", i)."""
        found = sorted((start, label) for start, label in self.ending.get(i, ()) if label in labels)
        return (found[0][1], found[0][0]) if found else ("", i)


def line_cues(doc) -> Cues:
    """The cue phrases of a parsed line, found once for all the claims in it (kept in `doc.user_data`)."""
    if "checker.quantity_cues" not in doc.user_data:
        doc.user_data["checker.quantity_cues"] = Cues(doc)
    return doc.user_data["checker.quantity_cues"]


def _figures(span, cues: Cues) -> Iterable[list]:
    """Runs of tokens that write one figure: "1,200", "Rs 1,200 crore"'s "1,200 crore", "One hundred and twenty".

    "m" and "k" written onto the figure scale it after a currency sign ("€80m", which the tokenizer splits in
    two) or before what it counts ("2.5m households"), not in a measure ("a 5m wall", "5m away").
    """
    signs = {f"sign:{name}" for name in CURRENCIES}
    doc, i = span.doc, span.start
    while i < span.end:
        if not (doc[i].like_num or doc[i].lower_ in SCALES):
            i += 1
            continue
        run, i = [doc[i]], i + 1
        while i < span.end:
            token, after = doc[i], doc[i + 1] if i + 1 < span.end else None
            joins = after is not None and run[-1].is_alpha and after.is_alpha and after.like_num
            counts = after is not None and after.tag_ == "NNS" or bool(cues.before(run[0].i, signs)[0])
            money = token.lower_ in MONEY_SCALES and not run[-1].whitespace_ and counts
            if token.lower_ in SCALES or money or (token.is_alpha and token.like_num and run[-1].is_alpha):
                run.append(token)
            elif joins and (token.text == "-" or (token.lower_ == "and" and run[-1].lower_ in SCALES)):
                run += [token, after]  # "fifty-seven", "one hundred and twenty"
                i += 1
            else:
                break
            i += 1
        yield run


def _value(run) -> tuple[float, str]:
    """The figure's value, and its digits as written ("" for words): "40 million" → 4e7, "a dozen" → 12.

    ValueError for what `like_num` takes for a number but is none ("first", "1/2").
    """
    scales = SCALES | MONEY_SCALES  # a run holds "m" or "k" only where `_figures` read it as a scale
    if run[0].text[0].isdigit():
        value = float(run[0].text.replace(",", ""))
        for t in run[1:]:
            value *= scales.get(t.lower_, 1.0)
        return value, run[0].text
    text = "".join(t.text_with_ws for t in run).strip().lower()
    try:
        return float(text2num(text, "en")), ""
    except ValueError:  # "a dozen", "two dozen": words text2num does not read, then a scale
        leading = [t for t in run if t.lower_ not in SCALES]
        value = float(text2num(" ".join(t.lower_ for t in leading), "en")) if leading else 1.0
        for t in run[len(leading) :]:
            value *= SCALES[t.lower_]
        return value, ""


def _spread(value: float, digits: str, approximate: bool) -> float:
    """How far a figure reaches: half a unit of its last written digit, within ROUNDING if approximate.

    An exact round figure may be rounded too ("$350" for "$349"), but by at most ROUNDED_EXACT.
    """
    low, high = ROUNDING
    if not digits or not value:
        return value * high if approximate else 0.0
    plain = digits.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    trailing_zeros = 0 if decimals else len(plain) - len(plain.rstrip("0"))
    unit = 10.0 ** (trailing_zeros - decimals) * value / float(plain)
    if approximate:
        return value * min(high, max(low, unit / 2 / value))
    return min(unit / 2, value * ROUNDED_EXACT) if trailing_zeros else 0.0


def _counted(root, end: int, span, cues: Cues):
    """The noun a figure counts: the one it modifies, the whole of a part ("57 of the seats"), the subject of
    a rise ("deaths had risen to 287"), else the next noun ("101 in favour", "another 30 injured")."""
    head = root.head
    if root.dep_ in {"nummod", "compound", "quantmod", "nmod", "amod"} and head.pos_ in {"NOUN", "PROPN"}:
        return head if head.i > root.i or head.pos_ == "PROPN" else None  # "ABC 15": a name
    part_of = next((c for c in root.children if c.lower_ == "of"), None)
    whole = next((c for c in part_of.children if c.dep_ == "pobj"), None) if part_of is not None else None
    risen = next((c for c in head.head.children if c.dep_ == "nsubj"), None) if head.lower_ == "to" else None
    if whole is not None and whole.pos_ == "PRON":
        return None  # "three of them": what "them" counts is elsewhere in the sentence
    if whole is not None or risen is not None:
        return whole if whole is not None else risen
    following = [t for t in span.doc[end : min(end + 3, span.end)] if not t.is_punct]
    nouns = (t for t in following if t.pos_ in {"NOUN", "ADJ"} or cues.at(t.i, "counts:"))
    return next((t for t in nouns if t.is_alpha and not t.is_stop and t.text[0].islower()), None)


def _unit(noun, cues: Cues) -> str:
    """What a noun counts, by one name ("164 deaths", "146 of the dead"); people by what happened to them."""
    unit = cues.at(noun.i, "counts:") or noun.lemma_.lower()
    if cues.at(noun.i, "people"):  # what the verb over them says: "killed 12 people", "a total of 141 were rescued"
        verb = next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), noun.head)
        unit = next(filter(None, (cues.at(t.i, "counts:") for t in (verb, *verb.children) if t != noun)), unit)
    return unit


def _is_whole(root, noun, parts: list[Quantity]) -> bool:
    """ "57 of the 183 seats", "Of the 183 seats, ...", "the 183-seat parliament": the whole, not a part."""
    if root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == "-":
        return True
    of = noun.head
    of_a_part = of.head.like_num and bool(parts) or of.i == of.sent.start  # "one of only three nations": no part
    return root.head == noun and noun.dep_ == "pobj" and of.lower_ == "of" and of_a_part


def _age(run, root) -> Quantity | None:
    """A person's age: "Sorell, 46,", "Sorell (46)", "the 49-year-old Sorell", "his 23-year-old bride Indira",
    "the suspect, aged 19"."""
    doc, value = root.doc, _value(run)[0]
    if root.dep_ == "appos" and root.head.pos_ == "PROPN" and root.head.i < root.i and value < 125:
        end = root.i + 2 if root.i + 1 < len(doc) and doc[root.i + 1].text == ")" else root.i + 1
        return Quantity(value, AGE_UNIT + root.head.lower_, "", doc[root.head.i : end].text)
    old = root.head.head
    if root.head.lower_ == "year" and old.lower_ == "old" and old.dep_ == "amod":
        described = old.head  # "the 49-year-old Sorell"
    elif root.head.lower_ == "aged" and root.head.dep_ in {"amod", "acl"} and value < 125:
        described = root.head.head  # "The suspect, aged 19,": the age as written is "aged 19"
        unit = AGE_UNIT + described.lower_ if described.pos_ == "PROPN" else f"{YEAR_OLD}:{described.lemma_.lower()}"
        return Quantity(value, unit, "", doc[root.head.i : run[-1].i + 1].text, noun="aged")
    else:
        return None
    after = doc[described.i + 1] if described.i + 1 < len(doc) else described
    whom = described if described.pos_ == "PROPN" else after if after.pos_ == "PROPN" else None
    last = whom or described
    end = next((t.i for t in doc[old.i + 1 : last.i + 1] if t.text[0].isupper()), last.i) + 1
    unit = AGE_UNIT + whom.lower_ if whom is not None else f"{YEAR_OLD}:{described.lemma_.lower()}"
    return Quantity(value, unit, "", doc[run[0].i : end].text, noun=YEAR_OLD)


def _when(tokens) -> frozenset[str]:
    """Time words near a figure; a month with its day ("June 24") is a date, not a period."""
    found = set()
    for t in tokens:
        if t.lower_ in MONTHS and t.ent_type_ == "DATE" and any(u.like_num for u in _entity(t)):
            found.add(_entity(t).text.lower())
        elif t.lower_ in TIME_WORDS:
            found.add(t.lower_)
    return frozenset(found)


def _entity(token):
    return next(e for e in token.doc.ents if e.start <= token.i < e.end)


def _hedged(root, cues: Cues) -> bool:
    """A figure a hedge governs: "could" or "if" on a verb above it, or "predicts" / "believe" above it.

    "nuns who are believed to be held" hedges the nuns, not "150 prisoners" in the same sentence.
    """
    scope = {root.i, *(t.i for t in root.ancestors)}
    return any(
        cue.i in scope or (cue.dep_ in {"aux", "mark"} and cue.head.i in scope)
        for cue in root.doc
        if cues.at(cue.i, "hedge")
    )


def _supposed(root, cues: Cues) -> bool:
    """A figure a "would" governs, where no one is reported to have said it: a supposition."""
    verb = next((t for t in (root, *root.ancestors) if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or not any(c.lower_ == "would" for c in verb.children):
        return False
    return not any(cues.starting.get(t.i, set()) & REPORTED for t in verb.ancestors)


def _measure(run, root, cues: Cues, span, found: list[Quantity]) -> tuple[str, str, int, int] | None:
    """What a figure measures: (unit, noun as written, where its text starts and ends), or None for no count."""
    doc, end = span.doc, run[-1].i + 1
    sign, lead = cues.before(run[0].i, {f"sign:{name}" for name in CURRENCIES})
    if end < span.end and cues.at(end, "percent"):
        return "%", "percent", lead, end + (2 if doc[end].lower_ == "per" else 1)
    noun = None if sign else _counted(root, end, span, cues)
    written = cues.at(end, "currency:") if end < span.end else ""  # "5 million euros"
    currency = sign.removeprefix("sign:") or written or (cues.at(noun.i, "currency:") if noun is not None else "")
    if currency:
        stop = end + bool(written)
        per = f"/{doc[cues.last[stop, 'per']].lemma_.lower()}" if cues.at(stop, "per") else ""  # "$42.50 a share"
        return currency + per, currency, lead, stop
    if noun is None or noun.tag_ == "NNP":
        return None  # "ABC 15", "January 5": part of a name or a date
    if any(t.ent_type_ in NOT_COUNTS for t in run) and not (root.head == noun and noun.pos_ == "NOUN"):
        return None  # a date or a time ("June 24"), not a count of time ("six years")
    return _unit(noun, cues) + (":whole" if _is_whole(root, noun, found) else ""), noun.text, lead, end


def _vote(unit: str, after, cues: Cues) -> tuple[str, str]:
    """The unit and polarity of votes, from the words after them; voters who vote count votes ("three nations
    ... voted against"). "for" is a polarity only of votes: "eight years for the charity" has none."""
    voted = any(cues.at(t.i, "vote") for t in after)
    if not (voted or unit in VOTERS or unit == "vote"):
        return unit, ""
    polarity = next(filter(None, (cues.at(t.i, "polarity:") for t in after)), "")
    if unit in VOTERS and (voted or polarity == "abstain"):
        unit = "vote" if voted else "abstention"
    return unit, polarity


def _tally(doc, end: int, cues: Cues) -> bool:
    """A running count "by <time>" ("had burned 8,600 hectares by Monday evening"): true of that moment."""
    for i in range(end, min(end + 4, len(doc))):
        if cues.at(i, "tally"):
            j = i + (2 if doc[i].lower_ == "as" else 1)
            j += j < len(doc) and doc[j].lower_ == "the"
            return j < len(doc) and doc[j].lower_ in TIME_WORDS
    return False


def _context(tokens, money: bool) -> frozenset[str]:
    """Content words around a figure. A sum keeps only common words and days, what it pays for: a shared
    name is no such word ("revenue of Brennmark", "Brennmark's legal costs")."""
    return frozenset(
        t.lemma_.lower()
        for t in tokens
        if t.is_alpha and not t.is_stop and len(t) > 2 and not (money and t.text[0].isupper() and not _when([t]))
    )


def _quantity(run, cues: Cues, span, found: list[Quantity]) -> Quantity | None:
    """The quantity a figure states, or None where it counts nothing (a year, a date, a name, "one of")."""
    doc, end = span.doc, run[-1].i + 1
    root = next((t for t in reversed(run) if t.head not in run), run[-1])
    age = _age(run, root)
    if age is not None or cues.before(end, {"not-a-count"})[0] or cues.at(run[0].i, "not-a-count"):
        return age
    if any(t.ent_type_ in NAMES for t in run):
        return None  # "Air Force One", "G7": part of a name
    measure = _measure(run, root, cues, span, found)
    if measure is None:
        return None
    unit, noun, lead, stop = measure
    value, digits = _value(run)
    if unit != "%" and len(run) == 1 and len(digits) == 4 == len(run[0].text) and 1800 <= value < 2100:
        return None  # a year
    # a percentage names what it measures further back ("The final turnout, including the postal
    # ballots counted on Monday, was 77.6 per cent"): its context reaches back further
    before = [t for t in doc[max(span.start, lead - 20) : lead] if not t.is_punct][-(12 if unit == "%" else 6) :]
    after = [t for t in doc[stop : span.end] if not t.is_punct]
    unit, polarity = _vote(unit, after[:12], cues)
    when = _when(before + after[:6])
    bound = cues.before(lead, {"lower", "upper", "approximate"})[0]
    bound = bound or ("approximate" if cues.at(run[0].i, "round") else "")
    # "killed 12 and another 30 injured": a second group, not more of one count
    first_of_its_kind = all(q.unit.removesuffix(":whole") == unit.removesuffix(":whole") for q in found)
    increment = first_of_its_kind and bool(cues.before(lead, {"increment"})[0])
    spread = _spread(value, digits, bound == "approximate")
    context, supposed, tally = (
        _context(before + after[:6], noun in CURRENCIES),
        _supposed(root, cues),
        _tally(doc, end, cues),
    )
    return Quantity(
        value,
        unit,
        polarity,
        doc[lead:stop].text,
        context,
        noun,
        bound,
        spread,
        when,
        supposed,
        bool(when) and tally,
        increment,
        hedged=_hedged(root, cues),
    )


def extract_quantities(span, cues: Cues | None = None) -> list[Quantity]:
    """The counted quantities of a claim's tokens (a spaCy span), in the order they stand."""
    cues, found = cues or line_cues(span.doc), []
    for i in range(span.start, span.end):
        if cues.at(i, "zero-against"):  # "none against": zero votes against
            found.append(Quantity(0.0, "vote", "against", span.doc[i : i + 2].text, noun="votes"))
    for run in _figures(span, cues):
        try:
            quantity = _quantity(run, cues, span, found)
        except ValueError:
            continue  # "first", "1/2": like a number, but no count
        if quantity is not None:
            found.append(quantity)
    return found
