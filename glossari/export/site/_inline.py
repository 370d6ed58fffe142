"""Inline Markdown to HTML for the site: markdown-it-py (CommonMark), links rewritten, raw HTML
shown as text but for the formatting tags a publisher means.

A body block, a heading or a takeaway is inline Markdown (``[peniaga broker](/broker-dealer)``).
markdown-it-py reads its raw HTML tag by tag; a formatting tag written with no attribute
(``<sup>``, ``<br>``, ``<b>``: :data:`SAFE_TAGS`) is kept, balanced inside the Markdown element
it opens in, and every other tag is text, so ``<script>`` or ``<b onclick=...>`` in an article
stays text (:func:`glossari.seeds.markdown.safe_tag`, the rule ``check`` S117 reports by).
A link to another glossary term becomes a relative link to that term's page (the site must work
from ``file://``, where ``/broker-dealer`` would lead to the root of the disk); a link whose target
has no page is rendered as its text, so the site never has a broken internal link. Outside links
(``https://...``) stay as written (``//host/x``, which would lead to ``file://host/x`` from
the disk, as ``https://host/x``); markdown-it-py already refuses ``javascript:`` and the like.
An anchor or a query alone (``[bahagian](#sejarah)``) is rendered as its text: a term page has
no such ids, and the site has no broken link.
An image shows as its alt text: the site fetches nothing from elsewhere.
A reference link (``[hasil]``, ``[kos jualan][]``, ``[margin][m]``) leads where the article's
reference definitions (:attr:`glossari.model.Term.definitions`, ``[hasil]: /revenue``) say, as
it does in the article and in ``render``'s English: a block is parsed alone, so they are handed
to the parser; without them the brackets are text.

Most blocks are plain prose. For a text holding none of the characters that CommonMark reads as
inline syntax, the result is the text HTML-escaped exactly as markdown-it-py escapes it, so that
path skips the parser (a property test holds the two equal).

>>> render_inline("Teks *penting*<sup>2</sup> <b onclick=x>", lambda target: None)
'Teks <em>penting</em><sup>2</sup> &lt;b onclick=x&gt;'
>>> render_inline("[peniaga broker](/broker-dealer)", {"broker-dealer": "broker-dealer.html"}.get)
'<a href="broker-dealer.html">peniaga broker</a>'
>>> render_inline("[tiada](/nowhere) teks", lambda target: None)
'<span class="nolink">tiada</span> teks'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from glossari.model import has_scheme, is_internal_target
from glossari.seeds.markdown import FOOTNOTE_REFERENCE, VOID_TAGS, safe_tag
from glossari.text import has_visible_text, readable_url, strip_controls

__all__ = ["Resolver", "escape_text", "is_internal", "render_inline"]

Resolver = Callable[[str], "str | None"]
"""Link target (as written, without its leading ``/``) to a relative page address, or None."""

# Every character that can start inline syntax in CommonMark (emphasis, code, links, images,
# autolinks, entities, escapes, hard breaks) or that markdown-it-py rewrites (NUL, line breaks).
# Parentheses are not among them: outside a link's destination they are text.
_SYNTAX = re.compile(r"[\\`*_\[\]!<>&~\n\r\x00]|^\s|\s$")


def escape_text(text: str) -> str:
    """``text`` escaped as markdown-it-py escapes text (``&``, ``<``, ``>``, ``"``; not ``'``).

    >>> escape_text('a "b" & <c>'), escape_text("'")
    ('a &quot;b&quot; &amp; &lt;c&gt;', "'")
    """
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def is_internal(target: str) -> bool:
    """True for a link to another glossary term (``/slug``), as :class:`glossari.Link` decides
    (:func:`glossari.model.is_internal_target`, on the target as the reader keeps it).

    >>> is_internal("/finra"), is_internal("https://finra.org"), is_internal("#top")
    (True, False, False)
    >>> is_internal("//finra.org"), is_internal("tel:+603")
    (False, False)
    """
    return is_internal_target(target.removeprefix("/"))


# Plain text with plain links to glossary slugs (``[peniaga broker](/broker-dealer)``): the shape
# of most blocks that hold a link. Link text and target hold no syntax character, so the parse is
# certain; anything else goes to markdown-it-py.
_PLAIN = r"[^\\`*_\[\]!<>&~\n\r\x00]"
# (``//host/x`` is no slug but an outside address without its scheme: the parser's)
_SIMPLE = re.compile(rf"(?:{_PLAIN}|\[{_PLAIN}+\]\(/[A-Za-z0-9._-][A-Za-z0-9._/-]*\))*")
_SIMPLE_LINK = re.compile(rf"\[({_PLAIN}+)\]\(/([A-Za-z0-9._-][A-Za-z0-9._/-]*)\)")


def render_inline(text: str, resolve: Resolver, *, parser_only: bool = False,
                  definitions: str = "", footnotes: Mapping[str, int] | None = None,
                  anchor: str = "fn") -> str:
    """The HTML of one inline Markdown text; internal links go where ``resolve`` says.

    ``definitions``: the article's reference definitions, one per line
    (:attr:`glossari.model.Term.definitions`), by which its reference links are links.
    ``parser_only`` skips the shortcuts for plain text and plain links (the tests compare the
    two). ``footnotes``: the number of each footnote label the article defines
    (:func:`glossari.seeds.markdown.footnote_numbers`), by which a reference ``[^1]`` is a
    link to the note ``#ANCHOR-NUMBER``; a reference to no note stays text.

    >>> render_inline("Lihat [bon][b].", {"bon": "bon.html"}.get, definitions="[b]: /bon")
    'Lihat <a href="bon.html">bon</a>.'
    >>> render_inline("Kadar[^k] dan [^x].", lambda target: None, footnotes={"k": 1},
    ...               anchor="fn-ms")
    'Kadar<sup class="fnref"><a href="#fn-ms-1">1</a></sup> dan [^x].'
    """
    text = strip_controls(text)
    if not parser_only and not text[:1].isspace() and not text[-1:].isspace():
        if _SYNTAX.search(text) is None:
            return escape_text(text)
        if _SIMPLE.fullmatch(text):  # no bracket but a plain link's: no reference link either
            return _simple(text, resolve)
    env: dict[str, Any] = {"resolve": resolve}
    if definitions and "[" in text:
        env["references"] = dict(_references(definitions))
    if footnotes and "[^" in text:
        env["footnotes"], env["footnote_anchor"] = footnotes, anchor
    parser = _parser()
    tokens = parser.parseInline(text, env)
    if "<" in text:
        for token in tokens:
            token.children = _kept_tags(token.children or [])
    return str(parser.renderer.render(tokens, parser.options, env))


@lru_cache(maxsize=1024)
def _references(definitions: str) -> dict[str, Any]:
    """The reference definitions as markdown-it-py's inline parser looks them up."""
    env: dict[str, Any] = {}
    _parser().parse(strip_controls(definitions), env)
    references: dict[str, Any] = env.get("references", {})
    return references


def _simple(text: str, resolve: Resolver) -> str:
    out: list[str] = []
    at = 0
    for match in _SIMPLE_LINK.finditer(text):
        out.append(escape_text(text[at:match.start()]))
        label = escape_text(match.group(1))
        page = resolve(match.group(2))
        if page is None or not has_visible_text(label):  # no empty link (as _link_open)
            out.append(f'<span class="nolink">{label}</span>')
        else:
            out.append(f'<a href="{escape_text(page)}">{label}</a>')
        at = match.end()
    out.append(escape_text(text[at:]))
    return "".join(out)


def _kept_tags(children: list[Token]) -> list[Token]:
    """The inline tokens with each raw HTML tag kept (balanced) or made text, by
    :func:`glossari.seeds.markdown.safe_tag`, and each HTML comment (``<!-- semak -->``) left
    out, as every Markdown viewer hides it (the reader leaves out a block that is a comment
    whole: ``Parser.is_comment``).

    Every tag kept is closed inside the Markdown element it opens in (a link, emphasis): a
    ``<b>`` left open would run on into the rest of the page, and one closed outside its link
    (``[<b>a](/x)</b>``) would nest wrongly. A closing tag that closes nothing open is text.
    """
    out: list[Token] = []
    stack: list[str | None] = []  # the open tags; None where a Markdown element opens

    def close_to_barrier() -> None:
        while stack and stack[-1] is not None:
            out.append(_html(f"</{stack.pop()}>"))

    for token in children:
        if token.type == "html_inline":
            if token.content.startswith("<!--"):
                continue  # a comment (an editor's note): shown by no Markdown viewer
            kept = safe_tag(token.content)
            if kept is None:
                out.append(_text(token.content))
                continue
            name, closing = kept
            if name in VOID_TAGS:
                out.append(_html(f"<{name}>"))
            elif not closing:
                stack.append(name)
                out.append(_html(f"<{name}>"))
            elif name in stack[_barrier(stack):]:
                while stack[-1] != name:
                    out.append(_html(f"</{stack.pop()}>"))  # `<b><i>a</b>`: `<i>` ends too
                stack.pop()
                out.append(_html(f"</{name}>"))
            else:
                out.append(_text(token.content))
            continue
        if token.nesting == -1:
            close_to_barrier()
            if stack:
                stack.pop()
        out.append(token)
        if token.nesting == 1:
            stack.append(None)
    close_to_barrier()
    return out


def _barrier(stack: list[str | None]) -> int:
    """Where the tags opened inside the innermost open Markdown element start in ``stack``."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index] is None:
            return index + 1
    return 0


def _html(content: str) -> Token:
    return Token("html_inline", "", 0, content=content)


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


@cache
def _parser() -> MarkdownIt:
    # raw HTML is read, so that its tags are tokens; _kept_tags keeps the safe ones and makes
    # every other tag text, escaped as it was with raw HTML off
    md = MarkdownIt("commonmark", {"html": True})
    md.inline.ruler.before("link", "footnote_ref", _footnote_ref)
    md.add_render_rule("footnote_ref", _render_footnote_ref)
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    md.add_render_rule("image", _image)
    return md


def _footnote_ref(state: StateInline, silent: bool) -> bool:
    """``[^label]`` of a footnote the article defines (``env["footnotes"]``), read as its
    reference, before a link could read it (as markdown-it-py's footnote plugin reads it; the
    labels and numbers are :func:`glossari.seeds.markdown.footnote_numbers`')."""
    numbers = state.env.get("footnotes")
    if not numbers or not state.src.startswith("[^", state.pos):
        return False
    match = FOOTNOTE_REFERENCE.match(state.src, state.pos)
    if match is None or match.group(1) not in numbers:
        return False
    if not silent:
        token = state.push("footnote_ref", "", 0)
        token.meta["number"] = numbers[match.group(1)]
    state.pos = match.end()
    return True


def _render_footnote_ref(self: Any, tokens: Sequence[Token], idx: int, options: Any,
                         env: Any) -> str:
    number = int(tokens[idx].meta["number"])
    return (f'<sup class="fnref"><a href="#{escape_text(env["footnote_anchor"])}-{number}">'
            f"{number}</a></sup>")


def _image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    # The site loads nothing from elsewhere (its CSP forbids it): an image shows as its alt text.
    return escape_text(self.renderInlineAsText(tokens[idx].children or [], options, env))


def _target(href: str) -> str:
    # markdown-it-py percent-encodes the destination; read back by the model's own rule
    # (glossari.text.readable_url, Link.target): fully unquoted, /bon%20kerajaan was not the
    # target the page's links were resolved under, and [Saham](/bon%20kerajaan), which goes
    # where its Malay text says, led to the article bon-kerajaan
    return readable_url(href).lstrip("/")


def _has_text(tokens: Sequence[Token], idx: int) -> bool:
    """True when the link opened at ``idx`` shows some text (an image shows its alt text)."""
    depth = 0
    for token in tokens[idx + 1:]:
        if token.type == "link_close":
            if depth == 0:
                return False
            depth -= 1
        elif token.type == "link_open":
            depth += 1
        elif token.type in ("text", "code_inline", "image"):
            shown = token.content if token.type != "image" else "".join(
                child.content for child in token.children or ())  # an image: its alt text
            if has_visible_text(shown):  # a zero-width space shows nothing either
                return True
    return False


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    href = str(token.attrGet("href") or "")
    if not _has_text(tokens, idx):
        # nothing to read (`[](/slug)`): an empty link has no name for a screen reader, and
        # nothing to click
        token.meta["nolink"] = True
        return '<span class="nolink">'
    if not is_internal(href) and href.strip("/"):
        if href.startswith("//"):  # no scheme: from file:// it would lead to file://host/...
            href = "https:" + href
            token.attrSet("href", href)
        if has_scheme(href):  # an address with a scheme: the only outside links kept
            token.attrSet("rel", "external")
            return str(self.renderToken(tokens, idx, options, env))
        # `#bahagian`, `?q=...`, `/#x`: an anchor or a query of the article's own page, which
        # the term page does not have (its headings carry no such ids): its text
        token.meta["nolink"] = True
        return '<span class="nolink">'
    resolve: Resolver = env["resolve"]
    page = resolve(_target(href)) if href.strip("/") else None  # `[teks]()` leads nowhere
    if page is None:
        token.meta["nolink"] = True
        return '<span class="nolink">'
    token.attrSet("href", page)
    return str(self.renderToken(tokens, idx, options, env))


def _link_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    depth = 0
    for i in range(idx - 1, -1, -1):  # the matching link_open (links do not nest, but be sure)
        kind = tokens[i].type
        if kind == "link_close":
            depth += 1
        elif kind == "link_open":
            if depth == 0:
                return "</span>" if tokens[i].meta.get("nolink") else "</a>"
            depth -= 1
    return "</a>"
