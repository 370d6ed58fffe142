"""What a file in ``locale/LANG/LC_MESSAGES/`` is, by its name alone: a module of no imports,
so that the compiled termbase's freshness check, which every ``glossari.load`` takes, lists the
catalogs without importing the PO reader (:mod:`glossari.catalog.pofile`, its line-break tables
and file-writing helpers: about 6 MB of a lookup's 40)."""

from __future__ import annotations

__all__ = ["is_catalog_name"]


def is_catalog_name(name: str) -> bool:
    """True when a file called ``name`` in ``locale/LANG/LC_MESSAGES/`` is a catalog: its name
    ends in ``.po`` and does not begin with ``.`` (the one rule, shared by
    :func:`glossari.catalog.pofile.catalog_files` and the compiled termbase's freshness check,
    as :func:`glossari.seeds.folder.is_article_name` is the articles').

    >>> [is_catalog_name(n) for n in ("glossary.po", ".#glossary.po", ".glossary.po",
    ...                               "glossary.po~", "glossary.pot")]
    [True, False, False, False, False]
    """
    # hidden files are editors', not catalogs: Emacs locks a catalog open in po-mode with a
    # dangling symbolic link `.#glossary.po`, and every command (compile, check, table, load)
    # stopped on it, "cannot read the catalog: No such file or directory"
    return name.endswith(".po") and not name.startswith(".")
