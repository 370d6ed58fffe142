"""What each page of the site shows, worked out from the glossary (no HTML here but inline text).

The glossary is read once, in Malay order; each term's page is rendered and written as soon as it
is worked out (so memory does not grow with the pages), and a small :class:`Entry` per term is kept
for the indexes, the category pages and the search index.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest

from markdown_it.common.utils import unescapeAll
from markupsafe import Markup, escape

from glossari.align.links import link_slug
from glossari.align.names import internal_links
from glossari.align.resolve import headword_acronyms, headword_names
from glossari.catalog.messages import (
    GLOSSARY_DOMAIN,
    article_domain,
    is_block_message,
    iter_messages,
    judged_as_block,
    part_comment,
)
from glossari.export.site._inline import render_inline
from glossari.model import Block, Section, Status, Term, TermKind
from glossari.seeds.markdown import Table, footnote_numbers, footnotes, table_of
from glossari.terms import Lang, inflects
from glossari.text import (
    category_key,
    distinct_categories,
    is_windows_reserved,
    lookup_key,
    name_slug,
    without_accents,
)

__all__ = [
    "MESSAGE_STATES",
    "STATE_WORDS",
    "Category",
    "Entry",
    "Node",
    "PageNamer",
    "Pair",
    "StatusLookup",
    "TermPage",
    "category_slugs",
    "entry_html",
    "isolate",
    "letter_of",
    "message_states",
    "names_by_language",
    "other_names",
    "page_names",
    "render_nodes",
    "search_names",
    "term_page",
]

MESSAGE_STATES: tuple[str, ...] = ("translated", "fuzzy", "untranslated")
"""A message's state in the chart and on a term page."""

StatusLookup = Callable[[str, "str | None", str, bool, str, bool], str]
"""``(domain, msgctxt, msgid, block, references) -> state`` (one of :data:`MESSAGE_STATES`) for
the target language; ``block``: the message is a body block (:func:`is_block_message`), which
``render`` holds to more rules; ``references``: the article's reference definitions
(:attr:`Term.definitions`), by which ``render`` refuses a changed reference link."""

def _safe_name(term_id: str) -> bool:
    """True when an id is a file name as it is: letters (any script, NFC), digits, marks,
    ``._-``, beginning with a letter or digit, at most 120 bytes."""
    return (bool(term_id) and unicodedata.category(term_id[0])[0] in "LN"
            and len(term_id.encode("utf-8")) <= 120
            and all(c in "._-" or unicodedata.category(c)[0] in "LNM" for c in term_id)
            and unicodedata.is_normalized("NFC", term_id))


@dataclass(frozen=True, slots=True)
class Entry:
    """One term as the indexes, category pages and search index list it."""

    id: str
    file: str
    """The page's file name inside ``terms/`` (``broker-dealer.html``)."""
    ms: str
    """The Malay headword (the id when the term has none)."""
    en: str | None
    status: Status
    kind: TermKind
    html: Markup = field(default_factory=Markup, compare=False)
    """The link to the page from a page one folder down (a term, letter or category page),
    built once per term rather than by a template macro on every page that lists it: a macro
    call per listed term cost more than the rest of a page."""


def entry_html(file: str, ms: str, en: str | None, status: str, lang: str) -> Markup:
    """The link to a term's page as lists show it (see :attr:`Entry.html`); each name is its
    own bidi isolate (``dir="auto"``), so right-to-left text in one (``Wakaf tunai وقف``) does
    not reorder the other beside it. An English name not yet approved carries its mark.

    >>> print(entry_html("zakat.html", "Zakat", "Alms", "fuzzy", "en"))
    <a href="../terms/zakat.html"><span class="hw" lang="ms" dir="auto">Zakat</span> \
<span class="hw-en status-fuzzy" lang="en" dir="auto">Alms</span> <span class="mark mark-fuzzy">\
<span lang="ms">kabur</span> · <span lang="en">fuzzy</span></span></a>
    """
    other = Markup("")
    if en:
        marked = "" if status == "translated" else f" status-{status}"
        # a fuzzy or suggested name is marked in words, not by its colour alone (WCAG 1.4.1)
        other = Markup(' <span class="hw-en{}" lang="{}" dir="auto">{}</span>{}').format(
            marked, lang, en, Markup(" " + _MARKS[status].rstrip()) if status in _MARKS else "")
    return Markup('<a href="../terms/{}"><span class="hw" lang="ms" dir="auto">{}</span>{}</a>'
                  ).format(file, ms, other)


_RTL_OR_CONTROL = frozenset({"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI",
                             "FSI", "PDI"})


def isolate(name: str) -> str:
    """``name`` as a bidi isolate (FSI ... PDI) when it holds right-to-left text or a bidi
    control, for plain text that puts names side by side (a page's ``<title>``, where markup
    cannot isolate them); otherwise unchanged.

    >>> isolate("Bon")
    'Bon'
    >>> isolate("Wakaf \\u0648\\u0642\\u0641") == "\\u2068Wakaf \\u0648\\u0642\\u0641\\u2069"
    True
    """
    if any(unicodedata.bidirectional(c) in _RTL_OR_CONTROL for c in name):
        return f"\u2068{name}\u2069"
    return name


@dataclass(slots=True)
class Category:
    """A category page: its names, its file and the terms in it (with message counts)."""

    ms: str
    en: str | None
    slug: str
    entries: list[Entry] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class Node:
    """A piece of a body side: a paragraph, a list, a list item, a quote or code."""

    kind: str
    """``p``, ``ul``, ``ol``, ``li``, ``quote``, ``table``, ``pre`` (a code block, the same on
    both sides), ``hr`` (a thematic break), ``h`` (a heading inside a quote or an item) or
    ``notes`` (a paragraph of footnotes: :func:`glossari.seeds.markdown.footnotes`)."""
    html: Markup = field(default_factory=Markup)
    lang: str = "ms"
    state: str = "source"
    """``source`` (Malay), or a message state of the target language."""
    children: list[Node] = field(default_factory=list)
    start: int | None = None
    """For ``ol``, the number of its first item (``3.`` starts the list at 3)."""
    level: int = 0
    """For ``h``, the heading's level on the page (2 to 6)."""
    info: str = ""
    """For ``pre``, the code's fence info string (``python``): its first word is the
    ``language-`` class of the ``<code>``, as CommonMark writes it."""


@dataclass(slots=True)
class Pair:
    """One section, Malay beside the target language."""

    level: int
    """The heading's level on the page (2 to 6), or 0 for a section without a heading."""
    ms_heading: Markup
    en_heading: Markup
    en_heading_lang: str
    en_heading_state: str
    ms: Markup
    en: Markup


@dataclass(slots=True)
class TermPage:
    """Everything a term page shows."""

    term: Term
    entry: Entry
    en_title: str | None
    en_title_state: str
    definition_ms: Markup | None
    definition_en: Markup | None
    definition_en_lang: str
    definition_en_state: str
    highlights: Pair | None
    sections: list[Pair]
    categories: list[Category]
    links_out: list[Entry]
    backlinks: list[Entry]
    counts: Counter[str]
    """Messages of the term by state (empty for a link-only term: it has none of its own)."""
    outside: bool = False
    """True when a link in the text named a target the glossary's link graph does not list for
    this term (so its address came from every page name, not from the page's own inputs)."""
    names_ms: tuple[str, ...] = ()
    """The term's other Malay names (its aliases), shown under the Malay headword."""
    names_en: tuple[str, ...] = ()
    """The term's other English names (its variants), shown under the English headword."""


def names_by_language(term: Term) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every name of a term besides its two headwords, by language: the Malay aliases and
    acronyms, and the English acronyms and variants (the translations of the links to it);
    each once, and none that folds to a headword (case, accents, spacing and hyphens ignored).
    An acronym is in the language of the headword it is written in (``KWSP``, ``EPF``); one in
    both, or in neither (a term built by hand), stays Malay. The search index holds these and
    some link texts (:func:`search_names`); a page shows :func:`other_names`.

    >>> from glossari.model import English, Location, Names
    >>> term = Term(id="kwsp", title="Kumpulan Wang (KWSP)", source=Location(path="a.md", line=1),
    ...             english=English(title="Provident Fund (EPF)"),
    ...             names=Names(aliases=("Tabung pekerja", "tabung-pekerja"),
    ...                         acronyms=("KWSP", "EPF"), english_variants=("provident funds",)))
    >>> names_by_language(term)
    (('Tabung pekerja', 'KWSP'), ('EPF', 'provident funds'))
    """
    names = term.names
    ms, en = term.title or term.id, term.english.title
    seen = {lookup_key(ms), lookup_key(en or "")}
    english = set(headword_acronyms(en)) - set(headword_acronyms(ms))
    found: tuple[list[str], list[str]] = ([], [])
    for side, texts in ((0, (*names.aliases, *(a for a in names.acronyms if a not in english))),
                        (1, (*(a for a in names.acronyms if a in english),
                             *names.english_variants))):
        for text in texts:
            key = lookup_key(text)
            if key and key not in seen:
                seen.add(key)
                found[side].append(text)
    return tuple(found[0]), tuple(found[1])


def search_names(term: Term) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The other names the site's search index holds for a term: :func:`names_by_language`,
    and after the Malay ones the Malay link texts (``Names.link_texts``) that neither fold to
    a name already held nor merely inflect one (:func:`glossari.terms.inflects`: a clitic,
    reduplication, which the script undoes in a query itself): ``melabur`` for *Pelaburan*
    (``[melabur](/investment)``), so that the box finds what ``glossari search`` and ``find``
    find; not ``pelaburannya`` nor ``pelaburan-pelaburan``.

    >>> from glossari.model import Location, Names
    >>> term = Term(id="investment", title="pelaburan", kind="link",
    ...             source=Location(path="a.md", line=1),
    ...             names=Names(link_texts=("pelaburan", "melabur", "Pelaburannya",
    ...                                     "pelaburan-pelaburan", "Melabur")))
    >>> search_names(term)
    (('melabur',), ())
    """
    ms, en = names_by_language(term)
    held = [name for name in (*headword_names(term.title or term.id), *ms)]
    keys = {lookup_key(name) for name in (*held, *en, term.english.title or "")}
    added: list[str] = []
    for text in term.names.link_texts:
        key = lookup_key(text)
        if key and key not in keys and not any(inflects(text, name, "ms") for name in held):
            keys.add(key)
            held.append(text)
            added.append(text)
    return (*ms, *added), en


def other_names(term: Term) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names a term's page shows under its headwords, so that a reader who searched for one
    sees it: :func:`names_by_language`, without those a headword already shows (an acronym:
    ``Name (ACR)``) or merely inflects (``Peniaga-peniaga broker`` and ``Sahamnya`` of *Peniaga
    broker* and *Saham*, ``broker-dealers`` of *Broker-dealer*: the search finds the headword
    from them, by :func:`glossari.terms.inflects`'s rule). A derivation (``Percukaian``) or
    another spelling (``investment advisor``) is a name of its own, and shown.

    >>> from glossari.model import English, Location, Names
    >>> term = Term(id="kwsp", title="Kumpulan Wang (KWSP)", source=Location(path="a.md", line=1),
    ...             english=English(title="Provident Fund"),
    ...             names=Names(aliases=("KWSP", "Tabung pekerja", "Kumpulan-kumpulan Wang"),
    ...                         acronyms=("KWSP",),
    ...                         english_variants=("provident funds", "savings fund")))
    >>> other_names(term)
    (('Tabung pekerja',), ('savings fund',))
    """
    headwords = [(lang, name) for lang, headword in (("ms", term.title),
                                                     ("en", term.english.title)) if headword
                 for name in headword_names(headword)]
    shown = {lookup_key(name) for _, name in headwords}

    def listed(name: str, lang: Lang) -> bool:
        return lookup_key(name) not in shown and not any(
            inflects(name, headword, lang) for side, headword in headwords if side == lang)

    ms, en = names_by_language(term)
    return (tuple(name for name in ms if listed(name, "ms")),
            tuple(name for name in en if listed(name, "en")))


def letter_of(name: str) -> str:
    """The A-Z index letter of a headword: its first letter without accents, or ``#``; the
    accents dropped as a name's key drops them (:func:`glossari.text.without_accents`: a mark
    that only selects a glyph is none, and files no name under ``#``).

    >>> letter_of("Ékuiti"), letter_of("401(k)"), letter_of("bon")
    ('e', '#', 'b')
    """
    for char in without_accents(name).casefold():
        if char.isspace():
            continue
        return char if "a" <= char <= "z" else "#"
    return "#"


def page_names(ids: Iterable[str]) -> dict[str, str]:
    """Each id's page file name: the id itself when safe, else a safe stand-in; never two names
    that differ only in case (a case-insensitive disk would merge them), nor a name Windows
    keeps for a device (a link-only term ``/con``: ``con.html`` cannot be made there). An id
    in another script keeps it (:func:`glossari.text.name_slug`, the rule of category file
    names too): its address reads as the link to it does, and stays the same whatever other
    terms come and go (a stand-in ``x.html``, ``x-2.html`` changed with them).

    >>> page_names(["finra", "FINRA", "a b", "con", "акция-акция", "سهم", "株式 x"])
    {'finra': 'finra.html', 'FINRA': 'FINRA-2.html', 'a b': 'a-b.html', 'con': 'con-2.html', \
'акция-акция': 'акция-акция.html', 'سهم': 'سهم.html', '株式 x': '株式-x.html'}
    """
    namer = PageNamer()
    return {term_id: namer(term_id) for term_id in ids}


class PageNamer:
    """:func:`page_names` one id at a time, in the glossary's order (a name depends only on the
    ids before it), so the builder needs no list of every id first."""

    __slots__ = ("_taken",)

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def __call__(self, term_id: str) -> str:
        """The page file name of the next id."""
        base = term_id if _safe_name(term_id) else name_slug(term_id)
        if is_windows_reserved(base):  # lpt1.txt: Windows reads up to the first dot
            base = base.replace(".", "-")
        name = base
        n = 1
        while (name.casefold() in self._taken or name.casefold() == "index"
               or is_windows_reserved(name)):
            n += 1
            name = f"{base}-{n}"
        self._taken.add(name.casefold())
        return f"{name}.html"


def category_slugs(names: Iterable[str]) -> dict[str, str]:
    """A file name (without ``.html``) for each category key, unique ignoring case
    (:func:`glossari.text.name_slug`: a name in Jawi keeps its script, as a term's page does).

    >>> category_slugs(["Pelaburan Alternatif", "pelaburan-alternatif", "Ékuiti", "زكاة"])
    {'Pelaburan Alternatif': 'pelaburan-alternatif', 'pelaburan-alternatif': \
'pelaburan-alternatif-2', 'Ékuiti': 'ekuiti', 'زكاة': 'زكاة'}
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        base = name_slug(name)
        slug, n = base, 1
        while slug in taken or slug == "index" or is_windows_reserved(slug):
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        out[name] = slug
    return out


MessageKey = tuple[str, "str | None", str]
"""``(domain, msgctxt, msgid)`` of one message."""


def message_states(term: Term, status: StatusLookup) -> tuple[dict[MessageKey, str], Counter[str]]:
    """Each message of ``term``'s article with its state, and the count of its messages by state
    (each message once, however often the article repeats it, as its catalog holds it and
    ``check``'s C201 counts it); nothing for a link-only term."""
    counts: Counter[str] = Counter()
    states: dict[MessageKey, str] = {}
    if term.kind == "article":
        for message in iter_messages(term):
            key = (message.domain, message.context, message.msgid)
            if key not in states:
                block = is_block_message(message.domain, (part_comment(message.part, term.id),))
                state = states[key] = status(*key, block, term.definitions,
                                             message.part == "category")
                counts[state] += 1
    return states, counts


def term_page(
    term: Term,
    *,
    entries: dict[str, Entry],
    categories: dict[str, Category],
    links_out: Sequence[str | None],
    backlinks: Sequence[str],
    link_targets: dict[str, str],
    status: StatusLookup | None,
    lang: str,
    states: tuple[dict[MessageKey, str], Counter[str]] | None = None,
) -> TermPage:
    """The page of one term.

    ``links_out`` are the ids of the terms ``term``'s links lead to (in source order, None for a
    link to no term), ``backlinks`` the ids of the articles that link to it, ``link_targets``
    each link target as written to the id of its term, ``status`` the state of a message in the
    target language (None: worked out by comparing the English side with the Malay), ``states``
    :func:`message_states` when already worked out.
    """
    entry = entries[term.id]
    english = term.english
    if status is not None:
        states_found, found = states if states is not None else message_states(term, status)
        counts = Counter(found)
    else:
        states_found, counts = {}, Counter()
    outside = False  # a link target the link graph does not list (see TermPage.outside)

    def resolve(target: str) -> str | None:
        nonlocal outside
        found = link_targets.get(target)
        if found is None:
            outside = True
            slug = link_slug(target)
            found = slug if slug in entries else None
        return None if found is None else entries[found].file

    def inline(text: str, column: str = "ms") -> Markup:
        # a heading's footnote reference (`## Sejarah[^1]`) leads to the note in its column
        return Markup(render_inline(text, resolve, definitions=term.definitions,
                                    footnotes=numbers, anchor=f"fn-{column}"))

    # where each of the term's own links goes, link by link: one target may lead to two terms on
    # one page (`[pialang](/broker)` goes where its Malay text says, `[lihat](/broker)` to the
    # article broker), which a map of targets alone sent both to the last
    internal = [link for _, link in internal_links([term])]  # the links links_out lists
    went = ({(link.text, link.target, link.line): to for link, to in zip(internal, links_out,
                                                                       strict=True)}
            if len(internal) == len(links_out) else {})

    # the article's footnotes: each label's number, and the labels whose note each column
    # shows so far (its `<li id>`: a label defined twice is one id)
    numbers = footnote_numbers(block for section in term.sections for block in section.blocks)
    placed: dict[str, set[str]] = {"ms": set(), lang: set()}

    def block_html(block: Block, text: str, definitions: str = term.definitions,
                   column: str = "ms") -> tuple[Markup, bool]:
        """The block's HTML in ``column`` (``ms`` or the other language's), and whether it
        is footnotes (their own text first, if any) rather than a paragraph."""
        # the block's links in order, each with its term: the k-th link to a target, in the Malay
        # or in its translation, is the k-th link to that target in the Malay block
        queue = [(link.target, went[link.text, link.target, link.line]) for link in block.links
                 if (link.text, link.target, link.line) in went]

        def resolve_here(target: str) -> str | None:
            for place, (written, to) in enumerate(queue):
                if written == target:
                    del queue[place]
                    return None if to is None or to not in entries else entries[to].file
            return resolve(target)

        def inline_here(text: str) -> Markup:
            return Markup(render_inline(text, resolve_here, definitions=definitions,
                                        footnotes=numbers, anchor=f"fn-{column}"))

        own, notes = footnotes(text) if numbers and block.kind == "paragraph" else (text, ())
        if notes and all(label in numbers for label, _ in notes):
            # a note with the number its references show (`value`), and the id they lead to
            items = []
            for label, note in notes:
                number = numbers[label]
                named = label not in placed[column]
                placed[column].add(label)
                items.append(Markup('<li{} value="{}">{}</li>\n').format(
                    Markup(f' id="fn-{column}-{number}"') if named else "", number,
                    inline_here(note)))
            lead = Markup("<p>{}</p>\n").format(inline_here(own)) if own else Markup("")
            return lead + Markup('<ol class="footnotes">\n{}</ol>').format(
                Markup("").join(items)), True
        # a table's translation that no longer parses as one is shown as the text it is
        table = table_of(text) if block.kind == "table" else None
        return (inline_here(text) if table is None else table_html(table, inline_here)), False

    def state_of(domain: str, context: str | None, malay: str, other: str | None, *,
                 block: bool = False) -> str:
        if status is None:  # no catalogs: what the English side holds is all there is
            state = "translated" if other is not None and other != malay else "untranslated"
            counts[state] += 1
            return state
        state = states_found.get((domain, context, malay)) or status(
            domain, context, malay, block, term.definitions, False)
        # no text (the English side leaves out a fuzzy definition): the catalog still tells a
        # fuzzy message from an untranslated one, as the page's counts do
        return "untranslated" if other is None and state == "translated" else state

    body = article_domain(term.id)
    # the headword: a fuzzy or slug-suggested English headword is shown, marked
    en_title = english.title
    en_title_state = english.status if en_title else "untranslated"
    if status is None and term.kind == "article":
        counts[en_title_state if en_title_state in MESSAGE_STATES else "untranslated"] += 1
        for i in range(len(term.categories)):
            named = i < len(english.categories) and english.categories[i] is not None
            counts["translated" if named else "untranslated"] += 1

    definition_ms = inline(term.description) if term.description else None
    definition_en: Markup | None = None
    definition_en_lang, definition_en_state = "ms", "untranslated"
    if term.description:
        state = state_of(GLOSSARY_DOMAIN, None, term.description, english.description)
        if state == "translated" and english.description:
            definition_en, definition_en_lang = inline(english.description), lang
        else:
            definition_en = definition_ms
        definition_en_state = state

    def side(blocks: Sequence[Block], others: Sequence[Block],
             above: int = 1) -> tuple[Markup, Markup]:
        ms_nodes: list[tuple[Block, Markup, str, str, bool]] = []
        en_nodes: list[tuple[Block, Markup, str, str, bool]] = []
        for block, other in zip_longest(blocks, others):
            if block is None:
                continue
            if not block.translatable:
                code = escape(block.text)  # shown as written: no Markdown, no message
                ms_nodes.append((block, code, "ms", "source", False))
                en_nodes.append((block, code, "ms", "source", False))
                continue
            malay, notes = block_html(block, block.text)
            ms_nodes.append((block, malay, "ms", "source", notes))
            # footnotes and their references lead to the notes of their own column
            own = bool(numbers) and "[^" in block.text
            text = None if other is None else other.text
            state = state_of(body, None, block.text, text, block=judged_as_block(block))
            if state == "translated" and text is not None:
                # a reference link's tooltip in English where its title is translated
                shown, shown_notes = (
                    (malay, notes) if text == block.text and not english.definitions and not own
                    else block_html(block, text, english.definitions or term.definitions, lang))
                en_nodes.append((block, shown, lang, state, shown_notes))
            else:
                shown, shown_notes = block_html(block, block.text, column=lang) if own else (
                    malay, notes)
                en_nodes.append((block, shown, "ms", state, shown_notes))
        return (render_nodes(_tree(ms_nodes, above=above)),
                render_nodes(_tree(en_nodes, above=above)))

    highlights: Pair | None = None
    sections: list[Pair] = []
    above = 1  # the level of the heading above (the headword's h1): a page never skips one
    headword = lookup_key(term.title or "")
    english_sections: Sequence[Section | None] = english.sections
    for section, other_section in zip_longest(term.sections, english_sections):
        if section is None:
            continue
        others = other_section.blocks if other_section is not None else ()
        if term.highlights and section.blocks == term.highlights and highlights is None:
            ms_side, en_side = side(section.blocks, others, above=2)  # under their h2
            # the translator's heading (render writes it too); else the interface's English
            other_heading = other_section.heading if other_section is not None else None
            translated = bool(section.heading) and state_of(
                body, None, section.heading, other_heading) == "translated"
            highlights = Pair(level=2, ms_heading=inline(section.heading),
                              en_heading=inline(other_heading, lang)
                              if translated and other_heading
                              else Markup(""),
                              en_heading_lang=lang if translated else "en",
                              en_heading_state="translated", ms=ms_side, en=en_side)
            continue
        level = 0
        ms_heading = en_heading = Markup("")
        en_heading_lang, en_heading_state = lang, "translated"
        repeats_headword = section.level == 1 and lookup_key(section.heading) == headword
        if section.heading and not repeats_headword:
            level = above = min(max(section.level, 2), above + 1, 6)
            ms_heading = inline(section.heading)
            other_heading = other_section.heading if other_section is not None else None
            en_heading_state = state_of(body, None, section.heading, other_heading)
            if en_heading_state == "translated" and other_heading:
                en_heading = inline(other_heading, lang)
            else:
                en_heading, en_heading_lang = ms_heading, "ms"
        if not section.blocks and not level:
            continue
        # a heading in a quote or an item, under this section's (or above the first's)
        ms_side, en_side = side(section.blocks, others, above=level or above)
        sections.append(Pair(level=level, ms_heading=ms_heading, en_heading=en_heading,
                             en_heading_lang=en_heading_lang, en_heading_state=en_heading_state,
                             ms=ms_side, en=en_side))

    for column, missing in ((column, [n for label, n in numbers.items() if label not in shown])
                            for column, shown in placed.items()):
        # a translation that left a note out, or wrote it under another label: its references
        # in that column lead nowhere, so they are the number alone, not a broken link
        for pair in (*sections, *((highlights,) if highlights is not None else ())):
            for number in missing:
                link = f'<a href="#fn-{column}-{number}">{number}</a>'
                pair.ms, pair.en, pair.ms_heading, pair.en_heading = (
                    Markup(str(html).replace(link, str(number)))
                    for html in (pair.ms, pair.en, pair.ms_heading, pair.en_heading))

    names_ms, names_en = other_names(term)
    term_categories: list[Category] = []
    for name, _ in distinct_categories(term.categories):
        category = categories.get(category_key(name))
        if category is not None and category not in term_categories:
            term_categories.append(category)

    return TermPage(
        term=term,
        entry=entry,
        en_title=en_title,
        en_title_state=en_title_state,
        definition_ms=definition_ms,
        definition_en=definition_en,
        definition_en_lang=definition_en_lang,
        definition_en_state=definition_en_state,
        highlights=highlights,
        sections=sections,
        categories=term_categories,
        links_out=_unique_entries(links_out, entries, skip=term.id),
        backlinks=_unique_entries(backlinks, entries, skip=term.id),
        counts=counts,
        outside=outside,
        names_ms=names_ms,
        names_en=names_en,
    )


def _unique_entries(ids: Iterable[str | None], entries: dict[str, Entry], *,
                    skip: str) -> list[Entry]:
    seen: set[str] = set()
    out: list[Entry] = []
    for term_id in ids:
        if term_id is None or term_id == skip or term_id in seen or term_id not in entries:
            continue
        seen.add(term_id)
        out.append(entries[term_id])
    return out


STATE_WORDS: dict[str, tuple[str, str]] = {
    "translated": ("diterjemah", "translated"),
    "fuzzy": ("kabur", "fuzzy"),
    "suggested": ("cadangan", "suggested"),
    "untranslated": ("belum diterjemah", "untranslated"),
}
"""Each state in Malay and in English, as the pages name it."""

# The mark of a part shown in Malay in the other language's column (as templates/macros.html's
# mark, which the headword and headings use).
_MARKS = {
    state: f'<span class="mark mark-{state}"><span lang="ms">{ms}</span> · '
           f'<span lang="en">{en}</span></span> '
    for state, (ms, en) in STATE_WORDS.items() if state != "translated"
}


def render_nodes(nodes: Sequence[Node]) -> Markup:
    """The HTML of a body side's blocks.

    Built here rather than by a recursive template macro: a page has dozens of blocks, and a
    Jinja2 macro call per block was half of the whole site's build time (benchmarks/site.py).
    Every text in it is markdown-it-py's escaped output; the rest is fixed markup and language
    codes checked on the way in.
    """
    out: list[str] = []
    _render(nodes, out)
    return Markup("".join(out))  # safe: see the docstring


def _render(nodes: Sequence[Node], out: list[str]) -> None:
    for node in nodes:
        if node.kind == "quote":
            out.append("<blockquote>\n")
            _render(node.children, out)
            out.append("</blockquote>\n")
        elif node.kind == "hr":
            out.append("<hr />\n")
        elif node.kind == "pre":
            # the info string's escapes and entities read, as CommonMark reads them
            info = unescapeAll(node.info).strip()
            language = info.split(maxsplit=1)[0] if info else ""
            code = f' class="language-{escape(language)}"' if language else ""
            out.append(f"<pre><code{code}>{node.html}</code></pre>\n")
        elif node.kind == "notes":  # a wrapper: the state mark cannot sit inside <ol>
            out.append(f'<div lang="{node.lang}" class="notes state-{node.state}">'
                       f'{_MARKS.get(node.state, "")}{node.html}</div>\n')
        elif node.kind == "table":  # a wrapper: the state mark cannot sit inside <table>
            out.append(f'<div lang="{node.lang}" class="table state-{node.state}">'
                       f'{_MARKS.get(node.state, "")}{node.html}</div>\n')
        elif node.kind in ("ul", "ol"):
            start = "" if node.start in (None, 1) else f' start="{node.start}"'
            out.append(f"<{node.kind}{start}>\n")
            _render(node.children, out)
            out.append(f"</{node.kind}>\n")
        else:  # "p", "li" or "h"
            tag = node.kind if node.kind != "h" else f"h{node.level}"
            out.append(f'<{tag} lang="{node.lang}" class="state-{node.state}">'
                       f'{_MARKS.get(node.state, "")}{node.html}')
            if node.children:
                out.append("\n")
                _render(node.children, out)
            out.append(f"</{tag}>\n")


_NODE_KINDS = {"code": "pre", "table": "table", "rule": "hr", "heading": "h"}
_ALIGNED = {a: f' class="align-{a}"' for a in ("left", "center", "right")}


def table_html(table: Table, inline: Callable[[str], Markup]) -> Markup:
    """A GFM table as HTML, each cell's inline Markdown rendered by ``inline`` (escaped there);
    alignment by class, as the site's policy allows no inline style.

    >>> print(table_html(Table(head=("A", "B"), align=(None, "right"), rows=(("<1>", "2"),)),
    ...                  lambda text: escape(text)))
    <table>
    <thead><tr><th>A</th><th class="align-right">B</th></tr></thead>
    <tbody>
    <tr><td>&lt;1&gt;</td><td class="align-right">2</td></tr>
    </tbody>
    </table>
    """
    def row(cells: Sequence[str], tag: str) -> str:
        return "<tr>" + "".join(
            f"<{tag}{_ALIGNED.get(a or '', '')}>{inline(c)}</{tag}>"
            for c, a in zip(cells, table.align, strict=False)) + "</tr>"

    body = "\n".join(row(r, "td") for r in table.rows)
    return Markup(f"<table>\n<thead>{row(table.head, 'th')}</thead>\n<tbody>\n{body}\n"
                  "</tbody>\n</table>")  # safe: fixed markup around inline()'s escaped output


def _tree(blocks: Sequence[tuple[Block, Markup, str, str] | tuple[Block, Markup, str, str, bool]],
          *, above: int = 1) -> list[Node]:
    """Paragraphs, lists, items and quotes nested as the article nests them, from each block's
    :attr:`~glossari.model.Block.path`: two quotes or two lists stay two, a quote in a quote or
    in an item stays inside it, an item's second paragraph stays in the item, and a numbered
    list starts at its first item's number. A heading inside a quote or an item stays there,
    at a level that skips none after ``above`` (the level of the heading over the blocks on
    the page: 1, the headword, for a section with none)."""
    top: list[Node] = []
    stack: list[tuple[str, Node]] = []  # the open quotes, lists and items, outermost first
    for block, html, lang, state, *notes in blocks:  # notes: the block is footnotes
        keys: list[str] = []
        for entry in block.path:  # `ol:3:2` is list `ol:3`, then its item `ol:3:2`
            if not entry.startswith("quote"):
                keys.append(entry.rsplit(":", 1)[0])
            keys.append(entry)
        same = 0
        while same < min(len(stack), len(keys)) and stack[same][0] == keys[same]:
            same += 1
        del stack[same:]
        for key in keys[same:]:
            kind = key.split(":", 1)[0]
            if key.count(":") == 2:
                node = Node(kind="li", lang=lang, state=state)
            elif kind == "quote":
                node = Node(kind="quote")
            else:  # a list: a numbered one starts at the number of the item that opens it
                first = block.number if kind == "ol" and key == keys[-2] else None
                node = Node(kind=kind, start=first)
            (stack[-1][1].children if stack else top).append(node)
            stack.append((key, node))
        holder = stack[-1][1] if stack else None
        if (holder is not None and holder.kind == "li" and block.kind == "item"
                and not holder.html and not holder.children):
            holder.html, holder.lang, holder.state = html, lang, state  # the item's own text
            continue
        kind = "p" if block.kind in ("item", "quote") else _NODE_KINDS.get(block.kind, "p")
        if notes and notes[0]:  # footnotes: a list, no paragraph
            kind = "notes"
        level = 0
        if kind == "h":  # never h1 (the headword's), never a skipped level
            level = above = min(max(block.level, 2), above + 1, 6)
        (holder.children if holder is not None else top).append(
            Node(kind=kind, html=html, lang=lang, state=state, level=level, info=block.info))
    return top
