"""Names that two concepts share, or that links and lookups read differently (fifth resolution
sweep): every consumer gives the answer the links give, and check reports the ambiguity."""

from __future__ import annotations

import json
from pathlib import Path

from glossari.glossary import load_glossary
from tests._alignkit import cli, ok, scratch_glossary, sources_and_termbase


def _article(title: str, body: str, **front: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in front.items())
    return (f"---\ntitle: {title}\ndescription: {title} ialah istilah.\nkeywords: Kewangan\n"
            f"{extra}---\n\n# {title}\n\n{body}\n")


SHARED = {
    # id order (a-zeta < b-alpha) is not Malay order (Alpha < Zeta)
    "a-zeta": _article("Zeta untung", "Zeta.", aliases="untung"),
    "b-alpha": _article("Alpha untung", "Alpha.", aliases="untung"),
    "c-suruhanjaya": _article("Suruhanjaya Sekuriti (SC)", "Suruhanjaya."),
    "d-kad": _article("Kad Simpanan (SC)", "Kad."),
    # one headword in two cases: 'Peniaga runcit' sorts before 'peniaga runcit'
    "e-runcit": _article("peniaga runcit", "Kecil."),
    "f-runcit": _article("Peniaga runcit", "Besar."),
    "pautan": _article("Pautan", "Lihat [untung](/profit), [SC](/sc) dan "
                       "[peniaga runcit](/retailer)."),
}


def test_a_shared_name_goes_where_its_links_go(tmp_path: Path) -> None:
    root = scratch_glossary(tmp_path, SHARED)
    for g in sources_and_termbase(root):
        went = {ref.link.text: ref.target.id for ref in g.links if ref.target is not None}
        assert went == {"untung": "a-zeta", "SC": "c-suruhanjaya",
                        "peniaga runcit": "e-runcit"}
        for text, term_id in went.items():
            assert g.lookup(text).id == term_id, text
            assert [m.term.id for m in g.find_terms(text)] == [term_id], text
        for text, term_id in went.items():
            assert f"[{term_id}]" in ok("show", text, root=root).splitlines()[0], text


def test_a_slug_learned_from_a_shared_acronym_hides_no_clash(tmp_path: Path) -> None:
    root = scratch_glossary(tmp_path, SHARED)
    _, out, _ = cli("check", "--format", "json", "--select", "S104", root=root)
    messages = [f["message"] for f in json.loads(out)]
    assert any("acronym 'SC'" in m and "'c-suruhanjaya'" in m for m in messages), messages
    assert any("alias 'untung'" in m and "'a-zeta'" in m for m in messages), messages


def test_a_link_whose_text_names_another_article_than_the_english_headword_is_s122(
    tmp_path: Path,
) -> None:
    # docs/checks.md's own example: [peniaga broker](/commission) beside komisen.md, whose
    # English headword is 'Commission'; the slug that link teaches peniaga-broker hid it
    root = scratch_glossary(tmp_path, {
        "komisen": _article("Komisen", "Komisen ialah bayaran."),
        "peniaga-broker": _article("Peniaga broker", "Menerima [bayaran](/commission)."),
        "yuran": _article("Yuran", "Salah: [peniaga broker](/commission)."),
    })
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    po = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgctxt "komisen"\nmsgid "Komisen"\nmsgstr ""',
        'msgctxt "komisen"\nmsgid "Komisen"\nmsgstr "Commission"'), encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", "--select", "S122", root=root)
    found = json.loads(out)
    assert [(f["path"], f["line"]) for f in found] == [("seeds/yuran.md", 9)], found
    assert "English headword of 'komisen'" in found[0]["message"]
    assert "so do the other links to /commission" in found[0]["message"]


def test_a_headword_name_and_acronym_forms_name_the_article_in_links(tmp_path: Path) -> None:
    # `Name (ACR)`: lookup and find_terms read `Name` alone, and a plural acronym (REITs) in
    # the singular; links made them link-only duplicates of the article
    root = scratch_glossary(tmp_path, {
        "reit": _article("Dana Amanah Pelaburan Hartanah (REITs)", "Hartanah."),
        "nisbah-pb": _article("Nisbah harga kepada buku (P/B)", "Nisbah."),
        "pautan": _article("Pautan", "Lihat [REIT](/reits-x), [nisbah harga kepada buku]"
                           "(/price-to-book) dan [dana-dana amanah pelaburan hartanah]"
                           "(/real-estate-investment-trusts)."),
    })
    for g in sources_and_termbase(root):
        went = {ref.link.text: ref.target.id for ref in g.links if ref.target is not None}
        assert went == {"REIT": "reit", "nisbah harga kepada buku": "nisbah-pb",
                        "dana-dana amanah pelaburan hartanah": "reit"}
        assert [t.id for t in g if t.kind == "link"] == []
        for text, term_id in went.items():
            assert g.lookup(text).id == term_id, text
            assert [m.term.id for m in g.find_terms(text)] == [term_id], text


def test_the_site_sends_each_link_where_the_glossary_does(tmp_path: Path) -> None:
    # one target, two terms on one page: the Malay text decides for one link (S122), the
    # target for the other; the site's map of targets sent both to the last
    root = scratch_glossary(tmp_path / "g", {
        "broker": _article("Broker", "Lihat [pialang](/broker) dan [lihat](/broker)."),
        "pialang": _article("Pialang", "Pialang."),
    })
    g = load_glossary(root, compiled=False)
    assert [(r.link.text, r.target.id) for r in g.links if r.target is not None] == [
        ("pialang", "pialang"), ("lihat", "broker")]
    ok("site", "-o", tmp_path / "site", root=root)
    page = (tmp_path / "site" / "terms" / "broker.html").read_text(encoding="utf-8")
    assert '<a href="pialang.html">pialang</a>' in page
    assert '<a href="broker.html">lihat</a>' in page


def test_a_headword_as_written_wins_over_one_folded_from_its_reduplication(
    tmp_path: Path,
) -> None:
    # `Kira-kira` (accounts) folds to `kira`; the link text `kira` is the headword of kira.md,
    # as lookup and find_terms say, not the first in id order of the two
    root = scratch_glossary(tmp_path, {
        "akaun-kira": _article("Kira-kira", "Penyata."),
        "kira": _article("Kira", "Mengira."),
        "pautan": _article("Pautan", "Lihat [kira](/calculate) dan [kira-kira](/accounts)."),
    })
    for g in sources_and_termbase(root):
        went = {ref.link.text: ref.target.id for ref in g.links if ref.target is not None}
        assert went == {"kira": "kira", "kira-kira": "akaun-kira"}
        for text, term_id in went.items():
            assert g.lookup(text).id == term_id, text
            assert [m.term.id for m in g.find_terms(text)] == [term_id], text


def test_a_link_target_looked_up_goes_where_its_links_go(tmp_path: Path) -> None:
    # `lookup("/stock")` read the slug as a name: the alias of ekuiti, while the links to
    # /stock go to saham (a slug learned from the Malay side ranks before an alias); a target
    # with a page suffix or a fragment was no name at all
    root = scratch_glossary(tmp_path, {
        "saham": _article("Saham", "Lihat [saham](/stock) dan [lihat](/stock)."),
        "ekuiti": _article("Ekuiti", "Ekuiti.", aliases="stock"),
        "bon": _article("Bon", "Lihat [Bon](/Bon.md) dan [bon](/bon#sejarah)."),
    })
    for g in sources_and_termbase(root):
        went = {ref.link.target: ref.target.id for ref in g.links if ref.target is not None}
        assert went == {"stock": "saham", "Bon.md": "bon", "bon#sejarah": "bon"}
        for target, term_id in went.items():
            assert g.lookup("/" + target).id == term_id, target
        assert g.lookup("stock").id == "ekuiti"  # as a name: the alias, as a link text goes
    assert "[saham]" in ok("show", "/stock", root=root).splitlines()[0]
