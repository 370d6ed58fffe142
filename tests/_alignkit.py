"""Shared helpers for the alignment and rendering tests: run the CLI on a scratch glossary."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from glossari.cli import main
from glossari.glossary import Glossary

REPO = Path(__file__).resolve().parent.parent
PARALLEL = REPO / "tests" / "data" / "parallel"
SEED = REPO / "seeds" / "accountexecutive.md"
SEED_EN = REPO / "docs" / "examples" / "en"


def cli(*argv: str | Path, root: Path | None = None) -> tuple[int, str, str]:
    """Run ``glossari [--root root] argv...``; returns (exit code, stdout, stderr)."""
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    args = ([f"--root={root}"] if root is not None else []) + [str(a) for a in argv]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def ok(*argv: str | Path, root: Path | None = None) -> str:
    """Run the CLI and insist on exit 0; returns stdout."""
    code, out, err = cli(*argv, root=root)
    assert code == 0, f"glossari {' '.join(map(str, argv))} -> {code}\n{out}\n{err}"
    return out


def parallel_root(tmp: Path) -> Path:
    """A glossary folder whose seeds/ is a copy of tests/data/parallel/ms."""
    root = tmp / "parallel"
    shutil.copytree(PARALLEL / "ms", root / "seeds")
    return root


def seed_root(tmp: Path) -> Path:
    """A glossary folder holding the shipped seed only (no catalogs)."""
    root = tmp / "seed"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED, root / "seeds")
    return root


def catalogs(root: Path, lang: str = "en") -> dict[str, bytes]:
    """The bytes of every ``.po`` of ``lang`` under ``root``, by file name."""
    folder = root / "locale" / lang / "LC_MESSAGES"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.po"))}


def prepared(root: Path, lang: str = "en") -> Path:
    """``extract`` and ``update -l lang`` on ``root``: empty catalogs ready for ``align``."""
    ok("extract", root=root)
    ok("update", "-l", lang, root=root)
    return root


def rendered_seed(tmp: Path) -> tuple[Path, Path]:
    """The seed glossary aligned with its English (``SEED_EN``) and rendered once into
    ``tmp/out``: ``(root, out_dir)``."""
    root = prepared(seed_root(tmp))
    ok("align", "-l", "en", SEED_EN, root=root)
    out_dir = tmp / "out"
    ok("render", "-l", "en", "-o", out_dir, root=root)
    return root, out_dir


def scratch_glossary(tmp: Path, articles: dict[str, str]) -> Path:
    """A glossary folder in ``tmp`` holding ``seeds/<stem>.md`` for each article; returns it."""
    (tmp / "seeds").mkdir(parents=True)
    for stem, text in articles.items():
        (tmp / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
    return tmp


def sources_and_termbase(root: Path) -> tuple[Glossary, Glossary]:
    """The glossary of ``root`` read from its sources, and from a termbase compiled after
    ``extract`` and ``update -l en``: every answer must be the same through both."""
    import warnings

    import glossari
    from glossari.glossary import load_glossary

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sources = load_glossary(root, compiled=False)
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    ok("compile", "-l", "en", root=root)
    compiled = glossari.load(root)
    assert type(compiled).__name__ == "_CompiledGlossary"
    return sources, compiled
