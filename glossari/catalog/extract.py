"""Extraction: ``seeds/`` to the catalog templates ``locale/<domain>.pot`` (``glossari extract``).

A template whose messages did not change keeps its bytes and its mtime (no ``POT-Creation-Date``
churn): the new template is first rendered with the existing file's date, and written only when
that differs. ``SOURCE_DATE_EPOCH`` (reproducible builds) sets the date of a changed template.
Unchanged articles and templates are recognised from the store of derived state
(``.glossari-cache/``) without re-parsing or re-rendering them (see
:mod:`glossari.catalog.incremental`); the Terms parsed on the way are stored for the glossary's
readers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from glossari.catalog.messages import GLOSSARY_DOMAIN
from glossari.root import GlossaryRoot

if TYPE_CHECKING:
    from glossari._atomic import StagedWrites
    from glossari._store import Store
    from glossari.catalog.incremental import DomainDone, ParsedDomain, Wrap

__all__ = ["ExtractResult", "extract"]

_RECORD = "extract"

Outcome = tuple[str, int, "StagedWrites | None", "dict[str, str] | None"]
"""What became of one template: domain, messages, the new file (staged) or None, record entry."""


@dataclass(slots=True)
class ExtractResult:
    """What :func:`extract` did: messages per domain, files written and kept."""

    articles: int = 0
    messages: dict[str, int] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


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
    so ``update`` marks its translations obsolete instead of forgetting them. A bad article
    raises its :class:`~glossari.errors.SeedError` (the first in file-name order) before any
    template is written.
    """
    from glossari._atomic import remove_stale_temporaries
    from glossari._store import STALE_TEMPORARY, Store
    from glossari.catalog import incremental as inc
    from glossari.catalog import workers
    from glossari.catalog.messages import article_domain
    from glossari.catalog.translations import refuse_hard_linked
    from glossari.seeds.folder import article_paths

    root.require_writable("extract")
    wrap = wrap or inc.no_progress
    paths = article_paths(root.seeds, base=root.path)
    locale = root.locale
    if locale.is_dir():
        # a killed extract's temporary templates (`.articles-a.pot.<random>.tmp`), left in
        # locale/ where git sees them: no lock covers the templates, so, as in the store, only
        # those an hour old go (a younger one may be another extract's write in progress)
        remove_stale_temporaries(locale, ".pot", older_than=STALE_TEMPORARY)
    store = Store.of(root)
    record = inc.Record(store, _RECORD)
    fresh = stamp if stamp is not None else _stamp()
    # each body domain (`articles-<letter>`) is one job: its articles, cache shard, template
    members: dict[str, list[tuple[int, Path, str]]] = {}
    for index, (path, name) in enumerate(paths):
        members.setdefault(article_domain(path.stem), []).append((index, path, name))
    stale = {p.name.removesuffix(".pot") for p in locale.glob("articles-*.pot")}
    jobs = [
        inc.DomainJob(
            domain=domain, articles=tuple(members.get(domain, ())), stale=domain in stale,
            seen=record.get(domain),
            store=store, pot=locale / f"{domain}.pot", fresh=fresh)
        for domain in sorted(members.keys() | stale)
    ]
    created = not locale.is_dir()
    staged_glossary: list[Outcome] = []

    def glossary(parsed: list[ParsedDomain]) -> Outcome:
        # made here while the domains' processes render theirs
        staged_glossary.append(_glossary(parsed, record.get(GLOSSARY_DOMAIN), locale=locale,
                                         store=store, fresh=fresh))
        return staged_glossary[-1]

    done: list[DomainDone] = []
    committed = False
    try:
        done, outcome = workers.extract_domains(jobs,
                                                parallel=len(paths) >= workers.PARALLEL_MIN,
                                                meanwhile=glossary, wrap=wrap)
        # every template is rendered and in a temporary file: now they replace the old ones
        result = ExtractResult(articles=len(paths))
        outcomes = sorted([outcome, *((d.domain, d.messages, d.staged, d.record) for d in done
                                      if d.digest is not None)],
                          key=lambda outcome: outcome[0])
        for domain, _, change, _ in outcomes:
            # a template with a second name (`ln glossary.pot ../platform/`): the rename would
            # leave that name the old messages, translated on there; refused before any is
            # replaced, as update refuses a catalog so (none with a run's change is written)
            if change is not None:
                refuse_hard_linked(locale / f"{domain}.pot", source=f"locale/{domain}.pot",
                                   command="extract")
        for domain, count, change, entry in outcomes:
            path = locale / f"{domain}.pot"
            if change is not None:
                change.commit()
                result.written.append(path)
            else:
                result.unchanged.append(path)
            result.messages[domain] = count
            if entry is not None:
                record.set(domain, entry)
            committed = committed or change is not None
    finally:
        # whatever was not committed (after an error)
        workers.discard(done)
        for _, _, change, _ in staged_glossary:
            if change is not None:
                change.discard()
        if created and not committed:
            with contextlib.suppress(OSError):
                locale.rmdir()  # a failed first run leaves no trace (rmdir: only when empty)
    result.written.sort()
    result.unchanged.sort()
    record.save()
    return result


def _glossary(parsed: list[ParsedDomain], seen: dict[str, str], *, locale: Path, store: Store,
              fresh: str) -> Outcome:
    """The ``glossary`` template from the domains' rows: its count, staged file, record entry."""
    from glossari._atomic import StagedWrites, make_folder
    from glossari.catalog import incremental as inc

    articles = sorted((article for p in parsed for article in p.glossary),
                      key=lambda article: article[0])
    path = locale / f"{GLOSSARY_DOMAIN}.pot"
    count, data, entry = inc.render_domain(
        GLOSSARY_DOMAIN, [(term_id, name, row) for term_id, name, rows, _ in articles
                          for row in rows],
        digest=inc.messages_digest(a[3] for a in articles) if articles else "empty",
        seen=seen, pot=path, store=store,
        fresh=fresh, known={key: text for p in parsed for key, text in p.rendered.items()})
    staged = None
    if data is not None:
        make_folder(locale, shown="locale", parents=True)
        staged = StagedWrites()
        staged.stage(path, data)
    return GLOSSARY_DOMAIN, count, staged, entry
