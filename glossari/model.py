"""The glossary's values: frozen, typed, and ignorant of files.

Every value here is a ``@dataclass(frozen=True, slots=True, kw_only=True)``: change one with
:func:`dataclasses.replace`, never by assignment. Source locations never take part in equality
(``field(compare=False)``), so the same article read from another folder is the same ``Term``.
Each class checks its fields when a value is made (or copied with ``replace``), one rule a field:
a wrong type (a list where a tuple is due, ``None`` for a heading) raises :class:`TypeError`, a
value out of range (a heading's level of 9, a block kind nobody reads) :class:`ValueError`
(:class:`glossari.errors.InputError`), each naming the field (``Names.aliases``).

>>> loc = Location(path="seeds/x.md", line=3)
>>> str(loc)
'seeds/x.md:3'
>>> Block(kind="paragraph", text="Teks.", line=3) == Block(kind="paragraph", text="Teks.", line=9)
True
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args

from glossari.diagnostics import Finding

__all__ = [
    "Block",
    "BlockKind",
    "English",
    "Link",
    "Location",
    "Names",
    "Section",
    "Status",
    "Term",
    "TermKind",
]

BlockKind = Literal["paragraph", "item", "quote", "table", "code", "rule", "heading"]
"""What a body block is: a paragraph, a list item, a block quote's paragraph, a table, code, a
thematic break or a heading inside a quote or a list item (see :attr:`Block.kind`)."""

Status = Literal["translated", "fuzzy", "suggested", "untranslated"]
"""How far a term's English headword can be trusted.

``translated``: a translator gave it. ``fuzzy``: a translator gave it for an older source text.
``suggested``: derived from a link slug, never confirmed. ``untranslated``: nothing yet.
"""

TermKind = Literal["article", "link"]
"""``article``: the term has its own article. ``link``: known only as the target of a link."""

_T = TypeVar("_T")
_COPIERS: dict[tuple[type, tuple[str, ...]], Callable[..., Any]] = {}
_UNCHECKED: dict[tuple[type, tuple[str, ...]], Callable[..., Any]] = {}
""":func:`reassembled`'s copiers, apart: :func:`replaced` must never find one of a checked class."""


def replaced(value: _T, /, **changes: Any) -> _T:
    """``dataclasses.replace(value, **changes)``: a copy of a model value with ``changes``, built
    by setting its slots from a function made once for its class and the fields changed, in a
    fifth of the time (``replace`` looks every field up again and goes through ``__init__``,
    whose frozen class sets each field through ``object.__setattr__``). The English side of
    every term copies each translated block and section so (245,000 of them at 10,000
    articles). The copy of a class with a ``__post_init__`` (every model class: each checks its
    fields) is checked by it, as ``replace`` would: a wrong type is refused here, not stored. Not
    part of the documented API (``__all__``): a reader of the model changes a value with
    ``replace``.

    >>> block = Block(kind="paragraph", text="Saham-saham.", line=4, depth=1)
    >>> replaced(block, text="Shares.")
    Block(kind='paragraph', text='Shares.', line=4, depth=1, ordered=False, number=None, \
path=(), links=(), level=0, info='')
    """
    cls = type(value)
    names = tuple(changes)
    copier = _COPIERS.get((cls, names))
    if copier is None:
        if not hasattr(cls, "__slots__"):
            return dataclasses.replace(value, **changes)  # type: ignore[type-var]
        copier = _COPIERS[cls, names] = _copier(cls, names, checked=True)
    return copier(value, *changes.values())  # type: ignore[no-any-return]


def reassembled(value: _T, /, **changes: Any) -> _T:
    """:func:`replaced` without the class's check (``__post_init__``), for a change made of
    values already checked: a Term's own sections cut down (:func:`glossari.align.compose.
    outline`), the names composing gave the same article (:class:`glossari.termbase.bodies.
    Bodies`). ``dataclasses.replace`` of a Term checks every field again (each block of its
    sections): a third of outlining 10,000 articles. Not part of the documented API.

    >>> term = Term(id="kos", title="Kos", source=Location(path="seeds/kos.md", line=1))
    >>> reassembled(term, title="Kos-kos").title
    'Kos-kos'
    """
    cls = type(value)
    names = tuple(changes)
    copier = _UNCHECKED.get((cls, names))
    if copier is None:
        if not hasattr(cls, "__slots__"):
            return dataclasses.replace(value, **changes)  # type: ignore[type-var]
        copier = _UNCHECKED[cls, names] = _copier(cls, names)
    return copier(value, *changes.values())  # type: ignore[no-any-return]


def _copier(cls: type, names: tuple[str, ...], *, checked: bool = False) -> Callable[..., Any]:
    """A function copying a ``cls`` with the fields ``names`` given; ``checked``: the copy then
    goes through the class's ``__post_init__`` (its check), as ``dataclasses.replace`` would."""
    fields = dataclasses.fields(cls)
    known = {f.name for f in fields if f.init}
    for name in names:
        if name not in known:
            raise TypeError(f"{cls.__name__} has no field {name!r} to replace")
    check = getattr(cls, "__post_init__", None) if checked else None
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls, "check": check}
    lines = []
    for number, f in enumerate(fields):
        scope[f"s{number}"] = getattr(cls, f.name).__set__
        given = f"v{names.index(f.name)}" if f.name in names else f"old.{f.name}"
        lines.append(f"    s{number}(o, {given})\n")
    params = "".join(f", v{number}" for number in range(len(names)))
    if check is not None:
        lines.append("    check(o)\n")
    exec(f"def copy(old{params}):\n    o = new(cls)\n{''.join(lines)}    return o\n", scope)
    return scope["copy"]  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """A place in a source file, for diagnostics: ``str()`` gives ``path:line``.

    >>> import glossari
    >>> source = glossari.load().lookup("eksekutif akaun").source
    >>> source.path, source.line, str(source)
    ('seeds/accountexecutive.md', 1, 'seeds/accountexecutive.md:1')
    """

    path: str
    """The file's path as glossari names it in messages (POSIX separators)."""
    line: int
    """1-based line number."""

    def __post_init__(self) -> None:
        # one rule a field, as Term's (a developer's mistake said where it is made)
        _check_text("Location.path", self.path)
        _check_line("Location.line", self.line)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """An inline link: ``[peniaga broker](/broker-dealer)``.

    >>> import glossari
    >>> glossari.load().lookup("eksekutif akaun").links[1]
    Link(text='peniaga broker', target='broker-dealer', line=24, suspicious=None, rooted=True)
    """

    text: str
    """The link text as written (Malay), inline Markdown included."""
    target: str
    """The target slug without its leading ``/`` (``broker-dealer``), or an outside URL, as
    the author wrote it: Markdown's percent-escapes of characters beyond ASCII are read
    (``ação`` for ``/ação``, :func:`glossari.text.readable_url`), those of ASCII ones kept
    (``pelaburan%20asing``)."""
    line: int = field(compare=False)
    """1-based source line of the link."""
    suspicious: str | None = None
    """Why the link text is not to be trusted as a headword (``None`` when it looks sound)."""
    rooted: bool = field(default=True, compare=False)
    """Whether the author wrote the target with its leading ``/`` (``/policy``), as a glossary
    link is written; False for ``policy.md``, ``../bnm`` or ``https://...`` (see
    :attr:`written`)."""

    def __post_init__(self) -> None:
        _check_text("Link.text", self.text)
        _check_text("Link.target", self.target)
        _check_line("Link.line", self.line)
        _check_text("Link.suspicious", self.suspicious, optional=True)
        _check_flag("Link.rooted", self.rooted)

    @property
    def written(self) -> str:
        """The target as the author wrote it, its leading ``/`` given back only where it was
        written: ``/broker-dealer``, ``../bnm``, ``policy.md``, ``https://finra.org``.

        >>> Link(text="a", target="b", line=1).written, Link(text="a", target="../b", line=1,
        ...                                                   rooted=False).written
        ('/b', '../b')
        """
        return "/" + self.target if self.rooted else self.target

    @property
    def internal(self) -> bool:
        """True when the link points to another glossary term (a ``/slug`` target); see
        :func:`is_internal_target`."""
        return is_internal_target(self.target)


# A URI scheme (RFC 3986): `https:`, `mailto:`, `tel:`, in any case
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_internal_target(target: str) -> bool:
    """True when a link target, as :attr:`Link.target` keeps it (its one leading ``/`` removed:
    ``broker-dealer`` for ``/broker-dealer``), names a glossary term. The one rule for the
    reader, the names, the checks, the tables and the site.

    An address with a scheme (``https://``, ``mailto:``, ``tel:``), a protocol-relative one
    (``//host/x``, kept as ``/host/x``), an anchor, a query alone or nothing at all leads out of
    the glossary.

    >>> [is_internal_target(t) for t in ("finra", "kos-jualan#sejarah", "terms/b/bon.asp")]
    [True, True, True]
    >>> [is_internal_target(t) for t in ("https://finra.org", "/finra.org", "#top", "tel:+603",
    ...                                  "MAILTO:a@b.my", "?q=x", "")]
    [False, False, False, False, False, False, False]
    """
    return bool(target) and not target.startswith(("/", "#", "?")) and not has_scheme(target)


def has_scheme(target: str) -> bool:
    """Whether a link target starts with a URI scheme (RFC 3986: ``https:``, ``mailto:``,
    ``tel:``, in any case): an address outside the glossary, by the one rule of
    :func:`is_internal_target` and of the site's outside links.

    >>> has_scheme("https://finra.org"), has_scheme("MAILTO:a@b.my"), has_scheme("/finra")
    (True, True, False)
    """
    return _SCHEME.match(target) is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One block of an article body: prose to translate, or code to copy.

    >>> import glossari
    >>> block = glossari.load().lookup("eksekutif akaun").highlights[0]
    >>> block.kind, block.line, block.text[:38]
    ('item', 54, 'Pampasan biasanya termasuk gaji pokok,')
    """

    kind: BlockKind
    """``paragraph``, ``item`` (list item), ``quote`` (a paragraph inside a block quote),
    ``table`` (a GFM table, one message as written: pipes and rows; the site shows it as a
    table, :func:`glossari.seeds.markdown.table_of` reads its cells), ``code`` (an indented
    or fenced code block: a formula, a sample; kept as written in both languages, never a
    message), ``rule`` (a thematic break, ``---``, ``***`` or ``___``: a horizontal rule on
    the site, kept in both languages, never a message) or ``heading`` (a heading inside a
    block quote or a list item, ``> ## Nota``: part of the quote or item, not a section of the
    article; its level is :attr:`level`, its message a heading's)."""
    text: str
    """The block's inline Markdown, as written, with inner line breaks kept; for ``code``, the
    code's lines without the fences or the indentation that marks them; for ``rule``, the
    break's marker characters (``***`` for ``* * *``)."""
    line: int = field(compare=False)
    """1-based source line where the block starts."""
    depth: int = 0
    """Nesting depth: 0 for top level, 1 for an item inside an item or quote, and so on."""
    ordered: bool = False
    """True for a block directly inside an item of a numbered list (its text, and a heading,
    code or rule the item holds)."""
    number: int | None = None
    """For a block directly inside an item of a numbered list, the item's number as every
    Markdown viewer shows it: the list's first number (``3.`` starts at 3) plus the item's
    place in the list; None otherwise."""
    path: tuple[str, ...] = ()
    """The lists and block quotes around the block, outermost first: ``quote:N`` for a quote,
    ``ul:N:I`` or ``ol:N:I`` for item ``I`` (from 1) of a list, where ``N`` is the list's or
    quote's place among the article's lists and quotes (1 for the first opened, ...). Two
    quotes parted by a blank line, or two lists (``-`` items, then ``*`` items), are two; a
    second paragraph of an item is in the same item; a quote in a quote is inside it: what
    ``depth`` and :attr:`quoted` alone cannot tell."""
    links: tuple[Link, ...] = ()
    """The inline links inside this block, in order."""
    level: int = 0
    """For a ``heading``, its level: 1 to 6 for ``#`` to ``######`` (a setext heading's
    ``===`` is 1, ``---`` 2); 0 for every other kind."""
    info: str = field(default="", compare=False)
    """For fenced ``code``, the info string after its opening fence, as written (````` ```python
    `````: ``python``), which says the code's language; ``""`` otherwise."""

    def __post_init__(self) -> None:
        _check_choice("Block.kind", self.kind, _BLOCK_KINDS)
        _check_text("Block.text", self.text)
        _check_line("Block.line", self.line)
        _check_count("Block.depth", self.depth, "a nesting depth")
        _check_flag("Block.ordered", self.ordered)
        if self.number is not None:  # CommonMark numbers a list from 0 (`0.`) up
            _check_count("Block.number", self.number, "a numbered item's number")
        if (self.number is not None) != self.ordered:
            from glossari.errors import InputError

            raise InputError("a block of a numbered list's item has the item's number, and no "
                             f"other block has one (ordered={self.ordered}, "
                             f"number={self.number})", path="Block.number")
        _check_tuple("Block.path", self.path, (str,), "str")
        _check_tuple("Block.links", self.links, (Link,), "Link")
        _check_level("Block.level", self.level)
        if (self.kind == "heading") != (self.level > 0):
            from glossari.errors import InputError

            # Block(kind="heading", level=0) was shown as a paragraph behind a space, and a
            # paragraph of level 2 read as a heading by nothing
            raise InputError(f"a heading's level is 1 to 6, and another block's 0 (kind="
                             f"{self.kind}, level={self.level})", path="Block.level")
        _check_text("Block.info", self.info)

    @property
    def quoted(self) -> bool:
        """True inside a block quote: a ``quote`` paragraph, and an item (``> - potongan``, at
        ``depth`` 1) or code the quote holds, which the site and ``show`` keep in the quote.
        Read from :attr:`path` (a ``quote:N`` part), so that one fact has one field."""
        return any(part.startswith("quote") for part in self.path)

    @property
    def translatable(self) -> bool:
        """True for prose (a message of the article's catalog); False for code and a
        thematic break, which the English side, the site and ``render`` copy unchanged."""
        return self.kind not in ("code", "rule")


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A heading and the blocks up to the next heading.

    The blocks before the first heading form a section with an empty ``heading`` and level 0.

    >>> import glossari
    >>> section = glossari.load().lookup("eksekutif akaun").sections[1]
    >>> section.heading, section.level, section.line, [b.kind for b in section.blocks]
    ('Apakah itu Eksekutif Akaun?', 2, 8, ['paragraph', 'paragraph'])
    """

    heading: str
    """The heading text (inline Markdown), or ``""`` for text before the first heading."""
    level: int
    """1 to 6 for ``#`` to ``######``; 0 for the untitled leading section."""
    line: int = field(compare=False)
    """1-based line of the heading (or of the first block, for the untitled section)."""
    blocks: tuple[Block, ...] = ()
    """Paragraphs, list items and quotes, in source order."""
    malformed: bool = False
    """True for a heading written without its space (``##Sorotan``), which CommonMark reads as
    a paragraph and glossari recognises as a heading anyway."""

    def __post_init__(self) -> None:
        _check_text("Section.heading", self.heading)
        _check_level("Section.level", self.level)
        if self.level == 0 and self.heading:
            from glossari.errors import InputError

            raise InputError("level 0 is the untitled leading section's, whose heading is '' "
                             "(a heading's level is 1 to 6)", path="Section.level")
        _check_line("Section.line", self.line)
        _check_tuple("Section.blocks", self.blocks, (Block,), "Block")
        _check_flag("Section.malformed", self.malformed)


@dataclass(frozen=True, slots=True, kw_only=True)
class English:
    """The English side of a term, as the catalogs and alignment give it.

    >>> import glossari
    >>> english = glossari.load().lookup("eksekutif akaun").english
    >>> english.title, english.status, english.sections[1].heading
    ('Account executive', 'translated', 'What Is an Account Executive?')
    """

    title: str | None = None
    """English headword (``Account executive``), or None when nobody has given one that a
    reader can use: a translation ``render`` refuses (C203, C204, C208, C209) is none, and its
    ``status`` is ``untranslated``."""
    status: Status = "untranslated"
    """How far ``title`` can be trusted."""
    description: str | None = None
    """English definition, or None (also for a translation ``render`` refuses)."""
    categories: tuple[str | None, ...] = ()
    """English of each Malay category, position for position (None where untranslated, or
    where ``render`` refuses the translation)."""
    sections: tuple[Section, ...] = ()
    """The body in English, same shape as the Malay; untranslated blocks stay in Malay, and so
    do those whose translation ``render`` refuses (C203, C204, C208, C209). A block's ``text``
    is the English Markdown, while its ``links`` are the Malay block's (Malay texts; the same
    targets, which a translation may not change): take the English link texts from ``text``,
    as docs/termbase.md says of the compiled termbase."""
    highlights: tuple[Block, ...] = ()
    """The key takeaways in English."""
    definitions: str = ""
    """The article's reference definitions (:attr:`Term.definitions`) with each title
    (``[b]: /bon "Bon korporat"``) in English where it is translated: the tooltip of a
    reference link on the English side; ``""`` when no title is translated."""

    def __post_init__(self) -> None:
        # one rule a field (the _check_ functions), as Term's
        _check_text("English.title", self.title, optional=True)
        _check_choice("English.status", self.status, _STATUSES)
        _check_text("English.description", self.description, optional=True)
        _check_tuple("English.categories", self.categories, (str, type(None)), "str or None")
        _check_tuple("English.sections", self.sections, (Section,), "Section")
        _check_tuple("English.highlights", self.highlights, (Block,), "Block")
        _check_text("English.definitions", self.definitions)


@dataclass(frozen=True, slots=True, kw_only=True)
class Names:
    """Every name a term is known by, beyond its id and its two headwords.

    A term is a concept: the Malay headword (:attr:`Term.title`) and the approved English
    headword (``Term.english.title``) are its preferred names; these are the others. Loading
    fills them in (``glossari/align/names.py``) from the front matter, the links that resolve to
    the term and the catalogs; a term built by hand has none. How a link is resolved by them is
    documented in docs/concepts.md.

    >>> Names(aliases=("fin-reg",), slugs=("finra",)).slugs
    ('finra',)
    """

    aliases: tuple[str, ...] = ()
    """Other Malay names from the front matter (``aliases:`` or ``alias:``), as written."""
    acronyms: tuple[str, ...] = ()
    """Acronyms written in parentheses in the Malay or English headword (``FINRA``)."""
    link_texts: tuple[str, ...] = ()
    """The trusted Malay link texts of the links that resolve to the term, as first written
    (one per normalised spelling: case, accents, spacing and hyphens ignored), in file order."""
    slugs: tuple[str, ...] = ()
    """The link targets (without ``/``) that name the term: a link with any of them resolves to
    it, whatever its text. One per normalised spelling, in file order."""
    english_variants: tuple[str, ...] = ()
    """English forms seen for the term other than its approved headword: the translations of the
    links to it (``hedge funds``), plural and other inflections included. Never the approved
    headword; a variant never becomes one."""

    def __post_init__(self) -> None:
        _check_tuple("Names.aliases", self.aliases, (str,), "str")
        _check_tuple("Names.acronyms", self.acronyms, (str,), "str")
        _check_tuple("Names.link_texts", self.link_texts, (str,), "str")
        _check_tuple("Names.slugs", self.slugs, (str,), "str")
        _check_tuple("Names.english_variants", self.english_variants, (str,), "str")


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One glossary entry: an article read from ``seeds/``, or a link-only term.

    >>> t = Term(id="x", title="Contoh", source=Location(path="seeds/x.md", line=1))
    >>> t.title, t.kind, t.en_title
    ('Contoh', 'article', None)
    """

    id: str
    """The term's id: the article's file stem, or the link target slug for a link-only term."""
    title: str | None
    """Malay headword (front matter ``title``; the link text for a link-only term). None only for a
    link-only term whose link text is broken and that nobody has named yet."""
    description: str | None = None
    """Malay definition (front matter ``description``)."""
    categories: tuple[str, ...] = ()
    """Categories (front matter ``keywords``, split on commas, trimmed)."""
    meta: tuple[tuple[str, str], ...] = ()
    """Every front-matter key as written, in file order, each value the string the author wrote."""
    sections: tuple[Section, ...] = ()
    """The body, section by section, in source order."""
    highlights: tuple[Block, ...] = ()
    """The key takeaways: the blocks of the ``Sorotan`` section."""
    links: tuple[Link, ...] = ()
    """Every inline link in the body, in source order."""
    definitions: str = ""
    """The article's reference definitions (``[hasil]: /revenue``), one per line as written
    (one in a quote, an item or over several lines written on one line; none from a code
    block: those CommonMark reads, :func:`glossari.seeds.markdown.reference_definitions`),
    ``""`` for none: what its
    messages' reference links (``[hasil]``, ``[margin][m]``) lead by, so that every judge of a
    translation (``render``, the English side, ``check``, the counts, the site) sees a
    translation's ``[revenue]`` for ``[hasil]`` as the dead link it is
    (:func:`glossari.catalog.usable.unusable_translation`)."""
    definition_lines: tuple[int, ...] = field(default=(), compare=False)
    """The 1-based line where each line of :attr:`definitions` starts in the article (where a
    definition's title, a message of its own, is written)."""
    kind: TermKind = "article"
    """``article`` or ``link``."""
    source: Location = field(compare=False)
    """Where the term comes from: the article's first line, or the first link to it."""
    title_line: int = field(default=0, compare=False)
    """1-based line of ``title`` in the front matter (0 when absent)."""
    description_line: int = field(default=0, compare=False)
    """1-based line of ``description`` in the front matter (0 when absent)."""
    categories_line: int = field(default=0, compare=False)
    """1-based line of ``keywords`` in the front matter (0 when absent)."""
    english: English = field(default_factory=English)
    """The English side, filled in by :func:`glossari.load` from the ``en`` catalog."""
    findings: tuple[Finding, ...] = field(default=(), compare=False)
    """What the reader noticed and coped with (a heading without its space, say): warnings, not
    errors."""
    names: Names = field(default_factory=Names, compare=False)
    """The term's other names (aliases, acronyms, link texts, slugs, English variants), filled in
    by :func:`glossari.load`. Not part of equality: they depend on the rest of the glossary."""

    def __post_init__(self) -> None:
        # a developer's mistake said at once, not as a wrong answer far away: Term(kind="artikel")
        # was neither an article nor a link to every reader, categories="Kewangan" eight
        # one-letter categories, and a list (unhashable) broke the glossary's indexes. One rule
        # a field, each a _check_ function that answers a right value at once (loading builds
        # every term more than once) and says what is wrong with any other: a quick test of its
        # own beside them let through what they refused (sections of str)
        _check_text("Term.id", self.id)
        if not self.id:
            from glossari.errors import InputError

            raise InputError("a term's id is empty", path="Term.id",
                             hint="give the article's file stem or the link's slug")
        _check_text("Term.title", self.title, optional=True)
        _check_text("Term.description", self.description, optional=True)
        _check_tuple("Term.categories", self.categories, (str,), "str")
        _check_tuple("Term.meta", self.meta, (tuple,), "(key, value) pairs")
        for pair in self.meta:
            if len(pair) != 2 or not isinstance(pair[0], str) or not isinstance(pair[1], str):
                raise TypeError("Term.meta is a tuple of (key, value) pairs of str")
        _check_tuple("Term.sections", self.sections, (Section,), "Section")
        _check_tuple("Term.highlights", self.highlights, (Block,), "Block")
        _check_tuple("Term.links", self.links, (Link,), "Link")
        _check_text("Term.definitions", self.definitions)
        _check_tuple("Term.definition_lines", self.definition_lines, (int,), "int")
        _check_choice("Term.kind", self.kind, _KINDS)
        _check_instance("Term.source", self.source, Location)
        _check_line("Term.title_line", self.title_line)
        _check_line("Term.description_line", self.description_line)
        _check_line("Term.categories_line", self.categories_line)
        _check_instance("Term.english", self.english, English)
        _check_tuple("Term.findings", self.findings, (Finding,), "Finding")
        _check_instance("Term.names", self.names, Names)

    @property
    def en_title(self) -> str | None:
        """The English headword, or None. It may be a slug suggestion: check ``english.status``."""
        return self.english.title

    def meta_value(self, key: str) -> str | None:
        """The front-matter value for ``key`` (in any case: ``Aliases:`` is ``aliases``) as the
        author wrote it, or None."""
        folded = key.casefold()
        for k, v in self.meta:
            if k.casefold() == folded:
                return v
        return None


_KINDS: tuple[str, ...] = get_args(TermKind)
_STATUSES: tuple[str, ...] = get_args(Status)
_BLOCK_KINDS: tuple[str, ...] = get_args(BlockKind)


def _check_text(name: str, value: object, *, optional: bool = False) -> None:
    """A ``TypeError`` naming the field ``name`` unless ``value`` is a str (or None when
    ``optional``)."""
    if type(value) is str or (optional and value is None) or isinstance(value, str):
        return
    wanted = "a str or None" if optional else "a str"
    raise TypeError(f"{name} is {wanted}, not {type(value).__name__}")


def _check_tuple(name: str, value: object, kinds: tuple[type, ...], shown: str) -> None:
    """A ``TypeError`` naming the field ``name`` unless ``value`` is a tuple of ``kinds``: a
    list is not hashable (a frozen value must be), and a str is a tuple of letters to a loop."""
    if not isinstance(value, tuple):
        raise TypeError(f"{name} is a tuple of {shown}, not {type(value).__name__}"
                        + (f" (write ({value!r},) for one)" if isinstance(value, str) else ""))
    for item in value:
        if type(item) in kinds:
            continue
        if not isinstance(item, kinds) or isinstance(item, bool):
            raise TypeError(f"{name} is a tuple of {shown}; it holds a "
                            f"{type(item).__name__}")


def _check_instance(name: str, value: object, kind: type) -> None:
    if type(value) is kind or isinstance(value, kind):
        return
    article = "an" if kind.__name__[0] in "AEIOU" else "a"
    raise TypeError(f"{name} is {article} {kind.__name__}, not {type(value).__name__}")


def _check_line(name: str, value: object) -> None:
    if type(value) is int and value >= 0:
        return
    _check_int(name, value)
    if value < 0:  # type: ignore[operator]
        from glossari.errors import InputError

        raise InputError(f"a line number is 1 or more (0: none), not {value}", path=name)


def _check_count(name: str, value: object, what: str) -> None:
    """An int from 0 up, ``what`` naming it in the error (a depth of -1 was refused as "a line
    number is 1 or more", a number of -1 accepted)."""
    if type(value) is int and value >= 0:
        return
    _check_int(name, value)
    if value < 0:  # type: ignore[operator]
        from glossari.errors import InputError

        raise InputError(f"{what} is 0 or more, not {value}", path=name)


def _check_int(name: str, value: object) -> None:
    """A ``TypeError`` naming the field ``name`` unless ``value`` is an int (not a bool)."""
    if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError(f"{name} is an int, not {type(value).__name__}")


def _check_level(name: str, value: object) -> None:
    """A heading's level: an int from 0 (none) to 6 (``######``)."""
    if type(value) is int and 0 <= value <= 6:
        return
    _check_int(name, value)
    if not 0 <= value <= 6:  # type: ignore[operator]
        from glossari.errors import InputError

        raise InputError(f"a heading's level is 0 to 6, not {value}", path=name)


def _check_flag(name: str, value: object) -> None:
    if value is not True and value is not False:
        raise TypeError(f"{name} is a bool, not {type(value).__name__}")


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    """An ``InputError`` (a ``ValueError``) naming the field ``name`` unless ``value`` is one
    of ``choices``."""
    if value in choices and isinstance(value, str):
        return
    from glossari.errors import InputError
    from glossari.text import quoted

    _check_text(name, value)
    shown = " or ".join(f"'{c}'" for c in choices)
    raise InputError(f"must be {shown}, not {quoted(str(value))}", path=name)
