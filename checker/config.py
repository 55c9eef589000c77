"""The one home of checker's settings: `[tool.checker]` in pyproject.toml or checker.toml.

Every threshold below says how its default was chosen. Command-line options
override the file; the file overrides these defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from checker.records import FINDING_KINDS

PACKAGE_ROOT = Path(__file__).resolve().parent
DEFAULT_MODEL = PACKAGE_ROOT.parent / "models" / "checker-nli-minilm"


class ConfigError(ValueError):
    """A configuration file or value that cannot be used."""


@dataclass(frozen=True)
class Config:
    # Model: a local Hugging Face sequence-classification NLI directory. A hub
    # name is only tried when `allow_download` is set (and the machine is online).
    model: str = str(DEFAULT_MODEL)
    allow_download: bool = False
    batch_size: int = 64
    # "auto" (bf16 where the CPU or GPU supports it: about 2x fp32 on AVX512-BF16/AMX
    # CPUs), "fp32", "bf16" or "int8" (dynamic quantization, CPU). Accuracy and speed
    # of each: benchmarks/RESULTS.md.
    precision: str = "auto"

    # Pairing. top_k: neighbours kept per claim across the other documents; the
    # work grows linearly with the number of claims (k x claims pairs at most).
    # min_similarity: cosine floor of all-MiniLM-L6-v2 embeddings. Read off the
    # neighbour lists of seeds/ claims by hand: claims about the same event sit
    # at 0.45-0.7, claims that only share the story's topic at 0.3-0.45. Pairs
    # below the floor that count the same thing are caught by the key channel.
    top_k: int = 5
    min_similarity: float = 0.45
    # Pairs whose claims share a named entity or number get this much added to
    # their cosine before ranking: lexical evidence that they concern the same thing.
    entity_bonus: float = 0.08

    # Verdicts. The model's probabilities are temperature-calibrated, so these
    # read as probabilities. contradict_threshold 0.8: at this cut the shipped
    # model's contradiction precision on the five NLI dev sets is 0.78-0.91
    # (recall 0.33-0.48; benchmarks/RESULTS.md) and no unrelated news pair
    # reaches it. Claim pairs from real news are mostly neutral, and there
    # model-only contradictions are mostly false whatever their probability
    # (models/checker-nli-minilm/README.md), so a high bar keeps reports short; structured checks
    # catch what the model misses. agree_threshold 0.7: entailment in either
    # direction; on seeds/ it admits restatements and no mere same-topic pairs.
    contradict_threshold: float = 0.8
    agree_threshold: float = 0.7
    # A contradiction the model alone sees (no structured check) needs both claims
    # to name a common entity (person, place, organisation). Measured with
    # benchmarks/news_precision.py on 200 FNC-1 articles, blind-labelled: of 63
    # model-only contradictions, 2 were real, and both named a common entity;
    # 46 of the 61 false ones had a claim that named none (a pronoun, "this
    # article", a generic remark) and 4 named different ones. With the rule: 13
    # reported, 2 real; on 200 held-out articles (with the tighter number and
    # date checks) 86 became 26, the same 3 real. false: the model decides alone.
    contradict_needs_shared_entity: bool = True
    # NLI scores the longer claim as premise first and the reverse direction only
    # where the first comes within this margin of a threshold (1.0: always both).
    # Chosen with benchmarks/reverse.py, which replays every verdict against
    # scoring both directions. On 300 news articles (12,556 candidate pairs, the
    # shipped model and rules) 0.6 skips 58% of reverse directions (over a
    # quarter of the NLI work) and changes 1 of 46 contradictions and 14 of 820
    # agreements; 0.5 skips 70% but changes 24 agreements, 0.0 changes 3
    # contradictions and 58 agreements. The changed contradiction is a pair the
    # model reads one way only (low with the longer claim as premise, above 0.8
    # the other way). Ordering by length matters: pair order at 0.3 changes 7
    # contradictions and 172 agreements against 1 and 38.
    reverse_margin: float = 0.6

    # Claims sharing a specific quantity ("votes against") are paired down to this
    # cosine: the embedding puts "four countries voted against" at 0.30 from
    # "18 votes against". Each structured check then applies its own floor
    # (documented in checker/checks/).
    key_min_similarity: float = 0.2

    include: tuple[str, ...] = ("contradict",)
    # Finding kinds left out of reports, --fail-on and `checker ci` (the baseline
    # keeps every kind, so reviewers' decisions survive a change of this setting),
    # as ruff's `ignore` leaves out rules. ["nli"] keeps the contradictions a
    # structured check found: on 200 FNC-1 articles 2 of 14 model-only
    # contradictions were real against 2 of 5 number discrepancies, blind-labelled
    # (benchmarks/news_precision.py; 3 of 25 and 0 of 9 on 200 more). Default: every kind, since on a corpus of
    # one story model-only contradictions are the leads a reader wants.
    ignore_kinds: tuple[str, ...] = ()

    def with_overrides(self, **values: object) -> Config:
        known = {f.name for f in fields(self)}
        unknown = set(values) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        kinds = set(values.get("ignore_kinds") or ()) - set(FINDING_KINDS)
        if kinds:
            raise ConfigError(
                f"ignore_kinds: unknown kind(s) {', '.join(sorted(kinds))}; choose from {', '.join(FINDING_KINDS)}"
            )
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def find_config_file(start: Path) -> Path | None:
    """checker.toml, or a pyproject.toml with [tool.checker], in start or a parent."""
    for folder in [start, *start.parents]:
        if (folder / "checker.toml").is_file():
            return folder / "checker.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "checker" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Config from an explicit file, else the nearest one above `start`, else defaults."""
    path = path or find_config_file((start or Path.cwd()).resolve())
    if path is None:
        return Config()
    data = _read_toml(path)
    section = data.get("tool", {}).get("checker", {}) if path.name == "pyproject.toml" else data
    values = {k.replace("-", "_"): v for k, v in section.items()}
    for key in ("include", "ignore_kinds"):
        if key in values:
            values[key] = tuple(values[key])
    if "model" in values and not Path(values["model"]).is_absolute():
        candidate = path.parent / values["model"]
        values["model"] = str(candidate) if candidate.exists() else values["model"]
    try:
        return Config().with_overrides(**values)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
