"""The one store of derived state: every cache glossari's writing commands keep.

Parsed articles (:mod:`glossari.seeds.cache`), each article's messages and the rendered template
entries (:mod:`glossari.catalog.incremental`), the catalogs' lookup tables
(:mod:`glossari.catalog.translations`), what ``extract``, ``update`` and ``compile`` last wrote,
language detections (:mod:`glossari.langid`) and the remembered check (:mod:`glossari.checkmemo`)
are all tables of one :class:`Store` over ``<root>/.glossari-cache/``:

- **one API**: ``Store(folder).open(kind, part=..., code=...)`` gives a :class:`Table` of
  ``key -> value``, each value optionally tied to the digest of the input it was derived from
  (``get`` answers only for the same digest), and ``save`` writes it when it changed;
- **one format**: a pickle of ``{"format", "kind", "code", "entries"}`` per table, written to a
  temporary file and renamed (a reader never sees half a file), without fsync (a cache lost in a
  power cut is rebuilt);
- **one fingerprint**: ``code`` is :func:`glossari._fingerprint.package_fingerprint` (every file
  of the package hashed whole), plus whatever else the values depend on. The one exception is
  stated where it is made: language detection (:mod:`glossari.langid`) is keyed on its own
  algorithm version and langdetect's, not on the package (``package=False``), because redoing
  every detection after any code change costs minutes and detection does not depend on the rest
  of glossari.

A table that is missing, truncated, foreign (another kind, other code, another Python that cannot
read it) or corrupt is empty: the caller recomputes. So deleting ``.glossari-cache/`` is always
safe, between runs or during one: nothing in it is the source of truth, and no lock lives there
(the catalog lock is in ``locale/``, beside the catalogs it protects). A write that fails because
the folder vanished under it is dropped; the next run recomputes.

The folder is marked with a ``CACHEDIR.TAG`` (https://bford.info/cachedir/: backup tools skip it)
and a ``.gitignore`` of ``*``, as pytest marks ``.pytest_cache/``.

It is a pickle: a file in your own working tree, written by glossari. Do not point ``--root`` at a
folder whose ``.glossari-cache/`` a stranger could have written.

>>> import tempfile, pathlib
>>> store = Store(pathlib.Path(tempfile.mkdtemp()) / ".glossari-cache")
>>> table = store.open("example", code="v1")
>>> table.put("a.md", 42, digest=b"sha")
>>> table.save()
>>> again = store.open("example", code="v1")
>>> other_code = store.open("example", code="v2")
>>> again.get("a.md", b"sha"), again.get("a.md", b"other"), other_code.get("a.md", b"sha")
(42, None, None)
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import io
import operator
import os
import pickle
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from glossari._fingerprint import package_fingerprint
from glossari.root import CACHE_DIR

if TYPE_CHECKING:
    from glossari._atomic import StagedWrites

__all__ = ["CACHE_DIR", "FORMAT", "STALE_TEMPORARY", "Store", "Table"]

FORMAT = "glossari-store-1"
"""The format of every table file; a new format is a new name (old files are then misses)."""

_SUFFIX = ".pickle"

STALE_TEMPORARY = 3600.0
"""Seconds after which a temporary file in the store is a killed writer's, not a live one's."""

_SWEPT: set[Path] = set()

_TAG = b"""Signature: 8a477f597d28d172789f06886806bc55
# This file is a cache directory tag created by glossari.
# For information about cache directory tags, see https://bford.info/cachedir/
"""
_GITIGNORE = b"# created by glossari: everything here is derived state\n*\n"


@lru_cache(maxsize=1)
def _readers() -> str:
    """The versions of the libraries whose reading the store keeps (markdown-it-py's parse in
    the parsed articles and the usable rule's answers, PyYAML's in the front matter): another
    version may read a text otherwise, and its answers must not be served from an older one's.
    Not in the termbase's fingerprint: the wheel's termbase must stay fresh for every version a
    user has installed, and it holds only glossari's own answers, checked by its tests."""
    import markdown_it
    import yaml

    return f"markdown-it-py {markdown_it.__version__}, PyYAML {yaml.__version__}"


class Store:
    """The tables of derived state in one folder (``<root>/.glossari-cache``).

    ``folder`` None is a store that keeps nothing (the read-only bundled glossary): every table
    opens empty and saving does nothing.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        """The cache folder, or None."""

    @classmethod
    def of(cls, root: Any) -> Store:
        """The store of a :class:`~glossari.root.GlossaryRoot` (none for the bundled one)."""
        return cls(None if root.bundled else root.path / CACHE_DIR)

    def path(self, kind: str, part: str | None = None) -> Path | None:
        """Where the table ``kind`` (its ``part``, for a table kept in parts) is kept."""
        if self.folder is None:
            return None
        if part is None:
            return self.folder / f"{kind}{_SUFFIX}"
        return self.folder / kind / f"{part}{_SUFFIX}"

    def missing(self, kind: str, part: str | None = None) -> bool:
        """True when the store could keep the table ``kind`` (or its ``part``) and has no file
        for it. A store the user may not enter (another user's ``.glossari-cache``, left by a
        ``sudo glossari`` run) keeps nothing: False, as for no store, where ``Path.exists()``
        raised PermissionError and ``extract`` stopped on a cache, which only saves time."""
        path = self.path(kind, part)
        if path is None:
            return False
        try:
            os.stat(path)
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return False

    def open(self, kind: str, *, part: str | None = None, code: str = "",
             package: bool = True, keep: bool = False, read: bool = True) -> Table:
        """The table ``kind`` (or one ``part`` of it), read from its file when that was written
        by the same code; else empty.

        The table's code is the package fingerprint plus ``code`` (or ``code`` alone when not
        ``package``: see the module documentation). With ``keep``, :meth:`Table.save` writes the
        old entries too (a record, a memo of detections); without it only what this run put (a
        per-article table: articles gone are forgotten). Without ``read`` the file is not read:
        the table starts empty, for a caller about to replace it whole.
        """
        full = f"{package_fingerprint()}/{_readers()}/{code}" if package else code
        return Table(self, self.path(kind, part), kind=kind, code=full, keep=keep, read=read)

    def parts(self, kind: str) -> list[str]:
        """The parts of the table ``kind`` that have a file, sorted."""
        if self.folder is None:
            return []
        try:
            with os.scandir(self.folder / kind) as found:
                return sorted(e.name.removesuffix(_SUFFIX) for e in found
                              if e.name.endswith(_SUFFIX) and not e.name.startswith("."))
        except OSError:
            return []

    def forget(self, kind: str, part: str | None = None) -> None:
        """Remove the file of a table (or of one part); nothing happens when it is not there."""
        path = self.path(kind, part)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()

    def side_folder(self) -> Path | None:
        """The marked store folder, created, for files a table refers to (the remembered check's
        output); None when there is no store or it cannot be created."""
        if self.folder is None:
            return None
        try:
            self._mark()
        except OSError:
            return None
        return self.folder

    def _mark(self) -> None:
        """Create the folder with its ``CACHEDIR.TAG`` and ``.gitignore`` (raises OSError); on
        the first write of this store, sweep old temporaries (:meth:`_sweep`)."""
        assert self.folder is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, data in (("CACHEDIR.TAG", _TAG), (".gitignore", _GITIGNORE)):
            path = self.folder / name
            if not path.exists():
                with contextlib.suppress(Exception):
                    _write(path, _bytes_writer(data))
        if self.folder not in _SWEPT:  # once a process: every command makes several Stores
            _SWEPT.add(self.folder)
            self._sweep()

    def _sweep(self, *, older_than: float = STALE_TEMPORARY) -> list[Path]:
        """Remove the temporary files a killed writer left in the store (``kill -9`` during
        ``update``: 47 of them, 2 MB, after 12 kills at 400 articles), which no lock covers and
        no run removed. Only those older than ``older_than`` seconds go: a younger one may be
        another process's write in progress. Returns what was removed."""
        from glossari._atomic import remove_stale_temporaries

        assert self.folder is not None
        folders = [self.folder]
        with contextlib.suppress(OSError):
            folders += [Path(e.path) for e in os.scandir(self.folder)
                        if e.is_dir(follow_symlinks=False)]
        return [path for folder in folders
                for path in remove_stale_temporaries(folder, "", older_than=older_than)]


class Table:
    """``key -> value`` of one kind of derived state, each value optionally with the digest of
    its input; see :meth:`Store.open`."""

    def __init__(self, store: Store, path: Path | None, *, kind: str, code: str,
                 keep: bool, read: bool = True) -> None:
        self.store = store
        self.path = path
        self.kind = kind
        self.code = code
        self.keep = keep
        self._old: dict[Any, tuple[Any, Any]] = self._load() if read else {}
        self._new: dict[Any, tuple[Any, Any]] = dict(self._old) if keep else {}
        self._changed = False

    def _load(self) -> dict[Any, tuple[Any, Any]]:
        if self.path is None:
            return {}
        # Unpickling makes hundreds of thousands of objects, and each few hundred of them start
        # a collection of the young generation that finds nothing to free (they are all kept):
        # without the collector, loading the Terms of 10,000 articles takes a quarter of the
        # CPU time (measured: 0.65 s instead of 2.9 s). Nothing here makes reference cycles.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
        except Exception:  # missing, truncated, from another Python, or garbage: recompute
            return {}
        finally:
            if collecting:
                gc.enable()
        if (not isinstance(stored, dict) or stored.get("format") != FORMAT
                or stored.get("kind") != self.kind or stored.get("code") != self.code
                or not isinstance(stored.get("entries"), dict)):
            return {}
        entries: dict[Any, tuple[Any, Any]] = stored["entries"]
        return entries

    def __len__(self) -> int:
        return len(self._old)

    @property
    def found(self) -> bool:
        """The table's file held entries of this kind and code."""
        return bool(self._old)

    def get(self, key: Any, digest: Any = None) -> Any | None:
        """The value stored for ``key`` when it was stored with this very ``digest``; else None."""
        hit = self._old.get(key)
        return hit[1] if hit is not None and hit[0] == digest else None

    def items(self) -> Iterator[tuple[Any, Any, Any]]:
        """``(key, digest, value)`` of everything the file held."""
        for key, (digest, value) in self._old.items():
            yield key, digest, value

    def put(self, key: Any, value: Any, *, digest: Any = None, fresh: bool = True) -> None:
        """Keep ``value`` for ``key`` (derived from input of ``digest``); ``fresh`` when it was
        computed in this run, not a hit (only fresh values make :meth:`save` write)."""
        self._new[key] = (digest, value)
        self._changed = self._changed or fresh

    def has(self, key: Any) -> bool:
        """``key`` was put in this run (or kept, for a table opened with ``keep``)."""
        return key in self._new

    def replace(self, entries: dict[Any, Any]) -> None:
        """Make ``entries`` (values without digests) the whole table."""
        self._new = {key: (None, value) for key, value in entries.items()}
        self._changed = True

    def discard(self, key: Any) -> None:
        """Forget ``key``."""
        if self._new.pop(key, None) is not None:
            self._changed = True

    @property
    def changed(self) -> bool:
        """Saving would write something new."""
        return self._changed or len(self._new) != len(self._old)

    def save(self) -> None:
        """Write the table if it changed; a table that cannot be written only costs time."""
        if self.path is None or not self.changed:
            return
        with contextlib.suppress(Exception):
            self.store._mark()
            self.path.parent.mkdir(exist_ok=True)
            _write(self.path, self.writer())
        self._old, self._changed = self._new, False
        if self.keep:
            self._new = dict(self._old)
        else:
            self._new = {}

    def serialised(self) -> bytes | None:
        """The table's file content when saving would write (else None), to be written later
        by :meth:`save_serialised`: a worker process keeps a few MB, not the objects."""
        if self.path is None or not self.changed:
            return None
        buffer = io.BytesIO()
        self.writer()(buffer)
        self._new = {}
        return buffer.getvalue()

    def save_serialised(self, data: bytes) -> None:
        """Write what :meth:`serialised` gave; a table that cannot be written only costs time."""
        if self.path is not None:
            with contextlib.suppress(Exception):
                self.store._mark()
                self.path.parent.mkdir(exist_ok=True)
                _write(self.path, _bytes_writer(data))

    def stage(self, staged: StagedWrites, serialised: bytes | None = None) -> None:
        """Write the table (or what :meth:`serialised` gave for it) to a temporary file that
        ``staged`` puts in place with the files it describes (after them: see
        :class:`~glossari._atomic.StagedWrites`). Raises when the file cannot be written; the
        caller, for whom it is only a speed-up, ignores that."""
        if self.path is not None:
            self.store._mark()
            self.path.parent.mkdir(exist_ok=True)
            staged.stage(self.path, self.writer() if serialised is None
                         else _bytes_writer(serialised), durable=False)

    def writer(self) -> Callable[[BinaryIO], object]:
        """What writes the table's file (for :class:`glossari._atomic.StagedWrites`, which puts it
        in place together with the files it describes)."""
        stored = {"format": FORMAT, "kind": self.kind, "code": self.code, "entries": self._new}

        def dump(handle: BinaryIO) -> None:
            # straight into the file: the parsed articles of 30,000 articles are hundreds of MB
            _Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(stored)

        return dump


def _bytes_writer(data: bytes) -> Callable[[BinaryIO], object]:
    return lambda handle: handle.write(data)


def _write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    from glossari._atomic import write_streamed

    write_streamed(path, write)


# Frozen slotted dataclasses (the model: Term, Block, Finding...) unpickle through dataclasses'
# __setstate__, which looks the fields up again for every object (about 20 us each; 270,000
# objects at 10,000 articles), and even their own __init__ costs 3 us (a frozen class sets each
# field through object.__setattr__). They are stored as (class, field values) and rebuilt by a
# function made once per class that sets the slots directly: 0.7 us. The values were made by the
# same code (the table's fingerprint), so what __init__ would check already holds.
_FIELDS: dict[type, tuple[str, ...]] = {}
_MAKERS: dict[type, Callable[..., Any]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _maker(cls: type) -> Callable[..., Any]:
    names = _fields(cls)
    params = ", ".join(f"v{i}" for i in range(len(names)))
    lines = "".join(f"    s{i}(o, v{i})\n" for i in range(len(names)))
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    for i, name in enumerate(names):
        scope[f"s{i}"] = getattr(cls, name).__set__
    exec(f"def make({params}):\n    o = new(cls)\n{lines}    return o\n", scope)
    maker: Callable[..., Any] = scope["make"]
    _MAKERS[cls] = maker
    return maker


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    maker = _MAKERS.get(cls) or _maker(cls)
    return maker(*values)


def _slotted_dataclass(cls: type) -> bool:
    return (dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__
            and cls.__module__.startswith("glossari."))


_VALUES: dict[type, Callable[[Any], tuple[Any, ...]] | None] = {}
"""Per class met by the pickler: what gives an object's field values as one tuple (an
``attrgetter``, in C), or None for a class pickled as pickle does. ``compile`` pickles every
article aside (:class:`glossari.termbase.bodies.Bodies`: 580,000 objects at 10,000 articles),
where a generator of ``getattr`` per object was most of the pickling's time."""


def _values(cls: type) -> Callable[[Any], tuple[Any, ...]] | None:
    found: Callable[[Any], tuple[Any, ...]] | None = None
    if _slotted_dataclass(cls):
        names = _fields(cls)
        if len(names) == 1:  # an attrgetter of one name gives the value, not a tuple
            only = operator.attrgetter(names[0])
            found = lambda obj: (only(obj),)  # noqa: E731
        else:
            found = operator.attrgetter(*names) if names else lambda obj: ()
    _VALUES[cls] = found
    return found


def _reduce(obj: Any) -> Any:
    cls = type(obj)
    try:
        values = _VALUES[cls]
    except KeyError:
        values = _values(cls)
    if values is None:
        return NotImplemented
    return _rebuild, (cls, values(obj))


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        return _reduce(obj)
