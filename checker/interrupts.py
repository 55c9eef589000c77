"""Stopping a run from outside: SIGTERM (a CI runner's cancel, `timeout`, `docker stop`) stops it as Ctrl-C does.

Python ends a process on SIGTERM with no word and no cleanup; the command
line turns it into `Terminated`, a `KeyboardInterrupt`, so every place that
keeps outputs whole on Ctrl-C keeps them whole on SIGTERM too, and says so.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_TERMINATED = 128 + signal.SIGTERM  # what a shell reports for a process the signal ended: 143


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: stop as Ctrl-C stops, and exit 143."""


class InterruptedAfterWriting(KeyboardInterrupt):
    """Ctrl-C or SIGTERM arrived while a run's outputs were written: they were written first, every one."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame) -> None:
    raise Terminated


@contextmanager
def outputs_written_together() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while a run's outputs are written (the report, its page, its summary: each
    written whole, in a moment), so no signal leaves a new report beside the page or summary of the run before;
    one that arrived meanwhile is raised after them, as `InterruptedAfterWriting`. A write that fails (a disk
    full) still stops the others: the error names the file."""
    arrived: list[int] = []
    signals = (signal.SIGINT, signal.SIGTERM)
    handlers = {s: signal.getsignal(s) for s in signals}
    for s in signals:
        signal.signal(s, lambda signum, frame: arrived.append(signum))
    try:
        yield
    finally:
        for s, handler in handlers.items():
            signal.signal(s, handler)
    if arrived:
        raise InterruptedAfterWriting(arrived[0])


def stop_on_sigterm() -> None:
    """Raise `Terminated` in the main thread on SIGTERM (the command line's setting: a host program keeps its own)."""
    signal.signal(signal.SIGTERM, _terminate)


@contextmanager
def sigterm_handler_kept() -> Iterator[None]:
    """Put back the SIGTERM handler a library replaces (`ray.init` installs one that exits 15 with no word)."""
    handler = signal.getsignal(signal.SIGTERM)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, handler)


@contextmanager
def sigterm_held() -> Iterator[None]:
    """Hold SIGTERM back from this thread while it forks a child: the child starts with it held, and lets it
    through once its own handling is set (`end_on_sigterm`); until then it would run the parent's handler.
    Here a SIGTERM held back is delivered as soon as this ends."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def end_on_sigterm() -> None:
    """A forked child's setting: SIGTERM ends it at once (its parent's handler is not its to run), then let
    through the SIGTERM `sigterm_held` held back."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
