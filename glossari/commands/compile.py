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
    root.require_writable("compile")
    # the termbase of each language compiled (of English when there are no catalogs yet), first:
    # it reads the articles and the catalogs, so a bad one stops the run before any .mo is written
    if args.lang is None:
        langs = languages(root) or ["en"]
    else:  # a language without catalogs: compile_catalogs says so, and nothing is written
        langs = [args.lang] if root.catalogs(args.lang).is_dir() else []
    termbases = [compile_termbase(root, lang) for lang in langs]
    result = compile_catalogs(root, args.lang, wrap=stderr_progress(ctx))
    print(
        f"compile: {result.messages} translated messages; {len(result.written)} written, "
        f"{len(result.unchanged)} unchanged; termbase "
        + ", ".join(f"{p.parent.name} {'written' if w else 'fresh'}" for p, w in termbases),
        file=ctx.stderr,
    )
    return 0
