"""Any term text survives into every table format, readable and escaped (hypothesis).

Each format is read back by an independent reader: the csv module, html.parser, ElementTree and
translate-toolkit, markdown-it-py, json. Control characters XML cannot carry are dropped from
the text formats (Markdown, HTML, TBX); CSV and JSON carry the text unchanged (CSV with formula
neutralisation).
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from table_helpers import read_csv, read_html, read_markdown_table, xml_root
from translate.storage import tbx

from glossari.export.csvtable import neutralise, render_csv, weblate_escape
from glossari.export.html import render_html
from glossari.export.jsontable import render_json
from glossari.export.markdown import render_markdown
from glossari.export.rows import STATUSES, Row
from glossari.export.tbx import render_tbx
from glossari.text import strip_controls

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_HAZARDS = [
    *"|\\\"'<>&=+-@\t\r\n`*_[]~#!{}",
    "\r\n",
    "\u2028",
    "\x85",
    "\x00",
    "\x1b",
    "\ufeff",
    "💰",
    "🇲🇾",
    "é",
    "e\u0301",
    "<script>",
    "</td>",
    "]]>",
    "&amp;",
    "{{rows}}",
    "=SUM(A1)",
    "<br>",
]
_CHARS = [h for h in _HAZARDS if len(h) == 1]
texts = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(_CHARS)), max_size=30
)
# Lists of hazards glued together hit the interesting combinations more often than characters.
texts = st.one_of(texts, st.lists(st.sampled_from([*_HAZARDS, "a", " "]), max_size=8).map("".join))
ids = st.from_regex(r"[a-z0-9][a-z0-9\-]{0,12}", fullmatch=True)


@st.composite
def rows(draw: st.DrawFn) -> list[Row]:
    """A few rows with unique ids and arbitrary text everywhere else."""
    row_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    result = []
    for row_id in row_ids:
        result.append(
            Row(
                id=row_id,
                ms=draw(st.none() | texts),
                en=draw(st.none() | texts),
                kind=draw(st.sampled_from(["article", "link"])),
                status=draw(st.sampled_from(STATUSES)),
                categories=tuple(draw(st.lists(texts, max_size=2))),
                definition_ms=draw(st.none() | texts),
                definition_en=draw(st.none() | texts),
                source=f"seeds/{row_id}.md:{draw(st.integers(1, 999))}",
                links=tuple(draw(st.lists(st.sampled_from(row_ids), max_size=2, unique=True))),
            )
        )
    return result


def _markdown_text(value: str) -> str:
    # What a reader gets back: controls dropped, line ends unified (each one a <br>), and the
    # whitespace at either end trimmed (the renderer trims it, since readers trim some).
    return re.sub(r"\r\n?", "\n", strip_controls(value).strip())


@PROPERTY
@given(rows())
def test_json_loads_to_the_same_values(table: list[Row]) -> None:
    # the same values, control characters (C0 but tab and line ends, DEL, C1) dropped (issue 18)
    def clean(value: object) -> object:
        if isinstance(value, str):
            return strip_controls(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        return {k: clean(v) for k, v in value.items()} if isinstance(value, dict) else value

    text = render_json(table)
    assert json.loads(text) == [clean(r.as_json()) for r in table]
    assert not re.search("[\x7f-\x9f]", text)


@PROPERTY
@given(rows(), st.booleans())
def test_csv_reads_back_neutralised(table: list[Row], bom: bool) -> None:
    text = render_csv(table, bom=bom)
    parsed = read_csv(text.removeprefix("\ufeff"))
    expected = [
        [
            r.id,
            r.ms or "",
            r.en or "",
            r.kind,
            r.status,
            "; ".join(r.categories),
            r.definition_ms or "",
            r.definition_en or "",
            r.source,
        ]
        for r in table
    ]
    assert parsed[1:] == [[neutralise(c) for c in cells] for cells in expected]
    for cells in parsed[1:]:
        assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)


@PROPERTY
@given(rows())
def test_csv_weblate_reads_back(table: list[Row]) -> None:
    parsed = read_csv(render_csv(table, weblate=True))
    kept = [r for r in table if r.ms is not None]
    assert [p[0] for p in parsed[1:]] == [weblate_escape(r.ms or "") for r in kept]
    assert [p[1] for p in parsed[1:]] == [weblate_escape(r.en or "") for r in kept]
    assert [p[2] for p in parsed[1:]] == [r.id for r in kept]


@PROPERTY
@given(rows())
def test_html_parses_to_the_same_text(table: list[Row]) -> None:
    text = render_html(table)
    page = read_html(text)
    assert page.scripts == 1
    assert [attrs["data-id"] for attrs in page.row_attrs] == [r.id for r in table]
    for row, cells in zip(table, page.rows, strict=True):
        assert len(cells) == 7
        assert cells[0].text == strip_controls(row.ms or "")
        assert cells[1].text == strip_controls(row.en or "")
        assert cells[2].text == strip_controls(", ".join(row.categories))
        assert cells[4].text == strip_controls(row.definition_ms or "")
        assert cells[5].text == strip_controls(row.definition_en or "")


@PROPERTY
@given(rows())
def test_markdown_reads_back_as_plain_text(table: list[Row]) -> None:
    _, body = read_markdown_table(render_markdown(table))
    assert len(body) == len(table)
    for row, cells in zip(table, body, strict=True):
        assert len(cells) == 7
        assert cells[0] == _markdown_text(row.ms or "")
        assert cells[1] == _markdown_text(row.en or "")
        assert cells[2] == _markdown_text(", ".join(row.categories))
        assert cells[3] == row.status
        assert cells[4] == _markdown_text(row.definition_ms or "")
        assert cells[5] == _markdown_text(row.definition_en or "")


def _tbx_english(row: Row) -> str | None:
    # the specification, written out here rather than imported: a slug's suggestion beside a
    # Malay headword is no term of the TBX (translate-toolkit would take it for a translation)
    suggestion = row.status == "suggested" and row.ms is not None and row.definition_en is None
    return None if suggestion else row.en


@PROPERTY
@given(rows())
def test_tbx_parses_in_both_versions(table: list[Row]) -> None:
    kept = [r for r in table if r.ms is not None or r.en is not None]
    for version, ns, entry, section, term in (
        ("2008", "", "termEntry", "langSet", "tig"),
        ("3", "{urn:iso:std:iso:30042:ed-2}", "conceptEntry", "langSec", "termSec"),
    ):
        root = xml_root(render_tbx(table, version=version))  # type: ignore[arg-type]
        entries = list(root.iter(f"{ns}{entry}"))
        assert len(entries) == len(kept)
        ids = {e.get("id") for e in entries}
        assert len(ids) == len(entries)
        assert all(r.get("target") in ids for r in root.iter(f"{ns}ref"))
        for row, element in zip(kept, entries, strict=True):
            found = {
                s.get("{http://www.w3.org/XML/1998/namespace}lang"): s.findtext(
                    f"{ns}{term}/{ns}term"
                )
                for s in element.iter(f"{ns}{section}")
            }
            # a term with no Malay headword has an empty Malay term, first
            expected = {
                code: strip_controls(value)
                for code, value in (("ms", row.ms or ""), ("en", _tbx_english(row)))
                if value is not None
            }
            assert next(iter(found)) == "ms"
            assert found == expected
            if row.en is not None and _tbx_english(row) is None:  # in the entry's note
                notes = [n.text or "" for n in element.findall(f"{ns}note")]
                assert any(strip_controls(row.en) in n for n in notes), notes


@PROPERTY
@given(rows())
def test_tbx_2008_reloads_in_translate_toolkit(table: list[Row]) -> None:
    text = render_tbx(table)
    store = tbx.tbxfile.parsestring(text.encode("utf-8"), sourcelanguage="ms", targetlanguage="en")
    kept = [r for r in table if r.ms is not None or r.en is not None]
    assert len(store.units) == len(kept)
    for row, unit in zip(kept, store.units, strict=True):
        assert [t.text for t in unit.get_source_terms()] == [strip_controls(row.ms or "")]
        english = _tbx_english(row)
        assert [t.text for t in unit.get_target_terms()] == (
            [strip_controls(english)] if english is not None else []
        )
