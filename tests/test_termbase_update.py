"""Issue 13: after a few articles change, ``compile`` updates the termbase in place, and the
result is the very termbase a whole build gives (read with plain ``sqlite3``, table by table)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import glossari
from glossari.cli import main
from glossari.glossary import compile_termbase, load_glossary
from glossari.root import GlossaryRoot
from glossari.termbase import build as termbase_build
from glossari.termbase import snapshot, write_termbase
from glossari.termbase.schema import FIELD_RANK
from tests._processes import REPORT_HELPERS, assert_ends, counted_helpers, needs_two_cores
from tests.test_termbase import _glossary_folder, _write_folder

TERMBASE = Path("locale/en/glossari.sqlite")

# the meta values that name the build's moment, not its content
_MOMENT = ("built_ns", "racy")


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table as plain ``sqlite3`` reads it: ordinary tables in stored order, the search
    tables' rows sorted (their rowids are the index's business), the meta table without the
    build's moment. The FTS5 indexes must pass their own integrity check."""
    db = sqlite3.connect(path)  # writable: the FTS5 integrity check is written as an INSERT
    try:
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        virtual = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        dump: dict[str, list[tuple[object, ...]]] = {}
        for table in tables:
            if any(table.startswith(v + "_") for v in virtual):
                continue  # an FTS5 shadow table: checked through its index below
            if table in virtual:
                db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
                dump[table] = sorted(db.execute(f"SELECT text, term_id, lang FROM {table}"),
                                     key=repr)
            elif table == "meta":
                dump[table] = [row for row in db.execute("SELECT key, value FROM meta")
                               if row[0] not in _MOMENT]
            else:
                dump[table] = list(db.execute(f"SELECT * FROM {table}"))
        dump["user_version"] = list(db.execute("PRAGMA user_version"))
        return dump
    finally:
        db.close()


def _whole_build(root: Path) -> dict[str, list[tuple[object, ...]]]:
    """The termbase of ``root`` written whole, on a copy of the folder."""
    copy = root.parent / (root.name + "-whole")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy)
    (copy / TERMBASE).unlink()
    assert compile_termbase(GlossaryRoot(path=copy))[1] == "written"
    try:
        return _dump(copy / TERMBASE)
    finally:
        shutil.rmtree(copy)


def _differences(got: dict[str, list[tuple[object, ...]]],
                 want: dict[str, list[tuple[object, ...]]]) -> list[str]:
    return [f"{table}: {[r for r in got.get(table, []) if r not in want.get(table, [])][:3]} "
            f"instead of {[r for r in want.get(table, []) if r not in got.get(table, [])][:3]}"
            for table in sorted(set(got) | set(want)) if got.get(table) != want.get(table)]


def _append(text: str) -> str:
    return text.rstrip("\n") + "\n\nPerenggan baharu tentang zirkonium dan yuran.\n"


def _section(text: str) -> str:
    return text.rstrip("\n") + "\n\n## Nota tambahan\n\nZirkonium ialah contoh sahaja.\n"


def _flaw(text: str) -> str:
    # a heading without its space: the article's own finding (the findings tail is rewritten)
    return text.rstrip("\n") + "\n\n##Catatan\n\nZirkonium dicatat di sini.\n"


def _description(text: str) -> str:
    return re.sub(r"(?m)^description: .*$", "description: Takrif zirkonium yang baharu.", text,
                  count=1)


def _keywords(text: str) -> str:
    return re.sub(r"(?m)^keywords: .*$", "keywords: Zirkonium, Pelaburan", text, count=1)


def _prepend(text: str) -> str:
    head, sep, body = text.partition("\n---\n")
    return f"{head}{sep}\nPerenggan pembuka tentang zirkonium.\n{body}"


def _link(text: str) -> str:
    return re.sub(r"\[([^\]]*)\]\(/", r"[\1 zirkonium](/", text, count=1)


def _linking(text: str) -> str:
    # a word more in a block that holds links: local when they all lead to articles
    return text.replace("\nLihat [", "\nLihat juga [", 1)


def _title(text: str) -> str:
    return re.sub(r'(?m)^title: .*$', 'title: "Zirkonium baharu"', text, count=1)


def _alias(text: str) -> str:
    if re.search(r"(?m)^aliases: ", text):
        return re.sub(r"(?m)^aliases: .*$", "aliases: zirkonium", text, count=1)
    return text.replace("---\n", "---\naliases: zirkonium\n", 1)


# each edit of one article, and whether it stays inside the article (then the termbase must be
# updated in place, not written whole)
_LOCAL_EDITS = {"append": _append, "section": _section, "flaw": _flaw,
                "description": _description, "keywords": _keywords}
_OTHER_EDITS = {"prepend": _prepend, "link": _link, "linking": _linking, "title": _title,
                "alias": _alias}
_EDITS = [*_LOCAL_EDITS, *_OTHER_EDITS, "catalog", "add", "remove", "touch"]


def _edit(root: Path, kind: str, term_id: str) -> None:
    article = root / "seeds" / f"{term_id}.md"
    if kind in _LOCAL_EDITS or kind in _OTHER_EDITS:
        edit = {**_LOCAL_EDITS, **_OTHER_EDITS}[kind]
        article.write_text(edit(article.read_text("utf-8")), encoding="utf-8")
    elif kind == "catalog":
        po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
        po.write_text(po.read_text("utf-8") + '\nmsgid "Zirkonium"\nmsgstr "Zirconium"\n',
                      encoding="utf-8")
    elif kind == "add":
        (root / "seeds" / "zirkonium.md").write_text(
            '---\ntitle: "Zirkonium"\n---\n\nLogam [saham](/saham).\n', encoding="utf-8")
    elif kind == "remove":
        article.unlink()
    else:  # touch: new time, same bytes
        info = article.stat()
        os.utime(article, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=_glossary_folder(),
       edits=st.lists(st.tuples(st.sampled_from(_EDITS), st.integers(0, 10)), min_size=1,
                      max_size=3))
def test_an_updated_termbase_is_the_whole_build(
        tmp_path: Path, spec: dict[str, object], edits: list[tuple[str, int]]) -> None:
    root = tmp_path / "generated"
    _write_folder(root, spec)
    where = GlossaryRoot(path=root)
    assert compile_termbase(where)[1] == "written"
    before = _dump(root / TERMBASE)
    ids = sorted(p.stem for p in (root / "seeds").glob("*.md"))
    kinds = []
    defining = False  # an edited article with reference definitions: its counts' catalogs
    for kind, which in edits:
        if (kind in kinds and kind in ("remove", "catalog", "add")) or (kind == "remove" and len(
                ids) == 1):
            kind = "touch"
        kinds.append(kind)
        term_id = ids[which % len(ids)]
        article = root / "seeds" / f"{term_id}.md"
        text = article.read_bytes() if article.is_file() else None
        was_defining = _defines(root, term_id)
        _edit(root, kind, term_id)
        # an edit that left the article's bytes as they were (`link` on an article with no
        # inline link) edits nothing: the update in place of the others is right
        edited = not article.is_file() or article.read_bytes() != text
        defining = defining or (edited and (was_defining or _defines(root, term_id)))
        if kind == "remove":
            ids.remove(term_id)
    _, done = compile_termbase(where)
    event(f"termbase {done}")
    if defining and kinds != ["touch"] * len(kinds):
        # its definitions judge the counts of every catalog it shares a message with (the
        # coverage table), which an update in place does not rewrite: a whole build
        assert done in ("written", "fresh"), kinds
    elif set(kinds) <= set(_LOCAL_EDITS):
        assert done == "updated", kinds
    if set(kinds) & {"catalog", "add", "remove", "title"}:
        assert done == "written", kinds
    if done == "fresh":  # the same bytes (a touch, an edit that found nothing to change): no
        # row of the glossary rewritten, only the record of the inputs' sizes and times
        record = ("inputs", "meta")
        assert ({k: v for k, v in _dump(root / TERMBASE).items() if k not in record}
                == {k: v for k, v in before.items() if k not in record})
    assert _differences(_dump(root / TERMBASE), _whole_build(root)) == []


def _defines(root: Path, term_id: str) -> bool:
    """Whether the article ``term_id`` (if still there) holds a reference definition."""
    from glossari.seeds.markdown import reference_definitions

    path = root / "seeds" / f"{term_id}.md"
    return path.is_file() and bool(reference_definitions(path.read_text("utf-8")))


def _edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# a paragraph of the bundled article that holds no link
_PLAIN = ("membantu dengan promosi jualan.", "membantu dengan promosi jualan serta pameran niaga.")


def test_compile_says_it_updated(compiled_root: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = compiled_root
    _edit_text(root / "seeds" / "accountexecutive.md", *_PLAIN)
    capsys.readouterr()
    assert main(["--root", str(root), "compile", "-l", "en"]) == 0
    assert "termbase en updated" in capsys.readouterr().err
    assert main(["--root", str(root), "search", "pameran niaga"]) == 0
    assert capsys.readouterr().out.startswith("accountexecutive\tbody\tms\t")
    assert main(["--root", str(root), "compile", "-l", "en"]) == 0
    assert "termbase en fresh" in capsys.readouterr().err


def test_a_changed_link_is_written_whole(compiled_root: Path) -> None:
    # a new link text is a new name of the term it leads to: ekuiti is no longer alone in it
    _edit_text(compiled_root / "seeds" / "bon.md", "dan [ekuiti](/ekuiti)", "dan [saham](/ekuiti)")
    assert compile_termbase(GlossaryRoot(path=compiled_root))[1] == "written"
    assert _differences(_dump(compiled_root / TERMBASE), _whole_build(compiled_root)) == []


def test_a_failed_update_changes_nothing(compiled_root: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = compiled_root
    before = _dump(root / TERMBASE)
    _edit_text(root / "seeds" / "accountexecutive.md", *_PLAIN)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    # the terms row is already rewritten when the search rows fail
    monkeypatch.setattr(termbase_build, "_term_batch", fail)
    with pytest.raises(OSError, match="No space"):
        compile_termbase(GlossaryRoot(path=root))
    assert _dump(root / TERMBASE) == before
    monkeypatch.undo()
    assert compile_termbase(GlossaryRoot(path=root))[1] == "updated"
    assert _differences(_dump(root / TERMBASE), _whole_build(root)) == []


_CRASH = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size = 1")  # pages spill into the file before the commit
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE terms SET data = data || ' ', head = head || ' '")
db.execute("DELETE FROM search_body")
os._exit(9)  # a crash in the middle of an update: the journal stays, hot
"""


def test_a_crashed_update_is_rolled_back_not_played_into_the_next_build(
        compiled_root: Path) -> None:
    root = compiled_root
    path = root / TERMBASE
    subprocess.run([sys.executable, "-c", _CRASH, str(path)], check=False)
    assert path.with_name(path.name + "-journal").stat().st_size > 0
    # a new headword: the termbase is written whole, with other rows, over the crashed one
    _edit(root, "title", "bon")
    assert compile_termbase(GlossaryRoot(path=root))[1] == "written"
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        db.close()
    assert _differences(_dump(path), _whole_build(root)) == []


def _linking_root(root: Path) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "saham.md").write_text(
        "---\ntitle: Saham\n---\n\n# Saham\n\n"
        "Dikawal oleh [pihak berkuasa](/finra) dan [broker](/peniaga-broker).\n\n"
        "Dijual oleh [peniaga broker](/peniaga-broker) sahaja.\n", encoding="utf-8")
    (root / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\n---\n\nMembeli [saham](/saham).\n", encoding="utf-8")
    assert compile_termbase(GlossaryRoot(path=root))[1] == "written"
    return root


def test_a_block_linking_to_articles_only_is_updated(tmp_path: Path) -> None:
    root = _linking_root(tmp_path / "g")
    _edit_text(root / "seeds" / "saham.md", "Dijual oleh", "Dijual setiap hari oleh")
    assert compile_termbase(GlossaryRoot(path=root))[1] == "updated"
    assert _differences(_dump(root / TERMBASE), _whole_build(root)) == []


def test_a_block_linking_to_no_article_is_written_whole(tmp_path: Path) -> None:
    # the link-only term /finra learns its suggested English from the blocks linking to it: an
    # acronym written there turns the suggestion 'finra' into 'FINRA'
    root = _linking_root(tmp_path / "g")
    _edit_text(root / "seeds" / "saham.md", "Dikawal oleh", "Dikawal oleh FINRA, iaitu")
    assert compile_termbase(GlossaryRoot(path=root))[1] == "written"
    assert _differences(_dump(root / TERMBASE), _whole_build(root)) == []
    assert glossari.load(root)["finra"].english.title == "FINRA"


# --- a whole build whose rows a second process makes --------------------------------------



def _search_rows_by_rowid(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(path)
    try:
        return {field: list(db.execute(f"SELECT rowid, text, term_id, lang FROM search_{field} "
                                       "ORDER BY rowid")) for field in FIELD_RANK}
    finally:
        db.close()


def _automerge(path: Path) -> set[object]:
    db = sqlite3.connect(path)
    try:
        return {db.execute(f"SELECT v FROM search_{field}_config WHERE k = 'automerge'")
                .fetchone()[0] for field in FIELD_RANK}
    finally:
        db.close()


@needs_two_cores
@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=_glossary_folder(), batch=st.integers(1, 3))
def test_rows_made_by_a_helper_process_give_the_same_termbase(
        tmp_path: Path, spec: dict[str, object], batch: int) -> None:
    root = GlossaryRoot(path=tmp_path / "generated")
    _write_folder(root.path, spec)
    glossary = load_glossary(root, compiled=False)
    inputs = snapshot(root, "en")
    # one term per job or a few: many jobs in flight, answered in order
    with mock.patch.object(termbase_build, "PARALLEL_TERMS", 1), \
            mock.patch.object(termbase_build, "BATCH", batch), counted_helpers() as helpers:
        write_termbase(tmp_path / "helped.sqlite", glossary, inputs, built_ns=1)
    assert len(helpers) == 1
    with mock.patch.object(termbase_build, "PARALLEL_TERMS", 10**9):
        write_termbase(tmp_path / "alone.sqlite", glossary, inputs, built_ns=1)
    helped, alone = tmp_path / "helped.sqlite", tmp_path / "alone.sqlite"
    assert _dump(helped) == _dump(alone)  # with FTS5's integrity check of both
    assert _search_rows_by_rowid(helped) == _search_rows_by_rowid(alone)
    assert _automerge(helped) == _automerge(alone) == {termbase_build.AUTOMERGE}
    with pytest.raises(ChildProcessError):  # the helper was waited for
        os.waitpid(-1, os.WNOHANG)


@needs_two_cores
@pytest.mark.parametrize("how", ["raises", "dies"])
def test_a_failing_helper_process_leaves_the_termbase_as_it_was(
        compiled_root: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    root = GlossaryRoot(path=compiled_root)
    before = _dump(compiled_root / TERMBASE)
    glossary = load_glossary(root, compiled=False)
    parent = os.getpid()
    real = termbase_build._term_batch

    def failing(terms: object, lang: str) -> object:
        if os.getpid() != parent:  # only in the helper
            if how == "dies":
                os._exit(9)  # as if killed
            raise ZeroDivisionError("a bug in the helper")
        return real(terms, lang)  # type: ignore[arg-type]

    monkeypatch.setattr(termbase_build, "PARALLEL_TERMS", 1)
    monkeypatch.setattr(termbase_build, "_term_batch", failing)
    message = "ZeroDivisionError" if how == "raises" else "ended before answering"
    with pytest.raises(RuntimeError, match=message):
        write_termbase(compiled_root / TERMBASE, glossary, snapshot(root, "en"))
    assert _dump(compiled_root / TERMBASE) == before
    assert [p.name for p in (compiled_root / TERMBASE).parent.iterdir()
            if p.name.endswith(".tmp")] == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


_KILLED = REPORT_HELPERS + """
from glossari.cli import main
from glossari.termbase import build
build.PARALLEL_TERMS, build.BATCH = 1, 1
made = build._term_batch
def slow(terms, lang):
    if os.getpid() != parent:
        time.sleep(0.5)
    return made(terms, lang)
build._term_batch = slow
main(["--root", sys.argv[1], "compile"])
"""


@needs_two_cores
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_killed_compile_leaves_no_helper_and_the_old_termbase(compiled_root: Path) -> None:
    before = _dump(compiled_root / TERMBASE)
    catalog = compiled_root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    with catalog.open("a", encoding="utf-8") as handle:  # a catalog changed: a whole build
        handle.write("\n# disemak\n")
    compile_ = subprocess.Popen([sys.executable, "-c", _KILLED, str(compiled_root)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert compile_.stdout is not None
    helper = int(compile_.stdout.readline())
    time.sleep(1)  # the helper is making rows, compile is waiting for them
    compile_.kill()
    compile_.wait()
    assert_ends(helper)
    assert _dump(compiled_root / TERMBASE) == before
    # the termbase it was writing aside is left; the next compile removes it (the compile lock
    # says no other compile runs) and writes the new one
    folder = (compiled_root / TERMBASE).parent
    assert [p.name for p in folder.glob(".glossari.sqlite.*.tmp")] != []
    assert main(["--root", str(compiled_root), "compile"]) == 0
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    assert _dump(compiled_root / TERMBASE) != before


def test_a_fast_helper_does_not_pile_rows_up_in_the_parent() -> None:
    """A helper faster than SQLite: the batches asked of it stay AHEAD past the one inserted."""

    class Eager:  # answers every job at once and is never busy: the worst case for memory
        def __init__(self) -> None:
            self.sent: list[tuple[int, int]] = []
            self.answered = 0

        def busy(self) -> bool:
            return False

        def send(self, job: tuple[int, int]) -> None:
            self.sent.append(job)

        def wait(self) -> list[tuple[int, object]]:
            out = [(start, {"batch": start}) for start, _ in self.sent[self.answered:]]
            self.answered = len(self.sent)
            return out

    helper = Eager()
    terms = [object()] * (termbase_build.BATCH * 40 + 7)
    got = []
    for rows in termbase_build._batches(terms, "en", helper):  # type: ignore[arg-type]
        got.append(rows)
        assert len(helper.sent) - len(got) <= termbase_build.AHEAD
    assert got == [{"batch": start} for start in range(0, len(terms), termbase_build.BATCH)]


def _body_index(path: Path) -> tuple[int, int]:
    """``(segments of search_body's index, its hashsize)``."""
    db = sqlite3.connect(path)
    try:
        segments = db.execute("SELECT count(DISTINCT segid) FROM search_body_idx").fetchone()[0]
        hashsize = db.execute("SELECT v FROM search_body_config WHERE k = 'hashsize'").fetchone()
        return segments, hashsize[0] if hashsize else 1_048_576  # FTS5's default
    finally:
        db.close()


def test_a_whole_build_writes_the_body_index_in_few_segments_and_keeps_fts5s_hashsize(
        tmp_path: Path) -> None:
    # about 3 MB of body words, with their prefix indexes many times FTS5's default 1 MB of
    # pending data: a whole build held them in one segment after another (each written, then
    # merged), where a larger hash writes them at once; the file keeps FTS5's default for the
    # updates in place that follow
    import random

    rng = random.Random(13)
    words = ["".join(rng.choice("abdegiklmnprstu") for _ in range(rng.randint(3, 11)))
             for _ in range(40_000)]
    (tmp_path / "seeds").mkdir()
    for n, stem in enumerate(["peniaga-broker", "saham-saham", "pelaburan", "unit-amanah"]):
        paragraphs = "\n\n".join(" ".join(rng.choices(words, k=120)) + "."
                                 for _ in range(250))
        (tmp_path / "seeds" / f"{stem}.md").write_text(
            f"---\ntitle: Istilah {n}\n---\n\n# Istilah {n}\n\n{paragraphs}\n", encoding="utf-8")
    assert compile_termbase(GlossaryRoot(path=tmp_path))[1] == "written"
    segments, hashsize = _body_index(tmp_path / TERMBASE)
    assert hashsize == 1_048_576
    assert segments <= 2  # five with FTS5's default of 1 MB
    db = sqlite3.connect(tmp_path / TERMBASE)
    try:
        db.execute("INSERT INTO search_body(search_body) VALUES ('integrity-check')")
        word = words[0]
        found = {row[0] for row in db.execute(
            "SELECT term_id FROM search_body WHERE search_body MATCH ?", (f'"{word}"',))}
        assert found
    finally:
        db.close()
