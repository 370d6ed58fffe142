"""English inflection, analysed by rule: plural (``-s -es -ies``, and the irregular and classical
plurals: ``children``, ``indices``, ``analyses``, ``chairmen``, ``memoranda``) and possessive
(``'s``).

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

_IRREGULAR = {"children": "child", "people": "person", "feet": "foot", "teeth": "tooth",
              "mice": "mouse", "geese": "goose"}
_CLASSICAL: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ices", ("ex", "ix")),   # indices, appendices, matrices
    ("eaux", ("eau",)),       # bureaux
    ("ses", ("sis",)),        # analyses, crises, hypotheses
    ("ves", ("f", "fe")),     # halves, lives
    ("men", ("man",)),        # chairmen, middlemen
    ("ae", ("a",)),           # formulae
    ("a", ("um", "on")),      # memoranda, data, criteria
    ("i", ("us",)),           # stimuli, alumni
)
"""Plurals by other rules than ``-s``, each with the singular endings it may come from: the
matcher keeps a singular only when it is the last word of a name, so ``data`` is ``datum`` only
for a glossary that has the name ``datum``."""


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
    if stem in _IRREGULAR:
        out.append(_IRREGULAR[stem])
    for ending, singular_endings in _CLASSICAL:
        if stem.endswith(ending) and len(stem) > len(ending) + 1:
            out.extend(stem[: -len(ending)] + e for e in singular_endings)
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
