"""Reading CSV termbases: glossari's own table columns, or Weblate's glossary columns.

The twin of :mod:`glossari.export.csvtable`. The header row says which:

- glossari's: the ``glossari table --format csv`` columns (``id,ms,en,kind,status,categories,
  definition_ms,definition_en,source``); any subset holding ``en`` and ``id`` or ``ms``.
- Weblate's: translate-toolkit's CSV columns, which Weblate imports and exports (``source``,
  ``target``, ``context``, ``id``, ``location``, ``fuzzy``, ``translator_comments``,
  ``developer_comments``); ``source`` and ``target`` are required. ``source`` is the Malay
  headword, ``target`` the ``-l`` one, ``context`` (else ``id``) the term id.

A row whose status is ``fuzzy`` or ``suggested`` (glossari's) or whose ``fuzzy`` is true
(Weblate's) is unconfirmed and never imported as a translation. A cell is read by the rule of
what wrote the file, which the header tells: in glossari's columns, the leading ``'`` glossari's
exporter puts before a formula trigger (``=``, ``+``, ``-``, ``@``, tab, carriage return) is
taken off; in Weblate's, the ``'...'`` Weblate's export wraps around a text starting with ``=``,
``+``, ``-``, ``@``, ``|`` or ``%``, and nothing else (a ``'-' sign`` a person typed keeps its
quote, as in Weblate).

The file must be UTF-8 without a byte-order mark, with a header row naming (in any
case) one layout's columns (Weblate's under any name translate-toolkit reads:
:data:`WEBLATE_ALIASES`); other named columns are ignored (``Termbase.ignored_columns``,
named once in the import's report), columns with no name (Excel's empty ones) while they
hold no text; anything else is refused with the file and line
(:class:`~glossari.exchange.records.ExchangeError`).

>>> text = 'source,target,context\\r\\nKos,Cost,kos\\r\\n"\\'=1+1\\'","\\'-\\' sign",x\\r\\n'
>>> base = parse_csv(text.encode(), source="w.csv")
>>> base.format, [(r.line, r.id, r.ms, r.en) for r in base.records]
('csv-weblate', [(2, 'kos', 'Kos', 'Cost'), (3, 'x', '=1+1', "'-' sign")])
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from glossari.catalog.languages import primary_language
from glossari.errors import InputError
from glossari.exchange._text import toolkit_unescape, unneutralise, weblate_unescape
from glossari.exchange.records import EnglishStatus, ExchangeError, Record, Termbase, read_file
from glossari.export.csvtable import CATEGORY_SEPARATOR
from glossari.export.rows import JSON_KEYS, STATUSES
from glossari.text import counted, decode_text, excerpt, quoted

__all__ = ["GLOSSARI_COLUMNS", "WEBLATE_ALIASES", "WEBLATE_COLUMNS", "load_csv", "parse_csv"]

GLOSSARI_COLUMNS: frozenset[str] = frozenset(JSON_KEYS)
"""The columns of ``glossari table --format csv``."""

WEBLATE_COLUMNS: frozenset[str] = frozenset({
    "source", "target", "context", "id", "location", "fuzzy", "translator_comments",
    "developer_comments",
})
"""translate-toolkit's CSV columns (Weblate's glossary import and export)."""

WEBLATE_ALIASES: dict[str, str] = {
    "original": "source", "untranslated": "source", "translated": "target",
    "translation": "target", "identified": "id", "key": "id", "label": "id",
    "translator comments": "translator_comments", "notes": "translator_comments",
    "developer comments": "developer_comments", "state": "fuzzy",
}
"""Other names translate-toolkit (so Weblate) reads as its columns (``csvl10n.fieldname_map``):
a file of its writers' older layouts, ``original,translation``, is read as Weblate's."""

_TRUE = frozenset({"true", "1", "yes", "y", "x", "fuzzy"})
"""A Weblate ``fuzzy`` cell that says fuzzy, in any case: every value translate-toolkit (so
Weblate) reads as fuzzy (``x`` too, a spreadsheet's tick, which was imported as confirmed)."""

_FALSE = frozenset({"", "false", "0", "no", "n"})
"""A Weblate ``fuzzy`` cell that says not fuzzy. Any other value is refused: a spreadsheet in
another language writes its own words for TRUE (LibreOffice in German: ``WAHR``), and a fuzzy
row read as not fuzzy was imported as a confirmed translation."""


def _decode(data: bytes, source: str) -> str:
    utf8_hint = "save the file as UTF-8 (in a spreadsheet: CSV UTF-8) without a byte-order mark"
    # a BOM is refused here, not dropped as decode_text drops it from a command's text: the
    # exchange format is UTF-8 without one (docs/exchange.md, as issue 15 asked)
    if data.startswith(b"\xef\xbb\xbf"):
        raise ExchangeError("the file starts with a byte-order mark", path=source, line=1,
                            hint="save it as UTF-8 without one (Excel's 'CSV UTF-8' writes one; "
                            "LibreOffice: CSV, character set UTF-8)")
    try:
        return decode_text(data, source=source)  # the one rule for UTF-8 text, NUL and UTF-16
    except InputError as error:
        raise ExchangeError(error.message, path=source, line=error.line,
                            hint=utf8_hint) from None


def _columns(header: list[str], source: str) -> tuple[str, dict[str, int], tuple[str, ...]]:
    """The file's layout (``csv`` or ``csv-weblate``), the column each name it reads is in, and
    the columns it does not read (a terminologist's ``notes`` beside glossari's columns):
    ignored, and named once in the report. A file with neither layout's columns is refused."""
    # a column without a name is a spreadsheet's: Excel saves every column of the used range,
    # so a cell typed in and cleared leaves "id,ms,en," and a "," at the end of every row
    names = [h.strip() for h in header]
    # a header is read in any case, as a person types it and a spreadsheet capitalises it
    # (`Source,Target,Context`, `ID,MS,EN`): both were refused as unknown columns
    keys = [n.casefold() for n in names]
    duplicates = sorted({k for k in keys if k and keys.count(k) > 1})
    if duplicates:
        raise ExchangeError(f"the header names the column {quoted(duplicates[0])} twice",
                            path=source, line=1, hint="keep one column of each name")
    index = {k: i for i, k in enumerate(keys) if k}
    given = set(index)
    if "en" in given and given & {"id", "ms"}:
        read = {k: i for k, i in index.items() if k in GLOSSARI_COLUMNS}
        return "csv", read, tuple(n for n, k in zip(names, keys, strict=True)
                                  if k and k not in GLOSSARI_COLUMNS)
    # translate-toolkit's other names for its columns (original, translation, notes)
    weblate: dict[str, int] = {}
    for key, i in index.items():
        column = WEBLATE_ALIASES.get(key, key)
        if column in weblate and column in WEBLATE_COLUMNS:
            raise ExchangeError(
                f"the header names the column {quoted(column)} twice, as "
                f"{quoted(names[weblate[column]])} and {quoted(names[i])}",
                path=source, line=1, hint="keep one column of each name")
        weblate[column] = i
    if {"source", "target"} <= set(weblate):
        read = {n: i for n, i in weblate.items() if n in WEBLATE_COLUMNS}
        return "csv-weblate", read, tuple(n for n, k in zip(names, keys, strict=True)
                                          if k and index[k] not in read.values())
    known = GLOSSARI_COLUMNS | WEBLATE_COLUMNS
    unknown = sorted(names[i] for k, i in index.items()
                     if k not in known and WEBLATE_ALIASES.get(k) not in WEBLATE_COLUMNS)
    mapped = set(weblate)
    # columns of one form with one it needs missing are named by what is missing: "'id',
    # 'definition_en' are neither glossari's nor Weblate's" said of two glossari columns
    glossari_form = bool(given & (GLOSSARI_COLUMNS - WEBLATE_COLUMNS)) or "ms" in given
    missing = (_missing(given, ("en",), ("id", "ms")) if glossari_form
               else _missing(mapped, ("source",), ("target",)) if mapped & WEBLATE_COLUMNS
               else None)
    form = "glossari's" if glossari_form else "Weblate's"
    parts = []
    if unknown:
        parts.append(f"unknown column{'s' if len(unknown) > 1 else ''} "
                     f"{', '.join(quoted(u) for u in unknown)}")
    if missing:
        parts.append(f"the header has {form} columns but no {missing} column")
    malay = next((names[index[k]] for k in sorted(given) if _names_malay(k)), None)
    if malay is not None:
        # memoQ's export and a terminologist's sheet name a column by its language (Malay,
        # Malay_Def, ms-MY): what the refusal said of 'Malay' was only 'unknown column'
        parts.append(f"the column {quoted(malay)} is named by its language, as memoQ and "
                     "spreadsheets name them: rename the Malay column ms (or source), the "
                     "translation's en (or target)")
    what = ("; ".join(parts) if parts
            else f"the columns {', '.join(quoted(n) for n in names)} are neither glossari's "
            "nor Weblate's")
    raise ExchangeError(
        f"not a termbase CSV: {what}", path=source, line=1,
        hint="the first row must name, in any case, glossari's columns (id,ms,en,kind,status,"
        "categories,definition_ms,definition_en,source; at least en and id or ms) or Weblate's "
        "(source or original, target or translation, context, id, fuzzy, ...; at least source "
        "and target); other columns are ignored",
    )


_MALAY_NAMES = frozenset({"malay", "melayu", "bahasa melayu", "bahasa malaysia"})


def _names_malay(key: str) -> bool:
    """Whether the column ``key`` (casefolded) is named by the Malay language, not by a layout:
    ``Malay``, ``Malay_Malaysia``, ``Malay_Def`` (memoQ), ``Bahasa Melayu``, ``ms-MY``.

    >>> [_names_malay(k) for k in ("malay", "malay_def", "ms-my", "zsm", "ms", "source")]
    [True, True, True, True, False, False]
    """
    words = key.replace("_", " ").replace("-", " ").split()
    if not words or key in GLOSSARI_COLUMNS | WEBLATE_COLUMNS:
        return False
    return (words[0] in _MALAY_NAMES or " ".join(words[:2]) in _MALAY_NAMES
            or primary_language(key) == "ms")


def _missing(given: set[str], *needed: tuple[str, ...]) -> str | None:
    """The first of ``needed`` (each a column, or columns either of which will do) that
    ``given`` lacks, named as a message says it (``'en'``, ``'id' or 'ms'``), or None."""
    for names in needed:
        if not given & set(names):
            return " or ".join(quoted(n) for n in names)
    return None


def parse_csv(data: bytes, *, source: str) -> Termbase:
    """Read CSV bytes (see the module documentation); raises ExchangeError on a bad file."""
    text = _decode(data, source)
    first = text.split("\n", 1)[0]
    if "," not in first and (";" in first or "\t" in first):
        # a spreadsheet's own CSV in a locale that separates with `;` quotes every cell too,
        # which the reader takes for a broken quote ("',' expected after '\"'")
        separator = "semicolons" if ";" in first else "tabs"
        raise ExchangeError(
            f"the columns are separated by {separator}, not commas", path=source, line=1,
            hint="save the file as comma-separated CSV (RFC 4180)",
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    # Python's reader refuses a cell of more than 131,072 characters ('field larger than field
    # limit'), which glossari's own export writes for a long definition: the file was refused
    # as malformed CSV. No cell is longer than the file, so that is its limit while it is read.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        start = 1  # the line the row being read starts on
        try:
            header = next(reader, None)
            if header is None:
                raise ExchangeError("the file is empty", path=source, line=1,
                                    hint="give a CSV file with a header row")
            fmt, index, ignored = _columns(header, source)
            escaped = fmt != "csv" and backslash_escaped(text)
            toolkit = fmt != "csv" and toolkit_layout(text)
            mixed = fmt != "csv" and not escaped and _mixed_backslashes(text)
            unnamed = [i for i, name in enumerate(header) if not name.strip()]
            fuzzy_column = header[index["fuzzy"]] if "fuzzy" in index else "fuzzy"
            records: list[Record] = []
            start = reader.line_num + 1
            for row in reader:
                line, start = start, reader.line_num + 1
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue  # a blank line
                if len(row) != len(header):
                    raise ExchangeError(
                        f"this row has {counted(len(row), 'cell')}, the header {len(header)}",
                        path=source,
                        line=line, hint="give every row one cell per column (quote cells that "
                        "hold commas)",
                    )
                for column in unnamed:
                    if row[column].strip():
                        raise ExchangeError(
                            f"this row has text in column {column + 1}, which the header does not "
                            f"name: {quoted(excerpt(row[column]))}", path=source, line=line,
                            hint="name the column in the first row, or move the text where it "
                            "belongs (nothing is read from a column without a name)",
                        )
                if mixed:
                    _refuse_lone_backslash(row, line, source)
                unescape = (unneutralise if fmt == "csv"
                            else toolkit_unescape if toolkit else weblate_unescape)
                cell = {name: unescape(unescaped(row[i]) if escaped else row[i])
                        for name, i in index.items()}
                records.append(_glossari_record(cell, line, source) if fmt == "csv"
                               else _weblate_record(cell, line, source, fuzzy_column))
        except csv.Error as error:
            # named by the line the row starts on: a quote left open is only noticed at the end of
            # the file ("unexpected end of data"), and its last line was named, not the bad row
            what = ("a quoted cell that starts in this row is never closed"
                    if "end of data" in str(error) else str(error))
            raise ExchangeError(f"malformed CSV: {what}", path=source, line=start,
                                hint="check the quoting of this row") from None
    finally:
        csv.field_size_limit(limit)
    return Termbase(source=source, format="csv" if fmt == "csv" else "csv-weblate",
                    records=tuple(records), ignored_columns=ignored)


_BACKSLASHES = re.compile(r"\\+")


def toolkit_layout(text: str) -> bool:
    """Whether ``text``, a CSV file in Weblate's columns, has the layout of translate-toolkit's
    own CSV writer (``po2csv``, a new translate-toolkit store, an older Weblate's export): the
    header quoted cell by cell and starting with its first column, ``"location"``, which no
    spreadsheet quotes, and which ``glossari table --csv-weblate`` and Weblate's export today
    do not write. Its cells are read as that writer meant them: :func:`backslash_escaped`,
    :func:`glossari.exchange._text.toolkit_unescape`."""
    return text.startswith('"location",')


def backslash_escaped(text: str) -> bool:
    """Whether ``text``, a CSV file in Weblate's columns, was written by translate-toolkit's own
    CSV dialect (``po2csv``, a new translate-toolkit store, an older Weblate's export), which
    writes each backslash of a cell twice: ``C:\\dana`` as ``"C:\\\\dana"``. Its layout says so:
    the header quoted cell by cell and starting with translate-toolkit's first column,
    ``"location"`` (which no spreadsheet quotes, and which ``glossari table --csv-weblate`` and
    Weblate's export today do not write), and every run of backslashes in the file even. A
    file re-saved by translate-toolkit after reading one, whose new cells hold a backslash
    once, has an odd run too: :func:`_mixed_backslashes`, refused.

    >>> backslash_escaped('"location","source","target"\\r\\n"","C:\\\\\\\\dana","x"\\r\\n')
    True
    >>> backslash_escaped('"location","source","target"\\r\\n"","C:\\\\dana","x"\\r\\n')
    False
    """
    return (toolkit_layout(text)
            and all(len(run) % 2 == 0 for run in _BACKSLASHES.findall(text)))


def _mixed_backslashes(text: str) -> bool:
    """Whether ``text``, a CSV file in Weblate's columns with translate-toolkit's layout (a
    header quoted cell by cell, starting with ``"location",``), holds both a run of backslashes
    of even length, as its dialect writes a backslash (``C:\\\\dana``), and one of odd length,
    which it never writes (``F\\und`` a person typed, or a new cell of a file translate-toolkit
    re-saved after reading one without its dialect). Neither reading is right for the whole
    file: read as written, every ``C:\\dana`` it escaped came back as ``C:\\\\dana`` (a conflict
    with the catalog, written by ``--force``); with each pair one backslash, a typed ``\\\\``
    would lose one. Such a file is refused, at its first row with a lone backslash.

    >>> _mixed_backslashes('"location","source","target"\\r\\n"","C:\\\\\\\\dana","F\\\\und"\\r\\n')
    True
    >>> _mixed_backslashes('"location","source","target"\\r\\n"","C:\\\\dana","F\\\\und"\\r\\n')
    False
    """
    if not toolkit_layout(text):
        return False
    parities = {len(run) % 2 for run in _BACKSLASHES.findall(text)}
    return parities == {0, 1}


def _refuse_lone_backslash(row: list[str], line: int, source: str) -> None:
    """Refuse the row at ``line`` of a :func:`_mixed_backslashes` file when one of its cells
    holds a run of backslashes of odd length."""
    for cell in row:
        lone = next((run for run in _BACKSLASHES.finditer(cell) if len(run.group()) % 2), None)
        if lone is not None:
            raise ExchangeError(
                f"a lone backslash in {quoted(excerpt(cell, at=lone.start()))}, in a file "
                "that writes each backslash twice (translate-toolkit's CSV, po2csv: "
                "'C:\\\\dana' for C:\\dana)",
                path=source, line=line,
                hint="write each backslash of this cell twice too, so that every cell of the "
                "file reads alike",
            )


def unescaped(cell: str) -> str:
    """A cell of a :func:`backslash_escaped` file as translate-toolkit's dialect (escape
    character ``\\``) reads it: each pair of backslashes one.

    >>> print(unescaped("C:\\\\\\\\dana \\\\\\\\\\\\\\\\ \\\\\\\\|x"))
    C:\\dana \\\\ \\|x
    """
    return cell.replace("\\\\", "\\")


def _value(cell: dict[str, str], name: str) -> str | None:
    value = cell.get(name)
    return value if value else None


def _glossari_record(cell: dict[str, str], line: int, source: str) -> Record:
    # in any case, as the fuzzy column is read: a spreadsheet's autocorrect writes `Translated`
    status = cell.get("status", "").strip().lower()
    if status and status not in STATUSES:
        # quoted as the file writes it ('bagus' was named for the cell's 'Bagus')
        raise ExchangeError(f"unknown status {quoted(cell['status'])}", path=source, line=line,
                            hint=f"use one of {', '.join(STATUSES)}, or leave it empty")
    # a terminologist who types an English headword into an untranslated row confirms it
    en_status: EnglishStatus = (
        "fuzzy" if status == "fuzzy" else "suggested" if status == "suggested" else "translated"
    )
    categories = cell.get("categories", "")
    return Record(
        line=line,
        id=_value(cell, "id"),
        ms=_value(cell, "ms"),
        en=_value(cell, "en"),
        en_status=en_status,
        en_confirmed=status in ("translated", "untranslated"),
        definition_ms=_value(cell, "definition_ms"),
        definition_en=_value(cell, "definition_en"),
        categories=tuple(categories.split(CATEGORY_SEPARATOR)) if categories else (),
    )


def _weblate_record(cell: dict[str, str], line: int, source: str,
                    fuzzy_column: str = "fuzzy") -> Record:
    flag = cell.get("fuzzy", "").strip()
    if flag.lower() not in _TRUE | _FALSE:
        # named as the header names the column: translate-toolkit reads `state` as `fuzzy`
        column = fuzzy_column.strip() or "fuzzy"
        raise ExchangeError(f"unknown {column} value {quoted(flag)} (read as fuzzy or not)"
                            if column != "fuzzy" else f"unknown fuzzy value {quoted(flag)}",
                            path=source, line=line,
                            hint="write True or False (as Weblate does), or leave it empty")
    fuzzy = flag.lower() in _TRUE
    return Record(
        line=line,
        id=_value(cell, "context") or _value(cell, "id"),
        ms=_value(cell, "source"),
        en=_value(cell, "target"),
        en_status="fuzzy" if fuzzy else "translated",
        en_confirmed="fuzzy" in cell and not fuzzy,
        definition_ms=_value(cell, "developer_comments"),
    )


def load_csv(path: Path, *, source: str | None = None) -> Termbase:
    """Read a CSV file (see :func:`parse_csv`); an unreadable file is an ExchangeError."""
    data, name = read_file(path, source)
    return parse_csv(data, source=name)
