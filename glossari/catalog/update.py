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

The catalogs merged in one run are each other's compendium (``msgmerge -C``): an article renamed
to another first letter (``peniaga-broker.md`` to ``broker-dealer.md``) moves its paragraphs from
``articles-p`` to ``articles-b``, and a message that arrives untranslated in one catalog takes
the translation another catalog merged in the run no longer needs (lost now, or kept obsolete
from before; that catalog keeps it, obsolete). A catalog whose files did not change is not read.
Only the domains that gain something are merged a second time.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from glossari._atomic import StagedWrites
from glossari._store import Store, Table
from glossari.catalog.incremental import Wrap, no_progress
from glossari.catalog.merge import Key, Moved, merge
from glossari.catalog.pofile import PoFile
from glossari.catalog.translations import (
    Coverage,
    catalog_folder,
    catalog_lock,
    check_language,
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


@dataclass(slots=True)
class _Compendium:
    """What the catalogs merged in one run lost and lack (:mod:`glossari.catalog.merge`'s
    compendium): the translated messages that left each one's template, and the messages each
    one holds untranslated."""

    lost: dict[Key, tuple[str, Moved]] = field(default_factory=dict)
    """message key: (the domain that lost it, the message)."""
    lacking: dict[Path, set[int]] = field(default_factory=dict)
    """template: the hashes of the keys its catalog holds untranslated after the merge (hashes:
    a first update of 30,000 articles lacks all 625,000 messages, whose texts the keys would
    keep alive)."""

    def note(self, pot_path: Path, template: PoFile, catalog: PoFile | None,
             merged: PoFile) -> None:
        """Remember what ``catalog`` (merged with ``template`` into ``merged``) lost and lacks."""
        domain = pot_path.stem
        lacking = {hash(e.key) for e in merged.entries
                   if not e.obsolete and not e.has_translation}
        if catalog is not None:
            keys = {e.key for e in template.entries if not e.obsolete}
            current = {e.key for e in catalog.entries if not e.obsolete}
            for entry in catalog.entries:
                if entry.key in keys:
                    if entry.obsolete and entry.key not in current:
                        # revived from its own obsolete copy: another catalog may hold a newer
                        # translation (it was renamed away, revised there, and renamed back)
                        lacking.add(hash(entry.key))
                    continue
                if not entry.has_translation or entry.msgid == "":
                    continue
                self._lose(entry.key, domain, Moved(entry, current=not entry.obsolete))
        if lacking:
            self.lacking[pot_path] = lacking

    def _lose(self, key: Key, domain: str, moved: Moved) -> None:
        # the latest translation wins (one still current until now, over an obsolete copy);
        # two of the same age that differ are offered fuzzy, for the translator to choose
        seen = self.lost.get(key)
        if seen is None or (moved.current and not seen[1].current):
            self.lost[key] = (domain, moved)
        elif moved.current == seen[1].current and (
                seen[1].entry.translations != moved.entry.translations):
            self.lost[key] = (seen[0], seen[1]._replace(disputed=True))

    def refills(self) -> list[tuple[Path, dict[Key, Moved]]]:
        """Each template whose catalog may lack what another catalog lost, and those messages
        (the merge matches keys exactly: a hash that collides offers what it will not use)."""
        found = []
        for pot_path, hashes in self.lacking.items():
            offered = {key: moved for key, (domain, moved) in self.lost.items()
                       if domain != pot_path.stem and hash(key) in hashes}
            if offered:
                found.append((pot_path, offered))
        return found


@dataclass(slots=True)
class UpdateResult:
    """What :func:`update` did."""

    coverage: Coverage = field(default_factory=Coverage)
    created: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CatalogError(f"cannot read the file: {error.strerror}", path=source,
                           hint="check the path and permissions") from None


def update(root: GlossaryRoot, lang: str, *, wrap: Wrap | None = None) -> UpdateResult:
    """Merge every ``locale/*.pot`` into ``locale/LANG/LC_MESSAGES/<domain>.po``."""

    root.require_writable("update")
    check_language(lang)
    templates = sorted(root.locale.glob("*.pot")) if root.locale.is_dir() else []
    if not templates:
        raise CatalogError("no templates (*.pot) in locale/",
                           path=relative_name(root.locale, root.path),
                           hint="run 'glossari extract' first")
    folder = catalog_folder(root, lang)
    with catalog_lock(root, lang):
        return _update_locked(root, lang, templates, folder, wrap or no_progress)


def _update_locked(
    root: GlossaryRoot, lang: str, templates: list[Path], folder: Path, wrap: Wrap,
) -> UpdateResult:
    from glossari._atomic import remove_stale_temporaries
    from glossari.catalog.incremental import RECORDS

    # under the lock every writer of these catalogs holds: a temporary catalog here is a
    # killed run's, never a running one's
    remove_stale_temporaries(folder, ".po")
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
        # the second merge replaces the first's staged files and record
        for pot_path, offered in compendium.refills():
            planned[pot_path] = _update_domain(root, lang, pot_path, folder, record, staged,
                                               made, None, offered)
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
) -> _Merged:
    """Merge one domain and stage its catalog, noting in ``compendium`` what it lost and lacks;
    with ``offered`` (the compendium's messages for it), merge it again with them."""
    from glossari.catalog.pofile import check_domain, decode_po, encode_po, parse_po
    from glossari.catalog.translations import remember_catalog

    domain = pot_path.stem
    po_path = folder / f"{domain}.po"
    key = f"{lang}/{domain}"
    pot_source, po_source = relative_name(pot_path, root.path), relative_name(po_path, root.path)
    pot_data = _read(pot_path, pot_source)
    exists = po_path.exists()
    po_data = _read(po_path, po_source) if exists else None
    pot_digest = _digest(pot_data)
    po_digest = _digest(po_data) if po_data is not None else None
    seen = record.get(key) or {}
    counts = seen.get("counts")
    if (offered is None and po_data is not None and seen.get("pot") == pot_digest
            and seen.get("po") == po_digest and isinstance(counts, list) and len(counts) == 4):
        return _Merged(po_path, False, False, Coverage(
            translated=counts[0], fuzzy=counts[1], untranslated=counts[2], obsolete=counts[3]))
    template = parse_po(decode_po(pot_data, source=pot_source), source=pot_source)
    del pot_data  # the parsed files keep their text: hold one domain's, once
    check_domain(template, domain, source=pot_source)
    catalog = None
    if po_data is not None:
        catalog = parse_po(decode_po(po_data, source=po_source), source=po_source)
        del po_data
        check_domain(catalog, domain, source=po_source)
    merged = merge(template, catalog, lang=lang, compendium=offered)
    if compendium is not None:
        compendium.note(pot_path, template, catalog, merged)
    del template, catalog
    data = encode_po(merged, path=po_source)  # refuses a header that would not say UTF-8
    new_digest = hashlib.sha256(data).digest()
    coverage = remember_catalog(root, lang, domain, new_digest, merged, staged)
    del merged
    record.put(key, {"pot": pot_digest, "po": new_digest.hex(),
                   "counts": [coverage.translated, coverage.fuzzy, coverage.untranslated,
                              coverage.obsolete]})
    # a catalog whose bytes would not change is not touched (its mtime stays)
    changed = new_digest.hex() != po_digest
    if changed:
        for needed in (folder.parent, folder):
            if not needed.is_dir():
                needed.mkdir(exist_ok=True)
                made.append(needed)
        staged.stage(po_path, data)
    elif offered is not None:
        staged.drop(po_path)  # what the first merge staged for it
    return _Merged(po_path, not exists, changed, coverage)
