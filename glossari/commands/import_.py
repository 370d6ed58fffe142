"""``glossari import FILE [-l LANG] [--from tbx|csv] [--dry-run] [--force] [--format text|json]``.

Merges the target-language side of a TBX or CSV termbase into the LANG catalogs (see
:mod:`glossari.exchange.merge` for the rules). The module is ``import_`` because ``import`` is a
Python keyword; the command line maps the name.

Text output: one line per value that needs a person's eye (conflicts, unknown and ambiguous
terms, clashes, unconfirmed values, missing messages, notes), then the summary, all on standard
error. ``--format json`` prints the whole report on standard output instead (summary included).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from glossari.commands import language_or_default, read_glossary
from glossari.commands._context import Context, machine_output
from glossari.root import named_path
from glossari.text import terminal_field

__all__ = ["configure", "run", "summary_line"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``import``'s options."""
    parser.add_argument("file", metavar="FILE", help="the TBX or CSV termbase to import")
    parser.add_argument("-l", "--lang", default=None,
                        help="language of the catalogs to fill (default: the first of the "
                        "configuration's languages, else en)")
    parser.add_argument("--from", dest="kind", choices=("tbx", "csv"), default=None,
                        help="the file's format (default: from its extension: .tbx/.xml, .csv)")
    parser.add_argument("--dry-run", action="store_true",
                        help="write nothing; report what an import would do")
    parser.add_argument("--force", action="store_true",
                        help="replace translations the catalogs already have (default: keep "
                        "them and report the conflict)")
    parser.add_argument("--no-language-check", dest="language_check", action="store_false",
                        help="import a CSV file even when its values are another language's "
                        "translations in the catalogs (words both languages write alike: "
                        "Zakat, Sukuk, Budget)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="report as text on standard error (default) or JSON on standard "
                        "output")


def summary_line(summary: dict[str, int], *, dry_run: bool) -> str:
    """The one-line summary of an import.

    >>> summary_line({"applied": 2, "unchanged": 5, "conflict": 1, "unknown": 1,
    ...               "unconfirmed": 0}, dry_run=True)
    'dry run: would apply 2, 5 unchanged, 1 conflict kept, 1 unknown'
    >>> summary_line({"applied": 0, "note": 2}, dry_run=False)
    '0 applied, 0 unchanged, 0 conflicts kept, 0 unknown, 2 notes'
    """
    applied = summary.get("applied", 0)
    parts = [f"would apply {applied}" if dry_run else f"{applied} applied",
             f"{summary.get('unchanged', 0)} unchanged",
             f"{summary.get('conflict', 0)} conflict{'s' if summary.get('conflict') != 1 else ''}"
             " kept",
             f"{summary.get('unknown', 0)} unknown"]
    for kind in ("ambiguous", "unconfirmed", "clash", "missing"):
        if summary.get(kind):
            parts.append(f"{summary[kind]} {kind}")
    if summary.get("note"):  # a deprecated translation, a changed headword: worth reading
        parts.append(f"{summary['note']} note{'s' if summary['note'] != 1 else ''}")
    return ("dry run: " if dry_run else "") + ", ".join(parts)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Import; 2 (with one line naming the file and line) for a file that cannot be read."""
    from glossari.catalog.languages import check_translation_language
    from glossari.exchange import import_termbase, read_termbase

    named_path(args.file, name="FILE")
    lang = check_translation_language(language_or_default(ctx.root(), args.lang))
    root = ctx.root()
    if not args.dry_run:
        root.require_writable("import")
    # the file first: a bad file is refused before the glossary is even read
    base = read_termbase(Path(args.file), kind=args.kind, lang=lang, source=args.file)
    glossary = read_glossary(ctx, lang, root=root)
    report = import_termbase(glossary, base, root=root, lang=lang, force=args.force,
                             dry_run=args.dry_run, language_check=args.language_check)
    machine_output(ctx, args.format)
    if args.format == "json":
        ctx.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        for outcome in report.outcomes:
            if outcome.kind in ("applied", "unchanged") and not outcome.message:
                continue
            what = f"{outcome.term} {outcome.field}: " if outcome.term and outcome.field else (
                f"{outcome.term}: " if outcome.term else "")
            print(f"{base.source}:{outcome.line}: {outcome.kind}: {what}{outcome.message}",
                  file=ctx.stderr)
        for path in report.written:
            print(f"wrote {terminal_field(str(path))}", file=ctx.stderr)
    print(f"glossari import: {summary_line(report.summary, dry_run=args.dry_run)}",
          file=ctx.stderr)
    return 0
