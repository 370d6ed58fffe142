"""Frozen dataclasses to JSON values and back, driven by their fields and type hints.

Nothing here knows a ``Term``: a dataclass becomes a JSON object keyed by its field names (every
field, in declaration order), a tuple a JSON array, and the way back reads each field's type hint,
so a field added to the model is stored and rebuilt without touching this module. A type the
codec cannot carry losslessly raises :class:`TypeError` when its decoder is made, not later.

>>> from glossari.model import Block, Link
>>> b = Block(kind="item", text="[a](/b)", line=4, links=(Link(text="a", target="b", line=4),))
>>> data = to_json(b)
>>> data["links"][0]["target"], data["line"]
('b', 4)
>>> from_json(Block, data) == b and from_json(Block, data).line == 4
True
"""

from __future__ import annotations

import dataclasses
import operator
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union

__all__ = ["dataclass_fields", "decoder", "from_json", "to_json"]

T = TypeVar("T")

_Decode = Callable[[Any], Any]


def to_json(value: object) -> Any:
    """``value`` as JSON-ready data: dataclass -> dict, tuple -> list, scalars as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # fields() per object is slow; the names of a class are read once (see _names)
        return {name: to_json(getattr(value, name)) for name in _names(type(value))}
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in the termbase")


def dataclass_fields(value: object) -> dict[str, Any]:
    """A dataclass instance as a dict of its fields (not recursive): ``json.dumps``'s
    ``default``, so that the C encoder does the rest (orjson, which writes the termbase, reads
    dataclasses itself and asks it only about a type it cannot write). Anything else raises
    :class:`TypeError`.

    >>> import json
    >>> from glossari.model import Location
    >>> json.dumps(Location(path="a", line=1), default=dataclass_fields)
    '{"path": "a", "line": 1}'
    """
    kind: Any = type(value)
    # json.dumps calls it for every object of every term (60 per term): one dict lookup, one
    # attrgetter call
    known = _GETTERS.get(kind)
    if known is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"cannot store a {kind.__name__} in the termbase")
        names = _names(kind)
        read: Callable[[Any], tuple[Any, ...]]
        if len(names) > 1:
            read = operator.attrgetter(*names)
        elif names:
            one = operator.attrgetter(names[0])
            read = lambda obj: (one(obj),)  # noqa: E731
        else:
            read = lambda obj: ()  # noqa: E731
        known = _GETTERS[kind] = (names, read)
    names, read = known
    return dict(zip(names, read(value), strict=True))


_GETTERS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def from_json(cls: type[T], data: Any) -> T:
    """Rebuild a ``cls`` (a dataclass) from :func:`to_json`'s output."""
    hint: Any = cls
    result: T = decoder(hint)(data)
    return result


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def decoder(hint: Any) -> _Decode:
    """A function rebuilding values of type ``hint`` from JSON data (cached per type)."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint in (str, int, float, bool, Any) or origin is typing.Literal:
        return _same
    if hint is type(None):
        return _same
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = decoder(args[0])
            if item is _same:
                return tuple
            return lambda data: tuple(map(item, data))
        items = tuple(decoder(a) for a in args)
        return lambda data: tuple(d(x) for d, x in zip(items, data, strict=True))
    if origin is Union or origin is types.UnionType:
        others = [a for a in args if a is not type(None)]
        if len(others) == 1:
            inner = decoder(others[0])
            return lambda data: None if data is None else inner(data)
        if all(a in (str, int, float, bool) for a in others):
            return _same
    if origin is dict:
        value = decoder(args[1])
        return lambda data: {k: value(v) for k, v in data.items()}
    raise TypeError(f"the termbase cannot store values of type {hint!r}")


def _same(data: Any) -> Any:
    return data


def _dataclass_decoder(cls: type) -> _Decode:
    hints = typing.get_type_hints(cls)
    # only fields the constructor takes: a field(init=False) is derived, not stored state
    fields = [(f.name, decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init]

    # a term is about 60 objects and tables read thousands of terms: plain values (most
    # fields) are passed as they are, not through a call
    plain = frozenset(name for name, d in fields if d is _same)

    def decode(data: Any) -> Any:
        return cls(**{name: data[name] if name in plain else d(data[name])
                      for name, d in fields if name in data})

    return decode
