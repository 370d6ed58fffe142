"""Every public model class checks its fields as Term and English do, one _check_ rule a field:
a wrong type (a list for a tuple, None for a heading, a level of 9, a kind nobody reads) is
refused where it is made, naming Class.field, not stored to break a lookup far away (a list in
Names made an unhashable value; a Section of heading None broke every reader of headings)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import glossari
from glossari.model import Block, Link, Location, Names, Section, replaced

_GOOD: dict[type, dict[str, object]] = {
    Location: {"path": "seeds/peniaga-broker.md", "line": 3},
    Link: {"text": "saham-saham", "target": "shares", "line": 4, "suspicious": None,
           "rooted": True},
    Block: {"kind": "item", "text": "Pelaburannya [saham-saham](/shares).", "line": 4,
            "depth": 1, "ordered": True, "number": 2, "path": ("ol:1:2",),
            "links": (Link(text="saham-saham", target="shares", line=4),), "level": 0,
            "info": ""},
    Section: {"heading": "Sorotan", "level": 2, "line": 9,
              "blocks": (Block(kind="paragraph", text="Teks.", line=10),), "malformed": True},
    Names: {"aliases": ("PB",), "acronyms": ("FINRA",), "link_texts": ("pelaburannya",),
            "slugs": ("broker-dealer",), "english_variants": ("broker-dealers",)},
}

# values of the wrong type (or out of range) for every kind of field
_WRONG = st.sampled_from([None, 5, 2.5, True, "saham", ["saham"], ("saham", 1), b"x", -1, 9,
                          {"a": 1}, Location(path="a.md", line=1)])


def _refused(cls: type, name: str, value: object) -> bool:
    """Whether the field's own annotation refuses ``value`` (what the check must agree with)."""
    good = _GOOD[cls][name]
    if name == "suspicious":
        return not isinstance(value, str) and value is not None
    if name == "number":  # the item's number of an ordered block (_GOOD's is), from 0
        return type(value) is not int or value < 0  # type: ignore[operator]
    if name == "ordered":  # True: _GOOD's block has a number
        return value is not True
    if name in ("line", "depth"):
        return type(value) is not int or value < 0  # type: ignore[operator]
    if name == "level" and cls is Block:  # _GOOD's block is an item: level 0
        return type(value) is not int or value != 0
    if name == "level":  # _GOOD's section has a heading: level 1 to 6
        return type(value) is not int or not 1 <= value <= 6  # type: ignore[operator]
    if name == "kind":
        return value not in ("paragraph", "item", "quote", "table", "code", "rule", "heading")
    if isinstance(good, tuple):
        kinds = {type(item) for item in good}
        return not isinstance(value, tuple) or any(type(item) not in kinds for item in value)
    return type(value) is not type(good)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(_GOOD, key=lambda c: c.__name__)).flatmap(
    lambda cls: st.tuples(st.just(cls), st.sampled_from(sorted(_GOOD[cls])), _WRONG)))
def test_a_wrong_field_is_refused_where_it_is_made_naming_it(
        case: tuple[type, str, object]) -> None:
    cls, name, value = case
    fields = dict(_GOOD[cls], **{name: value})
    if not _refused(cls, name, value):
        made = cls(**fields)
        hash(made)
        return
    with pytest.raises((TypeError, ValueError), match=f"{cls.__name__}.{name}"):
        cls(**fields)
    # and a copy with it, by dataclasses.replace or by glossari's faster replaced, as well
    sound = cls(**_GOOD[cls])
    with pytest.raises((TypeError, ValueError), match=f"{cls.__name__}.{name}"):
        dataclasses.replace(sound, **{name: value})  # type: ignore[type-var]
    with pytest.raises((TypeError, ValueError), match=f"{cls.__name__}.{name}"):
        replaced(sound, **{name: value})


def test_the_examples_of_the_report() -> None:
    with pytest.raises(TypeError, match=r"Names\.aliases is a tuple of str, not list"):
        glossari.Names(aliases=["a"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Section\.heading is a str, not NoneType"):
        glossari.Section(heading=None, level=9, line=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"Section\.level"):
        glossari.Section(heading="Sorotan", level=9, line=1)
    with pytest.raises(TypeError, match=r"write \('saham-saham',\) for one"):
        glossari.Names(link_texts="saham-saham")  # type: ignore[arg-type]


def test_the_seed_reads_as_before() -> None:
    term = glossari.load().lookup("eksekutif akaun")
    assert term is not None
    assert term.sections
    assert term.links


@pytest.mark.parametrize(("fields", "message"), [
    ({"ordered": True, "number": -1}, r"Block\.number: a numbered item's number is 0 or more, "
                                      r"not -1"),
    ({"depth": -1}, r"Block\.depth: a nesting depth is 0 or more, not -1"),
    ({"ordered": False, "number": 3}, r"Block\.number: a block of a numbered list's item"),
    ({"ordered": True}, r"Block\.number: a block of a numbered list's item"),
])
def test_a_blocks_number_and_depth_are_checked_and_named(
        fields: dict[str, object], message: str) -> None:
    """Block(number=-1) was accepted (an item numbered -1 on the site and in show), and
    Block(depth=-1) refused as 'a line number is 1 or more'."""
    with pytest.raises(ValueError, match=message):
        Block(kind="item", text="Pelaburannya naik.", line=4, **fields)  # type: ignore[arg-type]
    sound = Block(kind="item", text="Pelaburannya naik.", line=4, ordered=True, number=0)
    with pytest.raises(ValueError, match=message):
        replaced(sound, **{"ordered": True, "number": None, **fields})


@pytest.mark.parametrize(("make", "message"), [
    (lambda: Block(kind="heading", text="Nota", line=3, level=0),
     r"Block\.level: a heading's level is 1 to 6, and another block's 0"),
    (lambda: Block(kind="paragraph", text="Saham-saham naik.", line=3, level=2),
     r"Block\.level: a heading's level is 1 to 6, and another block's 0"),
    (lambda: Section(heading="Sorotan", level=0, line=9),
     r"Section\.level: level 0 is the untitled leading section's"),
])
def test_a_level_goes_with_a_heading(make: object, message: str) -> None:
    """A heading block of level 0 was shown by show as its text behind a space (no '#'), a
    paragraph of level 2 and a titled section of level 0 were taken as they came."""
    with pytest.raises(ValueError, match=message):
        make()  # type: ignore[operator]
