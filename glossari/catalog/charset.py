"""A catalog's charset: one decision, made as GNU gettext makes it, for every reader and writer.

GNU gettext (``po-lex.c``, ``po_lex_charset_set``; ``po-charset.c``) reads the charset from the
header entry's msgstr only: the first literal ``charset=`` (lowercase, no space before the
``=``), its value running to the next space, tab or newline, and accepts the value only when it
is one of a fixed list of portable names (``UTF-8``, ``ISO-8859-1``, ``CP1252``, ...; case
ignored). Any other name draws a warning and ``msgcat`` refuses the file; ``Charset=`` or
``charset = X`` count as no charset at all. Comments, even above the header, are never read.

glossari decides the same way, and refuses with ``path:line`` and a hint where GNU only warns
and where a reader could take the header two ways (two different charsets in it, or a mention GNU
does not read). The decoder (:func:`decode_catalog`), the parser's header check and the header
rewrite (:func:`utf8_header_msgstr`) all call :func:`decide_charset`, so they cannot disagree:
before this module they did (a regex over the file's first 8 KB, comments included, for decoding;
the literal ``charset=NAME`` for the rewrite), and every ``update`` re-encoded the translations
once more.

>>> decide_charset([(3, "Content-Type: text/plain; charset=iso-8859-1\\n")], source="x.po",
...                entry_line=1)
Charset(name='ISO-8859-1', codec='iso8859-1', line=3)
>>> utf8_header_msgstr("Content-Type: text/plain; charset=ISO-8859-1\\n")
'Content-Type: text/plain; charset=UTF-8\\n'
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from glossari.errors import CatalogError
from glossari.text import NotText, quoted, utf8_text, wide_encoding

__all__ = [
    "PORTABLE_CHARSETS",
    "Charset",
    "decide_charset",
    "decode_catalog",
    "decode_read_only_catalog",
    "gnu_charset",
    "header_strings",
    "utf8_header_msgstr",
]

PORTABLE_CHARSETS: tuple[str, ...] = (
    "ASCII", "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5",
    "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-9", "ISO-8859-13", "ISO-8859-14",
    "ISO-8859-15", "KOI8-R", "KOI8-U", "KOI8-T", "CP850", "CP866", "CP874", "CP932", "CP949",
    "CP950", "CP1250", "CP1251", "CP1252", "CP1253", "CP1254", "CP1255", "CP1256", "CP1257",
    "GB2312", "EUC-JP", "EUC-KR", "EUC-TW", "BIG5", "BIG5-HKSCS", "GBK", "GB18030", "SHIFT_JIS",
    "JOHAB", "TIS-620", "VISCII", "GEORGIAN-PS", "UTF-8",
)
"""GNU gettext's portable charset names (``po-charset.c``, ``standard_charsets``), canonical
spelling; ``tests/test_charset.py`` checks the list against ``msgfmt`` itself."""

# the other spellings GNU accepts (case aside): ISO_8859-N for ISO-8859-N, and two for ASCII
_GNU_ALIASES = {"ANSI_X3.4-1968": "ASCII", "US-ASCII": "ASCII"} | {
    name.replace("-", "_", 1): name for name in PORTABLE_CHARSETS if name.startswith("ISO-8859-")
}
_CANONICAL = {name.upper(): name for name in PORTABLE_CHARSETS} | _GNU_ALIASES

_GNU_KEY = "charset="
# every way a person may write a charset in a header, GNU's included
_MENTION = re.compile(r"charset[ \t]*=[ \t]*([^\s;,\"]*)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Charset:
    """The charset a catalog is read with."""

    name: str
    """GNU's canonical name (``UTF-8``, ``ISO-8859-1``, ...)."""
    codec: str
    """The Python codec that decodes it."""
    line: int
    """1-based line of the header string that declares it."""


def gnu_charset(msgstr: str) -> str | None:
    """The charset GNU gettext reads from a header msgstr (not yet checked), or None.

    >>> gnu_charset("Content-Type: text/plain; Charset=UTF-8\\n") is None
    True
    """
    start = msgstr.find(_GNU_KEY)
    if start < 0:
        return None
    start += len(_GNU_KEY)
    end = start
    while end < len(msgstr) and msgstr[end] not in " \t\n":
        end += 1
    return msgstr[start:end]


def _canonical(name: str) -> str | None:
    return _CANONICAL.get(name.upper())


def _codec(name: str) -> codecs.CodecInfo | None:
    try:
        return codecs.lookup(name)
    except LookupError:
        return None


def decide_charset(pieces: list[tuple[int, str]], *, source: str, entry_line: int) -> Charset:
    """The charset of a catalog from its header msgstr, given as ``(line, string)`` pieces.

    Raises :class:`CatalogError` naming the line for: no charset GNU reads, a mention GNU does
    not read (``Charset=``, ``charset = X``), two different charsets, a name GNU does not know
    (``latin1``, ``base64``, ``CHARSET``), and a portable name Python cannot decode.
    """
    text = "".join(value for _line, value in pieces)
    starts: list[tuple[int, int]] = []  # (offset in text, line)
    offset = 0
    for line, value in pieces:
        starts.append((offset, line))
        offset += len(value)

    def line_at(position: int) -> int:
        found = starts[0][1] if starts else entry_line
        for start, line in starts:
            if start > position:
                break
            found = line
        return found

    def fail(line: int, message: str, hint: str) -> CatalogError:
        return CatalogError(message, path=source, line=line, hint=hint)

    declared = gnu_charset(text)
    gnu_at = text.find(_GNU_KEY)
    mentions = [m for m in _MENTION.finditer(text) if m.start() != gnu_at]
    if declared is None:
        if mentions:
            first = mentions[0]
            value = first.group(1) or "UTF-8"
            raise fail(
                line_at(first.start()),
                f"the header's {quoted(first.group(0).strip())} is no charset for GNU gettext "
                "(it reads only a lowercase 'charset=' with no spaces)",
                f"write charset={_canonical(value) or value}",
            )
        content_type = text.find("Content-Type")
        raise fail(
            line_at(content_type) if content_type >= 0 else entry_line,
            "the header declares no charset",
            'add "Content-Type: text/plain; charset=UTF-8\\n" to the header',
        )
    line = line_at(gnu_at)
    for other in mentions:
        if other.group(1).upper() != declared.upper():
            raise fail(
                line_at(other.start()),
                f"the header declares two charsets: {declared} (line {line}) and "
                f"{other.group(1) or 'nothing'} (line {line_at(other.start())})",
                "keep one Content-Type line, with the charset the file is saved in",
            )
    name = _canonical(declared)
    if name is None:
        info = _codec(declared)
        # base64, rot13, hex, zlib: codecs, but of bytes to bytes, not of text
        if info is not None and not getattr(info, "_is_text_encoding", True):
            raise fail(line,
                       f"unknown charset {quoted(declared)} in the header: not a text encoding",
                       "declare charset=UTF-8 and save the file as UTF-8")
        # an alias Python knows (latin1, utf8) or a stray ';': name the spelling GNU reads
        known = _canonical(declared.rstrip(";,"))
        if known is None and info is not None:
            known = next((n for n in PORTABLE_CHARSETS
                          if (c := _codec(n)) is not None and c.name == info.name), None)
        raise fail(
            line,
            f"unknown charset {quoted(declared)} in the header "
            "(GNU gettext knows it by no such name)",
            f"write charset={known}" if known is not None
            else "declare charset=UTF-8 and save the file as UTF-8",
        )
    info = _codec(name)
    if info is None:
        raise fail(line, f"glossari cannot decode charset {name}",
                   "convert the file to UTF-8: msgconv --to-code=UTF-8 FILE")
    return Charset(name=name, codec=info.name, line=line)


def utf8_header_msgstr(msgstr: str) -> str:
    """``msgstr`` (a header's) declaring UTF-8 in every charset mention it holds.

    Every mention, not only the one GNU reads: a second ``Content-Type`` left saying
    ISO-8859-1 above UTF-8 bytes is the mojibake this module exists to prevent. A mention
    that names UTF-8 already, in whatever case (``charset=utf-8``, as many editors write it),
    is kept as written: GNU reads it as UTF-8, ``msgmerge -U`` and ``msgcat`` leave it, and a
    translator's file must not be saved again for a change of case alone.

    >>> utf8_header_msgstr("Content-Type: text/plain; charset=utf-8\\n")
    'Content-Type: text/plain; charset=utf-8\\n'
    """
    # group 1 (the name) ends the match: keep what precedes it, put UTF-8 in its place
    return _MENTION.sub(
        lambda m: m.group(0) if m.group(1).upper() == "UTF-8"
        else m.group(0)[: m.start(1) - m.start()] + "UTF-8", msgstr)


# --------------------------------------------------------------------------------------------
# Finding the header before the file is decoded

_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_LENIENT_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}


def _unquote(body: str) -> str | None:
    match = _QUOTED.match(body)
    if match is None:
        return None
    return re.sub(r"\\(.)", lambda m: _LENIENT_ESCAPES.get(m.group(1), m.group(1)), match.group(1))


def header_strings(
    lines: Iterable[str], first: int = 1
) -> tuple[int, list[tuple[int, str]]] | None:
    """``(entry line, msgstr pieces)`` of the header when the first message is ``msgid ""``.

    ``lines`` are the file's lines from line ``first``; blank lines and comments before the
    first keyword are skipped, however many (GNU never reads comments for the charset). None
    when the first message is not a header or is malformed: the parser then names the error.
    """
    state = "start"
    entry_line = 0
    msgid = ""
    pieces: list[tuple[int, str]] = []
    for lineno, line in enumerate(lines, first):
        stripped = line.strip(" \t\r\f\v")
        if state == "start":
            if not stripped:
                continue
            if not entry_line:
                entry_line = lineno
            if stripped.startswith("#") and not stripped.startswith("#~"):
                continue
            # a keyword alone on its line takes its strings from the lines below, as GNU
            # reads it (`msgstr`, then `"Content-Type: ..."`): "" until they come
            if not stripped.startswith("msgid") or stripped[5:6] not in (" ", "\t", '"', ""):
                return None
            value = _unquote(stripped[5:].lstrip(" \t")) if stripped[5:] else ""
            if value is None:
                return None
            msgid, state = value, "msgid"
        elif state == "msgid":
            if not stripped:
                continue
            if stripped.startswith('"'):
                value = _unquote(stripped)
                if value is None:
                    return None
                msgid += value
                continue
            if msgid or not stripped.startswith("msgstr") or stripped[6:7] not in (
                    " ", "\t", '"', ""):
                return None
            if stripped[6:]:
                value = _unquote(stripped[6:].lstrip(" \t"))
                if value is None:
                    return None
                pieces.append((lineno, value))
            state = "msgstr"
        else:
            if not stripped and not pieces:
                continue
            if not stripped.startswith('"'):
                break
            value = _unquote(stripped)
            if value is None:
                return None
            pieces.append((lineno, value))
    return (entry_line, pieces) if state == "msgstr" else None


def _byte_lines(data: bytes) -> Iterator[str]:
    # ASCII-compatible and total: the header's keywords and charset name are ASCII
    pos = 0
    size = len(data)
    while pos < size:
        end = data.find(b"\n", pos)
        if end < 0:
            end = size
        yield data[pos:end].decode("latin-1")
        pos = end + 1


@functools.cache
def _one_byte(codec: str) -> bool:
    """True when ``codec`` decodes every byte alone (a byte a character: Latin-1, CP1252,
    KOI8-R...), False for a multi-byte one (UTF-8, EUC-JP, GB18030...), which waits for the next
    byte after some: measured on the codec, not kept in a list.

    Non-ASCII text in a one-byte charset is almost never valid UTF-8 as well (a Latin-1 'Ã'
    would have to precede every '©'); in a multi-byte one it can be, by chance, so such a
    label is taken at its word.

    >>> _one_byte("cp1252"), _one_byte("koi8-r"), _one_byte("shift_jis"), _one_byte("utf-8")
    (True, True, False, False)
    """
    return all(codecs.getincrementaldecoder(codec)(errors="replace").decode(bytes([byte]))
               for byte in range(0x80, 0x100))


_NON_ASCII = re.compile(rb"[\x80-\xff]+")


def _refuse_utf8_under_a_legacy_label(data: bytes, charset: Charset, source: str) -> None:
    """Refuse a file saved as UTF-8 whose header still says ISO-8859-1 (or another one-byte
    charset): a template's old header, an editor that saves UTF-8 whatever the header says.

    GNU reads such a file by its label, and so did glossari: the translator's ``Coût`` became
    ``CoÃ»t``, and ``update``, which writes UTF-8, made the mojibake the file's text for good.
    The person who typed it reads it as UTF-8, so glossari asks which one is meant (the doc's
    rule: where a person would read the header otherwise than GNU, refuse with the line).
    """
    if not _one_byte(charset.codec):
        return
    first = _NON_ASCII.search(data)
    if first is None:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return  # truly in the labelled charset
    line = data.count(b"\n", 0, first.start()) + 1
    start = max(data.rfind(b"\n", 0, first.start()), data.rfind(b'"', 0, first.start())) + 1
    word = data[start:first.end() + 12].split(b'"')[0].split(b"\n")[0]
    raise CatalogError(
        f"the header declares charset={charset.name} (line {charset.line}), but the file is "
        f"saved as UTF-8: {quoted(word.decode('utf-8', 'replace'))} would read as "
        f"{quoted(word.decode(charset.codec, 'replace'))}",
        path=source,
        line=line,
        hint="declare charset=UTF-8 in the header (or convert the file: "
        f"iconv -f UTF-8 -t {charset.name})",
    )


def decode_catalog(data: bytes, *, source: str) -> str:
    """The text of a PO/POT file, decoded with the charset :func:`decide_charset` gives.

    A file whose first message is not a header is decoded as UTF-8 (the parser then reports the
    missing header). Raises :class:`CatalogError` naming the line of the first byte that does not
    decode, and for UTF-16 or UTF-32 files (which GNU gettext cannot read either), and for a
    compiled catalog (a ``.mo`` file, named as one: its first byte was called text that is not
    UTF-8, with a hint to save it as UTF-8).
    """
    return _decoded(data, *_decision(data, source), source, past_comments=False)[0]


def _decision(data: bytes, source: str) -> tuple[str, Charset | None]:
    """The codec :func:`decode_catalog` decodes ``data`` with, and the header's charset (None
    without a header); :class:`CatalogError` for a file no charset makes a catalog."""
    import struct

    from glossari.catalog.mofile import MAGIC

    if data[:4] in (struct.pack("<I", MAGIC), struct.pack(">I", MAGIC)):
        raise CatalogError(
            "a compiled catalog (.mo), not a PO file",
            path=source,
            line=1,
            hint="name the .po file it was compiled from, or turn it back into one: "
                 "msgunfmt FILE.mo -o FILE.po",
        )
    wide = wide_encoding(data)
    if wide is not None:
        raise CatalogError(
            f"the file is {wide}, not a text GNU gettext reads",
            path=source,
            line=1,
            hint=f"convert it to UTF-8 (iconv -f {wide} -t UTF-8) and declare charset=UTF-8",
        )
    found = header_strings(_byte_lines(data))
    codec = "utf-8"
    charset: Charset | None = None
    if found is not None:
        entry_line, pieces = found
        charset = decide_charset(pieces, source=source, entry_line=entry_line)
        codec = charset.codec
        _refuse_utf8_under_a_legacy_label(data, charset, source)
    return codec, charset


def decode_read_only_catalog(data: bytes, *, source: str) -> tuple[str, int | None]:
    """:func:`decode_catalog` for a reader that never writes the file (``termcheck``, of a third
    party's catalog), and the 1-based line of the first comment holding a byte its charset does
    not decode, or None.

    Such a byte in a comment (``#``, ``#.``, ``#:``, ``#,``; a translator's name typed in
    Latin-1) is read as U+FFFD: ``msgfmt --check`` compiles the file and ``msgcat`` keeps the
    byte, and no program reads a comment's text; the whole file was refused. A string's (and a
    ``#|`` or ``#~`` line's, which GNU reads as strings) is refused as :func:`decode_catalog`
    refuses it. A writer keeps calling :func:`decode_catalog`, which refuses the file: the
    byte is the translator's, and a rewrite would lose it.

    >>> text = (b'msgid ""\\nmsgstr "Content-Type: text/plain; charset=UTF-8\\\\n"\\n'
    ...         b'\\n# Ren\\xe9\\n')
    >>> decode_read_only_catalog(text + b'msgid "a"\\nmsgstr "b"\\n', source="x.po")[1]
    4
    """
    return _decoded(data, *_decision(data, source), source, past_comments=True)


def _comment_line(line: bytes) -> bool:
    """Whether a catalog's line is a comment GNU does not read as strings: not ``#|``, nor
    ``#~`` but for an obsolete message's comment written behind it (``#~ # note``, ``#~ #.``;
    not ``#~ #|``), which msgfmt reads as a comment too."""
    stripped = line.lstrip(b" \t")
    if stripped.startswith(b"#~") and not stripped.startswith(b"#~|"):
        stripped = stripped[2:].lstrip(b" \t\r\f\v")
    return stripped.startswith(b"#") and not stripped.startswith((b"#|", b"#~"))


def _decoded(data: bytes, codec: str, charset: Charset | None, source: str, *,
             past_comments: bool) -> tuple[str, int | None]:
    """``data`` decoded with ``codec`` (see :func:`decode_catalog`); with ``past_comments``, a
    comment line that does not decode is read with U+FFFD for its bad bytes, and the first
    such line is returned with the text."""
    first: int | None = None
    try:
        if not past_comments:
            return data.decode(codec), None
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(codec), None  # the usual catalog: one decode
        pieces: list[str] = []
        start = 0
        for number, raw in enumerate(data.split(b"\n"), 1):
            try:
                pieces.append(raw.decode(codec))
            except UnicodeDecodeError as error:
                if not _comment_line(raw):
                    raise UnicodeDecodeError(error.encoding, data, start + error.start,
                                             start + error.end, error.reason) from None
                pieces.append(raw.decode(codec, errors="replace"))
                first = first or number
            start += len(raw) + 1
        return "\n".join(pieces), first
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if charset is not None and charset.codec == "utf-8":
            # the file says UTF-8 and mostly is: a line an editor saved in its own encoding
            # (Notepad++'s "ANSI", a Windows-1252 default). "save the file as UTF-8 and
            # declare charset=UTF-8" told the translator to do what the file does already
            what = utf8_text(data[data.rfind(b"\n", 0, error.start) + 1:])  # from its line
            shown = (what.what if isinstance(what, NotText) and not what.binary
                     else f"not UTF-8 text (byte 0x{data[error.start]:02x})")
            raise CatalogError(
                f"{shown}, where the header declares charset={charset.name} (line "
                f"{charset.line}): an editor saved this text in another encoding (it looks"
                " like Latin-1 or Windows-1252)",
                path=source,
                line=line,
                hint="retype it in UTF-8 (or, if the whole file was saved so, convert it: "
                "iconv -f CP1252 -t UTF-8)",
            ) from None
        raise CatalogError(
            f"bytes that are not valid {codec} (byte 0x{data[error.start]:02x})",
            path=source,
            line=line,
            hint="save the file as UTF-8 and declare charset=UTF-8 in the header",
        ) from None
