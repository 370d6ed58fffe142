"""A link's text translated as nothing visible is no name, for every reader.

``msgctxt "/stock" msgid "saham" msgstr "\\u200b"`` (the character itself in the catalog; a
no-break space, U+2060, U+FEFF or a soft hyphen alone alike) became the English headword of the
link-only term: ``show stock`` printed ``en:`` and nothing, ``table`` had it translated, and
every count had it translated. One rule (``glossari.catalog.usable.refused``) refuses it, so the
term keeps its suggestion, the counts have it untranslated, and ``check`` says so (C209).
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from pathlib import Path

import pytest
from _alignkit import cli, ok
from hypothesis import given, settings
from hypothesis import strategies as st

import glossari
from glossari.catalog.usable import message_state, refused
from glossari.text import has_visible_text

ARTICLES = {
    "pasaran-saham": (
        "---\ntitle: Pasaran Saham\ndescription: Tempat saham diniagakan.\n"
        "keywords: Pasaran Modal\n---\n\n"
        "Pasaran saham ialah tempat [saham](/stock) dibeli oleh [peniaga broker](/broker-dealer).\n"
    ),
    "peniaga-broker": (
        "---\ntitle: Peniaga Broker\naliases: broker\ndescription: Firma yang berdagang.\n"
        "keywords: Pasaran Modal\n---\n\n"
        "Peniaga broker membeli [saham-saham](/stock) dan [pelaburannya](/stock).\n"
    ),
}

INVISIBLE = ["\u200b", "\u00a0", "\u2060", "\ufeff", "\u00ad", " \u200b\u00a0\u2060 "]


def _translate(po: Path, translations: dict[tuple[str, str], str]) -> None:
    text = po.read_text(encoding="utf-8")
    for (context, msgid), msgstr in translations.items():
        entry = f'msgctxt "{context}"\nmsgid "{msgid}"\nmsgstr ""'
        assert entry in text, (context, msgid)
        text = text.replace(entry, entry[:-2] + f'"{msgstr}"')
    po.write_text(text, encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    invisible: str = request.param
    root = tmp_path / "glosari"
    (root / "seeds").mkdir(parents=True)
    for stem, text in ARTICLES.items():
        (root / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    _translate(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po", {
        ("pasaran-saham", "Pasaran Saham"): "Stock Market",
        ("peniaga-broker", "Peniaga Broker"): "Broker-Dealer",
        ("/stock", "saham"): invisible,
        ("/stock", "saham-saham"): invisible,
        ("/stock", "pelaburannya"): invisible,
        ("/broker-dealer", "peniaga broker"): invisible,
    })
    return root


def _stock_row(root: Path) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(ok("table", "--format", "csv", root=root))))
    [row] = [r for r in rows if r["id"] == "stock"]
    return row


@pytest.mark.parametrize("root", INVISIBLE, indirect=True)
def test_a_links_text_showing_nothing_is_no_name(root: Path) -> None:
    # no English name from it: the link-only term keeps its suggestion, the article none
    shown = ok("show", "stock", root=root)
    assert re.search(r"^  en: stock \(suggested\)$", shown, re.M), shown
    row = _stock_row(root)
    assert (row["en"], row["status"]) == ("stock", "suggested")
    glossary = glossari.load(root, lang="en")
    assert glossary["peniaga-broker"].names.english_variants == ()
    assert glossary["stock"].english.status == "suggested"
    # every count has the four link texts untranslated, and check says why
    code, out, _ = cli("check", root=root)
    assert code == 1
    said = [line for line in out.splitlines() if ": C209: " in line]
    assert len(said) == 4, out
    assert all("the term takes no English name from it, and it counts untranslated" in line
               for line in said)
    assert re.search(r"C200: glossary: 2/\d+ translated .*\(4 translations refused", out), out
    # the termbase answers the same
    ok("compile", "-l", "en", root=root)
    db = sqlite3.connect(root / "locale" / "en" / "glossari.sqlite")
    try:
        assert db.execute("SELECT translated FROM coverage "
                          "WHERE domain = 'glossary'").fetchone() == (2,)
        names = [name for (name,) in db.execute("SELECT name FROM names")]
        assert all(has_visible_text(name) for name in names), names
    finally:
        db.close()
    assert re.search(r"^  en: stock \(suggested\)$", ok("show", "stock", root=root), re.M)
    assert _stock_row(root)["status"] == "suggested"


_SHOWS_NOTHING = st.text(st.sampled_from(" \t\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad\u3000"
                                         "\u2028\u180e"), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(_SHOWS_NOTHING, st.text(min_size=1, max_size=6).filter(has_visible_text))
def test_one_rule_for_a_links_text(blank: str, name: str) -> None:
    """A link's text is refused exactly when it shows nothing: any HTML or open bracket it
    holds is still a name as written (C208, C209 say so)."""
    for msgstr, no_name in ((blank, True), (blank + name + blank, False)):
        assert refused("glossary", "/stock", "saham", msgstr, block=False) is no_name
        assert message_state("glossary", "/stock", "saham", msgstr, "translated",
                             block=False) == ("untranslated" if no_name else "translated")
