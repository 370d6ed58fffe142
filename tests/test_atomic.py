"""Atomic writes and the catalog lock, including a real kill in the middle of a write."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from glossari._atomic import StagedWrites, atomic_write_bytes, atomic_write_text, locked
from glossari.errors import CatalogError

ROOT = Path(__file__).resolve().parent.parent


def test_new_file_and_unchanged_content(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    assert atomic_write_text(path, "a\r\nb\n") is True
    assert path.read_bytes() == b"a\r\nb\n"  # no newline translation
    before = path.stat()
    time.sleep(0.01)
    assert atomic_write_text(path, "a\r\nb\n") is False
    after = path.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert atomic_write_bytes(path, b"c") is True
    assert path.read_bytes() == b"c"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po"]  # no temporary left


def test_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    path.chmod(0o604)
    atomic_write_bytes(path, b"newer")
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "n.po", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "n.po").stat().st_mode) == 0o644


def test_missing_folder_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        atomic_write_bytes(tmp_path / "nope" / "a.po", b"x")
    assert caught.value.hint


def test_killed_writer_leaves_previous_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "big.po"
    path.write_bytes(b"previous content\n")
    # the child writes 32 MB; its fsync announces itself and stalls like a slow disk, so the
    # kill lands after the data is written to the temporary file but before the rename
    child = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from glossari import _atomic
        real_fsync = os.fsync
        def slow_fsync(fd):
            real_fsync(fd)
            print("writing", flush=True)
            time.sleep(60)
        _atomic.os.fsync = slow_fsync
        _atomic.atomic_write_bytes({str(path)!r}, b"x" * (32 << 20))
        """
    )
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline() == b"writing\n"
    temporaries = [p for p in tmp_path.iterdir() if p.name != "big.po"]
    assert temporaries
    assert temporaries[0].stat().st_size == 32 << 20
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert path.read_bytes() == b"previous content\n"
    # the next write succeeds despite the stray temporary file
    assert atomic_write_bytes(path, b"next\n") is True
    assert path.read_bytes() == b"next\n"


def test_lock_serializes_and_refuses_after_timeout(tmp_path: Path) -> None:
    path = tmp_path / "en.po"
    holder = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from glossari._atomic import locked
        with locked({str(path)!r}):
            print("locked", flush=True)
            sys.stdin.readline()
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stdin is not None
    try:
        assert process.stdout.readline() == b"locked\n"
        with pytest.raises(CatalogError) as caught, locked(path, timeout=0.2):
            pass
        assert "another glossari process is updating this catalog" in str(caught.value)
        assert "wait for it to finish" in str(caught.value)
        assert str(caught.value).startswith(f"{path}.lock:")  # the file that exists
        assert Path(f"{path}.lock").exists()
        # once the holder is done, the waiting process gets the lock
        acquired = threading.Event()

        def wait_for_lock() -> None:
            with locked(path, timeout=30):
                acquired.set()

        waiter = threading.Thread(target=wait_for_lock)
        waiter.start()
        time.sleep(0.2)
        assert not acquired.is_set()
        process.stdin.write(b"\n")
        process.stdin.flush()
        waiter.join(30)
        assert acquired.is_set()
    finally:
        process.kill()
        process.wait()


def test_concurrent_writers_never_mix(tmp_path: Path) -> None:
    path = tmp_path / "c.po"
    writer = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from glossari._atomic import atomic_write_bytes, locked
        for i in range(30):
            with locked({str(path)!r}):
                atomic_write_bytes({str(path)!r}, sys.argv[1].encode() * 100_000)
        """
    )
    processes = [subprocess.Popen([sys.executable, "-c", writer, tag]) for tag in "ab"]
    seen: set[bytes] = set()
    while any(p.poll() is None for p in processes):
        if path.exists():
            data = path.read_bytes()
            assert data in (b"a" * 100_000, b"b" * 100_000)
            seen.add(data[:1])
    assert all(p.returncode == 0 for p in processes)
    assert path.read_bytes() in (b"a" * 100_000, b"b" * 100_000)


def test_staging_a_path_again_replaces_it_and_drop_forgets_it(tmp_path: Path) -> None:
    """``update`` merges a domain a second time when another catalog lost its translations: the
    second staging must win, and leave no temporary file behind."""
    from glossari._atomic import StagedWrites

    kept = tmp_path / "kept.po"
    kept.write_bytes(b"translator's\n")
    with StagedWrites() as staged:
        staged.stage(tmp_path / "a.po", b"first\n")
        staged.stage(kept, b"replaced\n")
        staged.stage(tmp_path / "b.po", b"b\n")
        staged.stage(tmp_path / "a.po", b"second\n")
        staged.drop(kept)
        staged.drop(tmp_path / "never-staged.po")
        assert len([p for p in tmp_path.iterdir() if p.name.startswith(".")]) == 2
        staged.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "b.po", "kept.po"]
    assert (tmp_path / "a.po").read_bytes() == b"second\n"
    assert (tmp_path / "b.po").read_bytes() == b"b\n"
    assert kept.read_bytes() == b"translator's\n"


def test_an_interrupt_raised_as_the_temporary_is_made_leaves_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A signal (SIGTERM, Ctrl-C) arriving during the open() that makes a temporary is raised
    by Python just after it returns: tempfile.mkstemp then made a file no one knew of, and a
    `site` run stopped by SIGTERM left `terms/.page.html.x1y2.tmp` in the published site."""
    real_open = os.open

    def open_then_interrupted(*args: object, **kwargs: object) -> int:
        descriptor = real_open(*args, **kwargs)  # type: ignore[arg-type]
        os.close(descriptor)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", open_then_interrupted)
    with pytest.raises(KeyboardInterrupt), StagedWrites() as staged:
        staged.stage(tmp_path / "page.html", b"<p>x</p>")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_before_a_staged_file_is_renamed_leaves_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    def stage_then_commit() -> None:
        with StagedWrites() as staged:
            staged.stage(tmp_path / "a.po", b"a\n")
            staged.stage(tmp_path / "cache.bin", b"c", durable=False)
            monkeypatch.setattr(os, "replace", interrupted)
            staged.commit()

    with pytest.raises(KeyboardInterrupt):
        stage_then_commit()
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
