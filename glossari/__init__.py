"""glossari: Malay financial-dictionary articles to a translation-aligned Malay-English glossary.

>>> import glossari
>>> term = glossari.load().lookup("eksekutif akaun")
>>> term.title
'Eksekutif akaun'

The public names are re-exported here; everything else is private. Heavy dependencies
(markdown-it-py, PyYAML, Babel, langdetect) load only when first needed, so
``import glossari`` stays cheap.
"""

from __future__ import annotations

from glossari.errors import (
    CatalogError,
    ConfigError,
    GlossariError,
    InputError,
    RootError,
    SeedError,
)

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (13 ms)

if TYPE_CHECKING:
    from pathlib import Path

    from glossari.align.links import LinkRef
    from glossari.diagnostics import Finding
    from glossari.glossary import Glossary, TermbaseWarning, TermMatch
    from glossari.model import Block, English, Link, Location, Names, Section, Term
    from glossari.root import BUNDLED
    from glossari.termbase.reader import SearchHit

__version__ = "0.1.0"

__all__ = [
    "BUNDLED",
    "Block",
    "CatalogError",
    "ConfigError",
    "English",
    "Finding",
    "GlossariError",
    "Glossary",
    "InputError",
    "Link",
    "LinkRef",
    "Location",
    "Names",
    "RootError",
    "SearchHit",
    "Section",
    "SeedError",
    "Term",
    "TermMatch",
    "TermbaseWarning",
    "__version__",
    "load",
]

# Public names resolved on first use: `import glossari` must stay cheap (a command's start-up
# time is mostly imports), so even the dataclasses load only when somebody touches them.
_LAZY = {
    "Block": "glossari.model",
    "English": "glossari.model",
    "Link": "glossari.model",
    "Location": "glossari.model",
    "Names": "glossari.model",
    "Section": "glossari.model",
    "Term": "glossari.model",
    "Finding": "glossari.diagnostics",
    "Glossary": "glossari.glossary",
    "TermMatch": "glossari.glossary",
    # what Glossary's methods return and warn with: catchable and annotatable by their names
    "TermbaseWarning": "glossari.glossary",
    "LinkRef": "glossari.align.links",
    "SearchHit": "glossari.termbase.reader",
    "BUNDLED": "glossari.root",
}


def load(root: str | Path | None = None, *, lang: str | None = None) -> Glossary:
    """Load a glossary folder (one holding ``seeds/`` and ``locale/``) as a :class:`Glossary`.

    With ``root=None``: the current folder when it holds ``seeds/``, otherwise the glossary bundled
    with the package (``load(glossari.BUNDLED)`` reads that one wherever it runs); a
    :class:`RootError` naming the glossary folder when the current folder is inside one (its
    ``seeds/`` or ``build/``), rather than the bundled glossary's answers.
    ``lang`` names the catalog whose translations fill each term's English side; without it,
    the language the commands read without ``-l``: the first of the configuration's
    ``languages`` (``glossari.toml``), else ``en``.
    Raises a :class:`GlossariError` subclass (also a ``ValueError``) naming the file and line of
    the first unreadable input; a :class:`CatalogError`, as every command does, when ``lang`` is
    Malay, no language code (its ``path`` is ``lang``), or has no catalog while another language
    has some (``en_US`` for ``en``).

    >>> import glossari
    >>> glossary = glossari.load()
    >>> glossary.lookup("account executive").title
    'Eksekutif akaun'
    >>> glossary["finra"].kind, glossary["finra"].english.title
    ('link', 'FINRA')
    >>> with glossari.load(glossari.BUNDLED, lang="en") as bundled:
    ...     [hit.id for hit in bundled.search("komisen")]
    ['accountexecutive']
    """
    from glossari.glossary import load_glossary
    from glossari.root import resolve_root

    where = resolve_root(root)
    if lang is None:
        from glossari.config import default_language

        lang = default_language(where)
    else:  # named as the argument it is: the commands' '-l' is no part of a Python call
        from glossari.catalog.languages import check_translation_language

        if not isinstance(lang, str):
            raise TypeError(f"load's lang is a language code (a str, such as 'en'), "
                            f"not {type(lang).__name__}")

        check_translation_language(lang, path="lang")
    return load_glossary(where, lang=lang, strict=True)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'glossari' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # the public names and the module's own dunders: not TYPE_CHECKING or `annotations`, which
    # tab completion and help() offered as if they were API
    return sorted({n for n in globals() if n.startswith("__")} | set(__all__))
