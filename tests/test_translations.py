"""A language's catalogs as a lookup, and each term's English side."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossari
from glossari.catalog.translations import (
    Coverage,
    english_for,
    load_translations,
)
from glossari.errors import CatalogError
from glossari.root import GlossaryRoot
from glossari.seeds.folder import read_seeds
from tests._catalog_oracles import REPO, article, cli, make_root
from tests.test_update import translate


def test_the_shipped_glossary_has_its_english_side() -> None:
    glossary = glossari.load(REPO)
    term = glossary.lookup("account executive")
    assert term.id == "accountexecutive"
    assert term.en_title == "Account executive"
    assert term.english.status == "translated"
    assert term.english.description is not None
    assert term.english.description.startswith("An account executive is a manager")
    assert term.english.categories == ("Careers",)
    headings = [s.heading for s in term.english.sections]
    assert "What Is an Account Executive?" in headings
    assert "Key Takeaways" in headings
    assert len(term.english.highlights) == len(term.highlights) == 3
    assert all(b.text != m.text for b, m in zip(term.english.highlights, term.highlights,
                                                strict=True))


def test_the_shipped_catalog_is_complete() -> None:
    tr = load_translations(GlossaryRoot(path=REPO), "en")
    coverage = tr.coverage()
    assert coverage.total == 32
    assert coverage == Coverage(translated=32)
    assert tr.get("glossary", "/broker-dealer", "peniaga broker") == ("broker-dealer",
                                                                      "translated")


def test_fuzzy_headword_is_given_but_fuzzy_body_text_is_not(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Satu.\n\nDua.\n", description="Harga.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    folder = root / "locale" / "en" / "LC_MESSAGES"
    translate(folder / "glossary.po", {"Kos": "Cost", "Harga.": "Price."})
    translate(folder / "articles-k.po", {"Satu.": "One.", "Dua.": "Two."})
    (root / "seeds" / "kos.md").write_text(
        article("Kos", "Satu.\n\nDua dua.\n", description="Harga."), encoding="utf-8")
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    tr = load_translations(GlossaryRoot(path=root), "en")
    assert tr.get("articles-k", None, "Dua dua.") == ("Two.", "fuzzy")
    assert tr.coverage("articles-k") == Coverage(translated=1, fuzzy=1)
    [term] = read_seeds(root / "seeds", base=root)
    english = english_for(term, tr)
    assert (english.title, english.status, english.description) == ("Cost", "translated",
                                                                     "Price.")
    assert [b.text for b in english.sections[0].blocks] == ["One.", "Dua dua."]  # Malay kept


def test_missing_catalogs_mean_untranslated(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"kos": article("Kos")})
    tr = load_translations(GlossaryRoot(path=root), "fr")
    assert tr.domains == ()
    assert tr.get("glossary", "kos", "Kos") == (None, "untranslated")
    term = glossari.load(root).lookup("kos")
    assert term.en_title is None
    assert term.english.status in ("untranslated", "suggested")


def test_bad_language_and_mismatched_domain_are_errors(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"kos": article("Kos")})
    with pytest.raises(CatalogError, match="unknown language code"):
        load_translations(GlossaryRoot(path=root), "zz-not-a-language")
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    folder = root / "locale" / "en" / "LC_MESSAGES"
    (folder / "glossary.po").rename(folder / "articles-x.po")
    with pytest.raises(CatalogError, match="not 'articles-x'") as caught:
        load_translations(GlossaryRoot(path=root), "en")
    assert caught.value.path == "locale/en/LC_MESSAGES/articles-x.po"
    assert caught.value.line == 1


def test_cached_lookup_tables_agree_with_the_catalogs_and_never_hide_an_error(
    tmp_path: Path,
) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Satu.\n\nDua.\n")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    folder = root / "locale" / "en" / "LC_MESSAGES"
    translate(folder / "glossary.po", {"Kos": "Cost"})
    where = GlossaryRoot(path=root)
    first = load_translations(where, "en")
    second = load_translations(where, "en")  # lookup tables from .glossari-cache/
    assert list((root / ".glossari-cache" / "tables-en").glob("glossary.pickle"))
    assert second.get("glossary", "kos", "Kos") == ("Cost", "translated")
    assert second.coverage() == first.coverage() == Coverage(translated=1, untranslated=2)
    assert second.catalogs.keys() == first.catalogs.keys()
    assert second.catalogs["glossary"].entries == first.catalogs["glossary"].entries
    path = folder / "glossary.po"
    path.write_text(path.read_text("utf-8").replace('msgstr "Cost"', 'msgstr "Cost'))
    with pytest.raises(CatalogError) as caught:
        load_translations(where, "en")
    assert caught.value.path == "locale/en/LC_MESSAGES/glossary.po"
    assert caught.value.line > 1
