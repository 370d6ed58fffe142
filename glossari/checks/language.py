"""Language checks (``L3xx``): a translation that is still Malay, a source that is not.

Both rest on :mod:`glossari.langid` (langdetect: P(id) + P(ms) >= 0.5 on four words or more).
Below four words there is no verdict, ever. Such a translation is not reported one by one (most
headwords and categories are that short, and a line per headword would drown the real findings);
each catalog file gets one ``L302`` info line counting them instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from glossari.checks.codes import excerpt, finding
from glossari.diagnostics import Finding
from glossari.langid import MIN_WORDS, THRESHOLD, LanguageIdentifier
from glossari.model import Term

__all__ = ["prose_of", "source_language", "still_malay", "too_short"]


def prose_of(term: Term) -> Iterator[tuple[str, int]]:
    """The prose of an article with its lines: the definition and every paragraph, list item and
    quote (headings, headwords and categories are names, not prose)."""
    if term.kind != "article":
        return
    if term.description:
        yield term.description, term.description_line or term.source.line
    for section in term.sections:
        for block in section.blocks:
            if block.translatable:
                yield block.text, block.line


def source_language(terms: Iterable[Term], langid: LanguageIdentifier) -> Iterator[Finding]:
    """L303: source prose of four words or more that does not read as Malay."""
    terms = tuple(terms)
    langid.prefetch(text for term in terms for text, _ in prose_of(term))
    for term in terms:
        for text, line in prose_of(term):
            prob = langid.malay_probability(text)
            if prob is not None and prob < THRESHOLD:
                short = excerpt(text)
                yield finding(
                    "L303", path=term.source.path, line=line, term=term.id,
                    message=f"this text does not look Malay (P(Malay) = {prob:.2f}): '{short}'",
                )


def still_malay(
    translation: str, *, langid: LanguageIdentifier, path: str, line: int, lang: str,
    term: str | None,
) -> Finding | None:
    """L301 when ``translation`` (of four words or more) still reads as Malay."""
    prob = langid.malay_probability(translation)
    if prob is None or prob < THRESHOLD:
        return None
    short = excerpt(translation)
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
