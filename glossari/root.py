"""Where the glossary lives: a folder holding ``seeds/`` and ``locale/``.

Resolution order, as the command line documents it: an explicit folder; else the current folder
when it holds ``seeds/``; else the glossary bundled inside the package, which is read-only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from glossari.errors import RootError
from glossari.text import shell_path

__all__ = ["CACHE_DIR", "GlossaryRoot", "bundled_root", "file_kind", "named_path", "real_path",
           "resolve_root"]

CACHE_DIR = ".glossari-cache"
"""The folder of derived state under a glossary root (rebuildable; ignored by git; delete it at
will). The one name of it: every cache and lock of glossari lives under it."""

_PACKAGE_DIR = Path(__file__).resolve().parent


def real_path(path: Path | str) -> Path:
    """``path`` absolute, its symbolic links and ``..`` followed, as ``Path.resolve()`` makes
    it, except that a loop of links is left as it is (the ``OSError`` comes, with the file's
    name, from whatever opens it), as Python 3.13 does: 3.11 and 3.12 raise ``RuntimeError``,
    which reached users as an internal error (``ln -s a b; ln -s b a``).

    >>> real_path("/tmp/../tmp") == real_path("/tmp")
    True
    """
    return Path(os.path.realpath(path))


@dataclass(frozen=True, slots=True, kw_only=True)
class GlossaryRoot:
    """A glossary folder and whether glossari may write into it."""

    path: Path
    """The folder holding ``seeds/`` and ``locale/``."""
    bundled: bool = False
    """True for the glossary shipped inside the package: commands must not write there."""

    @property
    def seeds(self) -> Path:
        """The ``seeds/`` folder."""
        return self.path / "seeds"

    @property
    def locale(self) -> Path:
        """The ``locale/`` folder."""
        return self.path / "locale"

    def catalogs(self, lang: str) -> Path:
        """The folder of ``lang``'s catalogs: ``locale/LANG/LC_MESSAGES``."""
        return self.locale / lang / "LC_MESSAGES"

    def require_writable(self, what: str) -> None:
        """Raise :class:`RootError` when ``what`` would write into the bundled glossary."""
        if self.bundled:
            raise RootError(
                f"{what} would write into the glossary bundled with glossari, which is read-only",
                path=str(self.path),
                hint="run it in a glossary folder holding seeds/, or pass --root DIR",
            )

    def require_output(self, path: Path | str, what: str) -> None:
        """Raise :class:`RootError` when ``what`` writing ``path`` (a file, or a folder and what
        goes in it) would land in ``seeds/``, in ``locale/`` or in the bundled glossary.

        Links are followed first: ``-o alias`` where ``alias`` leads to ``seeds/`` is refused too.
        ``seeds/`` holds the authors' Malay sources, which no command ever writes; ``locale/``
        the translators' catalogs, which only the catalog commands write, under their lock (a
        slip such as ``table -o locale/en/LC_MESSAGES/glossary.po`` would replace a catalog).
        """
        target = real_path(path)
        for kept, holds in ((self.seeds, "the Malay source articles"),
                            (self.locale, "the translators' catalogs")):
            if target.is_relative_to(real_path(kept)):
                raise RootError(
                    f"{what} would write into {kept.name}/, which holds {holds}",
                    path=str(path), hint="choose an output outside seeds/ and locale/",
                )
        if self.bundled and target.is_relative_to(real_path(self.path)):
            self.require_writable(what)


def bundled_root() -> GlossaryRoot:
    """The glossary shipped with the package.

    In a wheel the data lives in ``glossari/_bundle``; in a source checkout it is the checkout's
    own ``seeds/`` and ``locale/``.
    """
    inside = _PACKAGE_DIR / "_bundle"
    if (inside / "seeds").is_dir():
        return GlossaryRoot(path=inside, bundled=True)
    return GlossaryRoot(path=_PACKAGE_DIR.parent, bundled=True)


BUNDLED: Path = bundled_root().path
"""The folder of the glossary bundled with the package: ``glossari.load(glossari.BUNDLED)``
reads it whatever the current folder holds (``load()`` with no argument reads the current
folder's glossary when it holds ``seeds/``, as a web project's database seeds folder may)."""


def named_path(value: str, *, name: str) -> str:
    """``value``, a file or folder name a user gave, or :class:`~glossari.errors.InputError`
    naming ``name`` when it is empty (or only spaces): ``Path("")`` is the current folder, so an
    unset variable (``glossari.load(os.environ.get("GLOSSARY", ""))``, ``glossari init
    "$DIR"``) meant wherever the program stood.

    >>> named_path("kamus", name="root")
    'kamus'
    >>> named_path(" ", name="root")
    Traceback (most recent call last):
    ...
    glossari.errors.InputError: root: an empty file or folder name; give one ('.' for the \
current folder)
    """
    if not value.strip():
        from glossari.errors import InputError

        raise InputError("an empty file or folder name", path=name,
                         hint="give one ('.' for the current folder)")
    return value


def resolve_root(root: str | Path | None = None, *, cwd: Path | None = None) -> GlossaryRoot:
    """Find the glossary folder the way ``glossari --root`` does.

    Raises :class:`RootError` when an explicit ``root`` has no ``seeds/`` folder, and, without
    one, when the current folder is inside a glossary folder (a folder above it holds ``seeds/``
    and ``locale/``) rather than one itself.
    """
    if root is not None:
        path = Path(named_path(root, name="root") if isinstance(root, str) else root)
        if not (path / "seeds").is_dir():
            # `--root g/seeds`, `--root g/locale`: name the glossary folder it is inside
            folder = _glossary_above(path, bundled=False) if path.is_dir() else None
            if folder is not None:
                raise RootError(
                    f"this folder is inside the glossary folder {folder}, not one itself",
                    path=str(path),
                    hint=f"pass --root {shell_path(str(folder))} "
                         f"(in Python, glossari.load({str(folder)!r}))",
                )
            raise RootError(_not_a_glossary(path), path=str(path), hint=_GIVE_A_GLOSSARY)
        shipped = bundled_root()
        if shipped.path.name == "_bundle" and real_path(path) == real_path(shipped.path):
            # the wheel's own glossary named by its folder (`glossari.load(glossari.BUNDLED)`,
            # `--root` given that path) is the bundled one, read-only: it was taken for a
            # glossary of the user's, and `extract`, `update`, `check`'s cache wrote into the
            # installed package. A source checkout's glossary is its maintainers' own.
            return shipped
        return GlossaryRoot(path=path)
    here = cwd if cwd is not None else Path.cwd()
    if (here / "seeds").is_dir():
        return GlossaryRoot(path=here)
    # inside a glossary folder (its seeds/, locale/, build/): the bundled glossary would
    # answer in its place, and `check` pass or `show` miss every term without a word
    folder = _glossary_above(here, bundled=True)
    if folder is not None:
        raise RootError(
            f"this folder is inside the glossary folder {folder}, not one itself",
            path=str(here),
            # the folder as a command names it, to be pasted (`Glosari Kewangan` quoted)
            hint=f"run glossari in {folder}, or pass --root {shell_path(str(folder))} "
                 "(in Python, glossari.load(root=...))",
        )
    return bundled_root()


_GIVE_A_GLOSSARY = ("give the glossary folder holding seeds/ and locale/ (glossari --root DIR, "
                    "glossari.load(DIR)), or start one with 'glossari init DIR'")
"""What to do about a folder that is no glossary: the same for the command line and Python,
which reach it alike (``--root`` was all it named, in ``glossari.load``'s error too)."""


def _not_a_glossary(path: Path) -> str:
    """What is wrong with ``path``, given as a glossary folder without ``seeds/``: a path to
    nothing was told it had 'no seeds/ folder here', as if it were a folder."""
    try:
        if not path.exists():
            return "no such folder"
        if not path.is_dir():
            return "not a folder"
    except OSError as error:  # a path the system refuses to look at (too long, no permission)
        return f"cannot look at it: {error.strerror}"
    return "no seeds/ folder here"


def _glossary_above(path: Path, *, bundled: bool) -> Path | None:
    """The nearest folder above ``path`` holding ``seeds/`` and ``locale/`` (a glossary folder
    ``path`` is inside of), or None; the bundled glossary's only when ``bundled`` is false (from
    inside the installed package, the current folder falls back on it instead)."""
    bundled_path = bundled_root().path.resolve()
    for folder in path.parents:
        if ((folder / "seeds").is_dir() and (folder / "locale").is_dir()
                and (not bundled or folder.resolve() != bundled_path)):
            return folder
    return None


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, from its ``st_mode``, for a message that
    refuses it before reading (a FIFO blocks on ``open``, a device never ends).

    >>> import stat
    >>> file_kind(stat.S_IFDIR), file_kind(stat.S_IFIFO), file_kind(stat.S_IFCHR)
    ('a folder', 'a named pipe (FIFO)', 'a device')
    """
    import stat

    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    return "a socket" if stat.S_ISSOCK(mode) else "a device"


def relative_name(path: Path, base: Path, *, resolve: bool = False) -> str:
    """How a diagnostic names ``path``: relative to ``base`` in POSIX form, or the path itself when
    it lies elsewhere. ``resolve`` compares the real paths (links and ``..`` followed), for paths a
    user typed.

    >>> relative_name(Path("g/seeds/a.md"), Path("g"))
    'seeds/a.md'
    >>> relative_name(Path("/elsewhere/a.md"), Path("g"))
    '/elsewhere/a.md'
    """
    try:
        inside = (real_path(path).relative_to(real_path(base)) if resolve
                  else path.relative_to(base))
    except ValueError:
        return path.as_posix()
    return inside.as_posix()
