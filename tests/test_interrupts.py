"""SIGTERM stops checker as Ctrl-C does: in the main process, in a forked child, and around Ray's start."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from checker.interrupts import Terminated, end_on_sigterm, sigterm_handler_kept, sigterm_held, stop_on_sigterm


@pytest.fixture
def sigterm_raises():
    previous = signal.getsignal(signal.SIGTERM)
    stop_on_sigterm()
    yield
    signal.signal(signal.SIGTERM, previous)


def test_sigterm_raises_terminated_a_keyboard_interrupt(sigterm_raises):
    with pytest.raises(Terminated) as raised:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
    assert isinstance(raised.value, KeyboardInterrupt)


def test_a_library_replacing_the_handler_gets_it_put_back(sigterm_raises):
    """`ray.init` installs a handler that exits 15 with no word."""
    kept = signal.getsignal(signal.SIGTERM)
    with sigterm_handler_kept():
        signal.signal(signal.SIGTERM, lambda signum, frame: os._exit(15))
    assert signal.getsignal(signal.SIGTERM) is kept


def test_a_sigterm_held_while_forking_arrives_after(sigterm_raises):
    arrived_late = False
    with pytest.raises(Terminated):
        with sigterm_held():
            signal.raise_signal(signal.SIGTERM)  # to this thread, the one forking
            time.sleep(0.2)  # held: nothing raised here
            arrived_late = True
        time.sleep(5)
    assert arrived_late


def _child(ready) -> None:
    end_on_sigterm()
    ready.set()
    time.sleep(30)


def test_a_forked_child_just_ends_on_sigterm(sigterm_raises, capfd):
    """With the parent's handler, a child stopped by SIGTERM printed a traceback ("Process ForkProcess-1")."""
    fork = multiprocessing.get_context("fork")
    ready = fork.Event()
    with sigterm_held():
        child = fork.Process(target=_child, args=(ready,))
        child.start()
    assert ready.wait(10)
    os.kill(child.pid, signal.SIGTERM)
    child.join(10)
    assert child.exitcode == -signal.SIGTERM
    assert "Traceback" not in capfd.readouterr().err
