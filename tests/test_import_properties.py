"""Export, import, export: the same bytes, and no catalog byte changed, for any glossary
(hypothesis), in each of the four exchange forms."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from _exchangekit import catalog_bytes, ok, translate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import MALAY_WORDS, article_text, translation

from glossari.catalog.pofile import load_po

FORMS = {
    "g.tbx": ["--format", "tbx"],
    "g3.tbx": ["--format", "tbx", "--tbx-version", "3"],
    "g.csv": ["--format", "csv"],
    "w.csv": ["--csv-weblate"],
}

slugs = st.from_regex(r"[a-z][a-z0-9\-]{0,10}", fullmatch=True)


@st.composite
def glossaries(draw: st.DrawFn) -> dict[str, str]:
    """A few articles (titles may repeat), some linking to terms that have no article."""
    ids = draw(st.lists(st.from_regex(r"[a-z0-9][a-z0-9\-]{0,8}", fullmatch=True),
                        min_size=1, max_size=4, unique=True))
    articles = {}
    for term_id in ids:
        text = draw(article_text())
        for _ in range(draw(st.integers(0, 2))):
            word = draw(st.sampled_from(MALAY_WORDS))
            text += f"\nLihat [{word}](/{draw(slugs)}).\n"
        articles[term_id] = text
    return articles


@st.composite
def choices(draw: st.DrawFn) -> list[tuple[str, str]]:
    """For each message in turn: ("none" | "translated" | "fuzzy", text)."""
    return draw(st.lists(
        st.tuples(st.sampled_from(["none", "translated", "translated", "fuzzy"]), translation()),
        min_size=30, max_size=30))


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(glossaries(), choices())
def test_export_import_export_is_the_same_bytes(articles: dict[str, str],
                                                picks: list[tuple[str, str]]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        root = folder / "g"
        (root / "seeds").mkdir(parents=True)
        for stem, text in articles.items():
            (root / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
        ok(root, "extract")
        ok(root, "update", "-l", "en")
        po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")
        wanted = {}
        for item, (how, text) in zip(po.entries, picks, strict=False):
            if how != "none":
                wanted[item.key] = (text, how == "fuzzy")
        translate(root, wanted)
        for name, args in FORMS.items():
            path = folder / name
            ok(root, "table", "-o", str(path), *args)
            first = path.read_bytes()
            before = catalog_bytes(root)
            summary = json.loads(ok(root, "import", str(path), "--format", "json")[0])["summary"]
            assert catalog_bytes(root) == before, name
            # nothing in a file glossari wrote looks like an edit
            assert summary["applied"] == summary["conflict"] == summary["clash"] == 0, (
                name, summary)
            ok(root, "table", "-o", str(path), *args)
            assert path.read_bytes() == first, name
    finally:
        shutil.rmtree(folder)
