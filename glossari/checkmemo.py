"""The result of ``glossari check`` remembered for unchanged input, so a warm run does no work.

A check is a pure function of its input: the articles in ``seeds/`` (names and bytes), the catalogs
of the languages it reads (names and bytes), the languages asked for, and the code (every file of
the glossari package, the langdetect version, the Python version). Language detection is seeded and
deterministic (see :mod:`glossari.langid`), so it adds nothing. :class:`CheckMemo` keys the last
result by a SHA-256 of all of that and keeps it in the store of derived state
(:mod:`glossari._store`, ``.glossari-cache/``): rebuildable, never the source of truth. Any change
of any input byte is a miss, and a miss runs every check as if there were no memo. Only successful
runs are remembered: bad input is read again (and reported) every time.

The result is kept as the command prints it: the text output and the JSON output, each in a file
written while the findings streamed in (:class:`CheckOutput`; a warm run copies one to standard
output), and the counts per severity in the store's table ``check``. The output files are held
open from the moment they are made or found, so deleting ``.glossari-cache/`` during a run
costs the memo, never the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TextIO

from glossari._atomic import make_temporary
from glossari._store import Store
from glossari.diagnostics import Finding
from glossari.errors import RootError
from glossari.root import GlossaryRoot

__all__ = ["MEMO_KIND", "CheckMemo", "CheckOutput", "Remembered", "input_digest"]

MEMO_KIND = "check"
"""The store's table of the remembered check (its outputs are beside it: ``check.text``,
``check.json``)."""

_LARGEST_HASHED = 256 * 1024 * 1024  # bytes; larger files are keyed on size and mtime


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """The package's fingerprint (every file hashed whole), and the detector's version."""
    from glossari._fingerprint import package_fingerprint
    from glossari.langid import ALGORITHM_VERSION, _langdetect_version

    digest = hashlib.sha256(f"{sys.version}\0{ALGORITHM_VERSION}\0".encode())
    with contextlib.suppress(Exception):  # no langdetect: its absence is part of the key
        digest.update(str(_langdetect_version()).encode())
    digest.update(package_fingerprint().encode())
    return digest.digest()


def _hash_folder(digest: Any, tag: bytes, folder: Path, suffix: str = "") -> None:
    """Every file of ``folder`` (ending in ``suffix``): name, where a link leads, length, bytes."""
    with os.scandir(folder) as found:
        entries = sorted((e for e in found if e.name.endswith(suffix)), key=lambda e: e.name)
    digest.update(tag + str(len(entries)).encode() + b"\0")
    for entry in entries:
        name = entry.name.encode("utf-8", "surrogatepass")
        if entry.is_symlink():  # where it leads decides whether the reader accepts it
            name += b"\0->" + os.readlink(entry.path).encode("utf-8", "surrogatepass")
        info = os.stat(entry.path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _LARGEST_HASHED:
            # a FIFO would block open() forever, an 8 GB sparse file fill the memory: the reader
            # refuses both, so their identity is key enough
            digest.update(b"%d\0%s\0special %o %d %d\0" % (
                len(name), name, info.st_mode, info.st_size, info.st_mtime_ns))
            continue
        with open(entry.path, "rb") as handle:  # a sub-folder raises: no memo, the run says why
            data = handle.read()
        digest.update(b"%d\0%s\0%d\0" % (len(name), name, len(data)))
        digest.update(data)


def input_digest(root: GlossaryRoot, langs: Sequence[str] | None, load_lang: str) -> str:
    """SHA-256 over everything a check of ``root`` reads (see the module documentation).

    It covers a superset of the input (every file in ``seeds/``, not only the articles; every
    language's catalogs when no language is named), so that it needs none of the reader's code:
    a memo hit imports neither the Markdown parser nor the checks. Raises whatever reading the
    folder raises (a sub-folder in ``seeds/``, say); the caller then runs the check without the
    memo, which reports the problem properly.
    """
    digest = hashlib.sha256(_code_fingerprint())
    digest.update(repr((tuple(langs) if langs is not None else None, load_lang)).encode())
    _hash_folder(digest, b"A", root.seeds)
    folders = sorted({root.locale / lang for lang in (*langs, load_lang)} if langs is not None
                     else {*(p.parent for p in root.locale.glob("*/LC_MESSAGES")),
                           root.locale / load_lang})
    for folder in folders:
        digest.update(b"L" + folder.name.encode("utf-8", "surrogatepass") + b"\0")
        catalogs = folder / "LC_MESSAGES"
        if catalogs.is_dir():
            _hash_folder(digest, b"C", catalogs, ".po")
    return digest.hexdigest()


class CheckOutput:
    """What the ``check`` command prints, written to files as the findings stream in: the text
    output (one ``path:line: severity: CODE: message`` line per finding) and the JSON output
    (the list ``json.dump(..., indent=2)`` writes), so a million findings are never held as one
    string. Each file starts with a line holding the memo key it belongs to.

    The files are temporary files in ``folder`` (the memo's folder, so that keeping them is a
    rename), or in the system's temporary folder when ``folder`` is None.
    """

    def __init__(self, folder: Path | None, *, key: str, formats: Sequence[str]) -> None:
        self.key = key
        self.counts: dict[str, int] = {}
        """How many findings of each severity."""
        self.paths: dict[str, Path] = {}
        """Per format (``text``, ``json``), the file holding it."""
        self._handles: dict[str, TextIO] = {}
        self.readers: dict[str, TextIO] = {}
        """Per format, the finished file open for reading (see :meth:`finish`)."""
        self._first = True
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with tempfile.TemporaryFile(dir=folder):
                    pass
            except OSError:  # a read-only tree, a file named .glossari-cache: no memo, the
                folder = None  # check still runs (a reader of the glossary needs no cache)
        try:
            for fmt in formats:
                try:
                    descriptor, name = make_temporary(
                        folder if folder is not None else tempfile.gettempdir(), ".check-")
                except OSError:
                    if folder is None:
                        raise
                    # the cache was deleted since the probe (another process may clean it at any
                    # moment): the output goes to the system's temporary folder, unremembered
                    folder = None
                    descriptor, name = make_temporary(tempfile.gettempdir(), ".check-")
                self.paths[fmt] = Path(name)
                # read and write: the finished file is read back through this very handle, so
                # deleting its folder meanwhile loses nothing
                handle = open(descriptor, "w+", encoding="utf-8", newline="")  # noqa: SIM115
                self._handles[fmt] = handle
                self._write(fmt, handle, key + "\n" + ("[" if fmt == "json" else ""))
        except BaseException:
            self.discard()
            raise

    def add(self, finding: Finding) -> None:
        """Write one finding (they come sorted) in every format."""
        self.counts[finding.severity] = self.counts.get(finding.severity, 0) + 1
        text = self._handles.get("text")
        if text is not None:
            self._write("text", text, f"{finding}\n")
        out = self._handles.get("json")
        if out is not None:
            self._write("json", out,
                        (",\n" if not self._first else "\n") + _json_item(finding.as_json()))
        self._first = False

    def finish(self) -> None:
        """Close the files; the output is complete."""
        out = self._handles.get("json")
        if out is not None:
            self._write("json", out, "]\n" if self._first else "\n]\n")
        for fmt, handle in self._handles.items():
            try:
                handle.flush()
            except OSError as error:
                raise self._failed(fmt, error) from None
            handle.seek(0)
            self.readers[fmt] = handle
        self._handles.clear()

    def _write(self, fmt: str, handle: TextIO, text: str) -> None:
        try:
            handle.write(text)
        except OSError as error:
            raise self._failed(fmt, error) from None

    def _failed(self, fmt: str, error: OSError) -> RootError:
        # a full disk: one line naming the file, as every writer gives (was an internal error)
        return RootError(f"cannot write the check's {fmt} output: {error.strerror}",
                         path=str(self.paths[fmt].parent),
                         hint="check free space (the findings are written to this file before "
                              "they are printed)")

    def discard(self) -> None:
        """Close and delete the files (a run that failed, or output already printed)."""
        for handle in (*self._handles.values(), *self.readers.values()):
            with contextlib.suppress(OSError):
                handle.close()
        self._handles.clear()
        self.readers.clear()
        for path in self.paths.values():
            with contextlib.suppress(OSError):
                path.unlink()
        self.paths.clear()


def _json_item(item: dict[str, object]) -> str:
    """One finding as ``json.dump(findings, ensure_ascii=False, indent=2)`` writes it inside the
    list. Written out here because ``json`` with ``indent`` falls back to its pure-Python
    encoder (a third of a check's time over 400,000 findings); values are str and int only, and
    strings go through the C string encoder ``json.dumps`` itself uses."""
    fields = ",\n".join(
        f"    {encode_basestring(key)}: "
        + (encode_basestring(value) if isinstance(value, str) else json.dumps(value))
        for key, value in item.items()
    )
    return "  {\n" + fields + "\n  }"


class Remembered:
    """What the ``check`` command prints: where its output is, the counts per severity, the
    coverage per language, the languages and the term count."""

    __slots__ = ("counts", "coverage", "handles", "langs", "outputs", "terms")

    def __init__(self, *, counts: dict[str, int], coverage: Sequence[tuple[str, str]],
                 langs: Sequence[str], terms: int, outputs: dict[str, Path],
                 handles: dict[str, TextIO] | None = None) -> None:
        self.counts = dict(counts)
        """How many findings of each severity."""
        self.coverage = tuple(coverage)
        """Per checked language, its coverage described (``20/26 translated (76.9%), ...``)."""
        self.langs = tuple(langs)
        self.terms = terms
        """How many terms the glossary has."""
        self.outputs = dict(outputs)
        """Per format (``text``, ``json``), the file holding the output (see
        :class:`CheckOutput`)."""
        self.handles = dict(handles or {})
        """Per format, the output already open for reading (the file may be gone by now)."""

    def open(self, fmt: str) -> TextIO:
        """The ``fmt`` output for reading, past its key line (close it with :meth:`close`)."""
        handle = self.handles.get(fmt)
        if handle is None:
            handle = self.handles[fmt] = self.outputs[fmt].open(encoding="utf-8", newline="")
        handle.seek(0)
        handle.readline()
        return handle

    def write_output(self, fmt: str, stream: TextIO) -> None:
        """Copy the ``fmt`` output to ``stream`` (without its key line), a chunk at a time."""
        shutil.copyfileobj(self.open(fmt), stream, 1 << 20)

    def close(self) -> None:
        """Close the outputs held open."""
        for handle in self.handles.values():
            with contextlib.suppress(OSError):
                handle.close()
        self.handles.clear()


class CheckMemo:
    """The remembered result of the last check of one glossary folder.

    ``CheckMemo.open`` returns None when there can be no memo (the read-only bundled glossary, or
    a folder that cannot be read: the check itself then reports why).
    """

    def __init__(self, root: GlossaryRoot, langs: Sequence[str] | None, load_lang: str,
                 key: str) -> None:
        self.root = root
        self.langs = langs
        self.load_lang = load_lang
        self.key = key
        self.store = Store.of(root)

    @property
    def folder(self) -> Path | None:
        """The store's folder, created now (None when it cannot be: then nothing is
        remembered)."""
        return self.store.side_folder()

    def output_path(self, fmt: str) -> Path:
        """Where the remembered output in ``fmt`` is kept."""
        assert self.store.folder is not None
        return self.store.folder / f"{MEMO_KIND}.{fmt}"

    @classmethod
    def open(cls, root: GlossaryRoot, langs: Sequence[str] | None,
             load_lang: str) -> CheckMemo | None:
        """The memo for checking ``root`` in ``langs``, or None."""
        if root.bundled:
            return None
        try:
            key = input_digest(root, langs, load_lang)
        except Exception:  # unreadable input: the real run reports it with its path and line
            return None
        return cls(root, langs, load_lang, key)

    def get(self, fmt: str = "text") -> Remembered | None:
        """What an earlier run over the very same input found, with its ``fmt`` output; or
        None."""
        handle = None
        try:
            stored = self.store.open(MEMO_KIND).get(
                "result", self.key)
            if not isinstance(stored, dict):
                return None
            output = self.output_path(fmt)
            handle = output.open(encoding="utf-8", newline="")
            if handle.readline() != self.key + "\n":  # the output of another result
                handle.close()
                return None
            return Remembered(counts=dict(stored["counts"]), coverage=stored["coverage"],
                              langs=stored["langs"], terms=int(stored["terms"]),
                              outputs={fmt: output}, handles={fmt: handle})
        except Exception:  # missing, corrupt, or from other code: only a cache
            if handle is not None:
                handle.close()
            return None

    def holds(self, result: Remembered) -> bool:
        """True when ``result``'s output files are this memo's (kept by :meth:`put`)."""
        return all(path == self.output_path(fmt) for fmt, path in result.outputs.items())

    def put(self, result: Remembered) -> None:
        """Remember ``result`` if the input still is what the key was computed from: its output
        files become the memo's (``result.outputs`` then names them)."""
        try:
            if input_digest(self.root, self.langs, self.load_lang) != self.key:
                return  # something changed during the run: the result may match neither
            for fmt, path in list(result.outputs.items()):
                kept = self.output_path(fmt)
                os.replace(path, kept)
                result.outputs[fmt] = kept
            data: dict[str, Any] = {
                "counts": result.counts, "coverage": list(result.coverage),
                "langs": list(result.langs), "terms": result.terms,
            }
            table = self.store.open(MEMO_KIND)
            table.put("result", data, digest=self.key)
            table.save()
        except Exception:  # a cache that cannot be written only costs time
            return
