"""Recognising a glossary's names in running text, Malay and English word formation included.

A pure layer: names in, matches out. Of glossari it imports only two leaf modules,
:mod:`glossari.text` (the one folding rule of names) and :mod:`glossari.catalog.languages` (a
language code's primary language), which import nothing but :mod:`glossari.errors`; so every layer
above it (the glossary, the checks, the commands) may use it. :class:`Recognizer` compiles ``(name,
key)`` pairs for one language; :meth:`Recognizer.find` gives the non-overlapping matches of a text,
longest first, in text order (:class:`Hit`). The rules are in :mod:`glossari.terms.malay` and
:mod:`glossari.terms.english`; docs/terms.md says why they are rules and not a stemmer.
"""

from __future__ import annotations

from glossari.terms.matcher import (
    CHARACTER_REFERENCE,
    DOTTED_ACRONYM,
    HTML_MARKUP,
    JOINED_ACRONYM,
    WORD_BREAK,
    Hit,
    Lang,
    Recognizer,
    acronym_of,
    acronym_written,
    character_reference,
    end_bases,
    end_roots,
    fold,
    inflects,
    is_acronym,
    query_roots,
    search_rules,
    without_possessive,
    words,
)

__all__ = ["CHARACTER_REFERENCE", "DOTTED_ACRONYM", "HTML_MARKUP", "JOINED_ACRONYM", "WORD_BREAK",
           "Hit", "Lang", "Recognizer", "acronym_of", "acronym_written", "character_reference",
           "end_bases", "end_roots", "fold", "inflects", "is_acronym", "query_roots",
           "search_rules", "without_possessive", "words"]
