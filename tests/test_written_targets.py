"""A link target is kept as the author wrote it: `[ação](/ação)` is the msgctxt `/ação` and
check's S121 names `/ação`. Markdown percent-encodes a destination (`/a%C3%A7%C3%A3o`), and
that form reached the translator in Poedit and the editor reading check, who could find it
nowhere in the article. A catalog made with the escaped context keeps its translations."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from _alignkit import cli as _run
from hypothesis import example, given
from hypothesis import strategies as st
from mdurl import encode

import glossari
from glossari.catalog.pofile import load_po

ARTICLE = """---
title: Peniaga broker
description: Firma yang berdagang [saham-saham](/saham-saham) dan [zakāt](/zakāt).
keywords: Pelaburan
---

# Peniaga broker

Ia menjual [ação](/ação), [sahm](/سهم), [pelaburannya](/pelaburan%20asing), [aksi](/акция-акция)
dan [tersembunyi](/a%E2%80%AEb).
"""

# as written in the article: the target, the msgctxt of its link message
WRITTEN = {
    "zakāt": "/zakāt",
    "ação": "/ação",
    "sahm": "/سهم",
    "pelaburannya": "/pelaburan%20asing",  # the author's own escape stays
    "aksi": "/акция-акция",
    "tersembunyi": "/a%E2%80%AEb",  # a bidirectional override is never shown unescaped
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "g" / "seeds").mkdir(parents=True)
    (tmp_path / "g" / "seeds" / "peniaga-broker.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "g"


def _contexts(po: Path) -> dict[str, str | None]:
    return {e.msgid: e.msgctxt for e in load_po(po).entries if e.msgid}


def test_a_link_target_is_kept_as_written(root: Path) -> None:
    term = glossari.load(root)["peniaga-broker"]
    assert {link.text: "/" + link.target for link in term.links
            if link.text in WRITTEN} == WRITTEN
    code, _, err = _run("--root", str(root), "extract")
    assert code == 0, err
    contexts = _contexts(root / "locale" / "glossary.pot")
    assert {text: contexts[text] for text in WRITTEN} == WRITTEN
    code, out, err = _run("--root", str(root), "check")
    s121 = [line for line in out.splitlines() if "S121" in line]
    assert any("S121: /ação ('ação')" in line for line in s121), s121
    assert any("S121: /سهم ('sahm')" in line for line in s121), s121
    assert not any("%C3" in line or "%D8" in line for line in s121), s121


def test_a_translation_under_the_escaped_context_is_kept(root: Path) -> None:
    assert _run("--root", str(root), "extract")[0] == 0
    assert _run("--root", str(root), "update", "-l", "en")[0] == 0
    po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text(encoding="utf-8")
    # the catalog as glossari wrote it when the msgctxt was Markdown's escaped destination
    for msgid, english in (("ação", "action"), ("sahm", "share")):
        written = WRITTEN[msgid]
        old = f'msgctxt "{written}"\nmsgid "{msgid}"\nmsgstr ""'
        assert old in text
        text = text.replace(old, f'msgctxt "/{encode(written[1:])}"\nmsgid "{msgid}"\n'
                                 f'msgstr "{english}"')
    po.write_text(text, encoding="utf-8")
    code, _, err = _run("--root", str(root), "update", "-l", "en")
    assert code == 0, err
    entries = {e.msgid: e for e in load_po(po).entries if not e.obsolete}
    for msgid, english in (("ação", "action"), ("sahm", "share")):
        entry = entries[msgid]
        assert (entry.msgctxt, entry.msgstr, entry.fuzzy) == (WRITTEN[msgid], english, False)
    assert not any(e.obsolete for e in load_po(po).entries)
    assert glossari.load(root)["peniaga-broker"].english is not None


_VISIBLE = st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"))


@given(st.text(_VISIBLE, min_size=1, max_size=12).filter(lambda t: "%" not in t))
@example("ação")
@example("سهم")
@example("акция-акция")
@example("a b/é")
def test_what_markdown_escapes_reads_back_as_written(text: str) -> None:
    from glossari.text import readable_url

    # Markdown's escaping (mdurl, markdown-it's) undone for every visible character beyond
    # ASCII; what it escapes of ASCII (a space) stays escaped
    assert readable_url(encode(text)) == "".join(c if ord(c) >= 0x80 else encode(c)
                                                  for c in text)


@given(st.text(st.sampled_from(list("%aZ09-/é")) | st.characters(), max_size=20).map(
    lambda t: encode(t)))
@example("%C3%A9%41")
@example("a%E2%80%AEb")
@example("%C3%28%F0%9F%98%80")
def test_a_readable_url_means_what_it_meant(url: str) -> None:
    from glossari.text import readable_url

    assert unquote(readable_url(url)) == unquote(url)
    assert readable_url(readable_url(url)) == readable_url(url)


def test_the_site_sends_each_link_where_the_library_does(tmp_path: Path) -> None:
    # the site read a link's destination fully unquoted, the model as written: a target with
    # an escape (/bon%20kerajaan) was not the one the page's links were resolved under, and
    # [Saham](/bon%20kerajaan), which goes where its Malay text says, led to bon-kerajaan
    import re

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    for stem, title, body in (
            ("saham", "Saham", "Teks."),
            ("bon-kerajaan", "Bon kerajaan", "Teks."),
            ("bon", "Bon", "Lihat [Saham](/bon%20kerajaan) dan [lihat](/bon%20kerajaan), "
                           "[Saham](/bön-kerajaan) dan [lihat](/bön-kerajaan), "
                           "[Saham](</bon kerajaan>) dan [lihat](</bon kerajaan>).")):
        (root / "seeds" / f"{stem}.md").write_text(
            f"---\ntitle: {title}\ndescription: {title} ialah sesuatu.\n---\n\n# {title}\n\n"
            f"{body}\n", encoding="utf-8")
    g = glossari.load(root)
    expected = [f"{ref.target.id}.html" for ref in g.links_from("bon") if ref.target]
    assert expected == ["saham.html", "bon-kerajaan.html"] * 3
    code, _, err = _run("--root", str(root), "site", "-o", str(tmp_path / "site"))
    assert code == 0, err
    page = (tmp_path / "site" / "terms" / "bon.html").read_text(encoding="utf-8")
    body = page[page.index("Lihat"):]
    found = re.findall(r'<a href="([^"]+)">(?:Saham|lihat)</a>', body)
    assert found
    assert found == expected * (len(found) // len(expected))  # the Malay, and its English


@pytest.mark.parametrize("first", ["/Zakat", "/zakat", "/ZAKAT"])
def test_a_link_only_term_keeps_its_id_whatever_the_file_order(tmp_path: Path,
                                                               first: str) -> None:
    # the id was the first link's spelling in file order: an article earlier in that order
    # linking to /zakat renamed the term Zakat to zakat (its page, its TBX entry, its JSON id)
    spellings = ["/Zakat", "/zakat", "/ZAKAT"]
    spellings.remove(first)
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    for stem, target in zip(("a-bon", "b-saham", "c-sukuk"), [first, *spellings],
                            strict=True):
        (root / "seeds" / f"{stem}.md").write_text(
            f"---\ntitle: {stem}\ndescription: Lihat [zakat]({target}).\n---\n\n# {stem}\n\n"
            "Teks.\n", encoding="utf-8")
    ids = [t.id for t in glossari.load(root) if t.kind == "link"]
    assert ids == ["zakat"]
