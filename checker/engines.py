"""Where the heavy per-item stages run: in this process, or on a Ray cluster.

Three stages cost nearly all of a run's time and need no other item to do
their work: claims of a document (spaCy), embeddings of texts (MiniLM) and NLI
probabilities of text pairs. An engine runs exactly these; pairing, stories,
verdicts and facts stay in the driver, so both engines give the same report.

An engine answers `(position, result)` for each input, in any order: a Ray
cluster finishes items out of order, and the caller places each result by its
position, showing progress as results arrive.

`RayEngine` imports Ray only when it first has work: `import checker` and a
rerun answered from the index never load it.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import pickle
import queue
import re
import signal
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import Any, Protocol, TextIO

import numpy as np

from checker.checks import Check, registry
from checker.claims import extract_claims, load_nlp
from checker.config import Config
from checker.index import claim_from_json, claim_to_json, code_version
from checker.interrupts import end_on_sigterm, sigterm_handler_kept, sigterm_held
from checker.nli import HFNLIModel, NLIBackend
from checker.pairing import SentenceEmbedder
from checker.records import Claim, Document, Span

Text = str
TextPair = tuple[str, str]
DOCUMENTS_PER_BATCH = 8  # claims: documents parsed by one call of a worker
# The parent parses too, once its model is loaded, while more documents than this are left. Loading
# spaCy here costs about what the child parses 13 news articles in (2.5 s at 0.19 s each; RESULTS.md),
# so with fewer left the child alone finishes first; 50 is that break-even with room for articles
# longer than the average (not tuned further: a 200-article run gains 40% either way).
PARSE_HERE_FROM = 50


class Engine(Protocol):
    """Runs the per-item stages; each yields `(position, result)` for every input, in any order."""

    def claims(self, documents: Sequence[Document]) -> Iterator[tuple[int, list[Claim]]]: ...

    def embeddings(self, chunks: Sequence[Sequence[Text]]) -> Iterator[tuple[int, np.ndarray]]: ...

    def nli_probabilities(self, chunks: Sequence[Sequence[TextPair]]) -> Iterator[tuple[int, np.ndarray]]: ...


class Backends(Protocol):
    """The loaded-on-first-use models a local engine runs (a `Checker` has them)."""

    config: Config
    checks: tuple[Check, ...]

    @property
    def nlp(self) -> Any: ...

    @property
    def embedder(self) -> SentenceEmbedder: ...

    @property
    def nli(self) -> NLIBackend: ...

    def can_load_aside(self) -> bool:
        """Whether spaCy and the embedder are both still to load: then loading one can overlap the other."""
        ...

    def load_aside(self) -> None:
        """Load now what the stages after claims need (the embedder, with it torch, the NLI model)."""
        ...


class LocalEngine:
    """Every stage on this machine, one item after another, each model loaded when first needed.

    Where nothing is loaded yet (a cold run, or `checker ci` with a new
    article), the documents are parsed in a forked child process while this
    one loads the models: spaCy's import and load (about 1.2 s, torch left
    out) and torch's import and the models' load (about 2 s) are each one
    core's work, and run side by side on two. Then both parse what is left.
    On Linux only: elsewhere forking a process with threads running is not
    safe.
    """

    def __init__(self, backends: Backends) -> None:
        self.backends = backends

    def claims(self, documents: Sequence[Document]) -> Iterator[tuple[int, list[Claim]]]:
        if documents and self.backends.can_load_aside() and _can_fork():
            yield from self._claims_aside(documents)
            return
        for position, document in enumerate(documents):
            yield position, self._claims_of(document)

    def _claims_of(self, document: Document) -> list[Claim]:
        return extract_claims([document], self.backends.nlp, self.backends.checks)

    def _claims_aside(self, documents: Sequence[Document]) -> Iterator[tuple[int, list[Claim]]]:
        """Claims parsed by a forked child while this process loads the models, then by both.

        Each takes the next document from one shared counter, so a large
        corpus is parsed on two cores (the parent only while more than
        `PARSE_HERE_FROM` are left). A thread here reads what the child sends
        as it comes, so the child never waits on a full pipe. Should the child
        die, the documents it took and did not send are parsed here; an error
        it met is raised here, as it would have been in this process.
        """
        fork = multiprocessing.get_context("fork")
        taken = fork.Value("q", 0)
        receiver, sender = fork.Pipe(duplex=False)
        child = fork.Process(target=self._send_claims, args=(documents, taken, receiver, sender), daemon=True)
        try:
            with sigterm_held():
                child.start()
        finally:
            sender.close()
        arrived: queue.SimpleQueue = queue.SimpleQueue()
        reader = threading.Thread(target=_read_all, args=(receiver, arrived), daemon=True)
        reader.start()
        done: set[int] = set()
        finished = False
        try:
            self.backends.load_aside()
            while len(documents) - taken.value > PARSE_HERE_FROM and (position := _take(taken)) < len(documents):
                yield from _arrived(arrived, done, wait=False)
                done.add(position)
                yield position, self._claims_of(documents[position])
            yield from _arrived(arrived, done, wait=True)
            for position, document in enumerate(documents):
                if position not in done:
                    yield position, self._claims_of(document)
            finished = True
        finally:
            if not finished:  # this process failed, was interrupted or stopped early: the child's work is not wanted
                child.kill()
            child.join()
            reader.join()
            receiver.close()

    def _send_claims(
        self, documents: Sequence[Document], taken: Synchronized, receiver: Connection, sender: Connection
    ) -> None:
        """The child's work: the claims of each document it takes, as the index stores them, or the error it met.

        It closes its copy of the pipe's reading end, so that should the parent be gone, its next send
        fails and it stops. What it prints (a parser's warning) goes to the terminal through streams of
        its own: a progress display in the parent may hold the locks of the inherited ones, and its
        thread was not forked.
        """
        receiver.close()
        _without_torch()
        sys.stdout, sys.stderr = _own_stream(sys.__stdout__, 1), _own_stream(sys.__stderr__, 2)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it ends this child
        end_on_sigterm()
        with sender:
            while (position := _take(taken)) < len(documents):
                try:
                    found: list[dict] | Exception = [claim_to_json(c) for c in self._claims_of(documents[position])]
                except Exception as exc:  # raised again in the parent, whatever it is
                    found = _picklable(exc)
                try:
                    sender.send((position, found))
                except OSError:  # the parent is gone
                    return
                if isinstance(found, Exception):
                    return

    def embeddings(self, chunks: Sequence[Sequence[Text]]) -> Iterator[tuple[int, np.ndarray]]:
        for position, texts in enumerate(chunks):
            yield position, self.backends.embedder.encode(texts)

    def nli_probabilities(self, chunks: Sequence[Sequence[TextPair]]) -> Iterator[tuple[int, np.ndarray]]:
        if not chunks:  # every verdict in the index: the model is not loaded
            return
        config, nli = self.backends.config, self.backends.nli
        if isinstance(nli, HFNLIModel) and worth_compiling(sum(map(len, chunks)), config):
            nli.compile()
        for position, pairs in enumerate(chunks):
            yield position, nli.predict(pairs, batch_size=config.batch_size)


def worth_compiling(inputs: int, config: Config) -> bool:
    """Whether one model's share of an NLI pass's inputs repays compiling it (`nli_compile_min_inputs`).

    A pass: the first direction of every pair, or the reverses; each is judged on its own.
    """
    return 0 < config.nli_compile_min_inputs <= inputs


def _take(counter: Synchronized) -> int:
    """The next position of a counter two processes share."""
    with counter.get_lock():
        position = counter.value
        counter.value = position + 1
    return position


def _can_fork() -> bool:
    """Linux, where forking a process with threads is safe, and not inside a daemonic process (a Pool's
    worker), which may not have children."""
    return sys.platform == "linux" and not multiprocessing.current_process().daemon


def _without_torch() -> None:
    """Make `import torch` fail in this process, where torch is not imported yet: a parsing child's.

    spaCy's thinc imports torch wherever it is installed (1.3 s of the child's
    2.5 s to load spaCy), though the shipped pipeline (en_core_web_sm) runs on
    numpy; a child that only parses then reaches the documents a second sooner.
    A `None` in `sys.modules` is how Python is told a module is not there.
    """
    sys.modules.setdefault("torch", None)  # type: ignore[arg-type]


def _own_stream(inherited: TextIO | None, fd: int) -> TextIO:
    """A new stream on `fd`, encoded as the inherited one was: its locks are new, the inherited ones may be held."""
    encoding, errors = (inherited.encoding, inherited.errors) if inherited else ("utf-8", "backslashreplace")
    return open(fd, "w", buffering=1, encoding=encoding, errors=errors, closefd=False)  # noqa: SIM115 (lives as long as the child)


def _read_all(receiver: Connection, arrived: queue.SimpleQueue) -> None:
    """Every message the child sends, as it comes; then None, once it is gone (done, dead, or unreadable)."""
    while True:
        try:
            arrived.put(receiver.recv())
        except (EOFError, OSError):  # done or dead (OSError: dead in the middle of a message)
            arrived.put(None)
            return
        except Exception as exc:  # a message that cannot be read: what is left is parsed here
            warnings.warn(
                f"checker: claims parsed aside could not be read back ({exc}); parsing the rest here", stacklevel=1
            )
            arrived.put(None)
            return


def _arrived(arrived: queue.SimpleQueue, done: set[int], wait: bool) -> Iterator[tuple[int, list[Claim]]]:
    """The claims the child has sent (with `wait`, until it is gone); its error raised here."""
    while True:
        try:
            message = arrived.get() if wait else arrived.get_nowait()
        except queue.Empty:
            return
        if message is None:
            arrived.put(None)  # gone stays gone for the next caller
            return
        position, found = message
        if isinstance(found, BaseException):
            raise found
        done.add(position)
        yield position, [claim_from_json(c) for c in found]


def _picklable(exc: Exception) -> Exception:
    """`exc` itself where it can cross a pipe and be read back, else a RuntimeError that says what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def document_to_json(document: Document) -> str:
    return json.dumps(asdict(document))


def document_from_json(text: str) -> Document:
    data = json.loads(text)
    return Document(
        **{
            **data,
            "kept": tuple(Span(**span) for span in data["kept"]),
            "source_offsets": tuple(tuple(pair) for pair in data["source_offsets"]),
            "source_ends": tuple(tuple(pair) for pair in data["source_ends"]),
            "source_lines": tuple(data["source_lines"]),
        }
    )


def vectors_to_bytes(vectors: np.ndarray) -> bytes:
    """float32 rows as raw bytes: exact, and a tenth of their JSON."""
    return np.ascontiguousarray(vectors, dtype=np.float32).tobytes()


def vectors_from_bytes(data: bytes, rows: int) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float32).reshape(rows, -1)


NOT_THIS_CHECKER = "is not the checker that started the run"  # a worker's refusal, as the driver finds it
# "checker.nli.ModelError: NLI model '...' is not ...", as a worker's error stands in Ray's message
WORKER_ERROR = re.compile(r"(?:[\w.]+\.)?([A-Z]\w*(?:Error|Exception)): (.+)")


class Worker:
    """What every stage's actor does first: refuse to work where this node's checker is not the checker that
    started the run. Claims annotated by other code are other claims, and the report would differ from a local
    run's with nothing said (a node left on an older checker)."""

    def __init__(self, code: str) -> None:
        if code != code_version():
            raise RayClusterError(
                f"checker on this Ray node (code {code_version()}) {NOT_THIS_CHECKER} (code {code}): install the"
                " same checker on every node"
            )


class ClaimWorker(Worker):
    """A Ray actor's claim extraction: spaCy loaded once per actor; claims shipped as the index stores them."""

    def __init__(self, config: Config, code: str) -> None:
        super().__init__(code)
        self.checks = registry().configured(config.checks)
        self.nlp = load_nlp(config.max_document_chars)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        found = [
            json.dumps([claim_to_json(c) for c in extract_claims([document_from_json(d)], self.nlp, self.checks)])
            for d in batch["document"]
        ]
        return {"position": batch["position"], "result": np.array(found, dtype=object)}


class EmbeddingWorker(Worker):
    """A Ray actor's sentence encoder, loaded once; one input row is one chunk of texts, as the local engine's."""

    def __init__(self, config: Config, code: str) -> None:
        super().__init__(code)
        self.embedder = SentenceEmbedder()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        vectors = [vectors_to_bytes(self.embedder.encode(json.loads(chunk))) for chunk in batch["chunk"]]
        return {"position": batch["position"], "result": np.array(vectors, dtype=object)}


class NLIWorker(Worker):
    """A Ray actor's NLI model, loaded once; one input row is one chunk of text pairs, as the local engine's."""

    def __init__(self, config: Config, code: str, compile_first: bool = False) -> None:
        super().__init__(code)
        self.model = HFNLIModel(config.model, config.allow_download, config.precision)
        self.batch_size = config.batch_size
        if compile_first:  # where it fails, the ModelWarning goes to Ray's worker log, and the actor runs uncompiled
            self.model.compile()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        probabilities = [
            vectors_to_bytes(self.model.predict([tuple(p) for p in json.loads(chunk)], batch_size=self.batch_size))
            for chunk in batch["chunk"]
        ]
        return {"position": batch["position"], "result": np.array(probabilities, dtype=object)}


class RayEngine:
    """Each stage as a Ray Data `map_batches` over a pool of actors, each loading its model once.

    Chunks of texts travel whole, one per row, so every model call sees the
    same inputs as in the local engine and the probabilities come out the same.
    A worker that dies (a killed process, a lost node) is restarted and its
    batch redone: Ray Data's own default for actor pools, so no item is lost.
    Connects to the cluster at `address` (`ray start --head` gives it), else
    starts a local Ray instance with `num_cpus` (default: every CPU).
    """

    # The actor class of each stage: a subclass can wrap one (tests kill a worker mid-run).
    claim_worker: type = ClaimWorker
    embedding_worker: type = EmbeddingWorker
    nli_worker: type = NLIWorker

    def __init__(self, config: Config, address: str | None = None, num_cpus: int | None = None) -> None:
        # a model folder named relative to here: a worker runs in a folder of Ray's own
        if Path(config.model).is_dir():
            config = config.with_overrides(model=str(Path(config.model).resolve()))
        self.config = config
        self.address = address
        self.num_cpus = num_cpus

    def claims(self, documents: Sequence[Document]) -> Iterator[tuple[int, list[Claim]]]:
        rows = [{"position": i, "document": document_to_json(d)} for i, d in enumerate(documents)]
        for position, found in self._map(self.claim_worker, rows, DOCUMENTS_PER_BATCH):
            yield position, [claim_from_json(c) for c in json.loads(found)]

    def embeddings(self, chunks: Sequence[Sequence[Text]]) -> Iterator[tuple[int, np.ndarray]]:
        rows = [{"position": i, "chunk": json.dumps(list(texts))} for i, texts in enumerate(chunks)]
        for position, vectors in self._map(self.embedding_worker, rows, 1):
            yield position, vectors_from_bytes(vectors, len(chunks[position]))

    def nli_probabilities(self, chunks: Sequence[Sequence[TextPair]]) -> Iterator[tuple[int, np.ndarray]]:
        if not chunks:
            return
        rows = [{"position": i, "chunk": json.dumps([list(p) for p in pairs])} for i, pairs in enumerate(chunks)]
        actors = self._actors(len(rows), 1)
        options = {"compile_first": worth_compiling(sum(map(len, chunks)) // actors, self.config)}
        for position, probabilities in self._map(self.nli_worker, rows, 1, options, actors):
            yield position, vectors_from_bytes(probabilities, len(chunks[position]))

    def _actors(self, rows: int, batch_size: int) -> int:
        """How many actors a stage of `rows` rows gets: one per CPU of the cluster, at most one per batch."""
        import ray

        self._connect()
        return max(1, min(int(ray.cluster_resources().get("CPU", 1)), -(-rows // batch_size)))

    def _map(
        self, worker: type, rows: list[dict], batch_size: int, options: dict | None = None, actors: int = 0
    ) -> Iterator[tuple[int, Any]]:
        """`(position, result)` of every row through a pool of `actors` `worker` actors (0: `_actors`'s count).

        Each actor is built with the config and `options`; nothing starts for no rows.
        """
        if not rows:
            return
        import ray

        actors = actors or self._actors(len(rows), batch_size)
        results = ray.data.from_items(rows).map_batches(
            worker,
            fn_constructor_kwargs={"config": self.config, "code": code_version(), **(options or {})},
            batch_size=batch_size,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
        )
        # the address given is the one this machine reaches (a ray:// client's server, through a forwarded port);
        # the cluster's own address only where checker started or found it
        watched = self.address if self.address not in (None, "auto", "local") else ray.get_runtime_context().gcs_address
        lost = (
            f"lost the Ray cluster at {self.address or 'this machine'} mid-run (its head stopped, or the network"
            " failed); no report was written"
        )
        with _watching(watched, lost):
            try:
                for row in results.iter_rows():
                    yield int(row["position"]), row["result"]
            except ray.exceptions.RayError as exc:
                refused = next((line for line in str(exc).splitlines() if NOT_THIS_CHECKER in line), "")
                if refused:
                    raise RayClusterError(refused.split("RayClusterError: ")[-1]) from None
                raise RayClusterError(_worker_failure(exc)) from exc

    def _connect(self) -> None:
        """Join the cluster once per process, Ray Data's progress bars and logs off: checker shows its own, and
        the workers' lines stay in Ray's logs (a report piped from stdout gets none of them).

        A cluster that does not answer is one error line, not a wait without end: Ray retries an address where
        nothing listens for as long as it runs.
        """
        import ray

        if not ray.is_initialized():
            if self.address:
                _answers(self.address)
            with sigterm_handler_kept():
                try:
                    if self.address:
                        ray.init(address=self.address, logging_level="WARNING", log_to_driver=False)
                    else:
                        ray.init(  # "local": an instance of its own, not a cluster `ray start` left running
                            address="local",
                            num_cpus=self.num_cpus,
                            include_dashboard=False,
                            logging_level="WARNING",
                            log_to_driver=False,
                        )
                except (ConnectionError, ValueError) as exc:
                    raise RayClusterError(_not_joined(self.address, exc)) from exc
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # errors still reach the caller as exceptions


def _worker_failure(exc: Exception) -> str:
    """One line for a stage whose Ray workers failed: the error a worker raised where Ray's message holds one (a
    model folder this node does not have), else the kind of failure."""
    raised = [m for line in str(exc).splitlines() if (m := WORKER_ERROR.match(line.strip()))]
    cause = next((f"{m[1]}: {m[2]}" for m in raised if not m[1].startswith(("Ray", "Actor", "Task"))), "")
    return f"a Ray worker failed ({cause or type(exc).__name__}); its log is in Ray's session folder on its node"


class RayClusterError(RuntimeError):
    """The Ray cluster cannot be used: no cluster at the address, or one lost mid-run; the message says which."""


ADDRESS_HELP = "expected HOST:PORT (the address `ray start --head` prints), ray://HOST:PORT or auto"
CONNECT_SECONDS = 10  # how long a cluster's address may take to answer
# Ray ends a driver whose cluster has not answered for 60 s (`gcs_rpc_server_reconnect_timeout_s`) with exit
# code 1; checker says why first. Ten checks two seconds apart (each waits a second at most) take 20-30 s:
# a head that is back within them (Ray's fault-tolerant GCS) keeps the run.
WATCH_SECONDS, LOST_AFTER = 2.0, 10


def _host_port(address: str) -> tuple[str, int] | None:
    """The host and port of a cluster address, None for "auto" and "local"; RayClusterError where it is none."""
    if address in {"auto", "local"}:
        return None
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not (port.isascii() and port.isdigit()) or not 0 < int(port) < 65536:
        raise RayClusterError(f"--ray-address (or RAY_ADDRESS) {address!r}: {ADDRESS_HELP}")
    return host, int(port)


def _answers(address: str) -> None:
    """RayClusterError unless a gRPC server, as a Ray head is, listens at the cluster's address.

    Ray retries an address without end where something else listens (a web server, the dashboard's port 8265),
    so the port is asked first: a gRPC server answers HTTP/2's opening with a SETTINGS frame. With TLS on
    (RAY_USE_TLS) the opening is another, and only that something listens is checked.
    """
    import socket

    where = _host_port(address)
    if where is None:
        return
    try:
        with socket.create_connection(where, timeout=CONNECT_SECONDS) as connection:
            if os.environ.get("RAY_USE_TLS", "0").lower() in ("0", "false", ""):
                speaks = _answers_http2(connection)
            else:
                speaks = True
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise RayClusterError(
            f"no Ray cluster answers at {address} ({reason}): start one with `ray start --head`, or give the"
            " address it printed"
        ) from exc
    if not speaks:
        raise RayClusterError(
            f"something listens at {address}, but no Ray cluster: give the address `ray start --head` printed"
            " (port 6379 unless set otherwise; 8265 is the dashboard's)"
        )


HTTP2_OPENING = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes(3) + b"\x04" + bytes(5)  # the preface, empty SETTINGS


def _answers_http2(connection) -> bool:
    """Whether the server at the other end of `connection` answers HTTP/2's opening with a SETTINGS frame."""
    connection.sendall(HTTP2_OPENING)
    head = b""
    while len(head) < 4:
        try:
            received = connection.recv(9 - len(head))
        except TimeoutError:
            return False
        if not received:
            return False
        head += received
    return head[3] == 0x04  # a frame's type, after its 3-byte length


def _not_joined(address: str | None, exc: Exception) -> str:
    """Why Ray could not be joined, in one line, with what to do where it is known."""
    if isinstance(exc, ValueError):
        return f"--ray-address (or RAY_ADDRESS) {address!r}: {ADDRESS_HELP} ({exc})"
    hint = ""
    if address and "RAY_AUTH_MODE" not in os.environ:
        hint = (
            "; a cluster started with token authentication needs RAY_AUTH_MODE=token (and its token) set here too,"
            " as `ray start --address` does"
        )
    return f"could not join the Ray cluster at {address or 'this machine'}: {exc}{hint}"


def _interrupt_the_run() -> None:
    """SIGINT to the main thread, which waits on Ray: a signal wakes a wait that a flag alone would not."""
    signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)


class _watching:
    """While a stage runs, checks that the cluster still answers at `address` (HOST:PORT); where it stops
    answering, ends the run with a RayClusterError saying `message`, instead of Ray ending the process a minute
    later with exit code 1, which CI reads as contradictions found.

    The main thread waits on Ray where a flag would not wake it, so the watch sends it SIGINT; for the time of
    the stage a handler of its own turns that SIGINT into the error (another SIGINT, a reader's Ctrl-C, does what
    it did before). Off the main thread (checker called from a program's worker thread) nothing is watched.
    """

    def __init__(self, address: str, message: str) -> None:
        self.where = _host_port(address)
        self.message = message
        self.lost, self.done, self.lock = threading.Event(), threading.Event(), threading.Lock()
        self.previous: Any = None

    def __enter__(self) -> _watching:
        if self.where is not None and threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._on_sigint)
            threading.Thread(target=self._watch, daemon=True, name="checker-ray-watch").start()
        return self

    def __exit__(self, *exc_info) -> None:
        with self.lock:  # no SIGINT from the watch after this
            self.done.set()
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def _on_sigint(self, signum, frame) -> None:
        if self.lost.is_set():
            raise RayClusterError(self.message)
        if self.previous is signal.SIG_IGN:
            return
        if callable(self.previous):
            self.previous(signum, frame)
            return
        raise KeyboardInterrupt

    def _watch(self) -> None:
        import socket

        failures = 0
        while not self.done.wait(WATCH_SECONDS):
            try:
                socket.create_connection(self.where, timeout=WATCH_SECONDS / 2).close()
                failures = 0
            except OSError:
                failures += 1
            if failures >= LOST_AFTER:
                with self.lock:
                    if not self.done.is_set():
                        self.lost.set()
                        _interrupt_the_run()
                return


def engine_for(config: Config, backends: Backends) -> Engine:
    """The engine `config.engine` names; Ray's cluster address comes from RAY_ADDRESS (`--ray-address`)."""
    if config.engine == "ray":
        return RayEngine(config, address=os.environ.get("RAY_ADDRESS"))
    return LocalEngine(backends)
