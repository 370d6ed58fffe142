"""One fingerprint of glossari's own code, for everything derived from inputs by that code.

Derived state (the compiled termbase, the caches under ``.glossari-cache/``) is valid only for
the code that made it. Rather than a hand-kept list of the modules each result depends on (a list
that silently goes stale when a module is split or a helper moves), every file of the package is
hashed whole: any change to glossari's code, data files included, is a new fingerprint.

Left out, because they are not glossari's code: ``__pycache__`` folders and compiled files,
hidden files (editor swap files), and ``_bundle/`` (the glossary shipped inside a wheel is input,
not code). The Python version is not in the fingerprint: derived state is stored as plain data
(SQLite, JSON), never in a form only one interpreter reads.

>>> len(package_fingerprint()), package_fingerprint() == package_fingerprint()
(64, True)
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

__all__ = ["PACKAGE_DIR", "package_files", "package_fingerprint"]

PACKAGE_DIR = Path(__file__).resolve().parent
"""The folder of the ``glossari`` package."""

_SKIP_DIRS = frozenset({"__pycache__", "_bundle"})


def package_files(package: Path = PACKAGE_DIR) -> list[Path]:
    """Every file of the package that the fingerprint covers, sorted by relative path."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        found.extend(Path(folder, name) for name in files
                     if not name.startswith(".") and not name.endswith((".pyc", ".pyo")))
    return sorted(found, key=lambda p: p.relative_to(package).as_posix())


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """SHA-256 (hex) over every package file's relative path and bytes (see the module doc)."""
    digest = hashlib.sha256()
    for path in package_files():
        name = path.relative_to(PACKAGE_DIR).as_posix().encode()
        data = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(data)))
        digest.update(data)
    return digest.hexdigest()
