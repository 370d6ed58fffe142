"""The result of ``glossari check`` remembered for unchanged input, so a warm run does no work.

A check is a pure function of its input: the articles in ``seeds/`` (names and bytes), the
catalogs of the languages it reads (names and bytes), the languages asked for, and the code (every
file of the glossari package, the langdetect version, the Python version). Language detection is
seeded and deterministic (see :mod:`glossari.langid`), so it adds nothing. :class:`CheckMemo` keys
the last result by a SHA-256 of all of that and keeps it in ``.glossari-cache/``: a rebuildable
file, never the source of truth. Any change of any input byte is a miss, and a miss runs every
check as if there were no memo. Only successful runs are remembered: bad input is read again (and
reported) every time.

The result is kept as the command prints it: the text output in one piece (a warm run over
400,000 findings writes one string), the counts per severity, and the findings themselves in a
second file, read only for ``--format json``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossari.diagnostics import Finding
from glossari.root import GlossaryRoot

__all__ = ["MEMO_FILE", "CheckMemo", "Remembered", "input_digest"]

MEMO_FILE = "check-v2.pickle"
"""The memo file inside ``.glossari-cache/`` (the findings for JSON are in ``check-v2-rows``)."""

_FORMAT = "glossari-check-memo-2"
_FIELDS = tuple(Finding.__dataclass_fields__)


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """A hash of every file of the installed glossari package, and of the detector's version."""
    from glossari.langid import ALGORITHM_VERSION, _langdetect_version

    package = Path(__file__).resolve().parent  # this file is glossari/checkmemo.py
    digest = hashlib.sha256(f"{sys.version}\0{ALGORITHM_VERSION}\0".encode())
    with contextlib.suppress(Exception):  # no langdetect: its absence is part of the key
        digest.update(str(_langdetect_version()).encode())
    for path in sorted(p for p in package.rglob("*") if p.is_file()
                       and "__pycache__" not in p.parts and p.suffix != ".pyc"):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
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


class Remembered:
    """What the ``check`` command prints: findings, coverage, languages and the term count.

    Built from a fresh report, or read back from the memo without the findings themselves
    (``findings=None``) when the text output and the counts are all the command needs.
    """

    __slots__ = ("_findings", "_text", "counts", "coverage", "langs", "terms")

    def __init__(self, *, findings: Iterable[Finding] | None, coverage: Sequence[tuple[str, str]],
                 langs: Sequence[str], terms: int, text: str | None = None,
                 counts: dict[str, int] | None = None) -> None:
        self._findings = tuple(findings) if findings is not None else None
        self._text = text
        self.coverage = tuple(coverage)
        """Per checked language, its coverage described (``20/26 translated (76.9%), ...``)."""
        self.langs = tuple(langs)
        self.terms = terms
        """How many terms the glossary has."""
        if counts is None:
            counts = {}
            for f in self.findings():
                counts[f.severity] = counts.get(f.severity, 0) + 1
        self.counts = counts
        """How many findings of each severity."""

    def findings(self) -> tuple[Finding, ...]:
        """Every finding, sorted as the checks sorted them (ValueError when left unread)."""
        if self._findings is None:
            raise ValueError("read from the memo without its findings")
        return self._findings

    def text(self) -> str:
        """The text output: one ``path:line: severity: CODE: message`` line per finding."""
        if self._text is None:
            self._text = "".join(f"{f}\n" for f in self.findings())
        return self._text


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
        self.path = root.path / ".glossari-cache" / MEMO_FILE
        self.rows = self.path.with_name(MEMO_FILE.removesuffix(".pickle") + "-rows.pickle")

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

    def get(self, *, findings: bool = True) -> Remembered | None:
        """What an earlier run over the very same input found, or None.

        ``findings=False`` leaves the findings unread (:meth:`Remembered.text` and the counts
        are there): the text output needs nothing else.
        """
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
            if not isinstance(stored, dict) or stored.get("format") != _FORMAT \
                    or stored.get("key") != self.key:
                return None
            found: tuple[Finding, ...] | None = None
            if findings:
                with self.rows.open("rb") as handle:  # the findings of this very result
                    if pickle.load(handle) != self.key:
                        return None
                    found = tuple(Finding(**dict(zip(_FIELDS, row, strict=True)))
                                  for row in pickle.load(handle))
            return Remembered(findings=found, text=stored["text"],
                              counts=dict(stored["counts"]), coverage=stored["coverage"],
                              langs=stored["langs"], terms=int(stored["terms"]))
        except Exception:  # missing, corrupt, or from other code: only a cache
            return None

    def put(self, result: Remembered) -> None:
        """Remember ``result`` if the input still is what the key was computed from."""
        from glossari._atomic import atomic_write_bytes

        try:
            if input_digest(self.root, self.langs, self.load_lang) != self.key:
                return  # something changed during the run: the result may match neither
            rows = [tuple(getattr(f, n) for n in _FIELDS) for f in result.findings()]
            self.path.parent.mkdir(exist_ok=True)
            # the key first, so a reader checks it without loading the rows of another result
            atomic_write_bytes(self.rows, pickle.dumps(self.key, pickle.HIGHEST_PROTOCOL)
                               + pickle.dumps(rows, pickle.HIGHEST_PROTOCOL))
            data: dict[str, Any] = {
                "format": _FORMAT, "key": self.key, "text": result.text(),
                "counts": result.counts, "coverage": list(result.coverage),
                "langs": list(result.langs), "terms": result.terms,
            }
            atomic_write_bytes(self.path, pickle.dumps(data, pickle.HIGHEST_PROTOCOL))
        except Exception:  # a cache that cannot be written only costs time
            return
