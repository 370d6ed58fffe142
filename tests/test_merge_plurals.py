"""A message whose plural changed keeps every translation (issue 18 item 9).

GNU msgmerge, given a catalog's plural entry whose key matches a singular template message,
keeps msgstr[0] as a fuzzy msgstr and drops msgstr[1..]; given a singular entry for a plural
template message, it copies the msgstr into every form, fuzzy. glossari used to drop msgstr[1..]
without a fuzzy flag. Now it follows msgmerge (the oracle below runs it) and keeps the dropped
forms in a translator comment, which brings them back when the message becomes plural again.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.merge import merge
from glossari.catalog.pofile import Entry, PoFile, load_po, parse_po, render_po
from glossari.cli import main
from glossari.errors import CatalogError
from tests._catalog_oracles import copy_with_en_catalog

PO_SOURCE = "locale/en/LC_MESSAGES/glossary.po"
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
PLURAL = 'msgid "Kos"\nmsgid_plural "Kos-kos"\nmsgstr[0] "Cost"\nmsgstr[1] "Costs"\n'
SINGULAR = 'msgid "Kos"\nmsgstr ""\n'


def _msgmerge(po: str, pot: str, tmp_path: Path) -> PoFile:
    (tmp_path / "old.po").write_text(po, encoding="utf-8")
    (tmp_path / "new.pot").write_text(pot, encoding="utf-8")
    done = subprocess.run(["msgmerge", "-q", "--no-fuzzy-matching", str(tmp_path / "old.po"),
                           str(tmp_path / "new.pot")], capture_output=True, text=True, check=True)
    return parse_po(done.stdout, source="msgmerge")


def _one(po: PoFile) -> Entry:
    return next(e for e in po.entries if e.msgid == "Kos")


def test_plural_to_singular_as_msgmerge_and_nothing_lost(tmp_path: Path) -> None:
    old, template = HEADER + PLURAL, HEADER + SINGULAR
    ours = merge(parse_po(template, source="t.pot"), parse_po(old, source="o.po"), lang="en")
    gnu = _one(_msgmerge(old, template, tmp_path))
    entry = _one(ours)
    assert (entry.msgid_plural, entry.msgstr, entry.fuzzy) == (gnu.msgid_plural, gnu.msgstr,
                                                               gnu.fuzzy) == (None, "Cost", True)
    # msgmerge drops "Costs"; glossari keeps it, in a comment every PO tool keeps
    assert "Costs" not in render_po(_msgmerge(old, template, tmp_path))
    text = render_po(ours)
    assert '# msgstr[1] (plural form before the message became singular): "Costs"' in text
    path = tmp_path / "ours.po"
    path.write_text(text, encoding="utf-8")
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                          check=False).returncode == 0
    # a second merge changes nothing; the plural coming back brings "Costs" back
    again = merge(parse_po(template, source="t.pot"), parse_po(text, source="x.po"), lang="en")
    assert render_po(again) == text
    back = merge(parse_po(HEADER + PLURAL.replace('"Cost"', '""').replace('"Costs"', '""'),
                          source="t.pot"), parse_po(text, source="x.po"), lang="en")
    assert _one(back).msgstr_plural == ("Cost", "Costs")
    assert _one(back).fuzzy
    assert not _one(back).translator_comments


def test_singular_to_plural_as_msgmerge(tmp_path: Path) -> None:
    old = HEADER + 'msgid "Kos"\nmsgstr "Cost"\n'
    template = HEADER + PLURAL.replace('"Cost"', '""').replace('"Costs"', '""')
    ours = _one(merge(parse_po(template, source="t.pot"), parse_po(old, source="o.po"),
                      lang="en"))
    gnu = _one(_msgmerge(old, template, tmp_path))
    assert (ours.msgstr_plural, ours.fuzzy) == (gnu.msgstr_plural, gnu.fuzzy) == (
        ("Cost", "Cost"), True)


def test_changed_msgid_plural_is_fuzzy_as_msgmerge(tmp_path: Path) -> None:
    old = HEADER + PLURAL
    template = HEADER + 'msgid "Kos"\nmsgid_plural "Kos lain"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    ours = _one(merge(parse_po(template, source="t.pot"), parse_po(old, source="o.po"),
                      lang="en"))
    gnu = _one(_msgmerge(old, template, tmp_path))
    assert (ours.msgstr_plural, ours.fuzzy) == (gnu.msgstr_plural, gnu.fuzzy) == (
        ("Cost", "Costs"), True)


FORM = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)


@settings(max_examples=60, deadline=None)
@given(first=FORM, second=FORM)
def test_any_dropped_form_survives_and_comes_back(first: str, second: str) -> None:
    plural = Entry(msgid="Kos", msgid_plural="Kos-kos", msgstr_plural=(first, second))
    header = parse_po(HEADER, source="h.po").header
    singular_template = PoFile(header=None, entries=(Entry(msgid="Kos"),))
    plural_template = PoFile(header=None, entries=(
        Entry(msgid="Kos", msgid_plural="Kos-kos", msgstr_plural=("", "")),))
    once = merge(singular_template, PoFile(header=header, entries=(plural,)), lang="en")
    text = render_po(once)
    reread = parse_po(text, source="x.po")
    assert _one(reread).msgstr == first
    back = _one(merge(plural_template, reread, lang="en"))
    assert back.msgstr_plural == (first, second)


def test_update_keeps_the_forms_run_after_run(
    template_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    root, po, text = copy_with_en_catalog(template_root, tmp_path)
    po.write_text(text.replace('msgid "Careers"\nmsgstr ""\n',
                               'msgid "Careers"\nmsgid_plural "Careers (n)"\n'
                               'msgstr[0] "Career"\nmsgstr[1] "Careers"\n'), encoding="utf-8")
    seen = set()
    for _ in range(3):
        assert main(["--root", str(root), "update", "-l", "en"]) == 0
        seen.add(po.read_bytes())
        entry = next(e for e in load_po(po).entries if e.msgid == "Careers")
        assert (entry.msgstr, entry.fuzzy) == ("Career", True)
        assert any('"Careers"' in c for c in entry.translator_comments)
    assert len(seen) == 1
    capsys.readouterr()


HEADER_1 = HEADER.replace("nplurals=2; plural=(n != 1);", "nplurals=1; plural=0;")


def _retired(plural: str) -> str:
    return "".join(f"#~ {line}\n" for line in plural.splitlines())


def test_an_obsolete_entry_with_the_forms_of_an_earlier_plural_forms_is_read(
    tmp_path: Path,
) -> None:
    # Weblate's Plural-Forms for ms is nplurals=1; a catalog begun with nplurals=2 keeps its
    # retired two-form entries. GNU reads the file (msgfmt --check skips #~ entries); glossari
    # refused it whole, so every command stopped on a translator's file GNU accepts
    text = HEADER_1 + 'msgid "Harga"\nmsgstr "Price"\n\n' + _retired(PLURAL)
    po = parse_po(text, source="o.po")
    assert render_po(po) == text
    path = tmp_path / "o.po"
    path.write_text(text, encoding="utf-8")
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                          check=False).returncode == 0
    # a current one is still refused, as GNU refuses it, with a hint that fits nplurals=1
    with pytest.raises(CatalogError, match=r"has 2 forms.*give it msgstr\[0\] only"):
        parse_po(HEADER_1 + PLURAL, source="c.po")
    # revived (exactly, or fuzzy by a similar message), msgstr[1] is kept in a comment
    for msgid in ("Kos", "Kos!"):
        template = HEADER_1 + f'msgid "{msgid}"\nmsgid_plural "Kos-kos"\nmsgstr[0] ""\n'
        back = merge(parse_po(template, source="t.pot"), po, lang="ms")
        entry = next(e for e in back.entries if e.msgid == msgid)
        assert entry.msgstr_plural == ("Cost",)
        assert any('"Costs"' in c for c in entry.translator_comments), entry



def test_a_form_beyond_nplurals_1_is_not_called_a_singular_one() -> None:
    # a plural message revived under nplurals=1 is still plural: its msgstr[1] is kept as a
    # form beyond nplurals=1, not as one "before the message became singular" (which it never
    # became, and which a later change to plural would then read back as such)
    po = parse_po(HEADER_1 + _retired(PLURAL), source="o.po")
    template = HEADER_1 + 'msgid "Kos"\nmsgid_plural "Kos-kos"\nmsgstr[0] ""\n'
    entry = _one(merge(parse_po(template, source="t.pot"), po, lang="ms"))
    assert entry.msgstr_plural == ("Cost",)
    assert entry.translator_comments == ('msgstr[1] (plural form beyond nplurals=1): "Costs"',)


_PLURALS = st.sampled_from([None, "%d saham-saham", "%d pelaburannya", "%d peniaga broker"])


@settings(max_examples=25, deadline=None)
@given(context=st.sampled_from([None, "saham"]), before=_PLURALS, after=_PLURALS,
       fuzzy=st.booleans())
def test_a_plural_gained_or_lost_gives_the_previous_message_as_msgmerge_previous(
        tmp_path_factory: pytest.TempPathFactory, context: str | None, before: str | None,
        after: str | None, fuzzy: bool) -> None:
    """A message that gained or lost a plural was marked fuzzy with no `#| msgid` /
    `#| msgid_plural`, which `msgmerge --previous` writes: the translator's tool had no old
    source to show the change against."""
    ctx = f'msgctxt "{context}"\n' if context else ""
    old = HEADER + ("#, fuzzy\n" if fuzzy else "") + ctx + 'msgid "%d saham"\n' + (
        f'msgid_plural "{before}"\nmsgstr[0] "%d share"\nmsgstr[1] "%d shares"\n' if before
        else 'msgstr "%d share"\n')
    template = HEADER + ctx + 'msgid "%d saham"\n' + (
        f'msgid_plural "{after}"\nmsgstr[0] ""\nmsgstr[1] ""\n' if after else 'msgstr ""\n')
    tmp = tmp_path_factory.mktemp("previous")
    (tmp / "old.po").write_text(old, encoding="utf-8")
    (tmp / "new.pot").write_text(template, encoding="utf-8")
    gnu = parse_po(subprocess.run(
        ["msgmerge", "-q", "--previous", "--no-fuzzy-matching", str(tmp / "old.po"),
         str(tmp / "new.pot")], capture_output=True, text=True, check=True).stdout,
        source="msgmerge")
    ours = merge(parse_po(template, source="t.pot"), parse_po(old, source="o.po"), lang="en")

    def previous(po: PoFile) -> tuple[object, ...]:
        entry = next(e for e in po.entries if e.msgid == "%d saham")
        return (entry.fuzzy, entry.previous_msgctxt, entry.previous_msgid,
                entry.previous_msgid_plural)

    assert previous(ours) == previous(gnu)


# GNU msgfmt --check counts the forms of a translated plural message only: one that is fuzzy,
# or whose msgstr[0] is empty (Django's kn catalogs: `msgstr[0] ""` alone under nplurals=2),
# it neither compiles nor checks. glossari refused such a catalog (termcheck of a Django
# project, an update of a catalog a tool left so) where GNU reads it.
GNU_UNCOUNTED = {
    "fuzzy-one-form": '#, fuzzy\nmsgid "Kos"\nmsgid_plural "Kos-kos"\nmsgstr[0] "Cost"\n',
    "empty-first-three-forms": ('msgid "Kos"\nmsgid_plural "Kos-kos"\nmsgstr[0] ""\n'
                                'msgstr[1] "Costs"\nmsgstr[2] "Many costs"\n'),
    "untranslated-one-form": 'msgid "Kos"\nmsgid_plural "Kos-kos"\nmsgstr[0] ""\n',
}


@pytest.mark.parametrize("name", sorted(GNU_UNCOUNTED))
def test_forms_gnu_does_not_count_are_read_and_kept(name: str, tmp_path: Path) -> None:
    old = HEADER + GNU_UNCOUNTED[name]
    (tmp_path / "old.po").write_text(old, encoding="utf-8")
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(tmp_path / "old.po")],
                          check=False, capture_output=True).returncode == 0
    forms = [f for f in _one(parse_po(old, source="old.po")).msgstr_plural if f]
    for template in (HEADER + SINGULAR, HEADER + 'msgid "Kos"\nmsgid_plural "Kos-kos"\n'
                     'msgstr[0] ""\nmsgstr[1] ""\n', HEADER + 'msgid "Lain"\nmsgstr ""\n'):
        merged = render_po(merge(parse_po(template, source="t.pot"),
                                 parse_po(old, source="old.po"), lang="en"))
        for form in forms:  # every translator's form, as a form, obsolete, or in a comment
            assert f'"{form}"' in merged, (template, merged)
        (tmp_path / "new.po").write_text(merged, encoding="utf-8")
        done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(tmp_path / "new.po")],
                              check=False, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_a_translated_plural_with_the_wrong_form_count_is_still_refused() -> None:
    with pytest.raises(CatalogError, match="nplurals=2"):
        parse_po(HEADER + 'msgid "Kos"\nmsgid_plural "Kos-kos"\nmsgstr[0] "Cost"\nmsgstr[1] '
                 '"Costs"\nmsgstr[2] ""\n', source="x.po")
