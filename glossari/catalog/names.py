"""What a file in ``locale/LANG/LC_MESSAGES/`` is, by its name alone: a module of no imports,
so that the compiled termbase's freshness check, which every ``glossari.load`` takes, lists the
catalogs without importing the PO reader (:mod:`glossari.catalog.pofile`, its line-break tables
and file-writing helpers: about 6 MB of a lookup's 40)."""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["catalog_names", "is_catalog_name"]


def is_catalog_name(name: str) -> bool:
    """True when a file called ``name`` in ``locale/LANG/LC_MESSAGES/`` is a catalog (see
    :func:`catalog_names`).

    >>> [is_catalog_name(n) for n in ("glossary.po", ".#glossary.po", ".glossary.po",
    ...                               "glossary.po~", "glossary.pot")]
    [True, False, False, False, False]
    """
    return bool(catalog_names((name,)))


def catalog_names(names: Iterable[str]) -> list[str]:
    """The names of ``names`` that are catalogs when they name files in
    ``locale/LANG/LC_MESSAGES/``, in their order: a name ending in ``.po`` that does not begin
    with ``.`` (the one rule, shared by :func:`glossari.catalog.pofile.catalog_files` and the
    compiled termbase's freshness check, as :func:`glossari.seeds.folder.article_names` is the
    articles').

    >>> catalog_names(["glossary.po", "articles-k.po", ".#glossary.po", "glossary.pot"])
    ['glossary.po', 'articles-k.po']
    """
    # hidden files are editors', not catalogs: Emacs locks a catalog open in po-mode with a
    # dangling symbolic link `.#glossary.po`, and every command (compile, check, table, load)
    # stopped on it, "cannot read the catalog: No such file or directory"
    return [name for name in names if name[-3:] == ".po" and name[:1] != "."]
