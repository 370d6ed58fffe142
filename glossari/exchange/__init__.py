"""Termbase exchange: TBX and CSV files read back into the catalogs (the exporters' twins).

:func:`read_termbase` reads a file into neutral :class:`Record` values (TBX 2008, TBX v3,
glossari's CSV, Weblate's CSV); :func:`import_termbase` merges their target-language side into a
glossary's catalogs without losing a translator's work. See docs/exchange.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from glossari.exchange.merge import ImportReport, Outcome, import_termbase, match_record
from glossari.exchange.records import ExchangeError, ExchangeFormat, Record, Termbase

__all__ = ["ExchangeError", "ExchangeFormat", "ImportReport", "Outcome", "Record", "Termbase",
           "guess_kind", "import_termbase", "match_record", "read_termbase"]

FileKind = Literal["tbx", "csv"]


def guess_kind(path: Path | str) -> FileKind | None:
    """``tbx`` or ``csv`` from a file name's extension, or None.

    >>> guess_kind("terms.TBX"), guess_kind("weblate.csv"), guess_kind("terms.xml")
    ('tbx', 'csv', 'tbx')
    >>> guess_kind("notes.txt") is None
    True
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        return "tbx"
    if suffix == ".csv":
        return "csv"
    return None


_TABLE_EXPORTS = {".json": "a table in JSON", ".html": "a table in HTML",
                  ".htm": "a table in HTML", ".md": "a table in Markdown",
                  ".xlsx": "a spreadsheet (.xlsx)", ".ods": "a spreadsheet (.ods)"}
"""The tables ``glossari table`` (or a spreadsheet) writes that import does not read."""


def read_termbase(
    path: Path, *, kind: FileKind | None = None, lang: str = "en", source: str | None = None
) -> Termbase:
    """Read a TBX or CSV termbase (``kind`` from the extension when None).

    ``lang`` is the target language of a TBX file (CSV files do not name theirs). ``source``
    names the file in messages (default: the path). Raises :class:`ExchangeError`.
    """
    name = source if source is not None else str(path)
    kind = kind or guess_kind(path)
    if kind is None:
        # a missing file or a folder is named so, not as one whose name tells no format
        from glossari.exchange.records import require_file

        require_file(path, name)
        table = _TABLE_EXPORTS.get(Path(path).suffix.lower())
        if table is not None:
            # glossari's own table export, given back: renamed .csv as told, it was refused
            # again as a CSV with no header
            raise ExchangeError(
                f"{table}, which import does not read", path=name, line=1,
                hint="import the TBX or CSV export (glossari table --format tbx, or --format "
                "csv), or a sheet saved as CSV",
            )
        raise ExchangeError(
            "cannot tell the format from the file name", path=name,
            hint="name it .tbx or .csv, or give --from tbx or --from csv",
        )
    if kind == "tbx":
        from glossari.exchange.tbx import load_tbx

        return load_tbx(path, source=name, lang=lang)
    from glossari.exchange.csvfile import load_csv

    return load_csv(path, source=name)
