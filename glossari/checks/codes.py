"""The finding codes of ``glossari check``: stable, each with one severity, documented in
docs/checks.md (a test keeps the two in step).

Scheme: ``S1xx`` the source articles, ``C2xx`` the catalogs, ``L3xx`` language identification,
``T4xx`` term consistency. A published code keeps its meaning; a retired code is never reused.

>>> finding("S106", path="seeds/x.md", line=2, message="no definition").severity
'warning'
"""

from __future__ import annotations

from dataclasses import dataclass

from glossari.diagnostics import Finding, Severity
from glossari.text import closest_name, excerpt

__all__ = ["CODES", "Code", "excerpt", "finding", "unknown_code"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Code:
    """One finding code: its fixed severity and a one-line summary."""

    code: str
    severity: Severity
    summary: str


_ALL = (
    # source articles. Reported while loading: S101, S110, S113 and S114 by the reader
    # (glossari/seeds/markdown.py), S103, S104 and S122 by link resolution (glossari/align/).
    Code(code="S101", severity="warning", summary="heading without a space after '#'"),
    Code(code="S102", severity="error", summary="article without a Malay headword"),
    Code(code="S103", severity="warning", summary="link text not trusted as a headword"),
    Code(code="S104", severity="warning", summary="one name claimed by two terms"),
    Code(code="S105", severity="warning", summary="level-1 heading differs from the headword"),
    Code(code="S106", severity="warning", summary="article without a definition"),
    Code(code="S107", severity="warning", summary="article without categories"),
    Code(code="S110", severity="warning", summary="empty block quote"),
    Code(code="S111", severity="warning", summary="empty section"),
    Code(code="S112", severity="warning",
         summary="article file not read (in a subfolder of seeds/, or not named *.md)"),
    Code(code="S113", severity="warning", summary="link syntax Markdown reads as text"),
    Code(code="S114", severity="warning",
         summary="an aliases list item holding a comma (read as several aliases)"),
    Code(code="S115", severity="warning",
         summary="link target no reader can follow (a local or relative path, no name)"),
    Code(code="S116", severity="warning",
         summary="a category holding a semicolon or a comma (one category where two were "
                 "likely meant)"),
    Code(code="S117", severity="warning",
         summary="raw HTML the site shows as text (a tag it does not keep, or an attribute)"),
    Code(code="S121", severity="info", summary="link to a term with no article"),
    Code(code="S122", severity="warning", summary="link text and target name different terms"),
    Code(code="S130", severity="error", summary="two terms whose ids differ only in case"),
    Code(code="S131", severity="warning", summary="two articles with the same Malay headword"),
    Code(code="S132", severity="warning",
         summary="two link-only terms with the same Malay name (two targets for one concept)"),
    # catalogs, per language
    Code(code="C200", severity="info", summary="catalog summary: coverage and counts"),
    Code(code="C201", severity="info", summary="term not completely translated"),
    Code(code="C202", severity="warning", summary="translation identical to the source"),
    Code(code="C203", severity="error", summary="link targets differ from the source"),
    Code(code="C204", severity="warning", summary="number of links differs from the source"),
    Code(code="C205", severity="warning", summary="numbers differ from the source"),
    Code(code="C206", severity="warning", summary="Markdown markup differs from the source"),
    Code(code="C207", severity="info", summary="catalog missing or out of date"),
    Code(code="C208", severity="error",
         summary="raw HTML or a reference definition differs from the source"),
    Code(code="C209", severity="error",
         summary="render cannot use the translation (no visible text, a control character, "
         "a line that starts a Markdown block)"),
    Code(code="C210", severity="warning",
         summary="catalog header's Language names another language than its folder"),
    # language identification
    Code(code="L301", severity="warning", summary="translation is still Malay"),
    Code(code="L302", severity="info", summary="translations too short to check the language"),
    Code(code="L303", severity="warning", summary="source text does not look Malay"),
    # terms
    Code(code="T401", severity="warning", summary="translation lacks a term's approved English"),
    Code(code="T402", severity="warning", summary="two terms share one English headword"),
    Code(code="T410", severity="warning",
         summary="termcheck: translation lacks the approved translation of a term"),
)

CODES: dict[str, Code] = {c.code: c for c in _ALL}
"""Every code ``glossari check`` can report, in order."""


def unknown_code(code: str, *, prefix: bool = True) -> str | None:
    """What is wrong with ``code`` given to select, ignore or set the severity of findings, or
    None when it is a code (or, with ``prefix``, the start of one: ``S1`` selects a group).
    The one rule of ``check --select``/``--ignore`` and of ``glossari.toml``'s lists; a code
    near a known one names it (``s101``: 'S101', ``C2O3``: 'C203'), as a misspelt option does;
    a group where a whole code is asked for is not taken for a misspelt code.

    >>> unknown_code("S1"), unknown_code("S1", prefix=False)
    (None, "unknown check code 'S1'")
    >>> unknown_code("s101"), unknown_code("C2O3")
    ("unknown check code 's101'; did you mean 'S101'?", "unknown check code 'C2O3'; did you \
mean 'C203'?")
    """
    import re

    if code in CODES or (prefix and re.fullmatch(r"[A-Z][0-9]{0,3}", code)
                         and any(known.startswith(code) for known in CODES)):
        return None
    # quoted as written, not as repr escapes it: a control character is shown escaped where the
    # message is printed (glossari.text.terminal_text), by the one rule for every message
    if not prefix and unknown_code(code) is None:  # a group, where one code is asked for
        return f"unknown check code '{code}'"
    meant = code.upper() if code.upper() != code and unknown_code(code.upper(), prefix=prefix) \
        is None else closest_name(code, CODES)
    return f"unknown check code '{code}'" + (f"; did you mean '{meant}'?" if meant else "")


def finding(
    code: str,
    *,
    path: str,
    line: int,
    message: str,
    lang: str | None = None,
    term: str | None = None,
) -> Finding:
    """A :class:`Finding` with ``code``'s fixed severity (``KeyError`` for an unknown code)."""
    return Finding(path=path, line=max(line, 1), severity=CODES[code].severity, code=code,
                   message=message, lang=lang, term=term)
