"""Quality checks: each yields findings, none raises.

:func:`run_checks` runs them all; the codes and their severities are in :data:`CODES`
(documented in docs/checks.md).
"""

from __future__ import annotations

from glossari.checks.codes import CODES, Code
from glossari.checks.runner import Report, check, run_checks

__all__ = ["CODES", "Code", "Report", "check", "run_checks"]
