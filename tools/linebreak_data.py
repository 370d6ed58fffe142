"""Regenerate ``glossari/catalog/_linebreak_data.py`` by measuring libunistring.

GNU msgcat breaks lines with libunistring's ``ulc_width_linebreaks``: a character's line-breaking
class (UAX #14's LineBreak.txt as libunistring's generator adjusts it) and its column width
(``uc_width``). This script asks the installed libunistring, through its public functions only,
what it does with every code point, so the pure-Python breaker in
``glossari/catalog/linebreak.py`` reproduces the library exactly, with no native code at run time:

* the class of a code point is found by its behaviour: ``u32_possible_linebreaks`` is run on
  short strings pairing the code point with one representative of every class (before it, after
  it, with and without a space between), and the answers are matched with the representatives'
  own answers;
* the pair table (may a line break between a character of class A and one of class B, directly
  or only after a space?) is measured on the representatives the same way;
* the width is ``uc_width(c, "UTF-8")``.

Run: ``python tools/linebreak_data.py > glossari/catalog/_linebreak_data.py`` on a machine with
libunistring (Debian: ``libunistring2``); it prints the library version it measured.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from array import array

# Representatives of libunistring's classes (after its run-time resolution: AI and SA and XX
# behave as AL, CB as ID). The names follow UAX #14; CP/OP come in a narrow and an East Asian
# flavour (UAX #14 rule LB30 treats them differently).
REPRESENTATIVES: dict[str, int] = {
    "WJ": 0x2060, "GL": 0x00A0, "B2": 0x2014, "BA": 0x2010, "BB": 0x00B4, "HY": 0x002D,
    "CL": 0x007D, "CP": 0x0029, "EX": 0x0021, "IN": 0x2024, "NS": 0x3005, "OP": 0x0028,
    "OP_EA": 0xFF08, "QU": 0x0022, "IS": 0x002C, "NU": 0x0030, "PO": 0x0025, "PR": 0x0024,
    "SY": 0x002F, "AL": 0x0061, "H2": 0xAC00, "H3": 0xAC01, "ID": 0x4E00,
    "JL": 0x1100, "JV": 0x1160, "JT": 0x11A8, "HL": 0x05D0, "RI": 0x1F1E6, "ZWJ": 0x200D,
    "EB": 0x1F466, "EM": 0x1F3FB,
    # handled outside the pair table
    "BK": 0x2028, "CM": 0x0301, "ZW": 0x200B, "SP": 0x0020,
}
TABLE_CLASSES = [name for name in REPRESENTATIVES
                 if name not in ("BK", "CM", "ZW", "SP")]
SPACE = 0x20
SEPARATOR = 0x2028  # a mandatory break: every probe segment starts afresh after it


def _library() -> ctypes.CDLL:
    name = ctypes.util.find_library("unistring") or "libunistring.so.2"
    lib = ctypes.CDLL(name)
    lib.u32_possible_linebreaks_v2.restype = None
    lib.u32_possible_linebreaks_v2.argtypes = [
        ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p]
    lib.uc_width.restype = ctypes.c_int
    lib.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    return lib


def _breaks(lib: ctypes.CDLL, units: array[int]) -> bytes:
    buffer = (ctypes.c_uint32 * len(units)).from_buffer(units)
    out = ctypes.create_string_buffer(len(units))
    lib.u32_possible_linebreaks_v2(buffer, len(units), b"UTF-8", out)
    return out.raw


def _probe(lib: ctypes.CDLL, codes: array[int], pattern: list[int | None], at: int) -> bytes:
    """For every code in ``codes``: the decision before position ``at`` of ``pattern`` (None in
    the pattern stands for the code), each in its own segment after a mandatory break."""
    length = len(pattern) + 1
    units = array("I", [SEPARATOR, *(0 if p is None else p for p in pattern)] * len(codes))
    for index, p in enumerate(pattern):
        if p is None:
            units[index + 1::length] = codes
    return _breaks(lib, units)[at + 1::length]


def signatures(lib: ctypes.CDLL, codes: array[int]) -> list[bytes]:
    columns: list[bytes] = []
    hl, hy, ba, al = (REPRESENTATIVES[k] for k in ("HL", "HY", "BA", "AL"))
    for rep in REPRESENTATIVES.values():
        columns.append(_probe(lib, codes, [rep, None], 1))
        columns.append(_probe(lib, codes, [None, rep], 1))
        columns.append(_probe(lib, codes, [rep, SPACE, None], 2))
        columns.append(_probe(lib, codes, [None, SPACE, rep], 2))
    columns.append(_probe(lib, codes, [None, hy, al], 2))
    columns.append(_probe(lib, codes, [None, ba, al], 2))
    columns.append(_probe(lib, codes, [hl, None, al], 2))
    columns.append(_probe(lib, codes, [None, None, None], 2))  # RI RI RI
    return [bytes(column[i] for column in columns) for i in range(len(codes))]


def main() -> int:
    lib = _library()
    names = list(REPRESENTATIVES)
    reps = array("I", REPRESENTATIVES.values())
    rep_signatures = signatures(lib, reps)
    by_signature: dict[bytes, str] = {}
    for name, signature in zip(names, rep_signatures, strict=True):
        if signature in by_signature:
            raise SystemExit(f"{name} behaves as {by_signature[signature]}: pick another")
        by_signature[signature] = name
    codes = array("I", [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF])
    classes: list[str] = []
    unknown: dict[bytes, list[int]] = {}
    step = 1 << 16
    for start in range(0, len(codes), step):
        chunk = codes[start:start + step]
        for code, signature in zip(chunk, signatures(lib, chunk), strict=True):
            name = by_signature.get(signature)
            if name is None:
                unknown.setdefault(signature, []).append(code)
                name = "?"
            classes.append(name)
    if unknown:
        for members in unknown.values():
            print(len(members), " ".join(f"U+{c:04X}" for c in members[:8]), file=sys.stderr)
        raise SystemExit("code points that behave as no representative (above): add some")
    # the pair table: for A then B, "D" a break directly, "I" only after a space, "P" never
    table: list[str] = []
    for left in TABLE_CLASSES:
        row = ""
        for right in TABLE_CLASSES:
            a, b = REPRESENTATIVES[left], REPRESENTATIVES[right]
            direct = _breaks(lib, array("I", [a, b]))[1]
            spaced = _breaks(lib, array("I", [a, SPACE, b]))[2]
            row += "D" if direct == 2 else ("I" if spaced == 2 else "P")
        table.append(row)
    widths = [lib.uc_width(code, b"UTF-8") for code in codes]
    _emit(codes, classes, widths, table)
    return 0


def _ranges(codes: array[int], values: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    previous = None
    for code, value in zip(codes, values, strict=True):
        if value != previous:
            out.append((code, value))
            previous = value
    return out


def _emit(codes: array[int], classes: list[str], widths: list[int], table: list[str]) -> None:
    names = list(REPRESENTATIVES)
    class_ranges = _ranges(codes, [names.index(name) for name in classes])
    width_ranges = _ranges(codes, [w + 1 for w in widths])  # -1 (control) stored as 0
    write = sys.stdout.write
    write('"""Line-breaking classes and widths measured from libunistring (generated: do not '
          'edit).\n\nRegenerate with ``python tools/linebreak_data.py``; see that script.\n'
          '"""\n\n# ruff: noqa: E501\n\n')
    write(f"CLASS_NAMES = {tuple(names)!r}\n")
    write(f"TABLE_CLASSES = {tuple(TABLE_CLASSES)!r}\n")
    write("PAIRS = (\n" + "".join(f"    {row!r},\n" for row in table) + ")\n")
    write('"""PAIRS[a][b] for TABLE_CLASSES a then b: D break, I break after spaces only, '
          'P never."""\n')
    for label, ranges in (("CLASS", class_ranges), ("WIDTH", width_ranges)):
        write(f"{label}_STARTS = (\n")
        for i in range(0, len(ranges), 12):
            write("    " + ", ".join(str(s) for s, _ in ranges[i:i + 12]) + ",\n")
        write(")\n")
        write(f"{label}_VALUES = bytes((\n")
        for i in range(0, len(ranges), 24):
            write("    " + ", ".join(str(v) for _, v in ranges[i:i + 24]) + ",\n")
        write("))\n")


if __name__ == "__main__":
    raise SystemExit(main())
