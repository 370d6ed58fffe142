"""``glossari import``: TBX and CSV termbases merged back into the catalogs, never destructively.

The glossary of tests/_exchangekit.py has a translated, a fuzzy and an untranslated article,
two articles sharing the Malay headword "Bank", a translated link-only term and one with only a
slug suggestion. Catalogs are compared byte for byte; written ones go through msgfmt --check and
msgcat (tests/_catalog_oracles.py).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest
from _catalog_oracles import check_written
from _exchangekit import catalog_bytes, entry, fresh_copy, glossary_root, ok, run, translate

EXPORTS = {
    "tbx-2008": ("g.tbx", ["--format", "tbx"]),
    "tbx-3": ("g3.tbx", ["--format", "tbx", "--tbx-version", "3"]),
    "csv": ("g.csv", ["--format", "csv"]),
    "csv-weblate": ("w.csv", ["--csv-weblate"]),
}

@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return glossary_root(tmp_path_factory.mktemp("import"))


@pytest.fixture
def root(pristine: Path, tmp_path: Path) -> Path:
    return fresh_copy(pristine, tmp_path)


def export(root: Path, name: str, *args: str) -> Path:
    out = root.parent / name
    ok(root, "table", "-o", str(out), *args)
    return out


def _reimport_changes_nothing(root: Path, formats: Iterable[str]) -> None:
    """Each export of ``root`` in ``formats``, imported back, leaves every catalog byte as it was
    and reports no conflict."""
    for fmt in formats:
        name, args = EXPORTS[fmt]
        path = export(root, name, *args)
        before = catalog_bytes(root)
        report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
        assert catalog_bytes(root) == before
        assert report["summary"]["conflict"] == 0, report


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_round_trip_changes_no_byte(root: Path, fmt: str) -> None:
    name, args = EXPORTS[fmt]
    path = export(root, name, *args)
    before = catalog_bytes(root)
    out, err = ok(root, "import", str(path), "--format", "json")
    report = json.loads(out)
    assert catalog_bytes(root) == before
    assert report["written"] == []
    assert report["format"] == fmt
    summary = report["summary"]
    assert summary["applied"] == summary["conflict"] == summary["unknown"] == 0
    assert summary["unconfirmed"] == summary["clash"] == 0
    assert summary["unchanged"] > 0
    assert "0 applied" in err
    assert "0 conflicts kept" in err


def terminologist_tbx(root: Path, version: str) -> Path:
    """The glossary's TBX as a terminologist edits it: Cost -> Costs, Kos's definition
    reworded, Untung given English, and a new concept the glossary lacks."""
    args = ["--format", "tbx"] + (["--tbx-version", "3"] if version == "3" else [])
    path = export(root, f"edited-{version}.tbx", *args)
    text = path.read_text(encoding="utf-8")
    text = text.replace("<term>Cost</term>", "<term>Costs</term>")
    text = text.replace("The price of a thing.", "What a thing costs.")
    entry_tag, lang_tag, term_tag = (("conceptEntry", "langSec", "termSec") if version == "3"
                                     else ("termEntry", "langSet", "tig"))
    untung_en = (f'<{lang_tag} xml:lang="en"><{term_tag}><term>Profit</term></{term_tag}>'
                 f"</{lang_tag}>")
    text = re.sub(r"(<term>Untung</term>.*?</" + lang_tag + ">)", r"\1" + untung_en, text,
                  flags=re.DOTALL)
    new = (f'<{entry_tag} id="dividen"><{lang_tag} xml:lang="ms"><{term_tag}><term>Dividen'
           f'</term></{term_tag}></{lang_tag}><{lang_tag} xml:lang="en"><{term_tag}><term>'
           f"Dividend</term></{term_tag}></{lang_tag}></{entry_tag}>\n")
    text = text.replace("    </body>", "      " + new + "    </body>")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("version", ["2008", "3"])
def test_terminologist_edit_without_force_keeps_every_translation(root: Path,
                                                                  version: str) -> None:
    path = terminologist_tbx(root, version)
    before = catalog_bytes(root)
    out, err = ok(root, "import", str(path), "--format", "json")
    report = json.loads(out)
    conflicts = {(o["term"], o["field"]): (o["catalog"], o["imported"])
                 for o in report["outcomes"] if o["kind"] == "conflict"}
    assert conflicts == {
        ("kos", "headword"): ("Cost", "Costs"),
        ("kos", "definition"): ("The price of a thing.", "What a thing costs."),
    }
    unknown = [o for o in report["outcomes"] if o["kind"] == "unknown"]
    assert len(unknown) == 1
    assert "Dividen" in unknown[0]["message"]
    # the untranslated headword takes the new value: that is no translated message changing
    assert entry(root, "untung", "Untung") == ("Profit", False)
    assert entry(root, "kos", "Kos") == ("Cost", False)
    assert entry(root, None, "Harga sesuatu barang.") == ("The price of a thing.", False)
    assert report["summary"]["applied"] == 1
    changed = {n for n in before if catalog_bytes(root)[n] != before[n]}
    assert changed == {"glossary.po"}
    check_written(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")
    # the text report names both values of each conflict, with the file and line
    _, err = ok(root, "import", str(path))
    assert re.search(r"edited-\S+\.tbx:\d+: conflict: kos headword: .*'Cost'.*'Costs'", err)
    assert "2 conflicts kept" in err
    assert "1 unknown" in err


@pytest.mark.parametrize("version", ["2008", "3"])
def test_terminologist_edit_with_force_changes_exactly_those_messages(root: Path,
                                                                      version: str) -> None:
    from glossari.catalog.pofile import load_po

    path = terminologist_tbx(root, version)
    po_path = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    before = {e.key: e for e in load_po(po_path).entries}
    out, _ = ok(root, "import", str(path), "--force", "--format", "json")
    report = json.loads(out)
    after = {e.key: e for e in load_po(po_path).entries}
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {("kos", "Kos"), (None, "Harga sesuatu barang."), ("untung", "Untung")}
    assert after[("kos", "Kos")].msgstr == "Costs"
    assert after[(None, "Harga sesuatu barang.")].msgstr == "What a thing costs."
    assert report["summary"]["unknown"] == 1
    assert report["summary"]["conflict"] == 0
    check_written(po_path)
    # the same file again: everything is already so
    out, _ = ok(root, "import", str(path), "--force", "--format", "json")
    assert json.loads(out)["summary"]["applied"] == 0


def test_dry_run_writes_nothing_and_reports_the_same(root: Path) -> None:
    path = terminologist_tbx(root, "2008")
    before = catalog_bytes(root)
    cache = root / ".glossari-cache"
    locks_before = sorted(p.name for p in cache.iterdir()) if cache.exists() else []
    out, err = ok(root, "import", str(path), "--dry-run", "--force", "--format", "json")
    assert catalog_bytes(root) == before
    # (reading the glossary writes no cache any more, issue 13: the folder may not exist)
    locks_after = sorted(p.name for p in cache.iterdir()) if cache.exists() else []
    assert [n for n in locks_after if n.endswith(".lock")] == [
        n for n in locks_before if n.endswith(".lock")]
    dry = json.loads(out)
    assert dry["dry_run"] is True
    assert dry["written"] == []
    assert err.startswith("glossari import: dry run: would apply 3")
    wet = json.loads(ok(root, "import", str(path), "--force", "--format", "json")[0])
    assert dry["summary"] == wet["summary"]
    assert wet["written"] == ["locale/en/LC_MESSAGES/glossary.po"]


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_unconfirmed_values_are_never_imported(root: Path, tmp_path: Path) -> None:
    # glossari's own "suggested" and "fuzzy" statuses, and Weblate's fuzzy flag
    csv_path = write(tmp_path, "s.csv", "id,ms,en,status\r\ncommon-stock,saham biasa,"
                     "Common stock,suggested\r\nuntung,Untung,Profit,fuzzy\r\n")
    weblate = write(tmp_path, "w.csv", "source,target,context,fuzzy\r\n"
                    "Untung,Profit,untung,True\r\n")
    before = catalog_bytes(root)
    for path in (csv_path, weblate):
        report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
        assert {o["kind"] for o in report["outcomes"]} == {"unconfirmed"}
    # glossari's TBX gives a slug's suggestion in a note, as no term: read back, and read
    # through translate-toolkit (Weblate), which keeps no status, it is never a translation
    from translate.storage import tbx

    tbx_path = export(root, "g.tbx", "--format", "tbx")
    text = tbx_path.read_text(encoding="utf-8")
    assert "<note>glossari suggestion (en): common stock (derived" in text
    assert "<term>common stock</term>" not in text
    rewritten = tmp_path / "tt.tbx"
    rewritten.write_bytes(bytes(tbx.tbxfile.parsestring(
        text.encode("utf-8"), sourcelanguage="ms", targetlanguage="en")))
    for path in (tbx_path, rewritten):
        report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
        assert not [o for o in report["outcomes"] if o["term"] == "common-stock"], path
        assert catalog_bytes(root) == before


def test_a_slug_suggestion_given_back_as_exported_is_counted_nowhere(root: Path) -> None:
    """The CSV exports (glossari's and Weblate's) give a link-only term's slug suggestion with
    its status (`suggested`, `fuzzy` True); read back, it was counted `unchanged`, its
    suggestion reported as the catalog's translation, though the catalog has none. The TBX
    export carries it in a note, and gives nothing: so do the CSVs now."""
    for args in (("--format", "csv"), ("--csv-weblate",)):
        path = export(root, "g.csv", *args)
        assert "common stock" in path.read_text(encoding="utf-8")
        report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
        assert not [o for o in report["outcomes"] if o["term"] == "common-stock"], args
        unchanged = [o for o in report["outcomes"] if o["kind"] == "unchanged"]
        assert report["summary"]["unchanged"] == len(unchanged)
        assert all(o["catalog"] for o in unchanged)


def test_another_languages_csv_is_refused(root: Path) -> None:
    """A CSV names no language (glossari's columns are `en` whatever -l it was exported with):
    the French export imported with `-l ar --force` replaced the Arabic translation and filled
    the Arabic catalog with French, and without -l it went into English; TBX was refused by its
    xml:lang. The glossary's own catalogs tell: every value is locale/fr's."""
    from _exchangekit import translate

    for lang in ("fr", "ar"):
        ok(root, "update", "-l", lang)
    translate(root, {("kos", "Kos"): ("Coût", False), ("untung", "Untung"): ("Bénéfice", False),
                     (None, "Harga sesuatu barang."): ("Le prix d'une chose.", False)}, "fr")
    translate(root, {("kos", "Kos"): ("تكلفة", False)}, "ar")
    for args in (("--format", "csv"), ("--csv-weblate",)):
        path = export(root, "fr.csv", "-l", "fr", *args)
        before = {lang: catalog_bytes(root, lang) for lang in ("en", "fr", "ar")}
        for wrong in (("-l", "ar", "--force"), ("-l", "ar"), ()):
            code, _, err = run(root, "import", str(path), *wrong)
            assert code == 2, (args, wrong, err)
            assert err.count("\n") == 1, err
            assert "locale/fr's translations" in err
            assert "give -l fr" in err
        assert {lang: catalog_bytes(root, lang) for lang in before} == before
        ok(root, "import", str(path), "-l", "fr")  # its own language: nothing to refuse
        # the English export, the glossary's own round trip, passes
        ok(root, "import", str(export(root, "en.csv", *args)))


def test_the_refusal_quotes_a_long_value_by_its_start(root: Path) -> None:
    # a 10,000-character value was quoted whole: one "line" of 10 KB on the terminal
    from _exchangekit import translate

    for lang in ("fr", "ar"):
        ok(root, "update", "-l", lang)
    long = "Le prix d'une chose " + "très " * 2000 + "chère."
    translate(root, {("kos", "Kos"): ("Coût", False),
                     (None, "Harga sesuatu barang."): (long, False)}, "fr")
    path = export(root, "fr.csv", "-l", "fr", "--format", "csv")
    code, _, err = run(root, "import", str(path), "-l", "ar")
    assert code == 2, err
    assert "locale/fr's translations" in err
    assert len(err) < 600
    assert "Le prix d'une chose très très" in err


def test_a_deprecated_catalog_translation_is_reported(root: Path, tmp_path: Path) -> None:
    # a terminologist who marks the catalog's English deprecated (or Weblate's forbidden)
    # without naming another term: the entry was read as one with nothing to import, and
    # the import said nothing at all
    path = write(tmp_path, "d.tbx", '<martif><text><body>\n'
                 '<termEntry id="kos"><langSet xml:lang="ms"><tig><term>Kos</term></tig>'
                 '</langSet>\n<langSet xml:lang="en"><tig><term>Cost</term><termNote '
                 'type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>'
                 '</langSet></termEntry>\n<termEntry><langSet xml:lang="ms"><tig><term>Tiada'
                 '</term></tig></langSet><langSet xml:lang="en"><tig><term>None</term>'
                 '<termNote type="administrativeStatus">forbidden</termNote></tig></langSet>'
                 '</termEntry>\n</body></text></martif>')
    before = catalog_bytes(root)
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [(o["line"], o["kind"], o["term"], o["catalog"]) for o in report["outcomes"]] == [
        (2, "note", "kos", "Cost")]
    assert "deprecated" in report["outcomes"][0]["message"]
    assert catalog_bytes(root) == before


def test_a_slug_suggestion_given_back_without_a_status_is_not_imported(
        root: Path, tmp_path: Path) -> None:
    # the CSV's columns may be any subset: without "status", the slug's suggestion in the "en"
    # column came back as a confirmed translation of the link messages
    csv_path = export(root, "g.csv", "--format", "csv")
    rows = [line.split(",") for line in csv_path.read_text(encoding="utf-8").splitlines()]
    row = next(r for r in rows if r[0] == "common-stock")
    assert row[2:5] == ["common stock", "link", "suggested"]  # kebab-case slugs: words
    before = catalog_bytes(root)
    bare = write(tmp_path, "bare.csv", "id,ms,en\r\ncommon-stock,saham biasa,common stock\r\n")
    weblate = write(tmp_path, "w.csv", "source,target\r\nsaham biasa,common stock\r\n")
    for path in (bare, weblate):
        report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
        assert [(o["kind"], o["term"]) for o in report["outcomes"]] == [
            ("unconfirmed", "common-stock")], path
        assert catalog_bytes(root) == before
    # saying so confirms it
    confirmed = write(tmp_path, "c.csv", "id,en,status\r\ncommon-stock,common stock,translated\r\n")
    ok(root, "import", str(confirmed))
    assert entry(root, "/common-stock", "saham biasa") == ("common stock", False)


def test_link_only_term_fills_its_link_messages(root: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", "id,ms,en\r\ncommon-stock,saham biasa,Common stock\r\n")
    ok(root, "import", str(path))
    assert entry(root, "/common-stock", "saham biasa") == ("Common stock", False)
    out, _ = ok(root, "table", "--format", "json")
    row = next(r for r in json.loads(out) if r["id"] == "common-stock")
    assert (row["en"], row["status"]) == ("Common stock", "translated")


def test_matching_by_malay_headword_and_ambiguity(root: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "source,target\r\nuntung,Profit\r\nBank,Bank\r\n"
                 "Tiada,Nothing\r\n")
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    kinds = {o["line"]: o["kind"] for o in report["outcomes"]}
    assert kinds == {2: "applied", 3: "ambiguous", 4: "unknown"}
    ambiguous = next(o for o in report["outcomes"] if o["kind"] == "ambiguous")
    assert "bank" in ambiguous["message"]
    assert "bank-pusat" in ambiguous["message"]
    assert entry(root, "untung", "Untung") == ("Profit", False)
    # the id settles it
    path = write(tmp_path, "i.csv", "source,target,context\r\nBank,Central bank,bank-pusat\r\n")
    ok(root, "import", str(path))
    assert entry(root, "bank-pusat", "Bank") == ("Central bank", False)


def test_fuzzy_translation_is_a_conflict_and_force_confirms(root: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "h.csv", "id,ms,en\r\nharga,Harga,Price\r\n")
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [(o["kind"], o["catalog"]) for o in report["outcomes"]] == [("conflict", "Pryce")]
    assert entry(root, "harga", "Harga") == ("Pryce", True)
    ok(root, "import", str(path), "--force")
    assert entry(root, "harga", "Harga") == ("Price", False)


def test_two_rows_giving_one_message_two_values_clash(root: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", "id,ms,en\r\nuntung,Untung,Profit\r\nuntung,Untung,Gain\r\n")
    before = catalog_bytes(root)
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [o["kind"] for o in report["outcomes"]] == ["clash"]
    assert catalog_bytes(root) == before


@pytest.mark.parametrize("rows", [
    ["kos,Kos,Cost", "kos,kos,Expense"],     # the catalog's English first
    ["kos,Kos,Expense", "kos,kos,Cost"],     # or last
    ["fund,dana,Fund", "fund,dana,Funding"],  # a link-only term's
])
def test_a_row_giving_the_catalogs_english_clashes_with_one_giving_another(
        root: Path, tmp_path: Path, rows: list[str]) -> None:
    """Two rows for one term, one giving the catalog's English (a sheet sorted with an old copy
    of the row left in) and one another: the first was `unchanged`, never compared, and
    `--force` wrote the other in, though the file said both. They clash, as any two records
    giving one message different values do: neither is imported."""
    path = write(tmp_path, "d.csv", "id,ms,en\r\n" + "".join(f"{row}\r\n" for row in rows))
    before = catalog_bytes(root)
    for force in ((), ("--force",)):
        report = json.loads(ok(root, "import", str(path), "--format", "json", *force)[0])
        assert [(o["line"], o["kind"]) for o in report["outcomes"]] == [(3, "clash")], report
        assert catalog_bytes(root) == before


def test_malay_headword_edit_is_reported_not_imported(root: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "k.csv", "id,ms,en\r\nkos,Kos barang,Cost\r\n")
    before = catalog_bytes(root)
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    note = next(o for o in report["outcomes"] if o["kind"] == "note")
    assert "seeds/kos.md" in note["message"]
    assert catalog_bytes(root) == before


def test_formula_neutralised_cells_round_trip(root: Path, tmp_path: Path) -> None:
    from _exchangekit import translate

    translate(root, {("untung", "Untung"): ("=Profit", False),
                     ("bank-pusat", "Bank"): ("'=Quoted", False)})
    _reimport_changes_nothing(root, ("csv", "csv-weblate", "tbx-2008"))
    path = write(tmp_path, "f.csv", "id,ms,en\r\nharga,Harga,'=Price\r\n")
    ok(root, "import", str(path), "--force")
    assert entry(root, "harga", "Harga") == ("=Price", False)


def test_a_text_starting_with_a_quote_before_a_trigger_survives_csv(root: Path) -> None:
    # "'-' sign" was written as it is, and read back with its quote taken for the exporter's:
    # into an empty catalog it came back "-' sign", and the table then showed it as before
    from _exchangekit import translate

    from glossari.exchange._text import unneutralise
    from glossari.export.csvtable import neutralise

    for text in ("'-' sign", "''=x", "'Quoted'", "-5", "'", "'@"):
        assert unneutralise(neutralise(text)) == text
    translate(root, {("untung", "Untung"): ("'-' profit", False)})
    for fmt in ("csv", "csv-weblate"):
        name, args = EXPORTS[fmt]
        path = export(root, name, *args)
        translate(root, {("untung", "Untung"): ("", False)})
        ok(root, "import", str(path))
        assert entry(root, "untung", "Untung") == ("'-' profit", False), fmt


def test_layout_whitespace_of_a_file_is_not_a_translation(root: Path, tmp_path: Path) -> None:
    # an XML editor's pretty-printed <term>, a spreadsheet cell with an in-cell line break and
    # stray spaces: each used to become the msgstr as it was ("\n   Profit\n  "), a headword
    # over three lines in a catalog msgfmt --check refuses (msgstr begins with a newline)
    tbx = export(root, "g.tbx", "--format", "tbx")
    text = tbx.read_text(encoding="utf-8")
    at = text.index("</langSet>", text.index('<termEntry id="untung">')) + len("</langSet>")
    tbx.write_text(text[:at] + '\n<langSet xml:lang="en"><tig>\n  <term>\n    Net\n    profit\n'
                   "  </term>\n</tig></langSet>" + text[at:], encoding="utf-8")
    ok(root, "import", str(tbx), "--force")
    assert entry(root, "untung", "Untung") == ("Net profit", False)
    sheet = write(tmp_path, "x.csv", 'id,ms,en\r\nharga,Harga," Market\r\n price "\r\n'
                  "bank-pusat,Bank,\u2028Central\u00a0bank \r\n")
    report = json.loads(ok(root, "import", str(sheet), "--force", "--format", "json")[0])
    assert entry(root, "harga", "Harga") == ("Market price", False)
    # a no-break space is text, not layout (a lone one, which shows nothing, render refuses:
    # test_a_translation_render_would_not_publish_is_refused_before_any_write)
    assert entry(root, "bank-pusat", "Bank") == ("Central\u00a0bank", False)
    assert report["summary"]["applied"] == 2
    check_written(root / "locale/en/LC_MESSAGES/glossary.po")


def test_round_trip_of_a_translation_with_odd_spacing_is_no_edit(root: Path) -> None:
    from _exchangekit import translate

    translate(root, {("untung", "Untung"): ("Net  profit ", False)})
    _reimport_changes_nothing(root, sorted(EXPORTS))


def test_missing_catalog_is_refused_with_a_hint(tmp_path: Path) -> None:
    from _catalog_oracles import article, make_root

    root = make_root(tmp_path, {"kos": article("Kos", "Kos.\n")})
    path = write(tmp_path, "k.csv", "id,ms,en\r\nkos,Kos,Cost\r\n")
    code, _, err = run(root, "import", str(path))
    assert code == 2
    assert "glossary.po: no such catalog; run 'glossari extract'" in err


def test_bundled_glossary_is_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contextlib
    import io

    from glossari.cli import main

    path = write(tmp_path, "k.csv", "id,ms,en\r\naccountexecutive,Eksekutif akaun,X\r\n")
    monkeypatch.chdir(tmp_path)  # a folder without seeds/: the bundled glossary
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["import", str(path)])
        dry = main(["import", str(path), "--dry-run"])
    assert code == 2
    assert "read-only" in err.getvalue()
    assert dry == 0
    assert "dry run: would apply 0, 0 unchanged, 1 conflict kept" in err.getvalue()


def test_writes_happen_under_the_catalog_lock(root: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalog is read and written while the lock update and align take is held."""
    import contextlib
    from collections.abc import Iterator

    import glossari.catalog.translations as translations

    po_path = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    real = translations.catalog_lock
    seen: list[tuple[str, bytes]] = []

    @contextlib.contextmanager
    def spy(where: object, lang: str) -> Iterator[None]:
        with real(where, lang):  # type: ignore[arg-type]
            seen.append(("enter", po_path.read_bytes()))
            yield
            seen.append(("exit", po_path.read_bytes()))

    monkeypatch.setattr(translations, "catalog_lock", spy)
    before = po_path.read_bytes()
    path = write(tmp_path, "u.csv", "id,ms,en\r\nuntung,Untung,Profit\r\n")
    ok(root, "import", str(path))
    assert [kind for kind, _ in seen] == ["enter", "exit"]
    assert seen[0][1] == before  # nothing written before the lock was taken
    assert seen[1][1] != before  # the write happened inside it
    assert po_path.read_bytes() == seen[1][1]
    seen.clear()
    ok(root, "import", str(path), "--dry-run")
    assert seen == []  # a dry run takes no lock (and so creates no lock file)


def test_aliases_find_their_term_and_a_shared_one_is_ambiguous(tmp_path: Path) -> None:
    from _catalog_oracles import article

    articles = {
        "komisen": article("Komisen", "Komisen dibayar.\n", description="Bayaran broker.")
        .replace("title:", "aliases: yuran komisen, caj\ntitle:"),
        "caj": article("Caj", "Caj dikenakan.\n", description="Bayaran."),
    }
    root = glossary_root(tmp_path, articles)
    path = write(tmp_path, "a.csv", "source,target\r\nyuran komisen,Commission\r\n"
                 "caj,Charge\r\n")
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [(o["line"], o["kind"], o["term"]) for o in report["outcomes"]] == [
        (2, "applied", "komisen"), (3, "ambiguous", None)]
    assert entry(root, "komisen", "Komisen") == ("Commission", False)
    assert entry(root, "caj", "Caj") == ("", False)


def test_an_acronym_or_link_text_two_terms_share_is_ambiguous(tmp_path: Path) -> None:
    # lookup takes the first term with the acronym: "BNM" was imported into Bank Negara
    # Malaysia's headword, whichever of the two the terminologist meant
    from _catalog_oracles import article

    articles = {
        "bank-negara": article("Bank Negara Malaysia (BNM)", "Bank pusat.\n",
                               description="Bank pusat negara."),
        "bursa-niaga": article("Bursa Niaga Malaysia (BNM)", "Bursa.\n",
                               description="Bursa niaga."),
        "finra": article("Pihak Berkuasa Kawal Selia (FINRA)", "Badan.\n",
                         description="Badan kawal selia."),
        "pasaran": article("Pasaran", "Lihat [bank itu](/bank-negara) dan [bank itu]"
                           "(/bursa-niaga).\n", description="Tempat."),
    }
    root = glossary_root(tmp_path, articles)
    path = write(tmp_path, "a.csv", "source,target\r\nBNM,BNM\r\nFINRA,FINRA\r\n"
                 "Bursa Niaga Malaysia (BNM),Malaysian Stock Exchange (BNM)\r\n"
                 "bank itu,That bank\r\n")
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [(o["line"], o["kind"], o["term"]) for o in report["outcomes"]] == [
        (2, "ambiguous", None), (3, "applied", "finra"), (4, "applied", "bursa-niaga"),
        (5, "ambiguous", None)]
    assert entry(root, "bank-negara", "Bank Negara Malaysia (BNM)") == ("", False)


def test_target_language_categories_pair_by_position(root: Path, tmp_path: Path) -> None:
    path = export(root, "c.tbx", "--format", "tbx")
    text = path.read_text(encoding="utf-8")
    # Kos has the categories Asas and Perakaunan; Harga has Asas
    kos_en = '<langSet xml:lang="en">\n          <descrip type="definition">The price'
    assert kos_en in text
    text = text.replace(kos_en, '<langSet xml:lang="en">\n<descrip type="subjectField">Basics'
                        '</descrip><descrip type="subjectField">Accounting</descrip>\n'
                        '          <descrip type="definition">The price')
    text = text.replace("<term>Pryce</term>",
                        "<term>Pryce</term></tig><descrip type=\"subjectField\">Basic"
                        "</descrip><tig><term>Pryce</term>")
    text = text.replace('<descrip type="subjectField">Asas</descrip>\n        <ref type="cross'
                        'Reference" target="kos">', '<descrip type="subjectField">Dasar</descrip>'
                        '\n        <ref type="crossReference" target="kos">', 1)
    path.write_text(text, encoding="utf-8")
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    by_kind = {(o["kind"], o["term"], o["field"]) for o in report["outcomes"]}
    # Harga's file entry says "Basic" translates Dasar, which is not Harga's category: it is
    # not paired with Harga's Asas (it was, and clashed with Kos's Basics)
    assert ("clash", "kos", "category") not in by_kind
    assert ("applied", "kos", "category") in by_kind  # Asas -> Basics, Perakaunan -> Accounting
    assert ("note", "harga", "category") in by_kind  # Dasar is not Harga's Malay category
    assert entry(root, None, "Perakaunan") == ("Accounting", False)
    assert entry(root, None, "Asas") == ("Basics", False)
    check_written(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")


def test_another_target_language(root: Path, tmp_path: Path) -> None:
    ok(root, "update", "-l", "fr")
    path = write(tmp_path, "fr.tbx", """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="ms"><text><body>
<termEntry id="kos"><langSet xml:lang="ms"><tig><term>Kos</term></tig></langSet>
<langSet xml:lang="fr-FR"><tig><term>Coût</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Costs</term></tig></langSet></termEntry>
</body></text></martif>
""")
    english = catalog_bytes(root)
    ok(root, "import", str(path), "-l", "fr")
    assert entry(root, "kos", "Kos", lang="fr") == ("Coût", False)
    assert catalog_bytes(root) == english  # the English catalogs are not touched
    code, _, err = run(root, "import", str(path), "-l", "de")
    assert code == 2
    assert "no 'de' language section in any entry (it has en, fr-FR)" in err


def test_library_api_and_category_count_mismatch(root: Path) -> None:
    from glossari.exchange import Record, Termbase, import_termbase
    from glossari.glossary import load_glossary
    from glossari.root import resolve_root

    where = resolve_root(str(root))
    base = Termbase(source="api", format="tbx-2008", records=(
        Record(line=1, id="kos", categories=("Asas", "Perakaunan"), categories_en=("Basics",)),
        Record(line=2, id="untung", en="Profit"),
    ))
    report = import_termbase(load_glossary(where), base, root=where, lang="en", dry_run=True)
    assert [(o.line, o.kind, o.field) for o in report.outcomes] == [
        (1, "note", "category"), (2, "applied", "headword")]
    assert "1 target-language categories for 2 Malay ones" in report.outcomes[0].message
    assert report.written == ()
    assert entry(root, "untung", "Untung") == ("", False)  # a dry run


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_a_tool_that_recomposes_accents_edits_nothing(root: Path, fmt: str) -> None:
    # the translation written decomposed (e + U+0301, as macOS file names and some keyboards
    # give it); a spreadsheet or XML tool hands it back composed (NFC): the same text, not a
    # conflict, and the translator's bytes stay
    import unicodedata

    from _exchangekit import translate

    decomposed = unicodedata.normalize("NFD", "Profit for the year (Société Générale)")
    translate(root, {("untung", "Untung"): (decomposed, False)})
    name, args = EXPORTS[fmt]
    path = export(root, name, *args)
    data = path.read_bytes()
    assert decomposed.encode() in data
    path.write_bytes(unicodedata.normalize("NFC", data.decode("utf-8")).encode("utf-8"))
    before = catalog_bytes(root)
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert catalog_bytes(root) == before
    assert report["summary"]["conflict"] == 0, report
    assert report["summary"]["unchanged"] > 0
    assert entry(root, "untung", "Untung") == (decomposed, False)


def test_target_language_categories_follow_the_files_malay_order(root: Path) -> None:
    """The English categories were paired with the article's Malay ones by position, not with
    the file's: a tool that sorted them (Perakaunan, Asas) gave Asas the English of Perakaunan,
    and a category the term lacks gave its English to one it has."""
    from glossari.exchange import Record, Termbase, import_termbase
    from glossari.glossary import load_glossary
    from glossari.root import resolve_root

    where = resolve_root(str(root))
    base = Termbase(source="api", format="tbx-2008", records=(
        Record(line=1, id="kos", categories=("Perakaunan", "Asas"),
               categories_en=("Accounting", "Basics")),
        Record(line=2, id="harga", categories=("Kewangan",), categories_en=("Finance",)),
    ))
    report = import_termbase(load_glossary(where), base, root=where, lang="en")
    applied = sorted((o.imported, o.kind) for o in report.outcomes if o.field == "category"
                     and o.kind != "note")
    assert applied == [("Accounting", "applied"), ("Basics", "applied")]
    assert entry(root, None, "Perakaunan") == ("Accounting", False)
    assert entry(root, None, "Asas") == ("Basics", False)
    assert any(o.kind == "note" and "Kewangan" in o.message for o in report.outcomes)


def test_a_confirmed_fuzzy_translation_is_reported_and_force_confirms_it(
        root: Path, tmp_path: Path) -> None:
    """Harga's English "Pryce" is fuzzy; a file giving "Pryce" as translated (the CSV status
    column set to translated) was reported "unchanged" and the fuzzy mark stayed, even with
    --force: the terminologist's confirmation was lost."""
    path = write(tmp_path, "h.csv", "id,ms,en,status\r\nharga,Harga,Pryce,translated\r\n")
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [(o["kind"], o["catalog"]) for o in report["outcomes"]] == [("note", "Pryce")]
    assert entry(root, "harga", "Harga") == ("Pryce", True)
    ok(root, "import", str(path), "--force")
    assert entry(root, "harga", "Harga") == ("Pryce", False)
    check_written(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")


def test_the_plural_of_a_shared_malay_name_is_ambiguous(root: Path, tmp_path: Path) -> None:
    """"Bank-bank" (the plural) went through lookup, which folds it to "Bank", and named the
    first of the two terms called Bank without a word."""
    path = write(tmp_path, "p.csv", "source,target\r\nBank-bank,Banks\r\n")
    before = catalog_bytes(root)
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [o["kind"] for o in report["outcomes"]] == ["ambiguous"]
    assert catalog_bytes(root) == before


def test_a_catalog_saved_by_an_editor_while_import_runs_is_not_overwritten(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # import reads glossary.po, then renames the filled catalog over it: a save in between
    # (Poedit, `git pull`: not bound by glossari's lock) was lost, where update and align tell it
    from glossari.catalog.pofile import PoFile, encode_po

    path = terminologist_tbx(root, "2008")
    glossary = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    saved = glossary.read_bytes() + b"\n# saved by the translator meanwhile\n"

    def encode_while_an_editor_saves(po: PoFile, *, path: Path | str) -> bytes:
        glossary.write_bytes(saved)
        return encode_po(po, path=path)

    monkeypatch.setattr("glossari.catalog.pofile.encode_po", encode_while_an_editor_saves)
    code, _out, err = run(root, "import", str(path), "--force")
    assert code == 2
    assert "the catalog changed while 'glossari import' ran" in err
    assert "glossari import -l en" in err
    assert glossary.read_bytes() == saved


def test_every_link_text_of_a_link_only_term_is_filled(tmp_path: Path) -> None:
    # a link-only term's headword is each of its links' texts: one message per distinct text
    from _catalog_oracles import article

    root = glossary_root(tmp_path, {
        "dana": article("Dana", "Dana melabur dalam [ekuiti persendirian](/private-equity).\n",
                        description="Wang yang dikumpul."),
        "pelabur": article("Pelabur", "Pelabur memilih [ekuiti swasta](/private-equity).\n",
                           description="Orang yang melabur."),
    })
    path = write(tmp_path, "pe.csv", "id,en,status\r\nprivate-equity,Private equity,translated\r\n")
    ok(root, "import", str(path))
    assert entry(root, "/private-equity", "ekuiti persendirian") == ("Private equity", False)
    assert entry(root, "/private-equity", "ekuiti swasta") == ("Private equity", False)
    check_written(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po")


def test_an_obsolete_copy_of_the_message_is_missing_not_imported(root: Path,
                                                                tmp_path: Path) -> None:
    # untung.md came back after an update made its headword obsolete, and update has not run
    # since: the message the import needs is not in the catalog (a #~ copy is no message)
    from dataclasses import replace as changed

    from glossari.catalog.pofile import encode_po, load_po

    path = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    po = load_po(path)
    gone = [e for e in po.entries if e.key == ("untung", "Untung")]
    kept = [e for e in po.entries if e.key != ("untung", "Untung")]
    po = changed(po, entries=(*kept, gone[0].with_changes(msgstr="Gain", obsolete=True,
                                                          references=(), line=0)))
    path.write_bytes(encode_po(po, path=path))
    before = catalog_bytes(root)
    csv_path = write(tmp_path, "u.csv", "id,en,status\r\nuntung,Profit,translated\r\n")
    report = json.loads(ok(root, "import", str(csv_path), "--force", "--format", "json")[0])
    assert [(o["kind"], o["term"]) for o in report["outcomes"]] == [("missing", "untung")]
    assert catalog_bytes(root) == before


def test_a_csv_agreeing_with_another_language_on_names_is_not_refused(tmp_path: Path) -> None:
    """Proper names and acronyms read the same in every language: a terminologist's small CSV
    of English names, where the French translator already wrote the same names, is the English
    file it claims to be (nothing in it contradicts English), not French; it was refused with no
    way past, --force included."""
    from _catalog_oracles import article
    from _exchangekit import translate

    names = {"bursa-malaysia": "Bursa Malaysia", "ringgit": "Ringgit", "kos": "Kos"}
    root = glossary_root(tmp_path, {stem: article(title, f"{title} ialah nama.\n")
                                    for stem, title in names.items()})
    ok(root, "update", "-l", "fr")
    translate(root, {("bursa-malaysia", "Bursa Malaysia"): ("Bursa Malaysia", False),
                     ("ringgit", "Ringgit"): ("Ringgit", False),
                     ("kos", "Kos"): ("Coût", False)}, "fr")
    csv_path = write(tmp_path, "names.csv", "id,ms,en\r\nbursa-malaysia,Bursa Malaysia,"
                     "Bursa Malaysia\r\nringgit,Ringgit,Ringgit\r\n")
    code, _, err = run(root, "import", str(csv_path))
    assert code == 0, err
    assert entry(root, "ringgit", "Ringgit") == ("Ringgit", False)


def test_a_languages_own_csv_sharing_words_with_another_is_not_refused(
        root: Path, tmp_path: Path) -> None:
    """English and Indonesian catalogs both present: an English CSV whose new values happen to
    be Indonesian's too was refused as 'locale/id's translations', --force or not, with no way
    to import it. A value that is the Malay kept as it is (a loanword: *Bank*, *Sukuk*,
    *Zakat*) is no language's evidence, and a row the English catalog already has, where the
    Indonesian says otherwise, says the file is English."""
    from _exchangekit import translate

    ok(root, "update", "-l", "id")
    translate(root, {("bank-pusat", "Bank"): ("Bank", False),
                     ("untung", "Untung"): ("Untung", False), ("kos", "Kos"): ("Biaya", False)},
              "id")
    loanwords = write(tmp_path, "en2.csv",
                      "id,ms,en\nbank-pusat,Bank,Bank\nuntung,Untung,Untung\n")
    ok(root, "import", str(loanwords), "-l", "en", "--dry-run")
    # the Indonesian export is refused all the same: Biaya is Indonesian's alone
    refused(root, export(root, "id.csv", "-l", "id", "--format", "csv"), "id")
    translate(root, {("bank-pusat", "Bank"): ("Central bank", False),
                     ("untung", "Untung"): ("Profit", False)}, "id")
    shared = write(tmp_path, "en3.csv", "id,ms,en\nkos,Kos,Cost\nbank-pusat,Bank,Central bank\n"
                   "untung,Untung,Profit\n")
    ok(root, "import", str(shared), "-l", "en", "--dry-run")
    refused(root, export(root, "id.csv", "-l", "id", "--format", "csv"), "id")


def test_a_file_refused_as_another_languages_is_imported_when_its_importer_says_so(
        tmp_path: Path) -> None:
    """An English CSV of loanwords and one word French writes alike (Zakat, Sukuk, Budget),
    where the French catalog already holds all three, was refused as locale/fr's with no way
    past (--force included; the hint named only -l fr): --no-language-check imports it, and
    only it, the French catalog untouched."""
    from _catalog_oracles import article
    from _exchangekit import translate

    names = {"zakat": "Zakat", "sukuk": "Sukuk", "bajet-tahunan": "Bajet tahunan",
             "dividen": "Dividen"}
    root = glossary_root(tmp_path, {stem: article(title, f"{title} ialah istilah.\n")
                                    for stem, title in names.items()})
    ok(root, "update", "-l", "fr")
    translate(root, {("zakat", "Zakat"): ("Zakat", False), ("sukuk", "Sukuk"): ("Sukuk", False),
                     ("bajet-tahunan", "Bajet tahunan"): ("Budget", False),
                     ("dividen", "Dividen"): ("Dividende", False)}, "fr")
    english = write(tmp_path, "istilah-en.csv", "ms,en,id\r\nZakat,Zakat,zakat\r\n"
                    "Sukuk,Sukuk,sukuk\r\nBajet tahunan,Budget,bajet-tahunan\r\n")
    refused(root, english, "fr")
    code, _, err = run(root, "import", str(english), "-l", "en")
    assert code == 2
    assert "--no-language-check" in err
    french = catalog_bytes(root, "fr")
    report = json.loads(ok(root, "import", str(english), "-l", "en", "--no-language-check",
                           "--format", "json")[0])
    assert report["summary"]["applied"] == 3
    assert entry(root, "bajet-tahunan", "Bajet tahunan") == ("Budget", False)
    assert entry(root, "zakat", "Zakat") == ("Zakat", False)
    assert catalog_bytes(root, "fr") == french


@pytest.mark.parametrize("args", [("--sort", "en"), ("--status", "translated"), ()])
def test_a_tbx_gives_each_term_its_own_english_whatever_order_it_was_exported_in(
        tmp_path: Path, args: tuple[str, ...]) -> None:
    """The entry ids of `401k` and `t-401k` were numbered in the table's order (`t-401k`,
    `t-401k-2`) and read back in the glossary's: a TBX sorted by English, carried to a fresh
    checkout and imported, gave each term the other's English, with only a note about their
    Malay headwords."""
    from _catalog_oracles import article
    from _exchangekit import translate

    root = glossary_root(tmp_path, {"kos": article(
        "Kos", "Lihat [zakat persaraan](/401k) dan [akaun amanah](/t-401k).\n")})
    translate(root, {("/401k", "zakat persaraan"): ("Retirement plan", False),
                     ("/t-401k", "akaun amanah"): ("Trust account", False)})
    path = export(root, "istilah.tbx", "--format", "tbx", *args)
    fresh = tmp_path / "checkout"
    shutil.copytree(root / "seeds", fresh / "seeds")
    ok(fresh, "extract")
    ok(fresh, "update", "-l", "en")
    report = json.loads(ok(fresh, "import", str(path), "--format", "json")[0])
    applied = {o["term"] for o in report["outcomes"] if o["kind"] == "applied"}
    assert {"401k", "t-401k"} <= applied
    assert report["summary"]["note"] == 0
    assert entry(fresh, "/401k", "zakat persaraan") == ("Retirement plan", False)
    assert entry(fresh, "/t-401k", "akaun amanah") == ("Trust account", False)


def refused(root: Path, path: Path, other: str) -> None:
    """``path`` imported as English is refused as ``other``'s export, and nothing is written."""
    before = catalog_bytes(root)
    code, _, err = run(root, "import", str(path), "-l", "en", "--force")
    assert code == 2, err
    assert f"locale/{other}'s translations" in err
    assert catalog_bytes(root) == before


def test_another_languages_broken_catalog_does_not_stop_an_import(root: Path,
                                                                  tmp_path: Path) -> None:
    """The language check reads every other language's glossary catalog: one in the middle of
    its own work (a merge conflict in locale/fr) stopped every English import with that
    catalog's error, even of one row."""
    ok(root, "update", "-l", "fr")
    fr = root / "locale" / "fr" / "LC_MESSAGES" / "glossary.po"
    fr.write_text(fr.read_text(encoding="utf-8") + "<<<<<<< HEAD\n", encoding="utf-8")
    for rows in ("untung,Untung,Profit\n", "untung,Untung,Profit\nharga,Harga,Price\n"):
        ok(root, "import", str(write(tmp_path, "en.csv", "id,ms,en,status\n" + rows.replace(
            "\n", ",translated\n"))), "-l", "en", "--dry-run")


@pytest.mark.parametrize("link_translation", ["takaful operators", "the takaful operator",
                                              "The takaful operators"])
def test_the_english_export_is_known_as_english_where_a_link_only_term_s_name_is_its_headword(
        tmp_path: Path, link_translation: str) -> None:
    """The English CSV of a glossary, imported with -l fr into its new French catalogs, wrote
    English into them: a link-only term's English in the file is its headword (`takaful
    operator`, the link translation `takaful operators` with its plural undone, `the` left
    off), which the check compared with the English link message as written, and took the
    difference for an English catalog that "translates otherwise"."""
    from _catalog_oracles import article
    from _exchangekit import translate

    root = glossary_root(tmp_path, {
        "bnm": article("Bank Negara Malaysia (BNM)",
                       "BNM melesenkan [pengendali takaful](/takaful-operator).\n",
                       description="Bank pusat Malaysia."),
        "premium": article("Premium", "Premium dibayar.\n", description="Bayaran polisi."),
        "tuntutan": article("Tuntutan", "Tuntutan dibuat.\n", description="Permintaan."),
    })
    translate(root, {("premium", "Premium"): ("Premium", False),
                     ("tuntutan", "Tuntutan"): ("Claim", False),
                     (None, "Permintaan."): ("A request.", False),
                     ("/takaful-operator", "pengendali takaful"): (link_translation, False)})
    ok(root, "update", "-l", "fr")
    english = export(root, "en.csv", "--format", "csv")
    assert "takaful-operator,pengendali takaful,takaful operator," in english.read_text("utf-8")
    french = catalog_bytes(root, "fr")
    code, _, err = run(root, "import", str(english), "-l", "fr")
    assert code == 2, err
    assert "this file holds locale/en's translations" in err
    assert catalog_bytes(root, "fr") == french
    # the file is English's own: imported as English it changes nothing, and is not refused
    ok(root, "import", str(english), "-l", "en")


@pytest.mark.parametrize("value", ["C:\\dana", "RM\\x41 juta", "it's \"Cost\"", "a\\\\b"])
def test_the_report_quotes_a_value_as_written(root: Path, tmp_path: Path, value: str) -> None:
    """A report a translator reads shows the file's text as written: a backslash once, a quote
    as typed (``repr`` doubled every backslash and put a value holding ``'`` in double quotes),
    whether the value is the file's English or its Malay name."""
    cell = '"' + value.replace('"', '""') + '"'
    path = write(tmp_path, "q.csv", f"id,ms,en\r\nkos,Kos,{cell}\r\n,{cell},Dividend\r\n")
    code, _, err = run(root, "import", str(path), "--dry-run")
    assert code == 0, err
    conflict, unknown = err.splitlines()[:2]
    assert conflict.endswith(f"the file says '{value}' (--force replaces it)"), conflict
    assert f": unknown: '{value}' is not a term of the glossary" in unknown, unknown


@pytest.mark.parametrize(("row", "said"), [
    ("untung,Untung,Profit <b>net</b>,,,,",
     "the translated headword 'Profit <b>net</b>' of untung"),
    ("untung,Untung,Profit,,,,Left after [costs](/kos)",
     "the translated definition 'Left after [costs](/kos)' of untung"),
    ("kos,Kos,Cost,,,,<img src=x onerror=alert(1)>",
     "the translated definition '<img src=x onerror=alert(1)>' of kos"),
    ("harga,Harga,Price,,,,The value (see [price](/harga",
     "the translated definition 'The value (see [price](/harga' of harga"),
    ("bank-pusat,Bank,\u00a0,,,,", "the translated headword '\u00a0' of bank-pusat"),
])
def test_a_translation_render_would_not_publish_is_refused_before_any_write(
        root: Path, tmp_path: Path, row: str, said: str) -> None:
    """A translation render refuses (raw HTML, a link the Malay lacks, a link left open) was
    applied, and no reader ever got it: render, the API, the tables and the site keep the
    Malay for it; with --force it replaced a translation they did get. The file is refused at
    the row, as for a control character, before anything is written."""
    path = write(tmp_path, "e.csv", "id,ms,en,kind,status,categories,definition_en\r\n"
                 f"bank,Bank,Bank,,,,\r\n{row}\r\n")
    before = catalog_bytes(root)
    for force in ([], ["--force"]):
        code, _, err = run(root, "import", str(path), *force)
        assert code == 2, err
        assert err.startswith(f"glossari: error: {path}:3: {said} is none render would "
                              "publish: "), err
        assert err.rstrip("\n").endswith("nothing was imported")
        assert catalog_bytes(root) == before


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_a_translation_the_catalog_holds_is_no_reason_to_refuse_its_own_export(
        root: Path, fmt: str) -> None:
    """A translation import refuses (raw HTML the Malay lacks), written by a translator into
    the catalog, is exported by the tables as the catalog holds it; imported back, the file was
    refused (the value was compared with nothing the catalog held), though importing it
    changes nothing. Found by hypothesis (test_export_import_export_is_the_same_bytes)."""
    translate(root, {(None, "Baki selepas kos."): ("\t <b>", False)})
    _reimport_changes_nothing(root, [fmt])


def test_a_status_is_read_in_any_case(root: Path, tmp_path: Path) -> None:
    """A spreadsheet's autocorrect capitalises a cell (`Translated`, `Fuzzy`): the file was
    refused as holding an unknown status, though the Weblate fuzzy column is read in any
    case; a `Fuzzy` row is unconfirmed, a `Translated` one confirmed."""
    path = write(tmp_path, "s.csv", "id,ms,en,status\r\nuntung,Untung,Net profit,Translated\r\n"
                 "harga,Harga,Price,FUZZY\r\n")
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    assert [(o["term"], o["kind"]) for o in report["outcomes"]] == [
        ("untung", "applied"), ("harga", "unconfirmed")]
    assert entry(root, "untung", "Untung") == ("Net profit", False)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_translators_save_before_the_lock_is_what_the_import_judges(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: list[str]) -> None:
    """import read the catalog twice: once before the lock, to know which translations it holds
    (a value the catalog holds is never refused), and again under it, to merge. A translator who
    saved between the two (replacing raw HTML render would not publish with plain text) was not
    seen by the first read: the file's HTML, held no longer, was taken as held, not refused, and
    `--force` wrote it over the translator's fix. The catalog is read once, under the lock."""
    import contextlib
    from collections.abc import Iterator

    import glossari.catalog.translations as translations

    malay = "Baki selepas kos."
    raw = "Balance <b>after</b> costs."
    translate(root, {(None, malay): (raw, False)})
    sheet = tmp_path / "untung.csv"
    sheet.write_text(f"id,en,definition_en\r\nuntung,,{raw}\r\n", encoding="utf-8")
    real = translations.catalog_lock

    @contextlib.contextmanager
    def saved_meanwhile(*args: object, **kwargs: object) -> Iterator[None]:
        translate(root, {(None, malay): ("Balance after costs.", False)})  # Poedit's save
        with real(*args, **kwargs):  # type: ignore[arg-type]
            yield

    monkeypatch.setattr(translations, "catalog_lock", saved_meanwhile)
    code, _, err = run(root, "import", str(sheet), *force)
    assert code == 2, err
    assert "the translated definition 'Balance <b>after</b> costs.' of untung is none" in err
    assert entry(root, None, malay) == ("Balance after costs.", False)


def test_a_translation_its_message_s_format_flag_refuses_is_not_imported(root: Path) -> None:
    # a translator flagged two headwords python-brace-format (Weblate writes a string's flags
    # into the catalog): 'Profit {n}' and a confirmed fuzzy '{x} Pryce' name arguments the
    # Malay lacks; they were written, and compile, every command and msgfmt --check then
    # refused the catalog
    import csv
    from dataclasses import replace

    from glossari.catalog.pofile import encode_po, load_po

    path = root / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    po = load_po(path)
    flagged = {("untung", "Untung"): "", ("harga", "Harga"): "{x} Pryce"}
    po = replace(po, entries=tuple(
        e.with_changes(msgstr=flagged[e.key], flags=(*(("fuzzy",) if flagged[e.key] else ()),
                                                     "python-brace-format"))
        if e.key in flagged else e for e in po.entries))
    path.write_bytes(encode_po(po, path=path))
    table = export(root, "g.csv", "--format", "csv")
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    for row in rows:
        if row["id"] == "untung":
            row["en"], row["status"] = "Profit {n}", "translated"
        if row["id"] == "harga":
            row["en"], row["status"] = "{x} Pryce", "translated"
    for wanted in ("untung", "harga"):
        edited = root.parent / f"{wanted}.csv"
        with edited.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(r for r in rows if r["id"] == wanted)
        before = catalog_bytes(root)
        for args in ((), ("--force",), ("--force", "--dry-run")):
            code, _, err = run(root, "import", str(edited), *args)
            if wanted == "harga" and not args:
                assert code == 0, err  # a fuzzy one is only noted without --force
                continue
            assert code == 2, err
            assert err.count("\n") == 1, err
            assert f"{edited}:2: the translated headword" in err
            assert "python-brace-format: msgstr uses argument" in err
            assert "nothing was imported" in err
        assert catalog_bytes(root) == before
    check_written(path)



def test_the_categories_note_lists_them_as_the_export_does(tmp_path: Path) -> None:
    """An article writing one category twice (``keywords: Takaful, takaful``) exports it once
    (``Takaful``); the note on a file whose categories differ quoted the glossary's as
    ``(Takaful; takaful)``, a list no export of it holds. One rule: distinct_categories."""
    from _catalog_oracles import article

    from glossari.text import distinct_categories

    root = glossary_root(tmp_path, {
        "premium-takaful": article("Premium takaful", "Caruman peserta.\n",
                                   description="Bayaran peserta.",
                                   keywords="Takaful, takaful, Insurans"),
    }, translations={})
    out, _ = ok(root, "table", "--format", "csv")
    assert ",Takaful; Insurans," in out  # the export lists the category once
    path = tmp_path / "edited.csv"
    path.write_text("id,ms,en,categories\r\npremium-takaful,Premium takaful,Takaful premium,"
                    "Kewangan Islam\r\n", encoding="utf-8")
    report = json.loads(ok(root, "import", str(path), "--format", "json")[0])
    notes = [o["message"] for o in report["outcomes"]
             if o["kind"] == "note" and o.get("field") == "category"]
    listed = "; ".join(ms for ms, _ in distinct_categories(("Takaful", "takaful", "Insurans")))
    assert len(notes) == 1, notes
    assert f"({listed})" in notes[0], notes
    assert "takaful;" not in notes[0]
