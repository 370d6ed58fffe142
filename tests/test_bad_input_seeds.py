"""Bad articles: each class answered with one line naming path:line, what is wrong and what to do.

Every case is checked three ways: the library raises :class:`SeedError` (a ``ValueError``) with the
exact path and 1-based line and a hint; ``glossari show`` exits 2 with exactly one line on standard
error and no traceback; and nothing is written anywhere under the glossary folder.

The small bad files live in ``tests/data/bad/seeds/``; the big ones (20 MB, thousands of nesting
levels) and the ones a checkout cannot hold (names differing only in case, Windows-reserved names,
symbolic links) are made in a temporary folder by the tests. Line 0 means "the whole file" (a name
problem): the message is then ``path: what; hint``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.cli import main
from glossari.errors import GlossariError, SeedError
from glossari.glossary import load_glossary
from glossari.seeds.article import check_term_id, parse_article, read_article
from glossari.seeds.rules import split_aliases

DATA = Path(__file__).parent / "data" / "bad"
SEED = Path(__file__).parent.parent / "seeds" / "accountexecutive.md"


@dataclass(frozen=True)
class Case:
    name: str
    """File name in seeds/ (the corpus file of the same name, or a generated one)."""
    line: int
    what: str
    """A fragment of what is wrong."""
    hint: str
    """A fragment of what to do."""


CORPUS = [
    Case("invalid-yaml.md", 3, "invalid YAML", "fix the YAML syntax"),
    Case("unclosed-quote.md", 3, "quoted value in the front matter has no closing quote",
         "end the value with the quote it starts with"),
    # a list or mapping opened with '[' or '{' and never closed: YAML notices on a later line
    Case("unclosed-list.md", 3, "a '[' in the front matter has no closing ']'",
         "close it with ']' on the same line"),
    Case("front-matter-list.md", 2, "front matter is a list", "'title: ...'"),
    Case("front-matter-scalar.md", 2, "front matter is a single value", "'title: ...'"),
    Case("unterminated-fence.md", 1, "never closed", "add a line '---'"),
    Case("complex-key.md", 3, "key is not a plain name", "simple keys"),
    Case("tagged-key.md", 3, "key is not a plain name", "simple keys"),
    # `'': x` named no field: it was kept in the term's meta as a key named ''
    Case("empty-key.md", 3, "a front-matter key is empty ('': a value with no name)",
         "name the key"),
    Case("blank-key.md", 4, "a front-matter key is empty ('\\u200b ': a value with no name)",
         "or remove the line"),
    # a tag asks for an object or a typed value (every other YAML reader runs or decodes it):
    # read as text, the headword was "echo dimiliki", the keyword "aGVsbG8="
    Case("tagged-title.md", 2, "a YAML tag ('!!python/object/apply:os.system') on the value "
         "of 'title'", "remove the tag"),
    Case("tagged-keyword.md", 4, "a YAML tag ('!!binary') on the value of 'keywords'",
         "remove the tag"),
    Case("missing-title.md", 4, "no title", "add 'title:"),
    Case("misspelt-title.md", 2, "'Titel:' looks like a misspelling of 'title:'",
         "rename 'Titel:' to 'title:'"),
    Case("no-front-matter.md", 1, "no title", "add 'title:"),
    Case("empty-title.md", 3, "title is empty", "add 'title:"),
    Case("list-title.md", 2, "title is a list", "add 'title:"),
    Case("description-list.md", 4, "description is a list", "one paragraph"),
    Case("nested-value.md", 3, "nested structure", "plain text value"),
    Case("duplicate-key.md", 4, "'title' appears twice (first on line 2)", "keep one"),
    Case("not-utf8.md", 7, "not UTF-8 text (byte 0xff at column 6)", "save the file as UTF-8"),
    Case("latin1.md", 2, "not UTF-8 text (byte 0xe9", "Latin-1"),
    Case("empty.md", 1, "the file is empty", "delete the file"),
    Case("blank.md", 1, "the file is empty", "delete the file"),
    Case("binary.md", 3, "binary data", "only Markdown articles"),
    Case("control-character.md", 7, "control character U+0007", "delete it"),
    Case("c1-control.md", 5, "control character U+0085", "delete it"),
    Case("line-separator.md", 2, "U+2028 line separator", "replace it with a space"),
    Case("nested-lists.md", 7, "nested more than 16 levels", "flatten"),
    Case("nested-quotes.md", 7, "nested more than 16 levels", "flatten"),
    # issue 18: decoded values (YAML escapes), a second document, an invisible title
    Case("yaml-escape-control.md", 2, "control character U+001B in a front-matter value",
         "delete the escape"),
    Case("yaml-escape-nul.md", 3, "control character U+0000", "delete the escape"),
    Case("yaml-escape-context.md", 4, "control character U+0004", "delete the escape"),
    Case("yaml-after-end.md", 4, "YAML after the end of the front matter", "remove the '...'"),
    Case("invisible-title.md", 2, "only invisible characters", "add 'title:"),
    # round 3: YAML's own refusal of U+FFFF was two lines, at line 1
    Case("noncharacter.md", 3, "the character U+FFFF, which YAML does not allow", "delete it"),
]

_FRONT = b"---\ntitle: Kos\n---\n\n# Kos\n\n"  # the body starts on line 7


def _big_article(seeds: Path) -> None:
    para = b"Kos ialah harga yang dibayar untuk sesuatu barang atau perkhidmatan.\n\n"
    (seeds / "besar.md").write_bytes(_FRONT + para * (20 * 1024 * 1024 // len(para)))


def _deep_lists(seeds: Path) -> None:
    (seeds / "senarai.md").write_bytes(_FRONT + b"- " * 5000 + b"dalam\n")


def _deep_indented_lists(seeds: Path) -> None:
    # one level per line, each indented two more spaces: 1,000 levels in 1 MB
    lines = b"".join(b"  " * i + b"- tahap\n" for i in range(1000))
    (seeds / "inden.md").write_bytes(_FRONT + lines)


def _deep_quotes(seeds: Path) -> None:
    (seeds / "petikan.md").write_bytes(_FRONT + b">" * 5000 + b" petikan\n")


def _deep_yaml(seeds: Path) -> None:
    (seeds / "yaml.md").write_bytes(b"---\ntitle: Kos\nkeywords: " + b"[" * 5000 + b"\n---\n")


def _case_twins(seeds: Path) -> None:
    seed = (DATA / "good" / "yaml11-traps.md").read_bytes()
    (seeds / "Kos.md").write_bytes(seed)
    (seeds / "kos.md").write_bytes(seed)


def _symlink_outside(seeds: Path) -> None:
    outside = seeds.parent.parent / "outside.md"
    outside.write_bytes(b"---\ntitle: Luar\n---\n")
    (seeds / "pautan.md").symlink_to(outside)


def _brackets(seeds: Path) -> None:
    # 2 MiB of '![' took 69 s in markdown-it-py; refused by count before parsing
    (seeds / "kurungan.md").write_bytes(_FRONT + b"![" * (1024 * 1024 - 20))


def _fifo(seeds: Path) -> None:
    os.mkfifo(seeds / "paip.md")  # opening it would block every command forever


def _sparse(seeds: Path) -> None:
    with (seeds / "jarang.md").open("wb") as handle:  # 8 GB, no block written
        handle.truncate(8 * 1024**3)


def _named(name: str) -> Callable[[Path], None]:
    def make(seeds: Path) -> None:
        (seeds / name).write_bytes(b"---\ntitle: Kos\n---\n")
    return make


def _written(name: str, data: bytes) -> Callable[[Path], None]:
    def make(seeds: Path) -> None:
        (seeds / name).write_bytes(data)
    return make


GENERATED = [
    (Case("dua-kunci.md", 3, "the key 'Title' appears twice (first on line 2)", "keep one"),
     _written("dua-kunci.md", b"---\ntitle: Kos\nTitle: Kos\n---\n")),
    (Case("alias.md", 3, "YAML alias ('*nama')", "write the value out"),
     _written("alias.md", b"---\ntitle: &nama Kos\ndescription: *nama\n---\n")),
    (Case("alias-item.md", 3, "YAML alias ('*k')", "write the value out"),
     _written("alias-item.md", b"---\ntitle: &k Kos\nkeywords: [A, *k]\n---\n")),
    (Case("null-title.md", 2, "title is empty", "add 'title:"),
     _written("null-title.md", b"---\ntitle: ~\n---\n")),
    # front matter that is there but not read: the author must learn why, not "no title"
    (Case("kosong-atas.md", 3, "does not start on line 1 ('---' on line 3)",
          "delete the 2 lines above '---'"),
     _written("kosong-atas.md", b"\n\n---\ntitle: Kos\n---\n\n# Kos\n")),
    (Case("toml.md", 1, "TOML front matter ('+++') is not read", "YAML between '---' lines"),
     _written("toml.md", b'+++\ntitle = "Kos"\n+++\n\n# Kos\n')),
    (Case("besar.md", 1, "more than the 2048 KiB", "split it"), _big_article),
    (Case("senarai.md", 7, "nested more than 16 levels", "flatten"), _deep_lists),
    (Case("inden.md", 23, "nested more than 16 levels", "flatten"), _deep_indented_lists),
    (Case("petikan.md", 7, "nested more than 16 levels", "flatten"), _deep_quotes),
    (Case("yaml.md", 3, "deeply nested structure", "plain text value"), _deep_yaml),
    (Case("kos.md", 0, "differs only in case from seeds/Kos.md", "rename one"), _case_twins),
    (Case("pautan.md", 0, "outside seeds/", "copy the article into seeds/"), _symlink_outside),
    (Case("dua kata.md", 0, "not a safe term id", "for example to 'dua-kata.md'"),
     _named("dua kata.md")),
    (Case("con.md", 0, "reserved file name on Windows", "rename"), _named("con.md")),
    (Case("aux.md", 0, "reserved file name on Windows", "rename"), _named("aux.md")),
    (Case("nul.md", 0, "reserved file name on Windows", "rename"), _named("nul.md")),
    (Case("COM1.md", 0, "reserved file name on Windows", "rename"), _named("COM1.md")),
    (Case("lpt1.bak.md", 0, "reserved file name on Windows", "rename"), _named("lpt1.bak.md")),
    (Case("titik..md", 0, "not a safe term id", "rename"), _named("titik..md")),
    (Case("-sengkang.md", 0, "beginning with a letter or digit", "rename"),
     _named("-sengkang.md")),
    (Case("kós.md", 0, "not a safe term id", "for example to 'kos.md'"), _named("kós.md")),
    # the link-only term of /акция is акция; its article keeps the slug as an alias (the hint
    # was "for example to 'x.md'", which no link finds)
    (Case("акция.md", 0, "not a safe term id", "'aliases: акция' in its front matter"),
     _named("акция.md")),
    (Case("kurungan.md", 7, "more than 10,000 '['", "not generated or corrupt"), _brackets),
    (Case("paip.md", 0, "a named pipe (FIFO), not a regular file", "remove it"), _fifo),
    (Case("jarang.md", 1, "8388608 KiB, more than the 2048 KiB", "split it"), _sparse),
]

ALL = [(c, None) for c in CORPUS] + GENERATED


def _snapshot(root: Path) -> dict[str, tuple[int, int, bytes | str]]:
    """Every entry under ``root`` (hidden ones too): kind, mtime and content or link target."""
    found: dict[str, tuple[int, int, bytes | str]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            info = path.lstat()
            if path.is_symlink():
                found[str(path)] = (0, info.st_mtime_ns, os.readlink(path))
            elif path.is_dir():
                found[str(path)] = (1, info.st_mtime_ns, "")
            elif not path.is_file() or info.st_size > 64 * 1024 * 1024:  # a FIFO, a sparse file
                found[str(path)] = (3, info.st_mtime_ns, str(info.st_size))
            else:
                found[str(path)] = (2, info.st_mtime_ns, path.read_bytes())
    return found


def _make_root(tmp_path: Path, case: Case, make: Callable[[Path], None] | None) -> Path:
    root = tmp_path / "glossary"
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    (root / "locale").mkdir()
    if make is None:
        shutil.copyfile(DATA / "seeds" / case.name, seeds / case.name)
    else:
        make(seeds)
    return root


def _ids(item: tuple[Case, object]) -> str:
    return item[0].name


@pytest.fixture(params=ALL, ids=[_ids(item) for item in ALL])
def bad_root(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Case, Path]:
    case, make = request.param
    return case, _make_root(tmp_path, case, make)


def _check_error(error: GlossariError, case: Case) -> None:
    assert isinstance(error, SeedError)
    assert isinstance(error, ValueError)
    assert error.path == f"seeds/{case.name}"
    assert error.line == case.line
    assert case.what in error.message
    assert case.hint in error.hint
    where = f"seeds/{case.name}:{case.line}" if case.line else f"seeds/{case.name}"
    assert str(error) == f"{where}: {error.message}; {error.hint}"
    assert "\n" not in str(error)


def test_library_raises_seed_error(bad_root: tuple[Case, Path]) -> None:
    case, root = bad_root
    before = _snapshot(root)
    with pytest.raises(SeedError) as caught:
        load_glossary(root)
    _check_error(caught.value, case)
    assert _snapshot(root) == before


def test_cli_prints_one_line_and_exits_2(
    bad_root: tuple[Case, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    case, root = bad_root
    before = _snapshot(root)
    assert main(["--root", str(root), "show", "kos"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    where = f"seeds/{case.name}:{case.line}" if case.line else f"seeds/{case.name}"
    assert lines[0].startswith(f"glossari: error: {where}: "), lines[0]
    assert case.what in lines[0]
    assert case.hint in lines[0][lines[0].index(case.what) + len(case.what):]
    assert "Traceback" not in err
    assert _snapshot(root) == before


@pytest.mark.parametrize(
    "command",
    [["extract"], ["table"], ["table", "--format", "csv", "-o", "out.csv"], ["check"],
     ["render", "-l", "en", "-o", "rendered"]],
    ids=["extract", "table", "table-csv-file", "check", "render"],
)
@pytest.mark.parametrize("name", ["invalid-yaml.md", "latin1.md", "binary.md", "nested-lists.md",
                                  "yaml-escape-control.md"])
def test_every_command_reading_seeds_refuses(
    tmp_path: Path, name: str, command: list[str], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = next(c for c in CORPUS if c.name == name)
    root = _make_root(tmp_path, case, None)
    shutil.copyfile(SEED, root / "seeds" / SEED.name)  # one good article beside the bad one
    monkeypatch.chdir(root)  # relative -o paths land inside the snapshot
    before = _snapshot(root)
    assert main(["--root", str(root), *command]) == 2
    _out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"glossari: error: seeds/{name}:{case.line}: ")
    assert case.what in lines[0]
    assert _snapshot(root) == before


def test_a_folder_named_like_an_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "glossary"
    (root / "seeds" / "kos.md").mkdir(parents=True)
    assert main(["--root", str(root), "show", "kos"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("glossari: error: seeds/kos.md: ")
    assert "directory" in lines[0] or "folder" in lines[0]


def test_a_dangling_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").symlink_to(root / "seeds" / "hilang.md")
    assert main(["--root", str(root), "show", "kos"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("glossari: error: seeds/kos.md: ")
    assert "no such file" in lines[0].casefold()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads files whatever their permissions")
def test_an_unreadable_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    article = root / "seeds" / "kos.md"
    article.write_bytes(SEED.read_bytes())
    article.chmod(0)
    try:
        assert main(["--root", str(root), "show", "kos"]) == 2
    finally:
        article.chmod(0o644)
    assert capsys.readouterr().err.startswith(
        "glossari: error: seeds/kos.md: cannot read the file: Permission denied; ")


@pytest.mark.parametrize("name", [c.name for c in CORPUS])
def test_read_article_names_the_file(name: str) -> None:
    case = next(c for c in CORPUS if c.name == name)
    with pytest.raises(SeedError) as caught:
        read_article(DATA / "seeds" / name, source=f"seeds/{name}")
    _check_error(caught.value, case)


@pytest.mark.parametrize(
    ("name", "make"),
    [("latin1.md", None), ("besar.md", _big_article), ("kos.md", _case_twins),
     ("pautan.md", _symlink_outside)],
)
def test_real_process_exits_2_without_traceback(
    tmp_path: Path, name: str, make: Callable[[Path], None] | None
) -> None:
    case = next(c for c, _ in ALL if c.name == name)
    root = _make_root(tmp_path, case, make)
    before = _snapshot(root)
    done = subprocess.run(
        [sys.executable, "-m", "glossari", "--root", str(root), "show", "kos"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    where = f"seeds/{name}:{case.line}" if case.line else f"seeds/{name}"
    assert lines[0].startswith(f"glossari: error: {where}: ")
    assert case.what in lines[0]
    assert _snapshot(root) == before


@pytest.mark.parametrize(
    ("term_id", "what"),
    [
        ("../x", "not a safe term id"),
        ("..", "not a safe term id"),
        ("a/b", "not a safe term id"),
        ("a\\b", "not a safe term id"),
        ("", "not a safe term id"),
        ("dua kata", "not a safe term id"),
        (".tersembunyi", "not a safe term id"),
        ("titik.", "not a safe term id"),
        ("kos\x00", "not a safe term id"),
        ("con", "reserved file name on Windows"),
        ("Aux", "reserved file name on Windows"),
        ("nul.tar", "reserved file name on Windows"),
        ("prn", "reserved file name on Windows"),
        ("com9", "reserved file name on Windows"),
    ],
)
def test_check_term_id_refuses_unsafe_ids(term_id: str, what: str) -> None:
    with pytest.raises(SeedError) as caught:
        check_term_id(term_id, source=f"seeds/{term_id}.md")
    assert what in caught.value.message
    assert caught.value.path == f"seeds/{term_id}.md"
    assert "rename the file" in caught.value.hint


@pytest.mark.parametrize("term_id", ["kos", "broker-dealer", "401k", "a.b_c-d", "Kos2", "console"])
def test_check_term_id_accepts_safe_ids(term_id: str) -> None:
    assert check_term_id(term_id, source="x") == term_id


# --- good but messy: must be read, not refused ---------------------------------------------------


def test_bom_crlf_and_spaceless_heading_are_read(tmp_path: Path) -> None:
    term = read_article(DATA / "good" / "bom-crlf.md", source="seeds/bom-crlf.md")
    assert (term.title, term.description) == ("Kos", "Harga.")
    assert [(s.heading, s.level, s.line) for s in term.sections] == [("Kos", 1, 6),
                                                                      ("Sorotan", 2, 8)]
    assert [b.text for b in term.highlights] == ["Satu."]
    assert [(f.code, f.line) for f in term.findings] == [("S101", 8)]


def test_yaml_1_1_traps_stay_strings() -> None:
    term = read_article(DATA / "good" / "yaml11-traps.md", source="seeds/yaml11-traps.md")
    assert term.title == "yes"
    assert term.description == "2021-01-01"
    assert term.categories == ("on", "off", "1e3", "0x1F")
    assert dict(term.meta)["no"] == "012"
    assert dict(term.meta)["updated"] == "2021-01-01 10:00:00"


def test_messy_but_good_glossary_loads_and_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    (root / "locale").mkdir()
    for path in (DATA / "good").iterdir():
        shutil.copyfile(path, root / "seeds" / path.name)
    assert len(load_glossary(root)) == 2
    assert main(["--root", str(root), "show", "bom-crlf"]) == 0
    out, err = capsys.readouterr()
    assert "Kos" in out
    assert "Traceback" not in err


def test_sixteen_levels_are_kept_whole() -> None:
    # the limit refuses depth 17; depth 16 must keep every item's text (markdown-it-py would
    # silently drop what lies deeper than its maxNesting)
    lines = "".join("  " * i + f"- tahap{i}\n" for i in range(16))
    term = parse_article("---\ntitle: K\n---\n\n" + lines, term_id="k", source="k.md")
    texts = [b.text for s in term.sections for b in s.blocks]
    assert texts == [f"tahap{i}" for i in range(16)]


def test_editor_lock_files_are_not_articles(tmp_path: Path) -> None:
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    shutil.copyfile(SEED, root / "seeds" / SEED.name)
    # Emacs's lock file while the article is open: a dangling symbolic link
    (root / "seeds" / f".#{SEED.name}").symlink_to("user@host.1234:1700000000")
    (root / "seeds" / f".{SEED.name}").write_bytes(b"\x00 backup")
    assert [t.id for t in load_glossary(root) if t.kind == "article"] == ["accountexecutive"]


def test_the_extension_matches_in_any_case(tmp_path: Path) -> None:
    # Windows and macOS list `Kos.MD` for `*.md`; Linux must not silently drop it
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    shutil.copyfile(SEED, root / "seeds" / "Kos.MD")
    assert [t.id for t in load_glossary(root) if t.kind == "article"] == ["Kos"]


@pytest.mark.parametrize("heading", [
    "## Sorotan:", "### SOROTAN", "## **Sorotan**", "## Perkara Utama", "## Intipati",
    "## Pengajaran utama", "Sorotan utama\n-------------", "## Key Takeaways",
])
def test_key_takeaways_under_any_of_their_names(heading: str) -> None:
    # a colon, another level, emphasis or another name real Malay dictionaries use must not
    # lose the key takeaways (Term.highlights, and the catalogs' 'highlight' part)
    term = parse_article(f"---\ntitle: Kos\n---\n\n# Kos\n\nTeks.\n\n{heading}\n\n- Satu.\n",
                         term_id="kos", source="kos.md")
    assert [b.text for b in term.highlights] == ["Satu."]


def test_a_section_named_like_key_takeaways_is_not_one() -> None:
    term = parse_article("---\ntitle: Kos\n---\n\n## Sorotan sejarah\n\n- Satu.\n",
                         term_id="kos", source="kos.md")
    assert term.highlights == ()


@pytest.mark.parametrize("null", ["~", "null", "Null", "NULL", ""])
def test_a_yaml_null_is_no_value(null: str) -> None:
    # `keywords: ~` is the author saying "none": never a category '~', a definition 'null'
    term = parse_article(f"---\ntitle: Kos\ndescription: {null}\nkeywords: {null}\n---\n",
                         term_id="kos", source="kos.md")
    assert (term.description, term.categories) == ("", ())
    quoted = parse_article(f"---\ntitle: '{null or 'x'}'\n---\n", term_id="k", source="k.md")
    assert quoted.title == (null or "x")  # quoted, it is the text written


def test_an_html_comment_is_not_text() -> None:
    # an author's note or a link commented out is invisible in every Markdown viewer: it must not
    # become a message to translate, a link (a link-only term) or a paragraph on the site
    term = parse_article(
        "---\ntitle: Kos\n---\n\n# Kos\n\n<!-- [lama](/kos-lama) -->\n\nTeks.\n\n"
        "<!--\nNota editor.\n\n- [senarai](/senarai)\n-->\n\nAkhir.\n\n"
        "<!-- nota --> Teks selepas ulasan.\n",
        term_id="kos", source="kos.md")
    assert [b.text for s in term.sections for b in s.blocks] == [
        "Teks.", "Akhir.", "<!-- nota --> Teks selepas ulasan."]  # text after it is kept
    assert term.links == ()


@pytest.mark.parametrize("title", ["|\n  Kos\n  jualan", '"Kos   jualan\\t"', "Kos\u00a0 jualan"])
def test_a_headword_is_one_line_of_single_spaces(title: str) -> None:
    # a YAML literal block or stray spacing put a line break into the headword: a broken
    # Markdown table row, and a headword message no one else spells so
    term = parse_article(f"---\ntitle: {title}\n---\n\n# Kos jualan\n", term_id="kos",
                         source="kos.md")
    assert term.title == "Kos jualan"


def test_a_link_markdown_does_not_read_is_reported() -> None:
    # machine translation puts a space between ']' and '('; a reference without its definition:
    # both show as literal brackets on the site and name no term, so the author must hear of it
    term = parse_article(
        "---\ntitle: Kos\n---\n\nLihat [peniaga broker] (/broker-dealer) dan\n"
        "[dana][tiada] serta [betul](/betul) dan `[kod] (/x)` dan \\[bukan\\] (/y),\n"
        "[1] (2020) [1][2].\n\n"
        "[ada][r]\n\n[r]: /ada\n",
        term_id="kos", source="kos.md")
    found = [(f.code, f.line, f.message) for f in term.findings]
    assert [(code, line) for code, line, _ in found] == [("S113", 5), ("S113", 6)]
    assert "write '[peniaga broker](/broker-dealer)'" in found[0][2]
    assert "no definition '[tiada]: ...'" in found[1][2]
    assert [link.target for link in term.links] == ["betul", "ada"]


def test_an_alias_list_item_with_a_comma_is_reported() -> None:
    # a comma separates aliases in a list item too (align.resolve.term_aliases): the author of
    # ["bon, korporat"] meant one alias, and find and lookups took 'bon' and 'korporat' alone
    # for the term without a word; keywords, a plain text and clean items are not reported
    term = parse_article(
        '---\ntitle: Bon korporat\nkeywords: ["Kewangan, Pelaburan"]\n'
        'aliases: ["bon, korporat", sukuk korporat]\nAlias:\n  - bon syarikat\n'
        '  - " sukuk , "\n---\n\n# Bon korporat\n',
        term_id="bon-korporat", source="bon-korporat.md")
    found = [(f.code, f.line, f.term, f.message) for f in term.findings]
    assert [(code, line, t) for code, line, t, _ in found] == [("S114", 4, "bon-korporat")]
    assert "'bon', 'korporat'" in found[0][3]
    assert "its own item" in found[0][3]
    plain = parse_article("---\ntitle: Bon\naliases: bon syarikat, sukuk\n---\n\n# Bon\n",
                          term_id="bon", source="bon.md")
    assert plain.findings == ()


@pytest.mark.parametrize(("line", "level", "space"), [
    ("##\u00a0Sorotan", 2, "U+00A0"), ("\u00a0## Sorotan", 2, "U+00A0"),
    ("###\u202fSorotan", 3, "U+202F"), ("##\u3000Sorotan", 2, "U+3000"),
])
def test_a_heading_with_a_no_break_space_is_read_and_reported(
    line: str, level: int, space: str
) -> None:
    # text pasted from a web page or a word processor: CommonMark wants an ordinary space, reads
    # a paragraph, and the key takeaways were lost without a word
    term = parse_article(f"---\ntitle: Kos\n---\n\nTeks.\n\n{line}\n\n- Satu.\n", term_id="kos",
                         source="kos.md")
    assert [(s.heading, s.level, s.line, s.malformed) for s in term.sections][1:] == [
        ("Sorotan", level, 7, True)]
    assert [b.text for b in term.highlights] == ["Satu."]
    [found] = term.findings
    assert (found.code, found.line) == ("S101", 7)
    assert space in found.message
    assert f"(write '{'#' * level} Sorotan')" in found.message


def test_front_matter_keys_in_another_case_are_read() -> None:
    # 'Title:' was "no title" for an article that has one, and 'Description:' a definition
    # dropped with only "no definition" (S106) to say so
    from glossari.align.resolve import term_aliases

    text = ("---\nTitle: Kos\nDescription: Harga.\nKEYWORDS: A, B\nAliases: kos barang\n---\n"
            "\n# Kos\n")
    term = parse_article(text, term_id="kos", source="kos.md")
    assert (term.title, term.description, term.categories) == ("Kos", "Harga.", ("A", "B"))
    assert (term.title_line, term.description_line, term.categories_line) == (2, 3, 4)
    assert term_aliases(term) == ("kos barang",)
    assert dict(term.meta)["Title"] == "Kos"  # as the author wrote it


@pytest.mark.parametrize("line", ["**Sorotan**", "__Sorotan:__", "**Perkara Utama**:", "*Sorotan*"])
def test_key_takeaways_written_as_bold_text_are_read_and_reported(line: str) -> None:
    # HTML converted to Markdown often gives the key-takeaways box a bold line, not a heading
    term = parse_article(f"---\ntitle: Kos\n---\n\nTeks.\n\n{line}\n\n- Satu.\n", term_id="kos",
                         source="kos.md")
    assert [b.text for b in term.highlights] == ["Satu."]
    assert [(s.level, s.line, s.malformed) for s in term.sections][1:] == [(2, 7, True)]
    [found] = term.findings
    assert (found.code, found.line) == ("S101", 7)
    assert "written as emphasised text" in found.message


def test_other_bold_lines_stay_paragraphs() -> None:
    term = parse_article("---\ntitle: Kos\n---\n\n**Nota:**\n\n- Satu.\n", term_id="kos",
                         source="kos.md")
    assert [b.text for s in term.sections for b in s.blocks] == ["**Nota:**", "Satu."]
    assert term.highlights == term.findings == ()


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(["Had", "had", "RM", "pelaburan", "unit"]), min_size=1,
                      max_size=2).map(" ".join),
       groups=st.lists(st.integers(0, 999).map(lambda n: f"{n:03d}"), min_size=1, max_size=3),
       lead=st.integers(1, 99), spaced=st.booleans(), others=st.booleans(),
       brackets_on_own_line=st.booleans())
def test_a_number_yaml_splits_in_a_bracketed_alias_list_is_reported(
        words: str, groups: list[str], lead: int, spaced: bool, others: bool,
        brackets_on_own_line: bool) -> None:
    """`aliases: [Had RM1,000]` is two aliases to YAML, `Had RM1` and `000` (a comma ends a
    plain item in a list in brackets, even between digits), and every reader of the file
    reads it so: the article answered to `000` in find and lookups, and nothing was said. The
    reader keeps YAML's reading and names the line, the parts and the fix; `[RM1, 000]`
    (a space after the comma: two items meant) and `- Had RM1,000` (one) are no finding."""
    number = f"{words} RM{lead}," + ",".join(groups)
    items = ", ".join(["saham-saham", number] if others else [number])
    if spaced:
        items = items.replace(",", ", ").replace(",  ", ", ")
    value = f"\n  [{items}]" if brackets_on_own_line else f" [{items}]"
    text = f"---\ntitle: Had pelaburan\naliases:{value}\n---\n\n# Had pelaburan\n"
    term = parse_article(text, term_id="had-pelaburan", source="seeds/had-pelaburan.md")
    found = [f for f in term.findings if f.code == "S114"]
    parts = [f"{words} RM{lead}", *groups]
    aliases = split_aliases(dict(term.meta)["aliases"])
    assert aliases[-len(parts):] == parts  # YAML's reading, kept
    if spaced:
        assert found == []
        return
    (finding,) = found
    assert finding.line == (4 if brackets_on_own_line else 3)
    assert f"reads '{number}' as {len(parts)} aliases" in finding.message
    assert f'aliases: ["{number}"]' in finding.message
    block = parse_article(f"---\ntitle: Had pelaburan\naliases:\n  - {number}\n---\n",
                          term_id="had-pelaburan", source="seeds/had-pelaburan.md")
    assert split_aliases(dict(block.meta)["aliases"]) == [number]
    assert block.findings == ()
