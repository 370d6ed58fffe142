"""The ``glossari`` command's entry point (``[project.scripts]`` and ``python -m glossari``).

A console script imports its function's module before it calls the function, and
:mod:`glossari.cli` imports argparse, typing, pathlib and the command context first (some 30 ms):
a Ctrl-C in that time raised ``KeyboardInterrupt`` inside an import, before ``cli.main`` could
answer it, and Python printed its traceback. This module imports nothing (``import glossari``
loads only :mod:`glossari.errors`), so an interrupt is answered from the moment the script runs.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing

if TYPE_CHECKING:
    from typing import IO

__all__ = ["interrupted", "main"]


def interrupted(stderr: IO[str]) -> int:
    """Say that Ctrl-C stopped glossari and give its exit code, 130 (128 + SIGINT): the one
    answer to an interrupt, while the command line loads and while a command runs."""
    print("glossari: interrupted", file=stderr)
    return 130


def main() -> int:
    """Run :func:`glossari.cli.main` on ``sys.argv``; ``glossari: interrupted``, exit 130, for a
    Ctrl-C while it is still being imported."""
    try:
        from glossari.cli import main as run
    except KeyboardInterrupt:
        return interrupted(sys.stderr)
    return run()
