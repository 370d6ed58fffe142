"""The bilingual glossary as a static website: every term a page, an A-Z index, search, links.

:func:`build_site` writes a folder that works from any web server and from ``file://`` (every
link is relative; the search index is a script file, not JSON fetched at run time):

- ``index.html`` (Malay) and ``index-LANG.html`` (the other language): the counts, the A-Z
  navigation, a chart of translated / fuzzy / untranslated messages per category, the categories;
- ``az/ms-a.html`` ... and ``az/LANG-a.html`` ...: the headwords under each letter;
- ``terms/ID.html``: one page per term (articles and link-only terms), Malay beside the other
  language, section by section, with its key takeaways, categories, links and backlinks, status
  and source line;
- ``categories/SLUG.html``: one page per category;
- ``assets/``: the style sheet, the script and the search index; with a base address,
  ``sitemap.xml`` (the sitemap protocol wants absolute addresses, which only it gives).

Pages come from Jinja2 templates with autoescaping (``templates/``), Markdown from markdown-it-py
with raw HTML off; a Content-Security-Policy lets a page load only the site's own style sheet and
scripts. A second run renders only the term pages whose inputs changed and rewrites only the
files whose bytes changed (see docs/site.md).
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit, urlunsplit

import orjson
from markupsafe import Markup

from glossari import __version__
from glossari._atomic import locked_folder
from glossari._helper import Helper, start
from glossari.catalog.languages import check_translation_language, language_tag
from glossari.catalog.usable import message_state
from glossari.errors import RootError
from glossari.export.site._output import MANIFEST, SiteFolder, check_output, make_site_folder
from glossari.export.site._pages import (
    MESSAGE_STATES,
    STATE_WORDS,
    Category,
    Entry,
    PageNamer,
    StatusLookup,
    category_slugs,
    entry_html,
    isolate,
    letter_of,
    message_states,
    search_names,
    term_page,
)
from glossari.glossary import is_backlink
from glossari.termbase.codec import dataclass_fields
from glossari.terms import search_rules
from glossari.text import category_key, fit_text, quoted, sort_key, text_width

if TYPE_CHECKING:
    import jinja2

    from glossari.glossary import Glossary
    from glossari.model import Term

__all__ = ["CSP", "MANIFEST", "SiteResult", "build_site", "check_base_url", "check_output"]

CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; base-uri 'none'; "
       "form-action 'none'")
"""Each page's Content-Security-Policy: the site's own style sheet and scripts, nothing else
(no inline script or style, no image, font or connection from anywhere)."""

LETTERS = tuple("abcdefghijklmnopqrstuvwxyz#")
"""The A-Z navigation; ``#`` gathers headwords that start with a digit or another sign."""

_PARALLEL_FROM = 500
"""From this many terms, term pages are rendered in two processes (see ``processes``)."""

_HELP_FROM = 200
"""In an incremental run, the helper process starts once this many term pages need rendering."""

CHART_MAX = 24
"""The chart shows the categories with the most messages, at most this many."""

CHART_FONT = 13
"""The chart's font size in its own units (``svg.coverage`` in site.css)."""

CHART_WIDTH = 330
"""The coverage chart's width in its own units (CSS pixels at full size): about a phone's
screen, so that 320 px wide it is hardly scaled down."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteResult:
    """What one :func:`build_site` run did."""

    output: Path
    """The site folder."""
    files: int
    """How many files the site has."""
    written: tuple[str, ...]
    """The files (relative POSIX paths) written because they were new or their bytes changed."""
    removed: tuple[str, ...]
    """The files of the previous run that this one no longer produces, removed."""
    terms: int
    """How many term pages the site has."""
    rendered: int = 0
    """How many term pages were rendered: the others had the same inputs (term, messages' states,
    the terms they show, code, options) as the pages on disk, recorded in the manifest, and were
    kept without being rendered or read."""


def check_base_url(url: str) -> str:
    """``url`` as the site's base address, ending in ``/``, written as a URL is (RFC 3986: the
    sitemap protocol asks it): a path's other characters percent-encoded, a host's in IDNA;
    :class:`RootError` when not http(s), or when it holds a user name or password (every page
    would publish them).

    >>> check_base_url("https://example.org/glosari")
    'https://example.org/glosari/'
    >>> check_base_url('https://kamus.contoh.my/istilah-ü/a"b')
    'https://kamus.contoh.my/istilah-%C3%BC/a%22b/'
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or any(c.isspace() for c in url):
        shown = url if len(url) <= 80 else url[:60] + "..."  # one line, not 130 KB of it
        raise RootError(f"{quoted(shown)} is not a base address for the site", path="--base-url",
                        hint="give an absolute http(s) address, such as https://example.org/glosari/")
    if parts.username is not None or parts.password is not None:
        raise RootError("the base address holds a user name or password, which every page "
                        "and the sitemap would publish", path="--base-url",
                        hint="give the address without user:password@")
    host = parts.netloc
    if not host.isascii():
        try:
            host = (parts.hostname or "").encode("idna").decode("ascii") + (
                f":{parts.port}" if parts.port else "")
        except (UnicodeError, ValueError):
            raise RootError(f"{quoted(url)} has a host name that is not one", path="--base-url",
                            hint="check the address") from None
    path = quote(parts.path, safe="/%:@!$&'()*+,;=~")
    base = urlunsplit((parts.scheme, host, path, "", ""))
    return base if base.endswith("/") else base + "/"


_FOOTNOTE_NUMBER = re.compile(r'<sup class="fnref">.*?</sup>')
"""A footnote reference as the site renders it (``glossari.export.site._inline``)."""


def build_site(
    glossary: Glossary,
    output: Path | str,
    *,
    base_url: str | None = None,
    generator: str = f"glossari {__version__}",
    progress: Callable[[Iterable[Term], int], Iterable[Term]] | None = None,
    processes: int | None = None,
) -> SiteResult:
    """Write the site of ``glossary`` into the folder ``output``.

    ``base_url`` (``https://example.org/glosari/``) adds a sitemap and makes the canonical and
    ``hreflang`` addresses absolute (links between pages stay relative). ``generator`` names the
    program in each page's footer, ``glossari VERSION`` as ``glossari site`` writes it (no date,
    so a rebuild of an unchanged glossary is byte for byte the same). ``progress(terms, total)``
    wraps the loop over the terms (a progress bar, such as :func:`glossari.progress.progress`)
    and must yield them unchanged. ``processes``: 1 renders
    every page in this process; 2 renders term pages in a forked helper process too (the output
    is the same); None (the default) uses 2 for a glossary of 500 terms or more on a machine
    with two usable cores and ``fork``.

    Raises :class:`~glossari.errors.RootError` for a folder that may not receive a site (inside
    ``seeds/``, or holding files that are not a site) or a bad ``base_url``, and
    :class:`~glossari.errors.CatalogError` when the glossary's language is Malay (the site puts
    a language beside Malay) or not a language code as gettext writes it.
    """
    folder = Path(output)
    check_output(folder, glossary.root)
    base = check_base_url(base_url) if base_url else None
    lang = glossary.lang or "en"
    # the one rule of readers and `update` (catalog.languages): the site puts it beside Malay
    check_translation_language(lang)
    if processes is None:
        processes = 2 if len(glossary) >= _PARALLEL_FROM else 1
    helped = processes > 1  # where fork is missing or one core usable, start() forks nothing
    # two builds into one folder at once take turns: each reads the manifest, stages its pages
    # and renames them all with its manifest, so two at once left a mix of two builds' pages
    # and a manifest of one (the other's pages never removed again)
    make_site_folder(folder)
    with locked_folder(folder, busy="another 'glossari site' is writing into this folder"):
        site = SiteFolder.open(folder)
        try:  # from the builder's start: it stages the assets (and SIGTERM may come then)
            builder = _Builder(glossary, site, base=base, lang=lang, generator=generator,
                               helped=helped)
            builder.terms(progress)
            builder.indexes()
            removed = site.finish()
        finally:
            site.discard()  # after a failure: the previous site stays as it was
    return SiteResult(output=folder, files=len(site.produced),
                      written=tuple(sorted(site.written)), removed=tuple(removed),
                      terms=len(builder.entries), rendered=builder.rendered)


class _Builder:
    def __init__(self, glossary: Glossary, site: SiteFolder, *, base: str | None, lang: str,
                 generator: str, helped: bool = False) -> None:
        from glossari.export.rows import language_direction, language_name

        self.glossary = glossary
        self.helped = helped
        self.site_key = b""
        self.rendered = 0
        self.base = base
        self.lang = lang
        self.site = site
        self.env = _environment()
        self.templates: dict[str, jinja2.Template] = {}
        self.status = _status_lookup(glossary, lang)
        # the link graph by ids, once: asking the glossary per page would rebuild the linking
        # and linked terms (and, from a compiled termbase, keep them all)
        self.links_out: dict[str, list[tuple[str, str | None]]] = {}
        self.backlinks: dict[str, list[str]] = {}
        for source, target, target_id in glossary.link_ids():
            self.links_out.setdefault(source, []).append((target, target_id))
            if target_id is not None and is_backlink(source, target_id):
                self.backlinks.setdefault(target_id, []).append(source)
        namer = PageNamer()
        self.entries: dict[str, Entry] = {}
        self.search_names: dict[str, list[list[str]]] = {}
        self.categories: dict[str, Category] = {}
        uncategorised = Category(ms="Tanpa kategori", en="Uncategorised", slug="")
        self.uncategorised = uncategorised
        self.headwords: Counter[str] = Counter()
        lang_tag = language_tag(lang)
        for term in glossary.headers():  # no bodies: several times cheaper from a termbase
            english = term.english
            ms = term.title or term.id
            file = namer(term.id)
            entry = Entry(id=term.id, file=file, ms=ms, en=english.title,
                          status=english.status, kind=term.kind,
                          html=entry_html(file, ms, english.title, english.status, lang_tag))
            self.entries[term.id] = entry
            self.headwords[english.status] += 1
            # all of them, inflected variants too: the script finds a name as typed, and
            # undoes fewer inflections than glossari.terms.inflects knows (`indices`); and the
            # Malay link texts no mere inflection of these (`melabur`, as `glossari search`)
            names = search_names(term)
            if names[0] or names[1]:
                self.search_names[term.id] = [list(names[0]), list(names[1])]
            for i, name in enumerate(term.categories):
                key = category_key(name)
                category = self.categories.get(key)
                if category is None:
                    category = self.categories[key] = Category(ms=name, en=None, slug="")
                if category.en is None and i < len(english.categories):
                    category.en = english.categories[i]
                if not category.entries or category.entries[-1] is not entry:
                    category.entries.append(entry)
        slugs = category_slugs(c.ms for c in self.categories.values())
        for category in self.categories.values():
            category.slug = slugs[category.ms]
        self.assets = self._assets()
        self.words = _interface_words(language_name(lang, "ms"), language_name(lang))
        self.common = {
            "lang": lang,
            "lang_tag": language_tag(lang),
            "lang_name": language_name(lang),
            "lang_dir": language_direction(lang),
            "generator": generator,
            "csp": CSP,
            "assets": self.assets,
            "letters": LETTERS,
            "T": self.words,
            "base": base,
            "STATE": _STATE_NAMES,
        }

    # --- writing ---------------------------------------------------------------------------

    def html(self, name: str, template: str, **values: Any) -> bytes:
        depth = name.count("/")
        root = "../" * depth
        # a page's name may hold any script (terms/سهم.html): an address is percent-encoded
        canonical = self.base + quote(name) if self.base else None
        page_lang = "en" if values.get("ui") == "en" else "ms"
        compiled = self.templates.get(template)
        if compiled is None:
            compiled = self.templates[template] = self.env.get_template(template)
        html = compiled.render(
            **self.common, root=root, canonical=canonical, page_lang=page_lang, **values)
        return html.encode("utf-8")

    def page(self, name: str, template: str, **values: Any) -> None:
        self.site.put(name, self.html(name, template, **values))

    def _assets(self) -> dict[str, str]:
        versions: dict[str, str] = {}
        static = resources.files("glossari.export.site").joinpath("static")
        for name in ("site.css", "site.js"):
            data = static.joinpath(name).read_bytes()
            self.site.put(f"assets/{name}", data)
            versions[name.split(".")[1]] = hashlib.sha256(data).hexdigest()[:12]
        return versions

    # --- pages -----------------------------------------------------------------------------

    def terms(self, progress: Callable[[Iterable[Term], int], Iterable[Term]] | None) -> None:
        terms: Iterable[Term] = self.glossary
        if progress is not None:
            terms = progress(terms, len(self.entries))
        self.site_key = self._site_key()
        helper: Helper | None = None
        waiting: dict[str, Term] = {}  # sent to the helper, by page name
        try:
            # Forked before the glossary is read when every page will be rendered (no page has a
            # record); else only once enough pages need rendering: after the fork, every page
            # of memory the builder reuses is copied, so a helper forked late, or for a few
            # pages, costs memory and saves nothing.
            if self.helped and not self.site.recorded_any():
                helper = self._helper()
            for term in terms:
                name = f"terms/{self.entries[term.id].file}"
                digest: str | None = None
                states = None
                if self.site.recorded(name):  # else it is rendered whatever its digest
                    states = None if self.status is None else message_states(term, self.status)
                    digest = self._digest(term, states)
                    kept = self.site.keep(name, digest)
                    if kept is not None:  # the same inputs as the page on disk: not rendered
                        self._count(term, Counter(kept))
                        continue
                self.rendered += 1
                if helper is None and self.helped and self.rendered > _HELP_FROM:
                    helper = self._helper()
                if helper is not None and not helper.busy():
                    waiting[name] = term
                    helper.send((name, pickle.dumps(term, protocol=5), digest))
                else:
                    self._put_term(term, name, *self._render_digested(term, digest, states))
                if helper is not None:
                    for done in helper.done():
                        self._put_term(waiting.pop(done[0]), *done)
            if helper is not None:
                for done in helper.finish():
                    self._put_term(waiting.pop(done[0]), *done)
                helper = None
        finally:
            if helper is not None:
                helper.stop()

    def _render(self, term: Term, states: tuple[dict[Any, str], Counter[str]] | None,
                ) -> tuple[bytes, dict[str, int], bool]:
        """A term page's bytes, its messages by state, and whether it used a link outside the
        link graph (see :attr:`TermPage.outside`)."""
        out = self.links_out.get(term.id, ())
        page = term_page(
            term,
            entries=self.entries,
            categories=self.categories,
            links_out=[target_id for _, target_id in out],
            backlinks=self.backlinks.get(term.id, ()),
            link_targets={target: target_id for target, target_id in out
                          if target_id is not None},
            status=self.status,
            lang=language_tag(self.lang),
            states=states,
        )
        # the article's definition as plain text (the Markdown rendered, then its tags taken
        # off; the template escapes it again for the attribute): a line break kept from the
        # article (`firma<br>yang`) parts two words, which taking it off joined, and a
        # footnote's number (`saham[^1]`) is no part of the text, which it ended ('saham1')
        description = (Markup(_FOOTNOTE_NUMBER.sub("", page.definition_ms.replace(
            "<br>", " "))).striptags() if page.definition_ms else None)
        html = self.html(f"terms/{page.entry.file}", "term.html", p=page, alternates=[],
                         title=_title(page.entry.ms, page.entry.en, page.entry.status),
                         description=description)
        return html, dict(page.counts), page.outside

    def _helper(self) -> Helper | None:
        helper = start(self._render_job)
        self.helped = helper is not None  # refused by the system: one core, not asked again
        return helper

    def _render_digested(self, term: Term, digest: str | None,
                         states: tuple[dict[Any, str], Counter[str]] | None,
                         ) -> tuple[str, bytes, dict[str, int], bool]:
        """:meth:`_render` with the page's digest, worked out here when not yet known (a page
        with no record is rendered without one; the helper then works it out, not the
        builder)."""
        if states is None and self.status is not None:
            states = message_states(term, self.status)
        if digest is None:
            digest = self._digest(term, states)
        return (digest, *self._render(term, states))

    def _render_job(self, job: tuple[Any, ...]) -> tuple[Any, ...]:
        """In the helper process: render the page of a pickled term."""
        name, data, digest = job
        term: Term = pickle.loads(data)
        return (name, *self._render_digested(term, digest, None))

    def _put_term(self, term: Term, name: str, digest: str, html: bytes,
                  counts: dict[str, int], outside: bool) -> None:
        self._count(term, Counter(counts))
        self.site.put(name, html, digest=None if outside else digest, counts=counts)

    def _count(self, term: Term, counts: Counter[str]) -> None:
        found = [self.categories[k] for k in dict.fromkeys(map(category_key, term.categories))
                 if k in self.categories]
        for category in found or ([self.uncategorised] if term.kind == "article" else []):
            category.counts.update(counts)

    def _site_key(self) -> bytes:
        """What every term page depends on besides its own inputs: the code (templates and
        interface words are package files), the language, the addresses, the generator."""
        from glossari._fingerprint import package_fingerprint

        key = json.dumps([package_fingerprint(), self.lang, self.base, self.common["generator"],
                          self.assets])
        return hashlib.sha256(key.encode()).digest()

    def _digest(self, term: Term, states: tuple[dict[Any, str], Counter[str]] | None) -> str:
        """A term page's inputs, digested: the term itself (every field), its messages' states,
        and what it shows of other terms (the entries it links to and is linked from, where
        each of its link targets leads, its categories)."""
        entries = self.entries
        out = self.links_out.get(term.id, ())
        digest = hashlib.sha256(self.site_key)
        # the term itself, every field, as canonical JSON: not its pickle, whose bytes depend on
        # which equal strings happen to be one object (a term read from the termbase and the
        # same term read from its sources pickle differently, and every page was rendered again
        # whenever the termbase went stale or fresh)
        digest.update(orjson.dumps(term, default=dataclass_fields))
        shown: list[object] = [_entry_key(entries[term.id])]
        if states is not None:
            shown.append(list(states[0].values()))
        for target, target_id in out:
            found = entries.get(target_id) if target_id is not None else None
            shown.append((target, None if found is None else _entry_key(found)))
        for source in self.backlinks.get(term.id, ()):
            found = entries.get(source)
            shown.append(None if found is None else _entry_key(found))
        for name in term.categories:
            category = self.categories.get(category_key(name))
            if category is not None:
                shown.append((category.ms, category.en, category.slug))
        digest.update(repr(shown).encode())
        return digest.hexdigest()

    def indexes(self) -> None:
        entries = list(self.entries.values())  # Malay order (the glossary's)
        ms_letters = _by_letter(entries, lambda e: e.ms)
        with_en = sorted((e for e in entries if e.en), key=lambda e: (*sort_key(e.en or ""), e.id))
        en_letters = _by_letter(with_en, lambda e: e.en or "")
        categories = sorted(self.categories.values(), key=lambda c: sort_key(c.ms))
        chart = _chart(categories, self.uncategorised)
        messages: Counter[str] = Counter()
        for category in (*categories, self.uncategorised):
            messages.update(category.counts)
        counts = {
            "terms": len(entries),
            "articles": sum(1 for e in entries if e.kind == "article"),
            "links": sum(1 for e in entries if e.kind == "link"),
            **{status: self.headwords[status] for status in
               ("translated", "fuzzy", "suggested", "untranslated")},
        }
        index_other = f"index-{self.lang}.html"
        alternates = self._alternates({"ms": "index.html", self.lang: index_other})
        for ui, name, letters, prefix in (("ms", "index.html", ms_letters, "ms"),
                                          ("en", index_other, en_letters, self.lang)):
            # an index is titled by the site's name alone (base.html)
            self.page(name, "index.html", ui=ui, title=None,
                      description=self.words[ui]["description"],
                      counts=counts, letters_found=letters,
                      az_prefix=prefix, chart=chart, categories=categories,
                      messages=messages, alternates=alternates,
                      other_index=index_other if ui == "ms" else "index.html")
        for ui, prefix, letters in (("ms", "ms", ms_letters), ("en", self.lang, en_letters)):
            for letter in LETTERS:
                if letter not in letters:
                    continue  # the A-Z navigation shows it greyed, with no link
                index = self.words[ui]["az" if ui == "ms" else "az_other"]
                self.page(f"az/{prefix}-{_letter_file(letter)}.html", "letter.html", ui=ui,
                          title=f"{letter.upper()} \u00b7 {index}", letter=letter,
                          entries=letters.get(letter, []), letters_found=letters,
                          az_prefix=prefix, alternates=[])
        for category in categories:
            self.page(f"categories/{category.slug}.html", "category.html", category=category,
                      title=_title(category.ms, category.en), alternates=[], ui="ms")
        self.search_index(entries)
        if self.base is not None:  # a sitemap lists absolute addresses only (sitemaps.org)
            self.sitemap()

    def _alternates(self, pages: dict[str, str]) -> list[dict[str, str]]:
        # the pages these are for are at the top of the site (root "")
        out = [{"lang": language_tag(code), "name": name} for code, name in pages.items()]
        out.append({"lang": "x-default", "name": pages["ms"]})
        for alternate in out:
            alternate["href"] = (self.base or "") + alternate["name"]
        return out

    def search_index(self, entries: Iterable[Entry]) -> None:
        rows: list[list[Any]] = []
        for e in entries:
            row: list[Any] = [e.file, e.ms, e.en or "", e.status, e.kind]
            row.extend(self.search_names.get(e.id, ()))
            rows.append(row)
        # what the script undoes in a query comes from the rules glossari search reads
        # (glossari.terms.query_roots), not from a copy in the script
        data = json.dumps({"lang": language_tag(self.lang), "terms": rows,
                           "rules": search_rules()},
                          ensure_ascii=False, separators=(",", ":"))
        # U+2028/2029 are legal in JSON and (since ES2019) in scripts; escape them for older ones
        data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        self.site.put("assets/search-index.js",
                      f"window.GLOSSARI_INDEX = {data};\n".encode())

    def sitemap(self) -> None:
        pages = sorted(n for n in self.site.produced if n.endswith(".html"))
        base = self.base
        index_other = f"index-{self.lang}.html"
        alternates = self._alternates({"ms": "index.html", self.lang: index_other})
        xml = self.env.get_template("sitemap.xml").render(
            base=base, pages=[quote(page) for page in pages], alternates=alternates,
            with_alternates=("index.html", index_other))
        self.site.put("sitemap.xml", xml.encode("utf-8"))


# The pages' own words, in Malay and English. The English side of a term may be another language
# (-l fr); the interface around it stays English, and says so with its own lang attributes.
_UI: dict[str, dict[str, str]] = {
    "ms": {
        "site": "Glosari kewangan Melayu\u2013{other}",
        "description": "Istilah kewangan dalam bahasa Melayu dan {other}, dengan takrif, "
                       "indeks A\u2013Z, kategori dan carian.",
        "home": "Laman utama",
        "search": "Cari istilah",
        "search_hint": "Taip awalan perkataan Melayu atau {other}",
        "skip": "Langkau ke kandungan",
        "terms": "istilah",
        "articles": "artikel",
        "links": "pautan sahaja",
        "translated": STATE_WORDS["translated"][0],
        "fuzzy": STATE_WORDS["fuzzy"][0],
        "suggested": STATE_WORDS["suggested"][0],
        "untranslated": STATE_WORDS["untranslated"][0],
        "counts": "Angka",
        "az": "Indeks A\u2013Z (Melayu)",
        "az_other": "Indeks A\u2013Z ({other})",
        "chart": "Liputan terjemahan mengikut kategori",
        "chart_desc": "Mesej diterjemah, kabur dan belum diterjemah bagi setiap kategori",
        "categories": "Kategori",
        "messages": "mesej",
        "none": "Tiada istilah",
        "more": "kategori lain tidak ditunjukkan",
    },
    "en": {
        "site": "Malay\u2013{other} financial glossary",
        "description": "Financial terms in Malay and {other}, with definitions, A\u2013Z "
                       "indexes, categories and search.",
        "home": "Home",
        "search": "Search terms",
        "search_hint": "Type the start of a Malay or {other} word",
        "skip": "Skip to content",
        "terms": "terms",
        "articles": "articles",
        "links": "link-only",
        "translated": STATE_WORDS["translated"][1],
        "fuzzy": STATE_WORDS["fuzzy"][1],
        "suggested": STATE_WORDS["suggested"][1],
        "untranslated": STATE_WORDS["untranslated"][1],
        "counts": "Counts",
        "az": "A\u2013Z index (Malay)",
        "az_other": "A\u2013Z index ({other})",
        "chart": "Translation coverage by category",
        "chart_desc": "Translated, fuzzy and untranslated messages in each category",
        "categories": "Categories",
        "messages": "messages",
        "none": "No terms",
        "more": "more categories not shown",
    },
}

_STATE_NAMES = STATE_WORDS


def _interface_words(other_ms: str, other_en: str) -> dict[str, dict[str, str]]:
    """:data:`_UI` with the other language named (``{other}``): in Malay in the Malay words,
    in English in the English ones (``Inggeris``, ``English`` for ``-l en``; ``Indonesia``,
    ``Indonesian`` for ``-l id``), so that a site beside another language than English does
    not call it English."""
    names = {"ms": other_ms, "en": other_en}
    return {ui: {key: word.replace("{other}", names[ui]) for key, word in words.items()}
            for ui, words in _UI.items()}


def _entry_key(entry: Entry) -> tuple[str, str, str | None, str, str]:
    return (entry.file, entry.ms, entry.en, entry.status, entry.kind)


def _title(ms: str, en: str | None, status: str = "translated") -> str:
    """A term's or category's part of a page's ``<title>`` (base.html ends it with the site's
    name): plain text, each name isolated, or right-to-left text in one reorders the other. An
    English name that is fuzzy or only suggested carries its mark in words, as in every list
    of terms: in a tab, a bookmark or a search engine's results it read as the approved
    English (``Pelaburan · Investment``)."""
    names = [isolate(name) for name in (ms, en) if name]
    if en and status in ("fuzzy", "suggested"):
        names[-1] += " ({} \u00b7 {})".format(*STATE_WORDS[status])
    return " \u00b7 ".join(names)


def _letter_file(letter: str) -> str:
    return "0" if letter == "#" else letter


def _by_letter(entries: Iterable[Entry], name: Callable[[Entry], str]) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {}
    for entry in entries:
        out.setdefault(letter_of(name(entry)), []).append(entry)
    return out


def _chart(categories: list[Category], uncategorised: Category) -> dict[str, Any]:
    """The coverage chart's rows and geometry (drawn by templates/chart.svg)."""
    rows = [c for c in (*categories, uncategorised) if sum(c.counts.values())]
    rows.sort(key=lambda c: (-sum(c.counts.values()), sort_key(c.ms)))
    shown = rows[:CHART_MAX]
    # Each category's name and numbers on a line above its bar, the width of a phone's screen:
    # the chart is scaled to fit, and a row with its name beside the bar (630 wide) came out in
    # 5 px letters 320 px wide (WCAG 1.4.4, 1.4.10). A name is cut where it would reach its
    # numbers.
    bar_w, row_h, label_y, bar_y = CHART_WIDTH, 44, 14, 20
    bars = []
    for i, category in enumerate(shown):
        total = sum(category.counts.values())
        x = 0.0
        parts = []
        for state in MESSAGE_STATES:
            n = category.counts[state]
            width = bar_w * n / total
            parts.append({"state": state, "n": n, "x": round(x, 2), "w": round(width, 2),
                          "pct": round(100 * n / total)})
            x += width
        numbers = f"{parts[0]['pct']}% \u00b7 {total}"
        # the name ends a gap before its numbers, cut by how wide its letters are (19 CJK
        # letters, or 28 capitals, ran over the numbers when cut at 28 characters)
        room = bar_w - CHART_FONT * (text_width(numbers) + 0.5)
        label = fit_text(category.ms, room / CHART_FONT)
        bars.append({"category": category, "label": label, "y": i * row_h, "total": total,
                     "numbers": numbers, "parts": parts})
    return {"bars": bars, "hidden": len(rows) - len(shown), "bar_w": bar_w, "width": bar_w,
            "row_h": row_h, "label_y": label_y, "bar_y": bar_y,
            "height": max(len(shown), 1) * row_h + 24, "legend_y": len(shown) * row_h + 2}


def _status_lookup(glossary: Glossary, lang: str) -> StatusLookup | None:
    """Each message's state in the catalogs the English sides came from.

    A glossary read from the compiled termbase keeps no catalogs (``translations`` is None):
    they are read here, since only they tell a fuzzy message from an untranslated one. A
    glossary built in memory has none; its pages compare the English side with the Malay.
    """
    translations = glossary.translations
    if translations is None and glossary.root is not None:
        from glossari.catalog.translations import load_translations

        translations = load_translations(glossary.root, lang)
    if translations is None:
        return None

    def status(domain: str, context: str | None, msgid: str, block: bool,
               references: str = "", category: bool = False) -> str:
        # a translation render refuses (C203, C204, C208, C209) is shown in Malay and counted so, as
        # the English side (english_for), render and check have it: the one rule of
        # glossari.catalog.usable, with the article's reference definitions
        msgstr, state = translations.get(domain, context, msgid)
        return message_state(domain, context, msgid, msgstr, state, block=block,
                             references=references, category=category)

    return status


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("glossari.export.site", "templates"),
        autoescape=True,  # every value is escaped unless marked safe (markdown-it-py's output)
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates are package data: no need to stat them per page
    )
    # what term.html shows on every page, built once: a macro module imported "with context"
    # is instantiated again on each render, which cost a quarter of a term page
    env.globals.update(mark=_mark, bi=_bilingual, badge=_badge)
    env.filters["lang_tag"] = language_tag  # BCP 47, as HTML wants: sr@latin is sr-Latn
    return env


_MARK = {state: Markup('<span class="mark mark-{}"><span lang="ms">{}</span> · '
                       '<span lang="en">{}</span></span> ').format(state, ms, en)
         for state, (ms, en) in STATE_WORDS.items() if state != "translated"}
_BADGE = {state: Markup('<span class="badge status-{}"><span lang="ms">{}</span> · '
                        '<span lang="en">{}</span></span>\n').format(state, ms, en)
          for state, (ms, en) in STATE_WORDS.items()}


def _mark(state: str) -> Markup:
    """The mark before a part shown in Malay in the other language's column (as macros.html)."""
    return _MARK.get(state, Markup(""))


def _badge(state: str) -> Markup:
    """A status badge in both languages (as macros.html's ``badge`` without ``ui``)."""
    return _BADGE[state]


def _bilingual(key: str) -> Markup:
    """An interface word in Malay and in English (as macros.html's ``bi``)."""
    return Markup('<span lang="ms">{}</span> · <span lang="en">{}</span>').format(
        _UI["ms"][key], _UI["en"][key])
