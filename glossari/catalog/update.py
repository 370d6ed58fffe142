"""Updating catalogs: the templates into ``locale/LANG/LC_MESSAGES/*.po`` (``glossari update``).

msgmerge semantics (see :mod:`glossari.catalog.merge`): translations kept, a changed source keeps
its old translation as fuzzy with ``#|``, a vanished message becomes obsolete (``#~``), never
deleted. Every catalog is read and merged before any is replaced, so a broken catalog stops the
whole run with its ``path:line`` and nothing changes. The domains are merged one at a time (only
one domain's parsed files in memory: 30,000 articles stay well under 1 GB), each written to a
temporary file next to its catalog; all are renamed into place once every domain has merged.
Catalogs whose bytes would not change are not touched. Two updates of one language serialize on a
lock; the second waits (or gives up clearly).

The merge is a pure function of the template's and the catalog's bytes, so a domain whose two
files are byte-identical to the last run's output is skipped without parsing (a small record in
the store of derived state, :mod:`glossari._store`); at 30,000 articles, after one article
changed, only its two domains merge.

The language's catalogs are each other's compendium (``msgmerge -C``). An article renamed to
another first letter (``peniaga-broker.md`` to ``broker-dealer.md``) moves its paragraphs from
``articles-p`` to ``articles-b``: a message that arrives untranslated in one catalog takes the
translation another catalog merged in the run no longer needs (lost now, or kept obsolete from
before; that catalog keeps it, obsolete), the latest first; so does one the catalog held
untranslated that the article brings (``Sorotan`` of another article there not translated
yet). A message another catalog translated and still holds is taken too (``Sorotan``, when
``articles-b`` is new; from the catalogs this run did not merge through their lookup tables in
the store, so that a warm cache, which skips them, gives what a cold one gives). Only the
domains that gain something are merged a second time; what was lost, held and lacked is
remembered as hashes, so an update of 30,000 articles holds no more than it did (+65 MB,
measured at 5% changed).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from glossari._atomic import StagedWrites, make_folder
from glossari._store import Store, Table
from glossari.catalog.incremental import Wrap, no_progress
from glossari.catalog.languages import check_translation_language
from glossari.catalog.merge import Key, Moved, joined_notes, merge
from glossari.catalog.pofile import Entry, PoFile, catalog_files, load_po, read_catalog_bytes
from glossari.catalog.translations import (
    Coverage,
    Translations,
    catalog_folder,
    catalog_lock,
    check_unchanged,
    load_translations,
    misspelt_folder,
)
from glossari.errors import CatalogError
from glossari.root import GlossaryRoot, relative_name

__all__ = ["UpdateResult", "update"]

_RECORD = "update"


class _Merged(NamedTuple):
    """One domain's outcome: its catalog, whether it is new, whether its bytes change, and its
    counts."""

    path: Path
    new: bool
    changed: bool
    coverage: Coverage
    read: str | None
    """The digest of the catalog's bytes as this run read them (None: no catalog)."""


@dataclass(slots=True)
class _Compendium:
    """What the catalogs merged in one run lost, hold and lack (:mod:`glossari.catalog.merge`'s
    compendium), as hashes of message keys: a first update of 30,000 articles lacks all 625,000
    messages, and an update of 5% of them leaves 31,000 old versions behind, whose texts the
    keys and entries would keep alive (125 MB). The few messages that are offered are read
    again from their catalogs, which this run has not replaced yet."""

    lost: dict[str, set[int]] = field(default_factory=dict)
    """domain: the keys its catalog held translated, or untranslated with a translator comment,
    and this run's template no longer has."""
    holds: dict[str, set[int]] = field(default_factory=dict)
    """domain: the keys its catalog held translated (current) before the merge."""
    new: set[str] = field(default_factory=set)
    """The domains whose catalog this run creates."""
    lacking: dict[Path, set[int]] = field(default_factory=dict)
    """template: the keys its catalog holds untranslated after the merge, or revived from its
    own obsolete copy (another catalog may hold a newer translation: an article renamed away,
    its translation revised there, renamed back)."""
    orphaned: dict[str, set[int]] = field(default_factory=dict)
    """domain: the translated keys its catalog held current and this run leaves only obsolete
    (no message of its own took them, exactly or fuzzy)."""
    arrived: dict[Path, set[int]] = field(default_factory=dict)
    """template: the keys new to its catalog that the merge left untranslated (a fuzzy match
    from another catalog's orphans may fill them, as ``msgmerge -C`` would)."""

    def note(self, pot_path: Path, template: PoFile, catalog: PoFile | None,
             merged: PoFile) -> None:
        """Remember what ``catalog`` (merged with ``template`` into ``merged``) lost, held and
        lacks."""
        domain = pot_path.stem
        lacking = {hash(e.key) for e in merged.entries
                   if not e.obsolete and not e.has_translation}
        held = set() if catalog is None else {
            hash(e.key) for e in catalog.entries if not e.obsolete}
        arrived = lacking - held
        if arrived:
            self.arrived[pot_path] = arrived
        if catalog is not None:
            orphaned = {hash(e.key) for e in merged.entries
                        if e.obsolete and e.has_translation and e.msgid != ""} & held
            if orphaned:
                self.orphaned[domain] = orphaned
        if catalog is None:
            self.new.add(domain)
        else:
            keys = {e.key for e in template.entries if not e.obsolete}
            current = {e.key for e in catalog.entries if not e.obsolete}
            lost = set()
            for entry in catalog.entries:
                if entry.key in keys:
                    if entry.obsolete and entry.key not in current:
                        lacking.add(hash(entry.key))
                elif entry.msgid != "" and (entry.has_translation or entry.translator_comments):
                    lost.add(hash(entry.key))  # a note on an untranslated message moves too
            self.lost[domain] = lost
            self.holds[domain] = {hash(e.key) for e in catalog.entries
                                  if not e.obsolete and e.msgstr and e.msgid_plural is None}
        if lacking:
            self.lacking[pot_path] = lacking

    def refills(self, read: Callable[[str], PoFile],
                known: Callable[[Collection[str]], Translations],
                domains: Iterable[str],
                ) -> list[tuple[Path, dict[Key, Moved], list[Entry]]]:
        """Each template whose catalog may lack what another catalog lost or holds, and those
        messages (the merge matches keys exactly: a hash that collides offers what it will not
        use), with the translated messages other catalogs left obsolete, for a fuzzy match of
        those new to it that stay untranslated. ``read`` parses a domain's catalog as it was
        before this update, for what it lost and left obsolete; ``known`` gives the named
        domains' translations as they were: those merged in this run that hold a lacking
        message, and every catalog it did not merge (their tables come from the store)."""
        offers: dict[Path, dict[Key, Moved]] = {}
        for domain, lost in sorted(self.lost.items()):
            hits = {pot_path: lost & hashes for pot_path, hashes in self.lacking.items()
                    if pot_path.stem != domain}
            hits = {pot_path: found for pot_path, found in hits.items() if found}
            if not hits:
                continue
            for entry in read(domain).entries:
                number = hash(entry.key)
                for pot_path, found in hits.items():
                    if number in found:
                        _offer(offers.setdefault(pot_path, {}), entry.key,
                               Moved(entry, current=not entry.obsolete))
        remaining = {pot_path: hashes.difference(map(hash, offers.get(pot_path, {})))
                     for pot_path, hashes in self.lacking.items()}
        # a catalog this run did not merge (its two files were as the last run left them)
        # holds what it held then: it is asked as a merged one would be, or a warm cache and a
        # cold one would give two different results for the same files
        sources = [domain for domain in domains if domain not in self.new and any(
            hashes and (domain not in self.holds or not self.holds[domain].isdisjoint(hashes))
            for pot_path, hashes in remaining.items() if pot_path.stem != domain)]
        if sources:
            still: dict[int, list[Path]] = {}
            for pot_path, hashes in remaining.items():
                for number in hashes:
                    still.setdefault(number, []).append(pot_path)
            # one domain's table at a time: at 30,000 articles all of them at once held 235 MB
            # more for a one-paragraph update
            for domain in sources:
                _known(known([domain]), still, offers)
        similar: dict[Path, list[Entry]] = {}
        for domain, orphaned in sorted(self.orphaned.items()):
            wanting = [pot_path for pot_path, hashes in self.arrived.items()
                       if pot_path.stem != domain
                       and not hashes.issubset(map(hash, offers.get(pot_path, {})))]
            if not wanting:
                continue
            entries = [e for e in read(domain).entries
                       if not e.obsolete and hash(e.key) in orphaned and e.has_translation]
            for pot_path in wanting:
                similar.setdefault(pot_path, []).extend(entries)
        return [(pot_path, offers.get(pot_path, {}), similar.get(pot_path, []))
                for pot_path in {**offers, **similar}
                if offers.get(pot_path) or similar.get(pot_path)]


def _offer(offered: dict[Key, Moved], key: Key, moved: Moved) -> None:
    """Offer ``moved`` for ``key`` beside what is offered already: the latest translation wins
    (one still current until this update, over an obsolete copy); two of the same age that
    differ are offered fuzzy, for the translator to choose."""
    seen = offered.get(key)
    if seen is not None and not (moved.entry.has_translation and seen.entry.has_translation):
        # a translator's note on an untranslated message (`# ask the editor`) never wins over
        # a translation, and goes with whatever is offered
        keep, other = (moved, seen) if moved.entry.has_translation else (seen, moved)
        comments = joined_notes(keep.entry.translator_comments, other.entry.translator_comments)
        offered[key] = keep._replace(entry=keep.entry.with_changes(translator_comments=comments))
    elif seen is None or (moved.current and not seen.current):
        offered[key] = moved
    elif moved.current == seen.current and seen.entry.translations != moved.entry.translations:
        offered[key] = seen._replace(disputed=True)


def _known(translations: Translations, still: Mapping[int, list[Path]],
           offers: dict[Path, dict[Key, Moved]]) -> None:
    """Offer what other catalogs translated and still hold (``Sorotan`` in every body domain:
    a new article's catalog gets it at once), one pass over their tables."""
    for domain in translations.domains:
        for key, (msgstr, status) in translations.domain_table(domain).items():
            for pot_path in still.get(hash(key), ()):
                if pot_path.stem != domain:
                    flags = ("fuzzy",) if status == "fuzzy" else ()
                    _offer(offers.setdefault(pot_path, {}), key,
                           Moved(Entry(msgid=key[1], msgctxt=key[0], msgstr=msgstr, flags=flags)))


@dataclass(slots=True)
class UpdateResult:
    """What :func:`update` did."""

    coverage: Coverage = field(default_factory=Coverage)
    created: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def update(root: GlossaryRoot, lang: str, *, wrap: Wrap | None = None) -> UpdateResult:
    """Merge every ``locale/*.pot`` into ``locale/LANG/LC_MESSAGES/<domain>.po``."""

    root.require_writable("update")
    check_translation_language(lang)
    templates = sorted(root.locale.glob("*.pot")) if root.locale.is_dir() else []
    if not templates:
        raise CatalogError("no templates (*.pot) in locale/",
                           path=relative_name(root.locale, root.path),
                           hint="run 'glossari extract' first")
    folder = catalog_folder(root, lang)
    if not catalog_files(folder, base=root.path):
        # its catalogs under another spelling (locale/sr_Latn): a new, empty catalog beside them
        misspelt = misspelt_folder(root.path, lang)
        if misspelt is not None:
            raise misspelt
    with catalog_lock(root, lang):
        return _update_locked(root, lang, templates, folder, wrap or no_progress)


def _update_locked(
    root: GlossaryRoot, lang: str, templates: list[Path], folder: Path, wrap: Wrap,
) -> UpdateResult:
    from glossari.catalog.incremental import RECORDS

    # catalog_lock, held, removed a killed writer's temporary catalogs
    record = Store.of(root).open(RECORDS, part=_RECORD, keep=True)
    result = UpdateResult()
    # One domain at a time, so only one domain's parsed files are ever in memory: each merged
    # catalog is rendered to a temporary file next to its target (and its lookup table to one in
    # .glossari-cache/), and only when every domain merged are they all renamed into place.
    planned: dict[Path, _Merged] = {}
    made: list[Path] = []  # folders this run created, removed again if it fails
    compendium = _Compendium()
    staged = StagedWrites()
    try:
        for pot_path in wrap(templates, len(templates), f"update {lang}"):
            planned[pot_path] = _update_domain(root, lang, pot_path, folder, record, staged,
                                               made, compendium)
        read = {merged.path: merged.read for merged in planned.values()}  # the first reading
        # the second merge replaces the first's staged files and record
        for pot_path, offered, similar in compendium.refills(
                lambda domain: load_po(folder / f"{domain}.po",
                                       source=relative_name(folder / f"{domain}.po", root.path)),
                lambda domains: load_translations(root, lang, write_cache=False,
                                                  domains=domains),
                [pot_path.stem for pot_path in templates]):
            planned[pot_path] = _update_domain(root, lang, pot_path, folder, record, staged,
                                               made, None, offered, similar)
        for merged in planned.values():
            if merged.changed:
                check_unchanged(merged.path, read[merged.path],
                                source=relative_name(merged.path, root.path),
                                command=f"update -l {lang}")
        staged.commit()
    except BaseException:  # a broken catalog, or an interrupt: nothing in locale/ changes
        staged.discard()
        for made_folder in reversed(made):
            with contextlib.suppress(OSError):
                made_folder.rmdir()
        raise
    for merged in planned.values():
        result.coverage = result.coverage + merged.coverage
        if not merged.changed:
            result.unchanged.append(merged.path)
        else:
            (result.created if merged.new else result.written).append(merged.path)
    record.save()
    return result


def _update_domain(
    root: GlossaryRoot, lang: str, pot_path: Path, folder: Path,
    record: Table, staged: StagedWrites, made: list[Path],
    compendium: _Compendium | None, offered: Mapping[Key, Moved] | None = None,
    similar: Sequence[Entry] = (),
) -> _Merged:
    """Merge one domain and stage its catalog, noting in ``compendium`` what it lost and lacks;
    with ``offered`` (the compendium's messages for it), merge it again with them."""
    from glossari.catalog.pofile import check_domain, decode_po, encode_po, parse_po
    from glossari.catalog.translations import remember_catalog

    domain = pot_path.stem
    po_path = folder / f"{domain}.po"
    key = f"{lang}/{domain}"
    pot_source, po_source = relative_name(pot_path, root.path), relative_name(po_path, root.path)
    pot_data = read_catalog_bytes(pot_path, source=pot_source, what="template")
    exists = po_path.exists()
    po_data = read_catalog_bytes(po_path, source=po_source) if exists else None
    # an empty catalog (0 bytes, or blank lines: a failed save, a `> file` by mistake) holds
    # nothing of a translator's: it is made again, as a missing one is, where it was refused
    # for having no header and the translator had to delete it by hand
    blank = po_data is not None and not po_data.strip()
    pot_digest = _digest(pot_data)
    po_digest = _digest(po_data) if po_data is not None else None
    seen = record.get(key) or {}
    counts = seen.get("counts")
    if (offered is None and po_data is not None and seen.get("pot") == pot_digest
            and seen.get("po") == po_digest and isinstance(counts, list) and len(counts) == 5):
        return _Merged(po_path, False, False, Coverage(
            translated=counts[0], fuzzy=counts[1], untranslated=counts[2], obsolete=counts[3],
            refused=counts[4]), po_digest)
    template = parse_po(decode_po(pot_data, source=pot_source), source=pot_source)
    del pot_data  # the parsed files keep their text: hold one domain's, once
    check_domain(template, domain, source=pot_source)
    catalog = None
    if po_data is not None and not blank:
        catalog = parse_po(decode_po(po_data, source=po_source), source=po_source)
        del po_data
        check_domain(catalog, domain, source=po_source)
    merged = merge(template, catalog, lang=lang, compendium=offered, similar=similar)
    if compendium is not None:
        compendium.note(pot_path, template, catalog, merged)
    del template, catalog
    data = encode_po(merged, path=po_source)  # refuses a header that would not say UTF-8
    new_digest = hashlib.sha256(data).digest()
    coverage = remember_catalog(root, lang, domain, new_digest, merged, staged)
    del merged
    record.put(key, {"pot": pot_digest, "po": new_digest.hex(),
                   "counts": [coverage.translated, coverage.fuzzy, coverage.untranslated,
                              coverage.obsolete, coverage.refused]})
    # a catalog whose bytes would not change is not touched (its mtime stays)
    changed = new_digest.hex() != po_digest
    if changed:
        for needed in (folder.parent, folder):
            if not needed.is_dir():
                make_folder(needed, shown=relative_name(needed, root.path))
                made.append(needed)
        staged.stage(po_path, data)
    elif offered is not None:
        staged.drop(po_path)  # what the first merge staged for it
    return _Merged(po_path, not exists or blank, changed, coverage, po_digest)

