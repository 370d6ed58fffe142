"""The reader's rules that other layers share, each in one function: which link text can be
trusted as a term's name, and which section is the key takeaways (*Sorotan*).

The reader marks each link with :func:`suspicious_link_text`
(:attr:`glossari.model.Link.suspicious`), link resolution uses only trusted texts as Malay names
(:func:`glossari.align.resolve.link_is_trusted`), and the checks report the others (``S103``).
The reader's ``Term.highlights`` and the catalogs' ``highlight`` part both ask
:func:`is_highlights_heading`. Which link target no reader can follow (a path on the author's
computer) is :func:`unfollowable_link_target`, which the checks report (``S115``). The module
imports nothing but the standard library and :mod:`glossari.text`, so what needs a rule does not
import markdown-it-py.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import unquote

from glossari.text import excerpt, quoted

__all__ = ["ALIAS_KEYS", "FRONT_MATTER_KEYS", "GENERIC_LINK_TEXTS", "HIGHLIGHTS_HEADINGS",
           "heading_without_space", "is_highlights_heading", "misspelt_key", "split_aliases",
           "suspicious_link_text", "unfollowable_link_target"]

ALIAS_KEYS = ("aliases", "alias")
"""Front-matter keys listing other names a link may use for the article (comma-separated)."""


def split_aliases(text: str) -> list[str]:
    """The aliases ``text`` lists: a comma separates them, in one text as in a YAML list item
    (so no alias holds a comma; the reader warns about a list item that does, ``S114``), but
    for a comma between two digits, a number's thousands separator (``Had RM1,000`` is one
    alias: it was ``Had RM1`` and ``000``, which ``find`` then took for the term in any
    ``RM5,000``).

    >>> split_aliases(" bon korporat, sukuk ,")
    ['bon korporat', 'sukuk']
    >>> split_aliases("Had RM1,000, had 2,500,000 unit,3")
    ['Had RM1,000', 'had 2,500,000 unit', '3']
    """
    return [name.strip() for name in _ALIAS_COMMA.split(text) if name.strip()]


_ALIAS_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
"""A comma that separates aliases: any but one between two digits."""

FRONT_MATTER_KEYS = frozenset({"title", "description", "keywords", *ALIAS_KEYS})
"""The front-matter keys the reader gives a meaning to (case-folded); any other key is kept in
``Term.meta`` as written."""


def misspelt_key(keys: Iterable[str], wanted: str) -> str | None:
    """The key among ``keys``, as written, that looks like a misspelling of the missing key
    ``wanted`` (``descripton:`` for ``description:``), or None. Keys the reader knows are never
    taken for a misspelling of another.

    >>> misspelt_key(["Titel", "keywords"], "title"), misspelt_key(["descripton"], "description")
    ('Titel', 'descripton')
    >>> misspelt_key(["keyword"], "keywords"), misspelt_key(["tags", "aliases"], "keywords")
    ('keyword', None)

    A key that is ``wanted`` with a qualifier (``description_en:``, ``title-short:``) is another
    field, not a misspelling: renamed, an English definition would become the Malay one.

    >>> misspelt_key(["description_en"], "description"), misspelt_key(["title-en"], "title")
    (None, None)
    """
    unknown = {key.casefold(): key for key in keys if key.casefold() not in FRONT_MATTER_KEYS
               and not key.casefold().startswith((f"{wanted}_", f"{wanted}-", f"{wanted}."))}
    close = difflib.get_close_matches(wanted, list(unknown), n=1, cutoff=0.75)
    return unknown[close[0]] if close else None

HIGHLIGHTS_HEADINGS = frozenset({
    "sorotan", "sorotan utama", "sorotan penting",
    # the other names Malay financial dictionaries give the key takeaways (Investopedia's "Key
    # Takeaways" as its Malay editions and translators render it)
    "perkara utama", "perkara penting", "intipati", "intipati utama", "isi penting",
    "isi utama", "poin utama", "poin penting", "pengajaran utama", "pengambilan utama",
    "ambilan utama",
    # the English heading, left untranslated in a Malay article
    "key takeaways", "takeaways",
})
"""Headings (case-folded, spacing collapsed, emphasis, a trailing colon or full stop and an emoji
or symbol at either end dropped, a reduplicated first word read once) of the key-takeaways
section."""

# What an author puts around a heading's words without changing its name: `**Sorotan**`,
# `Sorotan:`, `Sorotan.`
_HEADING_DECORATION = "*_:.\u00a0 \t"


def heading_without_space(written: str, level: int, heading: str,
                          space: str | None = None) -> str:
    """The S101 message of a heading ``written`` without the space Markdown needs after its
    hashes (or with ``space``, a character that is no ordinary space), read as a level-``level``
    heading of ``heading``: the one statement of it, whether the reader reports it or the source
    checks do for a section marked malformed in a term built in Python (which said it without
    the level it is read as).

    >>> heading_without_space("##Sorotan", 2, "Sorotan")
    "heading '##Sorotan' has no space after '##'; read as a level-2 heading (write '## Sorotan')"
    """
    hashes = "#" * level
    problem = (f"has no space after '{hashes}'" if space is None
               else f"has a U+{ord(space):04X} space where Markdown needs an ordinary one")
    # both cut as a finding quotes a value (a 200-character heading made a 450-character
    # line): the suggestion's point is the space after the hashes, which the cut keeps
    return (f"heading {quoted(excerpt(written))} {problem}; read as a level-{level} heading "
            f"(write {quoted(excerpt(f'{hashes} {heading}'))})")


def is_highlights_heading(heading: str) -> bool:
    """True for the heading of the key-takeaways (*Sorotan*) section, under any of the names in
    :data:`HIGHLIGHTS_HEADINGS`, whatever its case, spacing, emphasis or final colon.

    >>> [is_highlights_heading(h) for h in ("  SOROTAN ", "Sorotan:", "**Perkara Utama**")]
    [True, True, True]

    An editor's emoji or symbol before or after the words (``📌 Sorotan``, ``Sorotan ✔``) is
    decoration too, and a first word written twice is the Malay plural of the name
    (``Sorotan-sorotan``, ``Perkara-perkara utama``), as an editor writes them.

    >>> [is_highlights_heading(h) for h in ("📌 Sorotan", "Sorotan-sorotan", "Sorotan Penting")]
    [True, True, True]
    >>> is_highlights_heading("Sorotan sejarah"), is_highlights_heading("Sejarah")
    (False, False)
    """
    return _highlights_key(heading) in HIGHLIGHTS_HEADINGS


def _highlights_key(heading: str) -> str:
    """``heading`` as :data:`HIGHLIGHTS_HEADINGS` writes its names."""
    text = heading.strip(_HEADING_DECORATION)
    start, end = 0, len(text)
    while start < end and _is_ornament(text[start]):
        start += 1
    while end > start and _is_ornament(text[end - 1]):
        end -= 1
    text = " ".join(text[start:end].strip(_HEADING_DECORATION).split()).casefold()
    return _REDUPLICATED.sub(r"\1", text)


def _is_ornament(char: str) -> bool:
    """An emoji, symbol or bullet an editor sets beside a heading's words (📌, ✔, ★, ➤, •),
    with the characters that join or style one (ZWJ, variation selectors) and spaces."""
    return (unicodedata.category(char) in ("So", "Sk", "Cf", "Mn", "Zs")
            or char in _HEADING_DECORATION or char in "•‣◦\u2043∙" or "\ufe00" <= char <= "\ufe0f")


_REDUPLICATED = re.compile(r"^(\w+)-\1(?=\s|$)")
"""A first word written twice with a hyphen, the Malay plural (``sorotan-sorotan``)."""

GENERIC_LINK_TEXTS = frozenset({
    # Malay: "here", "click here", "see", "read more", "more", "this link", ...
    "di sini", "sini", "klik di sini", "klik sini", "tekan di sini", "lihat", "lihat di sini",
    "lihat sini", "lihat juga", "baca", "baca lagi", "baca lanjut", "baca seterusnya",
    "seterusnya", "selanjutnya", "lanjut", "lebih lanjut", "maklumat lanjut", "lagi",
    "pautan", "pautan ini", "ini", "laman ini", "halaman ini", "artikel ini",
    # English, left in a Malay article
    "here", "click here", "see", "see also", "see here", "read more", "more", "learn more",
    "link", "this link", "this", "this page", "this article",
})
"""Link texts (case-folded, spacing collapsed) that say nothing of their target: a link
``[di sini](/broker-dealer)`` leads to the term, but "di sini" (here) is no name of it, and
``find`` would report the term in every "di sini" of a text."""

# An image in a link's text (`[![ikon](/ikon.png)](/premium)`): no name to read
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_OPENING_PUNCTUATION = ",.;:!?"
_CLOSING_PUNCTUATION = ",;:!?"  # not '.': abbreviations (Inc., Bhd.) end with one


@lru_cache(maxsize=1 << 16)  # asked for every link by the reader, resolution and the checks
def suspicious_link_text(text: str) -> str | None:
    """Why a link text cannot be trusted as a headword, or None when it looks sound.

    >>> suspicious_link_text("peniaga broker") is None
    True
    >>> suspicious_link_text("FINRA ), terpakai kepada")
    "unbalanced ')' in the link text"
    >>> suspicious_link_text("[dana")
    "unbalanced '[' in the link text"
    >>> suspicious_link_text("dana lindung nilai!")
    'the link text ends with punctuation'
    >>> suspicious_link_text("Syarikat Bhd.") is None
    True
    >>> suspicious_link_text("Di  sini")
    'the link text says nothing of its target'
    >>> suspicious_link_text("![ikon](/ikon.png)")
    'the link text holds an image'
    """
    stripped = text.strip()
    if not stripped:
        return "empty link text"
    if _IMAGE.search(stripped):
        return "the link text holds an image"
    for opening, closing in ("()", "[]"):
        depth = 0
        for char in stripped:
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth < 0:
                    return f"unbalanced '{closing}' in the link text"
        if depth > 0:
            return f"unbalanced '{opening}' in the link text"
    if stripped[0] in _OPENING_PUNCTUATION:
        return "the link text starts with punctuation"
    if stripped[-1] in _CLOSING_PUNCTUATION:
        return "the link text ends with punctuation"
    if " ".join(stripped.split()).casefold() in GENERIC_LINK_TEXTS:
        return "the link text says nothing of its target"
    return None


def unfollowable_link_target(target: str) -> str | None:
    """Why a link target, as :attr:`glossari.model.Link.target` keeps it (its one leading ``/``
    removed, an ASCII character percent-escaped as Markdown escapes it), leads nowhere a
    reader of the glossary can follow, or None. A glossary link is ``/slug``; an outside one
    an address with a scheme.

    A path on the author's computer (``C:\\dana``, ``\\\\server\\dana``, ``file:///...``)
    was taken for an outside address (``C:`` reads as a URI scheme) or a link-only term, with no
    warning; a path out of the article's folder (``../dana``) is resolved by its last part
    alone, and a rendered article or a web page holding it leads elsewhere. A ``.`` segment
    goes nowhere: ``./dana.md`` is ``dana.md``, the article beside this one, which a reader
    follows (a Markdown viewer, the rendered articles), as glossari does.

    >>> unfollowable_link_target("broker-dealer") is None, unfollowable_link_target("https://x.my")
    (True, None)
    >>> unfollowable_link_target("C:%5Cdana")
    "a path on the author's computer ('C:\\\\dana')"
    >>> unfollowable_link_target("../dana")
    "a relative path ('../dana'), resolved by its last part alone"
    >>> unfollowable_link_target("./dana.md"), unfollowable_link_target("dana.md")
    (None, None)
    """
    written = unquote(target)
    if ("\\" in written or (written[1:2] == ":" and written[:1].isalpha())
            or written[:5].casefold() == "file:"):
        return f"a path on the author's computer ('{written}')"
    path = written.split("#", 1)[0].split("?", 1)[0]
    if "://" not in path and ".." in path.split("/"):
        return f"a relative path ('{written}'), resolved by its last part alone"
    return None
