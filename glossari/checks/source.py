"""Checks on the source articles (``S1xx``): front matter, structure, links, duplicates.

Loading already reports some problems: the reader (``S101`` a heading without its space, ``S110``
an empty block quote, in ``Term.findings``) and link resolution (``S103`` link text not trusted as
a headword, ``S104`` one name claimed by two terms, in ``Glossary.findings``). The runner passes
those on; these checks add what needs the whole term or the whole glossary, and back up ``S101``
and ``S103`` for terms built in Python rather than loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from glossari.align.resolve import TargetIndex, resolve, target_key
from glossari.checks.codes import finding
from glossari.diagnostics import Finding
from glossari.model import Link, Term
from glossari.text import lookup_key

__all__ = ["SOURCE_CHECKS", "suspicious_link_text"]


def suspicious_link_text(text: str) -> str | None:
    """Why a link text cannot be trusted as a headword, or None when it looks sound.

    The reader sets :attr:`Link.suspicious` with its own helper; this one backs it up for terms
    built by other means, and also catches unbalanced square brackets.

    >>> suspicious_link_text("peniaga broker") is None
    True
    >>> suspicious_link_text("FINRA ), terpakai kepada")
    "unbalanced ')' in the link text"
    >>> suspicious_link_text("[dana")
    "unbalanced '[' in the link text"
    >>> suspicious_link_text("dana lindung nilai,")
    'the link text ends with punctuation'
    """
    stripped = text.strip()
    if not stripped:
        return "empty link text"
    for opening, closing in ("()", "[]"):
        depth = 0
        for char in stripped:
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth < 0:
                    return f"unbalanced '{closing}' in the link text"
        if depth > 0:
            return f"unbalanced '{opening}' in the link text"
    if stripped[0] in ",.;:!?":
        return "the link text starts with punctuation"
    if stripped[-1] in ",;:!?":  # not '.': abbreviations (Inc., Bhd.) end with one
        return "the link text ends with punctuation"
    return None


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
                hashes = "#" * section.level
                yield finding(
                    "S101", path=term.source.path, line=section.line, term=term.id,
                    message=f"heading '{hashes}{section.heading}' has no space after "
                    f"'{hashes}' (write '{hashes} {section.heading}')",
                )


def front_matter(terms: Iterable[Term]) -> Iterator[Finding]:
    """S102 no headword, S105 H1 differs from title, S106 no definition, S107 no categories."""
    for term in terms:
        if term.kind != "article":
            continue
        path, first = term.source.path, term.source.line
        if not (term.title or "").strip():
            yield finding("S102", path=path, line=term.title_line or first, term=term.id,
                          message="the article has no Malay headword ('title:')")
        if not (term.description or "").strip():
            yield finding("S106", path=path, line=term.description_line or first, term=term.id,
                          message="the article has no definition ('description:')")
        if not term.categories:
            yield finding("S107", path=path, line=term.categories_line or first, term=term.id,
                          message="the article has no categories ('keywords:')")
        title = " ".join((term.title or "").split())
        for section in term.sections:
            if section.level == 1:
                heading = " ".join(section.heading.split())
                if title and heading.casefold() != title.casefold():
                    yield finding(
                        "S105", path=path, line=section.line, term=term.id,
                        message=f"the level-1 heading '{heading}' differs from the headword "
                        f"'{title}'",
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
                          message=f"the section '{section.heading}' is empty")


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
                yield finding(
                    "S103", path=term.source.path, line=link.line, term=term.id,
                    message=f"link text '{link.text}' to /{link.target} is not used as a "
                    f"headword: {problem} (fix the link text)",
                )


def unresolved_links(terms: tuple[Term, ...]) -> Iterator[Finding]:
    """S121: an internal link whose target names no article (link resolution as in
    :mod:`glossari.align.resolve`); the target becomes a link-only term. Reported once per
    target, at its first link."""
    index = TargetIndex.build(t for t in terms if t.kind == "article")
    seen: set[str] = set()
    for term in terms:
        if term.kind != "article":
            continue
        for link in term.links:
            key = target_key(link.target)
            if not link.internal or not key or key in seen or resolve(link.target, index):
                continue
            seen.add(key)
            yield finding(
                "S121", path=term.source.path, line=link.line, term=term.id,
                message=f"/{link.target} ('{link.text}') has no article; it is a link-only term",
            )


def duplicates(terms: tuple[Term, ...]) -> Iterator[Finding]:
    """S130 ids equal but for case; S131 two articles with one Malay headword (reported at the
    later one, naming the first)."""
    by_id: dict[str, Term] = {}
    by_title: dict[str, Term] = {}
    for term in sorted((t for t in terms if t.kind == "article"),
                       key=lambda t: (t.source.path, t.source.line, t.id)):
        first = by_id.setdefault(term.id.casefold(), term)
        if first is not term:
            yield finding(
                "S130", path=term.source.path, line=term.source.line, term=term.id,
                message=f"the id '{term.id}' differs only in case from '{first.id}' "
                f"({first.source})",
            )
        key = lookup_key(term.title or "")
        if not key:
            continue
        same = by_title.setdefault(key, term)
        if same is not term:
            yield finding(
                "S131", path=term.source.path, line=term.title_line or term.source.line,
                term=term.id,
                message=f"the headword '{term.title}' is also the headword of '{same.id}' "
                f"({same.source}); tell them apart or merge them",
            )


SOURCE_CHECKS = (reader_findings, front_matter, empty_sections, link_texts, unresolved_links,
                 duplicates)
"""The source checks, each ``(terms) -> findings``."""
