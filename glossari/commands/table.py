"""``glossari table``: the bilingual term table as Markdown, CSV, HTML, TBX or JSON.

Markdown goes to standard output unless ``-o FILE`` is given; a file is written atomically (a
reader never sees half of it) and left untouched when its content would not change. Without
``--format``, the format follows the extension of ``-o`` (``.csv``, ``.html``, ``.tbx`` or
``.xml``, ``.json``, ``.md``), else Markdown.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from glossari._atomic import write_output
from glossari.commands import language_or_default, read_glossary, text_argument
from glossari.commands._context import Context
from glossari.export import FORMATS, render_table
from glossari.export.rows import (
    STATUSES,
    misspelt_category,
    rows_from_glossary,
    targets_by_source,
)
from glossari.root import named_path
from glossari.text import counted, terminal_field

__all__ = ["configure", "run"]

_BY_SUFFIX = {
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".tbx": "tbx",
    ".xml": "tbx",  # as import reads it (glossari.exchange.guess_kind): .xml is a TBX file
    ".json": "json",
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``table``'s options."""
    parser.add_argument("-l", "--lang", default=None,
                        help="language of the translation beside the Malay (default: the first "
                        "of the configuration's languages, else en)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: from the -o extension; md for none or .txt)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (atomically) instead of standard output")
    parser.add_argument("--category", metavar="C",
                        help="only terms with this category (Malay or English; case and "
                        "accents ignored)")
    parser.add_argument("--status", choices=STATUSES,
                        help="only terms whose translation has this status")
    parser.add_argument("--sort", choices=("ms", "en"), default="ms",
                        help="sort by the Malay (default) or the translated headword")
    parser.add_argument("--tbx-version", choices=("2008", "3"), default=None,
                        help="TBX flavour: 2008 (<martif>, read by translate-toolkit and "
                        "Weblate; default) or 3 (ISO 30042:2019 <tbx>)")
    parser.add_argument("--csv-weblate", action="store_true",
                        help="CSV with Weblate's glossary columns: source, target, context, "
                        "fuzzy, developer_comments (implies --format csv)")
    parser.add_argument("--bom", action="store_true",
                        help="start CSV output with a UTF-8 byte-order mark (for Excel)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print or write the table; 2 with a one-line message on a contradictory option."""
    if args.output is not None:
        named_path(args.output, name="-o")
    args.lang = language_or_default(ctx.root(), args.lang)
    problem = _check(args)
    if problem:
        print(f"glossari: error: {problem}", file=ctx.stderr)
        return 2
    fmt = _format(args)
    root = ctx.root()
    if args.output and args.output != "-":
        root.require_output(args.output, "table -o")
    category = None if args.category is None else text_argument(args.category,
                                                                  name="--category")
    glossary = read_glossary(ctx, args.lang)
    if category is not None and not category.strip():
        # `--category "$CATEGORY"` with the variable unset printed an empty table, exit 0, and
        # not even the note an unmatched filter gets; the example is one of this glossary's
        # (`Careers`, the bundled glossary's, was named in every glossary, where it matched
        # nothing)
        example = next((c for t in glossary.headers() for c in t.categories if c.strip()), None)
        such = f"such as {terminal_field(example)}, " if example is not None else ""
        print(f"glossari: error: --category: an empty category; give one of the glossary's, "
              f"{such}or leave it out", file=ctx.stderr)
        return 2
    # a table shows no article body: the terms without theirs are cheaper to read
    rows = rows_from_glossary(
        glossary.headers(), category=category, status=args.status, sort=args.sort,
        link_targets=targets_by_source(glossary.link_ids()),
    )
    if not rows and (args.category or args.status):
        near = None if category is None else misspelt_category(glossary.headers(), category)
        meant = "" if near is None else (f" (no term has the category '{category}'; did you "
                                         f"mean '{near}'?)")
        print(f"glossari: note: no term matches the filters; the table is empty{meant}",
              file=ctx.stderr)
    lost = []
    if args.csv_weblate:
        from glossari.export.csvtable import weblate_losses

        lost = weblate_losses(rows)
    if lost:
        term_id, value = lost[0]
        print(f"glossari: warning: Weblate's import reads {counted(len(lost), 'value')} without "
              f"the quotes around it (the first: {terminal_field(value)!r} of "
              f"{terminal_field(term_id)}): no CSV cell keeps them; send those terms as TBX "
              "(--format tbx)", file=ctx.stderr)
    text = render_table(
        rows,
        fmt,
        lang=args.lang,
        sort=args.sort,
        tbx_version=args.tbx_version or "2008",
        weblate=args.csv_weblate,
        bom=args.bom,
    )
    if args.output and args.output != "-":
        write_output(args.output, text.encode("utf-8"))
        print(f"glossari: {counted(len(rows), 'term')} written to {terminal_field(args.output)}",
              file=ctx.stderr)
        return 0
    buffer = getattr(ctx.stdout, "buffer", None)
    if buffer is not None and not ctx.stdout.isatty():
        # UTF-8 whatever the locale says, and CSV's CRLF kept as is.
        ctx.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        # a terminal reads the table, not a program: through the text stream, whose filter shows
        # a bidirectional control escaped (glossari.text.terminal_text), as show and search do
        ctx.stdout.write(text)
    return 0


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.csv_weblate:
        return "csv"
    if args.output and args.output != "-":
        return _BY_SUFFIX.get(Path(args.output).suffix.lower(), "md")
    return "md"


def _check(args: argparse.Namespace) -> str | None:
    from glossari.catalog.languages import check_translation_language
    from glossari.errors import CatalogError

    try:
        check_translation_language(args.lang)
    except CatalogError as error:  # the one validator of language codes
        return str(error)
    fmt = _format(args)
    suffix = Path(args.output).suffix.lower() if args.output and args.output != "-" else ""
    if args.format is None and not args.csv_weblate and suffix not in (*_BY_SUFFIX, "", ".txt"):
        # `-o terms.xlsx` wrote a Markdown table that the spreadsheet then refused to open
        return (f"cannot tell the format from the extension '{suffix}'; add --format "
                f"{'|'.join(FORMATS)}, or name the file .md, .csv, .html, .tbx or .json")
    if args.csv_weblate and fmt != "csv":
        return f"--csv-weblate makes CSV, not {fmt}; drop --format or --csv-weblate"
    if args.bom and fmt != "csv":
        return f"--bom applies to CSV only, not {fmt}; drop --bom"
    if args.tbx_version and fmt != "tbx":
        return f"--tbx-version applies to TBX only, not {fmt}; add --format tbx"
    return None
