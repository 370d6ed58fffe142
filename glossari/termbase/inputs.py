"""What a termbase is made from, and whether those inputs are still what they were.

The inputs of a glossary read in language ``LANG`` are its articles (every file
:func:`~glossari.seeds.folder.article_paths` lists) and ``locale/LANG/LC_MESSAGES/*.po``. A
termbase records each one's name, size, modification time and SHA-256; its *fingerprint* is one
SHA-256 over the schema version, the language, :func:`~glossari._fingerprint.package_fingerprint`
(glossari's own files, hashed whole) and every input's name and digest.

Checking freshness hashes only what it must, as ``git status`` does: a file whose size and
modification time are those recorded keeps its recorded digest, unless it was modified within
:data:`RACY_NS` of the build (a second edit in the same clock tick would keep both); every other
file is read and hashed, so a touched but unchanged article does not make the termbase stale.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from array import array
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from glossari._fingerprint import package_fingerprint
from glossari.root import GlossaryRoot, relative_name

__all__ = ["RACY_NS", "Input", "fingerprint", "input_paths", "listed_unchanged", "listing_digest",
           "quick_listing", "snapshot", "unchanged"]

RACY_NS = 2_000_000_000
"""Files modified less than this long (ns) before the build are always hashed (see above)."""


class Input(NamedTuple):
    """One input file as the termbase saw it (a named tuple: a freshness check reads 30,000 of
    them from the termbase, and a tuple is built several times faster than a dataclass)."""

    name: str
    """The path relative to the glossary folder, POSIX separators (``seeds/kos.md``)."""
    size: int
    mtime_ns: int
    sha256: str
    """Hex SHA-256 of the bytes; empty when the file changed while the termbase was built."""


def input_paths(root: GlossaryRoot, lang: str) -> list[tuple[str, Path]]:
    """``(name, path)`` of every input of ``root`` read in ``lang``: the articles, then the
    catalogs, each sorted by name."""
    from glossari.catalog.pofile import catalog_files
    from glossari.seeds.folder import article_paths

    found = [(name, path) for path, name in article_paths(root.seeds, base=root.path)]
    found.extend((relative_name(path, root.path), path)
                 for path in catalog_files(root.catalogs(lang), base=root.path))
    return found


def _digest(path: Path) -> str:
    # os.read on a descriptor, not a file object and hashlib.file_digest: a third of the time
    # for an article (1.2 s to 0.43 s for 30,000 of them, which every whole build hashes)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        digest = hashlib.sha256()
        while chunk := os.read(descriptor, 1 << 20):
            digest.update(chunk)
    finally:
        os.close(descriptor)
    return digest.hexdigest()


def snapshot(root: GlossaryRoot, lang: str, *, known: Mapping[str, Input] | None = None,
             known_ns: int = 0) -> tuple[Input, ...]:
    """Every input's name, size, modification time and digest, now.

    ``known`` is an earlier record (a termbase's, made at ``known_ns``): a file it lists with the
    same size and time keeps its recorded digest under the rule the freshness check trusts
    (:func:`unchanged`); every other file is hashed.
    """
    found: list[Input] = []
    catalogs = root.catalogs(lang)
    for name, path in input_paths(root, lang):
        try:
            info = os.stat(path)
            seen = known.get(name) if known else None
            if seen is not None and _trusted(seen, info, known_ns):
                found.append(seen)
            else:
                found.append(Input(name, info.st_size, info.st_mtime_ns, _digest(path)))
        except OSError:
            # an article or a catalog the user may not read (or one deleted meanwhile): compile
            # hashes its inputs before it parses them, and this was an internal PermissionError.
            # The error is the one its reader gives, read again here (the rare path)
            _read_as_its_reader(name, path, catalog=path.parent == catalogs)
            raise
    return tuple(found)


def _read_as_its_reader(name: str, path: Path, *, catalog: bool) -> None:
    """Read ``path`` as the articles' or the catalogs' one reader does, which raises its own
    error (:class:`~glossari.errors.SeedError`, :class:`~glossari.errors.CatalogError`) naming
    ``name`` for a file it cannot read."""
    if catalog:
        from glossari.catalog.pofile import read_catalog_bytes

        read_catalog_bytes(path, source=name)
    else:
        from glossari.seeds.source import read_article_bytes

        read_article_bytes(path, source=name)


def _trusted(seen: Input, info: os.stat_result, built_ns: int) -> bool:
    """True when a file whose record is ``seen`` (made at ``built_ns``) and that stats as
    ``info`` now may keep its recorded digest unread: same size and time, written well before
    the record (git's racy rule, :data:`RACY_NS`), and hashed whole then."""
    return (bool(seen.sha256) and info.st_size == seen.size
            and info.st_mtime_ns == seen.mtime_ns and seen.mtime_ns < built_ns - RACY_NS)


def fingerprint(inputs: Iterable[tuple[str, int, int, str]], lang: str, schema: int) -> str:
    """The one hex digest that names a termbase's inputs (:class:`Input` values, or rows of the
    ``inputs`` table in the same column order) and the code that read them."""
    digest = hashlib.sha256(f"glossari-termbase\0{schema}\0{lang}\0".encode())
    digest.update(package_fingerprint().encode() + b"\0")
    digest.update("".join(f"{item[0]}\0{item[3]}\0" for item in inputs).encode())
    return digest.hexdigest()


def _listed(folder: Path, base: Path, wanted: Callable[[Iterable[str]], list[str]],
            found: list[tuple[str, list[str], list[int], list[int]]]) -> bool:
    """Add ``(prefix, names, sizes, times)`` for the wanted files in ``folder`` to ``found``:
    the prefix :func:`input_paths` names each of them with (``seeds/``), their names sorted,
    and each one's size and modification time (ns) in the same order. False when the listing
    holds what only the careful path may judge (a symbolic link, anything but a regular file)
    or cannot be read."""
    # the prefix relative_name gives every file of this folder, computed once: the quick check
    # must cost a few microseconds per article (30,000 of them on every load)
    prefix = relative_name(folder / "x", base)[:-1]
    try:
        if os.listdir in os.supports_fd and os.stat in os.supports_dir_fd:  # and os.lstat
            # through a descriptor, each stat is relative to the folder instead of walking the
            # whole path again: a tenth of the check's time
            handle = os.open(folder, os.O_RDONLY)
            try:
                names = wanted(os.listdir(handle))
                names.sort()
                return _stats(names, handle, prefix, found)
            finally:
                os.close(handle)
        names = wanted(os.listdir(folder))
        names.sort()
        return _stats([os.path.join(folder, name) for name in names], None, prefix, found,
                      names=names)
    except OSError:
        return False


def _stats(paths: list[str], handle: int | None, prefix: str,
           found: list[tuple[str, list[str], list[int], list[int]]], *,
           names: list[str] | None = None) -> bool:
    # One lstat per file (a link is not a regular file), and only its size and time kept: at
    # 30,000 articles the stats cost about 80 ms of CPU on a loaded machine, which no Python
    # can shorten, and everything around them had grown to 50 ms more (a DirEntry, a
    # name-rule call and a formatted line a file, then sorted and joined). A plain loop with
    # one keyword is the cheapest Python here: 7,900 instructions a file against 10,800 for
    # the lines, or for map() with functools.partial and an attrgetter into an array
    # (callgrind), of which os.lstat itself is 6,500.
    sizes: list[int] = []
    times: list[int] = []
    size, time, regular, lstat = sizes.append, times.append, stat.S_ISREG, os.lstat
    for path in paths:
        info = lstat(path, dir_fd=handle)
        if not regular(info.st_mode):
            return False
        size(info.st_size)
        time(info.st_mtime_ns)
    found.append((prefix, paths if names is None else names, sizes, times))
    return True


def listing_digest(names: Iterable[str], sizes: Iterable[Iterable[int]],
                   times: Iterable[Iterable[int]]) -> str:
    """One hex SHA-256 over every input's name, size and modification time (ns), in name order:
    what the quick look compares, so that it need not read the whole ``inputs`` record. It
    hashes the UTF-8 of every name followed by ``\\0``, then every size, then every time,
    each a signed 64-bit little-endian integer.

    Each argument is in groups, as the files are read (one group a folder), so that a load
    makes no string and no tuple a file: ``names`` each group's names joined by ``\\0``,
    ``sizes`` and ``times`` each group's numbers in the same order."""
    digest = hashlib.sha256("".join(group + "\0" for group in names).encode(
        "utf-8", "surrogateescape"))
    for column in (sizes, times):
        for group in column:
            digest.update(_packed(array("q", group)))
    return digest.hexdigest()


def _packed(numbers: array[int]) -> bytes:
    """``numbers`` as little-endian bytes, on any machine."""
    if sys.byteorder == "big":
        numbers = array("q", numbers)
        numbers.byteswap()
    return numbers.tobytes()


def quick_listing(inputs: Iterable[Input], built_ns: int) -> tuple[str, str]:
    """The ``meta.listing`` and ``meta.racy`` a termbase built from ``inputs`` at ``built_ns``
    records: their :func:`listing_digest`, and a JSON list of ``[name, sha256]`` for each input
    written too close to the build for its size and time to be trusted (git's racy rule,
    :data:`RACY_NS`), which the quick look hashes again. ``("", "")`` (no quick look: every load
    takes the careful check) when an input changed while it was being read."""
    items = sorted(inputs, key=lambda item: item.name)
    if any(not item.sha256 for item in items):
        return "", ""
    # Only the racy files are hashed on each load, not all: an article saved just before
    # `glossari compile` (a script, an editor's hook) must not send every later load of a
    # 30,000-term glossary down the careful path (1 s instead of 0.3 s, measured).
    racy = [[item.name, item.sha256] for item in items if item.mtime_ns >= built_ns - RACY_NS]
    return (listing_digest(["\0".join(item.name for item in items)],
                           [[item.size for item in items]], [[item.mtime_ns for item in items]]),
            json.dumps(racy, ensure_ascii=False) if racy else "")


def listed_unchanged(listing: str, racy: str, root: GlossaryRoot, lang: str) -> bool:
    """True when the inputs of ``root`` in ``lang``, as listed now (every one a regular file),
    have exactly the recorded :func:`listing_digest` and each racy input (see
    :func:`quick_listing`) still has its recorded digest; False means "look closer" (with
    :func:`unchanged`), not "changed"."""
    from glossari.catalog.names import catalog_names
    from glossari.seeds.folder import article_names

    found: list[tuple[str, list[str], list[int], list[int]]] = []
    if not _listed(root.seeds, root.path, article_names, found):
        return False
    catalogs = root.catalogs(lang)
    if catalogs.is_dir() and not _listed(catalogs, root.path, catalog_names, found):
        return False
    # in name order: every name of a folder begins with its prefix, and one folder's prefix
    # begins no other's, so the folders' names in their prefixes' order are all the names sorted
    found.sort(key=lambda folder: folder[0])
    groups = [prefix + ("\0" + prefix).join(names) for prefix, names, _, _ in found if names]
    if listing_digest(groups, [f[2] for f in found], [f[3] for f in found]) != listing:
        return False
    try:
        return all(_digest(root.path / name) == digest
                   for name, digest in (json.loads(racy) if racy else ()))
    except (OSError, ValueError, TypeError):
        return False


def unchanged(stored: Mapping[str, Input], root: GlossaryRoot, lang: str, built_ns: int) -> bool:
    """True when the inputs of ``root`` in ``lang`` are exactly ``stored`` (same names, same
    bytes); reads a file only when its size or time differ from the record, or are too close to
    the build (``built_ns``) to be trusted."""
    current = input_paths(root, lang)
    if len(current) != len(stored):
        return False
    for name, path in current:
        seen = stored.get(name)
        if seen is None or not seen.sha256:
            return False
        try:
            info = os.stat(path)
        except OSError:
            return False
        if _trusted(seen, info, built_ns):
            continue
        if info.st_size != seen.size:
            return False
        try:
            if _digest(path) != seen.sha256:
                return False
        except OSError:
            return False
    return True
