"""The one store of derived state (glossari/_store.py, issue 13 item "one store").

- every cache of the writing commands is a table of one store, in one format, under one code
  fingerprint, in ``.glossari-cache/`` marked with a ``CACHEDIR.TAG``;
- deleting ``.glossari-cache/`` between runs or during them changes no result;
- the catalog lock lives in ``locale/``: deleting the cache while a writer holds it lets no
  second writer in;
- ``extract`` stores the Terms it parses, so a reader of the glossary afterwards parses nothing
  (and still writes nothing).
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari._store import FORMAT, Store
from glossari.catalog.extract import extract
from glossari.cli import main
from glossari.root import CACHE_DIR, GlossaryRoot
from glossari.seeds import cache as seeds_cache
from glossari.seeds.folder import read_seeds
from tests._catalog_oracles import article, count_parses, make_root

REPO = Path(__file__).resolve().parent.parent


def corpus(tmp_path: Path, count: int = 12) -> Path:
    """Articles over several letters (a digit id too), linking to each other, with lists."""
    ids = [f"{letter}{n}kos" for n in range(count // 4 + 1) for letter in "abk0"][:count]
    articles = {}
    for i, term in enumerate(ids):
        target = ids[(i + 1) % len(ids)]
        body = (f"# Kos {term}\n\nKos {term} ialah [kos lain](/{target}) dalam akaun syarikat.\n\n"
                f"## Sorotan\n\n- Perkara pertama {i}.\n- Perkara kedua dengan *penekanan*.\n")
        articles[term] = article(f"Kos {term}", body, description=f"Takrif kos {term}.")
    return make_root(tmp_path, articles)


def run(root: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, out.getvalue()


def fields_of(value: Any) -> Any:
    """Every field of a model value, recursively (``==`` skips ``compare=False`` fields)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,
                tuple((f.name, fields_of(getattr(value, f.name)))
                      for f in dataclasses.fields(value)))
    if isinstance(value, tuple | list):
        return tuple(fields_of(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, fields_of(v)) for k, v in value.items()))
    return value


# -- the store itself ----------------------------------------------------------------------------


def test_a_table_round_trips_and_ties_values_to_digests_and_code(tmp_path: Path) -> None:
    store = Store(tmp_path / CACHE_DIR)
    table = store.open("kind", part="a", code="x")
    table.put("seeds/a.md", {"v": 1}, digest=b"d1")
    table.save()
    assert (tmp_path / CACHE_DIR / "CACHEDIR.TAG").read_bytes().startswith(
        b"Signature: 8a477f597d28d172789f06886806bc55")
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text() .endswith("*\n")
    assert store.parts("kind") == ["a"]
    assert store.open("kind", part="a", code="x").get("seeds/a.md", b"d1") == {"v": 1}
    assert store.open("kind", part="a", code="x").get("seeds/a.md", b"d2") is None
    assert store.open("kind", part="a", code="y").get("seeds/a.md", b"d1") is None
    assert store.open("other", part="a", code="x").get("seeds/a.md", b"d1") is None
    # garbage, a truncated file, another format: empty tables, no error
    path = store.path("kind", "a")
    assert path is not None
    whole = path.read_bytes()
    for bad in (b"", b"garbage", whole[: len(whole) // 2],
                whole.replace(FORMAT.encode(), b"glossari-store-0")):
        path.write_bytes(bad)
        assert store.open("kind", part="a", code="x").get("seeds/a.md", b"d1") is None


def test_a_table_another_markdown_it_py_made_is_not_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed articles and the usable rule's answers are markdown-it-py's and PyYAML's
    reading: after an upgrade of either, glossari's own code unchanged, an answer of the old
    version was served (a translation the new parser refuses, taken)."""
    import markdown_it

    from glossari import _store

    store = Store(tmp_path / CACHE_DIR)
    table = store.open("kind", part="a", code="x")
    table.put("seeds/a.md", {"v": 1}, digest=b"d1")
    table.save()
    monkeypatch.setattr(markdown_it, "__version__", "999.0.0")
    _store._readers.cache_clear()
    try:
        assert store.open("kind", part="a", code="x").get("seeds/a.md", b"d1") is None
    finally:
        monkeypatch.undo()
        _store._readers.cache_clear()
    assert store.open("kind", part="a", code="x").get("seeds/a.md", b"d1") == {"v": 1}


def test_a_table_without_keep_forgets_what_this_run_did_not_put(tmp_path: Path) -> None:
    store = Store(tmp_path / CACHE_DIR)
    table = store.open("k")
    for key in ("a", "b"):
        table.put(key, key.upper(), digest=key)
    table.save()
    again = store.open("k")
    again.put("a", "A", digest="a", fresh=False)
    again.save()
    assert store.open("k").get("b", "b") is None
    assert store.open("k").get("a", "a") == "A"
    kept = store.open("k", keep=True)
    kept.put("c", "C")
    kept.save()
    assert [key for key, _, _ in store.open("k").items()] == ["a", "c"]


def test_no_folder_keeps_nothing(tmp_path: Path) -> None:
    store = Store(None)
    table = store.open("k")
    table.put("a", 1)
    table.save()
    assert store.open("k").get("a") is None
    assert store.parts("k") == []
    assert Store.of(GlossaryRoot(path=tmp_path, bundled=True)).folder is None


def test_terms_come_back_equal_in_every_field(tmp_path: Path) -> None:
    """The fast rebuild (slots set directly) gives the very Terms parsing gives: fields that
    ``==`` ignores (lines, sources) included."""
    root = corpus(tmp_path)
    shutil.copy(REPO / "seeds" / "accountexecutive.md", root / "seeds")
    parsed = read_seeds(root / "seeds", base=root)
    table = Store(tmp_path / CACHE_DIR).open("t")
    for term in parsed:
        table.put(term.id, term)
    table.save()
    back = Store(tmp_path / CACHE_DIR).open("t")
    for term in parsed:
        again = back.get(term.id)
        assert again == term
        assert fields_of(again) == fields_of(term)
        assert type(again.sections) is tuple
        assert hash(again) == hash(term)


@settings(max_examples=60, deadline=None)
@given(st.text(), st.integers(), st.lists(st.text(max_size=5), max_size=4))
def test_any_finding_round_trips(message: str, line: int, extra: list[str]) -> None:
    import tempfile

    from glossari.diagnostics import Finding

    finding = Finding(code="S101", severity="warning", message=message, path="seeds/a.md",
                      line=line)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        table = store.open("f")
        table.put("x", (finding, extra))
        table.save()
        again = store.open("f").get("x")
    assert again == (finding, extra)
    assert fields_of(again[0]) == fields_of(finding)


# -- every cache is in the store -------------------------------------------------------------


def test_every_writing_command_keeps_its_cache_in_the_one_store(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    for args in (("extract",), ("update", "-l", "en"), ("compile", "-l", "en"),
                 ("check", "-l", "en")):
        assert run(root, *args)[0] in (0, 1), args
    cache = root / CACHE_DIR
    files = sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file())
    tables = [f for f in files if f.endswith(".pickle")]
    assert {f.split("/")[0].removesuffix(".pickle") for f in tables} == {
        "terms", "messages", "rendered", "written", "tables-en", "langid", "check"}
    # one format and, but for language detection, one code: the package's fingerprint
    from glossari._fingerprint import package_fingerprint

    for name in tables:
        import pickle

        stored = pickle.loads((cache / name).read_bytes())
        assert stored["format"] == FORMAT, name
        if not name.startswith("langid"):
            assert stored["code"].startswith(package_fingerprint()), name
    # nothing else but the marks and the check's output
    assert sorted(set(files) - set(tables)) == [".gitignore", "CACHEDIR.TAG", "check.json",
                                                 "check.text"]
    # and no lock in it
    assert not [p for p in cache.rglob("*.lock")]
    assert (root / "locale" / ".glossari-en.lock").exists()


# -- deleting the cache is always safe ---------------------------------------------------------


COMMANDS = (("extract",), ("update", "-l", "en"), ("compile", "-l", "en"),
            ("check", "-l", "en", "--format", "json"), ("table", "--format", "json"),
            ("show", "a0kos"))


def outputs(root: Path, *, between: bool = False) -> list[tuple[int, str, dict[str, bytes]]]:
    """Each command's exit code, output and the files it leaves outside the cache."""
    seen = []
    for args in COMMANDS:
        if between:
            shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
        code, out = run(root, *args)
        assert code in (0, 1), args  # the reference is a real run, not a usage error
        files = {}
        # not rglob: another thread may be deleting the cache while this walks the folder
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if d != CACHE_DIR)
            for name in names:
                path = Path(folder, name)
                if path.suffix not in (".sqlite", ".lock"):
                    files[path.relative_to(root).as_posix()] = path.read_bytes()
        seen.append((code, out, dict(sorted(files.items()))))
    return seen


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the templates' date, not the minute


def same(got: list[tuple[int, str, dict[str, bytes]]],
         reference: list[tuple[int, str, dict[str, bytes]]]) -> None:
    for step, (mine, theirs) in enumerate(zip(got, reference, strict=True)):
        assert mine[:2] == theirs[:2], COMMANDS[step]
        assert mine[2].keys() == theirs[2].keys(), COMMANDS[step]
        assert [k for k in mine[2] if mine[2][k] != theirs[2][k]] == [], COMMANDS[step]


def test_deleting_the_cache_between_runs_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    reference = outputs(corpus(tmp_path / "a"))
    assert outputs(corpus(tmp_path / "b"), between=True) == reference
    assert reference[3][0] in (0, 1)
    assert json.loads(reference[3][1])  # the check found something, and printed it as JSON


def test_deleting_the_cache_at_every_step_of_a_run_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache folder vanishes each time any table is opened or saved: mid-run, between a
    table's load and its save, between a staged write and its rename."""
    from glossari import _store

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    reference = outputs(corpus(tmp_path / "a"))
    warm = outputs(corpus(tmp_path / "b"))  # a warm cache first: the deletions then cost hits
    assert warm == reference
    root = tmp_path / "b" / "g"
    shutil.rmtree(root / "locale")  # the outputs go, the warm cache stays
    real_load, real_save = _store.Table._load, _store.Table.save
    deletions = []

    def vanish() -> None:
        if (root / CACHE_DIR).exists():
            deletions.append(1)
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)

    def load(self: _store.Table) -> Any:
        found = real_load(self)
        vanish()
        return found

    def save(self: _store.Table) -> None:
        vanish()
        real_save(self)
        vanish()

    monkeypatch.setattr(_store.Table, "_load", load)
    monkeypatch.setattr(_store.Table, "save", save)
    same(outputs(root), reference)
    assert deletions


def test_deleting_the_cache_from_another_process_during_runs_changes_nothing(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    reference = outputs(corpus(tmp_path / "a"))
    root = corpus(tmp_path / "b")
    stop = threading.Event()

    def keep_deleting() -> None:
        while not stop.is_set():
            shutil.rmtree(root / CACHE_DIR, ignore_errors=True)

    thread = threading.Thread(target=keep_deleting)
    thread.start()
    try:
        for _ in range(2):  # cold, then with whatever of the cache survived
            shutil.rmtree(root / "locale", ignore_errors=True)
            same(outputs(root), reference)
    finally:
        stop.set()
        thread.join()


# -- the lock lives beside the catalogs ----------------------------------------------------------


def test_deleting_the_cache_does_not_let_a_second_writer_in(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    assert run(root, "extract")[0] == 0
    assert run(root, "update", "-l", "en")[0] == 0
    from glossari.catalog.translations import catalog_lock

    second = (
        "import sys\n"
        "from glossari.catalog.translations import catalog_lock\n"
        "from glossari.errors import CatalogError\n"
        "from glossari.root import GlossaryRoot\n"
        "try:\n"
        "    with catalog_lock(GlossaryRoot(path=__import__('pathlib').Path(sys.argv[1])),"
        " 'en', timeout=0.5):\n"
        "        print('entered')\n"
        "except CatalogError as error:\n"
        "    print('refused:', error)\n"
    )

    def try_second() -> str:
        done = subprocess.run([sys.executable, "-c", second, str(root)], capture_output=True,
                              text=True, check=True, cwd=REPO)
        return done.stdout.strip()

    with catalog_lock(GlossaryRoot(path=root), "en"):
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
        assert "another glossari process is updating" in try_second()
        assert not (root / CACHE_DIR).exists()
    assert try_second() == "entered"
    assert (root / "locale" / ".glossari-en.lock").is_file()


def test_the_lock_is_ignored_by_git_in_a_new_glossary() -> None:
    from glossari.scaffold import GITIGNORE

    assert "locale/.glossari-*.lock" in GITIGNORE.splitlines()
    assert "locale/.glossari-*.lock" in (REPO / ".gitignore").read_text().splitlines()


# -- extract warms the readers ----------------------------------------------------------------


def read_without_termbase(root: Path) -> list[Any]:
    from glossari.glossary import load_glossary

    return [fields_of(t) for t in load_glossary(root, compiled=False)]


@pytest.mark.parametrize("count", [12, 210], ids=["serial", "parallel"])
def test_after_extract_a_reader_parses_nothing_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    root = corpus(tmp_path, count)  # 210 articles: extract's workers, in other processes
    expected = read_without_termbase(root)  # cold: parses everything, writes nothing
    assert not (root / CACHE_DIR).exists()
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    before = sorted((p, p.stat().st_mtime_ns) for p in root.rglob("*"))
    parsed = count_parses(monkeypatch)
    assert read_without_termbase(root) == expected
    assert parsed == []
    assert sorted((p, p.stat().st_mtime_ns) for p in root.rglob("*")) == before
    # one article changed: the reader parses it alone, then extract stores it
    changed = sorted((root / "seeds").glob("b*.md"))[0]
    changed.write_text(article("Kos baharu", "Kos yang baharu sekali.\n"), encoding="utf-8")
    read_without_termbase(root)
    assert parsed == [changed.stem]
    parsed.clear()
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    if count < 200:  # in this process: only the changed article was parsed
        assert parsed == [changed.stem]
    parsed.clear()
    read_without_termbase(root)
    assert parsed == []


def test_extract_refills_a_missing_part_and_keeps_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = corpus(tmp_path)
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    expected = read_without_termbase(root)
    store = Store(root / CACHE_DIR)
    assert store.parts(seeds_cache.TERMS) == ["0", "a", "b", "k"]
    store.forget(seeds_cache.TERMS, "b")
    parsed = count_parses(monkeypatch)
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    # the messages were all cache hits: only the letter whose Terms were gone is parsed
    assert sorted(parsed) == sorted(p.stem for p in (root / "seeds").glob("b*.md"))
    parsed.clear()
    # a change late in a domain: the earlier articles' Terms are kept, not parsed again
    last = sorted((root / "seeds").glob("a*.md"))[-1]
    last.write_text(article("Kos akhir", "Kos yang akhir.\n"), encoding="utf-8")
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    assert parsed == [last.stem]
    parsed.clear()
    again = read_without_termbase(root)
    assert parsed == []
    assert len(again) == len(expected)
    # an article removed takes its Term with it
    last.unlink()
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    names = [key for key, _, _ in store.open(seeds_cache.TERMS, part="a").items()]
    assert f"seeds/{last.name}" not in names
    assert names


def test_reading_from_a_warm_store_equals_reading_cold(tmp_path: Path) -> None:
    """glossari.load (every Term, English side and finding) is the same with and without the
    Terms extract stored."""
    root = corpus(tmp_path)
    shutil.copy(REPO / "seeds" / "accountexecutive.md", root / "seeds")
    cold = read_without_termbase(root)
    assert run(root, "extract")[0] == 0
    assert run(root, "update", "-l", "en")[0] == 0
    warm = read_without_termbase(root)
    shutil.rmtree(root / CACHE_DIR)
    assert read_without_termbase(root) == warm
    assert [t[0] for t in cold] == [t[0] for t in warm]


def test_a_killed_writer_s_old_temporaries_are_swept_on_the_next_write(tmp_path: Path) -> None:
    """kill -9 during a write leaves `.x.pickle.abc.tmp` in the store, which no lock covers: the
    next write of the store removes those older than STALE_TEMPORARY, never a younger one (it
    may be another process's write in progress)."""
    import time

    from glossari import _store

    folder = tmp_path / ".glossari-cache"
    (folder / "terms").mkdir(parents=True)
    old = [folder / ".memo.pickle.k1ll3d.tmp", folder / "terms" / ".a.pickle.x9y8z7.tmp"]
    young = folder / "terms" / ".b.pickle.l1v3.tmp"
    kept = folder / "terms" / "a.pickle"  # a table, old as it may be
    for path in (*old, young, kept):
        path.write_bytes(b"partial")
    stale = time.time() - _store.STALE_TEMPORARY - 60
    for path in (*old, kept):
        os.utime(path, (stale, stale))
    _store._SWEPT.discard(folder)
    table = _store.Store(folder).open("example", code="v1")
    table.put("k", 1)
    table.save()
    assert [p.exists() for p in old] == [False, False]
    assert young.exists()
    assert kept.exists()
    assert _store.Store(folder).open("example", code="v1").get("k") == 1


def test_parsing_every_article_lets_each_part_s_terms_go(tmp_path: Path) -> None:
    """Reading a glossary none of whose articles is stored (new glossari code, a new folder)
    held every parsed Term until the end, with the catalogs beside them at compile: the Terms
    of a part of the store (the articles of one first letter) are kept as the part's bytes as
    soon as they are all parsed, written once every article is read, and given again from the
    store; a bad article still writes nothing."""
    import gc
    from unittest import mock

    from glossari.errors import SeedError
    from glossari.model import Term
    from glossari.seeds import cache as seeds_cache

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    stems = [f"{letter}{word}-{n}" for letter, word in (("a", "kaun"), ("b", "on"), ("s", "aham"))
             for n in range(15)]
    for stem in stems:
        (seeds / f"{stem}.md").write_text(
            f"---\ntitle: Istilah {stem}\naliases: {stem}-nya\n---\n\n## Bahagian\n\n"
            f"Lihat [saham-saham](/stock) dan [pelaburannya](/investment).\n", encoding="utf-8")
    cache = tmp_path / ".glossari-cache"
    held: list[int] = []
    parse = seeds_cache.parse_bytes

    def parse_and_count(path: Path, name: str, data: bytes) -> Term:
        held.append(sum(isinstance(o, Term) for o in gc.get_objects()))
        return parse(path, name, data)

    bad = seeds / "zakat.md"
    bad.write_text("---\ntitle: Zakat\ntitle: Zakat\n---\n", encoding="utf-8")
    with mock.patch.object(seeds_cache, "HELP_FROM", 10**9), pytest.raises(SeedError):
        dict(seeds_cache.iter_seeds_cached(seeds, base=tmp_path, cache=cache))
    assert not list(cache.rglob("*.pickle"))
    bad.unlink()
    with mock.patch.object(seeds_cache, "parse_bytes", parse_and_count), \
            mock.patch.object(seeds_cache, "HELP_FROM", 10**9):
        found = dict(seeds_cache.iter_seeds_cached(seeds, base=tmp_path, cache=cache))
    assert [found[n].id for n in range(len(stems))] == sorted(stems)
    assert len(held) == len(stems)
    assert max(held) < 2 * 15  # one part's, not the 45 of the glossary
    # and the store gives them all again, parsing nothing
    with mock.patch.object(seeds_cache, "parse_bytes", parse_and_count):
        again = seeds_cache.read_seeds_cached(seeds, base=tmp_path, cache=cache)
    assert len(held) == len(stems)
    assert again == tuple(found[n] for n in range(len(stems)))
