"""Catalog checks per language (``C2xx``): coverage, identical translations, and the parity of
links, numbers and Markdown markup between each msgid and its translation.

A language's catalogs are every ``locale/LANG/LC_MESSAGES/*.po``; the domain is the file stem.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from glossari.catalog.languages import header_language_problem, primary_language
from glossari.catalog.messages import is_block_message, is_category_message, iter_messages
from glossari.catalog.pofile import (
    Entry,
    PoFile,
    catalog_files,
    check_domain,
    header_field_line,
    load_po,
)
from glossari.catalog.translations import Coverage, check_folder_language, no_catalogs
from glossari.catalog.translations import catalog_languages as _languages_with_catalogs
from glossari.catalog.usable import (
    Definitions,
    MessageState,
    entry_state,
    names_only,
    refused,
    unusable_translation,
)
from glossari.checks.codes import excerpt, finding
from glossari.checks.parity import (
    describe_difference,
    foreign_months,
    link_targets,
    markup,
    number_difference,
    raw_markup,
    reference_labels,
    without_code,
)
from glossari.diagnostics import Finding
from glossari.model import Term
from glossari.seeds.markdown import footnotes, open_links, spaced_link_problem, spaced_links
from glossari.terms.matcher import is_acronym
from glossari.text import counted

__all__ = [
    "CatalogFile",
    "Coverage",
    "LanguageCatalogs",
    "MessageKey",
    "catalog_languages",
    "catalog_source",
    "describe_coverage",
    "domain_coverage",
    "entry_findings",
    "entry_status",
    "header_language",
    "language_files",
    "load_catalog_file",
    "load_language",
    "term_coverage",
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
    """``20/26 translated (76.9%), 2 fuzzy, 4 untranslated``: a translation ``render`` refuses
    is untranslated, and said so.

    >>> describe_coverage(Coverage(translated=20, fuzzy=2, untranslated=4, obsolete=1))
    '20/26 translated (76.9%), 2 fuzzy, 4 untranslated, 1 obsolete'
    >>> describe_coverage(Coverage(translated=20, untranslated=4, refused=1))[:49]
    '20/24 translated (83.3%), 0 fuzzy, 4 untranslated'
    >>> describe_coverage(Coverage(translated=20, untranslated=4, refused=1))[49:]
    ' (1 translation refused: C203, C204, C208, C209)'
    """
    text = (f"{counts.translated}/{counts.total} translated ({counts.percent:.1f}%), "
            f"{counts.fuzzy} fuzzy, {counts.untranslated} untranslated")
    text += counts.refused_note
    return text + (f", {counts.obsolete} obsolete" if counts.obsolete else "")


class LanguageCatalogs:
    """All catalogs of one language, with an index by message key."""

    __slots__ = ("_index", "files", "lang")

    def __init__(self, lang: str, files: Iterable[CatalogFile]) -> None:
        self.lang = lang
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



def catalog_source(lang: str, domain: str) -> str:
    """Where the catalog of ``domain`` in ``lang`` is (or would be), as findings name it."""
    return f"locale/{lang}/LC_MESSAGES/{domain}.po"


def catalog_languages(root: Path) -> tuple[str, ...]:
    """The languages with at least one catalog under ``root/locale``, sorted
    (:func:`glossari.catalog.translations.catalog_languages`)."""
    return tuple(_languages_with_catalogs(root))


def language_files(root: Path, lang: str) -> dict[str, Path]:
    """The ``.po`` files of ``lang`` by domain (the file stem). Raises :class:`CatalogError` for
    an unknown language code or a language without any catalog."""
    check_folder_language(root, lang)  # a folder: `locale/en-GB` has gettext's name
    folder = root / "locale" / lang / "LC_MESSAGES"
    files = {path.stem: path for path in catalog_files(folder, base=root)}
    if not files:
        raise no_catalogs(root, lang)
    return files


def load_catalog_file(path: Path, *, lang: str, domain: str) -> CatalogFile:
    """Parse one catalog of ``lang`` (with :func:`load_translations`' validation: a header
    ``X-Domain`` must name the file's domain). Raises :class:`CatalogError` with its line."""
    source = catalog_source(lang, domain)
    po = load_po(path, source=source)
    check_domain(po, domain, source=source)
    return CatalogFile(path=source, domain=domain, po=po)


def load_language(root: Path, lang: str) -> LanguageCatalogs:
    """Read every catalog of ``lang`` at once (:func:`glossari.checks.check` reads them one at a
    time instead). Raises :class:`CatalogError` as :func:`language_files` and
    :func:`load_catalog_file` do."""
    files = [load_catalog_file(path, lang=lang, domain=domain)
             for domain, path in language_files(root, lang).items()]
    return LanguageCatalogs(lang, files)


def translation_pairs(entry: Entry) -> tuple[tuple[str, str], ...]:
    """(source, translation) pairs of a translated entry: one, or one per plural form."""
    if entry.msgid_plural is None:
        return ((entry.msgid, entry.msgstr),)
    return tuple((entry.msgid if i == 0 else entry.msgid_plural, form)
                 for i, form in enumerate(entry.msgstr_plural))


def entry_status(entry: Entry | None, domain: str = "") -> str:
    """``translated``, ``fuzzy`` or ``untranslated`` (also for a message without an entry), as
    a reader gets it: a translation ``render`` refuses is untranslated
    (:func:`glossari.catalog.usable.entry_state`, the one rule every reporter counts by)."""
    return entry_state(domain, entry)


MessageKey = tuple[str | None, str]
"""(msgctxt, msgid): a message's identity inside one domain."""


def domain_coverage(
    domain: str, terms: Iterable[Term], catalog: CatalogFile | None, *, lang: str,
    status_counts: Mapping[str, Counter[str]], definitions: Definitions | None = None,
) -> tuple[list[Finding], dict[MessageKey, str], Coverage]:
    """The coverage findings of one domain of ``lang``: ``C200`` for its file, ``C207`` when the
    file is missing or out of date. Adds each term's messages of ``domain`` by status to
    ``status_counts[term.id]`` (the caller reports ``C201`` once all domains are counted), and
    returns, with the findings, the term owning each message of the domain (its first term) and
    the file's counts (none for a missing file). ``definitions``: the reference definitions of
    the articles holding the domain's messages
    (:func:`~glossari.catalog.usable.definitions_by_message`): the file's count refuses a
    translation any of them refuses, a term's (``C201``) what its own article's refuse, as
    ``render`` of that article does.
    """
    out: list[Finding] = []
    current: dict[MessageKey, Entry] = {}
    states: dict[MessageKey, MessageState] = {}  # as the file is counted: one rule, asked once
    file_counts = Coverage()
    if catalog is not None:
        for entry in catalog.po.current:
            current.setdefault(entry.key, entry)
        file_counts = Coverage.of(catalog.po, domain, states=states, definitions=definitions)
        out.append(finding("C200", path=catalog.path, line=1, lang=lang,
                           message=f"{domain}: {describe_coverage(file_counts)}"))
    owners: dict[MessageKey, str] = {}
    for term in terms:
        counts = status_counts[term.id]
        seen: set[MessageKey] = set()
        for message in iter_messages(term):
            key = message.key
            if message.domain != domain or key in seen:
                continue
            seen.add(key)
            owners.setdefault(key, term.id)
            found = current.get(key)
            state = states.get(key, "untranslated")
            if definitions and found is not None and (domain, *key) in definitions:
                # a message shared with an article that defines reference labels: this term's
                # reader gets what its own article's definitions leave (render of it)
                state = entry_state(domain, found, references=(term.definitions,))
            counts[state] += 1
            if state == "untranslated" and found is not None and found.translated:
                counts["refused"] += 1
    if not owners:
        return out, owners, file_counts
    if catalog is None:
        out.append(finding(
            "C207", path=catalog_source(lang, domain), line=1, lang=lang,
            message=f"no '{lang}' catalog for the domain '{domain}' "
            f"({counted(len(owners), 'message')}); "
            f"run 'glossari update -l {lang}'",
        ))
        return out, owners, file_counts
    missing = sum(1 for key in owners if key not in current)
    stale = sum(1 for key in current if key not in owners)
    if missing or stale:
        out.append(finding(
            "C207", path=catalog.path, line=1, lang=lang,
            message=f"out of date: {counted(missing, 'message')} of seeds/ "
            f"{'is' if missing == 1 else 'are'} not in it, {stale} of its "
            f"{'messages is' if stale == 1 else 'messages are'} no longer in seeds/; run "
            f"'glossari extract' and "
            f"'glossari update -l {lang}'",
        ))
    return out, owners, file_counts


def header_language(catalog: CatalogFile, *, lang: str) -> Finding | None:
    """``C210`` when the header's ``Language`` names another language than ``lang``, the
    folder's, which glossari compiles the file for (``Language: ms`` in an English catalog: a
    header copied from another file, or a tool's default): Poedit and Weblate go by the header,
    and treat the file as Malay. A region or a spelling of the same language (``en_GB``,
    ``EN-us``, ``eng``) is that language; an empty or missing ``Language`` says none.
    ``update`` does not rewrite it: the header is the translator's, and the folder may be the
    one that is wrong (a French catalog dropped into ``locale/en``).
    """
    problem = header_language_problem(catalog.po.header_fields().get("Language", ""), lang)
    if problem is None:
        return None
    return finding("C210", path=catalog.path, line=header_field_line(catalog.po, "Language"),
                   lang=lang, message=problem)


def term_coverage(term: Term, counts: Counter[str], *, lang: str) -> Finding | None:
    """``C201`` when not every message of ``term`` is translated (``counts`` by status)."""
    coverage = Coverage(translated=counts["translated"], fuzzy=counts["fuzzy"],
                        untranslated=counts["untranslated"], refused=counts["refused"])
    if coverage.translated == coverage.total:
        return None
    return finding("C201", path=term.source.path, line=term.source.line, lang=lang,
                   term=term.id, message=f"'{lang}': {describe_coverage(coverage)}")


def _without(matches: list[re.Match[str]], text: str) -> str:
    """``text`` with each of ``matches`` blanked."""
    for match in reversed(matches):
        text = text[:match.start()] + " " + text[match.end():]
    return text


_NAME_AS_WRITTEN = ("a link's text goes into no article, and the term's English name shows it "
                    "as written")
"""What becomes of a link's text translated as render would refuse a text (C208, C209)."""
_NO_NAME = ("a name showing nothing is no name: the term takes no English name from it, and it "
            "counts untranslated: translate the link's text")
"""What becomes of a link's text translated as no visible character (C209)."""


def entry_findings(
    catalog: CatalogFile, entry: Entry, *, lang: str, term: str | None,
    references: tuple[str, ...] = (), named: bool = False,
) -> Iterator[Finding]:
    """C202 identical, C203/C204 link parity, C205 numbers, C206 markup, C208 raw HTML, C209
    what render refuses otherwise, for one translated
    entry (the caller skips untranslated and fuzzy ones: a fuzzy translation belongs to an older
    source text and would only report noise). ``references``: the reference definitions of the
    articles holding the message (:attr:`glossari.model.Term.definitions`), by which a changed
    reference label is a dead link ``render`` refuses (C203), not bracketed text (C206).
    ``named``: the entry is a headword its article's translated definition says as written
    (:func:`glossari.checks.parity.says`: ``Murabahah is a cost-plus sale``), so its copy
    is the English name (``Murabahah``, ``Takaful``), as ``align`` takes it, not C202's."""

    def at(code: str, message: str) -> Finding:
        return finding(code, path=catalog.path, line=entry.line, lang=lang, term=term,
                       message=message)

    for source, translation in translation_pairs(entry):
        if not translation:
            continue
        if translation.strip() == source.strip() and any(
                c.isalpha() for c in without_code(source)) and not is_acronym(source, "ms") \
                and not named:
            # an acronym names the same thing in both languages (the recogniser's rule, by
            # which align copies [UPP](/upp) as UPP): a copy of it is its translation
            short = excerpt(source)
            yield at("C202", f"the translation is identical to the source '{short}' (fine for a "
                     "name or an acronym; otherwise translate it)")
        source_links, target_links = link_targets(source), link_targets(translation)
        spaced = spaced_links(translation)
        if set(source_links) != set(target_links):
            diff = describe_difference(tuple(sorted(set(source_links))),
                                       tuple(sorted(set(target_links))))
            lost = [m for m in spaced if m.group(2) in set(source_links) - set(target_links)]
            yield at("C203", f"link targets differ from the source ({diff}); " + (
                spaced_link_problem(lost[0]) if lost
                else "keep every target exactly as in the source"))
        elif len(source_links) != len(target_links):
            yield at("C204", f"the source has {counted(len(source_links), 'link')}, the "
                     f"translation {len(target_links)}; link each place the source links, once "
                     "(render keeps the Malay for it)")
        # `[margin][m]` translated `[margin][gm]`: the definition `[m]: /grossmargin` is in
        # the article, not the message, so the link is dead and render keeps the Malay. A
        # shortcut `[hasil]` is a link only when an article holding the message defines it
        # (its `references`), and then render refuses the change (catalog.usable, the one
        # rule): an error; else it is bracketed text, and a changed one a warning
        block = is_block_message(catalog.domain, entry.extracted_comments)
        dead = bool(references) and unusable_translation(source, translation,
                                                         block=block) is None and any(
            unusable_translation(source, translation, block=block,
                                 references=defined) is not None
            for defined in references if defined)
        # the text of a link a space has broken ([sukuk] (/sukuk)) is no reference: C203 says it
        source_refs = reference_labels(_without(spaced_links(source), source))
        source_labels = tuple(sorted(label for label, _ in source_refs))
        target_labels = tuple(sorted(label for label, _ in reference_labels(
            _without(spaced, translation))))
        if source_labels != target_labels:
            diff = describe_difference(source_labels, target_labels)
            full = {label for label, shortcut in source_refs if not shortcut}
            yield at("C203" if full - set(target_labels) or dead else "C206",
                     f"reference links differ from the source ({diff}); keep each label, as "
                     "in [revenue][hasil]" + ("; render keeps the Malay for it" if dead else ""))
        elif dead:
            yield at("C203", "reference links lead elsewhere than the source's by the "
                     "article's definitions; render keeps the Malay for it")
        if "[^" in source or "[^" in translation:
            # a footnote defined under another label (`[^nota]:` as `[^note]:`): the article's
            # references to it lead nowhere, in the rendered article and on the site
            wanted = tuple(sorted(f"[^{label}]:" for label, _ in footnotes(source)[1]))
            written_ = tuple(sorted(f"[^{label}]:" for label, _ in footnotes(translation)[1]))
            if wanted != written_:
                yield at("C206", f"footnotes differ from the source "
                         f"({describe_difference(wanted, written_)}); keep each note's label, "
                         "as in [^1]: text")
        # what becomes of a translation render would refuse (C208, C209): a link's text goes
        # into no article, is never refused and names its term as written (catalog.usable)
        name = names_only(catalog.domain, entry.msgctxt)
        source_raw, target_raw = raw_markup(source), raw_markup(translation)
        if source_raw != target_raw:
            diff = describe_difference(source_raw, target_raw) or "order changed"
            yield at("C208", f"raw HTML or a reference definition differs from the source "
                     f"({diff}); " + (
                         f"{_NAME_AS_WRITTEN}: write the name without HTML" if name
                         else "render keeps the Malay: write the text without HTML"))
        numbers_changed = number_difference(source, translation)
        if numbers_changed is not None:
            yield at("C205", numbers_changed)
        elif primary_language(lang) == "en" and (left := foreign_months(translation)):
            # Julai 2022 for Julai 2022: the same month, left in Malay
            written, english = left[0]
            yield at("C205", f"the month '{written}' of a date is written in Malay; write it "
                     f"in English ('{english}')")
        source_markup, target_markup = markup(source), markup(translation)
        if block:  # a block line starting like a heading is C209's (render refuses it)
            source_markup = tuple(m for m in source_markup if m[0] != "heading mark")
            target_markup = tuple(m for m in target_markup if m[0] != "heading mark")
        if (sorted(source_links) != sorted(target_links)  # a link left open is C203's or C204's
                or len(open_links(translation)) > len(open_links(source))):  # or C209's
            source_markup = tuple(m for m in source_markup if m[0] != "unclosed link")
            target_markup = tuple(m for m in target_markup if m[0] != "unclosed link")
        if source_markup != target_markup:
            diff = describe_difference(
                tuple(f"`{c}`" if kind == "code" else kind for kind, c in source_markup),
                tuple(f"`{c}`" if kind == "code" else kind for kind, c in target_markup),
            )
            yield at("C206", f"Markdown markup differs from the source ({diff})")
        if sorted(source_links) == sorted(target_links) and source_raw == target_raw:
            # what render refuses beyond links and HTML (C203, C208): it keeps the Malay, and
            # the coverage counts it untranslated (catalog.usable.entry_state; links in another
            # order are no refusal: render compares them as a multiset)
            problem = unusable_translation(
                source, translation, block=block,
                category=is_category_message(catalog.domain, entry.extracted_comments))
            if problem is not None:
                yield at("C209", f"{problem}; " + (
                    "render keeps the Malay for it" if not name
                    # a name showing nothing is no name (catalog.usable.refused)
                    else _NO_NAME if refused(catalog.domain, entry.msgctxt, source, translation,
                                             block=False)
                    else f"{_NAME_AS_WRITTEN}: fix the name"))
