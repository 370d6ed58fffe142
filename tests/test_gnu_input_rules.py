"""GNU gettext's input rules on catalogs, whatever the cache holds (issue 18, items 6 and 4).

A message both current and ``#~`` obsolete, an obsolete header (``#~ msgid ""``),
``nplurals=0``, U+0004 or another C0 control in a string (raw or escaped), a raw NUL: GNU
``msgfmt --check`` refuses the first four kinds, and glossari refuses them all, with the line
(``tests/test_bad_input_catalogs.py`` pins both answers). Here: the verdict is the same with a
cold cache and with a warm one, run after run, through every command that reads catalogs; and
glossari itself never writes a key twice (it used to turn a current + obsolete pair into two
obsolete copies, which it then refused on the next cold read, and a warm cache hid it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.merge import merge
from glossari.catalog.pofile import Entry, PoFile, encode_po, load_po, parse_po
from glossari.cli import main
from glossari.errors import CatalogError

PO_SOURCE = "locale/en/LC_MESSAGES/glossary.po"
DATA = Path(__file__).parent / "data" / "bad" / "catalogs"
REFUSED = {
    "current-and-obsolete.po": 14, "obsolete-header.po": 14, "nplurals-zero.po": 8,
    "plural-forms-missing.po": 11, "context-separator.po": 12, "nul-raw.po": 12,
    "escape-raw.po": 12, "control-escape.po": 12,
}
COMMANDS = [["update", "-l", "en"], ["table", "-l", "en", "--format", "json"],
            ["check", "-l", "en"], ["compile", "-l", "en"]]


def _run(root: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--root", str(root), *command])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_the_verdict_does_not_depend_on_cache_history(
    template_root: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "glossary"
    shutil.copytree(template_root, root)
    po = root / PO_SOURCE
    # warm every cache on the good catalog first: update's record, the translations table
    for command in COMMANDS:
        assert _run(root, command, capsys)[0] in (0, 1)
    bad = (DATA / name).read_bytes()
    po.write_bytes(bad)
    verdicts = set()
    for cold in (False, True, False, True):
        if cold:
            shutil.rmtree(root / ".glossari-cache", ignore_errors=True)
        for command in COMMANDS:
            code, err = _run(root, command, capsys)
            verdicts.add((command[0], code, err))
            assert code == 2, (command, err)
            assert f"{PO_SOURCE}:{REFUSED[name]}: " in err
            assert po.read_bytes() == bad
    assert len(verdicts) == len(COMMANDS)  # one answer per command, cold or warm


def _template(*msgids: str) -> PoFile:
    header = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
    return PoFile(header=header, entries=tuple(Entry(msgid=m) for m in msgids))


def test_glossari_never_writes_a_key_twice(tmp_path: Path) -> None:
    # a PoFile built in memory (the parser refuses the same on disk): "Kos" current and obsolete
    header = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n"
                   "Plural-Forms: nplurals=2; plural=(n != 1);\n")
    catalog = PoFile(header=header, entries=(
        Entry(msgid="Kos", msgstr="Cost"), Entry(msgid="Harga", msgstr="Price"),
        Entry(msgid="Kos", msgstr="Old cost", obsolete=True),
    ))
    merged = merge(_template("Harga"), catalog, lang="en")
    with pytest.raises(CatalogError, match="would write message 'Kos' twice"):
        encode_po(merged, path=PO_SOURCE)
    # what encode_po does write, GNU reads: no duplicate, obsolete or not
    good = PoFile(header=header, entries=catalog.entries[:2])
    data = encode_po(merge(_template("Harga"), good, lang="en"), path=PO_SOURCE)
    path = tmp_path / "x.po"
    path.write_bytes(data)
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                          check=False).returncode == 0
    assert [(e.msgid, e.obsolete) for e in load_po(path).entries] == [
        ("Harga", False), ("Kos", True)]


@pytest.mark.parametrize("msgid", [
    "Pelaburan dalam saham-saham syarikat tersenarai di Bursa Malaysia oleh peniaga broker",
    "Dana unit amanah\n(ETF) dan pelaburannya yang diuruskan oleh syarikat pengurusan dana"])
def test_a_key_written_twice_is_quoted_as_every_message_quotes_a_value(msgid: str) -> None:
    """encode_po's refusal of a key it would write twice quotes the msgid by
    :func:`glossari.text.excerpt`, the one rule a message quotes a value by: its own cut, to 40
    characters, had no ellipsis, so the quote read as the whole message."""
    from glossari.text import excerpt, quoted

    header = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
    catalog = PoFile(header=header, entries=(
        Entry(msgid=msgid, msgstr="Investment"), Entry(msgid=msgid, msgstr="Old", obsolete=True)))
    with pytest.raises(CatalogError) as twice:
        encode_po(catalog, path=PO_SOURCE)
    assert f"would write message {quoted(excerpt(msgid))} twice" in str(twice.value)


_GNU_HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
               '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')


def _blank_separated(blanks: list[str]) -> str:
    """A catalog whose keywords are parted from their strings (and a plural's brackets from
    its number, an obsolete mark from its keyword, a #| mark from its keyword) by ``blanks``
    in turn."""
    from itertools import cycle

    b = cycle(blanks)
    return (_GNU_HEADER
            + f'\n#: peniaga-broker.md:3\nmsgid{next(b)}"saham-saham"\nmsgstr{next(b)}"shares"\n'
            + f'\nmsgid "pelaburannya"\nmsgid_plural{next(b)}"pelaburan"\n'
            + f'msgstr{next(b)}[{next(b)}0{next(b)}]{next(b)}"its investment"\n'
            + f'msgstr[1]{next(b)}"investments"\n'
            + f'\n#|{next(b)}msgid "KWSP"\nmsgid "KWSP (EPF)"\nmsgstr{next(b)}"EPF"\n'
            + f'\n#~{next(b)}msgid "unit amanah"\n#~ msgstr{next(b)}"unit trust"\n')


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "\v", "\f", " \v", "\f\t", "\v\v"]),
                min_size=1, max_size=5))
def test_a_form_feed_or_vertical_tab_between_tokens_is_a_blank_as_gnu_reads_it(
    blanks: list[str],
) -> None:
    """GNU's lexer reads a vertical tab or a form feed between a keyword and its string as a
    blank (``msgstr\\v"b"`` is ``msgstr "b"`` to msgfmt and msgcat): glossari refused the file,
    'expected a quoted string'. It reads what msgcat reads, and writes it back as msgcat
    writes it, nothing lost."""
    import tempfile

    text = _blank_separated(blanks)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pelaburan.po"
        path.write_text(text, encoding="utf-8")
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                              check=False, capture_output=True).returncode == 0
        gnu = subprocess.run(["msgcat", "--no-wrap", str(path)], check=True,
                             capture_output=True).stdout.decode()
        ours = load_po(path, source="pelaburan.po")
    gnus = parse_po(gnu, source="msgcat")
    shape = [(e.msgctxt, e.msgid, e.msgid_plural, e.translations, e.previous_msgid, e.obsolete)
             for e in ours.entries]
    assert shape == [(e.msgctxt, e.msgid, e.msgid_plural, e.translations, e.previous_msgid,
                      e.obsolete) for e in gnus.entries]
    assert [e.translations for e in ours.entries] == [
        ("shares",), ("its investment", "investments"), ("EPF",), ("unit trust",)]
    written = encode_po(ours, path="pelaburan.po").decode()
    assert [(e.msgid, e.translations) for e in parse_po(written, source="w").entries] == [
        (e.msgid, e.translations) for e in ours.entries]


@settings(max_examples=10, deadline=None)
@given(st.lists(st.sampled_from(["Kos", "saham-saham", "pelaburannya", " unit", "KWSP"]),
                min_size=2, max_size=3),
       st.sampled_from([" ", "\t", "\v", "\f", ""]))
def test_two_strings_on_one_line_are_refused_with_what_gnu_joins(
    pieces: list[str], blank: str,
) -> None:
    """``msgstr "Kos" "seunit"`` is ``msgstr "Kosseunit"`` to msgfmt and msgcat; glossari
    refuses it, and said only 'text after the closing quote': the refusal names what GNU
    reads, as msgcat writes it."""
    import tempfile

    from glossari.text import excerpt, quoted

    line = "msgstr " + blank.join(f'"{p}"' for p in pieces)
    text = _GNU_HEADER + f'\nmsgid "dana-dana unit amanah"\n{line}\n'
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unit-amanah.po"
        path.write_text(text, encoding="utf-8")
        gnu = subprocess.run(["msgcat", "--no-wrap", str(path)], check=True,
                             capture_output=True).stdout.decode()
        with pytest.raises(CatalogError) as refused:
            load_po(path, source="unit-amanah.po")
    joined = parse_po(gnu, source="msgcat").entries[0].msgstr
    message = str(refused.value)
    assert message.startswith("unit-amanah.po:7: text after the closing quote: ")
    assert f"which GNU joins to the first: {quoted(excerpt(joined))}" in message
    assert len(message.splitlines()) == 1


@pytest.mark.parametrize("gap", ["\r", " \r", "\r\t\v"])
@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_carriage_return_between_keyword_and_string_is_a_blank_as_gnu_reads_it(
    gap: str, end: str,
) -> None:
    """``msgstr\\r"b"`` is ``msgstr "b"`` to GNU's lexer, which reads a carriage return inside a
    line as a blank: glossari said 'expected a quoted string'. Read as msgcat reads it, in a
    file with LF or CRLF line ends, and written back with nothing lost."""
    import tempfile

    text = (_GNU_HEADER + '\nmsgid "saham-saham"\nmsgstr' + gap + '"shares"\n'
            '\n#|' + gap + 'msgid "pelaburan"\nmsgid "pelaburannya"\nmsgstr' + gap
            + '"its investment"\n').replace("\n", end)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "saham.po"
        path.write_bytes(text.encode())
        gnu = subprocess.run(["msgcat", "--no-wrap", str(path)], check=True,
                             capture_output=True).stdout.decode()
        ours = load_po(path, source="saham.po")
    shape = [(e.msgid, e.translations, e.previous_msgid) for e in ours.entries]
    assert shape == [(e.msgid, e.translations, e.previous_msgid)
                     for e in parse_po(gnu, source="msgcat").entries]
    assert shape == [("saham-saham", ("shares",), None),
                     ("pelaburannya", ("its investment",), "pelaburan")]
    written = encode_po(ours, path="saham.po").decode()
    assert [(e.msgid, e.translations) for e in parse_po(written, source="w").entries] == [
        (m, t) for m, t, _ in shape]
