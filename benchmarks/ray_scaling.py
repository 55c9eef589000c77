"""The Ray engine against the local one, a simulated cluster of 1, 2, 4 workers, and a plan for a million articles a day.

The corpus: N FNC-1 bodies (../shared/data) from body --skip on (default
1000: past the bodies the rules were written and checked on, 0-399, and the
planted-edit benchmarks' 800 on; where fewer than N follow it, the start moves
back so that N fit, and the table says which bodies were read). Every
run is its own `python -m checker.cli run CORPUS -o OUT --summary S -q`
process, with no index, so nothing is cached:

1. Local engine against Ray engine on the same --cpus CPUs (default 2): the
   local engine's torch threads, or a Ray instance of that many CPUs that this
   script starts (`ray.cluster_utils.Cluster`, its start-up not counted) and
   the run joins with `--engine ray --ray-address`. Where this machine has
   more CPUs than --cpus, both runs (and the Ray instance) are pinned to the
   first --cpus of them. Wall seconds; peak memory, as the largest sum of the
   resident sets of a process tree sampled every 0.2 s from /proc (psutil is
   not installed): the checker process's tree, and the Ray instance's
   processes (raylet, GCS, workers), which are not in it; whether both reports
   hold the same finding ids (the JSONL `id` fields). Overhead = Ray / local - 1.
2. A cluster simulated on this machine: a head node of --head-cpus CPUs
   (default 0: it holds the driver and Ray's own services, no model work) and
   --workers worker nodes of one CPU each (default 1 2 4). Articles a second,
   and peak memory per worker node: the largest sum of the resident sets of
   the Ray worker processes under that node's raylet (the actors that load
   spaCy, MiniLM and the NLI model), and the largest single worker process.
   Resident sets count shared pages (libraries, the object store) in every
   process that maps them, so sums overstate what the processes need together.
3. Per-article costs from the local run's summary (claims, embeddings, NLI
   pairs, stage seconds) and its CPU seconds (user + system, os.wait4), and a
   written plan for 1,000,000 articles a day from them: cores needed, what
   dominates, the caveats.

Prints the tables and the plan, and appends them to benchmarks/RESULTS.md
under "Ray engine scaling".

    python benchmarks/ray_scaling.py [--articles 200] [--skip 1000] [--cpus 2] [--head-cpus 0]
                                     [--workers [1 2 4 ...]] [--no-append]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import publish  # noqa: E402
from shared_data import news_articles, write_news_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ("-m", "checker.cli")  # run by this Python
PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024
SAMPLE_SECONDS = 0.2
ARTICLES_PER_DAY = 1_000_000
DAY = 86_400

Snapshot = dict[int, tuple[int, int]]  # pid -> (parent pid, resident bytes)


# --- memory of process trees, read from /proc ---------------------------------------------------


def snapshot() -> Snapshot:
    """Parent and resident bytes of every process running now (those gone while read are left out)."""
    table: Snapshot = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2 :].split()  # after "pid (comm) "; comm may hold spaces
        table[int(entry.name)] = (int(fields[1]), int(fields[21]) * PAGE)
    return table


def tree(snap: Snapshot, root: int) -> set[int]:
    """`root` and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in snap.items():
        children.setdefault(parent, []).append(pid)
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in snap and pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return found


def is_ray_worker(pid: int) -> bool:
    """A Ray worker process (`ray::IDLE`, `ray::MapWorker(...)`, or still `default_worker.py`), not an agent."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            command = f.read()
    except OSError:
        return False
    return command.startswith(b"ray::") or b"default_worker.py" in command


def ray_workers(snap: Snapshot, raylet: int) -> set[int]:
    return {pid for pid in tree(snap, raylet) - {raylet} if is_ray_worker(pid)}


class PeakMemory(threading.Thread):
    """Samples groups of processes until stopped: each group's largest summed resident set, and its largest process."""

    def __init__(self, groups: Callable[[Snapshot], dict[str, set[int]]]) -> None:
        super().__init__(daemon=True)
        self.groups = groups
        self.total: dict[str, int] = {}
        self.largest: dict[str, int] = {}
        self.done = threading.Event()

    def sample(self) -> None:
        snap = snapshot()
        for name, pids in self.groups(snap).items():
            sizes = [snap[p][1] for p in pids if p in snap]
            self.total[name] = max(self.total.get(name, 0), sum(sizes))
            self.largest[name] = max(self.largest.get(name, 0), max(sizes, default=0))

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            self.sample()

    def stop(self) -> None:
        self.done.set()
        self.join()


# --- Ray clusters on this machine ----------------------------------------------------------------


@dataclass
class RayCluster:
    """A `ray.cluster_utils.Cluster`: its address, the raylet of each node, how long it took to start."""

    cluster: object
    address: str
    head_raylet: int
    worker_raylets: list[int]
    start_seconds: float

    def groups(self, snap: Snapshot, checker: int) -> dict[str, set[int]]:
        """The checker process's tree, every Ray process (this script's other descendants), each node's workers."""
        mine = tree(snap, checker)
        groups = {"checker": mine, "ray": tree(snap, os.getpid()) - mine - {os.getpid()}}
        groups["head workers"] = ray_workers(snap, self.head_raylet)
        for i, raylet in enumerate(self.worker_raylets):
            groups[f"node {i}"] = ray_workers(snap, raylet)
        groups["all workers"] = set().union(*(groups[f"node {i}"] for i in range(len(self.worker_raylets))))
        return groups

    def shutdown(self) -> None:
        self.cluster.shutdown()


def start_cluster(head_cpus: int, workers: int) -> RayCluster:
    """A head of `head_cpus` CPUs and `workers` nodes of one CPU, all on this machine, every node joined."""
    from ray._private import ray_constants
    from ray.cluster_utils import Cluster

    def raylet(node) -> int:
        return node.all_processes[ray_constants.PROCESS_TYPE_RAYLET][0].process.pid

    started = time.perf_counter()
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": head_cpus, "include_dashboard": False})
    nodes = [cluster.add_node(num_cpus=1) for _ in range(workers)]
    cluster.wait_for_nodes()
    seconds = time.perf_counter() - started
    return RayCluster(cluster, cluster.address, raylet(cluster.head_node), [raylet(n) for n in nodes], seconds)


# --- checker runs --------------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float  # user + system seconds of the checker process and its waited-for children (not Ray's workers)
    summary: dict
    ids: list[str]
    total: dict[str, int] = field(default_factory=dict)  # bytes, largest sum per group
    largest: dict[str, int] = field(default_factory=dict)  # bytes, largest single process per group

    @property
    def stage_seconds(self) -> float:
        return sum(v for k, v in self.summary["seconds"].items() if k != "load")


def run_checker(corpus: Path, work: Path, name: str, cluster: RayCluster | None) -> Run:
    """One `checker run` of the corpus, on the cluster when one is given; its wall time, memory, summary and ids."""
    report, summary, log = work / f"{name}.jsonl", work / f"{name}-summary.json", work / f"{name}.log"
    command = [sys.executable, *CHECKER, "run", str(corpus), "-o", str(report), "--summary", str(summary), "-q"]
    if cluster:
        command += ["--engine", "ray", "--ray-address", cluster.address]
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    with log.open("w") as output:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        if cluster:
            sampler = PeakMemory(lambda snap: cluster.groups(snap, proc.pid))
        else:
            sampler = PeakMemory(lambda snap: {"checker": tree(snap, proc.pid)})
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{log.read_text()[-3000:]}")
    ids = [json.loads(line)["id"] for line in report.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Run(
        wall,
        usage.ru_utime + usage.ru_stime,
        json.loads(summary.read_text(encoding="utf-8")),
        ids,
        sampler.total,
        sampler.largest,
    )


def pinned(cpus: int) -> set[int] | None:
    """Pin this process (and so what it starts) to its first `cpus` CPUs; the CPUs it had, or None if it had no more."""
    allowed = os.sched_getaffinity(0)
    if len(allowed) <= cpus:
        return None
    os.sched_setaffinity(0, sorted(allowed)[:cpus])
    return allowed


def local_vs_ray(corpus: Path, work: Path, cpus: int) -> tuple[Run, Run, float]:
    """The local engine and a Ray instance of `cpus` CPUs, on the same CPUs; also the instance's start-up seconds."""
    before = pinned(cpus)
    try:
        local = run_checker(corpus, work, "local", None)
        cluster = start_cluster(cpus, 0)
        try:
            ray = run_checker(corpus, work, "ray", cluster)
        finally:
            cluster.shutdown()
    finally:
        if before:
            os.sched_setaffinity(0, before)
    return local, ray, cluster.start_seconds


def scaling(corpus: Path, work: Path, head_cpus: int, counts: Iterable[int]) -> list[tuple[int, Run, RayCluster]]:
    rows = []
    for workers in counts:
        cluster = start_cluster(head_cpus, workers)
        try:
            rows.append((workers, run_checker(corpus, work, f"cluster-{workers}", cluster), cluster))
        finally:
            cluster.shutdown()
    return rows


# --- tables and the plan -------------------------------------------------------------------------


def mib(value: float) -> str:
    return f"{value / MIB:,.0f}"


def worker_nodes(count: int) -> str:
    return f"{count} worker node{'s' if count != 1 else ''}"


def same(run: Run, local: Run) -> str:
    if run.ids == local.ids:
        return "yes"
    return f"no: {len(run.ids)} vs {len(local.ids)} findings, {len(set(run.ids) ^ set(local.ids))} in one report only"


def engines_table(n: int, local: Run, ray: Run, start: float, cpus: int) -> str:
    overhead = ray.wall / local.wall - 1
    lines = [
        f"Local engine against Ray engine on the same {cpus} CPUs:",
        "",
        "| engine | wall s | articles/s | checker's timed stages s | peak MiB, checker process tree "
        "| peak MiB, Ray processes | same finding ids as local |",
        "|---|---|---|---|---|---|---|",
        f"| local ({cpus} CPUs for torch) | {local.wall:.1f} | {n / local.wall:.2f} | {local.stage_seconds:.1f} "
        f"| {mib(local.total['checker'])} | - | {len(local.ids)} findings |",
        f"| ray (local instance, {cpus} CPUs) | {ray.wall:.1f} | {n / ray.wall:.2f} | {ray.stage_seconds:.1f} "
        f"| {mib(ray.total['checker'])} | {mib(ray.total['ray'])} | {same(ray, local)} |",
        "",
        f"Ray overhead (Ray wall / local wall - 1): {overhead:+.0%}, "
        f"{'within' if overhead <= 0.20 else 'over'} the 20% target. The Ray instance took {start:.1f} s to start, "
        "not counted (a cluster is started once, not per run); the Ray run's wall time includes joining it, "
        "starting an actor pool per stage and each actor loading its model. Peak MiB is the largest sum of "
        f"resident sets seen (sampled every {SAMPLE_SECONDS} s); Ray's processes are not in the checker process's tree.",
    ]
    return "\n".join(lines)


def scaling_table(n: int, rows: list[tuple[int, Run, RayCluster]], local: Run, head_cpus: int) -> str:
    if not rows:
        return "No simulated cluster this time (`--workers` named none)."
    base = n / rows[0][1].wall
    lines = [
        f"Simulated cluster on this machine: a head of {head_cpus} CPUs (the driver: pairing, stories, verdicts) "
        "and worker nodes of 1 CPU each:",
        "",
        "| worker nodes | wall s | articles/s | articles/s per worker | vs the first row "
        "| peak MiB per worker node, mean (max) | largest worker process MiB | peak MiB, all Ray processes "
        "| peak MiB, checker process tree | same finding ids as local |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for workers, run, _ in rows:
        peaks = [run.total.get(f"node {i}", 0) for i in range(workers)]
        rate = n / run.wall
        lines.append(
            f"| {workers} | {run.wall:.1f} | {rate:.2f} | {rate / workers:.2f} | {rate / base:.2f}x "
            f"| {mib(sum(peaks) / workers)} ({mib(max(peaks))}) | {mib(run.largest.get('all workers', 0))} "
            f"| {mib(run.total['ray'])} | {mib(run.total['checker'])} | {same(run, local)} |"
        )
    cores = os.cpu_count() or 1
    over = [w for w, _, _ in rows if w > cores]
    lines += [
        "",
        f"This machine has {cores} CPUs, so "
        + (
            f"the runs with {', '.join(map(str, over))} worker nodes are oversubscribed: their rate shows the "
            "contention of more processes than cores, not how a real cluster scales."
            if over
            else "no run here has more worker nodes than cores."
        )
        + " The driver (pairing, stories, verdicts, between the stages) and Ray's own services share the cores too."
        + " Per worker node: the Ray worker processes under that node's raylet (actors that load spaCy, MiniLM "
        "and the NLI model, and idle workers), their resident sets summed at each sample, the largest sum kept; "
        "shared pages count once per process. Cluster start-up (not counted): "
        + ", ".join(f"{c.start_seconds:.1f} s ({worker_nodes(w)})" for w, _, c in rows)
        + ".",
    ]
    return "\n".join(lines)


@dataclass
class Costs:
    n: int
    claims: float
    embeddings: float
    pairs: float
    directions: float
    considered: float
    stage: dict[str, float]  # wall seconds per article, by stage (load left out)
    cpu: float  # CPU seconds per article, model loading included
    driver_cpu: float  # CPU seconds per article of the Ray run's driver (the checker process, not Ray's workers)
    stories: int
    story_docs: float  # documents per story of two or more


def costs(n: int, local: Run, ray: Run) -> Costs:
    s = local.summary
    groups = [len(story["documents"]) for story in s["stories"] if len(story["documents"]) > 1]
    return Costs(
        n=s["documents"],
        claims=s["claims"] / n,
        embeddings=s["computed"]["embeddings"] / n,
        pairs=s["candidate_pairs"] / n,
        directions=s["nli_directions"] / n,
        considered=s["cross_document_pairs"] / n,
        stage={k: v / n for k, v in s["seconds"].items() if k != "load"},
        cpu=local.cpu / n,
        driver_cpu=ray.cpu / n,
        stories=len(groups),
        story_docs=sum(groups) / len(groups) if groups else 0.0,
    )


STAGE_NAMES = {
    "claims": "claims (spaCy)",
    "pairing": "embeddings (MiniLM), stories and pairing",
    "nli": "NLI",
    "verdicts": "verdicts and facts",
}


def costs_table(c: Costs, local: Run) -> str:
    lines = [
        f"Per-article costs of the local run ({c.n} documents):",
        "",
        "| per article | value |",
        "|---|---|",
        f"| claims | {c.claims:.2f} |",
        f"| embeddings computed | {c.embeddings:.2f} |",
        f"| cross-document claim pairs, all (the naive workload; grows with the corpus) | {c.considered:.1f} |",
        f"| NLI pairs scored (candidates) | {c.pairs:.2f} |",
        f"| NLI model inputs (directions) | {c.directions:.2f} |",
    ]
    lines += [f"| {STAGE_NAMES.get(k, k)} wall s | {v:.3f} |" for k, v in c.stage.items()]
    lines += [
        f"| all stages wall s | {sum(c.stage.values()):.3f} |",
        f"| CPU s of the local run (user + system; imports and model loading included) | {c.cpu:.3f} |",
        f"| CPU s of the Ray run's driver process (not its workers) | {c.driver_cpu:.3f} |",
        "",
        "Stage seconds include loading each model at its first use. The corpus formed "
        f"{c.stories} {'story' if c.stories == 1 else 'stories'} of two or more documents, {c.story_docs:.1f} documents each.",
    ]
    return "\n".join(lines)


def plan(c: Costs, rows: list[tuple[int, Run, RayCluster]], n: int, load: float) -> str:
    rate = ARTICLES_PER_DAY / DAY
    cores = c.cpu * rate
    stage_total = sum(c.stage.values()) or 1.0
    ranked = sorted(c.stage.items(), key=lambda kv: -kv[1])
    top, second = ranked[0], ranked[min(1, len(ranked) - 1)]
    text = (
        f"**Plan for {ARTICLES_PER_DAY:,} articles a day** ({rate:.1f} a second, around the clock). "
        f"The local run spent {c.cpu:.3f} CPU seconds per article, so the work needs about "
        f"{c.cpu:.3f} x {ARTICLES_PER_DAY:,} / {DAY:,} = {cores:.0f} cores busy all day, before headroom "
        f"(at 70% utilisation, {cores / 0.7:.0f}). "
    )
    usable = [(w, run) for w, run, _ in rows if w <= (os.cpu_count() or 1)]
    if usable:
        w, run = usable[-1]
        per_worker = n / run.wall / w
        workers = rate / per_worker
        node = max(run.total.get(f"node {i}", 0) for i in range(w))
        text += (
            f"On Ray, {per_worker:.2f} articles a second per 1-CPU worker was measured ({worker_nodes(w)}, not "
            f"oversubscribed, start-up included), which gives {workers:.0f} workers; at the {mib(node)} MiB a "
            f"worker node's processes peaked at, they need about {workers * node / 1024**3:,.0f} GiB in all. "
        )
    nli_pair = c.stage.get("nli", 0.0) / c.pairs if c.pairs else 0.0
    text += (
        f"Per article: {c.claims:.1f} claims, {c.embeddings:.1f} embeddings, {c.pairs:.1f} NLI pairs scored "
        f"({c.directions:.1f} model inputs) out of {c.considered:,.0f} cross-document claim pairs a naive "
        f"all-pairs check would score. What dominates: {STAGE_NAMES.get(top[0], top[0])}, "
        f"{top[1] / stage_total:.0%} of the stage time, then {STAGE_NAMES.get(second[0], second[0])} "
        f"({second[1] / stage_total:.0%}); one NLI pair cost {nli_pair:.3f} s (its model load spread over them), so each further pair per article "
        f"adds {nli_pair * rate:.2f} cores. "
        "Caveats: the cores scale linearly with articles only while pairs stay within stories, and NLI pairs per "
        f"article grow with a story's size (here {c.stories} {'story' if c.stories == 1 else 'stories'} of two or more documents, "
        f"{c.story_docs:.1f} documents each): where a day's news puts more sources on one event than this sample, "
        "NLI pairs per article, and NLI's share, rise with it. Grouping stories, pairing and verdicts stay in one "
        f"driver process, which does not scale out: in the Ray run it used {c.driver_cpu:.3f} CPU s per article "
        f"(imports and Ray Data scheduling included), {c.driver_cpu * rate:.1f} cores at this rate; story "
        "grouping over a whole day's articles at once was not measured at that size and may have to run per "
        f"window of hours. CPU only, one CPU per worker, on {n} articles (a one-off model load weighs more in "
        f"a small run), and on a machine whose load average was {load:.2f} when the script started."
    )
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument(
        "--skip", type=int, default=1000, help="first FNC-1 body read (moved back where fewer than --articles follow)"
    )
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local-vs-Ray comparison")
    parser.add_argument("--head-cpus", type=int, default=0, help="CPUs of the simulated cluster's head node")
    parser.add_argument(
        "--workers", type=int, nargs="*", default=[1, 2, 4], help="worker nodes of 1 CPU each; none: the engines only"
    )
    parser.add_argument("--keep", type=Path, help="copy the reports and summaries to this folder (to compare them)")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    available = len(news_articles())
    if args.articles > available:
        parser.error(f"--articles {args.articles}: only {available} FNC-1 bodies")
    skip = min(args.skip, available - args.articles)
    n = args.articles
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = write_news_corpus(work / "news.jsonl", n, skip)
        local, ray, start = local_vs_ray(corpus, work, args.cpus)
        rows = scaling(corpus, work, args.head_cpus, args.workers)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for kept in [*work.glob("*.jsonl"), *work.glob("*summary.json")]:
                shutil.copy(kept, args.keep / kept.name)
    c = costs(n, local, ray)
    command = (
        f"python benchmarks/ray_scaling.py --articles {n} --skip {args.skip} --cpus {args.cpus} "
        f"--head-cpus {args.head_cpus} --workers {' '.join(map(str, args.workers))}"
    )
    text = "\n\n".join(
        [
            f"### Ray engine scaling: {n:,} FNC-1 bodies ({skip}-{skip + n - 1}), {datetime.date.today()} "
            f"({platform.machine()}, {os.cpu_count()} CPUs, benchmarks/ray_scaling.py)",
            f"`{command}`; every run a fresh `checker run` process, no index.",
            engines_table(n, local, ray, start, args.cpus),
            scaling_table(n, rows, local, args.head_cpus),
            costs_table(c, local),
            plan(c, rows, n, load),
        ]
    )
    publish(text + "\n", append=not args.no_append)


if __name__ == "__main__":
    main()
