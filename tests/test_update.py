"""``glossari update -l LANG``: msgmerge semantics, Poedit-stable, atomic, serialized."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from glossari.catalog.pofile import PoFile, load_po, write_po
from tests._catalog_oracles import (
    GNU,
    article,
    check_written,
    cli,
    make_root,
    msgfmt_check,
    needs_gnu,
)

OLD = 946684800


def _po(root: Path, domain: str, lang: str = "en") -> Path:
    return root / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"


def _extract_update(root: Path, lang: str = "en") -> str:
    code, err = cli(root, "extract")
    assert code == 0, err
    code, err = cli(root, "update", "-l", lang)
    assert code == 0, err
    return err


def translate(path: Path, mapping: dict[str, str], *, comment: str | None = None) -> None:
    """Fill translations the way a translator's tool does: msgstr set, fuzzy and ``#|`` gone."""
    po = load_po(path)
    entries = []
    for e in po.entries:
        if not e.obsolete and e.msgid in mapping:
            e = e.reviewed(mapping[e.msgid])
            if comment:
                e = e.with_changes(translator_comments=(comment,))
        entries.append(e)
    write_po(path, PoFile(header=po.header, entries=tuple(entries), trailer=po.trailer))


def msgcat_save(path: Path, *extra: str) -> None:
    """Save through msgcat, as Poedit and Weblate do."""
    subprocess.run(["msgcat", *extra, "-o", str(path), str(path)], check=True)


def test_a_new_catalog_has_cldr_headers_and_empty_msgstr(tmp_path: Path) -> None:
    root = make_root(tmp_path, seed=True)
    err = _extract_update(root, "ar")
    assert "0 translated, 0 fuzzy, 32 untranslated, 0 obsolete; 2 created" in err
    for domain in ("glossary", "articles-a"):
        path = _po(root, domain, "ar")
        check_written(path)
        po = load_po(path)
        fields = po.header_fields()
        assert fields["Language"] == "ar"
        assert fields["Plural-Forms"].startswith("nplurals=6;")
        assert fields["Content-Type"] == "text/plain; charset=UTF-8"
        assert fields["X-Domain"] == domain
        assert po.entries
        assert all(e.msgstr == "" and not e.fuzzy for e in po.entries)
        with path.open("rb") as handle:
            catalog = read_po(handle)  # Babel reads it
        assert catalog.locale is not None
        assert str(catalog.locale) == "ar"


def test_unchanged_update_rewrites_nothing(tmp_path: Path) -> None:
    root = make_root(tmp_path, seed=True)
    _extract_update(root)
    paths = list((root / "locale" / "en" / "LC_MESSAGES").glob("*.po"))
    for p in paths:
        os.utime(p, (OLD, OLD))
    err = _extract_update(root)
    assert "0 created, 0 written, 2 unchanged" in err
    assert all(p.stat().st_mtime == OLD for p in paths)


@pytest.mark.parametrize("blank", [b"", b"\n\n", b"\r\n \t\r\n"])
def test_an_empty_catalog_is_made_again(tmp_path: Path, blank: bytes) -> None:
    """A catalog of 0 bytes (or blank lines: a failed save, a ``> glossary.po`` typed by
    mistake) holds nothing of a translator's, and ``update`` makes it again as it makes a
    missing one; it refused it for having no header (exit 2), and the translator had to delete
    it by hand. The other catalog, and its translation, are untouched."""
    root = make_root(tmp_path, {
        "peniaga-broker": article("Peniaga broker", "Membeli [saham-saham](/shares) dan "
                                  "[pelaburannya](/investment).", keywords="Pasaran Modal"),
        "saham": article("Saham", "Unit pemilikan; lihat [EPS](/earnings-per-share)."),
    })
    _extract_update(root)
    articles = _po(root, "articles-p")
    translate(articles, {"Peniaga broker": "Broker-dealer"})
    kept = articles.read_bytes()
    catalog = _po(root, "glossary")
    fresh = load_po(catalog)
    catalog.write_bytes(blank)
    err = _extract_update(root)
    assert "1 created" in err, err
    again = load_po(catalog)
    assert again.header_fields()["Language"] == "en"
    assert [e.key for e in again.entries] == [e.key for e in fresh.entries]
    assert not any(e.has_translation for e in again.entries)
    assert articles.read_bytes() == kept
    check_written(catalog)
    assert "0 created, 0 written" in _extract_update(root)


@needs_gnu
def test_poedit_save_then_update_gives_no_diff(tmp_path: Path) -> None:
    root = make_root(tmp_path, seed=True)
    _extract_update(root)
    path = _po(root, "glossary")
    translate(path, {"Eksekutif akaun": "Account executive", "peniaga broker": "broker-dealer"},
              comment="checked against FINRA's glossary")
    msgcat_save(path)
    saved = path.read_bytes()
    os.utime(path, (OLD, OLD))
    _extract_update(root)
    assert path.read_bytes() == saved
    assert path.stat().st_mtime == OLD


@needs_gnu
def test_a_translator_wrapping_survives_an_update_that_changes_other_entries(
    tmp_path: Path,
) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Satu dua tiga empat lima enam tujuh.\n\n"
                                               "Lapan sembilan.\n")})
    _extract_update(root)
    path = _po(root, "articles-k")
    translate(path, {"Satu dua tiga empat lima enam tujuh.": "One two three four five six seven.",
                     "Lapan sembilan.": "Eight nine."})
    msgcat_save(path, "-w", "20")  # a translator's tool with narrow wrapping
    narrow = path.read_text("utf-8")
    block = narrow[narrow.index("#: seeds/kos.md:5"):narrow.index("#: seeds/kos.md:7")]
    assert block.count("\n") > 4  # wrapped
    (root / "seeds" / "kos.md").write_text(
        article("Kos", "Satu dua tiga empat lima enam tujuh.\n\nLapan sembilan sepuluh.\n"),
        encoding="utf-8")
    _extract_update(root)
    text = path.read_text("utf-8")
    assert block in text  # the untouched entry keeps its bytes
    po = load_po(path)
    changed = po.by_key()[(None, "Lapan sembilan sepuluh.")]
    assert changed.fuzzy
    assert changed.msgstr == "Eight nine."
    assert changed.previous_msgid == "Lapan sembilan."


def test_msgmerge_semantics_end_to_end(tmp_path: Path) -> None:
    root = make_root(tmp_path, {
        "kos": article("Kos", "Kos tetap ialah kos yang tidak berubah.\n\nAyat dibuang.\n",
                       keywords="Perakaunan"),
    })
    _extract_update(root)
    body, glossary = _po(root, "articles-k"), _po(root, "glossary")
    translate(body, {"Kos tetap ialah kos yang tidak berubah.": "A fixed cost does not change.",
                     "Ayat dibuang.": "A removed sentence."}, comment="reviewed")
    translate(glossary, {"Kos": "Cost", "Perakaunan": "Accounting"})
    # a translator's own flag on a message that stays survives too
    po = load_po(glossary)
    write_po(glossary, PoFile(header=po.header, entries=tuple(
        e.with_changes(flags=(*e.flags, "fuzzy")) if e.msgid == "Perakaunan" else e
        for e in po.entries), trailer=po.trailer))
    (root / "seeds" / "kos.md").write_text(
        article("Kos", "Kos tetap ialah kos yang tidak pernah berubah.\n", keywords="Perakaunan"),
        encoding="utf-8")
    err = _extract_update(root)
    assert "1 translated, 2 fuzzy, 0 untranslated, 1 obsolete" in err
    po = load_po(body)
    [current] = po.current
    assert current.msgid == "Kos tetap ialah kos yang tidak pernah berubah."
    assert current.fuzzy
    assert current.msgstr == "A fixed cost does not change."
    assert current.previous_msgid == "Kos tetap ialah kos yang tidak berubah."
    assert current.translator_comments == ("reviewed",)
    [gone] = po.obsolete
    assert (gone.msgid, gone.msgstr) == ("Ayat dibuang.", "A removed sentence.")
    text = body.read_text("utf-8")
    assert '#| msgid "Kos tetap ialah kos yang tidak berubah."' in text
    assert '#~ msgid "Ayat dibuang."' in text
    terms = load_po(glossary).by_key()
    assert terms[("kos", "Kos")].translated
    assert terms[(None, "Perakaunan")].fuzzy
    assert terms[(None, "Perakaunan")].msgstr == "Accounting"
    for path in (body, glossary):
        check_written(path)


def test_a_message_coming_back_is_revived_with_its_translation(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Satu.\n\nDua.\n")})
    _extract_update(root)
    translate(_po(root, "articles-k"), {"Dua.": "Two."})
    (root / "seeds" / "kos.md").write_text(article("Kos", "Satu.\n"), encoding="utf-8")
    _extract_update(root)
    assert [e.msgid for e in load_po(_po(root, "articles-k")).obsolete] == ["Dua."]
    (root / "seeds" / "kos.md").write_text(article("Kos", "Satu.\n\nDua.\n"), encoding="utf-8")
    _extract_update(root)
    entry = load_po(_po(root, "articles-k")).by_key()[(None, "Dua.")]
    assert entry.translated
    assert entry.msgstr == "Two."


def _body_entries(root: Path, domain: str) -> dict[str, tuple[str, bool, tuple[str, ...]]]:
    """msgid: (msgstr, fuzzy, translator comments) of a body catalog's current messages."""
    return {e.msgid: (e.msgstr, e.fuzzy, e.translator_comments)
            for e in load_po(_po(root, domain)).current}


RENAMED = {
    "Peniaga broker membeli dan menjual sekuriti untuk pelanggan.":
        "Broker-dealers buy and sell securities for their clients.",
    "Komisen dikenakan bagi setiap dagangan.": "A commission is charged on each trade.",
}


@pytest.mark.parametrize("into", ["new", "existing"])
def test_an_article_renamed_to_another_letter_takes_its_translations_along(
    tmp_path: Path, into: str,
) -> None:
    """``peniaga-broker.md`` renamed ``broker-dealer.md`` moves its paragraphs from
    ``articles-p`` to ``articles-b``: their translations follow, as ``msgmerge -C`` with the
    old catalog as compendium gives them (they were left untranslated, and the English article
    rendered in Malay); the old catalog keeps them, obsolete."""
    body = "\n\n".join(RENAMED) + "\n\nAyat baharu.\n"
    articles = {"peniaga-broker": article("Peniaga broker", body)}
    if into == "existing":
        articles["bon"] = article("Bon", "Bon ialah hutang.\n")
    root = make_root(tmp_path, articles)
    _extract_update(root)
    [first, second] = RENAMED
    translate(_po(root, "articles-p"), {first: RENAMED[first]}, comment="checked by Aina")
    translate(_po(root, "articles-p"), {second: RENAMED[second]})
    po = load_po(_po(root, "articles-p"))  # the second one still unreviewed
    write_po(_po(root, "articles-p"), PoFile(header=po.header, entries=tuple(
        e.with_changes(flags=("fuzzy",)) if e.msgid == second else e for e in po.entries),
        trailer=po.trailer))
    old_catalog = _po(root, "articles-p").read_bytes()
    (root / "seeds" / "peniaga-broker.md").rename(root / "seeds" / "broker-dealer.md")
    err = _extract_update(root)
    assert "1 translated, 1 fuzzy" in err, err
    moved = _body_entries(root, "articles-b")
    assert moved[first] == (RENAMED[first], False, ("checked by Aina",))
    assert moved[second] == (RENAMED[second], True, ())
    assert moved["Ayat baharu."] == ("", False, ())
    left = {e.msgid: e.msgstr for e in load_po(_po(root, "articles-p")).obsolete}
    assert left == RENAMED
    for domain in ("articles-b", "articles-p"):
        check_written(_po(root, domain))
    if GNU:
        # the oracle: GNU msgmerge with the old catalog as compendium
        (tmp_path / "old.po").write_bytes(old_catalog)
        empty = tmp_path / "empty.po"
        empty.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n',
                         encoding="utf-8")
        done = subprocess.run(
            ["msgmerge", "-q", "-C", str(tmp_path / "old.po"), "-o", "-", str(empty),
             str(root / "locale" / "articles-b.pot")],
            capture_output=True, text=True, check=True)
        (tmp_path / "gnu.po").write_text(done.stdout, encoding="utf-8")
        gnu = {e.msgid: (e.msgstr, e.fuzzy) for e in load_po(tmp_path / "gnu.po").current}
        assert gnu == {msgid: found[:2] for msgid, found in moved.items()}


@pytest.mark.parametrize("into", ["new", "existing"])
def test_an_article_renamed_to_another_letter_and_edited_offers_its_old_translation_fuzzy(
    tmp_path: Path, into: str,
) -> None:
    """``komisen.md`` renamed ``commission.md`` and one sentence edited in the same update:
    the edited paragraph arrived untranslated in ``articles-c``, its translation left only
    obsolete in ``articles-k``, where ``msgmerge -C`` with the old catalog as compendium offers
    it fuzzy, with the old source as ``#| msgid``."""
    first = "Komisen dikenakan bagi setiap dagangan [saham-saham](/share) pelanggan."
    second = "Komisen biasanya dikira sebagai peratusan daripada nilai dagangan."
    edited = "Komisen biasanya dikira sebagai peratusan tertentu daripada nilai dagangan."
    english = {first: "A commission is charged on each trade of a client's [shares](/share).",
               second: "A commission is usually a percentage of the trade value."}
    articles = {"komisen": article("Komisen", f"{first}\n\n{second}\n")}
    if into == "existing":
        articles["cukai"] = article("Cukai", "Cukai ialah caj wajib oleh kerajaan.\n")
    root = make_root(tmp_path, articles)
    _extract_update(root)
    translate(_po(root, "articles-k"), english)
    old_catalog = _po(root, "articles-k").read_bytes()
    (root / "seeds" / "komisen.md").unlink()
    (root / "seeds" / "commission.md").write_text(
        article("Komisen", f"{first}\n\n{edited}\n"), encoding="utf-8")
    err = _extract_update(root)
    assert "1 fuzzy" in err, err
    moved = {e.msgid: e for e in load_po(_po(root, "articles-c")).current}
    assert (moved[first].msgstr, moved[first].fuzzy) == (english[first], False)
    assert (moved[edited].msgstr, moved[edited].fuzzy) == (english[second], True)
    assert moved[edited].previous_msgid == second
    left = {e.msgid: e.msgstr for e in load_po(_po(root, "articles-k")).obsolete}
    assert left == english  # the old catalog keeps both, obsolete
    check_written(_po(root, "articles-c"))
    again = _po(root, "articles-c").read_bytes()
    _extract_update(root)  # and the next update keeps it as it is
    assert _po(root, "articles-c").read_bytes() == again
    if GNU:
        (tmp_path / "old.po").write_bytes(old_catalog)
        empty = tmp_path / "empty.po"
        empty.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n',
                         encoding="utf-8")
        done = subprocess.run(
            ["msgmerge", "-q", "--previous", "-C", str(tmp_path / "old.po"), "-o", "-",
             str(empty), str(root / "locale" / "articles-c.pot")],
            capture_output=True, text=True, check=True)
        (tmp_path / "gnu.po").write_text(done.stdout, encoding="utf-8")
        gnu = {e.msgid: (e.msgstr, e.fuzzy, e.previous_msgid)
               for e in load_po(tmp_path / "gnu.po").current}
        assert gnu == {msgid: (e.msgstr, e.fuzzy, e.previous_msgid)
                       for msgid, e in moved.items()}


def test_a_note_on_an_untranslated_message_moves_with_its_article(tmp_path: Path) -> None:
    """A translator's note on a message not translated yet (`# ask the editor`), its article
    renamed to another first letter: the message arrives untranslated in the new catalog, and
    the note with it. It was dropped: the old catalog had no message left to give it to."""
    [first, second] = RENAMED
    root = make_root(tmp_path, {"peniaga-broker": article("Peniaga broker",
                                                          f"{first}\n\n{second}\n")})
    _extract_update(root)
    translate(_po(root, "articles-p"), {first: RENAMED[first]})
    po = load_po(_po(root, "articles-p"))
    write_po(_po(root, "articles-p"), PoFile(header=po.header, entries=tuple(
        e.with_changes(translator_comments=("ask the editor: per trade or per order?",))
        if e.msgid == second else e for e in po.entries), trailer=po.trailer))
    (root / "seeds" / "peniaga-broker.md").rename(root / "seeds" / "broker-dealer.md")
    _extract_update(root)
    moved = _body_entries(root, "articles-b")
    assert moved[first] == (RENAMED[first], False, ())
    assert moved[second] == ("", False, ("ask the editor: per trade or per order?",))
    check_written(_po(root, "articles-b"))
    _extract_update(root)  # and the next update keeps it
    assert _body_entries(root, "articles-b") == moved


def _translated_and_renamed_away(tmp_path: Path) -> tuple[Path, Path]:
    """A glossary whose one paragraph is translated in ``articles-p``, then its article renamed
    ``broker-dealer.md``: the paragraph now in ``articles-b``, an obsolete copy left behind."""
    root = make_root(tmp_path, {"peniaga-broker": article("Peniaga broker",
                                                          "Ejen dan prinsipal.\n")})
    _extract_update(root)
    translate(_po(root, "articles-p"), {"Ejen dan prinsipal.": "Agent and principal."})
    seeds = root / "seeds"
    (seeds / "peniaga-broker.md").rename(seeds / "broker-dealer.md")
    _extract_update(root)
    return root, seeds


def test_an_article_renamed_back_keeps_the_translation_revised_meanwhile(tmp_path: Path) -> None:
    """Renamed away, its translation revised in the new catalog, renamed back: the old catalog
    revived its own obsolete copy (the translation before the revision, not fuzzy), and the
    revision was left obsolete in the other catalog."""
    root, seeds = _translated_and_renamed_away(tmp_path)
    translate(_po(root, "articles-b"), {"Ejen dan prinsipal.": "Acts as agent and as principal."},
              comment="revised by Aina")
    (seeds / "broker-dealer.md").rename(seeds / "peniaga-broker.md")
    _extract_update(root)
    # the older translation is kept in a comment (msgmerge would have kept it obsolete)
    assert _body_entries(root, "articles-p")["Ejen dan prinsipal."] == (
        "Acts as agent and as principal.", False,
        ("revised by Aina", "this catalog's obsolete translation: \"Agent and principal.\""))
    # the older copy gave way: one definition of the message, as GNU requires
    po = load_po(_po(root, "articles-p"))
    assert [e.msgid for e in po.entries].count("Ejen dan prinsipal.") == 1
    for domain in ("articles-b", "articles-p"):
        check_written(_po(root, domain))


def test_a_revision_of_the_obsolete_copy_survives_the_rename_back(tmp_path: Path) -> None:
    """Renamed away, the translator revised the obsolete (#~) copy left in the old catalog and
    noted it; renamed back, the other catalog's current copy won and the revision and its note
    were deleted from every catalog. Now the message comes back fuzzy, with the note and the
    revision in translator comments, for a person to choose."""
    root, seeds = _translated_and_renamed_away(tmp_path)
    po = load_po(_po(root, "articles-p"))
    write_po(_po(root, "articles-p"), PoFile(header=po.header, entries=tuple(
        e.with_changes(msgstr="Acts as agent and as principal.",
                       translator_comments=("reviewed by Aminah",))
        if e.obsolete and e.msgid == "Ejen dan prinsipal." else e for e in po.entries),
        trailer=po.trailer))
    (seeds / "broker-dealer.md").rename(seeds / "peniaga-broker.md")
    _extract_update(root)
    msgstr, fuzzy, comments = _body_entries(root, "articles-p")["Ejen dan prinsipal."]
    assert (msgstr, fuzzy) == ("Agent and principal.", True)
    assert comments == ("reviewed by Aminah", "this catalog's obsolete translation: "
                        '"Acts as agent and as principal."')
    once = _po(root, "articles-p").read_bytes()
    _extract_update(root)
    assert _po(root, "articles-p").read_bytes() == once  # a fixed point
    for domain in ("articles-b", "articles-p"):
        check_written(_po(root, domain))


@pytest.mark.parametrize("cache", ["warm", "cold"])
def test_a_catalog_takes_what_a_catalog_this_run_skips_translated(tmp_path: Path,
                                                                    cache: str) -> None:
    """A new article in an existing catalog repeats a sentence that only another, unchanged
    catalog translated. A cold cache merges every domain and offered it; a warm one skipped the
    unchanged catalog and left the message untranslated: the same files, two results."""
    root = make_root(tmp_path, {"hasil": article("Hasil", "Bukan keuntungan modal.\n"),
                                "kos": article("Kos", "Kos langsung.\n")})
    _extract_update(root)
    translate(_po(root, "articles-h"), {"Bukan keuntungan modal.": "Not a capital gain."})
    _extract_update(root)
    (root / "seeds" / "kupon.md").write_text(article("Kupon", "Bukan keuntungan modal.\n"),
                                             encoding="utf-8")
    if cache == "cold":
        shutil.rmtree(root / ".glossari-cache", ignore_errors=True)
    _extract_update(root)
    assert _body_entries(root, "articles-k")["Bukan keuntungan modal."] == (
        "Not a capital gain.", False, ())
    check_written(_po(root, "articles-k"))


def test_a_new_catalog_takes_what_the_other_catalogs_already_translated(tmp_path: Path) -> None:
    """`Sorotan` translated in every body catalog came untranslated into the catalog of an
    article with a new first letter (or moved there while its old catalog still used it);
    `msgmerge -C` with the other catalogs as compendium gives it at once, and so does update."""
    body = "## Sorotan\n\n- Satu.\n"
    root = make_root(tmp_path, {"kos": article("Kos", body), "kredit": article("Kredit", body),
                                "dana": article("Dana", body + "\nYuran.\n"),
                                "ekuiti": article("Ekuiti", "Yuran.\n")})
    _extract_update(root)
    translate(_po(root, "articles-k"), {"Sorotan": "Key Takeaways"})
    translate(_po(root, "articles-d"), {"Sorotan": "Key Takeaways", "Yuran.": "Fee."})
    translate(_po(root, "articles-e"), {"Yuran.": "Charge."})
    po = load_po(_po(root, "articles-d"))  # an unreviewed one is offered as unreviewed
    write_po(_po(root, "articles-d"), PoFile(header=po.header, entries=tuple(
        e.with_changes(msgstr="One.", flags=("fuzzy",)) if e.msgid == "Satu." else e
        for e in po.entries), trailer=po.trailer))
    (root / "seeds" / "bon.md").write_text(article("Bon", body + "\nYuran.\n"),
                                           encoding="utf-8")
    _extract_update(root)
    new = _body_entries(root, "articles-b")
    assert new["Sorotan"] == ("Key Takeaways", False, ())
    assert new["Satu."] == ("One.", True, ())
    msgstr, fuzzy, _ = new["Yuran."]
    assert (msgstr in {"Fee.", "Charge."}, fuzzy) == (True, True)  # two translations: choose
    check_written(_po(root, "articles-b"))
    if GNU:
        compendium = [str(_po(root, "articles-k"))]
        empty = tmp_path / "empty.po"
        empty.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n',
                         encoding="utf-8")
        done = subprocess.run(
            ["msgmerge", "-q", "-C", *compendium, "-o", "-", str(empty),
             str(root / "locale" / "articles-b.pot")],
            capture_output=True, text=True, check=True)
        (tmp_path / "gnu.po").write_text(done.stdout, encoding="utf-8")
        gnu = {e.msgid: e.msgstr for e in load_po(tmp_path / "gnu.po").current}
        assert gnu["Sorotan"] == new["Sorotan"][0]


def test_a_message_moved_while_its_old_catalog_still_uses_it_is_taken(tmp_path: Path) -> None:
    """`Sorotan` of an article renamed to another letter, still used by another article of
    its old catalog (held there, not lost): it came untranslated, and render wrote it in
    Malay."""
    body = "## Sorotan\n\n- Satu.\n"
    root = make_root(tmp_path, {"peniaga-broker": article("Peniaga broker", body),
                                "pasaran": article("Pasaran", body)})
    _extract_update(root)
    translate(_po(root, "articles-p"), {"Sorotan": "Key Takeaways", "Satu.": "One."})
    (root / "seeds" / "peniaga-broker.md").rename(root / "seeds" / "broker-dealer.md")
    _extract_update(root)
    moved = _body_entries(root, "articles-b")
    assert moved["Sorotan"] == ("Key Takeaways", False, ())
    assert moved["Satu."] == ("One.", False, ())
    assert _body_entries(root, "articles-p")["Sorotan"] == ("Key Takeaways", False, ())
    check_written(_po(root, "articles-b"))


@pytest.mark.parametrize("cache", ["warm", "cold"])
def test_a_message_the_new_catalog_holds_untranslated_takes_the_moved_translation(
    tmp_path: Path, cache: str,
) -> None:
    """`komisen.md` renamed `commission.md` moves its `Sorotan` into `articles-c`, where
    `cukai.md` had left the same heading untranslated: the message was the catalog's already,
    so the renamed article's translation stayed obsolete in `articles-k` and its heading came
    back in Malay, where `msgmerge -C` with the old catalog as compendium fills it. A message
    no article brings keeps what the catalog says (another catalog's translation of it is no
    reason to touch it), warm cache or cold."""
    body = "## Sorotan\n\n- Komisen dikenakan bagi setiap dagangan.\n"
    root = make_root(tmp_path, {
        "komisen": article("Komisen", body, keywords="Yuran"),
        "cukai": article("Cukai", "## Sorotan\n\n- Cukai-cukainya tinggi.\n\nYuran.\n"),
        "kos": article("Kos", "Yuran.\n"),
    })
    _extract_update(root)
    translate(_po(root, "articles-k"), {"Sorotan": "Key Takeaways", "Yuran.": "Fee.",
                                        "Komisen dikenakan bagi setiap dagangan.":
                                            "A commission is charged on each trade."})
    translate(_po(root, "articles-c"), {})
    before = _po(root, "articles-c").read_bytes()
    old_catalog = _po(root, "articles-k").read_bytes()
    (root / "seeds" / "komisen.md").rename(root / "seeds" / "commission.md")
    if cache == "cold":
        shutil.rmtree(root / ".glossari-cache", ignore_errors=True)
    _extract_update(root)
    moved = _body_entries(root, "articles-c")
    assert moved["Sorotan"] == ("Key Takeaways", False, ())
    assert moved["Komisen dikenakan bagi setiap dagangan."][0] == (
        "A commission is charged on each trade.")
    assert moved["Yuran."] == ("", False, ())  # cukai's own, brought by no article
    check_written(_po(root, "articles-c"))
    once = _po(root, "articles-c").read_bytes()
    _extract_update(root)
    assert _po(root, "articles-c").read_bytes() == once  # a fixed point
    if GNU:
        (tmp_path / "old.po").write_bytes(old_catalog)
        (tmp_path / "def.po").write_bytes(before)
        done = subprocess.run(
            ["msgmerge", "-q", "-C", str(tmp_path / "old.po"), "-o", "-",
             str(tmp_path / "def.po"), str(root / "locale" / "articles-c.pot")],
            capture_output=True, text=True, check=True)
        (tmp_path / "gnu.po").write_text(done.stdout, encoding="utf-8")
        gnu = {e.msgid: e.msgstr for e in load_po(tmp_path / "gnu.po").current}
        assert gnu["Sorotan"] == moved["Sorotan"][0]


def test_a_message_two_catalogs_lost_with_different_translations_comes_back_fuzzy(
    tmp_path: Path,
) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Yuran.\n"),
                                "dana": article("Dana", "Yuran.\n")})
    _extract_update(root)
    translate(_po(root, "articles-k"), {"Yuran.": "Fee."})
    translate(_po(root, "articles-d"), {"Yuran.": "Charge."})
    for stem in ("kos", "dana"):
        (root / "seeds" / f"{stem}.md").unlink()
    (root / "seeds" / "bon.md").write_text(article("Bon", "Yuran.\n"), encoding="utf-8")
    _extract_update(root)
    msgstr, fuzzy, _ = _body_entries(root, "articles-b")["Yuran."]
    assert msgstr in {"Fee.", "Charge."}
    assert fuzzy  # two translations: the translator chooses


@pytest.mark.parametrize(("damage", "what"), [
    (lambda t: t.replace('msgstr ""\n\n#. definition', 'msgstr "oops\n\n#. definition', 1),
     "unterminated"),
    (lambda t: t + '\nmsgctxt "accountexecutive"\nmsgid "Eksekutif akaun"\nmsgstr "x"\n',
     "duplicate"),
    (lambda t: t.replace("charset=UTF-8", "charset=NOPE-1"), "charset"),
])
def test_a_broken_catalog_stops_the_update_with_its_line_and_nothing_written(
    tmp_path: Path, damage: object, what: str
) -> None:
    root = make_root(tmp_path, seed=True)
    _extract_update(root)
    glossary, body = _po(root, "glossary"), _po(root, "articles-a")
    broken = damage(glossary.read_text("utf-8"))  # type: ignore[operator]
    glossary.write_text(broken, encoding="utf-8")
    before = body.read_bytes()
    (root / "seeds" / "accountexecutive.md").write_text(
        (root / "seeds" / "accountexecutive.md").read_text("utf-8").replace("Careers", "Kerjaya"),
        encoding="utf-8")
    (root / "seeds" / "accountexecutive.md").write_text(
        (root / "seeds" / "accountexecutive.md").read_text("utf-8").replace(
            "Eksekutif akaun digalakkan", "Eksekutif akaun amat digalakkan"), encoding="utf-8")
    assert cli(root, "extract")[0] == 0
    code, err = cli(root, "update", "-l", "en")
    assert code == 2
    assert "locale/en/LC_MESSAGES/glossary.po:" in err
    line = int(err.split("glossary.po:")[1].split(":")[0])
    assert line >= 1
    assert glossary.read_text("utf-8") == broken
    assert body.read_bytes() == before  # the good catalog is not written either


def test_a_catalog_of_another_domain_is_refused(tmp_path: Path) -> None:
    root = make_root(tmp_path, seed=True)
    _extract_update(root)
    glossary = _po(root, "glossary")
    glossary.write_text(glossary.read_text("utf-8").replace("X-Domain: glossary",
                                                             "X-Domain: articles-a"))
    code, err = cli(root, "update", "-l", "en")
    assert code == 2
    assert "glossary.po" in err
    assert "articles-a" in err


def test_unknown_language_and_missing_templates_are_clear_errors(tmp_path: Path) -> None:
    root = make_root(tmp_path, seed=True)
    code, err = cli(root, "update", "-l", "en")
    assert code == 2
    assert "glossari extract" in err
    assert cli(root, "extract")[0] == 0
    code, err = cli(root, "update", "-l", "klingon")
    assert code == 2
    assert "unknown language code 'klingon'" in err
    assert not (root / "locale" / "klingon").exists()


@pytest.mark.parametrize(("code", "spelled"), [
    ("EN", "'en'"), ("pt-BR", "'pt_BR'"), ("pt_br", "'pt_BR'"), ("eng", "'en'"), ("msa", "Malay"),
    ("C", None), ("POSIX", None), ("C.UTF-8", None),
    # Traditional Chinese is Taiwan's script anyway: zh_TW, as glibc names it
    ("zh_Hant_TW", "'zh_TW'"), ("sr_Latn", "'sr@latin'"),
])
def test_a_language_has_one_spelling_and_so_one_folder(
    tmp_path: Path, code: str, spelled: str | None,
) -> None:
    """``-l EN`` made ``locale/EN`` beside ``locale/en`` (one folder on macOS and Windows), and
    ``-l pt-BR`` a folder gettext never reads; ``C`` is the POSIX locale, not a language."""
    root = make_root(tmp_path, seed=True)
    _extract_update(root)
    before = sorted(p.name for p in (root / "locale").iterdir())
    for command in (["update", "-l", code], ["table", "-l", code], ["compile", "-l", code]):
        status, err = cli(root, *command)
        assert status == 2, (command, err)
        assert err.count("\n") == 1, err
        if spelled is None:
            assert f"unknown language code '{code}'" in err
        elif spelled == "Malay":  # Malay is refused as Malay, not told to be spelled 'ms'
            assert f"'{code}' is Malay, the language of the articles" in err
        else:
            assert f"is written {spelled}" in err
            assert f"use {spelled}" in err
    assert sorted(p.name for p in (root / "locale").iterdir()) == before


@pytest.mark.parametrize("code", ["en", "pt_BR", "sr@latin", "zh_Hant", "en_GB",
                                  # Babel reads these as zh_Hans_CN and sr_Cyrl_RS; gettext
                                  # and LANG=zh_CN.UTF-8 name the folder as written
                                  "zh_CN", "zh_TW", "sr_RS",
                                  # and sr_RS@latin as sr_Cyrl_RS, dropping its script
                                  "sr_RS@latin"])
def test_codes_as_gettext_writes_them_are_taken(tmp_path: Path, code: str) -> None:
    root = make_root(tmp_path, seed=True)
    _extract_update(root, code)
    assert any((root / "locale" / code / "LC_MESSAGES").glob("*.po"))


_NO_CATALOGS = "no catalogs for the language 'en_US' (locale/ has en)"
_MALAY = "Malay, the language of the articles"


@pytest.mark.parametrize(("command", "said"), [
    # a mistyped language (`en_US` for `en`) gave every term untranslated, exit 0
    (["table", "-l", "en_US"], _NO_CATALOGS), (["show", "accountexecutive", "-l", "en_US"],
                                               _NO_CATALOGS),
    (["render", "-l", "en_US", "--min-coverage", "0"], _NO_CATALOGS),
    (["site", "-l", "en_US"], _NO_CATALOGS), (["search", "akaun", "-l", "en_US"], _NO_CATALOGS),
    # `update -l ms` made Malay-to-Malay catalogs that check counted 0% translated, and
    # `table -l ms` a Malay | Malay table; only `site` refused it
    (["update", "-l", "ms"], _MALAY), (["update", "-l", "ms_MY"], _MALAY),
    (["table", "-l", "ms"], _MALAY), (["show", "accountexecutive", "-l", "ms_MY"], _MALAY),
    (["render", "-l", "ms"], _MALAY), (["site", "-l", "ms"], "is Malay"),
])
def test_a_language_no_reader_can_use_is_one_line_and_nothing_made(
    tmp_path: Path, command: list[str], said: str,
) -> None:
    root = make_root(tmp_path, seed=True)
    _extract_update(root)
    status, err = cli(root, *command)
    assert status == 2, err
    assert err.count("\n") == 1, err
    assert said in err
    assert not (root / "build").exists()
    assert sorted(p.name for p in (root / "locale").iterdir() if p.is_dir()) == ["en"]


def test_a_glossary_with_no_catalog_at_all_reads_in_malay(tmp_path: Path) -> None:
    root = make_root(tmp_path, seed=True)
    assert cli(root, "show", "accountexecutive")[0] == 0
    assert cli(root, "table", "-l", "id")[0] == 0


def test_two_updates_at_once_serialize(tmp_path: Path) -> None:
    root = make_root(tmp_path, {f"t{i}": article(f"T{i}", f"Teks nombor {i}.\n")
                                for i in range(40)})
    assert cli(root, "extract")[0] == 0
    command = [sys.executable, "-m", "glossari", "--root", str(root), "update", "-l", "id"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [(p.wait(), p.stderr.read() if p.stderr else "") for p in runs]
    assert all(code == 0 for code, _ in outputs), outputs
    assert sum("created" in err and " 0 created" not in err for _, err in outputs) == 1
    for path in (root / "locale" / "id" / "LC_MESSAGES").glob("*.po"):
        check_written(path)
    assert not list((root / "locale" / "id" / "LC_MESSAGES").glob(".*.tmp"))


# ------------------------------------------------------------------------------------------
# Stateful: random source edits, translator edits and updates never lose a translation

WORDS = ("akaun", "kos", "bank", "pelaburan", "harga", "modal", "dana", "saham", "untung")


class NeverLoseATranslation(RuleBasedStateMachine):
    """Every translation a translator wrote stays in the catalog: current, fuzzy or obsolete."""

    def __init__(self) -> None:
        super().__init__()
        import tempfile

        self.tmp = Path(tempfile.mkdtemp())
        self.root = make_root(self.tmp)
        self.articles: dict[str, list[str]] = {}
        self.required: set[str] = set()
        self.counter = 0
        self.updated = False

    def _write(self, stem: str) -> None:
        body = "\n\n".join(self.articles[stem]) + "\n"
        (self.root / "seeds" / f"{stem}.md").write_text(article(stem.title(), body),
                                                        encoding="utf-8")

    @rule(stem=st.sampled_from(["aset", "akaun", "bon", "bank"]),
          words=st.lists(st.lists(st.sampled_from(WORDS), min_size=3, max_size=7),
                         min_size=1, max_size=3))
    def write_article(self, stem: str, words: list[list[str]]) -> None:
        self.articles[stem] = [" ".join(w).capitalize() + "." for w in words]
        self._write(stem)

    @precondition(lambda self: bool(self.articles))
    @rule(data=st.data())
    def edit_a_paragraph(self, data: st.DataObject) -> None:
        stem = data.draw(st.sampled_from(sorted(self.articles)))
        paragraphs = self.articles[stem]
        index = data.draw(st.integers(0, len(paragraphs) - 1))
        word = data.draw(st.sampled_from(WORDS))
        paragraphs[index] = paragraphs[index].rstrip(".") + f" {word}."
        self._write(stem)

    @precondition(lambda self: bool(self.articles))
    @rule(data=st.data())
    def remove_an_article(self, data: st.DataObject) -> None:
        stem = data.draw(st.sampled_from(sorted(self.articles)))
        del self.articles[stem]
        (self.root / "seeds" / f"{stem}.md").unlink()

    @rule()
    def update(self) -> None:
        if not self.articles:
            # a seeds/ holding no article is refused (it emptied every template): nothing of
            # the catalogs may change, which the invariant checks
            code, err = cli(self.root, "extract")
            assert code == 2, err
            assert "no article" in err, err
            return
        _extract_update(self.root)
        self.updated = True

    @precondition(lambda self: self.updated)
    @rule(data=st.data(), through_msgcat=st.booleans())
    def translator_edits(self, data: st.DataObject, through_msgcat: bool) -> None:
        folder = self.root / "locale" / "en" / "LC_MESSAGES"
        paths = sorted(folder.glob("*.po"))
        path = data.draw(st.sampled_from(paths))
        po = load_po(path)
        open_entries = [e for e in po.current if not e.translated]
        if not open_entries:
            return
        chosen = data.draw(st.sampled_from(open_entries))
        self.counter += 1
        value = f"T{self.counter}"
        if chosen.msgstr:  # the translator replaces a fuzzy guess: that guess may go
            self.required.discard(chosen.msgstr)
        translate(path, {chosen.msgid: value})
        self.required.add(value)
        if through_msgcat and GNU:
            msgcat_save(path)

    @invariant()
    def every_translation_is_kept(self) -> None:
        folder = self.root / "locale" / "en" / "LC_MESSAGES"
        found: set[str] = set()
        for path in folder.glob("*.po") if folder.is_dir() else ():
            for e in load_po(path).entries:
                if e.msgstr and (e.obsolete or e.fuzzy or e.translated):
                    found.add(e.msgstr)
        assert self.required <= found, self.required - found

    def teardown(self) -> None:
        import shutil

        shutil.rmtree(self.tmp, ignore_errors=True)


NeverLoseATranslation.TestCase.settings = settings(
    max_examples=25, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_never_lose_a_translation = NeverLoseATranslation.TestCase


def test_weblate_flags_survive_every_rewrite(tmp_path: Path) -> None:
    """Flags Weblate (and other tools) write on a translation: `max-length:80`, `read-only`,
    `ignore-same`, `placeholders:"{x}","a,b"`. An entry `update` left alone kept them in its
    bytes, but one it wrote anew (a reference moved, a source edited, a message retired and
    revived, a translation imported) lost every flag msgcat does not know."""
    root = make_root(tmp_path, {
        "peniaga-broker": article("Peniaga broker", "Peniaga broker berdagang saham.\n",
                                  description="Firma yang berdagang sekuriti.",
                                  keywords="Pelaburan"),
        "kos": article("Kos", "Kos ialah harga.\n", description="Harga sesuatu barang."),
    })
    _extract_update(root)
    path = _po(root, "glossary")
    flagged = {
        'msgctxt "peniaga-broker"\nmsgid "Peniaga broker"\nmsgstr ""':
            ("max-length:80, read-only", "Broker-dealer"),
        'msgid "Firma yang berdagang sekuriti."\nmsgstr ""':
            ('ignore-same, placeholders:"{x}":"a,b"', "A firm that trades securities."),
        'msgctxt "kos"\nmsgid "Kos"\nmsgstr ""': ("c-format, max-length:20", "Cost"),
    }
    text = path.read_text(encoding="utf-8")
    for message, (flags, msgstr) in flagged.items():
        text = text.replace(message, f"#, {flags}\n" + message.replace('msgstr ""',
                                                                        f'msgstr "{msgstr}"'))
    path.write_text(text, encoding="utf-8")

    def flags_of(msgid: str) -> tuple[str, ...]:
        return next(e.flags for e in load_po(path).entries if e.msgid == msgid)

    # the references move and the definition changes: both entries are written anew
    broker = root / "seeds" / "peniaga-broker.md"
    broker.write_text("---\ndraft: no\nkeywords: Pelaburan\ntitle: Peniaga broker\n"
                      "description: Firma yang berdagang sekuriti itu.\n---\n\n"
                      "Peniaga broker berdagang saham.\n", encoding="utf-8")
    _extract_update(root)
    assert flags_of("Peniaga broker") == ("max-length:80", "read-only")
    assert flags_of("Firma yang berdagang sekuriti itu.") == (
        "fuzzy", "ignore-same", 'placeholders:"{x}":"a,b"')
    # retired, then revived
    kos = (root / "seeds" / "kos.md").read_text(encoding="utf-8")
    (root / "seeds" / "kos.md").unlink()
    _extract_update(root)
    assert "#, c-format, max-length:20\n#~ msgctxt \"kos\"" in path.read_text(encoding="utf-8")
    (root / "seeds" / "kos.md").write_text(kos, encoding="utf-8")
    _extract_update(root)
    assert flags_of("Kos") == ("c-format", "max-length:20")
    text = path.read_text(encoding="utf-8")
    assert '#, fuzzy, ignore-same, placeholders:"{x}":"a,b"\n#| msgid' in text
    if GNU:  # not a msgcat fixed point: msgcat would drop the flags it does not know
        msgfmt_check(path)


@needs_gnu
def test_a_catalog_saved_unwrapped_stays_unwrapped(tmp_path: Path) -> None:
    """Weblate and `msgcat --no-wrap` save a catalog with each string on one line. The entries
    `update` wrote anew (a reference moved, a source edited) came out wrapped at 79 columns
    among them, to be unwrapped at the next save: churn, and wrap-only merge conflicts. Now
    they are written as the file is, which msgcat --no-wrap leaves as it is; a file wrapped at
    79 stays wrapped (the other tests' msgcat fixed point)."""
    long = ("Peniaga broker ialah firma yang berdagang sekuriti bagi pihak pelanggannya dan "
            "juga bagi akaun sendiri di pasaran saham.")
    root = make_root(tmp_path, {
        "peniaga-broker": article("Peniaga broker", long + "\n", description="Firma sekuriti."),
        "kos": article("Kos", "Kos ialah harga yang dibayar untuk sesuatu barang atau "
                       "perkhidmatan dalam tempoh perakaunan semasa syarikat.\n",
                       description="Harga."),
    })
    _extract_update(root)
    path = _po(root, "articles-p")
    english = ("A broker-dealer is a firm that trades securities on behalf of its clients and "
               "also for its own account on the stock market.")
    translate(path, {long: english})
    msgcat_save(path, "--no-wrap")
    assert any(len(line) > 100 for line in path.read_text(encoding="utf-8").splitlines())
    # the front matter grows a line: every reference of the article moves, and the paragraph
    # changes, so its entry is written anew (fuzzy)
    edited = long.replace("di pasaran saham", "di Bursa Malaysia")
    (root / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\ndraft: no\ndescription: Firma sekuriti.\n---\n\n"
        + edited + "\n", encoding="utf-8")
    _extract_update(root)
    text = path.read_text(encoding="utf-8")
    assert f'#| msgid "{long}"\nmsgid "{edited}"\nmsgstr "{english}"\n' in text
    saved = path.read_bytes()
    msgcat_save(path, "--no-wrap")
    assert path.read_bytes() == saved
    # the other catalog, never saved unwrapped, is still wrapped as msgcat wraps
    other = _po(root, "articles-k")
    saved = other.read_bytes()
    msgcat_save(other)
    assert other.read_bytes() == saved
    msgfmt_check(path)


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007"])
def test_a_no_break_space_the_reader_now_keeps_leaves_translations_translated(
        tmp_path: Path, space: str) -> None:
    """The reader dropped the no-break space of a title and a description (``title:
    RM\\u00a0100 seunit`` read as ``RM 100 seunit``); kept now, the msgids change. The
    translator read those messages as they show, the same text, so the English headword and
    definition stay translated (fuzzy, the headword would leave the .mo, the tables and the
    site until a review of a change no one can see), under the article's spelling; a
    paragraph edited otherwise meanwhile still comes fuzzy."""
    root = make_root(tmp_path, {"rm-100-seunit": article(
        "RM 100 seunit", "Harga RM 100 seunit ialah tetap.\n\nPerenggan kedua di sini.\n",
        description="Harga RM 100 bagi seunit saham.", keywords="Saham")})
    _extract_update(root)
    translate(_po(root, "glossary"), {"RM 100 seunit": "RM 100 per unit",
                                      "Harga RM 100 bagi seunit saham.": "RM 100 a unit."})
    translate(_po(root, "articles-r"), {"Perenggan kedua di sini.": "The second paragraph."})
    seed = root / "seeds" / "rm-100-seunit.md"
    text = seed.read_text(encoding="utf-8")
    # the front matter with the space written as the author meant it; a paragraph edited
    head, _, body = text.partition("\n---\n")
    seed.write_text(head.replace("RM 100", f"RM{space}100") + "\n---\n"
                    + body.replace("kedua di sini", "kedua di situ"), encoding="utf-8")
    _extract_update(root)
    glossary = {e.msgid: e for e in load_po(_po(root, "glossary")).entries}
    title = glossary[f"RM{space}100 seunit"]
    assert (title.msgstr, title.fuzzy, title.obsolete) == ("RM 100 per unit", False, False)
    definition = next(e for m, e in glossary.items() if m.startswith("Harga RM"))
    assert space in definition.msgid
    assert (definition.msgstr, definition.fuzzy) == ("RM 100 a unit.", False)
    assert not any(e.obsolete for e in glossary.values())
    paragraph = next(e for e in load_po(_po(root, "articles-r")).entries
                     if e.msgid.startswith("Perenggan"))
    assert (paragraph.msgstr, paragraph.fuzzy) == ("The second paragraph.", True)
    check_written(_po(root, "glossary"))


def test_a_template_copied_as_the_catalog_gets_a_catalogs_header(tmp_path: Path) -> None:
    """`cp locale/glossary.pot locale/id/LC_MESSAGES/glossary.po`, as gettext tutorials teach
    before msginit, then a few translations typed in a text editor: update kept the template's
    header, `Language: ` empty, no Plural-Forms, `#, fuzzy` and the template's "do not edit:
    run 'glossari update'" comment above it, for the translator to read. Such a header holds
    nothing of a translator's: it is made as a new catalog's; a header someone filled is kept."""
    root = make_root(tmp_path, {"saham": article(
        "Saham", "Saham dibeli melalui [peniaga broker](/broker-dealer).\n",
        description="Unit pemilikan syarikat.")})
    assert cli(root, "extract")[0] == 0
    folder = root / "locale/id/LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "glossary.po"
    copied = (root / "locale/glossary.pot").read_text(encoding="utf-8").replace(
        'msgid "Unit pemilikan syarikat."\nmsgstr ""',
        'msgid "Unit pemilikan syarikat."\nmsgstr "Unit kepemilikan perusahaan."')
    po.write_text(copied, encoding="utf-8")
    assert cli(root, "update", "-l", "id")[0] == 0
    written = po.read_text(encoding="utf-8")
    made = (folder / "articles-s.po").read_text(encoding="utf-8")  # a catalog update made
    assert written.split("\n\n")[0] == made.split("\n\n")[0].replace(
        "X-Domain: articles-s", "X-Domain: glossary")
    assert '"Language: id\\n"' in written
    assert "Plural-Forms: nplurals=1; plural=0;" in written
    assert "do not edit" not in written
    assert "#, fuzzy" not in written
    assert 'msgstr "Unit kepemilikan perusahaan."' in written
    assert cli(root, "update", "-l", "id")[1].endswith("0 written, 2 unchanged\n")
    if GNU:
        msgfmt_check(po)
    # a header a translator began to fill is theirs: kept as it is
    filled = copied.replace("FULL NAME <EMAIL@ADDRESS>", "Siti <siti@contoh.my>")
    po.write_text(filled, encoding="utf-8")
    assert cli(root, "update", "-l", "id")[0] == 0
    assert po.read_text(encoding="utf-8").split("\n\n")[0] == filled.split("\n\n")[0]
