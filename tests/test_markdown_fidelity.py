"""Markdown as an editor writes it, read back by ``show``, the site and ``render``: nothing an
article says is lost, reordered or moved (markdown-it-py, CommonMark, is the oracle; the site's
pages are read with html5lib)."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import html5lib
import pytest
from _alignkit import cli
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markupsafe import escape

import glossari
from glossari.export.site import build_site

_NS = "{http://www.w3.org/1999/xhtml}"
_SHAPE = {"p", "hr", "blockquote", "ul", "ol", "li", "pre", "table",
          "h1", "h2", "h3", "h4", "h5", "h6"}


def _shape(html: str, *, levels: bool = True) -> list[str]:
    """The block elements of an HTML fragment, in document order, as html5lib reads them:
    ``<tag`` on the way in and ``</tag`` on the way out. An item's paragraphs are its text
    (a loose list wraps each in ``<p>``, a tight one none; the site wraps all but the first:
    the same words). Without
    ``levels``, every heading is ``<h``: the site's levels skip none, and differ from the
    article's where it does."""
    found: list[str] = []

    def walk(element: object) -> None:
        for child in element:  # type: ignore[attr-defined]
            tag = str(child.tag).removeprefix(_NS)
            if tag == "p" and str(element.tag).endswith("}li"):  # type: ignore[attr-defined]
                tag = "paragraph of an item"
            shown = "h" if not levels and re.fullmatch(r"h[1-6]", tag) else tag
            if tag in _SHAPE:
                found.append(f"<{shown}")
            walk(child)
            if tag in _SHAPE:
                found.append(f"</{shown}")

    walk(html5lib.parseFragment(html, namespaceHTMLElements=True))
    return found


def _glossary(tmp_path: Path, body: str) -> Path:
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\ndescription: Firma yang berdagang.\n"
        f"keywords: Pembrokeran\n---\n\n# Peniaga broker\n\n{body}", "utf-8")
    return root


def _malay_side(site: Path) -> str:
    page = (site / "terms" / "peniaga-broker.html").read_text("utf-8")
    sides = re.findall(r'<section class="pair body">\s*<div class="side ms" lang="ms">(.*?)</div>',
                       page, re.DOTALL)
    return "".join(sides)


def _oracle(body: str) -> list[str]:
    return _shape(MarkdownIt("commonmark").render(body))


_RULED = (
    "Perenggan pertama tentang [saham-saham](/stock).\n\n---\n\n"
    "Perenggan kedua tentang [pelaburannya](/investment).\n\n***\n\n"
    "> Petikan.\n>\n> * * *\n>\n> Petikan lagi.\n\n"
    "- satu\n\n  ___\n- dua\n\n_ _ _\n\nPenutup.\n"
)


def test_thematic_breaks_are_kept_where_they_stand(tmp_path: Path) -> None:
    """`---`, `***`, `___` (and `* * *` in a quote, `___` in an item) were dropped: the site
    ran the text on either side together and `show` printed no break."""
    root = _glossary(tmp_path, _RULED)
    build_site(glossari.load(root), tmp_path / "site")
    assert _shape(_malay_side(tmp_path / "site")) == _oracle(_RULED)
    term = glossari.load(root)["peniaga-broker"]
    rules = [b for s in term.sections for b in s.blocks if b.kind == "rule"]
    assert [(b.text, b.line, b.path) for b in rules] == [
        ("---", 11, ()), ("***", 15, ()), ("* * *", 19, ("quote:1",)),
        ("___", 25, ("ul:2:1",)), ("_ _ _", 28, ())]
    assert not any(b.translatable for b in rules)
    code, out, err = cli("--root", root, "show", "peniaga-broker")
    assert code == 0, err
    shown = out[out.index("# Peniaga broker"):]
    for text in ("\n---\n", "\n***\n", "\n> * * *\n", "\n  ___\n", "\n_ _ _\n"):
        assert text in shown, shown
    assert shown.index("Perenggan pertama") < shown.index("---") < shown.index("Perenggan kedua")


_PIECES = st.sampled_from([
    "Saham-saham dijual.", "Pelaburannya kukuh.", "---", "***", "___", "- - -",
    "> Petikan bon.", "> ***", "- item saham", "1. langkah", "  ***",
])


@given(st.lists(_PIECES, min_size=1, max_size=6))
@settings(max_examples=60, deadline=None)
def test_the_site_shows_every_break_as_markdown_it_reads_it(pieces: list[str]) -> None:
    """Property: paragraphs, quotes, lists and thematic breaks in any order come out on the
    page as markdown-it-py renders them."""
    from glossari.export.site._pages import _tree, render_nodes
    from glossari.seeds.markdown import parse_body

    body = "\n\n".join(pieces) + "\n"
    parsed = parse_body(body, source="a.md", line_offset=0)
    blocks = [(b, b.text, "ms", "source") for s in parsed.sections for b in s.blocks]
    assert _shape(str(render_nodes(_tree(blocks)))) == _oracle(body)  # type: ignore[arg-type]


_HEADED = (
    "Pengenalan tentang [saham-saham](/stock).\n\n"
    "> ## Nota tentang pelaburannya\n>\n> Teks petikan tentang [bon][b].\n\n"
    "- ### Langkah pertama\n  Beli saham.\n- Langkah kedua.\n\n"
    "3. ## Langkah ketiga\n\n   Jual bon.\n4. Langkah keempat.\n\n"
    "> Petikan kedua\n> ---\n\n"
    "Penutup tentang pelaburan.\n\n[b]: /bon\n"
)


def test_a_heading_in_a_quote_or_an_item_stays_there(tmp_path: Path) -> None:
    """`> ## Nota` and `- ### Langkah` were read as sections of the article: the site drew the
    heading outside the quote or list, the text after it under it as if a section's, and `show`
    printed the item's text as a new item."""
    root = _glossary(tmp_path, _HEADED)
    term = glossari.load(root)["peniaga-broker"]
    assert [s.heading for s in term.sections] == ["Peniaga broker"]
    headings = [(b.text, b.level, b.path, b.number) for s in term.sections for b in s.blocks
                if b.kind == "heading"]
    assert headings == [("Nota tentang pelaburannya", 2, ("quote:1",), None),
                        ("Langkah pertama", 3, ("ul:2:1",), None),
                        ("Langkah ketiga", 2, ("ol:3:1",), 3),
                        ("Petikan kedua", 2, ("quote:4",), None)]
    build_site(glossari.load(root), tmp_path / "site")
    side = _malay_side(tmp_path / "site")
    assert _shape(side, levels=False) == _shape(MarkdownIt("commonmark").render(_HEADED),
                                                levels=False)
    assert [int(h) for h in re.findall(r"<h(\d)", side)] == [2, 3, 2, 2]  # none skipped
    code, out, err = cli("--root", root, "show", "peniaga-broker")
    assert code == 0, err
    shown = out[out.index("# Peniaga broker"):out.index("\nLinks:")]
    for text in ("> ## Nota tentang pelaburannya\n>\n> Teks petikan",
                 "- ### Langkah pertama\n\n  Beli saham.\n- Langkah kedua.",
                 "3. ## Langkah ketiga\n\n   Jual bon.\n4. Langkah keempat."):
        assert text in shown, shown
    # shown as Markdown, the view reads as the article does
    assert _shape(MarkdownIt("commonmark").render(shown.split("\n", 1)[1])) == _shape(
        MarkdownIt("commonmark").render(_HEADED.replace("> Petikan kedua\n> ---",
                                                        "> ## Petikan kedua")))


def test_a_heading_in_a_quote_is_a_heading_message_render_translates_on_its_line(
        tmp_path: Path) -> None:
    """Its message is a heading's (one line, judged as one), and `render` writes the
    translation after the quote's and the heading's markers, closing hashes kept."""
    body = "> ## Nota pelaburan ##\n>\n> Teks.\n\n1. ### Langkah *satu*\n"
    root = _glossary(tmp_path, body)
    assert cli("--root", root, "extract")[0] == 0
    assert cli("--root", root, "update", "-l", "en")[0] == 0
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po"
    text = po.read_text("utf-8")
    assert "#. heading of peniaga-broker\n#: seeds/peniaga-broker.md:9\nmsgid \"Nota" in text
    for malay, english in (("Nota pelaburan", "Investment note"), ("Teks.", "Text."),
                           ("Langkah *satu*", "Step *one*")):
        text = text.replace(f'msgid "{malay}"\nmsgstr ""', f'msgid "{malay}"\nmsgstr "{english}"')
    po.write_text(text, "utf-8")
    assert cli("--root", root, "render", "-l", "en", "-o", tmp_path / "en",
               "--min-coverage", "0")[0] == 0
    rendered = (tmp_path / "en" / "peniaga-broker.md").read_text("utf-8")
    assert "> ## Investment note ##\n>\n> Text.\n\n1. ### Step *one*\n" in rendered
    english = glossari.load(root)["peniaga-broker"].english
    assert [b.text for s in english.sections for b in s.blocks] == [
        "Investment note", "Text.", "Step *one*"]


_PIECES_HEADED = st.sampled_from([
    "Saham-saham dijual.", "> ## Nota saham", "> ###### Nota kecil", "- ### Langkah",
    "1. ## Langkah", "> Petikan\n> ---", "- Item\n  ===", "***", "> > # Dalam",
    "- satu\n\n  ## dua", "1. ***",
])


@given(st.lists(_PIECES_HEADED, min_size=1, max_size=5))
@settings(max_examples=60, deadline=None)
def test_headings_in_quotes_and_items_stay_where_markdown_it_puts_them(
        pieces: list[str]) -> None:
    """Property: a heading in a quote or an item (ATX or setext) comes out on the page inside
    it, as markdown-it-py renders it; the page's levels skip none."""
    from glossari.export.site._pages import _tree, render_nodes
    from glossari.seeds.markdown import parse_body

    body = "\n\n".join(pieces) + "\n"
    parsed = parse_body(body, source="a.md", line_offset=0)
    blocks = [(b, b.text, "ms", "source") for s in parsed.sections for b in s.blocks]
    html = str(render_nodes(_tree(blocks)))  # type: ignore[arg-type]
    assert _shape(html, levels=False) == _shape(MarkdownIt("commonmark").render(body),
                                                levels=False)
    levels = [1] + [int(h) for h in re.findall(r"<h(\d)", html)]
    assert all(b <= a + 1 for a, b in pairwise(levels))


def _anchors(html: str) -> list[tuple[str, str]]:
    """Each link of an HTML fragment, as html5lib reads it: its text and address."""
    tree = html5lib.parseFragment(html, namespaceHTMLElements=False)
    return [("".join(a.itertext()), a.get("href", "")) for a in tree.iter("a")]


_DEFINED_IN = {
    "its own line": "[s]: /stock \"Saham biasa\"",
    "a quote": "> [s]: /stock \"Saham biasa\"",
    "a quote, with text": "> Nota.\n>\n> [s]: /stock",
    "a list item": "- item\n\n  [s]: /stock",
    "a nested item": "- luar\n\n  - dalam\n\n    [s]: /stock",
    "several lines": "[s]:\n  /stock\n  \"Saham biasa\"",
    "a title on the next line": "[S]: /stock\n'Saham (biasa)'",
    "a destination in brackets": "[s]: <stock> \"Saham\"",
    "a fenced code block": "```\n[s]: /stock\n```",
    "an indented code block": "    [s]: /stock",
    "a second definition": "[s]: /stock\n\n[s]: /bon",
}


@given(st.sampled_from(sorted(_DEFINED_IN)), st.booleans())
@settings(max_examples=40, deadline=None)
def test_a_reference_link_leads_where_commonmark_reads_its_definition(
        where: str, before: bool) -> None:
    """A definition in a quote, in a list item or over several lines was missed (a line of its
    own alone was read), so the site showed `[saham][s]` as brackets while `show` and the
    links list led it to /stock; and a line in a code block that looked like one linked the
    article's `[s]`. The site's links are markdown-it-py's, wherever the definition stands."""
    from glossari.export.site._inline import render_inline
    from glossari.seeds.markdown import reference_definitions

    paragraph = "Lihat [saham-saham][s] dan [pelaburannya][S]."
    body = (f"{_DEFINED_IN[where]}\n\n{paragraph}\n" if before
            else f"{paragraph}\n\n{_DEFINED_IN[where]}\n")
    oracle = [(text, href.removeprefix("/") + ".html")
              for text, href in _anchors(MarkdownIt("commonmark").render(body))]
    definitions = reference_definitions(f"---\ntitle: Saham\n---\n\n{body}")
    site = _anchors(render_inline(paragraph, lambda target: f"{target}.html",
                                  definitions=definitions))
    assert site == oracle, definitions


def test_the_site_follows_a_definition_in_a_quote_or_over_lines(tmp_path: Path) -> None:
    body = ("> Lihat [saham-saham][s] dan [ekuiti][e].\n>\n> [s]: /stock \"Saham biasa\"\n\n"
            "[e]:\n  /equity\n  \"Ekuiti\"\n\n```\n[x]: /bon\n```\n\nBukan pautan: [bon][x].\n")
    root = _glossary(tmp_path, body)
    term = glossari.load(root)["peniaga-broker"]
    assert term.definitions == '[s]: /stock "Saham biasa"\n[e]: /equity "Ekuiti"'
    build_site(glossari.load(root), tmp_path / "site")
    side = _malay_side(tmp_path / "site")
    assert _anchors(side) == [("saham-saham", "stock.html"), ("ekuiti", "equity.html")]
    assert "[bon][x]" in side


def test_show_keeps_a_hard_line_break(tmp_path: Path) -> None:
    """`show` joined a block's lines with spaces: a break written with a backslash came out as
    `dua\\ tiga` (a backslash in the text, the break gone), one written with two spaces gone."""
    body = ("Alamat pejabat:  \nJalan Saham 1\\\nKuala Lumpur\nMalaysia.\n\n"
            "> Petikan satu\\\n> petikan dua.\n\n- item [bon](/bon)  \n  baris kedua\n")
    root = _glossary(tmp_path, body)
    code, out, err = cli("--root", root, "show", "peniaga-broker")
    assert code == 0, err
    for text in ("\nAlamat pejabat:\nJalan Saham 1\\\nKuala Lumpur Malaysia.\n",
                 "\n> Petikan satu\\\n  petikan dua.\n", "\n- item [bon](/bon)\n  baris kedua\n"):
        assert text in out, out
    assert "1\\ Kuala" not in out


_ITEM_STARTS = ("- | Jenis | Kadar |\n  |---|--:|\n  | Saham | 1% |\n- dua\n",
                "1. ```\n   x = 1\n   ```\n2. dua\n",
                "3. ***\n4. empat\n",
                "- Pertama\n-     kod = 1\n- ketiga\n")


def test_show_keeps_the_marker_of_an_item_that_starts_with_a_table_code_or_a_rule(
        tmp_path: Path) -> None:
    """An item whose first block was a table, code or a rule lost its `- ` or number in
    `show`: the table came out as indented text, as if under the item before, and the list
    had an item fewer. Read as Markdown, the view has the article's lists and items."""
    for number, body in enumerate(_ITEM_STARTS):
        root = _glossary(tmp_path / str(number), body)
        code, out, err = cli("--root", root, "show", "peniaga-broker")
        assert code == 0, err
        shown = out[out.index("# Peniaga broker"):].split("\n", 1)[1].split("\nLinks:")[0]
        wanted = [t for t in _oracle(body) if t[1:] in ("ul", "ol", "li")]
        assert [t for t in _shape(MarkdownIt("commonmark").render(shown))
                if t[1:] in ("ul", "ol", "li")] == wanted, shown


@given(st.sampled_from(["1. luar", "10. luar", "- luar", "3) luar", "100. luar"]),
       st.integers(1, 3), st.sampled_from(["- dalam", "1. dalam", "> petikan dalam"]))
@settings(max_examples=30, deadline=None)
def test_show_nests_a_list_under_a_numbered_item_as_the_article_does(
        outer: str, items: int, inner: str) -> None:
    """`show` put two spaces before a list inside any item: under `1.` (three wide) or `10.`
    (four) the inner list ended the numbered one, read as Markdown. Property: the view of a
    nested list has the article's lists, items and quotes."""
    from glossari.export.termview import format_term
    from glossari.seeds.article import parse_article

    lines = []
    pad = " " * (outer.index(" ") + 1)
    for _ in range(items):
        lines += [outer, f"{pad}{inner}", f"{pad}{inner}", ""]
    body = "\n".join(lines)
    term = parse_article(f"---\ntitle: Saham\n---\n\n{body}", term_id="saham", source="a.md")
    shown = format_term(term).split("\n\n", 1)[1]
    keep = ("<ul", "</ul", "<ol", "</ol", "<li", "</li", "<blockquote", "</blockquote")
    assert [t for t in _shape(MarkdownIt("commonmark").render(shown)) if t in keep] == [
        t for t in _oracle(body) if t in keep], shown


def test_show_writes_a_setext_heading_of_two_lines_as_one_heading(tmp_path: Path) -> None:
    """A setext heading over two lines (`Tajuk panjang` / `tentang saham` / `===`) is one
    heading; `show` printed its newline, so its second line read as text after the `#`."""
    body = "Tajuk panjang\ntentang saham-saham\n=====\n\nIsi.\n"
    root = _glossary(tmp_path, body)
    out = cli("--root", root, "show", "peniaga-broker")[1]
    assert "\n# Tajuk panjang tentang saham-saham  (line 9)\nIsi.\n" in out, out


_TITLED = ("Lihat [bon][b] dan [ekuiti][] tentang [saham-saham](/stock).\n\n"
           "> [ekuiti]: /equity (Ekuiti \\(biasa\\))\n\n"
           "[b]: /bon \"Bon korporat\"\n")


def _po_entry(po: Path, msgid: str, msgstr: str) -> None:
    text = po.read_text("utf-8")
    empty = f'msgid "{msgid}"\nmsgstr ""'
    assert empty in text, text
    po.write_text(text.replace(empty, f'msgid "{msgid}"\nmsgstr "{msgstr}"'), "utf-8")


def test_a_reference_definition_s_title_is_a_message_render_and_the_site_translate(
        tmp_path: Path) -> None:
    """`[b]: /bon "Bon korporat"` titles a link (its tooltip on the site): it was offered to
    no translator, so the English rendering and the site's English side kept the Malay."""
    root = _glossary(tmp_path, _TITLED)
    assert cli("--root", root, "extract")[0] == 0
    pot = (root / "locale" / "articles-p.pot").read_text("utf-8")
    assert '#. title of peniaga-broker\n#: seeds/peniaga-broker.md:13\nmsgid "Bon korporat"' in pot
    assert '#. title of peniaga-broker\n#: seeds/peniaga-broker.md:11\nmsgid "Ekuiti (biasa)"' \
        in pot
    assert cli("--root", root, "update", "-l", "en")[0] == 0
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po"
    _po_entry(po, "Bon korporat", 'Corporate \\"bond\\"')
    _po_entry(po, "Ekuiti (biasa)", "Equity (common)")
    _po_entry(po, "Lihat [bon][b] dan [ekuiti][] tentang [saham-saham](/stock).",
              "See [bond][b] and [equity][ekuiti] on [stocks](/stock).")
    code, _, err = cli("--root", root, "render", "-l", "en", "-o", tmp_path / "en",
                       "--min-coverage", "0")
    assert code == 0, err
    rendered = (tmp_path / "en" / "peniaga-broker.md").read_text("utf-8")
    assert '[b]: /bon "Corporate \\"bond\\""\n' in rendered
    assert "> [ekuiti]: /equity (Equity \\(common\\))\n" in rendered
    env: dict[str, dict[str, dict[str, str]]] = {}
    MarkdownIt("commonmark").parse(rendered, env)
    assert {k: v["title"] for k, v in env["references"].items()} == {
        "EKUITI": "Equity (common)", "B": 'Corporate "bond"'}
    term = glossari.load(root)["peniaga-broker"]
    assert term.english.definitions == ('[ekuiti]: /equity "Equity (common)"\n'
                                        '[b]: /bon "Corporate \\"bond\\""')
    build_site(glossari.load(root), tmp_path / "site")
    page = (tmp_path / "site" / "terms" / "peniaga-broker.html").read_text("utf-8")
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    sides = {div.get("lang"): div for div in tree.iter("div")
             if div.get("class", "").startswith("side ") and div.find(".//a[@title]") is not None}
    titles = {lang: [a.get("title") for a in div.iter("a") if a.get("title")]
              for lang, div in sides.items()}
    assert titles == {"ms": ["Bon korporat", "Ekuiti (biasa)"],
                      "en": ['Corporate "bond"', "Equity (common)"]}, titles


def test_align_takes_a_definition_s_title_from_a_translated_article(tmp_path: Path) -> None:
    """A translated article whose definition keeps its label and destination gives its title
    as the title's translation (it was dropped with a note that definitions are copied)."""
    root = _glossary(tmp_path, _TITLED)
    assert cli("--root", root, "extract")[0] == 0
    assert cli("--root", root, "update", "-l", "en")[0] == 0
    english = tmp_path / "en"
    english.mkdir()
    source = (root / "seeds" / "peniaga-broker.md").read_text("utf-8")
    (english / "peniaga-broker.md").write_text(
        source.replace("Bon korporat", "Corporate bond").replace("Lihat", "See"), "utf-8")
    code, out, err = cli("--root", root, "align", "-l", "en", english)
    assert code == 0, err
    assert "not the Malay article's" not in out + err
    po = (root / "locale" / "en" / "LC_MESSAGES" / "articles-p.po").read_text("utf-8")
    assert 'msgid "Bon korporat"\nmsgstr "Corporate bond"' in po, po


def test_a_title_over_two_lines_keeps_the_definitions_one_per_line() -> None:
    """A definition whose title spans two lines was written with its newline: the article's
    definitions had a line that defines nothing, and each title was read at the wrong place."""
    from glossari.seeds.markdown import (
        definition_titles,
        reference_definition_lines,
        reference_definitions,
    )

    text = 'Lihat [bon][b] dan [cek][c].\n\n[b]: /bon "Bon\nkorporat"\n[c]: /cek "Cek"\n'
    definitions = reference_definitions(text)
    assert definitions == '[b]: /bon "Bon korporat"\n[c]: /cek "Cek"'
    assert len(definitions.split("\n")) == len(reference_definition_lines(text)) == 2
    assert definition_titles(definitions) == ((0, "Bon korporat"), (1, "Cek"))


@given(st.lists(st.tuples(st.sampled_from(["-", "*", "+", "1.", "1)", "7."]),
                          st.integers(1, 2)), min_size=1, max_size=4),
       st.booleans())
@settings(max_examples=40, deadline=None)
def test_show_keeps_two_lists_in_a_row_apart(lists: list[tuple[str, int]], nested: bool) -> None:
    """`show` wrote every bullet `-` and every number with `.`: `- a` then `* b` (two lists)
    came out as one, and so did `1.` then `1)`. Property: the view, read as Markdown, has the
    article's lists and items, at the top and inside an item."""
    from glossari.export.termview import format_term
    from glossari.seeds.article import parse_article

    lines = ["- luar", ""] if nested else []
    pad = "  " if nested else ""
    for marker, items in lists:
        number = int(marker[:-1]) if marker[0].isdigit() else 0
        lines += [f"{pad}{number + n}{marker[-1]} butir" if number else f"{pad}{marker} butir"
                  for n in range(items)] + [""]
    body = "\n".join(lines)
    term = parse_article(f"---\ntitle: Saham\n---\n\n{body}", term_id="saham", source="a.md")
    shown = format_term(term).split("\n\n", 1)[1]
    keep = ("<ul", "</ul", "<ol", "</ol", "<li", "</li")
    assert [t for t in _shape(MarkdownIt("commonmark").render(shown)) if t in keep] == [
        t for t in _oracle(body) if t in keep], (body, shown)


_CONSTRUCTS = st.sampled_from([
    "Teks [saham-saham](/stock) biasa.", "> ## Nota *penting* ##", "> Petikan\n> ---",
    "- ### Langkah\n  Isi langkah.", "3) tiga\n4) empat", "***", "- - -", "Tajuk\n===",
    "| A | B |\n|:--|--:|\n| a \\| b | `c \\| d` |", '[b]: /bon "Bon korporat"',
    "> [c]: /cek (Cek \\(tunai\\))", "[e]:\n  /equity\n  'Ekuiti'",
    "Lihat [bon][b], [cek][c], [ekuiti][e].", "Baris satu  \nbaris dua\\\nbaris tiga",
    "```python\nx = 1\n```", "&copy; \\*bukan\\*", "1. satu\n\n   perenggan\n2. dua\n   - dalam",
    "> > # Dalam dalam", "- satu\n\n  ## dua", "1. ***", "## Seksyen",
])


@given(st.lists(_CONSTRUCTS, min_size=1, max_size=6))
@settings(max_examples=60, deadline=None)
def test_render_translates_every_part_and_keeps_every_construct(pieces: list[str]) -> None:
    """Property: every part translated (`EN ` before it; a table as it is), the rendered
    article reads back with the same sections and blocks (kind, place, level, number) holding
    the translations, and the definitions' titles translated; translated as itself, it is
    the article byte for byte."""
    from glossari.render import render_article
    from glossari.seeds.article import parse_article
    from glossari.seeds.markdown import definitions_by_label

    body = "\n\n".join(pieces)
    text = f"---\ntitle: Saham\ndescription: Unit.\nkeywords: A, B\n---\n\n# Saham\n\n{body}\n"
    term = parse_article(text, term_id="saham", source="saham.md")

    def english(msgid: str) -> str:
        return msgid if msgid.startswith("|") else "EN " + msgid

    class Catalog:
        def __init__(self, translate: object) -> None:
            self.translate = translate

        def get(self, domain: str, context: str | None, msgid: str) -> tuple[str, str]:
            return self.translate(msgid), "translated"  # type: ignore[operator]

    same = render_article(term, text, Catalog(lambda msgid: msgid))
    assert same.text == text
    rendered = render_article(term, text, Catalog(english))
    assert rendered.translated == rendered.total, rendered.notes
    back = parse_article(rendered.text, term_id="saham", source="en/saham.md")
    assert [(s.heading, s.level, [(b.kind, b.path, b.level, b.number, b.text)
                                  for b in s.blocks]) for s in back.sections] == [
        (english(s.heading), s.level,
         [(b.kind, b.path, b.level, b.number, b.text if not b.translatable else english(b.text))
          for b in s.blocks]) for s in term.sections]
    assert {label: title for label, (_, title) in definitions_by_label(back.definitions).items()
            } == {label: title and english(title)
                  for label, (_, title) in definitions_by_label(term.definitions).items()}


_BLOCKS = st.sampled_from([
    "Teks [saham-saham](/stock) biasa.", "> ## Nota *penting* ##", "> Petikan\n> ---",
    "- ### Langkah\n  Isi langkah.", "3) tiga\n4) empat", "***", "- - -",
    "| A | B |\n|:--|--:|\n| a \\| b | `c \\| d` |", "> Nota.\n>\n> [c]: /cek (Cek \\(tunai\\))",
    "Baris satu  \nbaris dua\\\nbaris tiga", "```python\nx = 1\n```", "&copy; \\*bukan\\*",
    "1. satu\n\n   perenggan\n2. dua\n   - dalam", "> > # Dalam dalam", "- satu\n\n  ## dua",
    "1. ***", "* bintang\n* dua", "+ tambah", "10. sepuluh\n    - dalam",
    "> - petikan senarai\n>   lanjut", "- a\n\n      kod dalam", "> ```\n> kod petikan\n> ```",
    "- > petikan dalam item", "    kod inden", "- > satu\n  >\n  > dua perenggan",
    "> luar\n>\n> > bersarang\n>\n> luar lagi",
])
_STRUCTURE = ("<ul", "</ul", "<ol", "</ol", "<li", "</li", "<blockquote", "</blockquote",
              "<hr", "</hr", "<pre", "</pre")


@given(st.lists(_BLOCKS, min_size=1, max_size=5))
@settings(max_examples=80, deadline=None)
def test_show_and_the_site_have_the_article_s_lists_quotes_breaks_and_code(
        pieces: list[str]) -> None:
    """Property: read as Markdown, `show`'s view has the article's lists, items, quotes,
    breaks and code blocks, as the site's page does: an item that opens with a quote lost its
    marker (`- > nota`), two items' quotes were joined by a `>` line, an item's text after its
    nested list took a marker of its own (a new item), and code after a list or after code was
    indented into the list or into the code before."""
    from glossari.export.site._pages import _tree, render_nodes
    from glossari.export.termview import format_term
    from glossari.seeds.article import parse_article

    body = "\n\n".join(pieces) + "\n"
    term = parse_article(f"---\ntitle: Saham\n---\n\n{body}", term_id="saham", source="a.md")
    shown = format_term(term).split("\n\n", 1)[1].split("\nLinks:")[0]
    oracle = [t for t in _oracle(body) if t in _STRUCTURE]
    assert [t for t in _shape(MarkdownIt("commonmark").render(shown))
            if t in _STRUCTURE] == oracle, shown
    blocks = [(b, b.text, "ms", "source") for s in term.sections for b in s.blocks]
    assert [t for t in _shape(str(render_nodes(_tree(blocks))))  # type: ignore[arg-type]
            if t in _STRUCTURE] == oracle


_CODE_PIECES = st.sampled_from([
    "```python\nuntung = hasil - kos\n```", "```\ntiada bahasa\n```",
    "~~~ sql  extra\nSELECT 1\n~~~",
    "~~~ a`b\nkod\n~~~", "    kod berinden", "- item saham\n\n  ```excel\n  =SUM(A1:A3)\n  ```",
    "> ```r\n> pelaburan <- 1\n> ```", "Saham-saham dijual.", "```c&amp;d\nx\n```",
])


def _code_tags(html: str) -> list[str]:
    return re.findall(r"<code[^>]*>", html)


@given(st.lists(_CODE_PIECES, min_size=1, max_size=5))
@settings(max_examples=40, deadline=None)
def test_a_code_block_keeps_its_info_string(pieces: list[str]) -> None:
    """Property: a fence's info string (```python) was dropped by the reader, so the site's
    <code> had no language class and show wrote the code indented, without it; both now say it
    as markdown-it-py does (show's view read back by it)."""
    from glossari.export.site._pages import _tree, render_nodes
    from glossari.export.termview import format_term
    from glossari.seeds.article import parse_article

    body = "\n\n".join(pieces) + "\n"
    term = parse_article(f"---\ntitle: Kod\n---\n\n{body}", term_id="kod", source="a.md")
    blocks = [(b, escape(b.text), "ms", "source") for s in term.sections for b in s.blocks]
    oracle = _code_tags(MarkdownIt("commonmark").render(body))
    assert _code_tags(str(render_nodes(_tree(blocks)))) == oracle  # type: ignore[arg-type]
    shown = format_term(term).split("\n\n", 1)[1]
    assert _code_tags(MarkdownIt("commonmark").render(shown)) == oracle, shown


def test_show_wraps_no_link_target_or_hyphenated_word_at_its_hyphen(tmp_path: Path) -> None:
    """`show` wrapped at hyphens as well as spaces: `[peniaga broker](/broker-` ended one line
    and `dealer)` began the next, a link read back (or copied into an article) as a broken one,
    and `saham-` / `saham` split the Malay plural. Lines now break at spaces only; a word longer
    than the line still stands whole."""
    body = "\n\n".join(f"{'x' * k} kata [peniaga broker](/broker-dealer) dan saham-saham."
                       for k in range(1, 90))
    address = "https://www.sc.com.my/" + "-".join(["garis-panduan"] * 8)
    body += f"\n\nLihat [garis panduan SC]({address}) untuk butiran.\n"
    root = _glossary(tmp_path, body)
    code, out, err = cli("--root", root, "show", "peniaga-broker")
    assert code == 0, err
    shown = out[out.index("# Peniaga broker"):out.index("\nLinks:")]
    hrefs = re.findall(r'href="([^"]*)"', MarkdownIt("commonmark").render(shown))
    assert hrefs == ["/broker-dealer"] * 89 + [address], sorted(set(hrefs))
    assert shown.count("saham-saham.") == 89
    assert all(len(line) <= 88 for line in shown.splitlines()
               if "x" * 80 not in line and address not in line)


@pytest.mark.parametrize("words", ["RM2 - atau 5%", "kedudukan # 1 kekal", "lebih > 50% pelabur",
                                   "RM2 + 3 dana", "Nota 1. Bon", "harga = sama", "turun *"
                                   " lagi", "sebanyak - - x"])
def test_show_starts_no_wrapped_line_with_markdown_block_syntax(tmp_path: Path,
                                                                words: str) -> None:
    """A paragraph of Malay prose (`lebih kurang 5% - berbanding`, `kedudukan # 1`, `> 50%
    pelabur`) wrapped by `show` so that a line began `- atau`, `# 1 kekal` or `> 50%`: read as
    Markdown, as the view is meant to be, the paragraph became a list, a heading, a quote.
    Each paragraph of the article is one paragraph of the view, in the list item too."""
    paragraphs = [f"{'x' * k} {words} lagi teks di sini." for k in range(1, 90)]
    body = "\n\n".join(paragraphs) + "\n\n- " + "\n\n- ".join(paragraphs[::8]) + "\n"
    root = _glossary(tmp_path, body)
    code, out, err = cli("--root", root, "show", "peniaga-broker")
    assert code == 0, err
    shown = out[out.index("# Peniaga broker"):].split("\nLinks:")[0].split("\n", 1)[1]
    assert _shape(MarkdownIt("commonmark").render(shown)) == _shape(
        MarkdownIt("commonmark").render(body)), shown
