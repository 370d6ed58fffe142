"""Text rules every layer shares: keys for matching and sorting headwords (case, accents, spacing
and hyphens ignored), control characters coming in and going out, visible text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from glossari.errors import InputError

__all__ = [
    "APOSTROPHES",
    "DOUBLE_QUOTES",
    "INVISIBLE_IN_WORDS",
    "TEMPLATE_TAG",
    "NotText",
    "char_width",
    "counted",
    "decode_text",
    "distinct_categories",
    "excerpt",
    "first_control",
    "fit_text",
    "has_visible_text",
    "headword_order",
    "is_windows_reserved",
    "lookup_key",
    "marked_key",
    "name_slug",
    "readable_url",
    "shell_path",
    "slug_text",
    "sort_key",
    "strip_controls",
    "terminal_field",
    "terminal_text",
    "text_width",
    "utf8_text",
    "wide_encoding",
    "without_accents",
]

TEMPLATE_TAG = r"\{%[^%{}]{0,2000}%\}|\{\#[^#{}]{0,2000}\#\}|\{\{[^{}]{0,2000}\}\}"
"""A Jinja or Django template tag, comment or expression (``{% if kadar > 5 %}``, ``{# nota
#}``, ``{{ jumlah }}``): code that a translation keeps as written, so no words of its text, no
numbers, no terms, and its ``%`` no percent sign (``% if`` read so). A pattern to join into a
larger one (``#`` escaped, for a verbose one too); no brace inside, so a run of unclosed ones
costs linear time."""

# Going out (tables, terminals): XML 1.0 forbids C0 controls outright (lone surrogates and the two
# non-characters too); HTML calls them parse errors and browsers turn NUL into U+FFFD; a terminal
# runs ESC sequences (title changes, colours, cursor moves). DEL and the C1 controls (U+0085
# included) are legal XML but "discouraged", and no term ever needs one: they go too, so every
# output carries the same text. Tab, newline and carriage return stay (CSV's CRLF, a progress
# line's return).
_OUTPUT_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Going to a terminal (standard output and error, every format): the same characters, shown
# escaped instead of dropped, and the bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069), which reorder what follows them on the line: a title holding
# U+202E printed its words backwards, and a finding or a path could be made to read as another
# (CVE-2021-42574, "Trojan Source"). The marks U+200E, U+200F and U+061C reorder nothing beyond
# the neutral characters beside them: right-to-left text may keep them.
_TERMINAL_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]")
# Coming in (decoded text: YAML escapes such as "\e", "\0", "\x04", "\L"): C0 but tab and
# newline, DEL, C1, and the line separators, which would split a line in every file written.
_INPUT_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
INVISIBLE_IN_WORDS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""Soft hyphen, zero-width space, non-joiner, joiner, word joiner, BOM: invisible characters that
web pages and word processors leave inside words, which split no word and take no width: the
one list of the recogniser (:mod:`glossari.terms`) and of :func:`char_width`."""
APOSTROPHES = "'\u2018\u2019\u201a\u201b\u02bc\u2032"
"""The characters a text writes as an apostrophe, the straight one first: a keyboard's ``'``,
the right single quote Word or a phone curls it into (``Tabarru\u2019``, ``Moody\u2019s``),
the left one an autocorrect curls the wrong way (``Moody\u2018s``), the low and reversed ones,
the modifier letter (U+02BC) and the prime (U+2032) some fonts and keyboards give for it. The
one rule: a heading's comparison (:func:`glossari.catalog.messages.normalize_heading`), the
recogniser's fold and words (:mod:`glossari.terms`) and the site's search script
(``glossari/export/site/static/site.js``, held equal by ``tests/test_site_rules.py``) read
each as ``'``. A character class's content as it stands (none is special in one)."""
DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u2033'
"""The characters a text writes as a double quote, the straight one first: a keyboard's ``"``,
the curly pair Word or a phone makes of it (U+201C, U+201D), the low and reversed ones
(U+201E, U+201F) and the double prime (U+2033) some fonts and keyboards give for it. The one
rule: a heading's comparison (:func:`glossari.catalog.messages.normalize_heading`) reads each
as ``"``, and search reads words between any two as one phrase (``\u201fdana lindung\u201f``
was two words asked apart, where the heading rule read the same marks as quotes). A character
class's content as it stands (none is special in one)."""
# Characters that show nothing: spaces, separators, controls and format characters (zero-width
# space, soft hyphen, word joiner, BOM). A lone combining mark still shows (on a dotted circle).
_INVISIBLE = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})


def strip_controls(text: str) -> str:
    """``text`` without control characters (C0 but tab, LF, CR; DEL; C1) or XML non-characters:
    the one rule for every output (CSV, JSON, HTML, TBX, Markdown, the terminal).

    >>> strip_controls("a\\x00b\\tc\\x1b]0;x\\x07\\x85")
    'ab\\tc]0;x'

    A byte of a file name that is not UTF-8 (``bon\\xe9.md``, which Python holds as the lone
    surrogate U+DCE9) is shown as ``\\xe9``: dropped, the error named ``seeds/bon.md``,
    another file.

    >>> strip_controls("seeds/bon\\udce9.md")
    'seeds/bon\\\\xe9.md'
    """
    return _OUTPUT_CONTROL.sub(_shown, text)


def _shown(control: re.Match[str]) -> str:
    code = ord(control.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else ""


def terminal_text(text: str) -> str:
    """``text`` as it may reach a terminal: each control character that
    :func:`strip_controls` drops, and each bidirectional control (U+202A-U+202E,
    U+2066-U+2069), shown as a ``\\uXXXX`` escape. The one rule for both standard streams
    (the CLI applies it to everything it prints).

    Shown, not dropped: ``seeds/a\\x1bb.md`` named as ``seeds/ab.md`` is another file, and a
    ``\\u202e`` hidden reads as nothing at all. The JSON form of the escape is valid inside a
    JSON string and means the same character there, so ``--format json`` and ``sarif`` outputs
    stay valid and carry the same data (``json.dumps`` writes C0 controls escaped already).

    >>> terminal_text("Kos\\u202egnipeek\\u202c \\x1b[31mmerah\\x85\\tx")
    'Kos\\\\u202egnipeek\\\\u202c \\\\u001b[31mmerah\\\\u0085\\tx'

    A byte of a file name that is not UTF-8 is shown as :func:`strip_controls` shows it
    (``\\xe9``); another lone surrogate is dropped.
    """
    return _TERMINAL_HIDDEN.sub(_escaped, text)


def _escaped(hidden: re.Match[str]) -> str:
    code = ord(hidden.group())
    return _shown(hidden) if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


# Layout that keeps a terminal's line whole but not a field of it: a tab (a field separator), the
# line breaks (a CR returns to the line's start, and what follows prints over what came before)
_FIELD_BREAK = re.compile("[\t\n\r\u2028\u2029]")
_FIELD_SHOWN = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def terminal_field(text: str) -> str:
    """``text`` as one field of one line printed to a terminal (``find``'s surface text, a
    value a hint quotes back): :func:`terminal_text`, and a tab or a line break shown as
    ``\\t``, ``\\n``, ``\\r``, ``\\u2028``, ``\\u2029``. A CR printed raw returned to the
    start of the line and printed what followed over the command's own words.

    >>> terminal_field("x\\ry\\tz\\n\\u2028\\x1b")
    'x\\\\ry\\\\tz\\\\n\\\\u2028\\\\u001b'
    """
    return terminal_text(_FIELD_BREAK.sub(_field_escaped, text))


def quoted(text: str) -> str:
    """``text`` in single quotes as a report a person reads quotes a value: as written, a
    backslash or a quote once (``repr`` doubled the backslash of ``C:\\dana`` and put a value
    holding ``'`` in double quotes), and only what :func:`terminal_field` shows escaped (a line
    break, a tab, a control character) escaped, so the quote stays on the report's one line.

    >>> print(quoted("C:\\\\dana \\\\x41"), quoted("it's"), quoted("a\\nb"))
    'C:\\dana \\x41' 'it's' 'a\\nb'
    """
    return f"'{terminal_field(text)}'"


def _field_escaped(shown: re.Match[str]) -> str:
    c = shown.group()
    return _FIELD_SHOWN.get(c) or f"\\u{ord(c):04x}"


_LAYOUT_SPACE = re.compile("[ \t\n\r\x0b\x0c\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """``text`` with each run of layout whitespace (spaces, tabs, line breaks) one space, and
    none at either end: a name or a value is one line. No-break spaces are text, not layout
    (``RM\\u00a0100`` must not break), so they stay, where ``" ".join(text.split())`` lost
    them.

    >>> one_line("  Cost of\\n   sales\\t"), one_line("RM\\u00a0100")
    ('Cost of sales', 'RM\\xa0100')
    """
    return _LAYOUT_SPACE.sub(" ", text).strip(" ")


_SPACED_RUN = re.compile("\\s*[ \t\n\r\x0b\x0c\x85\u2028\u2029]\\s*")


def single_spaced(text: str) -> str:
    """A front-matter value (a headword, a definition) as one line of single spaces: each run
    of white space holding a space a line may break at (:func:`one_line`'s layout) is one
    space, and none is at either end; a run of no-break spaces alone is text and stays
    (``RM\\u00a0100``, which ``" ".join(text.split())`` read as ``RM 100``). A no-break space
    beside a breaking one binds nothing, so ``Kos\\u00a0 jualan`` is ``Kos jualan``, as the
    article's heading spells it.

    >>> single_spaced("  RM\\u00a0100\\n seunit\\t"), single_spaced("Kos\\u00a0 jualan\\u00a0")
    ('RM\\xa0100 seunit', 'Kos jualan')
    """
    return _SPACED_RUN.sub(" ", text).strip()


def first_control(text: str) -> re.Match[str] | None:
    """The first character of decoded input text that no article or catalog may hold: C0 controls
    but tab and newline, DEL, C1, U+2028 and U+2029.

    >>> first_control("Kos\\x1b[31m").start(), first_control("a\\tb\\nc") is None
    (3, True)
    """
    return _INPUT_CONTROL.search(text)


def has_visible_text(text: str) -> bool:
    """True when ``text`` shows at least one character (not only spaces, controls, zero-width
    or other format characters).

    >>> has_visible_text("\\u200b\\u00ad\\u2060 \\ufeff"), has_visible_text("\\u200bKos")
    (False, True)
    """
    # a letter or a digit first (most texts) shows: no category is looked up one by one
    return text[:1].isalnum() or any(unicodedata.category(c) not in _INVISIBLE for c in text)


def _strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text)
        if unicodedata.combining(c) in (0, _VIRAMA)
    )


_VIRAMA = 9
"""The canonical combining class of the viramas (Devanagari ``्``, Tamil ``்``, ...): a mark
that takes the vowel out of its letter, part of the word's spelling (``क्रम``, order, is not
``करम``), not an accent an author may leave out."""


def without_accents(text: str) -> str:
    """``text`` in compatibility form without the marks an author may leave out (Latin accents,
    Arabic harakat, Hebrew points) and those that only select a glyph or join (variation
    selectors, U+034F), with the marks that are part of the spelling (vowel signs, viramas) and
    the letters Unicode decomposes that are letters of their own (Cyrillic ``й``): the one rule
    of :func:`lookup_key` and of :func:`glossari.terms.fold`, by which find reads a name.

    >>> without_accents("Ékuiti ﬁnra"), without_accents("акций ёмкость")
    ('Ekuiti finra', 'акций емкость')
    >>> without_accents("क्रम") == without_accents("करम"), without_accents("葛\U000e0100")
    (False, '葛')
    """
    composed = unicodedata.normalize("NFC", text)
    if _WHOLE_LETTER.search(composed):
        # a letter of its own that Unicode writes as another with a mark: kept whole
        text = "".join(part if _WHOLE_LETTER.fullmatch(part) else _strip_accents(part)
                       for part in _WHOLE_LETTER.split(composed))
    else:
        text = _strip_accents(text)
    return _IGNORABLE_MARK.sub("", text)


def lookup_key(text: str) -> str:
    """The key two spellings of one headword share.

    >>> lookup_key("Eksekutif  Akaun") == lookup_key("eksekutif-akaun")
    True
    >>> lookup_key("ÉksekutifAkaun")
    'eksekutifakaun'

    A digit of any script is the ASCII digit, as a slug writes it (:func:`slug_text`): the
    link target ``/٣ekuiti`` and the id of its link-only term, ``3ekuiti``, are one name.

    >>> lookup_key("٣ekuiti"), lookup_key("Saham ३")
    ('3ekuiti', 'saham3')

    A mark that is part of its letter stays: the vowel signs of Devanagari and Tamil (``कर``,
    tax, is not ``कार``, car; ``வரி``, tax, is not ``வர``), which take no place of their own
    in the Unicode order of marks (canonical combining class 0); the accents and points an
    author may leave out (``é``, Arabic harakat: ``سَهْم`` is ``سهم``) are dropped.

    >>> lookup_key("कार") == lookup_key("कर"), lookup_key("سَهْم") == lookup_key("سهم")
    (False, True)

    A mark that only selects a glyph (a variation selector) or joins (U+034F) is no part of
    the name: ``葛`` with an ideographic variation selector is ``葛``.

    >>> lookup_key("葛\U000e0100") == lookup_key("葛"), lookup_key("a\u034fb")
    (True, 'ab')

    A Cyrillic ``й`` is a letter of its own, not ``и`` with an accent (``ё`` loses its
    diaeresis, as ``é`` its accent):

    >>> lookup_key("Акций") == lookup_key("акции"), lookup_key("Ёмкость")
    (False, 'емкость')

    The modifier letter apostrophe (U+02BC), a letter to Unicode, is an apostrophe
    (:data:`APOSTROPHES`), dropped as the others are: ``Tabarru\u02bc`` is ``Tabarru'``.

    >>> lookup_key("Tabarru\u02bc") == lookup_key("Tabarru'") == lookup_key("Tabarru\u2019")
    True
    """
    if text.isascii():  # most names: one regex pass, no Unicode decomposition (same result)
        return _NOT_ASCII_ALNUM.sub("", text.lower())
    return "".join(_ascii_digit(c) for c in without_accents(text).casefold()
                   if (c.isalnum() and c != _MODIFIER_APOSTROPHE)
                   or unicodedata.category(c)[0] == "M")


def marked_key(text: str) -> str | None:
    """The key of a name that joins two words with ``/`` or ``&`` (``P/E``, ``M&A``,
    ``harga/pendapatan``), the mark kept between the keys of its parts; None for a name with no
    such join. Two names whose :func:`lookup_key` is one (``P/E`` and ``P&E`` are both ``pe``)
    are told apart by it, as find tells them apart (a text's ``P&E`` is no *P/E*): a lookup
    asks it before the lookup key, so that each is its own term's.

    >>> marked_key("P/E"), marked_key("P / E"), marked_key("Loji dan peralatan (P&E)")
    ('p/e', 'p/e', 'lojidanperalatanp&e')
    >>> marked_key("Saham"), marked_key("/saham"), marked_key("P/ ")
    (None, None, None)
    """
    if "/" not in text and "&" not in text:
        return None
    parts = _JOIN_MARK.split(text)
    if len(parts) == 1:
        return None
    # parts: the words' texts with the marks between them (split keeps the captured mark)
    return "".join(part if k % 2 else lookup_key(part) for k, part in enumerate(parts))


_JOIN_MARK = re.compile(r"(?<=[^\W_])\s*([/&])\s*(?=[^\W_])")
"""A ``/`` or ``&`` between two letters or digits, spaces around it allowed (``P / E``): the
join :func:`marked_key` keeps, as find reads a name's marks between its words."""


_MODIFIER_APOSTROPHE = "\u02bc"
"""The one of :data:`APOSTROPHES` that Unicode calls a letter (``str.isalnum``, ``\\w``)."""


# letters of the Cyrillic alphabets that Unicode decomposes into another letter and a mark, as
# it does an accented Latin one, but which are letters of their own (`акций` is not `акции`),
# as the slugs keep them (slug_text); `ё`, written without its diaeresis as often as not, is folded
_WHOLE_LETTER = re.compile("([йЙўЎїЇ])")

# marks that change no letter, only how it is drawn or joined (Unicode's default-ignorable
# marks: the combining grapheme joiner, variation selectors, Mongolian free variation
# selectors): `葛` with an ideographic variation selector is `葛`
_IGNORABLE_MARK = re.compile("[\u034f\u180b-\u180d\u180f\ufe00-\ufe0f"
                             "\U000e0100-\U000e01ef]")


def _ascii_digit(c: str) -> str:
    if c.isdigit() and not c.isascii() and unicodedata.digit(c, -1) >= 0:
        return str(unicodedata.digit(c))
    return c


_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")


def closest_name(word: str, known: Iterable[str],
                 key: Callable[[str], str] = str.casefold) -> str | None:
    """The one of ``known`` that ``word`` most likely misspells, compared by ``key``, or None:
    the one home of a typo's suggestion (a command, an option, a choice, a category).

    >>> closest_name("tabel", ["show", "table", "search"]), closest_name("EN", ["ms", "en"])
    ('table', 'en')
    >>> closest_name("xyz", ["show", "table"]) is None
    True

    Names as near by difflib's ratio go to the one sharing the longest start with ``word``
    (``S11O``: ``S110``, not ``S131``), then to the first given.

    >>> closest_name("S11O", ["S101", "S110", "S131"])
    'S110'
    """
    import difflib

    keyed: dict[str, str] = {}
    for name in known:
        keyed.setdefault(key(name), name)  # the first spelling of a key
    typed = key(word)
    best: tuple[float, int, int] | None = None
    found: str | None = None
    matcher = difflib.SequenceMatcher(b=typed)
    for position, candidate in enumerate(keyed):
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:
            continue
        ratio = matcher.ratio()
        if ratio < 0.6:
            continue
        shared = next((k for k, (a, b) in enumerate(zip(candidate, typed, strict=False))
                       if a != b),
                      min(len(candidate), len(typed)))
        rank = (ratio, shared, -position)
        if best is None or rank > best:
            best, found = rank, keyed[candidate]
    return found


def category_key(name: str) -> str:
    """The key two spellings of one category share: :func:`lookup_key` (case, accents, spacing
    and hyphens ignored), plus the symbols in it, which name different things (``C++`` is not
    ``C#``, ``Harga $`` is not ``Harga €``).

    >>> category_key("Pelaburan Alternatif") == category_key("pelaburan-alternatif")
    True
    >>> category_key("C++") == category_key("C#"), category_key("C++") == category_key("c ++")
    (False, True)
    """
    # symbols (math, currency, other) and the punctuation that stands for a word
    symbols = "".join(c for c in name if unicodedata.category(c)[0] == "S" or c in "#%&@")
    key = lookup_key(name) or name
    return f"{key}\0{symbols}" if symbols else key


def distinct_categories(
    malay: Sequence[str], english: Sequence[str | None] = ()
) -> tuple[tuple[str, str | None], ...]:
    """The categories an article lists (``malay``, with ``english`` position for position, None
    where untranslated), each once: two spellings of one category (:func:`category_key`:
    ``Kewangan Islam, kewangan islam``) are its first, with the first translation any of them
    has. What every list of a term's categories shows (the tables, TBX, ``show``, the site);
    the article keeps both, one message and one part each, as ``align`` pairs them.

    >>> distinct_categories(["Kewangan Islam", "kewangan islam", "Saham"],
    ...                     [None, "Islamic finance", "Stocks"])
    (('Kewangan Islam', 'Islamic finance'), ('Saham', 'Stocks'))
    >>> distinct_categories(["Saham"])
    (('Saham', None),)
    """
    found: dict[str, tuple[str, str | None]] = {}
    for n, name in enumerate(malay):
        key = category_key(name)
        other = english[n] if n < len(english) else None
        first = found.setdefault(key, (name, other))
        if first[1] is None and other is not None:
            found[key] = (first[0], other)
    return tuple(found.values())


def ascii_slug(text: str) -> str:
    """``text`` as a lower-case ASCII slug, accents dropped and every other run of characters
    one hyphen, at most 80 characters (``x`` when nothing is left): a safe file name and URL.

    >>> ascii_slug("Ékuiti Swasta (PE)"), ascii_slug("Ringgit/USD"), ascii_slug("***")
    ('ekuiti-swasta-pe', 'ringgit-usd', 'x')
    """
    folded = _strip_accents(text).casefold().encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:80].strip("-")
    return slug or "x"


def slug_text(text: str) -> str:
    """``text`` as a slug keeps it, in every script: compatibility forms folded (``²`` is
    ``2``, ``ǅ`` is ``Dz``), digits of any script ASCII (``٣`` is ``3``), the accents of a Latin
    letter dropped (``kós`` is ``kos``, as a Latin slug is written), and every other letter
    kept whole, with its marks, in NFC: a Cyrillic ``й`` is not ``и``, a kana ``ガ`` not ``カ``,
    a Devanagari vowel sign is part of its word. The one rule for link-only term ids
    (:func:`glossari.align.resolve.link_slug`) and the site's file names (:func:`name_slug`).

    >>> slug_text("ação"), slug_text("²ǅ٣"), slug_text("акций"), slug_text("ガス")
    ('acao', '2Dz3', 'акций', 'ガス')

    The modifier letter apostrophe (U+02BC), a letter to Unicode, is the apostrophe
    (:data:`APOSTROPHES`), which a slug writes as any other: ``/syar\u02bci`` is the
    link-only term ``syar-i``, as ``/syar'i`` and ``/syar\u2019i`` are.

    >>> slug_text("syar\u02bci")
    "syar'i"
    """
    out: list[str] = []
    latin = False  # the last base character is an ASCII letter: its marks are accents
    for c in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(c):
            if not latin:
                out.append(c)
            continue
        c = "'" if c == _MODIFIER_APOSTROPHE else _ascii_digit(c)
        latin = c.isascii() and c.isalpha()
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def _slug_char(c: str) -> bool:
    return unicodedata.category(c)[0] in "LNM"


def name_slug(text: str) -> str:
    """``text`` as a file name and URL path segment, readable in its own script: lower case,
    :func:`slug_text` (Latin accents dropped, every other script kept), every other run of
    characters one hyphen (invisible format characters dropped), at most 80 characters and
    120 bytes of UTF-8 (``x`` when nothing is left). A page's address then reads as its link
    reads (``/акция-акция`` is ``акция-акция.html``, ``/سهم`` is ``سهم.html``); an address
    written out whole (the sitemap, ``rel=canonical``) is percent-encoded, as for any URL.
    The one rule for the site's term and category file names.

    >>> name_slug("Ékuiti Swasta (PE)"), name_slug("Акция-акция"), name_slug("زكاة / وقف")
    ('ekuiti-swasta-pe', 'акция-акция', 'زكاة-وقف')
    >>> name_slug("株式"), name_slug("***"), name_slug("a\u200cb")
    ('株式', 'x', 'ab')
    """
    folded = slug_text(text).casefold()
    kept = "".join(c if _slug_char(c) else "" if unicodedata.category(c) == "Cf" else "-"
                   for c in folded)
    whole = unicodedata.normalize("NFC", re.sub("-{2,}", "-", kept).strip("-"))
    cut = min(len(whole), 80)
    # a cut never parts a letter from its marks (a Devanagari vowel sign, an Arabic vowel)
    while cut and (len(whole[:cut].encode("utf-8")) > 120
                   or (cut < len(whole) and unicodedata.category(whole[cut])[0] == "M")):
        cut -= 1
    return whole[:cut].rstrip("-") or "x"


# a run of percent-escapes (`%C3%A7%C3%A3`), read a byte at a time by readable_url
_ESCAPE_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")

# characters a reader could not see or tell apart, whose escapes stay (RFC 3987, 3.2 and 4.1:
# bidirectional formatting characters are never shown unescaped): controls, format characters
# (U+200B, U+202E), private use, unassigned, and every kind of space
_UNSHOWN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


def readable_url(url: str) -> str:
    """``url`` with the percent-escapes of characters beyond ASCII read, as an IRI shows them
    (RFC 3987, 3.2): Markdown percent-encodes a link destination, so ``[ação](/ação)`` has
    the destination ``/a%C3%A7%C3%A3o``, which named the link in its msgctxt and in ``check``'s
    messages where the author wrote ``/ação``. What the URL means is not changed
    (``unquote`` reads both alike): an escape of an ASCII character (``%20``, ``%2F``, ``%5C``)
    stays, as the author wrote it, and so does one of a character a reader could not see or
    tell apart (a control, a bidirectional or other format character, a space) or bytes that
    are not UTF-8. The one rule for :attr:`glossari.model.Link.target`.

    >>> readable_url("/a%C3%A7%C3%A3o"), readable_url("/%D8%B3%D9%87%D9%85#x")
    ('/ação', '/سهم#x')
    >>> readable_url("pelaburan%20asing"), readable_url("a%E2%80%AEb"), readable_url("a%C3%28")
    ('pelaburan%20asing', 'a%E2%80%AEb', 'a%C3%28')
    """
    if "%" not in url:
        return url

    def read(run: re.Match[str]) -> str:
        escapes = run.group()
        raw = bytes.fromhex(escapes.replace("%", ""))
        out: list[str] = []
        at = 0
        while at < len(raw):
            lead = raw[at]
            size = (2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF
                    else 4 if 0xF0 <= lead <= 0xF4 else 1)
            char = raw[at:at + size].decode("utf-8", "replace") if size > 1 else ""
            if (len(char) == 1 and char != "\ufffd"
                    and unicodedata.category(char) not in _UNSHOWN):
                out.append(char)
                at += size
            else:
                out.append(escapes[3 * at:3 * at + 3])
                at += 1
        return "".join(out)

    return _ESCAPE_RUN.sub(read, url)


_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def is_windows_reserved(name: str) -> bool:
    """True for a file name Windows keeps for a device, whatever its case and extension
    (``con.md``, ``Aux.html``, ``nul.tar.gz``): such a file cannot be made, copied or unzipped
    there. The one rule for article ids and for the names of the site's pages.

    >>> [is_windows_reserved(n) for n in ("con.md", "Aux.html", "COM1", "console.html", "x")]
    [True, True, True, False, False]
    """
    return name.split(".")[0].casefold() in _WINDOWS_RESERVED


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order ignoring case and accents (ties broken by the exact text), the
    accents dropped as a name's key drops them (:func:`without_accents`): a letter of its own
    stays one (Cyrillic ``й`` after every ``и``, as the alphabet has it), and a mark that only
    selects a glyph orders nothing.

    >>> sorted(["bon", "Ákaun", "akaun"], key=sort_key)
    ['akaun', 'Ákaun', 'bon']
    >>> sorted(["йод", "ива", "игра"], key=sort_key)
    ['ива', 'игра', 'йод']
    """
    return (" ".join(without_accents(text).casefold().split()), text)


def headword_order(headword: str | None, term_id: str) -> tuple[bool, tuple[str, str], str]:
    """The one order of terms, for the API and every table: by headword as :func:`sort_key`,
    a term without one last, ties broken by id.

    >>> sorted([("b", None), ("a", "Écu"), ("c", "bon")], key=lambda t: headword_order(t[1], t[0]))
    [('c', 'bon'), ('a', 'Écu'), ('b', None)]
    """
    return (headword is None, sort_key(headword) if headword is not None else ("", ""), term_id)


class NotText(NamedTuple):
    """Why bytes are not UTF-8 text (:func:`utf8_text`), for the caller's own error."""

    binary: bool
    """True for binary data (a NUL byte), False for bytes that are not UTF-8."""
    line: int
    """The 1-based line of the first bad byte."""
    what: str
    """``binary data (a NUL byte)`` or ``not UTF-8 text (byte 0xe9 at column 2)``."""


def utf8_text(data: bytes) -> str | NotText:
    """``data`` decoded as UTF-8, or why it is not text: the one rule for a NUL byte (binary data,
    refused even though UTF-8 allows it) and for bytes that are not UTF-8, with the line and
    column a user needs to find them. Nothing else is dropped or changed (a BOM stays).

    >>> utf8_text(b"a\\nb\\xe9")
    NotText(binary=False, line=2, what='not UTF-8 text (byte 0xe9 at column 2)')
    >>> utf8_text(b"\\n\\n\\x00"), utf8_text("Ékuiti".encode())
    (NotText(binary=True, line=3, what='binary data (a NUL byte)'), 'Ékuiti')
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        return NotText(True, data.count(b"\n", 0, nul) + 1, "binary data (a NUL byte)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        return NotText(False, data.count(b"\n", 0, error.start) + 1,
                       f"not UTF-8 text (byte 0x{data[error.start]:02x} at column "
                       f"{error.start - line_start + 1})")


def wide_encoding(data: bytes) -> str | None:
    """``UTF-16`` / ``UTF-32`` when the bytes look like it (a BOM, or ASCII padded with NULs:
    a Windows editor's "Unicode"), else None: the one rule for articles, catalogs and texts
    given to a command, so that such a file is named as what it is, not as binary data.

    >>> wide_encoding("kos".encode("utf-16")), wide_encoding("kos".encode("utf-16-le"))
    ('UTF-16', 'UTF-16')
    >>> wide_encoding("kos".encode("utf-32")), wide_encoding("kos".encode())
    ('UTF-32', None)
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:4]
    if len(head) == 4 and head.count(0) == 3:
        return "UTF-32"
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "UTF-16"
    return None


def decode_text(data: bytes, *, source: str) -> str:
    """Text a command was given (standard input, an argument): UTF-8, a leading BOM dropped
    (it is no part of the text, so offsets count from the character after it).

    Anything else is refused, naming the line, rather than read as mojibake or as nothing:
    UTF-16 (a Windows editor's "Unicode"), binary data (a NUL byte), bytes that are not UTF-8.

    >>> decode_text(b"\\xef\\xbb\\xbfSaham\\r\\n", source="<stdin>")
    'Saham\\r\\n'
    >>> decode_text(b"a\\nb\\xe9", source="<stdin>")
    Traceback (most recent call last):
    ...
    glossari.errors.InputError: <stdin>:2: not UTF-8 text (byte 0xe9 at column 2); \
convert it to UTF-8 (it looks like Latin-1 or Windows-1252)
    """
    wide = wide_encoding(data)
    if wide is not None:
        raise InputError(f"{wide} text, not UTF-8", path=source, line=1,
                         hint=f"convert it to UTF-8 (iconv -f {wide} -t UTF-8)")
    text = utf8_text(data)
    if isinstance(text, NotText):
        raise InputError(f"{text.what}, not text" if text.binary else text.what, path=source,
                         line=text.line, hint="give it UTF-8 text" if text.binary else
                         "convert it to UTF-8 (it looks like Latin-1 or Windows-1252)")
    return text.removeprefix("\ufeff")


def shell_path(path: str) -> str:
    """``path`` as one word of a command a message suggests, to be pasted into a shell: quoted
    when it holds a space, a quote or another shell character, and written ``./-x`` when it
    starts with ``-`` (an option's value would take it for an option). The one rule for every
    hint that names a folder in a command (``pass --root ...``, ``glossari align -l en ...``).

    >>> shell_path("Glosari Kewangan/seeds"), shell_path("-x"), shell_path("/tmp/kos")
    ("'Glosari Kewangan/seeds'", './-x', '/tmp/kos')

    A path holding a line break, a tab or another character :func:`terminal_field` shows
    escaped is written in bash's ``$'...'`` quoting, which means the same path pasted, on the
    message's one line (single-quoted, the newline split the message and the command in two):

    >>> print(shell_path("/tmp/a\\nb'c\\x1b"))
    $'/tmp/a\\nb\\'c\\u001b'
    """
    import shlex

    path = "./" + path if path.startswith("-") else path
    if terminal_field(path) == path:
        return shlex.quote(path)
    return "$'" + _ANSI_C.sub(_ansi_c_escaped, path) + "'"


_ANSI_C = re.compile("[\\\\'\t\n\r\u2028\u2029]|" + _TERMINAL_HIDDEN.pattern[1:-1].join("[]"))


def _ansi_c_escaped(match: re.Match[str]) -> str:
    c = match.group()
    if c in "\\'":
        return "\\" + c
    if 0xDC80 <= ord(c) <= 0xDCFF:  # a byte of a file name that is not UTF-8: the byte again
        return f"\\x{ord(c) - 0xDC00:02x}"
    return _FIELD_SHOWN.get(c) or f"\\u{ord(c):04x}"


def blanked(pattern: re.Pattern[str], text: str, fill: str = " ") -> str:
    """``text`` with each match of ``pattern`` written over by as many ``fill`` characters: the
    rest stands where it stood, so an offset found in the result is one in ``text`` (a run
    found is quoted as written). Spaces part nothing that white space does not; another fill
    (``"\\0"``) parts the words either side, as white space would join them.

    >>> blanked(re.compile(r"`[^`]*`"), "Lihat `kos` dan [kupon] (/kupon)")
    'Lihat       dan [kupon] (/kupon)'
    >>> blanked(re.compile(r"\\*[^*]+\\*"), "sebelum *sukuk* sebelum", "-")
    'sebelum ------- sebelum'
    """
    return pattern.sub(lambda match: fill * len(match.group()), text)


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, in the plural unless one (English summaries: "1 term").

    >>> counted(1, "term"), counted(0, "warning"), counted(3, "message")
    ('1 term', '0 warnings', '3 messages')
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"


def excerpt(text: str, width: int = 60, ellipsis: str = "...", *, at: int = 0) -> str:
    """``text`` on one line (runs of layout whitespace, line breaks included, as one space:
    :func:`one_line`), cut to ``width`` characters, ``ellipsis`` last, for quoting in a
    message: a finding, an error or a note is one line of text output, whatever the size of the
    value it quotes. A no-break space is text and stays, as :func:`quoted` shows the rest of a
    value: ``RM\u00a0100`` shown as ``RM 100`` named a value the file does not hold (a search
    for it found nothing, and a conflict between the two read as two equal values).

    A message that names a character of the value (a lone backslash) gives its index as ``at``:
    when the cut would hide it, the excerpt starts a third of ``width`` before it, ``ellipsis``
    first, so that the quote holds what the message names.

    >>> excerpt("| Jenis | Struktur |\\n|---|---|")
    '| Jenis | Struktur | |---|---|'
    >>> excerpt("Pelaburan  dalam\\nsaham-saham syarikat", 20, "\u2026")
    'Pelaburan dalam sah\u2026'
    >>> excerpt(" RM\u00a0100\\tseunit ")
    'RM\xa0100 seunit'
    >>> excerpt("Unit amanah bagi saham-saham syarikat C:\\\\dana serta", 30, at=40)
    '...ikat C:\\\\dana serta'
    """
    flat = one_line(text)
    if len(flat) <= width:
        return flat
    shown = len(one_line(text[:at] + "x")) - 1  # where text[at] stands on the one line
    if shown >= width - len(ellipsis):
        flat = ellipsis + flat[shown - width // 3 + len(ellipsis):]
        if len(flat) <= width:
            return flat
    return flat[:width - len(ellipsis)] + ellipsis


# Widths in em of a sans-serif font's letters, rounded up over the common system fonts (DejaVu
# Sans, Noto Sans, Segoe UI, Roboto, San Francisco, Helvetica): an estimate that errs wide, for
# text whose font the server cannot measure
_NARROW = frozenset("iljtfrI.,:;!|'`()[]{} ")
_WIDEST = frozenset("MWmw@%\u00c6\u0152\u00e6\u0153")
_ZERO_WIDTH = frozenset(INVISIBLE_IN_WORDS)


def char_width(char: str) -> float:
    """How wide ``char`` shows in a proportional sans-serif font, in em, erring wide: 0 for a
    combining mark or an invisible character, 1 for a CJK or full-width one (East Asian width
    W or F) and the widest Latin letters, less for the others.

    >>> [char_width(c) for c in "i a M \u682a \uff2b \u0301"]
    [0.35, 0.35, 0.62, 0.35, 1.0, 0.35, 1.0, 0.35, 1.0, 0.35, 0.0]
    """
    if char in _ZERO_WIDTH or unicodedata.combining(char) or unicodedata.category(char) in (
            "Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F") or char in _WIDEST:
        return 1.0
    if char in _NARROW:
        return 0.35
    if char.isupper() or char.isdigit():
        return 0.75
    if char.isalpha():
        return 0.62
    return 1.0  # a symbol or an emoji: as wide as a letter gets


def text_width(text: str) -> float:
    """The width of ``text`` on one line, in em, by :func:`char_width`.

    >>> text_width("100% \u00b7 12")
    6.45
    """
    return round(sum(char_width(c) for c in text), 2)


def fit_text(text: str, room: float, *, ellipsis: str = "\u2026") -> str:
    """``text`` whole when it is at most ``room`` em wide (:func:`text_width`), else as much
    of it as fits with ``ellipsis`` after it, cut between two letters: never between a letter
    and its combining accents, nor inside a sequence an emoji's joiner makes one.

    >>> fit_text("Pelaburan", 20), fit_text("Pelaburan saham", 5)
    ('Pelaburan', 'Pelabur\u2026')
    >>> fit_text("Kerajae\u0301an", 5) == "Kerajae\u0301\u2026"
    True
    """
    if text_width(text) <= room:
        return text
    room -= text_width(ellipsis)
    used = 0.0
    end = 0
    for start, cluster in _clusters(text):
        width = sum(char_width(c) for c in cluster)
        if used + width > room:
            break
        used += width
        end = start + len(cluster)
    return text[:end].rstrip() + ellipsis


def _clusters(text: str) -> Iterator[tuple[int, str]]:
    """``text`` in the pieces a cut must not split, with where each starts: a letter with the
    combining marks, variation selectors and joined characters after it."""
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text):
            char, before = text[index], text[index - 1]
            if (unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Mc")
                    or char in "\u200d\ufe0e\ufe0f" or before == "\u200d"
                    or "\U0001f3fb" <= char <= "\U0001f3ff"):
                continue
        yield start, text[start:index]
        start = index
