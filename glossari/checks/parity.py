"""What must survive translation unchanged: link targets, raw HTML, numbers, code spans, emphasis.

Link targets and raw HTML come from markdown-it-py's tokens, through the one function the renderer
uses too (:func:`glossari.seeds.markdown.links_and_html`), so ``check`` reports exactly what
``render`` refuses. The rest are plain regular expressions: they run on every message of every
catalog (hundreds of thousands at dictionary scale), and a message is one inline Markdown snippet.

>>> link_targets("Lihat [peniaga broker](/broker-dealer) dan [x](https://a.b \\"t\\").")
('/broker-dealer', 'https://a.b')
>>> numbers("Peraturan 3220; $57,504 pada Mei 2021, 12.5%")
('3220', '57504', '2021', '12.5')
>>> markup("**Kos** ialah `x` dan *y* atau _z_")
(('code', 'x'), ('emphasis', ''), ('emphasis', ''), ('strong', ''))
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from glossari.seeds.markdown import link_targets, links_and_html, open_links
from glossari.text import TEMPLATE_TAG

__all__ = [
    "describe_difference",
    "foreign_months",
    "link_targets",
    "links_and_html",
    "markup",
    "months",
    "number_difference",
    "numbers",
    "raw_markup",
    "reference_labels",
    "says",
    "scales",
    "signed",
    "strip_link_targets",
    "without_code",
]

# [text](target "title"): the text may hold one level of brackets and anything but brackets.
# Every repeat is bounded (real spans are short), and a run of spaces is taken once (possessive:
# "](" and 100 KB of spaces took 100 s), so a hostile message costs linear time.
_TARGET = re.compile(
    r"\]\(\s*+[^\s()\[\]]{0,2048}(?:\([^\s()]{0,256}\))?[^\s()\[\]]{0,256}"
    r"(?:\s*+(?<=\s)(?:\"[^\"]{0,256}\"|'[^']{0,256}'))?\s*+\)"
)
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+")
_TAG = re.compile(r"<[a-zA-Z/!][^<>]{0,256}>")  # an HTML tag (its numbers are no prose: C208)
_CODE = re.compile(r"(`{1,8})(.{1,1000}?)\1", re.DOTALL)
_TEMPLATE = re.compile(TEMPLATE_TAG, re.DOTALL)
_DIGIT = re.compile(r"[\d\u00bc-\u00be\u2150-\u215e]")  # a digit, or a fraction of one (½)
# a number: digits with marks between them, or groups of three digits after a space, a no-break
# space, a thin or a narrow no-break space (ISO 31-0 and SI write 1 000 000; so does a French or
# Malay word processor, with U+00A0 or U+202F). A space between two numbers is prose as often
# (`bab 3 100 soalan`, chapter 3, 100 questions): C205 reads both ways (see catalogs.py)
_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+(?:[.,]\d+)*"
                     r"|\d+(?:[.,]\d+)*")
_UNSPACED_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # spaces between numbers: several
_SPACES = re.compile(r"[ \u00a0\u2009\u202f]")
# A date written with numbers (1.5.2021, 30/4/2023, 1-5-2021), read as its day, month and year
_NUMERIC_DATE = re.compile(r"(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d.,/-]?\d)")
_ISO_DATE = re.compile(r"(?<![\d.,/-])(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d.,/-]?\d)")
"""A date written year first (ISO 8601's 2024-03-15, and 2024/03/15): read as the same date
written day first (:data:`_NUMERIC_DATE`), when its month and day are ones."""
_SHORT_YEAR_RANGE = re.compile(r"(?<![\d.,])((?:1[89]|20)\d\d)([-\u2013/])(\d\d)"
                               r"(?![\d.,]?\d|%|[-\u2013/]\d)")
"""A range of years whose second is written with its last two digits (``2020-21``,
``FY2022/23``): read as ``2020-2021``, as a translator writes either."""
_CLOCK = re.compile(r"(?<![\d:.,])(\d{1,2}):([0-5]\d)(?![\d:])")
"""A time of day written with a colon (``9:00``, ``12:30``), read as ``9.00``, ``12.30``: a ratio
(``2:1``) has no two-digit minutes, and ``10:30:15`` is no time of this kind."""
_MONTH_WORDS = (
    ("January", "Januari"), ("February", "Februari"), ("March", "Mac", "Maret"), ("April",),
    ("May", "Mei"), ("June", "Jun", "Juni"), ("July", "Julai", "Juli"),
    ("August", "Ogos", "Agustus"), ("September",), ("October", "Oktober"), ("November",),
    ("December", "Disember", "Desember"))
_MONTHS = {name: number for number, names in enumerate(_MONTH_WORDS, start=1) for name in names}
"""The months by name, in English, Malay and Indonesian."""
_MONTH_NAMES = ("", *(names[0] for names in _MONTH_WORDS))
"""The English name of each month by its number."""
# A month's name in a date: after a day's number, or before a year's (1 May 2021, Mei 2021)
_MONTH_DATE = re.compile(rf"(?:(?<=\d[ \u00a0])|(?<=\d\u202f))({'|'.join(_MONTHS)})\b"
                         rf"|\b({'|'.join(_MONTHS)})(?=,?[ \u00a0]\d{{4}}(?!\d))")
_OTHER_DIGIT = re.compile(
    r"(?![0-9])\d|(?<=\d)(?:[\u066b\u066c\uff0e](?=\d)|\uff0c(?=\d{3}(?!\d)))")
"""A digit of another script (Arabic-Indic, full-width: U+FF10 to U+FF19), and between two
digits the Arabic decimal and thousands marks and the full-width full stop, and the full-width
comma before a group of three digits: elsewhere it is Chinese punctuation (5\uff0c6, articles 5
and 6), never a decimal mark."""
_SCALES = {
    **dict.fromkeys(("thousand", "ribu"), 3),
    **dict.fromkeys(("million", "mil", "mn", "juta"), 6),
    **dict.fromkeys(("billion", "bil", "bn", "bilion", "miliar", "milyar"), 9),
    **dict.fromkeys(("trillion", "tril", "tn", "trilion", "triliun"), 12),
    **dict.fromkeys(("sen", "cent", "cents"), -2),
    **dict.fromkeys(("basis point", "basis points", "bp", "bps", "mata asas"), -2),
}
"""The words that scale the number before them, in English (``RM2.5 billion``, Malaysian
English's ``RM500mil``, ``RM3bn``; and :data:`_SCALES_ATTACHED`), Malay (``RM2.5 bilion``,
``1.5 juta``, ``5 ribu``) and Indonesian (``Rp2 miliar``), as powers of ten. Another
language's (French ``milliard``, a thousand millions) are not known here: its numbers are read
as written, and not compared scaled. A currency's hundredth counts so too (``35 sen`` and ``35
cents`` are ``RM0.35``, ``$0.35``: a power of minus two; ``35\u00a2`` reads ``35 cents``), as a
translator writes ``35 sen a share`` for ``RM0.35 sesaham``; ``per cent`` is no cent. And a
basis point is a hundredth of a percentage point (``25 basis points``, ``25bps``, ``25 mata
asas`` are ``0.25 mata peratusan``, ``0.25 percentage points``)."""
_SCALES_ATTACHED = {"k": 3, "m": 6, "b": 9}
"""Letters that scale a number written right after it (``RM10k``, ``RM5m``, ``RM1.2b``): after
a space they are other words (``5 m``, five metres)."""
_SCALE_WORD = re.compile(rf"[ \u00a0]?({'|'.join(sorted(_SCALES, key=len, reverse=True))})\b",
                         re.IGNORECASE)
"""A scale word alone, not a letter (:data:`_SCALES_ATTACHED`): ``5m`` may be five metres."""
_SCALE = re.compile(rf"{_SCALE_WORD.pattern}|({'|'.join(_SCALES_ATTACHED)})\b", re.IGNORECASE)
_RANGE = re.compile(r"[ \u00a0]*(?:[-\u2013\u2014]|to|and|or|hingga|sehingga|sampai|dan|atau)"
                    r"[ \u00a0]*"
                    r"(?:RM|USD|US\$|\$|Rp|S\$)?", re.IGNORECASE)
"""What joins the two ends of a range whose scale word is written once, after the second
(``RM2.5-3 million``, ``between 5 and 10 billion``, ``RM2.5 hingga RM3 juta``): the first
end takes it too."""
_OTHER_MARKS = {"\u066b": ".", "\u066c": ",", "\uff0c": ",", "\uff0e": "."}
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1", re.DOTALL)
_EM_STAR = re.compile(r"\*(?=[^\s*])(.{1,1000}?)(?<=[^\s*])\*", re.DOTALL)
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.{1,1000}?)(?<=[^\s_])_(?![\w_])", re.DOTALL)


def raw_markup(text: str) -> tuple[str, ...]:
    """The raw HTML and reference definitions of ``text``, in order (links: :func:`link_targets`).

    >>> raw_markup("[a](/b) <img src=x onerror=y>"), raw_markup("[r]: javascript:x")
    (('html <img src=x onerror=y>',), ('definition javascript:x',))
    """
    return tuple(f"{kind} {value}" for kind, value in links_and_html(text)
                 if kind not in ("link", "image"))


def strip_link_targets(text: str) -> str:
    """``text`` with every ``(target)`` of a link removed, the link text kept.

    >>> strip_link_targets("[peniaga broker](/broker-dealer) dan [x](/y)")
    '[peniaga broker] dan [x]'
    """
    return _TARGET.sub("]", text) if "](" in text else text


def unstripped_position(text: str, position: int) -> int:
    """Where ``position`` of :func:`strip_link_targets`'s ``text`` is in ``text`` itself: a name
    found in the stripped text is read as a link's by :func:`glossari.glossary.linked_target`,
    the one rule, in the text that holds the targets. A link's ``]`` stays, so a name ending
    at it ends at the link's ``]``.

    >>> text = "Lihat [Saham](/stock) dan [bon](/bond 'Bon')."
    >>> strip_link_targets(text)[19:22]
    'bon'
    >>> [text[unstripped_position(text, a):unstripped_position(text, b)]
    ...  for a, b in ((7, 12), (19, 22))]
    ['Saham', 'bon']
    """
    if "](" not in text:
        return position
    removed = 0
    for match in _TARGET.finditer(text):
        if match.start() - removed + 1 > position:  # removed after the link's `]`
            break
        removed += len(match.group()) - 1
    return position + removed


_GLOSS = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\](?!\()|\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d"
                    r"|\*[^*\n]*\*|(?<!\w)_[^_\n]*_(?!\w)|(?<!\w)['\u2018][^'\u2019\n]*['\u2019](?!\w)")
"""A gloss of a word in prose, or a link's text: in brackets, quotes or emphasis."""


def says(prose: str, name: str) -> bool:
    """Whether ``prose`` says ``name`` as written (case and line breaks aside), and not as a
    gloss (in brackets, quotes or emphasis: ``insurance (*takaful*)``) nor as a link's text: a
    headword the same in both languages (``Murabahah``, ``Takaful``) that a translation's own
    English names the concept by is its English name (``align`` takes it, ``C202`` is quiet).

    >>> says("Murabahah is a cost-plus sale.", "Murabahah"), says("Cost of sales", "Kos")
    (True, False)
    >>> says("A Shariah-compliant insurance (*takaful*).", "Takaful")
    False
    """
    words = name.split()
    if not prose or not words:
        return False
    plain = _GLOSS.sub(" ", strip_link_targets(prose))
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
    return re.search(pattern, plain, re.IGNORECASE) is not None


def without_code(text: str) -> str:
    """``text`` with each code span and template tag (:data:`glossari.text.TEMPLATE_TAG`)
    replaced by a space: code is copied as written, never translated (C206), so it uses no
    term, holds no number of the prose and is no Malay left behind.

    >>> without_code("Kadar inflasi: `Inflasi (%) = IHP x 100`.")
    'Kadar inflasi:  .'
    >>> without_code("{% if modal > 5 %}Modal tinggi{% endif %} {{ jumlah }}")
    ' Modal tinggi   '
    """
    if "`" in text:
        text = _CODE.sub(" ", text)
    return _TEMPLATE.sub(" ", text) if "{" in text else text


def _number_prose(text: str) -> str:
    """What the number rules (:func:`numbers`, :func:`signed`, :func:`scales`,
    :func:`months`) read of a text: its link targets, URLs and code left out, which hold
    digits of addresses and code, not of the prose; a date written year first as one written
    day first (``2024-03-15`` as ``15-3-2024``)."""
    prose = without_code(_URL.sub(" ", strip_link_targets(text)))
    if "\u00a2" in prose:
        prose = prose.replace("\u00a2", " cents")
    if not prose.isascii() and _VULGAR_FRACTION.search(prose):
        prose = _VULGAR_FRACTION.sub(_fraction_written, prose)
    return _day_first(prose)


def _full_year_range(match: re.Match[str]) -> str:
    """A range of :data:`_SHORT_YEAR_RANGE` with its second year written whole, when it is a
    later year within ten of the first (``1999-00`` is 1999-2000; ``2020-15`` no range)."""
    start = int(match.group(1))
    end = start // 100 * 100 + int(match.group(3))
    if end <= start:
        end += 100
    return f"{start}{match.group(2)}{end}" if end - start <= 10 else match.group()


def _day_first(text: str) -> str:
    """``text`` with each date written year first (:data:`_ISO_DATE`) written day first, and
    each range of years written whole (:data:`_SHORT_YEAR_RANGE`).

    >>> _day_first("pada 2024-03-15 dan 2024/3/1; 2024-13-01 dan 2020-2021")
    'pada 15-3-2024 dan 1/3/2024; 2024-13-01 dan 2020-2021'
    >>> _day_first("FY2022/23, 1999-00, 2020\u201321, 2020-15, 2020-21%, 2011-12-05")
    'FY2022/2023, 1999-2000, 2020\u20132021, 2020-15, 2020-21%, 5-12-2011'
    """
    if "-" not in text and "/" not in text and "\u2013" not in text:
        return text
    text = _SHORT_YEAR_RANGE.sub(_full_year_range, text)
    return _ISO_DATE.sub(lambda m: f"{int(m.group(4))}{m.group(2)}{int(m.group(3))}"
                         f"{m.group(2)}{m.group(1)}"
                         if 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31
                         else m.group(), text)


def numbers(text: str, *, spaced: bool = True, scaled: bool = False, letters: bool = True,
            signs: bool = False, points: bool = False) -> tuple[str, ...]:
    """The numbers in ``text`` as digit strings, in order.

    A mark followed by exactly three digits groups thousands and is dropped, so English
    ``57,504``, Malay ``57,504`` and the ``57.504`` of a translator used to the Indonesian
    convention all read ``57504``; so is a space (ordinary, no-break, thin or narrow no-break)
    between groups of three digits (``1 000 000``); any other mark is a decimal point, written
    ``.`` (trailing zeros of the fraction dropped), so ``12,166.53`` and ``12.166,53`` agree
    while ``2.5%`` and ``25%``, or ``1.5`` and ``15``, do not. Digits of other scripts are
    these digits (Arabic-Indic 1,234.5 with U+066C and U+066B is ``1234.5``, full-width digits
    U+FF10 to U+FF19 are 0 to 9).
    Numbers inside link targets, URLs, HTML tags and code spans are not prose and are left out.
    ``spaced=False``: a space separates two numbers (``pada 5 100 syarikat``), as a text that
    reorders them reads.

    >>> numbers("RM12,166.53, 12.166,53, 2.5% lawan 25%, 1.50 dan 1.5")
    ('12166.53', '12166.53', '2.5', '25', '1.5', '1.5')
    >>> numbers("RM1 000 000, 12\u202f234,5 dan pada 2021 300 syarikat")
    ('1000000', '12234.5', '2021', '300')
    >>> numbers("bab 3 100 soalan"), numbers("bab 3 100 soalan", spaced=False)
    (('3100',), ('3', '100'))
    >>> numbers("\u0661\u066c\u0662\u0663\u0664\u066b\u0665 \uff12\uff10\uff12\uff11\u5e74")
    ('1234.5', '2021')

    A date written with numbers is its day and its year, as a date written with the month's
    name reads (the months are compared apart: :func:`months`):

    >>> numbers("pada 01.05.2021"), numbers("on 1 May 2021"), numbers("30/4/2023")
    (('1', '2021'), ('1', '2021'), ('30', '2023'))

    A time of day is one number however written: ``12.30 tengah hari``, ``12:30 p.m.``:

    >>> numbers("9.00 pagi hingga 12.30"), numbers("9:00 a.m. to 12:30 p.m."), numbers("2:1")
    (('9', '12.3'), ('9', '12.3'), ('2', '1'))

    ``scaled=True``: a number followed by a scale word (:func:`scales`) is its value, so
    ``RM1.5 juta``, ``RM1.5 million``, ``RM1.5mil`` and ``RM1,500,000`` agree:

    >>> numbers("RM1.5 juta, RM2.5bil dan 3 ribu; RM10k, 5 m", scaled=True)
    ('1500000', '2500000000', '3000', '10000', '5')

    The first end of a range takes the scale word written once after the second:

    >>> numbers("RM2.5-3 million, 5 to 10 billion", scaled=True)
    ('2500000', '3000000', '5000000000', '10000000000')

    ``letters=False`` (with ``scaled``): a letter right after a number (``RM5m``, ``5m of
    road``, ``10k``) scales nothing, as it may be a unit (five metres); the words do:

    >>> numbers("RM2 million for every 5m of road", scaled=True, letters=False)
    ('2000000', '5')

    ``points=True``: a point is always a decimal point and a comma always groups thousands,
    as English and Malay write them, so ``4.725`` (an exchange rate) is ``4.725``, not
    ``4725``:

    >>> numbers("4.725 dan 57,504"), numbers("4.725 dan 57,504", points=True)
    (('4725', '57504'), ('4.725', '57504'))

    ``signs=True``: a number after a minus sign (``-`` or U+2212, at a word's start: not
    ``2020-2021``, ``5%-10%`` or ``1-for-4``) is negative, written ``-``; a plus sign is none:

    >>> numbers("-4.6% dan +12.9%, \u22123 lawan 2020-2021", signs=True)
    ('-4.6', '12.9', '-3', '2020', '2021')
    """
    if _DIGIT.search(text) is None:
        return ()
    prose = _number_prose(text)
    if "<" in prose:
        prose = _TAG.sub(" ", prose)
    if not prose.isascii():
        prose = _OTHER_DIGIT.sub(
            lambda m: _OTHER_MARKS.get(m.group()) or str(unicodedata.digit(m.group())), prose)
    if ":" in prose:  # a time of day, 12:30 as 12.30 (Malay and British English write it so)
        prose = _CLOCK.sub(r"\1.\2", prose)
    if "." in prose or "/" in prose or "-" in prose:
        prose = _NUMERIC_DATE.sub(lambda m: f"{int(m.group(1))} | {m.group(4)}", prose)
    pattern = _NUMBER if spaced else _UNSPACED_NUMBER
    if not scaled and not signs:
        return tuple(_number(m.group(0), points) for m in pattern.finditer(prose))
    matches = list(pattern.finditer(prose))
    powers: list[int | None] = [None] * len(matches)
    if scaled:
        scale_at = _SCALE if letters else _SCALE_WORD
        for i in range(len(matches) - 1, -1, -1):
            scale = scale_at.match(prose, matches[i].end())
            if scale is not None:
                powers[i] = _scale(scale)
            elif i + 1 < len(matches) and powers[i + 1] is not None and _RANGE.fullmatch(
                    prose, matches[i].end(), matches[i + 1].start()) and not (
                    powers[i + 1] == -2 and _in_money(prose, matches[i].start())):
                # RM2.5-3 million: 2.5 million to 3 million; but RM1 dan 5 sen is a ringgit
                # and five sen, not a sen and five
                powers[i] = powers[i + 1]
    found = []
    skip = False
    for i, (m, power) in enumerate(zip(matches, powers, strict=True)):
        if skip:
            skip = False
            continue
        number = _number(m.group(0), points)
        if power is not None:
            number = _shifted(number, power)
        elif scaled and (cents := _and_cents(prose, matches, powers, i)) is not None:
            number, skip = _with_cents(number, cents), True  # RM1 dan 5 sen: RM1.05
        if signs and _sign(prose, m.start()) in ("-", "\u2212"):
            number = "-" + number
        found.append(number)
    return tuple(found)


_MONEY = re.compile(r"(?:RM|US\$|S\$|A\$|\$|Rp|USD|£|€)[ \u00a0]?$")
"""A currency's sign or code right before a number: the number counts whole units (``RM1``)."""
_CENTS = re.compile(r"[ \u00a0]?(?:sen|cents?)\b", re.IGNORECASE)
"""A currency's hundredth after a number (not a basis point, a hundredth too)."""
_AND = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:and|dan|serta|&)[ \u00a0]*", re.IGNORECASE)


def _in_money(prose: str, start: int) -> bool:
    """Whether the number at ``start`` of ``prose`` is written after a currency's sign."""
    return _MONEY.search(prose, max(0, start - 5), start) is not None


def _and_cents(prose: str, matches: list[re.Match[str]], powers: list[int | None],
               i: int) -> str | None:
    """The hundredths written after the whole units of match ``i``, as one amount says them
    (``RM1 dan 5 sen``, ``$2 and 50 cents``: RM1.05, $2.50), or None: the units after a
    currency's sign, whole; then ``and`` and a number of hundredths below a hundred, with no
    sign of its own."""
    if i + 1 >= len(matches) or powers[i + 1] != -2 or not _in_money(prose, matches[i].start()):
        return None
    cents = matches[i + 1]
    if (not matches[i].group().isdigit() or not cents.group().isdigit() or len(cents.group()) > 2
            or _CENTS.match(prose, cents.end()) is None or _in_money(prose, cents.start())
            or not _AND.fullmatch(prose, matches[i].end(), cents.start())):
        return None
    return cents.group()


def _with_cents(units: str, cents: str) -> str:
    """``units`` whole units and ``cents`` hundredths as one number of :func:`numbers`.

    >>> _with_cents("1", "5"), _with_cents("2", "50"), _with_cents("3", "00")
    ('1.05', '2.5', '3')
    """
    fraction = cents.rjust(2, "0").rstrip("0")
    return f"{units}.{fraction}" if fraction else units


def signed(text: str) -> bool:
    """Whether ``text`` writes a sign before a number (``-4.6%``, ``+12.9%``, ``\u22123``),
    as :func:`numbers` reads one.

    >>> signed("turun 4.6%"), signed("-4.6%"), signed("naik +2"), signed("2020-2021, 5%-10%")
    (False, True, True, False)
    """
    if _DIGIT.search(text) is None:
        return False
    prose = _number_prose(text)
    return any(_sign(prose, m.start()) for m in _UNSPACED_NUMBER.finditer(prose))


def _sign(text: str, start: int) -> str:
    """The sign (``-``, U+2212 or ``+``) right before the number at ``start`` at the start of
    a word (after a space or an opening bracket, or at the start of the text), else ``""``:
    ``2020-2021``, ``5%-10%`` and ``1-for-4`` hold no sign."""
    if start == 0 or text[start - 1] not in "-\u2212+":
        return ""
    return text[start - 1] if start == 1 or text[start - 2].isspace() or text[
        start - 2] in "([" else ""


def scales(text: str) -> tuple[int, ...]:
    """The powers of ten that scale words after numbers in ``text`` name, in order: English,
    Malay and Indonesian ones (``million``, ``RM500mil``, ``juta``, ``bilion``, ``miliar``).
    A language whose scale words are not known here gives none, and its numbers are not
    compared scaled (C205: :func:`number_difference`).

    >>> scales("RM535.5 bilion dan 200 juta saham"), scales("1,5 milliard"), scales("Juta-an")
    ((9, 6), (), ())
    """
    if _DIGIT.search(text) is None:
        return ()
    prose = _number_prose(text)
    return tuple(_scale(s) for m in _UNSPACED_NUMBER.finditer(prose)
                 if (s := _SCALE.match(prose, m.end())) is not None)


def _shifted(number: str, places: int) -> str:
    """A number of :func:`numbers` times ten to the power ``places``, exactly, as digits (a
    number of more than one point, a version ``1.2.3``, as it is).

    >>> _shifted("535.5", 9), _shifted("0.125", 3), _shifted("1.2.3", 6), _shifted("0.8", 3)
    ('535500000000', '125', '1.2.3', '800')
    >>> _shifted("35", -2), _shifted("5", -2), _shifted("120.5", -2), _shifted("100", -2)
    ('0.35', '0.05', '1.205', '1')
    """
    whole, _, fraction = number.partition(".")
    if "." in fraction:
        return number
    if places < 0:  # 35 sen: 0.35
        whole = whole.rjust(1 - places, "0")
        fraction = (whole[places:] + fraction).rstrip("0")
        whole = whole[:places].lstrip("0") or "0"
        return whole + ("." + fraction if fraction else "")
    fraction = fraction.ljust(places, "0")
    rest = fraction[places:].rstrip("0")
    return ((whole + fraction[:places]).lstrip("0") or "0") + ("." + rest if rest else "")


def _scale(match: re.Match[str]) -> int:
    """The power of ten a match of ``_SCALE`` names."""
    word = match.group(1)
    return _SCALES[word.lower()] if word else _SCALES_ATTACHED[match.group(2).lower()]


_NUMBER_WORDS = {word: str(number) for number, words in enumerate((
    ("zero", "sifar", "kosong", "nol"), ("one", "satu", "first", "pertama", "once"),
    ("two", "dua", "second", "kedua", "twice"), ("three", "tiga", "third", "ketiga", "thrice"),
    ("four", "empat", "fourth", "keempat"), ("five", "lima", "fifth", "kelima"),
    ("six", "enam", "sixth", "keenam"), ("seven", "tujuh", "seventh", "ketujuh"),
    ("eight", "lapan", "delapan", "eighth", "kelapan", "kedelapan"),
    ("nine", "sembilan", "ninth", "kesembilan"), ("ten", "sepuluh", "tenth", "kesepuluh"),
    ("eleven", "sebelas", "eleventh", "kesebelas"), ("twelve", "twelfth")), start=0)
    for word in words}
_MALAY_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "lapan",
                "sembilan")
_ENGLISH_TEENS = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                  "nineteen")
_NUMBER_WORDS.update({word: str(number) for number, word in enumerate(_ENGLISH_TEENS, 13)})
_NUMBER_WORDS.update({word + "th": str(number)
                      for number, word in enumerate(_ENGLISH_TEENS, 13)})
_NUMBER_WORDS.update({f"{_MALAY_UNITS[unit]} belas": str(10 + unit) for unit in range(2, 10)})
_NUMBER_WORDS.update({f"ke{_MALAY_UNITS[unit]} belas": str(10 + unit)
                      for unit in range(2, 10)})
_NUMBER_WORDS.update({word: str(10 * tens) for tens, word in enumerate((
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 2)})
_NUMBER_WORDS.update({f"{_MALAY_UNITS[tens]} puluh": str(10 * tens) for tens in range(2, 10)})
_NUMBER_WORDS.update({f"ke{_MALAY_UNITS[tens]} puluh": str(10 * tens) for tens in range(2, 10)})
# the compounds up to ninety-nine: read as `twenty` and `five` they were 20 and 5, so `twenty-five
# days` for `25 hari` was a changed number
_ENGLISH_UNITS = (("one", "first"), ("two", "second"), ("three", "third"), ("four", "fourth"),
                  ("five", "fifth"), ("six", "sixth"), ("seven", "seventh"), ("eight", "eighth"),
                  ("nine", "ninth"))
for _tens, _word in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                               "eighty", "ninety"), 2):
    for _unit, _forms in enumerate(_ENGLISH_UNITS, 1):
        _NUMBER_WORDS.update({f"{_word}{joint}{form}": str(10 * _tens + _unit)
                              for joint in ("-", " ") for form in _forms})
    for _unit in range(1, 10):
        _malay = f"{_MALAY_UNITS[_tens]} puluh {_MALAY_UNITS[_unit]}"
        _NUMBER_WORDS.update({_malay: str(10 * _tens + _unit),
                              f"ke{_malay}": str(10 * _tens + _unit)})
"""The numbers to ninety-nine written as words, cardinal or ordinal (``fourteen``, ``thirty``,
``twenty-five``, ``empat belas``, ``tiga puluh``, ``dua puluh lima``), in English, Malay and
Indonesian: a
translator writes ``every six months`` for ``setiap 6 bulan`` (and Malay ``enam bulan`` for
``6 months``), as style guides ask for small numbers, ``fourteen days`` for ``14 hari`` as
some spell counts out further, and ``the third quarter`` for ``suku ke-3`` (``Q3`` for
``suku ketiga``)."""
_NUMBER_WORD = re.compile(rf"\b({'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})\b"
                          r"(?![ \u00a0]*(?:%|per[ \u00a0]?cent\b|peratus\b|persen\b))",
                          re.IGNORECASE)
"""A number word, but a percentage's: style guides spell small counts out (``six months``),
never a percentage (``twelve percent`` for ``12%`` is a changed number)."""


_VULGAR_FRACTION = re.compile("[\u00bc-\u00be\u2150-\u215e]")
"""A fraction written as one character (``½``, ``⅓``, ``¾``): read as ``1/2``, ``1/3``,
``3/4``, as the other side writes it with digits."""


def _fraction_written(match: re.Match[str]) -> str:
    """A vulgar fraction (:data:`_VULGAR_FRACTION`) written with digits and a slash; after a
    number, its decimal places when it has some (``2½%`` is ``2.5%``), else apart from it
    (``2⅓`` is 2 and 1/3, not 21/3).

    >>> _VULGAR_FRACTION.sub(_fraction_written, "½, 2½%, 1¾ dan 2⅓")
    '1/2, 2.5%, 1.75 dan 2 1/3'
    """
    written = unicodedata.normalize("NFKC", match.group()).replace("\u2044", "/")
    start = match.start()
    if not start or not match.string[start - 1].isdigit():
        return written
    numerator, _, denominator = written.partition("/")
    if int(denominator) not in (2, 4, 5, 8, 10):  # no exact decimal places (1/3)
        return " " + written
    return f"{int(numerator) / int(denominator):.6f}".rstrip("0")[1:]


_DENOMINATORS = {
    "half": "2", "halves": "2", "thirds": "3", "quarter": "4", "quarters": "4", "fourths": "4",
    "fifths": "5", "sixths": "6", "sevenths": "7", "eighths": "8", "ninths": "9", "tenths": "10",
    "paruh": "2", "tengah": "2", "pertiga": "3", "perempat": "4", "perlima": "5",
    "perenam": "6", "pertujuh": "7", "perlapan": "8", "persembilan": "9", "persepuluh": "10",
}
"""The words that name a fraction's denominator, English (``half``, ``two thirds``, ``three
quarters``: a singular ordinal, ``third``, is already its number) and Malay (``satu
pertiga``, ``dua perlapan``, ``separuh``)."""
_MALAY_DENOMINATORS = ("paruh", "tengah")
_FRACTION_WORD = re.compile(
    r"\b(?:(?P<one>an?|se)[ -]?)?(?P<den>half|halves|thirds|quarters?|fourths|fifths|sixths"
    r"|sevenths|eighths|ninths|tenths|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|paruh|tengah|per(?:tiga|empat|lima|enam|tujuh|lapan|sembilan|sepuluh))\b",
    re.IGNORECASE)
"""A fraction in words (``half``, ``a third``, ``an eighth``, ``two thirds``, ``three
quarters``; ``separuh``, ``sepertiga``, ``satu pertiga``): its denominator, and its numerator
one when ``a``, ``an`` or ``se-`` writes it (or ``half`` alone). A numerator written as a
number word is that word's (:data:`_NUMBER_WORD`)."""


def _fractions(text: str) -> list[str]:
    """The numbers that the fractions of ``text`` write in words (:data:`_FRACTION_WORD`),
    besides their number words: ``a third`` is 1 and 3 (``one third`` already reads 1 and 3),
    ``half`` 1 and 2, ``separuh`` 1 and 2, ``dua pertiga`` 3 besides the 2 of ``dua``; a
    quarter or a half without ``a``, ``an`` or ``se-`` before it is no fraction of its own
    (``the third quarter``, ``tengah hari``), but ``half`` is."""
    out: list[str] = []
    for m in _FRACTION_WORD.finditer(text):
        den, one = m.group("den").lower(), m.group("one")
        if (one is None and den in ("quarter", "paruh", "tengah")) or (
                one is not None and (one.lower() == "se") is not (den in _MALAY_DENOMINATORS
                                                                  or den.startswith("per"))):
            continue  # the third quarter, tengah hari; se- goes with Malay, a with English
        if one is not None or den == "half":
            out.append("1")
        if den in _DENOMINATORS:  # (a singular ordinal, third, is read by _NUMBER_WORD)
            out.append(_DENOMINATORS[den])
    return out


def spelled_numbers(text: str) -> tuple[str, ...]:
    """The numbers that ``text`` writes as words (:data:`_NUMBER_WORDS`), as digits.

    >>> spelled_numbers("every six months, a five-year term; setiap enam bulan")
    ('6', '5', '6')
    >>> spelled_numbers("the third quarter, suku ketiga, tahun kedua")
    ('3', '3', '2')
    >>> spelled_numbers("fourteen days, empat belas hari, tiga puluh hari, dua orang")
    ('14', '14', '30', '2')
    >>> spelled_numbers("twelve percent, two per cent, dua peratus")
    ()
    >>> spelled_numbers("twenty-five days, the forty second year, dua puluh lima hari")
    ('25', '42', '25')

    A fraction is its numerator and its denominator, as ``1/3`` reads:

    >>> spelled_numbers("half"), spelled_numbers("a third"), spelled_numbers("two thirds")
    (('1', '2'), ('3', '1'), ('2', '3'))
    >>> spelled_numbers("satu pertiga"), spelled_numbers("separuh"), spelled_numbers("Q3 quarter")
    (('1', '3'), ('1', '2'), ())

    And a number with a scale word is its value (``one`` reads 1 besides); ``twice`` is 2:

    >>> spelled_numbers("a thousand"), spelled_numbers("sejuta"), spelled_numbers("five million")
    (('1000',), ('1000000',), ('5', '5000000'))
    >>> spelled_numbers("twice a year, dua kali setahun")
    ('2', '2')
    """
    words = [_NUMBER_WORDS[m.group(1).lower()] for m in _NUMBER_WORD.finditer(text)]
    if _FRACTION_HINT.search(text):
        words += _fractions(text)
    if _SCALE_HINT.search(text):
        words += [_shifted("1" if m.group("n") is None else _NUMBER_WORDS[m.group("n").lower()],
                           _SPELLED_SCALES[m.group("scale").lower()])
                  for m in _SPELLED_SCALE.finditer(text)]
    return tuple(words)


_SPELLED_SCALES = {"hundred": 2, "ratus": 2, "thousand": 3, "ribu": 3, "million": 6, "juta": 6,
                   "billion": 9, "bilion": 9, "trillion": 12, "trilion": 12}
_SCALE_HINT = re.compile("|".join(_SPELLED_SCALES), re.IGNORECASE)
_SPELLED_SCALE = re.compile(
    rf"\b(?:(?:an?|one)[ \u00a0]|se|(?P<n>{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
    rf"[ \u00a0])(?P<scale>{'|'.join(_SPELLED_SCALES)})\b", re.IGNORECASE)
"""A number written in words with a scale word: ``a hundred``, ``a thousand``, ``one
million``, ``five million``, ``seratus``, ``seribu``, ``sejuta``, ``dua juta`` (its value:
``lebih 1,000 syarikat`` is ``more than a thousand companies``)."""


_FRACTION_HINT = re.compile(r"hal[fv]|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth"
                            r"|tenth|paruh|tengah|per[a-z]", re.IGNORECASE)


def _spelled_out(source: str, translation: str, wanted: tuple[str, ...],
                 found: tuple[str, ...]) -> bool:
    """Whether every number of ``wanted`` (the source's) missing from ``found`` (the
    translation's) is written as a word in the translation, and every one ``found`` adds is
    written as a word in the source: ``every six months`` for ``setiap 6 bulan``. A word
    never makes a difference of its own (``satu syarikat`` is *a company*)."""
    missing = Counter(wanted) - Counter(found)
    extra = Counter(found) - Counter(wanted)
    return (not missing or not missing - Counter(spelled_numbers(translation))) and (
        not extra or not extra - Counter(spelled_numbers(source)))


_DURATION_UNITS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("saat", "detik", "second", "seconds"), ("s", 1)),
    **dict.fromkeys(("minit", "menit", "minute", "minutes"), ("s", 60)),
    **dict.fromkeys(("jam", "hour", "hours"), ("s", 3_600)),
    **dict.fromkeys(("hari", "day", "days"), ("s", 86_400)),
    **dict.fromkeys(("minggu", "pekan", "week", "weeks"), ("s", 604_800)),
    **dict.fromkeys(("fortnight", "fortnights"), ("s", 1_209_600)),
    **dict.fromkeys(("bulan", "month", "months"), ("mo", 1)),
    **dict.fromkeys(("tahun", "year", "years"), ("mo", 12)),
    **dict.fromkeys(("dekad", "dekade", "decade", "decades"), ("mo", 120)),
    **dict.fromkeys(("abad", "century", "centuries"), ("mo", 1_200)),
    **dict.fromkeys(("sen", "cent", "cents"), ("\u00a2", 1)),
    "ringgit": ("\u00a2", 100),
}
"""The units of time a duration is said in, English, Malay and Indonesian, each with its
family and its size in the family's smallest unit (and a currency's hundredth, ``sen``,
``cent``, with ``ringgit``, as an amount after a currency's sign is one: ``twenty cents`` for
``RM0.20``). The ratios are exact within a family
(seconds to weeks; months to centuries) and none across them: a month is no number of days
(a year is 360 or 365 of them, as the day count of a loan decides), so ``365 hari`` for ``a
year`` is still reported."""
_CARDINALS = {word: value for word, value in _NUMBER_WORDS.items()
              if not word.endswith(("first", "second", "third", "th", "once", "twice",
                                    "thrice", "pertama"))
              and not word.startswith("ke")}
"""The number words of :data:`_NUMBER_WORDS` that count (``two``, ``dua``, ``twenty-four``),
not those that order (``second``, ``kedua``: ``the second year`` is no two years)."""
_DURATION = re.compile(
    r"(?<![\w.,])(?:(?P<digits>\d{1,3}(?:,\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)"
    rf"|(?P<word>{'|'.join(sorted(_CARDINALS, key=len, reverse=True))})"
    r"|(?P<half>half[ \u00a0-]an?|setengah|separuh)"
    r"|(?P<one>an?|one|every|each|per|setiap|tiap|se(?=[a-z])))"
    r"(?:[ \u00a0-]|(?<=se))"
    r"(?:(?:full|whole|complete|calendar|lunar|solar|financial|fiscal|working|business"
    r"|consecutive)[ \u00a0-])?"
    rf"(?P<unit>{'|'.join(sorted(_DURATION_UNITS, key=len, reverse=True))})\b"
    r"|(?<![\w.,])(?:RM|US\$|S\$|A\$|\$)[ \u00a0]?"
    r"(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?![\d.,]*\d)",
    re.IGNORECASE)
"""A number, a number word that counts, or one unit (``a``, ``an``, ``one``, ``se-``, and
``every``, ``each``, ``per``, ``setiap``, ``tiap``), then a unit of time
(:data:`_DURATION_UNITS`), apart or joined by a hyphen: ``12 bulan``, ``24 jam``, ``two
years``, ``a 1-year term``, ``a day``, ``setahun``, ``sejam``, ``every week`` for ``setiap 7
hari``; half of one (``half an hour``, ``setengah jam``, ``separuh tahun``). An English
unit may say which (``one lunar year`` for ``12 bulan qamariah``, ``five working days``,
``a full year``). A second is no ``a second`` (an ordinal as often as a unit)."""


def _durations(text: str, *, amounts: bool = False) -> tuple[list[tuple[str, str]], str]:
    """The durations ``text`` says (:data:`_DURATION`), each as its family and its length in
    the family's smallest unit (``12 bulan`` and ``a year`` both ``('mo', '12')``, ``24 jam``
    and ``one day`` both ``('s', '86400')``), and the text without them. ``amounts``: an
    amount after a currency's sign is said in sen too (``RM0.20``, ``('\u00a2', '20')``),
    read when one of the texts says a number of sen or cents (``twenty cents``).

    >>> _durations("Tempoh 12 bulan, dibayar dalam 24 jam atau setahun.")
    ([('mo', '12'), ('s', '86400'), ('mo', '12')], 'Tempoh , dibayar dalam  atau .')
    >>> _durations("a one-year term, paid within a day, for 1,000 days or 1.5 years")[0]
    [('mo', '12'), ('s', '86400'), ('s', '86400000'), ('mo', '18')]
    """
    from fractions import Fraction

    found: list[tuple[str, str]] = []

    def take(match: re.Match[str]) -> str:
        amount = match.group("amount")
        if amount is not None:  # RM0.20: 20 sen, but RM1.5 juta, RM5m are no amount of sen
            if not amounts or _SCALE.match(match.string, match.end()) is not None:
                return match.group()
            grouped = "," in amount and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?",
                                                     amount) is not None
            cents = Fraction(amount.replace(",", "") if grouped
                             else amount.replace(",", ".")) * 100
            found.append(("\u00a2", str(cents.numerator)))
            return ""
        length = _duration_length(match)
        if length is None:
            return match.group()
        found.append(length)
        return ""

    return found, _DURATION.sub(take, text)


def _duration_length(match: re.Match[str]) -> tuple[str, str] | None:
    """The family and length of the duration ``match`` of :data:`_DURATION` says, or None
    when it says no exact one (an amount of money, ``a second``, a tenth of a second)."""
    from fractions import Fraction

    if match.group("amount") is not None:
        return None
    unit = match.group("unit").lower()
    family, size = _DURATION_UNITS[unit]
    digits, word = match.group("digits"), match.group("word")
    if digits is not None and len(digits) > 40:
        return None  # no duration of time, and too long to read as a number
    if digits is not None:
        grouped = re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits) is not None
        count = Fraction(digits.replace(",", "") if grouped else digits.replace(",", "."))
    elif word is not None:
        count = Fraction(_CARDINALS[word.lower()])
    elif match.group("half") is not None:
        count = Fraction(1, 2)
    elif unit in ("second", "saat", "detik"):  # `a second`: an ordinal as often
        return None
    else:
        count = Fraction(1)
    length = count * size
    if length.denominator != 1:
        return None  # (a tenth of a second): no exact length
    return family, str(length.numerator)


def _written_durations(text: str) -> list[tuple[tuple[str, str], str]]:
    """The durations ``text`` counts in digits (``7 hari``, ``24 hours``), each with its
    family and length (:func:`_duration_length`) and as written."""
    found = []
    for match in _DURATION.finditer(text):
        length = _duration_length(match)
        if length is not None and match.group("digits") is not None:
            found.append((length, match.group()))
    return found


def number_difference(source: str, translation: str) -> str | None:
    """What C205 reports for ``translation`` of ``source``: how their numbers differ, or how
    the months of their dates do (:func:`months`), or None.

    A duration said in another unit of time is the same duration (:data:`_DURATION_UNITS`):
    ``a year`` and ``12 months`` for ``12 bulan``, ``a day`` for ``24 jam``, ``two weeks``
    for ``14 hari``, when the translation's durations are the source's, each as long, and
    the other numbers agree; ``two years`` for ``12 bulan`` is reported.

    >>> number_difference("Tempoh 12 bulan.", "A one-year term.") is None
    True
    >>> number_difference("Tempoh 12 bulan.", "A two-year term.")
    'numbers differ from the source (missing 12)'
    >>> number_difference("RM500 sebulan selama 12 bulan.", "RM600 a month for a year.")
    'numbers differ from the source (missing 500; extra 600)'
    """
    found = _number_difference(source, translation)
    if found is None:
        return _unit_changed(source, translation)
    if _DIGIT.search(source) is None and _DIGIT.search(translation) is None:
        return found
    source, translation = _number_prose(source), _number_prose(translation)
    said, rest = _durations(source)
    told, other = _durations(translation)
    if any(family == "\u00a2" for family, _ in (*said, *told)):
        # sen or cents said in words (`twenty cents`): an amount after a currency's sign too
        said, rest = _durations(source, amounts=True)
        told, other = _durations(translation, amounts=True)
    if not said:
        return found
    if Counter(said) != Counter(told):
        return found
    # the same durations: what differs is in the other numbers, and named so (`RM600 a month
    # for a year` for `RM500 sebulan selama 12 bulan` misses 500, not 12 besides)
    return _number_difference(rest, other)


def _unit_changed(source: str, translation: str) -> str | None:
    """What C205 reports when the numbers agree but a duration written in digits is said in
    another unit of time, so of another length (``7 weeks`` for ``7 hari``), or None.

    Only durations counted in digits on both sides are compared: the digits agree, so a
    unit changed changes what is paid or owed. One said in words (``every day`` for
    ``setiap hari``) is left alone.

    >>> _unit_changed("Bayaran dalam tempoh 7 hari.", "Paid within 7 weeks.")
    'the units of time differ from the source (missing 7 hari; extra 7 weeks)'
    >>> _unit_changed("Dalam 24 jam atau 7 hari.", "Within 24 hours or 7 days.") is None
    True
    """
    if _DIGIT.search(source) is None or _DIGIT.search(translation) is None:
        return None
    said = _written_durations(_number_prose(source))
    told = _written_durations(_number_prose(translation))
    if not said or not told:
        return None
    lengths = Counter(length for length, _ in said), Counter(length for length, _ in told)
    if lengths[0] == lengths[1]:
        return None

    def unmatched(durations: list[tuple[tuple[str, str], str]],
                  left: Counter[tuple[str, str]]) -> tuple[str, ...]:
        named = []
        for length, written in durations:
            if left[length] > 0:
                left[length] -= 1
                named.append(written)
        return tuple(named)

    diff = describe_difference(unmatched(said, lengths[0] - lengths[1]),
                               unmatched(told, lengths[1] - lengths[0]))
    return None if diff is None else f"the units of time differ from the source ({diff})"


def _number_difference(source: str, translation: str) -> str | None:
    """What C205 reports for ``translation`` of ``source``: how their numbers differ, or how
    the months of their dates do (:func:`months`), or None.

    Numbers are compared as :func:`numbers` reads them; ``5 100`` may be 5100 or two numbers,
    and either reading that agrees will do; so will a reading of each number with its scale
    word (``RM1.5 juta`` for ``RM1,500,000``). A scale word changed (``RM535.5 million`` for
    ``RM535.5 bilion``) is reported when both sides write one in a language known here. The
    year of a date is counted once (``23 March to 31 December 2020`` for ``23 Mac 2020 hingga
    31 Disember 2020``). A sign is compared when both sides write one (:func:`signed`):
    ``-4.6% ... +12.9%`` translated ``4.6% ... +12.9%`` lost its minus; a translation that
    writes none says it in words (``fell 1.2%`` for ``berubah -1,2%``). A letter written right
    after a number (``RM5m``, ``10k``) is a scale, or a unit when the texts agree so read:
    ``5m of road`` for ``5 meter jalan`` is five metres beside ``RM2 million`` for ``RM2 juta``.

    >>> number_difference("Aset RM535.5 bilion.", "Assets of RM535.5 million.")
    'numbers differ from the source (missing 535,500,000,000; extra 535,500,000)'
    >>> number_difference("RM1.5 juta", "RM1,500,000") is None
    True
    """
    if _DIGIT.search(source) is None and _DIGIT.search(translation) is None:
        return None  # no number, sign, scale or date on either side (words alone make none)
    years = {source: _date_years(source), translation: _date_years(translation)}

    def read(text: str, **how: bool) -> tuple[str, ...]:
        return _once_a_year(numbers(text, **how), years[text])

    def compare(wanted: tuple[str, ...], found: tuple[str, ...], *,
                grouped: bool = True) -> str | None:
        if _spelled_out(source, translation, wanted, found):
            return None
        return (describe_difference(_grouped(wanted), _grouped(found)) if grouped
                else describe_difference(wanted, found))

    diff = compare(read(source), read(translation), grouped=False)
    # a letter after a number is a scale (RM5m) or a unit (5m of road, five metres): of the two
    # readings, the one closer to the source (None when either agrees)
    as_scales = read(source, scaled=True), read(translation, scaled=True)
    as_units = read(source, scaled=True, letters=False), read(translation, scaled=True,
                                                            letters=False)
    closer = as_units if _apart(*as_units) < _apart(*as_scales) else as_scales
    scaled = compare(*closer)
    if diff is not None and scaled is not None and compare(
            read(source, spaced=False), read(translation, spaced=False),
            grouped=False) is not None and compare(
            read(source, points=True, scaled=True, letters=False),
            read(translation, points=True, scaled=True, letters=False)) is not None:
        # (a point before three digits groups thousands as Indonesian writes them, or is a
        # decimal point, as in an exchange rate 4.725 for 4.7250: either reading will do)
        # the scaled reading names what differs (2, not 18.55 and 18550000 besides) when a
        # scale word is written
        return (f"numbers differ from the source "
                f"({scaled if scales(source) or scales(translation) else diff})")
    if diff is None and scaled is not None and (
            (scales(source) and scales(translation))
            or -2 in scales(source) or -2 in scales(translation)):
        # a scale word changed (bilion, million); or a currency's hundredth written on one
        # side only (RM35 for 35 sen), which no reading as written can excuse
        return f"numbers differ from the source ({scaled})"
    if diff is None and signed(source) and signed(translation):
        changed = describe_difference(read(source, signs=True), read(translation, signs=True))
        if changed is not None:
            return f"the signs of the numbers differ from the source ({changed})"
    found, wanted = months(translation), months(source)
    if found and wanted and sorted(found) != sorted(wanted):
        diff = describe_difference(tuple(_MONTH_NAMES[m] for m in wanted),
                                   tuple(_MONTH_NAMES[m] for m in found))
        return f"the months of the dates differ from the source ({diff})"
    return None


def _apart(source: tuple[str, ...], translation: tuple[str, ...]) -> int:
    """How many numbers one of two readings lacks or adds compared with the other."""
    return sum(((Counter(source) - Counter(translation))
                + (Counter(translation) - Counter(source))).values())


_DATE_YEAR = re.compile(rf"\b(?:{'|'.join(_MONTHS)}),?[ \u00a0](\d{{4}})(?!\d)")


def _date_years(text: str) -> set[str]:
    """The years of the dates ``text`` writes, for :func:`_once_a_year`."""
    years = {m.group(1) for m in _DATE_YEAR.finditer(text)}
    years.update(m.group(4) for m in _NUMERIC_DATE.finditer(_day_first(text)))
    return years


def _once_a_year(found: tuple[str, ...], years: set[str]) -> tuple[str, ...]:
    """``found``, the numbers of a text, with each year of a date that the text writes again
    (``years``: :func:`_date_years`) taken once: ``23 Mac 2020 hingga 31 Disember 2020`` and
    ``23 March to 31 December 2020`` name the same dates."""
    if not years:
        return found
    seen: set[str] = set()
    out = []
    for number in found:
        if number in years:
            if number in seen:
                continue
            seen.add(number)
        out.append(number)
    return tuple(out)


def _grouped(found: tuple[str, ...]) -> tuple[str, ...]:
    """Numbers of :func:`numbers` with their thousands grouped, as a message quotes them, digit
    for digit: two numbers that differ stay apart (``0100100`` is ``0,100,100``; read as an
    integer it was ``100,100``, and a ``0 100 100`` translated ``100 100`` was no change).

    >>> _grouped(("0100100", "100100", "-1234567.5", "2021", "1.2.3"))
    ('0,100,100', '100,100', '-1,234,567.5', '2021', '1.2.3')
    """
    out = []
    for number in found:
        whole, point, fraction = number.partition(".")
        sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
        if len(digits) > 4 and digits.isdigit():
            head = len(digits) % 3 or 3
            digits = ",".join([digits[:head], *(digits[i:i + 3]
                                                for i in range(head, len(digits), 3))])
        out.append(f"{sign}{digits}{point}{fraction}")
    return tuple(out)


def months(text: str) -> tuple[int, ...]:
    """The months of the dates in ``text``, in order: of a date written with numbers
    (``1.5.2021``, ``30/4/2023``) and of a month's name in English, Malay or Indonesian after a
    day or before a year (``1 May 2021``, ``1 Mei 2021``, ``Mei 2021``; ``you may 2`` is no
    date). A language whose month names are not known here gives none, and is not compared.

    >>> months("pada 1.5.2021 dan 30 Disember"), months("on 1 May 2021"), months("le 1 mai")
    ((5, 12), (5,), ())
    >>> months("pada 2024-03-15")
    (3,)
    """
    if _DIGIT.search(text) is None:
        return ()
    prose = _number_prose(text)
    found: list[tuple[int, int]] = [(m.start(), int(m.group(3)))
                                    for m in _NUMERIC_DATE.finditer(prose)]
    found += [(m.start(), _MONTHS[m.group(1) or m.group(2)]) for m in _MONTH_DATE.finditer(prose)]
    return tuple(month for _, month in sorted(found))


_ENGLISH_MONTHS = frozenset(_MONTH_NAMES[1:]) | {"Jun"}
"""The month names an English text may write (``Jun``: the abbreviation of June)."""


def foreign_months(text: str) -> tuple[tuple[str, str], ...]:
    """The month names of the dates in ``text`` that are not English (``Julai 2022``, ``30
    Disember``), as :func:`months` finds them, each with its English: in an English
    translation, Malay left in.

    >>> foreign_months("completed in Julai 2022, by 30 Disember, in May 2021, Jun 2024")
    (('Julai', 'July'), ('Disember', 'December'))
    """
    if _DIGIT.search(text) is None:
        return ()
    prose = _number_prose(text)
    return tuple((name, _MONTH_NAMES[_MONTHS[name]]) for m in _MONTH_DATE.finditer(prose)
                 if (name := m.group(1) or m.group(2)) not in _ENGLISH_MONTHS)


_MARK = re.compile(r"[.,](?!\d{3}(?:[.,]|$))")


def _number(written: str, points: bool = False) -> str:
    """One number of :func:`numbers`: grouping marks dropped, a decimal mark written ``.``
    (``points``: a point is one, a comma none, whatever follows them)."""
    written = _SPACES.sub("", written)
    if points and written.count(".") < 2:
        whole, point, fraction = written.replace(",", "").partition(".")
        fraction = fraction.rstrip("0")
        return whole + "." + fraction if point and fraction else whole
    plain = re.sub(r"[.,]", "", _MARK.sub("\0", written))  # \0 holds a decimal mark's place
    whole, point, fraction = plain.partition("\0")
    fraction = fraction.replace("\0", ".").rstrip("0")
    return whole + "." + fraction if point and fraction else whole


_HEADING_MARK = re.compile(r"[ \t\u00a0]*#{1,6}(?:[ \t\u00a0]|(?=[^\W\d_]))")
"""A heading's mark opening a text: ``## Key Takeaways``, ``##Key Takeaways`` (as S101 reads
one: a word right after the marks, or a space; ``#1 dalam pasaran`` is a rank, no mark)."""


def markup(text: str) -> tuple[tuple[str, str], ...]:
    """The inline markup of ``text``, sorted: code spans with their content (code is not
    translated), strong and emphasis without (the words inside are), and a heading's mark
    opening the text (``##Key Takeaways`` for the heading *Sorotan*, whose message holds its
    words only: ``render`` wrote ``## ##Key Takeaways``, the marks shown as text).

    >>> markup("##Key Takeaways"), markup("#1 in the market")
    ((('heading mark', ''),), ())

    A ``**`` left open is markup too (an asterisk or an underscore alone may be text):

    >>> markup("a sign of **recession."), markup("**dikecualikan** daripada cukai")
    ((('unclosed **', ''),), (('strong', ''),))

    So is a link left open (``(see [coupon](/kupon``), which Markdown shows as written:

    >>> markup("(see [coupon](/kupon"), markup("(lihat [kupon](/kupon))")
    ((('unclosed link', ''),), ())

    A template tag is code, compared as written (``{% if kadar > 5 %}``, ``{{ jumlah }}``):

    >>> markup("{% if kadar > 5 %}**Tinggi**{% endif %}")
    (('code', '{% endif %}'), ('code', '{% if kadar > 5 %}'), ('strong', ''))
    """
    found: list[tuple[str, str]] = []
    if "{" in text:  # a template tag is code, kept as written ({% if kadar > 5 %})
        found += [("code", m.group()) for m in _TEMPLATE.finditer(text)]
        text = _TEMPLATE.sub(" ", text)
    if "#" in text and _HEADING_MARK.match(text):
        found.append(("heading mark", ""))
    if open_links(text):
        # a link opened and never closed (`see [coupon](/kupon`): no link, its text, brackets
        # and target shown as written (once, however many)
        found.append(("unclosed link", ""))
    if not any(c in text for c in "`*_"):
        return tuple(sorted(found))
    found += [("code", m.group(2).strip()) for m in _CODE.finditer(text)]
    rest = _URL.sub(" ", strip_link_targets(_CODE.sub(" ", text)))
    found.extend(("strong", "") for _ in _STRONG.finditer(rest))
    rest = _STRONG.sub(lambda m: m.group(2), rest)
    # a `**` left open (`a sign of **recession.`): shown as two asterisks (once, however many)
    if "**" in rest or "__" in rest:
        found.append(("unclosed **", ""))
    found.extend(("emphasis", "") for _ in _EM_STAR.finditer(rest))
    found.extend(("emphasis", "") for _ in _EM_UNDERSCORE.finditer(rest))
    return tuple(sorted(found))


def describe_difference(source: tuple[str, ...], translation: tuple[str, ...]) -> str | None:
    """What ``translation`` lacks and adds compared with ``source`` (as multisets), or None.

    >>> describe_difference(("3220", "2021"), ("2021",))
    'missing 3220'
    >>> describe_difference(("a",), ("a", "b", "b")) is None, describe_difference(("a",), ("b",))
    (False, 'missing a; extra b')
    """
    if source == translation or sorted(source) == sorted(translation):  # the usual case
        return None
    missing = Counter(source) - Counter(translation)
    extra = Counter(translation) - Counter(source)
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append("missing " + ", ".join(sorted(missing.elements())))
    if extra:
        parts.append("extra " + ", ".join(sorted(extra.elements())))
    return "; ".join(parts)


# `[text][label]`, `[text][]`, `[text]` not followed by `(` (an inline link) or `:` (a
# definition): a reference link, or an image's with `!` (left out: the link kind says it)
_REFERENCE = re.compile(r"(?<![\\!\]])\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?(?![(:\[])")


def reference_labels(text: str) -> tuple[tuple[str, bool], ...]:
    """The labels of the reference links in ``text``, sorted, folded as CommonMark matches
    them (case and inner spacing), each with whether it is a shortcut: what must stay the
    same in a translation, since the definitions (``[hasil]: /revenue``) are not in the
    message. Only a definition tells a shortcut ``[hasil]`` from bracketed text; the full and
    collapsed forms ``[margin][m]``, ``[kos jualan][]`` are always links.

    >>> reference_labels("[hasil] tolak [kos  jualan][] dan [margin][M], [x](/y)")
    (('hasil', True), ('kos jualan', False), ('m', False))
    """
    return tuple(sorted((" ".join((m.group(2) or m.group(1)).split()).casefold(),
                         m.group(2) is None) for m in _REFERENCE.finditer(text)))
