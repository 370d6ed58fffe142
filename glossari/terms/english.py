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

import re

__all__ = ["analyse", "singulars", "spellings"]

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


_SPELLINGS = tuple((re.compile(pattern), replacement) for pattern, replacement in (
    # British and American, each way: a name in one spelling is found in the other
    (r"(?<=\w{3}[iy])s(?=(?:e|es|ed|ing|er|ers|ation|ations|able)$)", "z"),  # capitalisation
    (r"(?<=\w{3}[iy])z(?=(?:e|es|ed|ing|er|ers|ation|ations|able)$)", "s"),
    (r"(?<=\w{3})our(?=(?:s|ed|ing|able|ably|al|ite|ites|er|ers)?$)", "or"),  # labour
    (r"(?<=\w{3})or(?=(?:s|ed|ing|able|ably|al|ite|ites|er|ers)?$)", "our"),
    (r"(?<=\w[^aeiou])tre(?=s?$)", "ter"),  # centre
    (r"(?<=\w[^aeiou])ter(?=s?$)", "tre"),
    (r"(?<=\w{3})ence(?=s?$)", "ense"),  # licence, defence
    (r"(?<=\w{3})ense(?=s?$)", "ence"),
    (r"(?<=\w{3})ogue(?=s?$)", "og"),  # catalogue
    (r"(?<=\w{3})og(?=s?$)", "ogue"),
    (r"(?<=\w{3})mme(?=s?$)", "m"),  # programme
    (r"(?<=\w{3}am)(?=s?$)", "me"),
    (r"dgement", "dgment"),  # judgement
    (r"dgment", "dgement"),
    (r"(?<=vis)er(?=s?$)", "or"),  # adviser and advisor, both in use
    (r"(?<=vis)or(?=s?$)", "er"),
    (r"(?<=\w[aeiou])ll(?=(?:ed|ing|er|ers|or|ors)$)", "l"),  # cancelled, counsellor
    (r"(?<=\w[aeiou])l(?=(?:ed|ing|er|ers|or|ors)$)", "ll"),
    (r"(?<=\w[aeiou])l(?=ments?$)", "ll"),  # instalment
    (r"(?<=\w[aeiou])ll(?=ments?$)", "l"),
))


def spellings(word: str) -> list[str]:
    """The other spellings of a name's folded ``word``, British and American each way
    (``-ise -ize``, ``-our -or``, ``-tre -ter``, ``-ence -ense``, ``-ogue -og``, ``-mme -m``,
    ``judgement``, ``adviser -or``, ``-ll- -l-``). Short words have none: each rule wants
    letters before the ending, and a word of four letters or fewer is left alone (``four`` is
    not ``for``, ``rise`` not ``rize``).

    >>> spellings("capitalisation"), spellings("labor"), spellings("four"), spellings("flour")
    (['capitalization'], ['labour'], [], [])
    """
    if len(word) <= 4:
        return []
    out: list[str] = []
    for pattern, replacement in _SPELLINGS:
        other = pattern.sub(replacement, word, count=1)
        if other != word and other not in out:
            out.append(other)
    return out
