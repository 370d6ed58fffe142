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
_BLOCKS = st.builds(
    Block, kind=st.sampled_from(["paragraph", "item", "quote", "table", "code", "heading"]),
    text=_TEXT, line=st.integers(1, 999), depth=st.integers(0, 3), ordered=st.booleans(),
    number=st.none() | st.integers(1, 9), path=st.sampled_from([(), ("quote:1",), ("ol:1:2",)]),
    links=_LINKS, level=st.integers(0, 6), info=st.sampled_from(["", "python"]))


def _every_field(value: object) -> dict[str, object]:
    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(_BLOCKS, st.dictionaries(st.sampled_from(["text", "line", "info", "links", "level"]),
                                st.just(None), max_size=3), _TEXT)
def test_a_block_replaced_is_the_block_replace_gives(block: Block, which: dict[str, None],
                                                     text: str) -> None:
    values: dict[str, object] = {"text": text, "line": 7, "info": "sql", "links": (), "level": 2}
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
