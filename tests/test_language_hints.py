"""A language code's error tells what to do, and doing it works: Malay in a spelling ``locale/``
does not use (``MS``, ``zsm``, ``ms-MY``) was told to "use 'ms'", which every command that
reads or writes a translation then refused as Malay; ``compile``, ``align``, ``import`` and
``check -l ms`` sent the user to ``glossari update -l ms``, refused the same way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.languages import check_translation_language
from glossari.cli import main
from glossari.errors import CatalogError
from tests._langkit import refused

REPO = Path(__file__).resolve().parent.parent
MALAY = ["ms", "MS", "zsm", "msa", "may", "ms-MY", "ms_MY"]
COMMANDS = [
    ["update"], ["compile"], ["table"], ["show", "accountexecutive"], ["render"],
    ["site", "-o", "SITE"], ["import", "TABLE"], ["align", "EXAMPLES"], ["check"],
]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("glossary")
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale",
                    ignore=shutil.ignore_patterns("glossari.sqlite*", ".glossari-*"))
    assert main(["--root", str(root), "table", "--format", "csv", "-o",
                 str(root / "table.csv")]) == 0
    return root


@pytest.mark.parametrize("lang", MALAY)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_malay_in_any_spelling_is_named_malay_by_every_translation_command(
    root: Path, capsys: pytest.CaptureFixture[str], command: list[str], lang: str,
) -> None:
    err = refused(root, capsys, command, lang,
                  {"SITE": str(root / "site"), "TABLE": str(root / "table.csv"),
                   "EXAMPLES": str(REPO / "docs" / "examples" / "en")})
    assert f"'{lang}' is Malay, the language of the articles" in err, err
    assert "use 'ms" not in err, err
    assert "update -l" not in err, err


def _codes() -> st.SearchStrategy[str]:
    """Language codes as people type them: CLDR's, in any case, with '-' or '_'."""
    from babel.localedata import locale_identifiers

    known = [*sorted(locale_identifiers())[::7], "zsm", "msa", "may", "eng", "fre", "in_ID"]
    return st.tuples(st.sampled_from(known), st.booleans(), st.booleans()).map(
        lambda t: (t[0].upper() if t[1] else t[0]).replace("_", "-" if t[2] else "_"))


@settings(max_examples=150, deadline=None)
@given(_codes())
def test_the_spelling_a_refusal_asks_for_is_accepted(code: str) -> None:
    try:
        check_translation_language(code)
    except CatalogError as error:
        hint = error.hint or ""
        if hint.startswith("use '"):
            asked = hint[len("use '"):].rstrip("'")
            assert check_translation_language(asked) == asked, (code, hint)
