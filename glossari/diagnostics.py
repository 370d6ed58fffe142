"""Findings: what the reader and the checks report without stopping.

A finding is not an exception: reading goes on, and the caller decides what to do with it.

>>> f = Finding(path="seeds/x.md", line=4, severity="warning", code="G101",
...             message="heading '##Sorotan' has no space after '#'")
>>> str(f)
"seeds/x.md:4: warning: G101: heading '##Sorotan' has no space after '#'"
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["SEVERITY_RANK", "Finding", "Severity"]

Severity = Literal["error", "warning", "info"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
"""Order of severities, for ``--fail-on``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One problem found at ``path:line``, with a stable ``code`` (documented in docs/checks.md).

    ``str()`` gives the line ``glossari check`` prints:

    >>> import glossari
    >>> print(glossari.load().lookup("eksekutif akaun").findings[0])
    seeds/accountexecutive.md:34: warning: S110: empty block quote ('>' with no text)
    """

    path: str
    line: int
    """1-based line."""
    severity: Severity
    code: str
    message: str
    lang: str | None = None
    """The catalog language concerned, for catalog checks."""
    term: str | None = None
    """The term id concerned, where there is one."""

    def __str__(self) -> str:
        # one line whatever the message quotes: a translation's line break printed raw split a
        # finding in two, and the second line could pass for another finding, or for a GitHub
        # workflow command (`::error ...`) in a CI log
        line = f"{self.path}:{self.line}: {self.severity}: {self.code}: {self.message}"
        return line.replace("\r", "\\r").replace("\n", "\\n")

    def as_json(self) -> dict[str, object]:
        """The JSON shape of ``check --format json`` (``lang``, ``term`` only where they apply)."""
        out: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }
        if self.lang is not None:
            out["lang"] = self.lang
        if self.term is not None:
            out["term"] = self.term
        return out
