"""Issue 18, items 2 and 3: nothing a translator writes is injected into a rendered article, and
no output lands in ``seeds/``.

A translation holding any link form or raw HTML its source lacks is treated like a changed link
target: ``render`` keeps the Malay for that message (and counts it as untranslated), ``check``
reports an error (C203 for links, C208 for raw HTML and reference definitions).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from glossari.seeds.markdown import links_and_html
from tests._alignkit import cli, ok

ARTICLE = (
    "---\ntitle: Kos\ndescription: Harga barang.\nkeywords: Perakaunan\n---\n\n# Kos\n\n"
    "Perenggan satu [harga](/harga).\n\nPerenggan dua.\n"
)
SOURCE = "Perenggan satu [harga](/harga)."

# (translation, what must not reach the article)
HOSTILE = {
    "autolink": ("Paragraph one [price](/harga) <javascript:alert(1)>.", "javascript:"),
    "img": ("Paragraph one [price](/harga) <img src=x onerror=alert(1)>.", "onerror"),
    "script": ("Paragraph one [price](/harga)<script>alert(1)</script>.", "<script>"),
    "anchor": ('Paragraph one [price](/harga) <a href="javascript:alert(1)">x</a>.',
               "javascript:"),
    "comment": ("Paragraph one [price](/harga). <!--", "<!--"),
    "definition": ("Paragraph one [price][r].\n\n[r]: javascript:alert(1)", "javascript:"),
    "js-link": ("Paragraph one [price](javascript:alert(1)).", "javascript:"),
    "image": ("Paragraph one [price](/harga) ![x](https://tracker.test/p.gif).", "tracker"),
}


def _po_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


@pytest.fixture(scope="module")
def prepared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inject") / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kos.md").write_text(ARTICLE, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    return root


def _with_translation(tmp_path: Path, prepared_root: Path, translation: str) -> Path:
    import shutil

    root = tmp_path / "g"
    shutil.copytree(prepared_root, root)
    found = 0
    for po in (root / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        text = po.read_text("utf-8")
        empty = f'msgid "{_po_quote(SOURCE)}"\nmsgstr ""'
        if empty in text:
            po.write_text(text.replace(empty, f'msgid "{_po_quote(SOURCE)}"\n'
                                              f'msgstr "{_po_quote(translation)}"'), "utf-8")
            found += 1
    assert found == 1
    return root


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_render_keeps_the_malay_for_injected_markup(
    tmp_path: Path, prepared_root: Path, name: str
) -> None:
    translation, payload = HOSTILE[name]
    root = _with_translation(tmp_path, prepared_root, translation)
    out = tmp_path / "out"
    code, stdout, stderr = cli("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert code == 0, stderr
    rendered = (out / "kos.md").read_text("utf-8")
    assert payload not in rendered
    assert SOURCE in rendered  # the Malay kept
    assert "seeds/kos.md:9:" in stderr
    assert "kept the Malay" in stderr
    assert "(0%, 0 of 5 parts)" in stdout  # counted as untranslated


@pytest.mark.parametrize("name", ["script", "img", "anchor", "comment"])
def test_render_keeps_the_malay_headword_heading_for_injected_markup(
    tmp_path: Path, prepared_root: Path, name: str
) -> None:
    """The headword's translation went into the article's `#` heading as written, though the
    front matter's title, the same message, kept the Malay: `# Cost<script>...` in the
    published article. The heading is refused as the title is."""
    import shutil

    translation = HOSTILE[name][0].replace("Paragraph one [price](/harga)", "Cost")
    payload = HOSTILE[name][1]
    root = tmp_path / "g"
    shutil.copytree(prepared_root, root)
    po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text("utf-8")
    empty = 'msgctxt "kos"\nmsgid "Kos"\nmsgstr ""'
    assert empty in text
    po.write_text(text.replace(empty, empty[:-2] + f'"{_po_quote(translation)}"'), "utf-8")
    out = tmp_path / "out"
    code, _stdout, stderr = cli("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert code == 0, stderr
    rendered = (out / "kos.md").read_text("utf-8")
    assert payload not in rendered
    assert "\ntitle: Kos\n" in rendered
    assert "\n# Kos\n" in rendered  # the heading says what the title says
    assert "seeds/kos.md:2:" in stderr
    assert "kept the Malay" in stderr


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_check_reports_injected_markup_as_an_error(
    tmp_path: Path, prepared_root: Path, name: str
) -> None:
    translation, _payload = HOSTILE[name]
    root = _with_translation(tmp_path, prepared_root, translation)
    code, stdout, _stderr = cli("check", "-l", "en", "--format", "json", "--fail-on", "error",
                                root=root)
    assert code == 1
    errors = [f for f in json.loads(stdout) if f["severity"] == "error"]
    assert {f["code"] for f in errors} & {"C203", "C208"}, errors


@pytest.mark.parametrize(("translation", "code"), [
    # a wrapped line that starts a list item: the paragraph would become a list
    ("Paragraph one [price](/harga) rose in\n- to a high.", "C209"),
    ("Paragraph one [price](/harga) rose in\n1. to a high.", "C209"),
    ("\u200b", "C203"),  # nothing visible (and so no link either)
])
def test_check_reports_what_render_refuses(
    tmp_path: Path, prepared_root: Path, translation: str, code: str,
) -> None:
    """`check` said 100% and exit 0 where `render` kept the Malay: the two disagreed."""
    root = _with_translation(tmp_path, prepared_root, translation)
    out = tmp_path / "out"
    _code, _stdout, stderr = cli("render", "-l", "en", "-o", out, "--min-coverage", "0",
                                 root=root)
    assert "kept the Malay" in stderr
    status, stdout, _ = cli("check", "-l", "en", "--format", "json", "--fail-on", "error",
                            root=root)
    assert status == 1
    found = [f for f in json.loads(stdout) if f["code"] == code]
    assert found
    assert all(f["severity"] == "error" for f in found)


def test_the_same_markup_as_the_source_is_fine(tmp_path: Path, prepared_root: Path) -> None:
    root = _with_translation(tmp_path, prepared_root, "Paragraph one [price](/harga).")
    out = tmp_path / "out"
    code, stdout, stderr = cli("render", "-l", "en", "-o", out, "--min-coverage", "0", root=root)
    assert code == 0
    assert "kept the Malay" not in stderr
    assert "Paragraph one [price](/harga)." in (out / "kos.md").read_text("utf-8")
    code, stdout, _ = cli("check", "-l", "en", "--format", "json", root=root)
    assert not {f["code"] for f in json.loads(stdout)} & {"C203", "C208", "C209"}


def test_one_function_sees_every_form() -> None:
    kinds = {name: {kind for kind, _ in links_and_html(text)} - {"link"}
             for name, (text, _) in HOSTILE.items()}
    assert kinds["img"] == kinds["script"] == kinds["anchor"] == kinds["comment"] == {"html"}
    assert kinds["definition"] == {"definition"}
    assert kinds["image"] == {"image"}
    assert ("link", "javascript:alert(1)") in links_and_html(HOSTILE["autolink"][0])
    # escaped and coded text is not markup
    assert links_and_html(r"a \<b> &lt;img&gt; `<img>` x < y") == ()


# -- item 3: no write into seeds/ ----------------------------------------------------------------


@pytest.mark.parametrize("where", ["seeds", "seeds/sub", "./seeds/../seeds"])
def test_render_refuses_to_write_into_seeds(
    tmp_path: Path, prepared_root: Path, where: str
) -> None:
    import shutil

    root = tmp_path / "g"
    shutil.copytree(prepared_root, root)
    before = {p.name: p.read_bytes() for p in (root / "seeds").iterdir()}
    code, _out, err = cli("render", "-l", "en", "-o", root / where, "--min-coverage", "0",
                          root=root)
    assert code == 2
    assert err.count("\n") == 1, err
    assert "seeds" in err
    assert {p.name: p.read_bytes() for p in (root / "seeds").iterdir()} == before


def test_render_refuses_seeds_through_a_link(tmp_path: Path, prepared_root: Path) -> None:
    import shutil

    root = tmp_path / "g"
    shutil.copytree(prepared_root, root)
    (tmp_path / "alias").symlink_to(root / "seeds")
    code, _out, err = cli("render", "-l", "en", "-o", tmp_path / "alias", "--min-coverage", "0",
                          root=root)
    assert code == 2
    assert err.count("\n") == 1
    assert sorted(p.name for p in (root / "seeds").iterdir()) == ["kos.md"]


@pytest.mark.parametrize("name", ["seeds/x.md", "seeds/kos.md", "seeds"])
def test_table_refuses_to_write_into_seeds(
    tmp_path: Path, prepared_root: Path, name: str
) -> None:
    import shutil

    root = tmp_path / "g"
    shutil.copytree(prepared_root, root)
    before = {p.name: p.read_bytes() for p in (root / "seeds").iterdir()}
    code, _out, err = cli("table", "-o", root / name, root=root)
    assert code == 2
    assert err.count("\n") == 1, err
    assert "seeds" in err
    assert {p.name: p.read_bytes() for p in (root / "seeds").iterdir()} == before


def _catalog_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes()
            for p in sorted((root / "locale").rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", ["locale/en/LC_MESSAGES/glossary.po", "locale/glossary.pot",
                                  "locale/table.md", "locale/en"])
def test_table_refuses_to_write_into_locale(
    tmp_path: Path, prepared_root: Path, name: str
) -> None:
    """A slip of ``-o`` onto a catalog must not replace a translator's work (it did: every
    msgstr gone, exit 0, and the next command failed on the broken catalog)."""
    import shutil

    root = tmp_path / "g"
    shutil.copytree(prepared_root, root)
    before = _catalog_bytes(root)
    for fmt in ("md", "csv"):
        code, _out, err = cli("table", "-l", "en", "--format", fmt, "-o", root / name, root=root)
        assert code == 2
        assert err.count("\n") == 1, err
        assert "locale/" in err
        assert "catalogs" in err
    assert _catalog_bytes(root) == before


def test_render_refuses_to_write_into_locale(tmp_path: Path, prepared_root: Path) -> None:
    import shutil

    root = tmp_path / "g"
    shutil.copytree(prepared_root, root)
    (tmp_path / "alias").symlink_to(root / "locale" / "en" / "LC_MESSAGES")
    before = _catalog_bytes(root)
    for where in (root / "locale" / "en" / "LC_MESSAGES", tmp_path / "alias"):
        code, _out, err = cli("render", "-l", "en", "-o", where, "--min-coverage", "0",
                              root=root)
        assert code == 2
        assert err.count("\n") == 1, err
        assert "locale/" in err
    assert _catalog_bytes(root) == before


def test_render_refuses_an_empty_output_name(
    tmp_path: Path, prepared_root: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`render -o ''` wrote the articles into the current folder, wherever the user stood."""
    monkeypatch.chdir(tmp_path)
    for empty in ("", "  "):
        code, _out, err = cli("render", "-l", "en", "-o", empty, root=prepared_root)
        assert code == 2
        assert err.count("\n") == 1
        assert "-o: an empty file or folder name" in err
    assert list(tmp_path.iterdir()) == []


REFERENCES = (
    "---\ntitle: Untung kasar\n---\n\n# Untung kasar\n\n"
    "Untung kasar ialah [hasil] tolak [kos jualan][].\n\nLihat juga [margin][m].\n\n"
    "[hasil]: /revenue\n[kos jualan]: /costofsales\n[m]: /grossmargin\n"
)


@pytest.mark.parametrize(("translation", "usable", "codes"), [
    # labels kept: the links live
    ("Gross profit is [revenue][hasil] minus [cost of sales][kos jualan].", True, set()),
    # the shortcut and collapsed forms translated: every link dead
    ("Gross profit is [revenue] minus [cost of sales][].", False, {"C203"}),
    # only the shortcut: the article defines `[hasil]`, so it is a link, dead as the others:
    # an error, as render refuses it and every count has it untranslated
    # (tests/test_reference_definitions.py; with no definition it is text, and C206)
    ("Gross profit is [revenue] minus [cost of sales][kos jualan].", False, {"C203"}),
])
def test_reference_links_are_links_for_render_and_check(
    tmp_path: Path, translation: str, usable: bool, codes: set[str],
) -> None:
    """`[hasil]` translated `[revenue]` (its definition `[hasil]: /revenue` is in the article,
    not in the message): check said nothing and render published dead links as 100%."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "untungkasar.md").write_text(REFERENCES, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    msgid = "Untung kasar ialah [hasil] tolak [kos jualan][]."
    [po] = (root / "locale" / "en" / "LC_MESSAGES").glob("articles-u.po")
    text = po.read_text("utf-8")
    empty = f'msgid "{_po_quote(msgid)}"\nmsgstr ""'
    assert empty in text
    po.write_text(text.replace(empty, f'msgid "{_po_quote(msgid)}"\n'
                                      f'msgstr "{_po_quote(translation)}"'), "utf-8")
    out = tmp_path / "out"
    _code, _stdout, stderr = cli("render", "-l", "en", "-o", out, "--min-coverage", "0",
                                 root=root)
    rendered = (out / "untungkasar.md").read_text("utf-8")
    assert (translation in rendered) == usable
    assert (msgid in rendered) != usable
    assert ("kept the Malay" in stderr) != usable
    _code, stdout, _ = cli("check", "-l", "en", "--format", "json", root=root)
    found = {f["code"] for f in json.loads(stdout) if f["line"] and "reference" in f["message"]}
    assert found == codes


REFUSED = {
    **{name: translation for name, (translation, _payload) in HOSTILE.items()},
    "other-target": "Paragraph one [price](/kos).",  # C203: another term's page
    "list-line": "Paragraph one [price](/harga) rose in\n- to a high.",  # C209
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_the_api_and_the_site_keep_the_malay_where_render_does(
    tmp_path: Path, prepared_root: Path, name: str
) -> None:
    """The English side of a term (the API, the tables, search, the site) took a translation
    `render` refuses: the site showed `Paragraph one [price](/kos)` leading to another term's
    page, marked translated, and counted it so, while the rendered article kept the Malay. One
    rule (glossari.catalog.usable) decides for all of them: the Malay is kept, marked
    untranslated."""
    import glossari
    from glossari.export.site import build_site

    root = _with_translation(tmp_path, prepared_root, REFUSED[name])
    glossary = glossari.load(root)
    english = glossary["kos"].english
    blocks = [b.text for s in english.sections for b in s.blocks]
    assert SOURCE in blocks
    assert not any(text.startswith("Paragraph one") for text in blocks)
    build_site(glossary, tmp_path / "site")
    page = (tmp_path / "site" / "terms" / "kos.html").read_text("utf-8")
    assert "Paragraph one" not in page
    assert re.search(r'<p lang="ms" class="state-untranslated"><span class="mark '
                     r'mark-untranslated">.*?</span> Perenggan satu', page)
    assert 'class="count status-translated"' not in page  # its one translation not counted


def test_a_headword_render_refuses_is_no_english_headword(
    tmp_path: Path, prepared_root: Path
) -> None:
    """`table` and the site gave `Cost <b>x</b>` as the English headword that `render` refuses
    (C208), keeping `title: Kos`: it is untranslated for every consumer."""
    import shutil

    import glossari

    root = tmp_path / "g"
    shutil.copytree(prepared_root, root)
    po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    empty = 'msgctxt "kos"\nmsgid "Kos"\nmsgstr ""'
    text = po.read_text("utf-8")
    assert empty in text
    po.write_text(text.replace(empty, empty[:-2] + '"Cost <b>x</b>"'), "utf-8")
    english = glossari.load(root)["kos"].english
    assert (english.title, english.status) == (None, "untranslated")
    rows = json.loads(ok("table", "--format", "json", root=root))
    assert [(r["en"], r["status"]) for r in rows if r["id"] == "kos"] == [(None, "untranslated")]
