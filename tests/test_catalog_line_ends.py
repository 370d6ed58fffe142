"""A CRLF catalog comes back CRLF throughout (issue 18 item 13).

``update`` keeps the bytes of every entry it does not change and renders the others anew; it
used to render them with LF, so a Windows translator's CRLF file came back with mixed line ends.
The file's line end (its first line's) is now the one every rendered entry gets.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from glossari.catalog.merge import merge
from glossari.catalog.pofile import load_po, parse_po, render_po
from glossari.cli import main
from tests._catalog_oracles import copy_with_en_catalog

PO_SOURCE = "locale/en/LC_MESSAGES/glossary.po"
BARE_LF = re.compile(r"(?<!\r)\n")


def test_merge_renders_new_entries_with_the_files_line_end() -> None:
    po = parse_po('msgid ""\r\nmsgstr ""\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n'
                  '"POT-Creation-Date: 1\\n"\r\n\r\n# c\r\nmsgid "Kos"\r\nmsgstr "Cost"\r\n\r\n'
                  'msgid "Lama"\r\nmsgstr "Old"\r\n', source="x.po")
    pot = parse_po('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n'
                   'POT-Creation-Date: 2\\n"\n\nmsgid "Kos"\nmsgstr ""\n\nmsgid "Baru\\nlagi"\n'
                   'msgstr ""\n', source="t.pot")
    out = render_po(merge(pot, po, lang="en"))
    assert not BARE_LF.search(out), out
    assert '#~ msgid "Lama"\r\n' in out  # the obsolete entry, rendered anew
    assert '"POT-Creation-Date: 2\\n"\r\n' in out  # the header, changed
    assert render_po(parse_po(out, source="y.po")) == out


def test_an_lf_catalog_stays_lf() -> None:
    po = parse_po('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Kos"\nmsgstr "Cost"\n', source="x.po")
    pot = parse_po('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                   'msgid "Baru"\nmsgstr ""\n', source="t.pot")
    assert "\r" not in render_po(merge(pot, po, lang="en"))


def test_update_of_a_crlf_catalog_is_crlf_throughout(
    template_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    root, po, text = copy_with_en_catalog(template_root, tmp_path)
    text = text.replace('msgid "Careers"\nmsgstr ""\n', 'msgid "Careers"\nmsgstr "Kerjaya"\n')
    # a message the template no longer has (it goes obsolete, rendered anew)
    text += '\nmsgid "Sudah tiada"\nmsgstr "Gone"\n'
    po.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    seen = set()
    for _ in range(3):
        assert main(["--root", str(root), "update", "-l", "en"]) == 0
        data = po.read_bytes()
        seen.add(data)
        assert not BARE_LF.search(data.decode("utf-8"))
        assert b'#~ msgid "Sudah tiada"\r\n' in data
    assert len(seen) == 1
    assert {e.msgid: e.msgstr for e in load_po(po).entries}["Careers"] == "Kerjaya"
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                          capture_output=True, check=False).returncode == 0
    capsys.readouterr()
