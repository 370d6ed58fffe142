"""Bring a catalog up to date with its template, with GNU msgmerge's semantics.

- Entries come in template order; an exact ``(msgctxt, msgid)`` match keeps its translation,
  translator comments and flags, and takes the template's ``#.`` comments and ``#:`` references.
- A new message with no exact match but a similar old one (ratio >= 0.6, same msgctxt preferred)
  gets the old translation and its flags, the ``fuzzy`` flag and ``#|`` lines with the old
  source.
- A message whose plural changed (plural to singular, singular to plural, another
  msgid_plural) keeps its translation, fuzzy, as msgmerge does; the forms a singular message
  cannot hold (msgmerge drops them) stay in a translator comment and come back with the plural.
- An old message that left the template becomes obsolete (``#~``) with its translation, never
  dropped; obsolete messages stay obsolete, and one whose key comes back is revived. One
  offered as a new message's fuzzy match stays obsolete too (msgmerge drops it): the offer is
  a guess, which a translator may overwrite.
- A message whose context is renamed (a headword's msgctxt is its term id: an article renamed
  from ``kadar-faedah.md`` to ``interest-rate.md``) keeps its translation when that is
  unambiguous: one old context gone and one new one come for the same msgid, and not a link's
  (``/slug``). msgmerge would offer it fuzzy.
- A message whose only change is its Unicode normalisation (a translator's editor saved the
  catalog composed, NFC, and the article is decomposed, NFD, or the reverse: ``é`` as one
  character or as ``e`` and U+0301) keeps its translation, translated, under the template's
  spelling: the two are the same text, and msgmerge would offer it fuzzy with a ``#|`` line
  that reads exactly as the message. Only when unambiguous, as for a renamed context. So does
  one whose only change is a no-break space (or a thin or ideographic one) where it had a
  space, or the reverse: a headword read as ``RM 100 seunit`` before the reader kept the
  article's ``RM\u00a0100 seunit`` shows the same to its translator. So does
  a link's message whose context is its target percent-escaped (``/a%C3%A7%C3%A3o``, as
  catalogs made before link targets were kept as written have it) and now as written
  (``/ação``).
- A headword rewritten under the same term id (``Margin`` retitled ``Akaun margin``) keeps its
  translation fuzzy, with ``#|``, however unlike the two are (one old and one new message of
  that context; not a link's): msgmerge's 0.6 would leave it obsolete.
- A headword both renamed and retitled in one update keeps its translation fuzzy when the
  article's unchanged messages (definition, categories, link texts) name the old id before and
  the new one after, and no other: msgmerge would leave it obsolete.
- A new message with no exact match in its own catalog takes one from a *compendium* (as
  ``msgmerge -C``): the translated messages that other catalogs of the language lost in the same
  update. ``glossari update`` passes them (:mod:`glossari.catalog.update`): an article renamed
  to another first letter moves its paragraphs to another domain, and their translations move
  with them, as translated (fuzzy only when the compendium holds two different translations).
  A message new to the catalog that still has no translation is offered fuzzy from the
  translated messages other catalogs left obsolete in the update (``similar``), as msgmerge
  matches its compendium: such an article with one sentence edited keeps that translation.
- The existing header is kept (only ``POT-Creation-Date`` follows the template); a new catalog
  gets a header with ``Language``, CLDR ``Plural-Forms`` (from Babel) and UTF-8, and EMPTY
  msgstr everywhere: GNU ``msginit`` copies the Malay msgid into an English msgstr, and the
  catalog then claims to be 100% translated while it is still Malay.
- An entry the merge did not change keeps :attr:`Entry.raw`, so its bytes (a translator's
  wrapping, ``#~|`` lines) survive.

Fuzzy matching indexes old msgids by character trigrams and scores only a bounded set of
candidates, so it is not quadratic. Unlike msgmerge, only the old messages that did not keep an
exact match are candidates: a translation moves with its changed source instead of being copied
to every lookalike, and a 265,000-message catalog with a few changes merges in seconds.

>>> from glossari.catalog.pofile import Entry, PoFile
>>> pot = PoFile(header=None, entries=(Entry(msgid="Kos tetap"),))
>>> po = merge(pot, None, lang="en")
>>> po.header_fields()["Plural-Forms"], po.entries[0].msgstr
('nplurals=2; plural=(n != 1);', '')
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from difflib import SequenceMatcher
from typing import NamedTuple

from glossari.catalog.charset import utf8_header_msgstr
from glossari.catalog.messages import is_link_context
from glossari.catalog.pofile import Entry, PoFile, parse_plural_count
from glossari.errors import CatalogError
from glossari.text import quoted, readable_url

__all__ = ["FUZZY_THRESHOLD", "Moved", "joined_notes", "merge", "new_header"]

FUZZY_THRESHOLD = 0.6
"""Minimum similarity (difflib ratio) for a fuzzy match, as msgmerge's FUZZY_THRESHOLD."""

_RAREST_TRIGRAMS = 16
_CANDIDATES = 8

Key = tuple[str | None, str]


def _plural_forms(lang: str) -> str:
    # imported here: Babel's locale data loads slowly and most commands never need it
    from babel.messages.plurals import get_plural

    from glossari.catalog.languages import check_language, cldr_locale

    check_language(lang, path=f"locale/{lang}")  # the one validator of language codes
    return str(get_plural(cldr_locale(lang)))  # az_IQ@arabic is az_Arab_IQ


def new_header(template: PoFile, *, lang: str) -> Entry:
    """The header of a new catalog for ``lang`` made from ``template``."""
    plural_forms = _plural_forms(lang)
    fields = template.header_fields()
    created = fields.get("POT-Creation-Date")
    lines = [
        ("Project-Id-Version", fields.get("Project-Id-Version") or "glossari"),
        ("Report-Msgid-Bugs-To", fields.get("Report-Msgid-Bugs-To")),
        ("POT-Creation-Date", created),
        # msgfmt --check warns when these are missing; Poedit and Weblate fill them on save.
        # The revision date is the template's (not the clock's), so a rerun writes the same bytes.
        ("PO-Revision-Date", created),
        ("Last-Translator", ""),
        ("Language-Team", _language_name(lang)),
        ("Language", lang),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", plural_forms),
        ("X-Domain", fields.get("X-Domain")),
    ]
    msgstr = "".join(f"{name}: {value}\n" for name, value in lines if value is not None)
    return Entry(msgid="", msgstr=msgstr)


def _language_name(lang: str) -> str:
    """The language's English name from CLDR (``en`` -> ``English``), for Language-Team."""
    from babel import UnknownLocaleError

    from glossari.catalog.languages import cldr_locale

    try:  # sr@latin is Serbian (Latin)
        return str(cldr_locale(lang).english_name or lang)
    except (UnknownLocaleError, ValueError, TypeError):
        return lang


def _updated_header(header: Entry, template: PoFile) -> Entry:
    created = template.header_fields().get("POT-Creation-Date")
    if created is None:
        return header
    lines = header.msgstr.split("\n")
    for index, line in enumerate(lines):
        name, sep, value = line.partition(":")
        if sep and name.strip() == "POT-Creation-Date":
            if value.strip() == created:
                return header
            lines[index] = f"POT-Creation-Date: {created}"
            return header.with_changes(msgstr="\n".join(lines))
    return header


def _template_header(header: Entry, template: PoFile) -> bool:
    """Whether ``header`` (a catalog's) is ``template``'s own, field for field but the date it
    was made: a template copied as a catalog, its header never filled (``Language`` empty,
    ``PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE``), which holds nothing of a translator's."""
    if template.header is None:
        return False
    mine = PoFile(header=header, entries=()).header_fields()
    theirs = template.header_fields()
    mine.pop("POT-Creation-Date", None)
    theirs.pop("POT-Creation-Date", None)
    return mine == theirs and not mine.get("Language") and "Plural-Forms" not in mine


def _utf8_header(header: Entry) -> Entry:
    """``header`` declaring UTF-8: glossari writes UTF-8 only, whatever charset it read."""
    msgstr = utf8_header_msgstr(header.msgstr)
    return header if msgstr == header.msgstr else header.with_changes(msgstr=msgstr)


def _trigrams(text: str) -> set[str]:
    folded = f"  {text.casefold()} "
    return {folded[i : i + 3] for i in range(len(folded) - 2)}


def _matcher(a: str, b: str) -> SequenceMatcher[str]:
    # characters for short texts (one changed letter matters), words for long ones: comparing
    # paragraphs letter by letter costs difflib seconds and says nothing more
    if max(len(a), len(b)) <= 80:
        return SequenceMatcher(None, a, b, autojunk=False)
    return SequenceMatcher(None, a.split(" "), b.split(" "), autojunk=False)


class _FuzzyIndex:
    """Old translated messages by trigram, for bounded-cost similarity search."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, entry in enumerate(self.entries):
            for gram in _trigrams(entry.msgid):
                self.postings[gram].append(number)

    def best(self, entry: Entry) -> Entry | None:
        if not self.entries:
            return None
        # sorted: a set's order changes with each process's hash seed, and two runs on the same
        # files chose different fuzzy matches; from sorted grams the counts are made in one
        # order, and most_common keeps it for equal counts (its sort is stable)
        grams = sorted(g for g in _trigrams(entry.msgid) if g in self.postings)
        rarest = heapq.nsmallest(_RAREST_TRIGRAMS, grams, key=lambda g: len(self.postings[g]))
        hits: Counter[int] = Counter()
        for gram in rarest:
            hits.update(self.postings[gram])
        best: tuple[bool, float] | None = None
        found: Entry | None = None
        for number, _ in hits.most_common(_CANDIDATES):
            candidate = self.entries[number]
            matcher = _matcher(entry.msgid, candidate.msgid)
            if (
                matcher.real_quick_ratio() < FUZZY_THRESHOLD
                or matcher.quick_ratio() < FUZZY_THRESHOLD
            ):
                continue
            ratio = matcher.ratio()
            if ratio < FUZZY_THRESHOLD:
                continue
            score = (candidate.msgctxt == entry.msgctxt, ratio)
            if best is None or score > best:
                best, found = score, candidate
        return found


def _forms(entry: Entry, plural: bool, nplurals: int) -> tuple[str, tuple[str, ...]]:
    """(msgstr, msgstr_plural) of ``entry``'s translation shaped for a (non-)plural message."""
    if not plural:
        return entry.translations[0] if entry.translations else "", ()
    forms = entry.translations if entry.msgid_plural is not None else (entry.msgstr,)
    forms = tuple(forms[:nplurals]) + ("",) * max(0, nplurals - len(forms))
    return "", forms


def _empty(template_entry: Entry, nplurals: int) -> Entry:
    plural = template_entry.msgid_plural is not None
    # the template's lines are wrapped its way, not necessarily the catalog's
    return template_entry.anew().with_changes(
        msgstr="",
        msgstr_plural=("",) * nplurals if plural else (),
        flags=tuple(f for f in template_entry.flags if f != "fuzzy"),
        translator_comments=(),
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
        obsolete=False,
        line=0,
    )


def _carry(old: Entry, new: Entry, nplurals: int, *, moved: bool = False) -> Entry:
    """``old`` (exact match, maybe obsolete) updated with the template's comments and refs.

    ``moved``: ``old`` comes from another catalog (a compendium), so its bytes are never kept.

    When the plural changed (a plural message became singular, or the reverse, or its
    msgid_plural changed), the translation is kept and flagged fuzzy, as GNU msgmerge does:
    a singular translation fills every plural form; a plural one gives its msgstr[0] to the
    singular message. msgmerge drops msgstr[1..] there; glossari keeps each in a translator
    comment (``# msgstr[1] (plural form before the message became singular): ...``), so no
    translation is lost and the translator can bring it back if the plural returns. The old
    message goes in ``#|`` lines (``#| msgid``, ``#| msgid_plural``), as ``msgmerge --previous``
    writes them.
    """
    if moved:
        old = old.anew()  # another catalog's lines, wrapped its way
    plural = new.msgid_plural is not None
    # the template's word on a format (no-c-format) wins over the old message's, as in
    # msgmerge and as for a fuzzy match (_fuzzy); a template that says nothing keeps the old
    # flags (a translator's c-format, Weblate's max-length:80) and the entry's bytes
    flags = old.flags
    if new.flags:
        source = _source_flags(new, old.flags)
        if set(source) != set(old.flags):
            flags = source
    if (
        not old.obsolete
        and not moved
        and old.extracted_comments == new.extracted_comments
        and old.references == new.references
        and old.msgid_plural == new.msgid_plural
        and flags == old.flags
        and (not plural or len(old.msgstr_plural) == nplurals)
    ):
        return old  # untouched: its raw bytes stay
    msgstr, forms = _forms(old, plural, nplurals)
    comments = old.translator_comments
    previous = (old.previous_msgctxt, old.previous_msgid, old.previous_msgid_plural)
    if old.msgid_plural != new.msgid_plural and old.has_translation:
        flags = ("fuzzy", *(f for f in flags if f != "fuzzy"))
        if not old.fuzzy:
            # the message it was translated from, in #| lines, as msgmerge --previous writes
            # them: the translator's tool shows the plural that came or went; an entry already
            # fuzzy keeps the #| lines it has (none, or the source it was translated from)
            previous = (old.msgctxt, old.msgid, old.msgid_plural)
        if not plural:
            comments = comments + _dropped_forms(old)
        elif old.msgid_plural is None:
            forms, comments = _restored_forms(old, nplurals)
    elif plural and len(old.msgstr_plural) > nplurals:
        comments = comments + _dropped_forms(old, nplurals)
    return old.with_changes(
        extracted_comments=new.extracted_comments,
        references=new.references,
        msgid_plural=new.msgid_plural,
        msgstr=msgstr,
        msgstr_plural=forms,
        flags=flags,
        translator_comments=comments,
        previous_msgctxt=previous[0],
        previous_msgid=previous[1],
        previous_msgid_plural=previous[2],
        obsolete=False,
        line=0,
    )


def _dropped_forms(old: Entry, nplurals: int | None = None) -> tuple[str, ...]:
    """Translator comments holding ``old``'s plural forms (non-empty) that the message no longer
    has: from index 1 when it became singular (``nplurals`` None), else from ``nplurals`` on
    (a plural message under a Plural-Forms with fewer forms, ``nplurals=1`` included)."""
    kept = 1 if nplurals is None else nplurals
    why = (_BECAME_SINGULAR if nplurals is None
           else f"plural form beyond nplurals={nplurals}")
    return tuple(
        f"msgstr[{index}] ({why}): {_comment_safe(form)}"
        for index, form in enumerate(old.msgstr_plural)
        if index >= kept and form and
        f"msgstr[{index}] ({why}): {_comment_safe(form)}" not in old.translator_comments
    )


_BECAME_SINGULAR = "plural form before the message became singular"
_KEPT_FORM = re.compile(rf'msgstr\[(\d+)\] \({_BECAME_SINGULAR}\): "((?:[^"\\]|\\.)*)"')


def _restored_forms(old: Entry, nplurals: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(forms, translator comments) for singular ``old`` becoming plural: as msgmerge, the
    singular fills every form, except those :func:`_dropped_forms` kept in a comment, which
    come back (and their comments go)."""
    forms = [old.msgstr] * nplurals
    comments: list[str] = []
    for comment in old.translator_comments:
        match = _KEPT_FORM.fullmatch(comment)
        if match is not None and 0 < int(match.group(1)) < nplurals:
            forms[int(match.group(1))] = re.sub(
                r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)),
                match.group(2))
        else:
            comments.append(comment)
    return tuple(forms), tuple(comments)


def _comment_safe(text: str) -> str:
    # quoted as a PO string: one line, and never ending in a backslash (GNU would join it with
    # the next line)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\t", "\\t") + '"'


def _similar(index: _FuzzyIndex, new: Entry, nplurals: int) -> Entry:
    """``new`` fuzzy from its best match in ``index`` (another catalog's), else empty."""
    match = index.best(new)
    return _empty(new, nplurals) if match is None else _fuzzy(match, new, nplurals)


def _fuzzy(old: Entry, new: Entry, nplurals: int) -> Entry:
    plural = new.msgid_plural is not None
    msgstr, forms = _forms(old, plural, nplurals)
    comments = old.translator_comments
    if plural and old.msgid_plural is None:
        forms, comments = _restored_forms(old, nplurals)
    elif not plural and old.msgid_plural is not None:
        comments = comments + _dropped_forms(old)  # the old message is used up: keep its forms
    elif plural and len(old.msgstr_plural) > nplurals:
        comments = comments + _dropped_forms(old, nplurals)  # as _carry: none is lost
    # the translation moves with its changed source, and so do its flags (Weblate's
    # max-length:80, read-only, a translator's c-format), after the template's, as _carry
    # keeps them; GNU msgmerge takes only the template's, and Weblate's flags were lost. A
    # format flag describes the source: where the template says c-format or no-c-format, the
    # old message's word on that language goes (it was written first, and the last one won)
    flags = tuple(dict.fromkeys(("fuzzy", *_source_flags(new, old.flags))))
    # the #| lines are the whole previous message, `#| msgctxt` included whenever it had a
    # context, changed or not, as msgmerge --previous writes them: without it, a tool reads
    # the previous message as one without context (glossari used to leave it out when equal)
    previous_msgctxt = old.msgctxt
    previous_msgid, previous_plural = old.msgid, old.msgid_plural
    if old.fuzzy and old.previous_msgid is not None:
        # still unreviewed: its translation was made from the source in its #| lines, not
        # from the text it was matched to since; msgmerge --previous keeps them too, so the
        # translator's diff (Poedit, Lokalize) spans every change since the last review
        # (no `#| msgctxt` there, in a catalog glossari wrote before it always wrote one: that
        # source had the context the entry then had, which the new message may not have, as a
        # link whose target changed before review)
        previous_msgctxt = old.msgctxt if old.previous_msgctxt is None else old.previous_msgctxt
        previous_msgid, previous_plural = old.previous_msgid, old.previous_msgid_plural
    return new.anew().with_changes(
        msgstr=msgstr,
        msgstr_plural=forms,
        flags=flags,
        translator_comments=comments,
        previous_msgctxt=previous_msgctxt,
        previous_msgid=previous_msgid,
        previous_msgid_plural=previous_plural,
        obsolete=False,
        line=0,
    )


def _source_flags(new: Entry, old_flags: tuple[str, ...]) -> tuple[str, ...]:
    """The template entry ``new``'s flags, then ``old_flags`` but those on a format language
    ``new`` speaks of (a format flag describes the source: the template's ``no-c-format``
    replaces the old message's ``c-format``); ``fuzzy`` is the caller's to decide."""
    said = {_format_language(f) for f in new.flags} - {None}
    return tuple(dict.fromkeys((*(f for f in new.flags if f != "fuzzy"),
                                *(f for f in old_flags if _format_language(f) not in said))))


def _format_language(flag: str) -> str | None:
    """The language a format flag is about (``c`` for ``c-format``, ``no-c-format``,
    ``possible-c-format``), or None for another flag."""
    if ":" in flag or not flag.endswith("-format"):  # Weblate's placeholders:"x-format"
        return None
    return flag.removeprefix("no-").removeprefix("possible-")[: -len("-format")]


def _obsolete(old: Entry) -> Entry:
    if old.obsolete:
        return old
    return old.with_changes(
        obsolete=True,
        references=(),
        extracted_comments=(),
        # as msgmerge: the flags stay (a c-format translation is still one when it is revived)
        flags=old.flags,
        line=0,
    )


def merge(template: PoFile, catalog: PoFile | None, *, lang: str,
          compendium: Mapping[Key, Moved] | None = None,
          similar: Iterable[Entry] = ()) -> PoFile:
    """``catalog`` brought up to date with ``template`` (a new catalog when None).

    ``compendium``: translations from other catalogs of the language (:class:`Moved`), used for
    a message with no exact match in ``catalog``, before any fuzzy match, and for one the
    catalog holds untranslated that an article new to it brings (:func:`_arrives_untranslated`).
    ``similar``: translated messages other catalogs of the language left obsolete in this update,
    offered fuzzy (as ``msgmerge -C`` matches its compendium) to a message new to ``catalog``
    that nothing else translates: an article renamed to another first letter with one sentence
    edited keeps that sentence's translation, to review.

    Raises :class:`CatalogError` for an unknown language code (new catalog only).
    """
    if catalog is None:
        header = new_header(template, lang=lang)
        nplurals = parse_plural_count(_header_value(header, "Plural-Forms")) or 2
        offered = compendium or {}
        others = _FuzzyIndex(similar)
        entries = tuple(_taken(offered[e.key], e, nplurals) if e.key in offered
                        else _similar(others, e, nplurals)
                        for e in template.entries if not e.obsolete)
        return PoFile(header=header, entries=_formats_fuzzy(entries, header))

    theirs = catalog.header_fields().get("X-Domain")
    ours = template.header_fields().get("X-Domain")
    if theirs is not None and ours is not None and theirs != ours:
        raise CatalogError(
            f"the catalog is for domain {quoted(theirs)} but the template for {quoted(ours)}",
            path=f"locale/{lang}/LC_MESSAGES/{theirs}.po",
            line=catalog.header.line if catalog.header is not None else 0,
            hint=f"update it from {theirs}.pot, or fix X-Domain in its header",
        )
    if catalog.header is None:
        header = new_header(template, lang=lang)
    elif _template_header(catalog.header, template):
        # the template copied as the catalog (`cp glossary.pot en/LC_MESSAGES/glossary.po`, as
        # gettext tutorials teach): its header is the template's, every field a placeholder,
        # so it is a new catalog's, with Language and Plural-Forms; it kept `Language: `
        # empty, no Plural-Forms, `#, fuzzy` and the template's "do not edit" comment
        template_notes = template.header.translator_comments if template.header else ()
        header = new_header(template, lang=lang).with_changes(translator_comments=tuple(
            c for c in catalog.header.translator_comments if c not in template_notes))
    else:
        header = _updated_header(catalog.header, template)
    header = _utf8_header(header)
    nplurals = PoFile(header=header, entries=()).nplurals or 2
    current: dict[Key, Entry] = {}
    obsolete: dict[Key, Entry] = {}
    for entry in catalog.entries:
        (obsolete if entry.obsolete else current).setdefault(entry.key, entry)
    wanted = [e for e in template.entries if not e.obsolete]
    template_keys = {e.key for e in wanted}

    # old translations that lost their exact match: the candidates for fuzzy matching
    orphans = [
        e
        for e in catalog.entries
        if e.key not in template_keys and e.has_translation and e.msgid != ""
    ]
    respelled = _respelled(wanted, orphans, current)
    if respelled:  # the same text: neither a rename's nor a fuzzy match's
        taken = {id(e) for e in respelled.values()}
        orphans = [e for e in orphans if id(e) not in taken]
    renamed = _renamed(wanted, orphans, current)
    retitled = _retitled(wanted, orphans, current)
    retitled.update(_renamed_and_retitled(wanted, orphans, current, catalog.entries,
                                          {**renamed, **retitled}))
    if renamed or retitled:  # a renamed message is its old one's, never another's fuzzy guess
        taken = {id(e) for e in (*renamed.values(), *retitled.values())}
        orphans = [e for e in orphans if id(e) not in taken]
    index: _FuzzyIndex | None = None
    elsewhere: _FuzzyIndex | None = None
    used: set[int] = set()
    result: list[Entry] = []
    revived: set[Key] = set()
    fresh: list[int] = []  # where result holds a new, empty message
    noted: list[int] = []  # where result holds a message the compendium offers notes for
    for new in wanted:
        old = current.get(new.key)
        moved = compendium.get(new.key) if compendium else None
        if old is not None and not _arrives_untranslated(old, new, moved):
            result.append(_carry(old, new, nplurals))
            continue
        if old is not None and moved is not None:
            # untranslated here and brought by an article new to the catalog (`Sorotan` of an
            # article renamed to another first letter, beside one that left it untranslated):
            # the translation another catalog has, as msgmerge -C takes it; the notes kept
            given = _taken(moved, new, nplurals)
            notes = joined_notes(old.translator_comments, given.translator_comments)
            result.append(given if notes == given.translator_comments
                          else given.with_changes(translator_comments=notes))
            continue
        if moved is not None and not moved.entry.has_translation:
            noted.append(len(result))  # a note alone: its comments are added below
            moved = None
        if moved is not None and moved.current:
            # newer than this catalog's own obsolete copy, which gives way as an edit in place
            # replaces the text it edits; what only that copy says is kept with it
            revived.add(new.key)
            result.append(_with_own_copy(_taken(moved, new, nplurals), obsolete.get(new.key)))
            continue
        old = obsolete.get(new.key)
        if old is not None and old.has_translation:
            revived.add(new.key)
            result.append(_carry(old, new, nplurals))
            continue
        if moved is not None:
            result.append(_taken(moved, new, nplurals))
            continue
        old = respelled.get(new.key)
        if old is not None:
            used.add(id(old))
            result.append(_carry(old.with_changes(msgctxt=new.msgctxt, msgid=new.msgid),
                                 new, nplurals, moved=True))
            continue
        old = renamed.get(new.key)
        if old is not None:
            if not old.obsolete:
                used.add(id(old))
            result.append(_carry(old.with_changes(msgctxt=new.msgctxt), new, nplurals,
                                 moved=True))
            continue
        old = retitled.get(new.key)
        if old is not None:
            used.add(id(old))
            result.append(_fuzzy(old, new, nplurals))
            continue
        if orphans:
            if index is None:
                index = _FuzzyIndex(orphans)
            match = index.best(new)
            if match is not None:
                if not match.obsolete:
                    used.add(id(match))
                result.append(_fuzzy(match, new, nplurals))
                continue
        if similar and new.key not in current:
            if elsewhere is None:
                elsewhere = _FuzzyIndex(similar)
            match = elsewhere.best(new)
            if match is not None:  # another catalog keeps it obsolete: never used up here
                result.append(_fuzzy(match, new, nplurals))
                continue
        fresh.append(len(result))
        result.append(_empty(new, nplurals))

    # an untranslated obsolete copy's notes (`# ask the editor` on a `#~` entry with an empty
    # msgstr: Lokalize and Weblate keep those) go to its message when it comes back, as
    # msgmerge revives them; the copy itself is dropped below, having no translation
    for number, entry in enumerate(result):
        own = obsolete.get(entry.key)
        if (own is not None and not own.has_translation and own.translator_comments
                and entry.key not in current):
            notes = joined_notes(entry.translator_comments, own.translator_comments)
            if notes != entry.translator_comments:
                result[number] = entry.with_changes(translator_comments=notes, line=0)

    for number in noted:  # another catalog's notes on the message, untranslated there
        entry = result[number]
        notes = joined_notes(entry.translator_comments,
                             (compendium or {})[entry.key].entry.translator_comments)
        if notes != entry.translator_comments:
            result[number] = entry.with_changes(translator_comments=notes, line=0)
    _keep_notes(catalog, template_keys, result, fresh)

    # everything else that holds a translation stays, as obsolete, in the old file order
    tail: list[Entry] = []
    for entry in catalog.entries:
        if entry.key in template_keys and not entry.obsolete:
            continue
        if entry.obsolete and entry.key in revived:
            continue
        if id(entry) in used or not entry.has_translation:
            continue
        tail.append(_obsolete(entry))
    return PoFile(header=header, entries=(*_formats_fuzzy(result, header), *tail),
                  trailer=catalog.trailer,
                  newline=catalog.newline, wrapped=catalog.wrapped,
                  # asked only if an entry is rendered anew (a scan of the whole file)
                  text_of_source=catalog.text_of_source)


def _formats_fuzzy(entries: Iterable[Entry], header: Entry) -> tuple[Entry, ...]:
    """``entries`` with every translation whose directives disagree with its format flag
    (:func:`glossari.catalog.formats.entry_problem`: ``Account {executive}`` for a
    ``python-brace-format`` headword) offered fuzzy, its text kept: a translation revived from
    ``#~`` or taken from another catalog was written as translated, and the catalog then
    refused by ``compile`` and every command (and by ``msgfmt --check``). A catalog's current
    translations were checked when it was read; these come from elsewhere."""
    entries = tuple(entries)
    if not any(e.flags and not e.fuzzy and e.has_translation for e in entries):
        return entries
    from glossari.catalog.formats import entry_problem, loose_forms

    plural_forms = _header_value(header, "Plural-Forms")
    loose = loose_forms(plural_forms, parse_plural_count(plural_forms or ""))
    return tuple(
        e.with_changes(flags=("fuzzy", *e.flags))
        if e.flags and not e.fuzzy and e.translations[:1] not in (("",), ())
        and entry_problem(e, loose) is not None else e
        for e in entries)


def _keep_notes(catalog: PoFile, template_keys: set[Key], result: list[Entry],
                fresh: list[int]) -> None:
    """Give the translator comments of untranslated messages that left the template (``# ask
    the editor: share or stock?``) to the most similar new message (``fresh``: its positions
    in ``result``), in place. Such a message is dropped, having no translation to keep
    obsolete (msgcat drops an untranslated obsolete entry), and its comments went with it
    when its source changed; msgmerge loses them too."""
    notes = [e for e in catalog.entries if e.key not in template_keys and e.msgid != ""
             and not e.has_translation and e.translator_comments]
    if not notes or not fresh:
        return
    index = _FuzzyIndex(result[n] for n in fresh)
    where = {id(result[n]): n for n in fresh}  # not a scan per note: notes x new messages
    for old in notes:
        match = index.best(old)
        if match is None:
            continue
        number = where[id(match)]
        entry = result[number]
        result[number] = entry.with_changes(
            translator_comments=joined_notes(entry.translator_comments, old.translator_comments))


def _term_context(context: str | None) -> bool:
    """Whether ``context`` is a term id (a headword's msgctxt), not a link's ``/slug``."""
    return context is not None and not is_link_context(context)


_UNBROKEN_SPACE = re.compile(" *[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+ *")
"""A run of the spaces Python's ``str.split()`` takes for layout and the reader keeps as text
(:func:`glossari.text.one_line`: a no-break space, a thin or an ideographic one), with the
plain spaces around it: what the reader once read as one space."""


def _same_text(entry: Entry) -> tuple[str | None, str, str | None]:
    """``entry``'s key and plural source composed (NFC): one text however it is spelled. A
    link's context is read as its link's target is (:func:`glossari.text.readable_url`): the
    msgctxt ``/a%C3%A7%C3%A3o`` of a catalog made before targets were kept as written is
    ``/ação``. A no-break space (and its kin, :data:`_UNBROKEN_SPACE`) is a space: a headword
    or definition read before the reader kept them (``RM 100 seunit`` for the article's
    ``RM\u00a0100 seunit``) is the same text, which the translator read as it shows."""
    def composed(text: str | None) -> str | None:
        if text is None:
            return None
        return unicodedata.normalize("NFC", _UNBROKEN_SPACE.sub(" ", text))

    context = entry.msgctxt
    if context is not None and is_link_context(context):
        context = readable_url(context)
    return (None if context is None else unicodedata.normalize("NFC", context),
            composed(entry.msgid) or "", composed(entry.msgid_plural))


def _respelled(wanted: list[Entry], orphans: list[Entry],
               current: dict[Key, Entry]) -> dict[Key, Entry]:
    """The new messages that are a current old one spelled in another Unicode normalisation
    (NFC or NFD, context and plural included), or with no-break spaces where it had spaces, or
    the reverse: one old and one new message for that text."""
    news = [e for e in wanted if e.key not in current]
    if all(f"{e.msgctxt or ''}{e.msgid}{e.msgid_plural or ''}".isascii()
           and "%" not in (e.msgctxt or "") for e in orphans) and not any(
               _UNBROKEN_SPACE.search(f"{e.msgid}{e.msgid_plural or ''}") for e in news):
        return {}  # nothing an editor could have composed, nor an escape: the usual update
    return _one_to_one(((_same_text(e), e) for e in orphans if not e.obsolete),
                       ((_same_text(e), e) for e in news))


def _one_to_one(olds: Iterable[tuple[Hashable, Entry]],
                news: Iterable[tuple[Hashable, Entry]]) -> dict[Key, Entry]:
    """Each new message paired with the old one that shares its mark (its text in NFC, its
    msgid, its context), where the mark is one old message's and one new message's alone: a
    pairing with two on either side is a guess, left to msgmerge. The one rule of
    :func:`_respelled`, :func:`_renamed` and :func:`_retitled`.

    >>> old, new = Entry(msgctxt="kos", msgid="Kos"), Entry(msgctxt="kos-modal", msgid="Kos")
    >>> _one_to_one([("Kos", old)], [("Kos", new)]) == {new.key: old}
    True
    >>> _one_to_one([("Kos", old)], [("Kos", new), ("Kos", Entry(msgid="Kos"))])
    {}
    """
    by_old: dict[Hashable, list[Entry]] = defaultdict(list)
    for mark, entry in olds:
        by_old[mark].append(entry)
    by_new: dict[Hashable, list[Entry]] = defaultdict(list)
    for mark, entry in news:
        if mark in by_old:
            by_new[mark].append(entry)
    return {found[0].key: by_old[mark][0] for mark, found in by_new.items()
            if len(found) == 1 and len(by_old[mark]) == 1}


def _renamed(wanted: list[Entry], orphans: list[Entry],
             current: dict[Key, Entry]) -> dict[Key, Entry]:
    """The new messages that are an old one under a renamed context: a headword's msgctxt is
    its term id, so renaming ``kadar-faedah.md`` to ``interest-rate.md`` gives the same msgid a
    new context. Only when it is unambiguous (one old context gone in this update, one new one
    come, for that msgid) and not a link's (``/slug``: a link retargeted may name another
    concept); msgmerge
    would offer it fuzzy, and every renamed article's headword would leave the ``.mo``."""
    gone = {e.msgctxt for e in orphans} - {e.msgctxt for e in wanted}
    # an obsolete one left in an earlier update: a new article titled alike since is no
    # rename of it (it may name another concept), and msgmerge's fuzzy is the safe answer
    return _one_to_one(((e.msgid, e) for e in orphans
                        if e.msgctxt in gone and _term_context(e.msgctxt)
                        and e.msgid_plural is None and not e.obsolete),
                       ((e.msgid, e) for e in wanted
                        if e.key not in current and _term_context(e.msgctxt)))


def _retitled(wanted: list[Entry], orphans: list[Entry],
               current: dict[Key, Entry]) -> dict[Key, Entry]:
    """The new messages that are an old one with a rewritten source under the same term id: a
    headword's msgctxt is its term id, so ``Margin`` retitled ``Akaun margin`` is still that
    term's headword, however unlike (msgmerge's 0.6 made it obsolete, and the term lost its
    English). Offered fuzzy, never translated: the translator reviews the new headword. Only
    when unambiguous (one old and one new message of that context) and not a link's
    (``/slug``: one target has many link texts), nor when the old headword is itself new
    under another id (``kos.md`` renamed ``kos-modal.md``, and a new ``kos.md`` written for
    another concept): the translation of that very text goes to it, as msgmerge offers it."""
    elsewhere = {e.msgid for e in wanted if e.key not in current and _term_context(e.msgctxt)}
    return _one_to_one(((e.msgctxt, e) for e in orphans
                        if _term_context(e.msgctxt) and e.msgid_plural is None
                        and not e.obsolete and e.msgid not in elsewhere),
                       ((e.msgctxt, e) for e in wanted if e.key not in current))


def _renamed_and_retitled(wanted: list[Entry], orphans: list[Entry],
                          current: dict[Key, Entry], entries: Iterable[Entry],
                          claimed: Mapping[Key, Entry]) -> dict[Key, Entry]:
    """The new headwords that are an old one both renamed and retitled in one update
    (``peniaga-broker.md`` renamed ``broker-dealer.md`` and its title rewritten): neither the
    id nor the text matches, so :func:`_renamed` and :func:`_retitled` cannot pair them, and
    the English headword went obsolete. The article's other messages tell: one the update left
    unchanged (its definition, a category, a link text) whose ``#.`` comment named the old id
    alone of the ids gone (``definition of peniaga-broker``) and now names the new id alone of
    the ids come (``definition of broker-dealer``). Offered fuzzy, as a retitle is, and only
    when every such message pairs the same two ids; not for headwords ``claimed`` already."""
    taken = {id(e) for e in claimed.values()}
    old_contexts = {e.msgctxt for e in entries}
    new_contexts = {e.msgctxt for e in wanted}
    elsewhere = {e.msgid for e in wanted if e.key not in current and _term_context(e.msgctxt)}
    gone: dict[str, list[Entry]] = defaultdict(list)
    for entry in orphans:
        if (entry.msgctxt is not None and _term_context(entry.msgctxt)
                and entry.msgctxt not in new_contexts and entry.msgid_plural is None
                and not entry.obsolete and id(entry) not in taken
                and entry.msgid not in elsewhere):
            gone[entry.msgctxt].append(entry)
    if not gone:
        return {}
    come: dict[str, list[Entry]] = defaultdict(list)
    for entry in wanted:
        if (entry.msgctxt is not None and _term_context(entry.msgctxt)
                and entry.msgctxt not in old_contexts and entry.key not in claimed):
            come[entry.msgctxt].append(entry)
    if not come:
        return {}
    pairs: dict[str, set[str]] = defaultdict(set)
    backs: dict[str, set[str]] = defaultdict(set)
    for new in wanted:
        old = current.get(new.key)
        if old is None or new.msgctxt in come:
            continue
        was = {t for p, t in map(_part_of, old.extracted_comments) if t in gone and p}
        now = {t for p, t in map(_part_of, new.extracted_comments) if t in come and p}
        if len(was) == 1 and len(now) == 1:
            (before,), (after,) = was, now
            pairs[before].add(after)
            backs[after].add(before)
    return {come[after][0].key: gone[before][0]
            for before, afters in pairs.items() if len(afters) == 1
            for after in afters
            if backs[after] == {before} and len(come[after]) == 1 and len(gone[before]) == 1}


def _part_of(comment: str) -> tuple[str, str]:
    """``("definition", "kos")`` for the part comment ``definition of kos``
    (:func:`glossari.catalog.messages.part_comment`); ``("", "")`` for another comment."""
    part, sep, term = comment.partition(" of ")
    return (part, term) if sep and part.isalpha() else ("", "")


class Moved(NamedTuple):
    """A translated message another catalog of the language lost, offered to the others (or an
    untranslated one's translator comments: an article renamed to another first letter keeps
    the notes on what is not translated yet)."""

    entry: Entry
    """The message as its old catalog held it (translation, flags, translator comments)."""
    disputed: bool = False
    """True when another catalog lost the same message with another translation: whichever
    is used is flagged fuzzy, for the translator to choose."""
    current: bool = False
    """True when its old catalog held it current until this update (not obsolete): the latest
    translation, which wins over an obsolete copy the receiving catalog kept from before (an
    article renamed away, its translation revised, renamed back)."""


def joined_notes(have: tuple[str, ...], more: Iterable[str]) -> tuple[str, ...]:
    """Translator comments ``have``, then those of ``more`` it lacks, in their order: how every
    merge of two messages' notes keeps both without repeating one.

    >>> joined_notes(("a", "b"), ["b", "c"])
    ('a', 'b', 'c')
    """
    return have + tuple(c for c in more if c not in have)


def _arrives_untranslated(old: Entry, new: Entry, moved: Moved | None) -> bool:
    """Whether the catalog's current message ``old``, untranslated, takes the translation the
    compendium offers (``moved``): ``new``, its template message, names an article ``old`` did
    not (its ``#.`` part comments: the message arrived with that article, as a new one does).
    GNU ``msgmerge -C`` fills every untranslated message from its compendium; an update takes
    the translation where an article brings the message, which only the template and the
    catalog decide, so a catalog the run skips as unchanged loses nothing a merge would give."""
    return (moved is not None and moved.entry.has_translation and not old.has_translation
            and not set(new.extracted_comments) <= set(old.extracted_comments))


def _with_own_copy(taken: Entry, own: Entry | None) -> Entry:
    """``taken`` (another catalog's current translation), keeping what this catalog's own
    obsolete copy ``own`` says and it does not: a translator who revised the ``#~`` copy of an
    article renamed away, then saw it renamed back, lost the revision and its comments. Both
    cannot stay (a message both current and obsolete is GNU's "duplicate message definition"),
    so a different translation goes into a translator comment, as msgmerge would have kept it
    obsolete. The message comes back fuzzy, for a person to choose, when the copy also carries
    a comment the current one lacks: a sign that someone worked on it while it was obsolete
    (most often the obsolete copy is only the translation from before a revision)."""
    if own is None or not own.has_translation:
        return taken
    comments = joined_notes(taken.translator_comments, own.translator_comments)
    added = comments != taken.translator_comments
    flags = taken.flags
    if (own.msgstr, own.msgstr_plural) != (taken.msgstr, taken.msgstr_plural):
        kept = [f"{_OBSOLETE_COPY}: {_comment_safe(own.msgstr)}"] if own.msgstr else []
        kept += [f"{_OBSOLETE_COPY}, msgstr[{index}]: {_comment_safe(form)}"
                 for index, form in enumerate(own.msgstr_plural) if form]
        comments = joined_notes(comments, kept)
        if added and not taken.fuzzy:
            flags = ("fuzzy", *flags)
    if (comments, flags) == (taken.translator_comments, taken.flags):
        return taken
    return taken.with_changes(translator_comments=comments, flags=flags)


_OBSOLETE_COPY = "this catalog's obsolete translation"


def _taken(moved: Moved, new: Entry, nplurals: int) -> Entry:
    """``new`` with the translation the compendium offers for it."""
    carried = _carry(moved.entry, new, nplurals, moved=True)
    if moved.disputed and not carried.fuzzy:
        carried = carried.with_changes(flags=("fuzzy", *carried.flags))
    return carried


def _header_value(header: Entry, name: str) -> str:
    return PoFile(header=header, entries=()).header_fields().get(name, "")
