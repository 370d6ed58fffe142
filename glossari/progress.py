"""A tiny progress bar for long commands, drawn on standard error only when it is a terminal.

Wrap the loop of a long command: the items pass through unchanged. When ``stream`` is not a
terminal (a pipe, a file, CI's log) nothing is written at all, so scripted output stays clean.
On a terminal the bar is redrawn in place (carriage return) at most ``rate_hz`` times a second,
so that drawing never costs more than the work it reports, and a final line ends with a newline.

>>> import io
>>> list(progress(range(3), total=3, label="extract", stream=io.StringIO()))
[0, 1, 2]

Only the command line uses it (library code never writes to a stream of its own accord): a
command passes ``ctx.stderr``.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

__all__ = ["Stream", "progress", "render_line"]

T = TypeVar("T")

_BAR_WIDTH = 24


class Stream(Protocol):
    """What the reporter needs of a stream: ``sys.stderr`` and ``ctx.stderr`` qualify."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...

    def isatty(self) -> bool: ...


def render_line(label: str, done: int, total: int | None, elapsed: float) -> str:
    """One frame of the bar: label, counts, percentage, bar and rate.

    >>> render_line("extract", 250, 1000, 0.5)
    'extract  250/1000  25% [######..................] 500/s'
    >>> render_line("update", 7, None, 0.0)
    'update  7'
    """
    rate = f" {done / elapsed:,.0f}/s" if elapsed > 0 else ""
    if not total:
        return f"{label}  {done}{rate}"
    fraction = min(done / total, 1.0)
    filled = int(fraction * _BAR_WIDTH)
    bar = "#" * filled + "." * (_BAR_WIDTH - filled)
    return f"{label}  {done}/{total} {fraction:4.0%} [{bar}]{rate}"


def progress(
    iterable: Iterable[T],
    total: int | None,
    label: str,
    stream: Stream,
    *,
    rate_hz: float = 10.0,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[T]:
    """Yield the items of ``iterable``, drawing a progress bar on ``stream`` if it is a terminal.

    ``total`` is the expected count (None when unknown: counts and rate only). ``clock`` is for
    tests. The last frame is always drawn, followed by a newline, even when the loop is left early
    (``break`` or an exception), so the terminal is never left mid-line.
    """
    if not _is_tty(stream):
        yield from iterable
        return
    start = clock()
    interval = 1.0 / rate_hz
    last_draw = -interval  # so the first item draws at once
    width = 0  # longest frame so far, to blank the tail of a longer previous frame
    done = 0

    # a frame wider than the terminal wraps, and the carriage return then redraws only its last
    # row: a 20-column terminal got a new line of bar at every frame
    columns = _columns(stream) - 1

    def draw(now: float) -> None:
        nonlocal width
        line = render_line(label, done, total, now - start)[:max(columns, 1)]
        stream.write("\r" + line.ljust(width))
        stream.flush()
        width = max(width, len(line))

    try:
        for item in iterable:
            yield item
            done += 1
            now = clock()
            if now - start - last_draw >= interval:
                last_draw = now - start
                draw(now)
    finally:
        draw(clock())
        stream.write("\n")
        stream.flush()


def _is_tty(stream: Stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or minimal stream: treat as not a terminal
        return False


def _columns(stream: Stream) -> int:
    """The width of the terminal ``stream`` draws on: ``COLUMNS`` when set, else the stream's
    own, not standard output's, which is a file under ``check --format json > out.json``
    (``shutil.get_terminal_size`` reads that one, and a frame wrapped again on a narrow
    terminal); 80 when unknown."""
    fileno = getattr(stream, "fileno", None)
    if "COLUMNS" not in os.environ and fileno is not None:
        try:
            return os.get_terminal_size(fileno()).columns
        except (OSError, ValueError):
            pass
    return shutil.get_terminal_size().columns
