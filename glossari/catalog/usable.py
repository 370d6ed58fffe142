"""Which translation of a message may stand in for its source: the one rule of ``render``
(which keeps the Malay for any other), the English side of every term
(:func:`glossari.catalog.translations.english_for`, which the API, the tables, search and the
site read), ``align`` (which takes none that ``render`` would refuse) and ``check`` (C203, C208,
C209), so that every command and the API give one answer. A reference link (``[hasil]``) is a
link only by its article's definitions (``[hasil]: /revenue``): every one of them judges with the
article's own (:attr:`glossari.model.Term.definitions`), and a count of a whole catalog with those
of every article holding the message (:func:`definitions_by_message`).

:func:`message_state` is the same rule as a count: a message is ``translated`` only when a reader
gets its translation, so ``check`` (C200, C201 and its summary), ``update``'s summary, the
termbase's ``coverage`` table, the site's counts and chart and :class:`~glossari.catalog.
translations.Coverage` count a refused translation as untranslated, as ``render`` does.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from glossari.catalog.messages import (
    GLOSSARY_DOMAIN,
    is_block_message,
    is_category_message,
    is_link_context,
    iter_messages,
    part_comment,
)
from glossari.seeds.markdown import links_and_html, open_links, table_of
from glossari.text import excerpt, has_visible_text, one_line, quoted

if TYPE_CHECKING:
    from glossari.catalog.pofile import Entry
    from glossari.model import Term

__all__ = [
    "Definitions",
    "MessageState",
    "Verdict",
    "definitions_by_message",
    "entry_state",
    "message_state",
    "refused",
    "remember",
    "remembered",
    "unusable_translation",
    "written",
]

MessageState = Literal["translated", "fuzzy", "untranslated"]
"""A message's state as a reader gets it (:func:`message_state`)."""

def refused(domain: str, context: str | None, msgid: str, msgstr: str, *, block: bool,
            references: str = "", category: bool = False) -> bool:
    """True when the current translation ``msgstr`` of a message is no translation for a reader:
    ``render`` keeps the Malay for it (:func:`unusable_translation`), and so do the English side
    of the API, the tables, search and the site. ``references``: the reference definitions of
    the article the message is read in (:attr:`glossari.model.Term.definitions`). A link's text
    (``glossary`` domain, msgctxt ``/target``) goes into no article, only into the names of the
    term it leads to, and is refused only when it shows nothing (``\u200b``, a no-break space,
    a soft hyphen alone): a name with nothing visible is no name, so the term keeps no English
    name from it and every count has it untranslated. ``category``: the message is a category
    (:func:`glossari.catalog.messages.is_category_message`).

    >>> [refused("glossary", "/stock", "saham", t, block=False)
    ...  for t in ("\u200b", "\u00a0\u2060", "\ufeff\u00ad", "<b>stock</b>", "stocks")]
    [True, True, True, False, False]
    """
    if names_only(domain, context):
        return not has_visible_text(written(msgstr, block=False))
    return unusable_translation(msgid, msgstr, block=block, references=references,
                                category=category) is not None


def names_only(domain: str, context: str | None) -> bool:
    """Whether a message's translation goes into no article, only into the names of a term: a
    link's text (``glossary`` domain, msgctxt ``/target``), which :func:`refused` refuses only
    when it shows nothing, and ``check`` reports its HTML as the name it makes (C208), not as
    Malay that ``render`` keeps.

    >>> [names_only(d, c) for d, c in (("glossary", "/kos"), ("glossary", "kos"),
    ...                                ("articles-k", "/kos"))]
    [True, False, False]
    """
    return domain == GLOSSARY_DOMAIN and is_link_context(context)


def message_state(domain: str, context: str | None, msgid: str, msgstr: str | None,
                  status: str, *, block: bool, references: str = "",
                  category: bool = False) -> MessageState:
    """The state of a message as every reporter counts it: ``fuzzy`` for a fuzzy translation,
    ``translated`` for a current one a reader gets, ``untranslated`` otherwise (none, or one
    :func:`refused`). ``status`` is the catalog's (``translated``, ``fuzzy``, ``untranslated``);
    ``references`` the reference definitions of the article it is read in.

    >>> message_state("glossary", None, "Kewangan", "<b>Finance</b>", "translated", block=False)
    'untranslated'
    >>> message_state("glossary", "/finance", "kewangan", "<b>finance</b>", "translated",
    ...               block=False)
    'translated'
    >>> [message_state("articles-k", None, "Kos ialah [hasil].", "Cost is [revenue].",
    ...                "translated", block=True, references=r) for r in ("", "[hasil]: /revenue")]
    ['translated', 'untranslated']
    """
    if status == "fuzzy" and msgstr:
        return "fuzzy"
    if status != "translated" or not msgstr:
        return "untranslated"
    return "untranslated" if refused(domain, context, msgid, msgstr, block=block,
                                     references=references, category=category) \
        else "translated"


def entry_state(domain: str, entry: Entry | None, *,
                references: tuple[str, ...] = ("",)) -> MessageState:
    """:func:`message_state` of one catalog entry of ``domain`` (None: a message the catalog
    lacks). A plural entry is translated when every form is, and none is refused.
    ``references``: the reference definitions of each article the message is read in (one
    string per article, ``""`` for one without; :func:`definitions_by_message`): a
    translation refused in any of them is untranslated, as a reader of that article gets it."""
    if entry is None or not entry.has_translation:
        return "untranslated"
    if entry.fuzzy:
        return "fuzzy"
    if not entry.translated:  # a plural form left empty
        return "untranslated"
    block = is_block_message(domain, entry.extracted_comments)
    category = is_category_message(domain, entry.extracted_comments)
    for defined in references:
        for source, form in _pairs(entry):
            if refused(domain, entry.msgctxt, source, form, block=block, references=defined,
                       category=category):
                return "untranslated"
    return "translated"


Definitions = dict[tuple[str, str | None, str], tuple[bool, tuple[str, ...]]]
"""``(domain, msgctxt, msgid)`` to whether the message is a body block (as its article reads
it) and the reference definitions it is judged by (``""`` first, then one string per article
that holds it and defines any): :func:`definitions_by_message`."""


def definitions_by_message(terms: Iterable[Term]) -> Definitions:
    """The reference definitions each message is read with, for a count of a whole catalog
    (:meth:`glossari.catalog.translations.Coverage.of`, ``check``'s C200, the termbase's
    ``coverage``): only the messages that may hold a reference link (a ``[``) of the articles
    that define any (:attr:`glossari.model.Term.definitions`; most define none, and cost
    nothing here). A body message is shared by every article that holds it, so it is judged
    with each one's definitions, and as plain text (``""``) too: refused in any, it is
    untranslated, as the reader of that article gets the Malay.

    >>> from glossari.model import Location, Section, Block, Term
    >>> kos = Term(id="kos", title="Kos", definitions="[hasil]: /revenue",
    ...            sections=(Section(heading="", level=0, line=5, blocks=(
    ...                Block(kind="paragraph", text="Kos ialah [hasil].", line=5),)),),
    ...            source=Location(path="seeds/kos.md", line=1))
    >>> definitions_by_message([kos])
    {('articles-k', None, 'Kos ialah [hasil].'): (True, ('', '[hasil]: /revenue'))}
    """
    found: dict[tuple[str, str | None, str], tuple[list[bool], dict[str, None]]] = {}
    for term in terms:
        if not term.definitions or term.kind != "article":
            continue
        for message in iter_messages(term):
            if "[" in message.msgid:
                key = (message.domain, message.context, message.msgid)
                blocks, defined = found.setdefault(key, ([], {"": None}))
                blocks.append(is_block_message(message.domain,
                                               (part_comment(message.part, term.id),)))
                defined[term.definitions] = None
    return {key: (any(blocks), tuple(defined)) for key, (blocks, defined) in found.items()}


# what the article reader refuses (glossari.seeds.source), and \r, which would split a line
_UNREADABLE = re.compile(r"[\x00-\x08\x0b-\x0d\x0e-\x1f\x7f\x80-\x9f]")
# a block's first line starting like this would turn it into a heading, list, quote, rule or code
_BLOCK_START = re.compile(
    r"^[ \t]*(?:#{1,6}(?:[ \t]|$)|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|(?:[-*_=][ \t]*){3,}$"
    r"|```|~~~)|^ {4}|^\t", re.MULTILINE)
# a later line continues a paragraph, which CommonMark lets only these interrupt: an ATX heading,
# a quote, a fence, a rule or a setext underline, a bullet item with text, an ordered item
# numbered 1 with text. A year ending a sentence (`... sejak\n2007. Sekuriti ...`, as the Malay
# itself may wrap) or an indented line stays text, in every Markdown viewer.
_INTERRUPTS = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|```|~~~|(?:[-*_][ \t]*){3,}$|=+[ \t]*$|-+[ \t]*$"
    r"|[-*+][ \t]+\S|0{0,8}1[.)][ \t]+\S)", re.MULTILINE)


def interrupts_paragraph(line: str) -> bool:
    """Whether ``line``, a later line of a paragraph, ends it and starts another block, as
    CommonMark reads it (an ATX heading, a quote, a fence, a rule or a setext underline, a
    bullet item with text, an item numbered 1 with text): the rule a translation's lines are
    held to (C209), and where ``show`` never breaks a paragraph's line.

    >>> [interrupts_paragraph(t) for t in ("- atau", "# 1 kekal", "> 50%", "1. Bon", "2. Bon",
    ...                                    "2007. Sekuriti", "RM2 - atau")]
    [True, True, True, True, False, False, False]
    """
    return _INTERRUPTS.match(line) is not None


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _without(found: tuple[tuple[str, str], ...],
             shared: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return found[:-len(shared)] if shared and found[-len(shared):] == shared else found


def unusable_translation(msgid: str, msgstr: str, *, block: bool,
                         references: str = "", category: bool = False) -> str | None:
    """Why a current translation cannot go into the article, or None when it can: its links
    or HTML differ from the source's, it shows nothing, it holds a control character, or (a
    ``block``'s) a line of it starts with Markdown block syntax. ``align`` asks the same before
    it takes a translation, so that it writes none that ``render`` would refuse.

    The answer is a pure function of the four arguments, so an answer that parsed Markdown is
    remembered for the process (:func:`remember`, :func:`remembered`): ``compile`` asks it of
    every message twice (the English side of every term, the termbase's counts), ``check`` of
    C203's and C200's, and a load from the sources of what ``update`` already judged.

    A ``category``'s translation (:func:`glossari.catalog.messages.is_category_message`)
    holding a comma the Malay does not is refused too: ``render`` writes the categories as
    the article's comma-separated ``keywords``, where it would read back as two categories.

    >>> unusable_translation("Contoh", "Examples, samples", block=False, category=True)
    'the translation of the category holds a comma, which would make it two keywords'
    """
    if category and "," in msgstr and "," not in msgid:
        return "the translation of the category holds a comma, which would make it two keywords"
    if not _parses(msgid, msgstr):
        if (msgstr.isprintable() and "[" not in msgstr and "<" not in msgstr
                and not (block and table_of(msgid) is not None)):
            # most messages, the cheap first look: no link or HTML to compare, no table to
            # keep, and one line printable throughout (no control character, no tab, no line
            # break), so what render writes is the text with its spaces (written); only two
            # rules can refuse it
            if not has_visible_text(msgstr):
                return _NOTHING_VISIBLE
            if block and _BLOCK_START.match(msgstr):
                return _BLOCK_SYNTAX
            return None
        return _judge(msgid, msgstr, block=block, references=references)
    key = (msgid, msgstr, block, references)
    try:  # one lookup: another thread may clear the memo between two
        return _VERDICTS[key]
    except KeyError:
        pass
    answer = _judge(msgid, msgstr, block=block, references=references)
    if len(_VERDICTS) >= _MAX_VERDICTS:
        _VERDICTS.clear()  # a forgotten answer is only asked again, never different
    _VERDICTS[key] = answer
    return answer


_NOTHING_VISIBLE = "the translation shows no visible character"
_BLOCK_SYNTAX = "a line of the translation starts with Markdown block syntax"

Verdict = tuple[str, str, bool, str, str | None]
"""``(msgid, msgstr, block, references, answer)``: one answer of :func:`unusable_translation`
to its arguments, as the store of derived state keeps it beside a catalog's lookup table."""

# the answers that parsed Markdown, by their arguments. Bounded for a long-running program (the
# API in a server reading catalog after catalog): one glossary of 30,000 articles has about
# 60,000 messages holding a link or HTML
_VERDICTS: dict[tuple[str, str, bool, str], str | None] = {}
_MAX_VERDICTS = 1 << 17


def _parses(msgid: str, msgstr: str) -> bool:
    """True when judging the pair parses both sides with markdown-it (the costly answers, the
    only ones remembered): the texts differ and either may hold a link or HTML."""
    return msgstr != msgid and ("[" in msgid or "<" in msgid or "[" in msgstr or "<" in msgstr)


def remembered(domain: str, entries: Iterable[Entry]) -> tuple[Verdict, ...]:
    """The remembered answers (those that parsed Markdown) about the current translations of
    ``entries``, a catalog of ``domain``, as :func:`entry_state` asks them without reference
    definitions: what the store keeps beside the catalog's lookup table
    (:func:`glossari.catalog.translations.load_translations`), so that the next process that
    reads it (a load from the sources, ``compile``) parses none of them again."""
    found: list[Verdict] = []
    for entry in entries:
        if entry.obsolete or not entry.translated:
            continue
        for source, form in _pairs(entry):
            if _parses(source, form):  # most messages: no link, no HTML, nothing remembered
                block = is_block_message(domain, entry.extracted_comments)
                # absent: judged with definitions only, or forgotten
                with contextlib.suppress(KeyError):
                    found.append((source, form, block, "", _VERDICTS[source, form, block, ""]))
    return tuple(found)


def remember(verdicts: object) -> None:
    """Take answers :func:`remembered` gave (read back from the store, which holds them beside
    the lookup table of the catalog's exact bytes, for this exact code: its fingerprint), so
    that :func:`unusable_translation` does not parse those pairs again. Anything else than such
    answers is ignored."""
    if not isinstance(verdicts, tuple):
        return
    for verdict in verdicts:
        if (isinstance(verdict, tuple) and len(verdict) == 5
                and type(verdict[0]) is str and type(verdict[1]) is str
                and type(verdict[2]) is bool and type(verdict[3]) is str
                and (verdict[4] is None or type(verdict[4]) is str)
                and _parses(verdict[0], verdict[1])):
            if len(_VERDICTS) >= _MAX_VERDICTS:
                return
            _VERDICTS[verdict[0], verdict[1], verdict[2], verdict[3]] = verdict[4]


def _pairs(entry: Entry) -> tuple[tuple[str, str], ...]:
    """Each form of an entry's translation with the source it translates."""
    if entry.msgid_plural is None:  # most messages: one form, no list to build
        return ((entry.msgid, entry.msgstr),)
    forms = entry.msgstr_plural
    return tuple(zip([entry.msgid] + [entry.msgid_plural or entry.msgid] * (len(forms) - 1),
                     forms, strict=True))


def written(msgstr: str, *, block: bool) -> str:
    """A translation as ``render`` writes it into the article: a ``block``'s as it is, on lines
    of its own; any other (a headword, a definition, a category, a heading, a reference
    definition's title) on its one line, each run of white space one space. What is judged
    (:func:`unusable_translation`) is what is written: ``"\\t <b>"`` read as Markdown is code
    (a tab indents it), and was taken, exported by the tables and written as ``<b>``, raw HTML
    the Malay lacks, which ``import`` refused. A no-break space is text, not layout
    (:func:`glossari.text.one_line`), and stays: ``RM\\u00a0100`` was written ``RM 100``.

    >>> written("\\t <b>", block=False), written("Cost of\\nsales", block=True)
    ('<b>', 'Cost of\\nsales')
    >>> written(" RM\\u00a0100\\n seunit", block=False)
    'RM\xa0100 seunit'
    """
    return msgstr if block else one_line(msgstr)


def _judge(msgid: str, msgstr: str, *, block: bool, references: str) -> str | None:
    """:func:`unusable_translation`, computed: the one home of the rule."""
    raw = msgstr
    msgstr = written(msgstr, block=block)
    # every link form and raw HTML, not only `](target)`: a translator's `<img onerror=...>`,
    # `<javascript:...>` or `[r]: javascript:...` must never reach the published article.
    # With the article's definitions, reference links are links too: `[revenue]` for `[hasil]`
    # (defined `[hasil]: /revenue`) is a dead link, not text equal to the source's text
    # the same text has the same links and HTML: two Markdown parses saved, as the English side
    # of every term (english_for) asks this of every translated message
    if msgstr != msgid:
        if references and "[" in msgid:
            # only the definitions the two texts may name: all of them, parsed again with each
            # message, made an article of 1,000 definitions cost 27 s in check (quadratic)
            references = _named_definitions(references, msgid, msgstr)
            shared = links_and_html(references)  # the definitions, the same both sides
            theirs = _without(links_and_html(msgstr + "\n\n" + references), shared)
            ours = _without(links_and_html(msgid + "\n\n" + references), shared)
        else:
            theirs, ours = links_and_html(msgstr), links_and_html(msgid)
        if _compared(theirs) != _compared(ours):
            return (f"the translation's links and HTML {_show(theirs)} differ from the "
                    f"source's {_show(ours)}")
        # a link left open (`(see [coupon](/kupon`) is no link on either side, so the links
        # agree with a source that has none there, and render published it as written,
        # brackets and target
        left_open = open_links(msgstr)
        if len(left_open) > len(open_links(msgid)):
            return (f"the translation leaves the link {quoted(left_open[0])} open (no ')' "
                    "closes its target), which Markdown shows as written")
    if not has_visible_text(msgstr):
        return _NOTHING_VISIBLE
    # as the catalog holds it: a form feed is no layout. Each character it finds is unprintable:
    # a text printable throughout (most of them, one line) is not searched character by character
    bad = None if raw.isprintable() else _UNREADABLE.search(raw)
    if bad is not None:
        return f"the translation holds the control character U+{ord(bad.group()):04X}"
    if block:
        # a blank line ends the block: the rest would be a paragraph of its own (one more block
        # than the Malay, which `align` then refuses when the rendering comes back); the
        # source's blocks never hold one
        if _BLANK_LINE.search(msgstr) and not _BLANK_LINE.search(msgid):
            return "the translation holds a blank line, which would split the block in two"
        # a table stays a table, of as many rows and columns
        table = table_of(msgid)
        if table is not None:
            shape = table_of(msgstr)
            if shape is None:
                return "the translation of the table is no longer a table"
            if (len(shape.head), len(shape.rows)) != (len(table.head), len(table.rows)):
                return ("the translation of the table has other rows or columns than the "
                        f"source's {len(table.rows)} rows of {len(table.head)} columns")
        # a table's rows are no paragraph: each must keep clear of block syntax
        rule = _BLOCK_START if table is not None else _INTERRUPTS
        # after a blank line a block starts again (`2007. ...` there is a list): its first
        # line is held to the whole rule, not to what may interrupt a paragraph
        for part in _BLANK_LINE.split(msgstr):
            first, _, later = part.partition("\n")
            # the first line holds no line break: its one start is where match looks
            if _BLOCK_START.match(first) or rule.search(later):
                return _BLOCK_SYNTAX
    return None


# a bracketed text that may be a reference's label: no bracket inside but an escaped one
_BRACKETED = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]", re.DOTALL)
# a definition's label, as glossari.seeds.markdown.reference_definitions keeps its lines
_DEFINED = re.compile(r" {0,3}\[([^\]\n]+)\]:")


def _label_keys(label: str) -> tuple[str, str]:
    # CommonMark matches labels ignoring case and runs of white space: markdown-it-py folds
    # with lower().upper(), Unicode with casefold (either one matching keeps a definition)
    spaced = " ".join(label.split())
    return spaced.casefold(), spaced.lower().upper()


@functools.lru_cache(maxsize=64)
def _definition_lines(references: str) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]] | None:
    """The lines of an article's definitions and, by label, the lines defining it: read once
    for each article. None when a line defines nothing Markdown reads (`[[]: /x`): the lines
    after it are then a paragraph's, and none can be left out without changing the others."""
    lines = tuple(references.split("\n"))
    by_label: dict[str, list[int]] = {}
    labels: set[str] = set()
    for index, line in enumerate(lines):
        found = _DEFINED.match(line)
        if found is None:
            return None
        keys = _label_keys(found.group(1))
        labels.add(keys[1])
        for key in keys:
            by_label.setdefault(key, []).append(index)
    if sum(kind == "definition" for kind, _ in links_and_html(references)) != len(labels):
        return None
    return lines, {key: tuple(found) for key, found in by_label.items()}


def _named_definitions(references: str, *texts: str) -> str:
    """The lines of ``references`` whose label a bracketed text of ``texts`` may name: the
    only definitions that can change how ``texts`` parse (a link reads no other), in a time
    linear in ``texts`` once the article's definitions are read.

    >>> _named_definitions("[hasil]: /revenue\\n[kos]: /cost", "Kos ialah [Hasil].")
    '[hasil]: /revenue'
    """
    read = _definition_lines(references)
    if read is None:
        return references
    lines, by_label = read
    named = sorted({index for text in texts for found in _BRACKETED.finditer(text)
                    for key in _label_keys(found.group(1)) for index in by_label.get(key, ())})
    return "\n".join(lines[index] for index in named)


def _compared(markup: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """What must be the same on both sides: the links and images as a multiset (English word
    order moves them; what matters is that no target is added, dropped or changed, and two
    links in the source's order can still lead from the wrong words), the raw HTML and
    definitions in order."""
    moved = sorted(item for item in markup if item[0] in ("link", "image"))
    return tuple(moved) + tuple(item for item in markup if item[0] not in ("link", "image"))


def _show(markup: tuple[tuple[str, str], ...]) -> str:
    shown = [value if kind == "link" else f"{kind} {value}" for kind, value in markup]
    return "[" + ", ".join(quoted(excerpt(value)) for value in shown) + "]"
