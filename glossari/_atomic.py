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
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from glossari.errors import CatalogError, RootError

__all__ = [
    "FOLDER_LOCK",
    "TEMPORARY_SUFFIX",
    "StagedWrites",
    "Writer",
    "atomic_write_bytes",
    "atomic_write_text",
    "keep_status",
    "locked",
    "locked_folder",
    "make_folder",
    "make_output_folder",
    "make_temporary",
    "remove_stale_temporaries",
    "require_output_folder",
    "write_output",
    "write_streamed",
]


TEMPORARY_SUFFIX = ".tmp"
"""How every temporary file of a write ends (``.<name>.<random>.tmp``, next to its target)."""


def atomic_write_bytes(path: Path | str, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False (file untouched) when it already holds it.

    A symbolic link is written through (its target is replaced, the link stays), as GNU
    ``msgmerge -U`` does; the file keeps its permission bits and, where allowed, its owner.
    """
    target = _through_links(Path(path))
    if _holds(target, data):
        return False
    temporary = _write_temporary(target, data, durable=True)
    _replace(temporary, target)
    _fsync_folder(target.parent)
    return True


Writer = Callable[[BinaryIO], object]
"""Something that writes a file's content to an open binary handle (``pickle.dump``, say)."""


def _holds(target: Path, data: bytes) -> bool:
    """True when the file ``target`` already holds exactly ``data`` (False when missing)."""
    try:
        info = target.stat()
        return (stat.S_ISREG(info.st_mode) and info.st_size == len(data)
                and target.read_bytes() == data)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise CatalogError(
            f"cannot read {target.name}: {error.strerror}", path=str(target), hint="check the path"
        ) from None


def _through_links(path: Path) -> Path:
    """``path``, or the file its chain of symbolic links leads to (which may not exist yet)."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _write_temporary(target: Path, content: bytes | Writer, *, durable: bool) -> str:
    """A temporary file next to ``target`` holding ``content``, with ``target``'s permissions
    and owner.

    ``durable`` fsyncs it (a catalog); a cache that a power cut may lose is not worth one.
    Nothing is left behind when it fails. The temporary name is short whatever ``target``'s
    (a 245-character id plus a prefix and suffix would pass the 255-byte name limit).
    """
    owner: tuple[int, int] | None = None
    try:
        info = target.stat()
        mode: int | None = stat.S_IMODE(info.st_mode)
        owner = (info.st_uid, info.st_gid)
    except FileNotFoundError:
        mode = None
        info = None
    except OSError as error:
        raise CatalogError(
            f"cannot read {target.name}: {error.strerror}", path=str(target), hint="check the path"
        ) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        # renaming over /dev/null, a FIFO or a folder would replace it: never
        raise CatalogError("not a regular file; it is not replaced", path=str(target),
                           hint="give the path of a file")
    folder = target.parent
    if info is not None and _mounted_apart(info, target, listed=durable):
        # found before any file is written: a run that stages several files changes none
        raise CatalogError(_MOUNTED, path=str(target), hint=_MOUNTED_HINT)
    try:
        descriptor, temporary = make_temporary(folder, f".{_short(target)}.")
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
        _give_status(temporary, mode, owner)
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


_MOUNTED = ("a file mounted on its own (as 'docker run -v FILE:...' mounts one): a write here "
            "is a new file renamed over the old one, which no rename can do over a mount, so "
            "nothing was written")
_MOUNTED_HINT = "mount the folder that holds it instead, or work on a copy and copy it back"


def _mounted_apart(info: os.stat_result, target: Path, *, listed: bool) -> bool:
    """True when the file ``target`` (``info`` its status) is mounted on its own (a bind mount,
    a container's volume of one file), which a temporary file made in its folder cannot be
    renamed over: on another file system than its folder, or, bind-mounted from the same file
    system, listed as a mount point (Linux's ``/proc/self/mountinfo``; read when ``listed``:
    for the durable files, not for every cache file)."""
    try:
        if os.stat(target.parent).st_dev != info.st_dev:
            return True
    except OSError:
        return False
    return listed and os.path.realpath(target) in _mount_points()


def _mount_points() -> frozenset[str]:
    """The mount points of this process's view (empty where there is no ``/proc``)."""
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return frozenset()
    # the fifth field, with space, tab, newline and backslash written as octal escapes
    return frozenset(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4])
                     for fields in (line.split(" ") for line in lines) if len(fields) > 4)


def make_temporary(folder: Path | str, prefix: str) -> tuple[int, str]:
    """A new empty file in ``folder`` (mode 0600), as ``tempfile.mkstemp`` makes it, and its
    descriptor. Unlike ``mkstemp``, an interrupt (Ctrl-C, SIGTERM) that Python raises just
    after the file was made, before its name was returned, removes the file: a signal arriving
    during the ``open`` call is raised right after it, and left a temporary no one knew of."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(
        os, "O_BINARY", 0)
    for _attempt in range(100):
        temporary = os.path.join(folder, f"{prefix}{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
        try:
            return os.open(temporary, flags, 0o600), temporary
        except FileExistsError:
            continue
        except OSError:
            raise
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)  # O_EXCL: a file of this name is this call's
            raise
    raise FileExistsError(errno.EEXIST, "no free temporary file name")


def make_folder(folder: Path, *, shown: str, parents: bool = False) -> None:
    """``folder.mkdir(exist_ok=True)``, a failure as one :class:`CatalogError` naming ``shown``
    (a file standing where the folder goes, a parent that may not be written), not an
    internal ``FileExistsError``."""
    try:
        folder.mkdir(parents=parents, exist_ok=True)
    except OSError as error:
        why = ("a file stands in its place" if error.errno in (errno.EEXIST, errno.ENOTDIR)
               else error.strerror)
        raise CatalogError(f"cannot create the folder: {why}", path=shown,
                           hint="move that file away, or make the glossary folder "
                           "writable") from None


def require_output_folder(folder: Path, *, what: str, hint: str) -> None:
    """Raise :class:`RootError` naming ``folder`` when an output folder cannot be there because
    a file stands in its place or in its path: the one answer of every command writing a
    folder (``render -o``, ``site -o``). ``render -o FILE`` said "cannot create the output
    folder: File exists", as if the folder were there already, and a file in the path gave
    "Not a directory".

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "nota.md"
    >>> _ = file.write_text("x")
    >>> require_output_folder(file / "en", what="the output folder", hint="give -o a folder")
    Traceback (most recent call last):
    ...
    glossari.errors.RootError: .../nota.md/en: the output folder cannot be made: .../nota.md \
is a file; give -o a folder
    """
    for place in (folder, *folder.parents):
        try:
            mode = place.stat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            continue  # not there, or a file above it: the next place up says which
        except OSError:
            return  # unreadable, a loop of links: the making says why
        if stat.S_ISDIR(mode):
            return
        why = ("is a file, not a folder" if place == folder else
               f"cannot be made: {place.as_posix()} is a file")
        raise RootError(f"{what} {why}", path=folder.as_posix(), hint=hint)


def make_output_folder(folder: Path, *, what: str, hint: str) -> None:
    """``folder.mkdir(parents=True, exist_ok=True)`` for a command's output, each failure one
    :class:`RootError` naming ``folder`` (:func:`require_output_folder` for a file in the
    way)."""
    require_output_folder(folder, what=what, hint=hint)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RootError(f"cannot create {what}: {error.strerror}", path=folder.as_posix(),
                        hint=f"check the path and its permissions, or {hint}") from None


def _short(target: Path) -> str:
    # the name in a temporary's: short (a 245-character id plus the random part would pass the
    # 255-byte limit), the extension always kept, so that stale ones can be told by it
    name = target.name
    return name if len(name) <= 48 else target.stem[:40] + target.suffix[:8]


def remove_stale_temporaries(folder: Path, suffix: str, *,
                             older_than: float | None = None) -> list[Path]:
    """Remove the temporary files of writes to ``folder/*<suffix>`` (any file, for ``""``)
    that a killed process left.

    Call it only while holding the lock every writer of those files holds (``update`` and
    ``align`` hold the catalog lock for ``*.po``): a temporary file then belongs to no running
    writer. Where no lock covers them (the store of derived state), ``older_than`` seconds
    keeps the younger ones, which may be another process's write in progress. Returns what was
    removed.
    """
    import time

    limit = None if older_than is None else time.time() - older_than
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f".*{suffix}.*{TEMPORARY_SUFFIX}" if suffix
                                else f".*{TEMPORARY_SUFFIX}"):
            with contextlib.suppress(OSError):
                if (path.is_file() and not path.is_symlink()
                        and (limit is None or path.lstat().st_mtime < limit)):
                    path.unlink()
                    removed.append(path)
    return removed


def keep_status(temporary: str, target: Path) -> None:
    """Give ``temporary``, about to be renamed over ``target``, ``target``'s permission bits,
    owner and group, as every write here keeps them (a new ``target``: the usual permissions).
    For a file written by another library (SQLite's termbase) rather than through
    :func:`atomic_write_bytes`."""
    try:
        info = target.stat()
    except OSError:
        _give_status(temporary, None, None)
    else:
        _give_status(temporary, stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid))


def _give_status(temporary: str, mode: int | None, owner: tuple[int, int] | None) -> None:
    if mode is None:
        # a new file gets the usual permissions (mkstemp makes it 0600)
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
    if owner is not None and hasattr(os, "chown"):
        _keep_owner(temporary, owner)


def _keep_owner(temporary: str, owner: tuple[int, int]) -> None:
    # the file stays its owner's (and group's), as when it is edited in place; a user may only
    # give a file to a group of their own, root to anyone: whatever is refused stays the runner's
    uid, gid = owner
    info = os.stat(temporary)
    if (info.st_uid, info.st_gid) == owner:
        return
    with contextlib.suppress(OSError):
        os.chown(temporary, uid, gid)
        return
    with contextlib.suppress(OSError):
        os.chown(temporary, -1, gid)


def _replace(temporary: str, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if error.errno == errno.EBUSY:  # a file bind-mounted from the same file system
            raise CatalogError(_MOUNTED, path=str(target), hint=_MOUNTED_HINT) from None
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
    target = _through_links(Path(path))
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
        self._where: dict[Path, int] = {}  # a target's place in _staged

    def stage(self, path: Path | str, content: bytes | Writer, *, durable: bool = True) -> None:
        """Write ``content`` to a temporary file next to ``path`` (raises :class:`CatalogError`);
        a symbolic link is written through when committed. Staging a path again replaces what
        was staged for it."""
        target = _through_links(Path(path))
        temporary = _write_temporary(target, content, durable=durable)
        index = self._where.setdefault(target, len(self._staged))
        if index == len(self._staged):
            self._staged.append((temporary, target, durable))
            return
        with contextlib.suppress(OSError):
            os.unlink(self._staged[index][0])
        self._staged[index] = (temporary, target, durable)

    def drop(self, path: Path | str) -> None:
        """Forget what was staged for ``path``, if anything (its temporary file goes)."""
        target = _through_links(Path(path))
        index = self._where.pop(target, None)
        if index is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self._staged[index][0])
        del self._staged[index]
        self._where = {item[1]: place for place, item in enumerate(self._staged)}

    def stage_changed(self, path: Path | str, data: bytes) -> bool:
        """Stage ``data`` for ``path`` unless the file already holds exactly it (then False)."""
        target = _through_links(Path(path))
        if _holds(target, data):
            return False
        self.stage(target, data)
        return True

    def commit(self) -> None:
        """Rename every staged file into place (catalogs first, then caches).

        A catalog that cannot be renamed raises :class:`CatalogError`; the files not yet in
        place are then removed by :meth:`discard` (the context manager's exit).
        """
        catalogs = [item for item in self._staged if item[2]]
        caches = [item for item in self._staged if not item[2]]
        self._where = {}
        folders: dict[Path, None] = {}
        for done, (temporary, target, _durable) in enumerate(catalogs):
            # this one stays listed until renamed: an interrupt (Ctrl-C, SIGTERM) may come
            # before the rename, and discard then removes it (once renamed, its name is gone)
            self._staged = catalogs[done:] + caches
            _replace(temporary, target)
            folders[target.parent] = None
        for folder in folders:
            _fsync_folder(folder)
        for done, (temporary, target, _durable) in enumerate(caches):
            self._staged = caches[done:]
            with contextlib.suppress(CatalogError):
                _replace(temporary, target)
        self._staged = []

    def discard(self) -> None:
        """Remove every staged file that was not put in place."""
        staged, self._staged, self._where = self._staged, [], {}
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


_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}
_STREAM_FOLDERS = ("/dev/fd/", "/proc/self/fd/")


def write_output(path: Path | str, data: bytes) -> bool:
    """Write a command's output file (``table -o``): atomically when it is a regular file (or
    new; links written through), as a stream when it is one of the process's own streams
    (``/dev/stdout``, ``/dev/fd/N``), a character device (``/dev/null``, a terminal) or a FIFO
    that a program is reading; anything else (a folder, a block device, a socket, a FIFO nobody
    reads, which would block forever) is refused with :class:`CatalogError`.

    A stream cannot be replaced atomically, and ``/dev/stdout`` leads to ``/proc/<pid>/fd/1``,
    where nobody may create a temporary file: that is why ``-o /dev/stdout`` failed for
    non-root users.
    """
    target = Path(path)
    name = target.as_posix()
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise CatalogError(f"cannot write it: {error.strerror}", path=name,
                           hint="check the path") from None
    own = _STREAMS.get(name)
    if own is None and name.startswith(_STREAM_FOLDERS) and target.name.isdigit():
        own = int(target.name)
    if own is not None:
        # already open for writing: written as it is, not reopened (a file the shell opened for
        # us may not be ours to open)
        _write_all(own, data, target)
        return True
    if info is not None and stat.S_ISCHR(info.st_mode):
        _write_stream(target, data, flags=os.O_WRONLY)
        return True
    if info is None or stat.S_ISREG(info.st_mode):
        return atomic_write_bytes(target, data)
    if stat.S_ISFIFO(info.st_mode):
        _write_stream(target, data, flags=os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
        return True
    kind = ("a folder" if stat.S_ISDIR(info.st_mode)
            else "a block device" if stat.S_ISBLK(info.st_mode) else "a socket")
    raise CatalogError(f"{kind}, not a file", path=name, hint="give the path of a file")


def _write_stream(target: Path, data: bytes, *, flags: int) -> None:
    try:
        handle = os.open(target, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a FIFO opened without blocking, and no reader
            raise CatalogError("a named pipe (FIFO) that no program reads", path=str(target),
                               hint="start the reading program first, or give a file") from None
        raise CatalogError(f"cannot write it: {error.strerror}", path=str(target),
                           hint="check the path and its permissions") from None
    try:
        if flags & getattr(os, "O_NONBLOCK", 0):  # a reader is there: now write patiently
            os.set_blocking(handle, True)
        _write_all(handle, data, target)
    finally:
        os.close(handle)


def _write_all(handle: int, data: bytes, target: Path) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(handle, view):]
    except BrokenPipeError:
        raise
    except OSError as error:
        raise CatalogError(f"cannot write it: {error.strerror}", path=str(target),
                           hint="check free space and that the reader is still running") from None


def atomic_write_text(path: Path | str, text: str) -> bool:
    """Write ``text`` as UTF-8 (no newline translation) atomically; False when unchanged."""
    return atomic_write_bytes(path, text.encode("utf-8"))


FOLDER_LOCK = ".glossari.lock"
"""The lock file :func:`locked_folder` makes in its folder where there is no ``flock``."""


@contextlib.contextmanager
def locked_folder(folder: Path, *, timeout: float = 10.0, busy: str) -> Iterator[None]:
    """Hold an exclusive advisory lock on the folder ``folder`` itself, which must exist.

    On POSIX the lock is ``flock`` on the folder's own descriptor: no file is made in it (an
    output folder holds a translator's files, zipped and sent as they are, and a lock file
    there could be a planted link whose target the lock's opening would truncate). Where
    there is no ``flock`` (Windows), it is :func:`locked`'s sidecar file ``.glossari.lock`` in
    the folder; on a file system that refuses ``flock`` (some network ones) the folder is not
    locked, as before there was a lock. One that waits longer than ``timeout`` seconds gives
    up with a :class:`CatalogError` saying ``busy``. A process that dies holding it releases it.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        with locked(folder / FOLDER_LOCK.removesuffix(".lock"), timeout=timeout, busy=busy):
            yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise CatalogError(f"cannot open the folder to lock it: {error.strerror}",
                           path=str(folder), hint="check that the folder is readable") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise CatalogError(
                        f"{busy} (it holds a lock on the folder, waited {timeout:g} s)",
                        path=str(folder),
                        hint="wait for it to finish, then run the command again") from None
                time.sleep(0.05)
                continue
            except OSError:
                pass  # flock refused by the file system: unlocked, as before
            break
        yield
    finally:
        os.close(descriptor)  # and with it the lock


@contextlib.contextmanager
def locked(path: Path | str, *, timeout: float = 10.0,
           busy: str = "another glossari process is updating this catalog") -> Iterator[None]:
    """Hold an exclusive advisory lock on ``path`` (a sidecar ``<path>.lock`` file).

    Two glossari processes updating one catalog serialize; one that waits longer than
    ``timeout`` seconds gives up with a :class:`CatalogError` saying ``busy``. The sidecar file is
    left in place: removing it would let a third process lock a different inode. A process that
    dies holding the lock releases it (the system drops its advisory locks).
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
        # named by the lock file itself: `locale/.glossari-en` was a file nobody could find
        raise CatalogError(
            f"{busy} (it holds this lock, waited {timeout:g} s)",
            path=str(lock_path),
            hint="wait for it to finish, then run the command again",
        ) from None
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EPERM) and lock_path.is_file():
            # the folder may be writable: the file is another user's, left by a run as that
            # user (`sudo glossari update`), and 'check that the folder is writable' misled
            from glossari.text import shell_path

            raise CatalogError(
                f"cannot open the lock file: {error.strerror} (it is another user's: a run as "
                "that user, such as 'sudo glossari ...', left it)",
                path=str(lock_path),
                hint=f"when no glossari command is running, remove it (rm "
                     f"{shell_path(str(lock_path))}) and run the command again",
            ) from None
        raise CatalogError(
            f"cannot create the lock file: {error.strerror}",
            path=str(lock_path),
            hint="check that the folder is writable",
        ) from None
    try:
        yield
    finally:
        lock.release()
