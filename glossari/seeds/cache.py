"""Reading ``seeds/`` with a per-article cache, so a changed article re-parses only itself.

The cache maps each article's source name to the SHA-256 of its bytes and the :class:`Term` read
from them. It lives in ``<root>/.glossari-cache/`` (ignored by git), is rebuilt from the articles
whenever it is missing, corrupt or written by other reader code, and is never the source of
truth: a hit returns exactly the Term that parsing the same bytes would return, because the key
includes the bytes' hash and a fingerprint of the reader's own source code.

It is a pickle: a file in your own working tree, written by glossari. Do not point ``--root`` at a
folder whose ``.glossari-cache/`` a stranger could have written.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from glossari.errors import SeedError
from glossari.model import Term
from glossari.seeds.article import parse_article
from glossari.seeds.folder import article_paths
from glossari.seeds.source import decode_article

__all__ = ["CACHE_DIR", "CACHE_FILE", "read_seeds_cached", "reader_fingerprint"]

CACHE_DIR = ".glossari-cache"
"""The cache folder under a glossary root."""
CACHE_FILE = "seeds-v1.pickle"
"""The article cache file inside :data:`CACHE_DIR`."""

_Entries = dict[str, tuple[bytes, Term]]


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """A hash of the code that turns bytes into Terms: a new reader invalidates the cache."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted([package / "model.py", package / "diagnostics.py", package / "errors.py",
                        *(package / "seeds").glob("*.py")]):
        with contextlib.suppress(OSError):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _load(path: Path) -> _Entries:
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)
    except Exception:  # missing, truncated, or from another Python: rebuild it
        return {}
    if (not isinstance(stored, dict) or stored.get("reader") != reader_fingerprint()
            or not isinstance(stored.get("entries"), dict)):
        return {}
    entries: _Entries = stored["entries"]
    return entries


def _save(path: Path, entries: _Entries) -> None:
    from glossari._atomic import atomic_write_bytes

    data = pickle.dumps({"reader": reader_fingerprint(), "entries": entries},
                        protocol=pickle.HIGHEST_PROTOCOL)
    # a cache that cannot be written (read-only folder, full disk) only costs time next run
    with contextlib.suppress(Exception):
        path.parent.mkdir(exist_ok=True)
        atomic_write_bytes(path, data)


def read_seeds_cached(seeds: Path, *, base: Path, cache: Path | None) -> tuple[Term, ...]:
    """Read every article in ``seeds`` (like :func:`glossari.seeds.folder.read_seeds`).

    ``cache`` is the cache folder (``<root>/.glossari-cache``), or None to read without one.
    Articles whose bytes are unchanged since the cache was written are not parsed again.
    """
    cache_file = cache / CACHE_FILE if cache is not None else None
    old = _load(cache_file) if cache_file is not None else {}
    new: _Entries = {}
    terms: list[Term] = []
    seen: dict[str, str] = {}
    changed = False
    for path, name in article_paths(seeds, base=base):
        folded = path.stem.casefold()
        if folded in seen:
            raise SeedError(
                f"the id '{path.stem}' differs only in case from {seen[folded]}",
                path=name, hint="rename one of the two files",
            )
        seen[folded] = name
        try:
            data = path.read_bytes()
        except OSError as error:
            raise SeedError(f"cannot read the file: {error.strerror}", path=name,
                            hint="check that the file exists and is readable") from None
        digest = hashlib.sha256(data).digest()
        hit = old.get(name)
        if hit is not None and hit[0] == digest and hit[1].id == path.stem:
            term = hit[1]
        else:
            term = parse_article(decode_article(data, source=name), term_id=path.stem,
                                 source=name)
            changed = True
        new[name] = (digest, term)
        terms.append(term)
    if cache_file is not None and (changed or len(new) != len(old)):
        _save(cache_file, new)
    return tuple(terms)
