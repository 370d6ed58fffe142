"""Term consistency (``T4xx``): the glossary's own pairs applied to every translation.

The termbase of a language is what its translators approved in the ``glossary`` catalog: each
article's headword (msgctxt = term id), translated and not fuzzy, named in Malay by its headword
and by the text of every link that resolves to it; and each link to no article, by its own
translated link message (msgctxt = ``/`` + target). Link texts the source checks find suspicious
(``S103``) are not terms.

- ``T401``: a translated message whose Malay contains a term must contain that term's English
  (case-insensitive, hyphens and spaces alike, an English plural ``-s``/``-es``/``-ies`` allowed;
  for ``Name (ACR)`` the name or the acronym alone will do).
- ``T402``: two different terms whose English headwords are the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from glossari.align.names import english_lemma
from glossari.align.resolve import TargetIndex, link_is_trusted, resolve_link, target_key
from glossari.catalog.messages import GLOSSARY_DOMAIN, link_context
from glossari.checks.catalogs import LanguageCatalogs
from glossari.checks.codes import finding
from glossari.checks.parity import strip_link_targets
from glossari.diagnostics import Finding
from glossari.model import Term
from glossari.text import lookup_key

__all__ = ["TermEntry", "Termbase", "english_pattern", "shared_english", "termbase"]

_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_fold(strip_link_targets(text))))


def _pluralizable(word: str) -> str:
    escaped = re.escape(word)
    if len(word) > 2 and word.endswith("y"):
        return f"(?:{escaped}(?:s|es)?|{re.escape(word[:-1])}ies)"
    return f"{escaped}(?:s|es)?"


def english_pattern(english: str) -> re.Pattern[str] | None:
    """A regex that finds ``english`` in a folded, hyphen-free translation.

    >>> p = english_pattern("Account executive")
    >>> bool(p.search("two account executives met")), bool(p.search("accounts executive"))
    (True, False)
    >>> bool(english_pattern("Agency").search("the agencies")),
    (True,)
    >>> bool(english_pattern("Financial Industry Regulatory Authority (FINRA)").search("finra"))
    True
    """
    names = [english]
    match = re.fullmatch(r"\s*(.*?)\s*\(([^()]+)\)\s*", english)
    if match is not None:
        names = [match.group(1), match.group(2)]
    alternatives = []
    for name in names:
        words = _WORD.findall(_fold(name))
        if not words:
            continue
        body = r"\s+".join([re.escape(w) for w in words[:-1]] + [_pluralizable(words[-1])])
        alternatives.append(body)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


@dataclass(frozen=True, slots=True, kw_only=True)
class TermEntry:
    """One approved pair of the termbase."""

    identity: str
    """Which term it is: an article id, or ``/`` + the normalized target of a link-only term."""
    malay: str
    english: str
    context: str
    """The msgctxt of the defining message (term id or ``/target``)."""
    path: str
    """The catalog defining it."""
    line: int
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    """Compiled on first use (most terms never occur in a message: no need to compile them)."""
    needles: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """Texts one of which every match of :attr:`pattern` contains (set with it)."""

    def search(self, folded: str) -> bool:
        """True when the English of this term is in ``folded`` (a folded, hyphen-free text)."""
        pattern = self.pattern
        if pattern is None:
            pattern = english_pattern(self.english)
            object.__setattr__(self, "pattern", pattern)  # a cache, not a change of value
            object.__setattr__(self, "needles", _needles(self.english))
        if pattern is None:
            return True  # no pattern: no blame
        # a plain substring test first: most translations lack most terms, and `in` costs a
        # fraction of a regex search over a paragraph
        if not any(needle in folded for needle in self.needles):
            return False
        return pattern.search(folded) is not None


def _needles(english: str) -> tuple[str, ...]:
    """Per alternative of :func:`english_pattern`, a text every match of it contains: the first
    word, or of a single word the part its plural keeps (``agenc`` of ``agency``/``agencies``)."""
    names = [english]
    match = re.fullmatch(r"\s*(.*?)\s*\(([^()]+)\)\s*", english)
    if match is not None:
        names = [match.group(1), match.group(2)]
    found: list[str] = []
    for name in names:
        words = _WORD.findall(_fold(name))
        if not words:
            continue
        word = words[0]
        found.append(word[:-1] if len(words) == 1 and len(word) > 2 and word.endswith("y")
                     else word)
    return tuple(found)


class _Node:
    """A trie node over Malay tokens: the terms ending here, and the next tokens."""

    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entries: list[TermEntry] = []


@dataclass(frozen=True, slots=True, kw_only=True)
class Termbase:
    """The approved pairs, in a trie of Malay tokens: matching a message costs the length of the
    message times the length of the longest term, whatever the size of the glossary."""

    entries: tuple[TermEntry, ...]
    trie: _Node = field(repr=False)

    def find(self, malay: str) -> list[TermEntry]:
        """The terms whose Malay occurs in ``malay``, leftmost-longest, each once."""
        tokens = _tokens(malay)
        found: dict[tuple[str, str], TermEntry] = {}
        i, count = 0, len(tokens)
        while i < count:
            node: _Node | None = self.trie
            best: list[TermEntry] = []
            end = j = i
            while j < count and node is not None:
                node = node.children.get(tokens[j])
                j += 1
                if node is not None and node.entries:
                    best, end = node.entries, j
            for entry in best:
                found.setdefault((entry.identity, entry.english), entry)
            i = end if best else i + 1
        return list(found.values())


def termbase(terms: Iterable[Term], catalogs: LanguageCatalogs) -> Termbase:
    """The approved pairs of ``catalogs.lang`` (see the module documentation).

    A link resolves as everywhere else (:func:`glossari.align.resolve.resolve_link`). A link to
    an article is one more Malay name of that concept: its English is the article's approved
    headword, not the link's own translation (``hedge funds`` is a variant, inflected for its
    sentence). A link to no article defines its term by its translation, plural undone
    (:func:`glossari.align.names.english_lemma`: the approved English is never an inflection).
    """
    articles = [t for t in terms if t.kind == "article"]
    index = TargetIndex.build(articles)
    entries: list[TermEntry] = []
    approved: dict[str, TermEntry] = {}

    def add(identity: str, malay: str, context: str, *, headword: bool) -> None:
        found = catalogs.get(GLOSSARY_DOMAIN, context, malay)
        if not _tokens(malay):
            return
        if not headword and identity in approved:
            defining = approved[identity]
            entries.append(replace(defining, malay=malay))
            return
        if found is None or not found[1].translated:
            return
        catalog, entry = found
        english = entry.msgstr.strip() if headword else english_lemma(entry.msgstr.strip())
        if _WORD.search(english) is None:
            return
        item = TermEntry(identity=identity, malay=malay, english=english,
                         context=context, path=catalog.path, line=entry.line)
        entries.append(item)
        if headword:
            approved[identity] = item

    for term in articles:
        if term.title:
            add(term.id, term.title, term.id, headword=True)
    english_names = {lookup_key(e.english): e.identity for e in entries}
    for term in articles:
        for link in term.links:
            if not link.internal or not link_is_trusted(link):
                continue
            key = target_key(link.target)
            identity = (resolve_link(link, index) or english_names.get(key) or "/" + key)
            add(identity, link.text, link_context(link.target), headword=False)

    trie = _Node()
    seen: set[tuple[tuple[str, ...], str]] = set()
    for item in entries:
        phrase = _tokens(item.malay)
        if (phrase, lookup_key(item.english)) in seen:  # "Gross profit" and "gross profit"
            continue
        seen.add((phrase, lookup_key(item.english)))
        node = trie
        for token in phrase:
            node = node.children.setdefault(token, _Node())
        node.entries.append(item)
    return Termbase(entries=tuple(entries), trie=trie)


def missing_terms(
    base: Termbase, msgid: str, translation: str, *, context: str | None, domain: str,
) -> list[TermEntry]:
    """The terms whose Malay is in ``msgid`` but whose English is not in ``translation``.

    A headword or link message is the definition of its term, not a use of it: skipped.
    """
    if domain == GLOSSARY_DOMAIN and context is not None:
        return []
    used = base.find(msgid)
    if not used:
        return []
    english = " ".join(_fold(strip_link_targets(translation)).replace("-", " ").split())
    english = re.sub(r"[^\w\s]", " ", english)
    english = " ".join(english.split())
    return [t for t in used if not t.search(english)]


def consistency_finding(
    term: TermEntry, *, path: str, line: int, lang: str, owner: str | None
) -> Finding:
    """T401 for one missing term."""
    return finding(
        "T401", path=path, line=line, lang=lang, term=owner,
        message=f"the Malay uses the term '{term.malay}', but the translation lacks its approved "
        f"English '{term.english}' ({term.path}:{term.line})",
    )


def shared_english(base: Termbase, lang: str) -> Iterator[Finding]:
    """T402: each term after the first that shares an English headword with another term."""
    first: dict[str, TermEntry] = {}
    seen: set[tuple[str, str, int]] = set()
    for entry in sorted(base.entries, key=lambda e: (e.path, e.line)):
        if (entry.identity, entry.path, entry.line) in seen:
            continue  # the same definition, reached through another Malay name
        seen.add((entry.identity, entry.path, entry.line))
        key = lookup_key(entry.english)
        if not key:
            continue
        other = first.setdefault(key, entry)
        if other.identity == entry.identity:
            continue
        yield finding(
            "T402", path=entry.path, line=entry.line, lang=lang,
            term=entry.identity if not entry.identity.startswith("/") else None,
            message=f"'{entry.malay}' ({entry.context}) has the English '{entry.english}', "
            f"like '{other.malay}' ({other.context}, line {other.line}); give each term its own "
            "English, or make them one term",
        )
