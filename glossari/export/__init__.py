"""Outputs for editors and publishers: term tables in several formats.

:func:`render_table` gives the rows of a glossary (:mod:`glossari.export.rows`) in one of
:data:`FORMATS`, as ``glossari table`` writes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossari.export.rows import Row

__all__ = ["FORMATS", "render_table"]

FORMATS: tuple[str, ...] = ("md", "csv", "html", "tbx", "json")
"""The table formats (``glossari table --format``)."""


def render_table(
    rows: list[Row],
    fmt: str,
    *,
    lang: str = "en",
    sort: str = "ms",
    tbx_version: str = "2008",
    weblate: bool = False,
    bom: bool = False,
) -> str:
    """``rows`` in format ``fmt`` (one of :data:`FORMATS`), as ``glossari table`` writes them."""
    from glossari import __version__

    generator = f"glossari {__version__}"
    if fmt == "csv":
        from glossari.export.csvtable import render_csv

        return render_csv(rows, weblate=weblate, bom=bom)
    if fmt == "html":
        from glossari.export.html import render_html

        return render_html(rows, lang=lang, sort="en" if sort == "en" else "ms",
                           generator=generator)
    if fmt == "tbx":
        from glossari.export.tbx import render_tbx

        return render_tbx(rows, lang=lang, version="3" if tbx_version == "3" else "2008",
                          generator=generator)
    if fmt == "json":
        from glossari.export.jsontable import render_json

        return render_json(rows)
    if fmt == "md":
        from glossari.export.markdown import render_markdown

        return render_markdown(rows, lang=lang)
    raise ValueError(f"unknown table format {fmt!r}")
