"""Reading TBX termbases: TBX 2008 (``<martif>``) and TBX v3 (ISO 30042:2019, TBX-Basic).

The twin of :mod:`glossari.export.tbx`, and lenient enough for other tools' files (TBX v3 in
either style: DCA, ``<descrip type="definition">``, or DCT, ``<basic:definition>``): a concept
entry is a ``termEntry`` or ``conceptEntry``; a language section a ``langSet`` or ``langSec``
(``xml:lang``); a term sits in a ``tig``, an ``ntig``/``termGrp`` or a ``termSec``. Entry-level
``<descrip type="subjectField">`` values are the categories (a ``subjectField`` inside the target
language's section is a target-language category); ``<descrip type="definition">`` in a
language section (or in its ``descripGrp``) is that language's definition, else one given with
the term taken (in its ``termSec``, ``tig`` or ``ntig``, as Pontoon's TBX v3 export writes it).

Of the terms of a language section the first *preferred* one is taken, else the first that is
not deprecated, superseded or obsolete. A term carrying glossari's own note
``glossari status: fuzzy`` or ``glossari status: suggested`` keeps that status, so a
slug-derived suggestion glossari exported is never imported as a translation.

XML is parsed with defusedxml, which refuses entity declarations (the "billion laughs" and
quadratic-blowup bombs) and external entities; the DTD named in a ``DOCTYPE`` is never fetched.
Every error names the file and line.

>>> doc = '''<?xml version="1.0" encoding="UTF-8"?>
... <martif type="TBX" xml:lang="ms"><text><body>
... <termEntry id="kos"><descrip type="subjectField">Asas</descrip>
...  <langSet xml:lang="ms"><tig><term>Kos</term></tig></langSet>
...  <langSet xml:lang="en"><descrip type="definition">A price.</descrip>
...   <tig><term>Cost</term></tig></langSet></termEntry>
... </body></text></martif>'''
>>> base = parse_tbx(doc.encode(), source="g.tbx", lang="en")
>>> base.format, [(r.line, r.id, r.ms, r.en, r.definition_en, r.categories) for r in base.records]
('tbx-2008', [(3, 'kos', 'Kos', 'Cost', 'A price.', ('Asas',))])
"""

from __future__ import annotations

import re
import xml.sax
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossari.catalog.languages import gettext_code, language_tag, primary_language
from glossari.exchange.records import EnglishStatus, ExchangeError, Record, Termbase, read_file
from glossari.text import quoted

__all__ = ["language_matches", "load_tbx", "parse_tbx"]


_ENTRY = frozenset({"termEntry", "conceptEntry"})
_LANG_SECTION = frozenset({"langSet", "langSec"})
_TERM_GROUP = frozenset({"tig", "ntig", "termSec"})
_REJECTED_STATUS = re.compile(r"deprecated|superseded|obsolete|forbidden", re.IGNORECASE)
_GLOSSARI_NOTE = re.compile(r"glossari status:\s*(fuzzy|suggested)\b")


@dataclass(slots=True)
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    parts: list[str | _Node] = field(default_factory=list)

    def text(self) -> str:
        """All character data inside, in document order (mixed content flattened).

        Walked with a stack, not by recursion: a term holding ``<hi>`` a thousand deep (which
        expat reads) raised RecursionError, an internal error for a bad file."""
        out: list[str] = []
        pending: list[str | _Node] = [self]
        while pending:
            part = pending.pop()
            if isinstance(part, str):
                out.append(part)
            else:
                pending.extend(reversed(part.parts))
        return "".join(out)

    def find_all(self, tags: frozenset[str]) -> list[_Node]:
        return [c for c in self.children if c.tag in tags]


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


class _SkippedEntity(Exception):  # a signal out of the SAX handler
    def __init__(self, name: str, line: int) -> None:
        super().__init__(name)
        self.name, self.line = name, line


class _Builder(xml.sax.handler.ContentHandler):
    """A small tree with line numbers (ElementTree has none)."""

    def __init__(self) -> None:
        super().__init__()
        self.root: _Node | None = None
        self._stack: list[_Node] = []
        self.locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:
        self.locator = locator

    def startElement(self, name: str, attrs: Any) -> None:
        # xml:lang keeps its prefix (the only attribute whose namespace matters here)
        values = {(k if k == "xml:lang" else _local(k)): v for k, v in attrs.items()}
        line = self.locator.getLineNumber() if self.locator is not None else 0
        node = _Node(_local(name), values, line)
        if self._stack:
            self._stack[-1].children.append(node)
            self._stack[-1].parts.append(node)
        else:
            self.root = node
        self._stack.append(node)

    def endElement(self, name: str) -> None:
        self._stack.pop()

    def characters(self, content: str) -> None:
        if self._stack:
            self._stack[-1].parts.append(content)

    def skippedEntity(self, name: str) -> None:
        # With a DOCTYPE naming a DTD (every TBX 2008 file), expat does not call an undeclared
        # entity an error: it skips it, and "Caf&eacute;" was read as "Caf"
        line = self.locator.getLineNumber() if self.locator is not None else 1
        raise _SkippedEntity(name, line or 1)


def _parse_xml(data: bytes, source: str) -> _Node:
    from defusedxml import DefusedXmlException
    from defusedxml.sax import make_parser

    builder = _Builder()
    parser = make_parser()
    parser.setContentHandler(builder)
    # Refuse every entity declaration (bombs, and external entities, which must be declared
    # before use). A DOCTYPE naming a DTD is allowed (every TBX 2008 file has one); the DTD is
    # never loaded: with external entities off, the standard reader skips it (defusedxml's
    # forbid_external would refuse the DOCTYPE itself).
    parser.forbid_dtd = False
    parser.forbid_entities = True
    parser.forbid_external = False
    try:
        parser.setFeature(xml.sax.handler.feature_external_ges, False)
        parser.setFeature(xml.sax.handler.feature_external_pes, False)
        import io

        source_in = xml.sax.xmlreader.InputSource(source)
        source_in.setByteStream(io.BytesIO(data))
        parser.parse(source_in)
    except xml.sax.SAXParseException as error:
        raise ExchangeError(
            f"not well-formed XML: {error.getMessage()}", path=source,
            line=error.getLineNumber() or 1,
            hint="fix the XML (an XML editor or 'xmllint --noout' shows the place)",
        ) from None
    except _SkippedEntity as error:
        raise ExchangeError(
            f"the entity '&{error.name};' is not declared in the file (its DTD is never "
            "read), so its text would be lost", path=source, line=error.line,
            hint="write the character itself, or a character reference such as &#233; or "
            "&#160;",
        ) from None
    except DefusedXmlException as error:
        line = builder.locator.getLineNumber() if builder.locator is not None else 1
        raise ExchangeError(
            f"the file declares the XML entity {quoted(getattr(error, 'name', '?'))}; entities can "
            "expand without bound (an 'XML bomb') or read other files, so none is read",
            path=source, line=line or 1,
            hint="remove the <!ENTITY> declarations; a termbase needs none",
        ) from None
    except (ValueError, LookupError) as error:
        # UnicodeError, an unknown encoding (LookupError), and expat's ValueError for a
        # multi-byte legacy encoding (Shift_JIS, GBK, Big5, EUC-KR) it cannot read, which
        # reached the user as an internal error
        raise ExchangeError(f"cannot decode the XML: {error}", path=source, line=1,
                            hint="save it as UTF-8") from None
    if builder.root is None:  # pragma: no cover - expat refuses an empty document first
        raise ExchangeError("no XML element", path=source, line=1, hint="give a TBX file")
    return builder.root


def _norm(code: str) -> str:
    # the primary subtag in one form (eng, fre and fra are en and fr), as a tool that writes
    # ISO 639-2 codes gives them, and the script, region or variant after it, as BCP 47 writes
    # them (-l sr@latin is sr-Latn: its modifier was dropped, and a Cyrillic `sr` section
    # was imported into the Latin catalog)
    # (and without the script the language is written in anyway: sr-Cyrl-RS is -l sr_RS,
    # gettext_code's one reading)
    primary, dash, rest = language_tag(gettext_code(code)).lower().partition("-")
    return primary_language(primary) + dash + rest


def language_matches(code: str, lang: str) -> bool:
    """True when a TBX ``xml:lang`` ``code`` is the language ``lang`` (``-l``).

    The same code, or the same primary language when ``lang`` names no region; an ISO 639-2
    code is its ISO 639-1 one:

    >>> [language_matches(c, l) for c, l in [("en-GB", "en"), ("EN", "en"), ("en", "pt_BR")]]
    [True, True, False]
    >>> [language_matches(c, l) for c, l in [("eng", "en"), ("fre", "fr"), ("por-BR", "pt_BR")]]
    [True, True, True]

    A gettext modifier is the script or variant BCP 47 writes (``sr@latin`` is ``sr-Latn``):

    >>> [language_matches(c, "sr@latin") for c in ("sr-Latn", "sr@latin", "sr", "sr-Cyrl")]
    [True, True, False, False]
    >>> [language_matches(c, "sr_RS") for c in ("sr-Cyrl-RS", "sr-RS", "sr-Latn-RS")]
    [True, True, False]
    """
    code, wanted = _norm(code), _norm(lang)
    return code == wanted or ("-" not in wanted and code.split("-")[0] == wanted)


def _is_malay(code: str) -> bool:
    return primary_language(code) == "ms"


@dataclass(slots=True)
class _Side:
    term: str | None = None
    status: EnglishStatus = "translated"
    preferred: bool = False
    definition: str | None = None
    categories: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()


def _is_data(node: _Node, category: str, kind: str) -> bool:
    # DCA style (TBX 2008 and TBX-Basic v3): <descrip type="definition">; DCT style (TBX v3):
    # the data category is the element itself, <basic:definition> (prefix dropped by _local)
    return (node.tag == category and node.attrs.get("type") == kind) or node.tag == kind


def _descrips(node: _Node, kind: str) -> list[_Node]:
    found = [c for c in node.children if _is_data(c, "descrip", kind)]
    for group in node.find_all(frozenset({"descripGrp"})):
        found += [c for c in group.children if _is_data(c, "descrip", kind)]
    return found


def _term_groups(section: _Node) -> list[tuple[_Node, list[_Node]]]:
    """Each term group of a language section, with the elements that may hold its data (a
    definition): an ntig holds its term in a termGrp, which is read as the group, and its
    descrips in either."""
    found: list[tuple[_Node, list[_Node]]] = []
    for group in section.find_all(_TERM_GROUP):
        inner = (next(iter(group.find_all(frozenset({"termGrp"}))), None)
                 if group.tag == "ntig" else None)
        found.append((group, [group]) if inner is None else (inner, [inner, group]))
    return found


def _read_side(sections: list[_Node]) -> _Side:
    side = _Side()
    # (rank, term, status, the definition given with that term)
    chosen: tuple[int, str, EnglishStatus, str | None] | None = None
    for section in sections:
        side.categories += tuple(d.text() for d in _descrips(section, "subjectField"))
        if side.definition is None:
            definitions = _descrips(section, "definition")
            if definitions:
                side.definition = definitions[0].text()
        for group, places in _term_groups(section):
            # an empty term holds a section's place (glossari writes one where a term has no
            # Malay headword, so that the Malay section comes first): no term
            terms = [c for c in group.children if c.tag == "term" and c.text().strip()]
            if not terms:
                continue
            # TBX's two names for a term's standing: `administrativeStatus` (`forbidden` in
            # Weblate's exports, `deprecatedTerm-admn-sts`) and `normativeAuthorization`,
            # directly in the term's group or in a `termNoteGrp` of it (TBX 2008 and v3 allow
            # both: a deprecated term's status in a termNoteGrp must not be missed)
            holders = [group, *group.find_all(frozenset({"termNoteGrp"}))]
            notes = [c.text().strip() for holder in holders for c in holder.children
                     if _is_data(c, "termNote", "administrativeStatus")
                     or _is_data(c, "termNote", "normativeAuthorization")]
            if any(_REJECTED_STATUS.search(note) for note in notes):
                side.rejected += (terms[0].text(),)
                continue
            admin = notes[0] if notes else ""
            status: EnglishStatus = "translated"
            for note in (c.text() for c in group.children if c.tag == "note"):
                match = _GLOSSARI_NOTE.search(note)
                if match:
                    status = "fuzzy" if match.group(1) == "fuzzy" else "suggested"
            rank = 0 if admin.lower().startswith("preferred") else 1
            if chosen is None or rank < chosen[0]:
                # a definition given with the term (in its termSec, tig or ntig, or their
                # descripGrp), as Pontoon's TBX v3 export writes it, was dropped unread
                given = next((d.text() for place in places
                              for d in _descrips(place, "definition")), None)
                chosen = (rank, terms[0].text(), status, given)
    if chosen is not None:
        side.term, side.status, side.preferred = chosen[1], chosen[2], chosen[0] == 0
        if side.definition is None:  # the language section's own comes first
            side.definition = chosen[3]
    return side


def _one_variant(sections: list[_Node], lang: str, source: str, entry: _Node) -> list[_Node]:
    """The target-language sections of an entry to read: those written exactly ``-l`` (``en``,
    or ``eng``) when there are any; else every one, when they are of one variant or give the
    same term and definition; else the file is refused: ``en-GB`` 'Share' and ``en-US`` 'Stock'
    for ``-l en`` was silently the first."""
    def code(section: _Node) -> str:
        return section.attrs.get("xml:lang", "")

    exact = [s for s in sections if _norm(code(s)) == _norm(lang)]
    if exact:
        return exact
    variants: dict[str, list[_Node]] = {}
    for section in sections:
        variants.setdefault(_norm(code(section)), []).append(section)
    if len(variants) < 2:
        return sections
    sides = [(code(group[0]), _read_side(group)) for group in variants.values()]
    if len({(side.term, side.definition) for _, side in sides}) == 1:
        return sections
    given = " and ".join(f"{written} {quoted(side.term or '(no term)')}"
                         for written, side in sides)
    region = gettext_code(sides[0][0])
    raise ExchangeError(
        f"the entry gives {given}, and -l {lang} names none of them, so which one the "
        f"{lang} catalog takes cannot be told", path=source, line=entry.line,
        hint=f"keep one variant in the entry (or add an xml:lang=\"{lang}\" section), or "
        f"import into a catalog of the region ('glossari update -l {region}', then "
        f"'-l {region}')",
    )


def parse_tbx(data: bytes, *, source: str, lang: str = "en") -> Termbase:
    """Read TBX bytes; ``lang`` is the target language (``-l``), Malay is the source.

    Raises :class:`~glossari.exchange.records.ExchangeError` for malformed XML, an XML bomb, a
    root that is not ``martif`` or ``tbx``, or a file with no Malay or no ``lang`` section.
    """
    root = _parse_xml(data, source)
    if root.tag.lower() == "tbx" and root.tag != "tbx":
        # TBX-Min (<TBX dialect="TBX-Min">, entry/langGroup/termGroup) is TBX: "not a TBX
        # file" told its user to give the TBX file they had given
        dialect = root.attrs.get("dialect") or "TBX-Min"
        raise ExchangeError(
            f"a {dialect} file (root <{root.tag}>), a TBX dialect import does not read",
            path=source, line=root.line,
            hint="export the termbase as TBX-Basic (<tbx> or <martif>), or as CSV",
        )
    if root.tag not in ("martif", "tbx"):
        raise ExchangeError(
            f"not a TBX file: the root element is <{root.tag}>", path=source, line=root.line,
            hint="give a TBX termbase (<martif> or <tbx>), or --from csv for a CSV file",
        )
    entries: list[_Node] = []
    stack = [root]
    while stack:  # every concept entry, wherever the body puts it, in document order
        node = stack.pop()
        for child in reversed(node.children):
            if child.tag in _ENTRY:
                entries.append(child)
            else:
                stack.append(child)
    entries.sort(key=lambda n: n.line)
    seen_malay = seen_target = False
    others: set[str] = set()
    present: set[str] = set()  # every language of the file, for a file with no Malay
    records: list[Record] = []
    for entry in entries:
        sections = entry.find_all(_LANG_SECTION)
        malay = [s for s in sections if _is_malay(s.attrs.get("xml:lang", ""))]
        target = _one_variant([s for s in sections
                               if language_matches(s.attrs.get("xml:lang", ""), lang)],
                              lang, source, entry)
        others.update(s.attrs.get("xml:lang", "?") for s in sections
                      if s not in malay and s not in target)
        present.update(s.attrs.get("xml:lang", "?") for s in sections)
        seen_malay |= bool(malay)
        seen_target |= bool(target)
        ms, en = _read_side(malay), _read_side(target)
        records.append(Record(
            line=entry.line,
            id=entry.attrs.get("id") or None,
            ms=ms.term,
            en=en.term,
            en_status=en.status,
            en_confirmed=en.preferred,
            definition_ms=ms.definition,
            definition_en=en.definition,
            categories=tuple(d.text() for d in _descrips(entry, "subjectField")),
            categories_en=en.categories,
            en_rejected=en.rejected,
        ))
    found = f" (it has {', '.join(sorted(others))})" if others else ""
    if entries and not seen_malay:
        has = f" (it has {', '.join(sorted(present))})" if present else ""
        raise ExchangeError(
            f"no Malay (ms) language section (<langSet xml:lang=\"ms\">) in any entry{has}",
            path=source, line=root.line,
            hint="glossari imports Malay termbases: export the termbase with Malay as one of "
            "its languages",
        )
    # a file with Malay alone is glossari's own export of an untranslated glossary: nothing to
    # import, not an error; Malay beside other languages only is the wrong -l (or file)
    if others and not seen_target:
        raise ExchangeError(
            f"no {quoted(lang)} language section in any entry{found}", path=source, line=root.line,
            hint="give -l with the file's target language, or export it with that language",
        )
    return Termbase(source=source, format="tbx-3" if root.tag == "tbx" else "tbx-2008",
                    records=tuple(records))


def load_tbx(path: Path, *, source: str | None = None, lang: str = "en") -> Termbase:
    """Read a TBX file (see :func:`parse_tbx`); an unreadable file is an ExchangeError."""
    data, name = read_file(path, source)
    return parse_tbx(data, source=name, lang=lang)
