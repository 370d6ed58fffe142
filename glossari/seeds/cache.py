"""Reading ``seeds/`` with a per-article cache, so a changed article re-parses only itself.

The parsed :class:`Term` of each article is kept in the table ``terms`` of the one store of
derived state (:mod:`glossari._store`, ``<root>/.glossari-cache/``), keyed by the article's source
name and tied to the SHA-256 of its bytes: a hit is exactly what parsing those bytes gives, and new
glossari code starts a new table. The table is kept in parts, one per first letter of the term id
(:func:`glossari.seeds.folder.id_letter`), the letters of the body domains: ``glossari extract``,
which parses every changed article anyway, records each domain's Terms as it goes, so a reader of
the glossary after ``extract`` parses nothing; ``check`` and ``compile`` record them too. A reader
only reads the table (:func:`read_seeds_cached` with ``write=False``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import cast

from glossari._store import CACHE_DIR, Store, Table
from glossari.errors import GlossariError
from glossari.model import Term
from glossari.seeds.article import parse_article
from glossari.seeds.folder import article_paths, id_letter
from glossari.seeds.source import decode_article, read_article_bytes

__all__ = [
    "CACHE_DIR",
    "TERMS",
    "iter_article_bytes",
    "iter_seeds_cached",
    "read_seeds_cached",
]

TERMS = "terms"
"""The store's table of parsed articles (in parts by :func:`id_letter`)."""


def iter_article_bytes(seeds: Path, *, base: Path) -> Iterator[tuple[Path, str, bytes]]:
    """``(path, source name, bytes)`` of every article, in file-name order.

    Two files whose ids differ only in case are refused (by :func:`article_paths`).
    """
    for path, name in article_paths(seeds, base=base):
        yield path, name, read_article_bytes(path, source=name)


def parse_bytes(path: Path, name: str, data: bytes) -> Term:
    """Parse one article's bytes (the stem of ``path`` is the term id)."""
    return parse_article(decode_article(data, source=name), term_id=path.stem, source=name)


HELP_FROM = 200
"""Articles parsed in this run before the rest are shared with a helper process (only when the
cache is written, so in a writing command): fewer are parsed faster than a fork is paid for."""


def read_seeds_cached(seeds: Path, *, base: Path, cache: Path | None,
                      write: bool = True) -> tuple[Term, ...]:
    """Read every article in ``seeds`` (like :func:`glossari.seeds.folder.read_seeds`), in
    file-name order: :func:`iter_seeds_cached`, every Term held."""
    found = dict(iter_seeds_cached(seeds, base=base, cache=cache, write=write))
    return tuple(found[index] for index in range(len(found)))


def iter_seeds_cached(seeds: Path, *, base: Path, cache: Path | None,
                      write: bool = True, recorded: Mapping[str, str] | None = None,
                      ) -> Iterator[tuple[int, Term]]:
    """``(index, Term)`` of every article in ``seeds``, ``index`` its place in file-name order;
    the stored Terms one part of the store at a time, then those parsed, so that a reader that
    keeps only part of each Term never holds every article's at once.

    ``cache`` is the store's folder (``<root>/.glossari-cache``), or None to read without one.
    Articles whose bytes are unchanged since their Term was stored are not parsed again. The
    table is brought up to date only with ``write`` (a reader of the glossary writes nothing).
    With ``write``, once :data:`HELP_FROM` articles needed parsing, the rest are shared with a
    forked helper process (:mod:`glossari._helper`) on a system with ``fork`` and two cores; the
    Terms, and the error raised for a bad article (the first in file-name order, before any
    Term parsed is given), are the same.

    ``recorded`` holds the hex SHA-256 of articles by source name as the caller has just read
    them (``compile``: the inputs it records, :func:`glossari.termbase.snapshot`): such an
    article is not read and hashed again to find its stored Term, which is then the Term of the
    bytes the caller recorded.
    """
    store = Store(cache)
    # each article read and hashed once here (or by the caller); only the bytes of those to
    # parse are read again
    listed: dict[str, list[tuple[int, Path, str, bytes]]] = {}
    for index, (path, name) in enumerate(article_paths(seeds, base=base)):
        known = recorded.get(name) if recorded is not None else None
        digest = (bytes.fromhex(known) if known
                  else hashlib.sha256(read_article_bytes(path, source=name)).digest())
        listed.setdefault(id_letter(path.stem), []).append((index, path, name, digest))
    misses: list[tuple[int, Path, str]] = []
    dirty: set[str] = set()  # parts whose table must be written again
    for part, articles in listed.items():
        table = store.open(TERMS, part=part)
        for index, path, name, digest in articles:
            term = table.get(name, digest)
            if term is None:
                misses.append((index, path, name))
                dirty.add(part)
            else:
                yield index, term
        if len(table) != len(articles):  # an article gone
            dirty.add(part)
        del table
    misses.sort(key=lambda miss: miss[0])
    digests: dict[int, bytes] = {}

    def read() -> Iterator[tuple[int, Path, str, bytes]]:
        for index, path, name in misses:
            data = read_article_bytes(path, source=name)
            # as read now: the Term stored is the one of these bytes
            digests[index] = hashlib.sha256(data).digest()
            yield index, path, name, data

    def part_table(part: str, parsed: dict[int, Term]) -> Table:
        table = store.open(TERMS, part=part)
        for index, _, name, digest in listed[part]:
            if index in parsed:
                table.put(name, parsed[index], digest=digests[index])
            elif (stored := table.get(name, digest)) is not None:  # (None: another run
                table.put(name, stored, digest=digest, fresh=False)  # rewrote the part)
        return table

    # a part whose articles are all parsed is kept as its table's bytes and its Terms let go,
    # written once every article is read (a bad one writes nothing) and given again from the
    # store below: parsing a whole glossary held every Term at once
    part_of = {index: id_letter(path.stem) for index, path, _ in misses}
    waiting = {part: sum(1 for p in part_of.values() if p == part) for part in dirty}
    frozen: dict[str, bytes | None] = {}

    def parsed_one(index: int, parsed: dict[int, Term]) -> None:
        part = part_of[index]
        waiting[part] -= 1
        if waiting[part] == 0 and write and store.folder is not None:
            frozen[part] = part_table(part, parsed).serialised()
            for n, *_ in listed[part]:
                parsed.pop(n, None)

    parsed = _parse_all(read(), helped=write, parsed_one=parsed_one)
    for part, serialised in frozen.items():
        if serialised is not None:
            store.open(TERMS, part=part, read=False).save_serialised(serialised)
    let_go = set(frozen)
    frozen.clear()
    for part, articles in listed.items():
        if write and part in dirty and part not in let_go:
            part_table(part, parsed).save()
        again = store.open(TERMS, part=part) if part in let_go else None
        for index, path, name, _ in articles:
            if index in parsed:
                yield index, parsed.pop(index)
            elif again is not None and index in part_of:
                term = again.get(name, digests[index])
                # (None: the store could not be written, or another run rewrote it)
                yield index, term if term is not None else parse_bytes(
                    path, name, read_article_bytes(path, source=name))
        del again
    if write:
        for part in store.parts(TERMS):
            if part not in listed:  # no article of that letter any more
                store.forget(TERMS, part)


def _parse_job(job: tuple[object, ...]) -> tuple[object, ...]:
    """Parse one article: ``(index, Term, None)``, or ``(index, None, error)`` for a bad one
    (glossari's errors survive pickling; the caller raises the first in file-name order)."""
    index, path, name, data = job
    assert isinstance(path, Path)
    assert isinstance(name, str)
    assert isinstance(data, bytes)
    try:
        return index, parse_bytes(path, name, data), None
    except GlossariError as error:
        return index, None, error


def _parse_all(misses: Iterator[tuple[int, Path, str, bytes]], *, helped: bool,
               parsed_one: Callable[[int, dict[int, Term]], object] = lambda *_: None,
               ) -> dict[int, Term]:
    """Parse each ``(index, path, name, bytes)``, by index; the first bad article (lowest index)
    raises its error, once every article before it has been parsed. ``parsed_one`` is told
    the index of each article parsed while no bad one was met, with the Terms by index, and
    may take Terms out of them."""
    from glossari._helper import Answers, share

    answers: Answers[Term, GlossariError] = Answers()
    unreadable: list[GlossariError] = []  # met after every article handed out so far
    count = 0

    def jobs() -> Iterator[tuple[object, ...]]:
        nonlocal count
        try:
            for job in misses:
                count += 1
                yield job
        except GlossariError as error:
            unreadable.append(error)

    def take(answer: tuple[object, ...]) -> None:
        answers.take(answer)
        if not answers.errors:
            parsed_one(cast(int, answer[0]), answers.values)

    # nothing after a bad article is parsed; those before it are
    share(jobs(), _parse_job, take, helped=helped, when=lambda: count > HELP_FROM,
          enough=lambda: bool(answers.errors))
    answers.raise_first()
    if unreadable:
        raise unreadable[0]
    return answers.values
