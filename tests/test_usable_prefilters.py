"""The translation rule's cheap first looks (glossari.catalog.usable, glossari.text) answer what
its full searches answer: a printable text holds no unreadable character, a first line holds
block syntax only at its start, a text whose first character is a letter or a digit shows
something, and a message of one form is judged on its one pair. ``compile`` asks the rule of
every message twice (the termbase's counts, every term's English side), so each search it
skips is 400,000 fewer at 10,000 articles."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossari import text as text_module
from glossari.catalog import usable
from glossari.catalog.pofile import Entry
from glossari.catalog.usable import _judge, entry_state

_PIECES = st.sampled_from([
    "Saham", "saham-saham", "pelaburannya", " ", "\t", "\n", "\n\n", "\r", "\x0c", "\x7f",
    "\x85", "\x1b", "\u200b", "\u00ad", "\u2028", "\ufeff", "# ", "- ", "* ", "1. ", "1) ",
    "2007. ", "> ", "    ", "```", "~~~", "---", "===", "| a | b |", "|---|---|", "[a](/b)",
    "<b>", "RM\u00a0100", "É", "\U0001d400", "\ud800",
])
_TEXT = st.lists(_PIECES, max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_a_printable_text_holds_no_unreadable_character(text: str) -> None:
    if text.isprintable():
        assert usable._UNREADABLE.search(text) is None


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_block_syntax_on_a_first_line_is_at_its_start(text: str) -> None:
    first = text.partition("\n")[0]
    assert bool(usable._BLOCK_START.match(first)) == bool(usable._BLOCK_START.search(first))


def test_a_letter_or_a_digit_shows_over_all_of_unicode() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isalnum():
            assert unicodedata.category(char) not in text_module._INVISIBLE, hex(code)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_visible_text_is_told_as_by_every_character(text: str) -> None:
    assert text_module.has_visible_text(text) == any(
        unicodedata.category(c) not in text_module._INVISIBLE for c in text)


def _old_pairs(entry: Entry) -> list[tuple[str, str]]:
    forms = entry.translations
    sources = [entry.msgid] + [entry.msgid_plural or entry.msgid] * (len(forms) - 1)
    return list(zip(sources, forms, strict=True))


@st.composite
def _entries(draw: st.DrawFn) -> Entry:
    msgid = draw(_TEXT)
    if draw(st.booleans()):
        return Entry(msgid=msgid, msgstr=draw(_TEXT), flags=draw(st.sampled_from([(), ("fuzzy",)])),
                     extracted_comments=(draw(st.sampled_from(["paragraph of saham",
                                                               "heading of saham"])),))
    # a plural message; an empty msgid_plural judges its forms by the msgid
    return Entry(msgid=msgid, msgid_plural=draw(st.sampled_from(["", "saham-saham"])),
                 msgstr_plural=tuple(draw(st.lists(_TEXT, min_size=1, max_size=3))))


@settings(max_examples=300, deadline=None)
@given(_entries(), st.sampled_from(["articles-s", "glossary"]))
# a copy holding a link, indented as code: the cheap first look answered it without the links
@example(Entry(msgid="    Saham[a](/b)", msgid_plural="", msgstr_plural=("    Saham[a](/b)",)),
         "articles-s")
def test_an_entry_is_judged_on_each_of_its_forms(entry: Entry, domain: str) -> None:
    assert list(usable._pairs(entry)) == _old_pairs(entry)
    expected = "untranslated" if entry is None or not entry.has_translation else (
        "fuzzy" if entry.fuzzy else "untranslated" if not entry.translated else
        "untranslated" if any(_judge(source, form, block=usable.is_block_message(
            domain, entry.extracted_comments), references="") is not None
            and not (domain == "glossary" and usable.is_link_context(entry.msgctxt))
            for source, form in _old_pairs(entry)) else "translated")
    assert entry_state(domain, entry) == expected


class _Counted:
    """A compiled pattern whose ``search`` calls are counted."""

    def __init__(self, pattern: object) -> None:
        self.pattern = pattern
        self.searches = 0

    def search(self, *args: object) -> object:
        self.searches += 1
        return self.pattern.search(*args)  # type: ignore[attr-defined]

    def match(self, *args: object) -> object:
        return self.pattern.match(*args)  # type: ignore[attr-defined]

    def split(self, *args: object) -> object:
        return self.pattern.split(*args)  # type: ignore[attr-defined]


def test_a_printable_one_line_block_is_not_searched_character_by_character() -> None:
    with pytest.MonkeyPatch.context() as patch:
        unreadable = _Counted(usable._UNREADABLE)
        block_start = _Counted(usable._BLOCK_START)
        patch.setattr(usable, "_UNREADABLE", unreadable)
        patch.setattr(usable, "_BLOCK_START", block_start)
        for msgstr in ("Shares and their investments.", "Pelaburannya, in English: its investment",
                       "Équité — « shares »"):
            assert _judge("Saham-saham dan pelaburannya.", msgstr, block=True,
                          references="") is None
        assert (unreadable.searches, block_start.searches) == (0, 0)
        # an unprintable one is searched, and refused for its control character
        assert "U+001B" in str(_judge("Saham.", "Shares\x1b.", block=True, references=""))
        assert unreadable.searches == 1


_PLAIN = st.lists(st.sampled_from([
    "Saham", "saham-saham", "pelaburannya", "ETF", " ", "  ", "# ", "- ", "* ", "+ ", "1. ",
    "1) ", "2007. ", "> ", "    ", "```", "~~~", "---", "===", "___", "RM\u00a0100", "É", "&amp;",
    "]", "\u200b", "\u00ad", "\ufeff", "| a |", "(", ")", "Broker-dealer",
]), max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_PLAIN, _TEXT.filter(lambda t: "[" not in t and "<" not in t)), _PLAIN,
       st.booleans(), st.sampled_from(["", "[saham]: /stock"]))
def test_a_plain_message_gets_the_full_rule_s_answer(msgid: str, msgstr: str, block: bool,
                                                     references: str) -> None:
    # a message holding no '[' or '<' on either side: the cheap first look of
    # unusable_translation answers what the full rule (_judge) answers
    if not msgstr:
        return
    for source in (msgid, msgstr):
        assert usable.unusable_translation(source, msgstr, block=block,
                                           references=references) == _judge(
            source, msgstr, block=block, references=references)


def test_a_plain_printable_message_is_judged_without_the_full_rule() -> None:
    # compile asks the rule of every message twice (the counts, every term's English side):
    # most hold no link or HTML and are one printable line, and need neither written nor the
    # block rule's searches
    def full(*args: object, **kwargs: object) -> None:
        raise AssertionError("judged by the full rule")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(usable, "_judge", full)
        for block in (False, True):
            assert usable.unusable_translation("Saham-saham dan pelaburannya.",
                                               "Shares and their investments.",
                                               block=block) is None
            assert usable.unusable_translation("ETF", "ETF", block=block,
                                               references="[etf]: /etf") is None
            assert usable.unusable_translation("Saham", "   ",
                                               block=block) == usable._NOTHING_VISIBLE
        assert usable.unusable_translation("Saham", "- shares",
                                           block=True) == usable._BLOCK_SYNTAX
        assert usable.unusable_translation("Saham", "- shares", block=False) is None
    # a table's one-line translation is no longer a table: the full rule refuses it
    table = "| Jenis | Kadar |\n|---|---|\n| Peniaga broker | 1% |"
    assert usable.unusable_translation(table, "Type: broker-dealer, rate 1%", block=True) == (
        "the translation of the table is no longer a table")
