"""Full-text search over a termbase's FTS5 index: the query language and the ranking.

A query is words: each must occur in the same text of a term (in any order), each as a prefix
(``eksek`` finds ``eksekutif``), case and accents ignored (the index's ``unicode61
remove_diacritics 2`` tokenizer folds both, in the query as in the text). Everything but letters
and digits separates words, so no query can be an FTS5 syntax error.

Ranking: one hit per term, its best field; hits in headwords first, then names, definitions,
categories and body text (:data:`~glossari.termbase.schema.FIELD_RANK`), then by bm25 over the
text, then by term id, so the order is total and the same for a termbase file and the in-memory
index. The fields are searched in that order and the search stops as soon as ``limit`` terms are
found, so a common word costs a look at the headwords, not at every article body.

>>> match_expression("Eksekutif akaun")
'"Eksekutif"* AND "akaun"*'
>>> match_expression("  --  ") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from glossari.termbase.schema import FIELD_RANK, search_table

__all__ = ["Row", "match_expression", "ranked_rows"]

_WORD = re.compile(r"\w+")

Row = tuple[int, str, str, "str | None"]
"""``(rowid, term_id, field, lang)`` of one row of a search table."""

# ORDER BY rank alone: FTS5 sorts by bm25 itself, which costs far less than SQLite sorting every
# match by (rank, term_id, rowid); ties are put in order in Python (ranked_rows). The snippet
# (up to 16 words around the matches, which are put between brackets) is made only for the rows
# read, not for every match.
_TIER_SQL = """
SELECT rank, rowid, term_id, lang, snippet({table}, 0, '[', ']', '…', 16) FROM {table}
WHERE {table} MATCH :match AND (:lang IS NULL OR lang IS NULL OR lang = :lang)
ORDER BY rank
"""


def match_expression(query: str) -> str | None:
    """The FTS5 expression for a user's words (each a quoted prefix), or None for no word."""
    words = [w for w in _WORD.findall(query) if w.strip("_")]
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def ranked_rows(execute: Callable[[str, dict[str, object]], Iterable[Any]],
                expression: str, lang: str | None, limit: int) -> list[tuple[Row, str]]:
    """The best row of each of the first ``limit`` terms, ranked, with its snippet.

    ``execute`` runs a query and returns its rows as it reads them (a cursor): a field's matches
    come in bm25 order and are read only until ``limit`` terms are certain, so each field's
    matches are ranked once, and a common word does not sort every body text twice.
    """
    hits: list[tuple[Row, str]] = []
    seen: set[str] = set()
    for field in sorted(FIELD_RANK, key=FIELD_RANK.__getitem__):
        need = limit - len(hits)
        # a term's best row: the least (rank, rowid); the terms in order of (rank, id, rowid)
        best: dict[str, tuple[float, int, str | None, str]] = {}
        cutoff: float | None = None
        rows = execute(_TIER_SQL.format(table=search_table(field)),
                       {"match": expression, "lang": lang})
        for rank, rowid, term_id, row_lang, snippet in rows:
            if cutoff is not None and rank > cutoff:
                break  # every later row ranks below the `need` terms already found
            if term_id in seen:
                continue  # the term's best row was in a better field
            known = best.get(term_id)
            if known is None or (rank, rowid) < known[:2]:
                best[term_id] = (rank, rowid, row_lang, str(snippet or ""))
            if cutoff is None and len(best) == need:
                cutoff = rank  # read on only through rows that tie with it
        order = sorted(best.items(), key=lambda item: (item[1][0], item[0], item[1][1]))[:need]
        hits.extend(((rowid, term_id, field, row_lang), snippet)
                    for term_id, (_, rowid, row_lang, snippet) in order)
        seen.update(term_id for term_id, _ in order)
        if len(hits) == limit:
            break
    return hits
