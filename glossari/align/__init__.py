"""Alignment: the link graph, link-only terms, and English from parallel articles.

- :func:`resolve` names the term a link target such as ``/broker-dealer`` points to;
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
from glossari.align.resolve import TargetIndex, resolve, target_key, term_aliases
from glossari.align.slugs import suggest_english

__all__ = [
    "CatalogLookup",
    "Composed",
    "LinkRef",
    "TargetIndex",
    "compose",
    "link_graph",
    "link_only_terms",
    "resolve",
    "suggest_english",
    "suspicious_link_findings",
    "target_key",
    "term_aliases",
]
