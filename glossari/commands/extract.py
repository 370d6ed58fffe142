"""``glossari extract``: ``seeds/`` to the catalog templates (:mod:`glossari.catalog.extract`)."""

from __future__ import annotations

import argparse

from glossari.catalog.extract import extract
from glossari.commands._context import Context, stderr_progress
from glossari.text import counted

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """``extract`` has no options of its own."""
    parser.epilog = "Writes locale/glossary.pot and locale/articles-*.pot; unchanged files stay."


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Extract, and print a one-line summary on standard error."""
    result = extract(ctx.root(), wrap=stderr_progress(ctx))
    total = sum(result.messages.values())
    print(
        f"extract: {counted(total, 'message')} in {counted(len(result.messages), 'domain')} from "
        f"{counted(result.articles, 'article')}; "
        f"{len(result.written)} written, "
        f"{len(result.unchanged)} unchanged",
        file=ctx.stderr,
    )
    return 0
