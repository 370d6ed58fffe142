"""``glossari compile [-l LANG]``: catalogs to ``.mo`` files (:mod:`glossari.catalog.compile`),
and each language's compiled termbase, ``locale/LANG/glossari.sqlite`` (docs/termbase.md), which
:func:`glossari.load` then opens instantly."""

from __future__ import annotations

import argparse

from glossari.catalog.compile import compile_catalogs, languages
from glossari.commands._context import Context, stderr_progress
from glossari.glossary import compile_termbase

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``compile``'s options."""
    parser.add_argument("-l", "--lang", metavar="LANG",
                        help="language to compile (default: every language under locale/)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Compile, and print a one-line summary on standard error."""
    root = ctx.root()
    result = compile_catalogs(root, args.lang, wrap=stderr_progress(ctx))
    # then the termbase of each language compiled (of English when there are no catalogs yet):
    # after the .mo files, so a failed .mo write leaves no new termbase either
    langs = [args.lang] if args.lang else languages(root) or ["en"]
    termbases = [compile_termbase(root, lang) for lang in langs]
    print(
        f"compile: {result.messages} translated messages; {len(result.written)} written, "
        f"{len(result.unchanged)} unchanged; termbase "
        + ", ".join(f"{path.parent.name} {done}" for path, done in termbases),
        file=ctx.stderr,
    )
    return 0
