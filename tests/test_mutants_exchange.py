"""Gaps found by mutation testing of import's refusal of another language's CSV
(exchange.merge._refuse_another_languages_csv) and its plan for slug suggestions: each test
fails on a small change of that code that every other test let through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _exchangekit import catalog_bytes, entry, glossary_root, ok, run, translate

FRENCH = {("kos", "Kos"): ("Coût", False), ("untung", "Untung"): ("Bénéfice", False),
          (None, "Harga sesuatu barang."): ("Le prix d'une chose.", False),
          ("harga", "Harga"): ("Prix", False)}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = glossary_root(tmp_path_factory.mktemp("mutants-import"))
    ok(root, "update", "-l", "fr")
    translate(root, FRENCH, "fr")
    return root


@pytest.fixture
def root(pristine: Path, tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "g"
    shutil.copytree(pristine, copy, ignore=shutil.ignore_patterns(".glossari-cache"))
    return copy


def _csv(root: Path, rows: str) -> Path:
    path = root.parent / "in.csv"
    path.write_bytes(("id,ms,en\r\n" + rows).encode("utf-8"))
    return path


def _refused(root: Path, path: Path, *args: str) -> bool:
    code, _, err = run(root, "import", str(path), *args)
    if code == 0:
        return False
    assert code == 2, err
    assert "locale/fr's translations" in err, err  # no other refusal
    return True


def test_two_values_of_another_language_are_enough_and_one_is_not(root: Path) -> None:
    two = _csv(root, "kos,Kos,Coût\r\nuntung,Untung,Bénéfice\r\n")
    before = catalog_bytes(root)
    assert _refused(root, two)
    assert catalog_bytes(root) == before
    one = _csv(root, "untung,Untung,Bénéfice\r\n")
    assert not _refused(root, one)
    assert entry(root, "untung", "Untung") == ("Bénéfice", False)


def test_one_value_the_other_language_translates_otherwise_clears_the_file(root: Path) -> None:
    """Two values are French, but French says ``Prix`` where the file says ``Price``: a
    language that disagrees on a message did not export the file."""
    path = _csv(root, "kos,Kos,Coût\r\nuntung,Untung,Bénéfice\r\nharga,Harga,Price\r\n")
    assert not _refused(root, path, "--force")


def test_a_value_this_language_already_holds_is_no_evidence(root: Path) -> None:
    """The French translator copied two English definitions: the English file, imported into
    English, says what English says already, and is not French for agreeing."""
    definitions = {(None, "Harga sesuatu barang."): ("The price of a thing.", False),
                   (None, "Nilai wang sesuatu."): ("The money value of a thing.", False)}
    translate(root, definitions, "en")
    translate(root, definitions, "fr")
    path = root.parent / "en.csv"
    path.write_bytes(b"id,ms,en,definition_en\r\nkos,Kos,,The price of a thing.\r\n"
                     b"harga,Harga,,The money value of a thing.\r\n")
    assert not _refused(root, path)


def test_a_message_the_file_gives_twice_otherwise_is_no_evidence(root: Path) -> None:
    """Two lines disagree on ``untung`` (a clash, neither imported): its value says nothing
    of the file's language, so the one French value left is not enough."""
    path = _csv(root, "untung,Untung,Bénéfice\r\nuntung,Untung,Profit\r\nkos,Kos,Coût\r\n")
    assert not _refused(root, path)


def test_a_variant_of_the_language_is_not_compared(root: Path) -> None:
    """``pt_BR`` translating what the ``pt`` file gives, where ``pt`` has nothing yet, is no
    sign that the file is Brazilian: two variants of one language are not compared."""
    ok(root, "update", "-l", "pt")
    ok(root, "update", "-l", "pt_BR")
    translate(root, {("untung", "Untung"): ("Lucro", False),
                     (None, "Harga sesuatu barang."): ("O preço de uma coisa.", False)}, "pt_BR")
    path = root.parent / "pt.csv"
    path.write_bytes("id,ms,en,definition_en\r\nuntung,Untung,Lucro,\r\n"
                     "kos,Kos,,O preço de uma coisa.\r\n".encode())
    code, _, err = run(root, "import", str(path), "-l", "pt")
    assert code == 0, err
    assert entry(root, "untung", "Untung", "pt") == ("Lucro", False)


def _outcomes(root: Path, rows: str) -> list[tuple[str, str]]:
    path = root.parent / "s.csv"
    path.write_bytes(("id,en,status\r\n" + rows).encode("utf-8"))
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    return [(o["kind"], o["term"]) for o in report["outcomes"]]


def test_another_english_than_the_suggestion_marked_unconfirmed_is_reported(root: Path) -> None:
    """Only glossari's own suggestion given back is counted nowhere: another English for the
    link-only term, marked ``suggested``, is an unconfirmed value, said so."""
    before = catalog_bytes(root)
    assert _outcomes(root, "common-stock,ordinary share,suggested\r\n") == [
        ("unconfirmed", "common-stock")]
    assert _outcomes(root, "common-stock,common stock,suggested\r\n") == []
    assert catalog_bytes(root) == before


def test_a_fuzzy_headword_given_back_fuzzy_is_unchanged(root: Path) -> None:
    """The catalog's fuzzy ``Pryce`` exported and given back still fuzzy: nothing changed."""
    before = catalog_bytes(root)
    assert _outcomes(root, "harga,Pryce,fuzzy\r\n") == [("unchanged", "harga")]
    assert catalog_bytes(root) == before
    assert entry(root, "harga", "Harga") == ("Pryce", True)
