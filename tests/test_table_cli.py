"""``glossari table`` end to end: options, formats, files, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import glossari
from glossari.cli import main
from glossari.export.rows import JSON_KEYS, rows_from_glossary

REPO = Path(__file__).resolve().parents[1]


def table(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(REPO), "table", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_default_is_markdown_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = table(capsys)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("| Malay | English |")
    assert lines[1].startswith("|---|")
    assert any("Eksekutif akaun" in line for line in lines[2:])
    assert len(lines) == 2 + len(glossari.load(REPO))


def test_json_rows_match_the_glossary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = table(capsys, "--format", "json")
    assert code == 0
    data = json.loads(out)
    expected = rows_from_glossary(glossari.load(REPO))
    assert data == [r.as_json() for r in expected]
    assert all(list(obj) == list(JSON_KEYS) for obj in data)
    article = next(obj for obj in data if obj["id"] == "accountexecutive")
    assert article["ms"] == "Eksekutif akaun"
    assert article["source"] == "seeds/accountexecutive.md:1"


def test_sorted_by_malay_ignoring_case_and_accents(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = table(capsys, "--format", "json")
    from glossari.text import sort_key

    heads = [obj["ms"] for obj in json.loads(out) if obj["ms"] is not None]
    assert heads == sorted(heads, key=sort_key)


def test_filters(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = table(capsys, "--format", "json", "--category", "CAREERS")
    assert [obj["id"] for obj in json.loads(out)] == ["accountexecutive"]
    _, out, _ = table(capsys, "--format", "json", "--status", "untranslated")
    assert {obj["status"] for obj in json.loads(out)} <= {"untranslated"}
    code, out, err = table(capsys, "--format", "json", "--category", "no such category")
    assert code == 0
    assert json.loads(out) == []
    assert "no term matches" in err


def test_output_file_format_from_extension_and_atomic(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "terms.csv"
    code, out, err = table(capsys, "-o", str(target))
    assert code == 0
    assert out == ""
    assert "written to" in err
    data = target.read_bytes()
    assert data.startswith(b"id,ms,en,kind,status,")
    assert b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == 1 + len(glossari.load(REPO))
    before = target.stat().st_mtime_ns
    os.utime(target, ns=(before - 10**9, before - 10**9))
    table(capsys, "-o", str(target))
    assert target.stat().st_mtime_ns == before - 10**9  # same content: file untouched
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_xml_file_is_tbx_as_import_reads_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # import reads a .xml file as TBX; table wrote Markdown into it, which import then
    # refused as XML that is not well-formed
    from glossari.exchange import guess_kind

    target = tmp_path / "terms.xml"
    code, _, _ = table(capsys, "-o", str(target))
    assert code == 0
    assert guess_kind(target) == "tbx"
    assert "<martif" in target.read_text(encoding="utf-8")


def test_an_unknown_extension_is_refused_not_written_as_markdown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "terms.xlsx"
    code, _, err = table(capsys, "-o", str(target))
    assert code == 2
    assert "'.xlsx'" in err
    assert "--format" in err
    assert len(err.strip().splitlines()) == 1
    assert not target.exists()
    assert table(capsys, "-o", str(target), "--format", "csv")[0] == 0  # when asked: as asked
    assert target.read_bytes().startswith(b"id,ms,en,")
    for name in ("terms.txt", "terms"):
        assert table(capsys, "-o", str(tmp_path / name))[0] == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith("|")


@pytest.mark.parametrize(
    ("args", "root_tag"),
    [(["--format", "tbx"], "<martif"), (["--format", "tbx", "--tbx-version", "3"], "<tbx ")],
)
def test_tbx_versions(capsys: pytest.CaptureFixture[str], args: list[str], root_tag: str) -> None:
    code, out, _ = table(capsys, *args)
    assert code == 0
    assert root_tag in out


def test_weblate_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = table(capsys, "--csv-weblate")
    assert code == 0
    assert out.startswith('"source","target","context","fuzzy","developer_comments"')


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--csv-weblate"], "--csv-weblate makes CSV"),
        (["--format", "md", "--tbx-version", "3"], "--tbx-version applies to TBX"),
        (["--bom"], "--bom applies to CSV"),
        (["-l", "not a code"], "unknown language code"),
    ],
)
def test_contradictory_options_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = table(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.startswith("glossari: error: ")
    assert message in err
    assert "Traceback" not in err


def test_bad_choice_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = table(capsys, "--status", "done")
    assert code == 2
    assert "invalid choice" in err


def test_unwritable_output_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = table(capsys, "-o", str(tmp_path / "missing" / "x.md"))
    assert code == 2
    assert err.startswith("glossari: error: ")
    assert len(err.strip().splitlines()) == 1


def test_stdout_is_utf8_bytes_with_crlf_kept(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ekuiti.md").write_text(
        "---\nkeywords: Saham\ntitle: Ékuiti 💰\ndescription: Hak milik.\n---\n\n# Ékuiti\n\n"
        "Ékuiti ialah hak milik.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "glossari", "--root", str(tmp_path), "table", "--format", "csv"],
        capture_output=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"id,ms,en,")
    assert b"\r\n" in done.stdout
    assert b"\r\r\n" not in done.stdout
    assert "Ékuiti 💰" in done.stdout.decode("utf-8")


@pytest.mark.parametrize("blank", ["", "  ", "\t"])
def test_an_empty_category_is_bad_usage(capsys: pytest.CaptureFixture[str], blank: str) -> None:
    """`table --category ""` (a script's unset variable) printed an empty table and exit 0,
    without the note a category that matches nothing gets."""
    code, out, err = table(capsys, "--category", blank)
    assert (code, out) == (2, "")
    assert err == ("glossari: error: --category: an empty category; give one of the "
                   "glossary's, such as Careers, or leave it out\n")


def test_an_empty_category_is_told_with_one_of_the_glossarys_own(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The example was `Careers`, the bundled glossary's, in every glossary: in one whose
    categories are Pasaran Modal and Pelaburan, following it gave an empty table."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "waran.md").write_text(
        "---\ntitle: Waran\ndescription: Hak membeli saham.\nkeywords: Pasaran Modal, "
        "Pelaburan\n---\n\n# Waran\n", encoding="utf-8")
    code = main(["--root", str(root), "table", "--category", " "])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert "such as Pasaran Modal, or leave it out" in err
    assert "Careers" not in err


@pytest.mark.parametrize(("asked", "meant"), [
    ("Kewangan Islamm", "Kewangan Islam"), ("kewangan-islm", "Kewangan Islam"),
    ("Islamic Finanse", "Islamic Finance"), ("Pelaburn", "Pelaburan"),
])
def test_a_misspelt_category_names_the_one_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: str, meant: str,
) -> None:
    """`table --category Carers` printed an empty table and 'no term matches the filters',
    with no word on the category meant, as a misspelt option has."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sukuk-ijarah.md").write_text(
        "---\ntitle: Sukuk ijarah\nkeywords: Kewangan Islam, Pelaburan\n---\n\n"
        "Sukuk-sukuk ijarah dijual kepada [pelabur-pelabur](/investor).\n", encoding="utf-8")
    (seeds / "saham.md").write_text(
        "---\ntitle: Saham\nkeywords: Pelaburan\n---\n\nSahamnya dijual.\n", encoding="utf-8")
    for argv in (["extract"], ["update", "-l", "en"]):
        assert main(["--root", str(tmp_path), *argv]) == 0
    po = tmp_path / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgid "Kewangan Islam"\nmsgstr ""' in text
    po.write_text(text.replace('msgid "Kewangan Islam"\nmsgstr ""',
                               'msgid "Kewangan Islam"\nmsgstr "Islamic Finance"'),
                  encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "table", "--category", asked]) == 0
    err = capsys.readouterr().err
    assert err == ("glossari: note: no term matches the filters; the table is empty (no term "
                   f"has the category '{asked}'; did you mean '{meant}'?)\n")
    # a category some term has, filtered out by --status, is no misspelling; nor is a far one
    for argv in (["--category", meant, "--status", "fuzzy"], ["--category", "Hartanah"]):
        assert main(["--root", str(tmp_path), "table", *argv]) == 0
        assert capsys.readouterr().err == ("glossari: note: no term matches the filters; the "
                                           "table is empty\n")
