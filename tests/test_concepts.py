"""Terms are concepts (issue 12): Malay file stems, English slugs, every link resolved once.

tests/data/concepts/ is tests/data/parallel/ laid out as a Malay glossary naturally is: files
named by Malay stems (``peniaga-broker.md``), cross-linked by English slugs (``/broker-dealer``),
link texts equal to the Malay headwords, one in the Malay plural (``peniaga-peniaga broker``), one
an alias (``yuran komisen``), one an acronym (``FINRA``); its English parallels link with
inflected texts (``[hedge funds](/hedgefund)``).
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import glossari
from glossari.checks import check
from glossari.model import English, Link, Location, Term
from tests._alignkit import REPO, cli, ok, prepared

CONCEPTS = REPO / "tests" / "data" / "concepts"

# every internal link of the Malay articles: (file stem, link text, target, the article it names)
LINKS = {
    ("dana-lindung-nilai", "penasihat pelaburan", "investmentadvisor", "penasihat-pelaburan"),
    ("dana-lindung-nilai", "pembrokeran utama", "primebrokerage", "pembrokeran-utama"),
    ("komisen", "Peniaga broker", "broker-dealer", "peniaga-broker"),
    ("komisen", "Penasihat pelaburan", "investmentadvisor", "penasihat-pelaburan"),
    ("komisen", "FINRA", "finra", "pihak-berkuasa-kawal-selia-industri-kewangan"),
    ("pembrokeran-utama", "dana lindung nilai", "hedgefund", "dana-lindung-nilai"),
    ("pembrokeran-utama", "peniaga broker", "broker-dealer", "peniaga-broker"),
    ("penasihat-pelaburan", "peniaga-peniaga broker", "broker-dealer", "peniaga-broker"),
    ("penasihat-pelaburan", "yuran komisen", "commission", "komisen"),
    ("penasihat-pelaburan", "dana lindung nilai", "hedgefund", "dana-lindung-nilai"),
    ("peniaga-broker", "FINRA", "finra", "pihak-berkuasa-kawal-selia-industri-kewangan"),
    ("peniaga-broker", "penasihat pelaburan", "investmentadvisor", "penasihat-pelaburan"),
    ("peniaga-broker", "Komisen", "commission", "komisen"),
    ("pihak-berkuasa-kawal-selia-industri-kewangan", "peniaga broker", "broker-dealer",
     "peniaga-broker"),
    ("pihak-berkuasa-kawal-selia-industri-kewangan", "penasihat pelaburan", "investmentadvisor",
     "penasihat-pelaburan"),
}


def concepts_root(tmp: Path) -> Path:
    """A glossary folder whose seeds/ is a copy of tests/data/concepts/ms."""
    root = tmp / "concepts"
    shutil.copytree(CONCEPTS / "ms", root / "seeds")
    return root


def resolved_links(g: glossari.Glossary) -> set[tuple[str, str, str, str | None]]:
    return {(r.source.id, r.link.text, r.link.target,
             r.target.id if r.target is not None and r.target.kind == "article" else None)
            for r in g.links}


@pytest.fixture(scope="module")
def aligned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The concepts glossary after extract, update -l en and align -l en of its parallels."""
    root = prepared(concepts_root(tmp_path_factory.mktemp("aligned")))
    ok("align", "-l", "en", CONCEPTS / "en", root=root)
    return root


def test_every_link_resolves_before_any_english(tmp_path: Path) -> None:
    root = concepts_root(tmp_path)
    g = glossari.load(root)
    assert resolved_links(g) == LINKS
    assert g.unresolved == ()
    assert [t.id for t in g if t.kind == "link"] == []  # no link-only twin of any article
    # and after extract + update -l en, with empty catalogs, just the same
    prepared(root)
    g = glossari.load(root)
    assert resolved_links(g) == LINKS
    assert [t.id for t in g if t.kind == "link"] == []
    # a slug is a name of its concept: "hedge fund" finds the article, not a twin
    assert g.lookup("hedge fund").id == "dana-lindung-nilai"
    assert g.lookup("/hedgefund").id == "dana-lindung-nilai"
    assert g.lookup("yuran komisen").id == "komisen"  # alias
    assert g.lookup("FINRA").id == "pihak-berkuasa-kawal-selia-industri-kewangan"  # acronym
    assert g.lookup("peniaga-peniaga broker").id == "peniaga-broker"  # a link text
    names = g["peniaga-broker"].names
    assert names.slugs == ("broker-dealer",)
    assert set(names.link_texts) == {"Peniaga broker", "peniaga-peniaga broker"}


def test_check_after_align_reports_no_s121_and_no_t401(aligned: Path) -> None:
    code, out, err = cli("check", "-l", "en", "--format", "json", root=aligned)
    assert code == 0, err
    found = json.loads(out)
    assert [f for f in found if f["code"] in ("S121", "T401", "S122", "S104")] == []
    # the command gives the library's answer, finding for finding
    library = check(glossari.load(aligned), glossari.load(aligned).root or aligned, ["en"])
    assert found == [f.as_json() for f in library.findings]


def test_approved_english_is_the_headword_not_an_inflected_link_text(aligned: Path) -> None:
    g = glossari.load(aligned)
    hedge = g["dana-lindung-nilai"]
    assert hedge.en_title == "Hedge fund"
    assert "hedge funds" in hedge.names.english_variants
    assert "Hedge fund" not in hedge.names.english_variants
    assert resolved_links(g) == LINKS
    assert [t.id for t in g if t.kind == "link"] == []


def test_tbx_has_one_cross_reference_per_resolved_link(aligned: Path) -> None:
    out = ok("table", "--format", "tbx", root=aligned)
    tree = ET.fromstring(out.encode("utf-8"))
    entries = {e.get("id"): e for e in tree.iter("termEntry")}
    refs = {(entry_id, ref.get("target"))
            for entry_id, entry in entries.items()
            for ref in entry.iter("ref") if ref.get("type") == "crossReference"}
    count = sum(1 for entry in entries.values() for ref in entry.iter("ref"))
    want = {(source, target) for source, _, _, target in LINKS}
    assert refs == want
    assert count == len(want)  # one per linked pair: no repeats
    assert all(target in entries for _, target in refs)


def edit_headword(root: Path, term_id: str, english: str) -> None:
    """Change one English headword in glossary.po as a translator does in Poedit."""
    path = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf'(msgctxt "{re.escape(term_id)}"\nmsgid "[^"]*"\nmsgstr )"[^"]*"')
    assert pattern.search(text), term_id
    path.write_text(pattern.sub(lambda m: m.group(1) + f'"{english}"', text, count=1),
                    encoding="utf-8")


def test_an_edited_english_headword_moves_no_link(tmp_path: Path) -> None:
    root = prepared(concepts_root(tmp_path))
    ok("align", "-l", "en", CONCEPTS / "en", root=root)
    edit_headword(root, "komisen", "Commission fee")
    edit_headword(root, "dana-lindung-nilai", "Hedging fund")
    g = glossari.load(root)
    assert g["komisen"].en_title == "Commission fee"
    assert resolved_links(g) == LINKS  # still resolved through their Malay text
    assert [t.id for t in g if t.kind == "link"] == []
    _, out, _ = cli("check", "-l", "en", "--format", "json", root=root)
    assert not [f for f in json.loads(out) if f["code"] == "S121"]


def test_a_link_only_the_english_resolved_is_reported_when_the_english_changes() -> None:
    at = Location(path="seeds/x.md", line=1)
    komisen = Term(id="komisen", title="Komisen", source=at,
                   english=English(title="Commission", status="translated"))
    # the text names nothing in Malay: only the English headword resolves the target
    bon = Term(id="bon", title="Bon", source=Location(path="seeds/bon.md", line=1),
               links=(Link(text="bayaran", target="Commission", line=7),))
    g = glossari.Glossary([komisen, bon])
    from glossari.align.names import resolve_names
    from glossari.checks.runner import run_checks

    assert [t for _, _, t in resolve_names([komisen, bon]).targets] == ["komisen"]
    del g
    renamed = Term(id="komisen", title="Komisen", source=at,
                   english=English(title="Commission fee", status="translated"))
    assert [t for _, _, t in resolve_names([renamed, bon]).targets] == [None]
    found = [f for f in run_checks([renamed, bon], Path("."), []) if f.code == "S121"]
    assert len(found) == 1
    assert "'komisen' is close ('Commission fee')" in found[0].message
    # the alias to add is the target as the author wrote it, not its folded lookup key
    assert "add 'Commission' to its 'aliases:'" in found[0].message


def test_a_link_text_that_says_nothing_is_no_name_of_its_term(tmp_path: Path) -> None:
    """`[di sini](/broker-dealer)` (here) leads to the term, but made "di sini" one of its
    names: find reported Peniaga broker in every "di sini" of a text, show answered it, and T401
    asked for "Broker-dealer" in unrelated messages."""
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path, {
        "broker-dealer": "---\ntitle: Peniaga broker\ndescription: Broker.\nkeywords: A\n---\n\n"
                         "# Peniaga broker\n\nTeks.\n",
        "kos": "---\ntitle: Kos\ndescription: Harga.\nkeywords: A\n---\n\n# Kos\n\n"
               "Butiran ada [di sini](/broker-dealer) dan [Lihat](/broker-dealer).\n",
    })
    glossary = glossari.load(root)
    assert [link.target for link in glossary["kos"].links] == ["broker-dealer"] * 2
    assert glossary["broker-dealer"].names.link_texts == ()
    assert glossary.find_terms("Sila lihat di sini.") == []
    with pytest.raises(KeyError):
        glossary.lookup("di sini")
    findings = [(f.code, f.line) for f in glossary.findings if f.code == "S103"]
    assert findings == [("S103", 9), ("S103", 9)]


def test_the_english_of_a_broken_link_text_is_no_name_of_its_term(tmp_path: Path) -> None:
    """`([Bank Negara ), iaitu](/central-bank)` is no name on the Malay side (S103), but the
    translator's mirror of it, `Bank Negara ), that is`, became an English variant: `show`
    listed it, the site printed it under "Also known as" and search found the term by it."""
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path, {
        "kos": "---\ntitle: Kos\ndescription: Harga.\nkeywords: A\n---\n\n# Kos\n\n"
               "Lihat [bank pusat](/central-bank) dan ([Bank Negara ), iaitu](/central-bank) "
               "garis panduan. Juga [Hasil](/revenue) dan [hasil ( kasar](/revenue).\n",
        "hasil": "---\ntitle: Hasil\ndescription: Jualan.\nkeywords: A\n---\n\n# Hasil\n\nTeks.\n",
    })
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text(encoding="utf-8")
    for msgid, msgstr in (("bank pusat", "central bank"),
                          ("Bank Negara ), iaitu", "Bank Negara ), that is"),
                          ("hasil ( kasar", "revenue ( gross")):
        assert f'msgid "{msgid}"\nmsgstr ""' in text
        text = text.replace(f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgstr}"')
    po.write_text(text, encoding="utf-8")
    glossary = glossari.load(root)
    assert glossary["central-bank"].en_title == "central bank"
    assert glossary["central-bank"].names.english_variants == ()
    assert glossary["hasil"].names.english_variants == ()
    with pytest.raises(KeyError):
        glossary.lookup("Bank Negara ), that is")
    # the only link to the target broken: its English is no headword either (the slug's
    # suggestion stands in, unconfirmed, as for a Malay headword nobody gave)
    kos = root / "seeds" / "kos.md"
    kos.write_text(kos.read_text(encoding="utf-8").replace(
        "Lihat [bank pusat](/central-bank) dan ", "Lihat "), encoding="utf-8")
    glossary = glossari.load(root)
    assert glossary["central-bank"].title is None
    assert glossary["central-bank"].en_title == "central-bank"  # the slug, as suggested
    assert glossary["central-bank"].english.status == "suggested"


_ACCENTED = {"ekuiti": "Ékuiti", "naif": "naïf", "pelabur": "pélabur", "ebene": "Ébène"}


@given(st.sampled_from(sorted(_ACCENTED)), st.lists(st.sampled_from(["NFC", "NFD"]), min_size=2,
                                                    max_size=2),
       st.lists(st.booleans(), min_size=2, max_size=2))
@settings(max_examples=60)
def test_a_reduplication_is_one_word_whatever_its_accents(
        plain: str, forms: list[str], accented: list[bool]) -> None:
    """`ekuiti-Ékuiti`, or `Ékuiti-ékuiti` typed decomposed (NFD: macOS, a PDF), is the plural
    of *Ékuiti*, as find reads it: the reduplication's words were compared with their accents
    and a decomposed accent as no part of its word, so the key kept both words."""
    import unicodedata

    from glossari.align.resolve import malay_key

    words = [unicodedata.normalize(form, _ACCENTED[plain] if accent else plain)
             for form, accent in zip(forms, accented, strict=True)]
    assert malay_key(f"{words[0]}-{words[1].lower()} modal") == malay_key(f"{plain} modal")


def test_a_decomposed_plural_link_text_names_its_article(tmp_path: Path) -> None:
    import unicodedata

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "ekuiti.md").write_text("---\ntitle: Ékuiti\n---\n\nNilai pemilikan.\n",
                                              encoding="utf-8")
    (root / "seeds" / "saham.md").write_text(unicodedata.normalize(
        "NFD", "---\ntitle: Saham\n---\n\nLihat [ékuiti-ékuiti](/equity) dan "
               "[ekuiti-Ékuiti](/equity-ms).\n"), encoding="utf-8")
    glossary = glossari.load(root)
    assert [t.id for t in glossary] == ["ekuiti", "saham"]  # no link-only term beside it
    assert [ref.source.id for ref in glossary.backlinks("ekuiti")] == ["saham", "saham"]
    assert glossary.lookup(unicodedata.normalize("NFD", "Ékuiti-ékuiti")).id == "ekuiti"
