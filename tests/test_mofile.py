"""The .mo writer and reader, checked against the standard library, msgfmt and msgunfmt."""

from __future__ import annotations

import contextlib
import gettext
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossari.catalog.mofile import load_mo, read_mo, render_mo, write_mo
from glossari.catalog.pofile import Entry, PoFile, parse_po, render_po
from glossari.errors import CatalogError
from tests.strategies import CATALOG_CONTROLS

MSGFMT = shutil.which("msgfmt")
MSGUNFMT = shutil.which("msgunfmt")
needs_gettext = pytest.mark.skipif(
    MSGFMT is None or MSGUNFMT is None, reason="GNU gettext (msgfmt, msgunfmt) is not installed"
)

HEADER = Entry(
    msgid="",
    msgstr=(
        "Project-Id-Version: glossari\n"
        "Language: en\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "Plural-Forms: nplurals=2; plural=(n != 1);\n"
    ),
)
ENTRIES = (
    Entry(msgid="Eksekutif akaun", msgctxt="eksekutif-akaun", msgstr="Account executive"),
    Entry(msgid="Eksekutif akaun", msgstr="account executive (body)"),
    Entry(msgid="Satu saham", msgid_plural="%d saham", msgstr_plural=("One share", "%d shares")),
    Entry(msgid="Kabur", msgstr="Fuzzy", flags=("fuzzy",)),
    Entry(msgid="Kosong", msgstr=""),
    Entry(msgid="Lama", msgstr="Old", obsolete=True),
    Entry(msgid="Separuh", msgid_plural="Separuh-separuh", msgstr_plural=("Half", "")),
)

# fuzz tests run at least 300 examples, more under the long "fuzz" profile (tests/conftest.py)
FUZZ_EXAMPLES = max(300, settings().max_examples)


def translations(data: bytes) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(data))


def test_stdlib_reads_it() -> None:
    found = translations(render_mo(ENTRIES, HEADER))
    assert found.pgettext("eksekutif-akaun", "Eksekutif akaun") == "Account executive"
    assert found.gettext("Eksekutif akaun") == "account executive (body)"
    assert found.ngettext("Satu saham", "%d saham", 1) == "One share"
    assert found.ngettext("Satu saham", "%d saham", 5) == "%d shares"
    # left out: fuzzy, untranslated, obsolete, partly translated plural
    assert found.gettext("Kabur") == "Kabur"
    assert found.gettext("Kosong") == "Kosong"
    assert found.gettext("Lama") == "Lama"
    assert found.ngettext("Separuh", "Separuh-separuh", 1) == "Separuh"
    assert found.info()["language"] == "en"


def test_a_latin1_catalog_compiles_to_a_mo_that_says_utf8() -> None:
    # the strings of a .mo are written as UTF-8: a header still naming the catalog's own
    # ISO-8859-1 made every reader decode them as Latin-1 ('Coût' came back 'CoÃ»t', and a
    # non-ASCII msgid was never found)
    header = Entry(msgid="", msgstr=HEADER.msgstr.replace("charset=UTF-8", "charset=ISO-8859-1"))
    found = translations(render_mo(
        [Entry(msgid="Kos jualan", msgctxt="kosjualan", msgstr="Coût des ventes (£)"),
         Entry(msgid="Umur 59½", msgstr="Age 59½")], header))
    assert found.pgettext("kosjualan", "Kos jualan") == "Coût des ventes (£)"
    assert found.gettext("Umur 59½") == "Age 59½"
    assert found.info()["content-type"] == "text/plain; charset=UTF-8"


def test_read_mo_returns_messages() -> None:
    messages = read_mo(render_mo(ENTRIES, HEADER), source="en.mo")
    assert messages == {
        (None, ""): (HEADER.msgstr,),
        ("eksekutif-akaun", "Eksekutif akaun"): ("Account executive",),
        (None, "Eksekutif akaun"): ("account executive (body)",),
        (None, "Satu saham"): ("One share", "%d shares"),
    }


@needs_gettext
def test_same_messages_as_msgfmt_and_msgunfmt(tmp_path: Path) -> None:
    po_path = tmp_path / "en.po"
    po_path.write_text(render_po(PoFile(header=HEADER, entries=ENTRIES)), encoding="utf-8")
    complete = tmp_path / "complete.po"
    complete.write_text(render_po(PoFile(header=HEADER, entries=ENTRIES[:-1])), encoding="utf-8")
    gnu = tmp_path / "gnu.mo"
    subprocess.run([MSGFMT or "msgfmt", "-o", str(gnu), str(po_path)], check=True)
    ours = tmp_path / "ours.mo"
    assert write_mo(ours, ENTRIES, HEADER) is True
    assert write_mo(ours, ENTRIES, HEADER) is False
    # msgfmt also compiles a plural message with an empty form (stdlib gettext then answers
    # ""); we leave such a message out, so the untranslated source shows instead
    gnu_messages = load_mo(gnu)
    assert gnu_messages.pop((None, "Separuh")) == ("Half", "")
    assert load_mo(ours) == gnu_messages

    def unfmt(path: Path) -> str:
        done = subprocess.run([MSGUNFMT or "msgunfmt", str(path)], capture_output=True, check=True)
        return done.stdout.decode("utf-8")

    gnu_complete = tmp_path / "complete.mo"
    subprocess.run([MSGFMT or "msgfmt", "-o", str(gnu_complete), str(complete)], check=True)
    assert unfmt(ours) == unfmt(gnu_complete)


TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters=CATALOG_CONTROLS), max_size=40
)


def _newlines_like(msgid: str, text: str) -> str:
    """``text`` beginning and ending with a newline exactly where ``msgid`` does: GNU msgfmt,
    and so the parser, refuses a translation that does otherwise."""
    core = text.strip("\n") or "x"
    return ("\n" * msgid.startswith("\n")) + core + ("\n" * msgid.endswith("\n"))


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    plural = draw(st.booleans())
    msgctxt = draw(st.none() | TEXT)
    # an empty msgid is the header's alone: with a context (msgctxt "c", msgid "") it is a
    # message, which msgfmt compiles
    msgid = draw(TEXT if msgctxt is not None else TEXT.filter(bool))
    return Entry(
        msgid=msgid,
        msgctxt=msgctxt,
        msgid_plural=_newlines_like(msgid, draw(TEXT)) if plural else None,
        msgstr="" if plural else _newlines_like(msgid, draw(TEXT.filter(bool))),
        msgstr_plural=(_newlines_like(msgid, draw(TEXT.filter(bool))),
                       _newlines_like(msgid, draw(TEXT.filter(bool)))) if plural else (),
    )


@settings(max_examples=100, deadline=None)
@given(found=st.lists(entries(), max_size=12, unique_by=lambda e: e.key))
def test_round_trip_and_stdlib_lookup(found: list[Entry]) -> None:
    # any text survives write (.po), read, compile (.mo) and gettext lookup
    po = parse_po(render_po(PoFile(header=HEADER, entries=tuple(found))), source="h.po")
    assert po.entries == tuple(found)
    data = render_mo(po.entries, po.header)
    messages = read_mo(data, source="h.mo")
    assert messages == {(None, ""): (HEADER.msgstr,)} | {e.key: e.translations for e in found}
    lookup = translations(data)
    for entry in found:
        if entry.msgid_plural is not None:
            if entry.msgctxt is None:
                assert lookup.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
            else:
                got = lookup.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
                assert got == entry.msgstr_plural[1]
        elif entry.msgctxt is None:
            assert lookup.gettext(entry.msgid) == entry.msgstr
        else:
            assert lookup.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr


@needs_gettext
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(found=st.lists(entries(), min_size=1, max_size=8, unique_by=lambda e: e.key))
def test_hypothesis_same_as_msgfmt(found: list[Entry], tmp_path: Path) -> None:
    # msgfmt --check refuses a leading/trailing "\n" mismatch; keep the texts plain
    plain = [
        e for e in found if "\n" not in "".join((e.msgid, *e.translations, e.msgid_plural or ""))
    ]
    text = render_po(PoFile(header=HEADER, entries=tuple(plain)))
    source = tmp_path / "h.po"
    source.write_text(text, encoding="utf-8")
    gnu = tmp_path / "h.mo"
    subprocess.run(
        [MSGFMT or "msgfmt", "-o", str(gnu), str(source)], check=True, capture_output=True
    )
    parsed = parse_po(text, source="h.po")
    assert read_mo(render_mo(parsed.entries, parsed.header), source="o.mo") == load_mo(gnu)


def test_truncated_file_is_rejected_at_every_length() -> None:
    data = render_mo(ENTRIES, HEADER)
    # every cut fails, except one that removes only the final string's NUL terminator
    for length in range(len(data) - 1):
        with pytest.raises(CatalogError) as caught:
            read_mo(data[:length], source="cut.mo")
        assert caught.value.path == "cut.mo"
    assert read_mo(data[:-1], source="cut.mo") == read_mo(data, source="whole.mo")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "shorter than"),
        (b"\x00" * 28, "wrong magic"),
        (b"\xde\x12\x04\x95" + b"\x00\x00\x05\x00" + b"\x00" * 20, "major revision"),
        (
            b"\xde\x12\x04\x95"
            + b"\x00" * 4
            + b"\xff\x00\x00\x00"
            + b"\x1c\x00\x00\x00" * 2
            + b"\x00" * 8,
            "ends past the file end",
        ),
    ],
)
def test_corrupt_headers(data: bytes, message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        read_mo(data, source="bad.mo")


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(position=st.integers(0, 10_000), value=st.integers(0, 255), cut=st.integers(0, 10_000))
def test_fuzz_corruption_raises_only_catalog_error(position: int, value: int, cut: int) -> None:
    data = bytearray(render_mo(ENTRIES, HEADER))
    data[position % len(data)] = value
    with contextlib.suppress(CatalogError):
        read_mo(bytes(data[: len(data) - cut % 40]), source="f.mo")


def test_big_endian_file_is_read() -> None:
    import struct

    little = render_mo(ENTRIES[:1], HEADER)
    words = struct.unpack_from("<7I", little)
    count = words[2]
    table = struct.unpack_from(f"<{4 * count}I", little, 28)
    big = struct.pack(">7I", *words) + struct.pack(f">{4 * count}I", *table)
    big += little[len(big) :]
    assert read_mo(big, source="be.mo") == read_mo(little, source="le.mo")


@needs_gettext
def test_an_empty_msgid_with_a_context_is_a_message_as_to_msgfmt(tmp_path: Path) -> None:
    """``msgctxt "bon"`` + ``msgid ""``: GNU reads, checks and compiles it (``pgettext("bon",
    "")``); glossari refused the catalog ("empty msgid with a msgctxt"), termcheck of a third
    party's catalog holding one too, and its .mo writer would have left it out."""
    text = render_po(PoFile(header=HEADER, entries=(
        Entry(msgctxt="bon", msgid="", msgstr="Bond"), Entry(msgid="Bon", msgstr="Bond"))))
    source = tmp_path / "e.po"
    source.write_text(text, encoding="utf-8")
    gnu = tmp_path / "e.mo"
    subprocess.run([MSGFMT or "msgfmt", "--check", "-o", str(gnu), str(source)], check=True,
                   capture_output=True)
    parsed = parse_po(text, source="e.po")
    ours = render_mo(parsed.entries, parsed.header)
    assert read_mo(ours, source="o.mo") == load_mo(gnu)
    assert translations(ours).pgettext("bon", "") == "Bond"


@pytest.mark.parametrize("msgid", [
    "Pelaburan dalam saham-saham syarikat tersenarai di Bursa Malaysia oleh peniaga broker",
    "Saham-saham",
    "Dana\nunit amanah ETF dan pelaburannya yang diuruskan oleh syarikat pengurusan"])
def test_a_message_twice_is_quoted_as_every_message_quotes_a_value(msgid: str) -> None:
    """A .mo file holding one msgid twice (singular and plural) quotes it by
    :func:`glossari.text.excerpt`, the one rule a message quotes a value by: its own cut, to 40
    characters, had no ellipsis, so the quote read as the whole message."""
    from glossari.text import excerpt, quoted

    data = render_mo([Entry(msgid=msgid, msgstr="Shares"),
                      Entry(msgid=msgid, msgid_plural=f"{msgid}s",
                            msgstr_plural=("share", "shares"))], None)
    with pytest.raises(CatalogError) as twice:
        read_mo(data, source="en.mo")
    assert f"message {quoted(excerpt(msgid))} appears twice" in str(twice.value)
