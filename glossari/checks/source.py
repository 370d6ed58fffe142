"""Checks on the source articles (``S1xx``): front matter, structure, links, duplicates.

Loading already reports some problems: the reader (``S101`` a heading without its space, ``S110``
an empty block quote, in ``Term.findings``) and link resolution (``S103`` link text not trusted as
a headword, ``S104`` one name claimed by two terms, in ``Glossary.findings``). The runner passes
those on; these checks add what needs the whole term or the whole glossary, and back up ``S101``
and ``S103`` for terms built in Python rather than loaded.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from glossari.align.links import suspicious_link_finding
from glossari.align.resolve import TargetIndex, resolve_link, target_key
from glossari.catalog.messages import is_headword_heading
from glossari.checks.codes import finding
from glossari.diagnostics import Finding
from glossari.model import Link, Term
from glossari.seeds.folder import unread_articles
from glossari.seeds.markdown import shown_as_text
from glossari.seeds.rules import (
    heading_without_space,
    misspelt_key,
    suspicious_link_text,
    unfollowable_link_target,
)
from glossari.text import excerpt, lookup_key, quoted

if TYPE_CHECKING:
    from glossari.glossary import Glossary

__all__ = ["SOURCE_CHECKS", "suspicious_link_text", "unread_article_findings"]


def _link_problem(link: Link) -> str | None:
    return link.suspicious or suspicious_link_text(link.text)


# --- per term ------------------------------------------------------------------------------------


def reader_findings(terms: Iterable[Term]) -> Iterator[Finding]:
    """S101, S110 and anything else the reader noticed, plus S101 for a malformed section the
    reader did not report (a term built in memory)."""
    for term in terms:
        yield from term.findings
        reported = {f.line for f in term.findings if f.code == "S101"}
        for section in term.sections:
            if section.malformed and section.line not in reported:
                written = "#" * section.level + section.heading
                yield finding(
                    "S101", path=term.source.path, line=section.line, term=term.id,
                    message=heading_without_space(written, section.level, section.heading),
                )


def _misspelt(keys: list[str], wanted: str, line: int) -> str:
    """The end of an S106/S107 message naming a key that looks like ``wanted`` misspelt."""
    typo = None if line else misspelt_key(keys, wanted)
    return f"; '{typo}:' looks like a misspelling: rename it to '{wanted}:'" if typo else ""


def _semicolon(category: str, parts: list[str]) -> str:
    # one category, as commas separate them: the site's one page, and the CSV table's
    # categories column, which joins categories with "; ", gives it as several that a
    # spreadsheet or Weblate reads apart
    return (f"the category {quoted(category)} holds ';': commas separate categories, so it is "
            f"one, which the CSV table (categories joined by '; ') gives as {len(parts)}; "
            f"write {quoted(', '.join(parts))} for {len(parts)} categories")


def _comma(category: str, parts: list[str]) -> str:
    # a list item (keywords: ["Pasaran Modal, Ekuiti"]) is one category, but every one-line
    # reading of the keywords splits it: Term.meta's keywords (the items joined by ", "), a
    # keywords: line, any reader of the comma-separated form
    return (f"the 'keywords' item {quoted(category)} holds a comma, which separates "
            f"categories: it is one category here, but the keywords written on one line "
            f"(Term.meta, 'keywords: A, B') read it as {len(parts)}, "
            + ", ".join(quoted(p) for p in parts)
            + "; write each category as its own item, or drop the comma")


_CATEGORY_MARKS = ((";", _semicolon), (",", _comma))
"""S116's marks that one category holds and a reader splits it at, each with its message."""


def front_matter(terms: Iterable[Term]) -> Iterator[Finding]:
    """S102 no headword, S105 H1 differs from title, S106 no definition, S107 no categories,
    S116 a category holding a semicolon or a comma."""
    for term in terms:
        if term.kind != "article":
            continue
        path, first = term.source.path, term.source.line
        if not (term.title or "").strip():
            yield finding("S102", path=path, line=term.title_line or first, term=term.id,
                          message="the article has no Malay headword ('title:')")
        keys = [key for key, _ in term.meta]
        if not (term.description or "").strip():
            yield finding("S106", path=path, line=term.description_line or first, term=term.id,
                          message="the article has no definition ('description:')"
                          + _misspelt(keys, "description", term.description_line))
        if not term.categories:
            yield finding("S107", path=path, line=term.categories_line or first, term=term.id,
                          message="the article has no categories ('keywords:')"
                          + _misspelt(keys, "keywords", term.categories_line))
        for category in term.categories:
            for mark, parted in _CATEGORY_MARKS:
                if mark in category:
                    parts = [p.strip() for p in category.split(mark) if p.strip()]
                    yield finding("S116", path=path, line=term.categories_line or first,
                                  term=term.id, message=parted(category, parts))
        title = " ".join((term.title or "").split())
        for section in term.sections:
            if section.level == 1:
                heading = " ".join(section.heading.split())
                # the rule that makes the H1 the headword's message, and keeps it out of the body
                if title and not is_headword_heading(section.heading, section.level, title):
                    yield finding(
                        "S105", path=path, line=section.line, term=term.id,
                        message=f"the level-1 heading {quoted(excerpt(heading))} differs from "
                        f"the headword {quoted(excerpt(title))}",
                    )
                break


def empty_sections(terms: Iterable[Term]) -> Iterator[Finding]:
    """S111: a heading followed by nothing, not even a subsection, before the next heading of the
    same or a higher level (a heading right above its subheadings is a parent, not empty)."""
    for term in terms:
        sections = term.sections
        for index, section in enumerate(sections):
            if not section.heading or section.blocks:
                continue
            following = sections[index + 1] if index + 1 < len(sections) else None
            if following is not None and following.level > section.level:
                continue
            yield finding("S111", path=term.source.path, line=section.line, term=term.id,
                          message=f"the section {quoted(excerpt(section.heading))} is empty")


def link_texts(terms: Iterable[Term]) -> Iterator[Finding]:
    """S103: link text that cannot serve as a headword (unbalanced brackets, stray punctuation).

    Loading reports the links the reader marked (:attr:`Link.suspicious`); the runner keeps that
    report and drops this one at the same line."""
    for term in terms:
        if term.kind != "article":
            continue
        for link in term.links:
            if not link.internal:
                continue
            problem = _link_problem(link)
            if problem is not None:
                yield suspicious_link_finding(term, link, problem)


def link_targets(terms: Iterable[Term]) -> Iterator[Finding]:
    """S115: a link target no reader can follow: a path on the author's computer or a relative
    path (:func:`glossari.seeds.rules.unfollowable_link_target`), or a glossary target with no
    letter or digit (``/---``), which names no term (its key is empty: no link-only term is
    made, and the site shows the text unlinked)."""
    for term in terms:
        if term.kind != "article":
            continue
        for link in term.links:
            why = unfollowable_link_target(link.target)
            if why is None and link.internal and not target_key(link.target):
                why = f"'/{link.target}' holds no letter or digit, so it names no term"
            if why is not None:
                yield finding(
                    "S115", path=term.source.path, line=link.line, term=term.id,
                    message=f"the link {quoted(excerpt(link.text))} leads nowhere a reader can "
                    f"follow: {why}; "
                    "link a glossary term as '/slug' (its file name), a web page as "
                    "'https://...'",
                )


def unresolved_links(terms: tuple[Term, ...]) -> Iterator[Finding]:
    """S121: an internal link that names no article (link resolution as in
    :func:`glossari.align.resolve.resolve_link`: its Malay text, then its target); the target
    becomes a link-only term. Reported once per target, at its first link, with the article whose
    English headword or id comes closest to the target, if any (an English headword edited in a
    catalog no longer matches the slug it used to: the link says so here rather than silently
    leaving the article)."""
    articles = [t for t in terms if t.kind == "article"]
    index = TargetIndex.build(articles)
    seen: set[str] = set()
    # the first link in file order, as the link-only term's source is (the seeds are read in
    # the order of their names; ``terms`` come in the glossary's Malay order)
    for term in sorted(articles, key=lambda t: t.source.path):
        for link in term.links:
            key = target_key(link.target)
            if not link.internal or not key or key in seen or resolve_link(link, index):
                continue
            seen.add(key)
            yield finding(
                "S121", path=term.source.path, line=link.line, term=term.id,
                message=f"{excerpt(link.written)} ({quoted(excerpt(link.text))}) names no "
                "article (no article's Malay headword, alias or acronym is the link text; no id, "
                "alias, acronym or English headword is the target); it is a link-only term"
                f"{_closest(key, link.target.strip('/'), articles)}",
            )


def _closest(key: str, target: str, articles: list[Term]) -> str:
    """A hint naming the article whose English headword (or id) is nearest to a target's key,
    which suggests the ``target`` as written for its aliases (the folded key is not what the
    author typed: ``nisbahpeg`` for ``nisbah-p-e-g``)."""
    names: dict[str, tuple[Term, str]] = {}
    for term in articles:
        for name in (term.english.title, term.id):
            if name and lookup_key(name):
                names.setdefault(lookup_key(name), (term, name))
    near = [k for k in names if len(key) >= 4 and (k.startswith(key) or key.startswith(k))]
    near = near or difflib.get_close_matches(key, list(names), n=1, cutoff=0.8)
    if not near:
        return ""
    term, name = names[near[0]]
    return (f"; {quoted(excerpt(term.id))} is close ({quoted(excerpt(name))}): if the link "
            f"means it, write its Malay headword {quoted(excerpt(term.title or ''))} as the link "
            f"text, or add {quoted(excerpt(target))} to its 'aliases:'")


def duplicates(terms: tuple[Term, ...]) -> Iterator[Finding]:
    """S130 ids equal but for case; S131 two articles with one Malay headword; S132 two
    link-only terms with one Malay name (reported at the later one, naming the first)."""
    from glossari.align.resolve import malay_key
    from glossari.terms import without_possessive

    by_name: dict[str, Term] = {}
    for term in terms:
        # [sekuriti](/securities) and [Sekuriti](/security), /prime-brokerage and
        # /prime-brokerages, [pelaburan](/investment) and [pelaburannya](/investments): one
        # concept split in two, which lookup and find then answer apart (a name with the
        # possessive is the name without it, as a link text's resolution reads it)
        title = term.title or ""
        key = (malay_key(without_possessive(title) or title) if term.kind == "link" else "")
        same = by_name.setdefault(key, term) if key else term
        if same is not term:
            read = (f"both read {quoted(excerpt(title))}" if same.title == term.title
                    else f"read {quoted(excerpt(title))} and {quoted(excerpt(same.title or ''))}")
            yield finding(
                "S132", path=term.source.path, line=term.source.line, term=term.id,
                message=f"links to /{_slug(term)} and to /{_slug(same)} ({same.source}) {read}: "
                "two terms for what is likely one concept; point the links at one target, or "
                "write an article",
            )
    by_id: dict[str, Term] = {}
    by_title: dict[str, Term] = {}
    for term in sorted((t for t in terms if t.kind == "article"),
                       key=lambda t: (t.source.path, t.source.line, t.id)):
        first = by_id.setdefault(term.id.casefold(), term)
        if first is not term:
            yield finding(
                "S130", path=term.source.path, line=term.source.line, term=term.id,
                message=f"the id {quoted(excerpt(term.id))} differs only in case from "
                f"{quoted(excerpt(first.id))} ({first.source})",
            )
        key = lookup_key(term.title or "")
        if not key:
            continue
        same = by_title.setdefault(key, term)
        if same is not term:
            yield finding(
                "S131", path=term.source.path, line=term.title_line or term.source.line,
                term=term.id,
                message=f"the headword {quoted(excerpt(term.title or ''))} is also the headword "
                f"of '{same.id}' "
                f"({same.source.path}:{same.title_line or same.source.line}); tell them apart "
                "or merge them",
            )


def _slug(term: Term) -> str:
    return term.names.slugs[0] if term.names.slugs else term.id


def names_answered_apart(terms: Iterable[Term]) -> Iterator[Finding]:
    """S104 for a name that ``find`` gives one term and ``show`` and lookups another: a link
    text or a link-only term's Malay name that is another article's id (``bon-korporat.md``
    titled *Bon syarikat* beside ``[bon korporat](/corporate-bond)``), an English headword
    that is another article's id (*Stock* of ``saham.md`` beside ``stock.md``). (An id that is
    another article's Malay headword, alias or acronym is reported as the glossary loads.)

    S132 for one Malay link text whose links go to two terms (``[bon korporat](/corporate-bond)``
    and ``[bon korporat](/bond)``, where ``/bond`` is the article *Bon*): one concept split in
    two, of which ``show`` and ``find`` answer only one. (Two link-only terms are ``duplicates``'
    S132; a text that is an article's Malay name goes where the Malay says.)"""
    from glossari.align.resolve import malay_key
    from glossari.glossary import Glossary, term_names

    terms = tuple(terms)
    glossary = Glossary(terms)
    malay = TargetIndex.build(t for t in terms if t.kind == "article").texts
    for lang in ("ms", "en"):
        seen: set[str] = set()
        for term in terms:
            for name in term_names(term, lang):
                key = lookup_key(name)
                if not key or key in seen:
                    continue
                seen.add(key)
                try:
                    answer = glossary.lookup(name)
                except KeyError:
                    continue
                if answer.id == term.id:
                    continue  # find gives a name lookup answers to the term lookup answers
                found = [m.term for m in glossary.find_terms(name, lang)
                         if m.start == 0 and m.end == len(name)]
                if not found or found[0].id == answer.id:
                    continue
                named = found[0]
                by_id = lookup_key(answer.id) == key
                if (lang == "ms" and by_id and named.id in malay.get(key, ())) or (
                        named.kind == answer.kind == "link"):
                    continue  # reported as the glossary loads; two link-only terms: S132
                yield finding(
                    "S104", path=named.source.path, line=named.source.line, term=named.id,
                    message=f"the {'Malay' if lang == 'ms' else 'English'} name "
                    f"{quoted(excerpt(name))} of {quoted(excerpt(named.id))} is also "
                    f"{'the id' if by_id else 'a name'} of {quoted(excerpt(answer.id))}: 'find' "
                    f"answers {quoted(excerpt(named.id))}, 'show' and lookups "
                    f"{quoted(excerpt(answer.id))} (give one of the two another name, or rename "
                    "a file)",
                )
    for term in terms:
        for alias in term.names.aliases if term.kind == "article" else ():
            key = lookup_key(alias)
            other = glossary.lookup(alias) if key else term
            # an alias both articles list, or the other's id alone: S104 as the glossary loads
            loaded = key in {lookup_key(a) for a in other.names.aliases} or (
                key == lookup_key(other.id) and other.id not in malay.get(key, ()))
            if other.id != term.id and not loaded:
                yield finding(
                    "S104", path=term.source.path, line=term.source.line, term=term.id,
                    message=f"the alias {quoted(excerpt(alias))} of {quoted(excerpt(term.id))} is "
                    f"also a Malay name of {quoted(excerpt(other.id))} "
                    f"({quoted(excerpt(other.title or ''))}), which links, "
                    "'find' and 'show' answer "
                    "(give the article another alias)",
                )
    by_text: dict[str, Term] = {}
    for term in terms:
        for text in term.names.link_texts if term.kind == "article" else (term.title or "",):
            key = malay_key(text)
            if not key or key in malay:
                continue
            same = by_text.setdefault(key, term)
            if same is not term and "article" in (same.kind, term.kind):
                # at a link to fix, not at the top of the article it leads to
                path, line = _linked(glossary, term, key)
                first = "{}:{}".format(*_linked(glossary, same, key))
                yield finding(
                    "S132", path=path, line=line, term=term.id,
                    message=f"links that read {quoted(excerpt(text))} go to '{same.id}' ({first}) "
                    "and to "
                    f"'{term.id}': two terms for what is likely one concept, of which 'show' and "
                    f"'find' answer '{glossary.lookup(text).id}'; point the links at one "
                    "target, or give the article an 'aliases:' entry",
                )


def _linked(glossary: Glossary, term: Term, key: str) -> tuple[str, int]:
    """Where a link reading ``key`` (a :func:`malay_key`) leads to ``term``: the first such
    link in file order, else the term's own source (a link-only term's is its first link)."""
    from glossari.align.resolve import malay_key

    for ref in glossary.backlinks(term):
        if malay_key(ref.link.text) == key:
            return ref.source.source.path, ref.link.line
    return term.source.path, term.source.line


def raw_html(terms: Iterable[Term]) -> Iterator[Finding]:
    """S117: raw HTML in an article that the site shows as the text it is (a tag but the
    formatting ones written with no attribute, :func:`glossari.seeds.markdown.shown_as_text`),
    where a Markdown viewer of the article, or the rendered article, shows HTML: one finding
    per definition, heading or block, at the tag's line."""
    for term in terms:
        if term.kind != "article":
            continue
        texts = [(term.description, term.description_line)] if term.description else []
        for section in term.sections:
            if section.heading:
                texts.append((section.heading, section.line))
            texts.extend((block.text, block.line) for block in section.blocks
                         if block.translatable)
        for text, line in texts:
            if "<" not in text:
                continue
            shown = shown_as_text(text)
            if not shown:
                continue
            at = line + text.count("\n", 0, max(text.find(shown[0]), 0))
            tags = ", ".join(quoted(excerpt(tag, 40)) for tag in shown[:3])
            more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
            yield finding(
                "S117", path=term.source.path, line=at, term=term.id,
                message=f"raw HTML {tags}{more} is shown on the site as the text it is (it keeps "
                "only <b>, <i>, <sup>, <sub>, <br> and the like, with no attribute); write it "
                "in Markdown (**tebal**, *condong*), as one of those tags, or as text",
            )


SOURCE_CHECKS = (reader_findings, front_matter, empty_sections, link_texts, link_targets,
                 raw_html, unresolved_links, duplicates, names_answered_apart)
"""The source checks, each ``(terms) -> findings``."""


def unread_article_findings(folder: Path) -> Iterator[Finding]:
    """S112: a file in the glossary's ``seeds/`` that looks like an article but is not read (in
    a subfolder, or a Markdown file not named ``*.md``)."""
    for name, why in unread_articles(folder / "seeds", base=folder):
        if why == "folder":
            message = ("an article in a subfolder of seeds/ is not read, so it is no term; "
                       "move it into seeds/ (its file name is the term id)")
        else:
            stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            message = (f"a Markdown file not named '*.md' is not read, so it is no term; "
                       f"rename it '{stem}.md'")
        yield finding("S112", path=name, line=1, message=message)
