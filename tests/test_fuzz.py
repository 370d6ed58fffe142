"""Fuzzing the readers: on any bytes, glossari returns a value or raises its own error.

A crash here (IndexError, RecursionError, UnicodeDecodeError, ...) would reach a user as
"internal error". The default profile runs a few hundred inputs per reader; for a long run:

    uv run pytest tests/test_fuzz.py --hypothesis-profile=fuzz

(or ``GLOSSARI_FUZZ=1``). See docs/reliability.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import article_bytes, article_text, po_text

from glossari.errors import CatalogError, GlossariError, SeedError
from glossari.seeds.article import parse_article, read_article
from glossari.seeds.source import decode_article

SEED_DIR = Path(__file__).parent.parent / "seeds"
_SLOW = max(20, settings().max_examples // 10)
"""Examples for the tests that touch files or run commands: a tenth of the profile's count."""
SEED = (SEED_DIR / "accountexecutive.md").read_bytes()


def _check_error(error: GlossariError, *, source: str, text: str | bytes) -> None:
    # the error must point inside the file: a line past the end helps nobody
    assert error.path == source
    newline: str | bytes = "\n" if isinstance(text, str) else b"\n"
    assert 0 <= error.line <= text.count(newline) + 2  # type: ignore[arg-type]
    assert error.message
    assert "\n" not in str(error)


def _mutations() -> st.SearchStrategy[bytes]:
    """The real seed with a few bytes inserted, deleted or replaced."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        data = bytearray(SEED)
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, len(data)))
            op = draw(st.sampled_from(("insert", "delete", "replace")))
            chunk = draw(st.binary(min_size=1, max_size=6) | st.sampled_from(
                (b"---\n", b"\n", b"- ", b"> ", b"#", b"[", b"](", b")", b"\xef\xbb\xbf",
                 b"\r", b"\t", b"\\", b'"', b":", b"\xe2\x80\xa8", b"\xc2\x85", b"\x00")))
            if op == "insert":
                data[at:at] = chunk
            elif op == "delete":
                del data[at:at + len(chunk)]
            else:
                data[at:at + len(chunk)] = chunk
        return bytes(data)

    return mutate()


def _read(data: bytes) -> None:
    source = "seeds/fuzz.md"
    try:
        text = decode_article(data, source=source)
    except SeedError as error:
        _check_error(error, source=source, text=data)
        return
    try:
        term = parse_article(text, term_id="fuzz", source=source)
    except SeedError as error:
        _check_error(error, source=source, text=text)
        return
    assert term.title is not None
    assert term.title.strip()


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(article_bytes())
@example(b"---\n" + b"[" * 3000 + b"\n---\n")
@example(b"---\ntitle: K\n---\n" + b"- " * 3000)
@example(b"---\ntitle: K\xe2\x80\xa8x\n---\n")
@example(b"---\n!!python/object:os.system [x]: 1\n---\n")
def test_article_reader_raises_only_seed_errors(data: bytes) -> None:
    _read(data)


@given(_mutations())
def test_mutated_seed_raises_only_seed_errors(data: bytes) -> None:
    _read(data)


@given(st.text(max_size=400) | article_text())
def test_parse_article_on_any_text(text: str) -> None:
    # parse_article is public: it may get text that decode_article never returns (controls, \r)
    try:
        term = parse_article(text, term_id="fuzz", source="fuzz.md")
    except SeedError as error:
        _check_error(error, source="fuzz.md", text=text)
    else:
        assert term.id == "fuzz"


@settings(max_examples=_SLOW)
@given(article_bytes())
def test_read_article_from_a_file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.md"
    path.write_bytes(data)
    try:
        read_article(path, source="seeds/fuzz.md")
    except SeedError as error:
        _check_error(error, source="seeds/fuzz.md", text=data)


# --- catalogs ------------------------------------------------------------------------------------

_PO_PIECES = st.sampled_from((
    'msgid ""\n', 'msgstr ""\n', '"Content-Type: text/plain; charset=UTF-8\\n"\n',
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', 'msgctxt "k"\n', 'msgid "a"\n',
    'msgstr "b"\n', 'msgid_plural "as"\n', 'msgstr[0] "x"\n', 'msgstr[1] "y"\n', 'msgstr[9] "z"\n',
    "#, fuzzy\n", "#: seeds/a.md:1\n", "#. note\n", "# comment\n", '#| msgid "old"\n',
    '#~ msgid "gone"\n', '#~ msgstr "pergi"\n', '#~| msgid "x"\n', "\n", '"', '\\', '\\"', "\\n",
    "\\x41", "\\777", "\\u00e9", '"\t"\n', '"\u2028"\n', '"\x85"\n', '"😀"\n', "msgfoo \"x\"\n",
    'msgid "unterminated\n', "domain \"d\"\n", "\r\n",
))


@st.composite
def _po_like(draw: st.DrawFn) -> str:
    """Text assembled from PO fragments: most inputs get past the first line."""
    parts = draw(st.lists(_PO_PIECES | po_text().map(lambda s: f'"{s}"\n'), max_size=30))
    return "".join(parts)


def _parse_po(text: str) -> None:
    from glossari.catalog.pofile import parse_po

    try:
        po = parse_po(text, source="locale/en/LC_MESSAGES/glossary.po")
    except CatalogError as error:
        _check_error(error, source="locale/en/LC_MESSAGES/glossary.po", text=text)
    else:
        assert all(e.line >= 1 for e in po.entries)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_po_like())
def test_parse_po_on_po_like_text(text: str) -> None:
    _parse_po(text)


@given(st.text(max_size=300))
def test_parse_po_on_any_text(text: str) -> None:
    _parse_po(text)


@given(st.binary(max_size=300) | _po_like().map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_load_po_on_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    from glossari.catalog.pofile import load_po

    path = tmp_path_factory.mktemp("po") / "glossary.po"
    path.write_bytes(data)
    try:
        load_po(path, source="glossary.po")
    except CatalogError as error:
        _check_error(error, source="glossary.po", text=data)


def _mo_bytes() -> bytes:
    from glossari.catalog.mofile import render_mo
    from glossari.catalog.pofile import Entry

    header = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
    entries = [Entry(msgid="Kos", msgctxt="kos", msgstr="Cost"),
               Entry(msgid="akaun", msgid_plural="akaun-akaun",
                     msgstr_plural=("account", "accounts")),
               Entry(msgid="Harga.", msgstr="Price \u2028 \x85 💰.")]
    return render_mo(entries, header)


def _check_mo_error(error: CatalogError) -> None:
    assert (error.path, error.line) == ("glossary.mo", 0)  # binary: the whole file
    assert "recompile" in error.hint


@st.composite
def _mo_like(draw: st.DrawFn) -> bytes:
    data = bytearray(_mo_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data[at:at + 4] = draw(st.binary(min_size=1, max_size=4))
        else:
            del data[at:]
    return bytes(data)


@given(st.binary(max_size=200) | _mo_like())
def test_read_mo_on_any_bytes(data: bytes) -> None:
    from glossari.catalog.mofile import read_mo

    try:
        messages = read_mo(data, source="glossary.mo")
    except CatalogError as error:
        _check_mo_error(error)
    else:
        assert all(isinstance(v, tuple) for v in messages.values())


# --- the command line never shows an internal error -----------------------------------------------


def _cli(root: Path, *argv: str) -> tuple[int, str]:
    import contextlib
    import io

    from glossari.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), *argv])
    return code, err.getvalue()


def _one_clean_answer(code: int, err: str) -> None:
    assert code in (0, 2), err
    assert "internal error" not in err
    assert "Traceback" not in err
    if code == 2:
        errors = [line for line in err.splitlines() if line.startswith("glossari: error: ")]
        assert len(errors) == 1, err


@settings(max_examples=_SLOW, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300) | _po_like().map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_update_and_compile_on_any_catalog(template_root: Path, data: bytes) -> None:
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "glossary"
        shutil.copytree(template_root, root)
        (root / "locale/en/LC_MESSAGES/glossary.po").write_bytes(data)
        for command in (("update", "-l", "en"), ("compile", "-l", "en"), ("table",),
                        ("check",)):
            code, err = _cli(root, *command)
            if command == ("check",):
                code = 0 if code == 1 else code  # findings are check's exit 1
            _one_clean_answer(code, err)


@settings(max_examples=_SLOW, suppress_health_check=[HealthCheck.too_slow])
@given(data=article_bytes() | _mutations())
def test_commands_on_any_article(template_root: Path, data: bytes) -> None:
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "glossary"
        shutil.copytree(template_root, root)
        (root / "seeds" / "accountexecutive.md").write_bytes(data)
        for command in (("show", "accountexecutive"), ("extract",), ("update", "-l", "en"),
                        ("table", "--format", "tbx")):
            code, err = _cli(root, *command)
            if command[0] == "show" and code == 2 and "no term" in err:
                continue  # the mutated article may have lost its title
            _one_clean_answer(code, err)
