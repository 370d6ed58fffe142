"""The PO parser's fast path (``_Parser.parse_simple``) reads exactly what the line-by-line parser
reads: the same entries, lines and raw text, or (by handing the file over) the same error."""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog import pofile
from glossari.catalog.pofile import PoFile, parse_po
from glossari.errors import CatalogError

REPO = Path(__file__).resolve().parent.parent

HEADER = ('msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Plural-Forms: nplurals=2; plural=n!=1;\\n"\n')

# lines a catalog may hold, well-formed or not: the fast path must never read any of them
# differently from the line parser
LINES = [
    "", " ", "\t", "#. part of kos", "#: seeds/kos.md:3 seeds/b.md:4", "#, fuzzy", "#, c-format",
    "# translator", "#", "#  two spaces", "  # indented", "#~ msgid \"old\"", "#~ msgstr \"lama\"",
    "#| msgid \"prev\"", "#~| msgid \"prev\"", "# ends in \\", 'msgctxt "kos"', 'msgid "Kos"',
    'msgstr "Cost"', 'msgstr ""', 'msgid ""', '"continued "', '"more\\n"', '"\\1"', '"23"',
    '"\\x4"', '"1"', '"tab\\there"', '"quote \\" inside"', '"bad \\q escape"', '"unterminated',
    '"text" after', '"trailing" ', 'msgid  "two spaces"', 'msgid"glued"', "msgid_plural \"Kos\"",
    'msgstr[0] "a"', 'msgstr[1] "b"', 'msgctxt "a\\x04b"', 'msgid "\\004"', "\r", 'msgstr "x"\r',
    "\f", 'msgid "Ákaun \u2013 ünïcode"', 'msgstr "Akaun"', "junk",
]

# well-formed entries the fast path leaves to the line parser (what msgmerge and translators
# write too): the entries around them must still take the fast path, and read the same
OTHER_SHAPES = [
    'msgid "p{n}"\nmsgid_plural "ps{n}"\nmsgstr[0] "a"\nmsgstr[1] "b"',
    '#, fuzzy\n#| msgid "old{n}"\nmsgid "q{n}"\nmsgstr "x"',
    '#~ msgid "o{n}"\n#~ msgstr "x"',
    '#~| msgid "old{n}"\n#~ msgid "r{n}"\n#~ msgstr "x"',
    'msgid "b{n}"\n\nmsgstr "x"',
    'msgid "c{n}"\nmsgstr "x"\n\n"more"',
    'msgid "e{n}"\nmsgstr "x"\n  "indented more"',
    '  msgid "i{n}"\n  msgstr "x"',
    'msgid  "d{n}"\nmsgstr\t"x"',
    '# note\n\n#. part\nmsgid "f{n}"\nmsgstr "x"',
]

ENTRY = st.lists(st.sampled_from(["#. part", "#: a.md:1", "#, fuzzy", "# note"]), max_size=3)


def full_parse(text: str) -> PoFile:
    return pofile._Parser(text, "x.po", fast=False).parse()


def outcome(parse: object, text: str) -> object:
    try:
        po = parse(text)  # type: ignore[operator]
    except CatalogError as error:
        return ("error", str(error))
    assert isinstance(po, PoFile)
    everything = ((po.header,) if po.header is not None else ()) + po.entries
    return (po, po.trailer, [(e, e.line, e.raw) for e in everything])


def assert_same(text: str) -> None:
    assert outcome(lambda t: parse_po(t, source="x.po"), text) == outcome(full_parse, text)


@st.composite
def catalogs(draw: st.DrawFn) -> str:
    lines = HEADER.split("\n")[:-1]
    for number in range(draw(st.integers(0, 6))):
        lines.append("\n" * draw(st.integers(0, 2)))
        lines.extend(draw(ENTRY))
        if draw(st.integers(0, 3)) == 0:  # a well-formed entry of another shape, between
            lines.extend(draw(st.sampled_from(OTHER_SHAPES)).format(n=number).split("\n"))
            continue
        if draw(st.booleans()):
            lines.append(f'msgctxt "c{number}"')
        lines.append(f'msgid "m{draw(st.integers(0, 4))}"')
        lines.extend(draw(st.lists(st.sampled_from(['"a"', '"\\1"', '"23"', '"b\\"c"']),
                                   max_size=2)))
        lines.append(draw(st.sampled_from(['msgstr ""', 'msgstr "t"', 'msgstr "\\n"'])))
    # then break it, maybe: insert, replace or drop a few lines anywhere
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "replace", "drop"]))
        if action == "insert":
            lines.insert(at, draw(st.sampled_from(LINES)))
        elif at < len(lines):
            if action == "replace":
                lines[at] = draw(st.sampled_from(LINES))
            else:
                del lines[at]
    text = "\n".join(lines)
    return text + draw(st.sampled_from(["\n", "", "\n\n", "\n# trailing comment\n", "\n  \n"]))


@settings(max_examples=300, deadline=None)
@given(catalogs())
def test_fast_path_reads_what_the_line_parser_reads(text: str) -> None:
    assert_same(text)


def test_split_escapes_are_read_per_line() -> None:
    text = HEADER + '\nmsgid "a"\nmsgstr ""\n"\\40"\n"1"\n"\\x4"\n"1"\n'
    # "\x4" "1" is U+0004 then "1" (refused: a control), not "\x41" ("A")
    with pytest.raises(CatalogError, match=r"control character U\+0004"):
        parse_po(text, source="x.po")
    text = text.replace('"\\x4"\n"1"\n', "")
    assert parse_po(text, source="x.po").entries[0].msgstr == " 1"  # "\40" "1", not "\401"
    assert_same(text)


def test_every_catalog_in_the_repository() -> None:
    paths = [*REPO.glob("locale/**/*.po"), *REPO.glob("locale/**/*.pot"),
             *REPO.glob("glossari/**/*.po"), *REPO.glob("tests/**/*.po"),
             *REPO.glob("tests/**/*.pot")]
    assert paths
    fast = 0
    for path in paths:
        try:
            text = path.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        assert_same(text)
        parser = pofile._Parser(text, "x")
        with contextlib.suppress(CatalogError):
            parser.parse()
        fast += parser.line_entries == 0
    assert fast  # the common shape really takes the fast path


def test_the_entries_around_other_shapes_take_the_fast_path() -> None:
    simple = "".join(f'\n#: a.md:{n}\nmsgid "m{n}"\nmsgstr "t{n}"\n' for n in range(200))
    for other in OTHER_SHAPES:
        text = HEADER + simple + "\n" + other.format(n=0) + "\n" + simple.replace('"m', '"k')
        assert_same(text)
        parser = pofile._Parser(text, "x.po")
        assert len(parser.parse().entries) == 401
        # the other entry and the one before it (which a string after a blank line would
        # continue) are read line by line; the 400 others by the fast path
        assert parser.line_entries <= 2, other
    # comments after the last entry (a translator's notes): only the last entry again
    text = HEADER + simple + "\n# catatan\n# lagi\n"
    assert_same(text)
    parser = pofile._Parser(text, "x.po")
    assert parser.parse().trailer == "\n# catatan\n# lagi\n"
    assert parser.line_entries == 1


# -- the fast path's own costs: one scan for raw controls, entries built slot by slot ---------

@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=()), max_size=40), st.integers(1, 8))
def test_a_raw_control_is_found_wherever_it_falls(text: str, chunk: int) -> None:
    # the scan encodes a few characters at a time: a control on either side of a cut, a
    # surrogate, a character of four bytes, are each found or not as the regex finds them
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pofile, "_SCAN", chunk)
        assert pofile._holds_control(text) == bool(pofile._CONTROL.search(text))


def test_a_catalog_with_a_raw_control_far_in_is_read_line_by_line() -> None:
    simple = "".join(f'\n#. paragraph of saham-{n}\nmsgid "Saham {n}"\nmsgstr "Share {n}"\n'
                     for n in range(300))
    for control in ("\x1b", "\x0b", "\x00"):
        text = HEADER + simple + f'\nmsgid "Pelaburannya"\nmsgstr "Its{control}investment"\n'
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(pofile, "_SCAN", 64)  # the control lies many pieces in
            assert pofile._Parser(text, "x.po").simple_file() is False
            assert_same(text)
            with pytest.raises(CatalogError, match=r"control character") as caught:
                parse_po(text, source="locale/en/LC_MESSAGES/articles-s.po")
        assert caught.value.line == text.count("\n")  # the msgstr's line, named


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=8), st.text(max_size=8), st.none() | st.text(max_size=8),
       st.lists(st.text(max_size=5), max_size=3), st.integers(0, 10**6))
def test_an_entry_built_slot_by_slot_is_the_entry_init_builds(
        msgid: str, msgstr: str, msgctxt: str | None, comments: list[str], line: int) -> None:
    values = (msgid, msgstr, msgctxt, ("fuzzy",), tuple(comments), tuple(reversed(comments)),
              ("seeds/peniaga-broker.md:3",), line, f'msgid "{msgid}"\n')
    built = pofile._simple_entry(*values)
    expected = pofile.Entry(**dict(zip(pofile._SIMPLE_FIELDS, values, strict=True)))
    # every field, those left out of == (line, raw, raw_strings) too, at its default if not given
    for field in dataclasses.fields(pofile.Entry):
        assert getattr(built, field.name) == getattr(expected, field.name), field.name
    assert built == expected
    assert hash(built) == hash(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.msgid = "x"  # type: ignore[misc]


def test_an_entry_maker_refuses_a_field_entry_lacks() -> None:
    with pytest.raises(TypeError, match="no field 'msgidd'"):
        pofile._maker("msgid", "msgidd")
    # msgid has no default: a maker must be given it
    with pytest.raises(TypeError, match="'msgid' has no default"):
        pofile._maker("msgstr")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from('\\"n01x \nab'), max_size=30), st.integers(0, 5))
def test_a_catalog_without_a_backslash_has_no_newline_edge(text: str, start: int) -> None:
    # the one scan for a backslash answers as the three scans it saves
    full = (text.find('"\\n', start) >= 0
            or any(text.find(escape, start) >= 0 for escape in pofile._NEWLINE_ESCAPES)
            or pofile._ENDS_IN_NEWLINE.search(text, start) is not None)
    assert pofile._newline_edge(text, start) == full
