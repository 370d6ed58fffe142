"""A TBX entry with two regional sections of ``-l``'s language (``en-GB`` and ``en-US`` for
``-l en``) silently gave the catalog the first one's term: the section written exactly ``-l``
is read first, regions that agree are one, and regions that disagree are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from _catalog_oracles import article
from _exchangekit import glossary_root, ok, run
from hypothesis import given, settings
from hypothesis import strategies as st

import glossari
from glossari.exchange import ExchangeError
from glossari.exchange.tbx import parse_tbx

ARTICLES = {
    "saham": article("Saham", "Saham ialah [pelaburannya](/investment).\n",
                     description="Saham syarikat."),
    "peniaga-broker": article("Peniaga Broker (PB)", "Menjual [saham-saham](/saham).\n",
                              description="Broker.", keywords="Pasaran"),
}


def tbx(*sections: tuple[str, str]) -> str:
    langs = "\n".join(f' <langSec xml:lang="{code}"><termSec><term>{term}</term></termSec>'
                      "</langSec>" for code, term in sections)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tbx style="dca" type="TBX-Basic" xml:lang="ms" '
            'xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n'
            '<conceptEntry id="c7">\n'
            ' <langSec xml:lang="ms"><termSec><term>Saham</term></termSec></langSec>\n'
            f"{langs}\n</conceptEntry>\n</body></text></tbx>\n")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return glossary_root(tmp_path, ARTICLES, translations={})


def test_two_regions_that_disagree_are_refused_naming_the_entry(root: Path,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "istilah.tbx"
    path.write_text(tbx(("en-GB", "Share"), ("en-US", "Stock")), encoding="utf-8")
    before = (root / "locale/en/LC_MESSAGES/glossary.po").read_bytes()
    code, _, err = run(root, "import", str(path), "-l", "en")
    assert code == 2
    assert err.count("\n") == 1, err
    assert f"{path}:4:" in err
    assert "en-GB 'Share'" in err
    assert "en-US 'Stock'" in err
    assert "Traceback" not in err
    assert (root / "locale/en/LC_MESSAGES/glossary.po").read_bytes() == before


def test_the_section_written_as_l_comes_first(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "istilah.tbx"
    path.write_text(tbx(("en-GB", "Share"), ("en", "Stock"), ("en-US", "Equity")),
                    encoding="utf-8")
    ok(root, "import", str(path), "-l", "en")
    assert glossari.load(root)["saham"].en_title == "Stock"


@settings(max_examples=25, deadline=None)
@given(codes=st.lists(st.sampled_from(["en-GB", "en-US", "en-AU", "EN-gb", "eng-US", "en"]),
                      min_size=1, max_size=4),
       terms=st.lists(st.sampled_from(["Share", "Stock", "Equity"]), min_size=4, max_size=4))
def test_a_regional_term_is_never_taken_silently(codes: list[str], terms: list[str]) -> None:
    sections = list(zip(codes, terms, strict=False))
    data = tbx(*sections).encode()
    exact = [term for code, term in sections if code == "en"]
    regions: dict[str, str] = {}  # each region's first term, as a section's first term is read
    for code, term in sections:
        regions.setdefault(code.lower().replace("eng", "en"), term)
    if not exact and len(set(regions.values())) > 1:
        with pytest.raises(ExchangeError) as refused:
            parse_tbx(data, source="istilah.tbx", lang="en")
        assert refused.value.line == 4
        return
    (record,) = parse_tbx(data, source="istilah.tbx", lang="en").records
    # the exact section's term, else the one term every region agrees on
    assert record.en == (exact[0] if exact else sections[0][1])


def test_a_script_modifier_is_the_script_bcp_47_writes(root: Path, tmp_path: Path) -> None:
    """`-l sr@latin` was read as plain `sr`: a Cyrillic `sr` section was imported into the Latin
    catalog beside the file's own `sr-Latn` one, and a file of Cyrillic alone went in silently;
    the TBX export wrote `xml:lang="sr@latin"`, which is no BCP 47 tag."""
    ok(root, "update", "-l", "sr@latin")
    catalog = root / "locale/sr@latin/LC_MESSAGES/glossary.po"
    path = tmp_path / "istilah.tbx"
    path.write_text(tbx(("sr", "Акција"), ("sr-Latn", "Akcija")), encoding="utf-8")
    ok(root, "import", str(path), "-l", "sr@latin")
    assert 'msgstr "Akcija"' in catalog.read_text(encoding="utf-8")
    assert "Акција" not in catalog.read_text(encoding="utf-8")
    path.write_text(tbx(("sr", "Акција")), encoding="utf-8")
    before = catalog.read_bytes()
    code, _, err = run(root, "import", str(path), "-l", "sr@latin", "--force")
    assert code == 2
    assert "no 'sr@latin' language section in any entry (it has sr)" in err
    assert catalog.read_bytes() == before
    # glossari's own export names the language as BCP 47 does, and reads back unchanged
    for version in ("2008", "3"):
        exported = tmp_path / f"sr{version}.tbx"
        ok(root, "table", "-l", "sr@latin", "--format", "tbx", "--tbx-version", version,
           "-o", str(exported))
        text = exported.read_text(encoding="utf-8")
        assert 'xml:lang="sr-Latn"' in text
        assert "sr@latin" not in text
        ok(root, "import", str(exported), "-l", "sr@latin")
        assert catalog.read_bytes() == before


@pytest.mark.parametrize(("lang", "tag"), [
    ("en", "en"), ("pt_BR", "pt-BR"), ("sr@latin", "sr-Latn"), ("sr_RS@latin", "sr-Latn-RS"),
    ("uz@cyrillic", "uz-Cyrl"), ("ca_ES@valencia", "ca-ES-valencia"), ("de_DE@euro", "de-DE"),
])
def test_a_catalogs_language_is_read_back_from_the_tag_its_export_writes(lang: str,
                                                                       tag: str) -> None:
    from glossari.catalog.languages import language_tag
    from glossari.exchange.tbx import language_matches

    assert language_tag(lang) == tag
    assert language_matches(tag, lang)
    assert language_matches(lang, lang)


@pytest.mark.parametrize(("sections", "named", "term"), [
    ((("sr-Latn", "Akcija"), ("sr-Latn-BA", "Dionica")), "sr@latin", "Akcija"),
    ((("uz-Cyrl", "Акция"), ("uz-Arab", "اکسیه")), "uz@cyrillic", "Акция"),
    # Serbian is written in Cyrillic anyway: sr-Cyrl-RS is gettext's sr_RS, not a second
    # catalog of it (sr_RS@cyrillic)
    ((("sr-Cyrl-RS", "Акција"), ("sr-Latn-RS", "Akcija")), "sr_RS", "Акција"),
    ((("pt-BR", "Ação"), ("pt-PT", "Acção")), "pt_BR", "Ação"),
    # an ISO 639-2 tool's codes: 'update -l eng_GB' was refused ('written en_GB in locale/')
    ((("eng-GB", "Share"), ("eng-US", "Stock")), "en_GB", "Share"),
])
def test_the_catalog_the_refusal_names_is_gettext_s_and_takes_its_section(
        root: Path, tmp_path: Path, sections: tuple[tuple[str, str], ...], named: str,
        term: str) -> None:
    # the hint named sr-Latn's catalog 'sr_Latn', a folder no gettext tool looks for beside
    # sr@latin (glossari.catalog.languages.gettext_code, language_tag read back)
    path = tmp_path / "saham.tbx"
    path.write_text(tbx(*sections), encoding="utf-8")
    lang = named.partition("@")[0].split("_")[0]
    code, _, err = run(root, "import", str(path), "-l", lang)
    assert code == 2
    assert f"'glossari update -l {named}', then '-l {named}'" in err, err
    ok(root, "update", "-l", named)
    ok(root, "import", str(path), "-l", named)
    po = (root / f"locale/{named}/LC_MESSAGES/glossary.po").read_text(encoding="utf-8")
    assert f'msgstr "{term}"' in po


@pytest.mark.parametrize(("code", "lang"), [("sr-Cyrl", "sr"), ("sr-Cyrl-RS", "sr_RS"),
                                            ("uz-Latn", "uz"), ("zh-Hans-CN", "zh_CN")])
def test_a_section_naming_the_script_its_language_is_written_in_is_that_language(
        root: Path, tmp_path: Path, code: str, lang: str) -> None:
    """sr-Cyrl is Serbian as -l sr names it (Serbian is written in Cyrillic): beside a Latin
    section it was 'no variant of sr', and the refusal sent the user to a second catalog,
    'update -l sr@cyrillic'."""
    path = tmp_path / "saham.tbx"
    path.write_text(tbx((code, "Акција"), (code.split("-")[0] + "-Latn-BA"
                                         if code.startswith("sr") else "en", "Other")),
                    encoding="utf-8")
    ok(root, "update", "-l", lang)
    ok(root, "import", str(path), "-l", lang)
    po = (root / f"locale/{lang}/LC_MESSAGES/glossary.po").read_text(encoding="utf-8")
    assert 'msgstr "Акција"' in po
