"""For tests that input built to be slow (a hostile catalog, a pasted page) is read in about the
time of ordinary input of the same length: each such defect took 40 s to minutes against a
fraction of a second. Compared with a peer run in the same process, in CPU time, so a loaded
machine or a slow one moves both alike: no wall-clock limit."""

from __future__ import annotations

import time
from collections.abc import Callable

TIMES = 20
"""How many times the peer's CPU time the hostile input may take (the defects took hundreds)."""

SLACK = 0.5
"""CPU seconds allowed on top: a peer of a few milliseconds is no measure of its own."""


def cpu(run: Callable[[], object]) -> float:
    """The CPU seconds ``run()`` takes in this process."""
    started = time.process_time()
    run()
    return time.process_time() - started


def costs_like(hostile: Callable[[], object], peer: Callable[[], object]) -> None:
    """Assert that ``hostile()`` costs at most :data:`TIMES` the CPU of ``peer()`` (ordinary
    input of the same length, read by the same call) plus :data:`SLACK`."""
    cpu(peer)  # (warm: the first call may compile patterns or import modules)
    ordinary = cpu(peer)
    spent = cpu(hostile)
    assert spent <= TIMES * ordinary + SLACK, (
        f"{spent:.2f} CPU-s against {ordinary:.3f} for ordinary input of the same length")
