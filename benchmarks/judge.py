"""Does checker tell a paraphrase from a contradiction? Labelled pairs of the real task, a part held out.

Sets, none of which the rules were written on:

- `paraphrase`: news sentence pairs people judged paraphrases (MRPC train,
  ../shared/data/paraphrase): never a contradiction. `paraphrase, negated
  both` is the part where both sentences carry a negation.
- `planted`: a real news sentence (FNC-1 bodies from 800 on; the rules were
  written on bodies 0-199 and checked on 200-399) against itself with one
  edit: a count, a month, a weekday, a negation added or taken away, or a
  person swapped for another of the same article (not one of the same
  surname: "Jobs" made "Steve Jobs" is no other person): a contradiction. And
  against itself with an attribution added ("..., Smith said."): none.
- `news`: the blind-labelled pairs checker reported, this version or an
  earlier one, on FNC-1 bodies 0-1199 and 1400-1672
  (benchmarks/news_labels.jsonl): a reader's "contradiction" or "not".
  Bodies 200-399 and 1400-1599 are held out; 0-199 (the rules were written
  on them), 400-599 (two number rules were fixed on them), 600-1199 and
  1600-1672 are tune. A sample of what checker reported, so it measures precision better
  than recall.
- `news, by signal`: candidate pairs of FNC-1 bodies 1100-1399 with any sign
  of a contradiction (benchmarks/news_sample.py), sampled at random whatever
  checker decided and labelled blind: recall on real news. 1100-1249 tune,
  1250-1399 held out.
- `same story`: every candidate pair checker builds within the stories of
  FNC-1 bodies from 800 on (--story-bodies of them): what the decision meets
  most. Unlabelled; nearly all are no contradiction (of the pairs reported
  on bodies 0-399, 9 in 227 were), so they count as none, and the table's
  "false alarms per pair" for them is an upper bound.

MRPC pairs, planted sentences and same-story pairs are split into `tune` and
`held-out` by a hash of their source (the MRPC id, the FNC-1 body or story),
news pairs by body, so the learned decision (checker/decision.py) is fitted
on one part (models/recipe/decision.py) and read on the other. For each set
the table gives the pairs, the contradictions among them, how many checker
reports, precision, recall, and the expected calibration error of the
reported score (10 bins; reported pairs only), as checker decides them with
the configured decision, as the rules before the learned decision decided
them, and, with `--decision FILE`, as that decision file alone would at the
threshold its fit chose. `--pairs FILE` also writes every pair with its
features, for fitting one.

    python benchmarks/judge.py [--per-set 300] [--story-bodies 150] [--model DIR] [--decision D.json] [--pairs P.jsonl]
                               [--from-pairs P.jsonl] [--no-append]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models" / "recipe"))

from planted_facts import COUNT, NEGATED, SENTENCE_END, negation_edit, person_edit  # noqa: E402
from results import publish  # noqa: E402
from shared_data import SHARED, held_out, news_articles  # noqa: E402

from checker.checks import annotate, calendar, model_inputs, run_checks  # noqa: E402
from checker.claims import as_parsed, claim_entities  # noqa: E402
from checker.config import load_config  # noqa: E402
from checker.decision import Decision, features, weights_digest  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.records import CandidatePair, Claim, Finding, NLIScores, Span  # noqa: E402
from checker.stories import story_ids  # noqa: E402
from checker.verdicts import contradiction_basis, decide  # noqa: E402

MONTHS, WEEKDAYS = list(calendar.MONTHS), list(calendar.WEEKDAYS)
LABELS = Path(__file__).resolve().parent / "news_labels.jsonl"
PLANTED_FROM = 800
SEED, PER_SET = 20261201, 300  # the sample's seed (its paraphrases are drawn first) and its size per set
# FNC-1 bodies whose labelled pairs are held out: 200-399 and 1400-1599 (pairs checker reported), 1250-1399 (sampled
# by signal)
HELD_OUT_BODIES = frozenset(range(200, 400)) | frozenset(range(1250, 1600))
SIGNAL_SAMPLE = "signal sample"  # news_labels.jsonl's `reported_by` for pairs of benchmarks/news_sample.py

NEWS = ("news", "news, by signal")  # the sets of real multi-outlet news pairs, labelled blind


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if 8 <= len(s.split()) <= 40]


def edits(sentence: str, people: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """(edited sentence, kind of edit) for every edit this sentence allows."""
    found = []
    if count := COUNT.search(sentence):
        value = int(count[1])
        new = value + rng.choice([2, 3, 5, 7]) if value > 3 else value + 10
        found.append((sentence[: count.start(1)] + str(new) + sentence[count.end(1) :], "number"))
    for names, kind in ((MONTHS, "month"), (WEEKDAYS, "weekday")):
        if m := re.search(r"\b(" + "|".join(names) + r")\b", sentence):
            other = names[(names.index(m[1]) + rng.choice([2, 3])) % len(names)]
            found.append((sentence[: m.start()] + other + sentence[m.end() :], kind))
    if negated := negation_edit(sentence):
        found.append(negated)
    if person := person_edit(sentence, people, rng):
        found.append((person, "person"))
    return found


def planted_pairs(per_set: int, nlp, rng: random.Random) -> list[dict]:
    pairs = []
    for body in news_articles()[PLANTED_FROM:]:
        parts = sentences(body["text"])
        if not parts:
            continue
        people = sorted({e.text for e in nlp(" ".join(parts[:12])).ents if e.label_ == "PERSON"})
        sentence = rng.choice(parts)
        options = edits(sentence, people, rng)
        if not options:
            continue
        edited, kind = rng.choice(options)
        split = "held-out" if held_out(body["id"]) else "tune"
        pairs.append({"set": "planted", "edit": kind, "split": split, "a": sentence, "b": edited, "label": 1})
        speaker = rng.choice([p for p in people if " " in p] or ["officials"])
        attributed = sentence.rstrip(".") + f", {speaker} said."
        pairs.append({"set": "planted", "edit": "attribution added", "split": split, "a": sentence, "b": attributed, "label": 0})  # fmt: skip
        if len(pairs) >= 2 * per_set:
            break
    return pairs


def paraphrase_pairs(per_set: int, rng: random.Random) -> list[dict]:
    with (SHARED / "paraphrase" / "mrpc_train.jsonl").open(encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["label"] == "paraphrase"]
    negated = [r for r in rows if NEGATED.search(r["premise"]) and NEGATED.search(r["hypothesis"])]
    plain = rng.sample([r for r in rows if r not in negated], per_set)
    negated = rng.sample(negated, min(per_set, len(negated)))
    pairs = []
    for name, chosen in (("paraphrase", plain), ("paraphrase, negated both", negated)):
        for r in chosen:
            split = "held-out" if held_out(r["id"]) else "tune"
            pairs.append({"set": name, "split": split, "a": r["premise"], "b": r["hypothesis"], "label": 0})
    return pairs


def news_pairs() -> list[dict]:
    articles = news_articles()
    bodies = {b["id"]: b["text"] for b in articles}
    position = {b["id"]: i for i, b in enumerate(articles)}
    pairs = []
    for row in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines()):
        a, b = row["a"], row["b"]
        held = [position[side["doc_id"]] in HELD_OUT_BODIES for side in (a, b)]
        if held[0] != held[1]:
            continue  # one side tune, one held out: in neither half
        split = "held-out" if held[0] else "tune"
        text = [bodies[side["doc_id"]][slice(*side["span"])] for side in (a, b)]
        label = int(row["label"] == "contradiction")
        name = "news, by signal" if SIGNAL_SAMPLE in row["reported_by"] else "news"
        pairs.append({"set": name, "kind": row["kind"], "split": split, "a": text[0], "b": text[1], "label": label})
    return pairs


def sentence_claim(text: str, doc_id: str, checker: Checker) -> Claim:
    """The whole sentence as one claim, with its entities and every check's annotation, read as claim extraction reads
    it (`as_parsed`: "80 937 hectares" is one figure)."""
    parsed = checker.nlp(as_parsed(text))
    span = Span(0, len(text))
    claim = Claim(doc_id, span, text, span, 1, text, claim_entities(parsed, 0, len(text), {}))
    return annotate(claim, parsed[:], checker.checks)


def same_story_pairs(bodies: int, checker: Checker, folder: Path) -> list[dict]:
    """Every candidate pair checker judges within the stories of `bodies` FNC-1 bodies, as it judged it."""
    corpus = folder / "stories.jsonl"
    articles = news_articles()[PLANTED_FROM : PLANTED_FROM + bodies]
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    result = checker.check([str(corpus)])
    story_of = story_ids(result.stories)
    pairs = []
    for finding in result.findings:
        split = "held-out" if held_out(story_of.get(finding.pair.a.doc_id, finding.pair.a.doc_id)) else "tune"
        pairs.append(
            {"set": "same story", "split": split, "a": finding.pair.a.text, "b": finding.pair.b.text, "label": 0}
        )
        pairs[-1] |= verdict(finding, checker)
    return pairs


def verdict(finding: Finding, checker: Checker) -> dict:
    """What checker decided on a pair, on what basis, and the features a learned decision reads."""
    kinds = [c.kind for c in checker.checks]
    values = features(finding.pair, finding.nli, finding.evidence, kinds)
    basis = contradiction_basis(
        finding.pair, finding.nli, finding.evidence, checker.thresholds, checker.decision, kinds
    )
    reported = finding.label == "contradict"
    weights = weights_digest(checker.decision.weights, checker.decision.intercept)
    return {"reported": reported, "kind": finding.kind, "basis": basis, "score": finding.score, "features": values} | {
        "weights": weights
    }


def judge(pairs: list[dict], checker: Checker) -> None:
    """Each pair judged as the pipeline judges a candidate pair (both NLI directions), the verdict added to it."""
    claims = [(sentence_claim(p["a"], "a", checker), sentence_claim(p["b"], "b", checker)) for p in pairs]
    vectors = checker.embed([c.standalone for pair in claims for c in pair])
    forward = checker.nli.predict([(a.standalone, b.standalone) for a, b in claims], batch_size=64)
    backward = checker.nli.predict([(b.standalone, a.standalone) for a, b in claims], batch_size=64)
    candidates = [CandidatePair(a, b, float(vectors[2 * i] @ vectors[2 * i + 1])) for i, (a, b) in enumerate(claims)]
    asked = model_inputs(candidates, checker.checks)  # what the checks that read the model ask of the pairs
    readings = dict(zip(asked, map(tuple, checker.nli.predict(asked, batch_size=64)), strict=True)) if asked else {}
    for i, (p, pair) in enumerate(zip(pairs, candidates, strict=True)):
        scores = NLIScores(tuple(map(float, forward[i])), tuple(map(float, backward[i])))
        evidence = run_checks(pair, checker.checks, readings)
        kinds = [c.kind for c in checker.checks]
        finding = decide(
            pair, scores, evidence, checker.thresholds, checker.decision, kinds, checker.nli.name, checker.nli.hash
        )
        p |= verdict(finding, checker) | {"kind": p.get("kind", finding.kind)}


def learned(pairs: list[dict], path: Path) -> list[dict]:
    """The pairs as the decision in `path` reports them, at the threshold its fit chose: its probability is the score."""
    decision = Decision.load(path)
    threshold = json.loads(path.read_text(encoding="utf-8"))["threshold"]
    decided = []
    for p in pairs:
        probability = decision.probability(p["features"])
        decided.append(p | {"reported": probability >= threshold, "score": probability})
    return decided


def former_rules(pairs: list[dict]) -> list[dict]:
    """The pairs as checker reported them before the learned decision (up to 7aa8892), for comparison.

    Structured evidence always (score at least 0.9); the model alone from 0.8,
    above its entailment, where both claims name a common entity and neither
    stands word for word inside the other (as checker/decision.py tells it now,
    quote marks no part of a word).
    """
    decided = []
    for p in pairs:
        f = p["features"]
        model = f["contradiction_max"] >= 0.8 and f["contradiction_max"] > f["entailment_max"]
        vetoed = not f["shared_entity"] or f["one_within_other"]
        reported = bool(f["evidence_any"]) or (model and not vetoed)
        score = max(0.9, f["contradiction_max"]) if f["evidence_any"] else f["contradiction_max"]
        decided.append(p | {"reported": reported, "score": score})
    return decided


def calibration_error(rows: list[dict]) -> float:
    """Expected calibration error of the reported score against the label, 10 equal-width bins."""
    bins: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        bins[min(int(r["score"] * 10), 9)].append(r)
    return sum(len(b) / len(rows) * abs(sum(r["score"] for r in b) / len(b) - sum(r["label"] for r in b) / len(b)) for b in bins.values())  # fmt: skip


def table(pairs: list[dict], split: str) -> list[str]:
    lines = [
        "| set | pairs | contradictions | reported | precision | recall | false alarms per pair | ECE |",
        "|---|---|---|---|---|---|---|---|",
    ]
    groups: dict[str, list[dict]] = defaultdict(list)
    for p in pairs:
        if p["split"] == split:
            groups[p["set"]].append(p)
            if p["set"] == "planted":
                groups[f"planted: {p['edit']}"].append(p)
    for name in sorted(groups):
        rows = groups[name]
        positives = sum(r["label"] for r in rows)
        reported = [r for r in rows if r["reported"]]
        right = sum(r["label"] for r in reported)
        precision = f"{right / len(reported):.2f}" if reported and positives else "-"
        recall = f"{right / positives:.2f}" if positives else "-"
        ece = f"{calibration_error(reported):.2f}" if reported and positives else "-"
        false = (len(reported) - right) / len(rows)
        lines.append(f"| {name} | {len(rows)} | {positives} | {len(reported)} | {precision} | {recall} | {false:.3f} | {ece} |")  # fmt: skip
    return lines


def basis_error(rows: list[dict]) -> float:
    """Mean over pairs of |the score of its basis - the share of its basis confirmed| (the ECE with a bin per basis).

    Equal-width bins put scores that are all about 0.18 into one bin, where
    the ECE only compares the mean score with the share over all; this one
    also sees a basis whose share is off.
    """
    by_basis: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_basis[r["basis"]].append(r)
    return sum(abs(sum(r["score"] for r in b) - sum(r["label"] for r in b)) for b in by_basis.values()) / len(rows)


def _interval(rows: list[dict], statistic) -> str:
    """A 90% bootstrap interval, resampling the pairs (pairs of one story are not independent: read it as a floor)."""
    rng = random.Random(0)
    values = sorted(statistic(rng.choices(rows, k=len(rows))) for _ in range(1000))
    return f"{values[50]:.3f} to {values[949]:.3f}"


def calibration_table(pairs: list[dict], split: str) -> list[str]:
    """On the news pairs of `split` checker reports, per basis: the score it gives against the share readers confirmed.

    Then, over all of them, with 90% bootstrap intervals: the mean score less
    the share confirmed (signed: above 0, checker claims more than it finds),
    the expected calibration error (10 bins) and the error per basis.
    """
    reported = [p for p in pairs if p["split"] == split and p["set"] in NEWS and p["reported"]]
    if any("basis" not in p for p in reported):
        return ["(pairs judged before checker recorded each report's basis: judge them again)"]
    if not reported:
        return []
    lines = ["| basis | reported | confirmed | share confirmed | score given |", "|---|---|---|---|---|"]
    for basis in sorted({p["basis"] for p in reported}):
        rows = [p for p in reported if p["basis"] == basis]
        confirmed = sum(p["label"] for p in rows)
        scores = sorted({p["score"] for p in rows})
        given = f"{scores[0]:.3f}" if len(scores) == 1 else f"{scores[0]:.3f}-{scores[-1]:.3f}"
        lines.append(f"| {basis} | {len(rows)} | {confirmed} | {confirmed / len(rows):.2f} | {given} |")

    def gap(rows: list[dict]) -> float:
        return sum(r["score"] - r["label"] for r in rows) / len(rows)

    lines += [
        "",
        f"Over these {len(reported)} pairs: mean score less share confirmed {gap(reported):+.3f} "
        f"({_interval(reported, gap)}); expected calibration error {calibration_error(reported):.3f} "
        f"({_interval(reported, calibration_error)}); error per basis {basis_error(reported):.3f} "
        f"({_interval(reported, basis_error)}).",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-set", type=int, default=PER_SET, help="paraphrase pairs, and planted edits")
    parser.add_argument("--story-bodies", type=int, default=150, help="FNC-1 bodies whose same-story pairs are judged")
    parser.add_argument("--decision", type=Path, help="also read the pairs as this learned decision reports them")
    parser.add_argument("--pairs", type=Path, help="also write every judged pair to this JSONL file")
    parser.add_argument("--from-pairs", type=Path, help="read pairs --pairs wrote instead of judging them again")
    parser.add_argument("--model", help="NLI model directory (default: the configured one)")
    parser.add_argument("--config", type=Path, help="settings file (default: the project's [tool.checker])")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    rng = random.Random(SEED)
    started = datetime.datetime.now()
    if args.from_pairs:
        pairs = [json.loads(line) for line in args.from_pairs.read_text(encoding="utf-8").splitlines()]
        shipped = Decision.load(load_config(args.config, start=ROOT).decision)
        for p in pairs:  # the scores as the configured decision file gives them now, not as when judged
            if p["reported"] and p.get("basis"):
                p["score"] = shipped.score(p["basis"])
    else:
        checker = Checker(load_config(args.config, start=ROOT).with_overrides(model=args.model))
        pairs = paraphrase_pairs(args.per_set, rng) + planted_pairs(args.per_set, checker.nlp, rng) + news_pairs()
        judge(pairs, checker)
        with tempfile.TemporaryDirectory() as folder:
            pairs += same_story_pairs(args.story_bodies, checker, Path(folder))
    seconds = (datetime.datetime.now() - started).total_seconds()
    if args.pairs:
        args.pairs.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
    text = [
        f"### Paraphrase or contradiction, {datetime.date.today()}: labelled pairs of the real task",
        "",
        f"`python benchmarks/judge.py {' '.join(sys.argv[1:])}`; {len(pairs)} pairs, {seconds:.0f} s."
        " The checks, settings and model as given; decided by the configured decision (checker/decision.py),"
        " by the rules checker used before it, and by any --decision given.",
    ]
    decisions = {"shipped decision": pairs, "former rules": former_rules(pairs)}
    if args.decision:
        decisions[args.decision.name] = learned(pairs, args.decision)
    for split in ("held-out", "tune"):
        for name, decided in decisions.items():
            text += ["", f"{split}, {name}:", "", *table(decided, split)]
        text += [
            "",
            f"{split}, the shipped scores on the news pairs checker reports:",
            "",
            *calibration_table(pairs, split),
        ]
    publish("\n".join(text) + "\n", append=not args.no_append)


if __name__ == "__main__":
    main()
