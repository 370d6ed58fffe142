"""The progress bar: drawn only on a terminal, throttled, always finished with a newline."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.progress import progress, render_line


class FakeTty(io.StringIO):
    """A stream that says it is a terminal and records every write."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str, /) -> int:
        self.writes.append(text)
        return super().write(text)


class Clock:
    """A clock that advances by ``step`` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def frames(stream: FakeTty) -> list[str]:
    return [w[1:].rstrip() for w in stream.writes if w.startswith("\r")]


def test_not_a_terminal_writes_nothing() -> None:
    stream = io.StringIO()  # isatty() is False
    assert list(progress(range(1000), total=1000, label="extract", stream=stream)) == list(
        range(1000)
    )
    assert stream.getvalue() == ""


def test_items_pass_through_unchanged_on_a_terminal() -> None:
    items = ["a", "b", None, 3]
    assert list(progress(items, total=4, label="x", stream=FakeTty(), clock=Clock(1.0))) == items


def test_draws_counts_rate_and_ends_with_a_newline() -> None:
    stream = FakeTty()
    list(progress(range(10), total=10, label="extract", stream=stream, clock=Clock(0.5)))
    shown = frames(stream)
    # every item is 0.5 s apart, slower than the 0.1 s throttle: each one is drawn, plus the end
    assert len(shown) == 11
    assert shown[-1].startswith("extract  10/10 100% [########################]")
    assert shown[-1].endswith("/s")
    assert stream.getvalue().endswith("\n")
    assert stream.getvalue().count("\n") == 1


def test_throttled_when_items_come_fast() -> None:
    stream = FakeTty()
    # 1 ms per clock read: 10,000 items take about 10 s, about 10 frames a second
    list(progress(range(10_000), total=10_000, label="u", stream=stream, clock=Clock(0.001)))
    shown = frames(stream)
    assert 50 <= len(shown) <= 110, len(shown)
    assert shown[-1].startswith("u  10000/10000 100%")


def test_unknown_total_shows_counts_only() -> None:
    stream = FakeTty()
    list(progress(iter(range(5)), total=None, label="check", stream=stream, clock=Clock(1.0)))
    assert frames(stream)[-1].startswith("check  5 ")
    assert "%" not in stream.getvalue()


def test_finishes_the_line_when_the_loop_fails() -> None:
    stream = FakeTty()

    def boom() -> object:
        yield 1
        raise RuntimeError("bad article")

    with pytest.raises(RuntimeError):
        list(progress(boom(), total=2, label="x", stream=stream, clock=Clock(1.0)))
    assert stream.getvalue().endswith("\n")
    assert frames(stream)[-1].startswith("x  1/2")


def test_shorter_frame_blanks_the_longer_one_before_it() -> None:
    stream = FakeTty()
    # the rate shrinks from 1,000/s to 1/s: the later frame must still cover the earlier one
    times = iter([0.0, 0.001, 10.0, 10.0, 10.0])
    list(progress(range(2), total=None, label="x", stream=stream, clock=lambda: next(times)))
    drawn = [w for w in stream.writes if w.startswith("\r")]
    assert all(len(w) >= len(drawn[0]) for w in drawn)


@settings(max_examples=60)
@given(
    done=st.integers(min_value=0, max_value=10**6),
    total=st.integers(min_value=1, max_value=10**6),
    elapsed=st.floats(min_value=0, max_value=1e5, allow_nan=False),
)
def test_bar_never_overflows(done: int, total: int, elapsed: float) -> None:
    line = render_line("extract", done, total, elapsed)
    bar = line[line.index("[") + 1 : line.index("]")]
    assert len(bar) == 24
    assert set(bar) <= {"#", "."}
    assert f"{done}/{total}" in line


def test_a_frame_fits_a_narrow_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # a 57-character frame on a 20-column terminal wrapped, and each redraw (a carriage return)
    # left a new line of bar behind
    monkeypatch.setenv("COLUMNS", "20")
    stream = FakeTty()
    list(progress(range(1000), total=1000, label="extract", stream=stream, clock=Clock(0.2)))
    assert frames(stream)
    assert all(len(w.rstrip("\n")) <= 20 for w in stream.writes)


def test_the_width_is_the_drawing_stream_s_own(monkeypatch: pytest.MonkeyPatch) -> None:
    # `check --format json > out.json`: standard output is a file, so shutil's size (80 columns)
    # was used while the progress drew on a 20-column terminal through standard error
    import os

    monkeypatch.delenv("COLUMNS", raising=False)

    class NarrowTty(FakeTty):
        def fileno(self) -> int:
            return 99

    monkeypatch.setattr(os, "get_terminal_size",
                        lambda fd=1: os.terminal_size((20, 24) if fd == 99 else (80, 24)))
    stream = NarrowTty()
    list(progress(range(1000), total=1000, label="extract", stream=stream, clock=Clock(0.2)))
    assert frames(stream)
    assert all(len(w.rstrip("\n")) <= 20 for w in stream.writes)
