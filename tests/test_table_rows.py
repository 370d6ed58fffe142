"""Rows read off terms: fields, filters, sorting."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossari.export.rows import JSON_KEYS, rows_from_glossary
from glossari.glossary import Glossary
from glossari.model import English, Link, Location, Term


def _term(term_id: str, title: str | None, **kwargs: object) -> Term:
    return Term(id=term_id, title=title, source=Location(path=f"seeds/{term_id}.md", line=1),
                **kwargs)  # type: ignore[arg-type]


TERMS = [
    _term(
        "accountexecutive",
        "Eksekutif akaun",
        description="Pengurus akaun.",
        categories=("Kerjaya",),
        links=(
            Link(text="FINRA", target="finra", line=5),
            Link(text="peniaga broker", target="broker-dealer", line=6),
            Link(text="lagi", target="broker-dealer", line=7),
            Link(text="diri", target="accountexecutive", line=8),
            Link(text="luar", target="https://example.org/x", line=9),
            Link(text="hilang", target="nowhere", line=10),
        ),
        english=English(title="Account executive", status="translated",
                        description="An account manager.", categories=("Careers",)),
    ),
    _term("broker-dealer", "peniaga broker", kind="link",
          english=English(title="broker-dealer", status="suggested")),
    _term("finra", None, kind="link"),
    _term("ekuiti", "Ékuiti", categories=("Saham", "Pelaburan"),
          english=English(title="Equity", status="fuzzy")),
    _term("bon", "bon", english=English(title="Bond", status="translated")),
]


def test_row_fields_come_from_the_term() -> None:
    rows = {r.id: r for r in rows_from_glossary(TERMS)}
    row = rows["accountexecutive"]
    assert row.ms == "Eksekutif akaun"
    assert row.en == "Account executive"
    assert row.kind == "article"
    assert row.status == "translated"
    assert row.categories == ("Kerjaya",)
    assert row.categories_en == ("Careers",)
    assert row.definition_ms == "Pengurus akaun."
    assert row.definition_en == "An account manager."
    assert row.source == "seeds/accountexecutive.md:1"
    # internal links to existing terms, first mention order, no self, no outside, no unknown
    assert row.links == ("finra", "broker-dealer")
    finra = rows["finra"]
    assert (finra.ms, finra.en, finra.status, finra.kind) == (None, None, "untranslated", "link")
    assert list(finra.as_json()) == list(JSON_KEYS)


def test_sorted_by_malay_ignoring_case_and_accents_missing_last() -> None:
    assert [r.id for r in rows_from_glossary(TERMS)] == [
        "bon",
        "accountexecutive",
        "ekuiti",
        "broker-dealer",
        "finra",
    ]


def test_sorted_by_english() -> None:
    assert [r.id for r in rows_from_glossary(TERMS, sort="en")] == [
        "accountexecutive",
        "bon",
        "broker-dealer",
        "ekuiti",
        "finra",
    ]


def test_same_order_as_the_glossary() -> None:
    glossary = Glossary(TERMS)
    with_title = [t.id for t in glossary if t.title is not None]
    assert [r.id for r in rows_from_glossary(glossary) if r.ms is not None] == with_title


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("kerjaya", ["accountexecutive"]),
        ("CAREERS", ["accountexecutive"]),  # the English category works too
        ("pelaburan", ["ekuiti"]),
        ("Pela-buran", ["ekuiti"]),  # hyphens and spacing ignored
        ("tiada", []),
    ],
)
def test_category_filter(category: str, expected: list[str]) -> None:
    assert [r.id for r in rows_from_glossary(TERMS, category=category)] == expected


def test_status_filter() -> None:
    assert [r.id for r in rows_from_glossary(TERMS, status="fuzzy")] == ["ekuiti"]
    assert [r.id for r in rows_from_glossary(TERMS, status="untranslated")] == ["finra"]


def test_bad_arguments_raise_value_error() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        rows_from_glossary(TERMS, status="done")
    with pytest.raises(ValueError, match="unknown sort"):
        rows_from_glossary(TERMS, sort="id")  # type: ignore[arg-type]


def test_categories_differing_in_symbols_are_different_categories(tmp_path: Path) -> None:
    # C++ and C# fold to the same letters; they are two categories, in the table filter and
    # on the site (two pages), while spacing and case still do not count
    import glossari
    from glossari.cli import main

    seeds = tmp_path / "g" / "seeds"
    seeds.mkdir(parents=True)
    for stem, category in (("bahasa-cpp", "C++"), ("bahasa-csharp", "C#"),
                           ("pembangun", "c ++")):
        (seeds / f"{stem}.md").write_text(
            f"---\ntitle: {stem}\nkeywords: Perisian, {category}\n---\n\nTeks.\n",
            encoding="utf-8")
    glossary = glossari.load(tmp_path / "g")
    assert [r.id for r in rows_from_glossary(glossary, category="C++")] == [
        "bahasa-cpp", "pembangun"]
    assert [r.id for r in rows_from_glossary(glossary, category="c#")] == ["bahasa-csharp"]
    assert len(rows_from_glossary(glossary, category="perisian")) == 3
    assert main(["--root", str(tmp_path / "g"), "site", "-o", str(tmp_path / "site")]) == 0
    pages = sorted(p.name for p in (tmp_path / "site" / "categories").glob("*.html"))
    assert pages == ["c-2.html", "c.html", "perisian.html"]


def test_an_empty_description_is_no_definition(tmp_path: Path) -> None:
    """``description:`` left empty (the author's flaw, S106) is no definition: ``null`` in the
    JSON, as for a term with no description at all, and no empty ``<descrip>`` in the TBX;
    it was ``""`` and ``<descrip type="definition"></descrip>``."""
    import json

    import glossari
    from glossari.export.jsontable import render_json
    from glossari.export.tbx import render_tbx

    seeds = tmp_path / "g" / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "pinjaman-peribadi.md").write_text(
        "---\ntitle: Pinjaman peribadi\ndescription:\nkeywords: Perbankan\n---\n\nTeks.\n",
        encoding="utf-8")
    rows = rows_from_glossary(glossari.load(tmp_path / "g"))
    assert rows[0].definition_ms is None
    assert json.loads(render_json(rows))[0]["definition_ms"] is None
    assert '<descrip type="definition">' not in render_tbx(rows)
