"""Running every check over a glossary and its catalogs: :func:`run_checks` and :func:`check`."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossari.catalog.messages import iter_messages
from glossari.checks.catalogs import (
    Coverage,
    LanguageCatalogs,
    catalog_languages,
    coverage_findings,
    entry_findings,
    load_language,
)
from glossari.checks.language import prose_of, source_language, still_malay, too_short
from glossari.checks.source import SOURCE_CHECKS
from glossari.checks.terms import consistency_finding, missing_terms, shared_english, termbase
from glossari.diagnostics import Finding
from glossari.langid import LanguageIdentifier, cache_path, detection_text
from glossari.model import Term
from glossari.root import GlossaryRoot

__all__ = ["Report", "check", "run_checks"]


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
    that cannot be read: that is bad input, not a finding.
    """
    folder = root.path if isinstance(root, GlossaryRoot) else Path(root)
    bundled = isinstance(root, GlossaryRoot) and root.bundled
    if langid is None:
        langid = LanguageIdentifier(None if bundled else cache_path(folder))
    terms = tuple(glossary)
    chosen = tuple(langs) if langs is not None else catalog_languages(folder)
    # every catalog is read before any work is done: unreadable input fails at once
    # the glossary's own catalogs (when it was loaded from this folder) are not read twice
    same = isinstance(root, GlossaryRoot) and getattr(getattr(glossary, "root", None), "path",
                                                      None) == root.path
    mine = getattr(glossary, "translations", None) if same else None
    loaded = [load_language(folder, lang, loaded=mine) for lang in chosen]
    # one batch for the whole run, so a cold run starts its process pool once
    langid.prefetch(itertools.chain(
        (text for term in terms for text, _ in prose_of(term)),
        (text for catalogs in loaded for c in catalogs.files for e in c.po.current
         if e.translated for text in e.translations),
    ))
    # What loading reported (reader, link resolution) stands; a check that backs one of those up
    # for terms built in Python does not repeat it at the same place.
    found: list[Finding] = list(getattr(glossary, "findings", ()))
    reported = {(f.path, f.line, f.code) for f in found}
    for source_check in SOURCE_CHECKS:
        found.extend(f for f in source_check(terms) if (f.path, f.line, f.code) not in reported)
    found.extend(source_language(terms, langid))
    coverage: list[tuple[str, Coverage]] = []
    for catalogs in loaded:
        lang_findings, counts = _check_language(terms, catalogs, langid)
        found.extend(lang_findings)
        coverage.append((catalogs.lang, counts))
    langid.save()
    return Report(findings=tuple(sorted(set(found), key=_sort_key)), coverage=tuple(coverage),
                  langs=chosen)


def run_checks(
    glossary: Iterable[Term], root: GlossaryRoot | Path, langs: Sequence[str] | None = None,
) -> list[Finding]:
    """Every finding about ``glossary`` and its ``langs`` catalogs, sorted by path, line, code."""
    return list(check(glossary, root, langs).findings)


def _check_language(
    terms: tuple[Term, ...], catalogs: LanguageCatalogs, langid: LanguageIdentifier
) -> tuple[list[Finding], Coverage]:
    lang = catalogs.lang
    found, counts = coverage_findings(terms, catalogs)
    owners: dict[tuple[str, str | None, str], str] = {}
    for term in terms:
        if term.kind == "article":
            for message in iter_messages(term):
                owners.setdefault((message.domain, message.context, message.msgid), term.id)
    base = termbase(terms, catalogs)
    found.extend(shared_english(base, lang))
    for catalog in catalogs.files:
        short = 0
        for entry in catalog.po.current:
            if not entry.translated:
                continue
            owner = owners.get((catalog.domain, entry.msgctxt, entry.msgid))
            found.extend(entry_findings(catalog, entry, lang=lang, term=owner))
            for text in entry.translations:
                if detection_text(text) is None:
                    short += 1
                    continue
                malay = still_malay(text, langid=langid, path=catalog.path, line=entry.line,
                                    lang=lang, term=owner)
                if malay is not None:
                    found.append(malay)
            for lacking in missing_terms(base, entry.msgid, entry.translations[0],
                                         context=entry.msgctxt, domain=catalog.domain):
                found.append(consistency_finding(lacking, path=catalog.path, line=entry.line,
                                                 lang=lang, owner=owner))
        note = too_short(short, path=catalog.path, lang=lang)
        if note is not None:
            found.append(note)
    return found, counts
