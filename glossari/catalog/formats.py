"""Format strings in translations, checked as GNU ``msgfmt --check`` checks them.

A message flagged ``c-format``, ``python-format`` or ``python-brace-format`` (or its
``possible-`` form) is a format string the program fills in: a translation whose directives do not
match its source's (``msgid "%d bonds"``, ``msgstr "%s bon"``) makes the program print garbage or
crash, and GNU ``msgfmt --check`` (``--check-format``) refuses the catalog. glossari refuses it
the same way, at the translation's line, with GNU's words and what to do (:func:`format_problem`,
called by the parser). The rules are gettext 0.21's (``format-c.c``, ``format-python.c``,
``format-python-brace.c``, ``format.c``):

- only a current, non-fuzzy message whose ``msgstr`` (``msgstr[0]``) is not empty is checked,
  against its ``msgid_plural`` when it has one; a source that is no valid format string of its
  language is not checked, a translation that is none is refused;
- the last flag of a language wins (``#, c-format, no-c-format`` is no c-format string);
- a singular message, or a plural one translated in ``msgstr[0]`` alone, must use the same
  arguments as its source; a plural form may use fewer when the catalog's plural rule gives it
  to few numbers (fewer than 5 of 0 to 1000, as ``n == 1`` gives ``msgstr[0]`` of English), or
  to at most one of its ``range:`` (``msgstr[0] "satu bon"`` for ``"%d bonds"``).

The other languages GNU knows (``java-format``, ``sh-format``, ``qt-format``, ``php-format``,
``objc-format``, ...) are not checked: the catalogs glossari reads, its own and the app catalogs
``termcheck`` reads, are C and Python programs'.

>>> format_problem(("c-format",), "%d bonds", None, ("%s bon",))
(0, "format specifications in 'msgid' and 'msgstr' for argument 1 are not the same")
>>> format_problem(("python-brace-format",), "{n} bonds", None, ("{n} bon",)) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["CHECKED", "format_problem", "plural_often"]

CHECKED = ("c", "python", "python-brace")
"""The format languages whose directives are checked (GNU's names, ``LANG-format``)."""


class _Invalid(Exception):
    """A string that is no valid format string of its language (the reason, in GNU's words)."""


def _digit(text: str, at: int) -> bool:
    return at < len(text) and "0" <= text[at] <= "9"


def _at(text: str, at: int) -> str:
    return text[at] if at < len(text) else ""


# --------------------------------------------------------------------------------------------
# C (format-c.c, format-c-parse.h)

_INTEGER, _DOUBLE, _CHAR, _STRING, _POINTER, _COUNT_POINTER = 1, 2, 3, 4, 6, 7
_UNSIGNED = 1 << 3
_SHORT, _SCHAR, _LONG, _LONGLONG = 1 << 4, 2 << 4, 1 << 6, 2 << 6
_INTMAX, _INTPTR, _SIZE, _PTRDIFF = 1 << 20, 1 << 21, 1 << 22, 1 << 23
_SIZED = {"": 0, "8": 1 << 8, "16": 1 << 9, "32": 1 << 10, "64": 1 << 11}
_LEAST = {"8": 1 << 12, "16": 1 << 13, "32": 1 << 14, "64": 1 << 15}
_FAST = {"8": 1 << 16, "16": 1 << 17, "32": 1 << 18, "64": 1 << 19}
_SIZE_MASK = (_SHORT | _SCHAR | _LONG | _LONGLONG | _INTMAX | _INTPTR | _SIZE | _PTRDIFF
              | sum(_SIZED.values()) | sum(_LEAST.values()) | sum(_FAST.values()))
_PRI = re.compile(r"PRI([diouxX])(MAX|PTR|LEAST(?:8|16|32|64)|FAST(?:8|16|32|64)|8|16|32|64)>")


def _c_arguments(text: str, translated: bool) -> list[int]:
    """The types of the arguments a C format string takes, in order (numbered ones sorted)."""
    unnumbered: list[int] = []
    numbered: list[tuple[int, int]] = []
    directives = 0

    def add(number: int, kind: int) -> None:
        if number:
            if unnumbered:
                raise _Invalid("The string refers to arguments both through absolute argument "
                               "numbers and through unnumbered argument specifications.")
            numbered.append((number, kind))
        else:
            if numbered:
                raise _Invalid("The string refers to arguments both through absolute argument "
                               "numbers and through unnumbered argument specifications.")
            unnumbered.append(kind)

    def argument_number(at: int) -> tuple[int, int]:
        """``(m, position after 'm$')`` for digits and ``$`` at ``at``, else ``(0, at)``."""
        end = at
        while _digit(text, end):
            end += 1
        if end > at and _at(text, end) == "$":
            number = int(text[at:end])
            if number == 0:
                raise _Invalid(f"In the directive number {directives}, the argument number 0 "
                               "is not a positive integer.")
            return number, end + 1
        return 0, at

    at = 0
    while at < len(text):
        if text[at] != "%":
            at += 1
            continue
        at += 1
        directives += 1
        number, at = argument_number(at)
        while _at(text, at) in (" ", "+", "-", "#", "0", "'") or (
                translated and _at(text, at) == "I"):
            if not _at(text, at):
                break
            at += 1
        for part in ("width", "precision"):
            if part == "precision":
                if _at(text, at) != ".":
                    break
                at += 1
            if _at(text, at) == "*":
                star, at = argument_number(at + 1)
                add(star, _INTEGER)
            else:
                while _digit(text, at):
                    at += 1
        kind = 0
        if _at(text, at) == "<":
            match = _PRI.match(text, at + 1)
            if match is None:
                raise _Invalid(f"In the directive number {directives}, the token after '<' is "
                               "not the name of a format specifier macro followed by '>'.")
            kind = _INTEGER | (0 if match.group(1) in "di" else _UNSIGNED)
            size = match.group(2)
            kind |= (_INTMAX if size == "MAX" else _INTPTR if size == "PTR"
                     else _LEAST[size[5:]] if size.startswith("LEAST")
                     else _FAST[size[4:]] if size.startswith("FAST") else _SIZED[size])
            at = match.end() - 1
        else:
            size = 0
            while _at(text, at) in ("h", "l", "L", "q", "j", "z", "Z", "t") and _at(text, at):
                char = text[at]
                if char == "h":
                    size = _SCHAR if size & (_SHORT | _SCHAR) else _SHORT
                elif char == "l":
                    size = _LONGLONG if size & (_LONG | _LONGLONG) else _LONG
                elif char in "Lq":
                    size = _LONGLONG
                elif char == "j":
                    size = _INTMAX
                elif char in "zZ":
                    size = _SIZE
                else:
                    size = _PTRDIFF
                at += 1
            char = _at(text, at)
            wide = _LONG if size & (_LONG | _LONGLONG) else 0
            if char in ("%", "m") and char:
                kind = 0
            elif char == "c":
                kind = _CHAR | wide
            elif char == "C":
                kind = _CHAR | _LONG
            elif char == "s":
                kind = _STRING | wide
            elif char == "S":
                kind = _STRING | _LONG
            elif char in ("i", "d") and char:
                kind = _INTEGER | (size & _SIZE_MASK)
            elif char in ("u", "o", "x", "X") and char:
                kind = _INTEGER | _UNSIGNED | (size & _SIZE_MASK)
            elif char in ("e", "E", "f", "F", "g", "G", "a", "A") and char:
                kind = _DOUBLE | (size & _LONGLONG)
            elif char == "p":
                kind = _POINTER
            elif char == "n":
                kind = _COUNT_POINTER | (size & _SIZE_MASK)
            elif not char:
                raise _Invalid("The string ends in the middle of a directive.")
            else:
                raise _Invalid(f"In the directive number {directives}, the character "
                               f"'{char}' is not a valid conversion specifier.")
        if kind:
            add(number, kind)
        at += 1
    if not numbered:
        return unnumbered
    merged: dict[int, int] = {}
    for number, kind in sorted(numbered):
        if merged.get(number, kind) != kind:
            raise _Invalid(f"The string refers to argument number {number} in incompatible "
                           "ways.")
        merged[number] = kind
    for expected, number in enumerate(sorted(merged), 1):
        if number != expected:
            raise _Invalid(f"The string refers to argument number {number} but ignores "
                           f"argument number {expected}.")
    return [merged[number] for number in sorted(merged)]


def _c_check(source: list[int], translation: list[int], strict: bool, names: tuple[str, str],
             ) -> str | None:
    msgid, msgstr = names
    if (len(source) != len(translation)) if strict else len(source) < len(translation):
        return f"number of format specifications in '{msgid}' and '{msgstr}' does not match"
    for index, kind in enumerate(translation):
        if source[index] != kind:
            return (f"format specifications in '{msgid}' and '{msgstr}' for argument "
                    f"{index + 1} are not the same")
    return None


# --------------------------------------------------------------------------------------------
# Python, printf style (format-python.c)

_NONE, _ANY, _PY_CHAR, _PY_STRING, _PY_INTEGER, _PY_FLOAT = range(6)
_MIXES = ("The string refers to arguments both through argument names and through unnamed "
          "argument specifications.")


def _python_arguments(text: str) -> tuple[dict[str, int], list[int]]:
    """The named arguments (name: type) and the unnamed ones (types, in order) of a
    ``%``-format string."""
    named: list[tuple[str, int]] = []
    unnamed: list[int] = []
    directives = 0
    at = 0
    while at < len(text):
        if text[at] != "%":
            at += 1
            continue
        at += 1
        directives += 1
        name: str | None = None
        zero_precision = False
        if _at(text, at) == "(":
            depth = 0
            start = at = at + 1
            while at < len(text):
                if text[at] == "(":
                    depth += 1
                elif text[at] == ")":
                    if depth == 0:
                        break
                    depth -= 1
                at += 1
            if at >= len(text):
                raise _Invalid("The string ends in the middle of a directive.")
            name = text[start:at]
            at += 1
        while _at(text, at) and _at(text, at) in "-+ #0":
            at += 1
        for part in ("width", "precision"):
            if part == "precision":
                if _at(text, at) != ".":
                    break
                at += 1
            if _at(text, at) == "*":
                at += 1
                if named:
                    raise _Invalid(_MIXES)
                unnamed.append(_PY_INTEGER)
            elif _digit(text, at):
                zero_precision = part == "precision"
                while _digit(text, at):
                    if text[at] != "0":
                        zero_precision = False
                    at += 1
        if _at(text, at) and _at(text, at) in "hlL":
            at += 1
        char = _at(text, at)
        if not char:
            raise _Invalid("The string ends in the middle of a directive.")
        if char == "%":
            kind = _NONE
        elif char == "c":
            kind = _PY_CHAR
        elif char in "sr":
            kind = _ANY if zero_precision else _PY_STRING
        elif char in "iduoxX":
            kind = _PY_INTEGER
        elif char in "eEfgG":
            kind = _PY_FLOAT
        else:
            raise _Invalid(f"In the directive number {directives}, the character '{char}' is "
                           "not a valid conversion specifier.")
        if name is not None:
            if unnamed:
                raise _Invalid(_MIXES)
            named.append((name, kind))
        elif char != "%":
            if named:
                raise _Invalid(_MIXES)
            unnamed.append(kind)
        at += 1
    types: dict[str, int] = {}
    for name, kind in named:
        seen = types.get(name)
        if seen is None or seen in (kind, _ANY):
            types[name] = kind
        elif kind != _ANY:
            raise _Invalid(f"The string refers to the argument named '{name}' in incompatible "
                           "ways.")
    return types, unnamed


def _python_check(source: tuple[dict[str, int], list[int]],
                  translation: tuple[dict[str, int], list[int]], strict: bool,
                  names: tuple[str, str]) -> str | None:
    msgid, msgstr = names
    (named1, unnamed1), (named2, unnamed2) = source, translation
    if named1 and unnamed2:
        return (f"format specifications in '{msgid}' expect a mapping, those in '{msgstr}' "
                "expect a tuple")
    if unnamed1 and named2:
        return (f"format specifications in '{msgid}' expect a tuple, those in '{msgstr}' "
                "expect a mapping")
    for name in sorted(set(named1) | set(named2)):
        if name not in named1:
            return (f"a format specification for argument '{name}', as in '{msgstr}', doesn't "
                    f"exist in '{msgid}'")
        if name not in named2:
            if strict:
                return f"a format specification for argument '{name}' doesn't exist in '{msgstr}'"
            continue
    for name in sorted(named2):
        one, two = named1[name], named2[name]
        if not (one == two or (not strict and _ANY in (one, two))):
            return (f"format specifications in '{msgid}' and '{msgstr}' for argument '{name}' "
                    "are not the same")
    if len(unnamed1) != len(unnamed2):
        return f"number of format specifications in '{msgid}' and '{msgstr}' does not match"
    for index, (one, two) in enumerate(zip(unnamed1, unnamed2, strict=True)):
        if not (one == two or (not strict and _ANY in (one, two))):
            return (f"format specifications in '{msgid}' and '{msgstr}' for argument "
                    f"{index + 1} are not the same")
    return None


# --------------------------------------------------------------------------------------------
# Python, str.format style (format-python-brace.c)

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"[0-9]+")


def _brace_arguments(text: str) -> set[str]:
    """The fields a ``str.format`` string names, as GNU names them: the whole text between the
    braces (``{0:>10}`` is another field than ``{0}``)."""
    names: set[str] = set()
    directives = 0

    def field(at: int) -> int | None:
        match = _IDENTIFIER.match(text, at) or _NUMBER.match(text, at)
        return None if match is None else match.end()

    def directive(at: int, toplevel: bool) -> int:
        """The position after the directive whose ``{`` is at ``at``."""
        nonlocal directives
        if _at(text, at + 1) == "{":
            return at + 2
        start = at + 1
        end = field(start)
        if end is None:
            raise _Invalid(f"In the directive number {directives}, '{_at(text, start)}' cannot "
                           "start a field name.")
        at = end
        while _at(text, at) in (".", "[") and _at(text, at):
            if text[at] == ".":
                match = _IDENTIFIER.match(text, at + 1)
                if match is None:
                    raise _Invalid(f"In the directive number {directives}, "
                                   f"'{_at(text, at + 1)}' cannot start a getattr argument.")
                at = match.end()
            else:
                end = field(at + 1)
                if end is None:
                    raise _Invalid(f"In the directive number {directives}, "
                                   f"'{_at(text, at + 1)}' cannot start a getitem argument.")
                if _at(text, end) != "]":
                    raise _Invalid("The string ends in the middle of a directive.")
                at = end + 1
        if _at(text, at) == ":":
            if not toplevel:
                raise _Invalid(f"In the directive number {directives}, no more nesting is "
                               "allowed in a format specifier.")
            at += 1
            if _at(text, at) == "{":
                at = directive(at, False)
            else:
                if _at(text, at + 1) and _at(text, at + 1) in "<>=^":
                    at += 2
                elif _at(text, at) and _at(text, at) in "<>=^":
                    at += 1
                for optional in ("+- ", "#", "0"):
                    if _at(text, at) and _at(text, at) in optional:
                        at += 1
                while _digit(text, at):
                    at += 1
                if _at(text, at) == ".":
                    at += 1
                    while _digit(text, at):
                        at += 1
                if _at(text, at) and _at(text, at) in "bcdoxXneEfFgG%":
                    at += 1
            if _at(text, at) != "}":
                raise _Invalid("The string ends in the middle of a directive.")
        if _at(text, at) != "}":
            raise _Invalid(f"In the directive number {directives}, there is an unterminated "
                           "format directive.")
        if toplevel:
            names.add(text[start:at])
            directives += 1
        return at + 1

    at = 0
    while at < len(text):
        at = directive(at, True) if text[at] == "{" else at + 1
    return names


def _brace_check(source: set[str], translation: set[str], strict: bool,
                 names: tuple[str, str]) -> str | None:
    if not strict:
        return None
    msgid, msgstr = names
    for name in sorted(source ^ translation):
        where = msgstr if name in source else msgid
        return f"a format specification for argument '{name}' doesn't exist in '{where}'"
    return None


# --------------------------------------------------------------------------------------------
# The check

_LANGUAGES: dict[str, tuple[Callable[[str, bool], Any],
                            Callable[[Any, Any, bool, tuple[str, str]], str | None], str]] = {
    "c": (_c_arguments, _c_check, "C"),
    "python": (lambda text, _: _python_arguments(text), _python_check, "Python"),
    "python-brace": (lambda text, _: _brace_arguments(text), _brace_check, "Python brace"),
}
"""Each language's parser (the text, whether it is a translation), checker and GNU's name."""
_RANGE = re.compile(r"range:\s*([0-9]+)\.\.([0-9]+)")


def checked_languages(flags: Sequence[str]) -> list[str]:
    """The format languages of :data:`CHECKED` that ``flags`` make a message's: the last flag
    naming a language wins, as GNU reads them (``c-format`` and ``possible-c-format`` are,
    ``no-c-format`` and ``impossible-c-format`` are not)."""
    decided: dict[str, bool] = {}
    for flag in flags:
        if not flag.endswith("-format"):
            continue
        name = flag[: -len("-format")]
        yes = True
        for prefix, meaning in (("no-", False), ("possible-", True), ("impossible-", False)):
            if name.startswith(prefix) and name[len(prefix):] in _LANGUAGES:
                name, yes = name[len(prefix):], meaning
                break
        if name in _LANGUAGES:
            decided[name] = yes
    return [name for name in CHECKED if decided.get(name)]


def plural_often(plural: Callable[[int], int] | None, nplurals: int | None,
                 ) -> list[bool] | None:
    """For each plural form, whether the catalog's rule gives it to many numbers (5 or more of
    0 to 1000), as GNU's ``check_plural_eval`` counts: such a form must use every argument of
    its source. None where GNU knows none (a rule of more than 100 forms)."""
    if plural is None or nplurals is None or nplurals > 100:
        return None
    counts = [0] * nplurals
    for n in range(1001):
        form = plural(n)
        if 0 <= form < nplurals:
            counts[form] += 1
    return [count >= 5 for count in counts]


def format_problem(flags: Sequence[str], source: str, source_plural: str | None,
                   translations: Sequence[str], *, often: Sequence[bool] | None = None,
                   plural: Callable[[int], int] | None = None) -> tuple[int, str] | None:
    """``(form, what is wrong)`` for the first translation whose format directives GNU
    ``msgfmt --check`` refuses, or None. ``source_plural``: the ``msgid_plural`` (the source
    checked against, when there is one); ``often``: :func:`plural_often` of the catalog's rule
    (None: no rule known), ``plural`` that rule, for a ``range:`` flag."""
    languages = checked_languages(flags)
    if not languages or not translations or not translations[0] or not source:
        return None
    many = len(translations) > 1
    span = next((m for m in map(_RANGE.match, flags)
                 if m is not None and int(m.group(1)) <= int(m.group(2))), None)
    for language in languages:
        parse, check, pretty = _LANGUAGES[language]
        try:
            wanted = parse(source_plural if source_plural is not None else source, False)
        except _Invalid:
            continue  # a source that is no format string of the language is not checked
        msgid = "msgid_plural" if source_plural is not None else "msgid"
        for index, text in enumerate(translations):
            msgstr = f"msgstr[{index}]" if source_plural is not None else "msgstr"
            try:
                given = parse(text, True)
            except _Invalid as reason:
                return index, (f"'{msgstr}' is not a valid {pretty} format string, unlike "
                               f"'{msgid}'. Reason: {reason}")
            strict = source_plural is None or not many or bool(
                often is not None and index < len(often) and often[index]
                and not (span is not None and plural is not None
                         and _numbers(plural, span, index) <= 1))
            problem = check(wanted, given, strict, (msgid, msgstr))
            if problem is not None:
                return index, problem
    return None


def _numbers(plural: Callable[[int], int], span: re.Match[str], form: int) -> int:
    """How many numbers of a ``range: MIN..MAX`` flag the plural rule gives ``form`` (at most
    1,001 of them counted, as GNU counts)."""
    low, high = int(span.group(1)), int(span.group(2))
    high = min(high, low + 1000)
    return sum(1 for n in range(low, high + 1) if plural(n) == form)
