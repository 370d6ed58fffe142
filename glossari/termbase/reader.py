"""Reading a termbase: read-only, lazily, one term at a time."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote, urlsplit

from glossari.diagnostics import Finding
from glossari.model import Term
from glossari.root import GlossaryRoot
from glossari.termbase.codec import from_json
from glossari.termbase.inputs import Input, fingerprint, listed_unchanged, unchanged
from glossari.termbase.schema import SCHEMA_VERSION, TERMBASE_NAME, SearchField

if TYPE_CHECKING:
    from glossari.errors import RootError
    from glossari.termbase.search import Run

__all__ = ["Freshness", "LinkRow", "SearchHit", "Termbase", "open_fresh", "termbase_path"]

Freshness = Literal["listed", "unchanged", ""]
"""What :meth:`Termbase.freshness` found: fresh by the quick look, fresh by the careful check
only, or stale."""


def termbase_path(root: GlossaryRoot, lang: str) -> Path:
    """Where the termbase of ``root`` read in ``lang`` lives: ``locale/LANG/glossari.sqlite``."""
    return root.locale / lang / TERMBASE_NAME


@dataclass(frozen=True, slots=True)
class LinkRow:
    """One stored internal link: its article, its place in the article's ``links``, its target."""

    source_id: str
    link_index: int
    target_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """One search result: the term, the field that matched, its language and a snippet
    (the matched words in brackets).

    >>> import glossari
    >>> glossari.load().search("broker", lang="en")[1]
    SearchHit(id='broker-dealer', field='headword', lang='en', snippet='[broker]-dealer')
    """

    id: str
    """The term id."""
    field: SearchField
    """``headword``, ``name`` (the id or a name of ``Term.names``), ``definition``, ``category``
    or ``body``."""
    lang: str | None
    """``ms``, the glossary's other language (``en``), or None for a name of no language."""
    snippet: str
    """The matching text, matches between ``[`` and ``]``, long text cut around them (``…``)."""

    def as_json(self) -> dict[str, object]:
        """The JSON object of ``glossari search --format json``."""
        return {"id": self.id, "field": self.field, "lang": self.lang, "snippet": self.snippet}


class Termbase:
    """An open termbase (read-only for a file; see :func:`open_fresh`)."""

    split_terms = 10_000
    """A glossary of at least this many terms has each search table ranked in parts at once (a
    common word in 30,000 article bodies), each part on a connection of its own; only a termbase
    opened from a file has more than one. Below it the threads cost more than they save (at
    1,000 terms the median query took 1.9 ms in parts, 1.3 ms whole)."""
    search_workers = min(4, os.cpu_count() or 1)
    """How many parts: one per core, up to four."""

    def __init__(self, connection: sqlite3.Connection, *, uri: str | None = None) -> None:
        self._db = connection
        # one connection shared by threads (check_same_thread=False): queries take turns
        self._lock = threading.Lock()
        self._uri = uri
        # the file the URI names (None: in memory), for its identity and in messages
        self._path = unquote(urlsplit(uri).path) if uri else None
        self._helpers: list[sqlite3.Connection] = []
        self._pool: Any = None
        self._pid = os.getpid()  # the process the helpers and their threads belong to
        self._closed = False
        self._bounds: dict[str, tuple[int, int] | None] = {}
        self._terms: int | None = None
        self._version: int | None = None  # PRAGMA data_version at the first read
        self.on_new_build: Callable[[], None] | None = None
        """Called when another connection (``compile``, updating the file in place) committed
        since the last read, or when the file was replaced and :attr:`follow` opened the new
        one: what was built from the old rows must be dropped."""
        self.follow = False
        """Open the new file when ``compile`` has replaced the one opened (a whole build): a
        long-running program (a web app) then answers from the new build, as it does after an
        update in place, rather than from the old file for as long as it runs (whose space the
        disk never got back, and which a later update in place's ``-journal`` beside it made
        unreadable: "attempt to write a readonly database")."""
        self._file = _identity(self._path)

    @classmethod
    def open(cls, path: Path) -> Termbase:
        """Open ``path`` read-only (``mode=ro``: a reader of a termbase in rollback-journal
        mode, as ``compile`` writes it, creates no file, even in a folder it may not write).

        Never ``immutable``, even where the folder is read-only to this process: an immutable
        reader takes no lock, so the folder's owner running ``compile`` (an update in place)
        wrote pages under it, and it read a mix of the old and the new file ("database disk
        image is malformed")."""
        uri = path.resolve().as_uri() + "?mode=ro"
        return cls(sqlite3.connect(uri, uri=True, check_same_thread=False), uri=uri)

    def _locked(self) -> threading.Lock:
        """The lock every read takes, this process's own. A forked child (gunicorn --preload,
        multiprocessing's fork) has none of the parent's search threads, which a search then
        waited for forever, and may hold the lock as a parent's thread held it at the fork,
        never to be released: it takes a lock, helpers and threads of its own."""
        if self._pid != os.getpid():
            self._pid = os.getpid()
            self._lock = threading.Lock()
            self._helpers, self._pool = [], None
        return self._lock

    def _all(self, sql: str, *args: Any) -> list[Any]:
        with self._locked(), self._readable():
            try:
                return self._db.execute(sql, args).fetchall()
            except UnicodeEncodeError:
                # a name holding a lone surrogate (undecodable bytes, as Python decodes sys.argv
                # or a file name) names no row, which all hold UTF-8: the miss the glossary read
                # from its sources answers, not an internal error
                return []

    @contextlib.contextmanager
    def _readable(self) -> Iterator[None]:
        """SQLite's errors on reading (another program's lock held past the busy timeout, a
        file damaged since it was found fresh) as one :class:`~glossari.errors.RootError`: a
        program that catches :class:`~glossari.errors.GlossariError` catches them, and the
        command line prints one line instead of an internal error."""
        try:
            self._same_build()
            yield
        except sqlite3.Error as error:
            raise self.unreadable(str(error)) from None

    def _same_build(self) -> None:
        """Notice a build that ``compile`` committed in place since the last read (another
        connection's commit changes ``PRAGMA data_version``): the search parts are measured
        again and :attr:`on_new_build` drops what the glossary built from the old rows, so that
        every answer from then on is the new build's. An open glossary gave answers from two
        builds (a search found a new definition that a term built before did not have). A
        whole rebuild replaces the file: this connection reads the old one, consistently, unless
        :attr:`follow` opens the new one first."""
        if self._closed:  # a closed connection's error named a damaged file
            raise ValueError("the compiled termbase was closed (Glossary.close)" if self._uri
                             else "the glossary was closed (Glossary.close) during this search; "
                             "search again, and it builds its index anew")
        if self.follow:
            self._follow()
        version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        if self._version is None:
            self._version = version
        elif version != self._version:
            self._version = version
            self._new_build()

    def _follow(self) -> None:
        """Read the file at the path opened from now on when it is another termbase of the
        same language by this very code (``compile`` renamed a whole build over it); a file
        removed, or replaced by one that is not such a termbase, leaves the one opened read."""
        identity = _identity(self._path)
        if identity is None or identity == self._file:
            return
        self._file = identity  # looked at once, whatever it holds
        if self._path is None or unusable(Path(self._path)):
            return
        # the same schema, language and code (which wrote the one opened, fresh when opened)
        same = "SELECT value FROM meta WHERE key IN ('format', 'lang', 'code') ORDER BY key"
        try:
            new = sqlite3.connect(self._uri or "", uri=True, check_same_thread=False)
        except sqlite3.Error:
            return
        try:
            ours = (new.execute("PRAGMA user_version").fetchall() == [(SCHEMA_VERSION,)]
                    and new.execute(same).fetchall() == self._db.execute(same).fetchall())
        except sqlite3.Error:
            ours = False
        if not ours:
            new.close()
            return
        self._db.close()
        for helper in self._helpers:
            helper.close()
        self._db, self._helpers = new, []
        self._version = None
        self._new_build()

    def _new_build(self) -> None:
        """Drop what was measured or built from the old rows: the search parts, the term count,
        and (:attr:`on_new_build`) the glossary's terms and indexes."""
        self._bounds.clear()
        self._terms = None
        if self.on_new_build is not None:
            self.on_new_build()

    def unreadable(self, why: str) -> RootError:
        """The one error for a termbase that cannot be read as this code wrote it (see
        :meth:`_readable`), saying ``why``."""
        from glossari.errors import RootError

        where = self._path or "the compiled termbase"
        return RootError(f"the compiled termbase cannot be read: {why}", path=where,
                         hint="another program may hold it locked (try again), or it is "
                              "damaged (run 'glossari compile' again)")

    def _decoded(self, kind: Any, data: Any) -> Any:
        """A row's JSON as a ``kind``: a row that is not what this code wrote (a termbase
        edited or damaged since it was found fresh) is the same one line as an SQLite error,
        not an internal error."""
        try:
            return from_json(kind, json.loads(data))
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise self.unreadable(f"a {kind.__name__.lower()} row is damaged ({error})") from None

    def close(self) -> None:
        """Close the connection, and the helper connections of large searches; a read after it
        raises :class:`ValueError`, a read under way in another thread ends first. Closing twice
        is harmless."""
        # under the lock the reads take: closing the connection under a query in another
        # thread ended it with "cannot be read: Cannot operate on a closed database; another
        # program may hold a lock on it", or crashed the process
        with self._locked():
            self._closed = True
            if self._pool is not None:
                self._pool.shutdown()
            for helper in self._helpers:
                helper.close()
            self._db.close()

    def __del__(self) -> None:
        # a termbase nobody holds closes its file now: an sqlite3 connection is in a reference
        # cycle of its own (its statement cache), so a dropped glossary's file stayed open until
        # a garbage collection (with the collector off or rare, one descriptor per load)
        with contextlib.suppress(Exception):
            self.close()

    def meta(self, key: str) -> str | None:
        """A value of the ``meta`` table."""
        rows = self._all("SELECT value FROM meta WHERE key = ?", key)
        return str(rows[0][0]) if rows else None

    def _built_by_this_code(self, lang: str) -> bool:
        from glossari._fingerprint import package_fingerprint

        return (self._all("PRAGMA user_version")[0][0] == SCHEMA_VERSION
                and self.meta("lang") == lang and self.meta("code") == package_fingerprint())

    def _record(self, lang: str) -> tuple[dict[str, Input], int] | None:
        # the record is whole when it gives the recorded fingerprint
        stored = self._all("SELECT name, size, mtime_ns, sha256 FROM inputs ORDER BY rowid")
        if fingerprint(stored, lang, SCHEMA_VERSION) != self.meta("fingerprint"):
            return None
        return {row[0]: Input._make(row) for row in stored}, int(self.meta("built_ns") or 0)

    def record(self, lang: str) -> tuple[dict[str, Input], int] | None:
        """The inputs this termbase was made from (by name) and when (``built_ns``), when this
        very code made it in ``lang`` and the record is whole; else None."""
        try:
            return self._record(lang) if self._built_by_this_code(lang) else None
        except (sqlite3.Error, ValueError, TypeError):
            return None

    def is_fresh(self, root: GlossaryRoot, lang: str) -> bool:
        """True when this termbase was made from exactly ``root``'s current inputs in ``lang``
        by this very code."""
        return bool(self.freshness(root, lang))

    def freshness(self, root: GlossaryRoot, lang: str) -> Freshness:
        """How this termbase is fresh (see :func:`is_fresh`): ``listed`` when the quick look
        vouched for every input, ``unchanged`` when only the careful check could (some input's
        size or time is not the recorded one, its bytes are: a ``touch``, a copy, a checkout),
        ``""`` when it is stale. A termbase fresh only by the careful check costs every load
        that check (4 s at 30,000 articles, one of them touched), until ``compile`` records the
        new sizes and times."""
        try:
            if not self._built_by_this_code(lang):
                return ""
            # the quick look, on every load: every input listed with its recorded size and time
            # (meta.listing), and the few written just before the build hashed (meta.racy)
            listing = self.meta("listing")
            if listing and listed_unchanged(listing, self.meta("racy") or "", root, lang):
                return "listed"
            # the careful check: the record is whole, and each file that is not as recorded is
            # hashed
            record = self._record(lang)
            if record is not None and unchanged(record[0], root, lang, record[1]):
                return "unchanged"
            return ""
        except (sqlite3.Error, ValueError, TypeError):
            return ""

    def ids(self) -> tuple[str, ...]:
        """Every term id, in the glossary's (Malay alphabetical) order."""
        return tuple(row[0] for row in self._all("SELECT id FROM terms ORDER BY position"))

    def count(self) -> int:
        """How many terms."""
        return int(self._all("SELECT count(*) FROM terms")[0][0])

    def term(self, term_id: str) -> Term | None:
        """The term with this id, rebuilt from its row, or None."""
        rows = self._all("SELECT data FROM terms WHERE id = ?", term_id)
        return self._decoded(Term, rows[0][0]) if rows else None

    def terms(self, *, bodies: bool = True) -> Iterator[tuple[str, Term]]:
        """``(id, term)`` for every term, in order, rebuilt as they are read; without ``bodies``,
        each term's (and its English side's) ``sections`` and ``highlights`` are left empty,
        which makes rebuilding several times cheaper (a table needs no body)."""
        # `head` is `data` without the bodies: a tenth of the JSON to decode
        column = "data" if bodies else "head"
        with self._locked(), self._readable():
            rows = self._db.execute(f"SELECT id, {column} FROM terms ORDER BY position").fetchall()
        for term_id, data in rows:
            yield term_id, self._decoded(Term, data)

    def lookup(self, key: str) -> str | None:
        """The id of the term a normalised name (:func:`~glossari.text.lookup_key`) names."""
        rows = self._all("SELECT term_id FROM lookup WHERE key = ?", key)
        return str(rows[0][0]) if rows else None

    def target(self, key: str) -> str | None:
        """The id of the term a link target key (:func:`~glossari.align.resolve.target_key`)
        leads to when the link's text names no article."""
        rows = self._all("SELECT term_id FROM targets WHERE key = ?", key)
        return str(rows[0][0]) if rows else None

    def target_table(self) -> dict[str, str]:
        """Every link target key to its term id (the ``targets`` table)."""
        return {str(k): str(v) for k, v in self._all("SELECT key, term_id FROM targets")}

    def lookup_keys(self) -> list[str]:
        """Every normalised name, for suggestions after a miss."""
        return [row[0] for row in self._all("SELECT key FROM lookup")]

    def titled(self, title: str) -> list[str]:
        """The ids of the terms whose Malay headword is ``title`` (as :func:`~glossari.text.
        lookup_key` compares), in the glossary's order."""
        import re

        from glossari.termbase.schema import search_table
        from glossari.termbase.search import FOLDED_MARKS
        from glossari.text import lookup_key

        # through the headwords' search index: a scan of `terms` reads every term's JSON
        # (0.5 s at 30,000 terms from a cold disk cache); the index answers in a millisecond.
        # Split into words as the index splits them (an accent written decomposed is no break)
        words = re.findall(r"\w+", title.translate(FOLDED_MARKS))
        if not words:
            return []
        key = lookup_key(title)
        rows = self._all(f"SELECT term_id, text FROM {search_table('headword')} "
                         f"WHERE {search_table('headword')} MATCH ? AND lang = 'ms' "
                         "ORDER BY rowid", '"' + " ".join(words) + '"')
        return list(dict.fromkeys(str(term_id) for term_id, text in rows
                                  if lookup_key(str(text)) == key))

    def lookup_table(self) -> dict[str, str]:
        """Every normalised name to its term id (the ``lookup`` table)."""
        return {str(k): str(v) for k, v in self._all("SELECT key, term_id FROM lookup")}

    def findings(self) -> tuple[Finding, ...]:
        """Everything reading the glossary noticed, in order."""
        return tuple(self._decoded(Finding, row[0])
                     for row in self._all("SELECT data FROM findings ORDER BY position"))

    def links_from(self, term_id: str) -> list[LinkRow]:
        """The internal links written in ``term_id``'s article, in order."""
        return [LinkRow(*row) for row in self._all(
            "SELECT source_id, link_index, target_id FROM links WHERE source_id = ? "
            "ORDER BY position", term_id)]

    def unresolved_targets(self, term_id: str) -> set[str]:
        """The targets, as written, of ``term_id``'s internal links that lead to no article."""
        return {str(row[0]) for row in self._all(
            "SELECT target FROM links WHERE source_id = ? AND resolved = 0", term_id)}

    def all_links(self) -> list[LinkRow]:
        """Every stored link, in file order."""
        return [LinkRow(*row) for row in self._all(
            "SELECT source_id, link_index, target_id FROM links ORDER BY position")]

    def link_ids(self) -> list[tuple[str, str, str | None]]:
        """``(source id, target as written, target id or None)`` for every stored link, in file
        order."""
        return [(str(s), str(t), i) for s, t, i in self._all(
            "SELECT source_id, target, target_id FROM links ORDER BY position")]

    def backlinks(self, term_id: str) -> list[LinkRow]:
        """The internal links leading to ``term_id`` from other articles, in file order (an
        article's links to itself are no backlinks: :meth:`glossari.Glossary.backlinks`)."""
        return [LinkRow(*row) for row in self._all(
            "SELECT source_id, link_index, target_id FROM links WHERE target_id = ? "
            "AND source_id != target_id ORDER BY position", term_id)]

    def search(self, query: str, lang: str | None = None, limit: int = 20) -> list[SearchHit]:
        """Ranked hits for ``query`` (see :mod:`glossari.termbase.search`)."""
        from glossari.termbase.search import match_expression, ranked_rows

        expression = match_expression(query)
        if expression is None or limit <= 0:
            return []
        with self._locked(), self._readable(), self._snapshot() as run:
            found = ranked_rows(run, expression, lang, limit, parts=self._parts)
            # words joined by a slash that no text writes together: each one or the other
            if not found and (apart := match_expression(query, apart=True)) is not None:
                found = ranked_rows(run, apart, lang, limit, parts=self._parts)
            # a word written closed that the index holds as two (hedgefund, pasaranmodal)
            if not found and (closed := match_expression(query, closed=True)) is not None:
                found = ranked_rows(run, closed, lang, limit, parts=self._parts)
        return [SearchHit(id=term_id, field=field, lang=hit_lang, snippet=snippet)
                for (_, term_id, field, hit_lang), snippet in found]

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[Run]:
        """One read transaction on each connection a search uses, all of one termbase: a
        ``compile`` that updates the file in place waits for the search to end, and a helper that
        opened a file since replaced, or that a commit keeps out, is not used (the parts are
        then ranked one after another here)."""
        opened = [self._db]
        self._db.execute("BEGIN")
        try:
            version = self._db.execute(_VERSION).fetchall()
            run: Run = self._run_here
            if self._splits():
                try:
                    while len(self._helpers) < self.search_workers - 1:
                        # no waiting for a lock: a writer about to commit means "rank here"
                        self._helpers.append(sqlite3.connect(
                            self._uri or "", uri=True, timeout=0, check_same_thread=False))
                    for helper in self._helpers:
                        helper.execute("BEGIN")
                        opened.append(helper)
                        if helper.execute(_VERSION).fetchall() != version:
                            raise sqlite3.OperationalError("another termbase")
                    run = self._run
                except sqlite3.Error:
                    pass
            yield run
        finally:
            for connection in opened:
                connection.execute("ROLLBACK")

    def _splits(self) -> bool:
        """True when searches rank each table in parts at once (see :attr:`split_terms`)."""
        if self._uri is None or self.search_workers < 2:
            return False
        if self._terms is None:
            self._terms = int(self._db.execute("SELECT count(*) FROM terms").fetchone()[0])
        return self._terms >= self.split_terms

    def _parts(self, table: str) -> list[tuple[int, int]]:
        """The rowid ranges ``table`` is ranked in at once (none when it is small, or when this
        termbase has one connection or the machine one core); the first and last are open, so
        rows an update added past the bounds first read are still in one."""
        workers = self.search_workers
        if not self._splits():
            return []
        if table not in self._bounds:
            first = self._db.execute(f"SELECT rowid FROM {table} ORDER BY rowid LIMIT 1").fetchall()
            last = self._db.execute(
                f"SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT 1").fetchall()
            self._bounds[table] = (first[0][0], last[0][0]) if first else None
        bounds = self._bounds[table]
        if bounds is None or bounds[1] - bounds[0] + 1 < workers:
            return []
        low, high = bounds
        step = (high - low + 1) // workers
        edges = [-(2**63)] + [low + step * n for n in range(1, workers)] + [2**63]
        return [(edges[n], edges[n + 1] - 1) for n in range(workers)]

    def _run_here(self, queries: Sequence[tuple[str, Mapping[str, object]]]) -> list[list[Any]]:
        """Each query's rows, one query after another on this connection."""
        return [_fetch(self._db, sql, params) for sql, params in queries]

    def _run(self, queries: Sequence[tuple[str, Mapping[str, object]]]) -> list[list[Any]]:
        """Each query's rows: the first on this connection, the others at once on the helper
        connections (SQLite lets other threads run while it works)."""
        if len(queries) < 2 or len(queries) > len(self._helpers) + 1:
            return self._run_here(queries)
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=len(self._helpers),
                                            thread_name_prefix="glossari-search")
        futures = [self._pool.submit(_fetch, helper, sql, params)
                   for helper, (sql, params) in zip(self._helpers, queries[1:], strict=False)]
        first = _fetch(self._db, *queries[0])
        return [first, *(future.result() for future in futures)]


_VERSION = "SELECT key, value FROM meta WHERE key IN ('built_ns', 'fingerprint') ORDER BY key"
"""What every connection of a search must read alike: when the termbase was built or last
updated, and from what (two builds of the same inputs by the same code are the same rows)."""


def _identity(path: str | None) -> tuple[int, int] | None:
    """The device and inode of the file at ``path`` (None: none, or a termbase in memory)."""
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _fetch(connection: sqlite3.Connection, sql: str, params: Mapping[str, object]) -> list[Any]:
    return connection.execute(sql, params).fetchall()


def open_fresh(root: GlossaryRoot, lang: str) -> tuple[Termbase | None, str]:
    """The termbase of ``root`` in ``lang`` when it is fresh, else ``(None, why not)``.

    Nothing is ever written: a missing or stale termbase is only reported.
    """
    if not lang or "/" in lang or "\\" in lang or lang.startswith("."):
        return None, "no termbase for this language"
    path = termbase_path(root, lang)
    if not path.is_file():
        return None, f"no compiled termbase ({path.relative_to(root.path).as_posix()})"
    why = unusable(path)
    if why:
        return None, why
    try:
        termbase = Termbase.open(path)
    except sqlite3.Error:
        return None, "the compiled termbase cannot be read"
    if not termbase.is_fresh(root, lang):
        termbase.close()
        return None, "the compiled termbase is out of date"
    return termbase, ""


def unusable(path: Path) -> str:
    """Why the file at ``path`` cannot be read as a termbase without harm, else ``""``.

    A ``-journal`` beside it in a folder this process cannot write is an update that a killed
    ``compile`` left half done: SQLite would roll it back on opening, which a reader that cannot
    write the folder cannot do (an ``immutable`` reader read the half-written pages: a
    fresh-looking termbase with terms missing, then "database disk image is malformed"). A
    file in WAL mode (not as ``compile`` writes it: another program changed it) would have even
    a read-only reader create ``-wal`` and ``-shm`` files beside it.
    """
    if (not os.access(path.parent, os.W_OK)
            and path.with_name(path.name + "-journal").exists()):
        return "the compiled termbase holds an interrupted update"
    try:
        # never blocking: a FIFO put in its place (an open glossary follows the path) waited
        # for a writer forever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return "the compiled termbase cannot be read"
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return "the compiled termbase is not a file"
        try:
            header = handle.read(100)
        except OSError:
            return "the compiled termbase cannot be read"
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return "the compiled termbase is not an SQLite file"
    if header[18] != 1 or header[19] != 1:  # the read and write versions: 2 is WAL
        return "the compiled termbase is in WAL mode, not as 'glossari compile' writes it"
    return ""
