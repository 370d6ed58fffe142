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
import errno
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from glossari.errors import CatalogError

__all__ = ["atomic_write_bytes", "atomic_write_text", "locked"]


def atomic_write_bytes(path: Path | str, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False (file untouched) when it already holds it."""
    target = Path(path)
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
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
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            # a new file gets the usual permissions (mkstemp makes it 0600)
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, target)
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
    _fsync_folder(folder)
    return True


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
    target = Path(path)
    lock_path = target.with_name(target.name + ".lock")
    try:
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise CatalogError(
            f"cannot create the lock file: {error.strerror}",
            path=str(lock_path),
            hint="check that the folder is writable",
        ) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise CatalogError(
                        f"cannot lock: {error.strerror}", path=str(target), hint="check the folder"
                    ) from None
                if time.monotonic() >= deadline:
                    raise CatalogError(
                        "another glossari process is updating this catalog",
                        path=str(target),
                        hint="wait for it to finish",
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)
