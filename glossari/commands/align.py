"""``glossari align -l LANG DIR [--force]``: fill LANG catalogs from translated articles."""

from __future__ import annotations

import argparse
from pathlib import Path

from glossari.commands._context import Context
from glossari.root import named_path
from glossari.text import terminal_field

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``align``'s options."""
    parser.add_argument("-l", "--lang", required=True, help="language of the translated articles")
    parser.add_argument("folder", metavar="DIR",
                        help="folder of translated articles, named as in seeds/ (X.md for "
                        "seeds/X.md) and with the same structure")
    parser.add_argument("--force", action="store_true",
                        help="replace translations the catalogs already have (default: keep them)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Align; exit 2 when a file's structure differs from its seed (the others are still used)."""
    from glossari.align.gettextize import align_folder

    folder = named_path(args.folder, name="DIR")
    root = ctx.root()
    root.require_writable("align")
    report = align_folder(root, args.lang, Path(folder), force=args.force,
                          label=args.folder)
    for name in report.skipped:
        print(f"glossari: warning: {terminal_field(name)}: no seeds/"
              f"{terminal_field(Path(name).name)}; skipped", file=ctx.stderr)
    for file in report.files:
        if file.error is not None:
            print(f"glossari: error: {file.error}", file=ctx.stderr)
            continue
        if file.rendered:
            print(f"{terminal_field(str(file.path))}: as 'glossari render' wrote it, nothing "
                  "of a translator's to take", file=ctx.stdout)
            continue
        for note in file.notes:
            print(f"glossari: warning: {note}", file=ctx.stderr)
        parts = [f"{file.filled} filled"]
        if file.same:
            parts.append(f"{file.same} already so")
        if file.untouched:
            parts.append(f"{file.untouched} still in Malay, left untranslated")
        if file.withdrawn:
            parts.append(f"{file.withdrawn} given back in Malay, marked fuzzy (see the "
                         "warnings)")
        if file.refused:
            parts.append(f"{file.refused} not taken (see the warnings)")
        if file.as_rendered:
            parts.append(f"{file.as_rendered} link texts in blocks as 'glossari render' wrote "
                         "them, not taken")
        if file.kept:
            parts.append(f"{file.kept} kept (see the warnings)" if args.force else
                         f"{file.kept} kept (already translated; --force replaces them)")
        if file.missing:
            parts.append(f"{file.missing} not in the catalogs (run 'glossari extract' and "
                         f"'glossari update -l {args.lang}')")
        print(f"{terminal_field(str(file.path))}: {', '.join(parts)}", file=ctx.stdout)
    for path in report.written:
        print(f"wrote {terminal_field(str(path))}", file=ctx.stdout)
    if not report.written:
        print("no catalog changed", file=ctx.stdout)
    return 2 if report.failed else 0
