"""The link graph and link-only terms.

Every internal link (``[peniaga broker](/broker-dealer)``) pairs a Malay text with an English slug.
A link whose target names an article (see :mod:`glossari.align.resolve`) is an edge of the graph.
A target that names no article still stands for a term: a *link-only* term, whose id is the slug,
whose Malay headword is the link text, and whose English comes from the catalog's link message
(msgctxt ``/slug``) when a translator gave it, otherwise from the slug itself (a suggestion).

Broken link text (``[FINRA ), terpakai kepada](/finra)``: an unbalanced bracket, trailing words) is
reported (code S103) and never becomes a headword. The link-only term takes the text of the first
*clean* link to the same target anywhere in the glossary (the plainer text of another link when
that one only inflects it, :func:`malay_headword`); with none, its Malay headword stays
empty (``None``) until an editor writes one: a clean link to the target in any article, an
article of its own for the term, or the fixed link text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from glossari.align.names import (
    CatalogLookup,
    ResolvedLinks,
    english_lemma,
    internal_links,
    link_text_name,
    link_translation_names,
    resolve_names,
)
from glossari.align.resolve import (
    link_is_a_name,
    link_is_trusted,
    link_slug,
    link_spelling,
    target_key,
)
from glossari.align.slugs import (
    WordList,
    acronyms_in,
    default_words,
    kebab_case,
    suggest_english,
)
from glossari.catalog.messages import GLOSSARY_DOMAIN, link_context
from glossari.catalog.usable import refused
from glossari.diagnostics import Finding
from glossari.model import English, Link, Location, Names, Status, Term
from glossari.seeds.rules import suspicious_link_text
from glossari.terms import inflects
from glossari.text import excerpt, lookup_key, quoted

__all__ = [
    "CatalogLookup",
    "LinkRef",
    "english_words",
    "link_graph",
    "link_only_terms",
    "link_slug",
    "malay_headword",
    "suspicious_link_finding",
    "suspicious_link_findings",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkRef:
    """One internal link of the glossary: where it is, and the term it leads to.

    >>> import glossari
    >>> ref = glossari.load().links_from("accountexecutive")[1]
    >>> ref.source.id, ref.link.text, ref.link.line, ref.target.id, ref.target.kind
    ('accountexecutive', 'peniaga broker', 24, 'broker-dealer', 'link')
    """

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


def suspicious_link_findings(articles: Iterable[Term]) -> tuple[Finding, ...]:
    """A warning (code S103) for each internal link whose text is not trusted as a headword."""
    return tuple(suspicious_link_finding(term, link, link.suspicious)
                 for term, link in internal_links(tuple(articles)) if link.suspicious)


def suspicious_link_finding(term: Term, link: Link, problem: str) -> Finding:
    """S103 for ``term``'s ``link``, whose text is not trusted as a headword for ``problem``:
    the one statement of the finding, whether loading reports it or the source checks do (for
    terms built in Python), which said it two ways."""
    return Finding(
        path=term.source.path, line=link.line, severity="warning", code="S103", term=term.id,
        message=f"link text {quoted(excerpt(link.text))} to {link.written} is not used as a "
        f"headword: {problem} (fix the link text; see docs/alignment.md)",
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
    links: Sequence[Link], catalog: CatalogLookup | None, slug: str, lang: str = "en"
) -> tuple[str | None, Status, tuple[str, ...]]:
    """The translator's English for a link-only term, its status, and the other forms seen.

    Current translations are preferred to fuzzy ones. Among them, the one spelled as the slug
    (``hedge fund`` for ``/hedgefund``) wins, then one whose plural undone is (``hedge funds``
    becomes ``hedge fund``: an inflection is a variant, never the headword), then the first.
    """
    if catalog is None:
        return None, "untranslated", ()
    found: dict[str, tuple[str, Status]] = {}
    for link in links:
        msgstr, status = catalog.get(GLOSSARY_DOMAIN, link_context(link.target), link.text)
        # a text a link's could not be trusted with (`Bank Negara ), that is`, the translator
        # mirroring a broken Malay link text, S103) is no name of the term, as on the Malay
        # side: neither its headword nor a variant
        if (msgstr and status in ("translated", "fuzzy")
                and not refused(GLOSSARY_DOMAIN, link_context(link.target), link.text, msgstr,
                                block=False)
                and suspicious_link_text(msgstr) is None):
            # a no-break space (RM\u00a0100) is text; the name, not its sentence's article
            text = link_translation_names(msgstr, lang)[0]
            found.setdefault(lookup_key(text), (text, status))
    if not found:
        return None, "untranslated", ()
    best: Status = "translated" if any(v[1] == "translated" for v in found.values()) else "fuzzy"
    candidates = [text for text, status in found.values() if status == best]
    wanted = target_key(slug)
    chosen = next((t for t in candidates if lookup_key(t) == wanted), None)
    if chosen is None:
        chosen = next((english_lemma(t) for t in candidates
                       if lookup_key(english_lemma(t)) == wanted), None)
    if chosen is None:
        lemmas = [english_lemma(t) for t in candidates]
        chosen = next((t for t in candidates if t not in lemmas and lookup_key(t) in
                       {lookup_key(x) for x in lemmas}), candidates[0])
    variants = tuple(text for key, (text, _) in found.items() if key != lookup_key(chosen))
    return chosen, best, variants


def link_only_terms(
    articles: Sequence[Term],
    *,
    catalog: CatalogLookup | None = None,
    suggest: bool = True,
    words: WordList | None = None,
    resolved: ResolvedLinks | None = None,
    lang: str | None = "en",
) -> tuple[Term, ...]:
    """The link-only terms: one per link target that names no article, in order of first link.

    ``articles`` should carry their English sides already (an English headword is a name links
    may use). ``catalog`` gives the translators' English for link messages; without a
    translation, ``suggest`` (true for English) makes one from the slug, status ``suggested``.
    ``resolved`` is ``resolve_names(articles, catalog=catalog)``, when the caller has it already.

    Suggestions learn words and acronyms from the headwords of every article and from the full
    text of the articles that hold such links (where the words are most likely written out),
    not from the whole glossary, so loading stays linear in the number of links.
    """
    if resolved is None:
        resolved = resolve_names(articles, catalog=catalog, lang=lang)
    articles = resolved.articles
    groups: dict[str, list[tuple[Term, Link]]] = {}
    for term, link, term_id in resolved.targets:
        if term_id is None:
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
    # each target written's slug made once: it was made four times over (the style, the slugs,
    # the spelling, the fewest capitals), 45,000 slug_text calls for an article of 9,000 links
    slug_of: dict[str, str] = {}

    def slug_once(target: str) -> str:
        slug = slug_of.get(target)
        if slug is None:
            slug = slug_of[target] = link_slug(target)
        return slug

    found: list[Term] = []
    # ids unique by construction: two targets with different keys whose slugs agree
    # (``/x`` and ``/x.``), or a slug an article already holds, get ``-2``, ``-3``... in the
    # order the links first appear (file order), so the same glossary always gets the same ids
    taken = {t.id.casefold() for t in articles}
    # the glossary's style, from its link slugs and its file names (kadar-faedah.md)
    kebab = suggest and kebab_case(
        [*(slug_once(places[0][1].target) for places in groups.values()),
         *(t.id for t in articles)], words=words)
    for places in groups.values():
        first_term, first_link = places[0]
        links = [link for _, link in places]
        # the texts of links to a part of the page (/x#bahagian) name the part: the
        # term's names only when no other link names it
        clean = ([link_text_name(link.text) for link in links if link_is_a_name(link)]
                 or [link_text_name(link.text) for link in links if link_is_trusted(link)])
        texts: dict[str, str] = {}
        slugs: dict[str, str] = {}
        for text in clean:
            texts.setdefault(lookup_key(text), text)
        for link in links:
            slugs.setdefault(target_key(link.target), slug_once(link.target))
        spelled = slug_once(first_link.target)
        # the id is the spelling with the fewest capitals (the first of those): taken from the
        # first link in file order, /Zakat became zakat when an article earlier in that order
        # linked to /zakat, renaming the term's page, its TBX entry and its JSON id
        slug = _unique_id(min((slug_once(link.target) for link in links),
                              key=lambda s: sum(c.isupper() for c in s)), taken)
        en_title, status, variants = _english_of(links, catalog, spelled, lang or "en")
        if en_title is None and suggest:
            # from the slug as written: /p&s is P&S, where its id, p-s, reads as two words
            en_title = suggest_english(link_spelling(first_link.target), words=words,
                                       acronyms=acronyms,
                                       hyphens_are_spaces=kebab, link_texts=clean)
            # none from a slug in another script, or one spelling a Malay link text:
            # untranslated
            if en_title is not None:
                status = "suggested"
        found.append(Term(
            id=slug,
            title=malay_headword(clean),
            kind="link",
            source=Location(path=first_term.source.path, line=first_link.line),
            english=English(title=en_title, status=status),
            names=Names(
                link_texts=tuple(texts.values()),
                slugs=tuple(slugs.values()),
                english_variants=variants,
            ),
        ))
    return tuple(found)


def malay_headword(texts: Sequence[str]) -> str | None:
    """The Malay headword of a link-only term from its trusted link texts, in order: the first,
    or the shortest of the other texts it only inflects (:func:`glossari.terms.inflects`: a
    clitic, reduplication), as the English side takes the singular of its link translations.
    Only the glossary's own texts are candidates: a word is never cut (``tanya`` ends like
    ``-nya``, ``undang-undang`` is one word).

    >>> malay_headword(["Saham-saham keutamaan", "saham keutamaannya", "Saham keutamaan"])
    'Saham keutamaan'
    >>> malay_headword(["Percukaiannya"]), malay_headword(["hasil", "hasilnya"]), malay_headword([])
    ('Percukaiannya', 'hasil', None)
    """
    if not texts:
        return None
    first = texts[0]
    bases = [text for text in texts if len(text) < len(first) and inflects(first, text, "ms")]
    return min(bases, key=len) if bases else first


def _unique_id(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate.casefold())
    return candidate


def link_graph(
    terms: Iterable[Term], *, resolved: ResolvedLinks | None = None
) -> tuple[LinkRef, ...]:
    """Every internal link of the articles among ``terms``, with the term it leads to.

    Links resolve as :func:`glossari.align.resolve.resolve_link` says, over the articles'
    names; a link no article answers to leads to the link-only term with the same slug when
    ``terms`` holds one, else to None. ``resolved``: the articles' resolution, when known.
    """
    terms = tuple(terms)
    if resolved is None:
        resolved = resolve_names([t for t in terms if t.kind == "article"])
    by_id = {t.id: t for t in terms}
    link_only = {target_key(t.id): t for t in terms if t.kind == "link"}
    refs: list[LinkRef] = []
    for source, link, term_id in resolved.targets:
        target = by_id.get(term_id) if term_id is not None else link_only.get(
            target_key(link.target))
        refs.append(LinkRef(source=by_id.get(source.id, source), link=link, target=target))
    return tuple(refs)
