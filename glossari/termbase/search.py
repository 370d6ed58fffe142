"""Full-text search over a termbase's FTS5 index: the query language and the ranking.

A query is words: each must occur in the same text of a term (in any order), each as a prefix
(``eksek`` finds ``eksekutif``), case and accents ignored (the index's ``unicode61
remove_diacritics 2`` tokenizer folds both, in the query as in the text). Everything but letters
and digits separates words, so no query can be an FTS5 syntax error; words between double quotes
are one phrase, as typed, which never runs from one block of an article into the next
(:data:`BLOCK_BREAK`).

Ranking: one hit per term, its best field; hits in headwords first, then names, definitions,
categories and body text (:data:`~glossari.termbase.schema.FIELD_RANK`), then by bm25 over the
text, then in the glossary's order (Malay alphabetical, the order of iteration), so the order is
total and the same for a termbase file and the in-memory index. The fields are searched in that
order and the search stops as soon as ``limit`` terms are found, so a common word costs a look
at the headwords, not at every article body.

Within a field SQLite keeps only the best rows (``ORDER BY bm25(...), rowid LIMIT n``, a bounded
sort) and asks for more only when they do not settle the ranking; a large table may be ranked in
rowid ranges at once, on several connections (:func:`ranked_field`), which gives the same rows
because bm25's statistics are the whole table's whatever the range. Snippets are made last, for
the hits only.

>>> match_expression("Eksekutif akaun eksekutif")
'"Eksekutif"* AND "akaun"*'
>>> match_expression("OPR 3.25%")  # a number is one word: its decimal point marked, as indexed
'"OPR"* AND "3\\ue02e25"*'
>>> match_expression("RM250 USD1.5")  # a letter and a digit meet: a break, as indexed
'"RM 250"* AND "USD 1\\ue02e5"*'
>>> match_expression("  --  ") is None
True
>>> match_expression("FINRA-nya")  # a clitic after a hyphen is the word's, as find reads it
'("FINRAnya"* OR "finra")'
>>> match_expression("3.25%-nya RM4.50nya")  # a number's clitics: the number, as text holds it
'"3\\ue02e25"* AND "RM 4\\ue02e50"*'
>>> match_expression("%-nya")  # a percent sign of no number: the letters are a word
'"nya"*'

>>> match_expression('"Sorotan Saham" KWSP')  # a phrase, as typed, and a word
'"Sorotan Saham"* AND "KWSP"*'
>>> match_expression("E\u0301kuiti")  # decomposed: composed, one word as the index reads it
'"\u00c9kuiti"*'
>>> match_expression("E.T.F.s")  # one word, as find reads it, and its letters as written
'("ETFs"* OR "etf" OR "E.T.F.s")'
>>> match_expression("nisbah P/E, M&A")  # capitals joined by / or &: one acronym, a phrase
'"nisbah"* AND ("P \ue12f E"* OR "P/E"*) AND ("M \ue126 A"* OR "M&A"*)'
>>> match_expression("p/e harga/pendapatan")  # in any case: as capitals and as words joined
'("p \ue12f e"* OR "p/e"*) AND ("harga \ue12f pendapatan"* OR "harga/pendapatan"*)'
>>> match_expression("pela&shy;buran <b>S&amp;P</b>")  # HTML as the index reads it
'"pelaburan"* AND ("S \ue126 P"* OR "S&P"*)'
"""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from glossari.errors import InputError
from glossari.termbase.schema import FIELD_RANK, PREFIXES, SearchField, search_table
from glossari.text import APOSTROPHES, DOUBLE_QUOTES

__all__ = ["BLOCK_BREAK", "FOLDED_MARKS", "GLUED", "GLUE_BREAK", "JOINERS", "MAX_WORDS",
           "NUMBER_MARK", "NUMBER_MARKS", "QueryError", "Ranked", "Row", "Run", "index_text",
           "join_blocks", "match_expression", "ranked_field", "ranked_rows", "require_words"]

# a word, with its apostrophes (`broker's`: a possessive, not `broker` and a word `s`), and a
# number with its decimal point and thousands separators (`3.25`, `RM2.5`, `1,000`: one word,
# its marks as the index writes them, NUMBER_MARKS; not two words anywhere in the text)
_WORD = re.compile(rf"\w+(?:(?:[{APOSTROPHES}]|(?<=\d)[.,](?=\d))\w+)*")

# a hyphen between a word and what follows it, which may be clitics
_HYPHEN = re.compile(r"(?<=[^\W_])-(?=([^\W_]+))")
_HYPHENED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
"""A word holding a hyphen (``SC-nya``, ``komisen-komisen-nya``), as typed."""


def _clitic_hyphen(match: re.Match[str]) -> str:
    """Nothing for a hyphen before clitics, as Malay writes them on an acronym or a name
    (``FINRA-nya``, ``OPR-nya-lah``, ``komisen-komisen-nya``: one word with its clitics, as
    :mod:`glossari.terms` reads text, not a word ``nya`` the text must hold too), else the
    hyphen."""
    from glossari.terms import malay

    return "" if malay.is_clitic(match.group(1).lower()) else "-"


_NUMBER_CLITIC = re.compile(r"(?:(?<=[0-9])|(?<=[0-9]%)|(?<=[0-9]\u0020%))"
                            rf"[-{APOSTROPHES}]?([^\W\d_]+)(?![^\W_])")
"""Letters after a number, or after a number's percent sign, glued or after a hyphen or an
apostrophe (``RM4.50nya``, ``3.25%-nya``, ``5%'lah``, ``5 %-nya``, ``5juta``): its clitics when
they are only clitics. A percent sign after no number is no number's: ``%-nya`` is the word
``nya`` (its clitic was taken off a number that was not there, and the query held "no word")."""


def _without_clitics(match: re.Match[str]) -> str:
    """Nothing for the clitics on a number (``RM4.50nya``, ``3.25%-nya``: the number, as the
    text may write it with them or without; they were asked as a word ``nya`` the text must
    hold, the phrase ``RM 4.50 nya`` or the word after ``3.25%``, and found nothing), else the
    letters as typed (``5juta``: the word ``juta``)."""
    from glossari.terms import malay

    return "" if malay.is_clitic(match.group(1).lower()) else match.group()


FOLDED_MARKS = dict.fromkeys(
    [c for c in range(0x300, 0x332)
     if (0x08029FDF >> (c - 0x300) if c < 0x320 else 0x000361F8 >> (c - 0x320)) & 1])
"""The combining marks that the index's tokenizer (``unicode61 remove_diacritics``) reads as part
of the letter before them and drops (SQLite's ``sqlite3Fts5UnicodeIsdiacritic``: 25 marks of
U+0300 to U+0331): a ``str.translate`` table deleting them. For a regular expression's ``\\w``
every combining mark separates words, so an accent typed decomposed (NFD, as macOS and PDFs
give it: ``E`` + U+0301 ``kuiti``) split the word in two, and ``Ékuiti`` found nothing."""

JOINERS = re.compile("[\u00ad\u2060\ufeff]")
"""The invisible characters that mean "no break here" (soft hyphen, word joiner, zero-width
no-break space), dropped from a query and from the indexed text alike. A word pasted from a web
page or a PDF holds them (``pela\u00adburan``), and the tokenizer read each as a separator: the
query asked for ``pela`` and ``buran`` and found nothing, where ``find`` and ``show`` read the
word. Not the zero-width space or non-joiner, which separate words (Thai, Persian)."""

GLUED = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
"""Where a letter and a digit meet inside a word (``RM|250``, ``USD|1.5``, ``5|juta``,
``COVID|19``): a break, in the indexed text and in a query alike. The index's tokenizer cuts no
word there, so an amount written on its currency code was one word of the index, which ``250``
did not find (``find`` reads ``RM250`` as ``RM`` and ``250``)."""

GLUE_BREAK = "\u200b"
"""What the indexed text holds where :data:`GLUED` breaks a word: a zero-width space, which the
tokenizer reads as a separator and a reader does not see; snippets are given without it."""

BLOCK_BREAK = "\ue000"
"""What the indexed text of a section holds between two of its blocks (its heading, its
paragraphs and items, a table's cells), with white space on either side: a private-use
character, which the tokenizer reads as a word of its own that no query holds (a query's words
are letters and digits), so a phrase never runs from one block into the next. A section was one
text, its blocks only a line break apart, and ``sorotan/saham`` found a heading ``## Sorotan``
followed by a paragraph that begins ``Saham``; ``find`` never reads a name across them either.
Snippets are given without it (:func:`join_blocks`)."""

_BLOCKS = f"\n{BLOCK_BREAK}\n"
_CELLS = f" {BLOCK_BREAK} "
# a break with the white space around it, or one a snippet's cut left at its edge
_BREAK = re.compile(f"[ \n]{BLOCK_BREAK}(?=[ \n])|{BLOCK_BREAK}[ \n]?")


def join_blocks(texts: Sequence[str], *, cells: bool = False) -> str:
    """The texts of blocks as one indexed text, :data:`BLOCK_BREAK` between each two (on a line
    of its own; between a table's ``cells``, between spaces).

    >>> text = join_blocks(["Sorotan", "Saham boleh dijual."])
    >>> text == "Sorotan\\n\\ue000\\nSaham boleh dijual.", _without_breaks(text)
    (True, 'Sorotan\\nSaham boleh dijual.')
    """
    return (_CELLS if cells else _BLOCKS).join(texts)


def _without_breaks(text: str) -> str:
    """``text`` without its :data:`BLOCK_BREAK` marks: a line break or a space between two
    blocks, as they were before :func:`join_blocks` marked them, nothing at a cut's edge."""
    if BLOCK_BREAK not in text:
        return text
    return _BREAK.sub("", text)


NUMBER_MARKS = {".": "\ue02e", ",": "\ue02c"}
"""What the indexed text and a query hold for a decimal point or a thousands separator between
two digits (``3.25``, ``1,000``): a private-use character (U+E000 plus the mark's ASCII code),
which the tokenizer reads as part of a word, so a number is one word of the index. Its digit
groups were words of their own, and ``25`` found ``3.25``, ``000`` found ``1,000``; a number is
found by its start (``3`` and ``3.2`` find ``3.25``), as any word is. Snippets are given with
the marks as written."""

NUMBER_MARK = re.compile(r"(?<=\d)[.,](?=\d)")
"""A decimal point or a thousands separator: a ``.`` or ``,`` between two digits."""

JOIN_MARKS = {"/": "\ue12f", "&": "\ue126"}
"""What the indexed text holds for the ``/`` or ``&`` that joins capitals (``P/E``, ``M&A``,
``S&P``, ``KWSP/EPF``; with spaces around too, ``P / E``, as find reads the acronym): a
private-use character (U+E100 plus the mark's ASCII code) between zero-width spaces, which the
tokenizer reads as a word of its own, so the two joins are told apart as find tells them apart
(``P&E ratio`` is no *P/E ratio*): the tokenizer read both as a separator, and ``nisbah P&E``
found *Nisbah harga/pendapatan (P/E)*. Each part stays a word (``EPF`` finds ``KWSP/EPF``).
Snippets are given with the marks as written."""

_JOINED_CAPITALS = re.compile(
    r"(?<![^\W_])[A-Z][A-Z0-9]*(?:[ \t]*[/&][ \t]*[A-Z][A-Z0-9]*)+(?![A-Z0-9])")
"""Capitals joined by ``/`` or ``&`` in an indexed text, spaces around the mark or none; an
ending in lower case may follow (``P/Es``, ``M&Anya``)."""
_JOIN = re.compile("[/&]")


def _mark_joins(text: str) -> str:
    """``text`` with :data:`JOIN_MARKS` for the ``/`` and ``&`` that join capitals."""
    return _JOINED_CAPITALS.sub(
        lambda m: _JOIN.sub(lambda j: f"{GLUE_BREAK}{JOIN_MARKS[j.group()]}{GLUE_BREAK}",
                            m.group()), text)


_UNMARK = {ord(mark): written for written, mark in (*NUMBER_MARKS.items(),
                                                    *JOIN_MARKS.items())}


def _mark_numbers(text: str) -> str:
    """``text`` with :data:`NUMBER_MARKS` for its decimal points and thousands separators."""
    return _NUMBER_AFTER_DIGIT.sub(lambda m: m.group(1) + NUMBER_MARKS[m.group(2)], text)


_NUMBER_AFTER_DIGIT = re.compile(r"(\d)([.,])(?=\d)")
""":data:`NUMBER_MARK` with the digit before it taken into the match instead of looked behind
for: the same marks (a match ends at its mark, so the next one's digit is never taken), but
``re`` then skips from digit to digit instead of trying the look-behind at every character."""


def index_text(text: str) -> str:
    """A text as the search index stores it: its HTML as a reader sees it (tags and comments
    a space, character references the character), without its soft hyphens, word joiners and
    zero-width no-break spaces (:data:`JOINERS`), a number's decimal points and thousands
    separators as :data:`NUMBER_MARKS`, a zero-width space where a letter and a digit meet
    (:data:`GLUED`).

    >>> index_text("Had RM250, USD1.5j, 5% dan pela\u00adburan")
    'Had RM\u200b250, USD\u200b1\ue02e5\u200bj, 5% dan pelaburan'
    """
    if "<" in text or "&" in text:
        text = _without_html(text)
    if not text.isascii() and ("\u00ad" in text or "\u2060" in text or "\ufeff" in text):
        text = JOINERS.sub("", text)
    if "/" in text or "&" in text:
        text = _mark_joins(text)
    if not _has_digit(text):
        return text  # no number to mark, no letter and digit to part (most texts)
    if "." in text or "," in text:
        text = _mark_numbers(text)
    # GLUED.sub, several times as fast: its look-arounds at every character cost a build of
    # 30,000 articles seconds; the runs of digits are few, and their edges are all it asks
    pieces: list[str] = []
    last = 0
    size = len(text)
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        if start and _letter(text[start - 1]):
            pieces += (text[last:start], GLUE_BREAK)
            last = start
        if end < size and _letter(text[end]):
            pieces += (text[last:end], GLUE_BREAK)
            last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit as ``\\d`` reads one (any decimal digit of Unicode). The
    ASCII digits are looked for by ten scans of ``in``, at memory speed where ``re`` reads its
    class at each character, and only the other characters by ``re`` (a section's text holds
    :data:`BLOCK_BREAK`, so is seldom ASCII): the UTF-8 bytes without their ASCII ones are
    exactly the other characters, in order. Nine in ten texts of the benchmark corpus hold no
    digit, and skip :func:`index_text`'s two scans for numbers."""
    if any(digit in text for digit in "0123456789"):
        return True
    if text.isascii():
        return False
    others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    return _DIGIT.search(others.decode("utf-8", "surrogatepass")) is not None


_ASCII = bytes(range(128))


def _without_html(text: str) -> str:
    """``text`` as a reader sees its HTML (:data:`glossari.terms.HTML_MARKUP`): a tag or a
    comment a space (``<wbr>``, a place a line may break inside a word, nothing), a character
    reference the character (``S&amp;P`` is ``S&P``, ``pela&shy;buran`` ``pelaburan``); a
    reference HTML does not define (``R&D;``) as written. The tags' names, their attributes
    and the references' names were words of the index (``amp``, ``nbsp``, ``div``, ``class``
    found every article that wrote one), and ``pelaburan`` did not find ``pela&shy;buran``.

    >>> _without_html('<b title="x">S&amp;P</b> 500, R&D; dan pela&shy;bur<wbr>an<!-- y -->')
    ' S&P  500, R&D; dan pela\\xadburan '
    """
    from glossari.terms import HTML_MARKUP

    return HTML_MARKUP.sub(_seen, text)


def _seen(match: re.Match[str]) -> str:
    """What a reader sees of one piece of HTML, for :func:`_without_html`."""
    from glossari.terms import WORD_BREAK, character_reference

    found = match.group()
    if found[0] == "&":
        char = character_reference(found)
        return found if char is None else char

    if WORD_BREAK.fullmatch(found):
        return ""
    return " "


def _letter(char: str) -> bool:
    """Whether ``char`` is what :data:`GLUED` calls a letter (``[^\\W\\d_]``)."""
    return char.isalnum() and not char.isdecimal()


def _phrase(word: str) -> str:
    """A query word as an FTS5 string: broken where a letter and a digit meet, as the indexed
    text is (:func:`index_text`), so ``RM250`` is the phrase ``RM 250``, and with a number's
    decimal point as the index writes it (:data:`NUMBER_MARKS`)."""
    return GLUED.sub(" ", _mark_numbers(word))


FIRST_ROWS = 64
"""How many rows of a field are ranked first (at least four per term needed); four times as
many each time they do not settle the ranking."""

Row = tuple[int, str, SearchField, "str | None"]
"""``(rowid, term_id, field, lang)`` of one row of a search table."""

Ranked = tuple[float, int, str, "str | None"]
"""``(bm25, rowid, term_id, lang)``: a matching row, in rank order as tuples compare."""

Query = tuple[str, Mapping[str, object]]

Run = Callable[[Sequence[Query]], list[list[Any]]]
"""Runs queries (each SQL and its parameters), at once where it can, and gives each one's rows."""

# bm25 with the weights of the tables' `rank` (schema.SEARCH_SCHEMA), asked for by name: SQLite
# then keeps only the best `:rows` in a bounded sort, where `ORDER BY rank` had FTS5 sort every
# match (x1.3 at 30,000 articles for a query that the bodies answer 6,600 times). Ties go by
# rowid, which is the glossary's order (schema.ROWS_PER_TERM): a term's first row is its best,
# the terms come in their final order, and SQLite rejects a row that cannot make the best
# `:rows` before it reads its term id (ordering by term id instead read every row: x2).
_RANKED_SQL = """
SELECT bm25({table}, 1.0, 0.0, 0.0) AS score, rowid, term_id, lang FROM {table}
WHERE {table} MATCH :match AND (:lang IS NULL OR lang IS NULL OR lang = :lang){within}
ORDER BY score, rowid LIMIT :rows
"""
_WITHIN = " AND rowid BETWEEN :low AND :high"

# `+rowid` has FTS5 read the matches once and SQLite keep the rows asked for; without it FTS5
# sets the MATCH up again for each rowid: cheap when every word is a prefix the table indexes
# and the matches are many, 8 ms a row for a long word common in the bodies
_SNIPPET_SQL = """
SELECT rowid, snippet({table}, 0, '\ue05b', '\ue05d', '\ue026', 16),
       highlight({table}, 0, '\ue05b', '\ue05d') FROM {table}
WHERE {table} MATCH :match AND {plus}rowid IN ({rowids})
"""
# the marks FTS5 writes into a snippet, private-use characters no text holds (as NUMBER_MARKS):
# the start and end of a match and a cut, read back as `[`, `]` and `…`
_OPEN, _CLOSE, _CUT = "\ue05b", "\ue05d", "\ue026"
_SHOWN = {ord(_OPEN): "[", ord(_CLOSE): "]", ord(_CUT): "…", ord(GLUE_BREAK): None, **_UNMARK}


def _shown(snippet: str, highlighted: str) -> str:
    """A snippet as ``glossari search`` gives it, ``[`` and ``]`` around the matches and ``…``
    where the text is cut, never cut inside a word where a letter and a digit meet
    (``RM\u200b250``: the tokenizer's two words, the reader's one).

    FTS5 cuts a snippet after its 16th token, and ``RM250`` is two: ``ialah [RM]…`` lost the
    amount, and the highlight closed on half of it. Such a cut is moved to the end of the word
    (at the start, to its start), and the word's matches are ``highlighted``'s, the whole text
    with every match marked.

    >>> _shown("\ue026a [RM]\ue026".translate({ord("["): _OPEN, ord("]"): _CLOSE}),
    ...        "x\u200b1 a [RM\u200b250] b".translate({ord("["): _OPEN, ord("]"): _CLOSE}))
    '…a [RM250]…'
    """
    text = highlighted.replace(_OPEN, "").replace(_CLOSE, "")
    lead, trail = snippet.startswith(_CUT), snippet.endswith(_CUT) and len(snippet) > 1
    core = snippet[1 if lead else 0:len(snippet) - 1 if trail else len(snippet)]
    plain = core.replace(_OPEN, "").replace(_CLOSE, "")
    start = text.find(plain) if lead else (0 if text.startswith(plain) else -1)
    end = start + len(plain)
    glued_end = trail and end < len(text) and GLUE_BREAK in (text[end], text[end - 1:end])
    glued_start = lead and start > 0 and GLUE_BREAK in (text[start - 1], text[start])
    if start < 0 or not (glued_end or glued_start):
        return _without_breaks(snippet.translate(_SHOWN))
    while glued_end and end < len(text) and (text[end] == GLUE_BREAK or _in_word(text[end])):
        end += 1
    while glued_start and start > 0 and (text[start - 1] == GLUE_BREAK
                                         or _in_word(text[start - 1])):
        start -= 1
    # the same stretch of the highlighted text, with the marks around and inside it
    at = [i for i, c in enumerate(highlighted) if c not in (_OPEN, _CLOSE)]
    first = at[start - 1] + 1 if start else 0
    last = at[end] if end < len(text) else len(highlighted)
    shown = highlighted[first:last]
    if shown.endswith(_OPEN):
        shown = shown[:-1]
    depth = low = 0
    for char in shown:
        depth += (char == _OPEN) - (char == _CLOSE)
        low = min(low, depth)
    shown = _OPEN * -low + shown + _CLOSE * (depth - low)
    return _without_breaks(
        ((_CUT if start else "") + shown + (_CUT if end < len(text) else "")).translate(_SHOWN))


def _in_word(char: str) -> bool:
    """Whether ``char`` is part of a word of the index (a letter, a digit, a number's mark)."""
    return char.isalnum() or char in _UNMARK_CHARS


_UNMARK_CHARS = frozenset((*NUMBER_MARKS.values(), *JOIN_MARKS.values()))


class QueryError(InputError):
    """A search query that cannot be asked (more than :data:`MAX_WORDS` different words): an
    :class:`~glossari.errors.InputError`, so a program that catches
    :class:`~glossari.errors.GlossariError` around a user's query catches it too."""

    def __init__(self, message: str, *, path: str = "QUERY", line: int = 0,
                 hint: str = "search with fewer words") -> None:
        super().__init__(message, path=path, line=line, hint=hint)


MAX_WORDS = 64
"""The most different words a query may hold. Every word must occur in one text, so a longer
query finds nothing anyway; FTS5's time grows with the square of the words (a pasted page of
5,000 ran for over ten minutes)."""


def require_words(query: str) -> None:
    """Raise :class:`QueryError` for a query that cannot be asked: more than
    :data:`MAX_WORDS` different words, or no word at all (``''``, spaces, ``!!``), which
    ``glossari search`` answered with "no term matches ''", as if the glossary had been
    searched. :meth:`~glossari.glossary.Glossary.search` answers such a query with no hit.

    >>> require_words("saham-saham pelaburannya")
    >>> require_words("  !! ")
    Traceback (most recent call last):
    ...
    glossari.termbase.search.QueryError: QUERY: the query holds no word to search for; give \
one, such as 'saham' or 'broker'
    """
    if match_expression(query) is None:
        raise QueryError("the query holds no word to search for",
                         hint="give one, such as 'saham' or 'broker'")


def match_expression(query: str, *, apart: bool = False, closed: bool = False) -> str | None:
    """The FTS5 expression for a user's words (each a quoted prefix, each once), or None for
    no word. Raises :class:`QueryError` for more than :data:`MAX_WORDS` different words.

    ``apart``: the expression asked when that one finds nothing, each word joined by ``/`` or ``&``
    (``KWSP/EPF``, ``wakalah/mudarabah``; :func:`_parts`) one of its words or another, or None
    when the query holds no such word. Asked first as one phrase, as a text writes it (a
    ratio's ``harga/pendapatan``), it found nothing where the glossary names each apart (the
    Malay acronym and the English one, two terms).

    ``closed``: the expression asked when neither finds anything, each word of letters written
    closed (:data:`CLOSED_SHORTEST` or more) also as two words (:func:`_open_forms`), as find
    reads a name of two words written closed (``hedgefund``, ``pasaranmodal``), or None when
    the query holds no such word.

    >>> match_expression("hedgefund", closed=True)  # doctest: +ELLIPSIS
    '("hedgefund"* OR "hed gefund" OR ... OR "hedge fund" OR "hedgef und")'
    >>> match_expression("KWSP/EPF", apart=True), match_expression("P/E", apart=True)
    ('("KWSP"* OR "EPF"*)', None)
    >>> match_expression("kwsp//epf"), match_expression("KWSP&EPF", apart=True)
    ('("kwsp \ue12f epf"* OR "kwsp/epf"*)', '("KWSP"* OR "EPF"*)')
    """
    # a word said twice asks nothing more (the index folds case, so `Broker broker` is one), and
    # each repeat multiplied the work of ranking and snippets: 60 times `broker` took 13 s
    firsts: dict[str, str] = {}
    if "&" in query or "<" in query:
        # HTML pasted into the query (from a page's source) is read as the index reads an
        # article's, by one rule (:func:`_without_html`): a tag a space, a character reference
        # the character; pela&shy;buran asked for pela&shy and buran, w&#97;siat for w, 97 and
        # siat, and found nothing where find and the index read pelaburan and wasiat
        query = _without_html(query)
    # full-width letters and ligatures (typed with a CJK input method, pasted from a PDF) are the
    # letters they stand for, as lookup reads them; the index holds the articles' own letters
    if not query.isascii():
        # every double quote is the straight one (glossari.text.DOUBLE_QUOTES), read before
        # NFKC, which makes a double prime two primes (apostrophes)
        query = unicodedata.normalize("NFKC", JOINERS.sub("", query.translate(_STRAIGHT)))
    query = query.translate(FOLDED_MARKS)
    # words between double quotes are one phrase, in that order, next to each other, as typed:
    # read before the rules below (`"OPR-nya naik"` is the text's OPR, nya, naik, not OPRnya)
    phrases: dict[str, str] = {}
    if '"' in query:
        def quoted(match: re.Match[str]) -> str:
            inside = _words_of(_SPACED_JOIN.sub(_joined_closed, match.group(1)))
            if len(inside) < 2:
                return f" {match.group(1)} "
            phrase = " ".join(_phrase(word) for word in inside)
            phrases.setdefault(phrase.lower(), _quoted_form(inside))
            firsts.setdefault(phrase.lower(), phrase)
            return " "

        query = _QUOTED.sub(quoted, query)
    # an acronym written with dots (E.T.F.s) is one word, as find reads it, not the letters
    # E, T, F, s each a prefix: asked for joined, and as the phrase of its letters
    dotted: dict[str, str] = {}
    if "." in query:
        from glossari.terms import DOTTED_ACRONYM

        def joined(match: re.Match[str]) -> str:
            word = match.group().replace(".", "")
            dotted.setdefault(word.lower(), match.group("letters"))
            return word

        query = DOTTED_ACRONYM.sub(joined, query)
    query = _SLASHES.sub("/", _SPACED_JOIN.sub(_joined_closed, query))
    query = _NUMBER_CLITIC.sub(_without_clitics, query)
    # a word with clitics after a hyphen is asked glued (FINRAnya), its roots read as typed
    # (query_roots: the hyphen says where the word ends, SC-nya is SC)
    typed: dict[str, str] = {}
    if "-" in query:
        for hyphened in _HYPHENED.findall(query):
            glued = _HYPHEN.sub(_clitic_hyphen, hyphened)
            if glued != hyphened:
                typed.setdefault(glued.lower(), hyphened.lower())
    query = _HYPHEN.sub(_clitic_hyphen, query)
    for word in _words_of(query):
        firsts.setdefault(word.lower(), word)
    words = list(firsts.values())
    if not words:
        return None
    if len(words) > MAX_WORDS:
        raise QueryError(f"the query holds {len(words)} different words; a search takes at most "
                         f"{MAX_WORDS} (every word must occur in one text)")

    def form(word: str) -> str:
        if word.lower() in phrases:
            return phrases[word.lower()]
        return _any_form(word, dotted.get(word.lower()), typed.get(word.lower()))

    if closed:
        if not any(_open_forms(w) for w in words if w.lower() not in phrases):
            return None
        return " AND ".join("(" + " OR ".join([form(w), *opened]) + ")"
                            if w.lower() not in phrases and (opened := _open_forms(w))
                            else form(w) for w in words)
    if apart:
        if not any(_parts(w) for w in words if w.lower() not in phrases):
            return None
        return " AND ".join("(" + " OR ".join(_any_form(p) for p in parts) + ")"
                            if w.lower() not in phrases and (parts := _parts(w)) else form(w)
                            for w in words)
    return " AND ".join(form(w) for w in words)


_STRAIGHT = str.maketrans(dict.fromkeys(DOUBLE_QUOTES, '"'))
_QUOTED = re.compile('"([^"]*)"')
"""Words between double quotes, straight or curly (any of :data:`glossari.text.DOUBLE_QUOTES`,
each read as ``"``: ``"dana lindung"``, ``\u201cdana lindung\u201d``): one phrase, its words
asked in that order, next to each other, in one block (:data:`BLOCK_BREAK`), the last a prefix,
as FTS5 reads ``"dana lindung"*``; asked as typed (no inflection undone). A quote left open is
a separator, as any other mark."""


def _words_of(text: str) -> list[str]:
    """The words of a query's text (:func:`_query_words`) that hold a letter or a digit:
    ``_'_`` (an apostrophe between underscores) is none."""
    return [word for word in _query_words().findall(text)
            if any(character.isalnum() for character in word)]


CLOSED_SHORTEST = 6
"""The fewest letters of a query word asked again as two words (:func:`_open_forms`), each of
three letters or more."""


def _open_forms(word: str) -> list[str]:
    """A query word of letters written closed, and each word it is built on
    (:func:`~glossari.terms.query_roots`: ``hedgefund`` of ``hedgefunds``), cut in two words of
    three letters or more at every place, each cut a phrase of two whole words (``"hedge
    fund"``), or none for a shorter word or one that holds anything but letters.
    ``hedgefund``, ``pasaranmodal`` and ``pemegangsahamnya`` found nothing, where find reads a
    name of two words written closed and the site's search box finds it; asked only when the
    query finds nothing as typed, as the index holds no closed form to find first."""
    if len(word) < CLOSED_SHORTEST or not word.isalpha() or len(word) > 40:
        return []
    from glossari.terms import query_roots

    lower = word.lower()
    forms: list[str] = []
    for whole in dict.fromkeys([lower, *query_roots(lower)]):
        if whole.isalpha():
            forms += [f'"{whole[:cut]} {whole[cut:]}"' for cut in range(3, len(whole) - 2)]
    return list(dict.fromkeys(forms))


def _parts(word: str) -> list[str]:
    """The words a query word joins with ``/`` or ``&`` when each is a word of two characters
    or more (``KWSP/EPF``, ``KWSP&EPF``, ``wakalah/mudarabah``: one name or the other, as find
    reads them), with the clitics or the possessive on the last (``KWSP/EPF-nya``); none for an
    acronym's letters (``P/E``, ``AT&T``, ``S&P``: a letter alone is no word to ask).
    ``KWSP&EPF`` found nothing where ``KWSP/EPF`` found the term."""
    if "/" not in word and "&" not in word:
        return []
    ending = _JOINED_ENDING.fullmatch(word)
    if ending is not None and _is_ending(ending.group("ending")):
        word = ending.group("joined")
    parts = _JOINS.split(word)
    return parts if all(len(part) > 1 for part in parts) else []


_JOINS = re.compile("[/&]")
_SLASHES = re.compile(r"(?<=[^\W_])/{2,}(?=[^\W_])")
"""Two slashes or more between two words (``kwsp//epf``, a slash typed twice): one, as the
words are joined by one (``KWSP/EPF``); the query asked for the words ``kwsp`` and ``epf`` in
one text, and found nothing where ``KWSP/EPF`` found the term."""
_SPACED_JOIN = re.compile(
    r"(?<![^\W_])[A-Z][A-Z0-9]*(?:[ \t]*[/&][ \t]*[A-Z][A-Z0-9]*)+(?![^\W_])")
"""Capitals joined by ``/`` or ``&`` with spaces around (``P / E``, ``KWSP / EPF``,
``M & A``): joined as written without them (``P/E``), as find reads ``P / E`` as the acronym
*P/E*. The query asked for the prefixes ``P`` and ``E`` anywhere in one text, and *Employees
Provident Fund (EPF)* came before *P/E*; ``KWSP / EPF`` asked for both in one text and found
nothing, where ``KWSP/EPF`` finds the term."""


def _joined_closed(match: re.Match[str]) -> str:
    """The capitals :data:`_SPACED_JOIN` found, without the spaces around their marks."""
    return "".join(match.group().split())


@functools.cache
def _query_words() -> re.Pattern[str]:
    """The words of a query: letters joined by ``/`` or ``&`` (``P/E``, ``M&A``: one acronym,
    as find reads it, :data:`glossari.terms.JOINED_ACRONYM`; ``p/e``, ``harga/pendapatan`` in
    any case) and :data:`_WORD`."""
    from glossari.terms import JOINED_ACRONYM

    # in any case: a query's case is no acronym's (`p/e` is `P/E`; as the prefixes `p` and `e`
    # it found `pengurus eksekutif`), and words so joined are written together in any case
    # with its possessive, as find reads it (P/E's), not P/E and a word `s` the text must hold
    return re.compile(f"(?i:{JOINED_ACRONYM.pattern})(?:[{APOSTROPHES}]s(?![^\\W_]))?"
                      f"|{_WORD.pattern}")


_JOINED_ENDING = re.compile(rf"(?P<joined>.*[/&][^\W_]+?)(?P<ending>[{APOSTROPHES}]?s|"
                            r"(?i:nya|lah|kah|pun|tah|ku|mu)+)", re.IGNORECASE)
"""Letters joined by ``/`` or ``&`` with a clitic, a possessive or the plural ``-s`` on their
last part (``P/Enya`` of ``P/E-nya``, ``P/E's``, ``P/Es``): the joined letters are asked for
too, as find reads them, a form of the acronym."""


def _is_ending(ending: str) -> bool:
    """Whether ``ending`` is a possessive ``'s``, the plural ``s`` or Malay clitics (``nya``,
    ``nyalah``)."""
    from glossari.terms import malay

    return ending[0] in f"{APOSTROPHES}sS" or malay.is_clitic(ending.lower())


def _any_form(word: str, dotted: str | None = None, typed: str | None = None) -> str:
    """A query word as FTS5 asks for it: a prefix of itself, or the whole word it inflects.

    A prefix finds what a word begins (``komisen`` finds ``komisennya``), not the word an
    inflected query is built on: ``komisennya``, ``brokers`` and ``commissions`` found nothing
    while ``find`` read them as ``komisen``, ``broker``, ``commission``. So the inflections
    that only add to a word's end (Malay clitics, an English plural or possessive; never a
    derivation, which makes another word) ask for the root too, as a whole word. Not as a
    prefix: the rules know no words, and many a word merely ends as an inflection does
    (``wakalah``, ``jumlah``, ``langkah`` are no ``waka``, ``jum``, ``lang`` with ``-lah`` or
    ``-kah``): as prefixes, ``waka``* ranked *Wakaf* before *Wakalah*, ``jum``* found
    *Jumaat*, ``lang``* *langganan*.

    >>> _any_form("Komisennya"), _any_form("brokers"), _any_form("securities")
    ('("Komisennya"* OR "komisen")', '("brokers"* OR "broker")', \
'("securities"* OR "securiti" OR "securitie" OR "security")')
    >>> _any_form("kos"), _any_form("news"), _any_form("pelaburan"), _any_form("wakalah")
    ('"kos"*', '"news"*', '"pelaburan"*', '("wakalah"* OR "waka")')
    """
    from glossari.terms import query_roots

    if "/" in word or "&" in word:
        # P/E, M&A: one phrase of its letters and its join, as the index holds it; with a
        # clitic or a possessive (P/E-nya, P/E's), also the phrase without it, whole
        ending = _JOINED_ENDING.fullmatch(word)
        if ending is None or not _is_ending(ending.group("ending")):
            return _joined_form(word, "*")
        return f'({_joined_form(word, "*")} OR {_joined_form(ending.group("joined"), "")})'
    roots = query_roots(typed or word.lower())
    if _ACRONYM_PLURAL.fullmatch(word) and word[:-1].lower() not in roots:
        roots.append(word[:-1].lower())  # SCs: SC, as find reads an acronym's plural
    asked = [f'"{_phrase(r)}"' for r in roots]
    if dotted:
        asked.append(f'"{dotted}"')  # the letters as written, a phrase: E.T.F in the index
    asked += [f'"{_phrase(n)}"*' for n in _number_forms(word)]
    if not asked:
        return f'"{_phrase(word)}"*'
    return "(" + " OR ".join([f'"{_phrase(word)}"*', *asked]) + ")"


def _quoted_form(words: Sequence[str]) -> str:
    """A phrase in quotes as FTS5 asks for it, its last word a prefix: its words as typed, but
    words joined by ``/`` or ``&`` as the index holds them, with their join's mark
    (:data:`JOIN_MARKS`: ``"P / E syarikat"``) or without it (:func:`_joined_form`).

    >>> _quoted_form(["OPR", "naik"]), _quoted_form(["P/E", "syarikat"])
    ('"OPR naik"*', '("P \ue12f E syarikat"* OR "P/E syarikat"*)')
    """
    plain = " ".join(_phrase(word) for word in words)
    joined = [word for word in words if _JOIN.search(word)]
    if not joined:
        return f'"{plain}"*'
    marked = " ".join(_phrase(_JOIN.sub(lambda j: f" {JOIN_MARKS[j.group()]} ", word))
                      if _JOIN.search(word) else _phrase(word) for word in words)
    return f'("{marked}"* OR "{plain}"*)'


def _joined_form(word: str, star: str) -> str:
    """Words joined by ``/`` or ``&`` as FTS5 asks for them (``star``: ``*``, a prefix, or
    "", whole): the phrase of their parts and their join's mark (:data:`JOIN_MARKS`), as the
    index holds capitals so joined, so ``P&E`` asks for no ``P/E``; or the phrase of their
    parts alone, as the index holds words so joined in lower case (``harga/pendapatan``,
    ``p/e``: case is ignored, in the query and in the text).

    >>> _joined_form("P/E", "*"), _joined_form("m&a", "")
    ('("P \ue12f E"* OR "P/E"*)', '("m \ue126 a" OR "m&a")')
    """
    marked = f'"{_phrase(_JOIN.sub(lambda j: f" {JOIN_MARKS[j.group()]} ", word))}"{star}'
    return f'({marked} OR "{_phrase(word)}"{star})'


_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Z0-9]*[A-Z]s")
"""An acronym in capitals with the English plural ``-s`` (``SCs``, ``ETFs``): its singular is
asked too, as find reads it, two capitals too (``SCs`` found nothing: a root cut by rule alone
wants three letters; the capitals say where the acronym ends)."""

_GROUPED = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])")
"""A whole number written with thousands separators (``1,000``, ``2,500,000``)."""
_UNGROUPED = re.compile(r"(?<![0-9.,])[0-9]{4,}(?![0-9])")
"""A whole number of four digits or more written without them (``1000``), not after a decimal
point (``0.1234``)."""
_THOUSANDS = re.compile(r"(?<=[0-9])(?=(?:[0-9]{3})+$)")


def _number_forms(word: str) -> list[str]:
    """The other way of writing a query word's whole numbers: without their thousands
    separators (``RM1,000`` is also ``RM1000``), or with them (``1000`` is also ``1,000``).
    Each is a word of the index of its own (:data:`NUMBER_MARKS`), and ``1000`` found no
    ``RM1,000``, where the site's search box finds either by the other.

    >>> _number_forms("RM1,000.50"), _number_forms("1000000"), _number_forms("3.25")
    (['RM1000.50'], ['1,000,000'], [])
    """
    if not any(c in "0123456789" for c in word):
        return []
    forms = [_GROUPED.sub(lambda m: m.group().replace(",", ""), word),
             _UNGROUPED.sub(lambda m: _THOUSANDS.sub(",", m.group()), word)]
    return [form for form in dict.fromkeys(forms) if form != word]


def ranked_field(run: Run, table: str, params: Mapping[str, object], rows: int,
                 parts: Sequence[tuple[int, int]] = ()) -> tuple[list[Ranked], bool]:
    """The best ``rows`` matches of ``table`` in rank order (:data:`Ranked`), or fewer, and
    whether they are all the matches there are (True) or more may follow (False).

    ``parts``: rowid ranges that cover the table, ranked at once by ``run`` and merged.
    """
    if len(parts) < 2:
        found = run([(_RANKED_SQL.format(table=table, within=""), {**params, "rows": rows})])[0]
        return [tuple(row) for row in found], len(found) < rows
    results = [[tuple(row) for row in part] for part in run(
        [(_RANKED_SQL.format(table=table, within=_WITHIN),
          {**params, "rows": rows, "low": low, "high": high}) for low, high in parts])]
    merged: list[Ranked] = list(heapq.merge(*results))
    # a part that gave all the rows it was allowed may hold better rows than another part's
    # last: the merge is sure only up to the first such part's last row
    cuts = [part[-1][:2] for part in results if len(part) == rows]
    if not cuts:
        return merged, True
    cut = min(cuts)
    return [row for row in merged if row[:2] <= cut], False


def _first_terms(found: Sequence[Ranked], seen: set[str], need: int) -> tuple[list[Ranked], bool]:
    """The best row of each of the first ``need`` terms not in ``seen``, best first (a term's
    first row in rank order is its best), and whether there were ``need`` of them."""
    best: dict[str, Ranked] = {}
    for row in found:
        if row[2] not in seen and row[2] not in best:
            best[row[2]] = row
            if len(best) == need:
                break
    return list(best.values()), len(best) == need


def ranked_rows(run: Run, expression: str, lang: str | None, limit: int, *,
                parts: Callable[[str], Sequence[tuple[int, int]]] = lambda table: (),
                ) -> list[tuple[Row, str]]:
    """The best row of each of the first ``limit`` terms, ranked, with its snippet.

    ``run`` runs queries on the termbase; ``parts`` gives the rowid ranges a large table is
    ranked in at once (none: in one query).
    """
    hits: list[tuple[Row, str]] = []
    seen: set[str] = set()
    few: set[str] = set()  # the fields whose every match was read
    params = {"match": expression, "lang": lang}
    for field in sorted(FIELD_RANK, key=FIELD_RANK.__getitem__):
        need = limit - len(hits)
        table = search_table(field)
        rows = max(FIRST_ROWS, 4 * need)
        while True:
            found, complete = ranked_field(run, table, params, rows, parts(table))
            order, settled = _first_terms(found, seen, need)
            if settled or complete:
                break
            rows *= 4  # a term has many rows (a body's paragraphs), or better terms came first
        if complete:
            few.add(field)
        hits.extend(((rowid, term_id, field, row_lang), "")
                    for _, rowid, term_id, row_lang in order)
        seen.update(row[2] for row in order)
        if len(hits) == limit:
            break
    return _with_snippets(run, expression, hits, few)


def _with_snippets(run: Run, expression: str, hits: list[tuple[Row, str]],
                   few: set[str]) -> list[tuple[Row, str]]:
    """``hits`` with their snippets, one query per field: the rows taken one at a time when
    that is cheap (every word a prefix the table indexes, and many matches), else in one pass
    over the matches."""
    if not hits:
        return hits
    words = re.findall(r'"([^"]*)"', expression)
    fields = sorted({row[2] for row, _ in hits}, key=FIELD_RANK.__getitem__)
    queries: list[Query] = []
    for field in fields:
        indexed = {int(n) for n in PREFIXES[field].split()}
        rowids = ", ".join(str(row[0]) for row, _ in hits if row[2] == field)
        plus = "" if field not in few and all(len(w) in indexed for w in words) else "+"
        queries.append((_SNIPPET_SQL.format(table=search_table(field), plus=plus, rowids=rowids),
                        {"match": expression}))
    snippets = {(field, rowid): _shown(str(snippet or ""), str(highlighted or ""))
                for field, found in zip(fields, run(queries), strict=True)
                for rowid, snippet, highlighted in found}
    return [(row, snippets.get((row[2], row[0]), "")) for row, _ in hits]
