"""A TBX entry id names a term only as glossari's exporter writes it: Pontoon numbers its
concept entries (``<conceptEntry id="1">``), and a glossary holding a term whose id is ``1`` or
``12`` took another term's translation by that number."""

from __future__ import annotations

from pathlib import Path

import pytest
from _catalog_oracles import article, make_root
from _exchangekit import glossary_root, ok, run
from hypothesis import example, given, settings
from hypothesis import strategies as st

import glossari
from glossari.exchange.merge import match_record
from glossari.exchange.records import Record
from glossari.export.tbx import xml_id

ARTICLES = {
    "1": article("Saham", "Saham ialah [pelaburannya](/investment).\n", description="Saham."),
    "12": article("Bon", "Bon ialah hutang.\n", description="Hutang."),
    "peniaga-broker": article("Peniaga Broker", "Menjual [saham-saham](/1).\n",
                              description="Broker.", keywords="PB"),
    "unit-pelaburan": article("Unit Pelaburan (UPP)", "Unit.\n", description="Unit."),
}

PONTOON = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="ms" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="1">
 <langSec xml:lang="ms"><termSec><term>Peniaga Broker</term></termSec></langSec>
 <langSec xml:lang="en"><termSec><term>Broker-dealer</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="12">
 <langSec xml:lang="ms"><termSec><term>UPP</term></termSec></langSec>
 <langSec xml:lang="en"><termSec><term>Investment unit</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return glossary_root(tmp_path, ARTICLES, translations={})


def test_pontoon_numbered_entries_go_by_their_malay(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "pontoon.tbx"
    path.write_text(PONTOON, encoding="utf-8")
    code, _out, err = run(root, "import", str(path), "-l", "en")
    assert code == 0, err
    assert "clash" not in err, err
    assert "differs" not in err, err
    g = glossari.load(root)
    assert g["peniaga-broker"].en_title == "Broker-dealer"
    assert g["unit-pelaburan"].en_title == "Investment unit"
    assert g["1"].en_title != "Broker-dealer"
    assert g["12"].en_title != "Investment unit"


def test_glossaris_own_export_still_matches_by_id(root: Path, tmp_path: Path) -> None:
    # the exporter writes the term 1 as t-1, which is read back as 1
    g = glossari.load(root)
    for term in g:
        assert match_record(g, Record(line=1, id=xml_id(term.id)), fmt="tbx-3").id == term.id


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> glossari.Glossary:
    root = make_root(tmp_path_factory.mktemp("ids"), ARTICLES)
    ok(root, "extract")
    return glossari.load(root)


@settings(max_examples=30, deadline=None)
@given(number=st.integers(min_value=0, max_value=10**6).map(str))
@example(number="1")
@example(number="12")
def test_no_number_names_a_term_as_a_tbx_entry_id(extracted: glossari.Glossary,
                                                   number: str) -> None:
    record = Record(line=1, id=number, ms="Peniaga Broker")
    assert match_record(extracted, record, fmt="tbx-3").id == "peniaga-broker"
    assert match_record(extracted, record, fmt="tbx-2008").id == "peniaga-broker"
