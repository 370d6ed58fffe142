"""glossari.model.replaced is dataclasses.replace, built faster: every field of the copy, those
left out of == (a block's line and info) too, is what dataclasses.replace gives, and a class
that checks its fields still checks them."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.model import Block, English, Link, Location, Section, Term, replaced

_TEXT = st.sampled_from(["Saham-saham", "pelaburannya", "Peniaga broker (PB)", "", "RM\u00a0100",
                         "> ## Nota", "| a |\n|---|"])
_LINKS = st.lists(st.builds(Link, text=_TEXT, target=st.sampled_from(["/broker-dealer", "/bon"]),
                            line=st.integers(1, 99)), max_size=2).map(tuple)
_BLOCKS = st.one_of(*(st.builds(
    Block, kind=st.just("heading") if heading else st.sampled_from(
        ["paragraph", "item", "quote", "table", "code"]),
    text=_TEXT, line=st.integers(1, 999), depth=st.integers(0, 3), ordered=st.just(ordered),
    number=st.integers(0, 9) if ordered else st.none(),  # a numbered item's block has one
    path=st.sampled_from([(), ("quote:1",), ("ol:1:2",)]),
    links=_LINKS, level=st.integers(1, 6) if heading else st.just(0),  # a heading's alone
    info=st.sampled_from(["", "python"]))
    for ordered in (False, True) for heading in (False, True)))


def _every_field(value: object) -> dict[str, object]:
    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(_BLOCKS, st.dictionaries(st.sampled_from(["text", "line", "info", "links", "level"]),
                                st.just(None), max_size=3), _TEXT)
def test_a_block_replaced_is_the_block_replace_gives(block: Block, which: dict[str, None],
                                                     text: str) -> None:
    values: dict[str, object] = {"text": text, "line": 7, "info": "sql", "links": (),
                                 "level": block.level and 7 - block.level}  # a heading's
    changes = {name: values[name] for name in which}
    copy = replaced(block, **changes)
    assert type(copy) is Block
    assert _every_field(copy) == _every_field(dataclasses.replace(block, **changes))  # type: ignore[arg-type]
    assert copy == dataclasses.replace(block, **changes)  # type: ignore[arg-type]
    assert hash(copy) == hash(dataclasses.replace(block, **changes))  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.text = "x"  # type: ignore[misc]


@settings(max_examples=100, deadline=None)
@given(st.lists(_BLOCKS, max_size=3).map(tuple), _TEXT)
def test_a_section_replaced_is_the_section_replace_gives(blocks: tuple[Block, ...],
                                                         heading: str) -> None:
    section = Section(heading="Sorotan", level=2, line=3, blocks=(), malformed=True)
    copy = replaced(section, heading=heading, blocks=blocks)
    assert _every_field(copy) == _every_field(
        dataclasses.replace(section, heading=heading, blocks=blocks))


def test_a_field_the_class_lacks_is_refused_as_replace_refuses_it() -> None:
    block = Block(kind="paragraph", text="Saham.", line=1)
    with pytest.raises(TypeError):
        dataclasses.replace(block, txt="Shares.")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="no field 'txt'"):
        replaced(block, txt="Shares.")


def test_a_class_that_checks_its_fields_still_checks_them() -> None:
    term = Term(id="peniaga-broker", title="Peniaga broker",
                source=Location(path="seeds/peniaga-broker.md", line=1))
    english = English(title="Broker-dealer", status="translated")
    assert replaced(term, english=english) == dataclasses.replace(term, english=english)
    for bad in ({"id": 5}, {"title": ["Peniaga"]}):
        with pytest.raises((TypeError, ValueError)) as by_replace:
            dataclasses.replace(term, **bad)  # type: ignore[arg-type]
        with pytest.raises(type(by_replace.value)) as by_replaced:
            replaced(term, **bad)
        assert str(by_replaced.value) == str(by_replace.value)


def test_the_documented_model_api_is_unchanged() -> None:
    """replaced is a speed-up inside glossari, not a name the API documents (docs/api.md
    documents glossari.model's __all__): a reader changes a value with dataclasses.replace."""
    from glossari import model

    assert "replaced" not in model.__all__
    assert set(model.__all__) == {"Block", "BlockKind", "English", "Link", "Location", "Names",
                                  "Section", "Status", "Term", "TermKind"}


_SECTIONS = st.lists(st.builds(Section, heading=_TEXT, level=st.integers(1, 3),
                               line=st.integers(1, 99),
                               blocks=st.lists(_BLOCKS, max_size=3).map(tuple)),
                     max_size=3).map(tuple)


@settings(max_examples=100, deadline=None)
@given(_SECTIONS, _SECTIONS, st.lists(_BLOCKS, max_size=2).map(tuple))
def test_an_outline_is_the_one_replace_gives(sections: tuple[Section, ...],
                                             english: tuple[Section, ...],
                                             highlights: tuple[Block, ...]) -> None:
    """compile outlines every article (glossari.align.compose.outline) without checking its
    fields again (glossari.model.reassembled): every field of the outline, those left out of ==
    too, is what dataclasses.replace of the same parts gives."""
    from glossari.align.compose import _ELIDED, outline

    term = Term(id="peniaga-broker", title="Peniaga broker", sections=sections,
                highlights=highlights, source=Location(path="seeds/peniaga-broker.md", line=1),
                english=English(title="Broker-dealer", status="translated", sections=english,
                                highlights=highlights))
    kept = {(s, b) for s, section in enumerate(sections)
            for b, block in enumerate(section.blocks) if block.links}

    def cut(of: tuple[Section, ...]) -> tuple[Section, ...]:
        return tuple(dataclasses.replace(section, blocks=tuple(
            block if (s, b) in kept else _ELIDED for b, block in enumerate(section.blocks)))
            for s, section in enumerate(of))

    expected = dataclasses.replace(term, sections=cut(sections), highlights=(),
                                   english=dataclasses.replace(term.english,
                                                               sections=cut(english),
                                                               highlights=()))
    got = outline(term)
    assert type(got) is Term
    assert type(got.english) is English
    assert _every_field(got) == _every_field(expected)
    assert _every_field(got.english) == _every_field(expected.english)


def test_replaced_still_checks_once_reassembled_made_a_copier_of_the_same_fields() -> None:
    """reassembled keeps its copiers apart: one made for Term's names must not serve replaced,
    which checks a Term's fields."""
    from glossari.model import Names, reassembled

    term = Term(id="saham-saham", title="Saham-saham",
                source=Location(path="seeds/saham-saham.md", line=1))
    names = Names(aliases=("saham",))
    assert reassembled(term, names=names) == dataclasses.replace(term, names=names)
    assert reassembled(term, names=names).names == names
    assert "reassembled" not in __import__("glossari.model").model.__all__
    with pytest.raises(TypeError):
        replaced(term, title=["Saham"])
    reassembled(term, title="Pelaburannya")
    with pytest.raises(TypeError):
        replaced(term, title=["Saham"])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_SECTIONS, _SECTIONS, st.lists(_BLOCKS, max_size=2).map(tuple)),
                min_size=1, max_size=4))
def test_each_article_set_aside_comes_back_whole_and_alone(
        parts: list[tuple[tuple[Section, ...], tuple[Section, ...], tuple[Block, ...]]]) -> None:
    """compile sets every article aside through one pickler (glossari.termbase.bodies.Bodies,
    the store's reduction of a model object to its field values): each comes back, read by
    itself and in any order, with every field, those left out of == too, as it was kept."""
    import tempfile
    from pathlib import Path

    from glossari.model import Names
    from glossari.termbase.bodies import Bodies

    terms = [Term(id=f"saham-{n}", title="Saham-saham", sections=sections, highlights=highlights,
                  source=Location(path=f"seeds/saham-{n}.md", line=1),
                  english=English(title="Shares", status="fuzzy", sections=english))
             for n, (sections, english, highlights) in enumerate(parts)]
    with tempfile.TemporaryDirectory() as folder:
        bodies = Bodies(Path(folder))
        try:
            for term in terms:
                bodies.keep(term)
            bodies.ready()
            named = [dataclasses.replace(t, names=Names(aliases=("PB",))) for t in terms]
            for term, back in zip(reversed(named), bodies.whole(named[::-1]), strict=True):
                assert _every_field(back) == _every_field(term)
                assert _every_field(back.english) == _every_field(term.english)
                assert [_every_field(b) for s in back.sections for b in s.blocks] == [
                    _every_field(b) for s in term.sections for b in s.blocks]
        finally:
            bodies.close()
