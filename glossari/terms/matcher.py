"""A compiled recognizer: every name of a glossary, found in running text with its inflections.

Names go in as ``(text, key)`` pairs (the key says whose name it is: a term id, an index), and
matches come out. Building tokenizes each name into words and files the words in a trie; finding
tokenizes the text, analyses each word once (Malay or English rules, :mod:`.malay`,
:mod:`.english`), keeps the analyses whose root is a word of some name, and walks the trie from
each word. Matching a text costs its length times the length of the longest name, whatever the
number of names.

The edges of a compound carry its inflection: the first word may take a prefix, a proclitic or
reduplication, the last word a suffix or clitic (Malay) or a plural or possessive (English); the
words in between are as the name writes them. Two words of a name are separated in the text by
spaces, hyphens, brackets or emphasis marks, never by other punctuation. A name in capitals of
two letters or more (an acronym: ``FINRA``) matches only in capitals.

>>> r = Recognizer([("dana lindung nilai", "hedgefund"), ("komisen", "commission"),
...                 ("penasihat pelaburan", "investmentadvisor")], lang="ms")
>>> [(h.text, h.keys) for h in r.find("Dana-dana lindung nilai membayar komisennya.")]
[('Dana-dana lindung nilai', ('hedgefund',)), ('komisennya', ('commission',))]
>>> r.find("Penasihat itu menerima komitmen pelaburan.")
[]
>>> e = Recognizer([("commission", 1), ("account executive", 2)], lang="en")
>>> [h.text for h in e.find("Account executives' commissions, not the commissioner.")]
['Account executives', 'commissions']
"""

from __future__ import annotations

import functools
import html
import html.entities
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, Literal, NamedTuple, TypeVar

from glossari.terms import english, malay
from glossari.text import APOSTROPHES, INVISIBLE_IN_WORDS, without_accents

__all__ = ["CHARACTER_REFERENCE", "DOTTED_ACRONYM", "HTML_MARKUP", "JOINED_ACRONYM", "WORD_BREAK",
           "Hit", "Lang", "Recognizer", "acronym_of", "character_reference", "end_roots", "fold",
           "inflects", "is_acronym", "query_roots", "search_rules", "without_possessive", "words"]

K = TypeVar("K")
Lang = Literal["ms", "en"]

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""Combining marks: an accent written decomposed (NFD, as macOS and PDFs give it) is part of its
letter, though ``\\w`` does not match it."""
_INVISIBLE = INVISIBLE_IN_WORDS
"""Soft hyphen, zero-width space, non-joiner, joiner, word joiner, BOM
(:data:`glossari.text.INVISIBLE_IN_WORDS`): between two letters they do not split a word."""
_SPACELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Kana and CJK ideographs: Chinese and Japanese put no space between words, so each character
is a word of its own (the name 资产 is in 什么是资产, as 资 产)."""
_HYPHEN = "\\-\u2010\u2011"
"""The hyphens that join the parts of a word (hyphen-minus, U+2010 HYPHEN, U+2011 NON-BREAKING
HYPHEN), a character class's content: the one list for the words, their parts and clitics
(``OPR\u2011nya``) and a word cut at a line's end."""
_LETTER = rf"[^\W_{_SPACELESS}\u02bc][{_MARKS}]*"
"""A letter with its marks; not the modifier letter apostrophe (U+02BC), which Unicode calls a
letter and a text writes as an apostrophe (:data:`glossari.text.APOSTROPHES`): inside a word it
joins two parts as any apostrophe does (``ta\u02bcawun``), and one ending a word is no part of
it (``Tabarru\u02bc`` is the name ``Tabarru'``)."""
_PLAIN = rf"{_LETTER}(?:[{_INVISIBLE}]*{_LETTER})*"
_DOTTED_CLITICS = (f"(?:{'|'.join(malay.POSSESSIVES)})(?:{'|'.join(malay.PARTICLES)})?"
                   f"|{'|'.join(malay.PARTICLES)}")
"""The clitics a word takes at its end (:data:`glossari.terms.malay.ENDING_CLITICS`: a
possessive, a particle, or both in that order), as a regular expression."""
_DOTTED = rf"(?:\.(?i:s|{_DOTTED_CLITICS}|[{APOSTROPHES}]s)?)?(?![^\W_])"
"""The rest of an acronym written with dots (``E.T.F.``): its last dot, with a plural, a
possessive or clitics after it (``E.T.F.s``, ``E.T.F.'s``, ``F.I.N.R.A.nya``,
``K.W.S.P.nyalah``, which was the acronym and a word ``nyalah``); the possessive with any of
the apostrophes a word takes (:data:`glossari.text.APOSTROPHES`), as after any other word."""
_ELIDED = r"(?<![^\W_])(?i:qu|dell|nell|dall|sull|all|un|[cdjlmnst])"
"""An article or particle elided before a vowel (French ``l'impôt``, ``d'actions``, ``qu'un``,
Italian ``dell'imposta``): a word of its own, so that the word after it is one too."""
_VOWEL = ("aeiouyhAEIOUYH\u00c0-\u00c6\u00c8-\u00cf\u00d2-\u00d6\u00d8-\u00dd"
          "\u00e0-\u00e6\u00e8-\u00ef\u00f2-\u00f6\u00f8-\u00fd\u00ff\u0152\u0153")
"""What an article is elided before (:data:`_ELIDED`): a vowel, accented too, or a mute ``h``
(``l'hôpital``), ``y`` (``n'y``); never a consonant, so that an acronym's last capital and its
possessive (``R&D's``, ``AT&T's``, ``P&L's``) are no article ``d'``, ``t'``, ``l'``."""
_DOTTED_LETTERS = r"[^\W\d_](?:\.[^\W\d_])+"
"""Letters each after a dot: an acronym written with dots (``E.T.F``), its last dot aside."""
DOTTED_ACRONYM = re.compile(rf"(?<![^\W_.])(?P<letters>{_DOTTED_LETTERS}){_DOTTED}")
"""An acronym written with dots, with what may follow it (``E.T.F.``, ``E.T.F.s``,
``F.I.N.R.A.nya``): one word, as the recogniser reads it and ``glossari search`` asks for it;
``letters`` is the acronym without what follows."""
_DOTTED_TAIL = rf"(?:[{_HYPHEN}][^\W_]+)*"
"""The words joined by hyphens after an acronym written with dots (``F.I.N.R.A.-nya``,
``U.S.-based``): its clitics, as after any word (``FINRA-nya``), or words of their own."""
_TOKEN = re.compile(rf"[{_SPACELESS}]|{_ELIDED}[{APOSTROPHES}](?=[{_VOWEL}])"
                    rf"|{_DOTTED_LETTERS}{_DOTTED}{_DOTTED_TAIL}"
                    rf"|{_PLAIN}(?:[{_INVISIBLE}]*[{APOSTROPHES}{_HYPHEN}][{_INVISIBLE}]*{_PLAIN})*")
_ASCII_WORD = (rf"[^\W_]+(?:(?<=(?<![^\W_])[A-Za-z])(?:\.[A-Za-z])+{_DOTTED}(?:-[^\W_]+)*"
               r"|(?:['\-][^\W_]+)*)")
_ASCII_TOKEN = re.compile(rf"{_ELIDED}'(?=[aeiouyhAEIOUYH])|{_ASCII_WORD}", re.ASCII)
""":data:`_TOKEN` for ASCII text, where it finds the same words, several times faster."""
_ASCII_UNELIDED = re.compile(_ASCII_WORD, re.ASCII)
""":data:`_ASCII_TOKEN` for a text without an apostrophe, which elides nothing: the same words,
without trying an elided article at every word (a tenth of ``find_terms``' time on sentences)."""


def _ascii_token(text: str) -> re.Pattern[str]:
    """The tokeniser of an ASCII ``text``: :data:`_ASCII_UNELIDED` unless it holds an apostrophe.

    >>> [p.findall("l'impot dan kos") for p in (_ascii_token("x'"), _ascii_token("x"))][0]
    ["l'", 'impot', 'dan', 'kos']
    """
    return _ASCII_TOKEN if "'" in text else _ASCII_UNELIDED
_FOLDS: dict[int, str | None] = {
    **dict.fromkeys(map(ord, _INVISIBLE)),
    # every apostrophe is one (glossari.text.APOSTROPHES): a name's Moody's is the text's
    # Moody\u2019s and Moody\u2018s
    **dict.fromkeys(map(ord, APOSTROPHES[1:]), "'"),
}
_HYPHENS = re.compile(rf"[{_HYPHEN}]")
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
_AIN_BEFORE_HYPHEN = re.compile(rf"(?<=[^\W\d_])[{APOSTROPHES}](?=[{_HYPHEN}][^\W\d_])")
"""An apostrophe between a letter and a hyphen before a letter (``tabarru'-tabarru'``)."""
_GAP = re.compile(rf"[\s{_HYPHEN}\u2012\u2013()\[\]*_{APOSTROPHES}]*")
"""What may stand between two words of one name (an apostrophe too: the plural possessive is
written ``Employees' Provident Fund``, ``Employees\u2019 Provident Fund`` and without it)."""
_GAP_CHARS = re.compile(rf"[\s{_HYPHEN}\u2012\u2013()\[\]*_{APOSTROPHES}]+")
_TAIL = re.compile(r"(?:[^\w\s]|\u02bc){1,3}\Z")
"""Punctuation that ends a name after its last word (``)``, ``.``)."""
_BRACKET_CLITIC = re.compile(rf"[{_HYPHEN}{APOSTROPHES}]?([^\W\d_]+(?:[{_HYPHEN}][^\W\d_]+)?)"
                             rf"(?![\w{_HYPHEN}])")
"""A word written right after a name's closing bracket, with a hyphen or an apostrophe or
none: its clitics (``(OPR)nya``, ``(OPR)-nya``, ``(OPR)-nya-lah``) are the name's."""
_EOL = r"(?:\r\n|\r(?!\n)|[\n\x85\u2028])"
_BROKEN = re.compile(rf"[{APOSTROPHES}]?[{_HYPHEN}\u00ad][ \t]*{_EOL}[ \t]*")
"""A hyphen at the end of a line, where a word may have been cut in two (a line ends as
:data:`_BREAK` reads it: LF, CRLF, CR alone, NEL, U+2028; ``pela-\\rburan`` was two words),
after the apostrophe that ends a word too (``tabarru'-\\ntabarru'``, as ``tabarru'-tabarru'``
is one word)."""
_BREAK = re.compile(rf"{_EOL}[^\S\r\n\x85\u2028\u2029]*{_EOL}|\u2029"
                    r"|\n[ \t]*[-*+][ \t]|\s[-\u2013]\s|--|[\u2014\u2015]")
"""What ends a stretch of text a name may run across, though a gap may hold its characters: a
blank line (a paragraph; text pasted from a web page or a word processor leaves no-break spaces
on it; lines end as Python's ``str.splitlines`` ends them: CR alone too, NEL, U+2028), a
paragraph separator (U+2029), a list item's bullet, a dash between spaces (a clause set
apart: ``-`` or an en dash between spaces), and an em dash or ``--`` with or without them (English
writes a clause's em dash closed up: ``the market—shares fell``)."""
_NO_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE))
_MAX_SEPARATOR = 3
"""The longest punctuation a name may write between two words (``&``, ``/``, ``.``)."""


def _separator(text: str, start: int, end: int) -> str | None:
    """The punctuation between two words, ``text[start:end]``, without what any gap may hold
    (:data:`_GAP`): "" for a plain gap, ``&`` for ``" & "``; None when it is too long to be a
    name's (a sentence's punctuation, a clause)."""
    between = text[start:end]
    if not between.isascii():
        # invisible characters are nothing between two words, as inside one (the place of a
        # character reference is filled with them, :func:`_blank`: &#80;/E is P/E, and
        # peniaga &ndash; broker a dash between spaces)
        between = between.translate(_NO_INVISIBLE)
    if (len(between) > 1 or between == "\u2029") and _BREAK.search(between):
        return None
    if _GAP.fullmatch(between):
        return ""
    if len(between) > 2 * _MAX_SEPARATOR + 2:
        return None
    rest = _GAP_CHARS.sub("", between)
    return rest if len(rest) <= _MAX_SEPARATOR else None
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+")
_JOINED_ACRONYM = re.compile(r"[A-Z][A-Z0-9]*(?:[&/][A-Z][A-Z0-9]*)+")
"""Capitals joined by ``&`` or ``/`` (``P/E``, ``M&A``, ``R&D``, ``AT&T``): one acronym, though
its parts are words of their own, matched in capitals only as :data:`_ACRONYM` is (a name
``M&A`` is not the word ``ma``, nor ``P/E`` the ``pe`` of a word cut in two)."""
JOINED_ACRONYM = re.compile(rf"(?<![^\W_&/]){_JOINED_ACRONYM.pattern}(?![^\W_&/])")
""":data:`_JOINED_ACRONYM` in running text or a query, a word of its own: what
``glossari search`` asks for as one phrase (``P/E``, not the prefixes ``P`` and ``E``)."""


def is_acronym(name: str, lang: Lang = "en") -> bool:
    """Whether ``name`` is written as an acronym, which the recogniser matches in capitals only
    and which names the same thing in Malay and English text: one word of capitals and digits,
    two or more (``FINRA``, ``B40``), or capitals joined by ``&`` or ``/`` (``R&D``, ``P/E``,
    ``AT&T``). The one rule of the recogniser and of :func:`glossari.glossary.term_names` (an
    English headword that is an acronym is a name of the Malay side too).

    >>> [is_acronym(n) for n in ("FINRA", "B40", "R&D", "P/E", "Finra", "F", "P/e", "SAHAM BON")]
    [True, True, True, True, False, False, False, False]
    """
    return _is_acronym(name.strip(), words(name, lang))


def _is_acronym(stripped: str, path: tuple[str, ...]) -> bool:
    """:func:`is_acronym` of a name already stripped and split into its words (``path``)."""
    return ((len(path) == 1 and _ACRONYM.fullmatch(stripped) is not None)
            or _JOINED_ACRONYM.fullmatch(stripped) is not None)


def acronym_of(name: str) -> str | None:
    """The acronym a name writes with dots or with an ending (a Malay clitic, glued or after a
    hyphen or an apostrophe, an English possessive or plural), when it is one by
    :func:`is_acronym`'s rule; None for any other name. A link text so written (``[S.C.nya](/sc)``,
    ``[SC-nya](/sc)``, ``[P/E-nya](/pe)``) is its acronym, matched in capitals as acronyms are,
    with its endings as any acronym's: it was filed as the plain name ``scnya``, and a text's
    lower-case ``scnya`` (or ``sc's``, ``s.c.``, ``pe-nya``) was found as *SC*.

    >>> [acronym_of(n) for n in ("S.C.nya", "SCnya", "SC-nya", "SC's", "E.T.F.", "REITs")]
    ['SC', 'SC', 'SC', 'SC', 'ETF', 'REIT']
    >>> [acronym_of(n) for n in ("P/E-nya", "FINRA", "Sahamnya", "S.c.", "SCbon", "Anya")]
    ['P/E', None, None, None, None, None]
    """
    stripped = name.strip()
    letters = stripped
    if _DOTTED_START.match(stripped):
        letters = _CAPITAL_DOT.sub("", stripped)
    found = _ACRONYM_WITH_ENDING.fullmatch(letters)
    if found is None:
        return None
    core, ending = found.group("core"), found.group("ending")
    if ending:
        bare = re.sub(f"[{_HYPHEN}]", "", ending.lstrip(_HYPHEN + APOSTROPHES))
        if not (malay.is_clitic(bare) or (bare == "s" and ending[0] != "-")):
            return None
    elif letters == stripped:
        return None  # an acronym as written (FINRA) is its own name already
    return core if _is_acronym(core, words(core, "en")) else None


def acronym_written(name: str) -> str | None:
    """The acronym ``name`` writes with an ending or dots, as :func:`acronym_of` reads it,
    spaces around a ``/`` or ``&`` allowed as find allows them (``P / E-nya`` is ``P/E``);
    None for a name written as its acronym already or as none. What lookup and a link's text
    read such a name as.

    >>> acronym_written("P / Enya"), acronym_written("SC-nya"), acronym_written("P / E")
    ('P/E', 'SC', None)
    """
    compact = _MARK_GAP.sub(r"\1", name.strip())
    acronym = acronym_of(compact)
    return None if acronym == compact else acronym


_DOTTED_START = re.compile(r"[A-Z]\.[A-Z]\.?")
"""Capitals each followed by a dot, two at least (``S.C.``, ``E.T.F``)."""
_CAPITAL_DOT = re.compile(r"(?<=[A-Z])\.")
_ACRONYM_WITH_ENDING = re.compile(
    rf"(?P<core>[A-Z][A-Z0-9]*(?:[&/][A-Z][A-Z0-9]*)*)"
    rf"(?P<ending>(?:[{_HYPHEN}{APOSTROPHES}]?[a-z]+(?:-[a-z]+)*)?)")
"""Capitals (joined by ``&`` or ``/``), then what may be an ending in lower case."""


_GLUED = re.compile(r"(?<![A-Z])(?:[A-Z]{2,}|(?<=[A-Z][&/])[A-Z])(?=[0-9])")
"""Capitals glued to a number: a currency code before its amount (``RM30``, ``USD2.5``,
``RM500j``), or a name written so (``B40``, ``FTSE100``), which :meth:`Recognizer._unglue`
tells apart; one capital will do after capitals and a ``&`` or ``/``, the last of capitals
joined (``S&P500`` for *S&P 500*, as ``FTSE100`` is *FTSE 100*). Tried only where a run of
capitals starts: from each of its capitals, a long run with no digit after it cost quadratic
time (100 KB of capitals took 100 s)."""
_GLUED_HINT = re.compile(r"[A-Z][0-9]")
"""Where :data:`_GLUED` may match, asked of every text first: a quarter of its time (0.6
against 2.2 microseconds a sentence), as most sentences hold no capital before a digit."""
_CACHE_LIMIT = 200_000
_PATH_START = re.compile(
    r"(?<![^\s(\[<\"'\u201c\u2018\u00ab])(?<!\]\()(?:[A-Za-z]:\\|~?\.{0,2}/)")
"""Where a file path starts (``/data``, ``./x``, ``~/x``, ``C:\\``): after a space, an opening
bracket or quote, or at the start, never inside a word (``dan/atau``, ``RM5/unit``) nor as a
Markdown link's target (``](/komisen)``, which :data:`_MARKUP` takes as one)."""
_RELATIVE_TAIL = re.compile(r"/(?:[\w.-]*/)*[\w.-]*\.[a-z][a-z0-9]{0,4}(?![\w/])")
"""The rest of a relative path from its first slash (``data/OPR.csv``, ``docs/x/saham.md``):
a file name with an extension ends it, as nothing in prose does (``dan/atau``, ``P/E.``)."""
_PATH_RUN_END = re.compile(r"[^\w./-]")
"""What ends a run of a relative path's characters (from any slash of a run, it goes on as from
the first)."""
CHARACTER_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
"""What may be an HTML character reference, as HTML reads one: a name (``&amp;``, ``&D;`` of
``R&D;``), or a number in decimal or hex with any number of leading zeros (``&#45;``,
``&#00000065;``, ``&#x0041;``); :func:`character_reference` says what it stands for. The one
pattern of the recogniser, the search index and termcheck."""
_HTML = (
    r"<!--.*?(?:-->|\Z)"  # an HTML comment (unclosed: to the end, as in HTML; never quadratic)
    r"|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>"    # an HTML tag (not "a < 5 and b > 3")
    rf"|{CHARACTER_REFERENCE.pattern}"  # a character reference
)
HTML_MARKUP = re.compile(_HTML, re.DOTALL)
"""HTML in running text: a comment, a tag, a character reference (``&amp;``, ``&#45;``; one
whose name HTML does not define, ``&D;`` of ``R&D;``, is text as HTML reads it). The
recogniser reads them as blanks (:data:`_MARKUP`), the search index as what a reader sees
(``glossari.termbase.search.index_text``)."""


def character_reference(written: str) -> str | None:
    """What an HTML character reference (``&amp;``, ``&#45;``, ``&#x2d;``) stands for, or None
    where HTML defines no such name (``&D;`` of ``R&D;``, a program's own ``&commission;``, and
    ``&notional;``, which :func:`html.unescape` would read as ``¬ional;``): the one rule by
    which the recogniser, the search index and termcheck read a reference.

    >>> character_reference("&amp;"), character_reference("&#45;"), character_reference("&D;")
    ('&', '-', None)
    >>> character_reference("&#00000065;"), character_reference("&#x000000041;")
    ('A', 'A')
    """
    if written[1] != "#" and written[1:] not in html.entities.html5:
        return None
    return html.unescape(written)
_PLAIN_MARKUP = (
    _HTML +
    # a Markdown link's target (spaces taken once: "](" and a long run of spaces is not quadratic)
    r"|(?<=\])\(\s*+<?[^\s()<>]*>?(?:\s*+(?<=\s)(?:\"[^\"]*\"|'[^']*'))?\s*+\)"
    # a reference link's label (`[teks][label]`: the label names the definition, as a target
    # does), and a reference definition's line (`[label]: /target "title"`)
    r"|(?<=\])\[[^\[\]\n]{1,999}\]"
    r"|(?m:^[ ]{0,3}\[(?!\^)[^\[\]\n]{1,999}\]:[^\n]*)"
    # a footnote's reference and its definition's label (`[^1]`, `[^nota]:`): the note's
    # text is prose, its label no word (the definition's line was blanked whole, as a link's)
    r"|\[\^[^\[\]\s]{1,99}\]:?"
    r"|\b(?:https?|ftp)://[^\s<>()\[\]\"']*|\bmailto:[^\s<>()\[\]\"']*"  # a URL
)
_MARKUP = re.compile(
    _PLAIN_MARKUP
    + r"|\bwww\.[^\s<>()\[\]\"']*"  # a web address without its scheme
    r"|(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b"  # an e-mail address
    # a handle (@BNM_official), but not a price after an at sign (@RM5.00, @5%)
    rf"|(?<![\w.%+-])@(?!{_GLUED.pattern})[^\W\d]\w*"
    rf"|{_PATH_START.pattern}[^\s<>()\[\]\"']+"  # a path
    rf"|(?<![\w.%+\-/~@])[\w.-]+{_RELATIVE_TAIL.pattern}",  # a relative path
    re.DOTALL,
)
"""Markup in running text, which is not text: a slug or a URL (``/komisen``) names no term, nor
does a word of a web address written without its scheme (``www.bnm.gov.my/opr``), of an e-mail
address (``OPR@bnm.gov.my``), of a handle (``@BNM_official``) or of a file path
(``/data/OPR/kadar.csv``, ``C:\\BNM\\OPR.xlsx``, ``data/OPR.csv``). A slash inside a word
(``P/E``, ``harga/pendapatan``, ``dan/atau``) starts no path, unless a file name ends it."""
_MARKUP_NO_ADDRESS = re.compile(_PLAIN_MARKUP, re.DOTALL)
""":data:`_MARKUP` for a text that holds no ``@``, ``www.`` or path, which the last three
alternatives cannot match: an article's links and tags without trying them at every word."""


def _blank_markup(text: str) -> str:
    """``text`` with its markup (:data:`_MARKUP`) blanked out, offsets kept: the words on either
    side of a tag stay one name (``<b>Peniaga</b> broker``), and none is found inside it.

    >>> _blank_markup('<a href="/x">Bon</a> &amp; [bon](/bon)').replace("\u200b", " ")
    '             Bon     &     [bon]      '
    >>> _blank_markup('[bon][b] dan [bon][]\\n\\n[b]: /bon "Bon"')
    '[bon]    dan [bon][]\\n\\n               '
    """
    text = _blank_blocks(text)
    addresses = ("@" in text or "www." in text
                 or (("/" in text or ":\\" in text) and _may_hold_path(text)))
    if not addresses and ("<" not in text and "&" not in text and "](" not in text
                          and "][" not in text and "]:" not in text and "[^" not in text
                          and "://" not in text and "mailto:" not in text):
        # most text: a few scans at C speed, no regular expression (a slash inside a word,
        # dan/atau, RM5/unit, 1/2, ran every alternative of _MARKUP over the whole text)
        return text
    if "<" in text:
        text = _LINE_BREAKS.sub(_blank_line, text)
    markup = _MARKUP if addresses else _MARKUP_NO_ADDRESS
    return markup.sub(_blank, text)


_BR = r"<\/?br\b[^<>]*>"
_LINE_BREAKS = re.compile(rf"[ \t]*(?:\r\n|\n)?[ \t]*{_BR}(?:\s*{_BR})*[ \t]*(?:\r\n|\n)?",
                          re.IGNORECASE)
"""Line breaks (``<br>``) with the blanks and the one line end on either side: two or more in
a row (``<br><br>``, ``<br>\n<br/>``) are a blank line as a reader sees it, which parts two
stretches as a blank line does (``Pasaran<br><br>saham`` is no *Pasaran saham*); one is a
line's end, which a name runs across (``peniaga<br>broker``), a newline on either side of it
too (``peniaga\n<br>\nbroker``: HTML reads a newline as a space, where the blanked tag between
two newlines made a blank line). ``</br>`` is read as ``<br>``, as HTML reads it."""
_BR_TAG = re.compile(_BR, re.IGNORECASE)


def _blank_line(match: re.Match[str]) -> str:
    """A blank line in place of :data:`_LINE_BREAKS` with two breaks or more, one line's end in
    place of one, offsets kept."""
    found = match.group()
    if len(_BR_TAG.findall(found)) > 1:
        return "\n\n" + " " * (len(found) - 2)
    return " " * (len(found) - 1) + "\n"


_BLOCK_LINE = re.compile(
    r"(?m)^[ ]{0,3}(?:(?P<heading>#{1,6}(?:[ \t][^\n]*)?$)"
    r"|(?P<rule>(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)\r?$)"
    r"|(?P<quote>>(?:[ ]{0,3}>)*[ ]?))")
"""A Markdown line that parts blocks or marks one: an ATX heading (``## Pasaran``), a thematic
break or a setext heading's underline (``---``, ``***``, ``===``), a block quote's markers
(``> ``, ``> > ``)."""


def _blank_blocks(text: str) -> str:
    """``text`` with Markdown's block lines read as a reader reads them, offsets kept: a heading
    and a thematic break end a block (a paragraph separator, U+2029, after the heading and in
    place of the break's first mark), and a block quote's markers are blanks where the line goes
    on the quote of the line before it (``> Pasaran`` then ``> saham``: one paragraph), and a break
    where a quote starts or changes depth after a line of text.

    >>> _blank_blocks("# Pasaran\\nsaham\\n> dana\\n> lindung\\n>> nilai").split("\\u2029")
    ['# Pasaran', 'saham\\n', ' dana\\n  lindung\\n', '  nilai']
    """
    if "\n" not in text or not ("#" in text or ">" in text or "---" in text or "***" in text
                                 or "___" in text or "==" in text):
        return text
    chars: list[str] | None = None
    for match in _BLOCK_LINE.finditer(text):
        start, end = match.span()
        if chars is None:
            chars = list(text)
        if match.group("heading") is not None:
            if end < len(text):
                chars[end] = "\u2029"
        elif match.group("rule") is not None:
            at = start + len(match.group()) - len(match.group().lstrip(" "))
            chars[at] = "\u2029"
        else:
            marks = match.group("quote")
            level = marks.count(">")
            previous = _previous_line(text, start)
            prior = _BLOCK_LINE.match(text, previous) if previous is not None else None
            prior_level = (prior.group("quote").count(">")
                           if prior is not None and prior.group("quote") is not None else 0)
            blank = previous is None or not text[previous:start].strip()
            first = match.start("quote")
            for k in range(first, end):
                chars[k] = " "
            if not blank and prior_level != level:
                chars[first] = "\u2029"
    return text if chars is None else "".join(chars)


def _previous_line(text: str, start: int) -> int | None:
    """Where the line before the one starting at ``start`` starts (None: it is the first)."""
    if start == 0:
        return None
    return text.rfind("\n", 0, start - 1) + 1


def _blank(match: re.Match[str]) -> str:
    """Blanks for a piece of markup, or the text as it is where it only looks like a character
    reference: ``&D;`` in ``R&D;``, ``&T;`` in ``AT&T;`` are capitals and a semicolon, and a
    name no HTML defines is no reference (HTML itself reads ``&D;`` as written).

    >>> [w.strip("\u200b") for w in _blank_markup("R&D; &amp; &#45; &nbsp; AT&T;").split()]
    ['R&D;', '&', '-', 'AT&T;']
    >>> _blank_markup("pela&shy;bur<wbr>an") == "pela" + "\u00ad" * 5 + "bur" + "\u200b" * 5 + "an"
    True
    >>> _blank_markup("pel&#97;buran").replace("\u200b", "")
    'pelaburan'
    """
    found = match.group()
    if found[0] == "&":
        char = character_reference(found)
        if char is None:
            return found
        # a reference to an invisible character (&shy;, &#173;, &ZeroWidthSpace;) is that
        # character, which splits no word: pela&shy;buran is pelaburan, as pela\u00adburan is
        if len(char) == 1 and char in _INVISIBLE:
            return char * len(found)
        if char.strip() and len(char) < len(found):
            # a reference is the character it stands for, as a reader sees it: pel&#97;buran
            # is pelaburan, &Eacute;kuiti Ékuiti (a blank cut the word in two), and
            # peniaga&mdash;broker is parted by its dash as peniaga—broker is (a blank joined
            # the two words); the rest of its place is filled with zero-width spaces, which
            # split no word and stand for nothing between two, so the offsets are kept
            return char + "\u200b" * (len(found) - len(char))
    elif WORD_BREAK.fullmatch(found):
        return "\u200b" * len(found)  # <wbr>: a place a line may break, inside a word
    elif found[0] == "<" and found[1] != "!":
        tag = _TAG_NAME.match(found, 1)
        name = tag.group(1).lower() if tag else ""
        if name in _BLOCK_TAGS:
            # a paragraph, cell, item or heading ends here, as a blank line ends one in
            # Markdown: no name runs across it (<p>Pasaran</p><p>saham</p> is no Pasaran saham)
            return "\n\n" + " " * (len(found) - 2)
    return " " * len(found)


_TAG_NAME = re.compile(r"/?([A-Za-z][A-Za-z0-9]*)")

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "iframe", "legend", "li", "main", "menu", "nav", "ol", "optgroup", "option", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
    "ul"})
"""The HTML tags that start or end a block (CommonMark's HTML blocks of kind 6, and ``pre``): a
paragraph, a list item, a table cell, a heading. Text on either side of one is two stretches a
name does not run across, as two Markdown paragraphs are; an inline tag (``<b>``, ``<a>``,
``<span>``, and ``<br>``, a line break) is a blank inside a name (``<b>Peniaga</b> broker``)."""


WORD_BREAK = re.compile(r"<wbr\s*/?>", re.IGNORECASE)
"""The tag of a place a line may break inside a word (``pela<wbr>buran``), which splits no
word."""


def _may_hold_path(text: str) -> bool:
    """Whether a file path (:data:`_PATH_START`) starts in ``text``, or a relative one
    (:data:`_RELATIVE_TAIL`) goes on from a slash, tried at each slash and drive colon only
    (``~../`` is the longest lead before a slash).

    >>> _may_hold_path("dan/atau RM5/unit"), _may_hold_path("lihat (/data/x)")
    (False, True)
    >>> _may_hold_path("fail data/OPR.csv")
    True
    """
    run = -1  # where the run of path characters tried for a relative path ends
    for mark, back in (("/", 3), (":\\", 1)):
        at = text.find(mark)
        while at >= 0:
            if any(_PATH_START.match(text, k) for k in range(max(0, at - back), at + 1)):
                return True
            if mark == "/" and at > run:
                # once per run of path characters, not at each of its slashes (a/a/a/...
                # would cost quadratic time)
                if _RELATIVE_TAIL.match(text, at):
                    return True
                end = _PATH_RUN_END.search(text, at)
                run = len(text) if end is None else end.start()
            at = text.find(mark, at + 1)
    return False


def fold(text: str) -> str:
    """Lower case without accents or invisible characters, one apostrophe for all (the key
    every comparison uses).

    >>> fold("Ékuiti"), fold("E\\u0301kui\\u00adti")
    ('ekuiti', 'ekuiti')
    """
    text = text.casefold()
    if text.isascii():
        return text
    # the marks dropped as a name's key drops them (glossari.text.without_accents, one rule):
    # find kept variation selectors, dropped viramas (क्रम was करम) and read й as и
    return without_accents(text.translate(_FOLDS)).casefold()


_CONNECTIVES = frozenset({"of", "for", "on", "in"})
"""The words after the head of an English name (``cost of sales``, ``return on equity``)."""
_MAX_SPELLINGS = 16
"""At most so many spellings of one name: each word of a long name may have two."""


def _respelled(paths: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The English ``paths`` (a name's words) in every other spelling of their words."""
    out: list[tuple[str, ...]] = []
    for path in paths:
        options = [[word, *english.spellings(word)] for word in path]
        if all(len(o) == 1 for o in options):
            continue
        for combination in itertools.islice(itertools.product(*options), 1, _MAX_SPELLINGS):
            if combination not in paths and combination not in out:
                out.append(combination)
    return out


def _marks_fit(text: str, units: _Words, i: int, marks: tuple[str, ...]) -> bool:
    """Whether the gaps after word ``i`` of a text, as many as ``marks``, each hold nothing but
    what any gap may (:func:`_separator`) or the name's own mark there."""
    starts, ends, _ = units
    for k, mark in enumerate(marks, i):
        between = _separator(text, ends[k], starts[k + 1])
        if between and between != mark:
            return False
    return True


def _in_capitals(text: str, start: int, end: int, acronym: str) -> bool:
    """Whether the word at ``text[start:end]`` starts with ``acronym`` as written, its dots
    ignored (``E.T.F.s`` for ``ETF``)."""
    if text.startswith(acronym, start):
        return True
    written = text[start:end]
    if not written.isascii():
        # full-width capitals (U+FF21 to U+FF3A, typed with a CJK input method) are the
        # capitals they fold to, as the word was read by its folded form
        written = unicodedata.normalize("NFKC", written)
    # the letters and digits as written: dots (E.T.F.s) and, for capitals joined by & or /,
    # what the text writes between its words (P / E) ignored
    return ("".join(c for c in written if c.isalnum())
            .startswith("".join(c for c in acronym if c.isalnum())))


def _units(text: str, lang: Lang) -> tuple[list[int], list[int], list[str]]:
    """The words of ``text`` (starts, ends, folded words): a hyphenated word is one word when it
    is a Malay reduplication (``komisen-komisen``, ``sehari-hari``), otherwise its parts are."""
    starts: list[int] = []
    ends: list[int] = []
    found: list[str] = []
    if lang == "ms" and _APOSTROPHE.search(text):
        # a word ending in an apostrophe (the ain of tabarru') written reduplicated is one word
        # (tabarru'-tabarru', tabarru'-tabarru'nya), as komisen-komisen is: the apostrophe
        # before the hyphen is read as an invisible character, offsets kept
        text = _AIN_BEFORE_HYPHEN.sub("\u200b", text)
    # ASCII folds character for character: fold the text once, not each word
    folded = text.lower() if text.isascii() else None
    for match in (_TOKEN if folded is None else _ascii_token(text)).finditer(text):
        start, end = match.span()
        word = folded[start:end] if folded is not None else fold(match.group())
        if _HYPHENS.search(word) is None:
            starts.append(start)
            ends.append(end)
            found.append(word)
            continue
        word = _HYPHENS.sub("-", word)
        if lang == "ms" and "'" in word and _is_reduplication(_clitic_apostrophe(word)):
            word = _clitic_apostrophe(word)  # tabarru'-tabarru'nya
        if lang == "ms" and _is_reduplication(word):
            starts.append(start)
            ends.append(end)
            found.append(word)
            continue
        parts = _HYPHENS.split(match.group())
        # clitics after a hyphen (OPR-nya, peniaga-broker-nya, saham-saham-nya, OPR-nya-lah:
        # as Malay writes them after an acronym or a name) belong to the word before them, as
        # komisennya's do; a possessive and a particle may each have their own hyphen
        pieces = word.split("-")
        attached = 0
        while (lang == "ms" and attached + 1 < len(pieces)
               and malay.is_clitic("".join(pieces[-attached - 1:]))):
            attached += 1
        head = "-".join(pieces[:len(pieces) - attached])
        clitic = "".join(pieces[len(pieces) - attached:])
        # (the possessive after an apostrophe, a particle after a hyphen: the clitics of
        # komisen-komisen'nya-lah and ha-ha'nya-lah are the pair's too)
        joined = malay.attach(head, clitic) if attached else ""
        if "'" in joined:
            joined = _clitic_apostrophe(joined)
        if attached and _is_reduplication(joined):
            starts.append(start)
            ends.append(end)
            found.append(joined)
            continue
        offset = start
        for k, part in enumerate(parts):
            if k >= len(parts) - attached:
                ends[-1] = offset + len(part)
                found[-1] = (malay.attach(found[-1], fold(part)) if k == len(parts) - attached
                             else found[-1] + fold(part))
                offset += len(part) + 1
                continue
            if (k == 1 and lang == "ms" and len(parts) - attached > 2
                    and _is_reduplication(pair := f"{found[-1]}-{fold(part)}")):
                # a compound written with hyphens, its first word reduplicated
                # (cukai-cukai-pendapatan, as cukai-cukai pendapatan): the pair is one word
                ends[-1] = offset + len(part)
                found[-1] = pair
                offset += len(part) + 1
                continue
            starts.append(offset)
            ends.append(offset + len(part))
            found.append(fold(part))
            offset += len(part) + 1
    if lang == "ms" and _APOSTROPHE.search(text):
        found = [_clitic_apostrophe(w) if "'" in w else w for w in found]
    return starts, ends, found


def _clitic_apostrophe(word: str) -> str:
    """A folded Malay word with its clitics written after an apostrophe, as Malay marks them on
    a foreign word or an acronym (``broker'nya``, ``OPR\u2019nya``): the word with its
    clitics, as after a hyphen (``brokernya``); any other as it is (``moody's``, ``qur'an``).

    >>> _clitic_apostrophe("broker'nya"), _clitic_apostrophe("moody's"), _clitic_apostrophe("'nya")
    ('brokernya', "moody's", "'nya")
    """
    head, _, tail = word.rpartition("'")
    return malay.attach(head, tail) if head[-1:].isalnum() and malay.is_clitic(tail) else word


def _ber_noun(word: str, root: str) -> bool:
    """Whether ``word`` is ``ber-`` on the derived noun ``root``: Malay puts ``ber-`` (having)
    before a ``pe(N)-...-an`` or ``ke-...-an`` noun (``berpendapatan``, ``berpengalaman``,
    ``berkemampuan``), the one derivation an already derived name word takes."""
    return (word == "ber" + root and root.endswith("an")
            and root.startswith(("pe", "ke")) and len(root) > 5)


@functools.lru_cache(maxsize=4096)
def _is_reduplication(word: str) -> bool:
    return any(a.redup for a in malay.analyse(word))


def words(name: str, lang: Lang) -> tuple[str, ...]:
    """The folded words of a name, as the recognizer files them: a Malay word written
    reduplicated is filed once (the plural of a link text: ``[syarikat-syarikat induk](...)``
    names *syarikat induk*, as lookups and links read it).

    >>> words("Broker-dealer", "en"), words("Eksekutif-eksekutif Akaun", "ms")
    (('broker', 'dealer'), ('eksekutif', 'akaun'))
    >>> words("Dana Dagangan Bursa (E.T.F.)", "ms")
    ('dana', 'dagangan', 'bursa', 'etf')
    """
    return tuple(_single(w.replace(".", "")) if lang == "ms" else w.replace(".", "")
                 for w in _units(name, lang)[2])


_SHORTEST_ROOT = 3
"""The shortest root :func:`end_roots` gives, in either language (``bon`` of ``bon2``, ``tax``
of ``taxes``, ``fee`` of ``fees``, ``etf`` of ``ETFs``): a shorter one would mean too little to
be the word's."""


def end_roots(word: str) -> set[str]:
    """The words a folded ``word`` may be built on by the inflections that only add to its
    end, in either language: a Malay clitic or whole reduplication (``komisennya``,
    ``bon-bon``, ``bon2``), an English plural or possessive (``brokers``, ``securities``,
    ``dealer's``); never ``word`` itself, nor a derivation (``berinflasi``, ``taxation``),
    which makes another word. What ``glossari search`` asks for besides an inflected query
    word, and what tells a name from an inflection of another (:func:`inflects`).

    >>> "komisen" in end_roots("komisennya"), end_roots("bon-bon"), end_roots("rates")
    (True, {'bon'}, {'rate'})
    >>> "inflasi" in end_roots("berinflasi"), end_roots("taxation"), end_roots("kos")
    (False, set(), set())

    An English word in ``-s`` that :func:`english.singulars` reads as no plural has no plural
    reading (``status`` is no ``statu``, ``bonus`` no ``bonu``, ``news`` no ``new``):

    >>> end_roots("status"), end_roots("status's"), end_roots("fees"), sorted(end_roots("taxes"))
    (set(), {'status'}, {'fee'}, ['tax', 'taxe'])
    """
    roots = {a.root for a in malay.analyse(word)[1:]
             if not a.derived and not a.left and len(a.root) >= _SHORTEST_ROOT}
    roots.update(_english_roots(word))
    return {r for r in roots if _ROOT.fullmatch(r) and r != word}


_ROOT = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*")
"""A root :func:`end_roots` gives: letters and digits, an apostrophe between two of them
(``qur'an`` of ``qur'an2``, ``qur'annya``: a root so written was dropped, and ``glossari
search qur'an2`` found nothing where ``qur'an-qur'an`` found *Qur'an*); not a reduplication's
hyphen nor an apostrophe at an end."""


def _english_roots(word: str) -> list[str]:
    """The English readings of :func:`end_roots`: the word without its possessive and its
    :func:`english.singulars` (three letters will do: ``tax``, ``fee``, ``etf``); and, longer
    than three letters (``notes`` is no ``not``), the other readings of
    :func:`english.analyse` (the classical plurals, ``-es`` after any letter), when the word
    is a plural by :func:`english.singulars`' rule or ends in no ``-s`` (``statuses``,
    ``chairmen``; not ``status``, ``news``)."""
    stem = english.possessor(word)
    plural = english.singulars(stem)
    out = [r for r in ([stem] if stem != word else []) + plural if len(r) >= _SHORTEST_ROOT]
    if plural or not stem.endswith("s"):
        out += [r for r in english.analyse(word)[1:] if len(r) > _SHORTEST_ROOT]
    return out


def query_roots(word: str) -> list[str]:
    """The words a folded query ``word`` asks for besides itself, each whole, sorted: those of
    its :func:`end_roots` that begin it (an ending taken off: ``komisen`` of ``komisennya``,
    ``broker`` of ``brokers``, ``bon`` of ``bon2``), and a singular that changes its end
    (``security`` of ``securities``), or an irregular or classical plural's
    (:func:`english.irregular_singulars`: ``index`` of ``indices``, ``chairman`` of
    ``chairmen``); not the other analyses (``komisennyum``, ``ekuitus``).
    Each in its other spelling too, British or American (:func:`english.spellings`:
    ``advisor`` of ``adviser``), as the recogniser finds a name in either; the rules write
    spellings no text has (``dealler``), which cost a search nothing.
    A hyphenated word is read as the recogniser reads text, its last word: clitics after a
    hyphen belong to the word before them (``finra-nya``, ``komisen-komisen-nya``), and an
    apostrophe after it is not its (``brokers'``). The one
    rule of ``glossari search`` (:mod:`glossari.termbase.search`) and of the site's search
    script, which applies :func:`search_rules` as this does.

    >>> query_roots("komisennyalah"), query_roots("securities"), query_roots("finra-nya")
    (['komisen', 'komisennya'], ['securiti', 'securitie', 'security'], ['finra'])
    >>> query_roots("loss"), query_roots("kos"), query_roots("broker-dealers")[:1]
    ([], [], ['dealer'])
    >>> query_roots("capitalisation"), query_roots("labour"), "advisor" in query_roots("advisers")
    (['capitalization'], ['labor'], True)

    Clitics after a hyphen or an apostrophe, or a possessive after an apostrophe, end a word of
    two letters too (:func:`_split_ending`):

    >>> query_roots("sc-nya"), query_roots("rm-nyalah"), query_roots("sc\u2019s")
    (['sc'], ['rm'], ['sc'])
    """
    split = _split_ending(word)
    if "-" in word or _APOSTROPHE.search(word) or not word[-1:].isalnum():
        units = _units(word, "ms")[2]
        word = units[-1] if units else word
    roots = end_roots(word)
    asked = ({r for r in roots if word.startswith(r)}
             | {r for r in english.singulars(word) if r in roots}
             | {r for r in english.irregular_singulars(word) if r in roots})
    if split and split != word:
        asked.add(split)
    # the other spelling, British or American, of the word and of each root, as find reads a
    # name in either (adviser and advisor, capitalisation, labour)
    asked.update(other for each in [word, *asked] for other in english.spellings(each))
    asked.discard(word)
    return sorted(asked)


_SPLIT_ENDING = re.compile(rf"(?P<stem>[^\W\d_]{{2,}})(?P<mark>[-{APOSTROPHES}])"
                           r"(?P<ending>[^\W_]+(?:-[^\W_]+)*)")
"""A word, then clitics after a hyphen or an apostrophe, or a possessive after an apostrophe
(``sc-nya``, ``rm-nyalah``, ``sc\u2019nya``, ``sc's``)."""


def _split_ending(word: str) -> str | None:
    """The word before the clitics or the possessive a folded query ``word`` writes after a
    hyphen or an apostrophe (:data:`_SPLIT_ENDING`), two letters will do: the mark says where
    the word ends, as the recogniser reads ``SC-nya`` and ``SC's`` as *SC*, where
    :func:`end_roots` wants three letters of a word it must cut by rule alone (``RM-nya``,
    ``SC\u2019nya``, ``SC's`` asked for no ``rm``, ``sc``, and found nothing); None for any other
    word."""
    found = _SPLIT_ENDING.fullmatch(word)
    if found is None:
        return None
    ending = found.group("ending").replace("-", "")
    if malay.is_clitic(ending) or (found.group("mark") != "-" and ending == "s"):
        return found.group("stem")
    return None


def search_rules() -> dict[str, object]:
    """The data of :func:`query_roots` as JSON, for the site's search script, which carries it
    in its index (``rules``): Malay clitics and reduplication, English plurals and possessives,
    and the shortest root."""
    return {"ms": malay.rules(), "en": english.rules(), "shortestRoot": _SHORTEST_ROOT}


def inflects(name: str, other: str, lang: Lang) -> bool:
    """True when ``name`` is ``other`` with only inflections that add to a word's end: the same
    words (a Malay word written reduplicated counts once, as :func:`words` files it), the last
    one ``other``'s or built on it (:func:`end_roots`). A derivation or another spelling is a
    name of its own.

    >>> inflects("Peniaga-peniaga broker", "Peniaga broker", "ms"), inflects("Sahamnya", "Saham",
    ...                                                                      "ms")
    (True, True)
    >>> inflects("broker-dealers", "Broker-dealer", "en"), inflects("rates", "Rate", "en")
    (True, True)
    >>> inflects("Percukaian", "Cukai", "ms"), inflects("advisor", "Adviser", "en")
    (False, False)
    """
    mine, theirs = words(name, lang), words(other, lang)
    return (len(mine) == len(theirs) > 0 and mine[:-1] == theirs[:-1]
            and (mine[-1] == theirs[-1] or theirs[-1] in end_roots(mine[-1])))


def _without_possessive(word: str) -> str | None:
    """A folded Malay name word written with the possessive clitic ``-nya`` (``pelaburannya``,
    ``komisen-komisennya``), without it and written once (``pelaburan``, ``komisen``), or None:
    a word that only ends like one (``hanya``, ``punya``: a root of fewer than three letters)
    is none, and no other clitic is undone (``jumlah`` is no ``jum`` with ``-lah``)."""
    bare = word[:-3]
    if not word.endswith("nya") or len(_single(bare)) < _SHORTEST_ROOT or not any(
            a.root == bare and a.right and not (a.left or a.derived or a.redup)
            for a in malay.analyse(word)):
        return None
    return _single(bare)


_POSSESSIVE_END = re.compile(rf"[\-\u2010\u2011{APOSTROPHES}]?nya$", re.IGNORECASE)


def without_possessive(name: str) -> str | None:
    """A Malay name whose last word is written with the possessive ``-nya``, as written without
    it (``dividennya``: ``dividen``; ``Saham-saham keutamaannya``: ``Saham-saham keutamaan``;
    ``OPR-nya``: ``OPR``), by the rule the recognizer files a link text's name by (only
    ``-nya``, after three letters or more); None for any other name (``hanya``, ``jumlah``).
    What a link text that only adds the possessive to a name resolves as.

    >>> without_possessive("dividennya"), without_possessive("Saham-saham keutamaannya")
    ('dividen', 'Saham-saham keutamaan')
    >>> without_possessive("kira-kiranya"), without_possessive("*OPR-nya*")
    ('kira-kira', '*OPR*')
    >>> without_possessive("hanya"), without_possessive("jumlah"), without_possessive("Dividen")
    (None, None, None)
    """
    starts, ends, found = _units(name, "ms")
    if not found or _without_possessive(found[-1].replace(".", "")) is None:
        return None
    last = name[starts[-1]:ends[-1]]
    match = _POSSESSIVE_END.search(last)
    if match is None:
        return None
    return name[:starts[-1]] + last[:match.start()] + name[ends[-1]:]


def end_bases(name: str, lang: Lang) -> list[str]:
    """The names ``name`` may be a form of in ``lang`` by the inflections that only add to a
    word's end, as find reads them in running text (:func:`inflects`' rule, not a derivation:
    ``percukaian`` is no form of *cukai*): ``name`` with one word read back to a word it may be
    built on, fewer letters taken off first. Malay: the last word without its clitics
    (``sahamlah``, ``Peniaga brokerkah``, ``KWSP-nyalah``, two letters before a hyphen or an
    apostrophe: ``SC-nya``, ``SC\u2019nya``) or written once (``saham-sahamlah``), or a
    name's closing bracket without the clitics after it (``(OPR)nya``), or an acronym joined
    by ``/`` or ``&`` without the ending on its last capital (``P/Enya``, ``M&As``,
    ``P / E's``: :func:`acronym_of`, in capitals, as find reads it); English: the last
    word without its plural or possessive (``Broker-dealers``, ``dealer's``, ``REITs``), or
    the plural head before the first connective (``letters of credit``, ``rates of return on
    equity``). A few names, whatever the length of ``name``; never ``name`` itself. Only
    the changed word is folded, the rest is as written: each is asked for by its lookup key,
    a name of ``lang`` (what ``Glossary.lookup`` and ``show`` answer for an inflected name,
    without building a recogniser of every name).

    >>> end_bases("SC-nya", "ms"), end_bases("Peniaga brokerkah", "ms")
    (['sc'], ['Peniaga broker'])
    >>> end_bases("KWSP-nyalah", "ms"), end_bases("Kadar Dasar (OPR)nya", "ms")
    (['kwspnya', 'kwsp'], ['Kadar Dasar (OPR)'])
    >>> end_bases("Broker-dealers", "en"), end_bases("letters of credit", "en")
    (['Broker-dealer'], ['letter of credit'])
    >>> end_bases("P/Enya", "ms"), end_bases("M & A's", "ms"), end_bases("p/enya", "ms")
    (['P/E'], ['M&A'], [])
    >>> end_bases("Percukaian", "ms"), end_bases("jumlah", "ms"), end_bases("hanya", "ms")
    ([], ['jum'], [])
    """
    out: list[str] = []

    def add(start: int, end: int, roots: Iterable[str]) -> None:
        for root in roots:
            based = name[:start] + root + name[end:]
            if based != name and based not in out:
                out.append(based)

    starts, ends, found = _units(name, lang)
    if not found:
        return out
    if lang == "ms":
        add(starts[-1], ends[-1], (a.root for a in malay.analyse(found[-1].replace(".", ""))[1:]
                                   if not (a.derived or a.left)))
        bracket = name.rfind(")")
        clitic = _BRACKET_CLITIC.match(name, bracket + 1) if bracket >= 0 else None
        if (clitic is not None and not name[clitic.end():].strip()
                and malay.is_clitic(_HYPHENS.sub("", fold(clitic.group(1))))):
            # clitics after a name's closing bracket are the name's, as find reads them
            # (Kadar Dasar Semalaman (OPR)nya, (OPR)-nya-lah)
            add(bracket + 1, len(name), [""])
        # an acronym of several written with an ending (P/Enya, M&Anyalah, P/Es, P / E's):
        # its last capital is too short a stem for the rules' clitics, and find reads it as
        # the acronym (Recognizer._read, in capitals): acronym_of's rule
        acronym = acronym_written(name)
        if acronym is not None and _JOINED_ACRONYM.fullmatch(acronym):
            add(0, len(name), [acronym])
        return out
    add(starts[-1], ends[-1], english.analyse(found[-1].replace(".", ""))[1:])
    # the head before the first connective only: a name has a few readings whatever its
    # length (one for each connective made a pasted page of 30 KB a lookup of 36 s)
    k = next((k for k in range(1, len(found) - 1) if found[k] in _CONNECTIVES), 0)
    if k and not _APOSTROPHE.search(found[k - 1]):
        add(starts[k - 1], ends[k - 1], english.analyse(found[k - 1])[1:])
    return out


_MARK_GAP = re.compile(r"\s*([&/])\s*")
"""A ``/`` or ``&`` with the spaces around it, which find allows between an acronym's parts
(``P / E``)."""


def _single(word: str) -> str:
    """A folded word written fully reduplicated (``bank-bank``), once; any other as it is."""
    head, dash, tail = word.partition("-")
    return head if dash and head == tail else word


@dataclass(frozen=True, slots=True)
class Hit(Generic[K]):
    """One name found in a text."""

    start: int
    """Offset of the first character of the match in the text."""
    end: int
    """Offset just past its last character."""
    name: str
    """The name it matched, as given to the recognizer."""
    keys: tuple[K, ...]
    """Whose name it is (several owners may share one name), in the order given."""
    text: str
    """The text matched (``text[start:end]``)."""


class _Entry(Generic[K]):
    __slots__ = ("acronym", "keys", "marks", "name")

    def __init__(self, name: str, acronym: str | None, marks: tuple[str, ...]) -> None:
        self.name = name
        self.acronym = acronym
        self.marks = marks
        """The punctuation the name writes between its words ("" for a plain gap: ``P/E``
        ``('/',)``, ``S&P 500`` ``('&', '')``): a text's may be a plain gap or the same."""
        self.keys: list[K] = []


class _Node(Generic[K]):
    __slots__ = ("below", "children", "deeper", "entries", "parent", "separators")

    def __init__(self, parent: _Node[K] | None = None) -> None:
        self.parent = parent
        """The node of the word before this one (None: the root)."""
        self.below: int = 0
        """How many entries the nodes below this one hold (:meth:`Recognizer.keys_in` walks
        no further once it has found them all)."""
        self.children: dict[str, _Node[K]] = {}
        self.entries: list[_Entry[K]] = []
        self.separators: frozenset[str] = frozenset()
        """The punctuation some name writes just before this word (``&`` in ``S&P``)."""
        self.deeper: int = 0
        """The fewest words past this one that end a name below it (0: none below): a text
        with fewer words left is not walked further."""


def _measure(root: _Node[K]) -> None:
    """Set every node's :attr:`_Node.deeper` and :attr:`_Node.below`, children first, without
    recursion (a name of 60,000 words is a trie that deep)."""
    order: list[_Node[K]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children.values())
    for node in reversed(order):
        node.deeper = min((1 if child.entries else 1 + child.deeper
                           for child in node.children.values()), default=0)
        node.below = sum(len(child.entries) + child.below for child in node.children.values())


class _Found(Generic[K]):
    """The entries one text has shown so far, and how many of them each node has below it:
    :meth:`Recognizer.keys_in` walks into no node whose entries below are all found (each
    start of a text that repeats one long name walked the whole name again to find the same
    key, quadratic: 49 s for a name of 8,000 words written twice)."""

    __slots__ = ("below", "entries")

    def __init__(self) -> None:
        self.entries: set[_Entry[K]] = set()
        self.below: dict[_Node[K], int] = {}

    def add(self, entry: _Entry[K], node: _Node[K]) -> None:
        """Record ``entry``, held by ``node``, as found (once: each node above it counts it)."""
        if entry in self.entries:
            return
        self.entries.add(entry)
        above = node.parent
        while above is not None:
            self.below[above] = self.below.get(above, 0) + 1
            above = above.parent

    def done(self, node: _Node[K]) -> bool:
        """Whether every entry below ``node`` is found."""
        return self.below.get(node, 0) >= node.below


class _Reading(NamedTuple):
    root: str
    left: bool
    right: bool
    redup: bool
    head: bool = False
    """An English plural of a word that a connective follows in a name (``letters`` of
    ``letter of credit``): it goes on into the connective, and ends no name."""


_Words = tuple[list[int], list[int], list[tuple[_Reading, ...]]]


class _Readings(dict[str, tuple[_Reading, ...]]):
    """Each folded word's readings, computed on first use (a plain ``cache[word]`` is the fast
    path), and forgotten all at once past a size."""

    __slots__ = ("_compute",)

    def __init__(self, compute: Callable[[str], tuple[_Reading, ...]]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, word: str) -> tuple[_Reading, ...]:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        found = self[word] = self._compute(word)
        return found
"""A text's words: their starts, their ends, and each one's readings."""


def _acronym_names(names: Iterable[tuple[str, K]]) -> Iterator[tuple[str, K, bool]]:
    """``(name, key, written as an acronym)``: a name written as an acronym with dots or an
    ending (a link text ``S.C.nya``, ``SCnya``: :func:`acronym_of`) is the acronym, and itself
    as written in capitals (``SCnya``, whose glued clitic no rule cuts off two letters); filed
    as the plain word ``scnya``, a text's lower-case ``scnya`` was *SC*."""
    for name, key in names:
        acronym = acronym_of(name)
        if acronym is None:
            yield name, key, False
        else:
            yield acronym, key, False
            if "." not in name:  # S.C.nya is SC's S.C.nya; SCnya no SC
                yield name, key, True


class Recognizer(Generic[K]):
    """Every name of a glossary in one language, compiled for finding them in text."""

    __slots__ = ("_acronym_ends", "_acronyms", "_analyses", "_bases", "_derivable", "_first",
                 "_heads", "_lang", "_last", "_root", "_stems", "_vocabulary")

    def __init__(self, names: Iterable[tuple[str, K]], *, lang: Lang,
                 acronyms_in_capitals: bool = True, english_bases: bool = False) -> None:
        """Compile ``(name, key)`` pairs; a name without a word is ignored.

        ``acronyms_in_capitals=False`` lets an acronym match in any case (``finra``): lenient,
        for a check that asks whether a translation has the term, not whether a text names it.
        ``english_bases=True`` (English only), as lenient and for the same checks: a word that
        a name's last word begins (:func:`glossari.terms.english.bases`: ``taxation``,
        ``taxed``, ``shareholders``) is a form of it, as the Malay side finds ``percukaian``,
        ``dicukai`` and ``pemegang saham`` as uses of *cukai* and *saham*; and so is a word
        that shares a stem with a name's last word (:func:`glossari.terms.english.stems`:
        ``insured`` for *insurance*, ``depreciated`` for *depreciation*), but a person's noun
        for a name that is none (``investors`` for *investment*:
        :func:`glossari.terms.english.names_a_person`).
        """
        self._lang: Lang = lang
        self._bases = english_bases and lang == "en"
        self._root: _Node[K] = _Node()
        self._vocabulary: set[str] = set()
        self._first: set[str] = set()
        self._last: set[str] = set()
        self._acronyms: set[str] = set()
        """The acronyms of one word (``reit``), folded, whose English plural and possessive
        Malay text borrows (``REITs``)."""
        self._acronym_ends: set[str] = set()
        """The last word of each acronym of several (``e`` of ``P/E``), too short to be a
        stem for the Malay rules' clitics (``P/E-nya``)."""
        self._heads: set[str] = set()
        plain: set[str] = set()  # the name words as written (not collapsed from kira-kira)
        doubled: set[str] = set()  # name words written reduplicated, as written
        for name, key, written_acronym in _acronym_names(names):
            starts, ends, written = _units(name, lang)
            path = words(name, lang)
            if not path:
                continue
            plain.update(w.replace(".", "") for w in written)
            # the punctuation the name writes between its words (S&P, P/E, Sdn. Bhd.) will do
            # between them in a text too, besides what any gap may hold
            separators = [_separator(name, ends[k], starts[k + 1]) or ""
                          for k in range(len(path) - 1)]
            stripped = name.strip()
            # an acronym is one whether or not its capitals are required: the checks read its
            # borrowed endings (REITs, P/E's, M&Anya) in any case, as find does in capitals,
            # and no other form (P/E is never PE written closed)
            an_acronym = written_acronym or _is_acronym(stripped, path)
            acronym = stripped if acronyms_in_capitals and an_acronym else None
            paths = [path]
            if lang == "en" and not an_acronym:
                # a name written in the plural (Securities) is found in the singular too
                paths += [(*path[:-1], w) for w in english.singulars(path[-1])]
                # and in the other spelling, British or American (capitalisation, labor)
                paths += _respelled(paths)
            if not an_acronym and len(path) == 2:
                # a compound of two words is also written closed: hedgefund, matawang
                # (and kewarganegaraan, ke-...-an on warganegara, from warga negara)
                closed = [("".join(each),) for each in paths]
                plain.update(each[0] for each in closed)
                paths += closed
            if lang == "ms" and not an_acronym:
                # a link text with its possessive clitic (pelaburannya, sahamnya) names the
                # word without it too: pelaburan, pelaburan-pelaburan
                bare = _without_possessive(path[-1])
                if bare is not None:
                    paths.append((*path[:-1], bare))
                    plain.add(bare)
            if lang == "ms":
                # a word the name itself writes reduplicated (kunci kira-kira) is found as
                # written too, wherever it stands in the name: path folds it to kira, and a
                # text's word after the first may not be reduplicated by inflection
                as_written = tuple(w.replace(".", "") for w in written)
                if as_written != path and len(as_written) == len(path):
                    paths.append(as_written)
                    doubled.update(w for w in as_written if "-" in w)
            for each in paths:
                node = self._root
                for k, word in enumerate(each):
                    child = node.children.get(word)
                    if child is None:
                        child = node.children[word] = _Node(node)
                    node = child
                    if k and len(each) == len(path) and separators[k - 1]:
                        node.separators |= {separators[k - 1]}
                # names of the same words that write other marks between them (P/E, P&E) are
                # entries of their own: the node's separators are every such name's
                marks = tuple(separators) if len(each) == len(path) else ("",) * (len(each) - 1)
                entry = next((e for e in node.entries
                              if e.acronym == acronym and e.marks == marks), None)
                if entry is None:
                    entry = _Entry(stripped, acronym, marks)
                    node.entries.append(entry)
                if key not in entry.keys:
                    entry.keys.append(key)
                self._vocabulary.update(each)
                self._first.add(each[0])
                self._last.add(each[-1])
                if an_acronym and len(each) > 1:
                    self._acronym_ends.add(each[-1])
                elif an_acronym:
                    self._acronyms.add(each[0])
                if lang == "en":
                    # the head of "letter of credit" takes the plural: letters of credit
                    self._heads.update(each[k] for k in range(len(each) - 2)
                                       if each[k + 1] in _CONNECTIVES)
        # each stem of a name's last word, and the last words it is a stem of
        self._stems: dict[str, set[str]] = {}
        if self._bases:
            for last in self._last:
                for stem in english.stems(last):
                    self._stems.setdefault(stem, set()).add(last)
        # a word that some name writes only reduplicated (kira-kira) takes no derivation:
        # mengira is no form of it
        self._derivable = {w for w in self._vocabulary if malay.takes_derivation(w)
                           and w in plain and w not in doubled}
        self._analyses = _Readings(self._read)
        _measure(self._root)

    def __len__(self) -> int:
        """How many distinct words the names use."""
        return len(self._vocabulary)

    def _one_word_name(self, word: str) -> bool:
        """Whether ``word`` (folded) is a whole name by itself, not only an acronym's."""
        node = self._root.children.get(word)
        return node is not None and any(e.acronym is None for e in node.entries)

    def _acronym(self, word: str) -> bool:
        """Whether ``word`` (folded) is some name's acronym of one word (matched in capitals
        only, unless the recogniser takes any case)."""
        return word in self._acronyms

    def _read(self, word: str) -> tuple[_Reading, ...]:
        """The readings of a folded word whose root is a word of some name."""
        readings: list[_Reading] = []
        if "." in word:  # an acronym written with dots: E.T.F. is ETF
            letters, _, tail = word.rpartition(".")
            letters, clitics = letters.replace(".", ""), tail.lstrip("-")
            if self._lang == "ms" and self._acronym(letters) and malay.is_clitic(clitics):
                # its clitics after the last dot (S.C.nya, S.C.-nya): the dots say where the
                # acronym ends, as a hyphen does (malay.attach: sc-nya, not scnya, which reads
                # as hanya does, a word of its own)
                word = malay.attach(letters, clitics)
            else:
                word = word.replace(".", "")
        if self._lang == "ms":
            analyses = malay.analyse(word)
            # a form of a one-word name, by clitics and reduplication only, is that name and no
            # derivation of another's word: perbankan(nya) is banking, not per-...-an on bank,
            # when the glossary has both (find and the checks give it one answer)
            named = any(not a.derived and self._one_word_name(a.root) for a in analyses)
            for a in analyses:
                if a.root not in self._vocabulary or (named and a.derived):
                    continue
                if (a.derived and a.root not in self._derivable
                        and not _ber_noun(word, a.root)):
                    continue
                if (a.left or a.redup) and a.root not in self._first:
                    continue
                if a.right and a.root not in self._last:
                    continue
                reading = _Reading(a.root, a.left, a.right, a.redup)
                if reading not in readings:
                    readings.append(reading)
            # an acronym in the English plural, as Malay text borrows it (REITs, ETFs; P/Es, on
            # the last capital of an acronym of several, as P/E's): a form of the acronym,
            # whose capitals `_ends` requires as for its other forms
            if word.endswith("s") and (self._acronym(word[:-1])
                                       or word[:-1] in self._acronym_ends):
                reading = _Reading(word[:-1], False, True, False)
                if reading not in readings:
                    readings.append(reading)
            # an acronym with the English possessive, as Malay text borrows it as it does the
            # plural (FINRA's, FINRA\u2019s, P/E's): a form of the acronym, whose capitals
            # `_ends` requires as for its other forms (a Malay word's `saham's` stays no form)
            stem = english.possessor(word) if "'" in word else word
            if stem != word and (self._acronym(stem) or stem in self._acronym_ends):
                reading = _Reading(stem, False, True, False)
                if reading not in readings:
                    readings.append(reading)
            # clitics on the last capital of an acronym of several (P/E-nya, M&Anya), a word
            # too short for the rules' stems: a form of it, whose capitals `_ends` requires
            for end in range(1, len(word) if self._acronym_ends else 0):
                if word[:end] in self._acronym_ends and malay.is_clitic(word[end:]):
                    reading = _Reading(word[:end], False, True, False)
                    if reading not in readings:
                        readings.append(reading)
        else:
            plural = _APOSTROPHE.search(word) is None
            for i, root in enumerate(english.analyse(word)):
                if root in self._vocabulary and (i == 0 or root in self._last):
                    reading = _Reading(root, False, i > 0, False)
                    if reading not in readings:
                        readings.append(reading)
                if i > 0 and plural and root in self._heads:
                    reading = _Reading(root, False, False, False, True)
                    if reading not in readings:
                        readings.append(reading)
            if self._bases and not readings:
                for root in english.bases(word):
                    if root in self._vocabulary and root in self._last:
                        readings.append(_Reading(root, False, True, False))
                person = english.names_a_person(word)
                for stem in english.stems(word):
                    for last in sorted(self._stems.get(stem, ())):
                        if person and not english.names_a_person(last):
                            continue  # investors are no investment
                        reading = _Reading(last, False, True, False)
                        if reading not in readings:
                            readings.append(reading)
        return tuple(readings)

    def _ends(self, text: str, units: _Words, i: int,
              found: _Found[K] | None = None) -> list[tuple[int, _Entry[K]]]:
        """Every ``(index past the last word, entry)`` of a name that starts at word ``i``;
        with ``found``, only those whose entry it does not hold yet, recorded in it (the walk
        goes into no node whose entries below are all found)."""
        out: list[tuple[int, _Entry[K]]] = []
        starts, ends, readings = units
        # (node, word index, the punctuation before that word: "" for a plain gap, whether the
        # word before was an inflected head, which only a connective may follow)
        # (and whether a word before it was parted by a mark, which each name must write)
        stack: list[tuple[_Node[K], int, str, bool, bool]] = [(self._root, i, "", False, False)]
        count = len(starts)
        while stack:
            node, j, separator, after_head, marked = stack.pop()
            marked = marked or bool(separator)
            for reading in readings[j]:
                if j > i and (reading.left or reading.redup):
                    continue
                if after_head and reading.root not in _CONNECTIVES:
                    continue
                child = node.children.get(reading.root)
                if child is None or (separator and separator not in child.separators):
                    continue
                for entry in () if reading.head else child.entries:
                    if found is not None and entry in found.entries:
                        continue
                    if marked and not _marks_fit(text, units, i, entry.marks):
                        continue  # P/E is no P&E, harga/pendapatan no harga pendapatan
                    if entry.acronym is None or _in_capitals(text, starts[i], ends[j],
                                                             entry.acronym):
                        # an acronym matches its capitals only (FINRA, FINRAnya; not finra)
                        out.append((j + 1, entry))
                        if found is not None:
                            found.add(entry, child)
                # a name longer than the words left is not walked into: each start of a text
                # that repeats one long name (a headword of 60,000 words, translated in a
                # catalog) walked to the text's end, quadratic, minutes for one message
                if (not reading.right and child.children and j + child.deeper < count
                        and readings[j + 1] and (found is None or not found.done(child))):
                    between = _separator(text, ends[j], starts[j + 1])
                    if between is not None:
                        stack.append((child, j + 1, between, reading.head, marked))
        return out

    def _prepare(self, text: str) -> _Words:
        """The words of ``text`` (its markup already blanked out) and their readings."""
        cache = self._analyses
        glued = _GLUED_HINT.search(text) is not None
        if text.isascii() and "-" not in text and not glued and (
                self._lang == "en" or "'" not in text):
            # the common case, at C speed: every token is one word, folded by lower(); the
            # offsets are only worth finding when some word is a form of a name's word
            token = _ascii_token(text)
            readings = [cache[w] for w in token.findall(text.lower())]
            if not any(readings):
                return [], [], []
            spans = [m.span() for m in token.finditer(text)]
            return [a for a, _ in spans], [b for _, b in spans], readings
        starts, ends, found = _units(text, self._lang)
        if "\n" in text or "\r" in text or "\x85" in text or "\u2028" in text:
            starts, ends, found = self._mend(text, starts, ends, found)
        if glued:
            starts, ends, found = self._unglue(text, starts, ends, found)
        return starts, ends, [cache[w] for w in found]

    def _unglue(self, text: str, starts: list[int], ends: list[int],
                found: list[str]) -> tuple[list[int], list[int], list[str]]:
        """The words of a text with each word of capitals glued to a number (:data:`_GLUED`)
        cut in two, the capitals and the number, when the capitals are a form of a name's word
        and the whole is not: ``RM30 bilion`` names the ringgit (Malay and English write the
        amount on the code), while a name ``B40`` or ``FTSE100``, or ``SAHAM2`` (saham-saham),
        stays one word."""
        cache = self._analyses
        out_starts: list[int] = []
        out_ends: list[int] = []
        out: list[str] = []
        for start, end, word in zip(starts, ends, found, strict=True):
            code = _GLUED.match(text, start, end)
            cut = 0 if code is None else code.end() - start
            if cut and not cache[word] and cache[word[:cut]]:
                out_starts += [start, start + cut]
                out_ends += [start + cut, end]
                out += [word[:cut], word[cut:]]
            else:
                out_starts.append(start)
                out_ends.append(end)
                out.append(word)
        return out_starts, out_ends, out

    def _mend(self, text: str, starts: list[int], ends: list[int],
              found: list[str]) -> tuple[list[int], list[int], list[str]]:
        """The words of a text with each word that a hyphen and a line break cut in two
        (``pela-\\nburan``, printed or PDF text) made whole again, when it is a form of a
        name's word: joined (``pelaburan``) or with its hyphen (``komisen-\\nkomisen``)."""
        cache = self._analyses
        out_starts: list[int] = []
        out_ends: list[int] = []
        out: list[str] = []
        for start, end, word in zip(starts, ends, found, strict=True):
            if out and _BROKEN.fullmatch(text, out_ends[-1], start):
                joined = next((w for w in (out[-1] + word, f"{out[-1]}-{word}") if cache[w]),
                              None)
                if joined is not None:
                    out_ends[-1] = end
                    out[-1] = joined
                    continue
            out_starts.append(start)
            out_ends.append(end)
            out.append(word)
        return out_starts, out_ends, out

    def find(self, text: str) -> list[Hit[K]]:
        """The names in ``text``, non-overlapping, in text order: at each word the longest name
        that starts there wins, and the search goes on after it."""
        scan = _blank_markup(text)
        units = self._prepare(scan)
        readings = units[2]
        hits: list[Hit[K]] = []
        i, count = 0, len(readings)
        while i < count:
            if not readings[i]:
                i += 1
                continue
            ends = self._ends(scan, units, i)
            if not ends:
                i += 1
                continue
            end = max(e for e, _ in ends)
            entry = next(entry for e, entry in ends if e == end)
            hits.append(self._hit(text, units, i, end, entry))
            i = end
        return hits

    def find_all(self, text: str) -> list[Hit[K]]:
        """Every occurrence of every name in ``text``, nested and overlapping ones included
        (longer first at one start), in text order."""
        scan = _blank_markup(text)
        units = self._prepare(scan)
        hits: list[Hit[K]] = []
        for i, readings in enumerate(units[2]):
            if readings:
                ends = sorted(self._ends(scan, units, i), key=lambda x: -x[0])
                hits.extend(self._hit(text, units, i, end, entry) for end, entry in ends)
        return hits

    def keys_in(self, text: str) -> set[K]:
        """The keys of every name in ``text``, nested and overlapping ones included: what
        :meth:`find_all` finds, without building its hits (a check asks only *whether*), and
        without walking again into a name it has found: a text that writes one long name many
        times costs its length, not its length times the name's.

        >>> Recognizer([("gross profit", 1), ("profit", 2)], lang="en").keys_in("Gross profits")
        {1, 2}
        """
        scan = _blank_markup(text)
        words = self._prepare(scan)
        found: set[K] = set()
        shown: _Found[K] = _Found()
        for i, readings in enumerate(words[2]):
            if shown.done(self._root):
                break  # every name is found
            if readings:
                for _, entry in self._ends(scan, words, i, shown):
                    found.update(entry.keys)
        return found

    def _hit(self, text: str, units: _Words, i: int, end: int, entry: _Entry[K]) -> Hit[K]:
        start, stop = units[0][i], units[1][end - 1]
        amp = text.rfind("&", start, stop)
        if amp >= 0:
            reference = CHARACTER_REFERENCE.match(text, amp)
            if (reference is not None and reference.end() > stop
                    and character_reference(reference.group()) is not None):
                stop = reference.end()  # the reference the last word ends in, whole: P/&#69;
        tail = _TAIL.search(entry.name)
        if tail is not None:
            # "Name (ACR)" or "Syarikat Sdn. Bhd." matched whole: the bracket or the dot that
            # ends the name is part of it (a dot the text's word already took is not needed:
            # "(ETF)" for "(E.T.F.)")
            # (a closing bracket only when the match opened one: in "(Suruhanjaya Sekuriti
            # SC)" the bracket is the text's own)
            # (an apostrophe ends it in any of its forms, as a name's words are compared:
            # "Tabarru'" is the text's Tabarru\u2019 whole, apostrophe included)
            limit = stop + len(tail.group())
            ends = _APOSTROPHE.sub("'", tail.group())
            while (stop < limit and stop < len(text)
                   and _APOSTROPHE.sub("'", text[stop]) in ends
                   and (text[stop] != ")" or text.count("(", start, stop)
                        > text.count(")", start, stop))):
                stop += 1
            if self._lang == "ms" and text[stop - 1] == ")":
                # clitics after the bracket belong to the name, as after an acronym
                # (Kadar Dasar Semalaman (OPR)nya, (OPR)-nya, as OPRnya, OPR-nya)
                clitic = _BRACKET_CLITIC.match(text, stop)
                if clitic is not None and malay.is_clitic(_HYPHENS.sub("", fold(clitic.group(1)))):
                    stop = clitic.end()
        return Hit(start, stop, entry.name, tuple(entry.keys), text[start:stop])
