"""``glossari extract``: templates that GNU gettext and Babel accept, deterministic, churn-free."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from glossari.catalog.extract import extract
from glossari.catalog.messages import iter_messages
from glossari.catalog.pofile import load_po
from glossari.catalog.template import MAX_COMMENTS, build_templates
from glossari.root import GlossaryRoot
from glossari.seeds.folder import read_seeds
from tests._catalog_oracles import (
    GNU,
    article,
    check_written,
    cli,
    count_parses,
    make_root,
    msgfmt_check,
)

OLD = 946684800  # 2000-01-01: an mtime that a rewrite would change


def _pot(root: Path, domain: str) -> Path:
    return root / "locale" / f"{domain}.pot"


def test_seed_templates_pass_gnu_and_babel(tmp_path: Path) -> None:
    root = make_root(tmp_path, seed=True)
    code, err = cli(root, "extract")
    assert code == 0, err
    assert "32 messages in 2 domains from 1 article; 2 written" in err
    assert sorted(p.name for p in (root / "locale").iterdir()) == [
        "articles-a.pot", "glossary.pot"]
    terms = read_seeds(root / "seeds", base=root)
    expected = {(m.domain, m.context, m.msgid) for t in terms for m in iter_messages(t)}
    found = set()
    for pot in (root / "locale").glob("*.pot"):
        check_written(pot)
        with pot.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if message.id:
                found.add((pot.stem, message.context, message.id))
        assert catalog.mime_headers  # Babel reads our header
    assert found == expected
    glossary = load_po(_pot(root, "glossary"))
    head = glossary.by_key()[("accountexecutive", "Eksekutif akaun")]
    assert head.extracted_comments == ("headword of accountexecutive",)
    assert head.references == ("seeds/accountexecutive.md:3",)
    links = {e.msgctxt: e.msgid for e in glossary.entries if (e.msgctxt or "").startswith("/")}
    assert links["/broker-dealer"] == "peniaga broker"
    assert links["/primebrokerage"] == "pembrokeran utama"
    assert glossary.header_fields()["X-Domain"] == "glossary"
    assert glossary.header_fields()["Content-Type"] == "text/plain; charset=UTF-8"
    body = load_po(_pot(root, "articles-a"))
    # inline Markdown stays in the msgid, link targets included
    assert any("[peniaga broker](/broker-dealer)" in e.msgid for e in body.entries)
    assert ("highlight of accountexecutive",) in {e.extracted_comments for e in body.entries}


def test_extract_twice_same_bytes_and_no_rewrite(tmp_path: Path) -> None:
    root = make_root(tmp_path, seed=True)
    assert cli(root, "extract")[0] == 0
    before = {p: p.read_bytes() for p in (root / "locale").glob("*.pot")}
    for p in before:
        os.utime(p, (OLD, OLD))
    code, err = cli(root, "extract")
    assert code == 0
    assert "0 written, 2 unchanged" in err
    for p, data in before.items():
        assert p.read_bytes() == data
        assert p.stat().st_mtime == OLD


def test_fresh_extract_is_reproducible_with_a_fixed_date(tmp_path: Path) -> None:
    a = make_root(tmp_path / "a", seed=True)
    b = make_root(tmp_path / "b", seed=True)
    extract(GlossaryRoot(path=a), stamp="2026-01-01 00:00+0000")
    extract(GlossaryRoot(path=b), stamp="2026-01-01 00:00+0000")
    for name in ("glossary.pot", "articles-a.pot"):
        assert (a / "locale" / name).read_bytes() == (b / "locale" / name).read_bytes()


def test_a_changed_article_rewrites_only_its_domain_with_a_new_date(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Satu.\n"),
                                "bon": article("Bon", "Dua.\n")})
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    for p in (root / "locale").glob("*.pot"):
        os.utime(p, (OLD, OLD))
    (root / "seeds" / "kos.md").write_text(article("Kos", "Satu, diubah.\n"), encoding="utf-8")
    result = extract(GlossaryRoot(path=root), stamp="2026-02-02 00:00+0000")
    assert [p.name for p in result.written] == ["articles-k.pot"]
    assert _pot(root, "articles-b").stat().st_mtime == OLD
    assert _pot(root, "glossary").stat().st_mtime == OLD
    k = load_po(_pot(root, "articles-k"))
    assert k.header_fields()["POT-Creation-Date"] == "2026-02-02 00:00+0000"
    assert [e.msgid for e in k.entries] == ["Satu, diubah."]
    check_written(_pot(root, "articles-k"))


def test_identical_text_is_one_message_and_equal_headwords_stay_apart(tmp_path: Path) -> None:
    body = "## Sorotan\n\n- Sama.\n"
    root = make_root(tmp_path, {"akaun": article("Akaun", body),
                                "akaun-bank": article("Akaun", body + "\nLain.\n")})
    extract(GlossaryRoot(path=root))
    glossary = load_po(_pot(root, "glossary"))
    assert [(e.msgctxt, e.msgid) for e in glossary.entries] == [
        ("akaun", "Akaun"), ("akaun-bank", "Akaun")]
    entries = load_po(_pot(root, "articles-a")).entries
    assert [e.msgid for e in entries] == ["Sorotan", "Sama.", "Lain."]
    assert entries[1].references == ("seeds/akaun.md:7", "seeds/akaun-bank.md:7")
    assert entries[1].extracted_comments == ("highlight of akaun", "highlight of akaun-bank")
    for pot in (root / "locale").glob("*.pot"):
        check_written(pot)


@pytest.mark.parametrize("space", ["\u00a0", "\t", "  ", "\u2007", "\n"])
def test_a_link_text_spaced_oddly_is_one_message_with_the_plain_one(
    tmp_path: Path, space: str,
) -> None:
    """``[peniaga\u00a0broker]`` (a no-break space pasted from Word) was a message of its own,
    the same as ``peniaga broker`` to the eye in Poedit: translating one left the other
    empty. The paragraph keeps its bytes as written."""
    paragraph = (f"Dibayar kepada [peniaga broker](/broker-dealer) dan "
                 f"[peniaga{space}broker](/broker-dealer).")
    root = make_root(tmp_path, {"komisen": article("Komisen", paragraph + "\n")})
    extract(GlossaryRoot(path=root))
    links = [(e.msgctxt, e.msgid) for e in load_po(_pot(root, "glossary")).entries
             if e.msgctxt == "/broker-dealer"]
    assert links == [("/broker-dealer", "peniaga broker")]
    [body] = [e.msgid for e in load_po(_pot(root, "articles-k")).entries]
    if space != "\n":  # a line break in a paragraph is the catalog's to keep or not
        assert body == paragraph
    for pot in (root / "locale").glob("*.pot"):
        check_written(pot)


def test_part_comments_are_capped_but_every_reference_is_kept(tmp_path: Path) -> None:
    n = MAX_COMMENTS + 3
    root = make_root(tmp_path, {f"a{i}": article(f"A{i}", "## Sorotan\n\n- X.\n")
                                for i in range(n)})
    extract(GlossaryRoot(path=root))
    sorotan = load_po(_pot(root, "articles-a")).entries[0]
    assert sorotan.msgid == "Sorotan"
    assert len(sorotan.references) == n
    assert len(sorotan.extracted_comments) == MAX_COMMENTS
    assert sorotan.extracted_comments[-1] == f"and {n - MAX_COMMENTS + 1} more"
    check_written(_pot(root, "articles-a"))


def test_a_domain_without_articles_is_emptied_not_deleted(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Satu.\n"),
                                "bon": article("Bon", "Dua.\n")})
    extract(GlossaryRoot(path=root))
    (root / "seeds" / "bon.md").unlink()
    extract(GlossaryRoot(path=root))
    emptied = load_po(_pot(root, "articles-b"))
    assert emptied.entries == ()
    assert emptied.header_fields()["X-Domain"] == "articles-b"
    # msgcat writes nothing at all for a header-only file, so only msgfmt can judge this one
    if GNU:
        msgfmt_check(_pot(root, "articles-b"))


def test_extract_refuses_the_bundled_glossary(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from glossari.cli import main

    monkeypatch.chdir(tmp_path)  # no seeds/ here: the bundled, read-only glossary is chosen
    assert main(["extract"]) == 2


def test_bad_article_is_reported_with_its_line_and_nothing_is_written(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"kos": "---\ndescription: x\n---\nTeks.\n"})
    code, err = cli(root, "extract")
    assert code == 2
    assert "seeds/kos.md:" in err
    assert "title" in err
    assert not (root / "locale").exists() or not list((root / "locale").glob("*.pot"))


def test_the_article_cache_is_rebuildable_and_only_reparses_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_root(tmp_path, {f"t{i}": article(f"T{i}", f"Teks {i}.\n") for i in range(5)})
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    reference = {p.name: p.read_bytes() for p in (root / "locale").glob("*.pot")}
    parsed = count_parses(monkeypatch)
    (root / "seeds" / "t3.md").write_text(article("T3", "Teks 3 baharu.\n"), encoding="utf-8")
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    assert parsed == ["t3"]
    # a corrupt cache is ignored and rebuilt; the output is the same
    from glossari.catalog.incremental import MESSAGE_CACHE

    shards = list((root / ".glossari-cache" / MESSAGE_CACHE).iterdir())
    assert shards
    for shard in shards:
        shard.write_bytes(b"not a pickle")
    (root / ".glossari-cache" / "extract-v1.json").write_text("{not json")
    parsed.clear()
    (root / "seeds" / "t3.md").write_text(article("T3", "Teks 3.\n"), encoding="utf-8")
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    assert sorted(parsed) == [f"t{i}" for i in range(5)]
    assert {p.name: p.read_bytes() for p in (root / "locale").glob("*.pot")} == reference


def test_build_templates_always_has_the_glossary_domain() -> None:
    pots = build_templates([], creation_date="2026-01-01 00:00+0000")
    assert list(pots) == ["glossary"]
    assert pots["glossary"].entries == ()


def test_load_uses_the_term_cache_and_survives_its_corruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glossari
    import glossari.seeds.cache as cache
    from glossari.glossary import load_glossary

    root = make_root(tmp_path, {f"t{i}": article(f"T{i}", f"Teks {i}.\n") for i in range(4)})
    # a reader writes no cache (issue 13); the writing commands do (compile, check)
    glossari.load(root)
    assert not (root / ".glossari-cache").exists()
    first = load_glossary(root, compiled=False, write_cache=True)
    parts = list((root / ".glossari-cache" / cache.TERMS).iterdir())
    assert [p.name for p in parts] == ["t.pickle"]
    parsed = count_parses(monkeypatch)
    again = glossari.load(root)
    assert parsed == []
    assert [t for t in again] == [t for t in first]
    assert [t.source for t in again] == [t.source for t in first]
    parts[0].write_bytes(b"\x80\x05garbage")
    assert [t for t in glossari.load(root)] == [t for t in first]
    assert sorted(parsed) == [f"t{i}" for i in range(4)]


def test_without_the_cache_an_unchanged_template_keeps_its_date_and_bytes(tmp_path: Path) -> None:
    import shutil

    root = make_root(tmp_path, seed=True)
    extract(GlossaryRoot(path=root), stamp="2026-01-01 00:00+0000")
    before = {p: p.read_bytes() for p in (root / "locale").glob("*.pot")}
    for p in before:
        os.utime(p, (OLD, OLD))
    shutil.rmtree(root / ".glossari-cache")
    result = extract(GlossaryRoot(path=root), stamp="2027-07-07 07:07+0000")
    assert result.written == []
    for p, data in before.items():
        assert p.read_bytes() == data
        assert p.stat().st_mtime == OLD


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    import io

    from glossari.commands._context import Context, stderr_progress

    root = make_root(tmp_path, {f"t{i}": article(f"T{i}", f"Teks {i}.\n") for i in range(3)})
    code, err = cli(root, "extract")
    assert code == 0
    assert err.count("\n") == 1  # the summary only: standard error is not a terminal here

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    ctx = Context(stdout=io.StringIO(), stderr=screen, root_arg=str(root))
    (root / "seeds" / "t1.md").write_text(article("T1", "Baharu.\n"), encoding="utf-8")
    extract(GlossaryRoot(path=root), wrap=stderr_progress(ctx))
    assert "extract  3/3" in screen.getvalue()  # articles done, hits and misses alike


def test_incremental_templates_equal_templates_made_from_scratch(tmp_path: Path) -> None:
    import shutil

    stamp = "2026-01-01 00:00+0000"
    texts = {f"a{i}": article(f"A{i}", f"Satu {i}.\n\n## Sorotan\n\n- Sama.\n",
                              keywords="Umum") for i in range(6)}
    root = make_root(tmp_path / "inc", texts)
    extract(GlossaryRoot(path=root), stamp=stamp)
    # edits: a changed paragraph, a removed article, a new one sharing text with the others
    (root / "seeds" / "a2.md").write_text(article("A2", "Satu dua.\n\n## Sorotan\n\n- Sama.\n",
                                                  keywords="Umum"), encoding="utf-8")
    (root / "seeds" / "a4.md").unlink()
    (root / "seeds" / "ab.md").write_text(article("Ab", "Satu 1.\n"), encoding="utf-8")
    extract(GlossaryRoot(path=root), stamp=stamp)
    scratch = tmp_path / "scratch"
    shutil.copytree(root / "seeds", scratch / "seeds")
    extract(GlossaryRoot(path=scratch), stamp=stamp)
    for pot in (scratch / "locale").glob("*.pot"):
        assert (root / "locale" / pot.name).read_bytes() == pot.read_bytes(), pot.name


def test_the_parallel_path_gives_the_same_templates_and_the_first_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glossari.catalog.workers as workers
    from glossari.errors import SeedError

    texts = {f"t{i:02d}": article(f"T{i}", f"Teks {i}.\n\n## Sorotan\n\n- Sama.\n")
             for i in range(30)}
    serial = make_root(tmp_path / "serial", texts)
    extract(GlossaryRoot(path=serial), stamp="2026-01-01 00:00+0000")
    monkeypatch.setattr(workers, "PARALLEL_MIN", 2)
    parallel = make_root(tmp_path / "parallel", texts)
    extract(GlossaryRoot(path=parallel), stamp="2026-01-01 00:00+0000")
    for pot in (serial / "locale").glob("*.pot"):
        assert (parallel / "locale" / pot.name).read_bytes() == pot.read_bytes()
    broken = make_root(tmp_path / "broken", {**texts, "t05": "---\nkeywords: x\n---\n",
                                             "t20": "---\nkeywords: y\n---\n"})
    with pytest.raises(SeedError) as caught:
        extract(GlossaryRoot(path=broken))
    assert caught.value.path == "seeds/t05.md"


def test_build_templates_from_a_glossary_equals_what_extract_writes(tmp_path: Path) -> None:
    import glossari
    from glossari.catalog.pofile import render_po

    stamp = "2026-01-01 00:00+0000"
    root = make_root(tmp_path, {"kos": article("Kos", "Satu [bon](/bon).\n\n## Sorotan\n\n- A.\n"),
                                "kredit": article("Kredit", "## Sorotan\n\n- A.\n")}, seed=True)
    extract(GlossaryRoot(path=root), stamp=stamp)
    pots = build_templates(glossari.load(root), creation_date=stamp)
    assert sorted(f"{d}.pot" for d in pots) == sorted(p.name for p in (root / "locale").iterdir())
    for domain, pot in pots.items():
        assert render_po(pot) == (root / "locale" / f"{domain}.pot").read_text("utf-8")
