"""Catalog checks (C2xx): each code on a tiny glossary whose English catalog has exactly that
defect, at the catalog line of the entry, and the same glossary without it is clean of that code."""

from __future__ import annotations

from pathlib import Path

import pytest
from _checkkit import ENGLISH, Kit, codes, with_catalog
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.pofile import parse_po
from glossari.catalog.translations import Coverage
from glossari.checks import check, run_checks
from glossari.checks.catalogs import load_language
from glossari.checks.codes import CODES
from glossari.errors import CatalogError
from glossari.glossary import load_glossary
from glossari.root import GlossaryRoot

GLOSSARY = "locale/en/LC_MESSAGES/glossary.po"
ARTICLES_K = "locale/en/LC_MESSAGES/articles-k.po"
PARAGRAPH = next(k for k in ENGLISH if k[1].startswith("Kos jualan termasuk"))
ITEM = next(k for k in ENGLISH if k[1].startswith("Pada tahun 2021"))
DEFINITION = next(k for k in ENGLISH if k[1].startswith("Kos jualan ialah"))


def only(found: list[object], code: str) -> list[tuple[str, int]]:
    return codes(found, code)  # type: ignore[arg-type]


def test_the_clean_catalog_reports_only_infos(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    found = kit.check()
    assert {f.code for f in found} == {"C200", "L302"}
    assert all(f.severity == "info" for f in found)
    assert all(f.lang == "en" for f in found)


def test_c200_summary_per_catalog_file(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert only(kit.check(), "C200") == []  # no catalog, no summary
    kit = with_catalog(tmp_path)
    kit.fuzzy.add(PARAGRAPH)
    del kit.english[ITEM]
    found = kit.check()
    assert only(found, "C200") == [(ARTICLES_K, 1), ("locale/en/LC_MESSAGES/articles-u.po", 1),
                                   (GLOSSARY, 1)]
    message = next(f.message for f in found if f.code == "C200" and f.path == ARTICLES_K)
    assert message == "articles-k: 2/4 translated (50.0%), 1 fuzzy, 1 untranslated"


def test_c200_counts_obsolete_entries(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    kit.extra_entries.append('#~ msgid "Kos lama"\n#~ msgstr "Old cost"\n')
    found = kit.check()
    message = next(f.message for f in found if f.code == "C200" and f.path == GLOSSARY)
    assert message.endswith(", 1 obsolete")


def test_c201_term_not_completely_translated(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    assert only(kit.check(), "C201") == []
    kit.fuzzy.add(PARAGRAPH)
    del kit.english[ITEM]
    found = kit.check()
    assert only(found, "C201") == [("seeds/kosjualan.md", 1)]
    (c201,) = [f for f in found if f.code == "C201"]
    assert c201.term == "kosjualan"
    assert "6/8 translated (75.0%), 1 fuzzy, 1 untranslated" in c201.message


def test_coverage_summary_over_all_files(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    del kit.english[ITEM]
    root = kit.write()
    report = check(load_glossary(root), root)
    assert report.langs == ("en",)
    ((lang, coverage),) = report.coverage
    assert lang == "en"
    assert (coverage.translated, coverage.untranslated, coverage.total) == (10, 1, 11)


def test_c202_translation_identical_to_source(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    assert only(kit.check(), "C202") == []
    kit.translate("Perakaunan", "Perakaunan")
    found = kit.check()
    assert only(found, "C202") == [(GLOSSARY, kit.entry_lines[(None, "Perakaunan")])]
    assert CODES["C202"].severity == "warning"


def test_c202_ignores_text_without_letters(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    kit.extra_entries.append('msgid "2021"\nmsgstr "2021"\n')
    assert only(kit.check(), "C202") == []


def test_a_message_of_code_alone_is_neither_c202_nor_t401(tmp_path: Path) -> None:
    """A formula written as a code span must stay as written (C206), so its translation is
    the source itself: C202 called it untranslated and T401 asked for 'Cost of sales' inside
    the code, two warnings no translation could clear."""
    kit = with_catalog(tmp_path)
    formula = "`Kos jualan = bahan mentah + tenaga kerja`"
    kit.edit("kosjualan", "## Sorotan", f"{formula}\n\n## Sorotan")
    kit.translate(formula, formula)
    found = kit.check()
    line = kit.entry_lines[(None, formula)]
    assert [f.code for f in found if f.line == line and f.path == ARTICLES_K] == []
    kit.translate(formula, "`Cost of sales = raw materials + labour`")
    assert "C206" in [f.code for f in kit.check() if f.line == line and f.path == ARTICLES_K]


def test_c203_link_target_changed(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    assert only(kit.check(), "C203") == []
    kit.translate(PARAGRAPH[1], ENGLISH[PARAGRAPH].replace("(/untungkasar)", "(/gross-profit)"))
    found = kit.check()
    assert only(found, "C203") == [(ARTICLES_K, kit.entry_lines[PARAGRAPH])]
    (c203,) = [f for f in found if f.code == "C203"]
    assert c203.severity == "error"
    assert "missing /untungkasar; extra /gross-profit" in c203.message


def test_c203_link_dropped(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    kit.translate(PARAGRAPH[1], ENGLISH[PARAGRAPH].replace("[gross profit](/untungkasar)",
                                                           "gross profit"))
    assert only(kit.check(), "C203") == [(ARTICLES_K, kit.entry_lines[PARAGRAPH])]


def test_c204_same_targets_different_count(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    assert only(kit.check(), "C204") == []
    kit.translate(PARAGRAPH[1], ENGLISH[PARAGRAPH] + " See [gross profit](/untungkasar).")
    found = kit.check()
    assert only(found, "C204") == [(ARTICLES_K, kit.entry_lines[PARAGRAPH])]
    assert only(found, "C203") == []
    # one link is said in the singular (it said 'the source has 1 links')
    [c204] = [f for f in found if f.code == "C204"]
    assert c204.message.startswith("the source has 1 link, the translation 2;")


def test_c204_says_render_keeps_the_malay_and_the_summary_names_it(tmp_path: Path) -> None:
    """render refuses a translation linking one target twice where the source links it once
    (links compare as a multiset): C204 says so, and the file's summary names C204 among the
    codes of the refused translations; it named C203, C208, C209, none of them reported."""
    from glossari.catalog.usable import unusable_translation

    kit = with_catalog(tmp_path)
    doubled = ENGLISH[PARAGRAPH] + " See [gross profit](/untungkasar)."
    kit.translate(PARAGRAPH[1], doubled)
    assert unusable_translation(PARAGRAPH[1], doubled, block=True) is not None
    found = kit.check(["en"])
    (c204,) = [f for f in found if f.code == "C204"]
    assert "the source has 1 link, the translation 2" in c204.message
    assert "render keeps the Malay" in c204.message
    (c200,) = [f for f in found if f.code == "C200" and f.path == ARTICLES_K]
    assert "1 translation refused: C203, C204, C208, C209" in c200.message


@pytest.mark.parametrize(
    "translation",
    [
        "In 2021, the company's cost of sales was $57,540, or 12% of revenue.",  # digits swapped
        "In 2020, the company's cost of sales was $57,504, or 12% of revenue.",
        "In 2021, the company's cost of sales was $57,504, or twelve percent of revenue.",
        "In 2021, the company's cost of sales was $57,504, or 1.2% of revenue.",  # decimal shift
        "In 2021, the company's cost of sales was $575.04, or 12% of revenue.",
        "In 2021, the company's cost of sales was $57 50, or 12% of revenue.",  # not a group
        "In 2021 the company's cost of sales was $57,504, or 12% of revenue, 1 of 2.",
    ],
)
def test_c205_numbers_differ(tmp_path: Path, translation: str) -> None:
    kit = with_catalog(tmp_path)
    kit.translate(ITEM[1], translation)
    assert only(kit.check(), "C205") == [(ARTICLES_K, kit.entry_lines[ITEM])]


@pytest.mark.parametrize(
    "translation",
    [
        "In 2021, the company's cost of sales was $57,504, or 12% of revenue.",
        "In 2021, the company's cost of sales was $57.504, or 12 % of revenue.",  # other grouping
        "The company's cost of sales was 57,504 dollars in 2021, or 12% of revenue.",  # reordered
        "In 2021, the company's cost of sales was $57,504.00, or 12.0% of revenue.",  # zeros
        # thousands grouped by a space, a no-break, a thin or a narrow no-break space (ISO)
        "In 2021, the company's cost of sales was $57 504, or 12% of revenue.",
        "In 2021, the company's cost of sales was $57\u00a0504, or 12% of revenue.",
        "In 2021, the company's cost of sales was $57\u2009504, or 12% of revenue.",
        "In 2021, the company's cost of sales was $57\u202f504.00, or 12,0% of revenue.",
        # the digits of other scripts: Arabic-Indic with the Arabic marks, full-width (an Arabic
        # or Chinese translation was told its numbers differ)
        "في ٢٠٢١، بلغت "
        "التكلفة ٥٧٬٥٠٤$ "  # noqa: RUF001
        "أي ١٢٪ من الإيرادات.",
        "２０２１年，公司的销售成本为"  # noqa: RUF001
        "５７，５０４美元，占收入的１２％。",  # noqa: RUF001
        # an HTML tag's numbers are no prose (C208 reports the tag itself)
        "In 2021, the company's cost of sales was $57,504, or 12% of revenue.<img src=x "
        "onerror=alert(1)>",
    ],
)
def test_c205_number_formatting_is_allowed(tmp_path: Path, translation: str) -> None:
    kit = with_catalog(tmp_path)
    kit.translate(ITEM[1], translation)
    assert only(kit.check(), "C205") == []


def test_c206_markup_differs(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    kit.edit("kosjualan", "termasuk bahan mentah", "termasuk **bahan mentah**")
    source = PARAGRAPH[1].replace("termasuk bahan mentah", "termasuk **bahan mentah**")
    del kit.english[PARAGRAPH]
    kit.english[(None, source)] = ENGLISH[PARAGRAPH].replace("the raw materials",
                                                             "the **raw materials**")
    assert only(kit.check(), "C206") == []
    kit.english[(None, source)] = ENGLISH[PARAGRAPH]
    found = kit.check()
    assert only(found, "C206") == [(ARTICLES_K, kit.entry_lines[(None, source)])]
    assert "missing strong" in next(f.message for f in found if f.code == "C206")


def test_c206_code_span_content_must_match(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    kit.edit("untungkasar", "dengan cekap.", "dengan cekap, dikira sebagai `hasil - kos`.")
    old = next(k for k in ENGLISH if k[1].startswith("Untung kasar menunjukkan"))
    new = (None, old[1].replace("dengan cekap.", "dengan cekap, dikira sebagai `hasil - kos`."))
    del kit.english[old]
    kit.english[new] = "Gross profit shows how efficiently a company works, as `hasil - kos`."
    assert only(kit.check(), "C206") == []
    kit.english[new] = "Gross profit shows how efficiently a company works, as `revenue - cost`."
    path = "locale/en/LC_MESSAGES/articles-u.po"
    assert only(kit.check(), "C206") == [(path, kit.entry_lines[new])]


def test_c207_catalog_out_of_date(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    assert only(kit.check(), "C207") == []
    kit.drop.add(ITEM)
    found = kit.check()
    assert only(found, "C207") == [(ARTICLES_K, 1)]
    message = next(f.message for f in found if f.code == "C207")
    assert "1 message of seeds/ is not in it, 0 of its messages are no longer" in message


def test_c207_catalog_of_a_domain_missing(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    kit.write()
    # a new article after the catalogs were made: its domain articles-a has no catalog yet
    text = kit.articles["untungkasar"].replace("Untung kasar", "Akaun untung")
    (tmp_path / "seeds" / "akaun.md").write_text(text, encoding="utf-8")
    found = check(load_glossary(tmp_path), tmp_path).findings
    assert ("locale/en/LC_MESSAGES/articles-a.po", 1) in [
        (f.path, f.line) for f in found if f.code == "C207"
    ]


def test_fuzzy_entries_get_no_content_checks(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    kit.translate(ITEM[1], "Pada tahun 2020, kos jualan syarikat ialah banyak.")
    kit.fuzzy.add(ITEM)
    found = kit.check()
    assert only(found, "C205") == []
    assert only(found, "L301") == []


def test_unreadable_catalog_is_bad_input(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    kit.extra_entries.append('msgid "unterminated\nmsgstr ""\n')
    with pytest.raises(CatalogError) as caught:
        kit.check()
    assert caught.value.path.endswith(GLOSSARY)  # loading the glossary may read it first
    assert caught.value.line > 1
    with pytest.raises(CatalogError) as caught:
        load_language(tmp_path, "en")
    assert caught.value.path == GLOSSARY


def test_unknown_language_is_bad_input(tmp_path: Path) -> None:
    kit = with_catalog(tmp_path)
    with pytest.raises(CatalogError, match="no catalogs for the language 'fr'"):
        kit.check(["fr"])


def test_file_coverage_counts() -> None:
    po = parse_po(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "a"\nmsgstr "A"\n\n#, fuzzy\nmsgid "b"\nmsgstr "B"\n\nmsgid "c"\nmsgstr ""\n\n'
        '#~ msgid "d"\n#~ msgstr "D"\n', source="x.po")
    counts = Coverage.of(po)
    assert (counts.translated, counts.fuzzy, counts.untranslated, counts.obsolete) == (1, 1, 1, 1)
    assert counts.percent == pytest.approx(100 / 3)


@pytest.mark.parametrize("translation", [
    "[Revenue](/revenue) less the cost of sales\n- is [gross profit](/grossprofit).",
    "[Gross profit](/grossprofit) is [revenue](/revenue) less the cost of sales\n- so.",
])
def test_c209_whatever_the_order_of_the_links(translation: str) -> None:
    """Render compares links as a multiset: a translation that only moved them reached its other
    rules and was refused there (a line starting a list), while check, which asked the links to
    be in the source's order before it asked those rules, reported nothing."""
    from glossari.catalog.pofile import Entry, PoFile
    from glossari.checks.catalogs import CatalogFile, entry_findings

    source = ("Kos jualan ditolak daripada [hasil](/revenue) untuk mendapatkan "
              "[untung kasar](/grossprofit).")
    entry = Entry(msgid=source, msgstr=translation, extracted_comments=("paragraph of kos",))
    catalog = CatalogFile(path="locale/en/LC_MESSAGES/articles-k.po", domain="articles-k",
                          po=PoFile(header=None, entries=(entry,)))
    assert [f.code for f in entry_findings(catalog, entry, lang="en", term="kos")] == ["C209"]


@pytest.mark.parametrize(("msgid", "translation", "extra"), [
    # a heading written with its marks: render wrote `## ##Key Takeaways`
    ("Sorotan", "##Highlights", "heading mark"),
    ("Sorotan", "## Highlights", "heading mark"),
    # a `**` left open shows as two asterisks
    (PARAGRAPH[1], ENGLISH[PARAGRAPH].replace("labour used", "**labour used"), "unclosed **"),
])
def test_c206_a_heading_mark_or_an_open_strong_in_the_translation(
        tmp_path: Path, msgid: str, translation: str, extra: str) -> None:
    kit = with_catalog(tmp_path)
    kit.translate(msgid, translation)
    key = (None, msgid)
    found = [f for f in kit.check(["en"]) if f.code == "C206"]
    assert [(f.path, f.line) for f in found] == [(ARTICLES_K, kit.entry_lines[key])]
    assert f"extra {extra}" in found[0].message


@pytest.mark.parametrize("translation", ["#1 in the Market", "Highlights", "**Highlights**"])
def test_c206_no_heading_mark_in_a_rank_or_plain_words(tmp_path: Path, translation: str) -> None:
    kit = with_catalog(tmp_path)
    kit.translate("Sorotan", translation)
    expected = ["Markdown markup differs from the source (extra strong)"] if "**" in translation \
        else []
    assert [f.message for f in kit.check(["en"]) if f.code == "C206"] == expected


@pytest.mark.parametrize("opened", ["(see [coupon](/kupon", "[see](https://www.bnm.gov.my/kupon",
                                    "(see [coupon](/kupon \"Coupon\""])
def test_c209_a_link_left_open_in_the_translation(tmp_path: Path, opened: str) -> None:
    """``(see [coupon](/kupon`` is no link: Markdown shows its brackets and target as written,
    and render published it so, while check said nothing (its targets agree: it has none), then
    only warned (C206). Render keeps the Malay for it, and check says so, once."""
    kit = with_catalog(tmp_path)
    kit.translate(PARAGRAPH[1], ENGLISH[PARAGRAPH] + " " + opened)
    found = [f for f in kit.check(["en"]) if f.code not in ("C200", "C201", "L302")]
    assert [(f.code, f.line) for f in found] == [("C209", kit.entry_lines[PARAGRAPH])]
    assert "open (no ')' closes its target)" in found[0].message
    assert found[0].message.endswith("render keeps the Malay for it")


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["kupon", "hasil-bon", "sukuk"]), st.sampled_from(["", ".", ") dan", "!"]))
def test_c206_a_link_closed_or_left_open_as_in_the_source_is_no_finding(
        slug: str, after: str) -> None:
    from glossari.catalog.pofile import Entry, PoFile
    from glossari.checks.catalogs import CatalogFile, entry_findings

    catalog = CatalogFile(path="x.po", domain="articles-k", po=PoFile(header=None, entries=()))
    for source, translation in [
        (f"Bayaran [kupon-kupon](/{slug}){after}", f"The [coupon](/{slug}) payments{after}"),
        (f"Teks `[kupon](/{slug}` kod{after}", f"Text `[kupon](/{slug}` code{after}"),
        (f"Rosak [kupon](/{slug}", f"Broken [coupon](/{slug}"),
    ]:
        entry = Entry(msgid=source, msgstr=translation, line=3)
        assert [f.code for f in entry_findings(catalog, entry, lang="en", term=None)] == []


def test_c202_passes_the_acronym_copies_align_writes(tmp_path: Path) -> None:
    """align copies an acronym's link text and headword category (UPP -> UPP) from the English
    article, as the recogniser reads an acronym as the same name in both languages; check
    warned C202 on each such copy. A copied word that is no acronym (Saham) is still C202."""
    from tests._alignkit import ok, scratch_glossary

    root = scratch_glossary(tmp_path / "g", {
        "unit-pelaburan": "---\ntitle: Unit Pelaburan Peribadi (UPP)\ndescription: Unit.\n"
        "keywords: [UPP, R&D]\n---\n# Unit Pelaburan Peribadi (UPP)\n\nUPP ialah "
        "[saham-saham](/stock) dalam dana, rujuk [UPP](/upp) dan [P/E](/pe-ratio).\n"})
    english = tmp_path / "en"
    english.mkdir()
    (english / "unit-pelaburan.md").write_text(
        "---\ntitle: Private Investment Unit (UPP)\ndescription: Unit.\n"
        "keywords: [UPP, R&D]\n---\n# Private Investment Unit (UPP)\n\nUPP is "
        "[Saham](/stock) in a fund, see [UPP](/upp) and [P/E](/pe-ratio).\n", encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    ok("align", "-l", "en", english, root=root)
    po = (root / GLOSSARY).read_text(encoding="utf-8")
    assert 'msgctxt "/upp"\nmsgid "UPP"\nmsgstr "UPP"' in po  # align's own copy
    found = check(load_glossary(root), root)
    identical = [f.message for f in found.findings if f.code == "C202"]
    assert not any("'UPP'" in m or "'P/E'" in m or "'R&D'" in m for m in identical)
    kit = with_catalog(tmp_path / "kit")
    kit.translate("Perakaunan", "Perakaunan")
    assert only(kit.check(), "C202") != []


@settings(max_examples=10, deadline=None)
@given(space=st.sampled_from(["\u00a0", "\u202f", "\u2007"]))
def test_a_finding_quotes_a_no_break_space_as_written(tmp_path_factory: pytest.TempPathFactory,
                                                      space: str) -> None:
    """excerpt turned a no-break space into a space: C202 quoted 'Harga RM 100 seunit', a text
    the catalog does not hold (a search for it finds nothing)."""
    kit = with_catalog(tmp_path_factory.mktemp("nbsp"))
    value = f"Harga RM{space}100  seunit"
    kit.extra_entries.append(f'msgid "{value}"\nmsgstr "{value}"\n')
    (message,) = [f.message for f in kit.check() if f.code == "C202"]
    assert f"'Harga RM{space}100 seunit'" in message


@pytest.mark.parametrize(("translation", "found"), [
    ("According to the annual report.\n[^sc]: Securities Commission, 2021.\n"
     "[^nota]: See the notes.", None),
    ("According to the annual report.\n[^sc]: Securities Commission, 2021.\n"
     "[^note]: See the notes.", "missing [^nota]:; extra [^note]:"),
    ("According to the annual report.\n[^sc]: Securities Commission, 2021. See the notes.",
     "missing [^nota]:"),
    ("According to the annual report.\n[sc]: Securities Commission, 2021.\n"
     "[^nota]: See the notes.", "missing [^sc]:"),
])
def test_c206_a_footnote_under_another_label(tmp_path: Path, translation: str,
                                             found: str | None) -> None:
    """A paragraph of footnote definitions is one message; a translation that writes a note
    under another label (`[^note]:` for `[^nota]:`), or drops one, leaves the article's
    references to it leading nowhere, in the rendered article and on the site: nothing was
    said (reference labels, `[^nota]` in the text, were compared; definitions were not)."""
    kit = with_catalog(tmp_path)
    notes = ("Menurut laporan tahunan.\n[^sc]: Suruhanjaya Sekuriti, 2021.\n"
             "[^nota]: Lihat nota.")
    kit.edit("kosjualan", "## Sorotan", f"{notes}\n\n## Sorotan")
    kit.english[(None, notes)] = translation
    results = kit.check()
    line = kit.entry_lines[(None, notes)]
    messages = [f.message for f in results if f.code == "C206" and f.line == line
                and f.path == ARTICLES_K]
    if found is None:
        assert messages == []
    else:
        assert messages == [f"footnotes differ from the source ({found}); keep each note's "
                            "label, as in [^1]: text"]


@pytest.mark.parametrize(("definition", "reported"), [
    ("Takaful is a Shariah-compliant scheme of mutual cover.", False),
    ("A Shariah-compliant scheme of mutual cover (*takaful*).", True),
    ("A Shariah-compliant scheme of mutual cover.", True),
])
def test_c202_is_quiet_on_a_headword_its_english_definition_names_it_by(
        tmp_path: Path, definition: str, reported: bool) -> None:
    """`Takaful`, `Murabahah`, `Zakat`: Islamic finance keeps its loanwords in English, and a
    headword whose English definition says it as written is its English name (align takes it
    so): C202 called each an untranslated copy, 7 false alarms on the unseen glossaries'
    clean translations. A definition that only glosses it, or does not say it, leaves the
    warning."""
    kit = with_catalog(tmp_path)
    kit.articles["takaful"] = ("---\ntitle: Takaful\ndescription: Takaful ialah skim "
                               "perlindungan patuh Syariah.\n---\n\nTakaful berasaskan "
                               "tolong-menolong.\n")
    kit.translate("Takaful", "Takaful", context="takaful")
    kit.translate("Takaful ialah skim perlindungan patuh Syariah.", definition)
    found = [f for f in kit.check() if f.code == "C202"]
    assert [f.term for f in found] == (["takaful"] if reported else [])


@pytest.mark.parametrize(("block", "reported"), [
    ("Many [takaful](/takaful) operators invest in sukuk.", False),
    ("Many [takaful](/takaful \"Takaful\") operators invest in sukuk.", False),
    ("Many takaful operators invest in sukuk.", False),
    ("Many operators of Islamic insurance (*takaful*) invest in sukuk.", True),
    ("Many [Islamic insurance](/takaful) operators invest in sukuk.", True),
    (None, True),
])
def test_c202_is_quiet_on_a_link_text_its_english_block_keeps(
        tmp_path: Path, block: str | None, reported: bool) -> None:
    """`align` takes `[takaful](/takaful)` from an English article as the link text's
    translation, and C202 then called the copy untranslated: 8 false alarms on the unseen
    glossaries (`sukuk`, `zakat`, `hibah`, `Bank Negara Malaysia`). A copy that the block
    holding the link keeps in its English, as the link or as written, is the English name;
    one the block glosses or renames, or no English block holds, is still reported."""
    kit = with_catalog(tmp_path)
    kit.articles["pengendali"] = ("---\ntitle: Pengendali\ndescription: Syarikat yang "
                                  "mengurus dana.\n---\n\nBanyak pengendali [takaful](/takaful) "
                                  "melabur dalam sukuk.\n")
    kit.translate("takaful", "takaful", context="/takaful")
    if block is not None:
        kit.translate("Banyak pengendali [takaful](/takaful) melabur dalam sukuk.", block)
    found = [f for f in kit.check() if f.code == "C202"]
    assert [f.message.split("'")[1] for f in found] == (["takaful"] if reported else [])
    assert all(f.path.endswith("glossary.po") for f in found)


@pytest.mark.parametrize(("definition", "reported"), [
    ("Takaful is a Shariah-compliant scheme of mutual cover.", False),
    ("A Shariah-compliant scheme of mutual cover.", True),
])
def test_c202_is_quiet_on_a_link_text_that_writes_such_a_headword(
        tmp_path: Path, definition: str, reported: bool) -> None:
    """`[takaful](/takaful)` copied as `takaful` beside *Takaful*, whose English definition
    says it: the headword's copy was quiet and the link's, the same loanword and the term's
    own English name, was C202's (one warning for each link to Sukuk, Takaful, Zakat...).
    Quiet when the headword's is; a link of another text (`[skim takaful]`) is no name copy."""
    kit = with_catalog(tmp_path)
    kit.articles["takaful"] = ("---\ntitle: Takaful\ndescription: Takaful ialah skim "
                               "perlindungan patuh Syariah.\n---\n\nTakaful berasaskan "
                               "tolong-menolong.\n")
    kit.edit("untungkasar", "dengan cekap.",
             "dengan cekap, seperti [takaful](/takaful) dan [skim takaful](/takaful).")
    kit.translate("Takaful", "Takaful", context="takaful")
    kit.translate("Takaful ialah skim perlindungan patuh Syariah.", definition)
    kit.translate("takaful", "takaful", context="/takaful")
    kit.translate("skim takaful", "skim takaful", context="/takaful")
    found = kit.check()
    lines = {kit.entry_lines[("/takaful", "takaful")]: "link",
             kit.entry_lines[("/takaful", "skim takaful")]: "other link",
             kit.entry_lines[("takaful", "Takaful")]: "headword"}
    said = sorted(lines[f.line] for f in found if f.code == "C202" and f.line in lines)
    assert said == (["headword", "link", "other link"] if reported else ["other link"])


@pytest.mark.parametrize(("written", "reported"), [
    ("ms", True), ("ms_MY", True), ("Malay", True), ("id", True),
    ("en", False), ("en_GB", False), ("EN-us", False), ("eng", False), ("", False),
])
def test_c210_a_language_header_naming_another_language(
        tmp_path: Path, written: str, reported: bool) -> None:
    """``Language: ms`` in locale/en/LC_MESSAGES/articles-k.po went unnoticed by compile and
    check, while Poedit and Weblate then treat the file as Malay (their spell checker, plural
    rules, the language they offer to translate into). The folder is the language glossari
    compiles the file for; the header must name it (any region, any spelling of the code)."""
    kit = with_catalog(tmp_path)
    kit.write()
    path = tmp_path / ARTICLES_K
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Language: en\\n"', f'"Language: {written}\\n"'),
                    encoding="utf-8")
    root = GlossaryRoot(path=tmp_path)
    found = run_checks(load_glossary(root), root, ["en"])
    assert only(found, "C210") == ([(ARTICLES_K, 3)] if reported else [])
    if reported:
        message = next(f.message for f in found if f.code == "C210")
        assert f"'{written}'" in message
        assert "'Language: en'" in message
        assert next(f.severity for f in found if f.code == "C210") == "warning"
    # the other catalogs, whose header is right, are quiet
    assert all(f.path == ARTICLES_K for f in found if f.code == "C210")


def test_c208_on_a_links_text_says_what_becomes_of_it(tmp_path: Path) -> None:
    """A link's text translated with HTML (`gross <b>profit</b>` for `[untung kasar]`): no
    article holds it, so it is never refused and counts translated, and the term's names
    take it as written; C208 said `render keeps the Malay`, which nothing did, where the same
    HTML in a headword is refused and said so."""
    kit = with_catalog(tmp_path)
    kit.translate("untung kasar", "gross <b>profit</b>", context="/untungkasar")
    kit.translate("Untung kasar", "Gross <b>profit</b>", context="untungkasar")
    found = kit.check()
    link = kit.entry_lines[("/untungkasar", "untung kasar")]
    headword = kit.entry_lines[("untungkasar", "Untung kasar")]
    said = {f.line: f.message for f in found if f.code == "C208"}
    assert set(said) == {link, headword}
    assert "render keeps the Malay" in said[headword]
    assert "render keeps the Malay" not in said[link]
    assert "the term's English name shows it as written" in said[link]
    [c200] = [f for f in found if f.code == "C200" and f.path.endswith("glossary.po")]
    assert "5/6 translated" in c200.message  # the headword's refused, the link's text not
    assert "1 translation refused" in c200.message
    names = load_glossary(GlossaryRoot(path=tmp_path))["untungkasar"].names.english_variants
    assert names == ("gross <b>profit</b>",)


@pytest.mark.parametrize("english", [
    # a link left open, shown as written in the name (one of no visible character is no name:
    # tests/test_invisible_link_name.py)
    "gross (see [profit](/untungkasar",
    "gross (see [profit](/untungkasar \"margin\"",
])
def test_c209_on_a_links_text_says_what_becomes_of_it(tmp_path: Path, english: str) -> None:
    """A link's text translated as render refuses a text (C209): no article holds it, so it is
    never refused and counts translated, and the term's names take it as written; C209 said
    `render keeps the Malay`, which nothing did, as C208 did before, where the same
    translation of a headword is refused and said so."""
    kit = with_catalog(tmp_path)
    kit.translate("untung kasar", english.lower(), context="/untungkasar")
    kit.translate("Untung kasar", english, context="untungkasar")
    found = kit.check()
    link = kit.entry_lines[("/untungkasar", "untung kasar")]
    headword = kit.entry_lines[("untungkasar", "Untung kasar")]
    said = {f.line: f.message for f in found if f.code == "C209"}
    assert set(said) == {link, headword}
    assert said[headword].endswith("render keeps the Malay for it")
    assert "render keeps the Malay" not in said[link]
    assert "the term's English name shows it as written" in said[link]
    [c200] = [f for f in found if f.code == "C200" and f.path.endswith("glossary.po")]
    assert "1 translation refused" in c200.message  # the headword's, the link's text not
