"""A reference link is judged by its article's definitions by every reader, not by ``render``
alone.

``Kos ialah [hasil] tolak belanja.`` with ``[hasil]: /revenue`` in the article, translated ``Cost
is [revenue] less spending.``: the link is dead, and ``render`` kept the Malay, while the API's
English side (``Term.english``, from the sources and from the termbase), the tables, search, the
site, the counts (``check``'s C200/C201 and summary, ``Glossary.translations.coverage()``, the
termbase's ``coverage`` table) took the translation as given, and ``check`` only warned (C206).
The definitions are kept in :attr:`glossari.model.Term.definitions`
(:func:`glossari.seeds.markdown.reference_definitions`, the one home) and every judge passes
them to :func:`glossari.catalog.usable.unusable_translation`.

The same paragraph in ``kadar.md``, which defines no ``[hasil]`` (bracketed text there), keeps
its English: a body message is shared, a refusal is the article's.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import glossari
from tests._alignkit import cli, ok

MALAY = "Kos ialah [hasil] tolak belanja."
ENGLISH = "Cost is [revenue] less spending."

KOS = f"---\ntitle: Kos\ndescription: Harga.\n---\n\n# Kos\n\n{MALAY}\n\n[hasil]: /revenue\n"
KADAR = f"---\ntitle: Kadar\ndescription: Nisbah.\n---\n\n# Kadar\n\n{MALAY}\n"


def _po_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _translate(root: Path, msgid: str, msgstr: str) -> None:
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-k.po"
    text = po.read_text("utf-8")
    empty = f'msgid "{_po_quote(msgid)}"\nmsgstr ""'
    assert empty in text
    po.write_text(text.replace(empty, f'msgid "{_po_quote(msgid)}"\n'
                                      f'msgstr "{_po_quote(msgstr)}"'), "utf-8")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("refs") / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(KOS, encoding="utf-8")
    (root / "seeds" / "kadar.md").write_text(KADAR, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    _translate(root, MALAY, ENGLISH)
    return root


@pytest.fixture
def root(prepared: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "g"
    shutil.copytree(prepared, copy)
    return copy


def _blocks(glossary: glossari.Glossary, term: str) -> list[str]:
    return [b.text for s in glossary[term].english.sections for b in s.blocks]


def _load(root: Path) -> glossari.Glossary:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return glossari.load(root, lang="en")


def test_the_term_keeps_its_definitions(root: Path) -> None:
    from glossari.render import reference_definitions  # what render judges by: the same

    glossary = _load(root)
    assert glossary["kos"].definitions == "[hasil]: /revenue"
    assert glossary["kos"].definitions == reference_definitions(KOS)
    assert glossary["kadar"].definitions == ""
    ok("compile", "-l", "en", root=root)
    assert _load(root)["kos"] == glossary["kos"]  # stored in the termbase's JSON


def test_judging_twice_counts_once(root: Path) -> None:
    from glossari.catalog.usable import definitions_by_message

    glossary = _load(root)
    translations = glossary.translations
    assert translations is not None
    once = translations.coverage()
    translations.judge_definitions(definitions_by_message(glossary))
    assert translations.coverage() == once
    translations.judge_definitions({})
    assert translations.coverage().refused == once.refused - 1


def test_render_and_the_api_agree(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert MALAY in (out / "kos.md").read_text("utf-8")
    assert ENGLISH in (out / "kadar.md").read_text("utf-8")
    for compiled in (False, True):
        if compiled:
            ok("compile", "-l", "en", root=root)
        glossary = _load(root)
        assert _blocks(glossary, "kos") == [MALAY], compiled
        assert _blocks(glossary, "kadar") == [ENGLISH], compiled


def test_check_reports_an_error_and_counts_it_refused(root: Path) -> None:
    _code, stdout, stderr = cli("check", "-l", "en", "--format", "json", root=root)
    findings = json.loads(stdout)
    [entry] = [f for f in findings if f["code"] in ("C203", "C206")]
    assert entry["code"] == "C203"
    assert entry["severity"] == "error"
    [c200] = [f["message"] for f in findings
              if f["code"] == "C200" and f["path"].endswith("articles-k.po")]
    assert c200.startswith("articles-k: 0/1 translated")
    assert "1 translation refused" in c200
    c201 = {f["term"]: f["message"] for f in findings if f["code"] == "C201"}
    assert "1 translation refused" in c201["kos"]  # its reader gets the Malay
    assert "refused" not in c201["kadar"]  # its reader gets the English
    assert "(1 translation refused" in stderr


def test_the_library_and_the_termbase_count_it_refused(root: Path) -> None:
    coverage = _load(root).translations
    assert coverage is not None
    counts = coverage.coverage("articles-k")
    assert (counts.translated, counts.untranslated, counts.refused) == (0, 1, 1)
    ok("compile", "-l", "en", root=root)
    with sqlite3.connect(root / "locale" / "en" / "glossari.sqlite") as db:
        row = db.execute("SELECT translated, untranslated FROM coverage "
                         "WHERE domain = 'articles-k'").fetchone()
    assert row == (0, 1)


def test_the_site_agrees(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    ok("site", "-l", "en", "-o", out, root=root)
    kos = (out / "terms" / "kos.html").read_text("utf-8")
    assert "Cost is" not in kos
    assert re.search(r'class="state-untranslated"><span class="mark '
                     r'mark-untranslated">.*?</span> Kos ialah', kos)
    kadar = (out / "terms" / "kadar.html").read_text("utf-8")
    assert "Cost is" in kadar


def test_the_site_follows_a_reference_link_by_its_article_s_definitions(
        root: Path, tmp_path: Path) -> None:
    """A term page's reference link leads where the article's definition says, in the Malay
    and in a translation that keeps its label (a block is rendered alone: it was the bracketed
    text ``[hasil]``); in an article that defines no ``[hasil]`` it stays text."""
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-k.po"
    po.write_text(po.read_text("utf-8").replace(
        ENGLISH, "Cost is [revenue][hasil] less spending."), "utf-8")
    out = tmp_path / "site"
    ok("site", "-l", "en", "-o", out, root=root)
    kos = (out / "terms" / "kos.html").read_text("utf-8")
    assert 'Kos ialah <a href="revenue.html">hasil</a> tolak belanja.' in kos
    assert 'Cost is <a href="revenue.html">revenue</a> less spending.' in kos
    assert "[hasil]" not in kos
    kadar = (out / "terms" / "kadar.html").read_text("utf-8")
    assert "Kos ialah [hasil] tolak belanja." in kadar
    assert "Cost is [revenue][hasil] less spending." in kadar


def test_a_kept_label_is_a_translation(root: Path) -> None:
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-k.po"
    po.write_text(po.read_text("utf-8").replace(
        ENGLISH, "Cost is [revenue][hasil] less spending."), "utf-8")
    glossary = _load(root)
    assert _blocks(glossary, "kos") == ["Cost is [revenue][hasil] less spending."]
    _code, stdout, _ = cli("check", "-l", "en", "--format", "json", root=root)
    assert not [f for f in json.loads(stdout) if f["code"] in ("C203", "C206")]


def test_no_definition_no_link(root: Path) -> None:
    """Without the definition `[hasil]` is bracketed text: the translation stands everywhere,
    and a changed shortcut is a warning (C206), as before."""
    kos = root / "seeds" / "kos.md"
    kos.write_text(KOS.replace("\n[hasil]: /revenue\n", ""), "utf-8")
    glossary = _load(root)
    assert _blocks(glossary, "kos") == [ENGLISH]
    _code, stdout, _ = cli("check", "-l", "en", "--format", "json", root=root)
    assert [f["code"] for f in json.loads(stdout) if f["code"] in ("C203", "C206")] == ["C206"]


def test_an_edited_article_with_definitions_rebuilds_the_counts(root: Path) -> None:
    """An update in place rewrites no catalog's counts: an article whose definitions judge
    them makes compile write the termbase whole, as a fresh build would."""
    ok("compile", "-l", "en", root=root)
    kos = root / "seeds" / "kos.md"
    kos.write_text(KOS.replace("\n[hasil]: /revenue\n", ""), "utf-8")
    _code, _out, err = cli("compile", "-l", "en", root=root)
    assert "termbase en written" in err
    with sqlite3.connect(root / "locale" / "en" / "glossari.sqlite") as db:
        row = db.execute("SELECT translated, untranslated FROM coverage "
                         "WHERE domain = 'articles-k'").fetchone()
    assert row == (1, 0)


def test_a_message_is_judged_by_the_definitions_it_names_not_all_of_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # every definition of the article was parsed again with each message: 500 definitions
    # and 500 translated paragraphs took 73 s in check, 1,000 took 296 s
    from glossari.catalog import usable

    parsed: list[int] = []
    real = usable.links_and_html

    def counting(text: str) -> tuple[tuple[str, str], ...]:
        parsed.append(len(text))
        return real(text)

    monkeypatch.setattr(usable, "links_and_html", counting)
    references = "\n".join(f"[hasil{i}]: /hasil-{i}" for i in range(2000))
    for i in range(0, 2000, 40):
        msgid = f"Teks {i} tentang [hasil{i}]."
        assert usable.unusable_translation(msgid, f"Text {i} about [hasil{i}].", block=True,
                                           references=references) is None
        assert usable.unusable_translation(msgid, f"Text {i} about [revenue].", block=True,
                                           references=references) is not None
    # the definitions read once for the article, then only those a message names
    assert sum(parsed) < 2 * len(references)


_LABELS = st.text(alphabet="aA\u00df\u1e9e \t\\[]x<!-`\n", min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(defined=st.lists(_LABELS, max_size=4), source=_LABELS, other=_LABELS)
def test_the_named_definitions_judge_as_all_of_them(defined: list[str], source: str,
                                                    other: str) -> None:
    # the oracle: the links of both texts read with every definition of the article
    from glossari.catalog import usable
    from glossari.seeds.markdown import links_and_html, reference_definitions

    references = reference_definitions(
        "".join(f"[{label}]: /t{i}\n" for i, label in enumerate(defined)))

    def differ(msgid: str, msgstr: str, refs: str) -> bool:
        shared = links_and_html(refs)
        theirs = usable._without(links_and_html(msgstr + "\n\n" + refs), shared)
        ours = usable._without(links_and_html(msgid + "\n\n" + refs), shared)
        return usable._compared(theirs) != usable._compared(ours)

    msgid, msgstr = f"Teks [{source}] dan [x][{other}].", f"Text [{other}] and [{source}]."
    named = usable._named_definitions(references, msgid, msgstr)
    assert differ(msgid, msgstr, named) == differ(msgid, msgstr, references)


_DEFINITION_PIECES = st.sampled_from([
    "Kos ialah [hasil] tolak [belanja][b].", "[hasil]: /revenue", "[b]: /expense 'Belanja'",
    "> [s]: /stock \"Saham biasa\"", "- [p]: /investment\n- Pelaburannya kukuh.",
    "[e]:\n  /equity", "```\n[k]: /kod\n```", "    [i]: /indented", "[hasil]: /again",
    "<!--\n\n[c]: /commented\n\n-->", "<pre>\n\n[r]: /pre\n\n</pre>", "Teks <b>tebal</b>.",
    "> > > [d]: /deep", "[HASIL]: /upper", "[ruang  dua]: </a b>",
])


@given(st.lists(_DEFINITION_PIECES, min_size=1, max_size=6),
       st.sampled_from(["", "aliases: PB\n", "description: |\n  Teks.\n\n  [f]: /front\n"]))
@settings(max_examples=80, deadline=None)
def test_the_reader_s_definitions_are_reference_definitions_of_the_article(
        pieces: list[str], front: str) -> None:
    """Property: the definitions the reader takes from the body's one parse are exactly
    reference_definitions' and reference_definition_lines' of the whole article, raw HTML,
    code, quotes, lists and the front matter included."""
    from glossari.seeds.article import parse_article
    from glossari.seeds.markdown import reference_definition_lines, reference_definitions

    text = f"---\ntitle: Kos jualan\n{front}---\n\n# Kos jualan\n\n" + "\n\n".join(pieces) + "\n"
    term = parse_article(text, term_id="kos-jualan", source="seeds/kos-jualan.md")
    assert (term.definitions, term.definition_lines) == (
        reference_definitions(text), reference_definition_lines(text))


def test_an_article_with_definitions_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader took an article's definitions from a second parse of the whole article (0.9
    ms each: 27 s more per cold build of 30,000 such articles); the body's parse gives them."""
    from glossari.seeds import markdown
    from glossari.seeds.article import parse_article

    def second_parse(text: str) -> None:
        raise AssertionError("the article was parsed a second time for its definitions")

    monkeypatch.setattr(markdown, "_definitions", second_parse)
    monkeypatch.setattr(markdown, "_link_parser", second_parse)
    text = ("---\ntitle: Saham\n---\n\nPeniaga broker menjual [saham-saham][s] dan "
            "[pelaburannya][p].\n\n> [p]: /investment\n\n[s]:\n  /stock \"Saham\"\n")
    term = parse_article(text, term_id="saham", source="seeds/saham.md")
    assert (term.definitions, term.definition_lines) == (
        '[p]: /investment\n[s]: /stock "Saham"', (7, 9))
    assert [(link.text, link.target) for link in term.links] == [
        ("saham-saham", "stock"), ("pelaburannya", "investment")]
