"""One article to one :class:`~glossari.model.Term`: ``parse_article`` on text, ``read_article``
on a file.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from glossari.diagnostics import Finding
from glossari.errors import SeedError
from glossari.model import Link, Location, Term
from glossari.seeds.frontmatter import missing_front_matter, split_front_matter
from glossari.seeds.markdown import article_definitions, parse_body
from glossari.seeds.rules import (
    ALIAS_KEYS,
    HIGHLIGHTS_HEADINGS,
    is_highlights_heading,
    misspelt_key,
    split_aliases,
)
from glossari.seeds.source import read_article_text
from glossari.text import (
    ascii_slug,
    has_visible_text,
    is_windows_reserved,
    quoted,
    single_spaced,
    slug_text,
)

__all__ = ["HIGHLIGHTS_HEADINGS", "check_term_id", "parse_article", "read_article"]


_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def check_term_id(term_id: str, *, source: str) -> str:
    """Return ``term_id`` when it is safe as a file name and URL slug on every system.

    >>> check_term_id("broker-dealer", source="seeds/broker-dealer.md")
    'broker-dealer'
    >>> check_term_id("con", source="seeds/con.md")
    Traceback (most recent call last):
    ...
    glossari.errors.SeedError: seeds/con.md: 'con' is a reserved file name on Windows; \
rename the file (the file name is the term id)
    """
    if not _SAFE_ID.fullmatch(term_id) or term_id.endswith("."):
        # the id is a URL, a page name and a catalog context on every system: ASCII only; the
        # accented or spaced headword stays in the article's title
        hint = (f"rename the file (the file name is the term id), for example to "
                f"'{ascii_slug(term_id)}.md'")
        if any(c.isalpha() and not c.isascii() for c in slug_text(term_id)):
            # /акция made the link-only term акция; its article keeps the slug as an alias,
            # so that the links to it find it (an ASCII stand-in such as x.md said nothing)
            hint = (f"give the file an ASCII name (the file name is the term id) and write "
                    f"'aliases: {term_id}' in its front matter: links to /{term_id} find it")
        raise SeedError(
            f"'{term_id}' is not a safe term id (ASCII letters, digits, '.', '_', '-' only, "
            f"beginning with a letter or digit and not ending with '.')",
            path=source, hint=hint,
        )
    if is_windows_reserved(term_id):
        raise SeedError(
            f"'{term_id}' is a reserved file name on Windows",
            path=source, hint="rename the file (the file name is the term id)",
        )
    return term_id


def parse_article(text: str, *, term_id: str, source: str) -> Term:
    """Parse an article's decoded text into a :class:`Term`.

    ``source`` names the file in diagnostics and in :attr:`Term.source`.

    >>> t = parse_article("---\\ntitle: Kos\\ndescription: Harga.\\nkeywords: A, B\\n---\\n"
    ...                   "# Kos\\n\\n## Sorotan\\n\\n- Satu.\\n", term_id="kos", source="kos.md")
    >>> t.title, t.description, t.categories, [b.text for b in t.highlights]
    ('Kos', 'Harga.', ('A', 'B'), ['Satu.'])
    """
    check_term_id(term_id, source=source)
    front = split_front_matter(text, source=source)
    # keys in any case: 'Title:' and 'DESCRIPTION:' are what their authors meant
    fields = {key.casefold(): value for key, value in front.fields}
    lines = {key.casefold(): line for key, line in front.lines}
    title = fields.get("title")
    if title is None and not front.end_line:
        raise missing_front_matter(text, source=source)
    typo = misspelt_key((key for key, _ in front.fields), "title") if title is None else None
    if typo is not None:  # 'titel:' says more than "no title" at the closing '---'
        raise SeedError(
            f"the article has no title ('{typo}:' looks like a misspelling of 'title:')",
            path=source, line=lines[typo.casefold()], hint=f"rename '{typo}:' to 'title:'",
        )
    if not isinstance(title, str) or not has_visible_text(title):
        raise SeedError(
            "the article has no title" if title is None
            else "the title is a list, not one headword" if isinstance(title, tuple)
            else "the title is empty" if not title.strip()
            else "the title holds only invisible characters",
            path=source, line=lines.get("title", front.end_line or 1),
            hint="add 'title: <Malay headword>' to the front matter",
        )
    description = fields.get("description")
    if isinstance(description, tuple):  # dropping it would lose the definition without a word
        raise SeedError(
            "the description is a list, not one text", path=source,
            line=lines.get("description", 1), hint="write the definition as one paragraph",
        )
    keywords = fields.get("keywords", ())
    categories = (
        tuple(k.strip() for k in keywords.split(",") if k.strip())
        if isinstance(keywords, str)
        else tuple(k.strip() for k in keywords if k.strip())
    )
    body = parse_body(front.body, source=source, line_offset=front.body_offset)
    # from the body's one parse (a second parse of the article was 0.9 ms of each with one)
    found = article_definitions(text, body, line_offset=front.body_offset)
    definitions = "\n".join(definition for _, definition in found)
    # one line of single spaces: a no-break space is text (`RM\u00a0100`), which
    # `" ".join(x.split())` took for layout and dropped
    definition = single_spaced(description) if isinstance(description, str) else None
    description_line = lines.get("description", 0)
    highlights = tuple(
        block
        for section in body.sections
        if is_highlights_heading(section.heading)
        for block in section.blocks
    )
    return Term(
        id=term_id,
        title=single_spaced(title),  # one line: a YAML block or stray spaces are no part of it
        description=definition,
        categories=categories,
        meta=tuple((k, v if isinstance(v, str) else ", ".join(v)) for k, v in front.fields),
        sections=body.sections,
        highlights=highlights,
        links=_definition_links(definition, description_line, source, definitions) + body.links,
        definitions=definitions,
        definition_lines=tuple(line for line, _ in found),
        source=Location(path=source, line=1),
        title_line=lines.get("title", 0),
        description_line=description_line,
        categories_line=lines.get("keywords", 0),
        findings=tuple(replace(f, term=term_id)
                       for f in (*_comma_in_alias_items(front.fields, lines, source),
                                 *_numbers_split_in_alias_lists(front.split_numbers, source),
                                 *body.findings)),
    )


def definition_links(term: Term) -> tuple[Link, ...]:
    """The links of a term's definition, as :attr:`Term.links` begins with them (``align``
    pairs them with a translation's, as it pairs a body block's)."""
    return _definition_links(term.description, term.description_line, term.source.path,
                             term.definitions)


def _definition_links(definition: str | None, line: int, source: str,
                      definitions: str = "") -> tuple[Link, ...]:
    """The links of the definition (``description: ... [bon](/bon) ...``), read as the body's
    are, at the definition's line: links of the article like any other (link messages, names,
    backlinks, link-only terms, S121), which the site shows as links. A reference link
    (``[Syariah][s]``) is one by the article's reference definitions (``[s]: /sharia``), as the
    site renders it."""
    if not definition or ("[" not in definition and "<" not in definition):
        return ()
    text = f"{definition}\n\n{definitions}" if definitions and "[" in definition else definition
    links = parse_body(text, source=source, line_offset=max(line - 1, 0)).links
    return tuple(replace(link, line=line or link.line) for link in links)


def _comma_in_alias_items(fields: tuple[tuple[str, str | tuple[str, ...]], ...],
                          lines: dict[str, int], source: str) -> list[Finding]:
    """S114 for an ``aliases:`` list item holding a comma: a comma separates aliases, in a list
    as in one text (``align.resolve.term_aliases``), so ``["bon, korporat"]`` is the two aliases
    *bon* and *korporat*, each of which ``find`` and lookups then take for the term."""
    found: list[Finding] = []
    for key, value in fields:
        if key.casefold() not in ALIAS_KEYS or isinstance(value, str):
            continue
        for item in value:
            parts = split_aliases(item)
            if len(parts) > 1:
                found.append(Finding(
                    path=source, line=lines.get(key.casefold(), 1), severity="warning",
                    code="S114", message=(
                        f"the '{key}' item {quoted(item.strip())} holds a comma, which separates "
                        f"aliases: it is read as {len(parts)} aliases, "
                        + ", ".join(quoted(p) for p in parts)
                        + "; write each alias as its own item, or drop the comma"),
                ))
    return found


def _numbers_split_in_alias_lists(splits: tuple[tuple[str, int, tuple[str, ...]], ...],
                                  source: str) -> list[Finding]:
    """S114 for a number YAML split at its thousands separator in an ``aliases:`` list written
    in brackets: in ``[Had RM1,000]`` a comma ends a plain item even between two digits (YAML's
    rule, which every reader of the file follows), so the article has the aliases *Had RM1*
    and *000*, and ``find`` takes any ``000`` for the term; nothing was said."""
    return [Finding(
        path=source, line=line, severity="warning", code="S114", message=(
            f"the '{key}' list reads {quoted(','.join(parts))} as {len(parts)} aliases, "
            + ", ".join(quoted(p) for p in parts)
            + ": in a list in brackets a comma ends an item, even between two digits; quote "
            f"the item ({key}: [\"{','.join(parts)}\"]) or write it as a '- ' item"))
        for key, line, parts in splits if key.casefold() in ALIAS_KEYS]


def read_article(path: Path, *, source: str | None = None) -> Term:
    """Read one article file; its stem is the term id.

    Raises :class:`SeedError` (a ``ValueError``) naming ``source`` (default: ``path``) and the line.
    """
    name = source if source is not None else path.as_posix()
    return parse_article(read_article_text(path, source=name), term_id=path.stem, source=name)
