"""Gaps found by mutation testing of render's removal of stale renderings (render._stale and
render_folder): each test fails on a small change of that code that every other test let
through."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tests._alignkit import cli, ok, rendered_seed


def _rename_article(root: Path, new: str) -> None:
    (root / "seeds" / "accountexecutive.md").rename(root / "seeds" / new)
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)


def _record(out_dir: Path) -> dict[str, str]:
    return json.loads((out_dir / ".glossari-rendered.json").read_text(encoding="utf-8"))


def _record_entry(out_dir: Path, name: str, data: bytes) -> None:
    """Add ``name`` to render's record with the digest of ``data``, as a hand edit would."""
    record = _record(out_dir)
    record[name] = hashlib.sha256(data).hexdigest()
    (out_dir / ".glossari-rendered.json").write_text(json.dumps(record), encoding="utf-8")


def _render(root: Path, out_dir: Path, *more: str) -> tuple[str, str]:
    code, out, err = cli("render", "-l", "en", "-o", out_dir, "--min-coverage", "0", *more,
                         root=root)
    assert code == 0, err
    return out, err


def test_a_record_entry_naming_a_file_outside_the_folder_removes_nothing(tmp_path: Path) -> None:
    """A hand-edited record naming ``../victim.md`` with the victim's own digest: render
    removes only files of its folder, never through a relative name."""
    root, out_dir = rendered_seed(tmp_path)
    victim = tmp_path / "victim.md"
    victim.write_bytes(b"# mine\n")
    _record_entry(out_dir, "../victim.md", b"# mine\n")
    out, _ = _render(root, out_dir)
    assert victim.read_bytes() == b"# mine\n"
    assert "removed" not in out


def test_a_record_entry_for_a_file_that_is_no_rendering_removes_nothing(tmp_path: Path) -> None:
    """Render writes only ``<id>.md``: a record entry for ``notes.txt`` (hand-edited, or a
    record of another tool's) never removes that file, even with its digest."""
    root, out_dir = rendered_seed(tmp_path)
    notes = out_dir / "notes.txt"
    notes.write_bytes(b"notes\n")
    _record_entry(out_dir, "notes.txt", b"notes\n")
    _render(root, out_dir)
    assert notes.read_bytes() == b"notes\n"


def test_an_article_renamed_in_case_on_a_case_sensitive_disk_loses_its_old_rendering(
        tmp_path: Path) -> None:
    """On a case-sensitive disk (Linux) the old name is another file: the stale rendering is
    removed, as any renamed article's is (only one file under both names is kept)."""
    root, out_dir = rendered_seed(tmp_path)
    _rename_article(root, "Accountexecutive.md")
    out, _ = _render(root, out_dir)
    assert (out_dir / "Accountexecutive.md").exists()
    if (out_dir / "accountexecutive.md").exists() and os.path.samefile(
            out_dir / "accountexecutive.md", out_dir / "Accountexecutive.md"):
        pytest.skip("a case-insensitive disk")
    assert not (out_dir / "accountexecutive.md").exists()
    assert f"removed {out_dir / 'accountexecutive.md'}" in out
    assert "accountexecutive.md" not in _record(out_dir)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symbolic_link_at_a_stale_name_is_left(tmp_path: Path) -> None:
    """The stale rendering's name now a link to a file holding render's very bytes: a link is
    no file render wrote, so it is neither removed nor read."""
    root, out_dir = rendered_seed(tmp_path)
    old = out_dir / "accountexecutive.md"
    copy = tmp_path / "copy.md"
    copy.write_bytes(old.read_bytes())
    old.unlink()
    old.symlink_to(copy)
    _rename_article(root, "eksekutif-akaun.md")
    out, _ = _render(root, out_dir)
    assert old.is_symlink()
    assert copy.exists()
    assert "removed" not in out


def test_a_stale_rendering_already_gone_leaves_the_record(tmp_path: Path) -> None:
    root, out_dir = rendered_seed(tmp_path)
    (out_dir / "accountexecutive.md").unlink()
    _rename_article(root, "eksekutif-akaun.md")
    out, _ = _render(root, out_dir)
    assert "removed" not in out
    assert {name for name in _record(out_dir) if name.endswith(".md")} == {"eksekutif-akaun.md"}


def test_a_removal_alone_is_recorded(tmp_path: Path) -> None:
    """A run that writes no article (all under --min-coverage) but removes a stale rendering
    saves the record without it."""
    root, out_dir = rendered_seed(tmp_path)
    _rename_article(root, "eksekutif-akaun.md")
    code, out, err = cli("render", "-l", "en", "-o", out_dir, "--min-coverage", "100",
                         root=root)
    assert code == 0, err
    assert not (out_dir / "eksekutif-akaun.md").exists()  # under 100 %: not written
    assert not (out_dir / "accountexecutive.md").exists()
    assert f"removed {out_dir / 'accountexecutive.md'}" in out
    assert "accountexecutive.md" not in _record(out_dir)


def test_an_unreadable_stale_rendering_is_left_alone(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A stale rendering that cannot be read (permissions; root reads everything, so the
    error is made here) is not render's to judge: left, not removed, no error."""
    from glossari import render

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    stale = out_dir / "kos.md"
    stale.write_bytes(b"x")
    record = {"kos.md": hashlib.sha256(b"x").hexdigest()}
    real = os.open

    def opened(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name == "kos.md":
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", opened)
    removed, left = render._stale(record, out_dir, set())
    assert (removed, left) == ([], [])
    assert "kos.md" in record
