"""The bundled glossary ships in the wheel: build it, install it outside the checkout, import."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _checkout(tmp_path: Path) -> tuple[str, Path]:
    """``uv``, and a clean copy of what a wheel is built from (no caches, no termbase)."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed to build the wheel (the README's quick start needs it too)")
    source = tmp_path / "checkout"
    source.mkdir()
    for name in ("pyproject.toml", "hatch_build.py", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("glossari", "seeds", "locale"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns(
            "__pycache__", ".*", "*~", "*.sqlite"))
    return uv, source


@pytest.mark.slow
def test_wheel_installs_and_loads_the_bundled_glossary(tmp_path: Path) -> None:
    # built from a copy carrying what working in a checkout leaves beside the glossary: none of
    # it may ship (a termbase compiled there may be stale; a lock is nobody's business)
    uv, source = _checkout(tmp_path)
    shipped = sorted(p.relative_to(source).as_posix()
                     for top in ("seeds", "locale") for p in (source / top).rglob("*")
                     if p.is_file())
    debris = ["locale/.glossari-en.lock", "locale/.glossari-en-compile.lock",
              "locale/en/.glossari.sqlite.k1lled.tmp", "locale/en/glossari.sqlite",
              "seeds/.#draf.md", "locale/en/LC_MESSAGES/glossary.po~",
              ".glossari-cache/terms/a.pickle"]
    for name in debris:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(b"not glossary content")
    dist = tmp_path / "dist"
    subprocess.run([uv, "build", "--wheel", "--out-dir", str(dist), str(source)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("glossari-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        bundle = sorted(n.removeprefix("glossari/_bundle/") for n in archive.namelist()
                        if n.startswith("glossari/_bundle/"))
    assert bundle == sorted([*shipped, "locale/en/glossari.sqlite"])
    with zipfile.ZipFile(wheel) as archive:  # the hook's termbase, not the stale one
        assert archive.read("glossari/_bundle/locale/en/glossari.sqlite").startswith(
            b"SQLite format 3")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # uv resolves the wheel's dependencies from its cache (or the package index in CI).
    subprocess.run([uv, "pip", "install", "--python", str(python), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # the wheel ships a fresh compiled termbase: no warning, terms read from it, nothing written
    code = ("import glossari, pathlib, warnings; warnings.simplefilter('error'); "
            "g = glossari.load(); t = g.lookup('eksekutif akaun'); "
            "print(t.title); print(pathlib.Path(glossari.__file__).parent); "
            "print(type(g).__name__, g.search('akaun')[0].id)")
    site = next((env_dir / "lib").glob("python*/site-packages/glossari"))
    before = sorted(p for p in site.rglob("*") if "__pycache__" not in p.parts)
    run = subprocess.run([str(python), "-B", "-c", code], cwd=elsewhere, capture_output=True,
                         text=True, check=False, env={"PATH": os.environ.get("PATH", "")})
    assert run.returncode == 0, run.stderr
    title, package_dir, how = run.stdout.splitlines()
    assert title == "Eksekutif akaun"
    assert not Path(package_dir).is_relative_to(tmp_path / "checkout"), "imported from the checkout"
    assert not Path(package_dir).is_relative_to(ROOT), "imported from the checkout, not the wheel"
    assert how == "_CompiledGlossary accountexecutive"
    assert sorted(p for p in site.rglob("*") if "__pycache__" not in p.parts) == before
    assert list(elsewhere.iterdir()) == []
    cli = subprocess.run([str(env_dir / "bin" / "glossari"), "show", "accountexecutive"],
                         cwd=elsewhere, capture_output=True, text=True, check=False)
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout.startswith("Eksekutif akaun")
    # the site's templates and static files are package data: the wheel must carry them
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for name in ("base.html", "term.html", "index.html", "chart.svg", "sitemap.xml"):
        assert f"glossari/export/site/templates/{name}" in names
    for name in ("site.css", "site.js"):
        assert f"glossari/export/site/static/{name}" in names
    site = subprocess.run([str(env_dir / "bin" / "glossari"), "site", "-o", "site"],
                          cwd=elsewhere, capture_output=True, text=True, check=False)
    assert site.returncode == 0, site.stderr
    page = (elsewhere / "site" / "terms" / "accountexecutive.html").read_text(encoding="utf-8")
    assert '<h1 id="headword">Eksekutif akaun</h1>' in page
    assert (elsewhere / "site" / "assets" / "site.js").is_file()
    # typed (PEP 561): a user's script, checked by mypy --strict against the installed wheel,
    # sees the API's own types, the lazily imported public names included
    assert "glossari/py.typed" in names
    script = elsewhere / "user.py"
    script.write_text(
        "import glossari\n\n"
        "def headword(g: glossari.Glossary, name: str) -> str | None:\n"
        "    term: glossari.Term = g.lookup(name)\n"
        "    hits: list[glossari.SearchHit] = g.search(name)\n"
        "    found: list[glossari.TermMatch] = g.find_terms(name)\n"
        "    del hits, found\n"
        "    return term.english.title\n\n"
        "reveal_type(glossari.load())\n"
        "reveal_type(glossari.load().lookup('x').source.line)\n", encoding="utf-8")
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable",
         str(python), str(script)], cwd=elsewhere, capture_output=True, text=True, check=False)
    assert typed.returncode == 0, typed.stdout
    assert 'Revealed type is "glossari.glossary.Glossary"' in typed.stdout
    assert re.search(r'Revealed type is "(builtins\.)?int"', typed.stdout), typed.stdout


@pytest.mark.slow
def test_two_builds_of_the_wheel_are_the_same_bytes(tmp_path: Path) -> None:
    """The wheel's termbase recorded the checkout's modification times and the build's clock,
    so no two builds of one commit gave the same wheel (reproducible builds, SOURCE_DATE_EPOCH)."""
    uv, source = _checkout(tmp_path)
    wheels = []
    for n in range(2):
        for path in (source / "seeds").glob("*.md"):  # as a fresh clone or another machine
            os.utime(path, ns=(n * 10**9 + 1, n * 10**9 + 1))
        dist = tmp_path / f"dist{n}"
        subprocess.run([uv, "build", "--wheel", "--out-dir", str(dist), str(source)],
                       check=True, capture_output=True, env={**os.environ,
                                                             "SOURCE_DATE_EPOCH": "1700000000"})
        wheels.append(next(dist.glob("glossari-*.whl")).read_bytes())
    assert wheels[0] == wheels[1]


@pytest.mark.slow
def test_the_sdist_holds_what_the_tests_read(tmp_path: Path) -> None:
    """A packager runs the tests from the sdist: it lacked benchmarks/ (test_benchmarks_smoke.py
    failed to collect, test_langid.py's precision test failed) and .pre-commit-hooks.yaml."""
    import tarfile

    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed to build the sdist (the README's quick start needs it too)")
    subprocess.run([uv, "build", "--sdist", "--out-dir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    with tarfile.open(next(tmp_path.glob("glossari-*.tar.gz"))) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    wanted = {p.relative_to(ROOT).as_posix() for p in (ROOT / "benchmarks").rglob("*")
              if p.is_file() and "_work" not in p.parts and "__pycache__" not in p.parts}
    assert wanted
    assert wanted <= names, sorted(wanted - names)
    for name in (".pre-commit-hooks.yaml", "seeds/README.md", "LICENSE", "docs/conf.py",
                 "tests/test_wheel.py", "hatch_build.py"):
        assert name in names
    assert not any(name.startswith("benchmarks/_work/") for name in names)
