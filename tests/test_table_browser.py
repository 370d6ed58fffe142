"""The HTML table in a real headless browser (Debian's chromium), with no extra Python package.

Chromium loads the page from a file, runs its script, and prints the resulting DOM
(``--dump-dom``); the assertions read that DOM with html.parser. Interactions (typing in the
filter box, clicking a column heading) are driven by a small test script appended to a copy of
the page, allowed by adding its hash to the page's Content-Security-Policy.

Skipped only when chromium is absent outside CI; with ``CI=true`` a missing browser fails.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from _browser import run_chromium
from table_helpers import SAMPLE_ROWS, read_html

import glossari
from glossari.export.html import render_html
from glossari.export.rows import Row, rows_from_glossary

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
TITLE = "Malay\u2013English glossary"
PAYLOAD = (
    "<script>document.title='pwned'</script>"
    "<img src=x onerror=\"document.title='pwned by img'\">"
)


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    shipped = rows_from_glossary(glossari.load(REPO))
    hostile = replace(SAMPLE_ROWS[0], id="xss", ms=f"Akaun {PAYLOAD}", en="Zz hostile", links=())
    return [*shipped, hostile]


def _run(chromium: str, tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_chromium(chromium, tmp_path, url, *extra)


def _dump(chromium: str, tmp_path: Path, page: Path, query: str = "") -> str:
    done = _run(chromium, tmp_path, page.as_uri() + query, "--dump-dom")
    assert "<tbody>" in done.stdout, done.stderr[-2000:]
    return done.stdout


def _with_script(page_html: str, script: str) -> str:
    """The page plus a test script, which the page's CSP is told to allow by hash."""
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    allowed = page_html.replace("script-src ", f"script-src 'sha256-{digest}' ", 1)
    return allowed.replace("</body>", f"<script>{script}</script>\n</body>", 1)


def _visible_ids(dom: str) -> list[str]:
    page = read_html(dom)
    return [str(a["data-id"]) for a in page.row_attrs if "hidden" not in a]


def _title(dom: str) -> str:
    match = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_page_loads_and_shows_every_term(chromium: str, tmp_path: Path, rows: list[Row]) -> None:
    page = tmp_path / "table.html"
    page.write_text(render_html(rows), encoding="utf-8")
    dom = _dump(chromium, tmp_path, page)
    assert _visible_ids(dom) == [r.id for r in rows]
    assert f"{len(rows)} of {len(rows)} terms" in dom
    assert '<div class="controls" role="search">' in dom  # the script ran and showed the box
    assert 'class="js"' in dom


def test_script_in_a_headword_stays_text_even_without_csp(
    chromium: str, tmp_path: Path, rows: list[Row]
) -> None:
    # Remove the CSP: escaping alone must keep the payload inert.
    html_text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", render_html(rows))
    assert "Content-Security-Policy" not in html_text
    page = tmp_path / "nocsp.html"
    page.write_text(html_text, encoding="utf-8")
    dom = _dump(chromium, tmp_path, page)
    assert _title(dom) == TITLE  # neither the script nor the onerror handler ran
    parsed = read_html(dom)
    assert parsed.scripts == 1
    cell = next(cells[0] for cells, a in zip(parsed.rows, parsed.row_attrs, strict=True)
                if a["data-id"] == "xss")
    assert cell.text == f"Akaun {PAYLOAD}"
    assert "<img" not in dom.split("<tbody>")[1]


def test_filter_from_the_address(chromium: str, tmp_path: Path, rows: list[Row]) -> None:
    page = tmp_path / "table.html"
    page.write_text(render_html(rows), encoding="utf-8")
    dom = _dump(chromium, tmp_path, page, "?filter=BROKER")
    expected = [r.id for r in rows if "broker" in " ".join(
        str(v).lower() for v in (r.ms, r.en, r.definition_ms, r.definition_en, r.source)
    )]
    assert expected  # the shipped glossary has broker terms
    assert _visible_ids(dom) == expected
    assert f"{len(expected)} of {len(rows)} terms" in dom


def test_typing_in_the_filter_box(chromium: str, tmp_path: Path, rows: list[Row]) -> None:
    script = (
        "var box = document.getElementById('filter');"
        "box.value = 'zz HOSTILE';"
        "box.dispatchEvent(new Event('input'));"
    )
    page = tmp_path / "typed.html"
    page.write_text(_with_script(render_html(rows), script), encoding="utf-8")
    dom = _dump(chromium, tmp_path, page)
    assert _visible_ids(dom) == ["xss"]
    assert f"1 of {len(rows)} terms" in dom
    script = (
        "var box = document.getElementById('filter');"
        "box.value = 'no such thing at all';"
        "box.dispatchEvent(new Event('input'));"
    )
    page.write_text(_with_script(render_html(rows), script), encoding="utf-8")
    dom = _dump(chromium, tmp_path, page)
    assert _visible_ids(dom) == []
    assert '<p id="empty">' in dom  # "No terms match" is shown


def test_sorting_by_clicking_headings(chromium: str, tmp_path: Path) -> None:
    table = [
        Row(id="a", ms="Cawangan", en="Branch", kind="article", status="translated", source="s:1"),
        Row(id="b", ms="Ákaun", en=None, kind="link", status="untranslated", source="s:2"),
        Row(id="c", ms="bon", en="Bond", kind="article", status="fuzzy", source="s:3"),
        Row(id="d", ms="Dividen", en="Dividend", kind="article", status="suggested", source="s:4"),
    ]
    html_text = render_html(table)
    click_en = "document.querySelectorAll('thead th button')[1].click();"
    page = tmp_path / "sorted.html"
    page.write_text(_with_script(html_text, click_en), encoding="utf-8")
    dom = _dump(chromium, tmp_path, page)
    assert _visible_ids(dom) == ["c", "a", "d", "b"]  # Bond, Branch, Dividend, (none) last
    assert re.search(r'<th scope="col" aria-sort="ascending"><button[^>]*>English<', dom)
    assert dom.count("aria-sort=") == 1 + dom.count('[aria-sort="')  # Malay heading cleared

    page.write_text(_with_script(html_text, click_en * 2), encoding="utf-8")
    dom = _dump(chromium, tmp_path, page)
    assert _visible_ids(dom) == ["d", "a", "c", "b"]  # descending, the empty one still last
    assert 'aria-sort="descending"' in dom

    click_ms = "document.querySelectorAll('thead th button')[0].click();"
    page.write_text(_with_script(html_text, click_ms), encoding="utf-8")
    dom = _dump(chromium, tmp_path, page)
    # A click on the already-ascending Malay column turns it descending, accents ignored.
    assert _visible_ids(dom) == ["d", "a", "c", "b"]

    click_status = "document.querySelectorAll('thead th button')[3].click();"
    page.write_text(_with_script(html_text, click_status), encoding="utf-8")
    dom = _dump(chromium, tmp_path, page)
    assert _visible_ids(dom) == ["a", "c", "d", "b"]  # translated, fuzzy, suggested, none


def test_screenshot(chromium: str, tmp_path: Path, rows: list[Row]) -> None:
    page = tmp_path / "table.html"
    page.write_text(render_html(rows), encoding="utf-8")
    shot = tmp_path / "table.png"
    _run(chromium, tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1280,900")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000  # a blank page compresses to far less
    keep = os.environ.get("GLOSSARI_SCREENSHOT")
    if keep:  # for a human to look at
        shutil.copyfile(shot, keep)
