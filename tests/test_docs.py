"""The documentation site (Sphinx + autodoc + MyST): the guides of docs/ and the API reference
built from the docstrings, in strict mode (``-W``: any warning, such as a broken cross-reference,
a docstring that is not valid reStructuredText or a guide missing from the table of contents,
fails the build)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_docs_build_strict(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    out = tmp_path / "html"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-E", "-q", "-b", "html",
         "-d", str(tmp_path / "doctrees"), str(DOCS), str(out)],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    # every guide is a page of the site
    for guide in DOCS.glob("*.md"):
        assert (out / f"{guide.stem}.html").is_file(), guide.name
    api = (out / "api.html").read_text(encoding="utf-8")
    for documented in ("glossari.load", "Glossary", "FindingPolicy", "width_linebreaks",
                       "load_config", "GlossariError", "write_findings"):
        assert documented in api, documented
