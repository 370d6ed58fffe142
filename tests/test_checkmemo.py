"""The memo of ``glossari check`` (glossari/checkmemo.py): a warm run over unchanged input prints
exactly what a full run prints, and any change of input runs every check again."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from _checkkit import ENGLISH, with_catalog
from hypothesis import given
from hypothesis import strategies as st

import glossari.glossary
from glossari.checkmemo import MEMO_KIND, CheckMemo, CheckOutput, Remembered, input_digest
from glossari.cli import main
from glossari.diagnostics import Finding
from glossari.root import GlossaryRoot

MEMO_FILE = f"{MEMO_KIND}.pickle"
"""The memo's table in the store (its outputs are beside it: check.text, check.json)."""
ITEM = next(k for k in ENGLISH if k[1].startswith("Pada tahun 2021"))


def run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--root", str(root), "check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def forbid_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the checks ran although nothing changed")

    monkeypatch.setattr(glossari.glossary, "load_glossary", fail)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    kit = with_catalog(tmp_path)
    kit.translate(ITEM[1], ITEM[1])  # a translation left in Malay: findings to remember
    kit.write()
    return tmp_path


@pytest.mark.parametrize("args", [(), ("-l", "en"), ("--format", "json"),
                                  ("--fail-on", "warning")])
def test_warm_run_prints_what_the_full_run_printed(
    folder: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cold = run(folder, *args, capsys=capsys)
    assert (folder / ".glossari-cache" / MEMO_FILE).is_file()
    assert cold[1]  # there is something to remember
    forbid_loading(monkeypatch)
    assert run(folder, *args, capsys=capsys) == cold


def test_text_and_json_share_one_memo(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, text, _ = run(folder, capsys=capsys)
    forbid_loading(monkeypatch)
    _, out, _ = run(folder, "--format", "json", capsys=capsys)
    lines = [f"{f['path']}:{f['line']}: {f['severity']}: {f['code']}: {f['message']}"
             for f in json.loads(out)]
    assert "\n".join(lines) + "\n" == text


@pytest.mark.parametrize("change", ["catalog", "article", "new article", "new language",
                                    "other file in seeds"])
def test_any_change_of_input_runs_the_checks_again(
    folder: Path, change: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(folder, capsys=capsys)
    root = GlossaryRoot(path=folder)
    before = input_digest(root, None, "en")
    po = folder / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    if change == "catalog":
        po.write_bytes(po.read_bytes() + b"\n# a translator's note\n")
    elif change == "article":
        article = folder / "seeds" / "kosjualan.md"
        article.write_text(article.read_text("utf-8") + "\nSatu ayat lagi.\n", "utf-8")
    elif change == "new article":
        (folder / "seeds" / "baru.md").write_text("---\ntitle: Baru\n---\n", "utf-8")
    elif change == "new language":
        (folder / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
        (folder / "locale" / "fr" / "LC_MESSAGES" / "glossary.po").write_bytes(po.read_bytes())
    else:
        (folder / "seeds" / "README.md").write_text("notes\n", "utf-8")
    assert input_digest(root, None, "en") != before
    assert CheckMemo.open(root, None, "en").get() is None  # type: ignore[union-attr]
    # and the full run agrees with a run that has no memo at all
    warm = run(folder, capsys=capsys)
    for memo in (folder / ".glossari-cache").glob("check.*"):
        memo.unlink()
    assert run(folder, capsys=capsys) == warm


def test_changed_finding_is_reported_after_a_catalog_edit(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, first, _ = run(folder, capsys=capsys)
    po = folder / "locale" / "en" / "LC_MESSAGES"
    domain = next(p for p in po.glob("*.po") if ITEM[1].encode() in p.read_bytes())
    text = domain.read_text("utf-8")
    escaped = json.dumps(ITEM[1], ensure_ascii=False)
    assert f"msgstr {escaped}" in text
    domain.write_text(text.replace(f"msgstr {escaped}", f'msgstr "{ENGLISH[ITEM]}"'), "utf-8")
    _, second, _ = run(folder, capsys=capsys)
    assert second != first
    assert len(second.splitlines()) < len(first.splitlines())


def test_corrupt_memo_is_ignored_and_rewritten(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cold = run(folder, capsys=capsys)
    memo = folder / ".glossari-cache" / MEMO_FILE
    memo.write_bytes(b"not a pickle")
    assert run(folder, capsys=capsys) == cold
    assert memo.read_bytes() != b"not a pickle"


def test_bad_input_is_never_remembered(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = folder / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    po.write_bytes(po.read_bytes() + b'\nmsgid "unterminated\n')
    for _ in range(2):
        code, _, err = run(folder, capsys=capsys)
        assert code == 2
        assert "glossary.po" in err
    assert not (folder / ".glossari-cache" / MEMO_FILE).exists()


def test_bundled_glossary_has_no_memo() -> None:
    from glossari.root import bundled_root

    assert CheckMemo.open(bundled_root(), None, "en") is None


def test_json_after_text_reads_the_remembered_findings(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cold_json = run(folder, "--format", "json", capsys=capsys)
    for memo in (folder / ".glossari-cache").glob("check.*"):
        memo.unlink()
    run(folder, capsys=capsys)  # remembered by a text run
    output = folder / ".glossari-cache" / MEMO_FILE.replace(".pickle", ".json")
    with monkeypatch.context() as patched:
        forbid_loading(patched)
        assert run(folder, "--format", "json", capsys=capsys) == cold_json
    # the output of another result (or none) is never used: the checks run again
    output.write_text("another key\n[]\n", "utf-8")
    assert run(folder, "--format", "json", capsys=capsys) == cold_json


def test_json_output_is_what_json_dump_writes(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the JSON is written finding by finding; it must be byte for byte json.dump's list
    _, out, _ = run(folder, "--format", "json", capsys=capsys)
    found = json.loads(out)
    assert found
    assert out == json.dumps(found, ensure_ascii=False, indent=2) + "\n"


def test_no_output_files_are_left_behind(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(folder, capsys=capsys)
    po = folder / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    po.write_bytes(po.read_bytes() + b'\nmsgid "unterminated\n')
    run(folder, capsys=capsys)
    cache = folder / ".glossari-cache"
    assert not list(cache.glob(".check-*")), "temporary output files were left"
    assert sorted(p.name for p in cache.glob("check.*")) == sorted(
        [MEMO_FILE, MEMO_FILE.replace(".pickle", ".json"), MEMO_FILE.replace(".pickle", ".text")])


@given(st.lists(st.builds(
    Finding, path=st.text(), line=st.integers(1, 10**9),
    severity=st.sampled_from(["error", "warning", "info"]), code=st.text(min_size=1),
    message=st.text(), lang=st.none() | st.text(), term=st.none() | st.text(),
), max_size=5))
def test_streamed_json_equals_json_dump(tmp_path_factory: pytest.TempPathFactory,
                                        found: list[Finding]) -> None:
    folder = tmp_path_factory.mktemp("out")
    output = CheckOutput(folder, key="k", formats=("json", "text"))
    for finding in found:
        output.add(finding)
    output.finish()
    result = Remembered(counts=output.counts, coverage=(), langs=(), terms=0,
                        outputs=output.paths)
    for fmt, expected in (
        ("json", json.dumps([f.as_json() for f in found], ensure_ascii=False, indent=2) + "\n"),
        ("text", "".join(f"{f}\n" for f in found)),
    ):
        stream = io.StringIO()
        result.write_output(fmt, stream)
        assert stream.getvalue() == expected
