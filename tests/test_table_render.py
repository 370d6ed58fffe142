"""The pure table renderers on hand-built rows, each read back by an independent reader."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from table_helpers import SAMPLE_ROWS, read_csv, read_html, read_markdown_table, xml_root
from translate.storage import csvl10n, tbx

from glossari.export.csvtable import WEBLATE_COLUMNS, neutralise, render_csv
from glossari.export.html import render_html
from glossari.export.jsontable import render_json
from glossari.export.markdown import render_markdown
from glossari.export.rows import JSON_KEYS, Row
from glossari.export.tbx import render_tbx, term_id_of, xml_id

ROWS = list(SAMPLE_ROWS)
TBX3_NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --- JSON --------------------------------------------------------------------------------


def test_json_has_exactly_the_contract_keys_and_nulls() -> None:
    text = render_json(ROWS)
    assert text.endswith("]\n")
    data = json.loads(text)
    assert [list(obj) for obj in data] == [list(JSON_KEYS)] * len(ROWS)
    finra = data[2]
    assert finra["ms"] is None
    assert finra["en"] is None
    assert finra["definition_en"] is None
    assert data[0]["categories"] == ["Kerjaya", "Perbankan"]
    assert data[1]["status"] == "suggested"
    assert data[1]["kind"] == "link"


def test_json_keeps_non_ascii_as_is() -> None:
    row = replace(ROWS[0], ms="Ékuiti 💰")
    text = render_json([row])
    assert "Ékuiti 💰" in text
    assert "\\u" not in text


def test_json_of_no_rows_is_an_empty_list() -> None:
    assert render_json([]) == "[]\n"


# --- CSV ---------------------------------------------------------------------------------


def test_csv_header_and_values_read_back() -> None:
    text = render_csv(ROWS)
    assert text.startswith(",".join(JSON_KEYS) + "\r\n")
    assert text.endswith("\r\n")
    table = read_csv(text)
    assert table[0] == list(JSON_KEYS)
    assert len(table) == len(ROWS) + 1
    first = dict(zip(table[0], table[1], strict=True))
    assert first["ms"] == "Eksekutif akaun"
    assert first["categories"] == "Kerjaya; Perbankan"
    assert first["source"] == "seeds/accountexecutive.md:1"
    finra = dict(zip(table[0], table[3], strict=True))
    assert finra["ms"] == ""
    assert finra["en"] == ""


def test_csv_neutralises_formulas_owasp() -> None:
    table = read_csv(render_csv(ROWS))
    row = dict(zip(table[0], table[4], strict=True))
    assert row["en"] == "'=HYPERLINK(\"http://x\")"
    assert row["definition_en"] == "'-5 then @SUM(A1)"
    assert row["definition_ms"].startswith("Baris satu\n")  # multi-line cell, one record
    for trigger in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(trigger + "1") == "'" + trigger + "1"
    assert neutralise("a=1") == "a=1"
    assert neutralise("") == ""


def test_csv_bom_only_when_asked() -> None:
    assert not render_csv(ROWS).startswith("\ufeff")
    assert render_csv(ROWS, bom=True).startswith("\ufeffid,")


def test_csv_weblate_columns_read_by_translate_toolkit() -> None:
    text = render_csv(ROWS, weblate=True)
    table = read_csv(text)
    assert table[0] == list(WEBLATE_COLUMNS)
    assert [r[2] for r in table[1:]] == ["accountexecutive", "broker-dealer", "401k"]  # no ms: out
    store = csvl10n.csvfile(io.BytesIO(text.encode("utf-8")))
    units = {u.getcontext(): u for u in store.units}
    assert units["accountexecutive"].source == "Eksekutif akaun"
    assert units["accountexecutive"].target == "Account executive"
    assert not units["accountexecutive"].isfuzzy()
    assert units["broker-dealer"].isfuzzy()  # suggested: Weblate marks it needing edit
    assert units["401k"].isfuzzy()
    # Weblate's own escaping, which its import (weblate.formats.ttkit.CSVUnit.unescape_csv)
    # takes off: translate-toolkit alone keeps the quotes
    assert units["401k"].target == "'=HYPERLINK(\"http://x\")'"
    assert "Eksekutif akaun ialah pengurus." in units["accountexecutive"].getnotes()


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_is_one_gfm_table_reading_back_every_value() -> None:
    text = render_markdown(ROWS)
    header, body = read_markdown_table(text)
    assert header == [
        "Malay",
        "English",
        "Categories",
        "Status",
        "Malay definition",
        "English definition",
        "Source",
    ]
    assert len(body) == len(ROWS)
    assert all(len(cells) == 7 for cells in body)
    pension = body[3]
    assert pension[0] == ROWS[3].ms
    assert pension[4] == "Baris satu\nBaris dua & <b>tiga</b>\nempat `kod` *bintang* \\ garis"
    assert pension[6] == "seeds/401k.md:1"
    assert body[0][2] == "Kerjaya, Perbankan"
    assert body[2][:2] == ["", ""]


def test_markdown_names_the_target_language() -> None:
    header, _ = read_markdown_table(render_markdown(ROWS[:1], lang="fr"))
    assert header[1] == "French"
    assert header[5] == "French definition"


def test_markdown_pipe_and_backslash_combinations() -> None:
    for text in ("|", "\\|", "\\\\|", "a\\", "\\", "||", "`|`", "<br>", "&amp;"):
        row = replace(ROWS[0], ms=text)
        _, body = read_markdown_table(render_markdown([row]))
        assert body[0][0] == text, text


# --- HTML --------------------------------------------------------------------------------


def test_html_escapes_every_value_and_tags_languages() -> None:
    text = render_html(ROWS)
    page = read_html(text)
    assert page.html_lang == "en"
    assert page.scripts == 1  # only the page's own; the headword's <script> stayed text
    assert "<script>document" not in text
    assert len(page.rows) == len(ROWS)
    pension = page.rows[3]
    assert pension[0].text == ROWS[3].ms
    assert pension[0].attrs["lang"] == "ms"
    assert pension[1].attrs["lang"] == "en"
    assert pension[4].text == ROWS[3].definition_ms  # the CR survives as &#13;
    assert pension[5].attrs["lang"] == "en"
    assert pension[3].text == "fuzzy"
    assert page.row_attrs[3]["data-id"] == "401k"
    assert page.row_attrs[1]["class"] == "kind-link"


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("fa", True), ("fr", False)])
def test_html_lays_a_right_to_left_language_out_right_to_left(lang: str, rtl: bool) -> None:
    # an Arabic column was laid out left to right: a sentence's full stop at its wrong end
    page = read_html(render_html(ROWS, lang=lang))
    for row in page.rows:
        assert row[0].attrs["lang"] == "ms"
        assert "dir" not in row[0].attrs
        for cell in (row[1], row[5]):
            assert cell.attrs["lang"] == lang
            assert cell.attrs.get("dir") == ("rtl" if rtl else None)


def test_html_is_standalone_and_its_csp_allows_only_its_own_code() -> None:
    text = render_html(ROWS)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "@import" not in text
    assert "url(" not in text
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert csp is not None
    assert "default-src 'none'" in csp.group(1)
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", text, re.DOTALL)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp.group(1)


def test_html_marks_the_sorted_column_and_counts_terms() -> None:
    text = render_html(ROWS, sort="en", lang="pt_BR")
    assert re.findall(r'<th scope="col"( aria-sort="ascending")?>', text) == [
        "",
        ' aria-sort="ascending"',
        *[""] * 5,
    ]
    page = read_html(text)
    assert page.header[1] == "Portuguese (Brazil)"
    assert page.rows[0][1].attrs["lang"] == "pt-BR"  # BCP 47, as HTML wants
    assert "4 of 4 terms" in text


def test_html_placeholders_in_values_are_not_expanded() -> None:
    row = replace(ROWS[0], ms="{{rows}} {{csp}}")
    page = read_html(render_html([row]))
    assert page.rows[0][0].text == "{{rows}} {{csp}}"


# --- TBX ---------------------------------------------------------------------------------


def test_tbx_2008_structure() -> None:
    root = xml_root(render_tbx(ROWS))
    assert root.tag == "martif"
    assert root.get("type") == "TBX"
    assert root.get(XML_LANG) == "ms"
    assert root.find("martifHeader/fileDesc/sourceDesc/p") is not None
    entries = root.findall("text/body/termEntry")
    assert [e.get("id") for e in entries] == ["accountexecutive", "broker-dealer", "t-401k"]
    first = entries[0]
    assert [d.text for d in first.findall("descrip[@type='subjectField']")] == [
        "Kerjaya",
        "Perbankan",
    ]
    # finra has no headword at all, so it is not in the file and no reference points at it
    assert [r.get("target") for r in first.findall("ref[@type='crossReference']")] == [
        "broker-dealer"
    ]
    langs = [ls.get(XML_LANG) for ls in first.findall("langSet")]
    assert langs == ["ms", "en"]
    ms, en = first.findall("langSet")
    assert ms.findtext("descrip[@type='definition']") == ROWS[0].definition_ms
    assert ms.findtext("tig/term") == "Eksekutif akaun"
    assert en.findtext("tig/term") == "Account executive"
    assert en.findtext("tig/termNote[@type='administrativeStatus']") == "preferredTerm-admn-sts"
    pension = entries[2]
    assert pension.findtext("langSet/tig/term") == ROWS[3].ms
    assert pension.findtext("langSet/descrip") == ROWS[3].definition_ms
    assert pension.find("ref").get("target") == "accountexecutive"
    ids = {e.get("id") for e in entries}
    assert all(r.get("target") in ids for r in root.iter("ref"))


_IDS = st.lists(
    st.from_regex(r"(t-)?[0-9a-z][a-z0-9\-_]{0,6}", fullmatch=True)
    | st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=6),
    min_size=1, max_size=6, unique=True)


@settings(max_examples=300, deadline=None)
@given(_IDS.flatmap(lambda ids: st.tuples(st.just(ids), st.permutations(ids))))
def test_tbx_entry_ids_are_one_per_term_whatever_the_order(
        ids_and_order: tuple[list[str], list[str]]) -> None:
    """An entry id depended on the rows before it: `401k` and `t-401k` were `t-401k` and
    `t-401k-2` in one order, the other way round in another (a table sorted by English, or
    filtered), and the importer, which numbers them in the glossary's order, gave each term
    the other's translation. Each id is now its term's alone: an XML name, read back by
    :func:`term_id_of`, the same in any order and beside any other ids."""
    ids, order = ids_and_order
    by_id = {i: Row(id=i, ms=f"Istilah {n}", en=None, kind="link", status="untranslated",
                    source="seeds/x.md:1") for n, i in enumerate(ids)}
    rows = [by_id[i] for i in ids]
    shuffled = [by_id[i] for i in order]
    for order in (rows, shuffled, shuffled[:1]):
        entries = xml_root(render_tbx(order)).findall("text/body/termEntry")
        for row, entry in zip(order, entries, strict=True):
            assert entry.get("id") == xml_id(row.id)
            assert term_id_of(entry.get("id")) == row.id
    written = [xml_id(i) for i in ids]
    assert len(set(written)) == len(ids)
    from lxml import etree  # translate-toolkit's parser (libxml2), XML 1.0 fifth edition

    for w in written:  # an XML name without ':' (the parser checks an element's name)
        assert ":" not in w
        assert etree.fromstring(f"<{w}/>").tag == w


def test_tbx_2008_loads_in_translate_toolkit() -> None:
    store = tbx.tbxfile.parsestring(
        render_tbx(ROWS).encode("utf-8"), sourcelanguage="ms", targetlanguage="en"
    )
    pairs = {u.getid(): (u.source, u.target) for u in store.units}
    # the slug's suggestion for broker-dealer is no target term: translate-toolkit keeps no
    # status, and would hand it on as a translation; it reads the entry's note instead
    assert pairs == {
        "accountexecutive": ("Eksekutif akaun", "Account executive"),
        "broker-dealer": ("peniaga broker", None),
        "t-401k": (ROWS[3].ms, ROWS[3].en),
    }
    suggested = next(u for u in store.units if u.getid() == "broker-dealer")
    assert "glossari suggestion (en): Broker dealer" in suggested.getnotes()
    assert not any(u.isobsolete() for u in store.units)


@pytest.mark.parametrize("version", ["2008", "3"])
def test_tbx_gives_an_articles_aliases_as_admitted_malay_terms(tmp_path: Path,
                                                               version: str) -> None:
    """The TBX held only the headword of each concept: an article's other Malay names
    (`aliases: jualan pendek, PE`) were in no file a terminology tool is given, which then found
    nothing for them. They follow the preferred headword as admitted terms; translate-toolkit
    (so Weblate) and glossari's import still take the headword, and a round trip changes
    nothing."""
    from _exchangekit import catalog_bytes, ok

    from glossari.exchange import read_termbase

    root = tmp_path / "g"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "jualan-singkat.md").write_text(
        "---\ntitle: Jualan singkat\ndescription: Menjual saham yang dipinjam.\n"
        "keywords: Dagangan\naliases: [jualan pendek, 'jualan <singkat> & kosong']\n---\n\n"
        "# Jualan singkat\n\nTeks.\n", encoding="utf-8")
    ok(root, "extract")
    ok(root, "update", "-l", "en")
    path = tmp_path / "g.tbx"
    ok(root, "table", "--format", "tbx", "--tbx-version", version, "-o", str(path))
    ns = "" if version == "2008" else TBX3_NS
    entry, lang_tag, term_tag = (("termEntry", "langSet", "tig") if version == "2008"
                                 else ("conceptEntry", "langSec", "termSec"))
    found = xml_root(path.read_text(encoding="utf-8")).find(f".//{ns}{entry}")
    assert found is not None
    malay = found.find(f"{ns}{lang_tag}")
    assert malay is not None
    assert [(t.findtext(f"{ns}term"),
             t.findtext(f"{ns}termNote[@type='administrativeStatus']"))
            for t in malay.findall(f"{ns}{term_tag}")] == [
        ("Jualan singkat", "preferredTerm-admn-sts"),
        ("jualan pendek", "admittedTerm-admn-sts"),
        ("jualan <singkat> & kosong", "admittedTerm-admn-sts")]
    assert [r.ms for r in read_termbase(path).records] == ["Jualan singkat"]
    if version == "2008":
        store = tbx.tbxfile.parsefile(str(path))
        assert [u.source for u in store.units] == ["Jualan singkat"]
    before = catalog_bytes(root)
    ok(root, "import", str(path))
    assert catalog_bytes(root) == before


def test_tbx_v3_structure() -> None:
    root = xml_root(render_tbx(ROWS, version="3"))
    ns = TBX3_NS
    assert root.tag == f"{ns}tbx"
    assert root.get("type") == "TBX-Basic"
    assert root.get("style") == "dca"
    assert root.get(XML_LANG) == "ms"
    assert root.find(f"{ns}tbxHeader/{ns}fileDesc") is not None
    entries = root.findall(f"{ns}text/{ns}body/{ns}conceptEntry")
    assert len(entries) == 3
    sections = entries[0].findall(f"{ns}langSec")
    assert [s.get(XML_LANG) for s in sections] == ["ms", "en"]
    assert sections[1].findtext(f"{ns}termSec/{ns}term") == "Account executive"
    assert (
        sections[1].findtext(f"{ns}termSec/{ns}termNote[@type='administrativeStatus']")
        == "preferredTerm-admn-sts"
    )
    assert entries[0].find(f"{ns}ref").get("type") == "crossReference"


def test_tbx_status_mapping_and_target_language() -> None:
    root = xml_root(render_tbx(ROWS, lang="pt_BR"))
    entries = root.findall("text/body/termEntry")
    assert [ls.get(XML_LANG) for ls in entries[0].findall("langSet")] == ["ms", "pt-BR"]
    statuses = [
        [t.text for t in e.iter("termNote")] for e in entries
    ]
    assert statuses == [
        ["preferredTerm-admn-sts", "preferredTerm-admn-sts"],
        ["admittedTerm-admn-sts"],  # link text (the slug's suggestion is a note)
        ["preferredTerm-admn-sts", "admittedTerm-admn-sts"],  # article; fuzzy English
    ]
    assert entries[1].findtext("note") == (
        "glossari suggestion (pt-BR): Broker dealer (derived from a link slug; not confirmed)")


def test_tbx_ids_are_xml_names_and_unique() -> None:
    rows = [replace(ROWS[0], id=i, links=()) for i in ("1a", "1 a", "t-1a", "ok", "é")]
    root = xml_root(render_tbx(rows))
    ids = [e.get("id") for e in root.iter("termEntry")]
    assert len(set(ids)) == len(ids)
    assert ids[3:] == ["ok", "é"]
    assert all(re.fullmatch(r"[^\W\d][\w.\-]*", i) for i in ids)


def test_tbx_drops_control_characters() -> None:
    row = replace(ROWS[0], ms="a\x00b\x1bc\x0bd")
    root = xml_root(render_tbx([row]))
    assert root.findtext("text/body/termEntry/langSet/tig/term") == "abcd"


def test_tbx_rejects_unknown_version() -> None:
    with pytest.raises(ValueError, match="TBX version"):
        render_tbx(ROWS, version="2019")  # type: ignore[arg-type]


def test_row_json_matches_row() -> None:
    row: Row = ROWS[0]
    assert row.as_json()["categories"] == ["Kerjaya", "Perbankan"]
    assert "links" not in row.as_json()


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("t-_0123456789abcdefkos "), max_size=30)
       | st.text(max_size=30).map(lambda text: "t-" + text))
@example("t-_110000_")
@example("t-kos_ffffff_saham")
def test_any_entry_id_reads_back_without_an_error(entry_id: str) -> None:
    """term_id_of read `t-_110000_` (no xml_id writes it: another tool's id, a hand-edited
    file's) as chr(0x110000), ValueError; xml_id's own ids still read back as their terms."""
    term = term_id_of(entry_id)
    assert isinstance(term, str)
    assert term_id_of(xml_id(entry_id)) == entry_id
