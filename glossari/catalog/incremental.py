"""Incremental extraction: each article's messages cached by the hash of its bytes.

After one article of 10,000 changes, ``glossari extract`` parses that article only, and builds
and renders only the templates whose messages changed: the others are recognised by a digest of
their messages (recorded beside the digest of the file written for them) and left alone. All of
it lives in the store of derived state (:mod:`glossari._store`, ``.glossari-cache/``) and is
rebuilt from the articles when missing or stale. The Terms parsed on the way are stored too (the
table :data:`glossari.seeds.cache.TERMS`), so that reading the glossary afterwards parses nothing.

The work is cut by body domain (``articles-<letter>``): an article's messages are in its own
body domain and in ``glossary``, so the work for one domain (:func:`parse_domain`, then
:func:`finish_domain`) reads its articles, parses the cache misses, renders and stages its
template, and gives back only the ``glossary`` rows, which the caller turns into the last
template. :mod:`glossari.catalog.workers` runs it in one process per core.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from glossari._atomic import StagedWrites, make_folder
from glossari._store import Store, Table
from glossari.catalog.messages import GLOSSARY_DOMAIN, Message, iter_messages, part_comment
from glossari.catalog.pofile import Entry, PoFile
from glossari.catalog.template import Item
from glossari.errors import SeedError
from glossari.model import Term
from glossari.seeds import cache as seeds_cache

__all__ = [
    "MESSAGE_CACHE",
    "RECORDS",
    "RENDER_CACHE",
    "DomainDone",
    "DomainJob",
    "DomainRows",
    "DomainState",
    "EntryKey",
    "GlossaryArticle",
    "ParsedDomain",
    "Record",
    "entry_key",
    "existing_date",
    "file_digest",
    "finish_domain",
    "messages_digest",
    "no_progress",
    "parse_domain",
    "render_domain",
    "render_rows",
    "render_template",
    "same_bytes",
    "to_items",
    "with_date",
]

MESSAGE_CACHE = "messages"
"""The store's table of each article's messages, in parts by body domain, so a change to one
article rewrites only a 27th of it."""
RENDER_CACHE = "rendered"
"""The store's table of the rendered text of each template entry, in parts by domain."""
RECORDS = "written"
"""The store's table of what ``extract`` and ``compile`` last wrote (see :class:`Record`)."""


Row = tuple[str, str | None, str, str, int]
"""One message of an article, compactly: ``(domain, msgctxt, msgid, part, line)``."""
EntryKey = tuple["str | None", str, tuple[str, ...], tuple[str, ...]]
"""``(msgctxt, msgid, extracted comments, references)`` of a template entry."""
DomainRows = list[tuple[str, str, Row]]
"""The messages of one domain in template order, each with its term id and source name."""


def _rows(term_messages: Iterable[Message]) -> tuple[Row, ...]:
    return tuple((m.domain, m.context, m.msgid, m.part, m.location.line) for m in term_messages)


Wrap = Callable[[Iterable[Any], "int | None", str], Iterable[Any]]
"""A progress reporter: ``wrap(iterable, total, label)`` yields the items unchanged."""


def no_progress(items: Iterable[Any], total: int | None, label: str) -> Iterable[Any]:
    """The :data:`Wrap` that reports nothing."""
    return items


Digests = tuple[tuple[str, str], ...]
"""Per domain an article has messages in: ``(domain, digest of its messages there)``."""


def _digests(term_id: str, name: str, rows: tuple[Row, ...]) -> Digests:
    by_domain: dict[str, list[Row]] = {}
    for row in rows:
        by_domain.setdefault(row[0], []).append(row)
    return tuple(
        (domain, hashlib.sha256(repr((term_id, name, part)).encode("utf-8", "surrogatepass"))
         .hexdigest())
        for domain, part in by_domain.items()
    )


def _parse_rows(article: tuple[Path, str, bytes]) -> tuple[tuple[tuple[Row, ...], Digests], Term]:
    path, name, data = article
    term = seeds_cache.parse_bytes(path, name, data)
    rows = _rows(iter_messages(term))
    return (rows, _digests(path.stem, name, rows)), term


GlossaryArticle = tuple[str, str, tuple[Row, ...], str]
"""The ``glossary`` messages of one article: ``(term id, source name, rows, their digest)``."""


class DomainJob(NamedTuple):
    """One body domain's share of ``glossari extract``: its articles and where things are."""

    domain: str
    articles: tuple[tuple[int, Path, str], ...]
    """``(index in file-name order, path, source name)`` of each article, in file-name order."""
    stale: bool
    """``locale/<domain>.pot`` exists: the domain is written (emptied) even without messages."""
    seen: dict[str, str]
    """What the extract record holds for the domain."""
    store: Store
    """The store of derived state (its messages, Terms and rendered entries)."""
    pot: Path
    fresh: str
    """``POT-Creation-Date`` of a changed template."""


class ParsedDomain(NamedTuple):
    """What reading one body domain's articles gives the caller (:func:`parse_domain`)."""

    domain: str
    error: tuple[int, Exception] | None
    """The first failing article's index (file-name order) and its error."""
    glossary: tuple[GlossaryArticle, ...]
    """The ``glossary`` messages of the domain's articles, sorted by term id."""
    rendered: dict[EntryKey, str]
    """``glossary`` entries of the articles parsed here that are surely theirs alone (see
    :func:`_render_singletons`), rendered: the ``glossary`` template takes them as they are."""


class DomainState(NamedTuple):
    """What :func:`parse_domain` keeps for :func:`finish_domain` (in the same process)."""

    store: Table
    """The domain's messages."""
    terms: Table | None
    """The domain's Terms, when they changed (None: the stored ones are current)."""
    frozen: bytes | None
    """``terms`` serialised (see :meth:`Table.serialised`)."""
    found: list[tuple[str, str, tuple[Row, ...], Digests]]
    """``(term id, source name, rows, digests)`` of every article, sorted by term id."""


class DomainDone(NamedTuple):
    """What :func:`finish_domain` did: small things only, so a worker sends back little."""

    domain: str
    digest: str | None
    """Digest of the domain's messages; None: no messages and no template, so no output."""
    messages: int
    """How many distinct messages the domain has."""
    staged: StagedWrites | None
    """The new template, in a temporary file beside it until the caller commits it (a
    :class:`StagedWrites` pickles as the names of its files); None when the file is unchanged."""
    record: dict[str, str] | None
    """The new record entry of the domain; None when the record already says it all."""


_DATE = re.compile(rb'"POT-Creation-Date: ([^"\\]*)\\n"')


def existing_date(path: Path) -> str | None:
    """The ``POT-Creation-Date`` of the template at ``path`` (None: no file or no date)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    match = _DATE.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def with_date(data: bytes, date: str) -> bytes:
    """A rendered template with its ``POT-Creation-Date`` set to ``date``."""
    # the date is one short header line, never wrapped: swapping it is a byte substitution
    line = b'"POT-Creation-Date: ' + date.encode("ascii", "replace") + b'\\n"'
    return _DATE.sub(lambda _: line, data, count=1)


def same_bytes(path: Path, data: bytes) -> bool:
    """The file at ``path`` holds exactly ``data``."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def render_domain(domain: str, rows: DomainRows, *, digest: str, seen: dict[str, str],
                  pot: Path, store: Store, fresh: str,
                  known: Mapping[EntryKey, str] | None = None,
                  ) -> tuple[int, bytes | None, dict[str, str] | None]:
    """``(count, new bytes or None, new record entry or None)`` of one template.

    Nothing is rendered when the record shows the same messages and the file written for them.
    A template whose messages did not change keeps its old ``POT-Creation-Date``.
    """
    if (seen.get("messages") == digest and seen.get("count", "").isdigit()
            and seen.get("pot") == file_digest(pot)):
        return int(seen["count"]), None, None
    data, count = render_rows(domain, rows, creation_date=fresh,
                              memo=store.open(RENDER_CACHE, part=domain), known=known)
    old_date = existing_date(pot)
    unchanged = False
    if old_date is not None and old_date != fresh:
        kept = with_date(data, old_date)
        if same_bytes(pot, kept):
            data, unchanged = kept, True  # only the date would change: keep the file as it is
    unchanged = unchanged or same_bytes(pot, data)
    entry = {"messages": digest, "count": str(count), "pot": hashlib.sha256(data).hexdigest()}
    return count, None if unchanged else data, entry


def messages_digest(digests: Iterable[str]) -> str:
    """A domain's digest from its articles' digests there, in term id order."""
    return hashlib.sha256("".join(digests).encode()).hexdigest()


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SeedError(f"cannot read the file: {error.strerror}", path=name,
                        hint="check that the file exists and is readable") from None


def parse_domain(job: DomainJob) -> tuple[DomainState | None, ParsedDomain]:
    """Read one body domain's articles and parse the cache misses; nothing is written.

    An article's messages are in its own body domain and in ``glossary``: the latter go back
    to the caller as rows, the former stay in the state for :func:`finish_domain`. The Terms
    parsed on the way go to the store's Terms table (its part for the domain's letter), which is
    brought up to date when any article was parsed, or the part is missing.
    """
    store = job.store.open(MESSAGE_CACHE, part=job.domain)
    found: list[tuple[str, str, tuple[Row, ...], Digests]] = []
    parsed: set[str] = set()
    letter = job.domain.removeprefix("articles-")
    terms_file = job.store.path(seeds_cache.TERMS, part=letter)
    terms: Table | None = None
    if job.articles and job.store.missing(seeds_cache.TERMS, part=letter):
        terms = job.store.open(seeds_cache.TERMS, part=letter)
    seen: list[tuple[int, Path, str, bytes]] = []
    for index, path, name in job.articles:
        try:
            data = _read_bytes(path, name)
            digest = hashlib.sha256(data).digest()
            value = store.get(name, digest)
            fresh = value is None
            term: Term | None = None
            if value is None:
                value, term = _parse_rows((path, name, data))
                if terms is None and terms_file is not None:
                    terms = job.store.open(seeds_cache.TERMS, part=letter)
            elif terms is not None and terms.get(name, digest) is None:
                term = seeds_cache.parse_bytes(path, name, data)
        except Exception as error:  # the caller raises the first one in file-name order
            return None, ParsedDomain(job.domain, (index, error), (), {})
        store.put(name, value, digest=digest, fresh=fresh)
        if terms is not None:
            terms.put(name, term if term is not None else terms.get(name, digest),
                      digest=digest, fresh=term is not None)
        seen.append((index, path, name, digest))
        found.append((path.stem, name, value[0], value[1]))
        if fresh:
            parsed.add(path.stem)
    if terms is None and terms_file is not None and store.changed:  # an article went away
        terms = job.store.open(seeds_cache.TERMS, part=letter)
    frozen = None
    if terms is not None:
        try:
            _complete_terms(terms, seen)
        except Exception as error:
            return None, ParsedDomain(job.domain, error.args[0], (), {})
        # held as bytes until the domain is finished: a few MB, not a domain's worth of objects
        frozen = terms.serialised()
    found.sort(key=lambda article: article[0])
    glossary = tuple(
        (term_id, name, tuple(row for row in rows if row[0] == GLOSSARY_DOMAIN), digest_of)
        for term_id, name, rows, digests in found
        for domain, digest_of in digests if domain == GLOSSARY_DOMAIN
    )
    return (DomainState(store, terms, frozen, found),
            ParsedDomain(job.domain, None, glossary, _render_singletons(glossary, parsed)))


def _complete_terms(terms: Table, seen: list[tuple[int, Path, str, bytes]]) -> None:
    """Give ``terms`` every article of ``seen`` that came before it was opened (their messages
    were cache hits), parsing those it does not hold; raises ``Exception((index, error))``."""
    for index, path, name, digest in seen:
        if terms.has(name):
            continue
        term = terms.get(name, digest)
        if term is None:
            try:
                data = _read_bytes(path, name)
                # the bytes read now are what the Term is stored under: a file edited since
                # the first read is stored as it is now
                digest = hashlib.sha256(data).digest()
                term = seeds_cache.parse_bytes(path, name, data)
            except Exception as error:
                raise Exception((index, error)) from error
        terms.put(name, term, digest=digest, fresh=True)


def finish_domain(job: DomainJob, state: DomainState) -> DomainDone:
    """Save the domain's message cache and Terms, and render and stage its template when it
    changed."""
    state.store.save()
    if state.terms is not None and state.frozen is not None:
        state.terms.save_serialised(state.frozen)
    rows: DomainRows = []
    parts: list[str] = []
    for term_id, name, article_rows, digests in state.found:
        for domain, digest_of in digests:
            if domain == job.domain:
                parts.append(digest_of)
                rows.extend((term_id, name, row) for row in article_rows if row[0] == domain)
    if parts:
        digest_all = messages_digest(parts)
    elif job.stale:
        digest_all = "empty"
    else:
        return DomainDone(job.domain, None, 0, None, None)
    count, template, entry = render_domain(job.domain, rows, digest=digest_all, seen=job.seen,
                                           pot=job.pot, store=job.store, fresh=job.fresh)
    staged = None
    if template is not None:
        make_folder(job.pot.parent, shown="locale", parents=True)
        staged = StagedWrites()
        # written and fsynced here, in parallel; renamed into place by the caller
        staged.stage(job.pot, template)
    return DomainDone(job.domain, digest_all, count, staged, entry)


def entry_key(entry: Entry) -> EntryKey:
    """What an entry's rendered text depends on, in a template (see :func:`render_template`)."""
    return (entry.msgctxt, entry.msgid, entry.extracted_comments, entry.references)


_OWN_PARTS = frozenset({"headword", "definition"})
"""The ``glossary`` parts whose message is (nearly always) one article's own."""


def _render_singletons(glossary: Sequence[GlossaryArticle],
                       parsed: Container[str]) -> dict[EntryKey, str]:
    # Only for articles parsed in this run: after a small change, the template's other entries
    # come from the render memo, and rendering them here would be wasted.
    from glossari.catalog.pofile import render_entry
    from glossari.catalog.template import template_entries

    if not any(term_id in parsed for term_id, _, _, _ in glossary):
        return {}
    seen: dict[tuple[str | None, str], int] = {}
    for _, _, rows, _ in glossary:
        for row in rows:
            key = (row[1], row[2])
            seen[key] = seen.get(key, 0) + 1
    # A message that several of these articles have is left to the glossary template: it
    # needs every article's references. Links and categories are left too: most are shared
    # with articles of other domains (measured at N=10,000: rendering link texts here wasted
    # 19,000 renders to save 7,000); a headword is one article's, a definition nearly always.
    rendered: dict[EntryKey, str] = {}
    for term_id, name, rows, _ in glossary:
        if term_id in parsed:
            for row in rows:
                if row[3] in _OWN_PARTS and seen[(row[1], row[2])] == 1:
                    entry = template_entries([(row[1], row[2], term_id, name, row[3],
                                               row[4])])[0]
                    rendered[entry_key(entry)] = "\n" + render_entry(entry)
    return rendered


def to_items(rows: DomainRows) -> Iterator[Item]:
    """The rows of one domain as the template builder's items."""
    for term_id, name, row in rows:
        yield (row[1], row[2], term_id, name, row[3], row[4])


def _load_memo(memo: Table | None) -> dict[EntryKey, str]:
    return {key: text for key, _, text in memo.items()} if memo is not None else {}


def _save_memo(memo: Table | None, fresh: dict[EntryKey, str],
               old: dict[EntryKey, str]) -> None:
    if memo is not None and fresh.keys() != old.keys():
        memo.replace(fresh)
        memo.save()


def render_rows(domain: str, rows: DomainRows, *, creation_date: str, memo: Table | None,
                known: Mapping[EntryKey, str] | None = None) -> tuple[bytes, int]:
    """The template of one domain's rows as bytes, and its number of entries.

    The same bytes as ``render_template(build_template(domain, to_items(rows), ...), ...)``,
    without making an :class:`Entry` for a message of one article whose text is in the memo
    or in ``known`` (nearly all of them after a small change; making 100,000 entries costs
    about 0.4 s).
    """
    from glossari.catalog.pofile import render_entry, render_po
    from glossari.catalog.template import header_for, template_entries

    texts = _load_memo(memo)
    known = known or {}
    groups: dict[tuple[str | None, str], list[Item]] = {}
    for term_id, name, row in rows:
        item = (row[1], row[2], term_id, name, row[3], row[4])
        group = groups.get((row[1], row[2]))
        if group is None:
            groups[(row[1], row[2])] = [item]
        else:
            group.append(item)
    fresh: dict[EntryKey, str] = {}
    parts = [render_po(PoFile(header=header_for(domain, creation_date), entries=()))]
    for group in groups.values():
        text = None
        if len(group) == 1:
            # the key template_entries gives a message of one article (a miss is made below)
            context, msgid, term, path, part, line = group[0]
            key: EntryKey = (context, msgid, (part_comment(part, term),), (f"{path}:{line}",))
            text = texts.get(key) or known.get(key)
        if text is None:
            entry = template_entries(group)[0]
            key = entry_key(entry)
            text = texts.get(key) or known.get(key) or "\n" + render_entry(entry)
        fresh[key] = text
        _join(parts, text)
    _save_memo(memo, fresh, texts)
    return "".join(parts).encode("utf-8"), len(groups)


def _join(parts: list[str], text: str) -> None:
    """Add an entry's ``text`` (``"\\n"`` and the entry, as rendered after another) to ``parts``,
    which start with the header's text, as :func:`render_po` writes an :attr:`Entry.raw`: after
    a newline of its own where the text before it ends in none; and as it writes the first
    entry of a catalog with no header, without the blank line before it (the file started with
    one). The one join of :func:`render_rows` and :func:`render_template`, whose bytes must be
    render_po's."""
    if len(parts) == 1 and not parts[0]:
        text = text.removeprefix("\n")
    elif parts[-1] and not parts[-1].endswith("\n"):
        parts.append("\n")
    parts.append(text)


def render_template(pot: PoFile, memo: Table | None,
                    known: Mapping[EntryKey, str] | None = None) -> bytes:
    """``render_po(pot)`` as bytes, reusing the text of entries rendered in an earlier run.

    Rendering (msgcat's line breaking) is most of the cost of a template; after one article
    changed, nearly every entry of its domain is the same as last time. Entries found in the
    memo are written with their old text, as :func:`render_po` writes an :attr:`Entry.raw`.
    ``known`` holds more such texts (see :func:`entry_key`), rendered elsewhere.
    """
    from glossari.catalog.pofile import render_entry, render_po

    texts = _load_memo(memo)
    fresh: dict[EntryKey, str] = {}
    known = known or {}
    # render_po of entries with `raw` text emits that text as is, adding a newline only after
    # one that does not end in a newline: the same join, without a copy of every entry
    parts = [render_po(PoFile(header=pot.header, entries=()))]
    for entry in pot.entries:
        key = (entry.msgctxt, entry.msgid, entry.extracted_comments, entry.references)
        text = texts.get(key) or known.get(key)
        if text is None:
            # what render_po writes for a new entry after one ending in a newline
            text = "\n" + render_entry(entry)
        fresh[key] = text
        _join(parts, text)
    if pot.trailer:
        parts.append(pot.trailer)
    data = "".join(parts).encode("utf-8")
    _save_memo(memo, fresh, texts)
    return data


class Record:
    """What each output file held when glossari last wrote it (digests, counts), by key: one
    table of the store (``kind``), kept whole from run to run."""

    def __init__(self, store: Store, kind: str) -> None:
        self._table = store.open(RECORDS, part=kind, keep=True)

    def get(self, key: str) -> dict[str, str]:
        """What was recorded under ``key`` (empty when nothing)."""
        value = self._table.get(key)
        return value if isinstance(value, dict) else {}

    def set(self, key: str, value: dict[str, str]) -> None:
        """Record ``value`` under ``key``."""
        if self._table.get(key) != value:
            self._table.put(key, value)

    def save(self) -> None:
        """Write the record if it changed; failing to is harmless (the next run redoes work)."""
        self._table.save()


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
