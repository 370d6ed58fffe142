"""Malay word formation, analysed by rule: which name word a running-text word is a form of.

The analyser works backwards from a folded surface word (lower case, no accents) to the words
it may be built on, and the matcher keeps only those that are words of a name. Each analysis
says which side carries what, because a compound takes its affixes at its edges only
(``dana-dana lindung nilai``, ``eksekutif akaunnya``):

- right of the word: a particle (``-lah -kah -pun -tah``), a possessive (``-nya -ku -mu``) and
  a derivational suffix (``-kan -i -an``), in that order from the end;
- left of it: a proclitic (``ku- kau-``) or a derivational prefix (``di- ter- ber- se- per-
  memper- diper-``, ``me(N)- pe(N)-`` with nasal assimilation: ``menulis`` from ``tulis``,
  ``menyimpan`` from ``simpan``, ``memukul`` from ``pukul``, ``mengira`` from ``kira``,
  ``mengecat`` from ``cat``), or a circumfix (``ke-...-an``, ``pe(N)-...-an``, ``per-...-an``,
  ``ber-...-an``);
- reduplication, whole (``komisen-komisen``, informally ``komisen2``) or inside affixes
  (``berkomisen-komisen``, ``sehari-hari``, ``kebarat-baratan``), is seen on a hyphenated word
  whose two halves analyse to one word.

Derivational affixes attach to a root, never to a word that is already derived: ``pelaburan``
(investment) is not ``pelabur`` (investor) plus ``-an``, it is ``pe(N)-...-an`` on ``labur``. So
a name word that starts like a derived word (``pelabur``, ``penasihat``, ``perbankan``) takes
clitics and reduplication only; see :func:`takes_derivation`.

>>> sorted({a.root for a in analyse("mengira")})
['ira', 'kira', 'mengira', 'ngira']
>>> [a for a in analyse("komisennya") if a.root == "komisen"]
[Analysis(root='komisen', left=False, right=True, derived=False, redup=False)]
>>> [a.root for a in analyse("keuntungan") if a.left and a.derived]
['untung']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

__all__ = ["ENDING_CLITICS", "MIN_ROOT", "PARTICLES", "POSSESSIVES", "Analysis", "analyse",
           "attach", "is_clitic", "makes_a_verb", "makes_another_noun", "rules",
           "takes_derivation", "written_out"]

_PARTICLES = ("lah", "kah", "pun", "tah")
_POSSESSIVES = ("nya", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
_PROCLITICS = ("kau", "ku")

PARTICLES = _PARTICLES
"""The particles (``-lah -kah -pun -tah``), the last of a word's clitics."""
POSSESSIVES = _POSSESSIVES
"""The possessives (``-nya -ku -mu``), before a particle (``komisennyalah``)."""

ENDING_CLITICS = (*_PARTICLES, *_POSSESSIVES)
"""The clitics written at a word's end (``komisennya``, ``bonlah``), particles first (a
possessive comes before a particle: ``komisennyalah``). The site's search reads them, with the
rest of :func:`glossari.terms.query_roots`' rule, from :func:`rules`."""
_VOWELS = frozenset("aeiou")

_CLITICS = re.compile(rf"(?:{'|'.join(_POSSESSIVES)})?(?:{'|'.join(_PARTICLES)})?")
"""Clitics alone, in the order they follow a word: a possessive, then a particle (``nyalah``)."""

MIN_ROOT = 3
"""No affix is stripped down to fewer letters: ``se-ni`` and ``ber-i`` are not analyses."""

_DERIVED = re.compile(
    r"(?:mem|men|meng|meny|me[lmnrwy]|pem|pen|peng|peny|pe[lmnrwy]|ber|ter|ke|se)"
)
"""How a derived word starts (a word of a name that starts so takes no more affixes). Not
``di-``: it makes a passive verb, which names nothing in a glossary, and no affix goes round
one (no ``ber-di-``, ``pe(N)-di-``), so a name word opening on ``di`` is a root, mostly a loan
(``dividen``, ``dinar``, ``digital``, ``disiplin``): ``berdividen`` is ``ber-`` on it."""


class Analysis(NamedTuple):
    """One way a surface word is built on ``root``."""

    root: str
    """The word it is built on (folded)."""
    left: bool
    """Something is attached on the left (prefix or proclitic)."""
    right: bool
    """Something is attached on the right (suffix, possessive or particle)."""
    derived: bool
    """A derivational affix (prefix, suffix, circumfix) is among them: the root must take one."""
    redup: bool
    """The word is reduplicated."""


def takes_derivation(word: str) -> bool:
    """True when ``word`` (a folded word of a name) may take derivational affixes: it does not
    itself start like a derived word, a prefix before a root that could be Malay (three letters
    or more, not opening on two consonants): ``sewa`` (se-wa), ``sen`` and ``sektor``
    (se-ktor) are roots, and a word opening on ``di`` is one (``diskaun``, ``dividen``).

    >>> takes_derivation("komisen"), takes_derivation("pelabur"), takes_derivation("untung")
    (True, False, True)
    >>> takes_derivation("sewa"), takes_derivation("diskaun"), takes_derivation("perbankan")
    (True, True, False)
    >>> takes_derivation("dividen"), takes_derivation("digital")
    (True, True)
    """
    prefix = _DERIVED.match(word)
    if prefix is None:
        return True
    rest = word[prefix.end():]
    if len(rest) < MIN_ROOT:
        return True
    return (rest[0] not in _VOWELS and rest[1] not in _VOWELS
            and rest[:2] not in _DIGRAPHS)


def is_clitic(word: str) -> bool:
    """True when the folded ``word`` is only clitics (``nya``, ``lah``, ``nyalah``, ``ku``): what
    Malay writes after a hyphen on an acronym or a name (``OPR-nya``, ``KLSE-lah``), where it
    belongs to the word before it as ``komisennya``'s does.

    >>> is_clitic("nya"), is_clitic("nyalah"), is_clitic("broker"), is_clitic("")
    (True, True, False, False)
    """
    return bool(word) and _CLITICS.fullmatch(word) is not None


_DIGRAPHS = frozenset({"ng", "ny", "sy", "kh", "gh"})
"""Two letters that spell one consonant: a Malay root may open with one (``nyata``)."""


_CLITIC_STEM = 3
"""A clitic glued to a word is stripped only where it leaves a stem of this many letters or
more: ``hanya``, ``kenya``, ``punya`` and ``halah`` are words of their own, no ``ha``, ``ke``
or ``pu`` with a clitic. Written after a hyphen (:func:`attach`: ``SC-nya``, ``SC'nya``), a
clitic ends a shorter word too, the mark saying where the word ends."""

_TWO_HALF = 3
"""The shortest word written reduplicated with a ``2`` (``bon2``; ``a2`` is no ``a-a``)."""


def attach(word: str, clitics: str) -> str:
    """The folded ``word`` with the ``clitics`` a text writes after a hyphen or an apostrophe
    (``OPR-nya``, ``broker'nya``, ``SC\u2019nya``), as :func:`analyse` reads them: glued, as
    ``komisennya`` writes them, where the rule may cut them off (a stem of three letters or
    more); after a hyphen on a shorter word, where the mark alone says where the word ends
    (``sc-nya``: glued, ``scnya`` would read as ``hanya`` does, a word of its own).

    >>> attach("opr", "nya"), attach("sc", "nya"), attach("rm", "nyalah")
    ('oprnya', 'sc-nya', 'rm-nyalah')

    A word reduplicated takes them on its second half, by that half's length (``ha-ha-nya``:
    ``ha-hanya`` would read as ``hanya`` does):

    >>> attach("komisen-komisen", "nya"), attach("ha-ha", "nya")
    ('komisen-komisennya', 'ha-ha-nya')

    An acronym written with dots, by its letters (``S.C-nya``):

    >>> attach("s.c", "nya"), attach("k.w.s.p", "nya")
    ('s.c-nya', 'k.w.s.pnya')
    """
    last = word.rpartition("-")[2].replace(".", "")  # its letters: s.c is sc, two
    return word + clitics if len(last) >= _CLITIC_STEM else f"{word}-{clitics}"


def rules() -> dict[str, object]:
    """The data of the clitics and of reduplication (:func:`analyse`), as JSON, for the site's
    search script (glossari/export/site/static/site.js), which undoes them in a query as
    :func:`glossari.terms.query_roots` does: one home for the rule."""
    return {"particles": list(_PARTICLES), "possessives": list(_POSSESSIVES),
            "cliticStem": _CLITIC_STEM, "twoHalf": _TWO_HALF}


def _right(word: str, shortest: int = _CLITIC_STEM) -> list[tuple[str, bool, str]]:
    """``(stem, clitic stripped, derivational suffix)`` for every way to strip the right side;
    a clitic only where it leaves ``shortest`` letters or more."""
    found: list[tuple[str, bool, str]] = [(word, False, "")]
    stems: list[tuple[str, bool]] = [(word, False)]
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= shortest:
            stems.append((word[: -len(particle)], True))
    with_possessive = list(stems)
    for stem, _ in stems:
        for possessive in _POSSESSIVES:
            if stem.endswith(possessive) and len(stem) - len(possessive) >= shortest:
                with_possessive.append((stem[: -len(possessive)], True))
    for stem, clitic in with_possessive:
        if stem != word:
            found.append((stem, clitic, ""))
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_ROOT:
                found.append((stem[: -len(suffix)], clitic, suffix))
    return found


def _nasal(rest: str) -> list[str]:
    """The roots a word ``me``/``pe`` + ``rest`` may be built on (nasal assimilation)."""
    roots: list[str] = []
    if rest.startswith("nge") and len(rest) > 3:  # menge-, penge-: one-syllable roots
        roots.append(rest[3:])
    if rest.startswith("ng"):
        tail = rest[2:]
        if tail[:1] in _VOWELS:
            roots += [tail, "k" + tail]           # mengurus (urus), mengira (kira)
        elif tail[:1] in ("g", "h") or tail.startswith("kh"):
            roots.append(tail)                    # menggaji, menghantar
        elif tail[:1] == "k":
            roots.append(tail)                    # loans keep k: mengkritik
    elif rest.startswith("ny"):
        tail = rest[2:]
        if tail[:1] in _VOWELS:
            roots.append("s" + tail)              # menyimpan (simpan)
    elif rest.startswith("m"):
        tail = rest[1:]
        if tail[:1] in ("b", "f", "v", "p"):
            roots.append(tail)                    # membayar, memproses (loans keep p)
        elif tail[:1] in _VOWELS:
            roots.append("p" + tail)              # memukul (pukul)
    elif rest.startswith("n"):
        tail = rest[1:]
        if tail[:1] in ("d", "c", "j", "z", "t", "s"):
            roots.append(tail)                    # menjual, mentadbir, mensasarkan
        elif tail[:1] in _VOWELS:
            roots.append("t" + tail)              # menulis (tulis)
    if rest[:1] in ("l", "m", "n", "r", "w", "y"):
        roots.append(rest)                        # melabur, merancang, menilai (nilai)
    return roots


# which derivational suffixes each prefix takes ("" = none); ke- only as ke-...-an
_TAKES: dict[str, frozenset[str]] = {
    "di": frozenset({"", "kan", "i"}),
    "diper": frozenset({"", "kan", "i"}),
    "ter": frozenset({"", "kan", "i"}),
    "ber": frozenset({"", "kan", "an"}),
    "se": frozenset({""}),
    "ke": frozenset({"an"}),
    "per": frozenset({"", "an", "kan", "i"}),
    "memper": frozenset({"", "kan", "i"}),
    "me": frozenset({"", "kan", "i"}),
    "pe": frozenset({"", "an"}),
}


def _left(stem: str, suffix: str) -> list[tuple[str, bool, bool]]:
    """``(root, something on the left, derivational)`` for every way to strip the left side of
    ``stem`` (which had derivational ``suffix`` on its right, or "")."""
    found: list[tuple[str, bool, bool]] = [(stem, False, False)]
    for proclitic in _PROCLITICS:
        if stem.startswith(proclitic) and len(stem) - len(proclitic) >= MIN_ROOT:
            found.append((stem[len(proclitic):], True, False))

    def add(prefix: str, roots: list[str]) -> None:
        if suffix in _TAKES[prefix]:
            found.extend((r, True, True) for r in roots if len(r) >= MIN_ROOT)

    for prefix in ("memper", "diper", "ber", "ter", "per", "di", "se", "ke"):
        if stem.startswith(prefix):
            add(prefix, [stem[len(prefix):]])
    for short, prefix in (("be", "ber"), ("te", "ter"), ("pe", "per")):
        # ber-, ter-, per- before a root that starts with r: berehat, terancang, perumahan
        if stem.startswith(short + "r") and not stem.startswith(short + "rr"):
            add(prefix, [stem[len(short):]])
    for prefix in ("me", "pe"):
        if stem.startswith(prefix):
            roots = _nasal(stem[2:])
            if not suffix:
                # me(N)- and pe(N)- go on a root, not on a noun already made with -an:
                # penyimpanan (storage) is pe(N)-...-an on simpan, not pe(N)- on simpanan
                # (savings); peminjaman is not pinjaman, pemasaran not pasaran (pemakan, on
                # the root makan, stays)
                roots = [r for r in roots if not _suffixed_an(r)]
            add(prefix, roots)
    return found


def _suffixed_an(word: str) -> bool:
    """Whether ``word`` reads as a noun made with ``-an`` on a root (``simpanan``, ``pinjaman``:
    what is left is a root of two syllables, as a bare suffix wants), not a root that ends in
    ``an`` (``makan``, ``jalan``)."""
    return (word.endswith("an") and len(word) - 2 >= MIN_ROOT
            and _syllables(word[:-2]) >= 2)


def _syllables(word: str) -> int:
    """Roughly how many syllables ``word`` has: its vowels, a diphthong (``ai au oi``) one
    (``jual`` two, ``cukai`` two, ``kad`` one): enough to tell a one-syllable root.

    >>> [_syllables(w) for w in ("kad", "bank", "jual", "cukai", "hormat")]
    [1, 1, 2, 2, 2]
    """
    return sum(c in _VOWELS for c in word) - len(_DIPHTHONGS.findall(word))


_DIPHTHONGS = re.compile(r"a[iu]|oi")


_VERB_PREFIXES = ("di", "ter", "me")
"""How a stem starts when its prefix makes a verb: ``di-`` and ``diper-`` (passive), ``ter-``
(``te-`` before an *r*: it is ``ter`` too), ``me(N)-`` and ``memper-`` (active)."""
_VERB_SUFFIXES = frozenset({"kan", "i"})
"""The suffixes that make a verb, with a prefix or without one (``cairkan``, ``hormati``)."""


def _verbal(stem: str, suffix: str, derivational: bool) -> bool:
    """Whether a reading of ``stem`` (with ``suffix`` stripped on its right) is a verb."""
    return suffix in _VERB_SUFFIXES or (derivational and stem.startswith(_VERB_PREFIXES))


def _noun_an(stem: str, suffix: str, derivational: bool, left: bool) -> bool:
    """Whether a reading of ``stem`` (with ``suffix`` stripped on its right) is ``-an`` alone
    on its root, nothing on its left."""
    return suffix == "an" and not left


def _verb(stem: str, suffix: str, derivational: bool, left: bool) -> bool:
    return _verbal(stem, suffix, derivational)


_Judge = Callable[[str, str, bool, bool], bool]
"""What a reading is (:func:`_verb`, :func:`_noun_an`), from its stem, its derivational
suffix, whether a derivational affix is among its affixes and whether one is on its left."""


def _readings(word: str, judge: _Judge = _verb) -> list[tuple[Analysis, bool]]:
    """Every analysis of ``word`` as written (not reduplicated), each with ``judge``'s verdict
    on it (by default, whether it is a verb made on its root)."""
    out: list[tuple[Analysis, bool]] = []
    for stem, clitic, suffix in _right(word):
        for root, left, derivational in _left(stem, suffix):
            if suffix and not derivational and _syllables(root) < 2:
                # a suffix with no prefix wants a root of two syllables: kadi (a judge) is
                # not kad (card) + -i, padi (rice) not pad + -i; perbankan has its prefix
                continue
            out.append((Analysis(root, left, clitic or bool(suffix),
                                 derivational or bool(suffix), False),
                        judge(stem, suffix, derivational, left)))
    return out


def _simple(word: str) -> list[Analysis]:
    return [analysis for analysis, _ in _readings(word)]


def makes_a_verb(word: str, root: str) -> bool:
    """Whether the folded ``word``, a form of the folded name word ``root``, is a verb made on
    it and nothing else: a verb's prefix (``di- diper- ter- me(N)- memper-``) or suffix
    (``-kan -i``) on it, whatever clitics follow, reduplicated or not. Such a word is an act,
    not the thing the root names (*mewasiatkan*, to bequeath, on *wasiat*, a will;
    *dicairkan*, liquidated, on *cair*, liquid), which English says with a verb of its own
    as often as with the noun's word. A word with any other reading on ``root`` is no verb by
    this rule: the root as written, with clitics or reduplication (*wasiatnya*,
    *wasiat-wasiat*), or a noun or adjective made on it (``-an``, ``ke-...-an``,
    ``pe(N)-...-an``, ``ber-``, ``se-``, ``pe(N)-``).

    >>> makes_a_verb("mewasiatkan", "wasiat"), makes_a_verb("dicairkan", "cair")
    (True, True)
    >>> makes_a_verb("diwarisi", "waris"), makes_a_verb("menilainya", "nilai")
    (True, True)
    >>> makes_a_verb("wasiatnya", "wasiat"), makes_a_verb("wasiat-wasiat", "wasiat")
    (False, False)
    >>> makes_a_verb("pewarisan", "waris"), makes_a_verb("keuntungan", "untung")
    (False, False)
    >>> makes_a_verb("medan", "medan"), makes_a_verb("dividen", "dividen")
    (False, False)
    """
    return _only(word, root, _verb)


def makes_another_noun(word: str, root: str) -> bool:
    """Whether the folded ``word``, a form of the folded name word ``root``, is ``-an`` alone on
    it and nothing else, whatever clitics follow, reduplicated or not: another noun, of what
    the root's act or thing gives (*warisan*, the inheritance, on *waris*, the heir;
    *simpanan*, savings, on *simpan*; *jualan*, sales, on *jual*), which English names with a
    word of its own. A prefix with it (*pewarisan*, *keuntungan*, *perbankan*) makes the noun
    of the root's own thing, which stays a use, as does a name that itself ends in ``-an``
    (*Pelaburan*: ``word`` is then the root as written).

    >>> makes_another_noun("warisan", "waris"), makes_another_noun("warisan-warisannya", "waris")
    (True, True)
    >>> makes_another_noun("warisan2", "waris"), makes_another_noun("pewarisan", "waris")
    (True, False)
    >>> makes_another_noun("keuntungan", "untung"), makes_another_noun("pelaburan", "pelaburan")
    (False, False)
    >>> makes_another_noun("waris-waris", "waris"), makes_another_noun("warisnya", "waris")
    (False, False)
    """
    return _only(word, root, _noun_an)


def _only(word: str, root: str, judge: _Judge) -> bool:
    """Whether every reading of the folded ``word`` on ``root`` is one ``judge`` says yes to
    (and there is one): :func:`makes_a_verb`, :func:`makes_another_noun`."""
    verdicts: list[bool] = []
    for spelling in _spellings(word):
        head, dash, tail = spelling.partition("-")
        if dash and is_clitic(tail):
            spelling, dash = head + tail, ""
        verdicts += [verdict for analysis, verdict in _readings(spelling, judge)
                     if analysis.root == root]
        if dash and head and tail and "-" not in tail:
            # reduplicated: the prefix on the first half, the suffix on the second (analyse)
            for stem, _, suffix in _right(tail):
                verdicts.extend(judge(head, suffix, derivational, left)
                                for found, left, derivational in _left(head, suffix)
                                if found == stem == root)
                if stem == head and not suffix:
                    verdicts.extend(verdict for analysis, verdict in _readings(head, judge)
                                    if analysis.root == root)
    return bool(verdicts) and all(verdicts)


def written_out(word: str) -> str:
    """The folded ``word`` with its reduplication in the informal notation written out
    (``komisen2nya``: ``komisen-komisennya``), as lookups read it; any other word as it is.

    >>> written_out("saham2"), written_out("b40"), written_out("komisen")
    ('saham-saham', 'b40', 'komisen')
    >>> written_out("tabarru'2nya"), written_out("qur'an2")
    ('tabarru-tabarrunya', "qur'an-qur'an")
    """
    return _spellings(word)[0]


def _spellings(word: str) -> list[str]:
    """``word`` with its reduplication in the informal notation (a ``2``) written out: the
    part before the ``2`` twice (``syarikat2`` is ``syarikat-syarikat``, ``berkomisen2``
    ``berkomisen-berkomisen``), or, after a prefix, its root twice with the affixes round the
    pair (``dicair2kan`` is ``dicair-cairkan``, as ``diwasiat-wasiatkan`` is written out; the
    analyses keep a root only where the prefix strips to it). A word without a ``2``: itself.

    >>> _spellings("komisen2nya"), _spellings("komisen")
    (['komisen-komisennya'], ['komisen'])
    >>> _spellings("dicair2kan")
    ['dicair-dicairkan', 'dicair-cairkan']
    """
    two = _TWO.fullmatch(word)
    if two is None:
        return [word]
    first, after = two[1], two[2]
    return [f"{first}-{first}{after}"] + [f"{first}-{first[i:]}{after}"
                                          for i in range(2, len(first) - MIN_ROOT + 1)
                                          if _PREFIX_START.fullmatch(first, 0, i)]


_PREFIX_START = re.compile(r"(?:memper|diper|di|ber|be|ter|te|per|pe|se|ke|me)(?:ng|ny|m|n)?")
"""What a prefix (with a nasal, ``men-``, ``peng-``) may be, before the root a ``2`` doubles
(:func:`_spellings`)."""


_TWO = re.compile(rf"((?:[^\W\d_]'?){{{_TWO_HALF - 1},}}[^\W\d_])'?2([^\W\d_]*)")
"""Reduplication in the informal notation: ``syarikat2`` for ``syarikat-syarikat``,
``komisen2nya`` for ``komisen-komisennya``; a word with an apostrophe inside it or ending in
one (folded: the ain of ``qur'an2``, ``tabarru'2``), as ``qur'an-qur'an`` and
``tabarru'-tabarru'`` are written out."""


def analyse(word: str) -> list[Analysis]:
    """Every analysis of the folded surface ``word`` (the word itself first, unanalysed).

    Nothing here knows the glossary: most analyses name no real word, and the matcher keeps the
    ones whose root is a word of a name.

    >>> [a.root for a in analyse("saham2nya") if a.redup]
    ['saham']
    """
    spellings = _spellings(word)
    if len(spellings) == 1:
        return _analyse(spellings[0])
    found: list[Analysis] = []
    for spelling in spellings:
        found += (a for a in _analyse(spelling) if a not in found)
    return found


def _analyse(word: str) -> list[Analysis]:
    """:func:`analyse` of a word written out (no ``2``)."""
    head, dash, tail = word.rpartition("-")
    short = head.rpartition("-")[2]
    if dash and 0 < len(short) < _CLITIC_STEM and is_clitic(tail):
        # clitics after a hyphen on a word too short for the rule to cut them off (sc-nya,
        # written so by attach): the hyphen says where the word ends
        if short != head:
            # the word reduplicated (ha-ha-nya): the pair's readings, with the clitics
            return [Analysis(word, False, False, False, False)] + [
                a._replace(right=True) for a in _analyse(head)[1:] if a.redup]
        return [Analysis(word, False, False, False, False)] + [
            Analysis(stem, False, True, False, False)
            for stem, clitic, suffix in _right(head + tail, len(head)) if clitic and not suffix]
    found = _simple(word)
    if "-" in word:
        head, _, tail = word.partition("-")
        if head and tail and "-" not in tail:
            # the affixes of a reduplicated word go round the pair: ke-kanak-kanak-an,
            # ber-komisen-komisen, komisen-komisen-nya; the prefix must suit the suffix
            for stem, clitic, suffix in _right(tail):
                for root, left, derivational in _left(head, suffix):
                    if root == stem:
                        found.append(Analysis(root, left, clitic or bool(suffix),
                                              derivational or bool(suffix), True))
            for stem, clitic, suffix in _right(tail):
                if stem == head and not suffix:
                    # a derived word reduplicated whole, clitics after the pair:
                    # keuntungan-keuntungan(nya) is keuntungan (ke-...-an on untung), twice
                    found.extend(Analysis(a.root, a.left, a.right or clitic, a.derived, True)
                                 for a in _simple(head) if a.root != head)
    return found
