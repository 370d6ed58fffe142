"""Issue 18, items 4, 5 and 12: control characters going out, special and huge files coming in.

Coming in, the decoded front matter is checked (YAML escapes; the corpus cases are in
``tests/test_bad_input_seeds.py``). Going out, everything printed to a terminal (``show``,
``check``, an error) shows its control and bidirectional control characters escaped
(:func:`glossari.text.terminal_text`), and every CSV and JSON cell loses its control characters
(:func:`glossari.text.strip_controls`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossari.export.csvtable import render_csv
from glossari.export.jsontable import render_json
from glossari.export.rows import Row
from tests._alignkit import cli, ok
from tests._catalog_oracles import fill_untranslated

ARTICLE = "---\ntitle: Kos\ndescription: Harga barang.\n---\n\n# Kos\n\nPerenggan satu.\n"
ESCAPES = "\x1b]0;owned\x07\x1b[31mCost\x1b[0m\x9b2J\x00\x7f"
CONTROLS = {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))} - {"\t", "\n", "\r"}


def _po_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


@pytest.fixture(scope="module")
def escape_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A glossary whose English title and a body translation hold terminal escapes (a PO file
    carries raw control characters; the catalog readers are issue 18's other half)."""
    root = tmp_path_factory.mktemp("escapes") / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(ARTICLE, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    fill_untranslated(root / "locale" / "en" / "LC_MESSAGES",
                      dict.fromkeys(("Kos", "Perenggan satu."), _po_quote(ESCAPES)))
    return root


def test_show_prints_no_control_character(escape_root: Path) -> None:
    # the catalog reader may refuse the escapes (GNU's rules) or pass them: either way, none
    # reaches the terminal
    code, out, err = cli("show", "kos", "-l", "en", root=escape_root)
    assert code in (0, 2), err
    assert not set(out + err) & CONTROLS


def test_a_file_name_with_escapes_is_printed_without_them(tmp_path: Path) -> None:
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos\x1b]0;owned\x07\x1b[2J.md").write_text(ARTICLE, encoding="utf-8")
    for command in (["show", "kos"], ["check"], ["table"], ["extract"]):
        code, out, err = cli(*command, root=root)
        assert code == 2
        assert "not a safe term id" in err
        assert not set(out + err) & CONTROLS


def test_a_file_name_that_is_not_utf8_is_named_with_its_byte(tmp_path: Path) -> None:
    # `bon\xe9.md` (Latin-1) beside `bon.md`: the byte was dropped from the message, which
    # named seeds/bon.md, a good article, as the file to rename
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "bon.md").write_text(ARTICLE, encoding="utf-8")
    try:
        (root / "seeds" / os.fsdecode(b"bon\xe9.md")).write_text(ARTICLE, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    for command in (["check"], ["extract"], ["table"]):
        code, _out, err = cli(*command, root=root)
        assert code == 2
        assert "seeds/bon\\xe9.md: 'bon\\xe9' is not a safe term id" in err, err


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_prints_no_control_character(escape_root: Path, fmt: str) -> None:
    code, out, err = cli("check", "-l", "en", "--format", fmt, root=escape_root)
    assert out or err
    assert not set(out + err) & CONTROLS
    if fmt == "json" and code != 2:
        json.loads(out)


def test_render_notes_print_no_control_character(escape_root: Path, tmp_path: Path) -> None:
    code, out, err = cli("render", "-l", "en", "-o", tmp_path / "out", "--min-coverage", "0",
                         root=escape_root)
    assert code in (0, 2)
    assert "U+001B" in err  # the translation (or the catalog) was refused, saying why
    assert not set(out + err) & CONTROLS


def test_an_error_message_prints_no_control_character(tmp_path: Path) -> None:
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(ARTICLE, encoding="utf-8")
    code, _out, err = cli("show", "Kos\x1b]0;owned\x07", root=root)
    assert code == 2
    assert not set(err) & CONTROLS


# -- item 5: CSV and JSON ------------------------------------------------------------------------

_HOSTILE_CELLS = ["\x00=1+1", "\x1b=cmd|' /C calc'!A0", "\x0b+SUM(A1)", "\x7f-2", "\x85@x",
                  "\x9b=HYPERLINK(\"x\")", "\x01\x02\x03@SUM(1)"]


def _row(text: str) -> Row:
    return Row(id="x", ms=text, en=text, kind="article", status="translated",
               categories=(text,), definition_ms=text, definition_en=text, source="seeds/x.md:1")


@pytest.mark.parametrize("weblate", [False, True])
@pytest.mark.parametrize("text", _HOSTILE_CELLS)
def test_csv_strips_controls_before_the_formula_guard(text: str, weblate: bool) -> None:
    document = render_csv([_row(text)], weblate=weblate)
    assert not set(document) & CONTROLS
    for cell in [c for row in csv.reader(io.StringIO(document)) for c in row][5:]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("text", _HOSTILE_CELLS)
def test_json_strips_controls(text: str) -> None:
    document = render_json([_row(text)])
    assert not set(document) & CONTROLS
    assert "\\u00" not in document  # no escaped C0 either
    (row,) = json.loads(document)
    assert row["ms"] == text.lstrip("".join(CONTROLS))


# -- item 12: special and huge files -------------------------------------------------------------

_COMMANDS = [["extract"], ["update", "-l", "en"], ["check"], ["table"], ["show", "kos"],
             ["render", "-l", "en", "-o", "out"], ["compile"]]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("command", _COMMANDS, ids=[c[0] for c in _COMMANDS])
def test_a_fifo_in_seeds_is_refused_without_hanging(tmp_path: Path, command: list[str]) -> None:
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(ARTICLE, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    os.mkfifo(root / "seeds" / "paip.md")
    # a real process with a time limit: a regression hangs on open(), it must not hang the suite
    result = subprocess.run(
        [sys.executable, "-m", "glossari", "--root", str(root), *command],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
    )
    if command[0] == "update":  # it reads catalogs only: the FIFO is not its (compile reads
        # the articles too, for the compiled termbase, issue 13)
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == ("glossari: error: seeds/paip.md: a named pipe (FIFO), not "
                                      "a regular file; seeds/ holds only *.md files; remove it")


@pytest.mark.parametrize("command", ["table", "check", "extract"])
def test_a_huge_sparse_file_is_refused_before_reading(tmp_path: Path, command: str) -> None:
    import resource

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    with (root / "seeds" / "jarang.md").open("wb") as handle:
        handle.truncate(8 * 1024**3)
    # a child limited to 1 GB of memory: reading the file whole would raise MemoryError
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from glossari.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    assert resource.RLIMIT_AS
    result = subprocess.run([sys.executable, "-c", code, "--root", str(root), command],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    assert "seeds/jarang.md:1: the article is 8388608 KiB" in result.stderr
    assert "MemoryError" not in result.stderr


# -- item 13: link-only ids are unique by construction -------------------------------------------


def test_link_targets_that_fold_alike_get_distinct_ids(tmp_path: Path) -> None:
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "x.md").write_text(
        "---\ntitle: Eks\n---\n\n# Eks\n\nLihat [a](/²x), [b](/ǅx), [c](/٣x), [d](/⁵x), "
        "[e](/x.), [f](/-x), [g](/y), [h](/y_).\n", encoding="utf-8")
    rows = json.loads(ok("table", "--format", "json", root=root))
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), ids
    assert len({i.casefold() for i in ids}) == len(ids), ids
    assert {"2x", "3x", "5x", "x", "y"} <= set(ids)
    # deterministic: the same glossary, the same ids
    assert [row["id"] for row in json.loads(ok("table", "--format", "json", root=root))] == ids
    for fmt in ("csv", "tbx"):
        ok("table", "--format", fmt, "-o", tmp_path / f"t.{fmt}", root=root)


def test_outside_addresses_are_no_glossary_terms(tmp_path: Path) -> None:
    # a protocol-relative URL, a phone number, a query: links out of the glossary, for the
    # reader, the table and the site alike (one rule: glossari.model.is_internal_target)
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "x.md").write_text(
        "---\ntitle: Eks\n---\n\n# Eks\n\nLihat [laman](//example.com/bon), [telefon](tel:+6031234)"
        ", [emel](MAILTO:a@b.my), [cari](/?q=bon), [kosong]() dan [dalam](/y).\n",
        encoding="utf-8")
    rows = json.loads(ok("table", "--format", "json", root=root))
    assert sorted(row["id"] for row in rows) == ["x", "y"]
    ok("site", "-o", tmp_path / "site", root=root)
    page = (tmp_path / "site" / "terms" / "x.html").read_text(encoding="utf-8")
    # (from file:// a scheme-relative address would lead to file://example.com/bon)
    assert '<a href="https://example.com/bon" rel="external">' in page
    assert '<a href="tel:+6031234" rel="external">' in page
    assert '<a href="y.html">' in page


@pytest.mark.parametrize("argv", [
    ("site", "-o", "{long}"), ("align", "-l", "en", "{long}"), ("termcheck", "{long}"),
    ("init", "{long}"), ("--root={long}", "show", "kos"),
])
def test_a_path_too_long_for_the_file_system_is_one_line(tmp_path: Path, argv: tuple[str, ...]
                                                         ) -> None:
    # Python 3.11's Path.exists() raises ENAMETOOLONG: these were 'internal error: OSError'
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(ARTICLE, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    long = str(tmp_path / ("a" * 300))
    args = [a.replace("{long}", long) for a in argv]
    code, _out, err = cli(*args, root=None if args[0].startswith("--root") else root)
    assert code == 2
    assert err.startswith("glossari: error: "), err
    assert err.count("\n") == 1, err
    assert "File name too long; choose a shorter path" in err
    assert not (tmp_path / ("a" * 300)[:200]).exists()


def test_a_line_break_in_a_translation_keeps_each_finding_on_one_line(tmp_path: Path) -> None:
    # the text format (the default, pre-commit's, a CI log's) printed the break raw: the rest of
    # the translation stood on a line of its own, where `::error ...` is a GitHub workflow command
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(ARTICLE.replace("Perenggan satu.", "Kos itu tinggi."),
                                           encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    po.write_text(po.read_text("utf-8").replace(
        'msgid "Kos"\nmsgstr ""', 'msgid "Kos"\nmsgstr "Cost\\n::error file=x::forged"'),
        encoding="utf-8")
    body = next((root / "locale" / "en" / "LC_MESSAGES").glob("articles-*.po"))
    body.write_text(body.read_text("utf-8").replace(
        'msgid "Kos itu tinggi."\nmsgstr ""', 'msgid "Kos itu tinggi."\nmsgstr "It is high."'),
        encoding="utf-8")
    code, out, _err = cli("check", root=root)
    assert code in (0, 1)
    assert "forged" in out
    for line in out.splitlines():
        assert line.startswith(("seeds/", "locale/")), line


@pytest.mark.parametrize("argv", [
    ("align", "-l", "en", "a\nglossari: error: forged"), ("termcheck", "x\r\ny.po"),
    ("--root=g\nh", "show", "kos"),
])
def test_a_line_break_in_a_path_keeps_the_error_on_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]) -> None:
    # a path argument holding a line break printed a two-line error, whose second line could
    # pass for another one
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(*argv)
    assert code == 2, err
    assert out == ""
    assert err.startswith("glossari: error: "), err
    assert err.count("\n") == 1, err


BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def test_bidi_controls_reach_no_terminal_and_json_keeps_them(tmp_path: Path) -> None:
    # a title holding U+202E (RIGHT-TO-LEFT OVERRIDE) was printed raw by show, search, find and
    # check: the terminal showed the rest of the line backwards ("Trojan Source"). Shown as
    # \u202e now; a JSON output parses back to the very same text
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    title = "Kos \u202egnipeek\u202c dana"
    (root / "seeds" / "kos.md").write_text(
        f"---\ntitle: {title}\ndescription: Harga \u2066x\u2069 barang.\n---\n\n# Kos dana\n\n"
        "Teks \u202e badan [pautan \u2067](/dana).\n", encoding="utf-8")
    for command in (["show", "kos"], ["search", "gnipeek"], ["check"],
                    ["find", "Kos \u202egnipeek\u202c dana"]):
        code, out, err = cli(*command, root=root)
        assert code == 0, err
        assert not set(out + err) & (BIDI | CONTROLS), command
        assert "\\u202e" in out + err, command
    code, out, _err = cli("search", "gnipeek", "--format", "json", root=root)
    assert code == 0
    assert not set(out) & BIDI
    assert json.loads(out)[0]["snippet"] == "Kos \u202e[gnipeek]\u202c dana"


def test_a_file_name_with_escapes_is_named_with_them_shown(tmp_path: Path) -> None:
    # the ESC was dropped from the message, which then named `seeds/kos[31m.md`, no such file
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos\x1b[31m.md").write_text(ARTICLE, encoding="utf-8")
    code, _out, err = cli("check", root=root)
    assert code == 2
    assert "seeds/kos\\u001b[31m.md: " in err


def test_a_usage_error_shows_the_argument_s_controls_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # argparse prints its errors to sys.stderr itself, past the CLI's filter: an extra
    # argument holding ESC or U+202E reached the terminal raw
    from glossari.cli import main

    for argv in (["show", "kos", "\x1b[31mX\u202eY"], ["check", "--select", "\x1b]0;t\x07"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "\\u001b" in err
        assert not set(err) & (BIDI | CONTROLS)


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_a_table_printed_to_a_terminal_shows_bidi_controls_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    # table wrote its bytes past the terminal filter: a headword holding U+202E printed the
    # rest of its row backwards. To a terminal it goes through the filter; a pipe or a file
    # still gets the format's bytes unchanged
    from glossari.cli import main

    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(
        "---\ntitle: Kos \u202egnipeek\u202c dana\n---\n\nTeks.\n", encoding="utf-8")
    screen = Terminal()
    stdout = io.TextIOWrapper(screen, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["--root", str(root), "table", "--format", fmt]) == 0
    stdout.flush()
    shown = screen.getvalue().decode("utf-8")
    assert "Kos \\u202egnipeek\\u202c dana" in shown
    assert not set(shown) & BIDI
    if fmt == "json":
        assert json.loads(shown)[0]["ms"] == "Kos \u202egnipeek\u202c dana"


def test_find_and_show_quote_typed_text_on_one_line(tmp_path: Path) -> None:
    # find escaped by a rule of its own (str.isprintable), beside the CLI's one; show's hint
    # quoted a typed CR raw, so the terminal returned to the line's start and printed the rest
    # of the error over its beginning. Both quote now through glossari.text.terminal_field
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\ndescription: Orang yang membeli saham-saham.\n---\n\n"
        "# Peniaga broker\n\nPeniaga membeli [saham-saham](/saham).\n", encoding="utf-8")
    text = "peniaga\r\nbroker dan peniaga\tbroker serta peniaga\u2028broker"
    code, out, err = cli("find", text, root=root)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == out.count("\n") == 3, out
    assert [line.split("\t")[1] for line in lines] == [
        "peniaga\\r\\nbroker", "peniaga\\tbroker", "peniaga\\u2028broker"]
    code, out, err = cli("show", "x\ry\x1b[2K", root=root)
    assert code == 2
    assert "\r" not in err, err
    assert err.count("\n") == 1, err
    assert err.rstrip("\n").endswith("glossari search 'x\\ry\\u001b[2K'"), err


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_terminal_field_is_one_field_of_one_line(text: str) -> None:
    from glossari.text import terminal_field, terminal_text

    shown = terminal_field(text)
    assert not set(shown) & (CONTROLS | BIDI | {"\t", "\n", "\r", "\u2028", "\u2029"})
    assert terminal_text(shown) == shown  # the CLI's filter has nothing left to do
