"""The static site (glossari/export/site): crawled, parsed with html5lib, rebuilt incrementally.

The glossary is tests/_sitekit.py's: the parallel articles aligned with their English, one
translation gone fuzzy, an untranslated article with a ``<script>`` in its headword, and two
link-only terms.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from _alignkit import cli
from _sitekit import HOSTILE_TITLE, PAYLOAD, edit_article, rich_root
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import glossari
from glossari.export.site import CSP, MANIFEST, build_site
from glossari.export.site._inline import render_inline
from glossari.text import strip_controls
from tests._processes import REPORT_HELPERS, assert_ends

BASE = "https://example.org/glosari/"
GENERATOR = f"glossari {glossari.__version__}"  # as the command says


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_root(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def glossary(root: Path) -> glossari.Glossary:
    return glossari.load(root)


@pytest.fixture(scope="module")
def site(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("out") / "site"
    code, _, err = cli("site", "-o", output, root=root)
    assert code == 0, err
    assert "site of 10 terms" in err
    return output


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()
        self.inline_scripts = 0
        self.styles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.refs.append((tag, name, str(values[name])))
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "script" and not values.get("src"):
            self.inline_scripts += 1
        if tag == "style" or "style" in values:
            self.styles += 1


def _parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _html5_errors(path: Path) -> list[str]:
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(path.read_bytes(), transport_encoding="utf-8")
    return [f"{path.name}:{pos[0]}:{pos[1]}: {code} {data}" for pos, code, data in parser.errors]


def _crawl(site: Path, base: str | None = None) -> tuple[set[Path], list[str]]:
    """Every page reachable from index.html, and every broken internal reference."""
    seen: set[Path] = set()
    broken: list[str] = []
    todo = [site / "index.html"]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        refs = _parse(page)
        for tag, attribute, value in refs.refs:
            if base and value.startswith(base):
                target_text = value[len(base):]
                folder = site
            else:
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    broken.append(f"{page.relative_to(site)}: <{tag} {attribute}> leaves the "
                                  f"site: {value}")
                    continue
                target_text, folder = value, page.parent
            parts = urlsplit(target_text)
            if not parts.path:  # "#main": an anchor on the same page
                if parts.fragment and parts.fragment not in refs.ids:
                    broken.append(f"{page.relative_to(site)}: no #{parts.fragment}")
                continue
            target = (folder / unquote(parts.path)).resolve()
            if not target.is_relative_to(site.resolve()) or not target.is_file():
                broken.append(f"{page.relative_to(site)}: {value} -> nothing")
                continue
            if target.suffix == ".html":
                todo.append(target)
    return seen, broken


def test_the_crawl_finds_no_broken_link_and_every_page_parses(
    site: Path, glossary: glossari.Glossary
) -> None:
    seen, broken = _crawl(site)
    assert broken == []
    pages = {p.resolve() for p in site.rglob("*.html")}
    assert {p.resolve() for p in seen} == pages  # every page is reachable from the index
    for term in glossary:  # every term of the glossary has its page
        assert (site / "terms" / f"{term.id}.html").is_file(), term.id
    assert len(list((site / "terms").iterdir())) == len(glossary) == 10
    for page in sorted(pages):
        assert _html5_errors(page) == []
        refs = _parse(page)
        assert refs.inline_scripts == 0, page  # the CSP allows none, and none is needed
        assert refs.styles == 0, page
        text = page.read_text(encoding="utf-8")
        assert text.count('http-equiv="Content-Security-Policy"') == 1
        assert CSP.replace("'", "&#39;") in text


def test_every_term_is_in_the_search_index(site: Path, glossary: glossari.Glossary) -> None:
    text = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert text.startswith("window.GLOSSARI_INDEX = ")
    assert text.endswith(";\n")
    data = json.loads(text[len("window.GLOSSARI_INDEX = "):-2])
    assert data["lang"] == "en"
    assert [row[0] for row in data["terms"]] == [f"{t.id}.html" for t in glossary]
    hedge = next(row for row in data["terms"] if row[0] == "hedgefund.html")
    assert hedge[1:] == ["Dana lindung nilai", "Hedge fund", "translated", "article"]
    # other names, past the five fields: Malay aliases and acronyms, English variants (none
    # that folds to a headword)
    rows = {row[0]: row for row in data["terms"]}
    assert rows["ekuiti.html"][5:] == [["Modal saham"], []]
    assert rows["finra.html"][5:] == [["FINRA"], []]  # the English variant is the same name
    assert rows["investmentadvisor.html"][5:] == [[], ["Investment advisors"]]


def _page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def test_term_page_shows_both_languages_links_and_backlinks(site: Path) -> None:
    page = _page(site, "terms/hedgefund.html")
    assert '<h1 id="headword">Dana lindung nilai</h1>' in page
    assert '<p class="headword state-translated" id="headword-en">Hedge fund</p>' in page
    # sections side by side, links rewritten to the other term pages
    assert '<h2>Memahami Dana Lindung Nilai</h2>' in page
    assert '<h2 lang="en" class="state-translated">Understanding Hedge Funds</h2>' in page
    assert '<a href="investmentadvisor.html">penasihat pelaburan</a>' in page
    assert '<a href="investmentadvisor.html">investment advisors</a>' in page
    assert '<a href="mutualfund.html">dana bersama</a>' in page  # a link-only term's page
    # key takeaways: the Sorotan section, Malay beside English
    takeaways = page.split('<section class="pair takeaways"')[1].split("</section>")[0]
    assert "<h2 lang=\"en\">Key Takeaways</h2>" in takeaways  # the translator's heading
    assert "Ia menggunakan strategi seperti leveraj" in takeaways
    assert "It uses strategies such as leverage" in takeaways
    backlinks = page.split('id="backlinks"')[1].split("</ul>")[0]
    # in file order; ekuiti, the new article, links here too
    assert re.findall(r'href="\.\./terms/([^"]+)"', backlinks) == [
        "ekuiti.html", "investmentadvisor.html", "primebrokerage.html"]
    links_out = page.split('id="links-out"')[1].split("</ul>")[0]
    assert re.findall(r'href="\.\./terms/([^"]+)"', links_out) == [
        "investmentadvisor.html", "mutualfund.html", "primebrokerage.html"]
    assert '<code id="source">seeds/hedgefund.md:1</code>' in page
    assert '../categories/pelaburan-alternatif.html' in page


def test_the_key_takeaways_heading_is_the_translators(root: Path, tmp_path: Path) -> None:
    # the site wrote "Key takeaways" in English over a French translator's "Points clés",
    # which render writes
    french = tmp_path / "g"
    shutil.copytree(root, french, ignore=shutil.ignore_patterns("build", ".glossari-cache"))
    (french / "locale" / "en").rename(french / "locale" / "fr")
    for po in (french / "locale" / "fr" / "LC_MESSAGES").glob("*.po"):
        text = po.read_text(encoding="utf-8").replace('"Language: en', '"Language: fr')
        po.write_text(text.replace('msgstr "Key Takeaways"', 'msgstr "Points clés"'),
                      encoding="utf-8")
    code, _, err = cli("site", "-l", "fr", "-o", tmp_path / "out", root=french)
    assert code == 0, err
    page = _page(tmp_path / "out", "terms/hedgefund.html")
    takeaways = page.split('<section class="pair takeaways"')[1].split("</section>")[0]
    assert '<h2 lang="fr">Points clés</h2>' in takeaways
    assert "Key takeaways" not in takeaways


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("fr", False)])
def test_a_right_to_left_language_is_laid_out_right_to_left(
    root: Path, tmp_path: Path, lang: str, rtl: bool,
) -> None:
    # an Arabic side was laid out left to right: text aligned left, the final full stop of
    # each sentence and the list bullets on the wrong side
    other = tmp_path / "g"
    shutil.copytree(root, other, ignore=shutil.ignore_patterns("build", ".glossari-cache"))
    (other / "locale" / "en").rename(other / "locale" / lang)
    for po in (other / "locale" / lang / "LC_MESSAGES").glob("*.po"):
        po.write_text(po.read_text(encoding="utf-8").replace('"Language: en', f'"Language: {lang}'),
                      encoding="utf-8")
    code, _, err = cli("site", "-l", lang, "-o", tmp_path / "out", root=other)
    assert code == 0, err
    page = _page(tmp_path / "out", "terms/hedgefund.html")
    sides = re.findall(r'<div class="side en"[^>]*>', page)
    assert len(sides) >= 3
    assert all((f'lang="{lang}" dir="rtl"' in side) is rtl for side in sides), sides
    css = next((tmp_path / "out" / "assets").glob("*.css")).read_text(encoding="utf-8")
    assert '[dir="rtl"] [lang="ms"]' in css  # its Malay fallbacks stay left to right


_BCP47 = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def test_a_gettext_modifier_is_written_as_a_bcp_47_tag(root: Path, tmp_path: Path) -> None:
    """A catalog of sr@latin gave every page lang="sr@latin" (and hreflang, the search index's
    language, the HTML table's), no language tag: a browser or screen reader reading it knows
    no language, where sr-Latn is Latin Serbian."""
    other = tmp_path / "g"
    shutil.copytree(root, other, ignore=shutil.ignore_patterns("build", ".glossari-cache"))
    (other / "locale" / "en").rename(other / "locale" / "sr@latin")
    for po in (other / "locale" / "sr@latin" / "LC_MESSAGES").glob("*.po"):
        po.write_text(po.read_text(encoding="utf-8").replace('"Language: en',
                                                             '"Language: sr@latin'),
                      encoding="utf-8")
    code, _, err = cli("site", "-l", "sr@latin", "-o", tmp_path / "out", root=other)
    assert code == 0, err
    code, _, err = cli("table", "-l", "sr@latin", "--format", "html", "-o",
                       tmp_path / "out" / "table.html", root=other)
    assert code == 0, err
    tags: set[str] = set()
    for path in (tmp_path / "out").rglob("*"):
        if path.suffix in (".html", ".json"):
            text = path.read_text(encoding="utf-8")
            tags.update(re.findall(r'(?:hreflang|lang)="([^"]*)"', text))
            tags.update(re.findall(r'"lang": ?"([^"]*)"', text))
    assert "sr-Latn" in tags
    # x-default: hreflang's own value for the page of no language
    assert all(_BCP47.fullmatch(tag) for tag in tags - {"x-default"}), sorted(tags)


def test_untranslated_and_fuzzy_parts_are_shown_in_malay_and_marked(site: Path) -> None:
    page = _page(site, "terms/ekuiti.html")
    english = [side.split("</div>")[0]
               for side in page.split('<div class="side en" lang="en">')[1:]]
    assert english
    for side in english:
        blocks = re.findall(r'<(?:p|li) lang="([^"]+)" class="state-([a-z]+)">', side)
        for lang, state in blocks:
            assert (lang, state) == ("ms", "untranslated")
    assert 'id="headword-en" lang="ms">' in page
    assert '<span class="mark mark-untranslated">' in page
    commission = _page(site, "terms/commission.html")
    fuzzy = re.findall(r'<p lang="([^"]+)" class="state-fuzzy">(.*?)</p>', commission)
    assert len(fuzzy) == 1
    lang, text = fuzzy[0]
    assert lang == "ms"
    assert "sebahagian besar daripada pampasan" in text  # the changed Malay, not stale English
    assert '<span class="count status-fuzzy">1 <span lang="en">fuzzy</span>' in commission


def test_a_term_page_shows_every_name_of_the_term(site: Path) -> None:
    """A reader who searched for an alias or an English variant sees it on the page, in its
    language; a name a headword already shows (an acronym, the same name in another case) is
    not repeated."""
    page = _page(site, "terms/ekuiti.html")
    names = re.search(r'<p class="names" id="names-ms">(.*?)</p>', page)
    assert names is not None
    assert names.group(1) == ('<span class="names-label">Juga dikenali sebagai:</span> '
                              '<span dir="auto">Modal saham</span>')
    assert page.index('id="names-ms"') < page.index('<div class="side en"')  # the Malay side
    page = _page(site, "terms/investmentadvisor.html")
    # its one English variant, `Investment advisors`, is the headword's plural: not another name
    assert 'class="names"' not in page
    assert 'class="names"' not in _page(site, "terms/finra.html")  # FINRA is in its headword


_BROKER = """---
title: Peniaga broker
description: Peniaga broker berdagang sekuriti.
aliases: Peniaga-peniaga broker, Peniaga broker2, Peniaga brokernya, Broker-peniaga, Perbrokeran
---

# Peniaga broker

Teks.
"""


def test_a_page_does_not_repeat_its_headword_inflected_as_another_name(tmp_path: Path) -> None:
    """*Peniaga broker* was `Also known as: broker-dealers` and `Juga dikenali sebagai:
    Peniaga-peniaga broker`: its own plurals, as if they were other names. A name that only
    inflects a headword (a Malay clitic or reduplication, an English plural or possessive) is
    not shown; a derivation or another spelling is; the search index keeps them all."""
    import dataclasses

    from glossari.glossary import Glossary

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "broker-dealer.md").write_text(_BROKER, encoding="utf-8")
    variants = ("broker-dealers", "Broker-Dealer's", "broker dealers'", "securities dealers")
    terms = [dataclasses.replace(
        t, english=dataclasses.replace(t.english, title="Broker-dealer", status="translated"),
        names=dataclasses.replace(t.names, english_variants=variants)) for t in glossari.load(root)]
    build_site(Glossary(terms, lang="en"), tmp_path / "site")
    page = _page(tmp_path / "site", "terms/broker-dealer.html")
    shown = {side: re.findall(r'<span dir="auto">([^<]*)</span>',
                              re.search(rf'id="names-{side}">(.*?)</p>', page).group(1))
             for side in ("ms", "en")}
    assert shown == {"ms": ["Broker-peniaga", "Perbrokeran"],
                     "en": ["securities dealers"]}
    index = _page(tmp_path / "site", "assets/search-index.js")
    data = json.loads(index.removeprefix("window.GLOSSARI_INDEX = ").rstrip().rstrip(";"))
    row = next(t for t in data["terms"] if t[0] == "broker-dealer.html")
    assert row[5] == ["Peniaga-peniaga broker", "Peniaga broker2", "Peniaga brokernya",
                      "Broker-peniaga", "Perbrokeran"]
    assert row[6] == ["broker-dealers", "securities dealers"]


_QUOTED_LISTS = [
    "> Nota: [saham](/saham) dahulu.\n> - potongan pertama\n> - potongan kedua\n\n- luar\n",
    "> - senarai sahaja\n>   - bersarang\n> - lagi\n\nPerenggan.\n",
    "1. Langkah\n   - sub\n\n> Petikan.\n>\n> 1. satu\n> 2. dua\n",
]


@pytest.mark.parametrize("body", _QUOTED_LISTS)
def test_a_list_in_a_quote_stays_in_the_quote(tmp_path: Path, body: str) -> None:
    """`> - potongan` is a list the quote holds: the page nests quotes and lists as
    markdown-it-py does (the oracle), and `show` keeps its `>`. The items left the quote, after
    an empty `<ul>` (an item's depth counted the quote as a list level)."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "cukai.md").write_text(
        f"---\ntitle: Cukai\ndescription: Bayaran.\n---\n\n# Cukai\n\n{body}", "utf-8")
    build_site(glossari.load(root), tmp_path / "site")
    page = _page(tmp_path / "site", "terms/cukai.html")
    side = re.search(r'<section class="pair body">\s*<div class="side ms" lang="ms">(.*?)</div>',
                     page, re.DOTALL).group(1)

    def shape(html: str) -> list[str]:
        return re.findall(r"</?(?:blockquote|ul|ol|li)\b", html)

    assert shape(side) == shape(MarkdownIt("commonmark").render(body))
    shown = cli("--root", root, "show", "cukai")[1]
    for line in body.splitlines():
        if line.startswith("> - ") or line.startswith(("> 1. ", "> 2. ")):
            assert line in shown


def test_a_status_in_lists_is_said_in_words_not_only_by_colour(site: Path) -> None:
    """WCAG 1.4.1: wherever a list shows an English headword only suggested (or fuzzy), a mark
    says so in words beside it, in the Malay and English A-Z, category pages and links."""
    mark = ('<span class="mark mark-suggested"><span lang="ms">cadangan</span> · '
            '<span lang="en">suggested</span></span>')
    for name in ("az/ms-p.html", "az/en-c.html", "terms/ekuiti.html"):
        page = _page(site, name)
        entry = re.search(r'<a href="\.\./terms/capitalmarket\.html">.*?</a>', page)
        assert entry is not None, name
        assert "status-suggested" in entry.group(0)
        assert mark in entry.group(0), name  # inside the link: part of its accessible name
    # a translated headword carries no mark
    entry = re.search(r'<a href="\.\./terms/hedgefund\.html">.*?</a>', _page(site, "az/ms-d.html"))
    assert entry is not None
    assert 'class="mark' not in entry.group(0)


def _contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_colours_have_enough_contrast(site: Path) -> None:
    """WCAG 1.4.3 and 1.4.11, light and dark: text colours on the page and header backgrounds
    at 4.5:1, the search box's border at 3:1 (its only outline). Greyed A-Z letters (no page:
    inactive) and the chart (its table says the same) are exempt."""
    css = _page(site, "assets/site.css")
    light = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6})", css.split("@media")[0]))
    dark = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6})",
                           css.split("prefers-color-scheme: dark")[1].split("}")[0]))
    assert "border: 1px solid var(--muted)" in css.split(".search input {")[1].split("}")[0]
    for colours in (light, dark):
        for text in ("fg", "muted", "link", "accent", "ok", "fuzzy", "suggested"):
            for background in ("bg", "panel"):
                ratio = _contrast(colours[text], colours[background])
                assert ratio >= 4.5, (text, background, colours[text], round(ratio, 2))
        assert _contrast(colours["mark-fg"], colours["mark-bg"]) >= 4.5
        assert _contrast(colours["bg"], colours["accent"]) >= 4.5  # the current letter
        assert _contrast(colours["muted"], colours["panel"]) >= 3  # the search box's border


def test_an_a_z_letter_says_what_its_number_counts(site: Path) -> None:
    """The letter's tooltip was a bare number (title="3"), read out after the letter."""
    assert re.search(r'<a href="az/ms-d\.html" title="\d+ istilah">D</a>',
                     _page(site, "index.html"))
    assert re.search(r'<a href="az/en-h\.html" title="\d+ terms">H</a>',
                     _page(site, "index-en.html"))


def test_print_sets_every_colour_the_dark_scheme_sets(site: Path) -> None:
    """Printed from a system in dark mode, the dark scheme's light colours (the key takeaways'
    heading, the fuzzy and untranslated marks) came out pale on white paper."""
    css = _page(site, "assets/site.css")
    dark = css.split("prefers-color-scheme: dark")[1].split("}")[0]
    printed = css.split("@media print")[1].split("}")[0]
    colours = set(re.findall(r"(--[a-z-]+):", dark))
    assert colours
    assert colours <= set(re.findall(r"(--[a-z-]+):", printed))


def test_the_search_script_undoes_the_endings_the_library_undoes(site: Path) -> None:
    """site.js undoes a query's inflections as ``glossari search`` does
    (glossari.terms.query_roots): the index hands it the rules' data (Malay clitics, English
    plurals and possessives), not a copy in the script (tests/test_site_rules.py runs it)."""
    from glossari.terms import search_rules

    index = _page(site, "assets/search-index.js")
    data = json.loads(index.removeprefix("window.GLOSSARI_INDEX = ").rstrip().rstrip(";"))
    assert data["rules"] == search_rules()
    script = _page(site, "assets/site.js")
    copies = ("nya", "lah", "us", "ches", "eaux", "children")
    assert not any(f'"{word}"' in script for word in copies)


def _description(page: str) -> list[str]:
    return re.findall(r'<meta name="description" content="([^"]*)">', page)


def test_each_page_describes_itself(site: Path, root: Path, tmp_path: Path) -> None:
    """A term page's <meta name="description"> is its article's definition as plain text,
    escaped; each index describes the site in its language; a link-only term has none."""
    assert _description(_page(site, "terms/ekuiti.html")) == [
        "Ékuiti ialah bahagian pemilikan dalam syarikat."]  # `<b>pemilikan</b>`, read
    assert _description(_page(site, "terms/securities.html")) == []
    assert _description(_page(site, "index.html"))[0].startswith("Istilah kewangan dalam bahasa")
    assert _description(_page(site, "index-en.html"))[0].startswith("Financial terms in Malay")
    # the Markdown of a definition is rendered, then read as text: no tag, no link syntax
    work = tmp_path / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    edit_article(work, "hedgefund", "dana pelaburan persendirian",
                 'dana *aktif* [pelaburan](/investmentadvisor) "persendirian" & <i x>')
    output = tmp_path / "site"
    build_site(glossari.load(work), output, generator=GENERATOR)
    assert _description(_page(output, "terms/hedgefund.html"))[0].startswith(
        "Dana lindung nilai ialah dana aktif pelaburan &#34;persendirian&#34; &amp; &lt;i x&gt; "
        "yang mengumpulkan")


def test_a_fuzzy_definition_is_marked_fuzzy_not_untranslated(root: Path, tmp_path: Path) -> None:
    """A definition whose Malay changed after translation is fuzzy in the catalog; the English
    side leaves its text out, and the page said 'untranslated' beside a count of 1 fuzzy."""
    work = tmp_path / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    edit_article(work, "broker-dealer", "description: ", "description: Secara ringkas, ")
    assert cli("extract", root=work)[0] == 0
    assert cli("update", "-l", "en", root=work)[0] == 0
    output = tmp_path / "site"
    build_site(glossari.load(work), output, generator=GENERATOR)
    page = _page(output, "terms/broker-dealer.html")
    definition = re.search(r'<p class="definition state-(\w+)" lang="(\w+)">(<span class="mark '
                           r'mark-(\w+)">)?', page.split('<div class="side en"')[1])
    assert definition is not None
    assert definition.groups()[:2] == ("fuzzy", "ms")
    assert definition.group(4) == "fuzzy"
    assert '<span class="count status-fuzzy">1 <span lang="en">fuzzy</span>' in page


def test_link_only_term_page(site: Path) -> None:
    page = _page(site, "terms/securities.html")
    assert "This term is known only from links" in page
    assert '<h1 id="headword">sekuriti</h1>' in page
    backlinks = page.split('id="backlinks"')[1].split("</ul>")[0]
    assert set(re.findall(r'href="\.\./terms/([^"]+)"', backlinks)) == {
        "broker-dealer.html", "primebrokerage.html", "ekuiti.html"}
    assert '<p class="headword state-translated" id="headword-en">securities</p>' in page
    page = _page(site, "terms/capitalmarket.html")
    # English suggested from the slug: shown, and marked so
    assert re.search(r'<p class="headword state-suggested" id="headword-en"><span class="mark '
                     r'mark-suggested">.*</span> capital market</p>', page)


def test_markup_in_articles_stays_text(site: Path) -> None:
    page = _page(site, "terms/ekuiti.html")
    assert PAYLOAD not in page
    assert "<img" not in page
    # a formatting tag with no attribute is kept (tests/test_site_raw_html.py), the rest is text
    assert "bahagian <b>pemilikan</b> dalam" in page
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;" in page  # markdown-it-py, raw HTML off
    assert "<em>bukan</em>" in page  # Markdown still renders
    assert page.count("<script") == 1  # the site's own script, nothing else
    # nested list items, and the link to a link-only term
    assert re.search(r"<li [^>]*>Perkara <a href=\"securities.html\">sekuriti</a> pertama\s*<ul>",
                     page)


def test_index_counts_chart_and_alternates(site: Path, glossary: glossari.Glossary) -> None:
    page = _page(site, "index.html")
    counts = dict(re.findall(r'<li data-count="(\w+)"[^>]*><strong>(\d+)</strong>', page))
    terms = list(glossary)
    assert counts == {
        "terms": str(len(terms)),
        "articles": str(sum(t.kind == "article" for t in terms)),
        "links": str(sum(t.kind == "link" for t in terms)),
        "translated": str(sum(t.english.status == "translated" for t in terms)),
        "fuzzy": str(sum(t.english.status == "fuzzy" for t in terms)),
        "suggested": str(sum(t.english.status == "suggested" for t in terms)),
        "untranslated": str(sum(t.english.status == "untranslated" for t in terms)),
    }
    assert counts["links"] == "3"
    assert counts["untranslated"] == "1"
    assert counts["suggested"] == "1"
    svg = page.split("<svg")[1].split("</svg>")[0]
    assert 'class="bar-translated"' in svg
    assert 'class="bar-untranslated"' in svg
    assert 'class="bar-fuzzy"' in svg  # commission's changed sentence
    tree = ET.fromstring("<svg" + svg + "</svg>")  # well-formed SVG, built on the server
    assert tree.tag == "{http://www.w3.org/2000/svg}svg"
    assert '<link rel="alternate" hreflang="ms" href="index.html">' in page
    assert '<link rel="alternate" hreflang="en" href="index-en.html">' in page
    assert '<html lang="ms">' in page
    assert '<html lang="en">' in _page(site, "index-en.html")
    # A-Z: Malay letters on the Malay index, English ones on the English index
    assert 'href="az/ms-d.html"' in page
    assert 'href="az/ms-e.html"' in page
    assert 'href="az/en-h.html"' in _page(site, "index-en.html")
    assert ('<a href="../terms/hedgefund.html"><span class="hw" lang="en" dir="auto">'
            'Hedge fund</span>') in _page(site, "az/en-h.html")


def test_every_page_marks_its_languages(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert re.match(r'<!DOCTYPE html>\n<html lang="(ms|en)">', text), page
        # every English interface word inside a Malay page says it is English
        assert text.count('lang="en"') > 0



def test_a_site_beside_another_language_names_that_language(root: Path, tmp_path: Path) -> None:
    """With -l id the interface words stay English and Malay, but the language beside the Malay
    is Indonesian: the site's name, the A-Z headings and the search hint say so, in each
    interface's own words (they said English, Inggeris, whatever -l named)."""
    work = tmp_path / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    assert cli("update", "-l", "id", root=work)[0] == 0
    output = tmp_path / "site"
    code, _, err = cli("site", "-l", "id", "-o", output, root=work)
    assert code == 0, err
    for name in ("index.html", "index-id.html", "terms/hedgefund.html", "az/ms-d.html"):
        page = _page(output, name)
        assert "English" not in page, name
        assert "Inggeris" not in page, name
        assert ">Indonesian</span></span></a></p>" in page, name  # the brand: Melayu-Indonesian
    assert "<h1>Glosari kewangan Melayu\u2013Indonesia</h1>" in _page(output, "index.html")
    english = _page(output, "index-id.html")
    assert "<h1>Malay\u2013Indonesian financial glossary</h1>" in english
    assert ">A\u2013Z index (Indonesian)</h2>" in english
    assert "Type the start of a Malay or Indonesian word" in english
    # the link to the other index is written in the page's own language
    assert '<a href="index-id.html" hreflang="id">Indeks A\u2013Z (Indonesia)</a>' in \
        _page(output, "index.html")


def test_sitemap_and_absolute_addresses_with_a_base_url(root: Path, tmp_path: Path) -> None:
    output = tmp_path / "site"
    code, _, err = cli("site", "-o", output, "--base-url", BASE.rstrip("/"), root=root)
    assert code == 0, err
    _seen, broken = _crawl(output, BASE)
    assert broken == []
    tree = ET.parse(output / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text or "" for e in tree.getroot().findall("s:url/s:loc", ns)]
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    assert locs == [BASE + p for p in pages]
    index = _page(output, "index.html")
    assert f'<link rel="canonical" href="{BASE}index.html">' in index
    assert f'<link rel="alternate" hreflang="en" href="{BASE}index-en.html">' in index


def test_a_base_url_is_written_as_a_url_and_never_with_a_password(
    root: Path, tmp_path: Path,
) -> None:
    """`--base-url https://ex.org/kamus-ü/` went raw into the sitemap's `<loc>` (the protocol
    wants RFC 3986), `a"b` as `&#34;`, and `user:secret@` into every page."""
    output = tmp_path / "site"
    code, _, err = cli("site", "-o", output, "--base-url", 'https://kämus.my/istilah-ü/a"b',
                       root=root)
    assert code == 0, err
    base = "https://xn--kmus-loa.my/istilah-%C3%BC/a%22b/"
    tree = ET.parse(output / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text or "" for e in tree.getroot().findall("s:url/s:loc", ns)]
    assert locs
    assert all(loc.startswith(base) and loc.isascii() for loc in locs)
    assert f'<link rel="canonical" href="{base}index.html">' in _page(output, "index.html")
    code, _, err = cli("site", "-o", tmp_path / "other", "--base-url",
                       "https://user:secret@example.org/", root=root)
    assert code == 2
    assert "password" in err
    assert "secret" not in err
    assert not (tmp_path / "other").exists()


def test_no_sitemap_without_a_base_url(site: Path, root: Path, tmp_path: Path) -> None:
    """A sitemap lists absolute addresses (sitemaps.org); without --base-url there are none, so
    there is no sitemap and no page links to one. A later run with a base adds it, and a run
    without one again removes it."""
    assert not (site / "sitemap.xml").exists()
    assert not any("sitemap" in p.read_text() for p in site.rglob("*.html"))
    output = tmp_path / "site"
    build_site(glossari.load(root), output, base_url=BASE, generator=GENERATOR)
    assert (output / "sitemap.xml").is_file()
    result = build_site(glossari.load(root), output, generator=GENERATOR)
    assert result.removed == ("sitemap.xml",)


def _snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns,
                                               p.read_bytes())
            for p in folder.rglob("*") if p.is_file()}


def test_a_second_run_rewrites_only_what_changed(root: Path, tmp_path: Path) -> None:
    work = tmp_path / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    output = tmp_path / "site"
    assert cli("site", "-o", output, root=work)[0] == 0
    before = _snapshot(output)
    result = build_site(glossari.load(work), output, generator=GENERATOR)
    assert result.written == ()
    assert result.removed == ()
    assert result.rendered == 0  # every term page kept by its inputs' digest
    assert _snapshot(output) == before  # not one file touched: same inode, mtime, bytes

    # one article's body changes: its page changes, and the counts that include it
    edit_article(work, "finra", "ditubuhkan pada tahun 2007", "ditubuhkan pada 2007")
    result = build_site(glossari.load(work), output, generator=GENERATOR)
    after = _snapshot(output)
    changed = {name for name in after if after[name][2] != before[name][2]} - {MANIFEST}
    assert set(result.written) == changed
    assert result.rendered == 1  # no other page shows finra's body
    assert "terms/finra.html" in changed
    assert not any(n.startswith("terms/") and n != "terms/finra.html" for n in changed)
    for name in set(before) - changed - {MANIFEST}:
        assert after[name][:2] == before[name][:2], name  # untouched, not rewritten in place
    assert len(changed) < len(before) // 3

    # a deleted article that nobody links to: its page goes, nothing else breaks
    (work / "seeds" / "ekuiti.md").unlink()
    result = build_site(glossari.load(work), output, generator=GENERATOR)
    # its page, its category's, its letter's, and the link-only term only it linked to
    assert set(result.removed) == {"terms/ekuiti.html", "categories/ekuiti.html",
                                   "az/ms-e.html", "terms/capitalmarket.html"}
    assert not any((output / name).exists() for name in result.removed)
    assert _crawl(output)[1] == []
    manifest = json.loads((output / MANIFEST).read_text())
    assert "terms/ekuiti.html" not in manifest["files"]



def test_pages_are_kept_whether_the_glossary_comes_from_the_termbase_or_its_sources(
        root: Path, tmp_path: Path) -> None:
    """A page's digest is of the term's fields, not of how the term was read: a glossary from
    its compiled termbase and the same glossary from its sources (the termbase gone stale after
    an edit) keep every page. The digest once hashed the term's pickle, whose bytes depend on
    which equal strings are one object, and every page was rendered again each time the
    termbase went stale or fresh."""
    import warnings

    from glossari.glossary import TermbaseWarning

    work = tmp_path / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    assert cli("compile", "-l", "en", root=work)[0] == 0
    output = tmp_path / "site"
    compiled = glossari.load(work)
    assert type(compiled).__name__ == "_CompiledGlossary"
    build_site(compiled, output, generator=GENERATOR)
    (work / "locale" / "en" / "glossari.sqlite").unlink()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TermbaseWarning)
        sources = glossari.load(work)
    assert type(sources).__name__ == "Glossary"
    result = build_site(sources, output, generator=GENERATOR)
    assert (result.rendered, result.written, result.removed) == (0, (), ())


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def test_a_renamed_headword_rewrites_the_pages_that_show_it(root: Path, tmp_path: Path) -> None:
    """Pages are kept by the digest of their inputs; a term's headword is an input of every
    page that links to it or is linked from it, so all of those are rendered again."""
    work = tmp_path / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    output = tmp_path / "site"
    build_site(glossari.load(work), output, generator=GENERATOR)
    edit_article(work, "hedgefund", "title: Dana lindung nilai", "title: Dana lindung risiko")
    result = build_site(glossari.load(work), output, generator=GENERATOR)
    glossary = glossari.load(work)
    showing = {"hedgefund"} | {r.source.id for r in glossary.backlinks("hedgefund")} | {
        r.target.id for r in glossary.links_from("hedgefund") if r.target is not None}
    assert showing >= {"ekuiti", "investmentadvisor", "primebrokerage", "mutualfund"}
    written_terms = {n.removeprefix("terms/").removesuffix(".html") for n in result.written
                     if n.startswith("terms/")}
    assert written_terms == showing
    assert result.rendered == len(showing)
    for term_id in showing - {"hedgefund"}:
        assert "Dana lindung risiko" in (output / f"terms/{term_id}.html").read_text()
    cold = tmp_path / "cold"
    build_site(glossary, cold, generator=GENERATOR)
    assert _files(output) == _files(cold)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_two_processes_write_the_same_site(root: Path, tmp_path: Path) -> None:
    """Term pages rendered in the forked helper are byte for byte those rendered in one
    process; the helper is gone when the run ends."""
    glossary = glossari.load(root)
    one = build_site(glossary, tmp_path / "one", generator=GENERATOR, processes=1)
    two = build_site(glossary, tmp_path / "two", generator=GENERATOR, processes=2)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    assert (one.written, one.rendered) == (two.written, two.rendered)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child process left, not even a zombie


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_refused_fork_renders_every_page_here(root: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A system that refuses a new process gets the site one process makes, not an error."""
    glossary = glossari.load(root)
    one = build_site(glossary, tmp_path / "one", generator=GENERATOR, processes=1)
    tries: list[int] = []

    def no_fork() -> int:
        tries.append(1)
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setattr("glossari._helper.usable_cores", lambda: 2)
    two = build_site(glossary, tmp_path / "two", generator=GENERATOR, processes=2)
    assert tries == [1]  # asked once, then every page rendered here
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    assert (one.written, one.rendered) == (two.written, two.rendered)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_failure_in_the_helper_leaves_the_previous_site(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    output = tmp_path / "site"
    build_site(glossari.load(work), output, generator=GENERATOR)
    before = _snapshot(output)
    edit_article(work, "hedgefund", "title: Dana lindung nilai", "title: Dana lindung")
    from glossari.export import site
    from glossari.export.site import _pages

    monkeypatch.setattr(site, "_HELP_FROM", 0)  # a helper even for one page to render
    real = _pages.render_nodes
    monkeypatch.setattr(_pages, "render_nodes", lambda nodes: 1 / 0 if os.getpid() != parent
                        else real(nodes))
    parent = os.getpid()
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        build_site(glossari.load(work), output, generator=GENERATOR, processes=2)
    assert _snapshot(output) == before  # nothing written, no temporary left
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)



def test_an_interrupt_while_the_assets_are_staged_leaves_no_temporary(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM (raised as Ctrl-C is) just after the builder staged site.css and site.js, before
    the first page: their temporaries stayed in assets/, and were published with the site."""
    from glossari.export import site

    def stop(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(site, "_interface_words", stop)  # the builder's next step
    output = tmp_path / "site"
    with pytest.raises(KeyboardInterrupt):
        build_site(glossari.load(root), output, generator=GENERATOR)
    assert [p for p in output.rglob("*") if p.is_file()] == []


def test_an_interrupt_before_a_page_is_renamed_leaves_no_temporary(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossari.export.site import _output

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt  # SIGTERM raised just before the rename

    monkeypatch.setattr(_output, "_replace", interrupted)
    output = tmp_path / "site"
    with pytest.raises(KeyboardInterrupt):
        build_site(glossari.load(root), output, generator=GENERATOR)
    assert [p for p in output.rglob("*") if p.is_file()] == []

_KILLED = REPORT_HELPERS + """
import glossari
from glossari.export.site import _pages, build_site
def slow(nodes):
    if os.getpid() != parent:
        time.sleep(0.5)
    return _pages.Markup("")
if sys.argv[3] == "rendering":  # killed while the helper renders
    _pages.render_nodes = slow
else:  # killed while the helper waits for pages: the builder hangs on its first page back
    from glossari.export import site
    site._Builder._put_term = lambda *args: time.sleep(3600)
build_site(glossari.load(sys.argv[1]), sys.argv[2], processes=2)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or not hasattr(os, "fork"),
                    reason="needs fork and /proc")
@pytest.mark.parametrize("when", ["rendering", "waiting"])
def test_a_killed_builder_leaves_no_helper_behind(root: Path, tmp_path: Path, when: str) -> None:
    """SIGKILL the builder while its helper renders (it ends when it sends the page back to no
    one) or waits for pages (it ends when its task pipe closes)."""
    builder = subprocess.Popen(
        [sys.executable, "-c", _KILLED, str(root), str(tmp_path / "s"), when],
        stdout=subprocess.PIPE, text=True)
    assert builder.stdout is not None
    helper = int(builder.stdout.readline())
    if when == "waiting":
        time.sleep(2)  # the helper renders the few pages it was sent, then waits for more
    builder.kill()
    builder.wait()
    assert_ends(helper)


# Edits to the Malay articles: (article, old, new); each changes what some pages show.
_EDITS = [
    ("hedgefund", "title: Dana lindung nilai", "title: Dana lindung"),
    ("finra", "ditubuhkan pada tahun 2007", "ditubuhkan pada 2007"),
    ("commission", "keywords: Perdagangan", "keywords: Perdagangan, Broker"),
    ("primebrokerage", "keywords: Broker", "keywords: Pelaburan"),
    ("investmentadvisor", "](/hedgefund)", "](/finra)"),
    ("broker-dealer", "title: Peniaga broker", "title: Peniaga"),
    ("ekuiti", "- Perkara kedua", "- Perkara [ketiga](/komisen-baru) kedua"),
]


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.sampled_from(_EDITS), min_size=1, max_size=3, unique=True),
       delete=st.sampled_from([None, "ekuiti", "finra"]))
def test_an_incremental_site_equals_a_cold_one(root: Path, tmp_path: Path,
                                                edits: list[tuple[str, str, str]],
                                                delete: str | None) -> None:
    """Whatever changed, the site a second run leaves is byte for byte the one a first run in an
    empty folder writes (the pages kept by their digest included), manifest and all."""
    case = Path(tempfile.mkdtemp(dir=tmp_path))
    work = case / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    output = case / "site"
    build_site(glossari.load(work), output, generator=GENERATOR)
    before = _files(output)
    stats = {name: (output / name).stat() for name in before}
    for term_id, old, new in edits:
        edit_article(work, term_id, old, new)
    if delete is not None:
        (work / "seeds" / f"{delete}.md").unlink()
    glossary = glossari.load(work)
    result = build_site(glossary, output, generator=GENERATOR)
    cold = case / "cold"
    build_site(glossary, cold, generator=GENERATOR)
    after = _files(output)
    assert after == _files(cold)
    # a file that shows the same is not touched, and only the term pages that changed were
    # rendered (a small glossary can change everywhere: then every page is, and rightly)
    for name, data in after.items():
        if before.get(name) == data:
            now = (output / name).stat()
            assert (now.st_ino, now.st_mtime_ns) == (stats[name].st_ino,
                                                      stats[name].st_mtime_ns), name
    changed = [n for n, data in after.items()
               if n.startswith("terms/") and before.get(n) != data]
    assert result.rendered == len(changed)


def test_refused_folders_and_options(root: Path, tmp_path: Path) -> None:
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    for output, expected in (
        (root / "seeds" / "site", "seeds/"),
        (root / "locale", "locale/"),
        (root, "seeds/"),
    ):
        code, _out, err = cli("site", "-o", output, root=root)
        assert code == 2, err
        assert expected in err
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    code, _, err = cli("site", "-o", foreign, root=root)
    assert code == 2
    assert "not a glossari site" in err
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
    for args in (("--base-url", "ftp://example.org/"), ("--base-url", "example.org"),
                 ("-l", "ms"), ("-l", "ms_MY"), ("-l", "may"), ("-l", "zsm"),
                 ("-l", "xx-nonsense")):
        code, _, err = cli("site", "-o", tmp_path / "new", *args, root=root)
        assert code == 2, (args, err)
        assert len(err.strip().splitlines()) == 1
        assert not (tmp_path / "new").exists()
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_a_site_folder_that_cannot_be_made_is_one_line(root: Path, tmp_path: Path) -> None:
    """`-o FILE/site` (and a read-only place) gave `internal error: NotADirectoryError`."""
    (tmp_path / "a-file").write_text("mine")
    code, _out, err = cli("site", "-o", tmp_path / "a-file" / "site", root=root)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert f"the site folder cannot be made: {(tmp_path / 'a-file').as_posix()} is a file" in err
    assert "internal error" not in err
    assert (tmp_path / "a-file").read_text() == "mine"


def test_a_first_run_interrupted_before_its_manifest_does_not_block_the_next(
    root: Path, tmp_path: Path,
) -> None:
    """Ctrl-C in a first `site` run left an empty `assets/` (and maybe a temporary file of
    ours); the next run refused the folder as "not a glossari site"."""
    output = tmp_path / "site"
    (output / "assets" / "deep").mkdir(parents=True)
    (output / "assets" / ".site.css.x1y2.tmp").write_bytes(b"half")
    code, _out, err = cli("site", "-o", output, root=root)
    assert code == 0, err
    assert (output / MANIFEST).is_file()
    (tmp_path / "other" / "empty").mkdir(parents=True)
    (tmp_path / "other" / "empty" / "notes.txt").write_text("mine")
    code, _out, err = cli("site", "-o", tmp_path / "other", root=root)
    assert code == 2
    assert "not a glossari site" in err


def test_the_bundled_glossary_builds_too(tmp_path: Path) -> None:
    output = tmp_path / "bundled"
    result = build_site(glossari.load(), output, generator="test")
    assert result.terms == len(glossari.load())
    page = _page(output, "terms/accountexecutive.html")
    assert '<h1 id="headword">Eksekutif akaun</h1>' in page
    assert "Account executive" in page
    assert _crawl(output)[1] == []
    assert all(_html5_errors(p) == [] for p in output.rglob("*.html"))


# --- inline Markdown -------------------------------------------------------------------------

_MD = MarkdownIt("commonmark", {"html": False})
_ALPHABET = st.sampled_from(list("ab Éé1.,;:'\"%-/#=+?$") + list("\\`*_[]()!<>&~\n\t") +
                            ["\u2028", "\x85", "  \n", "[a](/x)", "http://x.y", "&amp;"])


@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_plain_text_fast_path_equals_markdown_it(text: str) -> None:
    # render_inline skips the parser for text with no inline syntax; the result must be the
    # same as markdown-it-py's wherever no link is involved (links are rewritten on purpose)
    expected = _MD.renderInline(strip_controls(text))
    assume("<a " not in expected and "<img" not in expected)
    # a formatting tag (`<b>`) is kept as HTML on purpose (tests/test_site_raw_html.py)
    assume(re.search(r"&lt;/?[A-Za-z]+ */?&gt;", expected) is None)
    assert render_inline(text, lambda target: None) == expected


_PAGES = {"x": "x.html", "a-b": "a-b.html", "p/q.r": "q.html"}
_PIECES = st.sampled_from(["[teks](/x)", "[dua kata](/a-b)", "[t](/nope)", "[a](/p/q.r)",
                           "](/x)", "[", "(/x)", "[a](/x(y))", "[a](/x))", "![a](/x)",
                           "[a]( /x)", "[a](/x \"t\")", "[](/x)", "[a](/%41)", "[*a*](/x)",
                           "\\[a](/x)", "[a][b]", "<", "`", "[a](//x.org/b)", "[a](#x)",
                           "[a](/#x)"])


@given(st.lists(st.one_of(_ALPHABET, _PIECES), max_size=12).map("".join))
def test_the_shortcuts_render_as_the_parser_does(text: str) -> None:
    # plain text and plain links skip markdown-it-py; the HTML must be what it gives
    assert render_inline(text, _PAGES.get) == render_inline(text, _PAGES.get, parser_only=True)


@pytest.mark.parametrize("text", [
    "Teks biasa sahaja.", "Harga 2% daripada $57,504.", "Ia berkata 'ya' dan \"tidak\"",
    "Éksekutif: akaun; 401(k)", "a  b", "(FINRA) ialah (badan)",
])
def test_plain_text_renders_as_markdown_it_does(text: str) -> None:
    assert render_inline(text, lambda target: None) == _MD.renderInline(text)


def test_links_are_rewritten_or_dropped(tmp_path: Path) -> None:
    pages = {"broker-dealer": "broker-dealer.html"}
    assert render_inline("[a](/broker-dealer) [b](/nowhere) [c](https://x.org/a?b=1)",
                         pages.get) == (
        '<a href="broker-dealer.html">a</a> <span class="nolink">b</span> '
        '<a href="https://x.org/a?b=1" rel="external">c</a>')
    assert render_inline("[x](javascript:alert(1))", pages.get) == "[x](javascript:alert(1))"
    # an anchor or a query of the article's own page: no such id on the term page, so text; an
    # address without its scheme would lead to file://host from the disk
    for text in ("[a](#sejarah)", "[a](/#sejarah)", "[a](?q=1)", "*b* [a](#sejarah)"):
        assert '<span class="nolink">a</span>' in render_inline(text, pages.get), text
    for text in ("[a](//x.org/p)", "[a](//x.org/p) *b*"):
        assert render_inline(text, pages.get).startswith(
            '<a href="https://x.org/p" rel="external">a</a>'), text
    assert render_inline("![gambar](https://x.org/p.png)", pages.get) == "gambar"
    assert render_inline(HOSTILE_TITLE, pages.get) == (
        "Ékuiti &lt;script&gt;document.title='pwned'&lt;/script&gt;")


def test_no_output_is_written_when_the_glossary_cannot_be_read(tmp_path: Path) -> None:
    root = tmp_path / "bad"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "x.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    code, _, err = cli("site", root=root)
    assert code == 2
    assert "seeds/x.md" in err
    assert "Traceback" not in err
    assert not (root / "build").exists()
    assert os.listdir(root) == ["seeds"]


def test_catalogs_are_read_when_the_glossary_kept_none(root: Path, tmp_path: Path) -> None:
    # a glossary read from the compiled termbase keeps no catalogs: the site reads them, since
    # only they tell a fuzzy message from an untranslated one
    from glossari.glossary import Glossary

    loaded = glossari.load(root)
    glossary = Glossary(list(loaded), root=loaded.root, lang=loaded.lang)  # no translations
    build_site(glossary, tmp_path / "site")
    page = _page(tmp_path / "site", "terms/commission.html")
    assert len(re.findall(r'<p lang="ms" class="state-fuzzy">', page)) == 1


def test_a_glossary_built_in_memory(glossary: glossari.Glossary, tmp_path: Path) -> None:
    from glossari.glossary import Glossary

    memory = Glossary(list(glossary), lang="en")  # no folder, no catalogs
    result = build_site(memory, tmp_path / "site")
    assert result.terms == len(glossary)
    assert _crawl(tmp_path / "site")[1] == []
    hedge = _page(tmp_path / "site", "terms/hedgefund.html")
    assert '<p lang="en" class="state-translated">Hedge funds have traditionally' in hedge
    ekuiti = _page(tmp_path / "site", "terms/ekuiti.html")
    assert '<p lang="ms" class="state-untranslated">' in ekuiti
    assert 'class="bar-translated"' in _page(tmp_path / "site", "index.html")


def test_headwords_in_lists_and_titles_are_bidi_isolated(
        glossary: glossari.Glossary, tmp_path: Path) -> None:
    """A headword holding right-to-left text (Jawi or Arabic, common in Islamic finance) must
    not reorder the other-language name beside it: `Wakaf tunai وقف` then `1-year cash waqf`
    showed as `Wakaf tunai 1 وقف-year cash waqf`. Each name is its own bidi isolate (dir=auto
    in lists and search results, FSI/PDI in the plain-text title)."""
    import dataclasses

    from glossari.glossary import Glossary

    terms = [dataclasses.replace(t, title="Wakaf tunai \u0648\u0642\u0641",
                                 english=dataclasses.replace(t.english, title="1-year cash waqf"))
             if t.id == "hedgefund" else t for t in glossary]
    build_site(Glossary(terms, lang="en"), tmp_path / "site")
    ms_list = _page(tmp_path / "site", "az/ms-w.html")
    assert ('<span class="hw" lang="ms" dir="auto">Wakaf tunai \u0648\u0642\u0641</span> '
            '<span class="hw-en" lang="en" dir="auto">1-year cash waqf</span>') in ms_list
    en_list = _page(tmp_path / "site", "az/en-0.html")
    assert '<span class="hw" lang="en" dir="auto">1-year cash waqf</span>' in en_list
    assert '<span class="hw-en" lang="ms" dir="auto">Wakaf tunai' in en_list
    title = re.search(r"<title>(.*)</title>", _page(tmp_path / "site", "terms/hedgefund.html"))
    assert title is not None
    assert unescape(title.group(1)) == (
        "\u2068Wakaf tunai \u0648\u0642\u0641\u2069 \u00b7 1-year cash waqf \u2013 Glosari "
        "kewangan Melayu\u2013Inggeris")
    # a name with no right-to-left text is left as it is
    assert "<title>Ékuiti &lt;script&gt;" in _page(tmp_path / "site", "terms/ekuiti.html")
    for page in ("index.html", "terms/hedgefund.html"):  # category names, Malay and English
        assert re.search(r'<span lang="ms" dir="auto">[^<]+</span> <span class="hw-en" '
                         r'lang="en" dir="auto">', _page(tmp_path / "site", page)), page
    script = _page(tmp_path / "site", "assets/site.js")
    assert 'ms.dir = "auto"' in script
    assert 'en.dir = "auto"' in script


def test_a_page_renamed_only_in_case_survives_a_case_insensitive_disk(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An article renamed only in case (`FINRA.md` to `finra.md`) moves its page from
    `terms/FINRA.html` to `terms/finra.html`. On a case-insensitive disk (macOS, Windows) the
    two names are one file: removing the stale name after the new page was put in place took
    the new page with it (a broken link until the next run). Such a disk is emulated here: an
    unlink removes every name that differs only in case."""
    work = tmp_path / "glossary"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns("build"))
    (work / "seeds" / "finra.md").rename(work / "seeds" / "FINRA.md")
    output = tmp_path / "site"
    assert cli("site", "-o", output, root=work)[0] == 0
    assert (output / "terms" / "FINRA.html").is_file()
    (work / "seeds" / "FINRA.md").rename(work / "seeds" / "finra.md")

    unlink = Path.unlink

    def case_insensitive_unlink(self: Path, missing_ok: bool = False) -> None:
        twins = [p for p in self.parent.iterdir() if p.name.casefold() == self.name.casefold()]
        if not twins and not missing_ok:
            raise FileNotFoundError(self)
        for twin in twins:
            unlink(twin)

    monkeypatch.setattr(Path, "unlink", case_insensitive_unlink)
    result = build_site(glossari.load(work), output, generator=GENERATOR)
    monkeypatch.undo()
    assert "terms/FINRA.html" in result.removed
    assert (output / "terms" / "finra.html").is_file()
    assert _crawl(output)[1] == []


@pytest.mark.parametrize("text", [
    "Lihat juga [](/broker-dealer) dan.",
    "Lihat juga [ ](/broker-dealer) dan.",
    "[ ](/broker-dealer)",
    "Lihat [&nbsp;](/broker-dealer) *x*",
    "Lihat [](https://x.org/a) *x*",
    "Lihat [![](https://x.org/p.png)](/broker-dealer) *x*",
    "Lihat [\u200b](/broker-dealer) dan.",
    "Lihat [\u200b\u2060](/broker-dealer) *x*",
])
def test_a_link_with_no_text_is_no_empty_link(text: str) -> None:
    """A link with nothing to read (`[](/slug)`, S103's empty link text) would be an empty
    `<a>`: nothing to click and nothing for a screen reader to name (WCAG 2.4.4); it is
    rendered as the (blank) text it is, like a link to no page."""
    pages = {"broker-dealer": "broker-dealer.html"}
    for html in (render_inline(text, pages.get), render_inline(text, pages.get,
                                                               parser_only=True)):
        assert "<a " not in html, html
    assert render_inline("[peniaga broker](/broker-dealer)", pages.get) == (
        '<a href="broker-dealer.html">peniaga broker</a>')


def test_heading_levels_never_skip(tmp_path: Path) -> None:
    """An article's sections go down one level at a time on the page (h1, h2, h3), whatever
    levels the article skips (`###` right under the headword, `####` under `##`): a screen
    reader's list of headings then has no hole (WCAG 1.3.1)."""
    root = tmp_path / "glossary"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "tajuk.md").write_text(
        "---\ntitle: Tajuk bertingkat\ndescription: Ujian tahap tajuk.\n---\n\n"
        "# Tajuk bertingkat\n\n### Terus ke tahap tiga\n\nTeks.\n\n## Bahagian dua\n\nTeks.\n\n"
        "#### Terus ke tahap empat\n\nTeks.\n\n## Bahagian lain\n\nTeks.\n", encoding="utf-8")
    code, _, err = cli("site", "-o", tmp_path / "site", root=root)
    assert code == 0, err
    page = _page(tmp_path / "site", "terms/tajuk.html")
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", page)]
    # each heading twice: Malay, then its column; last, the facts' heading
    assert levels == [1, 2, 2, 2, 2, 3, 3, 2, 2, 2]


def test_build_site_by_default_writes_the_command_s_pages(tmp_path: Path) -> None:
    # docs/site.md's Python example and `glossari site` give one site: building one folder by
    # turns rewrote every page (the footer and generator said `glossari` or `glossari 0.1.0`)
    from glossari.cli import main

    root = rich_root(tmp_path / "g")
    output = tmp_path / "site"
    assert main(["--root", str(root), "site", "-o", str(output)]) == 0
    result = build_site(glossari.load(root), output, processes=1)
    assert (result.written, result.removed) == ((), ())


# A small glossary of its own: a Malay stem with a Malay and an English acronym (KWSP/EPF), an
# English slug, an alias and an inflected link text
_KWSP = """---
title: Kumpulan Wang Simpanan Pekerja (KWSP)
description: Dana persaraan wajib bagi pekerja sektor swasta.
keywords: Persaraan, Simpanan
aliases: Tabung pekerja
---

# Kumpulan Wang Simpanan Pekerja (KWSP)

KWSP menyimpan caruman [bon kerajaan](/bond) dan [saham](/saham-biasa).
"""
_BOND = """---
title: Bon
description: Surat hutang yang membayar faedah.
keywords: Pendapatan tetap
---

# Bon

Bon dibeli oleh [KWSP](/kumpulan-wang-simpanan-pekerja).
"""
_SAHAM = """---
title: Saham biasa
description: Unit pemilikan syarikat.
keywords: Ekuiti
---

# Saham biasa

Lihat [bon-bon](/bond).
"""
_ENGLISH = {"kumpulan-wang-simpanan-pekerja": "Employees Provident Fund (EPF)", "bond": "Bond",
            "saham-biasa": "Ordinary share"}


def _kwsp_site(tmp_path: Path) -> Path:
    """The site of the glossary above, its English headwords given (acronyms as loading finds
    them in both headwords)."""
    import dataclasses

    from glossari.align.resolve import headword_acronyms
    from glossari.glossary import Glossary

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    for name, text in (("kumpulan-wang-simpanan-pekerja", _KWSP), ("bond", _BOND),
                       ("saham-biasa", _SAHAM)):
        (root / "seeds" / f"{name}.md").write_text(text, encoding="utf-8")
    terms = []
    for t in glossari.load(root):
        en = _ENGLISH[t.id]
        acronyms = tuple(dict.fromkeys(headword_acronyms(t.title) + headword_acronyms(en)))
        terms.append(dataclasses.replace(
            t, english=dataclasses.replace(t.english, title=en, status="translated"),
            names=dataclasses.replace(t.names, acronyms=acronyms)))
    build_site(Glossary(terms, lang="en"), tmp_path / "site")
    return tmp_path / "site"


def test_an_english_acronym_is_searched_as_english(tmp_path: Path) -> None:
    """EPF, the acronym in the English headword, was indexed among the Malay names, so a hit on
    `epf` said data-match="ms": each name is indexed under its own language."""
    site = _kwsp_site(tmp_path)
    index = _page(site, "assets/search-index.js")
    data = json.loads(index.removeprefix("window.GLOSSARI_INDEX = ").rstrip().rstrip(";"))
    kwsp = next(t for t in data["terms"] if t[0] == "kumpulan-wang-simpanan-pekerja.html")
    assert kwsp[5] == ["Tabung pekerja", "KWSP"]
    assert kwsp[6] == ["EPF"]



def test_a_term_page_title_ends_with_the_site_name(tmp_path: Path) -> None:
    """`Bon · Bond` said nothing of the site: in a tab, a bookmark or a search engine's list it
    ends with the site's name, as the index is titled."""
    site = _kwsp_site(tmp_path)
    name = re.search(r"<title>(.*)</title>", _page(site, "index.html"))
    title = re.search(r"<title>(.*)</title>", _page(site, "terms/bond.html"))
    assert name is not None
    assert title is not None
    assert unescape(title.group(1)) == f"Bon \u00b7 Bond \u2013 {unescape(name.group(1))}"


def test_a_page_title_marks_english_that_is_fuzzy_or_only_suggested(tmp_path: Path) -> None:
    """A term page's `<title>` gave a fuzzy English headword (`Pelaburan · Investment`) and a
    slug's suggestion (`dana amanah · unit trust`) as if approved, in a tab, a bookmark or a
    search engine's list, while the page and every list of terms mark them in words."""
    import dataclasses

    from glossari.glossary import Glossary

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "pelaburan.md").write_text(
        "---\ntitle: Pelaburan\n---\n\n# Pelaburan\n\nLihat [dana amanah](/unit-trust).\n",
        encoding="utf-8")
    (root / "seeds" / "saham.md").write_text("---\ntitle: Saham\n---\n\n# Saham\n\nTeks.\n",
                                             encoding="utf-8")
    english = {"pelaburan": ("Investment", "fuzzy"), "saham": ("Share", "translated"),
               "unit-trust": ("unit trust", "suggested")}
    terms = [dataclasses.replace(t, english=dataclasses.replace(
        t.english, title=english[t.id][0], status=english[t.id][1]))
        for t in glossari.load(root)]
    build_site(Glossary(terms, lang="en"), tmp_path / "site")

    def title(name: str) -> str:
        found = re.search(r"<title>(.*) \u2013 ", unescape(_page(tmp_path / "site", name)))
        assert found is not None, name
        return found.group(1)

    assert title("terms/pelaburan.html") == "Pelaburan \u00b7 Investment (kabur \u00b7 fuzzy)"
    assert title("terms/unit-trust.html") == (
        "dana amanah \u00b7 unit trust (cadangan \u00b7 suggested)")
    assert title("terms/saham.html") == "Saham \u00b7 Share"


def test_every_page_title_ends_with_the_site_name(tmp_path: Path) -> None:
    """Only term pages ended with the site's name: a letter page was `B · Indeks A-Z (Melayu)`
    and a category page `Pelaburan · Investing`, saying nothing of the site in a tab or a
    bookmark. Every page's title ends with it, in the page's interface language (one rule, in
    base.html); an index is titled by it alone."""
    site = _kwsp_site(tmp_path)

    def title(name: str) -> str:
        found = re.search(r"<title>(.*)</title>", _page(site, name))
        assert found is not None, name
        return unescape(found.group(1))

    ms, en = title("index.html"), title("index-en.html")
    assert (ms, en) == ("Glosari kewangan Melayu\u2013Inggeris",
                        "Malay\u2013English financial glossary")
    assert title("az/ms-b.html") == f"B \u00b7 Indeks A\u2013Z (Melayu) \u2013 {ms}"
    assert title("az/en-b.html") == f"B \u00b7 A\u2013Z index (English) \u2013 {en}"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    categories = [p for p in pages if p.startswith("categories/")]
    assert categories
    for name in pages:
        wanted = en if name == "index-en.html" or name.startswith("az/en-") else ms
        assert title(name).endswith(wanted), name
        assert title(name).count(wanted) == 1, name



def test_the_facts_of_a_term_page_have_a_heading(tmp_path: Path) -> None:
    """The categories, links, backlinks and status had no heading: a screen reader's heading
    navigation skipped them. They are under an h2, in both languages."""
    page = _page(_kwsp_site(tmp_path), "terms/bond.html")
    facts = re.search(r'<aside class="facts" aria-labelledby="facts-heading">\s*'
                      r'<h2 id="facts-heading" class="visually-hidden">(.*?)</h2>', page)
    assert facts is not None, page
    assert facts.group(1) == ('<span lang="ms">Maklumat istilah</span> \u00b7 '
                              '<span lang="en">Term details</span>')



def test_the_pieces_of_a_chart_bar_are_kept_apart(tmp_path: Path) -> None:
    """Translated and fuzzy pieces differ by 1.21:1 only: each piece has a stroke of the page's
    background, so two pieces side by side are told apart by a visible boundary."""
    site = _kwsp_site(tmp_path)
    css = _page(site, "assets/site.css")
    rule = re.search(r"svg\.coverage \.row rect \{([^}]*)\}", css)
    assert rule is not None
    assert "stroke: var(--bg)" in rule.group(1)
    assert "stroke-width: 1px" in rule.group(1)
    assert re.search(r'<g class="row"[^>]*>\s*<text class="label"', _page(site, "index.html"))


def test_a_manifest_nested_too_deep_is_read_as_none(tmp_path: Path) -> None:
    # json.loads raised RecursionError (not a ValueError): `internal error` from `glossari site`
    from glossari.export.site._output import _read_manifest

    for text in ("[" * 200_000, '{"a":' * 200_000):
        (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
        assert _read_manifest(tmp_path) == (set(), {})


def _shape(html: str) -> list[str]:
    """The nesting of quotes and lists, with a numbered list's start."""
    return re.findall(r"</?(?:blockquote|ul|ol|li)\b(?: start=\"\d+\")?", html)


def _body_tree(body: str) -> str:
    from glossari.export.site._pages import _tree, render_nodes
    from glossari.seeds.markdown import parse_body

    parsed = parse_body(body, source="a.md", line_offset=0)
    blocks = [(b, escape(b.text), "ms", "source") for s in parsed.sections for b in s.blocks]
    return str(render_nodes(_tree(blocks)))


_PARTED = [
    "> Petikan pertama tentang saham-saham.\n\n> Petikan kedua tentang pelaburannya.\n",
    "3. langkah ketiga\n4. langkah keempat\n",
    "- satu\n- dua\n\n* tiga\n* empat\n",
    "> - senarai\n\n> - senarai lain\n",
    "1. luar\n   - dalam\n\n   * dalam lain\n2. luar dua\n",
    "> Satu petikan\n>\n> dengan dua perenggan.\n\n> 7. tujuh\n> 8. lapan\n",
    # a quote in a quote, a second paragraph of an item, a quote and code in an item
    "> Petikan luar.\n>\n> > Petikan bersarang.\n",
    "1. Langkah pertama\n\n   Perenggan kedua item yang sama.\n2. Langkah kedua\n",
    "- satu\n\n  > petikan dalam senarai\n- dua\n\n      kod = 1\n",
    # a list or a quote in a numbered item: show indents it by the item's marker, `2. ` (three
    # columns) or `10. ` (four), as Markdown nests it; two spaces made it a list of its own
    "1. bertempoh\n2. seumur hidup\n   - nilai tunai\n   - pinjaman\n3. boleh ubah\n",
    "9. sembilan\n10. sepuluh\n    1. dalam\n\n    > petikan dalam item\n",
]


@pytest.mark.parametrize("body", _PARTED)
def test_two_quotes_or_two_lists_stay_two_and_a_list_keeps_its_first_number(
        tmp_path: Path, body: str) -> None:
    """Two quotes parted by a blank line were one `<blockquote>`, `- ` then `* ` items one
    `<ul>`, and `3.` started the page's `<ol>` at 1: the page follows markdown-it-py (the
    oracle), and `show` prints a numbered item by its number and a blank line between two
    quotes or two lists."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "peniaga-broker.md").write_text(
        f"---\ntitle: Peniaga broker\ndescription: Firma.\n---\n\n# Peniaga broker\n\n{body}",
        "utf-8")
    build_site(glossari.load(root), tmp_path / "site")
    page = _page(tmp_path / "site", "terms/peniaga-broker.html")
    side = re.search(r'<section class="pair body">\s*<div class="side ms" lang="ms">(.*?)</div>',
                     page, re.DOTALL).group(1)
    assert _shape(side) == _shape(MarkdownIt("commonmark").render(body))
    shown = cli("--root", root, "show", "peniaga-broker")[1]
    start = shown.index("# Peniaga broker")
    shown_body = "\n".join(line for line in shown[start:].splitlines()[1:]).strip()
    assert _shape(MarkdownIt("commonmark").render(shown_body)) == _shape(
        MarkdownIt("commonmark").render(body)), shown_body


_ITEM = st.sampled_from(["saham", "pelaburannya", "saham-saham", "bon"])


@st.composite
def _containers(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["quote", "ul", "ol", "p", "nested", "more"]))
        inner = draw(st.sampled_from(["", "> "])) if kind != "quote" else "> "
        words = draw(st.lists(_ITEM, min_size=1, max_size=3))
        if kind == "ul":
            marker = draw(st.sampled_from("-*+"))
            lines = [f"{inner}{marker} {w}" for w in words]
        elif kind == "ol":
            first = draw(st.integers(0, 12))
            lines = [f"{inner}{first + n}. {w}" for n, w in enumerate(words)]
        elif kind == "quote":
            lines = [f"> {w}" if n == 0 else f">\n> {w}" for n, w in enumerate(words)]
        elif kind == "nested":  # a quote in a quote, or a list in an item
            inner_kind = draw(st.sampled_from(["> > ", "   - ", "   1. "]))
            lines = [f"1. {words[0]}" if inner_kind != "> > " else f"> {words[0]}",
                     "" if inner_kind != "> > " else ">",
                     *(f"{inner_kind}{w}" for w in words)]
        elif kind == "more":  # an item of two paragraphs
            marker = draw(st.sampled_from(["-", "1."]))
            pad = " " * (len(marker) + 1)
            lines = [f"{marker} {words[0]}", "", f"{pad}{' '.join(words)}"]
        else:
            lines = [" ".join(words)]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


@given(_containers())
@settings(max_examples=60, deadline=None)
def test_quotes_and_lists_nest_and_part_as_markdown_it_reads_them(body: str) -> None:
    """Property: the site's quotes, lists and list starts are markdown-it-py's."""
    assert _shape(_body_tree(body)) == _shape(MarkdownIt("commonmark").render(body))
