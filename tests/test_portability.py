"""Portable: nothing POSIX-only on the way to ``glossari.load()`` and ``table``.

The test runs a fresh interpreter whose ``sys.meta_path`` starts with a finder that refuses the
modules Windows lacks (``fcntl``, ``termios``, ``resource``, ``grp``, ``pwd``), as Windows'
Python would, and drops any already imported. ``import glossari``, ``glossari.load()`` and
``glossari table`` must still work. Without the blocker, ``_atomic.py`` imported ``fcntl`` at
module level and ``glossari.load()`` failed on Windows. Files saved with Windows line endings
(CRLF) are read as with LF.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCKER = textwrap.dedent("""
    import sys
    from importlib.abc import MetaPathFinder

    POSIX_ONLY = {"fcntl", "termios", "resource", "grp", "pwd"}

    class Windowsish(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in POSIX_ONLY:
                raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
            return None

    for name in POSIX_ONLY:
        sys.modules.pop(name, None)
    sys.meta_path.insert(0, Windowsish())
""")


def _run(body: str) -> subprocess.CompletedProcess[str]:
    code = BLOCKER + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=300)


def test_the_blocker_blocks() -> None:
    run = _run("import fcntl\n")
    assert run.returncode != 0
    assert "No module named 'fcntl' (blocked)" in run.stderr


def test_load_and_table_without_posix_modules() -> None:
    run = _run(f"""
        import glossari
        glossary = glossari.load({str(ROOT)!r})
        print(len(glossary), glossary.lookup("eksekutif akaun").id)
        from glossari.cli import main
        code = main(["--root", {str(ROOT)!r}, "table", "--format", "csv"])
        assert "fcntl" not in sys.modules
        raise SystemExit(code)
    """)
    assert run.returncode == 0, run.stderr
    first, header = run.stdout.splitlines()[:2]
    assert first.endswith(" accountexecutive")
    assert int(first.split()[0]) > 1
    assert header.startswith("id,")


def test_lock_without_fcntl_is_a_clear_outcome(tmp_path: Path) -> None:
    # the lock itself needs an OS lock; on Linux filelock falls back on fcntl, so with fcntl
    # hidden it must either work (another mechanism) or fail as one CatalogError, not a crash
    run = _run(f"""
        from glossari._atomic import locked
        from glossari.errors import CatalogError
        try:
            with locked({str(tmp_path / "x.po")!r}):
                print("locked")
        except CatalogError as error:
            print("refused:", error)
    """)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(("locked", "refused:"))


def _crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


def test_windows_line_endings(tmp_path: Path) -> None:
    # an article and catalogs saved by Windows editors (CRLF): the same templates as with LF,
    # the catalogs read and checked, and left as the translator saved them
    import contextlib
    import io

    from glossari.cli import main

    roots = {}
    for name in ("lf", "crlf"):
        root = tmp_path / name
        (root / "seeds").mkdir(parents=True)
        article = root / "seeds" / "accountexecutive.md"
        article.write_bytes((ROOT / "seeds" / "accountexecutive.md").read_bytes())
        if name == "crlf":
            _crlf(article)
        with contextlib.redirect_stderr(io.StringIO()):
            assert main(["--root", str(root), "extract"]) == 0
            assert main(["--root", str(root), "update", "-l", "en"]) == 0
        roots[name] = root
    for template in sorted((roots["lf"] / "locale").glob("*.pot")):
        lf = [line for line in template.read_bytes().splitlines(keepends=True)
              if not line.startswith(b'"POT-Creation-Date')]
        crlf_path = roots["crlf"] / "locale" / template.name
        crlf = [line for line in crlf_path.read_bytes().splitlines(keepends=True)
                if not line.startswith(b'"POT-Creation-Date')]
        assert crlf == lf, template.name
    catalogs = sorted((roots["crlf"] / "locale" / "en" / "LC_MESSAGES").glob("*.po"))
    for catalog in catalogs:
        _crlf(catalog)
    before = {path: path.read_bytes() for path in catalogs}
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["--root", str(roots["crlf"]), "check", "-l", "en"]) == 0
        assert main(["--root", str(roots["crlf"]), "update", "-l", "en"]) == 0
    assert re.search(r"en: 0/\d+ translated", err.getvalue())
    assert {path: path.read_bytes() for path in catalogs} == before
