"""One language, one folder: a code naming the script of a language gettext names by a modifier
(``sr_Latn``, ``sr-Latn``, ``sr@Latin``) is refused with gettext's spelling (``sr@latin``) by
every command taking ``-l``. ``update -l sr_Latn`` made ``locale/sr_Latn`` beside
``locale/sr@latin``: the same language twice, once in a folder no gettext program looks in."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.languages import check_language, gettext_code, language_tag
from glossari.cli import main
from glossari.errors import CatalogError
from tests._catalog_oracles import needs_gnu
from tests._langkit import refused

REPO = Path(__file__).resolve().parent.parent
COMMANDS = [
    ["update"], ["compile"], ["table"], ["show", "accountexecutive"], ["render"],
    ["site", "-o", "SITE"], ["check"], ["search", "saham"], ["import", "TABLE"],
]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("glossary")
    shutil.copytree(REPO / "seeds", root / "seeds")
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "sr@latin"]) == 0
    assert main(["--root", str(root), "table", "-l", "sr@latin", "--format", "csv", "-o",
                 str(root / "table.csv")]) == 0
    return root


@pytest.mark.parametrize(("command", "lang"), [
    *((command, "sr_Latn") for command in COMMANDS),
    *((["update"], lang) for lang in ["sr-Latn", "sr@Latin", "sr@latn", "SR-latn"]),
], ids=lambda value: value[0] if isinstance(value, list) else value)
def test_a_script_gettext_names_by_a_modifier_is_refused_with_that_modifier(
    root: Path, capsys: pytest.CaptureFixture[str], command: list[str], lang: str,
) -> None:
    err = refused(root, capsys, command, lang,
                  {"SITE": str(root / "site"), "TABLE": str(root / "table.csv")})
    assert "use 'sr@latin'" in err, err


def test_a_folder_named_by_the_script_is_refused_with_the_modifier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    assert main(["--root", str(tmp_path), "extract"]) == 0
    assert main(["--root", str(tmp_path), "update", "-l", "uz@cyrillic"]) == 0
    (tmp_path / "locale" / "uz@cyrillic").rename(tmp_path / "locale" / "uz_Cyrl")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "compile"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("glossari: error: locale/uz_Cyrl: "), err
    # the folder to rename it to: 'rename the folder locale/uz@cyrillic' named the one to make
    assert err.endswith("; rename the folder to locale/uz@cyrillic\n"), err
    assert not list(tmp_path.glob("locale/*/LC_MESSAGES/*.mo"))


def _codes() -> st.SearchStrategy[str]:
    """CLDR's identifiers, scripts included, in any case, with '-', '_' or a modifier."""
    from babel.localedata import locale_identifiers

    known = sorted(locale_identifiers())
    scripted = [c for c in known if any(len(p) == 4 for p in c.split("_")[1:])]
    modifiers = st.sampled_from(["", "@latin", "@Latin", "@latn", "@cyrillic", "@valencia"])
    return st.tuples(st.sampled_from(scripted + known[::11]), st.booleans(), st.booleans(),
                     modifiers).map(
        lambda t: (t[0].upper() if t[1] else t[0]).replace("_", "-" if t[2] else "_") + t[3])


@settings(max_examples=200, deadline=None)
@given(_codes())
def test_an_accepted_code_is_gettexts_spelling_of_its_tag(code: str) -> None:
    """A code check_language takes is the one gettext_code gives for its BCP 47 tag, so two
    codes of one tag (one language, one script, one region) cannot both name a folder."""
    try:
        accepted = check_language(code)
    except CatalogError as error:
        hint = error.hint or ""
        if hint.startswith("use '"):
            asked = hint[len("use '"):].rstrip("'")
            assert check_language(asked) == asked, (code, hint)
        return
    assert gettext_code(language_tag(accepted)) == accepted, code


def test_the_spelling_asked_for_a_script_babel_knows_only_with_it_makes_catalogs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """az_Arab_IQ is written az_IQ (Azerbaijani is written in Arabic letters in Iraq), a code
    Babel knows only with its script: update died with an internal error reading its plural
    forms and name (as az_IQ@arabic, the spelling an earlier rule asked for)."""
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    assert main(["--root", str(tmp_path), "extract"]) == 0
    assert main(["--root", str(tmp_path), "update", "-l", "az_Arab_IQ"]) == 2
    assert "use 'az_IQ'" in capsys.readouterr().err
    for code in ("az_IQ", "az_IQ@arabic"):
        assert main(["--root", str(tmp_path), "update", "-l", code]) == (
            0 if code == "az_IQ" else 2)
    header = (tmp_path / "locale/az_IQ/LC_MESSAGES/glossary.po").read_text("utf-8")
    assert '"Language: az_IQ\\n"' in header
    assert '"Language-Team: Azerbaijani (Arabic, Iraq)\\n"' in header
    assert main(["--root", str(tmp_path), "compile", "-l", "az_IQ"]) == 0


@pytest.mark.parametrize(("lang", "name", "rtl"), [
    ("uz@arabic", "Uzbek (Arabic)", True),
    ("sr_RS@latin", "Serbian (Latin, Serbia)", False),
    ("ks_IN@devanagari", "Kashmiri (Devanagari, India)", False),
    # glibc's sd_IN is Sindhi in Arabic letters, CLDR's in Devanagari
    ("sd_IN", "Sindhi (Arabic)", True), ("sd_IN@devanagari", "Sindhi (Devanagari, India)", False),
])
def test_a_tables_language_is_named_and_laid_out_in_its_modifiers_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, name: str, rtl: bool,
) -> None:
    """Babel reads a modifier as nothing: sr_RS@latin was headed Serbian (Cyrillic, Serbia),
    and the cells of uz@arabic (Uzbek in Arabic letters) laid out left to right."""
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    assert main(["--root", str(tmp_path), "extract"]) == 0
    assert main(["--root", str(tmp_path), "update", "-l", lang]) == 0
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "table", "-l", lang]) == 0
    assert capsys.readouterr().out.startswith(f"| Malay | {name} |")
    assert main(["--root", str(tmp_path), "table", "-l", lang, "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert f'data-label="{name} definition"' in html
    assert (' dir="rtl"' in html) is rtl
    tag = {"uz@arabic": "uz-Arab", "sr_RS@latin": "sr-Latn-RS", "ks_IN@devanagari": "ks-Deva-IN",
           "sd_IN": "sd-Arab-IN", "sd_IN@devanagari": "sd-Deva-IN"}[lang]
    assert f'<td class="en" lang="{tag}"' in html, html


@pytest.mark.parametrize(("code", "spelled"), [
    ("sr_Cyrl", "sr"), ("sr-Cyrl-RS", "sr_RS"), ("uz_Latn", "uz"), ("zh_Hans_CN", "zh_CN"),
    ("en_Latn_US", "en_US"), ("aa@latin", "aa"), ("zh_Hant_TW", "zh_TW"), ("pa_Arab_PK", "pa_PK"),
    ("pa_PK@arabic", "pa_PK"), ("zh_Hant_HK", "zh_HK"),
    # where glibc and CLDR part on the script a region writes, glibc's is the folder's
    ("sd_Deva_IN", "sd_IN@devanagari"), ("sr_Latn_ME", "sr_ME@latin"),
    ("sr_Cyrl_ME", "sr_ME"),
])
def test_the_script_a_language_is_written_in_anyway_is_no_part_of_its_code(
        code: str, spelled: str) -> None:
    """-l sr_Cyrl was told to use sr@cyrillic (and uz_Latn uz@latin): a second folder beside
    locale/sr, Serbian being written in Cyrillic, as gettext programs read it."""
    with pytest.raises(CatalogError, match=f"use '{spelled}'"):
        check_language(code)
    assert check_language(spelled) == spelled


@pytest.mark.parametrize("command", [*COMMANDS, ["align", "EXAMPLES"]], ids=lambda c: c[0])
def test_catalogs_under_another_spelling_are_named_not_started_again(
    tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    """locale/sr_Latn (an older glossari's folder) holds the translations: update -l sr@latin
    made a second, empty catalog beside it, and every reader said 'run glossari update -l
    sr@latin to start it'."""
    root = tmp_path_factory.mktemp("misspelt")
    shutil.copytree(REPO / "seeds", root / "seeds")
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "sr@latin"]) == 0
    po = root / "locale/sr@latin/LC_MESSAGES/glossary.po"
    po.write_text(po.read_text("utf-8").replace(
        'msgid "Eksekutif akaun"\nmsgstr ""', 'msgid "Eksekutif akaun"\nmsgstr "Izvršni račun"'),
        "utf-8")
    assert main(["--root", str(root), "table", "-l", "sr@latin", "--format", "csv", "-o",
                 str(root / "table.csv")]) == 0
    (root / "locale/sr@latin").rename(root / "locale/sr_Latn")
    places = {"SITE": str(root / "site"), "TABLE": str(root / "table.csv"),
              "EXAMPLES": str(REPO / "docs" / "examples" / "en")}
    before = sorted(p.relative_to(root) for p in (root / "locale").rglob("*"))
    capsys.readouterr()
    assert main(["--root", str(root), command[0], "-l", "sr@latin",
                 *(places.get(word, word) for word in command[1:])]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("glossari: error: locale/sr_Latn: the catalogs of 'sr@latin' are in "
                          "locale/sr_Latn"), err
    assert "(mv locale/sr_Latn locale/sr@latin)" in err, err
    assert sorted(p.relative_to(root) for p in (root / "locale").rglob("*")) == before
    (root / "locale/sr_Latn").rename(root / "locale/sr@latin")  # what it says to do
    assert main(["--root", str(root), "show", "accountexecutive", "-l", "sr@latin"]) == 0
    assert "Izvršni račun" in capsys.readouterr().out


@needs_gnu
def test_a_misspelt_folder_beside_its_language_says_how_to_keep_both_translations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """locale/sr_Latn beside locale/sr@latin (update -l sr_Latn made both): compile and check
    said 'rename the folder', which would put it inside the other; the command they give now
    keeps the translations of both."""
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    assert main(["--root", str(tmp_path), "extract"]) == 0
    assert main(["--root", str(tmp_path), "update", "-l", "sr@latin"]) == 0
    latin = tmp_path / "locale/sr@latin/LC_MESSAGES/glossary.po"
    shutil.copytree(tmp_path / "locale/sr@latin", tmp_path / "locale/sr_Latn")
    for path, msgid, msgstr in ((latin, "Careers", "Karijere"),
                                (tmp_path / "locale/sr_Latn/LC_MESSAGES/glossary.po",
                                 "Eksekutif akaun", "Izvršni račun")):
        path.write_text(path.read_text("utf-8").replace(
            f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgstr}"'), "utf-8")
    for command in (["compile"], ["check"]):
        capsys.readouterr()
        assert main(["--root", str(tmp_path), *command]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert "glossari: error: locale/sr_Latn: " in err, err
        assert "which has that folder too" in err, err
    said = err.split("(for each catalog D: ")[1].split(",")[0]
    for domain in ("glossary", "articles-a"):
        argv = said.replace("D.po", f"{domain}.po").split()  # D.pot too
        subprocess.run(argv, cwd=tmp_path, check=True)
    shutil.rmtree(tmp_path / "locale/sr_Latn")
    assert main(["--root", str(tmp_path), "compile"]) == 0
    text = latin.read_text("utf-8")
    assert 'msgstr "Karijere"' in text
    assert 'msgstr "Izvršni račun"' in text


def test_a_misspelt_name_of_the_very_folder_is_not_a_second_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """locale/EN is locale/en on macOS and Windows (here a symbolic link stands for it): the
    hint to move its translations into locale/en would have merged a folder into itself."""
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    assert main(["--root", str(tmp_path), "extract"]) == 0
    assert main(["--root", str(tmp_path), "update", "-l", "en"]) == 0
    (tmp_path / "locale/EN").symlink_to("en")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "compile"]) == 2
    err = capsys.readouterr().err
    assert err == ("glossari: error: locale/EN: the language code 'EN' is written 'en' in "
                   "locale/; rename the folder to locale/en\n"), err
