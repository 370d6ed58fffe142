"""Language codes: the one validator every command and the library use.

A code names a folder under ``locale/`` and a CLDR locale (plural forms, the language's name), so
it must be one Babel knows: ``en``, ``ms``, ``pt_BR`` or ``pt-BR``, ``sr@latin``.
"""

from __future__ import annotations

from glossari.errors import CatalogError

__all__ = ["ENGLISH_CODES", "MALAY_CODES", "check_language", "check_translation_language",
           "primary_language"]

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
    """Return ``lang`` when Babel's CLDR data knows it and it is written as gettext names its
    ``locale/`` folders; else raise :class:`CatalogError`.

    One language has one spelling, so that it has one folder: ``-l EN`` made ``locale/EN`` beside
    ``locale/en`` (one folder on macOS and Windows), ``-l pt-BR`` a ``locale/pt-BR`` that gettext
    programs never look in. Such a code is refused with its spelling (``en``, ``pt_BR``), as is
    the POSIX locale ``C``, which is no language.

    >>> check_language("pt_BR")
    'pt_BR'
    >>> check_language("pt-BR")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: the language code 'pt-BR' is written 'pt_BR' in locale/; \
use 'pt_BR'
    >>> check_language("english")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: unknown language code 'english'; \
use an ISO 639 code such as en, id or pt_BR
    """
    from babel import Locale, UnknownLocaleError

    hint = "use an ISO 639 code such as en, id or pt_BR"
    if (not lang or "/" in lang or "\\" in lang or lang.startswith(".")
            or lang.upper() in {"C", "POSIX"} or lang.upper().startswith(("C.", "POSIX."))):
        raise CatalogError(f"unknown language code {lang!r}", path=path, hint=hint)
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise CatalogError(f"unknown language code {lang!r}", path=path, hint=hint) from None
    # a code with no region gets none (Babel expands the aliases `eng` and `msa` to en_US, ms_MY)
    spelled = str(locale) if "_" in lang or "-" in lang or "@" in lang else locale.language
    if spelled != lang:
        raise CatalogError(f"the language code {lang!r} is written {spelled!r} in locale/",
                           path=path, hint=f"rename the folder locale/{spelled}"
                           if path.startswith("locale/") else f"use {spelled!r}")
    return lang


def check_translation_language(lang: str, *, path: str = "-l") -> str:
    """:func:`check_language`, and not Malay: the articles are written in Malay, so Malay is no
    language to translate them into (``update -l ms`` made Malay-to-Malay catalogs that
    ``check`` then counted as 0% translated, ``table -l ms`` a Malay | Malay table).

    >>> check_translation_language("en")
    'en'
    >>> check_translation_language("ms_MY")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: 'ms_MY' is Malay, the language of the articles; \
give the language they are translated into, such as en
    """
    check_language(lang, path=path)
    if primary_language(lang) in MALAY_CODES:
        raise CatalogError(f"{lang!r} is Malay, the language of the articles", path=path,
                           hint="give the language they are translated into, such as en")
    return lang

