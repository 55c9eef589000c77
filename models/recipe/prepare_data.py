"""Build the NLI training mix for checker's cross-encoder.

Reads ../shared/data (see its README for sources and licenses), applies the
fractions in config.toml, windows FNC-1 article bodies, adds synthetic news
edits, deduplicates, holds out a calibration split, appends the sources added for
later phases (news restatements and unrelated pairs, then MRPC paraphrases and moved
attributions; appended, so the earlier rows and their order stay as they were) and writes
`<out_dir>/mix.jsonl` and `<out_dir>/calibration.jsonl`.

Run from the repository root:  python models/recipe/prepare_data.py
"""

from __future__ import annotations

import calendar
import gzip
import json
import random
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

RECIPE = Path(__file__).resolve().parent
sys.path.insert(0, str(RECIPE.parent.parent / "benchmarks"))
from shared_data import held_out  # noqa: E402  (the held-out half of benchmarks/judge.py)

LABELS = ("entailment", "neutral", "contradiction")
PARTIAL_LABEL = "not_contradiction"  # no contradiction, either of the other two: same_story.py's mined pairs
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])")
WORD = re.compile(r"[A-Za-z0-9]+")


def load_config(overrides: dict | None = None) -> dict:
    """config.toml, with `overrides` merged in (nested tables key by key): how ablations vary one setting."""
    with open(RECIPE / "config.toml", "rb") as f:
        return merged(tomllib.load(f), overrides or {})


def merged(base: dict, overrides: dict) -> dict:
    result = dict(base)
    for key, value in overrides.items():
        nested = isinstance(value, dict) and isinstance(base.get(key), dict)
        result[key] = merged(base[key], value) if nested else value
    return result


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_sentences(text: str) -> list[str]:
    sentences = []
    for paragraph in text.splitlines():
        sentences.extend(s.strip() for s in SENTENCE_END.split(paragraph) if s.strip())
    return sentences


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text) if len(w) > 2}


def window_premise(body: str, headline: str, n: int) -> str:
    """Keep the n body sentences that share most words with the headline, in order."""
    sentences = split_sentences(body)
    head = words(headline)
    ranked = sorted(range(len(sentences)), key=lambda i: -len(words(sentences[i]) & head))
    return " ".join(sentences[i] for i in sorted(ranked[:n]))


def fnc1_pairs(cfg: dict, rng: random.Random, shared: Path, scale: float) -> list[dict]:
    rows = read_jsonl(shared / "nli/train/fnc1_train.jsonl.gz")
    keep, neutral = [], []
    for row in rows:
        pair = {
            "premise": window_premise(row["premise"], row["hypothesis"], cfg["window_sentences"]),
            "hypothesis": row["hypothesis"],
            "label": row["label"],
            "source": "fnc1",
        }
        if row["label"] == "neutral":
            neutral.append(pair)
        elif rng.random() < scale * cfg["agree" if row["label"] == "entailment" else "disagree"]:
            keep.append(pair)
    return keep + rng.sample(neutral, min(int(scale * cfg["neutral_sample"]), len(neutral)))


NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = list(calendar.month_name)[1:]
AUXILIARY = re.compile(r"\b(is|are|was|were|will|would|can|could|has|have|had|should)\b (?!not\b)")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?\b")
LIST = re.compile(r"\b([A-Z][a-z]+), ([A-Z][a-z]+),? and ([A-Z][a-z]+)\b")
PARENTHETICAL = re.compile(r", (?:who|which|where|according to|as)[^,]{4,80},")
ATTRIBUTION = re.compile(r",? (?:according to [^.]{3,60}|[A-Za-z ]{3,40} said)(?=\.$)")


def change_number(s: str, rng: random.Random) -> str | None:
    matches = [m for m in NUMBER.finditer(s) if not (1900 <= float(m.group().replace(",", "")) <= 2100)]
    if not matches:
        return None
    m = rng.choice(matches)
    value = float(m.group().replace(",", ""))
    new = value * rng.choice([2, 3, 0.5]) + rng.choice([0, 1, 7]) if value else rng.randint(2, 40)
    text = f"{new:.0f}" if "." not in m.group() else f"{new:.1f}"
    return None if text == m.group() else s[: m.start()] + text + s[m.end() :]


def swap_from(s: str, vocabulary: list[str], rng: random.Random) -> str | None:
    present = [w for w in vocabulary if re.search(rf"\b{w}\b", s)]
    if not present:
        return None
    old = rng.choice(present)
    new = rng.choice([w for w in vocabulary if w != old])
    return re.sub(rf"\b{old}\b", new, s, count=1)


def negate(s: str) -> str | None:
    m = AUXILIARY.search(s)
    return None if not m else s[: m.end(1)] + " not" + s[m.end(1) :]


def swap_name(s: str, names: list[str], rng: random.Random) -> str | None:
    found = [m for m in NAME.finditer(s) if m.group() not in WEEKDAYS + MONTHS]
    if not found:
        return None
    m = rng.choice(found)
    new = rng.choice(names)
    return None if new == m.group() else s[: m.start()] + new + s[m.end() :]


def change_list_member(s: str, names: list[str], rng: random.Random) -> str | None:
    m = LIST.search(s)
    if not m:
        return None
    group = rng.randint(1, 3)
    new = rng.choice(names)
    return s[: m.start(group)] + new + s[m.end(group) :]


def drop_clause(s: str) -> str | None:
    for pattern in (PARENTHETICAL, ATTRIBUTION):
        m = pattern.search(s)
        if m:
            return s[: m.start()] + s[m.end() :]
    return None


def article_sentences(shared: Path) -> list[list[str]]:
    """The sentences of each FNC-1 body: the news text every synthetic source is made from."""
    return [split_sentences(a["text"]) for a in read_jsonl(shared / "news/fnc1_train_bodies.jsonl")]


def news_edit_pairs(cfg: dict, rng: random.Random, articles: list[list[str]], scale: float) -> list[dict]:
    candidates = [(i, s) for i, sents in enumerate(articles) for s in sents if 8 <= len(s.split()) <= 45]
    rng.shuffle(candidates)
    names = sorted({m.group() for _, s in candidates[:20000] for m in NAME.finditer(s)})
    names = [n for n in names if n not in WEEKDAYS + MONTHS]
    contradicting = [
        lambda s: change_number(s, rng),
        negate,
        lambda s: swap_name(s, names, rng),
        lambda s: swap_from(s, WEEKDAYS, rng) or swap_from(s, MONTHS, rng),
        lambda s: change_list_member(s, names, rng),
    ]
    pairs = []
    for article, sentence in candidates[: int(scale * cfg["max_sentences"])]:
        kind = rng.random()
        if kind < 0.5:
            edits = [e for e in (f(sentence) for f in rng.sample(contradicting, len(contradicting))) if e]
            if edits:
                pairs.append((sentence, edits[0], "contradiction"))
        elif kind < 0.85:
            shorter = drop_clause(sentence)
            if shorter:
                pairs.append((sentence, shorter, "entailment"))
        else:
            others = [s for s in articles[article] if s != sentence and len(s.split()) >= 6]
            if others:
                pairs.append((sentence, rng.choice(others), "neutral"))
    rows = []
    for premise, hypothesis, label in pairs:
        if label != "entailment" and rng.random() < 0.5:
            premise, hypothesis = hypothesis, premise  # symmetric labels: train both orders
        rows.append({"premise": premise, "hypothesis": hypothesis, "label": label, "source": "news_edits"})
    return rows


SPELLINGS = [
    ("U.S.", "US"), ("U.K.", "UK"), ("U.N.", "UN"), ("Mr.", "Mr"), ("Mrs.", "Mrs"), ("Dr.", "Dr"),
    ("per cent", "percent"), ("airstrikes", "air strikes"), ("e-mail", "email"), ("rumours", "rumors"),
    ("rumour", "rumor"), ("favour", "favor"), ("labour", "labor"), ("centre", "center"), ("defence", "defense"),
    ("organisation", "organization"), ("recognise", "recognize"), ("criticised", "criticized"), ("honour", "honor"),
]  # fmt: skip
SMALL_NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def respell(s: str, rng: random.Random) -> str | None:
    def spelled(form: str) -> re.Pattern:
        return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")

    present = [(a, b) for a, b in SPELLINGS if spelled(a).search(s)] + [
        (b, a) for a, b in SPELLINGS if spelled(b).search(s)
    ]
    if not present:
        return None
    old, new = rng.choice(present)
    return spelled(old).sub(new, s)


def number_as_word(s: str, rng: random.Random) -> str | None:
    digits = [m for m in re.finditer(r"(?<![\w/:.,$£€-])(?:[1-9]|10)(?![\w/:%-]|[.,]\d)", s)]
    spelled = [m for m in re.finditer(rf"\b({'|'.join(SMALL_NUMBERS)})\b", s)]
    if not digits and not spelled:
        return None
    m = rng.choice(digits + spelled)
    value = m.group()
    new = SMALL_NUMBERS[int(value) - 1] if value.isdigit() else str(SMALL_NUMBERS.index(value) + 1)
    return s[: m.start()] + new + s[m.end() :]


def restyle_quotes(s: str, rng: random.Random) -> str | None:
    plain = s.translate(QUOTES)
    return plain if plain != s else None


def restatement_pairs(cfg: dict, rng: random.Random, articles: list[list[str]], scale: float) -> list[dict]:
    """The same sentence, or one differing only in spelling, quote style or a small number
    written out, as entailment: wire copy repeated across outlets differs just so, and
    the news edits alone taught the model that any small difference is a contradiction."""
    sentences = [s for sents in articles for s in sents if 6 <= len(s.split()) <= 45]
    variants = (respell, number_as_word, restyle_quotes)
    wanted = int(scale * cfg["max_sentences"])
    rows, identical = [], 0
    for sentence in rng.sample(sentences, len(sentences)):
        other = sentence
        for variant in rng.sample(variants, len(variants)):
            other = variant(other, rng) or other
        if other == sentence:
            if identical >= wanted // 4:  # a quarter the very same sentence, the rest restatements
                continue
            identical += 1
        first, second = (sentence, other) if rng.random() < 0.5 else (other, sentence)
        rows.append({"premise": first, "hypothesis": second, "label": "entailment", "source": "news_restatements"})
        if len(rows) == wanted:
            break
    return rows


def unrelated_pairs(cfg: dict, rng: random.Random, articles: list[list[str]], scale: float) -> list[dict]:
    """Two sentences of two different news articles, as neutral: unrelated is not contradictory.

    SNLI labels two captions of different scenes a contradiction (they were
    written for one photo), and the model learned to call short unrelated
    sentences contradictions; in checker unrelated claims must read as neutral.
    """
    articles = [[s for s in sents if 5 <= len(s.split()) <= 45] for sents in articles]
    articles = [sents for sents in articles if sents]
    rows = []
    for _ in range(int(scale * cfg["pairs"])):
        first, second = rng.sample(articles, 2)
        premise, hypothesis = rng.choice(first), rng.choice(second)
        rows.append({"premise": premise, "hypothesis": hypothesis, "label": "neutral", "source": "news_unrelated"})
    return rows


def mrpc_pairs(cfg: dict, shared: Path, scale: float) -> list[dict]:
    """People-judged news sentence pairs (MRPC train) outside benchmarks/judge.py's held-out half.

    A paraphrase is entailment both ways, a non-paraphrase (one says more, or
    something else) neutral both ways. Added for phase 5, when 15% of held-out
    MRPC paraphrases came out as contradictions: two outlets restating one fact
    read to the model as disagreeing.
    """
    rows = []
    for row in read_jsonl(shared / "paraphrase/mrpc_train.jsonl")[: int(scale * cfg["max_pairs"])]:
        if held_out(row["id"]):
            continue
        label = "entailment" if row["label"] == "paraphrase" else "neutral"
        for premise, hypothesis in ((row["premise"], row["hypothesis"]), (row["hypothesis"], row["premise"])):
            rows.append({"premise": premise, "hypothesis": hypothesis, "label": label, "source": "mrpc"})
    return rows


def attribution_pairs(cfg: dict, rng: random.Random, articles: list[list[str]], scale: float) -> list[dict]:
    """A news sentence against itself with its source moved ("S, X said." / "X said that s."):
    entailment; or with a source added: neutral, since "X said S" neither states S nor denies it.

    From FNC-1 bodies `cfg["bodies"]` only, which benchmarks/judge.py never
    reads (its planted edits come from body 800 on, its news pairs from 0-399).
    Added for phase 5: the model called a quote given with and without its
    speaker, or with the attribution moved, a contradiction (P 0.95-0.97).
    """
    first, last = cfg["bodies"]
    sentences = [s for sents in articles[first:last] for s in sents if 8 <= len(s.split()) <= 40]
    sentences = [s for s in sentences if s.endswith(".") and not ATTRIBUTION.search(s) and s[0].isupper()]
    names = sorted({m.group() for s in sentences for m in NAME.finditer(s) if " " in m.group()})
    speakers = names + ["officials", "police", "the company", "a spokesman", "witnesses"]
    rows = []
    for sentence in rng.sample(sentences, min(len(sentences), int(scale * cfg["max_sentences"]))):
        speaker = rng.choice(speakers)
        said = f"{sentence[:-1]}, {speaker} said."
        reported = f"{speaker[0].upper()}{speaker[1:]} said that {sentence[0].lower()}{sentence[1:]}"
        if rng.random() < 0.5:
            pairs = [(said, reported, "entailment"), (reported, said, "entailment")]
        else:
            pairs = [(sentence, said, "neutral"), (said, sentence, "neutral")]
        rows += [{"premise": p, "hypothesis": h, "label": label, "source": "news_attribution"} for p, h, label in pairs]
    return rows


def same_story_pairs(cfg: dict, rng: random.Random, scale: float) -> list[dict]:
    """Claim pairs checker builds within real stories, as no contradiction (a partial label), from
    same_story.py's file: it needs checker's own pipeline, so it runs before this.

    Every pair the shipped model read as a contradiction at `hard_from` or more either way (where its
    false alarms are), then a seeded sample of the rest, `max_rows` in all; none where the file is
    missing (the phases before 6 never read them).
    """
    path = Path(cfg["file"])
    if not path.exists():
        print(f"{path}: missing (run models/recipe/same_story.py first); no same-story pairs", file=sys.stderr)
        return []
    rows = read_jsonl(path)
    size = int(scale * cfg["max_rows"])
    hard = [r for r in rows if r["contradiction"] >= cfg["hard_from"]][:size]
    easy = [r for r in rows if r["contradiction"] < cfg["hard_from"]]
    chosen = hard + rng.sample(easy, min(len(easy), size - len(hard)))
    return [{k: r[k] for k in ("premise", "hypothesis", "label", "source")} for r in chosen]


def build_mix(cfg: dict) -> tuple[list[dict], list[dict]]:
    rng = random.Random(cfg["data"]["seed"])
    shared = (Path.cwd() / cfg["data"]["shared_dir"]).resolve()
    scale = cfg["data"].get("scale", 1.0)
    rows: list[dict] = []
    for name, fraction in cfg["data"]["fractions"].items():
        for row in read_jsonl(shared / f"nli/train/{name}.jsonl"):
            if rng.random() < scale * fraction:
                rows.append({k: row[k] for k in ("premise", "hypothesis", "label", "source")})
    rows += fnc1_pairs(cfg["data"]["fnc1"], rng, shared, scale)
    articles = article_sentences(shared)
    rows += news_edit_pairs(cfg["data"]["news_edits"], rng, articles, scale)
    seen, unique = set(), []
    for row in rows:
        key = (row["premise"].lower(), row["hypothesis"].lower())
        if key not in seen and row["label"] in LABELS:
            seen.add(key)
            unique.append(row)
    rng.shuffle(unique)
    holdout = cfg["data"]["calibration_holdout"]
    later = restatement_pairs(cfg["data"]["restatements"], random.Random(cfg["data"]["seed"] + 1), articles, scale)
    later += unrelated_pairs(cfg["data"]["unrelated"], random.Random(cfg["data"]["seed"] + 2), articles, scale)
    later += mrpc_pairs(cfg["data"]["mrpc"], shared, scale)
    later += attribution_pairs(cfg["data"]["attribution"], random.Random(cfg["data"]["seed"] + 3), articles, scale)
    later += same_story_pairs(cfg["data"]["same_story"], random.Random(cfg["data"]["seed"] + 4), scale)
    return unique[holdout:] + later, unique[:holdout]


def write_mix(cfg: dict) -> None:
    out = Path(cfg["data"]["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    train, calibration = build_mix(cfg)
    for name, rows in (("mix", train), ("calibration", calibration)):
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"train {len(train)} calibration {len(calibration)}")
    print(Counter((r["source"], r["label"]) for r in train).most_common())


def main() -> int:
    write_mix(load_config())
    return 0


if __name__ == "__main__":
    sys.exit(main())
