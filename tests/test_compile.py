"""``glossari compile``: ``.mo`` files the standard library reads, fuzzy messages left out."""

from __future__ import annotations

import gettext
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from glossari.catalog.mofile import render_mo
from glossari.catalog.pofile import Entry, PoFile, load_po, parse_po, render_po, write_po
from tests._catalog_oracles import REPO, article, cli, make_root, needs_gnu
from tests.strategies import CATALOG_CONTROLS
from tests.test_update import translate

OLD = 946684800


def _mo(root: Path, domain: str, lang: str = "en") -> Path:
    return root / "locale" / lang / "LC_MESSAGES" / f"{domain}.mo"


def _po(root: Path, domain: str, lang: str = "en") -> Path:
    return root / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"


def _shipped(tmp_path: Path) -> Path:
    """A copy of the repository's glossary: the seed and the shipped English catalog."""
    root = make_root(tmp_path, seed=True)
    (root / "locale").mkdir()
    for pot in (REPO / "locale").glob("*.pot"):
        (root / "locale" / pot.name).write_bytes(pot.read_bytes())
    for po in (REPO / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        target = _po(root, po.stem)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(po.read_bytes())
    assert cli(root, "extract")[0] == 0
    return root


def test_the_standard_library_reads_the_english_headwords(tmp_path: Path) -> None:
    root = _shipped(tmp_path)
    code, err = cli(root, "compile", "-l", "en")
    assert code == 0, err
    glossary = gettext.translation("glossary", str(root / "locale"), ["en"])
    assert glossary.pgettext("accountexecutive", "Eksekutif akaun") == "Account executive"
    assert glossary.pgettext("/broker-dealer", "peniaga broker") == "broker-dealer"
    assert glossary.pgettext("/investmentadvisor", "penasihat pelaburan") == "investment advisor"
    assert glossary.pgettext("/primebrokerage", "pembrokeran utama") == "prime brokerage"
    assert glossary.pgettext("/finra", "FINRA ), terpakai kepada") == "FINRA"
    body = gettext.translation("articles-a", str(root / "locale"), ["en"])
    assert body.gettext("Sorotan") == "Key Takeaways"


def test_the_shipped_english_catalog_is_complete_and_current(tmp_path: Path) -> None:
    root = _shipped(tmp_path)
    code, err = cli(root, "update", "-l", "en")
    assert code == 0, err
    assert "0 fuzzy, 0 untranslated, 0 obsolete; 0 created, 0 written, 2 unchanged" in err
    for po in (REPO / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        assert _po(root, po.stem).read_bytes() == po.read_bytes()


@needs_gnu
def test_our_mo_says_what_msgfmt_s_mo_says(tmp_path: Path) -> None:
    root = _shipped(tmp_path)
    translate(_po(root, "glossary"), {"Careers": "Careers (unchecked)"})
    po = load_po(_po(root, "glossary"))
    write_po(_po(root, "glossary"), PoFile(header=po.header, entries=tuple(
        e.with_changes(flags=("fuzzy",)) if e.msgid == "Careers" else e for e in po.entries)))
    assert cli(root, "compile")[0] == 0
    for domain in ("glossary", "articles-a"):
        gnu = tmp_path / f"{domain}.gnu.mo"
        subprocess.run(["msgfmt", "-o", str(gnu), str(_po(root, domain))], check=True)
        ours = gettext.GNUTranslations(io.BytesIO(_mo(root, domain).read_bytes()))
        theirs = gettext.GNUTranslations(io.BytesIO(gnu.read_bytes()))
        ours_catalog = dict(ours._catalog)  # type: ignore[attr-defined]
        theirs_catalog = dict(theirs._catalog)  # type: ignore[attr-defined]
        # msgfmt drops POT-Creation-Date from the compiled header (so a new template alone does
        # not change the .mo); the rest of the header and every message must agree
        ours_header = [line for line in ours_catalog.pop("").split("\n")
                       if not line.startswith("POT-Creation-Date:")]
        assert ours_header == theirs_catalog.pop("").split("\n")
        assert ours_catalog == theirs_catalog
    glossary = gettext.GNUTranslations(io.BytesIO(_mo(root, "glossary").read_bytes()))
    assert glossary.gettext("Careers") == "Careers"  # fuzzy: left out, the source comes back


def test_compile_without_lang_does_every_language_and_keeps_unchanged_files(
    tmp_path: Path,
) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Satu.\n")})
    assert cli(root, "extract")[0] == 0
    for lang in ("en", "id"):
        assert cli(root, "update", "-l", lang)[0] == 0
    translate(_po(root, "glossary", "id"), {"Kos": "Biaya"})
    code, err = cli(root, "compile")
    assert code == 0, err
    assert "1 message in the .mo files; 4 written, 0 unchanged" in err
    for lang in ("en", "id"):
        for domain in ("glossary", "articles-k"):
            os.utime(_mo(root, domain, lang), (OLD, OLD))
    code, err = cli(root, "compile")
    assert "0 written, 4 unchanged" in err
    assert _mo(root, "glossary", "id").stat().st_mtime == OLD
    t = gettext.GNUTranslations(io.BytesIO(_mo(root, "glossary", "id").read_bytes()))
    assert t.pgettext("kos", "Kos") == "Biaya"


def test_compile_errors(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"kos": article("Kos", "Satu.\n")})
    code, err = cli(root, "compile", "-l", "en")
    assert code == 2
    assert "glossari update -l en" in err
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    path = _po(root, "glossary")
    path.write_text(path.read_text("utf-8") + '\nmsgid "Kos\nmsgstr ""\n', encoding="utf-8")
    code, err = cli(root, "compile", "-l", "en")
    assert code == 2
    assert "locale/en/LC_MESSAGES/glossary.po:" in err
    assert not _mo(root, "glossary").exists()
    assert not _mo(root, "articles-k").exists()  # nothing written when one catalog is broken
    code, err = cli(root, "compile", "-l", "xx-nope")
    assert code == 2
    assert "unknown language code" in err


# ------------------------------------------------------------------------------------------
# Any text survives write, read, compile and gettext lookup

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters=CATALOG_CONTROLS),
    min_size=1, max_size=60,
)
TRICKY = 'a "quoted" \\ back\\slash\ttab\nnew line\u2028sep\x85nel \U0001f4b0 \x7f end'


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(msgid=TEXT, msgstr=TEXT, context=st.one_of(st.none(), TEXT))
@example(msgid=TRICKY, msgstr=TRICKY, context=TRICKY)
@example(msgid="\n", msgstr="\n\n", context=None)
@example(msgid="Sorotan", msgstr="\u2028", context="/x\x85")
def test_any_text_survives_write_read_compile_and_lookup(
    tmp_path_factory: pytest.TempPathFactory, msgid: str, msgstr: str, context: str | None
) -> None:
    # a newline at one edge only is a catalog GNU msgfmt refuses, and so does the reader
    # (tests/test_pofile.py): not a text that must survive
    assume((msgid[:1] == "\n", msgid[-1:] == "\n") == (msgstr[:1] == "\n", msgstr[-1:] == "\n"))
    header = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n"
                   "Plural-Forms: nplurals=2; plural=(n != 1);\n")
    entry = Entry(msgid=msgid, msgstr=msgstr, msgctxt=context, references=("seeds/x.md:1",))
    po = PoFile(header=header, entries=(entry,))
    path = tmp_path_factory.mktemp("po") / "glossary.po"
    write_po(path, po)
    back = load_po(path)
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in back.entries] == [(context, msgid, msgstr)]
    assert render_po(back) == path.read_text("utf-8")  # unchanged entries keep their bytes
    assert parse_po(render_po(po), source="x.po").entries == back.entries
    with path.open("rb") as handle:
        babel = read_po(handle)
    assert babel.get(msgid, context=context).string == msgstr  # type: ignore[union-attr]
    mo = gettext.GNUTranslations(io.BytesIO(render_mo(back.entries, back.header)))
    got = mo.gettext(msgid) if context is None else mo.pgettext(context, msgid)
    assert got == msgstr


def test_the_committed_mo_files_are_current(tmp_path: Path) -> None:
    root = _shipped(tmp_path)
    assert cli(root, "compile", "-l", "en")[0] == 0
    for po in (REPO / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
        committed = po.with_suffix(".mo")
        assert committed.exists(), f"{committed.name} missing: run 'glossari compile -l en'"
        assert committed.read_bytes() == _mo(root, po.stem).read_bytes(), (
            f"{committed.name} is stale: run 'glossari compile -l en'")


# ------------------------------------------------------------------------------------------
# The compile lock: a killed compile's temporary files are removed by the next one


def _temporaries(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "locale").rglob("*.tmp"))


def test_compile_removes_what_a_killed_compile_left_and_nothing_else(tmp_path: Path) -> None:
    root = _shipped(tmp_path)
    assert cli(root, "compile", "-l", "en")[0] == 0
    folder = root / "locale" / "en"
    termbase = (folder / "glossari.sqlite").read_bytes()
    # what a compile killed while writing leaves: a termbase and a .mo written aside
    left = [folder / ".glossari.sqlite.k1lled.tmp", folder / "LC_MESSAGES" / ".glossary.mo.x7.tmp"]
    # and what is not compile's to remove: a translator's files, another temporary name
    kept = [folder / "LC_MESSAGES" / "notes.tmp", folder / "glossari.sqlite.bak",
            folder / "LC_MESSAGES" / ".glossary.po.x7.tmp", folder / ".draft.tmp"]
    for path in [*left, *kept]:
        path.write_bytes(b"half a file")
    code, err = cli(root, "compile", "-l", "en")
    assert code == 0, err
    assert "termbase en fresh" in err  # nothing rebuilt, yet the leftovers are gone
    assert not any(path.exists() for path in left)
    assert all(path.read_bytes() == b"half a file" for path in kept)
    assert (folder / "glossari.sqlite").read_bytes() == termbase
    # the lock file is beside the catalog lock, which a new glossary's .gitignore covers
    assert (root / "locale" / ".glossari-en-compile.lock").is_file()


def test_a_running_compile_is_waited_for_and_its_files_are_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import functools

    from glossari.catalog import compile as catalog_compile
    from glossari.catalog import translations
    from glossari.root import GlossaryRoot

    root = _shipped(tmp_path)
    assert cli(root, "compile", "-l", "en")[0] == 0
    running = [root / "locale" / "en" / ".glossari.sqlite.runs.tmp",
               root / "locale" / "en" / "LC_MESSAGES" / ".glossary.mo.runs.tmp"]
    short = functools.partial(translations.compile_lock, timeout=0.2)
    monkeypatch.setattr(translations, "compile_lock", short)
    monkeypatch.setattr(catalog_compile, "compile_lock", short)
    with translations.catalog_lock(GlossaryRoot(path=root), "en"):
        # the catalog lock (held by `update`) does not hold compile off
        assert cli(root, "compile", "-l", "en")[0] == 0
    mo = _mo(root, "glossary").read_bytes()
    text = _po(root, "glossary").read_text("utf-8")
    assert 'msgstr "Account executive"' in text
    _po(root, "glossary").write_text(
        text.replace('msgstr "Account executive"', 'msgstr "Account officer"'), encoding="utf-8")
    with short(GlossaryRoot(path=root), "en"):  # another compile is writing these
        for path in running:
            path.write_bytes(b"being written")
        code, err = cli(root, "compile", "-l", "en")
        assert code == 2
        assert err.count("\n") == 1
        assert "locale/.glossari-en-compile" in err
        assert "another 'glossari compile' is writing" in err
        assert "wait for it" in err
        assert all(path.read_bytes() == b"being written" for path in running)
        assert _mo(root, "glossary").read_bytes() == mo
        # the termbase alone (the library call) waits for the same lock
        from glossari.errors import CatalogError
        from glossari.glossary import compile_termbase

        with pytest.raises(CatalogError, match="another 'glossari compile'"):
            compile_termbase(GlossaryRoot(path=root), "en")
        assert all(path.exists() for path in running)
    assert cli(root, "compile", "-l", "en")[0] == 0
    assert _temporaries(root) == []
    assert _mo(root, "glossary").read_bytes() != mo  # the edit, compiled once the lock was free


def test_a_latin1_catalog_compiles_to_what_it_says(tmp_path: Path) -> None:
    # msgconv -t ISO-8859-1, or an old editor: the catalog is read right, and so must its .mo be
    root = _shipped(tmp_path)
    po = _po(root, "glossary")
    text = po.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=ISO-8859-1")
    text = text.replace('msgstr "Account executive"', 'msgstr "Exécutif de compte £"')
    po.write_bytes(text.encode("latin-1"))
    code, err = cli(root, "compile", "-l", "en")
    assert code == 0, err
    glossary = gettext.translation("glossary", str(root / "locale"), ["en"])
    assert glossary.pgettext("accountexecutive", "Eksekutif akaun") == "Exécutif de compte £"


@pytest.mark.parametrize(("folder", "said"), [
    ("pt-BR", "locale/pt-BR: the language code 'pt-BR' is written 'pt_BR' in locale/; "
              "rename the folder to locale/pt_BR"),
    ("bahasa", "locale/bahasa: unknown language code 'bahasa'; "),
])
def test_compile_names_a_language_folder_it_cannot_read_as_the_folder(
    tmp_path: Path, folder: str, said: str,
) -> None:
    # compile without -l refused locale/pt-BR as `-l: ... use 'pt_BR'`: no -l was given, and
    # the folder to rename went unnamed (check named it)
    from tests._alignkit import cli, ok, prepared, seed_root

    root = prepared(seed_root(tmp_path))
    other = root / "locale" / folder / "LC_MESSAGES"
    other.mkdir(parents=True)
    shutil.copy(root / "locale" / "en" / "LC_MESSAGES" / "glossary.po", other)
    code, _out, err = cli("compile", root=root)
    assert code == 2
    assert err.startswith(f"glossari: error: {said}"), err
    assert err.count("\n") == 1
    assert not list(root.glob("locale/*/LC_MESSAGES/*.mo"))
    ok("compile", "-l", "en", root=root)  # the language asked for is compiled
