"""Pairing a Malay article with its translation, part by part, by position (po4a's gettextize).

Both files are read by the same reader, so they are compared as the same structure: front matter
(title, description, each category), then the body as one sequence of units (each heading with its
level, each paragraph, list item and quote). Units pair by position; the first unit whose kind or
heading level differs, or that one file has and the other lacks, is a
:class:`StructureMismatch` naming both places. Link texts pair inside paired blocks (and
inside the paired descriptions) by target: the n-th link to a target with the n-th link to the
same target, in any order (English word order moves links), when both link it as often.

The result maps catalog keys (domain, msgctxt, msgid) to the translated text, for exactly the
messages :func:`glossari.catalog.messages.iter_messages` gives the Malay article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NoReturn

from glossari.align.resolve import target_key
from glossari.catalog.messages import (
    GLOSSARY_DOMAIN,
    article_domain,
    is_headword_heading,
    iter_messages,
    link_context,
)
from glossari.errors import SeedError
from glossari.model import Block, Link, Term
from glossari.seeds.article import definition_links
from glossari.seeds.markdown import definitions_by_label
from glossari.text import counted, excerpt

__all__ = ["MessageKey", "Pairing", "StructureMismatch", "pair_articles"]

MessageKey = tuple[str, str | None, str]
"""``(domain, msgctxt, msgid)``: a message's identity across the catalogs of one language."""


class StructureMismatch(SeedError):
    """A translated article's structure differs from its Malay source.

    ``path`` and ``line`` name the Malay side; the message names both.
    """


@dataclass(frozen=True, slots=True, kw_only=True)
class Pairing:
    """What one pair of articles gives the catalogs."""

    translations: tuple[tuple[MessageKey, str], ...]
    """Each message of the Malay article with its translation, in source order, each key once."""
    notes: tuple[str, ...] = ()
    """What was left out, and why (``path:line: ...``): links whose targets differ, two
    translations of one message."""
    as_rendered: int = 0
    """Link messages whose every translation stands in a block ``as_rendered`` said is as
    ``render`` wrote it (:func:`pair_articles`): not paired."""
    link_blocks: Mapping[MessageKey, tuple[tuple[str, str], ...]] = field(
        default_factory=dict, compare=False, hash=False)
    """For each paired link message, the blocks (and the description) its links stand in, as
    (their Malay, their translation): a link text written as the Malay one (``[riba](/riba)``,
    ``[wakalah](/wakalah)``, loanwords English keeps) is the translator's English when a block
    around it is given in other words, and Malay left untranslated when none is."""


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str  # "heading" or a block kind
    line: int
    text: str
    level: int = 0
    block: Block | None = None

    def describe(self) -> str:
        return f"heading level {self.level}" if self.kind == "heading" else self.kind


def _units(term: Term) -> Iterator[_Unit]:
    for section in term.sections:
        if section.heading:
            yield _Unit("heading", section.line, section.heading, level=section.level)
        # code is no message: it pairs with nothing and is copied, as in the catalogs
        for block in section.blocks:
            if block.translatable:
                yield _Unit(block.kind, block.line, block.text, level=block.level, block=block)


def pair_articles(source: Term, translated: Term, *,
                  as_rendered: Callable[[MessageKey, str], bool] | None = None) -> Pairing:
    """Pair a Malay article with its translation.

    ``as_rendered(key, text)``, given for a rendering a translator edited since ``render``
    wrote it, says whether a block (or the description), the message ``key`` translated as
    ``text``, still stands as ``render`` wrote it: its link texts are then only the
    inflection that translation uses (``[share](/stock)`` in one sentence for the link
    message's ``shares``), no translator's translation of the link messages, and are not
    paired (counted in :attr:`Pairing.as_rendered`).

    Raises :class:`StructureMismatch` (nothing paired) when their structures differ.
    """
    src, dst = source.source.path, translated.source.path

    def mismatch(what: str, src_line: int, src_kind: str, dst_line: int, dst_kind: str) -> NoReturn:
        left = f"{src}:{src_line} ({src_kind})" if src_line else f"{src} ({src_kind})"
        right = f"{dst}:{dst_line} ({dst_kind})" if dst_line else f"{dst} ({dst_kind})"
        raise StructureMismatch(
            f"{what}: {left} vs {right}; nothing from {dst} was written",
            path=src, line=src_line,
            hint="give the translation the same blocks, in the same order, as the Malay article",
        )

    pairs: list[tuple[MessageKey, str]] = []
    notes: list[str] = []
    left_as_rendered: set[MessageKey] = set()  # link messages read only in blocks as rendered
    link_blocks: dict[MessageKey, list[tuple[str, str]]] = {}

    def add(key: MessageKey, text: str | None) -> None:
        if text is not None and text.strip():
            pairs.append((key, text))

    # front matter
    add((GLOSSARY_DOMAIN, source.id, source.title or ""), translated.title)
    if source.description and not translated.description:
        mismatch("the translation has no description", source.description_line, "description",
                 translated.source.line, "no description")
    if source.description:
        add((GLOSSARY_DOMAIN, None, source.description), translated.description)
    if len(source.categories) != len(translated.categories):
        mismatch("the keywords differ in number", source.categories_line,
                 counted(len(source.categories), "keyword"), translated.categories_line,
                 counted(len(translated.categories), "keyword"))
    for malay, english in zip(source.categories, translated.categories, strict=True):
        add((GLOSSARY_DOMAIN, None, malay), english)

    # reference definitions (`[ua]: /unittrust "Unit amanah"`): render copies the Malay
    # article's, but for each title (a message): the translation's title of a definition with
    # the same label and destination is that message's translation; anything else of a
    # translation's own is kept nowhere: said so
    ours = set(source.definitions.splitlines())
    defined_ms = definitions_by_label(source.definitions)
    defined_en = definitions_by_label(translated.definitions)
    titled: set[str] = set()  # the labels whose title the translation translates
    for label, (href, title) in defined_ms.items():
        theirs = defined_en.get(label)
        if title and theirs is not None and theirs[0] == href and theirs[1]:
            add((article_domain(source.id), None, title), theirs[1])
            titled.add(label)
    for definition in translated.definitions.splitlines():
        labels = set(definitions_by_label(definition))
        if definition not in ours and not (labels and labels <= titled):
            notes.append(
                f"{dst}: the reference definition '{_short(definition)}' is not the Malay "
                f"article's; reference definitions are copied from {src} as written, so it was "
                "not kept (change it there)"
            )

    def pair_links(left_links: tuple[Link, ...], right_links: tuple[Link, ...], where: str,
                   than: str, block: tuple[MessageKey, str | None]) -> None:
        """English word order moves links: the n-th link to a target pairs with the n-th link
        to that target, wherever it stands, when both texts link it as often. ``block``: the
        message whose translation the links stand in, and that translation."""
        rendered = (as_rendered is not None and block[1] is not None
                    and as_rendered(block[0], block[1]))
        by_target: dict[str, list[Link]] = {}
        for found in right_links:
            by_target.setdefault(target_key(found.target), []).append(found)
        targets = [target_key(link.target) for link in left_links]
        linked = Counter(targets)  # how often the Malay text links each target
        seen: Counter[str] = Counter()
        for position, (link, target) in enumerate(zip(left_links, targets, strict=True)):
            seen[target] += 1
            if not link.internal or not link.text.strip():
                continue
            same = by_target.get(target, [])
            other = same[seen[target] - 1] if len(same) == linked[target] else None
            if other is None:
                notes.append(
                    f"{where} does not link /{link.target} as often as {than} (its link "
                    f"{position + 1}); its text was not paired"
                )
                continue
            key = (GLOSSARY_DOMAIN, link_context(link.target), link.text)
            if rendered:
                if other.text.strip():
                    left_as_rendered.add(key)
                continue
            add(key, other.text)
            if block[1] is not None:
                link_blocks.setdefault(key, []).append((block[0][2], block[1]))

    # the definition's links are link messages as a body block's are
    if source.description and translated.description:
        pair_links(definition_links(source), definition_links(translated),
                   f"{dst}:{translated.description_line}: the description",
                   f"{src}:{source.description_line}",
                   ((GLOSSARY_DOMAIN, None, source.description), translated.description))

    # body
    body = article_domain(source.id)
    left_units, right_units = list(_units(source)), list(_units(translated))
    for index in range(max(len(left_units), len(right_units))):
        if index >= len(left_units):
            extra = right_units[index]
            mismatch("the translation has more blocks", 0, "end of file", extra.line,
                     extra.describe())
        if index >= len(right_units):
            missing = left_units[index]
            mismatch("the translation has fewer blocks", missing.line, missing.describe(), 0,
                     "end of file")
        left, right = left_units[index], right_units[index]
        if (left.kind, left.level) != (right.kind, right.level):
            mismatch("the structure differs", left.line, left.describe(), right.line,
                     right.describe())
        if left.kind == "heading":
            # (a heading inside a quote or an item is never the headword's)
            if left.block is not None or not is_headword_heading(left.text, left.level,
                                                                 source.title):
                add((body, None, left.text), right.text)
            else:  # render writes the headword's translation there: one message with the title
                add((GLOSSARY_DOMAIN, source.id, source.title or ""), right.text)
            continue
        add((body, None, left.text), right.text)
        pair_links(left.block.links if left.block is not None else (),
                   right.block.links if right.block is not None else (),
                   f"{dst}:{right.line}: the block", f"{src}:{left.line}",
                   ((body, None, left.text), right.text))

    # keep only the layout's messages, each once: the first translation wins (but for the
    # headword given back in Malay in one of its two places)
    headword = (GLOSSARY_DOMAIN, source.id, source.title or "")
    layout = {(m.domain, m.context, m.msgid) for m in iter_messages(source)}
    chosen: dict[MessageKey, str] = {}
    for key, text in pairs:
        if key not in layout:
            continue
        if key in chosen and chosen[key] != text:
            malay, other = ((text, chosen[key]) if text == key[2] else (chosen[key], text))
            if (key == headword and malay == key[2] and as_rendered is not None
                    and as_rendered(key, other)):
                # the title, or the heading repeating it, given back in Malay, the other left
                # as render wrote it: one message, given back, whichever place came first
                chosen[key] = malay
                notes.append(f"{dst}: '{_short(key[2])}' is given back in Malay in the title "
                             "or the heading that repeats it, and left as render wrote it in "
                             "the other: one message, read as given back")
            else:
                notes.append(
                    f"{dst}: '{_short(key[2])}' is translated two ways; the first was kept")
            continue
        chosen.setdefault(key, text)
    return Pairing(translations=tuple(chosen.items()), notes=tuple(notes),
                   as_rendered=len({k for k in left_as_rendered if k in layout} - set(chosen)),
                   link_blocks={key: tuple(blocks) for key, blocks in link_blocks.items()
                                if key in chosen})


def _short(text: str) -> str:
    """``text`` quoted in a note: :func:`glossari.text.excerpt` at 40 characters."""
    return excerpt(text, 40, "\u2026")
