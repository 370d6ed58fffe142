"""Link resolution: which term a link target such as ``/broker-dealer`` names.

A target names a term when, normalized (case, accents, hyphens, punctuation and spaces ignored),
it equals one of the term's names, tried in this order so that a more deliberate name always wins:

1. the term id (the article's file stem);
2. an alias from the article's front matter: ``aliases: finra, fin-reg`` (``alias:`` also works;
   comma-separated, or a YAML list);
3. the English headword (``Broker-dealer`` for ``/broker-dealer``);
4. an acronym in parentheses in the Malay or English headword (``... (FINRA)`` for ``/finra``).

When two terms share a name at the same rank, the first in id order wins and the clash is reported
(code S104), so a link never lands on a term by accident without anyone hearing of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote

from glossari.diagnostics import Finding
from glossari.model import Term
from glossari.text import lookup_key

__all__ = [
    "ALIAS_KEYS",
    "TargetIndex",
    "headword_acronyms",
    "resolve",
    "target_key",
    "term_aliases",
]

ALIAS_KEYS = ("aliases", "alias")
"""Front-matter keys listing other names a link may use for the article (comma-separated)."""

_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_PAGE_SUFFIX = re.compile(r"\.(?:md|markdown|html?|aspx?|php)$", re.IGNORECASE)

_RANKS = ("id", "alias", "English headword", "acronym")


@lru_cache(maxsize=1 << 16)
def target_key(target: str) -> str:
    """A link target reduced to the key names are compared by.

    The last path segment counts (``/terms/b/broker-dealer.asp`` is ``broker-dealer``); a
    fragment, a query, a page suffix and percent-escapes are dropped.

    >>> target_key("/Broker-Dealer"), target_key("terms/b/broker-dealer.asp#x")
    ('brokerdealer', 'brokerdealer')
    >>> target_key("investment%20advisor/")
    'investmentadvisor'
    """
    path = target.split("#", 1)[0].split("?", 1)[0].strip().strip("/")
    last = path.rsplit("/", 1)[-1]
    return lookup_key(_PAGE_SUFFIX.sub("", unquote(last)))


def term_aliases(term: Term) -> tuple[str, ...]:
    """The aliases an article lists in its front matter (``aliases:`` or ``alias:``).

    >>> from glossari.model import Location
    >>> t = Term(id="finra", title="FINRA", meta=(("aliases", "fin-reg, FINRA Rule"),),
    ...          source=Location(path="seeds/finra.md", line=1))
    >>> term_aliases(t)
    ('fin-reg', 'FINRA Rule')
    """
    found: list[str] = []
    for key in ALIAS_KEYS:
        value = term.meta_value(key)
        if value:
            found.extend(a.strip() for a in value.split(",") if a.strip())
    return tuple(found)


def headword_acronyms(text: str | None) -> tuple[str, ...]:
    """Acronyms written in parentheses in a headword.

    >>> headword_acronyms("Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA)")
    ('FINRA',)
    >>> headword_acronyms("Akaun (simpanan)")
    ()
    """
    if not text:
        return ()
    return tuple(
        m.group(1) for m in _ACRONYM_IN_PARENS.finditer(text)
        if sum(c.isupper() for c in m.group(1)) >= 2
    )


def _names(term: Term) -> tuple[tuple[str, ...], ...]:
    """The term's names by rank (see the module docstring)."""
    return (
        (term.id,),
        term_aliases(term),
        (term.english.title,) if term.english.title else (),
        headword_acronyms(term.title) + headword_acronyms(term.english.title),
    )


@dataclass(frozen=True, slots=True)
class TargetIndex:
    """Normalized names to term ids, for :func:`resolve`."""

    keys: Mapping[str, str] = field(default_factory=dict)
    """Normalized name (:func:`target_key`) to term id."""
    clashes: tuple[Finding, ...] = ()
    """Names claimed by two terms at the same rank (code S104)."""

    @classmethod
    def build(cls, terms: Iterable[Term]) -> TargetIndex:
        """Index the names of ``terms`` (articles; link-only terms are indexed by id only)."""
        ordered = sorted(terms, key=lambda t: t.id)
        keys: dict[str, str] = {}
        clashes: list[Finding] = []
        names = [(t, _names(t)) for t in ordered]
        for rank, label in enumerate(_RANKS):
            claimed: dict[str, str] = {}
            for term, by_rank in names:
                if term.kind == "link" and rank > 0:
                    continue
                for name in by_rank[rank]:
                    key = lookup_key(name)
                    if not key:
                        continue
                    first = claimed.setdefault(key, term.id)
                    if first != term.id and key not in keys:
                        clashes.append(Finding(
                            path=term.source.path, line=term.source.line, severity="warning",
                            code="S104", term=term.id,
                            message=f"the {label} '{name}' also names '{first}'; links to it go "
                            f"to '{first}' (give one of the two an alias or another name)",
                        ))
            for key, term_id in claimed.items():
                keys.setdefault(key, term_id)
        return cls(keys, tuple(clashes))

    def __contains__(self, target: object) -> bool:
        return isinstance(target, str) and resolve(target, self) is not None


def resolve(target: str, index: TargetIndex) -> str | None:
    """The id of the term a link target names, or None when no term answers to it.

    >>> from glossari.model import English, Location
    >>> at = Location(path="seeds/x.md", line=1)
    >>> index = TargetIndex.build([
    ...     Term(id="peniagabroker", title="Peniaga broker", source=at,
    ...          english=English(title="Broker-dealer", status="translated")),
    ...     Term(id="pbkik", title="Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA)",
    ...          source=at)])
    >>> resolve("/broker-dealer", index), resolve("/finra", index), resolve("/bon", index)
    ('peniagabroker', 'pbkik', None)
    """
    key = target_key(target)
    return index.keys.get(key) if key else None
