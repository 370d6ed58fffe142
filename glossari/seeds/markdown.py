"""The article body: CommonMark (markdown-it-py, raw HTML off) to sections, blocks and links.

markdown-it-py gives 0-based line maps relative to the text it parsed; every line here is made
1-based and absolute with ``line_offset``. CommonMark needs a space after ``#``, so ``##Sorotan``
parses as a paragraph: we recognise such a paragraph as the heading its author meant and report it
(code S101) instead of losing the section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from glossari.diagnostics import Finding
from glossari.errors import SeedError
from glossari.model import Block, BlockKind, Link, Section
from glossari.seeds.rules import (
    heading_without_space,
    is_highlights_heading,
    suspicious_link_text,
)
from glossari.text import blanked, excerpt, quoted, readable_url

__all__ = [
    "FOOTNOTE_REFERENCE",
    "MAX_BRACKETS",
    "MAX_NESTING",
    "SAFE_TAGS",
    "VOID_TAGS",
    "Body",
    "Table",
    "article_definitions",
    "definition_titles",
    "definitions_by_label",
    "first_unlike",
    "footnote_numbers",
    "footnotes",
    "link_targets",
    "links_and_html",
    "open_links",
    "parse_body",
    "plain_text",
    "reads_alike",
    "reference_definition_lines",
    "reference_definitions",
    "safe_tag",
    "shown_as_text",
    "spaced_link_problem",
    "spaced_links",
    "suspicious_link_text",
    "table_of",
    "with_title",
]

MAX_NESTING = 16
"""Deepest nesting of lists and quotes accepted. Real articles use two or three levels; thousands
of levels are a broken or hostile file."""

_PATHS: dict[tuple[str, ...], tuple[str, ...]] = {}
"""Every :attr:`Block.path` made so far, each kept once (see ``block_path``)."""
_PATHS_KEPT = 1 << 16
"""At most this many: an article of thousands of lists adds no unbounded memory."""

MAX_BRACKETS = 10_000
"""Most ``[`` accepted in one article (or one message). markdown-it-py spends time in proportion
to its nesting limit on every ``[`` it cannot close (about 0.13 ms each): 2 MiB of ``![`` took
69 s. A real article has a few dozen links; 10,000 is a generated or hostile file."""

# A paragraph's first line that its author meant as a heading: `##Sorotan` (no space), or
# `##\u00a0Sorotan` / `\u00a0## Sorotan` (a no-break or other Unicode space pasted from a web page,
# where CommonMark wants an ordinary one). A real heading never reaches a paragraph.
_MALFORMED_HEADING = re.compile(r"^(\s*)(#{1,6})(?!#)(\s*)(\S.*)$")
CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*[ \t]*")
"""The marks that open a line's containers: quotes (``>``, ``> >``), list items (``- ``,
``1. ``) and the spaces between them. A block's source line less this is its own text, as
the reader reads a malformed heading in a quote (``>##Nota``) and ``render`` rewrites one."""
# A line of emphasised text, `**Sorotan**`: the key-takeaways heading of HTML converted to Markdown
_EMPHASIS_LINE = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1:?$")
# Link syntax CommonMark does not read as a link (left as text: literal brackets on the site, no
# term): `[teks] (/slug)`, a space after ']' (machine translation adds one), and `[teks][ruj]`
# whose reference is defined nowhere. Brackets escaped with '\' are meant as text.
_SPACED_LINK = re.compile(r"(?<!\\)\[([^\[\]\n]+)(?<!\\)\][ \t]+"
                          r"\((/[^()\s]*|[A-Za-z][A-Za-z0-9+.-]*://[^()\s]+)\)")
# (a text with a letter: `[1][2]` is a pair of citation marks)
_LOST_REFERENCE = re.compile(r"(?<!\\)\[([^\[\]\n]*[^\W\d_][^\[\]\n]*)(?<!\\)\]\[([^\[\]\n]+)\]")
# A link to an address markdown-it-py refuses to link (its validateLink: javascript:, vbscript:,
# file:, and data: but for four image types), left as text: `[dana](file:///C:/dana.md)` showed
# as brackets on the site and named no term, with no word to its author
_REFUSED_LINK = re.compile(r"(?<!\\)\[([^\[\]\n]+)(?<!\\)\]\(\s*<?((?:javascript|vbscript|file|"
                           r"data(?!:image/(?:gif|png|jpeg|webp);)):)", re.IGNORECASE)
# A link opened and never closed (`[bon](/bon-korporat untuk butiran`: no `)` after the
# target, or a space inside it), left as text: brackets and target on the site, no term named
_OPEN_LINK = re.compile(r"(?<!\\)\[([^\[\]\n]{1,256})(?<!\\)\]\(([^()\s]{0,2048})(?![^()\s]*\))")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_SPACED_TARGET = re.compile(r"((?:[ \t]+[^\W_]+){1,3})[ \t]*\)")
"""After an open link's target (:data:`_OPEN_LINK`): up to three words and the ``)`` that
closes them, ``[saham](/Saham Biasa)``: a target typed with spaces, not a link left open."""
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Body:
    """What an article body holds."""

    sections: tuple[Section, ...]
    links: tuple[Link, ...]
    findings: tuple[Finding, ...] = field(default=())
    definitions: tuple[tuple[int, str], ...] | None = None
    """(1-based line in the article, one-line definition) of each reference definition, as
    :func:`reference_definitions` reads them, from the body's own parse; None when that parse
    cannot tell (raw HTML in the body, which :func:`reference_definitions` reads as HTML, or
    nesting deeper than its parser goes): see :func:`article_definitions`."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark, with raw HTML treated as text: articles are prose, and HTML must not pass
    # through into rendered output.
    # markdown-it-py spends two nesting levels per list (list + item) and silently drops whatever
    # lies deeper than maxNesting; leave room for MAX_NESTING + 1 lists so the walker sees the
    # level that is too deep and refuses it, instead of the text vanishing.
    return MarkdownIt("commonmark", {"html": False, "maxNesting": 2 * (MAX_NESTING + 1) + 2})


@lru_cache(maxsize=1)
def _table_parser() -> MarkdownIt:
    # CommonMark has no tables: the article parser reads a GFM table as a paragraph (one message,
    # as before tables were known); this one tells whether that paragraph is a table
    return MarkdownIt("commonmark", {"html": False}).enable("table")


@dataclass(frozen=True, slots=True)
class Table:
    """A GitHub-flavoured Markdown table: its cells' inline Markdown, row by row."""

    head: tuple[str, ...]
    """The header row's cells."""
    align: tuple[str | None, ...]
    """Each column's alignment: ``left``, ``center``, ``right`` or None."""
    rows: tuple[tuple[str, ...], ...]
    """The body rows' cells (a short row is padded with empty cells, as GFM renders it)."""

    def filled(self) -> tuple[tuple[str, ...], ...]:
        """The cells that hold text, row by row, the header row first: what a table says,
        without its pipes, delimiter row and padding (what the search index and ``L303`` read
        of it).

        >>> table_of("| Jenis | |\\n|---|---|\\n| Saham | 1% |").filled()
        (('Jenis',), ('Saham', '1%'))
        """
        return tuple(tuple(cell for cell in row if cell.strip())
                     for row in (self.head, *self.rows))


_ALIGN = re.compile(r"text-align:(left|center|right)")


def table_of(text: str) -> Table | None:
    """The table ``text`` is, when all of it is one GFM table (else None: prose with pipes).

    >>> table_of("| Jenis | Kadar |\\n|:--|--:|\\n| [Broker](/broker) | 1% |")
    Table(head=('Jenis', 'Kadar'), align=('left', 'right'), rows=(('[Broker](/broker)', '1%'),))
    >>> table_of("Yuran | kadar"), table_of("Teks:\\n| a |\\n|---|\\n| 1 |")
    (None, None)
    """
    if "|" not in text or "\n" not in text:
        return None  # a table has a header row and a delimiter row, and pipes
    tokens = _table_parser().parse(text)
    if (not tokens or tokens[0].type != "table_open" or tokens[-1].type != "table_close"
            or tokens[0].map != [0, text.count("\n") + 1]):
        return None
    rows: list[list[str]] = []
    align: list[str | None] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open") and len(rows) == 1:
            found = _ALIGN.search(str(token.attrs.get("style", "")))
            align.append(found.group(1) if found else None)
        elif token.type == "inline":
            rows[-1].append(token.content)
    return Table(head=tuple(rows[0]), align=tuple(align),
                 rows=tuple(tuple(r) + ("",) * (len(align) - len(r)) for r in rows[1:]))


_LINK_NESTING = 20
"""The nesting :func:`_link_parser` reads to (CommonMark's preset's ``maxNesting``)."""


@lru_cache(maxsize=1)
def _link_parser() -> MarkdownIt:
    # Raw HTML on, so it comes out as tokens; every link accepted whatever its scheme (the default
    # drops `javascript:` links to text, which another Markdown engine may still turn into a link)
    # and kept as written (no percent-encoding), so a target reads as the author typed it.
    parser = MarkdownIt("commonmark", {"html": True, "maxNesting": _LINK_NESTING})
    # `&lt;` and `\<` stay separate `text_special` tokens, so they never look like HTML
    parser.disable("text_join")
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    parser.normalizeLink = lambda url: url  # type: ignore[method-assign]
    parser.normalizeLinkText = lambda link: link  # type: ignore[method-assign]
    return parser


# What is left of HTML in plain text: an unclosed comment `<!--`, `<?`, `<!X`, `<tag` without
# its `>`. Completed elsewhere (a later block of the article), it would hide or inject content.
_HTML_OPENER = re.compile(r"<[A-Za-z!?/]")


def links_and_html(text: str) -> tuple[tuple[str, str], ...]:
    """The link targets and raw HTML of a Markdown text, in order, as ``(kind, value)`` pairs.

    The one home of this rule: ``render`` keeps the Malay when a translation's pairs differ from
    its source's, and ``check`` reports it (C203, C208). Kinds: ``link`` (inline, reference and
    autolinks, any scheme), ``image``, ``definition`` (a reference definition ``[r]: target``,
    used or not) and ``html`` (raw HTML, or the opening of it). Code spans and code blocks are
    not markup and are left out.

    >>> links_and_html("a [b](/c) <javascript:x> ![i](/p.png) `<b>` <img onerror=y>")
    (('link', '/c'), ('link', 'javascript:x'), ('image', '/p.png'), ('html', '<img onerror=y>'))
    >>> links_and_html("[r]: javascript:alert(1)"), links_and_html("a <!-- b")
    ((('definition', 'javascript:alert(1)'),), (('html', '<!'),))
    """
    if "[" not in text and "<" not in text:
        return ()  # no link, image, definition or HTML can start without one (most messages)
    return _parsed_links_and_html(text)


# remembered: a text is asked again in one process (a message's source by every translation of
# it and by each article's reference definitions, the definitions themselves once per message of
# their article); the answer is a tuple of strings, a pure function of the text. Bounded for a
# long-running program; a forgotten text is parsed again, to the same answer.
@lru_cache(maxsize=1 << 15)
def _parsed_links_and_html(text: str) -> tuple[tuple[str, str], ...]:
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:  # not parsed (see MAX_BRACKETS); never equal to a source's
        return (("overflow", f"{brackets} '['"),)
    env: dict[str, object] = {}
    found: list[tuple[str, str]] = []
    parser = _link_parser()
    for token in parser.parse(text, env):
        children = token.children or ()
        if token.type == "html_block":
            # its tags one by one, as the same HTML inside a line is read: a translation that
            # keeps `<div>HTML blok</div>` after a word of its own (`EN <div>...</div>`) has
            # the same tags, and was refused as HTML that differs from the source's
            children = [c for t in parser.parseInline(token.content.strip(), env)
                        for c in t.children or ()]
        for child in children:
            if child.type == "link_open":
                found.append(("link", str(child.attrs.get("href", ""))))
            elif child.type == "image":
                found.append(("image", str(child.attrs.get("src", ""))))
            elif child.type == "html_inline":
                found.append(("html", child.content))
            elif child.type == "text":
                found.extend(("html", m.group()) for m in _HTML_OPENER.finditer(child.content))
    found.extend(("definition", str(ref.get("href", ""))) for ref in _references(env).values())
    return tuple(found)


def shown_as_text(text: str) -> tuple[str, ...]:
    """The raw HTML of a Markdown text that the site shows as the text it is, in order, each
    once: every tag but :data:`SAFE_TAGS` written with no attribute, and the opening of HTML
    left open (``<!--`` with no end); not a comment, which is hidden (``check`` S117).

    >>> shown_as_text("Kadar<sup>2</sup> <!-- x --> <b onclick=y>a</b> <div> `<i x>` <div>")
    ('<b onclick=y>', '<div>')
    """
    found: dict[str, None] = {}
    for kind, value in links_and_html(text):
        if kind == "html" and safe_tag(value) is None and not (
                value.startswith("<!--") and value.endswith("-->")):
            found.setdefault(value)
    return tuple(found)


def open_links(text: str) -> tuple[str, ...]:
    """The links ``text`` opens and never closes, as Markdown leaves them, text: each
    ``[text](target`` with no ``)`` after its target (or a space inside it), shown as written,
    brackets and target, on a page. The one rule of a translation that leaves a link open
    (``render`` keeps the Malay for it, :func:`glossari.catalog.usable.unusable_translation`;
    ``check`` says so, C209) and of the markup ``check`` compares (C206).

    >>> open_links("(see [coupon](/kupon"), open_links("(lihat [kupon](/kupon))")
    (('[coupon](/kupon',), ())
    >>> open_links("[bon](/bon-korporat untuk butiran) dan `[x](/y`")
    ('[bon](/bon-korporat',)
    """
    if "](" not in text:
        return ()
    return _parsed_open_links(text)


@lru_cache(maxsize=1 << 12)
def _parsed_open_links(text: str) -> tuple[str, ...]:
    if text.count("[") > MAX_BRACKETS:
        return ()  # not parsed (see MAX_BRACKETS); links_and_html refuses such a text anyway
    pieces: list[str] = []
    for token in _link_parser().parse(text, {}):
        for child in token.children or ():
            if child.type == "text":
                pieces.append(child.content)
            elif child.type == "text_special":  # `\[` stays escaped: meant as text
                pieces.append(child.markup if child.info == "escape" else child.content)
            elif child.type in ("strong_open", "strong_close", "em_open", "em_close"):
                pass  # emphasis inside a link's text (`[a **b**](/c`)
            elif child.type == "code_inline":
                pieces.append(" ")  # code is no link, and may sit inside one's text
            else:  # a line break, a link's or an image's edges, HTML: no open link crosses them
                pieces.append("\n")
        pieces.append("\n")
    return tuple(m.group() for m in _OPEN_LINK.finditer("".join(pieces)))


def reads_alike(one: str, other: str) -> bool:
    """Whether two Markdown texts read the same, written in other Markdown syntax: emphasis
    with ``_`` or ``*``, list bullets ``-``, ``*`` or ``+``, a setext or an ATX heading, a
    fence of backticks or tildes, a link inline or by reference, an escape where none is
    needed, lines wrapped elsewhere (a line break inside a paragraph is a space). Everything a
    reader sees counts: the words (each run of spaces, tabs and line breaks one space, but in
    code, which keeps them; a no-break space is the author's, `RM\\u00a0100`, and counts), the
    blocks and their kinds, a list's tightness and its first number, link targets and titles,
    raw HTML (a comment included) and each reference definition with a title, used or not
    (its title is a message). The one rule of a rendering whose only change is its syntax,
    which an editor or a translator's Markdown habits make: ``render`` goes on over it, as
    nothing the translator wrote is lost (:func:`glossari.render.render_folder`).

    >>> reads_alike("Ia *kekal*.\\n\\n- satu\\n- dua\\n", "Ia _kekal_.\\n\\n* satu\\n* dua\\n")
    True
    >>> reads_alike("Tajuk\\n=====\\n\\nBaris satu\\ndan dua.\\n",
    ...             "# Tajuk\\n\\nBaris satu dan dua.")
    True
    >>> reads_alike("Ia *kekal*.", "Ia **kekal**."), reads_alike("`a  b`", "`a b`")
    (False, False)
    >>> reads_alike("RM\u00a0100 seunit", "RM 100 seunit")
    False
    """
    return one == other or _reading(one) == _reading(other)


@lru_cache(maxsize=1)
def _reading_parser() -> MarkdownIt:
    # what a reader of a rendering sees: CommonMark, raw HTML kept as such, GitHub's tables
    return MarkdownIt("commonmark", {"html": True}).enable("table")


_LAYOUT = re.compile(r"[ \t\n\v\f\r]+")
"""What a browser shows as one space in a rendered paragraph: a run of ASCII white space (a
no-break space, an em space is a character of the text, `RM\u00a0100`, and counts)."""

_LEAVES = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table"})
"""The blocks :func:`first_unlike` compares whole (their tokens open and close them)."""

_SHOWN_AS_WRITTEN = frozenset({"code_inline", "code_block", "fence", "html_block",
                               "html_inline"})


def _reading(text: str) -> tuple[tuple[object, ...], ...]:
    """What :func:`reads_alike` compares of ``text``: its tokens, without their syntax."""
    blocks, definitions = _blocks_read(text)
    return (*(part for _, _, read in blocks for part in read), definitions)


def first_unlike(text: str, other: str) -> tuple[int, int] | None:
    """The first block of ``text`` that does not read as the block of ``other`` in its place
    (:func:`reads_alike`'s rule), as the 0-based line where it begins and the one, in it,
    that first differs from ``other``'s line in its place; None when every block reads
    alike. What a refusal names: a rendering whose bullets an editor rewrote and one of whose
    paragraphs a translator changed was named at the first bullet, which reads the same.

    >>> first_unlike("- satu\\n- dua\\n\\nAyat\\npertama.\\nAyat dua.\\n",
    ...              "* satu\\n* dua\\n\\nAyat\\npertama.\\nAyat tiga.\\n")
    (3, 5)
    >>> first_unlike("- satu\\n- dua\\n", "* satu\\n* tiga\\n")
    (1, 1)
    >>> first_unlike("Ia *kekal*.", "Ia _kekal_.") is None
    True
    """
    theirs, definitions = _blocks_read(text)
    ours, others = _blocks_read(other)
    lines, mine = text.splitlines(), other.splitlines()
    for at, (start, end, read) in enumerate(theirs):
        if at < len(ours) and ours[at][2] == read:
            continue
        first = start
        if at < len(ours):
            for line in range(start, min(end, len(lines))):
                mirrored = line - start + ours[at][0]
                if mirrored >= len(mine) or lines[line] != mine[mirrored]:
                    first = line
                    break
        return start, first
    if definitions != others:
        # a titled definition added or changed: its own line (the last line named a
        # definition an editor wrote for a link by reference after it, which reads alike)
        defined = _definition_line(lines, definitions[1], others[1])
        if defined is not None:
            return defined, defined
    if definitions != others or len(ours) > len(theirs):
        # a titled definition gone, or the text ends before the other: its last line
        return max(len(lines) - 1, 0), max(len(lines) - 1, 0)
    return None


_DEFINITION_LABEL = re.compile(r" {0,3}\[((?:[^\]\\]|\\.)+)\]:")


def _definition_line(lines: list[str], theirs: object, ours: object) -> int | None:
    """The 0-based line of the first of ``lines`` that begins a titled reference definition
    of ``theirs`` not among ``ours`` (:func:`_blocks_read`'s (label, href, title) tuples, its
    label as markdown-it keeps it), or None."""
    if not isinstance(theirs, tuple) or not isinstance(ours, tuple):
        return None
    labels = {" ".join(str(item[0]).split()).casefold() for item in theirs
              if isinstance(item, tuple) and item and item not in ours}
    for at, line in enumerate(lines):
        match = _DEFINITION_LABEL.match(line)
        if match is not None and " ".join(match.group(1).split()).casefold() in labels:
            return at
    return None


def _blocks_read(text: str) -> tuple[list[tuple[int, int, tuple[tuple[object, ...], ...]]],
                                     tuple[object, ...]]:
    """``text``'s top-level blocks, each as (first line, line after it, 0-based, and its
    tokens without their syntax), and its reference definitions with a title."""
    env: dict[str, Any] = {}
    read: list[tuple[object, ...]] = []
    words: list[str] = []

    def walk(tokens: Iterable[Token]) -> None:
        for token in tokens:
            if token.type in ("text", "softbreak"):
                words.append(token.content if token.type == "text" else " ")
                continue
            if token.type == "inline":
                walk(token.children or ())
                continue
            if words:
                read.append(("text", _LAYOUT.sub(" ", "".join(words))))
                words.clear()
            content = token.content if token.type in _SHOWN_AS_WRITTEN else ""
            info = token.info.strip() if token.type == "fence" else ""
            read.append((token.type, token.tag, token.hidden, content, info,
                         tuple(sorted((str(k), str(v)) for k, v in token.attrs.items()))))
            walk(token.children or ())
        if words:
            read.append(("text", _LAYOUT.sub(" ", "".join(words))))
            words.clear()

    # each leaf block (a paragraph, a heading, a table, code) whole, and each edge of a
    # container (a list, an item, a quote) on its own, so that a bullet written otherwise
    # reads alike and a word changed names the paragraph inside the item
    blocks: list[tuple[int, int, tuple[tuple[object, ...], ...]]] = []
    tokens = _reading_parser().parse(text, env)
    index, last = 0, 0
    while index < len(tokens):
        token = tokens[index]
        end = index
        if token.nesting == 1 and token.tag in _LEAVES:
            while tokens[end].level != token.level or tokens[end].nesting != -1:
                end += 1
        walk(tokens[index:end + 1])
        lines = token.map or [last, last]
        last = lines[1]
        blocks.append((lines[0], lines[1], tuple(read)))
        read.clear()
        index = end + 1
    # a definition shows through the links that use it (their targets and titles, above);
    # one with a title is a message of its own, used or not
    definitions = sorted((str(label), str(value.get("href")), str(value.get("title")))
                         for label, value in _references(env).items() if value.get("title"))
    return blocks, ("definitions", tuple(definitions))


def _references(env: dict[str, Any]) -> dict[str, Any]:
    """The reference definitions markdown-it-py left in ``env`` by label (``{}`` for none)."""
    references = env.get("references")
    return references if isinstance(references, dict) else {}


def _parsed_references(text: str) -> dict[str, Any]:
    """The reference definitions of ``text`` as :func:`_link_parser` reads them, by label."""
    env: dict[str, Any] = {}
    _link_parser().parse(text, env)
    return _references(env)


_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)


SAFE_TAGS = frozenset({"b", "strong", "i", "em", "u", "s", "del", "ins", "sub", "sup", "small",
                       "mark", "code", "kbd", "br", "wbr"})
"""The raw HTML tags an article's text may use on the site (``Kadar<sup>2</sup>``,
``baris<br>kedua``, ``<b>tebal</b>``): formatting a Markdown viewer shows and a publisher
means, none able to run, load or link anything. Written with no attribute only (``<b>``,
``</b>``, ``<br/>``, any case); any other tag, or one of these with an attribute
(``<b onclick=...>``, ``<sup style=...>``), is shown as the text it is, as every tag was; an
HTML comment is hidden. The one home of this rule: the site keeps these
(``glossari.export.site._inline``) and ``check`` reports the others (S117)."""
VOID_TAGS = frozenset({"br", "wbr"})
"""The :data:`SAFE_TAGS` that have no content and no closing tag."""
_SAFE_TAG = re.compile(r"<(/?)([A-Za-z]+)[ \t]*(/?)>\Z")


def safe_tag(html: str) -> tuple[str, bool] | None:
    """``(name, closing)`` for a raw HTML tag the site keeps (:data:`SAFE_TAGS`, no attribute),
    else None (shown as text).

    >>> safe_tag("<SUP>"), safe_tag("</b >"), safe_tag("<br/>")
    (('sup', False), ('b', True), ('br', False))
    >>> safe_tag("<b onclick=x>"), safe_tag("<script>"), safe_tag("</br>"), safe_tag("<b/>")
    (None, None, None, None)
    """
    match = _SAFE_TAG.match(html)
    if match is None:
        return None
    closing, name, slash = match.group(1), match.group(2).lower(), match.group(3)
    if name not in SAFE_TAGS or (closing and (slash or name in VOID_TAGS)):
        return None
    if slash and name not in VOID_TAGS:
        return None  # `<b/>` opens nothing in HTML and closes nothing: no tag to keep
    return name, bool(closing)


_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(?=\S)", re.MULTILINE)
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?![:(])")
"""A footnote's reference in a text, ``[^1]``, ``[^nota]`` (not its definition, ``[^1]:``, nor
a link whose text it is, ``[^1](/x)``); its label is group 1."""


def footnotes(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A block's text split into its own text and the footnotes it defines, ``(label, note)``
    each, as the footnote syntax of GitHub and markdown-it-py's plugin reads them: a line
    ``[^label]: note`` starts a footnote (after a paragraph's line too), and the lines after it
    are its note until the next one starts. A definition with no note on its line (``[^1]:``
    alone, whose note the plugin reads only from indented lines) is text.

    The one home of this rule. CommonMark reads the definitions as the paragraph they are
    written in, so they are that paragraph's one message, translated as a whole, and ``render``
    writes them back as written; the site shows each as a note (``glossari.export.site``).

    >>> footnotes("Akhir.\\n[^1]: Menurut SC.\\n[^nota]: Nota kedua\\nsambung.")
    ('Akhir.', (('1', 'Menurut SC.'), ('nota', 'Nota kedua\\nsambung.')))
    >>> footnotes("Teks biasa [^1] sahaja.")
    ('Teks biasa [^1] sahaja.', ())
    """
    if "[^" not in text:
        return text, ()
    found = list(_FOOTNOTE_DEFINITION.finditer(text))
    if not found:
        return text, ()
    notes = tuple((match.group(1), text[match.end():following].strip())
                  for match, following in zip(
                      found, [m.start() for m in found[1:]] + [len(text)], strict=True))
    return text[:found[0].start()].strip(), notes


def footnote_numbers(blocks: Iterable[Block]) -> dict[str, int]:
    """Each footnote label an article's blocks (in order) define, with its number: by the order
    of the first reference to it, as GitHub and markdown-it-py's plugin number them, then the
    labels never referenced, in the order they are defined (shown too: a note is not lost for
    want of a reference). A reference to no definition has none. Footnotes are defined in a
    paragraph (:func:`footnotes`; a ``[^1]:`` line in a list item or a quote is its text) and
    referenced from any block but code.

    >>> footnote_numbers([Block(kind="item", text="Teks [^b] dan [^a] [^b].", line=1),
    ...                   Block(kind="paragraph", text="[^a]: A.\\n[^b]: B.\\n[^c]: C.", line=3)])
    {'b': 1, 'a': 2, 'c': 3}
    """
    referenced: list[str] = []
    defined: list[str] = []
    for block in blocks:
        if "[^" not in block.text or not block.translatable:
            continue
        own, notes = footnotes(block.text) if block.kind == "paragraph" else (block.text, ())
        for piece in (own, *(note for _, note in notes)):
            referenced.extend(m.group(1) for m in FOOTNOTE_REFERENCE.finditer(piece))
        defined.extend(label for label, _ in notes)
    known = set(defined)
    numbers: dict[str, int] = {}
    for label in (*referenced, *defined):
        if label in known and label not in numbers:
            numbers[label] = len(numbers) + 1
    return numbers


def reference_definitions(text: str) -> str:
    """The reference definitions of an article (``[hasil]: /revenue``), one per line: what a
    message's reference links (``[hasil]``, ``[kos jualan][]``, ``[margin][m]``) resolve by.
    The one home of them: the reader keeps them in :attr:`glossari.model.Term.definitions`, and
    every judge of a translation (``render``, the English side, ``check``, the counts, the site)
    passes them to :func:`glossari.catalog.usable.unusable_translation`.

    The definitions are those CommonMark reads (markdown-it-py, the oracle), each once (the
    first of a label wins) and in order: a definition on a line of its own is kept as written;
    one inside a quote or a list item (``> [s]: /stock``) or over several lines
    (``[e]:\\n  /equity``), which a line of its own missed, is written on one line
    (``[s]: /stock``); a line in a code block that looks like one defines nothing.

    >>> reference_definitions("Kos ialah [hasil].\\n\\n[hasil]: /revenue\\n")
    '[hasil]: /revenue'
    >>> print(reference_definitions('> [s]: /stock "Saham biasa"\\n\\n[e]:\\n  /equity\\n'
    ...                             '\\n```\\n[k]: /kod\\n```\\n'))
    [s]: /stock "Saham biasa"
    [e]: /equity
    """
    return "\n".join(definition for _, definition in _definitions(text))


def reference_definition_lines(text: str) -> tuple[int, ...]:
    """The 1-based line in ``text`` where each of its :func:`reference_definitions` starts.

    >>> reference_definition_lines("Kos.\\n\\n> [hasil]: /revenue\\n\\n[kos]:\\n  /cost\\n")
    (3, 5)
    """
    return tuple(line for line, _ in _definitions(text))


@lru_cache(maxsize=4)
def _definitions(text: str) -> tuple[tuple[int, str], ...]:
    """(1-based line, one-line definition) of each reference definition of ``text``: read once
    for the reader's two questions (:func:`reference_definitions`,
    :func:`reference_definition_lines`)."""
    if "]:" not in text:
        return ()  # most articles: no definition, and no parse
    env: dict[str, Any] = {}
    _link_parser().parse(text, env)
    return _read_definitions(env, text, 0)


def _read_definitions(env: dict[str, Any], text: str,
                      line_offset: int) -> tuple[tuple[int, str], ...]:
    """The definitions markdown-it-py left in ``env`` parsing ``text``, whose first line is the
    article's ``line_offset + 1``."""
    references = _references(env)
    if not references:
        return ()
    lines = text.split("\n")
    found: list[tuple[int, str]] = []
    for key, reference in references.items():
        start, end = reference.get("map") or (0, 0)
        written = lines[start:end]
        if len(written) == 1 and _DEFINITION.fullmatch(written[0]):
            found.append((start + 1 + line_offset, written[0]))  # as the author wrote it
        else:
            found.append((start + 1 + line_offset,
                          _one_line_definition(key, written, reference)))
    return tuple(found)


def article_definitions(text: str, body: Body, *,
                        line_offset: int) -> tuple[tuple[int, str], ...]:
    """(1-based line, one-line definition) of each of the article ``text``'s reference
    definitions, exactly as :func:`reference_definitions` and
    :func:`reference_definition_lines` give them, taken from its ``body``'s parse
    (:attr:`Body.definitions`) where that parse reads them alike: no second parse of the article
    (0.9 ms each, 27 s more per cold build of 30,000 articles holding a definition). The front
    matter (the first ``line_offset`` lines) holding a ``]:``, or a body the body's parse could
    not read alike, is read whole, as before."""
    head = "\n".join(text.split("\n", line_offset)[:line_offset])
    if body.definitions is not None and "]:" not in head:
        return body.definitions
    return _definitions(text)


def with_title(line: str, title: str, new: str) -> str | None:
    """``line``, which ends with the title ``title`` of a reference definition in its
    delimiters (``"..."``, ``'...'``, ``(...)``), with ``new`` in its place, escaped as the
    delimiters need; None when ``line`` ends with no such title. The one home of that edit:
    ``render`` and the English side write a translated title so.

    >>> with_title('> [b]: /bon "Bon korporat"', "Bon korporat", 'Corporate "bond"')
    '> [b]: /bon "Corporate \\\\"bond\\\\""'
    >>> with_title("[e]: /equity (Ekuiti)", "Ekuiti", "Equity (common)")
    '[e]: /equity (Equity \\\\(common\\\\))'
    >>> with_title("[s]: /saham", "Saham", "Stock") is None
    True
    """
    from markdown_it.common.utils import unescapeAll

    end = len(line.rstrip()) - 1
    close = line[end:end + 1]
    opener = {'"': '"', "'": "'", ")": "("}.get(close)
    if opener is None:
        return None
    for start in (i for i, c in enumerate(line[:end]) if c == opener):
        if unescapeAll(line[start + 1:end]) == title:
            special = {close, opener, "\\"}
            escaped = "".join("\\" + c if c in special else c for c in new)
            return line[:start + 1] + escaped + line[end:]
    return None


def definitions_by_label(definitions: str) -> dict[str, tuple[str, str]]:
    """Each reference definition of ``definitions`` by its label as CommonMark matches one
    (case and spacing ignored): its destination and title (``""`` for none).

    >>> definitions_by_label('[Bon  A]: /bon "Bon korporat"\\n[s]: /saham')
    {'BON A': ('/bon', 'Bon korporat'), 'S': ('/saham', '')}
    """
    if "]:" not in definitions:
        return {}
    return {str(key): (str(r.get("href", "")), str(r.get("title") or ""))
            for key, r in _parsed_references(definitions).items()}


def definition_titles(definitions: str) -> tuple[tuple[int, str], ...]:
    """The titles of an article's reference definitions (:attr:`glossari.model.Term.
    definitions`, one per line): (the line's place among them, from 0; the title as a reader
    sees it, escapes undone) for each definition that has one. A title is shown (a link's
    tooltip on the site) and is a message to translate.

    >>> definition_titles('[b]: /bon "Bon korporat"\\n[s]: /saham\\n'
    ...                   '[e]: /equity (Ekuiti \\\\(biasa\\\\))')
    ((0, 'Bon korporat'), (2, 'Ekuiti (biasa)'))
    """
    if not definitions or not any(c in definitions for c in "\"'("):
        return ()
    found: list[tuple[int, str]] = []
    for index, line in enumerate(definitions.split("\n")):
        references = _parsed_references(line)
        title = next((str(r.get("title") or "") for r in references.values()), "")
        if title.strip():
            found.append((index, title))
    return tuple(found)


_LABEL = re.compile(r"\[((?:[^\[\]\\\n]|\\.)+)\]:")
_BARE_DESTINATION = re.compile(r"[^\s<>()\\]+")


def _one_line_definition(key: str, written: list[str], reference: dict[str, Any]) -> str:
    """A definition CommonMark read in a quote, an item or over several lines, on one line:
    its label as written (else as markdown-it-py keys it), destination and title."""
    label = _LABEL.search(written[0]) if written else None
    href, title = str(reference.get("href", "")), str(reference.get("title", ""))
    # a title over two lines is one line here (a newline in it made two lines of definitions,
    # the second no definition at all): its lines joined by a space, as a tooltip reads them
    title = " ".join(title.split("\n"))
    destination = href if _BARE_DESTINATION.fullmatch(href) else "<" + re.sub(
        r"([<>\\])", r"\\\1", href) + ">"
    line = f"[{label.group(1) if label else key}]: {destination}"
    if title:
        line += ' "' + re.sub(r'(["\\])', r"\\\1", title) + '"'
    return line


def spaced_links(text: str) -> list[re.Match[str]]:
    """The links of ``text`` that a space between ``]`` and ``(`` makes text (``[kupon]
    (/kupon)``: machine translation adds one), outside code spans; each match's groups are the
    link's text and target. The one rule for the reader's S113 and the catalogs' C203.

    >>> [(m.group(1), m.group(2)) for m in spaced_links("Lihat [kupon] (/kupon) dan `[a] (/b)`")]
    [('kupon', '/kupon')]
    """
    if "] " not in text and "]\t" not in text:
        return []
    content = blanked(_CODE_SPAN, text)
    return list(_SPACED_LINK.finditer(content))


def spaced_link_problem(match: re.Match[str]) -> str:
    """What to say of a link of :func:`spaced_links`."""
    return (f"'{match.group()}' is not a link: a space between ']' and '('; write "
            f"'[{match.group(1)}]({match.group(2)})'")


def link_targets(text: str) -> tuple[str, ...]:
    """The targets of the links and images in ``text``, in order (see :func:`links_and_html`).

    >>> link_targets("Lihat [peniaga broker](/broker-dealer) dan [x](https://a.b \\"t\\").")
    ('/broker-dealer', 'https://a.b')
    """
    return tuple(value for kind, value in links_and_html(text) if kind in ("link", "image"))


def parse_body(text: str, *, source: str, line_offset: int) -> Body:
    """Parse an article body into sections, blocks and links.

    ``line_offset`` is the number of source lines before ``text`` (the front matter).

    >>> body = parse_body("# A\\n\\nTeks [x](/y).\\n\\n##B\\n\\n- satu\\n", source="a.md",
    ...                   line_offset=3)
    >>> [(s.heading, s.level, s.line, len(s.blocks)) for s in body.sections]
    [('A', 1, 4, 1), ('B', 2, 8, 1)]
    >>> body.links[0].target, body.links[0].line, body.findings[0].code
    ('y', 6, 'S101')
    """
    if text.count("[") > MAX_BRACKETS:
        index = -1
        for _ in range(MAX_BRACKETS + 1):
            index = text.index("[", index + 1)
        raise SeedError(
            f"more than {MAX_BRACKETS:,} '[' in the article",
            path=source, line=text.count("\n", 0, index) + line_offset + 1,
            hint="an article has a few dozen links; check the file is not generated or corrupt",
        )
    env: dict[str, Any] = {}
    tokens = _parser().parse(text, env)
    walker = _Walker(source=source, line_offset=line_offset, text=text)
    walker.walk(tokens)
    body = walker.finish()
    # the reference definitions as reference_definitions' parser reads them, from this parse
    # when it reads them alike: it differs on raw HTML (a definition inside <!-- --> or <pre>
    # is none there) and on nesting past that parser's 20 levels
    if "]:" not in text:
        return replace(body, definitions=())
    if "<" not in text and max((t.level for t in tokens), default=0) + 2 < _LINK_NESTING:
        return replace(body, definitions=_read_definitions(env, text, line_offset))
    return body


class _Walker:
    def __init__(self, *, source: str, line_offset: int, text: str) -> None:
        # the source lines: a paragraph's content has lost the spaces before it (a no-break one
        # too), which tell a pasted heading ('\u00a0## Sorotan') from text
        self.text_lines = text.split("\n")
        self.source = source
        self.offset = line_offset
        self.sections: list[Section] = []
        self.heading: tuple[str, int, int, bool] | None = None  # text, level, line, malformed
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.findings: list[Finding] = []
        # open containers, innermost last: "ul", "ol", "quote"
        self.containers: list[str] = []
        # each open container as Block.path names it, the items each open list has had, and
        # each open numbered list's number for its current item
        self.path: list[str] = []
        self.opened = 0
        self.items: list[int] = []
        self.numbers: list[int] = []
        self.in_comment = False  # inside an HTML comment that spans several blocks

    def line(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + self.offset + 1

    def walk(self, tokens: list[Token]) -> None:
        pending_heading: Token | None = None
        for index, token in enumerate(tokens):
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
                self.containers.append(
                    {"bullet_list_open": "ul", "ordered_list_open": "ol"}.get(kind, "quote")
                )
                self.opened += 1
                self.path.append(f"{self.containers[-1]}:{self.opened}")
                self.items.append(0)
                if kind == "ordered_list_open":
                    # markdown-it keeps a first number other than 1 as the list's start
                    self.numbers.append(int(token.attrs.get("start", 1)) - 1)
                if len(self.containers) > MAX_NESTING:
                    raise SeedError(
                        f"lists or quotes nested more than {MAX_NESTING} levels deep",
                        path=self.source, line=self.line(token),
                        hint="flatten the nesting; articles need two or three levels at most",
                    )
            elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
                self.containers.pop()
                self.path.pop()
                self.items.pop()
                if kind == "ordered_list_close":
                    self.numbers.pop()
                if kind == "blockquote_close" and tokens[index - 1].type == "blockquote_open":
                    self.findings.append(Finding(
                        path=self.source, line=self.line(tokens[index - 1]), severity="warning",
                        code="S110", message="empty block quote ('>' with no text)",
                    ))
            elif kind == "list_item_open":
                self.items[-1] += 1
                if self.containers[-1] == "ol":
                    self.numbers[-1] += 1
            elif kind == "heading_open":
                pending_heading = token
            elif kind == "inline" and pending_heading is not None and self.in_comment:
                self.is_comment(token.content)
                pending_heading = None
            elif kind == "inline" and pending_heading is not None and self.containers:
                # a heading inside a quote or a list item (`> ## Nota`, `- ### Langkah`) is
                # part of it, as every Markdown viewer shows it: a section of the article, it
                # was pulled out of the quote or list and the text after it ran on as if
                # under it
                self.add_block("heading", token.content.strip(), self.line(pending_heading),
                               token, level=int(pending_heading.tag[1:]))
                pending_heading = None
            elif kind == "inline" and pending_heading is not None:
                self.start_section(token.content.strip(), int(pending_heading.tag[1:]),
                                   self.line(pending_heading), malformed=False)
                self.collect_links(token)
                pending_heading = None
            elif kind == "inline" and tokens[index - 1].type == "paragraph_open":
                if not self.is_comment(token.content):
                    self.paragraph(token, self.line(tokens[index - 1]))
            elif kind in ("code_block", "fence") and not self.in_comment:
                # Code is not prose to translate, but it is part of the article (a formula, a
                # worked example): kept as a block that every reader shows as written.
                # its info string (```python) too: the site marks the code's language by it, and
                # show writes it back
                self.blocks.append(Block(
                    kind="code", text=token.content.removesuffix("\n"), line=self.line(token),
                    info=token.info.strip() if kind == "fence" else "", **self.place(),
                ))
            elif kind == "hr" and not self.in_comment:
                # a thematic break (`---`, `***`, `___`) parts the text as the author meant:
                # no message, but shown where it stands (it was dropped, and the two parts it
                # kept apart ran together on the site and in `show`)
                self.blocks.append(Block(
                    kind="rule", text=self.rule_text(token), line=self.line(token),
                    **self.place(),
                ))

    def rule_text(self, token: Token) -> str:
        """A thematic break as written (``- - -``), without the quote or list markers before it:
        its source line's last run of its marker character, spaces and tabs. (markdown-it-py's
        ``markup`` has one marker too many: ``----`` for ``---``.)"""
        index = token.map[0] if token.map else -1
        source = self.text_lines[index].rstrip() if 0 <= index < len(self.text_lines) else ""
        marker = token.markup[:1]
        start = len(source)
        while start > 0 and source[start - 1] in (marker, " ", "\t"):
            start -= 1
        return source[start:].strip() or token.markup[1:]

    def block_path(self) -> tuple[str, ...]:
        """:attr:`Block.path` of a block here: each open quote, each open list with its item."""
        if not self.path:
            return ()
        path = tuple(key if key.startswith("quote") else f"{key}:{item}"
                     for key, item in zip(self.path, self.items, strict=True))
        # one tuple for each path however many items have it: ("ul:1:1",) recurs in nearly every
        # article, and a tuple and a string per item held 50 MB more in a 30,000-term glossary
        # (the store's pickle and the termbase's rows keep the sharing)
        if len(_PATHS) < _PATHS_KEPT:
            return _PATHS.setdefault(path, path)
        return _PATHS.get(path, path)

    def is_comment(self, content: str) -> bool:
        """True for a block that is an HTML comment, or part of one spanning several blocks.

        Raw HTML is text here, but a comment (an editor's note, a link commented out) is
        invisible in every Markdown viewer: it is not a message, a link or a paragraph on the
        site, and ``render`` copies it as written. A block with text after the comment's end is
        kept whole, so no visible word is lost.
        """
        if not self.in_comment:
            if not content.startswith("<!--"):
                return False
            content = content[4:]
        end = content.find("-->")
        if end < 0:
            self.in_comment = True
            return True
        self.in_comment = False
        return not content[end + 3:].strip()

    def paragraph(self, inline: Token, line: int) -> None:
        content = inline.content
        index = line - self.offset - 1
        first = self.text_lines[index] if 0 <= index < len(self.text_lines) else content
        if self.containers:  # `>##Nota`, `- ##Nota`: the heading after the quote or item marks
            first = first[CONTAINER_PREFIX.match(first).end():]  # type: ignore[union-attr]
        match = _MALFORMED_HEADING.match(first.rstrip())
        # with no space at all, only a word makes a heading: `#1 dalam pasaran` (a rank) and
        # `#!`, `#:` are text, as every Markdown viewer shows them
        if match is not None and not match.group(3) and not match.group(4)[0].isalpha():
            match = None
        if match is not None:
            lead, hashes, space, heading = match.groups()
            level, heading = len(hashes), heading.strip()
            odd = next((c for c in lead + space if c not in " \t"), None)
            self.findings.append(Finding(
                path=self.source, line=line, severity="warning", code="S101",
                message=heading_without_space(match.group(0), level, heading, odd),
            ))
            if self.containers:
                # part of its quote or item, as `> ## Nota` written well is (a heading block):
                # the links of the lines are the block's after it, as a section's are
                self.blocks.append(Block(kind="heading", text=heading, line=line, links=(),
                                         level=level, **self.place()))
            else:
                self.start_section(heading, level, line, malformed=True)
            rest = content.split("\n", 1)[1] if "\n" in content else ""
            if rest.strip():
                self.add_block(self.kind(rest), rest, line + 1, inline)
            return
        emphasis = _EMPHASIS_LINE.match(content) if not self.containers else None
        if emphasis is not None and is_highlights_heading(content):
            heading = emphasis.group(2).rstrip(":").strip()
            self.findings.append(Finding(
                path=self.source, line=line, severity="warning", code="S101",
                message=f"heading {quoted(excerpt(content))} written as emphasised text; read "
                f"as the level-2 key-takeaways heading (write {quoted(excerpt('## ' + heading))})",
            ))
            self.start_section(heading, 2, line, malformed=True)
            return
        self.add_block(self.kind(content), content, line, inline)

    def kind(self, content: str) -> BlockKind:
        """The kind of a block of ``content`` here: a table, else by its innermost container."""
        if table_of(content) is not None:
            return "table"
        if not self.containers:
            return "paragraph"
        return "quote" if self.containers[-1] == "quote" else "item"

    def add_block(self, kind: BlockKind, content: str, line: int, inline: Token, *,
                  level: int = 0) -> None:
        links = self.collect_links(inline)
        self.blocks.append(Block(kind=kind, text=content, line=line, links=links, level=level,
                                 **self.place()))

    def place(self) -> dict[str, Any]:
        """Where a block here stands: its ``depth``, ``path``, and in a numbered list's item
        ``ordered`` and the item's ``number`` (whatever the block: an item that starts with a
        heading, code or a rule is numbered as one that starts with text)."""
        ordered = bool(self.containers) and self.containers[-1] == "ol"
        return {"depth": max(len(self.containers) - 1, 0), "path": self.block_path(),
                "ordered": ordered, "number": self.numbers[-1] if ordered else None}

    def collect_links(self, inline: Token) -> tuple[Link, ...]:
        content = inline.content
        if "[" not in content and "<" not in content:
            return ()  # no link or autolink can start without one (most blocks and headings)
        line = self.line(inline)
        self.broken_links(inline, line)
        found: list[Link] = []
        target: str | None = None
        start_line = line
        parts: list[str] = []
        for child in inline.children or ():
            if child.type in ("softbreak", "hardbreak"):
                line += 1
                if target is not None:
                    parts.append(" ")
            elif child.type == "link_open":
                target, start_line, parts = str(child.attrs.get("href", "")), line, []
            elif child.type == "link_close" and target is not None:
                # one space for any run of spaces, tabs or no-break spaces (pasted from Word or a
                # web page): `peniaga\u00a0broker` was a second message that looked the same in
                # Poedit as `peniaga broker`, and translating one left the other empty
                text = _SPACES.sub(" ", "".join(parts))
                # the destination as the author wrote it, not as Markdown percent-encodes it
                # (`/ação`, not `/a%C3%A7%C3%A3o`): it names the link in its msgctxt and in
                # check's messages
                written = readable_url(target)
                found.append(Link(
                    text=text, target=written.removeprefix("/"), line=start_line,
                    suspicious=suspicious_link_text(text), rooted=written.startswith("/"),
                ))
                target = None
            elif target is not None:
                parts.append(_inline_source(child))
        self.links.extend(found)
        return tuple(found)

    def broken_links(self, inline: Token, line: int) -> None:
        """S113 for link syntax CommonMark leaves as text (see ``_SPACED_LINK``,
        ``_LOST_REFERENCE`` and ``_REFUSED_LINK``)."""
        content = blanked(_CODE_SPAN, inline.content)
        texts = "".join(c.content for c in inline.children or () if c.type == "text")
        for match in spaced_links(content):
            self.findings.append(Finding(
                path=self.source, line=line + content.count("\n", 0, match.start()),
                severity="warning", code="S113", message=spaced_link_problem(match),
            ))
        for match in _LOST_REFERENCE.finditer(content):
            if match.group() not in texts:
                continue  # read as a link: its reference is defined
            self.findings.append(Finding(
                path=self.source, line=line + content.count("\n", 0, match.start()),
                severity="warning", code="S113",
                message=f"'{match.group()}' is not a link: no definition "
                f"'[{match.group(2)}]: ...' in the article; add one, or write "
                f"'[{match.group(1)}](/slug)'",
            ))

        for match in _OPEN_LINK.finditer(content) if "](" in texts else ():
            if match.group() not in texts or _REFUSED_LINK.match(content, match.start()):
                continue  # a link, or one Markdown refuses (said below)
            target = match.group(2) or "/slug"
            spaced = _SPACED_TARGET.match(content, match.end()) if match.group(2) else None
            if spaced is not None:
                # the words up to the `)` are the target's (`/Saham Biasa`): told to write
                # `/Saham`, the author linked another term; a slug's words join with hyphens
                target = "-".join([target, *spaced.group(1).split()])
            self.findings.append(Finding(
                path=self.source, line=line + content.count("\n", 0, match.start()),
                severity="warning", code="S113",
                message=f"'{match.group()}' is not a link: no ')' closes its target (a "
                f"target holds no space); write '[{match.group(1)}]({target})'",
            ))
        for match in _REFUSED_LINK.finditer(content):
            if match.group() not in texts:
                continue
            self.findings.append(Finding(
                path=self.source, line=line + content.count("\n", 0, match.start()),
                severity="warning", code="S113",
                message=f"'[{match.group(1)}](...)' is not a link: Markdown refuses "
                f"'{match.group(2)}' addresses; link a glossary term as '/slug', a web page as "
                "'https://...'",
            ))

    def start_section(self, heading: str, level: int, line: int, *, malformed: bool) -> None:
        self.close_section()
        self.heading = (heading, level, line, malformed)

    def close_section(self) -> None:
        if self.heading is not None:
            text, level, line, malformed = self.heading
            self.sections.append(Section(heading=text, level=level, line=line,
                                         blocks=tuple(self.blocks), malformed=malformed))
        elif self.blocks:
            self.sections.append(Section(heading="", level=0, line=self.blocks[0].line,
                                         blocks=tuple(self.blocks)))
        self.heading = None
        self.blocks = []

    def finish(self) -> Body:
        self.close_section()
        return Body(sections=tuple(self.sections), links=tuple(self.links),
                    findings=tuple(self.findings))


def _inline_source(token: Token) -> str:
    # Link text keeps its inline markup (`*kata*`, `` `kod` ``), as the author wrote it, an
    # image too (`[![ikon](/ikon.png)](/premium)` was a link with the text '', and the image
    # before a word was dropped from it)
    if token.type == "text":
        return token.content
    if token.type == "code_inline":
        return token.markup + token.content + token.markup
    if token.type == "image":
        alt = "".join(_inline_source(child) for child in token.children or ())
        title = token.attrs.get("title")
        quoted = ' "' + str(title).replace('"', '\\"') + '"' if title else ""
        return f"![{alt}]({token.attrs.get('src', '')}{quoted})"
    return token.markup


_PLAIN_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")


def plain_text(markdown: str) -> str:
    """Inline Markdown as the search index reads it: link targets and reference labels
    dropped, the text kept (a label names a definition, as a target names a page: ``ua`` in
    ``[unit amanah][ua]`` is no word of the article), and emphasis, strong emphasis and code
    as a reader sees them, without their marks (a snippet showed ``…hidup** melindungi…``);
    HTML and character references as written, for :func:`glossari.termbase.search.index_text`.
    ``markdown`` is one block (a paragraph, a heading, a definition): its marks pair across its
    lines, as CommonMark pairs them (``**pasaran⏎modal**``); a section's blocks are each read
    on their own (:func:`_section_text`), so no mark pairs with one in another block.

    >>> plain_text("Lihat [peniaga broker](/broker-dealer) dan **bon**.")
    'Lihat peniaga broker dan bon.'
    >>> plain_text("Lihat [unit amanah][ua], [bon][] dan [saham].")
    'Lihat unit amanah, bon dan [saham].'
    >>> plain_text("*Saham* 2 * 3 `kod_x`, snake_case &amp; __hibah__")
    'Saham 2 * 3 kod_x, snake_case &amp; hibah'
    >>> plain_text("Dalam **pasaran\\nmodal**, _dana\\nlindung_ nilai")
    'Dalam pasaran\\nmodal, dana\\nlindung nilai'
    """
    text = _PLAIN_LINK.sub(r"\1", markdown) if "[" in markdown else markdown
    if "*" not in text and "_" not in text and "`" not in text:
        return text
    pieces: list[str] = []
    for token in _inline_parser().parseInline(text)[0].children or ():
        if token.type == "text_special":
            # an escape as the character it escapes; a character reference as written
            pieces.append(token.markup if token.info == "entity" else token.content)
        elif token.type in ("text", "code_inline", "html_inline"):
            pieces.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append("\n")
    return "".join(pieces)


@cache
def _inline_parser() -> MarkdownIt:
    """markdown-it-py's CommonMark parser, its escapes and references kept apart
    (``text_join`` off) so that :func:`plain_text` keeps a reference as written."""
    parser = MarkdownIt("commonmark")
    parser.disable("text_join")
    return parser
