"""Declare what is imported, import what is declared; langdetect's internals pinned.

The package's third-party imports (every ``import`` in ``glossari/``, read with :mod:`ast`) are
mapped to their distributions with :func:`importlib.metadata.packages_distributions` and compared
with ``[project] dependencies`` of ``pyproject.toml``: an undeclared import (PyYAML once) or an
unused declaration (polib once) fails here.
"""

from __future__ import annotations

import ast
import inspect
import json
import os
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_canonical(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0])
            for spec in project["dependencies"]}


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "glossari").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found
            if name != "glossari" and name not in sys.stdlib_module_names}


def test_every_import_is_declared_and_every_declaration_imported() -> None:
    distributions = packages_distributions()
    imported = set()
    for module in _imported_modules():
        assert module in distributions, f"{module} is imported but no installed package has it"
        imported.update(_canonical(d) for d in distributions[module])
    declared = _declared()
    assert imported - declared == set(), "imported by glossari/ but not declared"
    assert declared - imported == set(), "declared but not imported by glossari/"


def test_every_dependency_says_what_it_does() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("dependencies = [", 1)[1].split("]", 1)[0]
    lines = [line for line in block.splitlines() if line.strip().startswith('"')]
    assert lines
    for line in lines:
        assert re.search(r'",\s+# \S', line), f"no comment beside: {line.strip()}"


def test_langdetect_internals_used_by_the_adapter_are_still_there() -> None:
    # glossari/langid.py loads the profiles itself (sorted, so float sums agree on every machine)
    # through LangProfile and DetectorFactory.add_profile, which are not langdetect's public API.
    # When a langdetect release changes them, this test says so before the adapter breaks.
    from langdetect import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    assert list(inspect.signature(DetectorFactory.add_profile).parameters) == [
        "self", "profile", "index", "langsize"]
    assert {"name", "freq", "n_words"} <= set(inspect.signature(LangProfile).parameters)
    names = sorted(os.listdir(PROFILES_DIRECTORY))
    assert "id" in names
    with open(os.path.join(PROFILES_DIRECTORY, "id"), encoding="utf-8") as handle:
        assert set(json.load(handle)) == {"name", "freq", "n_words"}


def test_adapter_agrees_with_langdetects_public_api() -> None:
    # the public detect_langs() over the same profiles and seed gives the same verdicts
    from langdetect import DetectorFactory, detect_langs

    from glossari.langid import malay_probability

    DetectorFactory.seed = 0
    texts = [
        "Eksekutif akaun ialah pekerja yang menguruskan akaun pelanggan syarikat",
        "An account executive manages the accounts of the firm's clients",
        "Syarikat-syarikat broker mesti mendaftar dengan suruhanjaya sekuriti",
    ]
    for text in texts:
        public = sum(lang.prob for lang in detect_langs(text) if lang.lang in ("id", "ms"))
        ours = malay_probability(text)
        assert ours is not None
        assert (ours >= 0.5) == (public >= 0.5)
        assert abs(ours - public) < 0.05
