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

Bodies: the FNC-1 bodies neither held out by benchmarks/judge.py and
benchmarks/news_precision.py (positions 200-399 and 1250-1599) nor read by
judge.py's same-story set (800-949); a claim that also stands in a held-out
body (one wire story in two outlets) is left out, so no held-out sentence is
trained on. Stories cross these ranges, so whole stories cannot be kept apart
(only 56 bodies belong to stories with no held-out body). Run from the
repository root:

    python models/recipe/same_story.py [--out .cache/nli/same_story.jsonl]
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

from shared_data import news_articles  # noqa: E402

from checker.config import load_config  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.records import NLI_LABELS  # noqa: E402

LABEL = "not_contradiction"
SOURCE = "news_same_story"
EXCLUDED_POSITIONS = frozenset(range(200, 400)) | frozenset(range(1250, 1600)) | frozenset(range(800, 950))
CONTRADICTION = NLI_LABELS.index("contradiction")
LABELS_FILE = ROOT / "benchmarks" / "news_labels.jsonl"


def split_bodies() -> tuple[list[dict], str]:
    """The FNC-1 bodies at positions outside the excluded ones, and the held-out bodies' text as one string."""
    articles = news_articles()
    kept = [a for i, a in enumerate(articles) if i not in EXCLUDED_POSITIONS]
    held = "\n".join(" ".join(a["text"].split()) for i, a in enumerate(articles) if i in EXCLUDED_POSITIONS)
    return kept, held


def known_contradictions() -> set[frozenset[str]]:
    """The claim texts of pairs a reader labelled a contradiction, as unordered pairs."""
    texts = {a["id"]: a["text"] for a in news_articles()}
    known = set()
    for row in map(json.loads, LABELS_FILE.read_text(encoding="utf-8").splitlines()):
        if row["label"] == "contradiction":
            known.add(frozenset(" ".join(texts[s["doc_id"]][slice(*s["span"])].split()) for s in (row["a"], row["b"])))
    return known


def mined_rows(bodies: list[dict], held: str) -> tuple[list[dict], dict[str, int]]:
    checker = Checker(load_config(start=ROOT).with_overrides(include=("contradict", "agree", "unrelated")))
    known = known_contradictions()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "bodies.jsonl"
        corpus.write_text("".join(json.dumps(b) + "\n" for b in bodies), encoding="utf-8")
        result = checker.check([str(corpus)])
    counts = {"pairs": 0, "structured": 0, "labelled real": 0, "held-out sentence": 0}
    rows = []
    for finding in result.findings:
        counts["pairs"] += 1
        if finding.label == "contradict" and finding.kind != "nli":
            counts["structured"] += 1
            continue
        a, b = finding.pair.a, finding.pair.b
        if frozenset(" ".join(c.text.split()) for c in (a, b)) in known:
            counts["labelled real"] += 1
            continue
        if any(" ".join(c.text.split()) in held for c in (a, b)):
            counts["held-out sentence"] += 1
            continue
        directions = (finding.nli.forward, finding.nli.backward) if finding.nli else ()
        contradiction = max((d[CONTRADICTION] for d in directions if d), default=0.0)
        for premise, hypothesis in ((a.standalone, b.standalone), (b.standalone, a.standalone)):
            rows.append(
                {"premise": premise, "hypothesis": hypothesis, "label": LABEL, "source": SOURCE}
                | {"contradiction": round(contradiction, 4)}
            )
    return rows, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "nli" / "same_story.jsonl")
    args = parser.parse_args()
    bodies, held = split_bodies()
    rows, counts = mined_rows(bodies, held)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(bodies)} bodies; {counts}; {len(rows)} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
