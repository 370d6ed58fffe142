"""``glossari extract``: ``seeds/`` to the catalog templates ``locale/<domain>.pot``.

A template whose messages did not change keeps its bytes and its mtime (no ``POT-Creation-Date``
churn): the new template is first rendered with the existing file's date, and written only when
that differs. ``SOURCE_DATE_EPOCH`` (reproducible builds) sets the date of a changed template.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from pathlib import Path

from glossari.catalog.messages import Message
from glossari.catalog.pofile import PoFile, render_po
from glossari.catalog.template import (
    build_template,
    now_stamp,
    template_messages,
    with_creation_date,
)
from glossari.cli import Context
from glossari.model import Term
from glossari.root import GlossaryRoot

__all__ = ["ExtractResult", "configure", "extract", "run"]

_DATE = re.compile(rb'"POT-Creation-Date: ([^"\\]*)\\n"')


def configure(parser: argparse.ArgumentParser) -> None:
    """``extract`` has no options of its own."""
    parser.epilog = "Writes locale/glossary.pot and locale/articles-*.pot; unchanged files stay."


class ExtractResult:
    """What :func:`extract` did: messages per domain, files written and kept."""

    __slots__ = ("articles", "messages", "unchanged", "written")

    def __init__(self) -> None:
        self.articles = 0
        self.messages: dict[str, int] = {}
        self.written: list[Path] = []
        self.unchanged: list[Path] = []


def read_terms(root: GlossaryRoot) -> tuple[Term, ...]:
    """The article terms of ``root``, through the per-article cache."""
    from glossari.seeds.cache import CACHE_DIR, read_seeds_cached

    cache = None if root.bundled else root.path / CACHE_DIR
    return read_seeds_cached(root.seeds, base=root.path, cache=cache)


def _existing_date(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    match = _DATE.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _stamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return now_stamp(dt.datetime.fromtimestamp(int(epoch), dt.UTC))
    return now_stamp()


def extract(root: GlossaryRoot, *, stamp: str | None = None) -> ExtractResult:
    """Write ``locale/<domain>.pot`` for every domain; keep files whose content is unchanged.

    A template left over from a domain that has no messages any more is emptied (not deleted),
    so ``update`` marks its translations obsolete instead of forgetting them.
    """
    from glossari._atomic import atomic_write_bytes

    root.require_writable("extract")
    terms = read_terms(root)
    result = ExtractResult()
    result.articles = len(terms)
    by_domain: dict[str, list[Message]] = {"glossary": []}
    for message in template_messages(terms):
        by_domain.setdefault(message.domain, []).append(message)
    locale = root.locale
    locale.mkdir(parents=True, exist_ok=True)
    for stale in sorted(locale.glob("articles-*.pot")):
        by_domain.setdefault(stale.name.removesuffix(".pot"), [])
    fresh = stamp if stamp is not None else _stamp()
    for domain in sorted(by_domain):
        path = locale / f"{domain}.pot"
        pot = build_template(domain, by_domain[domain], creation_date=fresh)
        result.messages[domain] = len(pot.entries)
        old_date = _existing_date(path)
        if old_date is not None and old_date != fresh:
            kept = _render(with_creation_date(pot, old_date))
            if _same_bytes(path, kept):
                result.unchanged.append(path)
                continue
        if atomic_write_bytes(path, _render(pot)):
            result.written.append(path)
        else:
            result.unchanged.append(path)
    return result


def _render(pot: PoFile) -> bytes:
    return render_po(pot).encode("utf-8")


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Extract, and print a one-line summary on standard error."""
    result = extract(ctx.root())
    total = sum(result.messages.values())
    print(
        f"extract: {total} messages in {len(result.messages)} domains from "
        f"{result.articles} articles; {len(result.written)} written, "
        f"{len(result.unchanged)} unchanged",
        file=ctx.stderr,
    )
    return 0
