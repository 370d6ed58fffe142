"""``check`` reads catalogs one file at a time and streams the findings (glossari/checks/runner.py):
the stream must be exactly what holding every finding and sorting once gives, in every case."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from _checkkit import ENGLISH, memory_langid, with_catalog

import glossari.checks.catalogs
import glossari.checks.runner
import glossari.errors
from glossari.checks import check, stream_check
from glossari.diagnostics import Finding
from glossari.glossary import load_glossary
from glossari.model import Location, Term
from glossari.root import GlossaryRoot


def _key(f: Finding) -> tuple[str, int, str, str]:
    return (f.path, f.line, f.code, f.message)


@pytest.fixture
def folder(tmp_path: Path) -> GlossaryRoot:
    kit = with_catalog(tmp_path)
    item = next(k for k in ENGLISH if k[1].startswith("Pada tahun 2021"))
    kit.translate(item[1], item[1])  # still Malay: L301, C202
    kit.translate("Untung kasar", "Cost of sales", "untungkasar")  # T402
    kit.drop.add(next(k for k in ENGLISH if k[1].startswith("Kos jualan termasuk")))  # C201/C207
    root = kit.write()
    en = tmp_path / "locale" / "en" / "LC_MESSAGES"
    # a second and a third language whose folders sort around "en/" differently from their codes
    for lang in ("en_GB", "eo"):
        shutil.copytree(en, tmp_path / "locale" / lang / "LC_MESSAGES")
    return root


def _both_ways(root: GlossaryRoot, terms: list[Term] | None = None,
               monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[list[Finding], ...]:
    glossary = load_glossary(root)
    source = terms if terms is not None else glossary
    streamed = list(check(source, root, langid=memory_langid()).findings)
    assert monkeypatch is not None
    with monkeypatch.context() as patched:
        patched.setattr(glossari.checks.runner, "_can_stream", lambda *_: False)
        held = list(check(source, root, langid=memory_langid()).findings)
    return streamed, held


def test_streamed_findings_are_sorted_and_equal_the_held_ones(
    folder: GlossaryRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    streamed, held = _both_ways(folder, monkeypatch=monkeypatch)
    assert streamed == held
    assert streamed == sorted(set(streamed), key=_key)
    codes = {f.code for f in streamed}
    assert {"C200", "C201", "C202", "C207", "L301", "T402"} <= codes
    langs = [f.lang for f in streamed if f.code == "C200"]
    assert set(langs) == {"en", "en_GB", "eo"}


def test_terms_named_before_the_catalogs_are_still_sorted(
    folder: GlossaryRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # terms built in Python may name any source: their findings (C201, S...) then sort before
    # "locale/", and the check must hold everything instead of streaming
    glossary = load_glossary(folder)
    renamed = [dataclasses.replace(t, source=Location(path="a/" + t.source.path,
                                                      line=t.source.line))
               if t.kind == "article" else t for t in glossary]
    streamed, held = _both_ways(folder, renamed, monkeypatch)
    assert streamed == held == sorted(set(streamed), key=_key)
    assert streamed[0].path.startswith("a/")


def test_catalogs_are_read_one_at_a_time(
    folder: GlossaryRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each catalog is parsed once, and the findings of a file are handed on before the next
    # body file is read
    read: list[str] = []
    original = glossari.checks.catalogs.load_catalog_file

    def spy(path: Path, *, lang: str, domain: str) -> glossari.checks.catalogs.CatalogFile:
        read.append(f"{lang}/{domain}")
        return original(path, lang=lang, domain=domain)

    monkeypatch.setattr(glossari.checks.runner, "load_catalog_file", spy)
    run = stream_check(load_glossary(folder), folder, ["en"], langid=memory_langid())
    assert read == []  # nothing is read before the findings are asked for
    first = next(run.findings)
    assert first.path.startswith("locale/en/LC_MESSAGES/articles-")
    # the glossary is read first (its pairs are the termbase), then the first body file
    assert read == ["en/glossary", "en/articles-k"]
    rest = list(run.findings)
    assert len(read) == len(set(read)) == 3
    assert run.coverage
    assert run.coverage[0][0] == "en"
    assert rest


def test_a_language_folder_not_named_as_gettext_names_it_is_bad_input(
    folder: GlossaryRoot, tmp_path: Path
) -> None:
    """`locale/en-GB` is no folder gettext reads (it wants `en_GB`), and `-l en-GB` is refused:
    `check` names the folder and the fix instead of checking it as a language."""
    en = tmp_path / "locale" / "en" / "LC_MESSAGES"
    shutil.copytree(en, tmp_path / "locale" / "en-GB" / "LC_MESSAGES")
    with pytest.raises(glossari.errors.CatalogError) as caught:
        check(load_glossary(folder), folder, langid=memory_langid())
    assert caught.value.path == "locale/en-GB"
    # the fixture has locale/en_GB too: renaming would put en-GB inside it
    assert "move this folder's translations into locale/en_GB" in str(caught.value)


def test_a_broken_catalog_met_mid_stream_is_bad_input(
    folder: GlossaryRoot, tmp_path: Path
) -> None:
    po = tmp_path / "locale" / "en_GB" / "LC_MESSAGES" / "articles-u.po"
    po.write_bytes(po.read_bytes() + b'\nmsgid "unterminated\n')
    with pytest.raises(glossari.errors.CatalogError) as caught:
        check(load_glossary(folder), folder, langid=memory_langid())
    assert caught.value.path == "locale/en_GB/LC_MESSAGES/articles-u.po"
    assert caught.value.line is not None
    assert caught.value.line > 1
