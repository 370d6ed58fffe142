"""One rule for every ``-l``, worded by its use: a code that names a ``locale/`` folder where it
is used (``update -l``, a translation's ``find -l fr``) is told the folder's spelling, one that
names none (``termcheck -l``, Malay, the articles' side of ``find`` and ``search``) the spelling
alone; and Malay in another script than Latin is refused by every command, the way to write it
instead named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossari.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("glosari")
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "peniaga-broker.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Saham-saham pelaburannya"\nmsgstr "Its investment shares"\n', encoding="utf-8")
    return root


def _error(root: Path, args: list[str], capsys: pytest.CaptureFixture[str],
           option: str = "-l") -> str:
    words = [str(root / "peniaga-broker.po") if a == "PO" else a for a in args]
    assert main(["--root", str(root), *words]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"glossari: error: {option}: ")
    return err.strip()


NO_FOLDER = [["termcheck", "PO"], ["find", "saham-saham"], ["search", "pelaburannya"]]


@pytest.mark.parametrize("command", NO_FOLDER, ids=lambda c: c[0])
@pytest.mark.parametrize(("lang", "spelled"), [("ms-MY", "ms_MY"), ("MS", "ms"),
                                               ("ms-BN", "ms_BN"), ("MS_my", "ms_MY")])
def test_a_misspelt_malay_code_names_no_folder(
    root: Path, capsys: pytest.CaptureFixture[str], command: list[str], lang: str, spelled: str,
) -> None:
    """``termcheck -l ms-MY`` was told the code "is written 'ms_MY' in locale/", a folder
    termcheck never reads (nor does find or search read one for Malay)."""
    err = _error(root, [command[0], "-l", lang, *command[1:]], capsys)
    assert "locale/" not in err
    assert err.endswith(f"use '{spelled}'")


def test_termcheck_names_no_folder_for_english_either(
    root: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    err = _error(root, ["termcheck", "--source-lang", "en-GB", "-l", "ms", "PO"], capsys,
                 option="--source-lang")
    assert "locale/" not in err
    assert err.endswith("use 'en_GB'")


@pytest.mark.parametrize("command", [["update"], ["compile"], ["find", "saham"],
                                     ["search", "saham"]], ids=lambda c: c[0])
def test_a_translation_language_names_its_folder(
    root: Path, capsys: pytest.CaptureFixture[str], command: list[str],
) -> None:
    """A translation language's catalogs are in its locale/ folder: the message says so."""
    err = _error(root, [command[0], "-l", "en-GB", *command[1:]], capsys)
    assert "'en_GB' in locale/" in err


SIDES = [["find", "saham-saham"], ["search", "pelaburannya"], ["termcheck", "PO"]]


@pytest.mark.parametrize("command", SIDES, ids=lambda c: c[0])
@pytest.mark.parametrize("lang", ["ms@jawi", "MS@JAWI", "ms_Arab", "ms_Arab_MY", "ms_MY@jawi"])
def test_malay_in_another_script_is_refused_by_every_command_reading_malay(
    root: Path, capsys: pytest.CaptureFixture[str], command: list[str], lang: str,
) -> None:
    """``find -l ms@jawi`` and ``search -l ms@jawi`` read Jawi as Malay in Latin script (and
    found nothing), where termcheck refuses it; ``-l ms_Arab`` was told to use ``ms@arabic``,
    then read so too. One rule: refused, naming the code to write instead."""
    err = _error(root, [command[0], "-l", lang, *command[1:]], capsys)
    assert "Jawi script" in err
    assert "give ms " in err
    assert "@arabic" not in err


@pytest.mark.parametrize("command", [["show", "accountexecutive"], ["table"], ["update"],
                                     ["compile"]], ids=lambda c: c[0])
def test_malay_in_another_script_is_no_translation_language(
    root: Path, capsys: pytest.CaptureFixture[str], command: list[str],
) -> None:
    err = _error(root, [command[0], "-l", "ms@jawi", *command[1:]], capsys)
    assert "is Malay, the language of the articles" in err


@pytest.mark.parametrize("lang", ["ms_Arab", "ms_Arab_MY", "ms_MY@jawi"])
def test_the_library_reads_no_malay_in_another_script_as_malay(root: Path, lang: str) -> None:
    import glossari
    from glossari.errors import InputError

    with glossari.load(root) as glossary:
        for ask in (lambda: glossary.search("broker", lang=lang),
                    lambda: glossary.find_terms("peniaga broker", lang=lang)):
            with pytest.raises(InputError, match=lang):
                ask()


@pytest.mark.parametrize(("lang", "source", "name"), [("en_GB", "en", "English"),
                                                      ("ms_MY", "ms", "Malay"),
                                                      ("ms_BN", "ms_MY", "Malay")])
def test_termcheck_names_the_target_as_written_when_it_is_the_source(
    root: Path, capsys: pytest.CaptureFixture[str], lang: str, source: str, name: str,
) -> None:
    """``termcheck -l en_GB --source-lang en`` was told "-l en is the source language too",
    a code it was not given."""
    po = str(root / "peniaga-broker.po")
    assert main(["--root", str(root), "termcheck", "--source-lang", source, "-l", lang, po]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith(f"glossari: error: -l {lang} is {name}, the source language too "
                          f"(--source-lang {source})")
