"""Running every check over a glossary and its catalogs: :func:`run_checks` and :func:`check`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossari._store import CACHE_DIR, Store
from glossari.align.resolve import TargetIndex, resolve_link
from glossari.catalog.messages import (
    GLOSSARY_DOMAIN,
    article_domain,
    is_link_context,
    link_context,
)
from glossari.catalog.pofile import Entry
from glossari.catalog.usable import Definitions, definitions_by_message
from glossari.checks.catalogs import (
    CatalogFile,
    Coverage,
    LanguageCatalogs,
    MessageKey,
    catalog_languages,
    catalog_source,
    domain_coverage,
    entry_findings,
    header_language,
    language_files,
    load_catalog_file,
    term_coverage,
)
from glossari.checks.language import judges, source_language, still_malay, too_short
from glossari.checks.parity import says
from glossari.checks.source import SOURCE_CHECKS, unread_article_findings
from glossari.checks.terms import (
    Termbase,
    consistency_finding,
    missing_terms,
    shared_english,
    termbase,
)
from glossari.diagnostics import Finding
from glossari.langid import LanguageIdentifier, detection_text, judged_text
from glossari.model import Term
from glossari.root import GlossaryRoot
from glossari.text import lookup_key

__all__ = ["CheckRun", "Report", "check", "run_checks", "stream_check"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """What :func:`check` found."""

    findings: tuple[Finding, ...]
    """Sorted by path, line, code, message; no duplicates."""
    coverage: tuple[tuple[str, Coverage], ...]
    """Per checked language, the counts over all its catalogs."""
    langs: tuple[str, ...]
    """The languages whose catalogs were checked."""


def _sort_key(f: Finding) -> tuple[str, int, str, str]:
    return (f.path, f.line, f.code, f.message)


class CheckRun:
    """A check under way: iterate :attr:`findings` (sorted as :attr:`Report.findings`), then
    read :attr:`coverage`. Made by :func:`stream_check`."""

    __slots__ = ("coverage", "findings", "langs")

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs
        """The languages whose catalogs are checked."""
        self.coverage: tuple[tuple[str, Coverage], ...] = ()
        """Per checked language, its counts: set once :attr:`findings` is exhausted."""
        self.findings: Iterator[Finding] = iter(())
        """Every finding, sorted by path, line, code, message, without duplicates."""


def check(
    glossary: Iterable[Term],
    root: GlossaryRoot | Path,
    langs: Sequence[str] | None = None,
    *,
    langid: LanguageIdentifier | None = None,
) -> Report:
    """Run every check. ``langs`` None: every language with catalogs under ``root/locale``.

    ``langid`` defaults to an identifier cached in ``root/.glossari-cache`` (in memory only for
    the read-only bundled glossary). Raises :class:`~glossari.errors.CatalogError` for a catalog
    that cannot be read: that is bad input, not a finding. :func:`stream_check` does the same
    work without holding every finding at once.
    """
    run = stream_check(glossary, root, langs, langid=langid)
    findings = tuple(run.findings)
    return Report(findings=findings, coverage=run.coverage, langs=run.langs)


def run_checks(
    glossary: Iterable[Term], root: GlossaryRoot | Path, langs: Sequence[str] | None = None,
) -> list[Finding]:
    """Every finding about ``glossary`` and its ``langs`` catalogs, sorted by path, line, code."""
    return list(check(glossary, root, langs).findings)


def stream_check(
    glossary: Iterable[Term],
    root: GlossaryRoot | Path,
    langs: Sequence[str] | None = None,
    *,
    langid: LanguageIdentifier | None = None,
    reported: Sequence[Finding] | None = None,
) -> CheckRun:
    """:func:`check`, with the findings as a stream in their final order.

    Catalogs are read one file at a time and let go after it, and the findings of each catalog
    file are handed on as soon as the file is done (a file's path is their first sort key), so
    memory stays bounded by the largest catalog file and its findings, whatever the glossary's
    size. (A check of 30,000 articles whose English is still Malay finds over a million things.)
    An unknown language, or one without catalogs, raises at once; a catalog that cannot be read
    raises :class:`~glossari.errors.CatalogError` while the findings are read.

    ``reported``: what loading the terms reported (default: ``glossary.findings`` when
    ``glossary`` is a :class:`~glossari.glossary.Glossary`); those findings stand, and are not
    repeated by a check that backs them up.
    """
    folder = root.path if isinstance(root, GlossaryRoot) else Path(root)
    bundled = isinstance(root, GlossaryRoot) and root.bundled
    if langid is None:
        langid = LanguageIdentifier(None if bundled else Store(folder / CACHE_DIR))
    terms = tuple(glossary)
    chosen = tuple(langs) if langs is not None else catalog_languages(folder)
    files = {lang: language_files(folder, lang) for lang in chosen}
    run = CheckRun(chosen)
    # What loading reported (reader, link resolution) stands.
    loaded = tuple(reported if reported is not None else getattr(glossary, "findings", ()))
    if not bundled:  # what the glossary folder holds but loading never reads (S112)
        loaded += tuple(unread_article_findings(folder))
    run.findings = _findings(run, terms, loaded, files, langid)
    return run


def _findings(
    run: CheckRun, terms: tuple[Term, ...], loaded: tuple[Finding, ...],
    files: dict[str, dict[str, Path]], langid: LanguageIdentifier,
) -> Iterator[Finding]:
    articles = [term for term in terms if term.kind == "article"]
    by_domain: dict[str, list[Term]] = {GLOSSARY_DOMAIN: articles}
    for term in articles:
        by_domain.setdefault(article_domain(term.id), []).append(term)
    domains = {lang: _domain_paths(lang, by_domain, found) for lang, found in files.items()}
    try:
        # A check that backs up what loading reported, for terms built in Python, does not
        # repeat it at the same place.
        reported = {(f.path, f.line, f.code) for f in loaded}
        early = list(loaded)
        for source_check in SOURCE_CHECKS:
            early.extend(f for f in source_check(terms)
                         if (f.path, f.line, f.code) not in reported)
        early.extend(source_language(terms, langid))
        catalog_paths = {path for paths in domains.values() for path in paths.values()}
        waiting: dict[str, list[Finding]] = {}  # early findings about a catalog join its file's
        rest: list[Finding] = []
        for f in early:
            (waiting.setdefault(f.path, []) if f.path in catalog_paths else rest).append(f)
        del early
        # Every finding not about a catalog file (C201 is about an article) sorts after every
        # catalog file: stream the catalogs' findings. Otherwise (terms from elsewhere, named
        # oddly) hold them all and sort once.
        later = {f.path for f in rest} | {t.source.path for t in articles if files}
        streaming = _can_stream(catalog_paths, later)
        totals: dict[str, Coverage] = {}
        for lang in sorted(files, key=lambda lang: f"locale/{lang}/LC_MESSAGES/"):
            per_file = _check_language(lang, by_domain, domains[lang], files[lang], langid,
                                       totals, rest)
            for path, group in per_file:
                group.extend(waiting.pop(path, ()))
                ordered = sorted(set(group), key=_sort_key)
                if streaming:
                    yield from ordered
                else:
                    rest.extend(ordered)
        for group in waiting.values():
            rest.extend(group)
        yield from sorted(set(rest), key=_sort_key)
        run.coverage = tuple((lang, totals[lang]) for lang in run.langs)
    finally:
        langid.close()
    langid.save()


def _can_stream(catalog_paths: set[str], later: set[str]) -> bool:
    """True when every path of ``later`` sorts after every catalog path."""
    return not catalog_paths or not later or min(later) > max(catalog_paths)


def _domain_paths(
    lang: str, by_domain: dict[str, list[Term]], files: dict[str, Path]
) -> dict[str, str]:
    """Each domain of ``lang`` to check (with messages, or with a file) and its catalog's path
    as findings name it."""
    return {domain: catalog_source(lang, domain)
            for domain in sorted(by_domain.keys() | files.keys())}


def _check_language(
    lang: str, by_domain: dict[str, list[Term]], paths: dict[str, str], files: dict[str, Path],
    langid: LanguageIdentifier, totals: dict[str, Coverage], later: list[Finding],
) -> Iterator[tuple[str, list[Finding]]]:
    """``(path, findings)`` per catalog file of ``lang``, in path order; adds the language's
    coverage to ``totals`` and its per-term ``C201`` findings to ``later``."""
    status_counts: dict[str, Counter[str]] = {t.id: Counter() for t in by_domain[GLOSSARY_DOMAIN]}
    total = Coverage()
    held: dict[MessageKey, Finding] = {}  # C202 on link texts' copies, till their blocks are read

    def one_file(domain: str, base: Termbase | None) -> tuple[list[Finding], Termbase]:
        nonlocal total
        path = files.get(domain)
        catalog = load_catalog_file(path, lang=lang, domain=domain) if path is not None else None
        found: list[Finding] = []
        if base is None:  # the glossary domain comes first: its pairs are the termbase
            base = termbase(by_domain[GLOSSARY_DOMAIN],
                            LanguageCatalogs(lang, [catalog] if catalog else []))
            found.extend(shared_english(base, lang))
        # the reference definitions of the articles holding the domain's messages (most none)
        definitions = definitions_by_message(by_domain.get(domain, ()))
        coverage, owners, counts = domain_coverage(
            domain, by_domain.get(domain, ()), catalog, lang=lang, status_counts=status_counts,
            definitions=definitions)
        found.extend(coverage)
        total = total + counts
        if catalog is not None:
            language = header_language(catalog, lang=lang)
            if language is not None:
                found.append(language)
            named = (_named_headwords(by_domain[GLOSSARY_DOMAIN], catalog)
                     if domain == GLOSSARY_DOMAIN else frozenset())
            checked = _check_file(catalog, lang, owners, base, langid, definitions, named=named)
            if domain == GLOSSARY_DOMAIN:
                # a link text's copy waits: the articles' catalogs may write it in English
                copies = {entry.line: entry.key for entry in catalog.po.current
                          if is_link_context(entry.msgctxt) and entry.msgstr == entry.msgid}
                for f in checked:
                    if f.code == "C202" and f.line in copies:
                        held[copies[f.line]] = f
                    else:
                        found.append(f)
            else:
                found.extend(checked)
            for key in _links_kept(catalog, held):
                del held[key]
        return found, base

    # Every finding made while checking a file is about that file (its path), so a file's
    # findings are complete when it is done; the glossary's wait for their place in path order.
    glossary_findings, base = one_file(GLOSSARY_DOMAIN, None)
    for domain, path in sorted(paths.items(), key=lambda item: item[1]):
        if domain == GLOSSARY_DOMAIN:  # (after the articles' catalogs: `articles-*` sorts first)
            yield path, [*glossary_findings, *held.values()]
        else:
            yield path, one_file(domain, base)[0]
    for term in by_domain[GLOSSARY_DOMAIN]:
        incomplete = term_coverage(term, status_counts[term.id], lang=lang)
        if incomplete is not None:
            later.append(incomplete)
    totals[lang] = total


def _named_headwords(terms: list[Term], catalog: CatalogFile) -> frozenset[MessageKey]:
    """The headword messages whose translated definition (in ``catalog``, the glossary's)
    says them as written (:func:`glossari.checks.parity.says`): a headword the same in
    English, its copy no C202; and the texts of the links to such a term that write its
    headword (``[sukuk](/sukuk)`` copied as ``sukuk`` beside *Sukuk*, `Sukuk`): a link's text
    is one more Malay name of its term, with the same English, and its copy was C202's while
    the headword's was not."""
    current = {entry.key: entry for entry in catalog.po.current if entry.translated}
    named: set[MessageKey] = set()
    for term in terms:
        if not term.title or not term.description:
            continue
        definition = current.get((None, term.description))
        if definition is not None and says(definition.msgstr, term.title):
            named.add((term.id, term.title))
    titles = {lookup_key(title): term_id for term_id, title in named}
    index: TargetIndex | None = None
    for term in terms:
        for link in term.links:
            owner = titles.get(lookup_key(link.text))
            if owner is None or not link.internal:
                continue
            if index is None:
                index = TargetIndex.build([t for t in terms if t.kind == "article"])
            if resolve_link(link, index) == owner:
                named.add((link_context(link.target), link.text))
    return frozenset(named)


# a link as written: `[sukuk](/sukuk)`, `[sukuk](/sukuk#a)`, `[sukuk](/sukuk "t")`
_WRITTEN_LINK = re.compile(r"(?<!\\)\[([^\[\]\n]+)\]\((/[^)\s#]*)")


def _links_kept(catalog: CatalogFile, copies: Iterable[MessageKey]) -> set[MessageKey]:
    """Of ``copies`` (link messages, ``(msgctxt, msgid)``, translated as written), those a
    message of ``catalog`` holding the link keeps in its English, given in other words than
    its Malay: ``Many [takaful](/takaful) operators`` or ``pay zakat`` (as written, not as a
    gloss: :func:`glossari.checks.parity.says`). English keeps the loanword, as ``align``
    takes it from the English article, so the link text's copy is no C202."""
    asked = set(copies)
    wanted = set(asked)
    for entry in catalog.po.current:
        if not wanted:
            break
        if "](" not in entry.msgid or not entry.translated or entry.msgstr == entry.msgid:
            continue
        for text, target in _WRITTEN_LINK.findall(entry.msgid):
            if (target, text) in wanted and (f"[{text}]({target}" in entry.msgstr
                                             or says(entry.msgstr, text)):
                wanted.discard((target, text))
    return asked - wanted


def _source(entry: Entry) -> str:
    """The Malay an entry's translations translate: its msgid (and its plural)."""
    return entry.msgid if entry.msgid_plural is None else f"{entry.msgid}\n{entry.msgid_plural}"


def _check_file(
    catalog: CatalogFile, lang: str, owners: dict[MessageKey, str], base: Termbase,
    langid: LanguageIdentifier, definitions: Definitions,
    named: frozenset[MessageKey] = frozenset(),
) -> Iterator[Finding]:
    """Every per-entry finding of one catalog file, and its ``L302`` count."""
    translated = [entry for entry in catalog.po.current if entry.translated]
    judged = judges(lang)
    if judged:
        # one batch per file: a cold run detects it on every core (the pool outlives the batch)
        langid.prefetch((judged_text(text, _source(entry)) for entry in translated
                         for text in entry.translations), by_sentence=True)
    short = 0
    for entry in translated:
        owner = owners.get(entry.key)
        defined = definitions.get((catalog.domain, entry.msgctxt, entry.msgid)) \
            if definitions else None
        yield from entry_findings(catalog, entry, lang=lang, term=owner,
                                  references=defined[1] if defined is not None else (),
                                  named=entry.key in named)
        for text in entry.translations if judged else ():
            if detection_text(judged_text(text, _source(entry))) is None:
                short += 1
                continue
            malay = still_malay(text, langid=langid, path=catalog.path, line=entry.line,
                                lang=lang, term=owner, source=_source(entry))
            if malay is not None:
                yield malay
        for lacking in missing_terms(base, entry.msgid, entry.translations[0],
                                     context=entry.msgctxt, domain=catalog.domain):
            yield consistency_finding(lacking, path=catalog.path, line=entry.line, lang=lang,
                                      owner=owner)
    note = too_short(short, path=catalog.path, lang=lang)
    if note is not None:
        yield note
