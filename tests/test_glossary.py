"""The Glossary collection: load, order, lookup, and the errors of a bad folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import glossari
from glossari.errors import RootError, SeedError

ROOT = Path(__file__).resolve().parent.parent


def article(title: str, body: str = "Teks.\n", extra: str = "") -> str:
    return f"---\ntitle: {title}\ndescription: Takrif.\n{extra}---\n\n{body}"


def make_root(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (seeds / name).write_bytes(data)
    return tmp_path


def test_load_default_is_the_checkout_or_bundle() -> None:
    glossary = glossari.load(ROOT)
    assert "accountexecutive" in glossary
    assert glossary["accountexecutive"].title == "Eksekutif akaun"


def test_iteration_in_malay_alphabetical_order(tmp_path: Path) -> None:
    root = make_root(tmp_path, {
        "zed.md": article("Ąkaun semasa"), "b.md": article("bon"), "c.md": article("Cukai"),
        "a.md": article("akaun"),
    })
    glossary = glossari.load(root)
    assert [t.title for t in glossary] == ["akaun", "Ąkaun semasa", "bon", "Cukai"]
    assert len(glossary) == 4


@pytest.mark.parametrize("query", [
    "accountexecutive", "Eksekutif akaun", "EKSEKUTIF AKAUN", "eksekutif-akaun",
    "  eksekutif   akaun ", "Éksekutif Akaun", "eksekutifakaun",
])
def test_lookup_ignores_case_spacing_hyphens_accents(query: str) -> None:
    assert glossari.load(ROOT).lookup(query).id == "accountexecutive"


def test_lookup_miss_suggests_close_matches() -> None:
    with pytest.raises(KeyError, match="did you mean 'Eksekutif akaun'"):
        glossari.load(ROOT).lookup("eksekutif akuan")
    with pytest.raises(KeyError) as info:
        glossari.load(ROOT).lookup("zzzz")
    assert "did you mean" not in str(info.value)


@pytest.mark.parametrize(("query", "found"), [
    ("Exchange-Traded Fund", "etf"), ("exchange traded fund", "etf"),
    ("Exchange-Traded Fund (ETF)", "etf"), ("Dana Dagangan Bursa", "etf"), ("ETF", "etf"),
    ("Akaun", "akaun"), ("Savings account (deposit)", "akaunsimpanan"),
])
def test_a_headword_name_and_acronym_is_found_by_its_name_in_either_language(
    tmp_path: Path, query: str, found: str,
) -> None:
    """``Name (ACR)`` is also ``Name``, in English as in Malay (``find_terms`` read it so;
    ``show "Exchange-Traded Fund"`` said no such term); a gloss is no acronym."""
    from glossari.glossary import Glossary
    from glossari.model import English, Location, Term

    at = Location(path="seeds/x.md", line=1)
    terms = [
        Term(id="etf", title="Dana Dagangan Bursa (ETF)", source=at,
             english=English(title="Exchange-Traded Fund (ETF)", status="translated")),
        Term(id="akaun", title="Akaun", source=at),
        Term(id="akaunsimpanan", title="Akaun (simpanan)", source=at,
             english=English(title="Savings account (deposit)", status="translated")),
    ]
    glossary = Glossary(terms, lang="en")
    assert glossary.lookup(query).id == found
    # the compiled termbase's lookup table is this index
    from glossari.text import lookup_key
    assert glossary.lookup_index()[lookup_key(query)] == found
    with pytest.raises(KeyError):
        glossary.lookup("Savings account")  # (deposit) is a gloss: no shorter name


def test_readme_in_seeds_is_not_an_article(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"a.md": article("A"), "README.md": "# About these seeds\n"})
    assert [t.id for t in glossari.load(root)] == ["a"]


def test_ids_differing_only_in_case_are_refused(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"Bond.md": article("Bon"), "bond.md": article("Bon 2")})
    with pytest.raises(SeedError) as info:
        glossari.load(root)
    assert info.value.path == "seeds/bond.md"
    assert "differs only in case" in str(info.value)


def test_missing_title_names_file_and_line(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"a.md": "---\ndescription: x\n---\nTeks.\n"})
    with pytest.raises(SeedError) as info:
        glossari.load(root)
    assert (info.value.path, info.value.line) == ("seeds/a.md", 3)
    assert isinstance(info.value, ValueError)
    assert "add 'title:" in str(info.value)


def test_explicit_root_without_seeds_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RootError, match="no seeds/ folder"):
        glossari.load(tmp_path)


def test_inside_a_glossary_folder_is_no_glossary_folder(tmp_path: Path) -> None:
    """Run from the seeds/ (or build/) of one's own glossary, every command read the bundled
    glossary instead: `check` passed it, `show komisen` found no such term."""
    from glossari.root import resolve_root

    (tmp_path / "seeds").mkdir()
    (tmp_path / "locale").mkdir()
    for inside in (tmp_path / "seeds", tmp_path / "build" / "site"):
        inside.mkdir(parents=True, exist_ok=True)
        with pytest.raises(RootError, match="inside the glossary folder") as info:
            resolve_root(cwd=inside)
        assert info.value.hint == (f"run glossari in {tmp_path}, or pass --root {tmp_path} "
                                   "(in Python, glossari.load(root=...))")
    assert resolve_root(cwd=tmp_path).path == tmp_path
    assert resolve_root(cwd=tmp_path.parent).bundled  # outside any glossary: the bundled one


def test_a_root_given_inside_a_glossary_folder_names_the_glossary_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--root g/seeds` (or `g/locale/en`, `g/build`) said "no seeds/ folder here; point --root
    at a glossary folder holding seeds/ and locale/", as for any folder: it names `g` now, as
    the same folder given as the current one does; a path that is no folder is as before."""
    from glossari.cli import main

    glossary = tmp_path / "g"
    for inside in ("seeds", "locale/en", "build/site"):
        (glossary / inside).mkdir(parents=True)
    for inside in ("seeds", "locale/en", "build/site"):
        with pytest.raises(RootError, match="inside the glossary folder") as info:
            glossari.load(glossary / inside)
        assert info.value.hint == f"pass --root {glossary} (in Python, glossari.load('{glossary}'))"
        assert main(["--root", str(glossary / inside), "show", "x"]) == 2
        assert capsys.readouterr().err == (
            f"glossari: error: {glossary / inside}: this folder is inside the glossary folder "
            f"{glossary}, not one itself; pass --root {glossary} (in Python, "
            f"glossari.load('{glossary}'))\n")
    for nowhere, said in ((glossary / "seeds" / "x.md", "no such folder"),
                          (glossary / "nope", "no such folder"),
                          (tmp_path, "no seeds/ folder here")):
        with pytest.raises(RootError, match=said):
            glossari.load(nowhere)


@pytest.mark.parametrize(("make", "said"), [
    (lambda p: None, "no such folder"),
    (lambda p: p.write_text("---\ntitle: Kos\n---\n", encoding="utf-8"), "not a folder"),
    (lambda p: p.mkdir(), "no seeds/ folder here"),
    (lambda p: (p / "locale" / "en").mkdir(parents=True), "no seeds/ folder here"),
])
def test_a_folder_that_is_no_glossary_says_what_it_is_and_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        make: Callable[[Path], object], said: str) -> None:
    """glossari.load('kamus') on a path to nothing, or to an article, said 'no seeds/ folder
    here', as for a folder; and its hint, 'point --root at a glossary folder', named the command
    line's option to a Python caller. Both now say what the path is, and the way to a glossary
    in either (and how to start one)."""
    from glossari.cli import main

    where = tmp_path / "kamus-kewangan"
    make(where)
    with pytest.raises(RootError) as info:
        glossari.load(where)
    assert isinstance(info.value, ValueError)
    assert (info.value.path, info.value.line, info.value.message) == (str(where), 0, said)
    for way in ("glossari --root DIR", "glossari.load(DIR)", "glossari init DIR"):
        assert way in info.value.hint
    assert main(["--root", str(where), "table"]) == 2
    assert capsys.readouterr().err == f"glossari: error: {info.value}\n"


def test_an_alias_written_twice_or_as_the_headword_is_no_other_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`aliases: hadiah, pemberian, Hibah, Hadiah, hadiah` are two other names: `show` said
    `aliases: hadiah, pemberian, Hibah, hadiah` (and `Term.names.aliases` held the four)."""
    from glossari.cli import main

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "hibah.md").write_text(
        "---\ntitle: Hibah\ndescription: Pemberian.\n"
        "aliases: [hadiah, pemberian, Hibah, 'Hadiah', hadiah]\n---\n\nTeks.\n", "utf-8")
    glossary = glossari.load(tmp_path)
    assert glossary["hibah"].names.aliases == ("hadiah", "pemberian")
    assert glossary.lookup("Hadiah").id == "hibah"
    assert main(["--root", str(tmp_path), "show", "hibah"]) == 0
    assert "  aliases: hadiah, pemberian\n" in capsys.readouterr().out


def test_a_link_in_the_definition_is_a_link_of_the_article(tmp_path: Path) -> None:
    """`description: ... [bon](/bon) dan [ijarah](/ijarah).` links as the body does: a backlink
    of *Bon*, a link-only term *ijarah* (S121), a link message to translate. It was no link at
    all: no backlink, no term, no finding, and the site showed 'ijarah' as dead text."""
    from glossari.checks import check
    from glossari.cli import main

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sukuk.md").write_text(
        "---\ntitle: Sukuk\nkeywords: Islam\n"
        "description: Sukuk berbeza daripada [bon](/bon) dan [ijarah](/ijarah).\n---\n\n"
        "# Sukuk\n\nTeks.\n", "utf-8")
    (tmp_path / "seeds" / "bon.md").write_text(
        "---\ntitle: Bon\nkeywords: Hutang\ndescription: Hutang.\n---\n\n# Bon\n\nTeks.\n",
        "utf-8")
    glossary = glossari.load(tmp_path)
    assert [(link.text, link.target, link.line) for link in glossary["sukuk"].links] == [
        ("bon", "bon", 4), ("ijarah", "ijarah", 4)]
    assert [ref.source.id for ref in glossary.backlinks("bon")] == ["sukuk"]
    assert glossary["ijarah"].kind == "link"
    assert glossary.lookup("ijarah").id == "ijarah"
    report = check(glossary, glossary.root, [])
    assert [(f.code, f.line) for f in report.findings if f.code == "S121"] == [("S121", 4)]
    assert main(["--root", str(tmp_path), "extract"]) == 0
    pot = (tmp_path / "locale" / "glossary.pot").read_text("utf-8")
    assert 'msgctxt "/ijarah"\nmsgid "ijarah"' in pot
    out = tmp_path / "site"
    assert main(["--root", str(tmp_path), "site", "-o", str(out)]) == 0
    page = (out / "terms" / "sukuk.html").read_text("utf-8")
    assert '<a href="ijarah.html">ijarah</a>' in page


def test_a_reference_link_in_the_definition_is_a_link_by_the_article_s_definitions(
        tmp_path: Path) -> None:
    """`description: ... [Syariah][s].` with `[s]: /sharia` below the body: the site showed a
    link to *Syariah* (it renders the definition with the article's reference definitions),
    while the library read the definition alone and found no link: no backlink on the
    *Syariah* page, no link message to translate, nothing in `show`'s links."""
    from glossari.cli import main

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "zakat.md").write_text(
        "---\ntitle: Zakat\nkeywords: Kewangan Islam\n"
        "description: Zakat dibayar mengikut [Syariah][s] kepada [amil][].\n---\n\n"
        "# Zakat\n\nLihat [premium][p].\n\n[s]: /sharia\n[p]: /premium\n"
        "[amil]: /zakat-collector\n", "utf-8")
    (tmp_path / "seeds" / "premium.md").write_text(
        "---\ntitle: Premium\ndescription: Bayaran.\n---\n\n# Premium\n\nTeks.\n", "utf-8")
    glossary = glossari.load(tmp_path)
    assert [(link.text, link.target, link.line) for link in glossary["zakat"].links] == [
        ("Syariah", "sharia", 4), ("amil", "zakat-collector", 4), ("premium", "premium", 9)]
    assert [ref.source.id for ref in glossary.backlinks("sharia")] == ["zakat"]
    assert glossary["zakat-collector"].title == "amil"
    assert main(["--root", str(tmp_path), "extract"]) == 0
    pot = (tmp_path / "locale" / "glossary.pot").read_text("utf-8")
    assert 'msgctxt "/sharia"\nmsgid "Syariah"' in pot
    out = tmp_path / "site"
    assert main(["--root", str(tmp_path), "site", "-o", str(out)]) == 0
    page = (out / "terms" / "sharia.html").read_text("utf-8")
    assert 'href="../terms/zakat.html"' in page or 'href="zakat.html"' in page


def test_bundled_root_is_read_only() -> None:
    from glossari.root import bundled_root

    with pytest.raises(RootError, match="read-only"):
        bundled_root().require_writable("extract")


def test_the_bundled_glossary_has_a_public_name(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A web project whose own `seeds/` holds database seeds: `load()` there reads that folder,
    which holds no article (refused, naming the way out), and an app had no public way to ask
    for the bundled glossary instead."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "users.json").write_text("[]", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SeedError, match=r"glossari\.BUNDLED for the bundled one"):
        glossari.load()
    bundled = glossari.load(glossari.BUNDLED)
    assert bundled.lookup("eksekutif akaun").id == "accountexecutive"
    assert "BUNDLED" in dir(glossari)
    assert (glossari.BUNDLED / "seeds").is_dir()


@pytest.mark.parametrize(("files", "said"), [
    ((), "seeds: no article in the folder; add one (seeds/<id>.md), or name the glossary "
         "folder whose seeds/ holds the articles (--root DIR; glossari.load(DIR), or "
         "glossari.BUNDLED for the bundled one)"),
    (("README.md", ".#peniaga-broker.md"), "seeds: no article in the folder; add one"),
    (("pelaburan/saham-saham.md",), "seeds: no article in the folder: "
                                    "seeds/pelaburan/saham-saham.md is in a subfolder (the "
                                    "articles are the files directly in seeds/) and is not "
                                    "read; move or rename the articles to seeds/<id>.md"),
    (("peniaga-broker.markdown", "kos.mdown", "a/b.md"), "seeds: no article in the folder: "
                                                         "seeds/a/b.md is in a subfolder (the "
                                                         "articles are the files directly in "
                                                         "seeds/) and is not read, nor are 2 "
                                                         "more files;"),
])
def test_a_seeds_folder_holding_no_article_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: tuple[str, ...], said: str,
) -> None:
    """An empty seeds/ (a wrong --root, the articles misnamed or in a subfolder) was read as an
    empty glossary: `show` said no such term, `table` printed an empty table, `compile` wrote
    an empty termbase, `site` a site of 0 terms, and `extract` emptied the templates, each with
    exit 0. Every reader of the folder refuses it, naming what it holds."""
    from glossari.cli import main

    root = tmp_path / "kewangan"
    (root / "seeds").mkdir(parents=True)
    (root / "locale").mkdir()
    for name in files:
        (root / "seeds" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "seeds" / name).write_text("---\ntitle: Saham\n---\nTeks.\n", encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        glossari.load(root)
    assert str(caught.value).startswith(said)
    for command in (["show", "saham"], ["table"], ["compile"], ["extract"],
                    ["search", "saham"], ["check"]):
        assert main(["--root", str(root), *command]) == 2, command
        err = capsys.readouterr().err
        assert err.startswith(f"glossari: error: {said}"), (command, err)
        assert len(err.splitlines()) == 1
    # nothing written (a lock file compile took is no output)
    assert [p.name for p in (root / "locale").rglob("*") if not p.name.startswith(".")] == []


def test_a_long_missing_name_is_named_by_its_start() -> None:
    glossary = glossari.load()
    with pytest.raises(KeyError) as caught:
        glossary.lookup("akaun " * 200_000)
    message = str(caught.value)
    assert len(message) < 200
    assert "'akaun akaun" in message


def test_lookup_finds_a_reduplicated_name_by_its_singular(tmp_path: Path) -> None:
    # docs/concepts.md: names are compared with Malay reduplication ignored, and docs/terms.md:
    # a term known only by [syarikat-syarikat induk](/parent-company) is `syarikat induk` too,
    # for show and lookup as for find; the compiled termbase answers the same
    from glossari.cli import main

    root = make_root(tmp_path, {
        "saham.md": article("Saham", "Lihat [syarikat-syarikat induk](/parent-company).\n"),
        "kira-kira.md": article("Kira-kira"),
        "kira.md": article("Kira"),
        "dana.md": article("Dana", extra="aliases: dana-dana awam\n"),
    })
    for glossary in (glossari.load(root), None):
        if glossary is None:
            for argv in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
                assert main(["--root", str(root), *argv]) == 0
            glossary = glossari.load(root)
            assert type(glossary).__name__ == "_CompiledGlossary"
        assert glossary.lookup("syarikat induk").id == "parent-company"
        assert glossary.lookup("Syarikat-syarikat induk").id == "parent-company"
        assert [m.term.id for m in glossary.find_terms("syarikat induk")] == ["parent-company"]
        assert glossary.lookup("dana awam").id == "dana"
        # a name as written wins over one folded from a reduplication
        assert glossary.lookup("kira").id == "kira"
        assert glossary.lookup("kira-kira").id == "kira-kira"


@pytest.mark.parametrize("lang", ["en_US", "fr", "ms"])
def test_load_refuses_a_language_the_commands_refuse(tmp_path: Path, lang: str) -> None:
    # the API gives the commands' answer (`glossari table -l en_US` exits 2): a mistyped code
    # must not read every term as untranslated
    from glossari.catalog.translations import require_catalogs
    from glossari.cli import main
    from glossari.errors import CatalogError
    from glossari.root import resolve_root

    root = make_root(tmp_path, {"kos.md": article("Kos")})
    for argv in (["extract"], ["update", "-l", "en"]):
        assert main(["--root", str(root), *argv]) == 0
    with pytest.raises(CatalogError) as refused:
        require_catalogs(resolve_root(root), lang)
    with pytest.raises(CatalogError) as info:
        glossari.load(root, lang=lang)
    # the same answer, naming the argument given: lang= in Python, -l on the command line
    assert (info.value.message, info.value.hint) == (refused.value.message, refused.value.hint)
    assert info.value.path == ("lang" if refused.value.path == "-l" else refused.value.path)
    assert main(["--root", str(root), "table", "-l", lang]) == 2
    assert glossari.load(root, lang="en")["kos"].english.status == "untranslated"


def test_every_public_name_is_importable_from_the_package() -> None:
    # what Glossary's methods return (LinkRef, SearchHit) and warn with (TermbaseWarning) can be
    # caught and annotated by the package's own names
    import importlib

    fresh = importlib.import_module("glossari")
    for name in fresh.__all__:
        value = getattr(fresh, name)
        assert value is not None, name
        if isinstance(value, type):
            assert value.__doc__, name
    assert issubclass(fresh.TermbaseWarning, UserWarning)
    assert {"LinkRef", "SearchHit", "TermbaseWarning"} <= set(dir(fresh))


def test_every_public_class_and_function_shows_itself_in_use() -> None:
    """help(glossari.load), help(glossari.Link), help(glossari.SearchHit) and most others said
    what the name is in a line and showed no use of it: a newcomer had to find a page of the
    docs. Each has a run example now, which pytest's doctests of the package check (their
    module is each name's own: pyproject's --doctest-modules)."""
    import doctest
    import inspect

    lacking = []
    for name in glossari.__all__:
        value = getattr(glossari, name)
        if not (inspect.isclass(value) or inspect.isfunction(value)):
            continue  # BUNDLED, __version__: values, described in the module's docstring
        examples = doctest.DocTestParser().get_examples(inspect.getdoc(value) or "")
        if not examples:
            lacking.append(name)
    # and the Glossary's questions (lookup and search showed none)
    for method in ("lookup", "search", "find_terms", "links_from", "backlinks", "__contains__"):
        doc = inspect.getdoc(getattr(glossari.Glossary, method)) or ""
        if not doctest.DocTestParser().get_examples(doc):
            lacking.append(f"Glossary.{method}")
    assert lacking == []


def test_links_of_no_term_is_a_type_error() -> None:
    # None (a lookup that found nothing, passed on) was an AttributeError: 'id'
    glossary = glossari.load()
    for method in (glossary.backlinks, glossary.links_from):
        with pytest.raises(TypeError, match="a term or a term id"):
            method(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("compiled", [False, True])
def test_what_a_glossary_was_read_from_cannot_be_reassigned(
    tmp_path: Path, compiled: bool
) -> None:
    # `glossary.lang = "fr"` was accepted: the terms kept their English sides, the termbase
    # its language, and repr, pickling and check answered for a glossary that was not this one
    import pickle

    from glossari.cli import main

    root = make_root(tmp_path, {"kos.md": article("Kos")})
    if compiled:
        assert main(["--root", str(root), "extract"]) == 0
        assert main(["--root", str(root), "update", "-l", "en"]) == 0
        assert main(["--root", str(root), "compile", "-l", "en"]) == 0
    with glossari.load(root) as glossary:
        assert (type(glossary).__name__ == "_CompiledGlossary") is compiled
        for name, value in (("root", None), ("lang", "fr"), ("translations", None),
                            ("findings", ())):
            with pytest.raises(AttributeError):
                setattr(glossary, name, value)
        assert glossary.lang == "en"
        assert glossary.root is not None
        assert glossary.root.path == root.resolve()
        assert (glossary.translations is None) is compiled
        copy = pickle.loads(pickle.dumps(glossary))
        assert (copy.root, copy.lang, [t.id for t in copy]) == (glossary.root, "en", ["kos"])
        copy.close()


def test_lookup_reads_a_name_with_the_possessive_as_a_link_text_does(tmp_path: Path) -> None:
    # docs/concepts.md: lookup accepts every name a link accepts, and a link text that only adds
    # the possessive -nya to a name names what the name names ([NST-nya](/x) leads to the NST
    # article); `show deduktibelnya` and lookup("NST-nya") said no term, from the sources and
    # from the termbase alike
    from glossari.align.resolve import TargetIndex
    from glossari.cli import main

    root = make_root(tmp_path, {
        "deductible.md": article("Deduktibel"),
        "nilai-serahan-tunai.md": article("Nilai serahan tunai (NST)"),
        "penanggung-insurans.md": article("Penanggung insurans", extra="aliases: insurer\n"),
        "kira-kira.md": article("Kira-kira"),
        "ha.md": article("Ha"),
    })
    wanted = {"deduktibelnya": "deductible", "Deduktibel-nya": "deductible",
              "NST-nya": "nilai-serahan-tunai", "nilai serahan tunainya": "nilai-serahan-tunai",
              "penanggung-penanggung insuransnya": "penanggung-insurans",
              "kira-kiranya": "kira-kira"}
    for glossary in (glossari.load(root), None):
        if glossary is None:
            for argv in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
                assert main(["--root", str(root), *argv]) == 0
            glossary = glossari.load(root)
            assert type(glossary).__name__ == "_CompiledGlossary"
        index = TargetIndex.build(list(glossary))
        for text, term_id in wanted.items():
            assert index.by_text(text)[:1] == (term_id,)  # where a link with the text goes
            assert glossary.lookup(text).id == term_id
        # only -nya after three letters: `hanya` is a word of its own, no `Ha` with -nya
        assert index.by_text("hanya") == ()
        with pytest.raises(KeyError):
            glossary.lookup("hanya")


@pytest.mark.parametrize("compiled", [False, True])
def test_a_term_of_the_glossary_is_in_it(tmp_path: Path, compiled: bool) -> None:
    """`in` took ids only: `term in glossary` was False for every term iteration gives, so
    `[t for t in terms if t in glossary]` dropped them all, read from sources or a termbase."""
    import dataclasses

    from glossari.cli import main

    root = make_root(tmp_path, {
        "peniaga-broker.md": "---\ntitle: Peniaga broker\naliases: [broker-peniaga]\n---\n\n"
                             "Peniaga-peniaga broker membeli [saham-saham](/saham).\n",
        "pelaburan.md": article("Pelaburan"),
    })
    if compiled:
        for argv in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
            assert main(["--root", str(root), *argv]) == 0
    with glossari.load(root) as glossary:
        assert (glossary.root.path / "locale" / "en" / "glossari.sqlite").is_file() == compiled
        terms = list(glossary)
        assert {t.id for t in terms} == {"peniaga-broker", "pelaburan", "saham"}
        assert all(term in glossary for term in terms)
        assert all(term.id in glossary for term in terms)
        other = dataclasses.replace(glossary["saham"], title="Saham biasa")
        assert other not in glossary  # another term under the same id is not the glossary's
        assert "Peniaga broker" not in glossary  # a headword is no id: lookup() takes it
        assert 5 not in glossary
        assert None not in glossary


def test_a_glossary_built_from_terms_has_one_term_per_id() -> None:
    """Glossary([kos, kos_lain]) counted two terms while g["kos"] gave one and g.lookup("kos")
    the other; the same term given twice was counted and iterated twice; a list of strings
    raised AttributeError ('str' object has no attribute 'id') from deep inside."""
    from glossari.model import Location, Term

    kos = Term(id="kos", title="Kos", source=Location(path="seeds/kos.md", line=1))
    kos_lain = Term(id="kos", title="Kos lain", source=Location(path="seeds/kos-lain.md", line=3))
    saham = Term(id="saham-saham", title="Saham", source=Location(path="seeds/saham.md", line=1))
    for terms in ([kos, saham, kos_lain], [kos, saham, kos]):
        with pytest.raises(SeedError) as info:
            glossari.Glossary(terms)
        assert isinstance(info.value, ValueError)
        assert (info.value.path, info.value.line) == (terms[2].source.path,
                                                      terms[2].source.line)
        assert "a second term with the id 'kos' (the first: seeds/kos.md:1)" in str(info.value)
    with pytest.raises(TypeError, match="a Glossary is made of Terms, not str"):
        glossari.Glossary(["kos"])  # type: ignore[list-item]
    glossary = glossari.Glossary(iter([saham, kos]))  # any iterable, read once
    assert [t.id for t in glossary] == ["kos", "saham-saham"]
    assert glossary.lookup("kos") is glossary["kos"] is kos


@pytest.mark.parametrize("empty", ["", " ", "\t"])
def test_an_empty_root_is_refused_not_read_as_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty: str) -> None:
    """glossari.load("") read the current folder (Path("") is '.'), where `--root ""` is
    refused: glossari.load(os.environ.get("GLOSSARY", "")) answered from wherever the program
    stood, a glossary folder's seeds/ if it held one."""
    from glossari.errors import InputError

    root = make_root(tmp_path, {"kos-jualan.md": article("Kos jualan")})
    monkeypatch.chdir(root)
    assert [t.id for t in glossari.load(".")] == ["kos-jualan"]
    with pytest.raises(InputError) as info:
        glossari.load(empty)
    assert isinstance(info.value, ValueError)
    assert str(info.value) == ("root: an empty file or folder name; give one ('.' for the "
                               "current folder)")


def test_a_term_or_its_english_side_built_wrong_is_refused_at_once() -> None:
    """`Term(kind="artikel")` was made, and was neither an article nor a link to every reader
    after it; `categories="Kewangan"` became eight one-letter categories, a list broke the
    glossary's indexes (unhashable), `English(status="diterjemah")` a status no table knows."""
    import dataclasses

    from glossari.errors import InputError
    from glossari.model import English, Link, Location, Term

    at = Location(path="seeds/peniaga-broker.md", line=1)
    term = Term(id="peniaga-broker", title="Peniaga broker", source=at)
    with pytest.raises(InputError) as caught:
        Term(id="peniaga-broker", title="Peniaga broker", source=at,
             kind="artikel")  # type: ignore[arg-type]
    assert str(caught.value) == "Term.kind: must be 'article' or 'link', not 'artikel'"
    assert isinstance(caught.value, ValueError)
    with pytest.raises(InputError, match=r"^Term\.kind: "):
        dataclasses.replace(term, kind="Link")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^English\.status: must be 'translated' or 'fuzzy' or "
                                         r"'suggested' or 'untranslated', not 'diterjemah'$"):
        English(title="Broker-dealer", status="diterjemah")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^Term\.id: a term's id is empty"):
        dataclasses.replace(term, id="")
    with pytest.raises(InputError, match=r"^Term\.title_line: "):
        dataclasses.replace(term, title_line=-1)
    wrong: list[tuple[str, object, str]] = [
        ("categories", "Kewangan", "Term.categories is a tuple of str, not str"),
        ("categories", ["Kewangan"], "Term.categories is a tuple of str, not list"),
        ("categories", ("Kewangan", None), "Term.categories is a tuple of str; it holds a "
                                           "NoneType"),
        ("id", 7, "Term.id is a str, not int"),
        ("title", b"Saham-saham", "Term.title is a str or None, not bytes"),
        ("source", "seeds/peniaga-broker.md:1", "Term.source is a Location, not str"),
        ("links", (("pelaburannya", "investment"),), "Term.links is a tuple of Link; it holds "
                                                     "a tuple"),
        ("meta", (("aliases",),), "Term.meta is a tuple of (key, value) pairs of str"),
        ("english", "Broker-dealer", "Term.english is an English, not str"),
        ("title_line", True, "Term.title_line is an int, not bool"),
    ]
    for name, value, said in wrong:
        with pytest.raises(TypeError) as refused:
            dataclasses.replace(term, **{name: value})
        assert str(refused.value).startswith(said), (name, str(refused.value))
    # what is right is taken as it was
    link = Link(text="pelaburannya", target="investment", line=3)
    assert dataclasses.replace(term, kind="link", links=(link,), categories=("Kewangan",),
                               english=English(status="suggested")).kind == "link"


class _Saham(str):
    """A str of its own kind: a str to every rule, as ``isinstance`` says."""


@pytest.mark.parametrize(("kind", "name", "value", "said"), [
    ("Term", "sections", ("Apakah itu saham-saham?",), "Term.sections is a tuple of Section; "
                                                        "it holds a str"),
    ("Term", "highlights", ("pelaburannya",), "Term.highlights is a tuple of Block; it holds"),
    ("Term", "findings", ("S113",), "Term.findings is a tuple of Finding; it holds a str"),
    ("Term", "definition_lines", ("3",), "Term.definition_lines is a tuple of int; it holds"),
    ("Term", "definition_lines", (True,), "Term.definition_lines is a tuple of int; it holds "
                                          "a bool"),
    ("English", "sections", ("What Is a Broker-Dealer?",), "English.sections is a tuple of "
                                                           "Section; it holds a str"),
    ("English", "highlights", ("ETF",), "English.highlights is a tuple of Block; it holds"),
    ("Term", "title", _Saham("Saham-saham"), None),
    ("Term", "kind", _Saham("link"), None),
    ("Term", "categories", (_Saham("Pelaburan"),), None),
    ("English", "title", _Saham("Shares"), None),
])
def test_each_field_of_a_term_is_judged_by_one_rule(
        kind: str, name: str, value: object, said: str | None) -> None:
    """A Term's and an English side's fields were checked twice, by a quick test and, when it
    failed, by a slow one that said which field was wrong: the two disagreed. The quick test
    never looked inside sections, highlights, findings or definition lines, so a Term whose
    sections were strings (`sections=("Apakah itu saham-saham?",)`) was made, and broke its
    reader far away. Each field has one rule now; a str of a subclass is a str to it."""
    import dataclasses

    from glossari.model import English, Location, Term

    at = Location(path="seeds/saham-saham.md", line=1)
    built = (Term(id="saham-saham", title="Saham-saham", source=at) if kind == "Term"
             else English(title="Shares", status="translated"))
    if said is None:
        assert getattr(dataclasses.replace(built, **{name: value}), name) == value
        return
    with pytest.raises(TypeError) as refused:
        dataclasses.replace(built, **{name: value})
    assert str(refused.value).startswith(said), str(refused.value)


@pytest.mark.parametrize("command", [["extract"], ["update", "-l", "en"], ["check"]])
def test_the_wheel_s_bundled_glossary_named_by_its_folder_stays_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    """In a wheel the glossary lives in ``glossari/_bundle``; named by that folder, as README
    says to (``glossari.load(glossari.BUNDLED)``, or ``--root`` given the path it prints), it
    was taken for the user's own glossary: ``extract`` and ``update`` wrote into the installed
    package, and ``check`` left its cache there."""
    import shutil

    import glossari.root
    from glossari.cli import main

    repo = Path(__file__).resolve().parent.parent
    package = tmp_path / "site-packages" / "glossari"
    bundle = package / "_bundle"
    shutil.copytree(repo / "seeds", bundle / "seeds")
    shutil.copytree(repo / "locale", bundle / "locale",
                    ignore=shutil.ignore_patterns("glossari.sqlite*", ".glossari-*"))
    (bundle / "seeds" / "accountexecutive.md").write_text(
        (bundle / "seeds" / "accountexecutive.md").read_text("utf-8").replace(
            "title: Eksekutif akaun", "title: Eksekutif-eksekutif akaun"), encoding="utf-8")
    before = {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    monkeypatch.setattr(glossari.root, "_PACKAGE_DIR", package)
    monkeypatch.chdir(tmp_path)
    assert glossari.load(bundle).root.bundled
    code = main(["--root", str(bundle), *command])
    err = capsys.readouterr().err
    if command[0] == "check":
        assert code in (0, 1), err
    else:
        assert code == 2, err
        assert "bundled with glossari, which is read-only" in err
    assert {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()} == before


_NO_LETTER = "-—\u2013*!?./ .,'\"#&()…"


@pytest.fixture(scope="module")
def punctuation_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A compiled glossary where a link text and an alias hold no letter or digit."""
    from glossari.cli import main

    root = tmp_path_factory.mktemp("punctuation") / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos-jualan.md").write_text(
        '---\ntitle: Kos jualan\naliases: "—, ..."\n---\n\n'
        "Lihat [—](/yuran), [***](/caj) dan [saham-saham](/saham).\n", encoding="utf-8")
    for command in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
        assert main(["--root", str(root), *command]) == 0
    return root


@given(st.text(st.sampled_from(_NO_LETTER), max_size=6))
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_text_of_no_letter_or_digit_names_no_term(punctuation_names: Path, text: str) -> None:
    """lookup('!!'), lookup('') or lookup('—') answered the link-only term of [***](/caj): every
    name of no letter or digit has the empty key, which held the first such term, and `show
    '!!'` showed it; such a name tells no term apart, compiled or read from the sources."""
    import sqlite3
    import warnings

    from glossari.glossary import TermbaseWarning, load_glossary

    with warnings.catch_warnings():
        warnings.simplefilter("error", TermbaseWarning)
        compiled = glossari.load(punctuation_names, lang="en")
    for glossary in (compiled, load_glossary(punctuation_names, lang="en", compiled=False)):
        with pytest.raises(KeyError):
            glossary.lookup(text)
        assert "" not in glossary.lookup_index()
        assert glossary.lookup("/caj").id == glossary.lookup("caj").id == "caj"
        assert glossary.lookup("Saham-saham").id == "saham"
    termbase = punctuation_names / "locale" / "en" / "glossari.sqlite"
    with sqlite3.connect(f"{termbase.as_uri()}?mode=ro", uri=True) as db:
        assert db.execute("SELECT count(*) FROM lookup WHERE key = ''").fetchone() == (0,)


@pytest.mark.parametrize("typed", ["pelaburan", "Pelaburan", "pelaburan-pelaburan",
                                   "pelaburannya", "OPR", "opr", "dividen", "Dividen-dividen"])
def test_a_link_only_term_is_looked_up_by_any_form_find_reads_as_it(tmp_path: Path,
                                                                   typed: str) -> None:
    """[pelaburannya](/investment) alone makes the link-only term *pelaburannya*, which find
    reads in `pelaburan`; lookup('pelaburan') and `show pelaburan` said "no term ...; did you
    mean 'pelaburannya'?", compiled or read from the sources. A term named `dividen` keeps
    that name, though another's link text is `dividennya`."""
    from glossari.cli import main
    from glossari.glossary import load_glossary

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "saham-biasa.md").write_text(
        "---\ntitle: Saham biasa\n---\n\nBentuk [pelaburannya](/investment) yang lazim, "
        "naik [OPR-nya](/opr) dan [dividennya](/payout).\n", encoding="utf-8")
    (root / "seeds" / "dividen.md").write_text(
        "---\ntitle: Dividen\n---\n\nBayaran kepada pemegang [saham biasa](/saham-biasa).\n",
        encoding="utf-8")
    for command in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
        assert main(["--root", str(root), *command]) == 0
    expected = {"pelaburan": "investment", "opr": "opr", "dividen": "dividen"}
    for glossary in (glossari.load(root, lang="en"),
                     load_glossary(root, lang="en", compiled=False)):
        term = glossary.lookup(typed)
        found = [m.term.id for m in glossary.find_terms(f"Tentang {typed} itu.")]
        # OPR-nya is the acronym OPR, found in capitals only as FINRA is (a lookup ignores case)
        assert found == ([] if typed == "opr" else [term.id])
        assert term.id == next(v for k, v in expected.items() if typed.lower().startswith(k))


_APOSTROPHES = "'\u2018\u2019\u201a\u201b\u02bc\u2032"  # glossari.text.APOSTROPHES, spelled out


@pytest.mark.parametrize("written", ["'", "\u2019", "\u02bc"])
def test_every_apostrophe_names_a_headword_ending_in_one(tmp_path: Path, written: str) -> None:
    """The modifier letter apostrophe (U+02BC) is an apostrophe, as docs/terms.md lists it:
    Unicode calls it a letter, so lookup('Tabarru\u02bc') missed the article Tabarru' (and
    Tabarru\u02bc the name Tabarru'), and find saw no term in 'Tabarru\u02bc ialah derma'."""
    root = make_root(tmp_path, {
        "tabarru.md": article(f"Tabarru{written}", f"# Tabarru{written}\n\nTeks.\n"),
        "ta-awun.md": article(f"Ta{written}awun")})
    glossary = glossari.load(root)
    for typed in _APOSTROPHES:
        assert glossary.lookup(f"Tabarru{typed}").id == "tabarru"
        assert glossary.lookup(f"tabarru{typed}nya").id == "tabarru"
        assert glossary.lookup(f"ta{typed}awun").id == "ta-awun"
        text = f"Tabarru{typed} ialah derma, ta{typed}awunnya"
        assert [(m.term.id, m.text) for m in glossary.find_terms(text)] == [
            ("tabarru", f"Tabarru{typed}"), ("ta-awun", f"ta{typed}awunnya")]


@pytest.mark.parametrize("written", ["'", "\u2019", "\u02bc"])
def test_a_link_target_written_with_any_apostrophe_is_one_link_only_term(
        tmp_path: Path, written: str) -> None:
    """``/syar\u02bci`` (the modifier letter apostrophe, a letter to Unicode) is the link-only
    term ``syar-i``, as ``/syar'i`` and ``/syar\u2019i`` are: its id, and the site's page name,
    kept the character (``syar\u02bci``), and which of the two a glossary got hung on the
    order its articles spelled the target."""
    root = make_root(tmp_path, {"hukum.md": article(
        "Hukum", f"# Hukum\n\nLihat [syar{written}i](/syar{written}i).\n")})
    glossary = glossari.load(root)
    term = glossary.lookup(f"/syar{written}i")
    assert (term.id, term.kind) == ("syar-i", "link")
    assert "syar-i" in glossary


@pytest.mark.parametrize("item", [[], {}, {"saham"}, ["saham"], None, 5, b"saham"])
def test_in_answers_false_for_what_is_no_id_from_sources_and_termbase_alike(
        compiled_root: Path, tmp_path: Path, item: object) -> None:
    """``[] in glossary`` raised TypeError ("unhashable type: 'list'") from a glossary read
    from its sources and was False from a compiled one: an app's ``if x in glossary`` crashed
    or not by whether the termbase was fresh. Both answer False for anything but an id or a
    Term of theirs."""
    import shutil

    sources = tmp_path / "sources"
    shutil.copytree(compiled_root, sources)
    (sources / "locale" / "en" / "glossari.sqlite").unlink()
    compiled = glossari.load(compiled_root)
    with pytest.warns(glossari.TermbaseWarning):
        read = glossari.load(sources)
    assert type(compiled) is not type(read)
    for glossary in (compiled, read):
        assert (item in glossary) is False
        assert "ekuiti" in glossary
