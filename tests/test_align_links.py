"""Link resolution, link-only terms and slug suggestions (issue 4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import glossari
from glossari.align import TargetIndex, resolve, suggest_english, target_key
from glossari.align.slugs import WordList, default_words, looks_like_acronym
from glossari.model import English, Location, Term
from tests._alignkit import ok

REPO = Path(__file__).resolve().parent.parent
PARALLEL = REPO / "tests" / "data" / "parallel"
AT = Location(path="seeds/x.md", line=1)

SEED_LINK_TERMS = {
    # id: (Malay headword, English)
    "broker-dealer": ("peniaga broker", "broker-dealer"),
    "investmentadvisor": ("penasihat pelaburan", "investment advisor"),
    "primebrokerage": ("pembrokeran utama", "prime brokerage"),
    "finra": (None, "FINRA"),
}


def article(text: str, name: str, root: Path) -> None:
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "seeds" / f"{name}.md").write_text(text, encoding="utf-8")


def write_po(root: Path, domain: str, entries: list[tuple[str | None, str, str, bool]]) -> None:
    """A minimal English catalog: (msgctxt, msgid, msgstr, fuzzy) entries."""
    folder = root / "locale" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"',
             '"Language: en\\n"', ""]
    for ctx, msgid, msgstr, fuzzy in entries:
        if fuzzy:
            lines.append("#, fuzzy")
        if ctx is not None:
            lines.append(f'msgctxt "{ctx}"')
        lines += [f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    (folder / f"{domain}.po").write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def seed_only(tmp_path: Path) -> Path:
    """The shipped seed without any catalog: English can only be suggested."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(REPO / "seeds" / "accountexecutive.md", tmp_path / "seeds")
    return tmp_path


# -- the shipped seed ---------------------------------------------------------------------------


def test_seed_has_the_four_link_only_terms_with_suggested_english(seed_only: Path) -> None:
    g = glossari.load(seed_only)
    link_terms = {t.id: t for t in g if t.kind == "link"}
    assert set(link_terms) == set(SEED_LINK_TERMS)
    for term_id, (malay, english) in SEED_LINK_TERMS.items():
        term = link_terms[term_id]
        assert (term.title, term.en_title, term.english.status) == (malay, english, "suggested")
        assert term.source.path == "seeds/accountexecutive.md"
    assert link_terms["finra"].source.line == 24
    assert link_terms["primebrokerage"].source.line == 38


def test_shipped_glossary_link_only_terms() -> None:
    g = glossari.load()
    for term_id, (malay, english) in SEED_LINK_TERMS.items():
        term = g[term_id]
        # the shipped English catalog has the translator's English for every link text
        assert (term.kind, term.title, term.en_title, term.english.status) == (
            "link", malay, english, "translated")
    assert g.lookup("investment advisor").id == "investmentadvisor"
    assert g.lookup("FINRA").id == "finra"


def test_broken_finra_link_text_is_reported_at_line_24(seed_only: Path) -> None:
    g = glossari.load(seed_only)
    found = [f for f in g.findings if f.code == "S103"]
    assert len(found) == 1
    f = found[0]
    assert (f.path, f.line, f.severity, f.term) == (
        "seeds/accountexecutive.md", 24, "warning", "accountexecutive")
    assert "FINRA ), terpakai kepada" in f.message
    assert "unbalanced ')'" in f.message
    # ... and kept out of the Malay headword
    assert g["finra"].title is None


def test_graph_of_the_seed(seed_only: Path) -> None:
    g = glossari.load(seed_only)
    refs = g.links_from("accountexecutive")
    assert [r.link.target for r in refs] == [
        "finra", "broker-dealer", "investmentadvisor", "primebrokerage"]
    assert all(r.target is not None and r.target.kind == "link" for r in refs)
    assert g.unresolved == refs
    assert [r.source.id for r in g.backlinks("finra")] == ["accountexecutive"]
    assert g.backlinks("accountexecutive") == ()


def test_translator_english_wins_over_the_suggestion(seed_only: Path) -> None:
    write_po(seed_only, "glossary", [
        ("/investmentadvisor", "penasihat pelaburan", "investment adviser", False),
        ("/primebrokerage", "pembrokeran utama", "prime broker", True),
    ])
    g = glossari.load(seed_only)
    assert (g["investmentadvisor"].en_title, g["investmentadvisor"].english.status) == (
        "investment adviser", "translated")
    assert (g["primebrokerage"].en_title, g["primebrokerage"].english.status) == (
        "prime broker", "fuzzy")
    assert g["broker-dealer"].english.status == "suggested"


def test_a_link_only_term_s_english_keeps_its_no_break_space(seed_only: Path) -> None:
    # a run of layout spaces is one space, but a no-break space is text (RM\u00a0100 must not
    # break), as an article's own English headword keeps it
    write_po(seed_only, "glossary", [
        ("/investmentadvisor", "penasihat pelaburan", "investment\u00a0adviser \t firm",
         False)])
    g = glossari.load(seed_only)
    assert g["investmentadvisor"].en_title == "investment\u00a0adviser firm"


def test_no_suggestion_for_a_language_other_than_english(seed_only: Path) -> None:
    g = glossari.load(seed_only, lang="fr")
    assert {t.english.status for t in g if t.kind == "link"} == {"untranslated"}
    assert all(t.en_title is None for t in g if t.kind == "link")


@pytest.mark.parametrize("lang", ["en", "en_GB", "en_US", "en@quot", "en@boldquot"])
def test_every_english_code_gets_the_suggestions(seed_only: Path, lang: str) -> None:
    """Whether a language is English is primary_language's answer, the one reading of a code:
    GNU's en@quot (English with typographic quotes, a code -l accepts) got no suggested English
    for the link-only terms, as if it were French."""
    g = glossari.load(seed_only, lang=lang)
    assert {t.english.status for t in g if t.kind == "link"} == {"suggested"}


def test_a_clean_link_elsewhere_names_the_broken_one(seed_only: Path) -> None:
    article("---\ntitle: Bon\n---\nLihat [FINRA](/finra) dan [sekuriti](/Securities/).\n",
            "bon", seed_only)
    g = glossari.load(seed_only)
    assert g["finra"].title == "FINRA"
    # the first link in file order is the source, even though its text is not the headword
    assert g["finra"].source == Location(path="seeds/accountexecutive.md", line=24)
    assert g["Securities"].title == "sekuriti"
    assert [r.source.id for r in g.backlinks("finra")] == ["accountexecutive", "bon"]


def test_a_link_only_term_s_headword_is_the_text_its_inflected_links_inflect(
        tmp_path: Path) -> None:
    """The first link writes the term inflected (`Saham-saham keutamaan`, `Percukaiannya`), a
    later one plainly: the headword is the plain text, in the API and every table, as the
    English side takes the singular (it was the first text, plural or with its clitic)."""
    article("---\ntitle: Dividen\n---\n[Saham-saham keutamaan](/preferredstock) dan "
            "[Percukaiannya](/taxation).\n", "dividen", tmp_path)
    article("---\ntitle: Saham\n---\n[saham keutamaan](/preferredstock), "
            "[saham keutamaannya](/preferredstock) dan [percukaian](/taxation).\n",
            "saham", tmp_path)
    article("---\ntitle: Bon\n---\n[Bon-bon kerajaan](/governmentbond).\n", "bon", tmp_path)
    g = glossari.load(tmp_path)
    assert g["preferredstock"].title == "saham keutamaan"
    assert g["taxation"].title == "percukaian"
    assert g["governmentbond"].title == "Bon-bon kerajaan"  # no other text: never cut a word
    assert g["preferredstock"].source == Location(path="seeds/dividen.md", line=4)
    rows = {r["id"]: r["ms"] for r in json.loads(ok("table", "--format", "json", root=tmp_path))}
    assert (rows["preferredstock"], rows["taxation"]) == ("saham keutamaan", "percukaian")


_WORDS = ["saham", "keutamaan", "bon", "kerajaan", "cukai", "hartanah", "pasaran"]


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
       forms=st.lists(st.sampled_from(["redup", "nya", "both"]), min_size=1, max_size=3),
       at=st.integers(min_value=0, max_value=3))
def test_the_plain_text_is_the_headword_wherever_it_stands(
        words: list[str], forms: list[str], at: int) -> None:
    from glossari.align.links import malay_headword

    plain = " ".join(words)
    texts = []
    for form in forms:
        first = f"{words[0]}-{words[0]}" if form in ("redup", "both") else words[0]
        last = words[-1] if len(words) > 1 else ""
        text = " ".join([first, *words[1:-1], last]).strip() if last else first
        texts.append(text + "nya" if form in ("nya", "both") else text)
    texts.insert(min(at, len(texts)), plain)
    assert malay_headword(texts) == plain


# -- resolution -----------------------------------------------------------------------------------


def test_resolution_by_every_kind_of_name(tmp_path: Path) -> None:
    article("---\ntitle: Peniaga broker\n---\nTeks.\n", "peniagabroker", tmp_path)
    article("---\ntitle: Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA)\n---\nTeks.\n",
            "pbkik", tmp_path)
    article("---\ntitle: Dana bersama\naliases: unit trust, mutual-fund\n---\nTeks.\n",
            "danabersama", tmp_path)
    article(
        "---\ntitle: Rujukan\n---\n[a](/broker-dealer) [b](/FINRA) [c](/mutualfund) "
        "[d](/Unit_Trust) [e](/terms/p/peniagabroker.asp#x) [f](https://example.com/finra) "
        "[g](/tiada)\n", "rujukan", tmp_path)
    write_po(tmp_path, "glossary", [("peniagabroker", "Peniaga broker", "Broker-dealer", False)])
    g = glossari.load(tmp_path)
    targets = {r.link.text: (r.target.id if r.target else None) for r in g.links_from("rujukan")}
    assert targets == {"a": "peniagabroker", "b": "pbkik", "c": "danabersama",
                       "d": "danabersama", "e": "peniagabroker", "g": "tiada"}
    assert [t.id for t in g if t.kind == "link"] == ["tiada"]
    assert [r.link.text for r in g.unresolved] == ["g"]


def test_id_beats_alias_and_clashes_are_reported() -> None:
    terms = [
        Term(id="finra", title="FINRA", source=AT),
        Term(id="a", title="A", meta=(("alias", "finra, x"),), source=AT),
        Term(id="b", title="B", meta=(("aliases", "X"),), source=AT),
    ]
    index = TargetIndex.build(terms)
    assert resolve("/finra", index) == "finra"
    assert resolve("/x", index) == "a"
    assert [(f.code, f.term) for f in index.clashes] == [("S104", "b")]


def test_an_id_that_is_another_article_s_malay_name_is_reported() -> None:
    # kos.md titled Untung beside cost.md titled Kos: `show kos` gives Untung (the id), a link
    # text or find gives Kos; one word, two answers, so S104 names it. A name the article gives
    # itself (finra.md titled FINRA), or an English id no Malay name uses, is no clash.
    terms = [
        Term(id="kos", title="Untung", source=Location(path="seeds/kos.md", line=1)),
        Term(id="cost", title="Kos", source=AT),
        Term(id="stock", title="Saham", source=Location(path="seeds/stock.md", line=1)),
        Term(id="ekuiti", title="Ekuiti", meta=(("aliases", "Stock"),), source=AT),
        Term(id="finra", title="FINRA", source=AT),
        Term(id="broker", title="Broker", source=AT),
    ]
    found = [(f.code, f.term, f.path) for f in TargetIndex.build(terms).clashes]
    assert found == [("S104", "kos", "seeds/kos.md"), ("S104", "stock", "seeds/stock.md")]
    message = next(f.message for f in TargetIndex.build(terms).clashes if f.term == "kos")
    assert "'cost'" in message
    assert "Malay headword" in message


def test_english_headword_resolves_only_when_given() -> None:
    plain = Term(id="dl", title="Dana lindung nilai", source=AT)
    with_en = Term(id="dl", title="Dana lindung nilai", source=AT,
                   english=English(title="Hedge fund", status="translated"))
    assert resolve("/hedgefund", TargetIndex.build([plain])) is None
    assert resolve("/hedge-fund", TargetIndex.build([with_en])) == "dl"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_ ", max_size=30))
@settings(max_examples=80)
def test_target_key_ignores_case_and_separators(slug: str) -> None:
    assert target_key(slug.upper()) == target_key(slug)
    assert target_key("/" + slug.replace("-", "")) == target_key("/" + slug)


# -- the parallel set: an unseen glossary ------------------------------------------------------


def test_parallel_set_resolves_every_link_between_articles(tmp_path: Path) -> None:
    shutil.copytree(PARALLEL / "ms", tmp_path / "seeds")
    expected = json.loads((PARALLEL / "expected.json").read_text(encoding="utf-8"))
    g = glossari.load(tmp_path)
    for term_id, want in expected.items():
        assert g[term_id].title == want["ms"]
        refs = g.links_from(term_id)
        assert [r.link.target for r in refs] == want["links"]
        for ref in refs:
            assert ref.target is not None
            assert ref.resolved == (ref.link.target in expected)
    link_only = {t.id: t for t in g if t.kind == "link"}
    assert set(link_only) == {"securities", "mutualfund"}
    assert (link_only["securities"].title, link_only["securities"].en_title) == (
        "sekuriti", "securities")
    assert (link_only["mutualfund"].title, link_only["mutualfund"].en_title) == (
        "dana bersama", "mutual fund")
    assert len(g.backlinks("securities")) == 2
    assert not [f for f in g.findings if f.code in ("S103", "S104")]


# -- suggestions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "english"), [
    ("investmentadvisor", "investment advisor"),
    ("primebrokerage", "prime brokerage"),
    ("broker-dealer", "broker-dealer"),
    ("mutualfund", "mutual fund"),
    ("returnoninvestment", "return on investment"),
    ("exchangetradedfund", "exchange traded fund"),
    ("klse", "KLSE"), ("kwsp", "KWSP"), ("capm", "CAPM"),
    # ordinary words the list does not hold are not shouted (APPLY, WRAP, STOCKS before)
    ("apply", "apply"), ("wrap", "wrap"), ("stocks", "stocks"), ("hidden", "hidden"),
    ("zzqxv", "ZZQXV"),
    ("qwertyuiop", "qwertyuiop"),  # no known words: left whole, never cut into fragments
])
def test_slug_suggestions(slug: str, english: str) -> None:
    assert suggest_english(slug) == english


def test_acronyms_come_from_the_text() -> None:
    assert suggest_english("finra") == "finra"
    assert suggest_english("finra", acronyms={"finra"}) == "FINRA"
    assert not looks_like_acronym("fund")


def test_glossary_words_extend_the_list() -> None:
    words = default_words()
    assert words.split("leverajfund") == ("leverajfund",)
    assert words.extended(["leveraj"]).split("leverajfund") == ("leveraj", "fund")


@given(st.lists(st.sampled_from(["fund", "market", "risk", "net", "asset", "value", "bond",
                                 "investment", "advisor", "prime", "brokerage", "hedge"]),
                min_size=1, max_size=5))
@settings(max_examples=80)
def test_a_suggestion_keeps_every_letter(parts: list[str]) -> None:
    slug = "".join(parts)
    suggestion = suggest_english(slug, words=WordList.from_ranked(parts))
    assert suggestion.replace(" ", "").lower() == slug


def test_a_kebab_case_glossary_s_suggestions_read_hyphens_as_spaces(tmp_path: Path) -> None:
    # slugs written kebab-case (a hyphen between every two words) suggest words, not the slug;
    # in the shipped seed's style (run-together slugs) the hyphen of broker-dealer is the term's
    article("---\ntitle: Bon\n---\nLihat [Suruhanjaya Sekuriti](/securities-commission), "
            "[kadar faedah](/interest-rate) dan [bon korporat](/corporate-bond).\n",
            "bon", tmp_path)
    g = glossari.load(tmp_path)
    assert {t.id: (t.en_title, t.english.status) for t in g if t.kind == "link"} == {
        "securities-commission": ("securities commission", "suggested"),
        "interest-rate": ("interest rate", "suggested"),
        "corporate-bond": ("corporate bond", "suggested")}


def test_a_run_together_glossary_keeps_the_hyphen_of_a_term(seed_only: Path) -> None:
    g = glossari.load(seed_only)
    assert g["broker-dealer"].en_title == "broker-dealer"
    assert g["investmentadvisor"].en_title == "investment advisor"


@pytest.mark.parametrize("kebab", [True, False])
def test_an_ampersand_in_a_slug_is_written_in_its_suggestion(tmp_path: Path, kebab: bool) -> None:
    # /p&s is the id p-s (a file name and a URL), but its English is P&S: read from the id, it
    # was 'p s', two letters no reader asked for
    other = ("[kadar faedah](/interest-rate)" if kebab else "[pembrokeran utama](/primebrokerage)")
    article("---\ntitle: Saham\n---\nLihat [P&S](/p&s), [M & A](/m%20&%20a), "
            f"[untung dan rugi](/profit&loss) dan {other}.\n", "saham-saham", tmp_path)
    g = glossari.load(tmp_path)
    assert {i: (g[i].title, g[i].en_title, g[i].english.status)
            for i in ("p-s", "m-a", "profit-loss")} == {
        "p-s": ("P&S", "P&S", "suggested"), "m-a": ("M & A", "M&A", "suggested"),
        "profit-loss": ("untung dan rugi", "profit & loss", "suggested")}
    assert g.lookup("/p&s") is g["p-s"]


def test_a_french_link_translation_is_filed_without_its_french_determiner(tmp_path: Path) -> None:
    # a glossary translated into French: the determiners its sentences put before a link's
    # translation ('sa prime', 'la prime', "l'assurance") were kept, since only English ones
    # were known, so each was one more variant, 'sa prime' a link-only term's French headword
    article("---\ntitle: Premium insurans\n---\nLihat [premiumnya](/premium) dan "
            "[premium](/premium).\n", "premium-insurans", tmp_path)
    article("---\ntitle: Polisi\n---\n[Premium](/premium-insurans) dan [insurans](/insurance) "
            "dan [insurans hayat](/life-insurance), [Bank Negara](/bnm).\n", "polisi", tmp_path)
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    entries = [("premium-insurans", "Premium insurans", "Prime"), ("polisi", "Polisi", "Police"),
               ("/premium", "premiumnya", "sa prime"), ("/premium", "premium", "la prime"),
               ("/premium-insurans", "Premium", "La prime"),
               ("/insurance", "insurans", "l\u2019assurance"),
               ("/life-insurance", "insurans hayat", "L'assurance vie"),
               ("/bnm", "Bank Negara", "La Banque du Maroc")]
    (folder / "glossary.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
        + "".join(f'msgctxt "{c}"\nmsgid "{i}"\nmsgstr "{s}"\n\n' for c, i, s in entries),
        encoding="utf-8")
    g = glossari.load(tmp_path, lang="fr")
    assert (g["premium-insurans"].en_title, g["premium-insurans"].names.english_variants) == (
        "Prime", ())
    assert [(g[i].en_title, g[i].names.english_variants) for i in
            ("premium", "insurance", "life-insurance", "bnm")] == [
        ("prime", ()), ("assurance", ()), ("assurance vie", ()), ("La Banque du Maroc", ())]
    assert g.lookup("assurance") is g["insurance"]


@pytest.mark.parametrize("kebab", [True, False])
def test_a_slug_spelling_its_malay_link_text_suggests_no_english(tmp_path: Path,
                                                                 kebab: bool) -> None:
    # [yuran pengurusan](/yuran-pengurusan): the slug is the Malay name, and its suggested
    # English headword was `yuran pengurusan`, Malay; a slug English shares stays suggested
    other = "[kadar faedah](/interest-rate)" if kebab else "[pembrokeran utama](/primebrokerage)"
    article("---\ntitle: Yuran\n---\nLihat [yuran pengurusan](/yuran-pengurusan), "
            "[Inflasi](/inflasi), [Dana ETF](/dana-etf), "
            "[saham-saham keutamaan](/saham-keutamaan), "
            f"[bon](/bond), [FINRA](/finra), [ETF](/etf) dan {other}.\n",
            "yuran-yuran", tmp_path)
    g = glossari.load(tmp_path)
    assert {i: (g[i].en_title, g[i].english.status) for i in (
        "yuran-pengurusan", "inflasi", "dana-etf", "bond", "finra", "etf")} == {
        "yuran-pengurusan": (None, "untranslated"), "inflasi": (None, "untranslated"),
        "dana-etf": (None, "untranslated"), "bond": ("bond", "suggested"),
        "finra": ("FINRA", "suggested"), "etf": ("ETF", "suggested")}
    # a word of the text written reduplicated is in the slug once: the same Malay
    assert (g["saham-keutamaan"].en_title, g["saham-keutamaan"].english.status) == (
        None, "untranslated")


def test_link_only_terms_reads_each_link_target_s_slug_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # an article of 9,000 links made 45,000 slug_text calls (2.4 CPU-s in compile): each
    # target's slug was made four times over (the style, the id, the spelling, the fewest
    # capitals) beside its spelling; one slug and one spelling a target is enough
    import importlib

    links_module = importlib.import_module("glossari.align.links")
    resolve_module = importlib.import_module("glossari.align.resolve")
    from glossari.seeds.article import parse_article

    calls = 0
    real = resolve_module.slug_text

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(resolve_module, "slug_text", counting)
    for n in (50, 400):
        body = " ".join(f"[saham-saham {i}](/share-{i}) dan [pelaburannya {i}](/Share-{i})"
                        for i in range(n))
        term = parse_article(f"---\ntitle: Peniaga broker\n---\n\n# Peniaga broker\n\n{body}\n",
                             term_id="peniaga-broker", source="seeds/peniaga-broker.md")
        calls = 0
        found = links_module.link_only_terms([term])
        assert len(found) == n
        assert calls <= 2 * (2 * n), (n, calls)  # a slug and a spelling per target written
