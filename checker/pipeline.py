"""The only place that knows the order of the stages.

    paths → corpus → claims → candidate pairs → NLI + checks → verdicts → findings

`Checker` holds the loaded backends (spaCy, the embedder, the NLI model), so a
notebook or CI job loads them once and checks many corpora. Each is loaded the
first time work needs it: a rerun whose claims, embeddings, stories and
verdicts are all in the index imports no torch, spaCy or scikit-learn and
loads no model.

The heavy per-item work (claims, embeddings, NLI) runs on the Checker's
engine (checker/engines.py): in this process, or on a Ray cluster with
`engine = "ray"`; everything else stays here, so the report is the same.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from checker.checks import Check, model_inputs, registry, run_checks
from checker.checks.base import Explainer, Readings
from checker.claims import load_nlp
from checker.config import Config, load_config, settings_file
from checker.corpus import Corpus, load_corpus, path_list
from checker.decision import Decision
from checker.engines import Engine, engine_for
from checker.facts import Fact, group_facts
from checker.ignores import Ignores
from checker.nli import HFNLIModel, NLIBackend, check_model, model_name, weights_hash, weights_stamp
from checker.pairing import PairingStats, SentenceEmbedder, pair_candidates
from checker.records import CandidatePair, Claim, Document, Finding, NLIScores, content_hash
from checker.report import finding_record, sort_findings
from checker.sources import Provenance, provenance
from checker.stories import Story, group_stories, story_ids
from checker.verdicts import Thresholds, collapse_repeats, decide, needs_reverse

Progress = Callable[[str, int, int], None]


NLI_CHUNK = 256  # inputs per model call: progress updates without hurting batching
EMBEDDING_WIDTH = 384  # all-MiniLM-L6-v2


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass
class CheckResult:
    corpus: Corpus
    claims: list[Claim]
    findings: list[Finding]
    pairing: PairingStats
    seconds: dict[str, float] = field(default_factory=dict)
    computed: dict[str, int] = field(default_factory=dict)  # work not read from the index
    nli_directions: int = 0  # premise→hypothesis inputs read, at most two per candidate pair
    stories: list[Story] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # the contradictions, grouped by what they are about
    # the run's settings of what a report holds (`include`, `ignore_kinds`): what selected, records and summary
    # leave out unless told otherwise, so a notebook's report is the command line's
    include: tuple[str, ...] = ("contradict",)
    ignore_kinds: tuple[str, ...] = ()

    def selected(
        self, include: Iterable[str] | None = None, ignore_kinds: Iterable[str] | None = None
    ) -> list[Finding]:
        """The claim pairs of the labels in `include` (each pair, not each fact: `facts` groups the contradictions)."""
        wanted, ignored = self._wanted(include, ignore_kinds)
        return [f for f in self.findings if f.label in wanted and f.kind not in ignored]

    def _wanted(self, include: Iterable[str] | None, ignore_kinds: Iterable[str] | None) -> tuple[set[str], set[str]]:
        """The labels and the ignored kinds asked for, else the run's, each checked as settings are ("agree" is
        one label, not five letters; "agreed" is an error, not an empty report)."""
        given = {"include": include, "ignore_kinds": ignore_kinds}
        asked = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in given.items() if v is not None}
        checked = Config(include=self.include, ignore_kinds=self.ignore_kinds).with_overrides(**asked)
        return set(checked.include), set(checked.ignore_kinds)

    def records(
        self,
        include: Iterable[str] | None = None,
        ignore_kinds: Iterable[str] | None = None,
        focus: Collection[str] = (),
    ) -> list[dict[str, Any]]:
        """Report lines: one a fact for contradictions (highest score first, then by id), one a pair for the other
        labels. A fact stands by a pair with a document of `focus` where it has one (`Fact.representative`)."""
        documents = {d.id: d for d in self.corpus.documents}
        story_of = {doc: story for story in self.stories for doc in story.documents}
        wanted, ignored = self._wanted(include, ignore_kinds)
        lines = []
        if "contradict" in wanted:
            for fact in self.facts:
                if fact.kind not in ignored:
                    lines.append(
                        finding_record(
                            fact.representative(focus), documents, story_of.get(fact.findings[0].pair.a.doc_id), fact
                        )
                    )
        for finding in self.selected(wanted - {"contradict"}, ignored):
            lines.append(finding_record(finding, documents, story_of.get(finding.pair.a.doc_id)))
        return lines

    def summary(self, ignore_kinds: Iterable[str] | None = None) -> dict[str, Any]:
        """Counts of the run; findings of ignored kinds are counted apart, as the report leaves them out."""
        _, ignored = self._wanted(None, ignore_kinds)
        kept = [f for f in self.findings if f.kind not in ignored]
        by_label = Counter(f.label for f in kept)
        facts = [fact for fact in self.facts if fact.kind not in ignored]
        disputed = Counter(fact.story for fact in facts)  # contradictions reported, by story
        by_sources = Counter(
            " ~ ".join(sorted((f.pair.a.doc_id, f.pair.b.doc_id))) for f in kept if f.label == "contradict"
        )
        return {
            "documents": len(self.corpus.documents),
            "skipped": [
                {"path": s.path, "reason": s.reason, "inputs": s.inputs, "on_purpose": s.on_purpose}
                for s in self.corpus.skipped
            ],
            "warnings": list(self.corpus.warnings),
            "claims": len(self.claims),
            "candidate_pairs": self.pairing.candidates,
            "cross_document_pairs": self.pairing.cross_document_pairs,
            "nli_directions": self.nli_directions,
            "findings": {"contradict": len(facts), "agree": by_label["agree"], "unrelated": by_label["unrelated"]},
            "contradicting_pairs": by_label["contradict"],
            "stories": [
                {"id": s.id, "label": s.label, "documents": list(s.documents), "facts": disputed[s.id]}
                for s in self.stories
            ],
            "ignored_findings": len(self.findings) - len(kept),
            "contradictions_by_source_pair": dict(sorted(by_sources.items())),
            "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
            "computed": self.computed,
        }


class Checker:
    """Runs the stages with backends loaded once; any backend can be passed in (tests, GPUs)."""

    def __init__(
        self,
        config: Config | None = None,
        nli: NLIBackend | None = None,
        embedder=None,
        nlp=None,
        index=None,
        engine: Engine | None = None,
    ):
        self.config = config or Config()
        self.thresholds = Thresholds(
            self.config.contradict_threshold,
            self.config.agree_threshold,
            self.config.report_threshold,
        )
        self.checks: tuple[Check, ...] = registry().configured(self.config.checks)
        self.decision = Decision.load(self.config.decision)
        self._nli, self._embedder, self._nlp = nli, embedder, nlp
        self._model_hash: str | None = None
        self.index = index  # an open checker.index.Index, or None to compute everything
        self.work: Counter = Counter()  # what was computed (not read from the index) in the last check
        self.engine = engine or engine_for(self.config, self)  # local: runs on this Checker's backends
        self._running = threading.Lock()  # one check at a time: its counts and its index are the Checker's own
        self._running_in: int | None = None  # the thread of the check running

    @property
    def nli(self) -> NLIBackend:
        if self._nli is None:
            self._nli = HFNLIModel(self.config.model, self.config.allow_download, self.config.precision)
        return self._nli

    @property
    def model_name(self) -> str:
        return self.nli.name if self._nli is not None else model_name(self.config.model)

    @property
    def model_hash(self) -> str:
        """The NLI model's weights hash, which keys its cached verdicts, without loading it where it can.

        A local model folder's hash is its weight files' (as `HFNLIModel.hash`),
        kept in the index by their stamp; a hub model's is known once it is loaded.
        """
        if self._nli is not None:
            return self._nli.hash
        if self._model_hash is None:
            folder = Path(self.config.model)
            if not folder.is_dir():
                return self.nli.hash
            if self.index is None:
                self._model_hash = weights_hash(folder)
            else:
                self._model_hash = self.index.file_hash(weights_stamp(folder), lambda: weights_hash(folder))
        return self._model_hash

    @property
    def embedder(self) -> SentenceEmbedder:
        if self._embedder is None:
            self._embedder = SentenceEmbedder()
        return self._embedder

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp(self.config.max_document_chars)
        return self._nlp

    def can_load_aside(self) -> bool:
        return self._nlp is None and self._embedder is None

    def load_aside(self) -> None:
        """The embedder, the NLI model and the stories' scikit-learn, loaded while a child parses the documents.

        A cold run otherwise waited for each after parsing (about 0.5, 0.3 and
        1 s); loaded here, they overlap spaCy's load and parse on the other core.
        """
        self.embedder  # noqa: B018 (the property loads it)
        self.nli  # noqa: B018
        import sklearn.feature_extraction.text  # noqa: F401 (what group_stories imports first)

    def check(
        self, corpus: Corpus | str | os.PathLike | Sequence[str | os.PathLike], progress: Progress | None = None
    ) -> CheckResult:
        """Check a corpus (or the paths of one). A call from another thread waits for the check running: a
        service's threads sharing a Checker mixed the counts of their runs, and its index is open in one thread."""
        if self._running_in == threading.get_ident():  # a progress callback's check would mix into this one's
            raise RuntimeError("Checker.check called again from inside a check (a progress callback?)")
        with self._running:
            self._running_in = threading.get_ident()
            try:
                return self._check(corpus, progress)
            finally:
                self._running_in = None

    def _check(
        self, corpus: Corpus | str | os.PathLike | Sequence[str | os.PathLike], progress: Progress | None
    ) -> CheckResult:
        progress = progress or _no_progress
        seconds: dict[str, float] = {}
        clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            seconds[stage] = now - clock
            clock = now

        if not isinstance(corpus, Corpus):
            ignores = Ignores(self.config.exclude, self.config.respect_gitignore)
            corpus = load_corpus(corpus, self.config.max_document_chars, (), ignores, self.config.min_english_share)
        self.work = Counter()
        if self._nli is None:  # fail on a missing model before the slow stages, loading nothing
            check_model(self.config.model, self.config.allow_download)
        lap("load")
        claims = self.extract_claims(corpus.documents, progress)
        lap("claims")
        sources = provenance(corpus.documents)
        stories, pairs, stats = self.pair_claims(corpus.documents, claims, sources, progress)
        story_of = story_ids(stories)
        lap("pairing")
        scores, readings = self.score_pairs(pairs, progress)
        lap("nli")
        explainers = {c.kind: e for c in self.checks if (e := c.explainer(claims)) is not None}
        findings = self.decide_pairs(pairs, scores, explainers, readings)
        lap("verdicts")
        computed = {k: self.work[k] for k in ("documents_parsed", "embeddings", "verdicts")}
        findings = sort_findings(collapse_repeats(findings))
        directions = sum(len(s.directions()) for s in scores)
        facts = group_facts(
            findings,
            story_of,
            self.checks,
            sources,
            self.config.voice_similarity,
            self.config.agreeing_voice_similarity,
        )
        return CheckResult(
            corpus,
            claims,
            findings,
            stats,
            seconds,
            computed,
            directions,
            stories,
            facts,
            self.config.include,
            self.config.ignore_kinds,
        )

    def pair_claims(
        self,
        documents: Sequence[Document],
        claims: Sequence[Claim],
        sources: Mapping[str, Provenance],
        progress: Progress = _no_progress,
    ) -> tuple[list[Story], list[CandidatePair], PairingStats]:
        """The stories and the candidate pairs of the claims, from their embeddings.

        The embeddings are needed by no later stage, and are let go here: a
        claim's takes 1.5 KB, 0.27 GiB at 10,000 articles (issue #18).
        """
        embeddings = self.embed([c.standalone for c in claims], progress)
        stories = self.group_stories(documents, claims, embeddings) if self.config.stories else []
        story_of = story_ids(stories)
        pairs, stats = pair_candidates(
            claims,
            embeddings,
            self.config.top_k,
            self.config.min_similarity,
            self.config.entity_bonus,
            keys=[set().union(*(check.pairing_keys(c) for check in self.checks)) for c in claims],
            key_min_similarity=self.config.key_min_similarity,
            stories=[story_of.get(c.doc_id, "") for c in claims],
            approximate_from=self.config.approximate_pairing_from,
            sources=[sources[c.doc_id].copy_of or c.doc_id for c in claims],
        )
        return stories, pairs, stats

    def extract_claims(self, documents: Sequence[Document], progress: Progress = _no_progress) -> list[Claim]:
        """Claims of every document, from the index where the document is unchanged."""
        cached = self.index.cached_claims(documents) if self.index else {}
        first: dict[tuple[str, str], Document] = {}  # a reprint's claims are those of the first with its text
        for doc in documents:
            if doc.id not in cached:
                first.setdefault((doc.text, doc.published), doc)
        missing = list(first.values())
        if missing:
            for done, (position, claims) in enumerate(self.engine.claims(missing), start=1):
                cached[missing[position].id] = claims
                progress("claims", done, len(missing))
            if self.index:
                self.index.store_claims({doc: cached[doc.id] for doc in missing})
        for doc in documents:
            if doc.id not in cached:
                cached[doc.id] = [replace(c, doc_id=doc.id) for c in cached[first[doc.text, doc.published].id]]
        self.work["documents_parsed"] += len(missing)
        return [c for doc in documents for c in cached[doc.id]]

    def group_stories(
        self, documents: Sequence[Document], claims: Sequence[Claim], embeddings: np.ndarray
    ) -> list[Story]:
        """Stories of the documents, from the index where the corpus is the one last grouped.

        Grouping needs scikit-learn, a second's import: an unchanged corpus reads its stories back instead.
        """
        settings = (self.config.story_threshold, self.config.story_gap_days)
        if self.index is None:
            return group_stories(documents, claims, embeddings, *settings)
        key = self.index.corpus_key(documents, settings)
        stories = self.index.cached_stories(key)
        if stories is None:
            stories = group_stories(documents, claims, embeddings, *settings)
            self.index.store_stories(key, stories)
        return stories

    def embed(self, texts: Sequence[str], progress: Progress = _no_progress) -> np.ndarray:
        keys = [content_hash("minilm-l6", t) for t in texts]
        return self._cached("embeddings", keys, texts, EMBEDDING_WIDTH, self.engine.embeddings, progress)

    def _cached(
        self,
        table: str,
        keys: Sequence[str],
        inputs: Sequence,
        width: int,
        compute: Callable[[list[list]], Iterable[tuple[int, np.ndarray]]],
        progress: Progress,
    ) -> np.ndarray:
        """Rows for `inputs`: from the index where known, computed by the engine in chunks (and stored) where not.

        Only the inputs the index lacks go to the engine, each distinct key once
        (outlets reprint wire copy word for word: 7% of the sentences of the
        FNC-1 bodies stand in another body too), in chunks of NLI_CHUNK, whose
        rows `compute` answers by chunk position, in any order.
        """
        known = self.index.cached_vectors(table, keys, width) if self.index else {}
        result = np.zeros((len(inputs), width), dtype=np.float32)
        first: dict[str, int] = {}  # each key the index lacks -> its first position
        for i, key in enumerate(keys):
            if key in known:
                result[i] = known[key]
            else:
                first.setdefault(key, i)
        todo = list(first.values())
        chunks = [todo[start : start + NLI_CHUNK] for start in range(0, len(todo), NLI_CHUNK)]
        done = 0
        if todo:  # the stage is shown while the engine gets ready (a model loads, or compiles for 13-22 s)
            progress(table, done, len(todo))
        for position, rows in compute([[inputs[i] for i in chunk] for chunk in chunks]):
            result[chunks[position]] = rows
            done += len(chunks[position])
            progress(table, done, len(todo))
        if self.index and todo:
            self.index.store_vectors(table, {key: result[i] for key, i in first.items()})
        source = np.fromiter((first.get(key, i) for i, key in enumerate(keys)), dtype=np.int64, count=len(keys))
        repeats = np.flatnonzero(source != np.arange(len(keys)))
        result[repeats] = result[source[repeats]]
        self.work[table] += len(todo)
        return result

    def score_pairs(self, pairs: Sequence[CandidatePair], progress: Progress) -> tuple[list[NLIScores], Readings]:
        """The longer claim as premise first, the reverse where it could change the verdict; and the model's reading
        of what the checks ask of the pairs (`Check.model_inputs`: a disputed claim against the other side).

        Known text pairs come from the index. Far from both thresholds the
        reverse direction does not change the verdict, and on news most
        candidate pairs are there: this cuts the NLI work by about a quarter.
        The checks' texts, few (only claims with such a frame ask), are read
        with the first directions: one pass, on Ray one pool of workers.
        """
        ordered = [(p.a.standalone, p.b.standalone) if p.a_first else (p.b.standalone, p.a.standalone) for p in pairs]
        asked = model_inputs(pairs, self.checks)
        probabilities = self.text_probabilities(ordered + asked, progress)
        first, readings = probabilities[: len(ordered)], dict(zip(asked, probabilities[len(ordered) :], strict=True))
        reverse = [
            i for i, probs in enumerate(first) if needs_reverse(probs, self.thresholds, self.config.reverse_margin)
        ]
        # the same words both sides (a reprint): the reverse is the very input already scored
        same = {i for i in reverse if ordered[i][0] == ordered[i][1]}
        to_score = [i for i in reverse if i not in same]
        second = dict(
            zip(to_score, self.text_probabilities([ordered[i][::-1] for i in to_score], progress), strict=True)
        )
        second.update((i, first[i]) for i in same)
        scores = [NLIScores.in_pair_order(pair, first[i], second.get(i)) for i, pair in enumerate(pairs)]
        return scores, readings

    def text_probabilities(self, inputs: Sequence[tuple[str, str]], progress: Progress) -> list[tuple[float, ...]]:
        """Probabilities of (premise, hypothesis) texts; from the index where known."""
        if not inputs:
            return []
        model = self.model_hash
        keys = [content_hash(model, premise, hypothesis) for premise, hypothesis in inputs]
        probs = self._cached("verdicts", keys, inputs, 3, self.engine.nli_probabilities, progress)
        rows = probs.tolist()  # Python floats, made in one call
        for i, row in enumerate(rows):
            rows[i] = tuple(row)  # each list freed as its tuple takes its place: a large corpus reads a million
        return rows

    def decide_pairs(
        self,
        pairs: Sequence[CandidatePair],
        scores: Sequence[NLIScores],
        explainers: dict[str, Explainer],
        readings: Readings,
    ) -> list[Finding]:
        """Verdicts; a structured discrepancy that the rest of the two documents explains is dropped."""
        findings = []
        kinds = [check.kind for check in self.checks]
        model, model_hash = self.model_name, self.model_hash  # each a stat of the model's folder: once, not per pair
        for pair, score in zip(pairs, scores, strict=True):
            evidence = [
                e
                for e in run_checks(pair, self.checks, readings)
                if not (e.contradicts and e.kind in explainers and explainers[e.kind].explains(e, pair.a, pair.b))
            ]
            findings.append(decide(pair, score, evidence, self.thresholds, self.decision, kinds, model, model_hash))
        return findings


def check(
    paths: str | os.PathLike | Sequence[str | os.PathLike],
    config: Config | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Check a corpus with the default backends: the one-call API for notebooks. Without `config`, the settings
    `checker run` reads for these paths: those kept with the corpus (`checker.toml`, `[tool.checker]`), else the
    working folder's, else the defaults."""
    paths = path_list(paths)
    return Checker(config or load_config(settings_file(paths))).check(paths, progress)
