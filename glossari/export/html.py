"""The term table as one standalone HTML page: no network, works offline and without a server.

The rows are ordinary table rows, so the page reads (and prints) without JavaScript; a small
inline script adds the filter box (``?filter=word`` in the address pre-fills it) and sortable
columns. Every value is HTML-escaped, and a Content-Security-Policy allows only the page's own
inline style and script (by hash), so even a value that slipped through could neither run a
script nor load anything from the network.

>>> from glossari.export.rows import Row
>>> page = render_html([Row(id="x", ms="<b>Teks</b>", en=None, kind="article",
...                         status="untranslated", source="seeds/x.md:1")])
>>> '<td class="term" lang="ms" data-label="Malay">&lt;b&gt;Teks&lt;/b&gt;</td>' in page
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from glossari.catalog.languages import language_tag
from glossari.export.rows import STATUSES, Row, SortKey, language_direction, language_name
from glossari.text import strip_controls

__all__ = ["render_html"]

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def escape(text: str) -> str:
    """``text`` safe in HTML text and quoted attributes; a carriage return survives parsing.

    >>> escape('<a href="x">\\r')
    '&lt;a href=&quot;x&quot;&gt;&#13;'
    """
    # Parsers turn a literal CR into LF; the character reference keeps it.
    return html.escape(strip_controls(text), quote=True).replace("\r", "&#13;")


def render_html(
    rows: Sequence[Row],
    *,
    lang: str = "en",
    sort: SortKey = "ms",
    title: str | None = None,
    generator: str = "glossari",
) -> str:
    """``rows`` as a complete HTML page.

    ``lang`` is the target language (its code goes on the cells, its name on the headings);
    ``sort`` marks which column the rows arrive sorted by; ``title`` overrides the page title;
    ``generator`` names the program in the footer (no date, so the page is reproducible).
    """
    other = language_name(lang)
    heading = title or f"Malay\u2013{other} glossary"
    columns = (
        ("Malay", "ms"),
        (other, "en"),
        ("Categories", None),
        ("Status", None),
        ("Malay definition", None),
        (f"{other} definition", None),
        ("Source", None),
    )
    sorted_attr = ' aria-sort="ascending"'
    header = "\n".join(
        f'<th scope="col"{sorted_attr if key == sort else ""}>'
        f'<button type="button">{escape(label)}</button></th>'
        for label, key in columns
    )
    labels = [label for label, _ in columns]
    # a language written right to left (Arabic) is laid out so in its cells
    lang_attrs = f'lang="{escape(language_tag(lang))}"' + (  # BCP 47, as HTML wants
        ' dir="rtl"' if language_direction(lang) == "rtl" else "")
    body = "\n".join(_row(row, lang_attrs, labels) for row in rows)
    n = len(rows)
    values = {
        "title": escape(heading),
        "heading": escape(heading),
        "generator": escape(generator),
        "summary": escape(f"{n} {'term' if n == 1 else 'terms'}, Malay and {other}."),
        "count": f"{n} of {n} terms",
        "header": header,
        "rows": body,
    }
    template = _template()
    values["csp"] = _csp(template)
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def _row(row: Row, lang_attrs: str, labels: Sequence[str]) -> str:
    rank = STATUSES.index(row.status) + 1
    cells = (
        f'<td class="term" lang="ms" data-label="{escape(labels[0])}">{escape(row.ms or "")}</td>',
        f'<td class="en" {lang_attrs} data-label="{escape(labels[1])}">'
        f"{escape(row.en or '')}</td>",
        f'<td class="cats" lang="ms" data-label="{escape(labels[2])}">'
        f"{escape(', '.join(row.categories))}</td>",
        f'<td class="status" data-label="{escape(labels[3])}" data-sort="{rank}">'
        f'<span class="badge status-{row.status}">{row.status}</span></td>',
        f'<td class="def" lang="ms" data-label="{escape(labels[4])}">'
        f"{escape(row.definition_ms or '')}</td>",
        f'<td class="def" {lang_attrs} data-label="{escape(labels[5])}">'
        f"{escape(row.definition_en or '')}</td>",
        f'<td class="source" data-label="{escape(labels[6])}">'
        f"<code>{_breakable(row.source)}</code></td>",
    )
    return (
        f'<tr id="term-{escape(row.id)}" data-id="{escape(row.id)}" class="kind-{row.kind}">'
        + "".join(cells)
        + "</tr>"
    )


def _breakable(path: str) -> str:
    # <wbr> lets a long path break after a slash or before the line number; the text is unchanged
    return escape(path).replace("/", "/<wbr>").replace(":", "<wbr>:")


@cache
def _template() -> str:
    return resources.files("glossari.export").joinpath("table.html").read_text(encoding="utf-8")


def _csp(template: str) -> str:
    # Only the template's own inline style and script may run; nothing may be fetched.
    def digest(tag: str) -> str:
        match = re.search(rf"<{tag}>(.*?)</{tag}>", template, re.DOTALL)
        assert match is not None, f"table.html lost its <{tag}>"
        sha = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(sha).decode('ascii')}'"

    return (
        f"default-src 'none'; style-src {digest('style')}; script-src {digest('script')}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
