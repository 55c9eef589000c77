"""Reading a claim's parse: the names it gives and the cue phrases of a pattern file it holds.

Shared by the checks that ask who (titles, quotes, denials, lists of
participants), so all of them see one person where the tagger sees one: its
PERSON / ORG / GPE / NORP / LOC / FAC entities, and runs of proper nouns it
left untagged ("Ana Ruiz" in "Finance Minister Ana Ruiz flew to Paris").
No check of its own: `checker.checks.discover` finds no `Check` here.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator

from checker.entities import ALIASES
from checker.patterns import matches_in

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
NOT_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def name_spans(tokens, skipped: Collection[int] = ()) -> list:
    """The names in `tokens`, in order: the tagger's entities of NAME_LABELS and untagged proper-noun runs.

    An entity not a person's is cut to its proper nouns ("Trains between Drenholm" gives "Drenholm"); a run of
    capitalised proper nouns that no name entity holds is a name ("Reinholt", tagged a product). Tokens
    of `skipped` (a title, say) are no part of a name: "Foreign Minister Ana Ruiz" gives "Ana Ruiz".
    A run next to a PERSON is the rest of the name: "Anders" of "Anders Roth", tagged "Roth".
    """
    doc = tokens.doc
    entities, held = [], set()
    for ent in tokens.ents:
        kept = [t.i for t in ent if not t.is_punct and t.pos_ != "DET" and t.dep_ != "case"]
        kept = list(itertools.takewhile(lambda i: i not in skipped, itertools.dropwhile(lambda i: i in skipped, kept)))
        proper = [i for i in kept if doc[i].pos_ == "PROPN"]
        if proper and ent.label_ != "PERSON":  # a person's name may have words the tagger calls nouns: "Mads"
            kept = [i for i in kept if proper[0] <= i <= proper[-1]]
        if ent.label_ in NAME_LABELS and kept:
            entities.append((kept[0], kept[-1] + 1, ent.label_))
            held |= set(range(kept[0], kept[-1] + 1))
    runs, run = [], []
    held |= set(skipped)
    for token in [*tokens, None]:
        if token is not None and _unheld_proper_noun(token, held):
            run.append(token.i)
        elif run:
            runs.append((run[0], run[-1] + 1))
            run = []
    for start, end in runs:
        person = next((e for e in entities if e[2] == "PERSON" and (e[0] == end or e[1] == start)), None)
        if person is None:
            entities.append((start, end, ""))
        else:
            entities[entities.index(person)] = (min(start, person[0]), max(end, person[1]), "PERSON")
    return [doc[start:end] for start, end in _known_names_joined(doc, sorted(entities))]


def _known_names_joined(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Names side by side whose words together are a name known to `entities.ALIASES`, as one: the tagger reads "the
    Islamic State" as a people's adjective and a proper noun, and "State" alone would be a list's member."""
    joined: list[tuple[int, int]] = []
    for start, end, _ in spans:
        if joined and joined[-1][1] == start and doc[joined[-1][0] : end].text.lower() in ALIASES:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _unheld_proper_noun(token, held: set[int]) -> bool:
    """A capitalised proper noun no name entity holds, and no date or number: part of a name the tagger missed."""
    return (
        token.pos_ == "PROPN" and not token.is_lower and token.i not in held and token.ent_type_ not in NOT_NAME_LABELS
    )


def name_at(names: list, token):
    """The name that holds `token`, or None."""
    return next((name for name in names if name.start <= token.i < name.end), None)


def name_phrase(noun) -> str:
    """A proper noun with the proper nouns (and possessive marks) before it in its phrase, as written: "Bab Sarin",
    "Cutter's Gulch", "Axl Rose" of "Music legend Axl Rose"."""
    words = [t for t in noun.subtree if t.i <= noun.i and (t.pos_ == "PROPN" or t.tag_ == "POS")]
    return noun.doc[words[0].i : noun.i + 1].text if words else noun.text


def cues(tokens, name: str) -> Iterator[tuple[str, str, object]]:
    """(label, pattern id, span) of each match of `checker/patterns/<name>.jsonl` in `tokens`, in order."""
    for m in matches_in(tokens, name):
        yield m.label, m.id, tokens.doc[m.start : m.end]


def office_cues(tokens) -> Iterator[tuple[str, str, object]]:
    """The cues of `checker/patterns/offices.jsonl` in `tokens`, but an office's word that a person's name ends
    with: "Foreign Minister Julie Bishop", "Rep. Mike Bishop" are no bishops ("Bishop Thomas Aldridge" is one)."""
    for label, pattern_id, span in cues(tokens, "offices"):
        first = span[0]
        following = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
        # (an office inside a name the tagger ran on, "Brennick Mayor Tomasz Riedl", is one, and so is one that
        # ends a name the tagger made of the words before it where another name follows: "Ostrander County Clerk
        # Raymond Tully")
        name_goes_on = following is not None and following.ent_iob_ in ("I", "B") and following.ent_type_ == "PERSON"
        if len(span) == 1 and first.ent_type_ == "PERSON" and first.ent_iob_ == "I" and not name_goes_on:
            continue
        yield label, pattern_id, span
