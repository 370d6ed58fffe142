"""Line breaking exactly as GNU msgcat does it, in pure Python.

msgcat wraps a PO string with libunistring's ``ulc_width_linebreaks``: Unicode line breaking
(UAX #14, as libunistring implements it) and then a greedy fill by column widths. This module is
the same procedure with no native code, so a catalog written on a machine without libunistring
(macOS or Windows without GNU gettext, a slim container) has the bytes msgcat would write.

The data (each code point's line-breaking class and width, and the table saying whether a line
may break between two classes) lives in :mod:`glossari.catalog._linebreak_data`, measured from
libunistring itself by ``tools/linebreak_data.py``; the procedure follows libunistring 1.0's
``u8_possible_linebreaks`` and ``u8_width_linebreaks``:

* no break at the start of a text, before a space or a zero-width space (ZW), nor before a
  combining mark (CM) or zero-width joiner (ZWJ) unless a space or ZW precedes it; a mark after a
  space counts as a letter (AL);
* a mandatory break at BK, CR, LF, NEL, U+2028, U+2029 (CR before LF marked as such);
* a break after ZW; none right after ZWJ; between regional indicators only after an even
  number of them; none after a Hebrew letter followed by a hyphen;
* otherwise the pair table: a break directly, after spaces only, or never;
* then the fill: an unbreakable piece that would pass ``width`` moves to the next line.

>>> text = "Syarikat-syarikat broker-dealer mesti berdaftar"
>>> marks = width_linebreaks(text.encode(), 20)
>>> [i for i, mark in enumerate(marks) if mark == POSSIBLE]
[18, 38]
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from glossari.catalog import _linebreak_data as _data

__all__ = ["MANDATORY", "POSSIBLE", "PROHIBITED", "columns", "width_linebreaks"]

UNDEFINED = 0
PROHIBITED = 1
POSSIBLE = 2
MANDATORY = 3
CR_BEFORE_LF = 5
"""The values of libunistring's ``UC_BREAK_*`` constants, one per byte of the text."""

_NAMES = _data.CLASS_NAMES
_K = {name: index for index, name in enumerate(_NAMES)}
BK, SP, ZW, CM, ZWJ = _K["BK"], _K["SP"], _K["ZW"], _K["CM"], _K["ZWJ"]
AL, RI, HL, HY, BA = _K["AL"], _K["RI"], _K["HL"], _K["HY"], _K["BA"]
_HL_BA = len(_NAMES)  # a Hebrew letter then a hyphen: exists only while breaking
_CR = len(_NAMES) + 1  # a carriage return, so that CR LF is recognised

# _PAIR[a][b]: POSSIBLE (break), SP (break after spaces only) or PROHIBITED, for table classes
_ROWS = {name: row for name, row in zip(_data.TABLE_CLASSES, _data.PAIRS, strict=True)}
_CODE = {"D": POSSIBLE, "I": SP, "P": PROHIBITED}
_PAIR: tuple[tuple[int, ...], ...] = tuple(
    tuple(_CODE[_ROWS[a][_data.TABLE_CLASSES.index(b)]] if b in _ROWS else PROHIBITED
          for b in _NAMES)
    if a in _ROWS else (PROHIBITED,) * len(_NAMES)
    for a in _NAMES
)


@lru_cache(maxsize=4096)
def _properties(char: str) -> tuple[int, int, int]:
    """(class, width, UTF-8 length) of one character; width -1 for a control character."""
    code = ord(char)
    klass = _data.CLASS_VALUES[bisect_right(_data.CLASS_STARTS, code) - 1]
    width = _data.WIDTH_VALUES[bisect_right(_data.WIDTH_STARTS, code) - 1] - 1
    size = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return klass, width, size


def columns(text: str) -> int:
    """The columns ``text`` takes on a line as msgcat counts them: a control character none, a
    combining mark none, a wide (CJK) character two.

    >>> columns("Kos"), columns("a\x7fb"), columns("\u80a1\u7968")
    (3, 2, 4)
    """
    return sum(max(_properties(char)[1], 0) for char in text)


def possible_linebreaks(text: str) -> bytearray:
    """libunistring's ``u8_possible_linebreaks_v2``: a mark for each byte of ``text`` in UTF-8."""
    marks = bytearray(len(text.encode("utf-8")))
    marks[:] = b"\x01" * len(marks)
    previous = BK  # the class of the character before
    last = BK  # the class of the last character that is not a space
    seen_space = False
    regional = 0  # regional indicators just before
    offset = 0
    for char in text:
        klass, _width, size = _properties(char)
        if klass == BK:
            marks[offset] = MANDATORY
            if previous == _CR and char == "\n":
                marks[offset - 1] = CR_BEFORE_LF
            previous = _CR if char == "\r" else BK
            last = BK
            seen_space = False
        else:
            if klass == SP:
                seen_space = True  # no break before a space (marks are PROHIBITED already)
            elif klass == ZW:
                last = ZW
                seen_space = False
            elif klass in (CM, ZWJ):
                if last == BK:
                    last = AL
                    seen_space = False
                elif last == ZW or seen_space:
                    marks[offset] = POSSIBLE
                    last = AL
                    seen_space = False
                # else: X CM is X, no break before the mark
            else:
                if last == BK:
                    mark = PROHIBITED
                elif last == ZW:
                    mark = POSSIBLE
                elif previous == ZWJ:
                    mark = PROHIBITED
                elif last == RI and klass == RI:
                    mark = POSSIBLE if seen_space or regional % 2 == 0 else PROHIBITED
                elif previous == _HL_BA:
                    mark = PROHIBITED
                else:
                    mark = _PAIR[last][klass]
                    if mark == SP:
                        mark = POSSIBLE if seen_space else PROHIBITED
                marks[offset] = mark
                last = klass
                seen_space = False
            previous = _HL_BA if previous == HL and klass in (HY, BA) else klass
        regional = regional + 1 if klass == RI else 0
        offset += size
    return marks


def width_linebreaks(
    data: bytes,
    width: int,
    start_column: int = 0,
    overrides: bytes | bytearray | None = None,
    at_end_columns: int = 0,
) -> bytes:
    """libunistring's ``ulc_width_linebreaks_v2`` on UTF-8 ``data``: a mark for each byte,
    POSSIBLE where a line break goes before it so that no line passes ``width`` columns.

    ``start_column`` is the column the text starts at; a non-zero byte in ``overrides`` replaces
    the computed mark at that byte (msgcat forbids breaks inside escape sequences).
    """
    text = data.decode("utf-8")
    marks = possible_linebreaks(text)
    last_mark: int | None = None
    last_column = start_column
    piece = 0
    offset = 0
    for char in text:
        _klass, char_width, size = _properties(char)
        if overrides is not None and overrides[offset] != UNDEFINED:
            marks[offset] = overrides[offset]
        mark = marks[offset]
        # an unbreakable piece ends here: too wide, it moves to the next line
        if (mark in (POSSIBLE, MANDATORY, CR_BEFORE_LF) and last_mark is not None
                and last_column + piece > width):
            marks[last_mark] = POSSIBLE
            last_column = 0
        if mark in (MANDATORY, CR_BEFORE_LF):
            last_mark = None
            last_column = 0
            piece = 0
        else:
            if mark == POSSIBLE:
                last_mark = offset
                last_column += piece
                piece = 0
            marks[offset] = PROHIBITED
            if char_width >= 0:  # control characters take no column
                piece += char_width
        offset += size
    if last_mark is not None and last_column + piece + at_end_columns > width:
        marks[last_mark] = POSSIBLE
    return bytes(marks)
