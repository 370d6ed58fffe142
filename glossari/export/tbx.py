"""The term table as a TBX termbase, in the TBX 2008 form or in TBX v3 (ISO 30042:2019).

One concept entry per term, with Malay (``ms``) and target-language sections. How the row maps:

=====================  ===================================================================
row                    TBX
=====================  ===================================================================
``id``                 ``termEntry``/``conceptEntry`` ``id`` (prefixed ``t-`` when the id is
                       not a valid XML name, e.g. it starts with a digit: :func:`xml_id`)
``categories``         one ``<descrip type="subjectField">`` each, on the entry
``links``              ``<ref type="crossReference" target="ID">`` on the entry, for linked
                       terms that are in the same file
``ms``, ``en``         ``<term>`` in the ``ms`` and target language sections
``definition_*``       ``<descrip type="definition">`` in each language section
``status``, ``kind``   ``<termNote type="administrativeStatus">``: see :data:`ADMIN_STATUS`
=====================  ===================================================================

English only *suggested* by a link's slug is no term of the target language: it is written in a
``<note>`` on the entry (a term with no Malay headword keeps it as an admitted term, beside
an empty Malay term).

A language section needs a term, so a missing target headword leaves its section out (with its
definition), and a term with neither headword is left out. A term with no Malay headword keeps
its Malay section, first, with an empty ``<term/>``: translate-toolkit (given no source
language) takes an entry's first section as the source, and read ``FINRA`` alone as a Malay
term with no translation. Control characters that XML cannot
carry are dropped; a carriage return is written ``&#13;`` so that it survives parsing.

>>> from glossari.export.rows import Row
>>> out = render_tbx([Row(id="x", ms="A & B", en="A and B", kind="article",
...                       status="translated", source="seeds/x.md:1")])
>>> "<term>A &amp; B</term>" in out and '<langSet xml:lang="en">' in out
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from glossari.catalog.languages import language_tag
from glossari.export.rows import Row, language_name
from glossari.text import strip_controls

__all__ = ["ADMIN_STATUS", "TbxVersion", "render_tbx", "target_term", "term_id_of", "xml_id"]

TbxVersion = Literal["2008", "3"]
"""``2008``: ``<martif>`` (ISO 30042:2008, read by translate-toolkit and Weblate).
``3``: ``<tbx>`` TBX-Basic, DCA style (ISO 30042:2019)."""

ADMIN_STATUS: dict[str, str] = {
    "translated": "preferredTerm-admn-sts",
    "fuzzy": "admittedTerm-admn-sts",
    "suggested": "admittedTerm-admn-sts",
}
"""Administrative status of the target-language term, by row status.

A fuzzy or slug-suggested English headword is *admitted*, not deprecated (it is not wrong, only
unconfirmed; translate-toolkit reads an all-deprecated entry as obsolete), and carries a
``<note>`` saying which. The Malay headword of an article is preferred; the link text of a
link-only term is admitted."""

_NOTES = {
    "fuzzy": "glossari status: fuzzy (translated for an older Malay text; needs review)",
    "suggested": "glossari status: suggested (derived from a link slug; not confirmed)",
}

_SUGGESTION = "glossari suggestion ({lang}): {en} (derived from a link slug; not confirmed)"
"""The entry's note carrying a slug's suggestion for a term that has a Malay headword."""

# XML 1.0 (fifth edition) names without ':' (NCName): a TBX entry id is one
_NAME_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
               "\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf"
               "\ufdf0-\ufffd\U00010000-\U000effff")
_NAME_CHAR = _NAME_START + "\\-.0-9\u00b7\u0300-\u036f\u203f\u2040"
_NCNAME = re.compile(f"[{_NAME_START}][{_NAME_CHAR}]*")
_ESCAPED = re.compile(f"[^{_NAME_CHAR}]|_")
_PREFIX = "t-"


def render_tbx(
    rows: Sequence[Row],
    *,
    lang: str = "en",
    version: TbxVersion = "2008",
    title: str | None = None,
    generator: str = "glossari",
) -> str:
    """``rows`` as a TBX document (UTF-8 text with an XML declaration, ending in a newline).

    ``lang`` is the target language code (``en``; ``pt_BR`` is written ``pt-BR``, ``sr@latin``
    ``sr-Latn``: :func:`~glossari.catalog.languages.language_tag`).
    Raises :class:`ValueError` for an unknown ``version``.
    """
    if version not in ("2008", "3"):
        raise ValueError(f"unknown TBX version {version!r}; choose '2008' or '3'")
    v3 = version == "3"
    target = language_tag(lang)
    heading = title or f"Malay\u2013{language_name(lang)} glossary"
    kept = [r for r in rows if r.ms is not None or r.en is not None]
    ids = {r.id: xml_id(r.id) for r in kept}
    by_id = {r.id: r for r in kept}

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    if v3:
        out.append(
            '<tbx type="TBX-Basic" style="dca" xml:lang="ms" xmlns="urn:iso:std:iso:30042:ed-2">'
        )
        out.append("  <tbxHeader>")
    else:
        out.append('<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">')
        out.append('<martif type="TBX" xml:lang="ms">')
        out.append("  <martifHeader>")
    out += [
        "    <fileDesc>",
        f"      <titleStmt><title>{_text(heading)}</title></titleStmt>",
        f"      <sourceDesc><p>Generated by {_text(generator)}.</p></sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>" if v3 else "  </martifHeader>",
        "  <text>",
        "    <body>",
    ]
    entry, lang_tag, term_tag = ("conceptEntry", "langSec", "termSec") if v3 else (
        "termEntry",
        "langSet",
        "tig",
    )
    for row in kept:
        out.append(f'      <{entry} id="{_attr(ids[row.id])}">')
        out += [
            f'        <descrip type="subjectField">{_text(c)}</descrip>' for c in row.categories
        ]
        for link in row.links:
            if link in by_id:
                label = by_id[link].ms or by_id[link].en or link
                out.append(
                    f'        <ref type="crossReference" target="{_attr(ids[link])}">'
                    f"{_text(label)}</ref>"
                )
        english = target_term(row)
        if english is None and row.en is not None:
            out.append(f"        <note>{_text(_SUGGESTION.format(lang=target, en=row.en))}</note>")
        sides = (
            ("ms", row.ms, row.definition_ms,
             _malay_status(row) if row.ms is not None else None, None),
            (target, english, row.definition_en, ADMIN_STATUS.get(row.status),
             _NOTES.get(row.status)),
        )
        for code, term, definition, status, note in sides:
            if term is None and code != "ms":
                continue
            out.append(f'        <{lang_tag} xml:lang="{_attr(code)}">')
            if definition is not None:
                out.append(f'          <descrip type="definition">{_text(definition)}</descrip>')
            out.append(f"          <{term_tag}>")
            # no Malay headword: an empty Malay term, so that the Malay section comes first
            # and a reader that takes the first section as the source (translate-toolkit,
            # with no source language given) does not read the English as the Malay
            out.append(f"            <term>{_text(term)}</term>" if term else "            <term/>")
            if status is not None:
                out.append(
                    f'            <termNote type="administrativeStatus">{status}</termNote>'
                )
            if note is not None:
                out.append(f"            <note>{_text(note)}</note>")
            out.append(f"          </{term_tag}>")
            if code == "ms":
                # the article's other Malay names (`aliases: jualan pendek, short selling`),
                # admitted terms after the preferred headword, which every reader takes first:
                # a terminology tool searching the termbase by them found nothing
                for alias in row.aliases:
                    out += [f"          <{term_tag}>",
                            f"            <term>{_text(alias)}</term>",
                            '            <termNote type="administrativeStatus">'
                            "admittedTerm-admn-sts</termNote>",
                            f"          </{term_tag}>"]
            out.append(f"        </{lang_tag}>")
        out.append(f"      </{entry}>")
    out += ["    </body>", "  </text>", "</tbx>" if v3 else "</martif>"]
    return "\n".join(out) + "\n"


def target_term(row: Row) -> str | None:
    """The target-language term the TBX gives ``row``: its English, except English only
    suggested by a link's slug beside a Malay headword, which goes in a note on the entry.

    translate-toolkit, and so Weblate, drops statuses and notes: a suggestion written as a term
    came back from it as a confirmed translation (``retirement`` from ``/retirement``). A term
    with no Malay headword keeps its suggestion as its only term.
    """
    if row.status == "suggested" and row.ms is not None and row.definition_en is None:
        return None
    return row.en


def _malay_status(row: Row) -> str:
    return "preferredTerm-admn-sts" if row.kind == "article" else "admittedTerm-admn-sts"


def xml_id(term_id: str) -> str:
    """The TBX entry id of a term: its id when that is an XML name (an NCName) not starting
    with ``t-``, else ``t-`` and the id with each character a name cannot hold, and ``_``,
    written ``_HEX_``. One id for one term, whatever else the file holds or in which order
    (numbered in file order, ``401k`` and ``t-401k`` swapped ids, and so translations, in a
    table sorted by English); :func:`term_id_of` reads it back.

    >>> xml_id("kos"), xml_id("401k"), xml_id("t-401k"), xml_id("a b_c")
    ('kos', 't-401k', 't-t-401k', 't-a_20_b_5f_c')
    """
    if _NCNAME.fullmatch(term_id) and not term_id.startswith(_PREFIX):
        return term_id
    return _PREFIX + _ESCAPED.sub(lambda m: f"_{ord(m.group()):x}_", term_id)


def term_id_of(entry_id: str) -> str:
    """The term id :func:`xml_id` wrote as ``entry_id``.

    >>> [term_id_of(xml_id(i)) for i in ("kos", "401k", "t-401k", "a b_c", "株式")]
    ['kos', '401k', 't-401k', 'a b_c', '株式']

    An id no :func:`xml_id` writes (another tool's, a hand-edited file's) is read as far as it
    can be: ``_110000_`` names no character and stays as written, where it raised ValueError.

    >>> term_id_of("t-a_110000_b"), term_id_of("t-a_20_b")
    ('a_110000_b', 'a b')
    """
    if not entry_id.startswith(_PREFIX):
        return entry_id

    def character(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return re.sub(r"_([0-9a-f]{1,6})_", character, entry_id[len(_PREFIX):])


def _text(value: str) -> str:
    clean = strip_controls(value)
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\r", "&#13;"
    )


def _attr(value: str) -> str:
    # Attribute-value normalisation would turn tab, newline and CR into spaces.
    return (
        _text(value)
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
    )
