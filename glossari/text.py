"""Text keys for matching and sorting headwords: case, accents, spacing and hyphens ignored."""

from __future__ import annotations

import unicodedata

__all__ = ["headword_order", "lookup_key", "sort_key"]


def _strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def lookup_key(text: str) -> str:
    """The key two spellings of one headword share.

    >>> lookup_key("Eksekutif  Akaun") == lookup_key("eksekutif-akaun")
    True
    >>> lookup_key("ÉksekutifAkaun")
    'eksekutifakaun'
    """
    return "".join(c for c in _strip_accents(text).casefold() if c.isalnum())


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order ignoring case and accents (ties broken by the exact text).

    >>> sorted(["bon", "Ákaun", "akaun"], key=sort_key)
    ['akaun', 'Ákaun', 'bon']
    """
    return (" ".join(_strip_accents(text).casefold().split()), text)


def headword_order(headword: str | None, term_id: str) -> tuple[bool, tuple[str, str], str]:
    """The one order of terms, for the API and every table: by headword as :func:`sort_key`,
    a term without one last, ties broken by id.

    >>> sorted([("b", None), ("a", "Écu"), ("c", "bon")], key=lambda t: headword_order(t[1], t[0]))
    [('c', 'bon'), ('a', 'Écu'), ('b', None)]
    """
    return (headword is None, sort_key(headword) if headword is not None else ("", ""), term_id)
