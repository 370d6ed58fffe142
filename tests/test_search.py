"""Search, in Malay and English: accents, case, prefixes, headwords first; the compiled
termbase and the in-memory index give the same answers."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import re
import signal
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import glossari
from glossari.cli import main
from glossari.glossary import Glossary
from glossari.model import Block, English, Location, Section, Term
from glossari.termbase import SearchHit, Termbase, write_termbase
from glossari.termbase import search as search_module


def _term(term_id: str, title: str, *, body: str = "", description: str | None = None,
          en: str | None = None, en_body: str | None = None,
          en_description: str | None = None) -> Term:
    at = Location(path=f"seeds/{term_id}.md", line=1)
    block = Block(kind="paragraph", text=body, line=3)
    sections = (Section(heading="", level=0, line=3, blocks=(block,)),) if body else ()
    en_sections = (Section(heading="", level=0, line=3,
                           blocks=(Block(kind="paragraph", text=en_body or body, line=3),)),
                   ) if body else ()
    return Term(id=term_id, title=title, description=description, sections=sections, source=at,
                english=English(title=en, status="translated" if en else "untranslated",
                                description=en_description, sections=en_sections))


Search = Callable[..., list[SearchHit]]

MALAY_ATTRIBUTE_WORDS = ["dividen", "sukuk", "hibah", "zakat", "wakaf", "gadaian"]

TERMS = [
    # a body that says "bon" many times, but no headword with it
    _term("hutang", "Hutang", body="Bon, bon dan bon: bon kerajaan, bon korporat, bon lagi.",
          en="Debt", en_body="Bonds, bonds and more bonds."),
    _term("bonkorporat", "Bon korporat", description="Hutang syarikat.",
          en="Corporate bond", en_description="A company's debt."),
    _term("ekuiti", "Ékuiti", body="Pemilikan dalam syarikat.", en="Equity",
          en_body="Ownership in a company."),
    _term("eksekutifakaun", "Eksekutif akaun", body="Akaun pelanggan diuruskan.",
          en="Account executive"),
    _term("naif", "Pelabur naïf", description="Pelabur baharu tentang ekuiti.",
          en="Naive investor"),
]


@pytest.fixture(scope="module", params=["memory", "file"])
def search(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Search:
    glossary = Glossary(TERMS, lang="en")
    if request.param == "memory":
        return glossary.search
    path = tmp_path_factory.mktemp("tb") / "glossari.sqlite"
    write_termbase(path, glossary, ())
    return Termbase.open(path).search


def _ids(hits: list[SearchHit]) -> list[str]:
    return [h.id for h in hits]


def test_malay_headword_first(search: Search) -> None:
    hits = search("bon")
    assert _ids(hits)[:2] == ["bonkorporat", "hutang"]
    assert (hits[0].field, hits[0].lang) == ("headword", "ms")
    assert hits[0].snippet == "[Bon] korporat"
    assert (hits[1].field, hits[1].lang) == ("body", "ms")


def test_english_headword_first(search: Search) -> None:
    hits = search("bond")
    assert _ids(hits)[:2] == ["bonkorporat", "hutang"]
    assert (hits[0].field, hits[0].lang, hits[0].snippet) == ("headword", "en",
                                                              "Corporate [bond]")
    assert search("equity")[0] == SearchHit(id="ekuiti", field="headword", lang="en",
                                            snippet="[Equity]")


@pytest.mark.parametrize("query", ["ekuiti", "EKUITI", "Ékuiti", "ÉKUÎTI", "ekui",
                                   "E\u0301kuiti", "EKUI\u0302TI", "e\u0301kui",
                                   # full-width letters, as typed with a CJK input method
                                   "\uff45\uff4b\uff55\uff49\uff54\uff49"])
def test_accents_case_and_prefix_are_ignored_in_malay(search: Search, query: str) -> None:
    hits = search(query)
    assert hits[0].id == "ekuiti"
    assert hits[0].field == "headword"
    # the definition of 'naif' mentions ekuiti: found too, after the headword
    assert "naif" in _ids(hits)


def test_an_accent_written_decomposed_is_part_of_its_word(tmp_path: Path) -> None:
    """The index reads ``E`` + U+0301 ``kuiti`` (NFD, from macOS or a PDF) as one word,
    ``ekuiti``; the query and the headword lookup must too (the regular expression's ``\\w``
    split it: ``Ékuiti`` found nothing, and ``show`` lost a namesake through the termbase)."""
    terms = [_term("ekuiti", "Ékuiti"), _term("ekuiti-nfd", "E\u0301kuiti")]
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, Glossary(terms, lang="en"), ())
    termbase = Termbase.open(path)
    assert sorted(termbase.titled("E\u0301kuiti")) == ["ekuiti", "ekuiti-nfd"]
    assert termbase.titled("Ékuiti") == termbase.titled("E\u0301kuiti")
    assert _ids(termbase.search("E\u0301kuiti")) == _ids(termbase.search("ekuiti"))
    assert len(termbase.search("e\u0301ku\u0303iti")) == 2


@pytest.mark.parametrize("query", ["naive", "NAÏVE", "naïv", "Investor naive"])
def test_accents_case_and_prefix_are_ignored_in_english(search: Search, query: str) -> None:
    assert search(query)[0] == SearchHit(id="naif", field="headword", lang="en",
                                         snippet="[Naive] [investor]" if " " in query
                                         else "[Naive] investor")


def test_language_filter(search: Search) -> None:
    assert search("company", lang="ms") == []
    assert {h.lang for h in search("company", lang="en")} == {"en"}
    assert set(_ids(search("syarikat", lang="ms"))) == {"bonkorporat", "ekuiti"}
    assert search("syarikat", lang="en") == []


def test_every_word_must_match_and_limit_holds(search: Search) -> None:
    assert _ids(search("akaun pelanggan")) == ["eksekutifakaun"]
    assert search("akaun zzz") == []
    assert len(search("bon", limit=1)) == 1
    assert search("bon", limit=0) == []


@pytest.mark.parametrize(("query", "first"), [
    ("akaunnya", "eksekutifakaun"), ("Ekuitinya", "ekuiti"), ("ékuitilah", "ekuiti"),
    ("executives", "eksekutifakaun"), ("account executive's", "eksekutifakaun"),
    ("bonds", "bonkorporat"), ("investors", "naif"), ("companies", "bonkorporat"),
    ("company\u2019s debts", "bonkorporat"),
    # clitics after a hyphen, as Malay writes them on an acronym (the site's box found these,
    # glossari search asked for a word `nya` as well)
    ("Ekuiti-nya", "ekuiti"), ("akaun-nya-lah", "eksekutifakaun"),
])
def test_an_inflected_word_finds_the_word_it_is_built_on(search: Search, query: str,
                                                         first: str) -> None:
    """A prefix finds what a word begins, not the word an inflected query is built on:
    ``komisennya``, ``brokers`` found nothing while ``find`` read them (Malay clitics, English
    plurals and possessives; ``companies`` is ``company``)."""
    assert _ids(search(query))[:1] == [first]


def test_a_word_that_only_ends_like_an_inflection_finds_itself_first(tmp_path: Path) -> None:
    """``wakalah``, ``jumlah``, ``langkah`` end as ``-lah`` and ``-kah`` do; their pseudo-roots
    ``waka``, ``jum``, ``lang`` were asked for as prefixes: *Wakaf* came before *Wakalah*, and
    ``langkah`` found *Langganan saham*. A root is a whole word; the word itself a prefix."""
    glossary = Glossary([_term("wakaf", "Wakaf"), _term("wakalah", "Wakalah"),
                         _term("jumaat", "Dagangan hari Jumaat"),
                         _term("langganan", "Langganan saham"),
                         _term("komisen", "Komisen", body="Komisen-komisennya dibayar.")],
                        lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert _ids(search("wakalah")) == ["wakalah"]
        assert search("jumlah") == []
        assert search("langkah") == []
        assert _ids(search("komisennya")) == ["komisen"]


def test_a_reference_link_s_label_is_no_word_of_the_body(tmp_path: Path) -> None:
    """``[unit amanah][ua]`` shows "unit amanah"; its label ``ua`` names a definition, as a
    link's target names a page: no search finds it (``ua`` and ``kf`` found the articles)."""
    body = "Lihat [unit amanah][ua], [bon][] dan [kadar faedah][kf]."
    glossary = Glossary([_term("saham", "Saham", body=body)], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert search("ua") == []
        assert search("kf") == []
        [hit] = search("unit amanah")
        assert hit.snippet == "Lihat [unit] [amanah], bon dan kadar faedah."
        assert _ids(search("faedah")) == ["saham"]


def test_a_plural_of_three_letters_finds_its_singular_and_a_singular_in_s_no_stem(
        tmp_path: Path) -> None:
    """``taxes``, ``fees``, ``ETFs`` found nothing of *Tax*, *Fee*, *ETF*: a root of three
    letters was too short for English. ``status`` asked for ``statu``, ``bonus`` for ``bonu``
    and ``news`` for ``new``: a word in ``-s`` that is no plural has no plural reading."""
    glossary = Glossary([
        _term("cukai", "Cukai", en="Tax"), _term("yuran", "Yuran", en="Fee"),
        _term("dana-dagangan-bursa", "Dana dagangan bursa", en="Exchange-traded fund (ETF)"),
        _term("status", "Status", en="Status"), _term("statu", "Statu", en="Statu"),
        _term("bonu", "Bonu", en="Bonu"), _term("terbitan-baharu", "Terbitan baharu",
                                                en="New issue"),
        _term("bonus", "Bonus", body="Bonus-bonusnya dibayar.", en="Bonus")], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert _ids(search("taxes", lang="en")) == ["cukai"]
        assert _ids(search("fees", lang="en")) == ["yuran"]
        assert _ids(search("ETFs", lang="en")) == ["dana-dagangan-bursa"]
        assert _ids(search("tax's fees'", lang="en")) == []  # every word in one text
        assert _ids(search("status")) == ["status"]
        assert _ids(search("bonus")) == ["bonus"]
        assert search("news") == []
        assert _ids(search("statuses", lang="en")) == ["status"]


@pytest.mark.parametrize("query", ["Ekuiti\u2019nya", "ekuiti'lah", "akaun\u02bcnya"])
def test_clitics_after_an_apostrophe_find_the_word_they_are_on(search: Search,
                                                               query: str) -> None:
    # as after a hyphen (Ekuiti-nya): the word with its clitics, not a word `nya` too
    assert _ids(search(query))[:1] == [_ids(search(query.replace("\u2019", "-")
                                                    .replace("'", "-").replace("\u02bc", "-")))[0]]
    assert search(query)


def test_a_word_in_the_other_spelling_finds_the_name(tmp_path: Path) -> None:
    """``investment adviser`` found nothing of *Investment advisor*, though find reads either
    spelling, British or American, as the name (docs/terms.md)."""
    glossary = Glossary([
        _term("penasihat-pelaburan", "Penasihat pelaburan", en="Investment advisor"),
        _term("permodalan-pasaran", "Permodalan pasaran", en="Market capitalisation"),
        _term("buruh", "Buruh", en="Labor", body="Kos buruh.", en_body="Labor costs.")],
        lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert _ids(search("investment adviser")) == ["penasihat-pelaburan"]
        assert _ids(search("investment advisers", lang="en")) == ["penasihat-pelaburan"]
        assert _ids(search("market capitalization")) == ["permodalan-pasaran"]
        assert _ids(search("labour")) == ["buruh"]
        assert [(h.field, h.snippet) for h in search("labour costs")] == [
            ("body", "[Labor] [costs].")]


def test_an_irregular_or_classical_plural_finds_its_singular(tmp_path: Path) -> None:
    """``stock indices``, ``analyses``, ``chairmen`` found nothing of *Stock index*,
    *Analysis*, *Chairman*, which find reads them as; the Malay words ending as a classical
    plural in ``-i`` or ``-a`` ask for no such singular (``hari`` is no ``harus``)."""
    glossary = Glossary([
        _term("indeks-saham", "Indeks saham", en="Stock index"),
        _term("analisis", "Analisis", en="Analysis"),
        _term("pengerusi", "Pengerusi", en="Chairman"),
        _term("kanak-kanak", "Akaun kanak-kanak", en="Child account"),
        _term("mesti", "Mesti", body="Harus dibayar.", en="Must")], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert _ids(search("stock indices")) == ["indeks-saham"]
        assert _ids(search("analyses", lang="en")) == ["analisis"]
        assert _ids(search("chairmen's")) == ["pengerusi"]
        assert _ids(search("children's account")) == ["kanak-kanak"]
        assert search("hari") == []


def test_an_acronym_written_with_dots_is_one_word(tmp_path: Path) -> None:
    """``E.T.F.s`` was asked as the prefixes ``E``, ``T``, ``F``, ``s``: *ETF* was not found,
    and any body holding words that begin so was (find reads it as *ETF*)."""
    glossary = Glossary([
        _term("etf", "Dana dagangan bursa (ETF)", en="Exchange-traded fund (ETF)"),
        _term("simpanan-pekerja", "Kumpulan Wang Simpanan Pekerja",
              body="Caruman K.W.S.P. dipotong.", en="Employees Provident Fund"),
        _term("jualan", "Jualan", body="Teknik efektif: strategi tepat, fokus sasaran.",
              en="Sales")], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        for query in ("E.T.F.s", "e.t.f.", "E.T.F.\u2019s", "ETFs"):
            assert _ids(search(query)) == ["etf"], query
        assert [(h.id, h.snippet) for h in search("K.W.S.P.")] == [
            ("simpanan-pekerja", "Caruman [K.W.S.P]. dipotong.")]


def test_capitals_joined_by_a_slash_or_an_ampersand_are_one_phrase(tmp_path: Path) -> None:
    """``P/E`` and ``M&A`` were asked as the prefixes ``P`` and ``E``, ``M`` and ``A``: any text
    holding words that begin so was a hit (the bundled glossary's definition of *Eksekutif
    akaun*, for its ``pengurus`` and ``eksekutif``); find reads them as one acronym."""
    glossary = Glossary([
        _term("nisbah-pe", "Nisbah harga/pendapatan (P/E)", en="Price-to-earnings ratio (P/E)"),
        _term("pengurus", "Pengurus", description="Eksekutif yang mengurus pasukan.",
              body="Pengurus akaun mempunyai anak buah.", en="Manager"),
        _term("gabungan", "Penggabungan dan pengambilalihan (M&A)",
              en="Mergers and acquisitions (M&A)")], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert _ids(search("P/E")) == ["nisbah-pe"]
        assert _ids(search("nisbah P/E")) == ["nisbah-pe"]
        assert _ids(search("M&A")) == ["gabungan"]
        # in lower case too: `p/e` asked the prefixes `p` and `e`, and *Pengurus* came first
        for query in ("p/e", "P/e", "nisbah p/e", "m&a", "harga/pendapatan", "HARGA/PENDAPATAN"):
            assert _ids(search(query)) == ["gabungan" if "&" in query else "nisbah-pe"], query
        # with a clitic or a possessive, as find reads them: P/E-nya found nothing, and P/E's
        # asked for P/E and a word in s besides
        for query in ("P/E-nya", "p/e-nyalah", "P/E's", "P/E\u2019s", "harga/pendapatannya",
                      "M&A-nya"):
            assert _ids(search(query)) == ["gabungan" if "&" in query else "nisbah-pe"], query
        assert [h.field for h in search("P/E's")] == ["headword"]
        assert [h.snippet for h in search("M&A", lang="en")] == [
            "Mergers and acquisitions ([M&A])"]


def test_words_joined_by_a_slash_that_no_text_joins_are_each_asked(tmp_path: Path) -> None:
    """``KWSP/EPF`` and ``wakalah/mudarabah`` found nothing, though the glossary names each:
    asked only as one phrase, which no text writes (``find`` reads two names). When the phrase
    finds nothing, each word is asked, one or the other; an acronym's letters (``P/E``) are
    never asked apart, and a text that writes the phrase is found by it alone."""
    glossary = Glossary([
        _term("kumpulan-wang-simpanan-pekerja", "Kumpulan Wang Simpanan Pekerja (KWSP)",
              body="Caruman KWSP dipotong setiap bulan.",
              en="Employees Provident Fund (EPF)", en_body="EPF contributions are deducted."),
        _term("wakalah", "Wakalah", description="Kontrak agensi.", en="Wakalah"),
        _term("mudarabah", "Mudarabah", description="Kontrak perkongsian untung."),
        _term("nisbah-pe", "Nisbah harga/pendapatan (P/E)", en="Price-to-earnings ratio (P/E)"),
        _term("harga", "Harga", description="Nilai pasaran.", en="Price"),
        _term("pengurus", "Pengurus", body="Pengurus eksekutif syarikat.", en="Manager"),
    ], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        for query in ("KWSP/EPF", "EPF/KWSP", "kwsp/epf", "KWSP/EPF-nya"):
            assert _ids(search(query)) == ["kumpulan-wang-simpanan-pekerja"], query
        assert [h.lang for h in search("EPF/KWSP", lang="en")] == ["en"]
        for query in ("wakalah/mudarabah", "Wakalah/Mudarabahnya", "kontrak agensi/perkongsian"):
            assert sorted(_ids(search(query))) == ["mudarabah", "wakalah"], query
        assert _ids(search("harga/pendapatan")) == ["nisbah-pe"]  # the phrase: not *Harga*
        assert _ids(search("P/E")) == ["nisbah-pe"]
        assert search("S/E") == []  # no P-words and E-words: an acronym's letters
        assert _ids(search("wakalah/zakat")) == ["wakalah"]  # one or the other


@pytest.fixture(scope="module")
def kwsp(tmp_path_factory: pytest.TempPathFactory) -> tuple[Glossary, Termbase]:
    glossary = Glossary([
        _term("kwsp", "Kumpulan Wang Simpanan Pekerja (KWSP)", body="Caruman KWSP bulanan.",
              en="Employees Provident Fund (EPF)"),
        _term("saham", "Saham", body="Saham dan pasaran.", en="Share")], lang="en")
    path = tmp_path_factory.mktemp("tb") / "glossari.sqlite"
    write_termbase(path, glossary, ())
    return glossary, Termbase.open(path)


@given(joint=st.sampled_from(["&", "//", "///"]),
       first=st.sampled_from(["KWSP", "kwsp", "Kwsp"]), last=st.sampled_from(["EPF", "epf"]),
       ending=st.sampled_from(["", "-nya", "'s"]))
@settings(max_examples=30, deadline=None)
def test_words_joined_by_an_ampersand_or_slashes_typed_twice_are_each_asked(
        kwsp: tuple[Glossary, Termbase], joint: str, first: str, last: str,
        ending: str) -> None:
    """``kwsp//epf`` and ``KWSP&EPF`` found nothing where ``KWSP/EPF`` found the term: a slash
    typed twice is one, and words joined by ``&`` are each asked as words joined by ``/`` are
    when the phrase finds nothing; an acronym's letters (``AT&T``, ``S&P``) never are."""
    for search in (kwsp[0].search, kwsp[1].search):
        query = f"{first}{joint}{last}{ending}"
        assert _ids(search(query)) == _ids(search(f"{first}/{last}")) == ["kwsp"], query


@given(left=st.sampled_from(["P", "KWSP"]), mark=st.sampled_from(["/", "&"]),
       before=st.sampled_from(["", " ", "  ", "\t"]), after=st.sampled_from(["", " ", "  "]))
@settings(max_examples=30, deadline=None)
def test_capitals_joined_with_spaces_around_are_the_acronym(
        left: str, mark: str, before: str, after: str) -> None:
    """``P / E`` asked for the prefixes ``P`` and ``E`` anywhere in one text, and *Employees
    Provident Fund (EPF)* came before *P/E*, which find reads ``P / E`` as; ``KWSP / EPF``
    found nothing where ``KWSP/EPF`` found the term. Spaces around the mark do not count."""
    glossary = Glossary([
        _term("kwsp", "Kumpulan Wang Simpanan Pekerja (KWSP)",
              en="Employees Provident Fund (EPF)"),
        _term("nisbah-pe", "Nisbah harga/pendapatan (P/E)", en="Price-to-earnings ratio (P/E)"),
        _term("gabungan", "Penggabungan dan pengambilalihan (M&A)")], lang="en")
    right = "E" if left == "P" else "EPF"
    query = f"{left}{before}{mark}{after}{right}"
    closed = _ids(glossary.search(f"{left}{mark}{right}"))
    assert _ids(glossary.search(query)) == closed, query
    # P&E is no P/E (find tells the two apart); KWSP&EPF asks for each acronym apart
    assert closed == ([] if (left, mark) == ("P", "&") else
                      ["nisbah-pe"] if left == "P" else ["kwsp"])
    # words in lower case so spaced are words of their own, as ever
    assert _ids(glossary.search("harga / pendapatan")) == ["nisbah-pe"]


def test_an_acronym_s_letters_joined_by_an_ampersand_are_never_asked_apart(
        tmp_path: Path) -> None:
    glossary = Glossary([
        _term("sp", "Indeks S&P 500", en="S&P 500 index"),
        _term("saham", "Saham", body="Saham dan pasaran.", en="Share"),
        _term("pasaran", "Pasaran", en="Market")], lang="en")
    assert _ids(glossary.search("S&P")) == ["sp"]
    assert glossary.search("S&M") == []  # no S-words and M-words: an acronym's letters
    assert sorted(_ids(glossary.search("saham&pasaran"))) == ["pasaran", "saham"]


def test_capitals_joined_in_the_plural_find_the_acronym(tmp_path: Path) -> None:
    """``P/Es`` and ``M&As`` found nothing: asked as the phrase ``P Es``, where find reads the
    English plural on an acronym as Malay text borrows it (docs/terms.md)."""
    glossary = Glossary([
        _term("nisbah-pe", "Nisbah harga/pendapatan (P/E)", en="Price-to-earnings ratio (P/E)"),
        _term("gabungan", "Penggabungan dan pengambilalihan (M&A)",
              en="Mergers and acquisitions (M&A)"),
        _term("pengurus", "Pengurus", body="Pengurus eksekutif syarikat.", en="Manager")],
        lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        for query in ("P/Es", "p/es", "nisbah P/Es", "M&As", "m&as"):
            assert _ids(search(query)) == ["gabungan" if "&" in query else "nisbah-pe"], query
        assert [h.snippet for h in search("P/Es")] == ["Nisbah harga/pendapatan ([P/E])"]


def test_a_table_is_indexed_by_its_cells(tmp_path: Path) -> None:
    """A table's pipes and delimiter row are no text: the snippet showed
    `| Saham biasa | Ya | Berubah | | Saham [keutamaan] |` and `|---|---|---|`."""
    table = ("| Jenis | Hak mengundi |\n|---|:-:|\n| Saham biasa | Ya |\n"
             "| Saham keutamaan | Tidak |")
    term = _term("saham", "Saham", body=table)
    [section] = term.sections
    tabled = dataclasses.replace(section, blocks=tuple(
        dataclasses.replace(b, kind="table") for b in section.blocks))
    glossary = Glossary([dataclasses.replace(term, sections=(tabled,))], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        [hit] = search("keutamaan")
        assert " ".join(hit.snippet.split()) == (
            "Jenis Hak mengundi Saham biasa Ya Saham [keutamaan] Tidak")


def test_a_derivation_is_another_word_not_an_inflection(search: Search) -> None:
    # `pemilikan` (ownership) is built on `milik` by derivation: no search for `milik` is made
    assert _ids(search("pemilikan")) == ["ekuiti"]
    assert search("pemilikannya") == search("pemilikan")
    assert search("dimiliki") == []


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Glossary, Termbase]:
    glossary = Glossary(TERMS, lang="en")
    path = tmp_path_factory.mktemp("tb") / "glossari.sqlite"
    write_termbase(path, glossary, ())
    return glossary, Termbase.open(path)


@given(query=st.text(max_size=30) | st.sampled_from(["bon", "ak", "é", "syarikat debt"]),
       lang=st.sampled_from([None, "ms", "en"]), limit=st.integers(0, 6))
def test_any_query_is_safe_and_the_two_paths_agree(both: tuple[Glossary, Termbase], query: str,
                                                   lang: str | None, limit: int) -> None:
    glossary, termbase = both
    hits = glossary.search(query, lang=lang, limit=limit)
    assert hits == termbase.search(query, lang=lang, limit=limit)
    assert len(hits) <= limit
    assert len({h.id for h in hits}) == len(hits)  # one hit per term
    assert all(h.field in ("headword", "name", "definition", "category", "body") for h in hits)


@given(words=st.lists(st.sampled_from(["bon", "BON", "akaun", "Akaun", "syarikat", "ekui",
                                         "debt", "zzz"]), min_size=1, max_size=6),
       times=st.integers(2, 40))
@settings(max_examples=40, deadline=None)
def test_a_word_said_again_asks_nothing_more(both: tuple[Glossary, Termbase], words: list[str],
                                             times: int) -> None:
    """Repeated words were each searched again: 60 times `broker` took 13 s, a pasted page of
    5,000 words over ten minutes (FTS5's time grows with the square of the words)."""
    glossary, termbase = both
    query = " ".join(words)
    once = termbase.search(query)
    assert termbase.search(" ".join([query] * times)) == once
    assert glossary.search(" ".join(w.upper() for w in [*words, *words])) == once


def test_a_query_of_too_many_different_words_is_refused_clearly(
    both: tuple[Glossary, Termbase], capsys: pytest.CaptureFixture[str],
) -> None:
    from glossari.termbase.search import MAX_WORDS, QueryError

    glossary, termbase = both
    longest = " ".join(f"w{n}" for n in range(MAX_WORDS))
    assert termbase.search(longest) == glossary.search(longest) == []
    assert termbase.search(longest + " W0 w1") == []  # repeats do not count
    for search in (termbase.search, glossary.search):
        with pytest.raises(QueryError, match=f"{MAX_WORDS + 1} different words"):
            search(longest + " another")
    root = Path(__file__).resolve().parent.parent
    assert main(["--root", str(root), "search", longest + " another"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "at most 64" in err
    assert "fewer words" in err


def test_a_refused_query_is_a_glossari_error(both: tuple[Glossary, Termbase]) -> None:
    """Errors are GlossariError subclasses (README): an application that catches them around
    a user's query must not get another exception for a query of too many words."""
    import glossari
    from glossari.termbase.search import MAX_WORDS

    glossary, _ = both
    with pytest.raises(glossari.GlossariError) as caught:
        glossary.search(" ".join(f"w{n}" for n in range(MAX_WORDS + 1)))
    assert isinstance(caught.value, glossari.InputError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.path == "QUERY"


@given(lang=st.text(max_size=6).filter(lambda t: t not in ("ms", "en") and
                                        not t.startswith("ms_")),
       limit=st.integers(max_value=-1))
def test_an_argument_the_api_refuses_is_a_glossari_error_naming_it(
    both: tuple[Glossary, Termbase], lang: str, limit: int,
) -> None:
    """search(lang="xx"), search(limit=-1) and find_terms(lang="id") raised a bare ValueError,
    with no path: a web application catching GlossariError around a reader's ?lang= got a 500;
    glossari.load(lang="xx") said '-l: unknown language code', the command line's option."""
    import glossari

    glossary, _ = both
    for call, argument in ((lambda: glossary.search("bon", lang=lang), "lang"),
                           (lambda: glossary.search("bon", limit=limit), "limit"),
                           (lambda: glossary.find_terms("bon", lang=lang), "lang")):
        with pytest.raises(glossari.InputError) as caught:
            call()
        assert isinstance(caught.value, ValueError)
        assert caught.value.path == argument
        assert str(caught.value).startswith(f"{argument}: ")


@pytest.mark.parametrize("lang", ["xx", "EN", "ms", "pt-BR", "../en"])
def test_load_names_its_lang_argument_not_the_commands_option(lang: str) -> None:
    import glossari

    with pytest.raises(glossari.CatalogError) as caught:
        glossari.load(glossari.BUNDLED, lang=lang)
    assert caught.value.path == "lang"
    assert str(caught.value).startswith("lang: ")
    assert "-l" not in str(caught.value)
    with pytest.raises(TypeError, match="load's lang is a language code"):
        glossari.load(glossari.BUNDLED, lang=5)  # type: ignore[arg-type]


@pytest.mark.parametrize("call", [
    lambda g: g.search(None), lambda g: g.search(b"akaun"), lambda g: g.search("a", limit="5"),
    lambda g: g.search("a", limit=2.5), lambda g: g.find_terms(None),
    lambda g: g.find_terms(b"akaun"),
])
def test_a_wrong_type_is_named(both: tuple[Glossary, Termbase],
                               call: Callable[[Glossary], object]) -> None:
    # as lookup does: the argument named, not a TypeError from deep inside
    glossary, _ = both
    with pytest.raises(TypeError, match=r"(takes a (query|text) \(a str\)|limit is an int)"):
        call(glossary)


@pytest.mark.parametrize("lang", ["EN", "eng", "xx", "", "id"])
def test_a_language_the_glossary_has_not_is_an_error_not_no_hits(
    both: tuple[Glossary, Termbase], lang: str,
) -> None:
    """`search(q, lang="EN")` dropped every hit silently where the command exits 2."""
    glossary, _ = both
    with pytest.raises(ValueError, match=r"Malay \('ms'\) or this glossary's translation"):
        glossary.search("bon", lang=lang)
    with pytest.raises(ValueError, match="limit: must be 0 or more"):
        glossary.search("bon", limit=-1)
    assert glossary.search("bon", limit=0) == []
    assert glossary.search("bon", limit=10**20) == glossary.search("bon", limit=100)
    root = Path(__file__).resolve().parent.parent
    for limit in ("99999999999999999999", "0", "1000001"):
        with contextlib.redirect_stderr(io.StringIO()) as err:
            assert main(["--root", str(root), "search", "akaun", "-n", limit]) == 2
        assert "--limit must be 1 to 1,000,000" in err.getvalue()
    with pytest.raises(TypeError, match="lookup takes a name"):
        glossary.lookup(None)  # type: ignore[arg-type]


def test_search_command_json_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parent.parent
    assert main(["--root", str(root), "search", "akaun", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0] == {"id": "accountexecutive", "field": "headword", "lang": "ms",
                       "snippet": "Eksekutif [akaun]"}
    assert all(set(h) == {"id", "field", "lang", "snippet"} for h in hits)
    assert main(["--root", str(root), "search", "ACCOUNT EXEC", "-l", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "accountexecutive\theadword\ten\t[Account] [executive]"
    assert main(["--root", str(root), "search", "zzzz"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no term matches" in captured.err
    assert main(["--root", str(root), "search", '"(AND* NEAR', "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@given(st.text(st.sampled_from(" \t!?-.,/&()*\"'\u00a0\u00ad\u2060_"), max_size=8))
@settings(max_examples=25, deadline=None)
def test_a_query_with_no_word_is_a_usage_error(query: str) -> None:
    """`glossari search ''` (or spaces, `!!`, `-`) printed "no term matches ''" and exit 0, as if
    the glossary had been searched: a query with no word is one line naming QUERY, exit 2."""
    root = Path(__file__).resolve().parent.parent
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), "search", "--", query])
    assert code == 2
    assert out.getvalue() == ""
    assert err.getvalue().startswith("glossari: error: QUERY: the query holds no word")
    assert len(err.getvalue().splitlines()) == 1
    assert glossari.load(root).search(query) == []  # the API answers it with no hit


def _oracle(db: Termbase, glossary: Glossary, query: str, limit: int) -> list[tuple[str, str]]:
    """The ranking spelled out: every match of every field sorted by bm25 (plain SQL), then by
    the term's place in the glossary's order, then rowid; one row per term, fields in rank
    order."""
    from glossari.termbase.schema import FIELD_RANK, search_table
    from glossari.termbase.search import match_expression

    expression = match_expression(query)
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for field in sorted(FIELD_RANK, key=FIELD_RANK.__getitem__):
        table = search_table(field)
        place = {term.id: n for n, term in enumerate(glossary)}
        matches = db._db.execute(f"SELECT rank, rowid, term_id FROM {table} WHERE {table} MATCH ?",
                                 (expression,)).fetchall()
        for _, _, term_id in sorted(matches, key=lambda row: (row[0], place[row[2]], row[1])):
            if term_id not in seen and len(found) < limit:
                seen.add(term_id)
                found.append((term_id, field))
    return found


_TIED_WORDS = ["bon", "bonus", "dana", "akaun", "kos"]


@given(texts=st.lists(st.lists(st.sampled_from(_TIED_WORDS), min_size=1, max_size=4),
                      min_size=1, max_size=25),
       query=st.sampled_from(["bon", "b", "dana kos", "akaun", "bo da"]),
       limit=st.integers(min_value=1, max_value=8))
def test_the_ranking_is_a_total_order_over_every_match(texts: list[list[str]], query: str,
                                                        limit: int) -> None:
    # many terms with equal texts: bm25 ties everywhere, which the early stop must not reorder
    terms = [_term(f"t{n:02d}", " ".join(words), body=" ".join(reversed(words)),
                   description=" ".join(words[:1]))
             for n, words in enumerate(texts)]
    from glossari.termbase import memory_termbase

    glossary = Glossary(terms, lang="en")
    db = memory_termbase(glossary)
    hits = db.search(query, limit=limit)
    assert [(h.id, h.field) for h in hits] == _oracle(db, glossary, query, limit)


def _sections(texts: list[str]) -> tuple[Section, ...]:
    return tuple(Section(heading="", level=0, line=3 + n,
                         blocks=(Block(kind="paragraph", text=text, line=3 + n),))
                 for n, text in enumerate(texts))


_WORDS = st.lists(st.sampled_from(_TIED_WORDS), min_size=1, max_size=4)


def _open_split(path: Path, glossary: Glossary, workers: int) -> Termbase:
    """``glossary`` written to ``path`` and opened with its search split a term at a time over
    ``workers`` helper connections: the path a large termbase's search takes."""
    write_termbase(path, glossary, ())
    termbase = Termbase.open(path)
    termbase.split_terms, termbase.search_workers = 1, workers
    return termbase


@given(texts=st.lists(st.tuples(_WORDS, _WORDS), min_size=1, max_size=30),
       query=st.sampled_from(["bon", "b", "dana kos", "akaun", "bo da", "kos"]),
       limit=st.integers(min_value=1, max_value=8), workers=st.integers(2, 4),
       lang=st.sampled_from([None, "ms", "en"]))
@settings(max_examples=60, deadline=None)
def test_a_table_ranked_in_parts_at_once_gives_the_same_hits(
        tmp_path_factory: pytest.TempPathFactory, texts: list[tuple[list[str], list[str]]],
        query: str, limit: int, workers: int, lang: str | None) -> None:
    # every table split into rowid ranges ranked on helper connections (as a 30,000-article body
    # table is), each range cut short by the bounded sort: the merge must lose and reorder nothing.
    # A term has up to 16 sections (words of their own, so that the bodies are searched), so
    # that a range's first rows may all be one term's.
    terms = []
    for n, (words, body) in enumerate(texts):
        bodies = [" ".join(body[k:] + body[:k]) for k in range(len(body))] * (n % 4 + 1)
        term = _term(f"t{n:02d}", " ".join(words), description=" ".join(words[:1]),
                     en=" ".join(words[1:]) or None)
        english = dataclasses.replace(term.english, sections=_sections([b + " x" for b in bodies]))
        terms.append(dataclasses.replace(term, sections=_sections(bodies), english=english))
    glossary = Glossary(terms, lang="en")
    termbase = _open_split(tmp_path_factory.mktemp("tb") / "glossari.sqlite", glossary, workers)
    try:
        # the split path is the one under test (one term's rows are too few to split)
        assert termbase._parts("search_body") or len(terms) == 1
        # each range's first look cut short, so that the merge and the asking again are tried
        with mock.patch.object(search_module, "FIRST_ROWS", 1):
            hits = termbase.search(query, lang=lang, limit=limit)
        assert hits == glossary.search(query, lang=lang, limit=limit)
        if lang is None:
            from glossari.termbase import memory_termbase

            assert [(h.id, h.field) for h in hits] == _oracle(
                memory_termbase(glossary), glossary, query, limit)
    finally:
        termbase.close()


def test_a_range_cut_short_is_asked_again(tmp_path: Path) -> None:
    # the first range's best rows are all one term's (16 sections); the second-best term is in
    # the same range, past the cut: a merge that trusted the second range's rows would rank a
    # worse term of that range second
    bodies = {"t0": ["dana"] * 16, "t1": ["dana kos"], "t2": ["dana kos kos bon"],
              "t3": ["dana kos kos kos"], "t4": ["dana kos kos kos kos"],
              "t5": ["dana kos kos kos bon"]}
    terms = [dataclasses.replace(_term(term_id, f"Istilah {term_id}"), sections=_sections(texts))
             for term_id, texts in bodies.items()]
    glossary = Glossary(terms, lang="en")
    assert [t.id for t in glossary] == list(bodies)
    termbase = _open_split(tmp_path / "glossari.sqlite", glossary, 2)
    try:
        assert len(termbase._parts("search_body")) == 2
        with mock.patch.object(search_module, "FIRST_ROWS", 1):
            hits = termbase.search("dana", limit=2)
        assert [(h.id, h.field) for h in hits] == [("t0", "body"), ("t1", "body")]
        assert hits == glossary.search("dana", limit=2)
    finally:
        termbase.close()


def test_search_rowids_are_the_terms_slots(tmp_path: Path) -> None:
    # docs/termbase.md: rowid // 4096 is terms.position in every search table, as plain SQLite
    # reads it; an article of more rows than its slot holds keeps the rest in its last row
    import sqlite3

    long_body = [f"bahagian {n}" for n in range(4100)] + ["penutup istimewa"]
    terms = [*TERMS, dataclasses.replace(_term("panjang", "Panjang"), categories=("Pelaburan",),
                                         sections=_sections(long_body))]
    glossary = Glossary(terms, lang="en")
    write_termbase(tmp_path / "glossari.sqlite", glossary, ())
    db = sqlite3.connect(tmp_path / "glossari.sqlite")
    positions = dict(db.execute("SELECT id, position FROM terms"))
    for table in ("search_headword", "search_name", "search_definition", "search_category",
                  "search_body"):
        rows = db.execute(f"SELECT rowid, term_id FROM {table}").fetchall()
        assert rows
        assert all(rowid // 4096 == positions[term_id] for rowid, term_id in rows)
    slot = db.execute("SELECT count(*) FROM search_body WHERE term_id = 'panjang'").fetchone()
    assert slot == (4096,)
    db.close()
    hits = glossary.search("penutup istimewa")
    assert [(h.id, h.field) for h in hits] == [("panjang", "body")]
    assert "[penutup] [istimewa]" in hits[0].snippet


def test_a_termbase_replaced_under_its_reader_is_searched_as_opened(tmp_path: Path) -> None:
    # a compile replaces the file while an app holds it open: the helper connections a large
    # search opens then read the new file, and must not be mixed with the one held
    path = tmp_path / "glossari.sqlite"
    before = Glossary(TERMS, lang="en")
    termbase = _open_split(path, before, 3)
    try:
        renamed = [dataclasses.replace(t, id=f"baru-{t.id}") for t in TERMS]
        write_termbase(path, Glossary(renamed, lang="en"), ())
        for query in ("bon", "syarikat", "akaun pelanggan", "e"):
            assert termbase.search(query) == before.search(query)
        assert len(termbase._helpers) == 2  # they were opened, on the new file, and left out
    finally:
        termbase.close()
    # and a search on a file nobody replaced does use them
    fresh = Termbase.open(path)
    try:
        fresh.split_terms, fresh.search_workers = 1, 3
        from glossari.termbase import reader

        used: list[object] = []

        def fetch(connection: object, sql: str, params: object) -> list[object]:
            used.append(connection)
            return real_fetch(connection, sql, params)  # type: ignore[arg-type]

        real_fetch = reader._fetch
        with mock.patch.object(reader, "_fetch", fetch):
            assert [h.id for h in fresh.search("bon")][:1] == ["baru-bonkorporat"]
        assert set(used) == {fresh._db, *fresh._helpers}
    finally:
        fresh.close()


@pytest.mark.parametrize(("args", "expected"), [
    # the check of the language said "-l", an option the user had not given
    (["--translation", "ms"], "--translation: 'ms' is Malay, the language of the articles; "
                              "give the language they are translated into, such as en"),
    (["--translation", "english"], "--translation: unknown language code 'english'; use an "
                                   "ISO 639 code such as en, id or pt_BR"),
    (["-l", "ms", "--translation", "ms_MY"], "--translation: 'ms_MY' is Malay"),
    (["--translation", "fr"], "locale/fr/LC_MESSAGES: no catalogs for the language 'fr' "
                              "(locale/ has en); check the language code, or run 'glossari "
                              "update -l fr' to start it"),
    # -l with a translation language implies it: a second one was silently ignored
    (["-l", "en", "--translation", "fr"], "-l en and --translation fr name two translation "
                                          "languages; give one of them"),
])
def test_a_bad_translation_language_is_named_by_the_option_that_gave_it(
    args: list[str], expected: str
) -> None:
    root = Path(__file__).resolve().parent.parent
    with contextlib.redirect_stderr(io.StringIO()) as err:
        assert main(["--root", str(root), "search", "akaun", *args]) == 2
    assert err.getvalue().startswith(f"glossari: error: {expected}")
    assert err.getvalue().count("\n") == 1


def test_the_translation_language_given_twice_alike_is_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = Path(__file__).resolve().parent.parent
    assert main(["--root", str(root), "search", "account", "-l", "en", "--translation", "en"]) == 0
    assert capsys.readouterr().out.startswith("accountexecutive\theadword\ten\t")


def _child_search(termbase: Termbase, expected: list[SearchHit]) -> int:
    """Fork; the child searches ``termbase`` for "bon" within a 10 s alarm and exits 0 when it
    gets ``expected``. The child's exit code (-14, SIGALRM: it hung)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            signal.alarm(10)
            code = 0 if termbase.search("bon") == expected else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_forked_child_searches_with_threads_of_its_own(tmp_path: Path) -> None:
    # gunicorn --preload: the parent loads and searches a large termbase (helper connections
    # and their threads), then forks its workers. The parent's threads do not exist in a child,
    # whose first large search waited for them forever.
    path = tmp_path / "glossari.sqlite"
    glossary = Glossary(TERMS, lang="en")
    termbase = _open_split(path, glossary, 3)
    try:
        expected = glossary.search("bon")
        assert termbase.search("bon") == expected
        assert termbase._pool is not None
        assert len(termbase._helpers) == 2
        assert _child_search(termbase, expected) == 0
        assert termbase.search("bon") == expected  # the parent's own are still its own
    finally:
        termbase.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_child_forked_while_a_read_held_the_lock_still_reads(tmp_path: Path) -> None:
    # another thread of the parent was inside a query at the fork: the child's copy of the lock
    # stayed held for ever, and its first read (or close) waited for a thread it does not have
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, Glossary(TERMS, lang="en"), ())
    termbase = Termbase.open(path)
    try:
        expected = termbase.search("bon")
        with termbase._lock:  # as a reading thread holds it
            code = _child_search(termbase, expected)
        assert code == 0
    finally:
        termbase.close()


@pytest.mark.parametrize("command", [["search", "akaun"], ["find", "eksekutif akaun"]])
def test_malay_with_a_region_is_the_malay_side(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # `-l ms_MY` was refused as "Malay, the language of the articles; give the language they
    # are translated into", although -l ms is one of search's and find's choices
    root = Path(__file__).resolve().parent.parent
    assert main(["--root", str(root), *command, "-l", "ms", "--format", "json"]) == 0
    malay = capsys.readouterr().out
    assert main(["--root", str(root), *command, "-l", "ms_MY", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.out == malay != "[]\n"
    assert captured.err == ""


def test_a_number_is_one_word_not_its_digit_groups(tmp_path: Path) -> None:
    """``3.25%``, ``RM2.5`` and ``1,000`` are numbers: each was asked as the words ``3`` and
    ``25``, anywhere in a text, so ``2.5%`` found ``2023`` and ``5.50%``, and ``3.25`` found
    ``0.25 ... 35 tahun``. A number's groups are one phrase, in their order."""
    glossary = Glossary([
        _term("opr", "Kadar Dasar Semalaman", body="OPR dinaikkan kepada 3.25% pada 2023."),
        _term("pinjaman", "Pinjaman perumahan",
              body="Kenaikan 0.25 mata pada pinjaman 35 tahun; dividen 5.50% pada 2023."),
        _term("zakat", "Zakat", body="Kadar zakat ialah 2.5% atau RM2.5 bagi RM100."),
        _term("bursa", "Bursa", body="Lebih daripada 1,000 syarikat; 1 000 000 dagangan."),
    ], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert _ids(search("3.25%")) == ["opr"]
        assert _ids(search("2.5%")) == ["zakat"]
        assert _ids(search("RM2.5")) == ["zakat"]
        assert _ids(search("5.50")) == ["pinjaman"]
        assert _ids(search("1,000")) == ["bursa"]
        assert sorted(_ids(search("2023"))) == ["opr", "pinjaman"]
        assert "[3.25]%" in search("3.25")[0].snippet  # highlighted as one phrase


def test_a_bare_number_does_not_find_a_digit_group_of_another(tmp_path: Path) -> None:
    """``25`` found a text whose number is ``3.25`` and ``000`` one with ``RM1,000``: the
    index read a number's digit groups as words of their own. A number is one word, found by
    its start as any word is (``3``, ``3.2`` find ``3.25``), its snippet as written."""
    glossary = Glossary([
        _term("opr", "Kadar Dasar Semalaman (OPR)", body="OPR kekal pada 3.25% sejak Mei."),
        _term("dividen", "Dividen", body="Dividen 25 sen sesaham, RM1,000.50 bagi lot."),
        _term("sukuk", "Sukuk", body="Sukuk RM1,000 juta bagi tempoh 0.25 tahun."),
    ], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert _ids(search("25")) == ["dividen"]
        assert _ids(search("000")) == []
        assert _ids(search("50")) == []
        assert sorted(_ids(search("3"))) == ["opr"]
        assert _ids(search("3.2")) == ["opr"]
        assert sorted(_ids(search("1,000"))) == ["dividen", "sukuk"]
        assert _ids(search("RM1,000.5")) == ["dividen"]
        assert _ids(search("0.25")) == ["sukuk"]
        assert search("3.25%")[0].snippet == "OPR kekal pada [3.25]% sejak Mei."
        assert search("RM1,000.50")[0].snippet == "Dividen 25 sen sesaham, [RM1,000.50] bagi lot."


@given(whole=st.integers(0, 999), part=st.integers(0, 999), mark=st.sampled_from(".,"))
@settings(max_examples=30, deadline=None)
def test_a_number_s_digit_group_alone_finds_nothing(whole: int, part: int, mark: str) -> None:
    # a number's last group alone (a number of its own) finds it only as its start
    number = f"{whole}{mark}{part:03d}"
    glossary = Glossary([_term("x", "Kadar", body=f"Naik {number} peratus.")], lang="en")
    assert _ids(glossary.search(number)) == ["x"]
    alone = glossary.search(f"{part:03d}")
    assert _ids(alone) == (["x"] if number.startswith(f"{part:03d}") else [])


def test_html_is_indexed_as_a_reader_sees_it(tmp_path: Path) -> None:
    """A tag's name and attributes and a character reference's name were words of the index:
    ``amp``, ``nbsp``, ``div``, ``class`` and ``standard`` (an ``<abbr title>``) found the
    articles that wrote them, ``pelaburan`` missed ``pela&shy;buran`` (which find reads), and
    the snippets showed the markup."""
    glossary = Glossary([
        _term("sp", "Indeks S&P 500", body=(
            'Indeks <b>S&amp;P&nbsp;500</b> naik 1.5%.<br>Lihat <abbr title="Standard and '
            'Poor\'s">S&amp;P</abbr>.\n<div class="kaki">Nota: pela&shy;buran <!-- draf -->'
            "berisiko; R&D; dan AT&T; kekal.</div>")),
        _term("saham", "Saham", body="Saham <i>biasa</i>: bur<wbr>sa."),
    ], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        for markup in ("amp", "nbsp", "abbr", "div", "class", "kaki", "title", "standard",
                       "shy", "draf", "wbr"):
            assert search(markup) == [], markup
        assert _ids(search("pelaburan berisiko")) == ["sp"]
        assert _ids(search("nota")) == ["sp"]
        assert _ids(search("bursa")) == ["saham"]
        assert _ids(search("R&D")) == ["sp"]  # no reference HTML defines: as written
        snippet = search("naik")[0].snippet
        assert "<" not in snippet
        assert "&amp;" not in snippet
        assert " S&P\u00a0500 " in snippet
        assert " [naik] 1.5%" in snippet


@given(tag=st.sampled_from(["b", "span", "div", "abbr", "p"]),
       attribute=st.sampled_from(MALAY_ATTRIBUTE_WORDS))
@settings(max_examples=20, deadline=None)
def test_no_word_of_a_tag_is_a_word_of_the_index(tag: str, attribute: str) -> None:
    glossary = Glossary([_term("x", "Kadar", body=(
        f'Kadar <{tag} data-{attribute}="{attribute}">naik</{tag}>.'))], lang="en")
    assert glossary.search(attribute) == []
    assert glossary.search(tag) == [] or tag == "p"  # `p` begins no word here either
    assert _ids(glossary.search("kadar naik")) == ["x"]


def test_a_whole_number_is_found_with_or_without_its_thousands_separators(
        tmp_path: Path) -> None:
    """``1000`` found no ``RM1,000``, nor ``1,000`` a ``1000``: each is one word of the index,
    where the site's search box finds either by the other (it ignores the separators)."""
    glossary = Glossary([
        _term("sukuk", "Sukuk", body="Terbitan sukuk RM1,000 juta; had 2,500,000 unit."),
        _term("hibah", "Hibah", body="Hibah RM1000 setahun, 0.1234 peratus."),
        _term("opr", "OPR", body="Kadar 3.25% pada 2,024 cawangan."),
    ], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert sorted(_ids(search("1000"))) == ["hibah", "sukuk"]
        assert sorted(_ids(search("1,000"))) == ["hibah", "sukuk"]
        assert sorted(_ids(search("RM1000"))) == ["hibah", "sukuk"]
        assert _ids(search("2500000")) == ["sukuk"]
        assert _ids(search("1234")) == []  # a decimal's digits are no whole number
        assert _ids(search("325")) == []
        assert [h.snippet for h in search("RM1000 juta")] == [
            "Terbitan sukuk [RM1,000] [juta]; had 2,500,000 unit."]


@given(number=st.integers(1000, 10**9), prefix=st.sampled_from(["", "RM", "USD"]))
@settings(max_examples=30, deadline=None)
def test_a_number_is_found_however_its_thousands_are_written(number: int, prefix: str) -> None:
    grouped, plain = f"{prefix}{number:,}", f"{prefix}{number}"
    for written in (grouped, plain):
        glossary = Glossary([_term("x", "Kadar", body=f"Nilai {written} kekal.")], lang="en")
        assert _ids(glossary.search(grouped)) == ["x"], (written, grouped)
        assert _ids(glossary.search(plain)) == ["x"], (written, plain)


@given(number=st.sampled_from(["3.25%", "RM4.50", "RM1,000", "5%", "B40", "2,500"]),
       mark=st.sampled_from(["", "-", "'", "\u2019"]),
       clitics=st.sampled_from(["nya", "lah", "nyalah", "pun", "kah"]),
       written=st.booleans())
@settings(max_examples=40, deadline=None)
def test_a_clitic_on_a_number_is_the_number_s(number: str, mark: str, clitics: str,
                                              written: bool) -> None:
    """``3.25%-nya`` and ``RM4.50nya`` found nothing: the clitic was asked as a word ``nya`` the
    text must hold (after ``%``), or as the phrase ``RM 4.50 nya``. A number's clitics are the
    number's, as a word's are: the query finds the number, written with them or without."""
    text = f"{number}{mark}{clitics}" if written else number
    glossary = Glossary([_term("x", "Kadar", body=f"Nilai {text} kekal."),
                         _term("y", "Yuran", body=f"Nilai {clitics} 7 kekal.")], lang="en")
    assert _ids(glossary.search(f"{number}{mark}{clitics}")) == ["x"]
    assert _ids(glossary.search(f"{number}{mark}{clitics} kekal")) == ["x"]


@pytest.mark.parametrize(("query", "term_id"), [("SCs", "sc"), ("RMs", "rm"), ("KLs", "kl"),
                                                 ("ETFs", "etf")])
def test_an_acronym_of_two_capitals_in_the_plural_finds_its_singular(query: str,
                                                                     term_id: str) -> None:
    """``SCs`` found nothing, where find reads it as *SC*, as it reads ``ETFs`` as *ETF*: the
    singular was asked only for three letters or more."""
    glossary = Glossary([
        _term("sc", "Suruhanjaya Sekuriti (SC)", en="Securities Commission (SC)"),
        _term("kl", "Kuala Lumpur (KL)"), _term("rm", "Ringgit Malaysia (RM)"),
        _term("etf", "Dana dagangan bursa (ETF)")], lang="en")
    assert _ids(glossary.search(query)) == [term_id]
    assert [m.term.id for m in glossary.find_terms(f"Dua {query} baharu.")] == [term_id]
    if len(query) == 3:  # in lower case no acronym: a root cut by rule alone wants three letters
        assert glossary.search(query.lower()) == []


@pytest.fixture(scope="module")
def two_words(tmp_path_factory: pytest.TempPathFactory) -> tuple[Glossary, Termbase]:
    glossary = Glossary([
        _term("dana-lindung-nilai", "Dana lindung nilai", en="Hedge fund"),
        _term("pasaran-modal", "Pasaran modal", en="Capital market",
              body="Pasaran modal berkembang."),
        _term("pemegang-saham", "Pemegang saham", en="Shareholder"),
        _term("bon", "Bon", body="Bon kerajaan bersama sukuk.", en="Bond")], lang="en")
    path = tmp_path_factory.mktemp("tb") / "glossari.sqlite"
    write_termbase(path, glossary, ())
    return glossary, Termbase.open(path)


@given(name=st.sampled_from([("hedgefund", "dana-lindung-nilai", "en"),
                             ("lindungnilai", "dana-lindung-nilai", "ms"),
                             ("pasaranmodal", "pasaran-modal", "ms"),
                             ("pemegangsaham", "pemegang-saham", "ms"),
                             ("capitalmarket", "pasaran-modal", "en")]),
       case=st.sampled_from([str.lower, str.upper, str.capitalize]),
       inflected=st.booleans())
@settings(max_examples=30, deadline=None)
def test_two_words_written_closed_are_found(two_words: tuple[Glossary, Termbase],
                                            name: tuple[str, str, str],
                                            case: Callable[[str], str], inflected: bool) -> None:
    """``hedgefund``, ``pasaranmodal`` and ``pemegangsahamnya`` found nothing, where find reads
    a name of two words written closed and the site's box finds it: a word that finds nothing
    as typed is asked again cut in two words, itself and the word it is built on."""
    closed, term_id, lang = name
    query = case(closed) + ({"ms": "nya", "en": "s"}[lang] if inflected else "")
    for search in (two_words[0].search, two_words[1].search):
        hits = search(query)
        assert [(h.id, h.field) for h in hits[:1]] == [(term_id, "headword")], query


def test_a_word_that_cuts_into_no_two_words_of_a_text_finds_nothing(
        two_words: tuple[Glossary, Termbase]) -> None:
    for search in (two_words[0].search, two_words[1].search):
        for query in ("kerajaanbon", "sukukbon", "samasukuk", "bonkerajaan", "bersamasukuk"):
            found = [h.id for h in search(query)]
            assert found == (["bon"] if query.startswith("b") else []), query


@given(before=st.sampled_from(["%", "%%", "(%"]), mark=st.sampled_from(["", "-", "'"]),
       clitics=st.sampled_from(["nya", "lah", "nyalah", "pun", "kah"]))
@settings(max_examples=30, deadline=None)
def test_a_percent_sign_of_no_number_takes_no_clitics(before: str, mark: str,
                                                       clitics: str) -> None:
    """``%-nya`` said the query held no word: its letters were taken off as a number's
    clitics, though no number was there. A percent sign is a number's only after one: the
    letters are a word, asked as any word is."""
    glossary = Glossary([_term("x", "Kadar", body=f"Nilai {clitics}tanya kekal."),
                         _term("y", "Yuran", body="Nilai 5% kekal.")], lang="en")
    query = f"{before}{mark}{clitics}"
    search_module.require_words(query)  # a word: no QueryError
    assert _ids(glossary.search(query)) == _ids(glossary.search(clitics)) == ["x"]


@given(acronym=st.sampled_from(["SC", "RM", "KL", "sc"]),
       ending=st.sampled_from(["-nya", "\u2019nya", "'nya", "-nyalah", "'s", "\u2019s", "-lah",
                               "-nya-lah"]))
@settings(max_examples=30, deadline=None)
def test_clitics_after_a_hyphen_end_an_acronym_of_two_letters(acronym: str, ending: str) -> None:
    """``SC-nya``, ``SC\u2019nya`` and ``SC's`` found nothing, where find reads each as *SC*: the
    word before the clitics was asked for only when it had three letters or more, as a word
    cut by rule alone must (``kenya`` is no ``ke``); a hyphen or an apostrophe says where the
    word ends."""
    glossary = Glossary([
        _term("sc", "Suruhanjaya Sekuriti (SC)", en="Securities Commission (SC)"),
        _term("kl", "Kuala Lumpur (KL)", en="Kuala Lumpur (KL)"),
        _term("rm", "Ringgit Malaysia (RM)", en="Malaysian ringgit (RM)"),
        _term("kenya", "Kenya", body="Syarikat di Kenya.", en="Kenya")], lang="en")
    query = f"{acronym}{ending}"
    assert _ids(glossary.search(query)) == [acronym.lower()], query
    if acronym.isupper():
        assert [m.term.id for m in glossary.find_terms(f"Kata {query} semalam.")] == [
            acronym.lower()]


def test_a_percent_sign_of_no_number_is_searched_by_the_command(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kadar.md").write_text(
        "---\ntitle: Kadar\ndescription: Kadar nyata.\n---\n\nKadar nyata naik.\n",
        encoding="utf-8")
    assert main(["--root", str(root), "search", "%-nya"]) == 0
    assert capsys.readouterr().out.startswith("kadar\tdefinition\tms\tKadar [nyata].")


def test_letters_on_a_number_that_are_no_clitics_are_a_word() -> None:
    glossary = Glossary([_term("x", "Kadar", body="Nilai 5juta kekal."),
                         _term("y", "Yuran", body="Nilai 5 kekal.")], lang="en")
    assert _ids(glossary.search("5juta")) == ["x"]


@given(before=st.lists(st.sampled_from(["kata", "saham2", "B40", "5juta", "KWSP", "USD1.5j"]),
                      max_size=20),
       after=st.lists(st.sampled_from(["lagi", "RM3", "sebulan", "COVID19"]), max_size=20),
       query=st.sampled_from(["RM250", "250", "rm 250", "ialah RM250"]))
@settings(max_examples=60, deadline=None)
def test_a_snippet_never_cuts_a_word_where_a_letter_meets_a_digit(
        before: list[str], after: list[str], query: str) -> None:
    """``search RM250`` showed ``ialah [RM]…``: FTS5 cuts a snippet after 16 of its tokens, and
    ``RM250`` is two of them (the index breaks it for ``250`` to find it), so the amount was
    lost and the highlight closed on half of it. A snippet's words are the text's words, whole,
    and the amount is highlighted as the query asks it."""
    body = " ".join([*before, "Caruman ialah RM250", *after])
    glossary = Glossary([_term("x", "Kadar", body=body)], lang="en")
    snippet = glossary.search(query)[0].snippet
    words = body.split()
    for piece in snippet.split("…"):
        shown = piece.replace("[", "").replace("]", "").split()
        assert " ".join(shown) in body, snippet
        assert all(word in words for word in shown), snippet
    assert {"250": "RM[250]", "rm 250": "[RM][250]"}.get(query, "[RM250]") in snippet, snippet


@given(mark=st.sampled_from(["*", "**", "_", "__", "***", "`"]),
       words=st.lists(st.sampled_from(["menjaga", "hidup", "saham-saham", "pelaburannya",
                                       "KWSP", "RM250"]), min_size=1, max_size=4),
       field=st.sampled_from(["body", "definition"]))
@settings(max_examples=40, deadline=None)
def test_a_snippet_shows_emphasis_and_code_as_a_reader_sees_them(
        mark: str, words: list[str], field: str) -> None:
    """A snippet showed ``KWSP ialah dana yang **menjaga [hidup]** melindungi``: the index held
    the Markdown's emphasis marks, which a reader of the article never sees."""
    emphasised = " ".join(words)
    text = f"Dana yang {mark}{emphasised}{mark} melindungi pekerja."
    glossary = Glossary([_term("x", "Kumpulan Wang Simpanan Pekerja", **(
        {"body": text} if field == "body" else {"description": text}))], lang="en")
    hits = glossary.search(words[-1])
    assert [h.field for h in hits] == [field]
    shown = hits[0].snippet.replace("[", "").replace("]", "")
    assert shown.endswith(f"Dana yang {emphasised} melindungi pekerja."), hits[0].snippet


@given(mark=st.sampled_from(["*", "**", "_", "__", "`"]),
       words=st.lists(st.sampled_from(["pasaran", "modal", "saham-saham", "pelaburannya",
                                       "KWSP", "RM250"]), min_size=2, max_size=4),
       cut=st.integers(min_value=1, max_value=3), field=st.sampled_from(["body", "definition"]))
@settings(max_examples=40, deadline=None)
def test_emphasis_over_two_lines_is_shown_as_a_reader_sees_it(
        mark: str, words: list[str], cut: int, field: str) -> None:
    """``Dalam **pasaran⏎modal**`` kept its ``**`` in a snippet: the index read a block a line at
    a time, so marks on two lines of one paragraph never paired, as CommonMark pairs them."""
    cut = min(cut, len(words) - 1)
    emphasised = " ".join(words[:cut]) + "\n" + " ".join(words[cut:])
    text = f"Dalam {mark}{emphasised}{mark}, syarikat mengumpul dana."
    glossary = Glossary([_term("x", "Kumpulan Wang Simpanan Pekerja", **(
        {"body": text} if field == "body" else {"description": text}))], lang="en")
    hits = glossary.search(words[-1])
    assert [h.field for h in hits] == [field]
    shown = hits[0].snippet.replace("[", "").replace("]", "")
    if mark == "`":  # a code span's line break is a space, as CommonMark reads it
        emphasised = emphasised.replace("\n", " ")
    assert shown.endswith(f"Dalam {emphasised}, syarikat mengumpul dana."), hits[0].snippet


_BLOCK_WORDS = ["saham", "bon", "sukuk", "dana", "modal", "zakat"]


@given(blocks=st.lists(st.lists(st.sampled_from(_BLOCK_WORDS), min_size=1, max_size=3),
                       min_size=2, max_size=4),
       at=st.integers(min_value=0, max_value=2), table=st.booleans())
@settings(max_examples=40, deadline=None)
def test_a_phrase_never_runs_from_one_block_into_the_next(
        tmp_path_factory: pytest.TempPathFactory, blocks: list[list[str]], at: int,
        table: bool) -> None:
    """The phrase ``"Sorotan Saham"`` found a heading ``## Sorotan`` followed by a paragraph
    that begins ``Saham``: a section was indexed as one text, its blocks a line break apart
    (and quotes were no phrase). The phrase of one block's last word and the next block's
    first is found only where a block writes it; the words asked apart are still found in the
    one section."""
    at = min(at, len(blocks) - 2)
    texts = [" ".join(words) for words in blocks]
    if table:  # a table's cells: a row of them, the first block a paragraph before it
        rows = "| " + " | ".join(texts[1:]) + " |\n|" + "---|" * (len(texts) - 1)
        parts = [Block(kind="paragraph", text=texts[0], line=5),
                 Block(kind="table", text=rows, line=7)]
        section = Section(heading="", level=0, line=5, blocks=tuple(parts))
    else:
        section = Section(heading=texts[0], level=2, line=3, blocks=tuple(
            Block(kind="paragraph", text=text, line=5 + 2 * n)
            for n, text in enumerate(texts[1:])))
    term = dataclasses.replace(_term("x", "Pelaburan"), sections=(section,))
    glossary = Glossary([term], lang="en")
    path = tmp_path_factory.mktemp("tb") / "glossari.sqlite"
    write_termbase(path, glossary, ())
    last, first = blocks[at][-1], blocks[at + 1][0]
    written = any(f" {last} {first} " in f" {text} " for text in texts)
    for search in (glossary.search, Termbase.open(path).search):
        assert bool(search(f'"{last} {first}"')) == written, (texts, last, first)
        hits = search(f"{last} {first}")
        assert [h.field for h in hits] == ["body"]
        assert "\ue000" not in hits[0].snippet


def test_a_heading_and_the_paragraph_below_it_are_no_phrase(tmp_path: Path) -> None:
    sections = (Section(heading="Sorotan", level=2, line=7, blocks=(
        Block(kind="paragraph", text="Saham boleh dijual beli.", line=9),)),)
    glossary = Glossary([dataclasses.replace(_term("saham", "Saham"), sections=sections)],
                        lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert search('"Sorotan Saham"') == []
        assert search("\u201csorotan saham\u201d") == []
        assert [h.snippet for h in search('"saham boleh"')] == [
            "Sorotan\n[Saham boleh] dijual beli."]
        assert [h.snippet for h in search("Sorotan Saham")] == [
            "[Sorotan]\n[Saham] boleh dijual beli."]


@pytest.mark.parametrize("written", ["OPR-nya naik", "E.T.F. saham dijual", "3.25%-nya kekal",
                                     "P / E syarikat"])
def test_a_phrase_is_asked_as_typed(written: str) -> None:
    """A phrase in quotes is the words the text writes, in that order: ``"OPR-nya naik"`` was
    read by the rules for single words first (``OPRnya``, the clitic glued on) and found no
    text that writes it."""
    glossary = Glossary([_term("x", "Kadar", body=f"Katanya {written} semalam."),
                         _term("y", "Yuran", body=f"{written.split()[-1]} dan lain.")],
                        lang="en")
    hits = glossary.search(f'"{written}"')
    assert [h.id for h in hits] == ["x"], written
    assert "[" + written + "]" in hits[0].snippet


def test_a_mark_never_pairs_with_one_in_another_block() -> None:
    """Each block is read on its own: a heading's ``*`` and a paragraph's are two stray marks,
    text as the reader sees them, not one emphasis over both."""
    sections = (Section(heading="Nota *penting", level=2, line=3, blocks=(
        Block(kind="paragraph", text="Saham* biasa dan **bon", line=5),
        Block(kind="paragraph", text="sukuk** kerajaan.", line=7))),)
    glossary = Glossary([dataclasses.replace(_term("x", "Saham"), sections=sections)],
                        lang="en")
    assert [h.snippet for h in glossary.search("biasa")] == [
        "Nota *penting\nSaham* [biasa] dan **bon\nsukuk** kerajaan."]


def test_marks_that_emphasise_nothing_are_text() -> None:
    glossary = Glossary([_term("x", "Kadar", body="Nisbah 2 * 3 dan snake_case \\*kekal*.")],
                        lang="en")
    assert glossary.search("kekal")[0].snippet == "Nisbah 2 * 3 dan snake_case *[kekal]*."


def test_the_api_reads_malay_with_a_region_as_the_cli_does() -> None:
    # `glossari search -l ms_MY` and `find -l ms_MY` read Malay; Glossary.search(lang="ms_MY")
    # and find_terms(lang="ms_MY") raised ValueError: one glossary, two answers
    glossary = glossari.load(Path(__file__).resolve().parent.parent)
    assert glossary.search("akaun", lang="ms_MY") == glossary.search("akaun", lang="ms") != []
    text = "Eksekutif akaun itu bertemu pelanggan."
    assert glossary.find_terms(text, lang="ms_MY") == glossary.find_terms(text) != []  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="search reads Malay"):
        glossary.search("akaun", lang="ms-MY")


@given(words=st.lists(st.sampled_from(["bon", "korporat", "Eksekutif", "akaun", "syarikat",
                                         "ekuiti", "naïf", "debt", "Equity"]),
                      min_size=1, max_size=3),
       joiner=st.sampled_from(["\u00ad", "\u2060", "\ufeff"]), data=st.data())
@settings(max_examples=40, deadline=None)
def test_a_soft_hyphen_or_word_joiner_inside_a_word_is_no_break(
    both: tuple[Glossary, Termbase], words: list[str], joiner: str, data: st.DataObject,
) -> None:
    """A word pasted from a web page or a PDF (`pela\\u00adburan`): the tokenizer read the soft
    hyphen as a separator, the query asked for `pela` and `buran` and found nothing, where find
    and show read the word."""
    glossary, termbase = both
    joined = []
    for word in words:
        cut = data.draw(st.integers(1, len(word) - 1))
        joined.append(word[:cut] + joiner + word[cut:])
    query = " ".join(joined)
    expected = termbase.search(" ".join(words))
    assert termbase.search(query) == expected
    assert glossary.search(query) == expected


def test_an_indexed_soft_hyphen_or_word_joiner_is_no_break(tmp_path: Path) -> None:
    """An article pasted from a web page holds `pela\\u00adburan`: the tokenizer read the soft
    hyphen as a separator, and `pelaburan` found nothing, in the termbase or the sources."""
    terms = [_term("pelaburan", "Pela\u00adburan", body="Dana pela\u00adburan ama\u2060nah.",
                   description="Wang yang dila\ufeffburkan."),
             _term("saham", "Saham", body="Saham ialah bahagian.")]
    glossary = Glossary(terms, lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    termbase = Termbase.open(path)
    for query, field in (("pelaburan", "headword"), ("amanah", "body"),
                         ("dilaburkan", "definition"), ("pela\u00adburan", "headword")):
        for hits in (glossary.search(query), termbase.search(query)):
            assert [(h.id, h.field) for h in hits] == [("pelaburan", field)], query


def test_an_amount_on_its_currency_code_is_found_by_its_number(tmp_path: Path) -> None:
    """``RM250`` was one word of the index (its tokenizer cuts no word between a letter and a
    digit), so ``250`` and ``RM 250`` found nothing, and ``RM250`` no article writing ``RM 250``;
    ``find`` reads ``RM250`` as ``RM`` and ``250``."""
    glossary = Glossary([
        _term("had-pelaburan", "Had pelaburan", body="Pelabur melabur sehingga RM250 sebulan.",
              description="Had USD1.5j bagi setiap akaun."),
        _term("yuran-urus", "Yuran pengurusan", body="Yuran ialah RM 250 dan 5juta unit.",
              en="Management fee", en_body="The fee is MYR250 and 5million units."),
        _term("covid", "Pandemik", body="Saham jatuh semasa COVID19."),
    ], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert sorted(_ids(search("250"))) == ["had-pelaburan", "yuran-urus"]
        assert sorted(_ids(search("RM250"))) == ["had-pelaburan", "yuran-urus"]
        assert sorted(_ids(search("rm 250"))) == ["had-pelaburan", "yuran-urus"]
        assert _ids(search("USD1.5")) == _ids(search("1.5")) == ["had-pelaburan"]
        assert _ids(search("juta")) == _ids(search("5juta")) == ["yuran-urus"]
        assert _ids(search("million", lang="en")) == ["yuran-urus"]
        assert _ids(search("covid 19")) == _ids(search("Covid19")) == ["covid"]
        # the snippet shows the text as written, the number marked
        assert [h.snippet for h in search("250") if h.id == "had-pelaburan"] == [
            "Pelabur melabur sehingga RM[250] sebulan."]
        assert search("RM250")[0].snippet == "Pelabur melabur sehingga [RM250] sebulan."


@given(letters=st.sampled_from(["RM", "USD", "rm", "Ringgit", "ékuiti", "B"]),
       number=st.from_regex(r"[1-9][0-9]{0,3}(\.[0-9]{1,2})?", fullmatch=True),
       spaced=st.booleans(), query_spaced=st.booleans())
@settings(max_examples=40, deadline=None)
def test_a_letter_and_a_digit_meeting_is_a_break_in_the_text_and_the_query(
    letters: str, number: str, spaced: bool, query_spaced: bool,
) -> None:
    """Written glued or spaced, in the text or the query, an amount on its currency code finds
    the article, and so does its number alone; the snippet holds the text as written."""
    written = f"{letters} {number}" if spaced else f"{letters}{number}"
    glossary = Glossary([_term("had", "Had", body=f"Had {written} sebulan."),
                         _term("lain", "Lain", body="Tiada angka di sini.")], lang="en")
    asked = f"{letters} {number}" if query_spaced else f"{letters}{number}"
    for query in (asked, number):
        hits = glossary.search(query)
        assert _ids(hits) == ["had"], query
        assert hits[0].snippet.replace("[", "").replace("]", "") == f"Had {written} sebulan."


@given(text=st.text(alphabet=st.sampled_from("RMa9é٣²_ .,\u00ad\u200bⅫ5<>&;") | st.characters(),
                    max_size=40))
@settings(max_examples=300, deadline=None)
def test_the_indexed_text_breaks_where_the_rule_says(text: str) -> None:
    """:func:`index_text` is the rule :data:`GLUED` says, however it computes it, with a
    number's marks as :data:`NUMBER_MARK` says and the marks joining capitals as
    :data:`JOIN_MARKS` says (docs/termbase.md: ``P/E``, ``M&A``, ``P / E``)."""
    joined = search_module.JOINERS.sub("", search_module._without_html(text))
    marked = search_module.NUMBER_MARK.sub(
        lambda m: search_module.NUMBER_MARKS[m.group()], joined)
    marked = re.sub(r"(?<![^\W_])[A-Z][A-Z0-9]*(?:[ \t]*[/&][ \t]*[A-Z][A-Z0-9]*)+(?![A-Z0-9])",
                    lambda m: re.sub("[/&]", lambda j: "\u200b" + search_module.JOIN_MARKS[
                        j.group()] + "\u200b", m.group()), marked)
    expected = search_module.GLUED.sub(search_module.GLUE_BREAK, marked)
    assert search_module.index_text(text) == expected


_DIGIT_TEXT = st.text(alphabet=st.sampled_from(
    "Saham9RM٣\U0001d7d8²Ⅻ \ue000\n.,\u00ad\u2060\ufeff\ud800é") | st.characters(), max_size=40)


@given(text=_DIGIT_TEXT)
@settings(max_examples=400, deadline=None)
def test_a_digit_is_found_as_the_rule_reads_one(text: str) -> None:
    """The scans that skip the work of numbers (nine texts in ten hold none) find a digit
    exactly where ``\\d`` does: an ASCII one, another script's (``٣``, U+1D7D8) beside a block
    break or a surrogate, and no superscript or numeral (``²``, ``Ⅻ``)."""
    assert search_module._has_digit(text) == (re.search(r"\d", text) is not None)
    for glued in (text + "RM250", "\ue000" + text + "3.25"):
        assert search_module._has_digit(glued)


@given(text=_DIGIT_TEXT)
@settings(max_examples=400, deadline=None)
def test_a_number_is_marked_as_the_rule_reads_one(text: str) -> None:
    for written in (text, text.replace("9", "1.2,3"), "1.2.3" + text + "4..5,,6"):
        assert search_module._mark_numbers(written) == search_module.NUMBER_MARK.sub(
            lambda m: search_module.NUMBER_MARKS[m.group()], written)


@given(text=st.text(alphabet=st.sampled_from("[]()!x *_`\\") | st.characters(), max_size=30))
@settings(max_examples=300, deadline=None)
def test_only_a_text_with_a_bracket_holds_a_link(text: str) -> None:
    """plain_text skips the link scan of a text without ``[``: the scan finds nothing there."""
    from glossari.seeds import markdown

    assert markdown._PLAIN_LINK.search(text.replace("[", "")) is None


def test_a_link_target_in_the_definition_is_no_word_of_it(tmp_path: Path) -> None:
    """``description: ... [penerima manfaat](/beneficiary)``: the definition was indexed as
    its Markdown, so ``search -l ms beneficiary`` found the Malay definition, which says no
    such word, and its snippet showed the target marked, ``[penerima manfaat](/[beneficiary])``.
    A definition is read as a body is: the link's text kept, its target dropped."""
    glossary = Glossary([
        _term("insurans-hayat", "Insurans hayat", en="Life insurance",
              description="Kontrak yang membayar [penerima manfaat](/beneficiary).",
              en_description="A contract that pays a [beneficiary](/beneficiary)."),
        _term("takaful", "Takaful", en="Takaful",
              description="Perlindungan berlandaskan [Syariah](/sharia) dan [tabarru'][t].",
              en_description="Cover based on [Sharia](/sharia).")], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert search("beneficiary", lang="ms") == []
        assert search("sharia", lang="ms") == []
        [hit] = search("manfaat")
        assert hit.snippet == "Kontrak yang membayar penerima [manfaat]."
        [hit] = search("sharia")
        assert (hit.id, hit.lang, hit.snippet) == ("takaful", "en", "Cover based on [Sharia].")


def test_an_apostrophe_between_underscores_is_no_word() -> None:
    """`_'_` was asked as the word `_'_` (its apostrophe kept it from the underscores' rule),
    "no term matches" and exit 0 where a query with no word is a usage error."""
    from glossari.termbase.search import match_expression

    assert match_expression("_'_") is None
    assert match_expression("_'a") is not None


@pytest.mark.parametrize("word", ["saham", "dalam", "malam", "Islam", "faham", "sahamnya",
                                  "saham-saham", "haram"])
def test_a_malay_word_in_am_is_asked_in_no_english_spelling(word: str) -> None:
    """``saham`` was asked as ``sahamme`` too: the ``programme`` rule put ``-me`` after any
    word in ``-am``, which Malay words end in as often; only ``-gram`` takes it."""
    from glossari.termbase.search import match_expression
    from glossari.terms import query_roots

    assert not [r for r in query_roots(word.lower()) if r.endswith(("amme", "ammes"))]
    assert "amme" not in (match_expression(word) or "")
    assert "programme" in query_roots("program")
    assert "programmes" in query_roots("programs")


# common Malay words ending as the British and American spelling rules' words end (-or, -ter,
# -ling, -ing, -ise, -ence, -er, -ment...): none has an English spelling
_MALAY = """
paling saling maling keliling kelilingnya keling beling seling giling guling kancil
nombor nombornya sektor sektor-sektor sektornya faktor motor doktor direktor kontraktor
inspektor indikator operator kreditor debitor vektor traktor konduktor kalkulator
karakter karakternya parameter meter kilometer sentimeter liter teater filter master
register menteri kalender semester kuarter dokter katalog katalognya blog
bising pusing asing masing-masing kering penting kuning kambing anjing
lesen pesen komisen pelaburan pelaburannya saham-saham peniaga-broker bon ekuiti
sukuk takaful zakat hartanah dividen inflasi percukaian kewangan perbankan
"""
_MALAY_WORDS = _MALAY.split()
# English words each rule must still give the other spelling of, each way
_ENGLISH_PAIRS = [
    ("capitalisation", "capitalization"), ("organised", "organized"), ("analyse", "analyze"),
    ("amortisation", "amortization"), ("itemised", "itemized"), ("criticise", "criticize"),
    ("labour", "labor"), ("favourable", "favorable"), ("colours", "colors"),
    ("behavioural", "behavioral"), ("neighbour", "neighbor"), ("honourable", "honorable"),
    ("favourite", "favorite"), ("harbour", "harbor"), ("rumours", "rumors"),
    ("centre", "center"), ("centres", "centers"), ("theatre", "theater"), ("spectre", "specter"),
    ("licence", "license"), ("defence", "defense"), ("offences", "offenses"),
    ("catalogue", "catalog"), ("catalogues", "catalogs"), ("dialogue", "dialog"),
    ("analogue", "analog"), ("judgement", "judgment"), ("adviser", "advisor"),
    ("cancelled", "canceled"), ("counsellor", "counselor"), ("travelling", "traveling"),
    ("levelled", "leveled"), ("signalling", "signaling"), ("totalled", "totaled"),
    ("labelled", "labeled"), ("modelling", "modeling"), ("instalment", "installment"),
]
# English words with one spelling, which the open rules respelled (investour, aftre, filling)
_ONE_SPELLING = """investor sector director auditor error senior after quarter counter chapter
shelter cluster register filing selling seller dealer controller compelling excelling feeling
exercise excise enterprise franchise advertising appraiser supervisor expense expenses"""
_ENGLISH_ONLY = _ONE_SPELLING.split()


@pytest.mark.parametrize("word", _MALAY_WORDS)
def test_a_malay_word_has_no_british_or_american_spelling(word: str) -> None:
    """``paling`` was asked as ``palling``, ``nombor`` as ``nombour``, ``sektor`` as
    ``sektour``, ``karakter`` as ``karaktre``: the rules took any word in -ling, -or, -ter."""
    from glossari.termbase.search import match_expression
    from glossari.terms.english import spellings

    assert spellings(word) == []
    expression = match_expression(word) or ""
    for other in ("palling", "nombour", "sektour", "karaktre"):
        assert other not in expression


@pytest.mark.parametrize(("british", "american"), _ENGLISH_PAIRS)
def test_an_english_pair_is_each_others_spelling(british: str, american: str) -> None:
    from glossari.terms.english import spellings

    assert american in spellings(british)
    assert british in spellings(american)


def test_no_english_word_is_given_a_spelling_it_lacks() -> None:
    """Measured on the package's English word list: every spelling a word is given is one
    of the known pairs, and the words of one spelling are given none."""
    from importlib.resources import files

    from glossari.terms.english import spellings

    known = {word for pair in _ENGLISH_PAIRS for word in pair} | {
        "reorganisation", "reorganization", "organisation", "organization", "authorised",
        "authorized", "collateralised", "collateralized", "securitisation", "securitization"}
    text = files("glossari.align").joinpath("words.txt").read_text("utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    given = {w: spellings(w) for w in [*words, *_ENGLISH_ONLY]}
    assert {w: s for w, s in given.items() if any(o not in known for o in s)} == {}
    assert {w: given[w] for w in _ENGLISH_ONLY if given[w]} == {}


_APOSTROPHES = "'\u2018\u2019\u201a\u201b\u02bc\u2032"  # glossari.text.APOSTROPHES, spelled out


@pytest.mark.parametrize("where", ["memory", "file"])
@pytest.mark.parametrize("written", ["'", "\u2019", "\u02bc"])
def test_every_apostrophe_is_one_in_the_index_and_the_query(tmp_path: Path, where: str,
                                                            written: str) -> None:
    """The modifier letter apostrophe (U+02BC) is an apostrophe, as glossari.text.APOSTROPHES
    says: Unicode calls it a letter, and the index's tokenizer read ``ta\u02bcawun`` as one
    word, so a query ``ta\u02bcawun`` found nothing in a text writing ``ta'awun``, nor
    ``ta'awun`` in one writing ``ta\u02bcawun``."""
    glossary = Glossary([_term("tabarru", f"Tabarru{written}",
                               body=f"Prinsip ta{written}awun dan tabarru{written}nya.")],
                        lang="en")
    run = glossary.search
    if where == "file":
        write_termbase(tmp_path / "glossari.sqlite", glossary, ())
        run = Termbase.open(tmp_path / "glossari.sqlite").search
    for typed in _APOSTROPHES:
        assert [(h.id, h.field) for h in run(f"Tabarru{typed}")] == [("tabarru", "headword")]
        assert [(h.id, h.field) for h in run(f"ta{typed}awun")] == [("tabarru", "body")]
        assert [(h.id, h.field) for h in run(f"tabarru{typed}nya")][:1] == [
            ("tabarru", "headword")]


@pytest.mark.parametrize("where", ["memory", "file"])
def test_an_inflected_word_with_an_apostrophe_inside_finds_its_root(
        tmp_path: Path, where: str) -> None:
    """``glossari search "qur'an2"`` found nothing though ``qur'an-qur'an`` found *Qur'an*, and
    ``qur'annya``, ``Mu'amalat-nya`` nothing though find reads each: query_roots dropped every
    root holding an apostrophe (``qur'an``), which the search then never asked."""
    glossary = Glossary([_term("quran", "Qur'an", body="Kitab suci."),
                         _term("muamalat", "Mu\u2019amalat", body="Urus niaga."),
                         _term("bon", "Bon", body="Qurang dan muak.")], lang="en")
    run = glossary.search
    if where == "file":
        write_termbase(tmp_path / "glossari.sqlite", glossary, ())
        run = Termbase.open(tmp_path / "glossari.sqlite").search
    for query, term_id in [("qur'an2", "quran"), ("Qur\u2019an2", "quran"),
                           ("qur'annya", "quran"), ("qur'an2nya", "quran"),
                           ("qur'an-qur'an", "quran"), ("QUR'ANLAH", "quran"),
                           ("mu'amalat2", "muamalat"), ("Mu'amalat-nya", "muamalat"),
                           ("mu\u02bcamalatnya", "muamalat")]:
        assert [h.id for h in run(query)][:1] == [term_id], query


@settings(max_examples=60, deadline=None)
@given(head=st.text("abgiklmnrstu", min_size=2, max_size=5),
       tail=st.text("abgiklmnrstu", min_size=2, max_size=5),
       mark=st.sampled_from(_APOSTROPHES),
       ending=st.sampled_from(["2", "nya", "2nya", "lah", "-nya", "2lah"]))
def test_query_roots_keep_a_word_whose_apostrophe_is_inside_it(
        head: str, tail: str, mark: str, ending: str) -> None:
    """A word with an apostrophe between two letters (``qur'an``, ``ta'awun``), written with
    the reduplication's ``2`` or a clitic, asks for that word as ``find`` reads it; its
    apostrophe, any of them, is the one ``'`` of the fold."""
    from glossari.terms import fold, query_roots

    # (an article elided before a vowel, Italian `un'`, `all'`, `sull'`, French `l'`, is a word
    # of its own, as find reads `un'azione`: glossari.terms.matcher's elision rule)
    assume(not (head in ("un", "all", "sull", "nell", "dell", "dall", "qu") and tail[0] in "aiu"))
    word = f"{head}'{tail}"
    assert word in query_roots(fold(f"{head}{mark}{tail}{ending}"))


_HTML_QUERIES = [
    ("pela&shy;buran", "pelaburan"), ("w&#97;siatnya", "wasiatnya"), ("&#87;asiat", "Wasiat"),
    ("P&#47;E", "P/E"), ("nisbah&nbsp;P/E", "nisbah P/E"), ("<b>Wasiat</b>", "Wasiat"),
    ("S&amp;P 500", "S&P 500"), ("&Eacute;kuiti", "Ékuiti"), ("pela<wbr>buran", "pelaburan"),
]


@pytest.mark.parametrize(("pasted", "typed"), _HTML_QUERIES)
def test_a_query_pasted_as_html_is_read_as_the_index_reads_html(
        tmp_path: Path, pasted: str, typed: str) -> None:
    """``pela&shy;buran`` and ``w&#97;siat`` found nothing (asked as ``pela&shy`` and
    ``buran``, ``w``, ``97`` and ``siat``), though the index reads an article's HTML as a
    reader sees it and find reads the reference as its character: a query is read by the same
    rule (``glossari.termbase.search._without_html``)."""
    glossary = Glossary([
        _term("wasiat", "Wasiat", body="Wasiatnya menyebut pelaburan dan saham.", en="Will"),
        _term("nisbah-pe", "Nisbah harga/pendapatan (P/E)", en="Price-to-earnings ratio (P/E)"),
        _term("sp", "Indeks S&P 500", en="S&P 500 index"),
        _term("ekuiti", "Ékuiti", body="Pemilikan dalam syarikat.", en="Equity")], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        expected = [(h.id, h.field, h.lang) for h in search(typed)]
        assert expected, typed
        assert [(h.id, h.field, h.lang) for h in search(pasted)] == expected, pasted


def test_capitals_joined_by_an_ampersand_are_not_those_joined_by_a_slash(tmp_path: Path) -> None:
    """``nisbah P&E`` found *Nisbah harga/pendapatan (P/E)*: the index's tokenizer read ``&``
    and ``/`` alike, as a separator, where find tells them apart (``P&E ratio`` is no *P/E
    ratio*). The index now holds the join's mark (JOIN_MARKS)."""
    glossary = Glossary([
        _term("nisbah-pe", "Nisbah harga/pendapatan (P/E)", en="Price-to-earnings ratio (P/E)"),
        _term("hartanah", "Hartanah dan peralatan (P&E)", body="Nilai P & E syarikat naik.",
              en="Property and equipment (P&E)"),
        _term("kwsp", "Kumpulan Wang Simpanan Pekerja (KWSP/EPF)")], lang="en")
    path = tmp_path / "glossari.sqlite"
    write_termbase(path, glossary, ())
    for search in (glossary.search, Termbase.open(path).search):
        assert _ids(search("P/E")) == _ids(search("nisbah p/e")) == ["nisbah-pe"]
        assert _ids(search("nisbah P&E")) == []
        for query in ("P&E", "p&e", "P & E", "P&E-nya", "P&Es", '"P & E syarikat"'):
            assert _ids(search(query)) == ["hartanah"], query
        assert [h.snippet for h in search("P&E", lang="en")] == ["Property and equipment ([P&E])"]
        assert [h.snippet for h in search('"P & E syarikat"')] == ["Nilai [P & E syarikat] naik."]
        # each part of capitals so joined is still a word: EPF finds KWSP/EPF
        assert _ids(search("EPF")) == _ids(search("KWSP")) == ["kwsp"]


@settings(max_examples=40, deadline=None)
@given(left=st.sampled_from("PMSR"), right=st.sampled_from("EAL"),
       written=st.sampled_from("/&"), asked=st.sampled_from("/&"),
       case=st.sampled_from([str.upper, str.lower]))
def test_a_query_finds_capitals_joined_by_its_own_mark_only(
        left: str, right: str, written: str, asked: str,
        case: Callable[[str], str]) -> None:
    """Capitals joined by ``/`` or ``&`` are found by a query joined by the same mark, in any
    case, and never by the other."""
    glossary = Glossary([_term("x", f"Nisbah {left}{written}{right}"),
                         _term("y", "Yuran", body="Nisbah biasa.")], lang="en")
    found = _ids(glossary.search(case(f"{left}{asked}{right}")))
    assert found == (["x"] if written == asked else []), (written, asked)


def test_capitals_joined_in_a_query_find_the_text_in_any_case() -> None:
    """Case is ignored in the query and in the text: ``P/E`` finds a body that writes ``p/e``
    (the index holds words joined in lower case without the join's mark, words of their own,
    which either mark finds), ``p/e`` finds ``P/E``; ``P&E`` finds no ``P/E``."""
    glossary = Glossary([_term("x", "Kadar", body="Nisbah p/e syarikat itu tinggi."),
                         _term("y", "Nisbah harga/pendapatan (P/E)")], lang="en")
    for query in ("P/E", "p/e", '"P/E syarikat"'):
        assert sorted(_ids(glossary.search(query))) == (
            ["x"] if "syarikat" in query else ["x", "y"]), query
    assert _ids(glossary.search("P&E")) == ["x"]


def test_a_hits_field_is_typed_as_the_documented_search_fields() -> None:
    """SearchHit.field is a Literal of the fields docs/termbase.md names (its search tables),
    the same as FIELD_RANK's, so that a reader's match on it is checked by mypy."""
    import re
    import typing
    from pathlib import Path

    from glossari.termbase import SearchHit
    from glossari.termbase.schema import FIELD_RANK

    hint = typing.get_type_hints(SearchHit)["field"]
    assert typing.get_origin(hint) is typing.Literal
    documented = re.findall(r"`search_(\w+)`", Path(__file__).parents[1].joinpath(
        "docs", "termbase.md").read_text(encoding="utf-8").split("| FTS5 virtual tables")[0])
    assert list(typing.get_args(hint)) == list(FIELD_RANK) == documented[-5:]
    assert len(set(documented)) == 5
