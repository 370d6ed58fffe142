"""Golden files: every table format of the shipped glossary, byte for byte.

When the glossary or a renderer changes on purpose, regenerate them and review the diff:

    GLOSSARI_REGEN=1 uv run pytest tests/test_table_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from table_helpers import read_csv, read_html, read_markdown_table, xml_root
from translate.storage import tbx

import glossari
from glossari.export import render_table as render
from glossari.export.rows import Row, rows_from_glossary

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden" / "table"
REGEN = os.environ.get("GLOSSARI_REGEN") == "1"

CASES: dict[str, dict[str, object]] = {
    "glossary.md": {"fmt": "md"},
    "glossary.csv": {"fmt": "csv"},
    "glossary-weblate.csv": {"fmt": "csv", "weblate": True},
    "glossary.html": {"fmt": "html"},
    "glossary.tbx": {"fmt": "tbx"},
    "glossary-v3.tbx": {"fmt": "tbx", "tbx_version": "3"},
    "glossary.json": {"fmt": "json"},
}


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return rows_from_glossary(glossari.load(REPO))


def _render(rows: list[Row], name: str) -> str:
    options = dict(CASES[name])
    fmt = str(options.pop("fmt"))
    return render(rows, fmt, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(rows: list[Row], name: str) -> None:
    path = GOLDEN / name
    actual = _render(rows, name).encode("utf-8")
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert path.exists(), f"{path} is missing; run GLOSSARI_REGEN=1 uv run pytest {__file__}"
    assert actual == path.read_bytes(), (
        f"{name} differs from its golden file; if the change is intended, run "
        f"GLOSSARI_REGEN=1 uv run pytest tests/test_table_golden.py and review the diff"
    )


def test_goldens_cover_every_term(rows: list[Row]) -> None:
    n = len(rows)
    assert n >= 1
    text = {name: (GOLDEN / name).read_text(encoding="utf-8") for name in CASES}
    assert len(read_csv(text["glossary.csv"])) == n + 1
    assert len(read_markdown_table(text["glossary.md"])[1]) == n
    assert len(read_html(text["glossary.html"]).rows) == n
    with_headword = [r for r in rows if r.ms is not None or r.en is not None]
    assert len(list(xml_root(text["glossary.tbx"]).iter("termEntry"))) == len(with_headword)
    v3 = xml_root(text["glossary-v3.tbx"])
    assert len(list(v3.iter("{urn:iso:std:iso:30042:ed-2}conceptEntry"))) == len(with_headword)


def test_golden_tbx_pairs_in_translate_toolkit(rows: list[Row]) -> None:
    data = (GOLDEN / "glossary.tbx").read_bytes()
    # with the languages given (Weblate) and without (translate-toolkit's own tools, which
    # take an entry's first section as the source: FINRA, with no Malay headword, was read
    # as Malay with no translation): a term with no Malay headword has an empty source
    for store in (tbx.tbxfile.parsestring(data, sourcelanguage="ms", targetlanguage="en"),
                  tbx.tbxfile.parsestring(data)):
        pairs = {(u.source or None, u.target) for u in store.units}
        for row in rows:
            if row.ms is not None or row.en is not None:
                assert (row.ms, row.en) in pairs
