"""Link resolution: which term a link such as ``[peniaga broker](/broker-dealer)`` names.

A term is a concept with several names (:class:`glossari.model.Names`); a link resolves by them in
this order, names compared normalised (case, accents, punctuation, spacing and hyphens ignored;
for Malay text also full reduplication, the Malay plural: ``peniaga-peniaga broker`` is
``peniaga broker``):

1. **the Malay side decides first**: a trusted link text (not broken, see
   :func:`glossari.seeds.rules.suspicious_link_text`) equal to an article's Malay headword, one
   of its ``aliases:``, or an acronym in parentheses in its Malay headword names that article.
   A text joined by ``/`` or ``&`` names the articles named with that mark first
   (:func:`glossari.text.marked_key`: ``P/E`` is not ``P&E``). This needs no catalog: a
   glossary resolves before any English exists, and an English headword
   edited later cannot move the link. When two articles answer to the text, the target decides
   between them (else the first in id order);
2. then the **target**: the term id (the article's file stem); a slug learned from the Malay side
   (a target that links resolved in step 1 use, see :mod:`glossari.align.names`); an alias; an
   acronym in parentheses in the Malay or English headword (``... (FINRA)`` for ``/finra``); the
   English headword (``Broker-dealer`` for ``/broker-dealer``).

When two terms share a name at the same rank, the first in id order wins and the clash is reported
(code S104), so a link never lands on a term by accident without anyone hearing of it. The full
story, with the English side, is docs/concepts.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from urllib.parse import unquote

from glossari.diagnostics import Finding
from glossari.model import Link, Term
from glossari.seeds.rules import ALIAS_KEYS, split_aliases, suspicious_link_text
from glossari.terms import acronym_written, without_possessive
from glossari.text import (
    APOSTROPHES,
    excerpt,
    lookup_key,
    marked_key,
    quoted,
    slug_text,
    without_accents,
)

__all__ = [
    "ALIAS_KEYS",
    "TargetIndex",
    "acronym_forms",
    "headword_acronyms",
    "link_is_a_name",
    "link_is_trusted",
    "link_slug",
    "link_spelling",
    "looks_like_target",
    "malay_key",
    "resolve",
    "resolve_link",
    "target_answers",
    "target_key",
    "term_aliases",
]

_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&./\-]{1,11})\s*\)")
_PAGE_SUFFIX = re.compile(r"\.(?:md|markdown|html?|aspx?|php)$", re.IGNORECASE)
_TARGET_START = re.compile(r"\.{0,2}/")

_RANKS = ("id", "slug", "alias", "acronym", "English headword")
"""The ranks of a target's names, most deliberate first (see the module docstring)."""

_MALAY_RANKS = ("Malay headword", "alias", "acronym")
"""The ranks of a link text's names."""

_REDUPLICATION = re.compile(r"(?<![\w'-])(\w+(?:'\w+)*)'?-\1'?(?![\w-])", re.IGNORECASE)
"""A word written reduplicated (its apostrophes written ``'``, :data:`_APOSTROPHES`), with
the apostrophe that ends it (the ain of ``tabarru'``) on either half or both, or one inside
it: ``tabarru'-tabarru'`` is *Tabarru'* and ``qur'an-qur'an`` *Qur'an* (it was ``quranquran``),
as ``komisen-komisen`` is *Komisen*."""

_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))
"""Every apostrophe as ``'`` (:data:`glossari.text.APOSTROPHES`, the modifier letter too, which
``\\w`` reads as a letter): the two halves of ``qur\u2019an-qur'an`` are one word, as find
reads them."""


_HYPHENS = str.maketrans("\u2010\u2011", "--")
"""The hyphens other than the hyphen-minus that join a word's parts, as ``find`` reads them."""


def malay_key(text: str) -> str:
    """A Malay name reduced to the key link texts and headwords are compared by.

    :func:`glossari.text.lookup_key`, with each fully reduplicated word (the Malay plural)
    folded to its base.

    >>> malay_key("Peniaga-peniaga  broker"), malay_key("*peniaga broker*")
    ('peniagabroker', 'peniagabroker')
    >>> malay_key("kira-kira") == malay_key("kira"), malay_key("rama-ramai")
    (True, 'ramaramai')

    The two words are compared as their keys compare them, accents aside, and an accent typed
    decomposed (NFD, as macOS and PDFs give it) is part of its word, as ``find`` reads them:

    >>> malay_key("ekuiti-Ékuiti"), malay_key("E\u0301kuiti-e\u0301kuiti")
    ('ekuiti', 'ekuiti')

    Any hyphen that joins a word's parts in ``find`` joins the two (U+2010, the non-breaking
    U+2011), and a word that ends in an apostrophe (the ain of ``tabarru'``) is reduplicated
    with it:

    >>> malay_key("komisen\u2011komisen"), malay_key("tabarru'-tabarru\u2019")
    ('komisen', 'tabarru')
    >>> malay_key("Qur'an-qur\u2019an")
    'quran'
    """
    if not text.isascii():
        text = text.translate(_HYPHENS).translate(_APOSTROPHES)
    if "-" not in text:
        return lookup_key(text)
    # the reduplication's words without their accents: `\w` reads a combining mark as no part
    # of a word, so `ékuiti-ékuiti` typed decomposed, or `ekuiti-ékuiti`, named no article
    # (a link-only term beside *Ékuiti*), and lookup missed them where find reads the term
    return lookup_key(_REDUPLICATION.sub(r"\1", text if text.isascii() else without_accents(text)))


def link_is_trusted(link: Link) -> bool:
    """True when a link's text may name a term (the reader did not mark it, and it is sound).

    >>> link_is_trusted(Link(text="peniaga broker", target="x", line=1))
    True
    >>> link_is_trusted(Link(text="FINRA ), terpakai kepada", target="finra", line=1))
    False
    """
    return link.suspicious is None and suspicious_link_text(link.text) is None


def link_is_a_name(link: Link) -> bool:
    """True when a link's text is a name of the term it leads to: trusted
    (:func:`link_is_trusted`), and leading to the term itself, not to a part of its article
    (``[jenis sukuk](/sukuk#jenis)`` names a section of *Sukuk*, not *Sukuk*).

    >>> link_is_a_name(Link(text="sukuk", target="sukuk", line=1))
    True
    >>> link_is_a_name(Link(text="jenis sukuk", target="sukuk#jenis", line=1))
    False
    """
    return link_is_trusted(link) and not link.target.partition("#")[2].strip()


def looks_like_target(text: str) -> bool:
    """True when ``text`` is written as a link target, not as a name: ``/stock``, ``../bond``,
    ``bond.md`` (a page suffix :func:`target_key` drops), ``bond#x``, and no space in it.

    >>> [looks_like_target(t) for t in ("/stock", "../bond", "Bond.md", "bond#x", "stock",
    ...                                 "P/E", "/kos jualan")]
    [True, True, True, True, False, False, False]
    """
    stripped = text.strip()
    return (bool(_TARGET_START.match(stripped) or "#" in stripped
                 or _PAGE_SUFFIX.search(stripped))
            and not any(c.isspace() for c in stripped))


@lru_cache(maxsize=1 << 16)
def target_key(target: str) -> str:
    """A link target reduced to the key names are compared by.

    The last path segment counts (``/terms/b/broker-dealer.asp`` is ``broker-dealer``); a
    fragment, a query, a page suffix and percent-escapes are dropped.

    >>> target_key("/Broker-Dealer"), target_key("terms/b/broker-dealer.asp#x")
    ('brokerdealer', 'brokerdealer')
    >>> target_key("investment%20advisor/")
    'investmentadvisor'
    """
    path = target.split("#", 1)[0].split("?", 1)[0].strip().strip("/")
    last = path.rsplit("/", 1)[-1]
    return lookup_key(_PAGE_SUFFIX.sub("", unquote(last)))


def link_slug(target: str) -> str:
    """A link target as a name (and the id of a link-only term): the last path segment, cleaned.

    >>> link_slug("/finra"), link_slug("/terms/b/broker-dealer.asp"), link_slug("/a b")
    ('finra', 'broker-dealer', 'a-b')

    Compatibility forms and the accents of Latin letters are folded first, and digits of any
    script become ASCII, so ``/²x``, ``/ǅx`` and ``/٣x`` keep their first character (``2x``,
    ``DZx``, ``3x``) instead of all becoming ``x`` (:func:`glossari.text.slug_text`):

    >>> link_slug("/²x"), link_slug("/ǅx"), link_slug("/٣x"), link_slug("/kós")
    ('2x', 'Dzx', '3x', 'kos')

    A slug in another script keeps it, letters, marks and hyphens as written (percent-escapes
    read): ``/акция-акция`` is ``акция-акция``, not ``акцияакция`` (nor, a Cyrillic ``й``
    losing its breve, another word).

    >>> link_slug("/акция-акция"), link_slug("/%D8%B3%D9%87%D9%85"), link_slug("/株式#x")
    ('акция-акция', 'سهم', '株式')
    """
    return _slug(target, "._-")


def link_spelling(target: str) -> str:
    """A link target's slug as :func:`link_slug` makes it, with its ampersands kept: the
    spelling a name is suggested from (``/p&s`` is the id ``p-s``, whose English is ``P&S``, not
    ``p s``; ``/r&d`` ``R&D``).

    >>> link_spelling("/p&s"), link_spelling("/profit&loss.asp"), link_spelling("/a b")
    ('p&s', 'profit&loss', 'a-b')
    """
    return _slug(target, "._-&")


def _slug(target: str, kept: str) -> str:
    path = target.split("#", 1)[0].split("?", 1)[0].strip().strip("/")
    last = _PAGE_SUFFIX.sub("", path.rsplit("/", 1)[-1])
    folded = slug_text(unquote(last))
    slug = "".join(c if c in kept or unicodedata.category(c)[0] in "LNM" else
                   "" if unicodedata.category(c) == "Cf" else "-" for c in folded)
    slug = re.sub("-*&[-&]*", "&", re.sub("-{2,}", "-", slug)).strip("-.&")
    while slug and unicodedata.category(slug[0])[0] == "M":  # no mark without its letter
        slug = slug[1:].lstrip("-.")
    return slug or target_key(target) or "link"


def term_aliases(term: Term) -> tuple[str, ...]:
    """The aliases an article lists in its front matter (``aliases:`` or ``alias:``).

    >>> from glossari.model import Location
    >>> t = Term(id="finra", title="FINRA", meta=(("aliases", "fin-reg, FINRA Rule"),),
    ...          source=Location(path="seeds/finra.md", line=1))
    >>> term_aliases(t)
    ('fin-reg', 'FINRA Rule')
    >>> term_aliases(Term(id="hibah", title="Hibah", source=t.source,
    ...                   meta=(("aliases", "hadiah, pemberian, Hibah, Hadiah, hadiah"),)))
    ('hadiah', 'pemberian')
    """
    # an alias written twice (`hadiah, Hadiah`) is one, its first spelling; the headword is
    # no other name of its term
    headword = lookup_key(term.title or "")
    found: dict[str, str] = {}
    for key in ALIAS_KEYS:
        value = term.meta_value(key)
        if value:
            for alias in split_aliases(value):
                if lookup_key(alias) != headword:
                    found.setdefault(lookup_key(alias), alias)
    return tuple(found.values())


def headword_acronyms(text: str | None) -> tuple[str, ...]:
    """Acronyms written in parentheses in a headword.

    >>> headword_acronyms("Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA)")
    ('FINRA',)
    >>> headword_acronyms("Akaun (simpanan)")
    ()

    A slash joins acronyms (``P/E``, ``EV/EBITDA``), not words: ``(Untung/Rugi)`` is a gloss.

    >>> headword_acronyms("Nisbah harga/pendapatan (P/E)"), headword_acronyms("Akaun (Untung/Rugi)")
    (('P/E',), ())
    """
    if not text:
        return ()
    return tuple(
        m.group(1) for m in _ACRONYM_IN_PARENS.finditer(text)
        if sum(c.isupper() for c in m.group(1)) >= 2
        and ("/" not in m.group(1) or all(part.isupper() for part in m.group(1).split("/")))
    )


_NAME_AND_ACRONYM = re.compile(r"\s*(.*?)\s*\(([^()]+)\)\s*")
_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,4}\.\s*)+")
"""A name shortened with dots (``Sdn. Bhd.``, ``Bhd.``, ``Co.``): in a headword's brackets a
name of its own, as an acronym is, though :func:`headword_acronyms` (which wants two capitals
in one word) does not read it as one."""


def headword_names(headword: str) -> list[str]:
    """The names a headword goes by in running text: itself, and for ``Name (ACR)`` (an acronym
    by :func:`headword_acronyms`, or an abbreviation: ``Berhad (Bhd.)``) the name and the
    acronym alone. A gloss in parentheses is no name of its own: ``Akaun (simpanan)`` is not
    *simpanan*.

    >>> headword_names("Industry Authority (FINRA)")
    ['Industry Authority (FINRA)', 'Industry Authority', 'FINRA']
    >>> headword_names("Akaun (simpanan)")
    ['Akaun (simpanan)']
    >>> headword_names("Sendirian Berhad (Sdn. Bhd.)")[1:]
    ['Sendirian Berhad', 'Sdn. Bhd.']

    An acronym before the name's last words, or with them in the brackets, gives the name and
    the acronym each with those words (the name alone was the whole headword, which no text
    writes):

    >>> headword_names("Debt-to-Equity (D/E) Ratio")[1:]
    ['Debt-to-Equity Ratio', 'D/E Ratio']
    >>> headword_names("Price-to-Earnings Ratio (P/E Ratio)")[1:]
    ['Price-to-Earnings Ratio', 'P/E Ratio']
    >>> headword_names("Akaun (simpanan) semasa"), headword_names("Nisbah (Untung Bersih)")
    (['Akaun (simpanan) semasa'], ['Nisbah (Untung Bersih)'])
    """
    names = [headword.strip()]
    split = _NAME_AND_ACRONYM.fullmatch(headword)
    if split is not None and (split.group(2).strip() in headword_acronyms(headword)
                              or _ABBREVIATION.fullmatch(split.group(2).strip())):
        names.extend(n.strip() for n in split.groups() if n.strip())
        return names
    inside = _ACRONYM_INSIDE.fullmatch(headword.strip())
    if inside is not None and inside.group("acronym") in headword_acronyms(headword):
        # Debt-to-Equity (D/E) Ratio: the name and the acronym each with the words after them
        rest = inside.group("rest")
        names.extend(f"{inside.group(part).strip()} {rest}" for part in ("name", "acronym"))
        return names
    worded = _ACRONYM_WORDED.fullmatch(headword.strip())
    if worded is not None and worded.group("name").casefold().endswith(
            f" {worded.group('words').casefold()}") and sum(
            c.isupper() for c in worded.group("acronym")) >= 2:
        # Price-to-Earnings Ratio (P/E Ratio): the name, and the acronym with its words
        names.extend([worded.group("name").strip(),
                      f"{worded.group('acronym')} {worded.group('words')}"])
    return names


_ACRONYM_INSIDE = re.compile(r"(?P<name>[^()]*\S)\s*\(\s*(?P<acronym>[^()]+?)\s*\)\s+"
                             r"(?P<rest>[^()\s][^()]*?)")
"""A headword with its acronym in brackets before its last words (``Debt-to-Equity (D/E)
Ratio``, as Investopedia titles many ratios)."""
_ACRONYM_WORDED = re.compile(r"(?P<name>[^()]*\S)\s*\(\s*(?P<acronym>[A-Z][A-Za-z0-9&./\-]{0,11})"
                             r"\s+(?P<words>[^()]*?)\s*\)")
"""A headword whose brackets hold its acronym and the last words of its name (``Price-to-Earnings
Ratio (P/E Ratio)``)."""


_PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+s")


def acronym_forms(acronyms: Iterable[str]) -> tuple[str, ...]:
    """Acronyms as names: each as written, and one written in the plural also in the singular
    (Malay has no -s: ``REITs`` is ``REIT`` too, as :func:`glossari.glossary.term_names` reads
    running text).

    >>> acronym_forms(["REITs", "FINRA", "E.T.F."])
    ('REITs', 'FINRA', 'E.T.F.', 'REIT')
    """
    written = tuple(acronyms)
    return _unique(written + tuple(a[:-1] for a in written if _PLURAL_ACRONYM.fullmatch(a)))


def _names(term: Term, slugs: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], ...]:
    """The names a link target may use for the term, by rank (:data:`_RANKS`); ``slugs`` in
    place of the term's own."""
    names = term.names
    return (
        (term.id,),
        names.slugs if slugs is None else slugs,
        _unique(term_aliases(term) + names.aliases),
        acronym_forms(headword_acronyms(term.title) + headword_acronyms(term.english.title)
                      + names.acronyms),
        (term.english.title,) if term.english.title else (),
    )


def _malay_names(term: Term) -> tuple[tuple[str, ...], ...]:
    """The names a link text may use for the term, by rank (:data:`_MALAY_RANKS`): a headword
    ``Name (ACR)`` gives its acronym and ``Name`` alone (:func:`headword_names`, as lookups and
    ``find_terms`` read it), an acronym in the plural its singular too."""
    if not term.title:
        return ((), _unique(term_aliases(term) + term.names.aliases), ())
    short = tuple(n for n in headword_names(term.title)[1:]
                  if n not in headword_acronyms(term.title))
    return (
        (term.title,),
        _unique(term_aliases(term) + term.names.aliases),
        acronym_forms(headword_acronyms(term.title)) + short,
    )


def _ids_named_otherwise(
    articles: list[tuple[Term, tuple[tuple[str, ...], ...]]],
) -> list[Finding]:
    """S104 for an article id that is another article's Malay name as written (``kos.md``
    titled *Untung* beside ``cost.md`` titled *Kos*): ``show kos`` and ``lookup`` take the id,
    a link's text and ``find`` the name, two answers for one word that no finding named."""
    named: dict[str, tuple[str, str]] = {}  # key -> (first article naming it, its rank)
    for rank, label in enumerate(_MALAY_RANKS):
        for term, by_rank in articles:
            for name in by_rank[rank]:
                named.setdefault(lookup_key(name), (term.id, label))
    found: list[Finding] = []
    for term, by_rank in articles:
        key = lookup_key(term.id)
        other, label = named.get(key, (term.id, ""))
        if other != term.id and key not in {lookup_key(n) for n in chain(*by_rank)}:
            found.append(Finding(
                path=term.source.path, line=term.source.line, severity="warning", code="S104",
                term=term.id,
                message=f"the id {quoted(excerpt(term.id))} is also the {label} of "
                f"{quoted(excerpt(other))}: 'show' and lookups answer {quoted(excerpt(term.id))}, "
                f"a link's text and 'find' answer {quoted(excerpt(other))} (rename one of the two "
                "files, or give one article another name)",
            ))
    return found


def _unique(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class TargetIndex:
    """Normalised names to term ids, for :func:`resolve` and :func:`resolve_link`."""

    keys: Mapping[str, str] = field(default_factory=dict)
    """Normalised target name (:func:`target_key`) to term id."""
    clashes: tuple[Finding, ...] = ()
    """Names claimed by two terms at the same rank (code S104)."""
    texts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Normalised Malay name (:func:`lookup_key`, :func:`malay_key`, and for a name joined by
    ``/`` or ``&`` :func:`~glossari.text.marked_key`) to the ids of the
    articles it names, the most deliberate first: the names as written before the ones folded
    from a reduplication, and each of them headword, then alias, then acronym; id order within a
    rank."""
    ranks: Mapping[str, str] = field(default_factory=dict)
    """Normalised target name to the rank that gave it (``id``, ``slug``, ``alias``, ...)."""

    @classmethod
    def build(cls, terms: Iterable[Term]) -> TargetIndex:
        """Index the names of ``terms`` (articles; link-only terms are indexed by id only)."""
        ordered = sorted(terms, key=lambda t: t.id)
        keys, ranks, clashes = cls._targets(ordered, None)
        texts: dict[str, list[str]] = {}
        articles = [(t, _malay_names(t)) for t in ordered if t.kind == "article"]
        # a name as written before one folded from its reduplication: the text `kira` is the
        # article titled `Kira` before the one titled `Kira-kira`, as a lookup reads it; a
        # name joined by / or & also by its key with the mark (marked_key), asked first
        for fold in (marked_key, lookup_key, malay_key):
            for rank in range(len(_MALAY_RANKS)):
                for term, by_rank in articles:
                    for name in by_rank[rank]:
                        key = fold(name)
                        if key and term.id not in texts.setdefault(key, []):
                            texts[key].append(term.id)
        clashes.extend(_ids_named_otherwise(articles))
        return cls(keys, tuple(clashes), {k: tuple(v) for k, v in texts.items()}, ranks)

    def with_slugs(
        self, terms: Iterable[Term], slugs: Mapping[str, tuple[str, ...]]
    ) -> TargetIndex:
        """This index of ``terms`` (the ones it was built from) with ``slugs`` (by term id) in
        place of the terms' own: the Malay texts are kept, the targets indexed again."""
        ordered = sorted(terms, key=lambda t: t.id)
        keys, ranks, _ = self._targets(ordered, slugs)
        # the clashes are the terms' own names' (this index's): a slug learned from the Malay
        # side must not hide two articles sharing an alias or acronym (`[SC](/sc)` hid S104)
        return TargetIndex(keys, self.clashes, self.texts, ranks)

    @staticmethod
    def _targets(
        ordered: list[Term], slugs: Mapping[str, tuple[str, ...]] | None
    ) -> tuple[dict[str, str], dict[str, str], list[Finding]]:
        keys: dict[str, str] = {}
        ranks: dict[str, str] = {}
        clashes: list[Finding] = []
        names = [(t, _names(t, None if slugs is None else slugs.get(t.id, ()))) for t in ordered]
        for rank, label in enumerate(_RANKS):
            claimed: dict[str, str] = {}
            for term, by_rank in names:
                if term.kind == "link" and rank > 0:
                    continue
                for name in by_rank[rank]:
                    key = lookup_key(name)
                    if not key:
                        continue
                    first = claimed.setdefault(key, term.id)
                    if first != term.id and key not in keys:
                        clashes.append(Finding(
                            path=term.source.path, line=term.source.line, severity="warning",
                            code="S104", term=term.id,
                            message=f"the {label} {quoted(excerpt(name))} also names "
                            f"{quoted(excerpt(first))}; links to it go to "
                            f"{quoted(excerpt(first))} (give one of the two an alias or "
                            "another name)",
                        ))
            for key, term_id in claimed.items():
                if key not in keys:
                    keys[key] = term_id
                    ranks[key] = label
        return keys, ranks, clashes

    def __contains__(self, target: object) -> bool:
        return isinstance(target, str) and resolve(target, self) is not None

    def by_text(self, text: str) -> tuple[str, ...]:
        """The ids of the articles a (trusted) Malay link text names, most deliberate first.

        A text that names none as written, and only adds the possessive ``-nya`` to a name
        (``dividennya`` beside the headword *Dividen*: :func:`glossari.terms.without_possessive`,
        the recognizer's rule), names what the text without it names, and so does an acronym
        written with an ending or dots (``P/E-nya``, ``SCnya``, ``S.C.``: :func:`acronym_of`,
        as the recogniser files it: :func:`~glossari.terms.acronym_written`). A text joined by ``/``
        or ``&`` names the articles named with that mark first (:func:`~glossari.text.marked_key`,
        as lookup and find read it): ``[P/E](/pe)`` is the article *P/E*, not *P&E*, whose
        key ``pe`` is one."""
        marked = marked_key(text)
        found = self.texts.get(marked) if marked is not None else None
        if found is None:
            found = self.texts.get(lookup_key(text))
        if found is None and "-" in text:
            found = self.texts.get(malay_key(text))
        if found is None:
            plain = without_possessive(text)
            if plain is not None:
                return self.by_text(plain)
            # an acronym written with an ending or dots (P/E-nya, P/Enya, SC-nya, P/E's,
            # S.C.nya) is the acronym, as the recogniser files the link text (acronym_of):
            # its last capitals are too short a stem for without_possessive
            acronym = acronym_written(text)
            if acronym is not None:
                return self.by_text(acronym)
        return found or ()


def target_answers(terms: Iterable[Term]) -> dict[str, str]:
    """Each target key (:func:`target_key`) to the id of the term a link with that target goes
    to when its text names no article: the articles' names by rank, their slugs as
    :func:`glossari.align.names.resolve_names` gave them (:attr:`Term.names`), then the
    link-only terms by id and slug. What ``Glossary.lookup("/stock")`` answers.

    >>> from glossari.model import English, Location, Names
    >>> at = Location(path="seeds/x.md", line=1)
    >>> target_answers([
    ...     Term(id="saham", title="Saham", source=at, names=Names(slugs=("stock",))),
    ...     Term(id="ekuiti", title="Ekuiti", source=at, names=Names(aliases=("stock",)))])
    {'ekuiti': 'ekuiti', 'saham': 'saham', 'stock': 'saham'}
    """
    terms = list(terms)
    answers = dict(TargetIndex.build(terms).keys)
    for term in terms:
        if term.kind == "link":
            for slug in (term.id, *term.names.slugs):
                answers.setdefault(target_key(slug), term.id)
    return answers


def resolve(target: str, index: TargetIndex) -> str | None:
    """The id of the term a link target names, or None when no term answers to it.

    >>> from glossari.model import English, Location
    >>> at = Location(path="seeds/x.md", line=1)
    >>> index = TargetIndex.build([
    ...     Term(id="peniagabroker", title="Peniaga broker", source=at,
    ...          english=English(title="Broker-dealer", status="translated")),
    ...     Term(id="pbkik", title="Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA)",
    ...          source=at)])
    >>> resolve("/broker-dealer", index), resolve("/finra", index), resolve("/bon", index)
    ('peniagabroker', 'pbkik', None)
    """
    key = target_key(target)
    return index.keys.get(key) if key else None


def resolve_link(link: Link, index: TargetIndex) -> str | None:
    """The id of the term a link names (Malay text first, then target), or None.

    >>> from glossari.model import English, Location
    >>> at = Location(path="seeds/x.md", line=1)
    >>> index = TargetIndex.build([
    ...     Term(id="dana-lindung-nilai", title="Dana lindung nilai", source=at),
    ...     Term(id="komisen", title="Komisen", source=at,
    ...          english=English(title="Commission", status="translated"))])
    >>> resolve_link(Link(text="dana lindung nilai", target="hedgefund", line=3), index)
    'dana-lindung-nilai'
    >>> resolve_link(Link(text="bayaran", target="commission", line=3), index)
    'komisen'
    >>> resolve_link(Link(text="bon", target="bond", line=3), index) is None
    True
    """
    if link_is_trusted(link):
        named = index.by_text(link.text)
        if len(named) == 1:
            return named[0]
        if named:
            by_target = resolve(link.target, index)
            return by_target if by_target in named else named[0]
    return resolve(link.target, index)
