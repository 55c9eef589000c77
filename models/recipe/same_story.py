"""Mine the claim pairs checker itself builds within real multi-outlet stories, as "not a contradiction".

Issue #15's model-only false alarms are mostly two outlets' claims about one
story that say different things without disagreeing ("different aspects"),
or say one thing in other words. The NLI data the model was trained on has no
such pairs: its neutrals are captions of other scenes or news of other
stories. This writes every candidate pair checker judges within the stories
of the FNC-1 bodies this recipe may train on, as the model reads them (each
claim made standalone, both directions), with the partial label
`not_contradiction`: train.py pushes down only the contradiction probability
for them, since a pair may be a restatement (entailment) or say more (neutral).

Real disagreements between outlets are rare among these pairs (of the pairs
checker reported on tune bodies, about one in six; of all candidate pairs
about one in a hundred). Two kinds are left out so that the few real ones
are not taught away: pairs a structured check or the `dispute` check finds a
discrepancy in (a figure, a date, a list, a claim called false), and pairs
blind-labelled a contradiction in benchmarks/news_labels.jsonl.

Bodies: every FNC-1 body that no benchmark holds out (for news pairs or for
planted edits) is mined; the others are protected. Protected: positions 200-399 and 1250-1599
(the held-out news of benchmarks/judge.py and news_precision.py), 800-949
(judge.py's same-story pairs), 1600 on (planted_facts.py --skip 1400 plants
edits there), and from 800 on every body judge.py holds out for its planted
edits (shared_data.held_out of the body id). A claim sharing a run of
`OVERLAP_WORDS` words with a protected body, or holding a shorter sentence of
one whole, as written or as the model reads it (`standalone` drops the quote marks and the speaker, so it can be a
protected sentence word for word where the text is not), is left out: FNC-1
repeats wire copy across outlets. Stories cross these ranges, so whole
stories cannot be kept apart (only 56 bodies belong to stories with no
held-out body).

The contradiction probability of each pair is stored with it, for
prepare_data.py's choice of hard pairs: score with the model phase 6 starts
from (`--model`, the phase-5 export of commit fb40300), not the shipped one.
Run from the repository root:

    python models/recipe/same_story.py --model PHASE5_DIR [--out .cache/nli/same_story.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from judge import HELD_OUT_BODIES, PLANTED_FROM  # noqa: E402  (benchmarks/judge.py: what it holds out)
from prepare_data import PARTIAL_LABEL, SENTENCE_END, WORD  # noqa: E402
from shared_data import held_out, news_articles  # noqa: E402

from checker.config import load_config  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.records import NLI_LABELS  # noqa: E402

SOURCE = "news_same_story"
SAME_STORY_BODIES = frozenset(range(PLANTED_FROM, PLANTED_FROM + 150))  # judge.py's same-story set (--story-bodies)
PLANTED_TAIL = 1600  # planted_facts.py --skip 1400 plants edits in the bodies from here on
OVERLAP_WORDS = 10
# A protected sentence of 4-9 words stands whole inside a mined claim ("Dylan Thomas has been contacted for
# comment"); shorter ones are phrases any article may hold. The splitter is prepare_data.py's plain one: a sentence cut at an
# abbreviation ("the New York Times.") counts too, which leaves out a few more claims, never fewer.
SHORTEST_SENTENCE = 4
CONTRADICTION = NLI_LABELS.index("contradiction")
LABELS_FILE = ROOT / "benchmarks" / "news_labels.jsonl"


def words(text: str) -> list[str]:
    """Lowercased words, quote marks, apostrophes and punctuation aside, so two copies of a sentence compare."""
    return WORD.findall(text.lower().replace("’", "'"))


def protected(position: int, body: dict) -> bool:
    """Held out by a benchmark: its news pairs, its same-story pairs, or its planted edits (judge.py's by body id)."""
    return (
        position in HELD_OUT_BODIES
        or position in SAME_STORY_BODIES
        or position >= PLANTED_TAIL
        or (position >= PLANTED_FROM and held_out(body["id"]))
    )


class ProtectedText:
    """Every run of OVERLAP_WORDS words of the protected bodies, their words as one string for shorter claims, and
    their sentences shorter than OVERLAP_WORDS (of SHORTEST_SENTENCE words or more) to look for inside longer ones."""

    def __init__(self, bodies: list[dict]) -> None:
        self.runs: set[tuple[str, ...]] = set()
        self.sentences: set[tuple[str, ...]] = set()
        joined = []
        for body in bodies:
            body_words = words(body["text"])
            joined.append(" ".join(body_words))
            self.runs.update(runs(body_words, OVERLAP_WORDS))
            short = (tuple(words(s)) for s in SENTENCE_END.split(body["text"]))
            self.sentences.update(s for s in short if SHORTEST_SENTENCE <= len(s) < OVERLAP_WORDS)
        self.text = " " + " \n ".join(joined) + " "

    def shares(self, text: str) -> bool:
        claim = words(text)
        if len(claim) < OVERLAP_WORDS:
            return bool(claim) and f" {' '.join(claim)} " in self.text
        within = (run in self.sentences for n in range(SHORTEST_SENTENCE, OVERLAP_WORDS) for run in runs(claim, n))
        return any(run in self.runs for run in runs(claim, OVERLAP_WORDS)) or any(within)


def runs(text_words: list[str], n: int) -> zip:
    """Every run of n words in a row."""
    return zip(*(text_words[i:] for i in range(n)), strict=False)


def split_bodies(articles: list[dict]) -> tuple[list[dict], ProtectedText]:
    """The bodies to mine, and the protected bodies' text."""
    kept = [body for i, body in enumerate(articles) if not protected(i, body)]
    return kept, ProtectedText([body for i, body in enumerate(articles) if protected(i, body)])


def known_contradictions(articles: list[dict]) -> set[frozenset[str]]:
    """The claim texts of pairs a reader labelled a contradiction, as unordered pairs."""
    texts = {a["id"]: a["text"] for a in articles}
    known = set()
    for row in map(json.loads, LABELS_FILE.read_text(encoding="utf-8").splitlines()):
        if row["label"] == "contradiction":
            known.add(frozenset(" ".join(texts[s["doc_id"]][slice(*s["span"])].split()) for s in (row["a"], row["b"])))
    return known


def mined_rows(
    bodies: list[dict], held: ProtectedText, known: set[frozenset[str]], model: str | None
) -> tuple[list[dict], dict[str, int]]:
    config = load_config(start=ROOT).with_overrides(include=("contradict", "agree", "unrelated"), model=model)
    checker = Checker(config)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "bodies.jsonl"
        corpus.write_text("".join(json.dumps(b) + "\n" for b in bodies), encoding="utf-8")
        result = checker.check([str(corpus)])
    counts = {"pairs": 0, "structured": 0, "labelled real": 0, "held-out sentence": 0}
    rows, seen = [], set()
    for finding in result.findings:
        counts["pairs"] += 1
        if finding.label == "contradict" and finding.kind != "nli":
            counts["structured"] += 1
            continue
        a, b = finding.pair.a, finding.pair.b
        if frozenset(" ".join(c.text.split()) for c in (a, b)) in known:
            counts["labelled real"] += 1
            continue
        if any(held.shares(text) for c in (a, b) for text in (c.text, c.standalone)):
            counts["held-out sentence"] += 1
            continue
        directions = (finding.nli.forward, finding.nli.backward) if finding.nli else ()
        contradiction = max((d[CONTRADICTION] for d in directions if d), default=0.0)
        for premise, hypothesis in ((a.standalone, b.standalone), (b.standalone, a.standalone)):
            if (premise, hypothesis) in seen:
                continue
            seen.add((premise, hypothesis))
            rows.append(
                {"premise": premise, "hypothesis": hypothesis, "label": PARTIAL_LABEL, "source": SOURCE}
                | {"contradiction": round(contradiction, 4)}
            )
    return rows, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "nli" / "same_story.jsonl")
    parser.add_argument("--model", help="the NLI model phase 6 starts from (default: the configured one)")
    args = parser.parse_args()
    articles = news_articles()
    bodies, held = split_bodies(articles)
    rows, counts = mined_rows(bodies, held, known_contradictions(articles), args.model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(bodies)} bodies; {counts}; {len(rows)} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
