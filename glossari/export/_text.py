"""Small text helpers shared by the table renderers (private).

>>> strip_controls("a\\x00b\\tc\\x1b")
'ab\\tc'
"""

from __future__ import annotations

import re

__all__ = ["strip_controls"]

# XML 1.0 forbids these outright (lone surrogates and the two non-characters too); HTML calls
# them parse errors and browsers turn NUL into U+FFFD. Tab, newline and carriage return stay.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """``text`` without the control characters that XML 1.0 cannot carry (tab, LF, CR kept)."""
    return _ILLEGAL.sub("", text)

