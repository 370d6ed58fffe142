"""The :class:`Glossary` collection and :func:`load_glossary`."""

from __future__ import annotations

import contextlib
import gc
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, Self

from glossari.diagnostics import Finding
from glossari.errors import InputError
from glossari.model import Term
from glossari.root import GlossaryRoot, resolve_root
from glossari.text import (
    APOSTROPHES,
    excerpt,
    headword_order,
    lookup_key,
    marked_key,
    quoted,
)

if TYPE_CHECKING:
    from glossari.align.links import LinkRef
    from glossari.catalog.translations import Translations
    from glossari.termbase import LinkRow, SearchHit, Termbase
    from glossari.termbase.inputs import Input
    from glossari.terms import Recognizer

__all__ = [
    "Glossary",
    "TermMatch",
    "TermbaseBuild",
    "TermbaseWarning",
    "compile_termbase",
    "load_glossary",
    "term_names",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class TermMatch:
    """A glossary term found in a text by :meth:`Glossary.find_terms`.

    >>> import glossari
    >>> [match] = glossari.load().find_terms("Dua eksekutif-eksekutif akaun.")
    >>> match.start, match.end, match.text, match.form, match.term.id
    (4, 29, 'eksekutif-eksekutif akaun', 'Eksekutif akaun', 'accountexecutive')
    """

    start: int
    """Offset of the match's first character in the text."""
    end: int
    """Offset just past its last character (``text[start:end]`` is :attr:`text`)."""
    term: Term
    """The term whose name it is."""
    form: str
    """The name of the term that matched, as the glossary writes it (``Komisen``)."""
    text: str
    """The words as the text writes them (``komisen-komisennya``)."""


def term_names(term: Term, lang: Literal["ms", "en"] = "ms", *,
               translation: bool = False) -> list[str]:
    """Every name of ``term`` that running text in ``lang`` may use, preferred first.

    Malay: the headword, a headword ``Name (ACR)`` also as ``Name``, the aliases, the acronyms
    (written alike in both languages: ``FINRA``) and the trusted link texts (``Term.names``);
    an English headword that is itself an acronym. English: the approved headword (and its
    ``Name``), the acronyms and the recorded English variants. Slugs are addresses, not words.

    ``translation=True``: the names a translation *into* ``lang`` must use (``termcheck``). An
    acronym that only the other language's headword gives is left out when ``lang``'s headword
    gives its own: ``GDP`` left in a Malay translation is no Malay for *Keluaran Dalam Negara
    Kasar (KDNK)*, though a reader meets it in Malay text.

    >>> from glossari.model import English, Location, Names
    >>> t = Term(id="finra", title="Pihak Berkuasa Kawal Selia (FINRA)",
    ...          english=English(title="Financial Industry Regulatory Authority (FINRA)"),
    ...          names=Names(acronyms=("FINRA",), link_texts=("FINRA",)),
    ...          source=Location(path="seeds/finra.md", line=1))
    >>> term_names(t)
    ['Pihak Berkuasa Kawal Selia (FINRA)', 'Pihak Berkuasa Kawal Selia', 'FINRA']
    >>> term_names(t, "en")[1:]
    ['Financial Industry Regulatory Authority', 'FINRA']
    """
    from glossari.align.resolve import acronym_forms, headword_acronyms, headword_names
    from glossari.terms import is_acronym

    headword = term.title if lang == "ms" else term.english.title
    names: list[str] = []
    if headword and headword.strip():
        # Name (ACR) by the acronym rule links resolve by (REITs, E.T.F. too); a gloss is no
        # name: Akaun (simpanan) is not Akaun
        names.extend(headword_names(headword))
    acronyms = term.names.acronyms
    own = headword_acronyms(headword)
    if translation and own:
        foreign = headword_acronyms(term.english.title if lang == "ms" else term.title)
        acronyms = tuple(a for a in acronyms if a in own or a not in foreign)
    if lang == "ms":
        english = (term.english.title or "").strip()
        # an acronym names the same thing in both languages (FINRA, R&D, P/E): by the
        # recogniser's rule of what an acronym is
        if is_acronym(english) and not (translation and own):
            names.append(english)
        names.extend(term.names.aliases)
        names.extend(acronyms)
        names.extend(term.names.link_texts)
    else:
        names.extend(acronyms)
        names.extend(term.names.english_variants)
    # an acronym written in the plural (REITs) is its singular too: Malay has no -s
    return [n for n in acronym_forms(names) if n.strip()]


def _may_be_target(text: str) -> bool:
    """Whether ``text`` may be written as a link target: no target is written without a ``/``,
    ``#`` or ``.`` (looks_like_target's rule), so a plain name skips reading one."""
    return any(mark in text for mark in "/#.")


def _name_keys(text: str) -> Iterator[str]:
    """The keys :meth:`Glossary.lookup` tries for a name, in turn: the name as written
    (:func:`~glossari.text.lookup_key`), its Malay reduplication folded (``Syarikat-syarikat
    induk``), then the same for the name without the possessive ``-nya`` (``deduktibelnya``,
    ``NST-nya``: :func:`glossari.terms.without_possessive`), which a link text only adding
    it to a name is read by too (:meth:`glossari.align.resolve.TargetIndex.by_text`). A name
    joined by ``/`` or ``&`` is asked by its key with the mark first
    (:func:`~glossari.text.marked_key`): ``P/E`` is the term named *P/E*, not *P&E*."""
    marked = marked_key(text)
    if marked is not None:
        yield marked
    yield lookup_key(text)
    if "-" in text or "\u2010" in text or "\u2011" in text:  # any hyphen find joins words by
        from glossari.align.resolve import malay_key

        yield malay_key(text)
    from glossari.terms import without_possessive

    plain = without_possessive(text)
    if plain is not None:
        yield from _name_keys(plain)
    if "2" in text:
        # reduplication in the informal notation, as find reads it (saham2, komisen2nya)
        from glossari.terms import fold, malay

        spelled = _TWO_WORD.sub(lambda m: malay.written_out(fold(m.group())), text)
        if spelled != text:
            yield from _name_keys(spelled)


def _has_name(term: Term, key: str, lang: Literal["ms", "en"]) -> bool:
    """Whether ``term`` has a name in ``lang``, as find reads names (:func:`term_names`), that
    ``key`` is a key of (:func:`_name_keys`). The names it holds as written are asked first, a
    part of term_names' that needs no alignment rules: their import cost an inflected lookup
    0.12 s and 4 MB."""
    names = term.names
    written = ((term.title, *names.aliases, *names.link_texts, *names.acronyms) if lang == "ms"
               else (term.english.title, *names.english_variants, *names.acronyms))
    return (any(key in _name_keys(name) for name in written if name)
            or any(key in _name_keys(name) for name in term_names(term, lang)))


_LINK_TARGET = re.compile(r"\]\([ \t]*<?([^\s()<>]+)")
"""A Markdown link's target right after its text's ``]`` (:func:`linked_target`)."""

_AROUND = "*_ \t"
"""What may stand between a link's brackets and the name that is its whole text: emphasis
marks, and spaces, which CommonMark leaves out of the text (``[ Saham ](/stock)`` shows
*Saham*)."""


def linked_target(text: str, start: int, end: int) -> str | None:
    """The target, as written, of the Markdown link whose whole text, emphasis marks and spaces
    aside, is ``text[start:end]`` (``/stock`` for ``Saham`` in ``Lihat [**Saham**](/stock).``
    or ``[ Saham ](/stock)``), else None:
    the one rule by which a name two terms share, written as a link's text, is the term the
    link goes to, for :meth:`Glossary.find` and ``termcheck`` alike (the link's target
    chooses, as the link resolves).

    >>> text = "Lihat [**Saham**](/stock) dan [saham biasa](/common)."
    >>> linked_target(text, 9, 14), linked_target(text, 31, 36)
    ('/stock', None)
    """
    if "](" not in text:
        return None
    head, tail = text[max(0, start - 8):start], text[end:end + 8]
    before = start - (len(head) - len(head.rstrip(_AROUND)))
    if before == 0 or text[before - 1] != "[":
        return None
    written = _LINK_TARGET.match(text, end + len(tail) - len(tail.lstrip(_AROUND)))
    return None if written is None else written.group(1)


_TWO_WORD = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}][^\W\d_]+)*[{APOSTROPHES}]?2[^\W\d_]*")
"""A word written with the ``2`` of reduplication (``saham2``, ``komisen2nya``; after an
apostrophe or with one inside, ``tabarru\u20192``, ``qur'an2``: :func:`malay.written_out`)."""


def _require_name(text: object) -> None:
    # a lookup's slow path only: a name as written is found without it
    if not isinstance(text, str):
        raise TypeError(f"lookup takes a name (a str), not {type(text).__name__}")



def _add(by_id: dict[str, Term], term: object) -> None:
    """``term`` into ``by_id``, the one term of its id: ``Glossary([kos, kos_lain])`` counted two
    terms, ``g["kos"]`` gave the one and ``g.lookup("kos")`` the other."""
    if not isinstance(term, Term):
        raise TypeError(f"a Glossary is made of Terms, not {type(term).__name__}")
    first = by_id.get(term.id)
    by_id[term.id] = term
    if first is not None:  # another, or the same one given twice (counted twice by len)
        from glossari.errors import SeedError

        raise SeedError(f"a second term with the id {quoted(term.id)} (the first: {first.source})",
                        path=term.source.path, line=term.source.line,
                        hint="give each term its own id")


def _holds(glossary: Glossary, term: Term) -> bool:
    """Whether ``glossary``'s term under ``term.id`` is ``term`` (equal to it: a glossary read
    from a termbase gives equal terms, not always the same objects)."""
    try:
        own = glossary[term.id]
    except KeyError:
        return False
    return own is term or own == term


def _malay_side(lang: str | None) -> str | None:
    """``ms`` for Malay written with a region (``ms_MY``, ``ms_BN``), as ``glossari search -l``
    and ``find -l`` read it (:func:`glossari.catalog.languages.side_language`); any other value
    as it is, for the caller to judge. Malay in another script (``ms_Arab``, Jawi) is no Malay
    the glossary's names, in Latin script, are written in: it was read as ``ms``.

    >>> _malay_side("ms_MY"), _malay_side("ms_Arab"), _malay_side("en")
    ('ms', 'ms_Arab', 'en')
    """
    if not (isinstance(lang, str) and lang.startswith("ms_")):
        return lang
    from glossari.catalog.languages import other_script  # the one rule of -l's scripts

    return "ms" if other_script(lang) is None else lang

class Glossary:
    """The terms of one glossary, in Malay alphabetical order.

    Read-only attributes: :attr:`root`, :attr:`lang`, :attr:`translations`,
    :attr:`findings`. They are what every answer of the glossary was made from, so none of them
    can be set afterwards (a reassigned ``root`` or ``lang`` left the terms, their English sides
    and the termbase answering for the old ones); build another glossary instead.

    One glossary may be shared by threads. :meth:`close`, or ``with glossari.load() as g:``,
    releases the compiled termbase it reads. A glossary read from the termbase follows
    ``glossari compile`` (a term or lookup already answered is kept until the glossary next
    reads the file: docs/termbase.md), and pickles as its folder and language, so that another
    process (multiprocessing's spawn) opens the termbase itself.

    >>> from glossari.model import Location, Term
    >>> g = Glossary([Term(id="b", title="Bon", source=Location(path="b.md", line=1)),
    ...               Term(id="a", title="Ákaun", source=Location(path="a.md", line=1))])
    >>> [t.id for t in g], len(g), g["b"].title, g.lookup("AKAUN").id
    (['a', 'b'], 2, 'Bon', 'a')
    """

    __slots__ = ("__weakref__", "_by_id", "_exact", "_findings", "_graph", "_index", "_lang",
                 "_order", "_recognizers", "_root", "_search", "_targets", "_translations")

    def __init__(
        self,
        terms: Iterable[Term],
        *,
        root: GlossaryRoot | None = None,
        lang: str | None = None,
        findings: Iterable[Finding] = (),
        links: Iterable[LinkRef] | None = None,
        translations: Translations | None = None,
    ) -> None:
        terms = tuple(terms)
        self._by_id: dict[str, Term] = {}
        for term in terms:
            _add(self._by_id, term)
        self._order: tuple[Term, ...] = tuple(
            sorted(terms, key=lambda t: headword_order(t.title, t.id))
        )
        self._index: dict[str, Term] = {}
        # Later keys never override earlier ones: an id wins over a headword, a Malay name over
        # an English one, so a lookup never lands on a surprising term. Every name a link
        # accepts is here (docs/concepts.md), in the order links resolve by.
        from glossari.align.resolve import acronym_forms, headword_names, malay_key

        keyed: list[tuple[str, str]] = []
        # within a rank, a name two terms share goes to the first in id order, as links resolve
        # it (docs/concepts.md) and as check's S104 says: Malay order gave `show`, `find` and
        # the termbase another term than the links
        by_id = sorted(self._order, key=lambda t: t.id)
        for keys in (
            ((t.id, t) for t in by_id),
            ((t.title, t) for t in by_id if t.title),
            ((a, t) for t in by_id for a in t.names.aliases),
            ((a, t) for t in by_id for a in acronym_forms(t.names.acronyms)),
            ((s, t) for t in by_id for s in t.names.slugs),
            ((x, t) for t in by_id for x in t.names.link_texts),
            # `Name (ACR)` is also `Name`, in either language, as find_terms reads it
            ((n, t) for t in by_id if t.title for n in headword_names(t.title)[1:]),
            ((t.english.title, t) for t in by_id if t.english.title),
            ((n, t) for t in by_id if t.english.title
             for n in headword_names(t.english.title)[1:]),
            ((v, t) for t in by_id for v in t.names.english_variants),
        ):
            for text, term in keys:
                key = lookup_key(text)
                if key:  # a name of no letter or digit (`—`, `***`) tells no term apart
                    self._index.setdefault(key, term)
                    # a name joined by / or & is also its key with the mark (marked_key), asked
                    # first: P/E and P&E share the key `pe`, and `show P/E` gave P&E's term
                    # while find gave P/E's
                    marked = marked_key(text)
                    if marked is not None:
                        self._index.setdefault(marked, term)
                    keyed.append((text, marked or key))
        # A Malay name written reduplicated is also its singular, as links and find_terms read
        # it: the link-only term of [syarikat-syarikat induk](/parent-company) is `syarikat
        # induk` too. Last, so that it gives only keys no name as written has.
        for term in by_id:
            for name in (term.title, *term.names.aliases, *term.names.link_texts):
                if name and "-" in name and (key := malay_key(name)):
                    self._index.setdefault(key, term)
        # A Malay name written with the possessive -nya is also the name without it, as find
        # reads it (glossari.terms.without_possessive, the recogniser's rule): a link-only
        # term whose one link text is [pelaburannya](/investment) is found by `find
        # pelaburan`, and lookup('pelaburan') said "no term"; after every other key, so a
        # term named `pelaburan` keeps it
        from glossari.terms import without_possessive

        for term in by_id:
            for name in (term.title, *term.names.aliases, *term.names.link_texts):
                plain = without_possessive(name) if name else None
                if plain is not None:
                    for key in {lookup_key(plain), malay_key(plain), marked_key(plain) or ""}:
                        if key:
                            self._index.setdefault(key, term)
        # The texts exactly as written, each to what its normalised key finds: a lookup by a
        # headword as spelled skips normalising it (the costly part), with the same answer.
        self._exact: dict[str, Term] = {text: self._index[key] for text, key in keyed}
        self._root = root
        self._lang = lang
        self._findings: tuple[Finding, ...] = tuple(findings) + tuple(
            f for t in self._order for f in t.findings
        )
        # the links as composing resolved them (load_glossary), else resolved when first asked
        self._graph: _Graph | None = None if links is None else _graph(tuple(links))
        self._recognizers: dict[str, Recognizer[str]] = {}
        self._search: Termbase | None = None
        self._targets: dict[str, str] | None = None
        self._translations = translations

    @property
    def root(self) -> GlossaryRoot | None:
        """The folder the glossary was loaded from (None when built in memory)."""
        return self._root

    @property
    def lang(self) -> str | None:
        """The language of each term's English side (``en``), or None when built from terms."""
        return self._lang

    @property
    def translations(self) -> Translations | None:
        """The ``lang`` catalogs the English sides came from (given by :func:`load_glossary`),
        so that ``check`` reads them once, not twice; None when read from the compiled
        termbase or built from terms."""
        return self._translations

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Warnings from reading the glossary (the glossary's, then each term's own)."""
        return self._findings

    def headers(self) -> Iterator[Term]:
        """Every term, in order, for a reader that needs no article body (a table): from a
        compiled termbase, each term's ``sections`` and ``highlights`` (and its English side's)
        are left empty, which is several times cheaper; otherwise the terms themselves."""
        return iter(self)

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._order)

    def __contains__(self, item: object) -> bool:
        """Whether ``item``, a term id or a :class:`Term`, is in the glossary: an id has its
        term, a term is the glossary's own under its id (as iteration gives it: ``term in g``
        was False for every term of ``g``, which ``[t for t in terms if t in g]`` dropped).

        >>> from glossari.model import Location, Term
        >>> bon = Term(id="bon", title="Bon", source=Location(path="bon.md", line=1))
        >>> g = Glossary([bon])
        >>> "bon" in g, bon in g, all(term in g for term in g), "Bon" in g
        (True, True, True, False)
        """
        if isinstance(item, Term):
            return _holds(self, item)
        # a str only, as a compiled glossary answers: ``[] in g`` raised "unhashable type"
        # from a glossary read from its sources and was False from a compiled one
        return isinstance(item, str) and item in self._by_id

    def __getitem__(self, term_id: str) -> Term:
        """The term with this exact id; ``KeyError`` otherwise."""
        return self._by_id[term_id]

    def __repr__(self) -> str:
        where = f" from {self.root.path}" if self.root else ""
        return f"<Glossary of {len(self)} terms{where}>"

    def close(self) -> None:
        """Release what the glossary holds open: the compiled termbase it reads (its file and
        connections), or the search index built in memory for :meth:`search`. A glossary read
        from its sources keeps answering (a search builds its index again); one read from a
        termbase raises :class:`ValueError` on any question that needs the file. ``with
        glossari.load() as glossary:`` closes it at the end of the block. Closing twice is
        harmless; dropping the last reference to a glossary closes it too."""
        if self._search is not None:
            self._search.close()
            self._search = None

    def __getstate__(self) -> object:
        # the search index built in memory is an SQLite connection, which no pickle holds
        # ("cannot pickle 'sqlite3.Connection'" once the glossary had searched): the other
        # process builds its own on its first search
        state: tuple[None, dict[str, object]] = super().__getstate__()  # type: ignore[assignment]
        return state[0], {**state[1], "_search": None}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, text: str) -> Term:
        """Find a term by any of its names: id, Malay headword, alias, acronym, link target
        (slug), link text, English headword, English variant (:class:`~glossari.model.Names`).

        Case, spacing, hyphens, punctuation, accents and Malay reduplication (the plural) are
        ignored, and so is the possessive ``-nya`` a link text may add to a name
        (``deduktibelnya``, ``NST-nya``), as is the ``-nya`` a name was written with
        (``pelaburan`` finds the link-only term *pelaburannya*, as find reads it). Last, a name
        with an inflection find reads on a word's end is the name it inflects
        (:func:`glossari.terms.end_bases`, fewer letters taken off first, Malay first): a
        clitic (``sahamlah``, ``SC-nya``, ``KWSP-nyalah``), an English plural or possessive
        (``Broker-dealers``, ``stocks``, ``EPF's``); a derivation is a word of its own
        (``percukaian`` is no *cukai*). A name that joins its words with ``/`` or ``&`` is the
        term named with that mark (``P/E``, not the *P&E* whose key is also ``pe``:
        :func:`~glossari.text.marked_key`). Raises ``KeyError`` whose message suggests the
        closest headwords.

        >>> import glossari
        >>> g = glossari.load()
        >>> [g.lookup(name).id for name in ("Eksekutif-eksekutif akaun", "/finra",
        ...                                 "account executive")]
        ['accountexecutive', 'finra', 'accountexecutive']
        >>> g.lookup("eksekutif akuan")
        Traceback (most recent call last):
        ...
        KeyError: "no term 'eksekutif akuan' in the glossary; did you mean 'Eksekutif akaun'?"
        """
        term = self._by_id.get(text)
        if term is not None:
            return term
        term = self._exact.get(text)
        # a text written as a link target is read as one first (below), as the termbase reads
        # it: an English headword '/0' of one term is the target of another
        if term is not None and not _may_be_target(text):
            return term
        _require_name(text)
        term_id = self._target(text)
        if term_id is not None:
            return self[term_id]
        for key in _name_keys(text):
            term = self._index.get(key)
            if term is not None:
                return term
        term = self._inflected(text, self._index.get)
        if term is not None:
            return term
        raise self._miss(text, lookup_key(text), self._index, lambda k: self._index[k])

    @staticmethod
    def _inflected(text: str, by_key: Callable[[str], Term | None]) -> Term | None:
        """The term of the first name ``text`` may be a form of, Malay first, then English
        (:func:`glossari.terms.end_bases`: ``sahamlah``, ``SC-nya``, ``Broker-dealers``),
        asked by its keys as a name is (:func:`_name_keys`), whose term has that name in that
        language, as find reads the two apart (``kos jualan's`` is no English possessive of
        the Malay *Kos jualan*); None when none is. Only a few key look-ups, not the
        recogniser of every name: a miss at 30,000 articles stays 0.1 s."""
        from glossari.terms import end_bases

        asked = set(_name_keys(text))
        for lang in ("ms", "en"):
            tried = set(asked)
            for base in end_bases(text, lang):
                for key in _name_keys(base):
                    if key in tried:
                        continue
                    tried.add(key)
                    term = by_key(key)
                    if term is not None and _has_name(term, key, lang):
                        return term
        return None

    def _target(self, text: str) -> str | None:
        """The id of the term a link with the target ``text`` goes to (``/stock``,
        ``Bond.md``, ``../broker-dealer#bahagian``), when ``text`` is written as a link target;
        else None. A name written as a slug is read as links read their targets: a slug learned
        from the Malay side before an alias, an exact page suffix or fragment dropped."""
        if not _may_be_target(text):
            # a plain name must not import the alignment package: 18 ms on a first lookup
            return None
        from glossari.align.resolve import looks_like_target, target_key

        return self._target_id(target_key(text)) if looks_like_target(text) else None

    def _target_id(self, key: str) -> str | None:
        return self.target_index().get(key)

    def target_index(self) -> dict[str, str]:
        """Every link target key (:func:`~glossari.align.resolve.target_key`) to the id of the
        term a link with that target goes to when its text names no article: what
        :meth:`lookup` answers for a text written as a link target (the compiled termbase's
        ``targets`` table)."""
        if self._targets is None:
            from glossari.align.resolve import target_answers

            self._targets = target_answers(self.headers())
        return self._targets

    @staticmethod
    def _miss(text: str, key: str, keys: Iterable[str],
              term_for: Callable[[str], Term]) -> KeyError:
        import difflib  # only after a miss: loading need not pay for it

        close = difflib.get_close_matches(key, keys, n=3, cutoff=0.6)
        names = sorted({term_for(k).title or term_for(k).id for k in close})
        hint = f"; did you mean {', '.join(quoted(n) for n in names)}?" if names else ""
        # a pasted page is named by its start: the message is one line, not the page again
        return KeyError(f"no term {quoted(excerpt(text, 80))} in the glossary{hint}")

    def lookup_index(self) -> dict[str, str]:
        """Every normalised name (:func:`~glossari.text.lookup_key`) to the id of the term
        :meth:`lookup` finds by it."""
        return {key: term.id for key, term in self._index.items()}

    def namesakes(self, term: Term) -> tuple[str, ...]:
        """The ids of the other articles whose Malay headword is ``term``'s (check's S131):
        :meth:`lookup` by that headword answers one of them, and a reader should know of the
        others."""
        if not term.title or term.kind != "article":
            return ()
        key = lookup_key(term.title)
        return tuple(t.id for t in self._order
                     if t.id != term.id and t.kind == "article" and t.title
                     and lookup_key(t.title) == key)

    @property
    def coverage_source(self) -> Translations | None:
        """The catalogs the English sides came from (for their counts), or None."""
        return self.translations

    def search(self, query: str, lang: str | None = None, limit: int = 20) -> list[SearchHit]:
        """Full-text search over headwords, names, definitions, categories and body text.

        Words match as prefixes, case and accents ignored; ``lang`` (``ms``, or Malay with a
        region such as ``ms_MY``, or the glossary's ``lang``) limits the hits to one language.
        At most ``limit`` hits, one per term, ranked: headwords first, then the other fields,
        then bm25 (see docs/termbase.md). A glossary read
        in memory builds the same index in memory on its first search, so the answers are the
        same as from the compiled termbase. Another ``lang`` (``EN``, ``xx``) or a negative
        ``limit`` raises :class:`~glossari.errors.InputError` (a
        :class:`~glossari.errors.GlossariError` and a :class:`ValueError`) naming the argument.
        A word given twice counts once; more than
        :data:`~glossari.termbase.search.MAX_WORDS` different words raise
        :class:`~glossari.termbase.search.QueryError` (an :class:`~glossari.errors.InputError`,
        so a :class:`~glossari.errors.GlossariError` and a :class:`ValueError`). A ``query``
        that is not a ``str``, or a ``limit`` that is not an ``int``, raises :class:`TypeError`.

        >>> import glossari
        >>> [(hit.id, hit.field, hit.lang) for hit in glossari.load().search("ÉKSEK", lang="ms")]
        [('accountexecutive', 'headword', 'ms')]
        """
        if not isinstance(query, str):
            raise TypeError(f"search takes a query (a str), not {type(query).__name__}")
        if not isinstance(limit, int) or isinstance(limit, bool):
            raise TypeError(f"search's limit is an int, not {type(limit).__name__}")
        if lang is not None and not isinstance(lang, str):
            raise TypeError(f"search's lang is a str or None, not {type(lang).__name__}")
        lang = _malay_side(lang)
        if lang is not None and lang not in ("ms", self.lang):
            own = "none" if self.lang is None else quoted(self.lang)
            raise InputError(f"search reads Malay ('ms') or this glossary's translation "
                             f"({own}), not {quoted(lang)}", path="lang",
                             hint=f"give 'ms', {own} or None (both)")
        if limit < 0:
            raise InputError(f"must be 0 or more, not {limit}", path="limit")
        limit = min(limit, 1 << 31)  # more hits than any glossary holds terms; SQLite's ints end
        search = self._search  # read once: a close() in another thread sets it to None
        if search is None:
            from glossari.termbase import memory_termbase

            search = self._search = memory_termbase(self)
        return search.search(query, lang=lang, limit=limit)

    def find_terms(self, text: str, lang: str = "ms") -> list[TermMatch]:
        """The glossary's terms in ``text``, inflected forms included (docs/terms.md).

        ``lang="ms"`` (or Malay with a region, ``ms_MY``): every Malay name (headword, its
        acronym, aliases, link texts) with Malay word formation (``komisen-komisennya``,
        ``berkomisen``, ``dana-dana lindung nilai``);
        ``lang="en"``: each English headword, plural and possessive (``account executives'``);
        in a glossary read in another language (``glossari.load(lang="fr")``) its names in that
        language, asked for by its name (``lang="fr"``, as :meth:`search` takes it) or ``en``.
        Matches do not overlap, the longest wins, and they come in text order. Another
        ``lang`` raises :class:`~glossari.errors.InputError` (also a :class:`ValueError`).

        >>> from glossari.model import Location
        >>> g = Glossary([Term(id="commission", title="Komisen",
        ...                    source=Location(path="a.md", line=1))])
        >>> [(m.term.id, m.form, m.text) for m in g.find_terms("Komisen-komisennya dibayar.")]
        [('commission', 'Komisen', 'Komisen-komisennya')]
        """
        if not isinstance(text, str):
            raise TypeError(f"find_terms takes a text (a str), not {type(text).__name__}")
        if not isinstance(lang, str):
            raise TypeError(f"find_terms' lang is a str, not {type(lang).__name__}")
        asked = _malay_side(lang) or lang
        if asked == self.lang and asked != "ms":
            asked = "en"  # the translation's side, by the glossary's name for it (`fr`), as search
        if asked not in ("ms", "en"):
            other = "English ('en')" if self.lang in ("en", None) else (
                f"this glossary's translation ({quoted(self.lang or 'en')}, or 'en')")
            raise InputError(f"find_terms reads Malay ('ms') or {other}, not {quoted(asked)}",
                             path="lang")
        side: Literal["ms", "en"] = "ms" if asked == "ms" else "en"
        recognizers = self._recognizers  # a new build meanwhile replaces it: this one is dropped
        recognizer = recognizers.get(side)
        if recognizer is None:
            from glossari.terms import Recognizer

            recognizer = Recognizer(self._names(side), lang=side)
            recognizers[side] = recognizer
        return [TermMatch(start=h.start, end=h.end, term=self[
                    self._linked_id(text, h.start, h.end, h.keys) or h.keys[0]],
                          form=h.name, text=h.text) for h in recognizer.find(text)]

    def _linked_id(self, text: str, start: int, end: int, ids: Sequence[str]) -> str | None:
        """Of ``ids`` (the terms that share the name found at ``start:end``), the one a link
        whose whole text the name is goes to (``[Saham](/stock)`` beside two articles titled
        *Saham*: *stock*, its target choosing, as the link resolves; find gave the one lookup
        answers for the bare name); None when the name is no link's text, or shared by none."""
        written = linked_target(text, start, end) if len(ids) > 1 else None
        if written is None:
            return None
        chosen = self._target(written)
        return chosen if chosen in ids else None

    def _names(self, lang: Literal["ms", "en"]) -> Iterator[tuple[str, str]]:
        """``(name, term id)`` for every name of every term, the recogniser's first choice first
        (ids, not terms: from a termbase of 30,000 articles the names come from the terms'
        headers, and holding every whole term took 11 s and 1 GB):
        a name two terms share goes to the term :meth:`lookup` answers for it (one answer: two
        articles titled alike, ``peniaga-broker.md`` and ``broker-lama.md``, gave ``show`` the
        one its id names and ``find`` the other), then to the one whose headword it is."""
        from glossari.align.resolve import malay_key

        answers = self.lookup_index()
        # a name is keyed as the recogniser files it: a Malay word written reduplicated counts
        # once (a link text [pelaburan-pelaburan](/investment) is filed as *pelaburan*, and
        # must not take that name from the article lookup answers for it)
        key = malay_key if lang == "ms" else lookup_key
        first: list[tuple[str, str]] = []
        headwords: list[tuple[str, str]] = []
        later: list[tuple[str, str]] = []
        for term in self.headers():
            for place, name in enumerate(term_names(term, lang)):
                # a name joined by / or & goes by its key with the mark first, as lookup
                # asks it: P/E is the term named P/E, though P&E's owns their key `pe`
                marked = marked_key(name)
                owner = answers.get(marked) if marked is not None else None
                if (owner or answers.get(key(name))) == term.id:
                    first.append((name, term.id))
                else:
                    (later if place else headwords).append((name, term.id))
        yield from first
        yield from headwords
        yield from later

    def _link_graph(self) -> _Graph:
        if self._graph is None:
            from glossari.align.links import link_graph

            # file order (the source path), not Malay order: "first link" means first in the files
            self._graph = _graph(link_graph(sorted(self, key=lambda t: (t.source.path, t.id))))
        return self._graph

    @property
    def links(self) -> tuple[LinkRef, ...]:
        """Every internal link of every article, in file order, with the term it leads to."""
        return self._link_graph().refs

    def links_from(self, term: Term | str) -> tuple[LinkRef, ...]:
        """The internal links written in ``term``'s article (a Term or an id), in source order;
        ``KeyError`` for an id no term has (a headword given for an id would otherwise look like
        a term without links: use :meth:`lookup` for names).

        >>> import glossari
        >>> [(ref.link.text, ref.target.id) for ref in glossari.load().links_from(
        ...     "accountexecutive")][1:3]
        [('peniaga broker', 'broker-dealer'), ('penasihat pelaburan', 'investmentadvisor')]
        """
        return self._link_graph().by_source.get(self._known_id(term), ())

    def backlinks(self, term: Term | str) -> tuple[LinkRef, ...]:
        """The internal links that lead to ``term`` (a Term or an id), from every other article
        (an article's links to itself are no backlinks: show, the site and the termbase's
        backlinks query leave them out alike); ``KeyError`` for an id no term has, as
        :meth:`links_from`.

        >>> import glossari
        >>> [(ref.source.id, ref.link.line) for ref in glossari.load().backlinks("finra")]
        [('accountexecutive', 24)]
        """
        return self._link_graph().by_target.get(self._known_id(term), ())

    def _known_id(self, term: Term | str) -> str:
        if not isinstance(term, (str, Term)):  # None had no attribute 'id': an AttributeError
            raise TypeError(f"a term or a term id (a str), not {type(term).__name__}")
        term_id = term if isinstance(term, str) else term.id
        if term_id not in self:
            raise KeyError(term_id)
        return term_id

    def link_ids(self) -> list[tuple[str, str, str | None]]:
        """Every internal link as ``(source id, target as written, id of the term it leads to or
        None)``, in file order: :attr:`links` by ids, which a compiled glossary answers without
        rebuilding any term (the site's pages need only the ids)."""
        return [(ref.source.id, ref.link.target, None if ref.target is None else ref.target.id)
                for ref in self.links]

    @property
    def unresolved(self) -> tuple[LinkRef, ...]:
        """The internal links that lead to no article.

        In a loaded glossary each of them leads to a link-only term (``ref.target.kind ==
        "link"``); in one built from articles alone, to None.
        """
        return tuple(ref for ref in self.links if not ref.resolved)


class _Graph(NamedTuple):
    refs: tuple[LinkRef, ...]
    by_source: dict[str, tuple[LinkRef, ...]]
    by_target: dict[str, tuple[LinkRef, ...]]


def is_backlink(source_id: str, target_id: str | None) -> bool:
    """Whether a link written in ``source_id``'s article, leading to ``target_id`` (None: to no
    term), is a backlink of its target: a link from another article. An article's links to
    itself (``[zakat](/zakat)`` in zakat.md) are none: :meth:`Glossary.backlinks`, show's
    *linked from*, the site's and the termbase's (``source_id != target_id``) alike."""
    return target_id is not None and target_id != source_id


def _graph(refs: tuple[LinkRef, ...]) -> _Graph:
    by_source: dict[str, list[LinkRef]] = {}
    by_target: dict[str, list[LinkRef]] = {}
    for ref in refs:
        by_source.setdefault(ref.source.id, []).append(ref)
        if ref.target is not None and is_backlink(ref.source.id, ref.target.id):
            by_target.setdefault(ref.target.id, []).append(ref)
    return _Graph(refs, {k: tuple(v) for k, v in by_source.items()},
                  {k: tuple(v) for k, v in by_target.items()})


class _CompiledGlossary(Glossary):
    """A :class:`Glossary` read from a fresh compiled termbase (:mod:`glossari.termbase`).

    Opening reads nothing but the termbase's freshness record: each term is rebuilt from its row
    when it is asked for (``[id]``, :meth:`lookup`, iteration) and the ones asked for by id are
    kept, so ``lookup(x) is lookup(x)``. Iteration rebuilds the others without keeping them, so
    going over a large glossary once does not hold all of it.
    """

    __slots__ = ("_cache", "_guard", "_ids", "_looked", "_termbase")

    def __init__(self, termbase: Termbase, *, root: GlossaryRoot, lang: str) -> None:
        # no Glossary.__init__: it would read every term
        self._termbase = termbase
        self._guard = threading.Lock()  # _forget against _keep, from any thread
        self._cache: dict[str, Term] = {}
        # lookups as written, answered: a repeated lookup is one dict access, like the in-memory
        # glossary's (a query per lookup would cost more than a gettext lookup)
        self._looked: dict[str, Term] = {}
        self._ids: tuple[str, ...] | None = None
        self._graph = None
        self._recognizers = {}
        self._search = termbase
        self._targets = None
        self._root = root
        self._lang = lang
        self._translations = None
        # through a weak reference: the termbase holding the glossary's own method made a cycle,
        # which kept the file open after the last reference went, until a garbage collection
        termbase.on_new_build = _forgetting(weakref.ref(self))
        termbase.follow = True  # a whole build too: one glossary, the current one

    def close(self) -> None:
        """Close the compiled termbase (see :meth:`Glossary.close`)."""
        self._termbase.close()

    def __reduce__(self) -> tuple[Callable[..., Glossary], tuple[GlossaryRoot | None, str]]:
        # an SQLite connection cannot cross to another process (multiprocessing's spawn pickles
        # what a worker is given): the worker opens the same termbase itself
        return _reopened, (self.root, self.lang or "en")

    def _forget(self) -> None:
        # `compile` updated the termbase in place: every term, lookup, link and recognizer
        # built from the old rows goes, so that no answer mixes the two builds. The caches are
        # replaced, not cleared: a thread that read an old row before this keeps what it built
        # in the old ones (it stored an old term after the clearing, answered from then on)
        with self._guard:
            self._cache = {}
            self._looked = {}
            self._ids = None
            self._graph = None
            self._recognizers = {}
            self._targets = None
            with contextlib.suppress(AttributeError):
                del self._findings

    def _keep(self, build: dict[str, Term], name: str, value: object) -> None:
        """Keep ``value`` as the attribute ``name`` unless a new build was noticed since
        ``build`` (the term cache, taken before reading) was the current one."""
        with self._guard:
            if build is self._cache:
                setattr(self, name, value)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Warnings from reading the glossary (read from the termbase on first use)."""
        try:
            return self._findings
        except AttributeError:
            build = self._cache
            findings = self._termbase.findings()
            self._keep(build, "_findings", findings)
            return findings

    def __len__(self) -> int:
        ids = self._ids
        if ids is None:
            build = self._cache
            ids = self._termbase.ids()
            self._keep(build, "_ids", ids)
        return len(ids)

    def __iter__(self) -> Iterator[Term]:
        for term_id, term in self._termbase.terms():
            yield self._cache.get(term_id, term)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Term):
            return _holds(self, item)
        return isinstance(item, str) and self._get(item) is not None

    def headers(self) -> Iterator[Term]:
        """Every term without its body, in order (see :meth:`Glossary.headers`)."""
        for _, term in self._termbase.terms(bodies=False):
            yield term

    def _get(self, term_id: str) -> Term | None:
        cache = self._cache  # a new build meanwhile replaces it: this term is dropped
        term = cache.get(term_id)
        if term is None:
            term = self._termbase.term(term_id)
            if term is not None:
                cache[term_id] = term
        return term

    def __getitem__(self, term_id: str) -> Term:
        term = self._get(term_id)
        if term is None:
            raise KeyError(term_id)
        return term

    def _named(self, term_id: str) -> Term:
        # an id the termbase's own tables give has its row, unless the file was damaged since
        # it was found fresh: then the one termbase error, not a KeyError naming a term
        term = self._get(term_id)
        if term is None:
            raise self._termbase.unreadable(f"its tables name the term '{term_id}', which has "
                                            "no row")
        return term

    def lookup(self, text: str) -> Term:
        """Find a term by id, Malay headword or English headword (see :meth:`Glossary.lookup`)."""
        looked = self._looked  # a new build meanwhile replaces it: this answer is dropped
        term = looked.get(text)
        if term is not None:
            return term
        _require_name(text)
        term = self._get(text)
        if term is None and (target := self._target(text)) is not None:
            term = self._named(target)
        if term is None:
            term_id = next(filter(None, map(self._termbase.lookup, _name_keys(text))), None)
            term = self._named(term_id) if term_id is not None else None
        if term is None:
            term = self._inflected(text, self._term_by_key)
        if term is not None:
            if len(looked) < 1 << 16:
                looked[text] = term
            return term
        raise self._miss(text, lookup_key(text), self._termbase.lookup_keys(),
                         lambda k: self[self._termbase.lookup(k) or ""])

    def lookup_index(self) -> dict[str, str]:
        """Every normalised name to the id of the term :meth:`lookup` finds by it."""
        return self._termbase.lookup_table()

    def _term_by_key(self, key: str) -> Term | None:
        term_id = self._termbase.lookup(key)
        return None if term_id is None else self._named(term_id)

    def _target_id(self, key: str) -> str | None:
        # one indexed row: working the answers out again decoded every term (2 s at 30,000)
        return self._termbase.target(key)

    def target_index(self) -> dict[str, str]:
        """See :meth:`Glossary.target_index` (the ``targets`` table)."""
        return self._termbase.target_table()

    def namesakes(self, term: Term) -> tuple[str, ...]:
        """See :meth:`Glossary.namesakes` (through the headwords' search index)."""
        if not term.title or term.kind != "article":
            return ()
        return tuple(term_id for term_id in self._termbase.titled(term.title)
                     if term_id != term.id and self[term_id].kind == "article")

    def _refs(self, rows: Iterable[LinkRow]) -> tuple[LinkRef, ...]:
        from glossari.align.links import LinkRef

        refs = []
        for row in rows:
            source = self[row.source_id]
            target = self[row.target_id] if row.target_id is not None else None
            refs.append(LinkRef(source=source, link=source.links[row.link_index], target=target))
        return tuple(refs)

    def link_ids(self) -> list[tuple[str, str, str | None]]:
        """Every internal link by ids, in file order (see :meth:`Glossary.link_ids`)."""
        return self._termbase.link_ids()

    def _link_graph(self) -> _Graph:
        # the links table holds the resolution the termbase was built with: read it, never
        # resolve every link again (only the terms that hold or receive a link are rebuilt)
        graph = self._graph
        if graph is None:
            build = self._cache
            graph = _graph(self._refs(self._termbase.all_links()))
            self._keep(build, "_graph", graph)
        return graph

    def links_from(self, term: Term | str) -> tuple[LinkRef, ...]:
        """The internal links written in ``term``'s article, in source order (see
        :meth:`Glossary.links_from`)."""
        return self._refs(self._termbase.links_from(self._known_id(term)))

    def backlinks(self, term: Term | str) -> tuple[LinkRef, ...]:
        """The internal links that lead to ``term``, from every other article, in file order
        (see :meth:`Glossary.backlinks`)."""
        return self._refs(self._termbase.backlinks(self._known_id(term)))


def _reopened(root: GlossaryRoot | None, lang: str) -> Glossary:
    """A pickled :class:`_CompiledGlossary` in another process: its glossary loaded there."""
    return load_glossary(root, lang=lang)


def _forgetting(glossary: weakref.ref[_CompiledGlossary]) -> Callable[[], None]:
    def forget() -> None:
        alive = glossary()
        if alive is not None:
            alive._forget()
    return forget


class TermbaseWarning(UserWarning):
    """``glossari.load()`` found no fresh compiled termbase and read the sources instead
    (slower; ``glossari compile`` writes the termbase). An application that knows it may
    silence it:

    >>> import warnings, glossari
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", glossari.TermbaseWarning)
    ...     glossary = glossari.load()
    >>> glossary.lookup("eksekutif akaun").id
    'accountexecutive'
    """


def load_glossary(root: str | Path | GlossaryRoot | None = None, *, lang: str = "en",
                  compiled: bool = True, write_cache: bool = False,
                  strict: bool = False) -> Glossary:
    """Read a glossary folder into a :class:`Glossary` (see :func:`glossari.load`).

    With ``compiled`` (the default), a fresh compiled termbase (``locale/LANG/glossari.sqlite``,
    written by ``glossari compile``) is opened and terms are read from it as they are asked for.
    Otherwise, or when it is missing or stale (a :class:`TermbaseWarning` says so), the articles
    get their English side from the ``lang`` catalogs; then every link target that names no
    article becomes a link-only term (see docs/alignment.md). Nothing is written unless
    ``write_cache`` (the writing commands' per-article cache in ``.glossari-cache/``).
    ``strict`` refuses, as the commands do, a ``lang`` that is Malay or has no catalog while
    another language has some (:func:`~glossari.catalog.translations.require_catalogs`); a
    fresh termbase of ``lang`` was compiled from its catalogs, so it needs no check.
    """
    where = root if isinstance(root, GlossaryRoot) else resolve_root(root)
    if compiled:
        from glossari.termbase import open_fresh

        termbase, why = open_fresh(where, lang)
        if termbase is not None:
            return _CompiledGlossary(termbase, root=where, lang=lang)
    if strict:
        from glossari.catalog.translations import require_catalogs

        require_catalogs(where, lang)
    if compiled:
        import warnings

        warnings.warn(f"{where.path}: {why}: the glossary is read from its sources, which is "
                      f"slow; run 'glossari compile -l {lang}' there to make loading instant",
                      TermbaseWarning, stacklevel=3)
    return _read_glossary(where, lang, write_cache=write_cache)


def _read_glossary(where: GlossaryRoot, lang: str, *, write_cache: bool,
                   keep: Callable[[Term], Term] | None = None,
                   digests: Mapping[str, str] | None = None) -> Glossary:
    """The glossary of ``where`` read from its sources (see :func:`load_glossary`). ``keep``
    is given each article with its English side, as it is read, and gives what the glossary is
    composed from in its place (compile keeps each article aside and composes outlines:
    :func:`_compile_termbase`); by default the article itself. ``digests``: the hex SHA-256 of
    inputs by name as the caller recorded them, which find the stored articles without reading
    them again (:func:`glossari.seeds.cache.iter_seeds_cached`)."""
    # the reader's modules only now: a compiled termbase needs none of them
    from dataclasses import replace

    from glossari.align.compose import compose
    from glossari.catalog.translations import english_for, load_translations
    from glossari.catalog.usable import definitions_by_message
    from glossari.seeds.cache import CACHE_DIR, iter_seeds_cached

    cache = None if where.bundled else where.path / CACHE_DIR
    kept: dict[int, Term] = {}
    catalogs: list[Translations] = []
    with _no_collection():
        def articles() -> Iterator[Term]:
            # the per-article cache (glossari/seeds/cache.py) re-parses only changed articles,
            # and gives them one part of it at a time: only what ``keep`` gives stays
            for index, article in iter_seeds_cached(where.seeds, base=where.path, cache=cache,
                                                    write=write_cache, recorded=digests):
                if not catalogs:  # read once the articles are listed: a bad one is told first
                    catalogs.append(load_translations(where, lang, write_cache=write_cache))
                whole = replace(article, english=english_for(article, catalogs[0]))
                kept[index] = whole if keep is None else keep(whole)
                yield article

        # the counts judge a reference link by the definitions of the articles holding it, as
        # render, check and each term's English side (english_for) do
        definitions = definitions_by_message(articles())
        catalog = catalogs[0] if catalogs else load_translations(where, lang,
                                                                 write_cache=write_cache)
        catalog.judge_definitions(definitions)
        composed = compose([kept.pop(index) for index in range(len(kept))], catalog=catalog,
                           lang=lang)
    return Glossary(composed.terms, root=where, lang=lang, findings=composed.findings,
                    links=composed.links, translations=catalog)


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """No cyclic garbage collection inside: reading a glossary allocates millions of objects that
    all stay alive (about 60 per term), and every full collection walks them all again: 20% of
    the reading time at 10,000 articles (measured). Collection is restored as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


TermbaseBuild = Literal["fresh", "written", "updated"]
"""What :func:`compile_termbase` did: nothing to the glossary (the termbase was fresh; when only
inputs' sizes and times had changed, their new ones are recorded), wrote it whole, or updated the
few terms whose articles changed."""

UPDATE_LIMIT = 200
"""At most this many changed articles are updated in place; past it the termbase is written whole
(a large change is a whole ``extract``/``update`` round anyway, and one transaction stays small)."""


def compile_termbase(root: GlossaryRoot, lang: str = "en") -> tuple[Path, TermbaseBuild]:
    """Bring the compiled termbase of ``root`` read in ``lang`` (``locale/LANG/glossari.sqlite``)
    up to date; ``(path, what was done)``.

    When only a few articles changed, and each change stays inside its own article (its
    headword, aliases and links are as they were: :func:`glossari.align.compose.recompose`),
    only their terms are rewritten in place; otherwise the whole glossary is read and the
    termbase written anew. Either way the result is the same file content a whole build gives.
    Refuses (:class:`~glossari.errors.RootError`) for the read-only bundled glossary. Holds the
    compile lock of ``lang`` (:func:`~glossari.catalog.translations.compile_lock`) throughout,
    and so first removes a temporary termbase that a killed ``compile`` left.
    """
    import sqlite3

    from glossari._atomic import remove_stale_temporaries
    from glossari.catalog.translations import compile_lock
    from glossari.errors import CatalogError
    from glossari.termbase import termbase_path

    root.require_writable("compile")
    path = termbase_path(root, lang)
    if path.exists() and not path.is_file():
        # the rename into place fails on a folder: an IsADirectoryError was an internal error;
        # a FIFO or a device (a link to /dev/null) was replaced, as no write here replaces one
        what = "a folder" if path.is_dir() else "something that is not a file (a FIFO, a device)"
        raise CatalogError(f"{what} stands where the termbase goes",
                           path=path.relative_to(root.path).as_posix(),
                           hint="remove or rename it, then run 'glossari compile' again")
    with compile_lock(root, lang):
        remove_stale_temporaries(path.parent, path.suffix)
        try:
            return path, _compile_termbase(root, lang, path)
        except sqlite3.Error as error:
            # SQLite writes through its own I/O: a full disk or a refused write is its error,
            # not an OSError, and was an internal error; the other ones are glossari's bugs
            failures = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL,
                        sqlite3.SQLITE_CANTOPEN}
            if (getattr(error, "sqlite_errorcode", 0) & 0xFF) not in failures:
                raise
            raise CatalogError(f"cannot write {path.name}: {error}",
                               path=path.relative_to(root.path).as_posix(),
                               hint="check free space and permissions") from None


def _compile_termbase(root: GlossaryRoot, lang: str, path: Path) -> TermbaseBuild:
    import sqlite3
    import time

    from glossari.termbase import Termbase, snapshot
    from glossari.termbase.reader import unusable

    previous = None
    # a file readers refuse (an interrupted update, not SQLite, WAL mode) is written whole:
    # kept as "fresh", every load warned and read the sources while compile said it was fine
    if path.is_file() and not unusable(path):
        with contextlib.suppress(sqlite3.Error):
            previous = Termbase.open(path)
    # the inputs are recorded before they are read: one changed meanwhile makes it stale
    started = time.time_ns()
    inputs: tuple[Input, ...] | None = None
    if previous is not None:
        try:
            if previous.freshness(root, lang) == "listed":
                return "fresh"
            # fresh by the careful check alone (a touch, a copy, a checkout) is "fresh" too,
            # once the new sizes and times are recorded: left as they were, compile said fresh
            # and every later load took the careful check (4 s instead of 0.3 s at 30,000
            # articles after one touched article)
            done, inputs = _update(root, lang, previous, path, started)
            if done is not None:
                return done
        finally:
            previous.close()
    if inputs is None:  # else the look the update took: files it trusted are not hashed again
        inputs = snapshot(root, lang)
    _write_whole(root, lang, path, inputs, started)
    return "written"


def _write_whole(root: GlossaryRoot, lang: str, path: Path, inputs: Sequence[Input],
                 built_ns: int, *, step: Callable[[str], object] = lambda _: None) -> None:
    """Write the termbase ``path`` whole from the sources (``inputs`` recorded at ``built_ns``).

    Resolved from the articles' outlines (:func:`glossari.align.compose.outline`), every
    article set aside whole as it is read (:class:`glossari.termbase.bodies.Bodies`) and read
    back batch by batch as the rows are made: the same file as from the whole glossary held in
    memory, which was most of compile's memory. ``step`` is told ``glossary read`` between the
    two (benchmarks/compile_memory.py).
    """
    from contextlib import closing

    from glossari.align.compose import outline
    from glossari.termbase import write_termbase
    from glossari.termbase.bodies import Bodies
    from glossari.termbase.build import termbase_folder

    # one stretch without collection: collecting between reading and writing would walk the
    # whole glossary's objects (1.6 s at 30,000 articles), all still alive
    with _no_collection(), closing(termbase_folder(path, Bodies)) as bodies:
        def keep(article: Term) -> Term:
            bodies.keep(article)
            return outline(article)

        # the articles as the inputs' record hashed them: not read and hashed a second time
        glossary = _read_glossary(root, lang, write_cache=True, keep=keep,
                                  digests={item.name: item.sha256 for item in inputs})
        bodies.ready()
        step("glossary read")
        write_termbase(path, glossary, inputs, built_ns=built_ns, whole=bodies.whole)


def _update(root: GlossaryRoot, lang: str, previous: Termbase, path: Path,
            started: int) -> tuple[TermbaseBuild | None, tuple[Input, ...] | None]:
    """Update ``previous`` (at ``path``) in place when only articles changed, few of them, each
    locally (``updated``), or only the recorded sizes and times of inputs whose bytes did not
    change (``fresh``); None when the termbase must be written whole (nothing is changed then).
    Also the inputs as they were seen before anything was read (None when the termbase held no
    record), for the whole build to record."""
    import sqlite3
    from dataclasses import replace

    from glossari.align.compose import recompose
    from glossari.catalog.messages import GLOSSARY_DOMAIN, article_domain
    from glossari.catalog.translations import english_for, load_translations
    from glossari.seeds.cache import parse_bytes
    from glossari.seeds.source import read_article_bytes
    from glossari.termbase import snapshot, update_termbase

    record = previous.record(lang)
    if record is None:
        return None, None
    known, built_ns = record
    inputs = snapshot(root, lang, known=known, known_ns=built_ns)
    changed = [i.name for i in inputs if i.name not in known or known[i.name].sha256 != i.sha256]
    catalogs = root.catalogs(lang)
    if (len(inputs) != len(known) or len(changed) > UPDATE_LIMIT
            or any((root.path / name).parent == catalogs for name in changed)):
        return None, inputs
    terms = []
    if changed:
        paths = [root.path / name for name in changed]
        translations = load_translations(
            root, lang, write_cache=False,
            domains={GLOSSARY_DOMAIN, *(article_domain(p.stem) for p in paths)})
        for name, article_path in zip(changed, paths, strict=True):
            old = previous.term(article_path.stem)
            if old is None or old.kind != "article":
                return None, inputs
            article = parse_bytes(article_path, name,
                                  read_article_bytes(article_path, source=name))
            if old.definitions or article.definitions:
                # its reference definitions judge the counts of the catalogs it shares messages
                # with (the coverage table: Translations.judge_definitions), which an update
                # of its own rows leaves as they were
                return None, inputs
            term = recompose(old, replace(article, english=english_for(article, translations)),
                             previous.unresolved_targets(old.id))
            if term is None:
                return None, inputs
            terms.append(term)
    previous.close()
    try:
        done = update_termbase(path, terms, inputs, lang=lang, built_ns=started)
    except sqlite3.OperationalError:
        # locked by a reader for longer than SQLite waits, or no room for the journal: the
        # whole build writes aside and renames, which needs neither
        done = False
    if not changed:
        # every input's bytes as recorded: fresh, whether or not its new sizes and times could
        # be recorded (a whole build for a touched file took minutes at 30,000 articles)
        return "fresh", inputs
    return ("updated" if done else None), inputs
