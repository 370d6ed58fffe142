"""One answer everywhere (issue 12): every consumer over one edge-case glossary.

The library, ``check``, ``table`` (every format), ``render``, ``show``, ``align`` and the Babel
extractor must agree on link resolution, suspicious link text, link targets, language codes, the
headword H1 and the *Sorotan* section. Each rule has one home; this test asks every consumer.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import glossari
from glossari.catalog.extractor import extract_glossari
from glossari.catalog.pofile import load_po
from tests._alignkit import cli, ok, prepared

ARTICLES = {
    # H1 spelled differently from the title (case, spacing); Sorotan in capitals; a plural link
    # text; an acronym link text; a broken link text; a link to no article
    "dana-lindung-nilai": (
        "---\ntitle: Dana lindung nilai\naliases: dana perlindungan\n"
        "description: Dana pelaburan persendirian.\nkeywords: Pelaburan\n---\n\n"
        "# Dana  Lindung Nilai\n\n"
        "Dana ini berurusan dengan [peniaga-peniaga broker](/broker-dealer) dan "
        "[FINRA](/finra).\n\n"
        "Pautan rosak: [dana lindung nilai!](/hedgefund) dan [sekuriti](/securities).\n\n"
        "## SOROTAN\n\n- Dana persendirian untuk pelabur.\n"
    ),
    # a heading without its space (##Sorotan); an alias link text; the acronym in the title
    "peniaga-broker": (
        "---\ntitle: Peniaga broker\ndescription: Firma yang berdagang.\nkeywords: Broker\n---\n\n"
        "# Peniaga broker\n\n"
        "Diawasi oleh [FINRA](/finra) dan bekerja dengan [dana perlindungan](/hedgefund).\n\n"
        "##Sorotan\n\n- Firma dagangan.\n"
    ),
    "pihak-berkuasa": (
        "---\ntitle: Pihak Berkuasa Kawal Selia (FINRA)\ndescription: Badan kawal selia.\n"
        "keywords: Peraturan\n---\n\n# Pihak Berkuasa Kawal Selia (FINRA)\n\n"
        "Ia menyelia [peniaga broker](/broker-dealer).\n"
    ),
}

ENGLISH = {  # the parallel of one article, for align: same structure, English link texts
    "dana-lindung-nilai": (
        "---\ntitle: Hedge fund\naliases: dana perlindungan\n"
        "description: A private investment fund.\nkeywords: Investing\n---\n\n"
        "# Hedge Fund\n\n"
        "This fund deals with [broker-dealers](/broker-dealer) and [FINRA](/finra).\n\n"
        "Broken link: [hedge fund!](/hedgefund) and [securities](/securities).\n\n"
        "## Key Takeaways\n\n- A private fund for investors.\n"
    ),
}

# what every consumer must say
RESOLVED = {
    ("dana-lindung-nilai", "peniaga-peniaga broker", "broker-dealer"): "peniaga-broker",
    ("dana-lindung-nilai", "FINRA", "finra"): "pihak-berkuasa",
    ("dana-lindung-nilai", "dana lindung nilai!", "hedgefund"): "dana-lindung-nilai",
    ("dana-lindung-nilai", "sekuriti", "securities"): None,
    ("peniaga-broker", "FINRA", "finra"): "pihak-berkuasa",
    ("peniaga-broker", "dana perlindungan", "hedgefund"): "dana-lindung-nilai",
    ("pihak-berkuasa", "peniaga broker", "broker-dealer"): "peniaga-broker",
}
SUSPICIOUS = {("dana-lindung-nilai", "dana lindung nilai!")}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("one")
    (base / "seeds").mkdir()
    for name, text in ARTICLES.items():
        (base / "seeds" / f"{name}.md").write_text(text, encoding="utf-8")
    (base / "en").mkdir()
    for name, text in ENGLISH.items():
        (base / "en" / f"{name}.md").write_text(text, encoding="utf-8")
    prepared(base)
    ok("align", "-l", "en", base / "en", root=base)
    return base


def test_link_resolution_is_one_answer(root: Path) -> None:
    g = glossari.load(root)
    # the library
    library = {(r.source.id, r.link.text, r.link.target):
               (r.target.id if r.target is not None and r.target.kind == "article" else None)
               for r in g.links}
    assert library == RESOLVED
    unresolved = {target for (_, _, target), to in RESOLVED.items() if to is None}
    assert {t.id for t in g if t.kind == "link"} == unresolved
    # check: S121 exactly for the links that resolve to nothing, and the library's findings
    code, out, _ = cli("check", "-l", "en", "--format", "json", root=root)
    found = json.loads(out)
    assert code == 0
    assert {f["message"].split(" ", 1)[0] for f in found if f["code"] == "S121"} == {
        f"/{t}" for t in unresolved}
    from glossari.checks import check

    assert found == [f.as_json() for f in check(g, g.root or root, ["en"]).findings]
    # table json: the same link-only terms
    rows = json.loads(ok("table", "--format", "json", root=root))
    assert {r["id"] for r in rows if r["kind"] == "link"} == unresolved
    # csv and md: one row per term, the same ids, in the one order of the API
    order = [t.id for t in g]
    assert [r["id"] for r in rows] == order
    table_csv = list(csv.DictReader(io.StringIO(ok("table", "--format", "csv", root=root))))
    assert len(table_csv) == len(order)
    # tbx: one cross-reference per linked pair, to the resolved ids
    tree = ET.fromstring(ok("table", "--format", "tbx", root=root).encode("utf-8"))
    refs = {(entry.get("id"), ref.get("target")) for entry in tree.iter("termEntry")
            for ref in entry.iter("ref")}
    want = {(source, to if to is not None else target)
            for (source, _, target), to in RESOLVED.items() if to != source}
    assert refs == want
    # show: each link with the term it goes to
    for source in ARTICLES:
        shown = ok("show", source, root=root)
        for (src, text, target), to in RESOLVED.items():
            if src != source:
                continue
            goes = f" = {to}" if to is not None else f" = {target} (link-only)"
            assert f"[{text}] -> /{target}{goes}" in shown, (text, shown)
    # lookup by every name a link used
    for (_, text, target), to in RESOLVED.items():
        if to is not None:
            assert g.lookup(target).id == to
            if (source_text := text) not in {t for _, t in SUSPICIOUS}:
                assert g.lookup(source_text).id == to


def test_suspicious_link_text_is_one_answer(root: Path) -> None:
    g = glossari.load(root)
    marked = {(t.id, link.text) for t in g if t.kind == "article" for link in t.links
              if link.suspicious}
    assert marked == SUSPICIOUS
    reported = {(f.term, f.message.split("'")[1]) for f in g.findings if f.code == "S103"}
    assert reported == SUSPICIOUS
    _, out, _ = cli("check", "-l", "en", "--format", "json", root=root)
    assert {(f["term"], f["message"].split("'")[1]) for f in json.loads(out)
            if f["code"] == "S103"} == SUSPICIOUS
    # a suspicious text names nothing: not a Malay name of any concept
    assert all(text not in t.names.link_texts for t in g for _, text in SUSPICIOUS)
    shown = ok("show", "dana-lindung-nilai", root=root)
    assert "[dana lindung nilai!] -> /hedgefund = dana-lindung-nilai  [!]" in shown


def test_link_targets_are_one_function() -> None:
    from glossari import render
    from glossari.checks import parity
    from glossari.seeds import markdown

    assert render.link_targets is markdown.link_targets
    assert parity.link_targets is markdown.link_targets
    for text in ("[a](/b 'c')", "`[a](/b)` [c](<d e>)", "[x]: /y\n\n[z][x]", "[a](/b(c))"):
        assert render.link_targets(text) == parity.link_targets(text)


@pytest.mark.parametrize("command", [
    ["update"], ["compile"], ["table"], ["show", "peniaga-broker"], ["check"], ["render"],
    ["align", "EN"],
])
def test_language_codes_are_one_answer(root: Path, tmp_path: Path, command: list[str]) -> None:
    argv = [str(root / "en") if a == "EN" else a for a in command]
    code, _, err = cli(*argv[:1], "-l", "english", *argv[1:], root=root)
    assert code == 2, (command, err)
    assert "unknown language code 'english'" in err, (command, err)
    if command[0] != "update":
        ok("update", "-l", "sr@latin", root=root)
    extra = ["-o", str(tmp_path / "out")] if command[0] == "render" else []
    code, _, err = cli(*argv[:1], "-l", "sr@latin", *argv[1:], *extra, root=root)
    assert "unknown language code" not in err, (command, err)
    assert code in (0, 1), (command, code, err)


def test_headword_h1_and_sorotan_are_one_answer(root: Path, tmp_path: Path) -> None:
    g = glossari.load(root)
    dana = g["dana-lindung-nilai"]
    # the reader: both Sorotan spellings are the highlights
    assert [b.text for b in dana.highlights] == ["Dana persendirian untuk pelabur."]
    assert [b.text for b in g["peniaga-broker"].highlights] == ["Firma dagangan."]
    # extraction: the H1 is the headword's message, never a body message; Sorotan items are
    # highlights
    body = load_po(root / "locale" / "articles-d.pot")
    assert "Dana  Lindung Nilai" not in {e.msgid for e in body.entries}
    comments = {e.msgid: e.extracted_comments for e in body.entries}
    assert comments["Dana persendirian untuk pelabur."] == ("highlight of dana-lindung-nilai",)
    # the Babel extractor says the same
    with (root / "seeds" / "dana-lindung-nilai.md").open("rb") as handle:
        babel = {(m if isinstance(m, str) else m[1]): c
                 for _, _, m, c in extract_glossari(handle, ["pgettext"], [], {})}
    assert "Dana  Lindung Nilai" not in babel
    assert babel["Dana persendirian untuk pelabur."] == ["highlight of dana-lindung-nilai"]
    # align paired the English H1 with nothing of its own (the headword carries it); the
    # English side, render and show then use the translated headword as the H1
    assert dana.en_title == "Hedge fund"
    assert dana.english.sections[0].heading == "Hedge fund"
    ok("render", "-l", "en", "-o", str(tmp_path / "out"), "--min-coverage", "0", root=root)
    rendered = (tmp_path / "out" / "dana-lindung-nilai.md").read_text(encoding="utf-8")
    assert "\n# Hedge fund\n" in rendered
    # check agrees that this H1 is the headword (no S105)
    _, out, _ = cli("check", "-l", "en", "--format", "json", root=root)
    assert not [f for f in json.loads(out) if f["code"] == "S105"]
    # the English link texts are variants of the concepts they resolve to, never headwords
    assert "broker-dealers" in g["peniaga-broker"].names.english_variants
    assert g["peniaga-broker"].en_title in (None, "Broker-dealer")


def test_the_configuration_file_takes_the_same_language_codes() -> None:
    from glossari.config import ConfigError, parse_config

    assert parse_config('languages = ["sr@latin", "pt_BR"]\n',
                        source="glossari.toml").languages == ("sr@latin", "pt_BR")
    with pytest.raises(ConfigError, match="'pt-BR' is written 'pt_BR'"):
        parse_config('languages = ["pt-BR"]\n', source="glossari.toml")
    with pytest.raises(ConfigError, match="unknown language code 'english'"):
        parse_config('languages = ["english"]\n', source="glossari.toml")


@pytest.mark.parametrize("compiled", [False, True])
def test_a_name_two_articles_share_gets_one_answer_from_lookup_show_and_find(
    tmp_path: Path, compiled: bool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two articles titled alike (S131), one of them filed under the Malay stem of that title
    and declaring a reduplicated alias: ``show`` and ``lookup`` answered it, ``find`` and
    ``find_terms`` the other one, even for the alias as written."""
    from tests._catalog_oracles import cli as catalog_cli
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path, {
        "peniaga-broker": "---\ntitle: Peniaga broker\naliases: peniaga-peniaga broker\n"
        "description: Firma.\nkeywords: Pelaburan\n---\n\n# Peniaga broker\n\n"
        "Peniaga broker membeli sekuriti.\n",
        "broker-lama": "---\ntitle: Peniaga broker\ndescription: Salinan lama.\n"
        "keywords: Arkib\n---\n\n# Peniaga broker\n\nRencana lama.\n",
    })
    if compiled:
        for command in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
            assert catalog_cli(root, *command)[0] == 0
    glossary = glossari.load(root)
    assert type(glossary).__name__ == ("_CompiledGlossary" if compiled else "Glossary")
    if compiled:
        # the recogniser reads the terms' headers: rebuilding every whole term from a termbase
        # of 30,000 articles took 11 s and 1 GB before the first match
        def whole(_: object) -> None:
            raise AssertionError("find_terms rebuilt every whole term")

        monkeypatch.setattr(type(glossary), "__iter__", whole)
    text = "Peniaga broker dan peniaga-peniaga broker itu, PENIAGA BROKER."
    for name in ("Peniaga broker", "peniaga-peniaga broker", "PENIAGA BROKER"):
        answer = glossary.lookup(name).id
        assert answer == "peniaga-broker"
    assert [m.term.id for m in glossary.find_terms(text)] == ["peniaga-broker"] * 3
    code, out, _err = cli("find", text, "--format", "json", root=root)
    assert code == 0
    assert [hit["term"] for hit in json.loads(out)] == ["peniaga-broker"] * 3
    code, out, _err = cli("show", "peniaga-peniaga broker", root=root)
    assert code == 0
    assert out.startswith("Peniaga broker  [peniaga-broker]")
    # the answer names the other article of that headword (it was silent: check's S131 only)
    assert "  also the headword of: broker-lama\n" in out
    assert glossary.namesakes(glossary["broker-lama"]) == ("peniaga-broker",)


def test_a_reduplicated_link_text_takes_no_headword_from_its_namesake(tmp_path: Path) -> None:
    """Two articles titled Pelaburan; a link [pelaburan-pelaburan](/investment) names the one
    that lookup does not answer for the headword. find gave that one for the bare headword
    (the recogniser files the link text as *pelaburan*), while show and lookup gave the other."""
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path, {
        "pelaburan": "---\ntitle: Pelaburan\ndescription: Satu.\nkeywords: A\n---\n\n"
        "# Pelaburan\n\nRencana.\n",
        "investment": "---\ntitle: Pelaburan\ndescription: Dua.\nkeywords: A\n---\n\n"
        "# Pelaburan\n\n[Pelaburan-pelaburan](/investment) berisiko.\n",
    })
    glossary = glossari.load(root)
    assert glossary.lookup("Pelaburan").id == "pelaburan"
    assert [m.term.id for m in glossary.find_terms("Pelaburan itu.")] == ["pelaburan"]
    code, out, _err = cli("find", "Pelaburan itu.", "--format", "json", root=root)
    assert code == 0
    assert [hit["term"] for hit in json.loads(out)] == ["pelaburan"]


@pytest.mark.parametrize("compiled", [False, True])
def test_names_joined_by_another_mark_are_each_their_own_terms(
        tmp_path: Path, compiled: bool) -> None:
    """*P/E* and *P&E* share the lookup key ``pe`` (S104 warns of it); find reads each by its
    own mark, while ``show P/E`` and ``lookup('P/E')`` answered the P&E term, from the
    sources and from the compiled termbase alike."""
    from tests._catalog_oracles import cli as catalog_cli
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path, {
        "loji-dan-peralatan": "---\ntitle: Loji dan peralatan (P&E)\naliases: harta&loji\n"
        "description: Aset tetap.\nkeywords: Perakaunan\n---\n\n# Loji dan peralatan (P&E)\n\n"
        "Aset P&E dicatat pada kos.\n",
        "nisbah-harga-pendapatan": "---\ntitle: Nisbah harga/pendapatan (P/E)\n"
        "aliases: harta/loji\ndescription: Nisbah.\nkeywords: Saham\n---\n\n"
        "# Nisbah harga/pendapatan (P/E)\n\nNisbah P/E-nya tinggi; lihat [P&E](/loji).\n",
    })
    if compiled:
        for command in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
            assert catalog_cli(root, *command)[0] == 0
    glossary = glossari.load(root)
    assert type(glossary).__name__ == ("_CompiledGlossary" if compiled else "Glossary")
    p_e, pne = "nisbah-harga-pendapatan", "loji-dan-peralatan"
    expected = {"P/E": p_e, "p/e": p_e, "P / E": p_e, "P/E-nya": p_e, "harta/loji": p_e,
                "P&E": pne, "p&e": pne, "P & E": pne, "harta & loji": pne}
    assert {name: glossary.lookup(name).id for name in expected} == expected
    text = "Nisbah P/E dan P&E, P / E, P & E; harta/loji, harta&loji."
    found = [(m.text, m.term.id) for m in glossary.find_terms(text)]
    assert found == [("P/E", p_e), ("P&E", pne), ("P / E", p_e), ("P & E", pne),
                     ("harta/loji", p_e), ("harta&loji", pne)]
    for name, term_id in expected.items():
        code, out, _err = cli("show", name, root=root)
        assert code == 0
        assert f"  [{term_id}]" in out.splitlines()[0], name


def test_a_link_text_written_as_an_acronym_keeps_the_acronyms_capitals(tmp_path: Path) -> None:
    """``[S.C.nya](/suruhanjaya-sekuriti)`` was filed as the plain name ``scnya``: find read a
    text's lower-case ``scnya`` (and ``s.c.``) as *SC*, which the acronym itself never is."""
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path, {
        "suruhanjaya-sekuriti": "---\ntitle: Suruhanjaya Sekuriti (SC)\naliases: Suruhanjaya\n"
        "description: Pengawal selia.\nkeywords: Pasaran\n---\n\n# Suruhanjaya Sekuriti (SC)\n\n"
        "Ia menyelia [saham-saham](/saham).\n",
        "peniaga-broker": "---\ntitle: Peniaga broker\ndescription: Firma.\nkeywords: Broker\n"
        "---\n\n# Peniaga broker\n\nDiawasi oleh [S.C.nya](/suruhanjaya-sekuriti) dan "
        "[KWSP-nya](/kwsp).\n",
    })
    text = "scnya, s.c. dan kwsp-nya; S.C.nya, SC-nya dan KWSP-nya."
    found = [(m.text, m.term.id) for m in glossari.load(root).find_terms(text)]
    assert found == [("S.C.nya", "suruhanjaya-sekuriti"), ("SC-nya", "suruhanjaya-sekuriti"),
                     ("KWSP-nya", "kwsp")]
    code, out, _err = cli("find", text, "--format", "json", root=root)
    assert code == 0
    assert [hit["text"] for hit in json.loads(out)] == ["S.C.nya", "SC-nya", "KWSP-nya"]


_P_E_AND_P_AND_E = {
    "loji-dan-peralatan": "---\ntitle: P&E\naliases: loji dan peralatan\n"
    "description: Aset tetap.\nkeywords: Perakaunan\n---\n\n# P&E\n\nAset P&E dicatat pada kos.\n",
    "nisbah-harga-pendapatan": "---\ntitle: P/E\naliases: nisbah harga/pendapatan\n"
    "description: Nisbah.\nkeywords: Saham\n---\n\n# P/E\n\n"
    "Nisbah P/E-nya tinggi bagi saham-saham teknologi.\n",
}
"""Two articles titled by acronyms whose lookup key is one (``pe``), told apart by their mark."""



@pytest.fixture(scope="module", params=[False, True], ids=["sources", "termbase"])
def joined_root(request: pytest.FixtureRequest,
                tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The glossary of :data:`_P_E_AND_P_AND_E`, read from its sources or compiled."""
    from tests._catalog_oracles import cli as catalog_cli
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path_factory.mktemp("joined"), _P_E_AND_P_AND_E)
    if request.param:
        for command in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
            assert catalog_cli(root, *command)[0] == 0
    return root


@given(mark=st.sampled_from(["/", "&", " / ", " & "]),
       ending=st.sampled_from(["nya", "nyalah", "nyakah", "lah", "pun", "s", "'s", "\u2019s",
                               "-nya", "'nya", "-nyalah"]))
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_an_acronym_joined_by_a_mark_with_an_ending_is_looked_up_as_find_reads_it(
        joined_root: Path, mark: str, ending: str) -> None:
    """find reads ``P/Enya``, ``P / Es``, ``P&E's`` as the acronym written with that mark (the
    last capital too short a stem for the Malay rules' clitics); lookup and show said "no
    term" for an ending glued on it (end_bases read no base), from the sources and from the
    termbase alike."""
    glossary = glossari.load(joined_root)
    name = f"P{mark}E{ending}"
    found = [(m.text, m.term.id) for m in glossary.find_terms(f"Nisbah {name} tinggi.")]
    assert [text for text, _ in found] == [name]
    assert glossary.lookup(name).id == found[0][1] == (
        "nisbah-harga-pendapatan" if "/" in mark else "loji-dan-peralatan")
    code, out, _err = cli("show", name, root=joined_root)
    assert code == 0
    assert f"  [{found[0][1]}]" in out.splitlines()[0]


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mark=st.sampled_from(["/", " / ", "&", " & "]),
       ending=st.sampled_from(["", "-nya", "'nya", "nya", "nyalah", "'s"]),
       slug=st.sampled_from(["pe", "p-e", "nisbah-pe", "ratio", "p&e"]),
       order=st.booleans())
def test_a_link_text_joined_by_a_mark_goes_to_the_term_named_with_that_mark(
        tmp_path_factory: pytest.TempPathFactory, mark: str, ending: str, slug: str,
        order: bool) -> None:
    """A link whose target names no article resolves by its text: ``[P/E](/pe)`` went to the
    article *P&E* (the first in id order of the two whose key is ``pe``), where lookup, show
    and find read the text as *P/E*; both link texts are each in one article, in either."""
    from tests._catalog_oracles import make_root

    text = f"P{mark}E{ending}"
    articles = dict(_P_E_AND_P_AND_E)
    citing = "saham-biasa" if order else "aset-semasa"  # before and after both in id order
    articles[citing] = (f"---\ntitle: Saham biasa\ndescription: Saham.\nkeywords: Saham\n---\n\n"
                        f"# Saham biasa\n\nNisbah [{text}](/{slug}) saham-sahamnya.\n")
    root = make_root(tmp_path_factory.mktemp("cited"), articles)
    glossary = glossari.load(root)
    (ref,) = glossary.links_from(citing)
    assert ref.target is not None
    named = "nisbah-harga-pendapatan" if "/" in mark else "loji-dan-peralatan"
    assert ref.target.id == glossary.lookup(text).id == named
    found = [m.term.id for m in glossary.find_terms(f"Nisbah {text} tinggi.")]
    assert found == [named]


@pytest.mark.parametrize("text", ["SC-nya", "SC\u2019nya", "SC-nyalah", "SC's"])
def test_a_link_text_writing_a_short_acronym_with_an_ending_names_its_article(
        tmp_path: Path, text: str) -> None:
    """``[SC-nya](/sc-my)`` made a link-only term *sc-my* (two letters are too short a stem
    for without_possessive) though find reads the text as the article's acronym *SC*."""
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path, {
        "suruhanjaya-sekuriti": "---\ntitle: Suruhanjaya Sekuriti (SC)\ndescription: Badan.\n"
        "keywords: Pasaran\n---\n\n# Suruhanjaya Sekuriti (SC)\n\nBadan kawal selia.\n",
        "saham-biasa": "---\ntitle: Saham biasa\ndescription: Saham.\nkeywords: Pasaran\n"
        f"---\n\n# Saham biasa\n\nDiawasi [{text}](/sc-my) sahaja.\n",
    })
    glossary = glossari.load(root)
    (ref,) = glossary.links_from("saham-biasa")
    assert ref.target is not None
    assert [m.term.id for m in glossary.find_terms(f"Oleh {text} itu.")] == [ref.target.id]
    assert ref.target.id == "suruhanjaya-sekuriti"
