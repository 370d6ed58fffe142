"""The hooks of .pre-commit-hooks.yaml, run by the real ``pre-commit try-repo`` on a sample
glossary repository.

pre-commit installs glossari (this checkout, as try-repo shadows it) into its own virtual
environment with pip, which needs glossari's dependencies from the package index (or a local
mirror / pip cache). The environment is built once per test session (``PRE_COMMIT_HOME`` in a
temporary folder); when pip cannot reach an index, the tests are skipped and say so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from glossari.cli import main

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent))


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if PRE_COMMIT is None:
        pytest.skip("pre-commit is a dev dependency; `uv run pytest` installs it")
    if not (REPO / ".git").exists():
        pytest.skip("pre-commit try-repo needs a git checkout (an unpacked sdist is none)")
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org", "PRE_COMMIT_COLOR": "never"}


def git(folder: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


@pytest.fixture
def glossary(tmp_path: Path, env: dict[str, str]) -> Path:
    folder = tmp_path / "glossary"
    (folder / "seeds").mkdir(parents=True)
    shutil.copy(REPO / "seeds" / "accountexecutive.md", folder / "seeds")
    assert main(["--root", str(folder), "extract"]) == 0
    (folder / ".gitignore").write_text(".glossari-cache/\n", encoding="utf-8")
    git(folder, "init", "-q", env=env)
    git(folder, "add", ".", env=env)
    git(folder, "commit", "-q", "-m", "glossary", env=env)
    return folder


def try_repo(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Every hook of this checkout, as ``pre-commit try-repo`` runs them. try-repo clones the
    checkout into a new shadow repository each time, so each call installs glossari anew (about
    a minute): the tests make two calls."""
    assert PRE_COMMIT is not None
    done = subprocess.run([PRE_COMMIT, "try-repo", str(REPO), "--all-files"], cwd=folder,
                          env=env, capture_output=True, text=True, check=False, timeout=1200)
    said = done.stdout + done.stderr
    if done.returncode == 3 or "An unexpected error has occurred" in said:
        if "pip" in said and ("network" in said.lower() or "No matching distribution" in said):
            pytest.skip("pre-commit could not install glossari's dependencies (offline?)")
        pytest.fail(said)
    return done


def test_both_hooks_pass_on_a_clean_glossary(glossary: Path, env: dict[str, str]) -> None:
    done = try_repo(glossary, env)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("glossari check", "glossari extract leaves no diff"):
        line = next(line for line in done.stdout.splitlines() if line.startswith(name))
        assert line.endswith("Passed")


def test_both_hooks_fail_on_findings_and_stale_templates(
    glossary: Path, env: dict[str, str]
) -> None:
    # a warning made to fail by the configuration, and an article changed without extract
    (glossary / "glossari.toml").write_text('[check]\nfail-on = "warning"\n', encoding="utf-8")
    article = glossary / "seeds" / "accountexecutive.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "Eksekutif akaun", "Eksekutif akaun kanan", 1), encoding="utf-8")
    git(glossary, "add", ".", env=env)
    template = (glossary / "locale" / "glossary.pot").read_bytes()
    done = try_repo(glossary, env)
    assert done.returncode == 1
    for name in ("glossari check", "glossari extract leaves no diff"):
        line = next(line for line in done.stdout.splitlines() if line.startswith(name))
        assert line.endswith("Failed")
    assert "S103" in done.stdout
    assert "files were modified by this hook" in done.stdout
    # the hook brought the template up to date for the author to add
    assert (glossary / "locale" / "glossary.pot").read_bytes() != template
    assert "Eksekutif akaun kanan" in (glossary / "locale" / "glossary.pot").read_text("utf-8")
