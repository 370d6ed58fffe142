"""Issue 18, items 10, 11 and 13 (writes): links, owners, streams, full disks, long names.

- A write through a symbolic link replaces the link's target and keeps the link (GNU
  ``msgmerge -U`` does the same), the file's mode and its owner.
- ``table -o`` writes a stream (``/dev/stdout``, a FIFO someone reads, ``/dev/null``) as a stream,
  and refuses what cannot be written (a folder, a FIFO nobody reads).
- Every writing command is all or nothing on a full disk: ``ENOSPC`` is injected at each write
  of a run in turn; the run either ends as an undisturbed run would (only a cache was lost) or
  exits 2 with one line, every output as it was and no temporary file left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from glossari._atomic import atomic_write_bytes
from tests._alignkit import cli, ok
from tests._processes import kill_at_write

ARTICLES = {
    "akaun": "---\ntitle: Akaun\ndescription: Rekod kewangan.\nkeywords: Umum\n---\n\n# Akaun\n\n"
             "Teks akaun [bon](/bon).\n",
    "bon": "---\ntitle: Bon\ndescription: Hutang.\nkeywords: Umum\n---\n\n# Bon\n\nTeks bon.\n",
    "cek": "---\ntitle: Cek\ndescription: Arahan bayar.\nkeywords: Umum\n---\n\n# Cek\n\n"
           "Teks cek.\n",
}


def _glossary(root: Path) -> Path:
    (root / "seeds").mkdir(parents=True)
    for stem, text in ARTICLES.items():
        (root / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
    return root


def _translated(root: Path) -> Path:
    """``_glossary`` extracted, updated and fully translated into English."""
    _glossary(root)
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    for po in (root / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        lines = po.read_text("utf-8").split("\n")
        out: list[str] = []
        for index, line in enumerate(lines):
            if line == 'msgstr ""' and index and lines[index - 1].startswith("msgid \"") \
                    and lines[index - 1] != 'msgid ""':
                line = 'msgstr "EN ' + lines[index - 1][len('msgid "'):]
            out.append(line)
        po.write_text("\n".join(out), encoding="utf-8")
    return root


# -- item 10: links, owner, mode -----------------------------------------------------------------


def test_a_write_through_a_link_keeps_the_link_mode_and_owner(tmp_path: Path) -> None:
    real = tmp_path / "real" / "glossary.po"
    real.parent.mkdir()
    real.write_bytes(b"old\n")
    os.chmod(real, 0o640)
    if os.geteuid() == 0:
        os.chown(real, 1234, 5678)
    link = tmp_path / "glossary.po"
    link.symlink_to(real)
    assert atomic_write_bytes(link, b"new\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"
    info = real.stat()
    assert stat.S_IMODE(info.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (1234, 5678)
    assert [p.name for p in real.parent.iterdir()] == ["glossary.po"]


def _linked_catalog(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A :func:`_translated` glossary whose English glossary catalog is a link to the file in a
    folder of its own (``translators/``): the glossary, the link and that folder."""
    root = _translated(tmp_path / "g")
    elsewhere = tmp_path / "translators"
    elsewhere.mkdir()
    po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    shutil.move(po, elsewhere / "glossary.po")
    po.symlink_to(elsewhere / "glossary.po")
    return root, po, elsewhere


def test_update_writes_through_a_linked_catalog(tmp_path: Path) -> None:
    root, po, elsewhere = _linked_catalog(tmp_path)
    (root / "seeds" / "dana.md").write_text(
        "---\ntitle: Dana\ndescription: Wang.\n---\n\n# Dana\n", encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    assert po.is_symlink()
    assert 'msgid "Dana"' in (elsewhere / "glossary.po").read_text("utf-8")



@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_killed_update_s_temporary_beside_a_linked_catalog_goes_when_old(
        tmp_path: Path) -> None:
    """A catalog that is a link is written beside the file it leads to: a killed update's
    temporary there (`translators/.glossary.po.<random>.tmp`) was never removed, as the sweep
    looked in LC_MESSAGES alone. The catalog lock does not cover that folder (another glossary
    may write the file too): as in the store, one an hour old goes."""
    import time

    from glossari._store import STALE_TEMPORARY

    root, po, elsewhere = _linked_catalog(tmp_path)
    ok("update", "-l", "en", root=root)
    (root / "seeds" / "dana.md").write_text(
        "---\ntitle: Dana\ndescription: Wang pelaburannya.\n---\n\n# Dana\n", encoding="utf-8")
    ok("extract", root=root)
    kept = (elsewhere / "glossary.po").read_bytes()
    killed: list[set[Path]] = []
    for _ in range(2):
        kill_at_write("translators", ["--root", str(root), "update", "-l", "en"])
        assert (elsewhere / "glossary.po").read_bytes() == kept
        killed.append(set(elsewhere.glob(".*.tmp")) - set().union(*killed))
    old, young = killed
    assert old, "the kill did not land inside a write"
    assert young
    aged = time.time() - STALE_TEMPORARY - 60
    for path in old:
        os.utime(path, (aged, aged))
    ok("update", "-l", "en", root=root)
    assert po.is_symlink()
    assert 'msgid "Dana"' in (elsewhere / "glossary.po").read_text("utf-8")
    # the old one is gone; a young one may be another glossary's write in progress: it stays
    assert set(elsewhere.glob(".*.tmp")) == young


@contextlib.contextmanager
def _mounted(source: Path, target: Path) -> Iterator[None]:
    """``source`` bind-mounted over the file ``target``, as ``docker run -v FILE:...`` mounts
    one (root only: skipped where mounting is not allowed)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("bind mounts need root")
    done = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True,
                          check=False)
    if done.returncode:
        pytest.skip(f"mount refused: {done.stderr!r}")
    try:
        yield
    finally:
        subprocess.run(["umount", str(target)], check=True)


@pytest.mark.parametrize("other_file_system", [True, False])
def test_a_catalog_mounted_on_its_own_is_refused_before_any_is_replaced(
        tmp_path: Path, other_file_system: bool) -> None:
    """A catalog mounted on its own (a container given `-v glossary.po:...`) cannot be replaced
    by a rename: update renamed the catalogs before it (articles-*.po) and then failed with
    `Device or resource busy; check free space and permissions`, a half-done run and a hint
    that did not help. It is now found before anything is written: on another file system by
    its device, bind-mounted from the same one as a mount point the system lists."""
    root = _translated(tmp_path / "g")
    (root / "seeds" / "dana.md").write_text(  # every catalog changes
        "---\ntitle: Dana\ndescription: Wang pelaburannya.\n---\n\n# Dana\n\nTeks.\n",
        encoding="utf-8")
    for stem in ARTICLES:
        path = root / "seeds" / f"{stem}.md"
        path.write_text(path.read_text("utf-8") + "\nSaham-saham baharu.\n", encoding="utf-8")
    ok("extract", root=root)
    folder = root / "locale" / "en" / "LC_MESSAGES"
    shm = Path("/dev/shm")
    if other_file_system and not shm.is_dir():
        pytest.skip("no /dev/shm")
    held = Path(tempfile.mkdtemp(dir=shm if other_file_system else tmp_path)) / "glossary.po"
    try:
        shutil.copy(folder / "glossary.po", held)
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        with _mounted(held, folder / "glossary.po"):
            code, _out, err = cli("update", "-l", "en", root=root)
            assert code == 2
            assert len(err.strip().splitlines()) == 1
            assert "glossary.po: a file mounted on its own" in err
            assert "mount the folder that holds it instead" in err
            # found before any rename, by its file system or as a listed mount point: no
            # catalog changed, no temporary left
            assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    finally:
        shutil.rmtree(held.parent)


@pytest.mark.skipif(os.geteuid() != 0, reason="switching to another user needs root")
def test_a_lock_file_another_user_left_is_named_as_such() -> None:
    """`sudo glossari update` leaves locale/.glossari-en.lock owned by root, mode 644: every
    later update of the glossary's own user was refused with `cannot create the lock file:
    Permission denied; check that the folder is writable`, of a folder that was writable."""
    where = Path(tempfile.mkdtemp())
    try:
        root = _translated(where / "g")
        for path in [where, *where.rglob("*")]:
            path.chmod(0o777 if path.is_dir() else 0o666)
        lock = root / "locale" / ".glossari-en.lock"
        lock.touch()
        lock.chmod(0o644)  # root's, as a run under sudo leaves it
        before = {p: p.read_bytes() for p in (root / "locale").rglob("*.po")}
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("needs setpriv to run as another user")
        done = subprocess.run(
            [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m",
             "glossari", "--root", str(root), "update", "-l", "en"],
            capture_output=True, text=True, check=False, cwd="/",
            env={**os.environ, "HOME": str(where)})
        if "glossari: error" not in done.stderr:
            pytest.skip(f"glossari does not run as another user here: {done.stderr[-200:]}")
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert "it is another user's" in done.stderr
        assert "remove it (rm " in done.stderr
        assert "check that the folder is writable" not in done.stderr
        assert {p: p.read_bytes() for p in (root / "locale").rglob("*.po")} == before
    finally:
        shutil.rmtree(where)


def test_table_to_dev_stdout_and_dash(tmp_path: Path) -> None:
    root = _glossary(tmp_path / "g")
    for target in ("/dev/stdout", "-"):
        done = subprocess.run([sys.executable, "-m", "glossari", "--root", str(root), "table",
                               "-o", target], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert "| Akaun |" in done.stdout


@pytest.mark.skipif(os.geteuid() != 0, reason="switching to another user needs root")
def test_table_to_dev_stdout_for_a_user_without_write_access_to_the_file(tmp_path: Path) -> None:
    # the shell opened the output file; the user running glossari may not reopen it
    out = tmp_path / "out.md"
    with out.open("wb") as handle:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "glossari", "table", "-o", "/dev/stdout"],
                stdout=handle, stderr=subprocess.PIPE, text=True, check=False, cwd="/",
                user=65534, group=65534, extra_groups=[],
            )
        except PermissionError:
            pytest.skip("the interpreter is not reachable by another user here")
    assert done.returncode == 0, done.stderr
    assert out.read_text("utf-8").startswith("| Malay |")


def test_table_to_a_fifo_streams_when_read_and_refuses_when_not(tmp_path: Path) -> None:
    root = _glossary(tmp_path / "g")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    code, _out, err = cli("table", "-o", fifo, root=root)
    assert code == 2
    assert "no program reads" in err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    try:
        for _ in range(100):  # let the reader open its end first
            code, _out, err = cli("table", "-o", fifo, root=root)
            if code == 0:
                break
            threading.Event().wait(0.05)
    finally:
        if code != 0:  # unblock the reader
            fd = os.open(fifo, os.O_WRONLY)
            os.close(fd)
        reader.join(timeout=30)
    assert code == 0, err
    assert b"Akaun" in got[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the FIFO, not replaced by a file


def test_table_refuses_a_folder(tmp_path: Path) -> None:
    root = _glossary(tmp_path / "g")
    (tmp_path / "out.md").mkdir()
    code, _out, err = cli("table", "-o", tmp_path / "out.md", root=root)
    assert code == 2
    assert err.count("\n") == 1
    assert "a folder, not a file" in err


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_table_to_a_character_device_streams_and_keeps_it(tmp_path: Path) -> None:
    # a null device of our own (the machine's /dev/null is shared with other programs): the
    # old code renamed a regular file over it, as it would have over /dev/null
    root = _glossary(tmp_path / "g")
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    code, _out, err = cli("table", "-o", null, root=root)
    assert code == 0, err
    assert stat.S_ISCHR(null.stat().st_mode)
    with pytest.raises(Exception, match="not a regular file"):
        atomic_write_bytes(null, b"x")  # a rename never replaces a device
    assert stat.S_ISCHR(null.stat().st_mode)


# -- item 13: a long id is rendered ------------------------------------------------------------


def test_a_245_character_id_is_rendered(tmp_path: Path) -> None:
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    term_id = "k" * 245
    (root / "seeds" / f"{term_id}.md").write_text(ARTICLES["bon"], encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert (out / f"{term_id}.md").read_text("utf-8").startswith("---\ntitle: Bon")


# -- item 11 and the disk-full behaviour of every writing command --------------------------------


class _Full:
    """``os.fdopen`` whose files raise ENOSPC at the ``fail_at``-th write of the run."""

    def __init__(self, fail_at: int) -> None:
        self.fail_at = fail_at
        self.writes = 0
        self.real = os.fdopen

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _FullFile(self, self.real(*args, **kwargs))


class _FullFile:
    def __init__(self, owner: _Full, inner: Any) -> None:
        self.owner, self.inner = owner, inner

    def write(self, data: Any) -> int:
        self.owner.writes += 1
        if self.owner.writes == self.owner.fail_at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return int(self.inner.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.close()


def _outputs(root: Path) -> dict[str, bytes]:
    """Every file a command publishes (not the cache), by path. The compiled termbase records
    when it was built (issue 13), so two runs differ in those bytes: its terms are compared."""
    return {p.relative_to(root).as_posix(): _termbase_terms(p) if p.suffix == ".sqlite"
            else p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".glossari-cache" not in p.parts and not p.name.endswith(".tmp")}


def _termbase_terms(path: Path) -> bytes:
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as db:
        rows = db.execute("SELECT data FROM terms ORDER BY position").fetchall()
    return "\n".join(row[0] for row in rows).encode()


def _temporaries(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in root.rglob(".*.tmp")]


def _edit(root: Path) -> None:
    """Change every article and translation, so every output of every command changes."""
    for path in (root / "seeds").glob("*.md"):
        path.write_text(path.read_text("utf-8").replace("Teks", "Teks baharu"), "utf-8")
    for po in (root / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        po.write_text(po.read_text("utf-8").replace('msgstr "EN ', 'msgstr "New '), "utf-8")


def _prepare(command: str, root: Path, tmp_path: Path) -> list[str]:
    """Set ``root`` up for ``command``; returns its arguments."""
    _translated(root)
    if command == "extract":
        _edit(root)
        return ["extract"]
    if command == "update":
        _edit(root)
        ok("extract", root=root)
        return ["update", "-l", "en"]
    if command == "compile":
        ok("compile", "-l", "en", root=root)
        _edit(root)
        return ["compile", "-l", "en"]
    if command == "render":
        ok("render", "-l", "en", "-o", root / "build", "--min-coverage", "0", root=root)
        _edit(root)
        return ["render", "-l", "en", "-o", str(root / "build"), "--min-coverage", "0"]
    if command == "table":
        ok("table", "-o", root / "table.csv", root=root)
        _edit(root)
        return ["table", "-o", str(root / "table.csv")]
    if command == "site":
        ok("site", "-l", "en", "-o", root / "site", root=root)
        _edit(root)
        return ["site", "-l", "en", "-o", str(root / "site")]
    if command == "import":
        # a terminologist's TBX whose every English headword differs: --force writes them all
        ok("table", "--format", "tbx", "-l", "en", "-o", root / "terms.tbx", root=root)
        tbx = root / "terms.tbx"
        tbx.write_text(tbx.read_text("utf-8").replace(">EN ", ">New "), "utf-8")
        return ["import", str(tbx), "-l", "en", "--force"]
    assert command == "align"
    english = tmp_path / "en"
    english.mkdir()
    for stem, text in ARTICLES.items():
        (english / f"{stem}.md").write_text(
            text.replace("Teks", "Text").replace("Akaun", "Account").replace("Bon", "Bond")
            .replace("Cek", "Cheque"), encoding="utf-8")
    for po in (root / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        po.unlink()
    ok("update", "-l", "en", root=root)
    return ["align", "-l", "en", str(english)]


def _runs(fail_at: int, root: Path, argv: list[str],
          monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, int]:
    full = _Full(fail_at)
    with monkeypatch.context() as patch:
        patch.setattr(os, "fdopen", full)
        code, _out, err = cli(*argv, root=root)
    return code, err, full.writes


COMMANDS = ["extract", "update", "compile", "align", "render", "table", "import", "site"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_leaves_every_output_as_it_was(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the runs below must write the same bytes: a template's POT-Creation-Date is the minute
    # of its run, and on a loaded machine the undisturbed run and a trial fell in two minutes
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    base = tmp_path / "base"
    argv = _prepare(command, base / "g", base)
    before = _outputs(base / "g")
    # an undisturbed run: what a run that only lost a cache must give, and how many writes
    clean = tmp_path / "clean"
    shutil.copytree(base, clean, symlinks=True)
    clean_argv = [a.replace(str(base), str(clean)) for a in argv]
    code, err, writes = _runs(0, clean / "g", clean_argv, monkeypatch)
    assert code == 0, err
    after = _outputs(clean / "g")
    assert after != before, "the run changes nothing: the test would prove nothing"
    assert writes >= 1
    for fail_at in _each(writes):
        trial = tmp_path / f"full{fail_at}"
        shutil.copytree(base, trial, symlinks=True)
        trial_argv = [a.replace(str(base), str(trial)) for a in argv]
        code, err, _ = _runs(fail_at, trial / "g", trial_argv, monkeypatch)
        outputs = _outputs(trial / "g")
        if code == 0:  # only a cache was lost: the outputs are the undisturbed run's
            assert outputs == {k: v for k, v in after.items()}, (fail_at, err)
        else:
            assert code == 2, err
            assert err.count("\n") == 1, err
            assert "No space left on device" in err
            assert outputs == before, f"write {fail_at} of {writes}: part of the run landed"
        assert _temporaries(trial) == [], fail_at
        shutil.rmtree(trial)


def _each(writes: int) -> Iterator[int]:
    # every write of a short run; for a long one, the first ten and every tenth
    yield from (range(1, writes + 1) if writes <= 40 else
                sorted({*range(1, 11), *range(10, writes + 1, 10), writes}))


def test_render_refusing_a_planted_link_writes_nothing(tmp_path: Path) -> None:
    root = _translated(tmp_path / "g")
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    _edit(root)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "elsewhere.md").write_text("jangan\n", encoding="utf-8")
    (out / "cek.md").unlink()
    (out / "cek.md").symlink_to(tmp_path / "elsewhere.md")  # the last article in name order
    code, _out, err = cli("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert code == 2, err
    assert (tmp_path / "elsewhere.md").read_text("utf-8") == "jangan\n"
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name != "cek.md"} == {
        k: v for k, v in before.items() if k != "cek.md"}
    assert _temporaries(out) == []



# -- item 8: read-only trees and odd cache folders -------------------------------------------------

READERS = [["check"], ["check", "-l", "en", "--format", "json"], ["show", "akaun", "-l", "en"],
           ["table", "-l", "en"]]
WRITERS = [["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]]


def _read_only(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """Every creation, write or rename under ``root`` fails with EACCES, as on a read-only tree
    (the tests run as root, whom permission bits do not stop)."""
    inside = str(root.resolve())

    def under(path: Any) -> bool:
        try:
            return os.path.realpath(os.fspath(path)).startswith(inside)
        except TypeError:
            return False

    def refuse(path: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))

    real_open, real_mkdir, real_replace = os.open, os.mkdir, os.replace
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & writing and under(path):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)

    def mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if under(path):
            refuse(path)
        real_mkdir(path, *args, **kwargs)

    def replace(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        if under(target):
            refuse(target)
        real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("cache", ["read-only", "a file", "missing"])
@pytest.mark.parametrize("argv", READERS + WRITERS, ids=lambda a: "-".join(a))
def test_read_only_trees_and_odd_caches(
    tmp_path: Path, argv: list[str], cache: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _translated(tmp_path / "g")
    _edit(root)  # so that writers have something to write
    if cache != "read-only":
        shutil.rmtree(root / ".glossari-cache", ignore_errors=True)
    if cache == "a file":
        (root / ".glossari-cache").write_text("not a folder\n", encoding="utf-8")
    before = _outputs(root)
    if cache == "read-only":
        _read_only(monkeypatch, root)
    code, out, err = cli(*argv, root=root)
    assert "internal error" not in err
    assert "Traceback" not in err
    if argv in READERS:  # reading works without a cache, and writes nothing
        assert code in (0, 1), err
        assert out
        assert _outputs(root) == before
    elif cache in ("missing", "a file"):
        # a writer whose cache is a file still writes (without it); update too, since its lock
        # lives in locale/, not in the cache
        assert code == 0, err
    else:  # a writer on a read-only tree: one clear line
        assert code == 2, err
        assert err.count("\n") == 1, err
        assert _outputs(root) == before


# -- item 13: align reads X.MD as the seeds are read -------------------------------------------


def test_align_pairs_an_upper_case_extension_and_reports_an_unmatched_file(tmp_path: Path) -> None:
    root = _glossary(tmp_path / "g")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    english = tmp_path / "en"
    english.mkdir()
    (english / "BON.MD").write_text(ARTICLES["bon"].replace("Bon", "Bond").replace(
        "Hutang", "Debt").replace("Teks bon", "Bond text"), encoding="utf-8")
    (english / "tiada.Md").write_text(ARTICLES["cek"], encoding="utf-8")
    code, _out, err = cli("align", "-l", "en", english, root=root)
    assert code == 0, err
    assert "tiada.Md: no seeds/" in err  # reported, not skipped silently
    po = (root / "locale" / "en" / "LC_MESSAGES" / "glossary.po").read_text("utf-8")
    assert 'msgstr "Bond"' in po


def test_a_full_disk_under_the_termbase_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite writes the termbase through its own I/O, which the ENOSPC of ``os.fdopen`` above
    never reaches: a real full disk was ``internal error: OperationalError: database or disk is
    full``. A database that may not grow gives SQLite's very error (SQLITE_FULL)."""
    import sqlite3

    from glossari.termbase import build

    root = _translated(tmp_path / "g")
    _edit(root)
    fill = build.fill

    def full(connection: sqlite3.Connection, *args: Any, **kwargs: Any) -> None:
        connection.execute("PRAGMA max_page_count = 2")
        fill(connection, *args, **kwargs)

    monkeypatch.setattr(build, "fill", full)
    code, _out, err = cli("compile", "-l", "en", root=root)
    assert code == 2, err
    assert err.count("\n") == 1, err
    assert "cannot write glossari.sqlite: database or disk is full" in err
    assert "internal error" not in err
    assert _temporaries(root) == []


def test_a_full_disk_under_the_check_output_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check`` writes its findings to a file before it prints them (a million do not fit in
    memory): ENOSPC there was ``internal error: OSError: [Errno 28]``."""
    import glossari.checkmemo

    root = _translated(tmp_path / "g")
    _edit(root)

    def full_open(*args: Any, **kwargs: Any) -> Any:
        return _FullFile(_Full(1), open(*args, **kwargs))

    monkeypatch.setattr(glossari.checkmemo, "open", full_open, raising=False)
    for fmt in ("text", "json", "sarif"):
        code, _out, err = cli("check", "-l", "en", "--format", fmt, root=root)
        assert code == 2, err
        assert err.count("\n") == 1, err
        assert "output: No space left on device; check free space" in err
        assert "internal error" not in err
        assert not list((root / ".glossari-cache").glob(".check-*"))


def test_a_termbase_folder_the_runner_may_not_write_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``locale/en`` not writable while its catalogs and ``.mo`` files are (folders made
    read-only with ``find locale -type d -exec chmod a-w``, or owned by another user), and the
    termbase to be written whole: compile had no ``.mo`` to write, only the termbase, and its
    temporary file was ``internal error: PermissionError``."""
    from glossari._atomic import make_temporary
    from glossari.termbase import build

    root = _translated(tmp_path / "g")
    ok("compile", "-l", "en", root=root)
    _edit(root)
    ok("compile", "-l", "en", root=root)  # the .mo files as the catalogs say
    (root / "locale" / "en" / "glossari.sqlite").unlink()
    before = _outputs(root)
    folder = (root / "locale" / "en").resolve()
    def refused(where: Path | str, prefix: str) -> tuple[int, str]:
        if Path(where).resolve() == folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder / ".x"))
        return make_temporary(where, prefix)

    monkeypatch.setattr(build, "make_temporary", refused)
    code, _out, err = cli("compile", "-l", "en", root=root)
    assert code == 2, err
    assert "internal error" not in err
    assert err.count("\n") == 1, err
    assert "glossari.sqlite: cannot write in " in err
    assert "Permission denied" in err
    assert _outputs(root) == before


@pytest.mark.parametrize(("argv", "in_the_way"), [
    (["extract"], "locale"),
    (["update", "-l", "en"], "locale/en"),
    (["update", "-l", "en"], "locale/en/LC_MESSAGES"),
])
def test_a_file_where_a_catalog_folder_goes_is_one_line(
    tmp_path: Path, argv: list[str], in_the_way: str
) -> None:
    """A file standing where ``extract`` or ``update`` makes a folder was ``internal error:
    FileExistsError``."""
    root = _glossary(tmp_path / "g")
    if argv != ["extract"]:
        ok("extract", root=root)
    (root / in_the_way).parent.mkdir(parents=True, exist_ok=True)
    (root / in_the_way).write_text("not a folder\n", encoding="utf-8")
    before = _outputs(root)
    code, _out, err = cli(*argv, root=root)
    assert code == 2, err
    assert err.count("\n") == 1, err
    assert f"{in_the_way}: cannot create the folder: a file stands in its place; " in err
    after = _outputs(root)
    after.pop("locale/.glossari-en.lock", None)  # the lock file update may leave (documented)
    assert after == before
    assert _temporaries(root) == []


@pytest.mark.parametrize("argv", [
    ["extract"], ["render", "-l", "en", "-o", "OUT", "--min-coverage", "0"],
    ["site", "-o", "OUT"],
], ids=lambda argv: argv[0])
def test_sigterm_removes_what_the_command_staged(
    tmp_path: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM (``timeout``, a CI job cancelled, ``docker stop``) killed the command outright,
    leaving its staged ``.<name>.<random>.tmp`` files among its outputs for good (no lock
    proves their writer dead, so no later run removes them: a site published them). Now it
    is met as Ctrl-C is: what was staged is removed, nothing replaced, exit 143."""
    import signal

    from glossari._atomic import StagedWrites
    from glossari.export.site import _output

    root = _translated(tmp_path / "g")
    out = tmp_path / "out"
    argv = [str(out) if a == "OUT" else a for a in argv]
    ok(*argv, root=root)
    _edit(root)
    ok("extract", root=root) if argv[0] != "extract" else None
    before = _outputs(root), _outputs(out) if out.exists() else {}

    def terminated(self: object) -> Any:
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM was not met")

    monkeypatch.setattr(StagedWrites, "commit", terminated)
    monkeypatch.setattr(_output.SiteFolder, "finish", terminated)  # the site's own staging

    def unmet(signum: int, frame: object) -> None:  # (before: the signal killed the process)
        raise AssertionError("glossari left SIGTERM to kill the process")

    outside = signal.signal(signal.SIGTERM, unmet)
    try:
        code, _out, err = cli(*argv, root=root)
        assert signal.getsignal(signal.SIGTERM) is unmet  # main() leaves it as it was
    finally:
        signal.signal(signal.SIGTERM, outside)
    assert (code, err) == (143, "glossari: terminated\n")
    assert (_outputs(root), _outputs(out) if out.exists() else {}) == before
    assert _temporaries(root) == []
    assert not out.exists() or _temporaries(out) == []


def _unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Every opening of ``path`` fails with EACCES, as for a file another user owns with mode
    600 (the tests run as root, whom permission bits do not stop)."""
    import builtins
    import io

    denied = os.path.realpath(path)

    def refused(target: Any) -> bool:
        try:
            return os.path.realpath(os.fspath(target)) == denied
        except TypeError:  # a descriptor
            return False

    def refuse(target: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(target))

    real_os_open, real_open = os.open, builtins.open

    def os_open(target: Any, *args: Any, **kwargs: Any) -> int:
        if refused(target):
            refuse(target)
        return real_os_open(target, *args, **kwargs)

    def open_(target: Any, *args: Any, **kwargs: Any) -> Any:
        if refused(target):
            refuse(target)
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)


@pytest.mark.parametrize("compiled", [False, True], ids=["first-compile", "compiled-before"])
@pytest.mark.parametrize("which", ["seeds/bon.md", "locale/en/LC_MESSAGES/glossary.po"])
@pytest.mark.parametrize("argv", [*READERS, *WRITERS, ["find", "teks bon"]],
                         ids=lambda a: "-".join(a))
def test_an_unreadable_input_is_one_line_naming_it(
    tmp_path: Path, argv: list[str], which: str, compiled: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # compile hashes its inputs before it parses them, and that hashing had no error of its
    # own: an article the user may not read was `internal error: PermissionError`
    root = _translated(tmp_path / "g")
    if compiled:
        ok("compile", "-l", "en", root=root)
    _edit(root)
    _unreadable(monkeypatch, root / which)
    code, _out, err = cli(*argv, root=root)
    assert "internal error" not in err
    if code == 0:  # a command that never needs the file (update, extract: not the .po)
        return
    assert code == 2, err
    assert err.count("\n") == 1, err
    # the words of the file's own reader: the articles' (file), the catalogs' (catalog)
    what = "file" if which.startswith("seeds/") else "catalog"
    assert err.startswith(f"glossari: error: {which}: cannot read the {what}: Permission denied; ")


def _unlistable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``folder`` as another user's with mode 700 is to us: it cannot be listed (EACCES from
    ``os.scandir``, which ``Path.glob`` swallows) nor entered (EACCES on every path inside)."""
    import builtins
    import io

    denied = os.path.abspath(folder)  # not realpath: it calls the os.lstat patched here

    def inside(target: Any) -> bool:
        try:
            return os.path.abspath(os.fspath(target)).startswith(denied + os.sep)
        except TypeError:  # a descriptor
            return False

    def refuse(target: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(target))

    real = {name: getattr(os, name) for name in ("scandir", "open", "stat", "lstat")}
    real_open = builtins.open

    def scandir(target: Any = ".") -> Any:
        if not isinstance(target, int) and os.path.abspath(os.fspath(target)) == denied:
            refuse(target)
        return real["scandir"](target)

    def wrap(name: str) -> Any:
        def call(target: Any, *args: Any, **kwargs: Any) -> Any:
            if inside(target):
                refuse(target)
            return real[name](target, *args, **kwargs)
        return call

    def open_(target: Any, *args: Any, **kwargs: Any) -> Any:
        if inside(target):
            refuse(target)
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    for name in ("open", "stat", "lstat"):
        monkeypatch.setattr(os, name, wrap(name))
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)


@pytest.mark.parametrize("compiled", [False, True], ids=["first-compile", "compiled-before"])
@pytest.mark.parametrize("argv", [*READERS, *WRITERS, ["find", "teks bon"]],
                         ids=lambda a: "-".join(a))
def test_a_catalog_folder_that_cannot_be_listed_is_no_empty_one(
    tmp_path: Path, argv: list[str], compiled: bool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Path.glob reads a folder it may not list as an empty one: with another user's
    # locale/en/LC_MESSAGES, compile wrote a termbase without a translation (exit 0), check
    # said "no catalogs to check", show and table gave every term untranslated
    root = _translated(tmp_path / "g")
    if compiled:
        ok("compile", "-l", "en", root=root)
    _edit(root)
    _unlistable(monkeypatch, root / "locale" / "en" / "LC_MESSAGES")
    code, out, err = cli(*argv, root=root)
    assert "internal error" not in err
    if argv == ["extract"]:  # the one command that reads no catalog
        assert code == 0, err
        return
    assert code == 2, (out, err)
    assert err.count("\n") == 1, err
    assert err.startswith("glossari: error: locale/en/LC_MESSAGES: cannot read the folder: "
                          "Permission denied; ") or (
        argv[0] == "update" and "Permission denied" in err), err


@pytest.mark.parametrize("argv", [*READERS, *WRITERS, ["find", "teks bon"]],
                         ids=lambda a: "-".join(a))
def test_a_seeds_folder_that_cannot_be_listed_is_one_line(
    tmp_path: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    # another user's seeds/ (mode 700) was `internal error: PermissionError` in every command
    root = _translated(tmp_path / "g")
    _unlistable(monkeypatch, root / "seeds")
    code, _out, err = cli(*argv, root=root)
    if argv[0] == "update":  # reads the templates, not the articles
        assert code == 0, err
        return
    assert code == 2, err
    assert err == ("glossari: error: seeds: cannot read the folder: Permission denied; check "
                   "that you may read the folder and enter it\n")


def test_a_folder_met_without_permission_anywhere_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # wherever a command first meets a file or folder it may not read or enter (Python 3.11's
    # Path.exists() raises PermissionError), the user's setup is named in one line, as a path
    # too long is: `update` with another user's locale/en/LC_MESSAGES was an internal error
    root = _translated(tmp_path / "g")
    folder = root / "locale" / "en" / "LC_MESSAGES"
    _unlistable(monkeypatch, folder)
    code, _out, err = cli("update", "-l", "en", root=root)
    assert code == 2, err
    assert "internal error" not in err
    assert err.count("\n") == 1, err
    # (since update looks for the language's catalogs under another spelling, it meets the
    # folder itself first, and names it as the seeds' folder is named above)
    assert err == ("glossari: error: locale/en/LC_MESSAGES: cannot read the folder: Permission "
                   "denied; check that you may read the folder and enter it\n"), err


@pytest.mark.parametrize("argv", [*READERS, *WRITERS, ["find", "teks bon"]],
                         ids=lambda a: "-".join(a))
def test_a_cache_that_cannot_be_entered_costs_only_time(
    tmp_path: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    # another user's .glossari-cache (a `sudo glossari extract` once): extract asked
    # Path.exists() whether a table's file was there, which raised PermissionError
    root = _translated(tmp_path / "g")
    ok("check", root=root)  # the cache holds every table, then becomes another user's
    _edit(root)
    expected = _outputs_of(tmp_path / "twin", argv)
    _unlistable(monkeypatch, root / ".glossari-cache")
    code, out, err = cli(*argv, root=root)
    assert code == 0, err
    assert out.replace(str(root), "ROOT") == expected


def _outputs_of(twin: Path, argv: list[str]) -> str:
    """What ``argv`` prints for the same edited glossary with a cache of its own."""
    root = _translated(twin)
    ok("check", root=root)
    _edit(root)
    return ok(*argv, root=root).replace(str(root), "ROOT")
