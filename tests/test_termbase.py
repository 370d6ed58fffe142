"""The compiled termbase: what plain sqlite3 reads, freshness, read-only use, and equality with
the glossary read from its sources (hypothesis)."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import glossari
from glossari.catalog.pofile import load_po, render_po
from glossari.cli import main
from glossari.commands.extract import extract
from glossari.commands.update import update
from glossari.glossary import Glossary, TermbaseWarning, compile_termbase, load_glossary
from glossari.model import Term
from glossari.root import GlossaryRoot
from glossari.seeds.folder import NOT_ARTICLES
from glossari.termbase import TERMBASE_NAME, open_fresh, termbase_path
from glossari.text import lookup_key, marked_key
from tests._clock import compile_after_save
from tests.strategies import MALAY_WORDS, article_text, translation

REPO = Path(__file__).resolve().parent.parent


def _plain(value: object) -> object:
    """A value as JSON data through the standard library alone (an oracle for the codec)."""
    return json.loads(json.dumps(dataclasses.asdict(value)))  # type: ignore[call-overload]


def _files(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` with its size and modification time."""
    return {p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def _in_memory(root: Path, lang: str = "en") -> Glossary:
    return load_glossary(root, lang=lang, compiled=False)


def _compiled(root: Path, lang: str = "en") -> Glossary:
    with warnings.catch_warnings():
        warnings.simplefilter("error", TermbaseWarning)  # a fresh termbase: no warning
        glossary = glossari.load(root, lang=lang)
    assert type(glossary).__name__ == "_CompiledGlossary"
    return glossary


# --- what any SQLite reader sees ------------------------------------------------------------

_PLAIN_READER = r"""
import json, sqlite3, sys
from pathlib import Path
db = sqlite3.connect(Path(sys.argv[1]).resolve().as_uri() + "?mode=ro", uri=True)
out = {
    "version": db.execute("PRAGMA user_version").fetchone()[0],
    "terms": [json.loads(d) for (d,) in db.execute("SELECT data FROM terms ORDER BY position")],
    "head": [json.loads(d) for (d,) in db.execute("SELECT head FROM terms ORDER BY position")],
    "heads": db.execute("SELECT id, title, title_en, status, kind FROM terms ORDER BY position")
               .fetchall(),
    "lookup": dict(db.execute("SELECT key, term_id FROM lookup")),
    "backlinks": db.execute("SELECT source_id, target_id FROM links WHERE target_id = 'ekuiti' "
                            "ORDER BY position").fetchall(),
    "search": [r[0] for r in db.execute(
        "SELECT term_id FROM search_headword WHERE search_headword MATCH 'ekuiti*' UNION "
        "SELECT term_id FROM search_body WHERE search_body MATCH 'ekuiti*' ORDER BY term_id")],
}
print(json.dumps(out))
"""


def test_plain_sqlite3_reads_the_same_terms_as_load(compiled_root: Path) -> None:
    path = compiled_root / "locale" / "en" / TERMBASE_NAME
    # -I: isolated, so nothing of glossari (nor this checkout) is importable there
    run = subprocess.run([sys.executable, "-I", "-c", _PLAIN_READER, str(path)],
                         capture_output=True, text=True, check=True, cwd=compiled_root.parent)
    seen = json.loads(run.stdout)
    glossary = _in_memory(compiled_root)
    assert seen["version"] == 8
    assert seen["terms"] == [_plain(t) for t in glossary]
    body = ("sections", "highlights")  # `head` is the term without its body, on both sides
    without = [{k: v for k, v in t.items() if k not in body} for t in seen["terms"]]
    for term in without:
        term["english"] = {k: v for k, v in term["english"].items() if k not in body}
    assert seen["head"] == without
    assert [h[0] for h in seen["heads"]] == [t.id for t in glossary]
    heads = {h[0]: h[1:] for h in seen["heads"]}
    assert heads["accountexecutive"] == ["Eksekutif akaun", "Account executive", "translated",
                                         "article"]
    assert heads["finra"][1:] == ["FINRA", "translated", "link"]
    assert seen["lookup"] == glossary.lookup_index()
    assert seen["lookup"]["ekuiti"] == "ekuiti"  # accents folded, as Glossary.lookup does
    assert seen["backlinks"] == [["bon", "ekuiti"], ["bon", "ekuiti"]]
    assert seen["search"] == ["bon", "ekuiti"]


def test_compiled_glossary_answers_as_the_sources_do(compiled_root: Path) -> None:
    memory, compiled = _in_memory(compiled_root), _compiled(compiled_root)
    assert len(compiled) == len(memory)
    assert [_plain(t) for t in compiled] == [_plain(t) for t in memory]
    assert compiled.findings == memory.findings
    for term in memory:
        for name in (term.id, term.title, term.english.title):
            if name:
                assert compiled.lookup(name) == memory.lookup(name)
        assert compiled.backlinks(term.id) == memory.backlinks(term.id)
        assert compiled.links_from(term) == memory.links_from(term)
    assert compiled.lookup("account executive") is compiled["accountexecutive"]
    sentence = "Ékuiti dan eksekutif akaun, serta bon korporat dan account executives."
    for lang in ("ms", "en"):
        assert compiled.find_terms(sentence, lang) == memory.find_terms(sentence, lang)
    assert compiled.find_terms(sentence)
    assert compiled.links == memory.links
    assert "ekuiti" in compiled
    assert "nothing" not in compiled
    with pytest.raises(KeyError, match="did you mean 'Eksekutif akaun'"):
        compiled.lookup("eksekutif akuan")
    # a name given where an id is asked for is no term without links, in either glossary
    for glossary in (memory, compiled):
        for ask in (glossary.links_from, glossary.backlinks):
            with pytest.raises(KeyError, match="Eksekutif akaun"):
                ask("Eksekutif akaun")


def test_tables_from_the_termbase_are_the_same(compiled_root: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    memory, compiled = _in_memory(compiled_root), _compiled(compiled_root)

    def bodiless(t: Term) -> Term:
        english = replace(t.english, sections=(), highlights=())
        return replace(t, sections=(), highlights=(), english=english)

    assert list(compiled.headers()) == [bodiless(t) for t in memory]
    assert list(memory.headers()) == list(memory)
    for fmt in ("json", "csv", "tbx", "md"):
        assert main(["--root", str(compiled_root), "table", "--format", fmt]) == 0
        from_termbase = capsys.readouterr().out
        termbase_path(GlossaryRoot(path=compiled_root), "en").rename(compiled_root / "aside")
        assert main(["--root", str(compiled_root), "table", "--format", fmt]) == 0
        assert capsys.readouterr().out == from_termbase
        (compiled_root / "aside").rename(termbase_path(GlossaryRoot(path=compiled_root), "en"))


def test_opening_reads_no_term(compiled_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossari.termbase import codec

    decoded: list[object] = []
    original = codec.from_json
    monkeypatch.setattr("glossari.termbase.reader.from_json",
                        lambda cls, data: decoded.append(cls) or original(cls, data))
    glossary = _compiled(compiled_root)
    assert decoded == []
    glossary.lookup("bon korporat")
    assert len(decoded) == 1


def test_a_lookup_written_as_a_target_reads_one_term(compiled_root: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`lookup("/bon")` worked out every target's answer from every term's row: 2 s at 30,000
    articles for one `glossari show /x`, where a lookup by name reads one row."""
    from glossari.termbase import codec

    memory = _in_memory(compiled_root)
    decoded: list[object] = []
    original = codec.from_json
    monkeypatch.setattr("glossari.termbase.reader.from_json",
                        lambda cls, data: decoded.append(cls) or original(cls, data))
    glossary = _compiled(compiled_root)
    assert glossary.target_index() == memory.target_index()
    targets = {f"/{link.target}" for term in memory for link in term.links if link.internal}
    assert targets
    for text in sorted(targets):
        decoded.clear()
        assert glossary.lookup(text).id == memory.lookup(text).id
        assert len(decoded) <= 1


# --- fresh or not: never used stale, never written by a reader -----------------------------

def _stale(root: Path) -> Glossary:
    with pytest.warns(TermbaseWarning, match="glossari compile"):
        glossary = glossari.load(root)
    assert isinstance(glossary, Glossary)
    assert type(glossary) is Glossary
    return glossary


def test_a_changed_article_makes_it_stale_and_the_reader_writes_nothing(
        compiled_root: Path) -> None:
    article = compiled_root / "seeds" / "bon.md"
    text = article.read_text(encoding="utf-8")
    before = _files(compiled_root)
    # same size, same modification time: only the digest can tell
    article.write_text(text.replace("Hutang", "Hutung"), encoding="utf-8")
    os.utime(article, ns=(before["seeds/bon.md"][1], before["seeds/bon.md"][1]))
    assert _files(compiled_root) == before
    assert _stale(compiled_root)["bon"].description == "Hutung yang diterbitkan syarikat."
    assert _files(compiled_root) == before


def test_an_old_unchanged_touch_is_still_fresh(compiled_root: Path) -> None:
    article = compiled_root / "seeds" / "bon.md"
    os.utime(article, ns=(10**18, 10**18))  # touched later, bytes unchanged
    assert _compiled(compiled_root)["bon"].title == "Bon korporat"


@pytest.mark.parametrize("change", ["catalog", "new article", "removed article", "code",
                                    "other language", "schema", "corrupt"])
def test_every_kind_of_change_makes_it_stale(compiled_root: Path, change: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = termbase_path(GlossaryRoot(path=compiled_root), "en")
    if change == "catalog":
        po = compiled_root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
        po.write_text(po.read_text(encoding="utf-8").replace("Account executive",
                                                             "Account exec"), encoding="utf-8")
    elif change == "new article":
        (compiled_root / "seeds" / "kos.md").write_text("---\ntitle: Kos\n---\n", "utf-8")
    elif change == "removed article":
        (compiled_root / "seeds" / "bon.md").unlink()
    elif change == "code":
        import glossari._fingerprint as fp

        monkeypatch.setattr(fp, "package_fingerprint", lambda: "0" * 64)
    elif change == "other language":
        shutil.copytree(path.parent, compiled_root / "locale" / "fr")
    elif change == "schema":
        import sqlite3

        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 99")
    else:
        path.write_bytes(b"not a database" * 100)
    before = _files(compiled_root)
    lang = "fr" if change == "other language" else "en"
    with pytest.warns(TermbaseWarning, match=f"glossari compile -l {lang}"):
        glossary = glossari.load(compiled_root, lang=lang)
    assert type(glossary) is Glossary
    assert _files(compiled_root) == before


@pytest.fixture
def settled_root(tmp_path: Path) -> Path:
    """A glossary whose inputs were all last written an hour before it was compiled: the
    freshness check may trust their sizes and times (its quick path) instead of hashing them."""
    root = tmp_path / "settled"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale")
    (root / "seeds" / "bon.md").write_text("---\ntitle: Bon\n---\n\nLihat [kos](/kos).\n",
                                           encoding="utf-8")
    hour_ago = (int(time.time()) - 3600) * 10**9
    for path in root.rglob("*"):
        os.utime(path, ns=(hour_ago, hour_ago))
    assert main(["--root", str(root), "compile"]) == 0
    return root


def _no_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    import glossari.termbase.inputs as inputs

    def refuse(path: Path) -> str:
        raise AssertionError(f"{path} was hashed")

    monkeypatch.setattr(inputs, "_digest", refuse)


@pytest.mark.parametrize("extra", ["", "seeds/README.md", "seeds/ReadMe.mD", "seeds/.#bon.md",
                                   "seeds/.md", "seeds/notes.txt",
                                   "locale/en/LC_MESSAGES/glossary.po~",
                                   "locale/en/LC_MESSAGES/.#glossary.po"])
def test_settled_inputs_are_trusted_without_reading_them(
        settled_root: Path, extra: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if extra:  # a file that is not an input changes nothing
        (settled_root / extra).write_text("not an input", encoding="utf-8")
    _no_hashing(monkeypatch)
    assert _compiled(settled_root)["bon"].title == "Bon"


def test_only_m_and_d_fold_to_the_markdown_ending() -> None:
    # is_article_name compares a name's last three characters with a set of spellings instead
    # of casefolding every name on every load; that is the same rule only if this holds
    from glossari.seeds.folder import _MD_SPELLINGS

    folding = {c: [chr(n) for n in range(sys.maxunicode + 1) if chr(n).casefold() == c]
               for c in ".md"}
    assert folding == {".": ["."], "m": ["M", "m"], "d": ["D", "d"]}
    spellings = {a + b + c for a in folding["."] for b in folding["m"] for c in folding["d"]}
    assert spellings == _MD_SPELLINGS


# letters of "readme" in both cases, and characters whose casefold is longer or surprising
@given(st.text(st.sampled_from("readmREADM\u00df.\ufb01\u212a\ufb00\u0131\u0130-x"), max_size=9))
@settings(max_examples=300)
def test_article_names_are_the_casefold_rule(name: str) -> None:
    from glossari.seeds.folder import NOT_ARTICLES, is_article_name

    for ending in ("", ".md", ".MD", ".mD", ".Md", ".m", "md", ".md~"):
        candidate = name + ending
        expected = (candidate[-3:].casefold() == ".md" and not candidate.startswith(".")
                    and candidate[:-3].casefold() not in NOT_ARTICLES)
        assert is_article_name(candidate) == expected, candidate


def test_no_other_character_folds_into_a_stem_that_is_no_article() -> None:
    # article_names drops every spelling of README.md from a set of upper and lower case
    # letters instead of casefolding every name on every load; that is the same rule only if
    # no other character casefolds to a part of such a stem
    from glossari.seeds.folder import _NOT_ARTICLE_NAMES, _spellings

    for stem in NOT_ARTICLES:
        folding = [chr(n) for n in range(sys.maxunicode + 1)
                   if chr(n).casefold() and chr(n).casefold() in stem
                   and chr(n) not in stem + stem.upper()]
        assert folding == [], stem
        assert {name for name in _spellings(stem) if name[:-3].casefold() != stem} == set()
    assert len(_NOT_ARTICLE_NAMES) == sum(2 ** len(stem) * 4 for stem in NOT_ARTICLES)


@given(st.lists(st.text(st.sampled_from("readmREADM\u00df.\ufb01\u212a-#x"), max_size=9)
                .map(lambda name: name + ("" if "#" in name else ".md")), max_size=12))
@settings(max_examples=200)
def test_article_names_are_the_rule_name_by_name_sorted(names: list[str]) -> None:
    # the freshness check takes every name of seeds/ at once: the same names, in order
    from glossari.seeds.folder import article_names, is_article_name

    names.extend(["saham-saham.md", "pelaburannya.MD", ".#peniaga-broker.md", "README.Md",
                  "-kos.md", "/bon.md", ".md", "ReadMe.md~", "nota.txt"])
    expected = sorted(name for name in names
                      if name[-3:].casefold() == ".md" and not name.startswith(".")
                      and name[:-3].casefold() not in NOT_ARTICLES)
    assert article_names(names) == expected
    assert [name for name in sorted(names) if is_article_name(name)] == expected


@pytest.mark.parametrize("change", ["edited", "edited in the same second", "renamed", "added",
                                    "added before the dot", "removed", "swapped",
                                    "catalog edited", "became a link", "became a folder"])
def test_the_quick_check_never_vouches_for_a_change(settled_root: Path, change: str) -> None:
    seeds = settled_root / "seeds"
    bon = seeds / "bon.md"
    if change.startswith("edited"):  # same size, dated between the record and the build
        recorded = bon.stat().st_mtime_ns
        bon.write_text(bon.read_text(encoding="utf-8").replace("Bon", "Bun"), encoding="utf-8")
        # the listing holds every time to the nanosecond: the same second is not the same time
        later = recorded + (1 if change == "edited in the same second" else 60 * 10**9)
        os.utime(bon, ns=(later, later))
    elif change == "added before the dot":  # a name sorted before the hidden ones, '-' < '.'
        (seeds / "-kos.md").write_text("---\ntitle: Kos\n---\n", encoding="utf-8")
    elif change == "swapped":  # the same names, sizes and times, each with another file's
        bon.rename(seeds / "bon.tmp")
        (seeds / "accountexecutive.md").rename(bon)
        (seeds / "bon.tmp").rename(seeds / "accountexecutive.md")
    elif change == "renamed":  # as many inputs as before, one name different
        bon.rename(seeds / "bon-korporat.md")
    elif change == "added":
        (seeds / "kos.md").write_text("---\ntitle: Kos\n---\n", encoding="utf-8")
    elif change == "removed":
        bon.unlink()
    elif change == "catalog edited":
        po = settled_root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
        po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "became a link":  # the same bytes through a link elsewhere in seeds/
        bon.rename(seeds / ".bon-asal")
        (seeds / ".bon-asal").write_text("---\ntitle: Bon baru\n---\n", encoding="utf-8")
        bon.symlink_to(".bon-asal")
    else:
        bon.unlink()
        bon.mkdir()
    termbase, why = open_fresh(GlossaryRoot(path=settled_root), "en")
    assert termbase is None
    assert why == "the compiled termbase is out of date"


@pytest.fixture
def racy_root(tmp_path: Path) -> Path:
    """A settled glossary (see ``settled_root``) in which one article, ``bon.md``, was saved just
    before ``compile``: too recently for its size and time to vouch for its bytes."""
    root = tmp_path / "racy"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale")
    hour_ago = (int(time.time()) - 3600) * 10**9
    for path in root.rglob("*"):
        os.utime(path, ns=(hour_ago, hour_ago))
    bon = root / "seeds" / "bon.md"
    bon.write_text("---\ntitle: Bon\n---\n\nLihat [kos](/kos).\n", encoding="utf-8")
    compile_after_save(root, bon)  # (not whenever a loaded machine got to the build)
    return root


def test_a_file_saved_just_before_compile_is_hashed_alone(
        racy_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import glossari.termbase.inputs as inputs

    hashed: list[str] = []
    original = inputs._digest
    monkeypatch.setattr(inputs, "_digest",
                        lambda path: hashed.append(path.name) or original(path))

    def careful(*args: object) -> bool:
        raise AssertionError("the careful check ran")

    monkeypatch.setattr("glossari.termbase.reader.unchanged", careful)
    assert _compiled(racy_root)["bon"].title == "Bon"
    assert hashed == ["bon.md"]


@pytest.mark.parametrize("change", ["same size and time", "removed"])
def test_the_quick_check_hashes_a_racy_file_again(racy_root: Path, change: str) -> None:
    bon = racy_root / "seeds" / "bon.md"
    if change == "removed":
        bon.unlink()
    else:  # a second save in the same clock tick: only the bytes can tell
        before = bon.stat()
        bon.write_text(bon.read_text(encoding="utf-8").replace("Bon", "Bun"), encoding="utf-8")
        os.utime(bon, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert bon.stat().st_size == before.st_size
    termbase, why = open_fresh(GlossaryRoot(path=racy_root), "en")
    assert termbase is None
    assert why == "the compiled termbase is out of date"


def test_a_missing_termbase_warns_once_and_nothing_is_written(tmp_path: Path) -> None:
    root = tmp_path / "g"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale")
    before = _files(root)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for _ in range(3):
            glossari.load(root)
    assert [w.category for w in caught] == [TermbaseWarning]
    assert "no compiled termbase" in str(caught[0].message)
    assert _files(root) == before
    assert not (root / ".glossari-cache").exists()


def test_compile_rebuilds_only_when_stale(compiled_root: Path) -> None:
    root = GlossaryRoot(path=compiled_root)
    path, done = compile_termbase(root)
    assert done == "fresh"
    (compiled_root / "seeds" / "kos.md").write_text("---\ntitle: Kos\n---\n", "utf-8")
    assert compile_termbase(root) == (path, "written")
    assert _compiled(compiled_root)["kos"].title == "Kos"
    assert not list(path.parent.glob(".*.tmp")), "the temporary file is renamed, not left"


def _careful_check_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def careful(*args: object) -> bool:
        raise AssertionError("the careful check ran")

    monkeypatch.setattr("glossari.termbase.reader.unchanged", careful)


@pytest.mark.parametrize("touched", ["seeds/bon.md", "every input"])
def test_compile_records_touched_inputs_so_loads_take_the_quick_look(
        settled_root: Path, touched: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # a touch, a copy or a checkout: new times, the same bytes. compile said "fresh" and left
    # the record as it was, so every later load took the careful check (4 s at 30,000 articles)
    root = GlossaryRoot(path=settled_root)
    path = termbase_path(root, "en")
    rows = _table_rows(path)
    half_hour_ago = (int(time.time()) - 1800) * 10**9
    files = ([settled_root / touched] if touched != "every input" else
             [p for p in settled_root.rglob("*") if p.is_file() and p.suffix in (".md", ".po")])
    for file in files:
        os.utime(file, ns=(half_hour_ago, half_hour_ago))
    assert open_fresh(root, "en")[0] is not None  # fresh, by the careful check
    assert compile_termbase(root) == (path, "fresh")
    assert _table_rows(path) == rows  # not one term, link or search row rewritten
    _careful_check_refused(monkeypatch)
    _no_hashing(monkeypatch)
    assert _compiled(settled_root)["bon"].title == "Bon"
    assert compile_termbase(root) == (path, "fresh")


def test_a_touch_recorded_just_before_a_same_size_edit_still_makes_it_stale(
        settled_root: Path) -> None:
    # the record compile writes for a touched file keeps the racy rule: a file touched in the
    # same clock tick as the record is hashed on every load, so a second edit of the same size
    # with its time restored is still seen
    root = GlossaryRoot(path=settled_root)
    bon = settled_root / "seeds" / "bon.md"
    os.utime(bon)  # now
    with pytest.MonkeyPatch.context() as clock:  # the record taken within the racy window
        at = bon.stat().st_mtime_ns + 10**9
        clock.setattr(time, "time_ns", lambda: at)
        assert compile_termbase(root)[1] == "fresh"
    assert open_fresh(root, "en")[0] is not None
    before = bon.stat()
    bon.write_text(bon.read_text(encoding="utf-8").replace("Bon", "Bun"), encoding="utf-8")
    os.utime(bon, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert bon.stat().st_size == before.st_size
    assert open_fresh(root, "en") == (None, "the compiled termbase is out of date")
    assert compile_termbase(root)[1] != "fresh"
    assert _compiled(settled_root)["bon"].title == "Bun"


def _table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the termbase's tables but ``meta`` and ``inputs`` (the record of the
    inputs), sorted."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        tables = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
            "('meta', 'inputs') AND name NOT LIKE '%_config' ORDER BY name")]
        return {name: sorted(db.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
                for name in tables}


def test_a_folder_in_the_termbase_s_place_is_one_line(compiled_root: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = termbase_path(GlossaryRoot(path=compiled_root), "en")
    path.unlink()
    path.mkdir()
    assert main(["--root", str(compiled_root), "compile", "-l", "en"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == ["glossari: error: locale/en/glossari.sqlite: a folder stands where "
                                "the termbase goes; remove or rename it, then run 'glossari "
                                "compile' again"]
    assert path.is_dir()
    assert not list(path.parent.glob(".*.tmp"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs or /dev/null here")
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_a_device_in_the_termbase_s_place_is_never_replaced(
        compiled_root: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    # a FIFO was renamed over; a link to /dev/null was, and the new termbase took the device's
    # mode: rw-rw-rw-, a file anyone could change under every reader
    path = termbase_path(GlossaryRoot(path=compiled_root), "en")
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(os.devnull)
    assert main(["--root", str(compiled_root), "compile", "-l", "en"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "glossari: error: locale/en/glossari.sqlite: something that is not a file (a FIFO, a "
        "device) stands where the termbase goes; remove or rename it, then run 'glossari "
        "compile' again"]
    assert path.is_fifo() if kind == "fifo" else path.is_symlink()


def test_a_whole_build_writes_through_a_symbolic_link(compiled_root: Path,
                                                      tmp_path: Path) -> None:
    # the link was replaced by a file, and the file it led to (shared storage) stayed old
    path = termbase_path(GlossaryRoot(path=compiled_root), "en")
    kept = tmp_path / "shared" / "glossari.sqlite"
    kept.parent.mkdir()
    os.replace(path, kept)
    path.symlink_to(kept)
    (compiled_root / "seeds" / "kos.md").write_text("---\ntitle: Kos\n---\n", "utf-8")
    assert compile_termbase(GlossaryRoot(path=compiled_root)) == (path, "written")
    assert path.is_symlink()
    assert path.resolve() == kept.resolve()
    assert _compiled(compiled_root)["kos"].title == "Kos"


def test_the_bundled_glossary_is_never_compiled_into() -> None:
    from glossari.errors import RootError
    from glossari.root import bundled_root

    with pytest.raises(RootError, match="read-only"):
        compile_termbase(bundled_root())


@pytest.mark.slow
def test_a_read_only_glossary_folder_loads(compiled_root: Path, tmp_path: Path) -> None:
    """Another user (nobody) for whom the folder is read-only: the termbase is opened
    immutable, the glossary loads, and nothing anywhere is written."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as a user without write access")
    shared = Path("/tmp") / f"glossari-ro-{os.getpid()}"
    shutil.rmtree(shared, ignore_errors=True)
    shutil.copytree(compiled_root, shared)
    try:
        for path in [shared, *shared.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        before = _files(shared)
        code = ("import sys, warnings; warnings.simplefilter('error'); import glossari; "
                "g = glossari.load(sys.argv[1]); print(type(g).__name__, "
                "g.lookup('ekuiti').title, g.search('bon')[0].id, len(g))")
        run = subprocess.run(
            ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
             sys.executable, "-c", code, str(shared)],
            capture_output=True, text=True, check=False, cwd="/",
            env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO),
                 "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/nonexistent"})
        if "Permission denied" in run.stderr and "glossari" not in run.stdout:
            pytest.skip(f"nobody cannot run this interpreter here: {run.stderr[-200:]}")
        assert run.returncode == 0, run.stderr
        assert run.stdout.split() == ["_CompiledGlossary", "Ékuiti", "bon",
                                      str(len(_in_memory(compiled_root)))]
        assert _files(shared) == before
    finally:
        shutil.rmtree(shared, ignore_errors=True)


# --- any glossary: the termbase and the sources agree --------------------------------------

_ids = st.lists(st.sampled_from(["kos", "bon", "akaun", "dana", "saham", "ekuiti-a"]),
                min_size=1, max_size=4, unique=True)


_joined = st.sampled_from(["P/E", "P&E", "PE", "P / E", "harga/pendapatan", "harga pendapatan",
                           "M&A", "M/A", "P/E-nya", "P/Enya", "M & As", "P/E's"])
"""Names whose lookup key is one, told apart by the mark joining their words, as find reads
them: lookup answers each by its own mark, by either path."""


@st.composite
def _glossary_folder(draw: st.DrawFn) -> dict[str, object]:
    ids = draw(_ids)
    articles = {}
    for term_id in ids:
        text = draw(article_text())
        targets = draw(st.lists(st.sampled_from([*ids, "finra", "prime-brokerage", "Bon"]),
                                max_size=3))
        words = draw(st.lists(st.sampled_from(MALAY_WORDS) | _joined, min_size=len(targets),
                              max_size=len(targets)))
        links = " ".join(f"[{w}](/{t})" for w, t in zip(words, targets, strict=True))
        if links:
            text += f"\nLihat {links} sahaja.\n"
        if draw(st.booleans()):  # a reference link: Term.definitions, and the English judged by it
            text += "\nKos ialah [hasil] semasa.\n\n[hasil]: /revenue\n"
        if draw(st.booleans()):
            alias = draw(st.sampled_from(MALAY_WORDS) | _joined)
            text = text.replace("---\n", f"---\naliases: \"{alias}\"\n", 1)
        articles[term_id] = text
    return {"articles": articles, "seed": draw(st.integers(0, 2**32 - 1)),
            # a [revenue] for [hasil] is refused only by the article's definitions
            "translations": draw(st.lists(translation() | st.just("Cost is [revenue] now."),
                                          min_size=1, max_size=6)),
            "fuzzy": draw(st.booleans())}


def _write_folder(root: Path, spec: dict[str, object]) -> None:
    import random

    shutil.rmtree(root, ignore_errors=True)
    (root / "seeds").mkdir(parents=True)
    (root / "locale").mkdir()
    articles = spec["articles"]
    assert isinstance(articles, dict)
    for term_id, text in articles.items():
        (root / "seeds" / f"{term_id}.md").write_text(text, encoding="utf-8")
    where = GlossaryRoot(path=root)
    extract(where)
    update(where, "en")
    rng = random.Random(spec["seed"])
    translations = spec["translations"]
    assert isinstance(translations, list)
    for path in sorted((root / "locale" / "en" / "LC_MESSAGES").glob("*.po")):
        po = load_po(path)
        entries = tuple(
            e.with_changes(msgstr=rng.choice(translations),
                           flags=("fuzzy",) if spec["fuzzy"] and rng.random() < 0.3 else ())
            if rng.random() < 0.6 else e
            for e in po.entries)
        path.write_text(render_po(replace(po, entries=entries)), encoding="utf-8")


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                  HealthCheck.too_slow])
@given(spec=_glossary_folder())
# an English headword written as a link target ('/0') that another term's slug answers: the
# in-memory lookup answered by the headword, the termbase by the target
@example(spec={"articles": {"kos": "---\ntitle: \"akaun akaun\"\ndescription: akaun akaun\n"
                                   "keywords: akaun, eksekutif\n---\n\n# akaun akaun\n\n"
                                   "## akaun akaun\n\nLihat [akaun](/finra) sahaja.\n"},
               "seed": 0, "translations": ["/0"], "fuzzy": False})
def test_any_glossary_gives_equal_terms_through_the_termbase(
        tmp_path: Path, spec: dict[str, object]) -> None:
    root = tmp_path / "generated"
    _write_folder(root, spec)
    memory = _in_memory(root)
    path, done = compile_termbase(GlossaryRoot(path=root))
    assert done == "written"
    assert path.is_file()
    compiled = _compiled(root)
    # equal Terms, and equal in the fields equality ignores (source lines, findings)
    assert list(compiled) == list(memory)
    assert [_plain(t) for t in compiled] == [_plain(t) for t in memory]
    assert [compiled[t.id] for t in memory] == list(memory)
    assert [t.definitions for t in compiled] == [t.definitions for t in memory]
    assert compiled.findings == memory.findings
    assert compiled.lookup_index() == memory.lookup_index()
    assert compiled.links == memory.links
    for term in memory:
        assert compiled.backlinks(term) == memory.backlinks(term)
        names = [n for f in dataclasses.fields(term.names) for n in getattr(term.names, f.name)]
        for name in (term.title, term.english.title, *names):
            if name and lookup_key(name):  # a name of no letter or digit names no term
                assert compiled.lookup(name).id == memory.lookup(name).id
                marked = marked_key(name)
                if marked is not None:
                    # a name joined by / or & is a term's written with that mark (P/E is
                    # never the term of P&E alone), as find reads it
                    assert marked in _marked_names(memory.lookup(name)), name
            elif name:
                with pytest.raises(KeyError):
                    compiled.lookup(name)
                with pytest.raises(KeyError):
                    memory.lookup(name)
            if name and lookup_key(name):
                # inflected as find reads it (terms.end_bases): the same term, or a miss, by
                # either path
                for inflected in (f"{name}lah", f"{name}-nyakah", f"{name}pun", f"{name}s",
                                  f"{name}'s", f"{name}es", f"{name.upper()}-NYA"):
                    assert _looked(compiled, inflected) == _looked(memory, inflected), inflected
    for word in ("akaun", "ban", "Ébè", "naif", "lihat"):
        assert compiled.search(word) == memory.search(word)
    # compile composes the articles' outlines and reads each body back as it writes: the file
    # is byte for byte the one the whole glossary, held in memory, gives
    assert path.read_bytes() == _written_whole(path, memory, tmp_path / "whole.sqlite")


def _marked_names(term: Term) -> set[str | None]:
    from glossari.terms import without_possessive

    names = [term.title, term.english.title,
             *(n for f in dataclasses.fields(term.names) for n in getattr(term.names, f.name))]
    written = [n for n in names if n] + [without_possessive(n) or "" for n in names if n]
    return {marked_key(n) for n in written}


def _looked(glossary: Glossary, text: str) -> str | None:
    try:
        return glossary.lookup(text).id
    except KeyError:
        return None


def _written_whole(compiled: Path, glossary: Glossary, path: Path) -> bytes:
    """The termbase ``glossary`` (read whole, in memory) gives, written with the inputs and
    the time the termbase ``compiled`` records."""
    from glossari.termbase import write_termbase
    from glossari.termbase.inputs import Input

    db = sqlite3.connect(compiled)
    try:
        inputs = [Input(*row) for row in db.execute(
            "SELECT name, size, mtime_ns, sha256 FROM inputs ORDER BY rowid")]
        [(built_ns,)] = db.execute("SELECT value FROM meta WHERE key = 'built_ns'")
    finally:
        db.close()
    path.unlink(missing_ok=True)
    write_termbase(path, glossary, inputs, built_ns=int(built_ns))
    return path.read_bytes()


def test_a_whole_build_with_its_helper_writes_the_bytes_of_the_glossary_in_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows made in the forked helper, each batch's bodies read back there, and the
    articles parsed in a helper too: the same file as the glossary held whole gives."""
    from glossari.seeds import cache as seeds_cache
    from glossari.termbase import build as termbase_build

    root = tmp_path / "generated"
    articles = {}
    for n, term_id in enumerate(["kos", "bon", "akaun", "dana", "saham", "ekuiti-a",
                                 "peniaga-broker", "unit-amanah", "Pelaburan", "401k"]):
        articles[term_id] = (
            f"---\ntitle: {MALAY_WORDS[n].capitalize()} {term_id}\n"
            f"description: Maksud {MALAY_WORDS[n + 1]}.\naliases: {MALAY_WORDS[n + 2]}\n---\n\n"
            f"## Bahagian\n\nLihat [saham-saham](/stock) dan [pelaburannya](/investment) "
            f"serta [kos](/kos).\n\n- {MALAY_WORDS[n + 3]} tanpa pautan\n\n"
            f"## Lain\n\nTeks {MALAY_WORDS[n + 4]} [ETF](/exchange-traded-fund).\n")
    _write_folder(root, {"articles": articles, "seed": 7, "fuzzy": True,
                         "translations": ["Cost", "See [shares](/stock) and more.",
                                          "Other [ETF](/exchange-traded-fund) text."]})
    monkeypatch.setattr(termbase_build, "PARALLEL_TERMS", 1)
    monkeypatch.setattr(termbase_build, "BATCH", 3)
    monkeypatch.setattr(seeds_cache, "HELP_FROM", 0)
    shutil.rmtree(root / ".glossari-cache", ignore_errors=True)  # every article parsed
    path, done = compile_termbase(GlossaryRoot(path=root))
    assert done == "written"
    memory = _in_memory(root)
    assert "link" in [t.kind for t in memory]
    assert path.read_bytes() == _written_whole(path, memory, tmp_path / "whole.sqlite")
    # and again from a warm store, nothing parsed
    path.unlink()
    assert compile_termbase(GlossaryRoot(path=root))[1] == "written"
    assert path.read_bytes() == _written_whole(path, memory, tmp_path / "whole.sqlite")


def test_compile_holds_no_article_s_body_while_it_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The glossary ``compile`` writes from holds each article's outline (names, links, the
    blocks that link): the bodies, most of its memory at 30,000 articles, are read back batch
    by batch as the rows are made (benchmarks/README.md, "Stop 39")."""
    from glossari.termbase import build as termbase_build

    root = tmp_path / "generated"
    body = "\n\n".join(f"Perenggan {word} tanpa pautan, panjang." for word in MALAY_WORDS[:40])
    _write_folder(root, {"articles": {
        "peniaga-broker": f"---\ntitle: Peniaga broker\n---\n\n{body}\n\n"
                          "Lihat [saham-saham](/stock).\n\n- satu\n- dua\n",
        "saham": f"---\ntitle: Saham\naliases: ekuiti\n---\n\n## Apa\n\n{body}\n"},
        "seed": 1, "fuzzy": False, "translations": ["A paragraph in English."]})
    held: list[Term] = []
    made: list[Term] = []
    batch, fill = termbase_build._term_batch, termbase_build.fill
    monkeypatch.setattr(termbase_build, "fill", lambda connection, glossary, **kw: (
        held.extend(glossary), fill(connection, glossary, **kw))[1])
    monkeypatch.setattr(termbase_build, "_term_batch", lambda terms, lang: batch(
        ((n, made.append(t) or t) for n, t in terms), lang))
    compile_termbase(GlossaryRoot(path=root))
    whole = {t.id: t for t in _in_memory(root)}
    assert {t.id for t in held} == set(whole)
    texts = [b.text for t in held for s in (*t.sections, *t.english.sections) for b in s.blocks]
    assert "Lihat [saham-saham](/stock)." in texts
    assert not any("tanpa pautan" in text for text in texts)
    assert not any(t.highlights or t.english.highlights for t in held)
    # and each term's rows were made from it whole
    assert made == [whole[t.id] for t in held]
    assert [t.names for t in made] == [whole[t.id].names for t in held]


def _interrupted_update(path: Path) -> None:
    """Leave ``path`` as a ``compile`` killed during an update in place leaves it: pages
    written into the file, the hot ``-journal`` that undoes them beside it."""
    code = ("import os, signal, sqlite3, sys\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('PRAGMA cache_size = 2')\n"  # a tiny cache spills into the file
            "db.execute('BEGIN IMMEDIATE')\n"
            "db.execute('DELETE FROM search_headword')\n"
            "db.execute('DELETE FROM search_body')\n"
            "db.execute(\"UPDATE terms SET title = 'HALF'\")\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=False)
    assert path.with_name(path.name + "-journal").stat().st_size > 0


def test_an_interrupted_update_is_never_read_immutable(
        compiled_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader that cannot write the folder opens the termbase immutable, which ignores a hot
    journal: it must not read the half-written file (it found no headword, then raised
    "database disk image is malformed"), but the sources, saying why."""
    path = termbase_path(GlossaryRoot(path=compiled_root), "en")
    _interrupted_update(path)
    before = _files(compiled_root)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False
                        if Path(p) == path.parent and mode == os.W_OK else real_access(p, mode))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        glossary = glossari.load(compiled_root)
    assert type(glossary).__name__ == "Glossary"
    assert ["interrupted update" in str(w.message) for w in caught] == [True]
    assert glossary.search("ekuiti")[0].id == "ekuiti"
    assert _files(compiled_root) == before


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\0" + b"\0" * 20, b"not sqlite" * 20])
def test_a_file_that_is_no_termbase_says_so(compiled_root: Path, content: bytes) -> None:
    path = termbase_path(GlossaryRoot(path=compiled_root), "en")
    path.write_bytes(content)
    termbase, why = open_fresh(GlossaryRoot(path=compiled_root), "en")
    assert termbase is None
    assert why == "the compiled termbase is not an SQLite file"


def test_a_termbase_in_wal_mode_is_not_read(compiled_root: Path) -> None:
    """Opening a WAL file, even read-only, creates -wal and -shm files in the glossary folder."""
    import sqlite3

    path = termbase_path(GlossaryRoot(path=compiled_root), "en")
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    before = _files(compiled_root)
    assert "WAL" in open_fresh(GlossaryRoot(path=compiled_root), "en")[1]
    assert _files(compiled_root) == before


def test_open_fresh_refuses_odd_language_codes(compiled_root: Path) -> None:
    root = GlossaryRoot(path=compiled_root)
    for lang in ("", "../en", ".en", "a/b"):
        assert open_fresh(root, lang)[0] is None


@pytest.mark.parametrize("size", [0, 1, 4095, 1 << 20, (1 << 20) + 1, 5 * (1 << 20) // 2])
def test_an_input_s_digest_is_the_sha256_of_its_bytes(tmp_path: Path, size: int) -> None:
    import hashlib

    from glossari.termbase import inputs

    data = os.urandom(size)
    path = tmp_path / "artikel.md"
    path.write_bytes(data)
    assert inputs._digest(path) == hashlib.sha256(data).hexdigest()


def test_a_termbase_locked_by_another_program_is_one_glossari_error(tmp_path: Path) -> None:
    """Another program's write lock on the termbase, taken after a fresh load, made search raise
    sqlite3.OperationalError ("database is locked") after the busy timeout: no GlossariError,
    and an internal error on the command line."""
    import sqlite3

    root = tmp_path / "g"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale")
    assert main(["--root", str(root), "compile"]) == 0
    glossary = glossari.load(root)
    writer = sqlite3.connect(termbase_path(GlossaryRoot(path=root), "en"), isolation_level=None,
                             timeout=0)
    writer.execute("PRAGMA locking_mode = EXCLUSIVE")
    writer.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(glossari.GlossariError, match="cannot be read: database is locked"):
            glossary.search("akaun")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert glossary.search("akaun")  # the lock gone, the same glossary reads again


@pytest.mark.parametrize("data", ["{bad", "[]", "null"])
def test_a_damaged_term_row_is_one_glossari_error(tmp_path: Path, data: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A term row that is not the JSON this code wrote, in a termbase still found fresh, made
    `glossari show` print 'internal error: JSONDecodeError' (or TypeError from Term)."""
    import sqlite3

    root = tmp_path / "g"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale")
    assert main(["--root", str(root), "compile"]) == 0
    writer = sqlite3.connect(termbase_path(GlossaryRoot(path=root), "en"))
    writer.execute("UPDATE terms SET data = ? WHERE id = 'accountexecutive'", (data,))
    writer.commit()
    writer.close()
    capsys.readouterr()
    assert main(["--root", str(root), "show", "accountexecutive"]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err
    assert "glossari.sqlite: the compiled termbase cannot be read" in err
    assert "glossari compile" in err


def test_a_term_row_missing_from_a_fresh_termbase_is_one_glossari_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The lookup table naming an id whose row was deleted since the termbase was found fresh
    printed 'glossari: error: accountexecutive': no file, nothing to do."""
    import sqlite3

    root = tmp_path / "g"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale")
    assert main(["--root", str(root), "compile"]) == 0
    writer = sqlite3.connect(termbase_path(GlossaryRoot(path=root), "en"))
    writer.execute("DELETE FROM terms WHERE id = 'accountexecutive'")
    writer.commit()
    writer.close()
    capsys.readouterr()
    assert main(["--root", str(root), "show", "Eksekutif akaun"]) == 2
    err = capsys.readouterr().err
    assert "glossari.sqlite: the compiled termbase cannot be read: its tables name the term " \
           "'accountexecutive', which has no row" in err
    assert "glossari compile" in err


def test_compile_rewrites_a_termbase_readers_refuse(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A termbase put in WAL mode by another program: readers refuse it (they would create
    files beside it), but compile called it fresh and never rewrote it, so every load warned
    and read the sources."""
    import sqlite3

    root = tmp_path / "g"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "locale", root / "locale")
    assert main(["--root", str(root), "compile"]) == 0
    path = termbase_path(GlossaryRoot(path=root), "en")
    other = sqlite3.connect(path)
    other.execute("PRAGMA journal_mode = WAL")
    other.close()
    capsys.readouterr()
    assert main(["--root", str(root), "compile"]) == 0
    assert "termbase en written" in capsys.readouterr().err
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert glossari.load(root)["accountexecutive"].title == "Eksekutif akaun"


def test_a_reader_that_cannot_write_the_folder_survives_an_update_in_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder's owner runs ``compile``, which updates the termbase in place, while another
    user's program (a web app that may only read the folder) has it open: opened ``immutable``,
    that reader took no lock, so the update wrote its pages under it and it read a mix of old
    and new pages ("database disk image is malformed"). It must read as any reader does."""
    words = MALAY_WORDS * 3
    (tmp_path / "seeds").mkdir()
    for n in range(150):
        body = " ".join(words[(n + k) % len(words)] for k in range(400))
        (tmp_path / "seeds" / f"istilah-{n:03d}.md").write_text(
            f"---\ntitle: Istilah {n:03d}\ndescription: Takrif {n}.\n---\n\n## Bahagian\n\n"
            f"{body}\n\nLihat [istilah](/istilah-000).\n", encoding="utf-8")
    for command in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
        assert main(["--root", str(tmp_path), *command]) == 0
    path = termbase_path(GlossaryRoot(path=tmp_path), "en")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False
                        if Path(p) == path.parent and mode == os.W_OK else real_access(p, mode))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        glossary = glossari.load(tmp_path)
    assert glossary.search(MALAY_WORDS[0])
    for n in range(120):  # the same lines, other words: the update in place takes it
        article = tmp_path / "seeds" / f"istilah-{n:03d}.md"
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("## Bahagian\n\n", "## Bahagian\n\nsuntingan "
                                        + "kredit " * (n * 7 % 300)), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "glossari", "--root", str(tmp_path), "compile",
                          "-l", "en"], capture_output=True, text=True, check=True)
    assert "termbase en updated" in run.stderr
    assert len(glossary.search("suntingan", limit=500)) == 120
    assert [t.id for t in glossary] == [t.id for t in _in_memory(tmp_path)]


def _thirty_compiled(root: Path) -> Glossary:
    """A glossary of 30 articles (``istilah-00`` to ``istilah-29``, each "Takrif asal N."),
    compiled, loaded from its fresh termbase (no warning: no reading of the sources)."""
    (root / "seeds").mkdir()
    for n in range(30):
        (root / "seeds" / f"istilah-{n:02d}.md").write_text(
            f"---\ntitle: Istilah {n:02d}\ndescription: Takrif asal {n}.\n---\n\nTeks {n}.\n",
            encoding="utf-8")
    for command in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
        assert main(["--root", str(root), *command]) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return glossari.load(root)


def test_an_open_glossary_never_answers_from_two_builds(tmp_path: Path) -> None:
    """compile updates the termbase in place under an open glossary: a term built before and a
    search after gave the old and the new definition. Once a read notices the new build, every
    answer (the term, lookups, iteration, search) is the new build's."""
    glossary = _thirty_compiled(tmp_path)
    before = glossary["istilah-05"]
    assert glossary.lookup("Istilah 05") is before
    article = tmp_path / "seeds" / "istilah-05.md"
    article.write_text(article.read_text(encoding="utf-8").replace("asal 5", "caj baharu"),
                       encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "glossari", "--root", str(tmp_path), "compile",
                          "-l", "en"], capture_output=True, text=True, check=True)
    assert "termbase en updated" in run.stderr
    assert [h.id for h in glossary.search("caj")] == ["istilah-05"]  # notices the new build
    assert glossary["istilah-05"].description == "Takrif caj baharu."
    assert glossary.lookup("Istilah 05").description == "Takrif caj baharu."
    assert {t.id: t.description for t in glossary}["istilah-05"] == "Takrif caj baharu."
    assert before.description == "Takrif asal 5."  # a Term handed out stays what it was


def test_an_open_glossary_follows_a_whole_build(tmp_path: Path) -> None:
    """A long-running program's glossary (a web app) and a ``compile`` that writes the termbase
    whole, renaming a new file over the one opened: the glossary read the old file for as long
    as it ran, so it never saw that build nor any later one, and while a later update in place
    committed, its ``-journal`` (another file's) made every read fail with "attempt to write a
    readonly database". It answers from the new build, as after an update in place."""
    glossary = _thirty_compiled(tmp_path)
    before = glossary["istilah-05"]
    path = termbase_path(GlossaryRoot(path=tmp_path), "en")
    opened = path.stat().st_ino

    def edit(description: str, *, whole: bool) -> None:
        article = tmp_path / "seeds" / "istilah-05.md"
        text = article.read_text(encoding="utf-8").splitlines(keepends=True)
        text[2] = f"description: {description}\n"
        article.write_text("".join(text), encoding="utf-8")
        if whole:  # a catalog changed: the termbase is written whole
            catalog = tmp_path / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
            catalog.write_text(catalog.read_text(encoding="utf-8") + "\n# x\n",
                               encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "glossari", "--root", str(tmp_path),
                              "compile", "-l", "en"], capture_output=True, text=True, check=True)
        assert f"termbase en {'written' if whole else 'updated'}" in run.stderr

    edit("Takrif kedua.", whole=True)
    assert path.stat().st_ino != opened  # a new file
    assert [h.id for h in glossary.search("kedua")] == ["istilah-05"]
    assert glossary["istilah-05"].description == "Takrif kedua."
    assert glossary.lookup("Istilah 05").description == "Takrif kedua."
    edit("Takrif ketiga.", whole=False)  # and an update in place of the new file
    assert [h.id for h in glossary.search("ketiga")] == ["istilah-05"]
    assert glossary["istilah-05"].description == "Takrif ketiga."
    assert before.description == "Takrif asal 5."  # a Term handed out stays what it was
    # a file that is no termbase renamed over it: the one opened is still read, whole
    (tmp_path / "junk").write_bytes(b"not a termbase" * 100)
    os.replace(tmp_path / "junk", path)
    assert glossary.search("ketiga")[0].id == "istilah-05"
    assert len(list(glossary)) == 30


def test_close_waits_for_a_read_in_another_thread(compiled_root: Path) -> None:
    # Glossary.close() while a web app's other thread was reading closed the connection under
    # its query: that read failed with "the compiled termbase cannot be read: Cannot operate on
    # a closed database; another program may hold a lock", not the read's answer
    import threading

    glossary = _compiled(compiled_root)
    termbase = glossary._termbase  # type: ignore[attr-defined]
    real = termbase._db
    reading, closing = threading.Event(), threading.Event()

    class Slow:  # the connection, its term query taking until close() has been called
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def execute(self, sql: str, *args: object) -> object:
            if sql.startswith("SELECT data FROM terms"):
                reading.set()
                closing.wait(5)
                time.sleep(0.05)
            return real.execute(sql, *args)

    termbase._db = Slow()
    answers: list[object] = []
    reader = threading.Thread(target=lambda: answers.append(termbase.term("ekuiti")))
    reader.start()
    assert reading.wait(5)
    closer = threading.Thread(target=glossary.close)
    closer.start()
    closing.set()
    reader.join(10)
    closer.join(10)
    assert [getattr(a, "id", a) for a in answers] == ["ekuiti"]
    with pytest.raises(ValueError, match="closed"):
        glossary.lookup("Bon korporat")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_open_glossary_never_waits_on_a_fifo_in_its_termbase_place(
        compiled_root: Path) -> None:
    """Following the path, the glossary opened a FIFO put there to read its header, and waited
    for a writer forever: every search, lookup and ``glossary[id]`` hung."""
    glossary = glossari.load(compiled_root)
    path = termbase_path(GlossaryRoot(path=compiled_root), "en")
    found = [h.id for h in glossary.search("pelanggan")]
    os.replace(path, path.with_name("old.sqlite"))
    os.mkfifo(path)
    done: list[list[str]] = []
    reader = threading.Thread(target=lambda: done.append(
        [h.id for h in glossary.search("pelanggan")]), daemon=True)
    reader.start()
    reader.join(10)
    if not done:  # let the stuck thread go before failing
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    assert done == [found]  # the file opened is still read


def test_closing_while_other_threads_read_crashes_nothing(compiled_root: Path) -> None:
    """close() shut the SQLite connection under a query running in another thread: the process
    died of a segmentation fault. A read under way ends first; any read after it raises
    ValueError, as documented. In a child process, so that a crash is a failure, not the end
    of the run."""
    script = f"""
import threading, glossari
for attempt in range(60):
    glossary = glossari.load({str(compiled_root)!r})
    def read(kind):
        for _ in range(30):
            try:
                glossary.search("pelanggan") if kind else glossary.lookup("bon korporat")
            except ValueError as error:
                assert "closed" in str(error), error
    threads = [threading.Thread(target=read, args=(n % 2,)) for n in range(4)]
    for thread in threads:
        thread.start()
    glossary.close()
    for thread in threads:
        thread.join()
print("ok")
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120)
    assert (run.returncode, run.stdout.strip()) == (0, "ok"), run.stderr[-2000:]


def test_a_glossary_closes_its_termbase(compiled_root: Path) -> None:
    """A program that loads glossaries over and over (a test suite, a reloading server): a
    Glossary had no ``close`` and no ``with``, and a dropped one kept its SQLite file open until
    a garbage collection (the glossary and its termbase, and sqlite3's connection and its
    statement cache, are reference cycles): with the collector off, one descriptor per load."""
    import gc

    def descriptors() -> int:
        return len(os.listdir("/proc/self/fd"))

    with _compiled(compiled_root) as glossary:
        assert glossary.search("ekuiti")[0].id == "ekuiti"
    with pytest.raises(ValueError, match="closed"):
        glossary.search("ekuiti")
    with pytest.raises(ValueError, match="closed"):
        glossary.lookup("Bon korporat")
    glossary.close()  # twice is harmless
    with _in_memory(compiled_root) as in_memory:
        assert in_memory.search("ekuiti")[0].id == "ekuiti"
    assert in_memory.search("ekuiti")[0].id == "ekuiti"  # built again: nothing needed a file
    if not Path("/proc/self/fd").is_dir():
        return
    collecting = gc.isenabled()
    gc.disable()
    try:
        before = descriptors()
        for _ in range(20):
            dropped = _compiled(compiled_root)
            dropped.search("ekuiti")
            del dropped
        assert descriptors() == before
    finally:
        if collecting:
            gc.enable()


def test_a_name_with_a_lone_surrogate_is_a_miss_from_the_termbase(
        compiled_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Undecodable bytes, as Python decodes ``sys.argv``, a file name or a request
    (``surrogateescape``): SQLite cannot take the text, and the termbase raised
    UnicodeEncodeError (``glossari show $'\\xff'``: an internal error) where the glossary read
    from its sources answers a miss."""
    compiled, in_memory = _compiled(compiled_root), _in_memory(compiled_root)
    for glossary in (compiled, in_memory):
        with pytest.raises(KeyError, match="no term"):
            glossary.lookup("\udcff")
        with pytest.raises(KeyError):
            glossary["ekuiti\udcff"]
        with pytest.raises(KeyError):
            glossary.backlinks("\udcff")
        assert "\udcff" not in glossary
    assert compiled.lookup("Ékuiti\udcff").id == in_memory.lookup("Ékuiti\udcff").id == "ekuiti"
    capsys.readouterr()
    assert main(["--root", str(compiled_root), "show", "\udcff"]) == 2
    assert "internal error" not in capsys.readouterr().err


def test_a_term_read_before_a_new_build_is_noticed_is_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads sharing one glossary while ``compile`` updates the termbase in place: one thread
    read a term's row from the old build and, while it decoded the row, another noticed the new
    build and dropped the caches; the first then kept the old term, so ``glossary[id]`` gave the
    old definition, and search the new one, until the next build."""
    import threading

    from glossari.termbase import reader

    (tmp_path / "seeds").mkdir()
    for n in range(5):
        (tmp_path / "seeds" / f"istilah-{n}.md").write_text(
            f"---\ntitle: Istilah {n}\ndescription: Takrif asal {n}.\n---\n\nTeks {n}.\n",
            encoding="utf-8")
    for command in (["extract"], ["update", "-l", "en"], ["compile", "-l", "en"]):
        assert main(["--root", str(tmp_path), *command]) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        glossary = glossari.load(tmp_path)
    article = tmp_path / "seeds" / "istilah-1.md"
    article.write_text(article.read_text(encoding="utf-8").replace("asal 1", "baharu"),
                       encoding="utf-8")
    decode = reader.from_json
    updated: list[bool] = []

    def decoding(kind: type, data: object) -> object:
        if kind is Term and not updated:  # the old row is read: now the new build comes
            updated.append(True)
            run = subprocess.run([sys.executable, "-m", "glossari", "--root", str(tmp_path),
                                  "compile", "-l", "en"], capture_output=True, text=True,
                                 check=True)
            assert "termbase en updated" in run.stderr
            other = threading.Thread(target=glossary.search, args=("baharu",))
            other.start()  # another thread's read notices it
            other.join()
        return decode(kind, data)

    monkeypatch.setattr(reader, "from_json", decoding)
    assert glossary["istilah-1"].description == "Takrif asal 1."  # read before: as it was
    assert updated
    assert [h.id for h in glossary.search("baharu")] == ["istilah-1"]
    assert glossary["istilah-1"].description == "Takrif baharu."
    assert glossary.lookup("Istilah 1").description == "Takrif baharu."


def test_a_compiled_glossary_crosses_to_another_process(compiled_root: Path) -> None:
    """multiprocessing's spawn pickles what a worker is given, and a glossary read from the
    termbase could not be ("cannot pickle 'sqlite3.Connection' object"): the worker opens the
    same termbase itself."""
    import pickle

    glossary = _compiled(compiled_root)
    assert glossary.search("ekuiti")[0].id == "ekuiti"
    copy = pickle.loads(pickle.dumps(glossary))
    assert copy is not glossary
    assert type(copy) is type(glossary)
    assert (copy.root, copy.lang) == (glossary.root, glossary.lang)
    assert [t.id for t in copy] == [t.id for t in glossary]
    assert copy.lookup("Bon korporat") == glossary.lookup("Bon korporat")
    glossary.close()
    assert copy.search("ekuiti")[0].id == "ekuiti"  # its own connection
    copy.close()


def test_categories_namesakes_and_english_text_against_plain_sqlite3(tmp_path: Path) -> None:
    """Against what the articles and the catalog say, read back with plain sqlite3: each
    category keeps its own English (the last one too), an untranslated paragraph is no English
    text, and a longer headword that starts with a term's headword is no namesake of it."""
    import sqlite3

    from _catalog_oracles import article, make_root

    from glossari.catalog.pofile import encode_po

    root = make_root(tmp_path, {
        "dividen": article("Dividen", "Dividen dibayar kepada pemegang saham.\n\n"
                           "Keuntungan diagihkan setiap suku tahun.\n",
                           description="Bahagian keuntungan.", keywords="Pelaburan, Saham"),
        "kadar-faedah": article("Kadar faedah", "Harga wang.\n"),
        "kadar-faedah-tetap": article("Kadar faedah tetap", "Kadar yang tidak berubah.\n"),
        "pelabur": article("Pelabur", "Pelabur menerima [dividen](/dividen).\n"),
    })
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    folder = root / "locale" / "en" / "LC_MESSAGES"
    english = {"Dividen": "Dividend", "Dividen dibayar kepada pemegang saham.":
               "Dividends are paid to shareholders.", "Pelaburan": "Investment",
               "Saham": "Shares", "Pelabur menerima [dividen](/dividen).":
               "Investors receive [payouts](/dividen).", "dividen": "payouts"}
    for path in sorted(folder.glob("*.po")):  # the paragraphs are in another domain
        po = load_po(path)
        po = replace(po, entries=tuple(e.with_changes(msgstr=english[e.msgid])
                                       if e.msgid in english else e for e in po.entries))
        path.write_bytes(encode_po(po, path=path))
    assert main(["--root", str(root), "compile", "-l", "en"]) == 0
    db = sqlite3.connect(root / "locale" / "en" / TERMBASE_NAME)
    assert db.execute("SELECT term_id, position, name, name_en FROM categories "
                      "WHERE term_id = 'dividen' ORDER BY position").fetchall() == [
        ("dividen", 0, "Pelaburan", "Investment"), ("dividen", 1, "Saham", "Shares")]
    db.close()
    compiled = _compiled(root)
    assert [(h.id, h.lang) for h in compiled.search("diagihkan")] == [("dividen", "ms")]
    assert compiled.search("diagihkan", lang="en") == []
    assert [h.id for h in compiled.search("shareholders", lang="en")] == ["dividen"]
    assert compiled.namesakes(compiled["kadar-faedah"]) == ()
    # the translation of a link is an English name of its term, never a Malay one
    assert "payouts" in compiled["dividen"].names.english_variants
    assert ("dividen", "en") in [(h.id, h.lang) for h in compiled.search("payouts", lang="en")]
    assert compiled.search("payouts", lang="ms") == []


def test_a_glossary_read_from_its_sources_pickles_after_a_search(compiled_root: Path) -> None:
    """Its search index is built in memory on the first search, an SQLite connection: after
    one, pickling it (multiprocessing's spawn; the bundled glossary is read so) raised
    "cannot pickle 'sqlite3.Connection' object". The copy builds its own."""
    import pickle

    glossary = load_glossary(compiled_root, compiled=False)
    assert glossary.search("ekuiti")[0].id == "ekuiti"
    copy = pickle.loads(pickle.dumps(glossary))
    assert [t.id for t in copy] == [t.id for t in glossary]
    glossary.close()
    assert copy.search("ekuiti")[0].id == "ekuiti"
    assert glossary.search("ekuiti")[0].id == "ekuiti"  # closing one leaves the other


def test_a_lookup_on_a_compiled_glossary_imports_no_catalog_reader(compiled_root: Path) -> None:
    """``glossari.load(R).lookup(X)`` held 5 MB more at 30,000 articles (32 against 27 MB):
    the freshness check took its catalog-name rule from the PO reader, whose import brought
    its line-break tables, ctypes, subprocess and tempfile into every load. The rule lives in
    glossari.catalog.names, which imports nothing."""
    code = ("import sys, warnings; warnings.simplefilter('error'); import glossari; "
            "g = glossari.load(sys.argv[1]); print(type(g).__name__, g.lookup('ekuiti').title); "
            "print(sorted(m for m in sys.modules if m in ('glossari.catalog.pofile', "
            "'glossari.catalog.linebreak', 'glossari._atomic', 'ctypes', 'subprocess')))")
    run = subprocess.run([sys.executable, "-c", code, str(compiled_root)], capture_output=True,
                         text=True, check=False, cwd=compiled_root.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["_CompiledGlossary Ékuiti", "[]"]


def test_an_inflected_lookup_on_a_compiled_glossary_imports_no_alignment_rules(
        compiled_root: Path) -> None:
    """``lookup('ekuitinyalah')`` checked that *Ékuiti* is a Malay name of its term by
    term_names, whose import of glossari.align (Markdown's parser with it) cost 0.12 s and
    4 MB of CPU and memory at any size: a name as written is asked first."""
    code = ("import sys, glossari; g = glossari.load(sys.argv[1]); "
            "print(g.lookup('ekuitinyalah').id, g.lookup('EKUITILAH').id); "
            "print(sorted(m for m in sys.modules if m.startswith(('glossari.align', "
            "'markdown_it'))))")
    run = subprocess.run([sys.executable, "-c", code, str(compiled_root)], capture_output=True,
                         text=True, check=False, cwd=compiled_root.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["ekuiti ekuiti", "[]"]


def test_a_lookup_that_misses_on_a_compiled_glossary_builds_no_recogniser(
        compiled_root: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A miss answers from the lookup table and its suggestions. A last step through find's
    recogniser (the whole text read as one name) built the recogniser of every name for each
    miss: 7.2 s and 161 MB at 30,000 articles, where the miss took 0.09 s and 31 MB."""
    import glossari
    from glossari.terms import matcher

    built: list[object] = []
    real = matcher.Recognizer.__init__

    def counted(self: object, *args: object, **kwargs: object) -> None:
        built.append(kwargs.get("lang", ""))
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(matcher.Recognizer, "__init__", counted)
    glossary = glossari.load(compiled_root)
    with pytest.raises(KeyError, match="no term 'ekuity' in the glossary; did you mean"):
        glossary.lookup("ekuity")
    with pytest.raises(KeyError, match="no term 'ekuitylah' in the glossary; did you mean"):
        glossary.lookup("ekuitylah")
    # an inflected name is read back to its names by rule (terms.end_bases), key by key
    assert glossary.lookup("Ékuiti-ékuitilah").id == "ekuiti"
    assert glossary.lookup("FINRA-lah").id == "finra"
    assert built == []
    from glossari.cli import main

    assert main(["--root", str(compiled_root), "show", "ekuitinyalah"]) == 0
    assert "\u00c9kuiti" in capsys.readouterr().out
    assert built == []
    assert glossary.find_terms("Ekuiti naik.")  # the recogniser is still built where asked
    assert built


class _CountedLinks(tuple):  # type: ignore[type-arg]
    """An article's links that count the items every walk over them reads."""

    read = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for link in super().__iter__():
            _CountedLinks.read += 1
            yield link


@pytest.mark.parametrize("count", [300, 3000])
def test_each_links_place_in_its_article_is_read_once_per_article(count: int) -> None:
    """The ``links`` rows give each link's place in its article's links by identity (equal
    links repeat); found link by link, an article of 9,000 links walked its list 9,000 times
    (3 s of `compile` for one article). Each article's list is now walked once for its links,
    and two articles whose links come interleaved get the same places."""
    from types import SimpleNamespace

    from glossari.model import Link
    from glossari.termbase.build import _link_rows

    saham = Link(text="saham-saham", target="/shares", line=3)
    links = _CountedLinks([Link(text=f"pelaburannya {n}", target=f"/investment-{n}", line=n + 4)
                           for n in range(count)] + [saham, saham, Link(
                               text="saham-saham", target="/shares", line=3)])
    broker = SimpleNamespace(id="peniaga-broker", links=links)
    other = SimpleNamespace(id="saham", links=_CountedLinks([saham]))
    refs = [SimpleNamespace(source=broker, link=link, target=None, resolved=False)
            for link in links]
    refs.insert(count // 2, SimpleNamespace(source=other, link=saham, target=None,
                                            resolved=False))
    _CountedLinks.read = 0
    rows = list(_link_rows(refs))  # type: ignore[arg-type]
    places = [row[2] for row in rows if row[0] == "peniaga-broker"]
    # the same object twice has its first place; an equal one, its own
    assert places == [*range(count), count, count, count + 2]
    assert [row[2] for row in rows if row[0] == "saham"] == [0]
    assert [row[1] for row in rows] == list(range(len(refs)))
    # the broker's list read twice (before and after the other article's link), not per link
    assert _CountedLinks.read <= 2 * len(links) + 1


def test_a_whole_build_reads_each_stored_article_once(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole build hashes every article for the inputs it records, and finds each stored
    article (the store warm) by that digest: it read and hashed every article a second time to
    look it up in the store. What it builds is the same termbase."""
    from glossari.cli import main
    from glossari.seeds import cache, source

    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\naliases: PB\n---\n\n# Peniaga broker\n\n"
        "Peniaga broker menjual [saham-saham](/saham) dan [pelaburannya](/pelaburan).\n",
        encoding="utf-8")
    (root / "seeds" / "saham.md").write_text(
        "---\ntitle: Saham\n---\n\n# Saham\n\nDibeli melalui [PB](/peniaga-broker).\n",
        encoding="utf-8")
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    assert main(["--root", str(root), "compile", "-l", "en"]) == 0  # the store warm
    termbase = root / "locale" / "en" / "glossari.sqlite"
    before = _rows(termbase)
    termbase.unlink()
    reads: list[str] = []
    reader = source.read_article_bytes

    def counted(path: Path, *, source: str) -> bytes:
        reads.append(source)
        return reader(path, source=source)

    monkeypatch.setattr(cache, "read_article_bytes", counted)
    assert main(["--root", str(root), "compile", "-l", "en"]) == 0
    assert reads == []
    assert _rows(termbase) == before


def _rows(path: Path) -> list[object]:
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as db:
        return [row for (name,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta' "
                    "AND name NOT LIKE '%fts%' ORDER BY name")
                for row in db.execute(f'SELECT * FROM "{name}"')]
