"""Alignment: the link graph, link-only terms, and English from parallel articles.

- :func:`resolve_link` names the term a link such as ``[peniaga broker](/broker-dealer)`` points
  to (its Malay text first, then its target: :func:`resolve`), and :func:`resolve_names` resolves
  every link of a glossary once and gives each term its names (docs/concepts.md);
- :func:`link_only_terms` turns targets with no article into terms of their own, with English
  from the catalog or suggested from the slug (:func:`suggest_english`);
- :func:`compose` puts articles and link-only terms together (what :func:`glossari.load` does).

See docs/alignment.md.
"""

from __future__ import annotations

from glossari.align.compose import Composed, compose
from glossari.align.links import (
    CatalogLookup,
    LinkRef,
    link_graph,
    link_only_terms,
    suspicious_link_findings,
)
from glossari.align.names import ResolvedLinks, english_lemma, resolve_names
from glossari.align.resolve import (
    TargetIndex,
    link_is_a_name,
    link_is_trusted,
    malay_key,
    resolve,
    resolve_link,
    target_key,
    term_aliases,
)
from glossari.align.slugs import suggest_english

__all__ = [
    "CatalogLookup",
    "Composed",
    "LinkRef",
    "ResolvedLinks",
    "TargetIndex",
    "compose",
    "english_lemma",
    "link_graph",
    "link_is_a_name",
    "link_is_trusted",
    "link_only_terms",
    "malay_key",
    "resolve",
    "resolve_link",
    "resolve_names",
    "suggest_english",
    "suspicious_link_findings",
    "target_key",
    "term_aliases",
]
