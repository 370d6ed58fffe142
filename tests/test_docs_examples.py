"""The examples of README.md and docs/*.md run, and print what the pages say they print.

A newcomer's first hour is these pages: each Python block is run (a line ``expr  # value`` must
give that value: its repr starts with the comment, up to a ``...`` where the page shortens it),
each ``>>>`` block is a doctest, and each ``$ glossari ...`` transcript is run in a copy of the
shipped glossary and compared line by line with its output.
"""

from __future__ import annotations

import ast
import doctest
import os
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossari.cli import main

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def _blocks(page: Path, *infos: str) -> Iterator[tuple[int, str]]:
    """The fenced blocks of ``page`` whose info string is one of ``infos``: (line, text)."""
    text = page.read_text(encoding="utf-8")
    for match in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.M | re.S):
        if match.group(1) in infos:
            yield text.count("\n", 0, match.start()) + 1, match.group(2)


@pytest.fixture
def glossary_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped glossary (seeds/, locale/, docs/examples) in a folder of its own, the
    current folder: the pages' commands run there as in a fresh clone."""
    root = tmp_path / "glossary"
    root.mkdir()
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale",
                    ignore=shutil.ignore_patterns("glossari.sqlite*", ".glossari-*"))
    shutil.copytree(REPO / "docs" / "examples", root / "docs" / "examples")
    monkeypatch.chdir(root)
    return root


def _statements(code: str) -> Iterator[tuple[str, str | None]]:
    """The statements of a README-style block, each with the value its comment says it gives
    (None when the line is no expression or says nothing)."""
    lines: list[str] = []
    for line in code.splitlines():
        if line.lstrip().startswith("#") or not line.strip():
            continue
        lines.append(line)
    buffer: list[str] = []
    for line in lines:
        buffer.append(line)
        try:
            ast.parse("\n".join(buffer))
        except SyntaxError:
            continue  # a statement over several lines, not ended yet
        if len(buffer) > 1:
            yield "\n".join(buffer), None
            buffer = []
            continue
        buffer = []
        code_part, _, comment = line.partition("  #")
        code_part = code_part.rstrip()
        try:
            ast.parse(code_part, mode="eval")
        except SyntaxError:
            yield code_part, None
            continue
        yield code_part, comment.strip() or None


def _says(comment: str, value: object) -> bool:
    """Whether the comment after an expression gives ``value``: its repr, then any words, or
    the repr's start and ``...`` where the page shortens it."""
    shown = repr(value)
    if comment.startswith(shown):
        return True
    start, dots, _ = comment.partition("...")
    return bool(dots) and shown.startswith(start)


@pytest.mark.parametrize(("page", "line", "code"), [
    pytest.param(page, line, code, id=f"{page.name}:{line}")
    for page in PAGES for line, code in _blocks(page, "python")
    if ">>>" not in code
])
def test_a_python_block_runs_and_gives_what_it_says(
    glossary_copy: Path, page: Path, line: int, code: str,
) -> None:
    # the reader's own glossary is the copy; the file a terminologist edited is the table's TBX
    code = code.replace('"path/to/root"', '"."').replace('"path/to/glossary"', '"."')
    if "edited.tbx" in code:
        assert main(["table", "--format", "tbx", "-o", "edited.tbx"]) == 0
    statements = list(_statements(code))
    if any("ctx.stderr" in statement for statement, _ in statements):
        pytest.skip("a sketch of a call inside a command (its ctx)")
    names: dict[str, object] = {}
    said = 0
    for statement, comment in statements:
        if comment is None or comment[:1] not in "'\"([{TF0123456789L":
            exec(statement, names)  # an import, an assignment, a call shown for its effect
            continue
        value = eval(statement, names)
        assert _says(comment, value), f"{page.name}:{line}: {statement} gave {value!r}"
        said += 1
    if page.name == "README.md":
        assert said >= 8  # every value the quick start shows is checked


@pytest.mark.parametrize(("page", "line", "code"), [
    pytest.param(page, line, code, id=f"{page.name}:{line}")
    for page in PAGES for line, code in _blocks(page, "python", "pycon", "")
    if ">>>" in code
])
def test_a_doctest_block_passes(glossary_copy: Path, page: Path, line: int, code: str) -> None:
    test = doctest.DocTestParser().get_doctest(code, {}, page.name, str(page), line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda text: pytest.fail(f"{page.name}:{line}:\n{text}"))
    assert runner.summarize(verbose=False).attempted > 0


def _transcripts() -> Iterator[tuple[Path, int, str, list[str]]]:
    """Each ``$ glossari ...`` line of a page's blocks with the lines it prints."""
    for page in PAGES:
        for line, code in _blocks(page, ""):
            lines = code.splitlines()
            for k, text in enumerate(lines):
                if not text.startswith("$ glossari "):
                    continue
                output = []
                for shown in lines[k + 1:]:
                    if shown.startswith("$ "):
                        break
                    output.append(shown)
                yield page, line + 1 + k, text[2:], output


@pytest.mark.parametrize(("page", "line", "command", "output"), [
    pytest.param(page, line, command, output, id=f"{page.name}:{line}")
    for page, line, command, output in _transcripts()
])
def test_a_transcript_prints_what_the_page_shows(
    glossary_copy: Path, capsys: pytest.CaptureFixture[str],
    page: Path, line: int, command: str, output: list[str],
) -> None:
    command, _, note = command.partition("  #")
    argv = shlex.split(command)[1:]
    if "--root" in argv and argv[argv.index("--root") + 1] != ".":
        pytest.skip(f"a glossary the page builds elsewhere: {note.strip()}")
    code = main(argv)
    captured = capsys.readouterr()
    printed = (captured.out + captured.err).splitlines()
    if "infos left out" in note:
        printed = [p for p in printed if ": info: " not in p]
    assert printed == output, f"{page.name}:{line}: {command}"
    assert code == 0


def _command_line(text: str) -> bool:
    """Whether a line of a block is a ``glossari`` command to run: not its synopsis (``[-l
    LANG]``), nor a line it prints (``glossari check: 5 terms; ...``)."""
    from glossari.cli import COMMANDS

    match = re.match(r"(uv run )?glossari (--root \S+ )?([a-z]+)( |$)", text)
    return match is not None and match.group(3) in COMMANDS and "[-" not in text


@pytest.mark.parametrize(("page", "line", "code"), [
    pytest.param(page, line, code, id=f"{page.name}:{line}")
    for page in PAGES for line, code in _blocks(page, "sh", "")
    if any(_command_line(text) for text in code.splitlines())
])
def test_a_shell_block_runs_in_a_fresh_copy(
    glossary_copy: Path, capsys: pytest.CaptureFixture[str], page: Path, line: int, code: str,
) -> None:
    """Each ``glossari`` line of a page's shell block, in order, in a copy of the shipped
    glossary: it exits 0 (a line for a glossary the copy is not, `locale/fr`, is left out), and
    a ``msgfmt --statistics`` line counts what its comment says."""
    ran = 0
    for k, text in enumerate(code.splitlines()):
        command, _, note = text.partition("#")
        words = shlex.split(command)
        words = words[2:] if words[:2] == ["uv", "run"] else words
        where = f"{page.name}:{line + 1 + k}: {text}"
        if _command_line(text):
            if "in a glossary with" in note:
                continue
            chain: list[list[str]] = [[]]
            for word in words:
                chain.append([]) if word == "&&" else chain[-1].append(word)
            for argv in chain:
                assert main(argv[1:]) == 0, (where, capsys.readouterr().err)
                ran += 1
        elif words[:1] == ["msgfmt"] and shutil.which("msgfmt") and "translated" in note:
            import subprocess

            done = subprocess.run([*words, "-o", os.devnull], capture_output=True, text=True,
                                  check=False)
            assert done.returncode == 0, (where, done.stderr)
            assert note.strip() in done.stderr, (where, done.stderr)
    assert ran > 0


@pytest.mark.parametrize(("page", "line", "code"), [
    pytest.param(page, line, code, id=f"{page.name}:{line}")
    for page in PAGES for line, code in _blocks(page, "toml")
])
def test_a_configuration_block_is_one_glossari_reads(page: Path, line: int, code: str) -> None:
    """The settings a page shows are valid (a key renamed since would be refused as unknown)."""
    from glossari.config import parse_config

    table = "tool.glossari" if re.search(r"^\[tool\.glossari", code, re.M) else ""
    config = parse_config(code, source=f"{page.name}:{line}", table=table)
    assert config.languages or config.check.select or config.check.severity


def test_every_api_name_a_page_gives_exists() -> None:
    """`glossari.checks.stream_check`, `glossari.text.decode_text`, ...: a name the pages send a
    reader to is importable (one renamed since would be a dead end)."""
    import importlib

    missing = []
    for page in PAGES:
        for name in set(re.findall(r"`(glossari(?:\.[A-Za-z_]\w*)+)", page.read_text("utf-8"))):
            if name in ("glossari.toml", "glossari.sqlite"):
                continue  # files, not names
            parts = name.split(".")
            for cut in range(len(parts), 0, -1):
                try:
                    value: object = importlib.import_module(".".join(parts[:cut]))
                except ImportError:
                    continue
                break
            try:
                for attribute in parts[cut:]:
                    value = getattr(value, attribute)
            except AttributeError:
                missing.append(f"{page.name}: {name}")
    assert missing == []


def _synopses() -> Iterator[tuple[str, str, str]]:
    """(page, command, the rest of its synopsis) for README's command table and each
    ``glossari COMMAND [-x ...]`` synopsis in a block of the pages."""
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"^\| `([a-z]+)((?: [^`]*)?)` \|", text, re.M):
            yield page.name, match.group(1), match.group(2).replace("\\|", "|")
        joined = re.sub(r"\n {8,}(?=\[)", " ", text)  # a synopsis over two lines
        for match in re.finditer(r"^glossari ([a-z]+)( .*\[-.*)$", joined, re.M):
            yield page.name, match.group(1), match.group(2)


def test_each_synopsis_names_options_the_command_has_with_its_choices() -> None:
    """The command table of README.md and the synopses of docs/ against each command's parser:
    an option the pages give is the command's, and the choices they list are its choices."""
    from glossari.cli import COMMANDS, _command_module, _parser

    _, subparsers = _parser()
    for name in COMMANDS:
        _command_module(name).configure(subparsers[name])
    checked = 0
    wrong = []
    for page, name, synopsis in _synopses():
        if name not in COMMANDS:
            continue
        options = subparsers[name]._option_string_actions
        for option, choices in re.findall(r"(--?[a-z][\w-]*)(?: ([\w|]+\|[\w|]+))?", synopsis):
            checked += 1
            action = options.get(option)
            if action is None:
                wrong.append(f"{page}: {name} has no option {option}")
            elif choices and action.choices is not None and \
                    set(choices.split("|")) != {str(c) for c in action.choices}:
                wrong.append(f"{page}: {name} {option} {choices}: the choices are "
                             f"{'|'.join(map(str, action.choices))}")
    assert wrong == []
    assert checked > 30
