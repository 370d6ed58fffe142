"""Names and resolution on glossaries nobody has seen: a link text that only inflects an
article's name, a link with an anchor, an English variant with an article, a category written
twice, a query starting with '-' (docs/concepts.md, docs/terms.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.align.resolve import TargetIndex, resolve_link
from glossari.glossary import load_glossary
from glossari.model import Link, Location, Term
from tests._alignkit import ok, scratch_glossary, sources_and_termbase
from tests.strategies import MALAY_WORDS


def _article(title: str, body: str, **front: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in front.items())
    return (f"---\ntitle: {title}\ndescription: {title} ialah istilah kewangan.\n"
            f"keywords: Kewangan\n{extra}---\n\n# {title}\n\n{body}\n")


POSSESSIVE = {
    "dividen": _article("Dividen", "Dividen dibayar kepada pemegang saham."),
    "saham-keutamaan": _article("Saham keutamaan", "Saham keutamaan diutamakan."),
    "kira-kira": _article("Kira-kira", "Kira-kira syarikat."),
    "pautan": _article(
        "Pautan",
        "Pelabur menerima [dividennya](/dividend-ms) daripada "
        "[Saham-saham keutamaannya](/preferred-stock) dan membaca [kira-kiranya](/accounts). "
        "Syarikat mempelbagaikan [pelaburannya](/investment) [hanya](/only) sedikit."),
}


def test_a_link_text_with_the_possessive_goes_where_the_text_without_it_goes(
    tmp_path: Path,
) -> None:
    root = scratch_glossary(tmp_path, POSSESSIVE)
    for g in sources_and_termbase(root):
        went = {ref.link.text: ref.target.id for ref in g.links if ref.target is not None}
        assert went == {"dividennya": "dividen", "Saham-saham keutamaannya": "saham-keutamaan",
                        "kira-kiranya": "kira-kira",
                        # no article is Pelaburan: a link-only term, its possessive kept;
                        # `hanya` is a word of its own, never `ha` with -nya
                        "pelaburannya": "investment", "hanya": "only"}
        assert sorted(t.id for t in g if t.kind == "link") == ["investment", "only"]
        assert g.lookup("dividennya").id == "dividen"
        assert [m.term.id for m in g.find_terms("dividennya")] == ["dividen"]
    assert "[dividen]" in ok("show", "dividennya", root=root).splitlines()[0]
    found = json.loads(ok("find", "--format", "json", "dividennya", root=root))
    assert [f["term"] for f in found] == ["dividen"]


_HEADWORD = st.lists(st.sampled_from(MALAY_WORDS), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(headword=_HEADWORD, hyphen=st.sampled_from(["", "-"]), other=_HEADWORD)
def test_any_headword_with_the_possessive_names_its_article(
    headword: str, hyphen: str, other: str
) -> None:
    at = Location(path="seeds/x.md", line=1)
    terms = [Term(id="a-term", title=headword, source=at),
             Term(id="b-term", title=other, source=at)]
    index = TargetIndex.build(terms)
    plain = resolve_link(Link(text=headword, target="/no-article", line=3), index)
    text = f"{headword}{hyphen}nya"
    assert resolve_link(Link(text=text, target="/no-article", line=3), index) == plain


def test_a_link_to_a_part_of_an_article_gives_the_term_no_name(tmp_path: Path) -> None:
    from tests._checkkit import Kit

    body = ("Lihat [instrumen syariah](/sukuk#jenis) dan [sukuk](/sukuk).\n\n"
            "Pelabur membeli instrumen syariah.")
    kit = Kit(root=tmp_path, english={}, articles={
        "sukuk": _article("Sukuk", "Sukuk dijual.\n\n## Jenis\n\nAda dua jenis."),
        "pelaburan-islam": _article("Pelaburan Islam", body),
    })
    for key, english in {
        ("sukuk", "Sukuk"): "Sukuk", ("pelaburan-islam", "Pelaburan Islam"): "Islamic investment",
        ("/sukuk#jenis", "instrumen syariah"): "Sharia instruments", ("/sukuk", "sukuk"): "sukuk",
        (None, "Lihat [instrumen syariah](/sukuk#jenis) dan [sukuk](/sukuk)."):
            "See [Sharia instruments](/sukuk#jenis) and [sukuk](/sukuk).",
        (None, "Pelabur membeli instrumen syariah."): "Investors buy Sharia instruments.",
    }.items():
        kit.translate(key[1], english, context=key[0])
    findings = kit.check()
    # the paragraph's 'instrumen syariah' is no use of Sukuk: no T401 asks it for 'Sukuk'
    assert [f.message for f in findings if f.code == "T401"] == []
    g = load_glossary(kit.root)
    sukuk = g["sukuk"]
    # the link still leads to the article, and shows as a link to it
    assert {ref.link.text for ref in g.backlinks(sukuk)} == {"instrumen syariah", "sukuk"}
    assert sukuk.names.link_texts == ("sukuk",)
    assert sukuk.names.english_variants == ()
    assert g.find_terms("instrumen syariah") == []
    assert g.find_terms("Sharia instruments", "en") == []
    try:
        g.lookup("instrumen syariah")
    except KeyError:
        pass
    else:
        raise AssertionError("'instrumen syariah' names a part of Sukuk, not Sukuk")


def test_an_english_variant_is_the_name_without_its_sentences_article(tmp_path: Path) -> None:
    from tests._checkkit import Kit

    body = ("Ramai menjual [pelaburan](/investment) dan [sahamnya](/stock) serta "
            "[portfolionya](/portfolio).")
    english_body = ("Many sell [the investments](/investment) and [its shares](/stock) and "
                    "[their portfolio](/portfolio).")
    kit = Kit(root=tmp_path, english={}, articles={
        "pelaburan": _article("Pelaburan", body),
        "saham": _article("Saham", "Saham dijual."),
    })
    for (context, msgid), english in {
        ("pelaburan", "Pelaburan"): "Investment", ("saham", "Saham"): "Stock",
        ("/investment", "pelaburan"): "the investments", ("/stock", "sahamnya"): "its shares",
        ("/portfolio", "portfolionya"): "their portfolio", (None, body): english_body,
    }.items():
        kit.translate(msgid, english, context=context)
    kit.write()
    g = load_glossary(kit.root)
    assert g["pelaburan"].names.english_variants == ("investments",)
    assert g["saham"].names.english_variants == ("shares",)
    assert (g["portfolio"].english.title, g["portfolio"].names.english_variants) == (
        "portfolio", ())
    text = "They sold the investments, its shares and their portfolio."
    assert [(m.text, m.term.id) for m in g.find_terms(text, "en")] == [
        ("investments", "pelaburan"), ("shares", "saham"), ("portfolio", "portfolio")]
    found = json.loads(ok("find", "-l", "en", "--format", "json", "sold the investments",
                          root=kit.root))
    assert [(f["text"], f["term"]) for f in found] == [("investments", "pelaburan")]


@settings(max_examples=60, deadline=None)
@given(determiner=st.sampled_from(["the", "a", "an", "its", "their", "this", "The", "Its"]),
       name=_HEADWORD.filter(lambda n: n[:1].islower()))
def test_a_determiner_before_a_name_is_not_part_of_it(determiner: str, name: str) -> None:
    from glossari.terms.english import without_determiner

    assert without_determiner(f"{determiner} {name}") == name
    assert without_determiner(name) == name


_TWICE = ("---\ntitle: Dividen\ndescription: Dividen ialah bahagian keuntungan.\n"
          "keywords: [Kewangan Islam, kewangan islam, Pelaburan]\n---\n\n# Dividen\n\n"
          "Dividen dibayar.\n")


def _categories_twice(tmp_path: Path, english: dict[str, str]) -> Path:
    from tests._checkkit import Kit

    kit = Kit(root=tmp_path, english={}, articles={"dividen": _TWICE})
    kit.translate("Dividen", "Dividend", context="dividen")
    for malay, translated in english.items():
        kit.translate(malay, translated)
    kit.write()
    return kit.root


def test_a_category_written_twice_is_listed_once(tmp_path: Path) -> None:
    # the two spellings translate alike, as a translator's English article gives them
    root = _categories_twice(tmp_path, {"Kewangan Islam": "Islamic finance",
                                        "kewangan islam": "Islamic finance",
                                        "Pelaburan": "Investment"})
    rows = json.loads(ok("table", "--format", "json", root=root))
    assert [r["categories"] for r in rows] == [["Kewangan Islam", "Pelaburan"]]
    tbx = ok("table", "--format", "tbx", root=root)
    assert tbx.count('type="subjectField"') == 2
    csv = ok("table", "--format", "csv", root=root)
    assert "Kewangan Islam; Pelaburan" in csv
    assert "kewangan islam" not in csv
    shown = ok("show", "dividen", root=root)
    assert "  categories: Kewangan Islam, Pelaburan\n" in shown
    assert "  en: Islamic finance, Investment\n" in shown
    # the article keeps both: rendered, it has its three keywords, as align pairs them
    out = tmp_path / "build"
    ok("render", "-l", "en", "--min-coverage", "0", "-o", str(out), root=root)
    assert "keywords: [Islamic finance, Islamic finance, Investment]" in (
        out / "dividen.md").read_text(encoding="utf-8")


def test_a_category_written_twice_imports_into_each_spelling(tmp_path: Path) -> None:
    from glossari.exchange import Record, Termbase, import_termbase
    from glossari.root import resolve_root

    root = _categories_twice(tmp_path, {})
    where = resolve_root(str(root))
    # the categories as the tables export them, each once
    base = Termbase(source="api", format="tbx-2008", records=(
        Record(line=1, id="dividen", categories=("Kewangan Islam", "Pelaburan"),
               categories_en=("Islamic finance", "Investment")),))
    report = import_termbase(load_glossary(where), base, root=where, lang="en")
    assert [o.message for o in report.outcomes if o.kind == "note"] == []
    g = load_glossary(root)
    assert g["dividen"].english.categories == ("Islamic finance", "Islamic finance",
                                               "Investment")


_SEARCHED = {
    "saham": _article("Saham", "Saham ialah unit pemilikan; nilai saham berubah."),
    "nilai-saksama": _article("Nilai saksama", "Nilai saksama sesuatu [saham](/stock)."),
    "lelong": _article("Lelong", "Lelong harta."),
}


def test_a_text_argument_may_start_with_a_dash(tmp_path: Path) -> None:
    from tests._alignkit import cli

    root = scratch_glossary(tmp_path, _SEARCHED)
    for query in ("-saham", "-nilai", "-lelong", "-5%"):
        # as with '--' before it: -nilai is no '-n ilai', -lelong no '-l elong'
        expected = cli("search", "--format", "json", "--", query, root=root)
        assert cli("search", query, "--format", "json", root=root) == expected, query
        assert cli("search", "--format", "json", query, root=root) == expected, query
        assert expected[0] == 0, expected
    assert [h["id"] for h in json.loads(ok("search", "-lelong", "--format", "json",
                                           root=root))] == ["lelong"]
    # the options keep their forms, attached values too
    assert len(json.loads(ok("search", "-n1", "-saham", "--format", "json", root=root))) == 1
    assert json.loads(ok("search", "-lms", "-saham", "--format", "json", root=root))
    found = json.loads(ok("find", "--format", "json", "-saham", root=root))
    assert [(f["text"], f["term"]) for f in found] == [("saham", "saham")]
    assert ok("show", "-saham", root=root).startswith("Saham  [saham]")
    code, _, err = cli("search", "saham", "-x", root=root)
    assert code == 2
    assert "unrecognized arguments: -x" in err


@settings(max_examples=25, deadline=None)
@given(word=st.sampled_from(MALAY_WORDS), option=st.sampled_from(["", "-n", "-l", "--format"]))
def test_any_dashed_query_is_read_as_after_dashes(word: str, option: str) -> None:
    from glossari.cli import _parser, _text_after_dashes
    from glossari.commands import search

    parser, subparsers = _parser()
    search.configure(subparsers["search"])
    value = {"": [], "-n": ["-n", "3"], "-l": ["-l", "ms"], "--format": ["--format", "json"]}
    words = [*value[option], f"-{word}"]
    moved = _text_after_dashes(words, subparsers["search"])
    assert moved == [*value[option], "--", f"-{word}"]
    assert parser.parse_args(["search", *moved]).query == f"-{word}"


def test_two_link_only_terms_one_named_with_the_possessive_are_s132(tmp_path: Path) -> None:
    from tests._alignkit import cli

    root = scratch_glossary(tmp_path, {"pautan-pelaburan": _article(
        "Pautan pelaburan", "Bank membuat [pelaburan](/investment). Syarikat menjual "
        "[pelaburannya](/investments) dan [jumlah](/total) [jum](/jum).")})
    _, out, _ = cli("check", "--format", "json", "--select", "S132", root=root)
    found = [(f["term"], f["message"]) for f in json.loads(out)]
    # jumlah is a word of its own, no 'jum' with -lah
    assert [term for term, _ in found] == ["investments"], found
    assert "read 'pelaburannya' and 'pelaburan'" in found[0][1]


@pytest.mark.parametrize(("words", "said"), [
    (["search", "-n", "-saham"], "argument -n/--limit: invalid int value: '-saham'"),
    (["search", "--limit", "-5%"], "argument -n/--limit: invalid int value: '-5%'"),
    (["search", "-l", "-saham", "saham"], "-l: unknown language code '-saham'"),
    (["search", "--translation", "-nilai", "saham"],
     "--translation: unknown language code '-nilai'"),
    (["find", "-l", "-saham", "saham"], "-l: unknown language code '-saham'"),
    (["show", "-l", "-en", "saham"], "-l: unknown language code '-en'"),
    # with no text after it: the language was never judged, and the error said the
    # QUERY or TERM was missing, where README says -l -saham is no language
    (["search", "-l", "-saham"], "-l: unknown language code '-saham'"),
    (["show", "-l", "-saham"], "-l: unknown language code '-saham'"),
    (["find", "--lang", "-pelaburannya"], "-l: unknown language code '-pelaburannya'"),
    (["search", "--translation", "-nilai"], "--translation: unknown language code '-nilai'"),
    (["search", "-n", "3", "--lang=-saham-saham"], "-l: unknown language code '-saham-saham'"),
])
def test_an_option_s_value_starting_with_a_dash_is_judged_as_its_value(
        tmp_path: Path, words: list[str], said: str) -> None:
    # search -n -saham said 'argument -n/--limit: expected one argument', as though no word
    # followed -n: the word is -n's value, and the error names it
    from tests._alignkit import cli

    root = scratch_glossary(tmp_path, _SEARCHED)
    code, out, err = cli(*words, root=root)
    assert (code, out) == (2, "")
    assert said in err
    assert "Traceback" not in err
    assert "expected one argument" not in err


@settings(max_examples=10, deadline=None)
@given(thousands=st.integers(1, 999), rest=st.integers(0, 999),
       listed=st.sampled_from(["{}", "[\"{}\", saham bon]", "\n  - \"{}\"", "{}, had siling"]))
def test_an_alias_s_thousands_separator_is_no_alias_separator(
        tmp_path_factory: pytest.TempPathFactory, thousands: int, rest: int, listed: str) -> None:
    # aliases: Had RM1,000 was the aliases 'Had RM1' and '000', and find took every
    # RM5,000 of a text for the term; a comma between two digits is a number's own
    from glossari.glossary import load_glossary

    alias = f"Had RM{thousands},{rest:03d}"
    root = scratch_glossary(tmp_path_factory.mktemp("g"), {"had-pelaburan": _article(
        "Had pelaburan", "Had bagi akaun.", aliases=listed.format(alias))})
    glossary = load_glossary(root)
    assert alias in glossary["had-pelaburan"].names.aliases
    assert f"{rest:03d}" not in glossary["had-pelaburan"].names.aliases
    text = f"Yuran RM5,{rest:03d} dan {alias.lower()} sahaja."
    assert [m.text for m in glossary.find_terms(text)] == [alias.lower()]
    assert glossary.lookup(alias).id == "had-pelaburan"
    assert not [f for f in glossary["had-pelaburan"].findings if f.code == "S114"]


@pytest.mark.parametrize(("headword", "text", "found"), [
    ("Debt-to-Equity (D/E) Ratio", "Its debt-to-equity ratios rose; the D/E ratio is 2.",
     ["debt-to-equity ratios", "D/E ratio"]),
    ("Price-to-Earnings Ratio (P/E Ratio)", "The price-to-earnings ratio and P/E ratios of peers.",
     ["price-to-earnings ratio", "P/E ratios"]),
    ("Return on Equity (ROE)", "Return on equity (ROE) and the ROE's rise.",
     ["Return on equity (ROE)", "ROE's"]),
])
def test_an_acronym_before_a_name_s_last_words_gives_names_a_text_writes(
        headword: str, text: str, found: list[str]) -> None:
    # Debt-to-Equity (D/E) Ratio was known only as written whole, which no text writes: find
    # missed 'debt-to-equity ratio' and 'D/E ratio', and a lookup of either found nothing
    from glossari.glossary import Glossary
    from glossari.model import English

    term = Term(id="nisbah", title="Nisbah", source=Location(path="seeds/nisbah.md", line=1),
                english=English(title=headword, status="translated"))
    glossary = Glossary([term], lang="en")
    assert [m.text for m in glossary.find_terms(text, lang="en")] == found
    for name in found:
        assert glossary.lookup(name.rstrip("s").removesuffix("'")).id == "nisbah"


@pytest.mark.parametrize(("lang", "said"), [
    ("xx", "-l: unknown language code 'xx'"),
    ("-saham", "-l: unknown language code '-saham'"),
    ("fr", "no catalogs for the language 'fr'"),
])
def test_find_judges_its_language_before_reading_standard_input(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str) -> None:
    # find -l xx read the whole of standard input (at a terminal: waited for it) before
    # saying the language was wrong
    import io
    import sys

    from tests._alignkit import cli

    class Unread(io.BytesIO):
        def read(self, *args: object) -> bytes:
            raise AssertionError("standard input was read")

    root = scratch_glossary(tmp_path, _SEARCHED)
    (root / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    (root / "locale" / "en" / "LC_MESSAGES" / "glossary.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    stdin = io.TextIOWrapper(Unread())
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = cli("find", "-l", lang, root=root)
    assert (code, out) == (2, "")
    assert said in err


def test_an_emphasised_link_text_names_its_term_without_its_marks(tmp_path: Path) -> None:
    """`[**pendapatan sesaham**](/eps)`, a link an editor set in bold: the link-only term's
    Malay headword was `**pendapatan sesaham**`, marks and all, in `show`, the tables, the
    site's page and title; so was its English, from a translation keeping the marks as C206
    asks (`**earnings per share**`), and an article's English variant (`*shares*`)."""
    root = scratch_glossary(tmp_path, {
        "nisbah-pe": _article(
            "Nisbah P/E", "Harga dibahagi [**pendapatan sesaham**](/eps) bagi "
            "[*saham-saham*](/stock-ms) `SC`."),
        "saham": _article("Saham", "Saham ialah ekuiti."),
    })
    for g in sources_and_termbase(root):
        assert g["eps"].title == "pendapatan sesaham"
        assert g["saham"].names.link_texts == ("saham-saham",)
        assert g.lookup("pendapatan sesaham").id == "eps"
    [row] = [r for r in json.loads(ok("table", "--format", "json", root=root))
             if r["id"] == "eps"]
    assert row["ms"] == "pendapatan sesaham"
    catalog = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = catalog.read_text(encoding="utf-8")
    for msgid, msgstr in (("**pendapatan sesaham**", "**earnings per share**"),
                          ("*saham-saham*", "*the shares*")):
        old = f'msgid "{msgid}"\nmsgstr ""\n'
        assert old in text, text
        text = text.replace(old, f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')
    catalog.write_text(text, encoding="utf-8")
    ok("compile", "-l", "en", root=root)
    g = load_glossary(root)
    assert (g["eps"].english.title, g["eps"].english.status) == (
        "earnings per share", "translated")
    assert g["saham"].names.english_variants == ("shares",)
    assert "pendapatan sesaham  [eps]" in ok("show", "eps", root=root)


def test_a_shared_headword_written_as_a_links_text_is_found_as_the_term_it_goes_to(
    tmp_path: Path,
) -> None:
    """Two articles titled *Saham* (`saham.md`, `stock.md`, S131): find gave `[Saham](/stock)`
    to *saham*, the term lookup answers for the bare word, where the link goes to *stock*
    (its target choosing) and `show` lists it so; the bare word stays lookup's."""
    root = scratch_glossary(tmp_path, {
        "saham": _article("Saham", "Saham ialah ekuiti."),
        "stock": _article("Saham", "Saham ialah unit pemilikan."),
        "bursa": _article("Bursa", "Lihat [Saham](/stock) dan [saham](/saham)."),
    })
    text = ("Beli [Saham](/stock), [Sahamnya](/stock) dan saham, atau [Saham](/tiada), "
            "[**Saham**](/stock).")
    for g in sources_and_termbase(root):
        assert [(r.link.text, r.target.id) for r in g.links_from("bursa")
                if r.target is not None] == [("Saham", "stock"), ("saham", "saham")]
        assert [(m.text, m.term.id) for m in g.find_terms(text)] == [
            ("Saham", "stock"), ("Sahamnya", "stock"), ("saham", "saham"), ("Saham", "saham"),
            ("Saham", "stock")]
        assert g.lookup("Saham").id == "saham"
    found = json.loads(ok("find", "--format", "json", text, root=root))
    assert [f["term"] for f in found] == ["stock", "stock", "saham", "saham", "stock"]
