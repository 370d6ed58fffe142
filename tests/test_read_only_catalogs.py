"""A catalog the translator made read-only (``chmod a-w``) is a "do not touch": ``update``,
``import`` and ``align`` refuse it alike (one line naming the file and the fix, exit 2) and
write nothing, where an atomic rename would have replaced it (GNU ``msgmerge -U`` refuses)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests._alignkit import PARALLEL, cli, parallel_root, prepared

FOLDER = Path("locale/en/LC_MESSAGES")


def _state(root: Path) -> dict[str, tuple[bytes, int, int]]:
    folder = root / FOLDER
    return {p.name: (p.read_bytes(), stat.S_IMODE(p.stat().st_mode), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir())}


def _update(root: Path) -> tuple[int, str, str]:
    # a new article: the glossary catalog gains its headword, so update has something to write
    (root / "seeds" / "pelaburannya.md").write_text(
        "---\ntitle: Pelaburan\n---\n\nPelaburannya dibuat melalui "
        "[peniaga broker](/broker-dealer) dalam [saham-saham](/securities).\n",
        encoding="utf-8")
    code, _, err = cli("extract", root=root)
    assert code == 0, err
    return cli("update", "-l", "en", root=root)


def _import(root: Path) -> tuple[int, str, str]:
    table = root.parent / "istilah.csv"
    table.write_text("id,ms,en\r\nbroker-dealer,Peniaga broker,Broker-dealer (BD)\r\n",
                     encoding="utf-8")
    return cli("import", "-l", "en", "--force", table, root=root)


def _align(root: Path) -> tuple[int, str, str]:
    return cli("align", "-l", "en", PARALLEL / "en", root=root)


Run = Callable[[Path], tuple[int, str, str]]


@pytest.mark.parametrize("run", [_update, _import, _align], ids=["update", "import", "align"])
@pytest.mark.parametrize("link", [False, True], ids=["file", "symlink"])
def test_a_read_only_catalog_is_refused_and_nothing_written(
        tmp_path: Path, run: Run, link: bool) -> None:
    root = prepared(parallel_root(tmp_path))
    target = root / FOLDER / "glossary.po"
    if link:  # a catalog kept elsewhere and linked in: its target's permissions count
        kept = tmp_path / "istilah" / "glossary.po"
        kept.parent.mkdir()
        os.replace(target, kept)
        target.symlink_to(kept)
        kept.chmod(0o444)
    else:
        target.chmod(0o444)
    before = _state(root)
    code, _, err = run(root)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "glossary.po: the catalog is read-only" in lines[0], err
    assert "chmod u+w" in lines[0], err
    assert "Traceback" not in err
    assert _state(root) == before
    assert not list((root / FOLDER).glob(".*.tmp"))
    if link:
        assert stat.S_IMODE(kept.stat().st_mode) == 0o444
        assert not list(kept.parent.glob(".*.tmp"))


Run = Callable[[Path], tuple[int, str, str]]


@pytest.mark.parametrize("run", [_update, _import, _align], ids=["update", "import", "align"])
def test_made_writable_again_the_catalog_is_written(tmp_path: Path, run: Run) -> None:
    root = prepared(parallel_root(tmp_path))
    target = root / FOLDER / "glossary.po"
    target.chmod(0o444)
    before = target.read_bytes()
    assert run(root)[0] == 2
    target.chmod(0o644)
    code, _, err = run(root)
    assert code == 0, err
    assert target.read_bytes() != before


@pytest.mark.parametrize("run", [_update, _import, _align], ids=["update", "import", "align"])
@pytest.mark.parametrize("link", [False, True], ids=["file", "symlink"])
def test_a_hard_linked_catalog_is_refused_and_both_names_keep_one_file(
        tmp_path: Path, run: Run, link: bool) -> None:
    # `ln glossary.po elsewhere.po`: the two names are one file, which the atomic rename would
    # split in two (the catalog new, the other name the old bytes, a translator's later save
    # there lost to the catalog); refused as a read-only catalog is, nothing written
    root = prepared(parallel_root(tmp_path))
    target = root / FOLDER / "glossary.po"
    if link:  # a symbolic link to a file that has a second (hard) name: the file counts
        kept = tmp_path / "istilah" / "glossary.po"
        kept.parent.mkdir()
        os.replace(target, kept)
        target.symlink_to(kept)
        other = tmp_path / "istilah" / "pasukan-terjemahan.po"
        os.link(kept, other)
    else:
        other = tmp_path / "pasukan-terjemahan.po"
        os.link(target, other)
    before = _state(root)
    code, _, err = run(root)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "glossary.po: the catalog has 2 names (a hard link)" in lines[0], err
    assert "ln -s" in lines[0], err
    assert "Traceback" not in err
    assert _state(root) == before
    assert os.path.samefile(target, other)
    assert not list((root / FOLDER).glob(".*.tmp"))
    assert not list(other.parent.glob(".*.tmp"))


def test_compile_refuses_a_hard_linked_mo_and_writes_nothing(tmp_path: Path) -> None:
    # `ln glossary.mo /app/locale/.../glossary.mo`: a program reads the other name, which the
    # rename left holding the old translations, served on with no word said
    root = prepared(parallel_root(tmp_path))
    code, _, err = cli("compile", "-l", "en", root=root)
    assert code == 0, err
    mo = root / FOLDER / "glossary.mo"
    deployed = tmp_path / "aplikasi" / "glossary.mo"
    deployed.parent.mkdir()
    os.link(mo, deployed)
    _import(root)  # a translation changes: the .mo would change
    before = _state(root)
    code, _, err = cli("compile", "-l", "en", root=root)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "glossary.mo: the catalog has 2 names (a hard link)" in lines[0], err
    assert "glossari compile" in lines[0], err
    assert _state(root) == before
    assert os.path.samefile(mo, deployed)
    deployed.unlink()
    code, _, err = cli("compile", "-l", "en", root=root)
    assert code == 0, err


def test_extract_refuses_a_hard_linked_template_and_writes_nothing(tmp_path: Path) -> None:
    # `ln locale/glossary.pot ../platform/glossary.pot`: the translation platform's name kept
    # the old messages after the rename, and its translators translated those on
    root = prepared(parallel_root(tmp_path))
    template = root / "locale" / "glossary.pot"
    shared = tmp_path / "platform" / "glossary.pot"
    shared.parent.mkdir()
    os.link(template, shared)
    (root / "seeds" / "pelaburannya.md").write_text(
        "---\ntitle: Pelaburan\n---\n\nPelaburannya dibuat melalui "
        "[peniaga broker](/broker-dealer).\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (root / "locale").glob("*.pot")}
    code, _, err = cli("extract", root=root)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "locale/glossary.pot: the catalog has 2 names (a hard link)" in lines[0], err
    assert {p.name: p.read_bytes() for p in (root / "locale").glob("*.pot")} == before
    assert os.path.samefile(template, shared)
    assert not list((root / "locale").glob(".*.tmp"))
    shared.unlink()
    code, _, err = cli("extract", root=root)
    assert code == 0, err
