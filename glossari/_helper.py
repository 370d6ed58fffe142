"""A second process for work that is pure computation, so that a large job uses both cores.

The caller (the builder) reads its input, decides what must be computed and writes every
output; a forked helper process only computes: it receives a job's inputs through a pipe and
sends back the result. It writes nothing and must never touch a file or database connection it
inherited, and so can be stopped at any moment without leaving anything behind. Its builders:
the site (term pages rendered, :mod:`glossari.export.site`), the termbase (each batch of terms'
rows made ready for SQLite, :mod:`glossari.termbase.build`), and ``compile``'s reading of the
glossary (articles parsed, :mod:`glossari.seeds.cache`; catalogs parsed and their ``.mo``
rendered, :mod:`glossari.catalog.compile`).

The helper ends when its task pipe closes: when the builder is done, fails or is killed (the pipe
closes with the builder's last descriptor), so no helper outlives its builder by more than the
job it is computing. Which process computed a result never changes it (a result is a function
of its job), so the output is the same as a run on one core.

Only on systems with ``fork`` and more than one usable core (:func:`usable_cores`); elsewhere,
and for small jobs, the builder computes everything itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar, cast

__all__ = ["Answers", "Helper", "share", "start", "usable_cores"]

Job = tuple[Any, ...]
Result = tuple[Any, ...]

_WAITING = 8
"""Jobs sent to the helper and not yet back, beyond which :meth:`Helper.busy` is true: the
builder then does the next job itself, or waits (few: the builder must never wait on a full pipe
while it could work)."""

_PIPE_SIZE = 1 << 20
"""The task pipe's capacity asked for (Linux), so that :data:`_WAITING` jobs fit in it."""


def usable_cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Helper:
    """One forked process computing jobs with ``render``; results come back in :meth:`done`
    (or :meth:`wait`), in the order the jobs were sent."""

    def __init__(self, render: Callable[[Job], Result], *, waiting: int = _WAITING) -> None:
        """Fork the helper; it is :meth:`busy` with ``waiting`` jobs unanswered (fewer for long
        jobs, so that the last ones are not all queued behind each other in the helper)."""
        import fcntl  # only where there is fork

        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        if hasattr(fcntl, "F_SETPIPE_SZ"):
            for fd in (task_write, result_write):
                with contextlib.suppress(OSError):  # over the system's limit: the default
                    fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
        import gc

        gc.freeze()  # the helper's collector then never touches (so copies) the builder's objects
        try:
            pid = os.fork()
        except BaseException:
            gc.unfreeze()
            for fd in (task_read, task_write, result_read, result_write):
                os.close(fd)
            raise
        if pid != 0:
            gc.unfreeze()
        if pid == 0:  # the helper
            os.close(task_write)
            os.close(result_read)
            _serve(task_read, result_write, render)  # never returns
        os.close(task_read)
        os.close(result_write)
        self.pid = pid
        self._tasks = os.fdopen(task_write, "wb")
        self._results: deque[Result] = deque()
        self._failure: str | None = None
        self._lock = threading.Condition()
        self._sent = 0
        self._waiting = waiting
        self._received = 0
        self._ended = False
        # results are read by a thread, so that the helper never blocks on a full result pipe
        # while the builder blocks on a full task pipe
        self._reader = threading.Thread(target=self._read, args=(result_read,), daemon=True)
        self._reader.start()

    def busy(self) -> bool:
        """True when enough jobs wait for the helper that the builder should not send more."""
        return self._sent - self._received >= self._waiting

    def send(self, job: Job) -> None:
        """Give the helper a job."""
        pickle.dump(job, self._tasks, protocol=pickle.HIGHEST_PROTOCOL)
        self._tasks.flush()
        self._sent += 1

    def done(self) -> list[Result]:
        """The results that came back since the last call."""
        with self._lock:
            out = list(self._results)
            self._results.clear()
        self._check()
        return out

    def wait(self) -> list[Result]:
        """The results that came back since the last call, waiting for one when none has;
        raises :class:`RuntimeError` when the helper failed or ended with jobs unanswered."""
        with self._lock:
            while not self._results and not self._ended and self._failure is None:
                self._lock.wait()
        out = self.done()
        if not out:
            raise RuntimeError("the helper process ended before answering every job")
        return out

    def finish(self) -> list[Result]:
        """Wait for every job sent; the remaining results. The helper has ended."""
        self._tasks.close()
        self._reader.join()
        self._wait()
        out = self.done()
        if self._received != self._sent:
            raise RuntimeError("the helper process ended before answering every job")
        return out

    def stop(self) -> None:
        """End the helper now (after a failure in the builder); nothing of it is left."""
        with contextlib.suppress(OSError):
            self._tasks.close()
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        self._wait()
        self._reader.join(timeout=5)

    def _wait(self) -> None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)

    def _check(self) -> None:
        if self._failure is not None:
            raise RuntimeError(f"a job failed in the helper process:\n{self._failure}")

    def _read(self, fd: int) -> None:
        with os.fdopen(fd, "rb") as results:
            while True:
                try:
                    result = pickle.load(results)
                except (EOFError, pickle.UnpicklingError, OSError):
                    with self._lock:
                        self._ended = True
                        self._lock.notify_all()
                    return
                with self._lock:
                    if result[0] == "failed":
                        self._failure = result[1]
                    else:
                        self._results.append(result)
                    self._received += 1
                    self._lock.notify_all()


def _serve(task_read: int, result_write: int, render: Callable[[Job], Result]) -> None:
    # Ctrl-C reaches the whole process group: the builder decides, and closes the task pipe
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    code = 0
    try:
        with os.fdopen(task_read, "rb") as tasks, os.fdopen(result_write, "wb") as results:
            while True:
                try:
                    job = pickle.load(tasks)
                except EOFError:
                    break
                try:
                    result = render(job)
                except BaseException:  # sent back: the builder raises it and discards the run
                    result = ("failed", traceback.format_exc())
                pickle.dump(result, results, protocol=pickle.HIGHEST_PROTOCOL)
                results.flush()
    except BaseException:  # a closed pipe (the builder is gone): nothing to report to
        code = 1
    finally:
        os._exit(code)  # no atexit handler, no buffer of the builder's flushed twice


def start(render: Callable[[Job], Result], *, waiting: int = _WAITING) -> Helper | None:
    """A :class:`Helper`, or None where one cannot help: a system without ``fork`` or with one
    usable core, or one that refuses a process or its pipes (a container's limit on processes or
    open files, no memory to fork). The builder then does every job itself, as on one core,
    instead of failing."""
    if not hasattr(os, "fork") or usable_cores() < 2:
        return None
    try:
        return Helper(render, waiting=waiting)
    except OSError:
        return None


def share(jobs: Iterable[Job], work: Callable[[Job], Result], take: Callable[[Result], None], *,
          when: Callable[[], bool], helped: bool = True,
          sent: Callable[[Job], Job] = lambda job: job,
          waiting: int = _WAITING, enough: Callable[[], bool] = lambda: False) -> None:
    """Do ``work`` on every job, here or in a helper, and hand each result to ``take`` (in the
    order they come back, not the jobs' order).

    The helper is forked (once, when ``helped`` and :func:`start` can) as soon as ``when()`` is
    true before a job;
    then a job goes to it (as ``sent(job)``: what the helper's ``work`` needs of it) whenever it
    is not :meth:`Helper.busy`, and is done here otherwise, so that neither process idles.
    ``enough()``, asked after each job, stops handing out more (a bad input was met); the
    helper still answers every job it was sent. The helper has ended when this returns or
    raises.
    """
    helper: Helper | None = None
    try:
        for job in jobs:
            if helper is None and helped and when():
                helper = start(work, waiting=waiting)
                helped = helper is not None  # refused: not asked again
            if helper is not None and not helper.busy():
                helper.send(sent(job))
            else:
                take(work(job))
            if helper is not None:
                for result in helper.done():
                    take(result)
            if enough():
                break
        if helper is not None:
            for result in helper.finish():
                take(result)
            helper = None
    finally:
        if helper is not None:
            helper.stop()


V = TypeVar("V")
E = TypeVar("E", bound=BaseException)


class Answers(Generic[V, E]):
    """The answers of jobs that give ``(index, value, None)``, or ``(index, None, error)`` for a
    bad input (an error is a value, sent back like any other), by index: :meth:`take` is
    :func:`share`'s ``take``."""

    def __init__(self) -> None:
        self.values: dict[int, V] = {}
        self.errors: dict[int, E] = {}

    def take(self, answer: Result) -> None:
        """Keep one answer."""
        index, value, error = answer
        if error is not None:
            self.errors[index] = cast(E, error)
        else:
            self.values[index] = cast(V, value)

    def raise_first(self) -> None:
        """Raise the error of the lowest index, if any: the one a run on one core, in order,
        would have raised."""
        if self.errors:
            raise self.errors[min(self.errors)]
