"""The tables, ``import`` and ``render`` judge a translation by one rule
(:func:`glossari.catalog.usable.unusable_translation` of what render writes,
:func:`glossari.catalog.usable.written`): a definition's translation the tables export is one
``import`` takes and ``render`` publishes, and one they leave out is one ``import`` refuses and
``render`` keeps the Malay for.

A definition translated ``"\\t <b>"`` (raw HTML behind a tab, which Markdown reads as code) was
exported by the tables, written by render as ``description: <b>``, and refused by import as
"none render would publish"; ``<img src=x onerror=alert(1)>`` was judged alike by all three.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from _exchangekit import catalog_bytes, entry, fresh_copy, glossary_root, ok, run, translate
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.export.csvtable import neutralise
from glossari.text import excerpt, one_line, quoted

MALAY = "Baki selepas kos."  # the definition of `untung`, untranslated in the kit's catalog
VALUES = [
    "\t <b>",
    "<img src=x onerror=alert(1)>",
    "    <i>keuntungan</i> bersih",
    "\t\tProfit after [costs](/kos)",
    "\tWhat remains after costs.",
    "What remains\n  after costs.",
    "RM\u00a0100 <br>",
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return glossary_root(tmp_path_factory.mktemp("onerule"))


def _exported(root: Path) -> str | None:
    rows = json.loads(ok(root, "table", "--format", "json")[0])
    rows = rows["terms"] if isinstance(rows, dict) else rows
    return next(row["definition_en"] for row in rows if row["id"] == "untung")


def _rendered_description(root: Path) -> str:
    out = root.parent / "rendered"
    ok(root, "render", "-l", "en", "--min-coverage", "0", "-o", str(out), "--overwrite")
    text = (out / "untung.md").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("description:"))


@pytest.mark.parametrize("value", VALUES)
def test_what_the_tables_export_is_what_import_and_render_take(
        pristine: Path, tmp_path: Path, value: str) -> None:
    held = fresh_copy(pristine, tmp_path / "held")
    translate(held, {(None, MALAY): (value, False)})
    exported = _exported(held)
    published = _rendered_description(held) != f"description: {MALAY}"

    empty = fresh_copy(pristine, tmp_path / "empty")
    path = tmp_path / "definition.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["id", "en", "definition_en"],
                                   ["untung", "", neutralise(value)]])
    before = catalog_bytes(empty)
    code, _, err = run(empty, "import", str(path))
    taken = code == 0
    if taken:
        assert entry(empty, None, MALAY)[0] == one_line(value)
    else:
        assert code == 2, err
        assert "none render would publish" in err, err
        assert catalog_bytes(empty) == before

    assert (exported is not None) == taken == published, (exported, err, published)
    if exported is not None:
        assert exported == value


@settings(max_examples=15, deadline=None)
@given(st.text(st.sampled_from("ab \u00a0\u0301<>/"), min_size=40, max_size=90))
def test_a_refused_translation_is_quoted_as_every_message_quotes_a_value(
        pristine: Path, tmp_path_factory: pytest.TempPathFactory, words: str) -> None:
    """import's refusal quotes the value by :func:`glossari.text.excerpt` (one line, cut to 60
    characters, a no-break space kept as written), not by a cut of its own."""
    value = one_line(f"<img src=x onerror=alert(1)> {words}")
    empty = fresh_copy(pristine, tmp_path_factory.mktemp("quote"))
    path = empty.parent / "definition.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["id", "en", "definition_en"], ["untung", "", value]])
    code, _, err = run(empty, "import", str(path))
    assert code == 2, err
    assert f"the translated definition {quoted(excerpt(value))} of untung is none" in err, err


@pytest.mark.parametrize("value", [
    "RM\u00a0100 per unit",
    "Profit\u202fafter\u00a0costs",
    " \u00a0Net   profit\n after costs\t",
])
def test_render_writes_a_no_break_space_a_translator_wrote(
        pristine: Path, tmp_path: Path, value: str) -> None:
    """A headword or definition is written on one line (:func:`glossari.catalog.usable.
    written`), its layout white space one space, a no-break space kept as the translator wrote
    it, as the tables export it: render wrote ``RM\\u00a0100`` as ``RM 100``."""
    root = fresh_copy(pristine, tmp_path)
    translate(root, {("untung", "Untung"): (value, False), (None, MALAY): (value, False)})
    out = root.parent / "rendered"
    ok(root, "render", "-l", "en", "--min-coverage", "0", "-o", str(out))
    text = (out / "untung.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == front["description"] == one_line(value)
    rows = json.loads(ok(root, "table", "--format", "json")[0])
    rows = rows["terms"] if isinstance(rows, dict) else rows
    row = next(row for row in rows if row["id"] == "untung")
    assert one_line(row["en"]) == one_line(row["definition_en"]) == front["title"]
