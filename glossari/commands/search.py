"""``glossari search QUERY [-l LANG] [--format text|json]``: full-text search, ranked.

Headwords, every other name (id, aliases, acronyms, link texts, slugs, English variants),
definitions, categories and body text, in Malay and in the translation language; every word of
the query matches as a prefix, case and accents ignored. One hit per term, headword hits first,
then by relevance (bm25). See docs/termbase.md.
"""

from __future__ import annotations

import argparse
import json

from glossari.commands import language_or_default, read_glossary, text_argument
from glossari.commands._context import Context, machine_output
from glossari.text import quoted

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``search``'s options."""
    parser.add_argument("query", metavar="QUERY", help="words to find (each as a prefix)")
    parser.add_argument("-l", "--lang", default=None,
                        help="only hits in this language: ms, or the translation language "
                        "(default: both)")
    parser.add_argument("--translation", default=None, metavar="LANG",
                        help="the translation language searched beside Malay (default: the "
                        "first of the configuration's languages, else en)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (one hit a line) or json (a list of objects)")
    parser.add_argument("-n", "--limit", type=int, default=20,
                        help="at most this many hits (default: 20)")


_MOST = 1_000_000
"""The largest ``--limit``: more hits than any glossary holds terms (SQLite's integers end
at 2**63; a larger one was an internal error)."""


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print the hits (none: an empty list, exit 0)."""
    from glossari.catalog.languages import check_translation_language, side_language
    from glossari.termbase.search import QueryError, require_words

    if not 1 <= args.limit <= _MOST:
        print(f"glossari: error: --limit must be 1 to {_MOST:,}", file=ctx.stderr)
        return 2
    if args.lang is not None:  # Malay in any spelling (ms_MY) is the articles' side: ms
        args.lang = side_language(args.lang)
    if args.lang not in (None, "ms"):  # -l with a translation language implies it
        if args.translation not in (None, args.lang):
            print(f"glossari: error: -l {args.lang} and --translation {args.translation} name "
                  "two translation languages; give one of them", file=ctx.stderr)
            return 2
        translation = args.lang
    elif args.translation is not None:
        # checked under its own name: read_glossary's check says "-l", which was not given
        translation = check_translation_language(args.translation, path="--translation")
    else:
        translation = language_or_default(ctx.root(), None)
    query = text_argument(args.query, name="QUERY")
    try:
        require_words(query)  # before the (long) load: a query with no word is a usage error
    except QueryError as error:
        print(f"glossari: error: {error}", file=ctx.stderr)
        return 2
    glossary = read_glossary(ctx, translation)
    try:
        hits = glossary.search(query, lang=args.lang, limit=args.limit)
    except QueryError as error:
        print(f"glossari: error: {error}", file=ctx.stderr)
        return 2
    machine_output(ctx, args.format)
    if args.format == "json":
        ctx.stdout.write(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=2)
                         + "\n")
        return 0
    for hit in hits:
        # one line per hit: the snippet's own line breaks go (the output stream shows any
        # control character escaped: glossari.text.terminal_text)
        snippet = " ".join(hit.snippet.split())
        ctx.stdout.write(f"{hit.id}\t{hit.field}\t{hit.lang or '-'}\t{snippet}\n")
    if not hits:
        print(f"glossari: no term matches {quoted(query)}", file=ctx.stderr)
    return 0
