"""Extraction's per-domain work (:mod:`glossari.catalog.incremental`) spread over processes.

Each process gets whole body domains (largest first, to the least loaded process): it parses
them, reports, waits until every domain has parsed (a bad article anywhere stops the run before
anything is written), then renders and stages its templates while the parent renders the
``glossary`` template.

Workers die with their parent, however it dies (``kill -9``, the OOM killer, ``docker stop``, a
CI cancellation): a forked worker first closes every parent end of the pipes it inherited, so the
parent's pipe end is its only reader and writer; when the parent is gone the worker's next
``recv`` ends with EOF or its next ``send`` with a broken pipe, and it removes whatever it staged
and exits. This is the pipe itself as the watch, portable where ``PR_SET_PDEATHSIG`` is Linux-only.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

from glossari.catalog.incremental import (
    DomainDone,
    DomainJob,
    DomainState,
    ParsedDomain,
    Wrap,
    finish_domain,
    no_progress,
    parse_domain,
)

__all__ = ["PARALLEL_MIN", "discard", "extract_domains"]

T = TypeVar("T")

PARALLEL_MIN = 200
"""Fewest articles before the work is spread over processes (start-up costs ~0.1 s)."""

# The parent's ends of the pipes made so far: a forked worker inherits them and closes them
# first (a spawned one re-imports this module and finds the list empty).
_PARENT_ENDS: list[Any] = []


def extract_domains(jobs: Sequence[DomainJob], *, parallel: bool,
                    meanwhile: Callable[[list[ParsedDomain]], T],
                    wrap: Wrap = no_progress) -> tuple[list[DomainDone], T]:
    """Parse every domain, then finish them; ``meanwhile`` runs between, in this process.

    With ``parallel``, the domains are shared among one process per core (by number of
    articles, largest first), and each process keeps what it parsed until every domain has
    parsed: a bad article anywhere raises its error (the first in file-name order) before
    anything is written, not even a cache. Then each process renders and stages its domains'
    templates while this one runs ``meanwhile`` (the ``glossary`` template) on the parsed
    domains' rows. Results come in the order of ``jobs``; the caller commits the staged files.
    """
    workers = min(os.cpu_count() or 1, 8, len(jobs))
    total = sum(len(job.articles) for job in jobs)
    if not parallel or workers < 2:
        states: list[DomainState | None] = []
        parsed: list[ParsedDomain] = []

        def parse_all() -> Iterator[None]:
            for job in jobs:
                state, result = parse_domain(job)
                states.append(state)
                parsed.append(result)
                yield from itertools.repeat(None, len(job.articles))

        for _ in wrap(parse_all(), total, "extract"):
            pass
        _raise_first(parsed)
        done: list[DomainDone] = []
        try:
            for job, state in zip(jobs, states, strict=True):
                assert state is not None
                done.append(finish_domain(job, state))
            return done, meanwhile(parsed)
        except BaseException:
            discard(done)
            raise
    return _in_workers(jobs, workers, meanwhile, wrap, total)


def _raise_first(parsed: Iterable[ParsedDomain]) -> None:
    errors = [p.error for p in parsed if p.error is not None]
    if errors:
        raise min(errors, key=lambda error: error[0])[1]


def _shares(jobs: Sequence[DomainJob], workers: int) -> list[list[int]]:
    """The jobs' indexes per process: largest first, each to the least loaded process."""
    shares: list[list[int]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for i in sorted(range(len(jobs)), key=lambda i: -len(jobs[i].articles)):
        least = loads.index(min(loads))
        shares[least].append(i)
        loads[least] += len(jobs[i].articles) + 1
    return [share for share in shares if share]


def _work(connection: Any, jobs: list[tuple[int, DomainJob]]) -> None:
    """A worker process: parse its domains, wait for the word, finish them."""
    for inherited in _PARENT_ENDS:  # forked: else the parent's death would go unnoticed
        with contextlib.suppress(OSError):
            inherited.close()
    _PARENT_ENDS.clear()
    try:
        states: dict[int, DomainState | None] = {}
        for i, job in jobs:
            states[i], parsed = parse_domain(job)
            connection.send(("parsed", i, parsed))
        if connection.recv() != "go":
            return
        for i, job in jobs:
            state = states.pop(i)
            assert state is not None
            done = finish_domain(job, state)
            try:
                connection.send(("done", i, done))
            except BaseException:  # the parent is gone: nobody will commit or discard these
                discard([done])
                raise
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return  # the parent died: exit quietly, nothing to report to
    except BaseException as error:  # a bug, or a template that cannot be written
        with contextlib.suppress(Exception):
            connection.send(("failed", -1, error))
    finally:
        connection.close()


def _in_workers(jobs: Sequence[DomainJob], workers: int,
                meanwhile: Callable[[list[ParsedDomain]], T], wrap: Wrap,
                total: int) -> tuple[list[DomainDone], T]:
    import gc
    import multiprocessing
    from multiprocessing.connection import Connection, wait

    # fork shares the loaded modules; spawn (macOS, Windows) re-imports them
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    results: dict[str, dict[int, Any]] = {"parsed": {}, "done": {}}
    processes: list[tuple[Any, Connection, int]] = []
    owner: dict[int, Connection] = {}
    # the parent's objects are left alone by the children's collector (no copy on write)
    gc.freeze()
    try:
        for share in _shares(jobs, workers):
            mine, theirs = context.Pipe()
            _PARENT_ENDS.append(mine)
            process = context.Process(target=_work, args=(theirs, [(i, jobs[i]) for i in share]),
                                      daemon=True)
            process.start()
            theirs.close()
            processes.append((process, mine, len(share)))
            owner.update((i, mine) for i in share)
    finally:
        gc.unfreeze()
        _PARENT_ENDS.clear()

    def receive(kind: str, *, strict: bool = True) -> Iterator[None]:
        # every message of this phase as it comes, one tick per article; a worker that fails
        # or stops without a word is an error (not strict: one that stops sending)
        left = {connection: count for _, connection, count in processes}
        for i in results[kind]:
            left[owner[i]] -= 1
        left = {connection: count for connection, count in left.items() if count}
        while left:
            for ready in wait(list(left)):
                connection = cast(Connection, ready)
                try:
                    what, i, value = connection.recv()
                except EOFError:
                    what, i, value = "failed", -1, RuntimeError(
                        "an extract worker process stopped unexpectedly")
                if what == "failed":
                    del left[connection]
                    if strict:
                        raise value
                    continue
                results[kind][i] = value
                left[connection] -= 1
                if not left[connection]:
                    del left[connection]
                yield from itertools.repeat(None, len(jobs[i].articles))

    went = False
    try:
        for _ in wrap(receive("parsed"), total, "extract"):
            pass
        parsed = [results["parsed"][i] for i in range(len(jobs))]
        _raise_first(parsed)
        for _, connection, _ in processes:
            connection.send("go")
        went = True
        # the glossary template, while the workers render theirs
        outcome = meanwhile(parsed)
        for _ in receive("done"):
            pass
    except BaseException:
        if went:  # let the workers finish staging, so that every staged file is removed
            with contextlib.suppress(BaseException):
                for _ in receive("done", strict=False):
                    pass
        # before "go" a worker has written nothing
        for process, _, _ in processes:
            process.kill()
        discard(results["done"].values())
        raise
    finally:
        for process, connection, _ in processes:
            connection.close()
            process.join()
    return [results["done"][i] for i in range(len(jobs))], outcome


def discard(done: Iterable[DomainDone | None]) -> None:
    """Remove the temporary files of templates not committed."""
    for result in done:
        if result is not None and result.staged is not None:
            result.staged.discard()
