"""Shared helpers for the catalog tests: GNU gettext oracles and a scratch glossary folder."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from glossari.catalog.pofile import PoFile, strings_width
from glossari.cli import main

REPO = Path(__file__).resolve().parent.parent

GNU = shutil.which("msgfmt") is not None and shutil.which("msgcat") is not None
needs_gnu = pytest.mark.skipif(not GNU, reason="GNU gettext (msgfmt, msgcat) is not installed")


def msgfmt_check(path: Path) -> str:
    """Run ``msgfmt --check`` on ``path``; fail the test on a non-zero exit. Returns stderr."""
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stderr


def assert_msgcat_fixed_point(path: Path) -> None:
    """``msgcat`` (what Poedit and Weblate save through) leaves the file byte for byte."""
    done = subprocess.run(["msgcat", str(path), "-o", "-"], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == path.read_bytes(), f"{path.name} is not a msgcat fixed point"


def check_written(path: Path) -> None:
    """Every oracle for a written .po/.pot."""
    if GNU:
        msgfmt_check(path)
        assert_msgcat_fixed_point(path)


def article(title: str, body: str = "", *, description: str | None = None,
            keywords: str | None = None) -> str:
    """The text of an article in the seed's format."""
    front = ["---"]
    if keywords is not None:
        front.append(f"keywords: {keywords}")
    front.append(f"title: {title}")
    if description is not None:
        front.append(f"description: {description}")
    front.append("---")
    return "\n".join(front) + "\n\n" + body


def make_root(tmp: Path, articles: dict[str, str] | None = None, *, seed: bool = False) -> Path:
    """A glossary folder with ``seeds/`` holding ``articles`` (file stem to text)."""
    root = tmp / "g"
    (root / "seeds").mkdir(parents=True)
    if seed:
        shutil.copy(REPO / "seeds" / "accountexecutive.md", root / "seeds")
    for stem, text in (articles or {}).items():
        (root / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
    return root


def cli(root: Path, *args: str) -> tuple[int, str]:
    """Run ``glossari --root ROOT ARGS`` in process; returns (exit code, stderr)."""
    import contextlib

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), *args])
    return code, err.getvalue()


EN_CATALOG = "locale/en/LC_MESSAGES/glossary.po"
"""The English glossary catalog of ``template_root`` (conftest), relative to its root."""


def copy_with_en_catalog(template_root: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """A copy of ``template_root``: (root, its English glossary catalog, that catalog's text,
    which holds the untranslated message ``Careers`` the catalog tests translate)."""
    root = tmp_path / "glossary"
    shutil.copytree(template_root, root)
    po = root / EN_CATALOG
    text = po.read_text("utf-8")
    assert 'msgid "Careers"\nmsgstr ""\n' in text
    return root, po, text


def strings_wrapped(po: PoFile) -> bool:
    """Whether the entries of ``po`` are to be written with their strings wrapped (at the width
    :func:`glossari.catalog.pofile.strings_width` reads), not whole: the tests' question, which
    the library asks of strings_width itself (it wants the width, and the width is the work).

    >>> line = 'msgstr "' + "kata " * 20 + '"\\n'
    >>> strings_wrapped(PoFile(header=None, entries=(), text_of_source=line))
    False
    >>> wrapped = 'msgstr ""\\n"' + "kata " * 14 + '"\\n"' + "kata " * 6 + '"\\n'
    >>> strings_wrapped(PoFile(header=None, entries=(), text_of_source=wrapped))
    True
    """
    return strings_width(po) is not None


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles parsed from here on (``glossari.seeds.cache.parse_article``), in
    the order they are parsed: what a cache saved is what is not in it."""
    from glossari.seeds import cache

    parsed: list[str] = []
    real = cache.parse_article

    def counting(text: str, *, term_id: str, source: str) -> Any:
        parsed.append(term_id)
        return real(text, term_id=term_id, source=source)

    monkeypatch.setattr(cache, "parse_article", counting)
    return parsed


def fill_untranslated(folder: Path, translations: dict[str, str]) -> None:
    """Give each msgid of ``translations`` its msgstr (as written into the PO file: escape it
    first) wherever it stands untranslated in the catalogs of ``folder``, a plain text edit of
    each ``*.po``, as a translator's editor makes."""
    for path in folder.glob("*.po"):
        text = path.read_text(encoding="utf-8")
        for msgid, msgstr in translations.items():
            text = text.replace(f'msgid "{msgid}"\nmsgstr ""',
                                f'msgid "{msgid}"\nmsgstr "{msgstr}"')
        path.write_text(text, encoding="utf-8")
