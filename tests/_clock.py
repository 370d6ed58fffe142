"""For tests of the termbase's racy rule (``glossari/termbase/inputs.py``): a ``compile`` whose
build starts at a set time after an article was saved, however long the machine takes to get
there."""

from __future__ import annotations

import time
from pathlib import Path

import pytest


def compile_after_save(root: Path, saved: Path, *, seconds: float = 1.0) -> None:
    """Run ``glossari compile`` in ``root`` with the termbase's build started ``seconds`` after
    ``saved`` was last modified (the build's clock, ``time.time_ns``, is pinned there while
    it runs): an article saved less than the racy window (2 s) before the build is hashed on
    every load, and on a loaded machine compile got to the build more than 2 s after the test
    saved it."""
    from glossari.cli import main

    at = saved.stat().st_mtime_ns + int(seconds * 10**9)
    with pytest.MonkeyPatch.context() as clock:
        clock.setattr(time, "time_ns", lambda: at)
        assert main(["--root", str(root), "compile"]) == 0
