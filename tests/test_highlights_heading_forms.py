"""The key-takeaways heading as a real editor writes it is *Sorotan*, for the reader and the
catalogs alike (one rule: ``glossari.seeds.rules.is_highlights_heading``).

``## Sorotan Penting``, ``## Sorotan-sorotan`` (the Malay plural), ``## 📌 Sorotan`` (an emoji
before or after the words) were sections like any other: no key takeaways on the site or in
``Term.highlights``, their items no ``highlight`` messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.messages import iter_messages
from glossari.seeds.article import read_article
from glossari.seeds.rules import HIGHLIGHTS_HEADINGS, is_highlights_heading

ARTICLE = ("---\ntitle: Pelaburannya\ndescription: Wang yang dilaburkan.\nkeywords: Pelaburan\n"
           "---\n\n# Pelaburannya\n\nTeks tentang [saham-saham](/stock).\n\n{heading}\n\n"
           "- Pelabur menanggung risiko.\n- Pulangan tidak dijamin.\n")


@pytest.mark.parametrize(("heading", "takeaways"), [
    ("## Sorotan Penting", True),
    ("## Sorotan-sorotan", True),
    ("## Sorotan-Sorotan Utama", True),
    ("## Perkara-perkara penting", True),
    ("## 📌 Sorotan", True),
    ("## Sorotan 📌", True),
    ("### 🔑 Key Takeaways:", True),
    ("## 👨\u200d💼 Sorotan", True),
    ("## SOROTAN", True),
    ("## Sorotan:", True),
    ("**📌 Sorotan**", True),
    ("## Sorotan sejarah", False),
    ("## Sorotan-sejarah", False),
    ("## 📌 Sejarah", False),
    ("## 📌", False),
])
def test_an_editors_takeaways_heading_is_sorotan(tmp_path: Path, heading: str,
                                                 takeaways: bool) -> None:
    path = tmp_path / "pelaburan.md"
    path.write_text(ARTICLE.format(heading=heading), encoding="utf-8")
    term = read_article(path, source="seeds/pelaburan.md")
    assert [b.text for b in term.highlights] == (
        ["Pelabur menanggung risiko.", "Pulangan tidak dijamin."] if takeaways else [])
    parts = [m.part for m in iter_messages(term) if m.msgid in (
        "Pelabur menanggung risiko.", "Pulangan tidak dijamin.")]
    assert parts == (["highlight"] * 2 if takeaways else ["item"] * 2)


_ORNAMENTS = st.sampled_from(["📌", "✔", "★", "➤", "🔑", "✅\ufe0f", "👨\u200d💼", "•"])


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(sorted(HIGHLIGHTS_HEADINGS)), before=st.lists(_ORNAMENTS, max_size=2),
       after=st.lists(_ORNAMENTS, max_size=2), upper=st.booleans(), plural=st.booleans())
def test_ornaments_case_and_plural_keep_a_takeaways_name(
    name: str, before: list[str], after: list[str], upper: bool, plural: bool,
) -> None:
    first, _, rest = name.partition(" ")
    words = f"{first}-{first}" + (f" {rest}" if rest else "") if plural else name
    heading = " ".join([*before, words.upper() if upper else words.title(), *after])
    assert is_highlights_heading(heading), heading
    # and an ornament makes no other heading one
    assert not is_highlights_heading(" ".join([*before, f"{words} sejarah", *after]))
