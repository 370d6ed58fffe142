"""The remembered answers of the translation rule (glossari.catalog.usable) are the rule's:
the process memo, the verdicts the store keeps beside a catalog's lookup table and the memo of
links_and_html give, on generated messages, exactly what a direct call of the rule gives."""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossari.catalog import usable
from glossari.catalog.pofile import Entry
from glossari.catalog.usable import (
    _judge,
    entry_state,
    remember,
    remembered,
    unusable_translation,
)
from glossari.seeds import markdown
from glossari.seeds.markdown import links_and_html

# pieces that move a Markdown parse: brackets, links, autolinks, HTML, code, escapes, entities,
# block starts, tables, blank lines, control and invisible characters
_PIECES = st.sampled_from([
    "Kos", "hasil", "revenue", " ", "  ", "\n", "\n\n", "[", "]", "(", ")", "<", ">", "!",
    "`", "*", "_", "\\", "&lt;", "&", ":", "/", "#", "- ", "1. ", "    ", "|", "|---|",
    "[hasil]", "[hasil](/revenue)", "[x](/a)", "![i](/p.png)", "<b>", "</b>", "<!--",
    "<https://a.b>", "<javascript:x>", "[hasil]: /revenue", "[r]: javascript:x", "\x07",
    "\u200b", "2007.", "> ", "```", "[kos jualan][]", "[margin][m]",
])
_TEXT = st.lists(_PIECES, max_size=12).map("".join)
_DEFINITIONS = st.sampled_from(["", "[hasil]: /revenue", "[hasil]: /revenue\n[m]: /margin",
                                "[x]: <b>"])


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[str, str]:
    msgid = draw(_TEXT)
    how = draw(st.sampled_from(["same", "other", "edited"]))
    if how == "same":
        return msgid, msgid
    if how == "other":
        return msgid, draw(_TEXT)
    cut = draw(st.integers(0, len(msgid)))
    return msgid, msgid[:cut] + draw(_TEXT) + msgid[cut:]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=st.lists(_pairs(), min_size=1, max_size=4), references=_DEFINITIONS,
       order=st.randoms(use_true_random=False))
def test_remembered_answer_is_the_rule(pairs: list[tuple[str, str]], references: str,
                                       order: object) -> None:
    # every pair asked as a block and not, with and without definitions, in a random order,
    # twice, with one memo: each answer is the rule's for its own arguments
    asked = [(msgid, msgstr, block, defined) for msgid, msgstr in pairs
             for block in (True, False) for defined in ("", references)] * 2
    order.shuffle(asked)  # type: ignore[attr-defined]
    usable._VERDICTS.clear()
    for msgid, msgstr, block, defined in asked:
        # the rule computed with links_and_html's memo bypassed: every text parsed anew
        direct = _uncached(lambda m=msgid, s=msgstr, b=block, r=defined: _judge(
            m, s, block=b, references=r))
        assert unusable_translation(msgid, msgstr, block=block, references=defined) == direct


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=st.lists(_pairs(), min_size=1, max_size=6),
       part=st.sampled_from(["paragraph", "heading", "item"]))
def test_store_verdicts_round_trip(pairs: list[tuple[str, str]], part: str) -> None:
    domain = "articles-k"
    entries = [Entry(msgid=msgid, msgstr=msgstr, extracted_comments=(f"{part} of kos",))
               for msgid, msgstr in pairs if msgid and msgstr]
    usable._VERDICTS.clear()
    states = [entry_state(domain, e) for e in entries]
    # what the store keeps, read back by another process: pickled, the memo empty
    stored = pickle.loads(pickle.dumps(remembered(domain, entries)))
    usable._VERDICTS.clear()
    remember(stored)
    assert [entry_state(domain, e) for e in entries] == states
    for msgid, msgstr, block, references, answer in stored:
        assert answer == _uncached(
            lambda m=msgid, s=msgstr, b=block, r=references: _judge(m, s, block=b, references=r))


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_links_and_html_memo_is_the_parse(text: str) -> None:
    expected = markdown._parsed_links_and_html.__wrapped__(text) if (
        "[" in text or "<" in text) else ()
    assert links_and_html(text) == links_and_html(text) == expected


def test_remember_ignores_what_is_no_verdict() -> None:
    usable._VERDICTS.clear()
    remember(None)
    remember([("a [b](/c)", "a [b](/d)", True, "", None)])  # a list: not what the store keeps
    remember((("a [b](/c)", "a [b](/d)", 1, "", None), ("x", "y"), "z",
              ("same [b](/c)", "same [b](/c)", True, "", "no")))  # needs no parse: not taken
    assert usable._VERDICTS == {}
    assert unusable_translation("a [b](/c)", "a [b](/d)", block=True) is not None


def _uncached(compute):  # type: ignore[no-untyped-def]
    """``compute()`` with links_and_html parsing every text anew (its memo bypassed)."""
    memo = markdown._parsed_links_and_html
    markdown._parsed_links_and_html = memo.__wrapped__  # type: ignore[assignment]
    try:
        return compute()
    finally:
        markdown._parsed_links_and_html = memo
