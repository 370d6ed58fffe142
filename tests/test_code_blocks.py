"""Code blocks (a formula, a worked example) are part of the article but never a message.

They are read as blocks of kind ``code``, kept in ``Term.sections`` in both languages, shown by
``show`` and the site as written (escaped), copied by ``render``, and left out of the catalogs,
the language check and the prose search.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import html5lib
import pytest
from _alignkit import cli, ok

import glossari
from glossari.catalog.messages import iter_messages
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

- Syarikat A dijual pada harga tinggi.

      Price of the share divided by the earnings of one share

Pelabur membandingkan nisbah ini antara syarikat.
"""

FORMULA = 'P/E = Harga saham / EPS\n  <script>alert(1)</script> & "petikan"'
INDENTED = "Price of the share divided by the earnings of one share"


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
    assert code == [(FORMULA, 13, 0), (INDENTED, 22, 0)]
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
    assert "    P/E = Harga saham / EPS\n      <script>alert(1)</script> & \"petikan\"\n" in out


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
