"""Compiled catalogs (GNU ``.mo``): a linear-time writer and a strict reader.

Why our own writer: polib's ``POFile.to_binary`` builds the string table with repeated
concatenation and list searches (quadratic: minutes for 265,000 messages), and Babel's
``write_mo`` needs its whole ``Catalog`` model, which would mean converting our entries and
losing nothing but time. The format is small (a 28-byte header, two tables, the strings), so
writing it directly is simpler than either.

The file holds the header and every translated message; fuzzy, untranslated and obsolete
messages are left out, as ``msgfmt`` does. A msgctxt is joined to its msgid with ``\\x04`` and
plural forms with ``\\x00``, which is what :class:`gettext.GNUTranslations` reads. No hash table
is written (the standard library and GNU libintl both fall back to binary search).

>>> from glossari.catalog.pofile import Entry
>>> data = render_mo([Entry(msgid="Kos", msgctxt="kos", msgstr="Cost")],
...                  Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\\n"))
>>> read_mo(data, source="x.mo")[("kos", "Kos")]
('Cost',)
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable
from pathlib import Path

from glossari._atomic import atomic_write_bytes
from glossari.catalog.charset import utf8_header_msgstr
from glossari.catalog.pofile import Entry
from glossari.errors import CatalogError
from glossari.text import excerpt, quoted

__all__ = ["MAGIC", "load_mo", "read_mo", "render_mo", "write_mo"]

MAGIC = 0x950412DE
"""The first four bytes of a .mo file, read in the file's byte order."""

_HEADER_SIZE = 28

MoKey = tuple[str | None, str]


def _key_bytes(entry: Entry) -> bytes:
    key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
    if entry.msgid_plural is not None:
        key += "\x00" + entry.msgid_plural
    return key.encode("utf-8")


def render_mo(entries: Iterable[Entry], header: Entry | None) -> bytes:
    """The bytes of a little-endian GNU .mo file holding ``header`` and the translated entries.

    Raises :class:`CatalogError` when two entries have the same key.
    """
    pairs: dict[bytes, bytes] = {}
    if header is not None:
        # every string is written as UTF-8, so the header must say so: a catalog read from
        # ISO-8859-1 (msgconv, an old editor) kept its charset=ISO-8859-1, and every reader of
        # the .mo then decoded the UTF-8 bytes as Latin-1 ('Coût' read as 'CoÃ»t')
        pairs[b""] = _without_creation_date(utf8_header_msgstr(header.msgstr)).encode("utf-8")
    for entry in entries:
        # an empty msgid with a context (msgctxt "c", msgid "") is a message, as to msgfmt
        if entry.obsolete or not entry.translated or (entry.msgctxt is None and entry.msgid == ""):
            continue
        key = _key_bytes(entry)
        if key in pairs:
            raise CatalogError(
                f"two messages with the key {entry.key!r}",
                path="<catalog>",
                line=entry.line,
                hint="keep one of them",
            )
        pairs[key] = "\x00".join(entry.translations).encode("utf-8")
    keys = sorted(pairs)  # msgfmt's order: bytewise, the header ("") first
    count = len(keys)
    originals_at = _HEADER_SIZE
    translations_at = originals_at + 8 * count
    strings_at = translations_at + 8 * count
    table = bytearray()
    strings: list[bytes] = []
    offset = strings_at
    # all originals first, then all translations, each NUL-terminated (as msgfmt lays them out)
    original_table: list[int] = []
    for key in keys:
        original_table += (len(key), offset)
        strings.append(key + b"\x00")
        offset += len(key) + 1
    translation_table: list[int] = []
    for key in keys:
        value = pairs[key]
        translation_table += (len(value), offset)
        strings.append(value + b"\x00")
        offset += len(value) + 1
    table += struct.pack("<7I", MAGIC, 0, count, originals_at, translations_at, 0, strings_at)
    table += struct.pack(f"<{2 * count}I", *original_table)
    table += struct.pack(f"<{2 * count}I", *translation_table)
    return bytes(table) + b"".join(strings)


def _without_creation_date(header: str) -> str:
    r"""The header text without its first ``POT-Creation-Date:`` line, as GNU ``msgfmt``
    (0.21, measured) leaves it out of a ``.mo``: the date says when the template was made, not
    what it translates, and each ``extract`` that changed a template otherwise changed every
    ``.mo`` of the language, with no translation changed.

    >>> _without_creation_date("A: 1\nPOT-Creation-Date: 2026\nB: 2\n")
    'A: 1\nB: 2\n'
    """
    if header.startswith("POT-Creation-Date:"):
        at = 0
    else:
        at = header.find("\nPOT-Creation-Date:") + 1
        if at == 0:
            return header
    end = header.find("\n", at)
    return header[:at] + ("" if end < 0 else header[end + 1:])


def write_mo(path: Path, entries: Iterable[Entry], header: Entry | None) -> bool:
    """Write the .mo of ``entries`` atomically; False (file untouched) when unchanged."""
    return atomic_write_bytes(path, render_mo(entries, header))


def read_mo(data: bytes, *, source: str) -> dict[MoKey, tuple[str, ...]]:
    """The messages of a .mo file: ``(msgctxt, msgid) -> translations`` (one per plural form).

    The header is under ``(None, "")``; a plural message is keyed by its singular msgid.
    Validates the magic number, the revision, that every table and string lies inside the file,
    and that the strings are UTF-8; raises :class:`CatalogError` for a truncated or corrupt file.
    """

    def corrupt(what: str) -> CatalogError:
        return CatalogError(
            f"not a valid .mo file: {what}",
            path=source,
            hint="recompile it from its .po file (glossari compile)",
        )

    if len(data) < _HEADER_SIZE:
        raise corrupt(f"{len(data)} bytes, shorter than the 28-byte header")
    magic = struct.unpack_from("<I", data)[0]
    if magic == MAGIC:
        order = "<"
    elif magic == struct.unpack(">I", struct.pack("<I", MAGIC))[0]:
        order = ">"
    else:
        raise corrupt(f"wrong magic number 0x{magic:08x}")
    revision, count, originals_at, translations_at = struct.unpack_from(f"{order}4I", data, 4)
    if revision >> 16 not in (0, 1):
        raise corrupt(f"unknown major revision {revision >> 16}")
    size = len(data)
    for name, at in (("original", originals_at), ("translation", translations_at)):
        if at + 8 * count > size:
            raise corrupt(f"the {name} table ({count} entries at {at}) ends past the file end")
    originals = struct.unpack_from(f"{order}{2 * count}I", data, originals_at)
    translations = struct.unpack_from(f"{order}{2 * count}I", data, translations_at)
    messages: dict[MoKey, tuple[str, ...]] = {}
    for index in range(count):
        key = _string(data, originals[2 * index], originals[2 * index + 1], corrupt)
        value = _string(data, translations[2 * index], translations[2 * index + 1], corrupt)
        context: str | None = None
        if "\x04" in key:
            context, key = key.split("\x04", 1)
        msgid = key.split("\x00", 1)[0]
        if (context, msgid) in messages:
            raise corrupt(f"message {quoted(excerpt(msgid))} appears twice")
        messages[(context, msgid)] = tuple(value.split("\x00"))
    return messages


def _string(data: bytes, length: int, offset: int, corrupt: Callable[[str], CatalogError]) -> str:
    if offset + length > len(data):
        raise corrupt(f"a string ({length} bytes at {offset}) ends past the file end")
    try:
        return data[offset : offset + length].decode("utf-8")
    except UnicodeDecodeError:
        raise corrupt(f"a string at {offset} is not UTF-8") from None


def load_mo(path: Path, *, source: str | None = None) -> dict[MoKey, tuple[str, ...]]:
    """Read and validate a .mo file (see :func:`read_mo`)."""
    name = source if source is not None else str(path)
    from glossari.catalog.pofile import read_catalog_bytes

    return read_mo(read_catalog_bytes(path, source=name, what="compiled catalog"), source=name)
