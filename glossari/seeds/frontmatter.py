"""Front matter: the YAML block between ``---`` fences, read as the strings the author wrote.

python-frontmatter's ``loads`` strips the text (so line numbers are lost) and reads YAML 1.1
(``012`` becomes 10, ``yes`` becomes True, a key ``no:`` becomes False), so it is not used: the
fences are found with the same pattern as its ``YAMLHandler`` (a line of three or more dashes),
and the block is read with PyYAML's ``BaseLoader``, which resolves no implicit types: every scalar
stays the string written. Lines come from YAML's own node marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import yaml

from glossari.errors import SeedError
from glossari.text import first_control, has_visible_text

__all__ = [
    "YAML_NULLS", "FrontMatter", "is_fence", "missing_front_matter", "plain_is_text",
    "split_front_matter",
]

# Jekyll's and python-frontmatter's fence: a line of three or more dashes (trailing blanks allowed)
_FENCE = re.compile(r"^-{3,}\s*$", re.MULTILINE)


def is_fence(line: str) -> bool:
    """True for a line that opens or closes front matter: three or more dashes (the one rule,
    for the reader and for ``render``, which edits the values between the fences).

    >>> is_fence("---"), is_fence("-----  "), is_fence("- Satu"), is_fence("--")
    (True, True, False, False)
    """
    return _FENCE.fullmatch(line) is not None


_LINE_SEPARATOR = re.compile("[\u2028\u2029]")
# `...` ends a YAML document; anything but blank lines and comments after it would be dropped
_AFTER_DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*[ \t]*[^\s#]",
                                 re.MULTILINE)
# libyaml's parser when PyYAML has it (its wheels do): ten times faster than the pure one.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass(frozen=True, slots=True, kw_only=True)
class FrontMatter:
    """The front matter of one article and where its body starts."""

    fields: tuple[tuple[str, str | tuple[str, ...]], ...]
    """Key and value in file order; a YAML list becomes a tuple of strings."""
    lines: tuple[tuple[str, int], ...]
    """Key and the 1-based line of its value."""
    body: str
    """The text after the closing fence."""
    body_offset: int
    """How many source lines precede ``body``'s first line: body line ``i`` (0-based) is source
    line ``i + body_offset + 1``."""
    end_line: int
    """1-based line of the closing fence (0 when there is no front matter)."""
    split_numbers: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
    """(key, line, the items) of each number YAML split at its thousands separator
    in a flow list: ``aliases: [Had RM1,000]`` is the two items ``Had RM1`` and ``000`` (a comma
    ends a plain scalar in a flow list), though ``Had RM1,000`` was meant."""


def split_front_matter(text: str, *, source: str) -> FrontMatter:
    """Split ``text`` into front matter and body, keeping every value as written.

    >>> fm = split_front_matter("---\\ntitle: yes\\nno: 012\\n---\\nBody\\n", source="x.md")
    >>> fm.fields
    (('title', 'yes'), ('no', '012'))
    >>> fm.lines, fm.body_offset, fm.body
    ((('title', 2), ('no', 3)), 3, '\\nBody\\n')
    """
    opening = _FENCE.match(text)
    if opening is None:
        return FrontMatter(fields=(), lines=(), body=text, body_offset=0, end_line=0)
    closing = _FENCE.search(text, opening.end())
    if closing is None:
        raise SeedError(
            "the front matter opened by '---' on line 1 is never closed",
            path=source, line=1, hint="add a line '---' after the last front-matter key",
        )
    block_start = opening.end()
    block = text[block_start:closing.start()]
    first_line = text.count("\n", 0, block_start)  # source lines (0-based) before the block
    splits: list[tuple[str, int, tuple[str, ...]]] = []
    fields, lines = _read_mapping(block, source=source, line_offset=first_line, splits=splits)
    body_start = closing.end()
    return FrontMatter(
        fields=fields,
        lines=lines,
        split_numbers=tuple(splits),
        body=text[body_start:],
        body_offset=text.count("\n", 0, body_start),
        end_line=text.count("\n", 0, closing.start()) + 1,
    )


# A fence that does not open the file (blank lines above it), and Hugo's TOML fence
_LATE_FENCE = re.compile(r"\A(?:[ \t]*\n)+[ \t]*(-{3,})[ \t]*$", re.MULTILINE)
_TOML_FENCE = re.compile(r"\A\+{3}[ \t]*$", re.MULTILINE)


def missing_front_matter(text: str, *, source: str) -> SeedError:
    """The error for an article whose text has no front matter (so no title), saying why when
    the author did write one that cannot be read: ``---`` below blank lines, or TOML's ``+++``.

    >>> print(missing_front_matter("\\n---\\ntitle: Kos\\n---\\n", source="kos.md"))
    kos.md:2: the front matter does not start on line 1 ('---' on line 2); delete the 1 line \
above '---' (front matter must open the file)
    """
    late = _LATE_FENCE.match(text)
    if late is not None:
        line = text.count("\n", 0, late.start(1)) + 1
        return SeedError(
            f"the front matter does not start on line 1 ('---' on line {line})",
            path=source, line=line,
            hint=f"delete the {line - 1} line{'s' if line > 2 else ''} above '---' "
            "(front matter must open the file)",
        )
    if _TOML_FENCE.match(text):
        return SeedError(
            "TOML front matter ('+++') is not read", path=source, line=1,
            hint="write it as YAML between '---' lines: 'title: <Malay headword>'",
        )
    return SeedError("the article has no title (it has no front matter)", path=source, line=1,
                     hint="add 'title: <Malay headword>' between two '---' lines at the top "
                     "of the file")


def _read_mapping(
    block: str, *, source: str, line_offset: int,
    splits: list[tuple[str, int, tuple[str, ...]]] | None = None,
) -> tuple[tuple[tuple[str, str | tuple[str, ...]], ...], tuple[tuple[str, int], ...]]:
    def line_of(mark: object) -> int:
        # pure-Python and libyaml marks are different classes with the same .line
        return int(getattr(mark, "line", 0)) + line_offset + 1

    # YAML reads U+2028/U+2029 as line breaks: they would shift every line number after them and
    # split the value the author wrote on one line.
    separator = _LINE_SEPARATOR.search(block)
    if separator is not None:
        raise SeedError(
            f"a U+{ord(separator.group()):04X} line separator in the front matter",
            path=source, line=block.count("\n", 0, separator.start()) + line_offset + 1,
            hint="replace it with a space (or a real line break)",
        )
    after_end = _AFTER_DOCUMENT_END.search(block)
    if after_end is not None:
        raise SeedError(
            "YAML after the end of the front matter ('...' ends the document)",
            path=source, line=block.count("\n", 0, after_end.end()) + line_offset + 1,
            hint="remove the '...' line, or move these keys above it",
        )
    try:
        return _walk_events(yaml.parse(block, Loader=_LOADER), source=source, line_of=line_of,
                            splits=splits)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if error.context_mark is not None and "quoted scalar" in (error.context or ""):
            # YAML notices at the end of the block, or at the next quote: the author needs the
            # line where the value opened its quote (`description: "Unit amanah ...`)
            raise SeedError(
                "a quoted value in the front matter has no closing quote",
                path=source, line=line_of(error.context_mark),
                hint="end the value with the quote it starts with, or remove that quote",
            ) from None
        flow = re.search(r"flow (sequence|mapping)", error.context or "")
        if error.context_mark is not None and flow is not None and "nesting" not in problem:
            # `keywords: [Perbankan, Pasaran Modal` with no ']': YAML notices at the next key
            # or at the end of the block, a line whose text is fine; the author needs the line
            # that opened the bracket
            opening, closing = ("[", "]") if flow.group(1) == "sequence" else ("{", "}")
            raise SeedError(
                f"a '{opening}' in the front matter has no closing '{closing}'",
                path=source, line=line_of(error.context_mark),
                hint=f"close it with '{closing}' on the same line, or quote the value if the "
                f"'{opening}' is part of the text",
            ) from None
        if "nesting depth" in problem:  # libyaml stops at 1,000 levels, before we see them
            raise SeedError(
                "the front matter is a deeply nested structure",
                path=source, line=line_of(mark),
                hint="give each key a plain text value or a list of texts",
            ) from None
        raise SeedError(
            f"invalid YAML in the front matter: {problem}",
            path=source, line=line_of(mark),
            hint="fix the YAML syntax (quote values that contain ': ' or start with a symbol)",
        ) from None
    except yaml.reader.ReaderError as error:
        # a character YAML refuses anywhere (U+FFFE, U+FFFF, a raw C1 control): its message is
        # two lines and counts characters, so name it and its line here
        character = error.character if isinstance(error.character, int) else 0
        raise SeedError(
            f"the character U+{character:04X}, which YAML does not allow, in the front matter",
            path=source, line=block.count("\n", 0, max(error.position, 0)) + line_offset + 1,
            hint="delete it",
        ) from None
    except yaml.YAMLError as error:
        raise SeedError(f"invalid YAML in the front matter: {error}", path=source,
                        line=line_offset + 1, hint="fix the YAML syntax") from None


def _walk_events(
    events: Iterator[yaml.Event], *, source: str, line_of: Callable[[object], int],
    splits: list[tuple[str, int, tuple[str, ...]]] | None = None,
) -> tuple[tuple[tuple[str, str | tuple[str, ...]], ...], tuple[tuple[str, int], ...]]:
    # Front matter is a flat mapping of texts and lists of texts. Walking the parser's events
    # (instead of composing nodes) reads it in one pass, stops at the first nested structure
    # without recursion (thousands of '[' cannot exhaust the stack), and keeps each line.
    fields: list[tuple[str, str | tuple[str, ...]]] = []
    lines: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    stream = iter(events)
    for event in stream:
        if isinstance(event, yaml.StreamStartEvent | yaml.DocumentStartEvent):
            continue
        if isinstance(event, yaml.StreamEndEvent | yaml.DocumentEndEvent):
            break
        if not isinstance(event, yaml.MappingStartEvent):
            kind = "a list" if isinstance(event, yaml.SequenceStartEvent) else "a single value"
            raise SeedError(
                f"the front matter is {kind}, not a set of 'key: value' lines",
                path=source, line=line_of(event.start_mark),
                hint="write it as 'title: ...', 'description: ...', 'keywords: ...' lines",
            )
        for key_event in stream:
            if isinstance(key_event, yaml.MappingEndEvent):
                break
            line = line_of(key_event.start_mark)
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.tag not in (None, "!"):
                raise SeedError(
                    "a front-matter key is not a plain name",
                    path=source, line=line, hint="use simple keys such as 'title:'",
                )
            key = str(key_event.value)
            if not has_visible_text(key):
                # `'': x`, `" ": x` or `? : x` (YAML's empty key) named no field: it was kept
                # in the term's meta as a key named '' that nothing reads and render wrote back
                shown = "''" if not key else repr(key)
                raise SeedError(
                    f"a front-matter key is empty ({shown}: a value with no name)",
                    path=source, line=line,
                    hint="name the key ('title:', 'description:', 'keywords:') or remove the line",
                )
            # keys are read in any case ('Title:' is 'title:'), so two that differ only in case
            # are one key written twice
            folded = key.casefold()
            if folded in seen:
                raise SeedError(
                    f"the key '{key}' appears twice (first on line {seen[folded]})",
                    path=source, line=line, hint="keep one of the two",
                )
            seen[folded] = line
            value_event = next(stream)
            value_line = line_of(value_event.start_mark)
            value = _value(value_event, stream, key=key, source=source, line=line,
                           splits=splits, line_of=line_of)
            for text in (key, *((value,) if isinstance(value, str) else value)):
                _refuse_controls(text, source=source, line=value_line)
            lines.append((key, value_line))
            fields.append((key, value))
        break
    for event in stream:
        # `...` ends the YAML document; a second document after it would be silently dropped
        if not isinstance(event, yaml.DocumentEndEvent | yaml.DocumentStartEvent
                          | yaml.StreamEndEvent):
            raise SeedError(
                "YAML after the end of the front matter ('...' ends the document)",
                path=source, line=line_of(event.start_mark),
                hint="remove the '...' line, or move these keys above it",
            )
        if isinstance(event, yaml.DocumentStartEvent):
            raise SeedError(
                "a second YAML document in the front matter",
                path=source, line=line_of(event.start_mark),
                hint="keep one block of 'key: value' lines between the '---' fences",
            )
    return tuple(fields), tuple(lines)


def _split_number(before: yaml.ScalarEvent, after: yaml.ScalarEvent) -> bool:
    """Whether two plain items of a flow list are one number YAML split at its thousands
    separator: the first ends in a digit, the second starts with one, and only the comma that
    ended the first stands between them (``[Had RM1,000]``; ``[RM1, 000]`` is two items)."""
    plain = not before.style and not after.style  # libyaml writes "" for plain, PyYAML None
    touching = (getattr(after.start_mark, "index", -1)
                == getattr(before.end_mark, "index", -2) + 1)
    return (plain and touching and str(before.value)[-1:].isdigit()
            and str(after.value)[:1].isdigit())


def _refuse_controls(text: str, *, source: str, line: int) -> None:
    # checked on the decoded value: a YAML escape ("\e", "\0", "\x04", "\L") makes a control
    # character the raw bytes never held
    bad = first_control(text)
    if bad is not None:
        raise SeedError(
            f"control character U+{ord(bad.group()):04X} in a front-matter value "
            "(written as a YAML escape)",
            path=source, line=line, hint="delete the escape; articles hold only printable text",
        )


YAML_NULLS = frozenset({"~", "null", "Null", "NULL"})
"""YAML's null, written plain: the author saying "none" (``keywords: ~``), in YAML 1.1 and 1.2
alike. The reader reads it as no value; ``render`` quotes a translation spelled so."""

_RESOLVER = yaml.resolver.Resolver()


def plain_is_text(value: str) -> bool:
    """Whether ``value``, written as a plain YAML scalar, reads back as this text in other
    programs too: not null (:data:`YAML_NULLS`), nor a boolean, number or date, as a YAML 1.1
    loader (PyYAML, python-frontmatter, Jekyll) resolves ``yes``, ``Off``, ``012``, ``1e3`` or
    ``2024-01-31``. glossari's reader keeps those as text; ``render`` quotes them."""
    if value in YAML_NULLS:
        return False
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == _RESOLVER.DEFAULT_SCALAR_TAG)


def _scalar(event: yaml.ScalarEvent) -> str:
    # BaseLoader keeps `~` as the text '~'; quoted ('~') it is that text
    plain = event.implicit[0] and event.tag is None
    return "" if plain and event.value in YAML_NULLS else str(event.value)


def _alias(event: yaml.AliasEvent, *, source: str, line: int) -> SeedError:
    return SeedError(
        f"a YAML alias ('*{event.anchor}') in the front matter", path=source, line=line,
        hint="write the value out in full (aliases are not read)",
    )


_TEXT_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq"})
"""The tags a value may carry: none, the non-specific ``!``, and ``!!str`` (``!!seq`` for a
list): each says "text" (or "a list"), which is how every value is read."""


def _refuse_tag(event: yaml.Event, *, key: str, source: str, line: int) -> None:
    # a tag asks a loader for a typed value or an object (`!!binary`, `!!python/object:...`,
    # `!!timestamp`): read as text, `title: !!python/object:os.system 'rm -rf ~'` was the
    # headword "rm -rf ~", and `!!binary aGVsbG8=` the keyword "aGVsbG8=" where every other
    # YAML reader sees "hello" (or runs code)
    tag = getattr(event, "tag", None)
    if tag not in _TEXT_TAGS:
        shown = str(tag).replace("tag:yaml.org,2002:", "!!")
        raise SeedError(f"a YAML tag ('{shown}') on the value of '{key}'", path=source,
                        line=line, hint="remove the tag; every front-matter value is text")


def _value(
    event: yaml.Event, stream: Iterator[yaml.Event], *, key: str, source: str, line: int,
    splits: list[tuple[str, int, tuple[str, ...]]] | None = None,
    line_of: Callable[[object], int] | None = None,
) -> str | tuple[str, ...]:
    _refuse_tag(event, key=key, source=source, line=line)
    if isinstance(event, yaml.ScalarEvent):
        return _scalar(event)
    if isinstance(event, yaml.AliasEvent):
        raise _alias(event, source=source, line=line)
    if isinstance(event, yaml.SequenceStartEvent):
        items: list[str] = []
        previous: yaml.ScalarEvent | None = None
        chained = False
        for item in stream:
            if isinstance(item, yaml.SequenceEndEvent):
                return tuple(items)
            if isinstance(item, yaml.AliasEvent):
                raise _alias(item, source=source, line=line)
            if not isinstance(item, yaml.ScalarEvent):
                break
            _refuse_tag(item, key=key, source=source, line=line)
            if (splits is not None and previous is not None and event.flow_style
                    and _split_number(previous, item)):
                if chained:  # `2,500,000`: one number in three items
                    last_key, at, parts = splits.pop()
                    splits.append((last_key, at, (*parts, str(item.value))))
                else:
                    at = line_of(previous.start_mark) if line_of is not None else line
                    splits.append((key, at, (str(previous.value), str(item.value))))
                chained = True
            else:
                chained = False
            items.append(_scalar(item))
            previous = item
    raise SeedError(
        f"the value of '{key}' is a nested structure",
        path=source, line=line, hint="give it a plain text value or a list of texts",
    )
