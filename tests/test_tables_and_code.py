"""Code blocks and tables: parts of an article that are not running prose.

Code (a formula, a worked example) is read as a block of kind ``code``, kept in
``Term.sections`` in both languages, shown by ``show`` and the site as written (escaped), copied
by ``render``, and left out of the catalogs, the language check and the prose search.

A GFM table is one message, as written (the translator keeps the pipes), of kind ``table``:
``show`` keeps its rows, the site shows a real table on both sides.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import html5lib
import pytest
from _alignkit import cli, ok

import glossari
from glossari.catalog.messages import iter_messages
from glossari.catalog.pofile import PoFile, parse_po, render_po
from glossari.seeds.article import parse_article

ARTICLE = """\
---
title: Nisbah Harga kepada Pendapatan
description: Nisbah harga saham berbanding pendapatan sesaham.
keywords: Nisbah, Saham
---

# Nisbah Harga kepada Pendapatan

Nisbah ini membandingkan harga saham dengan [pendapatan sesaham](/earnings-per-share).

## Formula

```text
P/E = Harga saham / EPS
  <script>alert(1)</script> & "petikan"
```

## Contoh

| Syarikat | Harga <b>RM</b> | [EPS](/nisbah-harga-pendapatan) |
|:--|--:|---|
| A | 10 | 2 |
| B | 20 |

- Syarikat A dijual pada harga tinggi.

      Price of the share divided by the earnings of one share

Pelabur membandingkan nisbah ini antara syarikat.
"""

FORMULA = 'P/E = Harga saham / EPS\n  <script>alert(1)</script> & "petikan"'
INDENTED = "Price of the share divided by the earnings of one share"
TABLE = ("| Syarikat | Harga <b>RM</b> | [EPS](/nisbah-harga-pendapatan) |\n|:--|--:|---|\n"
         "| A | 10 | 2 |\n| B | 20 |")
TABLE_EN = ("| Company | Price <b>RM</b> | [EPS](/nisbah-harga-pendapatan) |\n|:--|--:|---|\n"
            "| A | 10 | 2 |\n| B | 20 |")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "nisbah-harga-pendapatan.md").write_text(ARTICLE, encoding="utf-8")
    return root


def test_fenced_and_indented_code_are_code_blocks_with_their_lines() -> None:
    term = parse_article(ARTICLE, term_id="nisbah-harga-pendapatan", source="a.md")
    code = [(b.text, b.line, b.depth) for s in term.sections for b in s.blocks
            if b.kind == "code"]
    # the fence's line is where the block starts; the list item's code keeps its depth
    assert code == [(FORMULA, 13, 0), (INDENTED, 27, 0)]
    assert all(not b.translatable for s in term.sections for b in s.blocks if b.kind == "code")
    assert all(b.translatable for s in term.sections for b in s.blocks if b.kind != "code")
    formula = next(s for s in term.sections if s.heading == "Formula")
    assert [b.kind for b in formula.blocks] == ["code"]


def test_code_is_no_message_and_no_empty_section(root: Path) -> None:
    term = glossari.load(root, lang="en")["nisbah-harga-pendapatan"]
    msgids = [m.msgid for m in iter_messages(term)]
    assert "Formula" in msgids
    assert "Pelabur membandingkan nisbah ini antara syarikat." in msgids
    assert not any("P/E" in m or INDENTED in m for m in msgids)
    ok("extract", root=root)
    pot = "".join(p.read_text(encoding="utf-8") for p in (root / "locale").glob("*.pot"))
    assert "Harga saham / EPS" not in pot
    assert "divided by" not in pot
    # the section holding only the formula is not empty (S111), and the English-looking code
    # is not Malay prose pasted in English (L303)
    _, out, _ = cli("check", "--format", "json", root=root)
    codes = {f["code"] for f in json.loads(out)}
    assert "S121" in codes, out  # the link to no article: the findings were read
    assert "S111" not in codes, out
    assert "L303" not in codes, out


def test_the_english_side_keeps_the_code_beside_the_translated_prose(root: Path) -> None:
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    po = next((root / "locale" / "en" / "LC_MESSAGES").glob("articles-*.po"))
    text = po.read_text(encoding="utf-8")
    source = "Pelabur membandingkan nisbah ini antara syarikat."
    assert f'msgid "{source}"\nmsgstr ""' in text
    po.write_text(text.replace(f'msgid "{source}"\nmsgstr ""',
                               f'msgid "{source}"\nmsgstr "Investors compare this ratio '
                               'across companies."'), encoding="utf-8")
    term = glossari.load(root, lang="en")["nisbah-harga-pendapatan"]
    english = [b.text for s in term.english.sections for b in s.blocks]
    malay = [b.text for s in term.sections for b in s.blocks]
    assert "Investors compare this ratio across companies." in english
    assert [t for t in english if t in (FORMULA, INDENTED)] == [FORMULA, INDENTED]
    assert len(english) == len(malay)

    # render copies the code unchanged into the English article
    ok("render", "-l", "en", "--min-coverage", "0", "-o", root / "out", root=root)
    rendered = (root / "out" / "nisbah-harga-pendapatan.md").read_text(encoding="utf-8")
    assert "```text\n" + FORMULA + "\n```" in rendered
    assert "      " + INDENTED in rendered
    assert "Investors compare this ratio across companies." in rendered


def test_show_prints_the_code_as_written(root: Path) -> None:
    out = ok("show", "nisbah-harga-pendapatan", root=root)
    # fenced with its info string, as the article writes it (Block.info): indented, `text`
    # was lost
    assert ("```text\nP/E = Harga saham / EPS\n  <script>alert(1)</script> & \"petikan\"\n"
            "```\n") in out


def test_the_site_shows_code_escaped_in_both_languages(root: Path) -> None:
    ok("site", "-l", "en", "-o", root / "site", root=root)
    page = next((root / "site").rglob("nisbah-harga-pendapatan.html"))
    tree = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
    blocks = ["".join(pre.itertext()) for pre in tree.iter("pre")]
    # each section: the Malay side, then the English side
    assert blocks == [FORMULA, FORMULA, INDENTED, INDENTED]
    assert tree.find(".//script") is None or all(
        "alert" not in (s.text or "") for s in tree.iter("script"))


def test_the_termbase_keeps_code_blocks(root: Path) -> None:
    ok("compile", root=root)
    term = glossari.load(root, lang="en")["nisbah-harga-pendapatan"]
    assert [b.text for s in term.sections for b in s.blocks if b.kind == "code"] == [
        FORMULA, INDENTED]
    # read with plain sqlite3, as a non-Python app would: the block is in the term's JSON
    with sqlite3.connect(root / "locale" / "en" / "glossari.sqlite") as db:
        (data,) = db.execute("SELECT data FROM terms WHERE id = ?",
                             ("nisbah-harga-pendapatan",)).fetchone()
    stored = [b for s in json.loads(data)["sections"] for b in s["blocks"] if b["kind"] == "code"]
    assert [b["text"] for b in stored] == [FORMULA, INDENTED]


def test_a_table_is_one_message_as_written() -> None:
    term = parse_article(ARTICLE, term_id="nisbah-harga-pendapatan", source="a.md")
    tables = [(b.text, b.line) for s in term.sections for b in s.blocks if b.kind == "table"]
    assert tables == [(TABLE, 20)]
    messages = [(m.msgid, m.part) for m in iter_messages(term) if m.part == "table"]
    assert messages == [(TABLE, "table")]
    # a paragraph with pipes, or a table run into the text before it, stays a paragraph
    for text in ("Yuran | kadar | komisen", "Jadual:\n| a | b |\n|---|---|\n| 1 | 2 |"):
        other = parse_article(f"---\ntitle: T\n---\n\n{text}\n", term_id="t", source="t.md")
        assert [b.kind for s in other.sections for b in s.blocks] == ["paragraph"]


def test_show_keeps_a_tables_rows(root: Path) -> None:
    out = ok("show", "nisbah-harga-pendapatan", root=root)
    assert "\n" + TABLE + "\n" in out


def _translate_table(root: Path, english: str) -> None:
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    po = next((root / "locale" / "en" / "LC_MESSAGES").glob("articles-*.po"))
    catalog = parse_po(po.read_text(encoding="utf-8"), source=str(po))
    po.write_text(render_po(PoFile(
        header=catalog.header,
        entries=tuple(e.reviewed(english) if e.msgid == TABLE else e for e in catalog.entries))),
        encoding="utf-8")


def _body_tables(tree: Any) -> list[Any]:
    # the article's tables, not the page's own (coverage, chart data)
    return [t for d in tree.iter("div") if "table" in (d.get("class") or "").split()
            for t in d.iter("table")]


def _cells(table: Any) -> list[list[str]]:
    return [["".join(cell.itertext()) for cell in row] for row in table.iter("tr")]


def test_the_site_shows_a_table_on_both_sides(root: Path) -> None:
    _translate_table(root, TABLE_EN)
    ok("site", "-l", "en", "-o", root / "site", root=root)
    page = next((root / "site").rglob("nisbah-harga-pendapatan.html"))
    tree = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
    ms, en = _body_tables(tree)
    # a formatting tag in a cell is kept as HTML, as the site keeps it in prose
    # (docs/site.md); a short row is padded; a link to a page is a link
    assert _cells(ms) == [["Syarikat", "Harga RM", "EPS"], ["A", "10", "2"],
                          ["B", "20", ""]]
    assert _cells(en)[0] == ["Company", "Price RM", "EPS"]
    assert [b.text for table in (ms, en) for b in table.iter("b")] == ["RM", "RM"]
    assert [a.get("href") for a in ms.iter("a")] == ["nisbah-harga-pendapatan.html"]
    assert [c.get("class") for c in ms.iter("th")] == ["align-left", "align-right", None]
    wrappers = [d for d in tree.iter("div") if "table" in (d.get("class") or "").split()]
    assert [(d.get("lang"), d.get("class")) for d in wrappers] == [
        ("ms", "table state-source"), ("en", "table state-translated")]


def test_a_translation_that_is_no_longer_a_table_is_kept_in_malay(root: Path) -> None:
    # render refuses it (C209), so the site does too: one answer, the Malay table on both
    # sides, marked untranslated (it was shown as the translator's text)
    _translate_table(root, "Company A: 10 (EPS 2); company B: 20.")
    ok("site", "-l", "en", "-o", root / "site", root=root)
    page = next((root / "site").rglob("nisbah-harga-pendapatan.html"))
    tree = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
    ms, en = _body_tables(tree)
    assert _cells(en) == _cells(ms)
    assert "Company A: 10" not in "".join(tree.itertext())
    wrappers = [d for d in tree.iter("div") if "table" in (d.get("class") or "").split()]
    assert [d.get("class") for d in wrappers] == ["table state-source", "table state-untranslated"]


def test_render_puts_the_translated_table_in_place(root: Path) -> None:
    _translate_table(root, TABLE_EN)
    ok("render", "-l", "en", "--min-coverage", "0", "-o", root / "out", root=root)
    rendered = (root / "out" / "nisbah-harga-pendapatan.md").read_text(encoding="utf-8")
    assert "\n\n" + TABLE_EN + "\n\n" in rendered
    assert "| Syarikat |" not in rendered
