"""Markdown footnotes on the site: a reference ``[^1]`` is a numbered link to its note, and a
paragraph of definitions ``[^1]: ...`` is the list of notes, in each column, the English one
from the catalog's translation of that paragraph (its one message, as CommonMark reads the
definitions: the extractor and the site agree on the block). Both showed as written."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import polib
import pytest
from _alignkit import cli, ok
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from glossari.seeds.markdown import footnotes

ARTICLE = """---
keywords: Pelaburan
title: Peniaga broker
description: Peniaga broker ialah firma yang berdagang saham[^sc] untuk pelanggan.
---

# Peniaga broker

## Apakah itu Peniaga Broker?

Peniaga broker berdagang [saham-saham](/stock) untuk pelanggan[^sc] dan pelaburannya[^2].

- Kadar komisen berbeza[^2].

Menurut laporan tahunan.
[^sc]: Suruhanjaya Sekuriti Malaysia, *Laporan Tahunan* 2021.
[^2]: Lihat [pelaburan](/investment)
untuk butiran lanjut.

Nota [^tiada] tidak ditakrifkan.

## Sejarah[^sc]

Teks sejarah.

## Sorotan

- Peniaga broker berdagang saham[^sc].
"""
NOTES = ("Menurut laporan tahunan.\n[^sc]: Suruhanjaya Sekuriti Malaysia, *Laporan Tahunan* "
         "2021.\n[^2]: Lihat [pelaburan](/investment)\nuntuk butiran lanjut.")
ENGLISH = {
    "Sejarah[^sc]": "History[^sc]",
    "Peniaga broker berdagang [saham-saham](/stock) untuk pelanggan[^sc] dan pelaburannya[^2].":
        "A broker-dealer trades [stocks](/stock) for clients[^sc] and their investments[^2].",
    NOTES: "According to the annual report.\n[^sc]: Securities Commission Malaysia, *Annual "
           "Report* 2021.\n[^2]: See [investment](/investment) for details.",
}


def _site(tmp_path: Path, english: dict[str, str]) -> str:
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "peniaga-broker.md").write_text(ARTICLE, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    messages = set()
    for path in (root / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            messages.add(entry.msgid)
            entry.msgstr = english.get(entry.msgid, entry.msgstr)
        catalog.save()
    assert NOTES in messages  # the notes are one message, translatable
    code, _, err = cli("site", "-o", tmp_path / "site", root=root)
    assert code == 0, err
    page = (tmp_path / "site" / "terms" / "peniaga-broker.html").read_text(encoding="utf-8")
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(page)
    assert parser.errors == []
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), ids
    for target in re.findall(r'href="#([^"]+)"', page):
        assert target in ids, target  # no reference leads nowhere
    return page


def test_footnotes_are_numbered_links_to_their_notes_in_both_columns(tmp_path: Path) -> None:
    page = _site(tmp_path, ENGLISH)
    assert "[^sc]" not in page
    assert "[^2]" not in page
    # numbered by the first reference (sc, then 2), in both columns, each to its own notes
    assert ('pelanggan<sup class="fnref"><a href="#fn-ms-1">1</a></sup> dan pelaburannya'
            '<sup class="fnref"><a href="#fn-ms-2">2</a></sup>.') in page
    assert ('clients<sup class="fnref"><a href="#fn-en-1">1</a></sup> and their investments'
            '<sup class="fnref"><a href="#fn-en-2">2</a></sup>.') in page
    assert 'berbeza<sup class="fnref"><a href="#fn-en-2">2</a></sup>' in page  # untranslated
    assert '<p>Menurut laporan tahunan.</p>' in page
    assert ('<li id="fn-ms-1" value="1">Suruhanjaya Sekuriti Malaysia, <em>Laporan Tahunan</em>'
            ' 2021.</li>') in page
    assert ('<li id="fn-ms-2" value="2">Lihat <a href="investment.html">pelaburan</a>\n'
            'untuk butiran lanjut.</li>') in page
    # the English column shows the translation of the notes
    assert '<div lang="en" class="notes state-translated"><p>According to the annual report.' in (
        page)
    assert ('<li id="fn-en-1" value="1">Securities Commission Malaysia, <em>Annual Report</em>'
            ' 2021.</li>') in page
    assert 'See <a href="investment.html">investment</a> for details.</li>' in page
    assert "Nota [^tiada] tidak ditakrifkan." in page  # a reference to no note is text
    # the definition's page description is its text, without the note's number
    assert ('<meta name="description" content="Peniaga broker ialah firma yang berdagang '
            'saham untuk pelanggan.">') in page
    assert 'berdagang saham<sup class="fnref"><a href="#fn-ms-1">1</a></sup> untuk' in page
    # in a heading too
    assert 'Sejarah<sup class="fnref"><a href="#fn-ms-1">1</a></sup></h2>' in page
    assert 'History<sup class="fnref"><a href="#fn-en-1">1</a></sup></h2>' in page


def test_notes_left_untranslated_are_shown_in_malay_with_their_own_ids(tmp_path: Path) -> None:
    english = {k: v for k, v in ENGLISH.items() if k != NOTES}
    page = _site(tmp_path, english)
    assert ('<div lang="ms" class="notes state-untranslated"><span class="mark '
            'mark-untranslated">') in page
    assert '<li id="fn-en-1" value="1">Suruhanjaya Sekuriti Malaysia' in page


def test_a_translation_that_renames_a_note_leaves_no_broken_reference(tmp_path: Path) -> None:
    english = dict(ENGLISH)
    english[NOTES] = english[NOTES].replace("[^2]:", "[^dua]:")
    page = _site(tmp_path, english)  # every href="#..." has its id
    # the notes are shown as the translator wrote them, the references to `2` without a link
    assert "[^dua]: See" in page
    assert 'clients<sup class="fnref"><a href="#fn-en-1">1</a></sup>' not in page
    assert 'their investments<sup class="fnref">2</sup>' in page
    assert 'pelaburannya<sup class="fnref"><a href="#fn-ms-2">2</a></sup>' in page


def _plugin_notes(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark").use(footnote_plugin)
    labels = re.findall(r"^ {0,3}\[\^([^\]\s]+)\]:", text, re.MULTILINE)
    # every label referenced first, so the plugin lists each note
    tokens = md.parse("Rujukan " + " ".join(f"[^{label}]" for label in labels) + "\n\n" + text)
    own: list[str] = []
    notes: list[tuple[str, str]] = []
    label = None
    for token in tokens[3:]:  # after the paragraph of references
        if token.type == "footnote_open":
            label = token.meta["label"]
            notes.append((label, ""))  # a note may be empty (`[^1]:` alone)
        elif token.type == "inline":
            if label is None:
                own.append(token.content)
            else:
                notes[-1] = (label, token.content)
    return "\n".join(own), tuple(notes)


def _label(line: str) -> str:
    """A line's footnote label, or the line itself: notes of one label are not compared (the
    plugin keeps the first)."""
    return line.split("]")[0].strip() if line.lstrip().startswith("[^") else line


_LINES = st.sampled_from([
    "[^1]: Menurut SC, 2021.", "[^nota]: Nota *kedua*.", "[^x-2]: Lihat [bon](/bon).",
    "sambungan baris nota.", "Teks biasa dengan [^1] rujukan.", "Saham-saham dan pelaburannya.",
    "   [^3]: Diinden tiga ruang.",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=6, unique_by=_label))
def test_footnotes_split_a_paragraph_as_markdown_it_s_footnote_plugin_does(
        lines: list[str]) -> None:
    text = "\n".join(lines)
    assert footnotes(text) == _plugin_notes(text)


@pytest.mark.parametrize("text", ["Teks [^1] sahaja.", "a [^ 1]: b", "`[^1]: kod`",
                                  "[^kosong]:\nteks"])
def test_text_that_defines_no_footnote_is_its_own(text: str) -> None:
    assert footnotes(text) == (text, ())
