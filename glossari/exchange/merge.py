"""Merging a termbase file's target-language side into a glossary's catalogs, never destructively.

Each :class:`~glossari.exchange.records.Record` is matched to a glossary term through the
glossary's own lookup: by id first (the TBX entry id or CSV id/context, as glossari's exporter
wrote it), else by the Malay headword, which :meth:`glossari.Glossary.lookup` also accepts as
any other name of a term (English headword, and every name a link accepts). The record's
target headword and definition then become the ``msgstr`` of that term's messages in
``locale/LANG/LC_MESSAGES/glossary.po`` (the headword's message for an article; each link text
leading to a link-only term; the definition's message):

============================  =================================================================
the catalog's message         what happens
============================  =================================================================
untranslated                  takes the imported value (``applied``)
equal to the imported value   left alone (``unchanged``); equal *as exported* counts too: the
                              exporter drops control characters from TBX and neutralises CSV
                              formulas, a tool may compose accents (NFC), and a round trip is
                              never an edit
a different translation,      kept, and reported with both values (``conflict``); ``force``
fuzzy or not                  replaces it (``applied``, with the old value reported)
============================  =================================================================

And, for the records that change nothing: a fuzzy or slug-suggested headword (glossari's own
``suggested`` status, a Weblate ``fuzzy`` row) is never imported as a translation
(``unconfirmed``; the slug suggestion given back as exported is counted nowhere); a record
matching no term is ``unknown`` (an import cannot invent an
article); a Malay headword (or front-matter alias, or else acronym or link text) naming two
terms, with no id to tell them apart, is ``ambiguous``;
a message the catalog lacks (run ``glossari update``) is ``missing``; and two records giving one
message different values ``clash`` and change nothing. Categories: the concept-level ones in the
file are Malay (glossari's exports write those; they come from the articles, so a difference is
only a ``note``); target-language categories (a TBX ``subjectField`` inside the target language's
section) are paired with the term's Malay categories by position, when there are as many.

Writes go through the catalog layer: the catalog is read and rewritten under the lock
``update`` and ``align`` hold, rendered as GNU ``msgcat`` would, and replaced atomically; an
unchanged catalog is not touched, and ``dry_run`` writes nothing at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from glossari.catalog.messages import GLOSSARY_DOMAIN, is_link_context, link_context
from glossari.errors import CatalogError, GlossariError
from glossari.exchange._text import same_text, tidy_record
from glossari.exchange.records import ExchangeError, ExchangeFormat, Record, Termbase
from glossari.glossary import Glossary
from glossari.model import Term
from glossari.root import GlossaryRoot, relative_name
from glossari.text import category_key, distinct_categories, excerpt, lookup_key, quoted

if TYPE_CHECKING:
    from glossari.catalog.pofile import Entry, PoFile

__all__ = ["OUTCOMES", "Field", "ImportReport", "Outcome", "OutcomeKind", "import_termbase",
           "match_record"]

OutcomeKind = Literal[
    "applied", "unchanged", "conflict", "unknown", "ambiguous", "unconfirmed", "missing",
    "clash", "note",
]
"""What became of one imported value (see the module documentation)."""

OUTCOMES: tuple[OutcomeKind, ...] = (
    "applied", "unchanged", "conflict", "unknown", "ambiguous", "unconfirmed", "missing",
    "clash", "note",
)
"""Every :data:`OutcomeKind`, in the order summaries list them."""

Field = Literal["headword", "definition", "category"]
"""Which part of a term an imported value is for."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What one value of the file did (or would do, in a dry run)."""

    line: int
    """1-based line of the record in the file."""
    kind: OutcomeKind
    """What happened."""
    term: str | None = None
    """The id of the glossary term it was matched to, or None."""
    field: Field | None = None
    """``headword`` or ``definition``, or None (for a record as a whole)."""
    catalog: str | None = None
    """The catalog's translation before the import, when there was one."""
    imported: str | None = None
    """The file's value."""
    message: str = ""
    """A sentence for people: what happened and what to do."""

    def as_json(self) -> dict[str, object]:
        """The outcome as a JSON object."""
        return {"line": self.line, "kind": self.kind, "term": self.term, "field": self.field,
                "catalog": self.catalog, "imported": self.imported, "message": self.message}


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportReport:
    """What an import did (or would do)."""

    source: str
    """The file imported, as named in messages."""
    format: ExchangeFormat
    """Its form."""
    lang: str
    """The catalogs' language."""
    outcomes: tuple[Outcome, ...]
    """Every outcome, in file order."""
    written: tuple[str, ...] = ()
    """Catalogs rewritten (none in a dry run, none when nothing changed)."""
    dry_run: bool = False
    """True when nothing was written."""

    def count(self, kind: OutcomeKind) -> int:
        """How many outcomes are of ``kind``."""
        return sum(1 for o in self.outcomes if o.kind == kind)

    @property
    def summary(self) -> dict[str, int]:
        """Count of each outcome kind, every kind present (zeros included)."""
        counts = Counter(o.kind for o in self.outcomes)
        return {kind: counts.get(kind, 0) for kind in OUTCOMES}

    def as_json(self) -> dict[str, object]:
        """The report as a JSON object (``glossari import --format json``)."""
        return {"file": self.source, "format": self.format, "lang": self.lang,
                "dry_run": self.dry_run, "written": list(self.written),
                "summary": self.summary, "outcomes": [o.as_json() for o in self.outcomes]}


def _xml_id_map(glossary: Glossary) -> dict[str, str]:
    # The TBX exporter's entry ids (``401k`` -> ``t-401k``), back to term ids: the exporter's
    # own rule, so an id it wrote is read back exactly (and only those: a foreign file's
    # ``t-kos`` is no id of kos)
    from glossari.export.tbx import xml_id

    return {xml_id(t.id): t.id for t in glossary}


class _Matcher:
    def __init__(self, glossary: Glossary, fmt: ExchangeFormat) -> None:
        self.glossary = glossary
        # in TBX, an entry id is a term's only as the exporter writes it: Pontoon numbers its
        # entries (1, 2, ...), and id="1" went to the term 1 (whose entry id is t-1)
        self.xml_ids: dict[str, str] | None = (
            _xml_id_map(glossary) if fmt.startswith("tbx") else None)
        # the Malay names an editor gave (headwords and front-matter aliases), each to every
        # term that has it: a name two terms share needs an id to choose (lookup would just take
        # the first)
        self.by_malay_name: dict[str, list[Term]] = {}
        # then, as lookup tries them, the acronyms and the link texts: "BNM" of "Bank Negara
        # Malaysia (BNM)" and of "Bursa Niaga Malaysia (BNM)" silently chose the first term
        self.by_acronym: dict[str, list[Term]] = {}
        self.by_link_text: dict[str, list[Term]] = {}
        from glossari.align.resolve import acronym_forms

        # a CSV id in another case (KOSJUALAN, a spreadsheet's capitals; Weblate's context
        # matched through its Malay) was unknown; the id's casefold, when one term has it
        self.by_folded_id: dict[str, list[str]] = {}
        for term in glossary:
            self.by_folded_id.setdefault(term.id.casefold(), []).append(term.id)
            for names, index in (((term.title, *term.names.aliases), self.by_malay_name),
                                 (acronym_forms(term.names.acronyms), self.by_acronym),
                                 (term.names.link_texts, self.by_link_text)):
                for name in names:
                    if name:
                        terms = index.setdefault(lookup_key(name), [])
                        if term not in terms:
                            terms.append(term)

    def match(self, record: Record) -> tuple[Term, bool] | Outcome:
        """The term and whether the id found it; or the outcome saying why there is none."""
        glossary = self.glossary
        if record.id:
            term_id = (record.id if self.xml_ids is None
                       else self.xml_ids.get(record.id))
            if term_id is None or term_id not in glossary:
                folded = self.by_folded_id.get(record.id.casefold(), [])
                if self.xml_ids is None and len(folded) == 1:
                    term_id = folded[0]
            if term_id is not None and term_id in glossary:
                return glossary[term_id], True
        if record.ms:
            from glossari.align.resolve import malay_key

            # lookup folds the Malay plural too ("kadar-kadar" is "kadar"): so must the
            # ambiguity check, or the plural of a shared name silently chose the first term
            named = (self.by_malay_name.get(lookup_key(record.ms))
                     or self.by_malay_name.get(malay_key(record.ms))
                     or self.by_acronym.get(lookup_key(record.ms))
                     or self.by_link_text.get(lookup_key(record.ms), []))
            if len(named) > 1:
                ids = ", ".join(t.id for t in named)
                return Outcome(
                    line=record.line, kind="ambiguous", imported=record.en,
                    message=f"the Malay name {quoted(record.ms)} names {len(named)} terms "
                    f"({ids}); give the term id (TBX entry id, CSV id or context) to choose",
                )
            try:
                return glossary.lookup(record.ms), False
            except KeyError:
                pass
        # named by what was looked for: a row of an unknown id and its English was reported as
        # "'Cost of sales' is not a term", the id it gave unnamed
        name = record.ms or record.id or record.en or "(no headword)"
        return Outcome(
            line=record.line, kind="unknown", imported=record.en,
            message=f"{quoted(name)} is not a term of the glossary; an import cannot invent an "
            "article: write seeds/<id>.md for it (or fix the id or Malay headword)",
        )


def match_record(glossary: Glossary, record: Record, *, fmt: ExchangeFormat = "csv") -> Term:
    """The glossary term ``record`` stands for; ``KeyError`` (with the reason) when none or two."""
    found = _Matcher(glossary, fmt).match(record)
    if isinstance(found, Outcome):
        raise KeyError(found.message)
    return found[0]


_Key = tuple[str | None, str]


@dataclass(slots=True)
class _Planned:
    value: str
    line: int
    term: str
    field: Field
    clash: bool = False


def _headword_keys(glossary: Glossary, term: Term) -> list[_Key]:
    if term.kind == "article":
        return [(term.id, term.title)] if term.title else []
    keys: list[_Key] = []
    for ref in glossary.backlinks(term):  # a link-only term's headword is its links' text
        key = (link_context(ref.link.target), ref.link.text)
        if ref.link.text.strip() and key not in keys:
            keys.append(key)
    return keys


SPREADSHEET_ERRORS = frozenset({"#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NULL!",
                                "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA", "Err:502",
                                "Err:504", "Err:508", "Err:522"})
"""The values a spreadsheet writes for a formula that failed (Excel, Google Sheets, LibreOffice):
a cell a terminologist typed as ``=...`` or ``+60 ...`` and the spreadsheet could not compute."""


def _gives(record: Record) -> bool:
    """Whether ``record`` gives anything in the target language to import."""
    return bool(record.en or record.definition_en or record.categories_en)


def _without_spreadsheet_errors(record: Record, outcomes: list[Outcome]) -> Record:
    """``record`` without the values that are a spreadsheet's error (``#NAME?``), each told as
    ``unconfirmed``: imported, it became the English of the term."""
    changes: dict[str, Any] = {}
    fields: tuple[tuple[str, Field], ...] = (("en", "headword"), ("definition_en", "definition"))
    for name, field in fields:
        value = getattr(record, name)
        if value in SPREADSHEET_ERRORS:
            changes[name] = None
            outcomes.append(Outcome(
                line=record.line, kind="unconfirmed", term=None, field=field,
                imported=value,
                message=f"{quoted(value)} is a spreadsheet's error value (a formula that "
                "failed), not a translation; it is not imported: fix the cell (a text starting "
                "with = + - @ is typed with a leading ')",
            ))
    if any(c in SPREADSHEET_ERRORS for c in record.categories_en):
        changes["categories_en"] = tuple(c for c in record.categories_en
                                         if c not in SPREADSHEET_ERRORS)
        outcomes.append(Outcome(
            line=record.line, kind="unconfirmed", term=None, field="category",
            message="a category is a spreadsheet's error value (a formula that failed); it is "
            "not imported: fix the cell",
        ))
    return replace(record, **changes) if changes else record


def _plan(
    glossary: Glossary, base: Termbase, current: dict[_Key, str] | None = None,
) -> tuple[list[Outcome], dict[_Key, _Planned]]:
    fmt = base.format
    current = current or {}
    matcher = _Matcher(glossary, fmt)
    outcomes: list[Outcome] = []
    planned: dict[_Key, _Planned] = {}
    # a record giving a term's English as the catalog has it (`unchanged`) plans nothing, but
    # says what the file wants as much as one that changes it: another record giving that term
    # another English clashes with it, as two planned values do (it was never compared, and
    # --force wrote the other in), by term id: the first such record's value and line, and its
    # outcome (`unchanged`), which a clash takes back, as a clash between two planned values
    # leaves neither an outcome of its own
    agreeing: dict[str, tuple[str, int, Outcome]] = {}

    def clash(before: _Planned | tuple[str, int, Outcome], value: str, record: Record,
              term: Term, field: Field) -> None:
        if isinstance(before, _Planned):
            shown, line = before.value, before.line
        else:
            shown, line, said = before
            outcomes[:] = [o for o in outcomes if o is not said]
        outcomes.append(Outcome(
            line=record.line, kind="clash", term=term.id, field=field, imported=value,
            message=f"line {line} gives this message {quoted(shown)}, this line "
            f"{quoted(value)}; neither is imported: make them agree",
        ))

    def plan(key: _Key, value: str, record: Record, term: Term, field: Field) -> None:
        before = planned.get(key)
        agreed = agreeing.get(term.id) if field == "headword" else None
        if before is None:
            planned[key] = _Planned(value, record.line, term.id, field)
            if agreed is not None:
                planned[key].clash = True
                clash(agreed, value, record, term, field)
        elif before.value != value and not before.clash:
            before.clash = True
            clash(before, value, record, term, field)

    def agree(record: Record, term: Term, catalog: str) -> None:
        """``record`` gives ``term``'s English as the catalog has it (``catalog``): unchanged,
        unless a record before it planned another (the two clash)."""
        value = record.en or ""
        for key in _headword_keys(glossary, term):
            before = planned.get(key)
            if before is not None and not before.clash and not same_text(before.value, value,
                                                                         fmt):
                before.clash = True
                clash(before, value, record, term, "headword")
                return
        said = Outcome(line=record.line, kind="unchanged", term=term.id, field="headword",
                       catalog=catalog, imported=record.en)
        outcomes.append(said)
        agreeing.setdefault(term.id, (value, record.line, said))

    for record in map(tidy_record, base.records):
        if not (_gives(record) or record.en_rejected):
            continue  # nothing in the target language: nothing to import
        _refuse_controls(record, base.source)
        record = _without_spreadsheet_errors(record, outcomes)
        if not (_gives(record) or record.en_rejected):
            continue
        found = matcher.match(record)
        if isinstance(found, Outcome):
            if _gives(record):  # a record that only rejects a term imports nothing
                outcomes.append(found)
            continue
        term, by_id = found
        if _swapped(record, term):
            raise ExchangeError(
                f"the Malay column gives {quoted(excerpt(record.ms or ''))}, the English of "
                f"{term.id}, and the English column {quoted(excerpt(record.en or ''))}, its "
                "Malay: the columns are swapped (a termbase with English as its source?)",
                path=base.source, line=record.line,
                hint="put the Malay in ms (or source) and the English in en (or target); "
                "nothing was imported",
            )
        _refuse_unusable(record, term, base.source, current, fmt)
        rejected = term.english.title
        if rejected is not None and any(same_text(rejected, t, fmt) for t in record.en_rejected):
            # a terminologist who deprecates the catalog's English without naming another
            # got no word at all: the entry was read as one with nothing to import
            outcomes.append(Outcome(
                line=record.line, kind="note", term=term.id, field="headword",
                catalog=rejected, imported=record.en,
                message=f"the file marks the catalog's translation {quoted(rejected)} as "
                "deprecated (or superseded, obsolete, forbidden)" + (
                    f"; it gives {quoted(record.en)}" if record.en else
                    " and gives no other term") + ": change the catalog's translation",
            ))
        if record.ms and term.title and by_id and (
                lookup_key(record.ms) != lookup_key(term.title)):
            outcomes.append(Outcome(
                line=record.line, kind="note", term=term.id, imported=record.ms,
                message=f"the Malay headword {quoted(record.ms)} differs from the glossary's "
                f"{quoted(term.title)}, which comes from {term.source.path}: edit the article to "
                "change it",
            ))
        if record.en:
            english = term.english
            if (english.status == "suggested" and record.en_status != "translated"
                    and english.title is not None and same_text(english.title, record.en, fmt)):
                # glossari's own slug suggestion given back still marked so (the CSV export's
                # `suggested`, Weblate's fuzzy): no value to import, and none the catalog
                # holds, so it is counted nowhere, as the TBX export, which carries it in a
                # note, gives nothing; it was counted `unchanged`, with the suggestion as the
                # catalog's translation, though the catalog has none
                pass
            elif english.title is not None and same_text(english.title, record.en, fmt) and (
                    english.status == "translated" or record.en_status != "translated"):
                agree(record, term, english.title)
            elif record.en_status != "translated":
                outcomes.append(Outcome(
                    line=record.line, kind="unconfirmed", term=term.id, field="headword",
                    imported=record.en,
                    message=f"{quoted(record.en)} is marked {record.en_status} in the file, not "
                    "confirmed; it is not imported as a translation",
                ))
            elif english.status == "suggested" and not record.en_confirmed and (
                    english.title is not None and same_text(english.title, record.en, fmt)):
                # glossari's own slug suggestion given back by a file that does not say it is
                # confirmed (a CSV without its status column): it was imported as the
                # translators' word, as a TBX through translate-toolkit once did
                outcomes.append(Outcome(
                    line=record.line, kind="unconfirmed", term=term.id, field="headword",
                    imported=record.en,
                    message=f"{quoted(record.en)} is glossari's suggestion from the link slug, and "
                    "the file does not say it is confirmed; it is not imported as a "
                    "translation (to confirm it: the CSV status column 'translated', or a "
                    "TBX preferred term)",
                ))
            else:
                keys = _headword_keys(glossary, term)
                if not keys:
                    outcomes.append(Outcome(
                        line=record.line, kind="missing", term=term.id, field="headword",
                        imported=record.en, message="the term has no headword message"))
                for key in keys:
                    plan(key, record.en, record, term, "headword")
        if record.definition_en:
            if term.description:
                plan((None, term.description), record.definition_en, record, term, "definition")
            else:
                outcomes.append(Outcome(
                    line=record.line, kind="note", term=term.id, field="definition",
                    imported=record.definition_en,
                    message="the term has no Malay definition to translate; the definition "
                    "is not imported",
                ))
        _plan_categories(record, term, outcomes, plan)
    return outcomes, planned


def _swapped(record: Record, term: Term) -> bool:
    """True when ``record`` gives ``term``'s English as its Malay and its Malay as its English.

    The Malay side is matched by every name a term has, its English headword included, so an
    English-to-Malay file (a Weblate glossary with English as its source) found its terms, and
    its Malay was imported as their English: at once where the English was only a slug's
    suggestion, by ``--force`` everywhere. A name both languages write alike (``Sukuk``) is
    Malay too, so a loanword is never taken for a swap."""
    if not (record.ms and record.en):
        return False
    malay = {lookup_key(n) for n in (term.title, *term.names.aliases, *term.names.link_texts)
             if n}
    english = {lookup_key(n) for n in (term.english.title, *term.names.english_variants) if n}
    given_ms, given_en = lookup_key(record.ms), lookup_key(record.en)
    return (given_ms in english and given_ms not in malay
            and given_en in malay and given_en not in english)


def _refuse_controls(record: Record, source: str) -> None:
    # A control character (ESC, DEL, a C1 such as CSI) written into a msgstr made a catalog
    # that glossari itself then refuses (check, compile: "control character U+001B in a
    # string") or renders as Malay (C209): refuse the file before anything is written.
    from glossari.text import first_control

    values = [("translated headword", record.en),
              ("translated definition", record.definition_en),
              *(("translated category", c) for c in record.categories_en)]
    for what, value in values:
        bad = first_control(value) if value else None
        if bad is not None:
            raise ExchangeError(
                f"the {what} {quoted(value or '')} holds the control character "
                f"U+{ord(bad.group()):04X}",
                path=source, line=record.line,
                hint="remove it: a translation holds printable text only",
            )


def _refuse_unusable(record: Record, term: Term, source: str, current: dict[_Key, str],
                     fmt: ExchangeFormat) -> None:
    """Refuse the file when ``record`` gives ``term`` a translation ``render`` would not
    publish (:func:`glossari.catalog.usable.unusable_translation`: raw HTML or a link the
    Malay lacks, a category's comma): it was applied, and no reader ever got it (render, the
    API's English side, the tables and the site keep the Malay), and ``--force`` put it in
    place of a translation they did get. Checked before anything is written, as
    :func:`_refuse_controls` is. A link-only term's headword is a link text's message, which
    goes into no article, and is never refused. A value the catalog already holds
    (``current``, its translations by key) changes nothing, and is no reason to refuse: a
    glossary's own export, imported back, was refused for a translation its catalog held."""
    from glossari.catalog.usable import unusable_translation

    values: list[tuple[str, str, str | None, bool]] = []
    if record.en and record.en_status == "translated" and term.kind == "article":
        values.append(("headword", term.title or "", record.en, False))
    if term.description:
        values.append(("definition", term.description, record.definition_en, False))
    categories = record.categories or tuple(ms for ms, _ in distinct_categories(term.categories))
    if len(categories) == len(record.categories_en):
        values += [("category", ms, en, True)
                   for ms, en in zip(categories, record.categories_en, strict=True)]
    for what, malay, value, category in values:
        if not value or not malay:
            continue
        held = current.get((term.id, malay) if what == "headword" else (None, malay))
        if held is not None and same_text(held, value, fmt):
            continue
        problem = unusable_translation(malay, value, block=False, references=term.definitions,
                                       category=category)
        if problem is not None:
            raise ExchangeError(
                f"the translated {what} {quoted(excerpt(value))} of {term.id} is none render "
                f"would publish: {problem}",
                path=source, line=record.line,
                hint="write it as plain text with the Malay's links (render, the tables and "
                "the site keep the Malay for it); nothing was imported",
            )


def _plan_categories(record: Record, term: Term, outcomes: list[Outcome],
                     plan: Callable[[_Key, str, Record, Term, Field], None]) -> None:
    def note(values: tuple[str, ...], message: str) -> None:
        outcomes.append(Outcome(line=record.line, kind="note", term=term.id, field="category",
                                imported="; ".join(values), message=message))

    # the term's categories as the tables list them: a category the article writes twice
    # (Kewangan Islam, kewangan islam) is one, exported once
    listed = tuple(ms for ms, _ in distinct_categories(term.categories))
    # compared joined: a category holding the CSV separator "; " reads back as two
    # (in any order: a tool may sort them)
    if record.categories and lookup_key("".join(record.categories)) != lookup_key(
            "".join(listed)) and sorted(map(category_key, record.categories)) != sorted(
            map(category_key, listed)):
        note(record.categories, f"the categories differ from the glossary's "
             f"({'; '.join(listed) or 'none'}), which come from {term.source.path}: "
             "edit the article to change them")
    if not record.categories_en:
        return
    # the file's own Malay categories say which Malay category each target-language one
    # translates; paired with the glossary's by position instead, "Asas; Perakaunan" against
    # the article's "Perakaunan, Asas" gave Perakaunan the English of Asas (a message every
    # term of that category shares), and a category the term does not have gave its English
    # to one it has
    malay_side = record.categories or listed
    if len(record.categories_en) != len(malay_side):
        note(record.categories_en, f"{len(record.categories_en)} target-language categories "
             f"for {len(malay_side)} Malay ones; they are paired by position, so none is "
             "imported")
        return
    own: dict[str, list[str]] = {}
    for category in term.categories:
        spellings = own.setdefault(category_key(category), [])
        if category not in spellings:
            spellings.append(category)
    for malay, english in zip(malay_side, record.categories_en, strict=True):
        mine = own.get(category_key(malay))
        if mine is None:
            note((english,), f"{quoted(english)} translates the category {quoted(malay)}, "
                 f"which is not one of the term's ({'; '.join(listed) or 'none'}); it is not "
                 "imported")
            continue
        for spelling in mine:  # each spelling the article writes is a message of its own
            plan((None, spelling), english, record, term, "category")


def import_termbase(
    glossary: Glossary,
    base: Termbase,
    *,
    root: GlossaryRoot,
    lang: str,
    force: bool = False,
    dry_run: bool = False,
    language_check: bool = True,
) -> ImportReport:
    """Merge ``base`` into ``root``'s ``lang`` catalogs; ``glossary`` is ``root`` loaded for
    ``lang``. See the module documentation for the rules.

    A CSV file whose values are another language's translations is refused
    (:class:`~glossari.exchange.records.ExchangeError`) unless ``language_check`` is False: a
    file of ``lang`` can hold only words another language writes alike (``Zakat``, ``Sukuk``,
    ``Budget``), and the person who says so is the judge.

    Raises :class:`~glossari.errors.CatalogError` when a message needs ``glossary.po`` and it is
    missing (run ``glossari extract`` and ``glossari update -l LANG``) or unreadable; nothing is
    written then.
    """
    import contextlib

    from glossari.catalog.languages import check_translation_language
    from glossari.catalog.translations import catalog_lock

    check_translation_language(lang)
    written: tuple[str, ...] = ()
    # the catalog is read once, under the lock: what the plan takes as held (a value the
    # catalog holds is never refused) is what the merge changes. Read before the lock, a
    # translator's save between the two reads went unseen: raw HTML the file gave, held no
    # longer, was planned as held, and --force wrote it over the translator's fix. A dry run
    # takes no lock (it leaves no file behind), nor does a missing catalog (nothing to hold)
    missing = not _catalog_path(root, lang).is_file()
    with contextlib.nullcontext() if dry_run or missing else catalog_lock(root, lang):
        held = _read_catalog(root, lang)
        outcomes, planned = _plan(glossary, base, _translations_held(held))
        if base.format in ("csv", "csv-weblate") and planned and language_check:
            _refuse_another_languages_csv(root, lang, planned, base,
                                          _unchanged_headwords(glossary, outcomes))
        if planned:
            more, written = _merge_catalog(root, lang, held, planned, base.format, force=force,
                                           write=not dry_run, source=base.source)
            outcomes += more
    if base.ignored_columns:
        many = len(base.ignored_columns) > 1
        outcomes.append(Outcome(
            line=1, kind="note",
            message=f"the column{'s' if many else ''} "
            f"{', '.join(quoted(c) for c in base.ignored_columns)} "
            f"{'are' if many else 'is'} not read (neither glossari's nor Weblate's): "
            f"{'their' if many else 'its'} text is ignored"))
    outcomes.sort(key=lambda o: o.line)
    return ImportReport(source=base.source, format=base.format, lang=lang,
                        outcomes=tuple(outcomes), written=written, dry_run=dry_run)


def _catalog_path(root: GlossaryRoot, lang: str) -> Path:
    from glossari.catalog.translations import catalog_folder

    return catalog_folder(root, lang) / f"{GLOSSARY_DOMAIN}.po"


_Read = tuple[bytes, "PoFile"] | GlossariError
"""``lang``'s glossary catalog as :func:`_read_catalog` read it: its bytes and messages, or why it
could not be read (said when a message needs it)."""


def _read_catalog(root: GlossaryRoot, lang: str) -> _Read:
    """``lang``'s glossary catalog, read once for the whole import: its bytes and messages, or
    the error that says why there are none (missing: run extract and update; unreadable)."""
    from glossari.catalog.pofile import read_po

    path = _catalog_path(root, lang)
    shown = relative_name(path, root.path, resolve=True)
    if not path.is_file():
        from glossari.catalog.translations import misspelt_folder

        return misspelt_folder(root.path, lang) or CatalogError(
            "no such catalog", path=shown,
            hint=f"run 'glossari extract' and 'glossari update -l {lang}' first")
    try:
        return read_po(path, source=shown)
    except GlossariError as error:
        return error


def _translations_held(read: _Read) -> dict[_Key, str]:
    """The translations the catalog ``read`` holds, by message key (none when it is missing or
    unreadable: the merge says why, when a message needs it)."""
    if isinstance(read, GlossariError):
        return {}
    return {e.key: e.msgstr for e in read[1].entries
            if not e.obsolete and e.msgid_plural is None and e.has_translation}


def _unchanged_headwords(glossary: Glossary, outcomes: list[Outcome]) -> list[tuple[_Key, str]]:
    """The headword messages the file gives as the catalog already has them (``unchanged``):
    they import nothing, but say which language the file is."""
    found: list[tuple[_Key, str]] = []
    for outcome in outcomes:
        if (outcome.kind == "unchanged" and outcome.field == "headword" and outcome.imported
                and outcome.term is not None and outcome.term in glossary):
            term = glossary[outcome.term]
            found.extend((key, outcome.imported) for key in _headword_keys(glossary, term))
    return found


def _says(key: _Key, msgstr: str, value: str, fmt: ExchangeFormat, lang: str) -> bool:
    """Whether a catalog's ``msgstr`` of ``key`` gives ``value`` as a table of it does: as
    written, or for a link message (msgctxt ``/slug``, planned from a link-only term's row)
    as the term's headword is made of it (``takaful operators``, ``the takaful operator``:
    ``takaful operator``; the articles of ``lang``, the catalog's), which is what the table
    exported."""
    if same_text(msgstr, value, fmt):
        return True
    if not is_link_context(key[0]):
        return False
    from glossari.align.names import link_translation_names

    return any(same_text(name, value, fmt) for name in link_translation_names(msgstr, lang))


def _refuse_another_languages_csv(root: GlossaryRoot, lang: str,
                                  planned: dict[_Key, _Planned], base: Termbase,
                                  unchanged: list[tuple[_Key, str]]) -> None:
    """Refuse a CSV file that is another language's export, before anything is written.

    A TBX file names its languages (``xml:lang``) and one without ``lang`` is refused by its
    reader; a CSV names none (glossari's columns are ``en`` and ``definition_en`` whatever
    ``-l`` it was exported with, Weblate's ``target``), so ``table -l fr`` imported with
    ``-l ar --force``, or without ``-l`` (English by default), wrote French into the catalog.
    The evidence is the glossary's own catalogs: the file is another language X's when at
    least two of its values are X's translations (where ``lang``'s catalog does not already
    say the same) and none of the messages X translates differ from it. The rows ``lang``'s
    catalog already holds (``unchanged``) import nothing but are read too: one X translates
    otherwise says the file is not X's. A value that is its Malay source (a loanword, a name:
    ``Sukuk``, ``Bursa Malaysia``) is weak evidence, counted only alongside a value that is X's
    alone. Two languages sharing a few words (``Budget``) never agree on every message, so a
    real file of ``lang`` passes; two variants of one language (``pt`` and ``pt_BR``) may, and
    are not compared. A file of fewer than two values reads no catalog, and an X catalog that
    cannot be read (a merge conflict) is skipped.
    """
    from glossari.catalog.languages import primary_language
    from glossari.catalog.translations import catalog_languages, load_translations
    from glossari.errors import CatalogError

    plans = [(key, plan) for key, plan in planned.items() if not plan.clash]
    if len(plans) < 2:
        return  # two values at least are the evidence: no other catalog need be read
    # the values the catalog already has are evidence too (a row that agrees with -l's catalog
    # where X's says otherwise is no X export), though they import nothing
    plans += [(key, _Planned(value, 0, "", "headword")) for key, value in unchanged
              if key not in planned]
    own = load_translations(root, lang, write_cache=False,
                            domains={GLOSSARY_DOMAIN}).domain_table(GLOSSARY_DOMAIN)
    for other in catalog_languages(root.path):
        if primary_language(other) == primary_language(lang):
            continue
        try:
            theirs = load_translations(root, other, write_cache=False,
                                       domains={GLOSSARY_DOMAIN}).domain_table(GLOSSARY_DOMAIN)
        except CatalogError:
            # another language's catalog in the middle of its own work (a merge conflict): no
            # evidence, and no reason to refuse this language's import
            continue
        agree: list[_Planned] = []
        loans = 0
        for key, plan in plans:
            found, mine = theirs.get(key), own.get(key)
            if found is None:
                continue  # no evidence either way
            if not _says(key, found[0], plan.value, base.format, other):
                break  # a message X translates otherwise: not X's export
            if mine is not None and _says(key, mine[0], plan.value, base.format, lang):
                continue  # -l's catalog says the same: no evidence
            if same_text(key[1], plan.value, base.format):
                # the Malay kept as it is (a loanword: Sukuk, Zakat, Margin; a name or an
                # acronym: Bursa Malaysia, OPR), which many languages write alike: it tells no
                # language alone, only alongside a value that is X's alone
                loans += 1
                continue
            agree.append(plan)
        else:
            if agree and len(agree) + loans >= 2:
                first = min(agree, key=lambda p: p.line)
                shown = ", ".join(quoted(excerpt(p.value))
                                  for p in sorted(agree, key=lambda p: p.line)[:3])
                raise ExchangeError(
                    f"this file holds locale/{other}'s translations ({len(agree) + loans}, e.g. "
                    f"{shown}), not {lang} ones: a CSV does not name its language",
                    path=base.source, line=first.line,
                    hint=f"give -l {other} if it is the {other} export, or import the file "
                    f"exported for this language (TBX names its language); if it is {lang}'s "
                    f"all the same (words {other} writes alike), give --no-language-check",
                )


def _agreeing(entry: Entry, plan: _Planned, source: str, catalog: str) -> Entry:
    """``entry`` as the import would write it, or :class:`ExchangeError` at the file's line
    when its directives disagree with the format flag a translator gave the message
    (:func:`glossari.catalog.formats.entry_problem`): ``Account {executive}`` for a
    ``python-brace-format`` headword was written, and ``compile``, every command and ``msgfmt
    --check`` then refused the catalog. Raised before anything is written."""
    from glossari.catalog.formats import entry_problem

    found = entry_problem(entry) if entry.flags else None
    if found is None:
        return entry
    raise ExchangeError(
        f"the translated {plan.field} {quoted(excerpt(plan.value))} of {plan.term} disagrees "
        f"with its message's format flag in {catalog}: {found.message}",
        path=source, line=plan.line,
        hint=f"{found.hint[0].lower()}{found.hint[1:]}; nothing was imported")


def _merge_catalog(
    root: GlossaryRoot,
    lang: str,
    read: _Read,
    planned: dict[_Key, _Planned],
    fmt: ExchangeFormat,
    *,
    force: bool,
    write: bool,
    source: str,
) -> tuple[list[Outcome], tuple[str, ...]]:
    import hashlib

    from glossari._atomic import StagedWrites
    from glossari.catalog.pofile import encode_po
    from glossari.catalog.translations import check_unchanged, remember_catalog

    if isinstance(read, GlossariError):
        raise read
    path = _catalog_path(root, lang)
    shown = relative_name(path, root.path, resolve=True)
    data, po = read
    index = {e.key: i for i, e in enumerate(po.entries)
             if not e.obsolete and e.msgid_plural is None}
    entries = list(po.entries)
    outcomes: list[Outcome] = []
    changed = False
    for key, plan in sorted(planned.items(), key=lambda kv: kv[1].line):
        if plan.clash:
            continue
        base = Outcome(line=plan.line, kind="applied", term=plan.term, field=plan.field,
                       imported=plan.value)
        at = index.get(key)
        if at is None:
            outcomes.append(replace(base, kind="missing",
                                    message=f"{shown} has no message for it; run 'glossari "
                                    f"extract' and 'glossari update -l {lang}' first"))
            continue
        entry = entries[at]
        if entry.has_translation and same_text(entry.msgstr, plan.value, fmt):
            if not entry.fuzzy:
                outcomes.append(replace(base, kind="unchanged", catalog=entry.msgstr))
                continue
            # the file gives the catalog's fuzzy translation as confirmed (a terminologist
            # set the status to translated, or made the term preferred): that was reported
            # as "unchanged" and the fuzzy mark stayed, even with --force. Without --force it
            # is a note, not a conflict: a tool that drops statuses (translate-toolkit, so
            # Weblate) gives every term as confirmed, and its round trip is no edit
            if not force:
                outcomes.append(replace(
                    base, kind="note", catalog=entry.msgstr,
                    message=f"the catalog's translation {quoted(entry.msgstr)} is fuzzy; the file "
                    "gives it as confirmed (--force confirms it)",
                ))
                continue
            outcomes.append(replace(base, catalog=entry.msgstr,
                                    message="confirmed the fuzzy translation "
                                    f"{quoted(entry.msgstr)}"))
            entries[at] = _agreeing(entry.reviewed(entry.msgstr), plan, source, shown)
            changed = True
            continue
        if entry.has_translation and not force:
            state = "fuzzy translation" if entry.fuzzy else "translation"
            outcomes.append(replace(
                base, kind="conflict", catalog=entry.msgstr,
                message=f"kept the catalog's {state} {quoted(entry.msgstr)}; the file says "
                f"{quoted(plan.value)} (--force replaces it)",
            ))
            continue
        outcomes.append(replace(
            base, catalog=entry.msgstr or None,
            message=f"replaced {quoted(entry.msgstr)}" if entry.has_translation else "",
        ))
        entries[at] = _agreeing(entry.reviewed(plan.value), plan, source, shown)
        changed = True
    if not (changed and write):
        return outcomes, ()
    merged = replace(po, entries=tuple(entries))
    new = encode_po(merged, path=shown)
    if new == data:
        return outcomes, ()
    with StagedWrites() as staged:
        staged.stage(path, new)
        remember_catalog(root, lang, GLOSSARY_DOMAIN, hashlib.sha256(new).digest(), merged,
                         staged)
        # an editor's save since the catalog was read is not bound by the lock: as update's
        # and align's, it is told, not renamed over
        check_unchanged(path, hashlib.sha256(data).hexdigest(), source=shown,
                        command=f"import -l {lang}")
        staged.commit()
    return outcomes, (shown,)


