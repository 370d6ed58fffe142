"""The shortcuts of the catalog checks answer exactly what the full computation answers."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.checks.parity import describe_difference
from glossari.checks.terms import TermEntry, _needles, english_pattern

WORDS = st.sampled_from(["agency", "agencies", "account", "accounts", "executive", "my", "mys",
                         "finra", "gross", "profit", "profits", "day", "days", "dies", "x"])
PHRASE = st.lists(WORDS, min_size=0, max_size=4).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(PHRASE, st.booleans(), PHRASE, st.sampled_from(["", " ", "-", ", "]))
def test_every_match_contains_a_needle(english: str, acronym: bool, text: str,
                                       glue: str) -> None:
    if acronym:
        english = f"{english} (FINRA)"
    pattern = english_pattern(english)
    folded = text.replace(" ", glue or " ") if glue != "-" else text
    if pattern is not None and pattern.search(folded):
        assert any(needle in folded for needle in _needles(english))


@settings(max_examples=300, deadline=None)
@given(PHRASE, st.booleans(), PHRASE)
def test_term_search_is_the_pattern_search(english: str, acronym: bool, text: str) -> None:
    if acronym:
        english = f"{english} (FINRA)"
    entry = TermEntry(identity="t", malay="m", english=english, context="t", path="p", line=1)
    pattern = english_pattern(english)
    expected = pattern is None or pattern.search(text) is not None
    assert entry.search(text) is expected
    assert entry.search(text) is expected  # cached the second time


def _slow(source: tuple[str, ...], translation: tuple[str, ...]) -> str | None:
    missing = Counter(source) - Counter(translation)
    extra = Counter(translation) - Counter(source)
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append("missing " + ", ".join(sorted(missing.elements())))
    if extra:
        parts.append("extra " + ", ".join(sorted(extra.elements())))
    return "; ".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "2", "2021", "a"]), max_size=5).map(tuple),
       st.lists(st.sampled_from(["1", "2", "2021", "a"]), max_size=5).map(tuple))
def test_describe_difference_shortcut(source: tuple[str, ...],
                                      translation: tuple[str, ...]) -> None:
    assert describe_difference(source, translation) == _slow(source, translation)
