"""Wheel build hook: the bundled glossary ships with its compiled termbase.

``pyproject.toml`` force-includes ``seeds/`` and ``locale/`` as ``glossari/_bundle/``; this hook
compiles the termbase of each language of that glossary (``locale/LANG/glossari.sqlite``, see
docs/termbase.md) into a temporary folder and adds it to the wheel, so an installed glossari opens
its glossary instantly without ever writing anything. The termbase is built by the very code
that goes into the wheel (the checkout's ``glossari/``, imported from here), so its fingerprint
matches the installed package. A termbase compiled in the checkout itself is never shipped: it
may be stale, and it is not tracked (``.gitignore``).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TermbaseHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        try:
            from glossari.catalog.translations import catalog_folder  # noqa: F401  (deps present)
            from glossari.glossary import load_glossary
            from glossari.root import GlossaryRoot
            from glossari.termbase import TERMBASE_NAME, snapshot, write_termbase
        finally:
            sys.path.remove(self.root)
        root = GlossaryRoot(path=Path(self.root))
        self._folder = Path(tempfile.mkdtemp(prefix="glossari-termbase-"))
        langs = sorted(p.parent.name for p in root.locale.glob("*/LC_MESSAGES") if p.is_dir())
        for lang in langs or ["en"]:
            inputs = snapshot(root, lang)
            glossary = load_glossary(root, lang=lang, compiled=False)
            built = self._folder / lang / TERMBASE_NAME
            write_termbase(built, glossary, inputs)
            build_data["force_include"][str(built)] = f"glossari/_bundle/locale/{lang}/{TERMBASE_NAME}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
