"""Putting a glossary together: articles with their English, plus link-only terms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossari.align.links import (
    CatalogLookup,
    LinkRef,
    link_graph,
    link_only_terms,
    suspicious_link_findings,
)
from glossari.align.names import resolve_names
from glossari.diagnostics import Finding
from glossari.model import Term

__all__ = ["Composed", "compose", "suggests_english"]


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
    """
    return lang is not None and lang.replace("-", "_").split("_")[0].lower() == "en"


def compose(
    articles: Sequence[Term], *, catalog: CatalogLookup | None = None, lang: str | None = "en"
) -> Composed:
    """The articles (each already with its English side) with their names
    (:func:`glossari.align.names.resolve_names`), and the link-only terms they imply.

    English suggestions from slugs are made only when ``lang`` is English (see
    :func:`suggests_english`).
    """
    resolved = resolve_names(articles, catalog=catalog)
    link_only = link_only_terms(articles, catalog=catalog, suggest=suggests_english(lang),
                                resolved=resolved)
    findings = (suspicious_link_findings(articles) + resolved.index.clashes
                + resolved.findings)
    terms = (*resolved.articles, *link_only)
    return Composed(terms=terms, findings=findings, links=link_graph(terms, resolved=resolved))
