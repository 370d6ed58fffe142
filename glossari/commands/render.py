"""``glossari render -l LANG [-o DIR] [--min-coverage PCT]``: the articles rebuilt in LANG.

Each ``seeds/<id>.md`` is rendered to ``DIR/<id>.md`` (default ``build/LANG`` in the glossary
folder; for the read-only bundled glossary, ``build/LANG`` in the current folder). An article
whose translated share is under ``--min-coverage`` (default 80, as po4a) is not written; standard
error says which and why, and ends with the counts of articles written, unchanged and not written;
the exit code is still 0 (like po4a, a partial translation is not
an error). The source's line endings and byte-order mark are kept.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from glossari.commands._context import Context
from glossari.root import named_path
from glossari.text import counted, quoted, terminal_field

__all__ = ["DEFAULT_MIN_COVERAGE", "configure", "run"]

DEFAULT_MIN_COVERAGE = 80.0
"""po4a's default threshold (``--keep 80``)."""


def _percent(text: str) -> float:
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {quoted(text)}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"a percentage is 0 to 100, not {text}")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``render``'s options."""
    parser.add_argument("-l", "--lang", required=True, help="language to render the articles in")
    parser.add_argument("-o", "--output", metavar="DIR",
                        help="folder for the rendered articles (default: build/LANG in the "
                        "glossary folder, or in the current folder for the bundled glossary)")
    parser.add_argument("--min-coverage", metavar="PCT", type=_percent, default=None,
                        help="write an article only when at least PCT%% of its parts are "
                        "translated (default: the configuration's min-coverage, else "
                        f"{DEFAULT_MIN_COVERAGE:g})")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace files in DIR that render did not write or that were "
                        "edited since (a translator's work: 'glossari align' takes it first)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Render every article; report those under the threshold on standard error."""
    from glossari.config import load_config
    from glossari.render import render_folder

    if args.output is not None:
        named_path(args.output, name="-o")
    root = ctx.root()
    if args.min_coverage is None:  # flag > configuration file > default
        configured = None if root.bundled else load_config(root.path).min_coverage
        args.min_coverage = DEFAULT_MIN_COVERAGE if configured is None else configured
    if args.output is not None:
        output = Path(args.output)
    else:
        output = (Path.cwd() if root.bundled else root.path) / "build" / args.lang
    results = render_folder(root, args.lang, output, min_coverage=args.min_coverage,
                            overwrite=args.overwrite)
    written = unchanged = skipped = 0
    for result in results:
        for note in result.rendering.notes:
            print(f"glossari: warning: {note}", file=ctx.stderr)
        pct = f"{result.rendering.coverage:.0f}%"
        parts = f"{result.rendering.translated} of {counted(result.rendering.total, 'part')}"
        if result.path is None:
            first = sorted(result.rendering.untranslated, key=lambda u: u.line)[:3]
            where = ", ".join(str(u) for u in first) + (
                ", ..." if len(result.rendering.untranslated) > 3 else "")
            print(f"glossari: {result.source}: not written: {pct} translated ({parts}), under "
                  f"--min-coverage {args.min_coverage:g}%; untranslated: {where}",
                  file=ctx.stderr)
            skipped += 1
        else:
            state = "wrote" if result.written else "unchanged"
            written, unchanged = written + result.written, unchanged + (not result.written)
            print(f"{state} {terminal_field(str(result.path))} ({pct}, {parts})",
                  file=ctx.stdout)
    for path in results.removed:
        shown = terminal_field(str(path))  # on one line, as every path printed
        print(f"removed {shown} (its article is no longer in seeds/)", file=ctx.stdout)
    for path in results.left:
        shown = terminal_field(str(path))  # on one line, as every path printed
        print(f"glossari: warning: {shown}: its article is no longer in seeds/ (renamed or "
              "deleted), but the file was edited since 'glossari render' wrote it, so it is "
              f"left; take its translations into the catalogs ('glossari align -l {args.lang}', "
              "after renaming it as its article) or delete it", file=ctx.stderr)
    for path in results.replaced:
        shown = terminal_field(str(path))  # on one line, as every path printed
        if results.previous is None:
            print(f"removed {shown} (its article is now under --min-coverage "
                  f"{args.min_coverage:g}%: the older rendering is outdated)", file=ctx.stdout)
        else:
            print(f"removed {shown} (the {results.previous} rendering of an article not written "
                  f"in {args.lang}: this folder is now {args.lang}'s)", file=ctx.stdout)
    for path in results.kept:
        shown = terminal_field(str(path))  # on one line, as every path printed
        if results.previous is None:
            print(f"glossari: warning: {shown}: its article is now under --min-coverage "
                  f"{args.min_coverage:g}%, so this older rendering is outdated, but it was "
                  "edited since 'glossari render' wrote it, so it is left; take its "
                  f"translations into the catalogs ('glossari align -l {args.lang}') or delete "
                  "it", file=ctx.stderr)
        else:
            print(f"glossari: warning: {shown}: the {results.previous} rendering of an article "
                  f"not written in {args.lang}, edited since 'glossari render' wrote it, so it "
                  f"is left; 'glossari align -l {args.lang}' would take it for {args.lang}: "
                  f"take its translations in with 'glossari align -l {results.previous}' from "
                  "a folder of its own, or delete it", file=ctx.stderr)
    # the summary every writing command ends with; without it, a run that wrote nothing (every
    # article under the threshold, the first run of a new glossary) left no word on what to do
    summary = f"render {args.lang}: {written} written, {unchanged} unchanged, {skipped} not written"
    if results.removed or results.replaced:
        summary += f", {len(results.removed) + len(results.replaced)} removed"
    if results.left:
        summary += f", {len(results.left)} left (edited since, their article gone)"
    if skipped:
        summary += (f" (under --min-coverage {args.min_coverage:g}%: translate their parts, or "
                    "give a lower --min-coverage)")
    print(summary, file=ctx.stderr)
    return 0
