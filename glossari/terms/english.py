"""English inflection, analysed by rule: plural (``-s -es -ies``, and the irregular and classical
plurals: ``children``, ``indices``, ``analyses``, ``chairmen``, ``memoranda``) and possessive
(``'s``).

Case, hyphens and spaces are the tokenizer's business (``broker-dealer`` is ``broker dealer``);
the possessive of a plural (``executives'``) leaves its apostrophe outside the word. Only the last
word of a name is inflected (``account executives``, never ``accounts executive``).

>>> sorted(analyse("agencies"))
['agenci', 'agencie', 'agencies', 'agency']
>>> analyse("executive's")
["executive's", 'executive']
>>> analyse("commissioner")
['commissioner']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from glossari.catalog.languages import primary_language
from glossari.text import APOSTROPHES

__all__ = ["analyse", "bases", "irregular_singulars", "possessor", "rules", "singular",
           "singulars", "spellings", "stems", "strip_agent", "without_determiner"]

_POSSESSIVES = tuple(f"{mark}s" for mark in APOSTROPHES)
"""The possessive endings :func:`analyse` strips (``dealer's``, after any apostrophe of
:data:`glossari.text.APOSTROPHES`)."""
_IRREGULAR = {"children": "child", "people": "person", "feet": "foot", "teeth": "tooth",
              "mice": "mouse", "geese": "goose"}
_CLASSICAL: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ices", ("ex", "ix")),   # indices, appendices, matrices
    ("eaux", ("eau",)),       # bureaux
    ("ses", ("sis",)),        # analyses, crises, hypotheses
    ("ves", ("f", "fe")),     # halves, lives
    ("men", ("man",)),        # chairmen, middlemen
    ("ae", ("a",)),           # formulae
    ("a", ("um", "on")),      # memoranda, data, criteria
    ("i", ("us",)),           # stimuli, alumni
)
"""Plurals by other rules than ``-s``, each with the singular endings it may come from: the
matcher keeps a singular only when it is the last word of a name, so ``data`` is ``datum`` only
for a glossary that has the name ``datum``."""


_SEARCHED_CLASSICAL = ("ices", "eaux", "ses", "ves", "men", "ae")
"""The classical plurals whose singular a search asks for (:func:`irregular_singulars`:
``indices``, ``bureaux``, ``analyses``, ``halves``, ``chairmen``, ``formulae``); not ``-a`` and
``-i``, which Malay words end in as often (``hari`` must not ask for ``harus``, ``bagi`` for
``bagus``, ``dana`` for ``danum``)."""


def irregular_singulars(word: str) -> list[str]:
    """The singulars of the folded ``word`` (its possessive off) as an irregular plural or a
    classical one of :data:`_SEARCHED_CLASSICAL`, on a head of three letters or more (``prices``
    is no ``prix``): what a search asks for besides the word, as :func:`analyse` reads text.

    >>> irregular_singulars("indices"), irregular_singulars("chairmen's")
    (['index', 'indix'], ['chairman'])
    >>> irregular_singulars("children"), irregular_singulars("hari"), irregular_singulars("prices")
    (['child'], [], [])
    """
    return _irregular(possessor(word), _SEARCHED_CLASSICAL, _MIN_BASE)


def _irregular(stem: str, endings: Iterable[str], shortest_head: int) -> list[str]:
    """The singulars of ``stem`` as an irregular plural (:data:`_IRREGULAR`) and as a classical
    one of ``endings`` (:data:`_CLASSICAL`) on a head of ``shortest_head`` letters or more: the
    one reading of :func:`irregular_singulars` (a search's endings, a head of three) and
    :func:`analyse` (every ending, a head of two)."""
    out = [_IRREGULAR[stem]] if stem in _IRREGULAR else []
    for ending, singular_endings in _CLASSICAL:
        head = stem[: -len(ending)]
        if ending in endings and stem.endswith(ending) and len(head) >= shortest_head:
            out.extend(head + e for e in singular_endings)
    return out


_ALL_CLASSICAL = tuple(ending for ending, _ in _CLASSICAL)


def analyse(word: str) -> list[str]:
    """The folded surface ``word`` itself first, then every word it may inflect (the matcher
    keeps those that are the last word of a name)."""
    out = [word]
    stem = possessor(word)
    if stem != word:
        out.append(stem)
    out += _irregular(stem, _ALL_CLASSICAL, 2)
    if len(stem) > 3 and stem.endswith("ies"):
        out.append(stem[:-3] + "y")
    if len(stem) > 2 and stem.endswith("es"):
        out.append(stem[:-2])
    if len(stem) > 1 and stem.endswith("s"):
        out.append(stem[:-1])
    return out


def possessor(word: str) -> str:
    """The folded ``word`` without its possessive ``'s`` (``dealer`` of ``dealer's``), or
    ``word``: the one rule for :func:`analyse` and for the roots a search asks for.

    >>> possessor("dealer's"), possessor("dealer\u2019s"), possessor("'s"), possessor("status")
    ('dealer', 'dealer', "'s", 'status')
    """
    for mark in _POSSESSIVES:
        if word.endswith(mark) and len(word) > len(mark):
            return word[: -len(mark)]
    return word


_MIN_BASE = 3
"""A base of :func:`bases` has this many letters or more (``tax``)."""

_MAX_DERIVED = 64
"""A longer word (a hash, a run of one letter) is no derivation: :func:`bases` gives none."""

_AGENTS = ("holder", "payer", "owner", "maker", "broker")
"""The agent nouns that finance writes as the second word of a compound, closed or open
(``shareholder``, ``taxpayer``, ``bond holder``): :func:`strip_agent`."""

_ENDINGS = frozenset({
    # derivational suffixes, inflected too
    "ed", "ing", "ings", "er", "ers", "or", "ors", "ee", "ees", "ion", "ions", "al", "als", "ial",
    "ic", "ics", "y", "ly", "ive", "ively", "ary", "ity", "ist", "ists", "ism", "ise", "ize",
    "ised", "ized", "ising", "izing", "ies", "ful", "ation", "ations", "ition", "itions",
    "isation", "ization", "ment", "ments", "ness", "able", "ably", "ible", "ance", "ances",
    "ence", "ences", "ancy", "ency", "ship", "ships", "less",
    # the second word of the closed compounds finance writes (taxpayer, shareholder)
    "holding", "holdings", *_AGENTS, *(agent + "s" for agent in _AGENTS),
})
"""What :func:`bases` strips: a derivational suffix, or the second word of a closed compound.
A listed ending, not any: ``portfolio`` is no ``port`` with ``-folio``, ``bankruptcy`` no
``bank``, ``taxi`` no ``tax``."""


_PREFIXES = ("in", "en", "em", "im")
"""The prefixes that make a verb or an adjective of a noun together with a suffix
(``indebted``, ``endangered``, ``empowered``): :func:`bases` strips one only with a suffix, so
``income`` and ``interest`` keep their first letters."""

_MIN_PREFIXED = 4
"""What is left of a word once :func:`bases` strips a prefix has this many letters or more
(``debt``): ``insured`` is no ``sur``."""


def bases(word: str) -> list[str]:
    """The words that the folded ``word`` may be a derivation or a closed compound of, longest
    first: each beginning of it of three letters or more that one of :data:`_ENDINGS` follows,
    also with the ``-e`` or ``-y`` such an ending drops
    (``taxation``, ``taxed``: ``tax``; ``managed``: ``manage``; ``shareholders``: ``share``;
    ``economic``: ``economy``). Lenient by design, for a check that asks whether a translation
    has a term at all, as the Malay side finds ``percukaian`` and ``pemegang saham`` as uses of
    *cukai* and *saham*; the matcher keeps those that are the last word of a name.

    >>> bases("taxed"), bases("taxi")
    (['tax', 'taxe', 'taxy'], [])
    >>> "share" in bases("shareholders"), "economy" in bases("economic")
    (True, True)
    >>> "port" in bases("portfolio"), "bank" in bases("bankruptcy"), "fund" in bases("fundamental")
    (False, False, False)

    A suffix may come with one of :data:`_PREFIXES` (``indebted``: ``debt``; not ``income``):

    >>> "debt" in bases("indebted"), "come" in bases("income"), "sur" in bases("insured")
    (True, False, False)
    """
    return _bases(word, _MIN_BASE)


def _bases(word: str, shortest: int) -> list[str]:
    """:func:`bases` of heads of ``shortest`` letters or more."""
    out: dict[str, None] = {}
    if len(word) > _MAX_DERIVED:
        return []  # three beginnings per letter, each a copy: 100 KB of one word took 15 GB
    for end in range(len(word) - 1, shortest - 1, -1):
        head, rest = word[:end], word[end:]
        if head[-1].isalpha() and rest in _ENDINGS:
            out.update(dict.fromkeys((head, head + "e", head + "y")))
            for prefix in _PREFIXES:
                if head.startswith(prefix) and len(head) - len(prefix) >= _MIN_PREFIXED:
                    out[head[len(prefix):]] = None
    return list(out)


_MIN_STEM = 4
"""A stem that :func:`stems` shares between two words has this many letters or more."""


def stems(word: str) -> list[str]:
    """What the folded ``word`` and the other words derived from its stem share: the word
    itself, and each of its :func:`bases` of four letters or more. Two words with a stem in
    common are derivations of one word (``insured`` and ``insurance``: ``insure``;
    ``depreciated`` and ``depreciation``: ``depreciate``), which the lenient checks read as one
    term, as the Malay side finds ``diinsuranskan`` and ``disusutnilaikan``.

    >>> "insure" in set(stems("insured")) & set(stems("insurance")), "debt" in stems("indebtedness")
    (True, True)
    >>> set(stems("taxi")) & set(stems("tax")), set(stems("equity")) & set(stems("equal"))
    (set(), set())
    """
    out = dict.fromkeys([word])
    for base in _bases(word, _MIN_STEM):
        out[base] = None
        out.update(dict.fromkeys(_bases(base, _MIN_STEM)))  # indebtedness: indebted, debt
    return list(out)


_PERSON_ENDINGS = ("ers", "ors", "ists", "ees", "er", "or", "ist", "ee")
"""The endings of an English noun that names a person by what they do (``investor``,
``trader``, ``economist``, ``employee``): :func:`names_a_person`."""


def names_a_person(word: str) -> bool:
    """Whether the folded ``word`` is a person's noun on a stem of four letters or more, by its
    ending (:data:`_PERSON_ENDINGS`): ``investors`` on *invest*, not ``offer`` or ``order``. A
    word sharing a stem with a name's last word (:func:`stems`) is no form of the name when it
    names a person and the name does not: ``investors`` are not *investment*, ``traders`` not
    *trading*, as Malay says *pelabur* and *pelaburan*.

    >>> names_a_person("investors"), names_a_person("insurer"), names_a_person("investment")
    (True, True, False)
    >>> names_a_person("offer"), names_a_person("order"), names_a_person("indebted")
    (False, False, False)
    """
    return any(word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM
               for ending in _PERSON_ENDINGS)


_COMPOUND_SYNONYMS = {"stock": ("share",), "share": ("stock",)}
"""Words that English agent compounds take for each other: a holder of stock is a
shareholder as often as a stockholder (*pemegang saham*, *Saham* being *Stock*)."""


def compound_words(word: str) -> frozenset[str]:
    """The first words of an English agent compound that say the folded ``word``: itself, its
    singular, and what English compounds take for it (:data:`_COMPOUND_SYNONYMS`).

    >>> sorted(compound_words("bonds")), sorted(compound_words("stock"))
    (['bond', 'bonds'], ['share', 'stock'])
    """
    out = {word, *singulars(word)}
    for each in tuple(out):
        out.update(_COMPOUND_SYNONYMS.get(each, ()))
    return frozenset(out)


def strip_agent(word: str) -> str | None:
    """The first word of the folded ``word`` as an agent compound: what is before one of
    :data:`_AGENTS` (singular or plural) that closes it (``shareholders``: ``share``, three
    letters or more), ``""`` for an agent alone (``holders``, the head of an open compound:
    ``bond holders``), None for no agent.

    >>> strip_agent("shareholders"), strip_agent("holders"), strip_agent("taxpayer")
    ('share', '', 'tax')
    >>> strip_agent("shares"), strip_agent("sholder")
    (None, None)
    """
    stem = word[:-1] if word.endswith("s") else word
    for agent in _AGENTS:
        if stem == agent:
            return ""
        if stem.endswith(agent) and len(stem) - len(agent) >= _MIN_BASE:
            return stem[: -len(agent)]
    return None


def singulars(word: str) -> list[str]:
    """The singulars a plural folded ``word`` may have, the likeliest first (``securities``:
    ``security``; ``boxes``: ``box``, ``boxe``), so that a name written in the plural is found
    in the singular and a link text's plural is undone (:func:`singular`). Words in ``-ss``,
    ``-us`` and ``-is`` are not plurals (``loss``, ``status``, ``basis``), nor words of three
    letters or fewer (``gas``). The one rule for both, and for ``glossari search``.

    >>> singulars("securities"), singulars("sales"), singulars("loss"), singulars("tax")
    (['security'], ['sale'], [], [])
    >>> singulars("status"), singulars("analysis"), singulars("businesses")
    ([], [], ['business', 'businesse'])
    >>> singulars("fees"), singulars("etfs"), singulars("news")
    (['fee'], ['etf'], [])
    """
    if (len(word) < _SHORTEST_PLURAL or not word.endswith("s") or word.endswith(_NO_PLURAL)
            or word in _SINGULAR_IN_S):
        return []
    if word.endswith("ies") and word[-4] not in _VOWELS:
        return [word[:-3] + "y"]
    out = []
    if word.endswith(_ES_PLURALS):
        out.append(word[:-2])
    out.append(word[:-1])
    return out


_SHORTEST_PLURAL = 4
"""A word of fewer letters is no plural for :func:`singulars` (``gas``, ``bus``)."""
_NO_PLURAL = ("ss", "us", "is")
"""Endings that :func:`singulars` reads as no plural (``loss``, ``status``, ``basis``)."""
_SINGULAR_IN_S = ("news", "lens", "series", "species")
"""Words in ``-s`` that :func:`singulars` reads as no plural: a singular (``news`` is no
``new``, ``lens`` no ``len``), or a plural like its singular."""
_ES_PLURALS = ("ches", "shes", "xes", "sses", "zes")
"""Plurals in ``-es`` whose singular drops the ``-es`` (``boxes``), not only the ``-s``."""
_VOWELS = "aeiou"
"""After a vowel ``-ies`` is no ``-y`` plural (:func:`singulars`)."""


def rules() -> dict[str, object]:
    """The data of :func:`analyse`, :func:`singulars` and :func:`spellings`, as JSON, for the
    site's search script (glossari/export/site/static/site.js), which applies them as these
    functions do: one home for the rule (tests/test_site_rules.py runs the script on a word
    list and compares)."""
    return {"possessives": list(_POSSESSIVES), "irregular": _IRREGULAR,
            "classical": [[ending, list(singular)] for ending, singular in _CLASSICAL],
            "shortestPlural": _SHORTEST_PLURAL, "noPlural": list(_NO_PLURAL),
            "singularInS": list(_SINGULAR_IN_S),
            "searchedClassical": list(_SEARCHED_CLASSICAL), "classicalBase": _MIN_BASE,
            "spellings": [[pattern.pattern, other] for pattern, other in _SPELLINGS],
            "shortestSpelled": _SHORTEST_SPELLED,
            "esPlurals": list(_ES_PLURALS), "vowels": _VOWELS}


def singular(word: str) -> str:
    """The likeliest singular of ``word`` as written (its case kept), or ``word`` when it is no
    plural by :func:`singulars`.

    >>> singular("Agencies"), singular("BOXES"), singular("Status"), singular("funds")
    ('Agency', 'BOX', 'Status', 'fund')
    """
    found = singulars(word.lower())
    if not found:
        return word
    if word.lower().startswith(found[0]):
        return word[: len(found[0])]
    return word[:-3] + ("Y" if word[-1].isupper() else "y")


def _both_ways(before: str, one: str, other: str, after: str) -> tuple[tuple[str, str], ...]:
    """The two rewrites of a spelling difference in one context: ``one`` to ``other`` and back,
    so that neither direction can be changed without the other."""
    return ((rf"(?<={before}){one}(?={after})", other),
            (rf"(?<={before}){other}(?={after})", one))


def _after(*stems: str) -> str:
    """A lookbehind for any of ``stems``, each of its own width (as Python's ``re`` and the
    site's script both read it)."""
    return "(?:" + "|".join(f"(?<={stem})" for stem in stems) + ")"


# the English stems each rule is narrowed to: an open rule respelled Malay words, which end as
# these endings do (paling: palling, nombor: nombour, sektor: sektour, karakter: karaktre), and
# English words with one spelling (investor, after, filing); tests/test_search.py measures the
# rules against glossari/align/words.txt and a list of common Malay words
_OUR_STEMS = ("lab", "col", "hon", "fav", "havi", "ighb", "harb", "rum", "hum", "vig", "rig",
              "deav", "savi", "flav", "vap", "^od", "tum", "arm", "parl", "val", "ranc", "clam",
              "glam", "lend", "cand", "^ard", "ferv", "mean", "succ", "^sav", "clang")
"""-our/-or: labour, colour, honour, favour, behaviour, neighbour, harbour, rumour, humour,
vigour, rigour, endeavour, saviour, flavour, vapour, odour, tumour, armour, parlour, valour,
rancour, clamour, glamour, splendour, candour, ardour, fervour, demeanour, succour, savour."""
_ISE_NOT = "".join(f"(?<!{stem})" for stem in (
    "erci", "xci", "pri", "nchi", "erti", "dvi", "ervi", "evi", "romi", "remi", "ndi", "ovi", "eci",
    "onci", "asti", "espi", "gui", "rmi", "ai", "oi", "ui", "wi", "eati", "adi"))
"""-ise/-ize: not a word English spells -ise only (exercise, excise, enterprise, franchise,
advertise, advise, supervise, revise, compromise, premise, merchandise, improvise, precise,
chastise, despise, disguise, surmise, raise, poise, cruise, otherwise, treatise, paradise)."""
_ENCE_STEMS = ("licen", "defen", "offen", "preten")
"""-ence/-ense: licence, defence, offence, pretence (an expense has one spelling)."""
_OGUE_STEMS = ("^catal", "^dial", "^anal", "^monol", "^prol", "^epil", "travel", "demag", "pedag",
               "synag")
"""-ogue/-og: catalogue, dialogue, analogue, monologue, prologue, epilogue, travelogue,
demagogue, pedagogue, synagogue (a Malay katalog is no katalogue)."""
_TRE_STEMS = ("cen", "spec", "scep", "^lus", "klus", "thea")
"""-tre/-ter: centre, spectre, sceptre, lustre, theatre (a Malay metre is a meter: no rule)."""
_LL_STEMS = ("[aeiou][^aeiou]e", "[aeiou][^aeiou]{2}e", "gna", "ota", "qua", "dia", "eda",
             "sha", "iva", "tia", "fue", "nci", "eri")
"""-ll-/-l-: a verb of two syllables or more in unstressed -el (cancel, travel, model, level,
counsel, channel, jewel), and signal, total, equal, dial, pedal, marshal, rival, initial, fuel,
pencil, stencil, peril; not a stressed -pel or excel (compelling), nor a Malay -aling (paling)."""
_LL_NOT = "(?<!pe)(?<!xce)(?<!^rebe)"


_SPELLINGS = tuple((re.compile(pattern), replacement) for pattern, replacement in (
    # British and American, each way: a name in one spelling is found in the other
    *_both_ways(r"\w{3}[iy]" + _ISE_NOT, "s", "z",
                r"(?:e|es|ed|ing|er|ers|ation|ations|able)$"),  # -ise
    *_both_ways(_after(*_OUR_STEMS), "our", "or",
                r"(?:s|ed|ing|able|ably|al|ite|ites|er|ers)?$"),  # labour
    *_both_ways(_after(*_TRE_STEMS), "tre", "ter", r"s?$"),  # centre
    *_both_ways(_after(*_ENCE_STEMS), "ce", "se", r"s?$"),  # licence, defence
    *_both_ways(_after(*_OGUE_STEMS), "ogue", "og", r"s?$"),  # catalogue
    # programme: not symmetric (`gramme` is `gram`, but a word of four letters has no variant);
    # only `-gram` takes `-me` (programme, kilogramme): a word in `-am` is as often Malay
    # (saham, dalam, malam, Islam), which has no such spelling, and `saham` asked `sahamme`
    (r"(?<=\w{3})mme(?=s?$)", "m"),
    (r"(?<=\wgram)(?=s?$)", "me"),
    *_both_ways("", "dgement", "dgment", ""),  # judgement
    *_both_ways("^advis", "er", "or", r"s?$"),  # adviser and advisor, both in use
    *_both_ways(_LL_NOT + _after(*_LL_STEMS), "ll", "l",
                r"(?:ed|ing|er|ers|or|ors)$"),  # cancelled, counsellor
    *_both_ways(r"\w[aeiou]", "l", "ll", r"ments?$"),  # instalment
))


_SHORTEST_SPELLED = 5
"""A word of fewer letters has no other spelling for :func:`spellings` (``four``, ``rise``)."""


def spellings(word: str) -> list[str]:
    """The other spellings of a name's folded ``word``, British and American each way
    (``-ise -ize``, ``-our -or``, ``-tre -ter``, ``-ence -ense``, ``-ogue -og``, ``-gramme -gram``,
    ``judgement``, ``adviser -or``, ``-ll- -l-``). Short words have none: each rule wants
    letters before the ending, and a word of four letters or fewer is left alone (``four`` is
    not ``for``, ``rise`` not ``rize``).

    >>> spellings("capitalisation"), spellings("labor"), spellings("four"), spellings("flour")
    (['capitalization'], ['labour'], [], [])
    """
    if len(word) < _SHORTEST_SPELLED:
        return []
    out: list[str] = []
    for pattern, replacement in _SPELLINGS:
        other = pattern.sub(replacement, word, count=1)
        if other != word and other not in out:
            out.append(other)
    return out


_DETERMINER = re.compile(
    r"(the|an?|its|their|his|her|our|your|my|this|that|these|those)\s+", re.IGNORECASE)

# the words a sentence puts before a name, in the languages a glossary is most often translated
# into (a catalog in another language keeps its translation whole): articles, possessives and
# demonstratives, each followed by a space, or elided before a vowel (French and Italian l')
_DETERMINERS = {
    "en": _DETERMINER,
    "fr": re.compile(r"(de\s+la|de\s+l['\u2019]|l['\u2019]|le|la|les|une?|des|du|sa|son|ses"
                     r"|leurs?|cet(?:te)?|ces?|mon|ma|mes|ton|ta|tes|notre|nos|votre|vos)"
                     r"(?:(?<=['\u2019])|\s+)", re.IGNORECASE),
    "es": re.compile(r"(el|la|los|las|unos?|unas?|su|sus|est[aeo]s?|es[aeo]s?|nuestr[ao]s?)\s+",
                     re.IGNORECASE),
    "pt": re.compile(r"(o|a|os|as|um|uma|uns|umas|seus?|suas?|est[ae]s?|ess[ae]s?|nossos?"
                     r"|nossas?)\s+", re.IGNORECASE),
    "it": re.compile(r"(l['\u2019]|il|lo|la|i|gli|le|un['\u2019]|un|uno|una|suoi|su[oae]"
                     r"|quest[aeio]|quell[aeio])(?:(?<=['\u2019])|\s+)", re.IGNORECASE),
    "de": re.compile(r"(der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|sein[e]?"
                     r"|ihr[e]?|diese[rsnm]?)\s+", re.IGNORECASE),
    "nl": re.compile(r"(de|het|een|zijn|haar|hun|deze|dit|die)\s+", re.IGNORECASE),
}


def without_determiner(name: str, lang: str = "en") -> str:
    """A name without the article, possessive or demonstrative its sentence put before it (a
    link's translation: ``[the investment](/pelaburan)``, ``[its shares](/stock)``), as a
    glossary files a name: ``investment``, ``shares``. One written with a capital is taken off
    only before a word in lower case (a sentence's start: ``The investment``), so a proper name
    keeps it (``The Edge``), and a capital ``A`` is kept (``A shares``, a class of shares).

    >>> without_determiner("the investment"), without_determiner("Its shares")
    ('investment', 'shares')
    >>> without_determiner("The Edge"), without_determiner("A shares"), without_determiner("the")
    ('The Edge', 'A shares', 'the')
    >>> without_determiner("theory"), without_determiner("an  ETF")
    ('theory', 'ETF')

    ``lang`` is the translation's language (``fr_CA`` is French): a French catalog's ``sa
    prime``, ``la prime`` and ``l'assurance`` are ``prime`` and ``assurance`` (``lesquelles`` and
    ``La Poste`` keep theirs); a language without a list keeps the name whole.

    >>> [without_determiner(n, "fr_CA") for n in ("sa prime", "l\u2019assurance", "La Poste")]
    ['prime', 'assurance', 'La Poste']
    >>> without_determiner("the investment", "ja"), without_determiner("die Aktie", "de")
    ('the investment', 'Aktie')
    """
    pattern = _DETERMINERS.get(primary_language(lang))
    stripped = name.strip()
    match = pattern.match(stripped) if pattern is not None else None
    if match is None:
        return name
    word, rest = match.group(1), stripped[match.end():]
    if not any(c.isalnum() for c in rest) or (word == "A" and pattern is _DETERMINER) or (
            not word.islower() and not rest[:1].islower()):
        return name
    return rest
