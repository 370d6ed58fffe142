"""``glossari init [DIR]``: scaffold a new glossary (see :mod:`glossari.scaffold`)."""

from __future__ import annotations

import argparse

from glossari.commands._context import Context
from glossari.root import named_path

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``init``'s argument."""
    parser.add_argument("dir", metavar="DIR", nargs="?", default=".",
                        help="the new glossary folder (default: the current folder)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Write the new glossary's files and say what to do next."""
    from glossari.scaffold import init_glossary
    from glossari.text import shell_path, terminal_field

    written = init_glossary(named_path(args.dir, name="DIR"))
    for path in written:
        print(f"wrote {terminal_field(str(path))}", file=ctx.stdout)
    # the next command is meant to be pasted: a folder such as `Glosari Kewangan` is quoted,
    # and one named like an option (`-x`) written ./-x, which --root takes as its value
    # a path on its one line (glossari.text.terminal_field): `init $'a\nb'` split it in two
    print(f"glossari init: a new glossary in {terminal_field(args.dir)}; next: glossari --root "
          f"{shell_path(args.dir)} extract", file=ctx.stderr)
    return 0
