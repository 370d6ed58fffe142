"""One answer to "how much is translated": every reporter of coverage counts a translation
``render`` refuses (C203 links, C208 raw HTML, C209 unusable block) as untranslated, as the
rendered article, the API's English side, the tables, search and the site show it in Malay.

One glossary with translated, fuzzy, untranslated and refused messages; its counts asked of
``check`` (API, C200 per file, C201 per term, the summary line), ``update``'s summary, the
library's :class:`Translations`, the compiled termbase's ``coverage`` table, the site (term
pages, category pages, the chart, the index's headword counts), ``table`` and ``render``. The
rule's one home is :mod:`glossari.catalog.usable` (``entry_state``, ``message_state``).
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

import glossari
from glossari.catalog.pofile import PoFile, load_po, write_po
from glossari.catalog.translations import Coverage, load_translations
from glossari.checks import check
from glossari.glossary import load_glossary
from glossari.root import resolve_root
from tests._alignkit import cli

KOS = """---
title: Kos jualan
description: Kos langsung untuk menghasilkan barang.
keywords: Perakaunan, Kewangan
---

# Kos jualan

Kos jualan berkaitan dengan [untung kasar](/untungkasar) syarikat.

Kos ini termasuk bahan mentah.

## Memahami kos

Syarikat melaporkan kos jualan.

Syarikat melaporkan kos jualan.

- Bahan mentah dibeli
- Buruh langsung
"""

UNTUNG = """---
title: Untung kasar
description: Hasil tolak kos jualan.
keywords: Perakaunan
---

# Untung kasar

Untung kasar ialah hasil tolak [kos jualan](/kos).

Untung kasar menunjukkan kecekapan syarikat.
"""

TRANSLATED = {
    "Kos jualan": "Cost of sales",
    "Kos langsung untuk menghasilkan barang.": "The direct cost of producing goods.",
    "Perakaunan": "Accounting",
    "untung kasar": "gross profit",  # a link's text
    "Memahami kos": "Understanding cost",
    "Buruh langsung": "Direct labour",
    "Hasil tolak kos jualan.": "Revenue less the cost of sales.",
    "kos jualan": "cost of sales",  # a link's text
    "Untung kasar ialah hasil tolak [kos jualan](/kos).":
        "Gross profit is revenue less the [cost of sales](/kos).",
}
REFUSED = {
    # C208 on a category and on a headword: both stay Malay in every reader's view
    "Kewangan": "<b>Finance</b>",
    "Untung kasar": "Gross <i>profit</i>",
    # C203: the link leads elsewhere
    "Kos jualan berkaitan dengan [untung kasar](/untungkasar) syarikat.":
        "Cost of sales relates to a company's [gross profit](/grossprofit).",
    # C208: raw HTML
    "Kos ini termasuk bahan mentah.": "These costs include <img src=x onerror=alert(1)> goods.",
    # C209: a wrapped line would start a list
    "Untung kasar menunjukkan kecekapan syarikat.": "Gross profit shows how\n- efficient it is.",
}
FUZZY = {"Syarikat melaporkan kos jualan.": "The company reports the cost of sales."}
# "Bahan mentah dibeli" stays untranslated

# The one answer, by catalog file and by term (translated, fuzzy, untranslated, of which refused)
BY_FILE = {  # (translated, fuzzy, untranslated, refused)
    "glossary": (6, 0, 2, 2),
    "articles-k": (2, 1, 3, 2),
    "articles-u": (1, 0, 1, 1),
}
TOTAL = (9, 1, 6, 5)
BY_TERM = {  # each message of a term once (the repeated paragraph is one message)
    "kos": {"translated": 6, "fuzzy": 1, "untranslated": 4},
    "untungkasar": {"translated": 4, "untranslated": 2},
}


def _fill(root: Path) -> None:
    for path in sorted((root / "locale/en/LC_MESSAGES").glob("*.po")):
        po = load_po(path)
        entries = []
        for e in po.entries:
            if e.msgid in FUZZY:
                e = e.with_changes(msgstr=FUZZY[e.msgid], flags=("fuzzy",))
            elif e.msgid in TRANSLATED or e.msgid in REFUSED:
                e = e.reviewed({**TRANSLATED, **REFUSED}[e.msgid])
            entries.append(e)
        write_po(path, PoFile(header=po.header, entries=tuple(entries), trailer=po.trailer))


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("coverage")
    (base / "seeds").mkdir()
    (base / "seeds/kos.md").write_text(KOS, encoding="utf-8")
    (base / "seeds/untungkasar.md").write_text(UNTUNG, encoding="utf-8")
    for argv in (("extract",), ("update", "-l", "en")):
        code, _, err = cli(*argv, root=base)
        assert code == 0, err
    _fill(base)
    return base


def _said(text: str) -> tuple[int, int, int, int]:
    """(translated, total, fuzzy, untranslated) of a summary ``9/16 translated (56.2%), 1 fuzzy,
    6 untranslated``."""
    found = re.search(r"(\d+)/(\d+) translated \([\d.]+%\), (\d+) fuzzy, (\d+) untranslated",
                      text)
    assert found is not None, text
    t, n, f, u = (int(g) for g in found.groups())
    return t, n, f, u


def _as_said(c: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    translated, fuzzy, untranslated, _ = c
    return translated, translated + fuzzy + untranslated, fuzzy, untranslated


def _counts(c: Coverage) -> tuple[int, int, int, int]:
    return c.translated, c.fuzzy, c.untranslated, getattr(c, "refused", 0)


def test_check_counts_a_refused_translation_untranslated(root: Path) -> None:
    glossary = load_glossary(resolve_root(root), lang="en")
    report = check(glossary, resolve_root(root), ["en"])
    assert {lang: _counts(c) for lang, c in report.coverage} == {"en": TOTAL}
    per_file = {f.path.rsplit("/", 1)[1].removesuffix(".po"): f.message
                for f in report.findings if f.code == "C200"}
    assert {d: _said(m) for d, m in per_file.items()} == {
        d: _as_said(c) for d, c in BY_FILE.items()}
    assert "2 translations refused: C203, C204, C208, C209" in per_file["articles-k"]
    per_term = {f.term: f.message for f in report.findings if f.code == "C201"}
    assert {t: _said(m) for t, m in per_term.items()} == {
        t: (c.get("translated", 0), sum(c.values()), c.get("fuzzy", 0),
            c.get("untranslated", 0)) for t, c in BY_TERM.items()}
    # the refusals are reported where they are (C203, C204, C208, C209), as before
    codes = sorted(f.code for f in report.findings if f.code in ("C203", "C208", "C209"))
    assert codes == ["C203", "C208", "C208", "C208", "C209"]


def test_the_command_summaries_say_the_same(root: Path) -> None:
    code, _, err = cli("check", "-l", "en", root=root)
    assert code == 1  # the refusals are errors
    summary = err.strip().splitlines()[-1]
    assert _said(summary.split("en: ", 1)[1]) == _as_said(TOTAL), summary
    code, _, err = cli("update", "-l", "en", root=root)
    assert code == 0, err
    assert ("16 messages: 9 translated, 1 fuzzy, 6 untranslated (5 translations refused: "
            "C203, C204, C208, C209), 0 obsolete") in err


def test_the_library_and_the_termbase_say_the_same(root: Path) -> None:
    translations = load_translations(resolve_root(root), "en")
    assert {d: _counts(translations.coverage(d)) for d in translations.domains} == BY_FILE
    assert _counts(translations.coverage()) == TOTAL
    assert glossari.load(root, lang="en").coverage_source is not None
    code, _, err = cli("compile", "-l", "en", root=root)
    assert code == 0, err
    # the .mo holds every current translation, as msgfmt's would: named so, not "translated"
    assert "compile: 14 messages in the .mo files" in err
    with sqlite3.connect(root / "locale/en/glossari.sqlite") as db:
        rows = db.execute("SELECT domain, translated, fuzzy, untranslated, obsolete "
                          "FROM coverage ORDER BY domain").fetchall()
    assert rows == [(d, t, f, u, 0) for d, (t, f, u, _) in sorted(BY_FILE.items())]


def test_the_site_says_the_same(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, err = cli("site", "-l", "en", "-o", out, root=root)
    assert code == 0, err

    def counts(html: str) -> dict[str, int]:
        return {state: int(n) for state, n in
                re.findall(r'class="count status-(\w+)">(\d+) ', html)}

    for term, expected in BY_TERM.items():
        page = (out / "terms" / f"{term}.html").read_text(encoding="utf-8")
        row = page[page.index('id="status-en"'):]
        assert counts(row[:row.index("</tr>")]) == expected, term
    # a category's messages: the sum over its terms
    accounting = {"translated": 10, "fuzzy": 1, "untranslated": 6}
    page = (out / "categories" / "perakaunan.html").read_text(encoding="utf-8")
    stats = page[page.index('class="stats"'):]
    assert counts(stats[:stats.index("</p>")]) == accounting
    index = (out / "index-en.html").read_text(encoding="utf-8")
    chart = dict(re.findall(r"<title>Perakaunan: (\d+) (\w+) \(", index))
    assert {state: int(n) for n, state in chart.items()} == {
        "translated": 10, "fuzzy": 1, "untranslated": 6}
    # headwords: the refused one is untranslated, as in the table and the API
    heads = dict(re.findall(r'data-count="(\w+)"[^>]*><strong>(\d+)</strong>', index))
    assert (heads["translated"], heads["untranslated"]) == ("1", "1")


def test_the_table_the_api_and_render_say_the_same(root: Path, tmp_path: Path) -> None:
    code, out, err = cli("table", "-l", "en", "--format", "json", root=root)
    assert code == 0, err
    assert {r["id"]: (r["status"], r["en"]) for r in json.loads(out)} == {
        "kos": ("translated", "Cost of sales"), "untungkasar": ("untranslated", None)}
    glossary = glossari.load(root, lang="en")
    assert glossary["untungkasar"].english.status == "untranslated"
    assert glossary["kos"].english.categories == ("Accounting", None)
    # render counts an article's parts (each place, link texts aside): the same refusals
    code, out, err = cli("render", "-l", "en", "-o", tmp_path / "en", "--min-coverage", "0",
                         root=root)
    assert code == 0, err
    assert "kos.md (45%, 5 of 11 parts)" in out + err
    assert "untungkasar.md (60%, 3 of 5 parts)" in out + err
    assert err.count("kept the Malay") == 5
