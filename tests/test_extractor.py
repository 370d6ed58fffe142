"""The Babel extractor: ``pybabel extract`` finds the same messages as ``glossari extract``."""

from __future__ import annotations

import io
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.pofile import read_po

from glossari.catalog.extractor import extract_glossari
from glossari.catalog.pofile import load_po
from glossari.root import GlossaryRoot
from tests._catalog_oracles import article, make_root

PYBABEL = Path(sys.executable).parent / "pybabel"


def _glossari_messages(root: Path) -> set[tuple[str | None, str]]:
    from glossari.catalog.extract import extract as glossari_extract

    glossari_extract(GlossaryRoot(path=root))
    return {e.key for pot in (root / "locale").glob("*.pot") for e in load_po(pot).entries}


def test_registered_in_the_babel_extractors_group() -> None:
    found = [ep for ep in entry_points(group="babel.extractors") if ep.name == "glossari"]
    assert [ep.value for ep in found] == ["glossari.catalog.extractor:extract_glossari"]
    assert found[0].load() is extract_glossari


@pytest.mark.skipif(not PYBABEL.exists(), reason="pybabel is not installed in this environment")
def test_pybabel_extract_matches_glossari_extract(tmp_path: Path) -> None:
    root = make_root(tmp_path, {
        "kos": article("Kos", "## Sorotan\n\n- Sama.\n", description="Harga.", keywords="A, B"),
        "akaun-bank": article("Akaun", "Lihat [kos](/kos) dan [bon](/bon).\n\n## Sorotan\n\n"
                              "- Sama.\n"),
    }, seed=True)
    (root / "seeds" / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (root / "mapping.cfg").write_text("[glossari: seeds/*.md]\n", encoding="utf-8")
    done = subprocess.run([str(PYBABEL), "extract", "-F", "mapping.cfg", "-o", "messages.pot", "."],
                          cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    with (root / "messages.pot").open("rb") as handle:
        catalog = read_po(handle)
    babel = {(m.context, m.id) for m in catalog if m.id}
    assert babel == _glossari_messages(root)
    head = catalog.get("Eksekutif akaun", context="accountexecutive")
    assert head is not None
    assert head.auto_comments == ["headword of accountexecutive"]
    assert head.locations == [("seeds/accountexecutive.md", 3)]
    sama = catalog.get("Sama.")
    assert sama is not None
    assert sorted(sama.locations) == [("seeds/akaun-bank.md", 9), ("seeds/kos.md", 9)]


@pytest.mark.skipif(not PYBABEL.exists(), reason="pybabel is not installed in this environment")
def test_pybabel_names_a_bad_article_in_one_line_without_a_traceback(tmp_path: Path) -> None:
    """A bad article gave a Python traceback through `pybabel extract` (and no template), where
    `glossari extract` names it in one line."""
    root = make_root(tmp_path, {"kos": article("Kos", "Harga.\n")})
    (root / "seeds" / "rosak.md").write_bytes(b"---\ntitle: Ro\x00sak\n---\n")
    (root / "mapping.cfg").write_text("[glossari: seeds/*.md]\n", encoding="utf-8")
    done = subprocess.run([str(PYBABEL), "extract", "-F", "mapping.cfg", "-o", "messages.pot", "."],
                          cwd=root, capture_output=True, text=True, check=False)
    assert "Traceback" not in done.stderr
    named = [line for line in done.stderr.splitlines() if line.startswith("glossari: ")]
    assert len(named) == 1
    assert "rosak.md:2: " in named[0]
    assert "skipped" in named[0]
    with (root / "messages.pot").open("rb") as handle:
        assert {m.id for m in read_po(handle) if m.id} == {"Kos", "Harga."}


def test_extract_through_babel_api_carries_context_and_comments() -> None:
    data = article("Kos", "Satu [bon](/bon).\n").encode()
    source = io.BytesIO(data)
    source.name = "seeds/kos.md"
    got = list(extract(extract_glossari, source))
    assert got == [
        (2, "Kos", ["headword of kos"], "kos"),
        (5, "bon", ["link of kos"], "/bon"),
        (5, "Satu [bon](/bon).", ["paragraph of kos"], None),
    ]


def test_without_pgettext_keyword_messages_come_without_context() -> None:
    source = io.BytesIO(article("Kos").encode())
    got = list(extract_glossari(source, ["gettext"], [], {"id": "kos"}))
    assert got == [(2, None, "Kos", ["headword of kos"])]


@pytest.mark.skipif(not PYBABEL.exists(), reason="pybabel is not installed in this environment")
@pytest.mark.parametrize("pattern", ["seeds/*.md", "seeds/**.md"])
def test_an_article_in_a_subfolder_is_not_extracted(tmp_path: Path, pattern: str) -> None:
    """The documented mapping was seeds/**.md, which reaches into subfolders of seeds/ that
    glossari never reads (S112): Babel's template held messages of no term."""
    root = make_root(tmp_path, {"kos": article("Kos", "Harga.\n")})
    (root / "seeds" / "lama").mkdir()
    (root / "seeds" / "lama" / "bon.md").write_text(article("Bon", "Hutang.\n"), encoding="utf-8")
    (root / "mapping.cfg").write_text(f"[glossari: {pattern}]\n", encoding="utf-8")
    done = subprocess.run([str(PYBABEL), "extract", "-F", "mapping.cfg", "-o", "messages.pot", "."],
                          cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    with (root / "messages.pot").open("rb") as handle:
        babel = {(m.context, m.id) for m in read_po(handle) if m.id}
    assert babel == _glossari_messages(root)
    assert "Hutang." not in {msgid for _, msgid in babel}
