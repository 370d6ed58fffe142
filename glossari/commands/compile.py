"""``glossari compile [-l LANG]``: ``locale/LANG/LC_MESSAGES/*.po`` to ``*.mo``.

Fuzzy and untranslated messages are left out (as ``msgfmt`` does), so a program using the ``.mo``
falls back to the Malay source for them. Without ``-l``, every language under ``locale/`` is
compiled. A ``.mo`` whose bytes would not change is not rewritten. Every catalog is read before
any ``.mo`` is written, so a broken catalog stops the run with nothing changed.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from glossari.catalog.translations import catalog_folder, check_language
from glossari.cli import Context
from glossari.errors import CatalogError
from glossari.root import GlossaryRoot

__all__ = ["CompileResult", "compile_catalogs", "configure", "languages", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``compile``'s options."""
    parser.add_argument("-l", "--lang", metavar="LANG",
                        help="language to compile (default: every language under locale/)")


@dataclass(slots=True)
class CompileResult:
    """What :func:`compile_catalogs` did."""

    messages: int = 0
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def languages(root: GlossaryRoot) -> list[str]:
    """The languages that have catalogs: folders ``locale/LANG/LC_MESSAGES``, sorted."""
    if not root.locale.is_dir():
        return []
    return sorted(p.parent.name for p in root.locale.glob("*/LC_MESSAGES") if p.is_dir())


def compile_catalogs(root: GlossaryRoot, lang: str | None = None) -> CompileResult:
    """Compile the catalogs of ``lang`` (or of every language) to ``.mo`` files."""
    from glossari._atomic import atomic_write_bytes
    from glossari.catalog.mofile import render_mo
    from glossari.catalog.pofile import check_domain, load_po

    root.require_writable("compile")
    if lang is not None:
        check_language(lang)
        langs = [lang]
        if not catalog_folder(root, lang).is_dir():
            raise CatalogError(f"no catalogs for {lang!r}", path=f"locale/{lang}/LC_MESSAGES",
                               hint=f"run 'glossari update -l {lang}' first")
    else:
        langs = languages(root)
    planned: list[tuple[Path, bytes]] = []
    result = CompileResult()
    for code in langs:
        for po_path in sorted(catalog_folder(root, code).glob("*.po")):
            source = f"locale/{code}/LC_MESSAGES/{po_path.name}"
            po = load_po(po_path, source=source)
            check_domain(po, po_path.stem, source=source)
            result.messages += sum(1 for e in po.entries if e.translated and not e.obsolete)
            planned.append((po_path.with_suffix(".mo"), render_mo(po.entries, po.header)))
    for mo_path, data in planned:
        (result.written if atomic_write_bytes(mo_path, data) else result.unchanged).append(mo_path)
    return result


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Compile, and print a one-line summary on standard error."""
    result = compile_catalogs(ctx.root(), args.lang)
    print(
        f"compile: {result.messages} translated messages; {len(result.written)} written, "
        f"{len(result.unchanged)} unchanged",
        file=ctx.stderr,
    )
    return 0
