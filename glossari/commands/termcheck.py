"""``glossari termcheck PATH... [--source-lang en] [-l ms]``: a third party's catalogs checked
against the glossary's terms (docs/terms.md).

Each ``.po`` file named (a folder: every ``.po`` file under it) is read; where a message's source
uses a term, its translation must use the term's approved translation, inflected forms counting.
Findings (``T410``) in ``check``'s formats; a summary on standard error. Exit 0 when no finding
reaches ``--fail-on`` (default ``warning``: every finding counts), 1 when one does, 2 when a file
cannot be read.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from glossari.commands import read_glossary
from glossari.commands._context import Context, machine_output
from glossari.diagnostics import SEVERITY_RANK, Finding
from glossari.root import named_path
from glossari.terms import Lang
from glossari.text import counted

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``termcheck``'s options."""
    from glossari.checks.output import FORMATS

    parser.add_argument("paths", metavar="PATH", nargs="+",  # Path'd in run: see there
                        help="a .po file, or a folder (every .po file under it)")
    # the codes are read in run, by the rule find -l reads them with (ms_MY is Malay)
    parser.add_argument("--source-lang", default="en", metavar="LANG",
                        help="the language of the msgids: en (default) or ms, in any "
                        "spelling (en_US)")
    parser.add_argument("-l", "--lang", default=None, metavar="LANG",
                        help="the language of the translations: ms or en, in any spelling "
                        "(ms_MY; default: the other one)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="how findings are written (default: text, one "
                        "'path:line: severity: CODE: message' line each)")
    parser.add_argument("--fail-on", choices=("error", "warning"), default="warning",
                        help="exit 1 when a finding of this severity or worse exists "
                        "(default: warning)")


_NAME_ONE = "name a .po file or a folder holding some"
"""What to do about a catalog path that names none."""


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Check the catalogs; print the findings and a summary."""
    from glossari.catalog.languages import glossary_language
    from glossari.catalog.pofile import require_catalog_file
    from glossari.checks.codes import CODES
    from glossari.checks.output import Rule, write_findings
    from glossari.checks.termcheck import TermChecker, catalog_paths
    from glossari.errors import CatalogError

    # checked as text: Path("") is the current folder, every catalog under it
    args.paths = [Path(named_path(path, name="PATH")) for path in args.paths]
    machine_output(ctx, args.format)
    source: Lang = glossary_language(args.source_lang, path="--source-lang")
    target: Lang = (glossary_language(args.lang) if args.lang is not None
                    else "ms" if source == "en" else "en")
    if target == source:
        # named as written: -l en_GB with --source-lang en was told "-l en", which it was not
        name = "Malay" if target == "ms" else "English"
        print(f"glossari: error: -l {args.lang} is {name}, the source language too "
              f"(--source-lang {args.source_lang}); name the language of the translations",
              file=ctx.stderr)
        return 2
    files = catalog_paths(args.paths)
    named = {path.resolve() for path in args.paths if not path.is_dir()}
    for path in files:
        # before the glossary is read, and before any finding: a pipe or a device named as a
        # catalog was "no such catalog", which it is not
        try:
            require_catalog_file(path, source=str(path), hint=_NAME_ONE)
        except OSError:
            raise CatalogError("no such catalog", path=str(path), hint=_NAME_ONE) from None
    if not files:
        raise CatalogError("no .po file here", path=" ".join(map(str, args.paths)),
                           hint=_NAME_ONE)
    # the terms' headers: the names are all it reads (whole terms from a termbase of 30,000
    # articles took 11 s and 1 GB)
    checker = TermChecker(read_glossary(ctx).headers(), source=source, target=target)

    def findings() -> Iterator[Finding]:
        for path in files:
            # a folder stands for its catalogs in the target language only: locale/ holds
            # every language's, and a French translation lacks every Malay term
            yield from checker.check_file(path, only_target=path.resolve() not in named)

    rules = [Rule(c.code, c.severity, c.summary) for c in CODES.values() if c.code == "T410"]
    counts = write_findings(findings(), args.format, ctx.stdout, rules=rules)
    for warning in checker.warnings:
        print(f"glossari: warning: {warning}", file=ctx.stderr)
    c = checker.counts
    # a translator in their app's folder gets the bundled glossary: say so, or its few terms
    # look like the whole of the glossary they meant
    whose = " of the bundled glossary (--root DIR names yours)" if ctx.root().bundled else ""
    print(f"glossari termcheck: {counted(c.files, 'file')}, {counted(len(checker), 'term')}"
          f"{whose}; "
          f"{counted(c.entries, 'message')}: {c.checked} checked ({c.with_terms} using a term), "
          f"{c.fuzzy} fuzzy and {c.untranslated} untranslated skipped; "
          + (f"{counted(c.other_language, 'catalog')} in another language than {target} "
             "skipped; " if c.other_language else "")
          + (f"{counted(c.other_script, 'catalog')} in another script than the glossary's "
             "Latin skipped; " if c.other_script else "")
          + counted(counts.get("warning", 0), "warning"), file=ctx.stderr)
    threshold = SEVERITY_RANK[args.fail_on]
    return 1 if any(SEVERITY_RANK[s] >= threshold for s, n in counts.items() if n) else 0
