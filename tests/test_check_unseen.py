"""Precision of ``check`` on translations of a glossary it has never seen (round 2): Malay
compounds around a term (T401), English derivations on another stem (T401), loanwords and
names in English (L301), abbreviations before a name (the language check's sentences), dates
written with numbers or with a month's name (C205), and one English plural rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from _checkkit import Kit, codes
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.align.names import english_lemma
from glossari.checks.parity import months, numbers
from glossari.diagnostics import Finding
from glossari.langid import _sentence_parts, detection_text, judged_text, sentences, words
from glossari.terms import english


def _article(title: str, body: str) -> str:
    return (f"---\ntitle: {title}\ndescription: {title} ialah satu istilah kewangan.\n"
            f"keywords: Kewangan\n---\n\n# {title}\n\n{body}\n")


ARTICLES = {
    "saham": ("Saham", "Stock"),
    "kadarfaedah": ("Kadar faedah", "Interest rate"),
    "insurans": ("Insurans", "Insurance"),
    "hutang": ("Hutang", "Debt"),
    "modal": ("Modal", "Capital"),
    "bon": ("Bon", "Bond"),
    "susutnilai": ("Susut nilai", "Depreciation"),
    "bankpusat": ("Bank pusat", "Central bank"),
    "sukuk": ("Sukuk", "Sukuk"),
}


def _kit(root: Path, body: str, english: str) -> Kit:
    """The glossary of :data:`ARTICLES`, every headword approved, and one paragraph ``body``
    (in the article *modal*) translated ``english``."""
    articles = {key: _article(ms, "Satu perenggan yang tidak menggunakan apa-apa istilah.")
                for key, (ms, _) in ARTICLES.items()}
    articles["modal"] = _article("Modal", body)
    kit = Kit(root=root, articles=articles, english={})
    for key, (ms, en) in ARTICLES.items():
        kit.translate(ms, en, context=key)
    kit.translate(body.lstrip("# "), english.lstrip("# "))
    return kit


def _t401(findings: list[Finding]) -> list[str]:
    return sorted(f.message.split("'")[1] for f in findings if f.code == "T401")


@pytest.mark.parametrize(("malay", "translation"), [
    # after a Malay agent noun, an English agent compound renders the compound (closed or open)
    ("Syarikat membayar dividen kepada para pemegang sahamnya.",
     "The company pays dividends to its shareholders."),
    ("Pemegang sukuk menerima keuntungan.", "Sukuk holders receive a share of the profit."),
    ("Pemegang bon mempunyai tuntutan ke atas aset.", "Bondholders have a claim on the assets."),
    ("Pemegang bon mempunyai tuntutan ke atas aset.", "Bond holders have a claim on the assets."),
    # English compounds stock as share, and share as stock
    ("Pemegang saham mengundi.", "Stockholders vote."),
    # after another term, the compound's head: share capital, Modal being Capital
    ("Modal saham syarikat meningkat.", "The company's share capital rose."),
    # an English derivation on another stem of the term's English
    ("Pihak yang diinsuranskan membayar premium.", "The insured party pays a premium."),
    ("Syarikat yang terlalu berhutang sukar membayar.", "A heavily indebted company struggles."),
    # ber- on the term is a verb of having it, which English says with a word of its own
    ("Kerajaan berhutang RM1.17 trilion.", "The government owes RM1.17 trillion."),
    ("Syarikat yang berhutang kepada bank membayar faedah.",
     "A company that owes money to a bank pays interest."),
    ("Tahap hutang isi rumah meningkat.", "Household indebtedness rose."),
    ("Mesin itu disusutnilaikan setiap tahun.", "The machine is depreciated every year."),
    # a name of two words kept as written holds no use of the term
    ("Pelabur membeli unit Amanah Saham.", "Investors bought units of Amanah Saham."),
    # se- on the term is a measure, one or per: each, a share, per share (Saham being Stock)
    ("Harga tawaran ialah RM1.10 sesaham.", "The offer price is RM1.10 each."),
    ("Dividen 12 sen sesaham dibayar.", "A dividend of 12 sen per share was paid."),
    ("Harga tawaran ialah RM1.10 sesahamnya.", "Its offer price is RM1.10 a share."),
    # a verb made on the term (di-, meN- ... -kan) is an act, which English says with a verb
    # of its own: insured or covered, not the noun Insurance
    ("Harta itu diinsuranskan.", "The property is covered."),
])
def test_t401_a_term_translated_with_its_compound_or_on_another_stem(
        tmp_path: Path, malay: str, translation: str) -> None:
    assert _t401(_kit(tmp_path, malay, translation).check()) == []


@pytest.mark.parametrize(("malay", "translation", "lacking"), [
    # not inside a compound: the term's English is wanted (a word after it may be its
    # possessor: kadar faedah bank, the bank's interest rate)
    ("Kadar faedah bank itu naik.", "The bank's lending rate rose.", ["Kadar faedah"]),
    ("Kadar faedah yang tinggi menjejaskan peminjam.", "High rates hurt borrowers.",
     ["Kadar faedah"]),
    ("Insuransnya tamat tahun lalu.", "The cover lapsed last year.", ["Insurans"]),
    # beside ber- on the term, a use of the term itself still wants it
    ("Hutang syarikat meningkat kerana ia berhutang kepada bank.",
     "The company's borrowings rose because it owes the bank.", ["Hutang"]),
    # a use outside the compound still wants it, though another is inside one
    ("Setiap saham memberi pemegang saham satu undi.", "Each share gives shareholders a vote.",
     ["Saham"]),
    # no English agent compound for the Malay one
    ("Pemegang saham mengundi.", "The owners of the company vote.", ["Saham"]),
    # an agent compound on another word: notes are not bonds
    ("Pemegang bon mempunyai tuntutan ke atas aset.", "Noteholders have a claim on the assets.",
     ["Bon"]),
    ("Pemegang bon mempunyai tuntutan ke atas aset.", "Note holders have a claim on the assets.",
     ["Bon"]),
    ("Pemegang sukuk menerima keuntungan.", "Unitholders receive a share of the profit.",
     ["Sukuk"]),
    # a measure beside a use: the use still wants the term
    ("Setiap saham dijual RM2 sesaham.", "Each unit sold for RM2 apiece.", ["Saham"]),
    # a Title Case heading left in Malay is no proper name kept as written
    ("## Memahami Bank Pusat", "## Memahami Bank Pusat", ["Bank pusat"]),
    # and so is one of two words, a verb and the term (the term was taken for part of a name)
    ("## Memahami Insurans", "## Memahami Insurans", ["Insurans"]),
    ("## Memahami Saham", "## Memahami Saham", ["Saham"]),
])
def test_t401_still_reported(tmp_path: Path, malay: str, translation: str,
                             lacking: list[str]) -> None:
    assert _t401(_kit(tmp_path, malay, translation).check()) == lacking


@pytest.mark.parametrize(("malay", "translation", "lacking"), [
    # a person's noun on the term's stem is another concept: pelabur, not pelaburan
    ("Pelaburan dalam bon memberikan pendapatan tetap.",
     "Investors in bonds receive fixed income.", ["Pelaburan"]),
    ("Pinjaman bank meningkat.", "Bank lenders grew.", ["Pinjaman"]),
    # a derivation that names no person still says the term
    ("Pelaburan dalam bon memberikan pendapatan tetap.",
     "Investing in bonds provides fixed income.", []),
    ("Pelaburan dalam bon memberikan pendapatan tetap.",
     "Money invested in bonds provides fixed income.", []),
    ("Pelabur mahukan pelaburannya selamat.", "Investors want their investments safe.", []),
    ("Pinjaman bank meningkat.", "Bank lending grew.", []),
])
def test_t401_a_persons_noun_on_the_terms_stem_is_not_the_term(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, malay: str, translation: str,
        lacking: list[str]) -> None:
    monkeypatch.setitem(ARTICLES, "pelaburan", ("Pelaburan", "Investment"))
    monkeypatch.setitem(ARTICLES, "pinjaman", ("Pinjaman", "Lending"))
    assert _t401(_kit(tmp_path, malay, translation).check()) == lacking


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["bond", "sukuk", "tax", "unit", "policy", "stock", "share"]),
       st.sampled_from(["holder", "payer", "owner"]), st.booleans(), st.booleans())
def test_an_agent_compound_says_the_term_by_its_first_word(
        word: str, agent: str, closed: bool, plural: bool) -> None:
    from glossari.checks.terms import _has_agent_compound

    compound = (f"{word}{agent}" if closed else f"{word} {agent}") + ("s" if plural else "")
    assert _has_agent_compound(f"the {compound} agreed", english.compound_words(word))
    assert not _has_agent_compound(f"the {compound} agreed", english.compound_words("note"))


def test_stems_share_a_derivation_not_a_beginning() -> None:
    assert "insure" in set(english.stems("insured")) & set(english.stems("insurance"))
    assert "debt" in english.stems("indebted")
    assert set(english.stems("taxi")).isdisjoint(english.stems("tax"))
    assert set(english.stems("equity")).isdisjoint(english.stems("equal"))
    assert "come" not in english.bases("income")
    assert "sur" not in english.bases("insured")


def _l301(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code == "L301"]


@pytest.mark.parametrize(("malay", "translation"), [
    ("Struktur sukuk yang lazim ialah sukuk musyarakah dan murabahah.",
     "Common sukuk structures are sukuk musyarakah and murabahah."),
    ("Model takaful yang biasa ialah wakalah, mudharabah dan wakaf.",
     "Common takaful models are wakalah, mudharabah and waqf."),
    ("Sukuk ialah instrumen patuh Syariah.", "Sukuk are Shariah-compliant instruments."),
    # a name of four words, capitalised, is no evidence either
    ("## Apakah itu Skim Simpanan Pendidikan Nasional?",
     "## What Is Skim Simpanan Pendidikan Nasional?"),
    ("Pelabur boleh melabur melalui Skim Simpanan Pendidikan Nasional.",
     "Investors can save through the Skim Simpanan Pendidikan Nasional scheme."),
])
def test_l301_loanwords_kept_from_the_source_are_no_evidence(
        tmp_path: Path, malay: str, translation: str) -> None:
    assert _l301(_kit(tmp_path, malay, translation).check()) == []


@pytest.mark.parametrize(("malay", "translation"), [
    # a copy, with or without function words
    ("Tukar kata laluan saya segera", "Tukar kata laluan saya segera"),
    # half done: the Malay left holds Malay's function words
    ("Syarikat yang mencatat untung bersih boleh mengisytiharkan dividen kepada pemegang saham.",
     "Syarikat yang mencatat untung bersih boleh mengisytiharkan dividends to its shareholders."),
    # half done with none of Malay's function words: four words or more left in a row
    ("Kerugian dikongsi mengikut sumbangan modal.", "Losses dikongsi mengikut sumbangan modal."),
])
def test_l301_copies_and_half_done_translations_still_reported(
        tmp_path: Path, malay: str, translation: str) -> None:
    assert len(_l301(_kit(tmp_path, malay, translation).check())) == 1


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["dikongsi", "mengikut", "sumbangan", "modal", "sukuk",
                                 "musyarakah", "Bursa", "Malaysia"]), min_size=1, max_size=7),
       st.sampled_from(["Losses are", "The bank says"]))
def test_judged_text_keeps_only_runs_of_four_lower_case_kept_words(
        kept: list[str], english_words: str) -> None:
    source = "Kerugian " + " ".join(kept) + " itu."
    judged = words(judged_text(f"{english_words} {' '.join(kept)} now.", source))
    lower = all(word.islower() for word in kept)
    expected = kept if len(kept) >= 4 and lower else []
    if not lower:  # a capitalised word parts the lower-case runs around it
        runs: list[list[str]] = [[]]
        for word in kept:
            if word.islower():
                runs[-1].append(word)
            else:
                runs.append([])
        expected = [word for run in runs if len(run) >= 4 for word in run]
    assert [w for w in judged if w not in english_words.split() and w != "now"] == expected


def test_judged_text_keeps_a_copy_and_drops_kept_loanwords() -> None:
    assert words(judged_text("Sukuk are Shariah-compliant instruments.",
                             "Sukuk ialah instrumen patuh Syariah.")) == (
        "are", "Shariah-compliant", "instruments")
    copy = "Pihak berkuasa mengawal selia pasaran modal"
    assert judged_text(copy, copy) == copy
    # names the translation keeps: too few words of its own left to tell
    assert detection_text(judged_text(
        "Bank Negara Malaysia and Bursa Malaysia Berhad.",
        "Bank Negara Malaysia dan Bursa Malaysia Berhad.")) is None


@pytest.mark.parametrize(("text", "parts"), [
    ("Menurut Dr. Ahmad Razak, bank itu bebas. Ia penting.",
     ["Menurut Dr. Ahmad Razak, bank itu bebas.", "Ia penting."]),
    ("Shares of ABC Sdn. Bhd. rose sharply.", ["Shares of ABC Sdn. Bhd. rose sharply."]),
    ("J. P. Morgan fell. Prof. Tan agreed. No. 5 won.",
     ["J. P. Morgan fell.", "Prof. Tan agreed.", "No. 5 won."]),
    ("The bank is independent. Ahmad agreed.", ["The bank is independent.", "Ahmad agreed."]),
])
def test_sentences_do_not_end_at_an_abbreviation(text: str, parts: list[str]) -> None:
    assert _sentence_parts(text) == parts


def test_a_name_after_an_abbreviation_stays_a_name() -> None:
    # Bhd was the first word of a sentence cut at Sdn., and so counted as a word of the text
    assert detection_text("ABC Sdn. Bhd. rose on the news today.") == "rose on the news today"
    assert sentences("Menurut Dr. Ahmad, kadar itu naik.") == ()


@pytest.mark.parametrize(("malay", "translation"), [
    ("Dividen dibayar pada 1.5.2021.", "The dividend was paid on 1 May 2021."),
    ("Dividen dibayar pada 01/05/2021.", "The dividend was paid on 1 May 2021."),
    ("Bank itu ditubuhkan pada 26 Januari 1959.", "The bank was founded on 26 January 1959."),
    ("Dividen dibayar pada 1.5.2021.", "Le dividende a été versé le 1 mai 2021."),
    ("IHP berubah -1,2% pada tahun 2020.", "The CPI fell 1.2% in 2020."),
    # a year two dates share, written once on one side
    ("Jualan singkat digantung dari 23 Mac 2020 hingga 31 Disember 2020.",
     "Short selling was suspended from 23 March to 31 December 2020."),
    ("Dividen dibayar pada 1.5.2021 dan 3.6.2021.",
     "Dividends were paid on 1 May and 3 June 2021."),
    ("Tempoh itu dari 23 Mac hingga 31 Disember 2020.",
     "The period ran from 23 March 2020 to 31 December 2020."),
    # a time of day, with a point or a colon
    ("Sesi pagi Bursa Malaysia bermula pada 9.00 pagi dan berakhir pada 12.30 tengah hari.",
     "The morning session of Bursa Malaysia runs from 9:00 a.m. to 12:30 p.m."),
    ("Dagangan dihentikan pada 4.45 petang.", "Trading stopped at 4.45pm."),
])
def test_c205_a_date_however_written(tmp_path: Path, malay: str, translation: str) -> None:
    assert codes(_kit(tmp_path, malay, translation).check(), "C205") == []


@pytest.mark.parametrize(("malay", "translation"), [
    ("Dividen dibayar pada 1.5.2021.", "The dividend was paid on 1 June 2021."),
    ("Dividen dibayar pada 1.5.2021.", "The dividend was paid on 2 May 2021."),
    ("Dividen dibayar pada 1.5.2021.", "The dividend was paid on 1.6.2021."),
    ("Jualan singkat digantung dari 23 Mac 2020 hingga 31 Disember 2020.",
     "Short selling was suspended from 23 March to 31 December 2021."),
    ("Jualan singkat digantung dari 23 Mac 2020 hingga 31 Disember 2020.",
     "Short selling was suspended from 23 March 2020 to 31 December 2021."),
    ("Dagangan dihentikan pada 4.45 petang 1.5.2021.",
     "Trading stopped at 4:54 p.m. on 1 May 2021."),
])
def test_c205_a_changed_date(tmp_path: Path, malay: str, translation: str) -> None:
    assert len(codes(_kit(tmp_path, malay, translation).check(), "C205")) == 1


def test_dates_read_as_numbers_and_months() -> None:
    assert numbers("1.5.2021") == numbers("1 May 2021") == ("1", "2021")
    assert months("1.5.2021") == months("1 Mei 2021") == months("Mei 2021") == (5,)
    assert months("you may 2 go") == ()
    assert numbers("v1.2.3") == ("1.2.3",)


@pytest.mark.parametrize("word", ["status", "bonus", "analysis", "basis", "loss", "business",
                                  "funds", "agencies", "boxes", "businesses", "gas", "series",
                                  "securities", "sales", "taxes", "FINRA"])
def test_one_english_plural_rule(word: str) -> None:
    found = english.singulars(word.lower())
    lemma = english_lemma(word)
    assert lemma.lower() == (found[0] if found and not word.isupper() else word.lower())


@pytest.mark.parametrize(("malay", "translation", "lacking"), [
    # modal on its own, and capital only inside capital market, the English of pasaran modal
    ("Pasaran modal menghubungkan syarikat yang memerlukan [modal](/capital) dengan pelabur.",
     "The capital market connects companies that need [funding](/capital) with investors.",
     ["Modal"]),
    ("Pasaran modal menghubungkan syarikat yang memerlukan [modal](/capital) dengan pelabur.",
     "The capital market connects companies that need [capital](/capital) with investors.", []),
    ("Pasaran modal Malaysia bernilai RM3.5 trilion.",
     "Malaysia's capital market was worth RM3.5 trillion.", []),
    # kadar faedah inside no longer term of the Malay: interest rate risk still holds it
    ("Kadar faedah dan risikonya dikaji.", "The interest rate risk is studied.", []),
])
def test_t401_an_english_name_inside_another_terms_english(
        tmp_path: Path, malay: str, translation: str, lacking: list[str]) -> None:
    articles = {key: _article(ms, "Satu perenggan yang tidak menggunakan apa-apa istilah.")
                for key, (ms, _) in ARTICLES.items()}
    articles["pasaranmodal"] = _article("Pasaran modal", malay)
    kit = Kit(root=tmp_path, articles=articles, english={})
    for key, (ms, en) in {**ARTICLES, "pasaranmodal": ("Pasaran modal", "Capital market")}.items():
        kit.translate(ms, en, context=key)
    kit.translate("modal", "capital", context="/capital")
    kit.translate(malay, translation)
    assert _t401(kit.check()) == lacking


def test_t401_a_link_text_with_its_possessive_names_the_word_without_it(tmp_path: Path) -> None:
    # the link-only term /investment is known only as [pelaburannya](/investment): its other
    # uses (bank pelaburan, pelaburan-pelaburan) are uses of it too
    body = ("Syarikat mempelbagaikan [pelaburannya](/investment).\n\n"
            "Bank pelaburan itu menaja jamin terbitan.\n\n"
            "Pelaburan-pelaburan asing meningkat.")
    kit = _kit(tmp_path, body, "")
    kit.translate("pelaburannya", "investments", context="/investment")
    kit.translate("Syarikat mempelbagaikan [pelaburannya](/investment).",
                  "The company diversifies its [investments](/investment).")
    kit.translate("Bank pelaburan itu menaja jamin terbitan.",
                  "The merchant bank underwrites the issue.")
    kit.translate("Pelaburan-pelaburan asing meningkat.", "Foreign investments rose.")
    assert _t401(kit.check()) == ["pelaburannya"]
