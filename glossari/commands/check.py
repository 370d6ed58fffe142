"""``glossari check [-l LANG] [--format text|json|sarif|github] [--fail-on error|warning]
[--select CODES] [--ignore CODES]``: quality findings.

Text output: one ``path:line: severity: CODE: message`` line per finding on standard output, then
a summary on standard error. JSON output: a list of findings (``Finding.as_json()``); SARIF 2.1.0
and GitHub Actions annotations come from :mod:`glossari.checks.output`. Exit 0 when no finding
reaches ``--fail-on`` (default ``error``), 1 when one does, 2 for bad usage or input that cannot
be read. The codes are documented in docs/checks.md. Defaults for ``-l``, ``--fail-on``,
``--select``, ``--ignore`` and each code's severity come from the glossary's configuration
(:mod:`glossari.config`); a flag wins over the file.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from glossari.commands._context import Context, language_arg, machine_output
from glossari.diagnostics import SEVERITY_RANK

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import TextIO

    from glossari.checkmemo import CheckMemo, Remembered
    from glossari.checks.output import FindingPolicy
    from glossari.diagnostics import Finding

__all__ = ["configure", "run"]

def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``check``'s options."""
    parser.add_argument(
        "-l", "--lang", action="append", type=language_arg, metavar="LANG",
        help="check the catalogs of LANG (repeatable; default: the configuration's languages, "
        "else every language under locale/)",
    )
    parser.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text",
                        help="text: one 'path:line: severity: CODE: message' line per finding "
                        "(default); json: a list of objects; sarif: SARIF 2.1.0 (code "
                        "scanning); github: GitHub Actions annotations")
    parser.add_argument("--fail-on", choices=("error", "warning"), default=None,
                        help="exit 1 when a finding of this severity or worse exists "
                        "(default: the configuration's, else error)")
    parser.add_argument("--select", type=_selected, metavar="CODES",
                        help="report only these codes or code prefixes, comma-separated "
                        "(e.g. S1,C203; replaces the configuration's select)")
    parser.add_argument("--ignore", type=_codes, metavar="CODES",
                        help="never report these codes or code prefixes, comma-separated "
                        "(replaces the configuration's ignore)")


def _codes(value: str) -> tuple[str, ...]:
    from glossari.checks.codes import unknown_code

    codes = tuple(part.strip() for part in value.split(",") if part.strip())
    for code in codes:
        problem = unknown_code(code)
        if problem is not None:
            raise argparse.ArgumentTypeError(f"{problem} (the codes are in docs/checks.md)")
    return codes


def _selected(value: str) -> tuple[str, ...]:
    """``--select``'s codes: at least one, for a select of none reported nothing and passed
    (``--select "$CODES"`` with the variable unset: exit 0 whatever the findings)."""
    codes = _codes(value)
    if not codes:
        raise argparse.ArgumentTypeError(
            "no code given, so no finding would be reported; give codes such as S1,C203, or "
            "leave --select out to report the configuration's select (else every code)")
    return codes


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Check the glossary and its catalogs; print the findings and a summary."""
    from glossari.checkmemo import CheckMemo
    from glossari.checks.output import FindingPolicy
    from glossari.config import Config, load_config

    machine_output(ctx, args.format)
    root = ctx.root()
    config = Config() if root.bundled else load_config(root.path)
    # a language given twice (`-l en -l en`) is checked and summed up once
    langs: list[str] | None = (list(dict.fromkeys(args.lang)) if args.lang else
                               list(config.languages) if config.languages else None)
    load_lang = langs[0] if langs else "en"
    policy = FindingPolicy(
        select=args.select if args.select is not None else config.check.select,
        ignore=args.ignore if args.ignore is not None else config.check.ignore,
        severity=config.check.severity,
    )
    fail_on = args.fail_on or config.check.fail_on or "error"
    # the memo holds every finding as the checks report them: text and JSON straight from it,
    # anything else (a policy, SARIF, GitHub) read back from its JSON
    direct = policy.is_identity and args.format in ("text", "json")
    source_format = args.format if direct else "json"
    # unchanged articles, catalogs and code: the last result stands (glossari/checkmemo.py)
    memo = CheckMemo.open(root, langs, load_lang)
    result = memo.get(source_format) if memo is not None else None
    fresh = result is None
    if result is None:
        result = _run_checks(ctx, langs, load_lang, source_format, memo)
    try:
        if direct:
            result.write_output(args.format, ctx.stdout)
            written = result.counts
        else:
            written = _write_with_policy(result.open("json"), policy, args.format, ctx)
    finally:
        result.close()
        if fresh and (memo is None or not memo.holds(result)):
            for path in result.outputs.values():
                path.unlink(missing_ok=True)
    counts = Counter(written)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
             for s in ("error", "warning", "info")]
    terms = result.terms
    summary = f"glossari check: {terms} term{'s' if terms != 1 else ''}; " + ", ".join(parts)
    for lang, coverage in result.coverage:
        summary += f"; {lang}: {coverage}"
    if not result.langs:
        summary += "; no catalogs to check under locale/"
    print(summary, file=ctx.stderr)
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[s] >= threshold for s, n in written.items() if n)
    return 1 if failing else 0


def _write_with_policy(handle: TextIO, policy: FindingPolicy, fmt: str,
                       ctx: Context) -> dict[str, int]:
    from glossari.checks.codes import CODES
    from glossari.checks.output import Rule, read_findings_json, write_findings

    rules = [Rule(code.code, code.severity, code.summary) for code in CODES.values()]
    findings = policy.filter(read_findings_json(handle))  # past the memo key line
    if fmt in ("github", "sarif"):
        findings = _from_here(findings, ctx.root().path)
    return write_findings(findings, fmt, ctx.stdout, rules=rules)


def _from_here(findings: Iterable[Finding], root: Path) -> Iterator[Finding]:
    """``findings`` with their paths from the current folder, where CI runs: GitHub resolves an
    annotation's ``file=`` and a SARIF ``uri`` from the repository's top, and a glossary kept
    in a subfolder (``--root docs/glossary``) named files at the top that do not exist. A
    glossary outside the current folder (the bundled one) keeps its own paths."""
    from dataclasses import replace

    try:
        prefix = root.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        prefix = Path()
    for finding in findings:
        if prefix.parts and finding.path and not Path(finding.path).is_absolute():
            finding = replace(finding, path=(prefix / finding.path).as_posix())
        yield finding


def _run_checks(ctx: Context, langs: list[str] | None, load_lang: str, fmt: str,
                memo: CheckMemo | None) -> Remembered:
    # heavy imports (markdown-it-py, the catalog parser) only once the checks really run
    from dataclasses import replace

    from glossari._store import Store
    from glossari.checkmemo import CheckOutput, Remembered
    from glossari.checks import stream_check
    from glossari.checks.catalogs import describe_coverage
    from glossari.glossary import load_glossary
    from glossari.langid import LanguageIdentifier
    from glossari.model import English
    from glossari.progress import progress

    root = ctx.root()
    # the sources, not the termbase: check reports on them (and keeps their cache warm)
    glossary = load_glossary(root, lang=load_lang, compiled=False, write_cache=True)
    count, reported = len(glossary), glossary.findings
    # The checks read the Malay side and the catalogs themselves (file by file): the English
    # bodies and the lookup tables loading built (hundreds of MB at 30,000 articles) can go. The
    # headword and its status stay (a few bytes each), and so do the names: link resolution and
    # every finding are then exactly the library's (tests/test_concepts.py).
    terms = [replace(term, english=English(title=term.english.title, status=term.english.status))
             for term in glossary]
    del glossary
    langid = LanguageIdentifier(
        Store.of(root),
        # a cold run on a large glossary detects for minutes: show it on a terminal
        progress=lambda results, total: progress(results, total, "check: language", ctx.stderr),
    )
    run = stream_check(terms, root, langs, langid=langid, reported=reported)
    # the findings go to files as they come (a million of them do not fit in memory as text);
    # both formats when they are remembered, so a later run in the other format is warm too
    output = CheckOutput(memo.folder if memo is not None else None,
                         key=memo.key if memo is not None else "",
                         formats=("text", "json") if memo is not None else (fmt,))
    try:
        for finding in run.findings:
            output.add(finding)
        output.finish()
    except BaseException:
        output.discard()
        raise
    result = Remembered(
        counts=output.counts, langs=run.langs, terms=count, outputs=output.paths,
        handles=output.readers,
        coverage=tuple((lang, describe_coverage(c)) for lang, c in run.coverage),
    )
    if memo is not None:
        memo.put(result)
    return result
