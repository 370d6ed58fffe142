"""Shared helpers for the import tests: a small glossary with every kind of English side.

Not a test module (no ``test_`` prefix).
"""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import replace
from pathlib import Path

from _catalog_oracles import article, make_root

from glossari.catalog.pofile import encode_po, load_po
from glossari.cli import main

ARTICLES = {
    "kos": article(
        "Kos", "Kos ialah harga. Lihat [saham biasa](/common-stock) dan [dana](/fund).\n",
        description="Harga sesuatu barang.", keywords="Asas, Perakaunan"),
    "harga": article("Harga", "Harga berkait dengan [kos](/kos) dan [dana](/fund).\n",
                     description="Nilai wang sesuatu.", keywords="Asas"),
    "untung": article("Untung", "Untung ialah baki.\n", description="Baki selepas kos."),
    "bank": article("Bank", "Bank menyimpan wang.\n", description="Institusi kewangan."),
    "bank-pusat": article("Bank", "Bank pusat.\n", description="Bank negara."),
}
"""kos: translated headword and definition; harga: fuzzy headword, untranslated definition;
untung: untranslated; two terms called Bank; fund: a link-only term with a translation;
common-stock: a link-only term with only a slug suggestion."""

TRANSLATIONS: dict[tuple[str | None, str], tuple[str, bool]] = {
    ("kos", "Kos"): ("Cost", False),
    (None, "Harga sesuatu barang."): ("The price of a thing.", False),
    ("harga", "Harga"): ("Pryce", True),
    ("/fund", "dana"): ("Fund", False),
    ("bank", "Bank"): ("Bank", False),
}
"""(msgctxt, msgid) -> (msgstr, fuzzy) written into the English glossary catalog."""


def run(root: Path, *args: str) -> tuple[int, str, str]:
    """``glossari --root ROOT ARGS`` in process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def ok(root: Path, *args: str) -> tuple[str, str]:
    """Run and insist on exit 0: (stdout, stderr)."""
    code, out, err = run(root, *args)
    assert code == 0, f"glossari {' '.join(args)} -> {code}\n{out}\n{err}"
    return out, err


def translate(root: Path, translations: dict[tuple[str | None, str], tuple[str, bool]],
              lang: str = "en") -> None:
    """Set msgstrs (and fuzzy flags) in ``root``'s ``lang`` glossary catalog."""
    path = root / "locale" / lang / "LC_MESSAGES" / "glossary.po"
    po = load_po(path)
    entries = []
    for entry in po.entries:
        if entry.key in translations:
            text, fuzzy = translations[entry.key]
            flags = tuple(f for f in entry.flags if f != "fuzzy") + (("fuzzy",) if fuzzy else ())
            entry = entry.with_changes(msgstr=text, flags=flags)
        entries.append(entry)
    path.write_bytes(encode_po(replace(po, entries=tuple(entries)), path=path))


def glossary_root(tmp: Path, articles: dict[str, str] | None = None, *,
                  translations: dict[tuple[str | None, str], tuple[str, bool]] | None = None,
                  ) -> Path:
    """A glossary folder with ``articles`` (:data:`ARTICLES`), extracted and updated,
    ``translations`` (:data:`TRANSLATIONS`; ``{}`` for none) set."""
    root = make_root(tmp, articles if articles is not None else ARTICLES)
    ok(root, "extract")
    ok(root, "update", "-l", "en")
    if translations != {}:
        translate(root, TRANSLATIONS if translations is None else translations)
    return root


def catalog_bytes(root: Path, lang: str = "en") -> dict[str, bytes]:
    """Every file under ``locale/LANG``, by name."""
    folder = root / "locale" / lang / "LC_MESSAGES"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def entry(root: Path, context: str | None, msgid: str, lang: str = "en") -> tuple[str, bool]:
    """(msgstr, fuzzy) of one message of the glossary catalog."""
    po = load_po(root / "locale" / lang / "LC_MESSAGES" / "glossary.po")
    found = po.by_key()[(context, msgid)]
    return found.msgstr, found.fuzzy



def fresh_copy(pristine: Path, tmp: Path) -> Path:
    """A copy of the glossary folder ``pristine`` for one test (its caches left behind)."""
    copy = tmp / "g"
    shutil.copytree(pristine, copy, ignore=shutil.ignore_patterns(".glossari-cache"))
    return copy
