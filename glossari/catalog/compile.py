"""Compiling catalogs: ``locale/LANG/LC_MESSAGES/*.po`` to ``*.mo`` (``glossari compile``).

Fuzzy and untranslated messages are left out (as ``msgfmt`` does), so a program using the ``.mo``
falls back to the Malay source for them. Without ``-l``, every language under ``locale/`` is
compiled. A ``.mo`` whose bytes would not change is not rewritten. Every catalog is read before
any ``.mo`` is written, so a broken catalog stops the run with nothing changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from glossari.catalog.translations import catalog_folder, check_language
from glossari.errors import CatalogError
from glossari.root import GlossaryRoot

if TYPE_CHECKING:
    from glossari.catalog.incremental import Wrap

__all__ = ["CompileResult", "compile_catalogs", "languages"]

_RECORD = "compile"


@dataclass(slots=True)
class CompileResult:
    """What :func:`compile_catalogs` did."""

    messages: int = 0
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def languages(root: GlossaryRoot) -> list[str]:
    """The languages that have catalogs: folders ``locale/LANG/LC_MESSAGES``, sorted."""
    if not root.locale.is_dir():
        return []
    return sorted(p.parent.name for p in root.locale.glob("*/LC_MESSAGES") if p.is_dir())


def compile_catalogs(root: GlossaryRoot, lang: str | None = None, *,
                     wrap: Wrap | None = None) -> CompileResult:
    """Compile the catalogs of ``lang`` (or of every language) to ``.mo`` files."""
    from glossari._atomic import StagedWrites
    from glossari._store import Store
    from glossari.catalog import incremental as inc
    from glossari.catalog.mofile import render_mo
    from glossari.catalog.pofile import check_domain, decode_po, parse_po
    from glossari.catalog.translations import remember_catalog

    root.require_writable("compile")
    if lang is not None:
        check_language(lang)
        langs = [lang]
        if not catalog_folder(root, lang).is_dir():
            raise CatalogError(f"no catalogs for {lang!r}", path=f"locale/{lang}/LC_MESSAGES",
                               hint=f"run 'glossari update -l {lang}' first")
    else:
        langs = languages(root)
    # a .mo is a pure function of its .po: skip the ones compiled from these very bytes
    record = inc.Record(Store.of(root), _RECORD)
    planned: list[tuple[Path, bytes, str, str, int]] = []
    result = CompileResult()
    wrap = wrap or inc.no_progress
    catalogs = [p for code in langs for p in sorted(catalog_folder(root, code).glob("*.po"))]
    # each catalog parsed here leaves its lookup table in the store of derived state, so the
    # termbase built next reads the table instead of parsing the catalog a second time
    with StagedWrites() as tables:
        for po_path in wrap(catalogs, len(catalogs), "compile"):
            code = po_path.parent.parent.name
            source = f"locale/{code}/LC_MESSAGES/{po_path.name}"
            mo_path = po_path.with_suffix(".mo")
            key = f"{code}/{po_path.stem}"
            try:
                data = po_path.read_bytes()
            except OSError as error:
                raise CatalogError(f"cannot read the catalog: {error.strerror}", path=source,
                                   hint="check the path") from None
            digest = hashlib.sha256(data)
            po_digest = digest.hexdigest()
            seen = record.get(key)
            if (seen.get("po") == po_digest and seen.get("mo") == inc.file_digest(mo_path)
                    and seen.get("count", "").isdigit()):
                result.messages += int(seen["count"])
                result.unchanged.append(mo_path)
                continue
            po = parse_po(decode_po(data, source=source), source=source)
            del data
            check_domain(po, po_path.stem, source=source)
            remember_catalog(root, code, po_path.stem, digest.digest(), po, tables)
            count = sum(1 for e in po.entries if e.translated and not e.obsolete)
            result.messages += count
            planned.append((mo_path, render_mo(po.entries, po.header), key, po_digest, count))
        # all or nothing: every .mo staged first (a full disk stops the run with none
        # replaced), then all renamed
        with StagedWrites() as staged:
            for mo_path, mo, key, po_digest, count in planned:
                (result.written if staged.stage_changed(mo_path, mo)
                 else result.unchanged).append(mo_path)
                record.set(key, {"po": po_digest, "mo": hashlib.sha256(mo).hexdigest(),
                                 "count": str(count)})
            staged.commit()
        record.save()
        tables.commit()
    return result
