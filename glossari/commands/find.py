"""``glossari find [-l ms|LANG] [TEXT | -] [--format text|json]``: the glossary's terms in a text,
each with its headword in the other language (a reader's aid; docs/terms.md).

Text output: one line per term found, ``start-end  surface  ->  term (other headword)``; JSON: a
list of objects (``start``, ``end``, ``text``, ``form``, ``term``, ``ms``, ``en``). Without TEXT,
or with ``-``, the text is read from standard input (UTF-8, :func:`glossari.text.decode_text`).
"""

from __future__ import annotations

import argparse
import json
from typing import Literal

from glossari.commands import read_glossary, text_argument
from glossari.commands._context import Context, machine_output

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``find``'s options."""
    parser.add_argument("text", metavar="TEXT", nargs="?", default="-",
                        help="the text to read (default, or '-': standard input)")
    parser.add_argument("-l", "--lang", default="ms",
                        help="the language of the text: ms (default), or a language the "
                        "glossary is translated into (en, fr, ...), read by its catalogs")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default): one line per term; json: a list of objects")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print the terms found in the text."""
    import sys

    from glossari.catalog.languages import side_language
    from glossari.text import decode_text, terminal_field

    # the language and the glossary first: a bad -l (or a language without catalogs) was
    # said only once the whole text was read, and standard input waited for one at a terminal
    lang = side_language(args.lang)  # Malay in any spelling (ms_MY) is the articles' side
    if lang == "ms":
        side: Literal["ms", "en"] = "ms"
        glossary = read_glossary(ctx)
    else:  # the text is in a translation language: its catalogs' names (find -l fr)
        side = "en"
        glossary = read_glossary(ctx, lang)
    if args.text == "-":
        # bytes, decoded by one rule whatever the locale: a terminal's or pipe's encoding
        # would read Latin-1 or UTF-16 as mojibake, or as nothing
        if sys.stdin is None:  # closed before glossari started (`<&-`)
            from glossari.errors import InputError

            raise InputError("standard input is closed", path="<stdin>",
                             hint="give the text as an argument, or pipe it in")
        stream = getattr(sys.stdin, "buffer", None)
        text = (decode_text(stream.read(), source="<stdin>") if stream is not None
                else sys.stdin.read())
    else:
        text = text_argument(args.text, name="TEXT")
    found = glossary.find_terms(text, lang=side)
    machine_output(ctx, args.format)
    if args.format == "json":
        # row by row, as json.dumps(rows, indent=2) would print the list: a list of dicts and
        # its one string for a 30 MB text took 5 GB (the matches alone take 1 GB)
        encode = json.JSONEncoder(ensure_ascii=False, indent=2).encode
        ctx.stdout.write("[" if found else "[]\n")
        for start in range(0, len(found), 1000):  # a write per 1,000 rows: each is filtered
            ctx.stdout.write("".join(
                ("\n  " if start + offset == 0 else ",\n  ") + encode(
                    {"start": m.start, "end": m.end, "text": m.text, "form": m.form,
                     "term": m.term.id, "ms": m.term.title, "en": m.term.english.title,
                     # a slug's guess is no translation: said, as the text output says it
                     "status": m.term.english.status},
                ).replace("\n", "\n  ")
                for offset, m in enumerate(found[start:start + 1000])))
        if found:
            ctx.stdout.write("\n]\n")
        return 0
    for m in found:
        other = m.term.english.title if side == "ms" else m.term.title
        note = "" if side == "en" or m.term.english.status == "translated" else (
            f", {m.term.english.status}")
        # a tab or a line break in the surface (`unit\namanah`) shown escaped: one line a term
        ctx.stdout.write(f"{m.start}-{m.end}\t{terminal_field(m.text)}\t-> {m.term.id} "
                         f"({terminal_field(other) if other else 'no other headword yet'}"
                         f"{note})\n")
    return 0
