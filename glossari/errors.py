"""glossari's exceptions: each names a file and a 1-based line, like a compiler.

Every error is a :class:`GlossariError`, which is also a :class:`ValueError`, so callers can catch
either. ``str(error)`` is the one line the command line prints:

>>> str(SeedError("title is missing", path="seeds/x.md", line=2, hint="add a 'title:' line"))
"seeds/x.md:2: title is missing; add a 'title:' line"
>>> print(RootError("no seeds/ folder", path="a\\nb"))
a\\nb: no seeds/ folder
"""

from __future__ import annotations

__all__ = ["CatalogError", "ConfigError", "GlossariError", "InputError", "RootError", "SeedError"]


class GlossariError(ValueError):
    """Base class: something in the input is wrong, at ``path:line``.

    Catch it (or ``ValueError``) around whatever a user gave; ``path``, ``line`` and ``hint``
    say where and what to do:

    >>> import glossari
    >>> try:
    ...     glossari.load("no/such/glossary")
    ... except glossari.GlossariError as error:
    ...     print(type(error).__name__, error.path, error.line, error.message)
    RootError no/such/glossary 0 no such folder
    """

    def __init__(self, message: str, *, path: str, line: int = 0, hint: str = "") -> None:
        self.message = message
        """What is wrong."""
        self.path = path
        """The file concerned, as glossari names it."""
        self.line = line
        """1-based line, or 0 when the problem is the whole file."""
        self.hint = hint
        """What to do about it."""
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        text = f"{text}; {self.hint}" if self.hint else text
        # one line whatever a path or a quoted value holds (`align -l en $'a\nb'` printed two)
        return text.replace("\r", "\\r").replace("\n", "\\n")

    def __reduce__(self) -> tuple[object, ...]:
        # keyword-only arguments need help to survive pickling (multiprocessing workers)
        return (_rebuild, (type(self), self.message, self.path, self.line, self.hint))


def _rebuild(
    cls: type[GlossariError], message: str, path: str, line: int, hint: str
) -> GlossariError:
    return cls(message, path=path, line=line, hint=hint)


class SeedError(GlossariError):
    """An article in ``seeds/`` cannot be read.

    >>> print(SeedError("the article has no title", path="seeds/kos.md", line=3,
    ...                 hint="add 'title: <Malay headword>' to the front matter"))
    seeds/kos.md:3: the article has no title; add 'title: <Malay headword>' to the front matter
    """


class CatalogError(GlossariError):
    """A ``.po``, ``.pot`` or ``.mo`` file cannot be read or written, or a language has none.

    >>> import glossari
    >>> glossari.load(glossari.BUNDLED, lang="xx")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: lang: unknown language code 'xx'; use an ISO 639 code such as \
en, id or pt_BR
    """


class RootError(GlossariError):
    """The glossary folder is missing, incomplete, or read-only (the bundled glossary).

    >>> import glossari
    >>> glossari.load("no/such/glossary")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    glossari.errors.RootError: no/such/glossary: no such folder; give the glossary folder ...
    """


class ConfigError(GlossariError):
    """The configuration (``glossari.toml``, ``[tool.glossari]`` of ``pyproject.toml``) is wrong.

    >>> print(ConfigError("unknown key 'check.fail_on'", path="glossari.toml", line=2,
    ...                   hint="the keys are check.select, check.ignore, check.fail-on"))
    glossari.toml:2: unknown key 'check.fail_on'; the keys are check.select, check.ignore, \
check.fail-on
    """


class InputError(GlossariError):
    """A text given to a command (standard input, an argument) cannot be read, or an argument
    the API refuses, named as its ``path``.

    >>> import glossari
    >>> glossari.load().search("komisen", lang="xx")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    glossari.errors.InputError: lang: search reads Malay ('ms') or this glossary's ...
    """
