"""Findings out: which are reported (select, ignore, severity per code) and how they are written
(text, JSON, SARIF 2.1.0, GitHub Actions annotations). ``check`` and ``termcheck`` share it.

Every writer streams: findings are written as they come, so a million of them are never one string.

>>> import io
>>> from glossari.diagnostics import Finding
>>> one = Finding(path="seeds/a b.md", line=3, severity="warning", code="S106",
...               message="no definition, yet")
>>> out = io.StringIO()
>>> write_findings([one], "github", out)
{'warning': 1}
>>> out.getvalue()
'::warning file=seeds/a b.md,line=3::S106 no definition, yet\\n'
>>> policy = FindingPolicy(ignore=("S1",))
>>> policy.apply(one) is None
True
>>> FindingPolicy(severity=(("S106", "error"),)).apply(one).severity
'error'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TextIO
from urllib.parse import quote

from glossari import __version__
from glossari.diagnostics import Finding, Severity

__all__ = ["FORMATS", "FindingPolicy", "Rule", "read_findings_json", "write_findings"]

FORMATS = ("text", "json", "sarif", "github")
"""The output formats of ``check`` and ``termcheck``."""

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass(frozen=True, slots=True)
class Rule:
    """A finding code as SARIF describes it: its default severity and one-line summary."""

    code: str
    severity: Severity
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingPolicy:
    """Which findings are reported, and with which severity.

    A code is reported when ``select`` is None or one of its entries is a prefix of the code, and
    no entry of ``ignore`` is (``ignore`` wins). ``severity`` gives a code another severity.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    @property
    def is_identity(self) -> bool:
        """True when every finding is reported unchanged."""
        return self.select is None and not self.ignore and not self.severity

    def apply(self, finding: Finding) -> Finding | None:
        """``finding`` as reported (its severity changed when asked), or None when left out."""
        code = finding.code
        if self.select is not None and not code.startswith(self.select):
            return None
        if self.ignore and code.startswith(self.ignore):
            return None
        for overridden, severity in self.severity:
            if overridden == code and severity != finding.severity:
                return replace(finding, severity=severity)
        return finding

    def filter(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The reported findings of ``findings``, in order."""
        for finding in findings:
            reported = self.apply(finding)
            if reported is not None:
                yield reported


def write_findings(
    findings: Iterable[Finding],
    fmt: str,
    stream: TextIO,
    *,
    rules: Iterable[Rule] = (),
    tool: str = "glossari",
) -> dict[str, int]:
    """Write ``findings`` to ``stream`` in ``fmt`` (one of :data:`FORMATS`); return how many of
    each severity were written. ``rules`` (every code the tool can report) go into SARIF's
    ``tool.driver.rules``."""
    counts: dict[str, int] = {}

    def counted() -> Iterator[Finding]:
        for finding in findings:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
            yield finding

    if fmt == "text":
        for finding in counted():
            stream.write(f"{finding}\n")
    elif fmt == "json":
        _write_json(counted(), stream)
    elif fmt == "sarif":
        _write_sarif(counted(), stream, tuple(rules), tool)
    elif fmt == "github":
        for finding in counted():
            stream.write(github_annotation(finding) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return counts


def _item(data: Mapping[str, object], indent: str) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return "\n".join(indent + line for line in text.splitlines())


def _write_json(findings: Iterable[Finding], stream: TextIO) -> None:
    # the shape json.dump(list, ensure_ascii=False, indent=2) gives, one finding at a time
    first = True
    stream.write("[")
    for finding in findings:
        stream.write(("\n" if first else ",\n") + _item(finding.as_json(), "  "))
        first = False
    stream.write("]\n" if first else "\n]\n")


def _write_sarif(findings: Iterable[Finding], stream: TextIO, rules: tuple[Rule, ...],
                 tool: str) -> None:
    index = {rule.code: number for number, rule in enumerate(rules)}
    driver = {
        "name": tool,
        "version": __version__,
        "rules": [
            {
                "id": rule.code,
                "shortDescription": {"text": rule.summary},
                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            }
            for rule in rules
        ],
    }
    head = {"$schema": SARIF_SCHEMA, "version": "2.1.0"}
    stream.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ",\n")
    stream.write('  "runs": [\n    {\n      "tool": {"driver": ')
    stream.write(json.dumps(driver, ensure_ascii=False) + "},\n")
    stream.write('      "columnKind": "unicodeCodePoints",\n      "results": [')
    first = True
    for finding in findings:
        result: dict[str, object] = {
            "ruleId": finding.code,
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": sarif_uri(finding.path)},
                "region": {"startLine": max(finding.line, 1)},
            }}],
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        properties = {k: v for k, v in (("lang", finding.lang), ("term", finding.term)) if v}
        if properties:
            result["properties"] = properties
        stream.write(("\n" if first else ",\n") + "        " + json.dumps(result,
                                                                       ensure_ascii=False))
        first = False
    stream.write("]\n" if first else "\n      ]\n")
    stream.write("    }\n  ]\n}\n")


def sarif_uri(path: str) -> str:
    """A finding's path as a relative URI reference (forward slashes, percent-encoded).

    >>> sarif_uri("locale\\\\en\\\\LC_MESSAGES\\\\glossary.po"), sarif_uri("seeds/kos jualan.md")
    ('locale/en/LC_MESSAGES/glossary.po', 'seeds/kos%20jualan.md')

    A URI names bytes, so a file name that is not UTF-8 (``komisen\\xe9.po``, which Python
    holds as the lone surrogate U+DCE9) is its own byte, ``%E9``: quoting the text as UTF-8
    raised UnicodeEncodeError, and ``termcheck --format sarif`` (``check`` too) stopped with
    an internal error where the text, JSON and GitHub formats named the file.

    >>> sarif_uri("po/komisen\\udce9.po"), sarif_uri("po/ação.po")
    ('po/komisen%E9.po', 'po/a%C3%A7%C3%A3o.po')
    """
    name = path.replace("\\", "/")
    try:
        data = name.encode("utf-8", "surrogateescape")  # os.fsencode on POSIX
    except UnicodeEncodeError:  # a lone surrogate no POSIX name holds (a Windows name may)
        data = name.encode("utf-8", "surrogatepass")
    return quote(data, safe="/")


def github_annotation(finding: Finding) -> str:
    """One GitHub Actions workflow command (``::error file=PATH,line=N::CODE message``), with
    the escapes GitHub's runner undoes (``%``, CR, LF everywhere; ``:`` and ``,`` in values)."""
    command = _GITHUB_COMMAND[finding.severity]
    path = _escape_property(finding.path.replace("\\", "/"))
    message = _escape_data(f"{finding.code} {finding.message}")
    return f"::{command} file={path},line={max(finding.line, 1)}::{message}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def read_findings_json(lines: Iterable[str]) -> Iterator[Finding]:
    """The findings of a ``check --format json`` output, one at a time, from its lines (each
    finding's object spans the lines from ``  {`` to ``  }``, as :func:`write_findings` and
    ``json.dump(..., indent=2)`` write it)."""
    buffer: list[str] = []
    for line in lines:
        stripped = line.rstrip("\r\n")
        if stripped == "  {":
            buffer = [stripped]
        elif buffer:
            closing = stripped in ("  }", "  },")
            buffer.append("  }" if closing else stripped)
            if closing:
                data = json.loads("\n".join(buffer))
                buffer = []
                yield Finding(path=data["path"], line=data["line"], severity=data["severity"],
                              code=data["code"], message=data["message"],
                              lang=data.get("lang"), term=data.get("term"))
