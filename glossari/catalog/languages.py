"""Language codes: the one validator every command and the library use.

A code names a folder under ``locale/`` and a CLDR locale (plural forms, the language's name), so
it must be one Babel knows: ``en``, ``ms``, ``pt_BR`` or ``pt-BR``, ``sr@latin``.
"""

from __future__ import annotations

from glossari.errors import CatalogError

__all__ = ["check_language"]


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
