"""Term consistency (``T4xx``): the glossary's own pairs applied to every translation.

The termbase of a language is what its translators approved in the ``glossary`` catalog: each
article's headword (msgctxt = term id), translated and not fuzzy, named in Malay by its headword,
and by each of its aliases and the text of every link that resolves to it that names it
(:func:`names_the_term`: ``aliases: [penerima manfaat]``, ``[saham-saham](/stock)``; one word
alone, *pusaka*, ``[perlindungan](/takaful-benefit)``, is often a wider everyday word);
and each link to no article, by its own translated link message (msgctxt = ``/`` + target).
Link texts the source checks find suspicious (``S103``) are not terms.

- ``T401``: a translated message whose Malay uses a term needs that term's English in the
  translation. Both sides are read by :mod:`glossari.terms`: the Malay with its word formation
  (``komisen-komisennya``, ``dana-dana lindung nilai``, ``eksekutif akaunnya``), the English
  inflected (plural, possessive; case, hyphens and spaces alike; a plural headword in the
  singular too). The approved English headword or any recorded English variant of the term
  will do (``Term.names.english_variants``), and for ``Name (ACR)`` the name or the acronym
  alone. An English name inside the English of another term the Malay uses is that
  term's (``capital`` in ``capital market``, for *pasaran modal*), not a use of its own. A
  Malay name two terms share (two articles titled alike, ``S131``) is a use of the term
  :meth:`~glossari.Glossary.lookup` answers for it, as ``find_terms`` reads it; written as a
  link's whole text, of the term the link goes to (``[Margin](/margin-akaun)``: its target
  chooses, :func:`~glossari.align.resolve.resolve_link`).
- ``T402``: two different terms whose English headwords are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from glossari.align.names import link_translation_names
from glossari.align.resolve import (
    TargetIndex,
    headword_names,
    link_is_a_name,
    resolve,
    resolve_link,
    target_key,
)
from glossari.catalog.languages import primary_language
from glossari.catalog.messages import GLOSSARY_DOMAIN, link_context
from glossari.checks.catalogs import LanguageCatalogs
from glossari.checks.codes import finding
from glossari.checks.parity import strip_link_targets, unstripped_position, without_code
from glossari.diagnostics import Finding
from glossari.export.rows import language_name
from glossari.glossary import linked_target
from glossari.model import Term
from glossari.terms import Recognizer, english, fold, inflects, is_acronym, malay, words
from glossari.terms.english import compound_words
from glossari.terms.matcher import Lang
from glossari.text import APOSTROPHES, excerpt, lookup_key

__all__ = ["TermEntry", "Termbase", "another_word", "names_the_term", "shared_english",
           "termbase"]

_WORD = re.compile(r"\w+")
# A proper name: two capitalised words or more in a row (Amanah Saham Nasional Berhad)
_NAME = re.compile(rf"[A-Z][\w{APOSTROPHES}.&-]*(?:[ \u00a0]+[A-Z][\w{APOSTROPHES}.&-]*)+")
# The word right before a term (a space between, no punctuation), looked for in the _WINDOW
# characters before it: searched from the message's start, each use cost the length of the
# text before it, and a long message of many uses quadratic time
_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
_WINDOW = 100
# A Malay agent noun, pe(N)- on a verb's root (pemegang, pembayar, pemilik; not pelaburan)
_AGENT_NOUN = re.compile(r"pe(?:m|n|ng|ny|l|r|w|y)?[a-z]{3,}(?<!an)")
# What opens a Title Case heading, not a proper name: Malay's commonest function words, and a
# verb (meN-, ber-, ter-, di- on a root)
_NOT_NAME = re.compile(
    r"yang|dan|untuk|daripada|ialah|adalah|dengan|kepada|oleh|dalam|akan|telah|tidak|atau|pada"
    r"|sebagai|ini|itu|bagi|juga|boleh|lebih|kerana|jika|apabila|secara|antara|iaitu|seperti"
    r"|tersebut|ia|mereka|setiap|semua|bahawa|hanya|sahaja|masih|sudah|tetapi|namun|serta"
    r"|manakala|di|ke|dari|sebanyak|atas|bawah|(?:me|ber|ter|di)[a-z]{3,}")
_GAP = re.compile(r"[ \u00a0]+")
_HEADED = "after "
"""A compound whose head is another term (*modal saham*: ``after modal``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TermEntry:
    """One approved pair of the termbase."""

    identity: str
    """Which term it is: an article id, or ``/`` + the normalized target of a link-only term."""
    malay: str
    english: str
    """The approved English as matched: a link message's translation with its plural undone
    (``earning`` for ``earnings``), so that a name found in the singular agrees."""
    context: str
    """The msgctxt of the defining message (term id or ``/target``)."""
    path: str
    """The catalog defining it."""
    line: int
    shown: str = ""
    """The approved English as the catalog gives it, which findings name (``earnings``;
    the article its sentence put before it left off: :func:`glossari.align.links.
    link_translation_names`, as the term's headword takes it); empty: :attr:`english`."""

    @property
    def named(self) -> str:
        """The approved English as findings name it (:attr:`shown`, else :attr:`english`)."""
        return self.shown or self.english


@dataclass(frozen=True, slots=True, kw_only=True)
class Termbase:
    """The approved pairs, compiled both ways: a Malay recognizer over every pair's Malay (whose
    hits are the pairs) and an English one over every English (whose hits are term identities).
    Matching a message costs its length times the length of the longest name, whatever the size
    of the glossary."""

    entries: tuple[TermEntry, ...]
    malay: Recognizer[TermEntry] = field(repr=False)
    english: Recognizer[str] = field(repr=False)
    words: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False)
    """Each term's English words (folded, singular too), by identity: of its approved English
    and its recorded variants, and what an agent compound may take for one of them
    (:func:`glossari.terms.english.compound_words`). An English agent compound renders the
    Malay one (*pemegang bon*) when its first word is one of them (``bondholders``, not
    ``noteholders``). A term missing here has its approved English's words."""
    heads: Recognizer[str] | None = field(default=None, repr=False)
    """The head (last word) of each English compound of two words or more (not ``Cost of
    sales``), by identity: a Malay
    compound that the term heads (*kadar faedah pinjaman asas*) is said in English by a
    compound on that head (``base lending rate``, *Kadar faedah* being *Interest rate*)."""
    events: Recognizer[str] | None = field(default=None, repr=False)
    """Each English name that ends in a word for a day (``Maturity date``) without that word
    (``maturity``), by identity: after a preposition of time English says the event for its
    date (``at maturity``, ``before maturity`` for *pada*, *sebelum tarikh matang*)."""
    targets: TargetIndex | None = field(default=None, repr=False)
    """The articles' link targets (:func:`glossari.align.resolve.resolve`): a name two terms
    share written as a link's text (``[Saham](/stock)`` beside two articles titled *Saham*)
    is the term its target names, as the link resolves (:func:`~glossari.align.resolve.
    resolve_link`: when two articles answer to the text, the target chooses)."""

    def find(self, malay: str, *, kept: str = "") -> list[TermEntry]:
        """The terms whose Malay occurs in ``malay`` (longest first, each once).

        ``kept``: a translation of ``malay``. A term inside a longer proper name that it keeps
        as written (*Saham* in *Amanah Saham Nasional Berhad*) is part of that name, not a use
        of the term: names are not translated.
        """
        return [entry for entry, _ in self.uses(malay, kept=kept)]

    def uses(self, malay: str, *, kept: str = "") -> list[tuple[TermEntry, frozenset[str]]]:
        """:meth:`find`'s terms, each with the compounds every use of it is inside:
        ``agent`` after a Malay agent noun (*pemegang saham*), ``after X`` right after the
        term ``X``, the compound's head (*modal saham*)."""
        found: dict[str, tuple[TermEntry, frozenset[str]]] = {}
        source = without_code(malay)
        text = strip_link_targets(source)
        linked = self.targets is not None and "](" in source
        names = [span for span in _names(text) if kept and text[span[0]:span[1]] in kept]
        before: tuple[int, str] = (-1, "")  # where the term before ends, and which it is
        for hit in self.malay.find(text):
            if any(start <= hit.start and hit.end <= end and (start, end) != (hit.start, hit.end)
                   for start, end in names):
                continue
            if another_word(hit.text, hit.name):
                continue
            # a name two terms share (two articles titled alike, S131) is one use of one term,
            # the one lookup answers for it, as find_terms reads it (:func:`_answer_first`)
            entry = hit.keys[0]
            if linked and any(k.identity != entry.identity for k in hit.keys):
                entry = self._linked_to(source, hit.start, hit.end, hit.keys) or entry
            if entry.identity not in found and fold(entry.malay) != fold(hit.text):
                # the term by the name this message writes (`caruman`), else its plainest
                # name of that key (`caruman` for `carumannya`): the first is maybe another
                # message's link text (`caruman-caruman`), which T401 quoted, and which a
                # translator looking for it in this message would not find
                same = [k for k in hit.keys if k.identity == entry.identity]
                entry = next((k for k in same if fold(k.malay) == fold(hit.text)),
                             min(same, key=lambda k: len(k.malay)))
            compounds = _compounds(text, hit.start, hit.end, hit.name)
            if before[0] >= 0 and _GAP.fullmatch(text, before[0], hit.start):
                compounds |= {_HEADED + before[1]}  # modal saham: saham modifies modal
            before = (hit.end, entry.identity)
            if entry.identity in found:
                compounds &= found[entry.identity][1]
            found[entry.identity] = (found.get(entry.identity, (entry,))[0], compounds)
        return list(found.values())

    def _linked_to(self, source: str, start: int, end: int,
                   keys: Iterable[TermEntry]) -> TermEntry | None:
        """Of ``keys`` (the terms sharing the name found at ``start:end`` of ``source`` with its
        link targets stripped), the one whose article the target of the link written with that
        name as its whole text names (``[Saham](/stock)``: *stock*, where lookup answers the
        other *Saham*), by the rule find and termcheck read it by
        (:func:`glossari.glossary.linked_target`); None when the name is no link's whole
        text, or its target names none of them."""
        written = linked_target(source, unstripped_position(source, start),
                                unstripped_position(source, end))
        if written is None or self.targets is None:
            return None
        named = resolve(written, self.targets)
        return next((k for k in keys if k.identity == named), None)

    def english_in(self, translation: str, *, used: Iterable[str] = (),
                   shared: frozenset[tuple[str, str]] = frozenset()) -> set[str]:
        """The identities of the terms whose English occurs in ``translation``, nested ones too.

        ``used``: the identities of the terms the Malay uses. An English name inside the
        English of another of them says that other term, not its own: in ``capital market``,
        translating *pasaran modal*, there is no ``capital`` for a *modal* the Malay uses on
        its own (the Malay reads the longest name at each word, so a *modal* it finds is
        outside *pasaran modal*). But for two terms whose Malay names share words in the
        text (``shared``, :meth:`sharing`): one English compound says both (``Small Estates``
        for *Harta Pusaka Kecil*, *Harta pusaka* and *Pusaka kecil*).
        """
        text = strip_link_targets(without_code(translation))
        others = set(used)
        if len(others) < 2:
            return self.english.keys_in(text)
        hits = self.english.find_all(text)
        spans = [(hit.start, hit.end, key) for hit in hits for key in hit.keys if key in others]
        return {key for hit in hits for key in hit.keys
                if not any(start <= hit.start and hit.end <= end
                           and (start, end) != (hit.start, hit.end) and other != key
                           and (key, other) not in shared
                           for start, end, other in spans)}

    def sharing(self, malay: str) -> frozenset[tuple[str, str]]:
        """The pairs of terms (both ways) whose Malay names overlap in ``malay``, each holding
        words of the other and words of its own (*Harta Pusaka Kecil*: *Harta pusaka* and
        *Pusaka kecil*; not *modal* inside *pasaran modal*)."""
        hits = self.malay.find_all(strip_link_targets(without_code(malay)))
        out: set[tuple[str, str]] = set()
        for i, one in enumerate(hits):
            for other in hits[i + 1:]:
                if other.start >= one.end:
                    break
                if one.start < other.start and one.end < other.end:
                    out.update((a.identity, b.identity) for a in one.keys for b in other.keys)
                    out.update((b.identity, a.identity) for a in one.keys for b in other.keys)
        return frozenset(out)


def _names(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the proper names in ``text``: runs of capitalised words, less the verbs and
    function words a Title Case heading opens with (*Memahami Bank Pusat* names *Bank Pusat*).
    Two words are a name (*Berjaya Saham mencatat untung*: a company) but when they are the
    whole text, a heading (*Memahami Waran* names only *Waran*, which holds no other term)."""
    for match in _NAME.finditer(text):
        start, end = match.span()
        name_words = list(_WORD.finditer(text, start, end))
        heading = not text[:start].strip() and not text[end:].strip(" ?!.:")
        while len(name_words) > (1 if heading else 2) and _NOT_NAME.fullmatch(
                fold(name_words[0].group())):
            name_words.pop(0)
        yield name_words[0].start(), end


def another_word(found: str, name: str) -> bool:
    """Whether ``found``, a form of the Malay ``name`` that ``find`` reports, is a word Malay
    makes on the term that is no use of it for the checks (T401, and termcheck's T410 on a
    Malay source), which English says with a word of its own as often as with the term's: a
    measure (``se-``: *sesaham*, per share), having it (``ber-``: *berhutang*, owing), its
    agent (``pe(N)-``: *pewasiat*, the testator) or a verb made on it (*mewasiatkan*, to
    bequeath; *dicairkan*, liquidated; *diwarisi*, inherited:
    :func:`glossari.terms.malay.makes_a_verb`) or ``-an`` alone on it, another noun (*warisan*,
    the inheritance, on *waris*, the heir: :func:`glossari.terms.malay.makes_another_noun`).
    The term written with clitics or reduplication (*wasiatnya*, *wasiat-wasiat*) or a noun
    made on it with a prefix (*pewarisan*, *keuntungan*) stays a use.

    >>> another_word("mewasiatkan", "Wasiat"), another_word("Dicairkan", "cair")
    (True, True)
    >>> another_word("wasiat-wasiatnya", "Wasiat"), another_word("sesaham", "Saham")
    (False, True)
    >>> another_word("warisan", "Waris"), another_word("pewarisan", "Waris")
    (True, False)
    """
    if _measure(found, name) or _having(found, name) or _agent(found, name):
        return True
    written, filed = fold(found).split(), words(name, "ms")
    return bool(written and filed) and (malay.makes_a_verb(written[0], filed[0])
                                        or malay.makes_another_noun(written[0], filed[0]))


def _measure(found: str, name: str) -> bool:
    """Whether ``found``, a form of the Malay ``name``, is ``se-`` on it: one, or per, of it
    (*RM1.10 sesaham*: RM1.10 each, a share, per share), a measure that English says with
    ``each`` or ``per`` as often as with the term's English (``per share`` where *Saham* is
    *Stock*), so no use of the term for T401.

    >>> _measure("sesaham", "Saham"), _measure("saham", "Saham"), _measure("sesuatu", "Sesuatu")
    (True, False, False)
    """
    word, first = fold(found).split(maxsplit=1)[0], fold(name).split(maxsplit=1)[0]
    return word.startswith("se") and not first.startswith("se") and word[2:].startswith(first)


def _having(found: str, name: str) -> bool:
    """Whether ``found``, a form of the Malay ``name``, is ``ber-`` on it (``be-`` before an
    *r*): a verb or an adjective of having it (*berhutang*: in debt, owing; *bercukai*:
    taxable, chargeable; *berdasarkan*: based on), which English says with a word of its own
    as often as with the term's (``owes``), so no use of the term for T401.

    >>> _having("berhutang", "Hutang"), _having("berisiko", "Risiko"), _having("hutang", "Hutang")
    (True, True, False)
    >>> _having("bersih", "Bersih"), _having("dicukai", "Cukai")
    (False, False)
    """
    word, first = fold(found).split(maxsplit=1)[0], fold(name).split(maxsplit=1)[0]
    if first.startswith("be"):
        return False
    return (word.startswith("ber") and word[3:].startswith(first)) or (
        first.startswith("r") and word.startswith("be") and word[2:].startswith(first))


def _agent(found: str, name: str) -> bool:
    """Whether ``found``, a form of the Malay ``name`` (a noun), is ``pe(N)-`` on it without
    ``-an``: its agent, a person (*pewasiat* on *wasiat*: the testator, who makes a will), whom
    English names with a word of its own (``testator``), as it does a person for a term that
    names none (:func:`glossari.terms.english.names_a_person`: ``investors`` is no
    *Investment*); so no use of the term for T401. ``pe(N)-...-an`` (*pewarisan*, the
    inheritance) stays a use, and a name that itself starts so (*Penama*) is the term.

    >>> _agent("pewasiat", "Wasiat"), _agent("pewasiatnya", "Wasiat"), _agent("wasiat", "Wasiat")
    (True, True, False)
    >>> _agent("pewarisan", "Waris"), _agent("penama", "Penama"), _agent("percukaian", "Cukai")
    (False, False, False)
    """
    word, first = fold(found).split(maxsplit=1)[0], fold(name).split(maxsplit=1)[0]
    if word.startswith(first) or first.startswith("pe"):
        return False
    word = word.split("-", 1)[0]
    if word.endswith("nya"):
        word = word[:-3]
    return word.startswith("pe") and not word.startswith("per") and not word.endswith("an")


def _compounds(text: str, start: int, end: int, name: str) -> frozenset[str]:
    """The compounds that the term ``name`` found at ``text[start:end]`` is inside
    (:meth:`Termbase.uses`): ``agent`` after a Malay agent noun (*pemegang saham*);
    ``heads N`` before ``N`` words that name more of the thing (*kadar faedah pinjaman asas*,
    the base lending rate: a longer name the term heads, which Malay writes head first), not
    function words nor verbs (*kadar faedah ialah*, *kadar faedah meningkat*), nor after the
    term's own ``-nya``; ``when`` after a Malay preposition of time (*pada tarikh matang*).

    >>> sorted(_compounds("Bank menetapkan kadar faedah pinjaman asas", 16, 28, "kadar faedah"))
    ['heads 2']
    >>> sorted(_compounds("membayar pada tarikh matang.", 14, 27, "tarikh matang"))
    ['when']
    >>> _compounds("Risiko kadar faedah ialah", 7, 19, "kadar faedah")
    frozenset()
    """
    out: set[str] = set()
    before = _BEFORE.search(text, max(0, start - _WINDOW), start)
    if before is not None:
        word = fold(before.group(1))
        if _AGENT_NOUN.fullmatch(word):
            out.add("agent")
        elif word in _WHEN:
            out.add("when")
    if fold(text[start:end]).endswith("nya") and not fold(name).endswith("nya"):
        return frozenset(out)  # kadar hasilnya: the possessive closes the name
    modifiers = 0
    while modifiers < _MAX_MODIFIERS and (after := _AFTER.match(text, end)) is not None and (
            not _NOT_NAME.fullmatch(fold(after.group(1)))):
        modifiers, end = modifiers + 1, after.end()
    if modifiers:
        out.add(f"{_HEADS}{modifiers}")
    return frozenset(out)


# The words right after a term (a space between each, no punctuation)
_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")
_MAX_MODIFIERS = 4
"""The most words after a term read as naming more of the thing (a hostile message of one
long run of words costs linear time)."""
_HEADS = "heads "
"""A longer Malay name that the term heads, and how many words name more of the thing
(*kadar faedah pinjaman asas*: ``heads 2``)."""
_WHEN = frozenset({"pada", "sebelum", "selepas", "hingga", "sehingga", "sejak", "semasa",
                   "menjelang", "ketika", "sampai"})
"""Malay's prepositions of time: *pada tarikh matang* is ``at maturity`` in English."""
_CONNECTIVES = frozenset({"of", "for", "on", "in", "to", "and", "or"})
"""Words of an English name that is no compound on its last word (``Cost of sales``)."""
_DAY_WORDS = frozenset({"date", "day"})
"""The last words of an English name of a day (``Maturity date``), which English leaves out
after a preposition of time (``at maturity``)."""
_ENGLISH_WHEN = frozenset({"at", "on", "upon", "before", "after", "until", "till", "to", "by",
                           "from", "since", "of"})
"""English's prepositions of time (and ``of``: ``the proceeds of maturity``)."""


def termbase(terms: Iterable[Term], catalogs: LanguageCatalogs) -> Termbase:
    """The approved pairs of ``catalogs.lang`` (see the module documentation).

    A link resolves as everywhere else (:func:`glossari.align.resolve.resolve_link`). A link to
    an article is one more Malay name of that concept: its English is the article's approved
    headword, not the link's own translation (``hedge funds`` is a variant, inflected for its
    sentence). A link to no article defines its term by its translation, plural undone
    (:func:`glossari.align.names.english_lemma`: the approved English is never an inflection),
    and findings name that translation as the catalog gives it, as the term's headword takes it
    (:func:`glossari.align.names.link_translation_names`: ``earnings``, never ``earning``).
    """
    terms = tuple(terms)
    articles = [t for t in terms if t.kind == "article"]
    index = TargetIndex.build(articles)
    entries: list[TermEntry] = []
    approved: dict[str, TermEntry] = {}

    def add(identity: str, malay: str, context: str, *, headword: bool) -> None:
        found = catalogs.get(GLOSSARY_DOMAIN, context, malay)
        if _WORD.search(malay) is None:
            return
        if not headword and identity in approved:
            defining = approved[identity]
            entries.append(replace(defining, malay=malay))
            return
        if found is None or not found[1].translated:
            return
        catalog, entry = found
        if headword:
            english = shown = entry.msgstr.strip()
        else:  # the name, as the term's headword takes it, and its lemma
            shown, english = link_translation_names(entry.msgstr, catalogs.lang)
        if _WORD.search(english) is None:
            return
        item = TermEntry(identity=identity, malay=malay, english=english,
                         context=context, path=catalog.path, line=entry.line,
                         shown=shown if shown != english else "")
        entries.append(item)
        if headword:
            approved[identity] = item

    titles = {term.id: term.title for term in articles if term.title}
    for term in articles:
        if term.title:
            add(term.id, term.title, term.id, headword=True)
            for alias in term.names.aliases:
                if names_the_term(alias, term.title):
                    add(term.id, alias, term.id, headword=False)
    english_names = {lookup_key(e.english): e.identity for e in entries}
    for term in articles:
        for link in term.links:
            if not link.internal or not link_is_a_name(link):
                continue
            key = target_key(link.target)
            identity = (resolve_link(link, index) or english_names.get(key) or "/" + key)
            title = titles.get(identity)
            if title is None or names_the_term(link.text, title):
                add(identity, link.text, link_context(link.target), headword=False)

    malay: list[tuple[str, TermEntry]] = []
    english: list[tuple[str, str]] = []
    for item in entries:
        malay.extend((name, item) for name in headword_names(item.malay))
        english.extend((name, item.identity) for name in headword_names(item.english))
    approved_ids = {item.identity for item in entries}
    for term in articles:  # the recorded English variants (hedge funds) count as the term too
        if term.id in approved_ids:
            english.extend((variant, term.id) for variant in term.names.english_variants)
    names: dict[str, list[str]] = {}
    for name, identity in english:
        names.setdefault(identity, []).append(name)
    # an Indonesian translation forms its words as Malay does (pajaknya, perpajakan, para
    # pemegang sahamnya): read it so, not with English plurals
    side: Lang = "ms" if primary_language(catalogs.lang) == "id" else "en"
    heads: list[tuple[str, str]] = []
    events: list[tuple[str, str]] = []
    if side == "en":
        for name, identity in english:
            found = _WORD.findall(name)
            if len(found) > 1 and _CONNECTIVES.isdisjoint(map(fold, found)):
                # (Cost of sales is headed by cost, no compound's head: left out)
                heads.append((found[-1], identity))
                if fold(found[-1]) in _DAY_WORDS:
                    events.append((name[:name.rfind(found[-1])], identity))
    return Termbase(entries=tuple(entries),
                    malay=Recognizer(_answer_first(malay, terms), lang="ms"),
                    english=Recognizer(english, lang=side, acronyms_in_capitals=False,
                                       english_bases=side == "en"),
                    words={identity: _compound_words(found) for identity, found in names.items()},
                    heads=Recognizer(heads, lang="en", acronyms_in_capitals=False),
                    events=Recognizer(events, lang="en", acronyms_in_capitals=False),
                    targets=index)


def names_the_term(name: str, headword: str) -> bool:
    """Whether ``name``, a Malay name of the term headed ``headword`` other than the headword
    itself (an alias, or the text of a link to its article), names the term for the checks
    (T401, and termcheck's T410 on a Malay source): a name of two words or more
    (*penerima manfaat*), an acronym (``KWSP``), or a form of a name of the headword's own
    (``saham-saham``, ``sahamnya`` for *Saham*). One word alone else is a wider everyday word
    that the article once used for the term (*pusaka*: heritage, inherited, for *Harta
    pusaka*; ``[perlindungan](/takaful-benefit)``: protection, in *Skim Perlindungan* as
    anywhere), whose every later use is no use of the term. ``find`` still reports it.

    >>> names_the_term("penerima manfaat", "Benefisiari"), names_the_term("KWSP", "Kumpulan")
    (True, True)
    >>> names_the_term("saham-sahamnya", "Saham"), names_the_term("perlindungan", "Manfaat")
    (True, False)
    >>> names_the_term("OPR", "Kadar Semalaman (OPR)"), names_the_term("pusaka", "Harta pusaka")
    (True, False)
    """
    found = words(name, "ms")
    if len(found) != 1 or is_acronym(name, "ms"):
        return bool(found)
    return any(inflects(name, other, "ms") for other in headword_names(headword))


def _compound_words(names: Iterable[str]) -> frozenset[str]:
    """:attr:`Termbase.words` of a term of these English ``names``."""
    return frozenset(first for name in names for word in _WORD.findall(fold(name))
                     for first in compound_words(word))


def _answer_first(
    names: list[tuple[str, TermEntry]], terms: tuple[Term, ...],
) -> list[tuple[str, TermEntry]]:
    """``names`` with each name that two terms share given first to the term
    :meth:`glossari.Glossary.lookup` answers for it, as ``find_terms`` orders its names
    (:meth:`glossari.Glossary._names`): the recogniser's first key for a name is then that term.
    The glossary's lookup is built only when some name is shared."""
    from glossari.align.resolve import malay_key

    owners: dict[str, set[str]] = {}
    for name, item in names:
        owners.setdefault(malay_key(name), set()).add(item.identity)
    shared = {key for key, identities in owners.items() if len(identities) > 1}
    if not shared:
        return names
    from glossari.glossary import Glossary

    answers = Glossary(terms).lookup_index()
    first: list[tuple[str, TermEntry]] = []
    later: list[tuple[str, TermEntry]] = []
    for name, item in names:
        # keyed as Glossary._names keys a Malay name for find_terms (malay_key: `kira-kira`
        # is `kira`), so that T401 gives a shared name to the term find gives it to
        key = malay_key(name)
        (later if key in shared and answers.get(key) != item.identity else first).append(
            (name, item))
    return first + later


def missing_terms(
    base: Termbase, msgid: str, translation: str, *, context: str | None, domain: str,
) -> list[TermEntry]:
    """The terms whose Malay is in ``msgid`` but none of whose English is in ``translation``.

    A headword or link message is the definition of its term, not a use of it: skipped.

    A term inside a longer Malay compound is translated with the compound, which English may
    say otherwise than word by word: after a Malay agent noun (*pemegang saham*, *pembayar
    cukai*), by an English agent compound, closed or open (``shareholders``, ``taxpayers``,
    ``bond holders``: :func:`glossari.terms.english.strip_agent`), whose first word says the
    term (:attr:`Termbase.words`: ``share`` too where *Saham* is *Stock*, not ``note`` where
    *Bon* is *Bond*); after another term, the compound's
    head (*modal saham*), by a compound on that term's English (``share capital``, *Modal*
    being *Capital*). Every use of the term in ``msgid`` must be so. A word after the term
    tells no compound of its own (*kos jualan syarikat* is the company's cost of sales), but
    words after it that name more of the thing make a longer name the term heads, said by an
    English compound on the head of the term's English (``base lending rate`` for *kadar
    faedah pinjaman asas*: :func:`_said_after`); and a day after a Malay preposition of time,
    by its event (``at maturity`` for *pada tarikh matang*).
    """
    if domain == GLOSSARY_DOMAIN and context is not None:
        return []
    used = base.uses(msgid, kept=translation)
    if not used:
        return []
    identities = [entry.identity for entry, _ in used]
    present = base.english_in(translation, used=identities,
                              shared=base.sharing(msgid) if len(identities) > 1 else frozenset())
    folded: str | None = None
    missing = []
    for entry, compounds in used:
        if entry.identity in present:
            continue
        if any(c.startswith(_HEADED) and c[len(_HEADED):] in present for c in compounds):
            continue
        if "agent" in compounds:
            if folded is None:
                folded = fold(strip_link_targets(translation))
            words = base.words.get(entry.identity) or _compound_words(
                headword_names(entry.english))
            if _has_agent_compound(folded, words):
                continue
        heads = [int(c[len(_HEADS):]) for c in compounds if c.startswith(_HEADS)]
        if heads and _said_after(base.heads, entry.identity, translation, heads[0]):
            continue  # base lending rate for kadar faedah pinjaman asas
        if "when" in compounds and _said_after(base.events, entry.identity, translation):
            continue  # at maturity for pada tarikh matang
        missing.append(entry)
    return missing


_NOT_IN_A_PHRASE = re.compile(rf"[^\w \u00a0{APOSTROPHES}-]")
"""What ends the words right before a name (:func:`_said_after`): punctuation."""


def _said_after(names: Recognizer[str] | None, identity: str, translation: str,
                modifiers: int = 0) -> bool:
    """Whether ``translation`` holds one of ``names`` of the term ``identity`` right after
    what says the rest of it: its English head (:attr:`Termbase.heads`) after one to
    ``modifiers`` words (the Malay's after the term) that are no function words
    (``base lending rate`` for *kadar faedah pinjaman asas*; ``crude palm oil forward
    contracts`` for *kontrak niaga hadapan minyak sawit mentah* has a word more, the one
    put for *niaga hadapan*); or, without ``modifiers``, its event (:attr:`Termbase.events`)
    after a preposition of time (``at maturity``)."""
    if names is None:
        return False
    text = strip_link_targets(without_code(translation))
    for hit in names.find_all(text):
        if identity not in hit.keys:
            continue
        phrase = _NOT_IN_A_PHRASE.split(text[max(0, hit.start - 200):hit.start])[-1]
        before = [fold(w) for w in _WORD.findall(phrase)]
        if not modifiers:
            if before and before[-1] in _ENGLISH_WHEN:
                return True
            continue
        count = 0
        for word in reversed(before):
            if word in _FUNCTION_WORDS:
                break
            count += 1
        if 1 <= count <= modifiers:
            return True
    return False


_DETERMINERS = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these",
    "those", "all", "any", "some", "each", "every", "no", "of", "and", "or", "to", "for", "by",
    "with", "from", "as", "at", "in", "on",
})
"""What an open compound's first word cannot be (``the owners`` is no compound)."""


_FUNCTION_WORDS = _DETERMINERS | frozenset({
    "when", "if", "while", "than", "that", "which", "who", "where", "because", "so", "but",
    "not", "also", "only", "is", "are", "was", "were", "be", "been", "being", "have", "has",
    "had", "do", "does", "did", "can", "could", "will", "would", "may", "might", "must",
    "should", "shall", "into", "about", "between", "under", "over", "such", "more",
    "most", "less", "other", "both", "either", "neither", "what", "how", "why",
})
"""English words that modify no noun in a compound (``when rates rise`` is no compound on
*rate*; ``base lending rate`` is)."""

def _has_agent_compound(translation: str, words: frozenset[str]) -> bool:
    """Whether the folded ``translation`` holds an English agent compound on one of ``words``
    (a term's: :attr:`Termbase.words`): closed (``bondholders``), or open (``sukuk holders``;
    never after a determiner: ``the owners``): :func:`glossari.terms.english.strip_agent`.
    ``noteholders`` is no compound on *Bond*."""
    found = _WORD.findall(translation)
    for i, word in enumerate(found):
        first = english.strip_agent(word)
        if first == "" and i and found[i - 1] not in _DETERMINERS:
            first = found[i - 1]
        if first and not words.isdisjoint(compound_words(first)):
            return True
    return False


def consistency_finding(
    term: TermEntry, *, path: str, line: int, lang: str, owner: str | None
) -> Finding:
    """T401 for one missing term (the approved translation named by its language: French)."""
    return finding(
        "T401", path=path, line=line, lang=lang, term=owner,
        message=f"the Malay uses the term '{excerpt(term.malay)}', but the translation lacks its "
        f"approved {language_name(lang)} '{excerpt(term.named)}' ({term.path}:{term.line})",
    )


def shared_english(base: Termbase, lang: str) -> Iterator[Finding]:
    """T402: each term after the first that shares an English headword with another term."""
    first: dict[str, TermEntry] = {}
    seen: set[tuple[str, str, int]] = set()
    for entry in sorted(base.entries, key=lambda e: (e.path, e.line)):
        if (entry.identity, entry.path, entry.line) in seen:
            continue  # the same definition, reached through another Malay name
        seen.add((entry.identity, entry.path, entry.line))
        key = lookup_key(entry.english)
        if not key:
            continue
        other = first.setdefault(key, entry)
        if other.identity == entry.identity:
            continue
        yield finding(
            "T402", path=entry.path, line=entry.line, lang=lang,
            term=entry.identity if not entry.identity.startswith("/") else None,
            message=f"'{excerpt(entry.malay)}' ({entry.context}) has the {language_name(lang)} "
            f"'{excerpt(entry.named)}', like '{excerpt(other.malay)}' ({other.context}, line "
            f"{other.line}); give "
            f"each term its own {language_name(lang)}, or make them one term",
        )
