"""Small text helpers shared by the table renderers (private).

>>> strip_controls("a\\x00b\\tc\\x1b\\x85")
'ab\\tc'
"""

from __future__ import annotations

import re

__all__ = ["strip_controls"]

# XML 1.0 forbids C0 controls outright (lone surrogates and the two non-characters too); HTML
# calls them parse errors and browsers turn NUL into U+FFFD. DEL and the C1 controls (U+0085
# included) are legal XML but "discouraged", and no term ever needs one: they go too, so every
# format carries the same text. Tab, newline and carriage return stay.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """``text`` without control characters (C0 but tab, LF, CR; DEL; C1) or XML non-characters."""
    return _ILLEGAL.sub("", text)

