"""Smoke test of the benchmark corpus: deterministic, shaped like the seed, readable by glossari.

The benchmarks themselves are run by hand (benchmarks/README.md), never timed here; this only
makes sure the corpus they run on stays what they claim it is.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import glossari
from glossari.catalog.messages import iter_messages

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package: load each by path
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


corpus = _module("corpus")


def _generate(outdir: Path, n: int = 20, seed: int = 0) -> dict[str, bytes]:
    subprocess.run([sys.executable, str(BENCHMARKS / "corpus.py"), str(n), str(outdir),
                    "--seed", str(seed)], check=True, capture_output=True)
    return {p.name: p.read_bytes() for p in sorted((outdir / "seeds").glob("*.md"))}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus")
    _generate(path)
    return path


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a")
    second = _generate(tmp_path / "b")
    assert len(first) == 20
    assert first == second
    assert _generate(tmp_path / "c", seed=1) != first


def test_regenerating_replaces_the_old_corpus(tmp_path: Path) -> None:
    _generate(tmp_path, n=30)
    assert len(_generate(tmp_path, n=20)) == 20


def test_refuses_a_folder_of_real_articles(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "mine.md").write_text("---\ntitle: Milik saya\n---\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(BENCHMARKS / "corpus.py"), "5", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "not a generated corpus" in proc.stderr
    assert (tmp_path / "seeds" / "mine.md").exists()


def test_proportions_as_documented() -> None:
    articles = corpus.generate(1000, seed=0)
    ids = {a.slug for a in articles}
    counts = []
    missing = total = 0
    for article in articles:
        targets = [chunk.split(")", 1)[0] for chunk in article.text.split("](/")[1:]]
        counts.append(len(targets))
        total += len(targets)
        missing += sum(t not in ids for t in targets)
    assert min(counts) == 0
    assert max(counts) == 6
    assert 2.5 <= total / len(articles) <= 3.5
    assert 0.10 <= missing / total <= 0.25  # about one link in six to a slug with no article
    malformed = sum("\n##Sorotan\n" in a.text for a in articles)
    assert 60 <= malformed <= 140  # about one in ten
    assert all(("\n##Sorotan\n" in a.text) != ("\n## Sorotan\n" in a.text) for a in articles)
    assert all(a.slug.replace("-", "").isalpha() and a.slug.islower() for a in articles)


def test_every_article_is_readable_by_glossari(root: Path) -> None:
    glossary = glossari.load(root)
    articles = [t for t in glossary if t.kind == "article"]
    assert len(articles) == 20
    assert len(glossary) >= 20  # link-only terms may come on top
    for term in articles:
        assert term.title
        assert term.description
        assert term.categories
        assert term.highlights, f"{term.id}: the Sorotan list was not recognised"


def test_about_26_messages_per_article_like_the_seed(root: Path) -> None:
    glossary = glossari.load(root)
    per_article = [len(list(iter_messages(t))) for t in glossary if t.kind == "article"]
    assert 20 <= sum(per_article) / len(per_article) <= 32


def test_changing_one_article_changes_one_message(root: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(root / "seeds", copy / "seeds")
    path = sorted((copy / "seeds").glob("*.md"))[3]
    corpus.change_article(path, seed=7)
    before = {m.key for t in glossari.load(root) for m in iter_messages(t)}
    after = {m.key for t in glossari.load(copy) for m in iter_messages(t)}
    assert len(after - before) == 1


def test_change_blocks_edits_that_many_messages(root: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(root / "seeds", copy / "seeds")
    assert corpus.change_blocks(copy / "seeds", 25, seed=1) == 25
    before = {m.key for t in glossari.load(root) for m in iter_messages(t)}
    after = {m.key for t in glossari.load(copy) for m in iter_messages(t)}
    assert len(after - before) == 25


def test_stand_in_templates_pass_msgfmt_check(root: Path, tmp_path: Path) -> None:
    work = tmp_path / "root"
    shutil.copytree(root / "seeds", work / "seeds")
    templates = _module("templates")
    domains = templates.write(work, "en")
    assert "glossary" in domains
    for domain in domains:
        for path in (work / "locale" / f"{domain}.pot",
                     work / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"):
            proc = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
                                  capture_output=True, text=True)
            assert proc.returncode == 0, proc.stderr
    expected = sum(1 for t in glossari.load(work) for _ in iter_messages(t))
    written = sum(p.read_text(encoding="utf-8").count("\nmsgid ")
                  for p in (work / "locale").glob("*.pot"))
    assert 0 < written <= expected  # identical texts merge into one message


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_saved_runs_name_no_path_of_the_machine_that_ran_them() -> None:
    import json
    import re

    absolute = re.compile(r"(^|[\s'\"(=])(/[A-Za-z0-9_.-]+/|[A-Za-z]:[\\/]|~/)")
    saved = sorted((BENCHMARKS / "results").glob("*.json"))
    assert saved
    for path in saved:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert re.fullmatch(r"CPython \d+\.\d+\.\d+", data["meta"]["python"]), path.name
        for text in _strings(data):
            assert not absolute.search(text), f"{path.name}: {text!r}"


def test_the_writer_names_the_interpreter_by_version_and_relative_path() -> None:
    run = _module("run")
    version, where = run.interpreter(sys.executable)
    assert version == f"CPython {sys.version.split()[0]}"
    assert not Path(where).is_absolute()
    assert run.relative_path(BENCHMARKS / "run.py") == "benchmarks/run.py"
    assert run.relative_path("/somewhere/else/python3") == "python3"


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads /proc (Linux)")
def test_compile_memory_reports_each_step_and_writes_no_termbase(tmp_path: Path) -> None:
    """benchmarks/compile_memory.py prints one line for each step of a whole termbase build,
    resident and peak sets that only grow along the peak, and leaves no termbase behind."""
    _generate(tmp_path, n=30)
    done = subprocess.run([sys.executable, str(BENCHMARKS / "compile_memory.py"), str(tmp_path)],
                          check=True, capture_output=True, text=True)
    lines = done.stdout.splitlines()
    assert [line.split("  ")[0] for line in lines] == [
        "start", "inputs recorded", "glossary read", "termbase written"]
    peaks = [int(line.split("MB now")[1].split()[0]) for line in lines]
    assert peaks == sorted(peaks)
    assert peaks[0] > 0
    assert not list(tmp_path.rglob("glossari.sqlite"))
    usage = subprocess.run([sys.executable, str(BENCHMARKS / "compile_memory.py")],
                           capture_output=True, text=True)
    assert usage.returncode == 2
    assert "compile_memory.py ROOT [LANG]" in usage.stderr
