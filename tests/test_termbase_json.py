"""The termbase's JSON columns (``terms.data``, ``terms.head``, ``findings.data``) are written by
orjson (``glossari.termbase.build._dumps``): the very text the standard library's encoder gives,
so the switch changed no stored byte, for any text a term can hold."""

from __future__ import annotations

import dataclasses
import functools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

import glossari
from glossari.model import Term
from glossari.termbase.build import _dumps, _term_columns
from glossari.termbase.codec import dataclass_fields

# any code point a decoded file can hold (no lone surrogate), control characters, line and
# paragraph separators, quotes, backslashes and astral characters included
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


def _standard(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=dataclass_fields)


@functools.cache
def _glossary() -> glossari.Glossary:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no compiled termbase in a checkout: read the sources
        return glossari.load()


def _terms() -> tuple[Term, ...]:
    return tuple(_glossary())


def test_every_bundled_term_and_finding() -> None:
    for term in _terms():
        assert _dumps(term) == _standard(term)
        data, head = _term_columns(term)[-2:]
        assert data == _standard(term)
        assert json.loads(head) == {k: v for k, v in json.loads(data).items()
                                    if k not in ("sections", "highlights")} | {
            "english": {k: v for k, v in json.loads(data)["english"].items()
                        if k not in ("sections", "highlights")}}
    assert _glossary().findings
    for finding in _glossary().findings:
        assert _dumps(finding) == _standard(finding)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(TEXT, min_size=6, max_size=6), which=st.integers(0, 1000),
       line=st.integers(0, 2**62))
def test_any_text_is_written_as_the_standard_library_writes_it(
        texts: list[str], which: int, line: int) -> None:
    term = _terms()[which % len(_terms())]
    sections = term.sections
    if sections and sections[0].blocks:
        first = sections[0]
        block = dataclasses.replace(first.blocks[0], text=texts[2], line=line)
        sections = (dataclasses.replace(first, heading=texts[3], blocks=(block,)), *sections[1:])
    english = dataclasses.replace(term.english, title=texts[4], description=texts[5])
    changed = dataclasses.replace(term, title=texts[0], description=texts[1], sections=sections,
                                  english=english)
    assert _dumps(changed) == _standard(changed)
    head = {"title": texts[0], "english": {"title": texts[4]}, "n": line}
    assert _dumps(head) == _standard(head)
