"""Which parts of a term are messages, and how each is keyed in the catalogs.

This is the one place that decides the catalog layout; extraction, alignment, rendering, tables and
checks all ask it, so they always agree.

Layout (documented for translators in docs/catalogs.md):

- Domain ``glossary``: the termbase. Per article: the headword (msgctxt = term id, so two terms
  with one Malay headword stay apart), the definition and each category. Per internal link: the
  link text (msgctxt = ``/`` + target slug), so translators confirm every link pair. At 30,000
  articles this is about 100,000 short messages in one file: one Weblate component, one Poedit file.
- Domains ``articles-a`` ... ``articles-z`` and ``articles-0`` (ids not starting with a letter): the
  article bodies, sharded by the first letter of the term id, so no file grows past a few tens of
  thousands of messages. Body messages carry no msgctxt: identical text (``Sorotan``) is one
  message with several references.

A level-1 heading that repeats the headword is not a message of its own: the headword is.

>>> from glossari.model import Location, Term
>>> t = Term(id="kos", title="Kos", description="Harga.", categories=("A", "B"),
...          source=Location(path="seeds/kos.md", line=1))
>>> [(m.domain, m.context, m.msgid, m.part) for m in iter_messages(t)]
[('glossary', 'kos', 'Kos', 'headword'), ('glossary', None, 'Harga.', 'definition'), \
('glossary', None, 'A', 'category'), ('glossary', None, 'B', 'category')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, cast

from glossari.model import Block, Location, Term
from glossari.seeds.folder import id_letter
from glossari.seeds.markdown import definition_titles
from glossari.seeds.rules import is_highlights_heading
from glossari.text import APOSTROPHES, DOUBLE_QUOTES

__all__ = [
    "GLOSSARY_DOMAIN",
    "Message",
    "Part",
    "article_domain",
    "block_part",
    "is_block_message",
    "is_category_message",
    "is_headword_heading",
    "is_link_context",
    "iter_messages",
    "judged_as_block",
    "link_context",
    "normalize_heading",
    "part_comment",
]

GLOSSARY_DOMAIN = "glossary"
"""The domain of headwords, definitions, categories and link terms."""

Part = Literal[
    "headword", "definition", "category", "link", "heading", "paragraph", "item", "quote",
    "table", "highlight", "title",
]
"""Which part of a term a message is; ``highlight`` is a key takeaway (Sorotan item),
``title`` a reference definition's title (``[b]: /bon "Bon korporat"``: a link's tooltip)."""



@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """One translatable text of one term, keyed as it appears in a catalog."""

    domain: str
    """The catalog domain (file name without ``.pot``/``.po``)."""
    context: str | None
    """msgctxt: the term id for a headword, ``/slug`` for a link term, else None."""
    msgid: str
    """The Malay source text, inline Markdown included."""
    term: str
    """The id of the term it belongs to."""
    part: Part
    """Which part of the term it is."""
    location: Location = field(compare=False)
    """Where the text is in the article."""

    @property
    def key(self) -> tuple[str | None, str]:
        """``(msgctxt, msgid)``: the message's identity inside its domain."""
        return (self.context, self.msgid)


def article_domain(term_id: str) -> str:
    """The body domain of a term: ``articles-`` plus the id's first letter, or ``articles-0``.

    >>> article_domain("accountexecutive"), article_domain("401k"), article_domain("Ébène")
    ('articles-a', 'articles-0', 'articles-0')
    """
    return f"articles-{id_letter(term_id)}"


def link_context(target: str) -> str:
    """The msgctxt of a link term: its target slug with the leading ``/``.

    >>> link_context("broker-dealer")
    '/broker-dealer'
    """
    return "/" + target


def is_link_context(context: str | None) -> bool:
    """Whether ``context`` is a link term's msgctxt (:func:`link_context`), not a headword's
    (the term id) or none.

    >>> is_link_context("/broker-dealer"), is_link_context("broker-dealer"), is_link_context(None)
    (True, False, False)
    """
    return context is not None and context.startswith("/")


# a typographic apostrophe or quote and the straight one a keyboard types are one character to a
# reader: Word or a phone's keyboard curls the `'` of `Tabarru'` (U+2019) as it is typed
# (every apostrophe of glossari.text.APOSTROPHES, the one rule the recogniser and the site read,
# and every double quote of glossari.text.DOUBLE_QUOTES, the one rule search reads a phrase by)
_QUOTES = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(DOUBLE_QUOTES, '"')})


def normalize_heading(text: str) -> str:
    """A heading for comparison: case and surrounding space ignored, and a typographic
    apostrophe or quote read as the straight one (``Tabarru\u2019`` is ``Tabarru'``).

    >>> normalize_heading("  Sorotan "), normalize_heading("Tabarru\u2019") == "tabarru'"
    ('sorotan', True)
    """
    return " ".join(text.split()).translate(_QUOTES).casefold()


def is_headword_heading(heading: str, level: int, title: str | None) -> bool:
    """True for a level-1 heading that repeats the headword: not a message of its own (the
    headword's message stands for it). The one home of the rule: extraction, alignment, the
    English side, rendering and the checks ask it.

    >>> is_headword_heading("Kos  jualan", 1, "kos jualan"), is_headword_heading("Kos", 2, "Kos")
    (True, False)
    """
    return level == 1 and normalize_heading(heading) == normalize_heading(title or "")


def block_part(block: Block, *, highlights: bool = False) -> Part:
    """The part a translatable body block is as a message: ``heading`` for a heading inside a
    quote or an item (a heading's message, judged as a section's heading is: not a block,
    :func:`is_block_message`), ``highlight`` for any other block of the key takeaways, else
    its kind.

    >>> from glossari.model import Block
    >>> [block_part(Block(kind=k, text="x", line=1, level=3 if k == "heading" else 0),
    ...             highlights=h)
    ...  for k, h in (("heading", True), ("item", True), ("quote", False))]
    ['heading', 'highlight', 'quote']
    """
    if block.kind == "heading":
        return "heading"
    # every translatable kind is a Part (code and rules, which are not, are no message)
    return "highlight" if highlights else cast(Part, block.kind)


def judged_as_block(block: Block) -> bool:
    """The ``block`` argument of :func:`glossari.catalog.usable.unusable_translation` for a
    body block's message, as :func:`is_block_message` tells it from the catalog: False for a
    heading inside a quote or an item (its translation goes on its heading's line), True for
    every other block (on lines of its own)."""
    return block_part(block) != "heading"


def is_block_message(domain: str, comments: Iterable[str]) -> bool:
    """True for a catalog entry that is a body block (paragraph, item, quote, table,
    highlight), told by its ``#.`` part comments: ``render`` puts a block's translation on
    lines of its own, so a line of it must not start Markdown block syntax. A heading, a
    definition's title or a ``glossary`` message is not a block.

    >>> is_block_message("articles-k", ["paragraph of kos"]), is_block_message(
    ...     "articles-k", ["heading of kos"]), is_block_message("glossary", ["headword of kos"])
    (True, False, False)
    """
    return domain != GLOSSARY_DOMAIN and any(
        not comment.startswith(("heading of", "title of")) for comment in comments)


def is_category_message(domain: str, comments: Iterable[str]) -> bool:
    """True for a catalog entry that is a term's category, told by its ``#.`` part comments
    (:func:`part_comment`): ``render`` writes its translation into the article's ``keywords``,
    where a comma would make two categories (:func:`glossari.catalog.usable.
    unusable_translation`).

    >>> is_category_message("glossary", ["category of kos"]), is_category_message(
    ...     "glossary", ["description of kos"])
    (True, False)
    """
    return domain == GLOSSARY_DOMAIN and any(
        comment.startswith("category of ") for comment in comments)


def part_comment(part: str, term: str) -> str:
    """The ``#.`` comment saying which part of which term a message is.

    >>> part_comment("headword", "kos")
    'headword of kos'
    """
    return f"{part} of {term}"


def iter_messages(term: Term) -> Iterator[Message]:
    """Every message of one article term, in source order within each domain.

    Link-only terms have no messages of their own: their link texts are messages of the articles
    that link to them.
    """
    path = term.source.path

    def at(line: int) -> Location:
        return Location(path=path, line=line)

    if term.title is not None:
        yield Message(domain=GLOSSARY_DOMAIN, context=term.id, msgid=term.title, term=term.id,
                      part="headword", location=at(term.title_line or term.source.line))
    if term.description:
        yield Message(domain=GLOSSARY_DOMAIN, context=None, msgid=term.description, term=term.id,
                      part="definition", location=at(term.description_line or term.source.line))
    for category in term.categories:
        yield Message(domain=GLOSSARY_DOMAIN, context=None, msgid=category, term=term.id,
                      part="category", location=at(term.categories_line or term.source.line))
    for link in term.links:
        if link.internal and link.text.strip():
            yield Message(domain=GLOSSARY_DOMAIN, context=link_context(link.target),
                          msgid=link.text, term=term.id, part="link", location=at(link.line))

    body = article_domain(term.id)
    for section in term.sections:
        in_highlights = is_highlights_heading(section.heading)
        if section.heading and not is_headword_heading(section.heading, section.level,
                                                       term.title):
            yield Message(domain=body, context=None, msgid=section.heading, term=term.id,
                          part="heading", location=at(section.line))
        for block in section.blocks:
            if not block.translatable:
                continue
            part = block_part(block, highlights=in_highlights)
            yield Message(domain=body, context=None, msgid=block.text, term=term.id,
                          part=part, location=at(block.line))
    # a reference definition's title (`[b]: /bon "Bon korporat"`), a link's tooltip
    for index, title in definition_titles(term.definitions):
        line = term.definition_lines[index] if index < len(term.definition_lines) else 0
        yield Message(domain=body, context=None, msgid=title, term=term.id, part="title",
                      location=at(line or term.source.line))
