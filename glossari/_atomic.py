"""Atomic file writes and an advisory lock, so no reader ever sees half a file.

A write goes to a temporary file in the same folder (same file system, so the rename is atomic),
is flushed and fsynced, takes the old file's permission bits, and replaces the old file with
``os.replace``. A process killed in the middle leaves the previous file intact (and at worst a
stray ``.*.tmp`` file). A file whose bytes would not change is not touched at all, so its mtime
stays and tools watching it see nothing.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "x.po"
>>> atomic_write_text(target, "a\\n"), atomic_write_text(target, "a\\n")
(True, False)
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from glossari.errors import CatalogError

__all__ = [
    "StagedWrites",
    "Writer",
    "atomic_write_bytes",
    "atomic_write_text",
    "locked",
    "write_streamed",
]


def atomic_write_bytes(path: Path | str, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False (file untouched) when it already holds it."""
    target = Path(path)
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    except OSError as error:
        raise CatalogError(
            f"cannot read {target.name}: {error.strerror}", path=str(target), hint="check the path"
        ) from None
    temporary = _write_temporary(target, data, durable=True)
    _replace(temporary, target)
    _fsync_folder(target.parent)
    return True


Writer = Callable[[BinaryIO], object]
"""Something that writes a file's content to an open binary handle (``pickle.dump``, say)."""


def _write_temporary(target: Path, content: bytes | Writer, *, durable: bool) -> str:
    """A temporary file next to ``target`` holding ``content``, with ``target``'s permissions.

    ``durable`` fsyncs it (a catalog); a cache that a power cut may lose is not worth one.
    Nothing is left behind when it fails.
    """
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise CatalogError(
            f"cannot read {target.name}: {error.strerror}", path=str(target), hint="check the path"
        ) from None
    folder = target.parent
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise CatalogError(
            f"cannot write in {folder}: {error.strerror}",
            path=str(target),
            hint="check that the folder exists and is writable",
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                content(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is None:
            # a new file gets the usual permissions (mkstemp makes it 0600)
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise CatalogError(
                f"cannot write {target.name}: {error.strerror}",
                path=str(target),
                hint="check free space and permissions",
            ) from None
        raise
    return temporary


def _replace(temporary: str, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise CatalogError(
            f"cannot write {target.name}: {error.strerror}",
            path=str(target),
            hint="check free space and permissions",
        ) from None


def write_streamed(path: Path | str, write: Writer) -> None:
    """Replace a cache file atomically with what ``write`` writes, without holding it in memory.

    No fsync: a cache lost in a power cut is rebuilt; a reader still never sees half a file.
    Raises :class:`CatalogError` (or whatever ``write`` raises); no temporary file is left.
    """
    target = Path(path)
    _replace(_write_temporary(target, write, durable=False), target)


class StagedWrites:
    """Several files replaced together: each is written to a temporary file next to its target
    now, and all are renamed into place by :meth:`commit`; :meth:`discard` removes them.

    A run that fails before ``commit`` (a broken catalog found late, say) leaves every target
    untouched and no temporary file, while only one file's content is ever in memory.
    ``durable`` files (catalogs) are fsynced and renamed first; the others (caches) follow, and
    a cache that cannot be put in place is dropped silently.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with StagedWrites() as staged:
    ...     staged.stage(folder / "a.po", b"a\\n")
    ...     sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    ...     staged.commit()
    []
    >>> sorted(p.name for p in folder.iterdir())
    ['a.po']
    """

    def __init__(self) -> None:
        self._staged: list[tuple[str, Path, bool]] = []

    def stage(self, path: Path | str, content: bytes | Writer, *, durable: bool = True) -> None:
        """Write ``content`` to a temporary file next to ``path`` (raises :class:`CatalogError`)."""
        target = Path(path)
        self._staged.append((_write_temporary(target, content, durable=durable), target,
                             durable))

    def commit(self) -> None:
        """Rename every staged file into place (catalogs first, then caches).

        A catalog that cannot be renamed raises :class:`CatalogError`; the files not yet in
        place are then removed by :meth:`discard` (the context manager's exit).
        """
        catalogs = [item for item in self._staged if item[2]]
        caches = [item for item in self._staged if not item[2]]
        folders: dict[Path, None] = {}
        for done, (temporary, target, _durable) in enumerate(catalogs):
            self._staged = catalogs[done + 1:] + caches  # _replace removes its own on failure
            _replace(temporary, target)
            folders[target.parent] = None
        for folder in folders:
            _fsync_folder(folder)
        self._staged = []
        for temporary, target, _durable in caches:
            with contextlib.suppress(CatalogError):
                _replace(temporary, target)

    def discard(self) -> None:
        """Remove every staged file that was not put in place."""
        staged, self._staged = self._staged, []
        for temporary, _target, _durable in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def __enter__(self) -> StagedWrites:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()


def _fsync_folder(folder: Path) -> None:
    # make the rename itself durable; not every platform lets a folder be opened
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def atomic_write_text(path: Path | str, text: str) -> bool:
    """Write ``text`` as UTF-8 (no newline translation) atomically; False when unchanged."""
    return atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def locked(path: Path | str, *, timeout: float = 10.0) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``path`` (a sidecar ``<path>.lock`` file).

    Two glossari processes updating one catalog serialize; one that waits longer than
    ``timeout`` seconds gives up with a :class:`CatalogError`. The sidecar file is left in place:
    removing it would let a third process lock a different inode.
    """
    # filelock: fcntl on POSIX, msvcrt on Windows, so no POSIX-only import on the path of
    # glossari.load(); imported here because only a writing command needs it
    import filelock

    target = Path(path)
    lock_path = target.with_name(target.name + ".lock")
    lock = filelock.FileLock(lock_path, timeout=timeout)
    try:
        lock.acquire(poll_interval=0.05)
    except filelock.Timeout:
        raise CatalogError(
            "another glossari process is updating this catalog",
            path=str(target),
            hint="wait for it to finish",
        ) from None
    except OSError as error:
        raise CatalogError(
            f"cannot create the lock file: {error.strerror}",
            path=str(lock_path),
            hint="check that the folder is writable",
        ) from None
    try:
        yield
    finally:
        lock.release()
