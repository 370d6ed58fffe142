"""The real seed article, read as a Term: every part the foundation issue names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import glossari
from glossari.seeds.article import read_article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "accountexecutive.md"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_96ae15f104eaac0f.txt"


@pytest.fixture(scope="module")
def term() -> glossari.Term:
    return read_article(SEED, source="seeds/accountexecutive.md")


def test_seed_is_byte_for_byte_the_shared_one() -> None:
    if not SHARED_SEED.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_headword_definition_categories(term: glossari.Term) -> None:
    assert term.id == "accountexecutive"
    assert term.title == "Eksekutif akaun"
    assert term.description == (
        "Eksekutif akaun ialah pengurus yang mempunyai tanggungjawab utama untuk akaun "
        "korporat, sama ada untuk individu atau pelanggan korporat."
    )
    assert term.categories == ("Careers",)
    assert (term.categories_line, term.title_line, term.description_line) == (2, 3, 4)
    assert [k for k, _ in term.meta] == ["keywords", "title", "description"]


def test_section_headings_levels_and_lines(term: glossari.Term) -> None:
    got = [(s.heading, s.level, s.line) for s in term.sections]
    assert got == [
        ("Eksekutif akaun", 1, 7),
        ("Apakah itu Eksekutif Akaun?", 2, 8),
        ("Memahami Eksekutif Akaun", 2, 14),
        ("Peraturan Terpakai", 3, 20),
        ("Tanggungjawab Eksekutif Akaun", 3, 26),
        ("Tempat Mereka Ditemui", 2, 36),
        ("Sorotan", 2, 52),
    ]
    assert [s.malformed for s in term.sections] == [False] * 6 + [True]


def test_blocks_kinds_and_lines(term: glossari.Term) -> None:
    where = {s.heading: [(b.kind, b.line) for b in s.blocks] for s in term.sections}
    assert where["Tanggungjawab Eksekutif Akaun"] == [
        ("paragraph", 28), ("paragraph", 30), ("quote", 32),
    ]
    assert where["Tempat Mereka Ditemui"] == [
        ("paragraph", 38), ("paragraph", 40), ("paragraph", 42),
        ("item", 44), ("item", 46), ("item", 48), ("item", 50),
    ]
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for section in term.sections:
        for block in section.blocks:
            # each block's line really holds the start of its text
            assert block.text.split("\n")[0][:20] in lines[block.line - 1]


def test_three_key_takeaways(term: glossari.Term) -> None:
    assert [(b.kind, b.line) for b in term.highlights] == [("item", 54), ("item", 56),
                                                          ("item", 58)]
    assert term.highlights[0].text.startswith("Pampasan biasanya termasuk gaji pokok")
    assert term.highlights == term.sections[-1].blocks


def test_four_links_with_lines(term: glossari.Term) -> None:
    got = [(link.target, link.line) for link in term.links]
    assert got == [("finra", 24), ("broker-dealer", 24), ("investmentadvisor", 24),
                   ("primebrokerage", 38)]
    assert [link.text for link in term.links][1:] == [
        "peniaga broker", "penasihat pelaburan", "pembrokeran utama",
    ]
    finra = term.links[0]
    assert finra.text == "FINRA ), terpakai kepada"
    assert finra.suspicious is not None
    assert "unbalanced" in finra.suspicious
    assert all(link.suspicious is None for link in term.links[1:])


def test_inline_markdown_and_link_targets_stay_in_block_text(term: glossari.Term) -> None:
    block = next(b for s in term.sections for b in s.blocks if b.line == 38)
    assert "[pembrokeran utama](/primebrokerage)" in block.text
    assert [link.target for link in block.links] == ["primebrokerage"]


def test_warnings_for_heading_without_space_and_empty_quote(term: glossari.Term) -> None:
    found = {(f.code, f.line, f.severity) for f in term.findings}
    assert ("S101", 52, "warning") in found
    assert ("S110", 34, "warning") in found
    assert all(f.path == "seeds/accountexecutive.md" and f.term == term.id
               for f in term.findings)


def test_term_is_frozen(term: glossari.Term) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        term.title = "x"  # type: ignore[misc]
    assert hash(term.links[0]) == hash(dataclasses.replace(term.links[0], line=99))
