"""Front matter: the YAML block between ``---`` fences, read as the strings the author wrote.

python-frontmatter finds the fences (its ``YAMLHandler``), but its ``loads`` strips the text (so
line numbers are lost) and reads YAML 1.1 (``012`` becomes 10, ``yes`` becomes True, a key ``no:``
becomes False). So we keep its fence pattern, and read the block with PyYAML's ``BaseLoader``,
which resolves no implicit types: every scalar stays the string written. Lines come from YAML's
own node marks.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from frontmatter.default_handlers import YAMLHandler

from glossari.errors import SeedError

__all__ = ["FrontMatter", "split_front_matter"]

_FENCE = YAMLHandler.FM_BOUNDARY


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
    fields, lines = _read_mapping(block, source=source, line_offset=first_line)
    body_start = closing.end()
    return FrontMatter(
        fields=fields,
        lines=lines,
        body=text[body_start:],
        body_offset=text.count("\n", 0, body_start),
        end_line=text.count("\n", 0, closing.start()) + 1,
    )


def _read_mapping(
    block: str, *, source: str, line_offset: int
) -> tuple[tuple[tuple[str, str | tuple[str, ...]], ...], tuple[tuple[str, int], ...]]:
    def line_of(mark: yaml.Mark | None) -> int:
        return (mark.line if mark is not None else 0) + line_offset + 1

    try:
        node = yaml.compose(block, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise SeedError(
            f"invalid YAML in the front matter: {problem}",
            path=source, line=line_of(mark),
            hint="fix the YAML syntax (quote values that contain ': ' or start with a symbol)",
        ) from None
    except yaml.YAMLError as error:
        raise SeedError(f"invalid YAML in the front matter: {error}", path=source,
                        line=line_offset + 1, hint="fix the YAML syntax") from None
    if node is None:
        return (), ()
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        raise SeedError(
            f"the front matter is {kind}, not a set of 'key: value' lines",
            path=source, line=line_of(node.start_mark),
            hint="write it as 'title: ...', 'description: ...', 'keywords: ...' lines",
        )
    fields: list[tuple[str, str | tuple[str, ...]]] = []
    lines: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = line_of(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (
            "tag:yaml.org,2002:str", "!",
        ):
            raise SeedError(
                "a front-matter key is not a plain name",
                path=source, line=line, hint="use simple keys such as 'title:'",
            )
        key = str(key_node.value)
        if key in seen:
            raise SeedError(
                f"the key '{key}' appears twice (first on line {seen[key]})",
                path=source, line=line, hint="keep one of the two",
            )
        seen[key] = line
        fields.append((key, _value(value_node, key=key, source=source, line=line)))
        lines.append((key, line_of(value_node.start_mark)))
    return tuple(fields), tuple(lines)


def _value(node: yaml.Node, *, key: str, source: str, line: int) -> str | tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.SequenceNode) and all(
        isinstance(item, yaml.ScalarNode) for item in node.value
    ):
        return tuple(str(item.value) for item in node.value)
    raise SeedError(
        f"the value of '{key}' is a nested structure",
        path=source, line=line, hint="give it a plain text value or a list of texts",
    )
