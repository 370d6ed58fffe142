"""One charset decision per catalog, as GNU gettext makes it (glossari/catalog/charset.py).

The decoder, the parser and the header rewrite used to read the charset three ways; a header
that one read as ISO-8859-1 and another did not made every ``update`` without a warm cache
re-encode each non-ASCII translation once more (``Carrières`` -> ``CarriÃ¨res`` -> ...), exit 0.
Here every variant goes through repeated ``update`` runs, with the cache deleted before each run
and kept between runs: a catalog is either refused every time (exit 2, bytes untouched) or read
right every time (the translation byte-identical after N runs). GNU ``msgfmt`` is the oracle for
the list of charset names.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from glossari.catalog.charset import PORTABLE_CHARSETS, decode_catalog
from glossari.catalog.pofile import load_po
from glossari.cli import main
from glossari.errors import CatalogError

PO_SOURCE = "locale/en/LC_MESSAGES/glossary.po"
RUNS = 4
WORD = "Carrières"


def _gnu_knows(name: str, tmp_path: Path) -> bool:
    po = tmp_path / "p.po"
    po.write_text(f'msgid ""\nmsgstr "Content-Type: text/plain; charset={name}\\n"\n')
    done = subprocess.run(["msgfmt", "-o", "/dev/null", str(po)], capture_output=True, text=True,
                          check=False)
    return "portable" not in done.stderr


NOT_PORTABLE = ["ISO8859-1", "latin1", "UTF8", "utf-16", "CP1258", "windows-1252", "SJIS",
                "KOI8-RU", "CHARSET", "base64", "rot13", "hex", "zlib", "undefined", "bz2"]


def test_our_list_of_names_is_gnus(tmp_path: Path) -> None:
    for name in PORTABLE_CHARSETS:
        assert _gnu_knows(name, tmp_path), name
        assert _gnu_knows(name.lower(), tmp_path), name  # case is ignored
    for name in NOT_PORTABLE:
        assert not _gnu_knows(name, tmp_path), name


def _catalog(charset_line: str, *, before: str = "", encoding: str = "latin-1",
             extra_header: str = "", word: str = WORD) -> bytes:
    text = (
        f'{before}msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n"{charset_line}\\n"\n'
        f'{extra_header}"X-Domain: glossary\\n"\n\nmsgid "Careers"\nmsgstr "{word}"\n'
    )
    return text.encode(encoding)


@pytest.mark.parametrize("name", [n for n in PORTABLE_CHARSETS
                                  if n not in ("EUC-TW", "VISCII", "GEORGIAN-PS")])
def test_every_portable_name_decodes(name: str) -> None:
    def fits(char: str) -> bool:
        try:
            char.encode(name)
        except UnicodeEncodeError:
            return False
        return True

    # a letter beyond ASCII that the charset holds, so the test sees the decoding
    word = next((c for c in "èąЖαאعกあ中한ğ" if fits(c)), "C") + "areers"
    data = _catalog(f"Content-Type: text/plain; charset={name}", encoding=name, word=word)
    assert f'msgstr "{word}"' in decode_catalog(data, source="x.po")


@pytest.mark.parametrize("name", ["EUC-TW", "VISCII", "GEORGIAN-PS"])
def test_a_portable_name_python_cannot_decode_is_refused(name: str) -> None:
    data = _catalog(f"Content-Type: text/plain; charset={name}", word="Careers")
    with pytest.raises(CatalogError, match=f"cannot decode charset {name}"):
        decode_catalog(data, source="x.po")


@pytest.mark.parametrize("name", NOT_PORTABLE)
def test_every_other_name_is_refused_with_its_line(name: str) -> None:
    data = _catalog(f"Content-Type: text/plain; charset={name}", encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        decode_catalog(data, source="x.po")
    assert (caught.value.path, caught.value.line) == ("x.po", 4)
    assert f"unknown charset {name!r}" in caught.value.message
    assert "charset=" in caught.value.hint


# --- the variants, through repeated updates ----------------------------------------------------

# (catalog bytes, the line of the refusal or None when it must be read right)
Variant = tuple[bytes, int | None]
VARIANTS: dict[str, Callable[[], Variant]] = {
    "spaces": lambda: (_catalog("Content-Type: text/plain; charset = ISO-8859-1"), 4),
    "case": lambda: (_catalog("Content-Type: text/plain; Charset=ISO-8859-1"), 4),
    "two-content-types": lambda: (_catalog(
        "Content-Type: text/plain; charset=ISO-8859-1",
        extra_header='"Content-Type: text/plain; charset=UTF-8\\n"\n'), 5),
    "two-content-types-utf8-first": lambda: (_catalog(
        "Content-Type: text/plain; charset=UTF-8",
        extra_header='"Content-Type: text/plain; charset=ISO-8859-1\\n"\n'), 5),
    "base64": lambda: (_catalog("Content-Type: text/plain; charset=base64"), 4),
    "rot13": lambda: (_catalog("Content-Type: text/plain; charset=rot13"), 4),
    "hex": lambda: (_catalog("Content-Type: text/plain; charset=hex"), 4),
    "zlib": lambda: (_catalog("Content-Type: text/plain; charset=zlib"), 4),
    "undefined": lambda: (_catalog("Content-Type: text/plain; charset=undefined"), 4),
    "utf-16": lambda: (_catalog("Content-Type: text/plain; charset=UTF-8", encoding="utf-16"),
                       1),
    # read right: the same charset twice, a comment that says otherwise, a long preamble
    "same-charset-twice": lambda: (_catalog(
        "Content-Type: text/plain; charset=ISO-8859-1",
        extra_header='"Content-Type: text/plain; charset=iso-8859-1\\n"\n'), None),
    "comment-says-utf8": lambda: (_catalog(
        "Content-Type: text/plain; charset=ISO-8859-1",
        before="# Content-Type: text/plain; charset=UTF-8\n"), None),
    "comment-says-latin1": lambda: (_catalog(
        "Content-Type: text/plain; charset=UTF-8", encoding="utf-8",
        before="# Content-Type: text/plain; charset=ISO-8859-1\n"), None),
    "latin1-after-9kb-of-comments": lambda: (_catalog(
        "Content-Type: text/plain; charset=ISO-8859-1",
        before="# Traduction: Carrières et métiers, relue par l'équipe.\n" * 170), None),
    "charset-in-another-field": lambda: (_catalog(
        "Content-Type: text/plain; charset=ISO-8859-1",
        extra_header='"X-Note: saved with charset=ISO-8859-1\\n"\n'), None),
}


def _run_update(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--root", str(root), "update", "-l", "en"])
    return code, capsys.readouterr().err


def _word(po: Path) -> str:
    return {e.msgid: e.msgstr for e in load_po(po, source=PO_SOURCE).entries}["Careers"]


@pytest.mark.parametrize("cold", [True, False], ids=["cold-cache", "warm-cache"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_repeated_updates_never_reencode(
    template_root: Path, tmp_path: Path, variant: str, cold: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "glossary"
    shutil.copytree(template_root, root)
    data, refused_at = VARIANTS[variant]()
    po = root / PO_SOURCE
    po.write_bytes(data)
    seen: list[bytes] = []
    for _ in range(RUNS):
        if cold:
            shutil.rmtree(root / ".glossari-cache", ignore_errors=True)
        code, err = _run_update(root, capsys)
        if refused_at is not None:
            assert code == 2, err
            assert err.startswith(f"glossari: error: {PO_SOURCE}:{refused_at}: "), err
            assert len(err.splitlines()) == 1, err
            assert po.read_bytes() == data  # nothing written, run after run
            continue
        assert code == 0, err
        assert _word(po) == WORD
        seen.append(po.read_bytes())
    if refused_at is None:
        # the first run rewrites the file as UTF-8; every later run leaves it byte-identical
        assert len(set(seen)) == 1
        text = seen[0].decode("utf-8")
        assert f'msgstr "{WORD}"' in text
        header = text[text.index('msgid ""'):]
        assert "ISO-8859-1" not in header.split("\n\n")[0]  # every mention now says UTF-8
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                              capture_output=True, check=False).returncode == 0


@pytest.mark.parametrize("command", [["check", "-l", "en"], ["table", "-l", "en"],
                                     ["compile", "-l", "en"], ["render", "-l", "en"]])
def test_a_non_text_codec_is_an_error_not_a_crash(
    template_root: Path, tmp_path: Path, command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "glossary"
    shutil.copytree(template_root, root)
    (root / PO_SOURCE).write_bytes(_catalog("Content-Type: text/plain; charset=base64"))
    capsys.readouterr()
    code = main(["--root", str(root), *command])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "internal error" not in err
    assert "LookupError" not in err
    assert f"{PO_SOURCE}:4: unknown charset 'base64'" in err


def _cli(root: Path, *args: str | Path) -> tuple[int, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), *map(str, args)])
    return code, err.getvalue()


_SAHAM = ("---\ntitle: Saham-saham\ndescription: Unit pemilikan dalam syarikat.\n---\n\n"
          "Pelaburannya dibuat melalui [peniaga broker](/broker-dealer).\n")
_SHARES = ("---\ntitle: Shares\ndescription: Units of ownership in a company.\n---\n\n"
           "Its investment is made through [broker-dealers](/broker-dealer).\n")


def _saham_catalog(tmp_path: Path) -> tuple[Path, Path]:
    """A glossary of :data:`_SAHAM`, extracted and updated: its folder and its English glossary
    catalog."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "saham-saham.md").write_text(_SAHAM, encoding="utf-8")
    assert _cli(root, "extract")[0] == 0
    assert _cli(root, "update", "-l", "en")[0] == 0
    return root, root / "locale/en/LC_MESSAGES/glossary.po"


@pytest.mark.parametrize("charset", ["ISO-8859-1", "CP1252", "ISO-8859-15", "ASCII"])
@pytest.mark.parametrize("command", ["import", "align"])
def test_import_and_align_write_a_catalog_in_another_charset_as_update_does(
    tmp_path: Path, charset: str, command: str,
) -> None:
    """``update`` rewrites a catalog saved in ISO-8859-1 (CP1252, ASCII) as UTF-8 and keeps every
    translation; ``import`` and ``align`` refused the same catalog, at line 1, with a hint
    (``set charset=UTF-8``) that made its bytes invalid UTF-8. All three write it alike now,
    the translator's own text (a comment with an accent, a translation) kept."""
    import codecs

    root, po = _saham_catalog(tmp_path)
    note = "# relu par l'\u00e9quipe\tcafé" if charset != "ASCII" else "# reviewed\tby the team"
    text = po.read_text("utf-8").replace("charset=UTF-8", f"charset={charset}").replace(
        '#. link of saham-saham\n', f'{note}\n#. link of saham-saham\n').replace(
        'msgid "peniaga broker"\nmsgstr ""', 'msgid "peniaga broker"\nmsgstr "broker-dealers"')
    text = text.replace("\n", "\r\n")  # as a Windows editor saved it
    po.write_bytes(text.encode(codecs.lookup(charset).name))
    if command == "import":
        table = tmp_path / "terms.csv"
        table.write_text("id,ms,en\nsaham-saham,Saham-saham,Shares\n", encoding="utf-8")
        code, err = _cli(root, "import", table, "-l", "en")
    else:
        (tmp_path / "en").mkdir()
        (tmp_path / "en" / "saham-saham.md").write_text(_SHARES, encoding="utf-8")
        code, err = _cli(root, "align", "-l", "en", tmp_path / "en")
    assert code == 0, err
    written = po.read_bytes().decode("utf-8")  # UTF-8 now, whatever it was read as
    assert f"{note}\r\n#. link of saham-saham\r\n" in written
    assert 'msgid "peniaga broker"\r\nmsgstr "broker-dealers"\r\n' in written
    assert 'msgctxt "saham-saham"\r\nmsgid "Saham-saham"\r\nmsgstr "Shares"\r\n' in written
    header = written.split("\r\n\r\n")[0]
    assert "charset=UTF-8" in header
    assert charset not in header
    if shutil.which("msgfmt"):
        done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("spelling", ["utf-8", "Utf-8", "UTF-8"])
def test_update_keeps_a_utf8_charset_in_any_case(tmp_path: Path, spelling: str) -> None:
    """A header saying ``charset=utf-8`` (Poedit and many editors write it so) is UTF-8 to GNU:
    ``update`` rewrote it to ``UTF-8`` and saved the translator's file for that change alone
    (its date moved, a diff in version control). msgmerge -U and msgcat keep it as written;
    so does glossari, also when it writes the file for a real change."""
    import os

    root, po = _saham_catalog(tmp_path)
    text = po.read_text("utf-8").replace("charset=UTF-8", f"charset={spelling}").replace(
        'msgid "peniaga broker"\nmsgstr ""', 'msgid "peniaga broker"\nmsgstr "broker-dealers"')
    po.write_text(text, encoding="utf-8")
    os.utime(po, (1_000_000_000, 1_000_000_000))
    code, err = _cli(root, "update", "-l", "en")
    assert code == 0, err
    assert po.read_text("utf-8") == text
    assert po.stat().st_mtime == 1_000_000_000
    # a real change (a new article) writes the file, the translator's charset spelling kept
    (root / "seeds" / "bon.md").write_text("---\ntitle: Bon\n---\n\nBon ialah sekuriti "
                                           "hutang.\n", encoding="utf-8")
    assert _cli(root, "extract")[0] == 0
    code, err = _cli(root, "update", "-l", "en")
    assert code == 0, err
    written = po.read_text("utf-8")
    assert f"charset={spelling}\\n" in written
    assert 'msgid "peniaga broker"\nmsgstr "broker-dealers"' in written
    assert _cli(root, "compile", "-l", "en")[0] == 0
    if shutil.which("msgfmt"):
        done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("where", "line", "column"), [
    ('# nota: "kafe" ialah caf\xe9\nmsgid "Kafe"\nmsgstr "Cafe"\n', 4, 25),
    ('msgid "Kafe"\nmsgstr "Caf\xe9"\n', 5, 12),
])
def test_a_latin1_line_in_a_utf8_catalog_is_named_as_one(
        tmp_path: Path, where: str, line: int, column: int) -> None:
    """A translator typed `Café` in an editor saving Windows-1252 (Notepad++'s "ANSI") into a
    catalog that declares UTF-8 and is UTF-8 elsewhere: the error said "save the file as
    UTF-8 and declare charset=UTF-8 in the header", what the file does already. It names the
    column, the header's declaration and what happened, for every reader (termcheck too)."""
    text = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + where)
    path = tmp_path / "app.po"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(CatalogError) as caught:
        load_po(path, source="app.po")
    error = caught.value
    assert error.line == line
    assert error.message == (
        f"not UTF-8 text (byte 0xe9 at column {column}), where the header declares "
        "charset=UTF-8 (line 2): an editor saved this text in another encoding (it looks like "
        "Latin-1 or Windows-1252)")
    assert error.hint.startswith("retype it in UTF-8")
    assert "declare charset=UTF-8" not in error.hint
