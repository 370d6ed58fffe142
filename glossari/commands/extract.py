"""``glossari extract``: ``seeds/`` to the catalog templates ``locale/<domain>.pot``.

A template whose messages did not change keeps its bytes and its mtime (no ``POT-Creation-Date``
churn): the new template is first rendered with the existing file's date, and written only when
that differs. ``SOURCE_DATE_EPOCH`` (reproducible builds) sets the date of a changed template.
Unchanged articles and templates are recognised from ``.glossari-cache/`` without re-parsing or
re-rendering them (see :mod:`glossari.catalog.incremental`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from glossari.catalog.messages import GLOSSARY_DOMAIN
from glossari.cli import Context
from glossari.root import GlossaryRoot

__all__ = ["ExtractResult", "configure", "extract", "run"]

_DATE = re.compile(rb'"POT-Creation-Date: ([^"\\]*)\\n"')
_RECORD = "extract-v1.json"


def configure(parser: argparse.ArgumentParser) -> None:
    """``extract`` has no options of its own."""
    parser.epilog = "Writes locale/glossary.pot and locale/articles-*.pot; unchanged files stay."


@dataclass(slots=True)
class ExtractResult:
    """What :func:`extract` did: messages per domain, files written and kept."""

    articles: int = 0
    messages: dict[str, int] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def _existing_date(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    match = _DATE.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _stamp() -> str:
    from glossari.catalog.template import now_stamp

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
    from glossari.catalog import incremental as inc
    from glossari.catalog.pofile import render_po
    from glossari.catalog.template import build_template, with_creation_date
    from glossari.seeds.cache import CACHE_DIR

    root.require_writable("extract")
    articles = inc.read_article_rows(root)
    by_domain = inc.messages_by_domain(articles)
    by_domain.setdefault(GLOSSARY_DOMAIN, [])
    locale = root.locale
    locale.mkdir(parents=True, exist_ok=True)
    for stale in sorted(locale.glob("articles-*.pot")):
        by_domain.setdefault(stale.name.removesuffix(".pot"), [])
    record = inc.Record(root.path / CACHE_DIR / _RECORD,
                        code=inc.source_fingerprint("catalog/template.py", "catalog/pofile.py"))
    result = ExtractResult(articles=len(articles))
    fresh = stamp if stamp is not None else _stamp()
    for domain in sorted(by_domain):
        rows = by_domain[domain]
        path = locale / f"{domain}.pot"
        # a message seen in several articles is one entry: count distinct keys
        result.messages[domain] = len({(row[1], row[2]) for _, _, row in rows})
        digest = inc.domain_digest(rows)
        seen = record.get(domain)
        if seen.get("messages") == digest and seen.get("pot") == inc.file_digest(path):
            result.unchanged.append(path)
            continue
        pot = build_template(domain, inc.to_items(rows), creation_date=fresh)
        old_date = _existing_date(path)
        data = render_po(pot).encode("utf-8")
        if old_date is not None and old_date != fresh:
            kept = render_po(with_creation_date(pot, old_date)).encode("utf-8")
            if _same_bytes(path, kept):
                data = kept
        if atomic_write_bytes(path, data):
            result.written.append(path)
        else:
            result.unchanged.append(path)
        record.set(domain, {"messages": digest, "pot": hashlib.sha256(data).hexdigest()})
    record.save()
    return result


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
