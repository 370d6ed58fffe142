"""The subcommands of ``glossari``: one module each, with ``configure`` and ``run``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossari.commands._context import Context
    from glossari.glossary import Glossary
    from glossari.root import GlossaryRoot

__all__ = ["read_glossary"]


def read_glossary(
    ctx: Context, lang: str = "en", *, root: GlossaryRoot | None = None
) -> Glossary:
    """The glossary for a command that reads it (``show``, ``table``, ``search``, ``find``,
    ``termcheck``, ``site``, ``import``): from the compiled termbase when fresh, else from the
    sources, saying so on standard error when it is a terminal (a person can run ``glossari
    compile``; a script reading the output needs no extra line). ``root`` defaults to
    ``ctx.root()``."""
    import warnings

    from glossari.glossary import TermbaseWarning, load_glossary

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TermbaseWarning)
        glossary = load_glossary(ctx.root() if root is None else root, lang=lang)
    for warning in caught:
        if issubclass(warning.category, TermbaseWarning):
            isatty = getattr(ctx.stderr, "isatty", None)
            if isatty is not None and isatty():
                print(f"glossari: note: {warning.message}", file=ctx.stderr)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename,
                                 warning.lineno)
    return glossary
