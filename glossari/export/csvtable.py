"""The term table as CSV (RFC 4180), for spreadsheets or for Weblate's glossary import.

Control characters (C0 but tab and line ends, DEL, C1) are stripped from every cell first
(:func:`glossari.text.strip_controls`), so ``"\\x00=1+1"`` cannot hide a formula from the guard.
Then cells a spreadsheet would run as a formula are neutralised as OWASP recommends: a cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote
``'``, which spreadsheets show as text (and which translate-toolkit, Weblate's reader, also writes).

>>> from glossari.export.rows import Row
>>> row = Row(id="x", ms="=1+1", en="Sum", kind="article", status="translated",
...           categories=("A", "B"), source="seeds/x.md:1")
>>> print(render_csv([row]), end="")
id,ms,en,kind,status,categories,definition_ms,definition_en,source\r
x,'=1+1,Sum,article,translated,A; B,,,seeds/x.md:1\r
>>> print(render_csv([row], weblate=True), end="")
"source","target","context","fuzzy","developer_comments"\r
"'=1+1'","Sum","x","False",""\r
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from glossari.export.rows import JSON_KEYS, Row
from glossari.text import strip_controls

__all__ = ["CATEGORY_SEPARATOR", "FORMULA_TRIGGERS", "WEBLATE_COLUMNS", "WEBLATE_TRIGGERS",
           "neutralise", "render_csv", "weblate_escape", "weblate_loses", "weblate_losses"]

FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""

CATEGORY_SEPARATOR = "; "
"""How the categories of one term share a cell."""

WEBLATE_COLUMNS: tuple[str, ...] = ("source", "target", "context", "fuzzy", "developer_comments")
"""The header of ``--csv-weblate``: translate-toolkit's CSV field names, which Weblate reads."""


def neutralise(cell: str) -> str:
    """``cell`` without control characters, with a leading ``'`` when a spreadsheet would
    otherwise run it as a formula, or when it already starts with ``'`` before a trigger (so
    that taking one ``'`` off, :func:`glossari.exchange._text.unneutralise`, gives every cell
    back: ``'-' sign`` read back as ``-' sign`` lost its quote).

    >>> neutralise("-5"), neutralise("@SUM(A1)"), neutralise("a-b"), neutralise("\\x00\\x1b=1+1")
    ("'-5", "'@SUM(A1)", 'a-b', "'=1+1")
    >>> neutralise("'-' sign"), neutralise("'Quoted'")
    ("''-' sign", "'Quoted'")
    """
    cell = strip_controls(cell)
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_TRIGGERS) else cell


WEBLATE_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "|", "%")
"""First characters Weblate's own CSV export escapes (``weblate.formats.exporters.CSVExporter``):
the text is wrapped in ``'...'`` and each ``|`` written ``\\|``; Weblate's import
(``CSVUnit.unescape_csv``) takes the wrapping off again."""


def weblate_escape(cell: str) -> str:
    """``cell`` as Weblate's own CSV export writes it: wrapped in ``'...'`` (``|`` as ``\\|``)
    when it starts with one of :data:`WEBLATE_TRIGGERS`, so Weblate's import reads it back
    as it was (a glossari ``'=1+1`` arrived in Weblate with its ``'``); a tab or carriage
    return at the start gets a leading ``'``; anything else is written as it is, since
    Weblate's import takes nothing off it (``'-' sign`` written ``''-' sign``, glossari's own
    rule, arrived in Weblate with two quotes).
    :func:`glossari.exchange._text.weblate_unescape` is the inverse.

    >>> weblate_escape("=1+1"), weblate_escape("%APR|x"), weblate_escape("Kos")
    ("'=1+1'", "'%APR\\\\|x'", 'Kos')
    >>> weblate_escape("'-' sign"), weblate_escape("\\tx")
    ("'-' sign", "'\\tx")
    """
    cell = strip_controls(cell)
    if cell.startswith(WEBLATE_TRIGGERS):
        return "'" + cell.replace("|", "\\|") + "'"
    return "'" + cell if cell.lstrip("'").startswith(("\t", "\r")) else cell


def weblate_loses(cell: str) -> bool:
    """True when Weblate's CSV import takes off quotes ``cell`` holds, however it is written: a
    text that starts with ``'`` and one of ``=``, ``+``, ``-``, ``@``, ``\\``, ``%`` and ends
    with ``'`` (``'%'``, ``'=' sign'``) is read without them (``CSVUnit.unescape_csv``), and
    no wrapping keeps them (one more pair puts a ``'`` second, which the import leaves as it
    is, quotes and all).

    >>> weblate_loses("'%'"), weblate_loses("'=' sign'"), weblate_loses("'-' sign")
    (True, True, False)
    >>> weblate_loses("=1+1"), weblate_loses("|x"), weblate_loses("'quoted'")
    (False, False, False)
    """
    cell = strip_controls(cell)
    written = weblate_escape(cell)
    unwrapped = (len(written) > 2 and written[0] == "'" == written[-1]
                 and written[1] in "=+-@\\%")
    return unwrapped and written[1:-1].replace("\\|", "|") != cell


def weblate_losses(rows: Sequence[Row]) -> list[tuple[str, str]]:
    """``(term id, value)`` of each value of ``rows`` that ``--csv-weblate`` writes but
    Weblate's import cannot read back (:func:`weblate_loses`), in row order."""
    return [(row.id, value) for row in rows if row.ms is not None
            for value in (row.ms, row.en, row.definition_ms) if value and weblate_loses(value)]


def render_csv(rows: Sequence[Row], *, weblate: bool = False, bom: bool = False) -> str:
    """``rows`` as CSV text: a header row, then one line per term, CRLF line ends.

    The columns are the JSON keys (categories joined with ``"; "``, a missing value empty). With
    ``weblate=True`` the columns are ``source`` (Malay headword), ``target`` (English headword),
    ``context`` (term id), ``fuzzy`` (``True`` when the English is fuzzy or only suggested, so
    Weblate marks it as needing editing) and ``developer_comments`` (Malay definition); every cell
    is quoted (Weblate sniffs the dialect, and quotes make that reliable) and terms without a Malay
    headword are left out, since a glossary entry needs a source. ``bom=True`` starts the text
    with a byte-order mark, which some spreadsheets need to recognise UTF-8.
    """
    out = io.StringIO(newline="")
    if weblate:
        writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writerow(WEBLATE_COLUMNS)
        for row in rows:
            if row.ms is None:
                continue
            unsure = row.en is not None and row.status in ("fuzzy", "suggested")
            cells = (row.ms, row.en or "", row.id, str(unsure), row.definition_ms or "")
            writer.writerow([weblate_escape(c) for c in cells])
    else:
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: CRLF, minimal quoting
        writer.writerow(JSON_KEYS)
        for row in rows:
            writer.writerow([neutralise(c) for c in _cells(row)])
    return ("\ufeff" if bom else "") + out.getvalue()


def _cells(row: Row) -> tuple[str, ...]:
    return (
        row.id,
        row.ms or "",
        row.en or "",
        row.kind,
        row.status,
        CATEGORY_SEPARATOR.join(row.categories),
        row.definition_ms or "",
        row.definition_en or "",
        row.source,
    )
