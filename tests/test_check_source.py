"""Source checks (S1xx): each code on a tiny glossary with exactly that defect, at the right line,
and the same glossary without it is clean of that code."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from _checkkit import Kit, codes
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.messages import iter_messages
from glossari.checks import run_checks
from glossari.checks.source import suspicious_link_text
from glossari.errors import SeedError
from glossari.glossary import load_glossary
from glossari.model import Link

KOS = "seeds/kosjualan.md"
UNTUNG = "seeds/untungkasar.md"


def test_the_clean_glossary_has_no_source_findings(tmp_path: Path) -> None:
    assert Kit(root=tmp_path).check() == []


def test_s101_heading_without_its_space(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S101") == []
    kit.edit("kosjualan", "## Sorotan", "##Sorotan")
    found = kit.check()
    assert codes(found, "S101") == [(KOS, 13)]
    (s101,) = [f for f in found if f.code == "S101"]
    assert s101.severity == "warning"
    assert s101.term == "kosjualan"
    assert "'##Sorotan'" in s101.message


@pytest.mark.parametrize("line", ["#1 dalam pasaran ialah saham ini.", "#2024: tahun baik.",
                                  "#! bukan tajuk", "##: bukan tajuk"])
def test_a_hash_before_a_number_or_sign_is_text_not_a_heading(line: str) -> None:
    """Only a word makes a heading written without its space (``##Sorotan``): ``#1 dalam
    pasaran`` (a rank) became a level-1 heading, its ``#`` lost from the message, and render
    wrote it back as ``# 1 dalam pasaran``."""
    from glossari.seeds.article import parse_article

    text = f"---\ntitle: Saham\n---\n\n# Saham\n\n{line}\n\n##Sorotan\n\n- Satu.\n"
    term = parse_article(text, term_id="saham", source="seeds/saham.md")
    assert [s.heading for s in term.sections] == ["Saham", "Sorotan"]
    assert [b.text for b in term.sections[0].blocks] == [line]
    assert [f.line for f in term.findings if f.code == "S101"] == [9]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([">", "> ", "> > ", ">>", "- ", "* ", "1. ", "- > ", "  - "]),
       st.sampled_from(["##", "###", "#"]),
       st.sampled_from(["", "\u00a0"]),
       st.sampled_from(["Nota", "Sorotan", "Amaran penting"]))
def test_s101_a_heading_without_its_space_in_a_quote_or_a_list(
        marks: str, hashes: str, space: str, heading: str) -> None:
    """``>##Nota`` is read as ``> ## Nota`` is, a heading in the quote, and reported (S101) at
    its line: in a quote or a list item it stayed a paragraph '##Nota', with no finding."""
    from glossari.seeds.article import parse_article

    def read(line: str) -> tuple[list[tuple[str, int, list[str]]], list[int]]:
        text = (f"---\ntitle: Zakat\n---\n\n# Zakat\n\nZakat ialah kewajipan.\n\n{line}\n"
                f"{marks.rstrip()} Zakat harta dikenakan pada kadar 2.5%.\n")
        term = parse_article(text, term_id="zakat", source="seeds/zakat.md")
        return ([(s.heading, s.level, [b.text for b in s.blocks]) for s in term.sections],
                [f.line for f in term.findings if f.code == "S101"])

    wellformed, none = read(f"{marks}{hashes} {heading}")
    assert none == []
    sections, lines = read(f"{marks}{hashes}{space}{heading}")
    assert sections == wellformed
    assert lines == [9]


def test_render_writes_a_quoted_heading_without_its_space_back_in_its_quote(
        tmp_path: Path) -> None:
    from _checkkit import with_catalog

    from glossari.render import render_folder

    kit = with_catalog(tmp_path / "g")
    kit.edit("kosjualan", "## Sorotan", ">##Sorotan")
    assert codes(kit.check(), "S101") == [(KOS, 13)]
    render_folder(kit.write(), "en", tmp_path / "en", min_coverage=0)
    lines = (tmp_path / "en" / "kosjualan.md").read_text(encoding="utf-8").split("\n")
    assert lines[12] == ">## Highlights"


def test_s101_for_a_malformed_section_the_reader_did_not_report(tmp_path: Path) -> None:
    root = Kit(root=tmp_path).write()
    terms = list(load_glossary(root))
    term = next(t for t in terms if t.id == "kosjualan")
    sections = tuple(replace(s, malformed=s.heading == "Sorotan") for s in term.sections)
    terms = [replace(term, sections=sections) if t is term else t for t in terms]
    assert codes(run_checks(terms, root, []), "S101") == [(KOS, 13)]


def test_s102_article_without_headword(tmp_path: Path) -> None:
    root = Kit(root=tmp_path).write()
    terms = list(load_glossary(root))
    assert codes(run_checks(terms, root, []), "S102") == []
    # The reader refuses such a file (exit 2); a term built in Python can still lack one.
    terms = [replace(t, title=None) if t.id == "kosjualan" else t for t in terms]
    assert codes(run_checks(terms, root, []), "S102") == [(KOS, 2)]


def test_s102_missing_title_in_a_file_is_refused_by_the_reader(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "title: Kos jualan\n", "")
    with pytest.raises(SeedError) as caught:
        kit.check()
    assert caught.value.path == KOS


def test_s106_article_without_definition(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S106") == []
    kit.edit("untungkasar",
             "description: Untung kasar ialah hasil syarikat selepas ditolak kos jualan barang "
             "yang dijual.\n", "")
    assert codes(kit.check(), "S106") == [(UNTUNG, 1)]


def test_s106_empty_definition_points_at_its_line(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("untungkasar",
             "description: Untung kasar ialah hasil syarikat selepas ditolak kos jualan barang "
             "yang dijual.\n", "description: ''\n")
    assert codes(kit.check(), "S106") == [(UNTUNG, 3)]


@pytest.mark.parametrize(("old", "new", "code", "key"), [
    ("description: ", "descripton: ", "S106", "description"),
    ("keywords: ", "Keyword: ", "S107", "keywords"),
])
def test_s106_s107_name_a_misspelt_key(tmp_path: Path, old: str, new: str, code: str,
                                       key: str) -> None:
    """An author's typo in a key (``descripton:``) left the definition out with a message
    saying only to add the key the author believed was there."""
    kit = Kit(root=tmp_path)
    kit.edit("untungkasar", old, new)
    (found,) = [f for f in kit.check() if f.code == code]
    assert f"'{new.strip()}' looks like a misspelling: rename it to '{key}:'" in found.message



@pytest.mark.parametrize(("old", "new", "code"), [
    ("description: ", "description_en: ", "S106"),
    ("keywords: ", "keywords-en: ", "S107"),
])
def test_s106_s107_take_no_qualified_key_for_a_misspelling(tmp_path: Path, old: str, new: str,
                                                           code: str) -> None:
    """``description_en:`` is the English definition, kept in the front matter: renaming it to
    ``description:``, as S106 advised, made the English the Malay definition."""
    kit = Kit(root=tmp_path)
    kit.edit("untungkasar", old, new)
    (found,) = [f for f in kit.check() if f.code == code]
    assert "misspelling" not in found.message

@pytest.mark.parametrize(("keywords", "found"), [
    ("keywords: Pasaran Modal; Ekuiti Persendirian\n", ["Pasaran Modal; Ekuiti Persendirian"]),
    ("keywords: [Perakaunan, 'Cukai;Zakat']\n", ["Cukai;Zakat"]),
    ("keywords: Perakaunan, Cukai\n", []),
])
def test_s116_a_category_holding_a_semicolon(tmp_path: Path, keywords: str,
                                             found: list[str]) -> None:
    """`keywords: Pasaran Modal; Ekuiti Persendirian` is one category (commas separate them),
    which the site shows as one page and the CSV table, which joins categories with '; ',
    gives as two a spreadsheet or Weblate reads apart: nothing was said."""
    kit = Kit(root=tmp_path)
    kit.edit("untungkasar", "keywords: Perakaunan\n", keywords)
    s116 = [f for f in kit.check() if f.code == "S116"]
    assert [(f.path, f.line) for f in s116] == [(UNTUNG, 4)] * len(found)
    for finding_, category in zip(s116, found, strict=True):
        assert f"'{category}'" in finding_.message
        assert finding_.severity == "warning"
        assert "commas" in finding_.message


@pytest.mark.parametrize(("keywords", "parts"), [
    ('keywords: ["Pasaran Modal, Ekuiti", Pelaburan]\n', ["Pasaran Modal", "Ekuiti"]),
    ("keywords:\n  - Kewangan Islam,Sukuk\n  - Cukai\n", ["Kewangan Islam", "Sukuk"]),
    ("keywords: [Perakaunan, Cukai]\n", []),
    ("keywords: Perakaunan, Cukai\n", []),
])
def test_s116_a_keywords_item_holding_a_comma(tmp_path: Path, keywords: str,
                                              parts: list[str]) -> None:
    """`keywords: ["Pasaran Modal, Ekuiti"]` is one category, but Term.meta's keywords (the
    items joined by ", ") and every one-line reading gave it as two: nothing was said."""
    kit = Kit(root=tmp_path)
    kit.edit("untungkasar", "keywords: Perakaunan\n", keywords)
    glossary = load_glossary(kit.write())
    term = glossary["untungkasar"]
    one_line = [k.strip() for k in (term.meta_value("keywords") or "").split(",")]
    s116 = [f for f in run_checks(glossary, kit.root) if f.code == "S116"]
    if not parts:
        assert s116 == []
        assert one_line == list(term.categories)
        return
    [whole] = [c for c in term.categories if "," in c]  # kept whole, one category
    assert len(one_line) == len(term.categories) + len(parts) - 1  # the one-line reading
    [found] = s116
    assert (found.path, found.line, found.severity) == (UNTUNG, term.categories_line, "warning")
    assert f"'{whole}'" in found.message
    assert ", ".join(f"'{p}'" for p in parts) in found.message


def test_s107_article_without_categories(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S107") == []
    kit.edit("untungkasar", "keywords: Perakaunan\n", "keywords: ' , '\n")
    assert codes(kit.check(), "S107") == [(UNTUNG, 4)]


def test_s105_level_one_heading_differs_from_headword(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S105") == []
    kit.edit("kosjualan", "# Kos jualan\n", "# Kos penjualan\n")
    assert codes(kit.check(), "S105") == [(KOS, 7)]


def test_s110_empty_block_quote(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("untungkasar", "dengan cekap.\n", "dengan cekap.\n\n> Petikan daripada laporan.\n")
    assert codes(kit.check(), "S110") == []
    kit.edit("untungkasar", "> Petikan daripada laporan.\n", "> Petikan daripada laporan.\n\n>\n")
    assert codes(kit.check(), "S110") == [(UNTUNG, 13)]


def test_s111_empty_section(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S111") == []  # "# Kos jualan" is followed by a subsection: a parent
    kit.edit("kosjualan", "## Memahami Kos Jualan\n", "## Sejarah\n\n## Memahami Kos Jualan\n")
    assert codes(kit.check(), "S111") == [(KOS, 9)]


def test_s111_empty_last_section(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.articles["untungkasar"] += "\n## Lihat juga\n"
    assert codes(kit.check(), "S111") == [(UNTUNG, 11)]


def test_s103_broken_link_text(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S103") == []
    kit.edit("kosjualan", "mendapatkan [untung kasar](/untungkasar).",
             "mendapatkan ( [untung kasar ), iaitu](/untungkasar).")
    found = kit.check()
    assert codes(found, "S103") == [(KOS, 11)]
    assert [f.severity for f in found if f.code == "S103"] == ["warning"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("untung kasar ), iaitu", "unbalanced ')'"),
        ("(untung kasar", "unbalanced '('"),
        ("untung kasar,", "ends with punctuation"),
        (", untung kasar", "starts with punctuation"),
        ("   ", "empty"),
    ],
)
def test_suspicious_link_text_reasons(text: str, why: str) -> None:
    reason = suspicious_link_text(text)
    assert reason is not None
    assert why in reason


@pytest.mark.parametrize("text", ["untung kasar", "Bhd.", "nisbah (P/E)", "*untung* kasar"])
def test_sound_link_texts(text: str) -> None:
    assert suspicious_link_text(text) is None


def test_s103_also_for_a_link_the_reader_did_not_mark(tmp_path: Path) -> None:
    root = Kit(root=tmp_path).write()
    terms = list(load_glossary(root))
    kos = next(t for t in terms if t.id == "kosjualan")
    bad = Link(text="untung kasar ]", target="untungkasar", line=11)
    terms = [replace(kos, links=(bad,)) if t is kos else t for t in terms]
    assert codes(run_checks(terms, root, []), "S103") == [(KOS, 11)]


def test_s121_link_to_a_term_without_article(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S121") == []
    # a link text that is the article's Malay headword resolves whatever the target (the Malay
    # side decides: docs/concepts.md); a text and a target that name nothing do not
    kit.edit("kosjualan", "(/untungkasar)", "(/grossprofit)")
    assert codes(kit.check(), "S121") == []
    kit.edit("kosjualan", "[untung kasar](/grossprofit)", "[untung bersih](/grossprofit)")
    found = kit.check()
    assert codes(found, "S121") == [(KOS, 11)]
    assert [f.severity for f in found if f.code == "S121"] == ["info"]


def test_s121_resolves_aliases_and_acronyms(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "[untung kasar](/untungkasar)", "[untung bersih](/grossprofit)")
    kit.edit("untungkasar", "keywords: Perakaunan\n",
             "keywords: Perakaunan\naliases: gross profit\n")
    assert codes(kit.check(), "S121") == []
    kit.edit("kosjualan", "(/grossprofit)", "(/ukr)")
    kit.edit("untungkasar", "title: Untung kasar\n", "title: Untung kasar (UKR)\n")
    kit.edit("untungkasar", "# Untung kasar\n", "# Untung kasar (UKR)\n")
    assert codes(kit.check(), "S121") == []


def test_s130_ids_that_differ_only_in_case(tmp_path: Path) -> None:
    root = Kit(root=tmp_path).write()
    terms = list(load_glossary(root))
    assert codes(run_checks(terms, root, []), "S130") == []
    twin = replace(terms[0], id=terms[0].id.upper(), title="Lain sekali")
    found = run_checks([*terms, twin], root, [])
    assert [f.severity for f in found if f.code == "S130"] == ["error"]
    assert codes(found, "S130") == [(terms[0].source.path, 1)]


def test_s130_two_files_differing_in_case_are_refused_by_the_reader(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.articles["KosJualan"] = kit.articles["kosjualan"]
    with pytest.raises(SeedError):
        kit.check()


def test_s131_two_articles_with_one_headword(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S131") == []
    kit.edit("untungkasar", "title: Untung kasar\n", "title: Kos  Jualan\n")
    kit.edit("untungkasar", "# Untung kasar\n", "# Kos Jualan\n")
    found = kit.check()
    assert codes(found, "S131") == [(UNTUNG, 2)]
    # the other article is named at its headword's line too, not at its first line (the '---')
    (s131,) = [f for f in found if f.code == "S131"]
    assert "(seeds/kosjualan.md:2)" in s131.message


def test_s132_two_link_only_terms_with_one_malay_name(tmp_path: Path) -> None:
    """[sekuriti](/securities) and [Sekuriti-sekuriti](/security): one concept, two link-only
    terms, which lookup and find answered apart, with no finding."""
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "# Kos jualan\n", "# Kos jualan\n\nLihat [sekuriti](/securities).\n")
    assert codes(kit.check(), "S132") == []
    kit.edit("untungkasar", "# Untung kasar\n",
             "# Untung kasar\n\nLihat [Sekuriti-sekuriti](/security).\n")
    found = [f for f in kit.check() if f.code == "S132"]
    assert [(f.path, f.line, f.severity) for f in found] == [(UNTUNG, 9, "warning")]
    assert "/security and to /securities" in found[0].message


def test_s104_one_name_claimed_by_two_terms(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("untungkasar", "keywords: Perakaunan\n", "keywords: Perakaunan\naliases: hasil\n")
    assert codes(kit.check(), "S104") == []
    kit.edit("kosjualan", "keywords: Perakaunan\n", "keywords: Perakaunan\naliases: hasil\n")
    found = kit.check()
    assert len(codes(found, "S104")) == 1
    assert [f.severity for f in found if f.code == "S104"] == ["warning"]


def test_s104_one_target_for_two_articles_is_reported_at_the_link(tmp_path: Path) -> None:
    # the editor fixes a link, not an article's first line: name the first link that votes
    # for the article the target does not go to
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "(/untungkasar)", "(/gross-profit)")
    kit.edit("untungkasar", "# Untung kasar\n",
             "# Untung kasar\n\nLihat [kos jualan](/gross-profit).\n")
    found = [f for f in kit.check() if f.code == "S104"]
    assert [(f.path, f.line) for f in found] == [(UNTUNG, 9)]
    assert "the target /gross-profit is used for 'untungkasar' and for 'kosjualan'" in (
        found[0].message)


def test_s112_an_article_in_a_subfolder_is_not_read(tmp_path: Path) -> None:
    # glossari reads the articles directly in seeds/; one filed in a subfolder is not a term,
    # and must not vanish without a word
    kit = Kit(root=tmp_path)
    assert codes(kit.check(), "S112") == []
    nested = tmp_path / "seeds" / "Bahagian B"
    nested.mkdir()
    (nested / "bon.md").write_text("---\ntitle: Bon\n---\n", encoding="utf-8")
    (nested / "README.md").write_text("Nota.\n", encoding="utf-8")
    (nested / "gambar.png").write_bytes(b"\x89PNG")
    (tmp_path / "seeds" / ".git").mkdir()  # hidden folders are not the authors'
    (tmp_path / "seeds" / ".git" / "x.md").write_text("x\n", encoding="utf-8")
    found = [f for f in kit.check() if f.code == "S112"]
    assert [(f.path, f.line, f.severity) for f in found] == [
        ("seeds/Bahagian B/bon.md", 1, "warning")]
    assert "move it into seeds/" in found[0].message


def test_s112_a_markdown_file_not_named_md_is_not_read(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.write()
    (tmp_path / "seeds" / "bon.markdown").write_text("---\ntitle: Bon\n---\n", encoding="utf-8")
    (tmp_path / "seeds" / "nota.txt").write_text("Nota.\n", encoding="utf-8")
    found = [f for f in kit.check() if f.code == "S112"]
    assert [(f.path, f.line) for f in found] == [("seeds/bon.markdown", 1)]
    assert "rename it 'bon.md'" in found[0].message


@pytest.mark.parametrize(("target", "why"), [
    ("C:\\untungkasar", "a path on the author's computer ('C:\\untungkasar')"),
    ("\\\\pelayan\\untungkasar", "a path on the author's computer"),
    ("../untungkasar", "a relative path ('../untungkasar'), resolved by its last part alone"),
    ("/terms/../untungkasar", "a relative path"),
    ("/---", "'/---' holds no letter or digit, so it names no term"),
    ("/...", "names no term"),
])
def test_s115_a_link_target_no_reader_can_follow(tmp_path: Path, target: str, why: str) -> None:
    # `C:\...` was read as an address with the scheme `c:`, `../x` resolved by `x` alone and
    # `/---` led to no term at all: none of them was reported
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "(/untungkasar)", f"({target})")
    (s115,) = [f for f in kit.check() if f.code == "S115"]
    assert (s115.path, s115.severity, s115.term) == (KOS, "warning", "kosjualan")
    assert why in s115.message
    assert "'/slug'" in s115.message


@pytest.mark.parametrize("target", ["/untungkasar", "untungkasar.md#x", "./untungkasar.md",
                                    "/./untungkasar", "https://contoh.my/a/b",
                                    "mailto:a@contoh.my", "/terms/u/untung-kasar.asp"])
def test_s115_is_silent_on_targets_a_reader_follows(tmp_path: Path, target: str) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "(/untungkasar)", f"({target})")
    assert codes(kit.check(), "S115") == []


@pytest.mark.parametrize(("target", "scheme"), [
    ("file:///C:/untungkasar.md", "file:"), ("javascript:alert(1)", "javascript:"),
    ("VBScript:x", "VBScript:"), ("data:text/html,x", "data:"),
])
def test_s113_a_link_markdown_refuses_to_link(tmp_path: Path, target: str, scheme: str) -> None:
    # markdown-it-py leaves `[x](file:...)` as text (its validateLink): brackets on the site, no
    # term, and no finding
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "(/untungkasar)", f"({target})")
    (s113,) = [f for f in kit.check() if f.code == "S113"]
    assert s113.path == KOS
    assert f"'[untung kasar](...)' is not a link: Markdown refuses '{scheme}'" in s113.message


@pytest.mark.parametrize(("written", "shown"), [
    ("[untung kasar](/untungkasar", "'[untung kasar](/untungkasar' is not a link"),
    ("[untung kasar](/untungkasar untuk butiran", "'[untung kasar](/untungkasar' is not a link"),
    ("[untung kasar](/untung kasar)", "'[untung kasar](/untung' is not a link"),
    ("[untung kasar](", "write '[untung kasar](/slug)'"),
])
def test_s113_a_link_left_open(tmp_path: Path, written: str, shown: str) -> None:
    """`[untung kasar](/untungkasar` with no `)` (or a space in its target) is text on the
    site, brackets and target shown, and names no term; the reader said nothing."""
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "[untung kasar](/untungkasar).", written + " dan hasil.")
    (s113,) = [f for f in kit.check() if f.code == "S113"]
    assert (s113.path, s113.line) == (KOS, 11)
    assert shown in s113.message


@pytest.mark.parametrize(("written", "meant"), [
    ("[untung kasar](/untung kasar)", "[untung kasar](/untung-kasar)"),
    ("[untung kasar](/Untung Kasar Syarikat)", "[untung kasar](/Untung-Kasar-Syarikat)"),
    ("[untung kasar](/untungkasar untuk butiran", "[untung kasar](/untungkasar)"),
    ("[untung kasar](/untungkasar untuk butiran lanjut, lihat)",
     "[untung kasar](/untungkasar)"),
])
def test_s113_a_target_with_a_space_is_written_whole(tmp_path: Path, written: str,
                                                     meant: str) -> None:
    """`[untung kasar](/untung kasar)`, a slug typed with a space, was told to be written
    `[untung kasar](/untung)`: another target, and the term the author meant (`/untung-kasar`
    names *Untung kasar*) lost. A space inside the parentheses joins the target's words; a link
    left open before prose keeps its first word only, as before."""
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "[untung kasar](/untungkasar).", written + " dan hasil.")
    (s113,) = [f for f in kit.check() if f.code == "S113"]
    assert f"write '{meant}'" in s113.message, s113.message
    kit.edit("kosjualan", written, meant)  # as told: a link, to the term meant
    assert codes(kit.check(), "S113") == []
    assert [link.target for link in load_glossary(kit.write())["kosjualan"].links
            if "untung" in link.target.casefold()] == [meant.split("(/")[1].rstrip(")")]


@pytest.mark.parametrize("written", [
    "[untung kasar](/untungkasar)", "[untung kasar](</untung kasar>)",
    '[untung kasar](/untungkasar "Untung kasar")', "\\[untung kasar](/untungkasar",
    "`[untung kasar](/untungkasar`", "[untung kasar](/untungkasar_(ekonomi))",
])
def test_s113_is_silent_on_a_closed_link_code_or_an_escaped_bracket(
        tmp_path: Path, written: str) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "[untung kasar](/untungkasar).", written + " dan hasil.")
    assert codes(kit.check(), "S113") == []


def test_s113_is_silent_on_an_image_data_address(tmp_path: Path) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "(/untungkasar)", "(data:image/png;base64,AAAA)")
    assert codes(kit.check(), "S113") == []


@pytest.mark.parametrize("files", [
    # Malay order (Takaful before Takaful keluarga) is not file order (takaful-keluarga.md
    # before takaful.md: '-' sorts before '.')
    {"takaful.md": "Takaful", "takaful-keluarga.md": "Takaful keluarga"},
    {"a-zakat.md": "Zakat", "b-cukai.md": "Cukai", "c-anuiti.md": "Anuiti"},
])
def test_s121_is_reported_at_the_link_only_term_s_first_link(
        tmp_path: Path, files: dict[str, str]) -> None:
    """S121 names a target "once, at its first link", the link-only term's source; it took
    the first in the glossary's Malay order, so check said seeds/takaful.md:3 where show
    and table said the term comes from seeds/takaful-keluarga.md:3, its first link in file
    order."""
    (tmp_path / "seeds").mkdir()
    for name, title in files.items():
        (tmp_path / "seeds" / name).write_text(
            f"---\ntitle: {title}\ndescription: Berlandaskan [Syariah](/sharia).\n---\n\n"
            f"# {title}\n\nLihat [aktuari](/actuary) dan [syariahnya](/sharia).\n",
            encoding="utf-8")
    glossary = load_glossary(tmp_path)
    found = [f for f in run_checks(list(glossary), tmp_path, []) if f.code == "S121"]
    assert sorted((f.path, f.line) for f in found) == sorted(
        (glossary[t].source.path, glossary[t].source.line) for t in ("sharia", "actuary"))
    assert {f.path for f in found} == {f"seeds/{min(files)}"}


def test_a_quoted_heading_without_its_space_is_a_heading_of_its_quote(tmp_path: Path) -> None:
    """``>##Sorotan`` is read as ``> ## Sorotan`` is, a heading block of the quote (not a section
    of the article), and render writes it back well formed in its quote when nobody translated
    it (two helpers' rules met here: S101 in containers, headings kept in their containers)."""
    from _checkkit import with_catalog

    from glossari.render import render_folder
    from glossari.seeds.article import parse_article

    text = "---\ntitle: Zakat\n---\n\n# Zakat\n\nTeks.\n\n>##Nota\n> Isi nota.\n"
    term = parse_article(text, term_id="zakat", source="seeds/zakat.md")
    assert [s.heading for s in term.sections] == ["Zakat"]
    assert [(b.kind, b.text, b.level) for b in term.sections[0].blocks][1] == ("heading", "Nota", 2)
    kit = with_catalog(tmp_path / "g")
    kit.edit("kosjualan", "## Sorotan", ">##Nota baharu\n\n## Sorotan")
    render_folder(kit.write(), "en", tmp_path / "en", min_coverage=0)
    rendered = (tmp_path / "en" / "kosjualan.md").read_text(encoding="utf-8").split("\n")
    assert ">## Nota baharu" in rendered


def test_a_link_whose_text_holds_an_image_keeps_it_and_says_so(tmp_path: Path) -> None:
    """`[![ikon](/ikon.png)](/premium)` was read with the text '', so S103 said "empty link
    text" of a link the site shows as 'ikon', and `[![ikon](/ikon.png) premium](/p2)` lost the
    image: its text, link message and link-only headword were ' premium'. Link text keeps its
    inline Markdown as written, the image too, and an image is why it names nothing."""
    from glossari.seeds.article import parse_article

    term = parse_article(
        "---\ntitle: Retakaful\ndescription: D.\n---\n\n# Retakaful\n\n"
        "Bayar [![ikon](/ikon.png)](/premium), [![ikon *kecil*](/i.png \"t\") premium](/p2) "
        "dan [**premium** tahunan](/p3).\n", term_id="retakaful", source="seeds/retakaful.md")
    assert [(link.text, link.target, link.suspicious) for link in term.links] == [
        ("![ikon](/ikon.png)", "premium", "the link text holds an image"),
        ('![ikon *kecil*](/i.png "t") premium', "p2", "the link text holds an image"),
        ("**premium** tahunan", "p3", None)]
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "retakaful.md").write_text(
        "---\ntitle: Retakaful\ndescription: D.\n---\n\n# Retakaful\n\n"
        "Bayar [![ikon](/ikon.png) premium](/p2).\n", encoding="utf-8")
    glossary = load_glossary(tmp_path)
    assert glossary["p2"].title is None  # no name: the image is none, nor half a text
    found = [f for f in run_checks(list(glossary), tmp_path, []) if f.code == "S103"]
    assert [f.message for f in found] == [
        "link text '![ikon](/ikon.png) premium' to /p2 is not used as a headword: the link "
        "text holds an image (fix the link text; see docs/alignment.md)"]


@pytest.mark.parametrize(("title", "heading"), [
    ("Tabarru'", "Tabarru\u2019"), ("Tabarru\u2019", "Tabarru'"), ("Ta\u2018widh", "Ta'widh"),
    ('Dana "Amanah"', "Dana \u201cAmanah\u201d"), ("Qard al-Hasan\u02bc", "Qard al-Hasan'"),
])
def test_s105_a_typographic_apostrophe_is_the_straight_one(
        tmp_path: Path, title: str, heading: str) -> None:
    # Word or a phone's keyboard curls the apostrophe of the H1 the author typed under a
    # straight one in the front matter: it is the headword's heading all the same, so no S105
    # and no second message to translate
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "title: Kos jualan\n", f"title: {title}\n")
    kit.edit("kosjualan", "# Kos jualan\n", f"# {heading}\n")
    assert codes(kit.check(), "S105") == []
    term = load_glossary(kit.write())["kosjualan"]
    headings = [m.msgid for m in iter_messages(term) if m.part == "heading"]
    assert headings == ["Memahami Kos Jualan", "Sorotan"]
    kit.edit("kosjualan", f"# {heading}\n", f"# {heading}s\n")
    assert codes(kit.check(), "S105") == [(KOS, 7)]


@pytest.mark.parametrize("text", ["FINRA ), terpakai kepada", "saham-saham (biasa",
                                  "![ikon](/ikon.png) pelaburannya"])
def test_s103_is_one_finding_whether_loading_or_the_check_reports_it(
        tmp_path: Path, text: str) -> None:
    """Loading reports a link text not trusted as a headword (S103), and the source checks
    report it again for terms built in Python: two statements of one finding, which said it
    two ways ('(fix the link text; see docs/alignment.md)' and '(fix the link text)'), so
    `glossari check` and run_checks on the same terms as a list disagreed."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\ndescription: D.\nkeywords: Pasaran\n---\n\n"
        f"# Peniaga broker\n\nLihat [{text}](/saham).\n", encoding="utf-8")
    glossary = load_glossary(tmp_path)
    loaded = [f for f in run_checks(glossary, tmp_path, []) if f.code == "S103"]
    checked = [f for f in run_checks(list(glossary), tmp_path, []) if f.code == "S103"]
    assert len(loaded) == 1
    assert checked == loaded


@pytest.mark.parametrize("line", ["##Sorotan", "###Apakah itu saham-saham?", "#Pelaburannya"])
def test_s101_is_one_finding_whether_the_reader_or_the_check_reports_it(
        tmp_path: Path, line: str) -> None:
    """The reader reports a heading written without its space (S101), and the source checks
    report it again for a section marked malformed in a term built in Python: the check's
    statement lacked the reader's '; read as a level-N heading', so one heading had two
    findings' texts."""
    from glossari.seeds.article import parse_article

    text = ("---\ntitle: Saham-saham\ndescription: D.\nkeywords: Pasaran\n---\n\n"
            f"Saham ialah unit.\n\n{line}\n\nTeks.\n")
    term = parse_article(text, term_id="saham-saham", source="seeds/saham-saham.md")
    [read] = [f for f in term.findings if f.code == "S101"]
    built = replace(term, findings=())  # as a term built in Python: no reader's finding
    [checked] = [f for f in run_checks([built], tmp_path, []) if f.code == "S101"]
    assert checked == read


def test_a_link_finding_quotes_its_text_as_every_finding_quotes_a_value(tmp_path: Path) -> None:
    """S103, S121 and S122 quoted a link's text whole, as written between two quotes (a
    paragraph pasted into a link made a finding of the paragraph), where docs/checks.md says a
    finding quotes a value as written, cut to 60 characters (:func:`glossari.text.excerpt`)."""
    from glossari.text import excerpt, quoted

    broken = ("saham-saham syarikat tersenarai di Bursa Malaysia yang diniagakan oleh peniaga "
              "broker (berlesen")
    named = "Peniaga broker berlesen yang berdaftar dengan Suruhanjaya Sekuriti Malaysia"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "peniaga-broker.md").write_text(
        f"---\ntitle: {named}\ndescription: D.\nkeywords: Pasaran\n---\n\n# {named}\n\n"
        f"Lihat [{broken}](/saham) dan [{named}](/komisen).\n", encoding="utf-8")
    (tmp_path / "seeds" / "komisen.md").write_text(
        "---\ntitle: Komisen\ndescription: Yuran.\nkeywords: Pasaran\n---\n\n# Komisen\n\nTeks.\n",
        encoding="utf-8")
    found = {f.code: f.message for f in run_checks(load_glossary(tmp_path), tmp_path, [])
             if f.code in ("S103", "S121", "S122")}
    assert sorted(found) == ["S103", "S121", "S122"], found
    assert found["S103"].startswith(f"link text {quoted(excerpt(broken))} to /saham ")
    assert f"/saham ({quoted(excerpt(broken))}) names no article" in found["S121"]
    assert found["S122"].startswith(f"the link text {quoted(excerpt(named))} names ")


def test_a_source_finding_quotes_a_heading_or_headword_as_every_finding_quotes_a_value(
        tmp_path: Path) -> None:
    """S105, S111, S115 and S131 quoted a heading, a headword or a link's text whole between
    two quotes (a paragraph typed as a heading made a finding of the paragraph), where
    docs/checks.md says a finding quotes a value as written, cut to 60 characters
    (:func:`glossari.text.excerpt`)."""
    from glossari.text import excerpt, quoted

    title = ("Peniaga broker berlesen yang berdaftar dengan Suruhanjaya Sekuriti Malaysia dan "
             "Bursa Malaysia")
    heading = "Apakah itu peniaga-peniaga broker dan bagaimanakah pelaburannya diuruskan di Bursa"
    empty = "Sejarah saham-saham syarikat tersenarai di Bursa Malaysia sejak tahun sembilan puluhan"
    text = "laporan tahunan syarikat-syarikat tersenarai di Bursa Malaysia bagi tahun kewangan"
    (tmp_path / "seeds").mkdir()
    for stem in ("peniaga-broker", "peniaga-broker-berlesen"):
        (tmp_path / "seeds" / f"{stem}.md").write_text(
            f"---\ntitle: {title}\ndescription: D.\nkeywords: Pasaran\n---\n\n# {heading}\n\n"
            f"Lihat [{text}](C:/laporan.pdf).\n\n## {empty}\n\n## Sorotan\n\nTeks.\n",
            encoding="utf-8")
    found = {f.code: f.message for f in run_checks(load_glossary(tmp_path), tmp_path, [])
             if f.code in ("S105", "S111", "S115", "S131")}
    assert sorted(found) == ["S105", "S111", "S115", "S131"], found
    assert found["S105"] == (f"the level-1 heading {quoted(excerpt(heading))} differs from the "
                             f"headword {quoted(excerpt(title))}")
    assert found["S111"] == f"the section {quoted(excerpt(empty))} is empty"
    assert found["S115"].startswith(f"the link {quoted(excerpt(text))} leads nowhere")
    assert found["S131"].startswith(f"the headword {quoted(excerpt(title))} is also")


@pytest.mark.parametrize(("old", "new", "lines"), [
    # the site keeps these: a formatting tag with no attribute, and hides a comment
    ("## Memahami Kos Jualan", "## Memahami Kos<sup>2</sup> Jualan<br>", []),
    ("12% daripada", "12%<!-- semak --> <b>daripada</b>", []),
    ("12% daripada", "12% `<div>` daripada", []),  # code is no HTML
    # shown as written: a tag it does not keep, an attribute, HTML left open
    ("## Memahami Kos Jualan", "## Memahami <span class=x>Kos</span> Jualan", [9]),
    ("12% daripada", "12% <b onclick=\"x()\">daripada</b>", [15]),
    ("description: Kos jualan ialah", "description: Kos <div>jualan</div> ialah", [3]),
    ("12% daripada", "12% <!-- tidak ditutup", [15]),
    ("12% daripada", "12% <script>alert(1)</script> <img src=x onerror=y> <div> daripada",
     [15]),
])
def test_s117_raw_html_the_site_shows_as_text(tmp_path: Path, old: str, new: str,
                                              lines: list[int]) -> None:
    """An article's raw HTML that the site shows as the text it is, where a Markdown viewer of
    the article (and of the rendered one) shows HTML: nothing was said, and the published
    page and the article disagreed. The tags the site keeps, and a comment, are no finding."""
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", old, new)
    found = [f for f in kit.check() if f.code == "S117"]
    assert [(f.path, f.line) for f in found] == [(KOS, line) for line in lines]
    for finding_ in found:
        assert finding_.severity == "warning"
        assert "shown on the site as the text it is" in finding_.message
        assert "\n" not in finding_.message
    if "<script>" in new:
        assert "'<script>', '</script>', '<img src=x onerror=y>' and 1 more" in found[0].message


def test_a_name_two_articles_claim_is_quoted_as_every_finding_quotes_a_value(
        tmp_path: Path) -> None:
    """S104, as the glossary loads (an alias both articles list) and as the source checks find
    it (one's alias, the other's headword), quoted the name whole between two quotes, where
    docs/checks.md says a finding quotes a value as written, cut to 60 characters."""
    from glossari.text import excerpt, quoted

    name = ("Peniaga broker berlesen yang berdaftar dengan Suruhanjaya Sekuriti Malaysia dan "
            "Bursa Malaysia")
    for first in (f"title: {name}", f"title: Peniaga broker\naliases: {name}"):
        root = tmp_path / str(len(first))
        (root / "seeds").mkdir(parents=True)
        (root / "seeds" / "peniaga-broker.md").write_text(
            f"---\n{first}\ndescription: D.\nkeywords: Pasaran\n---\n\nTeks.\n",
            encoding="utf-8")
        (root / "seeds" / "broker.md").write_text(
            f"---\ntitle: Broker\naliases: {name}\ndescription: D.\nkeywords: Pasaran\n---\n\n"
            "Teks.\n", encoding="utf-8")
        found = [f.message for f in run_checks(load_glossary(root), root, [])
                 if f.code == "S104"]
        assert found, found
        assert all(name not in message for message in found), found
        assert any(quoted(excerpt(name)) in message for message in found), found


def _quotes(message: str) -> list[str]:
    """The values a message quotes (between single quotes, a word's apostrophe aside)."""
    import re

    return re.findall(r"(?<![A-Za-z])'([^']*)'(?![A-Za-z])", message)


def test_long_headings_ids_and_titles_are_quoted_cut(tmp_path: Path) -> None:
    """S101's heading (a 200-character heading made a 450-character line, quoted twice), S121's
    "is close" hint (the id, English name, headword and target, each whole) and the ids of
    S104 and S130 were quoted whole, where a finding quotes a value cut to 60 characters
    (glossari.text.excerpt); the point of each suggestion (the space after '##', the article
    meant) stays."""
    from glossari.text import excerpt

    long_id = "unit-amanah-saham-" * 11 + "syarikat"  # 206 characters, a safe file name
    long_title = ("Unit amanah saham " * 11 + "syarikat").strip()
    heading = "Apakah itu pelaburan " + "dalam saham-saham syarikat tersenarai " * 5
    kit = Kit(root=tmp_path)
    kit.articles[long_id] = (f"---\ntitle: {long_title}\ndescription: Dana pelaburan.\n"
                             f"keywords: Pelaburan\n---\n\n# {long_title}\n\n##{heading}\n\n"
                             "Teks pelaburannya di sini.\n")
    # a link whose target is the long id mistyped: S121 with the "is close" hint
    kit.edit("kosjualan", "[untung kasar](/untungkasar)",
             f"[untung kasar](/untungkasar) dan [saham-saham](/{long_id}x)")
    # an article whose id is the long article's headword: S104
    kit.articles[long_id.replace("saham", "sahamx", 1)] = (
        "---\ntitle: Untung bersih\ndescription: Baki.\nkeywords: Asas\n---\n\n"
        "# Untung bersih\n\nTeks.\n")
    kit.articles["unit-amanah"] = (
        f"---\ntitle: {long_title.replace('saham', 'sahamx', 1)}\ndescription: Dana.\n"
        "keywords: Asas\n---\n\n# Unit\n\nTeks.\n")
    root = kit.write()
    glossary = load_glossary(root)
    article = next(t for t in glossary if t.id == long_id)
    twin = replace(article, id=long_id.upper(), title="Lain sekali")  # S130: built in Python
    found = [f for f in (*run_checks(glossary, root, []),
                         *run_checks([*glossary, twin], root, []))
             if f.code in ("S101", "S104", "S121", "S130")]
    assert {f.code for f in found} == {"S101", "S104", "S121", "S130"}, found
    for f in found:
        # a file is named by its path (S130's other file), which a reader needs whole
        message = f.message.replace(f"seeds/{long_id}.md", "seeds/...")
        quotes = _quotes(message)
        assert quotes, f.message
        assert all(len(q) <= 60 for q in quotes), message
        assert long_id not in message
        assert long_title not in message
        assert heading.strip() not in message
    s101 = next(f.message for f in found if f.code == "S101")
    assert f"'{excerpt('##' + heading)}'" in s101
    assert "(write '## Apakah itu pelaburan dalam" in s101
    s121 = next(f.message for f in found if f.code == "S121")
    assert f"is close ('{excerpt(long_id)}')" in s121
    assert s121.startswith(f"{excerpt('/' + long_id + 'x')} ('saham-saham') names no article")
