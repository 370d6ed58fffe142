"""docs/termbase.md read as another program reads it: its SQL, its JSON keys, its lookup and
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
import struct
import unicodedata
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    "ekuiti": (
        "---\ntitle: Ékuiti\nkeywords: Ekuiti\ndescription: Ékuiti ialah nilai pemilikan.\n---\n\n"
        "# Ékuiti\n\nLihat [ekuiti-Ékuiti](/equity).\n"),
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


# the lookup key as the page spells it out (step 3 of "Looking a name up")
_GLYPH_ONLY = re.compile("[\u034f\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def _without_accents(text: str) -> str:
    parts = re.split("([йЙўЎїЇ])", unicodedata.normalize("NFC", text))
    return "".join(part if part and part in "йЙўЎїЇ" else "".join(
        c for c in unicodedata.normalize("NFKD", part) if unicodedata.combining(c) in (0, 9))
        for part in parts)


def _page_key(text: str) -> str:
    text = _without_accents(text).casefold()
    return "".join(str(unicodedata.digit(c)) if unicodedata.digit(c, None) is not None else c
                   for c in text if unicodedata.category(c)[0] in "LNM"
                   and not _GLYPH_ONLY.match(c))


@given(st.text(st.sampled_from(
    "aZé\u0301ßİ\u0130-_ .٣३፫⓷²½ⅫйЙиё\u0306ю\u0308\u0915\u093e\u094d\ufe0f\u180b\u034f"
    "\uff45\ufb01'\u2019!"), max_size=12))
@settings(max_examples=300)
def test_the_pages_lookup_key_is_the_lookup_key(text: str) -> None:
    from glossari.text import lookup_key

    assert _page_key(text) == lookup_key(text)


_SUFFIX = re.compile(r"\.(md|markdown|htm|html|asp|aspx|php)$", re.IGNORECASE)
_POSSESSIVE = re.compile("(?<=\\w)[-\u2010\u2011'\u2019\u2018\u02bc]?nya$", re.IGNORECASE)


def _lookup_steps() -> list[str]:
    """The page's steps of "Looking a name up", in its order, each named by what it asks."""
    section = PAGE.split("**Looking a name up**", 1)[1].split("\n\n", 2)[1]
    kinds = {"id": "as a term id", "target": "written as a link target",
             "key": "its lookup key in `lookup`. The lookup key", "reduplication": "reduplication",
             "possessive": "possessive `-nya`", "bases": "`glossari` only"}
    steps = []
    for item in re.split(r"\n(?=\d\. )", section):
        named = [kind for kind, words in kinds.items() if words in " ".join(item.split())]
        assert len(named) == 1, item
        steps.append(named[0])
    return steps


def _page_lookup(db: sqlite3.Connection, text: str, glossary: Glossary) -> str | None:
    """Glossary.lookup, by the page's steps in the page's order (the last with ``glossary``'s
    rules, as the page says)."""
    def answer(sql: str, value: str) -> str | None:
        row = db.execute(sql, (value,)).fetchone()
        return None if row is None else str(row[0])

    by_key = "SELECT term_id FROM lookup WHERE key = ?"

    def target(name: str) -> str | None:
        stripped = name.strip()  # any white space, as the page says
        if not ((stripped.startswith(("/", "./", "../")) or "#" in stripped
                 or _SUFFIX.search(stripped)) and not re.search(r"\s", stripped)):
            return None
        last = stripped.split("#")[0].split("?")[0].strip().strip("/").split("/")[-1]
        return answer("SELECT term_id FROM targets WHERE key = ?",
                      _page_key(_SUFFIX.sub("", unquote(last))))

    def reduplication(name: str) -> str | None:
        if "-" not in name:
            return None
        return answer(by_key, _page_key(re.sub(r"(?<![\w-])(\w+)-\1(?![\w-])", r"\1",
                                               _without_accents(name), flags=re.IGNORECASE)))

    def possessive(name: str) -> str | None:
        words = name.rstrip().rsplit(" ", 1)
        match = _POSSESSIVE.search(words[-1])
        if match is None:
            return None
        bare = words[-1][:match.start()]
        head, dash, tail = bare.partition("-")
        if len(head if dash and head.lower() == tail.lower() else bare) < 3:
            return None
        plain = " ".join([*words[:-1], bare])
        return run(plain, ("key", "reduplication", "possessive"))

    def keys(name: str) -> list[str]:
        # the keys steps 3 to 5 ask for a name, in turn
        out = [_page_key(name)]
        if "-" in name:
            out.append(_page_key(re.sub(r"(?<![\w-])(\w+)-\1(?![\w-])", r"\1",
                                        _without_accents(name), flags=re.IGNORECASE)))
        words = name.rstrip().rsplit(" ", 1)
        match = _POSSESSIVE.search(words[-1])
        if match is not None:
            bare = words[-1][:match.start()]
            head, dash, tail = bare.partition("-")
            if len(head if dash and head.lower() == tail.lower() else bare) >= 3:
                out += keys(" ".join([*words[:-1], bare]))
        return out

    def bases(name: str) -> str | None:
        # glossari's rules, as the page says: glossari.terms.end_bases, each asked by steps
        # 3 to 5, a term found by a name it has in that language (term_names)
        from glossari.glossary import term_names
        from glossari.terms import end_bases

        for lang in ("ms", "en"):
            tried = set(keys(name))
            for base in end_bases(name, lang):
                for key in keys(base):
                    if key in tried:
                        continue
                    tried.add(key)
                    found = answer(by_key, key)
                    if found is not None and any(
                            key in keys(each) for each in term_names(glossary[found], lang)):
                        return found
        return None

    actions = {"id": lambda name: answer(_statement("FROM terms WHERE id = ?"), name),
               "target": target, "key": lambda name: answer(by_key, _page_key(name)),
               "reduplication": reduplication, "possessive": possessive, "bases": bases}

    def run(name: str, only: tuple[str, ...] | None = None) -> str | None:
        for step in _lookup_steps():
            if only is None or step in only:
                found = actions[step](name)
                if found is not None:
                    return found
        return None

    return run(text)


def test_the_pages_lookup_steps_are_lookup(root: Path) -> None:
    """The page's steps missed the possessive: `pelaburannya`, `Dividennya` or `OPR-nya`,
    which Glossary.lookup finds as a link text that only adds -nya is resolved, found no term."""
    glossary = _loaded(root)
    names = {"pelaburannya", "Dividennya", "hasilnya", "KWSP-nya", "Saham-saham nya", "hanya",
             "peniaga-peniaga brokernya", "/finra#x", "../Broker-Dealer.md",
             "\uff53\uff41\uff48\uff41\uff4d", "ekuiti-Ékuiti",
             unicodedata.normalize("NFD", "Ékuiti-ékuiti modalnya"), "\t/investment#jenis",
             "/Investment.HTML?q=1\n", "\u00a0../investment/#x"}
    for term in glossary:
        for value in (term.id, term.title, term.english.title, *term.names.aliases,
                      *term.names.acronyms, *term.names.link_texts, *term.names.slugs,
                      *term.names.english_variants):
            if value:
                names |= {value, value.upper(), f"{value}nya", f"{value}-nya", f"/{value}",
                          value.replace(" ", "-"), f"{value.split()[0]}-{value}",
                          f"{value}lah", f"{value}-nyakah", f"{value}s", f"{value}'s"}
    with _connect(root) as db:
        for name in sorted(names):
            try:
                expected: str | None = glossary.lookup(name).id
            except KeyError:
                expected = None
            assert _page_lookup(db, name, glossary) == expected, name
    assert glossary.lookup("pelaburannya").id == "investment"
    assert glossary.lookup("KWSP-nyalah").id == glossary.lookup("KWSP").id


@pytest.mark.parametrize("query", ["broker", "peniaga", "hasil", "Ékuiti", "3.25",
                                   "KWSP", "pedagang", "caruman", '"peniaga broker"', "Biasa",
                                   "risiko", "Lihat"])
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
    # the page's ranking SQL, with the page's snippet of each row
    snippet = re.search(r"`(snippet\(TABLE, [^`]*\))`", PAGE)
    assert snippet is not None
    sql = _statement("MATCH :match AND (:lang IS NULL").replace(
        "SELECT term_id, lang", f"SELECT term_id, lang, {snippet.group(1)}", 1)
    glossary = _loaded(root)

    def shown(text: str) -> str:  # as the page says a program shows a snippet
        text = text.replace("\u200b", "").replace("\ue02e", ".").replace("\ue02c", ",")
        text = text.replace("\ue12f", "/").replace("\ue126", "&")
        return re.sub("[ \n]\ue000(?=[ \n])|\ue000[ \n]?", "", text)

    for lang in (None, "ms", "en"):
        hits: list[tuple[str, str, str | None, str]] = []
        for field in ("headword", "name", "definition", "category", "body"):
            table = f"search_{field}"
            with _connect(root) as db:
                rows = db.execute(sql.replace("TABLE", table),
                                  {"match": match, "lang": lang}).fetchall()
            for term_id, row_lang, text in rows:
                if term_id not in {hit[0] for hit in hits}:
                    hits.append((term_id, field, row_lang, shown(text)))
        assert hits == [(h.id, h.field, h.lang, h.snippet)
                        for h in glossary.search(query, lang=lang)], lang


# --- freshness, by the page's steps ----------------------------------------------------------

def _checked_version() -> int:
    """The schema version "Checking it" tells a reader to require."""
    found = re.search(r"\*\*Checking it\.\*\* `PRAGMA user_version` is `(\d+)`", PAGE)
    assert found is not None
    return int(found.group(1))


def test_the_page_gives_one_schema_version_the_termbase_has(root: Path) -> None:
    """Every place the page states the schema version states the one a compiled termbase has:
    "Checking it" told a reader to require 7 once the schema was 8, so a program following the
    page refused every termbase compile wrote."""
    from glossari.termbase import SCHEMA_VERSION

    with _connect(root) as db:
        written = db.execute("PRAGMA user_version").fetchone()[0]
    stated = {int(v) for v in re.findall(r"`PRAGMA user_version(?: = |` is `)(\d+)`", PAGE)}
    heading = re.search(r"^## Schema \(version (\d+)\)", PAGE, re.MULTILINE)
    assert heading is not None
    stated.add(int(heading.group(1)))
    assert stated == {written} == {SCHEMA_VERSION} == {_checked_version()}


def _page_fresh(root: Path, db: sqlite3.Connection) -> str:
    """"Checking it", step by step: 'quick', 'careful' (fresh either way) or why it is stale."""
    if db.execute("PRAGMA user_version").fetchone()[0] != _checked_version():
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

    names.sort()
    sizes = [(root / n).stat().st_size for n in names]
    times = [(root / n).stat().st_mtime_ns for n in names]
    listed = hashlib.sha256("".join(f"{n}\0" for n in names).encode()
                            + struct.pack(f"<{len(sizes)}q", *sizes)
                            + struct.pack(f"<{len(times)}q", *times)).hexdigest()
    if meta["listing"] and listed == meta["listing"] and all(
            digest(n) == d for n, d in json.loads(meta["racy"] or "[]")):
        return "quick"
    recorded = dict(db.execute("SELECT name, sha256 FROM inputs"))
    if sorted(recorded) != sorted(names) or any(digest(n) != recorded[n] for n in names):
        return "inputs"
    schema = db.execute("PRAGMA user_version").fetchone()[0]
    whole = hashlib.sha256(f"glossari-termbase\0{schema}\0en\0{meta['code']}\0".encode())
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
    # still fresh, not rebuilt: only the new sizes and times are recorded, for the quick look
    assert main(["--root", str(copy), "compile", "-l", "en"]) == 0
    with _connect(root) as db:
        assert _page_fresh(root, db) == "quick"
    with _connect(copy) as db:
        assert _page_fresh(copy, db) == "quick"
    lock = copy / "locale" / "en" / "LC_MESSAGES" / ".#glossary.po"
    lock.symlink_to("penterjemah@hos.1234:1700000000")  # an editor's lock: no input
    with _connect(copy) as db:
        assert _page_fresh(copy, db) == "quick"
    _loaded(copy)
    article = copy / "seeds" / "hasil.md"
    article.write_text(article.read_text(encoding="utf-8").replace("4.5%", "4.6%"),
                       encoding="utf-8")
    with _connect(copy) as db:
        assert _page_fresh(copy, db) == "inputs"
    with pytest.warns(TermbaseWarning):
        glossari.load(copy, lang="en")


def test_the_pages_sql_blocks_run_and_answer_as_search(root: Path) -> None:
    """Every ```sql block of the page runs on a compiled termbase; the headword query gives the
    headword hits of Glossary.search, in its order."""
    blocks = re.findall(r"```sql\n(.*?)```", PAGE, re.DOTALL)
    assert blocks
    glossary = _loaded(root)
    with _connect(root) as db:
        for block in blocks:
            rows = db.execute(block.strip().rstrip(";")).fetchall()
            query = re.search(r"MATCH '\"(\w+)\"\*'", block)
            assert query is not None
            hits = [h for h in glossary.search(query.group(1), limit=20)
                    if h.field == "headword"]
            assert [(r[0], r[1], r[2]) for r in rows] == [(h.id, h.lang, h.snippet)
                                                         for h in hits]
            assert rows
