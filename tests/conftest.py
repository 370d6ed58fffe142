"""Shared pytest set-up: hypothesis profiles.

Two profiles:

- ``default`` (loaded unless told otherwise): modest example counts, so the whole suite runs in a
  few minutes on two cores;
- ``fuzz``: long runs of the fuzz and no-loss tests, for a night or a release
  (``uv run pytest tests/test_fuzz.py tests/test_no_loss.py --hypothesis-profile=fuzz``, or set
  ``GLOSSARI_FUZZ=1``). See docs/reliability.md.

Neither profile has a deadline: tests never assert on wall-clock time.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=50,
    stateful_step_count=20,
    deadline=None,
)
settings.register_profile(
    "fuzz",
    max_examples=5_000,
    stateful_step_count=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# `--hypothesis-profile=NAME` (hypothesis' own pytest option) loads its profile after this.
settings.load_profile("fuzz" if os.environ.get("GLOSSARI_FUZZ") else "default")


_NO_LOSS = pytest.StashKey[dict[str, int]]()


@pytest.fixture
def no_loss_steps(request: pytest.FixtureRequest) -> dict[str, int]:
    """A dict the no-loss state machine fills with its step count, printed in the summary."""
    return request.config.stash.setdefault(_NO_LOSS, {})


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many steps the no-loss state machine ran (shown even without ``-s``)."""
    stats = terminalreporter.config.stash.get(_NO_LOSS, None)
    if stats:
        terminalreporter.write_sep("-", "no-loss state machine")
        terminalreporter.write_line(", ".join(f"{k}: {v}" for k, v in stats.items()))


@pytest.fixture(scope="module")
def template_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A glossary holding the real seed, its templates and an en catalog (one per module)."""
    from glossari.cli import main

    root = tmp_path_factory.mktemp("template") / "glossary"
    shutil.copytree(Path(__file__).parent.parent / "seeds", root / "seeds")
    (root / "locale").mkdir()
    assert main(["--root", str(root), "extract"]) == 0
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    return root


@pytest.fixture
def compiled_root(tmp_path: Path) -> Path:
    """The repository's glossary plus two articles linking to it, compiled."""
    root = tmp_path / "glossary"
    shutil.copytree(Path(__file__).resolve().parent.parent / "seeds", root / "seeds")
    shutil.copytree(Path(__file__).resolve().parent.parent / "locale", root / "locale")
    (root / "seeds" / "ekuiti.md").write_text(
        "---\ntitle: Ékuiti\ndescription: Bahagian pemilikan dalam syarikat.\n"
        "keywords: Saham, Pelaburan\naliases: equity-share\n---\n\n# Ékuiti\n\n"
        "Ékuiti dibeli melalui [peniaga broker](/broker-dealer) atau "
        "[eksekutif akaun](/accountexecutive).\n", encoding="utf-8")
    (root / "seeds" / "bon.md").write_text(
        "---\ntitle: Bon korporat\ndescription: Hutang yang diterbitkan syarikat.\n---\n\n"
        "Lihat [ekuiti](/ekuiti) dan [ekuiti](/ekuiti).\n", encoding="utf-8")
    from tests._clock import compile_after_save

    # the two articles just saved are racy, so their bytes are hashed on every load (a test
    # may change one keeping its size and time), however long compile took to get to the build
    compile_after_save(root, root / "seeds" / "bon.md")
    return root


@pytest.fixture(scope="session")
def chromium() -> str:
    """The chromium the browser tests drive (``_browser.chromium_path``: a failure, not a skip,
    where CI installed it)."""
    from _browser import chromium_path

    return chromium_path()
