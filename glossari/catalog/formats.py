"""Format strings in a catalog: whether a translation's directives agree with its source's.

A message flagged ``c-format``, ``python-format`` or ``python-brace-format`` is a format string:
the program fills its directives (``%d``, ``%(count)s``, ``{name}``) with its own arguments, so a
translation that names another argument, or gives one another type, prints garbage or crashes
the program (``%s`` reading an ``int`` as a pointer; ``{nama}`` a ``KeyError``). GNU ``msgfmt
--check`` refuses such a catalog; :func:`entry_problem` is glossari's answer, given by the
catalog reader (:mod:`glossari.catalog.pofile`) for every current, non-fuzzy, translated message.

The three readers are written from the public specifications only:

- ``c-format``: the C standard's ``printf`` conversion specification (flags, field width,
  precision, length modifier, conversion specifier) with POSIX's ``%n$`` and ``*m$`` argument
  numbers, POSIX's ``'`` flag, glibc's ``%m`` (no argument) and the ``<inttypes.h>`` macros
  gettext lets a C string hold (``%<PRId64>``);
- ``python-format``: Python's "printf-style String Formatting" (``%(name)s``, ``*``, ``%%``);
- ``python-brace-format``: Python's "Format String Syntax" (``{}``, ``{0}``,
  ``{name.attr[0]!r:>{width}}``, ``{{`` and ``}}``).

What "agree" means was measured against GNU ``msgfmt --check-format`` 0.21 as a black box
(``tests/test_formats.py``); docs/catalog-format.md lists where glossari's answer differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from glossari.text import excerpt

if TYPE_CHECKING:
    from collections.abc import Callable

    from glossari.catalog.pofile import Entry

__all__ = ["FORMAT_FLAGS", "Directives", "FormatMismatch", "blank_directives", "compare",
           "entry_problem", "loose_forms", "read"]

FORMAT_FLAGS = ("c-format", "python-format", "python-brace-format")
"""The flags whose strings glossari checks (``no-c-format`` and the other languages' are not)."""

_LANGUAGE = {"c-format": "C", "python-format": "Python", "python-brace-format": "Python brace"}


class _Invalid(Exception):
    """The string is no format string of its language; the message says why."""


def _number(digits: str) -> int:
    """An argument number as written (``2`` of ``%2$s``, ``{01}``): a number of ten digits or
    more names no argument a program passes (and Python converts no string of 4,300 digits)."""
    if len(digits.lstrip("0")) > 9:
        raise _Invalid(f"the argument number {excerpt(digits, 20)} is too large")
    return int(digits)


@dataclass(frozen=True, slots=True)
class Directives:
    """The arguments a format string takes.

    ``numbered``: C's and Python's positional arguments (1, 2, ...); otherwise by name (Python's
    mapping keys, brace fields). ``args`` maps each argument to its type (``""`` where the
    language has none, as brace fields) and ``written`` to the first directive naming it, as
    written."""

    numbered: bool
    args: dict[int | str, str]
    written: dict[int | str, str]
    spans: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    """Where each directive stands in the text (``start``, ``end``): a replacement field with
    the fields nested in it, ``%%`` too."""


@dataclass(frozen=True, slots=True)
class FormatMismatch:
    """What differs between a source and a translation: one line, and what to do."""

    message: str
    hint: str
    field: str = "msgstr"
    """The translation concerned: ``msgstr``, or ``msgstr[n]`` of a plural message."""


# --------------------------------------------------------------------------------------------
# C: printf


_C_DIRECTIVE = re.compile(
    r"%(?:(?P<num>[0-9]+)\$)?"
    r"(?P<flags>[-+ #0'I]*)"
    r"(?P<width>[0-9]+|\*(?:(?P<wnum>[0-9]+)\$)?)?"
    r"(?:\.(?P<prec>\*(?:(?P<pnum>[0-9]+)\$)?|[0-9]*))?"
    r"(?P<size>hh|h|ll|l|L|q|j|z|t)?(?P<more>[hlLqjzt]*)"
    r"(?P<conv><PRI[diouxX](?:LEAST|FAST)?(?:8|16|32|64)>|<PRI[diouxX](?:MAX|PTR)>|.)?",
    re.DOTALL,
)

_SIGNED = {"hh": "signed char", "h": "short", "": "int", "l": "long", "ll": "long long",
           "L": "long long", "q": "long long", "j": "intmax_t", "z": "ssize_t",
           "t": "ptrdiff_t"}
_UNSIGNED = {"hh": "unsigned char", "h": "unsigned short", "": "unsigned int",
             "l": "unsigned long", "ll": "unsigned long long", "L": "unsigned long long",
             "q": "unsigned long long", "j": "uintmax_t", "z": "size_t",
             "t": "unsigned ptrdiff_t"}
_LONG = frozenset({"l", "ll", "L", "q"})
_LONG_DOUBLE = frozenset({"ll", "L", "q"})  # l on a floating conversion changes nothing
_SIZES = frozenset({"h", "l", "L", "q", "j", "z", "t"})
_C_CONVERSIONS = frozenset("diouxXaAeEfFgGcCsSpnm")


def _c_type(size: str, conv: str) -> str | None:
    """The C type a conversion reads, or None for one that reads no argument (``%m``)."""
    if conv.startswith("<PRI"):
        signed, width = conv[4] in "di", conv[5:-1].lower()
        if width == "max":
            return "intmax_t" if signed else "uintmax_t"
        width = width.replace("least", "least_").replace("fast", "fast_")
        return f"{'' if signed else 'u'}int{width}_t"
    kinds = {"d": _SIGNED[size], "i": _SIGNED[size], "n": _SIGNED[size] + " *",
             "c": "wint_t" if size in _LONG else "int (a character)", "C": "wint_t",
             "s": "wchar_t *" if size in _LONG else "char *", "S": "wchar_t *",
             "p": "void *", "m": None}
    if conv in kinds:
        return kinds[conv]
    if conv in "ouxX":
        return _UNSIGNED[size]
    return "long double" if size in _LONG_DOUBLE else "double"  # aAeEfFgG


def _read_c(text: str, translation: bool = False) -> Directives:
    uses: list[tuple[int | None, str, str]] = []  # (number or None, type, directive)
    spans: list[tuple[int, int]] = []
    at = text.find("%")
    while at >= 0:
        found = _C_DIRECTIVE.match(text, at)
        assert found is not None
        spans.append((at, found.end()))
        conv, written = found["conv"], found.group()
        if not conv:
            raise _Invalid(f"the directive {excerpt(written)!r} is cut off at the end")
        if "I" in found["flags"] and not translation:
            # glibc's flag for the locale's own digits (%Id): a translation's choice
            raise _Invalid(f"{excerpt(written)!r} has glibc's I flag, which only a translation "
                           "may have")
        if len(conv) == 1 and conv not in _C_CONVERSIONS and conv != "%":
            raise _Invalid(f"{excerpt(written)!r} is no conversion (%d, %s, %f, ...)")
        num = _number(found["num"]) if found["num"] is not None else None
        for part, part_num in (("width", "wnum"), ("prec", "pnum")):
            if (found[part] or "")[:1] == "*":  # an int, before the value when unnumbered
                star = _number(found[part_num]) if found[part_num] is not None else None
                uses.append((num and -1 if star is None else star, "int", written))
        # two length modifiers (%hld, %lhd) or one before a macro (%l<PRId8>) are no C's: an
        # argument all the same, of a type glossari does not guess (msgfmt reads %hld as %ld)
        size = found["size"] or ""
        kind = None if conv in "%m" else "?" if found["more"] or (size and len(conv) > 1) \
            else _c_type(size, conv)
        if kind is not None or (conv == "m" and num is not None):
            uses.append((num, kind or "", written))  # %1$m: numbered, reads nothing
        at = text.find("%", found.end())
    return replace(_numbered(uses), spans=tuple(spans))


def _numbered(uses: list[tuple[int | None, str, str]]) -> Directives:
    """The arguments of C's directives: all numbered (``%2$s``) or none, numbers 1 to the
    highest each used, one type each."""
    numbered = {num is not None for num, kind, _ in uses if kind}
    if len(numbered) > 1 or -1 in {num for num, _, _ in uses}:
        raise _Invalid("numbered (%1$s) and unnumbered (%s) directives are mixed")
    args: dict[int | str, str] = {}
    written: dict[int | str, str] = {}
    count = 0
    for num, kind, directive in uses:
        if num is None:
            count += 1
            num = count
        if num == 0:
            raise _Invalid(f"{excerpt(directive)!r} numbers an argument 0 (the first is 1$)")
        if not kind:
            continue
        if num in args and args[num] != kind and "?" not in (args[num], kind):
            raise _Invalid(f"argument {num} is read as {args[num]} by "
                           f"{_shown(written[num])} and as {kind} by {_shown(directive)}")
        if args.get(num, "?") == "?":  # a known type over an unknown one (%hld)
            args[num], written[num] = kind, directive
    for expected in range(1, len(args) + 1):
        if expected not in args:
            raise _Invalid(f"argument {max(a for a in args if isinstance(a, int))} is used "
                           f"and argument {expected} is not")
    return Directives(True, args, written)


# --------------------------------------------------------------------------------------------
# Python: printf-style (%)


_PY_SPEC = re.compile(
    r"[-+ #0]*(?P<width>[0-9]+|\*)?(?:\.(?P<prec>\*|[0-9]*))?[hlL]?(?P<conv>.)?", re.DOTALL)
"""What follows ``%`` and its ``(key)``: flags, width, precision, length modifier (which Python
reads and ignores), conversion."""

_PY_TYPES = dict.fromkeys("diouxX", "integer") | dict.fromkeys("eEfFgG", "number") | {
    "c": "character", "s": "any", "r": "any", "a": "any"}


def _read_python(text: str, translation: bool = False) -> Directives:
    uses: list[tuple[str | None, str, str]] = []  # (mapping key or None, type, directive)
    spans: list[tuple[int, int]] = []
    at = text.find("%")
    while at >= 0:
        start, key = at, None
        at += 1
        if text.startswith("(", at):  # a key runs to its matching parenthesis, as in Python
            depth, end = 1, at + 1
            while depth:
                close = text.find(")", end)
                if close < 0:
                    raise _Invalid(f"the key of {excerpt(text[start:])!r} is never closed "
                                   "with )")
                depth += text.count("(", end, close) - 1
                end = close + 1
            key, at = text[at + 1:end - 1], end
        found = _PY_SPEC.match(text, at)
        assert found is not None
        conv, written, at = found["conv"], text[start:found.end()], found.end()
        spans.append((start, at))
        stars = [part for part in ("width", "prec") if found[part] == "*"]
        if not conv:
            raise _Invalid(f"the directive {excerpt(written)!r} is cut off at the end")
        if conv == "%":
            if key is not None or stars:  # Python refuses '%(n)%' % {"n": 1}
                raise _Invalid(f"{excerpt(written)!r} takes no argument (write %% for a %)")
        elif conv in _PY_TYPES:
            if key is not None and stars:
                raise _Invalid(f"{excerpt(written)!r} has both a key and a *")
            uses.extend((None, "integer", written) for _ in stars)
            uses.append((key, _PY_TYPES[conv], written))
        else:
            raise _Invalid(f"{excerpt(written)!r} is no conversion (%s, %d, %f, ...)")
        at = text.find("%", at)
    if len({key is None for key, _, _ in uses}) > 1:
        raise _Invalid("named (%(name)s) and unnamed (%s) directives are mixed")
    if not uses or uses[0][0] is None:
        return replace(_numbered([(None, kind, written) for _, kind, written in uses]),
                       spans=tuple(spans))
    args: dict[int | str, str] = {}
    first: dict[int | str, str] = {}
    for key, kind, written in uses:
        assert key is not None
        if args.setdefault(key, kind) != kind:
            raise _Invalid(f"the key {excerpt(key)!r} is read as {args[key]} by "
                           f"{_shown(first[key])} and as {kind} by {_shown(written)}")
        first.setdefault(key, written)
    return Directives(False, args, first, spans=tuple(spans))


# --------------------------------------------------------------------------------------------
# Python: str.format ({})


_FIELD = re.compile(r"(?P<arg>[^.\[!:{}]*)(?P<rest>(?:\.[^.\[!:{}]*|\[[^\]{}]*\])*)")
"""A field name: its argument, then attributes (``.name``) and items (``[key]``)."""
_IDENTIFIER = re.compile(r"[^\W\d]\w*")
_ACCESSOR = re.compile(r"\.[^\W\d]\w*|\[[^\]]+\]")
_BRACE = re.compile(r"[{}]")


def _read_brace(text: str, translation: bool = False) -> Directives:
    fields: list[tuple[str, str, str]] = []  # (argument, accessors, field as written)
    spans: list[tuple[int, int]] = []
    at, size = 0, len(text)
    while at < size:
        next_brace = _BRACE.search(text, at)
        if next_brace is None:
            break
        brace = next_brace.start()
        if text.startswith("{{", brace) or text.startswith("}}", brace):
            at = brace + 2
        elif text[brace] == "}":
            raise _Invalid("a } stands alone (write }} for a brace)")
        else:
            at = _brace_field(text, brace, fields, nested=False)
            spans.append((brace, at))
    automatic = {arg == "" for arg, _, _ in fields}
    if len(automatic) > 1:
        raise _Invalid("automatic ({}) and numbered or named ({0}, {name}) fields are mixed")
    args: dict[int | str, str] = {}
    first: dict[int | str, str] = {}
    for number, (arg, rest, written) in enumerate(fields):
        if arg == "":
            arg = str(number)  # {} {}: 0 and 1, nested fields counted in order
        # as Python reads it: {01} is {1}; {0.x} and {0[1]} are other values than {0}
        key: int | str = (_number(arg) if not rest else f"{_number(arg)}{rest}") \
            if arg.isascii() and arg.isdigit() else arg + rest
        args.setdefault(key, "")
        first.setdefault(key, written)
    return Directives(False, args, first, spans=tuple(spans))


def _brace_field(text: str, start: int, fields: list[tuple[str, str, str]], *,
                 nested: bool) -> int:
    """Read the replacement field opening at ``start`` into ``fields``; where it ends."""
    found = _FIELD.match(text, start + 1)
    assert found is not None
    arg, rest, at = found["arg"], found["rest"], found.end()
    if arg and not (arg.isdigit() and arg.isascii()) and not _IDENTIFIER.fullmatch(arg):
        raise _Invalid(f"{excerpt(text[start:at + 1])!r} names no argument (a number or "
                       "a name)")
    if _ACCESSOR.sub("", rest):
        raise _Invalid(f"{excerpt(text[start:at + 1])!r} reads no attribute (.name) or "
                       "item ([key]) of its argument")
    index = len(fields)
    fields.append((arg, rest, ""))
    if text.startswith("!", at):
        if text[at + 1:at + 2] not in ("r", "s", "a"):
            raise _Invalid(f"{excerpt(text[start:at + 2])!r} converts by none of !r, !s, !a")
        at += 2
    if text.startswith(":", at):
        at += 1
        while at < len(text) and text[at] != "}":
            if text[at] != "{":
                at += 1
            elif nested:
                raise _Invalid(f"{excerpt(text[start:])!r} nests fields twice")
            else:
                at = _brace_field(text, at, fields, nested=True)
    if not text.startswith("}", at):
        raise _Invalid(f"the field {excerpt(text[start:at + 1])!r} is never closed with }}")
    fields[index] = (arg, rest, text[start:at + 1])
    return at + 1


# --------------------------------------------------------------------------------------------
# Comparing


_READERS = {"c-format": _read_c, "python-format": _read_python,
            "python-brace-format": _read_brace}


def read(flag: str, text: str, *, translation: bool = False) -> Directives | str:
    """The directives of ``text`` read as the format ``flag`` names, or why it is none.

    >>> read("c-format", "%2$s: %1$d bon").args
    {2: 'char *', 1: 'int'}
    >>> read("python-format", "%(jumlah)d saham")
    Directives(numbered=False, args={'jumlah': 'integer'}, written={'jumlah': '%(jumlah)d'})
    >>> read("python-brace-format", "{nama} {")
    "the field '{' is never closed with }"
    """
    try:
        return _READERS[flag](text, translation)
    except _Invalid as why:
        return str(why)


def _arg_name(arg: int | str) -> str:
    return f"argument {arg}" if isinstance(arg, int) else f"argument {excerpt(arg, 40)!r}"


def compare(flag: str, source: str, translation: str, *, source_name: str = "msgid",
            name: str = "msgstr", may_drop: bool = False) -> FormatMismatch | None:
    """What differs between the directives of ``source`` and ``translation`` for the format
    ``flag``, or None when they agree, or when ``source`` is no format string of that
    language (a flag set by mistake: nothing to compare with, as ``msgfmt`` does).

    ``may_drop``: the translation may leave arguments out (a plural form of a language with
    two forms or more: *satu bon* for ``%d bon``), never add one; not a Python ``%`` string's
    unnamed arguments, which the ``%`` operator needs every one of.

    >>> compare("c-format", "%d bonds", "%s bon").message
    "c-format: argument 1 is int in msgid ('%d') and char * in msgstr ('%s')"
    >>> compare("python-brace-format", "{name}", "{nama}").message
    "python-brace-format: msgstr uses argument 'nama' ('{nama}'), which msgid does not have"
    """
    want = read(flag, source)
    if isinstance(want, str):
        return None
    got = read(flag, translation, translation=True)
    if isinstance(got, str):
        return FormatMismatch(
            f"{flag}: {name} is no {_LANGUAGE[flag]} format string, and {source_name} is one: "
            f"{got}",
            f"write the directives as {source_name} does, or take the {flag} flag off if the "
            "text is no format string", name)
    if want.args and got.args and want.numbered != got.numbered:
        return FormatMismatch(
            f"{flag}: {source_name} {_kind(want)} its arguments ({_first(want)}) and {name} "
            f"{_kind(got)} them ({_first(got)})",
            f"use the arguments of {source_name}, as it writes them", name)
    drop = may_drop and not (want.numbered and flag == "python-format")
    extra = [arg for arg in got.args if arg not in want.args]
    if extra and not (want.numbered and got.numbered):
        return FormatMismatch(
            f"{flag}: {name} uses {_arg_name(extra[0])} ({_shown(got.written[extra[0]])}), "
            f"which {source_name} does not have",
            "use only the arguments of the source: a name in a directive is the program's, "
            "not translated", name)
    for arg, kind in got.args.items():
        if arg in want.args and want.args[arg] != kind and "?" not in (want.args[arg], kind):
            return FormatMismatch(
                f"{flag}: {_arg_name(arg)} is {want.args[arg]} in {source_name} "
                f"({_shown(want.written[arg])}) and {kind} in {name} "
                f"({_shown(got.written[arg])})",
                f"convert it as {source_name} does ({_shown(want.written[arg])})", name)
    missing = [arg for arg in want.args if arg not in got.args]
    if extra or (missing and not drop and want.numbered and got.numbered):
        return FormatMismatch(
            f"{flag}: {source_name} takes {_count(len(want.args))} and {name} "
            f"{_count(len(got.args))}",
            f"use each argument of {source_name} (%1$s, %2$s, ... to change their order)"
            if flag == "c-format" else f"use each argument of {source_name}, in its order",
            name)
    if missing and not drop:
        return FormatMismatch(
            f"{flag}: {name} leaves out {_arg_name(missing[0])} of {source_name} "
            f"({_shown(want.written[missing[0]])})", "use every argument of the source", name)
    return None


def _kind(directives: Directives) -> str:
    return "numbers" if directives.numbered else "names"


def _first(directives: Directives) -> str:
    return _shown(next(iter(directives.written.values())))


def _shown(directive: str) -> str:
    """A directive as a message quotes it: one line, 60 characters at most."""
    return repr(excerpt(directive))


def _count(number: int) -> str:
    return f"{number} argument{'' if number == 1 else 's'}"


def entry_problem(entry: Entry, loose: frozenset[int] = frozenset()) -> FormatMismatch | None:
    """What differs between the directives of ``entry``'s source and its translation, for
    each format flag it carries (:data:`FORMAT_FLAGS`), or None. The caller skips fuzzy,
    obsolete and untranslated messages (``msgfmt`` compiles none of them).

    A plural message's forms are each compared with ``msgid_plural``, as ``msgfmt`` does; a
    form in ``loose`` (:func:`loose_forms`: one for a few numbers only) may leave arguments out
    (:func:`compare`'s ``may_drop``)."""
    for flag in _flags(entry.flags):
        if entry.msgid_plural is None:
            found = compare(flag, entry.msgid, entry.msgstr)
            if found is not None:
                return found
            continue
        for index, form in enumerate(entry.msgstr_plural):
            found = compare(flag, entry.msgid_plural, form, source_name="msgid_plural",
                            name=f"msgstr[{index}]", may_drop=index in loose)
            if found is not None:
                return found
    return None


FEW = 4
"""At most this many of the numbers 0 to :data:`SCANNED` make a plural form one for a few
numbers (measured on GNU ``msgfmt --check``: a form for 0 to 3 is one, for 0 to 4 is not)."""

SCANNED = 1000
"""The numbers a plural expression is asked for, 0 to this one (measured on ``msgfmt
--check``: a form for 996 to 1,000 counts five numbers, one for 997 to 1,001 four)."""


def loose_forms(plural_forms: str | None, nplurals: int | None) -> frozenset[int]:
    """The plural forms a translation may write without every argument: those the header's
    ``plural=`` expression gives to a few numbers only, :data:`FEW` at most of 0 to
    :data:`SCANNED` (form 0 of ``n != 1``, for 1; of ``n > 1``, for 0 and 1; of Czech's
    ``n>=2 && n<=4``, for 2, 3 and 4), where the number is in the words (*satu bon*, *one
    bond*). A form for every number ending in 1 (``n % 10 == 1``) must keep them all, and so
    must the one form of Malay's ``nplurals=1; plural=0;``. The rule is GNU ``msgfmt
    --check``'s, measured on it. An expression that does not parse gives none (the header
    check refuses it).

    >>> sorted(loose_forms("nplurals=2; plural=(n != 1);", 2))
    [0]
    >>> sorted(loose_forms("nplurals=2; plural=(n % 10 == 1 ? 0 : 1);", 2))
    []
    """
    import gettext
    from collections import Counter

    if plural_forms is None or not nplurals or nplurals < 2:
        return frozenset()
    fields = plural_forms.split(";")
    if len(fields) < 2 or "plural=" not in fields[1]:
        return frozenset()
    try:
        evaluate = gettext.c2py(fields[1].split("plural=", 1)[1])
        given = Counter(evaluate(n) for n in range(SCANNED + 1))
    except (ValueError, RecursionError, ArithmeticError):
        return frozenset()
    return frozenset(form for form in range(nplurals) if given[form] <= FEW)


def blank_directives(flags: tuple[str, ...], text: str,
                     keep: Callable[[str, int, int], bool] | None = None, *,
                     translation: bool = False) -> str:
    """``text`` with every directive of the formats ``flags`` declare blanked out (offsets
    kept), but those ``keep(text, start, end)`` keeps: ``{0[prime brokerage]}``,
    ``%(investment advisor)s`` and ``{fee:>{width}}`` name arguments, not terms (``termcheck``
    reads the rest). A text that is no format string of its flag keeps its directives.
    ``translation``: ``text`` is a translation, read as :func:`read` reads one.

    >>> blanked = blank_directives(("python-format",), "Ask %(investment advisor)s today")
    >>> blanked.split(), len(blanked)
    (['Ask', 'today'], 32)
    """
    for flag in _flags(flags):
        directives = read(flag, text, translation=translation)
        if isinstance(directives, str) or not directives.spans:
            continue
        pieces, last = [], 0
        for start, end in directives.spans:
            if keep is None or not keep(text, start, end):
                pieces += [text[last:start], " " * (end - start)]
                last = end
        text = "".join([*pieces, text[last:]])
    return text


def _flags(flags: tuple[str, ...]) -> list[str]:
    """The formats of :data:`FORMAT_FLAGS` that ``flags`` declare, as ``msgfmt`` reads them
    (measured): the last of ``c-format``, ``possible-c-format`` and ``no-c-format`` decides,
    and a word inside a quoted flag counts (``placeholders:"x, c-format, y"``: GNU parts a
    flag line at every comma and blank, quotes or not)."""
    words: list[str] = []
    for flag in flags:
        words.extend(re.split(r"[, \t\r\f\v\n]+", flag) if '"' in flag or "'" in flag
                     else [flag])
    said: dict[str, bool] = {}
    for word in words:
        for flag in FORMAT_FLAGS:
            if word in (flag, f"possible-{flag}", f"no-{flag}"):
                said[flag] = not word.startswith("no-")
    return [flag for flag in FORMAT_FLAGS if said.get(flag)]
