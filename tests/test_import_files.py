"""Bad and foreign termbase files: each is read, or refused with exit 2 and one line naming the
file and line; nothing is ever written, and nothing crashes.

Third-party files are in tests/data/exchange/ (README.md there says where each comes from).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from _exchangekit import catalog_bytes, entry, fresh_copy, glossary_root, ok, run, translate
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossari.exchange import ExchangeError, read_termbase
from glossari.exchange.csvfile import parse_csv
from glossari.exchange.tbx import parse_tbx
from glossari.text import one_line

DATA = Path(__file__).parent / "data" / "exchange"
ONE_LINE = re.compile(r"^glossari: error: (?P<path>[^:\n]+):(?P<line>\d+): [^\n]+\n$")

@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return glossary_root(tmp_path_factory.mktemp("files"))


@pytest.fixture
def root(pristine: Path, tmp_path: Path) -> Path:
    return fresh_copy(pristine, tmp_path)



def refused(root: Path, path: Path, *args: str) -> tuple[str, int]:
    """Import ``path``; insist on exit 2, one line naming it, and no catalog byte changed.
    Returns (the message, its line)."""
    before = catalog_bytes(root)
    code, out, err = run(root, "import", str(path), *args)
    assert code == 2, (out, err)
    match = ONE_LINE.match(err)
    assert match, err
    assert match["path"] == str(path)
    assert catalog_bytes(root) == before
    return err, int(match["line"])


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<martif><text><body><termEntry><langSet xml:lang="ms"><tig><term>&lol3;</term></tig>
</langSet></termEntry></body></text></martif>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<martif><text><body><termEntry id="kos"><langSet xml:lang="ms"><tig><term>Kos</term></tig>
</langSet><langSet xml:lang="en"><tig><term>&secret;</term></tig></langSet></termEntry>
</body></text></martif>
"""

BAD_FILES = {
    # name: (bytes, expected line, words in the message)
    "bomb.tbx": (BOMB.encode(), 3, "XML entity 'lol'"),
    "external.tbx": (EXTERNAL.encode(), 2, "XML entity 'secret'"),
    "unclosed.tbx": (b'<?xml version="1.0"?>\n<martif>\n<text><body>\n</martif>\n', 4,
                     "not well-formed XML: mismatched tag"),
    "undefined-entity.tbx": (b"<martif>\n<text>&nbsp;</text></martif>", 2, "undefined entity"),
    # with a DOCTYPE naming a DTD, as every TBX 2008 file has, expat skips an undeclared
    # entity instead: "Caf&eacute;" was imported as "Caf"
    "skipped-entity.tbx": (
        b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif><text><body>\n'
        b'<termEntry id="kos"><langSet xml:lang="ms"><tig><term>Kos</term></tig></langSet>\n'
        b'<langSet xml:lang="en"><tig><term>Caf&eacute; cost</term></tig></langSet>'
        b"</termEntry></body></text></martif>", 4, "the entity '&eacute;' is not declared"),
    "empty.tbx": (b"", 1, "not well-formed XML"),
    # expat reads no multi-byte legacy encoding: a ValueError, reported as an internal error
    "shift-jis.tbx": (b'<?xml version="1.0" encoding="Shift_JIS"?>\n<martif/>', 1,
                      "cannot decode the XML: multi-byte encodings are not supported"),
    "html.tbx": (b"<html>\n<body/></html>", 1, "not a TBX file: the root element is <html>"),
    # TBX-Min (LTAC's dialect): named as the TBX it is, not "not a TBX file"
    "tbx-min.tbx": (b'<?xml version="1.0"?>\n<TBX dialect="TBX-Min">\n<header><languages '
                    b'source="ms" target="en"/></header><body><entry id="kos"><langGroup '
                    b'xml:lang="ms"><termGroup><term>Kos</term></termGroup></langGroup>'
                    b'</entry></body></TBX>', 2,
                    "a TBX-Min file (root <TBX>), a TBX dialect import does not read"),
    "english-only.tbx": (
        b'<martif><text><body>\n<termEntry><langSet xml:lang="en"><tig><term>Cost</term>'
        b"</tig></langSet></termEntry></body></text></martif>", 1,
        "no Malay (ms) language section (<langSet xml:lang=\"ms\">) in any entry (it has en)"),
    # every language the file has, the target's too (it said "it has cs" of an en+cs file)
    "english-czech.tbx": (
        b'<martif><text><body>\n<termEntry><langSet xml:lang="en"><tig><term>Cost</term>'
        b'</tig></langSet><langSet xml:lang="cs"><tig><term>N\xc3\xa1klad</term></tig>'
        b"</langSet></termEntry></body></text></martif>", 1,
        "in any entry (it has cs, en)"),
    "malay-french.tbx": (
        b'<martif><text><body>\n<termEntry><langSet xml:lang="ms"><tig><term>Kos</term>'
        b'</tig></langSet><langSet xml:lang="fr"><tig><term>Co\xc3\xbbt</term></tig>'
        b"</langSet></termEntry></body></text></martif>", 1,
        "no 'en' language section in any entry (it has fr)"),
    "bom.csv": (b"\xef\xbb\xbfid,ms,en\r\nkos,Kos,Cost\r\n", 1,
                "byte-order mark; save it as UTF-8 without one (Excel's 'CSV UTF-8' writes one"),
    "utf16.csv": ("id,ms,en\r\nkos,Kos,Cost\r\n".encode("utf-16"), 1, "UTF-16"),
    "latin1.csv": ("id,ms,en\r\nkos,Kos,Cost\r\nuntung,Untung,Profit é\r\n".encode("latin-1"),
                   3, "not UTF-8 text (byte 0xe9"),
    "columns.csv": (b"term,translation\r\nKos,Cost\r\n", 1,
                    "unknown column 'term'; the header has Weblate's columns but no 'source'"),
    # translate-toolkit reads `state` as `fuzzy`: a value it cannot be is named by its column
    "state.csv": (b"original,translation,state\r\nKos,Cost,needs-review\r\n", 2,
                  "unknown state value 'needs-review' (read as fuzzy or not)"),
    # translate-toolkit reads original as source: one column twice
    "source-twice.csv": (b"source,original,target\r\nKos,Kos,Cost\r\n", 1,
                         "the column 'source' twice, as 'source' and 'original'"),
    "no-target.csv": (b"context,source\r\nkos,Kos\r\n", 1,
                      "the header has Weblate's columns but no 'target' column"),
    # two of glossari's own columns were called "neither glossari's nor Weblate's"
    "no-en.csv": (b"id,definition_en\r\nsaham,A unit of ownership.\r\n", 1,
                  "the header has glossari's columns but no 'en' column"),
    "no-id.csv": (b"en,definition_en\r\nShare,A unit of ownership.\r\n", 1,
                  "the header has glossari's columns but no 'id' or 'ms' column"),
    "semicolons.csv": (b"id;ms;en\r\nkos;Kos;Cost\r\n", 1, "separated by semicolons"),
    # Excel in a locale with a decimal comma: `;` between cells, every cell quoted
    "quoted-semicolons.csv": (b'"id";"ms";"en"\r\n"kos";"Kos";"Cost"\r\n', 1,
                              "separated by semicolons"),
    "tabs.csv": (b"id\tms\ten\r\nkos\tKos\tCost\r\n", 1, "separated by tabs"),
    "twice.csv": (b"id,ms,en,en\r\nkos,Kos,Cost,Costs\r\n", 1, "column 'en' twice"),
    "short-row.csv": (b"id,ms,en\r\nkos,Kos,Cost\r\nuntung,Untung\r\n", 3,
                      "this row has 2 cells, the header 3"),
    "one-cell.csv": (b"id,ms,en\r\nkos,Kos,Cost\r\nuntung\r\n", 3,
                     "this row has 1 cell, the header 3"),
    "quote.csv": (b'id,ms,en\r\nkos,"Kos"x,Cost\r\n', 2, "malformed CSV"),
    # a quote left open is only noticed at the end of the file: the row it opens in is named,
    # not the file's last line
    "open-quote.csv": (b'id,ms,en\r\nkos,"Kos,Cost\r\n' + b"untung,Untung,Profit\r\n" * 50,
                       2, "a quoted cell that starts in this row is never closed"),
    "status.csv": (b"id,ms,en,status\r\nkos,Kos,Cost,done\r\n", 2, "unknown status 'done'"),
    # LibreOffice in German writes its booleans WAHR/FALSCH: a fuzzy row was read as confirmed
    "fuzzy-value.csv": (b"source,target,context,fuzzy\r\nKos,Cost,kos,FALSCH\r\n"
                        b"Untung,Profit,untung,WAHR\r\n", 2, "unknown fuzzy value 'FALSCH'"),
    "nul.csv": (b"id,ms,en\r\nkos,Kos,Co\x00st\r\n", 2, "NUL"),
    "empty.csv": (b"", 1, "the file is empty"),
    "unnamed-column-text.csv": (b"id,ms,en,\r\nkos,Kos,Cost,\r\nuntung,Untung,Profit,yes\r\n",
                                3, "text in column 4, which the header does not name"),
    "only-unnamed.csv": (b",,\r\n,,\r\n", 1, "neither glossari's nor Weblate's"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_refused_with_one_line(root: Path, tmp_path: Path, name: str) -> None:
    data, line, words = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    message, at = refused(root, path)
    assert words in message
    assert at == line


def test_excel_empty_columns_are_read(root: Path, tmp_path: Path) -> None:
    # Excel saves every column of the used range: a cell typed in and cleared leaves columns
    # with no name and no text ("id,ms,en,,"); they used to refuse the file as "column ''
    # twice" or "unknown column ''"
    path = tmp_path / "excel.csv"
    path.write_bytes(b"id,ms,en,,\r\nuntung,Untung,Profit,,\r\n,,,,\r\n")
    ok(root, "import", str(path))
    assert entry(root, "untung", "Untung") == ("Profit", False)
    weblate = parse_csv(b"source,,target\r\nKos, ,Cost\r\n", source="w.csv")
    assert [(r.ms, r.en) for r in weblate.records] == [("Kos", "Cost")]


def test_a_cleared_cell_never_deletes_a_translation(root: Path, tmp_path: Path) -> None:
    """A terminologist who empties a cell in a spreadsheet (the `en` of kos, its English
    definition) gives no value: the catalog's translations stay, with --force too."""
    before = (entry(root, "kos", "Kos"), entry(root, None, "Harga sesuatu barang."))
    assert before == (("Cost", False), ("The price of a thing.", False))
    path = tmp_path / "cleared.csv"
    path.write_bytes(b"id,ms,en,definition_en\r\nkos,Kos,,\r\n")
    ok(root, "import", str(path), "--force")
    assert (entry(root, "kos", "Kos"), entry(root, None, "Harga sesuatu barang.")) == before


def test_a_bomb_is_refused_before_it_expands() -> None:
    # a billion laughs: ten levels of ten; expanded it would be gigabytes
    levels = "".join(
        f' <!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">\n' for i in range(1, 10))
    doc = f'<?xml version="1.0"?>\n<!DOCTYPE m [\n <!ENTITY l0 "lol">\n{levels}]>\n<m>&l9;</m>'
    with pytest.raises(ExchangeError, match="XML entity 'l0'"):
        parse_tbx(doc.encode(), source="b.tbx")


@pytest.mark.parametrize(("name", "named", "advice"), [
    ("articles-s.po", "a gettext catalog (.po)",
     "msgcat --use-first articles-s.po locale/en/LC_MESSAGES/articles-s.po -o "
     "locale/en/LC_MESSAGES/articles-s.po), then run 'glossari update -l en'"),
    ("saham-dari-siti.po", "a gettext catalog (.po)", "into locale/en/LC_MESSAGES/glossary.po"),
    ("glossary.mo", "a compiled gettext catalog (.mo)", "msgunfmt glossary.mo -o glossary.po"),
    ("glossary.pot", "a gettext template (.pot)", "a template holds no translation"),
])
def test_a_gettext_file_given_to_import_is_named_so(root: Path, tmp_path: Path, name: str,
                                                     named: str, advice: str) -> None:
    """A translator's catalog sent back (Poedit's save, Weblate's download) given to import
    was "cannot tell the format from the file name; name it .tbx or .csv": renamed, it was
    refused as neither. The message names the file's kind and where its translations go."""
    folder = tmp_path / "dari-penterjemah"
    folder.mkdir()
    path = folder / name
    path.write_bytes((root / "locale/en/LC_MESSAGES/glossary.po").read_bytes())
    err, line = refused(root, path)
    assert f"{named}, which import does not read" in err, err
    assert advice in err, err
    assert "name it" not in err
    assert line == 1


@pytest.mark.parametrize(("fmt", "suffix", "named"), [
    ("json", ".json", "JSON"), ("html", ".html", "HTML"), ("md", ".md", "Markdown"),
])
def test_a_table_export_no_import_reads_is_named_so(root: Path, tmp_path: Path, fmt: str,
                                                    suffix: str, named: str) -> None:
    """`glossari table --format json` (or html, md) imported back was "cannot tell the format
    from the file name; name it .tbx or .csv": renamed as told, a JSON file was then refused as
    a CSV with no header. The message says which export is read back."""
    path = tmp_path / f"terms{suffix}"
    ok(root, "table", "--format", fmt, "-o", str(path))
    err, line = refused(root, path)
    assert f"a table in {named}, which import does not read" in err, err
    assert "glossari table --format tbx" in err
    assert "--format csv" in err
    assert "name it" not in err
    assert line == 1


def test_unknown_extension_needs_from(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_bytes(b"id,ms,en\r\nuntung,Untung,Profit\r\n")
    code, _, err = run(root, "import", str(path))
    assert code == 2
    assert "--from tbx or --from csv" in err
    ok(root, "import", str(path), "--from", "csv")
    assert entry(root, "untung", "Untung") == ("Profit", False)


def test_a_missing_file_is_one_line(root: Path, tmp_path: Path) -> None:
    code, _, err = run(root, "import", str(tmp_path / "none.tbx"))
    assert code == 2
    assert "none.tbx: cannot read the file" in err
    assert err[-1] == "\n"
    assert err.count("\n") == 1


def test_a_missing_file_or_a_folder_is_named_so_whatever_its_name(root: Path,
                                                                  tmp_path: Path) -> None:
    """A path with no extension that is no file at all (a typo, the folder the terminologist's
    files are in) was refused as a file whose name tells no format: `--from csv` was the
    advice, and it led only to a second error."""
    folder = tmp_path / "istilah-dikemas-kini"
    folder.mkdir()
    before = catalog_bytes(root)
    for path, what in ((tmp_path / "peniaga-broker", "cannot read the file"),
                       (folder, "a folder, not a termbase file")):
        code, _, err = run(root, "import", str(path))
        assert code == 2
        assert err.startswith(f"glossari: error: {path}: {what}")
        assert err.count("\n") == 1
        assert "--from" not in err
    assert catalog_bytes(root) == before


@pytest.mark.parametrize("fmt", ["tbx", "csv"])
def test_a_device_is_refused_before_it_is_read(root: Path, tmp_path: Path, fmt: str) -> None:
    # /dev/zero never ends: import read it whole, 23 GB, then 'internal error: MemoryError'
    device = tmp_path / f"zero.{fmt}"
    device.symlink_to("/dev/zero")
    code, _, err = run(root, "import", str(device))
    assert code == 2
    assert err == (f"glossari: error: {device}: a device, not a termbase file; give a .tbx or "
                   ".csv file\n")


THIRD_PARTY = {
    # file: None when it must be read (everything unknown to this glossary), else the refusal
    "translate-toolkit-descrip.tbx": "no Malay (ms) language section",
    "weblate-cs.tbx": "no Malay (ms) language section",
    "weblate-fr-extended-metadata.tbx": "no Malay (ms) language section",
    "lokalize-terms-excerpt.tbx": "no Malay (ms) language section",
    "tbx-basic-astronomy-excerpt.tbx": "no Malay (ms) language section",
    "weblate-terms-header.csv": None,
    "weblate-cs.csv": "not a termbase CSV",
    "weblate-en-multi.csv": "the header has Weblate's columns but no 'target' column",
}


@pytest.mark.parametrize("name", sorted(THIRD_PARTY))
def test_third_party_files_are_read_or_refused_clearly(root: Path, name: str) -> None:
    path = DATA / name
    expected = THIRD_PARTY[name]
    if expected is not None:
        message, _ = refused(root, path)
        assert expected in message
        return
    before = catalog_bytes(root)
    out, _ = ok(root, "import", str(path), "--format", "json")
    report = json.loads(out)
    assert catalog_bytes(root) == before
    assert report["summary"]["unknown"] > 100  # Czech software terms: none is in the glossary
    assert report["summary"]["applied"] == 0


def test_third_party_tbx_is_read_with_the_right_language() -> None:
    # the Czech files read as Czech: every entry has both sides
    for name in ("weblate-cs.tbx", "lokalize-terms-excerpt.tbx"):
        data = (DATA / name).read_bytes()
        with pytest.raises(ExchangeError):
            parse_tbx(data, source=name, lang="cs")  # still no Malay
    base = read_termbase(DATA / "weblate-terms-header.csv")
    assert base.format == "csv-weblate"
    assert base.records[0].ms == "&About"
    assert base.records[0].en == "O &aplikaci"
    assert base.records[3].ms == "Loading, please wait..."
    assert base.records[3].line == 5


def test_translate_toolkit_writers_are_imported(root: Path, tmp_path: Path) -> None:
    """Files written by translate-toolkit (Weblate's reader and writer), Malay to English."""
    from translate.storage import csvl10n, tbx

    termbase = tbx.tbxfile(sourcelanguage="ms", targetlanguage="en")
    unit = termbase.addsourceunit("Kos")
    unit.target = "Costs"
    unit.setid("kos")
    termbase.addsourceunit("Untung").target = "Profit"
    termbase.addsourceunit("Dividen").target = "Dividend"
    tbx_path = tmp_path / "tt.tbx"
    tbx_path.write_bytes(bytes(termbase))
    report = json.loads(ok(root, "import", str(tbx_path), "--format", "json")[0])
    assert {o["kind"]: o["term"] for o in report["outcomes"]} == {
        "conflict": "kos", "applied": "untung", "unknown": None}
    assert entry(root, "untung", "Untung") == ("Profit", False)

    table = csvl10n.csvfile()
    unit = table.addsourceunit("Harga")
    unit.target = "Price"
    unit.setcontext("harga")
    table.addsourceunit("saham biasa").target = "Common stock"
    csv_path = tmp_path / "tt.csv"
    csv_path.write_bytes(bytes(table))
    report = json.loads(ok(root, "import", str(csv_path), "--force", "--format", "json")[0])
    assert report["format"] == "csv-weblate"
    assert entry(root, "harga", "Harga") == ("Price", False)
    assert entry(root, "/common-stock", "saham biasa") == ("Common stock", False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_no_bytes_crash_the_readers(data: bytes) -> None:
    for parse in (parse_csv, parse_tbx):
        message = ""
        try:
            parse(data, source="x")
        except ExchangeError as error:  # the only failure allowed: one line, naming the file
            message = str(error)
        assert "\n" not in message
        assert not message or message.startswith("x:")


def _weblate_exports(text: str) -> str:
    # Weblate 5's CSV export, weblate.formats.exporters.CSVExporter.string_filter
    if text and text[0] in ("=", "+", "-", "@", "|", "%"):
        return "'{}'".format(text.replace("|", "\\|"))
    return text


def _weblate_imports(cell: str) -> str:
    # Weblate 5's CSV import, weblate.formats.ttkit.CSVUnit.unescape_csv
    if len(cell) > 2 and cell[0] == "'" and cell[-1] == "'" and cell[1] in (
            "=", "+", "-", "@", "\\", "%"):
        return cell[1:-1].replace("\\|", "|")
    return cell


_CELL = st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from(
    list("=+-@|%'\\")), min_size=1, max_size=8)


@settings(max_examples=500, deadline=None)
@given(_CELL)
def test_a_weblate_csv_cell_is_read_as_weblate_reads_it(text: str) -> None:
    """Weblate's own CSV export wraps a text starting with = + - @ | % in quotes (`'-5%
    margin'`, `|` as `\\|`): glossari took off the first quote only and imported `-5% margin'`.
    And glossari's --csv-weblate wrote `'=1+1`, which Weblate's import keeps as it is: the
    headword arrived in Weblate with its quote. Each side now reads the other's cells back."""
    from glossari.exchange._text import weblate_unescape
    from glossari.export.csvtable import weblate_escape

    assert weblate_unescape(_weblate_exports(text)) == text or (
        # a text that already looks escaped: Weblate's own import unwraps it too
        _weblate_imports(text) != text)
    assert weblate_unescape(weblate_escape(text)) == text
    if text[0] in "=+-@|%":
        assert _weblate_imports(weblate_escape(text)) == text


@settings(max_examples=500, deadline=None)
@given(_CELL.filter(lambda t: t[:2] != "'\\"))
@example("'-' sign")
def test_a_cell_a_person_typed_is_read_by_the_rule_of_what_wrote_the_file(text: str) -> None:
    """`'-' sign` typed into Weblate's columns lost its quote on import (glossari's own rule,
    one `'` off before = + - @, was applied to every file), and glossari's --csv-weblate wrote
    it `''-' sign`, which Weblate kept with both quotes: Weblate's columns are read, and
    written, by Weblate's rule alone; glossari's keep glossari's."""
    from glossari.exchange._text import unneutralise, weblate_unescape
    from glossari.export.csvtable import neutralise, weblate_escape

    assert weblate_unescape(text) == _weblate_imports(text)
    assert _weblate_imports(weblate_escape(text)) == text
    assert unneutralise(neutralise(text)) == text


def test_a_quote_typed_before_a_trigger_is_kept_in_weblate_columns(root: Path,
                                                                   tmp_path: Path) -> None:
    weblate = tmp_path / "weblate.csv"
    weblate.write_text("source,target,context,fuzzy\r\n"
                       "Untung,'-' sign,untung,False\r\n"
                       "Harga,'=Harga pasaran,harga,False\r\n", encoding="utf-8")
    ok(root, "import", str(weblate), "--force")
    assert entry(root, "untung", "Untung") == ("'-' sign", False)
    assert entry(root, "harga", "Harga") == ("'=Harga pasaran", False)
    ours = tmp_path / "glossari.csv"  # glossari's columns: glossari's exporter wrote the quote
    ours.write_text("id,ms,en,status\r\nuntung,Untung,''-' margin,translated\r\n"
                    "harga,Harga,'@Harga,translated\r\n", encoding="utf-8")
    ok(root, "import", str(ours), "--force")
    assert entry(root, "untung", "Untung") == ("'-' margin", False)
    assert entry(root, "harga", "Harga") == ("@Harga", False)


def test_a_weblate_export_with_escaped_cells_is_imported_as_weblate_meant(
        root: Path, tmp_path: Path) -> None:
    path = tmp_path / "weblate.csv"
    path.write_text('"source","target","context","fuzzy"\r\n'
                    '"Untung","\'-Profit | loss\'","untung","False"\r\n'
                    '"Harga","\'%\\|Price\'","harga","False"\r\n', encoding="utf-8")
    ok(root, "import", str(path), "--force")
    assert entry(root, "untung", "Untung") == ("-Profit | loss", False)
    assert entry(root, "harga", "Harga") == ("%|Price", False)


_FUZZY_WORDS = ("true", "1", "yes", "y", "x", "fuzzy")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["x", "X", " x ", "True", "TRUE", "1", "yes", "Fuzzy", "False", "0", "no",
                        "", "n", "maybe"])
       | st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=6))
def test_a_weblate_row_translate_toolkit_reads_as_fuzzy_is_never_confirmed(cell: str) -> None:
    """Weblate's CSV reader (translate-toolkit) reads `x` in the `fuzzy` column as fuzzy, and
    glossari read the row as confirmed and imported its `target` as a translation: whatever
    translate-toolkit reads as fuzzy is unconfirmed here too."""
    from translate.storage import csvl10n

    unit = csvl10n.csvunit("Dividen")
    unit.fuzzy = cell
    if '"' in cell:
        return  # a cell the quoted one below cannot hold as written
    data = f'source,target,context,fuzzy\r\nDividen,Dividend,dividen,"{cell}"\r\n'.encode()
    if cell.strip().lower() not in ("", "false", "0", "no", "n", *_FUZZY_WORDS):
        # a value neither side of the rule: refused, not guessed
        with pytest.raises(ExchangeError, match=r"^w\.csv:2: unknown fuzzy value"):
            parse_csv(data, source="w.csv")
        return
    record = parse_csv(data, source="w.csv").records[0]
    if unit.isfuzzy():
        assert (record.en_status, record.en_confirmed) == ("fuzzy", False), cell
    if record.en_confirmed:
        assert not unit.isfuzzy()


def test_a_weblate_row_ticked_fuzzy_with_x_is_not_imported(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "weblate-x.csv"
    path.write_text("source,target,context,fuzzy\r\nUntung,Profit,untung,x\r\n",
                    encoding="utf-8")
    before = catalog_bytes(root)
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [o["kind"] for o in report["outcomes"]] == ["unconfirmed"]
    assert catalog_bytes(root) == before


def test_an_english_to_malay_termbase_is_refused_not_imported_backwards(tmp_path: Path) -> None:
    """A Weblate glossary with English as its source, exported by translate-toolkit, has the
    English in `source` and the Malay in `target`. The Malay side is matched by every name of
    a term, its English headword too: the Malay link text `akaun amanah` was imported as the
    English of the term whose English was only its slug's suggestion (`trust account`), and
    with --force the Malay replaced every English headword. Its Malay loanwords (Sukuk) are
    no swap."""
    from _catalog_oracles import article
    from translate.storage import csvl10n

    root = glossary_root(tmp_path, {
        "saham": article("Saham", "Lihat [akaun amanah](/trust-account) dan [sukuk](/sukuk).\n",
                         description="Unit pemilikan."),
        "sukuk": article("Sukuk", "Sukuk ialah bon Islam.\n"),
    })
    from _exchangekit import translate

    translate(root, {("saham", "Saham"): ("Share", False), ("sukuk", "Sukuk"): ("Sukuk", False)})
    before = catalog_bytes(root)
    table = csvl10n.csvfile()
    for english, malay in (("Sukuk", "Sukuk"), ("trust account", "akaun amanah"),
                           ("Share", "Saham")):
        table.addsourceunit(english).target = malay
    path = tmp_path / "weblate-en-ms.csv"
    path.write_bytes(bytes(table))
    for args in ((), ("--force",), ("--dry-run",)):
        code, _, err = run(root, "import", str(path), *args)
        assert code == 2, err
        assert err.count("\n") == 1
        assert ":3: the Malay column gives 'trust account'" in err
        assert "the columns are swapped" in err
    assert catalog_bytes(root) == before
    # the same terms the right way round, loanword included, are imported
    table = csvl10n.csvfile()
    for malay, english in (("Sukuk", "Sukuk"), ("akaun amanah", "Trust account")):
        table.addsourceunit(malay).target = english
    path.write_bytes(bytes(table))
    ok(root, "import", str(path))
    assert entry(root, "/trust-account", "akaun amanah") == ("Trust account", False)


DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="ms" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
  <tbxHeader><fileDesc><sourceDesc><p>hand-written, DCT style</p></sourceDesc></fileDesc>
  </tbxHeader>
  <text><body>
    <conceptEntry id="untung">
      <min:subjectField>Asas</min:subjectField>
      <langSec xml:lang="ms"><termSec><term>Untung</term></termSec></langSec>
      <langSec xml:lang="en">
        <basic:definition>What is left.</basic:definition>
        <termSec><term>Gain</term>
          <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus>
        </termSec>
        <termSec><term>Profit</term>
          <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_v3_dct_style_is_read() -> None:
    base = parse_tbx(DCT.encode(), source="dct.tbx")
    assert base.format == "tbx-3"
    (record,) = base.records
    assert (record.id, record.ms, record.en, record.definition_en, record.categories) == (
        "untung", "Untung", "Profit", "What is left.", ("Asas",))


@pytest.mark.parametrize("status", [
    '<termNote type="administrativeStatus">forbidden</termNote>',   # Weblate's export
    '<termNote type="administrativeStatus">forbiddenTerm-admn-sts</termNote>',
    '<termNote type="normativeAuthorization">deprecatedTerm</termNote>',
    '<termNote type="normativeAuthorization">supersededTerm</termNote>',
])
def test_a_term_the_tbx_rejects_is_never_the_approved_english(status: str) -> None:
    """`forbidden` (Weblate) and `normativeAuthorization` were not read: `Acct` became the
    approved English of `Akaun`, and with --force replaced a good translation."""
    tbx = f"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="ms"><text><body>
<termEntry id="akaun"><langSet xml:lang="ms"><tig><term>Akaun</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Acct</term>{status}</tig></langSet></termEntry>
<termEntry id="kos"><langSet xml:lang="ms"><tig><term>Kos</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Outlay</term>{status}</tig><tig><term>Cost</term></tig>
</langSet></termEntry>
</body></text></martif>"""
    records = {r.id: r.en for r in parse_tbx(tbx.encode(), source="weblate.tbx").records}
    assert records == {"akaun": None, "kos": "Cost"}


def test_malay_only_export_is_read_with_nothing_to_import(tmp_path: Path) -> None:
    """glossari's TBX of a glossary with no English yet has Malay sections only."""
    from _catalog_oracles import article, make_root

    root = make_root(tmp_path, {"kos": article("Kos", "Kos.\n", description="Harga.")})
    ok(root, "extract")
    ok(root, "update", "-l", "en")
    for args in (["--format", "tbx"], ["--format", "tbx", "--tbx-version", "3"]):
        path = tmp_path / "ms.tbx"
        ok(root, "table", "-o", str(path), *args)
        assert b'xml:lang="en"' not in path.read_bytes()
        before = catalog_bytes(root)
        _, err = ok(root, "import", str(path))
        assert "0 applied, 0 unchanged, 0 conflicts kept, 0 unknown" in err
        assert catalog_bytes(root) == before


def test_a_status_in_a_term_note_group_is_read() -> None:
    """A `termNoteGrp` holding `deprecatedTerm-admn-sts` (valid TBX-Basic v3 and TBX 2008) was
    not read: the deprecated `Cost of goods` became the approved English, ahead of the
    preferred `Cost of sales`, and a superseded term was offered as the only one."""
    tbx = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="kos"><langSec xml:lang="ms"><termSec><term>Kos</term></termSec></langSec>
<langSec xml:lang="en">
<termSec><term>Cost of goods</term><termNoteGrp>
<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termNoteGrp></termSec>
<termSec><term>Cost of sales</term><termNoteGrp>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termNoteGrp></termSec>
</langSec></conceptEntry>
<conceptEntry id="untung"><langSec xml:lang="ms"><termSec><term>Untung</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>Gain</term><termNoteGrp>
<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termNoteGrp></termSec>
</langSec></conceptEntry>
</body></text></tbx>"""
    records = {r.id: r.en for r in parse_tbx(tbx.encode(), source="grp.tbx").records}
    assert records == {"kos": "Cost of sales", "untung": None}


@pytest.mark.parametrize(("name", "data"), [
    ("esc.csv", b"id,ms,en\r\nuntung,Untung,Pro\x1b[31mfit\r\n"),
    ("del.csv", b"id,ms,en\r\nuntung,Untung,Profit\x7f\r\n"),
    ("c1.tbx", b'<martif><text><body>\n<termEntry id="untung"><langSet xml:lang="ms"><tig>'
               b'<term>Untung</term></tig></langSet><langSet xml:lang="en"><tig>'
               b"<term>Pro&#x9b;fit</term></tig></langSet></termEntry></body></text></martif>"),
])
def test_a_control_character_is_refused_not_written(root: Path, tmp_path: Path, name: str,
                                                    data: bytes) -> None:
    """An ESC from a CSV cell was written into glossary.po, which check and compile then
    refused ("control character U+001B in a string"); a C1 from TBX became a C209 error."""
    path = tmp_path / name
    path.write_bytes(data)
    err, line = refused(root, path)
    assert "control character U+" in err
    assert line == 2


@pytest.mark.parametrize(("malay", "target", "lang"), [
    ("may", "eng", "en"), ("MSA-MY", "en-GB", "en"), ("zsm", "EN", "en"), ("ms", "in-ID", "id")])
def test_a_language_has_one_answer_whatever_code_a_tool_writes(malay: str, target: str,
                                                               lang: str) -> None:
    """ISO 639-1, 639-2/T and /B, 639-3 and withdrawn codes are one language, on both sides."""
    tbx = (f'<martif type="TBX"><text><body><termEntry id="kos"><langSet xml:lang="{malay}">'
           f'<tig><term>Kos</term></tig></langSet><langSet xml:lang="{target}"><tig><term>Cost'
           f'</term></tig></langSet></termEntry></body></text></martif>')
    records = parse_tbx(tbx.encode(), source="codes.tbx", lang=lang).records
    assert [(r.id, r.ms, r.en) for r in records] == [("kos", "Kos", "Cost")]


def test_a_spreadsheet_error_value_is_no_translation(root: Path, tmp_path: Path) -> None:
    """A formula the spreadsheet could not compute comes back as `#NAME?` or `Err:508`: never the
    English of a term, each told as unconfirmed, the rest of the row imported."""
    csv_path = tmp_path / "sheet.csv"
    csv_path.write_bytes(b"id,ms,en,definition_en\r\n"
                         b"harga,Harga,#NAME?,The price paid.\r\n"
                         b"untung,Untung,Profit,Err:508\r\n")
    before = entry(root, "harga", "Harga")
    report = json.loads(ok(root, "import", str(csv_path), "--force", "--format", "json")[0])
    errors = [o for o in report["outcomes"] if o["imported"] in ("#NAME?", "Err:508")]
    assert [(o["kind"], o["field"], o["line"]) for o in errors] == [
        ("unconfirmed", "headword", 2), ("unconfirmed", "definition", 3)]
    assert entry(root, "harga", "Harga") == before
    assert entry(root, "untung", "Untung") == ("Profit", False)
    assert entry(root, None, "Harga sesuatu barang.")[0] != "#NAME?"


@pytest.mark.parametrize("version", ["2008", "3"])
@given(ms=st.one_of(st.none(), st.sampled_from(["peniaga broker", "saham-saham", "Pelaburannya"])),
       en=st.sampled_from(["FINRA", "broker-dealer", "Shares"]),
       definition=st.one_of(st.none(), st.just("Badan kawal selia.")))
@settings(max_examples=20, deadline=None)
def test_a_term_with_english_only_is_read_with_english_as_the_target(
        version: str, ms: str | None, en: str, definition: str | None) -> None:
    """A term with no Malay headword (FINRA, whose only link text was broken) was exported
    with its English section alone, which translate-toolkit read as the Malay source with no
    translation; the Malay section comes first, empty, and both readers read English as
    English, and the Malay definition is kept."""
    from translate.storage import tbx

    from glossari.export.rows import Row
    from glossari.export.tbx import render_tbx

    row = Row(id="finra", ms=ms, en=en, kind="link", status="translated",
              definition_ms=definition, source="seeds/peniaga-broker.md:3")
    data = render_tbx([row], version=version).encode()
    record = parse_tbx(data, source="b.tbx", lang="en").records[0]
    assert (record.ms, record.en, record.definition_ms) == (ms, en, definition)
    if version == "2008":  # translate-toolkit reads TBX 2008 only
        unit = tbx.tbxfile.parsestring(data).units[0]
        assert (unit.source or None, unit.target) == (ms, en)


def test_a_common_tools_csv_with_more_columns_is_imported(root: Path, tmp_path: Path) -> None:
    """A terminologist's `notes` beside glossari's columns, or translate-toolkit's other names
    for its columns (`original`, `translation`), refused the whole file as 'unknown columns':
    what a layout reads is read, other columns are named once in a note and ignored."""
    ours = tmp_path / "istilah-nota.csv"
    ours.write_text("id,ms,en,status,notes,Semakan\r\n"
                    "untung,Untung,Net profit,translated,disemak oleh Aminah,ya\r\n"
                    "harga,Harga,Price,untranslated,,\r\n", encoding="utf-8")
    report = json.loads(ok(root, "import", str(ours), "--force", "--format", "json")[0])
    notes = [o for o in report["outcomes"] if o["kind"] == "note" and o["line"] == 1]
    assert len(notes) == 1
    assert "'notes', 'Semakan'" in notes[0]["message"]
    assert entry(root, "untung", "Untung") == ("Net profit", False)
    assert entry(root, "harga", "Harga") == ("Price", False)

    toolkit = tmp_path / "peniaga-broker.csv"
    toolkit.write_text('"location","original","translation","state","notes"\r\n'
                       '"","Kos","Costs","False","komen"\r\n'
                       '"","saham biasa","Ordinary shares","fuzzy",""\r\n', encoding="utf-8")
    code, _, err = run(root, "import", str(toolkit), "--force")
    assert code == 0, err
    assert entry(root, "kos", "Kos") == ("Costs", False)
    assert entry(root, "/common-stock", "saham biasa") != ("Ordinary shares", False)
    assert "note" not in err  # every column is one translate-toolkit reads

    from translate.storage import csvl10n  # the oracle: translate-toolkit reads them so
    units = csvl10n.csvfile.parsefile(str(toolkit)).units
    assert [(u.source, u.target, u.isfuzzy()) for u in units if u.source] == [
        ("Kos", "Costs", False), ("saham biasa", "Ordinary shares", True)]


# Pontoon's TBX v3 export (TBX-Basic, pontoon/terminology/utils.py build_tbx_v3_file) gives each
# definition with its term, in the termSec's descripGrp; Lokalize-style TBX 2008 in the ntig
TERM_LEVEL = {
    "pontoon-v3.tbx": """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="ms" xmlns="urn:iso:std:iso:30042:ed-2">
	<tbxHeader><fileDesc><titleStmt><title>Terms</title></titleStmt></fileDesc></tbxHeader>
	<text>
		<body>
			<conceptEntry id="c17">
				<langSec xml:lang="ms">
					<termSec>
						<term>Harga</term>
						<termNote type="partOfSpeech">noun</termNote>
						<descripGrp>
							<descrip type="definition">Nilai wang sesuatu.</descrip>
							<descrip type="context">Harga saham naik.</descrip>
						</descripGrp>
					</termSec>
				</langSec>
				<langSec xml:lang="en-GB">
					<termSec>
						<term>Price</term>
						<descripGrp>
							<descrip type="definition">The money value of a thing.</descrip>
						</descripGrp>
					</termSec>
				</langSec>
			</conceptEntry>
		</body>
	</text>
</tbx>
""",
    "ntig-2008.tbx": """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="ms"><text><body>
<termEntry id="harga">
  <langSet xml:lang="MS"><ntig><termGrp><term>Harga</term></termGrp></ntig></langSet>
  <langSet xml:lang="EN">
    <ntig><termGrp><term>Value</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp>
      <descrip type="definition">Not this one.</descrip></ntig>
    <ntig><termGrp><term>Price</term></termGrp>
      <descrip type="definition">The money value of a thing.</descrip></ntig>
  </langSet>
</termEntry>
</body></text></martif>
""",
}


@pytest.mark.parametrize("name", sorted(TERM_LEVEL))
def test_a_definition_given_with_its_term_is_imported(root: Path, tmp_path: Path,
                                                      name: str) -> None:
    # read only from the language section (or its descripGrp), a definition written with the
    # term was dropped without a word: the English definition stayed empty
    path = tmp_path / name
    path.write_text(TERM_LEVEL[name], encoding="utf-8")
    (record,) = parse_tbx(path.read_bytes(), source=name).records
    assert (record.ms, record.en, record.definition_en) == (
        "Harga", "Price", "The money value of a thing.")
    ok(root, "import", str(path), "--force")
    assert entry(root, None, "Nilai wang sesuatu.") == ("The money value of a thing.", False)
    assert entry(root, "harga", "Harga") == ("Price", False)


def test_a_value_weblate_would_read_without_its_quotes_is_named(root: Path,
                                                                 tmp_path: Path) -> None:
    # '%' cost' is read by Weblate's CSV import as %' cost however it is written: --csv-weblate
    # wrote it without a word, and the headword reached Weblate without its quotes
    translate(root, {("kos", "Kos"): ("'%' cost'", False), ("bank", "Bank"): ("=1+1", False)})
    out = tmp_path / "w.csv"
    code, _, err = run(root, "table", "--csv-weblate", "-o", str(out))
    assert code == 0
    assert ("glossari: warning: Weblate's import reads 1 value without the quotes around it "
            "(the first: \"'%' cost'\" of kos)") in err, err
    # what Weblate (and so glossari) reads back is not the translation
    (record,) = [r for r in parse_csv(out.read_bytes(), source="w.csv").records if r.id == "kos"]
    assert record.en == "%' cost"
    # a value Weblate's own wrapping carries (=1+1 as '=1+1') is no loss
    translate(root, {("kos", "Kos"): ("Cost", False)})
    code, _, err = run(root, "table", "--csv-weblate", "-o", str(out))
    assert code == 0
    assert "warning" not in err, err


_BACKSLASHED = st.text(st.sampled_from(list("\\\\\\|\"', kosCDx")), min_size=1, max_size=12).map(
    lambda t: "Dana " + t)


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(st.tuples(_BACKSLASHED, _BACKSLASHED), min_size=1, max_size=4))
@example(cells=[("Dana C:\\dana", "Fund C:\\dana")])
def test_translate_toolkits_own_dialect_is_read_as_it_wrote_it(
        cells: list[tuple[str, str]]) -> None:
    """po2csv, and any new translate-toolkit store, write with its own CSV dialect, whose escape
    character writes each backslash twice (`C:\\dana` as `"C:\\\\dana"`): glossari read two,
    so a catalog's `C:\\dana` given back by po2csv unchanged was a conflict, and `--force`
    wrote `C:\\\\dana` into it. A file re-saved by translate-toolkit after reading one (which
    writes a new cell's backslash once) is refused at that cell when the file holds a
    backslash written twice as well."""
    from translate.storage import csvl10n

    table = csvl10n.csvfile()
    for i, (malay, english) in enumerate(cells):
        unit = table.addsourceunit(malay)
        unit.target = english
        unit.setcontext(f"dana-{i}")
    written = bytes(table)
    assert written.startswith(b'"location",')
    base = parse_csv(written, source="po2csv.csv")
    assert [(r.id, r.ms, r.en) for r in base.records] == [
        (f"dana-{i}", malay, english) for i, (malay, english) in enumerate(cells)]
    # the oracle: translate-toolkit reading with the dialect it wrote with
    oracle = csvl10n.csvfile()
    oracle.parse(written, dialect="default")
    assert [(u.source, u.target) for u in oracle.units] == [(r.ms, r.en) for r in base.records]
    # re-saved after a read (translate-toolkit's sniffed dialect has no escape character): a
    # new cell's backslash is written once; beside the cells it wrote twice, neither reading
    # is right for the whole file, which is refused at the new cell (test_a_lone_backslash...)
    again = csvl10n.csvfile(io.BytesIO(written))
    again.addsourceunit("Dana C:\\baharu").target = "New C:\\fund"
    if b"\\" in written:
        with pytest.raises(ExchangeError, match="a lone backslash in 'Dana C:\\\\baharu'") as no:
            parse_csv(bytes(again), source="resaved.csv")
        assert no.value.line == len(cells) + 2
    else:  # no backslash written twice: the file's one backslash is read as it stands
        resaved = parse_csv(bytes(again), source="resaved.csv")
        assert resaved.records[-1].en == "New C:\\fund"


@pytest.mark.parametrize("typed", ["F\\und", "C:\\\\\\dana", "Kos \\ jualan"])
def test_a_lone_backslash_in_a_po2csv_file_is_refused_at_its_line(
        root: Path, tmp_path: Path, typed: str) -> None:
    """A po2csv file (each backslash written twice) in which a terminologist typed one lone
    backslash was read as written, whole: every backslash po2csv had escaped came back
    doubled (a conflict with the catalog, which --force wrote) while the typed one was right.
    Neither reading is right for the whole file: it is refused at the row, nothing written."""
    translate(root, {("untung", "Untung"): ("Profit (C:\\dana\\untung)", False)})
    catalog = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    from translate.convert import po2csv

    out = tmp_path / "po2csv.csv"
    with catalog.open("rb") as src, out.open("wb") as dst:
        po2csv.convertcsv(src, dst, None)
    written = out.read_bytes()
    assert b"C:\\\\dana" in written
    rows = written.decode().split("\r\n")
    edited = next(i for i, row in enumerate(rows) if row.endswith('"Kos","Cost"'))
    kept = rows[edited].rsplit(",", 1)[0]
    rows[edited] = f'{kept},"{typed}"'
    out.write_bytes("\r\n".join(rows).encode())
    before = catalog_bytes(root)
    for force in ([], ["--force"]):
        code, _, err = run(root, "import", str(out), *force)
        assert code == 2, err
        assert err.startswith(f"glossari: error: {out}:{edited + 1}: a lone backslash in "
                              f"'{typed}', in a file that writes each backslash twice"), err
        assert len(err.splitlines()) == 1
        assert catalog_bytes(root) == before
    # written twice, as the rest of the file writes it, each pair is read as one backslash
    doubled = typed.replace("\\", "\\\\")
    rows[edited] = f'{kept},"{doubled}"'
    out.write_bytes("\r\n".join(rows).encode())
    report = json.loads(ok(root, "import", str(out), "--format", "json")[0])
    assert [(o["term"], o["catalog"], o["imported"]) for o in report["outcomes"]
            if o["kind"] == "conflict"] == [("kos", "Cost", typed)], report


def test_a_po2csv_round_trip_of_a_backslash_is_no_conflict(root: Path, tmp_path: Path) -> None:
    """A catalog translation holding a backslash, given back by po2csv unchanged, is unchanged:
    it was a conflict ('C:\\dana' against 'C:\\\\dana'), and --force doubled the backslash."""
    translate(root, {("untung", "Untung"): ("Profit (C:\\dana\\untung)", False)})
    catalog = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    from translate.convert import po2csv

    out = tmp_path / "po2csv.csv"
    with catalog.open("rb") as src, out.open("wb") as dst:
        po2csv.convertcsv(src, dst, None)
    assert b"C:\\\\dana" in out.read_bytes()
    before = catalog_bytes(root)
    report = json.loads(ok(root, "import", str(out), "--format", "json")[0])
    assert report["summary"]["conflict"] == 0, report
    assert catalog_bytes(root) == before
    ok(root, "import", str(out), "--force")
    assert entry(root, "untung", "Untung") == ("Profit (C:\\dana\\untung)", False)


@pytest.mark.parametrize("english", ["=Cost", "+60 3-1234 Cost", "-5% cost", "@cost"])
def test_po2csv_s_formula_quote_is_taken_off(root: Path, tmp_path: Path, english: str) -> None:
    """po2csv (escape_formulas, translate-toolkit's default) writes a `'` before a value
    starting with `=`, `+`, `-` or `@`, which its own reader leaves on: a catalog's `=Cost`
    given back unchanged was a conflict with `'=Cost` (written by --force), and a catalog
    without it took `'=Cost` as the translation."""
    from translate.convert import po2csv

    translate(root, {("untung", "Untung"): (english, False)})
    catalog = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    out = tmp_path / "po2csv.csv"
    with catalog.open("rb") as src, out.open("wb") as dst:
        po2csv.convertcsv(src, dst, None)
    assert f'"\'{english}"'.encode() in out.read_bytes()
    before = catalog_bytes(root)
    report = json.loads(ok(root, "import", str(out), "--format", "json")[0])
    assert report["summary"]["conflict"] == 0, report
    assert catalog_bytes(root) == before
    translate(root, {("untung", "Untung"): ("", False)})  # the term untranslated: it takes it
    ok(root, "import", str(out))
    assert entry(root, "untung", "Untung") == (english, False)
    # a quote a person typed, not before a formula's start, and Weblate's wrapping, as before
    header = '"location","source","target","context"\r\n'
    base = parse_csv((header + '"","Untung","\'profit\'","untung"\r\n'
                      '"","Kos","\'-5% kos\'","kos"\r\n').encode(), source="p.csv")
    assert [r.en for r in base.records] == ["'profit'", "-5% kos"]


def test_a_dash_for_standard_input_is_told_apart_from_a_missing_file(root: Path) -> None:
    """`import -` (as `find -` reads standard input) said "-: cannot read the file: No such file
    or directory; check the path", as if a file named '-' had been meant."""
    code, _, err = run(root, "import", "-", "--from", "csv")
    assert code == 2
    assert err == ("glossari: error: -: '-' names standard input, which import does not read; "
                   "give the file's path (or /dev/stdin, with --from tbx or --from csv)\n")


@settings(max_examples=25, deadline=None)
@given(before=st.text(st.sampled_from("Dana pelaburan-saham\u00a0 \t"), max_size=90),
       after=st.text(st.sampled_from("unit amanah \u00a0\n"), max_size=90))
@example(before="Dana pelaburan unit amanah bagi saham-saham syarikat C:", after="dana")
def test_a_lone_backslash_is_shown_in_its_message_however_long_the_cell(
        before: str, after: str) -> None:
    """The refusal of a lone backslash quotes its cell as every message quotes a value
    (:func:`glossari.text.excerpt`: one line, 60 characters at most) and shows the backslash it
    names: a cut of its own, to 37 characters, hid a backslash typed further on, and the message
    named a lone backslash in a quote that held none."""
    cell = f"{before}\\{after}"
    written = ('"location","source","target"\r\n"","C:\\\\dana","Fund C:\\\\dana"\r\n'
               f'"","Kos","{cell}"\r\n')
    with pytest.raises(ExchangeError) as no:
        parse_csv(written.encode(), source="resaved.csv")
    message = str(no.value)
    assert no.value.line == 3
    shown = message.split("a lone backslash in '", 1)[1].split("', in a file that", 1)[0]
    assert "\\" in shown, message
    assert "\n" not in message, message
    assert len(shown) <= 60, message
    assert shown.strip(".") in one_line(cell), message


@pytest.mark.parametrize("depth", [1, 5_000])
def test_a_term_nested_deep_in_inline_markup_is_read_not_a_crash(depth: int) -> None:
    """A term's text inside `<hi>` nested thousands deep (which expat reads) raised
    RecursionError, an internal error, where a bad file must give one line or be read."""
    term = "<hi>" * depth + "Pelaburan<hi>nya</hi>" + "</hi>" * depth
    tbx = f"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="ms"><text><body>
<termEntry id="pelaburan"><langSet xml:lang="ms"><tig><term>{term}</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Invest<hi>ment</hi></term></tig></langSet></termEntry>
</body></text></martif>"""
    (record,) = parse_tbx(tbx.encode(), source="deep.tbx").records
    assert (record.ms, record.en) == ("Pelaburannya", "Investment")


def test_a_definition_longer_than_pythons_csv_cell_limit_comes_back(tmp_path: Path) -> None:
    """Python's CSV reader refuses a cell of more than 131,072 characters, and glossari's own
    export of a long definition was refused on import as 'malformed CSV: field larger than
    field limit': export, then import, must give every translation back."""
    import csv

    from _catalog_oracles import article

    malay = " ".join(["Pelaburan saham-saham oleh peniaga broker bagi dana amanahnya."] * 2_200)
    english = " ".join(["Investment in shares by a broker-dealer for its unit trust."] * 2_300)
    assert len(english) > csv.field_size_limit()
    assert len(malay) > csv.field_size_limit()
    root = glossary_root(tmp_path, {"pelaburan-panjang": article(
        "Pelaburan panjang", "Lihat [peniaga broker](/broker-dealer).\n", description=malay)},
        translations={})
    translate(root, {("pelaburan-panjang", "Pelaburan panjang"): ("Long investment", False),
                     (None, malay): (english, False)})
    translated = catalog_bytes(root)
    limit = csv.field_size_limit()
    for args in (["--format", "csv"], ["--csv-weblate"]):
        out = tmp_path / "g.csv"
        ok(root, "table", "-o", str(out), *args)
        translate(root, {("pelaburan-panjang", "Pelaburan panjang"): ("", False),
                         (None, malay): ("", False)})
        ok(root, "import", str(out))
        if args == ["--format", "csv"]:  # Weblate's columns carry no English definition
            assert catalog_bytes(root) == translated
        assert entry(root, "pelaburan-panjang", "Pelaburan panjang") == ("Long investment", False)
        translate(root, {(None, malay): (english, False)})
    assert csv.field_size_limit() == limit  # the process's limit is left as it was


def test_a_tbx_basic_v3_sample_is_imported_when_it_has_malay(tmp_path: Path) -> None:
    """The TBX-Basic v3 (DCA) sample of tests/data/exchange (processing instructions, transacGrp,
    xref, a definition in a descripGrp over two lines, a term's context in its own descripGrp,
    a superseded term) is refused without Malay, one line naming the root; its Spanish sections
    retagged as Malay, the preferred English and the language section's definition are imported
    into the term of the entry's id, never the superseded term or the term's context."""
    from _catalog_oracles import article

    data = (DATA / "tbx-basic-astronomy-excerpt.tbx").read_bytes()
    with pytest.raises(ExchangeError, match=r":4: no Malay .*\(it has en, es\)"):
        parse_tbx(data, source="astro.tbx", lang="en")
    root = glossary_root(tmp_path, {"c1": article(
        "Kelompok bintang terbuka", "Lihat [bintang-bintang](/star).\n",
        description="Sekumpulan bintang-bintang muda dalam lengan galaksi.")}, translations={})
    retagged = tmp_path / "astro-ms.tbx"
    retagged.write_bytes(data.replace(b'xml:lang="es"', b'xml:lang="ms"'))
    report = json.loads(ok(root, "import", str(retagged), "--format", "json")[0])
    assert report["format"] == "tbx-3"
    assert report["summary"]["applied"] == 2
    assert entry(root, "c1", "Kelompok bintang terbuka") == ("open cluster", False)
    assert entry(root, None, "Sekumpulan bintang-bintang muda dalam lengan galaksi.") == (
        "A group of stars formed together in the spiral arms of a galaxy.", False)


@settings(max_examples=30, deadline=None)
@given(header=st.sampled_from([("source", "target", "context"), ("original", "translation",
                                                               "context"),
                               ("id", "ms", "en"), ("ms", "en", "id")]),
       cases=st.lists(st.sampled_from([str.lower, str.upper, str.title]), min_size=3,
                      max_size=3),
       pad=st.sampled_from(["", " "]))
def test_a_header_is_read_in_any_case(header: tuple[str, str, str],
                                      cases: list[object], pad: str) -> None:
    # Source,Target,Context (a spreadsheet's capitals) and ID,MS,EN were refused as unknown
    # columns; a column's name is its name in any case, the ignored ones named as written
    rows = {"source": "Peniaga broker", "original": "Peniaga broker", "ms": "Peniaga broker",
            "target": "Broker-dealer", "translation": "Broker-dealer", "en": "Broker-dealer",
            "context": "peniaga-broker", "id": "peniaga-broker"}
    body = ",".join(rows[name] for name in header) + ",saham-saham\r\n"
    lower = parse_csv((",".join(header) + ",Nota\r\n" + body).encode(), source="c.csv")
    written = [pad + case(name) for case, name in zip(cases, header, strict=True)]  # type: ignore[operator]
    base = parse_csv((",".join(written) + ",Nota\r\n" + body).encode(), source="c.csv")
    assert (base.format, base.records) == (lower.format, lower.records)
    assert [(r.id, r.ms, r.en) for r in base.records] == [
        ("peniaga-broker", "Peniaga broker", "Broker-dealer")]
    assert base.ignored_columns == ("Nota",)


def test_a_refused_header_names_the_columns_that_are_read(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError) as caught:
        parse_csv(b"Istilah,Terjemahan\r\nSaham,Share\r\n", source="istilah.csv")
    message = one_line(str(caught.value))
    assert message.startswith("istilah.csv:1: not a termbase CSV")
    assert "\n" not in message
    for read in ("id,ms,en", "source or original", "target or translation", "in any case"):
        assert read in message, message


@pytest.mark.parametrize("written", ["UNTUNG", "Untung", "Bank-Pusat"])
def test_a_csv_id_in_another_case_is_the_term_s(root: Path, tmp_path: Path,
                                                written: str) -> None:
    # Weblate's context found its term through the Malay beside it; glossari's id column,
    # read exactly, made a spreadsheet's capitals an unknown term
    path = tmp_path / "istilah.csv"
    path.write_text(f"id,en\r\n{written},Profits\r\n", encoding="utf-8")
    code, out, err = run(root, "import", str(path), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["summary"]["applied"] == 1, out
    catalog = (root / "locale/en/LC_MESSAGES/glossary.po").read_text(encoding="utf-8")
    assert f'msgctxt "{written.lower()}"\nmsgid "' in catalog
    assert 'msgstr "Profits"' in catalog


def test_an_unknown_id_is_named_not_its_english(root: Path, tmp_path: Path) -> None:
    # "'Cost of sales' is not a term of the glossary": the id the row gave went unnamed
    path = tmp_path / "istilah.csv"
    path.write_text("id,en\r\nkos-jualan-bersih,Net cost of sales\r\n", encoding="utf-8")
    code, _, err = run(root, "import", str(path))
    assert code == 0
    assert f"{path}:2: unknown: 'kos-jualan-bersih' is not a term of the glossary" in err, err
    assert "'Net cost of sales' is not" not in err


@given(status=st.sampled_from(["Bagus", "DONE", "Disemak", "Sudah Diterjemah"]))
@settings(max_examples=10, deadline=None)
def test_an_unknown_status_is_quoted_as_the_file_writes_it(status: str) -> None:
    # the refusal named 'bagus' for the cell's 'Bagus', a value the file does not hold
    data = f"ID,MS,EN,Status\r\nkos-jualan,Kos jualan,Cost of sales,{status}\r\n".encode()
    with pytest.raises(ExchangeError) as caught:
        parse_csv(data, source="istilah.csv")
    assert f"istilah.csv:2: unknown status '{status}';" in one_line(str(caught.value))


@pytest.mark.parametrize(("header", "named"), [
    ("English,Malay", "Malay"),
    ("Entry_ID,Malay_Malaysia,Malay_Malaysia_Def,English_United_Kingdom", "Malay_Malaysia"),
    ("Bahasa Melayu,Bahasa Inggeris", "Bahasa Melayu"),
    ("ms-MY,en-GB", "ms-MY"),
])
def test_columns_named_by_their_language_are_refused_saying_what_to_rename(
        root: Path, tmp_path: Path, header: str, named: str) -> None:
    # memoQ's export and a sheet name a column by its language: the refusal said only
    # 'unknown columns', nothing of which column is the Malay nor what to call it
    path = tmp_path / "peniaga-broker.csv"
    cells = ",".join(["Peniaga broker"] * (header.count(",") + 1))
    path.write_text(f"{header}\r\n{cells}\r\n", encoding="utf-8")
    err, line = refused(root, path)
    assert line == 1
    assert f"the column '{named}' is named by its language" in err, err
    assert "rename the Malay column ms (or source), the translation's en (or target)" in err
