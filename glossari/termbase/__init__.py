"""The compiled termbase: the resolved glossary as one SQLite file any program can read.

``glossari compile`` writes ``locale/LANG/glossari.sqlite`` (:func:`write_termbase`): every term
with its English side, all its names, links and backlinks, findings, catalog coverage, a lookup
table and an FTS5 search index. :func:`glossari.load` reads it (:func:`open_fresh`) when it was
made from exactly the current inputs by this very code, one term at a time, and never writes it.
The schema is documented in docs/termbase.md and versioned with ``PRAGMA user_version``.

Terms are stored generically (:mod:`glossari.termbase.codec`): every dataclass field, by name, so
a new field of :class:`~glossari.model.Term` needs no change here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from glossari.termbase.inputs import snapshot
from glossari.termbase.reader import LinkRow, SearchHit, Termbase, open_fresh, termbase_path
from glossari.termbase.schema import SCHEMA_VERSION, TERMBASE_NAME

__all__ = [
    "SCHEMA_VERSION",
    "TERMBASE_NAME",
    "LinkRow",
    "SearchHit",
    "TermSource",
    "Termbase",
    "fill",
    "memory_termbase",
    "open_fresh",
    "snapshot",
    "termbase_path",
    "update_termbase",
    "write_termbase",
]


if TYPE_CHECKING:
    from glossari.termbase.build import TermSource, fill, update_termbase, write_termbase

_BUILD = frozenset({"TermSource", "fill", "update_termbase", "write_termbase"})


def __getattr__(name: str) -> Any:
    # the writer is imported when first asked for: a program that only reads a termbase (every
    # glossari.load) does not pay for importing it
    if name in _BUILD:
        from glossari.termbase import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def memory_termbase(glossary: TermSource) -> Termbase:
    """The termbase of ``glossary`` built in memory (for searching a glossary read in memory:
    the same tables and the same queries give the same answers as the file)."""
    import sqlite3

    from glossari.termbase.build import fill

    connection = sqlite3.connect(":memory:", check_same_thread=False)
    with connection:
        fill(connection, glossary)
    return Termbase(connection)
