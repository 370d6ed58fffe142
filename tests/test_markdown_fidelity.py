"""Markdown as an editor writes it, read back by ``show``, the site and ``render``: nothing an
article says is lost, reordered or moved (markdown-it-py, CommonMark, is the oracle; the site's
pages are read with html5lib)."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
from _alignkit import cli
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import glossari
from glossari.export.site import build_site

_NS = "{http://www.w3.org/1999/xhtml}"
_SHAPE = {"p", "hr", "blockquote", "ul", "ol", "li", "pre", "table",
          "h1", "h2", "h3", "h4", "h5", "h6"}


def _shape(html: str) -> list[str]:
    """The block elements of an HTML fragment, in document order, as html5lib reads them:
    ``<tag`` on the way in and ``</tag`` on the way out. An item's first paragraph is its
    text (a loose list wraps it in ``<p>``, the site does not: the same words)."""
    found: list[str] = []

    def walk(element: object) -> None:
        for index, child in enumerate(element):  # type: ignore[arg-type]
            tag = str(child.tag).removeprefix(_NS)
            if (tag == "p" and index == 0 and str(element.tag).endswith("}li")  # type: ignore[attr-defined]
                    and not (element.text or "").strip()):  # type: ignore[attr-defined]
                tag = "first-paragraph"
            if tag in _SHAPE:
                found.append(f"<{tag}")
            walk(child)
            if tag in _SHAPE:
                found.append(f"</{tag}")

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
