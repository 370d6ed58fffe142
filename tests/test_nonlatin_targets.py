"""Link targets in another script than Latin (`/سهم`, `/株式`, `/акция-акция`): the link-only
term's id keeps the script (and the slug's hyphens), no English is suggested from it, and the
site's page is named as the link reads, the same rule as a category named in Jawi."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from _alignkit import cli as _run

import glossari
from glossari.align.resolve import link_slug
from glossari.align.slugs import suggest_english
from glossari.export.site._pages import category_slugs, page_names

ARTICLE = """---
title: Saham
description: Saham ialah unit pemilikan.
keywords: زكاة, Pelaburan
---

# Saham

Disebut [sahm](/سهم), [kabu](/株式), [aksi](/акция-акция), [kraj](/край), [shea](/शेयर)
dan [acao](/ação).
"""

# target: (id, Malay headword, English, status, page file)
EXPECTED = {
    "سهم": ("sahm", None, "untranslated", "سهم.html"),
    "株式": ("kabu", None, "untranslated", "株式.html"),
    "акция-акция": ("aksi", None, "untranslated", "акция-акция.html"),
    "край": ("kraj", None, "untranslated", "край.html"),  # й keeps its breve: и is a letter
    "शेयर": ("shea", None, "untranslated", "शेयर.html"),  # the vowel sign stays
    # Latin: accents folded, as /kós; a slug spelling its own link text suggests no English
    "acao": ("acao", None, "untranslated", "acao.html"),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "g" / "seeds").mkdir(parents=True)
    (tmp_path / "g" / "seeds" / "saham.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "g"


@pytest.mark.parametrize(("target", "expected"), [
    ("/акция-акция", "акция-акция"), ("/%D0%B0%D0%BA-%D0%B4", "ак-д"), ("/株式", "株式"),
    ("/سهم", "سهم"), ("/край", "край"), ("/ガス", "ガス"), ("/ação", "acao"),
    ("/wakaf-وقف", "wakaf-وقف"), ("/\u0301x", "x"), ("/a\u200bb", "ab"),
])
def test_a_link_slug_keeps_its_script_and_its_hyphens(target: str, expected: str) -> None:
    # /акция-акция was акцияакция: every letter not ASCII became a hyphen, nothing was left,
    # and the fallback (the lookup key) dropped the hyphens; /край became краи (NFKD, the breve
    # dropped as an accent)
    assert link_slug(target) == expected


@pytest.mark.parametrize("slug", ["акция-акция", "株式", "سهم", "etf-سهم", "łodz"])
def test_no_english_is_suggested_from_another_script(slug: str) -> None:
    assert suggest_english(slug) is None


def test_table_show_and_lookup_agree_on_the_ids(root: Path) -> None:
    code, out, err = _run("--root", str(root), "table", "--format", "json")
    assert code == 0, err
    rows = {row["id"]: (row["ms"], row["en"], row["status"]) for row in json.loads(out)
            if row["kind"] == "link"}
    assert rows == {k: v[:3] for k, v in EXPECTED.items()}
    g = glossari.load(root)
    for term_id in EXPECTED:
        assert g.lookup(term_id).id == term_id
    assert g.lookup("/акция-акция").id == "акция-акция"
    code, out, _ = _run("--root", str(root), "show", "акция-акция")
    assert code == 0
    assert out.startswith("aksi  [акция-акция]\n")


def test_page_and_category_file_names_keep_the_script() -> None:
    # they were x.html, x-2.html, ... in order of the ids, so that adding one term renamed the
    # pages of the others; a category named in Jawi was x.html too
    assert page_names(["سهم", "株式", "Акция", "акция", "x"]) == {
        "سهم": "سهم.html", "株式": "株式.html", "Акция": "Акция.html",
        "акция": "акция-2.html", "x": "x.html"}
    assert category_slugs(["زكاة", "Zakat وقف"]) == {"زكاة": "زكاة", "Zakat وقف": "zakat-وقف"}
    # a name is at most 120 bytes, cut between two letters, never inside one
    from glossari.text import name_slug

    long = name_slug("\u0915\u093f" * 50)
    assert len(long.encode()) <= 120
    assert long.endswith("\u093f")


def test_the_site_names_each_page_as_its_link_reads(root: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, _, err = _run("--root", str(root), "site", "-o", str(site),
                        "--base-url", "https://ex.org/g/")
    assert code == 0, err
    page = (site / "terms" / "saham.html").read_text(encoding="utf-8")
    for *_, file in EXPECTED.values():
        assert (site / "terms" / file).is_file(), file
        assert f'href="{file}"' in page
    assert (site / "categories" / "زكاة.html").is_file()
    # an address written out whole is a URI: percent-encoded (RFC 3986), as the sitemap asks
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>https://ex.org/g/terms/{quote('سهم.html')}</loc>" in sitemap
    assert f"<loc>https://ex.org/g/categories/{quote('زكاة.html')}</loc>" in sitemap
    assert "سهم" not in sitemap
    canonical = (site / "terms" / "株式.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://ex.org/g/terms/{quote("株式.html")}">' \
        in canonical
    index = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert '"акция-акция.html","aksi",""' in index


DIGITS = """---
title: Ekuiti
description: Ekuiti ialah pemilikan.
keywords: Pelaburan
---

# Ekuiti

Lihat [ekuiti swasta](/٣ekuiti), [ekuiti awam](/3ekuiti) dan [indeks](/indeks-१००).
"""


def test_a_target_with_digits_of_another_script_keeps_its_links(tmp_path: Path) -> None:
    # /٣ekuiti is the link-only term 3ekuiti (its slug writes the digit in ASCII), but the
    # target's key kept ٣: the term had no backlink, `show` no "linked from", and import
    # reported its English "missing: the term has no headword message"; /3ekuiti, the same
    # name, was a second term 3ekuiti-2
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "ekuiti.md").write_text(DIGITS, encoding="utf-8")
    g = glossari.load(root)
    assert sorted(t.id for t in g if t.kind == "link") == ["3ekuiti", "indeks-100"]
    assert [r.link.target for r in g.backlinks("3ekuiti")] == ["٣ekuiti", "3ekuiti"]
    assert [r.link.target for r in g.backlinks("indeks-100")] == ["indeks-१००"]
    assert g.lookup("/٣ekuiti").id == g.lookup("/3ekuiti").id == "3ekuiti"
    code, out, _ = _run("--root", str(root), "show", "3ekuiti")
    assert code == 0
    assert "linked from: seeds/ekuiti.md:9 as [ekuiti swasta]" in out, out
    # a terminologist's English for it reaches its link messages
    assert _run("--root", str(root), "extract")[0] == 0
    assert _run("--root", str(root), "update", "-l", "en")[0] == 0
    tbx = tmp_path / "t.tbx"
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="ms"><text><body>\n'
        '<termEntry id="3ekuiti"><langSet xml:lang="ms"><tig><term>ekuiti swasta</term></tig>'
        '</langSet><langSet xml:lang="en"><tig><term>private equity</term></tig></langSet>'
        '</termEntry>\n</body></text></martif>\n', encoding="utf-8")
    code, out, err = _run("--root", str(root), "import", str(tbx), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["summary"]["applied"] == 2, out
    assert glossari.load(root)["3ekuiti"].english.title == "private equity"


SIGNS = """---
title: Cukai
description: Cukai ialah bayaran kepada kerajaan.
keywords: Percukaian
---

# Cukai

Disebut [kar](/कर) dan [kereta](/कार), [vari](/வரி) dan [vara](/வர), [sahm](/سَهْم) dan
[saham](/سهم).
"""


def test_a_vowel_sign_is_part_of_its_name(tmp_path: Path) -> None:
    # the key of a name kept letters and digits only, and a Devanagari or Tamil vowel sign is
    # a mark: /कर (tax) and /कार (car) were one term, so were /வரி (tax) and /வர; Arabic
    # harakat are points a writer may leave out, and سَهْم is سهم
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "cukai.md").write_text(SIGNS, encoding="utf-8")
    g = glossari.load(root)
    assert sorted(t.id for t in g if t.kind == "link") == sorted(
        ["कर", "कार", "வரி", "வர", "سَهْم"])
    for target in ("कर", "कार", "வரி", "வர"):
        assert g.lookup(f"/{target}").id == target
        assert [r.link.target for r in g.backlinks(target)] == [target]
    assert g.lookup("/سهم").id == "سَهْم"
    code, out, _ = _run("--root", str(root), "show", "कार")
    assert code == 0
    assert out.startswith("kereta  [कार]\n"), out


def test_a_variation_selector_is_no_part_of_a_name(tmp_path: Path) -> None:
    # keeping the marks of a name (a Devanagari vowel sign) kept the variation selectors too:
    # 葛 written with an ideographic variation selector was a second term beside 葛
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "kuzu.md").write_text(
        "---\ntitle: Kuzu\ndescription: Kuzu ialah tumbuhan.\n---\n\n# Kuzu\n\n"
        "Lihat [akar](/葛) dan [akar](/葛\U000e0100) dan [ab](/a\u034fb).\n", encoding="utf-8")
    g = glossari.load(root)
    assert sorted(t.id for t in g if t.kind == "link") == ["a\u034fb", "葛"]
    assert g.lookup("/葛\U000e0100").id == "葛"
    assert len(g.backlinks("葛")) == 2


def test_a_cyrillic_short_i_is_a_letter_of_its_own(tmp_path: Path) -> None:
    # the name's key dropped every mark Unicode decomposes, so й was и: /акций (of shares) and
    # /акции (shares) were one term, though their ids keep й (slug_text); ё still folds
    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "saham.md").write_text(
        "---\ntitle: Saham\ndescription: Saham ialah unit.\n---\n\n# Saham\n\n"
        "Lihat [aktsiy](/акций), [aktsii](/акции), [yomkost](/ёмкость) dan "
        "[emkost](/емкость).\n", encoding="utf-8")
    g = glossari.load(root)
    assert sorted(t.id for t in g if t.kind == "link") == sorted(["ёмкость", "акции", "акций"])
    assert g.lookup("/акций").id == "акций"
    assert g.lookup("/акции").id == "акции"
    assert g.lookup("/Емкость").id == "ёмкость"
