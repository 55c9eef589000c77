"""The one home of checker's settings: `[tool.checker]` in pyproject.toml or checker.toml.

Every threshold below says how its default was chosen. Command-line options
override the file; the file overrides these defaults.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from checker.checks import registry
from checker.stories import DEFAULT_STORY_THRESHOLD

PACKAGE_ROOT = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """A shipped model file: in the package where a wheel put it (pyproject.toml maps models/ to checker/models),
    else in the checkout's models/ (a source tree, or an editable install, which maps nothing on disk)."""
    installed = PACKAGE_ROOT / "models" / name
    return installed if installed.exists() else PACKAGE_ROOT.parent / "models" / name


DEFAULT_MODEL = shipped("checker-nli-minilm")
DEFAULT_DECISION = shipped("checker-decision.json")
# Settings taken out, with what replaced them: a config file naming one gets told, not "unknown".
RETIRED = {
    "evidence_score": "a contradiction's score is the share confirmed on news for its basis, from the decision file",
    "contradict_needs_shared_entity": "the learned decision alone reports a model-only contradiction, a common "
    "entity one of its features (report_threshold)",
}
LABELS = ("contradict", "agree", "unrelated")
PRECISIONS = ("auto", "fp32", "bf16", "int8")
ENGINES = ("local", "ray")

Rule = Callable[[Any], Any]  # a setting's value as stored, or ConfigError saying what is allowed


class ConfigError(ValueError):
    """A configuration file or value that cannot be used."""


def _expected(allowed: str, value: object) -> ConfigError:
    return ConfigError(f"expected {allowed}, got {value!r}")


def _integer(low: int) -> Rule:
    """Whole numbers from `low` up; a bool is not one, so `top_k = true` is not read as 1."""

    def rule(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise _expected(f"an integer >= {low}", value)
        return value

    return rule


def _number(low: float, high: float) -> Rule:
    """A number in [low, high], stored as a float; an integer is one (`contradict_threshold = 1`)."""

    def rule(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise _expected(f"a number from {low:g} to {high:g}", value)
        return float(value)

    return rule


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _expected("true or false", value)
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _expected("a model folder or hub name (a string)", value)
    return value


def _one_of(choices: tuple[str, ...]) -> Rule:
    def rule(value: Any) -> str:
        if value not in choices:
            raise _expected(f"one of {', '.join(choices)}", value)
        return value

    return rule


def _names(choices: tuple[str, ...], what: str) -> Rule:
    """A list of `choices`, stored as a tuple; a plain string is refused, not split into letters."""

    def rule(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise _expected(f"a list of {what}s ({', '.join(choices)})", value)
        unknown = [v for v in value if v not in choices]
        if unknown:
            raise ConfigError(f"unknown {what}(s) {', '.join(unknown)}; choose from {', '.join(choices)}")
        return tuple(value)

    return rule


def _strings(value: Any, what: str) -> tuple[str, ...]:
    """A list of strings, stored as a tuple; a plain string is refused, not split into letters."""
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _expected(f"a list of {what} (strings)", value)
    return tuple(value)


def setting(default: Any, rule: Rule) -> Any:
    """A Config field with the rule its values must meet, kept next to its documentation."""
    return field(default=default, metadata={"rule": rule})


def _check_settings(value: Any) -> dict[str, dict[str, float]]:
    """Every structured check's settings, the defaults filled in, each value checked by its check."""
    try:
        return registry().settings(value)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


PROBABILITY = _number(0, 1)
COSINE = _number(-1, 1)
COUNT = _integer(1)


@dataclass(frozen=True)
class Config:
    # Model: a local Hugging Face sequence-classification NLI directory. A hub
    # name is only tried when `allow_download` is set (and the machine is online).
    model: str = setting(str(DEFAULT_MODEL), _text)
    allow_download: bool = setting(False, _flag)
    batch_size: int = setting(64, COUNT)
    # "auto" (bf16 where the CPU or GPU supports it: about 2x fp32 on AVX512-BF16/AMX
    # CPUs), "fp32", "bf16" or "int8" (dynamic quantization, CPU: its activations' scale
    # is set by each product's rows, so a pair's probabilities depend on its batch; MNLI
    # dev-matched 0.7235 against 0.741). Accuracy and speed of each: benchmarks/RESULTS.md.
    precision: str = setting("auto", _one_of(PRECISIONS))
    # Opt-in: an NLI pass (every pair's first direction, then the reverses) with
    # at least this many inputs to compute, or one Ray actor's share of them,
    # compiles the shipped model first (torch.compile, CPU, bf16 or fp32; needs a
    # C++ compiler, else a warning and it runs uncompiled). Compiling takes
    # 13-22 s and about 160 MiB; the model alone then ran 1.1-1.3x as fast, but
    # all 1,673 FNC-1 bodies with 50,000 took 561 s of NLI against 574 s, and 4
    # of 403 contradictions changed with the rounding: not worth it by default
    # on this CPU (benchmarks/RESULTS.md, "NLI compiled"). 0: never compile.
    nli_compile_min_inputs: int = setting(0, _integer(0))
    # Where claims, embeddings and NLI run: "local" (this process) or "ray" (a Ray
    # cluster's actors, for corpora of tens of thousands of articles; needs
    # `pip install 'checker[ray]'`, and joins the cluster at RAY_ADDRESS or starts
    # one on this machine). The report is the same either way (checker/engines.py).
    engine: str = setting("local", _one_of(ENGINES))

    # Pairing. top_k: neighbours kept per claim across the other documents; the
    # work grows linearly with the number of claims (k x claims pairs at most).
    # min_similarity: cosine floor of all-MiniLM-L6-v2 embeddings. Read off the
    # neighbour lists of seeds/ claims by hand: claims about the same event sit
    # at 0.45-0.7, claims that only share the story's topic at 0.3-0.45. Pairs
    # below the floor that count the same thing are caught by the key channel.
    top_k: int = setting(5, COUNT)
    min_similarity: float = setting(0.45, COSINE)
    # Pairs whose claims share a named entity or number get this much added to
    # their cosine before ranking: lexical evidence that they concern the same thing.
    entity_bonus: float = setting(0.08, _number(0, 1))
    # A story (or, with `stories` off, a corpus) of at least this many claims finds its
    # neighbours with an approximate index (an HNSW graph, faiss) instead of every cosine,
    # whose work grows with the claims squared. 30,000: with benchmarks/pairing_scale.py on
    # FNC-1 claims, the smallest size measured where the index takes at most half the time
    # (29,532 claims: 8.5 s against 22.3 s; 20,000: 5.5 against 7.6) and finds 99% of the
    # exact search's pairs (99.6%, counting a pair of the same two sentences between other
    # copies of them as found; 98.6% by position). At 120,000 claims (the index's first
    # version, RESULTS.md): 45 s against 412 s.
    # The index's pairs are the same every run on one machine and faiss version, not across
    # CPUs (faiss picks its vector instructions by CPU). On macOS and Windows faiss and torch
    # each bring an OpenMP runtime, which can clash: there, set this above the largest story.
    approximate_pairing_from: int = setting(30_000, COUNT)

    # Verdicts. The model's probabilities are temperature-calibrated, so these
    # read as probabilities. contradict_threshold 0.8: where the model reads a
    # contradiction this strongly either way, a check's agreeing values do not make the
    # pair an agreement (it is left unrelated); at this cut the shipped model's
    # contradiction precision on the five NLI dev sets is 0.78-0.91 (recall
    # 0.33-0.48; benchmarks/RESULTS.md). It reports nothing by itself: on real news
    # the model's probability does not tell a real disagreement from a false one
    # (checker/verdicts.py). agree_threshold 0.7: entailment in either direction; on
    # seeds/ it admits restatements and no mere same-topic pairs.
    contradict_threshold: float = setting(0.8, PROBABILITY)
    agree_threshold: float = setting(0.7, PROBABILITY)
    # A contradiction the model alone sees (no structured check) is reported where the
    # learned decision gives it at least report_threshold: a logistic regression over
    # every signal of the pair (NLI both ways, similarity, whether the claims name a
    # common entity, the checks' evidence, what the words differ in), fitted by
    # models/recipe/decision.py on the tune half of benchmarks/judge.py's labelled pairs
    # and shipped as `decision` (plain JSON; a relative path is read from this file's
    # folder). 0.75: the threshold with the best cross-validated F-beta (beta 0.5: a
    # false report weighs more than a miss) on those pairs (the fit prints it; set it
    # here after a refit; its curve is flat from 0.45 to 0.75, 0.866 at both, 0.75
    # higher by 0.0004). Until session 66 a rule reported, besides, every pair the model
    # read at contradict_threshold that named a common entity; the decision alone
    # reports fewer and truer: on held-out FNC-1 news 11 contradictions, 7 real, against
    # 27 and 11 (benchmarks/RESULTS.md). 1.0: no model-only contradiction. The same
    # file gives every contradiction its score: the share of contradictions reported
    # on its basis that readers confirmed on news (checker/decision.py); the file's
    # calibration was fitted with this threshold, so refit it after changing it.
    decision: str = setting(str(DEFAULT_DECISION), _text)
    report_threshold: float = setting(0.75, PROBABILITY)
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
    reverse_margin: float = setting(0.6, _number(0, 1))
    # Who stands alone in a fact is counted over the story's sources that give a
    # version's value, not only those a finding set against the other version
    # (checker/facts.py). A candidate pair at least this alike, one of whose claims
    # is a fact's, is read again by the fact's check as though alike enough to be
    # compared, and what it reads adds a source to a version; nothing is reported
    # from it. 0.6: on the ten desk corpora of sessions 55 and 56 (written with
    # their answer keys; this setting was not tuned on them before), 0.75 left the
    # odd one out unnamed where outlets reword a figure ("up 3.4 per cent on a year
    # earlier", "3.4% more than a year before"); 0.6 named it in two more facts,
    # both right, added a right source to a third, and changed nothing else. Lower,
    # sentences of two events of one story ("a separate attack in Kabul") would
    # lend their figures more often. 1.0: only the pairs a check compared and found
    # to agree count.
    voice_similarity: float = setting(0.6, _number(0, 1))
    # Below voice_similarity, down to this, such a pair lends a version its source only where the check reads the
    # two as giving one value alike ("voted 11 to 2 in favour of approval in January" / "voted 11-2 in January
    # that the drug's benefits outweigh its risks", cosine 0.48), never a discrepancy: one value given alike by
    # two sentences of one story is rarely of two things. Chosen on the session 64 pharma desk (development data:
    # the odd one out named in one more fact); the held-out desks of session 65 did not move (benchmarks/RESULTS.md).
    # 1.0: as voice_similarity alone.
    agreeing_voice_similarity: float = setting(0.45, _number(0, 1))

    # Stories. With `stories` on, documents are first grouped into stories (the
    # same event: checker/stories.py) and claims are paired within a story only,
    # since documents about different events cannot contradict each other; off,
    # every document is paired with every other. story_threshold: the average
    # cosine distance of document vectors up to which documents are one story:
    # on FNC-1 train's 191 stories (benchmarks/stories.py), the best B-cubed F1
    # on the tuning half, and 0.932 (precision 0.918, recall 0.947) on the
    # held-out half; see DEFAULT_STORY_THRESHOLD in checker/stories.py.
    stories: bool = setting(True, _flag)
    story_threshold: float = setting(DEFAULT_STORY_THRESHOLD, _number(0, 2))
    # A story's dated documents published more than this many days apart, with
    # nothing published between, are two stories: a town's second fire nine days
    # after its first (the same fire chief, the same hospital) is another event,
    # and so is next week's council vote. 4: a story's reports come in one burst
    # that a weekend does not break (Friday evening to Monday morning is under
    # 3 days). No dated multi-outlet corpus is at hand to tune it on (FNC-1 and
    # MRPC carry no dates), so it is set from how news is published, not fitted.
    # What it costs: a follow-up after more than 4 quiet days is not compared
    # with the first reports. Undated documents join the burst they are closest
    # to; 0 keeps stories whole whatever their dates.
    story_gap_days: float = setting(4.0, _number(0, 36500))

    # Claims sharing a specific quantity ("votes against") are paired down to this
    # cosine: the embedding puts "four countries voted against" at 0.30 from
    # "18 votes against". Each structured check then applies its own floor
    # (documented in checker/checks/).
    key_min_similarity: float = setting(0.2, COSINE)

    # Inputs. A document longer than this many characters is skipped with a
    # warning naming it: spaCy's parser needs about 1 GB of memory per 100,000
    # characters at its default max_length of 1,000,000, and a news article is
    # 2,000-20,000 characters, so anything near the limit is a dump or a
    # mistake, not an article. Files are refused before reading when their
    # size in bytes exceeds 4x this (the most UTF-8 can take per character);
    # a JSONL file is a collection and is read line by line instead.
    max_document_chars: int = setting(1_000_000, COUNT)
    # An article where fewer of its words (of 20 or more) are English function
    # words, and at least this share those of another language (spaCy's stop
    # lists), is not read, with a warning naming it: the models read English, and
    # an article in another language gave no claims and still counted as a
    # source; a round-up of headlines has few function words of any language and
    # is read. 0.1: among the 1,673 FNC-1 bodies every English one has 0.27 or
    # more, the two French ones 0.007 and 0.023 (checker/language.py). An article
    # of any length mostly in letters English does not use (Chinese, Cyrillic) is
    # not read either. 0: read all.
    min_english_share: float = setting(0.1, PROBABILITY)
    # What a folder walk leaves out, as .gitignore patterns relative to the folder
    # given ("drafts/", "*.draft.md", "about.md"): a repository's other pages (its README,
    # CHANGELOG, LICENSE are left out whatever this says: checker/ignores.py).
    # `checker ci`'s corpus is its folder (`.` by default). A file named on the
    # command line is read all the same (checker/ignores.py).
    exclude: tuple[str, ...] = setting((), lambda value: _strings(value, "patterns"))
    # Leave out, in a git work tree, what git ignores (.gitignore at any depth,
    # .git/info/exclude, the global excludes): a site's built pages (Hugo's
    # public/, every story again as HTML) or node_modules, as ruff and black do.
    respect_gitignore: bool = setting(True, _flag)

    # Labels written to reports: contradict, agree, unrelated.
    include: tuple[str, ...] = setting(("contradict",), _names(LABELS, "label"))
    # Finding kinds left out of reports, --fail-on and `checker ci` (the baseline
    # keeps every kind, so reviewers' decisions survive a change of this setting),
    # as ruff's `ignore` leaves out rules. ["nli"] keeps the contradictions a
    # structured check found: on 200 FNC-1 articles 2 of 14 model-only
    # contradictions were real against 2 of 5 number discrepancies, blind-labelled
    # (benchmarks/news_precision.py; 3 of 25 and 0 of 9 on 200 more). Default: every kind, since on a corpus of
    # one story model-only contradictions are the leads a reader wants.
    ignore_kinds: tuple[str, ...] = setting((), lambda value: _names(registry().finding_kinds, "kind")(value))

    # The structured checks' own thresholds, by kind: `[tool.checker.checks.number]`
    # `plain_count_similarity = 0.65`. Each check declares its settings and how
    # their defaults were chosen (checker/checks/<kind>.py).
    checks: dict[str, dict[str, float]] = field(
        default_factory=lambda: registry().defaults(), hash=False, metadata={"rule": _check_settings}
    )  # a dict, left out of the hash: a Config stays hashable

    def __post_init__(self) -> None:
        """Check every setting however the Config was made (file, options, code), so a bad value
        fails before any model loads instead of crashing later or silently switching a check off."""
        problems = []
        for f in fields(self):
            try:
                object.__setattr__(self, f.name, f.metadata["rule"](getattr(self, f.name)))  # as stored: tuple, float
            except ConfigError as exc:
                problems.append(f"{f.name}: {exc}")
        if problems:
            raise ConfigError("; ".join(problems))

    def with_overrides(self, **values: object) -> Config:
        """This Config with the given settings replaced; None leaves a setting as it is (an option not given)."""
        known = {f.name for f in fields(self)}
        unknown = set(values) - known
        retired = sorted(unknown & RETIRED.keys())
        if retired:
            raise ConfigError("; ".join(f"{name}: no longer a setting ({RETIRED[name]})" for name in retired))
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        values = {k: v for k, v in values.items() if v is not None}
        if isinstance(values.get("checks"), dict):  # one check's table leaves the others' settings as they are
            values["checks"] = {**self.checks, **values["checks"]}
        return replace(self, **values)


def _read_toml(path: Path) -> dict:
    from checker.corpus import open_regular  # a FIFO named as settings would wait for a writer forever

    try:
        with open_regular(path) as f:
            return tomllib.load(f)
    except UnicodeDecodeError as exc:  # TOML is UTF-8; tomllib lets the codec's error through
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); TOML files are UTF-8") from exc
    except (OSError, ValueError) as exc:  # TOMLDecodeError and open_regular's InputError are ValueErrors
        raise ConfigError(f"{path}: {exc}") from exc


def _table(data: dict, key: str, path: Path) -> dict:
    """A TOML table, or an error naming the file where the key holds something else (`tool = "checker"`)."""
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [{key}] must be a table, got {value!r}")
    return value


CONFIG_FILE_NAMES = ("checker.toml", "pyproject.toml")  # where settings are looked for, in this order


def find_config_file(start: Path) -> Path | None:
    """checker.toml, or a pyproject.toml with [tool.checker], in start or a parent."""
    for folder in [start, *start.parents]:
        if (folder / CONFIG_FILE_NAMES[0]).is_file():
            return folder / CONFIG_FILE_NAMES[0]
        pyproject = folder / CONFIG_FILE_NAMES[1]
        if _may_hold_settings(pyproject) and "checker" in _table(_read_toml(pyproject), "tool", pyproject):
            return pyproject
    return None


def _may_hold_settings(pyproject: Path) -> bool:
    """Whether a pyproject.toml names checker at all: one that does not is not parsed, so a broken one of another
    project above the corpus (`[project` unclosed) stops no run."""
    try:
        return pyproject.is_file() and b"checker" in pyproject.read_bytes()
    except OSError:
        return False


def input_folders(paths: Sequence[str | Path]) -> list[Path]:
    """Each input's folder: itself for a folder, the folder it is in for a file, a glob or a name not there."""
    return [p if p.is_dir() else p.parent for p in (Path(path).resolve() for path in paths)]


def settings_file(inputs: Sequence[str | Path] = ()) -> Path | None:
    """The settings file a run reads: the nearest above the folder the inputs share (settings kept with a corpus
    apply wherever it is checked from, as black finds its own), else the nearest above the current folder."""
    folders = input_folders(inputs)
    shared = find_config_file(Path(os.path.commonpath(folders))) if folders else None
    return shared or find_config_file(Path.cwd().resolve())


def unread_settings(inputs: Sequence[str | Path], read: Path | None) -> list[Path]:
    """Settings files nearer to some input than the one a run reads: inputs of two folders, each with its own
    settings, share a folder above both, and only one file is read a run."""
    found = {find_config_file(folder) for folder in input_folders(inputs)}
    return sorted(f for f in found if f is not None and f != read)


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Config from an explicit file, else the nearest one above `start` (the folder the inputs share:
    `settings_file`), else the nearest one above the current folder, else defaults."""
    path = path or settings_file([start] if start is not None else [])
    if path is None:
        return Config()
    data = _read_toml(path)
    # pyproject.toml keeps them under [tool.checker]; so may a checker.toml, copied from there
    under_tool = path.name == "pyproject.toml" or set(data) == {"tool"}
    tool = _table(data, "tool", path) if under_tool else {}
    if under_tool and "checker" not in tool:  # "[tool.chekcer]": read as no settings at all, with no word
        others = ", ".join(f"[tool.{k}]" for k in tool)
        raise ConfigError(f"{path}: no [tool.checker] table" + (f" (it has {others})" if others else ""))
    section = _table(tool, "checker", path) if under_tool else data
    values = {k.replace("-", "_"): v for k, v in section.items()}
    if isinstance(values.get("checks"), dict):  # [checks.entity-set] plain-count-similarity = ... as well
        values["checks"] = {
            kind.replace("-", "_"): {k.replace("-", "_"): v for k, v in table.items()}
            if isinstance(table, dict)
            else table
            for kind, table in values["checks"].items()
        }
    if isinstance(values.get("model"), str) and not Path(values["model"]).is_absolute():
        candidate = path.parent / values["model"]  # a folder here, else a hub name
        values["model"] = str(candidate) if candidate.exists() else values["model"]
    if isinstance(values.get("decision"), str) and not Path(values["decision"]).is_absolute():
        values["decision"] = str(path.parent / values["decision"])
    try:
        return Config().with_overrides(**values)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
