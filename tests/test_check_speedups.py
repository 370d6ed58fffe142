"""The shortcuts of the catalog checks answer exactly what the full computation answers."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.checks.parity import describe_difference


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
