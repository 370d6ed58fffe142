"""Compiling catalogs: ``locale/LANG/LC_MESSAGES/*.po`` to ``*.mo`` (``glossari compile``).

Fuzzy and untranslated messages are left out (as ``msgfmt`` does), so a program using the ``.mo``
falls back to the Malay source for them. Without ``-l``, every language under ``locale/`` is
compiled. A ``.mo`` whose bytes would not change is not rewritten. Every catalog is read before
any ``.mo`` is written, so a broken catalog stops the run with nothing changed.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from glossari.catalog.languages import check_translation_language, header_language_problem
from glossari.catalog.pofile import catalog_files, read_catalog_bytes
from glossari.catalog.translations import (
    catalog_folder,
    check_folder_language,
    compile_lock,
    no_catalogs,
    refuse_hard_linked,
)
from glossari.errors import CatalogError
from glossari.root import GlossaryRoot, relative_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from glossari._store import Table
    from glossari.catalog.incremental import Wrap

__all__ = ["CompileResult", "compile_catalogs", "languages"]

_RECORD = "compile"


@dataclass(slots=True)
class CompileResult:
    """What :func:`compile_catalogs` did."""

    messages: int = 0
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """``path:line: what``, one a catalog compiled (or left unchanged) whose header names
    another language than its folder (``check``'s C210): compiled for the folder's language,
    as gettext reads it, and said so at every run."""


def languages(root: GlossaryRoot) -> list[str]:
    """The languages that have catalogs: folders ``locale/LANG/LC_MESSAGES``, sorted, each
    checked as the folder it is (:func:`check_language`): a ``locale/x-y`` was refused as
    ``-l: unknown language code 'x-y'`` by a ``compile`` given no ``-l``."""
    if not root.locale.is_dir():
        return []
    return [check_folder_language(root.path, code) for code in sorted(
        p.parent.name for p in root.locale.glob("*/LC_MESSAGES") if p.is_dir())]


HELP_FROM = 4 << 20
"""Bytes of catalogs compiled in this run before the rest are shared with a helper process."""


def compile_catalogs(root: GlossaryRoot, lang: str | None = None, *,
                     wrap: Wrap | None = None) -> CompileResult:
    """Compile the catalogs of ``lang`` (or of every language) to ``.mo`` files.

    Once :data:`HELP_FROM` bytes of catalogs were compiled, on a system with ``fork`` and two
    cores, the rest are shared with a forked helper process (:mod:`glossari._helper`), which
    parses a catalog and renders its ``.mo`` and lookup table while this process does the next:
    the files written, and the error a broken catalog raises (the first in order), are the same.
    """
    from glossari._atomic import remove_stale_temporaries
    from glossari.catalog import incremental as inc

    root.require_writable("compile")
    if lang is not None:
        check_translation_language(lang)  # Malay is the articles' language: no catalogs
        langs = [lang]
        if not catalog_folder(root, lang).is_dir():
            raise no_catalogs(root.path, lang)
    else:
        langs = languages(root)
    with contextlib.ExitStack() as locks:
        for code in langs:  # sorted, in every run: two runs cannot each wait for the other
            locks.enter_context(compile_lock(root, code))
            # no other compile runs: a temporary .mo is a killed run's
            remove_stale_temporaries(catalog_folder(root, code), ".mo")
        return _compile_locked(root, langs, wrap or inc.no_progress)


def _compile_locked(root: GlossaryRoot, langs: list[str], wrap: Wrap) -> CompileResult:
    from glossari._atomic import StagedWrites
    from glossari._helper import Answers, share
    from glossari._store import Store
    from glossari.catalog import incremental as inc

    # a .mo is a pure function of its .po: skip the ones compiled from these very bytes
    record = inc.Record(Store.of(root), _RECORD)
    planned: list[tuple[Path, bytes, str, str, int, str]] = []
    result = CompileResult()
    catalogs = [p for code in langs
                for p in catalog_files(catalog_folder(root, code), base=root.path)]
    answers: Answers[_Compiled, CatalogError] = Answers()
    unreadable: list[CatalogError] = []  # met after every catalog handed out so far
    todo: list[tuple[Path, str, str]] = []  # by the index of the job
    read = 0

    def jobs() -> Iterator[tuple[object, ...]]:
        nonlocal read
        for po_path in wrap(catalogs, len(catalogs), "compile"):
            code = po_path.parent.parent.name
            source = f"locale/{code}/LC_MESSAGES/{po_path.name}"
            mo_path = po_path.with_suffix(".mo")
            key = f"{code}/{po_path.stem}"
            try:
                data = read_catalog_bytes(po_path, source=source)
            except CatalogError as error:
                unreadable.append(error)
                return
            digest = hashlib.sha256(data).digest()
            seen = record.get(key)
            if (seen.get("po") == digest.hex() and seen.get("mo") == inc.file_digest(mo_path)
                    and seen.get("count", "").isdigit() and "language" in seen):
                result.messages += int(seen["count"])
                result.unchanged.append(mo_path)
                if seen["language"]:
                    result.warnings.append(seen["language"])
                continue
            todo.append((mo_path, key, digest.hex()))
            yield len(todo) - 1, root, code, po_path.stem, source, digest, data
            read += len(data)

    # each catalog parsed here leaves its lookup table in the store of derived state, so the
    # termbase built next reads the table instead of parsing the catalog a second time
    with StagedWrites() as tables:
        # the helper reads a catalog itself (no copy through a pipe); two jobs at most wait
        # for it: a catalog takes a second or two, and the last ones must not all queue there
        # while this process has nothing left to do. Nothing after a broken catalog is
        # compiled; those before it are.
        share(jobs(), _compile_job, answers.take, when=lambda: read >= HELP_FROM,
              sent=lambda job: job[:-1], waiting=2, enough=lambda: bool(answers.errors))
        answers.raise_first()
        if unreadable:
            raise unreadable[0]
        for index, (mo_path, key, po_digest) in enumerate(todo):
            compiled = answers.values[index]
            with contextlib.suppress(Exception):  # only a speed-up for the termbase
                compiled.table.stage(tables, compiled.serialised)
            result.messages += compiled.count
            if compiled.language:
                result.warnings.append(compiled.language)
            planned.append((mo_path, compiled.mo, key, po_digest, compiled.count,
                            compiled.language))
        # all or nothing: every .mo staged first (a full disk stops the run with none
        # replaced), then all renamed
        with StagedWrites() as staged:
            for mo_path, mo, key, po_digest, count, language in planned:
                (result.written if staged.stage_changed(mo_path, mo)
                 else result.unchanged).append(mo_path)
                record.set(key, {"po": po_digest, "mo": hashlib.sha256(mo).hexdigest(),
                                 "count": str(count), "language": language})
            # a .mo with a second name (`ln glossary.mo /app/locale/...`, a program's copy):
            # the rename would leave that name the old translations, served on silently
            for mo_path in result.written:
                refuse_hard_linked(mo_path, source=relative_name(mo_path, root.path),
                                   command="compile")
            staged.commit()
        record.save()
        tables.commit()
    result.warnings.sort()  # in the order of the catalogs, compiled now or unchanged
    return result


@dataclass(frozen=True, slots=True)
class _Compiled:
    """One catalog compiled: its ``.mo``, its lookup table (serialised when a helper made it),
    its count of translated messages, and the warning of a header naming another language
    than the folder's (``path:line: what``), or ``""``."""

    mo: bytes
    table: Table
    serialised: bytes | None
    count: int
    language: str


def _compile_job(job: tuple[object, ...]) -> tuple[object, ...]:
    """Compile one catalog: ``(index, _Compiled, None)`` or ``(index, None, CatalogError)``.
    Without its bytes in the job (a helper's job), the file is read here and must still have
    the digest its parent read."""
    from glossari.catalog.mofile import render_mo
    from glossari.catalog.pofile import check_domain, decode_po, header_field_line, parse_po
    from glossari.catalog.translations import catalog_table

    index, root, code, stem, source, digest, *given = job  # the bytes, when not in a helper
    assert isinstance(root, GlossaryRoot)
    assert isinstance(code, str)
    assert isinstance(stem, str)
    assert isinstance(source, str)
    assert isinstance(digest, bytes)
    try:
        if given:
            data = cast(bytes, given[0])
        else:
            data = read_catalog_bytes(root.path / source, source=source)
            if hashlib.sha256(data).digest() != digest:
                raise CatalogError("the catalog changed while it was being compiled",
                                   path=source, hint="run 'glossari compile' again")
        po = parse_po(decode_po(data, source=source), source=source)
        del data
        check_domain(po, stem, source=source)
        table, _ = catalog_table(root, code, stem, digest, po)
        count = sum(1 for e in po.entries if e.translated and not e.obsolete)
        mo = render_mo(po.entries, po.header)
        # a helper's table goes back as bytes: pickling its dict again would cost as much
        serialised = None if given else table.serialised()
        problem = header_language_problem(po.header_fields().get("Language", ""), code)
        language = "" if problem is None else (
            f"{source}:{header_field_line(po, 'Language')}: {problem}")
        return index, _Compiled(mo, table, serialised, count, language), None
    except CatalogError as error:
        return index, None, error
