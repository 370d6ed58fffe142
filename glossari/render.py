"""Articles rebuilt in another language from the seeds and that language's catalogs.

The rendering edits the Malay source in place, line span by line span, so everything the catalogs
do not cover (front-matter keys and their order, blank lines, list markers, quote markers, code,
thematic breaks) comes through exactly as written:

- front matter: only the value text of ``title``, ``description`` and ``keywords`` changes; the
  quoting style is kept (a plain value that would not be valid YAML plain text gets double quotes);
  ``aliases:`` (``alias:``), the Malay article's other Malay names, is left out;
- headings keep their level; one written without its space (``##Sorotan``) comes out as a proper
  heading (``## Key Takeaways``);
- paragraphs, list items and quotes get their translation after the same marker, and each
  continuation line the same indentation or ``>``;
- a translation is used only when it is current (not fuzzy) and keeps the source's link targets
  (in any order: English word order moves them): a translation that dropped, added or changed a
  link is reported and the Malay kept, so link targets never change.

Untranslated parts stay in Malay and are counted: :attr:`Rendering.coverage` is the share of the
article's parts (title, definition, categories, headings, blocks) that are translated.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, overload

from glossari._rendered import (
    LANGUAGE,
    WITHDRAWN,
    Message,
    note_withdrawal,
    read_digest,
    read_record,
    withdrawal,
)
from glossari._rendered import RENDERED as _RENDERED
from glossari.align.links import CatalogLookup
from glossari.catalog.messages import (
    GLOSSARY_DOMAIN,
    article_domain,
    is_headword_heading,
    judged_as_block,
)
from glossari.catalog.usable import unusable_translation, written
from glossari.errors import GlossariError, SeedError
from glossari.model import Block, Location, Status, Term
from glossari.root import GlossaryRoot, real_path
from glossari.seeds.frontmatter import is_fence, plain_is_text, split_front_matter
from glossari.seeds.markdown import (
    CONTAINER_PREFIX,
    definition_titles,
    first_unlike,
    link_targets,
    reads_alike,
    reference_definitions,
    with_title,
)
from glossari.seeds.rules import ALIAS_KEYS
from glossari.text import blanked, excerpt, quoted, shell_path

if TYPE_CHECKING:
    from glossari._atomic import StagedWrites

__all__ = [
    "RenderResult",
    "RenderedFolder",
    "Rendering",
    "TranslationLookup",
    "link_targets",
    "output_path",
    "reference_definitions",
    "render_article",
    "render_folder",
    "unusable_translation",
]


TranslationLookup = CatalogLookup
"""One language's catalogs (``glossari.catalog.translations.Translations`` is one)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendering:
    """One article rendered in another language."""

    term: str
    """The term id (the output file is ``<id>.md``)."""
    text: str
    """The rendered article (``\\n`` line endings; see :attr:`newline`)."""
    translated: int
    """Parts taken from the catalogs."""
    total: int
    """Parts in the article (title, definition, categories, headings, blocks)."""
    untranslated: tuple[Location, ...] = ()
    """Where the parts left in Malay are, in the source."""
    notes: tuple[str, ...] = ()
    """Translations not used, and why (``path:line: ...``)."""

    @property
    def coverage(self) -> float:
        """Translated parts as a percentage (100 for an article with no parts)."""
        return 100.0 * self.translated / self.total if self.total else 100.0


_ATX = re.compile(r"^(?P<indent> {0,3})(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?"
                  r"(?P<closing>[ \t]+#+)?[ \t]*$")
_MALFORMED = re.compile(r"^(?P<indent> {0,3})(?P<hashes>#{1,6})(?P<text>[^\s#].*)$")
_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")
_CLOSING_LIKE = re.compile(r"(^|[ \t])(#+[ \t]*)$")
_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: |\s#|:$|\s$")


_LIST_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]")


def _continuation(prefix: str) -> str:
    # a list marker becomes as many spaces; quote markers stay, so lazy lines keep their quote
    return blanked(_LIST_MARKER, prefix)


_COMMENT = re.compile(r"[ \t]+#.*$")


def _yaml_value(original: str, new: str) -> str:
    """``new`` written as a YAML scalar in the style of ``original`` (plain, '...' or "..."),
    with the comment that followed a plain value (``title: Bon  # semak``): a plain scalar
    cannot hold `` #``, so there it always starts a comment."""
    stripped = original.strip()
    comment = _COMMENT.search(stripped) if stripped[:1] not in ("'", '"', "[", "{") else None
    if comment is not None:
        return _yaml_value(stripped[:comment.start()], new) + comment.group()
    if stripped.startswith("'") and not _ESCAPE.search(new):
        return "'" + new.replace("'", "''") + "'"
    if (stripped.startswith('"') or _PLAIN_UNSAFE.search(new) or not new or _ESCAPE.search(new)
            or not plain_is_text(new)):  # plain, 'null', 'yes' or '012' would not read as text
        # JSON's escapes are YAML double-quoted escapes; line separators are escaped too, as the
        # article reader refuses them raw in the front matter
        quoted = json.dumps(new, ensure_ascii=False)
        return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return new


class _Renderer:
    def __init__(self, term: Term, text: str, catalog: TranslationLookup) -> None:
        self.term = term
        self.text = text
        self.lines = text.split("\n")
        self.catalog = catalog
        self.references = reference_definitions(text)
        self.replace: dict[int, tuple[int, list[str]]] = {}  # 0-based start -> (end, lines)
        self.translated = 0
        self.total = 0
        self.untranslated: list[Location] = []
        self.notes: list[str] = []

    def at(self, line: int) -> Location:
        return Location(path=self.term.source.path, line=line)

    def lookup(
        self, domain: str, context: str | None, msgid: str, line: int, *, block: bool = False,
        category: bool = False,
    ) -> str | None:
        """The current translation of a part, counted; None (and noted) when there is none."""
        self.total += 1
        msgstr, status = self.catalog.get(domain, context, msgid)
        if msgstr and status == "translated":
            problem = unusable_translation(msgid, msgstr, block=block,
                                           references=self.references, category=category)
            if problem is None:
                self.translated += 1
                return msgstr
            self.notes.append(f"{self.at(line)}: {problem}; kept the Malay")
        self.untranslated.append(self.at(line))
        return None

    # front matter ---------------------------------------------------------------------------

    def front_matter(self) -> None:
        term = self.term
        if term.title is not None and term.title_line:
            english = self.lookup(GLOSSARY_DOMAIN, term.id, term.title, term.title_line)
            self.scalar("title", term.title_line, english)
        if term.description and term.description_line:
            english = self.lookup(GLOSSARY_DOMAIN, None, term.description, term.description_line)
            self.scalar("description", term.description_line, english)
        if term.categories and term.categories_line:
            line = term.categories_line
            # a translation holding a comma is refused (catalog.usable, the one rule): in the
            # one comma-separated line of keywords it would read back as two categories
            found = [self.lookup(GLOSSARY_DOMAIN, None, c, line, category=True)
                     for c in term.categories]
            names = [written(english, block=False) if english else c
                     for english, c in zip(found, term.categories, strict=True)]
            self.keywords(line, names, changed=names != list(term.categories),
                          translated=sum(english is not None for english in found))
        self.drop_aliases()

    def drop_aliases(self) -> None:
        """Leave out ``aliases:`` (``alias:``): the Malay article's other Malay names
        (``Names.aliases``), which named no part of the rendered article and, kept, listed
        ``peniaga-peniaga broker`` as a name of ``Broker-dealer``. The rendered article is
        named by its headword; its links keep their targets."""
        front = split_front_matter(self.text, source=self.term.source.path)
        for key, line in front.lines:
            if key.casefold() in ALIAS_KEYS:
                span = self._value_span(key, line)
                if span is not None:  # a flow mapping ({title: Kos, aliases: x}) is kept
                    self.replace[span[0]] = (span[1], [])

    def _value_span(self, key: str, line: int) -> tuple[int, int, str] | None:
        """(first line index, end index, text before the value) of one key's value.

        ``line`` is where YAML saw the value start: the key's line, or a later one for a value
        written under its key.
        """
        # the key as YAML may write it: plain or quoted (`"title": Bon`, which extract reads)
        pattern = re.compile(rf"^(\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
                             rf"\s*:[ \t]*)(.*)$", re.IGNORECASE)
        index = line - 1
        while index > 0 and pattern.match(self.lines[index]) is None and index > line - 4:
            index -= 1
        match = pattern.match(self.lines[index])
        if match is None:
            return None
        end = index + 1
        fence = self._front_matter_end()
        while end < fence and (not self.lines[end].strip() or self.lines[end][:1] in " \t"
                               or (not match.group(2) and self.lines[end].startswith("-"))):
            end += 1
        while end > index + 1 and not self.lines[end - 1].strip():
            end -= 1
        return index, end, match.group(1)

    def _front_matter_end(self) -> int:
        for index in range(1, len(self.lines)):
            if is_fence(self.lines[index]) or self.lines[index].rstrip() == "...":
                return index
        return len(self.lines)

    def _not_placed(self, key: str, line: int, parts: int) -> None:
        # translated but nowhere to write it (a flow mapping `{title: Aset}`): counted as
        # untranslated, never reported as 100% with the Malay still in the file
        self.translated -= parts
        self.untranslated.append(self.at(line))
        self.notes.append(f"{self.at(line)}: the front matter's {quoted(key)} is written in a form "
                          "render does not edit (a flow mapping?); kept the Malay")

    def scalar(self, key: str, line: int, english: str | None) -> None:
        span = self._value_span(key, line)
        if english is None:
            return
        if span is None:
            self._not_placed(key, line, 1)
            return
        index, end, lead = span
        original = self.lines[index][len(lead):]
        if end > index + 1 or original.strip()[:1] in (">", "|"):
            value = json.dumps(written(english, block=False), ensure_ascii=False)
        else:
            value = _yaml_value(original, written(english, block=False))
        # a value written under its key leaves `title:` with no space after it, which YAML
        # needs before a value on the key's line
        self.replace[index] = (end, [lead + ("" if lead[-1:] in " \t" else " ") + value])

    def keywords(self, line: int, names: list[str], *, changed: bool,
                 translated: int = 0) -> None:
        span = self._value_span("keywords", line)
        if not changed:
            return
        if span is None:
            self._not_placed("keywords", line, translated)
            return
        index, end, lead = span
        original = self.lines[index][len(lead):].strip()
        if not original and end > index + 1:  # a block list: one "- name" line each
            item = re.match(r"^(\s*-\s+)", self.lines[index + 1])
            marker = item.group(1) if item else "  - "
            self.replace[index] = (end, [lead.rstrip()] + [
                marker + _yaml_value("", n) for n in names])
        elif original.startswith("["):
            # in a flow list a comma or bracket ends a plain item: such a name is quoted
            self.replace[index] = (end, [lead + "[" + ", ".join(
                _yaml_value('"' if _FLOW_UNSAFE.search(n) else "", n) for n in names) + "]"])
        else:
            # one comma-separated line: lookup has kept the Malay of a translation holding a
            # comma (catalog.usable refuses it), which would read back as two categories
            self.replace[index] = (end, [lead + _yaml_value(original, ", ".join(names))])

    # body -----------------------------------------------------------------------------------

    def body(self) -> None:
        term = self.term
        domain = article_domain(term.id)
        for section in term.sections:
            if section.heading:
                if is_headword_heading(section.heading, section.level, term.title):
                    # the headword's message: counted once, with the front matter's title, and
                    # refused as the title is (a `<script>` in it went into the `#` heading)
                    # (a lookup may give the heading otherwise than the title: _Untranslated)
                    get = getattr(self.catalog, "headword_heading", self.catalog.get)
                    msgstr, status = get(GLOSSARY_DOMAIN, term.id, term.title or "")
                    english = msgstr if msgstr and status == "translated" and unusable_translation(
                        term.title or "", msgstr, block=False,
                        references=self.references) is None else None
                else:
                    english = self.lookup(domain, None, section.heading, section.line)
                text = written(english, block=False) if english else section.heading
                self.heading(section.line, text, force=section.malformed,
                             lines=section.heading.count("\n") + 1, level=section.level)
            for block in section.blocks:
                if not block.translatable:
                    continue  # copied as written, like every line no message covers
                english = self.lookup(domain, None, block.text, block.line,
                                      block=judged_as_block(block))
                if block.kind == "heading":  # in a quote or an item: `> ## Nota`
                    # `>##Nota` the reader repaired (S101 at its line) comes out well formed,
                    # as a section's heading does
                    repaired = any(f.code == "S101" and f.line == block.line
                                   for f in term.findings)
                    if english is not None or repaired:
                        self.heading(block.line, written(english or block.text, block=False),
                                     force=repaired,
                                     lines=block.text.count("\n") + 1, level=block.level)
                elif english is not None:
                    self.block(block, english)
        # each reference definition's title (`[b]: /bon "Bon korporat"`), a link's tooltip
        for index, title in definition_titles(term.definitions):
            line = term.definition_lines[index] if index < len(term.definition_lines) else 0
            english = self.lookup(domain, None, title, line or term.source.line)
            if english is not None:
                self.definition_title(line, title, written(english, block=False))

    def heading(self, line: int, text: str, *, force: bool, lines: int = 1,
                level: int = 0) -> None:
        """Put ``text`` in the heading at ``line``; ``lines``: how many source lines its text
        spans (a setext heading may take several, all replaced by the one line of ``text``).
        ``force``: the reader took a paragraph for the heading its author meant (``##Sorotan``,
        a no-break space after the hashes); it comes out a proper level-``level`` heading."""
        index = line - 1
        source = self.lines[index]
        prefix_match = CONTAINER_PREFIX.match(source)
        prefix = prefix_match.group() if prefix_match is not None else ""
        rest = source[len(prefix):]
        match = _ATX.match(rest) if not force else None
        if match is None and force:
            # only a heading the reader repaired: a setext heading's text may start with `#`
            # (`#5 dalam senarai` over `===`), and is no ATX heading to rewrite
            match = _MALFORMED.match(rest)
        if match is not None or (force and level):
            # a run of `#` ending the text is an ATX heading's closing sequence to CommonMark
            # (`## Rule #` reads back as `Rule`): its first `#` is escaped, as the text meant it
            text = _CLOSING_LIKE.sub(r"\1\\\2", text)
        if force and level:
            new = f"{prefix}{'#' * level} {text}"
        elif match is not None:
            # an ATX heading's closing hashes (`## Penutup ##`) are the author's style: kept
            closing = (match.groupdict().get("closing") or "") if not force else ""
            new = f"{prefix}{match.group('indent')}{match.group('hashes')} {text}{closing}"
        else:  # a setext heading: its text lines become one, the underline below stays
            if "\n" in text:
                return  # untranslated, over several lines: the source stays as written
            new = prefix + text
            if lines > 1:
                self.replace[index] = (index + lines, [new])
                return
        if new != source:
            self.replace[index] = (index + 1, [new])

    def definition_title(self, line: int, title: str, english: str) -> None:
        """Put ``english`` in place of the title ``title`` of the reference definition that
        starts at ``line``, within its delimiters (``"..."``, ``'...'`` or ``(...)``), escaped
        as they need; a title render cannot find there (over two lines) keeps the Malay."""
        for index in range(max(line - 1, 0), min(line + 3, len(self.lines))):
            new = with_title(self.lines[index], title, english)
            if new is not None and index not in self.replace:
                self.replace[index] = (index + 1, [new])
                return
        self.translated -= 1
        self.untranslated.append(self.at(line))
        self.notes.append(f"{self.at(line)}: the title '{title}' of a reference definition is "
                          "written over several lines, which render does not edit; kept the "
                          "Malay")

    def block(self, block: Block, english: str) -> None:
        index = block.line - 1
        count = block.text.count("\n") + 1
        first = self.lines[index]
        found = first.find(block.text.split("\n", 1)[0])
        prefix = first[:found] if found >= 0 else CONTAINER_PREFIX.match(first).group()  # type: ignore[union-attr]
        rest = _continuation(prefix)
        new = [prefix + line if i == 0 else (rest + line if line else rest.rstrip())
               for i, line in enumerate(english.split("\n"))]
        self.replace[index] = (index + count, new)

    def result(self) -> str:
        out: list[str] = []
        index = 0
        while index < len(self.lines):
            span = self.replace.get(index)
            if span is None:
                out.append(self.lines[index])
                index += 1
            else:
                out.extend(span[1])
                index = span[0]
        return "\n".join(out)


def render_article(term: Term, text: str, catalog: TranslationLookup) -> Rendering:
    """Render one article: ``text`` is its decoded source (as read for ``term``).

    >>> from glossari.seeds.article import parse_article
    >>> class Catalog:
    ...     def get(self, domain, context, msgid):
    ...         english = {"Kos": "Cost", "Sorotan": "Key Takeaways"}.get(msgid)
    ...         return (english, "translated") if english else (None, "untranslated")
    >>> source = "---\\ntitle: Kos\\n---\\n# Kos\\n\\n##Sorotan\\n\\n- Satu [dua](/x).\\n"
    >>> r = render_article(parse_article(source, term_id="kos", source="kos.md"), source,
    ...                    Catalog())
    >>> print(r.text)
    ---
    title: Cost
    ---
    # Cost
    <BLANKLINE>
    ## Key Takeaways
    <BLANKLINE>
    - Satu [dua](/x).
    <BLANKLINE>
    >>> r.translated, r.total, [str(u) for u in r.untranslated]
    (2, 3, ['kos.md:8'])
    """
    renderer = _Renderer(term, text, catalog)
    renderer.front_matter()
    renderer.body()
    return Rendering(
        term=term.id, text=renderer.result(), translated=renderer.translated,
        total=renderer.total, untranslated=tuple(renderer.untranslated),
        notes=tuple(renderer.notes),
    )



@dataclass(frozen=True, slots=True, kw_only=True)
class RenderResult:
    """One article of :func:`render_folder`."""

    source: str
    """The seed, as named in messages (``seeds/<id>.md``)."""
    rendering: Rendering
    """The rendering (written or not)."""
    path: Path | None
    """The output file, or None when under the coverage threshold (not written)."""
    written: bool = False
    """True when the file's bytes changed."""


def output_path(output: Path, term_id: str) -> Path:
    """``output/<id>.md``, refusing any id that would lead outside ``output``.

    >>> output_path(Path("build/en"), "kos").as_posix()
    'build/en/kos.md'
    >>> output_path(Path("build/en"), "../kos")
    Traceback (most recent call last):
    ...
    glossari.errors.SeedError: ../kos: the term id would write outside build/en; \
rename the article (ids are plain file names)
    """
    name = f"{term_id}.md"
    path = output / name
    if Path(name).name != name or name.startswith("."):
        raise SeedError("the term id would write outside " + output.as_posix(), path=term_id,
                        hint="rename the article (ids are plain file names)")
    if not real_path(path).is_relative_to(real_path(output)):
        # the id is fine: a symbolic link already in the output folder leads elsewhere
        raise GlossariError(f"a symbolic link leading outside {output.as_posix()}",
                            path=path.as_posix(),
                            hint="remove the link, or render into another folder")
    return path


RENDERED = _RENDERED
"""The record ``render`` keeps in its output folder (:mod:`glossari._rendered`)."""


@dataclass(frozen=True, slots=True)
class RenderedFolder(Sequence["RenderResult"]):
    """What :func:`render_folder` did: a sequence of :attr:`results` (a
    :class:`~collections.abc.Sequence`: iterate, index, slice, ``len``, ``in``), with what it
    removed and left."""

    results: tuple[RenderResult, ...]
    """One per article, in the order of the seeds."""
    removed: tuple[Path, ...] = ()
    """Renderings of articles no longer in ``seeds/`` (renamed or deleted) that were as
    ``render`` wrote them: removed, so the folder holds no article with outdated links."""
    left: tuple[Path, ...] = ()
    """Renderings of articles no longer in ``seeds/`` that were edited since ``render`` wrote
    them (a translator's work): left in place, for ``align`` or a person to deal with."""
    previous: str | None = None
    """The language the folder's renderings were in before this run, when ``overwrite`` made
    it this run's language's (``render -l id --overwrite`` into the ``en`` folder); else None."""
    replaced: tuple[Path, ...] = ()
    """Renderings of articles this run did not write (under ``min_coverage``) that were as
    ``render`` wrote them: removed, so that the folder holds no outdated rendering and
    ``align`` never takes one back (nor, in :attr:`previous`, another language's for this
    one's)."""
    kept: tuple[Path, ...] = ()
    """The same, edited since ``render`` wrote them (a translator's work): left in place, for
    a person to move or delete."""

    # a sequence of the results, as render_folder returned before it said what it removed
    def __iter__(self) -> Iterator[RenderResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @overload
    def __getitem__(self, index: int) -> RenderResult: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[RenderResult, ...]: ...

    def __getitem__(self, index: int | slice) -> RenderResult | tuple[RenderResult, ...]:
        return self.results[index]


_OUTPUT_HINT = "give -o a folder (new, or one render wrote)"


def render_folder(
    root: GlossaryRoot, lang: str, output: Path, *, min_coverage: float = 80.0,
    overwrite: bool = False,
) -> RenderedFolder:
    """Render every article of ``root`` in ``lang`` into ``output`` (created when needed).

    An article under ``min_coverage`` percent is not written, and an older rendering of it goes
    as a stale one does (removed as written, left when edited since). A rendering of an
    article no longer in ``seeds/`` (renamed, deleted) is removed
    when it is as ``render`` wrote it, and left when it was edited since
    (:class:`RenderedFolder`). The source's line endings (LF or CRLF) and byte-order mark are
    kept. The record names the language rendered: a folder holding another language's
    renderings is refused (:class:`GlossariError`) unless ``overwrite``, which makes it
    ``lang``'s (that language's renderings this run does not replace go as stale ones do). A
    file in
    ``output`` that this function did not write, or that was edited since (a translator's work,
    not yet taken into the catalogs by ``glossari align``), is never replaced: a
    :class:`GlossariError` names the first one and nothing is written, unless ``overwrite``
    (:data:`RENDERED` keeps what was written). Raises :class:`RootError` when ``output`` is
    inside ``seeds/``, ``locale/`` or the read-only bundled glossary, and
    :class:`CatalogError` when ``lang`` has no catalogs but others do.
    """
    from glossari._atomic import require_output_folder
    from glossari.catalog.translations import load_translations, require_catalogs

    root.require_output(output, "render")
    # before any work: a file where the folder goes is no folder to render into
    require_output_folder(output, what="the output folder", hint=_OUTPUT_HINT)
    require_catalogs(root, lang)
    catalog = load_translations(root, lang)
    with render_lock(output) as made:
        return _render_locked(root, lang, output, catalog, min_coverage=min_coverage,
                              overwrite=overwrite, made=made)


@contextlib.contextmanager
def render_lock(output: Path, *, timeout: float = 10.0) -> Iterator[bool]:
    """The lock a ``render`` holds on its output folder from reading its record to renaming
    its files (:func:`glossari._atomic.locked_folder`: on the folder itself, no file in it).

    Two renders into one folder at once, from two glossaries or in two languages, each read
    the record, added their own renderings and renamed it: the second rename dropped the
    first's renderings from the record (its next run refused them as a translator's), and a
    folder whose record names one language came to hold another's renderings. They now take
    turns, each finding the folder as the other left it; one that waits more than ``timeout``
    seconds gives up with one line. A folder made for the lock is removed again when the run
    wrote nothing into it (every article under ``--min-coverage``), as it was never made;
    whether it was made is what the lock gives.
    """
    from glossari._atomic import locked_folder, make_output_folder

    made = not output.is_dir()
    make_output_folder(output, what="the output folder", hint=_OUTPUT_HINT)
    try:
        with locked_folder(output, timeout=timeout,
                           busy="another 'glossari render' is writing into this folder"):
            yield made
    finally:
        if made:
            with contextlib.suppress(OSError):
                output.rmdir()  # only when empty: nothing was written


def _render_locked(root: GlossaryRoot, lang: str, output: Path, catalog: TranslationLookup, *,
                   min_coverage: float, overwrite: bool, made: bool) -> RenderedFolder:
    """:func:`render_folder`'s work, under :func:`render_lock`."""
    from glossari._atomic import StagedWrites, remove_stale_temporaries
    from glossari._store import STALE_TEMPORARY
    from glossari.seeds.folder import read_seeds

    if output.is_dir():
        # a killed render's temporary renderings (`.kos.md.<random>.tmp`), left beside the
        # translator's files for good: as in the store, only those an hour old go (a younger
        # one may be the write in progress of a render that took no lock: an older glossari's,
        # or one in a folder it could not lock)
        for suffix in (".md", _RENDERED):
            remove_stale_temporaries(output, suffix, older_than=STALE_TEMPORARY)
    record = read_record(output)
    held = record.get(LANGUAGE)
    if (held is not None and held != lang and not overwrite
            and any(name.endswith(".md") for name in record)):
        # render -l id over render -l en replaced every English rendering as its own, and
        # `align -l en` then took the Indonesian for English translations
        raise GlossariError(
            f"this folder holds the {held} rendering ('glossari render -l {held}' wrote it), "
            f"not {lang}", path=output.as_posix(),
            hint=f"render {lang} into a folder of its own (-o build/{lang}), or pass "
                 f"--overwrite to make this folder {lang}'s")
    recorded = dict(record)
    record[LANGUAGE] = lang
    if made:
        recorded[LANGUAGE] = lang  # no folder to record it in yet: written with a first file
    results: list[RenderResult] = []
    names: set[str] = set()
    # a rendering this run does not replace (its article under min_coverage) goes as a stale
    # one does: in `held` (the folder made lang's, --overwrite) it is no lang rendering, which
    # `align -l lang` would take for one; in lang it holds the English of a Malay text that has
    # changed since (why the article fell under min_coverage), which a published folder showed
    # and `align` took back as current
    previous = held if held is not None and held != lang else None
    others: set[str] = set()
    # all or nothing: every article staged first (a full disk, or a planted link found at the
    # last article, stops the run with no file replaced), then all renamed
    claimed: dict[Path, str | None] = {}  # each rendering staged: its digest as read then
    # an article under min_coverage: the digest of what render writes of it now, the bytes an
    # older rendering a translator set back to that (the Malay pasted back) holds: no
    # translator's work is in it, and it goes as render's own does
    under: dict[str, str] = {}
    with StagedWrites() as staged:
        for term in read_seeds(root.seeds, base=root.path):
            name = output_path(output, term.id).name
            result = _render_one(root, term, catalog, output, min_coverage, staged,
                                 record=record, lang=lang, overwrite=overwrite, claimed=claimed,
                                 under=under)
            results.append(result)
            (others if result.path is None else names).add(name)
        # a translator's editor is bound by no lock of glossari's: a rendering saved since this
        # run read it is named, not renamed over (nothing is written)
        _require_unchanged(claimed, record, lang=lang)
        removed, left = _stale(record, output, names | others)
        replaced, kept = (_stale(record, output, names, only=others, now=under)
                          if others else ([], []))
        if record != recorded or any(r.path is not None for r in results):
            staged.stage_changed(output / RENDERED, json.dumps(
                dict(sorted(record.items())), indent=1).encode() + b"\n")
        # before the commit: a stale file is render's own bytes of an article that is gone, so
        # removing it loses nothing even if the commit then fails, while a run stopped between
        # a commit and the removal would leave a file the record no longer knows
        for path in (*removed, *replaced):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        staged.commit()
    return RenderedFolder(tuple(results), removed=tuple(removed), left=tuple(left),
                          previous=previous, replaced=tuple(replaced), kept=tuple(kept))


def _stale(record: dict[str, str], output: Path, names: set[str],
           only: set[str] | None = None,
           now: Mapping[str, str] | None = None) -> tuple[list[Path], list[Path]]:
    """The renderings ``record`` lists for articles not among ``names`` (renamed or deleted),
    of those among ``only`` when given: those holding what render wrote, or what it writes of
    them now (``now``: their digests), to remove (their record goes), and those edited
    since, to leave (a translator's work; their record stays, so they are named again). A
    file already gone leaves the record."""
    removed: list[Path] = []
    left: list[Path] = []
    current = {name.casefold(): name for name in names}
    for name in sorted(record):
        path = output / name
        # a hand-edited record names only files of this folder, never through a link
        if (name in names or name != Path(name).name or not name.endswith(".md")
                or (only is not None and name not in only)):
            continue
        twin = current.get(name.casefold())
        if twin is not None and _same_file(path, output / twin):
            # an article renamed only in case (`Kos.md`, now `kos.md`) on a case-insensitive
            # disk (macOS, Windows): the old name is the new rendering's file, which an
            # unchanged rendering does not rewrite; removed, it took the article's rendering
            # with it (the site's stale pages keep the same rule)
            del record[name]
            continue
        try:
            # a link, or a FIFO (whose read would wait forever), is no file render wrote
            if not stat.S_ISREG(path.lstat().st_mode):
                continue
            held = read_digest(path)
        except FileNotFoundError:
            held = None
        except (OSError, GlossariError):
            continue  # unreadable: not render's to judge
        if held is None:  # gone already
            del record[name]
            record.pop(name + WITHDRAWN, None)
            continue
        if held == record[name] or (now is not None and held == now.get(name)):
            removed.append(path)
            del record[name]
            record.pop(name + WITHDRAWN, None)
        else:
            left.append(path)
    return removed, left


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _claim(record: dict[str, str], path: Path, data: bytes, *, lang: str,
           overwrite: bool,
           given_back: Callable[[frozenset[Message]], Sequence[bytes]] | None = None,
           still: Callable[[frozenset[Message]], frozenset[Message]] | None = None
           ) -> tuple[bool, str | None]:
    """Record ``path`` as render's, refusing it when it holds what render did not write;
    whether it already holds ``data`` (then nothing is to be written: the one reading of it),
    and the digest of what it held (None: no file). ``given_back`` gives what render writes
    with the given messages untranslated (and that with the headword as the catalog
    translates it in the title or in the heading that repeats it, the other given back): a
    file that holds that with the messages ``align --force`` withdrew from these very bytes
    (the record says so: their Malay, given back) holds nothing else of a translator's, and a
    translation confirmed in the catalog since is written back. ``still`` gives those of the
    messages the catalogs do not translate, which render writes in Malay: they stay noted,
    with this rendering's digest."""
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    # a FIFO at the rendering's name (its read would wait forever) is refused, not read
    held = read_digest(path)
    if (held not in (None, digest, record.get(path.name)) and not overwrite
            and not _same_text(path, data)
            and not (given_back is not None
                     and (made := withdrawal(record, path.name)) is not None
                     and held == made[0]
                     and any(_same_text(path, back) for back in given_back(made[1])))):
        # the line where it stops being what render writes now: after align took what it
        # could, what is left (Malay rewrapped, a translation align kept out) is named there,
        # rather than the same advice again with nothing to look at
        line, text = _first_difference(path, data)
        where = ("" if not line else " (it ends here, before what render writes now)"
                 if text is None else
                 f" (this line is not what render writes there now: '{excerpt(text)}')")
        raise GlossariError(
            "written or edited since 'glossari render' wrote it, so rendering would lose that "
            f"work{where}", path=path.as_posix(), line=line, hint=_edited_hint(path, lang))
    record[path.name] = digest
    # render's own file now; the messages still withdrawn it writes in Malay, noted with it
    made = withdrawal(record, path.name)
    note_withdrawal(record, path.name, digest, frozenset() if made is None or still is None
                    else still(made[1]))
    return held == digest, held


def _encoded(rendered: str, data: bytes) -> bytes:
    """A rendering's bytes: the source's (``data``) line ends and byte-order mark kept."""
    body = rendered.replace("\n", "\r\n") if b"\r\n" in data else rendered
    return (b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b"") + body.encode()


class _Untranslated:
    """A catalog lookup that gives ``keys`` no translation, and every other as ``catalog``;
    a message whose Malay changed since one of ``keys`` was withdrawn (its fuzzy entry's
    ``#| msgid`` is that key's) is given that older Malay, as the withdrawing file holds it.

    The title and the heading that repeats it are one message, the headword: ``kept``
    (``"title"`` or ``"heading"``) gives ``headword``, withdrawn, the catalog's translation
    (fuzzy since) in that one place, where the file gave it back in Malay in the other and
    left this one as render wrote it: nothing a translator wrote that the catalog lacks."""

    def __init__(self, catalog: TranslationLookup, keys: frozenset[Message], *,
                 headword: Message | None = None, kept: str | None = None) -> None:
        self.catalog, self.keys = catalog, keys
        self.older = _older_malay(catalog, keys)
        # (the headword withdrawn, or its older Malay given back before seeds/ changed it)
        self.kept = kept if headword in keys or headword in self.older else None
        self.headword = headword

    def get(self, domain: str, context: str | None, msgid: str) -> tuple[str | None, Status]:
        return self._get(domain, context, msgid, "title")

    def headword_heading(self, domain: str, context: str | None,
                         msgid: str) -> tuple[str | None, Status]:
        """The headword's message where the heading that repeats the title writes it."""
        return self._get(domain, context, msgid, "heading")

    def _get(self, domain: str, context: str | None, msgid: str,
             place: str) -> tuple[str | None, Status]:
        if self.kept == place and (domain, context, msgid) == self.headword:
            msgstr, _status = self.catalog.get(domain, context, msgid)
            if msgstr:
                return msgstr, "translated"
        if (domain, context, msgid) in self.keys:
            return None, "untranslated"
        older = self.older.get((domain, context, msgid))
        if older is not None:
            return older, "translated"
        return self.catalog.get(domain, context, msgid)


def _older_malay(catalog: TranslationLookup,
                 keys: frozenset[Message]) -> dict[Message, str]:
    """The messages whose catalog entry is fuzzy for an older Malay (``#| msgid``) that is
    one of ``keys`` (messages ``align --force`` withdrew), with that older Malay: an editor
    changed the block in seeds/ after the translator pasted its Malay back, and ``update``
    kept the English, fuzzy, for the new one. The rendering holding the older Malay there
    holds nothing the catalogs lack (render refused it on every run, and align read it as
    the Malay with a word changed: only --overwrite got out)."""
    from glossari.catalog.translations import Translations

    if not keys or not isinstance(catalog, Translations):
        return {}
    older: dict[Message, str] = {}
    domains = {domain for domain, _, _ in keys}
    for domain, po in catalog.catalogs.items():
        if domain not in domains:
            continue
        for entry in po.current:
            if not entry.fuzzy or entry.previous_msgid is None:
                continue
            contexts = {entry.previous_msgctxt, entry.msgctxt}
            if any((domain, context, entry.previous_msgid) in keys for context in contexts):
                older[domain, entry.msgctxt, entry.msgid] = entry.previous_msgid
    return older


def _same_text(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds what render writes now (``data``) but for its line
    ends, a byte-order mark, the line ends after its last line and the quoting of its
    front-matter values: what a translator's editor changes on saving (Notepad's CRLF, an
    editor's final newline), or a translator quoting a title (``title: "Murabahah Sale"``, which
    render writes plain, as the article does). Its text is all in the
    catalogs then, and render goes on (it refused on every run, after align took everything,
    naming a line that looked the same)."""
    try:
        with path.open("rb") as stream:
            held = stream.read(len(data) + (1 << 16) + 1)
    except OSError:
        return False

    def text(raw: bytes) -> bytes:
        return raw.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").rstrip(b"\r\n")

    if len(held) > len(data) + (1 << 16):
        return False
    theirs, ours = text(held), text(data)
    if theirs == ours:
        return True
    # a front-matter value quoted otherwise (`title: "Murabahah Sale"` for render's plain
    # `title: Murabahah Sale`): the same values, and no comment of theirs; a body written in
    # other Markdown syntax (`_x_` for `*x*`, `*` bullets, a setext heading, lines wrapped
    # elsewhere: an editor's or a translator's habits) that reads the same
    try:
        mine, yours = ours.decode(), theirs.decode()
        written, saved = (split_front_matter(mine, source=path.name),
                          split_front_matter(yours, source=path.name))
    except (UnicodeDecodeError, GlossariError):
        return False
    changed = (set(yours.splitlines()[:saved.end_line])
               - set(mine.splitlines()[:written.end_line]))
    return (bool(written.end_line) == bool(saved.end_line)
            and saved.fields == written.fields and not any("#" in line for line in changed)
            and reads_alike(saved.body, written.body))


def _first_difference(path: Path, data: bytes) -> tuple[int, str | None]:
    """The first line (1-based) of the file at ``path`` that is not the same line of ``data``,
    and that line's text (None: the file ends before it); (0, None) when it cannot be read."""
    try:
        with path.open("rb") as stream:
            held = stream.read(len(data) + (1 << 20))
    except OSError:
        return 0, None
    ours = data.splitlines(keepends=True)
    theirs = held.splitlines(keepends=True)
    for number, line in enumerate(theirs, start=1):
        if number > len(ours) or ours[number - 1] != line:
            return _first_unlike(held, data) or (
                number, line.decode("utf-8", "replace").lstrip("\ufeff"))
    return max(len(theirs), 1), None


def _first_unlike(held: bytes, data: bytes) -> tuple[int, str] | None:
    """The first line (1-based) of the file's body (``held``) in the first block that does not
    read as render's (``data``), in other Markdown syntax (:func:`reads_alike`), and that
    line; None when the front matter differs, or either cannot be read: a bullet or a
    heading an editor rewrote, read the same, was named before the paragraph a translator
    changed."""
    try:
        mine, yours = (raw.decode().removeprefix("\ufeff").replace("\r\n", "\n")
                       for raw in (data, held))
        written, saved = (split_front_matter(mine, source="rendering"),
                          split_front_matter(yours, source="rendering"))
    except (UnicodeDecodeError, GlossariError):
        return None
    if (mine.splitlines()[:written.end_line] != yours.splitlines()[:saved.end_line]
            or (found := first_unlike(saved.body, written.body)) is None):
        return None
    line = found[1]
    return saved.body_offset + line + 1, saved.body.splitlines()[line]


def _edited_hint(path: Path, lang: str) -> str:
    # the folder quoted as the shell needs it: `Terjemahan 'v2'` is pasted whole
    return (f"take its translations into the catalogs first (glossari align -l {lang} "
            f"{shell_path(path.parent.as_posix())} --force: --force for the messages the "
            "catalogs already translate; a translation it names as fuzzy is reviewed in the "
            "catalog), or pass --overwrite to replace it")


def _require_unchanged(claimed: Mapping[Path, str | None], record: Mapping[str, str], *,
                       lang: str) -> None:
    """Raise :class:`GlossariError` for the first rendering that no longer holds what this run
    read there (``claimed``: its digest then, None for no file): a translator saved it while
    the run rendered the others, and renaming over it would lose that save. One that now holds
    what this run is about to write (``record``: this run's digests) loses nothing: another
    render of the same text wrote it. One another render wrote otherwise is named as such: its
    own renderings are no translator's work, and the translator's hint (``align --force``,
    ``--overwrite``) misled."""
    for path, held in claimed.items():
        now = read_digest(path)
        if now in (held, record.get(path.name)):
            continue
        if _another_render(path, now):
            raise GlossariError(
                "another 'glossari render' wrote it while this one ran (two renders into one "
                "folder at once); nothing was written", path=path.as_posix(),
                hint=f"run 'glossari render -l {lang}' again once the other has finished")
        raise GlossariError(
            "saved by another program while 'glossari render' ran; nothing was written, "
            "so that work is kept", path=path.as_posix(), hint=_edited_hint(path, lang))


def _another_render(path: Path, now: str | None) -> bool:
    """Whether another render is writing into ``path``'s folder, or wrote ``path`` as it now
    is (``now``: its digest): its record says so, or its staged record waits to be renamed
    (a temporary ``..glossari-rendered.json.*.tmp``: it renames its renderings first)."""
    from glossari._atomic import TEMPORARY_SUFFIX

    folder = path.parent
    try:
        if now is not None and read_record(folder).get(path.name) == now:
            return True
    except GlossariError:
        return False  # the record is no file (a link, a FIFO): not another render's
    with contextlib.suppress(OSError):
        return any(folder.glob(f".*{RENDERED}.*{TEMPORARY_SUFFIX}"))
    return False


def _render_one(root: GlossaryRoot, term: Term, catalog: TranslationLookup, output: Path,
                min_coverage: float, staged: StagedWrites, *, record: dict[str, str],
                lang: str, overwrite: bool,
                claimed: dict[Path, str | None],
                under: dict[str, str] | None = None) -> RenderResult:
    from glossari.seeds.source import decode_article, read_article_bytes

    data = read_article_bytes(root.path / term.source.path, source=term.source.path)
    text = decode_article(data, source=term.source.path)
    rendering = render_article(term, text, catalog)
    path = output_path(output, term.id)
    encoded = _encoded(rendering.text, data)
    if rendering.coverage < min_coverage:
        if under is not None:  # what render writes of it now, under a lower --min-coverage
            import hashlib

            under[path.name] = hashlib.sha256(encoded).hexdigest()
        return RenderResult(source=term.source.path, rendering=rendering, path=None)
    from glossari._atomic import make_output_folder

    make_output_folder(output, what="the output folder", hint=_OUTPUT_HINT)
    same, held = _claim(record, path, encoded, lang=lang, overwrite=overwrite,
                        given_back=lambda keys: tuple(_encoded(render_article(
                            term, text, _Untranslated(
                                catalog, keys, kept=kept,
                                headword=(GLOSSARY_DOMAIN, term.id, term.title or ""))).text,
                            data) for kept in (None, "title", "heading")),
                        still=lambda keys: frozenset(
                            key for key in keys if catalog.get(*key)[1] != "translated"))
    written = not same
    if written:
        staged.stage(path, encoded)
        claimed[path] = held
    return RenderResult(source=term.source.path, rendering=rendering, path=path, written=written)
