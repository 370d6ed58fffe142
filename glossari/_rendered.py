"""The record ``glossari render`` keeps in its output folder, one home for its two readers:
``render`` (which never replaces what it did not write) and ``align`` (which must not take one
language's rendering for another's translations)."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["LANGUAGE", "RENDERED", "read_record", "rendered_language"]

RENDERED = ".glossari-rendered.json"
"""The record ``render`` keeps in its output folder: each file it wrote, by name, with the
SHA-256 of the bytes it wrote, so that it never replaces a file someone else wrote or edited;
and under :data:`LANGUAGE` the language it rendered."""

LANGUAGE = ".lang"
"""The record's key for the language the folder's renderings are in (no file is so named: the
renderings are ``*.md``)."""


def read_record(folder: Path) -> dict[str, str]:
    """The record of ``folder``; empty when there is none or it is damaged (every file there is
    then someone else's)."""
    try:
        found = json.loads((folder / RENDERED).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items()}


def rendered_language(folder: Path) -> str | None:
    """The language ``render`` last wrote ``folder``'s renderings in, or None (no record, or
    one from before the record named it)."""
    return read_record(folder).get(LANGUAGE)
