"""The termbase's tables (documented for other programs in docs/termbase.md).

``PRAGMA user_version`` holds :data:`SCHEMA_VERSION`; a reader that finds another number treats
the file as stale. Text columns hold exactly the strings of the Python values; ``data`` columns
hold JSON objects keyed by the dataclass field names (see :mod:`glossari.termbase.codec`).
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "BODY_FIELDS",
    "FIELD_RANK",
    "PREFIXES",
    "ROWS_PER_TERM",
    "SCHEMA",
    "SCHEMA_VERSION",
    "SEARCH_SCHEMA",
    "TERMBASE_NAME",
    "SearchField",
    "full_schema",
    "search_table",
]

SCHEMA_VERSION = 8
"""The schema's version, stored as ``PRAGMA user_version`` (2: ``terms.head``; 3: ``targets``; 4: a
``search_*.text`` breaks a word with a zero-width space where a letter and a digit meet; 5: it
writes a decimal point or thousands separator between two digits as U+E02E or U+E02C, so that a
number is one word; 6: ``search_body.text`` holds U+E000 between two blocks, so that no phrase
runs across them; 7: the tokenizer reads the modifier letter apostrophe U+02BC as a separator,
as it reads every other apostrophe, so that ``ta\u02bcawun`` and ``ta'awun`` are one text; 8: it
writes the ``/`` or ``&`` that joins capitals as U+E12F or U+E126 between zero-width spaces, so
that ``P&E`` finds no ``P/E``)."""

BODY_FIELDS = ("sections", "highlights")
"""The fields of a Term and of its English side that hold the article body: ``terms.head``
is ``terms.data`` without them."""

TERMBASE_NAME = "glossari.sqlite"
"""The file name, in ``locale/LANG/`` (one termbase per language the terms are read in)."""

SearchField = Literal["headword", "name", "definition", "category", "body"]
"""A search field, as docs/termbase.md names them: :attr:`glossari.SearchHit.field`."""

FIELD_RANK: dict[SearchField, int] = {"headword": 0, "name": 1, "definition": 2, "category": 3,
                                      "body": 4}
"""Search fields and their rank: a hit in a lower-ranked field comes first, then bm25."""

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE inputs (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE TABLE terms (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT,
    title_en TEXT,
    status TEXT NOT NULL,
    description TEXT,
    description_en TEXT,
    source_path TEXT NOT NULL,
    source_line INTEGER NOT NULL,
    data TEXT NOT NULL,
    head TEXT NOT NULL
);
CREATE TABLE names (
    term_id TEXT NOT NULL REFERENCES terms(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    lang TEXT
);
CREATE INDEX names_term ON names(term_id);
CREATE TABLE lookup (
    key TEXT PRIMARY KEY,
    term_id TEXT NOT NULL REFERENCES terms(id)
) WITHOUT ROWID;
CREATE TABLE targets (
    key TEXT PRIMARY KEY,
    term_id TEXT NOT NULL REFERENCES terms(id)
) WITHOUT ROWID;
CREATE TABLE categories (
    term_id TEXT NOT NULL REFERENCES terms(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT,
    PRIMARY KEY (term_id, position)
) WITHOUT ROWID;
CREATE TABLE links (
    source_id TEXT NOT NULL REFERENCES terms(id),
    position INTEGER NOT NULL,
    link_index INTEGER NOT NULL,
    text TEXT NOT NULL,
    target TEXT NOT NULL,
    line INTEGER NOT NULL,
    target_id TEXT REFERENCES terms(id),
    resolved INTEGER NOT NULL
);
CREATE INDEX links_source ON links(source_id, position);
CREATE INDEX links_target ON links(target_id, position);
CREATE TABLE findings (
    position INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    term_id TEXT,
    data TEXT NOT NULL
);
CREATE TABLE coverage (
    domain TEXT PRIMARY KEY,
    translated INTEGER NOT NULL,
    fuzzy INTEGER NOT NULL,
    untranslated INTEGER NOT NULL,
    obsolete INTEGER NOT NULL
);
"""
"""The tables, created in this order by the builder (then the search tables)."""

ROWS_PER_TERM = 4096
"""The rowids of a search table are slots: the term at ``position`` (``terms.position``) has
rowids ``position * ROWS_PER_TERM`` onwards, so rowid order is the glossary's order (ties in
bm25 are ranked by it, at no cost: SQLite ranks by rowid without reading a row) and a term
updated in place keeps its place."""

SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE {table} USING fts5(
    text, term_id UNINDEXED, lang UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2 separators '\u02bc'", prefix = '{prefix}'
);
INSERT INTO {table}({table}, rank) VALUES ('rank', 'bm25(1.0, 0.0, 0.0)');
"""
"""One FTS5 table per search field (:func:`search_table`): a common word's long list of body
rows is never read while its headword hits are enough. FTS5's default 1 MB of pending rows
is kept: 32 or 64 MB wrote the bodies faster at 30,000 articles (16.6 s to 12.6 or 9.1 s) but
took `compile` to 1,014 and 949 MB, over or near the 1 GB every command keeps under."""

PREFIXES = {"headword": "1 2 3", "name": "1 2 3", "category": "1 2 3",
            "definition": "2 3 4 5 6 7 8", "body": "2 3 4 5 6 7 8"}
"""The FTS5 prefix indexes of each search field, in characters. Every query word is a prefix,
and a prefix no index holds is answered by merging the lists of every word it begins, twice
(once to match, once for bm25's document counts): at 30,000 articles ``pekerja*`` in the bodies
took 10 ms that way. Indexes up to 8 characters cover most Malay words as typed whole; they make
the body index half again as large (190 to 289 MB at 30,000). The short fields also index
one-letter prefixes, so a query ``a`` finds the headwords in A at once."""


def search_table(field: str) -> str:
    """The FTS5 table of a search field: ``search_headword``, ``search_body``, ..."""
    if field not in FIELD_RANK:
        raise ValueError(f"no search field {field!r}")
    return f"search_{field}"


def full_schema() -> str:
    """:data:`SCHEMA` and every search table."""
    return SCHEMA + "".join(
        SEARCH_SCHEMA.format(table=search_table(f), prefix=PREFIXES[f])
        for f in FIELD_RANK)
