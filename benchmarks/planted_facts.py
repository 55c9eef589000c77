"""One edit planted in real articles told by four sources: found once, with the editing source as the outlier?

For each of N real articles (FNC-1 bodies from --skip on; the rules were
written looking at bodies 0-199 and checked on 200-399, so the default starts
at 800) that hold a number before a word ("18 votes") or a month name:

- sources 1-3 carry the article, each leaving out a different sentence (never
  the edited one), as outlets cut agency copy;
- source 4 carries it whole with that one number (or month) changed; with
  `--cut`, it also gives the edited sentence cut short, its first words (three
  or more) left out and eight or more kept, as an outlet quotes part of a
  statement.

With `--edits words`, the edit is a negation added or taken away ("was" made
"was not"), a person named made another person of the article, or one member
of a list of names made another name of the article of the same kind
("Russia, Belarus and North Korea" made "Sudan, Belarus and North Korea"),
the three in turn from article to article: what the NLI model and the list
check must find, where the default edits are the number and date checks'.
With `--edits forms`, a figure or a day written in another form is changed,
each form in turn: a percentage ("45%"), a sum of money ("$3.2 million"), a
year, a day of the month, a weekday, a number in words ("three"), or one with
a thousands separator ("1,250"): the forms an editor's slip or another
outlet's figure takes, beyond the count before a word and the month name.

All 4N documents are checked together with the default settings, so the
stories must be told apart too. Per article:

- found: a contradiction fact holds source 4's edited sentence and sets it
  apart: only edited sources give its version, which stands alone or against
  a majority (FNC-1 tells a story in several bodies, two may be given the
  same edit, and their edited sources then agree: neither stands alone);
- once: exactly one fact holds the edited sentence;
- other: contradictions that do not hold it (false alarms: the sources say the same);
- across stories: contradictions joining documents of two articles.

    python benchmarks/planted_facts.py [--articles 40] [--skip 800] [--cut] [--edits words|forms] [--no-append]
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import os
import random
import re
import sys
import tempfile
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402
from shared_data import news_articles  # noqa: E402

from checker.checks import calendar  # noqa: E402
from checker.claims import load_nlp  # noqa: E402
from checker.config import load_config  # noqa: E402
from checker.pipeline import Checker  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
COUNT = re.compile(r"\b(?<![\d,.$£€])([1-9]\d{0,2})(?![\d,.%])\s+(?=[a-z])")
MONTHS = list(calendar.MONTHS)
DAYS_OF = [[month] for month in MONTHS]  # the word before a date's day number
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
SOURCES = 4
AUXILIARY = re.compile(r"\b(is|was|are|were|has|had|have|will|would|can|could|did|does)\b(?! not\b)")
NEGATION = re.compile(r"\b(is|was|are|were|has|had|have|will|would|can|could|did|does) not\b")
NEGATED = re.compile(r"\b(not|no|never)\b|n't\b")
WORD_EDITS = ("negation", "person", "list member")  # `--edits words`, taken in turn from article to article
WEEKDAYS = list(calendar.WEEKDAYS)
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
# `--edits forms`, taken in turn: each form's figure (its first group that matched) is what is changed
FORMS = {
    "percent": re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d+)?)(?=\s?(?:%|percent\b|per cent\b))"),
    "money": re.compile(r"(?<=[$£€])(\d{1,3}(?:\.\d{1,2})?)(?=\s?(?:million|billion|bn|m)?\b)"),
    "year": re.compile(r"(?<![\d,.$£€-])\b((?:19[5-9]|20[0-2])\d)\b(?![\d%-]|,\d|['’]?s\b)"),  # no decade
    "day of month": re.compile(
        rf"\b(?:{'|'.join(MONTHS)})\.? (\d{{1,2}})\b(?!,\d)|(?<!\d)(\d{{1,2}}) (?=(?:{'|'.join(MONTHS)})\b)"
    ),
    "weekday": re.compile(rf"\b({'|'.join(WEEKDAYS)})\b"),
    "number word": re.compile(rf"\b({'|'.join(NUMBER_WORDS)})\b(?= [a-z])"),
    "thousands": re.compile(r"(?<![\d,.$£€])(\d{1,3},\d{3})(?![\d,.])"),
}
LISTED = ("GPE", "NORP", "ORG", "PERSON")  # the entities a list of names is of ("Russia, Belarus and North Korea")
LIST_JOINS = (", ", " and ", ", and ")  # between two members of a list


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if s]


def as_written(text: str, parts: list[str]) -> tuple[list[str], list[str]]:
    """Each of `parts` (the `sentences` of `text`) with the article's paragraph breaks, and what follows each: " "
    or a paragraph break. The edits are chosen on the sentences as `sentences` gives them, so the same articles
    and edits are drawn; the sources are written in paragraphs, as outlets print them: joined into one line, a
    line such as "Follow Dominic at @BBCDomC" was glued onto the sentence after it."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    written = "\n\n".join(line for line in paragraphs if line)
    at = one_line_places(written)
    starts = list(itertools.accumulate((len(part) + 1 for part in parts[:-1]), initial=0))
    ends = [start + len(part) for start, part in zip(starts, parts, strict=True)]
    kept = [written[at[start] : at[end]] for start, end in zip(starts, ends, strict=True)]
    return kept, [written[at[end] : at[start]] for end, start in zip(ends, starts[1:], strict=False)] + [""]


def one_line_places(written: str) -> list[int]:
    """Where each character of `written` joined into one line stands in it, and its end: a paragraph break
    ("\n\n") is one space of the line."""
    return [i for i, c in enumerate(written) if not (i and c == "\n" and written[i - 1] == "\n")] + [len(written)]


def rewritten(written: str, sentence: str, edited: str) -> str:
    """`edited` (an edit of `sentence`) with the paragraph breaks `written` (`sentence` as the article writes it)
    has wherever the edit left the words on both sides of one (a sentence cut short keeps those in what it keeps)."""
    at = one_line_places(written)
    parts = []
    for operation, i1, i2, j1, j2 in SequenceMatcher(None, sentence, edited, autojunk=False).get_opcodes():
        parts.append(written[at[i1] : at[i2]] if operation == "equal" else edited[j1:j2])
    return "".join(parts)


def edit(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """The sentence with one count or month changed, and the kind of edit; None if it has neither."""
    # a number after a month is a date's day ("January 29 after"), no count: changing it could write
    # "January 34", no date at all
    count = next((c for c in COUNT.finditer(sentence) if sentence[: c.start()].split()[-1:] not in DAYS_OF), None)
    if count:
        value = int(count[1])
        new = value + rng.choice([2, 3, 5, 7]) if value > 3 else value + 10
        return sentence[: count.start(1)] + str(new) + sentence[count.end(1) :], "number"
    month = MONTH.search(sentence)
    if month:
        other = MONTHS[(MONTHS.index(month[1]) + rng.choice([2, 3, 4])) % 12]
        return sentence[: month.start()] + other + sentence[month.end() :], "date"
    return None


def changed_form(form: str, written: str, rng: random.Random) -> str:
    """Another value for a figure or day of `form` as `written`, in the same form."""
    if form in {"percent", "money"}:
        step = rng.choice([2, 3, 5, 7] if form == "percent" else [1, 2, 3])
        if form == "percent" and float(written) + step > 100:
            step = -step  # "99%" made "92%", not "106%"
        decimals = len(written.partition(".")[2])
        return f"{float(written) + step:.{decimals}f}"
    if form == "year":
        return str(int(written) + rng.choice([-3, -2, -1, 1, 2]))
    if form == "day of month":
        return str(int(written) + 4 if int(written) <= 24 else int(written) - 5)
    if form in {"weekday", "number word"}:
        names = WEEKDAYS if form == "weekday" else NUMBER_WORDS
        return names[(names.index(written) + rng.choice([1, 2, 3])) % len(names)]
    value = int(written.replace(",", ""))  # thousands: a change in its second digit
    return f"{value + rng.choice([1, 2, 3]) * 10 ** (len(str(value)) - 2):,}"


OPENING_WORDS = frozenset({"on", "by", "since", "until", "last", "next", "this", "every", "from", "before", "after"})


def _in_a_name(sentence: str, match: re.Match) -> bool:
    """The match is a word of a name beside it: "the Sunday Times", "The Mail on Sunday", "Good Friday", "Super
    Tuesday" (a capitalised word after it, or before it where no sentence starts)."""
    before, after = sentence[: match.start()].split()[-2:], sentence[match.end() :].split()[:1]
    opens = len(before) == 1 or (len(before) == 2 and before[0].endswith((".", "!", "?")))  # its word opens a sentence
    capital_before = bool(before) and before[-1][:1].isupper() and not (opens and before[-1].lower() in OPENING_WORDS)
    return capital_before or bool(after and after[0][:1].isupper()) or sentence[: match.start()].endswith("Mail on ")


def form_edit(form: str) -> Callable:
    """`edit` for `--edits forms`: the first figure or day of `form` changed."""

    def edit_form(sentence: str, rng: random.Random) -> tuple[str, str] | None:
        match = next((m for m in FORMS[form].finditer(sentence) if not _in_a_name(sentence, m)), None)
        if not match:
            return None
        group = next(g for g in range(1, len(match.groups()) + 1) if match[g] is not None)
        start, end = match.span(group)
        return sentence[:start] + changed_form(form, match[group], rng) + sentence[end:], form

    return edit_form


def negation_edit(sentence: str) -> tuple[str, str] | None:
    """The sentence with its first "is not" (or "was not", "has not" ...) made "is", or, where it holds no negation,
    its first auxiliary negated: "is" made "is not"; and the kind of edit. None where it has neither."""
    if m := NEGATION.search(sentence):
        return sentence[: m.end(1)] + sentence[m.end() :], "negation taken away"
    if not NEGATED.search(sentence) and (m := AUXILIARY.search(sentence)):
        return sentence[: m.end()] + " not" + sentence[m.end() :], "negation added"
    return None


def _surname(name: str) -> str:
    return name.split()[-1].lower().removesuffix("'s").removesuffix("’s")


def person_edit(sentence: str, people: list[str], rng: random.Random) -> str | None:
    """The sentence with the first of `people` it names made another of them: not one of the same surname ("Jobs"
    made "Steve Jobs" is the same man, no contradiction)."""
    here = [p for p in people if p in sentence]
    others = [p for p in people if p not in sentence and " " in p and not (here and _surname(p) == _surname(here[0]))]
    return sentence.replace(here[0], rng.choice(others)) if here and others else None


def list_edit(sentence: str, names: dict[str, list[str]], rng: random.Random) -> str | None:
    """The sentence with one member of a list of names ("Russia, Belarus and North Korea") made another name of
    the article of the same kind (`names`: by entity label); None where it lists no two names of one kind."""
    for label in LISTED:
        known = names.get(label, [])
        found = sorted((m.start(), m.end(), n) for n in known for m in re.finditer(rf"\b{re.escape(n)}\b", sentence))
        # a name inside a longer one is no member of its own: "Korea" in "North Korea"
        found = [f for f in found if not any(g != f and g[0] <= f[0] and f[1] <= g[1] for g in found)]
        joined = [(a, b) for a, b in itertools.pairwise(found) if sentence[a[1] : b[0]] in LIST_JOINS]
        # an "and" makes it a list: "Mountain View, California" is a place
        members = {n for a, b in joined for n in (a[2], b[2])}
        others = [n for n in known if n not in sentence and not any(n in m or m in n for m in members)]
        if any(sentence[a[1] : b[0]].endswith(" and ") for a, b in joined) and others:
            start, end, _ = rng.choice([m for m in found if m[2] in members])
            return sentence[:start] + rng.choice(others) + sentence[end:]
    return None


def word_edits(article_parts: list[str], kind: str, nlp) -> Callable:
    """`edit` for `--edits words`: a negation, a person or a list member changed (`kind`), with the people and names
    of the article's first sentences."""
    entities = nlp(" ".join(article_parts[:12])).ents
    names = {label: sorted({e.text for e in entities if e.label_ == label}) for label in LISTED}

    def edit_words(sentence: str, rng: random.Random) -> tuple[str, str] | None:
        if kind == "negation":
            return negation_edit(sentence)
        edited = person_edit(sentence, names["PERSON"], rng) if kind == "person" else list_edit(sentence, names, rng)
        return (edited, kind) if edited else None

    return edit_words


def cut_short(sentence: str, edited: str, rng: random.Random) -> str | None:
    """The edited sentence without its first words (three or more, none at or after the edit), eight or more kept;
    None where it is too short for that."""
    before, after = sentence.split(), edited.split()
    at = next(i for i, (x, y) in enumerate(zip(before, after, strict=True)) if x != y)
    if min(at, len(after) - 8) < 3:
        return None
    kept = after[rng.randint(3, min(at, len(after) - 8)) :]
    return " ".join([kept[0][:1].upper() + kept[0][1:], *kept[1:]])


def plant(
    article: dict, index: int, rng: random.Random, cut: bool = False, edit_of: Callable | None = None
) -> tuple[list[dict], dict] | None:
    """Four sources of one article, the fourth edited (`cut`: and the edited sentence cut short), and where the edit
    stands; None if unsuitable. `edit_of(parts)`: the edit for this article's sentences (default: `edit`)."""
    parts = sentences(article["text"])
    if not 8 <= len(parts) <= 60:
        return None
    edit_one = edit_of(parts) if edit_of else edit
    candidates = [i for i, s in enumerate(parts[1:], start=1) if 8 <= len(s.split()) <= 45 and edit_one(s, rng)]
    if not candidates:
        return None
    target = rng.choice(candidates)
    edited, kind = edit_one(parts[target], rng)
    if cut and (edited := cut_short(parts[target], edited, rng)) is None:
        return None
    left_out = rng.sample([i for i in range(1, len(parts)) if i != target], SOURCES - 1)
    written, after = as_written(article["text"], parts)
    docs = []
    for k, cut in enumerate(left_out, start=1):
        docs.append({"id": f"a{index:03d}-src{k}", "text": joined(written, after, cut)})
    written[target] = rewritten(written[target], parts[target], edited)
    text = joined(written, after)
    start = len(joined(written[:target], after)) + len(after[target - 1]) if target else 0
    docs.append({"id": f"a{index:03d}-src{SOURCES}", "text": text})
    span = (start, start + len(written[target]))
    where = {"article": f"a{index:03d}", "doc": docs[-1]["id"], "span": span, "kind": kind}
    return docs, where | {"before": parts[target], "after": edited}


def joined(written: list[str], after: list[str], left_out: int | None = None) -> str:
    """The sentences `written` as one source's text, each followed by its `after`, the `left_out`-th left out: the
    one before it then takes a paragraph break where either of the two has one."""
    text = []
    for i, sentence in enumerate(written):
        if i == left_out:
            continue
        following = after[i]
        if i + 1 == left_out and "\n" in after[left_out]:
            following = after[left_out]
        text += [sentence, following]
    return "".join(text[:-1])


def holds_edit(record: dict, plant: dict) -> bool:
    start, end = plant["span"]
    return any(
        c["doc_id"] == plant["doc"] and c["span"][0] < end and start < c["span"][1]
        for version in record["fact"]["versions"]
        for c in version["claims"]
    )


def documents_of(record: dict) -> set[str]:
    return {d for version in record["fact"]["versions"] for d in version["documents"]}


def names_the_edit(record: dict, plant: dict) -> bool:
    """The fact sets the edited source apart: no source but edited ones gives its version, and that version stands
    alone or against a majority. FNC-1 tells a story in several bodies, two of them may be given the same edit,
    and their edited sources then agree: neither stands alone, yet both are set against the rest."""
    fact = record["fact"]
    side = next((v for v in fact["versions"] if plant["doc"] in v["documents"]), None)
    if side is None or not all(d.endswith(f"-src{SOURCES}") for d in side["documents"]):
        return False
    majority = fact.get("majority")
    return plant["doc"] in fact["outliers"] or (majority is not None and majority != side["value"])


def score(records: list[dict], plants: list[dict]) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    for p in plants:
        row = rows.setdefault(p["kind"], {"articles": 0, "found": 0, "once": 0, "other": 0})
        mine = [r for r in records if {d.split("-")[0] for d in documents_of(r)} == {p["article"]}]
        holding = [r for r in records if holds_edit(r, p)]
        row["articles"] += 1
        row["found"] += any(names_the_edit(r, p) for r in holding)
        row["once"] += len(holding) == 1
        row["other"] += sum(not holds_edit(r, p) for r in mine)
    rows["across stories"] = {"reported": sum(len({d.split("-")[0] for d in documents_of(r)}) > 1 for r in records)}
    return rows


def misses(records: list[dict], plants: list[dict]) -> str:
    """The edits not found as a one-outlier fact, each with both sentences, and the contradictions joining two
    articles' sources or holding no edit (false alarms): what to look at next."""
    lines = []
    for p in plants:
        holding = [r for r in records if holds_edit(r, p)]
        if not any(names_the_edit(r, p) for r in holding):
            lines += [
                f"{p['article']} {p['kind']}: {len(holding)} facts hold it",
                f"  - {p['before']}",
                f"  + {p['after']}",
            ]
    for r in records:  # false alarms: a contradiction between two articles' sources, or of none of the edits
        articles = {d.split("-")[0] for d in documents_of(r)}
        if len(articles) > 1 or not any(holds_edit(r, p) for p in plants):
            lines.append(f"{'across stories' if len(articles) > 1 else 'other'}: " + " | ".join(
                f"{c['doc_id']}: {c['text']}" for version in r["fact"]["versions"] for c in version["claims"]
            ))  # fmt: skip
    return "\n".join(lines)


def table(rows: dict, total: int, seconds: float, args) -> str:
    lines = [
        f"### Planted edits told by four sources{', the edited sentence cut short' if args.cut else ''}, "
        f"{datetime.date.today()}: {args.articles} FNC-1 bodies from {args.skip}",
        "",
        f"`python benchmarks/planted_facts.py --articles {args.articles} --skip {args.skip}{' --cut' if args.cut else ''}"
        f"{'' if args.edits == 'figures' else f' --edits {args.edits}'}`"
        f"; {total} contradiction "
        f"lines in all, {seconds:.0f} s.",
        "",
        "| edit | articles | found, edited source the outlier | reported once | other contradictions per story |",
        "|---|---|---|---|---|",
    ]
    for kind, row in rows.items():
        if kind == "across stories":
            continue
        n = row["articles"]
        lines.append(
            f"| {kind} | {n} | {row['found']} ({row['found'] / n:.0%}) | {row['once']} ({row['once'] / n:.0%}) "
            f"| {row['other'] / n:.2f} |"
        )
    lines.append(f"\nContradictions joining two articles' documents: {rows['across stories']['reported']}.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--skip", type=int, default=800)
    parser.add_argument("--cut", action="store_true", help="the edited source quotes the edited sentence cut short")
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--misses", action="store_true", help="print each edit not found, with both sentences")
    parser.add_argument(
        "--edits", choices=("figures", "words", "forms"), default="figures",
        help="figures: a count or a month changed; words: a negation, a person or a list member, in turn; forms:"
        " a percentage, a sum, a year, a day of the month, a weekday, a number in words or in thousands, in turn",
    )  # fmt: skip
    args = parser.parse_args()
    rng = random.Random(20261130)
    nlp = load_nlp() if args.edits == "words" else None
    docs, plants = [], []
    for article in news_articles()[args.skip :]:
        kind = WORD_EDITS[len(plants) % len(WORD_EDITS)]
        edit_of = (lambda parts, kind=kind: word_edits(parts, kind, nlp)) if nlp else None
        if args.edits == "forms":
            form = list(FORMS)[len(plants) % len(FORMS)]
            edit_of = lambda parts, form=form: form_edit(form)  # noqa: E731
        planted = plant(article, len(plants), rng, args.cut, edit_of)
        if planted:
            docs += planted[0]
            plants.append(planted[1])
        if len(plants) == args.articles:
            break
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "planted.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        started = datetime.datetime.now()
        result = Checker(load_config()).check([str(corpus)])
        seconds = (datetime.datetime.now() - started).total_seconds()
    records = result.records(["contradict"])
    if args.misses:
        print(misses(records, plants))
    publish(table(score(records, plants), len(records), seconds, args), append=not args.no_append)


if __name__ == "__main__":
    main()
