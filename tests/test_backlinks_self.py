"""An article's links to itself are no backlinks, for every reader of the link graph.

``show`` listed ``[zakat](/zakat)`` in zakat.md under *linked from* while the site's page left it
out: one rule (``glossari.glossary.is_backlink``) for ``Glossary.backlinks`` read from the
articles and from the termbase, ``show``, the site and docs/termbase.md's backlinks query.
"""

from __future__ import annotations

import re
import sqlite3
import warnings
from pathlib import Path

import pytest
from _alignkit import cli, ok

import glossari
from glossari.glossary import TermbaseWarning, load_glossary

ARTICLES = {
    "zakat": (
        "---\ntitle: Zakat\naliases: zakat harta\ndescription: Sumbangan wajib.\n"
        "keywords: Kewangan Islam\n---\n\n# Zakat\n\n"
        "Zakat dibayar ke atas [saham-saham](/stock). Lihat [Zakat](/Zakat), "
        "[zakat harta](/zakat) dan [zakatnya](/zakat.md).\n\n## Sorotan\n\n- Rukun Islam.\n"
    ),
    "saham": (
        "---\ntitle: Saham\ndescription: Bahagian pemilikan.\nkeywords: Ekuiti\n---\n\n"
        "# Saham\n\nSaham dikenakan [zakat](/zakat) dan dibeli oleh [peniaga broker]"
        "(/broker-dealer). Lihat juga [saham](/saham).\n"
    ),
    "peniaga-broker": (
        "---\ntitle: Peniaga broker\ndescription: Firma yang berdagang.\n"
        "keywords: Pasaran Modal\n---\n\n# Peniaga broker\n\n"
        "Ia membayar [zakatnya](/zakat) atas [saham](/saham).\n"
    ),
}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("self") / "glosari"
    (root / "seeds").mkdir(parents=True)
    for stem, text in ARTICLES.items():
        (root / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
    return root


def _sources(refs: tuple[glossari.LinkRef, ...]) -> list[tuple[str, int]]:
    return [(ref.source.id, ref.link.line) for ref in refs]


def test_backlinks_leave_out_an_articles_links_to_itself(root: Path) -> None:
    glossary = glossari.load(root)
    for term in glossary:
        expected = [(ref.source.id, ref.link.line) for ref in glossary.links
                    if ref.target is not None and ref.target.id == term.id
                    and ref.source.id != term.id]
        assert _sources(glossary.backlinks(term)) == expected, term.id
    assert [ref.source.id for ref in glossary.backlinks("zakat")] == ["peniaga-broker", "saham"]
    # the links themselves stay: links_from still lists zakat's three links to itself
    assert [ref.target.id for ref in glossary.links_from("zakat") if ref.target] == [
        "saham", "zakat", "zakat", "zakat"]


def test_show_site_and_termbase_agree_on_backlinks(root: Path, tmp_path: Path) -> None:
    shown = ok("show", "zakat", root=root)
    assert re.findall(r"linked from: seeds/([\w-]+)\.md", shown) == ["peniaga-broker", "saham"]
    assert re.findall(r"linked from: seeds/([\w-]+)\.md", ok("show", "saham", root=root)) == [
        "peniaga-broker", "zakat"]
    code, _, err = cli("site", "-o", tmp_path / "site", root=root)
    assert code == 0, err
    page = (tmp_path / "site" / "terms" / "zakat.html").read_text(encoding="utf-8")
    backlinks = page.split('id="backlinks"')[1].split("</ul>")[0]
    assert re.findall(r'href="\.\./terms/([^"]+)\.html"', backlinks) == ["peniaga-broker", "saham"]
    # the compiled glossary and docs/termbase.md's query answer the same
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    ok("compile", "-l", "en", root=root)
    with warnings.catch_warnings():
        warnings.simplefilter("error", TermbaseWarning)
        compiled = glossari.load(root, lang="en")
    plain = load_glossary(root, lang="en", compiled=False)
    assert type(compiled) is not type(plain)
    page_text = (Path(__file__).parents[1] / "docs" / "termbase.md").read_text(encoding="utf-8")
    found = re.search(r"Backlinks of a term.*?`(SELECT[^`]+)`", page_text, re.S)
    assert found is not None
    query = " ".join(found[1].split())
    db = sqlite3.connect(root / "locale" / "en" / "glossari.sqlite")
    try:
        for term in plain:
            expected = [(ref.source.id, ref.link.line) for ref in plain.backlinks(term)]
            assert _sources(compiled.backlinks(term)) == expected, term.id
            assert db.execute(query, (term.id,)).fetchall() == expected, term.id
    finally:
        db.close()
    assert re.findall(r"linked from: .*", ok("show", "zakat", root=root)) == re.findall(
        r"linked from: .*", shown)  # from the termbase now
