"""The link graph and link-only terms.

Every internal link (``[peniaga broker](/broker-dealer)``) pairs a Malay text with an English slug.
A link whose target names an article (see :mod:`glossari.align.resolve`) is an edge of the graph.
A target that names no article still stands for a term: a *link-only* term, whose id is the slug,
whose Malay headword is the link text, and whose English comes from the catalog's link message
(msgctxt ``/slug``) when a translator gave it, otherwise from the slug itself (a suggestion).

Broken link text (``[FINRA ), terpakai kepada](/finra)``: an unbalanced bracket, trailing words) is
reported (code S103) and never becomes a headword. The link-only term takes the text of the first
*clean* link to the same target anywhere in the glossary; with none, its Malay headword stays
empty (``None``) until an editor writes one: a clean link to the target in any article, an
article of its own for the term, or the fixed link text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import unquote

from glossari.align.resolve import TargetIndex, resolve, target_key
from glossari.align.slugs import WordList, acronyms_in, default_words, suggest_english
from glossari.catalog.messages import GLOSSARY_DOMAIN, link_context
from glossari.diagnostics import Finding
from glossari.model import English, Link, Location, Status, Term

__all__ = [
    "CatalogLookup",
    "LinkRef",
    "english_words",
    "link_graph",
    "link_only_terms",
    "link_slug",
    "suspicious_link_findings",
]


class CatalogLookup(Protocol):
    """What link-only terms need from a language's catalogs: one message's translation."""

    def get(self, domain: str, context: str | None, msgid: str) -> tuple[str | None, Status]:
        """``(msgstr, status)`` of a message; an empty or missing one is ``untranslated``."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkRef:
    """One internal link of the glossary: where it is, and the term it leads to."""

    source: Term
    """The article the link is written in."""
    link: Link
    """The link itself (text, target, line, suspicious)."""
    target: Term | None
    """The term it leads to: an article, a link-only term, or None (no such term loaded)."""

    @property
    def resolved(self) -> bool:
        """True when the link leads to an article."""
        return self.target is not None and self.target.kind == "article"


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def link_slug(target: str) -> str:
    """The id a link-only term gets from its link target: the last path segment, cleaned.

    >>> link_slug("/finra"), link_slug("/terms/b/broker-dealer.asp"), link_slug("/a b")
    ('finra', 'broker-dealer', 'a-b')
    """
    path = target.split("#", 1)[0].split("?", 1)[0].strip().strip("/")
    last = path.rsplit("/", 1)[-1]
    last = re.sub(r"\.(?:md|markdown|html?|aspx?|php)$", "", last, flags=re.IGNORECASE)
    slug = _UNSAFE.sub("-", unquote(last)).strip("-.")
    return slug or target_key(target) or "link"


def _internal(terms: Iterable[Term]) -> Iterator[tuple[Term, Link]]:
    for term in terms:
        if term.kind != "article":
            continue
        for link in term.links:
            if link.internal and target_key(link.target):
                yield term, link


def suspicious_link_findings(articles: Iterable[Term]) -> tuple[Finding, ...]:
    """A warning (code S103) for each internal link whose text is not trusted as a headword."""
    return tuple(
        Finding(
            path=term.source.path, line=link.line, severity="warning", code="S103",
            term=term.id,
            message=f"link text '{link.text}' to /{link.target} is not used as a headword: "
            f"{link.suspicious} (fix the link text; see docs/alignment.md)",
        )
        for term, link in _internal(articles)
        if link.suspicious
    )


_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z]+")


def english_words(texts: Iterable[str]) -> list[str]:
    """The words of English texts, most frequent first; link targets are left out (slugs are
    what is being split).

    >>> english_words(["An [investment advisor](/investmentadvisor) advises.", "An advisor"])
    ['an', 'advisor', 'investment', 'advises']
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.lower() for w in _WORD.findall(_LINK_TARGET.sub("]", text)))
    return [w for w, _ in counts.most_common()]


def _blocks_linking(
    articles: Iterable[Term], keys: set[str]
) -> Iterator[tuple[str, str | None]]:
    """(Malay text, English text or None) of each block holding a link to one of ``keys``.

    The English block is the one at the same position in the English side, when it is
    translated (not the Malay text kept in its place).
    """
    for term in articles:
        english_sections = term.english.sections
        for s_index, section in enumerate(term.sections):
            for b_index, block in enumerate(section.blocks):
                if not any(target_key(link.target) in keys for link in block.links):
                    continue
                english: str | None = None
                if s_index < len(english_sections):
                    other = english_sections[s_index].blocks
                    if b_index < len(other) and other[b_index].text != block.text:
                        english = other[b_index].text
                yield block.text, english


def _english_of(
    links: Sequence[Link], catalog: CatalogLookup | None
) -> tuple[str | None, Status]:
    """The translator's English for a link-only term: first translated, else first fuzzy."""
    if catalog is None:
        return None, "untranslated"
    fuzzy: str | None = None
    for link in links:
        msgstr, status = catalog.get(GLOSSARY_DOMAIN, link_context(link.target), link.text)
        if msgstr and status == "translated":
            return msgstr, "translated"
        if msgstr and status == "fuzzy" and fuzzy is None:
            fuzzy = msgstr
    return (fuzzy, "fuzzy") if fuzzy is not None else (None, "untranslated")


def link_only_terms(
    articles: Sequence[Term],
    *,
    catalog: CatalogLookup | None = None,
    suggest: bool = True,
    words: WordList | None = None,
    index: TargetIndex | None = None,
) -> tuple[Term, ...]:
    """The link-only terms: one per link target that names no article, in order of first link.

    ``articles`` should carry their English sides already (an English headword is a name links
    may use). ``catalog`` gives the translators' English for link messages; without a
    translation, ``suggest`` (true for English) makes one from the slug, status ``suggested``.
    ``index`` is ``TargetIndex.build(articles)``, when the caller has it already.

    Suggestions learn words and acronyms from the headwords of every article and from the full
    text of the articles that hold such links (where the words are most likely written out),
    not from the whole glossary, so loading stays linear in the number of links.
    """
    index = index if index is not None else TargetIndex.build(articles)
    groups: dict[str, list[tuple[Term, Link]]] = {}
    for term, link in _internal(articles):
        if resolve(link.target, index) is None:
            groups.setdefault(target_key(link.target), []).append((term, link))
    if not groups:
        return ()
    if suggest:
        # words and acronyms from the blocks holding the links (where the English writes the
        # link text out) and from every headword: enough, and linear in the number of links
        blocks = list(_blocks_linking(articles, set(groups)))
        headwords = [t.english.title for t in articles if t.english.title]
        words = (words or default_words()).extended(english_words(
            [*(en for _, en in blocks if en), *headwords]))
        acronyms = acronyms_in([*(ms for ms, _ in blocks), *(en for _, en in blocks if en),
                                *headwords, *(t.title or "" for t in articles)])
    found: list[Term] = []
    for places in groups.values():
        first_term, first_link = places[0]
        links = [link for _, link in places]
        clean = next((" ".join(link.text.split()) for link in links if not link.suspicious), None)
        slug = link_slug(first_link.target)
        en_title, status = _english_of(links, catalog)
        if en_title is None and suggest:
            en_title, status = suggest_english(slug, words=words, acronyms=acronyms), "suggested"
        found.append(Term(
            id=slug,
            title=clean,
            kind="link",
            source=Location(path=first_term.source.path, line=first_link.line),
            english=English(title=en_title, status=status),
        ))
    return tuple(found)


def link_graph(terms: Iterable[Term]) -> tuple[LinkRef, ...]:
    """Every internal link of the articles among ``terms``, with the term it leads to.

    Targets resolve against the articles first; a target no article answers to leads to the
    link-only term with the same slug when ``terms`` holds one, else to None.
    """
    terms = tuple(terms)
    articles = [t for t in terms if t.kind == "article"]
    index = TargetIndex.build(articles)
    by_id = {t.id: t for t in terms}
    link_only = {target_key(t.id): t for t in terms if t.kind == "link"}
    refs: list[LinkRef] = []
    for term, link in _internal(articles):
        term_id = resolve(link.target, index)
        target = by_id[term_id] if term_id is not None else link_only.get(target_key(link.target))
        refs.append(LinkRef(source=term, link=link, target=target))
    return tuple(refs)
