"""Writing a termbase: one SQLite file from a glossary, built aside and renamed into place."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

import orjson

from glossari._atomic import _replace, _through_links, keep_status, make_temporary
from glossari.model import Block, Section, Term
from glossari.seeds.markdown import plain_text, table_of
from glossari.termbase.codec import dataclass_fields
from glossari.termbase.inputs import Input, fingerprint, quick_listing
from glossari.termbase.schema import (
    BODY_FIELDS,
    FIELD_RANK,
    ROWS_PER_TERM,
    SCHEMA_VERSION,
    full_schema,
    search_table,
)
from glossari.termbase.search import index_text, join_blocks

if TYPE_CHECKING:
    from glossari._helper import Helper
    from glossari.align.links import LinkRef
    from glossari.catalog.translations import Coverage
    from glossari.diagnostics import Finding

__all__ = ["CoverageSource", "TermSource", "fill", "plain_text", "termbase_folder",
           "update_termbase", "write_termbase"]

_T = TypeVar("_T")

Whole = Callable[[Sequence[Term]], Sequence[Term]]
"""Terms given whole for their rows (:class:`glossari.termbase.bodies.Bodies.whole`, where the
glossary holds outlines of its articles)."""


def _as_given(terms: Sequence[Term]) -> Sequence[Term]:
    return terms


class CoverageSource(Protocol):
    """Per-domain counts of a language's catalogs (:class:`~glossari.catalog.translations.
    Translations` is one)."""

    @property
    def domains(self) -> tuple[str, ...]:
        """The domains with a catalog."""
        ...

    def coverage(self, domain: str | None = None) -> Coverage:
        """One domain's counts."""
        ...


class TermSource(Protocol):
    """What a termbase is built from (a :class:`~glossari.Glossary` is one)."""

    @property
    def lang(self) -> str | None:
        """The language of the terms' English side."""
        ...

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Everything reading the glossary noticed."""
        ...

    @property
    def links(self) -> tuple[LinkRef, ...]:
        """Every internal link, in file order, with its target."""
        ...

    @property
    def coverage_source(self) -> CoverageSource | None:
        """The catalogs the English came from, for their counts (None when unknown)."""
        ...

    def __iter__(self) -> Iterator[Term]: ...

    def lookup_index(self) -> Mapping[str, str]:
        """Normalised name to term id: what ``lookup`` answers."""
        ...

    def target_index(self) -> Mapping[str, str]:
        """Link target key to term id: what ``lookup`` answers for a text written as a link
        target."""
        ...


def _dumps(value: object) -> str:
    """``value`` as compact JSON, non-ASCII as it is: the text ``json.dumps(value,
    ensure_ascii=False, separators=(",", ":"), default=dataclass_fields)`` gives, written by
    orjson, which reads the dataclasses itself (three times as fast: 8,000 terms' JSON 2.5 s
    to 0.8 s; it is most of the rows a build makes). ``tests/test_termbase_json.py`` holds
    them equal."""
    return orjson.dumps(value, default=dataclass_fields).decode()


def _block_text(block: Block) -> str:
    """A block's text as the index reads it (:func:`plain_text`): a table by its cells, each
    read on its own, without its pipes and delimiter row (a snippet showed `| Jenis | ... |
    |---|---|`)."""
    table = table_of(block.text) if block.kind == "table" else None
    if table is None:
        return plain_text(block.text)
    return join_blocks([join_blocks([plain_text(cell) for cell in row], cells=True)
                        for row in table.filled()])


def _section_text(section: Section) -> str:
    # each block read on its own: a mark in one never pairs with one in another
    parts = [plain_text(section.heading)] if section.heading else []
    parts.extend(_block_text(block) for block in section.blocks if block.translatable)
    return join_blocks(parts)


def _english_body(term: Term) -> Iterator[str]:
    # The English body keeps untranslated blocks in Malay: index only what is really English.
    for ms, en in zip(term.sections, term.english.sections, strict=False):
        parts = [plain_text(en.heading)] if en.heading and en.heading != ms.heading else []
        parts.extend(_block_text(b) for b, m in zip(en.blocks, ms.blocks, strict=False)
                     if b.text != m.text)
        if parts:
            yield join_blocks(parts)


def _search_rows(term: Term, lang: str) -> Iterator[tuple[str, str, str | None]]:
    english = term.english
    if term.title:
        yield term.title, "headword", "ms"
    if english.title:
        yield english.title, "headword", lang
    for name, _, name_lang in _other_names(term, lang):
        yield name, "name", name_lang
    # a definition is inline Markdown, read as a body is: a link's target is no word of it
    if term.description:
        yield plain_text(term.description), "definition", "ms"
    if english.description:
        yield plain_text(english.description), "definition", lang
    for category in term.categories:
        yield category, "category", "ms"
    for category_en in english.categories:
        if category_en:
            yield category_en, "category", lang


def _body_rows(term: Term, lang: str) -> Iterator[tuple[str, str | None]]:
    for section in term.sections:
        text = _section_text(section)
        if text:
            yield text, "ms"
    for text in _english_body(term):
        yield text, lang


def _other_names(term: Term, lang: str) -> Iterator[tuple[str, str, str | None]]:
    """``(name, kind, lang)`` of every name but the headwords: the id and :class:`~glossari.
    model.Names`, each field by name (``kind``), so a new kind of name is carried unchanged."""
    yield term.id, "id", None
    # Malay names, English names, and names of no language (slugs, acronyms)
    languages = {"aliases": "ms", "link_texts": "ms", "english_variants": lang}
    for field in dataclasses.fields(term.names):
        for name in getattr(term.names, field.name):
            yield name, field.name, languages.get(field.name)


def _name_rows(term: Term, lang: str) -> Iterator[tuple[str, str, str, str | None]]:
    if term.title:
        yield term.id, term.title, "headword", "ms"
    if term.english.title:
        yield term.id, term.english.title, "headword", lang
    for name, kind, name_lang in _other_names(term, lang):
        yield term.id, name, kind, name_lang


BATCH = 250
"""Terms whose rows are made, and handed to SQLite, together (one job of the helper process)."""

AHEAD = 2
"""Batches of rows asked of the helper beyond the one :func:`write_termbase` waits for."""

PARALLEL_TERMS = 2_000
"""Fewest terms before :func:`write_termbase` makes the rows in a helper process: below it the
fork and the pickling cost more than they save."""

Rows = dict[str, list[tuple[object, ...]]]
"""Rows to insert, by table, in insertion order."""


def fill(connection: sqlite3.Connection, glossary: TermSource, *,
         inputs: Sequence[Input] = (), built_ns: int = 0, helped: bool = False,
         whole: Whole = _as_given) -> None:
    """Create the tables in an empty database and store ``glossary`` in them.

    With ``helped``, a glossary of :data:`PARALLEL_TERMS` terms or more has its terms' rows made
    (JSON, plain text) in a forked helper process (:mod:`glossari._helper`) while this one hands
    them to SQLite, which indexes them: the two halves of a build take about as long as each
    other, so on two cores the build takes little more than the indexing. The rows, and so the
    file's content, are the same either way.

    ``whole`` gives a batch of the glossary's terms whole, for their rows: a glossary composed
    from its articles' outlines (:func:`glossari.align.compose.outline`) holds everything else
    the tables take (names, links, findings), and each batch's bodies are read as it is written.
    """
    lang = glossary.lang or "en"
    connection.executescript(full_schema())
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    from glossari import __version__
    from glossari._fingerprint import package_fingerprint

    terms = list(glossary)
    _merging(connection, 0, BUILD_HASHSIZE)
    # forked first, so that it works while this process stores the whole-glossary tables
    helper = _row_helper(terms, lang, whole) if helped else None
    try:
        terms_findings = [f for term in terms for f in term.findings]
        own = all(f.term == term.id for term in terms for f in term.findings)
        meta = {
            "format": "glossari-termbase",
            "glossari_version": __version__,
            "lang": lang,
            "code": package_fingerprint(),
            **_input_meta(inputs, lang, built_ns),
            # where the terms' own findings start (they follow the glossary's, in term order):
            # what an update in place rewrites; empty when a term holds another's finding
            "glossary_findings": str(len(glossary.findings) - len(terms_findings)) if own else "",
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        connection.executemany("INSERT INTO inputs VALUES (?, ?, ?, ?)",
                               ((i.name, i.size, i.mtime_ns, i.sha256) for i in inputs))
        connection.executemany("INSERT INTO lookup VALUES (?, ?)",
                               sorted(glossary.lookup_index().items()))
        # (an update in place changes no name of any term: compose.recompose; so never these)
        connection.executemany("INSERT INTO targets VALUES (?, ?)",
                               sorted(glossary.target_index().items()))
        connection.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               _link_rows(glossary.links))
        connection.executemany(
            "INSERT INTO findings VALUES (?, ?, ?, ?)",
            ((n, f.code, f.term, _dumps(f)) for n, f in enumerate(glossary.findings)))
        source = glossary.coverage_source
        if source is not None:
            connection.executemany(
                "INSERT INTO coverage VALUES (?, ?, ?, ?, ?)",
                ((d, c.translated, c.fuzzy, c.untranslated, c.obsolete)
                 for d in source.domains for c in (source.coverage(d),)))
        # every table's rows in term order, batch after batch: each search table's rowids
        # rise, as FTS5 writes them fastest
        for rows in _batches(terms, lang, helper, whole):
            _insert(connection, rows)
        if helper is not None:
            helper.finish()
            helper = None
        _merging(connection, AUTOMERGE, HASHSIZE)
    finally:
        if helper is not None:
            helper.stop()


AUTOMERGE = 4
"""FTS5's own ``automerge`` setting, which every search table keeps once built."""

HASHSIZE = 1_048_576
"""FTS5's own ``hashsize`` (bytes of pending index data held before a segment is written),
which every search table keeps once built: an update in place writes a few terms' rows."""

BUILD_HASHSIZE = 8 * 1_048_576
"""The ``hashsize`` of a whole build: the bodies' index (prefix indexes of 2 to 8 characters,
eight entries a word) written in an eighth of the segments, each flushed and merged once.
At 10,000 articles the body index took 2.2 instead of 2.8 CPU-s (benchmarks/README.md,
"Stop 40"); 16 and 32 MB were no faster, and the pending data is held in memory."""


def _merging(connection: sqlite3.Connection, automerge: int, hashsize: int) -> None:
    # FTS5 merges index segments as rows come in; a whole build defers that (at 30,000 articles
    # the body index took 10.1 s instead of 16.3 s, and searches were as fast): `crisismerge`
    # still merges a level once it holds 16 segments, so their number stays bounded. An update
    # in place, afterwards, merges as FTS5 does by default, and holds its default 1 MB.
    for field in FIELD_RANK:
        table = search_table(field)
        for key, value in (("automerge", automerge), ("hashsize", hashsize)):
            connection.execute(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)",
                               (key, value))


def _row_helper(terms: Sequence[Term], lang: str, whole: Whole = _as_given) -> Helper | None:
    """A helper process making :func:`_term_batch` of ``(start, stop)`` jobs, when the glossary
    is large enough and the system has ``fork`` and two cores; else None."""
    from glossari._helper import start

    if len(terms) < PARALLEL_TERMS:
        return None

    def job(task: tuple[object, ...]) -> tuple[object, ...]:
        start, stop = cast(tuple[int, int], task)
        return start, _term_batch(
            zip(range(start, stop), whole(terms[start:stop]), strict=True), lang)

    # two batches sent and unanswered keep the helper busy (the rows that came back and wait
    # for SQLite are bounded by AHEAD, in _batches)
    return start(job, waiting=2)


def _batches(terms: Sequence[Term], lang: str, helper: Helper | None,
             whole: Whole = _as_given) -> Iterator[Rows]:
    """:func:`_term_batch` of every :data:`BATCH` terms in turn, made here or by ``helper``."""
    jobs = [(start, min(start + BATCH, len(terms))) for start in range(0, len(terms), BATCH)]
    if helper is None:
        for start, stop in jobs:
            yield _term_batch(zip(range(start, stop), whole(terms[start:stop]), strict=True),
                              lang)
        return
    sent = 0
    ready: dict[int, Rows] = {}
    for index, (start, _) in enumerate(jobs):
        while start not in ready:
            # at most AHEAD batches past the one wanted, made or being made: a helper faster
            # than SQLite would otherwise pile its rows up here (1,022 MB at 30,000 articles)
            while sent < len(jobs) and sent <= index + AHEAD and not helper.busy():
                helper.send(jobs[sent])
                sent += 1
            ready.update(cast(tuple[int, Rows], done) for done in helper.wait())
        yield ready.pop(start)


def _term_batch(terms: Iterable[tuple[int, Term]], lang: str) -> Rows:
    """The rows of each ``(position, term)``, by table: its ``terms`` row, names, categories,
    and its search rows under the rowids of its slot (:data:`ROWS_PER_TERM`), so that rowid
    order is the glossary's order on every build."""
    rows: Rows = {table: [] for table in ("terms", "names", "categories",
                                          *(search_table(field) for field in FIELD_RANK))}
    for position, term in terms:
        rows["terms"].append((term.id, position, *_term_columns(term)))
        rows["names"].extend(_name_rows(term, lang))
        rows["categories"].extend(_category_rows(term))
        fields: dict[str, list[tuple[str, str | None]]] = {}
        for text, field, row_lang in _search_rows(term, lang):
            fields.setdefault(field, []).append((text, row_lang))
        fields["body"] = list(_body_rows(term, lang))
        for field, found in fields.items():
            rows[search_table(field)].extend(_slotted(position, term.id, found))
    return rows


def _insert(connection: sqlite3.Connection, rows: Mapping[str, Sequence[tuple[object, ...]]],
            ) -> None:
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        if table.startswith("search_"):
            statement = f"INSERT INTO {table}(rowid, text, term_id, lang) VALUES (?, ?, ?, ?)"
        else:
            statement = f"INSERT INTO {table} VALUES ({', '.join('?' * len(table_rows[0]))})"
        connection.executemany(statement, table_rows)


def _slotted(position: int, term_id: str, found: Sequence[tuple[str, str | None]],
             ) -> Iterator[tuple[int, str, str, str | None]]:
    """``(rowid, text, term_id, lang)`` rows in the slot of the term at ``position``; rows past
    the slot's size (an article of thousands of sections) are joined into its last row, still
    found by the same words."""
    if len(found) > ROWS_PER_TERM:
        tail = found[ROWS_PER_TERM - 1:]
        found = [*found[:ROWS_PER_TERM - 1],
                 ("\n".join(text for text, _ in tail), tail[0][1])]
    base = position * ROWS_PER_TERM
    for n, (text, row_lang) in enumerate(found):
        # a soft hyphen or word joiner inside a word is no break, as in a query: the tokenizer
        # read it as a separator, and `pelaburan` did not find an article's `pela\u00adburan`;
        # a letter and a digit meeting is one (`250` did not find `RM250`)
        yield base + n, index_text(text), term_id, row_lang


def _without_body(fields: dict[str, object]) -> dict[str, object]:
    return {name: value for name, value in fields.items() if name not in BODY_FIELDS}


def _term_rows(glossary: Iterable[Term]) -> Iterator[tuple[object, ...]]:
    for position, term in enumerate(glossary):
        yield (term.id, position, *_term_columns(term))


def _term_columns(term: Term) -> tuple[object, ...]:
    """The columns of a term's ``terms`` row after ``id`` and ``position``."""
    english = term.english
    fields = dataclass_fields(term)
    head = _without_body(fields)
    head["english"] = _without_body(dataclass_fields(english))
    return (term.kind, term.title, english.title, english.status, term.description,
            english.description, term.source.path, term.source.line, _dumps(fields),
            _dumps(head))


def _category_rows(term: Term) -> Iterator[tuple[object, ...]]:
    english = term.english.categories
    for n, category in enumerate(term.categories):
        yield term.id, n, category, english[n] if n < len(english) else None


def _input_meta(inputs: Sequence[Input], lang: str, built_ns: int) -> dict[str, str]:
    """The ``meta`` values that record the inputs (see :mod:`glossari.termbase.inputs`)."""
    listing, racy = quick_listing(inputs, built_ns)
    return {"fingerprint": fingerprint(inputs, lang, SCHEMA_VERSION), "built_ns": str(built_ns),
            "listing": listing, "racy": racy}


def _link_rows(refs: Iterable[LinkRef]) -> Iterator[tuple[object, ...]]:
    # the link's place in its article's ``links``, by identity (equal links may repeat): each
    # article's places are read once for its links, which come together. Looked up link by
    # link, an article of 9,000 links (the reader takes up to 10,000 brackets) walked its list
    # 9,000 times: 40 million steps, most of `compile`'s 3 s for that one article.
    source: Term | None = None
    places: dict[int, int] = {}
    for position, ref in enumerate(refs):
        if ref.source is not source:
            source = ref.source
            places = {}
            for n, link in enumerate(source.links):
                places.setdefault(id(link), n)  # the first place of a link listed twice
        index = places[id(ref.link)]
        yield (ref.source.id, position, index, ref.link.text, ref.link.target, ref.link.line,
               ref.target.id if ref.target is not None else None, int(ref.resolved))


def write_termbase(path: Path, glossary: TermSource, inputs: Sequence[Input], *,
                   built_ns: int | None = None, whole: Whole = _as_given) -> None:
    """Write ``glossary`` to the SQLite file ``path``, atomically.

    ``inputs`` are what ``glossary`` was read from, taken (at ``built_ns``, default now) before
    it was read: a file that changed since no longer matches its record, so the termbase is
    stale rather than wrong. The file is built under a temporary name in the same folder and
    renamed over ``path``, so a reader sees the old termbase or the new one, never half of one;
    a failed build leaves the old file untouched. ``whole``: see :func:`fill`.
    """
    built_ns = time.time_ns() if built_ns is None else built_ns
    # through a symbolic link, as every write here and an update in place: the link stays (a
    # whole build replaced it with a file, and the file it led to stayed old)
    path = _through_links(path)
    descriptor, temporary = termbase_folder(
        path, lambda folder: make_temporary(folder, f".{path.name}."))
    os.close(descriptor)
    try:
        connection = sqlite3.connect(temporary)
        try:
            # nothing to protect until the rename: no journal, no syncs while filling
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            with connection:
                fill(connection, glossary, inputs=inputs, built_ns=built_ns, helped=True,
                     whole=whole)
            connection.execute("PRAGMA journal_mode = DELETE")
        finally:
            connection.close()
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        # the mode, owner and group of the termbase it replaces: a team's group-writable file
        # took the umask's mode and the runner's group at every rebuild
        with contextlib.suppress(OSError):
            keep_status(temporary, path)
        _recover(path)
        # refused on Windows while a program holds the termbase open (an app's glossari.load()):
        # one line naming the file, as for a catalog, not an internal PermissionError
        _replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def termbase_folder(path: Path, make: Callable[[Path], _T]) -> _T:
    """``make`` of the folder of the termbase ``path`` (made if missing): a file a build
    writes there. An OSError is one line naming the folder."""
    from glossari.errors import CatalogError

    folder = _through_links(path).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return make(folder)
    except OSError as error:
        # a folder the runner may not write (its catalogs may be writable): was an internal
        # PermissionError
        raise CatalogError(f"cannot write in {folder}: {error.strerror}", path=str(path),
                           hint="check that the folder exists and is writable") from None


def _recover(path: Path) -> None:
    """Let SQLite roll back an update that a crash interrupted (a hot ``-journal`` beside
    ``path``) before ``path`` is replaced: a journal left beside a new file would be played back
    into it."""
    if not path.with_name(path.name + "-journal").exists():
        return
    with contextlib.suppress(sqlite3.Error):
        connection = sqlite3.connect(path)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            connection.close()


def update_termbase(path: Path, terms: Sequence[Term], inputs: Sequence[Input], *, lang: str,
                    built_ns: int) -> bool:
    """Bring the termbase ``path`` up to date in place after a few articles changed, in one
    SQLite transaction (a reader sees the old termbase or the new one; a failure changes
    nothing); False, with nothing changed, when the file does not allow it.

    Each of ``terms`` replaces the stored term of its id, and must be exactly what reading the
    whole glossary again would give it (:func:`glossari.align.compose.recompose` decides that):
    its ``terms`` row, categories, findings and search rows are rewritten, and nothing else of
    the glossary. ``inputs`` (the same names as recorded) and ``built_ns`` are recorded as by
    :func:`write_termbase`. With no terms, only that record is rewritten: the new sizes and
    times of inputs whose bytes are the recorded ones (a ``touch``, a copy), so that loads take
    the quick look again.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            done = _update_rows(connection, terms, inputs, lang=lang, built_ns=built_ns)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT" if done else "ROLLBACK")
        return done
    finally:
        connection.close()


def _update_rows(db: sqlite3.Connection, terms: Sequence[Term], inputs: Sequence[Input], *,
                 lang: str, built_ns: int) -> bool:
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("lang") != lang:
        return False
    if terms and not _update_terms(db, meta, terms, lang):
        return False
    recorded = {row[0]: row[1:] for row in db.execute(
        "SELECT name, size, mtime_ns, sha256 FROM inputs")}
    if set(recorded) != {i.name for i in inputs}:
        return False
    db.executemany("UPDATE inputs SET size = ?, mtime_ns = ?, sha256 = ? WHERE name = ?",
                   ((i.size, i.mtime_ns, i.sha256, i.name) for i in inputs
                    if recorded[i.name] != (i.size, i.mtime_ns, i.sha256)))
    db.executemany("UPDATE meta SET value = ? WHERE key = ?",
                   ((value, key) for key, value in _input_meta(inputs, lang, built_ns).items()))
    return True


def _update_terms(db: sqlite3.Connection, meta: Mapping[str, str], terms: Sequence[Term],
                  lang: str) -> bool:
    """Rewrite the rows of ``terms`` (see :func:`update_termbase`); False when this termbase
    does not allow it."""
    start = meta.get("glossary_findings", "")
    ids = [term.id for term in terms]
    positions = dict(db.execute(
        f"SELECT id, position FROM terms WHERE id IN ({','.join('?' * len(ids))})", ids))
    if not start.isdigit() or len(positions) != len(set(ids)) or any(
            f.term != term.id for term in terms for f in term.findings):
        return False
    for term in terms:
        db.execute("UPDATE terms SET kind = ?, title = ?, title_en = ?, status = ?, "
                   "description = ?, description_en = ?, source_path = ?, source_line = ?, "
                   "data = ?, head = ? WHERE id = ?", (*_term_columns(term), term.id))
    marks = ",".join("?" * len(ids))
    db.execute(f"DELETE FROM categories WHERE term_id IN ({marks})", ids)
    _insert(db, {"categories": [row for term in terms for row in _category_rows(term)]})
    # the terms' own findings, in term order after the glossary's: the tail is rewritten whole
    # (a few tens of thousands of short rows at most)
    tail = [(pos, seq, code, term_id, data) for seq, (code, term_id, data, pos) in enumerate(
        db.execute("SELECT f.code, f.term_id, f.data, t.position FROM findings f "
                   "JOIN terms t ON t.id = f.term_id WHERE f.position >= ? ORDER BY f.position",
                   (int(start),))) if term_id not in positions]
    tail.extend((positions[term.id], seq, f.code, f.term, _dumps(f))
                for term in terms for seq, f in enumerate(term.findings))
    tail.sort(key=lambda row: (row[0], row[1]))
    db.execute("DELETE FROM findings WHERE position >= ?", (int(start),))
    db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?)",
                   ((int(start) + n, code, term_id, data)
                    for n, (_, _, code, term_id, data) in enumerate(tail)))
    for field in FIELD_RANK:
        table = search_table(field)
        # each term's rows are its slot of rowids (the same as a whole build gives them)
        db.executemany(f"DELETE FROM {table} WHERE rowid BETWEEN ? AND ?",
                       ((positions[term.id] * ROWS_PER_TERM,
                         (positions[term.id] + 1) * ROWS_PER_TERM - 1) for term in terms))
    rows = _term_batch(((positions[term.id], term) for term in terms), lang)
    _insert(db, {table: found for table, found in rows.items() if table.startswith("search_")})
    return True
