"""``glossari compile [-l LANG]``: catalogs to ``.mo`` files (:mod:`glossari.catalog.compile`)."""

from __future__ import annotations

import argparse

from glossari.catalog.compile import compile_catalogs
from glossari.commands._context import Context, stderr_progress

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``compile``'s options."""
    parser.add_argument("-l", "--lang", metavar="LANG",
                        help="language to compile (default: every language under locale/)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Compile, and print a one-line summary on standard error."""
    result = compile_catalogs(ctx.root(), args.lang, wrap=stderr_progress(ctx))
    print(
        f"compile: {result.messages} translated messages; {len(result.written)} written, "
        f"{len(result.unchanged)} unchanged",
        file=ctx.stderr,
    )
    return 0
