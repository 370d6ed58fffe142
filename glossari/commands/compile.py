"""``glossari compile [-l LANG]``: catalogs to ``.mo`` files (:mod:`glossari.catalog.compile`),
and each language's compiled termbase, ``locale/LANG/glossari.sqlite`` (docs/termbase.md), which
:func:`glossari.load` then opens instantly."""

from __future__ import annotations

import argparse

from glossari.catalog.compile import compile_catalogs, languages
from glossari.commands._context import Context, stderr_progress
from glossari.glossary import compile_termbase
from glossari.text import counted

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``compile``'s options."""
    parser.add_argument("-l", "--lang", metavar="LANG",
                        help="language to compile (default: every language under locale/)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Compile, and print a one-line summary on standard error. Its count is of the messages
    in the ``.mo`` files, as ``msgfmt --statistics`` counts "translated messages": every
    current translation, those ``render`` refuses (C203, C204, C208, C209) too, which ``check``,
    ``update`` and the termbase count untranslated (what a reader gets)."""
    root = ctx.root()
    result = compile_catalogs(root, args.lang, wrap=stderr_progress(ctx))
    # then the termbase of each language compiled (of English when there are no catalogs yet):
    # after the .mo files, so a failed .mo write leaves no new termbase either
    langs = [args.lang] if args.lang else languages(root) or ["en"]
    termbases = [compile_termbase(root, lang) for lang in langs]
    for warning in result.warnings:  # a header naming another language (check's C210)
        print(f"glossari: warning: {warning}", file=ctx.stderr)
    print(
        f"compile: {counted(result.messages, 'message')} in the .mo files; "
        f"{len(result.written)} written, "
        f"{len(result.unchanged)} unchanged; termbase "
        + ", ".join(f"{path.parent.name} {done}" for path, done in termbases),
        file=ctx.stderr,
    )
    return 0
