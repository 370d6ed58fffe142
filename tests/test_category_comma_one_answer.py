"""One answer for a category's translation holding a comma, and for a fuzzy definition.

``render`` writes the categories into one comma-separated ``keywords`` line, where
``Examples, samples`` for *Contoh* would read back as two categories: it keeps the Malay. The
rule lives in ``glossari.catalog.usable``, so the API's English side, ``check`` (C209 and the
counts) and the site refuse it too. A fuzzy definition is no English for the API
(``Term.english.description`` is None), the site shows the Malay marked fuzzy, and ``show``
says so instead of leaving it out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import glossari
from tests._alignkit import cli, ok, prepared

ARTICLE = ("---\ntitle: Kos\ndescription: Jumlah yang dibayar.\nkeywords: Contoh, Kewangan\n"
           "---\n\n# Kos\n\nTeks kos.\n")


def _translate(po: Path, msgid: str, msgstr: str, *, fuzzy: bool = False) -> None:
    text = po.read_text(encoding="utf-8")
    old = f'msgid "{msgid}"\nmsgstr ""\n'
    assert old in text, text
    new = ("#, fuzzy\n" if fuzzy else "") + f'msgid "{msgid}"\nmsgstr "{msgstr}"\n'
    po.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("comma")
    (base / "seeds").mkdir()
    (base / "seeds" / "kos.md").write_text(ARTICLE, encoding="utf-8")
    prepared(base)
    po = base / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    _translate(po, "Contoh", "Examples, samples")
    _translate(po, "Kewangan", "Finance")
    _translate(po, "Jumlah yang dibayar.", "The amount paid.", fuzzy=True)
    return base


def test_a_category_translation_holding_a_comma_is_one_answer(
    root: Path, tmp_path: Path,
) -> None:
    # render keeps the Malay, with a note
    code, _out, err = cli("render", "-l", "en", "-o", tmp_path / "en", "--min-coverage", "0",
                         root=root)
    assert code == 0, err
    rendered = (tmp_path / "en" / "kos.md").read_text(encoding="utf-8")
    assert "keywords: Contoh, Finance" in rendered
    assert "holds a comma" in err
    # the API: no English for it
    term = glossari.load(root, lang="en").lookup("kos")
    assert term.english.categories == (None, "Finance")
    # check: C209 for it, and counted untranslated (refused)
    code, out, _ = cli("check", "-l", "en", "--format", "json", root=root)
    found = json.loads(out)
    c209 = [f for f in found if f["code"] == "C209"]
    assert len(c209) == 1, found
    assert "comma" in c209[0]["message"]
    summary = next(f["message"] for f in found
                   if f["code"] == "C200" and f["path"].endswith("glossary.po"))
    assert "1 translation refused" in summary, summary
    # the site: the category page and the term page give the Malay, not the refused English
    site = tmp_path / "site"
    ok("site", "-l", "en", "-o", site, root=root)
    pages = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Examples, samples" not in pages
    assert "Finance" in pages


def test_a_fuzzy_definition_is_one_answer(root: Path) -> None:
    term = glossari.load(root, lang="en").lookup("kos")
    assert term.english.description is None  # the API: a fuzzy definition is no English
    shown = ok("show", "kos", "-l", "en", root=root)
    assert re.search(r"^  en: \(fuzzy, not reviewed: the Malay stands\)$", shown, re.M), shown
    assert "The amount paid." not in shown
    # the table gives no English definition either
    rows = json.loads(ok("table", "--format", "json", root=root))
    assert next(r for r in rows if r["id"] == "kos")["definition_en"] is None


def test_show_from_the_termbase_says_fuzzy_and_writes_nothing(root: Path, tmp_path: Path) -> None:
    # read from the compiled termbase, show read every catalog of the language to learn the
    # definition's state, and wrote their tables into .glossari-cache: a reader writes nothing
    import shutil

    copy = tmp_path / "g"
    shutil.copytree(root, copy)
    ok("compile", "-l", "en", root=copy)
    shutil.rmtree(copy / ".glossari-cache", ignore_errors=True)
    shown = ok("show", "kos", "-l", "en", root=copy)
    assert re.search(r"^  en: \(fuzzy, not reviewed: the Malay stands\)$", shown, re.M), shown
    assert not (copy / ".glossari-cache").exists()
