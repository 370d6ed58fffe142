"""The subcommands of ``glossari``: one module each, with ``configure`` and ``run``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossari.commands._context import Context
    from glossari.glossary import Glossary
    from glossari.root import GlossaryRoot

__all__ = ["language_or_default", "read_glossary", "text_argument"]


def language_or_default(root: GlossaryRoot, lang: str | None) -> str:
    """``lang`` as given with ``-l``, else the default language of the glossary at ``root``:
    the first of the configuration's ``languages``, else ``en``
    (:func:`glossari.config.default_language`). The configuration is read only when ``lang``
    is None."""
    if lang is not None:
        return lang
    from glossari.config import default_language

    return default_language(root)


def text_argument(value: str, *, name: str) -> str:
    """A text given as an argument (``show TERM``, ``search QUERY``, ``find TEXT``,
    ``table --category C``), read by the one rule for text (:func:`glossari.text.decode_text`).

    In a locale that is not UTF-8 (``LC_ALL=C`` with ``PYTHONUTF8=0``, an ISO-8859-1 system),
    Python hands over the bytes of ``Ékuiti`` escaped (``surrogateescape``): ``show`` stopped
    with an internal ``UnicodeEncodeError`` and ``search`` found nothing. Bytes that are not
    UTF-8 are one line naming ``name``.
    """
    import os

    from glossari.text import decode_text

    return decode_text(os.fsencode(value), source=name)


def read_glossary(
    ctx: Context, lang: str | None = None, *, root: GlossaryRoot | None = None
) -> Glossary:
    """The glossary for a command that reads it (``show``, ``table``, ``search``, ``find``,
    ``termcheck``, ``site``, ``import``): from the compiled termbase when fresh, else from the
    sources, saying so on standard error when it is a terminal (a person can run ``glossari
    compile``; a script reading the output needs no extra line). ``root`` defaults to
    ``ctx.root()``; ``lang`` defaults to the glossary's language (:func:`language_or_default`:
    ``find`` and ``termcheck`` read a glossary translated into French only with ``fr``). A
    language without catalogs while others have some is an error
    (:func:`~glossari.catalog.translations.require_catalogs`)."""
    import warnings

    from glossari.catalog.translations import require_catalogs
    from glossari.glossary import TermbaseWarning, load_glossary

    where = ctx.root() if root is None else root
    lang = language_or_default(where, lang)
    require_catalogs(where, lang)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TermbaseWarning)
        glossary = load_glossary(where, lang=lang)
    for warning in caught:
        if issubclass(warning.category, TermbaseWarning):
            isatty = getattr(ctx.stderr, "isatty", None)
            if isatty is not None and isatty():
                print(f"glossari: note: {warning.message}", file=ctx.stderr)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename,
                                 warning.lineno)
    return glossary
