"""The environments real users run glossari in: links that loop, files saved by other systems'
tools, locales that are not UTF-8, shared folders whose modes and groups must survive, and names
Windows cannot hold."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from glossari.cli import main

ARTICLE = ("---\ntitle: {title}\ndescription: {title} ialah contoh.\nkeywords: Ujian\n---\n\n"
           "# {title}\n\n{body}\n")


def _glossary(root: Path, articles: dict[str, tuple[str, str]]) -> Path:
    (root / "seeds").mkdir(parents=True)
    for term_id, (title, body) in articles.items():
        (root / "seeds" / f"{term_id}.md").write_text(ARTICLE.format(title=title, body=body),
                                                      encoding="utf-8")
    return root


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_loop_of_symbolic_links_is_one_line_not_an_internal_error(tmp_path: Path) -> None:
    # `ln -s b a; ln -s a b` in seeds/, or as an output: Python 3.11's Path.resolve() raised
    # RuntimeError ("Symlink loop"), an internal error
    root = _glossary(tmp_path / "g", {"saham": ("Saham", "Lihat [broker](/broker).")})
    seeds = root / "seeds"
    (seeds / "gelung-a.md").symlink_to("gelung-b.md")
    (seeds / "gelung-b.md").symlink_to("gelung-a.md")
    code, _, err = _run("--root", str(root), "table")
    assert code == 2
    assert err.startswith("glossari: error: seeds/gelung-a.md: ")
    assert "internal error" not in err and err.count("\n") == 1
    (seeds / "gelung-a.md").unlink()
    (seeds / "gelung-b.md").unlink()
    (tmp_path / "l1").symlink_to("l2")
    (tmp_path / "l2").symlink_to("l1")
    for argv in (["table", "-o", str(tmp_path / "l1")],
                 ["table", "-o", str(tmp_path / "l1" / "x.md")],
                 ["render", "-l", "en", "-o", str(tmp_path / "l1"), "--min-coverage", "0"],
                 ["site", "-o", str(tmp_path / "l1")]):
        code, _, err = _run("--root", str(root), *argv)
        assert code == 2, argv
        assert "internal error" not in err, argv
        assert err.splitlines()[-1].startswith("glossari: error: "), argv


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_compile_keeps_the_termbase_s_mode_and_group(tmp_path: Path) -> None:
    # a glossary shared by a team: the termbase made group-writable (and the team's group) kept
    # them through a rebuild, as the catalogs beside it do; it took the umask's 0644 (or 0600)
    root = _glossary(tmp_path / "g", {"saham": ("Saham", "Lihat [broker](/broker)."),
                                      "bon": ("Bon", "Bon-bon dan [saham](/saham).")})
    assert _run("--root", str(root), "extract")[0] == 0
    assert _run("--root", str(root), "update", "-l", "en")[0] == 0
    assert _run("--root", str(root), "compile", "-l", "en")[0] == 0
    termbase = root / "locale" / "en" / "glossari.sqlite"
    os.chmod(termbase, 0o664)
    groups = [g for g in os.getgroups() if g != termbase.stat().st_gid]
    group = groups[0] if groups and os.getuid() == 0 else termbase.stat().st_gid
    os.chown(termbase, -1, group)
    for term_id in ("saham", "bon"):  # every article changed: the termbase is written anew
        article = root / "seeds" / f"{term_id}.md"
        article.write_text(article.read_text(encoding="utf-8") + "\nLagi.\n", encoding="utf-8")
    old = os.umask(0o077)
    try:
        assert _run("--root", str(root), "extract")[0] == 0
        assert _run("--root", str(root), "update", "-l", "en")[0] == 0
        code, _, err = _run("--root", str(root), "compile", "-l", "en")
    finally:
        os.umask(old)
    assert code == 0, err
    assert "termbase en written" in err
    status = termbase.stat()
    assert (oct(status.st_mode & 0o777), status.st_gid) == (oct(0o664), group)


def _ekuiti(root: Path) -> Path:
    _glossary(root, {"ekuiti": ("Ékuiti persendirian", "Lihat [saham](/saham)."),
                     "saham": ("Saham", "Saham-saham [ékuiti](/ekuiti).")})
    (root / "seeds" / "ekuiti.md").write_text(
        "---\ntitle: Ékuiti persendirian\ndescription: Modal.\nkeywords: Ékuiti\n---\n\n"
        "# Ékuiti persendirian\n\nLihat [saham](/saham).\n", encoding="utf-8")
    for argv in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
        assert _run("--root", str(root), *argv)[0] == 0
    return root


@pytest.mark.skipif(os.name != "posix", reason="POSIX locales")
def test_arguments_in_a_locale_that_is_not_utf8(tmp_path: Path) -> None:
    # LC_ALL=C with PYTHONUTF8=0 (or an ISO-8859-1 system): Python escapes an argument's UTF-8
    # bytes; `show Ékuiti` was an internal UnicodeEncodeError, `search`/`table --category`
    # found nothing. `find` already read its argument by the one rule; now all four do.
    import subprocess
    import sys

    root = _ekuiti(tmp_path / "g")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0",
           "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "utf-8"}

    def run(*argv: str | bytes) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "glossari", "--root", str(root), *argv],
                              capture_output=True, env=env, check=False, timeout=120)

    shown = run("show", "Ékuiti persendirian".encode())
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Ékuiti persendirian  [ekuiti]".encode())
    found = run("search", "ékuiti".encode())
    assert found.returncode == 0 and found.stdout.startswith(b"ekuiti\t"), found.stderr
    table = run("table", "--format", "csv", "--category", "ékuiti".encode())
    assert table.returncode == 0 and b"\nekuiti," in table.stdout, table.stderr
    latin1 = run("show", "ékuiti".encode("latin-1"))
    assert latin1.returncode == 2
    assert latin1.stderr.startswith(b"glossari: error: TERM:1: not UTF-8 text")


def test_a_name_with_a_lone_surrogate_is_a_key_error(tmp_path: Path) -> None:
    # the compiled termbase's lookup raised UnicodeEncodeError (SQLite takes no surrogate); the
    # contract is a KeyError, as the glossary read from its sources gives
    import glossari

    glossary = glossari.load(_ekuiti(tmp_path / "g"))
    assert type(glossary).__name__ == "_CompiledGlossary"
    for name in ("\udcc3\udca9kuiti", "x\ud800"):
        with pytest.raises(KeyError):
            glossary.lookup(name)
        with pytest.raises(KeyError):
            glossary[name]
