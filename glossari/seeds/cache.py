"""Reading ``seeds/`` with a per-article cache, so a changed article re-parses only itself.

A cache maps each article's source name to the SHA-256 of its bytes and what was derived from
them (the :class:`Term` for :func:`read_seeds_cached`; its messages for ``glossari extract``, see
:mod:`glossari.catalog.incremental`). It lives in ``<root>/.glossari-cache/`` (ignored by git), is
rebuilt whenever it is missing, corrupt, or written by other reader code, and is never the source
of truth: a hit returns exactly what parsing the same bytes would, because the key is the bytes'
hash and the cache is dropped when the reader's own source code changes.

It is a pickle: a file in your own working tree, written by glossari. Do not point ``--root`` at a
folder whose ``.glossari-cache/`` a stranger could have written.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import hashlib
import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from glossari._fingerprint import package_fingerprint
from glossari.diagnostics import Finding
from glossari.model import Block, English, Link, Location, Section, Term
from glossari.root import CACHE_DIR
from glossari.seeds.article import parse_article
from glossari.seeds.folder import article_paths
from glossari.seeds.source import decode_article, read_article_bytes

__all__ = [
    "CACHE_DIR",
    "CACHE_FILE",
    "ArticleCache",
    "iter_article_bytes",
    "read_seeds_cached",
    "reader_fingerprint",
    "write_cache_file",
]

CACHE_FILE = "seeds-v1.pickle"
"""The Term cache file inside :data:`CACHE_DIR`."""

V = TypeVar("V")


def reader_fingerprint() -> str:
    """The fingerprint of glossari's code (:func:`glossari._fingerprint.package_fingerprint`:
    every package file hashed whole): new code, new cache."""
    return package_fingerprint()


def iter_article_bytes(seeds: Path, *, base: Path) -> Iterator[tuple[Path, str, bytes]]:
    """``(path, source name, bytes)`` of every article, in file-name order.

    Two files whose ids differ only in case are refused (by :func:`article_paths`).
    """
    for path, name in article_paths(seeds, base=base):
        yield path, name, read_article_bytes(path, source=name)


# Frozen slotted dataclasses unpickle through dataclasses' __setstate__, which looks up the
# fields again for every object (about 20 us each; 270,000 objects at 10,000 articles). Pickling
# them as (class, field values) and rebuilding through the constructor is several times faster.
_MODEL = (Term, Section, Block, Link, Location, English, Finding)
_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _MODEL
}


def _rebuild(cls: type[V], values: tuple[object, ...]) -> V:
    return cls(**dict(zip(_NAMES[cls], values, strict=True)))


def _reducer(obj: Any) -> tuple[Callable[..., Any], tuple[object, ...]]:
    cls = type(obj)
    return _rebuild, (cls, tuple(getattr(obj, name) for name in _NAMES[cls]))


_DISPATCH = copyreg.dispatch_table.copy()
_DISPATCH.update({cls: _reducer for cls in _MODEL})


class ArticleCache:
    """One cache file: source name to ``(sha256 of the bytes, value)``.

    ``get`` answers only for unchanged bytes; ``put`` records what the current run saw; ``save``
    writes the file when anything differs from what was loaded (articles gone are forgotten).
    """

    def __init__(self, path: Path | None, *, kind: str, code: str = "") -> None:
        self.path = path
        self.kind = kind
        self.code = code
        """A fingerprint of other code the values depend on (the PO parser, say)."""
        self._old: dict[str, tuple[bytes, Any]] = self._load() if path is not None else {}
        self._new: dict[str, tuple[bytes, Any]] = {}
        self._changed = False

    def _load(self) -> dict[str, tuple[bytes, Any]]:
        assert self.path is not None
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
        except Exception:  # missing, truncated, or from another Python: rebuild it
            return {}
        if (not isinstance(stored, dict) or stored.get("reader") != reader_fingerprint()
                or stored.get("kind") != self.kind or stored.get("code") != self.code
                or not isinstance(stored.get("entries"), dict)):
            return {}
        entries: dict[str, tuple[bytes, Any]] = stored["entries"]
        return entries

    def get(self, name: str, digest: bytes) -> Any | None:
        """The cached value for ``name`` when its bytes still hash to ``digest``."""
        hit = self._old.get(name)
        return hit[1] if hit is not None and hit[0] == digest else None

    def put(self, name: str, digest: bytes, value: object, *, fresh: bool) -> None:
        """Record ``value`` for this run; ``fresh`` when it was computed, not a cache hit."""
        self._new[name] = (digest, value)
        self._changed = self._changed or fresh

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written only costs time."""
        if self.path is None or not (self._changed or len(self._new) != len(self._old)):
            return
        from glossari._atomic import write_streamed

        stored = {"reader": reader_fingerprint(), "kind": self.kind, "code": self.code,
                  "entries": self._new}

        def dump(handle: BinaryIO) -> None:
            # straight into the file: a pickle of 30,000 articles' values is hundreds of MB
            pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = _DISPATCH
            pickler.dump(stored)

        with contextlib.suppress(Exception):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_streamed(self.path, dump)


def write_cache_file(path: Path, data: bytes) -> None:
    """Replace a cache file atomically (temporary file and rename), without fsync.

    A cache lost in a power cut is rebuilt, so it is not worth an fsync per file (0.3 s per
    run at 10,000 articles); a reader still never sees half a file. Errors propagate.
    """
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def parse_bytes(path: Path, name: str, data: bytes) -> Term:
    """Parse one article's bytes (the stem of ``path`` is the term id)."""
    return parse_article(decode_article(data, source=name), term_id=path.stem, source=name)


def read_seeds_cached(seeds: Path, *, base: Path, cache: Path | None,
                      write: bool = True) -> tuple[Term, ...]:
    """Read every article in ``seeds`` (like :func:`glossari.seeds.folder.read_seeds`).

    ``cache`` is the cache folder (``<root>/.glossari-cache``), or None to read without one.
    Articles whose bytes are unchanged since the cache was written are not parsed again. The
    cache is brought up to date only with ``write`` (a reader of the glossary writes nothing).
    """
    store = ArticleCache(cache / CACHE_FILE if cache is not None else None, kind="terms")
    terms = list(_read(iter_article_bytes(seeds, base=base), store))
    if write:
        store.save()
    return tuple(terms)


def _read(articles: Iterable[tuple[Path, str, bytes]], store: ArticleCache) -> Iterator[Term]:
    for path, name, data in articles:
        digest = hashlib.sha256(data).digest()
        term = store.get(name, digest)
        fresh = term is None
        if term is None:
            term = parse_bytes(path, name, data)
        store.put(name, digest, term, fresh=fresh)
        yield term
