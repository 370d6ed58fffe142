"""Bad catalogs: each rejected with the exact path and line, through the library and the CLI.

The files live in ``tests/data/bad/catalogs/`` (header on lines 1-9, blank line 10, the first
message from line 11). For every case the test also runs GNU ``msgfmt --check`` on the same file
and pins the lines GNU reports, so any drift on either side shows; ``docs/reliability.md`` has
the comparison table. Through the CLI, ``glossari update -l en`` and ``glossari compile -l en`` on
a glossary holding the bad catalog exit 2 with one line and change nothing under ``seeds/`` or
``locale/``.
"""

from __future__ import annotations

import contextlib
import fnmatch
import io
import os
import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from glossari.catalog.mofile import load_mo, read_mo
from glossari.catalog.pofile import load_po
from glossari.cli import main
from glossari.errors import CatalogError

DATA = Path(__file__).parent / "data" / "bad" / "catalogs"
PO_SOURCE = "locale/en/LC_MESSAGES/glossary.po"


@dataclass(frozen=True)
class Case:
    name: str
    line: int
    """Our line (1-based)."""
    gnu: tuple[int, ...] | None
    """The lines GNU ``msgfmt --check`` reports as errors, in order; None when GNU accepts the
    file (warnings only)."""
    what: str
    hint: str


CASES = [
    # GNU reports the line after an unterminated string (it has read the newline by then)
    Case("unterminated-string.po", 12, (13,), "unterminated string", "double quote"),
    Case("second-msgstr.po", 14, (14,), "a second msgstr", "one msgstr per msgid"),
    # GNU names the msgid line of each definition; we name the first line of the entry (msgctxt)
    Case("duplicate-message.po", 18, (19, 13), "duplicate message (first defined at line 11)",
         "merge the two entries"),
    Case("duplicate-obsolete.po", 14, (14, 12), "duplicate message", "merge the two entries"),
    Case("unknown-keyword.po", 13, (13, 12, 13), "unknown keyword 'msgtr'", "msgstr"),
    # two translators' edits merged by git: GNU calls the marker an unknown keyword
    Case("merge-conflict.po", 14, (13, 14, 14, 18), "a merge conflict marker '<<<<<<<'",
         "keep one side of each conflict"),
    # GNU names the msgid that has no msgstr; we name the line where the next msgid begins
    Case("missing-msgstr.po", 11, (11,), "msgid without msgstr", "add msgstr"),
    Case("bad-escape.po", 12, (12,), "invalid escape sequence \\q", "\\\\"),
    Case("nul-escape.po", 12, None, "escape \\0", "write the character itself"),
    # the header says UTF-8 and the file mostly is: "save the file as UTF-8 and declare
    # charset=UTF-8" asked for what the file does already
    Case("wrong-charset.po", 12, (12,), "not UTF-8 text (byte 0xe9 at column 12), where the "
         "header declares charset=UTF-8 (line 6): an editor saved this text in another "
         "encoding", "retype it in UTF-8"),
    Case("unknown-charset.po", 6, None, "unknown charset 'UTF-9'", "charset=UTF-8"),
    Case("placeholder-charset.po", 6, None, "unknown charset 'CHARSET'", "charset=UTF-8"),
    Case("missing-charset.po", 1, None, "declares no charset", "charset=UTF-8"),
    Case("header-not-first.po", 4, None, "header (msgid \"\") is not the first message",
         "move the header"),
    Case("plural-gap.po", 14, (14,), "msgstr[2] out of order", "in order"),
    # GNU names the header (nplurals) and the message's msgstr; we name the message's first line
    Case("plural-too-few.po", 11, (2, 13), "plural message has 1 form,", "msgstr[1]"),
    Case("plural-too-many.po", 11, (2, 13), "plural message has 3 forms", "msgstr[1]"),
    # The charset, decided once as GNU decides it (glossari/catalog/charset.py). GNU only warns
    # for these (and msgcat then refuses the file); each used to be read one way by the decoder
    # and another by the header rewrite, and every update re-encoded the translations once more.
    Case("charset-spaces.po", 6, None, "'charset = ISO-8859-1' is no charset for GNU",
         "write charset=ISO-8859-1"),
    Case("charset-case.po", 6, None, "'Charset=ISO-8859-1' is no charset for GNU",
         "write charset=ISO-8859-1"),
    Case("charset-twice.po", 7, None, "two charsets: ISO-8859-1 (line 6) and UTF-8 (line 7)",
         "keep one Content-Type line"),
    Case("charset-base64.po", 6, None, "unknown charset 'base64' in the header: not a text enc",
         "charset=UTF-8"),
    Case("charset-alias.po", 6, None, "unknown charset 'latin1'", "write charset=ISO-8859-1"),
    Case("charset-undecodable.po", 6, None, "cannot decode charset VISCII",
         "msgconv --to-code=UTF-8"),
    # GNU's input rules (issue 18 item 6): one key space for current, obsolete and the header
    Case("current-and-obsolete.po", 14, (14, 12), "duplicate message (first defined at line 11)",
         "both current and obsolete"),
    Case("obsolete-header.po", 14, (14, 2), "duplicate message (first defined at line 1)",
         "delete the obsolete header"),
    # GNU names the header's msgstr, we the Plural-Forms line
    Case("nplurals-zero.po", 8, (2,), "nplurals=0", "nplurals=2"),
    # the .mo carries the header as written, and its reader evaluates the expression: one that
    # does not parse made gettext.translation() raise ValueError for the whole domain (and
    # without plural=, IndexError); one past nplurals GNU refuses too
    Case("plural-expression-broken.po", 8, (2,), "does not parse: unbalanced parenthesis",
         "nplurals=2; plural=EXPRESSION;"),
    Case("plural-expression-range.po", 8, (2,), "gives form 1 for n = 0, but nplurals=1",
         "nplurals=1; plural=EXPRESSION;"),
    Case("plural-expression-missing.po", 8, None, "has no plural=EXPRESSION",
         "nplurals=2; plural=EXPRESSION;"),
    # a plural message under no Plural-Forms (added by hand): compile wrote its .mo, whose
    # reader counts the forms by English's rule whatever the language; GNU names msgstr[0]
    Case("plural-forms-missing.po", 11, (13, 2, 2), "plural message, but the header has no "
         "Plural-Forms", 'add "Plural-Forms: nplurals=2; plural=(n != 1);\\n" to the header'),
    # a header giving Plural-Forms (or X-Domain) twice: GNU reads the first, Python's gettext
    # the last, so C and Python programs would count the plural forms of one .mo differently
    Case("plural-forms-twice.po", 8, (2, 13), "gives Plural-Forms twice: 'nplurals=1; plural=0;' "
         "(line 7) and 'nplurals=2; plural=(n != 1);' (line 8)", "keep one Plural-Forms line"),
    Case("domain-twice.po", 9, None, "gives X-Domain twice: 'glossary' (line 8) and "
         "'articles-a' (line 9)", "keep one X-Domain line"),
    # GNU msgfmt (even without --check) writes no .mo for it; glossari compiled it, and render
    # put the stray line break into the article
    Case("newline-mismatch.po", 11, (13,), "'msgid' and 'msgstr' do not both end with a newline",
         "end the translation with \\n exactly when the source does"),
    # a format string whose translation reads another argument or type: GNU msgfmt --check
    # refuses it, and glossari compiled it (the program then printed garbage or crashed)
    Case("format-c.po", 14, (14,), "c-format: argument 1 is int in msgid ('%d') and char *",
         "convert it as msgid does ('%d')"),
    Case("format-python.po", 13, (13,), "python-format: msgstr uses argument 'nama'",
         "use only the arguments of the source"),
    Case("format-brace.po", 15, (14,), "msgstr[1] uses argument 'jumlah'",
         "use only the arguments of the source"),
    # the template's placeholder left in a catalog: gettext cannot open its .mo
    Case("plural-forms-placeholder.po", 8, (2, 2), "still the template's placeholder",
         "nplurals=2; plural=(n != 1);"),
    # C0 controls in a decoded value, raw or escaped (item 4, catalog side); GNU refuses U+0004
    # only (it cuts a string at a raw NUL, and passes ESC sequences through to the terminal)
    Case("context-separator.po", 12, (12,), "U+0004 (the .mo context separator)", "remove it"),
    Case("nul-raw.po", 12, None, "control character U+0000", "remove it"),
    Case("escape-raw.po", 12, None, "control character U+001B", "remove it"),
    Case("control-escape.po", 12, None, "control character U+001B", "remove it"),
    # UTF-8 bytes under an ISO-8859-1 header (an old template's header, an editor saving UTF-8
    # whatever the header says): GNU reads 'Café' as 'CafÃ©', and so did glossari, whose update
    # then wrote the mojibake into the file as UTF-8 for good; a person reads UTF-8
    Case("utf8-labelled-latin1.po", 12, None, "declares charset=ISO-8859-1 (line 6), but the "
         "file is saved as UTF-8: 'Café' would read as 'CafÃ©'", "declare charset=UTF-8"),
    # GNU reads a UTF-16 file as garbage (a dozen syntax errors); we say what it is
    Case("utf16.po", 1, (1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12), "the file is UTF-16",
         "iconv -f UTF-16 -t UTF-8"),
]

_GNU_LINE = re.compile(r"^[^:\n]+\.po:(\d+)(?::\d+)?: (?!warning)", re.MULTILINE)


def _gnu_error_lines(path: Path) -> tuple[int, ...] | None:
    done = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)],
                          capture_output=True, text=True, check=False)
    lines = tuple(int(m.group(1)) for m in _GNU_LINE.finditer(done.stderr))
    if done.returncode == 0:
        assert not lines
        return None
    return lines


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_library_names_path_and_line(case: Case) -> None:
    with pytest.raises(CatalogError) as caught:
        load_po(DATA / case.name, source=PO_SOURCE)
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.path, error.line) == (PO_SOURCE, case.line), str(error)
    assert case.what in error.message
    assert case.hint in error.hint
    assert str(error) == f"{PO_SOURCE}:{case.line}: {error.message}; {error.hint}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_gnu_msgfmt_lines_pinned(case: Case) -> None:
    # pins GNU's own answer beside ours, so the comparison table stays true
    assert _gnu_error_lines(DATA / case.name) == case.gnu


def test_we_agree_with_gnu_where_gnu_points_at_the_same_thing() -> None:
    agreeing = [c.name for c in CASES if c.gnu is not None and c.line == c.gnu[0]]
    assert agreeing == [
        "second-msgstr.po", "duplicate-obsolete.po", "unknown-keyword.po", "missing-msgstr.po",
        "bad-escape.po", "wrong-charset.po", "plural-gap.po", "current-and-obsolete.po",
        "obsolete-header.po", "format-c.po", "format-python.po", "context-separator.po",
        "utf16.po",
    ]


@pytest.mark.parametrize(("charset", "encoding", "word"), [
    ("ISO-8859-1", "latin-1", "Café déjà ÂÃ"), ("CP1252", "cp1252", "Café “déjà” €5"),
    ("ISO-8859-15", "iso8859-15", "Café déjà €5")])
def test_a_file_in_its_declared_one_byte_charset_is_read_by_it(
    charset: str, encoding: str, word: str, tmp_path: Path,
) -> None:
    # not an error: the bytes are those of the declared charset (GNU agrees), even where a
    # pair of them would also be valid UTF-8 somewhere else in the file
    text = (DATA / "utf8-labelled-latin1.po").read_text(encoding="utf-8").replace(
        "ISO-8859-1", charset).replace("Café", word)
    path = tmp_path / "ok.po"
    path.write_bytes(text.encode(encoding))
    po = load_po(path, source=PO_SOURCE)
    assert po.charset == charset
    assert po.entries[0].msgstr == word
    assert _gnu_error_lines(path) is None


@pytest.mark.parametrize(("charset", "encoding"), [
    ("EUC-JP", "euc_jp"), ("GB18030", "gb18030"), ("SHIFT_JIS", "shift_jis"), ("BIG5", "big5")])
def test_a_multi_byte_label_is_taken_at_its_word(charset: str, encoding: str,
                                                 tmp_path: Path) -> None:
    # UTF-8 bytes can be valid text of a multi-byte charset too, by chance: read them by the
    # label, as GNU does (only a one-byte label over UTF-8 bytes is refused, above)
    data = (DATA / "utf8-labelled-latin1.po").read_text(encoding="utf-8").replace(
        "ISO-8859-1", charset).encode("utf-8")
    path = tmp_path / "ok.po"
    path.write_bytes(data)
    po = load_po(path, source=PO_SOURCE)
    assert po.charset == charset
    assert po.entries[0].msgstr == "Café".encode().decode(encoding)
    assert _gnu_error_lines(path) is None


# --- through the command line ---------------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under seeds/ and locale/, but the empty lock files a writer leaves
    (``locale/.glossari-*.lock``, which git ignores: docs/reliability.md)."""
    found: dict[str, tuple[int, bytes]] = {}
    for top in ("seeds", "locale"):
        for dirpath, _dirs, files in os.walk(root / top):
            for name in files:
                path = Path(dirpath) / name
                if path.parent == root / "locale" and fnmatch.fnmatch(name, ".glossari-*.lock"):
                    assert path.stat().st_size == 0
                    continue
                found[str(path.relative_to(root))] = (path.stat().st_mtime_ns,
                                                       path.read_bytes())
    return found


def _bad_root(template_root: Path, tmp_path: Path, name: str) -> Path:
    root = tmp_path / "glossary"
    shutil.copytree(template_root, root)
    shutil.copyfile(DATA / name, root / PO_SOURCE)
    return root


CLI_CASES = [*CASES, Case("other-domain.po", 1, None, "for domain 'articles-a', not 'glossary'",
                          "use the catalog named articles-a.po")]


@pytest.mark.parametrize("command", [["update", "-l", "en"], ["compile", "-l", "en"]],
                         ids=["update", "compile"])
@pytest.mark.parametrize("case", CLI_CASES, ids=[c.name for c in CLI_CASES])
def test_cli_exits_2_and_writes_nothing(
    template_root: Path, tmp_path: Path, case: Case, command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = _bad_root(template_root, tmp_path, case.name)
    capsys.readouterr()
    before = _snapshot(root)
    assert main(["--root", str(root), *command]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"glossari: error: {PO_SOURCE}:{case.line}: "), lines[0]
    assert case.what in lines[0]
    assert "Traceback" not in err
    assert _snapshot(root) == before


def test_real_process_update_exits_2(template_root: Path, tmp_path: Path) -> None:
    root = _bad_root(template_root, tmp_path, "unterminated-string.po")
    before = _snapshot(root)
    done = subprocess.run(
        [sys.executable, "-m", "glossari", "--root", str(root), "update", "-l", "en"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"glossari: error: {PO_SOURCE}:12: unterminated string; "
        'close the string with a double quote (")'
    ]
    assert _snapshot(root) == before


def test_update_keeps_a_latin1_catalogs_translations(template_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "glossary"
    shutil.copytree(template_root, root)
    po = root / PO_SOURCE
    text = po.read_text("utf-8").replace("charset=UTF-8", "charset=ISO-8859-1")
    text = text.replace('msgid "Careers"\nmsgstr ""', 'msgid "Careers"\nmsgstr "Carrières"')
    po.write_bytes(text.encode("latin-1"))
    for _ in range(2):  # the second run re-reads what the first wrote
        shutil.rmtree(root / ".glossari-cache", ignore_errors=True)
        main(["--root", str(root), "update", "-l", "en"])
    catalog = load_po(po, source=PO_SOURCE)
    assert {e.msgid: e.msgstr for e in catalog.entries}["Careers"] == "Carrières"
    assert catalog.charset == "UTF-8"  # rewritten as UTF-8, and the header says so
    assert _gnu_error_lines(po) is None


# --- compiled catalogs ----------------------------------------------------------------------------


def _good_mo(tmp_path: Path) -> bytes:
    po = tmp_path / "good.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "kos"\nmsgid "Kos"\nmsgstr "Cost"\n\nmsgid "Harga."\nmsgstr "Price."\n',
        encoding="utf-8",
    )
    subprocess.run(["msgfmt", "-o", str(tmp_path / "good.mo"), str(po)], check=True)
    return (tmp_path / "good.mo").read_bytes()


def _corrupt_cases(good: bytes) -> dict[str, tuple[bytes, str]]:
    count, originals = struct.unpack_from("<2I", good, 8)
    # the last original string (the first is the header's empty msgid)
    length, offset = struct.unpack_from("<2I", good, originals + 8 * (count - 1))
    assert length > 0
    return {
        "empty": (b"", "shorter than the 28-byte header"),
        "truncated-header": (good[:20], "shorter than the 28-byte header"),
        "truncated-tables": (good[:30], "ends past the file end"),
        "truncated-strings": (good[: len(good) - 5], "ends past the file end"),
        "wrong-magic": (b"\x00\x00\x00\x00" + good[4:], "wrong magic number"),
        "a-po-file": (b'msgid ""\nmsgstr ""\n' + b" " * 20, "wrong magic number"),
        "future-revision": (good[:4] + struct.pack("<I", 7 << 16) + good[8:],
                            "unknown major revision"),
        "huge-count": (good[:8] + struct.pack("<I", 0x7FFFFFFF) + good[12:],
                       "ends past the file end"),
        "string-offset-out-of-file": (
            good[:originals] + struct.pack("<2I", length, len(good) + 100)
            + good[originals + 8:], "ends past the file end"),
        "string-not-utf8": (good[:offset] + b"\xff" * length + good[offset + length:],
                            "not UTF-8"),
    }


def test_good_mo_reads(tmp_path: Path) -> None:
    messages = read_mo(_good_mo(tmp_path), source="x.mo")
    assert messages[("kos", "Kos")] == ("Cost",)
    assert messages[(None, "Harga.")] == ("Price.",)


@pytest.mark.parametrize(
    "name",
    ["empty", "truncated-header", "truncated-tables", "truncated-strings", "wrong-magic",
     "a-po-file", "future-revision", "huge-count", "string-offset-out-of-file",
     "string-not-utf8"],
)
def test_corrupt_mo_is_refused(tmp_path: Path, name: str) -> None:
    data, what = _corrupt_cases(_good_mo(tmp_path))[name]
    path = tmp_path / "locale" / "en" / "LC_MESSAGES" / "glossary.mo"
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    with pytest.raises(CatalogError) as caught:
        load_mo(path, source="locale/en/LC_MESSAGES/glossary.mo")
    error = caught.value
    assert error.path == "locale/en/LC_MESSAGES/glossary.mo"
    assert error.line == 0  # a binary file has no lines: the message names the whole file
    assert what in error.message
    assert "recompile" in error.hint


@pytest.mark.parametrize("command", [["update", "-l", "en"], ["compile", "-l", "en"],
                                     ["check", "-l", "en"], ["table"]])
def test_a_device_where_a_catalog_goes_is_refused_before_it_is_read(
        tmp_path: Path, command: list[str]) -> None:
    """A link to /dev/zero in place of a catalog (a cloned repository) was read whole: every
    command took all memory, or hung on a pipe; it is one line naming the catalog, exit 2."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text("---\ntitle: Kos\n---\n\nKos.\n", encoding="utf-8")
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    catalog = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    catalog.unlink()
    catalog.symlink_to("/dev/zero")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), *command])
    assert code == 2, err.getvalue()
    assert err.getvalue().count("\n") == 1, err.getvalue()
    assert "glossary.po: a device, not a catalog file" in err.getvalue()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_a_pipe_or_a_device_given_as_a_catalog_is_named_as_what_it_is(
        tmp_path: Path, kind: str) -> None:
    """`termcheck` given a named pipe or a device, and `align` finding one where a catalog goes,
    said "no such catalog" (and align: run extract and update, which then refused it as a
    pipe); `check` and `update` say what it is."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text("---\ntitle: Kos\n---\n\nKos.\n", encoding="utf-8")
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    translated = tmp_path / "en"
    translated.mkdir()
    (translated / "kos.md").write_text("---\ntitle: Cost\n---\n\nCost.\n", encoding="utf-8")
    catalog = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    catalog.unlink()
    what = "a named pipe (FIFO)" if kind == "pipe" else "a device"
    outside = tmp_path / "third-party.po"
    for path in (catalog, outside):
        if kind == "pipe":
            os.mkfifo(path)
        else:
            path.symlink_to(os.devnull)
    runs = [(["termcheck", str(outside)], str(outside),
             "name a .po file or a folder holding some")]
    if kind == "pipe":  # align names a linked catalog by the file it links to (/dev/null)
        runs.append((["align", "-l", "en", str(translated)],
                     "locale/en/LC_MESSAGES/glossary.po", "put a catalog file there, or remove it"))
    for command, name, hint in runs:
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--root", str(root), *command])
        assert (code, err.getvalue()) == (
            2, f"glossari: error: {name}: {what}, not a catalog file; {hint}\n"), command


@pytest.mark.parametrize(("forms", "flags"), [('""', ""), ('"%d share"', "#, fuzzy\n")])
def test_an_untranslated_or_fuzzy_plural_message_needs_no_plural_forms(
        tmp_path: Path, forms: str, flags: str) -> None:
    """As GNU msgfmt --check: only a translated plural message needs the header's
    Plural-Forms (Django ships en catalogs, all untranslated, without one)."""
    text = (DATA / "plural-forms-missing.po").read_text(encoding="utf-8")
    text = text.replace('msgid "%d saham"', flags + 'msgid "%d saham"').replace(
        '"%d share"', forms).replace('"%d shares"', forms)
    path = tmp_path / "app.po"
    path.write_text(text, encoding="utf-8")
    assert load_po(path, source=PO_SOURCE).entries[-1].msgid_plural == "%d saham-saham"
    assert _gnu_error_lines(path) is None


@pytest.mark.parametrize("command", [["update", "-l", "en"], ["compile", "-l", "en"],
                                     ["check", "-l", "en"], ["table"]])
def test_editor_lock_files_are_not_catalogs(tmp_path: Path, command: list[str]) -> None:
    """Emacs locks a catalog open in po-mode with a dangling symbolic link `.#glossary.po`:
    every command stopped on it ("cannot read the catalog: No such file or directory"), as
    on any hidden `.po` an editor leaves; hidden files are no catalogs, as they are no
    articles (glossari.catalog.names.is_catalog_name)."""
    import warnings

    import glossari
    from glossari.glossary import TermbaseWarning

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\n---\n\nPeniaga broker membeli [saham-saham](/saham).\n",
        encoding="utf-8")
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    folder = root / "locale" / "en" / "LC_MESSAGES"
    catalog = folder / "glossary.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgid "Peniaga broker"\nmsgstr ""', 'msgid "Peniaga broker"\nmsgstr "Broker-dealer"'),
        encoding="utf-8")
    assert main(["--root", str(root), "compile", "-l", "en"]) == 0
    (folder / ".#glossary.po").symlink_to("penterjemah@hos.1234:1700000000")
    (folder / ".glossary.po").write_bytes(b"\x00 not a catalog")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), *command])
    assert code in (0, 1), err.getvalue()
    assert "glossary.po" not in err.getvalue()
    with warnings.catch_warnings():
        warnings.simplefilter("error", TermbaseWarning)  # the termbase is still fresh
        glossary = glossari.load(root, lang="en")
    assert glossary.lookup("peniaga-peniaga broker").english.title == "Broker-dealer"
