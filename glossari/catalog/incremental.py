"""Incremental extraction: each article's messages cached by the hash of its bytes.

After one article of 10,000 changes, ``glossari extract`` parses that article only, and builds
and renders only the templates whose messages changed: the others are recognised by a digest of
their messages (recorded beside the digest of the file written for them) and left alone. All of
it lives in ``.glossari-cache/`` and is rebuilt from the articles when missing or stale.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from glossari.catalog.messages import Message, iter_messages
from glossari.catalog.template import Item
from glossari.root import GlossaryRoot
from glossari.seeds import cache as seeds_cache

__all__ = [
    "MESSAGE_CACHE",
    "ArticleRows",
    "DomainRows",
    "Record",
    "domain_digest",
    "messages_by_domain",
    "no_progress",
    "parallel_map",
    "read_article_rows",
    "source_fingerprint",
    "to_items",
]

MESSAGE_CACHE = "extract-v1.pickle"
"""The per-article message cache inside ``.glossari-cache/``."""

T = TypeVar("T")
R = TypeVar("R")

Row = tuple[str, str | None, str, str, int]
"""One message of an article, compactly: ``(domain, msgctxt, msgid, part, line)``."""
ArticleRows = tuple[str, str, tuple[Row, ...]]
"""``(term id, source name, rows)`` of one article."""
DomainRows = list[tuple[str, str, Row]]
"""The messages of one domain in template order, each with its term id and source name."""


@lru_cache(maxsize=4)
def source_fingerprint(*modules: str) -> str:
    """A hash of some glossari modules' source (``"catalog/pofile.py"``): new code, new cache."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(seeds_cache.reader_fingerprint().encode())
    for name in modules:
        with contextlib.suppress(OSError):
            digest.update(name.encode() + b"\0" + (package / name).read_bytes())
    return digest.hexdigest()


def _rows(term_messages: Iterable[Message]) -> tuple[Row, ...]:
    return tuple((m.domain, m.context, m.msgid, m.part, m.location.line) for m in term_messages)


PARALLEL_MIN = 200
"""Fewest articles to parse before the work is spread over processes (start-up costs ~0.1 s)."""


Wrap = Callable[[Iterable[Any], "int | None", str], Iterable[Any]]
"""A progress reporter: ``wrap(iterable, total, label)`` yields the items unchanged."""


def no_progress(items: Iterable[Any], total: int | None, label: str) -> Iterable[Any]:
    """The :data:`Wrap` that reports nothing."""
    return items


def parallel_map(func: Callable[[T], R], items: Sequence[T], *, min_items: int,
                 wrap: Wrap = no_progress, label: str = "") -> list[R]:
    """``[func(x) for x in items]``, over the machine's cores when there are enough items.

    Results come in order, and the first failing item (in order) raises its own exception.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < min_items or workers < 2:
        return [func(item) for item in wrap(items, len(items), label)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the loaded modules; spawn (macOS, Windows) re-imports them
    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    chunk = max(1, len(items) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(wrap(pool.map(func, items, chunksize=chunk), len(items), label))


def _parse_rows(article: tuple[Path, str, bytes]) -> tuple[Row, ...]:
    path, name, data = article
    return _rows(iter_messages(seeds_cache.parse_bytes(path, name, data)))


def read_article_rows(root: GlossaryRoot, *, wrap: Wrap = no_progress) -> list[ArticleRows]:
    """Every article's messages, sorted by term id; unchanged articles come from the cache.

    Articles not in the cache are parsed over all cores when there are many of them.
    """
    cache_dir = None if root.bundled else root.path / seeds_cache.CACHE_DIR
    store = seeds_cache.ArticleCache(
        cache_dir / MESSAGE_CACHE if cache_dir is not None else None, kind="messages")
    seen: list[tuple[Path, str, bytes, tuple[Row, ...] | None]] = []
    misses: list[tuple[Path, str, bytes]] = []
    for path, name, data in seeds_cache.iter_article_bytes(root.seeds, base=root.path):
        digest = hashlib.sha256(data).digest()
        rows = store.get(name, digest)
        if rows is None:
            misses.append((path, name, data))
        seen.append((path, name, digest, rows))
    parsed = iter(parallel_map(_parse_rows, misses, min_items=PARALLEL_MIN, wrap=wrap,
                               label="parse"))
    found: list[ArticleRows] = []
    for path, name, digest, rows in seen:
        fresh = rows is None
        if rows is None:
            rows = next(parsed)
        store.put(name, digest, rows, fresh=fresh)
        found.append((path.stem, name, rows))
    store.save()
    found.sort(key=lambda article: article[0])
    return found


def messages_by_domain(articles: Iterable[ArticleRows]) -> dict[str, DomainRows]:
    """The rows of every domain, in template order (term id, then the article's own order)."""
    domains: dict[str, DomainRows] = {}
    for term_id, name, rows in articles:
        for row in rows:
            domains.setdefault(row[0], []).append((term_id, name, row))
    return domains


def domain_digest(rows: DomainRows) -> str:
    """A digest of one domain's messages: equal digests, equal templates (dates aside)."""
    return hashlib.sha256(repr(rows).encode("utf-8", "surrogatepass")).hexdigest()


def to_items(rows: DomainRows) -> Iterator[Item]:
    """The rows of one domain as the template builder's items."""
    for term_id, name, row in rows:
        yield (row[1], row[2], term_id, name, row[3], row[4])


class Record:
    """A small JSON file of digests: what each output file held when glossari last wrote it."""

    def __init__(self, path: Path | None, *, code: str) -> None:
        self.path = path
        self.code = code
        self.data: dict[str, dict[str, str]] = {}
        if path is not None:
            with contextlib.suppress(OSError, ValueError):
                loaded = json.loads(path.read_text("utf-8"))
                if isinstance(loaded, dict) and loaded.get("code") == code:
                    entries = loaded.get("entries")
                    if isinstance(entries, dict):
                        self.data = entries
        self._dirty = False

    def get(self, key: str) -> dict[str, str]:
        """What was recorded under ``key`` (empty when nothing)."""
        value = self.data.get(key)
        return value if isinstance(value, dict) else {}

    def set(self, key: str, value: dict[str, str]) -> None:
        """Record ``value`` under ``key``."""
        if self.data.get(key) != value:
            self.data[key] = value
            self._dirty = True

    def save(self) -> None:
        """Write the record if it changed; failing to is harmless (the next run redoes work)."""
        if self.path is None or not self._dirty:
            return
        from glossari._atomic import atomic_write_text

        with contextlib.suppress(Exception):
            self.path.parent.mkdir(exist_ok=True)
            text = json.dumps({"code": self.code, "entries": self.data}, sort_keys=True,
                              indent=0)
            atomic_write_text(self.path, text + "\n")


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
