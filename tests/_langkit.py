"""For tests of ``-l``: a command given a language it must refuse, in a glossary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossari.cli import main


def refused(root: Path, capsys: pytest.CaptureFixture[str], command: list[str], lang: str,
            places: dict[str, str]) -> str:
    """Run ``command`` (its words in ``places`` replaced by paths) with ``-l lang`` in ``root``
    and return its one-line error: exit 2, and nothing made or changed under ``locale/``."""
    argv = ["--root", str(root), command[0], "-l", lang,
            *(places.get(word, word) for word in command[1:])]
    before = sorted(p.relative_to(root) for p in (root / "locale").rglob("*"))
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert sorted(p.relative_to(root) for p in (root / "locale").rglob("*")) == before
    return err
