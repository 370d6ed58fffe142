"""docs/termbase.md read as another program reads it: its SQL, its JSON keys, its search and
freshness steps, followed with the ``sqlite3`` module alone against a compiled glossary, each
answer compared with ``glossari.load()`` and ``Glossary.search``. A page that names a key in the
wrong place, leaves out a step or gives SQL that answers otherwise fails here."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sqlite3
import unicodedata
import warnings
from pathlib import Path
from typing import Any

import pytest

import glossari
from glossari.cli import main
from glossari.diagnostics import Finding
from glossari.glossary import Glossary, TermbaseWarning
from glossari.model import Block, English, Link, Location, Names, Section, Term

PAGE = (Path(__file__).resolve().parent.parent / "docs" / "termbase.md").read_text(
    encoding="utf-8")

_ARTICLES = {
    "peniaga-broker": (
        "---\ntitle: Peniaga broker\naliases: pedagang broker\nkeywords: Pasaran Modal, Kerjaya\n"
        "description: Peniaga broker membeli [sekuriti](/securities) untuk akaun sendiri.\n---\n\n"
        "# Peniaga broker\n\n## Apakah itu Peniaga Broker?\n\n"
        "Peniaga broker membeli [saham-saham](/saham) dan [hasil][h] bon.\n\n"
        "1. Dikawal oleh [FINRA](/finra).\n2. Komisen RM1,000 atau 3.25%.\n\n"
        "```python\nkomisen = 0.0325\n```\n\n> ## Nota\n> Risiko tinggi.\n\n"
        "| Jenis | Hak |\n|---|---|\n| Biasa | Undi |\n\n[h]: /yield\n"),
    "saham": (
        "---\ntitle: Saham\nkeywords: Ekuiti\n"
        "description: Saham ialah unit pemilikan syarikat.\n---\n\n# Saham\n\n## Jenis\n\n"
        "Dibeli oleh [peniaga-peniaga broker](/broker-dealer) dan [Dividennya](/dividend).\n"),
    "kumpulan-wang-simpanan-pekerja": (
        "---\ntitle: Kumpulan Wang Simpanan Pekerja (KWSP)\nkeywords: Persaraan\n"
        "description: KWSP ialah dana persaraan.\n---\n\n# KWSP\n\n## Caruman\n\n"
        "Lihat [pelaburannya](/investment) dan [saham](/saham).\n"),
    "hasil": (
        "---\ntitle: Hasil\nkeywords: Pendapatan Tetap\n"
        "description: Hasil ialah pulangan atas bon.\n---\n\n# Hasil\n\n## Kira\n\n"
        "Hasil 4.5% atas [saham](/saham).\n"),
    "dividen": (
        "---\ntitle: Dividen\nkeywords: Ekuiti\n"
        "description: Dividen ialah agihan untung.\n---\n\n# Dividen\n\n## Bayaran\n\n"
        "Dua kali setahun.\n"),
}
_ENGLISH = {"peniaga-broker": "Broker-dealer", "saham": "Share", "hasil": "Yield",
            "kumpulan-wang-simpanan-pekerja": "Employees Provident Fund (EPF)",
            "dividen": "Dividend"}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A compiled glossary of articles with Malay stems, aliases, an acronym, link-only terms,
    inflected link texts, a reference definition, a list, code, a quote and a table."""
    root = tmp_path_factory.mktemp("page") / "glossary"
    (root / "seeds").mkdir(parents=True)
    for stem, text in _ARTICLES.items():
        (root / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    catalog = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = catalog.read_text(encoding="utf-8")
    for term_id, english in _ENGLISH.items():
        text = re.sub(rf'(msgctxt "{term_id}"\nmsgid "[^"]*"\nmsgstr )""', rf'\1"{english}"',
                      text)
    text = text.replace('msgid "Ekuiti"\nmsgstr ""', 'msgid "Ekuiti"\nmsgstr "Equities"')
    catalog.write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "compile", "-l", "en"]) == 0
    return root


def _loaded(root: Path) -> Glossary:
    with warnings.catch_warnings():
        warnings.simplefilter("error", TermbaseWarning)
        return glossari.load(root, lang="en")


def _connect(root: Path) -> sqlite3.Connection:
    # the page's "Opening": read-only, never immutable, a busy timeout
    path = root / "locale" / "en" / "glossari.sqlite"
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)


def _statement(*fragments: str) -> str:
    """The one SQL statement of the page (a code span, or a line of a code block, beginning
    with SELECT) that holds every fragment."""
    spans = re.findall(r"`(SELECT [^`]+)`", PAGE) + re.findall(r'"(SELECT [^"]+)"', PAGE)
    found = [s for s in (" ".join(span.split()) for span in spans)
             if all(f in s for f in fragments)]
    assert len(found) == 1, (fragments, found)
    return found[0]


# --- the JSON of data and head ----------------------------------------------------------------

def _keys_table() -> dict[str, list[str]]:
    """The page's table of JSON keys: each object's keys, those named outside parentheses."""
    section = PAGE.split("**The JSON of `data` and `head`.**", 1)[1]
    table: dict[str, list[str]] = {}
    for line in section.splitlines():
        match = re.fullmatch(r"\| `(\w+)` \| (.*) \|", line)
        if match is None:
            if table and not line.startswith("|"):
                break
            continue
        depth, outside = 0, []
        for char in match.group(2):
            depth += (char == "(") - (char == ")")
            if depth == 0 and char != ")":
                outside.append(char)
        table[match.group(1)] = re.findall(r"`(\w+)`", "".join(outside))
    return table


_OBJECTS: dict[str, type[Any]] = {"Term": Term, "Section": Section, "Block": Block,
                                  "Link": Link, "Location": Location, "English": English,
                                  "Names": Names, "Finding": Finding}
_INSIDE = {"Term": {"sections": "Section", "highlights": "Block", "links": "Link",
                    "source": "Location", "english": "English", "findings": "Finding",
                    "names": "Names"},
           "Section": {"blocks": "Block"}, "Block": {"links": "Link"},
           "English": {"sections": "Section", "highlights": "Block"}}


def test_the_pages_json_keys_are_the_stored_keys_in_their_order(root: Path) -> None:
    """The page listed `definition_lines` inside the text of `definitions`, as no key, and a
    block's `level`, `info`, `links`, `path` in another order than the stored one."""
    table = _keys_table()
    assert set(table) == set(_OBJECTS)
    for name, kind in _OBJECTS.items():
        assert table[name] == [f.name for f in dataclasses.fields(kind)], name
    seen: set[str] = set()

    def walk(value: dict[str, Any], kind: str) -> None:
        seen.add(kind)
        assert list(value) == table[kind], kind
        for key, inner in _INSIDE.get(kind, {}).items():
            items = value[key] if isinstance(value[key], list) else [value[key]]
            for item in items:
                if item is not None:
                    walk(item, inner)

    with _connect(root) as db:
        for (data,) in db.execute("SELECT data FROM terms"):
            walk(json.loads(data), "Term")
    assert seen == set(_OBJECTS) - {"Finding"}


# --- the page's SQL --------------------------------------------------------------------------

def test_the_pages_first_query_lists_the_glossary(root: Path) -> None:
    sql = _statement("FROM terms ORDER BY position")
    with _connect(root) as db:
        rows = db.execute(sql).fetchall()
    assert rows == [(t.id, t.title, t.english.title) for t in _loaded(root)]


def test_the_pages_backlinks_query_is_backlinks(root: Path) -> None:
    sql = _statement("FROM links WHERE target_id = ?")
    glossary = _loaded(root)
    with _connect(root) as db:
        for term in glossary:
            assert db.execute(sql, (term.id,)).fetchall() == [
                (ref.source.id, ref.link.line) for ref in glossary.backlinks(term)], term.id


@pytest.mark.parametrize("query", ["broker", "peniaga", "hasil", "Ékuiti", "3.25",
                                   "KWSP", "pedagang", "caruman", '"peniaga broker"'])
def test_the_pages_search_steps_are_search(root: Path, query: str) -> None:
    """Field by field with the page's SQL, one hit per term, as Glossary.search ranks them (a
    query that no inflection rule of glossari's adds to)."""
    from glossari.termbase.search import match_expression

    words = re.findall(r'"[^"]*"|[^\s"]+', query)
    match = " AND ".join(
        w + "*" if w.startswith('"') else
        '"' + re.sub(r"(?<=\d)\.(?=\d)", "\ue02e", unicodedata.normalize("NFKC", w)) + '"*'
        for w in words)
    assert match == match_expression(query)  # a query glossari asks as the page's program does
    sql = _statement("MATCH :match AND (:lang IS NULL")
    glossary = _loaded(root)
    for lang in (None, "ms", "en"):
        hits: list[tuple[str, str, str | None]] = []
        for field in ("headword", "name", "definition", "category", "body"):
            table = f"search_{field}"
            with _connect(root) as db:
                rows = db.execute(sql.replace("TABLE", table),
                                  {"match": match, "lang": lang}).fetchall()
            for term_id, row_lang in rows:
                if term_id not in {hit[0] for hit in hits}:
                    hits.append((term_id, field, row_lang))
        assert hits == [(h.id, h.field, h.lang) for h in glossary.search(query, lang=lang)], lang


# --- freshness, by the page's steps ----------------------------------------------------------

def _page_fresh(root: Path, db: sqlite3.Connection) -> str:
    """"Checking it", step by step: 'quick', 'careful' (fresh either way) or why it is stale."""
    if db.execute("PRAGMA user_version").fetchone()[0] != 6:
        return "schema"
    meta = dict(db.execute("SELECT key, value FROM meta"))
    header = (root / "locale" / "en" / "glossari.sqlite").read_bytes()[:100]
    if meta["format"] != "glossari-termbase" or meta["lang"] != "en" or header[18:20] != b"\1\1":
        return "header"
    names = [f"seeds/{n}" for n in os.listdir(root / "seeds")
             if n.lower().endswith(".md") and not n.startswith(".") and n.lower() != "readme.md"]
    names += [f"locale/en/LC_MESSAGES/{n}" for n in os.listdir(root / "locale/en/LC_MESSAGES")
              if n.endswith(".po") and not n.startswith(".")]

    def digest(name: str) -> str:
        return hashlib.sha256((root / name).read_bytes()).hexdigest()

    lines = sorted(f"{n}\0{(root / n).stat().st_size}\0{(root / n).stat().st_mtime_ns}\n"
                   for n in names)
    listed = hashlib.sha256("".join(lines).encode()).hexdigest()
    if meta["listing"] and listed == meta["listing"] and all(
            digest(n) == d for n, d in json.loads(meta["racy"] or "[]")):
        return "quick"
    recorded = dict(db.execute("SELECT name, sha256 FROM inputs"))
    if sorted(recorded) != sorted(names) or any(digest(n) != recorded[n] for n in names):
        return "inputs"
    whole = hashlib.sha256(f"glossari-termbase\0006\0en\0{meta['code']}\0".encode())
    for name, sha in db.execute("SELECT name, sha256 FROM inputs ORDER BY rowid"):
        whole.update(f"{name}\0{sha}\0".encode())
    return "careful" if whole.hexdigest() == meta["fingerprint"] else "fingerprint"


def test_the_pages_freshness_steps_tell_what_load_tells(root: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    # new times: the quick look cannot vouch for the files, the careful one can
    shutil.copytree(root, copy, copy_function=shutil.copy)
    with _connect(copy) as db:
        assert _page_fresh(copy, db) == "careful"
    assert main(["--root", str(copy), "compile", "-l", "en"]) == 0  # still fresh: not rebuilt
    with _connect(root) as db:
        assert _page_fresh(root, db) == "quick"
    lock = copy / "locale" / "en" / "LC_MESSAGES" / ".#glossary.po"
    lock.symlink_to("penterjemah@hos.1234:1700000000")  # an editor's lock: no input
    with _connect(copy) as db:
        assert _page_fresh(copy, db) == "careful"
    _loaded(copy)
    article = copy / "seeds" / "hasil.md"
    article.write_text(article.read_text(encoding="utf-8").replace("4.5%", "4.6%"),
                       encoding="utf-8")
    with _connect(copy) as db:
        assert _page_fresh(copy, db) == "inputs"
    with pytest.warns(TermbaseWarning):
        glossari.load(copy, lang="en")
