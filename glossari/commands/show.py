"""``glossari show TERM [-l LANG]``: one term, readably."""

from __future__ import annotations

import argparse
import shlex

from glossari.commands import language_or_default, read_glossary, text_argument
from glossari.commands._context import Context
from glossari.export.termview import format_term
from glossari.text import terminal_field

__all__ = ["configure", "format_term", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``show``'s options."""
    parser.add_argument("term", metavar="TERM",
                        help="the term's id or any of its names: Malay or English "
                        "headword, alias, acronym, link text or target, English variant")
    parser.add_argument("-l", "--lang", default=None,
                        help="language of the translations shown beside the Malay headword, "
                        "definition and categories; the body is shown as written (default: "
                        "the first of the configuration's languages, else en)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print the term, or a one-line error with suggestions (exit 2)."""
    args.lang = language_or_default(ctx.root(), args.lang)
    glossary = read_glossary(ctx, args.lang)
    try:
        term = glossary.lookup(text_argument(args.term, name="TERM"))
    except KeyError as error:
        from glossari.termbase.search import QueryError, require_words

        message = error.args[0]
        try:  # a search is for words: a TERM of no word ('', '!!') has none, search refuses it
            require_words(args.term)
            searchable = True
        except QueryError:
            searchable = False
        if "did you mean" not in message and searchable:
            # no name is near: the words may be in a definition or another name's middle
            # the typed text quoted back on the error's one line: a CR in it returned to the
            # line's start and printed the rest over the error (glossari.text.terminal_field)
            typed = shlex.quote(terminal_field(args.term[:80]))
            message += f"; look for it with: glossari search {typed}"
        print(f"glossari: error: {message}", file=ctx.stderr)
        return 2
    ctx.stdout.write(format_term(term, lang=args.lang, glossary=glossary))
    return 0
