"""``glossari check``: output formats, exit codes, the shipped glossary, the documented codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _checkkit import ENGLISH, Kit, with_catalog

from glossari.checks import CODES
from glossari.cli import main

REPO = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<sev>error|warning|info): "
                  r"(?P<code>[SCLT]\d{3}): .+$")
ITEM = next(k for k in ENGLISH if k[1].startswith("Pada tahun 2021"))
PARAGRAPH = next(k for k in ENGLISH if k[1].startswith("Kos jualan termasuk"))


def run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--root", str(root), "check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_shipped_glossary_passes_fail_on_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(REPO, capsys=capsys)
    assert code == 0, out
    lines = out.splitlines()
    assert all(LINE.match(line) for line in lines), lines
    # its real flaws are reported, as warnings
    assert any(": warning: S101: heading '##Sorotan'" in line for line in lines)
    finra = [line for line in lines if "FINRA ), terpakai kepada" in line and ": S103:" in line]
    assert finra
    assert all(": warning: " in line for line in finra)
    assert not any(": error: " in line for line in lines)
    assert err.startswith("glossari check: ")


def test_shipped_glossary_fails_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(REPO, "--fail-on", "warning", capsys=capsys)
    assert code == 1


def test_text_output_sorted_and_summary_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = with_catalog(tmp_path)
    kit.translate(ITEM[1], ITEM[1])
    kit.write()
    code, out, err = run(tmp_path, capsys=capsys)
    assert code == 0  # warnings only
    parsed = [LINE.match(line) for line in out.splitlines()]
    assert all(parsed)
    keys = [(m["path"], int(m["line"]), m["code"]) for m in parsed if m]
    assert keys == sorted(keys)
    assert err.count("\n") == 1
    assert "0 errors, 3 warnings" in err  # C202, L301 and T401 on the untranslated item
    assert "en: 11/11 translated (100.0%)" in err


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = with_catalog(tmp_path)
    kit.translate(ITEM[1], ITEM[1])
    kit.write()
    code, out, _ = run(tmp_path, "--format", "json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list)
    for item in data:
        assert {"path", "line", "severity", "code", "message"} <= item.keys()
        assert set(item) <= {"path", "line", "severity", "code", "message", "lang", "term"}
        assert item["code"] in CODES
        assert item["severity"] == CODES[item["code"]].severity
    l301 = [i for i in data if i["code"] == "L301"]
    assert l301 == [{
        "path": "locale/en/LC_MESSAGES/articles-k.po", "line": kit.entry_lines[ITEM],
        "severity": "warning", "code": "L301", "message": l301[0]["message"],
        "lang": "en", "term": "kosjualan",
    }]


def test_exit_1_on_error_and_fail_on_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = with_catalog(tmp_path)
    kit.write()
    assert run(tmp_path, "--fail-on", "warning", capsys=capsys)[0] == 0  # infos never fail
    kit.translate(PARAGRAPH[1], ENGLISH[PARAGRAPH].replace("(/untungkasar)", "(/elsewhere)"))
    kit.write()
    code, out, _ = run(tmp_path, capsys=capsys)
    assert code == 1
    assert ": error: C203: " in out


def test_lang_option_selects_catalogs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = with_catalog(tmp_path)
    kit.write()
    fr = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    fr.mkdir(parents=True)
    (fr / "glossary.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "kosjualan"\nmsgid "Kos jualan"\nmsgstr "Coût des ventes"\n', encoding="utf-8")
    _, out_all, _ = run(tmp_path, capsys=capsys)
    assert "locale/en/" in out_all
    assert "locale/fr/" in out_all  # default: every language under locale/
    _, out_fr, err = run(tmp_path, "-l", "fr", capsys=capsys)
    assert "locale/fr/" in out_fr
    assert "locale/en/" not in out_fr
    assert "fr: 1/1 translated" in err


@pytest.mark.parametrize(
    "args",
    [["-l", "../etc"], ["--format", "xml"], ["--fail-on", "info"], ["--bogus"]],
)
def test_bad_usage_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           args: list[str]) -> None:
    Kit(root=tmp_path).write()
    code, out, err = run(tmp_path, *args, capsys=capsys)
    assert code == 2
    assert out == ""
    assert "error: " in err
    assert len(err.splitlines()) == 1  # no usage lines before it


def test_unknown_language_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_catalog(tmp_path).write()
    code, _, err = run(tmp_path, "-l", "fr", capsys=capsys)
    assert code == 2
    assert err == ("glossari: error: locale/fr/LC_MESSAGES: no catalogs for the language 'fr' "
                   "(locale/ has en); check the language code, or run 'glossari update -l fr' "
                   "to start it\n")


def test_a_language_given_twice_is_checked_once(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with_catalog(tmp_path).write()
    _, out_once, err_once = run(tmp_path, "-l", "en", capsys=capsys)
    _, out_twice, err_twice = run(tmp_path, "-l", "en", "-l", "en", capsys=capsys)
    assert (out_twice, err_twice) == (out_once, err_once)
    assert err_once.count("en:") == 1


def test_unreadable_article_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = Kit(root=tmp_path)
    kit.edit("kosjualan", "title: Kos jualan\n", "title: {unclosed: a\n")
    kit.write()
    code, _, err = run(tmp_path, capsys=capsys)
    assert code == 2
    assert re.match(r"glossari: error: seeds/kosjualan\.md:\d+: ", err)
    assert "Traceback" not in err


def test_unreadable_catalog_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = with_catalog(tmp_path)
    kit.extra_entries.append('msgid "a"\nmsgstr "b\n')
    kit.write()
    code, _, err = run(tmp_path, capsys=capsys)
    assert code == 2
    assert "glossary.po:" in err
    assert err.count("\n") == 1


def test_through_python_m(tmp_path: Path) -> None:
    with_catalog(tmp_path).write()
    result = subprocess.run(
        [sys.executable, "-m", "glossari", "--root", str(tmp_path), "check", "--format", "json"],
        capture_output=True, text=True, check=False, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert {i["code"] for i in json.loads(result.stdout)} == {"C200", "L302"}


# --- the documentation ----------------------------------------------------------------------------


def _documented() -> dict[str, str]:
    text = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([SCLT]\d{3})` \| (error|warning|info) \|", text, re.MULTILINE)
    return dict(rows)


def test_every_code_is_documented_with_its_severity() -> None:
    assert _documented() == {code: c.severity for code, c in CODES.items()}


def test_loading_reports_only_documented_codes() -> None:
    from glossari.glossary import load_glossary

    glossary = load_glossary(REPO)
    for f in glossary.findings:
        assert f.code in CODES, f
        assert f.severity == CODES[f.code].severity, f
