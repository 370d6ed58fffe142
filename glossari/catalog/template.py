"""The catalog templates (``.pot``): every message of every article, one :class:`PoFile` per domain.

Which texts are messages and how they are keyed is decided in :mod:`glossari.catalog.messages`;
this module only orders and merges them. Order is deterministic (terms by id; within a term the
``glossary`` domain in part order, article domains in source order), so extracting twice gives
the same bytes. A message that occurs in several places (``Sorotan``) is one entry at its first
position, with every ``#:`` reference and a ``#.`` comment per distinct part.

>>> from glossari.model import Location, Term
>>> t = Term(id="kos", title="Kos", categories=("A",), source=Location(path="seeds/kos.md", line=1),
...          title_line=2, categories_line=3)
>>> pots = build_templates([t], creation_date="2026-01-01 00:00+0000")
>>> sorted(pots), [(e.msgctxt, e.msgid, e.extracted_comments) for e in pots["glossary"].entries]
(['glossary'], [('kos', 'Kos', ('headword of kos',)), (None, 'A', ('category of kos',))])
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from glossari.catalog.messages import GLOSSARY_DOMAIN, Message, iter_messages, part_comment
from glossari.catalog.pofile import Entry, PoFile
from glossari.model import Term

__all__ = [
    "MAX_COMMENTS",
    "PROJECT",
    "Item",
    "build_template",
    "build_templates",
    "header_for",
    "message_comment",
    "now_stamp",
    "template_entries",
    "template_messages",
    "templates_from_messages",
]

MAX_COMMENTS = 5
"""Most ``#.`` part comments on one entry; the rest are summed up as ``and N more``. A heading
like ``Sorotan`` occurs in thousands of articles; its references are all kept (tools jump to
them), but a translator needs only a few examples of what the text is."""

PROJECT = "glossari"
"""``Project-Id-Version`` of the templates: fixed, so a new glossari version changes no file."""


def now_stamp(moment: _dt.datetime | None = None) -> str:
    """A ``POT-Creation-Date`` value the way xgettext writes it (``2026-11-27 05:20+0000``)."""
    when = moment if moment is not None else _dt.datetime.now(_dt.UTC)
    return when.strftime("%Y-%m-%d %H:%M%z")


def header_for(domain: str, creation_date: str, *, project: str = PROJECT) -> Entry:
    """The template header, shaped like xgettext's (fuzzy, placeholders a translator fills)."""
    fields = (
        ("Project-Id-Version", project),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", creation_date),
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", "LANGUAGE <LL@li.org>"),
        ("Language", ""),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Domain", domain),
    )
    return Entry(
        msgid="",
        msgstr="".join(f"{name}: {value}\n" for name, value in fields),
        flags=("fuzzy",),
        translator_comments=(
            f"Template of the glossari catalog domain '{domain}'.",
            "Written by 'glossari extract' from seeds/; do not edit: run 'glossari update'.",
        ),
    )


def message_comment(message: Message) -> str:
    """The ``#.`` comment of a message (:func:`glossari.catalog.messages.part_comment`)."""
    return part_comment(message.part, message.term)


Item = tuple["str | None", str, str, str, str, int]
"""A message as the template builder takes it: ``(msgctxt, msgid, term, path, part, line)``."""


def _entry(group: list[Item]) -> Entry:
    context, msgid, term, path, part, line = group[0]
    if len(group) == 1:  # the common case, kept cheap: 265,000 of them at 10,000 articles
        return Entry(msgid=msgid, msgctxt=context, extracted_comments=(part_comment(part, term),),
                     references=(f"{path}:{line}",))
    references = tuple(dict.fromkeys(f"{i[3]}:{i[5]}" for i in group))
    comments = list(dict.fromkeys(part_comment(i[4], i[2]) for i in group))
    if len(comments) > MAX_COMMENTS:
        # MAX_COMMENTS lines in all: the first examples, then how many more there are
        shown = comments[: MAX_COMMENTS - 1]
        comments = [*shown, f"and {len(comments) - len(shown)} more"]
    return Entry(msgid=msgid, msgctxt=context, extracted_comments=tuple(comments),
                 references=references)


def template_entries(items: Iterable[Item]) -> tuple[Entry, ...]:
    """The entries of one domain from its messages in template order.

    A message seen again keeps its first position and gains the new reference and part comment.
    """
    groups: dict[tuple[str | None, str], list[Item]] = {}
    for item in items:
        key = (item[0], item[1])
        group = groups.get(key)
        if group is None:
            groups[key] = [item]
        else:
            group.append(item)
    return tuple(_entry(group) for group in groups.values())


def _item(m: Message) -> Item:
    return (m.context, m.msgid, m.term, m.location.path, m.part, m.location.line)


def templates_from_messages(
    messages: Iterable[Message], *, creation_date: str, project: str = PROJECT
) -> dict[str, PoFile]:
    """Group messages (already in template order) into one template per domain, sorted."""
    domains: dict[str, list[Item]] = {}
    for message in messages:
        domains.setdefault(message.domain, []).append(_item(message))
    return {
        domain: PoFile(header=header_for(domain, creation_date, project=project),
                       entries=template_entries(domains[domain]))
        for domain in sorted(domains)
    }


def template_messages(terms: Iterable[Term]) -> Iterable[Message]:
    """Every message of every article term, in template order (term id, then part/source)."""
    for term in sorted((t for t in terms if t.kind == "article"), key=lambda t: t.id):
        yield from iter_messages(term)


def build_templates(
    glossary: Iterable[Term],
    *,
    creation_date: str | None = None,
    project: str = PROJECT,
) -> dict[str, PoFile]:
    """One template per domain for the article terms of ``glossary``.

    ``creation_date`` is the ``POT-Creation-Date`` (default: now). To avoid date churn, the
    ``extract`` command builds with the existing file's date first and keeps the file when the
    bytes come out equal. The ``glossary`` domain is always present, even when empty.
    """
    stamp = creation_date if creation_date is not None else now_stamp()
    pots = templates_from_messages(template_messages(glossary), creation_date=stamp,
                                   project=project)
    pots.setdefault(GLOSSARY_DOMAIN, PoFile(header=header_for(GLOSSARY_DOMAIN, stamp,
                                                              project=project), entries=()))
    return pots


def build_template(
    domain: str, items: Iterable[Item], *, creation_date: str, project: str = PROJECT
) -> PoFile:
    """The template of one domain from its messages as :data:`Item` tuples, in template order."""
    return PoFile(header=header_for(domain, creation_date, project=project),
                  entries=template_entries(items))

