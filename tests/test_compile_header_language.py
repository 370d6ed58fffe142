"""``compile`` says what ``check`` reports as C210: a catalog whose header's ``Language`` names
another language than its folder is compiled for the folder's language, with a warning naming
the file and the line, at every run (``compile`` was silent on it: a translator whose Poedit
read an English catalog as Malay learnt of it only from ``check``)."""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest

from glossari.cli import main
from tests._catalog_oracles import article, cli, make_root

ARTICLES = {
    "peniaga-broker": article("Peniaga broker", "Peniaga broker membeli [saham-saham](/saham).",
                              description="Firma yang berdagang untuk pelanggannya."),
    "saham": article("Saham", "Saham ialah unit pemilikan.", description="Unit pemilikan."),
}


def _translated_root(tmp_path: Path, language: str) -> tuple[Path, Path]:
    root = make_root(tmp_path, ARTICLES)
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    po = root / "locale/en/LC_MESSAGES/glossary.po"
    text = po.read_text("utf-8")
    text = text.replace('msgid "Saham"\nmsgstr ""', 'msgid "Saham"\nmsgstr "Share"')
    text = re.sub(r'"Language: en\\n"', f'"Language: {language}\\\\n"', text)
    po.write_text(text, "utf-8")
    return root, po


@pytest.mark.parametrize("language", ["ms", "ms_MY", "fr", "id-ID"])
def test_a_header_naming_another_language_compiles_with_checks_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str,
) -> None:
    root, po = _translated_root(tmp_path, language)
    line = po.read_text("utf-8").splitlines().index(f'"Language: {language}\\n"') + 1
    capsys.readouterr()
    assert main(["--root", str(root), "check", "-l", "en", "--select", "C210",
                 "--format", "json"]) == 0
    (c210,) = json.loads(capsys.readouterr().out)
    assert (c210["path"], c210["line"]) == ("locale/en/LC_MESSAGES/glossary.po", line)
    expected = f"glossari: warning: {c210['path']}:{line}: {c210['message']}\n"
    for run in range(2):  # compiled, then unchanged: said at every run
        code, err = cli(root, "compile", "-l", "en")
        assert code == 0, err
        warnings = [w for w in err.splitlines(keepends=True) if "warning" in w]
        assert warnings == [expected], (run, err)
    # compiled for the folder's language, as gettext reads it
    english = gettext.translation("glossary", str(root / "locale"), ["en"])
    assert english.pgettext("saham", "Saham") == "Share"


@pytest.mark.parametrize("language", ["en", "en_GB", "EN-us", "eng", ""])
def test_the_folders_language_in_any_spelling_is_no_warning(
    tmp_path: Path, language: str,
) -> None:
    root, _ = _translated_root(tmp_path, language)
    code, err = cli(root, "compile")
    assert code == 0, err
    assert "warning" not in err, err


@pytest.mark.parametrize(("folder", "language", "warned"), [
    ("zh_TW", "zh_CN", True), ("sr@latin", "sr", True), ("uz@cyrillic", "uz_UZ", True),
    ("zh_TW", "zh_Hant_TW", False), ("sr@latin", "sr_Latn", False), ("pt_BR", "pt", False),
])
def test_the_same_language_in_another_script_is_another_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: str, language: str,
    warned: bool,
) -> None:
    """Language: zh_CN in locale/zh_TW: Poedit and Weblate take the catalog for Simplified
    Chinese (their spell checker, their machine translation), and check and compile said
    nothing, comparing the primary language alone."""
    root = make_root(tmp_path, ARTICLES)
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", folder)[0] == 0
    po = root / f"locale/{folder}/LC_MESSAGES/articles-s.po"
    po.write_text(po.read_text("utf-8").replace(f'"Language: {folder}\\n"',
                                                f'"Language: {language}\\n"'), "utf-8")
    capsys.readouterr()
    main(["--root", str(root), "check", "-l", folder, "--select", "C210", "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in found] == (
        [f"locale/{folder}/LC_MESSAGES/articles-s.po"] if warned else [])
    code, err = cli(root, "compile", "-l", folder)
    assert code == 0, err
    assert ("glossari: warning: " in err) is warned, err
    if warned:
        assert f"read it as '{language}', written in" in err, err
