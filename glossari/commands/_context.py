"""What every command gets from the command line, importable without importing ``glossari.cli``.

:class:`Context` carries the streams and the glossary folder; :func:`stderr_progress` draws a
progress bar on standard error; :func:`language_arg` is the type of ``check -l``, a translation
language (one validator: :func:`glossari.catalog.languages.check_translation_language`).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from glossari.root import GlossaryRoot, named_path, resolve_root

if TYPE_CHECKING:
    from glossari.catalog.incremental import Wrap

__all__ = ["Context", "language_arg", "machine_output", "stderr_progress"]


@dataclass(slots=True)
class Context:
    """What a command needs from the command line: the streams and the glossary folder."""

    stdout: TextIO
    stderr: TextIO
    root_arg: str | None

    def root(self) -> GlossaryRoot:
        """The glossary folder (``--root``, the current folder, or the bundled glossary)."""
        if self.root_arg is not None:
            named_path(self.root_arg, name="--root")
        return resolve_root(self.root_arg)


def machine_output(ctx: Context, fmt: str) -> None:
    """Make standard output fit for a program reading ``fmt``: JSON and SARIF are read as
    UTF-8 (RFC 8259), so in another encoding (a pipe or a file on Windows is cp1252; an
    ISO-8859-1 locale) every non-ASCII character is written as a ``\\uXXXX`` escape, which
    every ASCII-compatible encoding spells alike. ``É`` was the byte 0xC9, which ``jq`` and code
    scanning refuse. Other formats are for people, in the terminal's encoding."""
    if fmt not in ("json", "sarif"):
        return
    escape = getattr(ctx.stdout, "escape_non_ascii", None)
    if callable(escape):
        escape()


def stderr_progress(ctx: Context) -> Wrap:
    """A progress bar on standard error (drawn only when it is a terminal)."""
    from glossari.progress import progress

    def wrap(items: Iterable[Any], total: int | None, label: str) -> Iterable[Any]:
        return progress(items, total, label, ctx.stderr)

    return wrap


def language_arg(value: str) -> str:
    """The ``-l LANG`` argument type: a language code CLDR knows (``en``, ``pt_BR``,
    ``sr@latin``) that is no spelling of Malay, the articles' language, else argparse's usage
    error (exit 2)."""
    from glossari.catalog.languages import check_translation_language
    from glossari.errors import CatalogError

    try:
        return check_translation_language(value)
    except CatalogError as error:
        raise argparse.ArgumentTypeError(f"{error.message}; {error.hint}") from None
