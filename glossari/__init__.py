"""glossari: Malay financial-dictionary articles to a translation-aligned Malay-English glossary.

>>> import glossari
>>> term = glossari.load().lookup("eksekutif akaun")
>>> term.title
'Eksekutif akaun'

The public names are re-exported here; everything else is private. Heavy dependencies
(markdown-it-py, python-frontmatter, Babel, langdetect) load only when first needed, so
``import glossari`` stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from glossari.diagnostics import Finding
from glossari.errors import CatalogError, GlossariError, RootError, SeedError
from glossari.model import Block, English, Link, Location, Section, Term

if TYPE_CHECKING:
    from glossari.glossary import Glossary

__version__ = "0.1.0"

__all__ = [
    "Block",
    "CatalogError",
    "English",
    "Finding",
    "GlossariError",
    "Glossary",
    "Link",
    "Location",
    "RootError",
    "Section",
    "SeedError",
    "Term",
    "__version__",
    "load",
]


def load(root: str | Path | None = None, *, lang: str = "en") -> Glossary:
    """Load a glossary folder (one holding ``seeds/`` and ``locale/``) as a :class:`Glossary`.

    With ``root=None``: the current folder when it holds ``seeds/``, otherwise the glossary bundled
    with the package. ``lang`` names the catalog whose translations fill each term's English side.
    Raises a :class:`GlossariError` subclass (also a ``ValueError``) naming the file and line of
    the first unreadable input.
    """
    from glossari.glossary import load_glossary

    return load_glossary(root, lang=lang)


def __getattr__(name: str) -> object:
    # `glossari.Glossary` without importing markdown-it-py at `import glossari` time
    if name == "Glossary":
        from glossari.glossary import Glossary

        return Glossary
    raise AttributeError(f"module 'glossari' has no attribute {name!r}")
