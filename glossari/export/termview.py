"""One term as plain text, readably: what ``glossari show`` prints.

Its headwords and other names, definition and categories (each with its translation), its
sections as a terminal shows Markdown (lists, quotes, tables, hard line breaks kept), its links.
"""

from __future__ import annotations

import re
import textwrap

from glossari.glossary import Glossary
from glossari.model import Block, Term
from glossari.text import distinct_categories

__all__ = ["format_term"]


def format_term(
    term: Term, *, lang: str = "en", width: int = 88, glossary: Glossary | None = None
) -> str:
    """A plain-text view of a term: headwords and other names, definition and categories (each
    with its translation), sections, links.

    With ``glossary``, a term also lists the articles that link to it.
    """
    lines: list[str] = []
    en = term.english
    head = term.title or "(no Malay headword yet)"
    lines.append(f"{head}  [{term.id}]")
    if en.title:
        note = "" if en.status == "translated" else f" ({en.status})"
        lines.append(f"  {lang}: {en.title}{note}")
    # the other names of each side (docs/concepts.md): lookup, links and find answer to them
    if term.names.aliases:
        lines.append(f"  aliases: {', '.join(term.names.aliases)}")
    if term.names.english_variants:
        lines.append(f"  {lang} variants: {', '.join(term.names.english_variants)}")
    if term.kind == "link":
        lines.append("  kind: link-only term (no article yet)")
    lines.append(f"  source: {term.source}")
    if glossary is not None:
        others = glossary.namesakes(term)
        if others:  # lookup by the headword answered this one (check: S131)
            lines.append(f"  also the headword of: {', '.join(others)}")
        for ref in glossary.backlinks(term):
            flag = f"  [!] {ref.link.suspicious}" if ref.link.suspicious else ""
            lines.append(f"  linked from: {ref.source.source.path}:{ref.link.line} "
                         f"as [{ref.link.text}]{flag}")
    if term.categories:
        # each once (Kewangan Islam, kewangan islam), as the tables and the site list them
        categories = distinct_categories(term.categories, en.categories)
        lines.append(f"  categories: {', '.join(ms for ms, _ in categories)}")
        if any(en.categories):  # None where not translated
            lines.append(f"  {lang}: " + ", ".join(
                english or f"{ms} (untranslated)" for ms, english in categories))
    if term.description:
        lines.append("")
        lines.extend(_wrap(term.description, width, initial_indent="  ",
                           subsequent_indent="  "))
        if en.description:
            lines.extend(_wrap(en.description, width, initial_indent=f"  {lang}: ",
                               subsequent_indent="      "))
        elif glossary is not None and _definition_state(term, glossary, lang) == "fuzzy":
            # the API gives no English for a fuzzy definition (Term.english.description is
            # None: a translation for an older Malay text), and the site shows the Malay
            # marked fuzzy: said here too, not left out as if nobody had translated it
            lines.append(f"  {lang}: (fuzzy, not reviewed: the Malay stands)")
    for section in term.sections:
        lines.append("")
        if section.heading:
            # on its one line: a setext heading's lines (`Tajuk\nbaris dua\n===`) are one
            # heading, whose second line came out as a line of text after its `#`
            heading = " ".join(section.heading.split())
            lines.append(f"{'#' * section.level} {heading}  (line {section.line})")
        widths: dict[str, int] = {}  # each item's marker width (Block.path's entries)
        marks: dict[str, str] = {}  # each list's marker character
        for number, block in enumerate(section.blocks):
            previous = section.blocks[number - 1] if number else None
            quoted = block.quoted or block.kind == "quote"
            # an item's second paragraph (or its text after a heading, code or a list it
            # starts with or holds): under the item's first block, with no marker of its own
            # (a second `2.` made a new item)
            more = (previous is not None and bool(block.path)
                    and not block.path[-1].startswith("quote") and block.path[-1] in widths)
            # a numbered list that starts at another number than 1 cannot interrupt the text
            # of the item it is in (it read as that text's next line): a blank line first
            late = (block.number not in (None, 1) and previous is not None and bool(previous.path)
                    and previous.path[-1].rsplit(":", 1)[0] != block.path[-1].rsplit(":", 1)[0])
            if previous is None or (block.kind == previous.kind == "item" and not more
                                    and _outer(previous.path) == _outer(block.path)
                                    and not late):
                pass  # the next item of the same list
            elif (quoted and (previous.quoted or previous.kind == "quote")
                  and _outer(previous.path) == _outer(block.path)
                  and (shared := _shared_quote(previous, block, widths))):
                # a paragraph of the same quote (a blank line parts two), at its place: `>`,
                # or `  >` in an item (two items' quotes, `- > a` and `- > b`, are two)
                lines.append(shared)
            else:
                lines.append("")  # another paragraph, or another list (`-` items, then `*`)
            # each quote around the block a `> `, each list two spaces (Block.path); the
            # innermost is the block's marker: `> `, `- ` or a numbered item's number (`3.`
            # stays 3, as every Markdown viewer shows it)
            path = block.path or (("quote:0",) if block.kind == "quote" else ())
            # a list around the block is as many spaces as its item's marker is wide (`12. `
            # four): two under `1.` ended the numbered list in any Markdown reader
            # an item whose first block is a quote or a list in it (`- > nota`, `- - a`) has
            # its marker before theirs, on the block's first line, or the item was lost
            opening = {e: _item_marker(e, path, previous, marks) for e in path[:-1]
                       if not e.startswith("quote") and e not in widths}
            for entry, marker in opening.items():
                widths[entry] = len(marker)
            indent = "".join("> " if e.startswith("quote") else " " * widths.get(e, 2)
                             for e in path[:-1])
            first_indent = "".join("> " if e.startswith("quote") else opening.get(e)
                                   or " " * widths.get(e, 2) for e in path[:-1])
            bullet = "" if not path else "> " if path[-1].startswith("quote") else (
                _marker(block, previous, marks))
            if path:
                widths.setdefault(path[-1], len(bullet))
            first_line = len(lines)
            if block.kind in ("code", "table", "rule"):
                # code, tables and thematic breaks keep their lines and spacing (code indented
                # as Markdown marks a code block); rewrapped, a table's rows would run together
                # code right after a list it is not in, or after code, is fenced: indented, it
                # read as the last item's, or as more of the code before (any Markdown reader
                # takes it into the list, or runs the two together)
                # code with an info string (```python) is fenced to keep it (indented code
                # has none)
                after = previous is not None and (
                    previous.kind == "code" or any(not e.startswith("quote")
                                                   and e not in block.path
                                                   for e in previous.path))
                fenced = block.kind == "code" and (bool(block.info) or after)
                pad = indent + (bullet if bullet == "> " else " " * len(bullet)) + (
                    "    " if block.kind == "code" and not fenced else "")
                text = block.text
                if fenced:
                    # an info string holding a backtick is written after tildes, as CommonMark
                    # allows it only there
                    mark = "~" if "`" in block.info else "`"
                    fence = mark * max([3, *(len(run) + 1 for run in re.findall(
                        re.escape(mark) + "+", text))])
                    text = f"{fence}{block.info}\n{text}\n{fence}"
                rows = [pad + line if line.strip() else pad.rstrip()
                         for line in text.split("\n")]
                if bullet not in ("", "> ") and not more:
                    # an item that starts with it: its marker on the first line, or the item
                    # was lost (`- | a | b |` came out as an indented table under the last)
                    rows[0] = indent + bullet + rows[0][len(indent) + len(bullet):]
                lines.extend(rows)
                _open_items(lines, first_line, indent, first_indent)
                continue
            if more or block.kind == "paragraph":
                bullet = " " * len(bullet)
            # a heading inside a quote or an item (`> ## Nota`) is shown there, as written
            hashes = "#" * block.level + " " if block.kind == "heading" else ""
            # a hard line break (two spaces or a backslash at a line's end) stays a break:
            # joined, `dua\` + `tiga` read `dua\ tiga`, a backslash in the text
            for place, text in enumerate(_hard_lines(hashes + block.text)):
                lead = indent + (bullet if place == 0 else " " * len(bullet))
                lines.extend(_wrap(
                    " ".join(text.split()), width, initial_indent=lead,
                    subsequent_indent=indent + " " * len(bullet),
                ) or [lead.rstrip()])
            _open_items(lines, first_line, indent, first_indent)
    if term.links:
        lines.append("")
        lines.append("Links:")
        # where each link goes, as the glossary resolved it (docs/concepts.md)
        leads = {(r.link.line, r.link.target, r.link.text): r.target
                 for r in (glossary.links_from(term) if glossary is not None else ())}
        for link in term.links:
            flag = f"  [!] {link.suspicious}" if link.suspicious else ""
            target = leads.get((link.line, link.target, link.text))
            goes = "" if target is None else (
                f" = {target.id}" if target.kind == "article" else f" = {target.id} (link-only)")
            # as the author wrote it: '../bnm' and 'policy.md' were shown '/../bnm' and
            # '/policy.md', a slash no one wrote
            lines.append(f"  line {link.line}: [{link.text}] -> {link.written}{goes}{flag}")
    # the reader's findings, and link resolution's about this article (S103, S104, S122), which
    # the glossary holds: docs/checks.md promises both here
    findings = list(term.findings)
    if glossary is not None:
        findings += [f for f in glossary.findings if f.term == term.id and f not in findings]
    for finding in findings:
        lines.append(f"{finding}")
    return "\n".join(lines) + "\n"


def _shared_quote(previous: Block, block: Block, widths: dict[str, int]) -> str:
    """The line that parts two blocks inside one quote (``>``, ``  >`` in an item, ``> >``):
    the markers of the quotes and items around both, up to the innermost quote they share;
    ``""`` when they share none (two items' quotes, `- > a` and `- > b`, are two quotes,
    which a ``>`` line between them made one)."""
    one, two = previous.path or ("quote:0",), block.path or ("quote:0",)
    common = 0
    while common < min(len(one), len(two)) and one[common] == two[common]:
        common += 1
    quotes = [i for i in range(common) if two[i].startswith("quote")]
    if not quotes:
        return ""
    return "".join("> " if e.startswith("quote") else " " * widths.get(e, 2)
                   for e in two[:quotes[-1] + 1]).rstrip()


def _open_items(lines: list[str], first: int, indent: str, first_indent: str) -> None:
    """Give ``lines[first]``, a block's first line, the markers of the items it opens
    (``first_indent``) in place of the spaces of ``indent``."""
    if first_indent != indent and first < len(lines):
        lines[first] = (first_indent + lines[first][len(indent):]).rstrip()


def _item_marker(entry: str, path: tuple[str, ...], previous: Block | None,
                 marks: dict[str, str]) -> str:
    """The marker of the list item ``entry`` of ``path`` (``ul:2:1``, ``ol:3:2``) for a block
    that opens it from inside a quote or a list: ``- `` (the list's character,
    :func:`_list_mark`), or the item's number in a numbered list (its place: the list's first
    number is on its items' own text, which this item has none of)."""
    key, place = entry.rsplit(":", 1)
    mark = _list_mark(path[:path.index(entry) + 1], previous, marks)
    return f"{place}{mark} " if key.startswith("ol") else f"{mark} "


def _marker(block: Block, previous: Block | None, marks: dict[str, str]) -> str:
    """The marker of the item ``block`` is in (``- `` or ``3. ``)."""
    mark = _list_mark(block.path, previous, marks)
    return f"{mark} " if block.number is None else f"{block.number}{mark} "


def _list_mark(path: tuple[str, ...], previous: Block | None, marks: dict[str, str]) -> str:
    """The marker character of the list whose item ends ``path``, chosen once per list (kept
    in ``marks``): ``-`` and ``.``, or ``*`` and ``)`` for a list right after another of its
    kind at the same place (`- a` then `* b` are two lists; written `- ` both, they read as
    one)."""
    key = path[-1].rsplit(":", 1)[0]
    if key not in marks:
        first, other = (".", ")") if key.startswith("ol") else ("-", "*")
        before = (previous.path[len(path) - 1].rsplit(":", 1)[0]
                  if previous is not None and len(previous.path) >= len(path)
                  and previous.path[:len(path) - 1] == path[:-1] else "")
        adjacent = before != key and before.split(":")[0] == key.split(":")[0]
        marks[key] = other if adjacent and marks.get(before) == first else first
    return marks[key]


def _hard_lines(text: str) -> list[str]:
    """``text`` in the lines its hard line breaks make (a line ending in two spaces or more, or
    in a backslash that no backslash escapes, which is kept as written).

    >>> _hard_lines("Baris satu  \\nbaris dua\\\\\\nbaris tiga\\nsama.")
    ['Baris satu', 'baris dua\\\\', 'baris tiga sama.']
    """
    found: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        current.append(line)
        trailing = len(line) - len(line.rstrip("\\"))
        if line.endswith("  ") or trailing % 2:
            found.append(" ".join(current).rstrip())
            current = []
    if current:
        found.append(" ".join(current))
    return found


def _outer(path: tuple[str, ...]) -> str:
    """The outermost quote or list of a :attr:`Block.path` (``ol:3:2`` is list ``ol:3``)."""
    if not path:
        return ""
    return path[0] if path[0].startswith("quote") else path[0].rsplit(":", 1)[0]


def _definition_state(term: Term, glossary: Glossary, lang: str) -> str | None:
    """The state of the term's definition as the site counts and marks it (the catalog's,
    by the one rule of :mod:`glossari.catalog.usable`), or None without catalogs."""
    from glossari.catalog.messages import GLOSSARY_DOMAIN
    from glossari.catalog.translations import load_translations
    from glossari.catalog.usable import message_state

    translations = glossary.translations
    if translations is None and glossary.root is not None:
        # read from the termbase: only the catalog the definition is in, and, as every reader,
        # writing no cache (it read all of them, and wrote the store's tables)
        translations = load_translations(glossary.root, lang, write_cache=False,
                                         domains={GLOSSARY_DOMAIN})
    if translations is None or not term.description:
        return None
    msgstr, state = translations.get(GLOSSARY_DOMAIN, None, term.description)
    return message_state(GLOSSARY_DOMAIN, None, term.description, msgstr, state, block=False,
                         references=term.definitions)


# A group of three digits after a space that follows a digit: `2 500 000` (SI and Malaysian
# style thousands), one number, which a reader must not find split over two lines
_DIGIT_GROUP = re.compile(r"\d{3}(?!\d)")


class _Wrapper(textwrap.TextWrapper):
    """:class:`textwrap.TextWrapper` that never breaks inside a number written with spaces
    between its thousands (``RM 2 500 000``): the space is kept, only the break goes."""

    def _split(self, text: str) -> list[str]:
        chunks: list[str] = []
        for chunk in super()._split(text):
            if (len(chunks) >= 2 and chunks[-1] == " " and chunks[-2][-1:].isdigit()
                    and _DIGIT_GROUP.match(chunk)):
                space = chunks.pop()
                chunks[-1] += space + chunk
            else:
                chunks.append(chunk)
        return chunks


def _wrap(text: str, width: int, *, initial_indent: str, subsequent_indent: str) -> list[str]:
    """``text`` wrapped as :func:`textwrap.wrap` wraps it, but not inside a spaced number, and
    only at spaces: at a hyphen too, a link's target (``[peniaga broker](/broker-`` then
    ``dealer)``) no longer read as one, and the Malay plural (``saham-saham``) was split; a
    word longer than the line (an address) stands whole on a line of its own, as cutting it
    would cut the link."""
    from glossari.catalog.usable import interrupts_paragraph

    lines: list[str] = []
    for line in _Wrapper(width, initial_indent=initial_indent,
                         subsequent_indent=subsequent_indent, break_on_hyphens=False,
                         break_long_words=False).wrap(text):
        if lines:
            # a line starting like a list item, a heading, a quote or a rule (`- atau`, `# 1`,
            # `> 50%`, `1. Bon` after `Nota`) reads as one, where the article has one paragraph:
            # its first words go up to the line before, which may then run past the width
            body = line[len(subsequent_indent):]
            while body and interrupts_paragraph(body):
                word, _, body = body.partition(" ")
                lines[-1] += " " + word
                body = body.lstrip(" ")
            if not body:
                continue
            line = subsequent_indent + body
        lines.append(line)
    return lines
