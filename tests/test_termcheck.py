"""``glossari termcheck``: a third party's catalog checked against the glossary's terms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.checks.termcheck import TermChecker, blank_placeholders
from glossari.cli import main
from glossari.errors import CatalogError
from glossari.model import English, Location, Names, Term

HEADER = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ms\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
'''

# (msgid lines, msgstr lines, expected: None = fine, "skip", or the term id reported)
ENTRIES: list[tuple[str, str | None]] = [
    ('msgid "Commissions are charged per trade."\n'
     'msgstr "Komisen-komisen dikenakan bagi setiap dagangan."\n', None),
    ('#, python-format\nmsgid "Our hedge funds pay %d%% commission."\n'
     'msgstr "Dana-dana lindung nilai kami membayar komisennya %d%%."\n', None),
    ('msgctxt "button"\nmsgid "Investment advisors"\nmsgstr "Penasihat-penasihat pelaburan"\n',
     None),
    ('msgid "One broker-dealer"\nmsgid_plural "%(count)d broker-dealers"\n'
     'msgstr[0] "%(count)d peniaga broker"\n', None),
    ('msgid "Fee: {commission}"\nmsgstr "Yuran: {commission}"\n', None),
    ('#, fuzzy\nmsgid "The commission"\nmsgstr "Yuran itu"\n', "skip"),
    ('msgid "Untranslated commission"\nmsgstr ""\n', "skip"),
    ('msgid "The commission of {name}"\nmsgstr "Yuran {name}"\n', "commission"),
    ('msgid "Prime brokerage for hedge funds"\n'
     'msgstr "Pembrokeran utama untuk dana pelaburan"\n', "hedgefund"),
    ('msgctxt "menu"\nmsgid "Investment advisors"\nmsgstr "Perunding kewangan"\n',
     "investmentadvisor"),
    ('msgid "One commission"\nmsgid_plural "%d commissions"\nmsgstr[0] "%d yuran"\n',
     "commission"),
]


def _catalog(tmp_path: Path) -> tuple[Path, list[tuple[int, str]]]:
    text = HEADER
    expected: list[tuple[int, str]] = []
    for body, outcome in ENTRIES:
        text += "\n"
        line = text.count("\n") + 1
        text += body
        if outcome not in (None, "skip"):
            expected.append((line, outcome))  # an entry's line is its first, comments included
    path = tmp_path / "app.po"
    path.write_text(text, encoding="utf-8")
    return path, expected


def _terms() -> list[Term]:
    where = Location(path="seeds/x.md", line=1)
    rows = [("commission", "Komisen", "Commission"), ("hedgefund", "Dana lindung nilai",
            "Hedge fund"), ("investmentadvisor", "Penasihat pelaburan", "Investment advisor"),
            ("broker-dealer", "Peniaga broker", "Broker-dealer"),
            ("primebrokerage", "Pembrokeran utama", "Prime brokerage"),
            ("draft", "Draf", "Draft")]
    terms = [Term(id=i, title=ms, english=English(title=en, status="translated"), source=where)
             for i, ms, en in rows]
    # a slug suggestion is nobody's decision: it takes no part
    terms.append(Term(id="securities", title="Sekuriti", kind="link", source=where,
                      english=English(title="securities", status="suggested")))
    return terms


def test_consistent_entries_pass_and_each_other_translation_is_one_finding(
    tmp_path: Path,
) -> None:
    path, expected = _catalog(tmp_path)
    checker = TermChecker(_terms())
    found = list(checker.check_file(path, name="app.po"))
    lines = [(f.line, f.term) for f in found]
    assert sorted(lines) == sorted(expected)
    assert {f.code for f in found} == {"T410"}
    assert all(f.path == "app.po" and f.lang == "ms" for f in found)
    commission = next(f for f in found if f.term == "commission")
    assert "'commission'" in commission.message
    assert "'Komisen'" in commission.message
    counts = checker.counts
    assert (counts.entries, counts.fuzzy, counts.untranslated) == (len(ENTRIES), 1, 1)
    assert counts.checked == len(ENTRIES) - 2
    assert len(checker) == 6


def test_the_reverse_direction(tmp_path: Path) -> None:
    path = tmp_path / "en.po"
    path.write_text(HEADER.replace("Language: ms", "Language: en") + '''
msgid "Komisennya tinggi."
msgstr "The commissions are high."

msgid "Eksekutif akaun itu dibayar komisen."
msgstr "The executive was paid a fee."
''', encoding="utf-8")
    found = list(TermChecker(_terms(), source="ms", target="en").check_file(path))
    assert [(f.line, f.term) for f in found] == [(10, "commission")]
    assert "'Commission'" in found[0].message


def test_a_verb_made_on_a_malay_term_is_no_use_of_it(tmp_path: Path) -> None:
    """With a Malay source, ``mewasiatkan`` (to bequeath) and ``dicairkan`` (liquidated) wanted
    *Will* and *Liquid*, and ``sesaham`` (per share) *Share*, in the translation: T401 reads
    none of them as a use of the term (:func:`glossari.checks.terms.another_word`), and
    termcheck now reads the Malay by the same rule; the term with its possessive is one."""
    where = Location(path="seeds/x.md", line=1)
    terms = [Term(id=i, title=ms, english=English(title=en, status="translated"), source=where)
             for i, ms, en in [("wasiat", "Wasiat", "Will"), ("cair", "Cair", "Liquid"),
                               ("saham", "Saham", "Share")]]
    path = tmp_path / "en.po"
    path.write_text(HEADER.replace("Language: ms", "Language: en") + '''
msgid "Anda boleh mewasiatkan rumah itu."
msgstr "You may bequeath the house."

msgid "Pelaburannya dicairkan."
msgstr "The investments were liquidated."

msgid "Dividen 5 sen sesaham."
msgstr "A dividend of 5 sen each."

msgid "Wasiatnya sah."
msgstr "The testament is valid."
''', encoding="utf-8")
    found = list(TermChecker(terms, source="ms", target="en").check_file(path))
    assert [(f.line, f.term) for f in found] == [(16, "wasiat")]


def test_no_term_no_finding(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text(HEADER + '\nmsgid "Commitment"\nmsgstr "Komitmen"\n\n'
                    'msgid "The commissioner"\nmsgstr "Pesuruhjaya"\n', encoding="utf-8")
    checker = TermChecker(_terms())
    assert list(checker.check_file(path)) == []
    assert checker.counts.with_terms == 0


@pytest.fixture(scope="module")
def aligned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests._alignkit import PARALLEL, ok, parallel_root, prepared

    root = prepared(parallel_root(tmp_path_factory.mktemp("termcheck")))
    ok("align", "-l", "en", PARALLEL / "en", root=root)
    return root


def test_command_text_json_and_exit_codes(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path, expected = _catalog(tmp_path)
    assert main(["--root", str(aligned), "termcheck", str(path)]) == 1
    out, err = capsys.readouterr()
    assert [line.split(": ")[0] for line in out.splitlines()] == [
        f"{path}:{line}" for line, _ in sorted(expected)]
    assert "1 fuzzy and 1 untranslated skipped" in err
    assert main(["--root", str(aligned), "termcheck", str(path), "--format", "json",
                 "--fail-on", "error"]) == 0
    rows = json.loads(capsys.readouterr()[0])
    assert {r["term"] for r in rows} == {t for _, t in expected} - {"draft"}
    assert {tuple(sorted(r)) for r in rows} == {
        ("code", "lang", "line", "message", "path", "severity", "term")}


def test_a_folder_stands_for_its_catalogs_in_the_target_language(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    # an app's locale/ holds every language's catalogs: a French or Indonesian translation
    # lacks every Malay term, so each used to be a T410 finding (and exit 1)
    path, expected = _catalog(tmp_path)
    locale = tmp_path / "locale"
    text = path.read_text(encoding="utf-8")
    # `po/LL.po` (GNU, GNOME, Xfce) without a Language header: the file name says it
    for where, language in [("ms/LC_MESSAGES/app.po", "ms_MY"), ("fr/LC_MESSAGES/app.po", "fr"),
                            ("po/id.po", "id"), ("pt_BR/LC_MESSAGES/app.po", None),
                            ("po/fr.po", None), ("po/de_DE.po", None)]:
        (locale / where).parent.mkdir(parents=True, exist_ok=True)
        header = (text.replace("Language: ms", f"Language: {language}") if language
                  else text.replace('"Language: ms\\n"\n', ""))
        (locale / where).write_text(header, encoding="utf-8")
    assert main(["--root", str(aligned), "termcheck", str(locale)]) == 1
    out, err = capsys.readouterr()
    assert {line.split(":")[0] for line in out.splitlines()} == {
        str(locale / "ms/LC_MESSAGES/app.po")}
    assert len(out.splitlines()) == len(expected)
    assert "glossari termcheck: 1 file," in err
    warnings = len(expected)
    assert err.rstrip().endswith(f"{warnings} warning{'' if warnings == 1 else 's'}")
    assert "5 catalogs in another language than ms skipped" in err
    # a file named on the command line is checked whatever its header says
    french = locale / "fr/LC_MESSAGES/app.po"
    assert main(["--root", str(aligned), "termcheck", str(french)]) == 1
    assert len(capsys.readouterr()[0].splitlines()) == len(expected)


def test_command_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.po"
    broken.write_text(HEADER + '\nmsgid "x\nmsgstr "y"\n', encoding="utf-8")
    assert main(["termcheck", str(broken)]) == 2
    err = capsys.readouterr()[1]
    assert f"{broken}:" in err
    assert "Traceback" not in err
    assert main(["termcheck", str(tmp_path / "missing.po")]) == 2
    assert main(["termcheck", str(tmp_path / "app.po"), "--source-lang", "ms", "-l", "ms"]) == 2


def test_find_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", "Eksekutif-eksekutif akaun dan FINRAnya."]) == 0
    out = capsys.readouterr()[0].splitlines()
    assert out == ["0-25\tEksekutif-eksekutif akaun\t-> accountexecutive (Account executive)",
                   "30-38\tFINRAnya\t-> finra (FINRA)"]
    assert main(["find", "-l", "en", "--format", "json", "Two account executives"]) == 0
    rows = json.loads(capsys.readouterr()[0])
    assert rows == [{"start": 4, "end": 22, "text": "account executives",
                     "form": "Account executive", "term": "accountexecutive",
                     "ms": "Eksekutif akaun", "en": "Account executive",
                     "status": "translated"}]


def test_find_json_says_an_english_headword_is_only_a_suggestion(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text output says `(actuary, suggested)`, the JSON gave `"en": "actuary"` with
    nothing to tell a slug's guess from a translator's headword: a script took it for the
    translation. Each object now has the status of its `en`, as `table --format json`."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "insurans-hayat.md").write_text(
        "---\ntitle: Insurans hayat\ndescription: Perlindungan.\n---\n\n# Insurans hayat\n\n"
        "[Aktuari](/actuary) mengira [premiumnya](/premium).\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "find", "--format", "json",
                 "Aktuari-aktuari dan insurans hayat"]) == 0
    rows = json.loads(capsys.readouterr()[0])
    assert [(r["term"], r["en"], r["status"]) for r in rows] == [
        ("actuary", "actuary", "suggested"), ("insurans-hayat", None, "untranslated")]


def test_command_sarif_and_github_formats(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path, expected = _catalog(tmp_path)
    assert main(["--root", str(aligned), "termcheck", str(path), "--format", "github"]) == 1
    lines = capsys.readouterr()[0].splitlines()
    assert lines[0].startswith(f"::warning file={path},line={sorted(expected)[0][0]}::T410 ")
    assert len(lines) == len(expected)
    assert main(["--root", str(aligned), "termcheck", str(path), "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr()[0])
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["T410"] * len(expected)


def test_sarif_names_a_file_whose_name_is_not_utf8_by_its_bytes(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """A catalog named in Latin-1 (`komisen-é.po` copied from an old Windows share, the name's
    byte 0xe9): `termcheck --format sarif` stopped with an internal error (UnicodeEncodeError
    quoting the URI) where text, JSON and GitHub named the file. The URI carries the name's
    own bytes, percent-encoded, in a file named directly and in one found in a folder."""
    import os
    from urllib.parse import unquote_to_bytes

    import jsonschema

    path, expected = _catalog(tmp_path)
    folder = tmp_path / os.fsdecode(b"pelaburan-\xe9")
    folder.mkdir()
    named = folder / os.fsdecode(b"komisen-\xe9.po")
    path.rename(named)
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json")
                        .read_text(encoding="utf-8"))
    for argument in (named, folder):
        assert main(["--root", str(aligned), "termcheck", str(argument), "--format",
                     "sarif"]) == 1
        out, err = capsys.readouterr()
        assert "internal error" not in err
        sarif = json.loads(out)
        jsonschema.Draft4Validator(schema).validate(sarif)
        results = sarif["runs"][0]["results"]
        assert len(results) == len(expected)
        for result in results:
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert uri.isascii()
            assert unquote_to_bytes(uri) == os.fsencode(named)


@given(st.binary(min_size=1, max_size=30).filter(lambda b: b"\0" not in b))
def test_a_sarif_uri_is_the_paths_bytes(name: bytes) -> None:
    """Every file name, UTF-8 or not, gives an ASCII URI that reads back as its bytes."""
    import os
    from urllib.parse import unquote_to_bytes

    from glossari.checks.output import sarif_uri

    path = os.fsdecode(b"locale/ms/" + name.replace(b"\\", b"_"))
    uri = sarif_uri(path)
    assert uri.isascii()
    assert unquote_to_bytes(uri) == os.fsencode(path)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize(
    ("data", "where", "what"),
    [
        (b"Komisen\ndan kom\xe9isen", "<stdin>:2:", "not UTF-8 text (byte 0xe9 at column 8)"),
        (b"Komisen\x00dan", "<stdin>:1:", "binary data"),
        ("Komisen".encode("utf-16"), "<stdin>:1:", "UTF-16"),
    ],
)
def test_find_refuses_text_that_is_not_utf8(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    data: bytes, where: str, what: str,
) -> None:
    _stdin(monkeypatch, data)
    assert main(["find", "-"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    assert f"{where} {what}" in err
    assert "Traceback" not in err


def test_find_reads_stdin_as_utf8_without_its_bom(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    _stdin(monkeypatch, "\ufeffFINRAnya\r\n".encode())
    assert main(["find"]) == 0
    assert capsys.readouterr()[0] == "0-8\tFINRAnya\t-> finra (FINRA)\n"
    _stdin(monkeypatch, b"")
    assert main(["find", "-"]) == 0
    assert capsys.readouterr() == ("", "")


def test_find_refuses_an_argument_that_is_not_utf8(capsys: pytest.CaptureFixture[str]) -> None:
    import os

    assert main(["find", os.fsdecode(b"FINRA\xff")]) == 2
    assert "not UTF-8 text" in capsys.readouterr()[1]


def test_keyboard_accelerators_inside_words(tmp_path: Path) -> None:
    # KDE and Qt mark a menu's shortcut letter with '&' inside the word (GNOME with '_' before
    # it): 'Co&mmission' is the word commission, on either side; 'S&P' and 'R&D' are not marks
    path = tmp_path / "kde.po"
    path.write_text(HEADER + '''
msgid "&Commissions"
msgstr "Ko&misen-komisen"

msgid "Pay the co&mmission"
msgstr "Bayar yuran"

msgid "_Hedge funds"
msgstr "Dana-dana lindung _nilai"

msgid "Commission for R&D"
msgstr "Ko&misen untuk R&D"
''', encoding="utf-8")
    found = list(TermChecker(_terms()).check_file(path))
    assert [(f.line, f.term) for f in found] == [(10, "commission")]
    assert "'commission'" in found[0].message


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([("commission", "Komisen"), ("hedge fund", "Dana lindung nilai"),
                        ("broker-dealer", "Peniaga broker")]),
       st.data())
def test_a_gtk_mnemonic_inside_a_word_is_no_identifier(
        tmp_path_factory: pytest.TempPathFactory, names: tuple[str, str],
        data: st.DataObject) -> None:
    """GTK's and GNOME's mark of a menu's shortcut letter, `_`, inside a word when the first
    letter is taken (`Co_mmission rate`, GnuCash's way): the word read as an identifier,
    code blanked out, so a translation lacking the term was no finding. A mnemonic in the
    translation (`Kadar ko_misen`) is the word as well; an identifier both sides write as it
    is (`commission_rate`) stays code."""
    english, malay = names
    cut = data.draw(st.integers(1, len(english) - 1).filter(
        lambda n: english[n - 1].isalpha() and english[n].isalpha()))
    marked = english[:cut] + "_" + english[cut:]
    mcut = data.draw(st.integers(1, len(malay) - 1).filter(
        lambda n: malay[n - 1].isalpha() and malay[n].isalpha()))
    good = malay[:mcut] + "_" + malay[mcut:]
    path = tmp_path_factory.mktemp("gtk") / "gnucash.po"
    path.write_text(HEADER + f'''
msgid "Set the {marked} rate"
msgstr "Tetapkan kadar {good.lower()}"

msgid "Pay the {marked}"
msgstr "Bayar y_uran"

msgid "Show commission_rate"
msgstr "Papar commission_rate"
''', encoding="utf-8")
    found = list(TermChecker(_terms()).check_file(path))
    assert [f.line for f in found] == [HEADER.count("\n") + 5]


def test_another_term_s_headword_is_no_form_of_the_expected_term(tmp_path: Path) -> None:
    # perbankan (banking) is a term of its own: it does not translate "bank", though it is
    # per-...-an on bank; find_terms reads it as banking, and termcheck must agree
    terms = [Term(id="bank", title="Bank", english=English(title="Bank", status="translated"),
                  source=Location(path="seeds/bank.md", line=1)),
             Term(id="banking", title="Perbankan",
                  english=English(title="Banking", status="translated"),
                  source=Location(path="seeds/banking.md", line=1))]
    po = tmp_path / "ms.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ms\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Contact your bank"\nmsgstr "Hubungi perbankan anda"\n\n'
                  'msgid "Your bank\'s banking"\nmsgstr "Perbankannya bank anda"\n',
                  encoding="utf-8")
    found = list(TermChecker(terms).check_file(po))
    assert [(f.line, f.term) for f in found] == [(6, "bank")]


def test_an_acronym_of_the_other_language_is_no_translation(tmp_path: Path) -> None:
    # each headword gives its own acronym: GDP left in a Malay translation is not KDNK (nor EPF
    # KWSP); an acronym written alike in both languages (FINRA) is one in both
    def term(id_: str, ms: str, en: str, acronyms: tuple[str, ...]) -> Term:
        return Term(id=id_, title=ms, english=English(title=en, status="translated"),
                    names=Names(acronyms=acronyms),
                    source=Location(path=f"seeds/{id_}.md", line=1))

    terms = [term("kdnk", "Keluaran Dalam Negara Kasar (KDNK)", "Gross Domestic Product (GDP)",
                  ("KDNK", "GDP")),
             term("finra", "Pihak Berkuasa Kawal Selia (FINRA)",
                  "Financial Industry Regulatory Authority (FINRA)", ("FINRA",))]
    po = tmp_path / "ms.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ms\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "GDP forecast"\nmsgstr "Ramalan GDP"\n\n'
                  'msgid "GDP grew"\nmsgstr "KDNK berkembang"\n\n'
                  'msgid "FINRA rules"\nmsgstr "Peraturan FINRA"\n', encoding="utf-8")
    found = list(TermChecker(terms).check_file(po))
    assert [(f.line, f.term) for f in found] == [(6, "kdnk")]


def test_the_summary_says_when_the_bundled_glossary_answered(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Run outside a glossary folder, termcheck used the bundled glossary's few terms without
    a word, and a translator took them for the whole glossary they meant."""
    path, _expected = _catalog(tmp_path)
    monkeypatch.chdir(tmp_path)
    main(["termcheck", str(path)])
    assert "terms of the bundled glossary (--root DIR names yours);" in capsys.readouterr()[1]
    main(["--root", str(aligned), "termcheck", str(path)])
    assert "bundled" not in capsys.readouterr()[1]


def test_a_percentage_before_a_term_is_no_placeholder(tmp_path: Path) -> None:
    # '% c' and '% b' are printf conversions with the space flag, but '0.1% commission' is prose:
    # blanking '% c' would hide the term from the check
    path = tmp_path / "pct.po"
    path.write_text(HEADER + '''
msgid "A 0.1% commission is charged on every trade."
msgstr "Yuran 0.1% dikenakan bagi setiap dagangan."

msgid "Pay a 2% broker-dealer fee, %d times."
msgstr "Bayar yuran 2% kepada peniaga broker, %d kali."
''', encoding="utf-8")
    found = list(TermChecker(_terms()).check_file(path))
    assert [(f.line, f.term) for f in found] == [(7, "commission")]


def test_comparison_signs_are_no_html_tag(tmp_path: Path) -> None:
    """`< 1%` and `> 5%` in a banking message are prose: read as one HTML tag from `<` to `>`,
    the words between them were blanked out, so a wrong translation there went unreported and
    a right one was reported as lacking the term. Tags, double-brace interpolation and
    comments are still no text."""
    path = tmp_path / "limits.po"
    path.write_text(HEADER + '''
msgid "If the commission is > 5% then the fee is < 1%."
msgstr "Jika yuran < 1% apabila komisen > 5%."

msgid "Fees < 5 and commission > 2 are waived."
msgstr "Yuran < 5 dan caj > 2 dikecualikan."

msgid "Fee <= 2% and hedge funds >= 1%"
msgstr "Yuran <= 2% dan dana-dana lindung nilai >= 1%"

msgid "Ask your <a href=\\"/commission\\" title=\\"commission\\">advisor</a>."
msgstr "Tanya <a href=\\"/commission\\" title=\\"commission\\">perunding</a> anda."

msgid "Total: {{ commission }}<!-- commission\\n of a broker-dealer --><br/>"
msgstr "Jumlah: {{ commission }}<!-- commission\\n of a broker-dealer --><br/>"
''', encoding="utf-8")
    found = list(TermChecker(_terms()).check_file(path))
    assert [(f.line, f.term) for f in found] == [(10, "commission")]


_PROSE_WORDS = st.sampled_from(["commission", "hedge", "funds", "fee", "komisen", "yuran",
                                "dan", "and", "is", "the", "saham-saham", "pelaburannya"])
_SIGNS = st.sampled_from(["<", ">", "<=", ">=", "<>", "=>", "<-", "->", "< 5%", "> 2.5%", "<5",
                          ">10", "<1%", "1<2", "(<", ">)"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PROSE_WORDS, _SIGNS), min_size=1, max_size=12))
def test_prose_with_comparison_signs_keeps_every_word(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert blank_placeholders(text) == text


@pytest.mark.parametrize("endianness", ["little", "big"])
def test_a_compiled_catalog_is_named_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], endianness: str,
) -> None:
    """`termcheck app.mo` (the file beside the .po, a tab completion away) said `bytes that are
    not valid utf-8 (byte 0xde); save the file as UTF-8`: advice for a text file. The .mo is
    named as a compiled catalog, with the way back to its .po."""
    import shutil
    import subprocess

    po = tmp_path / "app.po"
    po.write_text(HEADER + '\nmsgid "Commissions"\nmsgstr "Komisen-komisen"\n', encoding="utf-8")
    mo = tmp_path / "app.mo"
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU msgfmt writes the .mo files of both byte orders")
    subprocess.run(["msgfmt", f"--endianness={endianness}", "-o", str(mo), str(po)], check=True)
    capsys.readouterr()
    assert main(["termcheck", str(mo)]) == 2
    err = capsys.readouterr()[1]
    assert err == (f"glossari: error: {mo}:1: a compiled catalog (.mo), not a PO file; name the "
                   ".po file it was compiled from, or turn it back into one: msgunfmt FILE.mo "
                   "-o FILE.po\n")


def test_html_character_references_are_their_characters(tmp_path: Path) -> None:
    """A template's `Pembrokeran&nbsp;utama` is the term: the `&` of `&nbsp;` was taken for a
    keyboard accelerator inside a word and dropped, gluing `Pembrokerannbsp;utama`, so a right
    translation was reported lacking the term and a source's `hedge&nbsp;funds` went unseen."""
    path = tmp_path / "entities.po"
    path.write_text(HEADER + '''
msgid "Prime brokerage &amp; hedge funds"
msgstr "Pembrokeran&nbsp;utama &amp; dana&#160;lindung&#xA0;nilai"

msgid "Our hedge&nbsp;funds"
msgstr "Dana kami"

msgid "Co&mmission &amp; fees"
msgstr "Ko&misen &amp; yuran"
''', encoding="utf-8")
    found = list(TermChecker(_terms()).check_file(path))
    assert [(f.line, f.term) for f in found] == [(10, "hedgefund")]


def test_a_project_folder_is_read_without_its_installed_packages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """`termcheck .` in a Django project read the Malay catalogs Django ships in `.venv` (and a
    JavaScript package's in `node_modules`) as the project's, and failed on their findings:
    other people's catalogs, which the translator can neither fix nor ignore. A folder named
    on the command line is read whatever its name."""
    from glossari.checks.termcheck import catalog_paths

    project = tmp_path / "bank-app"
    wrong = HEADER + '\nmsgid "The commission"\nmsgstr "Yuran itu"\n'
    own = project / "locale/ms/LC_MESSAGES/django.po"
    theirs = [project / ".venv/lib/python3.12/site-packages/django/conf/locale/ms/LC_MESSAGES"
              / "django.po", project / "venv/lib/django/locale/ms/LC_MESSAGES/django.po",
              project / "node_modules/kalendar/po/ms.po", project / ".git/ms.po",
              project / "build/site-packages/pkg/ms.po"]
    for path in (own, *theirs):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wrong, encoding="utf-8")
    (project / "venv/pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (project / "po").mkdir()
    (project / "po/ms.po").write_text(wrong, encoding="utf-8")  # the project's, GNU layout
    assert catalog_paths([project]) == [own, project / "po/ms.po"]
    assert catalog_paths([project / ".venv"]) == [theirs[0]]  # named: read
    terms = TermChecker(_terms())
    found = [f for path in catalog_paths([project]) for f in terms.check_file(path)]
    assert [(f.path, f.term) for f in found] == [(str(own), "commission"),
                                                 (str(project / "po/ms.po"), "commission")]
    (project / "locale/ms/LC_MESSAGES/.hidden").mkdir()
    up = project / "locale/ms/LC_MESSAGES/.hidden/.."  # `..` is no hidden folder: `.venv` pruned
    assert catalog_paths([up]) == [up / "django.po"]
    (own.parent / ".venv").mkdir()
    (own.parent / ".venv/ms.po").write_text(wrong, encoding="utf-8")
    assert catalog_paths([up]) == [up / "django.po"]


@pytest.mark.parametrize("control", [*range(1, 9), *range(11, 32)])
def test_a_third_party_catalog_with_control_characters_is_read_as_gnu_reads_it(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], control: int,
) -> None:
    """A Windows program's catalog holds `msgid "Line one\\r\\nThe commission"`: GNU compiles
    it (the program asks for those very bytes), and termcheck refused the whole file with
    `control character U+000D in a string; remove it`, advice that would break the program.
    A third party's catalog is read as GNU reads it: only what msgfmt refuses (U+0004, the
    .mo's context separator) is refused; the glossary's own catalogs stay strict."""
    import shutil
    import subprocess

    from glossari.catalog.pofile import load_po
    from glossari.errors import CatalogError

    escape = f"\\{control:03o}"
    path = tmp_path / "win.po"
    path.write_text(HEADER + f'\nmsgid "Line one{escape}\\nThe commission"\n'
                    f'msgstr "Baris satu{escape}\\nYuran itu"\n', encoding="utf-8")
    gnu = None
    if shutil.which("msgfmt"):
        gnu = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                             capture_output=True, check=False).returncode == 0
    capsys.readouterr()
    code = main(["--root", str(aligned), "termcheck", str(path)])
    err = capsys.readouterr()[1]
    if control == 4:
        assert code == 2, err
        assert f"{path}:7: control character U+0004" in err
    else:
        assert code == 1, err  # read, and its one finding reported
        assert "Traceback" not in err
    if gnu is not None:
        assert gnu == (code != 2)
    with pytest.raises(CatalogError, match="control character"):
        load_po(path)  # the glossary's own catalogs: refused as before


def test_a_broken_catalog_of_another_language_does_not_stop_a_folder(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """`termcheck locale/` reads the Malay catalogs only, yet a broken catalog of another
    language stopped it: Django's own `conf/locale` has an es_AR catalog with a plural of 3
    forms under nplurals=2 (msgfmt refuses it too), and the Malay catalog beside it was never
    checked (exit 2). Such a file is skipped as another language's, by what its header or its
    path says; a broken Malay catalog is still an error."""
    locale = tmp_path / "locale"
    malay = HEADER + '\nmsgid "The commission"\nmsgstr "Yuran itu"\n'
    plural_es = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                 '"Language: es_AR\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                 'msgid "%d commission"\nmsgid_plural "%d commissions"\n'
                 'msgstr[0] "%d comisión"\nmsgstr[1] "%d comisiones"\nmsgstr[2] "%d comisiones"\n')
    files = {
        "ms/LC_MESSAGES/django.po": malay.encode(),
        "es_AR/LC_MESSAGES/django.po": plural_es.encode(),
        "fr/LC_MESSAGES/django.po": b"\xef\xbb\xbf" + HEADER.replace("ms", "fr").encode(),
        "po/de.po": b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    b'msgid "x\nmsgstr "y"\n',
        # the header says Indonesian, in a folder named for no language
        "extra/django.po": HEADER.replace("Language: ms", "Language: id").encode()
        + b'\nmsgid "x"\nmsgstr "y"\nmsgstr "z"\n',
    }
    for where, data in files.items():
        (locale / where).parent.mkdir(parents=True, exist_ok=True)
        (locale / where).write_bytes(data)
    capsys.readouterr()
    assert main(["--root", str(aligned), "termcheck", str(locale)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{locale / 'ms/LC_MESSAGES/django.po'}:7: warning: T410: the source uses the term "
        "'commission' (commission), but the translation lacks its approved translation "
        "'Komisen' (inflected forms count)"]
    assert "glossari termcheck: 1 file," in err
    assert "4 catalogs in another language than ms skipped" in err
    # a broken Malay catalog is no other language's: an error, as before
    (locale / "ms/LC_MESSAGES/django.po").write_text(malay + 'msgstr "again"\n',
                                                     encoding="utf-8")
    assert main(["--root", str(aligned), "termcheck", str(locale)]) == 2
    assert f"{locale / 'ms/LC_MESSAGES/django.po'}:9: " in capsys.readouterr()[1]


@pytest.mark.parametrize("written", ["Malay", "Bahasa Melayu", "malay (Malaysia)"])
def test_a_language_named_in_words_leaves_the_path_to_say(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str,
) -> None:
    """A header written by hand says `Language: Malay`: taken for a language code, it named
    another language than ms, and `termcheck locale/` skipped the Malay catalog in
    `locale/ms/LC_MESSAGES` unchecked (exit 0, "1 catalog in another language skipped").
    A value that is no language code says nothing; the folder does."""
    locale = tmp_path / "locale"
    text = HEADER.replace("Language: ms", f"Language: {written}") + (
        '\nmsgid "The commission"\nmsgstr "Yuran itu"\n')
    for lang in ("ms", "fr"):
        (locale / lang / "LC_MESSAGES").mkdir(parents=True)
        (locale / lang / "LC_MESSAGES/app.po").write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(aligned), "termcheck", str(locale)]) == 1
    out, err = capsys.readouterr()
    assert [line.split(":")[0] for line in out.splitlines()] == [
        str(locale / "ms/LC_MESSAGES/app.po")]
    assert "1 catalog in another language than ms skipped" in err


def test_code_in_a_message_is_no_use_of_a_term(tmp_path: Path) -> None:
    """A CLI's or a documentation's catalog (Sphinx writes reST into its msgids) names code
    the translation keeps as written: `commission --help`, ``hedge_fund``, commission_rate,
    $commission. Each was read as the term in the source, and the translation that rightly
    kept it was reported lacking 'Komisen'. Prose around code, a reST role's text and a
    link's text are still checked."""
    path = tmp_path / "docs.po"
    path.write_text(HEADER + '''
msgid "Run `commission --help` for the options."
msgstr "Jalankan `commission --help` untuk pilihannya."

msgid "Set ``commission_rate`` or $commission, or the commission_rate key."
msgstr "Tetapkan ``commission_rate`` atau $commission, atau kunci commission_rate."

msgid "See :ref:`commission` and `hedge funds <https://x.example/hf>`_."
msgstr "Lihat :ref:`komisen` dan `dana-dana lindung nilai <https://x.example/hf>`_."

msgid "The `fee` is a commission."
msgstr "`fee` itu ialah yuran."
''', encoding="utf-8")
    found = list(TermChecker(_terms()).check_file(path))
    assert [(f.line, f.term) for f in found] == [(16, "commission")]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["commission", "hedge fund", "broker-dealer", "Investment advisor"]),
       st.sampled_from(["`{}`", "``{}``", "`{} --help`", "{}_rate", "max_{}_2", "$x{}"]))
def test_code_is_blanked_whole(name: str, shape: str) -> None:
    identifier = name.replace(" ", "_").replace("-", "_")  # code names have no space, no hyphen
    code = shape.format(identifier if "_" in shape or "$" in shape else name)
    assert blank_placeholders(f"Use {code} now") == f"Use {' ' * len(code)} now"


def test_a_catalog_named_twice_is_checked_once(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """`termcheck locale/ms/LC_MESSAGES/app.po locale` (a glob beside its folder, in a CI
    script) checked the file twice: each finding reported twice, "2 files" counted. Each file
    is checked once, and a file named is checked whatever its language, wherever it comes."""
    locale = tmp_path / "locale"
    text = HEADER + '\nmsgid "The commission"\nmsgstr "Yuran itu"\n'
    for lang in ("ms", "fr"):
        (locale / lang / "LC_MESSAGES").mkdir(parents=True)
        (locale / lang / "LC_MESSAGES/app.po").write_text(
            text.replace("Language: ms", f"Language: {lang}"), encoding="utf-8")
    malay, french = locale / "ms/LC_MESSAGES/app.po", locale / "fr/LC_MESSAGES/app.po"
    capsys.readouterr()
    args = [str(malay), str(locale), str(locale / "ms/../ms/LC_MESSAGES/app.po"),
            f"{locale}/./ms/LC_MESSAGES/app.po", str(french)]
    assert main(["--root", str(aligned), "termcheck", *args]) == 1
    out, err = capsys.readouterr()
    assert [line.split(":")[0] for line in out.splitlines()] == [str(malay), str(french)]
    assert "glossari termcheck: 2 files," in err
    assert "another language" not in err  # the French file was named: checked


def test_a_programs_entities_and_template_tags_are_no_words(tmp_path: Path) -> None:
    """A DTD's or DocBook's entity (`&commission;`, `&notional;`, which html.unescape reads as
    `¬ional;`) is a name the program fills in, kept as written; a Jinja or Django tag's quoted
    words (`{% trans 'commission' %}`) and a template comment are code. Each was read as the
    word, so a translation keeping them was reported lacking 'Komisen', and an entity in the
    translation (`&komisen;`) passed for the term."""
    path = tmp_path / "app.po"
    path.write_text(HEADER + '''
msgid "Pay the &commission; today"
msgstr "Bayar &commission; hari ini"

msgid "{% trans 'commission' %} is due {# commission #}"
msgstr "{% trans 'commission' %} perlu dibayar {# commission #}"

msgid "{%- trans 'hedge funds' -%} and {{ _('commission') }}"
msgstr "{%- trans 'hedge funds' -%} dan {{ _('commission') }}"

msgid "The commission is due"
msgstr "&komisen; perlu dibayar"

msgid "{% if x %}The commission{% endif %} is due"
msgstr "{% if x %}Yuran{% endif %} perlu dibayar"

msgid "Hedge&nbsp;funds &amp; the commission"
msgstr "Dana&nbsp;lindung nilai &amp; komisennya"
''', encoding="utf-8")
    found = list(TermChecker(_terms()).check_file(path))
    assert [(f.line, f.term) for f in found] == [(16, "commission"), (19, "commission")]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["commission", "hedge funds", "Investment advisor", "notional"]),
       st.sampled_from(["{{% trans '{}' %}}", "{{%- blocktrans %}}{}", "{{# {} #}}",
                        "&{};"]))
def test_template_code_is_blanked_whole(name: str, shape: str) -> None:
    identifier = name.replace(" ", "") if shape.startswith("&") else name
    code = shape.format(identifier)
    if "blocktrans" in shape:  # the tag is code, the text after it prose
        tag = code[:-len(name)]
        assert blank_placeholders(f"Use {code} now") == f"Use {' ' * len(tag)}{name} now"
    elif shape.startswith("&"):
        from glossari.checks.termcheck import message_text

        assert message_text(f"Use {code} now") == f"Use {' ' * len(code)} now"
    else:
        assert blank_placeholders(f"Use {code} now") == f"Use {' ' * len(code)} now"


def _jawi_beside_rumi(locale: Path, folder: str, declared: str) -> Path:
    """A catalog in Jawi in ``locale/FOLDER`` (its header's Language ``declared``) beside one in
    Rumi in ``locale/ms``, each translating a message that uses a term; the Jawi one's path."""
    jawi = locale / folder / "LC_MESSAGES" / "app.po"
    rumi = locale / "ms" / "LC_MESSAGES" / "web.po"
    for path, language, msgstr in ((jawi, declared, "باير کوميسين سکارڠ"),
                                   (rumi, "ms", "Bayar komisen sekarang")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER.replace("Language: ms", f"Language: {language}")
                        + f'\nmsgid "Pay the commission now"\nmsgstr "{msgstr}"\n',
                        encoding="utf-8")
    return jawi


@pytest.mark.parametrize("broken", [False, True])
@pytest.mark.parametrize(("folder", "declared"), [("ms@jawi", "ms@jawi"), ("ms_Arab", ""),
                                                   ("ms", "ms_Arab_MY")])
def test_a_catalog_in_jawi_is_no_latin_malay(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: str,
    declared: str, broken: bool,
) -> None:
    """Malay in Jawi script (`ms@jawi`, `ms_Arab`) was checked against the glossary's
    Latin-script names, none of which can match it: every message using a term was reported.
    In a folder it is skipped and counted; named, it is refused in one line. A folder's
    catalog is skipped by one rule whether it can be read or not: a broken one of another
    language was skipped, but a broken one in Jawi (a msgstr given twice) stopped `termcheck
    locale/` with exit 2 where a readable one was skipped and counted."""
    locale = tmp_path / "locale"
    jawi = _jawi_beside_rumi(locale, folder, declared)
    if broken:
        with jawi.open("a", encoding="utf-8") as written:
            written.write('msgstr "lagi"\n')
    capsys.readouterr()
    assert main(["--root", str(aligned), "termcheck", str(locale)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 file," in err
    assert "1 catalog in another script than the glossary's Latin" in err
    if broken:
        return
    assert main(["--root", str(aligned), "termcheck", str(jawi)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"glossari: error: {jawi}:1: the catalog is written in Jawi script")
    assert len(err.strip().splitlines()) == 1


@settings(max_examples=20, deadline=None)
@given(reps=st.integers(min_value=1, max_value=3000),
       layout=st.sampled_from([" ", "\n", "\t ", "  "]))
def test_a_long_headword_is_quoted_in_a_finding_as_an_excerpt(reps: int, layout: str) -> None:
    """T410 quotes the term the source used and its approved translation as other messages
    quote a value (glossari.text.excerpt): one line, 60 characters at most, whatever the
    size of the headword (300 KB of one was a finding of 300 KB)."""
    from glossari.catalog.pofile import parse_po
    from glossari.text import excerpt

    english = layout.join(["Broker-dealer"] + ["bonds"] * reps)
    malay = layout.join(["Peniaga-peniaga broker"] + ["bon"] * reps)
    terms = [Term(id="broker-dealer", title=malay, source=Location(path="seeds/x.md", line=1),
                  english=English(title=english, status="translated"))]
    quote = english.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    quote = quote.replace("\t", "\\t")
    po = parse_po(HEADER + f'\nmsgid "{quote}"\nmsgstr "Pelaburannya"\n', source="ms.po")
    found = list(TermChecker(terms).check_po(po, path="ms.po"))
    assert [f.term for f in found] == ["broker-dealer"]
    message = found[0].message
    assert "\n" not in message
    assert "\t" not in message
    assert f"'{excerpt(english)}'" in message
    assert f"'{excerpt(malay)}'" in message
    assert len(message) < 250


def test_a_format_string_s_directives_name_arguments_not_terms(tmp_path: Path) -> None:
    # a key with a space, an item of a field, a field with a nested width: each names an
    # argument, kept as written in the translation; read as prose, each was the term, and the
    # translation was told it lacked it. A percentage before a word stays prose, flag or not.
    path = tmp_path / "flagged.po"
    path.write_text(HEADER + '''
#, python-format
msgid "Ask %(investment advisor)s today"
msgstr "Tanya %(investment advisor)s hari ini"

#, python-brace-format
msgid "Call {0[prime brokerage]} today"
msgstr "Hubungi {0[prime brokerage]} hari ini"

#, python-brace-format
msgid "Total {commission:>{width}}"
msgstr "Jumlah {commission:>{width}}"

#, c-format
msgid "%1$s: prime brokerage"
msgstr "%1$s: pembrokeran-pembrokeran utama"

#, python-format
msgid "A 0.1% commission on %(n)d trades."
msgstr "Yuran 0.1% bagi %(n)d dagangan."
''', encoding="utf-8")
    checker = TermChecker(_terms())
    found = list(checker.check_file(path))
    assert [(f.line, f.term) for f in found] == [(23, "commission")]
    assert checker.counts.with_terms == 2


def test_a_malay_source_names_a_term_as_t401_does(tmp_path: Path) -> None:
    """With a Malay source, every *perlindungan* (protection) wanted *Takaful benefit*, which a
    link ``[perlindungan](/manfaattakaful)`` named, and every *pusaka* (heritage) *Estate*, its
    one-word alias: T401 reads a one-word alias or link text as a name only when it is an
    acronym or a form of the headword's word (:func:`glossari.checks.terms.names_the_term`),
    and termcheck now reads the Malay by the same rule; an acronym alias still names it."""
    where = Location(path="seeds/x.md", line=1)
    terms = [
        Term(id="manfaattakaful", title="Manfaat takaful", source=where,
             english=English(title="Takaful benefit", status="translated"),
             names=Names(link_texts=("perlindungan", "manfaat-manfaat takaful"))),
        Term(id="hartapusaka", title="Harta pusaka", source=where,
             english=English(title="Estate", status="translated"),
             names=Names(aliases=("pusaka", "HP"))),
    ]
    path = tmp_path / "en.po"
    path.write_text(HEADER.replace("Language: ms", "Language: en") + '''
msgid "Skim Perlindungan dibuka."
msgstr "The Protection Scheme is open."

msgid "Tanah pusaka dijual."
msgstr "The inherited land was sold."

msgid "Manfaat-manfaat takaful dibayar."
msgstr "The benefits were paid."

msgid "HP itu dibahagikan."
msgstr "It was divided."
''', encoding="utf-8")
    found = list(TermChecker(terms, source="ms", target="en").check_file(path))
    assert [f.term for f in found] == ["manfaattakaful", "hartapusaka"]


@pytest.mark.parametrize("written", ["REITs", "REIT's", "REIT\u2019s", "P/E's", "M&Anya",
                                     "reitnya"])
def test_an_acronym_with_an_ending_malay_borrows_is_the_translation(
        tmp_path: Path, written: str) -> None:
    """``Dividen REITs`` for ``REIT dividends`` was told it lacked *REIT*: the translation's
    recogniser (acronyms in any case) did not read the endings Malay text borrows on an
    acronym (``REITs``, ``P/E's``, ``M&Anya``), which find reads as the acronym."""
    where = Location(path="seeds/x.md", line=1)
    terms = [Term(id=i, title=ms, english=English(title=en, status="translated"),
                  names=Names(acronyms=(acronym,)), source=where)
             for i, ms, en, acronym in [
                 ("reit", "Amanah Pelaburan Hartanah (REIT)",
                  "Real Estate Investment Trust (REIT)", "REIT"),
                 ("pe", "Nisbah Harga/Pendapatan (P/E)", "Price-to-Earnings Ratio (P/E)", "P/E"),
                 ("ma", "Penggabungan dan Pengambilalihan (M&A)",
                  "Mergers and Acquisitions (M&A)", "M&A")]]
    acronym = "REIT" if written.lower().startswith("reit") else written[:3]
    po = tmp_path / "ms.po"
    po.write_text(HEADER + f'\nmsgid "The {acronym} rose"\nmsgstr "{written} naik"\n',
                  encoding="utf-8")
    assert list(TermChecker(terms).check_file(po)) == []


def test_capitals_joined_are_no_word_written_closed_in_a_translation(tmp_path: Path) -> None:
    """``Firma PE itu`` (private equity) for ``The P/E of the firm`` was taken for *P/E*, and
    ``kos rd`` for *R&D*: the translation's recogniser (acronyms in any case) filed capitals
    joined by ``/`` or ``&`` as a name of two words, also written closed, where
    docs/terms.md says they never are (find reads no ``PE`` for *P/E*)."""
    where = Location(path="seeds/x.md", line=1)
    terms = [Term(id=i, title=ms, english=English(title=en, status="translated"),
                  names=Names(acronyms=(acronym,)), source=where)
             for i, ms, en, acronym in [
                 ("pe", "Nisbah Harga/Pendapatan (P/E)", "Price-to-Earnings Ratio (P/E)", "P/E"),
                 ("rd", "Penyelidikan dan Pembangunan (R&D)", "Research and Development (R&D)",
                  "R&D")]]
    po = tmp_path / "ms.po"
    po.write_text(HEADER + '\nmsgid "The P/E of the firm"\nmsgstr "Firma PE itu"\n'
                  '\nmsgid "R&D costs"\nmsgstr "Kos rd"\n'
                  '\nmsgid "R&D budget"\nmsgstr "Belanjawan R&D-nya"\n', encoding="utf-8")
    assert [f.term for f in TermChecker(terms).check_file(po)] == ["pe", "rd"]


def test_a_shared_headword_as_a_links_text_is_the_term_the_link_goes_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """With a Malay source, ``[Saham](/stock)`` beside two articles titled *Saham* is *stock*,
    as find, show and T401 read it (glossary.linked_target): termcheck read it as lookup's
    *saham* and asked the translation ``See [Stock](/stock).`` for *Share*. The bare word, and
    a longer link text, stay lookup's."""
    seeds = tmp_path / "g" / "seeds"
    seeds.mkdir(parents=True)
    for stem, english in (("saham", "Share"), ("stock", "Stock")):
        (seeds / f"{stem}.md").write_text(
            f"---\ntitle: Saham\ndescription: Bahagian modal ({english}).\nkeywords: Ekuiti\n"
            f"---\n\n# Saham\n\nDibeli oleh [peniaga-peniaga broker](/broker-dealer).\n",
            encoding="utf-8")
    assert main(["--root", str(tmp_path / "g"), "extract"]) == 0
    assert main(["--root", str(tmp_path / "g"), "update", "-l", "en"]) == 0
    po = tmp_path / "g" / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text(encoding="utf-8")
    for term_id, english in (("saham", "Share"), ("stock", "Stock")):
        text = text.replace(f'msgctxt "{term_id}"\nmsgid "Saham"\nmsgstr ""',
                            f'msgctxt "{term_id}"\nmsgid "Saham"\nmsgstr "{english}"')
    po.write_text(text, encoding="utf-8")
    catalog = tmp_path / "app.po"
    catalog.write_text(HEADER.replace("Language: ms", "Language: en") + '''
msgid "Lihat [Saham](/stock)."
msgstr "See [Stock](/stock)."

msgid "Lihat [**Saham**](/stock) di sini."
msgstr "See [**Stock**](/stock) here."

msgid "Saham naik."
msgstr "Stock rose."

msgid "Lihat [Saham biasa](/stock)."
msgstr "See [common stock](/stock)."
''', encoding="utf-8")
    capsys.readouterr()
    code = main(["--root", str(tmp_path / "g"), "termcheck", "--source-lang", "ms",
                 "--format", "json", str(catalog)])
    findings = json.loads(capsys.readouterr()[0])
    lines = sorted((f["line"], f["term"]) for f in findings)
    start = HEADER.count("\n") + 2
    assert lines == [(start + 6, "saham"), (start + 9, "saham")], (code, findings)


@settings(max_examples=25, deadline=None)
@given(forms=st.lists(st.sampled_from(["", "%d komisen", "%d yuran", "komisen-komisennya"]),
                      min_size=2, max_size=4))
def test_a_plural_entry_is_checked_as_msgfmt_compiles_it(forms: list[str]) -> None:
    """msgfmt compiles a plural entry whose msgstr[0] is filled, another form empty or not
    (msgattrib --translated keeps it): termcheck skipped it as untranslated, and a filled form
    lacking the term went unchecked into the .mo. Every filled form is checked; msgstr[0]
    empty is untranslated, as msgfmt leaves the entry out."""
    import tempfile

    header = HEADER.replace("nplurals=1; plural=0;", f"nplurals={len(forms)}; plural=0;")
    body = "".join(f'msgstr[{n}] "{form}"\n' for n, form in enumerate(forms))
    text = (header + '\n#: src/fees.py:12\nmsgid "One commission"\n'
            'msgid_plural "%d commissions"\n' + body)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "peniaga-broker.po"
        path.write_text(text, encoding="utf-8")
        checker = TermChecker(_terms())
        found = list(checker.check_file(path, name="peniaga-broker.po"))
    compiled = bool(forms[0])
    assert checker.counts.checked == int(compiled)
    assert checker.counts.untranslated == int(not compiled)
    lacking = compiled and any(form == "%d yuran" for form in forms)
    assert [(f.line, f.term) for f in found] == ([(7, "commission")] if lacking else [])


@pytest.mark.parametrize(("options", "status"), [
    (["-l", "ms_MY"], 1), (["-l", "ms_BN"], 1), (["--source-lang", "en_US", "-l", "ms_MY"], 1),
    (["--source-lang", "en_GB"], 1), (["-l", "ms"], 1),
    (["-l", "fr"], 2), (["-l", "ms-MY"], 2), (["--source-lang", "ms_MY", "-l", "ms"], 2),
    (["--source-lang", "id"], 2),
])
def test_termcheck_reads_l_by_find_s_rule(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    options: list[str], status: int,
) -> None:
    """``termcheck -l ms_MY`` was refused by the option parser (choices ms, en) while
    ``find -l ms_MY`` read Malay: one rule reads every -l, Malay and English in any spelling;
    another language, or a spelling gettext does not write, is one line, exit 2."""
    path, _ = _catalog(tmp_path)
    assert main(["--root", str(aligned), "termcheck", *options, str(path)]) == status
    err = capsys.readouterr().err
    if status == 2:
        assert len(err.strip().splitlines()) == 1
        assert "Traceback" not in err
        assert err.startswith("glossari: error: ")
    else:
        assert "1 file" in err
    if options[-1] == "fr":
        assert "'fr' is neither Malay nor English" in err


_LATIN1_COMMENTS = ["# Penterjemah: Ren\xe9 Tan", "#. pelaburannya dalam saham-saham \xa3",
                    "#: src/peniaga-broker.py:\xff3", "#, python-format, \xe9"]


@settings(max_examples=10, deadline=None)
@given(comments=st.lists(st.sampled_from(_LATIN1_COMMENTS), min_size=1, max_size=3,
                         unique=True))
def test_a_comment_not_in_the_charset_is_read_past_by_termcheck_and_kept_by_update(
    comments: list[str],
) -> None:
    """A byte that is not UTF-8 only inside a comment of a third party's catalog (a name typed
    in Latin-1): msgfmt --check compiles the file and msgcat keeps the byte, and termcheck,
    which only reads it, refused the whole file. It checks the file, with one warning naming
    the comment's file:line; a string's bad byte is still refused at its line, and a command
    that writes a catalog still refuses the file, its bytes unchanged."""
    import subprocess
    import tempfile

    header = HEADER.encode()
    lines = [c.encode("latin-1") for c in comments]
    body = (b"\n" + b"\n".join(lines) + b'\nmsgid "The commission of {name}"\n'
            b'msgstr "Yuran {name}"\n')
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "peniaga-broker.po"
        path.write_bytes(header + body)
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                              capture_output=True, check=False).returncode == 0
        checker = TermChecker(_terms())
        found = list(checker.check_file(path, name="peniaga-broker.po"))
        first = header.count(b"\n") + 2
        assert [(f.line, f.term) for f in found] == [(first, "commission")]
        assert len(checker.warnings) == 1
        assert checker.warnings[0].startswith(f"peniaga-broker.po:{first}: a comment ")
        # a bad byte in a string is still refused, at its line
        path.write_bytes(header + body.replace(b"Yuran", b"Yur\xe1n"))
        with pytest.raises(CatalogError, match=r"po:\d+: not UTF-8 text") as bad:
            list(TermChecker(_terms()).check_file(path, name="peniaga-broker.po"))
        assert f":{first + len(lines) + 1}:" in str(bad.value)


def test_update_keeps_a_comment_not_in_the_charset(
    template_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """A command that writes a catalog refuses one whose comment holds a byte not in its
    charset (a rewrite would lose it), naming the line; the file is left as it was."""
    import shutil

    root = tmp_path / "glossary"
    shutil.copytree(template_root, root)
    po = root / "locale/en/LC_MESSAGES/glossary.po"
    data = po.read_bytes()
    at = data.index(b"\n#")
    bad = data[:at] + b"\n# Penterjemah: Ren\xe9" + data[at:]
    po.write_bytes(bad)
    capsys.readouterr()
    assert main(["--root", str(root), "update", "-l", "en"]) == 2
    err = capsys.readouterr().err
    line = bad[:at].count(b"\n") + 2
    assert f"glossary.po:{line}: " in err
    assert po.read_bytes() == bad


@pytest.mark.parametrize("note", [b"#~ # nota lama Ren\xe9", b"#~\t#. diekstrak \xa3",
                                  b"#~\x0c# nota lama"])
def test_an_obsolete_message_s_comment_is_a_comment_to_the_reader(
    tmp_path: Path, note: bytes,
) -> None:
    """An obsolete message's comment written behind ``#~`` (``#~ # note``) is a comment to GNU,
    with a form feed after the ``#~`` too: a byte not in the charset there is read past with a
    warning, as in any comment (it refused the file), and the message stays obsolete."""
    import subprocess

    header = HEADER.encode()
    body = (b'\nmsgid "The commission"\nmsgstr "Komisen itu"\n\n' + note
            + b'\n#~ msgid "Old commission"\n#~ msgstr "Komisen lama"\n')
    path = tmp_path / "saham.po"
    path.write_bytes(header + body)
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                          capture_output=True, check=False).returncode == 0
    checker = TermChecker(_terms())
    assert list(checker.check_file(path, name="saham.po")) == []
    assert checker.counts.entries == 1
    line = (header + body).split(b"\n").index(note) + 1
    assert [w.split(": ")[0] for w in checker.warnings] == (
        [f"saham.po:{line}"] if not note.isascii() else [])


@pytest.mark.parametrize(("lang", "script"), [("ms@jawi", "Jawi"), ("ms_Arab", None),
                                              ("en@shaw", "Shaw")])
def test_l_in_another_script_than_latin_is_refused(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    lang: str, script: str | None,
) -> None:
    """``termcheck -l ms@jawi`` checked Jawi translations against the glossary's names, all in
    Latin script, and reported every term lacking (a catalog named so is refused by its
    header): the language rule refuses the code, in one line, exit 2."""
    path, _ = _catalog(tmp_path)
    assert main(["--root", str(aligned), "termcheck", "-l", lang, str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("glossari: error: -l: ")
    if script is not None:
        assert f"written in {script} script" in err
