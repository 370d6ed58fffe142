"""Where the site is written, and how: only changed files rewritten, atomically; stale ones removed.

A site folder holds a manifest (:data:`MANIFEST`) listing every file the last run produced, and for
each term page the digest of its inputs, its size and its message counts: a page whose inputs have
the recorded digest is kept without being rendered (:meth:`SiteFolder.keep`). Every other page is
rendered, its bytes compared with the file on disk and only a file whose bytes differ rewritten;
files whose bytes are the same are not touched (their modification time stays, so rsync and
caches see nothing). A file the previous run produced and this one does not (a deleted
article's page) is removed; nothing the manifest does not list is ever removed.

All or nothing: each changed page goes to a temporary file beside it, and only when every page
has been written are they all renamed into place (:meth:`SiteFolder.finish`). A run that fails
part way (a full disk) removes its temporaries and leaves the previous site as it was, so a web
server never serves half a page, nor a mix of two builds.

The folder must not be inside ``seeds/`` or ``locale/`` (nor hold them), and a folder that already
has files but no manifest is refused: the site never mixes its pages with somebody's own files.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from glossari._atomic import (
    FOLDER_LOCK,
    TEMPORARY_SUFFIX,
    _replace,
    _write_temporary,
    make_output_folder,
    require_output_folder,
)
from glossari.errors import RootError
from glossari.root import GlossaryRoot, real_path

__all__ = ["MANIFEST", "SiteFolder", "check_output", "make_site_folder"]

MANIFEST = ".glossari-site.json"
"""The manifest file in a site folder: the files the last run wrote, so stale ones can go, and
each term page's input digest, so an unchanged page is not even rendered."""

_FORMAT = "glossari-site/2"
_OLD_FORMAT = "glossari-site/1"  # files only: its stale pages are still removed


def check_output(output: Path, root: GlossaryRoot | None) -> None:
    """Raise :class:`~glossari.errors.RootError` when ``output`` may not receive a site.

    Refused: a folder inside the glossary's ``seeds/`` or ``locale/`` (or holding either), a path
    that is a file, and a non-empty folder without a site manifest.
    """
    where = real_path(output)
    if root is not None:
        for kept in (root.seeds, root.locale):
            inside = real_path(kept)
            if where == inside or where.is_relative_to(inside) or inside.is_relative_to(where):
                raise RootError(
                    f"the site folder {output} would mix with the glossary's {kept.name}/",
                    path=str(output),
                    hint="choose a folder outside seeds/ and locale/, such as build/site",
                )
    require_output_folder(output, what="the site folder", hint=_HINT)
    if where.is_dir() and not (where / MANIFEST).is_file() and _holds_files(where):
        raise RootError(
            "the folder already holds files that are not a glossari site",
            path=str(output),
            hint="give -o a new or empty folder (a site folder keeps a .glossari-site.json)",
        )


def _holds_files(folder: Path) -> bool:
    """True when ``folder`` holds a file, at any depth, other than a temporary one of ours or
    the folder's lock file (:data:`glossari._atomic.FOLDER_LOCK`, where there is no ``flock``):
    a first run interrupted before its manifest leaves empty folders (``assets/``), and the
    next run must not take them for someone else's files."""
    for _, _, names in os.walk(folder):
        if any(not (name.startswith(".") and name.endswith(TEMPORARY_SUFFIX))
               and name != FOLDER_LOCK for name in names):
            return True
    return False


def make_site_folder(folder: Path) -> None:
    """Make the site folder (or a folder in it) ``folder`` when missing, or say in one line
    why it cannot be made."""
    make_output_folder(folder, what="the site folder", hint=_HINT)


_HINT = "give -o a folder (new, or one that holds a glossari site)"


@dataclass(slots=True)
class SiteFolder:
    """The output folder of one run: writes files that changed and remembers what it produced."""

    path: Path
    written: list[str]
    unchanged: int
    produced: set[str]
    _folders: set[Path]
    _staged: list[tuple[str, Path]]
    _files: set[str]
    _pages: dict[str, _Page]
    _digests: dict[str, _Page]

    @classmethod
    def open(cls, path: Path) -> SiteFolder:
        """The folder, created if missing."""
        make_site_folder(path)
        files, pages = _read_manifest(path)
        return cls(path=path, written=[], unchanged=0, produced=set(), _folders={path},
                   _staged=[], _files=files, _pages=pages, _digests={})

    def recorded_any(self) -> bool:
        """True when the previous run recorded the inputs of any page."""
        return bool(self._pages)

    def recorded(self, name: str) -> bool:
        """True when the previous run recorded the inputs of the page ``name`` (see
        :meth:`keep`)."""
        return name in self._pages

    def keep(self, name: str, digest: str) -> dict[str, int] | None:
        """The counts recorded with ``name`` when the previous run made it from inputs of this
        ``digest`` and the file is still there, its size as written; None otherwise (render it).

        A kept page counts as produced and unchanged; its file is not read, let alone written.
        """
        page = self._pages.get(name)
        if page is None or page.digest != digest:
            return None
        try:
            if (self.path / name).stat().st_size != page.size:
                return None
        except OSError:
            return None
        self.produced.add(name)
        self._digests[name] = page
        self.unchanged += 1
        return page.counts

    def put(self, name: str, data: bytes, *, digest: str | None = None,
            counts: dict[str, int] | None = None) -> bool:
        """Stage ``data`` for ``name`` (a relative POSIX path) unless it already holds exactly that.

        ``digest``: the page's inputs (see :meth:`keep`), recorded in the manifest with
        ``counts``. Returns True when the file will be (re)written; :meth:`finish` puts it in
        place.
        """
        self.produced.add(name)
        if digest is not None:
            self._digests[name] = _Page(digest, len(data), dict(counts or {}))
        target = self.path / name
        folder = target.parent
        if folder not in self._folders:
            make_site_folder(folder)
            self._folders.add(folder)
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                self.unchanged += 1
                return False
        except FileNotFoundError:
            pass
        # no fsync: the site is rebuilt from the glossary at any time, like a cache; staging
        # still means a reader sees the old site or the new one, never half of either
        self._staged.append((_write_temporary(target, data, durable=False), target))
        self.written.append(name)
        return True

    def discard(self) -> None:
        """Remove every staged file that was not put in place (a failed run)."""
        staged, self._staged = self._staged, []
        for temporary, _target in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def finish(self) -> list[str]:
        """Put every staged page and the manifest in place, then remove what the previous run
        produced and this one did not.

        Returns the removed names.
        """
        previous = self._files
        pages = {name: [page.digest, page.size, page.counts]
                 for name, page in sorted(self._digests.items())}
        manifest = {"format": _FORMAT, "files": sorted(self.produced), "pages": pages}
        data = (json.dumps(manifest, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        target = self.path / MANIFEST
        try:
            same = target.read_bytes() == data
        except FileNotFoundError:
            same = False
        if not same:  # staged with the pages: a failed run keeps the old manifest too
            self._staged.append((_write_temporary(target, data, durable=False), target))
        # A stale name that differs from a new one only in case (`FINRA.html`, now
        # `finra.html`) is the same file on a case-insensitive disk (macOS, Windows): removed
        # after the new page was put in place, it would take the new page with it. It goes
        # just before the new page is put in place instead.
        stale = sorted(name for name in previous - self.produced if _safe(name))
        twins = {name.casefold(): name for name in stale}
        removed: list[str] = []
        staged, self._staged = self._staged, []
        for done, (temporary, target) in enumerate(staged):
            twin = twins.pop(target.relative_to(self.path).as_posix().casefold(), None)
            try:
                if twin is not None:
                    with contextlib.suppress(FileNotFoundError):
                        (self.path / twin).unlink()
                        removed.append(twin)
                _replace(temporary, target)  # removes its own temporary when it fails
            except BaseException:
                # an interrupt (Ctrl-C, SIGTERM) may stop the rename before it happened: this
                # one's temporary goes too (once renamed, its name is gone and nothing is lost)
                self._staged = staged[done:]
                raise
        done_twins = set(removed)
        for name in stale:  # (a hand-edited manifest never makes us delete outside the folder)
            if name in done_twins:
                continue
            with contextlib.suppress(FileNotFoundError):
                (self.path / name).unlink()
                removed.append(name)
        removed.sort()
        for name in removed:  # folders left empty by the removals (never the site folder)
            parent = (self.path / name).parent
            while parent != self.path:
                try:
                    parent.rmdir()
                except OSError:
                    break
                parent = parent.parent
        return removed

@dataclass(frozen=True, slots=True)
class _Page:
    digest: str
    size: int
    counts: dict[str, int]


def _read_manifest(path: Path) -> tuple[set[str], dict[str, _Page]]:
    """The files and the pages' records of the previous run (nothing from an unreadable or
    older manifest: then every page is rendered and compared)."""
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError, UnicodeDecodeError, RecursionError):
        # RecursionError: `[[[[...` nested deeper than Python reads (an internal error)
        return set(), {}
    if not isinstance(manifest, dict) or manifest.get("format") not in (_FORMAT, _OLD_FORMAT):
        return set(), {}
    files = manifest.get("files")
    found = {f for f in files if isinstance(f, str)} if isinstance(files, list) else set()
    pages: dict[str, _Page] = {}
    recorded = manifest.get("pages")
    if isinstance(recorded, dict):
        for name, value in recorded.items():
            match value:
                case [str(digest), int(size), dict(counts)] if all(
                        isinstance(n, int) for n in counts.values()):
                    pages[name] = _Page(digest, size, counts)
    return found, pages


def _safe(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name
