"""The :class:`Glossary` collection and :func:`load_glossary`."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from glossari.diagnostics import Finding
from glossari.model import Term
from glossari.root import GlossaryRoot, resolve_root
from glossari.text import headword_order, lookup_key

if TYPE_CHECKING:
    from glossari.align.links import LinkRef
    from glossari.catalog.translations import Translations
    from glossari.terms import Recognizer

__all__ = ["Glossary", "TermMatch", "load_glossary", "term_names"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TermMatch:
    """A glossary term found in a text by :meth:`Glossary.find_terms`."""

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


_NAME_AND_ACRONYM = re.compile(r"\s*(.*?)\s*\(([^()]+)\)\s*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+")


def term_names(term: Term, lang: Literal["ms", "en"] = "ms") -> list[str]:
    """Every name of ``term`` that running text in ``lang`` may use, preferred first.

    Malay: the headword, a headword ``Name (ACR)`` also as ``Name``, the aliases, the acronyms
    (written alike in both languages: ``FINRA``) and the trusted link texts (``Term.names``);
    an English headword that is itself an acronym. English: the approved headword (and its
    ``Name``), the acronyms and the recorded English variants. Slugs are addresses, not words.

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
    headword = term.title if lang == "ms" else term.english.title
    names: list[str] = []
    if headword and headword.strip():
        names.append(headword.strip())
        split = _NAME_AND_ACRONYM.fullmatch(headword)
        if split is not None and _ACRONYM.fullmatch(split.group(2)):
            names.extend(n for n in split.groups() if n)
    if lang == "ms":
        english = (term.english.title or "").strip()
        if _ACRONYM.fullmatch(english):
            names.append(english)
        names.extend(term.names.aliases)
        names.extend(term.names.acronyms)
        names.extend(term.names.link_texts)
    else:
        names.extend(term.names.acronyms)
        names.extend(term.names.english_variants)
    return [n for n in dict.fromkeys(names) if n.strip()]


class Glossary:
    """The terms of one glossary, in Malay alphabetical order.

    >>> from glossari.model import Location, Term
    >>> g = Glossary([Term(id="b", title="Bon", source=Location(path="b.md", line=1)),
    ...               Term(id="a", title="Ákaun", source=Location(path="a.md", line=1))])
    >>> [t.id for t in g], len(g), g["b"].title, g.lookup("AKAUN").id
    (['a', 'b'], 2, 'Bon', 'a')
    """

    __slots__ = ("_by_id", "_exact", "_graph", "_index", "_order", "_recognizers", "findings",
                 "lang", "root", "translations")

    def __init__(
        self,
        terms: Iterable[Term],
        *,
        root: GlossaryRoot | None = None,
        lang: str | None = None,
        findings: Iterable[Finding] = (),
    ) -> None:
        self._order: tuple[Term, ...] = tuple(
            sorted(terms, key=lambda t: headword_order(t.title, t.id))
        )
        self._by_id: dict[str, Term] = {t.id: t for t in self._order}
        self._index: dict[str, Term] = {}
        # Later keys never override earlier ones: an id wins over a headword, a Malay name over
        # an English one, so a lookup never lands on a surprising term. Every name a link
        # accepts is here (docs/concepts.md), in the order links resolve by.
        keyed: list[tuple[str, str]] = []
        for keys in (
            ((t.id, t) for t in self._order),
            ((t.title, t) for t in self._order if t.title),
            ((a, t) for t in self._order for a in t.names.aliases),
            ((a, t) for t in self._order for a in t.names.acronyms),
            ((s, t) for t in self._order for s in t.names.slugs),
            ((x, t) for t in self._order for x in t.names.link_texts),
            ((t.english.title, t) for t in self._order if t.english.title),
            ((v, t) for t in self._order for v in t.names.english_variants),
        ):
            for text, term in keys:
                key = lookup_key(text)
                self._index.setdefault(key, term)
                keyed.append((text, key))
        # The texts exactly as written, each to what its normalised key finds: a lookup by a
        # headword as spelled skips normalising it (the costly part), with the same answer.
        self._exact: dict[str, Term] = {text: self._index[key] for text, key in keyed}
        self.root = root
        """The folder the glossary was loaded from (None when built in memory)."""
        self.lang = lang
        """The language of each term's English side (``en``), or None."""
        self.findings: tuple[Finding, ...] = tuple(findings) + tuple(
            f for t in self._order for f in t.findings
        )
        """Warnings from reading the glossary (each term's own, and the glossary's)."""
        self._graph: _Graph | None = None
        self._recognizers: dict[str, Recognizer[Term]] = {}
        self.translations: Translations | None = None
        """The ``lang`` catalogs the English sides came from (set by :func:`load_glossary`), so
        that ``check`` reads them once, not twice."""

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._order)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id

    def __getitem__(self, term_id: str) -> Term:
        """The term with this exact id; ``KeyError`` otherwise."""
        return self._by_id[term_id]

    def __repr__(self) -> str:
        where = f" from {self.root.path}" if self.root else ""
        return f"<Glossary of {len(self)} terms{where}>"

    def lookup(self, text: str) -> Term:
        """Find a term by any of its names: id, Malay headword, alias, acronym, link target
        (slug), link text, English headword, English variant (:class:`~glossari.model.Names`).

        Case, spacing, hyphens, punctuation, accents and Malay reduplication (the plural) are
        ignored. Raises ``KeyError`` whose message suggests the closest headwords.
        """
        term = self._by_id.get(text)
        if term is not None:
            return term
        term = self._exact.get(text)
        if term is not None:
            return term
        key = lookup_key(text)
        term = self._index.get(key)
        if term is not None:
            return term
        if "-" in text:
            from glossari.align.resolve import malay_key

            term = self._index.get(malay_key(text))
            if term is not None:
                return term
        close = difflib.get_close_matches(key, self._index, n=3, cutoff=0.6)
        names = sorted({self._index[k].title or self._index[k].id for k in close})
        hint = f"; did you mean {', '.join(repr(n) for n in names)}?" if names else ""
        raise KeyError(f"no term {text!r} in the glossary{hint}")

    def find_terms(self, text: str, lang: Literal["ms", "en"] = "ms") -> list[TermMatch]:
        """The glossary's terms in ``text``, inflected forms included (docs/terms.md).

        ``lang="ms"``: every Malay name (headword, its acronym, aliases, link texts) with Malay
        word formation (``komisen-komisennya``, ``berkomisen``, ``dana-dana lindung nilai``);
        ``lang="en"``: each English headword, plural and possessive (``account executives'``).
        Matches do not overlap, the longest wins, and they come in text order.

        >>> from glossari.model import Location
        >>> g = Glossary([Term(id="commission", title="Komisen",
        ...                    source=Location(path="a.md", line=1))])
        >>> [(m.term.id, m.form, m.text) for m in g.find_terms("Komisen-komisennya dibayar.")]
        [('commission', 'Komisen', 'Komisen-komisennya')]
        """
        if lang not in ("ms", "en"):
            raise ValueError(f"find_terms reads Malay ('ms') or English ('en'), not {lang!r}")
        recognizer = self._recognizers.get(lang)
        if recognizer is None:
            from glossari.terms import Recognizer

            recognizer = Recognizer(self._names(lang), lang=lang)
            self._recognizers[lang] = recognizer
        return [TermMatch(start=h.start, end=h.end, term=h.keys[0], form=h.name, text=h.text)
                for h in recognizer.find(text)]

    def _names(self, lang: Literal["ms", "en"]) -> Iterator[tuple[str, Term]]:
        """``(name, term)`` for every name of every term: headwords first, so that a name two
        terms share goes to the one whose headword it is."""
        later: list[tuple[str, Term]] = []
        for term in self._order:
            names = term_names(term, lang)
            if names:
                yield names[0], term
                later.extend((name, term) for name in names[1:])
        yield from later

    def _link_graph(self) -> _Graph:
        if self._graph is None:
            from glossari.align.links import link_graph

            # file order (the source path), not Malay order: "first link" means first in the files
            refs = link_graph(sorted(self._order, key=lambda t: (t.source.path, t.id)))
            by_source: dict[str, list[LinkRef]] = {}
            by_target: dict[str, list[LinkRef]] = {}
            for ref in refs:
                by_source.setdefault(ref.source.id, []).append(ref)
                if ref.target is not None:
                    by_target.setdefault(ref.target.id, []).append(ref)
            self._graph = _Graph(
                refs,
                {k: tuple(v) for k, v in by_source.items()},
                {k: tuple(v) for k, v in by_target.items()},
            )
        return self._graph

    @property
    def links(self) -> tuple[LinkRef, ...]:
        """Every internal link of every article, in file order, with the term it leads to."""
        return self._link_graph().refs

    def links_from(self, term: Term | str) -> tuple[LinkRef, ...]:
        """The internal links written in ``term``'s article (a Term or an id), in source order."""
        return self._link_graph().by_source.get(term if isinstance(term, str) else term.id, ())

    def backlinks(self, term: Term | str) -> tuple[LinkRef, ...]:
        """The internal links that lead to ``term`` (a Term or an id), from every article."""
        return self._link_graph().by_target.get(term if isinstance(term, str) else term.id, ())

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


def load_glossary(root: str | Path | GlossaryRoot | None = None, *, lang: str = "en") -> Glossary:
    """Read a glossary folder into a :class:`Glossary` (see :func:`glossari.load`).

    The articles get their English side from the ``lang`` catalogs; then every link target that
    names no article becomes a link-only term (see docs/alignment.md).
    """
    from dataclasses import replace

    from glossari.align.compose import compose
    from glossari.catalog.translations import english_for, load_translations
    from glossari.seeds.cache import CACHE_DIR, read_seeds_cached

    where = root if isinstance(root, GlossaryRoot) else resolve_root(root)
    # the per-article cache (glossari/seeds/cache.py) re-parses only changed articles
    articles = read_seeds_cached(
        where.seeds, base=where.path,
        cache=None if where.bundled else where.path / CACHE_DIR,
    )
    catalog = load_translations(where, lang)
    articles = tuple(replace(t, english=english_for(t, catalog)) for t in articles)
    composed = compose(articles, catalog=catalog, lang=lang)
    glossary = Glossary(composed.terms, root=where, lang=lang, findings=composed.findings)
    glossary.translations = catalog
    return glossary
