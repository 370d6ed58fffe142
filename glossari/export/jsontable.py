"""The term table as JSON: a list of objects with exactly the contract's keys.

>>> from glossari.export.rows import Row
>>> print(render_json([Row(id="x", ms="Teks", en=None, kind="article", status="untranslated",
...                        source="seeds/x.md:1")]), end="")
[
  {
    "id": "x",
    "ms": "Teks",
    "en": null,
    "kind": "article",
    "status": "untranslated",
    "categories": [],
    "definition_ms": null,
    "definition_en": null,
    "source": "seeds/x.md:1"
  }
]
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from glossari.export.rows import Row
from glossari.text import strip_controls

__all__ = ["render_json"]


def render_json(rows: Sequence[Row]) -> str:
    """``rows`` as a JSON array (UTF-8 text, not ASCII-escaped, indented, ending in a newline).

    Control characters are stripped from every text (:func:`glossari.text.strip_controls`): JSON
    would escape C0 ones, but DEL and C1 pass raw, and a consumer printing a value runs them.

    >>> render_json([Row(id="x", ms="a\\x00\\x7f\\x9bb", en=None, kind="article",
    ...                  status="untranslated", source="seeds/x.md:1")]).count("ab")
    1
    """
    return json.dumps([_clean(row.as_json()) for row in rows], ensure_ascii=False,
                      indent=2) + "\n"


def _clean(value: object) -> object:
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value
