"""English inflection, analysed by rule: plural (``-s -es -ies``) and possessive (``'s``).

Case, hyphens and spaces are the tokenizer's business (``broker-dealer`` is ``broker dealer``);
the possessive of a plural (``executives'``) leaves its apostrophe outside the word. Only the last
word of a name is inflected (``account executives``, never ``accounts executive``).

>>> sorted(analyse("agencies"))
['agenci', 'agencie', 'agencies', 'agency']
>>> analyse("executive's")
["executive's", 'executive']
>>> analyse("commissioner")
['commissioner']
"""

from __future__ import annotations

__all__ = ["analyse", "singulars"]


def analyse(word: str) -> list[str]:
    """The folded surface ``word`` itself first, then every word it may inflect (the matcher
    keeps those that are the last word of a name)."""
    out = [word]
    stem = word
    for mark in ("'s", "\u2019s"):
        if stem.endswith(mark) and len(stem) > len(mark):
            stem = stem[: -len(mark)]
            out.append(stem)
            break
    if len(stem) > 3 and stem.endswith("ies"):
        out.append(stem[:-3] + "y")
    if len(stem) > 2 and stem.endswith("es"):
        out.append(stem[:-2])
    if len(stem) > 1 and stem.endswith("s"):
        out.append(stem[:-1])
    return out


def singulars(word: str) -> list[str]:
    """The singulars a plural name word may have (``securities``: ``security``), so that a name
    written in the plural is found in the singular. Words in ``-ss`` are not plurals.

    >>> singulars("securities"), singulars("sales"), singulars("loss"), singulars("tax")
    (['security'], ['sale'], [], [])
    """
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return []
    out = []
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    elif word.endswith(("ches", "shes", "xes", "sses", "zes")):
        out.append(word[:-2])
    out.append(word[:-1])
    return out[:1] if word.endswith("ies") else out
