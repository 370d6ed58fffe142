"""Reading the ``seeds/`` folder: every ``*.md`` article, each id once."""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Iterable
from pathlib import Path

from glossari.errors import SeedError
from glossari.model import Term
from glossari.root import real_path, relative_name
from glossari.seeds.source import check_regular_file

__all__ = [
    "MARKDOWN_SUFFIXES",
    "NOT_ARTICLES",
    "article_names",
    "article_paths",
    "id_letter",
    "is_article_name",
    "read_seeds",
    "unread_articles",
]

NOT_ARTICLES = frozenset({"readme"})
"""File stems (case-folded) in seeds/ that document the folder rather than define a term."""


def id_letter(term_id: str) -> str:
    """The letter a term is filed under: the id's first letter (``a`` to ``z``, any case), else
    ``0``. It names the term's body domain (``articles-<letter>``) and its part of the caches.

    >>> id_letter("accountexecutive"), id_letter("Kos"), id_letter("401k"), id_letter("Ébène")
    ('a', 'k', '0', '0')
    """
    first = term_id[:1].lower()
    return first if "a" <= first <= "z" else "0"


def is_article_name(name: str) -> bool:
    """True when a file called ``name`` in ``seeds/`` is an article (see :func:`article_names`).

    >>> [is_article_name(n) for n in ("kos.md", "Kos.MD", "README.md", ".#kos.md", "kos.txt")]
    [True, True, False, False, False]
    """
    return bool(article_names((name,)))


def article_names(names: Iterable[str]) -> list[str]:
    """The names of ``names`` that are articles when they name files in ``seeds/``, sorted (the
    one rule, shared by :func:`article_paths` and the compiled termbase's freshness check, which
    takes every name of ``seeds/`` at once on every load): a name ending in ``.md`` in any case
    (Windows and macOS match the extension in any case, so Linux must as well), not beginning
    with ``.`` (editors' files: Emacs's lock ``.#kos.md`` is a dangling link), whose stem is
    not one of :data:`NOT_ARTICLES` in any case (``README.md`` documents the folder).

    >>> article_names(["kos.md", "Kos.MD", "README.md", ".#kos.md", "kos.txt", "saham-saham.md"])
    ['Kos.MD', 'kos.md', 'saham-saham.md']
    """
    # No casefold of every name and no Python step a name (this runs for every article on every
    # termbase load): sorted first (the freshness check needs the order anyway), the endings
    # are tested in C, the hidden names are the one run between "." and "/" in that order, and
    # the few spellings of a stem that is no article are a set
    found = sorted(names)
    found = list(itertools.compress(found, map(str.endswith, found,
                                               itertools.repeat(_MD_ENDINGS))))
    del found[bisect.bisect_left(found, "."):bisect.bisect_left(found, "/")]
    if not _NOT_ARTICLE_NAMES.isdisjoint(found):
        found = [name for name in found if name not in _NOT_ARTICLE_NAMES]
    return found


_MD_SPELLINGS = frozenset({".md", ".mD", ".Md", ".MD"})
"""Every name ending that casefolds to ``.md`` (over all of Unicode, only ``M``/``m`` and
``D``/``d`` fold to ``m`` and ``d``; a test checks it)."""

_MD_ENDINGS = (".md", ".MD", ".Md", ".mD")
""":data:`_MD_SPELLINGS` for ``str.endswith``, the common one first."""


def _spellings(stem: str) -> frozenset[str]:
    """Every spelling of ``stem`` in upper and lower case letters, each with every ending of
    :data:`_MD_SPELLINGS`: the names whose stem casefolds to ``stem``, when no other character
    casefolds to a part of it (a test checks it for :data:`NOT_ARTICLES`)."""
    spellings = [""]
    for letter in stem:
        spellings = [s + c for s in spellings for c in {letter, letter.upper()}]
    return frozenset(s + ending for s in spellings for ending in _MD_SPELLINGS)


_NOT_ARTICLE_NAMES = frozenset().union(*map(_spellings, NOT_ARTICLES))
"""Every file name of ``seeds/`` whose stem is one of :data:`NOT_ARTICLES` in some case."""


def article_paths(seeds: Path, *, base: Path) -> list[tuple[Path, str]]:
    """The article files under ``seeds`` as ``(path, source name)``, sorted by name.

    ``README.md`` is documentation, not an article, and is skipped, as are hidden files
    (``.#kos.md``). The extension matches in any case (``Kos.MD``). Two files whose ids differ
    only in case are refused: they collide on case-insensitive file systems and in lookups.

    Source names are relative to ``base`` (``seeds/accountexecutive.md``). A symbolic link that
    leads outside ``seeds/`` is refused: a glossary must not read files it does not own.
    """
    if not seeds.is_dir():
        raise SeedError("no seeds/ folder", path=seeds.as_posix(),
                        hint="create it and put the articles (*.md) in it")
    real_seeds = real_path(seeds)
    found: list[tuple[Path, str]] = []
    seen: dict[str, str] = {}
    # os.scandir and names, not Path objects: listing 30,000 articles is on the path of every
    # compiled-termbase load (its freshness check), and Path sorting and lstat calls cost seconds
    try:
        with os.scandir(seeds) as listing:
            every = {entry.name: entry for entry in listing}
        entries = [every[name] for name in article_names(every)]
    except OSError as error:  # another user's seeds/ (mode 700): its articles cannot be listed
        raise SeedError(f"cannot read the folder: {error.strerror}",
                        path=relative_name(seeds, base),
                        hint="check that you may read the folder and enter it") from None
    for entry in entries:
        stem = os.path.splitext(entry.name)[0]
        folded = stem.casefold()
        path = seeds / entry.name
        name = relative_name(path, base)
        if folded in seen:
            raise SeedError(
                f"the id '{stem}' differs only in case from {seen[folded]}",
                path=name, hint="rename one of the two files",
            )
        seen[folded] = name
        if entry.is_symlink():
            target = real_path(path)
            if not target.is_relative_to(real_seeds):
                raise SeedError(
                    f"a symbolic link to {target}, outside seeds/",
                    path=name, hint="copy the article into seeds/ instead of linking to it",
                )
        # a FIFO, a device or a huge file is refused here, before any command opens it
        check_regular_file(path, source=name)
        found.append((path, name))
    if not found:
        raise _no_article(seeds, base=base)
    return found


def _no_article(seeds: Path, *, base: Path) -> SeedError:
    """The error of a ``seeds/`` folder holding no article: read as an empty glossary, it gave
    an empty table, search, site and termbase with exit 0, and ``extract`` emptied the
    templates, when ``--root`` named the wrong folder or the articles were misnamed."""
    where = relative_name(seeds, base)
    unread = unread_articles(seeds, base=base)
    if unread:
        name, why = unread[0]
        told = ("is in a subfolder (the articles are the files directly in seeds/)"
                if why == "folder" else "is not named *.md")
        more = {1: "", 2: ", nor is 1 more file"}.get(len(unread),
                                                     f", nor are {len(unread) - 1} more files")
        return SeedError(f"no article in the folder: {name} {told} and is not read{more}",
                         path=where,
                         hint="move or rename the articles to seeds/<id>.md")
    return SeedError("no article in the folder", path=where,
                     hint="add one (seeds/<id>.md), or name the glossary folder whose seeds/ "
                          "holds the articles (--root DIR; glossari.load(DIR), or "
                          "glossari.BUNDLED for the bundled one)")


MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn")
"""Other extensions of Markdown files: an article so named is not read (``S112``)."""


def unread_articles(seeds: Path, *, base: Path) -> list[tuple[str, str]]:
    """The files under ``seeds`` that look like articles but are not read, sorted, each as
    ``(source name, why)``: why is ``folder`` (an article in a subfolder; the articles are the
    files directly in ``seeds/``) or ``suffix`` (a Markdown file not named ``*.md``). Hidden
    folders (``.git``) and files are skipped.

    Only ``check`` asks (``S112``): a glossary load never walks the subfolders.
    """
    found: list[tuple[str, str]] = []
    if not seeds.is_dir():
        return found
    for folder, folders, files in os.walk(seeds):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        nested = Path(folder) != seeds
        for name in sorted(files):
            if name.startswith("."):
                continue
            if name.casefold().endswith(MARKDOWN_SUFFIXES):
                found.append((relative_name(Path(folder) / name, base), "suffix"))
            elif nested and is_article_name(name):
                found.append((relative_name(Path(folder) / name, base), "folder"))
    return sorted(found)


def read_seeds(seeds: Path, *, base: Path) -> tuple[Term, ...]:
    """Read every article in ``seeds``, in file-name order (see :func:`article_paths`)."""
    # imported here: listing the articles (the termbase's freshness check) needs no parser
    from glossari.seeds.article import read_article

    return tuple(read_article(path, source=name) for path, name in article_paths(seeds, base=base))


