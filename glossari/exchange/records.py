"""What every termbase reader returns: neutral records, one per concept in the file.

A :class:`Record` holds what a TBX entry or a CSV row says about one term, in glossari's terms
(id, Malay and target-language headwords and definitions, categories) with the line it starts
on. Readers only read; :mod:`glossari.exchange.merge` decides what a record changes.

>>> r = Record(line=3, id="kos", ms="Kos", en="Cost")
>>> r.id, r.en, r.en_status
('kos', 'Cost', 'translated')
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from glossari.errors import GlossariError
from glossari.root import file_kind

__all__ = ["ENGLISH_STATUSES", "EnglishStatus", "ExchangeError", "ExchangeFormat", "Record",
           "Termbase", "read_file", "require_file"]

EnglishStatus = Literal["translated", "fuzzy", "suggested"]
"""How far a record's target headword can be trusted: ``translated`` (confirmed: any value a
third-party file gives without saying otherwise), ``fuzzy`` (needs review) or ``suggested``
(glossari's own slug-derived guess). Only ``translated`` values are ever imported."""

ENGLISH_STATUSES: tuple[EnglishStatus, ...] = ("translated", "fuzzy", "suggested")
"""Every :data:`EnglishStatus`."""

ExchangeFormat = Literal["tbx-2008", "tbx-3", "csv", "csv-weblate"]
"""Which form a file was: TBX 2008 (``martif``), TBX v3, glossari's CSV, Weblate's CSV."""


class ExchangeError(GlossariError):
    """A termbase file (TBX, CSV) cannot be read: ``path:line: what; what to do``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """One concept of a termbase file, as glossari reads it."""

    line: int = field(compare=False)
    """1-based line where the entry (TBX) or row (CSV) starts."""
    id: str | None = None
    """The term id the file gives (TBX entry id, CSV ``id`` or Weblate ``context``), or None."""
    ms: str | None = None
    """Malay headword, or None."""
    en: str | None = None
    """Target-language (``-l``) headword, or None."""
    en_status: EnglishStatus = "translated"
    """How far ``en`` can be trusted (see :data:`EnglishStatus`)."""
    en_confirmed: bool = False
    """True when the file itself says ``en`` is confirmed (a glossari CSV ``status`` of
    ``translated`` or ``untranslated``, a Weblate CSV ``fuzzy`` of false, a TBX preferred
    term), not only by giving it: an English that is the glossary's own slug suggestion is
    imported only then."""
    definition_ms: str | None = None
    """Malay definition, or None."""
    definition_en: str | None = None
    """Target-language definition, or None."""
    categories: tuple[str, ...] = ()
    """Categories as the file gives them for the concept (glossari's exports write the Malay
    ones)."""
    categories_en: tuple[str, ...] = ()
    """Target-language categories, where the file gives them in the target language's own
    section (TBX ``<descrip type="subjectField">`` inside the ``-l`` language section)."""
    en_rejected: tuple[str, ...] = ()
    """Target-language terms the file marks deprecated, superseded, obsolete or forbidden (TBX
    ``administrativeStatus`` or ``normativeAuthorization``): never imported, but a catalog
    translation among them is reported."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Termbase:
    """A whole termbase file, read."""

    source: str
    """The file, as named in messages."""
    format: ExchangeFormat
    """Which form it was."""
    records: tuple[Record, ...]
    """Its concepts, in file order."""
    ignored_columns: tuple[str, ...] = ()
    """CSV columns the file has that its layout does not read (a terminologist's ``notes``),
    in file order: ignored, and named once in the import's report."""


def read_file(path: Path, source: str | None = None) -> tuple[bytes, str]:
    """The bytes of a termbase file and its name for messages (``source``, default the path);
    an unreadable file is an :class:`ExchangeError`."""
    name = source if source is not None else str(path)
    require_file(path, name)
    try:
        return path.read_bytes(), name
    except OSError as error:
        raise ExchangeError(f"cannot read the file: {error.strerror}", path=name,
                            hint="check the path") from None


def require_file(path: Path, name: str) -> None:
    """Refuse (:class:`ExchangeError`) a ``path`` that is missing, unreadable, or no file a
    termbase can be read from (a folder, a device), without reading it."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if str(path) == "-":  # `table -o -` writes standard output, `find -` reads its input
            raise ExchangeError("'-' names standard input, which import does not read",
                                path=name, hint="give the file's path (or /dev/stdin, with "
                                "--from tbx or --from csv)") from None
        raise ExchangeError(f"cannot read the file: {error.strerror}", path=name,
                            hint="check the path") from None
    # a device (/dev/zero, /dev/urandom) never ends: read whole, it took every byte of
    # memory (23 GB) before an internal MemoryError. A pipe (`<(curl ...)`, /dev/stdin) ends.
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise ExchangeError(f"{file_kind(mode)}, not a termbase file", path=name,
                            hint="give a .tbx or .csv file")
