"""PO and POT files: a strict parser and a writer whose output GNU ``msgcat`` leaves unchanged.

Why not polib or Babel: both accept an unterminated string and silently cut its last character,
Babel silently drops a duplicate message and turns ``#|`` lines into comments, and polib drops
``#~|`` lines and re-wraps ``#.`` comments (measured: of 83 real Malay and Indonesian catalogs,
polib saved 6 byte-identical, Babel 0). A translator's file must survive glossari untouched, so
this module keeps the exact text of every entry (:attr:`Entry.raw`) and writes an entry anew only
when its content changed, wrapped exactly as ``msgcat`` (and so Poedit and Weblate) would.

>>> po = parse_po('msgid ""\\nmsgstr "Content-Type: text/plain; charset=UTF-8\\\\n"\\n\\n'
...               'msgctxt "kos"\\nmsgid "Kos"\\nmsgstr "Cost"\\n', source="x.po")
>>> [(e.key, e.msgstr, e.line) for e in po.entries]
[(('kos', 'Kos'), 'Cost', 4)]
>>> render_po(po) == po.text_of_source
True
"""

from __future__ import annotations

import bisect
import ctypes
import ctypes.util
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import cast

from glossari._atomic import atomic_write_bytes
from glossari.catalog.charset import (
    decide_charset,
    decode_catalog,
    decode_read_only_catalog,
    gnu_charset,
    header_strings,
    utf8_header_msgstr,
)
from glossari.catalog.linebreak import POSSIBLE, columns, possible_linebreaks, width_linebreaks
from glossari.catalog.names import is_catalog_name
from glossari.errors import CatalogError
from glossari.root import file_kind
from glossari.text import counted, excerpt, quoted

__all__ = [
    "Entry",
    "PoFile",
    "check_domain",
    "encode_po",
    "header_field_line",
    "is_catalog_name",
    "load_po",
    "parse_plural_count",
    "parse_po",
    "plural_expression_problem",
    "read_catalog_bytes",
    "read_po",
    "read_third_party_po",
    "render_entry",
    "render_po",
    "strings_split",
    "write_po",
]

# --------------------------------------------------------------------------------------------
# The values


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One message of a catalog (or its header, the entry whose msgid is empty)."""

    msgid: str
    """The source text."""
    msgstr: str = ""
    """The translation ("" when untranslated); unused when :attr:`msgid_plural` is set."""
    msgctxt: str | None = None
    """The context that keeps equal msgids apart, or None."""
    msgid_plural: str | None = None
    """The plural source text of a plural message, or None."""
    msgstr_plural: tuple[str, ...] = ()
    """The translations of a plural message, one per plural form (``msgstr[n]``)."""
    flags: tuple[str, ...] = ()
    """``#,`` flags: ``fuzzy``, ``python-format``, ..."""
    translator_comments: tuple[str, ...] = ()
    """``# ...`` lines, without the ``#`` and one following space."""
    extracted_comments: tuple[str, ...] = ()
    """``#. ...`` lines, without the ``#.`` and one following space."""
    references: tuple[str, ...] = ()
    """``#:`` items (``path:line``), one per reference."""
    previous_msgctxt: str | None = None
    """``#| msgctxt``: the context this translation was made for, when fuzzy."""
    previous_msgid: str | None = None
    """``#| msgid``: the source text this translation was made for, when fuzzy."""
    previous_msgid_plural: str | None = None
    """``#| msgid_plural``: the plural source text this translation was made for, when fuzzy."""
    obsolete: bool = False
    """``#~``: the message left the template; its translation is kept."""
    line: int = field(default=0, compare=False)
    """1-based line of the entry's first line (0 when built in memory)."""
    raw: str | None = field(default=None, compare=False)
    """Exact source text of this entry: the blank lines before it, its comments and strings.

    :func:`render_po` emits it byte for byte, so set it to None (``dataclasses.replace``) on any
    change of content: :meth:`with_changes` does.
    """
    raw_strings: str | None = field(default=None, compare=False, repr=False)
    """The exact lines of this entry's strings (its ``#|`` lines, ``msgctxt``, ``msgid`` and
    ``msgstr``, LF line ends), kept by :meth:`with_changes` from :attr:`raw` when only its
    comments, references or flags changed: a translator's wrapping of a translation (one
    sentence a line, in Vim) survives a reference that moved. None: rendered as msgcat would."""

    @property
    def key(self) -> tuple[str | None, str]:
        """``(msgctxt, msgid)``: the message's identity in its catalog."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        """True when flagged ``fuzzy`` (a guess that needs review; never compiled)."""
        return "fuzzy" in self.flags

    @property
    def translations(self) -> tuple[str, ...]:
        """The msgstr, or the plural msgstrs, as a tuple."""
        return self.msgstr_plural if self.msgid_plural is not None else (self.msgstr,)

    @property
    def has_translation(self) -> bool:
        """True when some translation text is present (fuzzy or not)."""
        return any(self.translations)

    @property
    def translated(self) -> bool:
        """True when every form is translated and the entry is not fuzzy."""
        forms = self.translations
        return bool(forms) and all(forms) and not self.fuzzy

    @property
    def compiled_by_msgfmt(self) -> bool:
        """True when GNU ``msgfmt`` compiles the entry: not fuzzy and its ``msgstr`` (or
        ``msgstr[0]``) filled, whatever its other plural forms (``msgattrib --translated`` reads
        it so too; one with ``msgstr[0]`` empty is left out however many forms are filled). A
        third party's catalog ships what msgfmt compiles, so a plural entry with a form left
        empty still puts its filled forms before its users (:attr:`translated`, glossari's
        rule for its own catalogs, wants every form).

        >>> Entry(msgid="a", msgid_plural="as", msgstr_plural=("satu", "")).compiled_by_msgfmt
        True
        >>> Entry(msgid="a", msgid_plural="as", msgstr_plural=("", "dua")).compiled_by_msgfmt
        False
        """
        forms = self.translations
        return bool(forms) and bool(forms[0]) and not self.fuzzy

    def with_changes(self, **changes: object) -> Entry:
        """A copy with ``changes`` applied and :attr:`raw` dropped (it no longer matches). When
        none of the strings changed (only comments, references, flags other than ``wrap`` and
        ``no-wrap``), their lines are kept as written (:attr:`raw_strings`).

        >>> entry = Entry(msgid="a", msgstr="one. two.",
        ...               raw='msgid "a"\\nmsgstr ""\\n"one. "\\n"two."\\n')
        >>> print(render_entry(entry.with_changes(references=("seeds/a.md:3",))), end="")
        #: seeds/a.md:3
        msgid "a"
        msgstr ""
        "one. "
        "two."
        """
        flags = changes.get("flags", self.flags)
        kept = not any(getattr(self, name) != value for name, value in changes.items()
                       if name in _STRING_FIELDS) and not (
            isinstance(flags, tuple)
            and _WRAP_FLAGS.intersection(flags) != _WRAP_FLAGS.intersection(self.flags))
        # raw is split into lines only for strings kept (not for a translation imported)
        strings = (None if not kept else self.raw_strings if self.raw is None
                   else _raw_strings(self.raw))
        return replace(self, raw=None, raw_strings=strings, **changes)  # type: ignore[arg-type]

    def anew(self) -> Entry:
        """A copy rendered wholly anew (no :attr:`raw`, no :attr:`raw_strings`): an entry taken
        from another catalog, whose way of wrapping may not be this one's."""
        return replace(self, raw=None, raw_strings=None)

    def reviewed(self, msgstr: str) -> Entry:
        """A copy translated as ``msgstr`` and no longer fuzzy: the ``fuzzy`` flag and every
        ``#|`` line (the source the old translation was made for) dropped, as an editor does
        when a translator accepts a translation. A quoted flag GNU reads ``fuzzy`` in
        (``placeholders:"x, fuzzy, y"``: :func:`_read_flags`) would keep the entry fuzzy: it
        goes too, kept in a translator comment (a tool wrote it, and msgcat drops it anyway).

        >>> entry = Entry(msgid="Saham", msgstr="Shares", flags=('placeholders:"x, fuzzy, y"',
        ...                                                     "fuzzy", "max-length:9"))
        >>> reviewed = entry.reviewed("Shares")
        >>> reviewed.fuzzy, reviewed.flags
        (False, ('max-length:9',))
        >>> print(*reviewed.translator_comments)
        placeholders:"x, fuzzy, y" (a flag GNU reads as fuzzy, taken off on review)
        """
        hiding = [f for f in self.flags if f != "fuzzy" and "fuzzy" in _gnu_words(f)]
        notes = tuple(f"{f} (a flag GNU reads as fuzzy, taken off on review)" for f in hiding)
        return self.with_changes(
            msgstr=msgstr, flags=tuple(f for f in self.flags if f != "fuzzy" and f not in hiding),
            translator_comments=self.translator_comments + tuple(
                n for n in notes if n not in self.translator_comments),
            previous_msgctxt=None, previous_msgid=None, previous_msgid_plural=None,
        )


def _maker(*given: str) -> Callable[..., Entry]:
    """A function ``make(*values)`` building an :class:`Entry` from the values of the fields
    ``given``, in that order, every other field at its default: what ``Entry(**fields)`` builds,
    in a third of the time (a frozen dataclass's ``__init__`` sets each of its 16 fields through
    ``object.__setattr__``; this sets the slots directly), for the parser's fast path, which
    builds every entry of a catalog (212,000 at 10,000 articles). Made from the dataclass's own
    fields, so a field added later is set to its default here too."""
    import dataclasses

    names = [f.name for f in dataclasses.fields(Entry)]
    if set(given) - set(names):
        raise TypeError(f"Entry has no field {sorted(set(given) - set(names))[0]!r}")
    scope: dict[str, object] = {"new": object.__new__, "cls": Entry}
    lines = []
    for number, f in enumerate(dataclasses.fields(Entry)):
        scope[f"s{number}"] = getattr(Entry, f.name).__set__
        if f.name in given:
            value = f"v{given.index(f.name)}"
        elif f.default is not dataclasses.MISSING:
            scope[f"d{number}"] = f.default
            value = f"d{number}"
        else:
            raise TypeError(f"Entry's field {f.name!r} has no default: give it")
        lines.append(f"    s{number}(o, {value})\n")
    params = ", ".join(f"v{number}" for number in range(len(given)))
    exec(f"def make({params}):\n    o = new(cls)\n{''.join(lines)}    return o\n", scope)
    return cast(Callable[..., Entry], scope["make"])


_SIMPLE_FIELDS = ("msgid", "msgstr", "msgctxt", "flags", "translator_comments",
                  "extracted_comments", "references", "line", "raw")
_simple_entry = _maker(*_SIMPLE_FIELDS)
"""An entry of the common shape (:meth:`_Parser.simple_run`) from the values of
:data:`_SIMPLE_FIELDS`, in that order."""

_STRING_FIELDS = frozenset({
    "msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr_plural", "previous_msgctxt",
    "previous_msgid", "previous_msgid_plural", "obsolete"})
"""The fields an entry's string lines (:attr:`Entry.raw_strings`) write."""

_WRAP_FLAGS = frozenset({"wrap", "no-wrap"})

_PREVIOUS_ORDER = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2}
"""The order GNU's grammar gives ``#|`` lines (``msgid`` required), as they are written."""

def _string_line(line: str) -> bool:
    """Whether ``line`` of an entry is one of its strings' (a keyword's, a continuation's, a
    ``#|`` or ``#~|`` line's, an obsolete message's), blanks before it allowed, as GNU reads
    them (``  msgid "Bon"``, indented by hand, is a keyword line)."""
    stripped = line.lstrip(_BLANKS)
    return stripped.startswith(('"', "msg", "#|", "#~|")) or _is_obsolete_keyword(stripped)


def _raw_strings(raw: str) -> str | None:
    """The lines of ``raw`` (an entry's text) from its first ``#|`` or keyword line to its end,
    with LF line ends; None when a line other than a string's comes after that first one (a
    flag written below a ``#|`` line by hand), which only a rendering anew puts in order.

    A keyword line with blanks before it is one (it was skipped, and the strings began at the
    next line: a reference that moved wrote the entry without its msgid, which msgfmt refuses):

    >>> _raw_strings('#: seeds/saham.md:4\\n  msgid "Saham"\\nmsgstr "Share"\\n')
    '  msgid "Saham"\\nmsgstr "Share"\\n'
    """
    lines = raw.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    start = next((n for n, line in enumerate(lines) if _string_line(line)), None)
    if start is None:
        return None
    tail = lines[start:]
    if not all(_string_line(line) for line in tail):
        return None
    return "\n".join(tail) + "\n"


@dataclass(frozen=True, slots=True, kw_only=True)
class PoFile:
    """A parsed catalog: its header and its entries in file order."""

    header: Entry | None
    """The ``msgid ""`` entry, or None."""
    entries: tuple[Entry, ...]
    """Current and obsolete entries, in file order (the header excluded)."""
    trailer: str = ""
    """Text after the last entry (blank lines, comments that belong to no message)."""
    text_of_source: str | None = field(default=None, compare=False, repr=False)
    """The text this was parsed from, when parsed, or that of the catalog it was merged from
    (:func:`glossari.catalog.merge.merge`): what :func:`strings_width` reads, and only when
    an entry is rendered anew."""
    newline: str = field(default="\n", compare=False, repr=False)
    """The line end of the file (``"\\r\\n"`` when its first line ends so): :func:`render_po`
    writes every entry it renders anew with it, so a CRLF catalog stays CRLF throughout
    (entries left untouched keep their bytes, whatever their line ends)."""
    wrapped: bool | None = field(default=None, compare=False, repr=False)
    """Whether :func:`render_po` wraps the strings of the entries it renders anew at 79 columns,
    as msgcat and Poedit do, or leaves them whole, as a file saved by Weblate or ``msgcat
    --no-wrap``: None for the file's own way (:func:`strings_width`)."""

    def header_fields(self) -> dict[str, str]:
        """The header's ``Name: value`` lines as a dict (empty without a header)."""
        return _header_fields(self.header.msgstr) if self.header is not None else {}

    @property
    def current(self) -> tuple[Entry, ...]:
        """The entries that are not obsolete."""
        return tuple(e for e in self.entries if not e.obsolete)

    @property
    def obsolete(self) -> tuple[Entry, ...]:
        """The obsolete (``#~``) entries."""
        return tuple(e for e in self.entries if e.obsolete)

    def by_key(self) -> dict[tuple[str | None, str], Entry]:
        """The current entries by :attr:`Entry.key`."""
        return {e.key: e for e in self.entries if not e.obsolete}

    @property
    def charset(self) -> str | None:
        """The charset the header declares, as GNU gettext reads it (not checked), or None.

        :func:`glossari.catalog.charset.decide_charset` is the check: :func:`parse_po` refuses
        a header it does not accept.
        """
        return gnu_charset(self.header.msgstr) if self.header is not None else None

    @property
    def nplurals(self) -> int | None:
        """``nplurals`` of the header's Plural-Forms, or None when absent or a placeholder."""
        value = self.header_fields().get("Plural-Forms")
        return parse_plural_count(value) if value is not None else None


def _header_fields(msgstr: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in msgstr.split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():
            # `plural-forms:` is the Plural-Forms that Python's gettext (names in any case)
            # and GNU (which looks for `nplurals=` and `plural=` alone) read
            name = name.strip()
            fields[_READ_ONCE.get(name.lower(), name)] = value.strip()
    return fields


_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def parse_plural_count(plural_forms: str) -> int | None:
    """``nplurals`` from a Plural-Forms value, or None for a template placeholder.

    >>> parse_plural_count("nplurals=2; plural=(n != 1);"), parse_plural_count("nplurals=INTEGER;")
    (2, None)
    """
    match = _NPLURALS.search(plural_forms)
    return int(match.group(1)) if match else None


def plural_expression_problem(plural_forms: str, nplurals: int) -> str | None:
    """What is wrong with the ``plural=`` expression of a Plural-Forms value, or None.

    The ``.mo`` carries the header as written, and a program reading it evaluates the
    expression: GNU ``msgfmt --check`` refuses one that does not parse or that gives a form
    number ``nplurals`` or beyond, and Python's :mod:`gettext` raises on opening a ``.mo`` whose
    expression it cannot read (it takes the text after ``plural=`` in the second ``;`` field).

    >>> plural_expression_problem("nplurals=2; plural=(n != 1);", 2) is None
    True
    >>> plural_expression_problem("nplurals=2; plural=(n != 1;", 2)
    'has a plural expression that does not parse: unbalanced parenthesis in plural form'
    >>> plural_expression_problem("nplurals=1; plural=(n != 1);", 1)
    'gives form 1 for n = 0, but nplurals=1 (forms 0 to 0)'
    >>> plural_expression_problem("nplurals = 2; plural = (n != 1);", 2)[:35]
    "is not written 'nplurals=N; plural="
    """
    import gettext

    fields = plural_forms.split(";")
    if len(fields) < 2 or "plural=" not in fields[1]:
        if "plural" in plural_forms.replace("nplurals", ""):
            # GNU reads "plural = ..." and "plural=...; nplurals=2;", Python's gettext does not
            return ("is not written 'nplurals=N; plural=EXPRESSION;' (in that order, no space "
                    "before '='), the only form Python's gettext reads from the .mo")
        return "has no plural=EXPRESSION after nplurals=N; (programs reading the .mo need it)"
    expression = fields[1].split("plural=", 1)[1]
    try:
        evaluate = gettext.c2py(expression)
    except (ValueError, RecursionError) as error:
        return f"has a plural expression that does not parse: {error}"
    for n in (*range(1001), 10_000, 100_000, 1_000_000):
        try:
            form = evaluate(n)
        except ArithmeticError:
            return f"divides by zero for n = {n}"
        if not 0 <= form < nplurals:
            return (f"gives form {form} for n = {n}, but nplurals={nplurals} "
                    f"(forms 0 to {nplurals - 1})")
    return None


# --------------------------------------------------------------------------------------------
# Parsing

_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')

# A character that looks like a blank, or like nothing, where GNU reads only spaces and tabs
# (and the vertical tab and form feed, which look like neither) as blanks: the Unicode spaces,
# the line and paragraph separators and the invisible format characters editors paste
_HIDDEN = re.compile("[\u0085\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f"
                     "\u205f-\u2064\u3000\ufeff]")
_HIDDEN_NAMES = {"\u00a0": "a no-break space", "\ufeff": "a byte-order mark",
                 "\u200b": "a zero-width space", "\u202f": "a narrow no-break space"}
# C0 controls other than tab and newline: never in a translation, whether written raw or as an
# escape (a terminal runs ESC sequences, a NUL cuts the string in the .mo, U+0004 is the .mo's
# context separator). Checked on the decoded, unescaped value.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_NOT_CONTROL = bytes(c for c in range(256) if not _CONTROL.match(chr(c)))
"""Every byte but those :data:`_CONTROL` matches: ``bytes.translate`` deleting them leaves the
controls (in UTF-8 a byte under 0x80 is always its ASCII character)."""

_SCAN = 1 << 20
"""Characters encoded at a time by :func:`_holds_control` (its memory stays small)."""


def _holds_control(text: str) -> bool:
    r"""Whether ``text`` holds a character of :data:`_CONTROL`: what ``_CONTROL.search(text)``
    answers, about ten times as fast on a whole catalog (``re`` tries its character class at
    each of the file's characters: 0.5 s of the 3.3 s that parsing the 22 catalogs of 10,000
    articles took; encoding and ``bytes.translate`` run in C at memory speed).

    >>> _holds_control("Kos\tseunit\n"), _holds_control("Kos\x1b[31m"), _holds_control("\ud800")
    (False, True, False)
    """
    return any(text[at:at + _SCAN].encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL)
               for at in range(0, len(text), _SCAN))


# What GNU gettext itself refuses of them: a NUL, and U+0004 (the .mo's context separator).
# A third party's catalog is read so (parse_po's ``gnu_controls``): a Windows program's
# msgids hold "\r\n", which GNU compiles and the program asks for.
_GNU_CONTROL = re.compile(r"[\x00\x04]")
# GNU reads up to three octal digits, and every hex digit after \x as one number (po-lex.c):
# "\x41Bond" is 0x41B, a byte 0x1B and "ond", where a person reads "ABond" (_Parser._escape).
_ESCAPE = re.compile(r"\\([0-7]{1,3}|x[0-9A-Fa-f]+|.?)")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
}
_BLANKS = " \t\f\v"
"""What GNU's lexer reads as a blank between the tokens of a line: a form feed or a vertical tab
too (``msgstr\\v"b"`` is ``msgstr "b"`` to msgfmt and msgcat; it was "expected a quoted
string"). A carriage return is a blank too between a keyword and its string
(``msgstr\\r"b"``); elsewhere the line-end rules read it."""
# GNU's lexer reads `msgstr [0]` and `msgstr[ 0 ]` as `msgstr[0]`: blanks part its tokens
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:[ \t\f\v]*\[[ \t\f\v]*(\d+)"
                      r"[ \t\f\v]*\])?)"
                      r"(?=[\s\"]|$)")
# One entry of the common shape (see _Parser.simple_run): its blank lines, comments, strings.
_SIMPLE_STRINGS = r'(?:"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"\n)+'
_SIMPLE_ENTRY = re.compile(
    r"(?:[ \t]*\n)*"
    r"(?P<comments>(?:#(?![~|])[^\n]*\n)*)"
    rf"(?:msgctxt (?P<ctx>{_SIMPLE_STRINGS}))?"
    rf"msgid (?P<id>{_SIMPLE_STRINGS})"
    rf"msgstr (?P<str>{_SIMPLE_STRINGS})"
)
# Nothing but blank lines from a position to the end of the text (matched in place, no copy).
_BLANK_REST = re.compile(r"[ \t\n]*\Z")


def _joined_on_the_line(first: str, rest: str) -> str | None:
    """The text (as written, escapes and all) GNU reads from a string ``first`` followed on its
    line by ``rest``, when ``rest`` is strings alone, parted by blanks: ``"b" "c"`` joins as
    ``bc``. None when ``rest`` holds anything else.

    >>> _joined_on_the_line("Kos", '"seunit"'), _joined_on_the_line("Kos", '"a"\\v"b"')
    ('Kosseunit', 'Kosab')
    >>> _joined_on_the_line("Kos", '"a" x') is None
    True
    """
    pieces = [first]
    while rest.startswith('"'):
        match = _STRING.match(rest)
        if match is None:
            return None
        pieces.append(match.group(1))
        rest = rest[match.end():].lstrip(_BLANKS + "\r")
    return "".join(pieces) if not rest and len(pieces) > 1 else None


class _NotSimple(Exception):
    """An entry :meth:`_Parser.simple_run` leaves to the line parser."""


class _Parser:
    """A line-by-line state machine: linear in the file size, no backtracking."""

    def __init__(self, text: str, source: str, *, fast: bool = True,
                 gnu_controls: bool = False) -> None:
        self.source = source
        self.text = text
        self.controls = _GNU_CONTROL if gnu_controls else _CONTROL
        """The control characters refused in a string (:func:`parse_po`'s ``gnu_controls``)."""
        self.fast = fast
        """Read runs of entries of the common shape with :meth:`simple_run` (False: every line
        with the line parser, the reference the tests compare with)."""
        self.lines: list[str] = []  # split only when the line parser is needed
        self.total = 0
        self.line_entries = 0
        """How many entries the line parser read (the rest took the fast path)."""

    def fail(self, line: int, message: str, hint: str) -> CatalogError:
        return CatalogError(message, path=self.source, line=line, hint=hint)

    def hidden(self, body: str, lineno: int) -> CatalogError | None:
        """The error for ``body`` (a line's text where a keyword or a string should start)
        holding, before its first quote, a character that looks like a blank or like nothing
        but is no blank to GNU (which reads spaces and tabs there): a no-break space
        (a PO snippet copied from a web page or a word processor), a byte-order mark (a file
        joined to another, ``cat a.po b.po``), a zero-width space. None when there is none.
        Such a line was an ``unknown keyword 'msgid'``, the keyword named as the fault (Python
        splits words at a no-break space), or ``unknown keyword '"b"'``."""
        found = _HIDDEN.search(body.split('"', 1)[0])
        if found is None:
            return None
        char = found.group()
        name = _HIDDEN_NAMES.get(char) or f"the character {unicodedata.name(char, '')}".strip()
        rest = _HIDDEN.sub(" ", body[found.end():]).split()
        before = f" before {quoted(excerpt(rest[0], 30))}" if rest else ""
        return self.fail(
            lineno,
            f"{name} (U+{ord(char):04X}){before}, which GNU reads as no blank",
            "delete it, or replace it with a space",
        )

    def unquote(self, body: str, lineno: int, column: int) -> str:
        """The value of the quoted string that starts ``body`` (which has no leading blanks)."""
        if not body.startswith('"'):
            raise self.hidden(body, lineno) or self.fail(
                lineno, "expected a quoted string", 'write the text between double quotes: "..."'
            )
        match = _STRING.match(body)
        if match is None:
            if body.removesuffix("\r").endswith("\\"):
                # GNU joins the next line to a line ending in a backslash, inside a string
                # too (`"Komisen\` + `broker"` is "Komisenbroker"): the hint to close the
                # string with a quote made `\"`, an escaped quote, still unterminated
                raise self.fail(
                    lineno,
                    "a string's line ends in a backslash (GNU joins the next line to it)",
                    'close the string on this line and start the next line with its own: '
                    '"..." (write a backslash at its end as \\\\, before the quote)',
                )
            raise self.fail(
                lineno, "unterminated string", 'close the string with a double quote (")'
            )
        rest = body[match.end() :].strip(" \t\r\f\v") if match.end() != len(body) else ""
        if rest.startswith("#"):
            # `msgstr "x" # note`: GNU reads the note as the next message's comment
            raise self.fail(
                lineno,
                f"a comment after the closing quote: {quoted(excerpt(rest))} (GNU gives it to the"
                " next message)",
                "move it to a line of its own above this message's msgid",
            )
        if rest:
            joined = _joined_on_the_line(match.group(1), rest)
            if joined is not None:
                # `msgstr "Kos" "seunit"`: GNU reads "Kosseunit", which the message names
                raise self.fail(
                    lineno,
                    f"text after the closing quote: {quoted(excerpt(rest))}, a second string "
                    f"on the line, which GNU joins to the first: {quoted(excerpt(joined))}",
                    "put each string on its own line (or write them as one string)",
                )
            raise self.fail(
                lineno,
                f"text after the closing quote: {quoted(excerpt(rest))}",
                'put each string on its own line and escape inner quotes as \\"',
            )
        value = match.group(1)
        if "\\" in value:
            value = _ESCAPE.sub(lambda m: self._escape(m.group(1), lineno), value)
        if self.controls.search(value):
            raise self.control(value, lineno)
        return value

    def control(self, value: str, lineno: int) -> CatalogError:
        char = ord(self.controls.findall(value)[0])
        what = " (the .mo context separator)" if char == 4 else ""
        return self.fail(
            lineno,
            f"control character U+{char:04X}{what} in a string",
            "remove it: a catalog string holds printable text, tabs and newlines (\\t, \\n)",
        )

    def _escape(self, code: str, lineno: int) -> str:
        simple = _SIMPLE_ESCAPES.get(code)
        if simple is not None:
            return simple
        if code and (code[0] in "01234567" or (code[0] == "x" and len(code) > 1)):
            number = int(code[1:], 16) if code[0] == "x" else int(code, 8)
            if number > 0xFF:
                raise self.fail(
                    lineno,
                    f"escape \\{code} is one number beyond a byte, of which GNU keeps the last"
                    f" ({number & 0xFF:#04x})"
                    + (": it reads every hex digit after \\x" if code[0] == "x" else ""),
                    "write the characters themselves (the file is UTF-8)",
                )
            if 0 < number < 0x80:
                return chr(number)
            raise self.fail(
                lineno,
                f"escape \\{code} is a NUL or a raw byte",
                "write the character itself (the file is UTF-8)",
            )
        raise self.fail(
            lineno,
            f"invalid escape sequence \\{code}",
            'the escapes are \\n \\t \\r \\\\ \\" (write a backslash as \\\\)',
        )

    def parse(self) -> PoFile:
        """The catalog: runs of entries of the common shape are read by :meth:`simple_run`, and
        only the entries between them line by line (:meth:`line_entry`), with the same result
        as reading every line (``fast = False``)."""
        text = self.text
        if text.startswith("\ufeff"):
            raise self.fail(
                1, "the file starts with a byte-order mark", "save it as UTF-8 without BOM"
            )
        if "\r" in text and "\n" not in text.rstrip("\r"):
            # classic Mac OS line ends: to GNU the file is one line, and a comment (`#. ...`)
            # runs to its end; the first string's "text after the closing quote" said nothing
            raise self.fail(
                1, "the lines end in a carriage return (CR) alone, as classic Mac OS saved"
                " them: GNU reads the file as one line",
                "convert the line ends to LF or CRLF (mac2unix, or your editor's line-ending"
                " setting)")
        fast = self.fast and self.simple_file()
        entries: list[Entry] = []
        pos = 0  # offset, and 0-based line, of the first line not yet in an entry
        line = 0
        while True:
            if fast:
                pos, line, finished = self.simple_run(entries, pos, line)
                if finished:
                    break
            found = self.line_entry(line)
            if found is None:
                break  # only blank lines or dangling comments remain: the trailer
            end, size, entry = found
            entries.append(entry)
            pos += size
            line = end
        return self.finish(entries, text[pos:])

    def simple_file(self) -> bool:
        """Whether :meth:`simple_run` may read this file at all: it ends with a newline and
        holds no carriage return and no raw control character (the line parser names their
        lines)."""
        text = self.text
        return text.endswith("\n") and "\r" not in text and not _holds_control(text)

    def line_entry(self, start: int) -> tuple[int, int, Entry] | None:
        """The entry whose blank lines and comments start at line index ``start``, read line by
        line: ``(index of the line after it, its length in characters, entry)``; None when only
        blank lines and comments are left."""
        if not self.lines:
            self.lines = self.text.split("\n")
            # a final "\n" leaves an empty last element: it is no line of its own
            self.total = len(self.lines) - (self.lines[-1] == "")
        lines, total = self.lines, self.total
        entry_first = -1
        comments: list[tuple[int, str]] = []  # (line index, text)
        j = start
        # skip blank lines and comments until the first keyword: they belong to this entry
        while j < total:
            stripped = lines[j].strip(" \t\r\f\v")
            if not stripped:
                j += 1
                continue
            if entry_first < 0:
                entry_first = j
            if stripped.startswith("#") and not _is_obsolete_keyword(stripped):
                # keep a comment's trailing blanks: they are part of its text
                comment = lines[j].lstrip(" \t").removesuffix("\r")
                if stripped.startswith("#~") and not stripped.startswith("#~|"):
                    comment = _obsolete_comment(comment) or ""
                    if not comment:  # a bare `#~`: a blank line, to GNU
                        j += 1
                        continue
                if comment.endswith("\\"):
                    raise self.fail(
                        j + 1,
                        "a comment ends in a backslash (GNU joins it with the next line)",
                        "remove the backslash or add a character after it",
                    )
                comments.append((j, comment))
                j += 1
                continue
            break
        if j >= total:
            return None
        end, entry = self.parse_message(j, total, comments, entry_first)
        self.line_entries += 1
        raw = "\n".join(lines[start:end])
        if end < len(lines):
            raw += "\n"
        # the entry was made a moment ago and is not shared yet: set raw in place
        object.__setattr__(entry, "raw", raw)
        return end, len(raw), entry

    def simple_run(self, entries: list[Entry], pos: int, line: int) -> tuple[int, int, bool]:
        """Read entries of the common shape from offset ``pos`` (0-based line ``line``) into
        ``entries``: ``(offset, line, True)`` when only blank lines are left after them, else
        the offset and line where the line parser must go on, ``False``.

        The common shape (what msgcat, msgmerge and glossari write): at column 0, ``#`` comments
        other than ``#|`` and ``#~``, then ``msgctxt``, ``msgid``, ``msgstr`` each followed by
        one space and well-formed strings, with no plural and no blank line inside an entry.
        One regex match per entry instead of a dozen per line; each entry read is exactly what
        the line parser reads. An entry is only sure to be complete once the next one matched
        (the line parser would add a string that follows it after a blank line), so where the
        run stops, its last entry is handed back to the line parser too.
        """
        text = self.text
        match_entry = _SIMPLE_ENTRY.match
        make = _simple_entry
        value = self._simple_value
        count_lines = text.count
        size = len(text)
        # where the line parser goes on if the run stops now: before the last unsure entry
        safe = (pos, line, len(entries))
        try:
            while pos < size:
                m = match_entry(text, pos)
                if m is None:
                    break
                safe = (pos, line, len(entries))  # the entry before this one is complete
                end = m.end()
                first = line + count_lines("\n", pos, m.start("comments"))
                translator: list[str] = []
                extracted: list[str] = []
                references: list[str] = []
                flags: list[str] = []
                seen_flags = False
                comments, context, msgid, msgstr = m.group("comments", "ctx", "id", "str")
                if comments:
                    for comment in comments[:-1].split("\n"):
                        if comment.endswith("\\"):
                            raise _NotSimple
                        kind = comment[1:2]
                        if kind == ",":
                            if seen_flags:  # a second #, line: the line parser judges it
                                raise _NotSimple
                            seen_flags = True
                            flags.extend(_read_flags(comment[2:]))
                        elif kind == ".":
                            extracted.append(_comment_text(comment[2:]))
                        elif kind == ":":
                            references.extend(comment[2:].split())
                        else:
                            translator.append(_comment_text(comment[1:]))
                entries.append(make(
                    value(msgid), value(msgstr), value(context) if context is not None else None,
                    tuple(flags),
                    tuple(translator), tuple(extracted), tuple(references), first + 1,
                    text[pos:end]))
                line += count_lines("\n", pos, end)
                pos = end
            if _BLANK_REST.match(text, pos):  # runs at every stop: a copy of the rest was O(n²)
                return pos, line, True
        except (CatalogError, _NotSimple):
            pass  # the line parser reads that entry, and names the line of its error
        pos, line, count = safe
        del entries[count:]
        return pos, line, False

    def _simple_value(self, block: str) -> str:
        # ``"a"\n"b"\n``: every '"\n"' is a line boundary (an inner quote is always escaped)
        inner = block[1:-2]
        if "\\" not in inner:
            return inner.replace('"\n"', "") if '"\n"' in inner else inner
        # escapes per line, as the line parser reads them ("\1" "23" is not "\123")
        value = "".join(_ESCAPE.sub(lambda e: self._escape(e.group(1), 0), piece)
                        for piece in inner.split('"\n"'))
        if self.controls.search(value):
            raise self.control(value, 0)  # the line parser finds it again, with its line
        return value

    def parse_message(
        self, j: int, total: int, comments: list[tuple[int, str]], first: int
    ) -> tuple[int, Entry]:
        """Parse the keywords from line index ``j``; return (index after the entry, entry)."""
        lines = self.lines
        translator: list[str] = []
        extracted: list[str] = []
        references: list[str] = []
        flags: list[str] = []
        previous: dict[str, str] = {}
        obsolete_marks: list[bool] = []
        prev_key: str | None = None
        previous_line = 0
        prev_pending: tuple[int, str, str] | None = None  # as `pending` below, for #| lines
        flag_lines: list[tuple[int, list[str]]] = []  # each `#,` line: (line, its flags)
        for index, text in comments:
            lineno = index + 1
            if text.startswith("#|") or text.startswith("#~|"):
                obsolete_marks.append(text.startswith("#~"))
                body = text[3:] if text.startswith("#~|") else text[2:]
                body = body.strip(_BLANKS + "\r")
                if body.startswith('"'):
                    if prev_key is None:
                        raise self.fail(
                            lineno, "a #| string without a keyword", 'start with #| msgid "..."'
                        )
                    previous[prev_key] += self.unquote(body, lineno, 0)
                    prev_pending = None
                    continue
                if prev_pending is not None:
                    raise self.fail(*prev_pending)
                match = _KEYWORD.match(body)
                if match is None or match.group(1) not in ("msgctxt", "msgid", "msgid_plural"):
                    raise self.hidden(body, lineno) or self.fail(
                        lineno,
                        "unknown keyword after #|: "
                        f"{quoted(body.split()[0] if body.split() else '')}",
                        "#| lines hold msgctxt, msgid or msgid_plural",
                    )
                prev_key = match.group(1)
                if prev_key in previous:
                    raise self.fail(lineno, f"a second #| {prev_key}", "keep one")
                later = [k for k in previous if _PREVIOUS_ORDER[k] > _PREVIOUS_ORDER[prev_key]]
                if later:  # GNU's grammar: a syntax error, and msgfmt writes no .mo
                    raise self.fail(lineno, f"#| {prev_key} after #| {later[0]}",
                                    "write the #| lines in GNU's order: msgctxt, msgid,"
                                    " msgid_plural")
                if not previous:
                    previous_line = lineno
                rest = body[match.end() :].lstrip(_BLANKS + "\r")
                if rest:
                    previous[prev_key] = self.unquote(rest, lineno, 0)
                else:  # `#| msgid` alone, its strings on the #| lines below, as GNU reads them
                    previous[prev_key] = ""
                    prev_pending = (lineno, f"#| {prev_key} without a string",
                                    f'write its text between double quotes: #| {prev_key} "..."')
                continue
            if prev_pending is not None:
                raise self.fail(*prev_pending)
            if prev_key is not None:
                raise self.fail(
                    lineno, "a comment after the #| lines", "put #| lines last, right before msgid"
                )
            if text.startswith("#,"):
                flag_lines.append((lineno, _read_flags(text[2:])))
                flags.extend(flag_lines[-1][1])
            elif text.startswith("#."):
                extracted.append(_comment_text(text[2:]))
            elif text.startswith("#:"):
                references.extend(text[2:].split())
            else:
                translator.append(_comment_text(text[1:]))
        if prev_pending is not None:
            raise self.fail(*prev_pending)
        for flag_line, line_flags in flag_lines[:-1]:
            # GNU reads a message's last `#,` line alone (each one resets the flags): a
            # `#, fuzzy` above `#, python-format` is no fuzzy to msgfmt, which compiles it,
            # nor to msgcat, which saves it without the mark
            lost = [f for f in line_flags if f not in flag_lines[-1][1]]
            if lost:
                raise self.fail(
                    flag_line,
                    f"a #, line above another: GNU reads only a message's last #, line, so"
                    f" {quoted(lost[0])} here is lost to it",
                    "put every flag on one #, line (#, fuzzy, python-format)",
                )
        if previous and "msgid" not in previous:  # GNU: a syntax error, and no .mo
            raise self.fail(
                previous_line, f"#| {next(iter(previous))} without a #| msgid",
                'add the #| msgid "..." line of the source the translation was made from,'
                " or delete the #| lines")
        # keywords
        values: dict[str, str] = {}
        plural_forms: list[str] = []
        current: str | None = None  # the keyword whose string continuation lines follow
        # a keyword written alone on its line (GNU reads its strings from the lines below),
        # until a string comes: (line, error, hint) to raise when none does
        pending: tuple[int, str, str] | None = None
        obsolete: bool | None = None
        first_keyword_line = msgid_line = j + 1
        while j < total:
            line = lines[j]
            stripped = line.strip(" \t\r\f\v")
            lineno = j + 1
            if not stripped:
                j += 1
                continue
            is_obsolete = stripped.startswith("#~")
            held = _obsolete_comment(stripped) if is_obsolete else None
            if held == "":  # a bare `#~`: a blank line, to GNU
                j += 1
                continue
            if stripped.startswith("#") and (not is_obsolete or held is not None):
                if "msgstr" in values or plural_forms:
                    break  # the next entry's comments
                raise self.fail(
                    lineno, "a comment inside a message", "move it above the message's msgid"
                )
            body = stripped[2:].lstrip(_BLANKS) if is_obsolete else stripped
            if is_obsolete and body.startswith("|"):
                if "msgstr" in values or plural_forms:
                    break
                raise self.fail(
                    lineno, "a #~| line inside a message", "move it above the message's msgid"
                )
            if body.startswith('"'):
                if current is None:
                    raise self.fail(
                        lineno, "a string without a keyword", 'start the message with msgid "..."'
                    )
                self._check_obsolete(obsolete, is_obsolete, lineno)
                piece = self.unquote(body, lineno, 0)
                pending = None
                if current == "msgstr[]":
                    plural_forms[-1] += piece
                else:
                    values[current] += piece
                j += 1
                continue
            match = _KEYWORD.match(body)
            if match is None:
                word = body.split()[0] if body.split() else body
                if word in ("<<<<<<<", "=======", ">>>>>>>", "|||||||"):
                    # two people's edits of one catalog, merged by git: only they can choose
                    raise self.fail(
                        lineno,
                        f"a merge conflict marker {quoted(word)} (git could not merge two edits)",
                        "keep one side of each conflict, remove the marker lines and save")
                raise self.hidden(body, lineno) or self.fail(
                    lineno,
                    f"unknown keyword {quoted(excerpt(word))}",
                    "a line starts with #, msgctxt, msgid, msgid_plural, msgstr or a string",
                )
            keyword = match.group(1)
            if match.group(2) is not None:
                keyword = f"msgstr[{match.group(2)}]"
            if pending is not None:
                raise self.fail(*pending)
            rest = body[match.end() :].lstrip(_BLANKS + "\r")
            # `msgid` alone, its strings on the lines below: GNU reads them so
            alone = not rest.strip(" \t\r\f\v")
            value = "" if alone else self.unquote(rest, lineno, 0)
            if keyword in ("msgctxt", "msgid") and ("msgstr" in values or plural_forms):
                break  # the next entry begins
            if alone:
                pending = (lineno, f"{keyword} without a string",
                           f'write its text between double quotes: {keyword} "..."')
            if keyword in ("msgctxt", "msgid"):
                if keyword == "msgctxt" and ("msgctxt" in values or "msgid" in values):
                    raise self.fail(lineno, "msgctxt after msgid", "put msgctxt before msgid")
                if keyword == "msgid" and "msgid" in values:
                    # the incomplete message is the one to name (as GNU msgfmt does)
                    raise self.fail(
                        msgid_line, "msgid without msgstr", 'add msgstr "" after this msgid'
                    )
            if keyword == "msgid":
                msgid_line = lineno
            if obsolete is None:
                obsolete = is_obsolete
                first_keyword_line = lineno
            self._check_obsolete(obsolete, is_obsolete, lineno)
            if keyword == "msgid_plural":
                if (
                    "msgid" not in values
                    or "msgid_plural" in values
                    or "msgstr" in values
                    or plural_forms
                ):
                    raise self.fail(lineno, "misplaced msgid_plural", "msgid_plural follows msgid")
            elif keyword == "msgstr":
                if "msgid" not in values:
                    raise self.fail(
                        lineno, "msgstr without msgid", 'start the message with msgid "..."'
                    )
                if "msgstr" in values or plural_forms:
                    raise self.fail(
                        lineno,
                        "a second msgstr in one message",
                        "keep one msgstr per msgid (merge the text)",
                    )
                if "msgid_plural" in values:
                    raise self.fail(
                        lineno,
                        "a plural message needs msgstr[0], msgstr[1], ...",
                        "write msgstr[n] lines, one per plural form",
                    )
            elif keyword.startswith("msgstr["):
                if "msgid" not in values:
                    raise self.fail(
                        lineno, "msgstr without msgid", 'start the message with msgid "..."'
                    )
                if "msgid_plural" not in values:
                    raise self.fail(
                        lineno,
                        f"{keyword} in a message without msgid_plural",
                        "use msgstr for a message without plural",
                    )
                if "msgstr" in values:
                    raise self.fail(
                        lineno, "msgstr and msgstr[n] in one message", "use msgstr[n] only"
                    )
                if int(match.group(2)) != len(plural_forms):
                    raise self.fail(
                        lineno,
                        f"{keyword} out of order (expected msgstr[{len(plural_forms)}])",
                        "number the plural forms 0, 1, 2, ... in order",
                    )
                plural_forms.append(value)
                current = "msgstr[]"
                j += 1
                continue
            values[keyword] = value
            current = keyword
            j += 1
        if pending is not None:
            raise self.fail(*pending)
        if "msgid" not in values:
            raise self.fail(j, "a message without msgid", 'start the message with msgid "..."')
        if "msgstr" not in values and not plural_forms:
            what = "msgstr[n] lines" if "msgid_plural" in values else "msgstr"
            raise self.fail(
                first_keyword_line,
                f"message has no {what} (unexpected end of the message)",
                'add msgstr "" (or msgstr[0] "" ... for a plural message)',
            )
        if obsolete and any(not mark for mark in obsolete_marks):
            raise self.fail(
                first + 1, "an obsolete message with #| lines", "write them as #~| lines"
            )
        if not obsolete and any(obsolete_marks):
            raise self.fail(first + 1, "#~| lines on a current message", "write them as #| lines")
        # the entry ends after its last non-blank line
        end = j
        while end > 0 and not lines[end - 1].strip(" \t\r\f\v"):
            end -= 1
        entry = Entry(
            msgid=values["msgid"],
            msgstr=values.get("msgstr", ""),
            msgctxt=values.get("msgctxt"),
            msgid_plural=values.get("msgid_plural"),
            msgstr_plural=tuple(plural_forms),
            flags=tuple(flags),
            translator_comments=tuple(translator),
            extracted_comments=tuple(extracted),
            references=tuple(references),
            previous_msgctxt=previous.get("msgctxt"),
            previous_msgid=previous.get("msgid"),
            previous_msgid_plural=previous.get("msgid_plural"),
            obsolete=bool(obsolete),
            line=first + 1,
        )
        return end, entry

    def _check_obsolete(self, obsolete: bool | None, is_obsolete: bool, lineno: int) -> None:
        if obsolete is not None and obsolete != is_obsolete:
            raise self.fail(
                lineno,
                "a message mixes obsolete (#~) and current lines",
                "prefix every line of an obsolete message with #~, or none",
            )

    def finish(self, entries: list[Entry], trailer: str) -> PoFile:
        header: Entry | None = None
        rest: list[Entry] = []
        # one key space for current and obsolete messages and the header, as GNU's: a message
        # both current and #~ obsolete, or a #~ msgid "", is a duplicate definition
        seen: dict[tuple[str | None, str], int] = {}
        obsolete_at: dict[int, bool] = {}
        for position, entry in enumerate(entries):
            if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
                if position != 0:
                    raise self.fail(
                        entry.line,
                        'the header (msgid "") is not the first message',
                        "move the header entry to the top of the file",
                    )
                header = entry
                seen[entry.key] = entry.line
                obsolete_at[entry.line] = False
                continue
            marker = (entry.msgctxt, entry.msgid)
            first = seen.get(marker)
            if first is not None:
                if header is not None and entry.obsolete and marker == header.key:
                    hint = 'delete the obsolete header (the #~ msgid "" entry)'
                elif entry.obsolete != obsolete_at[first]:
                    hint = "the message is both current and obsolete (#~): delete one copy"
                else:
                    hint = "merge the two entries into one (same msgctxt and msgid)"
                raise self.fail(
                    entry.line, f"duplicate message (first defined at line {first})", hint
                )
            seen[marker] = entry.line
            obsolete_at[entry.line] = entry.obsolete
            rest.append(entry)
        first_line = self.text.split("\n", 1)[0]
        newline = "\r\n" if first_line.endswith("\r") and len(first_line) < len(self.text) else "\n"
        po = PoFile(header=header, entries=tuple(rest), trailer=trailer, text_of_source=self.text,
                    newline=newline)
        self.check_header(po)
        # the entries are asked only when a string of the file past the header (whose fields
        # end in newlines) begins or ends with one: most catalogs have none, and one scan of
        # the text costs less than a loop over 20,000 entries
        after = 0
        if header is not None:
            found = _HEADER_MSGSTR.search(self.text, self.text.find("msgstr"))
            after = found.end() if found is not None else 0
        for entry in rest if _newline_edge(self.text, after) else ():
            self._check_newlines(entry)
        # and only a file naming a format flag has format strings to compare
        if self.text.find("-format", after) >= 0:
            from glossari.catalog.formats import loose_forms

            loose = loose_forms(po.header_fields().get("Plural-Forms"), po.nplurals)
            for entry in rest:
                if entry.flags:
                    self._check_formats(entry, loose)
        return po

    def _check_formats(self, entry: Entry, loose: frozenset[int]) -> None:
        """Refuse a current, non-fuzzy translation of a ``c-format``, ``python-format`` or
        ``python-brace-format`` message whose directives disagree with its source's (``%s``
        for ``%d``, ``{nama}`` for ``{name}``: :func:`glossari.catalog.formats.entry_problem`):
        GNU ``msgfmt --check`` refuses it, and the program printing it reads the wrong argument
        or crashes. Fuzzy, obsolete and untranslated messages are not compiled, nor checked."""
        if entry.obsolete or entry.fuzzy or entry.translations[:1] in (("",), ()):
            return
        from glossari.catalog.formats import entry_problem

        found = entry_problem(entry, loose)
        if found is not None:
            raise self.fail(_keyword_line(entry, found.field), found.message, found.hint)

    def _check_newlines(self, entry: Entry) -> None:
        """Refuse a current, non-fuzzy translation that begins or ends with a newline where its
        msgid does not, or the reverse: GNU ``msgfmt`` (even without ``--check``) stops on it
        with "'msgid' and 'msgstr' entries do not both begin with '\\n'" and writes no ``.mo``,
        where glossari compiled it and ``render`` made the stray line break part of the
        article. Fuzzy and obsolete messages are not compiled, and GNU does not check them."""
        if entry.obsolete or entry.fuzzy or entry.translations[:1] in (("",), ()):
            return  # untranslated, to GNU: an empty msgstr or msgstr[0], whatever follows
        plural = entry.msgid_plural
        if plural is not None:
            # its two sources too, "'msgid' and 'msgid_plural' entries do not both begin
            # with '\n'"; and every form, an empty one as well (GNU checks msgstr[1] "")
            for where, test in (("begin", str.startswith), ("end", str.endswith)):
                if test(entry.msgid, "\n") != test(plural, "\n"):
                    raise self.fail(
                        entry.line,
                        f"'msgid' and 'msgid_plural' do not both {where} with a newline (\\n)",
                        f"{'start' if where == 'begin' else 'end'} both with \\n or neither"
                        " (GNU msgfmt refuses the catalog)",
                    )
        for index, form in enumerate(entry.translations):
            for where, test in (("begin", str.startswith), ("end", str.endswith)):
                if test(entry.msgid, "\n") != test(form, "\n"):
                    name = f"msgstr[{index}]" if entry.msgid_plural is not None else "msgstr"
                    raise self.fail(
                        entry.line,
                        f"'msgid' and '{name}' do not both {where} with a newline (\\n)",
                        f"{'start' if where == 'begin' else 'end'} the translation with \\n "
                        "exactly when the source does (GNU msgfmt refuses the catalog)",
                    )

    def check_header(self, po: PoFile) -> None:
        header = po.header
        if header is None:
            raise self.fail(
                1,
                'the catalog has no header (msgid "")',
                'start the file with a msgid "" entry declaring charset=UTF-8',
            )
        fields = po.header_fields()
        # the header is the first entry, so its raw text starts at line 1
        found = header_strings((header.raw or "").split("\n"))
        if found is None:  # built in memory: the msgstr is one piece
            found = (header.line, [(header.line, header.msgstr)])
        decide_charset(found[1], source=self.source, entry_line=found[0])
        self._check_fields_once(
            found[1], plural=any(e.msgid_plural is not None for e in po.entries))
        plural_forms = fields.get("Plural-Forms")
        nplurals = parse_plural_count(plural_forms) if plural_forms is not None else None
        if (plural_forms is not None and "INTEGER" in plural_forms
                and not self.source.endswith(".pot")):
            # a template's placeholder (xgettext writes it) left in a catalog: GNU msgfmt
            # refuses it ("invalid nplurals value"), and gettext cannot open the .mo
            raise self.fail(
                self._header_line(header, "Plural-Forms"),
                "Plural-Forms is still the template's placeholder (nplurals=INTEGER)",
                'write the language\'s rule, e.g. "Plural-Forms: nplurals=2; plural=(n != 1);"',
            )
        if plural_forms is not None and nplurals is None and "INTEGER" not in plural_forms:
            raise self.fail(
                self._header_line(header, "Plural-Forms"),
                "Plural-Forms has no nplurals=N",
                'write it as "Plural-Forms: nplurals=2; plural=(n != 1);"',
            )
        if nplurals == 0:
            raise self.fail(
                self._header_line(header, "Plural-Forms"),
                "Plural-Forms says nplurals=0 (GNU msgfmt refuses it: a language has one form "
                "at least)",
                'write "Plural-Forms: nplurals=2; plural=(n != 1);" (or nplurals=1; plural=0;)',
            )
        if nplurals is not None and plural_forms is not None:
            problem = plural_expression_problem(plural_forms, nplurals)
            if problem is not None:
                raise self.fail(
                    self._header_line(header, "Plural-Forms"),
                    f"Plural-Forms {problem}",
                    f'write it as "Plural-Forms: nplurals={nplurals}; plural=EXPRESSION;" with '
                    'a C expression of n (for English: nplurals=2; plural=(n != 1);)',
                )
        if plural_forms is None and not self.source.endswith(".pot"):
            # GNU msgfmt --check refuses a plural message translated (a form or more, not
            # fuzzy) under no Plural-Forms, and a program reading the .mo counts its forms by
            # English's rule, whatever the language's; untranslated ones (Django's en
            # catalogs, templates in all but name) compile to nothing
            plural = next((e for e in po.entries if e.msgid_plural is not None
                           and not e.obsolete and not e.fuzzy and e.has_translation), None)
            if plural is not None:
                raise self.fail(
                    plural.line,
                    "plural message, but the header has no Plural-Forms (GNU msgfmt --check "
                    "refuses it; a program reading the .mo counts the forms by English's rule)",
                    f'add "Plural-Forms: {_plural_rule(fields.get("Language"))}\\n" to the '
                    "header",
                )
        if nplurals is not None:
            for entry in po.entries:
                # an obsolete entry keeps the forms of the Plural-Forms it was translated under
                # (Weblate moved ms from nplurals=2 to 1); GNU never checks #~ entries, and
                # update keeps a form beyond nplurals in a comment when one comes back. Nor
                # does msgfmt --check count the forms of a fuzzy message or one whose msgstr[0]
                # is empty (Django's kn catalogs: msgstr[0] "" alone, under nplurals=2): it
                # compiles neither, and neither does glossari
                if (entry.msgid_plural is not None and not entry.obsolete
                        and not entry.fuzzy and entry.msgstr_plural[:1] != ("",)
                        and len(entry.msgstr_plural) != nplurals):
                    raise self.fail(
                        entry.line,
                        f"plural message has {counted(len(entry.msgstr_plural), 'form')}, "
                        f"the header's Plural-Forms says nplurals={nplurals}",
                        "give it msgstr[0] only" if nplurals == 1
                        else f"give it msgstr[0] ... msgstr[{nplurals - 1}]",
                    )

    def _check_plural_words(self, words: list[str], text: str, line: int) -> None:
        """Refuse the first ``nplurals=`` or ``plural=`` of a header (``words`` not yet seen)
        when ``text``, the header line holding it, is no Plural-Forms field: GNU (``msgfmt``,
        libintl) reads the header's first of each as the plural rule, whatever its field
        (``X-Note: was nplurals=3``), and Python's ``gettext`` the Plural-Forms field's."""
        name, sep, _value = text.partition(":")
        for word in [w for w in words if w in text]:
            words.remove(word)
            if not sep or name.strip().lower() != "plural-forms":
                raise self.fail(
                    line,
                    f"{quoted(word)} in the header's {quoted(excerpt(name))} field: GNU"
                    f" reads the header's first {quoted(word)} as the plural rule, whatever"
                    " its field, and Python's gettext the Plural-Forms field's",
                    "remove it from that field, or move the Plural-Forms line above it",
                )

    def _check_fields_once(self, pieces: list[tuple[int, str]], *, plural: bool = True) -> None:
        """Refuse a header giving Plural-Forms or X-Domain twice with different values (a
        header msgcat merged from two catalogs, a line added above an old one): GNU libintl and
        ``msgfmt`` read the first, Python's ``gettext`` and glossari the last, so a program in C
        and one in Python would count plural forms, or name the domain, differently. With
        ``plural`` (the catalog holds a plural message), the header's first ``nplurals=`` and
        ``plural=`` must be its Plural-Forms' too (:meth:`_check_plural_words`)."""
        starts: list[tuple[int, int]] = []  # (offset in the msgstr, line of the piece)
        offset = 0
        for piece_line, value in pieces:
            starts.append((offset, piece_line))
            offset += len(value)
        seen: dict[str, tuple[str, int]] = {}
        offset = 0
        words = ["nplurals=", "plural="]  # the ones GNU looks for, the first of each read
        for text in "".join(value for _line, value in pieces).split("\n"):
            name, sep, value = text.partition(":")
            line = max((ln for start, ln in starts if start <= offset), default=0)
            if plural and words:
                self._check_plural_words(words, text, line)
            # Python's gettext reads a field's name in any case (`plural-forms:` last wins)
            name = _READ_ONCE.get(name.strip().lower(), "")
            if sep and name:
                value = value.strip()
                first = seen.setdefault(name, (value, line))
                if first[0] != value:
                    raise self.fail(
                        line,
                        f"the header gives {name} twice: {quoted(first[0])} (line {first[1]}) "
                        f"and {quoted(value)} (line {line})",
                        f"keep one {name} line (GNU reads the first, Python's gettext the last)",
                    )
            offset += len(text) + 1

    def _header_line(self, header: Entry, name: str) -> int:
        return _line_of(header, name)


def _plural_rule(lang: str | None) -> str:
    """The Plural-Forms of ``lang`` (CLDR's, through Babel), or English's when ``lang`` is none
    or unknown: what a header lacking one is told to write."""
    english = "nplurals=2; plural=(n != 1);"
    if not lang or not lang.strip():
        return english
    try:
        from babel.messages.plurals import get_plural

        from glossari.catalog.languages import cldr_locale

        return str(get_plural(cldr_locale(lang)))
    except Exception:  # an unknown or malformed code: the other checks name it
        return english


_ENDS_IN_NEWLINE = re.compile(r'\\n"[ \t]*(?:\r?\n[ \t]*""[ \t]*)*(?:\r?\n(?![ \t]*")|\r?\Z)')
"""A string's last line ending with ``\\n``: no continuation line (``"...``) follows but empty
ones (``""``, which add nothing), blanks after the closing quote allowed. It starts with a
literal, so the scan runs at the speed of ``str.find``."""

_NEWLINE_ESCAPES = ("\\0", "\\1", "\\x")
"""Where an octal or hex escape may spell a newline (``\\012``, ``\\12``, ``\\x0a``)."""


def _newline_edge(text: str, start: int) -> bool:
    """Whether a msgid or msgstr of the PO ``text`` past ``start`` may begin or end with a
    newline: a string or continuation line starting ``"\\n`` (a quote inside a string is
    escaped, so ``"\\n`` starts one), a last line ending ``\\n"``, or a newline written as an
    octal or hex escape. A false alarm only costs the check of every entry. Each of them
    holds a backslash: without one past ``start`` (most catalogs), one scan answers."""
    if text.find("\\", start) < 0:
        return False
    return (text.find('"\\n', start) >= 0
            or any(text.find(escape, start) >= 0 for escape in _NEWLINE_ESCAPES)
            or _ENDS_IN_NEWLINE.search(text, start) is not None)


_HEADER_MSGSTR = re.compile(r'msgstr[^\n]*\n(?:[ \t]*"[^\n]*\n)*')
"""The header's msgstr line and its continuation lines (the header is the first entry)."""

_READ_ONCE = {"plural-forms": "Plural-Forms", "x-domain": "X-Domain"}
"""Header fields whose value a program reads: :meth:`_Parser.check_header` refuses two
different ones."""


def _keyword_line(entry: Entry, field: str) -> int:
    """The 1-based line of ``entry``'s ``msgstr`` or ``msgstr[n]`` keyword (``msgstr [1]``
    too, as GNU reads it), or its first line."""
    number = field[len("msgstr["):-1] if field != "msgstr" else None
    keyword = re.compile(r"[ \t\f\v]*msgstr(?![\w\[ \t\f\v]*\[)" if number is None
                         else rf"[ \t\f\v]*msgstr[ \t\f\v]*\[[ \t\f\v]*{number}[ \t\f\v]*\]")
    lines = (entry.raw or "").split("\n")
    first = next((k for k, text in enumerate(lines) if text.strip()), 0)
    for k, text in enumerate(lines):
        if keyword.match(text):
            return entry.line + k - first
    return entry.line


def header_field_line(po: PoFile, name: str) -> int:
    """The 1-based line of the header's ``name:`` field (``Language``), or the header's first
    line when no line of it starts so (a field broken over two string lines); 1 without a
    header."""
    if po.header is None:
        return 1
    return _line_of(po.header, f'"{name}:')


def _line_of(entry: Entry, needle: str) -> int:
    """The 1-based line of the first raw line of ``entry`` containing ``needle``."""
    lines = (entry.raw or "").split("\n")
    first = next((k for k, text in enumerate(lines) if text.strip()), 0)
    for k, text in enumerate(lines):
        if needle in text:
            return entry.line + k - first
    return entry.line


def _is_obsolete_keyword(stripped: str) -> bool:
    """True for ``#~`` lines other than ``#~|`` and :func:`_obsolete_comment`'s: they are an
    obsolete message's keywords."""
    return (stripped.startswith("#~") and not stripped.startswith("#~|")
            and _obsolete_comment(stripped) is None)


def _obsolete_comment(line: str) -> str | None:
    """The comment a ``#~``-prefixed comment line holds, as GNU gettext reads it: ``#~ #
    note``, ``#~ #, fuzzy``, ``#~ #. text``, ``#~ #: ref`` are the comments ``# note`` ...
    (a hand edit or an older tool writes an obsolete message's comments so), ``#~ #| msgid``
    is ``#~| msgid``, and a ``#~`` line with nothing after it is a blank line (``""``). None
    for another line.

    >>> [_obsolete_comment(t) for t in ("#~ # note", "#~ #| msgid", "#~", "#~ msgid", "# x")]
    ['# note', '#~| msgid', '', None, None]
    """
    if not line.startswith("#~") or line.startswith("#~|"):
        return None
    rest = line[2:].lstrip(_BLANKS + "\r")
    if not rest:
        return ""
    if not rest.startswith("#"):
        return None
    return "#~" + rest[1:] if rest.startswith("#|") else rest


_FLAG_BLANKS = " \t\r\f\v\n"
"""What parts flags besides a comma: GNU gettext's blanks (``po_parse_comment_special``)."""


def _split_flags(text: str) -> list[str]:
    """The flags of a ``#,`` line's text (after the ``#,``), in order: each runs to the next
    comma or blank outside quotes, as GNU gettext parts them (``#, fuzzy c-format`` is fuzzy to
    msgfmt, which leaves it out of the .mo); Weblate's ``placeholders:"a,b"`` and
    ``placeholders:"a b"`` are one flag; a quote left open, with no closing one after it, is a
    character, as in an unquoted flag. ``range:`` takes the word after its blanks, as GNU reads
    it (msgcat writes ``range: 1..3``).

    >>> _split_flags(' fuzzy, max-length:80,placeholders:"a,b"')
    ['fuzzy', 'max-length:80', 'placeholders:"a,b"']
    >>> _split_flags('a"b, c')
    ['a"b', 'c']
    >>> _split_flags(' fuzzy c-format, range: 1..3, placeholders:"a b"')
    ['fuzzy', 'c-format', 'range: 1..3', 'placeholders:"a b"']
    """
    words: list[tuple[int, int]] = []
    start = at = 0
    # a quote that closes nowhere after it closes nowhere after any later one either (that one
    # was inside the first's scan, escaped): scanned once, not from each (a regular expression
    # did, and a 100 KB `"\"\...` line took 40 s)
    unclosed: set[str] = set()
    while at < len(text):
        char = text[at]
        if char == "," or char in _FLAG_BLANKS:
            if start < at:
                words.append((start, at))
            start = at + 1
        elif char in "\"'" and char not in unclosed:
            end = at + 1
            while end < len(text) and text[end] != char:
                end += 2 if text[end] == "\\" else 1
            if end < len(text):
                at = end  # the closing quote
            else:
                unclosed.add(char)
        at += 1
    if start < len(text):
        words.append((start, len(text)))
    flags: list[str] = []
    index = 0
    while index < len(words):
        low, high = words[index]
        flag = text[low:high]
        if (flag == "range:" and index + 1 < len(words)
                and "," not in text[high:words[index + 1][0]]):
            index += 1
            flag = "range: " + text[slice(*words[index])]
        flags.append(flag)
        index += 1
    return flags


def _read_flags(text: str) -> list[str]:
    """The flags of a ``#,`` line's text as glossari keeps them (:func:`_split_flags`), plus
    each word GNU gettext reads inside a quoted one: GNU parts the line at every comma and
    blank, quotes or not, so ``placeholders:"x, fuzzy, y"`` is fuzzy to msgfmt (left out of
    the .mo), and ``placeholders:"a, no-wrap"`` keeps its lines whole in msgcat. The quoted
    flag is kept whole, a tool's data; the words GNU acts on are flags of the entry too.

    >>> _read_flags(' placeholders:"x, fuzzy, y", c-format')
    ['placeholders:"x, fuzzy, y"', 'c-format', 'fuzzy']
    >>> _read_flags(' fuzzy, placeholders:"x, fuzzy"')
    ['fuzzy', 'placeholders:"x, fuzzy"']
    """
    flags = _split_flags(text)
    hidden = [word for flag in flags for word in _gnu_words(flag)
              if word in _GNU_FLAGS or word in _FLAG_RANK]
    return list(dict.fromkeys((*flags, *hidden))) if hidden else flags


def _gnu_words(flag: str) -> list[str]:
    """The words GNU gettext reads in a quoted flag (it parts a ``#,`` line at every comma and
    blank, quotes or not); none in an unquoted one, which is one word to GNU as to glossari."""
    if '"' not in flag and "'" not in flag:
        return []
    return re.split(r"[, \t\r\f\v\n]+", flag)


def _comment_text(rest: str) -> str:
    # GNU drops one space after the marker and writes one back: "#  x" keeps both spaces
    return rest[1:] if rest.startswith(" ") else rest


def parse_po(text: str, *, source: str, gnu_controls: bool = False) -> PoFile:
    """Parse the text of a PO/POT file strictly; ``source`` names it in errors.

    Raises :class:`CatalogError` with the 1-based line and a hint for: an unterminated string,
    text after a closing quote, an invalid escape, an unknown keyword, a second msgstr, a message
    without msgstr, a duplicate message, a header that is missing, not first, or without a known
    charset, and a plural message whose number of forms disagrees with Plural-Forms; and for a
    C0 control character other than tab and newline in a string (raw or escaped), which no
    text of the glossary holds. With ``gnu_controls`` (a third party's catalog, which
    ``termcheck`` reads and never writes), only those GNU refuses too: a NUL and U+0004; a
    Windows program's ``\\r\\n`` and a ``\\a`` are its text, which GNU compiles.
    """
    parser = _Parser(text, source, gnu_controls=gnu_controls)
    po = parser.parse()
    return po


# --------------------------------------------------------------------------------------------
# Line breaking exactly as msgcat does it
#
# msgcat wraps strings with libunistring's Unicode line breaking (UAX #14) and character widths.
# glossari.catalog.linebreak does the same in pure Python, byte for byte (tests/test_linebreak.py
# proves it against msgcat with libunistring hidden); libunistring, when present, is only a
# faster way to the same bytes.

UC_BREAK_UNDEFINED = 0
UC_BREAK_PROHIBITED = 1
UC_BREAK_POSSIBLE = 2


@lru_cache(maxsize=1)
def _libunistring() -> Callable[..., int] | None:
    name = ctypes.util.find_library("unistring")
    for candidate in (name, "libunistring.so.5", "libunistring.so.2", "libunistring.dylib"):
        if not candidate:
            continue
        try:
            lib = ctypes.CDLL(candidate)
        except OSError:
            continue
        function = getattr(lib, "ulc_width_linebreaks_v2", None) or getattr(
            lib, "ulc_width_linebreaks", None
        )
        if function is None:
            continue
        function.restype = ctypes.c_int
        function.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_char_p,
        ]
        return function  # type: ignore[no-any-return]
    return None


def _breaks(data: bytes, overrides: bytearray, width: int, startcol: int) -> bytes:
    """For each byte of ``data``: UC_BREAK_POSSIBLE where a line break goes before it."""
    function = _libunistring()
    if function is not None:
        size = len(data)
        # ctypes makes a new array type for every new buffer length (~28 us each); rounding the
        # length up to a power of two reuses a handful of cached types (~1 us)
        out = ctypes.create_string_buffer(1 << max(size - 1, 63).bit_length())
        function(data, size, width, startcol, 0, bytes(overrides), b"UTF-8", out)
        return out.raw[:size]
    return width_linebreaks(data, width, startcol, overrides)


_C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}
_NEEDS_ESCAPE = re.compile(r'[\a\b\f\n\r\t\v\\"]')


def _escape(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: _C_ESCAPES[m.group(0)], text)


def _wrap(prefix: str, name: str, value: str, width: int, lines: list[str], *,
          split: bool = True) -> None:
    """Append the lines msgcat writes for ``name "value"`` (wrap() in gettext's write-po.c);
    ``split=False``: one line, newlines and all, as a writer with no wrapping at all writes it
    (:func:`strings_split`)."""
    if "\x00" in value:
        raise CatalogError(
            "a message contains a NUL character", path="<catalog>", hint="remove it from the text"
        )
    if not split:
        lines.append(f'{prefix}{name} "{_escape(value)}"')
        return
    # the room for text: the page minus the line prefix and two quotes
    room = width - 2 - len(prefix)
    first_col = len(name) + 1
    if "\n" not in value[:-1]:
        # one portion (most messages): when it fits, the loop below writes this one line
        escaped = _escape(value)
        if first_col + len(escaped.encode("utf-8")) <= room:
            lines.append(f'{prefix}{name} "{escaped}"')
            return
    if "\n" in value[:-1]:
        portions = value.split("\n")
        tail = portions.pop()
        pieces = [p + "\n" for p in portions]
        if tail:
            pieces.append(tail)
    else:
        pieces = [value]
    first = True
    count = len(pieces)
    for number, portion in enumerate(pieces):
        escaped = _escape(portion)
        data = escaped.encode("utf-8")
        more = number + 1 < count
        startcol = first_col if first else 0
        if startcol + len(data) <= room and not (first and more and portion):
            # fits: a byte is at least as wide as its column, so msgcat breaks nothing either
            lines.append(f'{prefix}{name} "{escaped}"' if first else f'{prefix}"{escaped}"')
            first = False
            continue
        overrides = _overrides(escaped, data, portion.endswith("\n"))
        # msgcat starts with `name ""` when the text is wrapped anyway, then breaks it from
        # column 0. Text that wraps from column 0 wraps from any later column too (a greedy
        # breaker only breaks sooner when it starts further right), so the column-0 breaks
        # come first: one call to libunistring, not two, for every long text.
        if first and data and (more or startcol > room):
            header, breaks = True, _breaks(data, overrides, room, 0)
        elif first and data:
            breaks = _breaks(data, overrides, room, 0)
            header = UC_BREAK_POSSIBLE in breaks
            if not header:
                at_start = _breaks(data, overrides, room, startcol)
                header = UC_BREAK_POSSIBLE in at_start
                breaks = breaks if header else at_start
        else:
            header, breaks = False, _breaks(data, overrides, room, startcol)
        if header:
            lines.append(f'{prefix}{name} ""')
            first = False
        head = f"{prefix}{name} " if first else prefix
        first = False
        start = 0
        for index in _positions(breaks):
            lines.append(f'{head}"{data[start:index].decode("utf-8")}"')
            head = prefix
            start = index
        lines.append(f'{head}"{data[start:].decode("utf-8")}"')


def _positions(breaks: bytes) -> Iterator[int]:
    index = breaks.find(UC_BREAK_POSSIBLE)
    while index >= 0:
        yield index
        index = breaks.find(UC_BREAK_POSSIBLE, index + 1)


def _overrides(escaped: str, data: bytes, ends_with_newline: bool) -> bytearray:
    """No break inside an escape sequence, nor before the final ``\\n``."""
    overrides = bytearray(len(data))
    if "\\" in escaped:
        offset = 0
        after_backslash = False
        for char in escaped:
            if after_backslash:
                overrides[offset] = UC_BREAK_PROHIBITED
                after_backslash = False
            elif char == "\\":
                after_backslash = True
            offset += len(char.encode("utf-8")) if ord(char) > 0x7F else 1
    if ends_with_newline and len(data) >= 2:
        overrides[len(data) - 2] = UC_BREAK_PROHIBITED
    return overrides


# --------------------------------------------------------------------------------------------
# Rendering

# msgcat writes only the flags it knows, in this order (format_language[] in gettext 0.21)
_FORMAT_LANGUAGES = (
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
)
_FLAG_RANK = {}
for _rank, _lang in enumerate(_FORMAT_LANGUAGES):
    for _form in (f"{_lang}-format", f"no-{_lang}-format", f"possible-{_lang}-format"):
        _FLAG_RANK[_form] = _rank


_GNU_FLAGS = frozenset({"fuzzy", "wrap", "no-wrap"})
"""The flags other than format and range: ones gettext reads (and writes as it decides)."""


def _canonical_flags(entry: Entry) -> list[str]:
    has_text = bool(entry.translations[0]) if entry.translations else False
    out: list[str] = []
    if entry.fuzzy and has_text:
        out.append("fuzzy")
    formats: dict[int, str] = {}
    for flag in entry.flags:
        rank = _FLAG_RANK.get(flag)
        if rank is not None:
            formats[rank] = flag.replace("possible-", "")
    out.extend(formats[rank] for rank in sorted(formats))
    # msgcat 0.21 keeps an obsolete entry's format flags and no-wrap (its translation is still
    # a c-format string, and reviving it must check it as one); only range: goes
    if not entry.obsolete:
        out.extend(f for f in entry.flags if f.startswith("range:"))
    if "no-wrap" in entry.flags:
        out.append("no-wrap")
    # Every other flag is a translator's or a tool's (Weblate's max-length:80, read-only,
    # ignore-same, placeholders:..., a format gettext 0.21 does not know): msgcat would drop
    # it, but an entry glossari leaves alone keeps it in its bytes, and one it writes anew
    # (a reference moved, a translation imported) must not lose it for that; so such an entry
    # is no msgcat fixed point, as the translator's file was not
    out.extend(dict.fromkeys(f for f in entry.flags if f not in _GNU_FLAGS
                             and not f.startswith("range:") and _FLAG_RANK.get(f) is None))
    return out


def _references(references: Iterable[str], width: int, lines: list[str]) -> None:
    line = "#:"
    column = 2
    for reference in references:
        size = len(reference.encode("utf-8")) + 1
        if column > 2 and column + size > width:
            lines.append(line)
            line = "#:"
            column = 2
        line += " " + reference
        column += size
    lines.append(line)


def render_entry(entry: Entry, *, width: int = 79, wrap: bool = True, split: bool = True) -> str:
    """The lines msgcat writes for ``entry`` (no separating blank line), each ending in ``\\n``;
    ``wrap=False`` as ``msgcat --no-wrap`` writes them (strings whole, references wrapped);
    with ``split=False`` too, each string on one line, its newlines included, as Weblate's
    "No line wrapping" (translate-toolkit's width -1) writes it (:func:`strings_split`).

    >>> print(render_entry(Entry(msgid="Kos", msgstr="Cost", msgctxt="kos",
    ...                          references=("seeds/kos.md:2",))), end="")
    #: seeds/kos.md:2
    msgctxt "kos"
    msgid "Kos"
    msgstr "Cost"
    """
    lines: list[str] = []
    for text in (entry.msgid, entry.msgctxt or "", entry.msgid_plural or ""):
        if "\x04" in text:
            raise CatalogError(
                "a msgid or msgctxt contains U+0004 (the .mo context separator)",
                path="<catalog>",
                hint="remove the control character from the text",
            )
    for comment in (*entry.translator_comments, *entry.extracted_comments):
        if comment.endswith("\\"):
            raise CatalogError(
                f"a comment ends in a backslash: {quoted(comment[-30:])}",
                path="<catalog>",
                hint="GNU gettext would join it with the next line; end it with another character",
            )
    for comment in entry.translator_comments:
        for part in comment.split("\n"):
            lines.append(f"# {part}" if part else "#")
    for comment in entry.extracted_comments:
        for part in comment.split("\n"):
            lines.append(f"#. {part}" if part else "#.")
    if entry.references:
        # msgcat keeps one of each reference
        _references(dict.fromkeys(entry.references), width, lines)
    # no flags, no flags written (a template's entries: 265,000 of them at 10,000 articles)
    flags = _canonical_flags(entry) if entry.flags else []
    if flags:
        lines.append("#, " + ", ".join(flags))
    if entry.raw_strings is not None:
        # the strings as written: only the comments above them changed
        lines.append(entry.raw_strings)
        return "\n".join(lines)
    # the entry's own flag wins over the file's way, as in GNU (`wrap` and `no-wrap`)
    wrapping = "wrap" in entry.flags or (wrap and "no-wrap" not in entry.flags)
    wrap_width = width if wrapping else 2**31 - 1
    split = split or wrapping  # an entry's own `wrap` is msgcat's way, newlines and all
    previous_prefix = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        _wrap(previous_prefix, "msgctxt", entry.previous_msgctxt, wrap_width, lines, split=split)
    if entry.previous_msgid is not None:
        _wrap(previous_prefix, "msgid", entry.previous_msgid, wrap_width, lines, split=split)
    if entry.previous_msgid_plural is not None:
        _wrap(previous_prefix, "msgid_plural", entry.previous_msgid_plural, wrap_width, lines,
              split=split)
    prefix = "#~ " if entry.obsolete else ""
    if entry.msgctxt is not None:
        _wrap(prefix, "msgctxt", entry.msgctxt, wrap_width, lines, split=split)
    _wrap(prefix, "msgid", entry.msgid, wrap_width, lines, split=split)
    if entry.msgid_plural is not None:
        _wrap(prefix, "msgid_plural", entry.msgid_plural, wrap_width, lines, split=split)
        for index, form in enumerate(entry.msgstr_plural or ("", "")):
            _wrap(prefix, f"msgstr[{index}]", form, wrap_width, lines, split=split)
    elif not entry.msgstr:
        # what _wrap writes for an empty text at any width (every entry of a template)
        lines.append(f'{prefix}msgstr ""')
    else:
        _wrap(prefix, "msgstr", entry.msgstr, wrap_width, lines, split=split)
    lines.append("")
    return "\n".join(lines)


def render_po(po: PoFile, *, width: int = 79) -> str:
    """The text of ``po``: entries with :attr:`Entry.raw` byte for byte, the rest as msgcat would.

    An obsolete entry without translation is left out (msgcat does the same). Entries are written
    in the given order; put obsolete entries last (as :func:`glossari.catalog.merge.merge` does)
    for a file that is a fixed point of msgcat.
    """
    parts: list[str] = []
    ends_with_newline = True
    first = True
    crlf = po.newline == "\r\n"
    wrap: bool | None = None  # asked of the file once, at its first entry rendered anew
    split = True
    page = width
    for entry in ((po.header,) if po.header is not None else ()) + po.entries:
        if entry.raw is not None:
            text = entry.raw
            if not first and not ends_with_newline:
                parts.append(po.newline)
        else:
            if entry.obsolete and not entry.has_translation:
                continue
            if wrap is None:
                found = strings_width(po, width)
                wrap = found is not None
                split = wrap or strings_split(po)
                page = found or width  # an unwrapped file's references: msgcat's 79
            text = render_entry(entry, width=page, wrap=wrap, split=split)
            if not first:
                text = ("\n" if ends_with_newline else "\n\n") + text
            if crlf:  # strings hold their newlines escaped: every "\n" here ends a line
                text = text.replace("\n", "\r\n")
        parts.append(text)
        if text:
            ends_with_newline = text.endswith("\n")
        first = False
    if po.trailer:
        parts.append(po.trailer)
    return "".join(parts)


# A string line wider than msgcat's 79 columns with a space before a word inside it: msgcat
# would have broken it there, so the file was saved unwrapped. A `#|` or `#~|` line is one
# too (msgcat wraps the previous source as it wraps the message): a catalog whose messages are
# all short may hold a long previous msgid, its only evidence. (A long line without such a
# space is taken for no evidence, though msgcat may break some: a URL after a slash; a space
# before a closing bracket it never breaks. A file of prose always has the other kind.)
# Found by its characters, then measured in columns (a control character takes none).
_STRING_LINE = r'(?:#~\|? |#\| )?(?:msg[a-z_]*(?:\[\d+\])? )?"'
"""The start of a line holding a string (after ``^``): a keyword's, a continuation's, obsolete
(``#~``) or previous (``#|``, ``#~|``), up to its opening quote."""
_LONG_LINE = re.compile(rf'^(?=[^\r\n]{{80}}){_STRING_LINE}[^\r\n]*? \w[^\r\n]*', re.MULTILINE)
# The same for a line of wide (CJK) characters, which takes 80 columns from 40 characters and
# which msgcat breaks between its characters, with no space: asked of a file holding them only
_WIDE_CHAR = re.compile("[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                        "\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")
_WIDE_LINE = re.compile(rf'^{_STRING_LINE}[^\r\n]{{38,}}', re.MULTILINE)


def strings_width(po: PoFile, width: int = 79) -> int | None:
    """The width the strings of ``po`` are wrapped at, as ``msgcat --width=N`` wraps them, or
    None when they are kept whole (:attr:`PoFile.wrapped`, else read from the file's text):
    a catalog Weblate or ``msgcat --no-wrap`` saved keeps long strings on one line, and one
    Poedit saved with its line width set to 120 (or msgcat at ``--width=60``) wraps them
    there; an entry glossari writes anew into it (a reference moved, a translation imported)
    must come out the same way, not at 79 columns among them, to be rewrapped at the next
    save (churn, and wrap-only merge conflicts). ``width`` is the answer for a file that
    tells nothing (no string long enough to be broken): msgcat's 79.

    The width is read from the file's own lines: the widest line a string was broken after
    is the least it can be, each break the most (the line and the text up to the next break
    opportunity did not fit), and the width taken is the first of ``width``, the usual
    ones (80, 100, 120, ...) and then every other, at which msgcat's wrapping gives the
    file's most telling entries exactly their lines.
    """
    if po.wrapped is not None:
        return width if po.wrapped else None
    text = po.text_of_source
    if not text:
        return width
    entries = (*((po.header,) if po.header is not None else ()), *po.entries)
    if "no-wrap" in text:  # one search at C speed, not a loop over 20,000 entries
        # an entry's own `no-wrap` keeps its lines whole in a file msgcat wraps (a table row):
        # no evidence of the file's way, which its other entries tell
        entries = tuple(e for e in entries if e.raw is not None and "no-wrap" not in e.flags)
        text = "".join(e.raw for e in entries if e.raw is not None)
        # each entry's first line in the text so joined
        lines = itertools.accumulate((e.raw.count("\n") for e in entries if e.raw is not None),
                                     initial=1)
        starts = list(lines)[:-1]
    else:
        starts = [e.line for e in entries if e.raw is not None]
    # a sample is enough (a file is wrapped one way): a few hundred lines, not 20,000 entries
    long = list(itertools.islice(((line.start(), line.group())
                                  for line in _LONG_LINE.finditer(text)
                                  if _breakable(line.group())), _SAMPLE))
    if not long and not (text.isascii() or _WIDE_CHAR.search(text) is None):
        # CJK text has no space to break at, and msgcat breaks between its characters: its
        # long lines are read only in a file that holds some
        long = list(itertools.islice(((line.start(), line.group())
                                      for line in _WIDE_LINE.finditer(text)
                                      if _breakable(line.group())), _SAMPLE))
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # the same lines: a long line's number stays
    breaks = _broken_lines(text)
    if not breaks:
        # nothing broken: a file of short strings (any width) or one kept whole
        return None if long else width
    measured = [(_columns(line), following, at) for at, line, following in breaks]
    # at most: the line and the next line's text did not fit (msgcat breaks it sooner)
    high = min(size + _columns(following) - following.find('"') - 3
               for size, following, _ in measured)
    kept = [e for e in entries if e.raw is not None]
    owners = _entries_at(text, [at for _, _, at in measured], starts)
    broken = set(owners)
    # a long line is evidence against a width it exceeds: its entry was kept whole there (or
    # typed so by hand). The file's way is what most of its entries say: one translation typed
    # on one 104-column line in a file wrapped at 79 is the exception, as is one entry a
    # wrapping tool rewrote in a file kept whole; an entry holding both says neither
    whole = sorted(zip((_columns(line.rstrip("\r")) for _, line in long),
                       _entries_at(text, [at for at, _ in long], starts), strict=True))
    low = max(size for size, _, _ in measured)
    # the most telling breaks, to check a width against: those leaving the least room above
    bounds = sorted((size + _columns(_first_chunk(following)), i)
                    for (size, following, _), i in zip(measured, owners, strict=True))
    candidates: dict[int, None] = dict.fromkeys(
        n for n in (width, *_USUAL_WIDTHS, *range(low, min(high, low + 60) + 1))
        if low <= n <= high)
    for candidate in candidates:
        wider = {i for size, i in whole if size > candidate}
        if len(broken - wider) <= len(wider - broken):
            continue  # most entries say otherwise: a wider width, or none
        witnesses = list(dict.fromkeys(i for _, i in bounds if i >= 0 and i not in wider))[:12]
        if all(_string_lines(render_entry(replace(kept[i], raw=None), width=candidate))
               == _string_lines(kept[i].raw or "") for i in witnesses):
            return candidate
    # no width gives those lines as msgcat would (another tool's wrapping), or most entries'
    # lines are wider than any: as before, wrapped at msgcat's width unless a line too long
    # for it says the file is kept whole
    return None if long else width


def _entries_at(text: str, offsets: list[int], starts: list[int]) -> list[int]:
    """The index in ``starts`` (the first line of each entry, ascending) of the entry holding
    each of ``offsets`` into ``text``, in the order given (-1 before the first): each line
    counted once however many offsets there are, as a file of 20,000 entries needs."""
    lines: dict[int, int] = {}
    line, previous = 1, 0
    for at in sorted(set(offsets)):
        line += text.count("\n", previous, at)
        previous = at
        lines[at] = line
    return [bisect.bisect_right(starts, lines[at]) - 1 for at in offsets]


_USUAL_WIDTHS = (80, 100, 120, 72, 76, 78, 70, 60, 132, 140, 150, 160, 200, 50, 40)
"""Line widths people set (Poedit's, an editor's), tried before the others."""

_SAMPLE = 400
"""How many long lines and broken lines :func:`strings_width` reads, at most."""


def _broken_lines(text: str) -> list[tuple[int, str, str]]:
    """(offset, line, next line) of the first :data:`_SAMPLE` string lines of ``text`` (LF
    line ends) that wrapping broke: their text does not end in ``\\n`` and a continuation
    line follows (``msgid ""`` before the text of a wrapped string is no break). Found by
    ``str.find``, at C speed: a file saved whole has none, and is read to its end."""
    found: list[tuple[int, str, str]] = []
    at = text.find('"\n"')
    while at >= 0 and len(found) < _SAMPLE:
        start = text.rfind("\n", 0, at) + 1
        line = text[start:at + 1]
        end = text.find("\n", at + 2)
        if not (line.endswith(('\\n"', ' ""')) or line == '""'):
            found.append((start, line, text[at + 2:end if end >= 0 else len(text)]))
        at = text.find('"\n"', at + 2)
    return found


def _columns(line: str) -> int:
    """:func:`~glossari.catalog.linebreak.columns`, at C speed for printable ASCII."""
    return len(line) if line.isascii() and line.isprintable() else columns(line)


def _first_chunk(line: str) -> str:
    """The text of a continuation ``line`` up to its first space, included: about what would
    have had to fit on the line before it (to rank the breaks, not to bound the width)."""
    match = re.match(r'[^"]*"([^ "]*[ ]?)', line)
    return match.group(1) if match is not None else line


def _string_lines(text: str) -> list[str]:
    return [line for line in text.replace("\r\n", "\n").split("\n")
            if re.match(_STRING_LINE, line)]


# A string line holding a newline escape with more text after it: msgcat, wrapped or not,
# ends a line after every `\n`; a writer with no wrapping at all (Weblate's "No line
# wrapping", translate-toolkit's width -1) keeps each string on one line, newlines and all.
_MIDLINE_NEWLINE = re.compile(
    rf'^{_STRING_LINE}(?:[^"\\\r\n]|\\[^\r\n])*?\\n(?:[^"\\\r\n]|\\[^\r\n])+"', re.MULTILINE)


def strings_split(po: PoFile) -> bool:
    """Whether the strings of ``po``, a catalog saved unwrapped (:func:`strings_width` is
    None), are split into lines after each ``\\n``, as ``msgcat --no-wrap`` writes them: a
    catalog Weblate saved with "No line wrapping" keeps ``msgstr "a\\nb"`` on one line, and an
    entry glossari writes anew into it (a paragraph whose Markdown lines are kept as newlines)
    must be written so too, or Weblate joins its lines again at its next save.

    >>> split = parse_po('msgid ""\\nmsgstr "Content-Type: text/plain; charset=UTF-8\\\\n"\\n'
    ...                  '\\nmsgid "a\\\\nb"\\nmsgstr "c\\\\nd"\\n', source="x.po")
    >>> strings_split(split)
    False
    """
    text = po.text_of_source
    return not text or "\\n" not in text or _MIDLINE_NEWLINE.search(text) is None


_RESTART = re.compile("[\x85\u2028\u2029]")
"""Where msgcat's column count starts again (libunistring reads a line break there)."""


def _breakable(line: str) -> bool:
    """Whether msgcat, wrapping at 79 columns, would have broken ``line``: a stretch of it
    between column restarts is wider, and its string may break inside it (a space before a
    word; also between two CJK characters, which need no space)."""
    if len(line) + (len(line.encode("utf-8")) - len(line)) // 2 <= 79:
        # at most that many columns (a character of three bytes or more takes two at most):
        # every line of a catalog wrapped at 79, CJK included, measured at C speed
        return False
    start, end = line.find('"') + 1, line.rfind('"')
    at = 0
    for part in _RESTART.split(line):
        low, high = max(at, start), min(at + len(part), end)
        at += len(part) + 1
        if columns(part) > 79 and low < high and (
                re.search(r" \w", part) is not None or _breaks_inside(line[low:high])):
            return True
    return False


def _breaks_inside(escaped: str) -> bool:
    """Whether libunistring may break the escaped string text ``escaped`` after its start (no
    break inside an escape sequence, nor before a final ``\\n``): by the project's own
    line breaking rules (:func:`~glossari.catalog.linebreak.possible_linebreaks`)."""
    data = escaped.encode("utf-8")
    final_newline = escaped.endswith("\\n") and not escaped.endswith("\\\\n")
    overrides = _overrides(escaped, data, final_newline)
    marks = possible_linebreaks(escaped)
    return any(mark == POSSIBLE and not overrides[index]
               for index, mark in enumerate(marks) if index > 0)


# --------------------------------------------------------------------------------------------
# Files


def decode_po(data: bytes, *, source: str) -> str:
    """Decode the bytes of a PO file with the charset its header declares, read as GNU reads it.

    See :func:`glossari.catalog.charset.decode_catalog`: the one charset decision.
    """
    return decode_catalog(data, source=source)


def load_po(path: Path, *, source: str | None = None, gnu_controls: bool = False) -> PoFile:
    """Read and parse a PO/POT file; errors name ``source`` (default: the path);
    ``gnu_controls``: a third party's catalog, read as :func:`parse_po` says."""
    return read_po(path, source=source, gnu_controls=gnu_controls)[1]


def read_po(path: Path, *, source: str | None = None,
            gnu_controls: bool = False) -> tuple[bytes, PoFile]:
    """The bytes of a PO/POT file as read, and the file parsed (:func:`load_po`): for a writer
    that must tell later whether the file changed under it (an editor's save)."""
    name = source if source is not None else str(path)
    data = read_catalog_bytes(path, source=name)
    return data, parse_po(decode_po(data, source=name), source=name, gnu_controls=gnu_controls)


def read_third_party_po(path: Path, *, source: str | None = None) -> tuple[PoFile, int | None]:
    """A third party's catalog, which the caller reads and never writes (``termcheck``): parsed
    as :func:`load_po` parses it with ``gnu_controls``, a byte its charset does not decode in a
    comment read as U+FFFD (:func:`~glossari.catalog.charset.decode_read_only_catalog`: msgfmt
    compiles such a file), and the line of the first such comment, for a warning, or None."""
    name = source if source is not None else str(path)
    data = read_catalog_bytes(path, source=name)
    text, unread = decode_read_only_catalog(data, source=name)
    return parse_po(text, source=name, gnu_controls=True), unread


def require_catalog_file(path: Path, *, source: str, what: str = "catalog",
                         hint: str | None = None) -> None:
    """:class:`CatalogError` naming ``source`` when ``path`` is a folder, a named pipe, a device
    or a socket rather than a regular file (``hint``: what to do, by default to put a file there
    or remove it); the ``OSError`` of a path that is not there at all, for the caller's words.

    A device or a pipe where a catalog goes (a link to ``/dev/zero`` in a cloned repository) is
    refused before it is opened: read whole, it took every byte of memory, or hung every
    command, CI's included."""
    import stat

    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise CatalogError(f"{file_kind(mode)}, not a {what} file", path=source,
                           hint=hint or f"put a {what} file there, or remove it")


def catalog_files(folder: Path, *, base: Path) -> list[Path]:
    """The catalogs in ``folder`` (:func:`is_catalog_name`), sorted: none when there is no such
    folder. A folder the user may not list (another
    user's ``locale/en/LC_MESSAGES``, mode 700) is refused, naming it relative to ``base``:
    ``Path.glob`` reads it as an empty one, and ``compile`` then wrote a termbase with no
    translation, ``check`` said there were no catalogs to check. The one lister of catalogs."""
    import os

    try:
        with os.scandir(folder) as listing:
            names = [entry.name for entry in listing if is_catalog_name(entry.name)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        from glossari.root import relative_name

        raise CatalogError(f"cannot read the folder: {error.strerror}",
                           path=relative_name(folder, base),
                           hint="check that you may read the folder and enter it") from None
    return sorted(folder / name for name in names)


def read_catalog_bytes(path: Path, *, source: str, what: str = "catalog") -> bytes:
    """The bytes of a catalog file (``.po``, ``.pot``, ``.mo``), or :class:`CatalogError`
    naming ``source``: the one reader of catalogs, which refuses what is no regular file
    (:func:`require_catalog_file`) before it is read."""
    try:
        require_catalog_file(path, source=source, what=what)
        return path.read_bytes()
    except OSError as error:
        raise CatalogError(f"cannot read the {what}: {error.strerror}", path=source,
                           hint="check the path") from None


def encode_po(po: PoFile, *, path: Path | str) -> bytes:
    """``po`` rendered as the UTF-8 bytes of its file, its header saying so: glossari writes
    UTF-8 only, and a catalog read in another charset (``ISO-8859-1``, ``CP1252``, ``ASCII``)
    has every charset mention of its header rewritten (:func:`utf8_header_msgstr`), by
    ``update``, ``import`` and ``align`` alike (the last two refused such a catalog, with a hint
    that made its bytes invalid). :class:`CatalogError` naming ``path`` for a catalog with no
    charset to rewrite or that holds a key twice (current or obsolete, or the header's): what
    glossari writes, GNU reads."""
    if po.header is not None:
        msgstr = utf8_header_msgstr(po.header.msgstr)
        if msgstr != po.header.msgstr:
            po = replace(po, header=po.header.with_changes(msgstr=msgstr))
    charset = po.charset
    if charset is None or charset.upper() != "UTF-8":
        raise CatalogError(
            f"glossari writes UTF-8 catalogs only (header says charset={charset})",
            path=str(path),
            line=po.header.line if po.header is not None else 0,
            hint="set charset=UTF-8 in the header's Content-Type",
        )
    seen: set[tuple[str | None, str]] = {po.header.key} if po.header is not None else set()
    for entry in po.entries:
        if entry.raw is None and entry.obsolete and not entry.has_translation:
            continue  # render_po leaves it out
        if entry.key in seen:
            # GNU refuses a duplicate definition (obsolete or not), and so would the next read
            raise CatalogError(
                f"glossari would write message {quoted(excerpt(entry.key[1]))} twice "
                f"({'obsolete' if entry.obsolete else 'current'} copy)",
                path=str(path),
                line=entry.line,
                hint="nothing was written; please report it with the command you ran",
            )
        seen.add(entry.key)
    return render_po(po).encode("utf-8")


def write_po(path: Path, po: PoFile) -> bool:
    """Write ``po`` atomically as UTF-8; False (and the file untouched) when the bytes are equal."""
    return atomic_write_bytes(path, encode_po(po, path=path))


def check_domain(po: PoFile, domain: str, *, source: str) -> None:
    """Raise :class:`CatalogError` when the header's ``X-Domain`` names another domain."""
    declared = po.header_fields().get("X-Domain")
    if declared is not None and declared != domain:
        raise CatalogError(
            f"this catalog is for domain {quoted(declared)}, not {quoted(domain)}",
            path=source,
            line=po.header.line if po.header is not None else 0,
            hint=f"use the catalog named {declared}.po, or fix X-Domain in its header",
        )
