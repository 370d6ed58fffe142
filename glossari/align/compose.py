"""Putting a glossary together: articles with their English, plus link-only terms."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from glossari.align.links import (
    CatalogLookup,
    LinkRef,
    link_graph,
    link_only_terms,
    suspicious_link_findings,
)
from glossari.align.names import resolve_names
from glossari.align.resolve import term_aliases
from glossari.diagnostics import Finding
from glossari.model import Block, Names, Section, Term, reassembled, replaced

__all__ = ["Composed", "compose", "outline", "recompose", "suggests_english"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Composed:
    """The terms of a glossary and what composing them noticed."""

    terms: tuple[Term, ...]
    """The articles, then the link-only terms."""
    findings: tuple[Finding, ...]
    """Broken link texts (S103), names two terms share (S104), links whose text and target
    disagree (S122)."""
    links: tuple[LinkRef, ...] = ()
    """Every internal link, in file order, with the term it leads to: the resolution the names
    were given by (a glossary need not resolve the links again)."""


def suggests_english(lang: str | None) -> bool:
    """True when slug suggestions fit ``lang``: slugs are English, so only for English catalogs.

    >>> suggests_english("en"), suggests_english("en_GB"), suggests_english("fr")
    (True, True, False)

    English is any code whose primary language is (:func:`glossari.catalog.languages.
    primary_language`, the one reading of a language code): GNU's ``en@quot`` too.
    """
    from glossari.catalog.languages import primary_language

    return lang is not None and primary_language(lang) == "en"


def compose(
    articles: Sequence[Term], *, catalog: CatalogLookup | None = None, lang: str | None = "en"
) -> Composed:
    """The articles (each already with its English side) with their names
    (:func:`glossari.align.names.resolve_names`), and the link-only terms they imply.

    English suggestions from slugs are made only when ``lang`` is English (see
    :func:`suggests_english`).
    """
    resolved = resolve_names(articles, catalog=catalog, lang=lang)
    link_only = link_only_terms(articles, catalog=catalog, suggest=suggests_english(lang),
                                resolved=resolved, lang=lang)
    findings = (suspicious_link_findings(articles) + resolved.index.clashes
                + resolved.findings)
    terms = (*resolved.articles, *link_only)
    return Composed(terms=terms, findings=findings, links=link_graph(terms, resolved=resolved))


_ELIDED = Block(kind="paragraph", text="", line=1)
"""What :func:`outline` puts in place of a block that holds no link, on both sides."""


def outline(article: Term) -> Term:
    """``article`` (with its English side) reduced to what :func:`compose` reads of it, which
    gives the same names, link-only terms, links and findings as the whole article: its id,
    kind, source, headwords, front matter, definition and categories, its links, its findings,
    and the text of its blocks that hold a link (link-only terms learn their English words
    there), on both sides, at their places. Every other block is one shared empty paragraph, and
    the highlights are dropped. ``compile`` composes outlines and reads each article's body
    again as it writes the termbase (:func:`glossari.glossary.compile_termbase`): a body held
    for every article at once was most of its memory (878 of 892 MB at 30,000 articles).
    """
    kept = {(s_index, b_index) for s_index, section in enumerate(article.sections)
            for b_index, block in enumerate(section.blocks) if block.links}

    def sections(of: tuple[Section, ...]) -> tuple[Section, ...]:
        return tuple(replaced(section, blocks=tuple(
            block if (s_index, b_index) in kept else _ELIDED
            for b_index, block in enumerate(section.blocks)))
            for s_index, section in enumerate(of))

    # made of the article's own checked parts: not checked again (a third of the time)
    english = reassembled(article.english, sections=sections(article.english.sections),
                          highlights=())
    return reassembled(article, sections=sections(article.sections), highlights=(),
                       english=english)


def recompose(composed: Term, article: Term, unresolved: Collection[str]) -> Term | None:
    """``article`` (newly read, with its English side) as :func:`compose` would give it, when
    it replaces ``composed`` (the same article as composed before) and the change reaches no
    other term; None when it may (then only composing the whole glossary again is right).

    ``unresolved`` holds the targets, as written, of ``composed``'s links that lead to no
    article (its links to link-only terms). The rest of the glossary sees an article only through
    its id, source and headwords, its aliases, its links (with their lines: findings cite them)
    and the text of the blocks holding a link to no article (link-only terms learn their English
    words there). When all of that is unchanged, so are the article's names, every other term,
    every link and every glossary finding; only the article's own text, English and findings
    differ.
    """
    if article.names != Names() or (_reach(article, unresolved)
                                     != _reach(composed, unresolved)):
        return None
    return replace(article, names=composed.names)


def _reach(term: Term, unresolved: Collection[str]) -> tuple[object, ...]:
    """What of an article the rest of the glossary reads (see :func:`recompose`)."""
    english = term.english.sections
    linking = []
    for s_index, section in enumerate(term.sections):
        for b_index, block in enumerate(section.blocks):
            if any(link.target in unresolved for link in block.links):
                other = english[s_index].blocks if s_index < len(english) else ()
                linking.append((s_index, b_index, block.text,
                                other[b_index].text if b_index < len(other) else None))
    return (term.id, term.kind, term.source.path, term.source.line, term.title,
            term_aliases(term), term.english.title, term.english.status,
            tuple((link.text, link.target, link.line, link.suspicious) for link in term.links),
            tuple(linking),
            tuple(b.text for b in term.highlights
                  if any(link.target in unresolved for link in b.links)))
