"""Wheel build hook: the bundled glossary ships with its compiled termbase.

This hook puts the bundled glossary (``seeds/`` and ``locale/``) into the wheel as
``glossari/_bundle/``, file by file (:func:`bundled`): the glossary's own files only, never what
working in the checkout leaves beside them (the catalog lock ``locale/.glossari-LANG.lock``, a
temporary file, an editor's backup, a termbase compiled there, which may be stale). It then
compiles the termbase of each language of that glossary (``locale/LANG/glossari.sqlite``, see
docs/termbase.md) into a temporary folder and adds it, so an installed glossari opens its glossary
instantly without ever writing anything. The termbase is built by the very code that goes into
the wheel (the checkout's ``glossari/``, imported from here), so its fingerprint matches the
installed package.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLED = ("seeds", "locale")
"""The folders of the bundled glossary."""


def bundled(root: Path, termbase_name: str) -> list[Path]:
    """The files of the bundled glossary under ``root``, relative to it: everything in
    :data:`BUNDLED` but hidden names (a lock, a temporary file, a cache), editor backups
    (``~``), and the compiled termbase, which this hook builds afresh."""
    found = []
    for top in BUNDLED:
        for path in sorted((root / top).rglob("*")):
            relative = path.relative_to(root)
            if (not path.is_file() or any(part.startswith(".") for part in relative.parts)
                    or path.name.endswith("~") or path.name == termbase_name):
                continue
            found.append(relative)
    return found


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
        for relative in bundled(Path(self.root), TERMBASE_NAME):
            build_data["force_include"][str(Path(self.root) / relative)] = (
                f"glossari/_bundle/{relative.as_posix()}")
        self._folder = Path(tempfile.mkdtemp(prefix="glossari-termbase-"))
        langs = sorted(p.parent.name for p in root.locale.glob("*/LC_MESSAGES") if p.is_dir())
        for lang in langs or ["en"]:
            # The checkout's modification times and the build's clock are not recorded: an
            # installer gives the files times of its own, so they could never be trusted there
            # (an installed glossari hashes the bundled files to check freshness either way),
            # and recorded they made every build of the wheel differ (reproducible builds).
            inputs = tuple(item._replace(mtime_ns=0) for item in snapshot(root, lang))
            glossary = load_glossary(root, lang=lang, compiled=False)
            built = self._folder / lang / TERMBASE_NAME
            write_termbase(built, glossary, inputs, built_ns=0)
            build_data["force_include"][str(built)] = (
                f"glossari/_bundle/locale/{lang}/{TERMBASE_NAME}")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
