"""Catalog checks per language (``C2xx``): coverage, identical translations, and the parity of
links, numbers and Markdown markup between each msgid and its translation.

A language's catalogs are every ``locale/LANG/LC_MESSAGES/*.po``; the domain is the file stem.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from glossari.catalog.messages import iter_messages
from glossari.catalog.pofile import Entry, PoFile
from glossari.catalog.translations import Coverage, Translations, load_translations
from glossari.checks.codes import finding
from glossari.checks.parity import describe_difference, link_targets, markup, numbers
from glossari.diagnostics import Finding
from glossari.errors import CatalogError
from glossari.model import Term
from glossari.root import GlossaryRoot

__all__ = [
    "CatalogFile",
    "Coverage",
    "LanguageCatalogs",
    "catalog_languages",
    "coverage_findings",
    "describe_coverage",
    "entry_findings",
    "load_language",
    "translation_pairs",
]

Key = tuple[str, str | None, str]
"""(domain, msgctxt, msgid): a message's identity across a language's catalogs."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogFile:
    """One ``.po`` file of a language."""

    path: str
    """As findings name it: relative to the glossary folder, POSIX separators."""
    domain: str
    """The file stem (``glossary``, ``articles-a``)."""
    po: PoFile


def describe_coverage(counts: Coverage) -> str:
    """``20/26 translated (76.9%), 2 fuzzy, 4 untranslated``.

    >>> describe_coverage(Coverage(translated=20, fuzzy=2, untranslated=4, obsolete=1))
    '20/26 translated (76.9%), 2 fuzzy, 4 untranslated, 1 obsolete'
    """
    text = (f"{counts.translated}/{counts.total} translated ({counts.percent:.1f}%), "
            f"{counts.fuzzy} fuzzy, {counts.untranslated} untranslated")
    return text + (f", {counts.obsolete} obsolete" if counts.obsolete else "")


class LanguageCatalogs:
    """All catalogs of one language, with an index by message key."""

    __slots__ = ("_index", "files", "lang", "root")

    def __init__(self, lang: str, files: Iterable[CatalogFile], *, root: Path) -> None:
        self.lang = lang
        self.root = root
        self.files = tuple(files)
        self._index: dict[Key, tuple[CatalogFile, Entry]] = {}
        for catalog in self.files:
            for entry in catalog.po.entries:
                if not entry.obsolete:
                    self._index.setdefault((catalog.domain, entry.msgctxt, entry.msgid),
                                           (catalog, entry))

    def get(self, domain: str, context: str | None, msgid: str) -> tuple[CatalogFile, Entry] | None:
        """The current entry for a message and the file holding it, or None."""
        return self._index.get((domain, context, msgid))

    def file_for(self, domain: str) -> CatalogFile | None:
        """The catalog of ``domain``, or None."""
        return next((c for c in self.files if c.domain == domain), None)

    def path_for(self, domain: str) -> str:
        """Where the catalog of ``domain`` is (or would be), as findings name it."""
        return f"locale/{self.lang}/LC_MESSAGES/{domain}.po"


def catalog_languages(root: Path) -> tuple[str, ...]:
    """The languages with at least one catalog under ``root/locale``, sorted."""
    locale = root / "locale"
    if not locale.is_dir():
        return ()
    return tuple(sorted(
        d.name for d in locale.iterdir()
        if d.is_dir() and any((d / "LC_MESSAGES").glob("*.po"))
    ))


def load_language(root: Path, lang: str, *,
                  loaded: Translations | None = None) -> LanguageCatalogs:
    """Read every catalog of ``lang`` (as :func:`glossari.catalog.translations.load_translations`
    does, with the same validation). Raises :class:`CatalogError` for an unknown language code,
    an unreadable catalog, or a language without any catalog.

    ``loaded``: the catalogs of ``lang`` as :func:`load_translations` already read them (the
    glossary's, see :attr:`glossari.glossary.Glossary.translations`), read again otherwise.
    """
    translations = (loaded if loaded is not None and loaded.lang == lang
                    else load_translations(GlossaryRoot(path=root), lang))
    if not translations.catalogs:
        raise CatalogError(
            f"no catalogs for the language '{lang}'", path=f"locale/{lang}/LC_MESSAGES",
            hint=f"run 'glossari update -l {lang}' to create them, or check the language code",
        )
    files = [
        CatalogFile(path=f"locale/{lang}/LC_MESSAGES/{domain}.po", domain=domain, po=po)
        for domain, po in sorted(translations.catalogs.items())
    ]
    return LanguageCatalogs(lang, files, root=root)


def translation_pairs(entry: Entry) -> tuple[tuple[str, str], ...]:
    """(source, translation) pairs of a translated entry: one, or one per plural form."""
    if entry.msgid_plural is None:
        return ((entry.msgid, entry.msgstr),)
    return tuple((entry.msgid if i == 0 else entry.msgid_plural, form)
                 for i, form in enumerate(entry.msgstr_plural))


def _status(entry: Entry | None) -> str:
    if entry is None or not entry.has_translation:
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "translated"


def coverage_findings(
    terms: Iterable[Term], catalogs: LanguageCatalogs
) -> tuple[list[Finding], Coverage]:
    """C200 per file, C201 per incompletely translated term, C207 for a missing or stale catalog.

    Also returns the language's overall coverage (over all files) for the summary line.
    """
    lang = catalogs.lang
    out: list[Finding] = []
    total = Coverage()
    for catalog in catalogs.files:
        counts = Coverage.of(catalog.po)
        total = total + counts
        out.append(finding("C200", path=catalog.path, line=1, lang=lang,
                           message=f"{catalog.domain}: {describe_coverage(counts)}"))
    expected: dict[str, set[tuple[str | None, str]]] = {}
    for term in terms:
        if term.kind != "article":
            continue
        seen: set[Key] = set()
        counts_by_status: Counter[str] = Counter()
        for message in iter_messages(term):
            key = (message.domain, message.context, message.msgid)
            if key in seen:
                continue
            seen.add(key)
            expected.setdefault(message.domain, set()).add(message.key)
            found = catalogs.get(*key)
            counts_by_status[_status(found[1] if found else None)] += 1
        term_counts = Coverage(translated=counts_by_status["translated"],
                               fuzzy=counts_by_status["fuzzy"],
                               untranslated=counts_by_status["untranslated"])
        if term_counts.translated < term_counts.total:
            out.append(finding("C201", path=term.source.path, line=term.source.line, lang=lang,
                               term=term.id, message=f"'{lang}': {describe_coverage(term_counts)}"))
    for domain, keys in sorted(expected.items()):
        domain_file = catalogs.file_for(domain)
        if domain_file is None:
            out.append(finding(
                "C207", path=catalogs.path_for(domain), line=1, lang=lang,
                message=f"no '{lang}' catalog for the domain '{domain}' ({len(keys)} messages); "
                f"run 'glossari update -l {lang}'",
            ))
            continue
        present = {e.key for e in domain_file.po.current}
        missing, stale = len(keys - present), len(present - keys)
        if missing or stale:
            out.append(finding(
                "C207", path=domain_file.path, line=1, lang=lang,
                message=f"out of date: {missing} messages of seeds/ are not in it, {stale} of its "
                f"messages are no longer in seeds/; run 'glossari extract' and "
                f"'glossari update -l {lang}'",
            ))
    return out, total


def entry_findings(
    catalog: CatalogFile, entry: Entry, *, lang: str, term: str | None
) -> Iterator[Finding]:
    """C202 identical, C203/C204 link parity, C205 numbers, C206 markup, for one translated
    entry (the caller skips untranslated and fuzzy ones: a fuzzy translation belongs to an older
    source text and would only report noise)."""

    def at(code: str, message: str) -> Finding:
        return finding(code, path=catalog.path, line=entry.line, lang=lang, term=term,
                       message=message)

    for source, translation in translation_pairs(entry):
        if not translation:
            continue
        if translation.strip() == source.strip() and any(c.isalpha() for c in source):
            short = source if len(source) <= 60 else source[:57] + "..."
            yield at("C202", f"the translation is identical to the source '{short}' (fine for a "
                     "name or an acronym; otherwise translate it)")
        source_links, target_links = link_targets(source), link_targets(translation)
        if set(source_links) != set(target_links):
            diff = describe_difference(tuple(sorted(set(source_links))),
                                       tuple(sorted(set(target_links))))
            yield at("C203", f"link targets differ from the source ({diff}); keep every "
                     "target exactly as in the source")
        elif len(source_links) != len(target_links):
            yield at("C204", f"the source has {len(source_links)} links, the translation "
                     f"{len(target_links)}")
        diff = describe_difference(numbers(source), numbers(translation))
        if diff is not None:
            yield at("C205", f"numbers differ from the source ({diff})")
        source_markup, target_markup = markup(source), markup(translation)
        if source_markup != target_markup:
            diff = describe_difference(
                tuple(f"`{c}`" if kind == "code" else kind for kind, c in source_markup),
                tuple(f"`{c}`" if kind == "code" else kind for kind, c in target_markup),
            )
            yield at("C206", f"Markdown markup differs from the source ({diff})")
