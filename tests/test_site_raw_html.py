"""Raw HTML in an article on the site: the formatting tags a publisher means (``<sup>``,
``<br>``, ``<b>``, ...; :data:`glossari.export.site._inline.SAFE_TAGS`, written with no
attribute) are shown as HTML, on the Malay side and on the English one (whose tags ``render``
and C208 hold equal to the Malay's); every other tag, and any tag with an attribute, is shown as
the text it is. Nothing an article holds can run, load or link anything."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import polib
import pytest
from _alignkit import cli, ok
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.export.site._inline import render_inline
from glossari.seeds.markdown import SAFE_TAGS

_PAGES = {"broker-dealer": "broker-dealer.html", "stock": "stock.html"}
_INLINE = {"a", "em", "strong", "code", "span"}  # what Markdown itself gives inline
_HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b onclick=alert(1)>tebal</b>",
    "<b\nonclick=alert(1)>tebal</b>",
    "<sup onmouseover='alert(1)'>2</sup>",
    "<br onload=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=javascript:alert(1)>klik</a>",
    "<iframe src=//x.org></iframe>",
    "<style>body{display:none}</style>",
    "<b style=color:red>merah</b>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<scr<b>ipt>alert(1)</script>",
    "<!-- <script>alert(1)</script> -->",
    "<!-- x --> <script>alert(1)</script> <!-- y -->",
    "<b/onclick=alert(1)>x</b>",
]


def _fragment(html: str) -> tuple[list[str], list[tuple[str, dict[str, str]]]]:
    """The parse errors of ``html`` inside a paragraph, and its elements with their
    attributes."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parseFragment(f"<p>{html}</p>")
    errors = [f"{code} {data}" for _, code, data in parser.errors]
    elements = [(element.tag, dict(element.attrib)) for element in tree.iter()
                if isinstance(element.tag, str)]
    return errors, elements[2:]  # not the fragment, nor the <p> around it


@pytest.mark.parametrize("text", _HOSTILE)
def test_hostile_html_in_an_article_is_shown_as_text(text: str) -> None:
    html = render_inline(f"Peniaga broker {text} [saham-saham](/stock).", _PAGES.get)
    errors, elements = _fragment(html)
    assert errors == [], html
    assert [tag for tag, _ in elements if tag not in SAFE_TAGS] == ["a"], html
    for tag, attributes in elements:
        assert tag == "a" or not attributes, html
    assert "<script" not in html
    assert "onerror" not in re.sub(r"&lt;.*?&gt;", "", html)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kadar<sup>2</sup> ialah tinggi.", "Kadar<sup>2</sup> ialah tinggi."),
    ("H<sub>2</sub>O dan <i>x</i><SUP>n</SUP>", "H<sub>2</sub>O dan <i>x</i><sup>n</sup>"),
    ("baris<br>kedua<br/>ketiga<BR />", "baris<br>kedua<br>ketiga<br>"),
    ("<b>Peniaga</b> broker", "<b>Peniaga</b> broker"),
    ("<b>tidak ditutup", "<b>tidak ditutup</b>"),
    ("</b>tiada pembuka", "&lt;/b&gt;tiada pembuka"),
    ("<b><i>silang</b></i>", "<b><i>silang</i></b>&lt;/i&gt;"),
    ("[<b>peniaga](/broker-dealer) broker</b>",
     '<a href="broker-dealer.html"><b>peniaga</b></a> broker&lt;/b&gt;'),
    ("Kadar <!-- TODO: semak angka --> 2%.", "Kadar  2%."),
    ("Kadar <!-- tidak ditutup", "Kadar &lt;!-- tidak ditutup"),
    ("[teks <!-- nota -->](/stock) `<!-- kod -->`",
     '<a href="stock.html">teks </a> <code>&lt;!-- kod --&gt;</code>'),
    ("*<sup>1</sup>* `<sup>2</sup>`",
     "<em><sup>1</sup></em> <code>&lt;sup&gt;2&lt;/sup&gt;</code>"),
])
def test_formatting_tags_are_kept_balanced_and_comments_hidden(text: str,
                                                               expected: str) -> None:
    html = render_inline(text, _PAGES.get)
    assert html == expected
    assert _fragment(html)[0] == []


_PIECES = st.sampled_from([
    "<b>", "</b>", "<i>", "</i>", "<sup>", "</sup>", "<br>", "<br/>", "</br>", "<B>", "<b >",
    "<b x>", "<b onclick=a>", "<script>", "</script>", "<img src=x onerror=a>", "<a href=x>",
    "</a>", "<!--", "-->", "[", "](/stock)", "](javascript:a)", "*", "**", "`", "_", "\\",
    "<", ">", "&", "kata", " ", "\n", "[^1]", "<sup>1</sup>", "<svg/onload=a>",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_any_mix_of_tags_and_markdown_gives_well_formed_safe_html(text: str) -> None:
    html = render_inline(text, _PAGES.get)
    errors, elements = _fragment(html)
    assert errors == [], (text, html)
    for tag, attributes in elements:
        assert tag in SAFE_TAGS or tag in _INLINE, (text, html)
        assert all(not name.lower().startswith("on") for name in attributes), (text, html)
        if tag != "a":
            assert set(attributes) <= {"class"}, (text, html)


ARTICLE = """---
keywords: Pelaburan
title: Peniaga broker
description: Peniaga broker ialah firma<br>yang berdagang saham<sup>2</sup> untuk pelanggan.
---

# Peniaga broker

## Apakah itu Peniaga Broker?

Peniaga broker berdagang [saham-saham](/stock).<br>Kadar<sup>2</sup> ialah <b>tinggi</b>.

Ia menulis <script>document.title='pwned'</script> dan <b onclick="x()">ini</b>.
"""
ENGLISH = {
    "Peniaga broker berdagang [saham-saham](/stock).<br>Kadar<sup>2</sup> ialah <b>tinggi</b>.":
        "A broker-dealer trades [stocks](/stock).<br>The rate<sup>2</sup> is <b>high</b>.",
    "Ia menulis <script>document.title='pwned'</script> dan <b onclick=\"x()\">ini</b>.":
        "It writes <script>document.title='pwned'</script> and <b onclick=\"x()\">this</b>.",
    "Peniaga broker ialah firma<br>yang berdagang saham<sup>2</sup> untuk pelanggan.":
        "A broker-dealer is a firm<br>that trades stocks<sup>2</sup> for clients.",
}


def test_the_site_shows_an_article_s_formatting_tags_in_both_languages(tmp_path: Path) -> None:
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "peniaga-broker.md").write_text(ARTICLE, encoding="utf-8")
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    for path in (root / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = ENGLISH.get(entry.msgid, entry.msgstr)
        catalog.save()
    code, _, err = cli("site", "-o", tmp_path / "site", root=root)
    assert code == 0, err
    page = (tmp_path / "site" / "terms" / "peniaga-broker.html").read_text(encoding="utf-8")
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(page)
    assert parser.errors == []
    assert 'Kadar<sup>2</sup> ialah <b>tinggi</b>' in page
    assert 'The rate<sup>2</sup> is <b>high</b>' in page  # the translation, tags and all
    assert '<a href="stock.html">saham-saham</a>.<br>Kadar' in page
    assert "stocks<sup>2</sup> for clients." in page  # the definition too
    # the page's description is plain text: the tags read as the text they format, a line
    # break as a space
    assert ('<meta name="description" content="Peniaga broker ialah firma yang berdagang '
            'saham2 untuk pelanggan.">') in page
    # the rest stays text, in Malay and in English
    assert page.count("<script") == 1  # the site's own script
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in page.replace(
        "'", "&#39;")
    assert "&lt;b onclick=&quot;x()&quot;&gt;this&lt;/b&gt;" in page
    assert "onclick=" not in re.sub(r"&lt;.*?&gt;", "", page)
