"""Candidate pairs of real news with any sign of a contradiction, written out to be labelled blind.

The blind labels of benchmarks/news_labels.jsonl were first given to pairs
checker *reported*, so they can measure precision but not what the reporting
rule misses, and a decision fitted on them only sees what the old rules let
through. This samples by the signal instead: checker runs on FNC-1 bodies
(../shared/data/news), and every candidate pair within a story, whatever
checker decided about it, whose contradiction probability reaches `--floor` in a scored direction,
or that a structured check finds differing values in, is written with its
sentences and their context, for a reader who does not see the model, the
kind or the score. Labelled, the rows go into news_labels.jsonl with
`reported_by` "signal sample" (the reader is shown the sentences and context
only, not `kind`; benchmarks/judge.py reads them: one range of
bodies is tune, the other held out).

    python benchmarks/news_sample.py --skip 1100 --bodies 150 --out /tmp/sample.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from news_precision import LABELS, _side, finding_key, pair_key  # noqa: E402
from shared_data import write_news_corpus  # noqa: E402

from checker.config import load_config  # noqa: E402
from checker.corpus import load_corpus  # noqa: E402
from checker.pipeline import Checker  # noqa: E402

CONTRADICTION = 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", type=int, required=True, help="FNC-1 bodies to skip")
    parser.add_argument("--bodies", type=int, default=150)
    parser.add_argument("--floor", type=float, default=0.3, help="least contradiction probability sampled")
    parser.add_argument("--most", type=int, default=200, help="a random sample of at most this many pairs")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    config = load_config(start=ROOT)
    labelled = {pair_key(r["a"], r["b"]) for r in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines())}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_news_corpus(Path(tmp) / "news.jsonl", args.bodies, args.skip)
        findings = Checker(config).check([str(corpus)]).findings
        texts = {d.id: d.text for d in load_corpus([str(corpus)]).documents}
    sampled = []
    for finding in findings:
        directions = finding.nli.directions() if finding.nli else []
        p_contra = max((p[CONTRADICTION] for p in directions), default=0.0)
        if (p_contra >= args.floor or any(e.contradicts for e in finding.evidence)) and finding_key(
            finding
        ) not in labelled:
            sampled.append(finding)
    print(f"{len(findings)} candidate pairs, {len(sampled)} with a sign of a contradiction", file=sys.stderr)
    sampled = random.Random(args.skip).sample(sampled, min(args.most, len(sampled)))
    with args.out.open("w", encoding="utf-8") as out:
        for f in sampled:
            sides = {k: _side(c, texts[c.doc_id]) for k, c in (("a", f.pair.a), ("b", f.pair.b))}
            kind = next((e.kind for e in f.evidence if e.contradicts), "nli")
            out.write(json.dumps({**sides, "kind": kind}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
