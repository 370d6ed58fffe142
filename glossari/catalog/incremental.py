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
import pickle
import sys
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from glossari.catalog.messages import Message, article_domain, iter_messages
from glossari.catalog.pofile import PoFile
from glossari.catalog.template import Item
from glossari.root import GlossaryRoot
from glossari.seeds import cache as seeds_cache

__all__ = [
    "MESSAGE_CACHE",
    "ArticleRows",
    "DomainRows",
    "Record",
    "domain_digests",
    "messages_by_domain",
    "no_progress",
    "parallel_map",
    "read_article_rows",
    "render_template",
    "source_fingerprint",
    "to_items",
]

MESSAGE_CACHE = "extract-v2"
"""The per-article message cache inside ``.glossari-cache/``: one file per body domain's letter,
so a change to one article rewrites only a 27th of it."""
RENDER_CACHE = "render-v1"
"""The rendered text of each template entry, per domain, inside ``.glossari-cache/``."""

T = TypeVar("T")
R = TypeVar("R")

Row = tuple[str, str | None, str, str, int]
"""One message of an article, compactly: ``(domain, msgctxt, msgid, part, line)``."""
ArticleRows = tuple[str, str, tuple[Row, ...], tuple[tuple[str, str], ...]]
"""``(term id, source name, rows, per-domain digests)`` of one article."""
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


Digests = tuple[tuple[str, str], ...]
"""Per domain an article has messages in: ``(domain, digest of its messages there)``."""


def _digests(term_id: str, name: str, rows: tuple[Row, ...]) -> Digests:
    by_domain: dict[str, list[Row]] = {}
    for row in rows:
        by_domain.setdefault(row[0], []).append(row)
    return tuple(
        (domain, hashlib.sha256(repr((term_id, name, part)).encode("utf-8", "surrogatepass"))
         .hexdigest())
        for domain, part in by_domain.items()
    )


def _parse_rows(article: tuple[Path, str, bytes]) -> tuple[tuple[Row, ...], Digests]:
    path, name, data = article
    rows = _rows(iter_messages(seeds_cache.parse_bytes(path, name, data)))
    return rows, _digests(path.stem, name, rows)


def read_article_rows(root: GlossaryRoot, *, wrap: Wrap = no_progress) -> list[ArticleRows]:
    """Every article's messages, sorted by term id; unchanged articles come from the cache.

    Articles not in the cache are parsed over all cores when there are many of them.
    """
    cache_dir = None if root.bundled else root.path / seeds_cache.CACHE_DIR
    stores: dict[str, seeds_cache.ArticleCache] = {}

    def store_of(stem: str) -> seeds_cache.ArticleCache:
        shard = article_domain(stem)
        store = stores.get(shard)
        if store is None:
            where = cache_dir / MESSAGE_CACHE / f"{shard}.pickle" if cache_dir else None
            store = stores[shard] = seeds_cache.ArticleCache(where, kind="messages-v2")
        return store

    seen: list[tuple[Path, str, bytes, tuple[tuple[Row, ...], Digests] | None]] = []
    misses: list[tuple[Path, str, bytes]] = []
    for path, name, data in seeds_cache.iter_article_bytes(root.seeds, base=root.path):
        digest = hashlib.sha256(data).digest()
        value = store_of(path.stem).get(name, digest)
        if value is None:
            misses.append((path, name, data))
        seen.append((path, name, digest, value))
    parsed = iter(parallel_map(_parse_rows, misses, min_items=PARALLEL_MIN, wrap=wrap,
                               label="parse"))
    found: list[ArticleRows] = []
    for path, name, digest, value in seen:
        fresh = value is None
        if value is None:
            value = next(parsed)
        store_of(path.stem).put(name, digest, value, fresh=fresh)
        found.append((path.stem, name, value[0], value[1]))
    for store in stores.values():
        store.save()
    found.sort(key=lambda article: article[0])
    return found


def domain_digests(articles: Iterable[ArticleRows]) -> dict[str, str]:
    """A digest of each domain's messages: equal digests, equal templates (dates aside)."""
    parts: dict[str, list[str]] = {}
    for _term_id, _name, _rows, digests in articles:
        for domain, digest in digests:
            parts.setdefault(domain, []).append(digest)
    return {domain: hashlib.sha256("".join(d).encode()).hexdigest() for domain, d in parts.items()}


def messages_by_domain(articles: Iterable[ArticleRows],
                       domains: Container[str] | None = None) -> dict[str, DomainRows]:
    """The rows of each domain (of ``domains``, default all), in template order."""
    found: dict[str, DomainRows] = {}
    for term_id, name, rows, digests in articles:
        if domains is not None and not any(d in domains for d, _ in digests):
            continue
        for row in rows:
            if domains is None or row[0] in domains:
                found.setdefault(row[0], []).append((term_id, name, row))
    return found


def to_items(rows: DomainRows) -> Iterator[Item]:
    """The rows of one domain as the template builder's items."""
    for term_id, name, row in rows:
        yield (row[1], row[2], term_id, name, row[3], row[4])


def render_template(pot: PoFile, memo_path: Path | None) -> bytes:
    """``render_po(pot)`` as bytes, reusing the text of entries rendered in an earlier run.

    Rendering (msgcat's line breaking) is most of the cost of a template; after one article
    changed, nearly every entry of its domain is the same as last time. Entries found in the
    memo are written with their old text, as :func:`render_po` writes an :attr:`Entry.raw`.
    """
    from glossari.catalog.pofile import render_entry, render_po

    code = source_fingerprint("catalog/pofile.py")
    memo: dict[tuple[object, ...], str] = {}
    if memo_path is not None:
        with contextlib.suppress(Exception):
            with memo_path.open("rb") as handle:
                stored = pickle.load(handle)
            if isinstance(stored, dict) and stored.get("code") == code:
                memo = stored["entries"]
    fresh: dict[tuple[object, ...], str] = {}
    # render_po of entries with `raw` text emits that text as is, adding a newline only after
    # one that does not end in a newline: the same join, without a copy of every entry
    parts = [render_po(PoFile(header=pot.header, entries=()))]
    for entry in pot.entries:
        key = (entry.msgctxt, entry.msgid, entry.extracted_comments, entry.references)
        text = memo.get(key)
        if text is None:
            # what render_po writes for a new entry after one ending in a newline
            text = "\n" + render_entry(entry)
        fresh[key] = text
        if parts[-1] and not parts[-1].endswith("\n"):
            parts.append("\n")
        parts.append(text)
    if pot.trailer:
        parts.append(pot.trailer)
    data = "".join(parts).encode("utf-8")
    if memo_path is not None and fresh.keys() != memo.keys():
        with contextlib.suppress(Exception):
            seeds_cache.write_cache_file(memo_path, pickle.dumps(
                {"code": code, "entries": fresh}, protocol=pickle.HIGHEST_PROTOCOL))
    return data


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
        with contextlib.suppress(Exception):
            text = json.dumps({"code": self.code, "entries": self.data}, sort_keys=True,
                              indent=0)
            seeds_cache.write_cache_file(self.path, (text + "\n").encode("utf-8"))


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
