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

__all__ = ["render_json"]


def render_json(rows: Sequence[Row]) -> str:
    """``rows`` as a JSON array (UTF-8 text, not ASCII-escaped, indented, ending in a newline)."""
    return json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2) + "\n"
