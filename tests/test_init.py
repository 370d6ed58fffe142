"""``glossari init [DIR]``: a new glossary that every other command accepts as it is."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from glossari.cli import main
from glossari.config import load_config
from glossari.scaffold import SCAFFOLD


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_init_makes_a_working_glossary(tmp_path: Path) -> None:
    folder = tmp_path / "new glossary"
    code, out, _err = run("init", str(folder))
    assert code == 0
    for name in SCAFFOLD:
        assert (folder / name).is_file()
        assert f"wrote {folder / name}" in out
    assert (folder / "locale").is_dir()
    assert (folder / "seeds").is_dir()
    assert load_config(folder).check.fail_on == "error"
    assert "# new glossary: a Malay glossary" in (folder / "README.md").read_text("utf-8")
    # the example article is read like any other, and passes the checks
    code, out, _err = run("--root", str(folder), "table", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [row["ms"] for row in rows if row["kind"] == "article"] == ["Kos jualan"]
    assert run("--root", str(folder), "extract")[0] == 0
    assert run("--root", str(folder), "update", "-l", "en")[0] == 0
    code, out, _err = run("--root", str(folder), "check", "--format", "json")
    assert code == 0
    source_findings = [f for f in json.loads(out) if "lang" not in f]
    assert {f["severity"] for f in source_findings} <= {"info"}


def test_init_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert run("init")[0] == 0
    assert (tmp_path / "seeds" / "kosjualan.md").is_file()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("existing", ["seeds", "locale", "README.md", "glossari.toml"])
def test_init_never_overwrites(tmp_path: Path, existing: str) -> None:
    target = tmp_path / existing
    if "." in existing:
        target.write_text("the author's own", encoding="utf-8")
    else:
        target.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _out, err = run("init", str(tmp_path))
    assert code == 2
    assert err == (f"glossari: error: {tmp_path}: already holds {existing}; glossari init never "
                   "overwrites: choose a new or empty folder\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_init_gitignore_covers_what_compile_derives(tmp_path: Path) -> None:
    # docs/termbase.md: the compiled termbase is derived state, never committed; a new
    # glossary's .gitignore must say so, as it does for the .mo files beside it
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "g"
    assert run("init", str(folder))[0] == 0
    for argv in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
        assert run("--root", str(folder), *argv)[0] == 0
    subprocess.run([git, "init", "-q", str(folder)], check=True)
    derived = ["locale/en/glossari.sqlite", "locale/en/LC_MESSAGES/glossary.mo"]
    assert all((folder / name).is_file() for name in derived)
    ignored = subprocess.run([git, "check-ignore", *derived], cwd=folder,
                             capture_output=True, text=True).stdout.split()
    assert ignored == derived


@pytest.mark.parametrize("failure", ["full disk", "Ctrl-C"])
def test_an_init_that_fails_half_way_can_be_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    # a full disk (or Ctrl-C) at the third file left seeds/, locale/ and two files, and every
    # later init refused the folder ("already holds seeds, locale, ..."): cleaning up by hand
    from glossari._atomic import atomic_write_text
    from glossari.errors import CatalogError

    folder = tmp_path / "parent" / "new"
    def fails_at_the_readme(path: Path | str, text: str) -> bool:
        if Path(path).name == "README.md":
            if failure == "Ctrl-C":
                raise KeyboardInterrupt
            raise CatalogError("cannot write README.md: No space left on device", path=str(path))
        return atomic_write_text(path, text)

    monkeypatch.setattr("glossari.scaffold.atomic_write_text", fails_at_the_readme)
    code, _out, err = run("init", str(folder))
    assert code == (130 if failure == "Ctrl-C" else 2), err
    assert err.count("\n") == 1, err
    assert not (tmp_path / "parent").exists()  # what the run made is gone, and nothing else
    monkeypatch.undo()
    assert run("init", str(folder))[0] == 0


@pytest.mark.parametrize("inside", ["seeds", "locale", "seeds/sub", "locale/en"])
def test_init_refuses_a_glossary_s_seeds_and_locale(tmp_path: Path, inside: str) -> None:
    # `glossari init seeds` in a glossary wrote seeds/README.md, seeds/glossari.toml and
    # seeds/seeds/kosjualan.md into the authors' sources, exit 0
    assert run("init", str(tmp_path / "g"))[0] == 0
    target = tmp_path / "g" / inside
    target.mkdir(parents=True, exist_ok=True)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, _out, err = run("init", str(target))
    assert code == 2
    assert err.startswith(f"glossari: error: {target}: is inside the glossary ")
    assert err.count("\n") == 1
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_init_s_summary_names_every_file_it_writes() -> None:
    # the help's summary listed seeds/, locale/, glossari.toml and README.md, not the
    # .gitignore init writes too (git then ignores .glossari-cache/ and build/ unannounced)
    from glossari.cli import COMMANDS

    for name in SCAFFOLD:
        assert name.split("/")[0] in COMMANDS["init"], name


def test_the_new_glossary_s_readme_commands_run_as_its_comments_say(tmp_path: Path) -> None:
    """The README ``init`` writes is the first page a glossary's authors read: each
    ``glossari`` line of its shell block runs in the new glossary, exit 0, and writes where its
    comment says (``locale/*.pot``, ``locale/en/LC_MESSAGES/*.po``, ``.mo`` files,
    ``build/en/``)."""
    import re
    import shlex

    folder = tmp_path / "kamus"
    assert run("init", str(folder))[0] == 0
    readme = (folder / "README.md").read_text("utf-8")
    block = re.search(r"^```sh\n(.*?)^```", readme, re.M | re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.startswith("glossari ")]
    assert len(lines) >= 5
    for line in lines:
        words = shlex.split(line.partition("#")[0])
        code, _out, err = run("--root", str(folder), *words[1:])
        assert code == 0, (line, err)
    assert sorted(p.name for p in (folder / "locale").glob("*.pot")) == [
        "articles-k.pot", "glossary.pot"]
    messages = folder / "locale" / "en" / "LC_MESSAGES"
    assert sorted(p.name for p in messages.glob("*.po")) == ["articles-k.po", "glossary.po"]
    assert sorted(p.name for p in messages.glob("*.mo")) == ["articles-k.mo", "glossary.mo"]
    # render's folder is build/en/, once an article is translated enough to be written
    assert run("--root", str(folder), "render", "-l", "en", "--min-coverage", "0")[0] == 0
    assert (folder / "build" / "en" / "kosjualan.md").is_file()
