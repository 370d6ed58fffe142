"""``glossari site [-l LANG] [-o DIR] [--base-url URL]``: the bilingual static website.

The site goes to ``DIR`` (default ``build/site`` in the glossary folder; for the read-only bundled
glossary, ``build/site`` in the current folder). Open ``DIR/index.html`` in a browser, or serve the
folder with any web server. A second run rewrites only the files that changed. See docs/site.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from glossari.catalog.languages import check_translation_language
from glossari.commands import language_or_default, read_glossary
from glossari.commands._context import Context
from glossari.root import named_path
from glossari.text import counted, terminal_field

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``site``'s options."""
    parser.add_argument("-l", "--lang", default=None,
                        help="language beside the Malay (default: the first of the "
                        "configuration's languages, else en)")
    parser.add_argument("-o", "--output", metavar="DIR",
                        help="folder for the site (default: build/site in the glossary folder, "
                        "or in the current folder for the bundled glossary)")
    parser.add_argument("--base-url", metavar="URL",
                        help="the address the site will be published at (https://...): makes "
                        "the sitemap, canonical and hreflang addresses absolute")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Build the site; one summary line on standard error."""
    from glossari.export.site import (
        build_site,
        check_base_url,
        check_output,
    )
    from glossari.progress import progress

    if args.output is not None:
        named_path(args.output, name="-o")
    lang = check_translation_language(language_or_default(ctx.root(), args.lang))
    if args.base_url is not None:
        check_base_url(args.base_url)  # before the (long) load
    root = ctx.root()
    if args.output is not None:
        output = Path(args.output)
    else:
        output = (Path.cwd() if root.bundled else root.path) / "build" / "site"
    check_output(output, root)
    glossary = read_glossary(ctx, lang, root=root)
    result = build_site(glossary, output, base_url=args.base_url,
                        progress=lambda terms, total: progress(terms, total, "site", ctx.stderr))
    shown = terminal_field(str(output))  # on its one line, a newline in it shown as \n
    print(f"glossari: site of {counted(result.terms, 'term')} in {shown}: "
          f"{counted(result.rendered, 'term page')} rendered, {len(result.written)} of "
          f"{counted(result.files, 'file')} written, "
          f"{len(result.removed)} removed; open {terminal_field(str(output / 'index.html'))}",
          file=ctx.stderr)
    return 0
