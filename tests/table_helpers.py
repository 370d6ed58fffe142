"""Shared readers for the term-table tests: each format parsed back by an independent reader.

Not a test module (no ``test_`` prefix): the table tests import it.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from glossari.export.rows import Row

SAMPLE_ROWS: tuple[Row, ...] = (
    Row(
        id="accountexecutive",
        ms="Eksekutif akaun",
        en="Account executive",
        kind="article",
        status="translated",
        categories=("Kerjaya", "Perbankan"),
        definition_ms="Eksekutif akaun ialah pengurus.",
        definition_en="An account executive is a manager.",
        source="seeds/accountexecutive.md:1",
        links=("broker-dealer", "finra"),
    ),
    Row(
        id="broker-dealer",
        ms="peniaga broker",
        en="Broker dealer",
        kind="link",
        status="suggested",
        source="seeds/accountexecutive.md:30",
    ),
    Row(
        id="finra",
        ms=None,
        en=None,
        kind="link",
        status="untranslated",
        source="seeds/accountexecutive.md:30",
    ),
    Row(
        id="401k",
        ms='Pelan <script>document.title="pwned"</script> | "=1+1"',
        en="=HYPERLINK(\"http://x\")",
        kind="article",
        status="fuzzy",
        categories=("Persaraan",),
        definition_ms="Baris satu\nBaris dua & <b>tiga</b>\r\nempat `kod` *bintang* \\ garis",
        definition_en="-5 then @SUM(A1)",
        source="seeds/401k.md:1",
        links=("accountexecutive",),
    ),
)
"""Hand-built rows covering every kind, status and escaping hazard."""


def read_csv(text: str) -> list[list[str]]:
    """CSV text parsed back with the stdlib reader."""
    return list(csv.reader(io.StringIO(text, newline="")))


@dataclass
class HtmlCell:
    """One table cell of the HTML page: attributes and text content."""

    attrs: dict[str, str | None]
    text: str = ""


class HtmlPage(HTMLParser):
    """The page's header cells and body rows, as html.parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.header: list[str] = []
        self.rows: list[list[HtmlCell]] = []
        self.row_attrs: list[dict[str, str | None]] = []
        self.html_lang: str | None = None
        self.scripts = 0
        self._in_body = False
        self._cell: HtmlCell | None = None
        self._th: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        elif tag == "script":
            self.scripts += 1
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows.append([])
            self.row_attrs.append(dict(attrs))
        elif tag == "td" and self._in_body:
            self._cell = HtmlCell(attrs=dict(attrs))
            self.rows[-1].append(self._cell)
        elif tag == "th":
            self._th = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_body = False
        elif tag == "td":
            self._cell = None
        elif tag == "th" and self._th is not None:
            self.header.append("".join(self._th))
            self._th = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data
        elif self._th is not None:
            self._th.append(data)


def read_html(text: str) -> HtmlPage:
    """The HTML page parsed with the stdlib parser."""
    page = HtmlPage()
    page.feed(text)
    page.close()
    return page


def read_markdown_table(text: str) -> tuple[list[str], list[list[str]]]:
    """A GFM pipe table parsed by markdown-it-py: header texts and body cell texts.

    Fails (AssertionError) when a cell holds anything but plain text, code and ``<br>``, i.e.
    when some text was taken as Markdown formatting.
    """
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    assert [t.type for t in tokens].count("table_open") == 1, "not exactly one table"
    header: list[str] = []
    body: list[list[str]] = []
    section = None
    for token in tokens:
        if token.type in ("thead_open", "tbody_open"):
            section = token.type
        elif token.type == "tr_open" and section == "tbody_open":
            body.append([])
        elif token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type == "text" or child.type == "code_inline":
                    parts.append(child.content)
                elif child.type == "html_inline" and child.content == "<br>":
                    parts.append("\n")
                else:
                    raise AssertionError(f"markup in a cell: {child.type} {child.content!r}")
            cell = "".join(parts)
            (header if section == "thead_open" else body[-1]).append(cell)
    return header, body


def xml_root(text: str) -> ET.Element:
    """The TBX document parsed by the stdlib ElementTree (bytes, so the declaration is honoured)."""
    return ET.fromstring(text.encode("utf-8"))
