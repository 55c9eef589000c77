"""The local engine parses in a forked child while it loads the models: the same claims, nothing lost."""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import time

import pytest

from checker import engines
from checker.checks import registry
from checker.config import Config
from checker.corpus import load_corpus
from checker.engines import LocalEngine
from checker.index import claim_to_json
from checker.nli import HFNLIModel
from checker.pipeline import Checker
from tests.conftest import SEEDS, SHIPPED_MODEL


class Backends:
    """The engine's backends with the loading observed: spaCy from the session, the models a flag."""

    def __init__(self, nlp) -> None:
        self.config = Config()
        self.checks = registry().configured()
        self._nlp = nlp
        self.loaded_models = False
        self.parsed_here = 0  # documents this process parsed (the child counts in its own copy)

    @property
    def nlp(self):
        self.parsed_here += 1
        return self._nlp

    def can_load_aside(self) -> bool:
        return True

    def load_aside(self) -> None:
        self.loaded_models = True


def seeds():
    return load_corpus([str(SEEDS)]).documents


def claims_by_document(engine: LocalEngine, documents) -> list:
    found = dict(engine.claims(documents))
    return [(c, c.annotations) for position in range(len(documents)) for c in found[position]]


def test_a_cold_checker_parses_aside_and_gets_the_claims_parsed_here(nlp):
    documents = seeds()
    cold = Checker(Config(model=str(SHIPPED_MODEL)))
    aside = claims_by_document(cold.engine, documents)
    assert cold._nlp is None, "spaCy was loaded in this process, not in the child"
    assert cold._embedder is not None and cold._nli is not None, "the models were not loaded meanwhile"
    here = claims_by_document(Checker(Config(model=str(SHIPPED_MODEL)), nlp=nlp).engine, documents)
    assert len(here) > 50 and aside == here


def test_a_child_forked_before_torch_parses_without_it_and_gets_the_same_claims(tmp_path):
    """In a fresh process (this one has torch loaded), the child's spaCy runs without torch; the claims are
    those spaCy gives with torch loaded."""
    script = f"""
import json, sys
from checker import engines
from checker.config import Config
from checker.corpus import load_corpus
from checker.index import claim_to_json
from checker.pipeline import Checker

parse = engines.extract_claims
def noting_torch(*args):
    with open({str(tmp_path / "torch")!r}, "a") as seen:
        seen.write(type(sys.modules.get("torch", 0)).__name__ + " ")
    return parse(*args)

engines.extract_claims = noting_torch
documents = load_corpus([{str(SEEDS)!r}]).documents
assert "torch" not in sys.modules
checker = Checker(Config(model={str(SHIPPED_MODEL)!r}))
aside = dict(checker.engine.claims(documents))
engines.extract_claims = parse
assert checker._nlp is None and "torch" in sys.modules
checker.nlp  # spaCy loaded here, with torch: the documents are parsed in this process
here = dict(checker.engine.claims(documents))
print(json.dumps([[claim_to_json(c) for c in aside[i]] == [claim_to_json(c) for c in here[i]] for i in here]))
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == [True] * len(seeds())
    assert set((tmp_path / "torch").read_text().split()) == {"NoneType"}, "the child imported torch"


def test_documents_a_dead_child_did_not_send_are_parsed_here(nlp, monkeypatch):
    documents = seeds()
    backends = Backends(nlp)

    def dies_after_one(self, documents, taken, receiver, sender):
        position = engines._take(taken)
        sender.send((position, [claim_to_json(c) for c in self._claims_of(documents[position])]))
        engines._take(taken)  # takes a second document and dies with it
        os._exit(1)  # as a child killed by the kernel: no goodbye

    monkeypatch.setattr(LocalEngine, "_send_claims", dies_after_one)
    aside = claims_by_document(LocalEngine(backends), documents)
    assert backends.loaded_models
    monkeypatch.setattr(Backends, "can_load_aside", lambda self: False)
    assert aside == claims_by_document(LocalEngine(backends), documents)


def broken_in_the_child(nlp, error: Exception) -> Backends:
    """Backends whose parser raises `error` in the forked child only: an error seen here came from there."""
    parent = os.getpid()

    class BrokenInTheChild(Backends):
        @property
        def nlp(self):
            if os.getpid() != parent:
                raise error
            return super().nlp

    return BrokenInTheChild(nlp)


def test_an_error_in_the_child_is_raised_here(nlp):
    with pytest.raises(ValueError, match="^no parser in the child$"):
        list(LocalEngine(broken_in_the_child(nlp, ValueError("no parser in the child"))).claims(seeds()))


class Unreadable(Exception):
    """Pickles (it is at module level), but cannot be built again from its args."""

    def __init__(self, document, reason):
        super().__init__(f"{document}: {reason}")


def test_an_error_that_cannot_be_read_back_is_still_raised_here(nlp):
    with pytest.raises(RuntimeError, match="^Unreadable: a.txt: no parser$"):
        list(LocalEngine(broken_in_the_child(nlp, Unreadable("a.txt", "no parser"))).claims(seeds()))


def test_with_the_models_loaded_both_processes_parse_and_every_document_comes_once(nlp, monkeypatch):
    monkeypatch.setattr(engines, "PARSE_HERE_FROM", 0)  # the parent parses too, from the first document
    documents = seeds() * 4
    backends = Backends(nlp)
    positions = [position for position, _ in LocalEngine(backends).claims(documents)]
    assert sorted(positions) == list(range(len(documents)))
    assert backends.parsed_here > 0


def test_a_checker_whose_parser_is_given_parses_here(nlp):
    checker = Checker(Config(model=str(SHIPPED_MODEL)), nlp=nlp)
    assert not checker.can_load_aside()
    list(checker.engine.claims(seeds()[:1]))
    assert checker._embedder is None and checker._nli is None, "nothing to overlap, so nothing loaded early"


def test_the_child_goes_on_parsing_while_the_models_load(nlp, monkeypatch):
    counters, taken = [], []

    class SlowToLoad(Backends):
        def load_aside(self) -> None:
            time.sleep(6)  # a model slower to load than spaCy (a cold disk, a larger model)
            taken.append(counters[0].value)  # documents the child has taken meanwhile

    fork = multiprocessing.get_context("fork")
    shared_value = type(fork).Value

    def noted(self, *args, **kwargs):
        counters.append(shared_value(self, *args, **kwargs))
        return counters[-1]

    monkeypatch.setattr(type(fork), "Value", noted)
    documents = seeds() * 4
    assert len(dict(LocalEngine(SlowToLoad(nlp)).claims(documents))) == len(documents)
    assert taken[0] >= 8, "the child waited on a full pipe while the embedder loaded"


def test_gone_stays_gone_for_the_next_reader():
    arrived = queue.SimpleQueue()
    arrived.put((0, []))
    arrived.put(None)
    done: set[int] = set()
    assert list(engines._arrived(arrived, done, wait=False)) == [(0, [])]
    signal.alarm(10)  # a lost end-of-messages would wait forever
    try:
        assert list(engines._arrived(arrived, done, wait=True)) == []
    finally:
        signal.alarm(0)


def test_stopping_early_leaves_no_child_behind(nlp):
    claims = LocalEngine(Backends(nlp)).claims(seeds() * 4)
    next(claims)
    claims.close()
    assert multiprocessing.active_children() == []


def test_a_daemonic_process_parses_in_itself():
    answers = multiprocessing.get_context("fork").SimpleQueue()
    worker = multiprocessing.get_context("fork").Process(target=lambda: answers.put(engines._can_fork()), daemon=True)
    worker.start()
    worker.join()
    assert engines._can_fork() and answers.get() is False


@pytest.mark.parametrize("least, compiled", [(1, True), (10**9, False), (0, False)])
def test_a_run_of_enough_nli_inputs_compiles_the_model_first(nlp, corpus, monkeypatch, least, compiled):
    """`nli_compile_min_inputs`: compiling takes about 20 s and pays for long runs only; 0 never compiles."""
    calls = []
    monkeypatch.setattr(HFNLIModel, "compile", lambda model: calls.append(model) or True)
    result = Checker(Config(model=str(SHIPPED_MODEL), nli_compile_min_inputs=least), nlp=nlp).check([str(corpus)])
    assert result.computed["verdicts"] > 0
    assert bool(calls) == compiled


def test_a_rerun_with_every_verdict_in_the_index_loads_no_model(nlp, corpus, tmp_path):
    from checker.index import Index

    config = Config(model=str(SHIPPED_MODEL))
    with Index(tmp_path / "index.sqlite") as index:
        first = Checker(config, nlp=nlp, index=index).check([str(corpus)])
        again = Checker(config, nlp=nlp, index=index)
        result = again.check([str(corpus)])
    assert first.computed["verdicts"] > 0 and result.computed["verdicts"] == 0
    assert again._nli is None and again._embedder is None
    assert [f.id for f in result.findings] == [f.id for f in first.findings]
