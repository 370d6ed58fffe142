"""``glossari align``: catalogs filled from translated articles (issue 4)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import glossari
from glossari.align.pairing import StructureMismatch, pair_articles
from glossari.catalog.messages import iter_messages
from glossari.catalog.pofile import load_po
from glossari.model import Status, Term
from glossari.render import render_article
from glossari.seeds.article import parse_article
from glossari.seeds.source import decode_article
from tests._alignkit import (
    PARALLEL,
    SEED_EN,
    catalogs,
    cli,
    ok,
    parallel_root,
    prepared,
    seed_root,
)
from tests._catalog_oracles import check_written

EXPECTED = json.loads((PARALLEL / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def aligned(tmp_path: Path) -> Path:
    """The parallel set after extract, update -l en and align -l en."""
    root = prepared(parallel_root(tmp_path))
    ok("align", "-l", "en", PARALLEL / "en", root=root)
    return root


def test_every_headword_pair_and_link(aligned: Path) -> None:
    g = glossari.load(aligned)
    for term_id, want in EXPECTED.items():
        term = g[term_id]
        assert (term.title, term.en_title, term.english.status) == (
            want["ms"], want["en"], "translated")
        assert g.lookup(want["en"]).id == term_id
        assert [r.link.target for r in g.links_from(term_id)] == want["links"]
        for ref in g.links_from(term_id):
            # a target with an article leads to it: no link-only entry for it remains
            assert ref.target is not None
            assert ref.target.kind == ("article" if ref.link.target in EXPECTED else "link")
    link_only = sorted(t.id for t in g if t.kind == "link")
    assert link_only == ["mutualfund", "securities"]
    # the translator's link texts now give their English, not the slug
    assert (g["securities"].en_title, g["securities"].english.status) == (
        "securities", "translated")


def test_catalogs_are_complete_and_gettext_clean(aligned: Path) -> None:
    for name in catalogs(aligned):
        path = aligned / "locale" / "en" / "LC_MESSAGES" / name
        check_written(path)
        po = load_po(path)
        assert all(e.translated for e in po.current), name
    assert all("python-format" not in e.flags
               for e in load_po(aligned / "locale/en/LC_MESSAGES/articles-h.po").entries)


def test_a_second_run_changes_nothing(aligned: Path) -> None:
    before = catalogs(aligned)
    out = ok("align", "-l", "en", PARALLEL / "en", root=aligned)
    assert "no catalog changed" in out
    assert catalogs(aligned) == before


def test_inflected_link_texts_keep_the_first_and_say_so(tmp_path: Path) -> None:
    root = prepared(parallel_root(tmp_path))
    code, _, err = cli("align", "-l", "en", PARALLEL / "en", root=root)
    assert code == 0
    assert "kept the catalog's 'investment advisor' for 'penasihat pelaburan' (this file " \
           "says 'investment advisors')" in err


def _mismatched(tmp_path: Path) -> Path:
    """A copy of en/ whose primebrokerage.md turns its first list item into a paragraph."""
    folder = tmp_path / "en"
    shutil.copytree(PARALLEL / "en", folder)
    path = folder / "primebrokerage.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- Custody of assets", "Custody of assets", 1),
                    encoding="utf-8")
    return folder


def test_structure_mismatch_writes_nothing_from_that_file(tmp_path: Path) -> None:
    folder = _mismatched(tmp_path)
    root = prepared(parallel_root(tmp_path))
    code, out, err = cli("align", "-l", "en", folder, root=root)
    assert code == 2
    line = next(n for n, text in enumerate(
        (PARALLEL / "ms" / "primebrokerage.md").read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("- Jagaan aset"))
    assert f"seeds/primebrokerage.md:{line} (item) vs {folder}/primebrokerage.md:{line} " \
           "(paragraph)" in err
    assert "nothing from" in err
    g = glossari.load(root)
    # the other files were aligned; nothing came from primebrokerage.md
    assert g["hedgefund"].en_title == "Hedge fund"
    assert g["primebrokerage"].english.status == "untranslated"
    po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po")
    assert not [e for e in po.current if e.msgstr]
    assert "primebrokerage.md: " not in out


def test_a_mismatch_alone_leaves_every_catalog_byte_for_byte(tmp_path: Path) -> None:
    folder = tmp_path / "only"
    folder.mkdir()
    shutil.copy(_mismatched(tmp_path) / "primebrokerage.md", folder)
    root = prepared(parallel_root(tmp_path))
    before = catalogs(root)
    assert cli("align", "-l", "en", folder, root=root)[0] == 2
    assert catalogs(root) == before


def test_a_broken_catalog_found_late_leaves_every_catalog_as_it_was(tmp_path: Path) -> None:
    # align fills one catalog at a time: the ones filled before the broken one must not be
    # written either, and no temporary file may stay behind
    root = prepared(parallel_root(tmp_path))
    folder = root / "locale" / "en" / "LC_MESSAGES"
    last = sorted(folder.glob("articles-*.po"))[-1]
    last.write_bytes(last.read_bytes() + b'\nmsgid "unterminated\n')
    before = catalogs(root)
    code, _, err = cli("align", "-l", "en", PARALLEL / "en", root=root)
    assert code == 2
    assert f"{last.name}:" in err
    assert catalogs(root) == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)


def _term(text: str, name: str = "x", source: str = "seeds/x.md") -> Term:
    return parse_article(text, term_id=name, source=source)


@pytest.mark.parametrize(("malay", "english", "message"), [
    ("# A\n\n## B\n\nTeks.\n", "# A\n\n### B\n\nText.\n",
     "seeds/x.md:7 (heading level 2) vs en/x.md:7 (heading level 3)"),
    ("# A\n\nTeks.\n\n- satu\n", "# A\n\nText.\n",
     "seeds/x.md:9 (item) vs en/x.md (end of file)"),
    ("# A\n\nTeks.\n", "# A\n\nText.\n\n> More.\n",
     "seeds/x.md (end of file) vs en/x.md:9 (quote)"),
])
def test_mismatch_messages(malay: str, english: str, message: str) -> None:
    front = "---\ntitle: A\n---\n\n"
    with pytest.raises(StructureMismatch) as caught:
        pair_articles(_term(front + malay), _term(front + english, source="en/x.md"))
    assert message in str(caught.value)


def test_keyword_count_mismatch() -> None:
    src = _term("---\ntitle: A\nkeywords: Satu, Dua\n---\nTeks.\n")
    dst = _term("---\ntitle: A\nkeywords: One\n---\nText.\n", source="en/x.md")
    with pytest.raises(StructureMismatch, match="keywords differ in number"):
        pair_articles(src, dst)
    # one keyword is said in the singular (it said '1 keywords')
    with pytest.raises(StructureMismatch) as caught:
        pair_articles(_term("---\ntitle: A\nkeywords: Insurans\n---\nTeks.\n"),
                      _term("---\ntitle: A\nkeywords: [Insurance, Life]\n---\nText.\n",
                            source="en/y.md"))
    assert "seeds/x.md:3 (1 keyword) vs en/y.md:3 (2 keywords)" in str(caught.value)


def test_link_pairs_need_the_same_target() -> None:
    src = _term("---\ntitle: A\n---\n[satu](/one) dan [dua](/two).\n")
    dst = _term("---\ntitle: A\n---\n[one](/One) and [three](/three).\n", source="en/x.md")
    pairing = pair_articles(src, dst)
    keys = dict(pairing.translations)
    assert keys[("glossary", "/one", "satu")] == "one"
    assert ("glossary", "/two", "dua") not in keys
    assert any("does not link /two" in n for n in pairing.notes)


def test_links_moved_by_english_word_order_pair_by_target() -> None:
    """English moves links: `[dua](/two) ... [satu](/one)` read as `[one] ... [two]` lost
    both link texts (pairing was by position), although the block itself was taken."""
    src = _term("---\ntitle: A\n---\n[satu](/one) dibanding [dua](/two) dan [tiga](/one).\n")
    dst = _term("---\ntitle: A\n---\nCompared with [two](/two), [one](/one) and [three](/one)."
                "\n", source="en/x.md")
    pairing = pair_articles(src, dst)
    keys = dict(pairing.translations)
    assert keys[("glossary", "/one", "satu")] == "one"
    assert keys[("glossary", "/two", "dua")] == "two"
    assert keys[("glossary", "/one", "tiga")] == "three"
    assert pairing.notes == ()


def test_existing_translations_are_kept_unless_forced(tmp_path: Path) -> None:
    root = prepared(seed_root(tmp_path))
    glossary_po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = glossary_po.read_text(encoding="utf-8")
    marker = 'msgctxt "accountexecutive"\nmsgid "Eksekutif akaun"\nmsgstr ""'
    assert marker in text
    glossary_po.write_text(text.replace(marker, marker[:-2] + '"Account manager"'),
                           encoding="utf-8")
    code, out, _ = cli("align", "-l", "en", SEED_EN, root=root)
    assert code == 0
    assert "1 kept" in out
    assert glossari.load(root)["accountexecutive"].en_title == "Account manager"
    ok("align", "-l", "en", "--force", SEED_EN, root=root)
    assert glossari.load(root)["accountexecutive"].en_title == "Account executive"


def test_fuzzy_translation_is_replaced_only_with_force(tmp_path: Path) -> None:
    root = prepared(seed_root(tmp_path))
    path = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = path.read_text(encoding="utf-8")
    marker = 'msgctxt "/finra"\nmsgid "FINRA ), terpakai kepada"\nmsgstr ""'
    path.write_text(text.replace(marker, "#, fuzzy\n" + marker[:-2] + '"FINRA rule"'),
                    encoding="utf-8")
    ok("align", "-l", "en", SEED_EN, root=root)
    assert glossari.load(root)["finra"].english.status == "fuzzy"
    ok("align", "-l", "en", "--force", SEED_EN, root=root)
    finra = glossari.load(root)["finra"]
    assert (finra.en_title, finra.english.status) == ("FINRA", "translated")
    check_written(path)


def test_the_malay_that_render_left_is_not_taken_as_english(tmp_path: Path) -> None:
    """``render`` keeps the Malay where the catalogs have no English; a translator who edits
    only the title of its output and hands it back must not get every other text written as
    "translated English" (the table then gave Malay as the approved English headword)."""
    root = prepared(seed_root(tmp_path))
    out = tmp_path / "en"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    [page] = out.glob("*.md")
    text = page.read_text(encoding="utf-8")
    assert "title: Eksekutif akaun" in text
    page.write_text(text.replace("title: Eksekutif akaun", "title: Account executive", 1),
                    encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (root / "locale" / "en" / "LC_MESSAGES").iterdir()
              if p.name != "glossary.po"}
    code, out_text, _ = cli("align", "-l", "en", out, root=root)
    assert code == 0
    assert "1 filled" in out_text
    untouched = int(out_text.split(" still in Malay")[0].rsplit(" ", 1)[1])
    assert untouched > 10
    term = glossari.load(root)["accountexecutive"]
    assert (term.en_title, term.english.status) == ("Account executive", "translated")
    assert term.english.description is None
    translated = [e.msgid for e in load_po(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")
                  .current if e.has_translation]
    assert translated == ["Eksekutif akaun"]
    assert {p.name: p.read_bytes() for p in (root / "locale" / "en" / "LC_MESSAGES").iterdir()
            if p.name != "glossary.po"} == before


def test_two_files_disagreeing_on_a_shared_message_keep_the_first_even_forced(
        tmp_path: Path) -> None:
    """Body text has no msgctxt: `Sorotan` of two articles is one message. With --force the
    last file silently replaced the first file's translation, and every further --force run
    said '1 filled' for both files while the catalog flipped."""
    from tests._catalog_oracles import make_root

    def seed(title: str) -> str:
        return f"---\ntitle: {title}\n---\n\n{title} ialah aset.\n\n## Sorotan\n\n- Aset.\n"

    root = prepared(make_root(tmp_path, {"bon": seed("Bon"), "bursa": seed("Bursa")}))
    folder = tmp_path / "en"
    folder.mkdir()
    for stem, title, heading in (("bon", "Bond", "Key Takeaways"),
                                 ("bursa", "Exchange", "Highlights")):
        (folder / f"{stem}.md").write_text(
            f"---\ntitle: {title}\n---\n\n{title} is an asset.\n\n## {heading}\n\n- Asset.\n",
            encoding="utf-8")
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-b.po"
    for force in ((), ("--force",), ("--force",)):
        code, _, err = cli("align", "-l", "en", *force, folder, root=root)
        assert code == 0, err
        assert {e.msgid: e.msgstr for e in load_po(po).current}["Sorotan"] == "Key Takeaways"
        assert "en/bursa.md: kept " in err
        assert "(this file says 'Highlights')" in err
    assert "replaced" not in err


def test_force_says_whose_translation_it_replaces(tmp_path: Path) -> None:
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"bon": "---\ntitle: Bon\n---\n\nBon ialah hutang.\n"}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "bon.md").write_text("---\ntitle: Bond\n---\n\nA bond is a debt.\n",
                                   encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    (folder / "bon.md").write_text("---\ntitle: Bond\n---\n\nA bond is debt.\n",
                                   encoding="utf-8")
    code, out, err = cli("align", "-l", "en", "--force", folder, root=root)
    assert code == 0, err
    assert ("replaced the catalog's 'A bond is a debt.' for 'Bon ialah hutang.' with "
            "'A bond is debt.' (--force)") in err
    assert "1 filled" in out


def test_the_malay_rewrapped_by_an_editor_is_not_taken_as_english(tmp_path: Path) -> None:
    """An editor that reflows the file handed back (a quote's two lines joined, a paragraph
    wrapped) left the Malay word for word, yet align wrote it as the English translation."""
    from tests._catalog_oracles import make_root

    seed = ("---\ntitle: Kecairan\n---\n\nKecairan ialah kemudahan menukar aset kepada "
            "tunai. Ia penting bagi pelabur.\n\n> Pasaran yang cair mempunyai ramai pembeli.\n"
            "> Harga lebih stabil.\n")
    root = prepared(make_root(tmp_path, {"kecairan": seed}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "kecairan.md").write_text(
        "---\ntitle: Liquidity\n---\n\nKecairan ialah kemudahan menukar aset kepada tunai.\n"
        "Ia penting bagi pelabur.\n\n> Pasaran yang cair mempunyai ramai pembeli. Harga lebih "
        "stabil.\n", encoding="utf-8")
    code, out, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    assert "1 filled, 2 still in Malay" in out
    po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-k.po")
    assert not [e.msgid for e in po.current if e.has_translation]


def test_a_translation_render_would_refuse_is_not_taken(tmp_path: Path) -> None:
    """A paragraph whose link the translator pointed elsewhere was written (exit 0), then
    `check` reported C203 as an error and `render` kept the Malay: the commands disagreed."""
    root = prepared(seed_root(tmp_path))
    out = tmp_path / "en"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    [page] = out.glob("*.md")
    text = page.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    # the first body paragraph holding an internal link: translated, its target changed
    at = next(i for i, line in enumerate(lines) if "](/" in line and not line.startswith("#"))
    target = lines[at].split("](/", 1)[1].split(")", 1)[0]
    lines[at] = lines[at].replace(f"](/{target})", f"](/{target}-changed)", 1)
    lines[at] = "Translated: " + lines[at]
    page.write_text("".join(lines).replace("title: Eksekutif akaun", "title: Account executive"),
                    encoding="utf-8")
    code, out_text, err = cli("align", "-l", "en", out, root=root)
    assert code == 0
    assert "1 not taken" in out_text
    assert f"differ from the source's ['/{target}'" in err
    assert "C203" not in cli("check", "-l", "en", "--format", "json", root=root)[1]
    assert glossari.load(root)["accountexecutive"].en_title == "Account executive"


def test_a_translation_its_message_s_format_flag_refuses_is_not_taken(tmp_path: Path) -> None:
    """A headword a translator flagged python-brace-format, translated 'Account {executive}'
    in the article: it was written (exit 0), and compile, every command and msgfmt --check
    then refused the catalog."""
    from dataclasses import replace

    from glossari.catalog.pofile import encode_po

    root = prepared(seed_root(tmp_path))
    path = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    po = load_po(path)
    key = ("accountexecutive", "Eksekutif akaun")
    po = replace(po, entries=tuple(e.with_changes(flags=("python-brace-format",))
                                   if e.key == key else e for e in po.entries))
    path.write_bytes(encode_po(po, path=path))
    out = tmp_path / "en"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    [page] = out.glob("*.md")
    page.write_text(page.read_text(encoding="utf-8").replace(
        "title: Eksekutif akaun", "title: Account {executive}"), encoding="utf-8")
    code, out_text, err = cli("align", "-l", "en", out, root=root)
    assert code == 0, err
    assert "1 not taken" in out_text
    assert "python-brace-format: msgstr uses argument 'executive'" in err
    assert load_po(path).by_key()[key].msgstr == ""
    ok("compile", "-l", "en", root=root)
    check_written(path)


def test_a_rewrapped_paragraph_is_taken_and_rendered(tmp_path: Path) -> None:
    """An editor rewraps the English at 72 columns and a line starts `1967.`: align, render
    and check must agree on it. Render kept the Malay (and check reported C209, an error) for
    a line CommonMark reads as the paragraph's continuation, after align had written it."""
    from tests._catalog_oracles import make_root

    seed = ("---\ntitle: Cukai pendapatan\n---\n\nCukai pendapatan ditadbir oleh LHDN di bawah "
            "Akta Cukai Pendapatan 1967.\n")
    root = prepared(make_root(tmp_path, {"cukaipendapatan": seed}))
    folder = tmp_path / "en"
    folder.mkdir()
    english = "Income tax is administered by LHDN under the Income Tax Act\n1967."
    (folder / "cukaipendapatan.md").write_text(
        "---\ntitle: Income tax\n---\n\n" + english + "\n", encoding="utf-8")
    code, out, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    assert "not taken" not in out
    po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-c.po")
    [entry] = [e for e in po.current if e.msgid.startswith("Cukai pendapatan ditadbir")]
    assert entry.msgstr == english
    rendered = tmp_path / "out"
    code, _, err = cli("render", "-l", "en", "-o", rendered, root=root)
    assert "kept the Malay" not in err
    assert english in (rendered / "cukaipendapatan.md").read_text(encoding="utf-8")
    assert "C209" not in cli("check", "-l", "en", "--format", "json", root=root)[1]


def test_a_paragraph_of_code_alone_is_taken(tmp_path: Path) -> None:
    """Code is copied, never translated: a paragraph that is one code span is the same in
    both languages, like `FINRA`, and was left untranslated as "still in Malay" for good."""
    from tests._catalog_oracles import make_root

    formula = "`Inflasi (%) = (IHP tahun ini - IHP tahun lepas) / IHP tahun lepas x 100`"
    seed = f"---\ntitle: Inflasi\n---\n\nInflasi dikira sebagai:\n\n{formula}\n"
    root = prepared(make_root(tmp_path, {"inflasi": seed}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "inflasi.md").write_text(
        f"---\ntitle: Inflation\n---\n\nInflation is calculated as:\n\n{formula}\n",
        encoding="utf-8")
    code, out, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    assert "still in Malay" not in out
    po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-i.po")
    assert {e.msgid: e.msgstr for e in po.current}[formula] == formula


@pytest.mark.parametrize(("english", "taken"), [
    ("Gross profit is [revenue] minus costs.\n\n[revenue]: /revenue\n", False),
    ("Gross profit is [revenue][hasil] minus costs.\n\n[hasil]: /revenue\n", True),
])
def test_a_reference_link_is_read_with_the_seeds_definitions(
    tmp_path: Path, english: str, taken: bool,
) -> None:
    """`[revenue]` with the translator's own definition is a dead link in the rendered
    article, which uses the seed's (`[hasil]: /revenue`): align took it, render refused it."""
    from tests._catalog_oracles import make_root

    seed = "---\ntitle: Untung kasar\n---\n\nUntung kasar ialah [hasil] tolak kos.\n\n" \
           "[hasil]: /revenue\n"
    root = prepared(make_root(tmp_path, {"untungkasar": seed}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "untungkasar.md").write_text("---\ntitle: Gross profit\n---\n\n" + english,
                                           encoding="utf-8")
    code, out, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    assert ("1 not taken" in out) != taken
    po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-u.po")
    [entry] = [e for e in po.current if e.msgid.startswith("Untung kasar ialah")]
    assert bool(entry.msgstr) == taken


def test_files_without_a_seed_are_skipped(tmp_path: Path) -> None:
    root = prepared(seed_root(tmp_path))
    folder = tmp_path / "en"
    shutil.copytree(SEED_EN, folder)
    (folder / "nosuch.md").write_text("---\ntitle: X\n---\n", encoding="utf-8")
    code, _, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0
    assert "nosuch.md: no seeds/nosuch.md; skipped" in err


def test_missing_catalog_is_a_clear_error(tmp_path: Path) -> None:
    root = seed_root(tmp_path)
    code, _, err = cli("align", "-l", "en", SEED_EN, root=root)
    assert code == 2
    assert "no such catalog" in err
    assert "glossari update -l en" in err


def test_the_bundled_glossary_is_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("align", "-l", "en", SEED_EN)
    assert code == 2
    assert "read-only" in err


def test_bad_language_code(tmp_path: Path) -> None:
    root = prepared(seed_root(tmp_path))
    code, _, err = cli("align", "-l", "../x", SEED_EN, root=root)
    assert code == 2
    assert "language code" in err


def test_a_file_given_for_the_folder_is_named_as_what_it_is(tmp_path: Path) -> None:
    """`align -l en peniaga-broker.md` (a file where the folder belongs) said "no such folder"."""
    root = prepared(seed_root(tmp_path))
    code, _, err = cli("align", "-l", "en", SEED_EN / "accountexecutive.md", root=root)
    assert code == 2
    assert "accountexecutive.md: a file, not a folder; give the folder" in err
    code, _, err = cli("align", "-l", "en", tmp_path / "tiada", root=root)
    assert code == 2
    assert "tiada: no such folder; give the folder" in err


def test_aligning_the_seeds_with_themselves_is_refused(tmp_path: Path) -> None:
    root = prepared(seed_root(tmp_path))
    before = catalogs(root)
    code, _, err = cli("align", "-l", "en", root / "seeds", root=root)
    assert code == 2
    assert "seeds/ folder itself" in err
    assert catalogs(root) == before


_WORDS = st.lists(st.sampled_from(["the", "fund", "pays", "a", "fee", "Broker", "risk", "of",
                                   "clients", "2%", "(SEC)", "its", "\"yield\""]),
                  min_size=1, max_size=10).map(" ".join)


@given(data=st.data())
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
def test_align_takes_back_exactly_what_render_wrote(data: st.DataObject) -> None:
    """render, then align the rendering against the seed: the same translations come back."""
    name = data.draw(st.sampled_from(sorted(p.name for p in (PARALLEL / "ms").glob("*.md"))))
    text = decode_article((PARALLEL / "ms" / name).read_bytes(), source=name)
    term = parse_article(text, term_id=name[:-3], source=f"seeds/{name}")
    wanted = {m.key: data.draw(_WORDS) for m in iter_messages(term)
              if m.part not in ("link",) and "](" not in m.msgid}

    class Catalog:
        def get(self, domain: str, context: str | None, msgid: str) -> tuple[str | None, Status]:
            found = wanted.get((context, msgid))
            return (found, "translated") if found is not None else (None, "untranslated")

    rendered = render_article(term, text, Catalog()).text
    english = parse_article(rendered, term_id=term.id, source=f"en/{name}")
    pairing = pair_articles(term, english)
    got = {(ctx, msgid): text for (_, ctx, msgid), text in pairing.translations}
    for key, value in wanted.items():
        assert got[key] == value


def test_a_catalog_saved_by_an_editor_while_align_runs_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # align reads every catalog it fills, then renames the filled ones over them: a save in
    # between (Poedit, an IDE, `git pull`: not bound by glossari's lock) was silently lost
    from glossari.catalog.pofile import PoFile, encode_po

    root = prepared(parallel_root(tmp_path))
    before = catalogs(root)
    glossary = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    saved = glossary.read_bytes() + b'\n# saved by the translator meanwhile\n'

    def encode_while_an_editor_saves(po: PoFile, *, path: Path | str) -> bytes:
        glossary.write_bytes(saved)
        return encode_po(po, path=path)

    monkeypatch.setattr("glossari.align.gettextize.encode_po", encode_while_an_editor_saves)
    code, _out, err = cli("align", "-l", "en", PARALLEL / "en", root=root)
    assert code == 2
    assert "the catalog changed while 'glossari align' ran" in err
    assert glossary.read_bytes() == saved
    assert {k: v for k, v in catalogs(root).items() if k != "glossary.po"} == {
        k: v for k, v in before.items() if k != "glossary.po"}
    monkeypatch.undo()
    ok("align", "-l", "en", PARALLEL / "en", root=root)
    assert b"# saved by the translator meanwhile" in glossary.read_bytes()


def test_a_headword_heading_translated_apart_from_the_title_is_named() -> None:
    """The H1 that repeats the headword is no message of its own: render writes the title's
    translation there. An English file whose H1 said otherwise (`title: Bond`, `# Bonds`) was
    aligned as "4 filled", the H1 dropped unsaid, and render then refused the file as edited."""
    src = _term("---\ntitle: Bon\n---\n\n# Bon\n\nTeks.\n")
    dst = _term("---\ntitle: Bond\n---\n\n# Bonds\n\nText.\n", source="en/x.md")
    pairing = pair_articles(src, dst)
    assert dict(pairing.translations)[("glossary", "x", "Bon")] == "Bond"
    assert pairing.notes == ("en/x.md: 'Bon' is translated two ways; the first was kept",)
    same = pair_articles(src, _term("---\ntitle: Bond\n---\n\n# Bond\n\nText.\n",
                                    source="en/x.md"))
    assert same.notes == ()


def test_a_reference_definition_the_translation_changed_is_named_not_dropped() -> None:
    """Reference definitions are copied from the Malay article by render, but for their titles,
    which are messages: a translator's `[ua]: /unittrust "Unit trust"` for `"Unit amanah"` is
    the title's translation. Anything else of a translation's own (another destination) was
    dropped without a word ("18 already so"); it is named now, and the same definitions say
    nothing."""
    malay = ("---\ntitle: Saham\n---\n\nLihat [unit amanah][ua].\n\n"
             "[ua]: /unittrust \"Unit amanah\"\n")
    src = _term(malay)
    english = malay.replace("Saham", "Stock").replace("Lihat [unit amanah]", "See [unit trusts]")
    same = pair_articles(src, _term(english, source="en/x.md"))
    assert same.notes == ()
    assert dict(same.translations)[("articles-x", None, "Lihat [unit amanah][ua].")] == (
        "See [unit trusts][ua].")
    titled = pair_articles(src, _term(english.replace('"Unit amanah"', '"Unit trust"'),
                                      source="en/x.md"))
    assert titled.notes == ()
    assert dict(titled.translations)[("articles-x", None, "Unit amanah")] == "Unit trust"
    changed = pair_articles(src, _term(english.replace("/unittrust", "/unit-trust"),
                                       source="en/x.md"))
    assert changed.notes == (
        "en/x.md: the reference definition '[ua]: /unit-trust \"Unit amanah\"' is not the "
        "Malay article's; reference definitions are copied from seeds/x.md as written, so it was "
        "not kept (change it there)",)


def test_a_block_of_odd_length_is_taken_fuzzy(tmp_path: Path) -> None:
    """A translator merged two paragraphs and split a later one: every kind still matches, so
    the blocks pair by position and each slot gets another's text. The slots whose length,
    against the Malay, is far from the file's usual are taken fuzzy and named; the others
    translated; nothing is lost."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "saham.md").write_text(
        "---\ntitle: Saham\ndescription: Saham ialah unit pemilikan dalam syarikat.\n---\n\n"
        "## Memahami Saham\n\nSaham mewakili pemilikan dalam syarikat.\n\n"
        "Pemegang saham berhak menerima dividen tahunan.\n\n"
        "Harga saham ditentukan oleh pasaran. Pada tahun 2020, indeks jatuh 30%.\n\n"
        "Pelabur runcit membeli saham melalui broker berlesen.\n", encoding="utf-8")
    english = tmp_path / "en"
    english.mkdir()
    (english / "saham.md").write_text(
        "---\ntitle: Share\ndescription: A share is a unit of ownership in a company.\n---\n\n"
        "## Understanding Shares\n\nShares represent ownership in a company, and shareholders "
        "are entitled to annual dividends.\n\nShare prices are set by the market.\n\n"
        "In 2020, the index fell 30%.\n\n"
        "Retail investors buy shares through licensed brokers.\n", encoding="utf-8")
    ok("extract", root=tmp_path)
    ok("update", "-l", "en", root=tmp_path)
    code, _out, err = cli("align", "-l", "en", english, root=tmp_path)
    assert code == 0
    po = load_po(tmp_path / "locale" / "en" / "LC_MESSAGES" / "articles-s.po")
    states = {e.msgid: (e.msgstr, e.fuzzy) for e in po.entries}
    merged = states["Saham mewakili pemilikan dalam syarikat."]
    assert merged[1], merged  # twice the usual length: another paragraph came with it
    assert "taken as fuzzy" in err
    assert "Saham mewakili" in err
    assert states["Pelabur runcit membeli saham melalui broker berlesen."] == (
        "Retail investors buy shares through licensed brokers.", False)


def test_a_block_taken_fuzzy_is_confirmed_in_the_catalog_not_by_force(tmp_path: Path) -> None:
    """A translation longer than the file's usual (an explanation added, or a paragraph
    merged) is taken fuzzy, for a person to review. Aligning the same file again with
    --force confirmed it ('confirmed the catalog's fuzzy ...'), and render's refusal of the
    rendering, whose text the catalog held fuzzy, told the translator to run just that: the
    review was skipped by the advice to take the translations in. The file gives the very
    text the catalog holds for review, which says nothing of a review: it stays fuzzy,
    --force or not, and is named; clearing the flag in the catalog confirms it, and a new
    text in the file is taken as any other."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "dividen.md").write_text(
        "---\ntitle: Dividen\n---\n\n# Dividen\n\n"
        "Dividen dibayar daripada keuntungan selepas cukai kepada pemegang saham.\n\n"
        "Lembaga pengarah mengisytiharkan dividen interim atau dividen akhir.\n\n"
        "Dividen boleh dibayar secara tunai atau dalam bentuk saham bonus.\n\n"
        "Kadar dividen dinyatakan sebagai sen sesaham.\n", encoding="utf-8")
    english = tmp_path / "en"
    english.mkdir()
    (english / "dividen.md").write_text(
        "---\ntitle: Dividend\n---\n\n# Dividend\n\n"
        "A dividend is paid out of after-tax profit to shareholders.\n\n"
        "The board of directors declares an interim dividend or a final dividend.\n\n"
        "A dividend may be paid in cash or in the form of bonus shares.\n\n"
        "The dividend rate is stated in sen per share (one sen is a hundredth of a ringgit, "
        "so 5 sen is RM0.05).\n", encoding="utf-8")
    ok("extract", root=tmp_path)
    ok("update", "-l", "en", root=tmp_path)
    catalog = tmp_path / "locale" / "en" / "LC_MESSAGES" / "articles-d.po"
    rate = "Kadar dividen dinyatakan sebagai sen sesaham."

    def state() -> tuple[str, bool]:
        entry = next(e for e in load_po(catalog).entries if e.msgid == rate)
        return entry.msgstr, entry.fuzzy

    assert cli("align", "-l", "en", english, root=tmp_path)[0] == 0
    assert state()[1]  # 2.3 times the usual: fuzzy, named
    code, _out, err = cli("align", "-l", "en", english, root=tmp_path)
    assert code == 0
    assert "fuzzy in the catalog with this file's text" in err
    assert "kept the catalog's" not in err
    long = ("The dividend rate is stated in sen per share (one sen is a hundredth of "
            "a ringgit, so 5 sen is RM0.05).")
    for _ in range(2):
        code, _out, err = cli("align", "--force", "-l", "en", english, root=tmp_path)
        assert code == 0
        assert state() == (long, True)
        assert "review it there (clear its fuzzy flag)" in err
    # the translator reviews it in the catalog: confirmed, and align leaves it so
    text = catalog.read_text(encoding="utf-8")
    at = text.index('msgid "' + rate)
    flag = text.rindex("#, fuzzy\n", 0, at)
    catalog.write_text(text[:flag] + text[flag + len("#, fuzzy\n"):], encoding="utf-8")
    assert state() == (long, False)
    assert cli("align", "--force", "-l", "en", english, root=tmp_path)[0] == 0
    assert state() == (long, False)
    # or gives the block another text: taken as any other (a usual length: not fuzzy)
    page = english / "dividen.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        long, "The dividend rate is stated in sen per share."), encoding="utf-8")
    assert cli("align", "--force", "-l", "en", english, root=tmp_path)[0] == 0
    assert state() == ("The dividend rate is stated in sen per share.", False)


def test_the_links_of_the_definition_pair_as_the_body_s_do() -> None:
    """A link in the description (``description: ... [penerima manfaat](/beneficiary)``) is a
    link message of the catalog like a body link's; align took the definition's text but never
    its links, so a link text used only there stayed untranslated whatever the file said."""
    src = _term("---\ntitle: Insurans hayat\ndescription: Kontrak yang membayar "
                "[penerima manfaat](/beneficiary) oleh [penanggung insurans](/insurer).\n---\n"
                "Teks [premiumnya](/premium).\n", name="insurans-hayat")
    dst = _term("---\ntitle: Life insurance\ndescription: A contract in which an "
                "[insurer](/insurer) pays a [beneficiary](/beneficiary).\n---\n"
                "Text on [its premium](/premium).\n", name="insurans-hayat", source="en/x.md")
    pairing = pair_articles(src, dst)
    keys = dict(pairing.translations)
    assert keys[("glossary", "/beneficiary", "penerima manfaat")] == "beneficiary"
    assert keys[("glossary", "/insurer", "penanggung insurans")] == "insurer"
    assert keys[("glossary", "/premium", "premiumnya")] == "its premium"
    assert pairing.notes == ()
    # every link message the catalog holds for the article is filled
    links = {(m.domain, m.context, m.msgid) for m in iter_messages(src)
             if m.context and m.context.startswith("/")}
    assert links <= set(keys)


def test_a_definition_linking_less_often_is_named() -> None:
    src = _term("---\ntitle: A\ndescription: Ialah [satu](/one) dan [dua](/two).\n---\nTeks.\n")
    dst = _term("---\ntitle: A\ndescription: Is [one](/one).\n---\nText.\n", source="en/x.md")
    pairing = pair_articles(src, dst)
    keys = dict(pairing.translations)
    assert keys[("glossary", "/one", "satu")] == "one"
    assert ("glossary", "/two", "dua") not in keys
    assert any("en/x.md:3: the description does not link /two" in n for n in pairing.notes)


@pytest.mark.parametrize(("files", "said"), [
    ({}, ""),
    ({"README.md": "# Terjemahan\n"}, ""),
    ({"glossary-en.md": "# Terms\n"}, "; its one Markdown file, glossary-en.md, names no article"),
    ({"kos.md": "---\ntitle: Cost\n---\n", "saham-saham.md": "---\ntitle: Shares\n---\n"},
     "; its 2 Markdown files (kos.md, ...) name no article"),
])
def test_a_folder_holding_no_translated_article_is_refused(
    tmp_path: Path, files: dict[str, str], said: str,
) -> None:
    """`align -l en docs/examples` (for docs/examples/en), or an empty folder, said 'no catalog
    changed' and exit 0, as if every translation were already in the catalogs."""
    root = prepared(parallel_root(tmp_path / "g"))
    folder = tmp_path / "terjemahan"
    (folder / "en").mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    before = catalogs(root)
    code, out, err = cli("align", "-l", "en", folder, root=root)
    assert (code, out) == (2, "")
    assert err == (f"glossari: error: {folder}: no translated article here: no file is named as "
                   f"an article of seeds/ (X.md for seeds/X.md){said}; give the folder holding "
                   "the translated articles\n")
    assert catalogs(root) == before


def test_a_block_given_back_in_malay_is_marked_fuzzy_and_render_goes_on(tmp_path: Path) -> None:
    """A translator who undoes a translation by pasting the Malay back: `align --force` took
    nothing ('still in Malay, left untranslated', the catalog's English standing), `render`
    would write the English back over the file, so it refused every time, its hint naming
    `align --force` again: a loop with no way out. The translation now goes fuzzy (kept for
    review, never compiled), render keeps the Malay as the file does, and the link term in
    that paragraph, shared by every article, keeps its approved English."""
    from tests._catalog_oracles import make_root

    malay = ("Murabahah ialah jualan dengan [keuntungan](/profit) yang dipersetujui oleh "
             "pembeli dan bank.")
    seed = ("---\ntitle: Jualan murabahah\ndescription: Jualan kos tambah untung.\n---\n\n"
            f"{malay}\n\n## Sorotan\n\n- Harga jualan diketahui sejak awal.\n")
    root = prepared(make_root(tmp_path, {"murabahah": seed}))
    folder = tmp_path / "en"
    folder.mkdir()
    english = "Murabahah is a sale at a [profit](/profit) agreed by the buyer and the bank."
    (folder / "murabahah.md").write_text(
        "---\ntitle: Murabahah sale\ndescription: A cost-plus sale.\n---\n\n"
        f"{english}\n\n## Key Takeaways\n\n- The sale price is known from the start.\n",
        encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "murabahah.md"
    undone = page.read_text(encoding="utf-8").replace(english, malay)
    page.write_text(undone, encoding="utf-8")
    assert cli("render", "-l", "en", "-o", out, root=root)[0] == 2
    articles = root / "locale" / "en" / "LC_MESSAGES" / "articles-m.po"
    before = articles.read_bytes()

    code, said, err = cli("align", "-l", "en", out, root=root)  # no --force: the catalog's kept
    assert code == 0, err
    assert "1 kept" in said
    assert "1 still in Malay" in said  # the link text, counted as before
    assert "this file gives the Malay back; --force marks it fuzzy" in err
    assert articles.read_bytes() == before

    code, said, err = cli("align", "-l", "en", "--force", out, root=root)
    assert code == 0, err
    assert "1 given back in Malay, marked fuzzy" in said
    assert "marked the catalog's 'Murabahah is a sale at a [profit](/profit)" in err
    [entry] = [e for e in load_po(articles).current if e.msgid == malay]
    assert entry.fuzzy
    assert entry.msgstr == english  # nothing the translator wrote is lost
    links = {e.msgctxt: e for e in
             load_po(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po").current}
    assert (links["/profit"].msgstr, links["/profit"].fuzzy) == ("profit", False)

    code, _, err = cli("render", "-l", "en", "-o", out, root=root)
    assert code == 0, err
    assert page.read_text(encoding="utf-8") == undone
    code, said, _ = cli("align", "-l", "en", "--force", out, root=root)
    assert (code, "nothing of a translator's to take" in said) == (0, True)


@pytest.mark.parametrize("confirm", [
    # Poedit, Lokalize: the flag goes with any edit of the translation
    lambda po: po.replace("#, fuzzy\nmsgid \"Memahami Peniaga Broker\"",
                          "msgid \"Memahami Peniaga Broker\""),
    # a text editor: the translation typed again, line by line, the flag taken out by hand
    lambda po: po.replace("#, fuzzy\nmsgid \"Memahami Peniaga Broker\"\nmsgstr "
                          "\"Understanding Broker-Dealers\"",
                          "msgid \"Memahami Peniaga Broker\"\nmsgstr \"\"\n"
                          "\"Understanding \"\n\"Broker-Dealers\""),
])
def test_a_withdrawn_translation_confirmed_in_the_catalog_stays_confirmed(
        tmp_path: Path, confirm: Any) -> None:
    """A translator pastes a heading's Malay back into a rendering; render refuses it, and
    `align --force` (its hint) marks the catalog's English fuzzy. They think again and type
    the translation back in the .po (the flag gone): render refused the rendering still
    holding that Malay, its hint `align --force` marked the translation fuzzy again, from the
    same bytes, and so on every round. The withdrawal those bytes made is recorded: the
    review in the catalog stands, and render writes the English back. Malay pasted back anew
    is still withdrawn; nothing the translator wrote is lost, and every catalog passes
    msgfmt --check."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"peniaga-broker": (
        "---\ntitle: Peniaga broker\n---\n\n## Memahami Peniaga Broker\n\n"
        "Kebanyakan peniaga broker juga bertindak sebagai [penasihat pelaburan]"
        "(/investmentadvisor) kepada pelanggan runcit.\n\n## Sorotan\n\n"
        "- Pelaburannya dikawal selia dengan ketat.\n")}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "peniaga-broker.md").write_text(
        "---\ntitle: Broker-dealer\n---\n\n## Understanding Broker-Dealers\n\n"
        "Most broker-dealers also act as [investment advisors](/investmentadvisor) to "
        "retail clients.\n\n## Key Takeaways\n\n- Its investments are tightly regulated.\n",
        encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "peniaga-broker.md"
    rendered = page.read_text(encoding="utf-8")
    undone = rendered.replace("## Understanding Broker-Dealers", "## Memahami Peniaga Broker")
    page.write_text(undone, encoding="utf-8")
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po"

    def heading() -> tuple[str, bool]:
        path = str(po)
        assert subprocess.run(["msgfmt", "--check", "-o", os.devnull, path]).returncode == 0
        [entry] = [e for e in load_po(po).current if e.msgid == "Memahami Peniaga Broker"]
        return entry.msgstr, entry.fuzzy

    assert cli("render", "-l", "en", "-o", out, root=root)[0] == 2
    ok("align", "-l", "en", "--force", out, root=root)
    assert heading() == ("Understanding Broker-Dealers", True)
    po.write_text(confirm(po.read_text(encoding="utf-8")), encoding="utf-8")
    assert heading() == ("Understanding Broker-Dealers", False)
    for _ in range(2):  # render's hint, followed: the review stands
        code, _, err = cli("align", "-l", "en", "--force", out, root=root)
        assert code == 0, err
        assert "confirmed in the catalog since align --force marked it fuzzy" in err
        assert heading() == ("Understanding Broker-Dealers", False)
        assert page.read_text(encoding="utf-8") == undone
    code, _, err = cli("render", "-l", "en", "-o", out, root=root)
    assert code == 0, err
    assert page.read_text(encoding="utf-8") == rendered
    # the Malay pasted back anew is withdrawn anew
    page.write_text(undone, encoding="utf-8")
    assert cli("render", "-l", "en", "-o", out, root=root)[0] == 2
    ok("align", "-l", "en", "--force", out, root=root)
    assert heading() == ("Understanding Broker-Dealers", True)
    # and a paragraph the translator changed besides is theirs: render refuses it still
    page.write_text(undone.replace("retail clients", "retail customers"), encoding="utf-8")
    assert cli("render", "-l", "en", "-o", out, root=root)[0] == 2


@pytest.mark.parametrize("habit", [
    lambda t: t.replace("also act as", "also\nact as"),  # a line wrapped
    lambda t: t.replace("*retail*", "_retail_"),  # emphasis the other way
    lambda t: t.replace("to *retail* clients", "to   *retail*\nclients"),  # both, and spaces
])
def test_a_block_rendered_in_other_markdown_syntax_is_already_so(
        tmp_path: Path, habit: Any) -> None:
    """A translator's editor rewraps a paragraph of a rendering (or writes `_x_` for `*x*`)
    while they retitle a heading: `align` kept the catalog's translation of the paragraph
    'as this file says' the same text, `--force` replaced it with the rewrapped bytes, and
    took the paragraph's link text, only the inflection that sentence uses, as the
    translator's word for the link term every article shares. The paragraph reads as the
    catalog's translation: already so, its catalog bytes and its link term's kept; the
    heading the translator changed is taken."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"peniaga-broker": (
        "---\ntitle: Peniaga broker\ndescription: Peniaga broker boleh menjadi [penasihat "
        "pelaburan](/investmentadvisor).\n---\n\n## Memahami Peniaga Broker\n\n"
        "Kebanyakan peniaga broker juga bertindak sebagai [penasihat pelaburan]"
        "(/investmentadvisor) kepada pelanggan *runcit*.\n")}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "peniaga-broker.md").write_text(
        "---\ntitle: Broker-dealer\ndescription: A broker-dealer can be an [investment "
        "advisor](/investmentadvisor).\n---\n\n## Understanding Broker-Dealers\n\n"
        "Most broker-dealers also act as [investment advisors](/investmentadvisor) to "
        "*retail* clients.\n", encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "peniaga-broker.md"
    page.write_text(habit(page.read_text(encoding="utf-8")).replace(
        "## Understanding Broker-Dealers", "## How Broker-Dealers Work"), encoding="utf-8")
    locale = root / "locale" / "en" / "LC_MESSAGES"
    glossary, articles = (locale / "glossary.po").read_bytes(), (locale / "articles-p.po")
    for force in ((), ("--force",)):
        code, _, err = cli("align", "-l", "en", *force, out, root=root)
        assert code == 0, err
        assert "Most broker-dealers" not in err  # neither kept nor replaced: already so
        assert (locale / "glossary.po").read_bytes() == glossary
    entries = {e.msgid: e.msgstr for e in load_po(articles).current}
    assert entries["Memahami Peniaga Broker"] == "How Broker-Dealers Work"
    paragraph = next(m for m in entries if m.startswith("Kebanyakan"))
    assert entries[paragraph] == (
        "Most broker-dealers also act as [investment advisors](/investmentadvisor) to "
        "*retail* clients.")
    # a no-break space the translator typed is a character of theirs, not syntax: taken
    page.write_text(page.read_text(encoding="utf-8").replace("Most broker", "Most\u00a0broker"),
                    encoding="utf-8")
    ok("align", "-l", "en", "--force", out, root=root)
    assert "\u00a0" in {e.msgid: e.msgstr for e in load_po(articles).current}[paragraph]


def test_a_withdrawn_translation_typed_back_into_the_rendering_is_confirmed(
        tmp_path: Path) -> None:
    """A translator pastes a heading's Malay back, `align --force` marks its English fuzzy,
    and render writes the Malay there. They think again and type the English back into the
    rendering, as it was: `align --force` left it fuzzy ('review it there'), as if render had
    written that text and the file passed it on unread, and render refused the file on every
    run. Render wrote the Malay there; the English is the translator's: confirmed. A fuzzy
    translation render never wrote in Malay (taken fuzzy from this very file) still waits
    for its review."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"peniaga-broker": (
        "---\ntitle: Peniaga broker\n---\n\n## Memahami Peniaga Broker\n\n"
        "Kebanyakan peniaga broker juga bertindak sebagai [penasihat pelaburan]"
        "(/investmentadvisor) kepada pelanggan runcit.\n")}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "peniaga-broker.md").write_text(
        "---\ntitle: Broker-dealer\n---\n\n## Understanding Broker-Dealers\n\n"
        "Most broker-dealers also act as [investment advisors](/investmentadvisor) to "
        "retail clients.\n", encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    page = out / "peniaga-broker.md"
    rendered = page.read_text(encoding="utf-8")
    undone = rendered.replace("## Understanding Broker-Dealers", "## Memahami Peniaga Broker")
    page.write_text(undone, encoding="utf-8")
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po"

    def heading() -> tuple[str, bool]:
        assert subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)]).returncode == 0
        [entry] = [e for e in load_po(po).current if e.msgid == "Memahami Peniaga Broker"]
        return entry.msgstr, entry.fuzzy

    ok("align", "-l", "en", "--force", out, root=root)
    assert heading() == ("Understanding Broker-Dealers", True)
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert page.read_text(encoding="utf-8") == undone  # the Malay, as render writes it now
    page.write_text(rendered, encoding="utf-8")  # typed back
    code, _, err = cli("align", "-l", "en", out, root=root)  # without --force: kept fuzzy
    assert code == 0, err
    assert heading() == ("Understanding Broker-Dealers", True)
    code, _, err = cli("align", "-l", "en", "--force", out, root=root)
    assert code == 0, err
    assert "confirmed the catalog's fuzzy 'Understanding Broker-Dealers'" in err
    assert heading() == ("Understanding Broker-Dealers", False)
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert page.read_text(encoding="utf-8") == rendered


def test_a_withdrawal_that_cannot_be_noted_in_the_folder_still_aligns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rendering folder's record cannot be written (read-only, a render holding its lock
    past the wait): the withdrawal is made, the catalogs written, exit 0, as before
    withdrawals were noted; no half-written record is left."""
    import glossari._atomic
    from glossari.errors import CatalogError
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"saham": (
        "---\ntitle: Saham\n---\n\n## Jenis Saham\n\nSaham biasa dijual oleh "
        "[peniaga broker](/broker-dealer).\n")}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "saham.md").write_text(
        "---\ntitle: Stock\n---\n\n## Types of Stock\n\nCommon stocks are sold by "
        "[broker-dealers](/broker-dealer).\n", encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "saham.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## Types of Stock",
                                                             "## Jenis Saham"), encoding="utf-8")
    record = (out / ".glossari-rendered.json").read_bytes()

    def busy(*_: object, **__: object) -> None:
        raise CatalogError("another 'glossari render' is writing into this folder",
                           path="out")

    monkeypatch.setattr(glossari._atomic, "locked_folder", busy)
    code, said, err = cli("align", "-l", "en", "--force", out, root=root)
    assert code == 0, err
    assert "1 given back in Malay, marked fuzzy" in said
    assert (out / ".glossari-rendered.json").read_bytes() == record
    [entry] = [e for e in load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-s.po")
               .current if e.msgid == "Jenis Saham"]
    assert (entry.msgstr, entry.fuzzy) == ("Types of Stock", True)


def test_a_rendering_never_confirms_a_translation_made_for_an_older_malay(
        tmp_path: Path) -> None:
    """The Malay of a paragraph changes (`5 tahun` to `7 tahun`) while a translator works on
    the rendering elsewhere: update keeps the English fuzzy, for the older Malay (`#| msgid`),
    and the rendering still gives it, as render wrote it then. `align --force` confirmed it
    as the new Malay's translation ('confirmed the catalog's fuzzy ...'), its `5 years` now
    current English for `7 tahun`. It stays fuzzy and is named; the new English the
    translator then writes in the file is taken, and render goes on."""
    from tests._catalog_oracles import make_root

    def seed(years: int) -> str:
        return ("---\ntitle: Sukuk ijarah\n---\n\nSukuk ijarah mewakili pemilikan aset yang "
                f"dipajakkan.\n\nPenerbit memajakkan aset itu untuk tempoh {years} tahun.\n")

    root = prepared(make_root(tmp_path, {"sukuk-ijarah": seed(5)}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "sukuk-ijarah.md").write_text(
        "---\ntitle: Ijarah sukuk\n---\n\nIjarah sukuk represent ownership of a leased "
        "asset.\n\nThe issuer leases the asset for 5 years.\n", encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "sukuk-ijarah.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "represent ownership of", "represent a share in"), encoding="utf-8")
    (root / "seeds" / "sukuk-ijarah.md").write_text(seed(7), encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-s.po"

    def entry() -> tuple[str, bool]:
        [found] = [e for e in load_po(po).current if e.msgid.startswith("Penerbit")]
        return found.msgstr, found.fuzzy

    assert entry() == ("The issuer leases the asset for 5 years.", True)
    for force in ((), ("--force",)):
        code, _, err = cli("align", "-l", "en", *force, out, root=root)
        assert code == 0, err
        assert "was made for an older Malay than 'Penerbit memajakkan aset itu" in err
        assert entry() == ("The issuer leases the asset for 5 years.", True)
    assert "C205" not in cli("check", "-l", "en", "--format", "json", root=root)[1]

    page.write_text(page.read_text(encoding="utf-8").replace("5 years", "seven years"),
                    encoding="utf-8")
    ok("align", "-l", "en", "--force", out, root=root)
    assert entry() == ("The issuer leases the asset for seven years.", False)
    ok("render", "-l", "en", "-o", out, root=root)
    assert "a share in" in page.read_text(encoding="utf-8")


def test_a_shared_message_given_back_in_malay_is_not_withdrawn_for_every_article(
        tmp_path: Path) -> None:
    """A category and a `Sorotan` heading are one message for every article using them: one
    rendering given back with them in Malay, under --force, marked them fuzzy, and every other
    article lost its English there (each rendering then refused, or fell under
    --min-coverage). They are kept and named; the article's own paragraph is withdrawn."""
    from tests._catalog_oracles import make_root

    def seed(title: str, body: str) -> str:
        return (f"---\ntitle: {title}\nkeywords: Kewangan Islam\n---\n\n{body}\n\n"
                "## Sorotan\n\n- Patuh Syariah.\n")

    def english(title: str, body: str) -> str:
        return (f"---\ntitle: {title}\nkeywords: Islamic Finance\n---\n\n{body}\n\n"
                "## Key Takeaways\n\n- Shariah-compliant.\n")

    root = prepared(make_root(tmp_path, {
        "sukuk": seed("Sukuk", "Sukuk ialah sijil pelaburan."),
        "sukuk-ijarah": seed("Sukuk ijarah", "Sukuk ijarah berasaskan pajakan aset.")}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "sukuk.md").write_text(english("Sukuk", "Sukuk are investment certificates."),
                                     encoding="utf-8")
    (folder / "sukuk-ijarah.md").write_text(
        english("Ijarah sukuk", "Ijarah sukuk are based on an asset lease."), encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    page = out / "sukuk-ijarah.md"
    page.write_text(page.read_text(encoding="utf-8")
                    .replace("Islamic Finance", "Kewangan Islam")
                    .replace("Key Takeaways", "Sorotan")
                    .replace("Ijarah sukuk are based on an asset lease.",
                             "Sukuk ijarah berasaskan pajakan aset."), encoding="utf-8")
    code, said, err = cli("align", "-l", "en", "--force", out, root=root)
    assert code == 0, err
    assert "1 given back in Malay, marked fuzzy" in said
    assert "2 kept" in said
    assert "(this file gives the Malay back, but 2 articles share the message" in err
    folder_po = root / "locale" / "en" / "LC_MESSAGES"
    body = {e.msgid: e for e in load_po(folder_po / "articles-s.po").current}
    assert (body["Sorotan"].msgstr, body["Sorotan"].fuzzy) == ("Key Takeaways", False)
    assert body["Sukuk ijarah berasaskan pajakan aset."].fuzzy
    glossary = {e.msgid: e for e in load_po(folder_po / "glossary.po").current}
    assert (glossary["Kewangan Islam"].msgstr, glossary["Kewangan Islam"].fuzzy) == (
        "Islamic Finance", False)
    # the other article's rendering is as it was; this one's Malay category is named
    before = (out / "sukuk.md").read_bytes()
    code, _, err = cli("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert code == 2
    assert f"{page.as_posix()}:3: written or edited since" in err
    assert (out / "sukuk.md").read_bytes() == before


@pytest.mark.parametrize(("body", "taken"), [
    ("Takaful is a Shariah-compliant alternative to insurance.", True),
    ("Members of a TAKAFUL\nscheme share risk.", True),
    ("A Shariah-compliant alternative to insurance (*takaful*).", False),
    ('Mutual cover, "takaful" in Malay, pools risk.', False),
    ("Mutual cover pools risk among members.", False),
    ("Takaful ialah alternatif patuh Syariah kepada insurans.", False),  # the Malay left
])
def test_a_headword_the_same_in_english_is_taken_when_the_english_says_it(
        tmp_path: Path, body: str, taken: bool) -> None:
    """`Murabahah`, `Takaful`, `Tawarruq`: Islamic finance keeps its Arabic loanwords in
    English, and a translator's English article titled `Takaful` was never taken ('still in
    Malay, left untranslated' on every run): the term had no English headword, the table and
    the site none, whatever the translator did. A headword given as its Malay is taken when
    the file's own English prose (its blocks in other words than their Malay) says it, not
    as a gloss in brackets, quotes or emphasis."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"takaful": (
        "---\ntitle: Takaful\n---\n\n# Takaful\n\n"
        "Takaful ialah alternatif patuh Syariah kepada insurans.\n")}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "takaful.md").write_text(f"---\ntitle: Takaful\n---\n\n# Takaful\n\n{body}\n",
                                       encoding="utf-8")
    code, said, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    term = glossari.load(root)["takaful"]
    assert (term.en_title == "Takaful") is taken
    assert ("still in Malay" in said) is not taken


@pytest.mark.parametrize(("items", "doubted"), [
    # the second and third items moved: each slot holds the other's text, of a like length
    (["Margin is 3% to 5% a year.", "Payments run for 24 months.",
      "Late fees of RM50 go to charity."], set()),
    (["Margin is 3% to 5% a year.", "Late fees of RM50 go to charity.",
      "Payments run for 24 months."], {"Bayaran dibuat selama 24 bulan.",
                                       "Caj lewat RM50 disalurkan kepada badan amal."}),
    # a number changed in one item is no move (C205 reports it), and is taken
    (["Margin is 3% to 5% a year.", "Payments run for 36 months.",
      "Late fees of RM50 go to charity."], set()),
])
def test_two_blocks_whose_numbers_say_they_moved_are_taken_fuzzy(
        tmp_path: Path, items: list[str], doubted: set[str]) -> None:
    """Blocks pair by position: a translator who moved a list item gave each slot the other's
    text, every kind matching and the lengths alike, and align took both as current (the
    catalog's `24 bulan` then `Late fees of RM50 ...`). When the numbers of two blocks side by
    side agree only exchanged, both are taken fuzzy, for a person to confirm, and named."""
    from tests._catalog_oracles import make_root

    malay = ["Margin ialah 3% hingga 5% setahun.", "Bayaran dibuat selama 24 bulan.",
             "Caj lewat RM50 disalurkan kepada badan amal."]
    root = prepared(make_root(tmp_path, {"murabahah": (
        "---\ntitle: Jualan murabahah\n---\n\n## Sorotan\n\n"
        + "".join(f"- {item}\n" for item in malay))}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "murabahah.md").write_text(
        "---\ntitle: Murabahah sale\n---\n\n## Key Takeaways\n\n"
        + "".join(f"- {item}\n" for item in items), encoding="utf-8")
    code, _, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-m.po")
    fuzzy = {e.msgid for e in po.current if e.fuzzy}
    assert fuzzy == doubted
    assert ("the two look swapped" in err) is bool(doubted)
    assert all(e.has_translation for e in po.current if e.msgid in malay)  # nothing is lost


@pytest.mark.parametrize("edited", [
    "Takaful berasaskan tolong menolong.",  # a hyphen taken out
    "Takaful berasaskan tolong-menolong!",  # other punctuation
    "Takaful berasaskan\n*tolong-menolong*.",  # a line break, emphasis
])
def test_the_malay_a_translator_touched_up_is_not_taken_as_english(
        tmp_path: Path, edited: str) -> None:
    """A translator fixes the punctuation of a paragraph they leave in Malay: the words were no
    longer the Malay's 'word for word', and `align --force` wrote the Malay as the catalog's
    English translation (three words: too few for `check` to call it Malay)."""
    from tests._catalog_oracles import make_root

    malay = "Takaful berasaskan tolong-menolong."
    root = prepared(make_root(tmp_path, {"takaful": (
        f"---\ntitle: Skim takaful\n---\n\n{malay}\n")}))
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    page = out / "takaful.md"
    page.write_text(page.read_text(encoding="utf-8").replace(malay, edited)
                    .replace("title: Skim takaful", "title: Takaful scheme"), encoding="utf-8")
    code, said, err = cli("align", "-l", "en", "--force", out, root=root)
    assert code == 0, err
    assert "1 filled, 1 still in Malay" in said
    po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-t.po")
    assert [e.msgstr for e in po.current if e.msgid == malay] == [""]


def test_a_link_text_english_writes_as_the_malay_is_taken_in_a_translated_block(
        tmp_path: Path) -> None:
    """Islamic finance keeps its loanwords in English: `[wakalah](/wakalah)` and
    `[riba](/riba)` are the English link texts too. They were never taken (Malay word for
    word), so the link terms stayed untranslated whatever the translator wrote. In a block
    given in English they are the translator's word and taken; in a block left in Malay
    they are still Malay left untranslated, and not taken."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"takaful-keluarga": (
        "---\ntitle: Takaful keluarga\n---\n\n"
        "Takaful keluarga berasaskan kontrak [wakalah](/wakalah) antara peserta dan pengendali.\n\n"
        "Ia bebas daripada [riba](/riba) dan gharar.\n\n"
        "Caruman [peserta-peserta](/participant) dilaburkan secara patuh Syariah.\n")}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "takaful-keluarga.md").write_text(
        "---\ntitle: Family takaful\n---\n\n"
        "Family takaful rests on a [wakalah](/wakalah) contract between participants and the "
        "operator.\n\n"
        "Ia bebas daripada [riba](/riba) dan gharar.\n\n"
        "The contributions of [participants](/participant) are invested in a "
        "Shariah-compliant way.\n", encoding="utf-8")
    code, _out, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")
    links = {e.msgctxt: (e.msgstr, e.fuzzy) for e in po.current
             if e.msgctxt is not None and e.msgctxt.startswith("/")}
    assert links["/wakalah"] == ("wakalah", False)
    assert links["/participant"] == ("participants", False)
    assert links["/riba"] == ("", False)  # its block is still the Malay: not taken
    g = glossari.load(root)
    assert (g["wakalah"].en_title, g["wakalah"].english.status) == ("wakalah", "translated")


def test_a_malay_block_with_a_spelling_fixed_is_not_taken_as_english(tmp_path: Path) -> None:
    """A translator who fixes a spelling in a block render left in Malay (`ditangung` to
    `ditanggung`), or drops a word of it, wrote no English: the block was taken as the
    catalog's English translation, word for word the Malay but one, and counted translated.
    It is still Malay: not taken, counted and named; the translated blocks are taken."""
    from tests._catalog_oracles import make_root

    malay = ("Kos jualan ialah jumlah kos langsung yang ditangung oleh syarikat untuk "
             "menghasilkan barangan yang dijualnya.")
    root = prepared(make_root(tmp_path, {"kos-jualan": (
        "---\ntitle: Kos jualan\n---\n\n" + malay + "\n\n"
        "Kos jualan ditolak daripada [hasil-hasil](/revenue) untuk mendapatkan untung kasar.\n\n"
        "Gaji pengurusan tidak termasuk dalam kos jualan syarikat itu.\n")}))
    folder = tmp_path / "en"
    folder.mkdir()
    english = ("Cost of sales is deducted from [revenue](/revenue) to get gross profit.\n\n"
               "Management salaries are not part of the company's cost of sales.\n")
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-k.po"
    for fixed in (malay.replace("ditangung", "ditanggung"),
                  malay.replace("oleh syarikat", "syarikat"),
                  malay.replace("jumlah kos", "jumlah  kos").replace("ditangung", "Ditanggung")):
        (folder / "kos-jualan.md").write_text(
            "---\ntitle: Cost of sales\n---\n\n" + fixed + "\n\n" + english, encoding="utf-8")
        code, out, err = cli("align", "--force", "-l", "en", folder, root=root)
        assert code == 0, err
        states = {e.msgid: e.msgstr for e in load_po(po).current}
        assert states[malay] == "", fixed
        assert states["Gaji pengurusan tidak termasuk dalam kos jualan syarikat itu."] == (
            "Management salaries are not part of the company's cost of sales.")
        assert "1 still in Malay" in out + err
        assert "with a word changed" in err


def test_two_list_items_moved_past_each_other_are_taken_fuzzy(tmp_path: Path) -> None:
    """A translator who moves a `Sorotan` point past the next one, no number in either, gave
    each slot the other's text, and align took both, silently: the English of each point now
    stood under the other's Malay. One far longer and the other far shorter than the file's
    usual, against their Malay, which exchanged are each of the usual length, look swapped:
    taken fuzzy and named, for a person to review; the points in place are taken as ever."""
    from tests._catalog_oracles import make_root

    items = ["Kos jualan ialah kos langsung barangan atau perkhidmatan yang dijual.",
             "Hasil tolak kos jualan ialah untung kasar.",
             "Kos tidak langsung tidak termasuk dalam kos jualannya."]
    root = prepared(make_root(tmp_path, {"kos-jualan": (
        "---\ntitle: Kos jualan\n---\n\n"
        "Kos jualan ditolak daripada [hasil](/revenue) untuk mendapatkan untung kasar.\n\n"
        "## Sorotan\n\n" + "".join(f"- {item}\n" for item in items))}))
    english = ["Cost of sales is the direct cost of goods or services sold.",
               "Revenue less cost of sales is gross profit.",
               "Indirect costs are not part of its cost of sales."]
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "kos-jualan.md").write_text(
        "---\ntitle: Cost of sales\n---\n\n"
        "Cost of sales is deducted from [revenue](/revenue) to get gross profit.\n\n"
        "## Key Takeaways\n\n" + "".join(f"- {english[i]}\n" for i in (1, 0, 2)),
        encoding="utf-8")
    code, _out, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    states = {e.msgid: (e.msgstr, e.fuzzy) for e in load_po(
        root / "locale" / "en" / "LC_MESSAGES" / "articles-k.po").current}
    assert states[items[0]] == (english[1], True)
    assert states[items[1]] == (english[0], True)
    assert states[items[2]] == (english[2], False)
    assert "the two look swapped" in err
    # in their places, nothing is fuzzy
    (folder / "kos-jualan.md").write_text(
        "---\ntitle: Cost of sales\n---\n\n"
        "Cost of sales is deducted from [revenue](/revenue) to get gross profit.\n\n"
        "## Key Takeaways\n\n" + "".join(f"- {text}\n" for text in english), encoding="utf-8")
    assert cli("align", "--force", "-l", "en", folder, root=root)[0] == 0
    states = {e.msgid: (e.msgstr, e.fuzzy) for e in load_po(
        root / "locale" / "en" / "LC_MESSAGES" / "articles-k.po").current}
    assert [states[item] for item in items] == [(text, False) for text in english]


_POINTS = [
    # names the two languages write alike, and the glossary's own pair (headword, category)
    ("Peniaga broker berdagang untuk pelanggannya dan untuk dirinya sendiri.",
     "A broker-dealer trades for its clients and for itself."),
    ("Pelaburannya dikawal selia dengan ketat oleh pihak berkuasa kewangan negara.",
     "Its investments are tightly regulated by the national financial authorities."),
    # cognates (`sekuriti`, `securities`; `dividen`, `dividends`)
    ("Sekuriti hutang dijual kepada pelabur institusi yang besar.",
     "Debt securities are sold to large institutional holders."),
    ("Dividen dibayar kepada pemegang saham setiap suku tahun.",
     "Dividends are paid to shareholders every quarter."),
]


@pytest.mark.parametrize("swap", [0, 2])
def test_two_points_whose_names_say_they_moved_are_taken_fuzzy(
        tmp_path: Path, swap: int) -> None:
    """A translator who moves a `Sorotan` point past the next gave each slot the other's
    text: of much the same length, no number in either, so align took both silently, each
    point's English under the other's Malay. When each Malay shares more names with the
    other's English than with its own (a word both write alike, a cognate, a pair of the
    glossary's own headwords and categories), both are taken fuzzy and named; in their
    places, none is, and nothing is lost."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"peniaga-broker": (
        "---\ntitle: Peniaga broker\nkeywords: Pelaburan\n---\n\n## Sorotan\n\n"
        + "".join(f"- {malay}\n" for malay, _ in _POINTS))}))
    folder = tmp_path / "en"
    folder.mkdir()
    order = list(range(len(_POINTS)))
    order[swap], order[swap + 1] = order[swap + 1], order[swap]

    def give(order: list[int], *flags: str) -> dict[str, tuple[str, bool]]:
        (folder / "peniaga-broker.md").write_text(
            "---\ntitle: Broker-dealer\nkeywords: Investing\n---\n\n## Key Takeaways\n\n"
            + "".join(f"- {_POINTS[i][1]}\n" for i in order), encoding="utf-8")
        code, _, err = cli("align", *flags, "-l", "en", folder, root=root)
        assert code == 0, err
        path = root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po"
        assert subprocess.run(["msgfmt", "--check", "-o", os.devnull, path]).returncode == 0
        return {e.msgid: (e.msgstr, e.fuzzy) for e in load_po(path).current}

    states = give(order)
    for at, (malay, _) in enumerate(_POINTS):
        moved = at in (swap, swap + 1)
        assert states[malay] == (_POINTS[order[at]][1], moved)  # taken, nothing lost
    states = give(sorted(order), "--force")
    assert [states[malay] for malay, _ in _POINTS] == [(english, False)
                                                        for _, english in _POINTS]


def test_malay_names_joined_by_an_english_word_are_a_translation(tmp_path: Path) -> None:
    """A block of names English keeps as written (`Bank Negara Malaysia, Suruhanjaya
    Sekuriti dan Bursa Malaysia.`) translated by its one Malay word (`and`) differs from its
    Malay by one word, as a spelling fix does: it was read as the Malay and not taken. A
    word English put in makes it a translation; taken."""
    from tests._catalog_oracles import make_root

    names = "Bank Negara Malaysia, Suruhanjaya Sekuriti dan Bursa Malaysia mengawal selia."
    root = prepared(make_root(tmp_path, {"pengawal-selia": (
        "---\ntitle: Pengawal selia\n---\n\n" + names + "\n\n"
        "Pengawal selia melindungi pelabur-pelabur runcit daripada penipuan.\n\n"
        "Setiap peniaga broker mesti memegang lesen yang sah.\n")}))
    folder = tmp_path / "en"
    folder.mkdir()
    english = "Bank Negara Malaysia, Suruhanjaya Sekuriti and Bursa Malaysia mengawal selia."
    (folder / "pengawal-selia.md").write_text(
        "---\ntitle: Regulator\n---\n\n" + english + "\n\n"
        "Regulators protect retail investors from fraud.\n\n"
        "Every broker-dealer must hold a valid licence.\n", encoding="utf-8")
    code, _out, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    states = {e.msgid: (e.msgstr, e.fuzzy) for e in load_po(
        root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po").current}
    assert states[names] == (english, False)


@pytest.mark.parametrize("order", [[1, 2, 0, 3], [2, 0, 1, 3], [0, 2, 3, 1], [0, 3, 1, 2]])
def test_three_points_rotated_are_taken_fuzzy(tmp_path: Path, order: list[int]) -> None:
    """A translator who moves a `Sorotan` point two places down (slots B, C, A for the Malay
    A, B, C) gave three slots another's text, no two of them exchanged: of much the same
    length, no number in either, so align took all three silently, as its check of two blocks
    moved past each other compared neighbours only. Each Malay sharing more names with
    another's English than with its own, in a cycle, is a permutation: the three are taken
    fuzzy and named; the point in place is taken as ever, and nothing is lost."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"peniaga-broker": (
        "---\ntitle: Peniaga broker\nkeywords: Pelaburan\n---\n\n## Sorotan\n\n"
        + "".join(f"- {malay}\n" for malay, _ in _POINTS))}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "peniaga-broker.md").write_text(
        "---\ntitle: Broker-dealer\nkeywords: Investing\n---\n\n## Key Takeaways\n\n"
        + "".join(f"- {_POINTS[i][1]}\n" for i in order), encoding="utf-8")
    code, _, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    path = root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po"
    states = {e.msgid: (e.msgstr, e.fuzzy) for e in load_po(path).current}
    for at, (malay, _) in enumerate(_POINTS):
        assert states[malay] == (_POINTS[order[at]][1], order[at] != at)
    assert err.count("taken as fuzzy") == 3
    assert "look moved" in err


def test_every_order_of_four_points_is_taken_fuzzy_where_moved(tmp_path: Path) -> None:
    """Whatever order a translator gives four `Sorotan` points of like length and no number
    (two exchanged across a third, one moved three places, two pairs exchanged), each point
    out of its place is taken fuzzy and each in its place is taken as ever: the check follows
    a permutation, not neighbours only."""
    import itertools

    from glossari.align.gettextize import align_folder
    from glossari.root import resolve_root
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"peniaga-broker": (
        "---\ntitle: Peniaga broker\nkeywords: Pelaburan\n---\n\n## Sorotan\n\n"
        + "".join(f"- {malay}\n" for malay, _ in _POINTS))}))
    locale = root / "locale"
    fresh = tmp_path / "fresh-locale"
    shutil.copytree(locale, fresh)
    folder = tmp_path / "en"
    folder.mkdir()
    for order in itertools.permutations(range(len(_POINTS))):
        shutil.rmtree(locale)
        shutil.copytree(fresh, locale)
        (folder / "peniaga-broker.md").write_text(
            "---\ntitle: Broker-dealer\nkeywords: Investing\n---\n\n## Key Takeaways\n\n"
            + "".join(f"- {_POINTS[i][1]}\n" for i in order), encoding="utf-8")
        align_folder(resolve_root(root), "en", folder)
        states = {e.msgid: (e.msgstr, e.fuzzy) for e in load_po(
            locale / "en" / "LC_MESSAGES" / "articles-p.po").current}
        assert [states[malay] for malay, _ in _POINTS] == [
            (_POINTS[i][1], i != at) for at, i in enumerate(order)], order


_BROKER_MS = ("---\ntitle: Peniaga broker\nkeywords: Pelaburan\n---\n\n"
              "Peniaga broker ialah firma yang berdagang [saham-saham](/stock) untuk "
              "pelanggannya.\n\n## Cara peniaga broker berfungsi\n\n"
              "Peniaga broker membeli dan menjual sekuriti bagi pihak pelanggan.\n")
_BROKER_EN = ("---\ntitle: Broker-dealer\nkeywords: Investing\n---\n\n"
              "A broker-dealer is a firm that trades [stocks](/stock) for its clients.\n\n"
              "## How a broker-dealer works\n\n"
              "A broker-dealer buys and sells securities on behalf of clients.\n")


@pytest.mark.parametrize(("malay", "english", "changed"), [
    ("## Cara peniaga broker berfungsi", "## How a broker-dealer works",
     "## Cara peniaga broker beroperasi"),
    ("Peniaga broker ialah firma yang berdagang [saham-saham](/stock) untuk pelanggannya.",
     "A broker-dealer is a firm that trades [stocks](/stock) for its clients.",
     "Peniaga broker ialah syarikat yang berdagang [saham-saham](/stock) untuk "
     "pelanggannya."),
])
def test_malay_given_back_then_changed_in_seeds_does_not_block_render(
        tmp_path: Path, malay: str, english: str, changed: str) -> None:
    """A translator pastes a block's Malay back into a rendering and `align --force` marks
    the English fuzzy; then an editor changes that block in seeds/ and `update` keeps the
    fuzzy English for the older Malay. The rendering still holds the older Malay, all of it
    in the catalogs (the withdrawal, noted with those bytes): render refused it on every run,
    and align read it as 'its Malay with a word changed', so only --overwrite got out. Render
    now writes the new Malay there; the English stays in the catalog, fuzzy, for review. A
    rendering edited since the withdrawal is still refused."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"peniaga-broker": _BROKER_MS}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "peniaga-broker.md").write_text(_BROKER_EN, encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "peniaga-broker.md"
    undone = page.read_text(encoding="utf-8").replace(english, malay)
    page.write_text(undone, encoding="utf-8")
    ok("align", "-l", "en", "--force", out, root=root)
    seed = root / "seeds" / "peniaga-broker.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace(malay, changed), encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)

    edited = tmp_path / "edited"
    shutil.copytree(out, edited)
    (edited / "peniaga-broker.md").write_text(undone + "\nA note of mine.\n", encoding="utf-8")
    code, _, err = cli("render", "-l", "en", "-o", edited, root=root)
    assert code == 2, err  # the translator's later work is kept
    assert (edited / "peniaga-broker.md").read_text(encoding="utf-8").endswith("mine.\n")

    code, _, err = cli("render", "-l", "en", "-o", out, root=root)
    assert code == 0, err
    assert page.read_text(encoding="utf-8") == undone.replace(malay, changed)
    [entry] = [e for e in load_po(root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po")
               .current if e.msgid == changed.lstrip("# ")]
    assert (entry.msgstr, entry.fuzzy) == (english.lstrip("# "), True)  # nothing lost
    code, said, _ = cli("align", "-l", "en", "--force", out, root=root)
    assert (code, "nothing of a translator's to take" in said) == (0, True)


_FUND_MS = ("---\ntitle: Dana bersama\naliases: unit amanah\nkeywords: Pelaburan\n---\n\n"
            "# Dana bersama\n\nDana bersama mengumpul wang daripada ramai pelabur untuk membeli "
            "[saham-saham](/stock).\n\n## Sorotan\n\n"
            "- Dana bersama diuruskan oleh pengurus dana profesional.\n")
_FUND_EN = ("---\ntitle: Mutual fund\nkeywords: Investing\n---\n\n# Mutual fund\n\n"
            "A mutual fund pools money from many investors to buy [stocks](/stock).\n\n"
            "## Key Takeaways\n\n- A mutual fund is run by professional fund managers.\n")


@pytest.mark.parametrize(("english", "malay"), [
    ("title: Mutual fund\n", "title: Dana bersama\n"),
    ("# Mutual fund\n", "# Dana bersama\n"),
])
def test_the_headword_given_back_in_the_title_or_its_heading_alone_lets_render_go_on(
        tmp_path: Path, english: str, malay: str) -> None:
    """The title and the `#` heading repeating it are one message, the headword. A translator
    who set only one of them back to Malay, the other left as render wrote it: with the title
    given back, align --force withdrew the English and render then refused the heading it
    would write in Malay too; with the heading given back, align kept the title's English
    ('translated two ways; the first was kept') and render refused the heading on every run.
    Either way the message is given back (fuzzy, the English kept in the catalog), and render
    writes the Malay in both places; a heading holding a new English is still refused."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"dana-bersama": _FUND_MS}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "dana-bersama.md").write_text(_FUND_EN, encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "dana-bersama.md"
    rendered = page.read_text(encoding="utf-8")
    assert rendered == _FUND_EN
    page.write_text(rendered.replace(english, malay), encoding="utf-8")
    assert cli("render", "-l", "en", "-o", out, root=root)[0] == 2
    code, said, err = cli("align", "-l", "en", "--force", out, root=root)
    assert code == 0, err
    assert "1 given back in Malay, marked fuzzy" in said
    glossary = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    [entry] = [e for e in load_po(glossary).current if e.msgctxt == "dana-bersama"]
    assert (entry.msgstr, entry.fuzzy) == ("Mutual fund", True)  # nothing lost

    edited = tmp_path / "edited"
    shutil.copytree(out, edited)
    mine = page.read_text(encoding="utf-8").replace("# Mutual fund", "# Mutual funds")
    if mine != page.read_text(encoding="utf-8"):
        (edited / "dana-bersama.md").write_text(mine, encoding="utf-8")
        assert cli("render", "-l", "en", "-o", edited, root=root)[0] == 2
        assert (edited / "dana-bersama.md").read_text(encoding="utf-8") == mine

    code, _, err = cli("render", "-l", "en", "-o", out, root=root)
    assert code == 0, err
    assert page.read_text(encoding="utf-8") == _FUND_EN.replace(
        "title: Mutual fund", "title: Dana bersama").replace("# Mutual fund", "# Dana bersama")
    code, said, _ = cli("align", "-l", "en", "--force", out, root=root)
    assert (code, "nothing of a translator's to take" in said) == (0, True)


def test_a_block_s_older_malay_is_named_as_such_not_as_a_fix(tmp_path: Path) -> None:
    """A rendering holding a block's Malay as it was before an editor changed it in seeds/
    (pasted back, withdrawn with align --force) was read by align as 'its Malay with a word
    changed' and sent the translator to fix the article in seeds/, which is what had changed:
    it is named as the older Malay, nothing taken, the catalog's English kept fuzzy."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"peniaga-broker": _BROKER_MS}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "peniaga-broker.md").write_text(_BROKER_EN, encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "peniaga-broker.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "How a broker-dealer works", "Cara peniaga broker berfungsi"), encoding="utf-8")
    ok("align", "-l", "en", "--force", out, root=root)
    seed = root / "seeds" / "peniaga-broker.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace("berfungsi", "beroperasi"),
                    encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    articles = root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po"
    before = articles.read_bytes()
    for flags in ((), ("--force",)):
        code, said, err = cli("align", "-l", "en", *flags, out, root=root)
        assert code == 0, err
        assert "with a word changed" not in err
        assert "is this block's older Malay" in err
        assert "1 still in Malay" in said
        assert articles.read_bytes() == before


_NUMBERED = [
    ("Bayaran lewat dikenakan caj sebanyak 50 ringgit setiap kali.",
     "Late payments are charged a fee of 50 ringgit each time."),
    ("Tempoh bayaran balik biasanya ialah 24 bulan lamanya.",
     "The repayment period is usually 24 months long."),
    ("Kadar faedah tahunan boleh mencapai 18 peratus setahun.",
     "The annual interest rate can reach 18 percent a year."),
    ("Pemohon perlu berumur sekurang-kurangnya 21 tahun.",
     "Applicants must be at least 21 years old."),
]


@pytest.mark.parametrize("order", [[1, 2, 0, 3], [0, 3, 1, 2], [2, 1, 0, 3], [3, 2, 1, 0]])
def test_numbered_points_rotated_are_taken_fuzzy(tmp_path: Path, order: list[int]) -> None:
    """Numbered `Sorotan` points moved two places down (or two exchanged across a third)
    were taken silently: the check of numbers (C205's rule) compared neighbours only, and a
    rotation exchanges none. Each point whose numbers differ from its Malay's points at the
    nearest whose translation's agree; a cycle is a permutation, taken fuzzy."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"pinjaman-peribadi": (
        "---\ntitle: Pinjaman peribadi\n---\n\n## Sorotan\n\n"
        + "".join(f"- {malay}\n" for malay, _ in _NUMBERED))}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "pinjaman-peribadi.md").write_text(
        "---\ntitle: Personal loan\n---\n\n## Key Takeaways\n\n"
        + "".join(f"- {_NUMBERED[i][1]}\n" for i in order), encoding="utf-8")
    code, _, err = cli("align", "-l", "en", folder, root=root)
    assert code == 0, err
    states = {e.msgid: (e.msgstr, e.fuzzy) for e in load_po(
        root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po").current}
    assert [states[malay] for malay, _ in _NUMBERED] == [
        (_NUMBERED[i][1], i != at) for at, i in enumerate(order)]


def test_a_headword_given_back_in_its_title_then_changed_in_seeds_lets_render_go_on(
        tmp_path: Path) -> None:
    """The two last rules together: the title given back in Malay (the heading repeating it
    left in English), withdrawn with align --force, then the headword changed in seeds/. The
    rendering holds the older Malay in the title and the catalog's English in the heading,
    nothing the catalogs lack: render refused it on every run; it writes the new Malay."""
    from tests._catalog_oracles import make_root

    root = prepared(make_root(tmp_path, {"dana-bersama": _FUND_MS}))
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "dana-bersama.md").write_text(_FUND_EN, encoding="utf-8")
    ok("align", "-l", "en", folder, root=root)
    out = tmp_path / "out"
    ok("render", "-l", "en", "-o", out, root=root)
    page = out / "dana-bersama.md"
    page.write_text(_FUND_EN.replace("title: Mutual fund", "title: Dana bersama"),
                    encoding="utf-8")
    ok("align", "-l", "en", "--force", out, root=root)
    seed = root / "seeds" / "dana-bersama.md"
    seed.write_text(_FUND_MS.replace("title: Dana bersama\n", "title: Dana bersama terbuka\n")
                    .replace("# Dana bersama\n", "# Dana bersama terbuka\n"), encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    code, _, err = cli("render", "-l", "en", "-o", out, root=root)
    assert code == 0, err
    assert page.read_text(encoding="utf-8") == _FUND_EN.replace(
        "title: Mutual fund", "title: Dana bersama terbuka").replace(
        "# Mutual fund", "# Dana bersama terbuka")
    [entry] = [e for e in load_po(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")
               .current if e.msgctxt == "dana-bersama"]
    assert (entry.msgstr, entry.fuzzy) == ("Mutual fund", True)
