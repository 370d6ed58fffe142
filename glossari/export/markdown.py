"""The term table as a GitHub-flavoured Markdown pipe table.

Every cell reads back as the text it holds: ``|`` and the characters Markdown would take as
formatting (backslash, backtick, ``*``, ``_``, ``[``, ``]``, ``<``, ``>``, ``&``, ``~``) are
backslash-escaped, a line break becomes ``<br>``, control characters are dropped, and the
whitespace at either end of a value is trimmed (a table cell cannot show it anyway).

>>> from glossari.export.rows import Row
>>> row = Row(id="x", ms="A | B", en=None, kind="article", status="untranslated",
...           definition_ms="Satu\\nDua", source="seeds/x.md:1")
>>> print(render_markdown([row]), end="")
| Malay | English | Categories | Status | Malay definition | English definition | Source |
|---|---|---|---|---|---|---|
| A \\| B |  |  | untranslated | Satu<br>Dua |  | `seeds/x.md:1` |
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from glossari.export.rows import Row, language_name
from glossari.text import strip_controls

__all__ = ["escape_cell", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|])")
_NEWLINE = re.compile(r"\r\n?|\n")


def escape_cell(text: str) -> str:
    """``text`` as the content of one pipe-table cell that renders back to ``text``.

    >>> escape_cell("a|b\\\\c")
    'a\\\\|b\\\\\\\\c'
    """
    # Whitespace at the ends means nothing in a cell and readers trim different sets of it;
    # trimming all of it here makes every reader agree. One pass escapes backslashes and
    # pipes together, so that `\|` stays a backslash and a pipe.
    escaped = _SPECIAL.sub(r"\\\1", strip_controls(text).strip())
    return _NEWLINE.sub("<br>", escaped)


def render_markdown(rows: Sequence[Row], *, lang: str = "en") -> str:
    """``rows`` as a GFM pipe table; ``lang`` names the target-language columns."""
    other = language_name(lang)
    header = (
        "Malay",
        other,
        "Categories",
        "Status",
        "Malay definition",
        f"{other} definition",
        "Source",
    )
    lines = [_line(header), "|" + "---|" * len(header)]
    for row in rows:
        cells = (
            escape_cell(row.ms or ""),
            escape_cell(row.en or ""),
            escape_cell(", ".join(row.categories)),
            row.status,
            escape_cell(row.definition_ms or ""),
            escape_cell(row.definition_en or ""),
            _code(row.source),
        )
        lines.append(_line(cells))
    return "\n".join(lines) + "\n"


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _code(text: str) -> str:
    # A code span shows the path literally; only a pipe still needs its backslash there (GFM).
    clean = _NEWLINE.sub(" ", strip_controls(text)).replace("|", "\\|")
    if "`" not in clean:
        return f"`{clean}`"
    fence = "`" * (max(len(run) for run in re.findall("`+", clean)) + 1)
    return f"{fence} {clean} {fence}"
