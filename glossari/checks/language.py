"""Language checks (``L3xx``): a translation that is still Malay, a source that is not.

Both rest on :mod:`glossari.langid` (langdetect: P(id) + P(ms) >= 0.5 on four words or more,
proper names left out). A translation is judged as a whole and sentence by sentence.
Below four words there is no verdict, ever. Such a translation is not reported one by one (most
headwords and categories are that short, and a line per headword would drown the real findings);
each catalog file gets one ``L302`` info line counting them instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from glossari.checks.codes import excerpt, finding
from glossari.diagnostics import Finding
from glossari.langid import (
    MIN_WORDS,
    THRESHOLD,
    LanguageIdentifier,
    judged_text,
    kept_malay,
    words,
)
from glossari.model import Block, Term
from glossari.seeds.markdown import table_of

__all__ = ["ALONE_WORDS", "judges", "prose_of", "source_language", "still_malay", "too_short"]


def prose_of(term: Term) -> Iterator[tuple[str, int]]:
    """The prose of an article with its lines: the definition and every paragraph, list item and
    quote, and the cells of a table that hold :data:`ALONE_WORDS` words or more (headings,
    headwords and categories are names, not prose)."""
    for text, line, _ in _prose_in_context(term):
        yield text, line


ALONE_WORDS = 8
"""A source text of fewer words than this is too short for a reliable "not Malay": a list
item of loanwords (``Bon korporat: kupon tetap``, ``Ekonomi makro dan ekonomi mikro``) reads as
Finnish or Croatian as readily as Malay. It is judged with the other items of its list."""


def _prose_in_context(term: Term) -> Iterator[tuple[str, int, str | None]]:
    """:func:`prose_of`, each text with its context: for a list item of fewer than
    :data:`ALONE_WORDS` words, its whole list (the run of items at its depth) as one text, when
    the list has other items; otherwise None."""
    if term.kind != "article":
        return
    if term.description:
        yield term.description, term.description_line or term.source.line, None
    for section in term.sections:
        blocks = [b for b in section.blocks if b.translatable]
        for block, context in zip(blocks, _contexts(blocks), strict=True):
            if block.kind != "table":
                yield block.text, block.line, context
                continue
            # a table is its cells' words, not its pipes and delimiter row; short cells (a
            # letter, a name, a figure) tell no language until there are enough of them
            cells = _cells(block.text)
            if len(words(cells)) >= ALONE_WORDS:
                yield cells, block.line, None


def _cells(table: str) -> str:
    """The text of a table's cells, one line each (the table as written when it is none)."""
    found = table_of(table)
    if found is None:
        return table
    return "\n".join(cell for row in found.filled() for cell in row)


def _contexts(blocks: list[Block]) -> list[str | None]:
    """Each block's context (see :func:`_prose_in_context`): each run of items is found and
    joined once, one text for all its short items (a list of 16,000 items took 6 minutes when
    each item looked for its run and joined it again)."""
    out: list[str | None] = [None] * len(blocks)
    start = 0
    while start < len(blocks):
        end = start + 1
        if blocks[start].kind == "item":
            while end < len(blocks) and _same_list(blocks[end], blocks[start]):
                end += 1
            if end - start > 1:
                whole = "\n".join(b.text for b in blocks[start:end])
                for k in range(start, end):
                    if len(words(blocks[k].text)) < ALONE_WORDS:
                        out[k] = whole
        start = end
    return out


def _same_list(other: Block, item: Block) -> bool:
    return other.kind == "item" and other.depth == item.depth and other.ordered == item.ordered


def source_language(terms: Iterable[Term], langid: LanguageIdentifier) -> Iterator[Finding]:
    """L303: source prose of four words or more that does not read as Malay (a short list item:
    nor does its list)."""
    prose = [(term, *found) for term in terms for found in _prose_in_context(term)]
    langid.prefetch(text for _, text, _, _ in prose)
    # a list is read whole only for an item that alone does not read as Malay, and once: its
    # short items hold the same string
    langid.prefetch({id(context): context for _, text, _, context in prose
                     if context is not None and langid.is_still_malay(text) is False}.values())
    context_of: tuple[str | None, float] = (None, 0.0)
    for term, text, line, context in prose:
        prob = langid.malay_probability(text)
        if prob is None or prob >= THRESHOLD:
            continue
        if context is not None and context is not context_of[0]:
            context_of = (context, langid.malay_probability(context) or 0.0)
        if context is not None and context_of[1] >= THRESHOLD:
            continue
        short = excerpt(text)
        yield finding(
            "L303", path=term.source.path, line=line, term=term.id,
            message=f"this text does not look Malay (P(Malay) = {prob:.2f}): '{short}'",
        )


def judges(lang: str) -> bool:
    """Whether ``L301`` can tell a translation into ``lang`` from Malay: not into Indonesian,
    which langdetect reads as Malay does (every Indonesian translation was "still Malay")."""
    from glossari.catalog.languages import primary_language

    return primary_language(lang) != "id"


def still_malay(
    translation: str, *, langid: LanguageIdentifier, path: str, line: int, lang: str,
    term: str | None, source: str = "",
) -> Finding | None:
    """L301 when ``translation`` (of four words or more) still reads as Malay, as a whole or in
    one of its sentences (a translation left half done: the excerpt quotes that sentence).

    ``source``: the Malay it translates. Without Malay's function words, the words it keeps
    from it (names, loanwords) are no evidence (:func:`glossari.langid.judged_text`)."""
    judged = judged_text(translation, source)
    found = langid.most_malay(judged)
    if found is None or found[0] < THRESHOLD:
        # a few words of Malay left in an English sentence are too few for the detector, but
        # a word of Malay's grammar kept from the source is no loanword nor a name's
        from glossari.catalog.languages import primary_language

        left = kept_malay(translation, source) if primary_language(lang) == "en" else None
        if left is None:
            return None
        return finding(
            "L301", path=path, line=line, lang=lang, term=term,
            message=f"the translation leaves Malay untranslated: '{excerpt(left)}', kept from "
            "the source with a word of Malay's grammar (translate it)")
    prob, text = found
    if judged is not translation:
        text = translation  # quote the translation, not what was left of it
    short = excerpt(text)
    return finding(
        "L301", path=path, line=line, lang=lang, term=term,
        message=f"the translation is still Malay (P(Malay) = {prob:.2f}): '{short}'",
    )


def too_short(count: int, *, path: str, lang: str) -> Finding | None:
    """L302: how many translations of one file are too short to check (None for none)."""
    if not count:
        return None
    return finding(
        "L302", path=path, line=1, lang=lang,
        message=f"{count} translation{' has' if count == 1 else 's have'} fewer than "
        f"{MIN_WORDS} words: too short to check whether still Malay (no verdict either way)",
    )
