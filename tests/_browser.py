"""Headless chromium for the browser tests (Debian's package; no extra Python package).

Skipped only when chromium is absent outside CI; with ``CI=true`` a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def chromium_path() -> str:
    """The chromium executable, or skip (fail in CI)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if found is None:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail("chromium is missing in CI; .ci/run should apt-get install chromium")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def run_chromium(chromium: str, tmp_path: Path, url: str,
                 *extra: str) -> subprocess.CompletedProcess[str]:
    """Load ``url`` in a fresh headless profile under ``tmp_path`` with ``extra`` switches."""
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
        f"--user-data-dir={profile}",
        *extra,
        url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
