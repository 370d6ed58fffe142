"""A name `find` gives one term while `show` and lookups give another, or one Malay link text
whose links go to two terms: check says so (S104, S132), from the sources and the termbase."""

from __future__ import annotations

import json
from pathlib import Path

from _alignkit import cli, ok


def _article(title: str, body: str) -> str:
    return (f"---\ntitle: {title}\ndescription: {title} ialah istilah.\nkeywords: Kewangan\n"
            f"---\n\n# {title}\n\n{body}\n")


def _glossary(tmp: Path, articles: dict[str, str], english: dict[str, str]) -> Path:
    (tmp / "seeds").mkdir(parents=True)
    for stem, text in articles.items():
        (tmp / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
    ok("extract", root=tmp)
    ok("update", "-l", "en", root=tmp)
    po = tmp / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text(encoding="utf-8")
    for ctxt, (msgid, msgstr) in english.items():
        entry = f'msgctxt "{ctxt}"\nmsgid "{msgid}"\nmsgstr ""'
        assert entry in text, entry
        text = text.replace(entry, entry[:-2] + f'"{msgstr}"')
    po.write_text(text, encoding="utf-8")
    return tmp


def _findings(root: Path, codes: str) -> list[dict[str, str]]:
    _, out, _ = cli("check", "--format", "json", "--select", codes, root=root)
    return [{k: f[k] for k in ("code", "term", "path")} for f in json.loads(out)]


def _shown(root: Path, name: str) -> str:
    return ok("show", name, root=root).splitlines()[0].rsplit("[", 1)[1].rstrip("] ")


def _found(root: Path, text: str, lang: str = "ms") -> list[str]:
    return [m["term"] for m in json.loads(ok("find", "-l", lang, "--format", "json", text,
                                             root=root))]


def test_a_link_only_name_that_is_another_article_s_id_is_s104(tmp_path: Path) -> None:
    root = _glossary(tmp_path, {
        "bon-korporat": _article("Bon syarikat", "Bon syarikat dijual."),
        "bon": _article("Bon", "Contohnya [bon korporat](/corporate-bond)."),
    }, {})
    assert _shown(root, "bon korporat") == "bon-korporat"
    assert _found(root, "bon korporat") == ["corporate-bond"]
    expected = [{"code": "S104", "term": "corporate-bond", "path": "seeds/bon.md"}]
    assert _findings(root, "S104") == expected
    ok("compile", "-l", "en", root=root)
    assert _findings(root, "S104") == expected


def test_an_english_headword_that_is_another_article_s_id_is_s104(tmp_path: Path) -> None:
    root = _glossary(tmp_path, {
        "saham": _article("Saham", "Saham dijual di bursa."),
        "stock": _article("Stok", "Stok dinilai pada kos."),
    }, {"saham": ("Saham", "Stock"), "stock": ("Stok", "Inventory")})
    assert _shown(root, "Stock") == "stock"
    assert _found(root, "Stock prices", "en") == ["saham"]
    assert _findings(root, "S104") == [
        {"code": "S104", "term": "saham", "path": "seeds/saham.md"}]


def test_one_link_text_going_to_an_article_and_a_link_only_term_is_s132(
    tmp_path: Path,
) -> None:
    root = _glossary(tmp_path, {
        "bon": _article("Bon", "Bon dijual."),
        "komisen": _article("Komisen", "Untuk [bon korporat](/corporate-bond) dan "
                            "[bon korporat](/bond)."),
    }, {"bon": ("Bon", "Bond")})
    went = ok("show", "komisen", root=root)
    assert "/corporate-bond = corporate-bond" in went
    assert "/bond = bon" in went
    assert _findings(root, "S132") == [
        {"code": "S132", "term": "corporate-bond", "path": "seeds/komisen.md"}]


def test_names_every_surface_agrees_on_are_no_finding(tmp_path: Path) -> None:
    root = _glossary(tmp_path, {
        "stock": _article("Saham", "Saham dijual; lihat [bon](/bond)."),
        "bond": _article("Bon", "Bon dan [saham-saham](/stock)."),
    }, {"stock": ("Saham", "Stock"), "bond": ("Bon", "Bond")})
    assert _findings(root, "S104,S132") == []


def test_an_alias_that_is_another_article_s_headword_is_s104(tmp_path: Path) -> None:
    # saham.md says `alias: ekuiti`, but [ekuiti](...), find and show all answer Ekuiti
    root = _glossary(tmp_path, {
        "saham": "---\ntitle: Saham\nalias: ekuiti\ndescription: Saham.\nkeywords: K\n---\n\n"
                 "# Saham\n\nSaham dijual.\n",
        "ekuiti": _article("Ekuiti", "Ekuiti ialah nilai."),
        "bon": _article("Bon", "Bukan [ekuiti](/shares)."),
    }, {})
    assert "/shares = ekuiti" in ok("show", "bon", root=root)
    assert _findings(root, "S104") == [
        {"code": "S104", "term": "saham", "path": "seeds/saham.md"}]


def test_s132_between_two_articles_names_the_links(tmp_path: Path) -> None:
    """[cagaran](/aset-jaminan) in zakat.md and [cagaran](/zakat) in bon.md: the finding was at
    line 1 of zakat.md, the article linked to, and named aset-jaminan.md:1; neither is where a
    link reads 'cagaran', which is what to fix."""
    root = _glossary(tmp_path, {
        "aset-jaminan": _article("Aset jaminan", "Aset jaminan dijual."),
        "zakat": _article("Zakat", "Lihat [cagaran](/aset-jaminan)."),
        "bon": _article("Bon", "Bon dijual.\n\nLihat [cagaran](/zakat)."),
    }, {})
    _, out, _ = cli("check", "--format", "json", "--select", "S132", root=root)
    found = json.loads(out)
    assert [(f["path"], f["line"], f["term"]) for f in found] == [("seeds/bon.md", 11, "zakat")]
    assert "go to 'aset-jaminan' (seeds/zakat.md:9) and to 'zakat'" in found[0]["message"]
