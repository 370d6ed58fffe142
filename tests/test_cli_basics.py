"""The command line's shape: --help, --version, --root, show, and errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import glossari
from glossari.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"glossari {glossari.__version__}"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out
    assert "--root" in out


def test_no_command_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert capsys.readouterr().err == ("glossari: error: the following arguments are required: "
                                       "COMMAND; see 'glossari --help'\n")


@pytest.mark.parametrize(("argv", "said"), [
    (["search"], "glossari search: error: the following arguments are required: QUERY; "
                 "see 'glossari search --help'"),
    (["align", "terjemahan"], "glossari align: error: the following arguments are required: "
                              "-l/--lang; see 'glossari align --help'"),
    (["search", "-n", "lima", "saham-saham"], "glossari search: error: argument -n/--limit: "
                                              "invalid int value: 'lima'; see 'glossari search "
                                              "--help'"),
    (["show", "-l"], "glossari show: error: argument -l/--lang: expected one argument; see "
                     "'glossari show --help'"),
    (["--root"], "glossari: error: argument --root: expected one argument; see 'glossari "
                 "--help'"),
    (["table", "--status", "diterjemah"], "glossari table: error: argument --status: invalid "
                                          "choice: 'diterjemah' (choose from 'translated', "
                                          "'fuzzy', 'suggested', 'untranslated'); see "
                                          "'glossari table --help'"),
])
def test_a_usage_error_is_one_line_saying_where_the_options_are(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str],
) -> None:
    """argparse printed its usage lines before the error (eight for `table`), where every
    other error of glossari is one line saying what to do; --help still gives the usage."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", said + "\n")
    assert main([argv[0] if argv[0] != "--root" else "table", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: glossari ")


def test_show_prints_the_terms_parts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "show", "eksekutif akaun"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Eksekutif akaun  [accountexecutive]")
    for text in ("categories: Careers", "## Apakah itu Eksekutif Akaun?  (line 8)",
                 "## Sorotan  (line 52)", "-> /primebrokerage", "S101"):
        assert text in out


def test_show_prints_outside_addresses_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "kos.md").write_text(
        "---\ntitle: Kos\n---\n\n[a](https://x.my/kos) [b](mailto:a@b.my) [c](//x.my/c) "
        "[d](/bon)\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "show", "kos"]) == 0
    out = capsys.readouterr().out
    for shown in ("[a] -> https://x.my/kos\n", "[b] -> mailto:a@b.my\n", "[c] -> //x.my/c\n",
                  "[d] -> /bon = bon (link-only)\n"):
        assert shown in out


@pytest.mark.parametrize("target", ["../bnm", "polisi.md", "./polisi-insurans.md",
                                    "polisi#jenis", "/bnm", "//bnm.gov.my/x", "/%E6%A0%AA"])
def test_show_prints_a_link_target_as_the_author_wrote_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    # the reader keeps a target without its leading '/': show gave one back to every internal
    # target, so '../bnm' was shown '/../bnm' and 'polisi.md' '/polisi.md', slashes no one wrote
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "peniaga-broker.md").write_text(
        f"---\ntitle: Peniaga broker\n---\n\nLihat [saham-saham]({target}).\n",
        encoding="utf-8")
    assert main(["--root", str(tmp_path), "show", "peniaga broker"]) == 0
    out = capsys.readouterr().out
    written = target.replace("%E6%A0%AA", "\u682a")  # an escape beyond ASCII is read
    assert f"[saham-saham] -> {written}" in out.replace(" = ", "\n")


def test_show_unknown_term_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "show", "eksekutif akuan"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "did you mean 'Eksekutif akaun'" in err
    assert "glossari search" not in err


def test_show_with_no_near_name_points_to_search(capsys: pytest.CaptureFixture[str]) -> None:
    # "no term 'x' in the glossary" and nothing more: the words may be in a definition
    assert main(["--root", str(ROOT), "show", "zzqx wqz"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.endswith("; look for it with: glossari search 'zzqx wqz'\n")


def test_bad_root_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "show", "x"]) == 2
    err = capsys.readouterr().err
    assert err == f"glossari: error: {tmp_path}: no seeds/ folder here; give the glossary " \
                  "folder holding seeds/ and locale/ (glossari --root DIR, glossari.load(DIR)), " \
                  "or start one with 'glossari init DIR'\n"


def test_bad_article_through_python_m_has_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.md").write_bytes(b"---\ntitle: [unclosed\n---\n")
    run = subprocess.run([sys.executable, "-m", "glossari", "--root", str(tmp_path), "show", "a"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("glossari: error: seeds/a.md:2: a '[' in the front matter has "
                                 "no closing ']'")
    assert run.stderr.count("\n") == 1


def test_show_link_only_term_names_its_linking_places(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "show", "finra"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("(no Malay headword yet)  [finra]")
    assert "kind: link-only term" in out
    assert "linked from: seeds/accountexecutive.md:24 as [FINRA ), terpakai kepada]  [!]" in out


def test_show_gives_each_side_s_other_names_and_categories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`show` printed the English headword and definition only: not the English categories the
    catalog had, nor any other name (the Malay aliases, the English variants) that lookups,
    links and `find` answer to."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\naliases: [broker-peniaga, pengantara saham]\n"
        "keywords: Pasaran, Sekuriti\n---\n\n# Peniaga broker\n\nFirma dagangan.\n",
        encoding="utf-8")
    (seeds / "saham.md").write_text(
        "---\ntitle: Saham\n---\n\n# Saham\n\nDijual kepada [peniaga-peniaga broker]"
        "(/broker-dealer).\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "extract"]) == 0
    assert main(["--root", str(tmp_path), "update", "-l", "en"]) == 0
    po = tmp_path / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text(encoding="utf-8")
    for key, english in (('msgctxt "peniaga-broker"\nmsgid "Peniaga broker"', "Broker-dealer"),
                         ('msgctxt "/broker-dealer"\nmsgid "peniaga-peniaga broker"',
                          "broker-dealers"),
                         ('msgid "Sekuriti"', "Securities")):
        assert f'{key}\nmsgstr ""' in text
        text = text.replace(f'{key}\nmsgstr ""', f'{key}\nmsgstr "{english}"')
    po.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "show", "-l", "en", "broker-dealers"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == ["Peniaga broker  [peniaga-broker]", "  en: Broker-dealer",
                         "  aliases: broker-peniaga, pengantara saham",
                         "  en variants: broker-dealers"]
    at = lines.index("  categories: Pasaran, Sekuriti")
    assert lines[at + 1] == "  en: Pasaran (untranslated), Securities"


def test_show_reports_link_resolution_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/checks.md: S103, S104 and S122 come from link resolution as the glossary loads, "so
    `glossari show` reports them too"; `show` printed only the reader's findings."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "cukai.md").write_text("---\ntitle: Cukai\n---\n\n# Cukai\n\nBayaran.\n",
                                    encoding="utf-8")
    (seeds / "saham.md").write_text("---\ntitle: Saham\n---\n\n# Saham\n\nUnit.\n",
                                    encoding="utf-8")
    (seeds / "zakat.md").write_text(
        "---\ntitle: Zakat\n---\n\n# Zakat\n\nBukan [cukai](/saham) dan [lihat](/cukai).\n",
        encoding="utf-8")
    assert main(["--root", str(tmp_path), "show", "zakat"]) == 0
    out = capsys.readouterr().out
    assert "seeds/zakat.md:7: warning: S122: " in out
    assert "seeds/zakat.md:7: warning: S103: " in out
    assert out.count("S122") == 1


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_name_as_an_option_value_is_not_the_command(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    # `glossari --root show table ...`: the dispatcher once took `show` (the --root value) for
    # the command and configured the wrong subparser
    root = tmp_path / name
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "accountexecutive.md").write_bytes(
        (ROOT / "seeds" / "accountexecutive.md").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["--root", name, "table", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("id,")
    # the same with --root=VALUE
    assert main([f"--root={name}", "table", "--format", "json"]) == 0
    assert capsys.readouterr().out.lstrip().startswith("[")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_relative_root_named_like_a_command(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name / "seeds").mkdir(parents=True)
    (tmp_path / name / "seeds" / "accountexecutive.md").write_bytes(
        (ROOT / "seeds" / "accountexecutive.md").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["--root", name, "show", "eksekutif akaun"]) == 0
    assert capsys.readouterr().out.startswith("Eksekutif akaun  [accountexecutive]")


def _broken_show(monkeypatch: pytest.MonkeyPatch) -> None:
    import glossari.commands.show as show

    def boom(*_args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(show, "run", boom)


def test_internal_error_is_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _broken_show(monkeypatch)
    monkeypatch.delenv("GLOSSARI_DEBUG", raising=False)
    assert main(["--root", str(ROOT), "show", "x"]) == 2
    err = capsys.readouterr().err
    assert err == ("glossari: internal error: RuntimeError: a bug; "
                   "please report it with the command you ran\n")


@pytest.mark.parametrize(("argv", "env"), [
    (["--traceback", "--root", str(ROOT), "show", "x"], None),
    (["--root", str(ROOT), "show", "x"], "1"),
])
def test_traceback_on_request(
    argv: list[str], env: str | None, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    _broken_show(monkeypatch)
    if env is None:
        monkeypatch.delenv("GLOSSARI_DEBUG", raising=False)
    else:
        monkeypatch.setenv("GLOSSARI_DEBUG", env)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert 'raise RuntimeError("a bug")' in err
    assert err.endswith("please report it with the command you ran\n")


def test_an_interrupt_while_a_command_is_imported_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C in the first tenth of a second (the command's module still importing) printed a
    Python traceback; later it printed `glossari: interrupted`, exit 130."""
    import glossari.cli

    def interrupted(name: str) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(glossari.cli, "_command_module", interrupted)
    assert main(["update", "-l", "en"]) == 130
    assert capsys.readouterr().err == "glossari: interrupted\n"


def test_a_closed_output_pipe_is_exit_141_without_a_message(tmp_path: Path) -> None:
    """`glossari check --fail-on warning | head -1` exited 0 whatever the findings, so a CI step
    under `set -o pipefail` passed green; now 141, as for a program SIGPIPE stopped."""
    from tests._catalog_oracles import make_root

    root = make_root(tmp_path, {"kos": "---\ntitle: Kos\ndescription: Harga.\nkeywords: Asas\n"
                                       "---\n\n# Kos\n\nPerenggan.\n\n##Sorotan\n\n- Satu\n"})
    for command in (["table"], ["show", "kos"], ["check", "--fail-on", "warning"]):
        process = subprocess.Popen([sys.executable, "-m", "glossari", "--root", str(root),
                                    *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None
        process.stdout.close()  # the reader is gone before the first line
        _out, err = process.communicate(timeout=120)
        assert (process.returncode, err) == (141, b""), command


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("command", [["show", "kadar"], ["search", "kadar"],
                                     ["search", "kadar", "--format", "json"], ["check"],
                                     ["check", "--format", "json"]])
def test_output_in_a_locale_that_lacks_a_character_is_escaped_not_a_crash(
    tmp_path: Path, encoding: str, command: list[str]
) -> None:
    """Under a Latin-1 or ASCII locale, show, search and check died with 'internal error:
    UnicodeEncodeError' on a headword holding '€' or an emoji (table always wrote UTF-8)."""
    import json
    import os

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "kadar.md").write_text(
        "---\ntitle: Kadar € 💰\ndescription: Kadar — harga.\n---\n\n##Kadar € 💰\n\nHarga.\n",
        encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    done = subprocess.run([sys.executable, "-m", "glossari", "--root", str(tmp_path), *command],
                          capture_output=True, env=env, cwd=tmp_path, check=False)
    assert b"internal error" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode(encoding)
    assert "\\u20ac" in out
    if "json" in command:
        assert "€ 💰" in json.dumps(json.loads(out), ensure_ascii=False)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["show", "eksekutif akaun"], ["table"], ["check"],
                                     ["search", "akaun", "--format", "json"]])
def test_a_full_output_device_is_one_error_line_not_an_internal_error(
    command: list[str]
) -> None:
    """`glossari show ... > /dev/full` said 'internal error: OSError ...; please report it', as
    for a bug; a full disk is the machine's doing and is said so, exit 2, nothing more."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "glossari", "--root", str(ROOT), *command],
                              stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "glossari: error: standard output: cannot write: No space left on device; "
        "check where the output goes (free some space, or redirect it)")
    assert "internal error" not in done.stderr
    assert "Exception ignored" not in done.stderr


@pytest.mark.parametrize(("command", "closed"), [
    (["show", "eksekutif akaun"], "stdout"), (["table"], "stdout"), (["find", "-"], "stdin")])
def test_a_closed_standard_stream_is_one_error_line(command: list[str], closed: str) -> None:
    """With standard output (`>&-`) or input (`<&-`) closed, Python sets sys.stdout / sys.stdin
    to None and glossari said 'internal error: AttributeError: ...'."""
    code = ("import sys; from glossari.cli import main; "
            f"sys.{closed} = None; raise SystemExit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", code, "--root", str(ROOT), *command],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "internal error" not in done.stderr
    assert done.stderr.startswith("glossari: error: ")
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("args", [["--root"], ["--traceback=1", "show", "x"]])
def test_a_bad_global_option_is_reported_once(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """`glossari --root` printed two usage lines and the same error twice (the first stage of
    the parsing, which finds the command, reported it too)."""
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("error:") == 1
    assert len(err.splitlines()) == 1


def test_a_pipe_closed_mid_write_is_exit_141_unbuffered_too(tmp_path: Path) -> None:
    """With PYTHONUNBUFFERED=1 (common in containers) a write to a pipe whose reader left
    returns short instead of failing, and `glossari table | head -1` exited 0."""
    import os

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    for n in range(400):  # a table of some 170 kB: more than a pipe holds
        (root / "seeds" / f"kos{n}.md").write_text(
            f"---\ntitle: Kos {n}\ndescription: Kos ke-{n},{' kos yang panjang' * 20}.\n"
            f"keywords: Asas\n---\n\n# Kos {n}\n\nPerenggan.\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "glossari", "--root", str(root), "table"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _out, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (141, b"")


def test_a_pipe_closed_mid_way_through_one_large_write_is_exit_141(tmp_path: Path) -> None:
    """`find --format json` writes its whole answer at once; a pipe whose reader left after a
    few lines took only part of it, the buffered layer counted the write as done, and
    `glossari find --format json - | head -1` exited 0."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(
        "---\ntitle: Kos jualan\ndescription: Harga.\nkeywords: Asas\n---\n\n# Kos jualan\n\n"
        "Perenggan.\n", encoding="utf-8")
    text = ("kos jualan " * 20_000).encode()  # some 3 MB of JSON: far more than a pipe holds
    process = subprocess.Popen([sys.executable, "-m", "glossari", "--root", str(root), "find",
                                "--format", "json", "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.write(text)
    process.stdin.close()
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read() if process.stderr else b""
    assert (process.wait(timeout=120), err) == (141, b"")


def test_an_interrupt_while_the_command_line_itself_is_imported_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C in the first 30 ms of any command, while the console script was still importing
    glossari.cli (argparse, typing, pathlib, ...), printed Python's traceback of a
    KeyboardInterrupt inside an import: cli.main, which answers it, was not called yet."""
    from glossari import _launch

    class Interrupting:  # a Ctrl-C arriving while glossari.cli is being imported
        @staticmethod
        def find_spec(name: str, *_args: object) -> None:
            if name == "glossari.cli":
                raise KeyboardInterrupt

    monkeypatch.delitem(sys.modules, "glossari.cli")
    monkeypatch.setattr(sys, "meta_path", [Interrupting(), *sys.meta_path])
    assert _launch.main() == 130
    assert capsys.readouterr().err == "glossari: interrupted\n"


def test_the_console_script_and_python_m_start_from_a_launcher_that_imports_nothing() -> None:
    """The interrupt above can only be answered if the entry point's own module loads at once:
    `[project.scripts]` and `python -m glossari` name glossari._launch, which must not pull
    in glossari.cli (nor argparse) at import time."""
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert scripts["project"]["scripts"] == {"glossari": "glossari._launch:main"}
    assert "from glossari._launch import main" in (ROOT / "glossari" / "__main__.py").read_text(
        encoding="utf-8")
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, glossari._launch; "
         "print(sorted(m for m in sys.modules if m.startswith('glossari') or m == 'argparse'))"],
        capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['glossari', 'glossari._launch', 'glossari.errors']"


@pytest.mark.parametrize("args", [
    ["check", "--select", "X" * 100_000],
    ["table", "--status", "x" * 100_000],
    ["site", "--base-url", "y" * 100_000],
    ["table", "--status", ("a" * 50 + "'") * 200],  # quotes inside the value
])
def test_an_error_quotes_a_huge_argument_by_its_start(
    args: list[str], capsys: pytest.CaptureFixture[str],
) -> None:
    # the whole argument was repeated in the error: 100 KB and more of standard error
    assert main(["--root", str(ROOT), *args]) == 2
    err = capsys.readouterr().err
    assert 0 < len(err) < 2_000
    assert "..." in err


def test_show_never_wraps_inside_a_number_with_spaced_thousands() -> None:
    # `RM 2 500 000` was wrapped as `RM 2` / `500 000`: one amount, read as two numbers
    from glossari.export.termview import format_term
    from glossari.model import Location, Term

    for pad in range(60, 84):
        text = "x" * pad + " RM 2 500 000 dan 1 000 000 unit."
        term = Term(id="n", title="Nombor", description=text,
                    source=Location(path="seeds/n.md", line=1))
        shown = format_term(term, width=88)
        lines = [line.strip() for line in shown.splitlines()]
        assert any("2 500 000" in line for line in lines), shown
        assert any("1 000 000" in line for line in lines), shown
        assert " ".join(" ".join(lines).split()).endswith(text)


@pytest.mark.parametrize(("argv", "name"), [
    (["init", ""], "DIR"), (["--root", "", "show", "kos"], "--root"),
    (["termcheck", "kos.po", " "], "PATH"), (["align", "-l", "en", ""], "DIR"),
    (["import", ""], "FILE"), (["table", "-o", ""], "-o"),
    (["render", "-l", "en", "-o", ""], "-o"), (["site", "-o", "  "], "-o"),
])
def test_an_empty_path_argument_is_refused_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: list[str], name: str,
) -> None:
    # Path("") is the current folder: `glossari init "$DIR"` with DIR unset wrote a glossary
    # wherever the user stood (a folder full of other files), `termcheck ""` checked every
    # catalog under it, `align -l en ""` read it as the translated articles, `--root ""` read
    # the glossary there; render alone refused, by a rule of its own
    import shutil

    from tests._alignkit import SEED

    peniaga = tmp_path / "peniaga broker"
    (peniaga / "seeds").mkdir(parents=True)
    shutil.copy(SEED, peniaga / "seeds")
    (peniaga / "locale").mkdir()
    (peniaga / "nota.txt").write_text("saham-saham pelaburannya\n", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    monkeypatch.chdir(peniaga)
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"glossari: error: {name}: an empty file or folder name; give one ('.' for "
                   "the current folder)\n")
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("odd", ["\n", "\r", "\t", "\x1b", "\u2028"])
def test_a_summary_names_an_odd_path_on_its_one_line(tmp_path: Path, odd: str) -> None:
    """`glossari init $'a\\nb'`, `table -o`, `site -o` and `render -o` printed the user's path
    raw: a newline split the summary in two, a CR printed over it. Each path is shown by the one
    rule (glossari.text.terminal_field), and the next command to paste by shell_path."""
    from _alignkit import cli

    from glossari.text import shell_path, terminal_field

    folder = str(tmp_path / f"glosari{odd}kewangan")
    code, out, err = cli("init", folder)
    assert code == 0, err
    assert len(out.splitlines()) == 4, out
    assert len(err.splitlines()) == 1, err
    assert terminal_field(folder) in err
    assert f"--root {shell_path(folder)} extract" in err
    root = Path(folder)
    (root / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\naliases: [broker]\ndescription: Firma saham-saham.\n---\n"
        "\n# Peniaga broker\n\nPeniaga broker membeli [saham](/saham) untuk pelaburannya.\n",
        "utf-8")
    for argv in (("table", "-o", str(tmp_path / f"jadual{odd}.csv")),
                 ("site", "-o", str(tmp_path / f"laman{odd}web")),
                 ("render", "-l", "en", "--min-coverage", "0", "-o",
                  str(tmp_path / f"terjemahan{odd}en"))):
        code, out, err = cli(*argv, root=root)
        assert code == 0, err
        for line in (out + err).splitlines():
            assert line.startswith(("glossari", "wrote ", "render en:")), (argv, out, err)
        assert terminal_field(argv[-1]) in out + err
    # align names each file of the folder it reads, on its line
    rendered = tmp_path / f"terjemahan{odd}en"
    (rendered / "tiada-artikel.md").write_text("---\ntitle: Tiada\n---\n", "utf-8")
    code, out, err = cli("align", "-l", "en", rendered, root=root)
    assert code == 0, err
    # a line for each rendered article, and 'no catalog changed'
    assert len(out.splitlines()) == len(list((root / "seeds").glob("*.md"))) + 1, out
    assert len(err.splitlines()) == 1, err  # the file with no article is skipped
    assert terminal_field(str(rendered / "peniaga-broker.md")) in out


@given(st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)),
               min_size=1, max_size=12))
@settings(max_examples=40, deadline=None)
def test_a_pasted_shell_path_is_the_same_path(name: str) -> None:
    """Property: the shell word `shell_path` writes is one line and means the path again."""
    import subprocess

    from glossari.text import shell_path, terminal_field

    word = shell_path(name)
    assert terminal_field(word) == word
    shown = subprocess.run(["bash", "-c", f"printf %s {word}"], capture_output=True,
                           check=True).stdout
    expected = ("./" + name if name.startswith("-") else name).encode("utf-8")
    assert shown == expected


@pytest.mark.parametrize("typed", ["", "  ", "!!", "-", "zzz tiada", "pelaburannya-zz",
                                   " ".join(f"w{n}" for n in range(70))])
def test_show_suggests_only_a_search_that_can_be_asked(typed: str) -> None:
    """`show ''` suggested `glossari search ''`, which is a usage error (a query of no word):
    the hint names a search only when search takes it, and that search runs (exit 0)."""
    import shlex

    from _alignkit import cli

    root = Path(__file__).resolve().parent.parent
    code, out, err = cli("--root", root, "show", "--", typed)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    if "look for it with: " in err:
        suggested = shlex.split(err.split("look for it with: ", 1)[1])
        assert suggested[:2] == ["glossari", "search"]
        assert cli("--root", root, "search", "--", *suggested[2:])[0] == 0
    else:
        assert len(typed.split()) > 64 or not any(c.isalnum() for c in typed)


def test_summaries_count_one_term_in_the_singular(tmp_path: Path) -> None:
    """`table -o` and `site` said '1 terms written', 'site of 1 terms', '1 term pages': the
    counts are said by the one rule for them (glossari.text.counted)."""
    from _alignkit import cli

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "bon-korporat.md").write_text(
        "---\ntitle: Bon korporat\ndescription: Bon syarikat-syarikat.\n---\n\n# Bon korporat\n\n"
        "Pelaburannya selamat.\n", "utf-8")
    err = cli("table", "-o", tmp_path / "jadual.md", root=root)[2]
    assert "glossari: 1 term written to " in err
    err = cli("site", "-o", tmp_path / "laman", root=root)[2]
    assert "site of 1 term in " in err
    assert ": 1 term page rendered, " in err
    (root / "seeds" / "bon-korporat.md").write_text("---\ntitle: Bon korporat\n---\n", "utf-8")
    cli("extract", root=root)
    cli("update", "-l", "en", root=root)
    code, out, err = cli("render", "-l", "en", "--min-coverage", "0", "-o", tmp_path / "en",
                         root=root)
    assert code == 0, err
    assert "bon-korporat.md (0%, 0 of 1 part)" in out


def _typo(word: str) -> str:
    """``word`` with two of its letters swapped, the commonest slip of a typist."""
    at = len(word) // 2
    return word[:at - 1] + word[at] + word[at - 1] + word[at + 1:]


def _long_options(name: str) -> list[str]:
    from glossari.cli import _command_module, _parser

    _, subparsers = _parser()
    _command_module(name).configure(subparsers[name])
    return [o for o in subparsers[name]._option_string_actions
            if o.startswith("--") and o != "--help"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_misspelt_command_or_option_names_the_one_meant(
    name: str, capsys: pytest.CaptureFixture[str],
) -> None:
    """`glossari tabel` listed the commands without a word on the one meant; `table --fromat
    json` said 'unrecognized arguments' under glossari's own usage (no option of table's),
    `align --alng en DIR` that -l/--lang was required, `--verison` that a COMMAND was, and
    `--rot . table` that '.' was no command."""
    assert main([_typo(name)]) == 2
    err = capsys.readouterr().err
    assert f"invalid choice: {_typo(name)!r}; did you mean {name!r}?" in err
    for option in _long_options(name):
        misspelt = "--" + _typo(option[2:])
        assert misspelt != option, option
        if any(o.startswith(misspelt) for o in _long_options(name)):
            continue  # import's --from as --form: argparse's abbreviation of --format
        assert main(["--root", str(ROOT), name, misspelt, "x"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"glossari {name}: error: "), option
        assert err.endswith(f"glossari {name}: error: unrecognized arguments: {misspelt}; "
                            f"did you mean {option!r}?\n"), (option, err)
    assert "Traceback" not in err


@pytest.mark.parametrize(("argv", "said"), [
    (["--verison"], "unrecognized arguments: --verison; did you mean '--version'?"),
    (["--rot", ".", "table"], "unrecognized arguments: --rot; did you mean '--root'?"),
    (["--tracebak", "table"], "unrecognized arguments: --tracebak; did you mean '--traceback'?"),
    (["table", "--sort", "EN"], "invalid choice: 'EN'; did you mean 'en'?"),
    (["table", "--format", "jsn"], "invalid choice: 'jsn'; did you mean 'json'?"),
    (["check", "--fial-on=warning"], "unrecognized arguments: --fial-on=warning; did you mean "
                                     "'--fail-on'?"),
    (["table", "--root", "."], "--root is an option of glossari itself: give it before the "
                               "command (glossari --root ... table)"),
])
def test_a_misspelt_global_option_or_value_names_the_one_meant(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err
    assert err.count("error:") == 1


@pytest.mark.parametrize("argv", [
    ["search", "--", "kupon-kupon", "--format", "json"],
    ["find", "--", "-5% margin", "--format=json"],
    ["show", "--", "-saham", "-l", "en"],
])
def test_an_option_after_dashes_is_told_to_come_before_them(
    argv: list[str], capsys: pytest.CaptureFixture[str],
) -> None:
    """`search -- kupon-kupon --format json` said "unrecognized arguments: --format json; did
    you mean '--format'?", the very option typed: after `--` every word is the text, and the
    option is to be given before it."""
    assert main(["--root", str(ROOT), *argv]) == 2
    err = capsys.readouterr().err
    assert "did you mean" not in err, err
    option = argv[3].split("=", 1)[0]
    assert (f"after '--' every word is the text: give the options before '--' (glossari "
            f"{argv[0]} {option} ... -- TEXT)") in err, err
    assert err.count("error:") == 1


def test_a_word_near_nothing_is_told_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["xyz"]) == 2
    assert "did you mean" not in capsys.readouterr().err
    assert main(["--root", str(ROOT), "table", "-x"]) == 2
    assert capsys.readouterr().err.endswith("glossari table: error: unrecognized arguments: -x; "
                                            "see 'glossari table --help'\n")
    assert main(["--vers"]) == 0  # argparse's abbreviation of --version, still taken
    assert capsys.readouterr().out.startswith("glossari ")


@pytest.mark.parametrize("argv", [["table", "--fromat", "json", "--help"],
                                  ["--verison", "-h"], ["search", "--limt", "3", "--he"]])
def test_help_asked_beside_a_misspelt_option_is_given(
    argv: list[str], capsys: pytest.CaptureFixture[str],
) -> None:
    # the misspelling was reported before argparse met --help, which it answers first
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: glossari")
    assert "options:" in out
