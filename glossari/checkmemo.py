"""The result of ``glossari check`` remembered for unchanged input, so a warm run does no work.

A check is a pure function of its input: the articles in ``seeds/`` (names and bytes), the
catalogs of the languages it reads (names and bytes), the languages asked for, and the code (every
file of the glossari package, the langdetect version, the Python version). Language detection is
seeded and deterministic (see :mod:`glossari.langid`), so it adds nothing. :class:`CheckMemo` keys
the last report by a SHA-256 of all of that and keeps it in ``.glossari-cache/check-v1.pickle``:
a rebuildable file, never the source of truth. Any change of any input byte is a miss, and a miss
runs every check as if there were no memo. Only successful runs are remembered: bad input is
re-read (and reported) every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossari.diagnostics import Finding
from glossari.root import GlossaryRoot

__all__ = ["MEMO_FILE", "CheckMemo", "Remembered", "input_digest"]

MEMO_FILE = "check-v1.pickle"
"""The memo file inside ``.glossari-cache/``."""

_FORMAT = "glossari-check-memo-1"


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


def _hash_file(digest: Any, tag: bytes, path: Path) -> None:
    digest.update(tag + path.name.encode("utf-8", "surrogatepass") + b"\0")
    if path.is_symlink():  # where it leads decides whether the reader accepts it
        digest.update(os.readlink(path).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(hashlib.sha256(path.read_bytes()).digest())


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
    for path in sorted(root.seeds.iterdir()):
        _hash_file(digest, b"A", path)
    folders = sorted({root.locale / lang for lang in (*langs, load_lang)} if langs is not None
                     else {*(p.parent for p in root.locale.glob("*/LC_MESSAGES")),
                           root.locale / load_lang})
    for folder in folders:
        catalogs = folder / "LC_MESSAGES"
        paths = sorted(catalogs.glob("*.po")) if catalogs.is_dir() else []
        digest.update(b"L" + folder.name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(str(len(paths)).encode() + b"\0")
        for path in paths:
            _hash_file(digest, b"C", path)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Remembered:
    """What the ``check`` command prints, as remembered."""

    findings: tuple[Finding, ...]
    coverage: tuple[tuple[str, str], ...]
    """Per checked language, its coverage described (``20/26 translated (76.9%), ...``)."""
    langs: tuple[str, ...]
    terms: int
    """How many terms the glossary had."""


class CheckMemo:
    """The remembered report of the last check of one glossary folder.

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

    def get(self) -> Remembered | None:
        """What an earlier run over the very same input reported, or None."""
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
            if not isinstance(stored, dict) or stored.get("format") != _FORMAT \
                    or stored.get("key") != self.key:
                return None
            names = tuple(Finding.__dataclass_fields__)
            findings = tuple(Finding(**dict(zip(names, row, strict=True)))
                             for row in stored["findings"])
            return Remembered(findings=findings, coverage=tuple(stored["coverage"]),
                              langs=tuple(stored["langs"]), terms=int(stored["terms"]))
        except Exception:  # missing, corrupt, or from other code: only a cache
            return None

    def put(self, result: Remembered) -> None:
        """Remember ``result`` if the input still is what the key was computed from."""
        try:
            if input_digest(self.root, self.langs, self.load_lang) != self.key:
                return  # something changed during the run: the result may match neither
            names = tuple(Finding.__dataclass_fields__)
            rows = [tuple(getattr(f, n) for n in names) for f in result.findings]
            data: dict[str, Any] = {"format": _FORMAT, "key": self.key, "findings": rows,
                                    "coverage": list(result.coverage), "langs": list(result.langs),
                                    "terms": result.terms}
            buffer = io.BytesIO()
            pickle.dump(data, buffer, protocol=pickle.HIGHEST_PROTOCOL)
            from glossari._atomic import atomic_write_bytes

            self.path.parent.mkdir(exist_ok=True)
            atomic_write_bytes(self.path, buffer.getvalue())
        except Exception:  # a cache that cannot be written only costs time
            return
