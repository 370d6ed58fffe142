"""``glossari extract`` cut by body domain: in worker processes or in one, the same templates.

Each body domain (``articles-<letter>``) is read, parsed, rendered and staged by one process;
the ``glossary`` template is made last from the rows the domains send back. These tests run
both paths (``PARALLEL_MIN`` decides) and compare bytes, errors and what is rewritten.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import glossari.catalog.incremental as inc
import glossari.catalog.workers as workers
from glossari.catalog.extract import extract
from glossari.catalog.pofile import load_po
from glossari.catalog.template import build_template
from glossari.errors import SeedError
from glossari.root import GlossaryRoot
from tests._catalog_oracles import article, make_root

STAMP = "2026-01-01 00:00+0000"
OLD = 946684800  # 2000-01-01: an mtime that a rewrite would change


def _texts() -> dict[str, str]:
    """Articles over several letters, sharing headings, list items, categories and links."""
    texts: dict[str, str] = {}
    for i, stem in enumerate(["akaun", "aset", "bon", "bank", "cek", "dividen", "ekuiti",
                              "faedah", "Kos", "kredit", "401k", "saham", "syer", "untung"]):
        body = (f"Teks {i} tentang [bon](/bon) dan [saham](/saham).\n\n"
                f"## Sorotan\n\n- Sama.\n- Item {i % 3}.\n")
        texts[stem] = article(stem.capitalize(), body, keywords="Umum, Pasaran" if i % 2 else
                              "Umum", description=f"Definisi {i % 5}.")
    return texts


def _pots(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "locale").iterdir())}


def _snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file and folder under ``root``: its mtime and its bytes (folders: none)."""
    return {str(p): (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"")
            for p in sorted(root.rglob("*"))}


def _serial(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_MIN", 10**9)


def _parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_MIN", 2)


def test_workers_and_one_process_write_the_same_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _texts()
    serial = make_root(tmp_path / "serial", texts)
    _serial(monkeypatch)
    extract(GlossaryRoot(path=serial), stamp=STAMP)
    parallel = make_root(tmp_path / "parallel", texts)
    _parallel(monkeypatch)
    result = extract(GlossaryRoot(path=parallel), stamp=STAMP)
    assert _pots(parallel) == _pots(serial)
    assert [p.name for p in result.written] == sorted(_pots(serial))
    # the glossary made from the domains' rows is the one made from all articles at once
    glossary = load_po(parallel / "locale" / "glossary.pot")
    assert ("/bon", "bon") in {(e.msgctxt, e.msgid) for e in glossary.entries}
    assert not [p for p in (parallel / "locale").iterdir() if p.name.startswith(".")]


def _extracted_long_ago(tmp_path: Path, mode: Callable[[pytest.MonkeyPatch], None],
                        monkeypatch: pytest.MonkeyPatch) -> Path:
    """A glossary extracted in ``mode``, its templates dated long ago (a rewrite shows)."""
    mode(monkeypatch)
    root = make_root(tmp_path / mode.__name__, _texts())
    extract(GlossaryRoot(path=root), stamp=STAMP)
    for pot in (root / "locale").iterdir():
        os.utime(pot, (OLD, OLD))
    return root


def test_a_change_rewrites_only_its_domain_in_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for mode in (_serial, _parallel):
        root = _extracted_long_ago(tmp_path, mode, monkeypatch)
        text = (root / "seeds" / "cek.md").read_text("utf-8")
        (root / "seeds" / "cek.md").write_text(text.replace("Teks 4", "Teks empat"), "utf-8")
        result = extract(GlossaryRoot(path=root), stamp=STAMP)
        assert [p.name for p in result.written] == ["articles-c.pot"]
        assert all(p.stat().st_mtime == OLD for p in result.unchanged)
        # a new headword changes the glossary too, and only it and the article's domain
        (root / "seeds" / "dividen.md").write_text(
            article("Dividen tunai", "Teks.\n"), encoding="utf-8")
        result = extract(GlossaryRoot(path=root), stamp=STAMP)
        assert [p.name for p in result.written] == ["articles-d.pot", "glossary.pot"]
        scratch = make_root(tmp_path / f"scratch-{mode.__name__}", {})
        shutil.rmtree(scratch / "seeds")
        shutil.copytree(root / "seeds", scratch / "seeds")
        extract(GlossaryRoot(path=scratch), stamp=STAMP)
        assert _pots(scratch) == _pots(root)


def test_the_first_bad_article_in_file_order_is_reported_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _texts()
    for mode in (_serial, _parallel):
        mode(monkeypatch)
        root = make_root(tmp_path / mode.__name__, texts)
        extract(GlossaryRoot(path=root), stamp=STAMP)
        before = _pots(root)
        for pot in (root / "locale").iterdir():
            os.utime(pot, (OLD, OLD))
        # broken articles in three domains; `ekuiti.md` comes first in file-name order, and
        # the domains of the others (`s`, `b`) are larger or come first in domain order
        (root / "seeds" / "ekuiti.md").write_text("---\nkeywords: x\n---\nTeks.\n",
                                                  encoding="utf-8")
        (root / "seeds" / "saham.md").write_text("---\nkeywords: y\n---\n", encoding="utf-8")
        (root / "seeds" / "bon.md").write_bytes(b"---\ntitle: \xff\n---\n")
        (root / "seeds" / "aset.md").write_text(article("Aset", "Diubah.\n"), encoding="utf-8")
        with pytest.raises(SeedError) as caught:
            extract(GlossaryRoot(path=root), stamp="2026-02-02 00:00+0000")
        assert caught.value.path == "seeds/bon.md", mode.__name__
        (root / "seeds" / "bon.md").write_text(texts["bon"], encoding="utf-8")
        with pytest.raises(SeedError) as caught:
            extract(GlossaryRoot(path=root), stamp="2026-02-02 00:00+0000")
        assert caught.value.path == "seeds/ekuiti.md", mode.__name__
        assert caught.value.line is not None
        # no template rewritten (not even articles-a, whose domain succeeded), no stray file,
        # no cache written: the whole tree is as it was
        assert _pots(root) == before
        assert all(p.stat().st_mtime == OLD for p in (root / "locale").iterdir())
        tree = _snapshot(root)
        with pytest.raises(SeedError):
            extract(GlossaryRoot(path=root), stamp="2026-02-02 00:00+0000")
        assert _snapshot(root) == tree


def test_an_error_names_the_same_file_and_line_in_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = {**_texts(), "faedah": "---\ntitle: Faedah\ntitle: Lagi\n---\nTeks.\n"}
    caught = []
    for mode in (_serial, _parallel):
        mode(monkeypatch)
        root = make_root(tmp_path / mode.__name__, texts)
        with pytest.raises(SeedError) as error:
            extract(GlossaryRoot(path=root))
        caught.append((error.value.path, error.value.line, str(error.value)))
        # a failed first run leaves nothing behind: no template, no folder, no cache
        assert sorted(p.name for p in root.iterdir()) == ["seeds"]
    assert caught[0] == caught[1]
    assert caught[0][0] == "seeds/faedah.md"
    assert caught[0][1] == 3


def test_an_unreadable_article_is_an_error_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _parallel(monkeypatch)
    root = make_root(tmp_path, _texts())
    (root / "seeds" / "kredit.md").unlink()
    (root / "seeds" / "kredit.md").symlink_to(root / "seeds" / "gone.md")  # dangling
    with pytest.raises(SeedError) as caught:
        extract(GlossaryRoot(path=root))
    assert caught.value.path == "seeds/kredit.md"
    assert "cannot read" in str(caught.value)


def test_a_domain_left_without_articles_is_emptied_in_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = []
    for mode in (_serial, _parallel):
        mode(monkeypatch)
        root = make_root(tmp_path / mode.__name__, _texts())
        extract(GlossaryRoot(path=root), stamp=STAMP)
        (root / "seeds" / "untung.md").unlink()
        result = extract(GlossaryRoot(path=root), stamp=STAMP)
        assert "articles-u.pot" in [p.name for p in result.written]
        assert result.messages["articles-u"] == 0
        assert load_po(root / "locale" / "articles-u.pot").entries == ()
        results.append(_pots(root))
    assert results[0] == results[1]


def test_render_rows_equals_render_template_of_the_built_template(tmp_path: Path) -> None:
    rows: inc.DomainRows = []
    for i in range(40):
        term = f"t{i:02d}"
        name = f"seeds/{term}.md"
        rows.append((term, name, ("glossary", term, f"T{i}", "headword", 2)))
        rows.append((term, name, ("glossary", None, f"Kategori {i % 4}", "category", 3)))
        rows.append((term, name, ("glossary", "/x", "x" * (i % 3 + 1), "link", 7)))
        rows.append((term, name, ("glossary", None, "panjang " * (i % 20) + "akhir", "definition",
                                  4)))
    pot = build_template("glossary", inc.to_items(rows), creation_date=STAMP)
    expected = inc.render_template(pot, None)
    from glossari._store import Store

    store = Store(tmp_path / "cache")
    for _ in range(2):  # without a memo, then from the memo written the first time
        data, count = inc.render_rows("glossary", rows, creation_date=STAMP,
                                      memo=store.open(inc.RENDER_CACHE, part="glossary"))
        assert data == expected
        assert count == len(pot.entries)
    assert store.parts(inc.RENDER_CACHE) == ["glossary"]
    # texts rendered elsewhere are used as they are
    known = {inc.entry_key(entry): f"\n#. KNOWN {n}\n" for n, entry in enumerate(pot.entries)}
    data, _ = inc.render_rows("glossary", rows, creation_date=STAMP, memo=None, known=known)
    assert data == inc.render_template(pot, None, known)
    assert data.count(b"KNOWN") == len(pot.entries)


def test_a_template_that_fails_late_leaves_every_template_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glossari.errors import CatalogError

    real = inc.render_domain

    def failing(domain: str, *args: object, **kwargs: object) -> object:
        if domain == "articles-k":
            raise CatalogError("cannot render", path="articles-k", hint="none")
        return real(domain, *args, **kwargs)  # type: ignore[arg-type]

    for mode in (_serial, _parallel):
        root = _extracted_long_ago(tmp_path, mode, monkeypatch)
        before = _pots(root)
        for stem in ("akaun", "kredit", "saham"):
            text = (root / "seeds" / f"{stem}.md").read_text("utf-8")
            (root / "seeds" / f"{stem}.md").write_text(text + "\nBaharu.\n", "utf-8")
        # the forked workers inherit the patched function
        monkeypatch.setattr(inc, "render_domain", failing)
        with pytest.raises(CatalogError):
            extract(GlossaryRoot(path=root), stamp=STAMP)
        monkeypatch.setattr(inc, "render_domain", real)
        # every other template was rendered and staged, then removed: nothing changed
        assert _pots(root) == before, mode.__name__
        assert all(p.stat().st_mtime == OLD for p in (root / "locale").iterdir())
        result = extract(GlossaryRoot(path=root), stamp=STAMP)
        assert [p.name for p in result.written] == ["articles-a.pot", "articles-k.pot",
                                                    "articles-s.pot"]
