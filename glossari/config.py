"""The glossary's configuration file: ``glossari.toml`` or ``[tool.glossari]`` of
``pyproject.toml``, at the glossary root.

Precedence, per setting: a command-line flag, then the file, then the built-in default. When both
files exist, ``glossari.toml`` is used and ``pyproject.toml`` is not read (as ruff does with
``ruff.toml``). The keys (every one optional)::

    # glossari.toml                     # pyproject.toml: the same under [tool.glossari]
    languages = ["en"]                  # the catalogs check looks at (default: all under locale/)
    min-coverage = 80                   # render's --min-coverage

    [check]                             # [tool.glossari.check]
    select = ["S", "C203", "L301"]      # codes or code prefixes to report (default: all)
    ignore = ["S107"]                   # codes or prefixes never reported
    fail-on = "warning"                 # check's --fail-on
    severity = { L301 = "error" }       # a code's severity, for this glossary

An unknown key, a value of the wrong type or an unknown code is a :class:`ConfigError` naming the
file and the line (``tomllib`` gives no line numbers: the line is found in the text).

>>> config = parse_config('[check]\\nignore = ["S107"]\\n', source="glossari.toml")
>>> config.check.ignore, config.check.select
(('S107',), None)
>>> parse_config('[check]\\nignnore = 1\\n', source="glossari.toml") # doctest: +ELLIPSIS
Traceback (most recent call last):
...
glossari.errors.ConfigError: glossari.toml:2: unknown key 'check.ignnore'; the keys are ...
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from glossari.diagnostics import SEVERITY_RANK, Severity
from glossari.errors import CatalogError, ConfigError, InputError
from glossari.text import decode_text, quoted

if TYPE_CHECKING:
    from glossari.root import GlossaryRoot

__all__ = ["CheckConfig", "Config", "default_language", "find_config", "load_config",
           "parse_config"]

CONFIG_FILE = "glossari.toml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckConfig:
    """The ``[check]`` table."""

    select: tuple[str, ...] | None = None
    """Codes or code prefixes to report; None for every code."""
    ignore: tuple[str, ...] = ()
    """Codes or code prefixes never reported (wins over ``select``)."""
    fail_on: Severity | None = None
    """The ``--fail-on`` default; None leaves the command's own."""
    severity: tuple[tuple[str, Severity], ...] = ()
    """``(code, severity)``: the severity a code is reported with in this glossary."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """A glossary's configuration; the defaults when there is no file."""

    languages: tuple[str, ...] | None = None
    """The catalog languages ``check`` looks at; None for every one under ``locale/``."""
    min_coverage: float | None = None
    """``render``'s ``--min-coverage`` default; None leaves the command's own."""
    check: CheckConfig = field(default_factory=CheckConfig)
    source: str | None = None
    """The file it was read from, None for the defaults."""


def find_config(root: Path) -> tuple[Path, str] | None:
    """The configuration file of the glossary at ``root`` and the table it lives in (``""`` for
    ``glossari.toml``, ``"tool.glossari"`` for ``pyproject.toml``), or None."""
    own = root / CONFIG_FILE
    if own.is_file():
        return own, ""
    _not_a_file(own)
    pyproject = root / PYPROJECT
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return pyproject, "tool.glossari"  # parse_config reports it with the line
        # `tool = 5` is no table of tools (`"glossari" in 5` was an internal TypeError, and
        # `tool = "glossari"` matched as a substring): no settings of glossari's there
        tool = data.get("tool")
        if isinstance(tool, dict) and "glossari" in tool:
            return pyproject, "tool.glossari"
    return None


def _not_a_file(path: Path) -> None:
    """Refuse ``glossari.toml`` when it is there but no regular file (a folder, a FIFO, a link
    to nothing): it was passed over as if absent, and every command ran with the defaults
    instead of the settings the user meant (a FIFO would have blocked the read)."""
    import os

    from glossari.root import file_kind

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if not path.is_symlink():
            return
        kind = "a symbolic link to a missing file"
    except OSError as error:
        raise ConfigError(f"cannot read the configuration: {error.strerror}",
                          path=path.name, hint="check the file and its permissions") from None
    else:
        kind = file_kind(mode)
    raise ConfigError(f"{kind}, not a settings file", path=path.name,
                      hint=f"make {path.name} a TOML file, or remove it")


def default_language(root: GlossaryRoot) -> str:
    """The translation language a command reads when no ``-l`` is given (``show``, ``table``,
    ``site``, ``import``, ``search``): the first of the configuration's ``languages``, else
    ``en``. A glossary translated into French says ``languages = ["fr"]`` once, instead of
    ``-l fr`` on every command."""
    if root.bundled:
        return "en"
    languages = load_config(root.path).languages
    return languages[0] if languages else "en"


def load_config(root: Path, *, source_name: str | None = None) -> Config:
    """The configuration of the glossary at ``root`` (the defaults when it has no file)."""
    found = find_config(root)
    if found is None:
        return Config()
    path, table = found
    name = source_name or path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read the configuration: {error}", path=name,
                          hint="check the file and its permissions") from None
    try:
        # the one rule for text files: a leading BOM (Notepad's "UTF-8") dropped; UTF-16, a NUL
        # or bytes that are not UTF-8 refused with the line and column, not the codec's
        # "position 26" (which counted bytes from the start of the file)
        text = decode_text(data, source=name)
    except InputError as error:
        raise ConfigError(error.message, path=name, line=error.line,
                          hint="save it as UTF-8 text") from None
    return parse_config(text, source=name, table=table)


_TOP_KEYS = ("languages", "min-coverage", "check")
_CHECK_KEYS = ("select", "ignore", "fail-on", "severity")


def parse_config(text: str, *, source: str, table: str = "") -> Config:
    """Parse configuration ``text``; ``table`` is the dotted table holding it (``tool.glossari``
    in ``pyproject.toml``). Raises :class:`ConfigError` with ``source`` and the line."""

    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _toml_error_line(str(error), text)
        raise ConfigError(f"invalid TOML: {str(error).split(' (at ')[0]}", path=source,
                          line=line, hint="fix the syntax") from None
    lines = _Lines(text, table)
    for part in table.split(".") if table else ():
        data = data.get(part, {})
        if not isinstance(data, dict):
            raise ConfigError(f"'{table}' is not a table", path=source,
                              line=lines.of((), None), hint=f"write it as [{table}]")
    _known(data, _TOP_KEYS, (), source, lines)
    languages = data.get("languages")
    if languages is not None:
        languages = _strings(languages, ("languages",), source, lines)
        from glossari.catalog.languages import check_translation_language  # the rule's home

        for lang in languages:
            try:
                check_translation_language(lang, path=source)
            except CatalogError as error:
                raise ConfigError(error.message, path=source,
                                  line=lines.of(("languages",), lang), hint=error.hint) from None
    min_coverage = data.get("min-coverage")
    if min_coverage is not None:
        if isinstance(min_coverage, bool) or not isinstance(min_coverage, int | float) \
                or not 0 <= min_coverage <= 100:
            raise ConfigError("min-coverage must be a number from 0 to 100", path=source,
                              line=lines.of(("min-coverage",), None), hint="write e.g. 80")
        min_coverage = float(min_coverage)
    check = data.get("check", {})
    if not isinstance(check, dict):
        raise ConfigError("'check' must be a table", path=source,
                          line=lines.of(("check",), None), hint="write it as [check]")
    _known(check, _CHECK_KEYS, ("check",), source, lines)

    def codes(key: str) -> tuple[str, ...] | None:
        if key not in check:
            return None
        values = _strings(check[key], ("check", key), source, lines)
        for value in values:
            _known_code(value, ("check", key), source, lines, prefix=True)
        if key == "select" and not values:  # reported nothing and passed, whatever was found
            raise ConfigError("'check.select' lists no code, so no finding would be reported",
                              path=source, line=lines.of(("check", key), None),
                              hint='list codes such as ["S1", "C203"], or leave select out to '
                                   "report every code")
        return values

    fail_on = check.get("fail-on")
    if fail_on is not None and fail_on not in ("error", "warning"):
        raise ConfigError(f"fail-on must be 'error' or 'warning', not {_value(fail_on)}",
                          path=source, line=lines.of(("check", "fail-on"), None),
                          hint="fix the value")
    severities: list[tuple[str, Severity]] = []
    table_of = check.get("severity", {})
    if not isinstance(table_of, dict):
        raise ConfigError("'check.severity' must be a table of CODE = \"severity\"",
                          path=source, line=lines.of(("check", "severity"), None),
                          hint='write severity = { L301 = "error" }')
    for code, severity in table_of.items():
        _known_code(code, ("check", "severity"), source, lines, prefix=False)
        if severity not in SEVERITY_RANK:
            raise ConfigError(f"unknown severity {_value(severity)} for {code}", path=source,
                              line=lines.of(("check", "severity"), code),
                              hint="use 'error', 'warning' or 'info'")
        severities.append((code, cast(Severity, severity)))
    return Config(
        # a language listed twice is one language, as `check -l en -l en` reads it: each was
        # checked and summed up once per listing ("en: ...; en: ...")
        languages=tuple(dict.fromkeys(languages)) if languages is not None else None,
        min_coverage=min_coverage,
        check=CheckConfig(select=codes("select"), ignore=codes("ignore") or (),
                          fail_on=fail_on, severity=tuple(severities)),
        source=source,
    )


def _value(value: object) -> str:
    """A TOML value as a message quotes it: a string as written (:func:`glossari.text.quoted`,
    where ``repr`` doubled a backslash), anything else in TOML's spelling (``true``, ``3``)."""
    if isinstance(value, str):
        return quoted(value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _known(data: Mapping[str, object], keys: tuple[str, ...], where: tuple[str, ...],
           source: str, lines: _Lines) -> None:
    for key in data:
        if key not in keys:
            dotted = ".".join((*where, key))
            raise ConfigError(f"unknown key '{dotted}'", path=source,
                              line=lines.of((*where, key), None),
                              hint="the keys are " + ", ".join(
                                  ".".join((*where, k)) for k in keys))


def _strings(value: object, key: tuple[str, ...], source: str, lines: _Lines) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        example = '["en", "id"]' if key[-1] == "languages" else '["S107"]'
        raise ConfigError(f"'{'.'.join(key)}' must be a list of strings", path=source,
                          line=lines.of(key, None), hint=f"write e.g. {example}")
    return tuple(value)


def _known_code(code: str, key: tuple[str, ...], source: str, lines: _Lines, *,
                prefix: bool) -> None:
    from glossari.checks.codes import unknown_code  # the rule's home

    problem = unknown_code(code, prefix=prefix)
    if problem is not None:
        what, _, meant = problem.partition("; ")
        raise ConfigError(f"{what} in '{'.'.join(key)}'", path=source,
                          line=lines.of(key, code),
                          hint=(f"{meant} " if meant else "")
                          + "the codes are listed in docs/checks.md"
                          + (" (a prefix such as 'S1' selects a group)" if prefix else ""))


def _toml_error_line(message: str, text: str) -> int:
    found = re.search(r"\(at line (\d+)", message)
    if found:
        return int(found.group(1))
    if "end of document" in message:  # an unclosed `[`: the last line is where it ends
        return max(1, len(text.rstrip("\n").split("\n")))
    return 0


class _Lines:
    """Finds the line of a key (and of a value under it) in the text of a TOML file."""

    def __init__(self, text: str, table: str) -> None:
        self.lines = text.splitlines()
        self.table = table

    def of(self, key: tuple[str, ...], value: str | None) -> int:
        full = [*(self.table.split(".") if self.table else []), *key]
        start = 0
        # the deepest [table] header that is a prefix of the key, then the key itself
        for depth in range(len(full), 0, -1):
            header = self._header(full[:depth])
            if header is not None:
                start = header
                rest = full[depth:]
                break
        else:
            rest = full
        line = start
        if rest:
            dotted = r"\s*\.\s*".join(rf"[\"']?{re.escape(part)}[\"']?" for part in rest)
            pattern = re.compile(rf"^\s*{dotted}\s*=")
            name = re.compile(rf"(^|[\s{{,]){re.escape(rest[-1])}[\"']?\s*=")
            for number in range(start, len(self.lines)):
                text = self.lines[number]
                if number > start and text.lstrip().startswith("["):
                    break
                if pattern.search(text) or name.search(text):
                    line = number + 1
                    break
        if value is not None:
            quoted = re.compile(rf"[\"']{re.escape(value)}[\"']|(^|[\s{{,]){re.escape(value)}\s*=")
            for number in range(max(line - 1, 0), len(self.lines)):
                if quoted.search(self.lines[number]):
                    return number + 1
        return line

    def _header(self, parts: list[str]) -> int | None:
        dotted = r"\s*\.\s*".join(rf"[\"']?{re.escape(part)}[\"']?" for part in parts)
        pattern = re.compile(rf"^\s*\[\s*{dotted}\s*\]")
        for number, text in enumerate(self.lines):
            if pattern.match(text):
                return number + 1
        return None
