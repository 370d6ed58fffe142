"""The environments real users run glossari in: links that loop, files saved by other systems'
tools, locales that are not UTF-8, shared folders whose modes and groups must survive, and names
Windows cannot hold."""

from __future__ import annotations

import contextlib
import io
import os
import sys
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
    assert "internal error" not in err
    assert err.count("\n") == 1
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
                     "saham": ("Saham", "Saham-saham [ékuiti](/ekuiti), [Ékuiti awam]"
                                        "(/publicequity).")})
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
    assert found.returncode == 0, found.stderr
    assert b"\nekuiti\theadword\t" in b"\n" + found.stdout
    table = run("table", "--format", "csv", "--category", "ékuiti".encode())
    assert table.returncode == 0, table.stderr
    assert b"\nekuiti," in table.stdout
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


def test_the_site_writes_no_file_name_windows_keeps_for_a_device(tmp_path: Path) -> None:
    # article ids such as con.md are refused, but a link target (/con, /AUX, /lpt1.txt) makes a
    # link-only term and a category may be called Nul: the site wrote terms/con.html,
    # terms/AUX.html, categories/nul.html, which Windows cannot create, copy or unzip
    devices = {"con", "prn", "aux", "nul",
               *(f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10))}
    root = _glossary(tmp_path / "g", {
        "pautan": ("Pautan", "Lihat [konsol](/con), [tambahan](/AUX), [cetak](/lpt1.txt) dan "
                             "[bon](/bon)."),
        "bon": ("Bon", "Bon-bon.")})
    (root / "seeds" / "bon.md").write_text(
        "---\ntitle: Bon\ndescription: Hutang.\nkeywords: Nul, Aux\n---\n\n# Bon\n\nBon.\n",
        encoding="utf-8")
    assert _run("--root", str(root), "extract")[0] == 0
    site = tmp_path / "site"
    code, _, err = _run("--root", str(root), "site", "-o", str(site))
    assert code == 0, err
    names = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert [n for n in names if n.rsplit("/", 1)[-1].split(".")[0].casefold() in devices] == []
    page = (site / "terms" / "pautan.html").read_text(encoding="utf-8")
    for href in ("con-2.html", "AUX-2.html", "lpt1-txt.html"):
        assert f'href="{href}"' in page
        assert (site / "terms" / href).is_file()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32"])
def test_an_article_saved_as_utf16_is_named_so(tmp_path: Path, codec: str) -> None:
    # Notepad's "Unicode" (UTF-16 LE, with or without a mark) was refused as "binary data (a NUL
    # byte)" with the hint "seeds/ may hold only Markdown articles": the author could not tell
    # what to do; catalogs and texts given to find were already named UTF-16
    root = _glossary(tmp_path / "g", {"saham": ("Saham", "Saham.")})
    article = root / "seeds" / "saham.md"
    article.write_bytes(article.read_text(encoding="utf-8").encode(codec))
    code, _, err = _run("--root", str(root), "table")
    wide = "UTF-32" if codec == "utf-32" else "UTF-16"
    assert (code, err) == (2, f"glossari: error: seeds/saham.md:1: {wide} text, not UTF-8; "
                              f"save the file as UTF-8 (iconv -f {wide} -t UTF-8)\n")


def test_init_s_next_command_can_be_pasted(tmp_path: Path) -> None:
    # `glossari init "Glosari Kewangan"` said `next: glossari --root Glosari Kewangan extract`,
    # which the shell splits in two
    import shlex

    folder = str(tmp_path / "Glosari Kewangan")
    code, _, err = _run("init", folder)
    assert code == 0
    command = err.rsplit("next: ", 1)[1].strip()
    assert shlex.split(command) == ["glossari", "--root", folder, "extract"]


def test_init_s_next_command_takes_a_folder_named_like_an_option(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `glossari init -- -x` said `next: glossari --root -x extract`: "argument --root: expected
    # one argument"
    import shlex

    monkeypatch.chdir(tmp_path)
    code, _, err = _run("init", "--", "-x")
    assert code == 0
    command = shlex.split(err.rsplit("next: ", 1)[1])
    assert command == ["glossari", "--root", "./-x", "extract"]
    assert _run(*command[1:])[0] == 0


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names are text there")
def test_init_in_a_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    # the name went into README.md and was an internal UnicodeEncodeError ("surrogates not
    # allowed"); the folder is made, its README names it as well as it can
    folder = os.fsdecode(bytes(tmp_path) + b"/Glosari \xff")
    code, _, err = _run("init", folder)
    assert (code, err.count("\n")) == (0, 1)
    assert (Path(folder) / "README.md").read_text(encoding="utf-8").startswith(
        "# Glosari \ufffd")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_json_is_utf8_whatever_the_locale(tmp_path: Path, encoding: str) -> None:
    # Windows writes a pipe or a file in cp1252: `search --format json ékuiti > hits.json` held
    # the byte 0xC9 for É (and `check --format sarif` likewise), which is no JSON a program
    # takes (RFC 8259: UTF-8); only the characters cp1252 lacks (€ is in it, ő is not) were
    # escaped. Now every non-ASCII character is, outside UTF-8
    import json
    import subprocess
    import sys

    root = _ekuiti(tmp_path / "g")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    table = tmp_path / "names.csv"
    table.write_text("id,ms,en\nekuiti,Ékuiti persendirian,Ékuiti fund\n", encoding="utf-8")
    for argv in (["search", "--format", "json", "ékuiti"],
                 ["import", str(table), "--dry-run", "--format", "json"],
                 ["find", "--format", "json", "Ékuiti persendirian dan saham"],
                 ["check", "--format", "json"], ["check", "--format", "sarif"]):
        done = subprocess.run([sys.executable, "-m", "glossari", "--root", str(root), *argv],
                              capture_output=True, env=env, check=False, timeout=120)
        assert done.returncode == 0, (argv, done.stderr)
        data = json.loads(done.stdout.decode("utf-8"))  # and ASCII: the same bytes in cp1252
        assert done.stdout.isascii(), argv
        assert "Ékuiti" in json.dumps(data, ensure_ascii=False), argv


def test_a_termbase_windows_will_not_replace_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows refuses to rename over a file another program holds open (an application that
    # called glossari.load(), a SQLite browser): `compile` was an internal PermissionError
    import errno

    root = _glossary(tmp_path / "g", {"saham": ("Saham", "Lihat [broker](/broker).")})
    assert _run("--root", str(root), "extract")[0] == 0
    assert _run("--root", str(root), "update", "-l", "en")[0] == 0
    real = os.replace

    def in_use(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("glossari.sqlite"):
            raise PermissionError(errno.EACCES, "The process cannot access the file because it "
                                  "is being used by another process", str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", in_use)
    code, _, err = _run("--root", str(root), "compile", "-l", "en")
    assert code == 2
    assert err.startswith("glossari: error: ")
    assert "glossari.sqlite" in err
    assert "internal error" not in err
    assert [p.name for p in (root / "locale" / "en").iterdir()] == ["LC_MESSAGES"]
