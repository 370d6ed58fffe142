"""A language's catalogs as a lookup, and a term's English side built from them.

``load_translations(root, "en")`` reads ``locale/en/LC_MESSAGES/*.po`` (the ``.po`` files, not the
``.mo``: a glossary read as a library needs no compile step, and the ``.po`` ships in the wheel);
``get(domain, context, msgid)`` answers ``(msgstr, status)``. :func:`english_for` turns a Malay
:class:`~glossari.model.Term` into its :class:`~glossari.model.English` side.

>>> from glossari.catalog.pofile import parse_po
>>> po = parse_po('msgid ""\\nmsgstr "Content-Type: text/plain; charset=UTF-8\\\\n"\\n\\n'
...               'msgctxt "kos"\\nmsgid "Kos"\\nmsgstr "Cost"\\n', source="glossary.po")
>>> tr = Translations({"glossary": po}, lang="en")
>>> tr.get("glossary", "kos", "Kos"), tr.get("glossary", None, "Harga")
(('Cost', 'translated'), (None, 'untranslated'))
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path

from glossari._atomic import StagedWrites
from glossari._store import Store, Table
from glossari.catalog.languages import check_language, check_translation_language
from glossari.catalog.messages import (
    GLOSSARY_DOMAIN,
    article_domain,
    is_headword_heading,
    judged_as_block,
)
from glossari.catalog.pofile import (
    PoFile,
    catalog_files,
    check_domain,
    decode_po,
    load_po,
    parse_po,
    read_catalog_bytes,
)
from glossari.catalog.usable import (
    Definitions,
    MessageState,
    Verdict,
    entry_state,
    message_state,
    refused,
    remember,
    remembered,
    unusable_translation,
    written,
)
from glossari.errors import CatalogError
from glossari.model import Block, English, Section, Status, Term, replaced
from glossari.root import GlossaryRoot, relative_name
from glossari.seeds.markdown import definition_titles, with_title
from glossari.text import counted, shell_path

__all__ = [
    "COMPILE_LOCK_NAME",
    "LOCK_NAME",
    "Coverage",
    "Translations",
    "catalog_folder",
    "catalog_languages",
    "catalog_lock",
    "catalog_table",
    "check_folder_language",
    "check_language",
    "check_unchanged",
    "compile_lock",
    "english_for",
    "load_translations",
    "no_catalogs",
    "refuse_hard_linked",
    "refuse_read_only",
    "remember_catalog",
    "require_catalogs",
]


LOCK_NAME = ".glossari-{lang}.lock"
"""The catalog lock's file in ``locale/`` (see :func:`catalog_lock`)."""

COMPILE_LOCK_NAME = ".glossari-{lang}-compile.lock"
"""The compile lock's file in ``locale/`` (see :func:`compile_lock`)."""


@contextlib.contextmanager
def catalog_lock(root: GlossaryRoot, lang: str, *,
                 timeout: float = 10.0) -> Iterator[None]:
    """The lock every command that rewrites ``locale/LANG`` catalogs holds while it does.

    ``update`` takes it; another writer (``align``, ``import``) taking it too waits its turn
    instead of being overwritten. It is the file ``locale/.glossari-LANG.lock`` (see
    :data:`LOCK_NAME`), beside what it protects, and never in ``.glossari-cache/``: deleting the
    cache while a writer holds the lock must not let a second writer in. A writer that waits
    more than ``timeout`` seconds gives up with a :class:`CatalogError`.

    Once it is held, the temporary catalogs in ``locale/LANG/LC_MESSAGES`` belong to no running
    writer: a killed one's (``update``'s, ``align``'s, ``import``'s) are removed then. A catalog
    that is a symbolic link is written beside the file it leads to, in a folder this lock does
    not cover (another glossary may write that file too): a killed writer's temporary there is
    removed once it is an hour old, the store's rule.
    """
    from glossari._atomic import remove_stale_temporaries
    from glossari._store import STALE_TEMPORARY

    with _locale_lock(root, LOCK_NAME.format(lang=lang), timeout=timeout,
                      busy="another glossari process is updating this catalog",
                      what="the catalog lock", writes="catalogs"):
        folder = catalog_folder(root, lang)
        remove_stale_temporaries(folder, ".po")
        with contextlib.suppress(OSError):
            for path in folder.glob("*.po"):
                if path.is_symlink():
                    target = Path(os.path.realpath(path))
                    if target.parent != folder.resolve():
                        remove_stale_temporaries(target.parent, target.name,
                                                 older_than=STALE_TEMPORARY)
        yield


def check_unchanged(path: Path, read: str | None, *, source: str, command: str) -> None:
    """Raise :class:`CatalogError` when the catalog ``path`` is no longer the file ``command``
    (as a user runs it again: ``update -l en``) read (``read``: the SHA-256 hex digest of its
    bytes then, None when it was missing).

    Called just before a merged catalog is renamed over ``path``: an editor (Poedit, an IDE,
    ``git pull``) that saved it meanwhile is not bound by glossari's lock, and the rename would
    silently drop that save. The caller then writes nothing; its next run merges the save.

    A catalog its owner made read-only (no write permission for anyone, as ``chmod a-w``
    leaves it, or none for this user) is refused too: a rename would replace it regardless
    (even as root), where GNU ``msgmerge -U`` refuses it. For a symbolic link, its target's
    permissions count, as the write goes through the link.

    So is a catalog with a second name (a hard link, ``ln glossary.po elsewhere.po``): see
    :func:`refuse_hard_linked`.
    """
    refuse_read_only(path, source=source, command=command)
    refuse_hard_linked(path, source=source, command=command)
    try:
        now: str | None = hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        now = None
    except OSError as error:
        raise CatalogError(f"cannot read the file: {error.strerror}", path=source,
                           hint="check the path and permissions") from None
    if now != read:
        raise CatalogError(f"the catalog changed while 'glossari {command.split()[0]}' ran "
                           "(saved by another program); nothing was written", path=source,
                           hint=f"run 'glossari {command}' again once it is saved")


def refuse_read_only(path: Path, *, source: str, command: str) -> None:
    """Raise :class:`CatalogError` when the existing catalog ``path`` is read-only: a
    translator's "do not touch", which ``update``, ``import`` and ``align`` keep alike
    (nothing is written; a missing catalog is no refusal)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return  # missing (made anew), or unreadable: check_unchanged says so
    if mode & 0o222 and os.access(path, os.W_OK):
        return
    raise CatalogError(
        f"the catalog is read-only; 'glossari {command.split()[0]}' does not change it and "
        "nothing was written", path=source,
        hint=f"to let glossari write it, make it writable (chmod u+w {shell_path(source)}) and "
             f"run 'glossari {command}' again")


def refuse_hard_linked(path: Path, *, source: str, command: str) -> None:
    """Raise :class:`CatalogError` when the existing catalog ``path`` (through a symbolic link,
    the file it leads to) has another name, a hard link (``ln glossary.po elsewhere.po``).

    A write is a new file renamed over the name glossari knows: the other name would keep the
    old bytes, the two names parting silently (a translator saving there later saves into a
    file no command reads). Written in place instead, a killed run would leave half a catalog
    under both names. So it is refused, as a read-only catalog is, and nothing is written; a
    symbolic link is written through and keeps both names one file.
    """
    try:
        names = path.stat().st_nlink
    except OSError:
        return  # missing (made anew), or unreadable: check_unchanged says so
    if names <= 1:
        return
    raise CatalogError(
        f"the catalog has {names} names (a hard link): a write would give this name a new "
        "file and leave the other names the old catalog, so nothing was written",
        path=source,
        hint="make each other name a symbolic link to it (ln -sf, which glossari writes "
             f"through) or a copy of its own, and run 'glossari {command}' again")


def compile_lock(root: GlossaryRoot, lang: str, *,
                 timeout: float = 10.0) -> AbstractContextManager[None]:
    """The lock ``glossari compile`` holds while it writes the ``.mo`` files and the termbase of
    ``lang`` (``locale/.glossari-LANG-compile.lock``, :data:`COMPILE_LOCK_NAME`).

    Only ``compile`` writes them, so under this lock a temporary ``.mo`` or termbase in
    ``locale/LANG`` belongs to no running process: a killed ``compile`` left it, and the next one
    removes it (a termbase written aside is as large as the glossary). A ``compile`` that waits
    more than ``timeout`` seconds for another gives up with a :class:`CatalogError`. It is a
    lock of its own, not the catalog lock, so that a long ``compile`` does not hold off
    ``update`` (which writes no ``.mo`` and no termbase).
    """
    return _locale_lock(root, COMPILE_LOCK_NAME.format(lang=lang), timeout=timeout,
                        busy=f"another 'glossari compile' is writing the {lang!r} .mo files "
                             "and termbase",
                        what="the compile lock", writes=".mo files and the termbase")


def _locale_lock(root: GlossaryRoot, name: str, *, timeout: float, busy: str, what: str,
                 writes: str) -> AbstractContextManager[None]:
    from glossari._atomic import locked

    try:
        root.locale.mkdir(exist_ok=True)
    except OSError as error:
        why = "it is a file" if error.errno == errno.EEXIST else error.strerror
        raise CatalogError(f"cannot create the folder for {what}: {why}",
                           path="locale", hint="make the glossary folder writable (this "
                           f"command writes {writes})") from None
    return locked(root.locale / name.removesuffix(".lock"), timeout=timeout, busy=busy)


def catalog_folder(root: GlossaryRoot, lang: str) -> Path:
    """``locale/LANG/LC_MESSAGES``."""
    return root.catalogs(lang)


def require_catalogs(root: GlossaryRoot, lang: str) -> None:
    """Raise :class:`CatalogError` when ``lang`` has no catalog while another language has
    some: a mistyped code (``en_US`` for ``en``) would otherwise give every term untranslated,
    exit 0. A glossary with no catalog at all is read in Malay alone. Malay itself, the
    articles' language, is no translation (:func:`check_translation_language`)."""
    check_translation_language(lang)
    if catalog_files(root.catalogs(lang), base=root.path) or not root.locale.is_dir():
        return
    if catalog_languages(root.path):
        raise no_catalogs(root.path, lang)


def catalog_languages(root: Path) -> list[str]:
    """The languages under ``root``'s ``locale/`` that have at least one ``.po`` catalog."""
    locale = root / "locale"
    if not locale.is_dir():
        return []
    return sorted(folder.name for folder in locale.iterdir()
                  if catalog_files(folder / "LC_MESSAGES", base=root))


def misspelt_folder(root: Path, lang: str) -> CatalogError | None:
    """The error for catalogs of ``lang`` kept under another spelling of it (``locale/sr_Latn``
    for ``-l sr@latin``, ``locale/pt-BR`` for ``pt_BR``: a folder an older glossari or another
    tool made, and no gettext program reads), else None. ``update -l sr@latin`` made a second,
    empty catalog beside them, and the readers' error told the user to."""
    from glossari.catalog.languages import gettext_spelling

    for other in catalog_languages(root):
        if other != lang and gettext_spelling(other) == lang:
            return CatalogError(
                f"the catalogs of {lang!r} are in locale/{other}, a spelling of it no gettext "
                "program reads", path=f"locale/{other}",
                hint=f"rename the folder to locale/{lang} (mv locale/{other} locale/{lang})")
    return None


def check_folder_language(root: Path, code: str) -> str:
    """``code``, the name of a folder under ``root``'s ``locale/``, when it is a language code
    as gettext writes it (:func:`check_language`, the error at ``locale/CODE``). When the
    folder it should be named exists too (``locale/sr_Latn`` beside ``locale/sr@latin``, both
    made by ``update`` before ``sr_Latn`` was refused), renaming it would put it inside the
    other: the hint is to move its translations there."""
    try:
        return check_language(code, path=f"locale/{code}")
    except CatalogError:
        from glossari.catalog.languages import gettext_spelling

        spelled = gettext_spelling(code)
        other = root / "locale" / spelled if spelled is not None else None
        if (spelled is None or spelled == code or other is None or not other.is_dir()
                or other.samefile(root / "locale" / code)):  # EN is en on macOS: one folder
            raise
        raise CatalogError(
            f"the language code {code!r} is written {spelled!r} in locale/, which has that "
            "folder too", path=f"locale/{code}",
            hint=f"move this folder's translations into locale/{spelled} (for each catalog D: "
            f"msgmerge -U --backup=off -C locale/{code}/LC_MESSAGES/D.po "
            f"locale/{spelled}/LC_MESSAGES/D.po locale/D.pot, which fills what that one leaves "
            "untranslated), then remove it") from None


def no_catalogs(root: Path, lang: str) -> CatalogError:
    """The one error for a language without catalogs, naming the languages there are: what
    every command and :func:`glossari.load` say for ``-l en_US`` beside ``locale/en``; the
    one of :func:`misspelt_folder` when its catalogs are under another spelling."""
    misspelt = misspelt_folder(root, lang)
    if misspelt is not None:
        return misspelt
    others = catalog_languages(root)
    there = f" (locale/ has {', '.join(others)})" if others else " (locale/ has none)"
    return CatalogError(
        f"no catalogs for the language '{lang}'{there}", path=f"locale/{lang}/LC_MESSAGES",
        hint=f"check the language code, or run 'glossari update -l {lang}' to start it",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    """How much of a language's catalogs is translated (current messages only), as a reader
    gets it: a translation ``render`` refuses (C203, C204, C208, C209) is counted untranslated, as
    every reporter counts it (:func:`glossari.catalog.usable.entry_state`)."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    """Messages without a current translation a reader gets: none, or one refused."""
    obsolete: int = 0
    refused: int = 0
    """Of :attr:`untranslated`, those whose translation ``render`` refuses (C203, C204, C208, C209):
    translated in the catalog, but not for a reader."""

    @property
    def total(self) -> int:
        """Current messages: translated + fuzzy + untranslated."""
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Translated share of the current messages, 0 to 100 (100 for an empty catalog)."""
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def refused_note(self) -> str:
        """`` (2 translations refused: C203, C204, C208, C209)`` after the untranslated count
        in every summary that has refused translations, else ``""``."""
        if not self.refused:
            return ""
        return f" ({counted(self.refused, 'translation')} refused: C203, C204, C208, C209)"

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(translated=self.translated + other.translated,
                        fuzzy=self.fuzzy + other.fuzzy,
                        untranslated=self.untranslated + other.untranslated,
                        obsolete=self.obsolete + other.obsolete,
                        refused=self.refused + other.refused)

    @classmethod
    def of(cls, po: PoFile, domain: str | None = None, *,
           states: dict[tuple[str | None, str], MessageState] | None = None,
           definitions: Definitions | None = None) -> Coverage:
        """Count the entries of one catalog of ``domain`` (by default its header's
        ``X-Domain``; the domain tells a body block from a ``glossary`` message), each by
        :func:`~glossari.catalog.usable.entry_state`. ``states``, when given, gets each current
        message's state by ``(msgctxt, msgid)`` (the first entry of a key), for a caller that
        counts them again another way (``check``'s C201) without asking the rule twice.
        ``definitions``: the articles' reference definitions by message
        (:func:`~glossari.catalog.usable.definitions_by_message`); without them a reference
        link is judged as the bracketed text it is in an article that defines none."""
        if domain is None:
            domain = po.header_fields().get("X-Domain", "")
        translated = fuzzy = untranslated = obsolete = refused = 0
        for entry in po.entries:
            if entry.obsolete:
                obsolete += 1
                continue
            defined = definitions.get((domain, entry.msgctxt, entry.msgid)) if definitions \
                else None
            state = (entry_state(domain, entry) if defined is None
                     else entry_state(domain, entry, references=defined[1]))
            if states is not None:
                states.setdefault(entry.key, state)
            if state == "translated":
                translated += 1
            elif state == "fuzzy":
                fuzzy += 1
            else:
                untranslated += 1
                refused += entry.translated
        return cls(translated=translated, fuzzy=fuzzy, untranslated=untranslated,
                   obsolete=obsolete, refused=refused)


_Table = dict[tuple[str | None, str], tuple[str, Status]]


def _table(po: PoFile) -> _Table:
    return {
        e.key: (e.msgstr, "fuzzy" if e.fuzzy else "translated")
        for e in po.entries
        if not e.obsolete and e.msgstr and e.msgid_plural is None
    }


class Translations:
    """The current messages of one language's catalogs, by domain and ``(msgctxt, msgid)``."""

    __slots__ = ("_by_domain", "_catalogs", "_coverage", "_lazy", "_unjudged", "lang")

    def __init__(self, catalogs: Mapping[str, PoFile], *, lang: str) -> None:
        self.lang = lang
        """The language code (the folder name under ``locale/``)."""
        self._catalogs: dict[str, PoFile] = dict(catalogs)
        self._lazy: dict[str, tuple[Path, str]] = {}
        self._by_domain: dict[str, _Table] = {d: _table(po) for d, po in catalogs.items()}
        self._coverage: dict[str, Coverage] = {d: Coverage.of(po, d)
                                               for d, po in catalogs.items()}
        self._unjudged: dict[str, Coverage] = {}  # counts before judge_definitions

    @property
    def catalogs(self) -> dict[str, PoFile]:
        """The parsed catalogs by domain (parsed on first use when the lookup came from cache)."""
        for domain, (path, source) in sorted(self._lazy.items()):
            po = load_po(path, source=source)
            check_domain(po, domain, source=source)
            self._catalogs[domain] = po
        self._lazy.clear()
        return self._catalogs

    def get(self, domain: str, context: str | None, msgid: str) -> tuple[str | None, Status]:
        """``(msgstr, "translated" | "fuzzy")``, or ``(None, "untranslated")``."""
        found = self._by_domain.get(domain, {}).get((context, msgid))
        return found if found is not None else (None, "untranslated")

    def domain_table(self, domain: str) -> Mapping[tuple[str | None, str], tuple[str, Status]]:
        """One domain's ``(context, msgid) -> (msgstr, status)`` for every translated or fuzzy
        message: :meth:`get` without the per-call domain lookup, for a caller that asks one
        domain thousands of times."""
        return self._by_domain.get(domain, {})

    def text(self, domain: str, context: str | None, msgid: str) -> str | None:
        """The translation when it is current (not fuzzy), else None."""
        msgstr, status = self.get(domain, context, msgid)
        return msgstr if status == "translated" else None

    @property
    def domains(self) -> tuple[str, ...]:
        """The domains that have a catalog, sorted."""
        return tuple(sorted(self._coverage))

    def judge_definitions(self, definitions: Definitions) -> None:
        """Count again the translations the articles' reference definitions refuse
        (:func:`~glossari.catalog.usable.definitions_by_message`): what :func:`glossari.load`
        does once it has read the articles, so that :meth:`coverage` (and the termbase's
        ``coverage`` table) counts a ``[revenue]`` for a defined ``[hasil]`` untranslated, as
        ``render`` and ``check`` have it. Only the few messages of the articles that define
        any are asked; the lookup table is unchanged (a term's English side judges with its
        own article's definitions: :func:`english_for`). Asked again, it counts anew from the
        catalogs' own counts."""
        self._coverage.update(self._unjudged)
        self._unjudged.clear()
        moved: dict[str, int] = {}
        for (domain, context, msgid), (block, references) in definitions.items():
            found = self._by_domain.get(domain, {}).get((context, msgid))
            if found is None or found[1] != "translated":
                continue
            if message_state(domain, context, msgid, found[0], "translated",
                             block=block) != "translated":
                continue  # already counted untranslated
            if any(refused(domain, context, msgid, found[0], block=block, references=defined)
                   for defined in references if defined):
                moved[domain] = moved.get(domain, 0) + 1
        for domain, n in moved.items():
            counts = self._unjudged[domain] = self._coverage[domain]
            self._coverage[domain] = replace(counts, translated=counts.translated - n,
                                             untranslated=counts.untranslated + n,
                                             refused=counts.refused + n)

    def coverage(self, domain: str | None = None) -> Coverage:
        """Counts for one domain, or for all of them."""
        if domain is not None:
            return self._coverage.get(domain, Coverage())
        total = Coverage()
        for counts in self._coverage.values():
            total = total + counts
        return total


def load_translations(root: GlossaryRoot, lang: str, *, write_cache: bool = True,
                      domains: Collection[str] | None = None) -> Translations:
    """Read ``locale/LANG/LC_MESSAGES/*.po``; a missing folder gives empty translations.
    ``domains``, when given, limits the reading to those domains' catalogs (the others'
    cached tables are kept).

    Raises :class:`CatalogError` for an unknown language code, an unreadable catalog (with its
    line), or a catalog whose header ``X-Domain`` names another domain than its file name.

    The lookup table of a catalog whose bytes did not change since the last load (or since
    ``update`` wrote it) comes from the store of derived state (:mod:`glossari._store`;
    parsing 265,000 messages costs seconds; the table loads in a fraction);
    :attr:`Translations.catalogs` parses the files only when asked (also after a cold load: only
    the compact lookup table is kept, so a glossary of 30,000 articles stays well under 1 GB).
    Without ``write_cache`` the cache is read, never written.
    """
    import hashlib

    check_language(lang)
    folder = catalog_folder(root, lang)
    result = Translations({}, lang=lang)
    if not folder.is_dir():
        return result
    store = Store.of(root)
    kind = _TABLES.format(lang=lang)
    for path in catalog_files(folder, base=root.path):
        source = relative_name(path, root.path)
        domain = path.stem
        if domains is not None and domain not in domains:
            continue
        data = read_catalog_bytes(path, source=source)
        digest = hashlib.sha256(data).digest()
        cached = store.open(kind, part=domain)
        hit = cached.get(_TABLE, digest)
        if hit is not None:
            table, counts = hit[0], Coverage(**hit[1])
            # what judging its translations parsed, for this code: not parsed again here
            remember(hit[2] if len(hit) > 2 else ())
        else:
            po = parse_po(decode_po(data, source=source), source=source)
            check_domain(po, domain, source=source)
            table, counts = _table(po), Coverage.of(po, domain)
            if write_cache:
                cached.put(_TABLE, _stored(table, counts, remembered(domain, po.entries)),
                           digest=digest)
                cached.save()
            # keep only the lookup table: the parsed file (with every entry's raw text) is
            # several times its size, and most callers never need it (parsed again on demand)
            del po
        del data
        result._lazy[domain] = (path, source)
        result._by_domain[domain] = table
        result._coverage[domain] = counts
    if write_cache and domains is None:
        # a catalog removed from locale/ takes its cached table with it
        for domain in store.parts(kind):
            if domain not in result._by_domain:
                store.forget(kind, domain)
    return result


# The lookup-table cache: the store's table "tables-LANG", one part per domain, so update can
# write one domain's table at a time and a load reads only what it keeps. Its one entry is tied to
# the SHA-256 of the catalog's bytes: a hit is exactly what parsing those bytes gives.
_TABLES = "tables-{lang}"
_TABLE = "catalog"


def _stored(table: _Table, counts: Coverage, verdicts: tuple[Verdict, ...],
            ) -> tuple[_Table, dict[str, int], tuple[Verdict, ...]]:
    # the verdicts: the answers of the rule that parsed Markdown while the counts were made
    # (glossari.catalog.usable.remembered), so that a load from the sources or `compile` reading
    # this table does not parse them again
    return table, {"translated": counts.translated, "fuzzy": counts.fuzzy,
                   "untranslated": counts.untranslated, "obsolete": counts.obsolete,
                   "refused": counts.refused}, verdicts


def remember_catalog(root: GlossaryRoot, lang: str, domain: str, digest: bytes, po: PoFile,
                     staged: StagedWrites) -> Coverage:
    """Stage the lookup table of a catalog ``update`` is about to write; return its counts.

    ``digest`` is the SHA-256 of the catalog's new bytes. The table is written to a temporary
    file in the store of derived state by ``staged`` and put in place by its ``commit``, after the
    catalogs, so the next :func:`load_translations` is a cache hit; a catalog left untouched keeps
    its table file. Only a speed-up: a table that cannot be written is simply not cached.
    """
    cached, counts = catalog_table(root, lang, domain, digest, po)
    with contextlib.suppress(Exception):
        cached.stage(staged)
    return counts


def catalog_table(root: GlossaryRoot, lang: str, domain: str, digest: bytes, po: PoFile,
                  ) -> tuple[Table, Coverage]:
    """The store's lookup table of a catalog, holding ``po`` (of SHA-256 ``digest``) and not
    yet written, and the catalog's counts: what :func:`remember_catalog` stages, and what a
    helper process serialises for its parent to stage (:mod:`glossari.catalog.compile`)."""
    store, kind = Store.of(root), _TABLES.format(lang=lang)
    # the old table's verdicts stand whatever its digest (each is keyed by all the rule reads,
    # and the store keeps only what this very code wrote): the messages the catalog still
    # holds are not parsed again (compile after update, update after a translator's edit)
    for _, _, value in store.open(kind, part=domain).items():
        remember(value[2] if isinstance(value, tuple) and len(value) > 2 else ())
    counts = Coverage.of(po, domain)
    # replaced whole: the old table's lookup entries are not worth keeping
    cached = store.open(kind, part=domain, read=False)
    cached.put(_TABLE, _stored(_table(po), counts, remembered(domain, po.entries)),
               digest=digest)
    return cached, counts


def english_for(term: Term, translations: Translations) -> English:
    """The English side of an article term from the catalogs.

    The headword's status is the catalog's (``translated``, ``fuzzy`` or ``untranslated``); a fuzzy
    headword is given (marked so), fuzzy body text is not. Body blocks without a current
    translation stay in Malay, so the English body always has the Malay body's shape. A
    translation ``render`` refuses (its links or HTML differ from the source's, reference
    links judged by the article's own definitions, :attr:`~glossari.model.Term.definitions`;
    it shows nothing, or a block's line starts Markdown block syntax: C203, C204, C208, C209) is no
    translation here either, so the API, the tables, search and the site say what the rendered
    article says.
    """
    tr = translations
    references = term.definitions

    def usable(msgid: str, msgstr: str | None, *, block: bool = False,
               category: bool = False) -> str | None:
        # the one rule render keeps the Malay by (glossari.catalog.usable)
        if msgstr and unusable_translation(msgid, msgstr, block=block, references=references,
                                           category=category) is None:
            return msgstr
        return None

    title, status = tr.get(GLOSSARY_DOMAIN, term.id, term.title) if term.title else (
        None, "untranslated")
    if title and term.title and usable(term.title, title) is None:
        title, status = None, "untranslated"
    body = article_domain(term.id)
    # the article's own table, looked up once: english_for runs for every block of every article
    table = tr.domain_table(body)

    def block(b: Block) -> Block:
        if not b.translatable:
            return b  # code, a thematic break: copied, never a message (a paragraph alike
            # elsewhere in the article does not translate it)
        found = table.get((None, b.text))
        if found is None or found[1] != "translated" or usable(
                b.text, found[0], block=judged_as_block(b)) is None:
            return b
        # a heading in a quote or an item on its one line, as render writes it
        return replaced(b, text=found[0] if b.kind != "heading" else written(found[0],
                                                                         block=False))

    def text(domain: str, msgid: str) -> str | None:
        return usable(msgid, tr.text(domain, None, msgid))

    sections: list[Section] = []
    for s in term.sections:
        if is_headword_heading(s.heading, s.level, term.title):
            # the title heading is the headword's message, not a body message
            heading = title if status == "translated" and title else s.heading
        elif s.heading:
            heading = text(body, s.heading) or s.heading
        else:
            heading = ""
        blocks = tuple(block(b) for b in s.blocks)
        unchanged = heading == s.heading and all(
            new is old for new, old in zip(blocks, s.blocks, strict=True))
        sections.append(s if unchanged else replaced(s, heading=heading, blocks=blocks))
    return English(
        title=title,
        status=status,
        description=text(GLOSSARY_DOMAIN, term.description) if term.description else None,
        categories=tuple(usable(c, tr.text(GLOSSARY_DOMAIN, None, c), category=True)
                         for c in term.categories),
        sections=tuple(sections),
        highlights=tuple(block(b) for b in term.highlights),
        definitions=english_definitions(term.definitions, lambda title: text(body, title)),
    )


def english_definitions(definitions: str, translate: Callable[[str], str | None]) -> str:
    """``definitions`` (:attr:`~glossari.model.Term.definitions`) with each title that
    ``translate`` gives a translation of in it (escaped inside its quotes), as ``render``
    writes them; ``""`` when none is translated.

    >>> english_definitions('[b]: /bon "Bon korporat"\\n[s]: /saham',
    ...                     {"Bon korporat": 'Corporate "bond"'}.get)
    '[b]: /bon "Corporate \\\\"bond\\\\""\\n[s]: /saham'
    """
    titles = definition_titles(definitions)
    if not titles:
        return ""
    lines = definitions.split("\n")
    changed = False
    for index, title in titles:
        english = translate(title)
        if english:
            new = with_title(lines[index], title, written(english, block=False))
            if new is not None:
                lines[index], changed = new, True
    return "\n".join(lines) if changed else ""
