"""How a value looks after glossari's own exporter wrote it and a reader read it back (private).

A round trip must never look like an edit: TBX drops the control characters XML cannot carry,
CSV neutralises formula triggers with a leading ``'``. :func:`exported_form` applies the same
rules to a catalog's translation, so that comparing it with an imported value says "equal" when
the file only holds what glossari exported.

>>> exported_form("=1+1", "csv"), exported_form("a\\x1bb", "tbx-3"), exported_form("x", "csv")
('=1+1', 'ab', 'x')
>>> unneutralise("'=1+1"), unneutralise("'quoted'"), unneutralise("''-' sign")
('=1+1', "'quoted'", "'-' sign")
>>> tidy("\\n    Cost of\\n    sales\\n  "), tidy(" \\t "), tidy("10\\u00a0%")
('Cost of sales', '', '10\\xa0%')
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from glossari.exchange.records import ExchangeFormat, Record
from glossari.export.csvtable import FORMULA_TRIGGERS, neutralise, weblate_escape
from glossari.text import one_line, strip_controls

__all__ = ["exported_form", "same_text", "tidy", "tidy_record", "toolkit_unescape",
           "unneutralise", "weblate_unescape"]


def unneutralise(cell: str) -> str:
    """A CSV cell with the formula-neutralising ``'`` taken off (the exporter's inverse: one
    ``'`` off a cell whose leading quotes are followed by a trigger)."""
    quoted = cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_TRIGGERS)
    return cell[1:] if quoted else cell


def weblate_unescape(cell: str) -> str:
    """A Weblate CSV cell as Weblate's import reads it: ``'-5% margin'`` (its export's wrapping
    of a text starting with ``=``, ``+``, ``-``, ``@``, ``|`` or ``%``, each ``|`` written
    ``\\|``) is ``-5% margin``; read as glossari's own neutralisation, it kept its last
    ``'``. A ``'`` before a tab or carriage return
    (:func:`~glossari.export.csvtable.weblate_escape`'s) is taken off. Any other cell is read
    as it is, as Weblate reads it: a quote a person typed (``'-' sign``, ``'=1+1``) is text,
    and glossari's own rule (one ``'`` off before ``=``, ``+``, ``-``, ``@``:
    :func:`unneutralise`) is for glossari's own columns alone.

    >>> weblate_unescape("'-5% margin'"), weblate_unescape("'\\\\|x'"), weblate_unescape("'=1+1")
    ('-5% margin', '|x', "'=1+1")
    >>> weblate_unescape("'-' sign"), weblate_unescape("'\\tx")
    ("'-' sign", '\\tx')
    """
    if (len(cell) > 2 and cell[0] == "'" and cell[-1] == "'"
            and (cell[1] in "=+-@%" or cell[1:3] == "\\|")):
        return cell[1:-1].replace("\\|", "|")
    quoted = cell.startswith("'") and cell.lstrip("'").startswith(("\t", "\r"))
    return cell[1:] if quoted else cell


TOOLKIT_TRIGGERS = ("=", "+", "-", "@")
"""What translate-toolkit's CSV writer (``po2csv``, a new store: ``escape_formulas``, on by
default) puts a ``'`` before: a cell starting like a formula."""


def toolkit_unescape(cell: str) -> str:
    """A cell of a CSV file in translate-toolkit's own layout (``po2csv``'s, the header quoted
    cell by cell from ``"location",``) as its writer meant it: the ``'`` it puts before a cell
    starting with ``=``, ``+``, ``-`` or ``@`` taken off, which its own reader leaves on (a
    catalog's ``=Stock`` given back by ``po2csv`` unchanged was a conflict with ``'=Stock``,
    which ``--force`` wrote, and an empty catalog took ``'@revenue``). Any other cell is read
    as Weblate reads it (:func:`weblate_unescape`).

    >>> toolkit_unescape("'=Stock"), toolkit_unescape("'-5% margin'"), toolkit_unescape("'x'")
    ('=Stock', '-5% margin', "'x'")
    """
    if cell.startswith("'") and cell[1:2] in TOOLKIT_TRIGGERS and not (
            len(cell) > 2 and cell.endswith("'")):
        return cell[1:]
    return weblate_unescape(cell)


# The layout whitespace of a file: an XML editor indents a <term> over several lines, a
# spreadsheet cell keeps a stray space or an in-cell line break. A glossary value (a headword,
# a definition, a category) is one line of text: glossari.text.one_line.
def tidy(value: str) -> str:
    """``value`` with each run of layout whitespace one space, and none at either end
    (:func:`glossari.text.one_line`)."""
    return one_line(value)


def _tidy_or_none(value: str | None) -> str | None:
    return (tidy(value) or None) if value is not None else None


def tidy_record(record: Record) -> Record:
    """``record`` with every value :func:`tidy` (a value of layout whitespace alone is none).

    Without it a pretty-printed TBX term came in as ``"\\n   Cost of\\n   sales\\n"``: a
    headword over three lines, in a catalog ``msgfmt --check`` refuses (the msgstr begins
    with a newline, its msgid does not)."""
    return replace(
        record,
        id=_tidy_or_none(record.id),
        ms=_tidy_or_none(record.ms),
        en=_tidy_or_none(record.en),
        definition_ms=_tidy_or_none(record.definition_ms),
        definition_en=_tidy_or_none(record.definition_en),
        categories=tuple(tidy(c) for c in record.categories),
        categories_en=tuple(tidy(c) for c in record.categories_en),
        en_rejected=tuple(tidy(t) for t in record.en_rejected),
    )


def exported_form(text: str, fmt: ExchangeFormat) -> str:
    """``text`` as a reader gets it back from glossari's exporter of ``fmt`` (and tidied, as
    every imported value is: a translation with a double space is not edited by a round
    trip)."""
    if fmt in ("tbx-2008", "tbx-3"):
        return tidy(strip_controls(text))
    if fmt == "csv-weblate":
        return tidy(weblate_unescape(weblate_escape(text)))
    return tidy(unneutralise(neutralise(text)))


def same_text(existing: str, imported: str, fmt: ExchangeFormat) -> bool:
    """True when ``imported`` is ``existing`` as exported to ``fmt`` and read back, or the same
    text in another Unicode normalisation form: a spreadsheet or XML tool that composes
    ``e`` + U+0301 into ``é`` (NFC) has not edited the translation, and the catalog keeps its
    bytes.

    >>> same_text("Ekuiti pe\u0301rsendirian", "Ekuiti p\u00e9rsendirian", "csv")
    True
    """
    if existing == imported:
        return True
    exported = exported_form(existing, fmt)
    return (exported == imported
            or unicodedata.normalize("NFC", exported) == unicodedata.normalize("NFC", imported))
