"""For the tests of glossari's helper processes (``glossari/_helper.py``): which were forked, and
whether one ended."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

import pytest

from glossari._helper import Helper, usable_cores

needs_two_cores = pytest.mark.skipif(not hasattr(os, "fork") or usable_cores() < 2,
                                     reason="a helper process needs fork and two cores")
"""For a test of what a helper process does: where none can be forked, there is nothing to
test."""

REPORT_HELPERS = """
import os, sys, time
from glossari import _helper
real = _helper.Helper.__init__
def started(self, render, **kwargs):
    real(self, render, **kwargs)
    print(self.pid, flush=True)
_helper.Helper.__init__ = started
parent = os.getpid()
"""
"""What a script run by ``python -c`` starts with, so that it prints the pid of each helper it
forks (a line each) and knows its own pid as ``parent``."""


@contextlib.contextmanager
def counted_helpers() -> Iterator[list[int]]:
    """The pid of every helper process forked inside the block."""
    pids: list[int] = []
    real = Helper.__init__

    def counted(self: Helper, render: Callable[[tuple[object, ...]], tuple[object, ...]],
                **kwargs: int) -> None:
        real(self, render, **kwargs)
        pids.append(self.pid)

    with mock.patch.object(Helper, "__init__", counted):
        yield pids


def assert_ends(pid: int, *, seconds: float = 20) -> None:
    """The process ``pid`` (not a child of this one) ends within ``seconds``; else it is killed
    and the test fails."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
        except FileNotFoundError:
            return
        if state == "Z":  # ended, waiting for init to reap it
            return
        time.sleep(0.1)
    os.kill(pid, 9)
    pytest.fail(f"the helper process {pid} outlived its builder")


def paused_cli(marker: str) -> str:
    """A script for ``python -c`` that runs the glossari command line given after it, and
    pauses at the first fsync of a temporary file (``*.tmp``) whose path holds ``marker``: it
    prints ``writing`` and waits for a line on standard input, so that the test can kill it
    exactly there, or let it go on."""
    return f"""
import os, stat, sys
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    if stat.S_ISREG(os.fstat(fd).st_mode):
        name = os.readlink(f"/proc/self/fd/{{fd}}")
        if {marker!r} in name and name.endswith(".tmp"):
            os.fsync = real_fsync  # pause once only
            print("writing", flush=True)
            sys.stdin.readline()
os.fsync = fsync
from glossari.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def kill_at_write(marker: str, argv: list[str]) -> None:
    """Run ``glossari ARGV`` in a process group of its own, paused (:func:`paused_cli`) at the
    first write of a temporary file whose path holds ``marker``, and kill the group there: the
    run's file is staged, never renamed."""
    import signal
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", paused_cli(marker), *argv],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
