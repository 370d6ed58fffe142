"""``termcheck``: a third party's gettext catalog checked against the glossary's terms.

Most people who need a Malay-English financial glossary translate *into* Malay. A catalog of
theirs (English msgids, Malay msgstrs, or the reverse) is read entry by entry; where the source
uses a term of the glossary, the translation must use the term's approved translation. Both
sides are read by :mod:`glossari.terms`, so inflected forms count on both (``commissions`` in
the source, ``komisen-komisennya`` in the translation).

- The source names of a term: in English its approved headword (and ``Name`` / ``ACR`` of a
  ``Name (ACR)``), its acronyms and recorded variants; in Malay its headword, aliases, acronyms
  and trusted link texts (:func:`glossari.glossary.term_names`), a one-word alias or link text
  only when T401 reads it as one (:func:`glossari.checks.terms.names_the_term`). A Malay name
  two terms share is the one lookup answers, but written as a link's whole text
  (``[Saham](/stock)``) the term the link goes to, as ``find`` and T401 read it
  (:func:`glossari.glossary.linked_target`). Only terms
  whose English is approved (``translated``) take part: a slug suggestion is nobody's decision.
- The expected translation is any name of the term in the other language, inflected; not an
  acronym of the source language's headword when the target's headword has its own (``GDP``
  is no Malay for *Keluaran Dalam Negara Kasar (KDNK)*).
- Skipped and counted: the header, obsolete entries, untranslated entries, fuzzy entries.
- A plural entry: the terms of ``msgid`` and ``msgid_plural`` must be in every ``msgstr[n]``
  filled; one with ``msgstr[0]`` filled and another form empty is checked, as msgfmt compiles
  it (:attr:`~glossari.catalog.pofile.Entry.compiled_by_msgfmt`).
- ``msgctxt`` is part of the entry's identity, not of its text; placeholders (``%d``,
  ``%(name)s``, ``{name}``, ``{{ name }}``), template tags (``{% trans 'x' %}``, ``{# x #}``),
  entities no HTML character's (``&commission;``) and HTML tags (``<b>``, ``</a>``, ``<!-- -->``;
  not the signs of ``fee < 1% and commission > 5%``) are blanked out before matching, so that
  ``%(value)s`` never reads as the word *value*; a keyboard accelerator mark inside a word
  (KDE's ``Co&mmission``) is dropped (:func:`message_text`). In a message flagged
  ``c-format``, ``python-format`` or ``python-brace-format``, every directive is blanked as its
  language reads it (:func:`glossari.catalog.formats.blank_directives`): ``%(investment
  advisor)s`` and ``{0[prime brokerage]}`` name arguments, not terms.

Each finding is ``T410`` at the entry's ``path:line``, naming the term and the expected form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from glossari.align.resolve import TargetIndex, resolve
from glossari.catalog.formats import blank_directives
from glossari.catalog.languages import other_script, primary_language
from glossari.catalog.pofile import Entry, PoFile, read_third_party_po
from glossari.checks.codes import finding
from glossari.checks.terms import another_word, names_the_term
from glossari.diagnostics import Finding
from glossari.errors import CatalogError
from glossari.model import Term
from glossari.terms import CHARACTER_REFERENCE, Recognizer, character_reference
from glossari.text import TEMPLATE_TAG, blanked, excerpt

__all__ = ["TermChecker", "TermcheckCounts", "blank_placeholders", "catalog_paths",
           "message_text", "other_script"]

Lang = Literal["ms", "en"]

_PLACEHOLDER = re.compile(
    # a space after % then a word is prose ("0.1% commission", "5% daripada"), not the space
    # flag of "% c": a conversion with that flag is followed by no letter ("%dkm" stays one)
    r"%(?! [^\W\d_]{2})(?:\([^)\s]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*"
    r"[diouxXeEfFgGcrsaby%]"
    # double braces: angular-gettext's and vue-gettext's interpolation, spaces inside allowed
    r"|\{\{[^{}]*\}\}|\{[^{}\s]*\}"
    # an HTML tag opens with its name (a letter) or `/`, `!`: `< 5%` and `> 2` are prose, the
    # signs of a comparison, and everything between two of them is text to check
    r"|<!--.*?-->|</?[A-Za-z][^<>]*>|<![^<>]*>"
    # code, which a translation keeps as written: a reST literal (``x``), a Markdown code span
    # (`x`, not a reST role's `x` nor a link's `x <url>`_), an identifier (commission_rate,
    # a word with `_` inside: no prose word has one), a shell variable ($commission)
    r"|``[^`]+``|(?<![:`\w])`[^`\n]+`(?![`_])"
    # a Jinja or Django template tag or comment, whose quoted words are code
    # ({% trans 'commission' %}, {# commission #}); no brace inside, so a run of unclosed ones
    # costs linear time
    rf"|{TEMPLATE_TAG}"
    r"|\b[^\W\d_]\w*_\w+|\$[A-Za-z_]\w*",
    re.DOTALL,
)


_ACCELERATOR = re.compile(r"(?<=[^\W\d_])&(?=[^\W\d_])")
"""KDE's and Qt's mark of a menu's shortcut letter inside a word (``Co&mmission``)."""

_MNEMONIC = re.compile(r"(?<![\w])([^\W\d_]+)_([^\W\d_]+)(?![\w])")
"""A word with one ``_`` between two letters: GTK's and GNOME's mark of a menu's shortcut letter
(``Co_mmission``, ``Sh_are``, the first letter taken by another item), or an identifier
(``commission_rate``), which a translation keeps as written (:func:`without_mnemonics`)."""


def without_mnemonics(text: str, others: Iterable[str]) -> str:
    """``text`` with each GTK mnemonic mark inside a word dropped (``Co_mmission`` is the word
    *Commission*, as KDE's ``Co&mmission`` is): a word of letters with one ``_`` inside that
    the other side of the message (``others``: the translations of a source, the sources of a
    translation) does not write as it is. An identifier (``commission_rate``) is kept as
    written in a translation, and stays code, blanked. The mark made the word an identifier,
    and the term went unread: ``Co_mmission rate`` for ``Kadar yuran`` was no finding.

    >>> without_mnemonics("Co_mmission rate", ["Kadar ko_misen"])
    'Commission rate'
    >>> without_mnemonics("Set commission_rate", ["Tetapkan commission_rate"])
    'Set commission_rate'
    """
    if "_" not in text:
        return text
    kept = {m.group() for other in others for m in _MNEMONIC.finditer(other)}
    return _MNEMONIC.sub(lambda m: m.group() if m.group() in kept else m[1] + m[2], text)


_ENTITY = CHARACTER_REFERENCE
"""An HTML character reference (``&nbsp;``, ``&eacute;``, ``&#160;``, ``&#00000065;``: HTML's
pattern, :data:`glossari.terms.CHARACTER_REFERENCE`): a template's text; or an entity the
program defines (a DTD's or DocBook's ``&commission;``, ``&brandName;``)."""


def _character(match: re.Match[str]) -> str:
    """An HTML character reference as its character (:func:`glossari.terms.character_reference`,
    the one rule); any other entity of two letters or more (``&commission;``, and
    ``&notional;``, which ``html.unescape`` reads as ``¬ional;``) blanked: it is a name the
    program replaces, kept as written in a translation, and no word of the text. One letter
    (the ``&T;`` of ``AT&T;``, the ``&D;`` of ``R&D;``) names no entity: it is text."""
    written = match.group()
    char = character_reference(written)
    if char is not None:
        return char.ljust(len(written))
    return written if len(written) <= len("&T;") else " " * len(written)


def message_text(text: str) -> str:
    """A message's text as the recogniser reads it: HTML character references read as their
    character (``Pembrokeran&nbsp;utama`` is the term, ``caf&eacute;`` one word; the ``&`` of
    ``&nbsp;`` was taken for a keyboard accelerator and glued the words), keyboard accelerator
    marks inside a word dropped (``Co&mmission``, not ``S&P`` or ``R&D``, whose capitals stand
    on both sides of it), placeholders and HTML tags blanked out (:func:`blank_placeholders`). A
    mark at a word's start (``&File``, GNOME's ``_File``) splits nothing and stays.

    >>> message_text("Pay the co&mmission for R&D, %(n)s")
    'Pay the commission for R&D,      '
    >>> message_text("Dana&nbsp;lindung nilai")
    'Dana\xa0     lindung nilai'

    An entity that is no HTML character's is a name the program fills in, no word:

    >>> message_text("the &commission; and &notional;")
    'the              and           '
    """
    if "&" in text:
        text = _ENTITY.sub(_character, text)
    if "&" in text:
        text = _ACCELERATOR.sub(
            lambda m: "&" if text[m.start() - 1].isupper() and text[m.end()].isupper() else "",
            text)
    return blank_placeholders(text)


_PROSE_PERCENT = re.compile(r"% [^\W\d_]{2}")
"""A percentage before a word (``0.1% commission``, ``5% daripada``): prose, not a directive
with the space flag (``% c``), as :data:`_PLACEHOLDER` reads it."""


def _prose(text: str, start: int, end: int) -> bool:
    """Whether the directive ``text[start:end]`` of a flagged message is prose all the same
    (:data:`_PROSE_PERCENT`): xgettext flags ``python-format`` on ``0.1% commission``, whose
    ``% c`` the program may never fill, and blanking it hid the term."""
    return _PROSE_PERCENT.match(text, start) is not None and end - start == 3


def blank_placeholders(text: str) -> str:
    """``text`` with printf and brace placeholders, HTML tags and code (a code span, an
    identifier, a shell variable) blanked out (offsets kept).

    >>> blank_placeholders("Nilai %(value)s dan {name}: %d <b>x</b>")
    'Nilai           dan       :       x    '
    >>> blank_placeholders("Run `commission --help` to set $fee and commission_rate.")
    'Run                     to set      and                .'
    >>> blank_placeholders("{% trans 'commission' %} due {# commission #}")
    '                         due                 '
    """
    return blanked(_PLACEHOLDER, text)


@dataclass(slots=True)
class TermcheckCounts:
    """What a run read and skipped."""

    files: int = 0
    entries: int = 0
    """Current messages read (the header and obsolete entries not counted)."""
    checked: int = 0
    """Translated, not fuzzy: the ones checked."""
    fuzzy: int = 0
    """Skipped: marked fuzzy."""
    untranslated: int = 0
    """Skipped: no translation (``msgstr``, or ``msgstr[0]``, empty: what msgfmt leaves out)."""
    with_terms: int = 0
    """Checked messages whose source uses a term."""
    by_term: dict[str, int] = field(default_factory=dict)
    """Findings per term id."""
    other_language: int = 0
    """Files found in a folder and skipped: their catalog is in another language."""
    other_script: int = 0
    """Files found in a folder and skipped: their catalog is in the target language written in
    another script than the glossary's Latin one (``ms@jawi``)."""


class TermChecker:
    """The glossary's terms compiled for checking catalogs from ``source`` into ``target``."""

    def __init__(self, terms: Iterable[Term], *, source: Lang = "en", target: Lang = "ms") -> None:
        from glossari.glossary import term_names

        if source == target:
            raise ValueError("the source and the target language must differ")
        self.source: Lang = source
        self.target: Lang = target
        terms = list(terms)
        approved = [t for t in terms if t.english.title and t.english.status == "translated"]
        self._terms = {t.id: t for t in approved}
        self._expected = {t.id: term_names(t, target, translation=True) for t in approved}
        # a Malay source names a term as T401 reads it: a one-word alias or link text only
        # when it is an acronym or a form of the headword's word (pusaka is no Harta pusaka)
        # a name two terms share, written as a link's text, is the term the link goes to
        # (glossary.linked_target), the targets resolved as the glossary's links resolve
        self._targets = TargetIndex.build(terms) if source == "ms" else None
        self._source: Recognizer[str] = Recognizer(
            ((n, t.id) for t in approved for n in term_names(t, source)
             if source != "ms" or not t.title or names_the_term(n, t.title)), lang=source)
        self._target: Recognizer[str] = Recognizer(
            ((n, t.id) for t in approved for n in self._expected[t.id]), lang=target,
            acronyms_in_capitals=False)
        self.counts = TermcheckCounts()
        self.warnings: list[str] = []
        """``path:line: what``: what a reader should know of a file checked, one line each,
        at most one per file (a comment whose bytes are not in the file's charset)."""

    def __len__(self) -> int:
        """How many terms take part."""
        return len(self._terms)

    def check_file(self, path: Path, *, name: str | None = None,
                   only_target: bool = False) -> Iterator[Finding]:
        """The findings of one catalog file (``CatalogError`` when it cannot be read).

        With ``only_target`` (a file found in a folder, not named), a catalog that says it is in
        another language than the target, or in another script, is skipped and counted
        (:meth:`_skipped`), broken or not.
        """
        shown = name if name is not None else str(path)
        try:
            po, unread = read_third_party_po(path, source=shown)  # read, never written
        except CatalogError:
            # a broken catalog of another language (Django's es_AR, a plural with 3 forms
            # under nplurals=2) stopped `termcheck locale/` before the Malay one was read
            if only_target and self._skipped(unread_catalog_language(path)):
                return
            raise
        language = catalog_language(po, path)
        if only_target and self._skipped(language):
            return
        script = (other_script(language) if language is not None
                  and same_language(language, self.target) else None)
        if script is not None:
            raise CatalogError(
                f"the catalog is written in {script} script ({language}), the glossary's terms "
                "in Latin script: none could match its translations",
                path=shown, line=1, hint="check a catalog in Latin script (Rumi), or leave "
                "this one out")
        self.counts.files += 1
        if unread is not None:
            # msgfmt --check compiles the file and msgcat keeps the bytes: the whole file was
            # refused for a translator's name typed in Latin-1 in a comment
            self.warnings.append(
                f"{shown}:{unread}: a comment holds bytes that are not valid in the file's "
                "charset (read as U+FFFD; no program reads a comment); retype it in the "
                "charset the header declares")
        yield from self.check_po(po, path=shown)

    def _skipped(self, language: str | None) -> bool:
        """Whether a catalog found in a folder, which says it is in ``language``, is skipped,
        and counted in :class:`TermcheckCounts`: one in another language than the target
        (``other_language``: its translations are not the target's), or in the target written
        in another script than Latin (``other_script``: Malay in Jawi, ``ms@jawi``, which no
        name of the glossary, all in Latin script, could match). One rule for the catalogs
        read and those that cannot be."""
        if language is None:
            return False
        if not same_language(language, self.target):
            self.counts.other_language += 1
            return True
        if other_script(language) is not None:
            self.counts.other_script += 1
            return True
        return False

    def check_po(self, po: PoFile, *, path: str) -> Iterator[Finding]:
        """The findings of one parsed catalog, named ``path`` in them."""
        for entry in po.current:
            yield from self.check_entry(entry, path=path)

    def check_entry(self, entry: Entry, *, path: str) -> Iterator[Finding]:
        """The findings of one message (skipped ones are counted, not reported)."""
        counts = self.counts
        counts.entries += 1
        if entry.fuzzy:
            counts.fuzzy += 1
            return
        if not entry.compiled_by_msgfmt:
            # msgfmt's reading: a plural entry with msgstr[0] filled is compiled, its other
            # forms empty or not, and its filled forms reach the program's users; it was
            # skipped as untranslated, and a filled form lacking a term went unchecked
            counts.untranslated += 1
            return
        counts.checked += 1
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        # a format string's directives as its flag's language reads them, then the rest
        flags = entry.flags if any("format" in flag for flag in entry.flags) else ()
        used: dict[str, str] = {}  # term id -> the surface the source used
        translations = entry.translations
        for text in sources:
            text = without_mnemonics(text, translations)
            read = message_text(blank_directives(flags, text, _prose))
            for hit in self._source.find(read):
                if self.source == "ms" and another_word(hit.text, hit.name):
                    continue  # mewasiatkan (to bequeath) is no use of Wasiat (a will)
                used.setdefault(self._linked(read, hit.start, hit.end, hit.keys), hit.text)
        if not used:
            return
        counts.with_terms += 1
        reported: set[str] = set()  # one finding per term and entry, whatever the plural forms
        for translation in filter(None, translations):  # an empty form is no translation
            translation = without_mnemonics(translation, sources)
            present = self._target.keys_in(
                message_text(blank_directives(flags, translation, _prose, translation=True)))
            for term_id, surface in used.items():
                if term_id in present or term_id in reported:
                    continue
                reported.add(term_id)
                counts.by_term[term_id] = counts.by_term.get(term_id, 0) + 1
                yield self._finding(term_id, surface, path=path, line=entry.line)

    def _linked(self, text: str, start: int, end: int, ids: Sequence[str]) -> str:
        """Of ``ids`` (the terms sharing the name found at ``start:end``), the one the link
        whose whole text the name is goes to (``[Saham](/stock)`` beside two articles titled
        *Saham*), as :meth:`glossari.Glossary.find` and T401 read it; else the first."""
        if len(ids) < 2 or self._targets is None:
            return ids[0]
        from glossari.glossary import linked_target

        written = linked_target(text, start, end)
        chosen = None if written is None else resolve(written, self._targets)
        return chosen if chosen is not None and chosen in ids else ids[0]

    def _finding(self, term_id: str, surface: str, *, path: str, line: int) -> Finding:
        expected = self._expected[term_id]
        # a name is quoted as every message quotes a value, one line of 60 characters at
        # most: a headword of 300 KB was a finding of 300 KB on one line
        shown = f"'{excerpt(expected[0])}'" if expected else "(none in the glossary)"
        return finding(
            "T410", path=path, line=line, lang=self.target, term=term_id,
            message=f"the source uses the term '{excerpt(surface)}' ({term_id}), but the "
            f"translation lacks its approved translation {shown} (inflected forms count)",
        )


def same_language(code: str, lang: Lang) -> bool:
    """True when the catalog language ``code`` (any region or script) is ``lang``.

    >>> same_language("ms_MY", "ms"), same_language("zsm", "ms"), same_language("id", "ms")
    (True, True, False)
    """
    return primary_language(code) == lang


def catalog_language(po: PoFile, path: Path) -> str | None:
    """The language ``po`` says it is in: its header's ``Language``, else the folder above
    ``LC_MESSAGES`` in ``path``, else the file's name in the ``po/LL.po`` layout of GNU,
    GNOME and Xfce projects (``po/ms.po``, ``po/pt_BR.po``); None when none says.

    >>> empty = PoFile(header=None, entries=())
    >>> catalog_language(empty, Path("locale/fr/LC_MESSAGES/a.po"))
    'fr'
    >>> catalog_language(empty, Path("po/id.po")), catalog_language(empty, Path("po/app.po"))
    ('id', None)

    A ``Language`` that is no language code (``Malay``, ``Bahasa Melayu``, as a person writes
    a header by hand) says nothing: it was taken for another language than Malay, and a Malay
    catalog in ``locale/ms/LC_MESSAGES`` was skipped unchecked.
    """
    declared = po.header_fields().get("Language", "") if po.header is not None else ""
    return _language_code(declared) or _path_language(path)


def _language_code(value: str) -> str | None:
    """``value`` (a header's ``Language``) when it is a language code CLDR knows, in any
    spelling a tool writes (``ms``, ``ms_MY``, ``ms-MY``, ``zsm``, ``ms_MY.UTF-8``); else None.

    >>> _language_code(" ms_MY "), _language_code("Malay"), _language_code("Bahasa Melayu")
    ('ms_MY', None, None)
    """
    from babel import Locale, UnknownLocaleError

    value = value.strip()
    if not value:
        return None
    try:
        Locale.parse(primary_language(value))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return value


def unread_catalog_language(path: Path) -> str | None:
    """The language a catalog that cannot be parsed says it is in, as :func:`catalog_language`
    reads it: its header's ``Language``, read leniently (the file may be broken further down,
    or not even decode), else its path; None when neither says or the file cannot be read."""
    from glossari.catalog.charset import header_strings

    try:
        data = path.read_bytes()
    except OSError:
        return None
    found = header_strings(data.decode("latin-1").split("\n"))
    if found is not None:
        for field in "".join(piece for _, piece in found[1]).split("\n"):
            name, sep, value = field.partition(":")
            if sep and name.strip() == "Language" and _language_code(value):
                return value.strip()
    return _path_language(path)


def _path_language(path: Path) -> str | None:
    """The language ``path`` names: the folder above ``LC_MESSAGES``, else the file's name in
    the ``po/LL.po`` layout; None when neither does."""
    parts = path.parts
    if len(parts) >= 3 and parts[-2] == "LC_MESSAGES":
        return parts[-3]
    # only a name that is a language code is one: `po/app.po` names a domain, not a language
    if _LANGUAGE_FILE.fullmatch(path.stem):
        from glossari.catalog.languages import check_language

        try:
            return check_language(path.stem)
        except CatalogError:
            return None
    return None


_LANGUAGE_FILE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2}|@[a-z]+)?")


_NOT_THE_PROJECTS = frozenset({"node_modules", "site-packages", "__pypackages__"})
"""Folders of installed packages: their catalogs are their authors', not the project's."""


def _not_the_projects(folder: Path) -> bool:
    """Whether ``folder``, met inside a folder named to ``termcheck``, holds other people's
    files or none to check: a hidden one (``.venv``, ``.git``, ``.tox``), one of installed
    packages (``node_modules``, ``site-packages``), a virtual environment of another name
    (``venv``, ``env``: it holds ``pyvenv.cfg``)."""
    return (folder.name.startswith(".") or folder.name in _NOT_THE_PROJECTS
            or (folder / "pyvenv.cfg").is_file())


def catalog_paths(paths: Sequence[Path]) -> list[Path]:
    """The ``.po`` files named, a folder standing for every ``.po`` file under it, sorted.

    Under a folder, the folders of other people's files are not entered (:func:`_not_the_projects`):
    ``termcheck .`` in a Django project read the Malay catalogs Django ships in ``.venv`` and
    failed on their findings. A folder named is always read, and all of it when it is such a
    folder itself (``termcheck .venv``).

    Each file once, as first named: ``termcheck locale/ms/LC_MESSAGES/app.po locale`` (a
    shell glob beside its folder, in a CI script) checked it twice, every finding reported
    and counted twice.
    """
    import os

    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in paths:
        if not path.is_dir():
            add(path)
            continue
        inside: list[Path] = []
        everything = _not_the_projects(path.resolve())  # `..` is no hidden folder
        for folder, folders, names in os.walk(path):
            here = Path(folder)
            if not everything:
                folders[:] = [f for f in folders if not _not_the_projects(here / f)]
            inside.extend(here / n for n in names
                          if n.endswith(".po") and (here / n).is_file())
        for each in sorted(inside):
            add(each)
    return found
