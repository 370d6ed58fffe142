"""Termbase exchange: TBX and CSV files read back into the catalogs (the exporters' twins).

:func:`read_termbase` reads a file into neutral :class:`Record` values (TBX 2008, TBX v3,
glossari's CSV, Weblate's CSV); :func:`import_termbase` merges their target-language side into a
glossary's catalogs without losing a translator's work. See docs/exchange.md.
"""

from __future__ import annotations

import re
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

_CATALOGS = {".po": "a gettext catalog (.po)", ".pot": "a gettext template (.pot)",
             ".mo": "a compiled gettext catalog (.mo)"}
"""gettext's own files, which a translator edits in place: import reads a termbase, not them."""


def _catalog_hint(path: Path, lang: str) -> str:
    """What to do with a gettext file given to import: a catalog's translations are merged
    into the language's catalog of its domain (its own name when it is one of glossari's
    domains, else ``glossary.po``), a ``.mo`` turned back into a ``.po`` first; a template
    holds none.

    >>> print(_catalog_hint(Path("dari-penterjemah/articles-s.po"), "en"))
    merge its translations into locale/en/LC_MESSAGES/articles-s.po (msgcat --use-first \
articles-s.po locale/en/LC_MESSAGES/articles-s.po -o locale/en/LC_MESSAGES/articles-s.po), then \
run 'glossari update -l en'
    """
    if path.suffix.lower() == ".pot":
        return ("a template holds no translation: import the termbase's TBX or CSV export "
                "(glossari table --format tbx -o glossary.tbx, edited)")
    stem = path.stem
    domain = stem if stem == "glossary" or re.fullmatch(r"articles-[a-z0]", stem) else "glossary"
    catalog = f"locale/{lang}/LC_MESSAGES/{domain}.po"
    given = path.name
    first = ""
    if path.suffix.lower() == ".mo":
        given = f"{stem}.po"
        first = f"turn it back into a catalog (msgunfmt {path.name} -o {given}), then "
    return (f"{first}merge its translations into {catalog} (msgcat --use-first {given} "
            f"{catalog} -o {catalog}), then run 'glossari update -l {lang}'")


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
        catalog = _CATALOGS.get(Path(path).suffix.lower())
        if catalog is not None:
            # a translator's catalog sent back (Poedit, Weblate's download): it was told to
            # be renamed .tbx or .csv, and then refused as neither
            raise ExchangeError(
                f"{catalog}, which import does not read (it reads a TBX or CSV termbase)",
                path=name, line=1, hint=_catalog_hint(Path(name), lang),
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
