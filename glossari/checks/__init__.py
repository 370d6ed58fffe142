"""Quality checks: each yields findings, none raises.

:func:`run_checks` runs them all (:func:`stream_check` hands the findings on as they come);
the codes and their severities are in :data:`CODES` (documented in docs/checks.md).
"""

from __future__ import annotations

from glossari.checks.codes import CODES, Code
from glossari.checks.runner import CheckRun, Report, check, run_checks, stream_check

__all__ = ["CODES", "CheckRun", "Code", "Report", "check", "run_checks", "stream_check"]
