"""``glossari update -l LANG``: templates into catalogs, msgmerge semantics
(:mod:`glossari.catalog.update`)."""

from __future__ import annotations

import argparse

from glossari.catalog.update import update
from glossari.commands._context import Context, stderr_progress

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``update``'s options."""
    parser.add_argument("-l", "--lang", required=True, metavar="LANG",
                        help="language of the catalogs to update (en, id, pt_BR, ...)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Update, and print a short summary on standard error."""
    result = update(ctx.root(), args.lang, wrap=stderr_progress(ctx))
    c = result.coverage
    print(
        f"update {args.lang}: {c.total} messages: {c.translated} translated, {c.fuzzy} fuzzy, "
        f"{c.untranslated} untranslated{c.refused_note}, {c.obsolete} obsolete; "
        f"{len(result.created)} created, "
        f"{len(result.written)} written, {len(result.unchanged)} unchanged",
        file=ctx.stderr,
    )
    return 0
