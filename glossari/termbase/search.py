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
import sqlite3
from collections.abc import Callable

from glossari.termbase.schema import FIELD_RANK, search_table

__all__ = ["Row", "match_expression", "ranked_rows"]

_WORD = re.compile(r"\w+")

Row = tuple[int, str, str, "str | None"]
"""``(rowid, term_id, field, lang)`` of one row of a search table."""

_TIER_SQL = """
SELECT rowid, term_id, lang FROM {table}
WHERE {table} MATCH :match AND (:lang IS NULL OR lang IS NULL OR lang = :lang)
ORDER BY rank, term_id, rowid LIMIT :n
"""

# up to 16 words around the matches, which are put between brackets
_SNIPPET_SQL = """
SELECT snippet({table}, 0, '[', ']', '…', 16) FROM {table} WHERE {table} MATCH :match
AND rowid = :r
"""


def match_expression(query: str) -> str | None:
    """The FTS5 expression for a user's words (each a quoted prefix), or None for no word."""
    words = [w for w in _WORD.findall(query) if w.strip("_")]
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def ranked_rows(execute: Callable[[str, dict[str, object]], list[sqlite3.Row]],
                expression: str, lang: str | None, limit: int) -> list[tuple[Row, str]]:
    """The best row of each of the first ``limit`` terms, ranked, with its snippet."""
    hits: list[Row] = []
    seen: set[str] = set()
    for field in sorted(FIELD_RANK, key=FIELD_RANK.__getitem__):
        sql = _TIER_SQL.format(table=search_table(field))
        batch = 4 * (limit - len(hits)) + 16
        while True:
            rows = execute(sql, {"match": expression, "lang": lang, "n": batch})
            tier: list[Row] = []
            mine: set[str] = set()
            for row in rows:
                term_id = row[1]
                if term_id in seen or term_id in mine:
                    continue  # the term's best row came earlier
                mine.add(term_id)
                tier.append((row[0], term_id, field, row[2]))
                if len(hits) + len(tier) == limit:
                    break
            if len(hits) + len(tier) == limit or len(rows) < batch:
                break
            batch *= 4  # rows of terms already found filled the batch: look further
        hits.extend(tier)
        seen |= mine
        if len(hits) == limit:
            break
    out: list[tuple[Row, str]] = []
    for hit in hits:
        snippet = execute(_SNIPPET_SQL.format(table=search_table(hit[2])),
                          {"match": expression, "r": hit[0]})
        out.append((hit, str(snippet[0][0]) if snippet else ""))
    return out
