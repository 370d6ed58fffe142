"""``glossari update`` one domain at a time: all or nothing, the same bytes, the table cache.

The update merges the domains one by one and stages each result as a temporary file next to its
catalog; these tests hold it to the promises of the whole-run version: a broken catalog found in
the last domain leaves every file as it was (and no temporary file), the bytes written are each
domain's merge, and a load after an update reads the lookup tables from the cache.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

import glossari
from glossari._atomic import StagedWrites, write_streamed
from glossari._store import Store
from glossari.catalog import translations as translations_module
from glossari.catalog.merge import Key, Moved, merge
from glossari.catalog.pofile import Entry, PoFile, load_po, parse_po, render_po, write_po
from glossari.catalog.translations import Coverage, load_translations
from glossari.errors import CatalogError
from glossari.root import GlossaryRoot
from tests._catalog_oracles import article, check_written, cli, make_root

LETTERS = "abcdefgk"


def _corpus(edition: int = 0) -> dict[str, str]:
    """Articles over several letters (several ``articles-<letter>`` domains); ``edition`` 1
    changes one paragraph of every article, so every domain's template changes."""
    articles = {}
    for index, letter in enumerate(LETTERS):
        for k in range(3):
            stem = f"{letter}istilah{k}"
            changed = " yang baharu" if edition and k != 1 else ""
            body = (f"Istilah {letter} nombor {k} ialah kos{changed}.\n\n"
                    f"Perenggan kedua bagi {letter}{k}, sama setiap kali.\n\n"
                    f"## Lihat juga\n\nPerenggan ketiga {index} {k}.\n")
            articles[stem] = article(f"Istilah {letter.upper()}{k}", body,
                                     description=f"Huraian {letter}{k}.")
    return articles


def _write_seeds(root: Path, articles: dict[str, str]) -> None:
    for stem, text in articles.items():
        (root / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")


def _translate_some(folder: Path) -> None:
    """A translator's work: every other current message translated (upper-cased)."""
    for path in sorted(folder.glob("*.po")):
        po = load_po(path)
        entries = tuple(
            e.with_changes(msgstr=e.msgid.upper(), flags=tuple(f for f in e.flags if f != "fuzzy"))
            if not e.obsolete and i % 2 == 0 else e
            for i, e in enumerate(po.entries))
        write_po(path, PoFile(header=po.header, entries=entries, trailer=po.trailer))


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``locale/`` and ``.glossari-cache/``: bytes and mtime."""
    files = {}
    for top in (root / "locale", root / ".glossari-cache"):
        for path in sorted(top.rglob("*")):
            if path.is_file():
                files[path.relative_to(root).as_posix()] = (path.read_bytes(),
                                                            path.stat().st_mtime_ns)
    return files


def _temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def _translated_root(tmp_path: Path) -> Path:
    """Catalogs made, half translated, then every article edited and the templates extracted
    again: the next update merges every domain."""
    root = make_root(tmp_path, _corpus())
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    _translate_some(root / "locale" / "en" / "LC_MESSAGES")
    _write_seeds(root, _corpus(1))
    assert cli(root, "extract")[0] == 0
    return root


def test_a_broken_catalog_in_the_last_domain_leaves_every_file_as_it_was(
    tmp_path: Path,
) -> None:
    root = _translated_root(tmp_path)
    folder = root / "locale" / "en" / "LC_MESSAGES"
    domains = sorted(p.stem for p in (root / "locale").glob("*.pot"))
    assert domains[-1] == "glossary"
    assert len(domains) == len(LETTERS) + 1
    last = folder / "glossary.po"
    good = last.read_bytes()
    last.write_bytes(good + b'\nmsgid "unterminated\nmsgstr ""\n')
    before = _snapshot(root)
    code, err = cli(root, "update", "-l", "en")
    assert code == 2
    assert "locale/en/LC_MESSAGES/glossary.po:" in err
    assert _snapshot(root) == before  # catalogs, update record and table cache alike
    assert _temporaries(root) == []
    # the premise: every article domain had been merged to new bytes before the failure
    last.write_bytes(good)
    assert cli(root, "update", "-l", "en")[0] == 0
    after = _snapshot(root)
    for domain in domains[:-1]:
        name = f"locale/en/LC_MESSAGES/{domain}.po"
        assert after[name][0] != before[name][0], domain


def test_a_failed_first_update_of_a_language_leaves_no_folder_behind(tmp_path: Path) -> None:
    root = make_root(tmp_path, _corpus())
    assert cli(root, "extract")[0] == 0
    template = root / "locale" / "glossary.pot"  # the last domain; the others merge fine
    template.write_bytes(template.read_bytes() + b'\nmsgid "unterminated\n')
    code, err = cli(root, "update", "-l", "id")
    assert code == 2
    assert "locale/glossary.pot:" in err
    assert not (root / "locale" / "id").exists()
    assert _temporaries(root) == []


def test_the_bytes_written_are_each_domains_merge_and_unchanged_files_keep_their_mtime(
    tmp_path: Path,
) -> None:
    root = _translated_root(tmp_path)
    folder = root / "locale" / "en" / "LC_MESSAGES"
    # the reference: each domain's merge on its own (the pure function update promises)
    expected: dict[str, bytes] = {}
    total = Coverage()
    for pot in sorted((root / "locale").glob("*.pot")):
        catalog = load_po(folder / f"{pot.stem}.po")
        merged = merge(load_po(pot), catalog, lang="en")
        expected[pot.stem] = render_po(merged).encode("utf-8")
        total = total + Coverage.of(merged)
    untouched = folder / "articles-k.po"
    untouched.write_bytes(expected["articles-k"])
    same = sorted(d for d, data in expected.items() if (folder / f"{d}.po").read_bytes() == data)
    assert "articles-k" in same
    assert len(same) < len(expected) - 4
    for domain in same:
        os.utime(folder / f"{domain}.po", ns=(1_000_000_000, 1_000_000_000))
    code, err = cli(root, "update", "-l", "en")
    assert code == 0, err
    assert (f"{total.total} messages: {total.translated} translated, {total.fuzzy} fuzzy, "
            f"{total.untranslated} untranslated, {total.obsolete} obsolete; 0 created, "
            f"{len(expected) - len(same)} written, {len(same)} unchanged") in err
    for domain, data in expected.items():
        assert (folder / f"{domain}.po").read_bytes() == data, domain
    for domain in same:
        assert (folder / f"{domain}.po").stat().st_mtime_ns == 1_000_000_000, domain
    check_written(folder / "glossary.po")
    check_written(folder / "articles-a.po")
    assert _temporaries(root) == []


def test_a_load_after_an_update_reads_every_table_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = _translated_root(tmp_path)
    folder = root / "locale" / "en" / "LC_MESSAGES"
    # a first update merges every domain; after one more article edit, a second merges only
    # that article's two domains and skips the rest on its record
    assert cli(root, "update", "-l", "en")[0] == 0
    (root / "seeds" / "aistilah0.md").write_text(article("Istilah A0", "Teks lain sama sekali.\n"),
                                                 encoding="utf-8")
    assert cli(root, "extract")[0] == 0
    code, err = cli(root, "update", "-l", "en")
    assert code == 0, err
    assert "2 written, 7 unchanged" in err
    where = GlossaryRoot(path=root)

    def refuse(*args: object, **kwargs: object) -> PoFile:
        raise AssertionError("a catalog was parsed: the table cache missed")

    with monkeypatch.context() as patch:
        patch.setattr(translations_module, "parse_po", refuse)
        cached = load_translations(where, "en")
        glossary = glossari.load(root, lang="en")
    assert len(glossary) == len(_corpus())
    for cache in (root / ".glossari-cache").glob("tables-en/*.pickle"):
        cache.unlink()
    cold = load_translations(where, "en")  # parses every catalog
    assert cached.domains == cold.domains == tuple(sorted(p.stem for p in folder.glob("*.po")))
    assert cached.coverage() == cold.coverage()
    for domain in cold.domains:
        assert cached._by_domain[domain] == cold._by_domain[domain]
        assert cached.coverage(domain) == cold.coverage(domain)
        po = parse_po((folder / f"{domain}.po").read_text("utf-8"), source=domain)
        for entry in po.current:
            if entry.msgstr:
                assert cached.get(domain, entry.msgctxt, entry.msgid)[0] == entry.msgstr


def test_a_stale_table_is_never_used(tmp_path: Path) -> None:
    root = make_root(tmp_path, _corpus())
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    path = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    _translate_some(path.parent)  # bytes changed behind update's back
    po = load_po(path)
    entry = next(e for e in po.current if e.msgstr)
    got = load_translations(GlossaryRoot(path=root), "en").get("glossary", entry.msgctxt,
                                                               entry.msgid)
    assert got == (entry.msgstr, "translated")


# --------------------------------------------------------------------------------------------
# The staging helper and the streamed cache writes


def test_staged_files_appear_only_on_commit(tmp_path: Path) -> None:
    (tmp_path / "b.po").write_bytes(b"old b\n")
    os.chmod(tmp_path / "b.po", 0o640)
    with StagedWrites() as staged:
        staged.stage(tmp_path / "a.po", b"new a\n")
        staged.stage(tmp_path / "b.po", lambda handle: handle.write(b"new b\n"))
        staged.stage(tmp_path / "c.pickle", b"cache\n", durable=False)
        assert not (tmp_path / "a.po").exists()
        assert (tmp_path / "b.po").read_bytes() == b"old b\n"
        staged.commit()
    assert (tmp_path / "a.po").read_bytes() == b"new a\n"
    assert (tmp_path / "b.po").read_bytes() == b"new b\n"
    assert (tmp_path / "b.po").stat().st_mode & 0o777 == 0o640  # the old file's permissions
    assert (tmp_path / "c.pickle").read_bytes() == b"cache\n"
    assert _temporaries(tmp_path) == []


def _stage_then_fail(folder: Path) -> None:
    with StagedWrites() as staged:
        staged.stage(folder / "a.po", b"a\n")
        staged.stage(folder / "b.pickle", b"b\n", durable=False)
        raise RuntimeError("a later domain is broken")


def _stage_into_a_missing_folder(folder: Path) -> None:
    with StagedWrites() as staged:
        staged.stage(folder / "a.po", b"a\n")
        staged.stage(folder / "missing" / "b.po", b"b\n")


def _commit_onto_a_folder(folder: Path) -> None:
    with StagedWrites() as staged:
        staged.stage(folder / "a.po", b"a\n")
        staged.stage(folder / "b.po", b"b\n")
        staged.stage(folder / "c.po", b"c\n")
        # a folder appears where a catalog should go after staging (staging refuses one that is
        # already there): the rename fails
        (folder / "b.po").mkdir()
        (folder / "b.po" / "x").write_bytes(b"")
        staged.commit()


def test_staged_files_are_removed_when_the_run_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        _stage_then_fail(tmp_path)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(CatalogError):
        _stage_into_a_missing_folder(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_rename_that_fails_at_commit_leaves_no_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError):
        _commit_onto_a_folder(tmp_path)
    assert (tmp_path / "a.po").read_bytes() == b"a\n"  # renamed before the failure
    assert not (tmp_path / "c.po").exists()
    assert _temporaries(tmp_path) == []


def test_a_streamed_cache_write_that_fails_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "x.pickle"
    write_streamed(path, lambda handle: pickle.dump({"a": 1}, handle))
    assert pickle.loads(path.read_bytes()) == {"a": 1}

    def half(handle: object) -> None:
        handle.write(b"half")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    with pytest.raises(CatalogError):
        write_streamed(path, half)
    assert pickle.loads(path.read_bytes()) == {"a": 1}
    assert _temporaries(tmp_path) == []


def test_a_store_table_saves_streamed_and_reloads(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache")
    table = store.open("test")
    table.put("a.md", ("value", 1), digest=b"1" * 32)
    table.save()
    path = store.path("test")
    assert path is not None
    again = store.open("test")
    assert again.get("a.md", b"1" * 32) == ("value", 1)
    before = path.read_bytes()
    again.put("b.md", lambda: None, digest=b"2" * 32)  # cannot be pickled
    again.save()  # only a speed-up: no error, the old file stays whole
    assert path.read_bytes() == before
    assert _temporaries(tmp_path) == []


def test_a_catalog_saved_by_an_editor_while_update_runs_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a translator's editor (Poedit, an IDE) or a `git pull` saves a catalog after update read
    # it and before update renamed its merge over it: the save was silently gone, exit 0
    root = _translated_root(tmp_path)
    first = root / "locale" / "en" / "LC_MESSAGES" / "articles-a.po"
    po = load_po(first)
    at = next(i for i, e in enumerate(po.entries) if not e.obsolete and not e.msgstr)
    entries = list(po.entries)
    entries[at] = entries[at].with_changes(msgstr="Saved by the translator meanwhile")
    saved = render_po(PoFile(header=po.header, entries=tuple(entries), trailer=po.trailer))
    def merge_while_an_editor_saves(template: PoFile, catalog: PoFile | None,
                                    *, lang: str,
                                    compendium: Mapping[Key, Moved] | None = None,
                                    similar: Iterable[Entry] = ()) -> PoFile:
        if template.header_fields().get("X-Domain") == "glossary":  # the last domain
            first.write_text(saved, encoding="utf-8")
        return merge(template, catalog, lang=lang, compendium=compendium, similar=similar)

    monkeypatch.setattr("glossari.catalog.update.merge", merge_while_an_editor_saves)
    code, err = cli(root, "update", "-l", "en")
    assert code == 2
    assert "locale/en/LC_MESSAGES/articles-a.po: the catalog changed while" in err
    assert first.read_text(encoding="utf-8") == saved
    assert _temporaries(root) == []
    monkeypatch.undo()
    assert cli(root, "update", "-l", "en")[0] == 0
    assert "Saved by the translator meanwhile" in first.read_text(encoding="utf-8")
