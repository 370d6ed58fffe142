"""Two ``glossari site`` builds into one folder at once: each read the manifest, staged its
pages and renamed them all with its manifest, so the folder held a mix of two builds' pages
under one build's manifest, the other's pages never removed again. A lock on the folder makes
them take turns: the folder is then what the second build writes alone."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests._alignkit import cli, ok

# pauses the command line given after it at its first rename (every page is staged then)
PAUSED = """
import os, sys
real_replace = os.replace
def replace(source, target, *args, **kwargs):
    os.replace = real_replace
    print("renaming", flush=True)
    sys.stdin.readline()
    return real_replace(source, target, *args, **kwargs)
os.replace = replace
from glossari.cli import main
raise SystemExit(main(sys.argv[1:]))
"""

ARTICLES = {
    "kos-jualan": "---\ntitle: Kos jualan\ndescription: Kos langsung barangan.\n"
                  "keywords: Perakaunan\n---\n\n# Kos jualan\n\n"
                  "Kos jualan ditolak daripada [hasil](/revenue).\n",
    "peniaga-broker": "---\ntitle: Peniaga broker\naliases: Broker\nkeywords: Pelaburan\n---\n\n"
                      "# Peniaga broker\n\nPeniaga broker berdagang [saham-saham](/stock) "
                      "dan pelaburannya.\n",
}


def _glossary(folder: Path, stem: str) -> Path:
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / f"{stem}.md").write_text(ARTICLES[stem], encoding="utf-8")
    ok("extract", root=folder)
    ok("update", "-l", "en", root=folder)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_site_builds_into_one_folder_leave_one_build_s_site(tmp_path: Path) -> None:
    one = _glossary(tmp_path / "satu", "kos-jualan")
    two = _glossary(tmp_path / "dua", "peniaga-broker")
    out = tmp_path / "tapak"
    paused = subprocess.Popen(
        [sys.executable, "-c", PAUSED, "--root", str(one), "site", "-o", str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert paused.stdout is not None
    assert paused.stdout.readline().strip() == "renaming"
    other = subprocess.Popen([sys.executable, "-m", "glossari", "--root", str(two), "site",
                              "-o", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # without a lock it ends here, while the first is paused; with one it waits for it
    with contextlib.suppress(subprocess.TimeoutExpired):
        other.wait(timeout=3)
    _, first_err = paused.communicate("\n", timeout=120)
    _, second_err = other.communicate(timeout=120)
    assert (paused.returncode, other.returncode) == (0, 0), (first_err, second_err)
    # the second waited for the first: the folder is its site alone (the first's pages gone
    # as stale ones), as a build into a new folder writes it
    cold = tmp_path / "sejuk"
    code, _, err = cli("site", "-o", cold, root=two)
    assert code == 0, err
    assert _files(out) == _files(cold)


def test_without_flock_the_lock_file_is_no_one_else_s_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where there is no ``flock`` (Windows), the folder's lock is a ``.glossari.lock`` file in
    it: a first build interrupted before its manifest left it, and the next build refused the
    folder as one holding files that are not a site."""
    import builtins

    import glossari
    from glossari.export.site import build_site

    real_import = builtins.__import__

    def no_fcntl(name: str, *args: object, **kwargs: object) -> object:
        if name == "fcntl":
            raise ImportError("no fcntl here")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    root = _glossary(tmp_path / "satu", "kos-jualan")
    out = tmp_path / "tapak"
    out.mkdir()
    (out / ".glossari.lock").write_bytes(b"")  # as the interrupted first build left it
    monkeypatch.setattr(builtins, "__import__", no_fcntl)
    build_site(glossari.load(root), out)
    assert (out / "terms" / "kos-jualan.html").is_file()
    assert (out / ".glossari.lock").is_file()
    build_site(glossari.load(root), out)  # and again, with a manifest
