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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossari.catalog.messages import GLOSSARY_DOMAIN
from glossari.cli import Context
from glossari.root import GlossaryRoot

if TYPE_CHECKING:
    from glossari.catalog.incremental import Wrap

__all__ = ["ExtractResult", "configure", "extract", "run", "stderr_progress"]

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


def extract(root: GlossaryRoot, *, stamp: str | None = None,
            wrap: Wrap | None = None) -> ExtractResult:
    """Write ``locale/<domain>.pot`` for every domain; keep files whose content is unchanged.

    A template left over from a domain that has no messages any more is emptied (not deleted),
    so ``update`` marks its translations obsolete instead of forgetting them.
    """
    from glossari._atomic import atomic_write_bytes
    from glossari.catalog import incremental as inc
    from glossari.seeds.cache import CACHE_DIR

    root.require_writable("extract")
    wrap = wrap or inc.no_progress
    articles = inc.read_article_rows(root, wrap=wrap)
    digests = inc.domain_digests(articles)
    digests.setdefault(GLOSSARY_DOMAIN, "empty")
    locale = root.locale
    locale.mkdir(parents=True, exist_ok=True)
    for stale in sorted(locale.glob("articles-*.pot")):
        digests.setdefault(stale.name.removesuffix(".pot"), "empty")
    record = inc.Record(root.path / CACHE_DIR / _RECORD,
                        code=inc.source_fingerprint("catalog/template.py", "catalog/pofile.py"))
    result = ExtractResult(articles=len(articles))
    fresh = stamp if stamp is not None else _stamp()
    changed: list[str] = []
    for domain in sorted(digests):
        path = locale / f"{domain}.pot"
        seen = record.get(domain)
        if (seen.get("messages") == digests[domain] and seen.get("count", "").isdigit()
                and seen.get("pot") == inc.file_digest(path)):
            result.messages[domain] = int(seen["count"])
            result.unchanged.append(path)
        else:
            changed.append(domain)
    by_domain = inc.messages_by_domain(articles, set(changed))
    memo = root.path / CACHE_DIR / inc.RENDER_CACHE
    todo = [(domain, by_domain.get(domain, []), fresh, memo / f"{domain}.pickle")
            for domain in changed]
    # largest first, so the processes finish together
    todo.sort(key=lambda job: -len(job[1]))
    rendered = inc.parallel_map(_render_domain, todo,
                                min_items=2 if sum(len(j[1]) for j in todo) > 20_000 else 10**9,
                                wrap=wrap, label="templates")
    for (domain, _rows, _fresh, _memo), data in zip(todo, rendered, strict=True):
        path = locale / f"{domain}.pot"
        old_date = _existing_date(path)
        if old_date is not None and old_date != fresh:
            kept = _with_date(data, old_date)
            if _same_bytes(path, kept):
                data = kept  # only the date would change: keep the file as it is
        if atomic_write_bytes(path, data):
            result.written.append(path)
        else:
            result.unchanged.append(path)
        # a message seen in several articles is one entry: count distinct keys
        count = len({(row[1], row[2]) for _, _, row in by_domain.get(domain, [])})
        result.messages[domain] = count
        record.set(domain, {"messages": digests[domain], "count": str(count),
                            "pot": hashlib.sha256(data).hexdigest()})
    result.written.sort()
    result.unchanged.sort()
    record.save()
    return result


def _render_domain(job: tuple[str, list[Any], str, Path]) -> bytes:
    """The bytes of one template, dated ``fresh``."""
    from glossari.catalog import incremental as inc
    from glossari.catalog.template import build_template

    domain, rows, fresh, memo = job
    pot = build_template(domain, inc.to_items(rows), creation_date=fresh)
    return inc.render_template(pot, memo)


def _with_date(data: bytes, date: str) -> bytes:
    # the date is one short header line, never wrapped: swapping it is a byte substitution
    line = b'"POT-Creation-Date: ' + date.encode("ascii", "replace") + b'\\n"'
    return _DATE.sub(lambda _: line, data, count=1)


def stderr_progress(ctx: Context) -> Wrap:
    """A progress bar on standard error (drawn only when it is a terminal)."""
    from glossari.progress import progress

    def wrap(items: Iterable[Any], total: int | None, label: str) -> Iterable[Any]:
        return progress(items, total, label, ctx.stderr)

    return wrap


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Extract, and print a one-line summary on standard error."""
    result = extract(ctx.root(), wrap=stderr_progress(ctx))
    total = sum(result.messages.values())
    print(
        f"extract: {total} messages in {len(result.messages)} domains from "
        f"{result.articles} articles; {len(result.written)} written, "
        f"{len(result.unchanged)} unchanged",
        file=ctx.stderr,
    )
    return 0
