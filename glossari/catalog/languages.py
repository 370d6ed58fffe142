"""Language codes: the one validator every command and the library use.

A code names a folder under ``locale/`` and a CLDR locale (plural forms, the language's name), so
it must be one Babel knows: ``en``, ``ms``, ``pt_BR`` or ``pt-BR``, ``sr@latin``.
"""

from __future__ import annotations

from glossari.errors import CatalogError

__all__ = ["ENGLISH_CODES", "MALAY_CODES", "check_language", "primary_language"]

MALAY_CODES: frozenset[str] = frozenset({"ms", "msa", "may", "zsm"})
"""Primary language subtags read as Malay (ISO 639-1, 639-2/T and /B, and Standard Malay)."""

ENGLISH_CODES: frozenset[str] = frozenset({"en", "eng"})
"""Primary language subtags read as English (ISO 639-1 and 639-2)."""


def primary_language(code: str) -> str:
    """The primary language subtag of a language code, lower case, whatever its region, script,
    encoding or modifier (a catalog's ``Language``, a TBX ``xml:lang``, a folder name).

    >>> [primary_language(c) for c in ("ms_MY", "EN-gb", "sr@latin", "ms_MY.UTF-8", " zsm ")]
    ['ms', 'en', 'sr', 'ms', 'zsm']
    """
    return code.strip().replace("-", "_").split("_")[0].split("@")[0].split(".")[0].lower()


def check_language(lang: str, *, path: str = "-l") -> str:
    """Return ``lang`` when Babel's CLDR data knows it; else raise :class:`CatalogError`.

    ``en``, ``ms``, ``pt_BR`` and ``pt-BR`` are accepted (the folder name is used as given).

    >>> check_language("en")
    'en'
    >>> check_language("english")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: unknown language code 'english'; \
use an ISO 639 code such as en, id or pt_BR
    """
    from babel import Locale, UnknownLocaleError

    hint = "use an ISO 639 code such as en, id or pt_BR"
    if not lang or "/" in lang or "\\" in lang or lang.startswith("."):
        raise CatalogError(f"unknown language code {lang!r}", path=path, hint=hint)
    try:
        Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise CatalogError(f"unknown language code {lang!r}", path=path, hint=hint) from None
    return lang
