"""The static site in a real headless browser (Debian's chromium), opened from ``file://``.

Chromium loads a page, runs its scripts and prints the resulting DOM (``--dump-dom``). Search is
driven through the address (``index.html?q=...`` fills the box, as a reader's bookmark would) and,
for typing and the keyboard, by a small test script added to a copy of the page: the CSP allows
the site's own scripts ('self'), so the test script is a file of the site like the others.
``--virtual-time-budget`` lets the page's timers and the lazily loaded search index finish before
the DOM is printed.

Screenshots of the index and of one term page are kept in ``build/screenshots/`` (gitignored) for
a person to look at.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from _alignkit import cli, ok
from _browser import run_chromium
from _sitekit import HOSTILE_TITLE, built_site

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "build" / "screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(tmp_path_factory)


def _dump(chromium: str, tmp_path: Path, page: Path, query: str = "") -> str:
    done = run_chromium(chromium, tmp_path, page.as_uri() + query, "--virtual-time-budget=5000",
                        "--dump-dom")
    assert "</html>" in done.stdout, done.stderr[-2000:]
    return done.stdout


class _Dom(HTMLParser):
    """The elements of a dumped DOM, each with its attributes, text and inherited language."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict[str, str]] = []
        self.elements: list[dict[str, str]] = []
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {k: v or "" for k, v in attrs}
        element["tag"] = tag
        element["text"] = ""
        inherited = self.stack[-1]["lang"] if self.stack else ""
        element["lang"] = element.get("lang", inherited)
        self.elements.append(element)
        if tag not in ("meta", "link", "input", "br", "img", "wbr", "rect"):
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element["text"] += data
        if self.stack and self.stack[-1]["tag"] == "title" and self.stack[0]["tag"] == "html" \
                and len(self.stack) > 1 and self.stack[1]["tag"] == "head":
            self.title += data

    def by_id(self, ident: str) -> dict[str, str]:
        return next(e for e in self.elements if e.get("id") == ident)

    def results(self) -> list[tuple[str, str]]:
        return [(e["data-file"], e["data-match"]) for e in self.elements
                if e.get("role") == "option"]


def _parse(dom: str) -> _Dom:
    parsed = _Dom()
    parsed.feed(dom)
    return parsed


def _with_script(site: Path, page: str, script: str, tmp_path: Path) -> Path:
    """A copy of the site whose ``page`` also runs ``script`` (a site file, after site.js)."""
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    (copy / "assets" / "drive.js").write_text(script, encoding="utf-8")
    target = copy / page
    depth = page.count("/")
    html = target.read_text(encoding="utf-8")
    tag = f'<script src="{"../" * depth}assets/drive.js" defer></script>\n</head>'
    target.write_text(html.replace("</head>", tag, 1), encoding="utf-8")
    return target


def test_index_loads_from_file_and_shows_search(chromium: str, site: Path, tmp_path: Path) -> None:
    dom = _parse(_dump(chromium, tmp_path, site / "index.html"))
    search = dom.by_id("search")
    assert "hidden" not in search  # the script ran (from file://, under the CSP) and showed it
    assert "js" in next(e for e in dom.elements if e["tag"] == "html")["class"]
    assert dom.title.strip() == "Glosari kewangan Melayu\u2013Inggeris"
    assert dom.by_id("counts")["text"].split()[:2] == ["10", "istilah"]


@pytest.mark.parametrize(("query", "expected"), [
    ("lindung", "hedgefund.html"),         # a Malay word inside the headword, by its start
    ("dana%20lind", "hedgefund.html"),     # the start of the Malay headword
    ("Pembrok", "primebrokerage.html"),
    ("komi", "commission.html"),
    ("modal%20sah", "ekuiti.html"),        # an alias (aliases: Modal saham), not the headword
    ("lindung%20nilai", "hedgefund.html"),  # several words from inside the headword on
    ("lindungnil", "hedgefund.html"),       # so, with the space left out
])
def test_search_by_a_malay_prefix(chromium: str, site: Path, tmp_path: Path, query: str,
                                  expected: str) -> None:
    dom = _parse(_dump(chromium, tmp_path, site / "index.html", f"?q={query}"))
    results = dom.results()
    assert results, f"no result for {query}"
    assert results[0] == (expected, "ms")
    assert dom.by_id("q")["aria-expanded"] == "true"


@pytest.mark.parametrize(("query", "expected"), [
    ("H%C3%89DGE", "hedgefund.html"),            # HÉDGE: wrong case, a stray accent
    ("br%C3%B6KERAGE", "primebrokerage.html"),   # brÖKERAGE, a word inside "Prime brokerage"
    ("%C3%A0dvisor", "investmentadvisor.html"),  # àdvisor
    ("fund%20hedge", "hedgefund.html"),          # every word, in another order
])
def test_search_by_an_english_word_with_wrong_case_and_accents(
    chromium: str, site: Path, tmp_path: Path, query: str, expected: str
) -> None:
    results = _parse(_dump(chromium, tmp_path, site / "index.html", f"?q={query}")).results()
    assert (expected, "en") in results
    assert results[0][0] == expected


def test_a_hit_by_another_name_shows_that_name(chromium: str, site: Path, tmp_path: Path) -> None:
    """'modal saham' finds Ékuiti by its alias: the hit says so, or the reader sees a headword
    that has none of the words typed."""
    dom = _parse(_dump(chromium, tmp_path, site / "index.html", "?q=modal%20saham"))
    assert dom.results()[0] == ("ekuiti.html", "ms")
    names = [(e["text"], e["lang"]) for e in dom.elements if e.get("class") == "hw-name"]
    assert names == [(" \u00b7 Modal saham", "ms")]
    # a hit by its headword names nothing more
    dom = _parse(_dump(chromium, tmp_path, site / "index.html", "?q=hedge"))
    assert not any(e.get("class") == "hw-name" for e in dom.elements)


_LINK_TEXTS = """---
title: Saham
description: Saham ialah unit pemilikan.
---

# Saham

Tentang [pelaburan](/investment): orang [melabur](/investment), [pelaburannya](/investment) dan
[pelaburan-pelaburan](/investment); lihat [sahm](/سهم).
"""


def test_a_malay_link_text_finds_its_term_as_the_cli_does(chromium: str, tmp_path: Path) -> None:
    """`glossari search melabur`, `show melabur` and `find` answered the link-only term
    *investment* (its link text `[melabur](/investment)`); the box found nothing, its index
    leaving link texts out. It holds those that are no mere inflection of a name it holds
    (`pelaburannya`, `pelaburan-pelaburan` the script undoes itself), and the hit says
    by which name it was found."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "saham.md").write_text(_LINK_TEXTS, encoding="utf-8")
    code, out, err = cli("search", "melabur", "--format", "json", root=root)
    assert code == 0, err
    assert json.loads(out)[0]["id"] == "investment"
    site = tmp_path / "site"
    code, _, err = cli("site", "-o", site, root=root)
    assert code == 0, err
    text = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    rows = {row[0]: row for row in json.loads(text[len("window.GLOSSARI_INDEX = "):-2])["terms"]}
    assert rows["investment.html"][1:] == ["pelaburan", "investment", "suggested", "link",
                                           ["melabur"], []]
    for query, expected in (("melabur", "investment.html"), ("pelaburannya", "investment.html"),
                            ("melaburlah", "investment.html"),
                            ("sahm", "%D8%B3%D9%87%D9%85.html")):
        dom = _parse(_dump(chromium, tmp_path, site / "index.html", f"?q={query}"))
        assert [file for file, _ in dom.results()][:1] == [unquote(expected)], query
    dom = _parse(_dump(chromium, tmp_path, site / "index.html", "?q=melabur"))
    assert dom.results() == [("investment.html", "ms")]
    names = [(e["text"], e["lang"]) for e in dom.elements if e.get("class") == "hw-name"]
    assert names == [(" \u00b7 melabur", "ms")]
    # the page of a link target in another script opens from the hit (terms/سهم.html)
    page = _parse(_dump(chromium, tmp_path, site / "terms" / "\u0633\u0647\u0645.html"))
    assert page.title.strip().startswith("sahm")


@pytest.mark.parametrize(("query", "expected"), [
    ("komisennya", "commission.html"),                 # a Malay possessive
    ("komisennyalah", "commission.html"),              # and a particle after it
    ("komisen-komisennya", "commission.html"),         # reduplicated, then a clitic
    ("komisen2nya", "commission.html"),
    ("komisen-komisen-nya", "commission.html"),
    ("dana-dana%20lindung%20nilai", "hedgefund.html"),  # whole reduplication, the Malay plural
    ("dana2%20lindung", "hedgefund.html"),             # written informally
    ("commissions", "commission.html"),                # an English plural
    ("capital%20markets", "capitalmarket.html"),
    ("prime%20brokerages", "primebrokerage.html"),
])
def test_search_by_an_inflected_form(chromium: str, site: Path, tmp_path: Path, query: str,
                                     expected: str) -> None:
    """A query that finds nothing as typed is asked again with its inflection undone, as the
    API's search and `glossari search` read it: they found these, the site found nothing."""
    results = _parse(_dump(chromium, tmp_path, site / "index.html", f"?q={query}")).results()
    assert results, f"no result for {query}"
    assert results[0][0] == expected


_KUPON = """---
title: Kupon
description: Kupon ialah faedah tahunan atas bon.
---

# Kupon

[Bon kupon sifar](/zerocouponbond) tidak membayar kupon; [saham keutamaan](/preferredstock)
membayar dividen, dan [pemegang saham](/shareholder) menerimanya.
"""

_SAHAM = """---
title: Saham
description: Saham ialah unit pemilikan.
---

# Saham
"""


def test_a_reduplicated_query_ranks_its_singular_headword_first(chromium: str,
                                                                  tmp_path: Path) -> None:
    """`kupon-kupon` (the Malay plural) was read only as the two words `kupon`, both in
    *Bon kupon sifar*, which so ranked with *Kupon* and came first in Malay order (likewise
    *Pemegang saham* before *Saham* for `saham-saham`), while `glossari search`, which asks
    a word's roots beside the word typed, answers *Kupon* and *Saham* first."""
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kupon.md").write_text(_KUPON, encoding="utf-8")
    (root / "seeds" / "saham.md").write_text(_SAHAM, encoding="utf-8")
    site = tmp_path / "site"
    code, _, err = cli("site", "-o", site, root=root)
    assert code == 0, err
    for query, expected in (("kupon-kupon", "kupon"), ("kupon2", "kupon"),
                            ("Kupon-Kupon", "kupon"), ("saham-saham", "saham"),
                            ("saham2", "saham")):
        code, out, err = cli("search", query, "--format", "json", root=root)
        assert code == 0, err
        assert json.loads(out)[0]["id"] == expected, query
        results = _parse(_dump(chromium, tmp_path, site / "index.html", f"?q={query}")).results()
        assert [file for file, _ in results][:1] == [f"{expected}.html"], (query, results)
        assert len(results) > 1, query  # the terms holding the word are still found


@pytest.mark.parametrize("query", ["zzzz", "-", "%20-%20"])
def test_search_with_no_match_says_so(chromium: str, site: Path, tmp_path: Path,
                                      query: str) -> None:
    # "-" was read as "" said twice, which every name starts with: the first 20 terms were hits
    dom = _dump(chromium, tmp_path, site / "index.html", f"?q={query}")
    assert _parse(dom).results() == []
    assert "No match" in dom


def _after_typing_pe(then: str) -> str:
    """A page script that types "pe" into the search box, waits for the hits, then runs
    ``then`` (JavaScript, with ``box`` the search box)."""
    return """
var box = document.getElementById("q");
box.focus();
box.value = "pe";
box.dispatchEvent(new Event("input"));
function later() {
  if (!document.querySelectorAll("#results [role=option]").length) {
    setTimeout(later, 20); return;
  }
""" + then + """}
later();
"""


def test_typing_and_the_keyboard(chromium: str, site: Path, tmp_path: Path) -> None:
    script = _after_typing_pe("""
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown", bubbles: true}));
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown", bubbles: true}));
  document.body.setAttribute("data-active", box.getAttribute("aria-activedescendant"));
""")
    page = _with_script(site, "terms/finra.html", script, tmp_path)
    dom = _parse(_dump(chromium, tmp_path, page))
    results = dom.results()
    assert len(results) >= 3
    body = next(e for e in dom.elements if e["tag"] == "body")
    assert body["data-active"] == "result-1"  # two presses of the down arrow: the second hit
    selected = [e["data-file"] for e in dom.elements if e.get("aria-selected") == "true"]
    assert selected == [results[1][0]]


def test_leaving_the_box_closes_the_hits_and_the_count_is_said_in_both_languages(
    chromium: str, site: Path, tmp_path: Path
) -> None:
    """Tab out of the box closed nothing: the open list covered the content that got the
    focus. The live count is in Malay and English, each marked (it was English on a Malay
    page), and the list is named by the box's bilingual label."""
    script = _after_typing_pe("""
  document.body.setAttribute("data-open", String(!document.getElementById("results").hidden));
  document.querySelector("main a").focus();  // as Tab moves on
  document.body.setAttribute("data-closed", String(document.getElementById("results").hidden));
""")
    dom = _parse(_dump(chromium, tmp_path, _with_script(site, "index.html", script, tmp_path)))
    body = next(e for e in dom.elements if e["tag"] == "body")
    assert (body["data-open"], body["data-closed"]) == ("true", "true")
    assert dom.by_id("q")["aria-expanded"] == "false"
    start = dom.elements.index(dom.by_id("search-status"))
    spans = [(e["lang"], e["text"]) for e in dom.elements[start + 1:start + 3]]
    assert [lang for lang, _ in spans] == ["ms", "en"]
    assert spans[0][1].endswith(" padanan")
    assert spans[1][1].endswith(" results")
    assert dom.by_id("results")["aria-labelledby"] == "q-label"
    assert dom.by_id("q-label")["text"] == "Cari istilah · Search terms"


def test_a_hit_is_an_option_with_nothing_interactive_inside(
    chromium: str, site: Path, tmp_path: Path
) -> None:
    """Each hit was an <a> inside a role=option (nested interactive elements, which axe flags,
    and a screen reader may announce twice): the link itself is the option, in a list item
    taken out of the tree (role=none), so the listbox owns options only; the keys still move
    through the hits and Enter opens the one selected."""
    script = _after_typing_pe("""
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown", bubbles: true}));
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown", bubbles: true}));
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowUp", bubbles: true}));
  document.body.setAttribute("data-active", box.getAttribute("aria-activedescendant"));
  document.body.setAttribute("data-target", document.getElementById("result-0").href);
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
""")
    dom = _parse(_dump(chromium, tmp_path, site / "index.html", "?q=pe"))
    options = [e for e in dom.elements if e.get("role") == "option"]
    assert len(options) >= 3
    assert all(e["tag"] == "a" and e["href"].startswith("terms/") for e in options)
    items = [dom.elements[dom.elements.index(e) - 1] for e in options]  # each option's <li>
    assert all(e["tag"] == "li" and e.get("role") == "none" for e in items)
    # nothing focusable inside an option: it holds text only
    inside = [e["tag"] for e in dom.elements if e["tag"] in ("a", "button", "input")
              and dom.elements.index(e) > dom.elements.index(options[0])
              and dom.elements.index(e) < dom.elements.index(options[1])]
    assert inside == []
    # with the keys: down, down, up selects the first hit, and Enter opens it
    dom = _parse(_dump(chromium, tmp_path, _with_script(site, "index.html", script, tmp_path)))
    assert options[0]["data-file"] == "primebrokerage.html"
    assert dom.by_id("headword")["text"] == "Pembrokeran utama"


def test_no_single_key_takes_the_focus(chromium: str, site: Path, tmp_path: Path) -> None:
    """`/` anywhere moved the focus to the search box, even while typing in a field of the page
    or in a contenteditable, and nothing turned it off (WCAG 2.1.4, a single-character
    shortcut). The box is reached with the browser's own access key instead (a modifier)."""
    script = """
var note = document.createElement("div");
note.contentEditable = "true";
document.querySelector("main").appendChild(note);
note.focus();
var slash = {key: "/", code: "Slash", bubbles: true, cancelable: true};
var typed = note.dispatchEvent(new KeyboardEvent("keydown", slash));
document.body.setAttribute("data-in-field", document.activeElement === note ? "kept" : "moved");
document.body.setAttribute("data-typed", String(typed));
note.blur();
document.body.dispatchEvent(new KeyboardEvent("keydown", slash));
document.body.setAttribute("data-on-page",
  document.activeElement === document.getElementById("q") ? "moved" : "kept");
"""
    dom = _parse(_dump(chromium, tmp_path, _with_script(site, "index.html", script, tmp_path)))
    body = next(e for e in dom.elements if e["tag"] == "body")
    assert (body["data-in-field"], body["data-typed"], body["data-on-page"]) == (
        "kept", "true", "kept")
    assert dom.by_id("q")["accesskey"] == "s"


def test_enter_opens_the_first_hit(chromium: str, site: Path, tmp_path: Path) -> None:
    script = """
var box = document.getElementById("q");
box.value = "hedge";
box.dispatchEvent(new Event("input"));
function later() {
  if (!document.querySelectorAll("#results [role=option]").length) {
    setTimeout(later, 20); return;
  }
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
}
later();
"""
    page = _with_script(site, "index.html", script, tmp_path)
    dom = _parse(_dump(chromium, tmp_path, page))
    assert dom.by_id("headword")["text"] == "Dana lindung nilai"


def test_term_page_shows_both_languages_and_backlinks(
    chromium: str, site: Path, tmp_path: Path
) -> None:
    dom = _parse(_dump(chromium, tmp_path, site / "terms" / "hedgefund.html"))
    headword = dom.by_id("headword")
    assert (headword["text"], headword["lang"]) == ("Dana lindung nilai", "ms")
    english = dom.by_id("headword-en")
    assert (english["text"], english["lang"]) == ("Hedge fund", "en")
    paragraphs = [(e["lang"], e["text"]) for e in dom.elements if e["tag"] == "p"]
    assert any(lang == "ms" and text.startswith("Dana lindung nilai diuruskan")
               for lang, text in paragraphs)
    assert any(lang == "en" and text.startswith("Hedge funds are run by")
               for lang, text in paragraphs)
    start = dom.elements.index(dom.by_id("backlinks"))
    links = [e for e in dom.elements[start:] if e["tag"] == "a"][:3]
    assert [e["href"] for e in links] == ["../terms/ekuiti.html", "../terms/investmentadvisor.html",
                                          "../terms/primebrokerage.html"]
    names = [e["text"] for e in dom.elements[start:] if e.get("class") == "hw"][:3]
    assert names == [HOSTILE_TITLE, "Penasihat pelaburan", "Pembrokeran utama"]


def test_a_script_in_a_headword_stays_text(chromium: str, site: Path, tmp_path: Path) -> None:
    page = site / "terms" / "ekuiti.html"
    title = f"{HOSTILE_TITLE} \u2013 Glosari kewangan Melayu\u2013Inggeris"
    dom = _parse(_dump(chromium, tmp_path, page))
    assert dom.title == title  # neither the script nor the img's onerror ran
    assert dom.by_id("headword")["text"] == HOSTILE_TITLE
    assert sum(1 for e in dom.elements if e["tag"] == "script") == 1
    assert not any(e["tag"] == "img" for e in dom.elements)
    # even without the CSP: escaping alone keeps it inert
    bare = tmp_path / "bare" / "terms"
    shutil.copytree(site, bare.parent)
    html = (bare / "ekuiti.html").read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    (bare / "ekuiti.html").write_text(html, encoding="utf-8")
    dom = _parse(_dump(chromium, tmp_path, bare / "ekuiti.html"))
    assert dom.title == title
    # and in the search results, built in the browser from the index
    dom = _parse(_dump(chromium, tmp_path, bare.parent / "index.html", "?q=ekuiti"))
    assert dom.title.strip() == "Glosari kewangan Melayu\u2013Inggeris"
    hits = [e["text"] for e in dom.elements if e.get("class") == "hw"]
    assert hits == [HOSTILE_TITLE]


_MEASURE = """
document.querySelectorAll("details").forEach(function (d) { d.open = true; });
window.addEventListener("load", function () {
  setTimeout(function () {
    var d = document.documentElement;
    parent.postMessage(d.scrollWidth + " " + d.clientWidth, "*");
  }, 0);
});
"""


@pytest.mark.parametrize("page", ["terms/ekuiti.html", "terms/commission.html", "index.html"])
def test_a_320_pixel_wide_screen_needs_no_sideways_scrolling(
    chromium: str, site: Path, tmp_path: Path, page: str
) -> None:
    """WCAG 1.4.10 (reflow): 320 CSS pixels wide, a page scrolls only up and down (a wide
    table scrolls inside its own box); the chart's table is opened too. Headless chromium's
    window is never narrower than 500 pixels, so the page is measured in a 320-pixel frame of
    a harness page (which, not being a page of the site, has no CSP for its own script)."""
    _fits_320_pixels(chromium, site, page, tmp_path)


def _in_320_pixels(chromium: str, site: Path, page: str, script: str, tmp_path: Path) -> str:
    """What ``script``, run in ``page`` of ``site`` shown in a 320-pixel frame of a harness page
    (headless chromium's window is never narrower than 500 pixels), posts to the harness."""
    target = _with_script(site, page, script, tmp_path)
    harness = target.parent / "harness.html"
    harness.write_text(
        '<!DOCTYPE html><html><body><p id="out"></p>'
        f'<iframe src="{target.name}" width="320" height="600"></iframe><script>'
        'addEventListener("message", function (e) {'
        ' document.getElementById("out").setAttribute("data-posted", e.data); });'
        "</script></body></html>", encoding="utf-8")
    return str(_parse(_dump(chromium, tmp_path, harness)).by_id("out")["data-posted"])


def _fits_320_pixels(chromium: str, site: Path, page: str, tmp_path: Path) -> None:
    """Assert that ``page`` of ``site``, in a 320-pixel frame of a harness page (headless
    chromium's window is never narrower than 500 pixels), scrolls only up and down."""
    scroll, client = map(int, _in_320_pixels(chromium, site, page, _MEASURE, tmp_path).split())
    assert client <= 320
    assert scroll == client, f"{page}: {scroll}px of content in {client}px"


LONG_URL = ("https://www.sc.com.my/regulation/guidelines/unit-trust-funds/"
            "garis-panduan-dana-unit-amanah-semakan-2023")
LONG_NAME = "Pengkomersialanantarabangsaberterusanberstruktur"


LONG_CATEGORY = "Kategoriistimewaberterusanberstrukturtanpajarak"


@pytest.mark.parametrize("page", ["index.html", "index-en.html", "terms/saham.html",
                                  "terms/dasar.html", f"categories/{LONG_CATEGORY.lower()}.html",
                                  "az/ms-p.html"])
def test_a_word_wider_than_a_phone_breaks_rather_than_widening_the_page(
        chromium: str, tmp_path: Path, page: str) -> None:
    """Only the article's two columns broke a long word: a long headword, category or URL
    (a link whose text is its address: a link-only term named by it) in the index's
    categories, an A-Z list, a category's terms or a term's *links to* and *linked from*
    widened the page to 600 px at 320 (WCAG 1.4.10)."""
    from _catalog_oracles import article, make_root

    root = make_root(tmp_path / "g", {
        "saham": article("Saham", f"Lihat [{LONG_NAME}](/pengkomersialan) dan "
                         f"[{LONG_URL}](/dasar).\n", description="Unit pemilikan.",
                         keywords="Sekuriti"),
        "pengkomersialan": article(LONG_NAME, "Lihat [saham](/saham).\n",
                                   keywords=LONG_CATEGORY),
    })
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    ok("site", "-o", tmp_path / "site", root=root)
    site = tmp_path / "site"
    _fits_320_pixels(chromium, site, page, tmp_path)


_CHART = """
window.addEventListener("load", function () {
  var svg = document.querySelector("svg.coverage");
  var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  var texts = Array.prototype.slice.call(svg.querySelectorAll("text"));
  var out = texts.map(function (t) {
    var box = t.getBBox(), m = t.getCTM();  // in the chart's own units
    var x = m.a * box.x + m.e;
    return [parseFloat(getComputedStyle(t).fontSize) * scale,
            x, x + box.width, svg.viewBox.baseVal.width, t.textContent].join("|");
  });
  parent.postMessage(JSON.stringify(out), "*");
});
"""


@pytest.mark.parametrize("page", ["index.html", "index-en.html"])
def test_the_chart_is_readable_320_pixels_wide(chromium: str, site: Path, tmp_path: Path,
                                               page: str) -> None:
    """The chart (630 units wide, its names beside the bars) was scaled to fit 320 CSS pixels,
    and its letters came out 5 px high (WCAG 1.4.4); every name, number and legend entry is
    at least 10 px and none is cut off at the chart's edges."""
    texts = [t.split("|")
             for t in json.loads(_in_320_pixels(chromium, site, page, _CHART, tmp_path))]
    assert len(texts) > 3
    for size, left, right, width, text in texts:
        assert float(size) >= 10, f"{text!r} is {float(size):.1f} px high"
        assert float(left) >= 0, f"{text!r} starts outside the chart"
        assert float(right) <= float(width) + 0.5, f"{text!r} is cut off at the right"


def test_screenshots(chromium: str, site: Path, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, page, extra in (
        ("site-index.png", site / "index.html", ()),
        ("site-term.png", site / "terms" / "hedgefund.html", ()),
        ("site-term-untranslated.png", site / "terms" / "ekuiti.html", ()),
        ("site-term-dark.png", site / "terms" / "commission.html", ("--force-dark-mode",)),
    ):
        shot = tmp_path / name
        run_chromium(chromium, tmp_path, page.as_uri(), f"--screenshot={shot}",
                     "--window-size=1280,1100", "--hide-scrollbars", *extra)
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(data) > 20_000  # a blank page compresses to far less
        shutil.copyfile(shot, SCREENSHOTS / name)  # for a person to look at (gitignored)


def test_quotes_lists_and_numbers_as_the_browser_shows_them(chromium: str, tmp_path: Path) -> None:
    """In chromium, the Malay side of a page shows what markdown-it-py's HTML of the article
    shows: two quotes parted by a blank line are two boxes, a quote in a quote is inside it, an
    item's second paragraph is in the item, and a list written from 3. counts 3, 4 (it counted
    1, 2: the page's <ol> had lost its start)."""
    from markdown_it import MarkdownIt

    body = ("> Petikan pertama tentang saham-saham.\n\n> Petikan kedua.\n>\n> > Bersarang.\n\n"
            "3. langkah ketiga\n\n   Perenggan kedua langkah ketiga.\n4. langkah keempat\n")
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "peniaga-broker.md").write_text(
        "---\ntitle: Peniaga broker\ndescription: Firma pelaburannya.\n---\n\n"
        f"# Peniaga broker\n\n{body}", "utf-8")
    ok("site", "-o", tmp_path / "site", root=root)
    script = """
const facts = (side) => {
  const quotes = [...side.querySelectorAll(":scope > blockquote")];
  const items = [...side.querySelectorAll("ol > li")];
  return JSON.stringify([quotes.length, quotes.map(q => q.querySelectorAll("blockquote").length),
                         side.querySelector("ol").start, items.length,
                         items.map(li => li.textContent.trim().split(/\\s+/).length)]);
};
const side = document.querySelector(".pair.body .side.ms");
const oracle = document.createElement("div");
oracle.innerHTML = document.body.getAttribute("data-oracle");
document.body.setAttribute("data-page", facts(side));
document.body.setAttribute("data-expected", facts(oracle));
"""
    page = _with_script(tmp_path / "site", "terms/peniaga-broker.html", script, tmp_path)
    oracle = MarkdownIt("commonmark").render(body).replace("&", "&amp;").replace('"', "&quot;")
    html = page.read_text("utf-8").replace("<body", f'<body data-oracle="{oracle}"', 1)
    page.write_text(html, "utf-8")
    dom = _parse(_dump(chromium, tmp_path, page))
    shown = next(e for e in dom.elements if e["tag"] == "body")
    assert json.loads(shown["data-page"]) == json.loads(shown["data-expected"]) == [
        2, [0, 1], 3, 2, [6, 2]]


_CHART_ROWS = """
window.addEventListener("load", function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll("svg.coverage g.row"));
  parent.postMessage(JSON.stringify(rows.map(function (row) {
    var label = row.querySelector("text.label"), total = row.querySelector("text.total");
    var a = label.getBBox(), b = total.getBBox();
    return [label.firstChild.textContent, a.x + a.width, b.x];
  })), "*");
});
"""

# names as long in letters as the chart's old cut (28) or shorter, but wider: CJK and full-width
# letters (one em each where a CJK font is installed), the widest capitals; and a combining accent
# where the old cut fell
_WIDE_CATEGORIES = (
    "株式市場と投資信託および債券の比較分析",            # 19 CJK letters
    # full-width capitals (KWSP EPF PTPTN SOCSO LHDN), 25 letters and spaces
    "".join(chr(ord(c) + 0xFEE0) if c != " " else c for c in "KWSP EPF PTPTN SOCSO LHDN"),
    "MMMM WWWW MMMM WWWW MMMM WWW",                 # 28 of the widest capitals
    "Saham Saham Saham Saham Boe\u0301n dan pelaburannya",  # U+0301 the 28th character
)


def test_a_chart_label_is_cut_by_its_width_not_its_letters(chromium: str,
                                                           tmp_path: Path) -> None:
    """A category's name was cut at 28 characters whatever their width: 19 CJK letters or 28
    capitals ran over the share and total at the end of its line, and a cut could part a
    letter from its accent. Every label now ends before its numbers, in chromium."""
    from _catalog_oracles import article, make_root

    root = make_root(tmp_path / "g", {
        f"istilah{n}": article(f"Istilah {n}", "Teks tentang saham.\n", keywords=name)
        for n, name in enumerate(_WIDE_CATEGORIES)
    })
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    ok("site", "-o", tmp_path / "site", root=root)
    rows = json.loads(_in_320_pixels(chromium, tmp_path / "site", "index.html", _CHART_ROWS,
                                     tmp_path))
    assert len(rows) == len(_WIDE_CATEGORIES)
    for label, label_end, total_start in rows:
        assert label_end <= total_start - 4, f"{label!r} runs into its numbers"
        whole = next(n for n in _WIDE_CATEGORIES if n.startswith(label.rstrip("\u2026")))
        if label.endswith("\u2026"):  # cut where a letter ends, never inside one
            cut = label.rstrip("\u2026")
            assert not unicodedata.combining(whole[len(cut):][:1] or "a"), label
