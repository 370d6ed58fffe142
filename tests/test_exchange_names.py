"""Names beyond ASCII through the exchange forms: a glossary whose links lead to targets in
any script (`/ação`, `/سهم`, `/акция-акция`, `/٣ekuiti`, `/pelaburan%20asing`, `/bon/`,
`/etf.md`), each link's English given by a translator, is exported (TBX 2008 and 3, glossari's
CSV, Weblate's CSV) and imported into a glossary with empty catalogs: every English headword
comes back (hypothesis), and a second export is the same file."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from _exchangekit import ok, translate
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossari.catalog.pofile import load_po

FORMS = {
    "g.tbx": ["--format", "tbx"],
    "g3.tbx": ["--format", "tbx", "--tbx-version", "3"],
    "g.csv": ["--format", "csv"],
    "w.csv": ["--csv-weblate"],
}

_PIECES = ("ação", "zakāt", "Zakat", "سهم", "株式", "акция", "शेयर", "٣", "१०", "saham",
           "saham-saham", "pelaburan%20asing", "a%C3%A7", "bon", "etf", "x")
_SUFFIXES = ("", "", "", "/", ".md", "#sejarah")
_TEXTS = ("saham-saham", "pelaburannya", "peniaga broker", "Zakat", "ação", "sahm",
          "ekuiti swasta", "ETF", "bon kerajaan")
_ENGLISH = ("shares", "=SUM(A1)", "-5% margin", "'quoted' term", "|pipe", "@handle",
            "foreign investment", "Alms tax", "%APR", "Ação fund", "سهم share", "a\\b")


@st.composite
def targets(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3))
    return "/" + "-".join(pieces) + draw(st.sampled_from(_SUFFIXES))


@st.composite
def links(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """(link text, target, English) for a few links."""
    return draw(st.lists(st.tuples(st.sampled_from(_TEXTS), targets(),
                                   st.sampled_from(_ENGLISH)), min_size=1, max_size=6))


def _article(found: list[tuple[str, str, str]]) -> str:
    body = ", ".join(f"[{text}]({target})" for text, target, _ in found)
    return ("---\ntitle: Peniaga broker\ndescription: Firma yang berdagang saham.\n"
            f"keywords: Pelaburan\n---\n\n# Peniaga broker\n\nIa menjual {body}.\n")


def _english(root: Path) -> dict[str, str | None]:
    rows = json.loads(ok(root, "table", "--format", "json")[0])
    return {row["id"]: row["en"] for row in rows if row["status"] == "translated"}


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(links())
@example([("ekuiti swasta", "/٣ekuiti", "private equity")])
@example([("ação", "/ação", "action"), ("sahm", "/سهم", "share")])
def test_every_english_name_comes_back(found: list[tuple[str, str, str]]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        root = folder / "g"
        (root / "seeds").mkdir(parents=True)
        (root / "seeds" / "peniaga-broker.md").write_text(_article(found), encoding="utf-8")
        ok(root, "extract")
        ok(root, "update", "-l", "en")
        po = load_po(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")
        english = dict(zip((text for text, _, _ in found), (en for *_, en in found),
                           strict=True))
        # every message of a link gets its text's English: one term's messages agree
        wanted = {e.key: (english[e.msgid], False) for e in po.entries
                  if e.msgctxt and e.msgctxt.startswith("/") and e.msgid in english}
        translate(root, wanted)
        expected = _english(root)
        for name, args in FORMS.items():
            exported = folder / name
            ok(root, "table", "-o", str(exported), *args)
            fresh = folder / f"fresh-{name}"
            shutil.copytree(root / "seeds", fresh / "seeds")
            ok(fresh, "extract")
            ok(fresh, "update", "-l", "en")
            report = json.loads(ok(fresh, "import", str(exported), "--format", "json")[0])
            assert report["summary"]["missing"] == 0, (name, report["outcomes"])
            assert _english(fresh) == expected, (name, report["outcomes"])
            again = folder / f"again-{name}"
            ok(fresh, "table", "-o", str(again), *args)
            assert again.read_bytes() == exported.read_bytes(), name
    finally:
        shutil.rmtree(folder, ignore_errors=True)
