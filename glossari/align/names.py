"""Terms as concepts: every name of every term, and every link resolved once, for everyone.

:func:`resolve_names` is what :func:`glossari.load` runs after reading the articles and their
English: it resolves each internal link of the glossary (the Malay text first, then the target:
:func:`glossari.align.resolve.resolve_link`), learns which targets name which term, and gives each
article its :class:`~glossari.model.Names`. Every consumer (the library, ``check``, the tables,
``render``, ``show``, ``align``) then reads the same answer from the terms, because the names a
link used to resolve are kept on the term it resolved to:

- ``slugs``: a target that links resolved to the term. A target that the Malay side resolved (a
  link text equal to the term's headword, alias or acronym) belongs to the term the most such
  links name (the first in file order on a tie; two terms sharing one target is reported, S104),
  unless it is another article's id. A target resolved by an alias, acronym or English headword
  is kept too, so ``check``, which lets the English go before checking, answers as the library.
- ``link_texts``: the trusted Malay texts of the links that resolve to it, but for a link to a
  part of its article (``[jenis sukuk](/sukuk#jenis)``: :func:`link_is_a_name`).
- ``english_variants``: the translations of those links (``hedge funds``): variants, never the
  approved headword.

A link whose Malay text names one article while its target is the id of another goes where the
Malay says, and is reported (S122), as is a link that resolves through neither (S121, by the
checks, with the closest English headword as a hint: an English headword changed in a catalog no
longer matches the slug).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from glossari.align.resolve import (
    TargetIndex,
    headword_acronyms,
    link_is_a_name,
    link_is_trusted,
    link_slug,
    resolve,
    resolve_link,
    target_key,
    term_aliases,
)
from glossari.catalog.messages import GLOSSARY_DOMAIN, link_context
from glossari.catalog.usable import refused
from glossari.diagnostics import Finding
from glossari.model import Link, Names, Status, Term
from glossari.seeds.markdown import plain_text
from glossari.seeds.rules import suspicious_link_text
from glossari.terms import english
from glossari.terms.english import without_determiner
from glossari.text import excerpt, lookup_key, one_line, quoted

__all__ = ["CatalogLookup", "ResolvedLinks", "english_lemma", "internal_links",
           "link_text_name", "link_translation_names", "resolve_names"]


class CatalogLookup(Protocol):
    """What names and link-only terms need from a language's catalogs: one message's
    translation (:class:`glossari.catalog.translations.Translations` is one)."""

    def get(self, domain: str, context: str | None, msgid: str) -> tuple[str | None, Status]:
        """``(msgstr, status)`` of a message; an empty or missing one is ``untranslated``."""
        ...


def internal_links(terms: Sequence[Term]) -> Iterator[tuple[Term, Link]]:
    """Each internal link of the articles among ``terms`` (with a usable target), in order."""
    for term in terms:
        if term.kind != "article":
            continue
        for link in term.links:
            if link.internal and target_key(link.target):
                yield term, link


def english_lemma(text: str) -> str:
    """``text`` with its last word's English plural ending undone, as far as rules can: the
    recogniser's rule (:func:`glossari.terms.english.singular`), so that a link text's lemma
    and a name found in the singular agree.

    >>> english_lemma("hedge funds"), english_lemma("Agencies"), english_lemma("boxes")
    ('hedge fund', 'Agency', 'box')
    >>> english_lemma("Broker-dealers"), english_lemma("business"), english_lemma("status")
    ('Broker-dealer', 'business', 'status')
    >>> english_lemma("FINRA"), english_lemma("gas")
    ('FINRA', 'gas')
    """
    match = re.search(r"[A-Za-z]+$", text)
    if match is None or len(match.group()) < 4 or match.group().isupper():
        return text
    return text[: match.start()] + english.singular(match.group())


def link_text_name(text: str) -> str:
    """The name a link's text gives its term, as a reader reads it: on one line, and without
    the marks of its inline Markdown (:func:`glossari.seeds.markdown.plain_text`), so that
    ``[**pendapatan sesaham**](/eps)`` names *pendapatan sesaham*, where the link-only term's
    headword, its table row, its page and the search index showed ``**pendapatan sesaham**``
    (:attr:`glossari.model.Link.text` keeps the text as written, and its message too).

    >>> link_text_name("**pendapatan  sesaham**"), link_text_name("*saham*-saham `SC`")
    ('pendapatan sesaham', 'saham-saham SC')
    """
    return " ".join(plain_text(text).split())


def link_translation_names(msgstr: str, lang: str = "en") -> tuple[str, str]:
    """The name a link's translation gives its term, without the article or the possessive its
    sentence put before it in ``lang`` (``the takaful operators``: ``takaful operators``; French
    ``les opérateurs takaful``: ``opérateurs takaful``) and on one line (:func:`one_line`: a
    no-break space, ``RM\u00a0100``, stays), and that name with its plural undone (``takaful
    operator``): the English variant an article takes from it (:func:`resolve_names`), the forms
    a link-only term's headword takes from it (``glossari.align.links._english_of``), and so the
    forms a table of the term gives.

    >>> link_translation_names("the takaful operators")
    ('takaful operators', 'takaful operator')
    """
    name = without_determiner(one_line(plain_text(msgstr)), lang)
    return name, english_lemma(name)


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedLinks:
    """The glossary's articles with their names, and where each internal link goes."""

    articles: tuple[Term, ...]
    """The articles, each with :attr:`Term.names` filled in."""
    index: TargetIndex
    """The index the links were resolved with (the slugs learned from the Malay side in it)."""
    targets: tuple[tuple[Term, Link, str | None], ...]
    """Each internal link, in file order of ``articles``: its article, itself, and the id of the
    article it resolves to (None: it names no article)."""
    findings: tuple[Finding, ...] = ()
    """Targets two terms claim (S104) and links whose text and target disagree (S122)."""


def resolve_names(
    articles: Sequence[Term], *, catalog: CatalogLookup | None = None, lang: str | None = "en"
) -> ResolvedLinks:
    """Resolve every internal link of ``articles`` and give each article its names.

    ``articles`` carry their English sides already (an English headword is a name a target may
    use); ``catalog`` gives the translations of link messages (English variants), in ``lang``
    (whose articles and possessives a variant is filed without: ``sa prime`` in French).
    """
    base = TargetIndex.build(articles)
    links = list(internal_links(articles))
    # 1. which target each Malay-resolved link votes for
    votes: dict[str, Counter[str]] = {}
    spelled: dict[str, str] = {}
    first_link: dict[tuple[str, str], tuple[str, int]] = {}  # (target, vote) -> its first link
    for term, link in links:
        if not link_is_trusted(link):
            continue
        named = base.by_text(link.text)
        if not named:
            continue
        by_target = resolve(link.target, base)
        chosen = by_target if by_target in named else named[0]
        key = target_key(link.target)
        votes.setdefault(key, Counter())[chosen] += 1
        spelled.setdefault(key, link.target)
        first_link.setdefault((key, chosen), (term.source.path, link.line))
    findings: list[Finding] = []
    owned: dict[str, list[str]] = {}
    for key, counter in votes.items():
        if base.ranks.get(key) == "id":
            continue  # an article's file stem is its own name first
        # most votes; Counter keeps first-seen order among equals
        owner = max(counter, key=lambda term_id: counter[term_id])
        owned.setdefault(owner, []).append(link_slug(spelled[key]))
        others = [t for t in counter if t != owner]
        if others:
            path, line = first_link[(key, others[0])]  # the link to fix, not an article's top
            findings.append(Finding(
                path=path, line=line, severity="warning",
                code="S104", term=others[0],
                message=f"the target {excerpt('/' + spelled[key])} is used for "
                f"{quoted(excerpt(owner))} and for "
                f"{', '.join(quoted(excerpt(other)) for other in others)}; "
                f"links to it whose text names neither go to {quoted(excerpt(owner))} "
                "(give each concept its own link target)",
            ))
    learned = {t.id: tuple(owned.get(t.id, ())) for t in articles}
    index = base.with_slugs(articles, learned)
    # 2. every link, resolved once
    targets: list[tuple[Term, Link, str | None]] = []
    texts: dict[str, dict[str, str]] = {}
    slugs: dict[str, dict[str, str]] = {t.id: {lookup_key(s): s for s in learned[t.id]}
                                        for t in articles}
    english: dict[str, dict[str, str]] = {}
    for term, link in links:
        term_id = resolve_link(link, index)
        targets.append((term, link, term_id))
        if term_id is None:
            continue
        if link_is_a_name(link):
            texts.setdefault(term_id, {}).setdefault(lookup_key(link.text),
                                                     link_text_name(link.text))
        key = target_key(link.target)
        by_target = index.keys.get(key)
        other, rank, follow = by_target, index.ranks.get(key), ""
        if by_target is None or by_target == term_id:
            if index.ranks.get(key) != "id":
                slugs[term_id].setdefault(key, link_slug(link.target))
            # the slug this very link taught its term hides that the target is another
            # article's own name (`[peniaga broker](/commission)` beside komisen, English
            # 'Commission'): S122 all the same, and the links that follow the slug are named
            decided = link_is_trusted(link) and term_id in index.by_text(link.text)
            other, rank = (base.keys.get(key), base.ranks.get(key)) if decided else (None, None)
            follow = (f"; so do the other links to /{link.target} whose text names no "
                      "article") if index.ranks.get(key) == "slug" else ""
        if other is not None and other != term_id and rank in (
                "id", "alias", "acronym", "English headword"):
            findings.append(Finding(
                path=term.source.path, line=link.line, severity="warning", code="S122",
                term=term.id,
                message=f"the link text {quoted(excerpt(link.text))} names '{term_id}', but "
                f"{link.written} is the {rank} of '{other}'; the link goes to '{term_id}'{follow} "
                "(the Malay decides: fix the text or the target)",
            ))
        if catalog is not None and link.text.strip() and link_is_a_name(link):
            msgstr, status = catalog.get(GLOSSARY_DOMAIN, link_context(link.target), link.text)
            # a text that could not be a link's trusted text is no name, as on the Malay side
            if (msgstr and status in ("translated", "fuzzy")
                    and not refused(GLOSSARY_DOMAIN, link_context(link.target), link.text, msgstr,
                                    block=False)
                    and suspicious_link_text(msgstr) is None):
                # the name, not its sentence's article (`the investment`, `its shares`)
                name = link_translation_names(msgstr, lang or "en")[0]
                english.setdefault(term_id, {}).setdefault(lookup_key(name), name)
    with_names: list[Term] = []
    for term in articles:
        approved = lookup_key(term.english.title or "")
        variants = tuple(v for k, v in english.get(term.id, {}).items() if k != approved)
        with_names.append(replace(term, names=Names(
            aliases=term_aliases(term),
            acronyms=tuple(dict.fromkeys(headword_acronyms(term.title)
                                         + headword_acronyms(term.english.title))),
            link_texts=tuple(texts.get(term.id, {}).values()),
            slugs=tuple(slugs[term.id].values()),
            english_variants=variants,
        )))
    final = {t.id: t for t in with_names}
    resolved = tuple((final[source.id], link, term_id) for source, link, term_id in targets)
    return ResolvedLinks(articles=tuple(with_names), index=index,
                         targets=resolved, findings=tuple(findings))


