"""Sphinx configuration: the API reference from the docstrings, with the guides of docs/.

Built strict (warnings are errors) by tests/test_docs.py:
``python -m sphinx -W --keep-going -b html docs docs/_build/html``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import glossari

project = "glossari"
author = "the glossari authors"
copyright = "the glossari authors"
version = release = glossari.__version__

extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode", "myst_parser"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
# docs/examples/en/ holds a translated article as align reads it (links are site paths such as
# /finra, not pages of this site): an input of the alignment guide, not a page.
exclude_patterns = ["_build", "examples/en"]
myst_heading_anchors = 3
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
html_theme = "alabaster"
html_static_path: list[str] = []
