"""The Ray engine gives the report the local engine gives: same findings, same lines, same order.

A local Ray instance of 2 CPUs stands in for a cluster. The tests that need
Ray are skipped where it is not installed (`pip install 'checker[ray]'`).
"""

from __future__ import annotations

import os

import pytest

from checker.config import Config
from checker.engines import NLIWorker, RayEngine
from checker.pipeline import Checker, CheckResult
from tests.conftest import ROOT, SEEDS, SHIPPED_MODEL

NEWS = ROOT.parent / "shared" / "data" / "news" / "fnc1_train_bodies.jsonl"  # as benchmarks/shared_data.py
LABELS = ["contradict", "agree", "unrelated"]
CONFIG = Config(model=str(SHIPPED_MODEL))
# Ray Data sets its own deprecated context fields when it copies the context; nothing checker can change.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")


@pytest.fixture(scope="module")
def ray_cluster():
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'checker[ray]'")
    ray.init(address="local", num_cpus=2, include_dashboard=False, logging_level="WARNING")
    yield
    ray.shutdown()


def ray_checker() -> Checker:
    checker = Checker(CONFIG.with_overrides(engine="ray"))
    assert isinstance(checker.engine, RayEngine)
    return checker


def assert_same(local: CheckResult, on_ray: CheckResult) -> None:
    """The same findings and report lines; probabilities (and scores read off them) to within 0.002.

    The model runs in bf16 where the CPU has it, and a batch of other shapes (the pairs one Ray
    actor gets, a batch redone after a worker died, only what the index lacks) can move a
    probability in its fourth decimal.
    """
    assert [f.id for f in on_ray.findings] == [f.id for f in local.findings]
    assert_close(on_ray.records(LABELS), local.records(LABELS))


def assert_close(got, expected, where: str = "records") -> None:
    if isinstance(expected, float) and isinstance(got, float):
        assert abs(got - expected) <= 0.002, f"{where}: {got} != {expected}"
    elif isinstance(expected, dict) and isinstance(got, dict):
        assert got.keys() == expected.keys(), where
        for key in expected:
            assert_close(got[key], expected[key], f"{where}.{key}")
    elif isinstance(expected, list) and isinstance(got, list):
        assert len(got) == len(expected), where
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            assert_close(g, e, f"{where}[{i}]")
    else:
        assert got == expected, f"{where}: {got!r} != {expected!r}"


def test_seeds_on_ray_give_the_local_findings_and_report_lines(ray_cluster, nlp):
    local = Checker(CONFIG, nlp=nlp).check([str(SEEDS)])
    on_ray = ray_checker().check([str(SEEDS)])
    assert local.findings
    assert_same(local, on_ray)
    assert [c.annotations for c in on_ray.claims] == [c.annotations for c in local.claims]


def test_fifty_news_articles_on_ray_give_the_local_findings(ray_cluster, nlp, tmp_path):
    if not NEWS.exists():
        pytest.skip(f"no shared news corpus at {NEWS}")
    with NEWS.open(encoding="utf-8") as lines:
        articles = [next(lines) for _ in range(50)]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(articles), encoding="utf-8")
    local = Checker(CONFIG, nlp=nlp).check([str(corpus)])
    on_ray = ray_checker().check([str(corpus)])
    assert len(local.corpus.documents) == 50
    assert [f.id for f in on_ray.findings] == [f.id for f in local.findings]


def test_a_worker_killed_mid_run_loses_no_findings(ray_cluster, nlp, corpus, tmp_path):
    flag = tmp_path / "kill-the-first-nli-worker"
    flag.touch()

    class NLIWorkerThatDiesOnce(NLIWorker):
        """Exits its process on the first batch any worker gets: Ray must restart it and redo the batch."""

        def __call__(self, batch):
            if flag.exists():
                flag.unlink()
                os._exit(1)
            return super().__call__(batch)

    checker = ray_checker()
    checker.engine.nli_worker = NLIWorkerThatDiesOnce
    on_ray = checker.check([str(corpus)])
    assert not flag.exists(), "no worker died: the test tested nothing"
    local = Checker(CONFIG, nlp=nlp).check([str(corpus)])
    assert any(f.label == "contradict" for f in local.findings)
    assert_same(local, on_ray)


def test_only_what_the_index_lacks_goes_to_ray(ray_cluster, nlp, corpus, tmp_path):
    from checker.index import Index

    with Index(tmp_path / "index.sqlite") as index:
        Checker(CONFIG, nlp=nlp, index=index).check([str(corpus)])
        (corpus / "c.txt").write_text("The assembly met again on Friday. Ten countries abstained, officials said.\n")
        on_ray = Checker(CONFIG.with_overrides(engine="ray"), index=index).check([str(corpus)])
    local = Checker(CONFIG, nlp=nlp).check([str(corpus)])
    assert on_ray.computed["documents_parsed"] == 1
    assert 0 < on_ray.computed["embeddings"] < len(on_ray.claims)
    assert_same(local, on_ray)


def test_import_checker_does_not_import_ray():
    import subprocess
    import sys

    code = "import sys, checker, checker.pipeline, checker.engines; print('ray' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert shown.stdout.strip() == "False"


def test_the_cli_says_how_to_install_ray_when_it_is_missing(corpus, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from checker import cli

    monkeypatch.setattr(cli, "ray_installed", lambda: False)
    result = CliRunner().invoke(cli.app, ["run", str(corpus), "--engine", "ray", "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 2
    assert "pip install 'checker[ray]'" in result.output


@pytest.mark.parametrize("cpus, compile_first", [(2, True), (4, False)])
def test_a_ray_actor_compiles_where_its_share_of_the_pass_repays_it(monkeypatch, cpus, compile_first):
    """80 NLI inputs, compiled from 30 an actor: two actors get 40 each and compile, four get 20 and do not.

    Only the NLI actors are asked to; no chunks, and nothing is asked of the cluster.
    """
    engine = RayEngine(CONFIG.with_overrides(nli_compile_min_inputs=30))
    asked, built = [], []
    monkeypatch.setattr(engine, "_actors", lambda rows, batch_size: asked.append(rows) or min(cpus, rows))
    monkeypatch.setattr(engine, "_map", lambda *args: built.append(args) or iter(()))
    assert list(engine.nli_probabilities([])) == [] and not asked
    list(engine.nli_probabilities([[("a", "b")] * 10] * 8))
    list(engine.embeddings([["a"]]))
    (nli_worker, _, _, options, actors), embedding = built
    assert (nli_worker, options, actors) == (NLIWorker, {"compile_first": compile_first}, cpus)
    assert embedding[0] is engine.embedding_worker and len(embedding) == 3  # no options


def test_a_node_with_other_checker_code_refuses_the_run(ray_cluster, corpus):
    """(a data team) A worker node left on an older checker annotated claims its own way: the report differed
    from a local run's, with nothing said."""
    from checker.engines import ClaimWorker, RayClusterError

    class ClaimWorkerOfAnotherVersion(ClaimWorker):
        def __init__(self, config, code):
            super().__init__(config, "0000000000000000")

    checker = ray_checker()
    checker.engine.claim_worker = ClaimWorkerOfAnotherVersion
    with pytest.raises(RayClusterError, match="install the same checker on every node"):
        checker.check([str(corpus)])


@pytest.mark.parametrize(
    "address, message",
    [
        ("notanaddress", "expected HOST:PORT"),
        ("127.0.0.1:1", "no Ray cluster answers at 127.0.0.1:1"),
    ],
)
def test_a_cluster_address_that_is_none_or_answers_nothing_is_one_error_line(corpus, tmp_path, address, message):
    """(a data team) A malformed address was an "internal error"; one where nothing listens made checker wait
    without end, as Ray retries it."""
    import subprocess
    import sys

    pytest.importorskip("ray", reason="Ray is not installed: pip install 'checker[ray]'")
    args = ["run", str(corpus), "--engine", "ray", "--ray-address", address, "-o", str(tmp_path / "r.jsonl")]
    code = "import sys; from checker.cli import main; sys.argv[1:] = " + repr(args) + "; main()"
    # a process of its own: Ray, once joined, is the process's cluster whatever address comes next
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    lines = [line for line in result.stderr.splitlines() if line.startswith("checker: error:")]
    assert result.returncode == 2 and len(lines) == 1 and message in lines[0], result.stderr
    assert not (tmp_path / "r.jsonl").exists()


def test_a_cluster_lost_mid_run_ends_it_with_the_reason(monkeypatch):
    """(a data team) With the head stopped mid-run, Ray ended checker a minute later with exit code 1, which CI
    reads as contradictions found, and no line of checker's. Here the head is a socket that closes."""
    import signal
    import socket
    import time

    from checker import engines
    from checker.engines import RayClusterError

    monkeypatch.setattr(engines, "WATCH_SECONDS", 0.2)
    monkeypatch.setattr(engines, "LOST_AFTER", 2)
    head = socket.create_server(("127.0.0.1", 0))
    before = signal.getsignal(signal.SIGINT)
    watch = engines._watching(f"127.0.0.1:{head.getsockname()[1]}", "lost the Ray cluster at the test's head")
    with pytest.raises(RayClusterError, match="lost the Ray cluster"), watch:
        time.sleep(1)  # answering: nothing happens
        head.close()  # the head stops
        time.sleep(20)
    assert signal.getsignal(signal.SIGINT) is before  # a reader's Ctrl-C does what it did before


def test_a_model_folder_named_from_here_reaches_the_workers_whole_and_their_failure_is_one_line(tmp_path, monkeypatch):
    """(Ray audit) `--model mymodel` on a cluster: each worker looked for it in a folder of Ray's own, and the run
    ended in an "internal error" of 2,000 characters after 89 lines of Ray's traceback."""
    from checker.engines import _worker_failure

    (tmp_path / "mymodel").mkdir()
    monkeypatch.chdir(tmp_path)
    assert RayEngine(CONFIG.with_overrides(model="mymodel")).config.model == str(tmp_path / "mymodel")
    assert RayEngine(CONFIG.with_overrides(model="org/hub-name")).config.model == "org/hub-name"  # no folder here
    ray_said = (
        "ray.exceptions.ActorDiedError: The actor died because of an error raised in its creation task\n"
        '  File "checker/engines.py", line 354, in __init__\n'
        "checker.nli.ModelError: NLI model '/srv/m' is not a local directory; pass a model directory"
    )
    assert _worker_failure(RuntimeError(ray_said)) == (
        "a Ray worker failed (ModelError: NLI model '/srv/m' is not a local directory; pass a model directory); "
        "its log is in Ray's session folder on its node"
    )


def test_a_ray_address_for_the_local_engine_is_said_to_go_unused(corpus, tmp_path, monkeypatch):
    """(Ray audit) `--ray-address` without `--engine ray` ran locally, with nothing said."""
    from typer.testing import CliRunner

    from checker import cli

    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.setattr(cli, "_check", lambda *args: (_ for _ in ()).throw(SystemExit(0)))  # no model work needed
    result = CliRunner().invoke(
        cli.app, ["run", str(corpus), "--ray-address", "10.0.0.1:6379", "-o", str(tmp_path / "r")]
    )
    assert "checker: warning: --ray-address 10.0.0.1:6379 is for --engine ray; this run uses the local engine" in (
        result.stderr
    )
    assert "RAY_ADDRESS" not in os.environ


def test_an_address_where_something_else_listens_is_one_error_line_not_a_wait():
    """(Ray audit) `--ray-address HOST:8766` where a web server listens: Ray retried it without end."""
    import http.server
    import threading

    from checker.engines import RayClusterError, _answers

    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(RayClusterError, match="something listens at 127.0.0.1:.*, but no Ray cluster"):
            _answers(f"127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()


def test_checker_baseline_takes_the_engine_as_run_and_ci_do(corpus, tmp_path, monkeypatch):
    """(Ray audit) `checker baseline corpus/ --engine ray`: "No such option: --engine"."""
    from typer.testing import CliRunner

    from checker import cli

    monkeypatch.setattr(cli, "ray_installed", lambda: False)  # the engine reached the settings: Ray is asked for
    args = ["baseline", str(corpus), "--engine", "ray", "--baseline", str(tmp_path / "b.json")]
    result = CliRunner().invoke(cli.app, args)
    assert result.exit_code == 2 and "pip install 'checker[ray]'" in result.output
