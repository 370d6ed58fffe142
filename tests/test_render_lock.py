"""Two ``render`` runs into one folder at once, from different inputs (two glossaries, or two
languages of one): the record ``.glossari-rendered.json`` is read, added to and renamed by each,
so the second rename dropped the first run's renderings from it (its next run refused them as a
translator's work), and two languages mixed in a folder whose record names one. One lock on
the folder makes them take turns."""

from __future__ import annotations

import contextlib
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests._alignkit import cli, ok
from tests._processes import paused_cli

ARTICLES = {
    "kos-jualan": "---\ntitle: Kos jualan\ndescription: Kos langsung barangan.\n---\n\n"
                  "# Kos jualan\n\nKos jualan ditolak daripada [hasil](/revenue).\n",
    "peniaga-broker": "---\ntitle: Peniaga broker\naliases: Broker\n---\n\n# Peniaga broker\n\n"
                      "Peniaga broker berdagang [saham-saham](/stock) dan pelaburannya.\n",
}


def _glossary(folder: Path, stem: str, langs: tuple[str, ...] = ("en",)) -> Path:
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / f"{stem}.md").write_text(ARTICLES[stem], encoding="utf-8")
    ok("extract", root=folder)
    for lang in langs:
        ok("update", "-l", lang, root=folder)
    return folder


def _render(root: Path, lang: str, out: Path) -> list[str]:
    return ["--root", str(root), "render", "-l", lang, "--min-coverage", "0", "-o", str(out)]


def _at_once(first: list[str], second: list[str]) -> tuple[tuple[int, str], tuple[int, str]]:
    """Run ``first`` paused at its first rendering's write, then ``second`` (given 3 s to end
    while ``first`` waits), then let ``first`` go on: each one's exit code and standard
    error."""
    paused = subprocess.Popen([sys.executable, "-c", paused_cli(".md."), *first],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert paused.stdout is not None
    assert paused.stdout.readline().strip() == "writing"
    other = subprocess.Popen([sys.executable, "-m", "glossari", *second],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # without a lock it ends here, while the first is paused; with one it waits for it
    with contextlib.suppress(subprocess.TimeoutExpired):
        other.wait(timeout=3)
    _, first_err = paused.communicate("\n", timeout=120)
    _, second_err = other.communicate(timeout=120)
    return (paused.returncode, first_err), (other.returncode, second_err)


def _agrees(out: Path) -> None:
    """The folder is as one render leaves it: every rendering in it is in the record, with
    the digest of its bytes."""
    record = json.loads((out / ".glossari-rendered.json").read_text(encoding="utf-8"))
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.glob("*.md")}
    assert files == {name: digest for name, digest in record.items() if name != ".lang"}


@pytest.mark.slow
def test_two_renders_of_two_glossaries_into_one_folder_leave_it_as_one_render_does(
        tmp_path: Path) -> None:
    one = _glossary(tmp_path / "satu", "kos-jualan")
    two = _glossary(tmp_path / "dua", "peniaga-broker")
    out = tmp_path / "terjemahan"
    (code, err), (code2, err2) = _at_once(_render(one, "en", out), _render(two, "en", out))
    assert (code, code2) == (0, 0), (err, err2)
    _agrees(out)  # the second's record dropped the first's rendering, still in the folder
    # so each glossary's next render finds no rendering "edited since" render wrote it
    for root, stem in ((two, "peniaga-broker"), (one, "kos-jualan")):
        article = root / "seeds" / f"{stem}.md"
        article.write_text(ARTICLES[stem] + "\nPerenggan baharu.\n", encoding="utf-8")
        code, _, err = cli(*_render(root, "en", out)[2:], root=root)
        assert code == 0, err
        assert "Perenggan baharu" in (out / f"{stem}.md").read_text(encoding="utf-8")
        _agrees(out)
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_two_renders_of_two_languages_into_one_folder_never_mix_them(tmp_path: Path) -> None:
    root = _glossary(tmp_path / "glosari", "peniaga-broker", ("en", "id"))
    out = tmp_path / "terjemahan"
    (code, err), (code2, err2) = _at_once(_render(root, "en", out), _render(root, "id", out))
    assert code == 0, err
    # the second waited, then found the folder English: refused as it is after the first ends
    assert code2 == 2, err2
    assert len(err2.strip().splitlines()) == 1, err2
    assert "holds the en rendering" in err2, err2
    record = json.loads((out / ".glossari-rendered.json").read_text(encoding="utf-8"))
    assert record[".lang"] == "en"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "peniaga-broker.md"]
