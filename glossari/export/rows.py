"""One table row per term: the values every table format renders.

A :class:`Row` holds exactly what ``glossari table --format json`` prints (:data:`JSON_KEYS`),
plus the cross-references TBX needs. :func:`rows_from_glossary` reads them off the terms, filters
and sorts them; the renderers in this package only format rows.

>>> from glossari.model import English, Location, Term
>>> terms = [
...     Term(id="b", title="Écu", source=Location(path="seeds/b.md", line=1)),
...     Term(id="a", title="ekuiti", categories=("Saham",),
...          source=Location(path="seeds/a.md", line=1),
...          english=English(title="Equity", status="translated")),
... ]
>>> [(r.id, r.ms, r.en, r.status) for r in rows_from_glossary(terms)]
[('b', 'Écu', None, 'untranslated'), ('a', 'ekuiti', 'Equity', 'translated')]
>>> [r.id for r in rows_from_glossary(terms, category="saham")]
['a']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from glossari.model import Status, Term, TermKind
from glossari.text import category_key, closest_name, distinct_categories, headword_order

__all__ = ["JSON_KEYS", "STATUSES", "Row", "SortKey", "language_name", "misspelt_category",
           "rows_from_glossary", "targets_by_source"]

SortKey = Literal["ms", "en"]
"""Which headword orders the table: Malay (``ms``) or English (``en``)."""

STATUSES: tuple[Status, ...] = get_args(Status)
"""Every status, in order of trust: translated, fuzzy, suggested, untranslated."""

JSON_KEYS: tuple[str, ...] = (
    "id",
    "ms",
    "en",
    "kind",
    "status",
    "categories",
    "definition_ms",
    "definition_en",
    "source",
)
"""The keys of each object of ``glossari table --format json``, in order (the public contract)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One term as the tables show it."""

    id: str
    """Term id: the article's file stem, or the link target slug for a link-only term."""
    ms: str | None
    """Malay headword (the link text for a link-only term), or None when it is unknown."""
    en: str | None
    """English (target-language) headword, or None."""
    kind: TermKind
    """``article`` or ``link``."""
    status: Status
    """How far ``en`` can be trusted: translated, fuzzy, suggested (from a slug) or untranslated."""
    categories: tuple[str, ...] = ()
    """Malay categories."""
    definition_ms: str | None = None
    """Malay definition, or None."""
    definition_en: str | None = None
    """English definition, or None."""
    source: str
    """Where the term comes from, as ``path:line``."""
    links: tuple[str, ...] = ()
    """Ids of the glossary terms this one's links resolve to, in first-mention order, without
    itself."""
    categories_en: tuple[str | None, ...] = ()
    """English of each category, position for position (None where untranslated)."""
    aliases: tuple[str, ...] = ()
    """The article's other Malay names (front matter ``aliases:``, :attr:`Names.aliases`):
    the TBX gives them as admitted Malay terms of the concept. Not a JSON key."""

    def as_json(self) -> dict[str, object]:
        """The row as the JSON object of the public contract: exactly :data:`JSON_KEYS`."""
        return {
            "id": self.id,
            "ms": self.ms,
            "en": self.en,
            "kind": self.kind,
            "status": self.status,
            "categories": list(self.categories),
            "definition_ms": self.definition_ms,
            "definition_en": self.definition_en,
            "source": self.source,
        }


def row_from_term(
    term: Term,
    *,
    known_ids: frozenset[str] | None = None,
    links_to: Iterable[str] | None = None,
) -> Row:
    """The row of one term.

    ``links_to``: the ids of the terms its links resolve to, in link order (see
    :func:`resolved_targets`); without it, the link targets taken as ids. ``known_ids`` limits
    ``links`` to terms that exist.
    """
    links: list[str] = []
    targets = links_to if links_to is not None else (
        link.target for link in term.links if link.internal)
    for target in targets:
        if target == term.id or target in links:
            continue
        if known_ids is None or target in known_ids:
            links.append(target)
    english = term.english
    # a category the article lists twice (Kewangan Islam, kewangan islam) is listed once
    categories = distinct_categories(term.categories, english.categories)
    return Row(
        id=term.id,
        ms=term.title,
        en=english.title,
        kind=term.kind,
        status=english.status,
        categories=tuple(ms for ms, _ in categories),
        # an empty `description:` is no definition (null, as for none), not ""
        definition_ms=term.description or None,
        definition_en=english.description or None,
        source=str(term.source),
        links=tuple(links),
        categories_en=tuple(en for _, en in categories),
        aliases=term.names.aliases,
    )


def rows_from_glossary(
    glossary: Iterable[Term],
    *,
    category: str | None = None,
    status: str | None = None,
    sort: SortKey = "ms",
    link_targets: Mapping[str, Sequence[str]] | None = None,
) -> list[Row]:
    """The table rows of ``glossary`` (a :class:`~glossari.Glossary` or any iterable of terms).

    ``link_targets``: per article id, the ids its links lead to, when ``glossary`` is not the
    :class:`~glossari.Glossary` itself (:func:`targets_by_source` of its
    :meth:`~glossari.Glossary.link_ids`, say, with
    :meth:`~glossari.Glossary.headers` as the terms); else see :func:`resolved_targets`.

    ``category`` keeps the terms with that category, Malay or English, ignoring case, accents,
    spacing and hyphens (:func:`glossari.text.category_key`).
    ``status`` keeps the terms with that status. ``sort`` orders by the Malay (``ms``) or English
    (``en``) headword, ignoring case and accents, ties broken by id; terms without that headword
    come last. Raises :class:`ValueError` for an unknown ``status`` or ``sort``.
    """
    if status is not None and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; choose one of {', '.join(STATUSES)}")
    if sort not in ("ms", "en"):
        raise ValueError(f"unknown sort key {sort!r}; choose 'ms' or 'en'")
    terms = list(glossary)
    known = frozenset(t.id for t in terms)
    targets = link_targets if link_targets is not None else resolved_targets(glossary, terms)
    rows = [row_from_term(t, known_ids=known, links_to=targets.get(t.id, ())) for t in terms]
    if category is not None:
        wanted = category_key(category)
        rows = [r for r in rows if wanted in _category_keys(r)]
    if status is not None:
        rows = [r for r in rows if r.status == status]
    rows.sort(key=_sort_key_ms if sort == "ms" else _sort_key_en)
    return rows


def misspelt_category(glossary: Iterable[Term], category: str) -> str | None:
    """The category of ``glossary``'s terms (Malay or English) that ``category`` most likely
    misspells, when no term has ``category`` itself (:func:`glossari.text.category_key`); else
    None. ``table --category Carers`` printed an empty table and 'no term matches', with no word
    on ``Careers``.

    >>> from glossari.model import Location
    >>> terms = [Term(id="kos", title="Kos", categories=("Perakaunan Kos",),
    ...               source=Location(path="seeds/kos.md", line=1))]
    >>> misspelt_category(terms, "perakaunan-koss"), misspelt_category(terms, "Perakaunan kos")
    ('Perakaunan Kos', None)
    """
    names = [c for t in glossary for c in (*t.categories, *t.english.categories) if c]
    if category_key(category) in {category_key(name) for name in names}:
        return None
    return closest_name(category, names, key=category_key)


def resolved_targets(glossary: Iterable[Term],
                     terms: list[Term]) -> Mapping[str, Sequence[str]]:
    """Per article id, the ids of the terms its internal links resolve to, in link order.

    The glossary's own answer when it is a :class:`~glossari.Glossary`
    (:meth:`~glossari.Glossary.link_ids`: a compiled termbase reads it from its ``links`` table),
    else the same resolution over ``terms`` (:func:`glossari.align.links.link_graph`): a TBX
    cross-reference names the term a link resolves to, never its slug.
    """
    from glossari.glossary import Glossary

    if isinstance(glossary, Glossary):
        return targets_by_source(glossary.link_ids())
    from glossari.align.links import link_graph

    return targets_by_source((ref.source.id, ref.link.target,
                              None if ref.target is None else ref.target.id)
                             for ref in link_graph(terms))


def targets_by_source(
        link_ids: Iterable[tuple[str, str, str | None]]) -> dict[str, list[str]]:
    """Per article id, the ids its links lead to, in link order, from
    :meth:`~glossari.Glossary.link_ids` rows (links that lead nowhere left out)."""
    found: dict[str, list[str]] = {}
    for source_id, _, target_id in link_ids:
        if target_id is not None:
            found.setdefault(source_id, []).append(target_id)
    return found


def _category_keys(row: Row) -> set[str]:
    return {category_key(c) for c in (*row.categories, *row.categories_en) if c}


_Key = tuple[bool, tuple[str, str], str]


def _sort_key_ms(row: Row) -> _Key:
    # the one order of terms, as Glossary iteration (glossari.text.headword_order)
    return headword_order(row.ms, row.id)


def _sort_key_en(row: Row) -> tuple[_Key, _Key]:
    return (headword_order(row.en, ""), headword_order(row.ms, row.id))


@functools.lru_cache(maxsize=64)  # a check names the language in each of its findings
def language_name(code: str, in_lang: str = "en") -> str:
    """The name of a language code in English (``en`` -> ``English``), or in ``in_lang``
    (``ms``: ``en`` -> ``Inggeris``), or the code itself.

    >>> language_name("ms"), language_name("pt_BR"), language_name("zz")
    ('Malay', 'Portuguese (Brazil)', 'zz')
    >>> language_name("en", "ms"), language_name("id", "ms")
    ('Inggeris', 'Indonesia')

    A script gettext writes as a modifier is that script (``cldr_locale``): ``sr_RS@latin`` was
    named Serbian (Cyrillic, Serbia), Babel reading the modifier as nothing.

    >>> language_name("sr_RS@latin"), language_name("uz@arabic")
    ('Serbian (Latin, Serbia)', 'Uzbek (Arabic)')
    """
    from babel import UnknownLocaleError  # Babel is heavy: only when a table is made

    from glossari.catalog.languages import cldr_locale

    try:
        name = cldr_locale(code).get_display_name(in_lang)
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return name or code


def language_direction(code: str) -> str:
    """``rtl`` for a language written right to left (Arabic, Hebrew, Persian, Urdu), else ``ltr``.

    >>> language_direction("ar"), language_direction("fa_IR"), language_direction("fr")
    ('rtl', 'rtl', 'ltr')
    >>> language_direction("uz@arabic"), language_direction("ks_IN@devanagari")
    ('rtl', 'ltr')
    """
    from babel import UnknownLocaleError

    from glossari.catalog.languages import cldr_locale

    try:  # uz@arabic is Uzbek in Arabic letters, ks@devanagari Kashmiri in Devanagari
        order = cldr_locale(code).character_order
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"
