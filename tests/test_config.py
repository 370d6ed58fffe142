"""The configuration file (glossari/config.py): precedence flags > file > defaults, unknown keys
and codes refused with file and line, a code's severity changed for one glossary."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from _catalog_oracles import make_root

from glossari.cli import main
from glossari.config import load_config, parse_config
from glossari.errors import ConfigError


def check(root: Path, *args: str) -> tuple[int, list[dict[str, object]], str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), "check", "--format", "json", *args])
    return code, json.loads(out.getvalue()) if code != 2 else [], err.getvalue()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    # the seed article: S103 (warning), S110 (warning), S121 (info) and no error
    return make_root(tmp_path, seed=True)


def codes(findings: list[dict[str, object]]) -> set[object]:
    return {f["code"] for f in findings}


def test_defaults_without_a_file(root: Path) -> None:
    code, findings, _ = check(root)
    assert code == 0
    assert {"S103", "S110", "S121"} <= codes(findings)


def test_file_then_flag_precedence(root: Path) -> None:
    (root / "glossari.toml").write_text(
        '[check]\nfail-on = "warning"\nignore = ["S121"]\n', encoding="utf-8")
    code, findings, _ = check(root)
    assert code == 1  # the file's fail-on
    assert "S121" not in codes(findings)
    assert "S103" in codes(findings)
    code, findings, _ = check(root, "--fail-on", "error", "--ignore", "S110")
    assert code == 0  # the flag's fail-on
    assert "S110" not in codes(findings)
    assert "S121" in codes(findings)  # --ignore replaces the file's ignore


def test_select_from_file_and_flag(root: Path) -> None:
    (root / "glossari.toml").write_text('[check]\nselect = ["S12"]\n', encoding="utf-8")
    assert codes(check(root)[1]) == {"S121"}
    assert codes(check(root, "--select", "S103,S110")[1]) == {"S103", "S110"}


def test_per_code_severity(root: Path) -> None:
    # one warning made an error, the other warnings stay warnings
    (root / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.glossari.check]\nseverity = { S103 = "error", '
        'L301 = "error" }\n', encoding="utf-8")
    code, findings, err = check(root)
    assert code == 1
    severities = {f["code"]: f["severity"] for f in findings}
    assert severities["S103"] == "error"
    assert severities["S110"] == "warning"
    assert "1 error" in err


def test_glossari_toml_wins_over_pyproject(root: Path) -> None:
    (root / "pyproject.toml").write_text('[tool.glossari.check]\nfail-on = "warning"\n',
                                         encoding="utf-8")
    (root / "glossari.toml").write_text('[check]\nfail-on = "error"\n', encoding="utf-8")
    assert check(root)[0] == 0


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("glossari.toml", 'languages = ["en"]\n\n[check]\nselect = ["S1"]\nfial-on = "error"\n',
     "glossari.toml:5: unknown key 'check.fial-on'; the keys are check.select, check.ignore, "
     "check.fail-on, check.severity"),
    ("glossari.toml", 'lanugages = ["en"]\n',
     "glossari.toml:1: unknown key 'lanugages'; the keys are languages, min-coverage, check"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.glossari]\nmin-coverage = 50\n'
     'colour = true\n',
     "pyproject.toml:6: unknown key 'colour'; the keys are languages, min-coverage, check"),
    ("pyproject.toml", '[tool.glossari.check]\nignore = [\n  "S107",\n  "X999",\n]\n',
     "pyproject.toml:4: unknown check code 'X999' in 'check.ignore'; the codes are listed in "
     "docs/checks.md (a prefix such as 'S1' selects a group)"),
    ("glossari.toml", '[check.severity]\nS103 = "error"\nS999 = "error"\n',
     "glossari.toml:3: unknown check code 'S999' in 'check.severity'; the codes are listed in "
     "docs/checks.md"),
    # a code near a known one names it; a select listing no code is refused: it reported
    # nothing, and check passed whatever it found
    ("glossari.toml", '[check]\nselect = ["S1", "c2O3"]\n',
     "glossari.toml:2: unknown check code 'c2O3' in 'check.select'; did you mean 'C203'? the "
     "codes are listed in docs/checks.md (a prefix such as 'S1' selects a group)"),
    ("glossari.toml", '[check.severity]\nl301 = "error"\n',
     "glossari.toml:2: unknown check code 'l301' in 'check.severity'; did you mean 'L301'? the "
     "codes are listed in docs/checks.md"),
    ("glossari.toml", '[check.severity]\nS1 = "error"\n',
     "glossari.toml:2: unknown check code 'S1' in 'check.severity'; the codes are listed in "
     "docs/checks.md"),
    ("pyproject.toml", '[tool.glossari.check]\nselect = []\n',
     "pyproject.toml:2: 'check.select' lists no code, so no finding would be reported; list "
     'codes such as ["S1", "C203"], or leave select out to report every code'),
    ("glossari.toml", '[check]\nseverity = { S103 = "fatal" }\n',
     "glossari.toml:2: unknown severity 'fatal' for S103; use 'error', 'warning' or 'info'"),
    ("glossari.toml", 'min-coverage = 180\n',
     "glossari.toml:1: min-coverage must be a number from 0 to 100; write e.g. 80"),
    ("glossari.toml", '[check\nselect = 1\n', "glossari.toml:1: invalid TOML"),
    # an unclosed list: tomllib says "at end of document", which is the last line
    ("glossari.toml", 'min-coverage = 60\nlanguages = ["en"\n', "glossari.toml:2: invalid TOML"),
    ("glossari.toml", 'languages = ["en", 5]\n',
     "glossari.toml:1: 'languages' must be a list of strings; write e.g. [\"en\", \"id\"]"),
    ("glossari.toml", 'languages = [\n  "en",\n  "english",\n]\n',
     "glossari.toml:3: unknown language code 'english'; use an ISO 639 code such as en, id "
     "or pt_BR"),
    # Malay was accepted here, then refused by show, table, search, site and import as if the
    # user had given '-l ms'
    ("glossari.toml", 'languages = [\n  "en",\n  "ms_MY",\n]\n',
     "glossari.toml:3: 'ms_MY' is Malay, the language of the articles; give the language they "
     "are translated into, such as en"),
])
def test_bad_configuration_is_one_line_with_file_and_line(
    root: Path, name: str, text: str, expected: str
) -> None:
    (root / name).write_text(text, encoding="utf-8")
    code, _findings, err = check(root)
    assert code == 2
    assert err.startswith(f"glossari: error: {expected}")
    assert err.count("\n") == 1
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    assert caught.value.path == name


@pytest.mark.parametrize(("name", "data", "expected"), [
    # the codec's own words were printed: "'utf-8' codec can't decode byte 0xe9 in position 42:
    # invalid continuation byte", with no line, counting bytes from the start of the file
    ("glossari.toml", b'# komen\n\n[check]\nfail-on = "warning" # caf\xe9\n',
     "glossari.toml:4: not UTF-8 text (byte 0xe9 at column 26); save it as UTF-8 text"),
    ("pyproject.toml", b'[tool.glossari]\nlanguages = ["en"]  # Fran\xe7ais\n',
     "pyproject.toml:2: not UTF-8 text (byte 0xe7 at column 27); save it as UTF-8 text"),
    ("glossari.toml", '[check]\nfail-on = "error"\n'.encode("utf-16"),
     "glossari.toml:1: UTF-16 text, not UTF-8; save it as UTF-8 text"),
])
def test_a_configuration_that_is_not_utf8_names_its_line_and_says_to_save_it_as_utf8(
    root: Path, name: str, data: bytes, expected: str
) -> None:
    (root / name).write_bytes(data)
    code, _findings, err = check(root)
    assert (code, err) == (2, f"glossari: error: {expected}\n")


def test_a_configuration_saved_with_a_byte_order_mark_is_read(root: Path) -> None:
    """Notepad's "UTF-8" starts the file with a BOM, which tomllib calls 'Invalid statement' at
    line 1: an invisible character, and a message sending the user to a syntax error."""
    (root / "glossari.toml").write_bytes(b'\xef\xbb\xbf[check]\nfail-on = "warning"\n')
    assert load_config(root).check.fail_on == "warning"


def test_languages_and_min_coverage_are_read() -> None:
    config = parse_config('languages = ["en", "pt_BR"]\nmin-coverage = 60\n', source="g.toml")
    assert config.languages == ("en", "pt_BR")
    assert config.min_coverage == 60.0


def test_unknown_code_on_the_command_line_is_bad_usage(root: Path) -> None:
    code, _findings, err = check(root, "--select", "S103,Z1")
    assert code == 2
    assert "unknown check code 'Z1'" in err


@pytest.mark.parametrize(("option", "value", "said"), [
    ("--select", "s103", "unknown check code 's103'; did you mean 'S103'?"),
    ("--ignore", "S1,c2O3", "unknown check code 'c2O3'; did you mean 'C203'?"),
    # as near to S110 as to S131 by difflib's measure: the one sharing the longer start
    ("--ignore", "S11O", "unknown check code 'S11O'; did you mean 'S110'?"),
    ("--select", "", "no code given, so no finding would be reported"),
    ("--select", " , ", "no code given, so no finding would be reported"),
])
def test_a_code_list_on_the_command_line_names_what_is_meant(
    root: Path, option: str, value: str, said: str,
) -> None:
    """`check --select s103` said only 'unknown check code'; `check --select "$CODES"` with the
    variable unset reported no finding and exited 0 whatever the glossary held."""
    code, _findings, err = check(root, "--fail-on", "warning", option, value)
    assert code == 2
    assert f"error: argument {option}: {said}" in err
    assert err.count("error:") == 1
    assert check(root, "--fail-on", "warning", "--ignore", "")[0] == 1  # ignores none: fine


def test_min_coverage_file_then_flag(root: Path, tmp_path: Path) -> None:
    # an English catalog with no translation: 0% covered
    for args in (["extract"], ["update", "-l", "en"]):
        assert main(["--root", str(root), *args]) == 0

    def rendered(*flags: str) -> bool:
        out = tmp_path / "out"
        if out.exists():
            for path in out.iterdir():
                path.unlink()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(["--root", str(root), "render", "-l", "en", "-o", str(out), *flags]) == 0
        return (out / "accountexecutive.md").exists()

    assert not rendered()  # the default, 80
    (root / "glossari.toml").write_text("min-coverage = 0\n", encoding="utf-8")
    assert rendered()  # the file's
    assert not rendered("--min-coverage", "50")  # the flag's


def test_languages_from_file_choose_the_catalogs(root: Path) -> None:
    for args in (["extract"], ["update", "-l", "en"], ["update", "-l", "fr"]):
        assert main(["--root", str(root), *args]) == 0
    (root / "glossari.toml").write_text('languages = ["fr"]\n', encoding="utf-8")
    _code, findings, err = check(root)
    assert {f.get("lang") for f in findings} - {None} == {"fr"}
    assert "fr:" in err
    assert "en:" not in err
    _code, findings, _err = check(root, "-l", "en")
    assert {f.get("lang") for f in findings} - {None} == {"en"}
    # and check --help says so: it said '-l: default: every language under locale/'
    code, out, _ = _run(root, "check", "--help")
    assert code == 0
    assert "default: the configuration's languages, else every language under locale/" in \
        " ".join(out.split())


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    """``glossari --root ROOT ARGS`` in process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def _in_french(root: Path, headword: str, french: str) -> None:
    """Extract, start the fr catalogs, and translate ``headword`` into ``french`` there."""
    assert _run(root, "extract")[0] == 0
    assert _run(root, "update", "-l", "fr")[0] == 0
    po = root / "locale" / "fr" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text(encoding="utf-8")
    untranslated = f'msgid "{headword}"\nmsgstr ""'
    assert untranslated in text
    po.write_text(text.replace(untranslated, f'msgid "{headword}"\nmsgstr "{french}"'),
                  encoding="utf-8")


def _french_broker(root: Path) -> None:
    """A glossary translated into French only (``languages = ["fr"]``): one article,
    ``peniaga-broker``, whose headword the fr catalog gives as ``Courtier``."""
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\ndescription: Firma yang berdagang sekuriti.\n---\n\n"
        "Peniaga broker berdagang.\n", encoding="utf-8")
    (root / "glossari.toml").write_text('languages = ["fr"]\n', encoding="utf-8")
    _in_french(root, "Peniaga broker", "Courtier")


def test_the_reading_commands_default_to_the_configured_language(tmp_path: Path) -> None:
    """A glossary translated into French says languages = ["fr"] once: show, table, search,
    site and import then read fr without -l (they said 'no catalogs for en' before)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "kos.md").write_text("---\ntitle: Kos\ndescription: Kos ialah harga.\n---\n\nKos.\n",
                                  encoding="utf-8")

    def run(*args: str) -> tuple[int, str, str]:
        return _run(tmp_path, *args)

    _in_french(tmp_path, "Kos", "Coût")
    code, _, err = run("table", "--format", "json")
    assert code == 2
    assert "'en'" in err
    assert "fr" in err
    (tmp_path / "glossari.toml").write_text('languages = ["fr"]\n', encoding="utf-8")
    code, out, _ = run("table", "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["en"] == "Coût"
    assert run("show", "kos")[1].count("Coût") >= 1
    assert [h["id"] for h in json.loads(run("search", "coût", "--format", "json")[1])] == ["kos"]
    assert run("table", "-l", "fr", "--format", "json")[1] == out  # -l still wins


def test_find_and_termcheck_read_the_configured_language(tmp_path: Path) -> None:
    """find and termcheck read the glossary as show does: in a glossary translated into French
    only (languages = ["fr"]), they refused with 'no catalogs for the language en' where show,
    table and search answered."""
    _french_broker(tmp_path)

    def run(*args: str) -> tuple[int, str, str]:
        return _run(tmp_path, *args)

    code, out, err = run("find", "--format", "json", "Peniaga-peniaga broker itu")
    assert (code, err) == (0, "")
    assert [(m["term"], m["en"]) for m in json.loads(out)] == [("peniaga-broker", "Courtier")]
    third_party = tmp_path / "app.po"
    third_party.write_text('msgid ""\nmsgstr ""\n"Language: ms\\n"\n'
                           '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                           'msgid "Courtier"\nmsgstr "Peniaga broker"\n', encoding="utf-8")
    code, _, err = run("termcheck", "--source-lang", "en", "-l", "ms", str(third_party))
    assert "no catalogs" not in err
    assert code == 0


def test_load_reads_the_configured_language(tmp_path: Path) -> None:
    """glossari.load(root) reads the glossary as show does: a glossary translated into French
    only (languages = ["fr"]) raised 'no catalogs for the language en' where show answered."""
    import glossari

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "kos.md").write_text("---\ntitle: Kos\ndescription: Kos ialah harga.\n---\n\nKos.\n",
                                  encoding="utf-8")
    _in_french(tmp_path, "Kos", "Coût")
    (tmp_path / "glossari.toml").write_text('languages = ["fr"]\n', encoding="utf-8")
    assert glossari.load(tmp_path)["kos"].english.title == "Coût"
    assert _run(tmp_path, "show", "kos")[1].count("Coût") >= 1
    assert glossari.load(tmp_path, lang="fr")["kos"].english.title == "Coût"


def test_find_reads_a_text_in_the_language_it_names(tmp_path: Path) -> None:
    """find -l fr reads a French text by the fr catalogs ('invalid choice: fr' before), and -l en
    the English ones: in a glossary translated into French only it matched the French names as
    the English text's."""
    _french_broker(tmp_path)
    code, out, err = _run(tmp_path, "find", "-l", "fr", "Les courtiers achètent.")
    assert (code, err) == (0, "")
    assert out == "4-13\tcourtiers\t-> peniaga-broker (Peniaga broker)\n"
    code, out, err = _run(tmp_path, "find", "-l", "en", "Les courtiers achètent.")
    assert (code, out) == (2, "")
    assert "no catalogs for the language 'en' (locale/ has fr)" in err


def test_find_terms_reads_the_glossary_s_translation_by_its_name(tmp_path: Path) -> None:
    """Glossary.find_terms(text, lang="fr") on a glossary read in French refused: 'find_terms
    reads Malay ('ms') or English ('en'), not 'fr'', while search on the same glossary takes
    'fr' (and refuses 'en'), and find -l fr reads the text; only lang="en" read the French."""
    import glossari

    _french_broker(tmp_path)
    glossary = glossari.load(tmp_path)
    assert glossary.lang == "fr"
    found = glossary.find_terms("Les courtiers achètent.", lang="fr")
    assert [(m.term.id, m.text) for m in found] == [("peniaga-broker", "courtiers")]
    assert glossary.find_terms("Les courtiers achètent.", lang="en") == found  # as before
    assert [h.id for h in glossary.search("courtier", lang="fr")] == ["peniaga-broker"]
    with pytest.raises(ValueError, match=r"'ms'.*'fr'.*not 'de'"):
        glossary.find_terms("Die Makler", lang="de")


def test_a_language_listed_twice_is_one_language(root: Path) -> None:
    # `languages = ["en", "en"]` checked and summed up en twice; `-l en -l en` once
    (root / "glossari.toml").write_text('languages = ["en", "pt_BR", "en"]\n', encoding="utf-8")
    assert load_config(root).languages == ("en", "pt_BR")
    (root / "glossari.toml").write_text('languages = ["en", "en"]\n', encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main(["--root", str(root), "extract"]) == 0
        assert main(["--root", str(root), "update", "-l", "en"]) == 0
        main(["--root", str(root), "check"])
    summary = err.getvalue().splitlines()[-1]
    assert summary.count("en:") == 1, summary


@pytest.mark.parametrize(("make", "kind"), [
    (lambda p: p.mkdir(), "a folder"),
    (lambda p: os.mkfifo(p), "a named pipe (FIFO)"),
    (lambda p: p.symlink_to("tiada.toml"), "a symbolic link to a missing file"),
])
def test_a_settings_file_that_is_no_file_is_refused(root: Path, make: Any, kind: str) -> None:
    # passed over as if absent: every command ran with the defaults, not the user's settings
    make(root / "glossari.toml")
    code, _findings, err = check(root)
    assert code == 2
    assert err == (f"glossari: error: glossari.toml: {kind}, not a settings file; make "
                   "glossari.toml a TOML file, or remove it\n")


@pytest.mark.parametrize("tool", ["5", '"glossari"', "[1, 2]"])
def test_a_pyproject_whose_tool_is_no_table_holds_no_settings(root: Path, tool: str) -> None:
    # `tool = 5` was `internal error: TypeError` in every command; `tool = "glossari"` matched
    # as a substring and was refused as glossari's broken settings
    (root / "pyproject.toml").write_text(f"tool = {tool}\n", encoding="utf-8")
    code, findings, err = check(root)
    assert code == 0, err
    assert {"S103", "S110", "S121"} <= codes(findings)
