"""How a value looks after glossari's own exporter wrote it and a reader read it back (private).

A round trip must never look like an edit: TBX drops the control characters XML cannot carry,
CSV neutralises formula triggers with a leading ``'``. :func:`exported_form` applies the same
rules to a catalog's translation, so that comparing it with an imported value says "equal" when
the file only holds what glossari exported.

>>> exported_form("=1+1", "csv"), exported_form("a\\x1bb", "tbx-3"), exported_form("x", "csv")
('=1+1', 'ab', 'x')
>>> unneutralise("'=1+1"), unneutralise("'quoted'")
('=1+1', "'quoted'")
"""

from __future__ import annotations

from glossari.exchange.records import ExchangeFormat
from glossari.export.csvtable import FORMULA_TRIGGERS, neutralise
from glossari.text import strip_controls

__all__ = ["exported_form", "same_text", "unneutralise"]


def unneutralise(cell: str) -> str:
    """A CSV cell with the formula-neutralising ``'`` taken off (the exporter's inverse)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS) else cell


def exported_form(text: str, fmt: ExchangeFormat) -> str:
    """``text`` as a reader gets it back from glossari's exporter of ``fmt``."""
    if fmt in ("tbx-2008", "tbx-3"):
        return strip_controls(text)
    return unneutralise(neutralise(text))


def same_text(existing: str, imported: str, fmt: ExchangeFormat) -> bool:
    """True when ``imported`` is ``existing`` as exported to ``fmt`` and read back."""
    return existing == imported or exported_form(existing, fmt) == imported
