"""English suggested from a link slug: ``investmentadvisor`` to ``investment advisor``.

A link target with no article still names its term in English, run together. Splitting it needs
English words: a small frequency-ordered list ships with the package (``words.txt``), and the
glossary's own English text adds its words. The split with the lowest total cost wins, a word's
cost growing with the log of its rank (Zipf's law); a slug that known words do not cover entirely
stays whole rather than being cut into fragments.

Acronyms (``finra`` to ``FINRA``) are recognised when the glossary's text writes the slug in
capitals (``... Kewangan (FINRA)``), or when a short slug is no word and cannot be pronounced as
one (``etf``, ``nyse``: :func:`looks_like_acronym`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

__all__ = ["WordList", "acronyms_in", "default_words", "kebab_case", "looks_like_acronym",
           "spells_malay", "suggest_english"]

_MAX_WORD = 24
"""Longest word tried when splitting; longer English words are vanishingly rare."""

_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class WordList:
    """Words and their costs for splitting slugs."""

    costs: Mapping[str, float] = field(default_factory=dict)
    """Lower-case word to cost (``log((rank + 1) * log(N))``)."""

    @classmethod
    def from_ranked(cls, words: Iterable[str]) -> WordList:
        """Build from words, most frequent first (a repeated word keeps its first rank)."""
        ranked: dict[str, int] = {}
        for word in words:
            word = word.strip().lower()
            if word and word.isalpha() and word not in ranked:
                ranked[word] = len(ranked)
        scale = math.log(max(len(ranked), 2))
        return cls({w: math.log((rank + 1) * scale) for w, rank in ranked.items()})

    def extended(self, words: Iterable[str]) -> WordList:
        """This list plus ``words`` (most frequent first) ranked after every word it has."""
        ranked = sorted(self.costs, key=self.costs.__getitem__)
        return WordList.from_ranked([*ranked, *words])

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.costs

    def split(self, letters: str) -> tuple[str, ...]:
        """Split run-together lower-case letters into words at the lowest cost.

        Letters are split only when known words cover all of them; otherwise they stay whole, as
        a guess cut around an unknown word (``f in r a``) is worse than no guess.

        >>> words = default_words()
        >>> words.split("primebrokerage"), words.split("xqzfund")
        (('prime', 'brokerage'), ('xqzfund',))
        """
        n = len(letters)
        best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, -1)] * n
        for end in range(1, n + 1):
            for start in range(max(0, end - _MAX_WORD), end):
                cost = self.costs.get(letters[start:end])
                if cost is not None and best[start][0] + cost < best[end][0]:
                    best[end] = (best[start][0] + cost, start)
        if not letters or math.isinf(best[n][0]):
            return (letters,) if letters else ()
        words: list[str] = []
        end = n
        while end > 0:
            start = best[end][1]
            words.append(letters[start:end])
            end = start
        return tuple(reversed(words))


@lru_cache(maxsize=1)
def default_words() -> WordList:
    """The word list shipped with glossari (``glossari/align/words.txt``)."""
    text = files("glossari.align").joinpath("words.txt").read_text(encoding="utf-8")
    return WordList.from_ranked(
        line for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9&]{1,9}\b")


def acronyms_in(texts: Iterable[str]) -> frozenset[str]:
    """Words written in capitals (two letters or more) in ``texts``, lower-cased.

    >>> sorted(acronyms_in(["Pihak Berkuasa Kawal Selia Industri Kewangan ( [FINRA ), x](/finra)",
    ...                     "Dalam dunia kewangan, A ialah huruf."]))
    ['finra']
    """
    return frozenset(m.group().lower() for t in texts for m in _CAPITALS.finditer(t))


def looks_like_acronym(slug: str, words: WordList | None = None) -> bool:
    """True for a short slug that is no word and cannot be read as one: of three letters, too
    poor in vowels (``etf``, ``cfd``); longer, beginning or ending with consonants no English
    word begins or ends with (``klse``, ``fdic``, ``kwsp``, ``capm``).

    Counting vowels alone made ``APPLY``, ``WRAP`` and ``STOCKS`` of ordinary words the list
    does not hold; an acronym that reads as a word (``ipo``, ``spac``, ``nyse``) stays in lower
    case, as ``ipo`` did before: the glossary's text writing it in capitals makes it one.

    >>> [looks_like_acronym(s) for s in ("etf", "klse", "fdic", "cfd", "kwsp", "capm")]
    [True, True, True, True, True, True]
    >>> [looks_like_acronym(s) for s in ("tax", "finra", "broker", "apply", "wrap", "stocks")]
    [False, False, False, False, False, False]
    """
    words = words if words is not None else default_words()
    slug = slug.lower()
    if not (2 <= len(slug) <= 6 and slug.isascii() and slug.isalpha()) or slug in words:
        return False
    vowels = sum(1 for c in slug if c in _VOWELS)
    if len(slug) <= 3:
        return vowels * 3 <= len(slug)
    if vowels == 0 and "y" not in slug[1:]:
        return True
    # `y` is a vowel but at the start (`apply`, `nyse`: n-y is no English onset)
    first = next((i for i, c in enumerate(slug) if c in _VOWELS or (c == "y" and i)), len(slug))
    last = max((i for i, c in enumerate(slug) if c in _VOWELS or (c == "y" and i)), default=-1)
    onset, coda = slug[:first], slug[last + 1:]
    return not (len(onset) <= 1 or onset in _ONSETS) or not (
        len(coda) <= 1 or coda in _CODAS or (coda[-1] == "s" and (len(coda) == 2 or
                                                                   coda[:-1] in _CODAS)))


_ONSETS = frozenset({
    "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gh", "gl", "gn", "gr", "kn", "kr",
    "ph", "pl", "pr", "ps", "qu", "rh", "sc", "sch", "scr", "sh", "shr", "sk", "sl", "sm",
    "sn", "sp", "sph", "spl", "spr", "squ", "st", "str", "sw", "th", "thr", "tr", "ts", "tw",
    "wh", "wr",
})
"""The consonants an English word may begin with, two or more (one always may)."""

_CODAS = frozenset({
    "ch", "ck", "ct", "dth", "ff", "ft", "gh", "ght", "ld", "lf", "lk", "ll", "lm", "lp", "lt",
    "lth", "mb", "mp", "nch", "nd", "ng", "nk", "nt", "nth", "pt", "rb", "rch", "rd", "rf",
    "rg", "rk", "rl", "rm", "rn", "rp", "rsh", "rst", "rt", "rth", "sh", "sk", "sp", "ss",
    "st", "tch", "th", "wl", "wn", "xt",
})
"""The consonants an English word may end with, two or more (one always may, and an ``s``
after any of them: ``stocks``, ``hands``)."""


def suggest_english(
    slug: str, *, words: WordList | None = None, acronyms: Iterable[str] = (),
    hyphens_are_spaces: bool = False, link_texts: Iterable[str] = (),
) -> str | None:
    """An English headword guessed from a link slug: words split, acronyms in capitals; None
    for a slug with a letter outside the English alphabet (``акция``, ``株式``, ``سهم``, and
    ``łódź``): it is no English, and read as one it only repeated the slug, in its script.

    Hyphens are kept (``broker-dealer``); each hyphen-separated part is split on its own. With
    ``hyphens_are_spaces`` (a glossary whose slugs are written kebab-case, see
    :func:`kebab_case`) they separate words: ``securities-commission`` is ``securities
    commission``. ``acronyms`` are lower-case words the glossary writes in capitals (see
    :func:`acronyms_in`).

    ``link_texts`` are the Malay texts of the links to the slug: a slug that spells one of
    them, with a word that is neither English nor an acronym (``yuran-pengurusan`` for
    ``[yuran pengurusan]``, ``inflasi`` for ``[Inflasi]``), is the Malay name written as a
    slug, no English, and gets None as well (see :func:`spells_malay`).

    >>> suggest_english("investmentadvisor"), suggest_english("primebrokerage")
    ('investment advisor', 'prime brokerage')
    >>> suggest_english("finra", acronyms={"finra"}), suggest_english("broker-dealer")
    ('FINRA', 'broker-dealer')
    >>> suggest_english("Net_Asset_Value"), suggest_english("etf")
    ('net asset value', 'ETF')
    >>> suggest_english("securities-commission", hyphens_are_spaces=True)
    'securities commission'
    >>> suggest_english("p&s"), suggest_english("profit&loss")
    ('P&S', 'profit & loss')
    >>> suggest_english("акция-акция"), suggest_english("株式"), suggest_english("etf-سهم")
    (None, None, None)
    >>> suggest_english("yuran-pengurusan", link_texts=["yuran pengurusan"])
    >>> suggest_english("etf", link_texts=["ETF"]), suggest_english("bond", link_texts=["bond"])
    ('ETF', 'bond')
    """
    if any(c.isalpha() and not c.isascii() for c in slug):
        return None
    words = words if words is not None else default_words()
    known = {a.lower() for a in acronyms}
    if spells_malay(slug, link_texts, words=words, acronyms=known):
        return None
    parts: list[str] = []
    for part in slug.split("-"):
        # an ampersand between letters is written as such: short ones an abbreviation
        # (``p&s``: ``P&S``, ``m&a``), words joined (``profit&loss``: ``profit & loss``)
        joined = [piece for piece in part.split("&") if piece]
        if len(joined) > 1:
            if all(len(piece) <= 3 and piece.isalnum() for piece in joined):
                parts.append("&".join(joined).upper())
            else:
                parts.append(" & ".join(
                    suggest_english(piece, words=words, acronyms=acronyms) or piece
                    for piece in joined))
            continue
        pieces: list[str] = []
        for chunk in re.split(r"[^A-Za-z0-9]+", part):
            if not chunk:
                continue
            lower = chunk.lower()
            if lower in known or looks_like_acronym(lower, words):
                pieces.append(lower.upper())
            elif lower.isalpha():
                pieces.extend(
                    w.upper() if w in known else w for w in words.split(lower)
                )
            else:
                pieces.append(lower)
        if pieces:
            parts.append(" ".join(pieces))
    return ((" " if hyphens_are_spaces else "-").join(parts)) if parts else slug


_SLUG_WORD = re.compile(r"[a-z0-9]+")
_WRITTEN_WORD = re.compile(r"[A-Za-z0-9]+")


def spells_malay(slug: str, link_texts: Iterable[str], *, words: WordList | None = None,
                 acronyms: Iterable[str] = ()) -> bool:
    """Whether ``slug`` is a Malay link text written as a slug, no English: its letters are
    those of one of ``link_texts`` (case, hyphens, spaces and punctuation aside; a word
    written reduplicated, ``saham-saham``, once or twice), and one of
    its words is neither English (the list's words, or run together from them) nor an
    acronym (``acronyms``, lower case, a word the link text writes in capitals, or
    :func:`looks_like_acronym`). A text English shares (``[bond](/bond)``, ``[FINRA](/finra)``,
    ``[brokerdealer](/brokerdealer)``) is no Malay slug.

    >>> spells_malay("yuran-pengurusan", ["Yuran pengurusan"]), spells_malay("inflasi", ["inflasi"])
    (True, True)
    >>> spells_malay("sahamkeutamaan", ["saham-saham keutamaan"])
    True
    >>> spells_malay("managementfee", ["yuran pengurusan"]), spells_malay("etf", ["ETF"])
    (False, False)
    """
    words = words if words is not None else default_words()
    known = {a.lower() for a in acronyms}
    letters = "".join(_SLUG_WORD.findall(slug.lower()))
    from glossari.terms.matcher import words as name_words

    for text in link_texts:
        written = _WRITTEN_WORD.findall(text)
        # as written, or its reduplicated words once (saham-saham keutamaan: sahamkeutamaan)
        if not letters or letters not in ("".join(written).lower(),
                                          "".join(name_words(text, "ms"))):
            continue
        if any(not w.isupper() and not w.isdigit() and w.lower() not in known
               and words.split(w.lower()) == (w.lower(),) and w.lower() not in words
               and not looks_like_acronym(w.lower(), words) for w in written):
            return True
    return False


def kebab_case(slugs: Iterable[str], *, words: WordList | None = None) -> bool:
    """Whether a glossary writes its slugs kebab-case (``securities-commission``), a hyphen
    between every two words, rather than run together (``investmentadvisor``), where a hyphen
    is part of a term (``broker-dealer``): more slugs hold a hyphen than run two words
    together, and two at least (one ``/broker-dealer`` says nothing of a style). Suggestions
    then read hyphens as spaces.

    >>> kebab_case(["investmentadvisor", "primebrokerage", "broker-dealer", "finra"])
    False
    >>> kebab_case(["securities-commission", "interest-rate", "bond", "netassetvalue"])
    True
    >>> kebab_case(["broker-dealer"])
    False
    """
    words = words if words is not None else default_words()
    hyphenated = run_together = 0
    for slug in slugs:
        if "-" in slug:
            hyphenated += 1
        elif slug.isalpha() and len(words.split(slug.lower())) > 1:
            run_together += 1
    return hyphenated >= 2 and hyphenated > run_together
