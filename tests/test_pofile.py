"""The PO layer: strict parsing, byte preservation, and output identical to GNU msgcat's."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest
from _cost import costs_like
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossari.catalog.pofile import (
    Entry,
    PoFile,
    check_domain,
    load_po,
    parse_po,
    render_entry,
    render_po,
    strings_width,
    write_po,
)
from glossari.errors import CatalogError
from tests._catalog_oracles import strings_wrapped
from tests.strategies import CATALOG_CONTROLS

DATA = Path(__file__).parent / "data" / "po"
MSGCAT = shutil.which("msgcat")
MSGFMT = shutil.which("msgfmt")
needs_gettext = pytest.mark.skipif(
    MSGCAT is None or MSGFMT is None, reason="GNU gettext (msgcat, msgfmt) is not installed"
)

HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: glossari\\n"\n'
    '"Language: en\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
)
HEADER_ENTRY = parse_po(HEADER, source="header").header

# fuzz tests run at least 300 examples, more under the long "fuzz" profile (tests/conftest.py)
FUZZ_EXAMPLES = max(300, settings().max_examples)


def msgcat(text: str, tmp_path: Path, *options: str) -> str:
    """What Poedit would save: the file run through GNU msgcat (``--no-wrap``: Weblate)."""
    source = tmp_path / "in.po"
    source.write_bytes(text.encode("utf-8"))
    done = subprocess.run([MSGCAT or "msgcat", *options, str(source)], capture_output=True,
                          check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode("utf-8")


def msgfmt_check(text: str, tmp_path: Path) -> None:
    source = tmp_path / "check.po"
    source.write_bytes(text.encode("utf-8"))
    done = subprocess.run(
        [MSGFMT or "msgfmt", "--check", "--check-format", "-o", "/dev/null", str(source)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()


# --------------------------------------------------------------------------------------------
# Parsing


def test_parse_fields_and_lines() -> None:
    text = (
        HEADER + "\n# translator note\n#. extracted\n#: seeds/kos.md:3 seeds/kos.md:9\n#, fuzzy\n"
        '#| msgid "Koss"\nmsgctxt "kos"\nmsgid "Kos"\nmsgstr "Cost"\n'
        '\nmsgid "A"\nmsgid_plural "As"\nmsgstr[0] "x"\nmsgstr[1] "y"\n'
        '\n#~ msgid "Old"\n#~ msgstr "Gone"\n'
    )
    po = parse_po(text, source="t.po")
    first, plural, old = po.entries
    assert first == Entry(
        msgid="Kos",
        msgstr="Cost",
        msgctxt="kos",
        flags=("fuzzy",),
        translator_comments=("translator note",),
        extracted_comments=("extracted",),
        references=("seeds/kos.md:3", "seeds/kos.md:9"),
        previous_msgid="Koss",
    )
    assert first.line == 10
    assert first.fuzzy
    assert not first.translated
    assert plural.msgstr_plural == ("x", "y")
    assert plural.translated
    assert plural.line == 19
    assert old.obsolete
    assert old.line == 24
    assert old.msgstr == "Gone"
    assert po.header_fields()["Language"] == "en"
    assert po.nplurals == 2
    assert po.charset == "UTF-8"
    assert render_po(po) == text


def test_escapes_are_decoded() -> None:
    po = parse_po(HEADER + '\nmsgid "a\\tb\\"c\\\\d\\n\\101"\nmsgstr ""\n', source="e.po")
    assert po.entries[0].msgid == 'a\tb"c\\d\nA'


def test_lines_split_only_at_newline() -> None:
    # polib splits at U+2028 when it parses from a string and loses text
    text = HEADER + '\nmsgid "a\u2028b\x85c\x1cd"\nmsgstr "x\u2029y"\n'
    po = parse_po(text.replace("\x1c", ""), source="u.po")
    assert po.entries[0].msgid == "a\u2028b\x85cd"
    text = text.replace("\x1c", "")
    assert render_po(po) == text


BAD = [
    ("unterminated", 'msgid "abc\nmsgstr ""\n', 2, "unterminated string"),
    ("unterminated-escaped-quote", 'msgid "abc\\"\nmsgstr ""\n', 2, "unterminated string"),
    ("second-msgstr", 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 4, "a second msgstr"),
    ("duplicate", 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 5, "line 10"),
    (
        "duplicate-ctxt",
        'msgctxt "k"\nmsgid "a"\nmsgstr ""\n\nmsgctxt "k"\nmsgid "a"\nmsgstr ""\n',
        6,
        "duplicate message",
    ),
    ("unknown-keyword", 'msgid "a"\nmsgtsr "b"\n', 3, "unknown keyword 'msgtsr'"),
    ("bad-escape", 'msgid "a\\qb"\nmsgstr ""\n', 2, "invalid escape sequence \\q"),
    ("text-after-quote", 'msgid "a" x\nmsgstr ""\n', 2, "text after the closing quote"),
    # GNU reads the note as the next message's comment: it was "text after the closing quote",
    # with a hint to escape inner quotes
    ("comment-after-quote", 'msgid "a"\nmsgstr "x" # note for a\n\nmsgid "b"\nmsgstr ""\n', 3,
     "a comment after the closing quote: '# note for a' (GNU gives it to the next message)"),
    ("two-strings-one-line", 'msgid "a" "b"\nmsgstr ""\n', 2, "text after the closing quote"),
    ("msgid-without-msgstr", 'msgid "a"\n\nmsgid "b"\nmsgstr ""\n', 2, "msgid without msgstr"),
    ("eof-without-msgstr", 'msgid "a"\n', 2, "no msgstr"),
    ("plural-without-forms", 'msgid "a"\nmsgid_plural "b"\nmsgstr ""\n', 4, "msgstr[0]"),
    ("plural-form-count", 'msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\n', 2, "nplurals=2"),
    ("plural-form-order", 'msgid "a"\nmsgid_plural "b"\nmsgstr[1] "x"\n', 4, "out of order"),
    ("msgstr-n-without-plural", 'msgid "a"\nmsgstr[0] "x"\n', 3, "without msgid_plural"),
    ("nul-escape", 'msgid "a\\0"\nmsgstr ""\n', 2, "NUL"),
    ("comment-inside", 'msgid "a"\n# c\nmsgstr ""\n', 3, "comment inside a message"),
    ("comment-backslash", '# c:\\\nmsgid "a"\nmsgstr ""\n', 2, "ends in a backslash"),
    # a character that looks like a blank or like nothing, before a keyword or a string: it was
    # "unknown keyword 'msgid'" (Python splits words at a no-break space), or '"b"'
    ("nbsp-indent", 'msgid "a"\nmsgstr "b"\n\n\u00a0\u00a0msgid "c"\nmsgstr "d"\n', 5,
     "a no-break space (U+00A0) before 'msgid', which GNU reads as no blank"),
    ("bom-of-a-joined-file", 'msgid "a"\nmsgstr "b"\n\n\ufeff# Ali\nmsgid "c"\nmsgstr "d"\n',
     5, "a byte-order mark (U+FEFF) before '#'"),
    ("nbsp-continuation", 'msgid "a"\nmsgstr ""\n\u00a0"Saham"\n', 4,
     "a no-break space (U+00A0) before '\"Saham\"'"),
    ("nbsp-after-keyword", 'msgid "a"\nmsgstr\u00a0"Saham"\n', 3,
     "a no-break space (U+00A0) before '\"Saham\"'"),
    ("zero-width-space-previous", '#, fuzzy\n#|\u200bmsgid "x"\nmsgid "a"\nmsgstr "b"\n', 3,
     "a zero-width space (U+200B) before 'msgid'"),
    # GNU joins the next line to it ("Komisen broker"); "close the string with a double quote"
    # made it `\"`, an escaped quote
    ("string-line-backslash", 'msgid "a"\nmsgstr "Komisen \\\nbroker"\n', 3,
     "a string's line ends in a backslash (GNU joins the next line to it)"),
    ("mixed-obsolete", '#~ msgid "a"\nmsgstr ""\n', 3, "mixes obsolete"),
    # an escape above 0x7F is a raw byte of some other charset, not a character: GNU copies it
    # into the .mo unchanged, where it is invalid UTF-8
    ("raw-byte-escape", 'msgid "a"\nmsgstr "caf\\xe9"\n', 3, "raw byte"),
    ("raw-byte-octal", 'msgid "a"\nmsgstr "caf\\351"\n', 3, "raw byte"),
    # the second #| msgid silently replaced the first (the source the translation was made for)
    ("second-previous", '#, fuzzy\n#| msgid "x"\n#| msgid "y"\nmsgid "a"\nmsgstr "b"\n', 4,
     "a second #| msgid"),
    ("previous-on-obsolete", '#| msgid "x"\n#~ msgid "a"\n#~ msgstr "b"\n', 2,
     "an obsolete message with #| lines"),
    # GNU's grammar wants #| msgctxt, #| msgid, #| msgid_plural, msgid required: anything else
    # is a syntax error to msgfmt (no .mo) and msgcat (no save), which glossari read, compiled
    # and wrote back as it was
    ("previous-context-alone", '#, fuzzy\n#| msgctxt "c"\nmsgid "a"\nmsgstr "b"\n', 3,
     "#| msgctxt without a #| msgid"),
    ("previous-out-of-order", '#, fuzzy\n#| msgid "x"\n#| msgctxt "c"\nmsgid "a"\nmsgstr "b"\n',
     4, "#| msgctxt after #| msgid"),
    ("obsolete-previous-plural-alone",
     '#, fuzzy\n#~| msgid_plural "xs"\n#~ msgid "a"\n#~ msgid_plural "as"\n'
     '#~ msgstr[0] "b"\n#~ msgstr[1] "c"\n', 3, "#| msgid_plural without a #| msgid"),
]


@pytest.mark.parametrize(
    ("body", "line", "message"), [pytest.param(b, n, m, id=i) for i, b, n, m in BAD]
)
def test_rejects_defects_with_line(body: str, line: int, message: str) -> None:
    # line numbers count the header (8 lines) and one blank line before the body
    with pytest.raises(CatalogError) as caught:
        parse_po(HEADER + "\n" + body, source="bad.po")
    error = caught.value
    assert error.path == "bad.po"
    assert error.line == line + 8, str(error)
    assert message in error.message, str(error)
    assert error.hint


@needs_gettext
def test_a_string_line_ending_in_a_backslash_is_refused_with_gnus_reading(
        tmp_path: Path) -> None:
    """GNU reads `msgstr "Komisen \\` + `broker"` as one string, the lines joined. glossari
    refuses it (a translator's editor wrapped the line, or a path lost its last character)
    with that reading and a hint whose fix GNU reads as the same text; it said "unterminated
    string; close the string with a double quote", and the quote made `\\"`, still open."""
    body = 'msgid "Broker commission"\nmsgstr "Komisen \\\nbroker"\n'
    with pytest.raises(CatalogError) as caught:
        parse_po(HEADER + "\n" + body, source="app.po")
    assert caught.value.line == 11
    assert "GNU joins the next line" in caught.value.message
    assert 'start the next line with its own: "..."' in caught.value.hint
    fixed = HEADER + '\nmsgid "Broker commission"\nmsgstr ""\n"Komisen "\n"broker"\n'
    (entry,) = parse_po(fixed, source="app.po").entries
    for name, text in (("joined.po", HEADER + "\n" + body), ("fixed.po", fixed)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    gnu = [subprocess.run([MSGCAT or "msgcat",
                           "--no-wrap", str(tmp_path / name)], capture_output=True, text=True,
                          check=True).stdout for name in ("joined.po", "fixed.po")]
    assert gnu[0] == gnu[1]
    assert f'msgstr "{entry.msgstr}"' in gnu[0]


@needs_gettext
@pytest.mark.parametrize(
    ("body", "line"),
    [
        pytest.param(b, n, id=i)
        for i, b, n, _ in BAD
        if i
        not in (
            "plural-form-count",
            "comment-inside",
            "mixed-obsolete",
            "two-strings-one-line",
            "comment-after-quote",  # GNU moves the note to the next message (msgcat shows it)
            "string-line-backslash",  # GNU joins the lines: test_a_string_line_ending_in_...
            "nul-escape",
            # msgfmt copies the byte into the .mo, where it is no UTF-8 (glossari refuses it)
            "raw-byte-escape",
            "raw-byte-octal",
        )
    ],
)
def test_gnu_also_rejects_most(body: str, line: int, tmp_path: Path) -> None:
    """The defects we reject are defects for GNU msgfmt too (it merely reports some later)."""
    source = tmp_path / "bad.po"
    source.write_text(HEADER + "\n" + body, encoding="utf-8")
    done = subprocess.run(
        [MSGFMT or "msgfmt", "--check", "-o", "/dev/null", str(source)],
        capture_output=True,
        check=False,
    )
    assert done.returncode != 0


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('msgid "a"\nmsgstr ""\n', 1, "no header"),
        ('msgid "a"\nmsgstr ""\n\n' + HEADER, 4, "not the first"),
        ('msgid ""\nmsgstr "Language: en\\n"\n', 1, "no charset"),
        (
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=KLINGON\\n"\n',
            3,
            "unknown charset",
        ),
        (
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Plural-Forms: plural=n;\\n"\n',
            4,
            "no nplurals",
        ),
        ("", 1, "no header"),
        ('"a"\n' + HEADER, 1, "string without a keyword"),
        ("\ufeff" + HEADER, 1, "byte-order mark"),
    ],
)
def test_rejects_header_defects(text: str, line: int, message: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_po(text, source="h.po")
    assert caught.value.line == line, str(caught.value)
    assert message in caught.value.message


def test_load_rejects_invalid_utf8_with_line(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(HEADER.encode() + b'\nmsgid "a"\nmsgstr "caf\xe9"\n')
    with pytest.raises(CatalogError) as caught:
        load_po(path, source="locale/x.po")
    assert caught.value.line == 11
    assert caught.value.path == "locale/x.po"


def test_load_decodes_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin.po"
    path.write_bytes(
        HEADER.replace("UTF-8", "ISO-8859-1").encode() + b'\nmsgid "a"\nmsgstr "caf\xe9"\n'
    )
    po = load_po(path)
    assert po.entries[0].msgstr == "café"
    # written as UTF-8, the header saying so (as update, import and align write it)
    assert write_po(tmp_path / "out.po", po)
    out = load_po(tmp_path / "out.po")
    assert out.charset == "UTF-8"
    assert out.entries[0].msgstr == "café"


def test_check_domain() -> None:
    po = parse_po(HEADER.replace('"Language: en\\n"', '"X-Domain: glossary\\n"'), source="g.po")
    check_domain(po, "glossary", source="g.po")
    with pytest.raises(CatalogError, match="articles-a"):
        check_domain(po, "articles-a", source="g.po")


@needs_gettext
def test_format_flags_in_msgcat_order(tmp_path: Path) -> None:
    entry = Entry(
        msgid="%d saham",
        msgstr="%d shares",
        flags=("python-brace-format", "custom-flag", "no-c-format", "fuzzy", "python-format"),
    )
    text = render_po(PoFile(header=HEADER_ENTRY, entries=(entry,)))
    # a flag msgcat does not know (Weblate's) is kept, after msgcat's own: only it goes
    assert "#, fuzzy, no-c-format, python-format, python-brace-format, custom-flag\n" in text
    assert msgcat(text, tmp_path) == text.replace(", custom-flag", "")
    untranslated = render_entry(Entry(msgid="a", flags=("fuzzy",)))
    assert "fuzzy" not in untranslated  # msgcat drops fuzzy on an empty msgstr


@needs_gettext
def test_obsolete_entry_keeps_format_flags_and_no_wrap_as_msgcat(tmp_path: Path) -> None:
    # msgcat 0.21 keeps fuzzy, the format flags and no-wrap on a #~ entry and drops range:;
    # glossari used to keep fuzzy alone, so a retired c-format translation lost its flag
    flags = ("range: 0..10", "c-format", "fuzzy", "no-wrap", "python-format", "custom-flag")
    entries = (
        Entry(msgid="keep", msgstr="k"),
        Entry(msgid="%d fail", msgstr="%d file", flags=flags, obsolete=True),
        Entry(msgid="%s saham", msgstr="%s shares", flags=("possible-c-format",), obsolete=True),
        Entry(msgid="100%", msgstr="100%", flags=("no-c-format", "range: 1..3"), obsolete=True),
    )
    text = render_po(PoFile(header=HEADER_ENTRY, entries=entries))
    assert "#, fuzzy, c-format, python-format, no-wrap, custom-flag\n#~ msgid" in text
    assert "#, c-format\n#~ msgid \"%s saham\"" in text
    assert "#, no-c-format\n#~ msgid \"100%\"" in text
    assert msgcat(text, tmp_path) == text.replace(", custom-flag", "")  # as above
    msgfmt_check(text, tmp_path)


# --------------------------------------------------------------------------------------------
# Byte preservation


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.po")))
def test_fixture_round_trips_byte_for_byte(name: str) -> None:
    text = (DATA / name).read_bytes().decode("utf-8")
    assert render_po(parse_po(text, source=name)) == text


@needs_gettext
@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("msgcat-*.po")))
def test_fixture_is_msgcat_fixed_point_and_rerender_identical(name: str, tmp_path: Path) -> None:
    """A msgcat-written file keeps its bytes even when every entry is rendered anew."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert msgcat(text, tmp_path) == text
    po = parse_po(text, source=name)
    fresh = PoFile(
        header=po.header.with_changes() if po.header else None,
        entries=tuple(e.with_changes() for e in po.entries),
    )
    assert render_po(fresh) == text


def _real_catalogs() -> list[Path]:
    """Real translators' catalogs shipped by Django (a dev dependency): Malay, Indonesian and a
    sample of the other languages."""
    try:
        import django
    except ImportError:  # pragma: no cover - django is in the dev group
        return []
    found = sorted(Path(django.__file__).parent.glob("**/LC_MESSAGES/*.po"))
    return [p for n, p in enumerate(found) if "/ms/" in str(p) or "/id/" in str(p) or n % 15 == 0]


@pytest.mark.parametrize("path", _real_catalogs(), ids=lambda p: "/".join(p.parts[-4:]))
def test_real_catalog_round_trips_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    if b"msgstr[2]" in data and b"nplurals=2" in data:
        # Django ships a few catalogs with more plural forms than their header allows;
        # msgfmt --check rejects those too
        with pytest.raises(CatalogError, match="plural message has 3 forms"):
            load_po(path)
        return
    po = load_po(path)
    assert render_po(po).encode(po.charset or "utf-8") == data


def test_changed_entry_rerendered_neighbours_kept() -> None:
    text = (DATA / "translator.po").read_text(encoding="utf-8")
    po = parse_po(text, source="translator.po")
    changed = po.entries[0].with_changes(msgstr="New translation")
    out = render_po(PoFile(header=po.header, entries=(changed, *po.entries[1:])))
    assert render_entry(changed) in out
    for entry in po.entries[1:]:
        assert entry.raw is not None
        assert entry.raw in out


def test_blank_lines_and_missing_final_newline_kept() -> None:
    for text in (
        HEADER + '\n\n\nmsgid "a"\nmsgstr ""',
        HEADER + 'msgid "a"\nmsgstr ""\n\n\n# dangling\n',
        HEADER + '\nmsgid "a"\r\nmsgstr "b"\r\n',
    ):
        assert render_po(parse_po(text, source="b.po")) == text


def test_write_po_unchanged_is_not_rewritten(tmp_path: Path) -> None:
    po = parse_po(HEADER + '\nmsgid "a"\nmsgstr "b"\n', source="w.po")
    path = tmp_path / "w.po"
    assert write_po(path, po) is True
    before = path.stat()
    assert write_po(path, po) is False
    after = path.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert load_po(path) == po


# --------------------------------------------------------------------------------------------
# Identical to msgcat, on any text

ALPHABET = st.sampled_from(
    [
        # C0 controls other than tab and newline are refused on reading: none here
        *list("aZ09 .\"\\\t\n\u2028\u2029\x85\x7f-/:%()[]{}<>,;!?'"),
        "é",
        "ñ",
        "ß",
        "中",
        "文",
        "😀",
        "👍",
        "🏽",
        "́",
        "\u200b",
        "\xa0",
        "ﬁ",
        "Ω",
        "\u3000",
    ]
)
WORDS = st.text(ALPHABET, max_size=12)
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters=CATALOG_CONTROLS),
            max_size=80),
    st.lists(WORDS, max_size=30).map(" ".join),
    st.lists(st.text("abcdefghij", min_size=1, max_size=90), max_size=6).map(" ".join),
)
COMMENT = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\x85"),
    max_size=40,
).filter(lambda c: not c.endswith("\\"))
REFERENCE = st.from_regex(r"[a-z][a-z0-9/._-]{0,60}:[1-9][0-9]{0,4}", fullmatch=True)


def like(source: str, text: str) -> str:
    if not text:
        return text
    text = text.strip("\n") or "x"
    return (
        ("\n" if source.startswith("\n") else "") + text + ("\n" if source.endswith("\n") else "")
    )


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    msgid = draw(TEXT.filter(bool))
    plural = draw(st.booleans()) and draw(st.booleans())
    translation = draw(TEXT)
    fuzzy = bool(translation) and draw(st.booleans())
    # format flags make msgcat parse directives and wrap around them: see test_format_flags
    flags = ("fuzzy",) if fuzzy else ()
    obsolete = bool(translation) and draw(st.integers(0, 5)) == 0
    second = draw(TEXT)
    msgid_plural = like(msgid, draw(TEXT.filter(bool))) if plural else None
    # msgfmt --check wants a translation to begin and end with "\n" where its msgid does
    translation = like(msgid, translation)
    second = like(msgid, second or "x") if translation else ""
    return Entry(
        msgid=msgid,
        msgctxt=draw(st.none() | TEXT),
        msgid_plural=msgid_plural,
        msgstr="" if plural else translation,
        msgstr_plural=(translation, second) if plural else (),
        flags=("fuzzy",) if obsolete and fuzzy else (() if obsolete else flags),
        translator_comments=tuple(draw(st.lists(COMMENT, max_size=2))),
        extracted_comments=() if obsolete else tuple(draw(st.lists(COMMENT, max_size=2))),
        references=() if obsolete else tuple(draw(st.lists(REFERENCE, max_size=8, unique=True))),
        previous_msgctxt=draw(st.none() | TEXT) if fuzzy else None,
        previous_msgid=draw(TEXT) if fuzzy else None,
        previous_msgid_plural=draw(TEXT) if fuzzy and plural and draw(st.booleans()) else None,
        obsolete=obsolete,
    )


@st.composite
def po_files(draw: st.DrawFn) -> PoFile:
    # msgcat writes nothing for a file without messages, so draw at least one
    found = draw(st.lists(entries(), min_size=1, max_size=6, unique_by=lambda e: e.key))
    ordered = [e for e in found if not e.obsolete] + [e for e in found if e.obsolete]
    return PoFile(header=HEADER_ENTRY, entries=tuple(ordered))


@needs_gettext
@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(po=po_files())
def test_render_is_msgcat_fixed_point_and_parses_back(po: PoFile, tmp_path: Path) -> None:
    text = render_po(po)
    assert msgcat(text, tmp_path) == text
    msgfmt_check(text, tmp_path)
    back = parse_po(text, source="h.po")
    assert back == po
    assert render_po(back) == text
    # and read as wrapped, so its entries written anew are wrapped as msgcat wraps them
    assert strings_wrapped(back)
    assert strings_wrapped(parse_po(text.replace("\n", "\r\n"), source="crlf.po"))


@needs_gettext
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(po=po_files())
def test_a_file_saved_unwrapped_gets_entries_written_anew_as_msgcat_no_wrap(
    po: PoFile, tmp_path: Path
) -> None:
    """Weblate and `msgcat --no-wrap` save strings whole: an entry glossari writes anew into
    such a file comes out as `msgcat --no-wrap` writes it, not wrapped at 79 among them."""
    # one long translation in prose, as every real catalog has, which msgcat would wrap
    prose = Entry(msgid="Kos " * 30, msgstr="Cost " * 30)
    if all(e.key != prose.key for e in po.entries):
        po = PoFile(header=po.header, entries=(prose, *po.entries))
    unwrapped = msgcat(render_po(po), tmp_path, "--no-wrap")
    back = parse_po(unwrapped, source="weblate.po")
    assert not strings_wrapped(back)
    fresh = PoFile(header=back.header, entries=tuple(e.with_changes() for e in back.entries),
                   wrapped=strings_wrapped(back))
    assert render_po(fresh) == unwrapped


@given(po=po_files(), width=st.integers(20, 120))
@settings(max_examples=60, deadline=None)
def test_render_parse_round_trip_any_width(po: PoFile, width: int) -> None:
    assert parse_po(render_po(po, width=width), source="w.po") == po


# words of letters and digits, a comma or full stop at their end: what the fallback promises
PROSE_WORD = st.builds(
    str.__add__,
    st.text("abcdefghijklmnopqrstuvwxyzABCZ0123456789", min_size=1, max_size=14),
    st.sampled_from(["", "", ",", "."]),
)
PROSE = st.lists(PROSE_WORD, max_size=40).map(" ".join)


@needs_gettext
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(texts=st.lists(PROSE.filter(bool), min_size=1, max_size=5, unique=True))
def test_fallback_without_libunistring_matches_msgcat_on_prose(
    texts: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glossari.catalog.pofile as pofile

    monkeypatch.setattr(pofile, "_libunistring", lambda: None)
    po = PoFile(header=HEADER_ENTRY, entries=tuple(Entry(msgid=t, msgstr=t) for t in texts))
    text = render_po(po)
    assert msgcat(text, tmp_path) == text


@needs_gettext
def test_measured_msgcat_line_breaking(tmp_path: Path) -> None:
    """What msgcat does with unusual characters, measured (and matched)."""
    cases = {
        # U+2028 is a mandatory break: the column restarts, yet no PO line break is written
        "a " * 30 + "\u2028" + "b " * 30: 1,
        # emoji are two columns wide: 25 per line
        "\U0001f600 " * 45: 2,
        # CJK text breaks between any two characters
        "\u4e2d" * 50: 2,
        # combining accents take no column
        "e\u0301 " * 45: 2,
        # msgcat also breaks after a hyphen
        "-".join("abcdefghijklmnopqrstuvwxyz" * 2): 2,
    }
    for value, string_lines in cases.items():
        rendered = render_entry(Entry(msgid=value))
        msgid_lines = rendered.split("msgstr")[0].strip().split("\n")
        assert len(msgid_lines) - (1 if string_lines > 1 else 0) == string_lines, rendered
        text = render_po(PoFile(header=HEADER_ENTRY, entries=(Entry(msgid=value),)))
        assert msgcat(text, tmp_path) == text


# --------------------------------------------------------------------------------------------
# Fuzzing: nothing but CatalogError, ever


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(text=st.text())
def test_fuzz_parse_raises_only_catalog_error(text: str) -> None:
    with contextlib.suppress(CatalogError):
        parse_po(text, source="f.po")


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(data=st.data())
def test_fuzz_mutated_valid_file(data: st.DataObject) -> None:
    text = (DATA / "translator.po").read_text(encoding="utf-8")
    position = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 5))
    insert = data.draw(st.text(st.sampled_from(list('"\\#~|\n msgidtr[]0x')), max_size=4))
    try:
        po = parse_po(text[:position] + insert + text[position + cut :], source="f.po")
    except CatalogError:
        return
    render_po(po)


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.binary(max_size=300)
    | st.builds(
        lambda t, b: HEADER.encode() + t + b, st.binary(max_size=40), st.binary(max_size=40)
    )
)
def test_fuzz_load_bytes(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fuzz.po"
    path.write_bytes(data)
    with contextlib.suppress(CatalogError):
        load_po(path)


_EDGE_TEXT = st.text(st.sampled_from("ab \n\"\\é"), max_size=30)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(msgid=_EDGE_TEXT.filter(bool), msgstr=_EDGE_TEXT, fuzzy=st.booleans(),
       crlf=st.booleans())
def test_a_newline_at_one_end_only_is_refused_exactly_when_msgfmt_would(
        msgid: str, msgstr: str, fuzzy: bool, crlf: bool) -> None:
    """The file is scanned once for a string beginning or ending with a newline before the
    entries are asked: whatever the wrapping (render_po's, as msgcat's) or the line ends, a
    current translation with a newline at one end that its msgid lacks is refused, and only
    such a one."""
    entry = Entry(msgid=msgid, msgstr=msgstr, flags=("fuzzy",) if fuzzy else ())
    text = render_po(PoFile(header=HEADER_ENTRY, entries=(entry,)))
    if crlf:
        text = text.replace("\n", "\r\n")
    ends = (msgid[:1] == "\n", msgid[-1:] == "\n")
    mismatch = bool(msgstr) and not fuzzy and (msgstr[:1] == "\n", msgstr[-1:] == "\n") != ends
    if mismatch:
        with pytest.raises(CatalogError, match="newline"):
            parse_po(text, source="x.po")
    else:
        parse_po(text, source="x.po")


_NEWLINE_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize("msgstr", [
    'msgstr "Key\\n"  \n',     # blanks after the closing quote
    'msgstr "Key\\n"\t',       # ... at the end of the file
    'msgstr "Key\\012"\n',     # a newline as an octal escape
    'msgstr "Key\\x0a"\n',     # ... as a hex escape
    'msgstr "\\12Key"\n',      # ... at the start
    'msgstr ""  \n"\\nKey"\n',  # a continuation line starting with one, blanks after ""
    'msgstr ""\n"Key\\n"\n""\n',  # an empty continuation line after the one ending with it
    'msgstr "Key\\n"\r\n""\r\n\r\n',  # ... with CRLF, before a blank line
])
def test_a_newline_at_an_edge_however_written_is_refused(msgstr: str) -> None:
    # GNU msgfmt refuses each of these catalogs; the scan that decides whether the entries are
    # asked at all must not miss them
    with pytest.raises(CatalogError, match=r"do not both (begin|end) with a newline"):
        parse_po(_NEWLINE_HEADER + 'msgid "Sorotan"\n' + msgstr, source="t.po")


def test_plural_forms_given_twice_in_two_cases_is_refused() -> None:
    # GNU reads the field named exactly `Plural-Forms:` (the first); Python's gettext reads
    # names in any case, the last one winning: a C and a Python program counted forms apart
    header = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
              '"plural-forms: nplurals=1; plural=0;\\n"\n\n')
    with pytest.raises(CatalogError, match="gives Plural-Forms twice"):
        parse_po(header + 'msgid "Kos"\nmsgstr "Cost"\n', source="t.po")


THREE_FORMS = HEADER.replace("nplurals=2; plural=(n != 1);",
                             "nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);")


@pytest.mark.parametrize("obsolete", [False, True])
def test_every_flag_and_plural_form_survives_a_rewrite(obsolete: bool, tmp_path: Path) -> None:
    # the line parser reads plural and obsolete messages: a flag after the first one
    # (`#, c-format, fuzzy` as an older Lokalize writes it) was fuzzy too, and a language with
    # three plural forms kept them all; polib is the independent reader
    polib = pytest.importorskip("polib")
    mark = "#~ " if obsolete else ""
    text = (THREE_FORMS + "\n#, c-format, fuzzy, no-wrap\n"
            f'{mark}msgid "%d saham"\n{mark}msgid_plural "%d saham-saham"\n'
            f'{mark}msgstr[0] "%d share"\n{mark}msgstr[1] "%d shares (two)"\n'
            f'{mark}msgstr[2] "%d shares"\n')
    entry = parse_po(text, source="three.po").entries[0]
    oracle = polib.pofile(text).obsolete_entries()[0] if obsolete else polib.pofile(text)[0]
    assert set(entry.flags) == set(oracle.flags) == {"c-format", "fuzzy", "no-wrap"}
    assert entry.fuzzy
    assert entry.msgstr_plural == tuple(oracle.msgstr_plural[n] for n in range(3))
    # an entry written anew (its comment changed) keeps every form and flag
    changed = parse_po(text, source="three.po")
    changed = PoFile(header=changed.header, entries=(
        changed.entries[0].with_changes(translator_comments=("semak",)),))
    written = render_po(changed)
    again = polib.pofile(written)
    back = again.obsolete_entries()[0] if obsolete else again[0]
    assert [back.msgstr_plural[n] for n in range(3)] == ["%d share", "%d shares (two)",
                                                          "%d shares"]
    assert set(back.flags) == {"c-format", "fuzzy", "no-wrap"}
    if MSGCAT is not None and not obsolete:
        assert msgcat(written, tmp_path) == written


@needs_gettext
def test_a_repeated_reference_and_an_untranslated_obsolete_message_are_written_as_msgcat(
        tmp_path: Path) -> None:
    po = PoFile(header=HEADER_ENTRY, entries=(
        Entry(msgid="Saham", msgstr="Share", references=("seeds/saham.md:3", "seeds/saham.md:3",
                                                         "seeds/bon.md:9")),
        Entry(msgid="Bon lama", obsolete=True),
    ))
    text = render_po(po)
    assert text.count("seeds/saham.md:3") == 1
    assert "Bon lama" not in text
    assert msgcat(text, tmp_path) == text


_QUOTED_FLAG = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^, \t\r\f\v\n])+"""
"""The rule of a flag, as a regular expression: the oracle of the linear reading."""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['"', "'", ",", "\\", " ", "\t", "a", "b", "range:", "1..3"]),
                max_size=30).map("".join))
def test_flags_split_as_the_quoted_rule_says(text: str) -> None:
    import re

    from glossari.catalog.pofile import _split_flags

    words = list(re.finditer(_QUOTED_FLAG, text))
    expected: list[str] = []
    while words:
        word = words.pop(0)
        if word.group() == "range:" and words and "," not in text[word.end():words[0].start()]:
            expected.append("range: " + words.pop(0).group())  # GNU's `range: 1..3`
        else:
            expected.append(word.group())
    assert _split_flags(text) == expected


@pytest.mark.parametrize("text", ['"\\' * 50_000 + "x", "'\\" * 50_000 + "x", '"a' * 50_001])
def test_a_hostile_flag_line_costs_linear_time(text: str) -> None:
    # each open quote was scanned to the end of the line: 100 KB of `"\` took 40 s
    def parsed(flags: str) -> tuple[str, ...]:
        return parse_po('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                        f'#, {flags}\nmsgid "a"\nmsgstr "b"\n', source="x.po").entries[0].flags

    assert parsed(text) == (text,)
    costs_like(lambda: parsed(text), lambda: parsed("x" * len(text)))


@needs_gettext
def test_a_no_wrap_entry_does_not_make_a_wrapped_file_unwrapped(tmp_path: Path) -> None:
    # msgcat wraps the file but leaves a `#, no-wrap` entry's lines whole (a table row): the
    # file was read as saved unwrapped, and every entry written anew into it came out whole,
    # for the translator's next save in Poedit to wrap again (no msgcat fixed point)
    row = "| Kos | Harga | Untung | Rugi " * 4 + "|"
    text = msgcat('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  f'#, no-wrap\nmsgid "{row}"\nmsgstr "{row}"\n\n'
                  f'msgid "{"Kos " * 25}"\nmsgstr "{"Cost " * 25}"\n', tmp_path)
    assert f'msgid "{row}"' in text  # msgcat kept the row whole, and wrapped the prose
    po = parse_po(text, source="poedit.po")
    assert strings_wrapped(po)
    fresh = PoFile(header=po.header, entries=(
        *po.entries, Entry(msgid="Untung " * 15, msgstr="Profit " * 15)),
        text_of_source=po.text_of_source)
    written = render_po(fresh)
    assert msgcat(written, tmp_path) == written
    # the same file saved unwrapped (Weblate) is still read so: its prose tells
    assert not strings_wrapped(parse_po(msgcat(text, tmp_path, "--no-wrap"), source="w.po"))


@needs_gettext
def test_a_cjk_catalog_saved_unwrapped_is_read_so(tmp_path: Path) -> None:
    """msgcat breaks CJK text between its characters, with no space: a Chinese or Japanese
    catalog saved unwrapped (Weblate, `msgcat --no-wrap`) whose long lines are all CJK was read
    as wrapped (the evidence wanted a space before a word), and glossari wrapped the entries it
    wrote anew among its whole lines, for the next save to unwrap again."""
    long = ("金利とは、お金を借りるためのコストであり、"
            "中央銀行によって決定され、債券の価格に影響を与える")
    po = PoFile(header=HEADER_ENTRY, entries=(Entry(msgid="Kadar faedah", msgstr=long),))
    unwrapped = parse_po(msgcat(render_po(po), tmp_path, "--no-wrap"), source="ja.po")
    assert not strings_wrapped(unwrapped)
    assert strings_wrapped(parse_po(msgcat(render_po(po), tmp_path), source="ja.po"))
    fresh = PoFile(header=unwrapped.header, wrapped=strings_wrapped(unwrapped),
                   entries=(*unwrapped.entries, Entry(msgid="Bon", msgstr=long + "債券")))
    assert msgcat(render_po(fresh), tmp_path, "--no-wrap") == render_po(fresh)


@needs_gettext
def test_flags_parted_by_blanks_are_read_as_gnu_reads_them(tmp_path: Path) -> None:
    """GNU gettext parts a `#,` line at blanks as at commas: `#, fuzzy c-format` (a comma
    forgotten by hand) is fuzzy to msgfmt, which leaves it out of the .mo. glossari read one
    flag 'fuzzy c-format', compiled the guess as a translation and counted it translated; and
    an update wrote `#, fuzzy, fuzzy c-format`. Blanks inside quotes (Weblate's
    `placeholders:"a b"`) part nothing, and `range: 1..3` is msgcat's own spelling."""
    text = HEADER + ('\n#, fuzzy c-format,  placeholders:"a b" ,range: 1..3\n'
                     'msgid "Kos %d"\nmsgstr "Cost %d"\n')
    (entry,) = parse_po(text, source="h.po").entries
    assert entry.fuzzy
    assert entry.flags == ("fuzzy", "c-format", 'placeholders:"a b"', "range: 1..3")
    assert render_entry(entry.with_changes()).startswith(
        '#, fuzzy, c-format, range: 1..3, placeholders:"a b"\n')
    msgfmt_check(text, tmp_path)


_MALAY_WORDS = ("saham", "saham-saham", "pelaburan", "pelaburannya", "peniaga broker",
                "syarikat-syarikat", "dividen", "(BNM)", "FINRA", "-5%", "RM1.2b", "modal,",
                "pasaran.", "eksekutif akaun", "penasihat", "kewangan")


@needs_gettext
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(width=st.sampled_from([40, 60, 72, 79, 100, 120, 132]),
       texts=st.lists(st.lists(st.sampled_from(_MALAY_WORDS), min_size=25, max_size=45)
                      .map(" ".join), min_size=12, max_size=16, unique=True),
       changed=st.lists(st.sampled_from(_MALAY_WORDS), min_size=20, max_size=40).map(" ".join))
def test_a_catalog_wrapped_at_another_width_keeps_it(
        width: int, texts: list[str], changed: str, tmp_path: Path) -> None:
    """A catalog Poedit saved with its line width at 120 (or msgcat at --width=60) was read as
    unwrapped, or as wrapped at 79: an entry glossari wrote anew came out whole, or at 79,
    and the translator's tool rewrapped it at its next save. The width is read from the
    file's own lines, and an entry written anew is as `msgcat --width=N` writes it."""
    po = PoFile(header=parse_po(HEADER, source="h.po").header, entries=tuple(
        Entry(msgid=text, msgstr=text.upper(), msgctxt=f"peniaga-broker-{i}",
              references=(f"seeds/peniaga-broker.md:{i + 1}",)) for i, text in enumerate(texts)))
    saved = parse_po(msgcat(render_po(po), tmp_path, f"--width={width}"), source="poedit.po")
    edited = PoFile(header=saved.header, entries=(
        saved.entries[0].with_changes(msgstr=changed), *saved.entries[1:]),
        text_of_source=saved.text_of_source)
    ours = render_po(edited)
    assert ours == msgcat(ours, tmp_path, f"--width={width}")


@needs_gettext
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(width=st.sampled_from([60, 79, 100]),
       texts=st.lists(st.lists(st.sampled_from(_MALAY_WORDS), min_size=25, max_size=40)
                      .map(" ".join), min_size=5, max_size=9, unique=True),
       typed=st.data())
def test_a_line_typed_whole_in_a_wrapped_catalog_is_the_exception(
        width: int, texts: list[str], typed: st.DataObject, tmp_path: Path) -> None:
    """In a catalog wrapped at 79, one translation a translator typed on one 104-column line
    made the whole file read as kept whole, and every entry glossari wrote anew into it came
    out on one line, for Poedit's next save to wrap again. The file's way is what most of its
    entries say; the reverse too: one entry a wrapping tool rewrote in a file saved unwrapped
    leaves it unwrapped."""
    po = PoFile(header=parse_po(HEADER, source="h.po").header, entries=tuple(
        Entry(msgid=text, msgstr=text.upper(), msgctxt=f"pelaburan-{i}",
              references=(f"seeds/pelaburan.md:{i + 1}",)) for i, text in enumerate(texts)))
    hand = sorted(typed.draw(st.sets(st.integers(0, len(texts) - 1), min_size=1,
                                     max_size=(len(texts) - 1) // 2)))
    line = ("The broker-dealer buys and sells shares for its clients and for itself, "
            "as the rules allow, saham-saham.")
    for options, by_hand, expected in (([f"--width={width}"], f'msgstr "{line}"', width),
                                       (["--no-wrap"], None, None)):
        saved = msgcat(render_po(po), tmp_path, *options)
        chunks = saved.split("\n\n")
        for i in hand:
            entry = chunks[i + 1]
            if by_hand is None:  # the reverse: a wrapping tool rewrote this one entry
                chunks[i + 1] = msgcat(HEADER + "\n" + entry + "\n", tmp_path).split(
                    "\n\n", 1)[1].rstrip("\n")
            else:
                chunks[i + 1] = entry[:entry.index("msgstr")] + by_hand
        edited = parse_po("\n\n".join(chunks), source="poedit.po")
        assert strings_width(edited) == expected
        fresh = PoFile(header=edited.header, entries=(
            *edited.entries, Entry(msgid=texts[0] + " baharu", msgstr=texts[0].title())),
            text_of_source=edited.text_of_source)
        ours = render_po(fresh)
        alone = PoFile(header=edited.header, entries=fresh.entries[-1:])
        assert ours.endswith(msgcat(render_po(alone), tmp_path, *options).split("\n\n", 1)[1])


@pytest.mark.parametrize(("line", "shown"), [
    ('msgstr "Kos" C:\\dana', "text after the closing quote: 'C:\\dana'"),
    ("msgstr \"Kos\" it's", "text after the closing quote: 'it's'"),
    ('ms\\gstr "Kos"', "unknown keyword 'ms\\gstr'"),
])
def test_an_error_quotes_the_catalogs_text_as_written(line: str, shown: str) -> None:
    """An error a translator reads quotes the line as the file holds it: repr doubled each
    backslash (`'C:\\\\dana'` for `C:\\dana`) and put a text holding `'` in double quotes."""
    with pytest.raises(CatalogError) as raised:
        parse_po(HEADER + f'\nmsgid "Kos"\n{line}\n', source="en.po")
    assert shown in str(raised.value)


_LONG = "dan kos jualan saham-saham syarikat tersenarai di Bursa Malaysia oleh peniaga broker"


@pytest.mark.parametrize(("line", "what", "value"), [
    (f'msgstr "Kos" {_LONG}', "text after the closing quote: ", _LONG),
    (f'msgstr "Kos" # {_LONG}', "a comment after the closing quote: ", f"# {_LONG}"),
    (f'pelaburannya-{_LONG.replace(" ", "-")} "Kos"', "unknown keyword ",
     f'pelaburannya-{_LONG.replace(" ", "-")}'),
])
def test_an_error_quotes_the_catalogs_text_as_every_message_quotes_a_value(
        line: str, what: str, value: str) -> None:
    """The reader's errors quote the text of the line by :func:`glossari.text.excerpt`, the one
    rule a message quotes a value by: their own cut, to 30 characters, had no ellipsis, so the
    quote read as all the line held."""
    from glossari.text import excerpt, quoted

    with pytest.raises(CatalogError) as raised:
        parse_po(HEADER + f'\nmsgid "Kos"\n{line}\n', source="en.po")
    assert what + quoted(excerpt(value)) in str(raised.value)


@needs_gettext
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(["\\x", "\\x0", "\\x00", "\\x4", "\\1", "\\10", "4", "1",
                                        "0", "a", "B", "f", "g", "ond", " ", "\\t"]),
                       min_size=1, max_size=8))
def test_a_hex_escape_is_read_as_gnu_reads_it_or_refused(pieces: list[str],
                                                         tmp_path: Path) -> None:
    """GNU reads every hex digit after ``\\x`` as one number (``\\x0042`` is ``B``, ``\\x41Bond``
    is ESC and ``ond``): a string glossari accepts means what GNU's ``.mo`` says it means, and
    one GNU reads otherwise than a person would is refused with its line, never read as a
    different text (``\\x41Bond`` was read ``ABond``, ``\\x0042`` refused as a NUL)."""
    import gettext

    value = "".join(pieces)
    text = HEADER + f'\nmsgid "Bon"\nmsgstr "{value}"\n'
    source = tmp_path / "hex.po"
    source.write_text(text, encoding="utf-8")
    done = subprocess.run([MSGFMT or "msgfmt", "-o", str(tmp_path / "hex.mo"), str(source)],
                          capture_output=True, check=False)
    refused: CatalogError | None = None
    try:
        ours = parse_po(text, source="hex.po").entries[0].msgstr
    except CatalogError as error:
        refused = error
    if refused is not None:
        # the escape's line, or the message's (an escape that spells a newline, \x0a, at
        # an end of the translation: msgid and msgstr must begin and end alike)
        assert refused.line in (10, 11), str(refused)
        assert refused.hint
        return
    assert done.returncode == 0, done.stderr
    with (tmp_path / "hex.mo").open("rb") as mo:
        gnu = gettext.GNUTranslations(mo).gettext("Bon")
    assert ours == gnu, (value, ours, gnu)


@pytest.mark.parametrize(("escaped", "value"), [("\\x0042ond", "Bond"), ("\\x4a", "J"),
                                                ("\\x41 ok", "A ok"), ("\\1012", "A2")])
def test_hex_and_octal_escapes_gnu_and_a_person_read_alike(escaped: str, value: str) -> None:
    po = parse_po(HEADER + f'\nmsgid "Bon"\nmsgstr "{escaped}"\n', source="e.po")
    assert po.entries[0].msgstr == value


@pytest.mark.parametrize("escaped", ["\\x41Bond", "\\x142", "\\x410"])
def test_a_hex_escape_that_runs_into_a_hex_digit_is_refused(escaped: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_po(HEADER + f'\nmsgid "Bon"\nmsgstr "{escaped}"\n', source="e.po")
    assert caught.value.line == 11
    assert "every hex digit" in str(caught.value)


def test_an_octal_escape_beyond_a_byte_is_refused() -> None:
    with pytest.raises(CatalogError, match="beyond a byte"):
        parse_po(HEADER + '\nmsgid "Bon"\nmsgstr "\\777"\n', source="e.po")


KEYWORD_ALONE = {
    "msgid-and-msgstr": 'msgid\n"Bon"\nmsgstr\n"Bond"\n',
    "blank-line-between": 'msgctxt\n\n"bon"\nmsgid   \n"Bon"\nmsgstr "Bond"\n',
    "obsolete": '#~ msgid\n#~ "Lama"\n#~ msgstr\n#~ "Old"\n',
}


@needs_gettext
@pytest.mark.parametrize("name", sorted(KEYWORD_ALONE))
def test_a_keyword_alone_on_its_line_reads_its_strings_below(name: str, tmp_path: Path) -> None:
    """GNU reads ``msgid`` and the strings on the lines below it as one (its grammar is a
    keyword and a list of strings, blanks and line ends between them alike), as a hand
    editor may write them; glossari refused the catalog ("expected a quoted string"). It keeps
    the entry's bytes, and an entry written anew is one GNU reads as the same message."""
    import gettext

    text = HEADER + "\n" + KEYWORD_ALONE[name]
    source = tmp_path / "k.po"
    source.write_text(text, encoding="utf-8")
    done = subprocess.run([MSGFMT or "msgfmt", "--check", "-o", str(tmp_path / "k.mo"),
                           str(source)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    po = parse_po(text, source="k.po")
    assert render_po(po) == text
    (entry,) = po.entries
    assert (entry.msgid, entry.translations) in (("Bon", ("Bond",)), ("Lama", ("Old",)))
    if not entry.obsolete:
        with (tmp_path / "k.mo").open("rb") as mo:
            gnu = gettext.GNUTranslations(mo)
        assert (gnu.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt
                else gnu.gettext(entry.msgid)) == entry.msgstr
    moved = render_po(PoFile(header=po.header, entries=(
        entry.with_changes(references=("seeds/bon.md:9",)),)))
    assert parse_po(moved, source="m.po").entries[0].translations == entry.translations


@pytest.mark.parametrize("body", ['msgid\nmsgstr "x"\n', 'msgid "a"\nmsgstr\n',
                                  'msgid "a"\nmsgstr\n\nmsgid "b"\nmsgstr "y"\n'])
def test_a_keyword_with_no_string_at_all_is_refused_at_its_line(body: str) -> None:
    with pytest.raises(CatalogError, match="without a string") as caught:
        parse_po(HEADER + "\n" + body, source="k.po")
    first = body.split("\n").index(next(ln for ln in body.split("\n") if ln.startswith("msg")
                                         and not ln.endswith('"')))
    assert caught.value.line == 10 + first


@needs_gettext
@pytest.mark.parametrize("spaced", ["msgstr [{n}]", "msgstr[ {n} ]", "msgstr\t[{n}]"])
def test_a_plural_form_keyword_with_blanks_is_read_as_gnu_reads_it(spaced: str,
                                                                    tmp_path: Path) -> None:
    """GNU's lexer parts ``msgstr [0]`` into tokens with blanks between them, as it parts
    ``msgid "a"``: the form is ``msgstr[0]``. glossari refused it ("expected a quoted string",
    ``msgstr[ 0 ]`` an "unknown keyword")."""
    import gettext

    body = 'msgid "Kos"\nmsgid_plural "Kos-kos"\n' + "".join(
        spaced.format(n=n) + f' "{form}"\n' for n, form in enumerate(("Cost", "Costs")))
    text = HEADER + "\n" + body
    source = tmp_path / "p.po"
    source.write_text(text, encoding="utf-8")
    subprocess.run([MSGFMT or "msgfmt", "--check", "-o", str(tmp_path / "p.mo"), str(source)],
                   check=True, capture_output=True)
    po = parse_po(text, source="p.po")
    assert po.entries[0].msgstr_plural == ("Cost", "Costs")
    assert render_po(po) == text
    with (tmp_path / "p.mo").open("rb") as mo:
        assert gettext.GNUTranslations(mo).ngettext("Kos", "Kos-kos", 2) == "Costs"


@needs_gettext
def test_a_catalog_with_classic_mac_line_ends_is_named_so(tmp_path: Path) -> None:
    """Lines ending in CR alone are one line to GNU: everything after the first comment is
    that comment, so ``msgcat`` keeps no translation. glossari refused the file with "text after
    the closing quote" and a hint to escape quotes; it now names the line ends."""
    text = (DATA / "translator.po").read_text(encoding="utf-8").replace("\n", "\r")
    source = tmp_path / "mac.po"
    source.write_bytes(text.encode("utf-8"))
    gnu = subprocess.run([MSGCAT or "msgcat", str(source)], capture_output=True, text=True,
                         check=False)
    assert "msgstr" not in gnu.stdout.split("\n\n", 1)[-1]  # GNU: no translation survives
    with pytest.raises(CatalogError, match=r"carriage return \(CR\) alone") as caught:
        parse_po(text, source="mac.po")
    assert caught.value.line == 1
    assert "LF" in caught.value.hint


@needs_gettext
@pytest.mark.parametrize("prefix", ["#|", "#~|"])
def test_a_previous_keyword_alone_reads_its_strings_below(prefix: str, tmp_path: Path) -> None:
    """``#| msgid`` alone, and ``#| "Bon lama"`` below it: GNU reads the previous source so, as
    it reads ``msgid`` alone (glossari refused it, "expected a quoted string"); one with no
    string at all is refused at its line, as GNU refuses it."""
    keep = "#~ " if prefix == "#~|" else ""
    body = (f'#, fuzzy\n{prefix} msgid\n{prefix} "Bon "\n{prefix} "lama"\n'
            f'{keep}msgid "Bon"\n{keep}msgstr "Bond"\n')
    text = HEADER + "\n" + body
    source = tmp_path / "p.po"
    source.write_text(text, encoding="utf-8")
    subprocess.run([MSGFMT or "msgfmt", "--check", "-o", "/dev/null", str(source)], check=True,
                   capture_output=True)
    po = parse_po(text, source="p.po")
    assert po.entries[0].previous_msgid == "Bon lama"
    assert render_po(po) == text
    with pytest.raises(CatalogError, match="without a string") as caught:
        parse_po(HEADER + "\n" + f'#, fuzzy\n{prefix} msgid\n{keep}msgid "a"\n{keep}msgstr "x"\n',
                 source="p.po")
    assert caught.value.line == 11


@needs_gettext
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strings=st.lists(st.sampled_from(["a", "\\n", "\\na", "a\\n", "\\na\\n", ""]),
                        min_size=4, max_size=4), fuzzy=st.booleans())
def test_newline_edges_of_a_plural_message_are_refused_as_msgfmt_refuses_them(
        strings: list[str], fuzzy: bool, tmp_path: Path) -> None:
    """GNU ``msgfmt`` (without ``--check`` too) writes no ``.mo`` for a translated plural
    message (msgstr[0] not empty) whose msgid and msgid_plural differ in a leading or trailing
    newline, nor for one with a form that does, an empty one too (``msgstr[1] ""``); it reads
    one whose msgstr[0] is empty as untranslated and checks none of its forms. glossari
    compiled the first two and refused the last. Its verdict and glossari's are the same."""
    msgid, plural, first, second = strings
    body = (("#, fuzzy\n" if fuzzy else "") + f'msgid "{msgid or "a"}"\n'
            f'msgid_plural "{plural}"\nmsgstr[0] "{first}"\nmsgstr[1] "{second}"\n')
    source = tmp_path / "n.po"
    source.write_text(HEADER + "\n" + body, encoding="utf-8")
    gnu = subprocess.run([MSGFMT or "msgfmt", "-o", "/dev/null", str(source)],
                         capture_output=True, text=True, check=False)
    refused: CatalogError | None = None
    try:
        parse_po(HEADER + "\n" + body, source="n.po")
    except CatalogError as error:
        refused = error
    assert (refused is not None) == (gnu.returncode != 0), (refused, gnu.stderr)
    assert refused is None or refused.line == 10


@needs_gettext
@pytest.mark.parametrize("name", ["plural-forms", "PLURAL-FORMS", "Plural-forms"])
@pytest.mark.parametrize("forms", [1, 2])
def test_a_plural_forms_field_in_any_case_is_the_catalogs_rule(name: str, forms: int,
                                                                tmp_path: Path) -> None:
    """``plural-forms: nplurals=1; plural=0;``: GNU looks for ``nplurals=`` in the header
    whatever the field's name, Python's gettext reads the name in any case; glossari said the
    header had no Plural-Forms and refused every translated plural message."""
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"{name}: nplurals=1; plural=0;\\n"\n\nmsgid "saham"\nmsgid_plural "saham-saham"\n'
            + "".join(f'msgstr[{n}] "shares"\n' for n in range(forms)))
    source = tmp_path / "p.po"
    source.write_text(text, encoding="utf-8")
    gnu = subprocess.run([MSGFMT or "msgfmt", "--check", "-o", "/dev/null", str(source)],
                         capture_output=True, text=True, check=False)
    assert (gnu.returncode == 0) == (forms == 1), gnu.stderr
    if forms == 1:
        assert parse_po(text, source="p.po").nplurals == 1
    else:
        with pytest.raises(CatalogError, match="nplurals=1"):
            parse_po(text, source="p.po")


@needs_gettext
@pytest.mark.parametrize("note", ['"X-Note: was nplurals=3; plural=n%3;\\n"\n',
                                  '"X-Comment: plural=(n > 1) in fr\\n"\n'])
def test_a_plural_rule_written_in_another_header_field_is_refused(note: str,
                                                                  tmp_path: Path) -> None:
    """GNU reads the header's first ``nplurals=`` and ``plural=`` whatever their field (msgfmt
    counted 3 forms from an ``X-Note`` and refused the catalog; libintl chooses forms by it),
    Python's gettext the Plural-Forms field's; glossari compiled a .mo the two read apart."""
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + note
            + '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\nmsgid "saham"\n'
            'msgid_plural "saham-saham"\nmsgstr[0] "share"\nmsgstr[1] "shares"\n')
    source = tmp_path / "p.po"
    with pytest.raises(CatalogError, match="GNU reads the header's first") as caught:
        parse_po(text, source="p.po")
    assert caught.value.line == 4
    # the Plural-Forms line first, the same note below it: GNU and Python read one rule
    fixed = text.replace(note, "").replace('"Content-Type: text/plain; charset=UTF-8\\n"\n',
                                           '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                                           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
                                           + note, 1)
    fixed = fixed.replace(note + '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', note)
    assert parse_po(fixed, source="p.po").nplurals == 2
    source.write_text(fixed, encoding="utf-8")
    subprocess.run([MSGFMT or "msgfmt", "--check", "-o", "/dev/null", str(source)], check=True,
                   capture_output=True)
    # a catalog without a plural message has no rule to read: a note is a note
    plain = text.split("\n\nmsgid")[0] + '\n\nmsgid "saham"\nmsgstr "share"\n'
    assert parse_po(plain, source="p.po").entries[0].msgstr == "share"


@needs_gettext
@pytest.mark.parametrize(("flag_lines", "lost"), [
    ("#, fuzzy\n#, python-format\n", "fuzzy"),
    ("#, no-wrap\n#, fuzzy\n", "no-wrap"),
    ("#, fuzzy\n# note\n#, max-length:80\n", "fuzzy"),
    ("#, fuzzy\n#, fuzzy\n", None),
    ("#, c-format\n#, fuzzy, c-format\n", None),
])
def test_a_flag_gnu_would_not_read_on_an_earlier_flag_line_is_refused(
        flag_lines: str, lost: str | None, tmp_path: Path) -> None:
    """GNU reads a message's last ``#,`` line alone (each resets the flags): ``#, fuzzy``
    written above ``#, python-format`` is no fuzzy to msgfmt, which compiles the translation,
    nor to msgcat (Poedit's save), which drops the mark. glossari read both lines and left it
    out of its .mo; now a flag GNU would not read is refused at its line."""
    text = HEADER + "\n" + flag_lines + 'msgid "Bon"\nmsgstr "Bond"\n'
    source = tmp_path / "f.po"
    source.write_text(text, encoding="utf-8")
    saved = subprocess.run([MSGCAT or "msgcat", str(source)], capture_output=True, text=True,
                           check=True).stdout
    if lost is None:
        entry = parse_po(text, source="f.po").entries[0]
        assert entry.fuzzy
        return
    assert f"#, {lost}" not in saved  # what GNU reads: the mark is gone
    with pytest.raises(CatalogError, match=f"'{lost}' here is lost to it") as caught:
        parse_po(text, source="f.po")
    assert caught.value.line == 10


@needs_gettext
@pytest.mark.parametrize("header", [
    'msgid ""\nmsgstr\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n',
    'msgid\n\n""\nmsgstr\n\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n'])
def test_a_header_whose_keywords_stand_alone_declares_its_charset(header: str,
                                                                  tmp_path: Path) -> None:
    """The charset is read from a header written ``msgstr`` alone, its strings below, as GNU
    reads it: the Latin-1 catalog was called invalid UTF-8 (the charset reader, before the
    parser, took such a header for none)."""
    import gettext

    path = tmp_path / "l1.po"
    path.write_bytes((header + '\nmsgid "Kos"\nmsgstr "Coût"\n').encode("latin-1"))
    subprocess.run([MSGFMT or "msgfmt", "--check", "-o", str(tmp_path / "l1.mo"), str(path)],
                   check=True, capture_output=True)
    with (tmp_path / "l1.mo").open("rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("Kos") == "Coût"
    assert load_po(path).entries[0].msgstr == "Coût"


_PASTED = 'msgctxt "saham"\nmsgid "Saham-saham"\nmsgstr ""\n"Shares "\n"of a company"\n'


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([1, 2, 3, 4, 5]),
       st.sampled_from("\u00a0\u202f\u2007\u2003\u3000\u200b\u2060\ufeff\u00ad"),
       st.sampled_from(["", " ", "\t"]), st.booleans())
def test_a_blank_gnu_does_not_read_as_one_is_named_at_its_line(
        line: int, char: str, blanks: str, after: bool) -> None:
    """A PO snippet pasted from a web page (no-break spaces), a file joined to another with
    its BOM, a zero-width space: each stands where GNU reads spaces and tabs alone, and the
    error names it at its line (it said `unknown keyword 'msgid'`, the keyword as the fault)."""
    lines = _PASTED.splitlines(keepends=True)
    text = lines[line - 1]
    if after and text.startswith("msg"):
        keyword, _, rest = text.partition(" ")
        text = keyword + char + rest
    else:
        text = blanks + char + text
    lines[line - 1] = text
    with pytest.raises(CatalogError) as caught:
        parse_po(HEADER + "\n" + "".join(lines), source="saham.po")
    assert caught.value.line == line + 9
    assert f"(U+{ord(char):04X})" in caught.value.message
    assert "which GNU reads as no blank" in caught.value.message
